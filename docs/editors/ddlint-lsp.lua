-- ddlint's language server in Neovim 0.7 or later, with the built-in
-- client: every Markdown buffer is attached to one `ddlint lsp`. Source it
-- from init.lua (`dofile('/path/to/ddlint-lsp.lua')`) or put it under
-- ~/.config/nvim/plugin/. Set vim.g.ddlint_lsp_cmd (a list) for another
-- binary, and vim.g.ddlint_lsp_options for initializationOptions, e.g.
-- {template = 'rfc', severities = {['section-order'] = 'off'}}.
local M = {}
local client_id

function M.attach(buf)
  buf = buf or vim.api.nvim_get_current_buf()
  if not client_id or vim.lsp.client_is_stopped(client_id) then
    client_id = vim.lsp.start_client({
      name = 'ddlint',
      cmd = vim.g.ddlint_lsp_cmd or {'ddlint', 'lsp'},
      root_dir = vim.fn.getcwd(),
      init_options = vim.g.ddlint_lsp_options,
    })
  end
  if client_id then
    vim.lsp.buf_attach_client(buf, client_id)
  end
  return client_id
end

-- The client's id, once started.
function M.client_id()
  return client_id
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args) M.attach(args.buf) end,
})

_G.ddlint_lsp = M
return M
