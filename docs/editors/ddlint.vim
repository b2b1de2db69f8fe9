" ddlint for Vim and Neovim's :make and quickfix list.
" Put this in ~/.config/nvim/after/ftplugin/markdown.vim (or ~/.vim/...).
setlocal makeprg=ddlint\ --color\ never\ %
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m,%-G%.%#
