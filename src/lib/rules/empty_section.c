/* Rule kind empty-section: a heading with nothing under it. HTML comments,
 * link reference definitions, thematic breaks and whitespace are not content;
 * a heading whose subsections hold the content is not empty. */
#include "rules/kind.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Owned by the rule (free()). */
typedef struct {
  bool required_only; /* only in required template sections */
} empty_section_params;

static const empty_section_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
    "Reports a heading with no content anywhere under it, subsections "
    "included; when a whole subtree is empty, only its top heading is "
    "reported. Paragraphs, lists, tables, code blocks and HTML other than "
    "comments are content; HTML comments (such as the guidance that `ddlint "
    "init` writes), link reference definitions, thematic breaks and blank "
    "lines are not. With a scope, only headings inside the matched template "
    "sections are checked; without one, every heading but the title. With "
    "params.required_only, only headings of required template sections "
    "(and their subsections): an optional section left empty is no "
    "finding.";

/* With params.required_only: whether heading d is, or is under, a part of
 * a required template section in the rule's scope. */
static bool S_in_required(const lint_ctx *ctx, const struct ddlint_rule *rule,
                          size_t d) {
  const ddlint_pack *pk = ctx->pack;
  for (size_t s = 0; s < pk->nsections; s++) {
    const section_cov *sc = &ctx->cov->sections[s];
    if (!coverage_required(ctx->cov, pk, s) || sc->by_content ||
        !rule_in_scope(rule, s))
      continue;
    for (size_t k = 0; k < sc->nparts; k++)
      for (ptrdiff_t p = (ptrdiff_t)d; p >= 0; p = ctx->ol->sections[p].parent)
        if (p == (ptrdiff_t)sc->parts[k])
          return true;
  }
  return false;
}

static bool S_in_scope(const lint_ctx *ctx, const struct ddlint_rule *rule,
                       size_t d) {
  if (S_params(rule)->required_only)
    return S_in_required(ctx, rule, d);
  if (!rule->scope)
    return true;
  for (size_t i = 0; i < rule->nscope; i++) {
    ptrdiff_t m = ctx->cov->sections[rule->scope[i]].section;
    for (ptrdiff_t p = (ptrdiff_t)d; m >= 0 && p >= 0;
         p = ctx->ol->sections[p].parent)
      if (p == m)
        return true;
  }
  return false;
}

/* Whether heading d is the heading of an empty required section that a
 * required-section rule with state "empty" reports: one gap, one finding. */
static bool S_reported_as_required(const lint_ctx *ctx, size_t d) {
  const ddlint_pack *pk = ctx->pack;
  for (size_t s = 0; s < pk->nsections; s++) {
    const section_cov *sc = &ctx->cov->sections[s];
    if (sc->section != (ptrdiff_t)d || !sc->empty || sc->by_content ||
        !coverage_required(ctx->cov, pk, s))
      continue;
    for (size_t r = 0; r < pk->nrules; r++)
      if (required_section_state(&pk->rules[r]) == 1 &&
          rule_in_scope(&pk->rules[r], s))
        return true;
  }
  return false;
}

/* A paragraph that only says its text is to come ("To be written.") is no
 * content, unless a placeholder rule reports it already: "TBD" alone gets
 * one finding, from that rule. */
static bool S_unreported_unfinished(const lint_ctx *ctx, const block *bl) {
  if (!block_unfinished(ctx, bl))
    return false;
  const ddlint_pack *pk = ctx->pack;
  for (size_t r = 0; r < pk->nrules; r++) {
    size_t npats;
    const pattern *pats = placeholder_patterns(&pk->rules[r], &npats);
    for (size_t i = 0; i < npats; i++) {
      size_t ms, me;
      if (prose_search((lint_ctx *)ctx, &pats[i], bl->start, bl->end, &ms, &me))
        return false;
    }
  }
  return true;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const outline *ol = ctx->ol;
  for (size_t d = 0; d < ol->nsections; d++) {
    const section *sec = &ol->sections[d];
    if (sec->is_title || !section_is_empty(ctx, sec, S_unreported_unfinished))
      continue;
    /* report the largest empty subtree once: its empty subsections are
     * covered by the report on their parent */
    ptrdiff_t p = sec->parent;
    if (p >= 0 && !ol->sections[p].is_title &&
        section_is_empty(ctx, &ol->sections[p], S_unreported_unfinished))
      continue;
    if (!S_in_scope(ctx, rule, d) || S_reported_as_required(ctx, d))
      continue;
    const char *h = ctx->md->blocks[sec->block].text;
    const char *vars[] = {"heading", *h ? h : "(untitled)", NULL};
    diag_emit(ctx, rule, sec->start, sec->body_start, NULL, vars);
  }
}

static bool S_load(pack_loader *ld, const cJSON *rule_obj, const cJSON *params,
                   struct ddlint_rule *rule) {
  static const char *const f[] = {"required_only", NULL};
  (void)rule_obj;
  empty_section_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  return !params || (json_check_fields(pack_loader_json(ld), params,
                                       "empty-section params", f) &&
                     pack_read_bool(ld, params, "required_only", "params",
                                    false, &p->required_only));
}

const rule_kind rule_kind_empty_section = {
    .name = "empty-section",
    .load = S_load,
    .free = free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
