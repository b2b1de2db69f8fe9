/* Inline suppressions, applied after the rules ran: HTML comments
 *   <!-- ddlint-disable RULE... -->      <!-- ddlint-enable RULE... -->
 *   <!-- ddlint-disable-next-line RULE... -->
 *   <!-- ddlint-disable-line RULE... -->  (markdownlint's spelling)
 *   <!-- ddlint-disable-file RULE... -->
 * (no RULE: every rule). A directive naming an unknown rule, and a comment
 * that starts like a directive but is none ("ddlint-disable-nextline"), are
 * reported (unknown-suppression); one that suppressed nothing is reported
 * on request (unused-suppression). Those two are the rules of the
 * suppression kind (rules/suppression.c), which run after this. */
#include "document.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum {
  DIR_DISABLE,
  DIR_ENABLE,
  DIR_NEXT_LINE,
  DIR_LINE,
  DIR_FILE
} dir_kind;

typedef struct {
  dir_kind kind;
  size_t start, end; /* the comment */
  unsigned line;     /* line after the comment (next-line), or of it (line) */
  const char **rules; /* owned array of ids borrowed from the pack */
  size_t nrules, cap;
  bool all; /* the comment names no rule: every rule */
  bool used;
} directive;

/* A name in a comment that is no rule of the pack, or a comment that
 * starts like a directive but is none: reported by unknown-suppression. */
typedef struct {
  size_t start, end; /* the name */
  char *name;        /* owned: at most 64 bytes of it */
  char *detail;      /* owned */
} unknown_name;

/* What suppress_apply() found in the document's comments, kept for the
 * suppression kind's reports (rules/suppression.c). Owns everything. */
struct suppressions {
  directive *dirs;
  size_t n;
  unknown_name *unknown;
  size_t nunknown, unknown_cap;
};

static void S_unknown(struct suppressions *sp, size_t start, size_t end,
                      char *name, char *detail) {
  xgrow(&sp->unknown, &sp->unknown_cap, sp->nunknown + 1, sizeof *sp->unknown);
  sp->unknown[sp->nunknown++] = (unknown_name){start, end, name, detail};
}

static bool S_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

/* Parses one comment; false when it is no directive. Unknown rule names are
 * noted in sp. */
static bool S_parse(const lint_ctx *ctx, struct suppressions *sp, size_t start,
                    size_t end, directive *d) {
  static const struct {
    const char *word;
    dir_kind kind;
  } words[] = {{"ddlint-disable-next-line", DIR_NEXT_LINE},
               {"ddlint-disable-line", DIR_LINE},
               {"ddlint-disable-file", DIR_FILE},
               {"ddlint-disable", DIR_DISABLE},
               {"ddlint-enable", DIR_ENABLE}};
  const char *t = ctx->src->text;
  size_t i = start + 4, e = end >= start + 7 ? end - 3 : end;
  while (i < e && S_space(t[i]))
    i++;
  size_t w;
  for (w = 0; w < sizeof words / sizeof words[0]; w++) {
    size_t n = strlen(words[w].word);
    if (i + n <= e && memcmp(t + i, words[w].word, n) == 0 &&
        (i + n == e || S_space(t[i + n]))) {
      i += n;
      break;
    }
  }
  if (w == sizeof words / sizeof words[0]) {
    /* "ddlint-disable-nextline", "ddlint-disable-file:": meant as one */
    size_t b = i;
    while (i < e && !S_space(t[i]))
      i++;
    if (i - b > 7 && strncasecmp(t + b, "ddlint", 6) == 0 &&
        (t[b + 6] == '-' || t[b + 6] == '_')) {
      char *name = xstrndup(t + b, i - b > 64 ? 64 : i - b);
      size_t best = 0;
      double score = -1;
      for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        double sim = title_similarity(name, words[k].word);
        if (sim > score) {
          score = sim;
          best = k;
        }
      }
      char *detail = xasprintf("\"%s\" is no ddlint directive, so this "
                               "comment suppresses nothing; did you mean "
                               "\"%s\"?",
                               name, words[best].word);
      S_unknown(sp, b, i, name, detail);
    }
    return false;
  }
  memset(d, 0, sizeof *d);
  d->kind = words[w].kind;
  d->start = start;
  d->end = end;
  d->line = source_line_of(ctx->src, end) + (d->kind == DIR_LINE ? 0 : 1);
  bool named = false; /* the comment names any rule, known or not */
  while (i < e) {
    while (i < e && S_space(t[i]))
      i++;
    size_t b = i;
    while (i < e && !S_space(t[i]))
      i++;
    if (i == b)
      break;
    named = true;
    /* a pack's rule, else a document's own (missing-part, shared-part);
     * a name with a NUL byte names no pack rule */
    char *id = xstrndup(t + b, i - b);
    const struct ddlint_rule *rule =
        strlen(id) == i - b ? ddlint_pack_find_rule(ctx->pack, id) : NULL;
    if (!rule)
      rule = document_rule_find(id);
    free(id);
    if (!rule) {
      char *name = xstrndup(t + b, i - b > 64 ? 64 : i - b);
      char *detail = xasprintf("the suppression names \"%s\", which the "
                               "template \"%s\" has no rule for",
                               name, ctx->pack->name);
      S_unknown(sp, b, i, name, detail);
      continue;
    }
    xgrow(&d->rules, &d->cap, d->nrules + 1, sizeof *d->rules);
    d->rules[d->nrules++] = rule->id;
  }
  /* a typo must suppress nothing, not everything */
  d->all = !named;
  return true;
}

