/* Rule kind required-section: every required template section in scope has a
 * matching heading. A near miss is reported at that heading with a "did you
 * mean" hint; otherwise at the place the template puts the section. */
#include "internal.h"

#include <stdlib.h>

const char explain_required_section[] =
    "Checks that each required template section in the rule's scope has a "
    "heading in the document. Headings are compared after normalisation: "
    "numbering (\"2.\", \"Step 3 -\"), emphasis, parentheticals and "
    "punctuation are ignored, and the pack's aliases are accepted. A heading "
    "that only nearly matches (a typo, or half the words) is not accepted: "
    "the diagnostic points at it with a \"did you mean\" hint. Otherwise it "
    "points where the template would put the section.";

/* Start of the heading of the first present section after s, or the start
 * of the document's last line. */
static size_t S_insertion_point(const lint_ctx *ctx, size_t s,
                                const char **before) {
  *before = NULL;
  for (size_t n = s + 1; n < ctx->pack->nsections; n++) {
    ptrdiff_t d = ctx->cov->sections[n].section;
    if (d >= 0) {
      const section *sec = &ctx->ol->sections[d];
      *before = ctx->md->blocks[sec->block].text;
      return sec->start;
    }
  }
  size_t start, end;
  source_line_bounds(ctx->src, ctx->src->len, &start, &end);
  return start;
}

void check_required_section(lint_ctx *ctx, const struct ddlint_rule *rule) {
  for (size_t s = 0; s < ctx->pack->nsections; s++) {
    const tmpl_section *ts = &ctx->pack->sections[s];
    const section_cov *sc = &ctx->cov->sections[s];
    if (!ts->required || sc->section >= 0 || !rule_in_scope(rule, s))
      continue;
    char *detail;
    size_t start, end;
    if (sc->near >= 0) {
      const section *sec = &ctx->ol->sections[sc->near];
      const char *h = ctx->md->blocks[sec->block].text;
      detail = xasprintf("did you mean \"%s\"? The heading \"%s\" is close but "
                         "not accepted; rename it, or add it as an alias",
                         ts->title, h);
      start = sec->start;
      end = sec->body_start;
    } else {
      const char *before;
      start = end = S_insertion_point(ctx, s, &before);
      if (before)
        detail =
            xasprintf("add a \"%s\" section before \"%s\"", ts->title, before);
      else
        detail = xasprintf("add a \"%s\" section at the end", ts->title);
    }
    const char *vars[] = {"section", ts->title, "detail", detail, NULL};
    diag_emit(ctx, rule, start, end, ts->title, vars);
    free(detail);
  }
}
