/* The JSON reporter: one document, {"version", "tool", "files": [...],
 * "summary"}, streamed file by file. The shape is documented in
 * docs/json-format.md. Invalid UTF-8 from the source is written as U+FFFD so
 * the output always parses. */
#include "util.h"
#include "report.h"

#include <math.h>
#include <string.h>

#include <stdlib.h>
#include <string.h>

struct reporter {
  report_opts o;
  size_t nfiles, ndocs;
  FILE *docs; /* the "documents" array, written at the end */
  char *docs_text;
  size_t docs_len;
};

static reporter *S_begin(const report_opts *opts) {
  reporter *rep = xcalloc(1, sizeof *rep);
  rep->o = *opts;
  fprintf(opts->out,
          "{\n  \"version\": %d,\n  \"tool\": {\"name\": \"ddlint\", "
          "\"version\": \"%s\"},\n  \"files\": [",
          DDLINT_JSON_FORMAT_VERSION, DDLINT_VERSION);
  return rep;
}

/* An unsigned number in decimal, as printf's %zu and %u write it (a
 * report writes thousands of them: fprintf cost a tenth of a small
 * document's time). */
static void S_num(FILE *out, size_t v) {
  char buf[24];
  size_t i = sizeof buf;
  do
    buf[--i] = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  fwrite(buf + i, 1, sizeof buf - i, out);
}

/* A weight as %g writes it: a whole number below a million in its digits,
 * anything else through printf. */
static void S_weight(FILE *out, double w) {
  if (!signbit(w) && w < 1e6 && w == (double)(size_t)w)
    S_num(out, (size_t)w);
  else
    fprintf(out, "%g", w);
}

static void S_pos(FILE *out, const char *key, unsigned line, unsigned col,
                  unsigned col_byte, size_t off) {
  fputc('"', out);
  fputs(key, out);
  fputs("\": {\"line\": ", out);
  S_num(out, line);
  fputs(", \"column\": ", out);
  S_num(out, col);
  fputs(", \"column_byte\": ", out);
  S_num(out, col_byte);
  fputs(", \"offset\": ", out);
  S_num(out, off);
  fputc('}', out);
}

