/* The outline stage: turns the flat heading blocks into a tree of sections.
 * A section spans from its heading to the next heading of the same or a
 * higher level; a single leading H1 is the document's title. Built with an
 * explicit stack, since heading levels are the only nesting involved. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void outline_build(const md_blocks *mb, size_t doc_len, outline *out) {
  memset(out, 0, sizeof *out);
  size_t cap = 0;
  ptrdiff_t stack[7]; /* open section per level 1..6 */
  int depth = 0;
  size_t h1s = 0;

  for (size_t i = 0; i < mb->nblocks; i++) {
    const block *b = &mb->blocks[i];
    if (b->kind != BLOCK_HEADING || !b->norm || !*b->norm)
      continue; /* a bare "##" neither opens nor closes a section */
    if (b->level == 1)
      h1s++;
    /* close every open section at this level or deeper */
    while (depth > 0 && out->sections[stack[depth - 1]].level >= b->level) {
      section *s = &out->sections[stack[depth - 1]];
      s->end = b->start;
      s->end_block = i;
      depth--;
    }
    xgrow(&out->sections, &cap, out->nsections + 1, sizeof(section));
    section *s = &out->sections[out->nsections];
    memset(s, 0, sizeof *s);
    s->block = i;
    s->level = b->level;
    s->start = b->start;
    s->body_start = b->end;
    s->first_block = i + 1;
    s->parent = depth > 0 ? stack[depth - 1] : -1;
    stack[depth++] = (ptrdiff_t)out->nsections;
    out->nsections++;
  }
  while (depth > 0) {
    section *s = &out->sections[stack[--depth]];
    s->end = doc_len;
    s->end_block = mb->nblocks;
  }
  /* A single H1 that opens the document is its title, not a section. */
  if (h1s == 1 && out->nsections && out->sections[0].level == 1) {
    bool content_before = false;
    for (size_t i = 0; i < out->sections[0].block; i++)
      if (mb->blocks[i].kind != BLOCK_COMMENT &&
          mb->blocks[i].kind != BLOCK_BREAK)
        content_before = true;
    out->sections[0].is_title = !content_before;
  }
}

void outline_free(outline *ol) {
  free(ol->sections);
  memset(ol, 0, sizeof *ol);
}
