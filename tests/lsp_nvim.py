#!/usr/bin/env python3
"""`ddlint lsp` in a headless Neovim (0.7 or later) through its built-in
client (vim.lsp.start_client, as docs/editors/ddlint-lsp.lua sets it up): the diagnostics arrive at the right byte
columns on non-ASCII lines, and a code action chosen through
vim.lsp.buf.code_action() inserts the missing section, after which its
diagnostic clears. Skips with a message when nvim is absent.

usage: lsp_nvim.py DDLINT SRC_ROOT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

DOC = """# Recherche naïve — 検索 🚀

## Problem Formulation

* **Use Case**: naïve 検索 ranking for 🚀 users: TBD.
* **Business Objective**: more clicks 🎯 and TBD revenue.

## Data and Labeling

Données: click logs. 😀😀 TBD
"""

LUA = r"""
local ddlint, out = _G.DDLINT, _G.OUT
local result = {}
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  -- docs/editors/ddlint-lsp.lua attached the buffer when its filetype was set
  local id = _G.ddlint_lsp.client_id()
  result.attached_by_setup = id ~= nil and vim.lsp.buf_is_attached(buf, id)
  local function diags()
    return vim.diagnostic.get(buf)
  end
  result.got_diagnostics = vim.wait(10000, function() return #diags() > 0 end, 50)
  result.before = {}
  for _, d in ipairs(diags()) do
    table.insert(result.before, {lnum = d.lnum, col = d.col, end_col = d.end_col,
      code = d.code, message = d.message, severity = d.severity})
  end
  local client = vim.lsp.get_client_by_id(id)
  result.offset_encoding = client.offset_encoding
  -- the action on the "System Architecture" finding, chosen as a user would
  local target
  for _, d in ipairs(diags()) do
    if d.code == 'missing-section' and d.message:find('missing required section "System Architecture"', 1, true) == 1 then
      target = d
    end
  end
  result.target = target and {lnum = target.lnum, col = target.col} or vim.NIL
  vim.api.nvim_win_set_cursor(0, {target.lnum + 1, target.col})
  local offered = {}
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      local action = item[2] or item.action or item
      table.insert(offered, action.title)
      if action.title == 'Insert section "System Architecture"' then
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  result.changed = vim.wait(10000, function()
    for _, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      if l:find('System Architecture', 1, true) then return true end
    end
    return false
  end, 50)
  result.offered = offered
  result.cleared = vim.wait(10000, function()
    for _, d in ipairs(diags()) do
      if d.code == 'missing-section' and d.message:find('missing required section "System Architecture"', 1, true) == 1 then
        return false
      end
    end
    return true
  end, 50)
  result.after = {}
  for _, d in ipairs(diags()) do
    table.insert(result.after, {lnum = d.lnum, col = d.col, code = d.code})
  end
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end)
if not ok then result.error = tostring(err) end
finish()
"""

results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def main():
    ddlint = os.path.abspath(sys.argv[1])
    nvim = shutil.which("nvim")
    if not nvim:
        print("SKIP: nvim is not installed (apt-get install neovim); the "
              "Neovim client test did not run")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))
        doc = os.path.join(d, "design.md")
        with open(doc, "w", encoding="utf-8") as f:
            f.write(DOC)
        script = os.path.join(d, "run.lua")
        with open(script, "w") as f:
            f.write(LUA)
        out = os.path.join(d, "out.json")
        setup = os.path.join(os.path.abspath(sys.argv[2]), "docs/editors/ddlint-lsp.lua")
        env = dict(os.environ, HOME=d, XDG_CONFIG_HOME=d, XDG_DATA_HOME=d,
                   XDG_STATE_HOME=d, XDG_CACHE_HOME=d)
        p = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                            "--cmd", f"lua _G.DDLINT = {json.dumps(ddlint)}; _G.OUT = {json.dumps(out)}",
                            "--cmd", f"lua vim.g.ddlint_lsp_cmd = {{{json.dumps(ddlint)}, 'lsp'}}",
                            "--cmd", f"luafile {setup}",
                            doc, "-c", "set filetype=markdown", "-c", f"luafile {script}"],
                           cwd=d, env=env, capture_output=True, text=True, timeout=120)
        if not os.path.exists(out):
            check("nvim ran the script", False, (p.returncode, p.stdout, p.stderr))
            sys.exit(1)
        r = json.load(open(out))
        check("no Lua error", "error" not in r, r.get("error"))
        check("docs/editors/ddlint-lsp.lua attached the Markdown buffer",
              r.get("attached_by_setup"), r)
        check("Neovim received the diagnostics", r.get("got_diagnostics"), r)
        lines = DOC.split("\n")
        ph = [g for g in r.get("before", []) if g["code"] == "placeholder"]
        spans = [lines[g["lnum"]].encode()[g["col"]:g["end_col"]] for g in ph]
        check("each placeholder lands on the bytes 'TBD' of its non-ASCII line "
              f"(offset encoding {r.get('offset_encoding')})",
              len(ph) == 3 and all(s == b"TBD" for s in spans), (ph, spans))
        check("the code action was offered and chosen", r.get("changed"), r.get("offered"))
        text = "\n".join(r.get("lines", []))
        check("the section was inserted with the skeleton of `ddlint fix`",
              "## System Architecture" in text and "<!-- Write the System Architecture section." in text,
              text)
        check("its diagnostic cleared after the edit", r.get("cleared"), r.get("after"))
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
