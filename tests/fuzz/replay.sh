#!/usr/bin/env bash
# Runs every saved crash input, tests/fuzz/regressions/<harness>/*, through
# its harness once (libFuzzer executes file arguments without fuzzing). Fails
# if any input still crashes, leaks or trips UBSan.
#
# usage: tests/fuzz/replay.sh [HARNESS_DIR]
#   HARNESS_DIR holds the fuzz_* binaries (default: build-fuzz/tests/fuzz);
#   `meson test -C build-fuzz --suite fuzz` runs this script too.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bindir=${1:-$here/../../build-fuzz/tests/fuzz}
failed=0 ran=0
for dir in "$here"/regressions/*/; do
  [ -d "$dir" ] || continue
  h=$(basename "$dir")
  inputs=()
  for f in "$dir"*; do
    [ -f "$f" ] && [[ $f != *.txt && $f != *.md.txt ]] && inputs+=("$f")
  done
  [ ${#inputs[@]} -gt 0 ] || continue
  if [ ! -x "$bindir/$h" ]; then
    echo "replay.sh: no harness $bindir/$h (build with tests/fuzz/run.sh or -Dfuzz=true)" >&2
    failed=$((failed + 1))
    continue
  fi
  for f in "${inputs[@]}"; do
    ran=$((ran + 1))
    if "$bindir/$h" -timeout=10 -rss_limit_mb=2048 "$f" >"$bindir/replay.log" 2>&1; then
      echo "ok    $h ${f#"$here"/}"
    else
      failed=$((failed + 1))
      echo "FAIL  $h ${f#"$here"/}"
      grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant violated|.*runtime error)' \
        "$bindir/replay.log" | head -n 3 | sed 's/^/      /'
    fi
  done
done
echo "$ran replayed, $failed failed"
[ "$failed" -eq 0 ]
