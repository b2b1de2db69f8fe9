-- ddlint diagnostics for Neovim (0.7 or later), from its JSON output.
-- Put this file in ~/.config/nvim/plugin/ddlint.lua; markdown buffers are
-- linted when read and written. The buffer's text goes through stdin, so
-- unsaved edits are linted too.
local ns = vim.api.nvim_create_namespace("ddlint")
local severity = {
  error = vim.diagnostic.severity.ERROR,
  warning = vim.diagnostic.severity.WARN,
  info = vim.diagnostic.severity.INFO,
}

local function lint(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local out = vim.fn.system({"ddlint", "--format", "json", "--stdin-filename", name, "-"},
                            table.concat(lines, "\n") .. "\n")
  if vim.v.shell_error == 2 then
    vim.notify("ddlint: " .. out, vim.log.levels.ERROR)
    return
  end
  local ok, report = pcall(vim.json.decode, out)
  if not ok or not report.files or not report.files[1] then
    return
  end
  local diags = {}
  for _, d in ipairs(report.files[1].diagnostics) do
    table.insert(diags, {
      -- Neovim counts columns in bytes: column_byte, not column (code points)
      lnum = d.start.line - 1,
      col = d.start.column_byte - 1,
      end_lnum = d["end"].line - 1,
      end_col = d["end"].column_byte - 1,
      severity = severity[d.severity],
      message = d.message .. (d.help ~= "" and ("\n" .. d.help) or ""),
      source = "ddlint",
      code = d.rule,
    })
  end
  vim.diagnostic.set(ns, bufnr, diags)
end

vim.api.nvim_create_autocmd({"BufReadPost", "BufWritePost"}, {
  pattern = {"*.md", "*.markdown"},
  callback = function(args) lint(args.buf) end,
})

return {lint = lint, namespace = ns}
