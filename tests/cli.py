#!/usr/bin/env python3
"""End-to-end tests of the ddlint command: options, exit statuses, stdin,
directories, templates, --explain for every rule, colour, the JSON shape of
docs/json-format.md, and the binary running alone with its embedded pack."""
import json
import os
import pty
import re
import shutil
import stat
import subprocess
import sys
import tempfile

DDLINT = ROOT = None
results = []


def run(args, stdin=b"", cwd=None, env=None):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    p = subprocess.run([DDLINT] + args, input=stdin, cwd=cwd or ROOT, env=e,
                       capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(name, cond, detail=""):
    results.append((name, bool(cond)))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def test_version_help():
    rc, out, err = run(["--version"])
    check("--version exits 0 and prints the version", rc == 0 and re.match(r"ddlint \d+\.\d+\.\d+\n$", out), out)
    rc, out, err = run(["--help"])
    check("--help documents exit statuses", rc == 0 and "Exit status:" in out and "--explain" in out, out)
    fmt = out[out.index("--format FORMAT"):out.index("-o, --output")]
    check("--help lists every --format, summary included",
          all(f in fmt for f in ("human", "json", "sarif", "github", "summary")), fmt)


def test_usage_errors():
    for args, needle in [(["--bogus", "x.md"], "unknown option '--bogus'"),
                         (["--format"], "needs an argument"),
                         (["--format", "xml", "x.md"], "unknown format 'xml'"),
                         (["--fail-on", "fatal", "x.md"], "--fail-on takes"),
                         ([], "no input")]:
        rc, out, err = run(args)
        lines = [l for l in err.splitlines() if l.strip()]
        check(f"usage error {args} exits 2 with one clear message",
              rc == 2 and needle in err and lines[0].startswith("ddlint: ") and out == "",
              f"rc={rc} err={err!r}")


def test_exit_statuses():
    rc, out, _ = run(["examples/smart-reply-design.md"])
    check("a complete design doc exits 0", rc == 0 and "0 errors, 0 warnings" in out, out)
    rc, out, _ = run(["fixtures/incomplete.md"])
    check("incomplete doc exits 1", rc == 1, out)
    check("incomplete doc: missing metrics named",
          'missing required section "Success Metrics" [missing-section]' in out, out)
    check("incomplete doc: vague latency named",
          'latency target has no number and unit: "latency should be low' in out, out)
    check("incomplete doc: missing fallback named", "[missing-fallback]" in out, out)
    # a doc whose only findings are warnings: 0 by default, 1 with --fail-on warning
    rc0, _, _ = run(["fixtures/renamed-headings.md"])
    doc = open(os.path.join(ROOT, "examples/smart-reply-design.md")).read()
    doc = doc.replace("P99 latency < 150 ms", "latency should be low")
    rc1, out1, _ = run(["-"], stdin=doc.encode())
    rc2, out2, _ = run(["--fail-on", "warning", "-"], stdin=doc.encode())
    check("warnings alone exit 0; --fail-on warning makes them exit 1",
          rc0 == 0 and rc1 == 0 and "[latency-target]" in out1 and rc2 == 1, (rc0, rc1, rc2))
    rc3, _, _ = run(["--fail-on", "info", "fixtures/near-miss.md"])
    check("--fail-on info fails on infos", rc3 == 1)


def test_stdin():
    data = open(os.path.join(ROOT, "fixtures/incomplete.md"), "rb").read()
    rc, out, _ = run(["--stdin-filename", "docs/churn.md", "-"], stdin=data)
    check("stdin with --stdin-filename reports that path",
          rc == 1 and out.startswith("docs/churn.md:") and "docs/churn.md: 1 error" in out, out[:200])
    rc, out, _ = run(["-f", "json", "-"], stdin=data)
    doc = json.loads(out)
    check("stdin without a name is reported as -", doc["files"][0]["path"] == "-")


def test_directories():
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "sub", "deeper"))
        os.makedirs(os.path.join(d, ".hidden"))
        os.makedirs(os.path.join(d, "node_modules"))
        for rel in ["b.md", "a.markdown", "sub/deeper/c.md", ".hidden/x.md",
                    "node_modules/y.md", "notes.txt"]:
            with open(os.path.join(d, rel), "w") as f:
                f.write("# T\n\n## Problem Formulation\n\nText.\n")
        os.symlink(d, os.path.join(d, "sub", "loop"))  # a directory symlink loop
        rc, out, err = run(["-f", "json", d])
        paths = [os.path.relpath(f["path"], d) for f in json.loads(out)["files"]]
        check("directories: *.md and *.markdown, sorted, hidden/node_modules/symlinked dirs skipped",
              paths == ["a.markdown", "b.md", "sub/deeper/c.md"] and rc == 1, (paths, rc, err))
        rc, out, err = run([os.path.join(d, "notes.txt")])
        check("an explicit file is linted whatever its extension", rc == 1 and "notes.txt:" in out)


def test_io_errors():
    rc, out, err = run(["fixtures/incomplete.md", "no/such/file.md"])
    check("a missing path exits 2 after linting the rest, with path: reason",
          rc == 2 and "no/such/file.md: No such file or directory" in err and "fixtures/incomplete.md:" in out,
          (rc, err))
    if hasattr(os, "mkfifo"):
        with tempfile.TemporaryDirectory() as d:
            fifo = os.path.join(d, "pipe.md")
            os.mkfifo(fifo)
            rc, out, err = run([fifo])
            check("a FIFO is refused, not read (no hang)", rc == 2 and "not a regular file" in err, err)


