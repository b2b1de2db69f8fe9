#!/usr/bin/env python3
"""`ddlint lsp` driven over stdio by a small LSP client: a whole session
(initialize; open a document with gaps and non-ASCII lines; every
diagnostic's range checked in UTF-16 and in UTF-8 against the byte offsets
of `ddlint -f json`; code actions; the insert-section edit applied through
incremental didChange; diagnostics clear; hover; document symbols;
completion; coverage; shutdown), then documents of several files, watched
config changes, and malformed input.

usage: lsp.py DDLINT SRC_ROOT
"""
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))
    return bool(cond)


class Client:
    """An LSP client over a subprocess's pipes. Messages from the server
    are read on a thread into a queue; notifications are kept in order."""

    def __init__(self, ddlint, cwd, args=()):
        self.p = subprocess.Popen([ddlint, "lsp", *args], cwd=cwd,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        self.q = queue.Queue()
        self.notes = []
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        f = self.p.stdout
        while True:
            headers = {}
            while True:
                line = f.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.lower()] = v.strip()
            body = f.read(int(headers["content-length"]))
            self.q.put(json.loads(body))

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def get(self, timeout=20):
        m = self.q.get(timeout=timeout)
        if m is None:
            raise EOFError("server closed its output")
        if "method" in m and "id" not in m:
            self.notes.append(m)
        elif "method" in m:  # a request of the server: answer it
            self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
        return m

    def wait_response(self, rid, timeout=20):
        end = time.time() + timeout
        while True:
            m = self.get(max(0.1, end - time.time()))
            if "id" in m and m.get("id") == rid and "method" not in m:
                return m

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait_response(rid)

    def diagnostics(self, uri, timeout=20):
        """The next publishDiagnostics for uri."""
        end = time.time() + timeout
        while True:
            for i, n in enumerate(self.notes):
                if n["method"] == "textDocument/publishDiagnostics" and \
                        n["params"]["uri"] == uri:
                    del self.notes[i]
                    return n["params"]
            self.get(max(0.1, end - time.time()))

    def close(self):
        """Closes stdin; the server's exit status (None if it hung)."""
        try:
            self.p.stdin.close()
        except OSError:
            pass
        try:
            return self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return None


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(path)


def expected_pos(text, off, enc):
    """LSP position of byte offset off in text (bytes): lines break at \\n,
    \\r\\n and \\r; characters count UTF-16 units or bytes."""
    before = text[:off]
    line = 0
    start = 0
    i = 0
    while i < len(before):
        c = before[i:i + 1]
        if c == b"\n" or (c == b"\r" and text[i + 1:i + 2] != b"\n"):
            line += 1
            start = i + 1
        i += 1
    seg = text[start:off]
    if enc == "utf-8":
        return line, len(seg)
    if enc == "utf-32":
        return line, len(seg.decode("utf-8", "replace"))
    return line, len(seg.decode("utf-8", "replace").encode("utf-16-le")) // 2


def offset_of(text, pos, enc):
    """Byte offset of an LSP position in text (bytes)."""
    lines = []
    start = 0
    i = 0
    while i < len(text):
        c = text[i:i + 1]
        if c == b"\n" or (c == b"\r" and text[i + 1:i + 2] != b"\n"):
            lines.append(start)
            start = i + 1
        i += 1
    lines.append(start)
    if pos["line"] >= len(lines):
        return len(text)
    ls = lines[pos["line"]]
    le = lines[pos["line"] + 1] if pos["line"] + 1 < len(lines) else len(text)
    line = text[ls:le].rstrip(b"\r\n")
    if enc == "utf-8":
        return ls + min(pos["character"], len(line))
    units = 0
    k = 0
    s = line.decode("utf-8")
    for ch in s:
        if units >= pos["character"]:
            break
        units += 2 if ord(ch) > 0xFFFF and enc == "utf-16" else 1
        k += len(ch.encode())
    return ls + k


