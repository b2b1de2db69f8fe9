#!/usr/bin/env python3
"""`ddlint fix`, `ddlint init` and `ddlint coverage`:
- fix on each fixture, then lint: no missing-section left; a second fix is
  a no-op; --diff applies cleanly with `git apply` and gives the same bytes;
- a property test over generated documents (random subsets and orders of
  sections, heading levels and numbering, CRLF, no final newline, front
  matter): the fix only inserts (every original byte kept, in order), is
  idempotent, and leaves no missing section;
- the same properties on documents made of several files (an index and
  numbered chapters, fixtures/multi/ and generated ones): each part only
  gains insertions, no file is created, a second fix is a no-op, and the
  document has no missing section left;
- a write that fails (a file-size limit, so also as root) leaves the file
  byte-identical and exits 2; the file mode is kept;
- bold lines heading a section's parts get a missing section as a bold
  line among them, idempotent;
- a malformed fence that keeps a code block open: fix inserts nothing in
  it and stays idempotent;
- init refuses to overwrite, and its skeleton lints as all-empty;
- coverage prints the per-document table and the multi-document summary."""
import difflib
import json
import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

DDLINT = ROOT = None
results = []

SECTIONS = ["Problem Formulation", "Success Metrics", "System Architecture", "Data and Labeling",
            "Features", "Model Design", "Prediction and Ranking", "Feedback, Monitoring, and Deployment"]
ALIASES = {"Success Metrics": "Metrics (Offline and Online)", "System Architecture": "Architectural Components",
           "Data and Labeling": "Data Collection and Preparation", "Features": "Feature Engineering",
           "Model Design": "Model Development", "Prediction and Ranking": "Prediction Service",
           "Feedback, Monitoring, and Deployment": "Online Testing and Deployment"}


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def run(args, cwd=None, preexec=None, stdin=b""):
    if args and args[0] in ("fix", "init", "coverage"):  # a subcommand comes first
        args = [args[0], "--no-config", *args[1:]]
    else:
        args = ["--no-config", *args]
    p = subprocess.run([DDLINT, *args], cwd=cwd, input=stdin, capture_output=True,
                       timeout=120, preexec_fn=preexec)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def only_insertions(old, new):
    """Whether new is old with text inserted (every old byte kept, in order)."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return all(op in ("equal", "insert") for op, *_ in sm.get_opcodes())


def only_insertions_and_renames(old, new):
    """Whether new is old with text inserted and, at most, words replaced
    within heading lines (a near-miss heading renamed)."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, _, _ in sm.get_opcodes():
        if op in ("equal", "insert"):
            continue
        ls = old.rfind(b"\n", 0, i1) + 1
        le = old.find(b"\n", ls)
        le = len(old) if le < 0 else le
        if not (old[ls:le].lstrip(b" ").startswith(b"#") and i2 <= le):
            return False
    return True


def missing_sections(path):
    rc, out, _ = run(["-f", "json", path])
    doc = json.loads(out)["files"][0]
    return [d["message"] for d in doc["diagnostics"] if d["rule"] == "missing-section"]


def test_fixtures(tmp):
    fixtures = sorted(f for f in os.listdir(os.path.join(ROOT, "fixtures")) if f.endswith(".md"))
    for name in fixtures:
        path = os.path.join(tmp, name)
        shutil.copy(os.path.join(ROOT, "fixtures", name), path)
        old = open(path, "rb").read()
        rc, diff, err = run(["fix", "--diff", name], cwd=tmp)
        check(f"{name}: --diff leaves the file alone", open(path, "rb").read() == old)
        rc, out, err = run(["fix", name], cwd=tmp)
        new = open(path, "rb").read()
        gone = missing_sections(path)
        check(f"{name}: fix, then lint: no missing section", not gone and rc in (0, 1), (gone, err))
        check(f"{name}: fix only inserts (or renames a near-miss heading)",
              only_insertions_and_renames(old, new))
        rc2, _, _ = run(["fix", name], cwd=tmp)
        check(f"{name}: a second fix is a no-op", open(path, "rb").read() == new)
        if diff:
            orig = os.path.join(tmp, "orig")
            os.makedirs(orig, exist_ok=True)
            with open(os.path.join(orig, name), "wb") as f:
                f.write(old)
            p = subprocess.run(["git", "apply", "--unsafe-paths", "-p1", "--directory=.", "-"],
                               cwd=orig, input=diff, capture_output=True)
            applied = open(os.path.join(orig, name), "rb").read()
            check(f"{name}: the --diff applies with git apply and gives the same bytes",
                  p.returncode == 0 and applied == new, p.stderr.decode()[-300:])


