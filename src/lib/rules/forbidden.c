/* Rule kind forbidden: patterns that must not appear in the rule's scope
 * (the whole document without one), e.g. internal hostnames or "we will
 * figure it out later". */
#include "rules/kind.h"

#include <stdlib.h>

/* Owned by the rule (S_free()). */
typedef struct {
  pattern *patterns;
  size_t npatterns;
} forbidden_params;

static const forbidden_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
    "Reports every match of the rule's params.patterns in the prose of its "
    "scope (the whole document without one). Code blocks and HTML comments "
    "are not searched. Use it for wording a team has banned, internal names "
    "that must not leak, or phrases that hide a missing decision.";

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  size_t *spans = NULL;
  size_t n = scope_spans(ctx, rule->scope, rule->nscope, &spans);
  match_emitter a = {ctx, rule};
  for (size_t i = 0; i < n; i++)
    for (size_t p = 0; p < S_params(rule)->npatterns; p++)
      prose_each(ctx, &S_params(rule)->patterns[p], spans[2 * i],
                 spans[2 * i + 1], emit_each_match, &a);
  free(spans);
}

static bool S_load(pack_loader *ld, const struct cJSON *rule_obj,
                   const struct cJSON *params, struct ddlint_rule *rule) {
  static const char *const f[] = {"patterns", NULL};
  json_src *js = pack_loader_json(ld);
  forbidden_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  if (!params)
    return json_fail(js, rule_obj, false, "rule \"%s\": forbidden needs params",
                     rule->id);
  if (!json_check_fields(js, params, "forbidden params", f) ||
      !pack_read_patterns(ld, params, "patterns", "params", &p->patterns,
                          &p->npatterns))
    return false;
  if (!p->npatterns)
    return json_fail(js, params, false, "params need \"patterns\"");
  return true;
}

static void S_free(void *params) {
  forbidden_params *p = params;
  if (p)
    pack_patterns_free(p->patterns, p->npatterns);
  free(p);
}

const rule_kind rule_kind_forbidden = {
    .name = "forbidden",
    .load = S_load,
    .free = S_free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
