#!/usr/bin/env python3
"""Issue 17, hardening second round: hostile inputs outside the bad-input
matrix (FIFOs chosen by a document, stderr injection, an output that is an
input, ...). Each case asserts its documented outcome (docs/bad-input.md);
every run has a timeout that only catches hangs, no timing is asserted."""
import json
import os
import subprocess
import sys
import tempfile

DDLINT = ROOT = TMP = None
results = []
# seconds: a hang guard, not a speed assertion; scaled for the sanitizer
# builds, which run several times slower (tests/run.sh sets
# DDLINT_HANG_SCALE to meson's timeout multiplier there)
HANG = 20 * max(1.0, float(os.environ.get("DDLINT_HANG_SCALE", "1") or 1))


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {str(detail)[:400]}"))


def run(args, stdin=b"", cwd=None, env=None, preexec=None, hang=HANG):
    e = dict(os.environ, **(env or {}))
    try:
        p = subprocess.run([DDLINT, *args], input=stdin, capture_output=True,
                           timeout=hang, cwd=cwd or TMP, env=e, preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        return None, b"", "TIMEOUT"
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def write(rel, data):
    path = os.path.join(TMP, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


def fifos():
    """Item 1: every path opened for reading refuses a FIFO or device with a
    located error, exit 2, instead of blocking on it."""
    d = os.path.join(TMP, "fifo")
    os.makedirs(d)
    os.mkfifo(os.path.join(d, "p"))
    write("fifo/fm.md", "---\nddlint-template: ./p\n---\n# x\n")
    write("fifo/doc.md", "# x\n")
    write("fifo/ext.json", '{"extends": "./p", "name": "e"}')
    cases = [
        ("front matter ddlint-template: names a FIFO", ["--no-config", "fm.md"], "./p: cannot open pack: not a regular file"),
        ("-t names a FIFO", ["--no-config", "-t", "./p", "doc.md"], "./p: cannot open pack: not a regular file"),
        ("-t /dev/stdin (a pipe)", ["--no-config", "-t", "/dev/stdin", "doc.md"], "/dev/stdin: cannot open pack: not a regular file"),
        ("-t /dev/null (a device)", ["--no-config", "-t", "/dev/null", "doc.md"], "/dev/null: cannot open pack: not a regular file"),
        ("--config names a FIFO", ["--config", "p", "doc.md"], "p: cannot open config: not a regular file"),
        ("a pack extends a FIFO", ["--no-config", "-t", "./ext.json", "doc.md"], "p: cannot open pack: not a regular file"),
    ]
    for name, args, want in cases:
        rc, out, err = run(args, cwd=d)
        check(f"{name}: located error, exit 2, no hang", rc == 2 and want in err, (rc, err))
    sub = os.path.join(d, "sub")
    os.makedirs(sub)
    os.mkfifo(os.path.join(sub, ".ddlint.json"))
    write("fifo/sub/a.md", "# x\n")
    rc, out, err = run(["sub/a.md"], cwd=d)
    check("a discovered .ddlint.json that is a FIFO: located error, exit 2, no hang",
          rc == 2 and "sub/.ddlint.json: cannot open config: not a regular file" in err, (rc, err))
    # an index whose parts: list names a FIFO is not opened either
    doc = os.path.join(d, "parts")
    os.makedirs(doc)
    write("fifo/parts/README.md", "---\nparts: [a.md, p.md]\n---\n# Index\n")
    write("fifo/parts/a.md", "# A\n")
    os.mkfifo(os.path.join(doc, "p.md"))
    rc, out, err = run(["--no-config", "--document", "parts", "-f", "json"], cwd=d)
    check("a document part that is a FIFO: missing-part, no hang",
          rc in (1, 2) and b"missing-part" in out, (rc, err, out[:300]))


HOSTILE = [b"\x1b", b"\x9b", b"\xc2\x9b", b"\xc2\x9d", b"\xe2\x80\xae", b"\xe2\x81\xa6", b"\x07"]


def hostile_bytes(data):
    return [h for h in HOSTILE if h in data]


def workflow_lines(err):
    return [l for l in err.split("\n") if l.startswith("::")]


def stderr_injection():
    """Item 2: under -f github nothing from input on stderr starts a line
    with '::' (a workflow command)."""
    d = os.path.join(TMP, "inj")
    os.makedirs(d)
    write("inj/.ddlint.json", json.dumps({"x\n::error title=Injected::pwned\n::add-mask::": 1}))
    write("inj/a.md", "# x\n")
    rc, out, err = run(["-f", "github", "a.md"], cwd=d)
    check("a config key with newlines and '::': no stderr line starts with '::'",
          rc == 2 and "unknown field" in err and not workflow_lines(err), err)
    e = os.path.join(TMP, "inj2")
    os.makedirs(e)
    name = "a\n::error title=Injected::pwned\n.md"
    with open(os.path.join(e, name), "wb") as f:
        f.write(b"\x00\x01\x02\x03" * 3000)  # binary: a warning naming it on stderr
    write("inj2/b\n::add-mask::x.md", "# x\n")
    write("inj2/.ddlint.json", json.dumps({"rules": {"x\n::error::y": "off"}}))
    rc, out, err = run(["-f", "github", "."], cwd=e)
    check("walked file names with newlines and '::', a config warning: on stderr, no line starts with '::'",
          "binary file" in err and "x?::error::y" in err and not workflow_lines(err), err)
    rc, out, err = run(["--no-config", "-f", "github", "::error title=x::pwned.md"], cwd=e)
    check("a named file whose name starts with '::': reported as ./::..., exit 2",
          rc == 2 and "./::error" in err and not workflow_lines(err), err)
    rc, out, err = run(["--no-config", "-f", "github", "--stdin-filename", "x\n::error::pwned", "--min-score", "99", "-"],
                       stdin=b"# x\n")
    check("--stdin-filename with a newline and '::' in a stderr message: no line starts with '::'",
          "below --min-score" in err and not workflow_lines(err), err)
    pack = {"name": "p\n::error::pack", "sections": [], "rules": []}
    write("inj/p.json", json.dumps(pack))
    rc, out, err = run(["--no-config", "-f", "github", "-t", "./p.json", "--explain", "\n::error::nope"], cwd=d)
    check("--explain of an unknown id with '::' in it and in the pack name: no line starts with '::'",
          rc == 2 and "no rule" in err and not workflow_lines(err), err)


def terminal_escapes():
    """Item 7: every path from input to a terminal goes through one
    sanitiser: C0, C1 (raw and encoded) and bidi controls become '?'."""
    d = os.path.join(TMP, "esc")
    os.makedirs(d)
    evil = "e\x1b]0;t\x07\u009b\u009d\u202e\u2066"
    name = evil + ".md"
    write("esc/" + name, "# x\n")
    for fmt in ("human", "summary"):
        rc, out, err = run(["--no-config", "-f", fmt, name], cwd=d)
        check(f"a file name with ESC, BEL, C1 and bidi controls, -f {fmt}: none reach stdout",
              rc == 1 and not hostile_bytes(out) and b"e?]0;t????" in out, out[-300:])
    rc, out, err = run(["coverage", "--no-config", name, name], cwd=d)
    check("coverage table of several files: no control reaches stdout", rc in (0, 1) and not hostile_bytes(out), out[-300:])
    rc, out, err = run(["--no-config", "--stdin-filename", "s\x9b1m\x1b[2J.md", "-"], stdin=b"# x\n")
    check("--stdin-filename with raw C1 and ESC: summary line sanitised",
          rc == 1 and not hostile_bytes(out) and b"s?1m?[2J.md:" in out, out[-300:])
    rc, out, err = run(["--no-config", "--explain", "z\x1b[2J\u009b"])
    check("--explain argument with ESC and C1: sanitised on stderr",
          rc == 2 and "\x1b" not in err and "\u009b" not in err and "z?[2J?" in err, err)
    rc, out, err = run(["--no-config", "missing\x1b[2J\u202e.md"])
    check("a missing file's name with ESC and bidi: sanitised on stderr",
          rc == 2 and "\x1b" not in err and "\u202e" not in err, err)
    pack = {"name": "p\u009b", "sections": [{"id": "s", "title": "S\u202eS", "required": True}],
            "rules": [{"id": "x\u001b[31m", "kind": "placeholder", "severity": "warning",
                       "summary": "s\u009d", "message": "m\u009d", "params": {"patterns": ["zzz"]}}]}
    write("esc/p.json", json.dumps(pack))
    write("esc/z.md", "# S\u202eS\n\nzzz\n")
    for args in (["--list-rules"], ["--explain", "x\x1b[31m"], ["z.md"], ["coverage", "z.md"]):
        sub = args[:1] if args[0] == "coverage" else []
        rc, out, err = run([*sub, "--no-config", "-t", "./p.json", *args[len(sub):]], cwd=d)
        check(f"pack id, title and summary with controls, {args[0]}: none on stdout or stderr",
              rc in (0, 1) and not hostile_bytes(out) and not hostile_bytes(err.encode()) and out, (rc, out[-300:], err))


def output_is_input():
    """Item 3: -o naming an input (same device and inode) is refused before
    anything is written, exit 2; the input is unchanged."""
    d = os.path.join(TMP, "out")
    doc = b"# Design\n\nSome text.\n"
    write("out/design.md", doc)
    write("out/docs/sub/r.md", doc)
    write("out/book/README.md", "---\nparts: [01_a.md]\n---\n# Book\n")
    write("out/book/01_a.md", doc)
    os.symlink("design.md", os.path.join(d, "link.md"))
    os.link(os.path.join(d, "design.md"), os.path.join(d, "hard.md"))
    cases = [("the named input itself", ["-o", "design.md", "design.md"], "design.md"),
             ("a walked file", ["-o", "docs/sub/r.md", "docs"], "docs/sub/r.md"),
             ("a symlink to the input", ["-o", "link.md", "design.md"], "design.md"),
             ("a hard link to the input", ["-o", "hard.md", "design.md"], "design.md"),
             ("a part of a document", ["-o", "book/01_a.md", "--document", "book"], "book/01_a.md")]
    for name, args, victim in cases:
        rc, out, err = run(["--no-config", *args], cwd=d)
        with open(os.path.join(d, victim), "rb") as f:
            kept = f.read() == doc
        check(f"-o onto an input ({name}): refused, exit 2, the input unchanged",
              rc == 2 and "the output is the input" in err and kept and not out, (rc, err))
    rc, out, err = run(["--no-config", "-o", "report.txt", "design.md"], cwd=d)
    check("-o onto a new file beside the input: written", rc == 1 and os.path.exists(os.path.join(d, "report.txt")), err)


def diag_rules(out):
    try:
        return [d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]]
    except (ValueError, IndexError, KeyError):
        return None


def match_budget():
    """Item 4: a document has one match budget: a pattern that hit a PCRE2
    limit is not matched again in it, after 8 hits no pattern is, and the
    work of calls that stay under the limit is counted too."""
    rule = lambda i, pat: {"id": f"f{i}", "kind": "forbidden", "severity": "warning",
                           "message": "m {match}", "params": {"patterns": [pat]}}
    write("budget/one.json", json.dumps({"name": "one", "sections": [{"id": "a", "title": "A"}],
                                         "rules": [rule(0, "zz|(a+)+$")]}))
    doc = b"## A\n\nzz first\n\n" + b"".join(b"a" * 30 + b"b <!-- c --> zz\n" for _ in range(300))
    write("budget/doc.md", doc)
    rc, out, err = run(["--no-config", "-f", "json", "-t", "./one.json", "doc.md"], cwd=os.path.join(TMP, "budget"))
    r = diag_rules(out) or []
    check("one backtracking pattern over 300 comment-separated segments: spent at its first limit, pattern-limit once",
          rc == 0 and r.count("pattern-limit") == 1 and r.count("f0") == 1, (rc, r[:5], len(r), err))
    many = [rule(i, "(a+)+$" + "|q" * i) for i in range(10)] + [rule(99, "zz")]
    write("budget/many.json", json.dumps({"name": "many", "sections": [{"id": "a", "title": "A"}], "rules": many}))
    rc, out, err = run(["--no-config", "-f", "json", "-t", "./many.json", "doc.md"], cwd=os.path.join(TMP, "budget"))
    r = diag_rules(out) or []
    check("ten backtracking rules: after 8 limit hits the document matches no pattern more (f99 silent), pattern-limit once",
          rc == 0 and r.count("pattern-limit") == 1 and "f99" not in r, (rc, r[:5], err))
    # Under the per-call limit: (a+)+$ on 22 a's and a b needs 8.4M steps, so
    # no call hits a limit; the budget counts the work (before, it counted
    # only limit hits: 2,000 such segments took 52 s, 1,000 such rules 39 s).
    write("budget/under.md", b"## A\n\nzz first\n\n" + b"".join(b"a" * 22 + b"b <!-- c --> zz\n" for _ in range(2000)))
    rc, out, err = run(["--no-config", "-f", "json", "-t", "./one.json", "under.md"], cwd=os.path.join(TMP, "budget"))
    r = diag_rules(out) or []
    msgs = [d["message"] for d in json.loads(out)["files"][0]["diagnostics"]] if out else []
    check("2,000 segments each needing 8.4M steps (no limit hit): the budget runs out, pattern-limit once, no hang",
          rc == 0 and r.count("pattern-limit") == 1 and len(r) < 30 and
          any("used up the document's match budget" in m for m in msgs), (rc, r[:5], len(r), err))
    many = [rule(i, "(a+)+$" + "|q" * i) for i in range(1000)] + [rule(9999, "zz")]
    write("budget/thousand.json", json.dumps({"name": "k", "sections": [{"id": "a", "title": "A"}], "rules": many}))
    write("budget/line.md", b"## A\n\n" + b"a" * 22 + b"b zz\n")
    rc, out, err = run(["--no-config", "-f", "json", "-t", "./thousand.json", "line.md"], cwd=os.path.join(TMP, "budget"))
    r = diag_rules(out) or []
    check("1,000 rules each needing 8.4M steps on a one-line document: the budget runs out, pattern-limit once, no hang",
          rc == 0 and r == ["pattern-limit"], (rc, r[:5], err))


def long_labelled_line():
    """A label's colon is searched a bounded way back from each mention:
    one 360 KB line of 40,000 "itemN: no drift" once took minutes (the
    search ran to the line's start for every pattern hit)."""
    body = " ".join(f"item{i}: no drift" for i in range(40000))
    for name, text in (("labels", body), ("after 'Out of scope:'", "Out of scope: " + body)):
        path = write(f"longline/{len(name)}.md", "# Design\n\n## Problem\n\nWe rank "
                     "tickets.\n\n## Monitoring\n\n" + text + "\n")
        rc, out, err = run(["--no-config", "-f", "json", path])
        check(f"one 360 KB line of {name}: linted, no hang", rc in (0, 1), (rc, err))


def index_of_many_files():
    """An index that names thousands of files (links or code spans) is read
    in stat() calls linear in them: each part's identity is taken once
    (4,000 files named in code took 33 s when every new part was compared
    with every earlier one by two stat() calls)."""
    for form in ("- `f{i}.md`\n", "- [f{i}](f{i}.md)\n"):
        d = f"manyfiles/{len(form)}"
        write(d + "/README.md", "# Index\n\n" + "".join(form.format(i=i) for i in range(4000)))
        for i in range(4000):
            write(f"{d}/f{i}.md", f"# F{i}\n\nText.\n")
        # (the folder is not declared: its index is read to decide whether
        # it is one document, which was the quadratic pass)
        rc, out, err = run(["--no-config", "-f", "json", os.path.join(TMP, d)])
        check(f"an index naming 4,000 files ({form.strip()[:6]}...): linted, no hang",
              rc in (0, 1), (rc, err[:300]))


def long_metrics_list():
    """A success-metrics section of 300,000 bullets (15 MB): each bullet is
    asked whether it states an online metric, and what introduces its list
    is read once in a pass, not again from every bullet back (the first
    version walked back over every earlier bullet: 0.75 s became 19 s on
    10 MB)."""
    path = write("longlist/metrics.md", "# Bins\n\n## Problem\n\nCrews drive to "
                 "empty bins every week.\n\n## Success metrics\n\n" +
                 "".join(f"- Item {i} is a plain bullet of words\n" for i in range(300000)))
    rc, out, err = run(["--no-config", "-f", "json", path])
    check("a metrics section of 300,000 bullets: linted, no hang", rc in (0, 1), (rc, err[:300]))


def fix_stdin_among_files():
    """Item 9: fix with stdin and a file (under -f json) writes no Markdown
    into the report: a usage error, exit 2, nothing changed."""
    path = write("fixstdin/a.md", "# x\n")
    rc, out, err = run(["fix", "--no-config", "-f", "json", "-", "a.md"], stdin=b"# y\n",
                       cwd=os.path.join(TMP, "fixstdin"))
    with open(path) as f:
        kept = f.read() == "# x\n"
    check("fix - FILE -f json: exit 2, nothing on stdout, the file unchanged",
          rc == 2 and out == b"" and "must be the only input" in err and kept, (rc, out[:200], err))
    rc, out, err = run(["fix", "--no-config", "-"], stdin=b"# y\n")
    check("fix - alone still prints the fixed document", rc in (0, 1) and out.startswith(b"# y\n"), (rc, out[:100], err))


def binary_bypass_and_template_lock():
    """Item 8: control bytes do not let a Markdown file skip linting; UTF-16
    is an error; --template-locked ignores front matter's template."""
    doc = open(os.path.join(ROOT, "fixtures", "incomplete.md"), "rb").read()
    write("bin/ctl.md", doc + b"<!-- " + bytes(range(0, 9)) * 200 + b" -->\n")
    d = os.path.join(TMP, "bin")
    rc, out, err = run(["--no-config", "-f", "sarif", "ctl.md"], cwd=d)
    results = json.loads(out)["runs"][0]["results"] if out else []
    check("a design document with a comment of control bytes: linted (findings, exit 1), the bytes reported on stderr",
          rc == 1 and len(results) > 0 and "1800 control bytes" in err and "linted as Markdown" in err, (rc, len(results), err))
    write("bin/real.md", bytes(range(0, 32)) * 400)
    rc, out, err = run(["--no-config", "real.md"], cwd=d)
    check("a binary file with no heading: still skipped with a warning", rc == 0 and "binary file, not linted" in err, (rc, err))
    for name, bom, enc in (("le.md", b"\xff\xfe", "utf-16-le"), ("be.md", b"\xfe\xff", "utf-16-be")):
        write("bin/" + name, bom + "# Title\n\nSome text.\n".encode(enc))
        rc, out, err = run(["--no-config", "-f", "sarif", name], cwd=d)
        check(f"UTF-16 with a BOM ({enc}): an error, exit 2, never a silent pass",
              rc == 2 and f"{name}: cannot read: UTF-16 text" in err, (rc, err))
    # a document picks an empty pack by front matter; --template-locked ignores it
    write("bin/sub/empty.json", json.dumps({"name": "empty", "sections": [], "rules": []}))
    write("bin/sub/pr.md", "---\nddlint-template: ./empty.json\n---\n# x\n")
    rc, out, err = run(["--no-config", "-f", "json", "sub/pr.md"], cwd=d)
    check("front matter `ddlint-template: ./empty.json` resolves against the document's folder",
          rc == 0 and json.loads(out)["files"][0]["diagnostics"] == [], (rc, err))
    rc, out, err = run(["--no-config", "--template-locked", "-f", "json", "sub/pr.md"], cwd=d)
    check("--template-locked: front matter cannot choose the empty pack; the default template applies",
          rc == 1 and len(json.loads(out)["files"][0]["diagnostics"]) > 0 if out else False, (rc, err))
    with open(os.path.join(ROOT, "action.yml")) as f:
        lines = [l for l in f if '"$DDLINT"' in l]
    check("action.yml runs ddlint with --template-locked", lines and all("--template-locked" in l for l in lines), lines)


def number_options():
    """Item 13: numbers are plain decimals: nan, exponents, hex and spaces are
    usage errors, exit 2."""
    doc = os.path.join(ROOT, "fixtures", "incomplete.md")
    for opt, bad in (("--min-score", "nan"), ("--min-score", "inf"), ("--min-score", "1e1"),
                     ("-j", "1e2"), ("-j", "0x10"), ("-j", " 4"),
                     ("--max-warnings", "1e2"), ("--max-warnings", "0x10"), ("--max-warnings", " 4")):
        rc, out, err = run(["--no-config", opt, bad, doc])
        check(f"{opt} {bad!r}: usage error, exit 2", rc == 2 and "takes a" in err, (rc, err))
    rc, out, err = run(["--no-config", "--min-score", "99.5", "-j", "2", "--max-warnings", "100", doc])
    check("plain numbers still accepted", rc == 1 and "below --min-score 99.5" in err, (rc, err))


def atomic_edges():
    """Item 12: the temp file goes beside the real target with a short name;
    a dangling symlink is written through, not replaced."""
    d = os.path.join(TMP, "aw")
    os.makedirs(d)
    inc = os.path.join(ROOT, "fixtures", "incomplete.md")
    os.symlink("nothere.txt", os.path.join(d, "dang.txt"))
    rc, out, err = run(["--no-config", "-o", "dang.txt", inc], cwd=d)
    check("-o onto a dangling symlink: the link kept, the file it names written",
          rc == 1 and os.path.islink(os.path.join(d, "dang.txt")) and
          os.path.getsize(os.path.join(d, "nothere.txt")) > 0, (rc, err))
    name = "a" * 250 + ".md"
    write("aw/" + name, "# x\n")
    rc, out, err = run(["fix", "--no-config", name], cwd=d)
    with open(os.path.join(d, name)) as f:
        fixed = f.read()
    check("fix on a 250-byte file name: written (the temp name is short)",
          rc in (0, 1) and "## Problem Formulation" in fixed and not err, (rc, err))
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK) and os.stat(shm).st_dev != os.stat(d).st_dev:
        fd, other = tempfile.mkstemp(dir=shm, suffix=".txt")
        os.close(fd)
        try:
            os.symlink(other, os.path.join(d, "far.txt"))
            rc, out, err = run(["--no-config", "-o", "far.txt", inc], cwd=d)
            check("-o onto a symlink to another file system: written beside the target (no EXDEV), link kept",
                  rc == 1 and os.path.islink(os.path.join(d, "far.txt")) and os.path.getsize(other) > 0, (rc, err))
        finally:
            os.unlink(other)
    else:
        print("note: no second file system at /dev/shm: the EXDEV case is not run")
    left = [n for n in os.listdir(d) if "ddlint-" in n]
    check("no temporary file left", not left, left)


