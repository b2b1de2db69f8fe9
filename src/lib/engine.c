/* The engine: runs a document through source -> md -> outline -> match, then
 * every rule of the pack through its kind (src/lib/rules/kinds.def), phase by
 * phase. All diagnostics pass through diag_emit(), the one sink. */
#include "result.h"
#include "rules.h"
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

const rule_kind *const rule_kinds[] = {
#define RULE_KIND(file) &rule_kind_##file,
#include "rules/kinds.def"
#undef RULE_KIND
    NULL,
};

const rule_kind *rule_kind_find(const char *name) {
  for (const rule_kind *const *k = rule_kinds; *k; k++)
    if (strcmp((*k)->name, name) == 0)
      return *k;
  return NULL;
}

const char *ddlint_kind_explain(const char *kind) {
  const rule_kind *k = rule_kind_find(kind);
  return k ? k->explain : NULL;
}

bool rule_in_scope(const struct ddlint_rule *rule, size_t s) {
  if (!rule->scope)
    return true;
  for (size_t i = 0; i < rule->nscope; i++)
    if (rule->scope[i] == s)
      return true;
  return false;
}

static int S_span_cmp(const void *a, const void *b) {
  const size_t *x = a, *y = b;
  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Whether span i (of [start, end) pairs) starts at or before the offset. */
static bool S_span_starts_by(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const size_t *spans = k->array;
  return spans[2 * i] <= k->off;
}

bool spans_hold(const size_t *spans, size_t n, size_t off) {
  /* the last span starting at or before off */
  bsearch_key p = {spans, off};
  size_t lo = bsearch_lower(n, S_span_starts_by, &p);
  return lo > 0 && off < spans[2 * (lo - 1) + 1];
}

size_t scope_spans(const lint_ctx *ctx, const size_t *scope, size_t nscope,
                   size_t **spans) {
  size_t n = 0, cap = 0;
  *spans = NULL;
  if (!scope) {
    xgrow(spans, &cap, 2, sizeof(size_t));
    (*spans)[0] = ctx->src->body_start;
    (*spans)[1] = ctx->src->len;
    return 1;
  }
  for (size_t i = 0; i < nscope; i++) {
    const section_cov *sc = &ctx->cov->sections[scope[i]];
    for (size_t p = 0; p < sc->nparts; p++) {
      const section *sec = &ctx->ol->sections[sc->parts[p]];
      xgrow(spans, &cap, 2 * (n + 1), sizeof(size_t));
      (*spans)[2 * n] = sec->start;
      (*spans)[2 * n + 1] = sec->end;
      n++;
    }
  }
  if (n > 1)
    qsort(*spans, n, 2 * sizeof(size_t), S_span_cmp);
  size_t m = 0; /* merge overlaps: a part nested in another part's span */
  for (size_t i = 0; i < n; i++) {
    if (m && (*spans)[2 * i] <= (*spans)[2 * m - 1]) {
      if ((*spans)[2 * i + 1] > (*spans)[2 * m - 1])
        (*spans)[2 * m - 1] = (*spans)[2 * i + 1];
      continue;
    }
    (*spans)[2 * m] = (*spans)[2 * i];
    (*spans)[2 * m + 1] = (*spans)[2 * i + 1];
    m++;
  }
  return m;
}

char *scope_titles(const lint_ctx *ctx, const size_t *scope, size_t nscope) {
  if (!scope)
    return xstrdup("the document");
  strbuf sb = {0};
  for (size_t i = 0; i < nscope; i++)
    strbuf_printf(&sb, "%s\"%s\"", i ? ", " : "",
                  ctx->pack->sections[scope[i]].title);
  return strbuf_take(&sb);
}

static bool S_block_starts_before(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const block *blocks = k->array;
  return blocks[i].start < k->off;
}

size_t block_at_or_after(const md_blocks *mb, size_t off) {
  bsearch_key p = {mb->blocks, off};
  return bsearch_lower(mb->nblocks, S_block_starts_before, &p);
}

char *doc_heading_path(const lint_ctx *ctx, size_t off) {
  const outline *ol = ctx->ol;
  /* the last section starting at or before off, then up through parents */
  ptrdiff_t d = outline_section_at(ol, off);
  while (d >= 0 && ol->sections[d].end <= off)
    d = ol->sections[d].parent;
  const char *names[8];
  size_t n = 0;
  for (; d >= 0 && n < 8; d = ol->sections[d].parent)
    if (!ol->sections[d].is_title)
      names[n++] = ctx->md->blocks[ol->sections[d].block].text;
  strbuf sb = {0};
  while (n > 0) {
    strbuf_puts(&sb, names[--n]);
    if (n)
      strbuf_puts(&sb, " > ");
  }
  return strbuf_take(&sb);
}

/* Fills {name} placeholders of tmpl from vars (key, value, ..., NULL). */
static char *S_expand(const char *tmpl, const char *const *vars) {
  strbuf sb = {0};
  const char *p = tmpl;
  for (;;) {
    const char *open = strchr(p, '{');
    if (!open) {
      strbuf_puts(&sb, p);
      break;
    }
    strbuf_put(&sb, p, (size_t)(open - p));
    const char *close = strchr(open, '}');
    bool done = false;
    for (size_t i = 0; close && vars && vars[i]; i += 2) {
      size_t n = strlen(vars[i]);
      if ((size_t)(close - open - 1) == n &&
          memcmp(open + 1, vars[i], n) == 0) {
        strbuf_puts(&sb, vars[i + 1] ? vars[i + 1] : "");
        p = close + 1;
        done = true;
        break;
      }
    }
    if (!done) { /* not a placeholder: keep the brace */
      strbuf_putc(&sb, '{');
      p = open + 1;
    }
  }
  return strbuf_take(&sb);
}

void diag_emit(lint_ctx *ctx, const struct ddlint_rule *rule, size_t start,
               size_t end, const char *path, const char *const *vars) {
  xgrow(&ctx->diags, &ctx->cap, ctx->ndiags + 1, sizeof(struct ddlint_diag));
  struct ddlint_diag *d = &ctx->diags[ctx->ndiags++];
  memset(d, 0, sizeof *d);
  d->rule = rule->id;
  d->severity = rule->severity;
  d->message = S_expand(rule->message, vars);
  d->help = S_expand(rule->help, vars);
  d->section = path ? xstrdup(path) : doc_heading_path(ctx, start);
  if (end < start)
    end = start;
  d->start = start;
  d->end = end;
  d->seq = ctx->ndiags;
}

ddlint_severity diag_softer(ddlint_severity sev) {
  return sev == DDLINT_ERROR ? DDLINT_WARNING : DDLINT_INFO;
}

bool emit_each_match(void *arg, size_t ms, size_t me) {
  match_emitter *a = arg;
  const char *m = a->ctx->src->text + ms;
  char *match = xstrndup(m, utf8_cut(m, me - ms, 80));
  const char *vars[] = {"match", match, NULL};
  diag_emit(a->ctx, a->rule, ms, me, NULL, vars);
  free(match);
  return true;
}

static int S_diag_cmp(const void *a, const void *b) {
  const struct ddlint_diag *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

ddlint_result *ddlint_lint_buffer(const ddlint_pack *pack, const char *path,
                                  const char *buf, size_t len) {
  return ddlint_lint_buffer_opts(pack, path, buf, len, NULL);
}

static void S_lint(ddlint_result *r, const ddlint_options *opts);

/* A large document's rules run on several threads, each rule into its own
 * context; the contexts are then joined in rule order, so the diagnostics
 * and their order are those of one thread. */

typedef struct {
  const lint_ctx *base;
  lint_ctx *runs; /* one per rule */
} rule_pool;

static void S_rule_task(void *arg, size_t i) {
  rule_pool *p = arg;
  lint_ctx *c = &p->runs[i];
  *c = *p->base;
  c->diags = NULL;
  c->ndiags = c->cap = 0;
  c->limit_pattern = NULL;
  c->limit_at = 0;
  c->md_match = pcre2_match_data_create(32, NULL);
  const struct ddlint_rule *rule = &c->pack->rules[i];
  if (rule->kind_def->phase == RULE_PHASE_EACH &&
      c->cov->rule_on[i]) /* its required_if holds */
    rule->kind_def->check(c, rule);
  pcre2_match_data_free(c->md_match);
  c->md_match = NULL;
}

/* Runs the check of every rule of a kind of this phase whose required_if
 * holds, in pack order. */
static void S_run_phase(lint_ctx *ctx, rule_phase phase) {
  for (size_t i = 0; i < ctx->pack->nrules; i++) {
    const struct ddlint_rule *rule = &ctx->pack->rules[i];
    if (rule->kind_def->phase == phase && ctx->cov->rule_on[i])
      rule->kind_def->check(ctx, rule);
  }
}

static void S_check_parallel(lint_ctx *ctx, unsigned threads) {
  size_t n = ctx->pack->nrules;
  rule_pool pool = {.base = ctx, .runs = xcalloc(n, sizeof(lint_ctx))};
  run_tasks(n, threads, S_rule_task, &pool);
  for (size_t i = 0; i < n; i++) {
    lint_ctx *c = &pool.runs[i];
    if (c->ndiags) {
      xgrow(&ctx->diags, &ctx->cap, ctx->ndiags + c->ndiags,
            sizeof(struct ddlint_diag));
      for (size_t k = 0; k < c->ndiags; k++) {
        ctx->diags[ctx->ndiags] = c->diags[k];
        ctx->diags[ctx->ndiags].seq = ctx->ndiags + 1; /* as diag_emit */
        ctx->ndiags++;
      }
    }
    free(c->diags);
    if (c->limit_pattern && !ctx->limit_pattern) {
      ctx->limit_pattern = c->limit_pattern;
      ctx->limit_at = c->limit_at;
      ctx->limit_why = c->limit_why;
    }
  }
  free(pool.runs);
}

ddlint_result *ddlint_lint_buffer_opts(const ddlint_pack *pack,
                                       const char *path, const char *buf,
                                       size_t len, const ddlint_options *opts) {
  ddlint_result *r = xcalloc(1, sizeof *r);
  r->pack = pack;
  source_init(&r->src, path, buf, len);
  S_lint(r, opts);
  return r;
}

ddlint_result *lint_owned_buffer(const ddlint_pack *pack, const char *path,
                                 char *text, size_t len,
                                 const ddlint_options *opts) {
  ddlint_result *r = xcalloc(1, sizeof *r);
  r->pack = pack;
  source_init_owned(&r->src, path, text, len);
  S_lint(r, opts);
  return r;
}

static void S_lint(ddlint_result *r, const ddlint_options *opts) {
  md_blocks mb;
  md_parse(&r->src,
           opts && opts->threads > 1 ? (unsigned)opts->threads : 1, &mb);
  if (mb.refused) { /* reported as an empty document, with the error */
    char *path = xstrdup(r->src.path);
    source_free(&r->src);
    source_init(&r->src, path, "", 0);
    free(path);
    r->error = mb.refused;
  }
  lint_blocks(r, &mb, opts);
}

/* A document: missing-section findings are about the whole, so they point
 * at the index (or first part) and name the document. */
static void S_document_wide(ddlint_result *r, lint_ctx *ctx) {
  size_t k = 0;
  while (k < r->nparts && r->parts[k].missing)
    k++;
  if (k == r->nparts)
    k = 0;
  size_t at = r->parts[k].base + r->parts[k].src.body_start;
  for (size_t i = 0; i < ctx->ndiags; i++) {
    struct ddlint_diag *d = &ctx->diags[i];
    const struct ddlint_rule *rule = ddlint_pack_find_rule(r->pack, d->rule);
    if (!rule || rule->kind_def != &rule_kind_required_section ||
        d->start != d->end)
      continue; /* a near miss keeps its heading */
    char *m = xasprintf("%s in document \"%s\"", d->message, r->src.path);
    free(d->message);
    d->message = m;
    d->start = d->end = at;
  }
}

void lint_blocks(ddlint_result *r, md_blocks *mbp, const ddlint_options *opts) {
  const ddlint_pack *pack = r->pack;
  md_blocks mb = *mbp;
  unsigned threads = opts && opts->threads > 1 ? (unsigned)opts->threads : 1;
  outline ol;
  outline_build(&mb, r->src.len, threads, &ol);
  if (!r->nparts) {
    outline_untitled(&mb, r->src.text, r->src.len, &ol);
    outline_numbered_items(&mb, r->src.text, r->src.len, &ol);
    outline_title_parts(&mb, r->src.len, &ol);
    outline_preamble(&mb, r->src.text, r->src.len, &ol);
  }
  outline_run_ins(&mb, r->src.text, r->src.len, &ol);
  if (r->nparts && ol.nsections) {
    /* only a single H1 opening the index is a title: a chapter's "#" is a
     * section of the whole */
    section *first = &ol.sections[0];
    bool index_title = r->parts[0].base == 0 && !r->parts[0].missing &&
                       r->index && first->level == 1 &&
                       first->start < r->parts[0].src.len;
    for (size_t i = 0; index_title && i < first->block; i++)
      if (mb.blocks[i].kind != BLOCK_COMMENT &&
          mb.blocks[i].kind != BLOCK_BREAK)
        index_title = false;
    first->is_title = index_title;
  }

  lint_ctx ctx = {.pack = pack,
                  .src = &r->src,
                  .md = &mb,
                  .ol = &ol,
                  .threads = threads,
                  .parts = r->parts,
                  .nparts = r->nparts,
                  .report_unused = opts && opts->report_unused_suppressions};
  ctx.md_match = pcre2_match_data_create(32, NULL);
  prose_words(&ctx);
  match_document(&ctx, &r->cov);
  ctx.cov = &r->cov;
  conditions_apply(&ctx, &r->cov);
  if (threads > 1 && r->src.len >= PARALLEL_MIN_BYTES && pack->nrules > 1)
    S_check_parallel(&ctx, threads);
  else
    S_run_phase(&ctx, RULE_PHASE_EACH);
  S_run_phase(&ctx, RULE_PHASE_AFTER_RULES);
  if (r->nparts) {
    document_report(&ctx);
    S_document_wide(r, &ctx);
  }
  suppress_apply(&ctx);
  S_run_phase(&ctx, RULE_PHASE_AFTER_SUPPRESSIONS);
  suppressions_free(ctx.suppressions);
  ctx.suppressions = NULL;
  if (ctx.ndiags)
    qsort(ctx.diags, ctx.ndiags, sizeof *ctx.diags, S_diag_cmp);
  result_finish(r, &ctx, ctx.diags, ctx.ndiags);
  pcre2_match_data_free(ctx.md_match);
  free(ctx.word_at);
  free(ctx.word_key);
  outline_free(&ol);
  md_blocks_free(&mb);
  memset(mbp, 0, sizeof *mbp);
}
