/* Accessors of a lint result: diagnostics, coverage map and score. A result
 * owns its source copy, diagnostics and coverage; it borrows its pack. */
#include "result.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

void ddlint_result_free(ddlint_result *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->ndiags; i++) {
    free(r->diags[i].message);
    free(r->diags[i].help);
    free(r->diags[i].section);
  }
  free(r->diags);
  for (size_t s = 0; s < r->cov.nsections; s++) {
    free(r->section_headings[s]);
    free(r->topic_lines[s]);
    free(r->topic_via[s]);
  }
  for (size_t k = 0; r->parts && k < r->nparts; k++) {
    source_free(&r->parts[k].src);
    free(r->parts[k].error);
    free(r->parts[k].owner);
  }
  free(r->parts);
  for (size_t s = 0; r->topic_part && s < r->cov.nsections; s++)
    free(r->topic_part[s]);
  free(r->topic_part);
  free(r->section_part);
  free(r->section_headings);
  free(r->section_lines);
  free(r->section_start);
  free(r->section_end);
  free(r->section_level);
  free(r->section_made);
  free(r->topic_lines);
  free(r->topic_via);
  free(r->code_spans);
  free(r->section_hidden);
  free(r->section_near);
  coverage_free(&r->cov);
  source_free(&r->src);
  free(r);
}

void ddlint_result_set_rule_severity(ddlint_result *r, const char *rule,
                                     int severity) {
  size_t kept = 0;
  for (size_t i = 0; i < r->ndiags; i++) {
    struct ddlint_diag *d = &r->diags[i];
    if (strcmp(d->rule, rule) == 0 &&
        (!r->only_file || strcmp(d->file, r->only_file) == 0)) {
      if (severity < 0) {
        free(d->message);
        free(d->help);
        free(d->section);
        continue;
      }
      d->severity = d->softer ? diag_softer((ddlint_severity)severity)
                              : (ddlint_severity)severity;
    }
    r->diags[kept++] = *d;
  }
  r->ndiags = kept;
}

const ddlint_pack *ddlint_result_pack(const ddlint_result *r) {
  return r->pack;
}

const char *ddlint_result_path(const ddlint_result *r) { return r->src.path; }

const char *ddlint_result_error(const ddlint_result *r) { return r->error; }
size_t ddlint_result_diag_count(const ddlint_result *r) { return r->ndiags; }
const ddlint_diag *ddlint_result_diag(const ddlint_result *r, size_t i) {
  return i < r->ndiags ? &r->diags[i] : NULL;
}
double ddlint_result_score(const ddlint_result *r) { return r->cov.score; }

size_t ddlint_result_count(const ddlint_result *r, ddlint_severity sev) {
  size_t n = 0;
  for (size_t i = 0; i < r->ndiags; i++)
    if (r->diags[i].severity == sev)
      n++;
  return n;
}

const char *ddlint_result_line(const ddlint_result *r, unsigned line,
                               size_t *len) {
  if (line == 0 || line > r->src.nlines)
    return NULL;
  size_t start, end;
  source_line_bounds(&r->src, r->src.line_starts[line - 1], &start, &end);
  *len = end - start;
  return r->src.text + start;
}

size_t ddlint_result_section_count(const ddlint_result *r) {
  return r->cov.nsections;
}
const char *ddlint_coverage_section_id(const ddlint_result *r, size_t s) {
  return r->pack->sections[s].id;
}
const char *ddlint_coverage_section_title(const ddlint_result *r, size_t s) {
  return r->pack->sections[s].title;
}
unsigned ddlint_coverage_section_line(const ddlint_result *r, size_t s) {
  return r->section_lines[s];
}
const char *ddlint_coverage_section_state(const ddlint_result *r, size_t s) {
  const section_cov *sc = &r->cov.sections[s];
  if (sc->section < 0)
    return NULL;
  return sc->by_content ? "content" : sc->empty ? "empty" : "heading";
}
const char *ddlint_coverage_section_heading(const ddlint_result *r, size_t s) {
  return r->section_headings[s];
}
int ddlint_coverage_section_required(const ddlint_result *r, size_t s) {
  return coverage_required(&r->cov, r->pack, s);
}
double ddlint_coverage_section_weight(const ddlint_result *r, size_t s) {
  return r->pack->sections[s].weight;
}
size_t ddlint_coverage_topic_count(const ddlint_result *r, size_t s) {
  return r->pack->sections[s].ntopics;
}
const char *ddlint_coverage_topic_id(const ddlint_result *r, size_t s,
                                     size_t t) {
  return r->pack->sections[s].topics[t].id;
}
const char *ddlint_coverage_topic_title(const ddlint_result *r, size_t s,
                                        size_t t) {
  return r->pack->sections[s].topics[t].title;
}
unsigned ddlint_coverage_topic_line(const ddlint_result *r, size_t s,
                                    size_t t) {
  return r->topic_lines[s][t];
}
const char *ddlint_coverage_topic_via(const ddlint_result *r, size_t s,
                                      size_t t) {
  return r->topic_via[s][t];
}
double ddlint_coverage_topic_weight(const ddlint_result *r, size_t s,
                                    size_t t) {
  return r->pack->sections[s].topics[t].weight;
}