static void S_emit(reporter *rep, const ddlint_result *r) {
  FILE *out = rep->o.out;
  size_t np = ddlint_result_part_count(r);
  if (np) { /* a document of several files */
    if (!rep->docs) {
      rep->docs = open_memstream(&rep->docs_text, &rep->docs_len);
      if (!rep->docs)
        oom_abort(0);
    }
    out = rep->docs;
    fputs(rep->ndocs++ ? ",\n    {\n" : "\n    {\n", out);
    const char *path = ddlint_result_path(r);
    const char *slash = strrchr(path, '/');
    fputs("      \"name\": ", out);
    report_json_string(out, slash && slash[1] ? slash + 1 : path);
    fputs(",\n      \"path\": ", out);
    report_json_string(out, path);
    fputs(",\n      \"parts\": [", out);
    for (size_t k = 0; k < np; k++) {
      fputs(k ? ", " : "", out);
      report_json_string(out, ddlint_result_part_path(r, k));
    }
    fputs("],\n      \"unreadable_parts\": [", out);
    for (size_t k = 0, m = 0; k < np; k++)
      if (!ddlint_result_part_readable(r, k)) {
        fputs(m++ ? ", " : "", out);
        report_json_string(out, ddlint_result_part_path(r, k));
      }
    fputs("]", out);
  } else {
    fputs(rep->nfiles++ ? ",\n    {\n" : "\n    {\n", out);
    fputs("      \"path\": ", out);
    report_json_string(out, ddlint_result_path(r));
  }
  fputs(",\n      \"template\": ", out);
  report_json_string(out, ddlint_pack_name(ddlint_result_pack(r)));
  fprintf(out, ",\n      \"score\": %.1f,\n", ddlint_result_score(r));
  fprintf(out,
          "      \"counts\": {\"error\": %zu, \"warning\": %zu, \"info\": "
          "%zu},\n",
          report_count(&rep->o, r, DDLINT_ERROR),
          report_count(&rep->o, r, DDLINT_WARNING),
          report_count(&rep->o, r, DDLINT_INFO));
  fputs("      \"diagnostics\": [", out);
  size_t n = ddlint_result_diag_count(r), shown = 0;
  for (size_t i = 0; i < n; i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    unsigned l, c;
    size_t off;
    if (!report_shows(&rep->o, d))
      continue;
    fputs(shown++ ? ",\n        {" : "\n        {", out);
    fputs("\"rule\": ", out);
    report_json_string(out, ddlint_diag_rule(d));
    fputs(", \"severity\": ", out);
    report_json_string(out, ddlint_severity_name(ddlint_diag_severity(d)));
    fputs(",\n         \"message\": ", out);
    report_json_string(out, ddlint_diag_message(d));
    fputs(",\n         \"help\": ", out);
    report_json_string(out, ddlint_diag_help(d));
    fputs(",\n         ", out);
    unsigned sb, eb;
    ddlint_diag_byte_columns(r, d, &sb, &eb);
    ddlint_diag_start(d, &l, &c, &off);
    S_pos(out, "start", l, c, sb, off);
    fputs(", ", out);
    ddlint_diag_end(d, &l, &c, &off);
    S_pos(out, "end", l, c, eb, off);
    fputs(",\n         \"section\": ", out);
    report_json_string(out, ddlint_diag_section(d));
    if (np) {
      fputs(", \"file\": ", out);
      report_json_string(out, ddlint_diag_file(d));
    }
    fputs("}", out);
  }
  fputs(shown ? "\n      ],\n" : "],\n", out);
  fputs("      \"coverage\": [", out);
  size_t ns = ddlint_result_section_count(r);
  for (size_t s = 0; s < ns; s++) {
    unsigned line = ddlint_coverage_section_line(r, s);
    fputs(s ? ",\n        {" : "\n        {", out);
    fputs("\"id\": ", out);
    report_json_string(out, ddlint_coverage_section_id(r, s));
    fputs(", \"title\": ", out);
    report_json_string(out, ddlint_coverage_section_title(r, s));
    /* a nested section ("parent" in the pack): its path of section ids */
    const ddlint_pack *pk = ddlint_result_pack(r);
    if (ddlint_pack_section_parent(pk, s) >= 0) {
      strbuf path = {0};
      for (ptrdiff_t p = (ptrdiff_t)s; p >= 0;
           p = ddlint_pack_section_parent(pk, (size_t)p)) {
        char *was = strbuf_take(&path);
        strbuf_printf(&path, "%s%s%s", ddlint_pack_section_id(pk, (size_t)p),
                      *was ? "/" : "", was);
        free(was);
      }
      fputs(", \"path\": ", out);
      report_json_string(out, path.data);
      strbuf_free(&path);
    }
    const char *state = ddlint_coverage_section_state(r, s);
    fputs(ddlint_coverage_section_required(r, s) ? ", \"required\": true"
                                                 : ", \"required\": false",
          out);
    fputs(", \"weight\": ", out);
    S_weight(out, ddlint_coverage_section_weight(r, s));
    fputs(state && strcmp(state, "empty") != 0 ? ", \"found\": true"
                                               : ", \"found\": false",
          out);
    if (line) {
      fputs(", \"line\": ", out);
      S_num(out, line);
      fputs(", \"heading\": ", out);
      report_json_string(out, ddlint_coverage_section_heading(r, s));
      fputs(", \"via\": \"", out);
      fputs(state ? state : "(null)", out); /* as printf wrote it */
      fputc('"', out);
      if (np) {
        fputs(", \"file\": ", out);
        report_json_string(out, ddlint_coverage_section_file(r, s));
      }
    }
    fputs(",\n         \"topics\": [", out);
    size_t nt = ddlint_coverage_topic_count(r, s);
    for (size_t t = 0; t < nt; t++) {
      const char *via = ddlint_coverage_topic_via(r, s, t);
      fputs(t ? ",\n           {" : "\n           {", out);
      fputs("\"id\": ", out);
      report_json_string(out, ddlint_coverage_topic_id(r, s, t));
      fputs(", \"title\": ", out);
      report_json_string(out, ddlint_coverage_topic_title(r, s, t));
      fputs(", \"weight\": ", out);
      S_weight(out, ddlint_coverage_topic_weight(r, s, t));
      fputs(via ? ", \"found\": true" : ", \"found\": false", out);
      if (via) {
        fputs(", \"line\": ", out);
        S_num(out, ddlint_coverage_topic_line(r, s, t));
        fputs(", \"via\": \"", out);
        fputs(via, out);
        fputc('"', out);
      }
      if (via && np) {
        fputs(", \"file\": ", out);
        report_json_string(out, ddlint_coverage_topic_file(r, s, t));
      }
      fputs("}", out);
    }
    fputs(nt ? "\n         ]}" : "]}", out);
  }
  fputs(ns ? "\n      ]\n    }" : "]\n    }", out);
}

static void S_end(reporter *rep, const report_totals *t) {
  FILE *out = rep->o.out;
  fprintf(out, "%s],\n", rep->nfiles ? "\n  " : "");
  if (rep->docs) {
    fclose(rep->docs);
    fputs("  \"documents\": [", out);
    fwrite(rep->docs_text, 1, rep->docs_len, out);
    fputs("\n  ],\n", out);
    free(rep->docs_text);
  }
  fprintf(out, "  \"summary\": {\"files\": %zu, ", t->files);
  if (t->documents)
    fprintf(out, "\"documents\": %zu, ", t->documents);
  fprintf(out,
          "\"error\": %zu, \"warning\": %zu, \"info\": %zu, "
          "\"unreadable\": %zu",
          t->errors, t->warnings, t->infos, t->unreadable);
  if (t->unreadable) { /* named, with what stderr said of each */
    fputs(",\n    \"unreadable_files\": [", out);
    for (size_t i = 0, n = 0; i < t->nproblems; i++)
      if (t->problems[i].path &&
          strcmp(t->problems[i].title, "unreadable") == 0) {
        fputs(n++ ? ",\n      {\"path\": " : "\n      {\"path\": ", out);
        report_json_string(out, t->problems[i].path);
        fputs(", \"message\": ", out);
        report_json_string(out, t->problems[i].message);
        fputc('}', out);
      }
    fputs("\n    ]", out);
  }
  fputs("}\n}\n", out);
  free(rep);
}

const reporter_ops report_json_ops = {"json", S_begin, S_emit, S_end};