def apply_edits(text, edits, enc):
    """Applies TextEdits (bytes text), as a client does: from the last."""
    spans = [(offset_of(text, e["range"]["start"], enc),
              offset_of(text, e["range"]["end"], enc), i, e["newText"].encode())
             for i, e in enumerate(edits)]
    for a, b, _, t in sorted(spans, key=lambda x: (x[0], x[2]), reverse=True):
        text = text[:a] + t + text[b:]
    return text


DOC = """# Recherche naïve — 検索 🚀

## Problem Formulation

* **Use Case**: naïve 検索 ranking for 🚀 users: TBD.
* **Business Objective**: more clicks 🎯 and TBD revenue.

## Sucess Metrix

Précision@10 offline 📈, CTR online.

## Data and Labeling

Données: click logs. 😀😀 TBD

## Data and Labeling

Again, duplicated.
"""


def cli_report(ddlint, path, cwd):
    out = subprocess.run([ddlint, "-f", "json", path], cwd=cwd,
                         capture_output=True, text=True).stdout
    return json.loads(out)["files"][0]


def session(ddlint, root, d, enc, crlf=False):
    """One session with the document; returns nothing, records checks."""
    tag = f"{enc}{' crlf' if crlf else ''}"
    text = DOC.replace("\n", "\r\n") if crlf else DOC
    path = os.path.join(d, f"design-{enc}{'-crlf' if crlf else ''}.md")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    tb = text.encode()
    c = Client(ddlint, d)
    caps = {"general": {"positionEncodings": {"utf-8": ["utf-16", "utf-8"],
                                              "utf-32": ["utf-32"]}[enc]}} if enc != "utf-16" else {}
    init = c.request("initialize", {"processId": None, "rootUri": uri_of(d),
                                    "capabilities": caps})
    got_enc = init["result"]["capabilities"].get("positionEncoding")
    check(f"{tag}: negotiated positionEncoding {enc}", got_enc == enc, got_enc)
    c.notify("initialized", {})
    uri = uri_of(path)
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    pub = c.diagnostics(uri)
    diags = pub["diagnostics"]
    report = cli_report(ddlint, path, d)
    want = sorted((g["rule"], expected_pos(tb, g["start"]["offset"], enc),
                   expected_pos(tb, g["end"]["offset"], enc))
                  for g in report["diagnostics"])
    have = sorted((g["code"], (g["range"]["start"]["line"], g["range"]["start"]["character"]),
                   (g["range"]["end"]["line"], g["range"]["end"]["character"]))
                  for g in diags)
    check(f"{tag}: every diagnostic of the CLI, at its range in {enc}", want == have and want,
          (want, have))
    # independent of the CLI: each placeholder range covers the bytes "TBD"
    ph = [g for g in diags if g["code"] == "placeholder"]
    spans = [tb[offset_of(tb, g["range"]["start"], enc):offset_of(tb, g["range"]["end"], enc)]
             for g in ph]
    check(f"{tag}: placeholder ranges cover 'TBD' on non-ASCII lines (emoji, CJK)",
          len(ph) == 3 and all(s == b"TBD" for s in spans), spans)
    sev = {g["code"]: g["severity"] for g in diags}
    check(f"{tag}: severities mapped (error 1, warning 2)",
          sev.get("missing-section") == 1 and sev.get("placeholder") == 2, sev)
    check(f"{tag}: each diagnostic has source, code and codeDescription",
          all(g.get("source") == "ddlint" and g["codeDescription"]["href"].endswith("#" + g["code"])
              for g in diags), diags[:1])
    dup = [g for g in diags if g["code"] == "duplicate-section"]
    check(f"{tag}: duplicate-section has relatedInformation at the first heading",
          dup and dup[0].get("relatedInformation") and
          dup[0]["relatedInformation"][0]["location"]["range"]["start"]["line"] == 11,
          dup)
    if enc != "utf-16" or crlf:
        c.request("shutdown", None)
        c.notify("exit", None)
        check(f"{tag}: exit after shutdown ends with status 0", c.p.wait(timeout=10) == 0)
        return

    # --- code actions ---
    miss = [g for g in diags if g["code"] == "missing-section"]
    ms = [g for g in miss if g["message"].startswith('missing required section "System Architecture"')]
    res = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ms[0]["range"],
        "context": {"diagnostics": ms}})["result"]
    titles = [a["title"] for a in res]
    ins = [a for a in res if a["title"] == 'Insert section "System Architecture"']
    check("code action: insert the missing section", ins, titles)
    check("code action: disable-next-line for the finding",
          any(a["title"] == "Disable missing-section for this line" for a in res), titles)
    check("code action: fix all", any(a["kind"] == "source.fixAll.ddlint" for a in res), titles)
    near = [g for g in miss if "Success Metrics" in g["message"]]
    res2 = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": near[0]["range"] if near else ms[0]["range"],
        "context": {"diagnostics": near}})["result"]
    ren = [a for a in res2 if a["title"].startswith("Rename")]
    check("code action: rename the near-miss heading", ren and
          ren[0]["title"] == 'Rename "Sucess Metrix" to "Success Metrics"', [a["title"] for a in res2])
    if ren:
        renamed = apply_edits(tb, ren[0]["edit"]["changes"][uri], enc)
        check("rename edit changes only the heading's title",
              renamed == tb.replace(b"## Sucess Metrix", b"## Success Metrics"), renamed[:200])
    # the disable comment, applied, silences exactly that finding
    ph0 = ph[0]
    res3 = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ph0["range"], "context": {"diagnostics": [ph0]}})["result"]
    dis = [a for a in res3 if a["title"] == "Disable placeholder for this line"]
    check("code action on a placeholder: disable-next-line", dis, [a["title"] for a in res3])
    only = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ph0["range"],
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})["result"]
    check("code action: context.only source.fixAll gives only fix all",
          only and all(a["kind"] == "source.fixAll.ddlint" for a in only), only)
    fixall = [a for a in res if a["kind"] == "source.fixAll.ddlint"][0]
    fixed_all = apply_edits(tb, fixall["edit"]["changes"][uri], enc)
    cli_fixed = subprocess.run([ddlint, "fix", "-"], input=tb, cwd=d,
                               capture_output=True).stdout
    check("fix all is byte for byte `ddlint fix`", fixed_all == cli_fixed,
          (fixed_all[-300:], cli_fixed[-300:]))

    # apply the insert-section edit as incremental didChange
    edits = ins[0]["edit"]["changes"][uri]
    new = apply_edits(tb, edits, enc)
    check("insert edit only inserts (every old byte kept, in order)",
          len(edits) == 1 and edits[0]["range"]["start"] == edits[0]["range"]["end"] and
          new.replace(edits[0]["newText"].encode(), b"", 1) == tb, edits)
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": e["range"], "text": e["newText"]} for e in edits]})
    pub2 = c.diagnostics(uri)
    arch = [g for g in pub2["diagnostics"] if g["code"] == "missing-section" and
            g["message"].startswith('missing required section "System Architecture"')]
    nmiss = len([g for g in pub2["diagnostics"] if g["code"] == "missing-section"])
    check("after the edit, its missing-section diagnostic is gone",
          pub2["version"] == 2 and not arch and nmiss == len(miss) - 1,
          pub2["diagnostics"])
    # the server's text is the edited text: same diagnostics as the CLI on it
    with open(path, "wb") as f:
        f.write(new)
    rep2 = cli_report(ddlint, path, d)
    check("after incremental sync, diagnostics equal the CLI's on the edited file",
          sorted((g["rule"], expected_pos(new, g["start"]["offset"], enc)) for g in rep2["diagnostics"]) ==
          sorted((g["code"], (g["range"]["start"]["line"], g["range"]["start"]["character"]))
                 for g in pub2["diagnostics"]))
    # fix all through a full-text change: no missing section is left
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                        "contentChanges": [{"text": cli_fixed.decode()}]})
    pub3 = c.diagnostics(uri)
    check("after fix all, no missing-section diagnostic",
          pub3["version"] == 3 and not [g for g in pub3["diagnostics"]
                                        if g["code"] == "missing-section"], pub3)
    cov = c.request("ddlint/coverage", {"textDocument": {"uri": uri}})["result"]
    check("ddlint/coverage after fix all: nothing missing", cov["missing"] == [], cov)
    # back to the original text for the rest
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                        "contentChanges": [{"text": text}]})
    c.diagnostics(uri)

    # --- hover ---
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 2, "character": 4}})["result"]
    check("hover on a heading: the template section and why (title)",
          h and "**Problem Formulation**" in h["contents"]["value"] and "title" in h["contents"]["value"], h)
    h2 = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                          "position": {"line": 7, "character": 5}})["result"]
    check("hover on a near-miss heading: says what it nearly names",
          h2 and "Success Metrics" in h2["contents"]["value"], h2)
    explain = subprocess.run([ddlint, "--explain", "placeholder"], capture_output=True,
                             text=True).stdout.split("\n\n")[2].strip()
    h3 = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                          "position": ph0["range"]["start"]})["result"]
    check("hover on a diagnostic: the rule's explanation",
          h3 and "**placeholder**" in h3["contents"]["value"] and
          explain[:60] in h3["contents"]["value"], (h3, explain[:60]))

    # --- document symbols ---
    syms = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
    top = syms[0] if syms else {}
    kids = top.get("children", [])
    check("documentSymbol: the title with its sections as children",
          len(syms) == 1 and [k["name"] for k in kids] ==
          ["Problem Formulation", "Sucess Metrix", "Data and Labeling", "Data and Labeling"],
          syms)
    check("documentSymbol: template sections marked",
          kids and kids[0].get("detail") == "template: Problem Formulation" and
          "detail" not in kids[1], kids)

    # --- completion after "## " ---
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},
                                        "contentChanges": [{"range": {"start": {"line": 18, "character": 0},
                                                                      "end": {"line": 18, "character": 0}},
                                                            "text": "\n## Sys"}]})
    comp = c.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                 "position": {"line": 19, "character": 6}})["result"]
    labels = [i["label"] for i in comp]
    check("completion after '## ': the template's missing sections",
          "System Architecture" in labels and "Problem Formulation" not in labels and
          comp[0]["textEdit"]["range"]["start"] == {"line": 19, "character": 3}, labels)
    nocomp = c.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                   "position": {"line": 4, "character": 5}})["result"]
    check("no completion outside a heading", nocomp == [], nocomp)

    # --- errors ---
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///never/opened.md"},
                                         "position": {"line": 0, "character": 0}})
    check("a request for a never-opened document: an error, not a crash",
          r.get("error", {}).get("code") == -32602, r)
    r = c.request("no/such/method", {})
    check("unknown method: MethodNotFound", r.get("error", {}).get("code") == -32601, r)
    c.request("shutdown", None)
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": 0}})
    check("a request after shutdown: InvalidRequest", r.get("error", {}).get("code") == -32600, r)
    c.notify("exit", None)
    check("exit after shutdown ends with status 0", c.p.wait(timeout=10) == 0)


