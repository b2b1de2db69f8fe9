#!/usr/bin/env python3
"""`meson install --destdir` puts every file in place: the binary, the packs
under datadir, the man page (which `man -l` renders), the header, the static
library with its pkg-config file (a program builds against them), and the
bash completion, and the docs that --explain and SARIF rule texts name; the
installed binary looks for packs in the installed folder."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def find(root, name):
    for dirpath, _, files in os.walk(root):
        if name in files:
            return os.path.join(dirpath, name)
    return None


def main():
    build, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    prefix = subprocess.run(["meson", "introspect", "--buildoptions", build], capture_output=True, text=True)
    import json
    opts = {o["name"]: o["value"] for o in json.loads(prefix.stdout)}
    pfx, datadir = opts["prefix"], opts["datadir"]
    info = subprocess.run(["meson", "introspect", "--projectinfo", build], capture_output=True, text=True)
    version = json.loads(info.stdout)["version"]  # meson.build's, the one written by hand
    with open(os.path.join(root, "man", "ddlint.1")) as f:
        th = f.readline()
    check("the man page names meson.build's version", f'"ddlint {version}"' in th, th)
    with tempfile.TemporaryDirectory() as dest:
        p = subprocess.run(["meson", "install", "-C", build, "--destdir", dest, "--no-rebuild"],
                           capture_output=True, text=True)
        check("meson install --destdir succeeds", p.returncode == 0, p.stderr[-500:])
        base = dest + pfx
        exe = os.path.join(base, "bin", "ddlint")
        packdir = os.path.join(base, datadir, "ddlint", "rules")
        check("the binary is installed", os.access(exe, os.X_OK))
        check("the default pack is installed under datadir",
              os.path.isfile(os.path.join(packdir, "ml-system-design.json")))
        man = os.path.join(base, datadir, "man", "man1", "ddlint.1")
        check("the man page is installed", os.path.isfile(man))
        check("the bash completion is installed",
              os.path.isfile(os.path.join(base, datadir, "bash-completion", "completions", "ddlint")))
        check("the header is installed", os.path.isfile(os.path.join(base, "include", "ddlint.h")))
        check("the generated version header is installed beside it",
              os.path.isfile(os.path.join(base, "include", "ddlint_version.h")))
        pc = find(base, "libddlint.pc")
        lib = find(base, "libddlint.a")
        check("the library and its pkg-config file are installed", pc and lib, (pc, lib))

        # The compiled-in pack folder is the installed one...
        blob = open(exe, "rb").read()
        check("the binary looks for packs in prefix/datadir/ddlint/rules",
              os.path.join(pfx, datadir, "ddlint", "rules").encode() in blob)
        # ...and a pack there wins over the built-in one of the same name.
        env = dict(os.environ, DDLINT_PACK_PATH=packdir)
        p = subprocess.run([exe, "--list-templates"], env=env, capture_output=True, text=True)
        check("the installed binary finds the installed packs",
              p.returncode == 0 and os.path.join(packdir, "ml-system-design.json") in p.stdout, p.stdout)
        p = subprocess.run([exe, os.path.join(root, "fixtures/incomplete.md")], env=env,
                           capture_output=True, text=True)
        check("the installed binary lints with the installed pack",
              p.returncode == 1 and "[missing-section]" in p.stdout, p.stdout[-300:])

        # --explain and SARIF rule texts name docs/*.md: installed, and
        # --explain says where
        docdir = os.path.join(pfx, datadir, "doc", "ddlint")
        named = set()
        for tmpl in ("ml-system-design", "rfc", "adr"):
            p = subprocess.run([exe, "-t", tmpl, "--list-rules"], env=env, capture_output=True, text=True)
            for rule in [l.split()[0] for l in p.stdout.splitlines()[1:]]:
                e = subprocess.run([exe, "-t", tmpl, "--explain", rule], env=env, capture_output=True,
                                   text=True).stdout
                refs = set(re.findall(r"\bdocs/[A-Za-z0-9_./-]*[A-Za-z0-9_]", e)) - {"docs/"}
                named |= refs
                if refs:
                    check(f"--explain {rule} ({tmpl}) says where its docs/ files are installed",
                          f"installed in {docdir}/docs/" in e, e[-200:])
            p = subprocess.run([exe, "-t", tmpl, "-f", "sarif", os.path.join(root, "fixtures/incomplete.md")],
                               env=env, capture_output=True, text=True)
            named |= set(re.findall(r"\bdocs/[A-Za-z0-9_./-]*[A-Za-z0-9_]", p.stdout))
        missing = sorted(r for r in named if not os.path.isfile(os.path.join(base, datadir, "doc", "ddlint", r)))
        check("every docs/ file that --explain or SARIF rule texts name is installed",
              named and not missing, (sorted(named), missing))

        if shutil.which("man"):
            p = subprocess.run(["man", "-l", man], capture_output=True, text=True,
                               env=dict(os.environ, MANWIDTH="80", MANPAGER="cat", PAGER="cat"))
            check("man -l renders the page with its exit statuses",
                  p.returncode == 0 and "EXIT STATUS" in p.stdout and "--min-score" in p.stdout.replace("‐", "-"),
                  p.stderr[-300:])
        else:
            print("SKIP man -l: man is not installed (Debian package man-db)")

        cc = shutil.which("cc") or shutil.which("gcc")
        if cc and shutil.which("pkg-config"):
            prog = os.path.join(dest, "client.c")
            with open(prog, "w") as f:
                f.write('#include <ddlint.h>\n#include <stdio.h>\n#include <string.h>\n'
                        'int main(void) {\n  char *err = NULL;\n'
                        '  ddlint_pack *pk = ddlint_pack_load_builtin(ddlint_default_pack_name(), &err);\n'
                        '  if (!pk) return 2;\n  const char *doc = "# T\\n\\n## Problem Formulation\\n\\nTBD\\n";\n'
                        '  ddlint_result *r = ddlint_lint_buffer(pk, "doc.md", doc, strlen(doc));\n'
                        '  printf("%zu %s %s %d\\n", ddlint_result_diag_count(r), ddlint_diag_rule(ddlint_result_diag(r, 0)),\n'
                        '         ddlint_version(), strcmp(ddlint_version(), DDLINT_VERSION) == 0);\n'
                        '  ddlint_result_free(r);\n  ddlint_pack_free(pk);\n  return 0;\n}\n')
            penv = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pc), PKG_CONFIG_SYSROOT_DIR=dest)
            flags = subprocess.run(["pkg-config", "--cflags", "--libs", "--static", "libddlint"],
                                   env=penv, capture_output=True, text=True)
            out = os.path.join(dest, "client")
            san = opts.get("b_sanitize", "none")
            extra = [f"-fsanitize={san}"] if san not in ("none", "") else []
            p = subprocess.run([cc, prog, "-o", out] + extra + flags.stdout.split(),
                               capture_output=True, text=True)
            ran = subprocess.run([out], capture_output=True, text=True) if p.returncode == 0 else None
            check("a program builds against the installed header and library via pkg-config",
                  p.returncode == 0 and ran and ran.returncode == 0 and ran.stdout.split()[0].isdigit(),
                  (flags.stdout, flags.stderr, p.stderr[-500:]))
            check("... and ddlint_version() is the project version, as DDLINT_VERSION is",
                  ran and ran.stdout.split()[2:] == [version, "1"], ran and ran.stdout)
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
