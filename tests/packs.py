#!/usr/bin/env python3
"""End to end with a template unlike the bundled ones (tests/packs: an
incident postmortem pack that `extends` a base pack and overrides its
sections and rules by id, using every rule kind), a project folder with a
.ddlint.json (template, severities, per-glob overrides, ignore globs) and
inline suppressions. tests/packs/lang: the pack language's constructs, each
in a small pack run on a small document, and the located load errors of
packs that misuse them. Outputs are compared byte for byte with
tests/packs/expected/ (DDLINT_UPDATE_GOLDEN=1 rewrites them)."""
import os
import subprocess
import sys

RUNS = {
    "project.human": ["--color", "never", "--report-unused-suppressions", "docs", "drafts"],
    "project.json": ["--format", "json", "--report-unused-suppressions", "docs", "drafts"],
    "named-ignored.human": ["--color", "never", "drafts/wip.md"],
    "named-ignored-no-ignore.human": ["--color", "never", "--no-ignore", "drafts/wip.md"],
}

# (cwd under tests/packs, args); the name is the golden file's
LANG = "lang"
LANG_RUNS = {
    # extends: a section restated with aliases only merges into the parent's
    "merge-aliases.human": ["--no-config", "--color", "never", "-t", "./ml-aliases.json", "ask.md"],
    "merge-replace-keeps.human": ["--no-config", "--color", "never", "-t", "./replace-keeps-rules.json", "ask.md"],
    "merge-replace-drops.err": ["--no-config", "-t", "./replace-drops-topic.json", "ask.md"],
    "merge-replace-nothing.err": ["--no-config", "-t", "./replace-nothing.json", "ask.md"],
    "merge-new-section-untitled.err": ["--no-config", "-t", "./new-section-untitled.json", "ask.md"],
    "merge-new-topic-untitled.err": ["--no-config", "-t", "./new-topic-untitled.json", "ask.md"],
    # load-time checks
    "check-placeholder.err": ["--no-config", "-t", "./bad-placeholder.json", "summary.md"],
    "check-braces-text.human": ["--no-config", "--color", "never", "-t", "./braces-are-text.json", "summary.md"],
    "check-duplicate-alias.err": ["--no-config", "-t", "./duplicate-alias.json", "ask.md"],
    # matching controls: placeholder skip, rewrapped prompts, required_only
    "controls.human": ["--no-config", "--color", "never", "-t", "./controls.json", "controls.md"],
    # title_priority, and a child that turns it off again
    "title-priority.summary": ["--no-config", "--format", "summary", "-t", "./title-priority.json", "findings.md"],
    "title-priority-off.summary": ["--no-config", "--format", "summary", "-t", "./title-priority-off.json", "findings.md"],
    # required_if: by front matter (equals, in, matches), topic, section,
    # pattern; a rule that runs only for tier 1; the finding says why
    "required-if-ml.human": ["--no-config", "--color", "never", "-t", "./conditions.json", "cond-ml.md"],
    "required-if-plain.json": ["--no-config", "--format", "json", "-t", "./conditions.json", "cond-plain.md"],
    "required-if-pattern.human": ["--no-config", "--color", "never", "-t", "./conditions.json", "cond-pattern.md"],
    "required-if-bad.err": ["--no-config", "-t", "./bad-condition.json", "cond-ml.md"],
    "required-if-show.txt": ["template", "show", "./conditions.json"],
    "required-if-explain.txt": ["--no-config", "-t", "./conditions.json", "--explain", "no-sla"],
    # nested sections ("parent"): matched under their parent, order among
    # siblings, a misplaced one, fix and init one level below the parent,
    # JSON coverage with section paths
    "nested.human": ["--no-config", "--color", "never", "-t", "./nested.json", "nested.md"],
    "nested.json": ["--no-config", "--format", "json", "-t", "./nested.json", "nested.md"],
    "nested-missing.human": ["--no-config", "--color", "never", "-t", "./nested.json", "nested-missing.md"],
    "nested-missing.diff": ["--no-config", "--fix", "--diff", "-t", "./nested.json", "nested-missing.md"],
    "nested-init.md": ["init", "--no-config", "-t", "./nested.json", "-"],
    "nested-bad.err": ["--no-config", "-t", "./nested-bad.json", "nested.md"],
    # link-fragment, an opt-in kind no bundled pack uses: links to headings
    # (slugs, repeats, anchors) and what is not a link
    "link-fragment.human": ["--no-config", "--color", "never", "-t", "./link-fragment.json", "link-fragment.md"],
    # code-fence: a fence that does not close where it seems to hides a heading
    "code-fence.human": ["--no-config", "--color", "never", "-t", "./code-fence.json", "code-fence.md"],
    # discoverability: one pack's tree, and --explain naming what it checks
    "template-show.txt": ["template", "show", "../postmortem.json"],
    "template-show-controls.txt": ["template", "show", "./controls.json"],
    # local patterns are listed apart from the others
    "template-show-local.txt": ["template", "show", "./local-patterns.json"],
    "explain-local.txt": ["--no-config", "-t", "./local-patterns.json", "--explain", "no-staging"],
    "explain-topics.txt": ["--no-config", "-t", "../postmortem.json", "--explain", "pm-topics"],
}


