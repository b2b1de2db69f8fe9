#!/usr/bin/env python3
"""Every bundled pack (rules/*.json) and every test pack (tests/packs/*.json,
tests/packs/lang/*.json)
validates against rules/pack.schema.json, and every bundled pack loads in
ddlint (--list-rules). Skips the schema part where python3-jsonschema is
absent."""
import glob
import json
import os
import subprocess
import sys


def main():
    ddlint, root = sys.argv[1], sys.argv[2]
    schema = json.load(open(os.path.join(root, "rules", "pack.schema.json")))
    packs = sorted(p for p in glob.glob(os.path.join(root, "rules", "*.json"))
                   if not p.endswith("pack.schema.json"))
    packs += sorted(glob.glob(os.path.join(root, "tests", "packs", "*.json")))
    packs += sorted(glob.glob(os.path.join(root, "tests", "packs", "lang", "*.json")))
    failed = 0
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
        print("note: python3-jsonschema is absent; schema validation skipped")
    for p in packs:
        if jsonschema:
            try:
                jsonschema.validate(json.load(open(p)), schema)
                print(f"ok   {os.path.relpath(p, root)} validates against the pack schema")
            except jsonschema.ValidationError as e:
                failed += 1
                print(f"FAIL {os.path.relpath(p, root)}: {e.message} at {list(e.absolute_path)}")
        if "/rules/" in p:
            r = subprocess.run([ddlint, "--template", p, "--list-rules"], capture_output=True, text=True)
            if r.returncode != 0:
                failed += 1
                print(f"FAIL {os.path.relpath(p, root)} does not load: {r.stderr.strip()}")
            else:
                print(f"ok   {os.path.relpath(p, root)} loads")
    print(f"{len(packs) - failed} packs passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
