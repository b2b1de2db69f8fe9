#!/usr/bin/env bash
# Peak memory by kind of input (docs/performance.md, "Peak memory by kind
# of input"): generates one document of each kind at two sizes and prints
# the peak RSS (/usr/bin/time -f %M) of ddlint and, for comparison, of
# cmark-gfm parsing the same file with the table extension.
#
# Usage: bench/memory.sh [SIZE_MB...]     (default: 4 16)
# Environment:
#   DDLINT      the binary (default build/ddlint)
#   BENCH_WORK  folder for the generated inputs (default bench/.work/memory)
# Output: one line per kind and size: kind, bytes, ddlint's peak RSS in MB
# and per input byte, its exit status, cmark-gfm's peak RSS in MB.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
ddlint=${DDLINT:-$root/build/ddlint}
work=${BENCH_WORK:-$here/.work/memory}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4 16)
[ -x /usr/bin/time ] || { echo "memory.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
mkdir -p "$work"

# KIND MB OUT: a document of one kind, repeated units up to MB megabytes
gen() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys
kind, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
size = mb * 1000 * 1000
def unit(i):
    if kind == "tables":  # 4 columns, 50 rows
        head = "| Name | Owner | Latency | Notes |\n|---|---|---|---|\n"
        return head + "".join(f"| row {r} | team {i} | {r} ms | ok |\n" for r in range(50)) + "\n"
    if kind == "headings":
        return f"## Heading number {i}\n"
    if kind == "lists":  # 20 short items
        return "".join(f"- item {k} of list {i}\n" for k in range(20)) + "\n"
    if kind == "prose":
        return ("The service ranks candidates by their predicted value and "
                "serves the top results to the user within the request. "
                f"Paragraph {i} says more about the design and its trade-offs.\n\n")
    sys.exit(f"unknown kind {kind}")
with open(out, "w") as f:
    n = i = 0
    f.write("# Design\n\n")
    while n < size:
        u = unit(i)
        f.write(u)
        n += len(u)
        i += 1
EOF
}

printf '%-9s %12s %10s %9s %4s %10s\n' kind bytes ddlint_MB per_byte exit cmark_MB
for mb in "${sizes[@]}"; do
  for kind in tables headings lists prose; do
    doc=$work/$kind-$mb.md
    [ -s "$doc" ] || gen "$kind" "$mb" "$doc"
    bytes=$(stat -c %s "$doc")
    set +e
    /usr/bin/time -f %M -o "$work/time.txt" "$ddlint" --no-config -j 1 -f json "$doc" >/dev/null 2>&1
    status=$?
    kb=$(tail -n 1 "$work/time.txt")
    ckb=$( { /usr/bin/time -f %M cmark-gfm -e table "$doc" >/dev/null; } 2>&1 | tail -n 1)
    set -e
    awk -v k="$kind" -v b="$bytes" -v m="$kb" -v s="$status" -v c="$ckb" 'BEGIN {
      printf "%-9s %12d %10.0f %9.1f %4d %10.0f\n", k, b, m / 1024, m * 1024 / b, s, c / 1024 }'
  done
done
