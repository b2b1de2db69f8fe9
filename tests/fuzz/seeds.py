#!/usr/bin/env python3
"""Build the seed corpora of the fuzz harnesses (called by run.sh).

usage: seeds.py ROOT OUTDIR

OUTDIR/fuzz_markdown gets fixtures/*.md and examples/*.md (fuzz_chunks too,
with a few shapes that a cut must respect; fuzz_fix too, with the
recognition fixtures); OUTDIR/fuzz_pack
gets rules/*.json and tests/packs/*.json plus small packs cut out of them (one
rule each, one section each), because libFuzzer mutates a 30 KB pack slowly
and rarely reaches the per-kind parameter checks from it; OUTDIR/fuzz_config
gets every .ddlint.json of the tree plus configs that set each rule of the
built-in packs. Saved crash inputs
(tests/fuzz/regressions/<harness>/*) are seeds too. The output is build-local
and never committed.
"""
import glob
import json
import os
import shutil
import sys


def copy_all(pattern, dest):
    n = 0
    for path in sorted(glob.glob(pattern)):
        if os.path.isfile(path) and not path.endswith((".txt", ".schema.json")):
            shutil.copy(path, os.path.join(dest, os.path.basename(path)))
            n += 1
    return n


def pack_slices(path, dest):
    try:
        pack = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    base = os.path.splitext(os.path.basename(path))[0]
    sections, rules = pack.get("sections", []), pack.get("rules", [])
    n = 0

    def write(name, obj):
        nonlocal n
        with open(os.path.join(dest, f"{base}-{name}.json"), "w",
                  encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
        n += 1

    # one rule, with only the sections its scope and topics refer to
    for i, rule in enumerate(rules):
        need = set(rule.get("scope") or [])
        wanted = set((rule.get("params") or {}).get("topics") or [])
        keep = [sec for sec in sections if sec.get("id") in need or
                wanted & {t.get("id") for t in sec.get("topics", [])}]
        write(f"rule{i}", {"name": f"{base}-rule{i}", "version": "1",
                           "sections": keep or sections[:1], "rules": [rule]})
    # one section with its topics, and the rules that fit it
    for i, sec in enumerate(sections):
        topics = {t.get("id") for t in sec.get("topics", [])}
        keep = []
        for rule in rules:
            scope = rule.get("scope")
            if scope and not set(scope) <= {sec.get("id")}:
                continue
            wanted = (rule.get("params") or {}).get("topics")
            if rule.get("kind") == "required-topic" and wanted and \
                    not set(wanted) <= topics:
                continue
            keep.append(rule)
        write(f"section{i}", {"name": f"{base}-section{i}",
                              "sections": [sec], "rules": keep})
    return n


def config_seeds(root, dest):
    n = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames
                       if not d.startswith(("build", ".git", "."))]
        if ".ddlint.json" in filenames:
            rel = os.path.relpath(dirpath, root).replace(os.sep, "-")
            shutil.copy(os.path.join(dirpath, ".ddlint.json"),
                        os.path.join(dest, f"{rel}.ddlint.json"))
            n += 1
    settings = ["error", "warning", "info", "off"]
    for path in sorted(glob.glob(os.path.join(root, "rules", "*.json"))):
        if path.endswith(".schema.json"):
            continue
        try:
            pack = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError):
            continue
        name = os.path.splitext(os.path.basename(path))[0]
        ids = [r.get("id") for r in pack.get("rules", []) if r.get("id")]
        rules = {r: settings[i % 4] for i, r in enumerate(ids)}
        cfg = {"template": name, "rules": rules,
               "ignore": ["drafts/**", "**/*.tmp.md"],
               "overrides": [
                   {"files": ["docs/**/legacy-*.md"], "template": "x.json",
                    "rules": {r: "off" for r in ids[:2]}},
                   {"files": ["*.md", "docs/*/[a-c]*.md"],
                    "rules": {"no-such-rule": "info"}}]}
        with open(os.path.join(dest, f"{name}.ddlint.json"), "w",
                  encoding="utf-8") as f:
            json.dump(cfg, f, indent=1)
        n += 1
    return n


