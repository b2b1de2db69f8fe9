/* libFuzzer harness for `ddlint fix` on one file: lint with the built-in
 * pack, plan the edits (ddlint_fix_plan), apply them (ddlint_fix_apply),
 * then lint the result again. Checks the plan's contract: every edit in
 * part 0, inside the text, sorted by offset, not overlapping; the applied
 * text is exactly the original with each edit's bytes replaced by its text
 * (so an insertion keeps every original byte, in order); and the fixed text
 * lints to a result that keeps the result contract (fuzz_check_result). */
#include "fuzz_common.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static ddlint_pack *pack;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  pack = fuzz_document_pack("fuzz_fix");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *buf = (const char *)data;
  ddlint_result *r = ddlint_lint_buffer(pack, "fuzz.md", buf, size);
  if (!r)
    fuzz_fail("ddlint_lint_buffer returned NULL");
  ddlint_fix *fix = ddlint_fix_plan(r);
  if (!fix)
    fuzz_fail("ddlint_fix_plan returned NULL");
  size_t n = ddlint_fix_count(fix), prev_end = 0, want = size;
  for (size_t i = 0; i < n; i++) {
    size_t part = 1, off = 0, del = 0, sec = 0;
    const char *text = NULL;
    ddlint_fix_edit(fix, i, &part, &off, &del, &text, &sec, NULL);
    if (part != 0 || !text)
      fuzz_fail("edit %zu: part %zu, text %p", i, part, (const void *)text);
    if (off > size || del > size - off)
      fuzz_fail("edit %zu at %zu+%zu past the text (%zu bytes)", i, off, del,
                size);
    if (off < prev_end)
      fuzz_fail("edit %zu at %zu overlaps or precedes the one before (end %zu)",
                i, off, prev_end);
    if (sec >= ddlint_pack_section_count(pack))
      fuzz_fail("edit %zu names section %zu", i, sec);
    prev_end = off + del;
    want = want - del + strlen(text);
  }
  size_t out_len = 0;
  char *out = ddlint_fix_apply(fix, 0, n, buf, size, &out_len);
  if (!out)
    fuzz_fail("ddlint_fix_apply returned NULL");
  if (out_len != want || out[out_len] != '\0')
    fuzz_fail("applied text is %zu bytes, expected %zu", out_len, want);
  /* the original, edit by edit */
  size_t at = 0, o = 0;
  for (size_t i = 0; i < n; i++) {
    size_t off = 0, del = 0;
    const char *text = NULL;
    ddlint_fix_edit(fix, i, NULL, &off, &del, &text, NULL, NULL);
    size_t keep = off - at, tl = strlen(text);
    if (memcmp(out + o, buf + at, keep) != 0 || memcmp(out + o + keep, text, tl))
      fuzz_fail("edit %zu: the applied text differs from the plan", i);
    o += keep + tl;
    at = off + del;
  }
  if (memcmp(out + o, buf + at, size - at) != 0)
    fuzz_fail("the applied text does not end with the original's tail");
  ddlint_result *again = ddlint_lint_buffer(pack, "fuzz.md", out, out_len);
  if (!again)
    fuzz_fail("linting the fixed text returned NULL");
  fuzz_check_result(again, out_len);
  ddlint_result_free(again);
  free(out);
  ddlint_fix_free(fix);
  ddlint_result_free(r);
  return 0;
}
