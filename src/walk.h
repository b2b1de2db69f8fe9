/* Input discovery for the CLI: expands the PATH arguments into the list of
 * documents to lint, in a stable order. */
#ifndef DDLINT_WALK_H
#define DDLINT_WALK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
  char **paths; /* owned; "-" stands for standard input */
  bool *walked; /* owned, parallel: found in a directory, not named */
  size_t n, cap, walked_cap;
  size_t errors; /* paths that could not be walked (already reported) */
} file_list;

/* Adds arg: "-", a file, or a directory searched recursively for *.md and
 * *.markdown (hidden folders, node_modules and symlinked folders skipped).
 * Problems are reported on stderr as "path: reason" and counted. */
void walk_add(file_list *fl, const char *arg);
void walk_free(file_list *fl);

#endif
