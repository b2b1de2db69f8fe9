/* Rule kind min-content: a present section needs at least N words, list
 * items or table rows (any one of the given minimums suffices). */
#include "rules/kind.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

/* Owned by the rule (free()). */
typedef struct {
  long min_words, min_items, min_rows; /* -1 = not asked */
} min_content_params;

static const min_content_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
    "Counts, in each present template section in scope (all its parts and "
    "subsections), the words of prose (outside code blocks and comments), "
    "the list items and the table rows (not counting header rows). The "
    "section passes when it reaches any one of the minimums the rule gives "
    "(params.words, params.list_items, params.table_rows). An empty section "
    "is left to empty-section.";

static bool S_word_char(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') ||
         ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Words in [start, end) outside skipped ranges. */
static size_t S_words(const lint_ctx *ctx, size_t start, size_t end) {
  const md_blocks *mb = ctx->md;
  const char *t = ctx->src->text;
  size_t words = 0, k = 0;
  while (k < mb->nskip && mb->skip[2 * k + 1] <= start)
    k++;
  bool in = false;
  for (size_t i = start; i < end; i++) {
    if (k < mb->nskip && i >= mb->skip[2 * k]) {
      i = mb->skip[2 * k + 1] - 1;
      k++;
      in = false;
      continue;
    }
    bool w = S_word_char((unsigned char)t[i]);
    if (w && !in)
      words++;
    in = w;
  }
  return words;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  for (size_t s = 0; s < ctx->pack->nsections; s++) {
    const section_cov *sc = &ctx->cov->sections[s];
    if (sc->section < 0 || sc->empty || !rule_in_scope(rule, s))
      continue;
    size_t words = 0, items = 0, rows = 0;
    for (size_t p = 0; p < sc->nparts; p++) {
      const section *sec = &ctx->ol->sections[sc->parts[p]];
      words += S_words(ctx, sec->body_start, sec->end);
      for (size_t b = sec->first_block; b < sec->end_block; b++) {
        const block *bl = &ctx->md->blocks[b];
        if (bl->in_list)
          items++;
        if (bl->kind == BLOCK_TABLE) { /* rows from the line map: any ending */
          size_t lines = source_line_of(ctx->src, bl->end ? bl->end - 1 : 0) -
                         source_line_of(ctx->src, bl->start) + 1;
          rows += lines > 2 ? lines - 2 : 0;
        }
      }
    }
    if ((S_params(rule)->min_words >= 0 &&
         words >= (size_t)S_params(rule)->min_words) ||
        (S_params(rule)->min_items >= 0 &&
         items >= (size_t)S_params(rule)->min_items) ||
        (S_params(rule)->min_rows >= 0 &&
         rows >= (size_t)S_params(rule)->min_rows))
      continue;
    strbuf need = {0};
    if (S_params(rule)->min_words >= 0)
      strbuf_printf(&need, "%ld words", S_params(rule)->min_words);
    if (S_params(rule)->min_items >= 0)
      strbuf_printf(&need, "%s%ld list items", need.len ? " or " : "",
                    S_params(rule)->min_items);
    if (S_params(rule)->min_rows >= 0)
      strbuf_printf(&need, "%s%ld table rows", need.len ? " or " : "",
                    S_params(rule)->min_rows);
    char *detail = xasprintf("%zu words, %zu list items, %zu table rows; it "
                             "needs %s",
                             words, items, rows, need.data);
    const section *sec = &ctx->ol->sections[sc->section];
    const char *vars[] = {"section", ctx->pack->sections[s].title,
                          "heading", ctx->md->blocks[sec->block].text,
                          "detail",  detail,
                          NULL};
    diag_emit(ctx, rule, sec->start, sec->body_start,
              ctx->pack->sections[s].title, vars);
    free(detail);
    strbuf_free(&need);
  }
}

/* A whole number member from 0 to 1e6; *out = -1 when absent. */
static bool S_count(json_src *js, const cJSON *obj, const char *key,
                    long *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = -1;
  if (!v)
    return true;
  if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 1e6 ||
      v->valuedouble != (double)(long)v->valuedouble)
    return json_fail(js, v, false,
                     "\"%s\" must be a whole number from 0 to 1e6", key);
  *out = (long)v->valuedouble;
  return true;
}

static bool S_load(pack_loader *ld, const cJSON *rule_obj, const cJSON *params,
                   struct ddlint_rule *rule) {
  static const char *const f[] = {"words", "list_items", "table_rows", NULL};
  json_src *js = pack_loader_json(ld);
  min_content_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  p->min_words = p->min_items = p->min_rows = -1;
  if (!params)
    return json_fail(js, rule_obj, false,
                     "rule \"%s\": min-content needs params", rule->id);
  if (!json_check_fields(js, params, "min-content params", f) ||
      !S_count(js, params, "words", &p->min_words) ||
      !S_count(js, params, "list_items", &p->min_items) ||
      !S_count(js, params, "table_rows", &p->min_rows))
    return false;
  if (p->min_words < 0 && p->min_items < 0 && p->min_rows < 0)
    return json_fail(js, params, false,
                     "params need \"words\", \"list_items\" or \"table_rows\"");
  return true;
}

const rule_kind rule_kind_min_content = {
    .name = "min-content",
    .load = S_load,
    .free = free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