def test_run_in_memo(tmp):
    """A memo with no heading, whose sections are bold run-in labels: fix
    inserts the missing ones as run-in labels too (a heading would end the
    memo's style and hide its labels), idempotent, complete."""
    name = "memo-run-in-labels.md"
    path = os.path.join(tmp, name)
    shutil.copy(os.path.join(ROOT, "fixtures", "recognition", name), path)
    old = open(path, "rb").read()
    run(["fix", path])
    new = open(path, "rb").read()
    added = [l for l in new.decode().splitlines() if l not in old.decode().splitlines()]
    check("memo: fix inserts run-in labels, not headings",
          only_insertions(old, new) and
          any(l.startswith("**System Architecture.** <!--") for l in added) and
          not any(l.startswith("#") for l in added), added)
    run(["fix", path])
    check("memo: a second fix is a no-op", open(path, "rb").read() == new)
    check("memo: no missing section after fix", not missing_sections(path), missing_sections(path))


def test_bold_line_parts(tmp):
    """Bold lines that head a section's parts ("**Data**", "**Model**"
    under "## Design"): fix inserts a missing section among them as a bold
    line too. A "###" heading there took the bold parts after it as its own
    text, so "Data and Labeling" went missing after the fix and a second
    fix inserted again."""
    name = "bold-subsections.md"
    path = os.path.join(tmp, name)
    shutil.copy(os.path.join(ROOT, "fixtures", "recognition", name), path)
    old = open(path, "rb").read()
    run(["fix", path])
    new = open(path, "rb").read()
    added = [l for l in new.decode().splitlines() if l not in old.decode().splitlines()]
    check("bold parts: fix inserts a bold line, not a heading",
          only_insertions(old, new) and "**Features**" in added and
          not any(l.startswith("#") for l in added), added)
    rc, out, _ = run(["-f", "json", path])
    diags = json.loads(out)["files"][0]["diagnostics"]
    got = sorted((d["rule"], d["message"]) for d in diags if d["severity"] == "error")
    check("bold parts: after fix the parts keep their sections; the new one is empty",
          got == [("required-section-empty", 'required section "Features" is empty')], got)
    run(["fix", path])
    check("bold parts: a second fix is a no-op", open(path, "rb").read() == new)


def test_review_cases(tmp):
    """tests/fix_cases/*.md: documents a review found fix going wrong on
    (non-idempotent, or headings inserted inside run-in or bold parts)."""
    folder = os.path.join(ROOT, "tests", "fix_cases")
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".md") and f != "README.md"):
        path = os.path.join(tmp, name)
        shutil.copy(os.path.join(folder, name), path)
        old = open(path, "rb").read()
        run(["fix", path])
        new = open(path, "rb").read()
        run(["fix", path])
        check(f"fix_cases/{name}: only insertions, and a second fix is a no-op",
              only_insertions(old, new) and open(path, "rb").read() == new,
              "\n".join(difflib.unified_diff(new.decode().splitlines(),
                                             open(path, "rb").read().decode().splitlines(),
                                             lineterm="")))


