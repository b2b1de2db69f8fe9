/* The prose stage's additions for recognition: literal triggers of
 * patterns, many patterns in one pass (the same matches as one scan each),
 * and negated mentions. */
#include "test.h"

#include <stdlib.h>

static size_t S_trig(const char *re, char (*out)[PROSE_TRIGGER_MAX]) {
  return prose_triggers(re, out, 64);
}

static void test_prose_triggers(void) {
  char t[64][PROSE_TRIGGER_MAX];
  CHECK_INT(S_trig("\\bmonitor(ing|ed|s)?\\b", t), 1);
  CHECK_STR(t[0], "monitor");
  CHECK_INT(S_trig("\\b(gbdt|GBM|xgboost)\\b", t), 3);
  CHECK_STR(t[1], "gbm");
  CHECK_INT(S_trig("(?-i)\\bmAP\\b|\\bauc\\b", t), 2);
  CHECK_STR(t[0], "map");
  CHECK_INT(S_trig("(?<!pre-)\\btrain(s|ing)?\\b", t), 1);
  CHECK_STR(t[0], "train");
  CHECK_INT(S_trig("\\b(increas(e|es)|reduc(e|ing))\\b.{0,60}\\bcost", t), 2);
  CHECK_STR(t[1], "reduc");
  CHECK_INT(S_trig("\\bp\\([^()\\n]{1,40}\\)", t), 1);
  CHECK_STR(t[0], "p(");
  /* no trigger: an optional first letter, a class, a bare word character */
  CHECK_INT(S_trig("\\bn?dcg\\b", t), 0);
  CHECK_INT(S_trig("[a-z]+ rate", t), 0);
  CHECK_INT(S_trig("\\b\\d+\\s*ms\\b", t), 0);
  CHECK_INT(S_trig("\\b(a|bc)\\b", t), 0);
  CHECK_INT(S_trig("\\b(ab|cd)?x", t), 0);
}

typedef struct {
  size_t (*m)[2];
  size_t n, cap;
} match_list;

static bool S_one(void *arg, size_t ms, size_t me) {
  match_list *l = arg;
  xgrow(&l->m, &l->cap, l->n + 1, sizeof *l->m);
  l->m[l->n][0] = ms;
  l->m[l->n++][1] = me;
  return true;
}

typedef struct {
  match_list *per; /* one per pattern */
} many_lists;

static bool S_many(void *arg, size_t k, size_t ms, size_t me) {
  many_lists *ml = arg;
  return S_one(&ml->per[k], ms, me);
}

/* Every pattern of the built-in pack gives the same matches through
 * prose_each_many() as through prose_each(), on a document with code,
 * comments, mixed case and words inside words. */
static void S_each_many_same(ddlint_pack *pk, const char *text,
                             size_t min_total);

static void test_prose_each_many_same(void) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_builtin("ml-system-design", &err);
  free(err);
  if (!t_check(pk != NULL, __FILE__, __LINE__, "pack"))
    return;
  const char *text =
      "# Design\n\nWe MONITOR drift and Monitoring dashboards alert on-call.\n"
      "Offline NDCG@10 and mAP, online CTR and conversion rates; p99 < 150 ms.\n"
      "```\nmonitoring inside code\n```\n<!-- monitoring in a comment -->\n"
      "The generated training data (train/test split) uses click logs and "
      "user-item interactions; a GBDT or XGBoost re-ranks, falls back to "
      "popular items on timeout. Pretraining is not training. P(click) is "
      "scored by the inference service; increase revenue and reduce costs.\n"
      /* what follows a trigger: a space, a tab, a line break, a no-break
       * space (no \s without UCP), a word going on past a \b */
      "Stored in the\tdata lake, in\nour bucket, in\xc2\xa0the archive, into "
      "the lake; the job fails over, is down, downstream users want\n"
      "to wait.\n";
  S_each_many_same(pk, text, 300);
  /* what a trigger's pattern asks of the bytes after it (the literal
   * pass's filters): optional groups and letters after the trigger or its
   * whitespace, classes ("open[- ]rate"), letter case, runs of whitespace,
   * a word that goes on, a trigger at a block's or the text's end */
  S_each_many_same(
      pk, "In our storage, in the Archive, IN  the\tbucket, in\nstorage; "
          "in storage. In two waves, in 3 phases, in\ttwo stages, in-two.\n"
          "The labels come from audits; the  targets came from QA; THE LABEL "
          "is whether it sold; our target was 1; the label is a flag.\n"
          "Open rate, open-rate, opt-out rates, opt out rate, opened rates, "
          "no-show rate and noshow rates; on-prem servers, onprem disks, on "
          "prem NAS, local storage, plant servers, network disk.\n"
          "It fails over to the rules; failed, failing; if the model is "
          "down we serve yesterday's scores; when it times out it shows the "
          "previous week's list; uses the most popular items; serves\n"
          "the currently most-popular list; p99 latency of 120 ms, P95 under "
          "80 ms, p 99; below the confidence threshold, scores above 0.8; is "
          "at-risk if late; are high risk when flagged.\n"
          "```\nthe labels come from\n```\nin\n\n<!-- in our storage -->\n"
          "The final word is in",
      300);
  ddlint_pack_free(pk);
}

