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


def self_check(dirs, lib_sources):
    """None when check() catches each planted violation, else what it
    missed: a client reaching internal.h through a header of its own, one
    including a header that a library source includes, and one including
    <pcre2.h>."""
    lib_headers = sorted({h for p in lib_sources for kind, h in includes(p)
                          if kind == '"'} - PUBLIC)
    if not lib_headers:
        return "the library sources include no internal header"
    with tempfile.TemporaryDirectory() as tmp:
        def probe(name, text):
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(text)
            return path
        if find(dirs, "internal.h", os.path.join(tmp, "x.c")) is None:
            return "internal.h is not on the include path"
        # probe_client.h is the probe's own header (its .c file is one)
        probe("probe_client.h", '#include "internal.h"\n')
        probes = [
            (probe("probe_client.c",
                   '#include "ddlint.h"\n#include "probe_client.h"\n'),
             '"internal.h"'),
            (probe("probe_lib.c", f'#include "{lib_headers[0]}"\n'),
             f'"{lib_headers[0]}"'),
            (probe("probe_pcre.c", "#include <pcre2.h>\n"), "<pcre2.h>"),
        ]
        for path, what in probes:
            if not any(what in m for m in check(dirs, lib_sources, [path])):
                return f"{os.path.basename(path)} includes {what}, not caught"
    return None


def main():
    args = sys.argv[1:]
    root, args = args[0], args[1:]
    sep = args.index("--")
    lib_sources, exe_sources = args[:sep], args[sep + 1:]
    dirs = [os.path.join(root, f) for f in FOLDERS]
    if not lib_sources or not exe_sources:
        print("FAIL: no sources given")
        return 1
    # The check must be able to fail. It runs on probes first, and a probe
    # it does not catch fails the test: a broken checker must not pass.
    fail = self_check(dirs, lib_sources)
    if fail:
        print("FAIL: the check is broken: " + fail)
        return 1
    bad = check(dirs, lib_sources, exe_sources)
    for m in bad:
        print("FAIL " + m)
    print(f"{len(exe_sources)} executable sources checked against "
          f"{len(lib_sources)} library sources: {len(bad)} forbidden includes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
