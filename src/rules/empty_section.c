/* Rule kind empty-section: a heading with nothing under it. HTML comments,
 * link reference definitions, thematic breaks and whitespace are not content;
 * a heading whose subsections hold the content is not empty. */
#include "internal.h"

const char explain_empty_section[] =
    "Reports a heading that has no content before the next heading and no "
    "subsections. Paragraphs, lists, tables, code blocks and HTML other than "
    "comments are content; HTML comments (such as the guidance that `ddlint "
    "init` writes), link reference definitions, thematic breaks and blank "
    "lines are not. With a scope, only headings inside the matched template "
    "sections are checked; without one, every heading but the title.";

static bool S_in_scope(const lint_ctx *ctx, const struct ddlint_rule *rule,
                       size_t d) {
  if (!rule->scope)
    return true;
  for (size_t i = 0; i < rule->nscope; i++) {
    ptrdiff_t m = ctx->cov->sections[rule->scope[i]].section;
    for (ptrdiff_t p = (ptrdiff_t)d; m >= 0 && p >= 0;
         p = ctx->ol->sections[p].parent)
      if (p == m)
        return true;
  }
  return false;
}

void check_empty_section(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const outline *ol = ctx->ol;
  for (size_t d = 0; d < ol->nsections; d++) {
    const section *sec = &ol->sections[d];
    if (sec->is_title)
      continue;
    if (d + 1 < ol->nsections && ol->sections[d + 1].parent == (ptrdiff_t)d)
      continue; /* its subsections are checked on their own */
    bool content = false;
    for (size_t b = sec->first_block; b < sec->end_block && !content; b++) {
      block_kind k = ctx->md->blocks[b].kind;
      content = k == BLOCK_PARAGRAPH || k == BLOCK_CODE || k == BLOCK_HTML ||
                k == BLOCK_TABLE;
    }
    if (content || !S_in_scope(ctx, rule, d))
      continue;
    const char *h = ctx->md->blocks[sec->block].text;
    const char *vars[] = {"heading", *h ? h : "(untitled)", NULL};
    diag_emit(ctx, rule, sec->start, sec->body_start, NULL, vars);
  }
}
