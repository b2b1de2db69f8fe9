#!/usr/bin/env python3
"""Time a command when hyperfine is absent; write hyperfine-shaped JSON.

Usage: timeit.py --warmup W --runs N --export-json FILE -- CMD [ARG...]

Standard output and error of CMD go to /dev/null, as with hyperfine. The
JSON has what bench/summarize.py reads from hyperfine's export: results[0]
with command, median, mean, min, max, user, system, times and exit_codes
(user and system are mean CPU seconds per run).
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    """Wall seconds, CPU seconds (user, system) and exit code of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime, usage.ru_stime, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--export-json", required=True)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("no command")
    for _ in range(args.warmup):
        run_once(cmd)
    times, users, systems, codes = [], [], [], []
    for _ in range(args.runs):
        t, user, system, rc = run_once(cmd)
        times.append(t)
        users.append(user)
        systems.append(system)
        codes.append(rc)
    result = {
        "command": " ".join(shlex.quote(c) for c in cmd),
        "mean": statistics.mean(times),
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "user": statistics.mean(users),
        "system": statistics.mean(systems),
        "times": times,
        "exit_codes": codes,
    }
    with open(args.export_json, "w", encoding="utf-8") as f:
        json.dump({"results": [result], "timer": "python"}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
