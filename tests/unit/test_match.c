/* Matching real-world headings against the built-in ML pack: renamed,
 * decorated and split sections, near misses, and topics found outside their
 * section. Each case comes from a document of ../shared/corpus. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

static ddlint_pack *S_ml(void) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_builtin("ml-system-design", &err);
  t_check(pk != NULL, __FILE__, __LINE__, "built-in pack: %s", err ? err : "");
  free(err);
  return pk;
}

static size_t S_section(const ddlint_result *r, const char *id) {
  for (size_t s = 0; s < ddlint_result_section_count(r); s++)
    if (strcmp(ddlint_coverage_section_id(r, s), id) == 0)
      return s;
  return SIZE_MAX;
}

/* Line of the heading matched to section id, 0 when missing. */
static unsigned S_line(const ddlint_pack *pk, const char *md, const char *id) {
  ddlint_result *r = ddlint_lint_buffer(pk, "doc.md", md, strlen(md));
  size_t s = S_section(r, id);
  unsigned line = s == SIZE_MAX ? 0 : ddlint_coverage_section_line(r, s);
  ddlint_result_free(r);
  return line;
}

/* Line of the evidence of topic `topic` of section `id`, 0 when missing. */
static unsigned S_topic_line(const ddlint_pack *pk, const char *md,
                             const char *id, const char *topic) {
  ddlint_result *r = ddlint_lint_buffer(pk, "doc.md", md, strlen(md));
  size_t s = S_section(r, id);
  unsigned line = 0;
  for (size_t t = 0; s != SIZE_MAX && t < ddlint_coverage_topic_count(r, s);
       t++)
    if (strcmp(ddlint_coverage_topic_id(r, s, t), topic) == 0)
      line = ddlint_coverage_topic_line(r, s, t);
  ddlint_result_free(r);
  return line;
}

static void test_renamed_headings_match(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  /* words of one alias that are near another alias's words are not typos */
  CHECK_INT(S_line(pk, "# T\n\n## 3. High Level Architecture Overview\n\nx\n",
                   "architecture"),
            3);
  CHECK_INT(S_line(pk, "# T\n\n## 4. Training Data and Labels\n\nx\n", "data"),
            3);
  CHECK_INT(S_line(pk, "# T\n\n## 6. Model Architecture and Training\n\nx\n",
                   "model"),
            3);
  CHECK_INT(S_line(pk, "# T\n\n## Data Labeling Pipeline\n\nx\n", "data"), 3);
  CHECK_INT(S_line(pk, "# T\n\n## 2) Metrics (Offline and Online)\n\nx\n",
                   "success-metrics"),
            3);
  /* a verb after its subject ends the head phrase: "How the planner
   * works" is about the planner (Prediction and Ranking's alias) */
  CHECK_INT(S_line(pk, "# T\n\n## How the planner works\n\nx\n",
                   "prediction"),
            3);
  /* typos are near misses, not matches */
  CHECK_INT(S_line(pk, "# T\n\n## Sucess Metrix\n\nx\n", "success-metrics"), 0);
  CHECK_INT(S_line(pk, "# T\n\n## Model Desgin\n\nx\n", "model"), 0);
  ddlint_pack_free(pk);
}

static void test_split_section(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  /* mlsd-ads-ranking: monitoring lives in the second of two headings */
  const char *md = "# T\n\n### 8. Online Testing and Deployment\n* A/B Test\n\n"
                   "### 9. Scaling, Monitoring, and Updates\n* Monitoring\n";
  CHECK_INT(S_line(pk, md, "monitoring"), 3);
  /* a bare template bullet ("* Monitoring") is not coverage */
  CHECK_INT(S_topic_line(pk, md, "monitoring", "monitoring"), 0);
  md = "# T\n\n### 8. Online Testing and Deployment\n* A/B Test\n\n"
       "### 9. Scaling, Monitoring, and Updates\n"
       "* We alert on prediction drift weekly\n";
  CHECK_INT(S_topic_line(pk, md, "monitoring", "monitoring"), 7);
  ddlint_pack_free(pk);
}

static void test_topic_elsewhere(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  /* mlsd-event-recom: "ML Objective" is stated under Problem Formulation */
  const char *md = "# T\n\n## 1. Problem Formulation\n\n* ML Objective: rank "
                   "events\n\n## 6. Model Design\n\nA GBDT.\n";
  CHECK_INT(S_topic_line(pk, md, "model", "objective"), 5);
  ddlint_pack_free(pk);
}

/* A topic's local_patterns cover it inside its section only: elsewhere in
 * the document the same word is found by its other patterns or not at all */
