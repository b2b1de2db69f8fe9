/* Rule kind forbidden: patterns that must not appear in the rule's scope
 * (the whole document without one), e.g. internal hostnames or "we will
 * figure it out later". */
#include "internal.h"

#include <stdlib.h>

const char explain_forbidden[] =
    "Reports every match of the rule's params.patterns in the prose of its "
    "scope (the whole document without one). Code blocks and HTML comments "
    "are not searched. Use it for wording a team has banned, internal names "
    "that must not leak, or phrases that hide a missing decision.";

void check_forbidden(lint_ctx *ctx, const struct ddlint_rule *rule) {
  size_t *spans = NULL;
  size_t n = scope_spans(ctx, rule->scope, rule->nscope, &spans);
  match_emitter a = {ctx, rule};
  for (size_t i = 0; i < n; i++)
    for (size_t p = 0; p < rule->npatterns; p++)
      prose_each(ctx, &rule->patterns[p], spans[2 * i], spans[2 * i + 1],
                 emit_each_match, &a);
  free(spans);
}