def test_templates():
    rc, out, err = run(["--template", "no-such-pack", "x.md"])
    check("unknown built-in template exits 2", rc == 2 and 'no template named "no-such-pack"' in err, err)
    with tempfile.TemporaryDirectory() as d:
        bad = os.path.join(d, "bad.json")
        with open(bad, "w") as f:
            f.write('{\n  "name": "x",\n  "sections": [],\n  "rules": [\n    {"id": "r", "kind": "nope",'
                    ' "severity": "error", "message": "m"}\n  ]\n}\n')
        rc, out, err = run(["--template", bad, "fixtures/empty.md"])
        check("a bad pack is a located error and exit 2",
              rc == 2 and err.startswith(f"ddlint: {bad}:5:25: unknown rule kind \"nope\"") and out == "",
              err)
        broken = os.path.join(d, "broken.json")
        with open(broken, "w") as f:
            f.write('{\n  "name": "x",\n  "sections": [,]\n}\n')
        rc, out, err = run(["--template", broken, "fixtures/empty.md"])
        check("invalid JSON in a pack is located", rc == 2 and f"{broken}:3:" in err and "invalid JSON" in err, err)
        tiny = os.path.join(d, "tiny.json")
        with open(tiny, "w") as f:
            json.dump({"name": "tiny", "version": "1", "sections": [
                {"id": "context", "title": "Context"}, {"id": "decision", "title": "Decision"}],
                "rules": [{"id": "need", "kind": "required-section", "severity": "error",
                           "message": "no {section}", "help": "{detail}", "explain": "x"}]}, f)
        rc, out, err = run(["--template", tiny, "-"], stdin=b"# ADR\n\n## Context\n\nWe must.\n")
        check("a pack from a file is used", rc == 1 and "no Decision [need]" in out, out)


def test_list_and_explain():
    rc, out, _ = run(["--list-rules"])
    pack = json.load(open(os.path.join(ROOT, "rules/ml-system-design.json")))
    ids = [r["id"] for r in pack["rules"]]
    check("--list-rules lists every rule id", rc == 0 and all(re.search(rf"^  {re.escape(i)} ", out, re.M) for i in ids), out)
    for r in pack["rules"]:
        rc, out, err = run(["--explain", r["id"]])
        ok = (rc == 0 and out.startswith(f"{r['id']} ({r['kind']}, {r['severity']})")
              and r.get("explain") and r["explain"] in out and f"How the {r['kind']} kind works:" in out)
        check(f"--explain {r['id']} has text", ok, out[:200])
    rc, out, err = run(["--explain", "nope"])
    check("--explain of an unknown id exits 2", rc == 2 and 'no rule "nope"' in err)


def test_color():
    rc, out, _ = run(["--color", "always", "fixtures/incomplete.md"])
    check("--color always colours", "\x1b[" in out)
    rc, out, _ = run(["fixtures/incomplete.md"])
    check("no colour when stdout is not a terminal", "\x1b[" not in out)

    def on_tty(env):
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(ROOT)
            e = dict(os.environ)
            e.pop("NO_COLOR", None)
            e.update(env)
            os.execve(DDLINT, [DDLINT, "fixtures/incomplete.md"], e)
        chunks = []
        while True:
            try:
                b = os.read(fd, 65536)
            except OSError:
                break
            if not b:
                break
            chunks.append(b)
        os.waitpid(pid, 0)
        return b"".join(chunks).decode("utf-8", "replace")
    check("colour on a terminal", "\x1b[" in on_tty({}))
    check("no colour on a terminal when NO_COLOR is set", "\x1b[" not in on_tty({"NO_COLOR": "1"}))


def validate(doc, schema):
    """True when doc validates against schema, else why not; None when
    python3-jsonschema is absent."""
    try:
        import jsonschema
    except ImportError:
        return None
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        return f"{e.message} at {list(e.absolute_path)}"
    return True


def json_shape_by_hand(doc):
    """The report's required fields (docs/report.schema.json), for a machine
    without python3-jsonschema."""
    if not isinstance(doc, dict) or not {"version", "tool", "files", "summary"} <= doc.keys():
        return "the report lacks version, tool, files or summary"
    for f in doc["files"]:
        need = {"path", "template", "score", "counts", "diagnostics", "coverage"}
        if not need <= f.keys():
            return f"file {f.get('path')} lacks one of {sorted(need)}"
        need = {"rule", "severity", "message", "help", "start", "end", "section"}
        for d in f["diagnostics"]:
            if not need <= d.keys():
                return f"a diagnostic of {f['path']} lacks one of {sorted(need)}"
    return True


def test_json_shape():
    schema = json.load(open(os.path.join(ROOT, "docs/report.schema.json")))
    rc, out, _ = run(["-f", "json", "fixtures/incomplete.md", "fixtures/placeholders.md",
                      "examples/smart-reply-design.md"])
    doc = json.loads(out)
    v = validate(doc, schema)
    if v is None:
        print("note: python3-jsonschema is absent; checking the shape by hand")
        v = json_shape_by_hand(doc)
    check("JSON output validates against docs/report.schema.json", v is True, v)
    f = doc["files"][0]
    d = next(x for x in f["diagnostics"] if x["rule"] == "missing-section")
    check("JSON diagnostic fields", d["severity"] == "error" and d["start"]["line"] == 9 and
          d["start"]["column"] == 1 and d["section"] == "Success Metrics" and d["help"], d)
    t = next(x for x in f["diagnostics"] if x["rule"] == "missing-success-metric") if any(
        x["rule"] == "missing-success-metric" for x in f["diagnostics"]) else None
    cov = {c["id"]: c for c in f["coverage"]}
    check("JSON coverage: a missing section has no line", cov["success-metrics"]["found"] is False
          and "line" not in cov["success-metrics"] and cov["problem"]["line"] == 3)
    total = sum(c["weight"] + sum(t["weight"] for t in c["topics"]) for c in f["coverage"])
    found = sum((c["weight"] if c["found"] else 0) + sum(t["weight"] for t in c["topics"] if t["found"])
                for c in f["coverage"])
    check("JSON score is the weighted share of sections and topics found",
          f["score"] == round(100 * found / total, 1) and 0 < f["score"] < 100, (f["score"], found, total))
    check("JSON summary", doc["summary"]["files"] == 3 and doc["version"] == 2 and
          doc["summary"]["error"] == sum(x["counts"]["error"] for x in doc["files"]), doc["summary"])
    # end offsets and columns agree with the source bytes
    src = open(os.path.join(ROOT, "fixtures/incomplete.md"), "rb").read()
    lat = next(x for x in f["diagnostics"] if x["rule"] == "latency-target")
    check("JSON byte offsets point at the reported text",
          src[lat["start"]["offset"]:lat["end"]["offset"]] == b"latency" and lat["start"]["column"] == 24, lat)
    _ = t


