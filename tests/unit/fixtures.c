/* Fixtures shared by the suites: a document run through the first stages
 * (source, md, outline), inline packs, and lookups over lint results. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

void doc_open(doc *d, const char *text) {
  source_init(&d->src, "test.md", text, strlen(text));
  md_parse(&d->src, 1, &d->mb);
  outline_build(&d->mb, d->src.len, 1, &d->ol);
}

void doc_close(doc *d) {
  outline_free(&d->ol);
  md_blocks_free(&d->mb);
  source_free(&d->src);
}

unsigned doc_line(const doc *d, size_t off) {
  unsigned line, col;
  source_position(&d->src, off, &line, &col);
  return line;
}

const char *doc_heading(const doc *d, size_t i) {
  if (i >= d->ol.nsections)
    return NULL;
  return d->mb.blocks[d->ol.sections[i].block].text;
}

ptrdiff_t doc_find_label(const doc *d, const char *label) {
  for (size_t i = 0; i < d->mb.nblocks; i++)
    if (d->mb.blocks[i].label && strcmp(d->mb.blocks[i].label, label) == 0)
      return (ptrdiff_t)i;
  return -1;
}

ptrdiff_t doc_find_kind(const doc *d, block_kind kind) {
  for (size_t i = 0; i < d->mb.nblocks; i++)
    if (d->mb.blocks[i].kind == kind)
      return (ptrdiff_t)i;
  return -1;
}

bool doc_skipped(const doc *d, size_t start, size_t end) {
  for (size_t i = 0; i < d->mb.nskip; i++)
    if (d->mb.skip[2 * i] <= start && end <= d->mb.skip[2 * i + 1])
      return true;
  return false;
}

size_t doc_offset_of(const doc *d, const char *needle) {
  const char *p = strstr(d->src.text, needle);
  return p ? (size_t)(p - d->src.text) : SIZE_MAX;
}

ddlint_pack *pack_from_json(const char *json, const char *file, int line) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_buffer(json, strlen(json), "inline", &err);
  t_check(pk != NULL, file, line, "inline pack failed to load: %s",
          err ? err : "(no error)");
  free(err);
  return pk;
}

char *pack_error(const char *json) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_buffer(json, strlen(json), "p.json", &err);
  if (pk) {
    ddlint_pack_free(pk);
    free(err);
    return NULL;
  }
  return err ? err : xstrdup("(NULL pack and no error)");
}

ddlint_result *lint_str(const ddlint_pack *pack, const char *md) {
  return ddlint_lint_buffer(pack, "doc.md", md, strlen(md));
}

size_t diag_count_rule(const ddlint_result *r, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++)
    if (strcmp(ddlint_diag_rule(ddlint_result_diag(r, i)), rule) == 0)
      n++;
  return n;
}

const ddlint_diag *diag_find(const ddlint_result *r, const char *rule,
                             size_t nth) {
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    if (strcmp(ddlint_diag_rule(d), rule) == 0 && nth-- == 0)
      return d;
  }
  return NULL;
}

size_t cov_section(const ddlint_result *r, const char *id) {
  for (size_t s = 0; s < ddlint_result_section_count(r); s++)
    if (strcmp(ddlint_coverage_section_id(r, s), id) == 0)
      return s;
  t_check(false, __FILE__, __LINE__, "no coverage section \"%s\"", id);
  return 0;
}

void dump_diags(const ddlint_result *r) {
  fprintf(stderr, "    diagnostics of %s:\n", ddlint_result_path(r));
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    unsigned line, col;
    ddlint_diag_start(d, &line, &col, NULL);
    fprintf(stderr, "    %u:%u: %s [%s] %s | help: %s | section: %s\n", line,
            col, ddlint_severity_name(ddlint_diag_severity(d)),
            ddlint_diag_rule(d), ddlint_diag_message(d), ddlint_diag_help(d),
            ddlint_diag_section(d));
  }
}

void check_diag(const ddlint_result *r, const ddlint_diag *d, const char *rule,
                unsigned line, unsigned col, const char *message,
                const char *file, int at) {
  if (!t_check(d != NULL, file, at, "expected a \"%s\" diagnostic at %u:%u",
               rule, line, col)) {
    dump_diags(r);
    return;
  }
  unsigned l, c;
  ddlint_diag_start(d, &l, &c, NULL);
  bool ok = true;
  ok &= t_check(strcmp(ddlint_diag_rule(d), rule) == 0, file, at,
                "diagnostic rule \"%s\", expected \"%s\"", ddlint_diag_rule(d),
                rule);
  ok &= t_check(l == line && c == col, file, at,
                "[%s] at %u:%u, expected %u:%u", rule, l, c, line, col);
  if (message)
    ok &= t_check(strcmp(ddlint_diag_message(d), message) == 0, file, at,
                  "[%s] message \"%s\", expected \"%s\"", rule,
                  ddlint_diag_message(d), message);
  if (!ok)
    dump_diags(r);
}
