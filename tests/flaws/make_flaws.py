#!/usr/bin/env python3
"""Make one flawed copy per (document, flaw) from clean/*.md and write truth.tsv.

Each flaw is an edit of the clean text; the truth row says which rule(s) of
pack.json a structural linter should fire, for which template section, and the
lines the finding may point at (1-based, inclusive)."""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# OUT (argv[1], default this folder): where flawed/ and truth.tsv go
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
CLEAN, FLAWED = os.path.join(HERE, "clean"), os.path.join(OUT, "flawed")

def heading_level(lines, i):
    m = re.match(r"^(#{1,6})\s", lines[i])
    if m:
        return len(m.group(1)), 1
    if i + 1 < len(lines) and lines[i].strip() and re.match(r"^(-{3,}|={3,})\s*$", lines[i + 1]):
        return (2 if lines[i + 1][0] == "-" else 1), 2
    return None, 0

def span(lines, heading):
    """[start, end) of the section whose heading line is `heading`."""
    idx = [i for i, l in enumerate(lines) if l == heading]
    assert len(idx) == 1, (heading, idx)
    s = idx[0]
    lvl, _ = heading_level(lines, s)
    assert lvl, heading
    fence = False
    for j in range(s + 1, len(lines)):
        if lines[j].startswith("```"):
            fence = not fence
        if fence:
            continue
        l2, _ = heading_level(lines, j)
        if l2 and l2 <= lvl:
            return s, j
    return s, len(lines)

def apply(text, op):
    """Return (new_text, first_line, last_line) of the flaw in the new text."""
    lines = text.split("\n")
    kind = op[0]
    if kind == "delete":
        s, e = span(lines, op[1])
        new = lines[:s] + lines[e:]
        return "\n".join(new), s + 1, s + 1
    if kind == "body":
        s, e = span(lines, op[1])
        _, hl = heading_level(lines, s)
        body = [""] + (op[2].split("\n") + [""] if op[2] else [])
        new = lines[:s + hl] + body + lines[e:]
        return "\n".join(new), s + 1, s + hl + len(body)
    if kind == "replace":
        old, newt = op[1], op[2]
        assert text.count(old) == 1, ("replace", old[:40], text.count(old))
        pos = text.index(old)
        line = text[:pos].count("\n") + 1
        t = text.replace(old, newt)
        return t, line, line + max(newt.count("\n"), 0)
    if kind == "swap":
        a, b = span(lines, op[1]), span(lines, op[2])
        assert a[1] == b[0], "swap needs adjacent sections"
        A, B = lines[a[0]:a[1]], lines[b[0]:b[1]]
        new = lines[:a[0]] + B + A + lines[b[1]:]
        return "\n".join(new), a[0] + 1, a[0] + len(B) + 1
    if kind == "dup":
        s, e = span(lines, op[1])
        copy = [op[2]] + lines[s + 1:e]
        # pasted again after the next section
        ns, ne = span(lines, lines[e]) if e < len(lines) else (e, e)
        new = lines[:ne] + copy + lines[ne:]
        return "\n".join(new), ne + 1, ne + 1
    if kind == "rename":
        s, e = span(lines, op[1])
        lines[s] = op[2]
        return "\n".join(lines), s + 1, s + 1
    raise ValueError(kind)

NO_MON = {
    "fraud": "No monitoring is planned for the first version; the fraud analysts will notice problems in their weekly review.",
    "search": "We do not plan dashboards or alerts for this launch. Search quality issues will come in through user feedback as they do today.",
    "forecast": "Monitoring: none for the pilot.",
    "moderation": "There is no separate monitoring for the classifier; the gateway's existing health check covers it.",
    "eta": "Monitoring is out of scope for this design and will be handled by the platform team later.",
    "llm": "No dashboards or alerts are planned until the pilot is over.",
}

# per flaw type: the rules of pack.json that should report it
EXPECT = {
    "delete-section": "missing-section",
    "empty-body": "empty-section|missing-section|section-empty",
    "placeholder-body": "placeholder|empty-section|section-empty",
    "template-prompt": "template-prompt|placeholder|empty-section|section-empty",
    "latency-no-number": "latency-target",
    "latency-no-percentile": "latency-target",
    "online-metrics-removed": "missing-metrics",
    "fallback-removed": "missing-fallback",
    "monitoring-negated": "missing-monitoring|section-empty|empty-section",
    "rollback-removed": "missing-rollback",
    "sections-swapped": "section-order",
    "section-duplicated": "duplicate-section",
    "heading-misspelled": "missing-section",
    "label-placeholder": "placeholder",
}

