#!/usr/bin/env python3
"""The rule-kind table agrees with the pack schema and the source tree.

Runs the kind_table helper (tests/unit/kind_table.c, linked with the
library), which prints the C table of src/lib/rules/kinds.def and fails
when a kind has no check or explain text, and checks that:
  - its kinds are the kind enum of rules/pack.schema.json, in that order;
  - every kind a schema "if" clause names is a kind;
  - every src/lib/rules/*.c file is a line of kinds.def and the reverse (a
    kind is one file plus one line).
Usage: kinds.py KIND_TABLE_BIN SOURCE_ROOT
"""
import json
import os
import re
import subprocess
import sys


def main():
    binary, root = sys.argv[1], sys.argv[2]
    bad = []
    run = subprocess.run([binary], capture_output=True, text=True)
    if run.returncode != 0:
        bad.append("kind_table failed: " + run.stderr.strip())
    table = [line.split()[0] for line in run.stdout.splitlines() if line]
    phases = dict(line.split() for line in run.stdout.splitlines() if line)

    with open(os.path.join(root, "rules", "pack.schema.json")) as f:
        schema = json.load(f)
    rule = schema["definitions"]["rule"] if "rule" in schema.get(
        "definitions", {}) else None
    enum = None
    named = set()

    def walk(node):
        nonlocal enum
        if isinstance(node, dict):
            kind = node.get("properties", {}).get("kind")
            if isinstance(kind, dict):
                if "enum" in kind and enum is None:
                    enum = kind["enum"]
                if "const" in kind:
                    named.add(kind["const"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(rule if rule is not None else schema)
    if enum is None:
        bad.append("no kind enum found in rules/pack.schema.json")
    elif enum != table:
        bad.append("schema kinds %s != C table %s" % (enum, table))
    for k in sorted(named - set(table)):
        bad.append("the schema has params for \"%s\", which is no kind" % k)
    if phases.get("input") != "after-rules" or \
            phases.get("suppression") != "after-suppressions":
        bad.append("input and suppression are not after-rules kinds: %s" %
                   phases)

    rules_dir = os.path.join(root, "src", "lib", "rules")
    with open(os.path.join(rules_dir, "kinds.def")) as f:
        lines = re.findall(r"^RULE_KIND\((\w+)\)", f.read(), re.M)
    files = sorted(n[:-2] for n in os.listdir(rules_dir) if n.endswith(".c"))
    if sorted(lines) != files:
        bad.append("src/lib/rules/*.c %s != kinds.def %s" % (files, lines))
    if [n.replace("_", "-") for n in lines] != table:
        bad.append("kinds.def %s names kinds %s" % (lines, table))

    for b in bad:
        print("FAIL:", b)
    print("%d kinds checked" % len(table))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
