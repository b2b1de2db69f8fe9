/* Rule kind placeholder: text that was never filled in. The rule's patterns
 * (TBD, TODO, <fill in>, lorem ipsum...) and, with template_prompts, the
 * template's own prompt sentences copied unchanged. Prose only. */
#include "rules/kind.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Where a placeholder rule does not look, beyond code blocks and HTML
 * comments (never searched). */
enum { RULE_SKIP_INLINE_CODE = 1u, RULE_SKIP_BLOCK_QUOTE = 2u };

/* Owned by the rule (S_free()). */
typedef struct {
  pattern *patterns;
  size_t npatterns;
  bool template_prompts; /* also flag copied template prompts */
  /* also where spacing and line breaks differ from the template's
   * (patterns2 then holds the prompts as loose patterns, made by S_ready()) */
  bool rewrapped_prompts;
  pattern *patterns2;
  size_t npatterns2;
  unsigned skip; /* RULE_SKIP_* places whose matches it drops */
} placeholder_params;

static const placeholder_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
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
  if (!S_params(rule)->skip)
    return false;
  const md_blocks *mb = e->em.ctx->md;
  size_t i = block_at_or_after(mb, ms + 1);
  if (i == 0 || ms >= mb->blocks[i - 1].end)
    return false;
  if ((S_params(rule)->skip & RULE_SKIP_BLOCK_QUOTE) &&
      mb->blocks[i - 1].in_quote)
    return true;
  if (!(S_params(rule)->skip & RULE_SKIP_INLINE_CODE))
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

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  skip_emitter a = {.em = {ctx, rule}, .block = SIZE_MAX};
  size_t start = ctx->src->body_start, end = ctx->src->len;
  /* one pass for every pattern (emitted pattern by pattern, in order) */
  const pattern **pats =
      xcalloc(S_params(rule)->npatterns + 1, sizeof(pattern *));
  for (size_t i = 0; i < S_params(rule)->npatterns; i++)
    pats[i] = &S_params(rule)->patterns[i];
  prose_each_many(ctx, pats, S_params(rule)->npatterns, start, end, S_emit_k,
                  &a);
  free(pats);
  const ddlint_pack *pk = ctx->pack;
  literal_match *m;
  size_t nm;
  if (!S_params(rule)->template_prompts) {
    /* nothing more */
  } else if (S_params(rule)->rewrapped_prompts) {
    for (size_t i = 0; i < S_params(rule)->npatterns2; i++)
      prose_each(ctx, &S_params(rule)->patterns2[i], start, end,
                 S_emit_rewrapped, &a);
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

const pattern *placeholder_patterns(const struct ddlint_rule *rule, size_t *n) {
  if (rule->kind_def != &rule_kind_placeholder) {
    *n = 0;
    return NULL;
  }
  *n = S_params(rule)->npatterns;
  return S_params(rule)->patterns;
}

/* The patterns when a rule gives none: TBD, TODO, FIXME, XXX (as words, in
 * capitals), bracketed "[NO INFO]", "[N/A]", "[TBD]", "<fill in>", "[fill
 * in ...]", "<insert ...>", lorem ipsum. */
static const char *const placeholder_defaults[] = {
    "(?-i)\\b(TBD|TBA|TODO|FIXME|XXX)\\b(?!(?<=\\[TBD|\\[TBA|\\[TODO|\\[FIXME|"
    "\\[XXX|\\[ TBD|\\[ TBA|\\[ TODO|\\[ FIXME|\\[ XXX) ?\\.? ?\\])",
    "\\[ ?(no[ -]info(rmation)?|n/?a|tbd|tba|tbc|todo|to[ -]do|fixme|xxx|"
    "placeholder)\\.? ?\\]",
    "<\\s*fill[ -]?in\\b[^>\\n]*>",
    "\\[\\s*fill[ -]?in\\b[^\\]\\n]*\\]",
    "\\blorem ipsum\\b",
    "<\\s*insert [^>\\n]*>",
    NULL};

/* params.skip: the places whose matches it drops. Code blocks and HTML
 * comments are never searched; naming them is allowed. */
static bool S_skip(json_src *js, const cJSON *params, unsigned *out) {
  static const char *const names[] = {"inline-code", "block-quote",
                                      "code-block", "html-comment", NULL};
  static const unsigned bits[] = {RULE_SKIP_INLINE_CODE, RULE_SKIP_BLOCK_QUOTE,
                                  0, 0};
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(params, "skip");
  *out = 0;
  if (!v)
    return true;
  if (!cJSON_IsArray(v))
    return json_fail(js, v, false, "\"skip\" must be an array");
  for (const cJSON *e = v->child; e; e = e->next) {
    size_t i = 0;
    while (names[i] &&
           !(cJSON_IsString(e) && strcmp(e->valuestring, names[i]) == 0))
      i++;
    if (!names[i])
      return json_fail(js, e, false,
                       "\"skip\" holds \"inline-code\", \"block-quote\", "
                       "\"code-block\" or \"html-comment\"");
    *out |= bits[i];
  }
  return true;
}

static bool S_load(pack_loader *ld, const cJSON *rule_obj, const cJSON *params,
                   struct ddlint_rule *rule) {
  static const char *const f[] = {"patterns", "template_prompts",
                                  "rewrapped_prompts", "skip", NULL};
  (void)rule_obj;
  json_src *js = pack_loader_json(ld);
  placeholder_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  p->template_prompts = true; /* the default, with or without params */
  if (params && !json_check_fields(js, params, "placeholder params", f))
    return false;
  if (params && (!pack_read_bool(ld, params, "template_prompts", "params", true,
                                 &p->template_prompts) ||
                 !pack_read_bool(ld, params, "rewrapped_prompts", "params",
                                 false, &p->rewrapped_prompts) ||
                 !S_skip(js, params, &p->skip)))
    return false;
  if (params && cJSON_GetObjectItemCaseSensitive(params, "patterns"))
    return pack_read_patterns(ld, params, "patterns", "params", &p->patterns,
                              &p->npatterns);
  /* a rule that asks for template prompts and names no patterns is for
   * prompts only (a pack's second placeholder rule) */
  if (params && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
                    params, "template_prompts")))
    return true;
  /* otherwise, no "patterns": the placeholders its explain text names */
  size_t n = 0;
  while (placeholder_defaults[n])
    n++;
  p->patterns = xcalloc(n, sizeof(pattern));
  for (size_t i = 0; i < n; i++, p->npatterns++)
    if (!pack_read_pattern(ld, params, placeholder_defaults[i],
                           &p->patterns[i]))
      return false;
  return true;
}

