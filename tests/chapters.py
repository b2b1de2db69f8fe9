#!/usr/bin/env python3
"""Designs split over files: each of the 15 designs of
../shared/corpus/ml-design-chapters/ is linted as one document by default,
with no configuration (docs/documents.md). Skips (exit 77) where ../shared is
absent."""
import json
import os
import re
import subprocess
import sys

FAILED = 0


def check(what, ok, detail=""):
    global FAILED
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else f": {detail}"))
    FAILED += not ok


def run(ddlint, args, cwd=None):
    p = subprocess.run([ddlint] + args, capture_output=True, timeout=300, cwd=cwd,
                       env=dict(os.environ, NO_COLOR="1"))
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def chapters_of(folder):
    """The chapter folders the documented default takes: NN_name/ with an index."""
    out = []
    for name in os.listdir(folder):
        sub = os.path.join(folder, name)
        if re.match(r"^\d{1,2}[_-]", name) and os.path.isdir(sub) and any(
                os.path.isfile(os.path.join(sub, i)) for i in ("README.md", "index.md", "readme.md")):
            out.append(name)
    return out


def main():
    ddlint, root = sys.argv[1], sys.argv[2]
    corpus = os.path.join(root, "..", "shared", "corpus", "ml-design-chapters")
    if not os.path.isdir(corpus):
        print(f"SKIP: {corpus} is absent (the shared corpus sits beside the checkout)")
        return 77
    schema = json.load(open(os.path.join(root, "docs", "report.schema.json")))
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    designs = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
    check("the corpus holds 15 designs", len(designs) == 15, designs)
    total_parts = 0
    for d in designs:
        folder = os.path.join(corpus, d)
        rc, out, err = run(ddlint, ["-f", "json", "--no-config", folder])
        try:
            doc = json.loads(out)
        except ValueError as e:
            check(f"{d}: JSON output", False, f"{e}; stderr {err[:300]}")
            continue
        if jsonschema:
            try:
                jsonschema.validate(doc, schema)
            except jsonschema.ValidationError as e:
                check(f"{d}: the report validates against docs/report.schema.json", False, e.message)
        docs = doc.get("documents", [])
        ok = (rc in (0, 1) and len(docs) == 1 and doc["files"] == [] and
              docs[0]["name"] == d)
        check(f"{d}: linted as one document", ok, f"rc {rc}, {len(docs)} documents, "
              f"{len(doc['files'])} files; {err[:300]}")
        if not docs:
            continue
        x = docs[0]
        chapters = chapters_of(folder)
        index = os.path.isfile(os.path.join(folder, "README.md"))
        want = len(chapters) + (1 if index else 0)
        total_parts += len(x["parts"])
        check(f"{d}: its parts are the index and its {len(chapters)} chapters",
              len(x["parts"]) == want and not x["unreadable_parts"] and
              (not index or x["parts"][0].endswith("/README.md")),
              f"{len(x['parts'])} parts, want {want}: {x['parts']}")
        check(f"{d}: no reading list or lower-case duplicate is a part",
              not any("00_resources" in p or p.endswith("/readme.md") for p in x["parts"]),
              x["parts"])
        cov = x["coverage"]
        found = [c for c in cov if c["found"]]
        check(f"{d}: coverage over the whole ({len(found)}/{len(cov)} sections), each with its file",
              cov and found and all(c["file"] in x["parts"] for c in found), cov[:1])
        check(f"{d}: every finding has rule, severity, section, message and file",
              all({"rule", "severity", "section", "message", "file"} <= set(g) and
                  g["file"] in x["parts"] for g in x["diagnostics"]), x["diagnostics"][:1])
        check(f"{d}: a score", 0 <= x["score"] <= 100, x["score"])
    check("185 parts over the 15 documents", total_parts == 185, total_parts)

    # the whole corpus folder: a collection of 15 documents and its own README
    rc, out, err = run(ddlint, ["-f", "json", "--no-config", corpus])
    doc = json.loads(out)
    check("the corpus folder is 15 documents and one file (its README)",
          len(doc.get("documents", [])) == 15 and len(doc["files"]) == 1 and
          doc["files"][0]["path"].endswith("ml-design-chapters/README.md"),
          f"{len(doc.get('documents', []))} documents, {[f['path'] for f in doc['files']]}")

    # same output for any -j
    outs = set()
    for j in ("1", "3", "16"):
        rc, out, err = run(ddlint, ["-f", "json", "--no-config", "-j", j, corpus])
        outs.add(out)
    check("the same report under -j 1, 3 and 16", len(outs) == 1)
    outs = set()
    for j in ("1", "2", "8"):  # one document: its parts on the threads
        rc, out, err = run(ddlint, ["-f", "json", "--no-config", "-j", j,
                                    os.path.join(corpus, "05_computer_vision")])
        outs.add(out)
    check("one document: the same report under -j 1, 2 and 8", len(outs) == 1)

    # coverage names the part each section came from
    rc, out, err = run(ddlint, ["coverage", "--no-config", os.path.join(corpus, "15_ab_testing")])
    check("coverage names the document and each section's file",
          "(document, 5 parts)" in out and "01_introduction/README.md:" in out, out[:400])
    print(f"{'all' if not FAILED else FAILED} checks {'passed' if not FAILED else 'failed'}")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