/* Every pattern of the built-in pack gives the same matches through
 * prose_each_many() as through prose_each() on text. */
static void S_each_many_same(ddlint_pack *pk, const char *text,
                             size_t min_total) {
  source src;
  source_init(&src, "t.md", text, strlen(text));
  md_blocks mb;
  md_parse(&src, 1, &mb);
  lint_ctx ctx = {.pack = pk, .src = &src, .md = &mb};
  ctx.md_match = pcre2_match_data_create(32, NULL);
  size_t total = 0, same = 0;
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    const pattern *pats[256];
    size_t n = 0;
    for (size_t t = 0; t < ts->ntopics; t++)
      for (size_t i = 0; i < ts->topics[t].npatterns && n < 256; i++)
        pats[n++] = &ts->topics[t].patterns[i];
    for (size_t i = 0; i < ts->nevidence && n < 256; i++)
      pats[n++] = &ts->evidence[i];
    many_lists ml = {.per = xcalloc(n + 1, sizeof(match_list))};
    prose_each_many(&ctx, pats, n, 0, src.len, S_many, &ml);
    for (size_t k = 0; k < n; k++) {
      match_list one = {0};
      prose_each(&ctx, pats[k], 0, src.len, S_one, &one);
      bool eq = one.n == ml.per[k].n &&
                (!one.n || memcmp(one.m, ml.per[k].m, one.n * sizeof *one.m) == 0);
      total++;
      same += eq;
      t_check(eq, __FILE__, __LINE__, "pattern %s: %zu matches by a scan, %zu "
              "through triggers", pats[k]->source, one.n, ml.per[k].n);
      free(one.m);
      free(ml.per[k].m);
    }
    free(ml.per);
  }
  CHECK(total >= min_total);
  CHECK_INT(same, total);
  pcre2_match_data_free(ctx.md_match);
  md_blocks_free(&mb);
  source_free(&src);
}

/* Patterns a user may write whose triggers' follow sets must say nothing
 * (found by a review and a differential fuzz of the literal pass): the same
 * matches through prose_each_many() as through prose_each(). */
static void test_prose_follow_sets_user_patterns(void) {
  const char *json =
      "{\"name\": \"u\", \"rules\": [], \"sections\": [{\"id\": \"a\", "
      "\"title\": \"A\", \"evidence\": ["
      "\"\\\\bfoo  bar\", \"\\\\bfoo\\\\s\\\\s+bar\", "
      "\"\\\\bfoo\\\\s bar\", \"\\\\bfoo (?:\\\\s|x)bar\", "
      "\"\\\\bfoobar[[:digit:]]\", \"\\\\bfoo [[:alpha:]]+\", "
      "\"\\\\bfoobar[\\\\.-z]\", \"\\\\bfoobar[\\\\^-a]\", "
      "\"\\\\bfoobar[!-\\\\]]\", \"\\\\bfoobar[!-\\\\x7e]\", "
      "\"\\\\bfoobar(?x)|\\\\bbazzq?#c\", "
      "\"\\\\bfoobar(?:a\\\\Q)(\\\\E|b)c\", "
      "\"\\\\bfoo[\\\\--z]\", \"\\\\bfooq{,3}x\"]}]}";
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_buffer(json, strlen(json), "u.json", &err);
  if (!t_check(pk != NULL, __FILE__, __LINE__, "pack: %s", err ? err : ""))
    return;
  free(err);
  S_each_many_same(pk,
                   "# T\n\nfoo  bar, foo   bar, foo\t bar, foo x bar, "
                   "foobar5, foo xyz, foobar_, foobar], foobar~, bazz., "
                   "foobarbc, fooa, foox, fooqqx and the end.\n",
                   14);
  ddlint_pack_free(pk);
}

/* Whether the first occurrence of `word` in text is negated. */
static bool S_neg(const char *text, const char *word) {
  source src;
  source_init(&src, "t.md", text, strlen(text));
  lint_ctx ctx = {.src = &src};
  prose_words(&ctx); /* as the engine does: the word index, may_wish */
  const char *at = strstr(src.text, word);
  bool neg = at && prose_negated(&ctx, (size_t)(at - src.text),
                                 (size_t)(at - src.text) + strlen(word));
  free(ctx.word_at);
  free(ctx.word_key);
  source_free(&src);
  return neg;
}

