/* Rule kind input (built into every pack): problems of the input itself.
 * invalid-utf8 reports the first invalid UTF-8 byte (the rest is linted,
 * with the bad bytes read as they are); pattern-limit reports a pattern that
 * gave up on this document at a PCRE2 limit or the document's match budget
 * (prose_match), so that a catastrophic pattern in a pack shows instead of
 * hanging or silently matching nothing. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const char explain_input[] =
    "Built into every pack. invalid-utf8 reports the first byte of the "
    "document that is not valid UTF-8, with its byte offset; the document is "
    "still linted, and reports stay valid UTF-8 (bad bytes become U+FFFD in "
    "JSON and SARIF). pattern-limit reports a pack pattern that hit one of "
    "PCRE2's limits on this document (a match limit of 10M steps per call, "
    "depth, 64 MiB of heap; a catastrophic pattern such as (a+)+$), or that "
    "used up the document's match budget: a match call that needs more than "
    "65,536 steps is charged what it used (at most about five times over), "
    "and once 128M steps are charged no pattern searches the document "
    "further, so that many patterns or many pieces of text cannot add up to "
    "minutes. A pattern that hit a limit is not matched again in the "
    "document. The search stopped there, so rules may have missed text after "
    "that point; it is reported once, at the first place.";

void check_input(lint_ctx *ctx, const struct ddlint_rule *rule) {
  (void)ctx; /* reported by input_report(), after every rule ran */
  (void)rule;
}

static const struct ddlint_rule *S_rule(const lint_ctx *ctx, const char *id) {
  for (size_t r = 0; r < ctx->pack->nrules; r++)
    if (strcmp(ctx->pack->rules[r].id, id) == 0)
      return &ctx->pack->rules[r];
  return NULL;
}

void input_report(lint_ctx *ctx) {
  const struct ddlint_rule *utf8 = S_rule(ctx, "invalid-utf8");
  size_t bad = ctx->src->invalid_utf8;
  if (utf8 && bad != SIZE_MAX) {
    char *detail = xasprintf("%zu", bad);
    const char *vars[] = {"detail", detail, NULL};
    diag_emit(ctx, utf8, bad, bad + 1, NULL, vars);
    free(detail);
  }
  const struct ddlint_rule *limit = S_rule(ctx, "pattern-limit");
  if (limit && ctx->limit_pattern) {
    char *detail = xasprintf("%s at byte %zu", ctx->limit_why, ctx->limit_at);
    char *pat = xstrndup(ctx->limit_pattern, strnlen(ctx->limit_pattern, 60));
    const char *vars[] = {"detail", detail, "match", pat, NULL};
    diag_emit(ctx, limit, ctx->limit_at, ctx->limit_at, NULL, vars);
    free(detail);
    free(pat);
  }
}
