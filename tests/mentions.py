#!/usr/bin/env python3
"""Mentions that do not count, and fences that hide chapters: each document
of tests/mentions/ is linted with the default pack, and the findings of the
rules it is about are compared with what a reader would say.
- case-study-latency: the only latency figures are in a quoted case study
  and in a "Case study:" section about another system: no latency target;
- batch-quantile: "P90 demand quantile" in a nightly forecast is no latency
  target, so no finding quotes it;
- latex-latency: "p99 latency $< 300\\text{ms}$" states a target;
- plural-metrics: "acceptance rates" is monitored as "acceptance rate", and
  "conversion rate" as "conversion rates"; "retention" is not monitored;
- bracket-placeholders: [NO INFO], [N/A], [tbd], [TODO], each once;
- malformed-fence: "``` text" keeps a code block open over five chapters:
  one unclosed-code-fence finding at the opening fence naming them;
- fallback-phrasing: "a reply that arrives later is discarded, the console
  shows nothing" is a fallback path;
- popular-not-fallback: "which game modes are most popular among players"
  names no fallback;
- alert-threshold: "page when p99 latency exceeds 250 ms" under Monitoring
  is an alert, not the latency target the problem section lacks;
- hollow-rollout: a launch section that denies an A/B test and promises
  to "monitor it" is empty; "alert fatigue" and "If it were deployed"
  count for nothing;
- deferred-parts: "Didn't get to this" under Features is empty; a "State
  of the art" section is someone else's; "how often teachers use the
  filter" is an online metric and "a pilot ... compared with" a rollout;
- toggle-callout: a Notion-style toggle over "TBD" and a callout that
  says "We won't monitor drift or run an A/B test yet" plan nothing;
- a 200,000-word paragraph full of latency mentions is judged in time."""
import json
import os
import subprocess
import sys

DDLINT = ROOT = None
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else f": {detail}"))


def findings(name, rule):
    p = subprocess.run([DDLINT, "--no-config", "--format", "json",
                        os.path.join("tests", "mentions", name)],
                       cwd=ROOT, capture_output=True, timeout=60)
    diags = json.loads(p.stdout)["files"][0]["diagnostics"]
    return [(d["start"]["line"], d["start"]["column"], d["message"])
            for d in diags if d["rule"] == rule]


def helps(name, rule):
    p = subprocess.run([DDLINT, "-f", "json", "--no-config",
                        os.path.join(ROOT, "tests", "mentions", name)],
                       capture_output=True, timeout=60)
    return [d["help"] for d in json.loads(p.stdout)["files"][0]["diagnostics"]
            if d["rule"] == rule]


def test_case_study_latency():
    got = findings("case-study-latency.md", "latency-target")
    check("case-study-latency: someone else's p99 is no latency target",
          len(got) == 1 and got[0][2].startswith("no latency target in "), got)


def test_fallback_phrasing():
    check("fallback-phrasing: 'discarded ... shows nothing' is a fallback path",
          findings("fallback-phrasing.md", "missing-fallback") == [],
          findings("fallback-phrasing.md", "missing-fallback"))
    got = findings("popular-not-fallback.md", "missing-fallback")
    check("popular-not-fallback: 'most popular among players' is no fallback",
          len(got) == 1, got)


def test_hollow_rollout():
    got = findings("hollow-rollout.md", "required-section-empty")
    check("hollow-rollout: 'No A/B test is planned ... We'll monitor it after "
          "launch' leaves the section empty; 'alert fatigue' and 'If it were "
          "deployed' are no monitoring or deployment",
          [g[2] for g in got] == ['required section "Feedback, Monitoring, '
                                  'and Deployment" is empty'], got)


def test_deferred_parts():
    empty = findings("deferred-parts.md", "required-section-empty")
    missing = findings("deferred-parts.md", "missing-section")
    check("deferred-parts: '❓ Didn't get to this.' leaves Features empty; "
          "'State of the art' (another library's service) is no architecture",
          [m for _, _, m in empty] == ['required section "Features" is empty'] and
          [m for _, _, m in missing] == ['missing required section "System Architecture"'],
          (empty, missing))
    got = findings("deferred-parts.md", "section-without-heading")
    check("deferred-parts: '## Serving' that says 'Out of scope for this doc' "
          "yields to 'Using the estimates', which holds the prediction step",
          any("Prediction and Ranking" in m and "Using the estimates" in m
              for _, _, m in got), got)
    got = findings("deferred-parts.md", "missing-success-metric") + \
        findings("deferred-parts.md", "missing-deployment-strategy")
    check("deferred-parts: 'how often teachers use the level filter' is an online "
          "metric; 'a pilot ... compared with two branches without the filter' a "
          "deployment strategy", got == [], got)


def test_toggle_callout():
    got = findings("toggle-callout.md", "required-section-empty")
    check("toggle-callout: a toggle '<summary>Monitoring</summary>' over TBD and a "
          "callout '<aside> 🚧 We won't monitor drift or run an A/B test yet' "
          "leave the section empty",
          [m for _, _, m in got] ==
          ['required section "Feedback, Monitoring, and Deployment" is empty'], got)


