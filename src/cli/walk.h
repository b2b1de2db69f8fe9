/* Input discovery for the CLI: expands the PATH arguments into the list of
 * documents to lint, in a stable order. */
#ifndef DDLINT_WALK_H
#define DDLINT_WALK_H

#include "docparts.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
  char **paths;    /* owned; "-" stands for standard input */
  bool *walked;    /* owned, parallel: found in a directory, not named */
  doc_spec **docs; /* owned, parallel: a document (paths[i] its folder), or
                      NULL for a file */
  size_t n, cap, walked_cap, docs_cap;
  size_t errors; /* paths that could not be walked (already reported) */
  char **failed_paths, **failed_messages; /* owned, parallel: those paths,
                                             and what stderr said of them */
  size_t failed_cap, failed_msg_cap;
  bool no_gitignore; /* set by the caller: keep what git ignores */
} file_list;

/* Adds arg: "-", a file, or a directory searched recursively for *.md and
 * *.markdown (hidden folders, node_modules and symlinked folders skipped).
 * Problems are reported on stderr as "path: reason" and counted. */
/* What a folder's settings say about it: WALK_DECLARED when it is declared
 * a document (--document, a config's "documents"), WALK_RECORD_PARTS when
 * its template sets "record_parts" (doc_detect()); userdata is the
 * caller's. */
enum { WALK_DECLARED = 1, WALK_RECORD_PARTS = 2 };
typedef int (*walk_declared_fn)(void *userdata, const char *dir);
/* Adds arg: "-", a file, a directory searched recursively for *.md and
 * *.markdown (hidden folders, node_modules, symlinked folders and what git
 * ignores skipped; a warning when it holds none), or a glob that names no
 * file (the Markdown files it matches). A folder that is a document (doc_detect(), or declared) is added as one
 * entry and not searched further. Problems are reported on stderr as
 * "path: reason" and counted. */
void walk_add_docs(file_list *fl, const char *arg, walk_declared_fn declared,
                   void *userdata);
/* Adds folder dir as one document, whatever it holds (--document). */
void walk_add_document(file_list *fl, const char *dir);
void walk_add(file_list *fl, const char *arg);
void walk_free(file_list *fl);

#endif
