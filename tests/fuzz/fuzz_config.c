/* libFuzzer harness for configuration files (.ddlint.json):
 * ddlint_config_load_buffer on the input; a loaded config answers the
 * ignore and template questions for a few paths and is applied to a result
 * of the built-in pack; a rejected one must give an "origin:..." error. */
#include "fuzz_common.h"

#include "ddlint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ORIGIN "proj/.ddlint.json"

static ddlint_pack *pack;

/* Relative and absolute, inside and outside the config's folder, dotted,
 * deep (past the glob matcher's segment cap) and long. */
static const char *const paths[] = {
    "proj/README.md",
    "proj/docs/design.md",
    "proj/docs/incidents/legacy-2019.md",
    "proj/drafts/a/b/c.md",
    "proj/./docs/../x.md",
    "proj/.hidden/x.md",
    "other/doc.md",
    "../outside.md",
    "/abs/proj/doc.md",
    "-",
    "proj/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/a/b/c/d/e/f/g/"
    "h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/"
    "q/r/s/t/u/v/w/x/y/z.md",
    "proj/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md",
};

static void S_warn(const char *message) {
  if (strncmp(message, ORIGIN ":", sizeof ORIGIN) != 0)
    fuzz_fail("config warning does not start with \"" ORIGIN ":\": %s",
              message);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  char *err = NULL;
  pack = ddlint_pack_load_builtin(ddlint_default_pack_name(), &err);
  if (!pack)
    fuzz_fail("cannot load the built-in pack: %s", err ? err : "?");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *err = NULL;
  ddlint_config *cfg =
      ddlint_config_load_buffer((const char *)data, size, ORIGIN, &err);
  if (!cfg) {
    fuzz_check_error(err, ORIGIN, "config");
    free(err);
    return 0;
  }
  if (err)
    fuzz_fail("config loaded but *err was set: %s", err);
  if (strcmp(ddlint_config_path(cfg), ORIGIN) != 0)
    fuzz_fail("config path is \"%s\"", ddlint_config_path(cfg));

  for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
    (void)ddlint_config_ignores(cfg, paths[i]);
    (void)ddlint_config_is_document(cfg, paths[i]);
    free(ddlint_config_template(cfg, paths[i]));
  }
  /* Applying changes the result, so each input lints afresh. */
  const char *file = paths[size % (sizeof paths / sizeof paths[0])];
  ddlint_result *r = ddlint_lint_buffer(pack, file, fuzz_document,
                                        fuzz_document_len);
  ddlint_config_apply(cfg, file, pack, r, S_warn);
  fuzz_check_result(r, fuzz_document_len);
  fuzz_render_all(pack, r, 0);
  ddlint_result_free(r);
  ddlint_config_free(cfg);
  return 0;
}
