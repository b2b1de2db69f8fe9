/* The summary reporter (`ddlint coverage`, `--format summary`): for one
 * document, a table of every template section and topic, found or missing,
 * with the line of its evidence and the score; for several, one line per
 * document sorted by score (lowest first), totals, and the sections most
 * often missing. Colour only when asked. */
#include "util.h"
#include "report.h"
#include "term.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  char *path; /* owned, sanitised for a terminal */
  double score;
  size_t found_s, total_s, found_t, total_t;
  size_t errors, warnings;
  bool document; /* of several files */
} row;

typedef struct {
  const char *title; /* borrowed from a pack */
  size_t missing;
} gap;

struct reporter {
  report_opts o;
  row *rows;
  size_t nrows, cap;
  gap *gaps;
  size_t ngaps, gcap;
  strbuf single; /* the table of the first document, kept for one file */
};

/* Appends text from input, sanitised for a terminal. */
static void S_put(strbuf *t, const char *s) {
  term_sanitize(t, s, strlen(s), false);
}

static reporter *S_begin(const report_opts *opts) {
  reporter *rep = xcalloc(1, sizeof *rep);
  rep->o = *opts;
  return rep;
}

static void S_gap(reporter *rep, const char *title) {
  for (size_t i = 0; i < rep->ngaps; i++)
    if (strcmp(rep->gaps[i].title, title) == 0) {
      rep->gaps[i].missing++;
      return;
    }
  xgrow(&rep->gaps, &rep->gcap, rep->ngaps + 1, sizeof(gap));
  rep->gaps[rep->ngaps++] = (gap){title, 1};
}

static void S_emit(reporter *rep, const ddlint_result *r) {
  xgrow(&rep->rows, &rep->cap, rep->nrows + 1, sizeof(row));
  row *w = &rep->rows[rep->nrows++];
  memset(w, 0, sizeof *w);
  w->path = term_safe(ddlint_result_path(r));
  w->score = ddlint_result_score(r);
  w->errors = ddlint_result_count(r, DDLINT_ERROR);
  w->warnings = ddlint_result_count(r, DDLINT_WARNING);
  size_t ns = ddlint_result_section_count(r);
  strbuf *t = &rep->single;
  bool keep = rep->nrows == 1;
  size_t np = ddlint_result_part_count(r);
  w->document = np != 0;
  if (np) {
    char *name = xasprintf("%s (document, %zu parts)", w->path, np);
    free(w->path);
    w->path = name;
  }
  if (keep) {
    strbuf_printf(t, "%s%s%s (template ", report_color(&rep->o, SGR_BOLD),
                  w->path, report_color(&rep->o, SGR_RESET));
    S_put(t, ddlint_pack_name(ddlint_result_pack(r)));
    strbuf_puts(t, ")\n");
    for (size_t k = 0; k < np; k++) {
      strbuf_printf(t, "  part %zu: ", k + 1);
      S_put(t, ddlint_result_part_path(r, k));
      strbuf_puts(t, ddlint_result_part_readable(r, k) ? "\n" : " (unread)\n");
    }
    strbuf_printf(t, "\n%-44s %-8s %s\n", "section / topic", "status",
                  np ? "file:line" : "line");
  }
  for (size_t s = 0; s < ns; s++) {
    unsigned line = ddlint_coverage_section_line(r, s);
    char *title = term_safe(ddlint_coverage_section_title(r, s));
    w->total_s++;
    const char *state = ddlint_coverage_section_state(r, s);
    bool found = state && strcmp(state, "empty") != 0;
    w->found_s += found;
    if (!found && ddlint_coverage_section_required(r, s))
      S_gap(rep, ddlint_coverage_section_title(r, s));
    if (keep) {
      strbuf_printf(t, "%-44s %s%-8s%s", title,
                    report_color(&rep->o, found ? SGR_GREEN : SGR_RED),
                    !state ? (ddlint_coverage_section_required(r, s) ? "missing"
                                                                     : "absent")
                    : strcmp(state, "empty") == 0   ? "empty"
                    : strcmp(state, "content") == 0 ? "in text"
                                                    : "found",
                    report_color(&rep->o, SGR_RESET));
      if (line && np) {
        strbuf_putc(t, ' ');
        S_put(t, ddlint_coverage_section_file(r, s));
        strbuf_printf(t, ":%u", line);
      } else if (line)
        strbuf_printf(t, " %u", line);
      strbuf_putc(t, '\n');
    }
    free(title);
    for (size_t k = 0; k < ddlint_coverage_topic_count(r, s); k++) {
      const char *via = ddlint_coverage_topic_via(r, s, k);
      w->total_t++;
      w->found_t += via != NULL;
      if (keep) {
        char name[64], *safe = term_safe(ddlint_coverage_topic_title(r, s, k));
        snprintf(name, sizeof name, "  %s", safe);
        free(safe);
        strbuf_printf(t, "%-44s %s%s%s", name,
                      report_color(&rep->o, via ? SGR_GREEN : SGR_RED),
                      via ? "found" : "missing",
                      report_color(&rep->o, SGR_RESET));
        if (via) {
          strbuf_puts(t, "    ");
          if (np) {
            S_put(t, ddlint_coverage_topic_file(r, s, k));
            strbuf_putc(t, ':');
          }
          strbuf_printf(t, "%u (", ddlint_coverage_topic_line(r, s, k));
          S_put(t, via);
          strbuf_putc(t, ')');
        }
        strbuf_putc(t, '\n');
      }
    }
  }
  if (keep)
    strbuf_printf(t,
                  "\ncompleteness %.1f%%: %zu/%zu sections, %zu/%zu topics; "
                  "%zu error%s, %zu warning%s\n",
                  w->score, w->found_s, w->total_s, w->found_t, w->total_t,
                  w->errors, w->errors == 1 ? "" : "s", w->warnings,
                  w->warnings == 1 ? "" : "s");
}