def test_near_miss_rename(tmp):
    """A heading that nearly names a missing section ("Sucess Metrix") is
    renamed to the template's title, keeping its level, numbering and
    decoration, instead of a second, empty section being appended (that
    orphaned the content and silenced the hint); idempotent; also inside a
    chapter of a document of several files."""
    path = os.path.join(tmp, "near.md")
    shutil.copy(os.path.join(ROOT, "fixtures", "near-miss.md"), path)
    old = open(path, "rb").read()
    run(["fix", path])
    new = open(path, "rb").read()
    check("near miss: the misspelled heading becomes the template title, content under it",
          b"Sucess Metrix" not in new and new.count(b"Success Metrics") == 1
          and b"## Success Metrics\n\nPrecision at a 0.5% review rate" in new
          and only_insertions_and_renames(old, new), new.decode()[:400])
    run(["fix", path])
    check("near miss: a second fix changes nothing", open(path, "rb").read() == new)
    deco = ("# Fraud\n\n## 1. Problem Formulation\n\nFlag card payments that are fraudulent. "
            "P99 latency < 80 ms.\n\n## 2) **Sucess Metrix** \U0001F4C8 ##\n\nPrecision at a 0.5% "
            "review rate; online, the chargeback rate.\n\n## 4. Data and Labeling\n\n"
            "Payment events; labels from chargebacks.\n").encode()
    with open(path, "wb") as f:
        f.write(deco)
    rc, diff, _ = run(["fix", "--diff", path])
    run(["fix", path])
    new = open(path, "rb").read()
    check("near miss: level, numbering and decoration kept",
          "## 2) **Success Metrics** \U0001F4C8 ##\n".encode() in new and b"Sucess" not in new
          and b"-## 2) **Sucess Metrix**" in diff and b"+## 2) **Success Metrics**" in diff,
          new.decode()[:500])
    check("near miss: the section after it is inserted after it, not before",
          new.index(b"Success Metrics") < new.index(b"System Architecture"), new.decode()[:600])
    again = open(path, "rb").read()
    run(["fix", path])
    check("near miss: decorated, a second fix changes nothing", open(path, "rb").read() == again)
    folder = os.path.join(tmp, "churn")
    shutil.copytree(os.path.join(ROOT, "fixtures", "multi", "churn-service"), folder)
    chapter = os.path.join(folder, "05_model.md")
    text = open(chapter, "rb").read()
    with open(chapter, "wb") as f:
        f.write(text.replace(b"# Features", b"# Featurs", 1))
    rc, diff, err = run(["fix", "--diff", folder])
    run(["fix", folder])
    check("near miss in a chapter: renamed in place at the chapter's start",
          open(chapter, "rb").read().startswith(text) and b"-# Featurs\n+# Features\n" in diff,
          (diff.decode(errors="replace")[-900:], err))


def test_folder_skips_non_designs(tmp):
    """`fix` on a folder changes only documents that already follow the
    template (one section of it found), and says which it skipped; --force
    completes them too; a file named alone is completed."""
    readme = b"# Tool\n\nRun it.\n"
    changelog = b"# Changelog\n\n- 0.1: first\n"

    def setup():
        folder = tempfile.mkdtemp(dir=tmp)
        with open(os.path.join(folder, "README.md"), "wb") as f:
            f.write(readme)
        with open(os.path.join(folder, "CHANGELOG.md"), "wb") as f:
            f.write(changelog)
        shutil.copy(os.path.join(ROOT, "fixtures", "incomplete.md"), os.path.join(folder, "design.md"))
        return folder

    folder = setup()
    design = open(os.path.join(folder, "design.md"), "rb").read()
    rc, out, err = run(["fix", "."], cwd=folder)
    check("fix on a folder leaves files with no template section alone",
          open(os.path.join(folder, "README.md"), "rb").read() == readme
          and open(os.path.join(folder, "CHANGELOG.md"), "rb").read() == changelog, err)
    check("fix on a folder still completes a design document",
          open(os.path.join(folder, "design.md"), "rb").read() != design)
    check("fix on a folder names what it skipped",
          "skipped CHANGELOG.md" in err and "skipped README.md" in err and "--force" in err, err)
    rc, diff, err = run(["fix", "--diff", "."], cwd=setup())
    check("fix --diff on a folder: no diff and no report for a skipped file, a note instead",
          b"README.md" not in diff and b"+++ b/design.md" in diff and "skipped README.md" in err,
          (diff[:300], err))
    folder = setup()
    run(["fix", "--force", "."], cwd=folder)
    check("fix --force on a folder completes every file",
          open(os.path.join(folder, "README.md"), "rb").read() != readme)
    folder = setup()
    rc, out, err = run(["fix", "README.md"], cwd=folder)
    check("fix of a file named alone completes it",
          open(os.path.join(folder, "README.md"), "rb").read() != readme and "skipped" not in err, err)


