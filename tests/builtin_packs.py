#!/usr/bin/env python3
"""The built-in packs compile their patterns on first use (src/lib/pack.c), so a
pattern that does not compile would only show as a pattern that never
matches. This loads each bundled pack from rules/ by path, which compiles
every pattern at load and fails with a located error on a bad one, and
checks that a document linted with the built-in pack and with the same pack
loaded by path gets the same findings and coverage.

usage: builtin_packs.py DDLINT SRCROOT"""
import glob
import json
import os
import subprocess
import sys


def main():
    ddlint, root = sys.argv[1], sys.argv[2]
    failed = 0
    packs = sorted(p for p in glob.glob(os.path.join(root, "rules", "*.json"))
                   if not p.endswith("pack.schema.json"))
    for path in packs:
        p = subprocess.run([ddlint, "--no-config", "--template", path,
                            "--list-rules"], capture_output=True, text=True,
                           timeout=60)
        ok = p.returncode == 0 and not p.stderr
        print(("ok   " if ok else "FAIL ") +
              f"{os.path.basename(path)} loads by path, every pattern compiled"
              + ("" if ok else f": {p.returncode} {p.stderr.strip()}"))
        failed += not ok
        name = os.path.basename(path)[:-5]
        docs = sorted(glob.glob(os.path.join(root, "fixtures", "recognition", "*.md")))
        docs += [os.path.join(root, "fixtures", "incomplete.md")]
        same = True
        for doc in docs:
            runs = []
            for t in (name, path):
                q = subprocess.run([ddlint, "--no-config", "-f", "json", "-t", t, doc],
                                   capture_output=True, text=True, timeout=60)
                f = json.loads(q.stdout)["files"][0]
                runs.append((f["diagnostics"], f["coverage"], f["score"]))
            if runs[0] != runs[1]:
                same = False
                print(f"FAIL {name}: built-in and by-path differ on {doc}")
        print(("ok   " if same else "FAIL ") +
              f"{name}: built-in (compiled on first use) and by path (compiled "
              f"at load) agree on {len(docs)} documents")
        failed += not same
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
