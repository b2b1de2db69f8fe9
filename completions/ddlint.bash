# bash completion for ddlint
_ddlint() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    -f|--format)
      mapfile -t COMPREPLY < <(compgen -W "human json sarif github summary" -- "$cur")
      return ;;
    --fail-on)
      mapfile -t COMPREPLY < <(compgen -W "error warning info" -- "$cur")
      return ;;
    --color)
      mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
      return ;;
    -t|--template)
      mapfile -t COMPREPLY < <(compgen -W "$(ddlint --list-templates 2>/dev/null | cut -d' ' -f1)" -- "$cur")
      mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X '!*.json' -- "$cur")
      return ;;
    --explain)
      mapfile -t COMPREPLY < <(compgen -W "$(ddlint --list-rules 2>/dev/null | awk 'NR > 1 {print $1}')" -- "$cur")
      return ;;
    -o|--output|--stdin-filename|--config|--print-config)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    --document)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return ;;
    --max-warnings|--min-score)
      return ;;
  esac
  if [[ $COMP_CWORD -eq 1 && $cur != -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "fix init coverage lsp templates template" -- "$cur")
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
  elif [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "--format --output --template --fail-on --max-warnings --min-score --quiet --stdin-filename --color --list-rules --list-templates --explain --config --no-config --template-locked --print-config --no-ignore --document --parts --report-unused-suppressions --fix --diff --force --jobs --version --help" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -F _ddlint ddlint