/* What a directive covers, one key per rule it names (rule NULL: every
 * rule), sorted so that each finding finds its directive by binary search:
 * any number of directives costs O((findings + directives) log directives),
 * where a scan of every directive per finding cost their product. */
enum { KEY_FILE, KEY_LINE, KEY_RANGE };
typedef struct {
  int cls;
  size_t part;      /* a part of a document is a file of its own */
  const char *rule; /* borrowed; NULL: every rule */
  size_t at;        /* KEY_LINE: the line; KEY_RANGE: the comment's end */
  size_t dir;       /* index of the directive, in document order */
} dir_key;

static int S_key_cmp(const dir_key *a, const dir_key *b) {
  if (a->cls != b->cls)
    return a->cls < b->cls ? -1 : 1;
  if (a->part != b->part)
    return a->part < b->part ? -1 : 1;
  if (!a->rule != !b->rule)
    return a->rule ? 1 : -1;
  int c = a->rule ? strcmp(a->rule, b->rule) : 0;
  if (c)
    return c;
  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  return (a->dir > b->dir) - (a->dir < b->dir);
}

static int S_key_qsort(const void *a, const void *b) { return S_key_cmp(a, b); }

/* Index of the first key not below k. */
typedef struct {
  const dir_key *keys, *k;
} key_probe;

static bool S_key_below(const void *arg, size_t i) {
  const key_probe *p = arg;
  return S_key_cmp(&p->keys[i], p->k) < 0;
}

static size_t S_lower(const dir_key *keys, size_t n, const dir_key *k) {
  key_probe p = {keys, k};
  return bsearch_lower(n, S_key_below, &p);
}

static bool S_same_slot(const dir_key *a, const dir_key *b) {
  return a->cls == b->cls && a->part == b->part && !a->rule == !b->rule &&
         (!a->rule || strcmp(a->rule, b->rule) == 0);
}

/* The first directive (in document order) of class cls in part for rule
 * at `at`, or SIZE_MAX; for KEY_RANGE, the last one that ends at or before
 * `at`. */
static size_t S_find(const dir_key *keys, size_t n, int cls, size_t part,
                     const char *rule, size_t at) {
  dir_key k = {cls, part, rule, at, 0};
  if (cls == KEY_RANGE) {
    k.dir = SIZE_MAX;
    size_t i = S_lower(keys, n, &k); /* the keys up to `at` lie before i */
    return i > 0 && S_same_slot(&keys[i - 1], &k) ? keys[i - 1].dir : SIZE_MAX;
  }
  size_t i = S_lower(keys, n, &k);
  return i < n && S_same_slot(&keys[i], &k) && keys[i].at == at ? keys[i].dir
                                                                : SIZE_MAX;
}

static size_t S_part(const lint_ctx *ctx, size_t off) {
  return ctx->parts ? doc_part_of(ctx->parts, ctx->nparts, off) : 0;
}

/* The directive that suppresses diagnostic g, or NULL: the first directive
 * for the whole file or for g's line that covers g's rule, else the last
 * ddlint-disable or -enable before g that does, if it is a disable. */