def temp_files():
    """Item 10: under a real file-size limit (SIGXFSZ at its default) and on
    SIGTERM, no temporary file is left and the target is unchanged."""
    import resource
    import signal
    import time
    d = os.path.join(TMP, "tmpf")
    os.makedirs(d)
    write("tmpf/a.md", "# x\n")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
    rc, out, err = run(["fix", "--no-config", "a.md"], cwd=d, preexec=limit)
    with open(os.path.join(d, "a.md")) as f:
        kept = f.read() == "# x\n"
    left = [n for n in os.listdir(d) if "ddlint-" in n]
    check("fix under a real 1000-byte ulimit -f (SIGXFSZ not ignored): exit 2 'File too large', unchanged, no temp file",
          rc == 2 and "File too large" in err and kept and not left, (rc, err, left))
    rc, out, err = run(["--no-config", "-o", "r.txt", os.path.join(ROOT, "fixtures", "incomplete.md")],
                       cwd=d, preexec=limit)
    left = [n for n in os.listdir(d) if "ddlint-" in n]
    check("-o under a real 1000-byte ulimit -f: exit 2 'File too large', no temp file, no report",
          rc == 2 and "File too large" in err and not left and not os.path.exists(os.path.join(d, "r.txt")), (rc, err, left))
    # SIGTERM while ddlint waits for stdin with -o: nothing was created yet
    d = os.path.join(d, "term")
    os.makedirs(d)
    p = subprocess.Popen([DDLINT, "--no-config", "-o", "s.txt", "-"], cwd=d, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdin.write(b"# x\n")
    p.stdin.flush()
    for _ in range(50):  # the old code made its temp file before reading; give it the chance
        if [n for n in os.listdir(d) if "ddlint-" in n]:
            break
        time.sleep(0.05)
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=HANG)
    left = [n for n in os.listdir(d) if "ddlint-" in n]
    check("SIGTERM during a run with -o: killed, no temp file, no report",
          p.returncode == -signal.SIGTERM and not left and not os.path.exists(os.path.join(d, "s.txt")),
          (p.returncode, left))


