/* libFuzzer harness for rule packs: ddlint_pack_load_buffer on the input;
 * a loaded pack lints a small fixed document and renders it through every
 * reporter; a rejected pack must come with an "origin:..." error. */
#include "fuzz_common.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ORIGIN "fuzz-pack.json"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *err = NULL;
  ddlint_pack *pack =
      ddlint_pack_load_buffer((const char *)data, size, ORIGIN, &err);
  if (!pack) {
    fuzz_check_error(err, ORIGIN, "pack");
    free(err);
    return 0;
  }
  if (err)
    fuzz_fail("pack loaded but *err was set: %s", err);

  /* Every accessor of every rule, as --list-rules and --explain use them. */
  for (size_t i = 0; i < ddlint_pack_rule_count(pack); i++) {
    const ddlint_rule *rule = ddlint_pack_rule(pack, i);
    if (!ddlint_rule_id(rule) || !ddlint_rule_kind(rule) ||
        !ddlint_rule_summary(rule) || !ddlint_rule_help(rule) ||
        !ddlint_rule_explain(rule) ||
        !ddlint_kind_explain(ddlint_rule_kind(rule)))
      fuzz_fail("rule %zu has a NULL string", i);
    if (ddlint_pack_find_rule(pack, ddlint_rule_id(rule)) != rule)
      fuzz_fail("rule id \"%s\" does not find its own rule",
                ddlint_rule_id(rule));
  }
  if (!ddlint_pack_name(pack) || !ddlint_pack_version(pack))
    fuzz_fail("pack has a NULL name or version");

  ddlint_options opts = {.report_unused_suppressions = 1};
  ddlint_result *r = ddlint_lint_buffer_opts(pack, "doc.md", fuzz_document,
                                             fuzz_document_len, &opts);
  fuzz_check_result(r, fuzz_document_len);
  fuzz_render_all(pack, r, (int)(size & 1));
  ddlint_result_free(r);
  ddlint_pack_free(pack);
  return 0;
}
