#!/usr/bin/env python3
"""Documents made of several files (docs/documents.md), from the command
line: the default (numbered chapters), an index's `parts:` front matter,
--document, a config's "documents", a file in two documents, a part that
cannot be read, suppressions and configs per file, `init --parts`,
--explain of the document rules."""
import json
import os
import subprocess
import sys
import tempfile

DDLINT = None
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def run(args, cwd=None):
    p = subprocess.run([DDLINT, *args], cwd=cwd, capture_output=True, timeout=120,
                       env=dict(os.environ, NO_COLOR="1"))
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def lint_json(args, cwd):
    rc, out, err = run(["-f", "json", *args], cwd=cwd)
    try:
        return rc, json.loads(out), err
    except ValueError:
        return rc, {"files": [], "documents": []}, err + out


def rules_of(doc):
    return [d["rule"] for d in doc["diagnostics"]]


def test_frontmatter_parts(tmp):
    d = os.path.join(tmp, "fm")
    write(os.path.join(d, "README.md"),
          "---\nparts:\n  - metrics.md\n  - problem.md\n  - gone.md\n---\n# Design\n\nOverview.\n")
    write(os.path.join(d, "problem.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "metrics.md"), "# Success Metrics\n\nWe compare two ranking models on last month's click logs.\n")
    rc, rep, err = lint_json(["--no-config", "fm"], tmp)
    docs = rep.get("documents", [])
    check("parts: in the index's front matter make a document", len(docs) == 1, (rep, err))
    if not docs:
        return
    x = docs[0]
    check("the parts come in the listed order, after the index",
          x["parts"] == ["fm/README.md", "fm/metrics.md", "fm/problem.md", "fm/gone.md"], x["parts"])
    miss = [g for g in x["diagnostics"] if g["rule"] == "missing-part"]
    check("a listed part that is absent is a missing-part error at its line in the index",
          len(miss) == 1 and miss[0]["file"] == "fm/README.md" and miss[0]["start"]["line"] == 5 and
          miss[0]["severity"] == "error" and x["unreadable_parts"] == ["fm/gone.md"], miss)
    found = {c["title"]: c.get("file") for c in x["coverage"] if c["found"]}
    check("sections are found in their own parts",
          found.get("Success Metrics") == "fm/metrics.md" and
          found.get("Problem Formulation") == "fm/problem.md", found)


def test_link_order(tmp):
    d = os.path.join(tmp, "links")
    write(os.path.join(d, "README.md"),
          "# D\n\n- [three](./03_c/)\n- [one][one]\n- [gone](04_gone.md)\n\n"
          "```\n[not a link](02_b.md)\n```\n\n[one]: 01_a.md#top\n")
    write(os.path.join(d, "01_a.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "02_b.md"), "# Success Metrics\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "03_c", "README.md"), "# Features\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "10_j.md"), "# Model Design\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "9_i.md"), "# Data and Labeling\n\nWe compare two ranking models on last month's click logs.\n")
    rc, rep, err = lint_json(["--no-config", "links"], tmp)
    x = (rep.get("documents") or [{}])[0]
    check("parts in the order their link targets appear (inline links, reference definitions "
          "where defined, not in code), then the others in natural order",
          x.get("parts") == ["links/README.md", "links/03_c/README.md", "links/04_gone.md",
                             "links/01_a.md", "links/02_b.md", "links/9_i.md", "links/10_j.md"],
          x.get("parts"))


def test_unreadable_part(tmp):
    d = os.path.join(tmp, "unread")
    write(os.path.join(d, "README.md"), "---\nparts: [a.md, sub.md]\n---\n# D\n")
    write(os.path.join(d, "a.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    os.makedirs(os.path.join(d, "sub.md"))  # named as a part, but a folder
    write(os.path.join(d, "README.md"), "---\nparts: [a.md, sub.md, fifo.md, bin.md]\n---\n# D\n")
    os.mkfifo(os.path.join(d, "fifo.md"))  # must not be opened: no hang
    with open(os.path.join(d, "bin.md"), "wb") as f:
        f.write(bytes(range(256)) * 8)
    rc, rep, err = lint_json(["--no-config", "unread"], tmp)
    x = (rep.get("documents") or [{}])[0]
    miss = [g for g in x.get("diagnostics", []) if g["rule"] == "missing-part"]
    check("a part that cannot be read (a folder, a FIFO, a binary file) is reported, the rest linted",
          len(miss) == 3 and "sub.md" in miss[0]["message"] and "fifo.md" in miss[1]["message"] and
          "binary" in miss[2]["message"] and
          any(c["found"] and c["title"] == "Problem Formulation" for c in x.get("coverage", [])),
          (miss, err))


def test_declared(tmp):
    d = os.path.join(tmp, "plain")
    write(os.path.join(d, "intro.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "metrics.md"), "# Success Metrics\n\nWe compare two ranking models on last month's click logs.\n")
    rc, rep, err = lint_json(["--no-config", "plain"], tmp)
    check("without a declaration, a folder of unnumbered files is files",
          len(rep["files"]) == 2 and not rep.get("documents"), rep)
    rc, rep, err = lint_json(["--no-config", "--document", "plain"], tmp)
    docs = rep.get("documents", [])
    check("--document DIR lints the folder as one document",
          len(docs) == 1 and docs[0]["parts"] == ["plain/intro.md", "plain/metrics.md"] and
          not rep["files"], rep)
    rc, rep, err = lint_json(["--no-config", "--document", "plain", "plain"], tmp)
    check("--document DIR and DIR as a path: linted once",
          len(rep.get("documents", [])) == 1 and not rep["files"], rep)
    rc, out, err = run(["--no-config", "--document", "plain/intro.md"], cwd=tmp)
    check("--document on a file is an error (exit 2)", rc == 2 and "not a directory" in err, err)
    # a decision log: its index links into a subfolder of four-digit records
    log = os.path.join(tmp, "log")
    write(os.path.join(log, "README.md"),
          "# Ticket router decisions\n\n| # | decision |\n|---|---|\n"
          "| 0002 | [Model](decisions/0002-model.md) |\n"
          "| 0001 | [Scope](decisions/0001-scope.md) |\n"
          "| - | [Elsewhere](../plain/intro.md) |\n"
          "| - | [Itself](README.md) |\n"
          "| - | [Model again](./decisions/./0002-model.md) |\n"
          "| - | [Out by a link](decisions/out.md) |\n")
    write(os.path.join(log, "decisions", "0001-scope.md"), "# Scope\n\nRoute tickets.\n")
    write(os.path.join(log, "decisions", "0002-model.md"), "# Model\n\nA linear model.\n")
    write(os.path.join(log, "decisions", "0003-unlinked.md"), "# Unlinked\n\nNot in the index.\n")
    os.symlink(os.path.join(tmp, "plain", "intro.md"), os.path.join(log, "decisions", "out.md"))
    rc, rep, err = lint_json(["--no-config", "log"], tmp)
    check("undeclared, a README linking into decisions/0001-*.md is records, one file each",
          not rep.get("documents") and len(rep["files"]) == 5, rep)
    rc, rep, err = lint_json(["--no-config", "--document", "log"], tmp)
    docs = rep.get("documents", [])
    check("--document DIR: the index's links to Markdown files inside DIR are parts, in link order, "
          "once each (not a link out of it, nor a symlink out, nor the index, nor a file it does not link)",
          len(docs) == 1 and docs[0]["parts"] == ["log/README.md", "log/decisions/0002-model.md",
                                                  "log/decisions/0001-scope.md"], docs)
    # a config's "documents"
    proj = os.path.join(tmp, "proj")
    write(os.path.join(proj, ".ddlint.json"), json.dumps({"documents": ["designs/*"]}))
    os.makedirs(os.path.join(proj, ".git"))
    for name in ("alpha", "beta"):
        write(os.path.join(proj, "designs", name, "a.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
        write(os.path.join(proj, "designs", name, "b.md"), "# Success Metrics\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(proj, "notes", "x.md"), "# Notes\n")
    rc, rep, err = lint_json(["."], proj)
    names = sorted(x["name"] for x in rep.get("documents", []))
    check("a config's \"documents\" globs make each matching folder one document",
          names == ["alpha", "beta"] and [f["path"] for f in rep["files"]] == ["notes/x.md"],
          (rep.get("documents"), rep["files"], err))


def test_shared_part(tmp):
    for name in ("one", "two"):
        write(os.path.join(tmp, "shared", name, "README.md"),
              "---\nparts: [../common.md, own.md]\n---\n# " + name + "\n")
        write(os.path.join(tmp, "shared", name, "own.md"), "# Success Metrics\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(tmp, "shared", "common.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    rc, rep, err = lint_json(["--no-config", "--document", "shared/one", "--document", "shared/two"], tmp)
    docs = rep.get("documents", [])
    if len(docs) != 2:
        check("two documents", False, rep)
        return
    one, two = docs
    check("a file in two documents is linted in the first",
          any(c["found"] and c.get("file") == "shared/one/../common.md" for c in one["coverage"]) and
          "shared-part" not in rules_of(one), one["coverage"][:1])
    shared = [g for g in two["diagnostics"] if g["rule"] == "shared-part"]
    check("... and the second gets a shared-part warning naming the first",
          len(shared) == 1 and shared[0]["severity"] == "warning" and "shared/one" in shared[0]["message"]
          and not any(c["found"] and c.get("file", "").endswith("common.md") for c in two["coverage"]),
          shared)


def test_per_file(tmp):
    d = os.path.join(tmp, "perfile")
    write(os.path.join(d, "README.md"), "# D\n\nOverview.\n")
    write(os.path.join(d, "01_a", "README.md"),
          "<!-- ddlint-disable-file placeholder -->\n# Problem Formulation\n\nThe budget is TBD.\n")
    write(os.path.join(d, "02_b", "README.md"), "# Success Metrics\n\nThe metric is TBD.\n")
    write(os.path.join(d, "03_c", "README.md"), "# Features\n\nThe list is TBD.\n")
    write(os.path.join(d, "03_c", ".ddlint.json"), json.dumps({"rules": {"placeholder": "off"}}))
    os.makedirs(os.path.join(d, ".git"), exist_ok=True)
    rc, rep, err = lint_json(["perfile"], tmp)
    x = (rep.get("documents") or [{}])[0]
    ph = [g["file"] for g in x.get("diagnostics", []) if g["rule"] == "placeholder"]
    check("a disable-file in one part and a config over another silence only those files",
          ph == ["perfile/02_b/README.md"], (ph, err))


def test_init_parts(tmp):
    rc, out, err = run(["init", "--parts", "newdoc"], cwd=tmp)
    files = sorted(os.listdir(os.path.join(tmp, "newdoc"))) if rc == 0 else []
    check("init --parts writes an index and one chapter per section",
          rc == 0 and files[-1] == "README.md" and len(files) == 9 and files[0].startswith("01_"),
          (rc, err, files))
    rc, rep, err = lint_json(["--no-config", "newdoc"], tmp)
    x = (rep.get("documents") or [{}])[0]
    cov = x.get("coverage", [])
    check("... which lints as one document with every section located, each empty "
          "until written (the skeleton's guidance is in comments)",
          cov and all(c.get("line") and c.get("via") == "empty" for c in cov) and
          len(x["parts"]) == 9, x.get("parts"))
    rc, out, err = run(["init", "--parts", "newdoc"], cwd=tmp)
    check("init --parts refuses to overwrite", rc == 2 and "exists" in err, err)


def test_document_rules_configurable(tmp):
    d = os.path.join(tmp, "cfg")
    write(os.path.join(d, "README.md"),
          "# D\n\n- [a](01_a.md)\n<!-- ddlint-disable-next-line missing-part -->\n"
          "- [b](02_b.md)\n- [c](03_c.md)\n")
    write(os.path.join(d, "01_a.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    rc, rep, err = lint_json(["--no-config", "cfg"], tmp)
    x = (rep.get("documents") or [{}])[0]
    miss = [g["message"] for g in x.get("diagnostics", []) if g["rule"] == "missing-part"]
    check("a suppression comment names missing-part like any rule",
          len(miss) == 1 and "03_c.md" in miss[0] and
          "unknown-suppression" not in rules_of(x), (miss, rules_of(x)))
    write(os.path.join(tmp, "c.json"), json.dumps({"rules": {"missing-part": "warning"}}))
    rc, rep, err = lint_json(["--config", "c.json", "cfg"], tmp)
    x = (rep.get("documents") or [{}])[0]
    sev = [g["severity"] for g in x.get("diagnostics", []) if g["rule"] == "missing-part"]
    check("a config sets missing-part's severity, with no warning", sev == ["warning"] and not err,
          (sev, err))


def test_named_chapter_note(tmp):
    d = os.path.join(tmp, "named")
    write(os.path.join(d, "README.md"), "# D\n")
    write(os.path.join(d, "01_a", "README.md"), "# Problem Formulation\n\nWe compare two ranking models on last month's click logs.\n")
    write(os.path.join(d, "02_b", "README.md"), "# Success Metrics\n\nWe compare two ranking models on last month's click logs.\n")
    rc, rep, err = lint_json(["--no-config", "named/01_a/README.md"], tmp)
    check("a chapter named on the command line is linted alone, with a note naming its document",
          len(rep["files"]) == 1 and "is a part of the document named;" in err, err)


def test_named_chapters(tmp):
    # an index that links two or more plainly named chapters (data.md,
    # serving.md) is one design; an index of designs named by product, or
    # one link to a chapter name, is not
    g = os.path.join(tmp, "guide")
    write(os.path.join(g, "README.md"),
          "# Day-ahead load forecast\n\nRead in order.\n\n- [Data](data.md)\n"
          "- [Model](./model.md)\n- [How it runs](serving.md)\n")
    write(os.path.join(g, "data.md"), "# Data\n\nHourly meter readings and weather.\n")
    write(os.path.join(g, "model.md"), "# Model\n\nGradient-boosted trees per hour.\n")
    write(os.path.join(g, "serving.md"), "# Serving\n\nA nightly batch job.\n")
    write(os.path.join(g, "img", "flow.png"), "not markdown")
    rc, rep, err = lint_json(["--no-config", "guide"], tmp)
    docs = rep.get("documents", [])
    check("an index linking plainly named chapters makes one document, in link order",
          [x["parts"] for x in docs] ==
          [["guide/README.md", "guide/data.md", "guide/model.md", "guide/serving.md"]],
          (docs, err))
    # a repository's root or a project's docs folder is not: a file the
    # index does not link, or a folder of Markdown beside it
    r = os.path.join(tmp, "repo")
    write(os.path.join(r, "README.md"), "# Tool\n\n- [Data](data.md)\n- [Model](model.md)\n")
    write(os.path.join(r, "data.md"), "# Data\n\nText.\n")
    write(os.path.join(r, "model.md"), "# Model\n\nText.\n")
    write(os.path.join(r, "CONTRIBUTING.md"), "# Contributing\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "repo"], tmp)
    check("... but not with a Markdown file the index does not link (CONTRIBUTING.md)",
          not rep.get("documents") and len(rep.get("files", [])) == 4, (rep.get("documents"), err))
    os.remove(os.path.join(r, "CONTRIBUTING.md"))
    write(os.path.join(r, "sub", "design.md"), "# A design\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "repo"], tmp)
    check("... nor beside a folder of Markdown files, which is linted too",
          not rep.get("documents") and
          any(f["path"].endswith("sub/design.md") for f in rep.get("files", [])),
          (rep.get("documents"), err))
    # a contents list that names its files in code, in folders named as
    # parts of a design: one design in the order the list gives
    k = os.path.join(tmp, "kiosk")
    write(os.path.join(k, "README.md"),
          "# Queue-length estimates for ferry kiosks\n\n## Contents\n\n"
          "- `data/sources.md`: gate counts and ticket scans\n"
          "- `design/estimator.md`: the model\n- `design/display.md`: what the screen shows\n"
          "- `ops/rollout.md`: pilot and alerts\n\nSee `notes.txt` for raw notes.\n")
    write(os.path.join(k, "data", "sources.md"), "# Sources\n\nGate counts every minute.\n")
    write(os.path.join(k, "design", "estimator.md"), "# Estimator\n\nA Poisson model.\n")
    write(os.path.join(k, "design", "display.md"), "# Display\n\nMinutes to board.\n")
    write(os.path.join(k, "ops", "rollout.md"), "# Rollout\n\nOne terminal first.\n")
    write(os.path.join(k, "notes.txt"), "not markdown")
    rc, rep, err = lint_json(["--no-config", "kiosk"], tmp)
    check("an index naming every file in code, in folders named as parts (data/, ops/), is one document, in its order",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["kiosk/README.md", "kiosk/data/sources.md", "kiosk/design/estimator.md",
            "kiosk/design/display.md", "kiosk/ops/rollout.md"]], (rep.get("documents"), err))
    write(os.path.join(k, "ops", "oncall.md"), "# On call\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "kiosk"], tmp)
    check("... but not when a file in those folders is not named: files one by one",
          not rep.get("documents") and len(rep.get("files", [])) == 6, (rep.get("documents"), err))
    # a repository's README naming its docs/ files and CONTRIBUTING.md in
    # code stays files one by one: docs/ is no part's folder
    rr = os.path.join(tmp, "toolrepo")
    write(os.path.join(rr, "README.md"), "# Tool\n\nThe format is in `docs/data.md` and "
          "the flags in `docs/overview.md`. Read `CONTRIBUTING.md` first.\n")
    write(os.path.join(rr, "CONTRIBUTING.md"), "# Contributing\n\nText.\n")
    write(os.path.join(rr, "docs", "data.md"), "# Data\n\nText.\n")
    write(os.path.join(rr, "docs", "overview.md"), "# Overview\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "toolrepo"], tmp)
    check("... but a repository naming docs/data.md and CONTRIBUTING.md is files one by one",
          not rep.get("documents") and len(rep.get("files", [])) == 4, (rep.get("documents"), err))
    # a model repository's README over a docs/ folder, in a folder of
    # Markdown only: one design; a LICENSE beside it makes it a repository
    mr = os.path.join(tmp, "modelrepo")
    write(os.path.join(mr, "README.md"), "# Seam checker\n\nFlags bad welds "
          "before paint.\n\n## Docs\n\n- [Training](docs/training.md)\n"
          "- [Serving on the line](docs/serving.md)\n"
          "- [Evaluation](docs/evaluation.md)\n")
    for name in ("training", "serving", "evaluation"):
        write(os.path.join(mr, "docs", name + ".md"), f"# {name.title()}\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "modelrepo"], tmp)
    check("a README over docs/training.md, docs/serving.md ... in a folder of Markdown only is one document",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["modelrepo/README.md", "modelrepo/docs/training.md",
            "modelrepo/docs/serving.md", "modelrepo/docs/evaluation.md"]],
          (rep.get("documents"), err))
    write(os.path.join(mr, "LICENSE"), "MIT\n")
    rc, rep, err = lint_json(["--no-config", "modelrepo"], tmp)
    check("... but with a LICENSE beside it, a repository: files one by one",
          not rep.get("documents") and len(rep.get("files", [])) == 4,
          (rep.get("documents"), err))
    os.remove(os.path.join(k, "ops", "oncall.md"))
    write(os.path.join(k, "ops", "old", "draft.md"), "# Old draft\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "kiosk"], tmp)
    check("... nor with Markdown two folders down",
          not rep.get("documents"), (rep.get("documents"), err))
    # a part listed twice in front matter, or linked as "<02_x.md\0#y>",
    # is read once (found by fuzz_docparts)
    t2 = os.path.join(tmp, "twice")
    write(os.path.join(t2, "README.md"), "---\nparts: [a.md, b.md, a.md]\n---\n# Twice\n")
    write(os.path.join(t2, "a.md"), "# A\n\nText.\n")
    write(os.path.join(t2, "b.md"), "# B\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "twice"], tmp)
    check("a part listed twice in front matter is read once, where first listed",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["twice/README.md", "twice/a.md", "twice/b.md"]], (rep.get("documents"), err))
    # a wiki's page names: a word of each names a part of a design
    w = os.path.join(tmp, "wiki")
    write(os.path.join(w, "README.md"),
          "# Rings\n\n| page | what |\n|---|---|\n| [Graph Features](Graph-Features.md) | x |\n"
          "| [Ring Model](Ring-Model.md) | y |\n")
    write(os.path.join(w, "Graph-Features.md"), "# Graph features\n\nText.\n")
    write(os.path.join(w, "Ring-Model.md"), "# Ring model\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "wiki"], tmp)
    check("a wiki's pages 'Graph-Features.md', 'Ring-Model.md' under an index linking them are one document",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["wiki/README.md", "wiki/Graph-Features.md", "wiki/Ring-Model.md"]], (rep.get("documents"), err))
    # an index of decision records stays records, whatever their words
    a = os.path.join(tmp, "adr")
    write(os.path.join(a, "README.md"),
          "# Decisions\n\n- [0001](0001-model-choice.md)\n- [0002](0002-serving-pipeline.md)\n")
    write(os.path.join(a, "0001-model-choice.md"), "# Model choice\n\nText.\n")
    write(os.path.join(a, "0002-serving-pipeline.md"), "# Serving pipeline\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "--template", "adr", "adr"], tmp)
    check("... but an index of numbered records ('0001-model-choice.md') stays records, one by one, "
          "for a template of records (ADR)",
          not rep.get("documents") and len(rep.get("files", [])) == 3, (rep.get("documents"), err))
    # for a design's template ("record_parts": the ML packs) the same
    # folder is one design written as a decision log; records one folder
    # down too; an unlinked Markdown file beside them keeps them apart
    rc, rep, err = lint_json(["--no-config", "adr"], tmp)
    check("an index linking every record is one design for the ML template ('record_parts')",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["adr/README.md", "adr/0001-model-choice.md", "adr/0002-serving-pipeline.md"]],
          (rep.get("documents"), err))
    b = os.path.join(tmp, "declog")
    write(os.path.join(b, "README.md"),
          "# Flaky tests\n\n- [Scope](decisions/0001-scope.md)\n- [Model](decisions/0002-model.md)\n")
    write(os.path.join(b, "decisions", "0001-scope.md"), "# Scope\n\nText.\n")
    write(os.path.join(b, "decisions", "0002-model.md"), "# Model\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "declog"], tmp)
    check("... with its records in a folder below the index",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["declog/README.md", "declog/decisions/0001-scope.md", "declog/decisions/0002-model.md"]],
          (rep.get("documents"), err))
    write(os.path.join(b, "decisions", "0003-unlinked.md"), "# Later\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "declog"], tmp)
    check("... but not when a record there is not linked: a log of many things, one by one",
          not rep.get("documents") and len(rep.get("files", [])) == 4, (rep.get("documents"), err))
    c = os.path.join(tmp, "designs")
    write(os.path.join(c, "README.md"),
          "# Our designs\n\n- [Fraud scoring](fraud-scoring.md)\n- [Search](search.md)\n"
          "- [Data](data.md)\n")
    for n in ("fraud-scoring.md", "search.md", "data.md"):
        write(os.path.join(c, n), "# A design\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "designs"], tmp)
    check("an index of designs named by product, with one chapter-like name, is files one by one",
          not rep.get("documents") and len(rep.get("files", [])) == 4, (rep.get("documents"), err))
    # a bare folder of numbered chapter files, no index: one design when
    # the first is an overview and each is named as a chapter, and there
    # is nothing else in it; numbered notes stay files one by one
    e = os.path.join(tmp, "bare")
    write(os.path.join(e, "01_overview.md"), "# Gate waits: overview\n\nText.\n")
    write(os.path.join(e, "02_data_and_labels.md"), "# Data\n\nText.\n")
    write(os.path.join(e, "03_serving.md"), "# Serving\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "bare"], tmp)
    check("a bare folder '01_overview.md', '02_data_and_labels.md', '03_serving.md' is one design",
          [x["parts"] for x in rep.get("documents", [])] ==
          [["bare/01_overview.md", "bare/02_data_and_labels.md", "bare/03_serving.md"]],
          (rep.get("documents"), err))
    write(os.path.join(e, "notes.md"), "# Notes\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "bare"], tmp)
    check("... but not with another Markdown file beside them",
          not rep.get("documents") and len(rep.get("files", [])) == 4, (rep.get("documents"), err))
    b = os.path.join(tmp, "bare-background")
    write(os.path.join(b, "01_background.md"), "# Why now\n\nText.\n")
    write(os.path.join(b, "02_data.md"), "# Data\n\nText.\n")
    write(os.path.join(b, "03_forecasting_model.md"), "# Model\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "bare-background"], tmp)
    check("... or the problem: '01_background.md', '02_data.md', '03_forecasting_model.md'",
          len(rep.get("documents", [])) == 1 and not rep.get("files"), (rep.get("documents"), err))
    n = os.path.join(tmp, "numbered-notes")
    write(os.path.join(n, "01_kickoff.md"), "# Kickoff\n\nText.\n")
    write(os.path.join(n, "02_data.md"), "# Data\n\nText.\n")
    write(os.path.join(n, "03_model.md"), "# Model\n\nText.\n")
    rc, rep, err = lint_json(["--no-config", "numbered-notes"], tmp)
    check("... nor when the first is not an overview ('01_kickoff.md')",
          not rep.get("documents") and len(rep.get("files", [])) == 3, (rep.get("documents"), err))


def test_explain():
    rc, out, err = run(["--explain", "missing-part"])
    check("--explain missing-part", rc == 0 and "missing-part" in out and "index" in out, err)
    rc, out, err = run(["--explain", "shared-part"])
    check("--explain shared-part", rc == 0 and "shared-part" in out, err)


def test_schemas(root):
    """The multi-file fixture's JSON and SARIF validate against their schemas."""
    try:
        import jsonschema
    except ImportError:
        print("note: python3-jsonschema is absent; schema checks skipped")
        return
    rc, out, err = run(["--no-config", "-f", "json", "fixtures/multi/churn-service",
                        "fixtures/incomplete.md"], cwd=root)
    try:
        jsonschema.validate(json.loads(out), json.load(open(os.path.join(root, "docs", "report.schema.json"))))
        ok = True
    except (ValueError, jsonschema.ValidationError) as e:
        ok = str(e)[:300]
    check("a document's JSON validates against docs/report.schema.json", ok is True, ok)
    sarif_schema = os.path.join(root, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
    if not os.path.exists(sarif_schema):
        print(f"note: {sarif_schema} is absent; SARIF schema validation skipped")
        return
    rc, out, err = run(["--no-config", "-f", "sarif", "fixtures/multi/churn-service"], cwd=root)
    try:
        log = json.loads(out)
        jsonschema.validate(log, json.load(open(sarif_schema)))
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in log["runs"][0]["results"]}
        ok = True
    except (ValueError, jsonschema.ValidationError) as e:
        ok, uris = str(e)[:300], set()
    check("a document's SARIF validates, each result on its part's file",
          ok is True and "fixtures/multi/churn-service/03_data.md" in uris and
          "fixtures/multi/churn-service/README.md" in uris, (ok, uris))


def main():
    global DDLINT
    DDLINT = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        for t in (test_frontmatter_parts, test_link_order, test_unreadable_part, test_declared, test_shared_part,
                  test_per_file, test_init_parts, test_document_rules_configurable, test_named_chapter_note,
                  test_named_chapters):
            try:
                t(tempfile.mkdtemp(dir=tmp))
            except Exception as e:
                check(f"{t.__name__} raised", False, repr(e))
        test_explain()
        test_schemas(os.path.abspath(sys.argv[2]))
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
