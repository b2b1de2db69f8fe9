#!/usr/bin/env python3
"""The bad-input matrix (docs/robustness.md): each case checks its documented
outcome, a diagnostic or exit 2 with one clear line, and never a crash or a
hang (every run has a generous timeout that only catches hangs; no timing is
asserted)."""
import json
import os
import stat
import subprocess
import sys
import tempfile

DDLINT = ROOT = TMP = None
SANITIZED = False
results = []
HANG = 120  # seconds: a hang guard, not a speed assertion


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {str(detail)[:400]}"))


def run(args, stdin=b"", env=None, preexec=None):
    e = dict(os.environ, **(env or {}))
    try:
        p = subprocess.run([DDLINT, "--no-config", *args], input=stdin, capture_output=True,
                           timeout=HANG, env=e, preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        return None, b"", "TIMEOUT"
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def lint_bytes(data, name="doc.md", fmt="json", extra=()):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data)
    return run(["-f", fmt, *extra, path])


def diags(out):
    try:
        return json.loads(out)["files"][0]["diagnostics"]
    except (ValueError, IndexError, KeyError):
        return None


def document_content():
    rc, out, err = lint_bytes(b"")
    check("an empty file: diagnostics (every section missing), exit 1",
          rc == 1 and diags(out) and all(d["rule"] in ("missing-section", "latency-target") for d in diags(out)))
    rc, out, err = lint_bytes(b"---\ntitle: only front matter\n---\n")
    d = diags(out)
    check("a file that is only front matter: every section missing, nothing inside the front matter",
          rc == 1 and d and all(x["start"]["line"] >= 3 or x["rule"] != "placeholder" for x in d))
    rc, out, err = lint_bytes(b"# T\n\n## Problem Formulation\n\nok \xc3\x28 bad TBD\n")
    d = diags(out) or []
    bad = [x for x in d if x["rule"] == "invalid-utf8"]
    check("invalid UTF-8: reported with its byte offset, and the rest still linted",
          bad and bad[0]["message"] == "invalid UTF-8 at byte offset 32" and bad[0]["start"]["offset"] == 32
          and any(x["rule"] == "placeholder" for x in d), d)
    rc, out, err = lint_bytes(b"# T\x00\n\n## Success\x00Metrics\n\nCTR TBD\x00\n")
    check("NUL bytes in a text file: linted (NUL read as a space), no crash",
          rc == 1 and any(x["rule"] == "placeholder" for x in diags(out) or []), (rc, err))
    rc, out, err = lint_bytes(bytes(range(256)) * 40, name="blob.md", fmt="human")
    check("a binary file: skipped with a warning, exit 0",
          rc == 0 and "binary file, not linted" in err, (rc, err))
    rc, out, err = lint_bytes(b"\xef\xbb\xbf## Problem Formulation\n\nTBD\n")
    d = diags(out) or []
    check("a UTF-8 BOM: the heading is a heading, columns ignore the BOM",
          any(x["rule"] == "placeholder" and x["start"]["line"] == 3 and x["start"]["column"] == 1 for x in d)
          and not any(x["rule"] == "invalid-utf8" for x in d), d)
    rc, out, err = lint_bytes(b"---\n\n# Design\n\n## Problem Formulation\n\nTODO\n\nSuccess Metrics\n---\n")
    d = diags(out) or []
    check("a document opening with a thematic break is not front matter (nothing hidden)",
          any(x["rule"] == "placeholder" and x["start"]["line"] == 7 for x in d), d)
    rc, out, err = lint_bytes(b"# T\n\n## Problem\n\n\x1b[2J\x1b]0;owned\x07 TODO\n", fmt="human",
                              extra=["--color", "never"])
    check("terminal escapes in a document do not reach the terminal: shown as '?', exit 1",
          rc == 1 and b"\x1b" not in out and b"\x07" not in out
          and b"| ?[2J?]0;owned? TODO" in out, (rc, out[:600]))
    for name, eol in (("CRLF", b"\r\n"), ("lone CR", b"\r")):
        text = eol.join([b"# T", b"", b"## Problem Formulation", b"", b"a", b"", b"TBD", b""])
        rc, out, err = lint_bytes(text)
        d = diags(out) or []
        check(f"{name} line endings: line numbers still right",
              any(x["rule"] == "placeholder" and x["start"]["line"] == 7 for x in d), d)


