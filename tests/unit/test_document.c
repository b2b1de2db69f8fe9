/* document.c through the public API: parts joined into one section tree,
 * findings and coverage mapped back to each part's file, line and column,
 * missing and shared parts, per-part invalid UTF-8 and suppressions, the
 * same result for any number of threads. */
#include "test.h"

#include <stdlib.h>

static ddlint_pack *S_pack(void) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_builtin("ml-system-design", &err);
  free(err);
  return pk;
}

static size_t S_count(const ddlint_result *r, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++)
    n += strcmp(ddlint_diag_rule(ddlint_result_diag(r, i)), rule) == 0;
  return n;
}

static const ddlint_diag *S_find(const ddlint_result *r, const char *rule) {
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++)
    if (strcmp(ddlint_diag_rule(ddlint_result_diag(r, i)), rule) == 0)
      return ddlint_result_diag(r, i);
  return NULL;
}

/* the index of the ml-system-design pack's section with this title */
static size_t S_section(const ddlint_result *r, const char *title) {
  for (size_t s = 0; s < ddlint_result_section_count(r); s++)
    if (strcmp(ddlint_coverage_section_title(r, s), title) == 0)
      return s;
  return SIZE_MAX;
}

static const char INDEX[] = "# A design\n"
                            "\n"
                            "See [one](01_one.md) and [gone](02_gone.md).\n";
static const char ONE[] = "---\n"
                          "title: one\n"
                          "---\n"
                          "# Problem Formulation\n"
                          "\n"
                          "The plan is TBD.\n"
                          "\n"
                          "```\n"
                          "a fence left open\n";
static const char TWO[] = "# Success Metrics\n"
                          "\n"
                          "Offline: NDCG. Online: CTR. A bad byte: \xff.\n";

static ddlint_result *S_lint(const ddlint_pack *pk, int threads,
                             const char *two) {
  ddlint_part parts[] = {
      {.path = "d/README.md",
       .text = INDEX,
       .len = sizeof INDEX - 1,
       .named_in = SIZE_MAX},
      {.path = "d/01_one.md",
       .text = ONE,
       .len = sizeof ONE - 1,
       .named_in = 0,
       .named_at = 22},
      {.path = "d/02_gone.md",
       .text = NULL,
       .error = "No such file",
       .named_in = 0,
       .named_at = 44},
      {.path = "d/03_two.md",
       .text = two,
       .len = strlen(two),
       .named_in = SIZE_MAX},
  };
  ddlint_options o = {.threads = threads};
  return ddlint_lint_document(pk, "d", parts, 4, 1, &o);
}

