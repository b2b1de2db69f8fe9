/* Rule kind section-order: present template sections follow the template's
 * order. The longest run of sections already in order stays put; each other
 * one is reported with where the template puts it. */
#include "rules/kind.h"

#include <stdlib.h>

static const char S_explain[] =
    "Compares the order of the template sections present in the document "
    "with the template's order. The largest set of sections that are already "
    "in order (a longest increasing subsequence of their positions) is taken "
    "as the document's skeleton; every other section is reported at its "
    "heading, with the sections the template puts before and after it. "
    "Missing sections do not count.";

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const ddlint_pack *pk = ctx->pack;
  size_t n = 0;
  size_t *ids = xcalloc(pk->nsections + 1, sizeof(size_t)); /* pack index */
  size_t *pos = xcalloc(pk->nsections + 1, sizeof(size_t));
  size_t *len =
      xcalloc(pk->nsections + 1, sizeof(size_t)); /* LIS ending here */
  ptrdiff_t *prev = xcalloc(pk->nsections + 1, sizeof(ptrdiff_t));
  bool *keep = xcalloc(pk->nsections + 1, sizeof(bool));
  for (size_t s = 0; s < pk->nsections; s++)
    /* a section found by its content under another heading has no place
     * of its own to be out of order */
    if (ctx->cov->sections[s].section >= 0 &&
        !ctx->cov->sections[s].by_content && rule_in_scope(rule, s)) {
      ids[n] = s;
      pos[n] = ctx->ol->sections[ctx->cov->sections[s].section].start;
      n++;
    }
  /* O(n^2) longest increasing subsequence: n is the number of sections */
  size_t best = 0;
  for (size_t i = 0; i < n; i++) {
    len[i] = 1;
    prev[i] = -1;
    /* <=: one heading may hold two sections ("Goals and Non-Goals") */
    for (size_t j = 0; j < i; j++)
      if (pos[j] <= pos[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = (ptrdiff_t)j;
      }
    if (len[i] > len[best])
      best = i;
  }
  for (ptrdiff_t i = n ? (ptrdiff_t)best : -1; i >= 0; i = prev[i])
    keep[i] = true;
  for (size_t i = 0; i < n; i++) {
    if (keep[i])
      continue;
    const char *after = NULL, *before = NULL;
    for (size_t j = i; j-- > 0;)
      if (keep[j]) {
        after = pk->sections[ids[j]].title;
        break;
      }
    for (size_t j = i + 1; j < n; j++)
      if (keep[j]) {
        before = pk->sections[ids[j]].title;
        break;
      }
    char *detail =
        after && before ? xasprintf("the template puts it after \"%s\" and "
                                    "before \"%s\"",
                                    after, before)
        : after         ? xasprintf("the template puts it after \"%s\"", after)
        : before ? xasprintf("the template puts it before \"%s\"", before)
                 : xstrdup("");
    const tmpl_section *ts = &pk->sections[ids[i]];
    const section *sec = &ctx->ol->sections[ctx->cov->sections[ids[i]].section];
    const char *vars[] = {"section", ts->title, "detail", detail, NULL};
    diag_emit(ctx, rule, sec->start, sec->body_start, ts->title, vars);
    free(detail);
  }
  free(ids);
  free(pos);
  free(len);
  free(prev);
  free(keep);
}

const rule_kind rule_kind_section_order = {
    .name = "section-order",
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
