/* The human reporter: "path:line:col: severity: message [rule]", the source
 * line with a caret underline, the help line, and a per-file summary with the
 * completeness score. Colour only when asked (the CLI decides: a terminal and
 * no NO_COLOR). */
#include "util.h"
#include "report.h"
#include "term.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct reporter {
  report_opts o;
};

static reporter *S_begin(const report_opts *opts) {
  reporter *rep = xcalloc(1, sizeof *rep);
  rep->o = *opts;
  return rep;
}

#define SNIPPET_MAX                                                            \
  120 /* code points of a long line shown around a finding                     \
       */

/* Terminal columns of a code point, as wcwidth(3) gives them but without
 * the locale: 2 for East Asian wide and fullwidth characters and emoji, 0
 * for combining marks, zero-width spaces and joiners and variation
 * selectors, else 1. The common ranges only, not all of Unicode. */
static unsigned S_display_width(unsigned cp) {
  static const struct {
    unsigned lo, hi, width;
  } ranges[] = {
      {0x0300, 0x036F, 0},   {0x0483, 0x0489, 0},   {0x0591, 0x05BD, 0},
      {0x0610, 0x061A, 0},   {0x064B, 0x065F, 0},   {0x0E31, 0x0E31, 0},
      {0x0E34, 0x0E3A, 0},   {0x0E47, 0x0E4E, 0},   {0x1100, 0x115F, 2},
      {0x1AB0, 0x1AFF, 0},   {0x1DC0, 0x1DFF, 0},   {0x200B, 0x200F, 0},
      {0x2060, 0x2064, 0},   {0x20D0, 0x20FF, 0},   {0x231A, 0x231B, 2},
      {0x23E9, 0x23EC, 2},   {0x23F0, 0x23F0, 2},   {0x23F3, 0x23F3, 2},
      {0x25FD, 0x25FE, 2},   {0x2614, 0x2615, 2},   {0x2648, 0x2653, 2},
      {0x267F, 0x267F, 2},   {0x2693, 0x2693, 2},   {0x26A1, 0x26A1, 2},
      {0x26AA, 0x26AB, 2},   {0x26BD, 0x26BE, 2},   {0x26C4, 0x26C5, 2},
      {0x26CE, 0x26CE, 2},   {0x26D4, 0x26D4, 2},   {0x26EA, 0x26EA, 2},
      {0x26F2, 0x26F5, 2},   {0x26FA, 0x26FD, 2},   {0x2705, 0x2705, 2},
      {0x270A, 0x270B, 2},   {0x2728, 0x2728, 2},   {0x274C, 0x274C, 2},
      {0x2753, 0x2755, 2},   {0x2757, 0x2757, 2},   {0x2795, 0x2797, 2},
      {0x27B0, 0x27B0, 2},   {0x27BF, 0x27BF, 2},   {0x2B1B, 0x2B1C, 2},
      {0x2B50, 0x2B50, 2},   {0x2B55, 0x2B55, 2},   {0x2E80, 0x303E, 2},
      {0x3041, 0x33FF, 2},   {0x3400, 0x4DBF, 2},   {0x4E00, 0x9FFF, 2},
      {0xA000, 0xA4CF, 2},   {0xA960, 0xA97F, 2},   {0xAC00, 0xD7A3, 2},
      {0xF900, 0xFAFF, 2},   {0xFE00, 0xFE0F, 0},   {0xFE10, 0xFE19, 2},
      {0xFE20, 0xFE2F, 0},   {0xFE30, 0xFE6F, 2},   {0xFEFF, 0xFEFF, 0},
      {0xFF00, 0xFF60, 2},   {0xFFE0, 0xFFE6, 2},   {0x16FE0, 0x18CFF, 2},
      {0x1B000, 0x1B2FF, 2}, {0x1F004, 0x1F004, 2}, {0x1F0CF, 0x1F0CF, 2},
      {0x1F18E, 0x1F18E, 2}, {0x1F191, 0x1F19A, 2}, {0x1F200, 0x1F251, 2},
      {0x1F300, 0x1F64F, 2}, {0x1F680, 0x1F6FF, 2}, {0x1F7E0, 0x1F7EB, 2},
      {0x1F900, 0x1F9FF, 2}, {0x1FA70, 0x1FAFF, 2}, {0x20000, 0x3FFFD, 2},
      {0xE0100, 0xE01EF, 0}};
  size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
  while (lo < hi) { /* the ranges are sorted and disjoint */
    size_t mid = (lo + hi) / 2;
    if (cp < ranges[mid].lo)
      hi = mid;
    else if (cp > ranges[mid].hi)
      lo = mid + 1;
    else
      return ranges[mid].width;
  }
  return 1;
}

