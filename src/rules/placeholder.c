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

/* A match emitter that also keeps the inline code spans of the block it
 * last looked in: the matches of a block are judged against one scan. */
typedef struct {
  match_emitter em; /* first: emit_each_match() takes it */
  size_t block;     /* the block whose spans are kept, or SIZE_MAX */
  size_t *spans;    /* owned: its code spans as [from, to) pairs */
  size_t nspans;
} skip_emitter;

/* Fills e->spans with the code spans of block b: runs of backticks paired
 * as CommonMark pairs them (md_tick_runs()). */
static void S_code_spans(skip_emitter *e, size_t b) {
  const block *bl = &e->em.ctx->md->blocks[b];
  tick_run *runs;
  size_t n =
      md_tick_runs(e->em.ctx->src->text, bl->start, bl->end, true, &runs);
  free(e->spans);
  e->spans = xcalloc(2 * n + 1, sizeof(size_t));
  e->nspans = 0;
  for (size_t r = 0; r < n;) {
    size_t c = runs[r].close;
    if (c == SIZE_MAX) {
      r++; /* no closing run: the backticks are text */
      continue;
    }
    e->spans[2 * e->nspans] = runs[r].at;
    e->spans[2 * e->nspans++ + 1] = runs[c].at + runs[c].len;
    r = c + 1;
  }
  free(runs);
  e->block = b;
}

/* Whether the rule's params.skip leaves out a match at ms. */
static bool S_skipped(skip_emitter *e, size_t ms) {
  const struct ddlint_rule *rule = e->em.rule;
  if (!rule->skip)
    return false;
  const md_blocks *mb = e->em.ctx->md;
  size_t i = block_at_or_after(mb, ms + 1);
  if (i == 0 || ms >= mb->blocks[i - 1].end)
    return false;
  if ((rule->skip & RULE_SKIP_BLOCK_QUOTE) && mb->blocks[i - 1].in_quote)
    return true;
  if (!(rule->skip & RULE_SKIP_INLINE_CODE))
    return false;
  if (e->block != i - 1)
    S_code_spans(e, i - 1);
  return spans_hold(e->spans, e->nspans, ms);
}

static bool S_emit(void *arg, size_t ms, size_t me) {
  skip_emitter *e = arg;
  return S_skipped(e, ms) || emit_each_match(&e->em, ms, me);
}

/* A pattern's match, from prose_each_many(): emitted as it comes. */
static bool S_emit_k(void *arg, size_t k, size_t ms, size_t me) {
  (void)k;
  return S_emit(arg, ms, me);
}

/* A prompt copied in: one that opens with a letter starts a word. */
static bool S_emit_prompt(void *arg, size_t ms, size_t me) {
  skip_emitter *e = arg;
  return prose_inside_word(e->em.ctx, ms) || S_emit(arg, ms, me);
}

/* S_emit_prompt() for a rewrapped prompt: {match} on one line, each run of
 * whitespace (a line break, a list item's indent) as one space. */
static bool S_emit_rewrapped(void *arg, size_t ms, size_t me) {
  skip_emitter *e = arg;
  if (prose_inside_word(e->em.ctx, ms) || S_skipped(e, ms))
    return true;
  const char *t = e->em.ctx->src->text;
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
  diag_emit(e->em.ctx, e->em.rule, ms, me, NULL, vars);
  free(match);
  strbuf_free(&sb);
  return true;
}

void check_placeholder(lint_ctx *ctx, const struct ddlint_rule *rule) {
  skip_emitter a = {.em = {ctx, rule}, .block = SIZE_MAX};
  size_t start = ctx->src->body_start, end = ctx->src->len;
  /* one pass for every pattern (emitted pattern by pattern, in order) */
  const pattern **pats = xcalloc(rule->npatterns + 1, sizeof(pattern *));
  for (size_t i = 0; i < rule->npatterns; i++)
    pats[i] = &rule->patterns[i];
  prose_each_many(ctx, pats, rule->npatterns, start, end, S_emit_k, &a);
  free(pats);
  const ddlint_pack *pk = ctx->pack;
  literal_match *m;
  size_t nm;
  if (!rule->template_prompts) {
    /* nothing more */
  } else if (rule->rewrapped_prompts) {
    for (size_t i = 0; i < rule->npatterns2; i++)
      prose_each(ctx, &rule->patterns2[i], start, end, S_emit_rewrapped, &a);
  } else if (prose_literals(ctx, (const char *const *)pk->prompt_text,
                            pk->nprompts, start, end, &m, &nm)) {
    /* the prompts are literals: one pass for all of them, where it can
     * stand in for PCRE2 (emitted in the same order: prompt, then
     * position) */
    for (size_t i = 0; i < nm; i++)
      S_emit(&a, m[i].ms, m[i].me);
    free(m);
  } else {
    for (size_t i = 0; i < pk->nprompts; i++)
      prose_each(ctx, &pk->prompts[i], start, end, S_emit_prompt, &a);
  }
  free(a.spans);
}