static void test_topic_local_patterns(void) {
  ddlint_pack *pk = PACK(
      "{\"name\": \"l\", \"rules\": [], \"sections\": [\n"
      "  {\"id\": \"intro\", \"title\": \"Intro\", \"evidence\": "
      "[\"\\\\bgoal\\\\b\"]},\n"
      "  {\"id\": \"ops\", \"title\": \"Operations\", \"evidence\": "
      "[\"\\\\balert\\\\b\"], \"topics\": [\n"
      "    {\"id\": \"rollout\", \"title\": \"Rollout\", \"patterns\": "
      "[\"\\\\bcanary\\\\b\"], \"local_patterns\": "
      "[\"\\\\bdeploy\\\\b\"]}]}]}");
  if (!pk)
    return;
  CHECK_INT(pk->sections[1].topics[0].npatterns, 2);
  CHECK(!pk->sections[1].topics[0].patterns[0].local);
  CHECK(pk->sections[1].topics[0].patterns[1].local);
  /* in the section: found */
  CHECK_INT(S_topic_line(pk,
                         "# T\n\n## Intro\n\nThe goal.\n\n## Operations\n\n"
                         "We alert, and deploy weekly.\n",
                         "ops", "rollout"),
            9);
  /* elsewhere: a local word is not enough, another pattern is */
  CHECK_INT(S_topic_line(pk,
                         "# T\n\n## Intro\n\nThe goal: deploy it.\n\n"
                         "## Operations\n\nWe alert.\n",
                         "ops", "rollout"),
            0);
  CHECK_INT(S_topic_line(pk,
                         "# T\n\n## Intro\n\nThe goal: a canary.\n\n"
                         "## Operations\n\nWe alert.\n",
                         "ops", "rollout"),
            5);
  ddlint_pack_free(pk);
}

/* A topic's target_rows: a list item or table row of the section that
 * states a target and names no other topic of it covers the topic; not
 * under a lead-in or subheading that unless names, not in a quote, not in
 * a section found by its content alone */
