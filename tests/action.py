#!/usr/bin/env python3
"""The composite action of action.yml, run locally: its inputs' defaults (or
given values) become the steps' environment as GitHub would set it, and the
shell of the "Lint" and "Fail on findings" steps runs under
`bash --noprofile --norc -eo pipefail`, as on a runner, with the built
binary as $DDLINT. The install, build and upload steps are not run (they
need apt, a fresh build and GitHub). Checks: an empty `template` input (the
default) defers to .ddlint.json and its per-glob overrides; a given one
wins; the SARIF report is written; the step fails with the lint's status.
Skips where PyYAML is absent (pre-commit depends on it)."""
import json
import os
import re
import subprocess
import sys
import tempfile

results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def expand(text, ctx):
    """Replaces ${{ a.b.c }} with its value in ctx (a flat dict)."""
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: ctx.get(m.group(1), ""), text)


def run_action(action, ddlint, cwd, inputs):
    """Runs the Lint and Fail steps; returns (fail step status, outputs, stdout)."""
    tmp = tempfile.mkdtemp(dir=cwd, prefix=".runner-")
    ctx = {"runner.temp": tmp}
    for name, spec in action["inputs"].items():
        ctx["inputs." + name] = str(inputs.get(name, spec.get("default", "")))
    steps = {s["name"]: s for s in action["runs"]["steps"]}
    out_file = os.path.join(tmp, "github_output")
    open(out_file, "w").close()
    lint = steps["Lint"]
    env = {k: expand(str(v), ctx) for k, v in lint.get("env", {}).items()}
    env["DDLINT"] = ddlint  # the build step's product
    env.update(PATH=os.environ["PATH"], RUNNER_TEMP=tmp, GITHUB_OUTPUT=out_file, NO_COLOR="1")
    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                        expand(lint["run"], ctx)], cwd=cwd, env=env, capture_output=True,
                       text=True, timeout=120)
    outputs = dict(line.split("=", 1) for line in open(out_file).read().splitlines() if "=" in line)
    for k, v in outputs.items():
        ctx["steps.lint.outputs." + k] = v
    f = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                        expand(steps["Fail on findings"]["run"], ctx)], cwd=cwd,
                       env={"PATH": os.environ["PATH"]}, capture_output=True, text=True, timeout=60)
    return p, f.returncode, outputs


def main():
    ddlint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    try:
        import yaml
    except ImportError:
        print("SKIP: PyYAML is not installed (Debian package python3-yaml)")
        return 77
    action = yaml.safe_load(open(os.path.join(root, "action.yml")))
    check("the template input defaults to empty", action["inputs"]["template"]["default"] == "")
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, ".git"))
        os.makedirs(os.path.join(d, "docs", "adr"))
        # an ADR without front matter: only the config's override makes it one
        adr = open(os.path.join(root, "fixtures", "adr-madr.md")).read()
        adr = adr.split("---\n", 2)[2]
        with open(os.path.join(d, "docs", "adr", "0001-choose.md"), "w") as f:
            f.write(adr)
        with open(os.path.join(d, ".ddlint.json"), "w") as f:
            json.dump({"overrides": [{"files": ["docs/adr/**"], "template": "adr"}]}, f)

        p, fail, outputs = run_action(action, ddlint, d, {})
        sarif_ok = False
        try:
            sarif_ok = json.load(open(outputs["sarif"]))["version"] == "2.1.0"
        except (OSError, KeyError, ValueError):
            pass
        check("empty template input: the config's override picks the ADR template; the step passes",
              p.returncode == 0 and outputs.get("status") == "0" and fail == 0
              and "missing required section" not in p.stdout,
              (p.returncode, outputs, p.stdout[-600:], p.stderr[-600:]))
        check("the SARIF report is written where the output says", sarif_ok, outputs)

        p, fail, outputs = run_action(action, ddlint, d, {"template": "ml-system-design"})
        check("a given template input wins over the config; the lint fails the last step",
              outputs.get("status") == "1" and fail == 1 and "::error file=docs/adr/0001-choose.md" in p.stdout
              and "title=missing-section" in p.stdout, (p.returncode, outputs, p.stdout[-400:], p.stderr[-400:]))

        p, fail, outputs = run_action(action, ddlint, d, {"min-score": "101"})
        check("a bad min-score input: the lint step records status 2 and the last step fails",
              outputs.get("status") == "2" and fail == 2, (outputs, p.stderr[-300:]))
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