def fix_keeps_owner():
    """Item 6: fix keeps the owner and group (as root, on another user's
    file); a hard-linked file is written in place with a warning; a 0444
    file is refused."""
    d = os.path.join(TMP, "own")
    os.makedirs(d)
    os.chmod(TMP, 0o755)
    a = write("own/a.md", "# x\n")
    if os.geteuid() == 0:
        import pwd
        import grp
        uid, gid = pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid
        os.chown(a, uid, gid)
        os.chmod(a, 0o640)
        rc, out, err = run(["fix", "--no-config", "a.md"], cwd=d)
        st = os.stat(a)
        with open(a) as f:
            fixed = "## Problem Formulation" in f.read()
        check("fix as root on a nobody:nogroup 0640 file: fixed, owner, group and mode kept",
              rc in (0, 1) and fixed and (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (uid, gid, 0o640), (rc, err, st))
    else:
        print("note: not root: the owner case is not run")
    h = write("own/h.md", "# x\n")
    os.link(h, os.path.join(d, "h2.md"))
    rc, out, err = run(["fix", "--no-config", "h.md"], cwd=d)
    with open(os.path.join(d, "h2.md")) as f:
        through = "## Problem Formulation" in f.read()
    check("fix on a hard-linked file: written in place (the other name sees it), with a warning",
          rc in (0, 1) and os.stat(h).st_nlink == 2 and through and "written in place: it has other hard links" in err,
          (rc, err))
    if os.geteuid() == 0:  # as nobody: root writes any folder
        f = os.path.join(TMP, "ownro")
        os.makedirs(f)
        os.chmod(f, 0o755)
        w = write("ownro/w.md", "# x\n")
        os.chown(w, uid, gid)

        def as_nobody():
            os.setgid(gid)
            os.setuid(uid)
        rc, out, err = run(["fix", "--no-config", "w.md"], cwd=f, preexec=as_nobody)
        with open(w) as fh:
            fixed = "## Problem Formulation" in fh.read()
        check("fix (as nobody) on a writable file in a folder it cannot write: written in place, with a warning",
              rc in (0, 1) and fixed and "written in place: its folder is not writable" in err, (rc, err))
    r = write("own/ro.md", "# x\n")
    os.chmod(r, 0o444)
    rc, out, err = run(["fix", "--no-config", "ro.md"], cwd=d)
    with open(r) as f:
        kept = f.read() == "# x\n"
    check("fix on a 0444 file: refused (Permission denied), exit 2, unchanged",
          rc == 2 and "cannot write ro.md: Permission denied" in err and kept, (rc, err))


def directive_rules_cap():
    """Item 11: a suppression directive's rules after the 32nd count too."""
    names = " ".join(["latency-target"] * 40 + ["placeholder"])
    doc = f"<!-- ddlint-disable-file {names} -->\n# T\n\n## Problem Formulation\n\nTBD\n".encode()
    rc, out, err = run(["--no-config", "-f", "json", "-"], stdin=doc)
    r = diag_rules(out) or []
    check("a directive naming 41 rules: the 41st (placeholder) is suppressed too",
          rc == 1 and "placeholder" not in r and "latency-target" not in r and "missing-section" in r, (rc, r))


def directive_count_cap():
    """Item 11: there is no cap on suppression directives: the 10,001st
    (a disable-file) counts like the first."""
    doc = (b"<!-- ddlint-disable-next-line latency-target -->\n" * 10000 +
           b"<!-- ddlint-disable-file placeholder -->\n# T\n\n## Problem Formulation\n\nTBD\n")
    rc, out, err = run(["--no-config", "-f", "json", "-"], stdin=doc)
    r = diag_rules(out) or []
    check("the 10,001st suppression directive (disable-file placeholder) suppresses the placeholder",
          rc == 1 and "placeholder" not in r and "missing-section" in r, (rc, r[:5], err))


def nul_in_json():
    """Item 13: \\u0000 in a pack or config string is a located error, not
    a string silently cut at the NUL; an escaped backslash before u0000 is
    text."""
    write("nul/p.json", '{"name": "p\\u0000q", "sections": [], "rules": []}')
    write("nul/ok.json", '{"name": "p\\\\u0000q", "sections": [], "rules": []}')
    write("nul/c.json", '{"rules": {"placeholder\\u0000x": "off"}}')
    write("nul/a.md", "# x\n")
    d = os.path.join(TMP, "nul")
    rc, out, err = run(["--no-config", "-t", "./p.json", "--list-rules"], cwd=d)
    check("a pack string with \\u0000: p.json:1:12 error, exit 2",
          rc == 2 and "./p.json:1:12: a string holds \\u0000" in err, (rc, err))
    rc, out, err = run(["--no-config", "-t", "./ok.json", "--list-rules"], cwd=d)
    check("an escaped backslash before u0000 is plain text: loads", rc == 0 and out.startswith(b"p\\u0000q"), (rc, out[:40], err))
    rc, out, err = run(["--config", "c.json", "a.md"], cwd=d)
    check("a config key with \\u0000: located error, exit 2", rc == 2 and "c.json:1:24: a string holds" in err, (rc, err))


def globs_and_uris():
    """Item 13 (and 11's glob cap): an invalid glob in a config is a located
    error, not a pattern that silently matches nothing or everything; a SARIF
    URI whose first segment holds a colon does not read as a scheme."""
    write("globs/a.md", "# x\n\nTBD\n")
    d = os.path.join(TMP, "globs")
    deep = "/".join(["a"] * 65)
    for glob, why in (("[", "never closed"), ("docs/[z-a]*.md", "runs backwards"),
                      (deep, "more than 64 segments")):
        write("globs/.ddlint.json", json.dumps({"ignore": [glob]}))
        rc, out, err = run(["a.md"], cwd=d)
        check(f"ignore glob {glob[:20]!r}: located error, exit 2",
              rc == 2 and ".ddlint.json:1:" in err and why in err, (rc, err))
    os.unlink(os.path.join(d, ".ddlint.json"))
    write("globs/x:y.md", "# x\n\nTBD\n")
    rc, out, err = run(["--no-config", "-f", "sarif", "x:y.md"], cwd=d)
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"] for loc in r["locations"]]
    check("a SARIF URI 'x:y.md' is written x%3Ay.md (no scheme 'x')",
          rc == 1 and uris and all(u == "x%3Ay.md" for u in uris), (rc, uris))


def fifo_outputs():
    """Item 11 (writes): -o or init onto a FIFO that no process reads is
    refused with a located error, exit 2, instead of blocking for good."""
    d = os.path.join(TMP, "fifoout")
    os.makedirs(d)
    os.mkfifo(os.path.join(d, "r.fifo"))
    inc = os.path.join(ROOT, "fixtures", "incomplete.md")
    for name, args in (("-o", ["--no-config", "-o", "r.fifo", inc]), ("init --force", ["init", "--force", "r.fifo"])):
        rc, out, err = run(args, cwd=d)
        check(f"{name} onto a FIFO with no reader: refused, exit 2, no hang",
              rc == 2 and "cannot write r.fifo: a FIFO that no process reads" in err, (rc, err))


def diff_and_templates_sanitised():
    """Item 7: --diff (its path and lines) and --list-templates (a folder
    of $DDLINT_PACK_PATH) pass the terminal sanitiser; line endings stay."""
    d = os.path.join(TMP, "escdiff")
    evil = "e\x1b]0;t\x07\u009b\u202e"
    write("escdiff/" + evil + ".md", "# x\x1b[2J\u009b\r\n\r\nSome text\u202e.\r\n")
    rc, out, err = run(["fix", "--no-config", "--diff", evil + ".md"], cwd=d)
    check("--diff of a file whose name and text hold ESC, BEL, C1 and bidi controls: none on stdout, CRLF kept",
          rc == 1 and out.startswith(b"--- a/e?]0;t???.md\n") and not hostile_bytes(out) and
          b"\n # x?[2J?\r\n" in out and b"+## Problem Formulation\r\n" in out, (rc, out[:400], err))
    packs = os.path.join(d, "packs\x1b]0;x\x07\u009b")
    os.makedirs(packs)
    with open(os.path.join(ROOT, "rules", "rfc.json"), "rb") as f:
        write(os.path.join(packs, "rfc.json"), f.read())
    rc, out, err = run(["--list-templates"], cwd=d, env={"DDLINT_PACK_PATH": packs})
    check("--list-templates with a pack folder holding ESC, BEL and C1: sanitised",
          rc == 0 and b"packs?]0;x??/rfc.json" in out and not hostile_bytes(out), (rc, out, err))


def part_control_bytes():
    """Item 8: a part of a document holding many control bytes (but a
    heading) is linted with the warning a file on its own gets."""
    write("ctlpart/README.md", "---\nparts: [01_a.md]\n---\n# Book\n")
    write("ctlpart/01_a.md", b"# A\n\n<!-- " + bytes(range(0, 9)) * 200 + b" -->\n")
    rc, out, err = run(["--no-config", "-f", "json", "--document", "ctlpart"])
    files = json.loads(out)["documents"] if out else []
    check("a document part with 1800 control bytes: linted, with the warning on stderr",
          rc == 1 and files and "ctlpart/01_a.md: 1800 control bytes, the first at byte 10; linted as Markdown" in err,
          (rc, err))


def parse_memory_cap():
    """Item 5: a document whose parse needs more than 1 GiB (a 44 KB table
    of 1,000 columns whose 20,000 one-cell rows GFM fills to 20 million
    cells; before, 5.3 GB and 8 s) is not linted: a located error, exit 2;
    as a part of a document, a missing-part error."""
    if os.environ.get("TSAN_OPTIONS"):
        # ThreadSanitizer shadows every byte of the 1 GiB the parse fills
        # before it is refused: minutes and gigabytes for a check that has
        # no threads in it; the plain and ASan builds run it
        print("skip the parse memory cap under ThreadSanitizer (run by the plain and ASan builds)")
        return
    wide = "|a" * 1000 + "|\n" + "|-" * 1000 + "|\n" + "x\n" * 20000
    write("cap/wide.md", "# T\n\n" + wide)
    write("cap/ok.md", "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    d = os.path.join(TMP, "cap")
    rc, out, err = run(["--no-config", "-f", "json", "wide.md", "ok.md"], cwd=d, hang=4 * HANG)
    files = [f["path"] for f in json.loads(out)["files"]] if out else []
    check("a 44 KB table filled to 20M cells: 'not linted: parsing it needs more than 1 GiB', exit 2; the other file linted",
          rc == 2 and "ddlint: wide.md: not linted: parsing it needs more than 1 GiB of memory" in err
          and files == ["ok.md"], (rc, files, err))
    write("cap/book/README.md", "---\nparts: [01_wide.md]\n---\n# Book\n")
    write("cap/book/01_wide.md", "# Wide\n\n" + wide)
    rc, out, err = run(["--no-config", "-f", "json", "--document", "book"], cwd=d, hang=4 * HANG)
    diags = json.loads(out)["documents"][0]["diagnostics"] if out else []
    check("the same table as a part of a document: a missing-part error naming the reason",
          rc in (1, 2) and any(x["rule"] == "missing-part" and "1 GiB" in x["message"] for x in diags),
          (rc, [x["message"] for x in diags][:3], err))


def main():
    global DDLINT, ROOT, TMP
    DDLINT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tests = [fifos, stderr_injection, terminal_escapes, output_is_input, match_budget, long_labelled_line,
             index_of_many_files, long_metrics_list, fix_stdin_among_files,
             binary_bypass_and_template_lock, number_options, atomic_edges, temp_files, fix_keeps_owner,
             directive_rules_cap, directive_count_cap, nul_in_json, globs_and_uris, fifo_outputs,
             diff_and_templates_sanitised, part_control_bytes,
             parse_memory_cap]
    with tempfile.TemporaryDirectory() as TMP:
        for t in tests:
            try:
                t()
            except Exception as e:
                check(t.__name__ + " raised", False, repr(e))
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
