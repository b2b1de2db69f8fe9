/* Rule kind min-content: a present section needs at least N words, list
 * items or table rows (any one of the given minimums suffices). */
#include "internal.h"

#include <stdlib.h>

const char explain_min_content[] =
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

void check_min_content(lint_ctx *ctx, const struct ddlint_rule *rule) {
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
    if ((rule->min_words >= 0 && words >= (size_t)rule->min_words) ||
        (rule->min_items >= 0 && items >= (size_t)rule->min_items) ||
        (rule->min_rows >= 0 && rows >= (size_t)rule->min_rows))
      continue;
    strbuf need = {0};
    if (rule->min_words >= 0)
      strbuf_printf(&need, "%ld words", rule->min_words);
    if (rule->min_items >= 0)
      strbuf_printf(&need, "%s%ld list items", need.len ? " or " : "",
                    rule->min_items);
    if (rule->min_rows >= 0)
      strbuf_printf(&need, "%s%ld table rows", need.len ? " or " : "",
                    rule->min_rows);
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
