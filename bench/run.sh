#!/usr/bin/env bash
# The benchmark of docs/performance.md: ddlint against cmark-gfm (parse and
# HTML render) and markdownlint-cli2 (MD043 only) on the same files, with
# medians, ratios, peak RSS and the performance targets met or not.
#
# Usage: bench/run.sh [--quick]
#   --quick       fewer runs, no 100 MB document
# Environment:
#   BENCH_OUT     also write a JSON summary to this file
#   BENCH_WORK    folder for generated inputs and timings (default bench/.work)
#   BENCH_SHARED  the shared folder holding corpus/ (default ../shared)
#   DDLINT        the binary to time (default build/ddlint)
#   BENCH_TIMER   python: use bench/timeit.py even where hyperfine exists
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
ddlint=${DDLINT:-$root/build/ddlint}
shared=${BENCH_SHARED:-$root/../shared}
work=${BENCH_WORK:-$here/.work}
out_json=${BENCH_OUT:-}
mdl_version=0.22.1 # markdownlint-cli2, installed into bench/.node
seed=1             # gen.py seed: the generated documents never change

quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help)
      sed -n '2,14s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *)
      echo "run.sh: unknown argument '$arg' (usage: bench/run.sh [--quick])" >&2
      exit 2
      ;;
  esac
done

# Runs per measurement: many for small inputs, few for slow ones, so that the
# default run stays within about five minutes on two cores.
if ((quick)); then
  runs_small=3 runs_10m=2 runs_100m=0 runs_mdl=1 runs_patho=2 warm_patho=0
else
  runs_small=7 runs_10m=4 runs_100m=2 runs_mdl=2 runs_patho=5 warm_patho=1
fi

say() { printf '%s\n' "$*" >&2; }

if [[ ! -x $ddlint ]]; then
  say "run.sh: $ddlint not found; build it first: ninja -C build"
  exit 2
fi
if ! command -v python3 > /dev/null; then
  say "run.sh: python3 is needed to generate inputs and read the timings"
  exit 2
fi
if [[ ${BENCH_TIMER:-} != python ]] && command -v hyperfine > /dev/null; then
  timer=hyperfine
else
  timer=python
  say "hyperfine not found (apt-get install -y hyperfine); timing with bench/timeit.py"
fi
have_cmark=0
if command -v cmark-gfm > /dev/null; then
  have_cmark=1
else
  say "cmark-gfm not found (apt-get install -y cmark-gfm); its rows are skipped"
fi

mkdir -p "$work"
# Time a frozen copy: others may rebuild build/ddlint while this runs.
cp "$ddlint" "$work/ddlint.bin"
ddlint_src=$ddlint
ddlint=$work/ddlint.bin
rows=$work/rows.tsv
: > "$rows"
# One line per fact, tab-separated; bench/summarize.py turns them into tables.
record() {
  local IFS=$'\t'
  printf '%s\n' "$*" >> "$rows"
}

