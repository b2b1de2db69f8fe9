#!/usr/bin/env python3
"""Re-run ddlint on the flaw lab and print detection and false-warning figures.

  python3 measure.py [--ddlint PATH] [--pack PATH] [-v]

A flaw is caught when the flawed copy has a warning or error that the clean
original does not have (compared by rule, section and message with numbers
blanked), whose rule is one truth.tsv expects for that flaw, and that points
at the flaw: its line lies within the flaw's lines (+-3) or its `section`
names the flaw's template section.  Warnings and errors on the clean documents
are listed with the verdict recorded in clean_verdicts.tsv (true/false and
why); one with no recorded verdict is shown as UNJUDGED."""
import argparse, collections, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def lint(ddlint, pack, path):
    p = subprocess.run([ddlint, "--no-config", "--template", pack, "-f", "json", path],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"ddlint failed on {path} ({p.returncode}): {p.stderr}")
    out = []
    for f in json.loads(p.stdout)["files"]:
        for d in f["diagnostics"]:
            out.append(d)
    return out

def key(d):
    return (d["rule"], d.get("section", ""), re.sub(r"\d+", "#", d["message"]))

def serious(ds):
    return [d for d in ds if d["severity"] in ("warning", "error")]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ddlint", required=True)
    ap.add_argument("--pack", default=os.path.join(HERE, "pack.json"))
    ap.add_argument("-v", action="store_true", help="show every flawed file's verdict")
    ap.add_argument("--out", default=HERE, help="where make_flaws.py wrote flawed/ and truth.tsv")
    a = ap.parse_args()

    truth = []
    with open(os.path.join(a.out, "truth.tsv")) as fh:
        head = fh.readline().rstrip("\n").split("\t")
        for l in fh:
            if l.strip():
                truth.append(dict(zip(head, l.rstrip("\n").split("\t"))))
    verdicts = {}
    vpath = os.path.join(HERE, "clean_verdicts.tsv")
    if os.path.exists(vpath):
        for l in open(vpath):
            if l.startswith("#") or not l.strip():
                continue
            f, rule, sect, verdict, why = l.rstrip("\n").split("\t")
            verdicts[(f, rule, sect)] = (verdict, why)

    clean = {}
    for f in sorted(os.listdir(os.path.join(HERE, "clean"))):
        if f.endswith(".md"):
            clean[f] = serious(lint(a.ddlint, a.pack, os.path.join(HERE, "clean", f)))

    by_type = collections.OrderedDict()
    misses, extra = [], collections.Counter()
    for t in truth:
        ds = serious(lint(a.ddlint, a.pack, os.path.join(a.out, "flawed", t["file"])))
        base = collections.Counter(key(d) for d in clean[t["clean"]])
        new = []
        for d in ds:
            k = key(d)
            if base[k] > 0:
                base[k] -= 1
            else:
                new.append(d)
        rules = t["expect"].split("|")
        lo, hi = int(t["line_from"]) - 3, int(t["line_to"]) + 3
        hit = [d for d in new if d["rule"] in rules and
               (lo <= d["start"]["line"] <= hi or
                d.get("section", "").split(" > ")[0] == t["section"])]
        ok = bool(hit)
        by_type.setdefault(t["flaw"], []).append((t["file"], ok))
        for d in new:
            if d not in hit:
                extra[d["rule"]] += 1
        if not ok:
            misses.append((t, new))
        if a.v:
            print(f"{'CAUGHT' if ok else 'MISSED'}  {t['file']}: " +
                  "; ".join(f"{d['rule']}@{d['start']['line']}" for d in new))

    total = sum(len(v) for v in by_type.values())
    caught = sum(ok for v in by_type.values() for _, ok in v)
    print(f"Flaws caught: {caught}/{total} ({100.0 * caught / total:.0f}%)\n")
    print(f"{'flaw type':26} caught  missed in")
    for flaw, v in by_type.items():
        n = sum(ok for _, ok in v)
        missed = ", ".join(f.split("__")[0] for f, ok in v if not ok)
        print(f"{flaw:26} {n}/{len(v)}     {missed}")

    print("\nMisses (new warning/error findings in the flawed copy, if any):")
    for t, new in misses:
        got = "; ".join(f"{d['rule']}@{d['start']['line']}" for d in new) or "nothing new"
        print(f"  {t['file']:45} want {t['expect']} ({t['section']}, l.{t['line_from']}); got {got}")
    if extra:
        print("\nOther new findings in flawed copies (not the flaw's): " +
              ", ".join(f"{r} x{n}" for r, n in extra.most_common()))

    nclean = sum(len(v) for v in clean.values())
    nfalse = 0
    print(f"\nWarnings/errors on clean documents: {nclean}")
    for f, ds in clean.items():
        for d in ds:
            sect = d.get("section", "")
            v, why = verdicts.get((f, d["rule"], sect), ("UNJUDGED", ""))
            nfalse += v == "false"
            print(f"  {v:8} {f}:{d['start']['line']} {d['severity']} [{d['rule']}] {d['message']}  -- {why}")
    print(f"False warnings/errors on clean documents: {nfalse}/{nclean}")

if __name__ == "__main__":
    main()