static int S_row_cmp(const void *a, const void *b) {
  const row *x = a, *y = b;
  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return strcmp(x->path, y->path);
}

static int S_gap_cmp(const void *a, const void *b) {
  const gap *x = a, *y = b;
  if (x->missing != y->missing)
    return x->missing > y->missing ? -1 : 1;
  return strcmp(x->title, y->title);
}

static void S_end(reporter *rep, const report_totals *totals) {
  FILE *out = rep->o.out;
  (void)totals;
  if (rep->nrows == 1) {
    fputs(rep->single.data, out);
  } else if (rep->nrows > 1) {
    qsort(rep->rows, rep->nrows, sizeof(row), S_row_cmp);
    fprintf(out, "%s%6s  %-9s %-9s %6s %8s  %s%s\n",
            report_color(&rep->o, SGR_BOLD), "score", "sections", "topics",
            "errors", "warnings", "file", report_color(&rep->o, SGR_RESET));
    double sum = 0;
    for (size_t i = 0; i < rep->nrows; i++) {
      const row *w = &rep->rows[i];
      char secs[32], tops[32];
      snprintf(secs, sizeof secs, "%zu/%zu", w->found_s, w->total_s);
      snprintf(tops, sizeof tops, "%zu/%zu", w->found_t, w->total_t);
      fprintf(out, "%s%5.1f%%%s  %-9s %-9s %6zu %8zu  %s\n",
              report_color(&rep->o, w->score >= 80 ? SGR_GREEN : SGR_RED),
              w->score, report_color(&rep->o, SGR_RESET), secs, tops, w->errors,
              w->warnings, w->path);
      sum += w->score;
    }
    size_t docs = 0;
    for (size_t i = 0; i < rep->nrows; i++)
      docs += rep->rows[i].document;
    if (docs)
      fprintf(out,
              "\n%zu document%s and %zu file%s, mean completeness %.1f%%\n",
              docs, docs == 1 ? "" : "s", rep->nrows - docs,
              rep->nrows - docs == 1 ? "" : "s", sum / (double)rep->nrows);
    else
      fprintf(out, "\n%zu files, mean completeness %.1f%%\n", rep->nrows,
              sum / (double)rep->nrows);
    if (rep->ngaps) {
      qsort(rep->gaps, rep->ngaps, sizeof(gap), S_gap_cmp);
      fputs("most often missing:", out);
      for (size_t i = 0; i < rep->ngaps && i < 5; i++) {
        fputs(i ? ", " : " ", out);
        term_puts(out, rep->gaps[i].title);
        fprintf(out, " (%zu)", rep->gaps[i].missing);
      }
      fputc('\n', out);
    }
  }
  for (size_t i = 0; i < rep->nrows; i++)
    free(rep->rows[i].path);
  free(rep->rows);
  free(rep->gaps);
  strbuf_free(&rep->single);
  free(rep);
}

const reporter_ops report_summary_ops = {"summary", S_begin, S_emit, S_end};
