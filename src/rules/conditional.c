/* Rule kind conditional: when a pattern occurs in one scope, another pattern
 * must occur in a second scope ("on-device" asks for a model size or
 * quantization in the model section). */
#include "internal.h"

#include <stdlib.h>

const char explain_conditional[] =
    "When any params.when pattern matches in the rule's scope (the whole "
    "document without one), at least one params.require pattern must match "
    "in params.require_scope (the whole document without one); otherwise "
    "the first triggering match is reported. Example: a document that says "
    "\"on-device\" must give a model size or quantization in Model Design. "
    "When the sections of params.require_scope are all absent, the rule "
    "stays quiet if they are required (missing-section reports them) and "
    "fires if any is optional. "
    "Prose only: code blocks and HTML comments are not searched.";

/* The earliest match of any pattern in the spans; false when none. */
static bool S_first(lint_ctx *ctx, const pattern *pats, size_t npats,
                    const size_t *spans, size_t nspans, size_t *ms,
                    size_t *me) {
  bool found = false;
  for (size_t i = 0; i < nspans && !found; i++)
    for (size_t p = 0; p < npats; p++) {
      size_t a, b;
      size_t limit = found ? *ms : spans[2 * i + 1];
      if (prose_search(ctx, &pats[p], spans[2 * i], limit, &a, &b) &&
          (!found || a < *ms)) {
        *ms = a;
        *me = b;
        found = true;
      }
    }
  return found;
}

void check_conditional(lint_ctx *ctx, const struct ddlint_rule *rule) {
  size_t *when = NULL, *req = NULL;
  size_t nwhen = scope_spans(ctx, rule->scope, rule->nscope, &when);
  size_t nreq = scope_spans(ctx, rule->scope2, rule->nscope2, &req);
  size_t ms = 0, me = 0, rs, re;
  /* Absent required sections are missing-section's to report; absent
   * optional ones leave the condition unmet. */
  bool all_required = rule->scope2 != NULL;
  for (size_t i = 0; i < rule->nscope2; i++)
    all_required &= coverage_required(ctx->cov, ctx->pack, rule->scope2[i]);
  if (nwhen && (nreq || !all_required) &&
      S_first(ctx, rule->patterns, rule->npatterns, when, nwhen, &ms, &me) &&
      !S_first(ctx, rule->patterns2, rule->npatterns2, req, nreq, &rs, &re)) {
    const char *m = ctx->src->text + ms;
    char *match = xstrndup(m, utf8_cut(m, me - ms, 80));
    char *where = scope_titles(ctx, rule->scope2, rule->nscope2);
    const char *vars[] = {"match", match, "section", where, NULL};
    diag_emit(ctx, rule, ms, me, NULL, vars);
    free(match);
    free(where);
  }
  free(when);
  free(req);
}
