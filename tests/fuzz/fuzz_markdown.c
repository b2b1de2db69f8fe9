/* libFuzzer harness for the Markdown path: source -> md -> outline -> match
 * -> engine -> suppressions -> every reporter, with the built-in pack (and
 * the opt-in link-fragment rule) loaded once; plus the front-matter lookup
 * the CLI runs on every document. */
#include "fuzz_common.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static ddlint_pack *pack;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  pack = fuzz_document_pack("fuzz_markdown");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *buf = (const char *)data;
  char *tmpl = ddlint_frontmatter_value(buf, size, "ddlint-template");
  free(tmpl);

  /* The input's length picks the options, so one input always runs alike. */
  ddlint_options opts = {.report_unused_suppressions = (int)(size >> 1 & 1)};
  ddlint_result *r = ddlint_lint_buffer_opts(pack, "fuzz.md", buf, size, &opts);
  if (!r)
    fuzz_fail("ddlint_lint_buffer_opts returned NULL");
  fuzz_check_result(r, size);
  fuzz_render_all(pack, r, (int)(size & 1));
  ddlint_result_free(r);
  return 0;
}
