/* Reporters: each output format is a begin/emit/end trio in its own file,
 * chosen by name here. A reporter borrows the results it is given and owns
 * nothing beyond its small state, which end() frees. */
#ifndef DDLINT_REPORT_H
#define DDLINT_REPORT_H

#include "ddlint.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
  FILE *out;
  bool color;
  bool quiet;                   /* no per-file summaries (human) */
  ddlint_severity min_severity; /* diagnostics below it are not shown */
  const ddlint_pack *pack;
} report_opts;

/* A problem of the run that is no finding, also said on stderr: a path
 * that could not be read, or a failed gate. Borrowed from the CLI. */
typedef struct {
  const char *path;    /* NULL: the whole run (--max-warnings) */
  const char *title;   /* "unreadable", "min-score", "max-warnings" */
  const char *message; /* as on stderr, without "ddlint: " */
} report_problem;

typedef struct {
  size_t files, documents; /* documents: of several files (parts) */
  size_t errors, warnings, infos; /* those shown (report_count) */
  size_t unreadable;
  const report_problem *problems; /* in the order they arose */
  size_t nproblems;
} report_totals;

typedef struct reporter reporter;
typedef struct {
  const char *name;
  reporter *(*begin)(const report_opts *opts);
  void (*emit)(reporter *rep, const ddlint_result *result);
  /* Finishes the output and frees rep. */
  void (*end)(reporter *rep, const report_totals *totals);
} reporter_ops;

/* The terminal colours (SGR codes) of the human and summary reports. */
#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RED "\033[31m"
#define SGR_GREEN "\033[32m"
#define SGR_BOLD_RED "\033[1;31m"
#define SGR_BOLD_YELLOW "\033[1;33m"
#define SGR_BOLD_BLUE "\033[1;34m"
#define SGR_BOLD_CYAN "\033[1;36m"
/* code when the report is in colour, else "". */
static inline const char *report_color(const report_opts *opts,
                                       const char *code) {
  return opts->color ? code : "";
}

/* Writes s as a JSON string literal; invalid UTF-8 becomes U+FFFD. */
void report_json_string(FILE *out, const char *s);
/* Whether a reporter shows diagnostic d (--quiet hides all but errors). */
bool report_shows(const report_opts *opts, const ddlint_diag *d);
/* The number of diagnostics of severity sev that a reporter shows, so that
 * counts agree with the diagnostics listed (--quiet hides all but errors). */
size_t report_count(const report_opts *opts, const ddlint_result *r,
                    ddlint_severity sev);

/* The reporter named name ("human", "json", "sarif", "github"), or NULL. */
const reporter_ops *report_find(const char *name);
/* Comma-separated names of all reporters, for messages. */
const char *report_names(void);

extern const reporter_ops report_human_ops;
extern const reporter_ops report_json_ops;
extern const reporter_ops report_sarif_ops;
extern const reporter_ops report_github_ops;
extern const reporter_ops report_summary_ops;

#endif