def test_code_fences(tmp):
    """A malformed fence ("``` text") keeps a code block open to the end of
    the document: fix inserts nothing inside it, adds no section whose
    heading it hides, and a second run changes nothing (it used to insert
    the hidden sections inside the block again on every run)."""
    name = "malformed-fence.md"
    path = os.path.join(tmp, name)
    shutil.copy(os.path.join(ROOT, "tests", "mentions", name), path)
    old = open(path, "rb").read()
    rc, _, err = run(["fix", name], cwd=tmp)
    check(f"{name}: fix adds no section that the broken fence hides",
          open(path, "rb").read() == old and rc in (0, 1), err)
    # a missing section whose place is inside the open block goes before it
    doc = (b"# Churn\n\n## Problem Formulation\n\nWho cancels next month.\n\n"
           b"```sql\nSELECT user_id FROM subs\n``` -- monthly snapshot\n\n"
           b"## Success Metrics\n\nAUC offline.\n")
    path = os.path.join(tmp, "fence-eof.md")
    with open(path, "wb") as f:
        f.write(doc)
    run(["fix", "fence-eof.md"], cwd=tmp)
    first = open(path, "rb").read()
    fence = first.find(b"```sql")
    added = first[:fence].count(b"\n## ") - doc[:doc.find(b"```sql")].count(b"\n## ")
    check("fence-eof.md: fix only inserts, and only before the open block",
          only_insertions(doc, first) and first[fence:] == doc[doc.find(b"```sql"):] and added == 6,
          first.decode(errors="replace"))
    run(["fix", "fence-eof.md"], cwd=tmp)
    check("fence-eof.md: a second fix is a no-op", open(path, "rb").read() == first)
    gone = missing_sections(path)
    check("fence-eof.md: only the hidden Success Metrics is still missing",
          gone == ['missing required section "Success Metrics"'], gone)
def doc_missing(folder):
    rc, out, _ = run(["-f", "json", folder])
    docs = json.loads(out).get("documents", [])
    if len(docs) != 1:
        return ["not one document"]
    return [d["message"] for d in docs[0]["diagnostics"] if d["rule"] == "missing-section"]


def snapshot(folder):
    files = {}
    for dirpath, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(dirpath, n)
            files[os.path.relpath(p, folder)] = open(p, "rb").read()
    return files


def fix_doc_problems(folder):
    """Fixes a document folder twice; what broke a property, if anything."""
    old = snapshot(folder)
    run(["fix", folder])
    new = snapshot(folder)
    problems = []
    if set(new) != set(old):
        problems.append(f"files created or removed: {sorted(set(new) ^ set(old))}")
    for name in old:
        if name in new and not only_insertions(old[name], new[name]):
            problems.append(f"{name}: changed bytes outside the insertions")
        if name in new and old[name].count(b"\r\n") and \
                new[name].count(b"\n") != new[name].count(b"\r\n"):
            problems.append(f"{name}: mixed line endings")
    run(["fix", folder])
    if snapshot(folder) != new:
        problems.append("second fix changed a file")
    gone = doc_missing(folder)
    if gone:
        problems.append(f"missing sections remain: {gone}")
    return problems, old, new


def test_multi_fixture(tmp):
    src = os.path.join(ROOT, "fixtures", "multi", "churn-service")
    folder = os.path.join(tmp, "churn-service")
    shutil.copytree(src, folder)
    before = snapshot(folder)
    rc, diff, err = run(["fix", "--diff", "churn-service"], cwd=tmp)
    check("multi: --diff leaves every part alone", snapshot(folder) == before and b"+++ b/" in diff,
          err)
    problems, old, new = fix_doc_problems(folder)
    check("multi: fix only inserts, in the right part, idempotent, complete", not problems, problems)
    changed = sorted(n for n in old if old[n] != new.get(n))
    check("multi: the missing section went into the chapter before its place", changed == ["03_data.md"] or
          changed == ["02_metrics/README.md"], changed)
    if diff:
        orig = os.path.join(tmp, "orig-multi")
        shutil.copytree(src, os.path.join(orig, "churn-service"))
        p = subprocess.run(["git", "apply", "--unsafe-paths", "-p1", "--directory=.", "-"],
                           cwd=orig, input=diff, capture_output=True)
        check("multi: the --diff applies with git apply and gives the same bytes",
              p.returncode == 0 and snapshot(os.path.join(orig, "churn-service")) == new,
              p.stderr.decode()[-300:])


