/* Rule kind placeholder: text that was never filled in. The rule's patterns
 * (TBD, TODO, <fill in>, lorem ipsum...) and, with template_prompts, the
 * template's own prompt sentences copied unchanged. Prose only. */
#include "internal.h"

#include <stdlib.h>

const char explain_placeholder[] =
    "Reports placeholder text left in the document: each match of the rule's "
    "PCRE2 patterns (by default TBD, TODO, FIXME, XXX, <fill in>, lorem "
    "ipsum), and, when params.template_prompts is true, any prompt sentence "
    "of the template copied unchanged (such as \"What is the product or "
    "problem you're solving?\"). Code blocks and HTML comments are not "
    "searched, so guidance left in comments is fine.";

/* A pattern's match, from prose_each_many(): emitted as it comes. */
static bool S_emit_k(void *arg, size_t k, size_t ms, size_t me) {
  (void)k;
  return emit_each_match(arg, ms, me);
}

/* A prompt copied in: one that opens with a letter starts a word. */
static bool S_emit_prompt(void *arg, size_t ms, size_t me) {
  match_emitter *a = arg;
  return prose_inside_word(a->ctx, ms) || emit_each_match(arg, ms, me);
}

void check_placeholder(lint_ctx *ctx, const struct ddlint_rule *rule) {
  match_emitter a = {ctx, rule};
  size_t start = ctx->src->body_start, end = ctx->src->len;
  /* one pass for every pattern (emitted pattern by pattern, in order) */
  const pattern **pats = xcalloc(rule->npatterns + 1, sizeof(pattern *));
  for (size_t i = 0; i < rule->npatterns; i++)
    pats[i] = &rule->patterns[i];
  prose_each_many(ctx, pats, rule->npatterns, start, end, S_emit_k, &a);
  free(pats);
  if (!rule->template_prompts)
    return;
  /* the prompts are literals: one pass for all of them, where it can stand
   * in for PCRE2 (emitted in the same order: prompt, then position) */
  const ddlint_pack *pk = ctx->pack;
  literal_match *m;
  size_t nm;
  if (prose_literals(ctx, (const char *const *)pk->prompt_text, pk->nprompts,
                     start, end, &m, &nm)) {
    for (size_t i = 0; i < nm; i++)
      emit_each_match(&a, m[i].ms, m[i].me);
    free(m);
    return;
  }
  for (size_t i = 0; i < pk->nprompts; i++)
    prose_each(ctx, &pk->prompts[i], start, end, S_emit_prompt, &a);
}