# time_cmd CORPUS TOOL RUNS WARMUP OK_EXIT_CODES CMD...
# Standard output is discarded by the timer (never `-o /dev/null`: ddlint's
# atomic --output would rename a temporary file over /dev/null).
time_cmd() {
  local corpus=$1 tool=$2 runs=$3 warmup=$4 ok=$5
  shift 5
  local json
  json=$work/time-$corpus-${tool//[^A-Za-z0-9]/_}.json
  rm -f "$json"
  say "  $corpus: $tool, $runs run(s)"
  if [[ $timer == hyperfine ]]; then
    # -i: ddlint exits 1 on findings; summarize.py checks every exit code.
    hyperfine -N --style none -i --warmup "$warmup" --runs "$runs" \
      --export-json "$json" "$(printf '%q ' "$@")" > /dev/null 2> "$work/timer.err" || true
  else
    python3 "$here/timeit.py" --warmup "$warmup" --runs "$runs" \
      --export-json "$json" -- "$@" 2> "$work/timer.err" || true
  fi
  if [[ -s $json ]]; then
    record time "$corpus" "$tool" "$json" "$ok"
  else
    [[ -s $work/timer.err ]] && cat "$work/timer.err" >&2
    record skip "$corpus" "$tool" "the timer failed"
  fi
}

# bench_corpus ID RUNS WARMUP FILE...: cmark-gfm (plain, and with ddlint's
# extensions) and ddlint (both packs).
bench_corpus() {
  local id=$1 runs=$2 warmup=$3
  shift 3
  if ((have_cmark)); then
    time_cmd "$id" cmark-gfm "$runs" "$warmup" 0 cmark-gfm "$@"
    # The same parser options as ddlint's md.c, for reference.
    time_cmd "$id" cmark-gfm+ext "$runs" "$warmup" 0 cmark-gfm --sourcepos \
      -e table -e tasklist "$@"
  fi
  time_cmd "$id" ddlint "$runs" "$warmup" 0,1 "$ddlint" --format json "$@"
  if [[ -n $rfc_pack ]]; then
    time_cmd "$id" ddlint-rfc "$runs" "$warmup" 0,1 \
      "$ddlint" --format json --template "$rfc_pack" "$@"
  fi
}

# corpus ID LABEL FILE...: record the corpus's size and file count.
corpus() {
  local id=$1 label=$2
  shift 2
  local bytes
  bytes=$(cat -- "$@" | wc -c)
  record corpus "$id" "$label" "$bytes" "$#"
}

# A generated input is rebuilt only when its script changed.
gen_doc() { # SIZE -> path
  local out=$work/gen-$1-s$seed.md
  if [[ ! -s $out || $here/gen.py -nt $out ]]; then
    say "  generating $1 document (seed $seed)"
    python3 "$here/gen.py" "$1" "$seed" "$out"
  fi
  printf '%s\n' "$out"
}
patho_doc() { # KIND SIZE -> path
  local out=$work/patho-$1-$2.md
  if [[ ! -s $out || $here/patho.py -nt $out ]]; then
    python3 "$here/patho.py" "$1" "$2" "$out"
  fi
  printf '%s\n' "$out"
}

# peak_rss TOOL FILE CMD...: maximum resident set size in KiB of one run.
peak_rss() {
  local tool=$1 file=$2
  shift 2
  local kb
  say "  peak RSS: $tool on $(basename "$file")"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f %M -o "$work/rss.txt" "$@" > /dev/null 2>&1 || true
    kb=$(tail -n 1 "$work/rss.txt")
  else
    kb=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@")
  fi
  record rss "$tool" "$file" "$(wc -c < "$file")" "$kb"
}

cd "$work"
record info mode "$([[ $quick == 1 ]] && echo quick || echo full)"
record info timer "$timer$([[ $timer == hyperfine ]] && printf ' %s' "$(hyperfine --version | cut -d' ' -f2)")"
record info ddlint "$("$ddlint" --version 2>&1 | head -n 1)"
record info ddlint_path "$ddlint_src"
record info ddlint_built "$(date -u -r "$ddlint_src" '+%Y-%m-%d %H:%M UTC')"
record info commit "$(git -C "$root" describe --always --dirty 2> /dev/null || echo unknown)"
if ((have_cmark)); then
  record info cmark-gfm "$(cmark-gfm --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"
fi
record info python3 "$(python3 --version 2>&1)"
record info load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
start_time=$SECONDS

# A second pack, when there is one.
rfc_pack=
if [[ -f $root/rules/rfc.json ]]; then
  cp "$root/rules/rfc.json" "$work/rfc.json"
  rfc_pack=$work/rfc.json
else
  say "rules/rfc.json not found: no rows for a second pack"
  record skip all ddlint-rfc "rules/rfc.json does not exist yet"
fi

# markdownlint-cli2, installed once into bench/.node.
mdl=$here/.node/node_modules/.bin/markdownlint-cli2
if [[ ! -x $mdl ]]; then
  if command -v npm > /dev/null; then
    say "installing markdownlint-cli2@$mdl_version into bench/.node (once)"
    mkdir -p "$here/.node"
    npm install --prefix "$here/.node" --cache "$here/.node/.npm-cache" \
      --no-audit --no-fund --save-exact --loglevel=error "markdownlint-cli2@$mdl_version" >&2 ||
      say "npm install failed: markdownlint-cli2 rows are skipped"
  else
    say "npm not found: markdownlint-cli2 rows are skipped"
  fi
fi
if [[ -x $mdl ]]; then
  record info node "$(node --version 2>&1)"
  record info markdownlint-cli2 "$("$mdl" --help 2>&1 | head -n 1)"
  # Only MD043 (required-headings), with the RFC template's headings; `*`
  # between them lets any subsections through.
  template=$shared/corpus/rust-rfcs/0000-template.md
  python3 - "$template" > "$work/.markdownlint-cli2.jsonc" << 'EOF'
import json, os, re, sys
path = sys.argv[1]
if os.path.exists(path):
    with open(path, encoding="utf-8") as f:
        heads = [l.rstrip() for l in f if re.match(r"#{1,6} ", l)]
else:  # the template's headings at rust-lang/rfcs@354518a
    heads = ["## " + h for h in ("Summary", "Motivation", "Guide-level explanation",
             "Reference-level explanation", "Drawbacks", "Rationale and alternatives",
             "Prior art", "Unresolved questions", "Future possibilities")]
spec = []
for h in heads:
    spec += [h, "*"]
print(json.dumps({"config": {"default": False, "MD043": {"headings": spec}}}, indent=1))
EOF
else
  mdl=
  record skip all markdownlint-cli2 "npm or the install is unavailable"
fi

# Parallel runs, when ddlint has -j.
jobs_flag=
if "$ddlint" --help 2>&1 | grep -Eq -- '(^|[[:space:],])-j([[:space:],]|$)|--jobs'; then
  jobs_flag=-j
fi

# 1. The Rust RFCs, as 648 files and as one document.
rfc_text=$shared/corpus/rust-rfcs/text
rfc_files=()
if [[ -d $rfc_text ]]; then
  mapfile -t rfc_files < <(find "$rfc_text" -type f -name '*.md' | LC_ALL=C sort)
fi
if ((${#rfc_files[@]} == 0)); then
  say "skipping the rust-rfcs corpus: $rfc_text not found (../shared beside the checkout)"
  record skip rfcs all "$rfc_text not found"
  record skip rfcs-concat all "$rfc_text not found"
else
  say "rust-rfcs: ${#rfc_files[@]} files"
  corpus rfcs "rust-rfcs/text, ${#rfc_files[@]} files" "${rfc_files[@]}"
  bench_corpus rfcs "$runs_small" 1 "${rfc_files[@]}"
  if [[ -n $mdl ]]; then
    time_cmd rfcs markdownlint-cli2 "$runs_mdl" 0 0,1 \
      "$mdl" --config "$work/.markdownlint-cli2.jsonc" "${rfc_files[@]/#/:}"
  fi
  if [[ -n $jobs_flag ]]; then
    nproc=$(nproc)
    time_cmd rfcs "ddlint -j1" "$runs_small" 1 0,1 "$ddlint" -j 1 --format json "${rfc_files[@]}"
    time_cmd rfcs "ddlint -j$nproc" "$runs_small" 1 0,1 "$ddlint" -j "$nproc" --format json "${rfc_files[@]}"
    record info jobs "$nproc"
  else
    record info jobs "not implemented"
  fi

  concat=$work/rfcs-concat.md
  cat -- "${rfc_files[@]}" > "$concat"
  corpus rfcs-concat "rust-rfcs concatenated, 1 file" "$concat"
  bench_corpus rfcs-concat "$runs_small" 1 "$concat"
fi

# 2. Generated design documents.
sizes=(1M 10M 100M)
((quick)) && sizes=(1M 10M)
for size in "${sizes[@]}"; do
  doc=$(gen_doc "$size")
  corpus "gen-$size" "generated, seed $seed" "$doc"
  case $size in
    1M) bench_corpus "gen-$size" "$runs_small" 1 "$doc" ;;
    10M) bench_corpus "gen-$size" "$runs_10m" 1 "$doc" ;;
    100M) bench_corpus "gen-$size" "$runs_100m" 0 "$doc" ;;
  esac
  if [[ $size == 1M && -n $mdl ]]; then
    time_cmd "gen-$size" markdownlint-cli2 "$((runs_mdl + 1))" 0 0,1 \
      "$mdl" --config "$work/.markdownlint-cli2.jsonc" ":$doc"
  fi
  largest=$doc
done
((quick)) && record skip gen-100M all "--quick"

# 3. Peak memory on the largest file.
peak_rss ddlint "$largest" "$ddlint" --format json "$largest"
if ((have_cmark)); then
  peak_rss cmark-gfm "$largest" cmark-gfm "$largest"
fi

# 4. cmark's pathological inputs at two sizes, ten times apart.
for kind in emphasis brackets blockquotes lists backticks; do
  for size in 100K 1M; do
    doc=$(patho_doc "$kind" "$size")
    corpus "patho-$kind-$size" "pathological: $kind" "$doc"
    time_cmd "patho-$kind-$size" ddlint "$runs_patho" "$warm_patho" 0,1 "$ddlint" --format json "$doc"
    if ((have_cmark)); then
      time_cmd "patho-$kind-$size" cmark-gfm "$runs_patho" "$warm_patho" 0 cmark-gfm "$doc"
    fi
  done
done

record info load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
record info elapsed_s "$((SECONDS - start_time))"
python3 "$here/summarize.py" "$rows" ${out_json:+--json "$out_json"}
