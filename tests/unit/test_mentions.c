/* Mentions that do not count and fences that hide chapters: blocks in block
 * quotes, whose numbers quantified-target leaves to their authors; case
 * studies and examples; percentiles that are no latency; numbers in inline
 * math; plural cross-references; bracketed placeholders; the code-fence
 * kind, fence_hides_heading() and fix around an open fence. */
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

/* The messages of a rule's findings on md, joined with " | ". */
static char *S_messages(const ddlint_pack *pk, const char *md,
                        const char *rule) {
  ddlint_result *r = lint_str(pk, md);
  strbuf sb = {0};
  strbuf_puts(&sb, "");
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    if (strcmp(ddlint_diag_rule(d), rule) == 0)
      strbuf_printf(&sb, "%s%s", sb.len ? " | " : "", ddlint_diag_message(d));
  }
  ddlint_result_free(r);
  return strbuf_take(&sb);
}

#define CHECK_MESSAGES(pk, md, rule, want)                                     \
  do {                                                                         \
    char *m_ = S_messages((pk), (md), (rule));                                 \
    CHECK_STR(m_, (want));                                                     \
    free(m_);                                                                  \
  } while (0)

static void test_md_block_quotes(void) {
  doc d;
  doc_open(&d, "# T\n\n"
               "Ours.\n\n"
               "> Theirs, quoted.\n>\n> - a list in the quote\n"
               "> > and a quote in it\n\n"
               "After the quote.\n\n"
               "- item\n");
  const char *const want[][2] = {{"Ours.", "0"},
                                 {"Theirs, quoted.", "1"},
                                 {"a list in the quote", "1"},
                                 {"and a quote in it", "1"},
                                 {"After the quote.", "0"},
                                 {"item", "0"}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    size_t off = doc_offset_of(&d, want[i][0]);
    size_t b = block_at_or_after(&d.mb, off + 1);
    if (!CHECK(off != SIZE_MAX && b > 0))
      continue;
    const block *bl = &d.mb.blocks[b - 1];
    t_check(bl->start <= off && off < bl->end &&
                bl->in_quote == (want[i][1][0] == '1'),
            __FILE__, __LINE__, "\"%s\": in_quote %d, expected %s", want[i][0],
            bl->in_quote, want[i][1]);
  }
  doc_close(&d);
}

/* ---- quantified-target: whose numbers ---- */

static const char CASE_PACK[] =
    "{\"name\": \"q\", \"sections\": [\n"
    "  {\"id\": \"arch\", \"title\": \"Architecture\"}],\n"
    " \"rules\": [{\"id\": \"lat\", \"kind\": \"quantified-target\",\n"
    "   \"severity\": \"warning\", \"message\": \"{detail}\",\n"
    "   \"scope\": [\"arch\"],\n"
    "   \"params\": {\"name\": \"latency\",\n"
    "     \"subject\": \"\\\\blatency\\\\b\",\n"
    "     \"quantity\": \"\\\\d+\\\\s*ms\\\\b\",\n"
    "     \"percentile\": \"\\\\bp\\\\d\\\\d\\\\b\",\n"
    "     \"ignore_headings\": [\"Case study\", \"Examples\", \"example\"]}}]}";