def lsp_session(text, enc):
    """The messages of a whole session on one document."""
    uri = "file:///d/design.md"
    doc = {"uri": uri}
    pos = {"line": 2, "character": 3}
    rng = {"start": pos, "end": {"line": 2, "character": 9}}
    caps = {"general": {"positionEncodings": [enc]}} if enc else {}
    msgs = [
        {"id": 1, "method": "initialize", "params": {
            "capabilities": caps, "initializationOptions": {
                "template": "ml-system-design",
                "severities": {"placeholder": "error", "section-order": "off"}}}},
        {"method": "initialized", "params": {}},
        {"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}},
        {"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                {"range": rng, "text": "\u00e9\U0001f680 x\r\n## "},
                {"range": {"start": {"line": 0, "character": 0},
                           "end": {"line": 0, "character": 1}}, "text": ""}]}},
        {"id": 2, "method": "textDocument/codeAction", "params": {
            "textDocument": doc, "range": rng, "context": {"diagnostics": []}}},
        {"id": 3, "method": "textDocument/hover", "params": {
            "textDocument": doc, "position": pos}},
        {"id": 4, "method": "textDocument/documentSymbol",
         "params": {"textDocument": doc}},
        {"id": 5, "method": "textDocument/completion", "params": {
            "textDocument": doc, "position": {"line": 3, "character": 3}}},
        {"id": 6, "method": "ddlint/coverage", "params": {"textDocument": doc}},
        {"method": "$/cancelRequest", "params": {"id": 6}},
        {"method": "workspace/didChangeWatchedFiles", "params": {"changes": []}},
        {"method": "textDocument/didSave", "params": {"textDocument": doc}},
        {"method": "textDocument/didClose", "params": {"textDocument": doc}},
        {"id": 7, "method": "shutdown"},
        {"method": "exit"},
    ]
    for m in msgs:
        m["jsonrpc"] = "2.0"
    return [json.dumps(m).encode() for m in msgs]


def lsp_seeds(root, dest):
    """fuzz_lsp: sessions on the fixtures, framed (a raw stream) and cut at
    0x1E (the harness frames each message)."""
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    n = 0
    docs = ["incomplete.md", "near-miss.md", "placeholders.md",
            "frontmatter-crlf.md"]
    for i, name in enumerate(docs):
        try:
            text = open(os.path.join(root, "fixtures", name),
                        encoding="utf-8").read()
        except OSError:
            continue
        body = lsp_session(text, ["utf-8", "utf-16", None, "utf-32"][i])
        with open(os.path.join(dest, name + ".rs"), "wb") as f:
            f.write(b"\x1e".join(body))
        with open(os.path.join(dest, name + ".raw"), "wb") as f:
            f.write(b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(m), m)
                             for m in body))
        n += 2
    bad = {"no-length.raw": b"Content-Type: x\r\n\r\n{}Content-Length: 2\r\n\r\n{}",
           "bad-json.raw": b"Content-Length: 5\r\n\r\n{\"a\":Content-Length: 1\r\n\r\n[",
           "huge.raw": b"Content-Length: 99999999999\r\n\r\n{}",
           "lax.raw": b"content-length:2\n\n{}"}
    for name, data in bad.items():
        with open(os.path.join(dest, name), "wb") as f:
            f.write(data)
        n += 1
    return n

WIDE_TABLE = "# T\n\n" + "|a" * 700 + "|\n" + "|-" * 700 + "|\n" + "x\n" * 700


