#!/usr/bin/env python3
"""The editor setups of docs/editors.md against real ddlint output: the VS
Code problem matcher's regex, the Vim/Neovim errorformat and Lua module run
in a headless Neovim (skipped with a message where nvim is absent), and the
Flycheck patterns (as the equivalent regex; Emacs itself is not run)."""
import json
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


def neovim_checks(ddlint, root, env, nvim, d, doc):
    """The quickfix recipe and the Lua module in a headless Neovim, against
    the JSON report's byte columns, for one document."""
    report = json.loads(subprocess.run([ddlint, "-f", "json", doc], cwd=root,
                                       capture_output=True, text=True).stdout)
    want = [(g["start"]["line"], g["start"]["column_byte"], g["severity"], g["message"], g["rule"])
            for g in report["files"][0]["diagnostics"]]
    name = os.path.basename(doc)
    text = open(os.path.join(root, doc), "rb").read().split(b"\n")
    ph = [w for w in want if w[4] == "placeholder"]
    if name == "naive.md":
        check(f"{name}: column_byte points at the finding's bytes on a non-ASCII line",
              ph and text[ph[0][0] - 1][ph[0][1] - 1:].startswith(b"TBD"), (ph, text))
    out = os.path.join(d, "qf.txt")
    vimrc = os.path.join(root, "docs/editors/ddlint.vim")
    p = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", doc,
                        "-c", f"source {vimrc}", "-c", "Ddlint",
                        "-c", f"call writefile(map(getqflist(), {{_, e -> e.lnum . ':' . e.col . ':' . e.type . ':' . e.text}}), '{out}')",
                        "-c", "qa!"], cwd=root, env=env, capture_output=True, text=True, timeout=60)
    lines = open(out, encoding="utf-8").read().splitlines() if os.path.exists(out) else []
    exp = [f"{l}:{c}:{s[0].upper()}:{m} [{r}]" for l, c, s, m, r in want]
    check(f"{name}: Neovim :Ddlint fills the quickfix list at byte columns", lines == exp,
          (p.stderr[-300:], lines[:3], exp[:3]))

    out2 = os.path.join(d, "diag.txt")
    lua = os.path.join(root, "docs/editors/ddlint.lua")
    dump = ("lua local t = {} for _, x in ipairs(vim.diagnostic.get(0)) do "
            "table.insert(t, (x.lnum + 1) .. ':' .. (x.col + 1) .. ':' .. x.severity .. ':' .. x.code) end "
            f"vim.fn.writefile(t, '{out2}')")
    p = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                        "-c", f"luafile {lua}", "-c", f"edit {doc}", "-c", dump, "-c", "qa!"],
                       cwd=root, env=env, capture_output=True, text=True, timeout=60)
    lines = sorted(open(out2).read().splitlines()) if os.path.exists(out2) else []
    sev = {"error": 1, "warning": 2, "info": 3}
    exp = sorted(f"{l}:{c}:{sev[s]}:{r}" for l, c, s, m, r in want)
    check(f"{name}: Neovim Lua module: diagnostics arrive in vim.diagnostic at byte columns",
          lines == exp, (p.stderr[-300:], lines, exp))


def main():
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = dict(os.environ, PATH=os.path.dirname(ddlint) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("NO_COLOR", None)
    fixture = "fixtures/incomplete.md"
    human = subprocess.run([ddlint, "--color", "never", fixture], cwd=root, capture_output=True,
                           text=True).stdout
    report = json.loads(subprocess.run([ddlint, "-f", "json", fixture], cwd=root,
                                       capture_output=True, text=True).stdout)
    want = [(d["start"]["line"], d["start"]["column"], d["severity"], d["message"], d["rule"])
            for d in report["files"][0]["diagnostics"]]

    # VS Code: the problem matcher's regex (JavaScript syntax; this one means
    # the same in Python's re).
    tasks = json.load(open(os.path.join(root, "docs/editors/vscode-tasks.json")))
    pat = tasks["tasks"][0]["problemMatcher"]["pattern"]
    rx = re.compile(pat["regexp"])
    got = []
    for line in human.splitlines():
        m = rx.match(line)
        if m:
            got.append((int(m.group(pat["line"])), int(m.group(pat["column"])), m.group(pat["severity"]),
                        m.group(pat["message"]), m.group(pat["code"])))
            check("VS Code matcher: file group is the path", m.group(pat["file"]) == fixture, line)
    check("VS Code problem matcher finds every diagnostic with its position, severity and code",
          got == want, (got, want))

    # Emacs Flycheck: the rx patterns of ddlint-flycheck.el, written as regex.
    el = open(os.path.join(root, "docs/editors/ddlint-flycheck.el")).read()
    check("Flycheck checker reads stdin and names each severity",
          ":standard-input t" in el and all(f'": {s}: "' in el for s in ("error", "warning", "info")))
    frx = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): "
                     r"(?P<msg>.*) \[(?P<id>[A-Za-z0-9_.-]+)\]$")
    got = [(int(m["line"]), int(m["col"]), m["sev"], m["msg"], m["id"])
           for m in map(frx.match, human.splitlines()) if m]
    check("Flycheck patterns find every diagnostic", got == want, got)

    nvim = shutil.which("nvim")
    if not nvim:
        print("SKIP neovim checks: nvim is not installed (Debian package neovim)")
    else:
        with tempfile.TemporaryDirectory() as d:
            # a line with non-ASCII text before the finding: editors count
            # bytes, so the recipes must use column_byte
            uni = os.path.join(d, "naive.md")
            with open(uni, "w", encoding="utf-8") as f:
                f.write("# T\n\n## Problem Formulation\n\nThe naïve 検索 plan is TBD.\n")
            for doc in (fixture, uni):
                neovim_checks(ddlint, root, env, nvim, d, doc)
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