static void test_document_sections_and_places(void) {
  ddlint_pack *pk = S_pack();
  ddlint_result *r = S_lint(pk, 1, TWO);
  CHECK_STR(ddlint_result_path(r), "d");
  CHECK_INT(ddlint_result_part_count(r), 4);
  CHECK_STR(ddlint_result_part_path(r, 3), "d/03_two.md");
  CHECK(!ddlint_result_part_readable(r, 2));
  /* a fence left open in one part does not swallow the next */
  size_t pf = S_section(r, "Problem Formulation"),
         sm = S_section(r, "Success Metrics");
  CHECK_STR(ddlint_coverage_section_file(r, pf), "d/01_one.md");
  CHECK_INT(ddlint_coverage_section_line(r, pf), 4); /* after front matter */
  CHECK_STR(ddlint_coverage_section_file(r, sm), "d/03_two.md");
  CHECK_INT(ddlint_coverage_section_line(r, sm), 1);
  /* a placeholder in a part: its file, line and column */
  const ddlint_diag *ph = S_find(r, "placeholder");
  if (CHECK(ph != NULL)) {
    unsigned line, col;
    size_t off;
    ddlint_diag_start(ph, &line, &col, &off);
    CHECK_STR(ddlint_diag_file(ph), "d/01_one.md");
    CHECK_INT(line, 6);
    CHECK_INT(col, 13);
    CHECK_INT(off, (size_t)(strstr(ONE, "TBD") - ONE));
    size_t len = 0;
    const char *text = ddlint_result_diag_line(r, ph, &len);
    CHECK(text && len == 16 && memcmp(text, "The plan is TBD.", 16) == 0);
  }
  /* the missing part: at its link in the index */
  const ddlint_diag *mp = S_find(r, "missing-part");
  if (CHECK(mp != NULL)) {
    unsigned line, col;
    ddlint_diag_start(mp, &line, &col, NULL);
    CHECK_STR(ddlint_diag_file(mp), "d/README.md");
    CHECK_INT(line, 3);
    CHECK_INT(col, 33); /* "02_gone.md" in the link, on line 3 */
    CHECK_INT(ddlint_diag_severity(mp), DDLINT_ERROR);
    CHECK_HAS(ddlint_diag_message(mp), "d/02_gone.md");
  }
  /* invalid UTF-8: reported in its part, with the part's offset */
  const ddlint_diag *u = S_find(r, "invalid-utf8");
  if (CHECK(u != NULL)) {
    CHECK_STR(ddlint_diag_file(u), "d/03_two.md");
    CHECK_HAS(ddlint_diag_message(u), "offset 59");
  }
  /* a missing section is about the whole: at the index, naming it */
  const ddlint_diag *ms = S_find(r, "missing-section");
  if (CHECK(ms != NULL)) {
    unsigned line;
    ddlint_diag_start(ms, &line, NULL, NULL);
    CHECK_STR(ddlint_diag_file(ms), "d/README.md");
    CHECK_INT(line, 1);
    CHECK_HAS(ddlint_diag_message(ms), "in document \"d\"");
  }
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_document_threads_same(void) {
  ddlint_pack *pk = S_pack();
  ddlint_result *a = S_lint(pk, 1, TWO), *b = S_lint(pk, 4, TWO);
  CHECK_INT(ddlint_result_diag_count(a), ddlint_result_diag_count(b));
  for (size_t i = 0;
       i < ddlint_result_diag_count(a) && i < ddlint_result_diag_count(b);
       i++) {
    const ddlint_diag *x = ddlint_result_diag(a, i),
                      *y = ddlint_result_diag(b, i);
    size_t ox, oy;
    ddlint_diag_start(x, NULL, NULL, &ox);
    ddlint_diag_start(y, NULL, NULL, &oy);
    CHECK_STR(ddlint_diag_rule(x), ddlint_diag_rule(y));
    CHECK_STR(ddlint_diag_file(x), ddlint_diag_file(y));
    CHECK_INT(ox, oy);
  }
  CHECK_DBL(ddlint_result_score(a), ddlint_result_score(b), 1e-9);
  ddlint_result_free(a);
  ddlint_result_free(b);
  ddlint_pack_free(pk);
}

static void test_document_suppression_per_part(void) {
  ddlint_pack *pk = S_pack();
  /* a disable-file in the last part leaves the first part's TBD reported */
  ddlint_result *r = S_lint(pk, 1,
                            "<!-- ddlint-disable-file placeholder -->\n"
                            "# Success Metrics\n\nTBD.\n");
  CHECK_INT(S_count(r, "placeholder"), 1);
  const ddlint_diag *ph = S_find(r, "placeholder");
  CHECK(ph && strcmp(ddlint_diag_file(ph), "d/01_one.md") == 0);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_document_title_and_shared(void) {
  ddlint_pack *pk = S_pack();
  /* no index: the single H1 of the first chapter is a section, not a
   * title */
  ddlint_part parts[] = {
      {.path = "a.md",
       .text = "# Problem Formulation\n\nText.\n",
       .len = 28,
       .named_in = SIZE_MAX},
      {.path = "b.md", .owner = "other", .named_in = SIZE_MAX},
  };
  ddlint_result *r = ddlint_lint_document(pk, "d", parts, 2, 0, NULL);
  size_t pf = S_section(r, "Problem Formulation");
  CHECK_INT(ddlint_coverage_section_line(r, pf), 1);
  const ddlint_diag *sp = S_find(r, "shared-part");
  if (CHECK(sp != NULL)) {
    CHECK_INT(ddlint_diag_severity(sp), DDLINT_WARNING);
    CHECK_HAS(ddlint_diag_message(sp), "\"other\"");
    CHECK_STR(ddlint_diag_file(sp), "a.md");
  }
  CHECK_INT(S_count(r, "missing-part"), 0);
  ddlint_result_free(r);
  /* no parts at all: one finding, no crash */
  r = ddlint_lint_document(pk, "empty", NULL, 0, 0, NULL);
  CHECK_INT(S_count(r, "missing-part"), 1);
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

void suite_document(void) {
  RUN(test_document_sections_and_places);
  RUN(test_document_threads_same);
  RUN(test_document_suppression_per_part);
  RUN(test_document_title_and_shared);
}
