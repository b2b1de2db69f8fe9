#!/usr/bin/env bash
# The whole test suite, runnable on a fresh clone: installs the Debian
# packages that are missing (when root), then builds and tests twice, plain
# and under ASan+UBSan with no recovery, both with -Werror, then the tests
# that run threads under ThreadSanitizer, then runs each libFuzzer harness
# for a minute. Ends with the line "N passed, N failed" counting meson tests
# over the three builds plus the fuzz run.
set -u
cd "$(dirname "$0")/.." || exit 2

deps=(meson ninja-build pkg-config gcc libc6-dev libcmark-gfm-dev
      libcmark-gfm-extensions-dev libpcre2-dev libcjson-dev python3
      python3-jsonschema git pre-commit neovim man-db valgrind clang
      libclang-rt-14-dev)
missing=()
for p in "${deps[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${missing[*]}"
    if ! { apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null; }; then
      echo "apt-get failed"
      echo "0 passed, 1 failed"
      exit 2
    fi
  else
    echo "missing Debian packages (run as root to install): ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 2
  fi
fi

# The SARIF Multitool (tests/sarif_multitool.py) from npm, where npm and
# the registry are reachable; without it that test skips with a message.
tools="${XDG_CACHE_HOME:-$HOME/.cache}/ddlint-test-tools"
if command -v npm >/dev/null 2>&1 &&
   ! ls "$tools"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool >/dev/null 2>&1; then
  mkdir -p "$tools" &&
    npm install --silent --no-audit --no-fund --prefix "$tools" \
      @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1 ||
    echo "npm could not install @microsoft/sarif-multitool: the SARIF Multitool test will skip"
fi

passed=0 failed=0 skipped=0
run_build() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" -Dwerror=true "$@" >"$dir.setup.log" 2>&1 ||
      { cat "$dir.setup.log"; failed=$((failed + 1)); return; }
  fi
  if ! ninja -C "$dir" >"$dir.ninja.log" 2>&1; then
    cat "$dir.ninja.log"
    failed=$((failed + 1))
    return
  fi
  # shellcheck disable=SC2086 # RUN_TESTS: test names, split on purpose
  # (TIMEOUT_MULTIPLIER: sanitizer builds run several times slower, and
  # the CI machine is slower than ours: a timeout there is no finding)
  DDLINT_HANG_SCALE="${TIMEOUT_MULTIPLIER:-1}" \
    meson test -C "$dir" --print-errorlogs --num-processes 2 \
    --timeout-multiplier "${TIMEOUT_MULTIPLIER:-1}" ${RUN_TESTS:-}
  local log="$dir/meson-logs/testlog.json"
  local p f s
  p=$(grep -c '"result": "OK"' "$log")
  f=$(grep -cE '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log")
  s=$(grep -c '"result": "SKIP"' "$log")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

run_build build
TIMEOUT_MULTIPLIER=3 \
ASAN_OPTIONS=abort_on_error=0:halt_on_error=1:detect_leaks=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_build build-asan -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fno-sanitize-recover=all

# ThreadSanitizer, bounded to the tests that run threads: -j (cli, chapters,
# hardening), parsing in pieces and rules and topics on several threads
# (unit), documents' parts read in parallel (documents). A race report
# makes ddlint exit 66, so the test fails.
TIMEOUT_MULTIPLIER=3 \
TSAN_OPTIONS=halt_on_error=1:exitcode=66 \
RUN_TESTS="unit cli chapters documents hardening" \
  run_build build-tsan -Db_sanitize=thread -Db_lundef=false

# The libFuzzer harnesses: every crash input kept under tests/fuzz/regressions
# replayed, then each harness for DDLINT_FUZZ_SECONDS (default 60).
if command -v clang >/dev/null 2>&1; then
  if FUZZ_PARALLEL=2 tests/fuzz/run.sh "${DDLINT_FUZZ_SECONDS:-60}" &&
     tests/fuzz/replay.sh; then
    passed=$((passed + 1))
  else
    echo "fuzzing found a crash (see above)"
    failed=$((failed + 1))
  fi
else
  echo "clang is absent: the fuzz harnesses were not run"
  skipped=$((skipped + 1))
fi

echo "$skipped skipped (a skipped test says why in its log)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