def robustness(ddlint, d):
    c = Client(ddlint, d)
    r = c.request("textDocument/hover", {})
    check("a request before initialize: ServerNotInitialized",
          r.get("error", {}).get("code") == -32002, r)
    c.request("initialize", {"capabilities": {}})
    c.raw(b"Content-Type: application/json\r\n\r\n{}")  # no Content-Length
    m = c.get()
    check("missing Content-Length: a parse error", m.get("error", {}).get("code") == -32700, m)
    c.raw(b"Content-Length: 9\r\n\r\n{\"id\":1,]")
    m = c.get()
    check("invalid JSON: a parse error with id null",
          m.get("error", {}).get("code") == -32700 and m.get("id") is None, m)
    c.raw(b"Content-Length: x12\r\n\r\n")
    m = c.get()
    check("a Content-Length that is no number: a parse error",
          m.get("error", {}).get("code") == -32700, m)
    c.send([1, 2])
    m = c.get()
    check("a JSON array: InvalidRequest", m.get("error", {}).get("code") == -32600, m)
    big = (64 << 20) + 10
    c.raw(b"Content-Length: %d\r\n\r\n" % big)
    chunk = b" " * (1 << 20)
    for _ in range(big // len(chunk)):
        c.raw(chunk)
    c.raw(b" " * (big % len(chunk)))
    m = c.get(60)
    check("a message over 64 MiB: refused with an error", "error" in m, m)
    r = c.request("no/such", {})
    check("the server stays up after malformed frames",
          r.get("error", {}).get("code") == -32601, r)
    # a cancelled request read with its cancel: RequestCancelled
    a = json.dumps({"jsonrpc": "2.0", "id": 77, "method": "ddlint/coverage",
                    "params": {"textDocument": {"uri": "file:///x.md"}}}).encode()
    b = json.dumps({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 77}}).encode()
    c.raw(b"Content-Length: %d\r\n\r\n%s" % (len(a), a) + b"Content-Length: %d\r\n\r\n%s" % (len(b), b))
    m = c.wait_response(77)
    check("$/cancelRequest read with its request: RequestCancelled",
          m.get("error", {}).get("code") == -32800, m)
    c.p.stdin.close()
    try:
        rc = c.p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        rc = None
    err = c.p.stderr.read().decode()
    check("the end of stdin ends the server cleanly", rc == 0 and not err, (rc, err))