/* With rewrapped_prompts, every prompt of the whole pack (after any
 * `extends`) as a pattern (patterns2) in which a space matches any run of
 * whitespace, line breaks included, as in every pack pattern: a prompt
 * rewrapped or reindented when copied is still found. */
static void S_ready(const ddlint_pack *pk, struct ddlint_rule *rule) {
  placeholder_params *p = rule->params;
  if (!p->rewrapped_prompts)
    return;
  pack_patterns_free(p->patterns2, p->npatterns2);
  p->patterns2 = xcalloc(pk->nprompts + 1, sizeof(pattern));
  p->npatterns2 = 0;
  for (size_t i = 0; i < pk->nprompts; i++) {
    strbuf re = {0};
    bool space = false;
    for (const char *c = pk->prompt_text[i]; *c; c++) {
      if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
        space = re.len > 0;
        continue;
      }
      if (space)
        strbuf_putc(&re, ' ');
      space = false;
      if (strchr("\\^$.|?*+()[]{}#", *c))
        strbuf_putc(&re, '\\');
      strbuf_putc(&re, *c);
    }
    pattern *pat = &p->patterns2[p->npatterns2];
    if (re.len && pack_pattern_compile_quiet(re.data, pat))
      p->npatterns2++;
    else
      pack_pattern_free(pat);
    strbuf_free(&re);
  }
}

static void S_free(void *params) {
  placeholder_params *p = params;
  if (p) {
    pack_patterns_free(p->patterns, p->npatterns);
    pack_patterns_free(p->patterns2, p->npatterns2);
  }
  free(p);
}

const rule_kind rule_kind_placeholder = {
    .name = "placeholder",
    .load = S_load,
    .ready = S_ready,
    .free = S_free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
