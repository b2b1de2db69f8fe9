/* The reporter table: output format name -> begin/emit/end trio. */
#include "report.h"
#include "util.h"

#include <string.h>

static const reporter_ops *const reporters[] = {
    &report_human_ops,  &report_json_ops,    &report_sarif_ops,
    &report_github_ops, &report_summary_ops, NULL};

const reporter_ops *report_find(const char *name) {
  for (size_t i = 0; reporters[i]; i++)
    if (strcmp(reporters[i]->name, name) == 0)
      return reporters[i];
  return NULL;
}

const char *report_names(void) { return "human, json, sarif, github, summary"; }

void report_json_string(FILE *out, const char *s) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  fputc('"', out);
  while (*p) {
    /* a run of printable ASCII goes out in one write */
    const unsigned char *run = p;
    while (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
      p++;
    if (p > run)
      fwrite(run, 1, (size_t)(p - run), out);
    if (!*p)
      break;
    unsigned char c = *p;
    if (c == '"' || c == '\\') {
      fputc('\\', out);
      fputc(c, out);
      p++;
    } else if (c == '\n') {
      fputs("\\n", out), p++;
    } else if (c == '\r') {
      fputs("\\r", out), p++;
    } else if (c == '\t') {
      fputs("\\t", out), p++;
    } else if (c < 0x20 || c == 0x7F) {
      fprintf(out, "\\u%04x", c), p++;
    } else if (c < 0x80) {
      fputc(c, out), p++;
    } else {
      size_t n = 0;
      while (p[n] && n < 4)
        n++;
      size_t v = utf8_valid_len(p, n);
      if (v) {
        fwrite(p, 1, v, out);
        p += v;
      } else {
        fputs("\\ufffd", out); /* invalid UTF-8 never reaches the output */
        p++;
      }
    }
  }
  fputc('"', out);
}

bool report_shows(const report_opts *opts, const ddlint_diag *d) {
  return ddlint_diag_severity(d) >= opts->min_severity;
}

size_t report_count(const report_opts *opts, const ddlint_result *r,
                    ddlint_severity sev) {
  return sev >= opts->min_severity ? ddlint_result_count(r, sev) : 0;
}