def scale_and_nesting():
    # Under sanitizers (several times slower and larger) the two biggest
    # cases shrink tenfold; the plain build runs them at full size.
    big = 1 if not SANITIZED else 10
    cases = {
        "blockquotes nested 10,000 deep": b">" * 10000 + b" TBD\n",
        "lists nested 10,000 deep": b"".join(b"  " * i + b"- x\n" for i in range(10000)),
        "emphasis nested 50,000 deep": b"*" * 50000 + b"a" + b"*" * 50000 + b"\n",
        "brackets 100,000 deep": b"[" * 100000 + b"a" + b"]" * 100000 + b"\n",
        "code spans of every length after an inline comment":
            b"x <!-- c --> " + b" ".join(b"`" * k for k in range(1, 3000)) + b"\n",
        "40,000 findings on one line": b"# T\n\n## Problem\n\n" + b"TODO " * 40000 + b"\n",
        f"{1000000 // big} headings": b"".join(b"## H%d\n" % i for i in range(1000000 // big)),
        f"a {100 // big} MB single line": b"word " * (20 * 1024 * 1024 // big) + b"\n",
    }
    for name, data in cases.items():
        rc, out, err = lint_bytes(data, fmt="json", extra=["--quiet"])
        # linted, not refused: a report of the one file, whose required
        # sections are missing (errors: exit 1), and nothing on stderr
        d = diags(out)
        ok = (rc == 1 and not err and d is not None
              and any(x["rule"] == "missing-section" for x in d))
        check(f"{name}: linted to a report (missing sections, exit 1), no crash or hang", ok,
              (rc, err[-300:]))
        os.unlink(os.path.join(TMP, "doc.md"))


def long_line_output():
    rc, out, err = lint_bytes(b"# T\n\n## Problem\n\n" + b"TODO " * 10000 + b"\n", fmt="human",
                              extra=["--color", "never"])
    snippets = [ln for ln in out.split(b"\n") if ln.startswith(b"    5 | ")]
    check("10,000 findings on a 50 KB line: the human output shows a window of the line, not the line",
          rc == 1 and len(snippets) >= 10000
          and all(len(ln) <= len(b"    5 | ") + 4 * 120 for ln in snippets),
          (rc, len(snippets), max(map(len, snippets), default=0)))


def too_large():
    path = os.path.join(TMP, "huge.md")
    with open(path, "wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: no disk used
    rc, out, err = run([path])
    check("a 300 MB file: refused with one line (cmark-gfm aborts on a 1 GiB block), exit 2",
          rc == 2 and "huge.md: cannot read: File too large" in err, (rc, err))
    os.unlink(path)


def paths():
    rc, out, err = run([os.path.join(TMP, "nope.md")])
    check("a nonexistent path: exit 2, one line naming it",
          rc == 2 and err.strip().endswith("nope.md: No such file or directory") and err.count("\n") <= 2, err)
    loopdir = os.path.join(TMP, "loop")
    os.makedirs(os.path.join(loopdir, "sub"))
    os.symlink(loopdir, os.path.join(loopdir, "sub", "back"))
    with open(os.path.join(loopdir, "a.md"), "w") as f:
        f.write("# A\n")
    rc, out, err = run(["-f", "json", loopdir])
    check("a directory symlink loop: not followed, the real files linted",
          rc == 1 and len(json.loads(out)["files"]) == 1, (rc, err))
    unreadable = os.path.join(TMP, "secret.md")
    with open(unreadable, "w") as f:
        f.write("# S\n")
    os.chmod(unreadable, 0)
    preexec = None
    if os.geteuid() == 0:
        # root reads any file: the case runs as nobody, who may enter TMP
        # but not read the file
        import pwd
        nobody = pwd.getpwnam("nobody").pw_uid
        os.chmod(TMP, 0o755)

        def preexec():
            os.setuid(nobody)
    rc, out, err = run([unreadable], preexec=preexec)
    check("an unreadable file: exit 2 with one line naming it and the reason",
          rc == 2 and err == f"{unreadable}: cannot read: Permission denied\n", (rc, err))
    d = os.path.join(TMP, "dir.md")
    os.mkdir(d)
    rc, out, err = run(["-f", "json", d])
    check("a folder named *.md holding no Markdown file: walked, a warning, exit 0",
          rc == 0 and json.loads(out)["files"] == [] and f"{d}: no Markdown file found" in err, (rc, err))
    fifo = os.path.join(TMP, "pipe.md")
    os.mkfifo(fifo)
    rc, out, err = run([fifo])
    check("a FIFO: refused without reading (no hang)", rc == 2 and "not a regular file" in err, err)


def packs_and_config():
    def pack_err(text, name="p.json"):
        path = os.path.join(TMP, name)
        with open(path, "w" if isinstance(text, str) else "wb") as f:
            f.write(text)
        rc, out, err = run(["--template", path, "--list-rules"])
        return rc, err, path
    rc, err, path = pack_err('{"name": "x",\n "sections": [\n}')
    check("a malformed JSON pack: exit 2 with path:line:column",
          rc == 2 and err.startswith(f"ddlint: {path}:3:1: invalid JSON") and err.count("\n") == 1, err)
    cfg = os.path.join(TMP, "bad-config.json")
    with open(cfg, "w") as f:
        f.write('{"rules": {\n  "x": "warning",,\n}}')
    rc, out, err = run(["--config", cfg, os.path.join(ROOT, "fixtures", "incomplete.md")])
    check("a malformed JSON config: exit 2 with path:line:column",
          rc == 2 and f"{cfg}:2:19: invalid JSON" in err, err)
    cat = os.path.join(TMP, "cat.json")
    with open(cat, "w") as f:
        json.dump({"name": "cat", "sections": [{"id": "a", "title": "A"}],
                   "rules": [{"id": "f", "kind": "forbidden", "severity": "warning", "message": "m",
                              "params": {"patterns": ["(a+)+$"]}}]}, f)
    rc, out, err = run(["-f", "json", "--template", cat, "-"], stdin=b"## A\n\n" + b"a" * 50000 + b"b\n")
    d = diags(out) or []
    check("a catastrophic regex (a+)+$: bounded by PCRE2's limits and reported (a warning, exit 0), not hung",
          rc == 0 and [x["rule"] for x in d] == ["pattern-limit"]
          and "hit PCRE2's match limit" in d[0]["message"], (rc, d[:2], err))
    big = os.path.join(TMP, "big.json")
    with open(big, "w") as f:
        f.write('{"name": "big", "description": "' + "x" * (50 * 1024 * 1024) +
                '", "sections": [{"id": "a", "title": "A"}], "rules": []}')
    rc, out, err = run(["--template", big, "--list-rules"])
    check("a 50 MB pack: loads (packs up to 64 MiB are read), exit 0",
          rc == 0 and not err and out.startswith(b"big ") and b"pattern-limit" in out,
          (rc, err[-300:], out[:300]))
    many = os.path.join(TMP, "many.json")
    with open(many, "w") as f:
        json.dump({"name": "many", "sections": [{"id": f"s{i}", "title": f"Section number {i}",
                                                 "topics": [{"id": f"t{i}", "title": f"Topic {i}"}]}
                                                for i in range(10000)],
                   "rules": [{"id": "need", "kind": "required-section", "severity": "error",
                              "message": "no {section}"},
                             {"id": "topic", "kind": "required-topic", "severity": "info",
                              "message": "no {topic}"}]}, f)
    rc, out, err = run(["-f", "json", "--quiet", "--template", many, "-"],
                       stdin=b"".join(b"## Section number %d\n\ntext\n\n" % i for i in range(0, 10000, 7)))
    check("a template with 10,000 sections: lints, no crash or hang",
          rc == 1 and len(json.loads(out)["files"][0]["coverage"]) == 10000, (rc, err[-200:]))


def main():
    global DDLINT, ROOT, TMP, SANITIZED
    DDLINT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    SANITIZED = len(sys.argv) > 3 and sys.argv[3] not in ("", "none")
    if SANITIZED:
        print(f"note: a sanitized build ({sys.argv[3]}): the two largest inputs are a tenth of full size")
    with tempfile.TemporaryDirectory() as TMP:
        for t in (document_content, scale_and_nesting, long_line_output, too_large, paths, packs_and_config):
            try:
                t()
            except Exception as e:
                check(t.__name__ + " raised", False, repr(e))
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
