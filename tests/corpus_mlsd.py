#!/usr/bin/env python3
"""Real documents: the 13 write-ups of ../shared/corpus/mlsd-interviews. For
each, which template sections are found, and at which heading line (also
for a section found empty; tests/accuracy.py compares the verdicts with a
reader's). Their headings differ from the template ("Metrics (Offline and
Online)", "Architectural Components", "Data preparation"); every write-up
below has a heading for each of the eight sections, except the empty
typeahead file and the object-detection survey. Skips (exit 77) where
../shared is absent."""
import json
import os
import subprocess
import sys

ALL = ["problem", "success-metrics", "architecture", "data", "features", "model",
       "prediction", "monitoring"]

# file -> {section id: heading line}
EXPECTED = {
    "mlsd-ads-ranking.md": dict(zip(ALL, [3, 39, 49, 56, 64, 90, 128, 142])),
    "mlsd-av.md": dict(zip(ALL, [170, 182, 198, 211, 235, 248, 290, 295])),
    "mlsd-event-recom.md": dict(zip(ALL, [4, 37, 46, 52, 64, 106, 120, 127])),
    "mlsd-game-recom.md": dict(zip(ALL, [4, 92, 99, 140, 170, 224, 286, 290])),
    "mlsd-harmful-content.md": dict(zip(ALL, [3, 28, 34, 52, 63, 93, 110, 116])),
    "mlsd-image-search.md": dict(zip(ALL, [3, 31, 42, 48, 60, 72, 99, 122])),
    "mlsd-mm-video-search.md": dict(zip(ALL, [3, 31, 41, 51, 53, 58, 79, 93])),
    "mlsd-newsfeed.md": dict(zip(ALL, [3, 45, 54, 65, 74, 112, 146, 162])),
    "mlsd-pymk.md": dict(zip(ALL, [3, 45, 54, 59, 69, 90, 110, 119])),
    "mlsd-search.md": dict(zip(ALL, [3, 37, 47, 96, 106, 141, 205, 231])),
    "mlsd-typeahead.md": {},
    "mlsd-video-recom.md": dict(zip(ALL, [4, 58, 65, 106, 136, 190, 252, 256])),
    # a survey: no heading names a section but Metrics; its text covers
    # model types (the reader: partly) and, by ddlint's evidence terms,
    # prediction (the reader: absent; see tests/accuracy.py); the model at
    # "## 2D object detectors", whose own words name it, over the deeper
    # "### Two stage detectors" with as many evidence items
    "mlsd_obj_detection.md": {"success-metrics": 20, "model": 1, "prediction": 1},
}


def main():
    ddlint, root = sys.argv[1], sys.argv[2]
    shared = os.environ.get("DDLINT_SHARED", os.path.join(root, "..", "shared"))
    corpus = os.path.join(shared, "corpus", "mlsd-interviews")
    if not os.path.isdir(corpus):
        print(f"SKIP: {corpus} is absent (the shared corpus sits beside the checkout)")
        return 77
    failed = 0
    for name, want in EXPECTED.items():
        p = subprocess.run([ddlint, "-f", "json", os.path.join(corpus, name)],
                           capture_output=True, timeout=60)
        if p.returncode not in (0, 1):
            print(f"FAIL {name}: exit {p.returncode}: {p.stderr.decode()}")
            failed += 1
            continue
        doc = json.loads(p.stdout)["files"][0]
        got = {c["id"]: c["line"] for c in doc["coverage"] if "line" in c}
        if got != want:
            failed += 1
            print(f"FAIL {name}:")
            for sid in ALL:
                if got.get(sid) != want.get(sid):
                    print(f"  {sid}: expected {want.get(sid, 'missing')}, got {got.get(sid, 'missing')}")
        else:
            print(f"ok   {name}: {len(got)} sections found as expected, score {doc['score']}")
    print(f"{len(EXPECTED) - failed} documents passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