static void test_topic_target_rows(void) {
  ddlint_pack *pk = PACK(
      "{\"name\": \"r\", \"rules\": [], \"sections\": [\n"
      "  {\"id\": \"intro\", \"title\": \"Intro\"},\n"
      "  {\"id\": \"goals\", \"title\": \"Goals\", \"topics\": [\n"
      "    {\"id\": \"quality\", \"title\": \"Quality\", \"patterns\": "
      "[\"\\\\bprecision\\\\b\"]},\n"
      "    {\"id\": \"outcome\", \"title\": \"Outcome\", \"patterns\": "
      "[\"\\\\brevenue\\\\b\"], \"target_rows\": {\"patterns\": "
      "[\"\\\\bbelow \\\\d+%\"], \"unless\": [\"\\\\bbacktest\\\\b\"]}}]}]}");
  if (!pk)
    return;
  CHECK_INT(pk->sections[1].topics[1].nrows, 1);
  CHECK_INT(pk->sections[1].topics[1].nunless, 1);
  const char *head = "# T\n\n## Intro\n\nWhy.\n\n## Goals\n\n";
  char md[512];
  /* a list item with a target: line 9 */
  snprintf(md, sizeof md, "%s- Re-route rate below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 9);
  /* a table row, under its header row */
  snprintf(md, sizeof md, "%s| metric | goal |\n|---|---|\n| misses | below "
           "4%% |\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 11);
  /* the row names the other topic: it is that topic's */
  snprintf(md, sizeof md, "%s- Precision below 5%% worse.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 0);
  /* prose is no row; unless in the row, in its lead-in, in a subheading */
  snprintf(md, sizeof md, "%sRe-route rate below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 0);
  snprintf(md, sizeof md, "%s- Backtest misses below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 0);
  snprintf(md, sizeof md, "%sOn the backtest:\n\n- Misses below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 0);
  snprintf(md, sizeof md, "%s### Backtest\n\n- Misses below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 0);
  /* ... but not in the part's own heading */
  CHECK_INT(S_topic_line(pk,
                         "# T\n\n## Intro\n\nWhy.\n\n## Goals (backtest and "
                         "live)\n\n- Misses below 5%.\n",
                         "goals", "outcome"),
            9);
  /* a quoted row is someone else's */
  snprintf(md, sizeof md, "%s> - Misses below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "goals", "outcome"), 0);
  ddlint_pack_free(pk);
}

/* The ML pack's online metrics in the author's words: a success-metrics
 * row with a target that names no offline metric, latency or offline test */
static void test_online_metric_rows(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  const char *head = "# Triage\n\n## Problem\n\nTickets wait in a queue.\n\n"
                     "## How we'd know it worked\n\n";
  char md[768];
  snprintf(md, sizeof md, "%s- Tickets sent back to triage below 5%%.\n"
           "- Top-1 accuracy 90%% on a held-out month.\n", head);
  CHECK_INT(S_topic_line(pk, md, "success-metrics", "online-metrics"), 9);
  snprintf(md, sizeof md, "%s| Measure | Target |\n|---|---|\n"
           "| Recordable accidents per million miles | −10%% |\n", head);
  CHECK_INT(S_topic_line(pk, md, "success-metrics", "online-metrics"), 11);
  /* latency, offline metrics and offline tests are not */
  snprintf(md, sizeof md, "%s- p95 response under 300 ms.\n"
           "- Precision above 90%%.\n- Backtest misses below 5%%.\n", head);
  CHECK_INT(S_topic_line(pk, md, "success-metrics", "online-metrics"), 0);
  /* nor a deadline, a table headed as a backtest, or rows checked before
   * launch */
  snprintf(md, sizeof md, "%s- Sign-off within 2 weeks of the pilot.\n"
           "\n| Month | Backtest misses |\n|---|---|\n| May | below 5%% |\n",
           head);
  CHECK_INT(S_topic_line(pk, md, "success-metrics", "online-metrics"), 0);
  snprintf(md, sizeof md, "%sBefore launch we check it on last year's "
           "tickets:\n\n- Fewer than 5%% sent back to triage.\n", head);
  CHECK_INT(S_topic_line(pk, md, "success-metrics", "online-metrics"), 0);
  ddlint_pack_free(pk);
}

/* A FAQ in its readers' questions: "What is <the title's subject>?" opens
 * the design (it is no definition of a field); "How do you know when a
 * hive swarmed?" asks how an event is told (labels), not whether it works;
 * "still being agreed" puts the success metrics off */
static void test_faq_questions(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  const char *faq =
      "# Swarm Warning: design FAQ\n\n"
      "### What is Swarm Warning?\n\n"
      "A notification that says a colony is likely to swarm in the next "
      "seven days, so that the beekeeper can inspect and split the hive "
      "first. A swarm costs a keeper half the bees and most of the season's "
      "honey, and swarms in gardens bring complaints.\n\n"
      "### How do you know when a hive swarmed?\n\n"
      "A swarm is labelled when the keeper reports it in the app, or when a "
      "scale hive loses 1.5 kg within an hour at midday with no inspection "
      "logged. The target is 1 if a swarm follows within seven days.\n\n"
      "### How will we know it's working?\n\n"
      "The success criteria are still being agreed with the association's "
      "working group. See issue #14.\n\n"
      "### Where does the model run?\n\n"
      "A daily batch job scores every hive at 18:00 and the alerts service "
      "sends a push notification through the app's API.\n";
  ddlint_result *r = ddlint_lint_buffer(pk, "faq.md", faq, strlen(faq));
  size_t s = S_section(r, "problem");
  CHECK_INT(s == SIZE_MAX ? 0 : ddlint_coverage_section_line(r, s), 3);
  s = S_section(r, "architecture");
  CHECK_INT(s == SIZE_MAX ? 0 : ddlint_coverage_section_line(r, s), 15);
  /* the metrics heading is the only part, and it only defers */
  CHECK_INT(diag_count_rule(r, "required-section-empty"), 1);
  CHECK_INT(diag_count_rule(r, "missing-section"), 3 /* features, model,
                                                       prediction */ + 1);
  ddlint_result_free(r);
  /* "when it's working" asks whether it works: the metrics' heading */
  CHECK_INT(S_line(pk,
                   "# Claims\n\n## Problem\n\nAdjusters code claims by "
                   "hand.\n\n## How will we know when it's working?\n\n"
                   "Top-3 accuracy above 90% and the share of suggestions "
                   "accepted above 60%.\n",
                   "success-metrics"),
            7);
  /* a title that only contains the word asks no question of its own:
   * "What are embeddings?" under "# Embeddings for product search" is a
   * definition */
  CHECK_INT(S_line(pk,
                   "# Embeddings for product search\n\n## What are "
                   "embeddings?\n\nAn embedding maps an item to a vector so "
                   "that similar items lie close together, which lets a "
                   "search engine compare queries and products by meaning "
                   "rather than by their words alone.\n",
                   "problem"),
            0);
  /* a deferral after a clause that states the metrics is no deferral */
  ddlint_result *r2 = ddlint_lint_buffer(
      pk, "m.md",
      "# Claims\n\n## Problem\n\nAdjusters code claims by hand and the "
      "backlog grows every Monday.\n\n## How will we know it works?\n\n"
      "We track median coding time per claim and top-3 recall; the exact "
      "targets are still being agreed with the claims team.\n",
      strlen("# Claims\n\n## Problem\n\nAdjusters code claims by hand and the "
             "backlog grows every Monday.\n\n## How will we know it works?\n\n"
             "We track median coding time per claim and top-3 recall; the exact "
             "targets are still being agreed with the claims team.\n"));
  CHECK_INT(diag_count_rule(r2, "required-section-empty"), 0);
  ddlint_result_free(r2);
  /* a definition of a field is still no opening: "What is a feature
   * store?" under a title that does not name it */
  CHECK_INT(S_line(pk,
                   "# Feature platforms\n\n### What is a feature store?\n\n"
                   "A feature store keeps the values that models read, so "
                   "that training and serving agree on them, and it saves "
                   "teams from writing the same pipelines again and again "
                   "for every model they build.\n",
                   "problem"),
            0);
  ddlint_pack_free(pk);
}

/* A label that denies its topic before naming it ("We will not A/B test
 * this: ...") names no strategy; one that denies something else, later,
 * or a need, still does */
static void test_label_denies_topic(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  const char *head = "# Clinic no-shows\n\n## Problem\n\nPatients miss "
                     "appointments and the slots go unused.\n\n";
  char md[1024];
  snprintf(md, sizeof md,
           "%s## Launch\n\n- We will not A/B test this: the managers want "
           "every clinic on the same process.\n- Alerts on the weekly "
           "no-show rate.\n",
           head);
  CHECK_INT(S_topic_line(pk, md, "monitoring", "deployment-strategy"), 0);
  snprintf(md, sizeof md,
           "%s## Launch\n\n- A/B test first: half the clinics for a "
           "month, the rest after.\n",
           head);
  CHECK_INT(S_topic_line(pk, md, "monitoring", "deployment-strategy"), 9);
  snprintf(md, sizeof md,
           "%s## Data\n\nRepair logs per depot.\n\n"
           "- No manual labels are needed: the target is the number of parts "
           "fitted per week, read from the repair log.\n",
           head);
  CHECK(S_topic_line(pk, md, "data", "label-strategy") != 0);
  /* a negator over a qualified strategy is no denial of it */
  snprintf(md, sizeof md,
           "%s## Launch\n\n- No big-bang rollout: one clinic for two weeks, "
           "then the rest.\n",
           head);
  CHECK_INT(S_topic_line(pk, md, "monitoring", "deployment-strategy"), 9);
  ddlint_pack_free(pk);
}

/* A gerund over its object is its conjunct's head when it is a section's
 * one-word name: "Measuring it" is the metrics; the other conjunct keeps
 * its own head ("... and labelling the data" is still the data's). */
static void test_gerund_heads(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  const char *md = "# T\n\n## Why\n\nCustomers wait a day for an answer "
                   "from the desk.\n\n## Measuring it\n\nWe report recall "
                   "on a held-out month and the share of tickets answered "
                   "within an hour.\n";
  CHECK_INT(S_line(pk, md, "success-metrics"), 7);
  md = "# T\n\n## Why\n\nCustomers wait a day for an answer from the desk."
       "\n\n## Monitoring the model and labelling the data\n\nWe alert on "
       "drift daily, and annotators label 200 tickets a week.\n";
  CHECK_INT(S_line(pk, md, "monitoring"), 7);
  CHECK_INT(S_line(pk, md, "data"), 7);
  ddlint_pack_free(pk);
}

static void test_reranking_is_not_ranking(void) {
  char *n = title_normalize("6.3 Re-Ranking");
  CHECK_STR(n, "reranking");
  free(n);
  n = title_normalize("Pre ranking and re ranking");
  CHECK_STR(n, "pre ranking and reranking");
  free(n);
}

static void test_bare_heading_does_not_split(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  /* mlsd-pymk line 17: a lone "##" */
  const char *md = "# T\n\n## 4. Data and Labeling\n\nIntro.\n\n##\n\n"
                   "User click logs are the source.\n";
  CHECK_INT(S_topic_line(pk, md, "data", "data-sources"), 9);
  ddlint_pack_free(pk);
}

/* The state of section id ("heading", "content", "empty") or "missing". */
static const char *S_state(const ddlint_pack *pk, const char *md,
                           const char *id) {
  static char buf[16];
  ddlint_result *r = ddlint_lint_buffer(pk, "doc.md", md, strlen(md));
  size_t s = S_section(r, id);
  const char *st = s == SIZE_MAX ? NULL : ddlint_coverage_section_state(r, s);
  snprintf(buf, sizeof buf, "%s", st ? st : "missing");
  ddlint_result_free(r);
  return buf;
}

static void test_needs_evidence_slogan(void) {
  /* a section marked needs_evidence over a slogan is empty; a mention of
   * its evidence, a table, or a pointer elsewhere is content; a section
   * without the mark keeps its short text */
  const char *pack_on =
      "{\"name\": \"p\", \"rules\": [], \"sections\": [\n"
      " {\"id\": \"m\", \"title\": \"Metrics\", \"needs_evidence\": true,\n"
      "  \"evidence\": [\"\\\\bprecision\\\\b\"]}]}";
  const char *pack_off =
      "{\"name\": \"p\", \"rules\": [], \"sections\": [\n"
      " {\"id\": \"m\", \"title\": \"Metrics\",\n"
      "  \"evidence\": [\"\\\\bprecision\\\\b\"]}]}";
  ddlint_pack *on = PACK(pack_on), *off = PACK(pack_off);
  if (!on || !off) {
    ddlint_pack_free(on);
    ddlint_pack_free(off);
    return;
  }
  CHECK(on->sections[0].needs_evidence);
  CHECK(!off->sections[0].needs_evidence);
  const char *slogan = "# T\n\n## Metrics\n\nPeople should feel the alerts "
                       "are timely, local and rarely wrong. If they keep "
                       "them switched on all season, we have done our job.\n";
  CHECK_STR(S_state(on, slogan, "m"), "empty");
  CHECK_STR(S_state(off, slogan, "m"), "heading");
  CHECK_STR(S_state(on,
                    "# T\n\n## Metrics\n\nPeople should feel the alerts "
                    "are timely; we track precision of the alerts.\n",
                    "m"),
            "heading");
  CHECK_STR(S_state(on,
                    "# T\n\n## Metrics\n\nPeople should feel the alerts "
                    "are timely, as described in the evaluation chapter.\n",
                    "m"),
            "heading");
  CHECK_STR(S_state(on, "# T\n\n## Metrics\n\n| what | target |\n|---|---|\n"
                        "| alerts opened within the hour | most of them |\n",
                    "m"),
            "heading");
  /* a hope may run to 150 words of prose; 150 words, or a list of
   * sixty, is more than a slogan */
  char long_text[2048] = "# T\n\n## Metrics\n\n";
  for (int i = 0; i < 100; i++)
    strcat(long_text, "word ");
  strcat(long_text, "\n");
  CHECK_STR(S_state(on, long_text, "m"), "empty");
  for (int i = 0; i < 50; i++)
    strcat(long_text, "word ");
  strcat(long_text, "\n");
  CHECK_STR(S_state(on, long_text, "m"), "heading");
  char list_text[2048] = "# T\n\n## Metrics\n\n";
  for (int i = 0; i < 6; i++)
    strcat(list_text, "- word word word word word word word word word word\n");
  CHECK_STR(S_state(on, list_text, "m"), "heading");
  ddlint_pack_free(on);
  ddlint_pack_free(off);

  char *err = pack_error("{\"name\": \"p\", \"rules\": [], \"sections\": "
                         "[{\"id\": \"m\", \"title\": \"M\", "
                         "\"needs_evidence\": 1}]}");
  CHECK(err && strstr(err, "\"needs_evidence\" in section must be true or false"));
  free(err);
  /* a star needs words beside it, and only one star */
  err = pack_error("{\"name\": \"p\", \"rules\": [], \"sections\": [], "
                   "\"not_evidence\": [\"metadata\", \"*\"]}");
  CHECK(err && strstr(err, "\"not_evidence\" entry \"*\": a \"*\" stands for"));
  free(err);
  err = pack_error("{\"name\": \"p\", \"rules\": [], \"sections\": [], "
                   "\"not_evidence\": [\"how * does * it\"]}");
  CHECK(err && strstr(err, "one star, with words on at least one side"));
  free(err);
  /* a second star may end an entry, after words */
  err = pack_error("{\"name\": \"p\", \"rules\": [], \"sections\": [], "
                   "\"not_evidence\": [\"what * *\"]}");
  CHECK(err && strstr(err, "a second one may end the entry after words"));
  free(err);
}

/* "what * published *": a heading that opens with "what", then one to four
 * words of another party, then "published", then anything; past an
 * appendix's name. */
static void test_not_evidence_open_tail(void) {
  const char *js =
      "{\"name\": \"p\", \"rules\": [], \"not_evidence\": "
      "[\"what * published *\", \"how * does it\"], \"sections\": [\n"
      " {\"id\": \"m\", \"title\": \"Monitoring\",\n"
      "  \"evidence\": [\"\\\\bdrift\\\\b\", \"\\\\balerts?\\\\b\", "
      "\"\\\\bdashboards?\\\\b\", \"\\\\brollback\\\\b\"]}]}";
  ddlint_pack *pk = PACK(js);
  if (!pk)
    return;
  const char *body = "\n\nThey watch drift weekly on dashboards, page on "
                     "alerts and keep a rollback ready for every release.\n";
  char md[512];
  snprintf(md, sizeof md, "# T\n\n## What Acme published about their "
                          "router%s", body);
  CHECK_STR(S_state(pk, md, "m"), "missing");
  snprintf(md, sizeof md, "# T\n\n## Appendix A: What Acme Freight "
                          "published in 2023%s", body);
  CHECK_STR(S_state(pk, md, "m"), "missing");
  snprintf(md, sizeof md, "# T\n\n## Appendix B: How Acme does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "missing");
  /* the author's own side, or no words for the star, is the design's */
  snprintf(md, sizeof md, "# T\n\n## What we published about the "
                          "router%s", body);
  CHECK(strcmp(S_state(pk, md, "m"), "missing") != 0);
  snprintf(md, sizeof md, "# T\n\n## What published means%s", body);
  CHECK(strcmp(S_state(pk, md, "m"), "missing") != 0);
  ddlint_pack_free(pk);
}

/* A short section that hands its topic to another team or document is
 * empty; the same words in another sense are not a hand-off. */
static void test_hands_off(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  CHECK_STR(S_state(pk, "# T\n\n## Monitoring\n\nTrust & Safety owns that. "
                        "They watch drift dashboards.\n",
                    "monitoring"),
            "empty");
  CHECK_STR(S_state(pk, "# T\n\n## Monitoring\n\nLeft to the platform "
                        "team, who run the alerting.\n",
                    "monitoring"),
            "empty");
  CHECK_STR(S_state(pk, "# T\n\n## Model\n\nThe approach is being written "
                        "up by the Data Science chapter in their own doc.\n",
                    "model"),
            "empty");
  CHECK_STR(S_state(pk, "# T\n\n## Monitoring\n\nRetraining is up to 3 "
                        "times a week when drift in precision passes 5 "
                        "points.\n",
                    "monitoring"),
            "heading");
  CHECK_STR(S_state(pk, "# T\n\n## Monitoring\n\nDashboards are read left "
                        "to right: drift first, then alerts.\n",
                    "monitoring"),
            "heading");
  CHECK_STR(S_state(pk, "# T\n\n## Launch and monitoring\n\nNo monitoring "
                        "is planned for v1. Rollout: TBD.\n",
                    "monitoring"),
            "empty");
  CHECK_STR(S_state(pk, "# T\n\n## Monitoring\n\nWe alert when their "
                        "calls drop; drift is disowned by nobody.\n",
                    "monitoring"),
            "heading");
  ddlint_pack_free(pk);
}

static void test_only_reuses(void) {
  /* one sentence that points at what exists already says nothing of
   * this design; a list after the colon, a pointer, or a second block
   * does */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\nThe usual account "
                    "activity signals from the warehouse.\n",
                    "features"),
            "empty");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Model inputs\n\nSame customer "
                    "attributes as the renewal model uses today.\n",
                    "features"),
            "empty");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Architecture\n\nUnchanged from the "
                    "first release.\n",
                    "architecture"),
            "empty");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\nStandard features from "
                    "the feature store.\n",
                    "features"),
            "empty");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Deployment\n\nA standard canary rollout "
                    "with automatic rollback.\n",
                    "monitoring"),
            "heading");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\nSame as v1: tenure, "
                    "seats in use, tickets opened.\n",
                    "features"),
            "heading");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\nThe usual signals, "
                    "described in the feature catalogue.\n",
                    "features"),
            "heading");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\nThe same day of week "
                    "and hour of day features drive most of it.\n",
                    "features"),
            "heading");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\nThe usual activity "
                    "signals.\n\n- seats in use\n- logins per week\n",
                    "features"),
            "heading");
  ddlint_pack_free(pk);
}

