#!/usr/bin/env python3
"""Headers along the pipeline (issue 13, item 2).

- A reporter (src/report*.c) includes, directly or through another header,
  no library-internal header beyond what it needs: util.h, source.h (UTF-8),
  pack.h (the JSON report's section paths) and document.h (SARIF's document
  rules); never internal.h, and so never pcre2.h or cmark-gfm.
- pattern.h is the only header that includes pcre2.h, and src/md.c the only
  file that includes cmark-gfm.
- No file of the library (its stages and src/rules/) includes internal.h,
  the umbrella kept for the command's files.
This reads the include graph only; the build compiles the headers.
Usage: headers.py SOURCE_ROOT
"""
import os
import re
import sys

LIBRARY = {
    "util.h", "source.h", "md.h", "title.h", "outline.h", "pattern.h",
    "jsonloc.h", "pack.h", "match.h", "rules.h", "document.h", "result.h",
    "internal.h", "pack_merge.h", "rules/kind.h",
}
STAGES = {
    "alloc.c", "tasks.c", "source.c", "md.c", "chunk.c", "title.c",
    "outline.c", "jsonloc.c", "pack.c", "pack_merge.c", "condition.c",
    "match.c", "prose.c", "engine.c", "result.c", "suppress.c", "config.c",
    "fix.c", "document.c", "version.c", "readfile.c", "paths.c",
    "api_packs.c", "api_result.c", "api_fix.c", "api_outline.c",
}
REPORTER_MAY = {"util.h", "source.h", "pack.h", "document.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def includes(path):
    with open(path, encoding="utf-8") as f:
        return INCLUDE.findall(f.read())


def closure(root, path):
    """Every header reached from path: quoted names (relative to src/) and
    system names (as <name>)."""
    seen, todo = set(), [path]
    while todo:
        for kind, name in includes(todo.pop()):
            key = name if kind == '"' else "<%s>" % name
            if key in seen:
                continue
            seen.add(key)
            if kind == '"':
                for d in ("src", "include"):
                    p = os.path.join(root, d, name)
                    if os.path.exists(p):
                        todo.append(p)
                        break
    return seen


def main():
    root = sys.argv[1]
    src = os.path.join(root, "src")
    bad = []
    reporters = sorted(n for n in os.listdir(src)
                       if n.startswith("report") and n.endswith(".c"))
    if not reporters:
        bad.append("no reporter found in src/")
    for name in reporters:
        reach = closure(root, os.path.join(src, name))
        extra = sorted((reach & LIBRARY) - REPORTER_MAY)
        if extra:
            bad.append("%s reaches library-internal %s" % (name, extra))
        for sysh in ("<pcre2.h>", "<cmark-gfm.h>"):
            if sysh in reach:
                bad.append("%s reaches %s" % (name, sysh))
    for name in sorted(STAGES):
        if not os.path.exists(os.path.join(src, name)):
            bad.append("stage file %s is gone: update STAGES" % name)
    for dirpath, _, files in os.walk(src):
        for n in files:
            p = os.path.join(dirpath, n)
            rel = os.path.relpath(p, src)
            if not n.endswith((".c", ".h")):
                continue
            direct = {name for _, name in includes(p)}
            if "pcre2.h" in direct and rel != "pattern.h":
                bad.append("%s includes pcre2.h (only pattern.h may)" % rel)
            if any(d.startswith("cmark-gfm") for d in direct) and rel != "md.c":
                bad.append("%s includes cmark-gfm (only md.c may)" % rel)
            library = rel in STAGES or rel.startswith("rules" + os.sep)
            if library and "internal.h" in closure(root, p):
                bad.append("%s (library) reaches internal.h" % rel)
    for b in bad:
        print("FAIL:", b)
    print("%d reporters checked" % len(reporters))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
