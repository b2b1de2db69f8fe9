/* Public API: a text's headings and their spans (source -> md -> outline),
 * without a template, for an editor's document outline. */
#include "ddlint.h"
#include "outline.h"

#include <stdlib.h>

/* Owns the source, its blocks and its section tree. */
struct ddlint_outline {
  source src;
  md_blocks mb;
  outline ol;
};

ddlint_outline *ddlint_outline_parse(const char *path, const char *buf,
                                     size_t len) {
  md_init(); /* once per process, as a pack's load does */
  ddlint_outline *o = xcalloc(1, sizeof *o);
  source_init(&o->src, path, buf, len);
  md_parse(&o->src, 1, &o->mb);
  outline_build(&o->mb, o->src.len, 1, &o->ol);
  return o;
}

size_t ddlint_outline_count(const ddlint_outline *o) { return o->ol.nsections; }

const char *ddlint_outline_text(const ddlint_outline *o, size_t i) {
  const char *t = o->mb.blocks[o->ol.sections[i].block].text;
  return t ? t : "";
}

void ddlint_outline_span(const ddlint_outline *o, size_t i, size_t *start,
                         size_t *line_end, size_t *end) {
  const section *sec = &o->ol.sections[i];
  if (start)
    *start = sec->start;
  if (end)
    *end = sec->end;
  if (line_end) {
    size_t hs;
    source_line_bounds(&o->src, sec->start, &hs, line_end);
  }
}

ptrdiff_t ddlint_outline_parent(const ddlint_outline *o, size_t i) {
  return o->ol.sections[i].parent;
}

void ddlint_outline_free(ddlint_outline *o) {
  if (!o)
    return;
  outline_free(&o->ol);
  md_blocks_free(&o->mb);
  source_free(&o->src);
  free(o);
}
