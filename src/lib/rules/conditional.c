/* Rule kind conditional: when a pattern occurs in one scope, another pattern
 * must occur in a second scope ("on-device" asks for a model size or
 * quantization in the model section). */
#include "rules/kind.h"

#include <stdlib.h>

/* Owned by the rule (S_free()). */
typedef struct {
  pattern *patterns; /* "when" */
  size_t npatterns;
  pattern *patterns2; /* "require" */
  size_t npatterns2;
  size_t *scope2; /* "require_scope": pack section indices; NULL = all */
  size_t nscope2;
} conditional_params;

static const conditional_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
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

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  size_t *when = NULL, *req = NULL;
  size_t nwhen = scope_spans(ctx, rule->scope, rule->nscope, &when);
  size_t nreq =
      scope_spans(ctx, S_params(rule)->scope2, S_params(rule)->nscope2, &req);
  size_t ms = 0, me = 0, rs, re;
  /* Absent required sections are missing-section's to report; absent
   * optional ones leave the condition unmet. */
  bool all_required = S_params(rule)->scope2 != NULL;
  for (size_t i = 0; i < S_params(rule)->nscope2; i++)
    all_required &=
        coverage_required(ctx->cov, ctx->pack, S_params(rule)->scope2[i]);
  if (nwhen && (nreq || !all_required) &&
      S_first(ctx, S_params(rule)->patterns, S_params(rule)->npatterns, when,
              nwhen, &ms, &me) &&
      !S_first(ctx, S_params(rule)->patterns2, S_params(rule)->npatterns2, req,
               nreq, &rs, &re)) {
    const char *m = ctx->src->text + ms;
    char *match = xstrndup(m, utf8_cut(m, me - ms, 80));
    char *where =
        scope_titles(ctx, S_params(rule)->scope2, S_params(rule)->nscope2);
    const char *vars[] = {"match", match, "section", where, NULL};
    diag_emit(ctx, rule, ms, me, NULL, vars);
    free(match);
    free(where);
  }
  free(when);
  free(req);
}

static bool S_load(pack_loader *ld, const struct cJSON *rule_obj,
                   const struct cJSON *params, struct ddlint_rule *rule) {
  static const char *const f[] = {"when", "require", "require_scope", NULL};
  json_src *js = pack_loader_json(ld);
  conditional_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  if (!params)
    return json_fail(js, rule_obj, false, "rule \"%s\": %s needs params",
                     rule->id, rule->kind);
  if (!json_check_fields(js, params, "conditional params", f) ||
      !pack_read_patterns(ld, params, "when", "params", &p->patterns,
                          &p->npatterns) ||
      !pack_read_patterns(ld, params, "require", "params", &p->patterns2,
                          &p->npatterns2) ||
      !pack_read_scope(ld, params, "require_scope", &p->scope2, &p->nscope2))
    return false;
  if (!p->npatterns)
    return json_fail(js, params, false, "params need \"when\" patterns");
  if (!p->npatterns2)
    return json_fail(js, params, false, "params need \"require\" patterns");
  return true;
}

static void S_free(void *params) {
  conditional_params *p = params;
  if (p) {
    pack_patterns_free(p->patterns, p->npatterns);
    pack_patterns_free(p->patterns2, p->npatterns2);
    free(p->scope2);
  }
  free(p);
}

const rule_kind rule_kind_conditional = {
    .name = "conditional",
    .load = S_load,
    .free = S_free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