static void test_whose_numbers(void) {
  ddlint_pack *pk = PACK(CASE_PACK);
  if (!pk)
    return;
  /* a quoted number is someone else's */
  CHECK_MESSAGES(pk,
                 "## Architecture\n\nWe serve from a cache.\n\n"
                 "> At Acme the p99 latency is 40 ms.\n",
                 "lat", "no latency target in Architecture");
  /* so is one under a case-study heading, subsections included */
  CHECK_MESSAGES(pk,
                 "## Architecture\n\nWe serve from a cache.\n\n"
                 "### Case study: how Acme serves ads\n\nText.\n\n"
                 "#### Their numbers\n\np99 latency 40 ms.\n",
                 "lat", "no latency target in Architecture");
  /* or in a paragraph labelled as an example */
  CHECK_MESSAGES(pk,
                 "## Architecture\n\nWe serve from a cache.\n\n"
                 "**Example:** a p99 latency of 40 ms.\n\n"
                 "- Example: p99 latency 30 ms.\n",
                 "lat", "no latency target in Architecture");
  /* the section after the case study is ours again; a heading that only
   * contains the word is not a case study */
  CHECK_MESSAGES(pk,
                 "## Architecture\n\n### Case study: Acme\n\nx\n\n"
                 "### Serving, for example\n\np99 latency 40 ms.\n",
                 "lat", "");
  /* a vague mention of ours is still judged */
  CHECK_MESSAGES(pk,
                 "## Architecture\n\nLatency should be low.\n\n"
                 "> Acme: p99 latency 40 ms.\n",
                 "lat",
                 "latency target has no number and unit: \"Latency should be "
                 "low.\"");
  /* the document's own title is no case study of someone else */
  CHECK_MESSAGES(pk,
                 "# Case study: our ad server\n\n## Architecture\n\n"
                 "p99 latency 40 ms.\n",
                 "lat", "");
  /* a case study outside the scope sections does not count either */
  CHECK_MESSAGES(pk,
                 "## Architecture\n\nA cache.\n\n## Examples\n\n"
                 "p99 latency 40 ms.\n",
                 "lat", "no latency target in Architecture");
  ddlint_pack_free(pk);

  char *err = pack_error(
      "{\"name\": \"q\", \"sections\": [], \"rules\": [{\"id\": \"lat\", "
      "\"kind\": \"quantified-target\", \"severity\": \"warning\", "
      "\"message\": \"m\", \"params\": {\"name\": \"latency\", \"subject\": "
      "\"x\", \"quantity\": \"y\", \"ignore_headings\": [\"ok\", 3]}}]}");
  CHECK_HAS(err, "\"ignore_headings\" in params must hold only strings");
  free(err);
  err = pack_error(
      "{\"name\": \"q\", \"sections\": [], \"rules\": [{\"id\": \"lat\", "
      "\"kind\": \"quantified-target\", \"severity\": \"warning\", "
      "\"message\": \"m\", \"params\": {\"name\": \"latency\", \"subject\": "
      "\"x\", \"quantity\": \"y\", \"ignore_headings\": [\"--\"]}}]}");
  CHECK_HAS(err, "\"ignore_headings\" must hold words");
  free(err);
}

/* The default pack's latency-target on a Problem Formulation paragraph. */
static void S_latency(const ddlint_pack *pk, const char *para, const char *want,
                      int line) {
  char *md = xasprintf("## Problem Formulation\n\n%s\n", para);
  char *got = S_messages(pk, md, "latency-target");
  t_check(strcmp(got, want) == 0, __FILE__, line,
          "%s\n      got:      %s\n      expected: %s", para, got, want);
  free(got);
  free(md);
}
#define CHECK_ML_LATENCY(pk, para, want)                                       \
  S_latency((pk), (para), (want), __LINE__)

static void test_latency_percentiles_and_math(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  const char *none = "no latency target in Problem Formulation";
  /* a percentile with no latency word or no time unit is no subject */
  CHECK_ML_LATENCY(
      pk, "We forecast the P50 and P90 demand quantiles per store.", none);
  CHECK_ML_LATENCY(pk, "Planners read the P90 forecast for each request.",
                   none);
  CHECK_ML_LATENCY(pk, "The P90 quantile is refreshed every 30 minutes.", none);
  /* the words of another sentence do not go with it */
  CHECK_ML_LATENCY(pk,
                   "We publish the P90 demand quantile. Each request is "
                   "logged within 5 minutes.",
                   none);
  /* with both, it is a latency, before or after its word */
  CHECK_ML_LATENCY(pk, "P95 of the ranking call stays under 80 ms.", "");
  CHECK_ML_LATENCY(pk, "Inference p95 is 40 ms on one core.", "");
  CHECK_ML_LATENCY(pk, "* **Key Constraints**: P99 < 150 ms.", "");
  CHECK_ML_LATENCY(pk, "Inference p95 is 1.5 s\non the cold path.", "");
  /* inline math */
  CHECK_ML_LATENCY(pk, "p99 latency $< 300\\text{ms}$ from upload.", "");
  CHECK_ML_LATENCY(pk, "End-to-end p99 latency below $300\\,\\mathrm{ms}$.",
                   "");
  CHECK_ML_LATENCY(pk, "The p99 latency is $120~\\mathrm{ms}$.", "");
  CHECK_ML_LATENCY(pk, "Latency at $p_{99}$ under $80\\,$ms.", "");
  CHECK_ML_LATENCY(pk, "Serving: $p_{99} < 150\\,\\mathrm{ms}$.", "");
  CHECK_ML_LATENCY(pk, "p99 latency $< 300$.",
                   "latency target has no number and unit: \"p99 latency $< "
                   "300$.\"");
  /* a quoted case study in the default pack */
  CHECK_ML_LATENCY(pk,
                   "Scoring must feel instant.\n\n"
                   "> At a ride-hailing company the p99 latency is 45 ms.",
                   none);
  CHECK_ML_LATENCY(pk,
                   "Scoring must feel instant.\n\n"
                   "### Case study: their rules engine\n\n"
                   "It answered in 8 ms at p95 latency.",
                   none);
  /* another operator's numbers: said to be reported, or in a list that
   * a report leads into (the lead-in paragraph just before the list) */
  CHECK_ML_LATENCY(pk,
                   "Scoring must feel instant.\n\n"
                   "They reported a p95 latency of 90 ms for scoring.",
                   none);
  CHECK_ML_LATENCY(pk,
                   "Scoring must feel instant.\n\n"
                   "Operator K described its system in its 2023 talk at a "
                   "remote-sensing conference:\n\n"
                   "- Their model is retrained weekly.\n"
                   "- Scoring one candidate takes 300 ms at p99 latency.\n",
                   none);
  CHECK_ML_LATENCY(pk,
                   "Nordfjord presented their forecast at the 2022 Interferry "
                   "conference. Notes from the talk:\n\n"
                   "- The UI loads in 3 s with a p95 latency of 1.2 s.\n",
                   none);
  /* ... but a lead-in in the author's voice is the author's, whatever
   * talk it mentions */
  CHECK_ML_LATENCY(pk,
                   "After the talk at the 2024 InsurTech summit we set our "
                   "own serving targets:\n\n"
                   "- Scoring one claim within 300 ms at p99 latency.\n",
                   "");
  /* ... and our own list under our own lead-in is ours */
  CHECK_ML_LATENCY(pk,
                   "Our targets for the scoring service:\n\n"
                   "- Retrained weekly.\n"
                   "- Scoring one candidate within 300 ms at p99 latency.\n",
                   "");
  ddlint_pack_free(pk);
}

