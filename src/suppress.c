/* Inline suppressions, applied after the rules ran: HTML comments
 *   <!-- ddlint-disable RULE... -->      <!-- ddlint-enable RULE... -->
 *   <!-- ddlint-disable-next-line RULE... -->
 *   <!-- ddlint-disable-line RULE... -->  (markdownlint's spelling)
 *   <!-- ddlint-disable-file RULE... -->
 * (no RULE: every rule). A directive naming an unknown rule, and a comment
 * that starts like a directive but is none ("ddlint-disable-nextline"), are
 * reported (unknown-suppression); one that suppressed nothing is reported
 * on request (unused-suppression). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DIRECTIVES_MAX 10000

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

const char explain_suppression[] =
    "Built into every pack. unknown-suppression reports a ddlint-disable, "
    "ddlint-enable, ddlint-disable-next-line, ddlint-disable-line or "
    "ddlint-disable-file comment that names a rule the pack does not have, "
    "and a comment that starts like a directive but is none "
    "(ddlint-disable-nextline, ddlint-disable-file: with a colon): a typo "
    "would silently suppress nothing. unused-suppression, reported only with "
    "--report-unused-suppressions, names a suppression comment that "
    "suppressed no finding, so stale ones can be removed.";

void check_suppression(lint_ctx *ctx, const struct ddlint_rule *rule) {
  (void)ctx; /* the work happens in suppress_apply(), after every rule */
  (void)rule;
}

static bool S_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

/* Parses one comment; false when it is no directive. Unknown rule names are
 * reported here. */
static bool S_parse(lint_ctx *ctx, size_t start, size_t end, directive *d) {
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
  const struct ddlint_rule *unknown = NULL;
  for (size_t r = 0; r < ctx->pack->nrules; r++)
    if (strcmp(ctx->pack->rules[r].id, "unknown-suppression") == 0)
      unknown = &ctx->pack->rules[r];
  if (w == sizeof words / sizeof words[0]) {
    /* "ddlint-disable-nextline", "ddlint-disable-file:": meant as one */
    size_t b = i;
    while (i < e && !S_space(t[i]))
      i++;
    if (unknown && i - b > 7 && strncasecmp(t + b, "ddlint", 6) == 0 &&
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
      const char *vars[] = {"match", name, "detail", detail, NULL};
      diag_emit(ctx, unknown, b, i, NULL, vars);
      free(detail);
      free(name);
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
    const struct ddlint_rule *rule = NULL;
    for (size_t r = 0; r < ctx->pack->nrules && !rule; r++)
      if (strlen(ctx->pack->rules[r].id) == i - b &&
          memcmp(ctx->pack->rules[r].id, t + b, i - b) == 0)
        rule = &ctx->pack->rules[r];
    if (!rule) { /* a document's own rules (missing-part, shared-part) */
      char *name = xstrndup(t + b, i - b > 64 ? 64 : i - b);
      rule = document_rule_find(name);
      free(name);
    }
    if (!rule) {
      if (unknown) {
        char *name = xstrndup(t + b, i - b > 64 ? 64 : i - b);
        char *detail = xasprintf("the suppression names \"%s\", which the "
                                 "template \"%s\" has no rule for",
                                 name, ctx->pack->name);
        const char *vars[] = {"match", name, "detail", detail, NULL};
        diag_emit(ctx, unknown, b, i, NULL, vars);
        free(detail);
        free(name);
      }
      continue;
    }
    xgrow(&d->rules, &d->cap, d->nrules + 1, sizeof *d->rules);
    d->rules[d->nrules++] = rule->id;
  }
  /* a typo must suppress nothing, not everything */
  d->all = !named;
  return true;
}

static bool S_covers(const directive *d, const char *rule) {
  if (d->all)
    return true;
  for (size_t i = 0; i < d->nrules; i++)
    if (strcmp(d->rules[i], rule) == 0)
      return true;
  return false;
}

/* The directive that suppresses diagnostic g, or NULL. */
static directive *S_suppressor(const lint_ctx *ctx, directive *dirs, size_t n,
                               const struct ddlint_diag *g, unsigned line) {
  directive *range = NULL;
  for (size_t i = 0; i < n; i++) {
    directive *d = &dirs[i];
    /* a part of a document is a file of its own: its directives stay in it */
    if (!S_covers(d, g->rule) || !ctx_same_part(ctx, d->start, g->start))
      continue;
    if (d->kind == DIR_FILE)
      return d;
    if ((d->kind == DIR_NEXT_LINE || d->kind == DIR_LINE) && d->line == line)
      return d;
    if ((d->kind == DIR_DISABLE || d->kind == DIR_ENABLE) && d->end <= g->start)
      range = d->kind == DIR_DISABLE ? d : NULL;
  }
  return range;
}

void suppress_apply(lint_ctx *ctx, bool report_unused) {
  const md_blocks *mb = ctx->md;
  directive *dirs = NULL;
  size_t n = 0, cap = 0;
  for (size_t c = 0; c < mb->ncomments && n < DIRECTIVES_MAX; c++) {
    directive d = {0};
    if (!S_parse(ctx, mb->comments[2 * c], mb->comments[2 * c + 1], &d)) {
      free(d.rules);
      continue;
    }
    xgrow(&dirs, &cap, n + 1, sizeof *dirs);
    dirs[n++] = d;
  }
  size_t kept = 0;
  for (size_t i = 0; i < ctx->ndiags; i++) {
    struct ddlint_diag *g = &ctx->diags[i];
    bool builtin = strcmp(g->rule, "unknown-suppression") == 0;
    unsigned line = n ? source_line_of(ctx->src, g->start) : 0;
    directive *d = n && !builtin ? S_suppressor(ctx, dirs, n, g, line) : NULL;
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
  const struct ddlint_rule *unused = NULL;
  for (size_t r = 0; r < ctx->pack->nrules; r++)
    if (strcmp(ctx->pack->rules[r].id, "unused-suppression") == 0)
      unused = &ctx->pack->rules[r];
  for (size_t i = 0; report_unused && unused && i < n; i++) {
    if (dirs[i].used || dirs[i].kind == DIR_ENABLE)
      continue;
    char *text = xstrndup(
        ctx->src->text + dirs[i].start,
        dirs[i].end - dirs[i].start > 120 ? 120 : dirs[i].end - dirs[i].start);
    const char *vars[] = {"match", text, NULL};
    diag_emit(ctx, unused, dirs[i].start, dirs[i].end, NULL, vars);
    free(text);
  }
  for (size_t i = 0; i < n; i++)
    free(dirs[i].rules);
  free(dirs);
}
