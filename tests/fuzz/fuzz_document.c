/* libFuzzer harness for documents of several files (document.c): the input
 * is cut at 0x1E bytes into up to 8 parts (a part that is exactly "\x1D" is
 * missing, "\x1C" is a part of another document); they are linted as one
 * document and rendered through every reporter. Every finding must name
 * one of the parts and lie inside it. */
#include "fuzz_common.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTS 8

static ddlint_pack *pack;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  pack = fuzz_document_pack("fuzz_document");
  return 0;
}

static const char *const names[MAX_PARTS] = {
    "d/README.md", "d/01.md", "d/02.md", "d/03.md",
    "d/04.md",     "d/05.md", "d/06.md", "d/07.md"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *buf = (const char *)data;
  ddlint_part parts[MAX_PARTS];
  size_t n = 0, from = 0;
  memset(parts, 0, sizeof parts);
  for (size_t i = 0; i <= size; i++) {
    /* the last part takes the rest, separators and all */
    if (i < size && (data[i] != 0x1E || n == MAX_PARTS - 1))
      continue;
    ddlint_part *p = &parts[n];
    p->path = names[n];
    p->named_in = n && from < size && (data[from] & 1) ? 0 : (size_t)-1;
    p->named_at = i - from;
    if (i - from == 1 && buf[from] == 0x1D) {
      p->error = "missing";
    } else if (i - from == 1 && buf[from] == 0x1C) {
      p->owner = "other";
    } else {
      p->text = buf + from;
      p->len = i - from;
    }
    n++;
    from = i + 1;
  }
  ddlint_options opts = {.threads = (int)(size % 3) + 1,
                         .report_unused_suppressions = (int)(size >> 1 & 1)};
  ddlint_result *r =
      ddlint_lint_document(pack, "d", parts, n, (int)(size & 1), &opts);
  if (!r)
    fuzz_fail("ddlint_lint_document returned NULL");
  if (ddlint_result_part_count(r) != (n ? n : 1))
    fuzz_fail("%zu parts, expected %zu", ddlint_result_part_count(r), n);
  double score = ddlint_result_score(r);
  if (!(score >= 0.0 && score <= 100.0))
    fuzz_fail("score %g is outside [0, 100]", score);
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    const char *file = ddlint_diag_file(d);
    size_t k = 0;
    while (k < n && (!file || strcmp(file, names[k]) != 0))
      k++;
    if (k == n)
      fuzz_fail("diagnostic %zu [%s] names no part: %s", i, ddlint_diag_rule(d),
                file ? file : "(null)");
    unsigned sl, sc, el, ec;
    size_t so, eo;
    ddlint_diag_start(d, &sl, &sc, &so);
    ddlint_diag_end(d, &el, &ec, &eo);
    if (so > eo || eo > parts[k].len)
      fuzz_fail("diagnostic %zu [%s] spans [%zu, %zu) of part %zu (%zu bytes)",
                i, ddlint_diag_rule(d), so, eo, k, parts[k].len);
    if (sl == 0 || sc == 0 || el < sl || (el == sl && ec < sc))
      fuzz_fail("diagnostic %zu [%s] runs from %u:%u to %u:%u", i,
                ddlint_diag_rule(d), sl, sc, el, ec);
    size_t len;
    (void)ddlint_result_diag_line(r, d, &len);
  }
  for (size_t s = 0; s < ddlint_result_section_count(r); s++) {
    const char *f = ddlint_coverage_section_file(r, s);
    if ((f != NULL) != (ddlint_coverage_section_line(r, s) != 0))
      fuzz_fail("coverage section %zu: file %s, line %u", s, f ? f : "-",
                ddlint_coverage_section_line(r, s));
  }
  fuzz_render_all(pack, r, (int)(size & 1));
  ddlint_result_free(r);
  return 0;
}