static void test_alias_off_topic(void) {
  /* a loose alias ("Approach") over a long text that shows none of the
   * section is about something else; the same heading over an
   * architecture is taken */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  static const char model[] =
      "We predict how much each subscriber will like each tea with a "
      "factorisation model trained on the star ratings, with the quiz "
      "answers and the tea tags as side information so that new "
      "subscribers and new teas still get sensible predictions. It is "
      "retrained once a month on all ratings to date. Low ratings are "
      "rare, because people do not bother to rate teas they dislike, so a "
      "tea received and never rated may count as a weak negative; we will "
      "try both. Then the boxes are built as an assignment problem rather "
      "than a top-four list: maximise the total predicted rating across "
      "all boxes, subject to each tea's stock for the month, exactly four "
      "teas per box, no tea the person had in the last six months, at most "
      "two teas of one type, allergen and caffeine rules applied before "
      "anything else, and at least one stretch tea outside the person's "
      "usual types so that people discover things they would not pick.\n";
  char md[2048];
  snprintf(md, sizeof md, "# Tea boxes\n\n## Approach\n\n%s", model);
  CHECK_STR(S_state(pk, md, "architecture"), "missing");
  snprintf(md, sizeof md,
           "# Tea boxes\n\n## Approach\n\n%s\nA nightly batch job "
           "writes the boxes to the warehouse service through its API.\n",
           model);
  CHECK_STR(S_state(pk, md, "architecture"), "heading");
  /* the title is never judged: the author named the section */
  snprintf(md, sizeof md, "# Tea boxes\n\n## System Architecture\n\n%s", model);
  CHECK_STR(S_state(pk, md, "architecture"), "heading");
  ddlint_pack_free(pk);
}