static void test_prose_negated(void) {
  CHECK(S_neg("No drift monitoring is planned.", "monitoring"));
  CHECK(S_neg("No drift monitoring, alerts or dashboards are planned.",
              "dashboards"));
  CHECK(S_neg("There is no A/B test and no rollback.", "rollback"));
  CHECK(S_neg("There is no A/B test and no rollback.", "A/B test"));
  CHECK(S_neg("We ship without a fallback.", "fallback"));
  CHECK(S_neg("Recall@10 is not monitored online.", "Recall@10"));
  CHECK(S_neg("A/B testing is out of scope for v1.", "A/B testing"));
  CHECK(S_neg("- Monitoring: none", "Monitoring"));
  CHECK(S_neg("We do not plan any monitoring.", "monitoring"));
  /* after a label that names what is not done */
  CHECK(S_neg("- Out of scope: A/B testing, staged rollout.", "rollout"));
  CHECK(S_neg("**Non-goals:** real-time scoring", "real-time"));
  CHECK(S_neg("Not in the pilot: drift alerts", "drift alerts"));
  CHECK(!S_neg("- In scope: A/B testing, staged rollout.", "rollout"));
  CHECK(!S_neg("Rollout: canary to 5%, then all", "canary"));
  /* a label governs its own clause: not a wrapped line that happens to
   * open with a denying phrase, not the next bullet, not the next
   * sentence's label (the review of 2026-11-30's sixth session) */
  CHECK(!S_neg("After the pilot we also built two things that were\n"
               "not in the original plan: a weekly drift report.",
               "drift report"));
  CHECK(!S_neg("- Non-goals: real-time scoring\n- A weekly drift report for "
               "the team", "drift report"));
  CHECK(!S_neg("Out of scope: failover. In production: a weekly drift report.",
               "drift report"));
  CHECK(S_neg("Out of scope for v1: a weekly drift report.", "drift report"));
  CHECK(!S_neg("Deferred revenue accounts: a weekly drift report.",
               "drift report"));
  /* the second review: a label starts its line; a lead-in line governs
   * the list under it; a time's colon is no label's */
  CHECK(!S_neg("Deferred to v2.\nIn production: drift monitoring with alerts.",
               "drift monitoring"));
  CHECK(S_neg("Owner: Ana.\nOut of scope for v1: drift monitoring.",
              "drift monitoring"));
  CHECK(S_neg("Out of scope for v1:\n- retraining\n- drift monitoring and "
              "alerting", "drift monitoring"));
  CHECK(S_neg("What we are not doing: drift monitoring.", "drift monitoring"));
  CHECK(S_neg("- Out of scope for v1: retraining at 02:00, drift monitoring "
              "and alerting.", "drift monitoring"));
  /* said, not negated */
  CHECK(!S_neg("We monitor drift daily and alert on-call.", "alert"));
  CHECK(!S_neg("No PII is stored. Dashboards track CTR.", "Dashboards"));
  CHECK(!S_neg("There is no A/B test yet, but a canary takes 5%.", "canary"));
  CHECK(!S_neg("If the model times out, we fall back to rules.", "fall back"));
  CHECK(!S_neg("Latency is not the bottleneck; we cache results.", "cache"));
  /* put off: no plan yet */
  CHECK(S_neg("We'll figure out alerting once the job has run.", "alerting"));
  CHECK(S_neg("We will decide whether to canary later.", "canary"));
  CHECK(S_neg("We will revisit monitoring after the pilot.", "monitoring"));
  CHECK(!S_neg("We decided on a canary of 5% first.", "canary"));
  CHECK(!S_neg("The team works on alerting rules this quarter.", "alerting"));
  /* "whether" and "decide" alone plan something */
  CHECK(!S_neg("A watchdog checks whether latency stays under 200 ms.",
               "latency"));
  CHECK(!S_neg("On-call will decide rollback within 5 minutes.", "rollback"));
  /* an aside after the mention is skipped, not read as the negation */
  CHECK(!S_neg("Reasons show in the UI (\"Never replied to\").", "UI"));
  CHECK(S_neg("Monitoring (drift) is not planned.", "Monitoring"));
  CHECK(S_neg("The UI is not ready.", "UI"));
  /* a counterfactual "if ... were" supposes what is in its own clause;
   * what follows its comma may be a plan */
  CHECK(S_neg("If it were deployed, we would monitor it.", "deployed"));
  CHECK(S_neg("Were we to ship it, and if we were to canary it first, fine.",
              "canary"));
  CHECK(!S_neg("If the scorer were down, the app would fall back to the rule.",
               "fall back"));
  CHECK(!S_neg("If the scorer is down, we deploy the previous model.",
               "deploy"));
  /* an emoji or a tag before the clause's first word is no word of it */
  CHECK(S_neg("\xF0\x9F\x9A\xA7 We won't monitor drift or run an A/B test yet.",
              "A/B"));
  CHECK(S_neg("<span>We won't monitor drift or run an A/B test.</span>",
              "A/B"));
  /* a clause that opens with "Nothing" denies what it names */
  CHECK(S_neg("Nothing will be monitored during the pilot: no alerts.",
              "pilot"));
  CHECK(!S_neg("If nothing changes, the fallback rule serves.", "fallback"));
  CHECK(!S_neg("Nothing is served online.", "online"));
  /* a wish is no plan, on either side of the mention */
  CHECK(S_neg("We'd eventually want an A/B test of two districts.", "A/B"));
  CHECK(S_neg("We would obviously need monitoring at some point.",
              "monitoring"));
  CHECK(S_neg("Drift alerts are nice to have.", "alerts"));
  CHECK(!S_neg("Drift alerts page on-call. We may add more at some point.",
               "alerts")); /* the wish is in another sentence */
  CHECK(!S_neg("We would roll back within five minutes.", "roll back"));
  /* the wish must be in the mention's own clause */
  CHECK(!S_neg("We ship a canary with a rollback flag! Eventually we'd add "
               "a bandit.",
               "canary"));
  CHECK(!S_neg("| canary on 5% | eventually we'd add more |", "canary"));
  /* "eventually" wishes only with a modal; "eventually consistent" is a
   * property */
  CHECK(!S_neg("The store is eventually consistent, so we run a canary.",
               "canary"));
  CHECK(!S_neg("Then roll out to every region eventually, with a rollback "
               "flag.",
               "rollback"));
  /* a list that a negation follows */
  CHECK(S_neg("Monitoring, feedback logging and the experiment design are "
              "out of scope for now.",
              "Monitoring"));
  CHECK(S_neg("Drift alerts and retraining are not planned.", "Drift"));
  CHECK(S_neg("Dashboards or alerts aren't part of v1.", "Dashboards"));
  CHECK(!S_neg("Monitoring, which the SRE team owns, is not our job here; "
               "we alert on drift.",
               "alert"));
  CHECK(!S_neg("Monitoring and alerting are handled by the SRE team.",
               "Monitoring"));
  CHECK(!S_neg("Dashboards, we think, are not enough", "Dashboards"));
  CHECK(!S_neg("Dashboards are", "Dashboards")); /* at the text's end */
  /* ... or a parenthesis that one follows, across a line break */
  CHECK(S_neg("Kiln concerns (alerting, drift checks, how the change is "
              "phased in) are\n  out of scope for this record.",
              "drift checks"));
  CHECK(S_neg("Later work (retraining, canary releases) is not planned.",
              "canary"));
  CHECK(S_neg("Ops pieces (dashboards, alerts) aren't in v1.", "alerts"));
  CHECK(!S_neg("Ops pieces (dashboards, alerts) are owned by SRE.",
               "alerts"));
  CHECK(!S_neg("Dashboards (see below) track drift; exports are not kept.",
               "drift"));
}

