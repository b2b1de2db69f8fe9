/* Rule kind duplicate-section: a template section named by a second heading
 * at the same level as the first. (Headings that only contain a section's
 * name, like "9. Scaling, Monitoring, and Updates" after "8. Online Testing
 * and Deployment", are parts of one section, not duplicates.) */
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

static const char S_explain[] =
    "Reports a heading that repeats, at the same level, the exact name "
    "(after normalisation) by which an earlier heading matched a template "
    "section: two \"Success Metrics\" sections leave the reader unsure which "
    "one holds the decision. Different names of one section (\"Online "
    "Testing and Deployment\", then \"Scaling, Monitoring, and Updates\") "
    "split it into parts and are not duplicates. A heading deeper in the tree "
    "with "
    "the same name (a \"Metrics\" subsection under Model Design) is not a "
    "duplicate, and neither is a heading that only contains the name. In a "
    "document made of chapter files, a heading in another chapter is that "
    "chapter's (\"## Introduction\" opening every chapter), not a "
    "duplicate.";

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  for (size_t s = 0; s < ctx->pack->nsections; s++) {
    ptrdiff_t first = ctx->cov->sections[s].section;
    if (first < 0 || !rule_in_scope(rule, s))
      continue;
    const tmpl_section *ts = &ctx->pack->sections[s];
    const section *fs = &ctx->ol->sections[first];
    const block *fb = &ctx->md->blocks[fs->block];
    if (!match_names_section(fb->key ? fb->key : "", ts))
      continue; /* matched loosely: nothing to compare with */
    unsigned line, col;
    source_position(ctx->src, fs->start, &line, &col);
    for (size_t d = 0; d < ctx->ol->nsections; d++) {
      const section *sec = &ctx->ol->sections[d];
      const block *b = &ctx->md->blocks[sec->block];
      /* the same name twice; two different names ("8. Online Testing and
       * Deployment", "9. Scaling, Monitoring, and Updates") split a section
       * into parts, which is fine */
      if ((ptrdiff_t)d == first || sec->is_title || sec->rank != fs->rank ||
          !b->key || strcmp(b->key, fb->key) != 0)
        continue;
      /* in a document made of parts, one in another chapter is that
       * chapter's ("## Introduction" opening every chapter of a guide,
       * "## Metrics" in the model chapter) */
      if (ctx->nparts > 1 && !ctx_same_part(ctx, sec->start, fs->start))
        continue;
      char *detail = xasprintf("first at line %u", line);
      const char *vars[] = {"section", ts->title, "heading", b->text,
                            "detail",  detail,    NULL};
      diag_emit(ctx, rule, sec->start, sec->body_start, ts->title, vars);
      free(detail);
    }
  }
}

const rule_kind rule_kind_duplicate_section = {
    .name = "duplicate-section",
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
