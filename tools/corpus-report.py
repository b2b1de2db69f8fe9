#!/usr/bin/env python3
"""Summarises ddlint's verdicts over a folder of documents: how many are
complete (no missing required section), which sections are most often
missing, and per-rule counts. Usage: corpus-report.py DDLINT TEMPLATE PATH...
(LIST=1 also lists each incomplete document with its gaps)."""
import collections
import json
import os
import subprocess
import sys


def main():
    ddlint, template, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    p = subprocess.run([ddlint, "--template", template, "--format", "json", *paths],
                       capture_output=True, text=True)
    report = json.loads(p.stdout)
    files = report["files"]
    missing = collections.Counter()
    rules = collections.Counter()
    complete = []
    incomplete = {}
    for f in files:
        gaps = [c["title"] for c in f["coverage"] if c["required"] and not c["found"]]
        for g in gaps:
            missing[g] += 1
        for d in f["diagnostics"]:
            rules[d["rule"]] += 1
        (incomplete.__setitem__(os.path.basename(f["path"]), gaps) if gaps
         else complete.append(os.path.basename(f["path"])))
    n = len(files)
    print(f"{n} documents; {len(complete)} complete ({100 * len(complete) / n:.1f}%), "
          f"{len(incomplete)} with at least one required section missing.\n")
    print("| required section | documents missing it |\n|---|---|")
    for title, k in missing.most_common():
        print(f"| {title} | {k} ({100 * k / n:.1f}%) |")
    print("\n| rule | findings |\n|---|---|")
    for rule, k in sorted(rules.items(), key=lambda x: -x[1]):
        print(f"| `{rule}` | {k} |")
    gaps_per_doc = collections.Counter(len(g) for g in incomplete.values())
    print("\n| sections missing | documents |\n|---|---|")
    for k in sorted(gaps_per_doc):
        print(f"| {k} | {gaps_per_doc[k]} |")
    if os.environ.get("LIST"):
        for name, gaps in sorted(incomplete.items()):
            print(f"- {name}: {', '.join(gaps)}")


if __name__ == "__main__":
    main()