def documents(ddlint, root, d):
    """A document of several files: a change in one open part updates the
    diagnostics of another."""

    dst = os.path.join(d, "churn-service")
    shutil.copytree(os.path.join(root, "fixtures/multi/churn-service"), dst)
    c = Client(ddlint, d)
    c.request("initialize", {"capabilities": {}, "rootUri": uri_of(d)})
    c.notify("initialized", {})
    readme = os.path.join(dst, "README.md")
    model = os.path.join(dst, "05_model.md")
    ru, mu = uri_of(readme), uri_of(model)
    for p, u in ((readme, ru), (model, mu)):
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": u, "languageId": "markdown", "version": 1, "text": open(p).read()}})
    first = {}
    for _ in range(2):
        n = None
        while n is None or n["uri"] not in (ru, mu):
            n = c.diagnostics(ru) if ru not in first else c.diagnostics(mu)
        first[n["uri"]] = n["diagnostics"]
    rd = [g for g in first[ru] if g["code"] == "missing-section"]
    check("document of several files: the index gets the document's missing sections",
          rd and all("churn-service" in g["message"] for g in rd), first[ru])
    check("document of several files: a chapter gets only its own findings",
          not [g for g in first[mu] if g["code"] == "missing-section"], first[mu])
    missing = [g["message"] for g in rd]
    # the fixes of a document: each edit in the chapter that holds its
    # place, together byte for byte what `ddlint fix` writes to the folder
    res = c.request("textDocument/codeAction", {
        "textDocument": {"uri": ru}, "range": rd[0]["range"],
        "context": {"diagnostics": rd[:1]}})["result"]
    fixall = [a for a in res if a["kind"] == "source.fixAll.ddlint"]
    ins = [a for a in res if a["title"].startswith("Insert section")]
    check("document of several files: insert-section and fix-all actions",
          fixall and ins, [a["title"] for a in res])
    if fixall:
        copy = os.path.join(d, "copy")
        shutil.copytree(dst, os.path.join(copy, "churn-service"))
        subprocess.run([ddlint, "fix", os.path.join(copy, "churn-service")],
                       cwd=d, capture_output=True)
        changes = fixall[0]["edit"]["changes"]
        same = True
        for dirpath, _, files in os.walk(dst):
            for f in files:
                p = os.path.join(dirpath, f)
                old = open(p, "rb").read()
                new = apply_edits(old, changes.get(uri_of(p), []), "utf-16")
                want = open(os.path.join(copy, "churn-service",
                                         os.path.relpath(p, dst)), "rb").read()
                same &= new == want
        check("document of several files: fix all is byte for byte `ddlint fix` "
              f"({len(changes)} files changed)",
              same and all(u.startswith(uri_of(dst)) for u in changes), changes)
        shutil.rmtree(copy)
    text = open(model).read()
    add = "\n# Prediction and Ranking\n\nScores are served from a nightly batch table with a P99 under 20 ms.\n"
    if not any("Prediction and Ranking" in m for m in missing):
        add = "\n# System Architecture\n\nA batch scorer writes to a table; the API reads it with a fallback.\n"
    nl = text.count("\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": mu, "version": 2},
                                        "contentChanges": [{"range": {"start": {"line": nl, "character": 0},
                                                                      "end": {"line": nl, "character": 0}},
                                                            "text": add}]})
    got = {}
    while len(got) < 2:
        m = c.get()
        if m.get("method") == "textDocument/publishDiagnostics":
            got[m["params"]["uri"]] = m["params"]["diagnostics"]
    c.notes.clear()
    rd2 = [g["message"] for g in got.get(ru, []) if g["code"] == "missing-section"]
    check("a change in one part re-publishes the index with the section found",
          ru in got and len(rd2) == len(missing) - 1, (missing, rd2))
    # a watched config change: the rule set off disappears
    with open(os.path.join(d, ".ddlint.json"), "w") as f:
        json.dump({"rules": {"missing-section": "off"}}, f)
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": uri_of(os.path.join(d, ".ddlint.json")), "type": 1}]})
    got = {}
    while len(got) < 2:
        m = c.get()
        if m.get("method") == "textDocument/publishDiagnostics":
            got[m["params"]["uri"]] = m["params"]["diagnostics"]
    check("didChangeWatchedFiles: a new .ddlint.json applies (rule off)",
          ru in got and not [g for g in got[ru] if g["code"] == "missing-section"], got.get(ru))
    os.unlink(os.path.join(d, ".ddlint.json"))
    rc = c.close()
    check("documents session: the server ends cleanly at the end of stdin",
          rc == 0 and not c.p.stderr.read(), rc)


