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
  const ddlint_pack *pack;
} report_opts;

typedef struct {
  size_t files, errors, warnings, infos;
  size_t unreadable;
} report_totals;

typedef struct reporter reporter;
typedef struct {
  const char *name;
  reporter *(*begin)(const report_opts *opts);
  void (*emit)(reporter *rep, const ddlint_result *result);
  /* Finishes the output and frees rep. */
  void (*end)(reporter *rep, const report_totals *totals);
} reporter_ops;

/* The reporter named name ("human", "json"), or NULL. */
const reporter_ops *report_find(const char *name);
/* Comma-separated names of all reporters, for messages. */
const char *report_names(void);

extern const reporter_ops report_human_ops;
extern const reporter_ops report_json_ops;

#endif
