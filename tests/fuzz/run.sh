#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang + ASan + UBSan, builds their seed
# corpora, runs them (FUZZ_PARALLEL at a time) for SECONDS each and prints a
# summary line per harness from libFuzzer's final stats.
#
# usage: tests/fuzz/run.sh SECONDS [HARNESS...]     (default: all harnesses)
# env:   BUILD_DIR         build directory (default: <root>/build-fuzz)
#        CC                the clang to use (default: clang)
#        FUZZ_ARGS         extra libFuzzer flags, e.g. "-jobs=2 -workers=2"
#        FUZZ_EXTRA_SEEDS  a directory of extra Markdown seeds
#        FUZZ_PARALLEL     harnesses run at once (default: number of CPUs)
# Exit status: 0 no crash, 1 a harness crashed (see its artifacts), 2 usage,
# missing clang or build failure.
# Outputs (build-local, never committed), under $BUILD_DIR/fuzz/:
#   seeds/<h>/     seed corpus, rebuilt on every run
#   corpus/<h>/    the growing corpus libFuzzer writes new inputs to
#   artifacts/<h>/ crash-*, leak-*, timeout-*, oom-* inputs
#   logs/<h>.log   the full libFuzzer output
set -u
HARNESSES=(fuzz_markdown fuzz_pack fuzz_config fuzz_chunks fuzz_document fuzz_lsp fuzz_fix fuzz_docparts)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
die() { echo "run.sh: $*" >&2; exit 2; }

{ [ $# -ge 1 ] && [[ $1 =~ ^[1-9][0-9]*$ ]]; } ||
  die "usage: tests/fuzz/run.sh SECONDS [HARNESS...] (harnesses: ${HARNESSES[*]})"
secs=$1
shift
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${HARNESSES[@]}")
for h in "${selected[@]}"; do
  [[ " ${HARNESSES[*]} " == *" $h "* ]] ||
    die "unknown harness \"$h\" (known: ${HARNESSES[*]})"
done

cc=${CC:-clang}
command -v "$cc" >/dev/null 2>&1 ||
  die "clang not found (\"$cc\"): libFuzzer needs clang; install it (apt-get install clang) or set CC"
"$cc" --version 2>/dev/null | grep -q clang ||
  die "\"$cc\" is not clang: libFuzzer needs clang; set CC=clang"
command -v meson >/dev/null 2>&1 || die "meson not found"
command -v python3 >/dev/null 2>&1 || die "python3 not found"
clang_version=$("$cc" --version | head -n 1)

build=${BUILD_DIR:-$root/build-fuzz}
mkdir -p "$(dirname "$build")" && build=$(cd "$(dirname "$build")" && pwd)/$(basename "$build")
if [ ! -f "$build/build.ninja" ]; then
  CC=$cc meson setup "$build" "$root" -Dfuzz=true \
    -Db_sanitize=address,undefined -Db_lundef=false >"$build.setup.log" 2>&1 ||
    { cat "$build.setup.log" >&2; die "meson setup failed"; }
elif ! grep -q "fuzz_markdown" "$build/build.ninja"; then
  meson configure "$build" -Dfuzz=true >/dev/null ||
    die "could not turn on -Dfuzz=true in $build"
fi
meson compile -C "$build" "${selected[@]}" >"$build.compile.log" 2>&1 ||
  { tail -n 40 "$build.compile.log" >&2; die "building the harnesses failed"; }

work=$build/fuzz
mkdir -p "$work/logs"
python3 "$here/seeds.py" "$root" "$work/seeds" || die "building the seeds failed"

echo "clang: $clang_version"
parallel=${FUZZ_PARALLEL:-$(nproc 2>/dev/null || echo 1)}
[[ $parallel =~ ^[1-9][0-9]*$ ]] || die "FUZZ_PARALLEL must be a positive number"
echo "running ${selected[*]} for ${secs}s each, $parallel at a time"
declare -A rcs
pids=() names=()
reap() { # waits for the oldest running harness
  wait "${pids[0]}"
  rcs[${names[0]}]=$?
  pids=("${pids[@]:1}") names=("${names[@]:1}")
}
for h in "${selected[@]}"; do
  # Markdown: let inputs grow past the largest seed to reach deep nesting and
  # long runs; packs and configs: the largest seed sets the limit.
  case $h in
  fuzz_markdown | fuzz_chunks | fuzz_document | fuzz_fix) dict=$here/markdown.dict max_len=-max_len=16384 ;;
  fuzz_pack) dict=$here/pack.dict max_len= ;;
  fuzz_config) dict=$here/config.dict max_len=-max_len=4096 ;;
  fuzz_lsp) dict=$here/lsp.dict max_len=-max_len=8192 ;;
  fuzz_docparts) dict=$here/markdown.dict max_len=-max_len=8192 ;;
  esac
  mkdir -p "$work/corpus/$h" "$work/artifacts/$h"
  ((${#pids[@]} < parallel)) || reap
  # shellcheck disable=SC2086 # FUZZ_ARGS and max_len are lists of flags
  "$build/tests/fuzz/$h" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -dict="$dict" -print_final_stats=1 $max_len \
    -artifact_prefix="$work/artifacts/$h/" ${FUZZ_ARGS:-} \
    "$work/corpus/$h" "$work/seeds/$h" >"$work/logs/$h.log" 2>&1 &
  pids+=($!) names+=("$h")
done
while ((${#pids[@]})); do reap; done

status=0
for h in "${selected[@]}"; do
  rc=${rcs[$h]}
  log=$work/logs/$h.log
  # "#123456	DONE   cov: 1234 ft: 5678 corp: 900/1024Kb ... exec/s: 2000"
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log" | tail -n 1)
  rate=$(sed -n "s/^stat::average_exec_per_sec: *//p" "$log" | tail -n 1)
  rss=$(sed -n "s/^stat::peak_rss_mb: *//p" "$log" | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$done_line" | cut -d' ' -f2)
  ft=$(grep -oE 'ft: [0-9]+' <<<"$done_line" | cut -d' ' -f2)
  if [ -z "$done_line" ]; then # crashed: take the last status line instead
    last=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -n 1)
    cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | cut -d' ' -f2)
    ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | cut -d' ' -f2)
  fi
  nfiles=$(find "$work/corpus/$h" -type f | wc -l)
  kb=$(du -sk "$work/corpus/$h" | cut -f1)
  printf '%s: %s execs (%s/s), cov: %s ft: %s, corpus %s files %s KiB, peak rss %s MB\n' \
    "$h" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$nfiles" "$kb" "${rss:-?}"
  if [ "$rc" -ne 0 ] || [ -z "$done_line" ]; then
    status=1
    echo "$h: CRASHED (exit $rc); log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant violated|.*runtime error)' "$log" | head -n 5 | sed 's/^/  /'
    grep -E 'Test unit written to' "$log" | sed 's/^/  /'
    echo "  save the input under tests/fuzz/regressions/$h/ and replay with tests/fuzz/replay.sh"
  fi
done
exit "$status"