def main():
    root, out = sys.argv[1], sys.argv[2]
    md = os.path.join(out, "fuzz_markdown")
    pk = os.path.join(out, "fuzz_pack")
    cf = os.path.join(out, "fuzz_config")
    for d in (md, pk, cf):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    n_md = copy_all(os.path.join(root, "fixtures", "*.md"), md)
    n_md += copy_all(os.path.join(root, "examples", "*.md"), md)
    n_pk = 0
    for d in ("rules", os.path.join("tests", "packs")):
        n_pk += copy_all(os.path.join(root, d, "*.json"), pk)
        for path in sorted(glob.glob(os.path.join(root, d, "*.json"))):
            if not path.endswith(".schema.json"):
                n_pk += pack_slices(path, pk)
    n_cf = config_seeds(root, cf)
    extra = os.environ.get("FUZZ_EXTRA_SEEDS")
    if extra:
        n_md += copy_all(os.path.join(extra, "*.md"), md)
    reg = os.path.join(root, "tests", "fuzz", "regressions")
    n_md += copy_all(os.path.join(reg, "fuzz_markdown", "*"), md)
    # a table of 700 columns whose 700 one-cell rows GFM fills to 490,000
    # cells: over the fuzz build's parse budget, so the refusal path runs
    with open(os.path.join(md, "wide-table.md"), "w") as f:
        f.write(WIDE_TABLE)
    n_md += 1
    n_pk += copy_all(os.path.join(reg, "fuzz_pack", "*"), pk)
    n_cf += copy_all(os.path.join(reg, "fuzz_config", "*"), cf)
    # fuzz_chunks: the Markdown seeds plus the shapes a cut must respect
    ch = os.path.join(out, "fuzz_chunks")
    shutil.rmtree(ch, ignore_errors=True)
    shutil.copytree(md, ch)
    shapes = {
        "fence.md": "# A\n\n```md\n\n# in fence\n```\n\n# B\n",
        "comment.md": "# A\n\n<!--\n\n# in comment\n-->\n\n# B\n",
        "list-fence.md": "- a\n  ```\n  x\n# H1\n```\ncode\n\n# H2\n\nmore\n```\n",
        "refs.md": "# A\n\n## [x][r] and [y]\n\n# B\n\n[r]: /u\n[y]: /v\n",
        "raw.md": "# A\n\n<script>\n\n# in\n</script>\n\n<?p\n\n# in\n?>\n\n# B\n",
        "quote.md": "> ```\n> code\n\n# A\n\n> <!--\n\n# B\n",
    }
    for name, text in shapes.items():
        with open(os.path.join(ch, name), "w") as f:
            f.write(text)
    n_ch = len(os.listdir(ch))
    n_ch += copy_all(os.path.join(reg, "fuzz_chunks", "*"), ch)
    # fuzz_document: parts cut at 0x1E; fixtures/multi's documents joined
    dc = os.path.join(out, "fuzz_document")
    shutil.rmtree(dc, ignore_errors=True)
    os.makedirs(dc)
    multi = os.path.join(root, "fixtures", "multi")
    for name in sorted(os.listdir(multi)) if os.path.isdir(multi) else []:
        parts = []
        for dirpath, _, files in sorted(os.walk(os.path.join(multi, name))):
            for f in sorted(files):
                with open(os.path.join(dirpath, f), "rb") as fh:
                    parts.append(fh.read())
        with open(os.path.join(dc, name + ".bin"), "wb") as f:
            f.write(b"\x1e".join(parts + [b"\x1d", b"\x1c"]))
    shapes = {"fence.bin": b"# A\n\n```\nopen\x1e# B\n\ntext\n",
              "comment.bin": b"<!-- open\x1e# B\n\x1e<!-- ddlint-disable-file -->\nTBD\n",
              "frontmatter.bin": b"---\nparts: [a]\n---\n# I\n\x1e---\nx: 1\n---\n# C\n",
              "wide-table.bin": b"# I\n\x1e" + WIDE_TABLE.encode()}
    for name, data in shapes.items():
        with open(os.path.join(dc, name), "wb") as f:
            f.write(data)
    n_dc = len(os.listdir(dc))
    n_dc += copy_all(os.path.join(reg, "fuzz_document", "*"), dc)
    # fuzz_fix: the Markdown seeds plus the recognition fixtures (memos
    # with run-in labels, bold-line parts, thread parts: fix's own styles)
    fx = os.path.join(out, "fuzz_fix")
    shutil.rmtree(fx, ignore_errors=True)
    shutil.copytree(md, fx)
    copy_all(os.path.join(root, "fixtures", "recognition", "*.md"), fx)
    n_fx = len(os.listdir(fx))
    n_fx += copy_all(os.path.join(reg, "fuzz_fix", "*"), fx)
    n_ls = lsp_seeds(root, os.path.join(out, "fuzz_lsp"))
    n_ls += copy_all(os.path.join(reg, "fuzz_lsp", "*"),
                     os.path.join(out, "fuzz_lsp"))
    # fuzz_docparts: folder indexes (the harness's folder holds data.md,
    # model.md, 01_intro.md, 02_data.md, records 0001-/0002-, 03_ops/,
    # design/serving.md, docs/notes.md): every README of fixtures/multi
    # and the shapes of docs/documents.md
    dp = os.path.join(out, "fuzz_docparts")
    shutil.rmtree(dp, ignore_errors=True)
    os.makedirs(dp)
    n_dp = 0
    for path in sorted(glob.glob(os.path.join(multi, "*", "README.md")) +
                       glob.glob(os.path.join(multi, "*", "index.md"))):
        n_dp += 1
        shutil.copyfile(path, os.path.join(dp, f"multi-{n_dp}.md"))
    shapes = {
        "links.md": "# D\n\n- [Data](data.md)\n- [Model](./model.md)\n- [x](01_intro.md)\n",
        "codespans.md": "# D\n\n- `data.md`\n- `design/serving.md`\n- `model.md` `",
        "frontmatter.md": "---\nparts:\n  - 02_data.md\n  - model.md\n  - ../x.md\n---\n# D\n",
        "records.md": "# Log\n\n- [1](0001-scope.md)\n- [2](0002-model.md)\n",
        "refdefs.md": "# D\n\n[a]: 03_ops/\n[b]: <02_data.md#x>\n[c]: 9_missing.md\n",
        "fence.md": "# D\n\n```\n[Data](data.md)\n```\n- [Model](model.md)\n",
    }
    for name, text in shapes.items():
        with open(os.path.join(dp, name), "w") as f:
            f.write(text)
        n_dp += 1
    n_dp += copy_all(os.path.join(reg, "fuzz_docparts", "*"), dp)
    print(f"seeds: fuzz_markdown {n_md}, fuzz_pack {n_pk}, "
          f"fuzz_config {n_cf}, fuzz_chunks {n_ch}, fuzz_document {n_dc}, "
          f"fuzz_lsp {n_ls}, fuzz_fix {n_fx}, fuzz_docparts {n_dp} files")


if __name__ == "__main__":
    main()
