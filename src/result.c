/* Accessors of a lint result: diagnostics, coverage map and score. A result
 * owns its source copy, diagnostics and coverage; it borrows its pack. */
#include "internal.h"

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
      d->severity = (ddlint_severity)severity;
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