def main():
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    project = os.path.join(root, "tests", "packs", "project")
    expected = os.path.join(root, "tests", "packs", "expected")
    update = os.environ.get("DDLINT_UPDATE_GOLDEN") == "1"
    failed = 0
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("DDLINT_PACK_PATH", None)
    runs = [(name, args, project) for name, args in RUNS.items()]
    runs += [(name, args, os.path.join(root, "tests", "packs", LANG)) for name, args in LANG_RUNS.items()]
    for name, args, cwd in runs:
        p = subprocess.run([ddlint] + args, cwd=cwd, env=env, capture_output=True, timeout=60)
        got = p.stdout + b"[exit %d]\n" % p.returncode + (b"[stderr]\n" + p.stderr if p.stderr else b"")
        path = os.path.join(expected, name)
        if update:
            os.makedirs(expected, exist_ok=True)
            open(path, "wb").write(got)
            continue
        want = open(path, "rb").read() if os.path.exists(path) else None
        if got != want:
            failed += 1
            print(f"FAIL {name}: differs from {path}")
            import difflib
            print("\n".join(list(difflib.unified_diff(
                (want or b"").decode(errors="replace").splitlines(),
                got.decode(errors="replace").splitlines(), "expected", "got", lineterm=""))[:80]))
        else:
            print(f"ok   {name}")
    # `ddlint templates` lists the built-in packs, those of
    # $DDLINT_PACK_PATH and the config's; a name found twice is used once
    env_path = dict(env, DDLINT_PACK_PATH=os.path.join(root, "tests", "packs"))
    packs_dir = os.path.join(root, "tests", "packs")
    for args in (["templates"], ["--list-templates"], ["template", "list"]):
        out = subprocess.run([ddlint] + args, cwd=project, env=env_path, capture_output=True,
                             text=True, timeout=60).stdout
        lines = out.splitlines()
        want = [
            ("postmortem-base", os.path.join(packs_dir, "postmortem-base.json") + " [$DDLINT_PACK_PATH]"),
            ("ml-system-design", "(built in)"), ("rfc", "(built in)"), ("adr", "(built in)"),
            ("postmortem", "postmortem.json [config " + os.path.join(project, ".ddlint.json") + ":2:3]"),
        ]
        missing = [w for w in want if not any(l.startswith(w[0] + " ") and l.endswith(w[1]) for l in lines)]
        loads = "    postmortem 1.1.0, 6 sections, 16 rules: A blameless incident postmortem" in out
        ok = not missing and loads
        print(("ok   " if ok else "FAIL ") + " ".join(args) + " lists every visible pack" +
              ("" if ok else f": missing {missing}\n{out}"))
        failed += not ok
    # every rule kind of the engine (its C table, as tests/unit/kind_table
    # prints it) is used by one of the test packs under tests/packs/
    import glob
    import json
    kinds = set()
    for f in glob.glob(os.path.join(root, "tests", "packs", "**", "*.json"), recursive=True):
        try:
            pack = json.load(open(f))
        except ValueError:
            continue
        if isinstance(pack, dict):
            kinds |= {r.get("kind") for r in pack.get("rules", []) if isinstance(r, dict)}
    table = os.path.join(os.path.dirname(os.path.abspath(ddlint)), "tests", "unit", "kind_table")
    out = subprocess.run([table], capture_output=True, text=True).stdout
    engine_kinds = {line.split()[0] for line in out.splitlines() if line.strip()}
    missing = sorted(engine_kinds - kinds - {"suppression", "input"})  # built in
    ok = len(engine_kinds) >= 15 and not missing
    print(("ok   " if ok else "FAIL ") + "the test packs use every rule kind" +
          ("" if ok else f": missing {missing}, table {sorted(engine_kinds)}"))
    failed += not ok
    print(f"{len(runs) + 4 - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
