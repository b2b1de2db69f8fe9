#!/usr/bin/env python3
"""Turn bench/run.sh's facts into the tables and the target verdicts.

Usage: summarize.py ROWS.tsv [--json OUT]

ROWS.tsv has one tab-separated fact a line, written by run.sh:
  info KEY VALUE | corpus ID LABEL BYTES FILES | time CORPUS TOOL JSON OK_CODES
  skip CORPUS TOOL MESSAGE | rss TOOL FILE BYTES KIB
Timings are hyperfine --export-json files (or timeit.py's, same shape).
"""

import argparse
import json
import os
import statistics

MB = 1e6
PATHO_KINDS = ["emphasis", "brackets", "blockquotes", "lists", "backticks"]


def machine():
    model, mem_kib = "unknown", 0
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_kib = int(line.split()[1])
    except OSError:
        pass
    try:
        ncpu = len(os.sched_getaffinity(0))
    except AttributeError:
        ncpu = os.cpu_count() or 0
    return {"nproc": ncpu, "cpu": model, "ram_gib": round(mem_kib / 2**20, 1),
            "kernel": os.uname().release}


def load(path):
    info, corpora, times, skips, rss = {}, {}, {}, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            kind = parts[0]
            if kind == "info":
                info[parts[1]] = parts[2]
            elif kind == "corpus":
                corpora[parts[1]] = {"id": parts[1], "label": parts[2],
                                     "bytes": int(parts[3]), "files": int(parts[4])}
            elif kind == "time":
                corpus, tool, jpath, ok = parts[1:5]
                with open(jpath, encoding="utf-8") as jf:
                    res = json.load(jf)["results"][0]
                codes = [int(c) for c in res.get("exit_codes") or [] if c is not None]
                allowed = {int(c) for c in ok.split(",")}
                bad = sorted({c for c in codes if c not in allowed})
                times[(corpus, tool)] = {
                    "corpus": corpus, "tool": tool,
                    "median_s": res.get("median", statistics.median(res["times"])),
                    "cpu_s": (res.get("user") or 0) + (res.get("system") or 0),
                    "runs": len(res["times"]), "times_s": res["times"],
                    "exit_codes": sorted(set(codes)), "failed": bad,
                    "command": res["command"]}
            elif kind == "skip":
                skips.append({"corpus": parts[1], "tool": parts[2], "why": parts[3]})
            elif kind == "rss":
                rss.append({"tool": parts[1], "file": parts[2],
                            "bytes": int(parts[3]), "kib": int(parts[4])})
    return info, corpora, times, skips, rss


def ok(t):
    return t is not None and not t["failed"]


