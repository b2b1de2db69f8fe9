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
HANG = 20  # seconds: a hang guard, not a speed assertion


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {str(detail)[:400]}"))


def run(args, stdin=b"", cwd=None, env=None):
    e = dict(os.environ, **(env or {}))
    try:
        p = subprocess.run([DDLINT, *args], input=stdin, capture_output=True,
                           timeout=HANG, cwd=cwd or TMP, env=e)
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


def main():
    global DDLINT, ROOT, TMP
    DDLINT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tests = [fifos]
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
