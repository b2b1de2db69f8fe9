/* Fixes (fix.c): the edits that add each missing required section of a
 * result, or rename the heading that nearly names it. fix.c is a client of
 * the public API: it reads the result through ddlint.h alone. */
#ifndef DDLINT_FIX_H
#define DDLINT_FIX_H

#include "ddlint.h"

typedef struct {
  size_t at;      /* byte offset in the original: a line start, or its end */
  size_t del;     /* bytes from at that text replaces (a renamed heading's
                     title, within one line); 0 for an insertion */
  char *text;     /* owned: the bytes to insert there */
  size_t section; /* the template section it adds or renames */
} fix_insert;

/* The edits that add each missing required section of result (linted from
 * buf) at its template place, or rename the heading that nearly names it;
 * sorted by offset. Returns the count; free with fix_free(). */
size_t fix_plan(const ddlint_result *result, fix_insert **out);
void fix_free(fix_insert *ins, size_t n);
/* An edit of fix_plan_parts(): in part `part` of a document of several
 * files, at offset `at` of that part's own text. */
typedef struct {
  size_t part, at, del; /* del: as fix_insert's */
  char *text;           /* owned */
  size_t order;         /* its place in fix_plan()'s list */
  size_t section;       /* as fix_insert's */
} part_insert;
/* fix_plan() for a document of several files (r has parts): each edit in
 * the part that holds its place, sorted by part, then offset. Returns the
 * count; free with fix_parts_free(). */
size_t fix_plan_parts(const ddlint_result *r, part_insert **out);
void fix_parts_free(part_insert *pi, size_t n);
/* buf with the insertions applied; free with free(). */
char *fix_apply(const char *buf, size_t len, const fix_insert *ins, size_t n,
                size_t *out_len);

#endif
