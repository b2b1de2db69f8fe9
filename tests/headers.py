#!/usr/bin/env python3
"""Headers along the pipeline (issue 13, item 2).

- A reporter (src/report/report*.c) includes, directly or through another
  header, no header of the library but util.h: meson.build compiles the
  reporters with the command's include path (include/, src/util/,
  src/report/, src/cli/), which has no src/lib/. So never internal.h, and
  never pcre2.h or cmark-gfm.
- pattern.h is the only header that includes pcre2.h, and src/lib/md.c the
  only file that includes cmark-gfm.
- No file of the library (src/util/, its stages in src/lib/ and the rule
  kinds in src/lib/rules/) includes internal.h, the umbrella kept for the
  unit tests and the fuzz harnesses.
- No two headers share a name: meson.build lists every folder as an include
  directory, so `#include "x.h"` carries no path.
- src/lib/fix.c is a client of the public API: of the library's headers it
  reaches only its own, fix.h, and util.h (issue 13).
This reads the include graph only; the build compiles the headers.
Usage: headers.py SOURCE_ROOT
"""
import os
import re
import sys

# The include path of meson.build, in its order; the library is the first two.
FOLDERS = ("include", "src/util", "src/lib", "src/report", "src/cli")
LIBRARY_FOLDERS = ("src/util", "src/lib")
# The library's headers a reporter may reach: those of src/util/, the one
# library folder on the command's include path (meson.build: exe_inc and
# public_inc).
REPORTER_MAY = {"util.h"}
# The library's headers fix.c may reach: it reads results through ddlint.h.
FIX_MAY = {"fix.h", "util.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def includes(path):
    with open(path, encoding="utf-8") as f:
        return INCLUDE.findall(f.read())


def resolve(root, name, includer):
    """The file a quoted include names, as the compiler finds it: beside the
    includer, then along FOLDERS; None for a system header."""
    for d in [os.path.dirname(includer)] + [os.path.join(root, f)
                                            for f in FOLDERS]:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    return None


def closure(root, path):
    """Every header reached from path: quoted names (as written) and
    system names (as <name>)."""
    seen, todo = set(), [path]
    while todo:
        path = todo.pop()
        for kind, name in includes(path):
            key = name if kind == '"' else "<%s>" % name
            if key in seen:
                continue
            seen.add(key)
            if kind == '"':
                p = resolve(root, name, path)
                if p:
                    todo.append(p)
    return seen


def library_headers(root):
    """Every header of LIBRARY_FOLDERS, named as an include names it
    ("md.h", "rules/kind.h")."""
    found = set()
    for f in LIBRARY_FOLDERS:
        top = os.path.join(root, f)
        for dirpath, _, files in os.walk(top):
            found |= {os.path.relpath(os.path.join(dirpath, n), top)
                      .replace(os.sep, "/") for n in files if n.endswith(".h")}
    return found


def main():
    root = sys.argv[1]
    src = os.path.join(root, "src")
    library_h = library_headers(root)
    if not REPORTER_MAY <= library_h or "internal.h" not in library_h:
        print("FAIL: the library's headers were not found under %s" %
              (LIBRARY_FOLDERS,))
        return 1
    report_dir = os.path.join(src, "report")
    bad = []
    reporters = sorted(n for n in os.listdir(report_dir)
                       if n.startswith("report") and n.endswith(".c"))
    if not reporters:
        bad.append("no reporter found in src/report/")
    for name in reporters:
        reach = closure(root, os.path.join(report_dir, name))
        extra = sorted((reach & library_h) - REPORTER_MAY)
        if extra:
            bad.append("%s reaches library-internal %s" % (name, extra))
        for sysh in ("<pcre2.h>", "<cmark-gfm.h>"):
            if sysh in reach:
                bad.append("%s reaches %s" % (name, sysh))
    fix_c = os.path.join(src, "lib", "fix.c")
    if not os.path.exists(fix_c):
        bad.append("src/lib/fix.c not found")
    else:
        extra = sorted((closure(root, fix_c) & library_h) - FIX_MAY)
        if extra:
            bad.append("fix.c reaches library-internal %s (use ddlint.h)" %
                       (extra,))
    headers = {}
    library_files = 0
    for top in ("src", "include"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for n in sorted(files):
                p = os.path.join(dirpath, n)
                rel = os.path.relpath(p, root).replace(os.sep, "/")
                if n.endswith(".h"):
                    if n in headers:
                        bad.append("%s and %s: two headers named %s" %
                                   (headers[n], rel, n))
                    headers[n] = rel
                if not n.endswith((".c", ".h")):
                    continue
                direct = {name for _, name in includes(p)}
                if "pcre2.h" in direct and rel != "src/lib/pattern.h":
                    bad.append("%s includes pcre2.h (only pattern.h may)" %
                               rel)
                if any(d.startswith("cmark-gfm") for d in direct) and \
                        rel != "src/lib/md.c":
                    bad.append("%s includes cmark-gfm (only md.c may)" % rel)
                library = rel.startswith(tuple(f + "/"
                                               for f in LIBRARY_FOLDERS))
                library_files += library
                if library and "internal.h" in closure(root, p):
                    bad.append("%s (library) reaches internal.h" % rel)
    if library_files == 0:
        bad.append("no library file found in %s" % (LIBRARY_FOLDERS,))
    for b in bad:
        print("FAIL:", b)
    print("%d reporters checked" % len(reporters))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
