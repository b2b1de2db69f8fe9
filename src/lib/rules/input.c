/* Rule kind input (built into every pack): problems of the input itself.
 * invalid-utf8 reports the first invalid UTF-8 byte (the rest is linted,
 * with the bad bytes read as they are); pattern-limit reports a pattern that
 * gave up on this document at a PCRE2 limit or the document's match budget
 * (prose_match), so that a catastrophic pattern in a pack shows instead of
 * hanging or silently matching nothing. Both run after every rule (the
 * limits are known then); a rule's role comes from its id. */
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

static const char S_explain[] =
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

typedef enum { ROLE_NONE, ROLE_UTF8, ROLE_LIMIT } input_role;

static bool S_load(pack_loader *ld, const struct cJSON *rule_obj,
                   const struct cJSON *params, struct ddlint_rule *rule) {
  (void)rule_obj;
  input_role *role = xmalloc(sizeof *role);
  *role = strcmp(rule->id, "invalid-utf8") == 0    ? ROLE_UTF8
          : strcmp(rule->id, "pattern-limit") == 0 ? ROLE_LIMIT
                                                   : ROLE_NONE;
  rule->params = role;
  return pack_no_params(ld, rule->kind, params);
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const input_role *role = rule->params;
  size_t bad = ctx->src->invalid_utf8;
  if (*role == ROLE_UTF8 && bad != SIZE_MAX) {
    char *detail = xasprintf("%zu", bad);
    const char *vars[] = {"detail", detail, NULL};
    diag_emit(ctx, rule, bad, bad + 1, NULL, vars);
    free(detail);
  }
  if (*role == ROLE_LIMIT && ctx->limit_pattern) {
    char *detail = xasprintf("%s at byte %zu", ctx->limit_why, ctx->limit_at);
    char *pat = xstrndup(ctx->limit_pattern, strnlen(ctx->limit_pattern, 60));
    const char *vars[] = {"detail", detail, "match", pat, NULL};
    diag_emit(ctx, rule, ctx->limit_at, ctx->limit_at, NULL, vars);
    free(detail);
    free(pat);
  }
}

const rule_kind rule_kind_input = {
    .name = "input",
    .load = S_load,
    .free = free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_AFTER_RULES,
};