const char *ddlint_diag_rule(const ddlint_diag *d) { return d->rule; }
ddlint_severity ddlint_diag_severity(const ddlint_diag *d) {
  return d->severity;
}
const char *ddlint_diag_message(const ddlint_diag *d) { return d->message; }
const char *ddlint_diag_help(const ddlint_diag *d) { return d->help; }
const char *ddlint_diag_section(const ddlint_diag *d) { return d->section; }
void ddlint_diag_start(const ddlint_diag *d, unsigned *line, unsigned *col,
                       size_t *off) {
  if (line)
    *line = d->sline;
  if (col)
    *col = d->scol;
  if (off)
    *off = d->start;
}
void ddlint_diag_end(const ddlint_diag *d, unsigned *line, unsigned *col,
                     size_t *off) {
  if (line)
    *line = d->eline;
  if (col)
    *col = d->ecol;
  if (off)
    *off = d->end;
}

int ddlint_severity_from_name(const char *name) {
  static const char *const names[] = {"info", "warning", "error"};
  for (int i = 0; i < 3; i++)
    if (strcmp(name, names[i]) == 0)
      return i;
  return strcmp(name, "off") == 0 ? -1 : -2;
}

const char *ddlint_severity_name(ddlint_severity sev) {
  switch (sev) {
  case DDLINT_ERROR:
    return "error";
  case DDLINT_WARNING:
    return "warning";
  default:
    return "info";
  }
}

size_t ddlint_result_part_count(const ddlint_result *r) {
  return r->parts ? r->nparts : 0;
}
const char *ddlint_result_part_path(const ddlint_result *r, size_t i) {
  return i < ddlint_result_part_count(r) ? r->parts[i].src.path : NULL;
}
int ddlint_result_part_readable(const ddlint_result *r, size_t i) {
  return i < ddlint_result_part_count(r) && !r->parts[i].missing;
}
const char *ddlint_result_diag_line(const ddlint_result *r,
                                    const ddlint_diag *d, size_t *len) {
  if (!r->parts)
    return ddlint_result_line(r, d->sline, len);
  const source *src = &r->parts[d->part].src;
  if (d->sline == 0 || d->sline > src->nlines || r->parts[d->part].missing)
    return NULL;
  size_t start, end;
  source_line_bounds(src, src->line_starts[d->sline - 1], &start, &end);
  *len = end - start;
  return src->text + start;
}
/* The byte column of off on 1-based line `line` of src (1 when out of
 * range). */
static unsigned S_byte_column(const source *src, unsigned line, size_t off) {
  if (line == 0 || line > src->nlines || off < src->line_starts[line - 1])
    return 1;
  return (unsigned)(off - src->line_starts[line - 1] + 1);
}

void ddlint_diag_byte_columns(const ddlint_result *r, const ddlint_diag *d,
                              unsigned *start, unsigned *end) {
  const source *src = r->parts ? &r->parts[d->part].src : &r->src;
  *start = S_byte_column(src, d->sline, d->start);
  *end = S_byte_column(src, d->eline, d->end);
}