def test_bad_bytes():
    blobs = {
        "invalid UTF-8": b"# T\n\n## Problem Formulation\n\nbad \xff\xfe bytes TBD \xc3\n",
        "NUL bytes": b"# T\x00\n\n## Success\x00 Metrics\n\nCTR\x00\n",
        "lone CR": b"# T\r\r## Problem Formulation\r\rTBD\r",
        "BOM": b"\xef\xbb\xbf# T\n\n## Problem Formulation\n\nTBD\n",
        "only front matter": b"---\ntitle: x\n---\n",
    }
    for name, data in blobs.items():
        rc, out, err = run(["-f", "json", "-"], stdin=data)
        try:
            json.loads(out)
            parsed = True
        except ValueError:
            parsed = False
        check(f"bad bytes ({name}): exit 1 and JSON that parses", rc == 1 and parsed and not err, (rc, err))
    rc, out, _ = run(["-"], stdin=b"# T\r\r## Problem Formulation\r\rTBD\r")
    check("lone CR line endings keep line numbers", "-:5:1: warning: placeholder" in out, out)
    rc, out, _ = run(["-"], stdin=b"\xef\xbb\xbf# T\n\n## Problem Formulation\n\nTBD\n")
    check("a BOM does not shift columns", "-:5:1: warning: placeholder" in out, out)


def test_binary_alone():
    with tempfile.TemporaryDirectory() as d:
        exe = os.path.join(d, "ddlint")
        shutil.copy(DDLINT, exe)
        doc = open(os.path.join(ROOT, "fixtures/incomplete.md"), "rb").read()
        p = subprocess.run([exe, "-"], input=doc, cwd=d, capture_output=True, timeout=60)
        out = p.stdout.decode()
        check("the binary alone in an empty folder lints with its embedded pack",
              p.returncode == 1 and "[missing-section]" in out and os.listdir(d) == ["ddlint"], out[:200])


