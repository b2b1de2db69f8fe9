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
    "problem you're solving?\"); with params.rewrapped_prompts, also where "
    "the copy's spacing and line breaks differ from the template's. Code "
    "blocks and HTML comments are not searched, so guidance left in comments "
    "is fine; params.skip can leave out inline code (`context.TODO()`) and "
    "block quotes too.";

/* Whether offset at, in the block [start, end) of text, is inside an inline
 * code span: backtick strings from the block's start pair up as CommonMark
 * pairs them (a run of n closes at the next run of exactly n). */
static bool S_in_inline_code(const char *text, size_t start, size_t end,
                             size_t at) {
  size_t i = start;
  while (i < at) {
    if (text[i] == '\\') {
      i += 2;
      continue;
    }
    if (text[i] != '`') {
      i++;
      continue;
    }
    size_t n = 0;
    while (i + n < end && text[i + n] == '`')
      n++;
    size_t c = i + n, close = SIZE_MAX;
    while (c < end && close == SIZE_MAX) {
      size_t m = 0;
      while (c + m < end && text[c + m] == '`')
        m++;
      if (m == n)
        close = c;
      c += m ? m : 1;
    }
    if (close == SIZE_MAX) {
      i += n; /* no closing run: the backticks are text */
      continue;
    }
    if (at < close + n)
      return true;
    i = close + n;
  }
  return false;
}

/* Whether the rule's params.skip leaves out a match at ms. */
static bool S_skipped(const lint_ctx *ctx, const struct ddlint_rule *rule,
                      size_t ms) {
  if (!rule->skip)
    return false;
  const md_blocks *mb = ctx->md;
  size_t i = block_at_or_after(mb, ms + 1);
  if (i == 0)
    return false;
  const block *bl = &mb->blocks[i - 1];
  if (ms >= bl->end)
    return false;
  if ((rule->skip & RULE_SKIP_BLOCK_QUOTE) && bl->in_quote)
    return true;
  return (rule->skip & RULE_SKIP_INLINE_CODE) &&
         S_in_inline_code(ctx->src->text, bl->start, bl->end, ms);
}

static bool S_emit(void *arg, size_t ms, size_t me) {
  match_emitter *a = arg;
  return S_skipped(a->ctx, a->rule, ms) || emit_each_match(arg, ms, me);
}

/* A pattern's match, from prose_each_many(): emitted as it comes. */
static bool S_emit_k(void *arg, size_t k, size_t ms, size_t me) {
  (void)k;
  return S_emit(arg, ms, me);
}

/* A prompt copied in: one that opens with a letter starts a word. */
static bool S_emit_prompt(void *arg, size_t ms, size_t me) {
  match_emitter *a = arg;
  return prose_inside_word(a->ctx, ms) || S_emit(arg, ms, me);
}

/* S_emit_prompt() for a rewrapped prompt: {match} on one line, each run of
 * whitespace (a line break, a list item's indent) as one space. */
static bool S_emit_rewrapped(void *arg, size_t ms, size_t me) {
  match_emitter *a = arg;
  if (prose_inside_word(a->ctx, ms) || S_skipped(a->ctx, a->rule, ms))
    return true;
  const char *t = a->ctx->src->text;
  strbuf sb = {0};
  for (size_t i = ms; i < me && sb.len < 80; i++) {
    bool ws = t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
    if (!ws)
      strbuf_putc(&sb, t[i]);
    else if (sb.len && sb.data[sb.len - 1] != ' ')
      strbuf_putc(&sb, ' ');
  }
  char *match = xstrndup(sb.data ? sb.data : "",
                         utf8_cut(sb.data ? sb.data : "", sb.len, 80));
  const char *vars[] = {"match", match, NULL};
  diag_emit(a->ctx, a->rule, ms, me, NULL, vars);
  free(match);
  strbuf_free(&sb);
  return true;
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
  if (rule->rewrapped_prompts) {
    for (size_t i = 0; i < rule->npatterns2; i++)
      prose_each(ctx, &rule->patterns2[i], start, end, S_emit_rewrapped, &a);
    return;
  }
  /* the prompts are literals: one pass for all of them, where it can stand
   * in for PCRE2 (emitted in the same order: prompt, then position) */
  const ddlint_pack *pk = ctx->pack;
  literal_match *m;
  size_t nm;
  if (prose_literals(ctx, (const char *const *)pk->prompt_text, pk->nprompts,
                     start, end, &m, &nm)) {
    for (size_t i = 0; i < nm; i++)
      S_emit(&a, m[i].ms, m[i].me);
    free(m);
    return;
  }
  for (size_t i = 0; i < pk->nprompts; i++)
    prose_each(ctx, &pk->prompts[i], start, end, S_emit_prompt, &a);
}
