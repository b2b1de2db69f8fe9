/* The rule kinds of the packs language beyond the core (section-order,
 * duplicate-section, heading-level, conditional, cross-reference,
 * min-content, forbidden), inline suppressions, configuration files and
 * `extends`, through the public API with small inline packs. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Sections a, b, c with one topic under a; each test adds its rule. */
#define SECTIONS                                                               \
  "\"sections\": [\n"                                                          \
  "  {\"id\": \"a\", \"title\": \"Alpha\", \"topics\": [\n"                    \
  "    {\"id\": \"t\", \"title\": \"Tau Topic\"}]},\n"                         \
  "  {\"id\": \"b\", \"title\": \"Beta\"},\n"                                  \
  "  {\"id\": \"c\", \"title\": \"Gamma\"}]"

static ddlint_pack *S_pack(const char *rule) {
  char *json =
      xasprintf("{\"name\": \"k\", " SECTIONS ", \"rules\": [%s]}", rule);
  ddlint_pack *pk = PACK(json);
  free(json);
  return pk;
}

/* One heading naming two sections, the second inside the first's name
 * ("Goals" in "Non-Goals"): both are found there, and neither is out of
 * order. */
static void test_combined_heading(void) {
  ddlint_pack *pk = PACK(
      "{\"name\": \"g\", \"sections\": [\n"
      "  {\"id\": \"summary\", \"title\": \"Summary\"},\n"
      "  {\"id\": \"goals\", \"title\": \"Goals\"},\n"
      "  {\"id\": \"non-goals\", \"title\": \"Non-Goals\"}],\n"
      " \"rules\": [\n"
      "  {\"id\": \"missing\", \"kind\": \"required-section\", "
      "\"severity\": \"error\", \"message\": \"missing {section}\"},\n"
      "  {\"id\": \"order\", \"kind\": \"section-order\", \"severity\": "
      "\"warning\", \"message\": \"{section} out of order\"}]}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Summary\n\nA search box.\n\n"
                                  "## Goals and Non-Goals\n\n"
                                  "- Goal: one query finds the doc.\n"
                                  "- Non-goal: web search.\n");
  CHECK_INT(diag_count_rule(r, "missing"), 0);
  CHECK_INT(diag_count_rule(r, "order"), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* A misspelt word of a name is a near miss even when another word of the
 * heading is an alias: "Monitorng & Alerting" is not taken through
 * "alerting" ("monitorng" is two edits from the stem "monitor", one from
 * "monitoring"). */
static void test_misspelt_with_alias(void) {
  ddlint_pack *pk = PACK(
      "{\"name\": \"m\", \"sections\": [\n"
      "  {\"id\": \"mon\", \"title\": \"Monitoring & Alerting\", "
      "\"aliases\": [\"alerting\", \"monitoring\"]}],\n"
      " \"rules\": [{\"id\": \"missing\", \"kind\": \"required-section\", "
      "\"severity\": \"error\", \"message\": \"missing {section}\"}]}");
  if (!pk)
    return;
  ddlint_result *r =
      lint_str(pk, "## Monitorng & Alerting\n\nDashboards and pages.\n");
  CHECK_INT(diag_count_rule(r, "missing"), 1);
  ddlint_result_free(r);
  r = lint_str(pk, "## Monitoring & Alerting\n\nDashboards and pages.\n");
  CHECK_INT(diag_count_rule(r, "missing"), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_section_order(void) {
  ddlint_pack *pk =
      S_pack("{\"id\": \"order\", \"kind\": \"section-order\", \"severity\": "
             "\"warning\", \"message\": \"{section} out of order: {detail}\"}");
  if (!pk)
    return;
  ddlint_result *r =
      lint_str(pk, "## Alpha\n\nx\n\n## Beta\n\ny\n\n## Gamma\n\nz\n");
  CHECK_INT(ddlint_result_diag_count(r), 0);
  ddlint_result_free(r);
  r = lint_str(pk, "## Gamma\n\nz\n\n## Alpha\n\nx\n\n## Beta\n\ny\n");
  CHECK_INT(diag_count_rule(r, "order"), 1);
  CHECK_DIAG(r, diag_find(r, "order", 0), "order", 1, 1,
             "Gamma out of order: the template puts it after \"Beta\"");
  ddlint_result_free(r);
  r = lint_str(pk, "## Beta\n\ny\n\n## Alpha\n\nx\n\n## Gamma\n\nz\n");
  CHECK_INT(diag_count_rule(r, "order"), 1);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_duplicate_section(void) {
  ddlint_pack *pk = S_pack(
      "{\"id\": \"dup\", \"kind\": \"duplicate-section\", \"severity\": "
      "\"warning\", \"message\": \"{heading} repeats {section} ({detail})\"}");
  if (!pk)
    return;
  ddlint_result *r =
      lint_str(pk, "## Alpha\n\nx\n\n## Beta\n\ny\n\n## 3. Alpha\n\nz\n");
  CHECK_DIAG(r, diag_find(r, "dup", 0), "dup", 9, 1,
             "3. Alpha repeats Alpha (first at line 1)");
  ddlint_result_free(r);
  /* a deeper heading of the same name is a subsection, not a duplicate */
  r = lint_str(pk, "## Alpha\n\nx\n\n## Beta\n\n### Alpha\n\nz\n");
  CHECK_INT(diag_count_rule(r, "dup"), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_heading_level(void) {
  ddlint_pack *pk =
      S_pack("{\"id\": \"lvl\", \"kind\": \"heading-level\", \"severity\": "
             "\"warning\", \"message\": \"{topic}: {detail}\"}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Alpha\n\nx\n\n### Tau Topic\n\ny\n");
  CHECK_INT(diag_count_rule(r, "lvl"), 0);
  ddlint_result_free(r);
  /* the topic heading at the section's level (found as a heading elsewhere) */
  r = lint_str(pk, "## Alpha\n\nx\n\n## Tau Topic\n\ny\n");
  CHECK_DIAG(r, diag_find(r, "lvl", 0), "lvl", 5, 1,
             "Tau Topic: its heading is level 2; \"Alpha\" is level 2");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_conditional(void) {
  ddlint_pack *pk = S_pack(
      "{\"id\": \"cond\", \"kind\": \"conditional\", \"severity\": "
      "\"warning\", \"scope\": [\"a\"], \"message\": \"{match} needs a size "
      "in {section}\", \"params\": {\"when\": [\"on[- ]device\"], "
      "\"require\": [\"\\\\bquantiz\", \"\\\\bMB\\\\b\"], \"require_scope\": "
      "[\"b\"]}}");
  if (!pk)
    return;
  ddlint_result *r =
      lint_str(pk, "## Alpha\n\nRuns on-device.\n\n## Beta\n\nSmall.\n");
  CHECK_DIAG(r, diag_find(r, "cond", 0), "cond", 3, 6,
             "on-device needs a size in \"Beta\"");
  ddlint_result_free(r);
  r = lint_str(pk, "## Alpha\n\nRuns on-device.\n\n## Beta\n\nA 4 MB model.\n");
  CHECK_INT(diag_count_rule(r, "cond"), 0);
  ddlint_result_free(r);
  /* the trigger outside the when-scope does not count */
  r = lint_str(pk, "## Alpha\n\nx\n\n## Beta\n\nRuns on-device.\n");
  CHECK_INT(diag_count_rule(r, "cond"), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_cross_reference(void) {
  ddlint_pack *pk =
      S_pack("{\"id\": \"xref\", \"kind\": \"cross-reference\", \"severity\": "
             "\"info\", \"scope\": [\"a\"], \"message\": \"{match} is not in "
             "{section}\", \"params\": {\"terms\": [\"\\\\bctr\\\\b\", "
             "\"\\\\bconversion rate\\\\b\"], \"to\": [\"c\"]}}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(
      pk, "## Alpha\n\nCTR and conversion rate; CTR again.\n\n## Beta\n\nx\n\n"
          "## Gamma\n\nWe monitor the ctr daily.\n");
  CHECK_INT(diag_count_rule(r, "xref"), 1);
  CHECK_DIAG(r, diag_find(r, "xref", 0), "xref", 3, 9,
             "conversion rate is not in \"Gamma\"");
  ddlint_result_free(r);
  /* no target section: nothing to compare with */
  r = lint_str(pk, "## Alpha\n\nCTR.\n");
  CHECK_INT(diag_count_rule(r, "xref"), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_min_content(void) {
  ddlint_pack *pk = S_pack(
      "{\"id\": \"min\", \"kind\": \"min-content\", \"severity\": "
      "\"warning\", \"scope\": [\"b\"], \"message\": \"{section}: {detail}\", "
      "\"params\": {\"words\": 6, \"list_items\": 3}}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(pk, "## Beta\n\nToo short.\n");
  CHECK_DIAG(r, diag_find(r, "min", 0), "min", 1, 1,
             "Beta: 2 words, 0 list items, 0 table rows; it needs 6 words or 3 "
             "list items");
  ddlint_result_free(r);
  r = lint_str(pk, "## Beta\n\n- a\n- b\n- c\n");
  CHECK_INT(diag_count_rule(r, "min"), 0);
  ddlint_result_free(r);
  r = lint_str(pk, "## Beta\n\nOne two three four five six.\n");
  CHECK_INT(diag_count_rule(r, "min"), 0);
  ddlint_result_free(r);
  /* code and comments are not words */
  r = lint_str(pk, "## Beta\n\nShort.\n\n```\none two three four five six\n```"
                   "\n<!-- one two three four five six -->\n");
  CHECK_INT(diag_count_rule(r, "min"), 1);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_forbidden(void) {
  ddlint_pack *pk = S_pack(
      "{\"id\": \"ban\", \"kind\": \"forbidden\", \"severity\": \"error\", "
      "\"message\": \"banned: {match}\", \"params\": {\"patterns\": "
      "[\"\\\\bfigure it out later\\\\b\", \"internal\\\\.corp\"]}}");
  if (!pk)
    return;
  ddlint_result *r = lint_str(
      pk, "## Alpha\n\nWe will figure it out later at db.internal.corp.\n\n"
          "```\ninternal.corp\n```\n");
  CHECK_INT(diag_count_rule(r, "ban"), 2);
  CHECK_DIAG(r, diag_find(r, "ban", 0), "ban", 3, 9,
             "banned: figure it out later");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* Lints md with pk and checks that it has one finding of rule "frag", at
 * line:col with message msg (NULL: not checked); at is the caller's line. */
static void S_one_frag(const ddlint_pack *pk, const char *md, unsigned line,
                       unsigned col, const char *msg, int at) {
  ddlint_result *r = lint_str(pk, md);
  size_t n = diag_count_rule(r, "frag");
  t_check(n == 1, __FILE__, at, "%zu findings of frag, expected 1", n);
  check_diag(r, diag_find(r, "frag", 0), "frag", line, col, msg, __FILE__, at);
  ddlint_result_free(r);
}
#define ONE_FRAG(pk, md, line, col, msg)                                       \
  S_one_frag((pk), (md), (line), (col), (msg), __LINE__)

/* link-fragment: a "#fragment" that names no heading's GitHub slug and no
 * HTML id or name; code, comments and inline code hold no links. */
static void test_link_fragment(void) {
  ddlint_pack *pk =
      S_pack("{\"id\": \"frag\", \"kind\": \"link-fragment\", \"severity\": "
             "\"warning\", \"message\": \"{detail}\", \"help\": \"{target}\"}");
  if (!pk)
    return;
  ONE_FRAG(pk,
           "# Plan\n\n"
           "Read [the design](#system-architcture) first.\n\n"
           "## System Architecture\n\nBoxes.\n",
           3, 18,
           "link to \"#system-architcture\" matches no heading or anchor; "
           "did you mean \"#system-architecture\"?");
  /* punctuation dropped, each space a hyphen: "&" leaves two */
  ONE_FRAG(pk,
           "## 3. Serving & Scaling (v2)\n\n"
           "See [scaling](#3-serving--scaling-v2 \"the plan\") and "
           "[not it](#3-serving-scaling-v2).\n",
           3, 62,
           "link to \"#3-serving-scaling-v2\" matches no heading or anchor; "
           "did you mean \"#3-serving--scaling-v2\"?");
  /* repeats numbered; an explicit anchor; the top of the page */
  ONE_FRAG(pk,
           "## Notes\n\nA.\n\n## Notes\n\nB.\n\n"
           "<a name=\"Old-Name\"></a>\n\n"
           "[1](#notes) [2](#notes-1) [3](#old-name) [4](#top) "
           "[5](#) [6](#notes-2)\n",
           11, 62,
           "link to \"#notes-2\" matches no heading or anchor; did you "
           "mean \"#notes-1\"?");
  /* not links: in a fenced block, an HTML comment, inline code (over a
   * line break too), an escaped bracket; a reference definition is one */
  ONE_FRAG(pk,
           "## Alpha\n\n```\n[a](#fenced)\n```\n\n"
           "<!-- [b](#commented) -->\n\n"
           "`[c](#inline)` and \\[d](#escaped)\n\n"
           "[e]: #defined-nowhere\n\n"
           "Code `spanning\n[f]: #lines` too.\n",
           11, 6, "link to \"#defined-nowhere\" matches no heading or anchor");
  /* percent-encoded, non-ASCII letters in any case, curly quotes; the
   * hint is {target} too */
  ddlint_result *r =
      lint_str(pk, "## Über die Lösung\n\n## What\xE2\x80\x99s next\n\n"
                   "[a](#%C3%BCber-die-l%C3%B6sung) [b](#ÜBER-DIE-LÖSUNG) "
                   "[c](#whats-next) [d](#über%20die) [e](#uber-die-losung)\n");
  CHECK_INT(diag_count_rule(r, "frag"), 2);
  CHECK_DIAG(r, diag_find(r, "frag", 0), "frag", 5, 75,
             "link to \"#über%20die\" matches no heading or anchor");
  CHECK_DIAG(r, diag_find(r, "frag", 1), "frag", 5, 92, NULL);
  CHECK_STR(ddlint_diag_help(diag_find(r, "frag", 1)), "#über-die-lösung");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
  /* no params */
  char *err = pack_error("{\"name\": \"k\", " SECTIONS
                         ", \"rules\": [{\"id\": \"x\", \"kind\": "
                         "\"link-fragment\", \"severity\": \"info\", "
                         "\"message\": \"m\", \"params\": {\"ignore\": []}}]}");
  CHECK_HAS(err, "kind \"link-fragment\" takes no params \"ignore\"");
  free(err);
}

static void test_kind_param_errors(void) {
  char *err = pack_error("{\"name\": \"k\", " SECTIONS
                         ", \"rules\": [{\"id\": \"x\", \"kind\": "
                         "\"cross-reference\", \"severity\": \"info\", "
                         "\"message\": \"m\", \"params\": {\"terms\": "
                         "[\"a\"], \"to\": [\"zeta\"]}}]}");
  CHECK_STR(err, "p.json:5:154: to names no section: \"zeta\"");
  free(err);
  err = pack_error("{\"name\": \"k\", " SECTIONS
                   ", \"rules\": [{\"id\": \"x\", \"kind\": \"min-content\", "
                   "\"severity\": \"info\", \"message\": \"m\", \"params\": "
                   "{\"words\": -1}}]}");
  CHECK_HAS(err, "\"words\" must be a whole number from 0 to 1e6");
  free(err);
  err = pack_error("{\"name\": \"k\", " SECTIONS
                   ", \"rules\": [{\"id\": \"x\", \"kind\": \"conditional\", "
                   "\"severity\": \"info\", \"message\": \"m\", \"params\": "
                   "{\"when\": [\"a\"]}}]}");
  CHECK_HAS(err, "params need \"require\" patterns");
  free(err);
}

static void test_suppressions(void) {
  ddlint_pack *pk = S_pack(
      "{\"id\": \"ban\", \"kind\": \"forbidden\", \"severity\": \"error\", "
      "\"message\": \"banned: {match}\", \"params\": {\"patterns\": "
      "[\"\\\\bTBD\\\\b\"]}}");
  if (!pk)
    return;
  const char *md = "## Alpha\n\n"
                   "<!-- ddlint-disable-next-line ban -->\n"
                   "TBD one\n\n" /* line 4: suppressed */
                   "TBD two\n\n" /* line 6: reported */
                   "<!-- ddlint-disable ban -->\n"
                   "TBD three\n" /* line 9: suppressed */
                   "<!-- ddlint-enable ban -->\n"
                   "TBD four\n\n"                    /* line 11: reported */
                   "<!-- ddlint-disable nope -->\n"; /* line 13 */
  ddlint_result *r = lint_str(pk, md);
  CHECK_INT(diag_count_rule(r, "ban"), 2);
  CHECK_DIAG(r, diag_find(r, "ban", 0), "ban", 6, 1, NULL);
  CHECK_DIAG(r, diag_find(r, "ban", 1), "ban", 11, 1, NULL);
  CHECK_DIAG(r, diag_find(r, "unknown-suppression", 0), "unknown-suppression",
             13, 21,
             "the suppression names \"nope\", which the template \"k\" has no "
             "rule for");
  CHECK_INT(diag_count_rule(r, "unused-suppression"), 0);
  ddlint_result_free(r);
  /* a comment naming only unknown rules suppresses nothing, not everything */
  r = lint_str(pk, "## Alpha\n\n<!-- ddlint-disable bann -->\n\nTBD\n");
  CHECK_INT(diag_count_rule(r, "ban"), 1);
  CHECK_INT(diag_count_rule(r, "unknown-suppression"), 1);
  ddlint_result_free(r);
  /* a file-wide suppression, and an unused one reported on request */
  ddlint_options o = {.report_unused_suppressions = 1};
  const char *md2 = "<!-- ddlint-disable-file ban -->\n## Alpha\n\nTBD\n\n"
                    "<!-- ddlint-disable-next-line ban -->\nfine\n";
  r = ddlint_lint_buffer_opts(pk, "doc.md", md2, strlen(md2), &o);
  CHECK_INT(diag_count_rule(r, "ban"), 0);
  CHECK_INT(diag_count_rule(r, "unused-suppression"), 1);
  CHECK_DIAG(r, diag_find(r, "unused-suppression", 0), "unused-suppression", 6,
             1, NULL);
  ddlint_result_free(r);
  /* disable-line (markdownlint's spelling) covers its own line only */
  r = lint_str(pk, "## Alpha\n\nTBD one <!-- ddlint-disable-line ban -->\n"
                   "TBD two\n");
  CHECK_INT(diag_count_rule(r, "ban"), 1);
  CHECK_DIAG(r, diag_find(r, "ban", 0), "ban", 4, 1, NULL);
  ddlint_result_free(r);
  /* a near-miss directive suppresses nothing and says so */
  r = lint_str(pk, "## Alpha\n\n<!-- ddlint-disable-nextline ban -->\n"
                   "TBD\n\n<!-- ddlint-disable-file: ban -->\n");
  CHECK_INT(diag_count_rule(r, "ban"), 1);
  CHECK_INT(diag_count_rule(r, "unknown-suppression"), 2);
  CHECK_DIAG(r, diag_find(r, "unknown-suppression", 0), "unknown-suppression",
             3, 6,
             "\"ddlint-disable-nextline\" is no ddlint directive, so this "
             "comment suppresses nothing; did you mean "
             "\"ddlint-disable-next-line\"?");
  CHECK_DIAG(r, diag_find(r, "unknown-suppression", 1), "unknown-suppression",
             6, 6,
             "\"ddlint-disable-file:\" is no ddlint directive, so this "
             "comment suppresses nothing; did you mean "
             "\"ddlint-disable-file\"?");
  ddlint_result_free(r);
  /* a comment that only mentions ddlint is no directive */
  r = lint_str(pk, "## Alpha\n\n<!-- ddlint checks this file -->\nok\n");
  CHECK_INT(diag_count_rule(r, "unknown-suppression"), 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static char *S_write(const char *dir, const char *name, const char *text) {
  char *path = xasprintf("%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (f) {
    fputs(text, f);
    fclose(f);
  }
  return path;
}

static void test_extends(void) {
  char dir[] = "/tmp/ddlint-unit-XXXXXX";
  if (!t_check(mkdtemp(dir) != NULL, __FILE__, __LINE__, "mkdtemp"))
    return;
  char *base = S_write(
      dir, "base.json",
      "{\"name\": \"base\", \"sections\": [{\"id\": \"a\", \"title\": "
      "\"Alpha\"}, {\"id\": \"b\", \"title\": \"Beta\"}],\n \"rules\": "
      "[{\"id\": \"need\", \"kind\": \"required-section\", \"severity\": "
      "\"error\", \"message\": \"no {section}\"}]}\n");
  char *child = S_write(
      dir, "child.json",
      "{\"name\": \"child\", \"extends\": \"base.json\",\n \"sections\": "
      "[{\"id\": \"b\", \"title\": \"Bravo\", \"aliases\": [\"Beta\"]}, "
      "{\"id\": \"c\", \"title\": \"Charlie\", \"required\": false}],\n "
      "\"rules\": [{\"id\": \"need\", \"kind\": \"required-section\", "
      "\"severity\": \"warning\", \"message\": \"missing {section}\"}]}\n");
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_file(child, &err);
  t_check(pk != NULL, __FILE__, __LINE__, "child: %s", err ? err : "");
  free(err);
  if (pk) {
    CHECK_STR(ddlint_pack_name(pk), "child");
    CHECK_INT(pk->nsections, 3);
    CHECK_STR(pk->sections[1].title, "Bravo"); /* replaced in place */
    ddlint_result *r = lint_str(pk, "## Alpha\n\nx\n\n## Beta\n\ny\n");
    CHECK_INT(ddlint_result_diag_count(r), 0); /* Beta: Bravo's alias */
    ddlint_result_free(r);
    r = lint_str(pk, "## Beta\n\ny\n");
    CHECK_DIAG(r, diag_find(r, "need", 0), "need", 1, 1, "missing Alpha");
    CHECK_INT(ddlint_diag_severity(diag_find(r, "need", 0)), DDLINT_WARNING);
    ddlint_result_free(r);
    ddlint_pack_free(pk);
  }
  /* a cycle, located at the "extends" value */
  char *a = S_write(dir, "a.json",
                    "{\"name\": \"a\", \"extends\": \"b.json\", \"sections\": "
                    "[], \"rules\": []}");
  char *b =
      S_write(dir, "b.json", "{\"name\": \"b\",\n \"extends\": \"a.json\"}");
  pk = ddlint_pack_load_file(a, &err);
  CHECK(pk == NULL);
  char *want = xasprintf("%s:1:26: cannot extend \"b.json\": %s:2:13: cannot "
                         "extend \"a.json\": extends cycle: ",
                         a, b);
  t_check(err && strncmp(err, want, strlen(want)) == 0, __FILE__, __LINE__,
          "cycle error \"%s\", expected it to start with \"%s\"",
          err ? err : "(null)", want);
  free(want);
  free(err);
  unlink(base);
  unlink(child);
  unlink(a);
  unlink(b);
  rmdir(dir);
  free(base);
  free(child);
  free(a);
  free(b);
}

static void test_config_errors(void) {
  static const struct {
    const char *json, *want;
  } cases[] = {
      {"{\"rules\": {\"x\": \"loud\"}}",
       "c.json:1:17: rule \"x\": the setting must be \"error\", \"warning\", "
       "\"info\" or \"off\""},
      {"{\"templat\": \"adr\"}",
       "c.json:1:2: unknown field \"templat\" in config (expected one of: "
       "$schema, root, template, rules, overrides, ignore, documents)"},
      {"{\"root\": \"yes\"}", "c.json:1:10: \"root\" must be true or false"},
      {"{\"overrides\": [{\"template\": \"adr\"}]}",
       "c.json:1:16: an override needs \"files\" globs"},
      {"{\"overrides\": [{\"files\": [\"a/**\"], \"rule\": {}}]}",
       "c.json:1:36: unknown field \"rule\" in override (expected one of: "
       "files, template, rules)"},
      {"{\"ignore\": \"drafts\"}",
       "c.json:1:12: \"ignore\" must be an array of globs"},
      {"{\n  \"template\": 7\n}",
       "c.json:2:15: \"template\" must name a template or give a path"},
      {"{\"rules\": {}\n,}", "c.json:2:2: invalid JSON"},
      {"[1]", "c.json:1:1: a config must be a JSON object"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *err = NULL;
    ddlint_config *cfg = ddlint_config_load_buffer(
        cases[i].json, strlen(cases[i].json), "c.json", &err);
    CHECK(cfg == NULL);
    CHECK_STR(err, cases[i].want);
    free(err);
    ddlint_config_free(cfg);
  }
}

/* A pack whose one rule, "ban", is an error on "TBD": for config tests. */
static ddlint_pack *S_ban_pack(void) {
  return S_pack(
      "{\"id\": \"ban\", \"kind\": \"forbidden\", \"severity\": \"error\", "
      "\"message\": \"m\", \"params\": {\"patterns\": [\"TBD\"]}}");
}

static void test_config_apply(void) {
  const char *json = "{\"template\": \"k\", \"rules\": {\"ban\": \"off\"},\n"
                     " \"ignore\": [\"drafts/**\"],\n"
                     " \"overrides\": [{\"files\": [\"docs/adr/*.md\"], "
                     "\"template\": \"packs/adr.json\", \"rules\": {\"ban\": "
                     "\"warning\"}}]}";
  char *err = NULL;
  ddlint_config *cfg =
      ddlint_config_load_buffer(json, strlen(json), "/tmp/.ddlint.json", &err);
  t_check(cfg != NULL, __FILE__, __LINE__, "config: %s", err ? err : "");
  free(err);
  if (!cfg)
    return;
  CHECK(ddlint_config_ignores(cfg, "/tmp/drafts/x/y.md"));
  CHECK(!ddlint_config_ignores(cfg, "/tmp/docs/y.md"));
  char *t = ddlint_config_template(cfg, "/tmp/docs/adr/0001.md");
  CHECK_STR(t, "/tmp/packs/adr.json");
  free(t);
  t = ddlint_config_template(cfg, "/tmp/docs/design.md");
  CHECK_STR(t, "k");
  free(t);
  ddlint_pack *pk = S_ban_pack();
  if (pk) {
    ddlint_result *r = lint_str(pk, "## Alpha\n\nTBD\n");
    ddlint_config_apply(cfg, "/tmp/docs/design.md", pk, r, NULL);
    CHECK_INT(diag_count_rule(r, "ban"), 0); /* off */
    ddlint_result_free(r);
    r = lint_str(pk, "## Alpha\n\nTBD\n");
    ddlint_config_apply(cfg, "/tmp/docs/adr/0001.md", pk, r, NULL);
    CHECK_INT(diag_count_rule(r, "ban"), 1); /* the override wins */
    CHECK_INT(ddlint_diag_severity(diag_find(r, "ban", 0)), DDLINT_WARNING);
    ddlint_result_free(r);
    ddlint_pack_free(pk);
  }
  ddlint_config_free(cfg);
}

/* A nested config merges over the one above it: nearest settings win,
 * the nearest template wins, ignores add up. */
static void test_config_cascade(void) {
  const char *outer_json =
      "{\"template\": \"k\", \"rules\": {\"ban\": \"off\", \"other\": \"info\"},"
      " \"ignore\": [\"drafts/**\"]}";
  const char *inner_json = "{\"root\": true, \"ignore\": [\"*.txt.md\"],"
                           " \"rules\": {\"ban\": \"warning\"}}";
  char *err = NULL;
  ddlint_config *outer = ddlint_config_load_buffer(
      outer_json, strlen(outer_json), "/tmp/.ddlint.json", &err);
  ddlint_config *inner = ddlint_config_load_buffer(
      inner_json, strlen(inner_json), "/tmp/sub/.ddlint.json", &err);
  CHECK(outer && inner);
  if (!outer || !inner)
    goto out;
  CHECK(ddlint_config_is_root(inner) && !ddlint_config_is_root(outer));
  ddlint_config_set_parent(inner, outer);
  CHECK(ddlint_config_parent(inner) == outer);
  CHECK(ddlint_config_ignores(inner, "/tmp/sub/a.txt.md"));
  CHECK(ddlint_config_ignores(inner, "/tmp/drafts/a.md"));
  CHECK(!ddlint_config_ignores(outer, "/tmp/sub/a.txt.md"));
  char *origin = NULL;
  char *t = ddlint_config_template_origin(inner, "/tmp/sub/a.md", &origin);
  CHECK_STR(t, "k");
  CHECK_STR(origin, "/tmp/.ddlint.json:1:2");
  free(t);
  free(origin);
  ddlint_pack *pk = S_ban_pack();
  if (pk) {
    ddlint_result *r = lint_str(pk, "## Alpha\n\nTBD\n");
    ddlint_config_apply(inner, "/tmp/sub/a.md", pk, r, NULL);
    CHECK_INT(diag_count_rule(r, "ban"), 1); /* the nearer setting wins */
    CHECK_INT(ddlint_diag_severity(diag_find(r, "ban", 0)), DDLINT_WARNING);
    ddlint_result_free(r);
    ddlint_pack_free(pk);
  }
out:
  ddlint_config_free(inner);
  ddlint_config_free(outer);
}

static void test_globs(void) {
  CHECK(glob_match("docs/adr/**", "docs/adr/0001.md"));
  CHECK(glob_match("docs/adr/**", "docs/adr/x/y/z.md"));
  CHECK(!glob_match("docs/adr/**", "docs/design.md"));
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("**/*.md", "a/b/c.md"));
  CHECK(!glob_match("*.md", "a/b.md"));
  CHECK(glob_match("docs/*/README.md", "docs/x/README.md"));
  CHECK(!glob_match("docs/*.md", "docs/.hidden.md")); /* FNM_PERIOD */
  CHECK(glob_match("./drafts/**", "drafts/a.md"));
}

static void test_frontmatter_value(void) {
  const char *md = "---\ntitle: x\nddlint-template: 'adr'\n---\n# T\n";
  char *v = ddlint_frontmatter_value(md, strlen(md), "ddlint-template");
  CHECK_STR(v, "adr");
  free(v);
  const char *open = "---\nddlint-template: adr\n# no closing fence\n";
  CHECK(ddlint_frontmatter_value(open, strlen(open), "ddlint-template") ==
        NULL);
  const char *crlf = "\xEF\xBB\xBF---\r\nddlint-template: rfc  \r\n...\r\n";
  v = ddlint_frontmatter_value(crlf, strlen(crlf), "ddlint-template");
  CHECK_STR(v, "rfc");
  free(v);
  const char *none = "# T\n\nddlint-template: adr\n";
  CHECK(ddlint_frontmatter_value(none, strlen(none), "ddlint-template") ==
        NULL);
}

void suite_kinds(void) {
  RUN(test_section_order);
  RUN(test_combined_heading);
  RUN(test_misspelt_with_alias);
  RUN(test_duplicate_section);
  RUN(test_heading_level);
  RUN(test_conditional);
  RUN(test_cross_reference);
  RUN(test_min_content);
  RUN(test_forbidden);
  RUN(test_link_fragment);
  RUN(test_kind_param_errors);
  RUN(test_suppressions);
  RUN(test_extends);
  RUN(test_config_errors);
  RUN(test_config_apply);
  RUN(test_config_cascade);
  RUN(test_globs);
  RUN(test_frontmatter_value);
}