const char *ddlint_diag_file(const ddlint_diag *d) { return d->file; }
const char *ddlint_coverage_section_file(const ddlint_result *r, size_t s) {
  if (!r->section_lines[s])
    return NULL;
  return r->parts ? r->parts[r->section_part[s]].src.path : r->src.path;
}
const char *ddlint_coverage_topic_file(const ddlint_result *r, size_t s,
                                       size_t t) {
  if (!r->topic_via[s][t])
    return NULL;
  return r->parts ? r->parts[r->topic_part[s][t]].src.path : r->src.path;
}

void ddlint_config_apply_file(const ddlint_config *cfg, const char *file,
                              const ddlint_pack *pack, ddlint_result *result,
                              void (*warn)(const char *message)) {
  result->only_file = file;
  ddlint_config_apply(cfg, file, pack, result, warn);
  result->only_file = NULL;
}

/* Finishing a result (engine.c's last step): line:column of its findings,
 * once, here; and what the coverage accessors and fix need of the outline,
 * which is freed after this. */

static const char *S_via_name(found_via v) {
  switch (v) {
  case VIA_HEADING:
    return "heading";
  case VIA_LABEL:
    return "label";
  case VIA_TEXT:
    return "text";
  case VIA_ELSEWHERE:
    return "elsewhere";
  default:
    return NULL;
  }
}

/* Whether heading d names nested section s exactly but lies outside its
 * parent's heading: fix adds the section there instead of renaming d. */
static bool S_misplaced(const lint_ctx *ctx, size_t s, size_t d) {
  const char *key = ctx->md->blocks[ctx->ol->sections[d].block].key;
  return ctx->pack->sections[s].parent >= 0 && key &&
         match_names_section(key, &ctx->pack->sections[s]);
}

/* The line of offset off, in its part for a document (*part: that part, or
 * 0 for one file). */
static void S_locate(const ddlint_result *r, size_t off, unsigned *line,
                     size_t *part) {
  unsigned col;
  if (!r->nparts) {
    *part = 0;
    source_position(&r->src, off, line, &col);
    return;
  }
  size_t k = doc_part_of(r->parts, r->nparts, off);
  const doc_part *p = &r->parts[k];
  size_t local = off > p->base ? off - p->base : 0;
  *part = k;
  source_position(&p->src, local > p->src.len ? p->src.len : local, line, &col);
}

/* line:column of each diagnostic of a document, in the part it falls in;
 * its offsets become offsets in that part's file. */
static void S_place_in_parts(ddlint_result *r, struct ddlint_diag *diags,
                             size_t n) {
  for (size_t i = 0; i < n; i++) {
    struct ddlint_diag *d = &diags[i];
    size_t k = doc_part_of(r->parts, r->nparts, d->start);
    const doc_part *p = &r->parts[k];
    size_t s = d->start > p->base ? d->start - p->base : 0;
    size_t e = d->end > p->base ? d->end - p->base : 0;
    if (s > p->src.len)
      s = p->src.len;
    if (e > p->src.len)
      e = p->src.len;
    if (e < s)
      e = s;
    d->part = k;
    d->file = p->src.path;
    d->start = s;
    d->end = e;
    source_position(&p->src, s, &d->sline, &d->scol);
    source_position(&p->src, e, &d->eline, &d->ecol);
  }
}

