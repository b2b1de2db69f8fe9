#!/usr/bin/env python3
"""Latency and memory of `ddlint lsp` (docs/performance.md).

Usage: bench/lsp.py [DDLINT] [EDITS]

1. Latency: a 1 MB document (bench/gen.py 1M, seed 1) is opened; then, ten
   times, one character is typed (an incremental didChange) and the time
   from writing the didChange to reading its publishDiagnostics is taken
   (the server's debounce, 50 ms by default, is part of it; --debounce 0 is
   measured too). Median and worst are printed.
2. Memory: a small document (fixtures/incomplete.md) gets EDITS (default
   10,000) incremental edits, each typed and then deleted, with a request
   every 100 edits so that the server lints; the server's RSS (VmRSS from
   /proc) is printed after the first 1,000 and after all of them.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


class Server:
    def __init__(self, ddlint, args=()):
        self.p = subprocess.Popen([ddlint, "lsp", *args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE)
        self.id = 0

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        n = None
        while True:
            line = self.p.stdout.readline().strip()
            if not line:
                break
            k, _, v = line.decode().partition(":")
            if k.lower() == "content-length":
                n = int(v)
        return json.loads(self.p.stdout.read(n))

    def request(self, method, params):
        self.id += 1
        self.send({"id": self.id, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == self.id and "method" not in m:
                return m

    def wait_publish(self):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics":
                return m

    def rss_kib(self):
        with open(f"/proc/{self.p.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def close(self):
        self.request("shutdown", None)
        self.send({"method": "exit"})
        self.p.wait(timeout=30)


def latency(ddlint, text, args):
    s = Server(ddlint, args)
    s.request("initialize", {"capabilities": {}})
    s.send({"method": "initialized", "params": {}})
    uri = "file:///bench/large.md"
    t0 = time.perf_counter()
    s.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    s.wait_publish()
    opened = time.perf_counter() - t0
    times = []
    for v in range(2, 12):
        t0 = time.perf_counter()
        s.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"range": {"start": {"line": 5, "character": 0},
                                          "end": {"line": 5, "character": 0}},
                                "text": "x"}]}})
        s.wait_publish()
        times.append(time.perf_counter() - t0)
    s.close()
    return opened, times


def memory(ddlint, text, edits):
    s = Server(ddlint)
    s.request("initialize", {"capabilities": {}})
    s.send({"method": "initialized", "params": {}})
    uri = "file:///bench/small.md"
    s.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    rss = {}
    for i in range(edits):
        pos = {"line": 2, "character": 0}
        if i % 2 == 0:
            change = {"range": {"start": pos, "end": pos}, "text": "é🚀 TBD "}
        else:
            change = {"range": {"start": pos, "end": {"line": 2, "character": 7}},
                      "text": ""}
        s.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
        if i % 100 == 99:  # a request lints the pending change
            s.request("ddlint/coverage", {"textDocument": {"uri": uri}})
        if i + 1 in (1000, edits):
            rss[i + 1] = s.rss_kib()
    s.close()
    return rss


def main():
    ddlint = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                             os.path.join(root, "build", "ddlint"))
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    with tempfile.TemporaryDirectory() as d:
        big = os.path.join(d, "big.md")
        subprocess.run([sys.executable, os.path.join(here, "gen.py"), "1M", "1", big],
                       check=True)
        text = open(big, encoding="utf-8").read()
    print(f"document: {len(text.encode())} bytes")
    for args in ((), ("--debounce", "0")):
        opened, times = latency(ddlint, text, args)
        name = " ".join(args) or "default (--debounce 50)"
        print(f"1 MB, {name}: didOpen to publish {opened * 1000:.0f} ms; "
              f"didChange to publish median {statistics.median(times) * 1000:.0f} ms, "
              f"worst {max(times) * 1000:.0f} ms (10 edits)")
    small = open(os.path.join(root, "fixtures", "incomplete.md"), encoding="utf-8").read()
    rss = memory(ddlint, small, edits)
    print("RSS: " + ", ".join(f"after {k} edits {v / 1024:.1f} MiB" for k, v in sorted(rss.items())))


if __name__ == "__main__":
    main()
