/* The public API the command uses (api_packs.c, api_result.c, api_fix.c,
 * api_outline.c): each accessor against the internal struct or function
 * it stands for, so that a client sees what the library's own stages see. */
#include "test.h"

#include <stdlib.h>

static ddlint_pack *S_pack(const char *name) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_builtin(name, &err);
  free(err);
  return pk;
}

/* A part of a document named by no other, of text (a string), or unread
 * when text is NULL. */
static ddlint_part S_part(const char *path, const char *text) {
  return (ddlint_part){.path = path,
                       .text = text,
                       .len = text ? strlen(text) : 0,
                       .error = text ? NULL : "gone",
                       .named_in = SIZE_MAX};
}

static void test_api_builtin_packs(void) {
  size_t n = 0;
  while (embedded_packs[n].name)
    n++;
  CHECK_INT(ddlint_builtin_pack_count(), n);
  for (size_t i = 0; i < n; i++)
    CHECK_STR(ddlint_builtin_pack_name(i), embedded_packs[i].name);
  CHECK(ddlint_builtin_pack_exists("rfc"));
  CHECK(!ddlint_builtin_pack_exists("no-such-pack"));
  CHECK(ddlint_pack_ref_is_path("a/b"));
  CHECK(ddlint_pack_ref_is_path("b.json"));
  CHECK(!ddlint_pack_ref_is_path("rfc"));
  CHECK_STR(ddlint_pack_installed_dir(), pack_installed_dir());
}

static void test_api_pack_accessors(void) {
  ddlint_pack *pk = S_pack("ml-system-design");
  if (!CHECK(pk != NULL))
    return;
  CHECK_INT(ddlint_pack_section_count(pk), pk->nsections);
  CHECK_INT(ddlint_pack_not_evidence_count(pk), pk->nnot_evidence);
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    CHECK_STR(ddlint_pack_section_id(pk, s), ts->id);
    CHECK_STR(ddlint_pack_section_title(pk, s), ts->title);
    CHECK_INT(ddlint_pack_section_required(pk, s), ts->required);
    CHECK_INT(ddlint_pack_section_parent(pk, s), ts->parent);
    CHECK_INT(ddlint_pack_section_depth(pk, s), pack_section_depth(pk, s));
    CHECK_INT(ddlint_pack_section_alias_count(pk, s), ts->naliases);
    CHECK_INT(ddlint_pack_section_evidence_count(pk, s), ts->nevidence);
    CHECK_INT(ddlint_pack_topic_count(pk, s), ts->ntopics);
    for (size_t t = 0; t < ts->ntopics; t++) {
      CHECK_STR(ddlint_pack_topic_id(pk, s, t), ts->topics[t].id);
      CHECK_INT(ddlint_pack_topic_pattern_count(pk, s, t),
                ts->topics[t].npatterns);
      if (ts->topics[t].npatterns)
        CHECK_STR(ddlint_pack_topic_pattern(pk, s, t, 0),
                  ts->topics[t].patterns[0].source);
      for (size_t i = 0; i < ts->topics[t].npatterns; i++)
        CHECK_INT(ddlint_pack_topic_pattern_is_local(pk, s, t, i),
                  ts->topics[t].patterns[i].local);
    }
    /* a heading that is the title, or an alias, names the section */
    CHECK_INT(ddlint_pack_section_named_by(pk, s, ts->title), 1);
    if (ts->naliases && strcmp(ts->alias_keys[0], ts->key_title) != 0)
      CHECK_INT(ddlint_pack_section_named_by(pk, s, ts->aliases[0]), 2);
    CHECK_INT(ddlint_pack_section_named_by(pk, s, "zzyzx qwv"), 0);
  }
  for (size_t i = 0; i < pk->nrules; i++) {
    const ddlint_rule *r = &pk->rules[i];
    size_t n;
    CHECK(ddlint_rule_scope(r, &n) == r->scope);
    CHECK_INT(n, r->scope ? r->nscope : 0);
    CHECK_INT(ddlint_rule_topic_count(r), r->ntopic_ids);
    CHECK_INT(ddlint_rule_condition_count(r), r->nrequired_if);
    CHECK(ddlint_rule_find(pk, r->id) == r);
  }
  /* the rules of a document, in no pack */
  const ddlint_rule *mp = ddlint_document_rule_find("missing-part");
  if (CHECK(mp != NULL))
    CHECK_STR(ddlint_rule_kind(mp), "document");
  CHECK(ddlint_rule_find(pk, "shared-part") ==
        ddlint_document_rule_find("shared-part"));
  CHECK(ddlint_rule_find(pk, "no-such-rule") == NULL);
  ddlint_pack_free(pk);
}

