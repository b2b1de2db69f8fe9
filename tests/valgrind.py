#!/usr/bin/env python3
"""The golden runs under valgrind: every fixture in the human and JSON formats
gives exactly its golden output with 0 memory errors and 0 leaks
(valgrind --error-exitcode --leak-check=full). PCRE2's JIT code confuses
valgrind, so DDLINT_NO_JIT=1 makes the patterns interpreted here. Skips
with a message where valgrind is absent or the build is sanitized (valgrind
cannot run an ASan binary)."""
import os
import shutil
import subprocess
import sys


def main():
    ddlint, root = sys.argv[1], sys.argv[2]
    sanitize = sys.argv[3] if len(sys.argv) > 3 else "none"
    if not shutil.which("valgrind"):
        print("SKIP: valgrind is not installed (Debian package valgrind)")
        return 77
    if sanitize not in ("", "none"):
        print(f"SKIP: this build uses -Db_sanitize={sanitize}; valgrind runs on the plain build")
        return 77
    env = dict(os.environ, NO_COLOR="1", DDLINT_NO_JIT="1")
    fixtures = sorted(f for f in os.listdir(os.path.join(root, "fixtures")) if f.endswith(".md"))
    multi = os.path.join(root, "fixtures", "multi")
    if os.path.isdir(multi):  # documents of several files, as tests/golden.py
        fixtures += sorted("multi/" + d for d in os.listdir(multi)
                           if os.path.isdir(os.path.join(multi, d)))
    failed = 0
    for name in fixtures:
        for fmt in ("human", "json"):
            p = subprocess.run(["valgrind", "--quiet", "--error-exitcode=99", "--leak-check=full",
                                "--show-leak-kinds=definite,indirect", "--errors-for-leak-kinds=definite,indirect",
                                ddlint, "--no-config", "--format", fmt, "fixtures/" + name],
                               cwd=root, env=env, capture_output=True, timeout=600)
            got = p.stdout + b"[exit %d]\n" % p.returncode
            stem = name[:-3] if name.endswith(".md") else name.replace("/", "-")
            want = open(os.path.join(root, "fixtures", "expected", stem + "." + fmt), "rb").read()
            want = want.split(b"[stderr]\n")[0]
            ok = p.returncode in (0, 1) and got == want
            failed += not ok
            print(("ok   " if ok else "FAIL ") + f"{name} [{fmt}] under valgrind" +
                  ("" if ok else f": exit {p.returncode}\n{p.stderr.decode()[-2000:]}"))
    print(f"{2 * len(fixtures) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