def random_multi(rng, folder):
    """A document of an index and numbered chapters holding random sections."""
    eol = rng.choice(["\n", "\r\n"])
    chosen = [s for s in SECTIONS if rng.random() < 0.6]
    nch = rng.randint(2, 4)
    chapters = [[] for _ in range(nch)]
    for title in chosen:
        chapters[rng.randrange(nch)].append(title)
    as_folders = rng.random() < 0.5
    names = [f"{i + 1:02d}_part{i + 1}" for i in range(nch)]
    os.makedirs(folder)
    def write(path, lines):
        text = eol.join(lines)
        if rng.random() < 0.3:
            text = text.rstrip("\r\n")
        with open(path, "wb") as f:
            f.write(text.encode())
    index = []
    if rng.random() < 0.3:
        index += ["---", "title: generated", "---", ""]
    if rng.random() < 0.8:
        index += ["# A design in parts", "", "An overview.", ""]
    order = list(range(nch))
    if rng.random() < 0.3:
        rng.shuffle(order)
    if rng.random() < 0.7:
        for i in order:
            target = names[i] + ("/README.md" if as_folders else ".md")
            index += [f"- [{names[i]}]({target})"]
        index.append("")
    write(os.path.join(folder, "README.md"), index)
    for i, name in enumerate(names):
        lines = []
        level = rng.choice([1, 2])
        for title in chapters[i]:
            lines += ["#" * level + " " + title, "", "Some prose about the design.", ""]
        if not lines:
            lines = ["Notes only.", ""]
        if as_folders:
            os.makedirs(os.path.join(folder, name))
            write(os.path.join(folder, name, "README.md"), lines)
        else:
            write(os.path.join(folder, name + ".md"), lines)


def test_multi_property(tmp, count):
    rng = random.Random(20261129)
    bad = []
    for i in range(count):
        folder = os.path.join(tmp, f"multi{i}")
        random_multi(rng, folder)
        problems, old, _ = fix_doc_problems(folder)
        if problems:
            bad.append((i, problems, {k: v[:120] for k, v in old.items()}))
    check(f"property: {count} generated multi-file documents: only insertions, line endings kept, "
          "no file created, idempotent, complete", not bad, bad[:2])


def random_doc(rng):
    eol = rng.choice(["\n", "\r\n"])
    lines = []
    if rng.random() < 0.3:
        lines += ["---", "title: generated", "---", ""]
    if rng.random() < 0.08:  # a note with no heading and no label at all
        paras = ["We train a gradient-boosted model on last year's orders and retrain it weekly.",
                 "Offline we look at AUC on a held-out month; online at the conversion rate.",
                 "Hi all, some notes before the review.", "- a list item", "**Bold** opening words here."]
        sep = rng.choice(["", "---" + eol])  # a thread's messages, a deck's slides
        text = eol.join(rng.choice(paras) + eol + (sep if rng.random() < 0.5 else "")
                        for _ in range(rng.randint(1, 6)))
        return (text.rstrip("\r\n") if rng.random() < 0.4 else text).encode()
    run_in = rng.random() < 0.15  # a memo: no heading, bold run-in labels
    bold = not run_in and rng.random() < 0.15  # "**Data**" lines under "## Design"
    if rng.random() < 0.7 and not run_in:
        lines += ["# Generated design " + str(rng.randint(1, 999)), ""]
    level = rng.choice([2, 2, 3])
    numbered = rng.choice([None, ".", ")"])
    chosen = [s for s in SECTIONS if rng.random() < 0.6]
    if rng.random() < 0.2:
        rng.shuffle(chosen)
    if run_in and rng.random() < 0.5:  # run-in labels as a section's parts
        lines += ["# Generated design " + str(rng.randint(1, 999)), "",
                  rng.choice(["## Notes from Tuesday", "## Notes from Tuesday\n\n### Details"]), ""]
        if len(chosen) < 3:
            chosen = SECTIONS[2:5]
    if run_in:
        lines += ["Hi all, a short note on the design before the review.", ""]
        if len(chosen) < 2:
            chosen = SECTIONS[:2]
    if bold:
        lines += ["## Design", ""]
    for i, title in enumerate(chosen):
        name = ALIASES.get(title, title) if rng.random() < 0.3 else title
        if run_in:
            lines += [f"**{name}.** Some prose about the design, in a paragraph of its own.", ""]
            continue
        if bold:
            lines += [f"**{name}**", ""]
            for _ in range(rng.randint(1, 3)):
                lines += [rng.choice(["Some prose about the design.", "- a list item",
                                      "<!-- a comment -->"]), ""]
            continue
        prefix = f"{i + 1}{numbered} " if numbered else ""
        lines += ["#" * level + " " + prefix + name, ""]
        for _ in range(rng.randint(0, 3)):
            lines.append(rng.choice(["Some prose about the design.", "- a list item", "* Offline: NDCG",
                                     "| a | b |\n|---|---|\n| 1 | 2 |", "```\ncode\n```", "<!-- a comment -->"]))
            lines.append("")
    text = eol.join(l.replace("\n", eol) for l in lines)
    if rng.random() < 0.4:
        text = text.rstrip("\r\n")  # no final newline
    return text.encode()