static const char DOC[] = "# Ranking design\n"
                          "\n"
                          "## Problem Statement\n"
                          "\n"
                          "Rank the feed.\n"
                          "\n"
                          "## Sucess Metrix\n"
                          "\n"
                          "CTR.\n"
                          "\n"
                          "### Offline\n"
                          "\n"
                          "NDCG.\n";

static void test_api_fix_plan_and_spans(void) {
  ddlint_pack *pk = S_pack("ml-system-design");
  if (!CHECK(pk != NULL))
    return;
  char *owned = xstrdup(DOC);
  ddlint_result *r =
      ddlint_lint_owned_buffer(pk, "d.md", owned, sizeof DOC - 1, NULL);
  ddlint_result *copy = ddlint_lint_buffer(pk, "d.md", DOC, sizeof DOC - 1);
  CHECK_INT(ddlint_result_diag_count(r), ddlint_result_diag_count(copy));
  CHECK_DBL(ddlint_result_score(r), ddlint_result_score(copy), 0);
  for (size_t s = 0; s < ddlint_result_section_count(r); s++) {
    CHECK_INT(ddlint_result_section_level(r, s), r->section_level[s]);
    size_t a = 7, b = 7;
    int found = ddlint_result_section_span(r, s, &a, &b);
    CHECK_INT(found, r->section_level[s] ||
                         ddlint_coverage_section_state(r, s) != NULL);
    if (found)
      CHECK(a == r->section_start[s] && b == r->section_end[s]);
    size_t ns = 0;
    int near = ddlint_result_section_near(r, s, &ns, NULL, NULL);
    CHECK_INT(near, r->section_near[s].start != SIZE_MAX);
    if (near)
      CHECK_INT(ns, r->section_near[s].start);
  }
  /* the plan: the same edits as fix_plan(), applied the same way */
  fix_insert *ins = NULL;
  size_t n = fix_plan(r, &ins);
  ddlint_fix *fx = ddlint_fix_plan(r);
  CHECK(n > 0);
  CHECK_INT(ddlint_fix_count(fx), n);
  for (size_t i = 0; i < n && i < ddlint_fix_count(fx); i++) {
    size_t part, at, del, sec, order;
    const char *text;
    ddlint_fix_edit(fx, i, &part, &at, &del, &text, &sec, &order);
    CHECK_INT(part, 0);
    CHECK_INT(order, i);
    CHECK_INT(at, ins[i].at);
    CHECK_INT(del, ins[i].del);
    CHECK_STR(text, ins[i].text);
    CHECK_INT(sec, ins[i].section);
  }
  size_t l1, l2;
  char *a = fix_apply(DOC, sizeof DOC - 1, ins, n, &l1);
  char *b =
      ddlint_fix_apply(fx, 0, ddlint_fix_count(fx), DOC, sizeof DOC - 1, &l2);
  CHECK(l1 == l2 && memcmp(a, b, l1) == 0);
  free(a);
  free(b);
  fix_free(ins, n);
  ddlint_fix_free(fx);
  ddlint_fix_free(NULL);
  ddlint_result_free(copy);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_api_fix_plan_parts(void) {
  ddlint_pack *pk = S_pack("ml-system-design");
  if (!CHECK(pk != NULL))
    return;
  static const char ONE[] = "# Problem Statement\n\nRank the feed.\n";
  static const char TWO[] = "# Monitoring\n\nDashboards.\n";
  ddlint_part parts[] = {S_part("d/01.md", ONE), S_part("d/02.md", TWO)};
  ddlint_result *r = ddlint_lint_document(pk, "d", parts, 2, 0, NULL);
  part_insert *pi = NULL;
  size_t n = fix_plan_parts(r, &pi);
  ddlint_fix *fx = ddlint_fix_plan(r);
  CHECK_INT(ddlint_fix_count(fx), n);
  for (size_t i = 0; i < n && i < ddlint_fix_count(fx); i++) {
    size_t part, at, order;
    const char *text;
    ddlint_fix_edit(fx, i, &part, &at, NULL, &text, NULL, &order);
    CHECK(part == pi[i].part && at == pi[i].at && order == pi[i].order);
    CHECK_STR(text, pi[i].text);
  }
  /* part_of and part_text: the part table of the joined text */
  for (size_t k = 0; k < 2; k++) {
    size_t len, local = 99;
    const char *text = ddlint_result_part_text(r, k, &len);
    CHECK(len == parts[k].len && memcmp(text, parts[k].text, len) == 0);
    CHECK_INT(ddlint_result_part_of(r, r->parts[k].base + 3, &local), k);
    CHECK_INT(local, 3);
  }
  fix_parts_free(pi, n);
  ddlint_fix_free(fx);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

/* The text, its lines and its code blocks, and a heading hidden by a fence
 * left open: what fix.c reads through the API. */
static void test_api_text_lines_code(void) {
  ddlint_pack *pk = S_pack("ml-system-design");
  if (!CHECK(pk != NULL))
    return;
  static const char TXT[] = "# T\r\n"
                            "\r\n"
                            "## Success Metrics\r\n"
                            "\r\n"
                            "```\r\n"
                            "x\r\n"
                            "```\r\n"
                            "\r\n"
                            "```python\r\n"
                            "## Problem Formulation\r\n"
                            "end\r\n";
  size_t len = sizeof TXT - 1;
  ddlint_result *r = ddlint_lint_buffer(pk, "t.md", TXT, len);
  size_t n = 99;
  const char *text = ddlint_result_text(r, &n);
  CHECK(n == len && memcmp(text, TXT, len) == 0);

  /* lines: from an offset inside, at the start, at a CR's LF, past the end;
   * the final CRLF opens no new line */
  size_t h2 = (size_t)(strstr(TXT, "## Success") - TXT), a = 7, b = 7;
  ddlint_result_line_bounds(r, h2 + 5, &a, &b);
  CHECK_INT(a, h2);
  CHECK_INT(b, h2 + strlen("## Success Metrics"));
  ddlint_result_line_bounds(r, 4, &a, &b); /* the LF of "# T\r\n" */
  CHECK_INT(a, 0);
  CHECK_INT(b, 3);
  size_t last = (size_t)(strstr(TXT, "end") - TXT);
  ddlint_result_line_bounds(r, len + 10, &a, &b);
  CHECK_INT(a, last);
  CHECK_INT(b, last + 3);
  ddlint_result_line_bounds(r, 0, NULL, NULL);
  for (size_t off = 0; off <= len; off++) { /* as the stages see lines */
    size_t ws, we;
    ddlint_result_line_bounds(r, off, &a, &b);
    source_line_bounds(&r->src, off, &ws, &we);
    if (!CHECK(a == ws && b == we))
      break;
  }

  /* code blocks: a closed one, then one that runs to the end */
  size_t open1 = (size_t)(strstr(TXT, "```\r\nx") - TXT);
  size_t close1 = (size_t)(strstr(TXT, "```\r\n\r\n") - TXT);
  size_t open2 = (size_t)(strstr(TXT, "```python") - TXT);
  CHECK_INT(ddlint_result_code_block_count(r), 2);
  CHECK_INT(ddlint_result_code_block_count(r), r->ncode_spans);
  ddlint_result_code_block_span(r, 0, &a, &b);
  CHECK_INT(a, open1);
  CHECK(b > close1 && b <= open2);
  CHECK_INT(b, r->code_spans[1]);
  ddlint_result_code_block_span(r, 1, &a, &b);
  CHECK_INT(a, open2);
  CHECK_INT(b, SIZE_MAX);
  ddlint_result_code_block_span(r, 1, NULL, NULL);

  /* the required section whose heading that block hides */
  size_t hidden = (size_t)(strstr(TXT, "## Problem") - TXT), nhidden = 0;
  for (size_t s = 0; s < ddlint_result_section_count(r); s++) {
    size_t at = 7;
    int got = ddlint_result_section_hidden(r, s, &at);
    CHECK_INT(got, r->section_hidden[s] != SIZE_MAX);
    CHECK_INT(ddlint_result_section_hidden(r, s, NULL), got);
    if (!got) {
      CHECK_INT(at, 7);
      continue;
    }
    nhidden++;
    CHECK_STR(ddlint_coverage_section_title(r, s), "Problem Formulation");
    CHECK_INT(at, hidden);
    CHECK(ddlint_coverage_section_state(r, s) == NULL);
  }
  CHECK_INT(nhidden, 1);
  ddlint_result_free(r);

  /* a document: the joined text, each part and a blank line */
  static const char ONE[] = "# Problem Statement\n\nRank.\n";
  static const char TWO[] = "# Monitoring\n\nDashboards.";
  ddlint_part parts[] = {S_part("d/00.md", NULL), S_part("d/01.md", ONE),
                         S_part("d/02.md", TWO)};
  r = ddlint_lint_document(pk, "d", parts, 3, 0, NULL);
  text = ddlint_result_text(r, &n);
  CHECK_INT(n, sizeof ONE - 1 + sizeof TWO - 1 + 4);
  CHECK(memcmp(text,
               "# Problem Statement\n\nRank.\n\n\n# Monitoring\n\n"
               "Dashboards.\n\n",
               n) == 0);
  CHECK_INT(ddlint_result_code_block_count(r), 0);
  size_t local = 99;
  CHECK_INT(ddlint_result_part_of(r, 0, &local), 1); /* 00.md is unread */
  CHECK_INT(local, 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_api_outline(void) {
  ddlint_pack *pk = S_pack("ml-system-design"); /* md_init() */
  ddlint_outline *o = ddlint_outline_parse("d.md", DOC, sizeof DOC - 1);
  source src;
  source_init(&src, "d.md", DOC, sizeof DOC - 1);
  md_blocks mb;
  md_parse(&src, 1, &mb);
  outline ol;
  outline_build(&mb, src.len, 1, &ol);
  CHECK_INT(ddlint_outline_count(o), ol.nsections);
  CHECK_INT(ddlint_outline_count(o), 4);
  for (size_t i = 0; i < ol.nsections && i < ddlint_outline_count(o); i++) {
    size_t start, line_end, end, hs, he;
    ddlint_outline_span(o, i, &start, &line_end, &end);
    source_line_bounds(&src, ol.sections[i].start, &hs, &he);
    CHECK_INT(start, ol.sections[i].start);
    CHECK_INT(end, ol.sections[i].end);
    CHECK_INT(line_end, he);
    CHECK_INT(ddlint_outline_parent(o, i), ol.sections[i].parent);
    CHECK_STR(ddlint_outline_text(o, i), mb.blocks[ol.sections[i].block].text);
  }
  CHECK_STR(ddlint_outline_text(o, 2), "Sucess Metrix");
  CHECK_INT(ddlint_outline_parent(o, 3), 2);
  outline_free(&ol);
  md_blocks_free(&mb);
  source_free(&src);
  ddlint_outline_free(o);
  ddlint_outline_free(NULL);
  ddlint_pack_free(pk);
}

void suite_api(void) {
  RUN(test_api_builtin_packs);
  RUN(test_api_pack_accessors);
  RUN(test_api_fix_plan_and_spans);
  RUN(test_api_fix_plan_parts);
  RUN(test_api_text_lines_code);
  RUN(test_api_outline);
}