def test_alert_threshold():
    got = findings("alert-threshold.md", "latency-target")
    check("alert-threshold: an alert threshold is no latency target",
          len(got) == 1 and got[0][0] == 3, got)


def test_batch_quantile():
    got = findings("batch-quantile.md", "latency-target")
    check("batch-quantile: no latency-target finding quotes the P90 quantile",
          all("P90" not in m and "P50" not in m for _, _, m in got), got)
    check("batch-quantile: the batch design has no latency target",
          len(got) == 1 and got[0][2].startswith("no latency target in "), got)


def test_latex_latency():
    got = findings("latex-latency.md", "latency-target")
    check("latex-latency: p99 latency $< 300\\text{ms}$ is a target", got == [], got)


def test_plural_metrics():
    got = findings("plural-metrics.md", "metric-not-monitored")
    check("plural-metrics: singular and plural forms cross-reference; retention does not",
          [m for _, _, m in got] ==
          ['the metric "retention" is not mentioned in "Feedback, Monitoring, and Deployment"'], got)


def test_bracket_placeholders():
    got = findings("bracket-placeholders.md", "placeholder")
    check("bracket-placeholders: each bracketed marker once",
          [(l, m) for l, _, m in got] ==
          [(10, 'placeholder left in: "[NO INFO]"'), (12, 'placeholder left in: "[N/A]"'),
           (16, 'placeholder left in: "[tbd]"'), (17, 'placeholder left in: "[TODO]"')], got)


def test_malformed_fence():
    got = findings("malformed-fence.md", "unclosed-code-fence")
    want = ('this code block runs to the end of the document: "``` end of the request '
            'path" (line 23) does not close it, and it hides 5 headings: "## Data and '
            'Labeling" (line 27), "## Features" (line 32), "## Model Design" (line 37) '
            'and 2 more')
    check("malformed-fence: one finding at the opening fence naming the hidden headings",
          got == [(21, 1, want)], got)
    # the sections whose headings it hides say so where they stand
    hidden = findings("malformed-fence.md", "missing-section")
    check("malformed-fence: missing-section points at the hidden heading and says why",
          (27, 1, 'missing required section "Data and Labeling"') in
          [(l, c, m) for l, c, m in hidden] and
          all("inside a code block that a malformed fence left open" in h
              for h in helps("malformed-fence.md", "missing-section")), hidden)
    # every other fixture's code blocks are well formed
    for name in sorted(os.listdir(os.path.join(ROOT, "tests", "mentions"))):
        if name.endswith(".md") and name != "malformed-fence.md":
            other = findings(name, "unclosed-code-fence")
            check(f"{name}: no unclosed-code-fence", other == [], other)


def test_long_alert_unit():
    """A paragraph of 20,000 latency mentions whose only quantified one sets
    an alert is judged once as well (that case was judged once per mention:
    20 s for 240 KB)."""
    doc = ("# X\n\n## Ops\n\n" + "latency and " * 20000 +
           "median 200 ms alert.\n\n## Problem Formulation\n\nlatency should be low.\n")
    try:
        p = subprocess.run([DDLINT, "--no-config", "--format", "json", "-"], input=doc.encode(),
                           capture_output=True, timeout=20)
        diags = json.loads(p.stdout)["files"][0]["diagnostics"]
        got = [d["message"][:40] for d in diags if d["rule"] == "latency-target"]
        check("long alert paragraph: judged in time", len(got) == 1, got)
    except subprocess.TimeoutExpired:
        check("long alert paragraph: judged in time", False, "over 20 s")


def test_long_paragraph():
    """A paragraph of 200,000 words with no sentence end and a latency
    mention every few words is judged once, not once per mention (it took
    160 s before)."""
    words = ["request", "p99", "query", "serving", "p95", "the", "call", "latency"]
    body = " ".join(words[(i * 7 + i // 3) % len(words)] for i in range(200000))
    doc = "# X\n\n## Problem Formulation\n\n" + body + "\n"
    try:
        p = subprocess.run([DDLINT, "--no-config", "--format", "json", "-"], input=doc.encode(),
                           capture_output=True, timeout=20)
        diags = json.loads(p.stdout)["files"][0]["diagnostics"]
        got = [d["message"][:40] for d in diags if d["rule"] == "latency-target"]
        check("long paragraph: judged in time", got == ["latency target has no number and unit: \""], got)
    except subprocess.TimeoutExpired:
        check("long paragraph: judged in time", False, "over 20 s")


def main():
    global DDLINT, ROOT
    DDLINT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for t in (test_case_study_latency, test_hollow_rollout, test_deferred_parts,
              test_toggle_callout, test_batch_quantile, test_latex_latency,
              test_plural_metrics, test_bracket_placeholders, test_malformed_fence,
              test_fallback_phrasing, test_alert_threshold,
              test_long_paragraph, test_long_alert_unit):
        try:
            t()
        except Exception as e:
            check(t.__name__ + " raised", False, repr(e))
    failed = results.count(False)
    print(f"{len(results) - failed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