def test_property(tmp, count):
    rng = random.Random(20261126)
    bad = []
    for i in range(count):
        old = random_doc(rng)
        path = os.path.join(tmp, f"gen{i}.md")
        with open(path, "wb") as f:
            f.write(old)
        run(["fix", path])
        new = open(path, "rb").read()
        problems = []
        if not only_insertions(old, new):
            problems.append("changed bytes outside the insertions")
        if old.count(b"\r\n") and new.count(b"\n") != new.count(b"\r\n"):
            problems.append("mixed line endings after fixing a CRLF file")
        if old and not old.endswith((b"\n", b"\r")) and new.endswith((b"\n", b"\r")):
            problems.append("a final newline appeared")
        run(["fix", path])
        if open(path, "rb").read() != new:
            problems.append("second fix changed the file")
        if missing_sections(path):
            problems.append("missing sections remain")
        if problems:
            bad.append((i, problems, old[:200]))
    check(f"property: {count} generated documents: only insertions, line endings and final-newline "
          "kept, idempotent, complete", not bad, bad[:3])


def test_write_failure(tmp):
    path = os.path.join(tmp, "victim.md")
    shutil.copy(os.path.join(ROOT, "fixtures", "incomplete.md"), path)
    os.chmod(path, 0o640)
    old = open(path, "rb").read()

    def limit():  # writes past 64 bytes fail with EFBIG instead of killing
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))
    rc, out, err = run(["fix", path], preexec=limit)
    check("a failing write leaves the file byte-identical and exits 2",
          rc == 2 and open(path, "rb").read() == old and "cannot write" in err and "unchanged" in err,
          (rc, err))
    check("no temporary file is left behind", sorted(os.listdir(tmp)).count("victim.md") == 1 and
          not [f for f in os.listdir(tmp) if "ddlint-" in f])
    rc, out, err = run(["fix", path])
    check("a successful fix keeps the file's mode", (os.stat(path).st_mode & 0o777) == 0o640 and rc in (0, 1))
    rc, out, err = run(["-o", os.path.join(tmp, "report.txt"), "fixtures/incomplete.md"], cwd=ROOT,
                       preexec=limit)
    check("--output with a failing write exits 2 and leaves no file",
          rc == 2 and not os.path.exists(os.path.join(tmp, "report.txt")), (rc, err))


def test_stdin_fix():
    data = open(os.path.join(ROOT, "fixtures", "incomplete.md"), "rb").read()
    rc, out, err = run(["fix", "-"], stdin=data)
    check("fix on stdin prints the fixed document", b"## Success Metrics" in out and only_insertions(data, out))