static void test_empty_heading_yields(void) {
  /* a heading that names the section but only hands it off yields to a
   * subtree elsewhere that covers it; one that says the section is not
   * there does not; a table of contents is no evidence */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  static const char rules[] =
      "## Price setting\n\nEvery hour we take the predicted occupancy for "
      "each block and sort the blocks by predicted demand.\n\n"
      "- If the median is above 0.9, raise the price one step.\n"
      "- Clamp the change to the band agreed with the city, and filter out "
      "blocks under construction.\n\n";
  char md[2048];
  snprintf(md, sizeof md,
           "# Parking\n\n%s## Serving\n\nOwned by the platform team; see "
           "their design doc.\n",
           rules);
  CHECK_STR(S_state(pk, md, "prediction"), "content");
  snprintf(md, sizeof md, "# Parking\n\n%s## Serving\n\nTBD.\n", rules);
  CHECK_STR(S_state(pk, md, "prediction"), "content");
  CHECK_STR(S_state(pk, "# Parking\n\n## Serving\n\nTBD.\n", "prediction"),
            "empty");
  CHECK_STR(S_state(pk,
                    "# Doc\n\n## Chapters\n\n1. [Feedback, Monitoring, and "
                    "Deployment](08_feedback.md)\n2. [Rollout and "
                    "monitoring](09_rollout.md)\n\n## Monitoring\n\nTBD.\n",
                    "monitoring"),
            "empty");
  ddlint_pack_free(pk);
}

