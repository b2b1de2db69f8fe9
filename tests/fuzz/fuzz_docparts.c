/* libFuzzer harness for the multi-file document reader (src/cli/docparts.c):
 * the input is a folder's README.md, beside fixed chapter files, numbered
 * records and sub-folders; doc_detect() reads its front matter, links and
 * code spans and decides whether the folder is one document and its parts.
 * Checks: every part is a path inside the folder, none is listed twice,
 * and has_index means the README comes first. */
#include "fuzz_common.h"

#include "docparts.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char readme[96];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes text to dir/name, making its folder; exits on failure. */
static void S_put(const char *name, const char *text) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  char *slash = strrchr(path, '/');
  if (slash && slash > path + strlen(dir)) {
    *slash = '\0';
    mkdir(path, 0700);
    *slash = '/';
  }
  FILE *f = fopen(path, "w");
  if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
    fprintf(stderr, "fuzz_docparts: cannot write %s\n", path);
    exit(1);
  }
}

/* plainly named chapters, numbered ones, records, a chapter folder, a
 * part's folder, a docs folder and a file that is no Markdown */
static const char *const S_files[] = {
    "data.md",       "model.md",      "01_intro.md",      "02_data.md",
    "0001-scope.md", "0002-model.md", "03_ops/README.md", "design/serving.md",
    "docs/notes.md", "img/flow.png",  "CONTRIBUTING.md",  "README.md",
    NULL};
static const char *const S_dirs[] = {"03_ops", "design", "docs", "img", NULL};

/* Removes the folder at exit (libFuzzer ends a timed run with exit()):
 * each run left one in /tmp before. A run that crashes or is interrupted
 * (libFuzzer's _Exit) still leaves it. */
static void S_remove_dir(void) {
  char path[256];
  for (int i = 0; S_files[i]; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, S_files[i]);
    (void)unlink(path);
  }
  for (int i = 0; S_dirs[i]; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, S_dirs[i]);
    (void)rmdir(path);
  }
  (void)rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  snprintf(dir, sizeof dir, "%s", "/tmp/ddlint-fuzz-docparts-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("fuzz_docparts: mkdtemp");
    exit(1);
  }
  atexit(S_remove_dir);
  snprintf(readme, sizeof readme, "%s/README.md", dir);
  for (int i = 0; S_files[i]; i++)
    if (strcmp(S_files[i], "README.md") != 0) /* (the input's) */
      S_put(S_files[i], "# Part\n\nText.\n");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(readme, "wb");
  if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
    fuzz_fail("cannot write %s", readme);
  /* The input's length picks the options, so one input always runs alike. */
  bool declared = size & 1, records = size >> 1 & 1;
  doc_spec spec;
  bool is_doc = doc_detect(dir, declared, records, &spec);
  if (!is_doc) {
    if (spec.nparts)
      fuzz_fail("not a document, but %zu parts", spec.nparts);
    doc_spec_free(&spec);
    return 0;
  }
  size_t dl = strlen(dir);
  for (size_t i = 0; i < spec.nparts; i++) {
    const char *p = spec.parts[i];
    if (!p || strncmp(p, dir, dl) != 0 || p[dl] != '/')
      fuzz_fail("part %zu \"%s\" is not inside %s", i, p ? p : "(null)", dir);
    for (size_t j = 0; j < i; j++)
      if (strcmp(spec.parts[j], p) == 0)
        fuzz_fail("part \"%s\" listed twice", p);
  }
  if (spec.has_index && (!spec.nparts || strcmp(spec.parts[0], readme) != 0))
    fuzz_fail("has_index but the first part is not %s", readme);
  doc_spec_free(&spec);
  return 0;
}
