;;; ddlint-flycheck.el --- ddlint as a Flycheck checker  -*- lexical-binding: t -*-
;; Load it after flycheck, e.g. (with-eval-after-load 'flycheck (load "ddlint-flycheck")).
(require 'flycheck)

(flycheck-define-checker ddlint
  "Lint Markdown design documents with ddlint."
  :command ("ddlint" "--color" "never" "--stdin-filename" source-original "-")
  :standard-input t
  :error-patterns
  ((error line-start (file-name) ":" line ":" column ": error: "
          (message) " [" (id (one-or-more (any alnum "-_."))) "]" line-end)
   (warning line-start (file-name) ":" line ":" column ": warning: "
            (message) " [" (id (one-or-more (any alnum "-_."))) "]" line-end)
   (info line-start (file-name) ":" line ":" column ": info: "
         (message) " [" (id (one-or-more (any alnum "-_."))) "]" line-end))
  :modes (markdown-mode gfm-mode))

(add-to-list 'flycheck-checkers 'ddlint)
(provide 'ddlint-flycheck)
;;; ddlint-flycheck.el ends here
