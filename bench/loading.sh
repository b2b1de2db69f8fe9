#!/usr/bin/env bash
# Pack and config loading at two sizes each (issue 17): a time that grows
# about as the size does shows linear loading. Usage: bench/loading.sh
# [DDLINT]; prints one line per input: size, seconds, peak RSS.
set -euo pipefail
ddlint=${1:-$(dirname "$0")/../build/ddlint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
for n in (10000, 40000):
    secs = [{"id": f"s{i}", "title": f"Section number {i}"} for i in range(n)]
    json.dump({"name": "big", "sections": secs, "rules": [{"id": "missing-section",
              "kind": "required-section", "severity": "error", "message": "m"}]},
              open(f"{w}/pack{n}.json", "w"))
for n in (20000, 40000):  # 40,000 settings make about 0.95 MB, under the 1 MiB cap
    json.dump({"rules": {f"rule{i}": "warning" for i in range(n)}}, open(f"{w}/config{n}.json", "w"))
open(f"{w}/doc.md", "w").write("# x\n")
PY
for n in 10000 40000; do
  /usr/bin/time -f "pack, $n sections: %e s, %M KB" \
    "$ddlint" --no-config -t "$work/pack$n.json" --list-rules >/dev/null
done
for n in 20000 40000; do
  /usr/bin/time -f "config, $n rule settings (each warned about): %e s, %M KB" \
    "$ddlint" --config "$work/config$n.json" "$work/doc.md" >/dev/null 2>"$work/err" || true
  tail -n 1 "$work/err"
done
