#!/usr/bin/env python3
"""The library exports its API and nothing else: every symbol that
`nm -D --defined-only` lists in a shared build of the library's objects is
named ddlint_*, and every function include/ddlint.h declares is among them
(each carries DDLINT_API). Usage: exports.py LIBRARY.so ddlint.h"""
import re
import shutil
import subprocess
import sys


def main():
    lib, header = sys.argv[1], sys.argv[2]
    if not shutil.which("nm"):
        print("SKIP: nm is not installed (Debian package binutils)")
        return 77
    out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True,
                         check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        kind, name = parts[-2], parts[-1].split("@")[0]
        if kind in ("A",):  # linker-defined markers (_edata, _end, __bss_start)
            continue
        syms.append(name)
    bad = sorted(s for s in syms if not s.startswith("ddlint_"))
    with open(header) as f:
        text = f.read()
    declared = set(re.findall(r"\b(ddlint_\w+)\s*\(", re.sub(r"/\*.*?\*/", "", text, flags=re.S)))
    declared -= {n for n in declared if re.search(r"\(\*\s*%s\)" % n, text)}
    missing = sorted(declared - set(syms))
    unmarked = [l for l in text.splitlines()
                if re.match(r"^(const |unsigned |void|int |char|double|size_t|ddlint_\w+ \*?)\S*.*\bddlint_\w+\(", l)]
    print(f"{len(syms)} symbols exported, {len(declared)} functions declared")
    for s in bad:
        print(f"FAIL exported without the ddlint_ prefix: {s}")
    for s in missing:
        print(f"FAIL declared in ddlint.h but not exported (no DDLINT_API?): {s}")
    for l in unmarked:
        print(f"FAIL a declaration without DDLINT_API: {l}")
    return 1 if bad or missing or unmarked else 0


if __name__ == "__main__":
    sys.exit(main())
