/* Every rule kind through the public API: small inline packs and documents
 * linted with ddlint_lint_buffer(), asserting each diagnostic's rule, line,
 * column and message; then the coverage accessors and the score. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- required-section ---- */

static const char SECTIONS_PACK[] =
    "{\"name\": \"sections\", \"sections\": [\n"
    "  {\"id\": \"problem\", \"title\": \"Problem Formulation\", "
    "\"aliases\": [\"problem\"]},\n"
    "  {\"id\": \"metrics\", \"title\": \"Success Metrics\", "
    "\"aliases\": [\"metrics\"]},\n"
    "  {\"id\": \"arch\", \"title\": \"System Architecture\"},\n"
    "  {\"id\": \"appendix\", \"title\": \"Appendix\", \"required\": false}\n"
    " ],\n"
    " \"rules\": [{\"id\": \"missing-section\", \"kind\": "
    "\"required-section\",\n"
    "   \"severity\": \"error\", \"message\": \"missing required section "
    "\\\"{section}\\\"\", \"help\": \"{detail}\"}]}";

static void test_required_section_present(void) {
  ddlint_pack *pk = PACK(SECTIONS_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "# Design\n"
                                  "\n"
                                  "## 1. Problem\n"
                                  "\n"
                                  "Text.\n"
                                  "\n"
                                  "## 2) Metrics (Offline and Online)\n"
                                  "\n"
                                  "Text.\n"
                                  "\n"
                                  "## Step 3 - System Architecture:\n"
                                  "\n"
                                  "Text.\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  if (ddlint_result_diag_count(r))
    dump_diags(r);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "problem")), 3);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 7);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "arch")), 11);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "appendix")), 0);
  CHECK_STR(ddlint_coverage_section_heading(r, cov_section(r, "metrics")),
            "2) Metrics (Offline and Online)");
  CHECK(ddlint_coverage_section_heading(r, cov_section(r, "appendix")) == NULL);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_required_section_near_miss(void) {
  ddlint_pack *pk = PACK(SECTIONS_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "# Design\n"               /* 1 */
                                  "\n"                       /* 2 */
                                  "## Problem\n"             /* 3 */
                                  "\n"                       /* 4 */
                                  "Text.\n"                  /* 5 */
                                  "\n"                       /* 6 */
                                  "## Sucess Metrix\n"       /* 7 */
                                  "\n"                       /* 8 */
                                  "Text.\n"                  /* 9 */
                                  "\n"                       /* 10 */
                                  "## System Architecture\n" /* 11 */
                                  "\n"                       /* 12 */
                                  "Text.\n");                /* 13 */
  CHECK_INT(ddlint_result_diag_count(r), 1);
  const ddlint_diag *d = diag_find(r, "missing-section", 0);
  CHECK_DIAG(r, d, "missing-section", 7, 1,
             "missing required section \"Success Metrics\"");
  if (d) {
    CHECK_HAS(ddlint_diag_help(d), "did you mean");
    CHECK_HAS(ddlint_diag_help(d), "did you mean \"Success Metrics\"?");
    CHECK_HAS(ddlint_diag_help(d), "\"Sucess Metrix\"");
    CHECK_STR(ddlint_diag_section(d), "Success Metrics");
    CHECK_INT(ddlint_diag_severity(d), DDLINT_ERROR);
    unsigned line, col;
    size_t off;
    ddlint_diag_end(d, &line, &col, &off);
    CHECK_INT(line, 7); /* the heading, not what follows it */
    CHECK_INT(col, 17);
  }
  /* the near miss is not accepted */
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_required_section_missing(void) {
  ddlint_pack *pk = PACK(SECTIONS_PACK);
  if (!pk)
    return;
  /* no near miss: located at the next present section's heading */
  ddlint_result *r = lint_str(pk, "## Problem\n"             /* 1 */
                                  "Text.\n"                  /* 2 */
                                  "\n"                       /* 3 */
                                  "## Deployment Plan\n"     /* 4 */
                                  "Text.\n"                  /* 5 */
                                  "\n"                       /* 6 */
                                  "## System Architecture\n" /* 7 */
                                  "Text.\n");                /* 8 */
  CHECK_INT(ddlint_result_diag_count(r), 1);
  const ddlint_diag *d = diag_find(r, "missing-section", 0);
  CHECK_DIAG(r, d, "missing-section", 7, 1,
             "missing required section \"Success Metrics\"");
  if (d) {
    CHECK_STR(ddlint_diag_help(d), "add a \"Success Metrics\" section before "
                                   "\"System Architecture\"");
    CHECK(strstr(ddlint_diag_help(d), "did you mean") == NULL);
  }
  ddlint_result_free(r);

  /* nothing after it: the start of the last line; the optional appendix is
   * never reported */
  r = lint_str(pk, "## Problem\n"         /* 1 */
                   "Text.\n"              /* 2 */
                   "\n"                   /* 3 */
                   "## Success Metrics\n" /* 4 */
                   "Last line.\n");       /* 5 */
  CHECK_INT(ddlint_result_diag_count(r), 1);
  d = diag_find(r, "missing-section", 0);
  CHECK_DIAG(r, d, "missing-section", 5, 1,
             "missing required section \"System Architecture\"");
  if (d)
    CHECK_STR(ddlint_diag_help(d),
              "add a \"System Architecture\" section at the end");
  ddlint_result_free(r);

  /* an empty document misses all three, each at 1:1, in pack order */
  r = lint_str(pk, "");
  CHECK_INT(ddlint_result_diag_count(r), 3);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "missing-section", 1, 1,
             "missing required section \"Problem Formulation\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "missing-section", 1, 1,
             "missing required section \"Success Metrics\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 2), "missing-section", 1, 1,
             "missing required section \"System Architecture\"");
  CHECK_INT(ddlint_result_count(r, DDLINT_ERROR), 3);
  CHECK_INT(ddlint_result_count(r, DDLINT_WARNING), 0);
  CHECK_DBL(ddlint_result_score(r), 0.0, 1e-9);
  ddlint_result_free(r);

  /* the single leading H1 is the title, not a section */
  r = lint_str(pk, "# Success Metrics\n"
                   "\n"
                   "## Problem\n"
                   "\n"
                   "## System Architecture\n");
  CHECK_INT(diag_count_rule(r, "missing-section"), 1);
  CHECK_DIAG(r, diag_find(r, "missing-section", 0), "missing-section", 5, 1,
             "missing required section \"Success Metrics\"");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* A section no heading names, whose evidence terms occur one to a
 * paragraph, is not found: missing-section reports it one step softer (a
 * warning for an error rule), at the heading over them, and stays softer
 * whatever severity a config then sets. Two terms in one paragraph, or a
 * term in the heading, and the subtree shows it. */
static const char PASSING_PACK[] =
    "{\"name\": \"passing\", \"sections\": [\n"
    "  {\"id\": \"problem\", \"title\": \"Problem\"},\n"
    "  {\"id\": \"metrics\", \"title\": \"Success Metrics\",\n"
    "   \"evidence\": [\"\\\\bprecision\\\\b\", \"\\\\brecall\\\\b\", "
    "\"\\\\bbaseline\\\\b\"]}],\n"
    " \"rules\": [{\"id\": \"missing-section\", \"kind\": "
    "\"required-section\", \"severity\": \"error\", \"message\": "
    "\"missing {section}\", \"help\": \"{detail}\"}]}";

static void test_required_section_passing(void) {
  ddlint_pack *pk = PACK(PASSING_PACK);
  if (!pk)
    return;
  const char *passing = "# T\n\n"
                        "## Problem\n\nThe queue is slow today.\n\n"
                        "## Background\n\n" /* line 7 */
                        "Nothing is retuned, so the old baseline stands.\n\n"
                        "Precision per queue was reviewed in March by them.\n\n"
                        "The help desk reports recall in its own weekly deck.\n";
  ddlint_result *r = lint_str(pk, passing);
  CHECK_INT(ddlint_result_diag_count(r), 1);
  const ddlint_diag *d = diag_find(r, "missing-section", 0);
  CHECK_DIAG(r, d, "missing-section", 7, 1, "missing Success Metrics");
  if (d) {
    CHECK_INT(ddlint_diag_severity(d), DDLINT_WARNING);
    CHECK(strstr(ddlint_diag_help(d), "only mentioned in passing") != NULL);
  }
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 0);
  /* a config's severity keeps it one step softer; "off" drops it */
  ddlint_result_set_rule_severity(r, "missing-section", DDLINT_WARNING);
  d = diag_find(r, "missing-section", 0);
  if (d)
    CHECK_INT(ddlint_diag_severity(d), DDLINT_INFO);
  ddlint_result_set_rule_severity(r, "missing-section", DDLINT_ERROR);
  d = diag_find(r, "missing-section", 0);
  if (d)
    CHECK_INT(ddlint_diag_severity(d), DDLINT_WARNING);
  ddlint_result_set_rule_severity(r, "missing-section", -1);
  CHECK_INT(ddlint_result_diag_count(r), 0);
  ddlint_result_free(r);
  /* two terms in one paragraph: found by content, nothing reported */
  r = lint_str(pk, "# T\n\n## Problem\n\nThe queue is slow today.\n\n"
                   "## Background\n\n"
                   "Nothing is retuned, so the old baseline stands.\n\n"
                   "Precision and recall per queue were reviewed in March.\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 7);
  ddlint_result_free(r);
  /* a term in the heading says what the paragraphs are about */
  r = lint_str(pk, "# T\n\n## Problem\n\nThe queue is slow today.\n\n"
                   "## Precision checks\n\n"
                   "Nothing is retuned, so the old baseline stands.\n\n"
                   "The help desk reports recall in its own weekly deck.\n\n"
                   "We sample forty tickets a week to check precision.\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 7);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_required_section_scope(void) {
  ddlint_pack *pk =
      PACK("{\"name\": \"s\", \"sections\": [\n"
           "  {\"id\": \"a\", \"title\": \"Alpha\"},\n"
           "  {\"id\": \"b\", \"title\": \"Beta\"}],\n"
           " \"rules\": [{\"id\": \"need-b\", \"kind\": "
           "\"required-section\",\n"
           "   \"severity\": \"warning\", \"message\": \"no {section}\", "
           "\"scope\": [\"b\"]}]}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Gamma\n\ntext\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "need-b", 3, 1, "no Beta");
  CHECK_INT(ddlint_result_count(r, DDLINT_WARNING), 1);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_required_section_matching(void) {
  ddlint_pack *pk = PACK(SECTIONS_PACK);
  if (!pk)
    return;
  /* among several equal headings the shallowest wins */
  ddlint_result *r = lint_str(pk, "## Problem\n"             /* 1 */
                                  "\n"                       /* 2 */
                                  "### Metrics\n"            /* 3 */
                                  "\n"                       /* 4 */
                                  "x\n"                      /* 5 */
                                  "\n"                       /* 6 */
                                  "## Success Metrics\n"     /* 7 */
                                  "\n"                       /* 8 */
                                  "x\n"                      /* 9 */
                                  "\n"                       /* 10 */
                                  "## System Architecture\n" /* 11 */
                                  "\n"                       /* 12 */
                                  "x\n");                    /* 13 */
  CHECK_INT(ddlint_result_diag_count(r), 0);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 7);
  ddlint_result_free(r);

  /* a heading containing a name is accepted ... */
  r = lint_str(pk, "## Problem\n\nx\n\n## Our Metrics and Goals\n\nx\n\n"
                   "## System Architecture\n\nx\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  CHECK_INT(ddlint_coverage_section_line(r, cov_section(r, "metrics")), 5);
  ddlint_result_free(r);

  /* ... unless it misspells the title: then it is a near miss */
  r = lint_str(pk, "## Problem\n\nx\n\n## Sucess Metrics\n\nx\n\n"
                   "## System Architecture\n\nx\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  const ddlint_diag *d = diag_find(r, "missing-section", 0);
  CHECK_DIAG(r, d, "missing-section", 5, 1,
             "missing required section \"Success Metrics\"");
  if (d)
    CHECK_HAS(ddlint_diag_help(d), "did you mean \"Success Metrics\"?");
  ddlint_result_free(r);

  /* ... or sits below the structural level: a deep "#### Metrics and more"
   * does not stand in for the section, nor is it a near miss */
  r = lint_str(pk, "## Problem\n"             /* 1 */
                   "\n"                       /* 2 */
                   "#### Metrics and more\n"  /* 3 */
                   "\n"                       /* 4 */
                   "x\n"                      /* 5 */
                   "\n"                       /* 6 */
                   "## System Architecture\n" /* 7 */
                   "\n"                       /* 8 */
                   "x\n");                    /* 9 */
  CHECK_INT(ddlint_result_diag_count(r), 1);
  d = diag_find(r, "missing-section", 0);
  CHECK_DIAG(r, d, "missing-section", 7, 1,
             "missing required section \"Success Metrics\"");
  if (d)
    CHECK(strstr(ddlint_diag_help(d), "did you mean") == NULL);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* Regression test for a fixed bug (src/lib/title.c, S_tokens): "Labels" and
 * "Labeling" stem differently
 * ("label" vs "labe"), so the usual heading "## Data and Labels" is not
 * accepted as the section "Data and Labeling": it is reported missing, with
 * a "did you mean" hint. Expected: no diagnostic. */
static void test_required_section_labels(void) {
  ddlint_pack *pk =
      PACK("{\"name\": \"s\", \"sections\": [\n"
           "  {\"id\": \"data\", \"title\": \"Data and Labeling\"}],\n"
           " \"rules\": [{\"id\": \"missing-section\", \"kind\": "
           "\"required-section\",\n"
           "   \"severity\": \"error\", \"message\": \"missing {section}\", "
           "\"help\": \"{detail}\"}]}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Data and Labeling\n\ntext\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  ddlint_result_free(r);
  r = lint_str(pk, "## Data and Labels\n\ntext\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  if (ddlint_result_diag_count(r))
    dump_diags(r);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* ---- required-topic ---- */

static const char TOPICS_PACK[] =
    "{\"name\": \"topics\", \"sections\": [\n"
    "  {\"id\": \"data\", \"title\": \"Data\", \"topics\": [\n"
    "    {\"id\": \"sources\", \"title\": \"Data Sources\", \"aliases\": "
    "[\"sources\"],\n"
    "     \"patterns\": [\"\\\\bclick logs?\\\\b\"]}]},\n"
    "  {\"id\": \"model\", \"title\": \"Model\", \"topics\": [\n"
    "    {\"id\": \"arch\", \"title\": \"Architecture\"}]}],\n"
    " \"rules\": [{\"id\": \"missing-topic\", \"kind\": \"required-topic\",\n"
    "   \"severity\": \"warning\", \"message\": \"\\\"{section}\\\" does not "
    "cover {topic}\",\n"
    "   \"help\": \"cover {topic} under \\\"{heading}\\\"\"}]}";

/* Lints md with the topics pack; checks how "sources" was found (NULL:
 * missing) and on which line. */
static void S_check_sources(const ddlint_pack *pk, const char *md,
                            const char *via, unsigned line, int at) {
  ddlint_result *r = lint_str(pk, md);
  size_t s = cov_section(r, "data");
  const char *got = ddlint_coverage_topic_via(r, s, 0);
  bool ok =
      t_check((got == NULL || via == NULL) ? got == via : strcmp(got, via) == 0,
              __FILE__, at, "topic found via \"%s\", expected \"%s\"",
              got ? got : "(null)", via ? via : "(null)");
  ok &= t_check(ddlint_coverage_topic_line(r, s, 0) == line, __FILE__, at,
                "topic evidence on line %u, expected %u",
                ddlint_coverage_topic_line(r, s, 0), line);
  /* a missing topic is reported at the section heading, a covered one not */
  const ddlint_diag *d = diag_find(r, "missing-topic", 0);
  if (via) {
    ok &= t_check(d == NULL, __FILE__, at, "covered topic still reported");
  } else {
    ok &= t_check(d != NULL, __FILE__, at, "missing topic not reported");
    if (d) {
      unsigned l, c;
      ddlint_diag_start(d, &l, &c, NULL);
      ok &= t_check(l == ddlint_coverage_section_line(r, s) && c == 1, __FILE__,
                    at, "missing topic reported at %u:%u", l, c);
      ok &= t_check(strcmp(ddlint_diag_message(d),
                           "\"Data\" does not cover Data Sources") == 0,
                    __FILE__, at, "message \"%s\"", ddlint_diag_message(d));
      ok &=
          t_check(strcmp(ddlint_diag_section(d), "Data > Data Sources") == 0,
                  __FILE__, at, "section path \"%s\"", ddlint_diag_section(d));
    }
  }
  if (!ok)
    dump_diags(r);
  ddlint_result_free(r);
}
#define CHECK_SOURCES(pk, md, via, line)                                       \
  S_check_sources((pk), (md), (via), (line), __LINE__)

static void test_required_topic(void) {
  ddlint_pack *pk = PACK(TOPICS_PACK);
  if (!pk)
    return;
  /* a subheading */
  CHECK_SOURCES(pk, "## Data\n\n### Data Sources\n\nThe warehouse.\n",
                "heading", 3);
  /* a subheading naming an alias, decorated */
  CHECK_SOURCES(pk, "## Data\n\n### 3.1 Sources\n\nThe warehouse.\n", "heading",
                3);
  /* a bold label */
  CHECK_SOURCES(pk, "## Data\n\nIntro.\n\n**Data sources**: the warehouse.\n",
                "label", 5);
  /* a list label */
  CHECK_SOURCES(pk, "## Data\n\n- Sources: the warehouse\n- Size: 1 TB\n",
                "label", 3);
  /* a pattern in the text */
  CHECK_SOURCES(pk, "## Data\n\nWe read the\nclick logs nightly.\n", "text", 4);
  /* a heading or label naming the topic beats an earlier text match */
  CHECK_SOURCES(pk, "## Data\n\nWe read click logs.\n\n### Data Sources\n\nx\n",
                "heading", 5);
  /* a section split over two headings is searched in both */
  CHECK_SOURCES(pk,
                "## Data\n\nText.\n\n## Other\n\nx\n\n## More Data\n\n"
                "click logs\n",
                "text", 11);
  /* a label naming the topic exactly elsewhere in the document */
  CHECK_SOURCES(pk, "## Data\n\nText.\n\n## Other\n\n- Data sources: x\n",
                "label", 7);
  /* not a pattern inside a code block, an HTML comment or inline comment */
  CHECK_SOURCES(pk, "## Data\n\n```\nclick logs\n```\n", NULL, 0);
  CHECK_SOURCES(pk, "## Data\n\n<!-- click logs -->\n\nText.\n", NULL, 0);
  CHECK_SOURCES(pk, "## Data\n\nText <!-- click logs --> here.\n", NULL, 0);
  /* nor a label that only mentions the word in a sentence */
  CHECK_SOURCES(pk,
                "## Data\n\nWe have not yet decided where the data sources "
                "will come from in the end.\n",
                NULL, 0);
  /* nor text outside the section */
  CHECK_SOURCES(pk, "## Intro\n\nclick logs\n\n## Data\n\nText.\n", NULL, 0);
  ddlint_pack_free(pk);
}

static void test_required_topic_diags(void) {
  ddlint_pack *pk = PACK(TOPICS_PACK);
  if (!pk)
    return;
  /* "Model" is missing: its topic is not reported again */
  ddlint_result *r = lint_str(pk, "## Intro\n\nx\n\n## Data\n\nText.\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  const ddlint_diag *d = ddlint_result_diag(r, 0);
  CHECK_DIAG(r, d, "missing-topic", 5, 1,
             "\"Data\" does not cover Data Sources");
  if (d) {
    CHECK_STR(ddlint_diag_help(d), "cover Data Sources under \"Data\"");
    CHECK_INT(ddlint_diag_severity(d), DDLINT_WARNING);
  }
  ddlint_result_free(r);
  ddlint_pack_free(pk);

  /* params.topics: each rule checks its own topics; a rule without them
   * checks the rest */
  pk = PACK("{\"name\": \"t\", \"sections\": [\n"
            "  {\"id\": \"data\", \"title\": \"Data\", \"topics\": [\n"
            "    {\"id\": \"sources\", \"title\": \"Sources\"},\n"
            "    {\"id\": \"labels\", \"title\": \"Labels\"}]}],\n"
            " \"rules\": [\n"
            "  {\"id\": \"rest\", \"kind\": \"required-topic\", \"severity\": "
            "\"info\", \"message\": \"no {topic}\"},\n"
            "  {\"id\": \"need-labels\", \"kind\": \"required-topic\", "
            "\"severity\": \"warning\",\n"
            "   \"message\": \"no {topic} in {section}\", \"params\": "
            "{\"topics\": [\"labels\"]}}]}");
  if (!pk)
    return;
  r = lint_str(pk, "# T\n\n## Data\n\nWe decide this next quarter.\n");
  CHECK_INT(ddlint_result_diag_count(r), 2);
  /* same position: pack order is kept */
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "rest", 3, 1, "no Sources");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "need-labels", 3, 1,
             "no Labels in Data");
  CHECK_INT(ddlint_result_count(r, DDLINT_INFO), 1);
  CHECK_INT(ddlint_result_count(r, DDLINT_WARNING), 1);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* docs/packs.md: required-topic reports topics "missing from a present,
 * non-empty section"; an empty section gets one diagnostic, empty-section's.
 * (This double report was a bug, fixed in 6236679.) */
static void test_required_topic_skips_empty(void) {
  ddlint_pack *pk =
      PACK("{\"name\": \"t\", \"sections\": [\n"
           "  {\"id\": \"data\", \"title\": \"Data\", \"topics\": [\n"
           "    {\"id\": \"sources\", \"title\": \"Sources\"}]}],\n"
           " \"rules\": [\n"
           "  {\"id\": \"empty-section\", \"kind\": \"empty-section\", "
           "\"severity\": \"warning\", \"message\": \"{heading} is empty\"},\n"
           "  {\"id\": \"missing-topic\", \"kind\": \"required-topic\", "
           "\"severity\": \"info\", \"message\": \"no {topic}\"}]}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Data\n\n<!-- to do -->\n\n## Model\n\n"
                                  "text\n");
  CHECK_INT(diag_count_rule(r, "empty-section"), 1);
  CHECK_DIAG(r, diag_find(r, "empty-section", 0), "empty-section", 1, 1,
             "Data is empty");
  CHECK_INT(diag_count_rule(r, "missing-topic"), 0);
  ddlint_result_free(r);
  /* a non-empty section without the topic is reported */
  r = lint_str(pk, "## Data\n\nSomething else.\n");
  CHECK_INT(diag_count_rule(r, "missing-topic"), 1);
  CHECK_DIAG(r, diag_find(r, "missing-topic", 0), "missing-topic", 1, 1,
             "no Sources");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* Regression test for a fixed bug (src/lib/md.c, S_add_block, via cmark-gfm's
 * end position of a setext heading): a setext heading directly followed by a
 * paragraph ends, for ddlint, at the end of that paragraph. The section body
 * then starts after it, so "click logs" on line 3 is never searched: the topic
 * is reported missing. Expected: found via text on line 3. */
static void test_setext_body_searched(void) {
  ddlint_pack *pk = PACK(TOPICS_PACK);
  if (!pk)
    return;
  CHECK_SOURCES(pk, "Data\n----\nWe read click logs nightly.\n", "text", 3);
  /* with a blank line after the underline it works */
  CHECK_SOURCES(pk, "Data\n----\n\nWe read click logs nightly.\n", "text", 4);
  ddlint_pack_free(pk);
}

/* ---- empty-section ---- */

static const char EMPTY_PACK[] =
    "{\"name\": \"e\", \"sections\": [{\"id\": \"data\", \"title\": "
    "\"Data\"}],\n"
    " \"rules\": [{\"id\": \"empty-section\", \"kind\": \"empty-section\",\n"
    "   \"severity\": \"warning\", \"message\": \"section \\\"{heading}\\\" "
    "is empty\"}]}";

static void test_empty_section(void) {
  ddlint_pack *pk = PACK(EMPTY_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "# Title\n"                    /* 1 */
                                  "\n"                           /* 2 */
                                  "## Empty\n"                   /* 3 */
                                  "\n"                           /* 4 */
                                  "<!-- guidance comment -->\n"  /* 5 */
                                  "\n"                           /* 6 */
                                  "[ref]: https://example.com\n" /* 7 */
                                  "\n"                           /* 8 */
                                  "---\n"                        /* 9 */
                                  "\n"                           /* 10 */
                                  "## Parent\n"                  /* 11 */
                                  "\n"                           /* 12 */
                                  "### Child\n"                  /* 13 */
                                  "\n"                           /* 14 */
                                  "Content.\n"                   /* 15 */
                                  "\n"                           /* 16 */
                                  "## Blank\n"                   /* 17 */
                                  "   \n"                        /* 18 */
                                  "\t\n"                         /* 19 */
                                  "## Code\n"                    /* 20 */
                                  "\n"                           /* 21 */
                                  "    code\n"                   /* 22 */
                                  "\n"                           /* 23 */
                                  "## Html\n"                    /* 24 */
                                  "\n"                           /* 25 */
                                  "<div>x</div>\n"               /* 26 */
                                  "\n"                           /* 27 */
                                  "## Table\n"                   /* 28 */
                                  "\n"                           /* 29 */
                                  "| a | b |\n"                  /* 30 */
                                  "|---|---|\n"                  /* 31 */
                                  "| 1 | 2 |\n"                  /* 32 */
                                  "\n"                           /* 33 */
                                  "## List\n"                    /* 34 */
                                  "- item\n"                     /* 35 */
                                  "## Last\n");                  /* 36 */
  CHECK_INT(ddlint_result_diag_count(r), 3);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "empty-section", 3, 1,
             "section \"Empty\" is empty");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "empty-section", 17, 1,
             "section \"Blank\" is empty");
  CHECK_DIAG(r, ddlint_result_diag(r, 2), "empty-section", 36, 1,
             "section \"Last\" is empty");
  const ddlint_diag *d = ddlint_result_diag(r, 0);
  if (d)
    CHECK_STR(ddlint_diag_section(d), "Empty");
  ddlint_result_free(r);

  /* a parent whose subsections are all empty: one report, on the parent */
  r = lint_str(pk, "## Parent\n\n### A\n\n### B\n\n## Other\n\ntext\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "empty-section", 1, 1,
             "section \"Parent\" is empty");
  ddlint_result_free(r);
  /* a parent with some content: its empty subsections are reported */
  r = lint_str(pk, "## Parent\n\n### A\n\ntext\n\n### B\n\n## Other\n\nx\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "empty-section", 7, 1,
             "section \"B\" is empty");
  d = ddlint_result_diag(r, 0);
  if (d)
    CHECK_STR(ddlint_diag_section(d), "Parent > B");
  ddlint_result_free(r);

  /* a title alone is not an empty section */
  r = lint_str(pk, "# Only a title\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  ddlint_result_free(r);

  /* text that says the text is still to come is none; "None." answers */
  r = lint_str(pk, "## Data\n\nTo be written.\n\n## Labels\n\nTODO: ask the "
                   "annotation team.\n\n## Unresolved questions\n\nNone.\n");
  CHECK_INT(ddlint_result_diag_count(r), 2);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "empty-section", 1, 1,
             "section \"Data\" is empty");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "empty-section", 5, 1,
             "section \"Labels\" is empty");
  ddlint_result_free(r);
  ddlint_pack_free(pk);

  /* where a placeholder rule reports "TBD", the gap has that one finding */
  pk = PACK("{\"name\": \"e\", \"sections\": [{\"id\": \"data\", "
            "\"title\": \"Data\"}],\n \"rules\": [{\"id\": \"empty-section\", "
            "\"kind\": \"empty-section\", \"severity\": \"warning\", "
            "\"message\": \"empty\"},\n {\"id\": \"placeholder\", \"kind\": "
            "\"placeholder\", \"severity\": \"warning\", \"message\": "
            "\"{match}\"}]}");
  if (!pk)
    return;
  r = lint_str(pk, "## Data\n\nTBD\n\n## Labels\n\nTo be written.\n");
  CHECK_INT(ddlint_result_diag_count(r), 2);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "placeholder", 3, 1, "TBD");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "empty-section", 5, 1, "empty");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_empty_section_scope(void) {
  ddlint_pack *pk =
      PACK("{\"name\": \"e\", \"sections\": [{\"id\": \"data\", \"title\": "
           "\"Data\"}],\n"
           " \"rules\": [{\"id\": \"empty\", \"kind\": \"empty-section\",\n"
           "   \"severity\": \"info\", \"message\": \"{heading}\", \"scope\": "
           "[\"data\"]}]}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Intro\n"   /* 1 */
                                  "\n"           /* 2 */
                                  "## Data\n"    /* 3 */
                                  "\n"           /* 4 */
                                  "### Sub\n"    /* 5 */
                                  "\n"           /* 6 */
                                  "## Other\n"); /* 7 */
  /* the whole Data subtree is empty: reported once, at Data */
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "empty", 3, 1, "Data");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* ---- placeholder ---- */

static const char PLACEHOLDER_PACK[] =
    "{\"name\": \"p\", \"sections\": [\n"
    "  {\"id\": \"problem\", \"title\": \"Problem\",\n"
    "   \"prompt\": \"What is the product or problem you're solving?\"}],\n"
    " \"rules\": [\n"
    "  {\"id\": \"placeholder\", \"kind\": \"placeholder\", \"severity\": "
    "\"warning\",\n"
    "   \"message\": \"placeholder left in: \\\"{match}\\\"\",\n"
    "   \"params\": {\"patterns\": [\"(?-i)\\\\b(TBD|TODO)\\\\b\",\n"
    "     \"<\\\\s*fill[ -]?in\\\\b[^>\\\\n]*>\", \"\\\\blorem ipsum\\\\b\"],\n"
    "     \"template_prompts\": false}},\n"
    "  {\"id\": \"template-prompt\", \"kind\": \"placeholder\", "
    "\"severity\": \"info\",\n"
    "   \"message\": \"template prompt left in: \\\"{match}\\\"\",\n"
    "   \"params\": {\"patterns\": [], \"template_prompts\": true}}]}";

/* Template prompts are found in one pass over the text (prose_literals)
 * unless the text has U+212A or U+017F, when PCRE2 finds them one prompt at
 * a time: both give the same diagnostics, in the same order, including two
 * prompts at one place, repeats, and prompts in code (skipped). */
static const char PROMPTS_PACK[] =
    "{\"name\": \"p\", \"sections\": [\n"
    "  {\"id\": \"a\", \"title\": \"A\", \"prompt\": \"Ab cd?\",\n"
    "   \"topics\": [{\"id\": \"t\", \"title\": \"T\", \"prompt\": \"ab cd? ef\"}]},\n"
    "  {\"id\": \"b\", \"title\": \"B\", \"prompt\": \"zz zz\"}],\n"
    " \"rules\": [\n"
    "  {\"id\": \"template-prompt\", \"kind\": \"placeholder\", "
    "\"severity\": \"info\",\n"
    "   \"message\": \"{match}\", \"params\": {\"template_prompts\": "
    "true}}]}";

static void test_template_prompts_one_pass(void) {
  ddlint_pack *pk = PACK(PROMPTS_PACK);
  if (!pk)
    return;
  const char *text = "AB CD? EF and ab cd?ab cd?\n" /* 1 */
                     "\n"                            /* 2 */
                     "```\nab cd?\n```\n"          /* 3-5: code */
                     "\n"                            /* 6 */
                     "zz zzz zz\n"                   /* 7 */
                     "\nTBD\n"; /* 9: a prompts-only rule leaves it alone */
  for (int k = 0; k < 2; k++) {
    char buf[256];
    /* k = 1: a KELVIN SIGN at the end makes PCRE2 do it */
    snprintf(buf, sizeof buf, "%s%s", text, k ? "\xE2\x84\xAA\n" : "");
    ddlint_result *r = lint_str(pk, buf);
    CHECK_INT(ddlint_result_diag_count(r), 5);
    CHECK_DIAG(r, ddlint_result_diag(r, 0), "template-prompt", 1, 1, "AB CD?");
    CHECK_DIAG(r, ddlint_result_diag(r, 1), "template-prompt", 1, 1,
               "AB CD? EF");
    CHECK_DIAG(r, ddlint_result_diag(r, 2), "template-prompt", 1, 15,
               "ab cd?");
    CHECK_DIAG(r, ddlint_result_diag(r, 3), "template-prompt", 1, 21,
               "ab cd?");
    CHECK_DIAG(r, ddlint_result_diag(r, 4), "template-prompt", 7, 1, "zz zz");
    ddlint_result_free(r);
  }
  ddlint_pack_free(pk);
}

static void test_placeholder(void) {
  ddlint_pack *pk = PACK(PLACEHOLDER_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(
      pk, "---\n"                                                  /* 1 */
          "status: TBD\n"                                          /* 2 */
          "---\n"                                                  /* 3 */
          "## Problem\n"                                           /* 4 */
          "\n"                                                     /* 5 */
          "Budget is TBD and the owner is <fill in>.\n"            /* 6 */
          "\n"                                                     /* 7 */
          "- TODO: pick a model\n"                                 /* 8 */
          "\n"                                                     /* 9 */
          "Lorem Ipsum dolor sit amet.\n"                          /* 10 */
          "\n"                                                     /* 11 */
          "```\n"                                                  /* 12 */
          "TBD in code\n"                                          /* 13 */
          "```\n"                                                  /* 14 */
          "\n"                                                     /* 15 */
          "<!-- TODO: guidance in a comment -->\n"                 /* 16 */
          "\n"                                                     /* 17 */
          "Lower-case todo, TBDs and tbd are fine. <!-- TBD -->\n" /* 18 */
          "\n"                                                     /* 19 */
          "What is the product or problem you're solving?\n");     /* 20 */
  CHECK_INT(ddlint_result_diag_count(r), 5);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "placeholder", 6, 11,
             "placeholder left in: \"TBD\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "placeholder", 6, 32,
             "placeholder left in: \"<fill in>\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 2), "placeholder", 8, 3,
             "placeholder left in: \"TODO\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 3), "placeholder", 10, 1,
             "placeholder left in: \"Lorem Ipsum\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 4), "template-prompt", 20, 1,
             "template prompt left in: \"What is the product or problem "
             "you're solving?\"");
  const ddlint_diag *d = ddlint_result_diag(r, 0);
  if (d) {
    unsigned line, col;
    size_t off;
    ddlint_diag_end(d, &line, &col, &off);
    CHECK_INT(line, 6);
    CHECK_INT(col, 14); /* exclusive */
    CHECK_STR(ddlint_diag_section(d), "Problem");
  }
  d = ddlint_result_diag(r, 4);
  if (d)
    CHECK_INT(ddlint_diag_severity(d), DDLINT_INFO);
  ddlint_result_free(r);

  /* the prompt is matched ignoring case, anywhere in a line */
  r = lint_str(pk, "Intro: what is the product or problem you're solving? "
                   "Search.\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "template-prompt", 1, 8,
             "template prompt left in: \"what is the product or problem "
             "you're solving?\"");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_placeholder_columns(void) {
  ddlint_pack *pk = PACK(PLACEHOLDER_PACK);
  if (!pk)
    return;
  /* columns count code points: "é" and "—" are one column each; CRLF lines */
  ddlint_result *r = lint_str(pk, "## Problem\r\n\r\n"
                                  "Caf\xC3\xA9 \xE2\x80\x94 TBD.\r\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "placeholder", 3, 8,
             "placeholder left in: \"TBD\"");
  size_t len = 0;
  const char *line = ddlint_result_line(r, 3, &len);
  CHECK(line && len == strlen("Caf\xC3\xA9 \xE2\x80\x94 TBD.") &&
        memcmp(line, "Caf\xC3\xA9", 5) == 0);
  CHECK(ddlint_result_line(r, 4, &len) == NULL);
  CHECK(ddlint_result_line(r, 0, &len) == NULL);
  ddlint_result_free(r);

  /* NUL bytes do not hide what follows them */
  static const char nul[] = "## A\n\nTBD\0TBD\n";
  r = ddlint_lint_buffer(pk, "nul.md", nul, sizeof nul - 1);
  CHECK_INT(ddlint_result_diag_count(r), 2);
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "placeholder", 3, 5,
             "placeholder left in: \"TBD\"");
  ddlint_result_free(r);

  /* invalid UTF-8 is linted, not rejected */
  r = lint_str(pk, "## A\n\n\xFF\xFE TBD\n");
  CHECK_INT(diag_count_rule(r, "placeholder"), 1);
  CHECK_DIAG(r, diag_find(r, "placeholder", 0), "placeholder", 3, 4, NULL);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* Regression test for a fixed bug (then in src/lib/pack.c; the loader is now
 * src/lib/rules/placeholder.c's): docs/packs.md
 * gives `template_prompts` "default true", and so does S_bool() when params
 * exist without the key; but a placeholder rule with no params at all keeps the
 * zeroed default, false, and then checks nothing. Expected: the copied prompt
 * on line 3 is reported. */
static void test_placeholder_default_prompts(void) {
  ddlint_pack *pk = PACK(
      "{\"name\": \"p\", \"sections\": [\n"
      "  {\"id\": \"problem\", \"title\": \"Problem\", \"prompt\": \"What "
      "is the problem?\"}],\n"
      " \"rules\": [{\"id\": \"template-prompt\", \"kind\": \"placeholder\", "
      "\"severity\": \"warning\", \"message\": \"{match}\"}]}");
  if (!pk)
    return;
  CHECK(pk->nrules == 5); /* + built-ins; the finding below shows
                             template_prompts is on */
  ddlint_result *r = lint_str(pk, "## Problem\n\nWhat is the problem?\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "template-prompt", 3, 1,
             "What is the problem?");
  ddlint_result_free(r);
  /* with no "patterns", the placeholders its explain text names: a pack
   * written without them once found none */
  r = lint_str(pk, "## Problem\n\nOwner: TBD. Budget: [NO INFO].\n");
  CHECK_INT(ddlint_result_diag_count(r), 2);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "template-prompt", 3, 8, "TBD");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "template-prompt", 3, 21,
             "[NO INFO]");
  ddlint_result_free(r);
  ddlint_pack_free(pk);

  /* params without the key: true, as documented */
  pk = PACK("{\"name\": \"p\", \"sections\": [\n"
            "  {\"id\": \"problem\", \"title\": \"Problem\", \"prompt\": "
            "\"What is the problem?\"}],\n"
            " \"rules\": [{\"id\": \"template-prompt\", \"kind\": "
            "\"placeholder\", \"severity\": \"warning\", \"message\": "
            "\"{match}\", \"params\": {}}]}");
  if (!pk)
    return;
  ddlint_result *r2 = lint_str(pk, "## Problem\n\nWhat is the problem?\n");
  CHECK_INT(ddlint_result_diag_count(r2), 1);
  ddlint_result_free(r2);
  ddlint_pack_free(pk);
}

/* Regression test for a fixed bug (src/lib/md.c, S_skip_inline_comments):
 * inline comments are found by scanning the paragraph's raw bytes, so "<!--"
 * inside a code span opens a "comment" that runs to the end of the paragraph
 * and hides the TODO after it. In CommonMark a code span is not a comment.
 * Expected: TODO at 1:33. */
static void test_placeholder_after_code_span(void) {
  ddlint_pack *pk = PACK(PLACEHOLDER_PACK);
  if (!pk)
    return;
  ddlint_result *r =
      lint_str(pk, "Write `<!--` to open a comment. TODO: finish.\n");
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "placeholder", 1, 33,
             "placeholder left in: \"TODO\"");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* A word after a non-ASCII character starts there, as PCRE2 sees it
 * without PCRE2_UCP: the literal pass once took the bytes of a curly
 * quote or an em dash for letters and missed the word after them. */
static void test_placeholder_after_non_ascii(void) {
  ddlint_pack *pk = PACK(PLACEHOLDER_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(
      pk, "Owner: \xE2\x80\x9CTBD\xE2\x80\x9D, review \xE2\x80\x94TBD.\n"
          "Words that hold it (OUTBDX) are not placeholders.\n");
  CHECK_INT(ddlint_result_diag_count(r), 2);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "placeholder", 1, 9,
             "placeholder left in: \"TBD\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "placeholder", 1, 23,
             "placeholder left in: \"TBD\"");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* Regression test for a fixed bug (src/lib/source.c, source_position):
 * docs/matching.md says "A UTF-8 BOM is ignored", but the BOM counts as a code
 * point, so everything on line 1 of a file with a BOM is reported one column to
 * the right: TBD at 1:2 instead of 1:1. */
static void test_placeholder_bom_column(void) {
  ddlint_pack *pk = PACK(PLACEHOLDER_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "\xEF\xBB\xBFTBD first.\nTBD second.\n");
  CHECK_INT(ddlint_result_diag_count(r), 2);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "placeholder", 1, 1,
             "placeholder left in: \"TBD\"");
  CHECK_DIAG(r, ddlint_result_diag(r, 1), "placeholder", 2, 1,
             "placeholder left in: \"TBD\"");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* ---- quantified-target ---- */

static const char LATENCY_PACK[] =
    "{\"name\": \"q\", \"sections\": [\n"
    "  {\"id\": \"arch\", \"title\": \"Architecture\"},\n"
    "  {\"id\": \"metrics\", \"title\": \"Metrics\"}],\n"
    " \"rules\": [{\"id\": \"latency-target\", \"kind\": "
    "\"quantified-target\",\n"
    "   \"severity\": \"warning\", \"message\": \"{detail}\", \"help\": "
    "\"state a {target} target\",\n"
    "   \"scope\": [\"arch\", \"metrics\"],\n"
    "   \"params\": {\"name\": \"latency\",\n"
    "     \"subject\": [\"\\\\blatenc(y|ies)\\\\b\", "
    "\"\\\\bp(50|95|99)\\\\b\"],\n"
    "     \"quantity\": \"\\\\d+(\\\\.\\\\d+)?\\\\s*(ms|s|seconds?)\\\\b\",\n"
    "     \"percentile\": "
    "\"\\\\bp\\\\s?\\\\d{2,3}\\\\b|\\\\bpercentile\\\\b\"}}]}";

/* Lints md with the latency pack: expects no diagnostic when message is
 * NULL, else exactly one at line:col with this message. */
static void S_check_latency(const ddlint_pack *pk, const char *md,
                            unsigned line, unsigned col, const char *message,
                            int at) {
  ddlint_result *r = lint_str(pk, md);
  size_t n = ddlint_result_diag_count(r);
  if (!message) {
    if (!t_check(n == 0, __FILE__, at, "expected no diagnostic, got %zu", n))
      dump_diags(r);
  } else if (t_check(n == 1, __FILE__, at, "expected 1 diagnostic, got %zu",
                     n)) {
    check_diag(r, ddlint_result_diag(r, 0), "latency-target", line, col,
               message, __FILE__, at);
    CHECK_STR(ddlint_diag_help(ddlint_result_diag(r, 0)),
              "state a latency target");
  } else {
    dump_diags(r);
  }
  ddlint_result_free(r);
}
#define CHECK_LATENCY(pk, md, line, col, msg)                                  \
  S_check_latency((pk), (md), (line), (col), (msg), __LINE__)

static void test_quantified_target(void) {
  ddlint_pack *pk = PACK(LATENCY_PACK);
  if (!pk)
    return;
  /* no number */
  CHECK_LATENCY(pk, "## Architecture\n\nLatency should be low.\n", 3, 1,
                "latency target has no number and unit: \"Latency should be "
                "low.\"");
  /* a number but no percentile */
  CHECK_LATENCY(pk, "## Architecture\n\nLatency 200 ms end to end.\n", 3, 1,
                "latency target has no percentile: \"Latency 200 ms end to "
                "end.\"");
  /* passes */
  CHECK_LATENCY(pk, "## Architecture\n\nP99 < 150 ms.\n", 0, 0, NULL);
  CHECK_LATENCY(pk, "## Architecture\n\n- Latency: P99 < 150 ms\n", 0, 0, NULL);
  CHECK_LATENCY(pk,
                "## Metrics\n\nThe latency target is the 95th "
                "percentile under 2 s.\n",
                0, 0, NULL);
  /* judged with its whole paragraph, across lines */
  CHECK_LATENCY(pk, "## Architecture\n\nThe latency budget\nis p99 150 ms.\n",
                0, 0, NULL);
  /* and with its table row */
  CHECK_LATENCY(pk,
                "## Architecture\n\n| target | value |\n|---|---|\n"
                "| latency | p95 80 ms |\n",
                0, 0, NULL);
  /* one passing mention is enough */
  CHECK_LATENCY(pk,
                "## Architecture\n\nLatency matters.\n\n"
                "## Metrics\n\nLatency: P99 < 150 ms.\n",
                0, 0, NULL);
  /* the best failing mention is reported */
  CHECK_LATENCY(pk, "## Architecture\n\nLatency is low.\n\nLatency 200 ms.\n",
                5, 1, "latency target has no percentile: \"Latency 200 ms.\"");
  /* no mention at all: at the first scope section's heading */
  CHECK_LATENCY(pk, "# T\n\n## Architecture\n\nA service.\n", 3, 1,
                "no latency target in Architecture");
  CHECK_LATENCY(pk, "## Architecture\n\nA service.\n\n## Metrics\n\nCTR.\n", 1,
                1, "no latency target in Architecture, Metrics");
  /* mentions in code or comments do not count */
  CHECK_LATENCY(pk,
                "## Architecture\n\n```\nlatency p99 100 ms\n```\n\n"
                "<!-- latency p99 100 ms -->\n",
                1, 1, "no latency target in Architecture");
  /* a quantified target outside the scope sections counts too */
  CHECK_LATENCY(pk, "## Intro\n\nLatency p99 100 ms.\n\n## Architecture\n\nx\n",
                0, 0, NULL);
  /* no scope section present: the whole document */
  CHECK_LATENCY(pk, "## Intro\n\nFast.\n", 1, 1,
                "no latency target in the document");
  CHECK_LATENCY(pk, "## Intro\n\nLatency p99 100 ms.\n", 0, 0, NULL);
  ddlint_pack_free(pk);

  /* params.not_ours: a sentence reporting someone else's number is not
   * judged, and lends nothing to its paragraph's other sentences */
  char *json = xstrdup(LATENCY_PACK);
  char *at = strstr(json, "\"percentile\": ");
  strbuf sb = {0};
  strbuf_put(&sb, json, (size_t)(at - json));
  strbuf_puts(&sb, "\"not_ours\": [\"\\\\bquoted\\\\b\"], ");
  strbuf_puts(&sb, at);
  free(json);
  json = strbuf_take(&sb);
  pk = PACK(json);
  free(json);
  if (!pk)
    return;
  CHECK_LATENCY(pk, "## Architecture\n\nA blog quoted a p99 latency of 30 ms.\n",
                1, 1, "no latency target in Architecture");
  CHECK_LATENCY(pk,
                "## Architecture\n\nLatency stays under 2 s. A blog quoted "
                "a p99 of 30 ms.\n",
                3, 1,
                "latency target has no percentile: \"Latency stays under 2 "
                "s. A blog quoted a p99 of 30 ms.\"");
  CHECK_LATENCY(pk,
                "## Architecture\n\nLatency p99 under 2 s. A blog quoted "
                "30 ms.\n",
                0, 0, NULL);
  ddlint_pack_free(pk);
}

/* ---- coverage and score ---- */

static const char SCORE_PACK[] =
    "{\"name\": \"score\", \"sections\": [\n"
    "  {\"id\": \"data\", \"title\": \"Data\", \"topics\": [\n"
    "    {\"id\": \"sources\", \"title\": \"Sources\", \"patterns\": "
    "[\"\\\\blogs\\\\b\"]}]},\n"
    "  {\"id\": \"model\", \"title\": \"Model\", \"topics\": [\n"
    "    {\"id\": \"arch\", \"title\": \"Architecture\"}]}],\n"
    " \"rules\": [{\"id\": \"missing-topic\", \"kind\": \"required-topic\",\n"
    "   \"severity\": \"info\", \"message\": \"no {topic}\"}]}";

static void test_coverage_and_score(void) {
  ddlint_pack *pk = PACK(SCORE_PACK);
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "# T\n"        /* 1 */
                                  "\n"           /* 2 */
                                  "## Data\n"    /* 3 */
                                  "\n"           /* 4 */
                                  "From logs.\n" /* 5 */
                                  "\n"           /* 6 */
                                  "## Model\n"   /* 7 */
                                  "\n"           /* 8 */
                                  "A GBDT.\n");  /* 9 */
  CHECK_STR(ddlint_result_path(r), "doc.md");
  CHECK_INT(ddlint_result_section_count(r), 2);
  CHECK_STR(ddlint_coverage_section_id(r, 0), "data");
  CHECK_STR(ddlint_coverage_section_title(r, 1), "Model");
  CHECK_INT(ddlint_coverage_section_line(r, 0), 3);
  CHECK_INT(ddlint_coverage_section_line(r, 1), 7);
  CHECK_STR(ddlint_coverage_section_heading(r, 1), "Model");
  CHECK(ddlint_coverage_section_required(r, 0));
  CHECK_DBL(ddlint_coverage_section_weight(r, 0), 1.0, 1e-12);
  CHECK_INT(ddlint_coverage_topic_count(r, 0), 1);
  CHECK_STR(ddlint_coverage_topic_id(r, 0, 0), "sources");
  CHECK_STR(ddlint_coverage_topic_title(r, 1, 0), "Architecture");
  CHECK_STR(ddlint_coverage_topic_via(r, 0, 0), "text");
  CHECK_INT(ddlint_coverage_topic_line(r, 0, 0), 5);
  CHECK(ddlint_coverage_topic_via(r, 1, 0) == NULL);
  CHECK_INT(ddlint_coverage_topic_line(r, 1, 0), 0);
  CHECK_DBL(ddlint_coverage_topic_weight(r, 1, 0), 1.0, 1e-12);
  /* 2 sections + 1 of 2 topics found: 3 of 4 */
  CHECK_DBL(ddlint_result_score(r), 75.0, 1e-9);
  CHECK_INT(ddlint_result_diag_count(r), 1);
  CHECK_DIAG(r, ddlint_result_diag(r, 0), "missing-topic", 7, 1,
             "no Architecture");
  ddlint_result_free(r);

  /* every topic found: 100 */
  r = lint_str(pk, "## Data\n\n- Sources: S3\n\n## Model\n\n"
                   "### Architecture\n\nA GBDT.\n");
  CHECK_STR(ddlint_coverage_topic_via(r, 0, 0), "label");
  CHECK_STR(ddlint_coverage_topic_via(r, 1, 0), "heading");
  CHECK_INT(ddlint_coverage_topic_line(r, 1, 0), 7);
  CHECK_DBL(ddlint_result_score(r), 100.0, 1e-9);
  CHECK_INT(ddlint_result_diag_count(r), 0);
  ddlint_result_free(r);

  /* one section, nothing else: 1 of 4 */
  r = lint_str(pk, "## Model\n\ntext\n");
  CHECK_DBL(ddlint_result_score(r), 25.0, 1e-9);
  ddlint_result_free(r);
  ddlint_pack_free(pk);

  /* weights count */
  pk = PACK("{\"name\": \"w\", \"sections\": [\n"
            "  {\"id\": \"a\", \"title\": \"Alpha\", \"weight\": 3},\n"
            "  {\"id\": \"b\", \"title\": \"Beta\", \"topics\": [\n"
            "    {\"id\": \"t\", \"title\": \"Topic\", \"weight\": 0}]}],\n"
            " \"rules\": []}");
  if (!pk)
    return;
  r = lint_str(pk, "## Alpha\n\ntext\n");
  CHECK_DBL(ddlint_result_score(r), 75.0, 1e-9);
  ddlint_result_free(r);
  r = lint_str(pk, "## Beta\n\ntext\n");
  CHECK_DBL(ddlint_result_score(r), 25.0, 1e-9);
  ddlint_result_free(r);
  ddlint_pack_free(pk);

  /* an empty template scores 100 */
  pk = PACK("{\"name\": \"none\", \"sections\": [], \"rules\": []}");
  if (!pk)
    return;
  r = lint_str(pk, "text\n");
  CHECK_DBL(ddlint_result_score(r), 100.0, 1e-9);
  CHECK_INT(ddlint_result_section_count(r), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
  ddlint_result_free(NULL);
}

static void test_empty_input(void) {
  ddlint_pack *pk = PACK(SECTIONS_PACK);
  if (!pk)
    return;
  /* no bytes at all, no path: a result all the same */
  ddlint_result *r = ddlint_lint_buffer(pk, NULL, NULL, 0);
  CHECK(r != NULL);
  if (r) {
    CHECK_STR(ddlint_result_path(r), "-");
    CHECK_INT(diag_count_rule(r, "missing-section"), 3);
    size_t len = 99;
    const char *line = ddlint_result_line(r, 1, &len);
    CHECK(line != NULL && len == 0);
  }
  ddlint_result_free(r);
  /* front matter only */
  r = lint_str(pk, "---\ntitle: x\n---\n");
  CHECK_INT(diag_count_rule(r, "missing-section"), 3);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_severity_names(void) {
  CHECK_STR(ddlint_severity_name(DDLINT_ERROR), "error");
  CHECK_STR(ddlint_severity_name(DDLINT_WARNING), "warning");
  CHECK_STR(ddlint_severity_name(DDLINT_INFO), "info");
  CHECK(DDLINT_INFO < DDLINT_WARNING && DDLINT_WARNING < DDLINT_ERROR);
}

/* The built-in pack on a small complete document: every section is found
 * and the template's own example of a passing latency target passes. */
static void test_builtin_pack_smoke(void) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_builtin("ml-system-design", &err);
  CHECK(pk != NULL);
  free(err);
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "# Video Recommendations\n"
                                  "\n"
                                  "## 1. Problem Formulation\n"
                                  "\n"
                                  "Recommend videos. Latency: P99 < 150 ms.\n"
                                  "\n"
                                  "## 2. Success Metrics\n"
                                  "\n"
                                  "Offline: NDCG. Online: CTR.\n"
                                  "\n"
                                  "## 3. System Architecture\n"
                                  "\n"
                                  "Two stages, with a popularity fallback.\n"
                                  "\n"
                                  "## 4. Data and Labeling\n"
                                  "\n"
                                  "Click logs; a click is a positive label.\n"
                                  "\n"
                                  "## 5. Features\n"
                                  "\n"
                                  "User history, video age, watch counts.\n"
                                  "\n"
                                  "## 6. Model Design\n"
                                  "\n"
                                  "A two-tower model.\n"
                                  "\n"
                                  "## 7. Prediction and Ranking\n"
                                  "\n"
                                  "Score each candidate, then rerank.\n"
                                  "\n"
                                  "## 8. Feedback, Monitoring, and Deployment\n"
                                  "\n"
                                  "Monitor drift; ship with an A/B test.\n");
  CHECK_INT(diag_count_rule(r, "missing-section"), 0);
  CHECK_INT(diag_count_rule(r, "latency-target"), 0);
  CHECK_INT(diag_count_rule(r, "empty-section"), 0);
  CHECK_INT(diag_count_rule(r, "placeholder"), 0);
  for (size_t s = 0; s < ddlint_result_section_count(r); s++)
    t_check(ddlint_coverage_section_line(r, s) == 3 + 4 * s, __FILE__, __LINE__,
            "section \"%s\" matched on line %u, expected %zu",
            ddlint_coverage_section_id(r, s),
            ddlint_coverage_section_line(r, s), 3 + 4 * s);
  CHECK(ddlint_result_score(r) > 50.0);
  CHECK_INT(ddlint_result_count(r, DDLINT_ERROR), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

void suite_rules(void) {
  RUN(test_required_section_present);
  RUN(test_required_section_near_miss);
  RUN(test_required_section_missing);
  RUN(test_required_section_passing);
  RUN(test_required_section_scope);
  RUN(test_required_section_matching);
  RUN(test_required_section_labels);
  RUN(test_required_topic);
  RUN(test_required_topic_diags);
  RUN(test_required_topic_skips_empty);
  RUN(test_setext_body_searched);
  RUN(test_empty_section);
  RUN(test_empty_section_scope);
  RUN(test_placeholder);
  RUN(test_template_prompts_one_pass);
  RUN(test_placeholder_columns);
  RUN(test_placeholder_default_prompts);
  RUN(test_placeholder_after_code_span);
  RUN(test_placeholder_bom_column);
  RUN(test_placeholder_after_non_ascii);
  RUN(test_quantified_target);
  RUN(test_coverage_and_score);
  RUN(test_empty_input);
  RUN(test_severity_names);
  RUN(test_builtin_pack_smoke);
}