/* ---- cross-reference: singular and plural ---- */

static const char XREF_PACK[] =
    "{\"name\": \"x\", \"sections\": [\n"
    "  {\"id\": \"m\", \"title\": \"Metrics\"},\n"
    "  {\"id\": \"mon\", \"title\": \"Monitoring\"}],\n"
    " \"rules\": [{\"id\": \"xref\", \"kind\": \"cross-reference\",\n"
    "   \"severity\": \"info\", \"scope\": [\"m\"], \"message\": \"{match}\",\n"
    "   \"params\": {\"terms\": [\"\\\\bacceptance rates?\\\\b\", "
    "\"\\\\bquer(y|ies)\\\\b\", \"\\\\bbox(es)?\\\\b\", \"\\\\bbonus\\\\b\", "
    "\"\\\\bctrs?\\\\b\", \"\\\\bp@5\\\\b\"],\n"
    "     \"to\": [\"mon\"]}}]}";

static void test_cross_reference_plural(void) {
  ddlint_pack *pk = PACK(XREF_PACK);
  if (!pk)
    return;
  CHECK_MESSAGES(pk,
                 "## Metrics\n\nAcceptance rates per team.\n\n"
                 "## Monitoring\n\nThe acceptance rate on a dashboard.\n",
                 "xref", "");
  CHECK_MESSAGES(pk,
                 "## Metrics\n\nThe acceptance rate.\n\n"
                 "## Monitoring\n\nAcceptance rates per team.\n",
                 "xref", "");
  CHECK_MESSAGES(pk,
                 "## Metrics\n\nQueries, boxes and CTRs.\n\n"
                 "## Monitoring\n\nEach query, box and CTR.\n",
                 "xref", "");
  CHECK_MESSAGES(pk,
                 "## Metrics\n\nA query, a box and the CTR.\n\n"
                 "## Monitoring\n\nQueries, boxes, CTRs.\n",
                 "xref", "");
  /* both forms in the scope are one term, reported once */
  CHECK_MESSAGES(pk,
                 "## Metrics\n\nAcceptance rates; the acceptance rate.\n\n"
                 "## Monitoring\n\nNothing.\n",
                 "xref", "Acceptance rates");
  /* the stem alone, another word, or a term that does not end in a letter
   * is no mention */
  CHECK_MESSAGES(pk,
                 "## Metrics\n\nAcceptance rate, bonus, p@5.\n\n"
                 "## Monitoring\n\nAcceptance ratings, bonu, p@55.\n",
                 "xref", "Acceptance rate | bonus | p@5");
  ddlint_pack_free(pk);
}

/* ---- placeholder: bracketed markers ---- */

