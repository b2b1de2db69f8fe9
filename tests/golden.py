#!/usr/bin/env python3
"""Golden tests: each fixtures/NAME.md is linted in every output format and
compared byte for byte with fixtures/expected/NAME.<format>, whose last line
records the exit status; so is each document of several files,
fixtures/multi/NAME/ (a folder), against fixtures/expected/multi-NAME.<format>.
DDLINT_UPDATE_GOLDEN=1 rewrites the expected files (review the diff before
committing). The SARIF reports' originalUriBaseIds hold the working
directory as a file:// URI; it is compared as file:///SRCROOT/ so that the
expected files do not depend on where the tree is checked out."""
import os
import subprocess
import sys
import urllib.parse

FORMATS = ["human", "json", "sarif", "github", "summary"]


def main():
    ddlint, root = sys.argv[1], sys.argv[2]
    update = os.environ.get("DDLINT_UPDATE_GOLDEN") == "1"
    fixtures = sorted(f for f in os.listdir(os.path.join(root, "fixtures")) if f.endswith(".md"))
    multi = os.path.join(root, "fixtures", "multi")
    if os.path.isdir(multi):
        fixtures += sorted("multi/" + d for d in os.listdir(multi)
                           if os.path.isdir(os.path.join(multi, d)))
    if not fixtures:
        print("no fixtures found")
        return 1
    failed = 0
    env = dict(os.environ, NO_COLOR="1")
    root_uri = ("file://" + urllib.parse.quote(os.path.realpath(root), safe="/-._~!$&'()*+,;=:@")
                + "/").encode()
    for name in fixtures:
        for fmt in FORMATS:
            rel = "fixtures/" + name
            p = subprocess.run([ddlint, "--format", fmt, rel], cwd=root, env=env,
                               capture_output=True, timeout=60)
            got = p.stdout.replace(b'"uri": "' + root_uri + b'"', b'"uri": "file:///SRCROOT/"')
            got += b"[exit %d]\n" % p.returncode
            if p.stderr:
                got += b"[stderr]\n" + p.stderr
            stem = name[:-3] if name.endswith(".md") else name.replace("/", "-")
            exp_path = os.path.join(root, "fixtures", "expected", stem + "." + fmt)
            if update:
                os.makedirs(os.path.dirname(exp_path), exist_ok=True)
                with open(exp_path, "wb") as f:
                    f.write(got)
                continue
            try:
                with open(exp_path, "rb") as f:
                    want = f.read()
            except FileNotFoundError:
                print(f"FAIL {rel} [{fmt}]: no expected file {exp_path}")
                failed += 1
                continue
            if got != want:
                failed += 1
                print(f"FAIL {rel} [{fmt}]: output differs from {exp_path}")
                import difflib
                diff = difflib.unified_diff(want.decode(errors="replace").splitlines(),
                                            got.decode(errors="replace").splitlines(),
                                            "expected", "got", lineterm="")
                print("\n".join(list(diff)[:60]))
            else:
                print(f"ok   {rel} [{fmt}]")
    print(f"{len(fixtures) * len(FORMATS) - failed} golden comparisons passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