def fmt_s(sec):
    return "{:.3f}".format(sec) if sec < 10 else "{:.2f}".format(sec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows")
    ap.add_argument("--json")
    args = ap.parse_args()
    info, corpora, times, skips, rss = load(args.rows)
    mach = machine()
    out = []
    p = out.append

    p("ddlint benchmark ({} run, timer: {}, {} s)".format(
        info.get("mode"), info.get("timer"), info.get("elapsed_s")))
    p("machine: {} CPU(s), {}, {} GiB RAM, Linux {}; load average {} at start, {} at end".format(
        mach["nproc"], mach["cpu"], mach["ram_gib"], mach["kernel"],
        info.get("load_start"), info.get("load_end")))
    p("ddlint binary: {} (built {}, commit {})".format(
        info.get("ddlint_path"), info.get("ddlint_built"), info.get("commit")))
    p("tools: {}; {}; {}; node {}".format(
        info.get("ddlint"), info.get("cmark-gfm", "cmark-gfm absent"),
        info.get("markdownlint-cli2", "markdownlint-cli2 absent"), info.get("node", "-")))
    p("")

    # Main table: real and generated corpora.
    p("{:<13} {:>6} {:>5}  {:<17} {:>8} {:>7} {:>4} {:>6}  {:>10}".format(
        "corpus", "MB", "files", "tool", "median s", "cpu s", "runs", "MB/s", "×cmark-gfm"))
    rows = []
    main_ids = [c for c in corpora if not c.startswith("patho-")]
    for cid in main_ids:
        c = corpora[cid]
        base = times.get((cid, "cmark-gfm"))
        first = True
        tools = [tool for (corp, tool) in times if corp == cid]
        for tool in tools:
            t = times[(cid, tool)]
            ratio = (t["median_s"] / base["median_s"]) if ok(base) and ok(t) else None
            note = ""
            if t["failed"]:
                note = "FAILED: exit {}".format(",".join(map(str, t["failed"])))
            elif tool == "markdownlint-cli2" and ok(times.get((cid, "ddlint"))):
                note = "ddlint is {:.1f}× faster".format(
                    t["median_s"] / times[(cid, "ddlint")]["median_s"])
            p("{:<13} {:>6} {:>5}  {:<17} {:>8} {:>7} {:>4} {:>6}  {:>10}  {}".format(
                cid if first else "", "{:.1f}".format(c["bytes"] / MB) if first else "",
                c["files"] if first else "", tool, fmt_s(t["median_s"]),
                fmt_s(t["cpu_s"]), t["runs"],
                "{:.1f}".format(c["bytes"] / MB / t["median_s"]),
                "{:.2f}".format(ratio) if ratio is not None else "-", note).rstrip())
            first = False
            rows.append(dict(t, bytes=c["bytes"], files=c["files"], ratio_cmark=ratio))
    for s in skips:
        p("skipped: {} / {}: {}".format(s["corpus"], s["tool"], s["why"]))
    p("")

    # Pathological inputs: does time grow with size?
    patho = []
    p("pathological inputs (cmark's patterns), small → big:")
    p("{:<12} {:>14} {:>10}  {:>17} {:>8}  {:>8}  {}".format(
        "input", "MB", "size ×", "ddlint s", "time ×", "cmark ×", "verdict"))
    for kind in PATHO_KINDS:
        small, big = corpora.get("patho-%s-100K" % kind), corpora.get("patho-%s-1M" % kind)
        if not small or not big:
            continue
        ds, db = times.get((small["id"], "ddlint")), times.get((big["id"], "ddlint"))
        cs, cb = times.get((small["id"], "cmark-gfm")), times.get((big["id"], "cmark-gfm"))
        if not (ok(ds) and ok(db)):
            p("{:<12} ddlint failed".format(kind))
            continue
        size_x = big["bytes"] / small["bytes"]
        time_x = db["median_s"] / ds["median_s"]
        cmark_x = cb["median_s"] / cs["median_s"] if ok(cs) and ok(cb) else None
        verdict = "linear" if time_x <= 1.5 * size_x else "SUPERLINEAR"
        p("{:<12} {:>14} {:>10}  {:>17} {:>8}  {:>8}  {}".format(
            kind, "{:.2f} → {:.2f}".format(small["bytes"] / MB, big["bytes"] / MB),
            "{:.1f}".format(size_x),
            "{} → {}".format(fmt_s(ds["median_s"]), fmt_s(db["median_s"])),
            "{:.1f}".format(time_x), "{:.1f}".format(cmark_x) if cmark_x else "-", verdict))
        patho.append({"kind": kind, "bytes": [small["bytes"], big["bytes"]],
                      "size_ratio": size_x, "ddlint_s": [ds["median_s"], db["median_s"]],
                      "time_ratio": time_x, "cmark_time_ratio": cmark_x,
                      "verdict": verdict})
    p("")

    # Peak memory.
    for r in rss:
        p("peak RSS of {} on {} ({:.1f} MB): {:.1f} MB".format(
            r["tool"], os.path.basename(r["file"]), r["bytes"] / MB, r["kib"] * 1024 / MB))
    p("")

    # Targets.
    targets = []

    def target(num, text, status, detail):
        targets.append({"id": num, "target": text, "status": status, "detail": detail})

    pairs = [(cid, times.get((cid, "ddlint")), times.get((cid, "cmark-gfm")))
             for cid in main_ids]
    r1 = [(cid, d["median_s"] / c["median_s"]) for cid, d, c in pairs if ok(d) and ok(c)]
    detail = ", ".join("{} {:.2f}×".format(cid, r) for cid, r in r1)
    r1x = [(cid, d["median_s"] / times[(cid, "cmark-gfm+ext")]["median_s"])
           for cid, d, _ in pairs if ok(d) and ok(times.get((cid, "cmark-gfm+ext")))]
    if r1x:
        detail += "\n    against cmark-gfm with ddlint's extensions: " + ", ".join(
            "{} {:.2f}×".format(cid, r) for cid, r in r1x)
    r1c = [(cid, d["cpu_s"] / c["cpu_s"]) for cid, d, c in pairs
           if ok(d) and ok(c) and c["cpu_s"] > 0]
    if r1c:
        detail += "\n    in CPU time (user + system): " + ", ".join(
            "{} {:.2f}×".format(cid, r) for cid, r in r1c)
    j1, c0 = times.get(("rfcs", "ddlint -j1")), times.get(("rfcs", "cmark-gfm"))
    if ok(j1) and ok(c0):
        detail += "\n    ddlint -j1 on rfcs: {:.2f}×".format(j1["median_s"] / c0["median_s"])
    target(1, "ddlint (default pack) ≤ 1.5× cmark-gfm on the same files",
           ("met" if all(r <= 1.5 for _, r in r1) else "NOT MET") if r1 else "not measured",
           detail)

    r2 = [(cid, times[(cid, "markdownlint-cli2")]["median_s"] / times[(cid, "ddlint")]["median_s"])
          for cid in main_ids
          if ok(times.get((cid, "markdownlint-cli2"))) and ok(times.get((cid, "ddlint")))]
    target(2, "ddlint ≥ 100× faster than markdownlint-cli2 (MD043 only) on the same files",
           ("met" if all(r >= 100 for _, r in r2) else "NOT MET") if r2 else "not measured",
           ", ".join("{} {:.1f}× faster".format(cid, r) for cid, r in r2))

    d10, d100 = times.get(("gen-10M", "ddlint")), times.get(("gen-100M", "ddlint"))
    c10, c100 = times.get(("gen-10M", "cmark-gfm")), times.get(("gen-100M", "cmark-gfm"))
    if ok(d10) and ok(d100):
        r3 = d100["median_s"] / d10["median_s"]
        detail = "{:.1f}× ({} s → {} s; CPU time {:.1f}×)".format(
            r3, fmt_s(d10["median_s"]), fmt_s(d100["median_s"]),
            d100["cpu_s"] / d10["cpu_s"] if d10["cpu_s"] else float("nan"))
        if ok(c10) and ok(c100):
            detail += "; cmark-gfm {:.1f}×".format(c100["median_s"] / c10["median_s"])
        target(3, "100 MB doc ≤ 12× the 10 MB doc", "met" if r3 <= 12 else "NOT MET", detail)
    else:
        target(3, "100 MB doc ≤ 12× the 10 MB doc", "not measured",
               "needs the full run (--quick skips 100 MB)")

    dr = [r for r in rss if r["tool"] == "ddlint"]
    if dr:
        r = dr[0]
        limit = 3 * r["bytes"] + 16 * MB
        used = r["kib"] * 1024
        detail = "{:.1f} MB on {:.1f} MB (limit {:.1f} MB, {:.1f}× the file)".format(
            used / MB, r["bytes"] / MB, limit / MB, used / r["bytes"])
        cr = [x for x in rss if x["tool"] == "cmark-gfm"]
        if cr:
            detail += "; cmark-gfm alone {:.1f} MB".format(cr[0]["kib"] * 1024 / MB)
        target(4, "peak RSS ≤ 3× largest file + 16 MB", "met" if used <= limit else "NOT MET",
               detail)
    else:
        target(4, "peak RSS ≤ 3× largest file + 16 MB", "not measured", "")

    jobs = info.get("jobs", "not measured")
    if jobs.isdigit():
        j1, jn = times.get(("rfcs", "ddlint -j1")), times.get(("rfcs", "ddlint -j" + jobs))
        if ok(j1) and ok(jn):
            r5 = j1["median_s"] / jn["median_s"]
            target(5, "-j N speed-up ≥ 1.7× on 2 cores over the RFC files",
                   ("met" if r5 >= 1.7 else "NOT MET") if int(jobs) >= 2 else "not measured",
                   "-j{} is {:.2f}× faster than -j1 on {} CPU(s)".format(jobs, r5, jobs))
        else:
            target(5, "-j N speed-up ≥ 1.7× on 2 cores over the RFC files", "not measured", "")
    else:
        target(5, "-j N speed-up ≥ 1.7× on 2 cores over the RFC files", jobs,
               "ddlint --help has no -j" if jobs == "not implemented" else "needs the RFC corpus")

    p("targets:")
    for t in targets:
        p(" {}. [{}] {}".format(t["id"], t["status"], t["target"]))
        if t["detail"]:
            p("    {}".format(t["detail"]))
    print("\n".join(out))

    if args.json:
        summary = {"machine": mach, "info": info, "corpora": list(corpora.values()),
                   "rows": rows, "skipped": skips, "pathological": patho, "rss": rss,
                   "targets": targets}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1, ensure_ascii=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