static void test_bracket_placeholders(void) {
  ddlint_pack *pk = S_ml();
  if (!pk)
    return;
  CHECK_MESSAGES(pk,
                 "## Data and Labeling\n\n"
                 "- **Data sources**: [NO INFO]\n- Owner: [TBD]\n"
                 "- Region: [ n/a ]\n- Window: [N/A]\n- Cadence: [todo]\n"
                 "- Labels: TBD\n- See the [TBD list](x) and [notes].\n",
                 "placeholder",
                 "placeholder left in: \"[NO INFO]\" | placeholder left in: "
                 "\"[TBD]\" | placeholder left in: \"[ n/a ]\" | placeholder "
                 "left in: \"[N/A]\" | placeholder left in: \"[todo]\" | "
                 "placeholder left in: \"TBD\" | placeholder left in: \"TBD\"");
  ddlint_pack_free(pk);
}

/* ---- code-fence ---- */

static const char FENCE_PACK[] =
    "{\"name\": \"f\", \"sections\": [\n"
    "  {\"id\": \"a\", \"title\": \"Alpha\"},\n"
    "  {\"id\": \"b\", \"title\": \"Beta\", \"aliases\": [\"second part\"]},\n"
    "  {\"id\": \"c\", \"title\": \"Gamma\"}],\n"
    " \"rules\": [{\"id\": \"fence\", \"kind\": \"code-fence\",\n"
    "   \"severity\": \"warning\", \"message\": \"{detail}\"},\n"
    "  {\"id\": \"missing\", \"kind\": \"required-section\",\n"
    "   \"severity\": \"error\", \"message\": \"{section}\"}]}";

static void test_code_fence(void) {
  ddlint_pack *pk = PACK(FENCE_PACK);
  if (!pk)
    return;
  /* "``` text" does not close: the block runs to the end */
  ddlint_result *r = lint_str(pk, "## Alpha\n\n"         /* 1 */
                                  "```sh\n"              /* 3 */
                                  "make\n"               /* 4 */
                                  "``` then run it\n"    /* 5 */
                                  "\n"                   /* 6 */
                                  "## Beta\n\nText.\n\n" /* 7 */
                                  "## Gamma ##\n\nText.\n" /* 11 */);
  CHECK_INT(diag_count_rule(r, "fence"), 1);
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 3, 1,
             "this code block runs to the end of the document: \"``` then "
             "run it\" (line 5) does not close it, and it hides 2 headings: "
             "\"## Beta\" (line 7), \"## Gamma ##\" (line 11)");
  ddlint_result_free(r);
  /* a stray fence later closes it: the headings between are hidden */
  r = lint_str(pk, "## Alpha\n\n"
                   "~~~\ncode\n~~~ end\n\n# Beta\n\nx\n~~~\n\n## Gamma\n\nx\n");
  CHECK_INT(diag_count_rule(r, "fence"), 1);
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 3, 1,
             "this code block runs on to line 10: \"~~~ end\" (line 5) does "
             "not close it, and it hides 1 heading: \"# Beta\" (line 7)");
  ddlint_result_free(r);
  /* never closed, no failed fence, but headings inside */
  r = lint_str(pk, "## Alpha\n\n```\ncode\n\n## Beta\n\nx\n");
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 3, 1,
             "this code block is never closed, and it hides 1 heading: "
             "\"## Beta\" (line 6)");
  ddlint_result_free(r);
  /* a stray bare fence before "```python": the lines between were prose */
  r = lint_str(pk, "## Alpha\n\n"
                   "```\n\n## Beta\n\n### Detail\n\n"       /* 3-7 */
                   "```python\n# a comment\nx = 1\n```\n"); /* 9-12 */
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 3, 1,
             "this code block runs on to line 12: \"```python\" (line 9) "
             "does not close it (a fence left open earlier may have turned "
             "the fences after it over), and it hides 2 headings: \"## "
             "Beta\" (line 5), \"### Detail\" (line 7)");
  ddlint_result_free(r);
  /* a failed fence at the end, hiding nothing, still runs to the end */
  r = lint_str(pk, "## Alpha\n\n```\ncode\n```python\n");
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 3, 1,
             "this code block runs to the end of the document: \"```python\" "
             "(line 5) does not close it (a fence left open earlier may have "
             "turned the fences after it over)");
  ddlint_result_free(r);
  /* well-formed blocks: shell comments, a longer fence showing a fence, an
   * unclosed block with no heading-like line, a fence inside a list */
  const char *const fine[] = {
      "```sh\n# install\nmake\n```\n\n## Beta\n",
      "````md\n```python\n# not a heading\n```\n````\n\n## Beta\n",
      "```\ncode at the end\n",
      "- item\n\n  ```\n  # comment\n  ```\n\n## Beta\n",
      "    indented code\n    ## not a heading\n\n## Beta\n",
      "> ```\n> # quoted\n> ```\n\n## Beta\n",
      "```\na\n```\r\n\r\n## Beta\r\n",
  };
  for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
    r = lint_str(pk, fine[i]);
    t_check(diag_count_rule(r, "fence") == 0, __FILE__, __LINE__,
            "well-formed case %zu has a code-fence finding", i);
    ddlint_result_free(r);
  }
  /* a fence opened in a list item: the item's end closes it, so a heading
   * after the list is no hidden one; one indented into the item is */
  r = lint_str(pk, "## Alpha\n\n- step one:\n  ```sh\n  make\n  ``` then\n\n"
                   "## Beta\n");
  CHECK_INT(diag_count_rule(r, "fence"), 0);
  ddlint_result_free(r);
  r = lint_str(pk, "## Alpha\n\n- step one:\n  ```sh\n  make\n  ``` then\n\n"
                   "  ## Beta\n");
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 4, 3,
             "this code block runs to the end of the document: \"  ``` "
             "then\" (line 6) does not close it, and it hides 1 heading: "
             "\"## Beta\" (line 8)");
  ddlint_result_free(r);
  /* CRLF: the same finding */
  r = lint_str(pk, "## Alpha\r\n\r\n```\r\nx\r\n``` y\r\n\r\n## Beta\r\n");
  CHECK_DIAG(r, diag_find(r, "fence", 0), "fence", 3, 1,
             "this code block runs to the end of the document: \"``` y\" "
             "(line 5) does not close it, and it hides 1 heading: \"## Beta\" "
             "(line 7)");
  ddlint_result_free(r);
  ddlint_pack_free(pk);
}