/* The code point at line[*i] (at most len bytes), advancing *i past it; an
 * invalid byte is one code point of its own. */
static unsigned S_next_cp(const char *line, size_t len, size_t *i) {
  const unsigned char *s = (const unsigned char *)line + *i;
  size_t n = utf8_valid_len(s, len - *i < 4 ? len - *i : 4);
  unsigned cp = s[0];
  if (n > 1) {
    cp = s[0] & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; k++)
      cp = cp << 6 | (s[k] & 0x3F);
  }
  *i += n ? n : 1;
  return cp;
}

/* Byte offset of code point col (1-based) in line, or len. */
static size_t S_col_offset(const char *line, size_t len, unsigned col) {
  size_t i = 0;
  for (unsigned c = 1; c < col && i < len; c++) {
    i++;
    while (i < len && ((unsigned char)line[i] & 0xC0) == 0x80)
      i++;
  }
  return i;
}

/* Prints the source line (a window of it when long) and a caret run under
 * columns [scol, ecol). */
static void S_snippet(reporter *rep, const ddlint_result *r,
                      const ddlint_diag *d) {
  unsigned sline, scol, eline, ecol;
  ddlint_diag_start(d, &sline, &scol, NULL);
  ddlint_diag_end(d, &eline, &ecol, NULL);
  size_t len;
  const char *line = ddlint_result_diag_line(r, d, &len);
  if (!line)
    return;
  FILE *out = rep->o.out;
  const char *blue = report_color(&rep->o, SGR_BOLD_BLUE),
             *reset = report_color(&rep->o, SGR_RESET);
  /* a window of SNIPPET_MAX code points from 40 before the start */
  unsigned first = scol > 40 && len > 200 ? scol - 40 : 1;
  size_t from = S_col_offset(line, len, first);
  size_t to = len > 200 ? S_col_offset(line, len, first + SNIPPET_MAX) : len;
  bool cut_left = from > 0, cut_right = to < len;
  fprintf(out, "%s%5u |%s %s", blue, sline, reset, cut_left ? "..." : "");
  term_put(out, line + from, to - from);
  fprintf(out, "%s\n", cut_right ? "..." : "");
  fprintf(out, "%s      |%s %s", blue, reset, cut_left ? "   " : "");
  /* pad with the line's own tabs, and by display width (a wide character
   * takes two terminal columns), so the caret lines up */
  unsigned col = first;
  size_t i = from;
  while (i < to && col < scol) {
    unsigned cp = S_next_cp(line, to, &i);
    for (unsigned w = cp == '\t' ? 1 : S_display_width(cp); w > 0; w--)
      fputc(cp == '\t' ? '\t' : ' ', out);
    col++;
  }
  unsigned last = eline == sline ? ecol : 0;
  if (!last || (len > 200 && last > first + SNIPPET_MAX)) /* past it */
    last = UINT_MAX;
  unsigned carets = 0;
  while (i < to && col < last) {
    unsigned cp = S_next_cp(line, to, &i);
    carets += cp == '\t' ? 1 : S_display_width(cp);
    col++;
  }
  fputs(report_color(&rep->o, ddlint_diag_severity(d) == DDLINT_ERROR
                                  ? SGR_BOLD_RED
                              : ddlint_diag_severity(d) == DDLINT_WARNING
                                  ? SGR_BOLD_YELLOW
                                  : SGR_BOLD_CYAN),
        out);
  fputc('^', out);
  for (unsigned c = 1; c < carets; c++)
    fputc('^', out);
  fprintf(out, "%s\n", reset);
}

