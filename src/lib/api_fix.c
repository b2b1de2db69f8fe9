/* Public API: `ddlint fix` as a plan of edits (fix.c's fix_plan() for a
 * file, fix_plan_parts() for a document of several files), held in one
 * opaque list so that a client applies or shows them part by part. */
#include "fix.h"
#include "result.h"

#include <stdlib.h>

/* Owns the edits' texts (in ins) and the parallel arrays. */
struct ddlint_fix {
  fix_insert *ins; /* owned: at, del, text, section of each edit */
  size_t *part;    /* owned: the part of each edit (0 for one file) */
  size_t *order;   /* owned: its place in the plan of the joined text */
  size_t n;
};

ddlint_fix *ddlint_fix_plan(const ddlint_result *result) {
  ddlint_fix *fx = xcalloc(1, sizeof *fx);
  if (!result->parts) {
    fx->n = fix_plan(result, &fx->ins);
    fx->part = xcalloc(fx->n + 1, sizeof(size_t));
    fx->order = xcalloc(fx->n + 1, sizeof(size_t));
    for (size_t i = 0; i < fx->n; i++)
      fx->order[i] = i;
    return fx;
  }
  part_insert *pi = NULL;
  fx->n = fix_plan_parts(result, &pi);
  fx->ins = xcalloc(fx->n + 1, sizeof(fix_insert));
  fx->part = xcalloc(fx->n + 1, sizeof(size_t));
  fx->order = xcalloc(fx->n + 1, sizeof(size_t));
  for (size_t i = 0; i < fx->n; i++) {
    fx->ins[i] = (fix_insert){.at = pi[i].at,
                              .del = pi[i].del,
                              .text = pi[i].text,
                              .section = pi[i].section};
    pi[i].text = NULL; /* moved */
    fx->part[i] = pi[i].part;
    fx->order[i] = pi[i].order;
  }
  fix_parts_free(pi, fx->n);
  return fx;
}

size_t ddlint_fix_count(const ddlint_fix *fix) { return fix->n; }

void ddlint_fix_edit(const ddlint_fix *fix, size_t i, size_t *part,
                     size_t *offset, size_t *deleted, const char **text,
                     size_t *sec, size_t *order) {
  if (part)
    *part = fix->part[i];
  if (offset)
    *offset = fix->ins[i].at;
  if (deleted)
    *deleted = fix->ins[i].del;
  if (text)
    *text = fix->ins[i].text;
  if (sec)
    *sec = fix->ins[i].section;
  if (order)
    *order = fix->order[i];
}

char *ddlint_fix_apply(const ddlint_fix *fix, size_t first, size_t n,
                       const char *buf, size_t len, size_t *out_len) {
  /* (no edits: ins may be NULL, and NULL + 0 is undefined) */
  return fix_apply(buf, len, n ? fix->ins + first : NULL, n, out_len);
}

void ddlint_fix_free(ddlint_fix *fix) {
  if (!fix)
    return;
  fix_free(fix->ins, fix->n);
  free(fix->part);
  free(fix->order);
  free(fix);
}
