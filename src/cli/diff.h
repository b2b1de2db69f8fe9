/* Unified diffs of fixes (insertions only), for `ddlint fix --diff`. */
#ifndef DDLINT_DIFF_H
#define DDLINT_DIFF_H

#include "ddlint.h"
#include "util.h"

/* Appends to out a unified diff (a/PATH, b/PATH) of old_text with the
 * edits [from, from + n) of plan: one part's, sorted by offset, as
 * ddlint_fix_plan() returns them. */
void diff_insertions(strbuf *out, const char *path, const char *old_text,
                     size_t old_len, const ddlint_fix *plan, size_t from,
                     size_t n);

#endif
