/* Unified diffs of fixes (insertions only), for `ddlint fix --diff`. */
#ifndef DDLINT_DIFF_H
#define DDLINT_DIFF_H

#include "internal.h"

/* Appends to out a unified diff (a/PATH, b/PATH) of old_text with the
 * insertions ins (sorted by offset, as fix_plan() returns them). */
void diff_insertions(strbuf *out, const char *path, const char *old_text,
                     size_t old_len, const fix_insert *ins, size_t n);

#endif