SPECS = {
 "fraud": {
  "delete-section": ("Non-Goals", ("delete", "## 4. Non-Goals")),
  "empty-body": ("Evaluation Plan", ("body", "## 10. Evaluation Plan", "")),
  "placeholder-body": ("Features", ("body", "## 8. Features", "TBD")),
  "template-prompt": ("Features", ("body", "## 8. Features", "Describe the main feature groups and how they are computed online and offline.")),
  "latency-no-number": ("Requirements", ("replace", "the latency budget is strict: p99 latency of the scoring call must stay under 40 ms, p50 under 12 ms, measured at the decision service.", "the scoring call must have low latency, measured at the decision service.")),
  "latency-no-percentile": ("Requirements", ("replace", "p99 latency of the scoring call must stay under 40 ms, p50 under 12 ms, measured", "latency of the scoring call must stay under 40 ms, measured")),
  "online-metrics-removed": ("Success Metrics", ("body", "### Online metrics", None)),
  "fallback-removed": ("System Architecture & Serving", ("replace", "**Fallback.** If the scoring call times out (35 ms deadline) or errors, the decision service falls back to the existing rules engine, which stays deployed and warm. The fallback rate is itself a monitored signal.\n\n", "")),
  "monitoring-negated": ("Monitoring & Alerting", ("body", "## 12. Monitoring & Alerting", NO_MON["fraud"])),
  "rollback-removed": ("Rollout Plan", ("replace", "\n\nRollback is a configuration flag in the decision service that routes all traffic back to the rules engine; it takes effect within a minute and is rehearsed during the shadow phase.", "")),
  "sections-swapped": ("Data", ("swap", "## 7. Data", "## 8. Features")),
  "section-duplicated": ("Success Metrics", ("dup", "## 6. Success Metrics", "## 6. Success Metrics")),
  "heading-misspelled": ("Success Metrics", ("rename", "## 6. Success Metrics", "## 6. Sucess Metrics")),
  "label-placeholder": ("(metadata)", ("replace", "**Owner**: Priya Natarajan", "**Owner**: [NO INFO]")),
 },
 "search": {
  "delete-section": ("Evaluation Plan", ("delete", "## Evaluation Plan")),
  "empty-body": ("Features", ("body", "## Features", "")),
  "placeholder-body": ("Risks & Open Questions", ("body", "## Risks & Open Questions", "TODO: fill in")),
  "template-prompt": ("Evaluation Plan", ("body", "## Evaluation Plan", "How will the model be validated before launch (datasets, slices, thresholds)?")),
  "latency-no-number": ("Requirements", ("replace", "- Latency: the ranking step must add at most 25 ms at p95 and 45 ms at p99 to the search request.", "- Latency: the ranking step must not noticeably slow down the search request.")),
  "latency-no-percentile": ("Requirements", ("replace", "add at most 25 ms at p95 and 45 ms at p99 to", "add at most 45 ms to")),
  "online-metrics-removed": ("Success Metrics", ("replace", "\n\n**Online.** Purchases per search session (primary), click-through rate on the first page, and the share of sessions that end with no click (\"abandonment\"). Guardrails: revenue per session must not drop and the seven-day new-listing impression share must not shrink.", "")),
  "fallback-removed": ("System Architecture & Serving", ("replace", "If the ranking service does not answer within 40 ms, or the feature lookup fails, the search API falls back to the current formula order, which it already computes. A circuit breaker keeps the fallback in place for 30 seconds after repeated failures.\n\n", "")),
  "monitoring-negated": ("Monitoring & Alerting", ("body", "## Monitoring & Alerting", NO_MON["search"])),
  "rollback-removed": ("Rollout Plan", ("replace", " Rollback is a feature flag that switches the search API back to formula ordering; it takes effect on the next request.", "")),
  "sections-swapped": ("Evaluation Plan", ("swap", "## Evaluation Plan", "## Serving")),
  "section-duplicated": ("Requirements", ("dup", "## Requirements", "## Requirements")),
  "heading-misspelled": ("Requirements", ("rename", "## Requirements", "## Requirments")),
  "label-placeholder": ("Success Metrics", ("replace", "**Offline.** NDCG@10 computed on purchase-weighted relevance labels (purchase = 3, add-to-cart = 2, click = 1) from a held-out week. We also track MRR of the first purchased item.", "**Offline.** [NO INFO]")),
 },
 "forecast": {
  "delete-section": ("Features", ("delete", "## Features")),
  "empty-body": ("Risks & Open Questions", ("body", "## Risks & Open Questions", "")),
  "placeholder-body": ("Evaluation Plan", ("body", "## Evaluation Plan", "TBD")),
  "template-prompt": ("Data", ("replace", "- **Sources**: point-of-sale transactions (3 years, daily aggregates), store inventory snapshots, promotion calendar, public holiday calendar, and a weather forecast feed bought from a commercial provider.", "- **Sources**: Where the training and serving data come from.")),
  "latency-no-number": ("Requirements", ("replace", "That lookup must answer with p95 latency under 150 ms; it is", "That lookup must answer with low latency; it is")),
  "latency-no-percentile": ("Requirements", ("replace", "That lookup must answer with p95 latency under 150 ms; it is", "That lookup must answer with latency under 150 ms; it is")),
  "online-metrics-removed": ("Success Metrics", ("replace", "\n\n*Online*: waste as a share of produce sales value, closing-time out-of-stock rate from store audits, and the manual override rate. These are business metrics we compare between pilot and control stores.", "")),
  "fallback-removed": ("System Architecture & Serving", ("replace", "\n\nIf the forecast job fails or is late, replenishment falls back to the previous night's forecast shifted by one day, and if that is older than two days, to the moving average it uses today. The fallback is automatic and logged.", "")),
  "monitoring-negated": ("Monitoring & Alerting", ("body", "## Monitoring & Alerting", NO_MON["forecast"])),
  "rollback-removed": ("Rollout Plan", ("replace", "\n\nRollback: a switch in the replenishment configuration selects the moving average again for any set of stores; it takes effect at the next nightly run.", "")),
  "sections-swapped": ("Monitoring & Alerting", ("swap", "## Monitoring & Alerting", "## Deployment Plan")),
  "section-duplicated": ("Goals", ("dup", "## Goals", "## Goals")),
  "heading-misspelled": ("Non-Goals", ("rename", "## Non-Goals", "## Non-Gaols")),
  "label-placeholder": ("Data", ("replace", "- **Privacy**: only aggregated sales are used; no customer-level or loyalty data enters the pipeline, so there is no PII to protect beyond our normal data access controls.", "- **Privacy**: [NO INFO]")),
 },
 "moderation": {
  "delete-section": ("Rollout Plan", ("delete", "## Launch Plan")),
  "empty-body": ("Features", ("body", "## Features", "")),
  "placeholder-body": ("Non-Goals", ("body", "## Out of Scope", "TBD.")),
  "template-prompt": ("Monitoring & Alerting", ("body", "## Observability", "What is monitored, what triggers an alert, and who is paged?")),
  "latency-no-number": ("Requirements", ("replace", "The p99 end-to-end latency of the scoring call must be under 120 ms on GPU serving; p50 under 35 ms.", "The scoring call must be fast enough that posting does not feel slow.")),
  "latency-no-percentile": ("Requirements", ("replace", "The p99 end-to-end latency of the scoring call must be under 120 ms on GPU serving; p50 under 35 ms.", "The end-to-end latency of the scoring call must be under 120 ms on GPU serving.")),
  "online-metrics-removed": ("Success Metrics", ("replace", "\n\nOnline we track the share of removed comments caught before any user report (proactive rate), the rate of successful appeals against hidden comments, moderator queue age, and user reports per 10,000 comment views.", "")),
  "fallback-removed": ("System Architecture & Serving", ("replace", "\n\nIf the classifier is slow (deadline 150 ms) or unavailable, the gateway falls back to the keyword filter and publishes, then re-scores the comment asynchronously when the classifier is back.", "")),
  "monitoring-negated": ("Monitoring & Alerting", ("body", "## Observability", NO_MON["moderation"])),
  "rollback-removed": ("Rollout Plan", ("replace", "\n\nRollback is per language: a flag in the gateway config returns that language to the keyword filter within five minutes.", "")),
  "sections-swapped": ("Summary", ("swap", "## TL;DR", "## Problem Statement")),
  "section-duplicated": ("Features", ("dup", "## Features", "## Features")),
  "heading-misspelled": ("Goals", ("rename", "## Objectives", "## Obejctives")),
  "label-placeholder": ("(metadata)", ("replace", "- **Owner**: Aisha Bello", "- **Owner**: [NO INFO]")),
 },
 "eta": {
  "delete-section": ("Risks & Open Questions", ("delete", "## 13) Risks and Open Questions")),
  "empty-body": ("Data", ("body", "## 6) Data", "")),
  "placeholder-body": ("Features", ("body", "## 7) Features", "To be written.")),
  "template-prompt": ("Non-Goals", ("body", "### Non-goals", "List what is explicitly out of scope.")),
  "latency-no-number": ("Requirements", ("replace", "so the service needs a p99 latency below 60 ms and p50 below 20 ms at 9,000", "so the service needs low latency at 9,000")),
  "latency-no-percentile": ("Requirements", ("replace", "so the service needs a p99 latency below 60 ms and p50 below 20 ms at 9,000", "so the service needs a latency below 60 ms at 9,000")),
  "online-metrics-removed": ("Success Metrics", ("replace", "| Online | share of orders >10 min late | −33% |\n| Online | checkout conversion | no drop (guardrail) |\n| Online | late-order support contacts per 1,000 orders | −15% |\n", "")),
  "fallback-removed": ("System Architecture & Serving", ("replace", "\n\nFallback path: if the model or the feature store does not answer within 40 ms, the service returns the current formula estimate, which it computes in parallel on every request. Order tracking keeps showing the last estimate it received.", "")),
  "monitoring-negated": ("Monitoring & Alerting", ("body", "## 11) Monitoring & Alerting", NO_MON["eta"])),
  "rollback-removed": ("Rollout Plan", ("replace", "\n\nThe rollback plan is a remote config switch per city that returns the formula estimate; on-call can flip it without a deploy.", "")),
  "sections-swapped": ("Modeling Approach", ("swap", "## 8) Modeling", "## 9) Evaluation Plan")),
  "section-duplicated": ("Data", ("dup", "## 6) Data", "## 6) Data")),
  "heading-misspelled": ("Monitoring & Alerting", ("rename", "## 11) Monitoring & Alerting", "## 11) Monitorng & Alerting")),
  "label-placeholder": ("Modeling Approach", ("replace", "Baseline: the current formula (average preparation time + routing engine time).", "Baseline: [NO INFO]")),
 },
 "llm": {
  "delete-section": ("Summary", ("delete", "# Overview")),
  "empty-body": ("Evaluation Plan", ("body", "# Evaluation", "")),
  "placeholder-body": ("Features", ("body", "# Features (inputs to the model)", "N/A")),
  "template-prompt": ("Success Metrics", ("body", "## Offline metrics", "Which offline metrics decide whether the model is good enough?")),
  "latency-no-number": ("Requirements", ("replace", "Time to first token must be under 1.5 s at p90, and the complete draft must arrive with p95 latency under 6 s.", "The first tokens and the complete draft must arrive with low latency.")),
  "latency-no-percentile": ("Requirements", ("replace", "Time to first token must be under 1.5 s at p90, and the complete draft must arrive with p95 latency under 6 s.", "Time to first token must be under 1.5 s, and the complete draft must arrive with a latency under 6 s.")),
  "online-metrics-removed": ("Success Metrics", ("body", "## Online metrics", None)),
  "fallback-removed": ("System Architecture & Serving", ("replace", "If the LLM provider errors or exceeds 10 s, the service shows the top retrieved articles instead of a draft, so the agent keeps a useful starting point. A secondary provider is configured for longer outages.\n\n", "")),
  "monitoring-negated": ("Monitoring & Alerting", ("body", "# Monitoring", NO_MON["llm"])),
  "rollback-removed": ("Rollout Plan", ("replace", " Rollback is a feature flag in the support tool that hides the assistant immediately.", "")),
  "sections-swapped": ("Rollout Plan", ("swap", "# Rollout Plan", "# Risks and Open Questions")),
  "section-duplicated": ("Goals", ("dup", "# Goals", "# Goals")),
  "heading-misspelled": ("Rollout Plan", ("rename", "# Rollout Plan", "# Rollout Plna")),
  "label-placeholder": ("Modeling Approach", ("replace", "**Baseline.** Agents with the help-center search as today; and, as a model baseline, the hackathon prototype (no retrieval, generic prompt).", "**Baseline.** [NO INFO]")),
 },
}

def main():
    os.makedirs(FLAWED, exist_ok=True)
    rows = ["file\tflaw\texpect\tsection\tline_from\tline_to\tclean"]
    for doc, flaws in SPECS.items():
        text = open(os.path.join(CLEAN, doc + ".md"), encoding="utf-8").read()
        for flaw, (section, op) in flaws.items():
            if op[0] == "body" and op[2] is None:   # remove a subsection whole
                new, a, b = apply(text, ("delete", op[1]))
            else:
                new, a, b = apply(text, op)
            assert new != text, (doc, flaw)
            name = f"{doc}__{flaw}.md"
            open(os.path.join(FLAWED, name), "w", encoding="utf-8").write(new)
            rows.append("\t".join([name, flaw, EXPECT[flaw], section, str(a), str(b), doc + ".md"]))
    open(os.path.join(OUT, "truth.tsv"), "w").write("\n".join(rows) + "\n")
    print(len(rows) - 1, "flawed files")

if __name__ == "__main__":
    main()
