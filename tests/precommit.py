#!/usr/bin/env python3
"""The pre-commit hook of .pre-commit-hooks.yaml in a real repository: a
temporary git repository with a `repo: local` configuration built from the
hook's own definition (its id, entry, language and types; the entry pointed
at the built binary), installed with Debian's pre-commit. A commit of an
incomplete design document is blocked; a complete one goes through; files
that .ddlint.json's "ignore" names (pre-commit passes each file by name)
pass both a commit and `pre-commit run --all-files`. Skips
with a message where git or pre-commit is absent."""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for tool in ("git", "pre-commit"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is not installed (Debian packages git and pre-commit)")
            return 77
    hooks = open(os.path.join(root, ".pre-commit-hooks.yaml")).read()
    # the hook file is a one-item YAML list of flat keys: read it without a YAML library
    hook = {}
    for line in hooks.splitlines():
        line = line.strip().lstrip("- ")
        if ":" in line:
            k, v = line.split(":", 1)
            hook[k.strip()] = v.strip()
    ok = hook.get("id") == "ddlint" and hook.get("types") == "[markdown]" and hook.get("entry") == "ddlint"
    print(("ok   " if ok else "FAIL ") + ".pre-commit-hooks.yaml defines the ddlint hook for markdown")
    failed = 0 if ok else 1
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, PRE_COMMIT_HOME=os.path.join(d, "cache"), HOME=d,
                   GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com", NO_COLOR="1")
        repo = os.path.join(d, "repo")
        os.mkdir(repo)

        def git(*args, check=True):
            return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                                  check=check, timeout=120)
        git("init", "-q")
        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
            f.write("repos:\n  - repo: local\n    hooks:\n"
                    f"      - id: {hook['id']}\n        name: {hook.get('name', 'ddlint')}\n"
                    f"        entry: {ddlint}\n        language: {hook['language']}\n"
                    f"        types: {hook['types']}\n")
        git("add", ".pre-commit-config.yaml")
        git("commit", "-q", "-m", "config")
        p = subprocess.run(["pre-commit", "install"], cwd=repo, env=env, capture_output=True, text=True,
                           timeout=120)
        print(("ok   " if p.returncode == 0 else "FAIL ") + "pre-commit install")
        failed += p.returncode != 0

        shutil.copy(os.path.join(root, "fixtures/incomplete.md"), os.path.join(repo, "design.md"))
        git("add", "design.md")
        p = git("commit", "-m", "incomplete design", check=False)
        blocked = p.returncode != 0 and "missing required section" in (p.stdout + p.stderr)
        print(("ok   " if blocked else "FAIL ") + "a commit of an incomplete design doc is blocked")
        failed += not blocked
        if not blocked:
            print(p.stdout[-800:], p.stderr[-800:])

        shutil.copy(os.path.join(root, "examples/smart-reply-design.md"), os.path.join(repo, "design.md"))
        git("add", "design.md")
        p = git("commit", "-m", "complete design", check=False)
        passed = p.returncode == 0 and git("log", "--oneline").stdout.count("\n") == 2
        print(("ok   " if passed else "FAIL ") + "a commit of a complete design doc goes through")
        failed += not passed
        if not passed:
            print(p.stdout[-800:], p.stderr[-800:])

        # "ignore" in .ddlint.json: pre-commit names every file, and the
        # ignored ones must pass (README.md, CHANGELOG.md are no designs)
        with open(os.path.join(repo, ".ddlint.json"), "w") as f:
            f.write('{"ignore": ["README.md", "**/CHANGELOG.md"]}\n')
        os.mkdir(os.path.join(repo, "docs"))
        for name in ("README.md", "docs/CHANGELOG.md"):
            with open(os.path.join(repo, name), "w") as f:
                f.write("# Project\n\nTBD\n")
        git("add", ".ddlint.json", "README.md", "docs/CHANGELOG.md")
        p = git("commit", "-m", "readme and changelog", check=False)
        passed = p.returncode == 0
        print(("ok   " if passed else "FAIL ") + "a commit of files the config ignores goes through")
        failed += not passed
        if not passed:
            print(p.stdout[-800:], p.stderr[-800:])
        p = subprocess.run(["pre-commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True,
                           text=True, timeout=120)
        passed = p.returncode == 0
        print(("ok   " if passed else "FAIL ") + "pre-commit run --all-files passes with ignored files")
        failed += not passed
        if not passed:
            print(p.stdout[-800:], p.stderr[-800:])
    print(f"{6 - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