static void S_emit(reporter *rep, const ddlint_result *r) {
  FILE *out = rep->o.out;
  size_t n = ddlint_result_diag_count(r);
  for (size_t i = 0; i < n; i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    unsigned line, col;
    if (!report_shows(&rep->o, d))
      continue;
    ddlint_diag_start(d, &line, &col, NULL);
    ddlint_severity sev = ddlint_diag_severity(d);
    const char *sc = sev == DDLINT_ERROR     ? SGR_BOLD_RED
                     : sev == DDLINT_WARNING ? SGR_BOLD_YELLOW
                                             : SGR_BOLD_CYAN;
    fprintf(out, "%s", report_color(&rep->o, SGR_BOLD));
    term_puts(out, ddlint_diag_file(d));
    fprintf(out, ":%u:%u:%s %s%s:%s ", line, col,
            report_color(&rep->o, SGR_RESET), report_color(&rep->o, sc),
            ddlint_severity_name(sev), report_color(&rep->o, SGR_RESET));
    term_puts(out, ddlint_diag_message(d));
    fprintf(out, " %s[", report_color(&rep->o, SGR_DIM));
    term_puts(out, ddlint_diag_rule(d));
    fprintf(out, "]%s\n", report_color(&rep->o, SGR_RESET));
    S_snippet(rep, r, d);
    if (*ddlint_diag_help(d)) {
      fprintf(out, "%s      =%s help: ", report_color(&rep->o, SGR_BOLD_BLUE),
              report_color(&rep->o, SGR_RESET));
      term_puts(out, ddlint_diag_help(d));
      fputc('\n', out);
    }
  }
  if (rep->o.quiet)
    return;
  size_t ns = ddlint_result_section_count(r), found_s = 0, nt = 0, found_t = 0;
  for (size_t s = 0; s < ns; s++) {
    const char *state = ddlint_coverage_section_state(r, s);
    if (state && strcmp(state, "empty") != 0)
      found_s++;
    for (size_t t = 0; t < ddlint_coverage_topic_count(r, s); t++) {
      nt++;
      if (ddlint_coverage_topic_via(r, s, t))
        found_t++;
    }
  }
  size_t e = ddlint_result_count(r, DDLINT_ERROR),
         w = ddlint_result_count(r, DDLINT_WARNING),
         in = ddlint_result_count(r, DDLINT_INFO);
  size_t np = ddlint_result_part_count(r);
  if (np) { /* a document: its name and its parts */
    fprintf(out, "%sdocument ", report_color(&rep->o, SGR_BOLD));
    term_puts(out, ddlint_result_path(r));
    fprintf(out, "%s (%zu part%s:", report_color(&rep->o, SGR_RESET), np,
            np == 1 ? "" : "s");
    for (size_t k = 0; k < np; k++) {
      fputc(' ', out);
      term_puts(out, ddlint_result_part_path(r, k));
      if (!ddlint_result_part_readable(r, k))
        fputs(" (unread)", out);
    }
    fputs(")\n", out);
  }
  fputs(report_color(&rep->o, SGR_BOLD), out);
  term_puts(out, ddlint_result_path(r));
  fprintf(out,
          ":%s %zu error%s, %zu warning%s, %zu info; completeness "
          "%.1f%% (%zu/%zu sections, %zu/%zu topics)\n",
          report_color(&rep->o, SGR_RESET), e, e == 1 ? "" : "s", w,
          w == 1 ? "" : "s", in, ddlint_result_score(r), found_s, ns, found_t,
          nt);
}

static void S_end(reporter *rep, const report_totals *t) {
  if (!rep->o.quiet && t->documents &&
      (t->files + t->documents != 1 || t->unreadable))
    fprintf(rep->o.out, "%zu document%s and ", t->documents,
            t->documents == 1 ? "" : "s");
  if (!rep->o.quiet && (t->files + t->documents != 1 || t->unreadable))
    fprintf(rep->o.out,
            "%zu file%s checked: %zu error%s, %zu warning%s, %zu info%s\n",
            t->files, t->files == 1 ? "" : "s", t->errors,
            t->errors == 1 ? "" : "s", t->warnings, t->warnings == 1 ? "" : "s",
            t->infos, t->unreadable ? "; some files could not be read" : "");
  free(rep);
}

const reporter_ops report_human_ops = {"human", S_begin, S_emit, S_end};