static directive *S_suppressor(const lint_ctx *ctx, directive *dirs,
                               const dir_key *keys, size_t nkeys,
                               const struct ddlint_diag *g, unsigned line) {
  size_t part = S_part(ctx, g->start), best = SIZE_MAX;
  const char *rules[2] = {NULL, g->rule};
  for (int r = 0; r < 2; r++) {
    size_t f = S_find(keys, nkeys, KEY_FILE, part, rules[r], 0);
    size_t l = S_find(keys, nkeys, KEY_LINE, part, rules[r], line);
    best = f < best ? f : best;
    best = l < best ? l : best;
  }
  if (best != SIZE_MAX)
    return &dirs[best];
  size_t a = S_find(keys, nkeys, KEY_RANGE, part, NULL, g->start);
  size_t b = S_find(keys, nkeys, KEY_RANGE, part, g->rule, g->start);
  size_t last = a == SIZE_MAX ? b : b == SIZE_MAX ? a : a > b ? a : b;
  return last != SIZE_MAX && dirs[last].kind == DIR_DISABLE ? &dirs[last]
                                                            : NULL;
}

/* The keys of dirs[0..n), sorted; *nkeys gets how many. Free with free(). */
static dir_key *S_keys(const lint_ctx *ctx, const directive *dirs, size_t n,
                       size_t *nkeys) {
  dir_key *keys = NULL;
  size_t nk = 0, cap = 0;
  for (size_t i = 0; i < n; i++) {
    const directive *d = &dirs[i];
    int cls = d->kind == DIR_FILE                               ? KEY_FILE
              : d->kind == DIR_NEXT_LINE || d->kind == DIR_LINE ? KEY_LINE
                                                                : KEY_RANGE;
    size_t at = cls == KEY_LINE ? d->line : cls == KEY_RANGE ? d->end : 0;
    size_t part = S_part(ctx, d->start);
    for (size_t r = 0; r < (d->all ? 1 : d->nrules); r++) {
      xgrow(&keys, &cap, nk + 1, sizeof *keys);
      keys[nk++] = (dir_key){cls, part, d->all ? NULL : d->rules[r], at, i};
    }
  }
  if (nk)
    qsort(keys, nk, sizeof *keys, S_key_qsort);
  *nkeys = nk;
  return keys;
}

void suppress_apply(lint_ctx *ctx) {
  const md_blocks *mb = ctx->md;
  struct suppressions *sp = xcalloc(1, sizeof *sp);
  size_t cap = 0;
  for (size_t c = 0; c < mb->ncomments; c++) {
    directive d = {0};
    if (!S_parse(ctx, sp, mb->comments[2 * c], mb->comments[2 * c + 1], &d)) {
      free(d.rules);
      continue;
    }
    xgrow(&sp->dirs, &cap, sp->n + 1, sizeof *sp->dirs);
    sp->dirs[sp->n++] = d;
  }
  directive *dirs = sp->dirs;
  size_t n = sp->n, nkeys, kept = 0;
  dir_key *keys = S_keys(ctx, dirs, n, &nkeys);
  for (size_t i = 0; i < ctx->ndiags; i++) {
    struct ddlint_diag *g = &ctx->diags[i];
    unsigned line = n ? source_line_of(ctx->src, g->start) : 0;
    directive *d = n ? S_suppressor(ctx, dirs, keys, nkeys, g, line) : NULL;
    if (d) {
      d->used = true;
      free(g->message);
      free(g->help);
      free(g->section);
      continue;
    }
    ctx->diags[kept++] = *g;
  }
  ctx->ndiags = kept;
  free(keys);
  suppressions_free(ctx->suppressions);
  ctx->suppressions = sp;
}

void suppressions_report_unknown(lint_ctx *ctx,
                                 const struct ddlint_rule *rule) {
  const struct suppressions *sp = ctx->suppressions;
  for (size_t i = 0; sp && i < sp->nunknown; i++) {
    const unknown_name *u = &sp->unknown[i];
    const char *vars[] = {"match", u->name, "detail", u->detail, NULL};
    diag_emit(ctx, rule, u->start, u->end, NULL, vars);
  }
}

void suppressions_report_unused(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const struct suppressions *sp = ctx->suppressions;
  for (size_t i = 0; ctx->report_unused && sp && i < sp->n; i++) {
    const directive *d = &sp->dirs[i];
    if (d->used || d->kind == DIR_ENABLE)
      continue;
    char *text = xstrndup(ctx->src->text + d->start,
                          d->end - d->start > 120 ? 120 : d->end - d->start);
    const char *vars[] = {"match", text, NULL};
    diag_emit(ctx, rule, d->start, d->end, NULL, vars);
    free(text);
  }
}

void suppressions_free(struct suppressions *sp) {
  if (!sp)
    return;
  for (size_t i = 0; i < sp->n; i++)
    free(sp->dirs[i].rules);
  free(sp->dirs);
  for (size_t i = 0; i < sp->nunknown; i++) {
    free(sp->unknown[i].name);
    free(sp->unknown[i].detail);
  }
  free(sp->unknown);
  free(sp);
}
