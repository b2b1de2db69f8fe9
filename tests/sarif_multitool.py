#!/usr/bin/env python3
"""The SARIF report fed to a real consumer: Microsoft's SARIF Multitool
(npm @microsoft/sarif-multitool) validates it with the GitHub ingestion
rules and its own (`validate --rule-kind "Gh;Sarif"`). SARIF from relative
paths, absolute paths outside the working directory, standard input and a
run over several files and a document of several files must each give 0
errors and 0 warnings. tests/run.sh installs the Multitool where the npm
registry is reachable; the test looks for it in $DDLINT_SARIF_MULTITOOL,
then in tests/run.sh's install folder, then on PATH, and skips with a
message where it is absent."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def find_multitool():
    """The Sarif.Multitool executable, or None."""
    env = os.environ.get("DDLINT_SARIF_MULTITOOL")
    if env:
        return env if os.path.exists(env) else None
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                         "ddlint-test-tools")
    hits = glob.glob(os.path.join(cache, "node_modules", "@microsoft",
                                  "sarif-multitool-*", "Sarif.Multitool"))
    if hits:
        return hits[0]
    return shutil.which("Sarif.Multitool")


def main():
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tool = find_multitool()
    if not tool:
        print("SKIP: the SARIF Multitool is not installed (tests/run.sh installs "
              "@microsoft/sarif-multitool from npm where the registry is reachable; "
              "or set DDLINT_SARIF_MULTITOOL to its Sarif.Multitool executable)")
        return 77
    if not os.access(tool, os.X_OK):
        os.chmod(tool, 0o755)  # npm may skip the package's chmod postinstall
    failed = 0
    fixture = os.path.join(root, "fixtures", "incomplete.md")
    doc = open(fixture, "rb").read()
    with tempfile.TemporaryDirectory() as d:
        elsewhere = os.path.join(d, "elsewhere")
        os.mkdir(elsewhere)
        cases = [
            ("relative paths", ["fixtures/incomplete.md"], root, b""),
            ("absolute paths outside the working directory", [fixture], elsewhere, b""),
            ("a path climbing out with ..", [os.path.relpath(fixture, elsewhere)], elsewhere, b""),
            ("standard input", ["-"], root, doc),
            ("standard input with --stdin-filename",
             ["--stdin-filename", "docs/new design.md", "-"], root, doc),
            ("several files and a document of several files",
             ["fixtures/incomplete.md", "fixtures/placeholders.md",
              os.path.join(root, "fixtures", "near-miss.md"), "fixtures/multi/churn-service"],
             root, b""),
        ]
        for i, (name, args, cwd, stdin) in enumerate(cases):
            p = subprocess.run([ddlint, "--no-config", "-f", "sarif"] + args, input=stdin,
                               cwd=cwd, capture_output=True, timeout=60)
            log = os.path.join(d, f"case{i}.sarif")
            with open(log, "wb") as f:
                f.write(p.stdout)
            out = os.path.join(d, f"case{i}.validation.sarif")
            v = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif",
                                "--level", "Error;Warning", "-o", out, log],
                               capture_output=True, text=True, timeout=300)
            try:
                found = json.load(open(out, encoding="utf-8-sig"))["runs"][0].get("results", [])
            except (OSError, ValueError, KeyError, IndexError) as e:
                found = None
                detail = f"no validation log ({e}); rc={v.returncode}\n{v.stdout[-800:]}{v.stderr[-800:]}"
            else:
                bad = [r for r in found if r.get("level", "warning") in ("error", "warning")]
                detail = "\n".join(f'{r["ruleId"]} {r.get("level")}: {r["message"].get("arguments")}'
                                   for r in bad[:5])
            ok = p.returncode == 1 and found is not None and not detail
            print(("ok   " if ok else "FAIL ") +
                  f"SARIF Multitool: {name}: 0 errors, 0 warnings" + ("" if ok else f"\n{detail}"))
            failed += not ok
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