static void test_no_heading(void) {
  /* a text with no heading at all is read as if under a title: its
   * sections are found in what it says, and bold run-in labels that open
   * its paragraphs are its headings */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  static const char prose[] =
      "Some notes on the returns model before the review on Thursday, for "
      "the people who missed the call.\n\n"
      "We train a gradient-boosted classifier on two years of returns, "
      "with the inspection outcome as the label and class weights for the "
      "rare fraud cases, and retrain it monthly.\n\n"
      "The model type was chosen over logistic regression because it "
      "handled the interactions between price and category better in the "
      "offline test, and we export it to ONNX for serving.\n";
  CHECK_STR(S_state(pk, prose, "model"), "content");
  /* an email thread: its messages, split by rules, are judged one by
   * one, so the one that sets out the data is found where it stands */
  static const char thread[] =
      "**From:** Ana\n\nCan we flag abusive tickets before agents open "
      "them? Agents lose afternoons to a few customers.\n\n---\n\n"
      "**From:** Ben\n\nPossible. Which model would we use, and how fast "
      "does it need to be?\n\n---\n\n"
      "**From:** Ana\n\nRe data: I exported 350 tagged tickets and 350 "
      "random ones from the last 6 months, and we labelled all 700 into "
      "four buckets by hand, arguing out the ones we disagreed on.\n";
  CHECK_STR(S_state(pk, thread, "data"), "content");
  CHECK_STR(S_state(pk,
                    "**Why.** Refunds go out before anyone opens the box, "
                    "and one return in forty is fraud.\n\n"
                    "**Model.** A gradient-boosted classifier over the "
                    "customer's return history, retrained monthly.\n",
                    "model"),
            "heading");
  ddlint_pack_free(pk);
}

