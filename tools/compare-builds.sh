#!/usr/bin/env bash
# Byte-compare two ddlint binaries on the same inputs: every output format,
# every bundled template, --explain for every rule, the templates listing,
# template show, --print-config and fix --diff. For refactors that must keep
# behaviour (issue 13). Usage:
#   tools/compare-builds.sh OLD_BIN NEW_BIN [PATH...]
# PATH defaults to fixtures/, examples/ and ../shared/corpus when present.
# Exit 0 when every output is identical, 1 otherwise (the first differences
# are printed).
set -u
old=$1 new=$2
shift 2
cd "$(dirname "$0")/.." || exit 2
paths=("$@")
if ((${#paths[@]} == 0)); then
  paths=(fixtures examples)
  [ -d ../shared/corpus ] && paths+=(../shared/corpus)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
run() { # name, args...
  local name=$1
  shift
  (cd "$tmp" && NO_COLOR=1 "$old_abs" "$@" >"$tmp/o.out" 2>"$tmp/o.err"; echo "rc=$?" >>"$tmp/o.out")
  (cd "$tmp" && NO_COLOR=1 "$new_abs" "$@" >"$tmp/n.out" 2>"$tmp/n.err"; echo "rc=$?" >>"$tmp/n.out")
  if ! cmp -s "$tmp/o.out" "$tmp/n.out" || ! cmp -s "$tmp/o.err" "$tmp/n.err"; then
    echo "DIFFERS: $name"
    diff "$tmp/o.out" "$tmp/n.out" | head -8
    diff "$tmp/o.err" "$tmp/n.err" | head -8
    bad=1
  fi
}
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
old_abs=$(abs "$old")
new_abs=$(abs "$new")
absp=()
for p in "${paths[@]}"; do absp+=("$(abs "$p")"); done

templates=$(NO_COLOR=1 "$old" templates --no-config 2>/dev/null | grep -v '^ ' | awk '{print $1}' || true)
for fmt in human json sarif github summary; do
  run "lint -f $fmt" -f "$fmt" -j 1 --no-config --no-ignore "${absp[@]}"
done
run "lint -j 2" -f json -j 2 --no-config --no-ignore "${absp[@]}"
for t in $templates; do
  run "template $t" -f json -j 1 --no-config --no-ignore -t "$t" "${absp[@]}"
  run "template show $t" template show "$t"
done
run "templates" templates --no-config
for id in $(cat rules/*.json | grep -o '"id": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' | sort -u) unknown-rule; do
  run "explain $id" --explain "$id"
done
run "print-config" --print-config "$(abs examples)"
run "fix --diff" fix --diff --no-config --force "${absp[@]}"
run "help" --help
run "version" --version
if [ $bad = 0 ]; then echo "identical"; fi
exit $bad