static void test_fence_hides_heading(void) {
  ddlint_pack *pk = PACK(FENCE_PACK);
  if (!pk)
    return;
  doc d;
  doc_open(&d, "## Alpha\n\n```\nx\n``` y\n\n## 2. Second part\n\n"
               "## Gamma\n");
  lint_ctx ctx = {.pack = pk, .src = &d.src, .md = &d.mb, .ol = &d.ol};
  size_t at = 0;
  /* by an alias, numbered, inside the open block */
  CHECK(fence_hides_heading(&ctx, &pk->sections[1], &at));
  CHECK_INT(at, doc_offset_of(&d, "## 2. Second part"));
  CHECK(fence_hides_heading(&ctx, &pk->sections[2], &at));
  CHECK_INT(at, doc_offset_of(&d, "## Gamma"));
  CHECK(!fence_hides_heading(&ctx, &pk->sections[0], &at)); /* a heading */
  doc_close(&d);
  /* a well-formed block hides nothing */
  doc_open(&d, "## Alpha\n\n```\n## Beta\n```\n");
  lint_ctx ctx2 = {.pack = pk, .src = &d.src, .md = &d.mb, .ol = &d.ol};
  CHECK(!fence_hides_heading(&ctx2, &pk->sections[1], &at));
  doc_close(&d);
  ddlint_pack_free(pk);
}

static void test_fix_outside_code(void) {
  ddlint_pack *pk = PACK(FENCE_PACK);
  if (!pk)
    return;
  const char *md = "## Alpha\n\n```\nx\n``` y\n\n## Gamma\n\nx\n";
  ddlint_result *r = lint_str(pk, md);
  fix_insert *ins;
  size_t n = fix_plan(r, &ins);
  /* Beta is missing and its place (after Alpha, i.e. the end) is inside
   * the open block: it goes before the fence; Gamma is hidden, so no
   * second Gamma is added */
  if (CHECK(n == 1)) {
    CHECK_INT(ins[0].at, (size_t)(strstr(md, "```") - md));
    CHECK_HAS(ins[0].text, "## Beta");
  }
  size_t len;
  char *fixed = fix_apply(md, strlen(md), ins, n, &len);
  fix_free(ins, n);
  ddlint_result_free(r);
  r = lint_str(pk, fixed);
  n = fix_plan(r, &ins);
  CHECK_INT(n, 0); /* idempotent */
  fix_free(ins, n);
  ddlint_result_free(r);
  free(fixed);
  ddlint_pack_free(pk);
}

void suite_mentions(void) {
  RUN(test_md_block_quotes);
  RUN(test_whose_numbers);
  RUN(test_latency_percentiles_and_math);
  RUN(test_cross_reference_plural);
  RUN(test_bracket_placeholders);
  RUN(test_code_fence);
  RUN(test_fence_hides_heading);
  RUN(test_fix_outside_code);
}
