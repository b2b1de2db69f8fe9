#!/usr/bin/env python3
"""The command is a client of the library: no source file of the ddlint
executable (the CLI, the language server, the reporters) includes, directly
or through its own headers, a header of the library's internals. Allowed
are ddlint.h (and its version header), util.h (the util library) and the
executable's own headers (a header whose .c file is one of its sources, or
that no library source includes). System headers of the library's parsers
(cmark-gfm, PCRE2) are refused too. Usage:
cli_includes.py SRCROOT LIBRARY-SOURCES... -- EXECUTABLE-SOURCES..."""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
PUBLIC = {"ddlint.h", "ddlint_version.h", "util.h"}
PARSERS = re.compile(r"^(pcre2\.h|cmark-gfm|cmark_)")
# The include path of meson.build: a quoted name is looked for beside the
# file that includes it, then in these folders of the source root.
FOLDERS = ("include", "src/util", "src/lib", "src/report", "src/cli")


def includes(path):
    with open(path, encoding="utf-8") as f:
        return INCLUDE.findall(f.read())


def find(dirs, h, includer):
    """The path of the project header h, or None."""
    for d in [os.path.dirname(includer)] + dirs:
        if os.path.exists(os.path.join(d, h)):
            return os.path.join(d, h)
    return None


def check(dirs, lib_sources, exe_sources):
    """Messages for every forbidden include reached from exe_sources."""
    exe_names = {os.path.basename(p) for p in exe_sources}
    own = {n[:-2] + ".h" for n in exe_names if n.endswith(".c")}
    lib_headers = set()
    for p in lib_sources:
        lib_headers |= {h for kind, h in includes(p) if kind == '"'}
    internal = lib_headers - PUBLIC - own
    bad = []
    for src in exe_sources:
        seen, todo = set(), [(src, os.path.basename(src))]
        while todo:
            path, via = todo.pop()
            for kind, h in includes(path):
                if kind == "<":
                    if PARSERS.match(h):
                        bad.append(f"{via}: includes <{h}>, a library parser's header")
                    continue
                hp = find(dirs, h, path)
                if h in internal or (h not in PUBLIC and h not in own and
                                     hp is not None and
                                     h not in {os.path.basename(x) for x in exe_sources}):
                    bad.append(f"{via}: includes \"{h}\", a library-internal header")
                    continue
                if h not in seen and hp is not None:
                    seen.add(h)
                    todo.append((hp, f"{via} -> {h}"))
    return bad


def main():
    args = sys.argv[1:]
    root, args = args[0], args[1:]
    sep = args.index("--")
    lib_sources, exe_sources = args[:sep], args[sep + 1:]
    dirs = [os.path.join(root, f) for f in FOLDERS]
    if not lib_sources or not exe_sources:
        print("FAIL: no sources given")
        return 1
    # The check must be able to fail: a client that includes internal.h
    # through a header of its own is caught.
    with tempfile.TemporaryDirectory() as tmp:
        fake_c = os.path.join(tmp, "probe_client.c")
        probe_h = find(dirs, "internal.h", fake_c)
        fake_h = os.path.join(tmp, "probe_client.h")
        with open(fake_h, "w") as f:
            f.write('#include "internal.h"\n')
        with open(fake_c, "w") as f:
            f.write('#include "ddlint.h"\n#include "probe_client.h"\n')
        lib_has_internal = any('"internal.h"' in open(p, encoding="utf-8").read()
                               for p in lib_sources)
        if probe_h is not None and lib_has_internal:
            probe = check(dirs, lib_sources, [fake_c])
            if not any("internal.h" in m for m in probe):
                print("FAIL: the check did not catch a probe that includes internal.h")
                return 1
    bad = check(dirs, lib_sources, exe_sources)
    for m in bad:
        print("FAIL " + m)
    print(f"{len(exe_sources)} executable sources checked against "
          f"{len(lib_sources)} library sources: {len(bad)} forbidden includes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