void result_finish(ddlint_result *r, const lint_ctx *ctx,
                   struct ddlint_diag *diags, size_t n) {
  const ddlint_pack *pack = r->pack;
  const outline *ol = ctx->ol;
  const md_blocks *mb = ctx->md;
  if (r->nparts)
    S_place_in_parts(r, diags, n);
  /* line:column once, in order: starts ascend, so a cursor counts columns
   * only from the previous start on the same line, and each end on from its
   * start; many diagnostics on one long line stay linear */
  size_t cur = SIZE_MAX;
  unsigned cur_line = 0, cur_col = 0;
  for (size_t i = 0; !r->nparts && i < n; i++) {
    struct ddlint_diag *d = &diags[i];
    d->file = r->src.path;
    unsigned line = source_line_of(&r->src, d->start);
    if (cur != SIZE_MAX && line == cur_line && d->start >= cur)
      cur_col += source_columns(&r->src, cur, d->start);
    else
      source_position(&r->src, d->start, &line, &cur_col);
    cur = d->start;
    cur_line = line;
    d->sline = line;
    d->scol = cur_col;
    size_t end = d->end < d->start ? d->start : d->end;
    unsigned eline = source_line_of(&r->src, end);
    if (eline == line)
      d->ecol = cur_col + source_columns(&r->src, d->start, end);
    else
      source_position(&r->src, end, &eline, &d->ecol);
    d->eline = eline;
  }
  r->diags = diags;
  r->ndiags = n;

  /* Keep what the coverage accessors need; the blocks and outline go. */
  size_t ns = pack->nsections;
  r->section_headings = xcalloc(ns + 1, sizeof(char *));
  r->section_lines = xcalloc(ns + 1, sizeof(unsigned));
  r->topic_lines = xcalloc(ns + 1, sizeof(unsigned *));
  r->topic_via = xcalloc(ns + 1, sizeof(const char **));
  r->section_start = xcalloc(ns + 1, sizeof(size_t));
  r->section_end = xcalloc(ns + 1, sizeof(size_t));
  r->section_level = xcalloc(ns + 1, sizeof(int));
  r->section_made = xcalloc(ns + 1, 1);
  r->section_part = xcalloc(ns + 1, sizeof(size_t));
  r->topic_part = xcalloc(ns + 1, sizeof(size_t *));
  r->title_level = ol->nsections && ol->sections[0].is_title ? 1 : 0;
  r->ncode_spans = code_block_spans(ctx, &r->code_spans);
  r->section_hidden = xcalloc(ns + 1, sizeof(size_t));
  r->section_near = xcalloc(ns + 1, sizeof *r->section_near);
  for (size_t s = 0; s < ns; s++) {
    const section_cov *sc = &r->cov.sections[s];
    r->section_hidden[s] = SIZE_MAX;
    r->section_near[s].start = SIZE_MAX;
    if (sc->section < 0 && coverage_required(&r->cov, pack, s))
      fence_hides_heading(ctx, &pack->sections[s], &r->section_hidden[s]);
    /* the near miss that missing-section names (not an off-topic one) */
    if (sc->section < 0 && coverage_required(&r->cov, pack, s) &&
        r->section_hidden[s] == SIZE_MAX && sc->off_topic < 0 &&
        sc->near >= 0 && !S_misplaced(ctx, s, (size_t)sc->near))
      r->section_near[s] = (struct near_heading){ol->sections[sc->near].start,
                                                 ol->sections[sc->near].end,
                                                 ol->sections[sc->near].level};
    r->section_part[s] = SIZE_MAX;
    if (sc->section >= 0) {
      const section *sec = &ol->sections[sc->section];
      r->section_headings[s] = xstrdup(mb->blocks[sec->block].text);
      r->section_start[s] = sec->start;
      /* the untitled title over a heading-less text is no heading: a
       * section found in that text has none of its own (fix adds one
       * beside the others, at level 2, not an H1 that ends the text) */
      const block *hb = &mb->blocks[sec->block];
      r->section_level[s] = hb->made == BLOCK_MADE_TITLE ||
                                    hb->made == BLOCK_MADE_PART ||
                                    sec->is_title
                                ? 0
                                : sec->level;
      r->section_made[s] = hb->made;
      /* the span ends with the section's last part */
      r->section_end[s] = sec->end;
      for (size_t p = 0; p < sc->nparts; p++)
        if (ol->sections[sc->parts[p]].end > r->section_end[s])
          r->section_end[s] = ol->sections[sc->parts[p]].end;
      S_locate(r, sec->start, &r->section_lines[s], &r->section_part[s]);
    }
    size_t nt = pack->sections[s].ntopics;
    r->topic_lines[s] = xcalloc(nt + 1, sizeof(unsigned));
    r->topic_via[s] = xcalloc(nt + 1, sizeof(const char *));
    r->topic_part[s] = xcalloc(nt + 1, sizeof(size_t));
    for (size_t t = 0; t < nt; t++) {
      r->topic_via[s][t] = S_via_name(sc->topics[t].via);
      r->topic_part[s][t] = SIZE_MAX;
      if (sc->topics[t].via != VIA_NONE)
        S_locate(r, sc->topics[t].off, &r->topic_lines[s][t],
                 &r->topic_part[s][t]);
    }
  }
}
