" ddlint for Vim (8.0 or later) and Neovim: :Ddlint fills the quickfix list.
" Put this in ~/.config/nvim/after/ftplugin/markdown.vim (or ~/.vim/...).
" The buffer goes through stdin, so unsaved edits are linted too; positions
" come from the JSON report's byte columns (column_byte), which are what
" Vim's quickfix counts, so findings on lines with non-ASCII text land on
" the right character.
function! s:DdlintQuickfix() abort
  let l:out = system('ddlint --format json --stdin-filename '
        \ . shellescape(expand('%')) . ' -', getline(1, '$'))
  if v:shell_error == 2
    echoerr 'ddlint: ' . l:out
    return
  endif
  let l:items = []
  for l:file in get(json_decode(l:out), 'files', [])
    for l:d in l:file.diagnostics
      call add(l:items, {'filename': l:file.path,
            \ 'lnum': l:d.start.line, 'col': l:d.start.column_byte,
            \ 'end_lnum': l:d['end'].line, 'end_col': l:d['end'].column_byte,
            \ 'type': toupper(l:d.severity[0]),
            \ 'text': l:d.message . ' [' . l:d.rule . ']'})
    endfor
  endfor
  call setqflist(l:items, 'r')
endfunction
command! -buffer Ddlint call s:DdlintQuickfix()
