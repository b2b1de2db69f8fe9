/* libFuzzer harness for parsing in pieces (src/lib/chunk.c, src/lib/md.c): any
 * input must give the same blocks, skip ranges and comments parsed whole,
 * cut at every place the scanner allows, and in pieces on two threads. A
 * difference is a wrong answer, so it aborts like a crash. */
#include "fuzz_common.h"
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  md_init();
  return 0;
}

static bool S_str_eq(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* a and b with their titles (norm, key), which the outline stage computes:
 * md_parse leaves them NULL. */
static void S_same(md_blocks *a, md_blocks *b, const char *how) {
  outline_titles(a, 1);
  outline_titles(b, 2);
  if (a->nblocks != b->nblocks || a->nskip != b->nskip ||
      a->ncomments != b->ncomments)
    fuzz_fail("%s: %zu/%zu blocks, %zu/%zu skips, %zu/%zu comments", how,
              a->nblocks, b->nblocks, a->nskip, b->nskip, a->ncomments,
              b->ncomments);
  for (size_t i = 0; i < a->nblocks; i++) {
    const block *x = &a->blocks[i], *y = &b->blocks[i];
    if (x->kind != y->kind || x->level != y->level || x->start != y->start ||
        x->end != y->end || x->in_list != y->in_list ||
        x->in_quote != y->in_quote || x->has_content != y->has_content ||
        x->bold_line != y->bold_line ||
        !S_str_eq(x->text, y->text) || !S_str_eq(x->label, y->label) ||
        !S_str_eq(x->key, y->key) || !S_str_eq(x->norm, y->norm))
      fuzz_fail("%s: block %zu differs (kind %d/%d, %zu-%zu/%zu-%zu)", how, i,
                x->kind, y->kind, x->start, x->end, y->start, y->end);
  }
  for (size_t i = 0; i < 2 * a->nskip; i++)
    if (a->skip[i] != b->skip[i])
      fuzz_fail("%s: skip bound %zu differs", how, i);
  for (size_t i = 0; i < 2 * a->ncomments; i++)
    if (a->comments[i] != b->comments[i])
      fuzz_fail("%s: comment bound %zu differs", how, i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  source src;
  source_init(&src, "fuzz.md", (const char *)data, size);
  md_blocks whole, cut;
  md_parse_pieces(&src, 1, SIZE_MAX, &whole);
  md_parse_pieces(&src, 1, 1, &cut);
  /* a parse over the memory budget (PARSE_MEMORY_MAX, counted per piece)
   * keeps no blocks; a smaller piece may stay under it */
  if (!whole.refused && !cut.refused)
    S_same(&whole, &cut, "cut everywhere");
  md_blocks_free(&cut);
  md_parse_pieces(&src, 2, 64, &cut);
  if (!whole.refused && !cut.refused)
    S_same(&whole, &cut, "pieces of 64 bytes on 2 threads");
  md_blocks_free(&cut);
  md_blocks_free(&whole);
  source_free(&src);
  return 0;
}
