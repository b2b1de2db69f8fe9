#!/usr/bin/env python3
"""Known flaws in designs of a 14-section template, with a pack for it as a
user would write one (tests/flaws/): six complete designs in clean/, and
tests/flaws/make_flaws.py makes one copy per (design, flaw) of 14 flaw types
that a structural linter can find (a section deleted or emptied, "TBD" or a
template prompt left in, a latency target without its number or percentile,
online metrics or the fallback or the rollback removed, monitoring negated,
sections swapped or duplicated, a misspelt heading, a label with a
placeholder). tests/flaws/measure.py counts the flaws caught (a new warning
or error of an expected rule at the flaw) and the warnings on the clean
designs, with the verdicts of tests/flaws/clean_verdicts.tsv.

Runs with pack.json (titles, aliases, topics) and pack-evidence.json (the
same with evidence terms for four sections) and fails below FLOORS: the
figures reached when the test was written. The outside evaluation this
mirrors asked for 80% caught and no false warnings on clean designs.

usage: flaws.py DDLINT SRCROOT"""
import os
import re
import subprocess
import sys
import tempfile

# pack: (minimum flaws caught of 84, maximum false warnings on clean designs)
FLOORS = {"pack.json": (80, 2), "pack-evidence.json": (70, 0)}


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    here = os.path.join(root, "tests", "flaws")
    fails = 0
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, os.path.join(here, "make_flaws.py"), out],
                       check=True, capture_output=True)
        for pack, (want_caught, max_false) in FLOORS.items():
            p = subprocess.run([sys.executable, os.path.join(here, "measure.py"),
                                "--ddlint", ddlint, "--out", out,
                                "--pack", os.path.join(here, pack)],
                               capture_output=True, text=True, timeout=300)
            if p.returncode:
                print(p.stdout, p.stderr)
                return 1
            caught = re.search(r"Flaws caught: (\d+)/(\d+)", p.stdout)
            false = re.search(r"False warnings/errors on clean documents: (\d+)/",
                              p.stdout)
            c, total, f = int(caught[1]), int(caught[2]), int(false[1])
            ok = c >= want_caught and f <= max_false
            fails += not ok
            print(("ok   " if ok else "FAIL ") +
                  f"{pack}: {c}/{total} flaws caught (floor {want_caught}), "
                  f"{f} false warnings on clean designs (at most {max_false})")
            if not ok:
                print(p.stdout)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