static void test_pattern_prose_text(void) {
  char *t = pattern_prose_text("\\bclick logs?\\b");
  CHECK_STR(t, "\\bclick(?:\\s+)logs?\\b");
  free(t);
  t = pattern_prose_text("data ?sources?");
  CHECK_STR(t, "data(?:\\s+)?sources?");
  free(t);
  t = pattern_prose_text("(?<!feedback )\\blatency[- ]x\\ y");
  CHECK_STR(t, "(?<!feedback\\s)\\blatency[-\\s]x\\ y");
  free(t);
  t = pattern_prose_text("[] ]a b");
  CHECK_STR(t, "[]\\s]a(?:\\s+)b");
  free(t);
  /* and a pack pattern then finds its words across a soft line break */
  char *err = NULL;
  const char *json =
      "{\"name\": \"p\", \"sections\": [{\"id\": \"d\", \"title\": "
      "\"Data\", \"topics\": [{\"id\": \"s\", \"title\": \"Sources\", "
      "\"patterns\": [\"\\\\bclick logs\\\\b\"]}]}], \"rules\": []}";
  ddlint_pack *pk = ddlint_pack_load_buffer(json, strlen(json), "p.json", &err);
  if (t_check(pk != NULL, __FILE__, __LINE__, "pack: %s", err ? err : "")) {
    const char *md = "## Data\n\nWe read the click\n   logs nightly.\n";
    ddlint_result *r = ddlint_lint_buffer(pk, "d.md", md, strlen(md));
    CHECK_STR(ddlint_coverage_topic_via(r, 0, 0), "text");
    ddlint_result_free(r);
  }
  free(err);
  ddlint_pack_free(pk);
}

void suite_prose(void) {
  RUN(test_pattern_prose_text);
  RUN(test_prose_triggers);
  RUN(test_prose_each_many_same);
  RUN(test_prose_follow_sets_user_patterns);
  RUN(test_prose_negated);
}
