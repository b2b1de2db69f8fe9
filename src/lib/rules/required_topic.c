/* Rule kind required-topic: each topic of a present template section is
 * covered by a subheading, a label or text matching its patterns. A rule that
 * lists no topics checks every topic not claimed by another such rule. */
#include "rules/kind.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char S_explain[] =
    "Checks that each topic (sub-topic of a template section) is covered "
    "inside the document section that matched its template section. A topic "
    "is covered by a subheading or a label (\"**Use Case**:\", \"- Data "
    "sources:\") naming it or one of its aliases, or by prose that matches one "
    "of its PCRE2 patterns (code blocks and HTML comments are not searched). "
    "Topics of a missing section are not reported again: required-section "
    "covers them, and so does empty-section for an empty one. With "
    "params.topics the rule checks just those topics; "
    "without it, every topic in scope that no other required-topic rule "
    "names.";

static bool S_names(const struct ddlint_rule *r, const char *id) {
  for (size_t i = 0; i < r->ntopic_ids; i++)
    if (strcmp(r->topic_ids[i], id) == 0)
      return true;
  return false;
}

static bool S_claimed(const ddlint_pack *pk, const char *id) {
  for (size_t i = 0; i < pk->nrules; i++)
    if (pk->rules[i].topic_ids && S_names(&pk->rules[i], id))
      return true;
  return false;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const ddlint_pack *pk = ctx->pack;
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    const section_cov *sc = &ctx->cov->sections[s];
    if (sc->section < 0 || sc->empty || !rule_in_scope(rule, s))
      continue; /* missing or empty sections have rules of their own */
    const section *sec = &ctx->ol->sections[sc->section];
    const char *heading = ctx->md->blocks[sec->block].text;
    for (size_t t = 0; t < ts->ntopics; t++) {
      const tmpl_topic *tt = &ts->topics[t];
      if (sc->topics[t].via != VIA_NONE)
        continue;
      if (rule->topic_ids ? !S_names(rule, tt->id) : S_claimed(pk, tt->id))
        continue;
      char *path = xasprintf("%s > %s", ts->title, tt->title);
      const char *vars[] = {"section", ts->title, "topic", tt->title,
                            "heading", heading,   NULL};
      diag_emit(ctx, rule, sec->start, sec->body_start, path, vars);
      free(path);
    }
  }
}

static bool S_load(pack_loader *ld, const cJSON *rule_obj, const cJSON *params,
                   struct ddlint_rule *rule) {
  static const char *const f[] = {"topics", NULL};
  (void)rule_obj;
  json_src *js = pack_loader_json(ld);
  if (params && !json_check_fields(js, params, "required-topic params", f))
    return false;
  if (!params)
    return true;
  /* the common topic_ids: matching and the template listing read them */
  if (!pack_read_strings(ld, params, "topics", "params", &rule->topic_ids,
                         &rule->ntopic_ids))
    return false;
  const cJSON *arr = cJSON_GetObjectItemCaseSensitive(params, "topics");
  const cJSON *e = cJSON_IsArray(arr) ? arr->child : arr;
  for (size_t i = 0; i < rule->ntopic_ids; i++, e = e ? e->next : NULL)
    if (!pack_has_topic(pack_loader_pack(ld), rule->topic_ids[i]))
      return json_fail(js, e, false, "no topic has the id \"%s\"",
                       rule->topic_ids[i]);
  return true;
}

const rule_kind rule_kind_required_topic = {
    .name = "required-topic",
    .load = S_load,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