static void test_template_text(void) {
  /* the template's own sample lines left in are no content; the same
   * label with the author's words after it is; a table row whose next
   * and last cell denies it is no mention */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  CHECK(pk->ntemplate_text > 0);
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\n* **User Features**: Profile, "
                    "history, segments\n* **Item/Context Features**: Text, "
                    "metadata, timestamps\n",
                    "features"),
            "empty");
  CHECK_STR(S_state(pk,
                    "# T\n\n## Features\n\n* **User Features**: tenure, "
                    "seats in use, logins per week\n* **Item/Context "
                    "Features**: Text, metadata, timestamps\n",
                    "features"),
            "heading");
  ddlint_pack_free(pk);
}

static void test_table_cell_denied(void) {
  ddlint_pack *pk =
      PACK("{\"name\": \"p\", \"rules\": [], \"sections\": [\n"
           " {\"id\": \"m\", \"title\": \"Monitoring\",\n"
           "  \"evidence\": [\"\\\\bdrift\\\\b\", \"\\\\balerts?\\\\b\", "
           "\"\\\\bdashboards?\\\\b\"]}]}");
  if (!pk)
    return;
  /* (an introduction over each table: a table alone under its heading is
   * no section's content on its own, whatever its cells say) */
  static const char denied[] =
      "# T\n\n## How it went\n\nWhat each area of the plan came to by the "
      "end of the quarter.\n\n| Area | Result |\n|---|---|\n"
      "| Drift alerts and dashboards | did not get to it |\n";
  static const char compared[] =
      "# T\n\n## How it went\n\nWhat each area of the plan came to by the "
      "end of the quarter.\n\n| Area | v1 | v2 |\n|---|---|---|\n"
      "| Drift alerts and dashboards | n/a | paged on call weekly |\n";
  CHECK_STR(S_state(pk, denied, "m"), "missing");
  CHECK_STR(S_state(pk, compared, "m"), "content");
  ddlint_pack_free(pk);
}