def test_sarif():
    schema_path = os.path.join(ROOT, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
    rc, out, _ = run(["-f", "sarif", "fixtures/incomplete.md", "fixtures/placeholders.md",
                      "fixtures/frontmatter-crlf.md", "examples/smart-reply-design.md"])
    log = json.loads(out)
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    pack = json.load(open(os.path.join(ROOT, "rules/ml-system-design.json")))
    check("SARIF lists every rule with descriptions and a default level",
          [r["id"] for r in rules] == [r["id"] for r in pack["rules"]] +
          ["unknown-suppression", "unused-suppression", "invalid-utf8", "pattern-limit"] and
          all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
              and r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in rules))
    res = run0["results"]
    ok = all(r["ruleId"] == rules[r["ruleIndex"]]["id"] and
             r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("fixtures/") and
             r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in res)
    check("SARIF results: rule ids, relative URIs and regions", ok and len(res) > 5 and rc == 1)
    ms = next(r for r in res if r["ruleId"] == "missing-section")
    check("SARIF: section path as a logical location, level error",
          ms["level"] == "error" and ms["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
          == "Success Metrics", ms)
    check("SARIF: %SRCROOT% is declared as the working directory in originalUriBaseIds",
          run0.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri")
          == "file://" + os.path.realpath(ROOT) + "/", run0.get("originalUriBaseIds"))
    with tempfile.TemporaryDirectory() as d:
        fixture = os.path.join(os.path.realpath(ROOT), "fixtures", "incomplete.md")
        for arg in (fixture, os.path.relpath(fixture, d)):
            _, out, _ = run(["-f", "sarif", arg], cwd=d)
            locs = {json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"])
                    for r in json.loads(out)["runs"][0]["results"]}
            check(f"SARIF: a file outside the working directory ({arg[:12]}...) is a "
                  "normalised file:// URI without uriBaseId",
                  locs == {json.dumps({"uri": "file://" + fixture})}, locs)
        pack = os.path.join(d, "p.json")
        with open(pack, "w") as f:
            json.dump({"name": "p", "extends": "ml-system-design", "rules": [
                {"id": "my-rule", "kind": "placeholder", "severity": "warning", "message": "m",
                 "help_uri": "https://example.com/rules/my-rule",
                 "params": {"patterns": ["ZZZ"]}}]}, f)
        _, out, err = run(["-f", "sarif", "-t", pack, "-"], stdin=b"# A\n\nZZZ\n")
        rules = {r["id"]: r for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
        check("SARIF: a rule's help_uri in the pack becomes its helpUri; other rules have none",
              rules.get("my-rule", {}).get("helpUri") == "https://example.com/rules/my-rule"
              and "helpUri" not in rules["missing-section"], err + out[:300])
    if not os.path.exists(schema_path):
        print(f"note: {schema_path} is absent; SARIF schema validation skipped")
        return
    try:
        import jsonschema
    except ImportError:
        print("note: python3-jsonschema is absent; SARIF schema validation skipped")
        return
    try:
        jsonschema.validate(log, json.load(open(schema_path)))
        valid = True
    except jsonschema.ValidationError as e:
        valid = str(e)[:300]
    check("SARIF validates against the SARIF 2.1.0 schema", valid is True, valid)
    rc, out, _ = run(["-f", "sarif", "-"], stdin=b"\xff\xfe bad bytes TBD\n")
    try:
        jsonschema.validate(json.loads(out), json.load(open(schema_path)))
        valid = True
    except Exception as e:
        valid = repr(e)[:200]
    check("SARIF of invalid UTF-8 input still validates", valid is True, valid)


def test_github():
    with tempfile.TemporaryDirectory() as d:
        pack = os.path.join(d, "p.json")
        with open(pack, "w") as f:
            json.dump({"name": "p", "sections": [{"id": "a", "title": "Alpha"}], "rules": [
                {"id": "need,a:b", "kind": "required-section", "severity": "warning",
                 "message": "100% missing: {section}, really\nsecond line\rCR", "help": "h"}]}, f)
        rc, out, _ = run(["-f", "github", "-t", pack, "--stdin-filename", "dir,x/a:b.md", "-"],
                         stdin=b"# T\n\nText.\n")
        want = ("::warning file=dir%2Cx/a%3Ab.md,line=3,col=1,endLine=3,endColumn=1,"
                "title=need%2Ca%3Ab::100%25 missing: Alpha, really%0Asecond line%0DCR%0Ahelp: h\n")
        check("github annotations escape %, CR, LF in messages and also : and , in properties",
              out == want and rc == 0, repr(out))
    rc, out, _ = run(["-f", "github", "fixtures/incomplete.md"])
    lines = out.splitlines()
    check("github: one workflow command per diagnostic with error/warning/notice",
          rc == 1 and lines and all(re.match(r"^::(error|warning|notice) file=fixtures/incomplete\.md,"
                                             r"line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::", l)
                                    for l in lines), out[:300])


def test_run_problems():
    """I/O errors and failed gates reach -f github as annotations, and the
    JSON report names the files it could not read."""
    rc, out, err = run(["-f", "github", "--min-score", "90", "--max-warnings", "0",
                        "no-such.md", "fixtures/incomplete.md"])
    lines = out.splitlines()
    check("-f github: an unreadable file is an ::error annotation on it",
          rc == 2 and "::error file=no-such.md,title=ddlint unreadable::no-such.md: No such file or directory" in lines,
          out[-600:])
    check("-f github: a failed --min-score gate is an ::error annotation on the file",
          "::error file=fixtures/incomplete.md,title=ddlint min-score::fixtures/incomplete.md: "
          "completeness 81.8%25 is below --min-score 90" in lines, out[-600:])
    check("-f github: a failed --max-warnings gate is an ::error annotation",
          "::error title=ddlint max-warnings::2 warnings exceed --max-warnings 0" in lines, out[-600:])
    rc, out, err = run(["-f", "json", "no-such.md", "fixtures/incomplete.md"])
    rep = json.loads(out)
    check("JSON names each unreadable file with its message",
          rc == 2 and rep["summary"]["unreadable"] == 1
          and rep["summary"].get("unreadable_files") == [
              {"path": "no-such.md", "message": "no-such.md: No such file or directory"}], rep["summary"])
    schema = json.load(open(os.path.join(ROOT, "docs", "report.schema.json")))
    fits = validate(rep, schema)
    if fits is None:
        fits = json_shape_by_hand(rep)
    check("... and the report still fits docs/report.schema.json", fits is True, fits)


def test_gates():
    warn_doc = open(os.path.join(ROOT, "examples/smart-reply-design.md")).read().replace(
        "P99 latency < 150 ms", "latency should be low").encode()
    rc0, _, _ = run(["--max-warnings", "1", "-"], stdin=warn_doc)
    rc1, _, err1 = run(["--max-warnings", "0", "-"], stdin=warn_doc)
    check("--max-warnings: at the limit passes, above it fails with a message",
          rc0 == 0 and rc1 == 1 and "1 warnings exceed --max-warnings 0" in err1, (rc0, rc1, err1))
    rc0, _, _ = run(["--min-score", "100", "examples/smart-reply-design.md"])
    rc1, _, err1 = run(["--min-score", "85", "fixtures/incomplete.md", "--fail-on", "info"])
    rc2, _, err2 = run(["--min-score", "90", "fixtures/renamed-headings.md", "fixtures/near-miss.md"])
    check("--min-score gates each document's score",
          rc0 == 0 and rc1 == 1 and "fixtures/incomplete.md: completeness 81.8% is below --min-score 85" in err1
          and rc2 == 1 and "near-miss.md" in err2 and "renamed-headings.md" not in err2, (rc0, rc1, rc2, err2))
    rc, _, err = run(["--min-score", "101", "x.md"])
    check("--min-score out of range is a usage error", rc == 2 and "--min-score takes" in err)
    rc, _, err = run(["--max-warnings", "-1", "x.md"])
    check("--max-warnings negative is a usage error", rc == 2 and "--max-warnings takes" in err)
    rc, out, _ = run(["--quiet", "fixtures/incomplete.md"])
    check("--quiet shows errors only and no summary",
          rc == 1 and "error: missing required section" in out and "warning:" not in out
          and "info:" not in out and "completeness" not in out, out)
    rc, out, _ = run(["--quiet", "examples/smart-reply-design.md"])
    check("--quiet on a clean document prints nothing", rc == 0 and out == "", out)


THIRDS_PACK = {
    "name": "thirds", "version": "1.0.0", "description": "three sections, one optional",
    "sections": [{"id": "a", "title": "Alpha"}, {"id": "b", "title": "Beta"},
                 {"id": "c", "title": "Gamma", "required": False}],
    "rules": [{"id": "miss", "kind": "required-section", "severity": "error",
               "message": "lacks {section}", "explain": "x"}]}


def test_score_numbers():
    """The score that reports show is the one --min-score compares (one
    decimal); an absent optional section lowers it without a finding."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "thirds.json"), "w") as f:
            json.dump(THIRDS_PACK, f)
        with open(os.path.join(d, "doc.md"), "w") as f:
            f.write("# Alpha\n\nSome text here.\n\n# Beta\n\nMore text here.\n")
        base = ["--no-config", "-t", "thirds.json", "doc.md"]
        rc, out, err = run(base, cwd=d)
        check("an absent optional section lowers the score (2/3) and is no finding",
              rc == 0 and "0 errors, 0 warnings, 0 info; completeness 66.7% (2/3 sections" in out, (rc, out))
        rc, out, err = run(["--min-score", "66.7"] + base, cwd=d)
        check("--min-score equal to the shown score (66.7 for 2/3) passes", rc == 0, (rc, err))
        rc, out, err = run(["--min-score", "66.8"] + base, cwd=d)
        check("--min-score above it fails, naming the shown score",
              rc == 1 and "completeness 66.7% is below --min-score 66.8" in err, (rc, err))
    rc, out, err = run(["-q", "-f", "json", "fixtures/incomplete.md"])
    rep = json.loads(out)
    f = rep["files"][0]
    shown = {s: sum(1 for g in f["diagnostics"] if g["severity"] == s) for s in ("error", "warning", "info")}
    summ = {s: rep["summary"][s] for s in shown}
    check("-q -f json: counts and summary agree with the diagnostics listed",
          f["counts"] == shown == summ and shown["error"] > 0, (f["counts"], shown, summ))
    rc, out, err = run(["-q", "--max-warnings", "0", "fixtures/incomplete.md", "--fail-on", "info"])
    check("-q still gates on every warning (--max-warnings)",
          rc == 1 and "warnings exceed --max-warnings 0" in err, (rc, err))


def test_output_file():
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "report.json")
        with open(target, "w") as f:
            f.write("old")
        os.chmod(target, 0o640)
        rc, out, err = run(["-f", "json", "-o", target, "fixtures/incomplete.md"])
        data = json.load(open(target))
        check("--output writes the report to the file, not stdout, keeping its mode",
              rc == 1 and out == "" and data["files"][0]["path"] == "fixtures/incomplete.md"
              and (os.stat(target).st_mode & 0o777) == 0o640 and os.listdir(d) == ["report.json"],
              (rc, out, os.listdir(d)))
        if os.geteuid() != 0:
            ro = os.path.join(d, "ro")
            os.mkdir(ro)
            kept = os.path.join(ro, "report.txt")
            with open(kept, "w") as f:
                f.write("precious")
            os.chmod(ro, 0o555)
            rc, out, err = run(["-o", kept, "fixtures/incomplete.md"])
            os.chmod(ro, 0o755)
            check("--output into a read-only folder: exit 2, original byte-identical",
                  rc == 2 and open(kept).read() == "precious" and "cannot write" in err, (rc, err))
        rc, out, err = run(["-o", os.path.join(d, "no", "such", "dir.txt"), "fixtures/incomplete.md"])
        check("--output into a missing folder: exit 2 with the reason",
              rc == 2 and "cannot write" in err and "No such file or directory" in err, err)
        # a symlink is followed: the file it names is replaced, the link kept
        real = os.path.join(d, "real.txt")
        with open(real, "w") as f:
            f.write("old")
        link = os.path.join(d, "link.txt")
        os.symlink(real, link)
        rc, out, err = run(["-o", link, "fixtures/incomplete.md"])
        check("--output through a symlink keeps the link and replaces its file",
              os.path.islink(link) and "missing required section" in open(real).read(), err)
        os.unlink(link)
        os.unlink(real)
        # a target that is no regular file (a FIFO here; /dev/null alike) is
        # written in place, never renamed over
        fifo = os.path.join(d, "report.fifo")
        os.mkfifo(fifo)
        import threading
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        reader.start()
        rc, out, err = run(["-o", fifo, "fixtures/incomplete.md"])
        reader.join(timeout=60)
        check("--output to a FIFO writes into it and leaves it a FIFO",
              stat.S_ISFIFO(os.lstat(fifo).st_mode) and got and b"missing required section" in got[0], (rc, err))
        os.unlink(fifo)
        # a failure injected at rename: the target is a directory
        victim = os.path.join(d, "victim")
        os.mkdir(victim)
        rc, out, err = run(["-o", victim, "fixtures/incomplete.md"])
        check("--output failing at rename leaves the target and no temporary file",
              rc == 2 and os.path.isdir(victim) and sorted(os.listdir(d)) == ["report.json", "victim"]
              and "cannot write" in err, (rc, err, os.listdir(d)))


def test_ignore_named():
    """The config's "ignore" applies to files named on the command line and
    to --stdin-filename (as markdownlint-cli2 and pre-commit expect);
    --no-ignore lints them anyway."""
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))
        with open(os.path.join(d, ".ddlint.json"), "w") as f:
            f.write('{"ignore": ["README.md", "**/CHANGELOG.md"]}\n')
        os.mkdir(os.path.join(d, "sub"))
        text = b"# Readme\n\nTBD\n"
        for name in ("README.md", "sub/CHANGELOG.md", "design.md"):
            with open(os.path.join(d, name), "wb") as f:
                f.write(text)
        rc, out, err = run(["README.md", "sub/CHANGELOG.md"], cwd=d)
        check("ignore applies to files named on the command line",
              rc == 0 and "[" not in out and err == "", (rc, out, err))
        rc, out, err = run(["README.md", "design.md"], cwd=d)
        check("a named file not ignored is still linted beside an ignored one",
              rc == 1 and "design.md:" in out and "README.md" not in out, (rc, out))
        rc, out, err = run(["--stdin-filename", "README.md", "-"], stdin=text, cwd=d)
        check("ignore applies to --stdin-filename", rc == 0 and "[" not in out, (rc, out, err))
        rc, out, err = run(["fix", "--stdin-filename", "README.md", "-"], stdin=text, cwd=d)
        check("fix of an ignored stdin gives the text back unchanged",
              rc == 0 and out.encode() == text, (rc, out, err))
        for args in (["--no-ignore", "README.md"], ["--no-ignore", "--stdin-filename", "README.md", "-"]):
            rc, out, err = run(args, stdin=text, cwd=d)
            check(f"--no-ignore lints an ignored file ({args[-1]})",
                  rc == 1 and "[placeholder]" in out, (rc, out, err))
        rc, out, err = run(["."], cwd=d)
        check("a folder walk still skips ignored files",
              "README.md" not in out and "CHANGELOG" not in out and "design.md" in out, out)


def test_stdin_new_folder():
    """--stdin-filename in a folder that does not exist yet (an editor's new,
    unsaved file) finds the config of its nearest existing ancestor, not
    the one at / (or none)."""
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))
        with open(os.path.join(d, ".ddlint.json"), "w") as f:
            f.write('{"rules": {"placeholder": "off"}, "overrides": '
                    '[{"files": ["newdir/**"], "template": "adr"}]}\n')
        doc = b"# T\n\nTBD\n"
        for name in ("newdir/doc.md", "newdir/deeper/doc.md", os.path.join(d, "newdir", "doc.md")):
            rc, out, err = run(["-f", "json", "--stdin-filename", name, "-"], stdin=doc, cwd=d)
            f = json.loads(out)["files"][0] if out else {}
            check(f"--stdin-filename {name[-22:]} in a missing folder uses the repository's config",
                  f.get("template") == "adr" and
                  not [x for x in f.get("diagnostics", []) if x["rule"] == "placeholder"], (out[:300], err))


def test_config_cli():
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))
        bad = os.path.join(d, ".ddlint.json")
        with open(bad, "w") as f:
            f.write('{\n  "rules": {"placeholder": "loud"}\n}\n')
        doc = os.path.join(d, "a.md")
        with open(doc, "w") as f:
            f.write("# T\n\n## Problem Formulation\n\nTBD\n")
        rc, out, err = run([doc])
        check("a malformed discovered config: exit 2 with a located error",
              rc == 2 and f"{bad}:2:28: rule \"placeholder\": the setting must be" in err, err)
        rc, out, err = run(["--no-config", doc])
        check("--no-config ignores it", rc == 1 and "[placeholder]" in out, (rc, err))
        good = os.path.join(d, "other.json")
        with open(good, "w") as f:
            f.write('{"rules": {"placeholder": "off", "missing-section": "info", '
                    '"required-section-empty": "info"}}')
        rc, out, err = run(["--config", good, doc])
        check("--config replaces discovery; off drops a rule, severities change",
              rc == 0 and "[placeholder]" not in out and "info: missing required section" in out,
              (rc, out[-300:], err))
        rc, out, err = run(["--config", os.path.join(d, "nope.json"), doc])
        check("--config with a missing file exits 2", rc == 2 and "cannot open config" in err, err)
        with open(os.path.join(d, "fm.md"), "w") as f:
            f.write("---\nddlint-template: no-such-template\n---\n# T\n")
        rc, out, err = run(["--no-config", os.path.join(d, "fm.md")])
        check("a front-matter template that does not exist: exit 2 naming the file",
              rc == 2 and "fm.md: no template named \"no-such-template\"" in err, err)


def test_config_cascade():
    """Nested configs merge, nearest first, up to "root": true or the folder
    holding .git; --print-config shows the result and where it comes from."""
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))
        os.makedirs(os.path.join(d, "sub", "own"))
        def conf(rel, obj):
            with open(os.path.join(d, rel, ".ddlint.json"), "w") as f:
                json.dump(obj, f)
        conf(".", {"rules": {"missing-topic": "off", "placeholder": "error"}})
        conf("sub", {"rules": {"latency-target": "off"}})
        conf("sub/own", {"root": True})
        src = open(os.path.join(ROOT, "fixtures", "incomplete.md"), "rb").read()
        for rel in ("sub/a.md", "sub/own/b.md"):
            with open(os.path.join(d, rel), "wb") as f:
                f.write(src)
        def rules(rel):
            rc, out, err = run(["-f", "json", rel], cwd=d)
            return {g["rule"] for f in json.loads(out)["files"] for g in f["diagnostics"]}, err
        got, err = rules("sub/a.md")
        check("a nested config merges with the root's: both its and the root's settings apply",
              "latency-target" not in got and "missing-topic" not in got and "missing-section" in got,
              (got, err))
        got, err = rules("sub/own/b.md")
        check('a config with "root": true stops the cascade',
              "latency-target" in got and "missing-topic" in got, (got, err))
        rc, out, err = run(["--print-config", "sub/a.md"], cwd=d)
        lines = out.splitlines()
        check("--print-config lists the cascade nearest first",
              rc == 0 and lines[1:4] == ["configs:", "  " + os.path.realpath(os.path.join(d, "sub", ".ddlint.json")),
                                         "  " + os.path.realpath(os.path.join(d, ".ddlint.json"))], out)
        def line_of(rule):
            return next((l.split() for l in lines if l.split()[:1] == [rule]), [])
        root_cfg = os.path.realpath(os.path.join(d, ".ddlint.json"))
        check("--print-config: each rule's setting and where it comes from",
              line_of("missing-topic") == ["missing-topic", "off", root_cfg + ":1:12"]
              and line_of("latency-target")[:2] == ["latency-target", "off"]
              and line_of("missing-section") == ["missing-section", "error", "template"]
              and "template: ml-system-design (default)" in lines, out)
        rc, out, err = run(["--print-config", "sub/own/b.md", "-t", "adr"], cwd=d)
        check("--print-config with root: true and --template",
              rc == 0 and "(root: true)" in out and "template: adr (--template)" in out
              and out.count(".ddlint.json") == 1, out)


def test_arguments_discovery():
    """Quoted globs expand; folder walks skip what git ignores (through git);
    `help` and `lint` are subcommands; an empty folder warns."""
    def paths(out):
        return [f["path"] for f in json.loads(out)["files"]]
    with tempfile.TemporaryDirectory() as d:
        src = open(os.path.join(ROOT, "examples", "smart-reply-design.md"), "rb").read()
        for rel in ("docs/a.md", "docs/sub/b.md", "docs/build/gen.md", "docs/x.gen.md",
                    "docs/t.gen.md", "docs/notes.txt"):
            os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
            with open(os.path.join(d, rel), "wb") as f:
                f.write(src)
        with open(os.path.join(d, "docs", ".gitignore"), "w") as f:
            f.write("build/\n*.gen.md\n")
        rc, out, err = run(["--no-config", "-f", "json", "docs/**/*.md"], cwd=d)
        check("a quoted glob expands to the Markdown files it matches",
              rc == 0 and paths(out) == ["docs/a.md", "docs/build/gen.md", "docs/sub/b.md",
                                         "docs/t.gen.md", "docs/x.gen.md"], (rc, out[:200], err))
        rc, out, err = run(["--no-config", "-f", "json", "docs/*.md"], cwd=d)
        check("a glob's * stays within one folder",
              rc == 0 and paths(out) == ["docs/a.md", "docs/t.gen.md", "docs/x.gen.md"], (rc, err))
        rc, out, err = run(["--no-config", "nomatch/**/*.md"], cwd=d)
        check("a glob matching nothing is an error like a missing file",
              rc == 2 and "nomatch/**/*.md: no such file, and no Markdown file matches it" in err, (rc, err))
        if shutil.which("git"):
            rc, out, err = run(["--no-config", "-f", "json", "docs"], cwd=d)
            check("outside a git repository, .gitignore is not read", rc == 0 and len(paths(out)) == 5, out[:300])
            subprocess.run(["git", "init", "-q", d], check=True)
            subprocess.run(["git", "-C", d, "add", "-f", "docs/t.gen.md"], check=True)
            rc, out, err = run(["--no-config", "-f", "json", "docs"], cwd=d)
            check("a folder walk in a git repository skips what .gitignore ignores (tracked files stay)",
                  rc == 0 and paths(out) == ["docs/a.md", "docs/sub/b.md", "docs/t.gen.md"], (rc, out[:300], err))
            rc, out, err = run(["--no-config", "-f", "json", os.path.join(d, "docs")], cwd=ROOT)
            check("... also when ddlint runs outside the repository",
                  rc == 0 and len(paths(out)) == 3, (rc, err))
            rc, out, err = run(["--no-config", "--no-ignore", "-f", "json", "docs"], cwd=d)
            check("--no-ignore keeps what git ignores", rc == 0 and len(paths(out)) == 5, (rc, err))
            rc, out, err = run(["--no-config", "-f", "json", "docs/build/gen.md"], cwd=d)
            check("a file named explicitly is linted though git ignores it",
                  rc == 0 and paths(out) == ["docs/build/gen.md"], (rc, err))
        else:
            print("SKIP gitignore checks: git is not installed")
        os.mkdir(os.path.join(d, "empty"))
        rc, out, err = run(["--no-config", "empty"], cwd=d)
        check("an empty folder: a warning naming it, exit 0 (as ruff)",
              rc == 0 and "ddlint: warning: empty: no Markdown file found" in err, (rc, err))
    rc, out, err = run(["help"])
    check("`ddlint help` prints the help", rc == 0 and out.startswith("Usage: ddlint"), (rc, err))
    rc, out, err = run(["lint", "fixtures/incomplete.md"])
    check("`ddlint lint FILE` lints FILE",
          rc == 1 and "fixtures/incomplete.md:9:1: error: missing required section" in out, (rc, err))


def test_small_things():
    # the caret lines up under wide characters (two terminal columns each)
    doc = "# T\n\n## Problem Formulation\n\nThe 検索 plan 🚀 is TBD.\n".encode()
    rc, out, _ = run(["--no-config", "--color", "never", "-"], stdin=doc)
    lines = out.splitlines()
    at = next((i for i, l in enumerate(lines) if "warning: placeholder" in l), None)
    caret = lines[at + 2] if at is not None else ""
    check("the caret underline counts wide characters and emoji as two columns",
          caret == "      | " + " " * 20 + "^^^", (caret, lines[at + 1] if at is not None else out))
    # --list-rules keeps its columns for ids longer than 24 characters
    with tempfile.TemporaryDirectory() as d:
        pack = dict(THIRDS_PACK)
        pack["rules"] = THIRDS_PACK["rules"] + [
            {"id": "a-rule-id-much-longer-than-twenty-four", "kind": "empty-section",
             "severity": "warning", "message": "m", "explain": "x"}]
        with open(os.path.join(d, "p.json"), "w") as f:
            json.dump(pack, f)
        rc, out, _ = run(["-t", "p.json", "--list-rules"], cwd=d)
        rows = out.splitlines()[1:]
        kind_at = {re.match(r"  \S+ +", r).end() for r in rows}
        check("--list-rules: the kind column starts at one place for a long id", rc == 0 and len(kind_at) == 1,
              out)
    # latency quotes give the words, not their Markdown
    rc, out, _ = run(["--no-config", "-"],
                     stdin=b"# T\n\n## Problem Formulation\n\n* **Latency**: should be `fast` enough.\n")
    check("latency quotes drop ** and ` markup",
          'latency target has no number and unit: "Latency: should be fast enough."' in out, out)
    # docs/ci.md pins to a ref that exists: a tag of the repository, or a
    # full commit SHA (no release is tagged yet)
    ci = open(os.path.join(ROOT, "docs", "ci.md"), encoding="utf-8").read()
    refs = re.findall(r"ddlint/ddlint@(\S+)", ci) + re.findall(r"^\s*rev: (\S+)", ci, re.M)
    tags = subprocess.run(["git", "-C", ROOT, "tag", "-l"], capture_output=True,
                          text=True).stdout.split() if shutil.which("git") else []
    check("docs/ci.md pins the action and the hook to a full commit SHA or an existing tag",
          len(refs) >= 2 and all(re.fullmatch(r"[0-9a-f]{40}", r) or r in tags for r in refs)
          and "pin" in ci.lower(), (refs, tags))
    # the README's rule table lists every rule of the default template
    rc, out, _ = run(["--no-config", "--list-rules"])
    listed = [tuple(l.split()[:3:2]) for l in out.splitlines()[1:]]
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    table = re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning|info) \|", readme, re.M)
    check("the README's rule table lists every rule of --list-rules, with its severity",
          sorted(listed) == sorted(table) and len(listed) > 20, (sorted(set(listed) ^ set(table)), len(listed)))


def test_jobs():
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "rust-rfcs", "text")
    targets = [corpus] if os.path.isdir(corpus) else ["fixtures", "examples", "tests/packs/project"]
    if not os.path.isdir(corpus):
        print("note: ../shared/corpus is absent; -j compared on the fixtures only")
    outs = {}
    small = ["fixtures", "examples", "tests/packs/project"]
    for fmt in ("json", "human", "sarif"):
        for j in ("1", "2", "3"):
            rc, out, err = run(["-j", j, "-f", fmt, "--color", "never",
                                *(targets if fmt == "json" else small)])
            outs[(fmt, j)] = (rc, out, err)
        same = outs[(fmt, "1")] == outs[(fmt, "2")] == outs[(fmt, "3")]
        check(f"-j 1, -j 2 and -j 3 give byte-identical {fmt} output, stderr and status", same)
    rc, out, err = run(["-j", "0", "x.md"])
    check("-j 0 is a usage error", rc == 2 and "--jobs takes" in err, err)


def test_large_document():
    """A document over 512 KiB is parsed in pieces and its rules run on
    several threads: the report must not depend on either."""
    with tempfile.TemporaryDirectory() as d:
        doc = os.path.join(d, "big.md")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen.py"),
                        "1500000", "7", doc], check=True)
        docs = [doc]
        corpus = os.path.join(ROOT, "..", "shared", "corpus", "rust-rfcs", "text")
        if os.path.isdir(corpus):  # real text: 9 MB of RFCs as one document
            cat = os.path.join(d, "rfcs.md")
            with open(cat, "wb") as out:
                for name in sorted(os.listdir(corpus)):
                    if name.endswith(".md"):
                        with open(os.path.join(corpus, name), "rb") as f:
                            out.write(f.read())
            docs.append(cat)
        else:
            print("note: ../shared/corpus is absent; the large-document check uses the generated document only")
        for path in docs:
            name = os.path.basename(path)
            whole = run(["-j", "1", "-f", "json", "--no-config", path],
                        env={"DDLINT_CHUNK_BYTES": "999999999999"})
            check(f"{name}: linted whole, with findings", whole[0] in (0, 1) and '"rule"' in whole[1],
                  whole[2])
            cases = (("1", ""), ("2", ""), ("3", ""), ("2", "1"), ("2", "4096"))
            if path != doc:  # the 9 MB document: fewer runs (ASan is slow)
                cases = (("2", ""), ("3", "65536"))
            for j, chunk in cases:
                env = {"DDLINT_CHUNK_BYTES": chunk} if chunk else None
                got = run(["-j", j, "-f", "json", "--no-config", path], env=env)
                check(f"{name}: -j {j}, pieces of {chunk or 'the default size'}: the report of the whole parse",
                      got == whole, (got[0], got[2], len(got[1]), len(whole[1])))


def main():
    global DDLINT, ROOT
    DDLINT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for t in [test_version_help, test_usage_errors, test_exit_statuses, test_stdin,
              test_directories, test_io_errors, test_templates, test_list_and_explain,
              test_color, test_json_shape, test_bad_bytes, test_binary_alone, test_sarif,
              test_github, test_run_problems, test_gates, test_score_numbers, test_output_file, test_config_cli, test_config_cascade, test_ignore_named, test_stdin_new_folder, test_arguments_discovery, test_small_things, test_jobs,
              test_large_document]:
        try:
            t()
        except Exception as e:  # a crash in a test is a failure, not an abort
            check(t.__name__, False, repr(e))
    failed = sum(1 for _, ok in results if not ok)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
