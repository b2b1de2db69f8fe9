#!/usr/bin/env python3
"""Generate a large Markdown design document for the benchmark.

Usage: gen.py SIZE SEED OUT

SIZE is a byte count, optionally with a K, M or G suffix (decimal: 10M is
10,000,000 bytes). The document is a YAML front matter block, a title, then
one design after another until SIZE is reached (the file ends on a block
boundary, at most SIZE bytes). Each design follows the ML System Design
template with headings at several levels, section names sometimes renamed,
numbered, decorated or misspelt, and bodies made of paragraphs, nested lists,
tables, fenced code, HTML comments, block quotes, link definitions,
placeholders (TBD, TODO, <fill in>) and latency mentions, with and without
numbers. The same SIZE and SEED always give the same bytes.
"""

import random
import sys

# Template sections: (title, renamings seen in real documents, topics).
SECTIONS = [
    ("Problem Formulation",
     ["Problem Statement", "Background", "Motivation", "Goals", "Use Cases",
      "Requirements", "Problem and Goals"],
     ["Use Case", "Business Objective", "Key Constraints",
      "Clarifying Assumptions"]),
    ("Success Metrics",
     ["Metrics", "Evaluation Metrics", "KPIs", "Success Criteria",
      "Offline and Online Metrics", "Sucess Metrics"],
     ["Offline Metrics", "Online Metrics"]),
    ("System Architecture",
     ["High-Level Design", "Architecture Overview", "Proposed Design",
      "Technical Design", "System Overview", "Architechture"],
     ["Client-side Logic", "Inference API", "Fallback/Heuristics"]),
    ("Data and Labeling",
     ["Data", "Training Data", "Data Pipeline", "Labels", "Datasets",
      "Data Collection and Preparation"],
     ["Data Sources", "Label Strategy", "Augmentation"]),
    ("Features",
     ["Feature Engineering", "Signals", "Feature Set", "Featurs"],
     ["User Features", "Item/Context Features", "Interaction Features"]),
    ("Model Design",
     ["Model", "Modeling", "Model Architecture", "Model Selection",
      "Model Training", "Model Desgin"],
     ["Objective", "Model Type", "Serving Format", "Training Considerations"]),
    ("Prediction and Ranking",
     ["Inference", "Serving", "Ranking", "Prediction Service",
      "Retrieval and Ranking"],
     ["Score Computation", "Re-ranking and Diversity",
      "Caching, Thresholding and Filtering"]),
    ("Feedback, Monitoring, and Deployment",
     ["Monitoring", "Deployment", "Rollout Plan", "Online Testing and Deployment",
      "Scaling, Monitoring, and Updates", "Observability"],
     ["User Feedback Logging", "Monitoring", "Deployment Strategy"]),
]

EXTRA_SECTIONS = ["Open Questions", "Alternatives Considered", "Risks",
                  "Appendix", "References", "Glossary", "Timeline"]

PRODUCTS = ["smart reply", "fraud scoring", "feed ranking", "search autocomplete",
            "ETA prediction", "churn prediction", "ad click prediction",
            "image moderation", "people you may know", "video recommendations",
            "spam filtering", "query understanding", "price suggestions"]

NOUNS = ["model", "pipeline", "feature store", "ranker", "candidate set",
         "embedding", "label", "request", "user", "session", "cache", "shard",
         "service", "batch job", "dashboard", "threshold", "experiment",
         "rollout", "traffic", "index", "queue", "schema", "payload", "team",
         "baseline", "holdout", "cohort", "region", "replica", "alert"]
VERBS = ["reads", "writes", "scores", "filters", "ranks", "logs", "retries",
         "caches", "samples", "joins", "aggregates", "publishes", "validates",
         "exports", "refreshes", "monitors", "throttles", "re-trains", "serves"]
ADJS = ["nightly", "online", "offline", "stale", "sparse", "dense", "cold-start",
        "regional", "calibrated", "noisy", "hourly", "incremental", "shadow",
        "canary", "deterministic", "high-recall", "low-latency", "multilingual"]
TAILS = ["before the request times out", "for every active user",
         "within the agreed budget", "during the A/B test",
         "when the upstream service is down", "as described in the RFC",
         "on the held-out week", "without touching PII",
         "in the EU region only", "à la carte — per tenant",
         "for the “long tail” of queries", "unless the flag is off"]