def init_options(ddlint, d):
    path = os.path.join(d, "opts.md")
    with open(path, "w") as f:
        f.write(DOC)
    c = Client(ddlint, d)
    c.request("initialize", {"capabilities": {}, "initializationOptions": {
        "template": "rfc", "severities": {"missing-section": "warning"}}})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri_of(path), "languageId": "markdown", "version": 1, "text": DOC}})
    diags = c.diagnostics(uri_of(path))["diagnostics"]
    cov = c.request("ddlint/coverage", {"textDocument": {"uri": uri_of(path)}})["result"]
    check("initializationOptions.template picks the pack", cov["template"] == "rfc", cov["template"])
    check("a rule of a pack without help_uri outside docs/rules.md: no codeDescription",
          diags and not any("codeDescription" in g for g in diags), diags[:1])
    ms = [g for g in diags if g["code"] == "missing-section"]
    check("initializationOptions.severities: missing-section lowered to warning",
          ms and all(g["severity"] == 2 for g in ms), diags)
    rc = c.close()
    check("options session: the server ends cleanly at the end of stdin",
          rc == 0 and not c.p.stderr.read(), rc)


def main():
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    h = subprocess.run([ddlint, "lsp", "--help"], capture_output=True, text=True)
    check("ddlint lsp --help: usage, status 0",
          h.returncode == 0 and h.stdout.startswith("Usage: ddlint lsp"), h)
    b = subprocess.run([ddlint, "lsp", "--debounce", "soon"], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL)
    check("ddlint lsp --debounce soon: a usage error, status 2",
          b.returncode == 2 and "--debounce" in b.stderr, b)
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))  # config discovery stops here
        session(ddlint, root, d, "utf-16")
        session(ddlint, root, d, "utf-8")
        session(ddlint, root, d, "utf-16", crlf=True)
        session(ddlint, root, d, "utf-8", crlf=True)
        session(ddlint, root, d, "utf-32")
        robustness(ddlint, d)
        documents(ddlint, root, d)
        init_options(ddlint, d)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