static void test_bullet_run_in(void) {
  /* bold run-in labels on bullets name sections when 8 words or more
   * follow the label; a list of short risks does not */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  static const char idea[] =
      "# Categories\n\n## The idea\n\n"
      "- **Inputs:** the cleaned merchant descriptor, the amount bucket, "
      "weekday and hour, and the customer's past overrides.\n"
      "- **Model:** a small distilled text transformer fine-tuned for "
      "24-way classification, retrained monthly.\n";
  CHECK_STR(S_state(pk, idea, "features"), "content");
  static const char risks[] =
      "# Categories\n\n## Risks\n\n- **Inputs:** may drift.\n"
      "- **Model:** too slow?\n";
  CHECK_STR(S_state(pk, risks, "features"), "missing");
  ddlint_pack_free(pk);
}

static void test_list_one_each(void) {
  /* a short list most of whose items name one part of a section each is
   * the section, not words in passing; paragraphs one to a mention stay
   * words in passing */
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  static const char list[] =
      "# ETA\n\n## What we publish\n\n"
      "- A new estimate replaces the shown one only after smoothing over "
      "the last three updates.\n"
      "- The window around it is rounded outward to the hour.\n"
      "- Anything earlier than physically possible is clamped to the "
      "fastest crossing.\n"
      "- Shipments with a change of more than two days get a note.\n";
  static const char paras[] =
      "# ETA\n\n## What we publish\n\n"
      "A new estimate replaces the shown one only after smoothing over "
      "the last three updates.\n\n"
      "The window around it is rounded outward to the hour.\n\n"
      "Anything earlier than physically possible is clamped to the "
      "fastest crossing.\n\n"
      "Shipments with a change of more than two days get a note.\n";
  CHECK_STR(S_state(pk, list, "prediction"), "content");
  CHECK_STR(S_state(pk, paras, "prediction"), "missing");
  ddlint_pack_free(pk);
}

static void test_not_evidence_wildcard(void) {
  /* "how * does it" names someone else's design; the star never stands
   * for the author's side, and headings under such a heading are no
   * sections either */
  ddlint_pack *pk = PACK(
      "{\"name\": \"p\", \"rules\": [], \"not_evidence\": "
      "[\"how * does it\", \"case study\"],\n"
      " \"sections\": [{\"id\": \"m\", \"title\": \"Monitoring\",\n"
      "  \"evidence\": [\"\\\\bdrift\\\\b\"]}]}");
  if (!pk)
    return;
  CHECK_STR(ddlint_pack_not_evidence(pk, 0), "how * does it");
  const char *body = "\n\n### Monitoring\n\nWe watch drift daily.\n";
  char md[256];
  snprintf(md, sizeof md, "# T\n\n## How Acme Payables does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "missing");
  snprintf(md, sizeof md, "# T\n\n## How our team does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "heading");
  snprintf(md, sizeof md, "# T\n\n## How we do it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "heading"); /* "do", not "does" */
  snprintf(md, sizeof md, "# T\n\n## How it does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "heading"); /* "it": the design's own */
  snprintf(md, sizeof md, "# T\n\n## How Globex Rail does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "missing");
  snprintf(md, sizeof md, "# T\n\n## How does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "heading"); /* the star needs a word */
  /* a thing of the design itself is the author's side */
  snprintf(md, sizeof md, "# T\n\n## How this service does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "heading");
  snprintf(md, sizeof md, "# T\n\n## How the ranker does it%s", body);
  CHECK_STR(S_state(pk, md, "m"), "heading");
  snprintf(md, sizeof md, "# T\n\n## Case study: Acme%s", body);
  CHECK_STR(S_state(pk, md, "m"), "missing");
  ddlint_pack_free(pk);
}

void suite_match(void) {
  RUN(test_not_evidence_wildcard);
  RUN(test_not_evidence_open_tail);
  RUN(test_hands_off);
  RUN(test_only_reuses);
  RUN(test_alias_off_topic);
  RUN(test_empty_heading_yields);
  RUN(test_no_heading);
  RUN(test_template_text);
  RUN(test_table_cell_denied);
  RUN(test_bullet_run_in);
  RUN(test_list_one_each);
  RUN(test_needs_evidence_slogan);
  RUN(test_renamed_headings_match);
  RUN(test_split_section);
  RUN(test_topic_elsewhere);
  RUN(test_topic_local_patterns);
  RUN(test_topic_target_rows);
  RUN(test_online_metric_rows);
  RUN(test_faq_questions);
  RUN(test_label_denies_topic);
  RUN(test_gerund_heads);
  RUN(test_reranking_is_not_ranking);
  RUN(test_bare_heading_does_not_split);
}