LATENCY = ["P99 latency < 150 ms at the API gateway",
           "p95 under 50 ms for the scoring call",
           "median latency of 20 ms and P99.9 below 300 ms",
           "latency should be low",
           "the latency budget is 200 ms",
           "end-to-end latency stays reasonable under load",
           "tail latency (P99) must stay below 80 ms"]

PLACEHOLDERS = ["TBD", "TODO: confirm with the data team", "FIXME",
                "<fill in>", "XXX", "lorem ipsum dolor sit amet", "TBD."]

NUMBERINGS = ["{n}. {t}", "{n}) {t}", "Step {n} - {t}", "Part {n}: {t}",
              "{r}. {t}", "{n}.{m} {t}", "**{t}**", "{t}:", "{t}"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

CODE = [
    ("python", "def score(request, model):\n    features = fetch(request.user_id)\n"
               "    if features is None:\n        return FALLBACK\n"
               "    return model.predict(features)[0]\n"),
    ("yaml", "serving:\n  replicas: 12\n  timeout_ms: 150\n  fallback: popular_items\n"
             "monitoring:\n  alerts: [p99_latency, error_rate]\n"),
    ("json", "{\n  \"model\": \"gbdt-v3\",\n  \"threshold\": 0.42,\n"
             "  \"features\": [\"tenure\", \"plan\", \"clicks_7d\"]\n}\n"),
    ("sql", "SELECT user_id, COUNT(*) AS clicks_7d\nFROM events\n"
            "WHERE ts > now() - interval '7 days'\nGROUP BY user_id;\n"),
    ("", "## Not a heading: this line is inside a code block\n"
         "* neither is this list item\n"),
]


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        r = self.rng
        # A pool of sentences keeps generation fast for 100 MB documents.
        self.sentences = []
        for _ in range(3000):
            s = "The {a} {n} {v} the {n2} {t}".format(
                a=r.choice(ADJS), n=r.choice(NOUNS), v=r.choice(VERBS),
                n2=r.choice(NOUNS), t=r.choice(TAILS))
            k = r.random()
            if k < 0.08:
                s += ", with *{}* and `{}`".format(r.choice(ADJS),
                                                   r.choice(NOUNS).replace(" ", "_"))
            elif k < 0.12:
                s += " ([details](https://example.com/{}))".format(r.randrange(10**6))
            elif k < 0.15:
                s += "; see [{}][ref-{}]".format(r.choice(NOUNS), r.randrange(50))
            elif k < 0.18:
                s += " **{}**".format(r.choice(ADJS))
            self.sentences.append(s + ".")
        self.doc_no = 0

    def sentence(self):
        return self.rng.choice(self.sentences)

    def paragraph(self, lo=2, hi=6):
        r = self.rng
        words = [self.sentence() for _ in range(r.randint(lo, hi))]
        k = r.random()
        if k < 0.10:
            words.insert(r.randrange(len(words) + 1), r.choice(PLACEHOLDERS))
        elif k < 0.22:
            words.append("Target: " + r.choice(LATENCY) + ".")
        # Wrap at about 78 columns, as people do.
        out, line = [], ""
        for w in " ".join(words).split(" "):
            if line and len(line) + len(w) > 77:
                out.append(line)
                line = w
            else:
                line = line + " " + w if line else w
        out.append(line)
        return "\n".join(out) + "\n"

    def bullet_list(self, labels=None):
        r = self.rng
        mark = r.choice(["*", "-", "+", "1."])
        lines = []
        items = labels or [None] * r.randint(2, 6)
        for i, label in enumerate(items):
            m = "{}.".format(i + 1) if mark == "1." else mark
            text = self.sentence()
            if label:
                style = r.random()
                if style < 0.6:
                    text = "**{}**: {}".format(label, text)
                elif style < 0.9:
                    text = "{}: {}".format(label, text)
                else:
                    text = label
            lines.append("{} {}".format(m, text))
            if r.random() < 0.25:
                for _ in range(r.randint(1, 3)):
                    lines.append("    - " + self.sentence())
                    if r.random() < 0.2:
                        lines.append("        - " + r.choice(PLACEHOLDERS + LATENCY))
        return "\n".join(lines) + "\n"

    def table(self):
        r = self.rng
        cols = r.randint(3, 5)
        head = ["metric", "target", "owner", "notes", "status"][:cols]
        rows = ["| " + " | ".join(head) + " |",
                "|" + "|".join(["---"] * cols) + "|"]
        for _ in range(r.randint(3, 8)):
            cells = [r.choice(NOUNS), r.choice(["P99 < 150 ms", "0.42", "≥ 20%",
                                                "TBD", "n/a", "30 days"]),
                     "@" + r.choice(["ana", "bo", "chen", "dev", "eli"]),
                     r.choice(ADJS), r.choice(["done", "open", "TODO"])][:cols]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows) + "\n"

    def code(self):
        lang, body = self.rng.choice(CODE)
        fence = self.rng.choice(["```", "~~~"])
        return "{}{}\n{}{}\n".format(fence, lang, body, fence)

    def block(self, topics=()):
        r = self.rng
        k = r.random()
        if k < 0.45:
            return self.paragraph()
        if k < 0.65:
            return self.bullet_list(list(topics) if topics and r.random() < 0.5 else None)
        if k < 0.73:
            return self.table()
        if k < 0.83:
            return self.code()
        if k < 0.89:
            return "<!-- {} -->\n".format(r.choice(PLACEHOLDERS + ["reviewers: add notes here"]))
        if k < 0.94:
            return "> " + self.sentence() + "\n> " + self.sentence() + "\n"
        if k < 0.97:
            return "[ref-{}]: https://example.com/ref/{}\n".format(
                r.randrange(50), r.randrange(10**6))
        return "---\n"

    def heading(self, level, title, n):
        r = self.rng
        fmt = r.choice(NUMBERINGS)
        text = fmt.format(n=n, m=r.randint(1, 4), r=ROMAN[(n - 1) % 10], t=title)
        if level <= 2 and r.random() < 0.05:
            return "{}\n{}\n".format(text, "=" if level == 1 else "-" * len(text))
        return "#" * level + " " + text + "\n"

    def design(self):
        r = self.rng
        self.doc_no += 1
        base = r.choice([2, 2, 2, 3])
        out = []
        if base == 3:
            out.append("## {} design #{}\n".format(r.choice(PRODUCTS).capitalize(),
                                                   self.doc_no))
            out.append(self.paragraph(1, 3))
        n = 0
        for title, renames, topics in SECTIONS:
            if r.random() < 0.07:
                continue  # a missing section
            n += 1
            name = title if r.random() < 0.6 else r.choice(renames)
            out.append(self.heading(base, name, n))
            if r.random() < 0.05:
                continue  # an empty section
            if r.random() < 0.5:
                # Topics as subheadings, at one or two levels below.
                for i, t in enumerate(topics):
                    if r.random() < 0.15:
                        continue
                    out.append(self.heading(min(base + 1, 6), t, i + 1))
                    for _ in range(r.randint(1, 3)):
                        out.append(self.block())
                    if r.random() < 0.2:
                        out.append("#" * min(base + 2, 6) + " Notes\n")
                        out.append(self.block())
            else:
                for _ in range(r.randint(1, 5)):
                    out.append(self.block(topics))
        if r.random() < 0.4:
            out.append(self.heading(base, r.choice(EXTRA_SECTIONS), n + 1))
            out.append(self.block())
        return "\n".join(out) + "\n"


def parse_size(text):
    mult = {"K": 10**3, "M": 10**6, "G": 10**9}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in mult:
        return int(float(text[:-1]) * mult[text[-1]])
    return int(text)


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: gen.py SIZE SEED OUT\n")
        return 2
    size, seed, out = parse_size(argv[1]), int(argv[2]), argv[3]
    gen = Gen(seed)
    head = ("---\ntitle: {} platform design\nowner: ml-platform\nstatus: draft\n"
            "seed: {}\n---\n\n# {} platform: design documents\n\n".format(
                gen.rng.choice(PRODUCTS).capitalize(), seed,
                gen.rng.choice(PRODUCTS).capitalize())).encode()
    total = 0
    with open(out, "wb") as f:
        if len(head) <= size:
            f.write(head)
            total = len(head)
        while True:
            chunk = gen.design().encode()
            if total + len(chunk) > size:
                # Fill the rest with whole paragraphs, so the size is close.
                while True:
                    para = (gen.paragraph(1, 2) + "\n").encode()
                    if total + len(para) > size:
                        break
                    f.write(para)
                    total += len(para)
                break
            f.write(chunk)
            total += len(chunk)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