def test_init(tmp):
    path = os.path.join(tmp, "new-design.md")
    rc, out, err = run(["init", path])
    check("init writes a skeleton", rc == 0 and os.path.exists(path), err)
    text = open(path).read()
    check("the skeleton has every section and topic as headings",
          all(f"## {s}\n" in text for s in SECTIONS) and "### Offline Metrics\n" in text and "# New design\n" in text)
    rc, out, err = run(["-f", "json", path])
    doc = json.loads(out)["files"][0]
    empty = {d["section"] for d in doc["diagnostics"] if d["rule"] == "required-section-empty"}
    placeholders = [d for d in doc["diagnostics"] if d["rule"] in ("placeholder", "template-prompt")]
    check("init, then lint: every section is reported empty (guidance in comments is not content)",
          empty == set(SECTIONS) and not placeholders and
          not [d for d in doc["diagnostics"] if d["rule"] == "missing-section"], (empty, placeholders))
    before = open(path, "rb").read()
    with open(path, "a") as f:
        f.write("edited\n")
    edited = open(path, "rb").read()
    rc, out, err = run(["init", path])
    check("init refuses to overwrite an existing file", rc == 2 and "--force" in err and
          open(path, "rb").read() == edited, err)
    rc, out, err = run(["init", "--force", path])
    check("init --force overwrites", rc == 0 and open(path, "rb").read() == before)
    rc, out, err = run(["init", "--template", "adr", "-"])
    check("init --template adr - prints an ADR skeleton",
          rc == 0 and b"## Context and Problem Statement" in out and b"## Decision Outcome" in out)
    check("the default template's skeleton has no front matter", not before.startswith(b"---"))
    for tmpl in ("rfc", "adr"):
        path = os.path.join(tmp, f"new-{tmpl}.md")
        rc, out, err = run(["init", "--template", tmpl, path])
        text = open(path, "rb").read()
        rc, out, err = run(["-f", "json", path])
        doc = json.loads(out)["files"][0]
        check(f"init --template {tmpl} writes ddlint-template front matter, and lint uses it",
              text.startswith(f"---\nddlint-template: {tmpl}\n---\n# New {tmpl}\n".encode())
              and doc["template"] == tmpl
              and not [d for d in doc["diagnostics"] if d["rule"] == "missing-section"],
              (text[:80], doc["template"]))
    folder = os.path.join(tmp, "parts-adr")
    rc, out, err = run(["init", "--parts", "--template", "adr", folder])
    rc, out, err = run(["-f", "json", folder])
    docs = json.loads(out).get("documents") or json.loads(out)["files"]
    check("init --parts --template adr: the index names the template, and the document uses it",
          open(os.path.join(folder, "README.md"), "rb").read().startswith(b"---\nddlint-template: adr\n---\n")
          and docs[0]["template"] == "adr", (out[:300], err))


def test_coverage():
    rc, out, err = run(["coverage", "--color", "never", "fixtures/incomplete.md"], cwd=ROOT)
    text = out.decode()
    check("coverage of one document: a table of sections and topics with lines",
          "Success Metrics" in text and "missing" in text and "Problem Formulation" in text and
          "completeness 81.8%" in text and "  Use Case" in text, text[:400])
    rc, out, err = run(["coverage", "--color", "never", "fixtures", "examples"], cwd=ROOT)
    text = out.decode().splitlines()
    scores = [float(l.split("%")[0]) for l in text[1:] if l.split("%")[0].strip().replace(".", "").isdigit()]
    check("coverage of many documents: one line each, sorted by score, totals and frequent gaps",
          scores == sorted(scores) and len(scores) >= 10 and any("mean completeness" in l for l in text)
          and any(l.startswith("most often missing:") for l in text), text[:5])
    rc, out, err = run(["coverage", "-f", "json", "fixtures/incomplete.md"], cwd=ROOT)
    check("coverage -f json gives the JSON report", json.loads(out)["files"][0]["coverage"])
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "mlsd-interviews")
    if os.path.isdir(corpus):
        rc, out, err = run(["coverage", "--color", "never", corpus])
        text = out.decode()
        check("coverage over mlsd-interviews: the 13 write-ups and topic pages, weakest first",
              text.count("\n") > 20 and any(l.startswith("  0.0%") and l.endswith("mlsd-typeahead.md")
                                              for l in text.splitlines()), text[:300])
    else:
        print("note: ../shared/corpus is absent; coverage over the corpus skipped")


def main():
    global DDLINT, ROOT
    DDLINT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    count = int(os.environ.get("DDLINT_PROPERTY_CASES", "150"))
    with tempfile.TemporaryDirectory() as tmp:
        for t in (lambda: test_fixtures(tmp), lambda: test_property(tmp, count),
                  lambda: test_multi_fixture(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_multi_property(tempfile.mkdtemp(dir=tmp), max(count // 3, 10)),
                  lambda: test_write_failure(tempfile.mkdtemp(dir=tmp)), test_stdin_fix,
                  lambda: test_near_miss_rename(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_run_in_memo(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_bold_line_parts(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_review_cases(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_folder_skips_non_designs(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_code_fences(tempfile.mkdtemp(dir=tmp)),
                  lambda: test_init(tmp), test_coverage):
            try:
                t()
            except Exception as e:
                check("test raised", False, repr(e))
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
