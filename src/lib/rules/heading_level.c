/* Rule kind heading-level: a topic written as a heading must sit below its
 * section's heading, not at its level or above it. */
#include "rules/kind.h"

#include <stdlib.h>

static const char S_explain[] =
    "Reports a template sub-section (a topic) whose heading is at the level "
    "of its section's heading or above it: \"## Offline Metrics\" next to "
    "\"## Success Metrics\" reads as a sibling, so outlines and tables of "
    "contents lose the structure. The topic's heading should be at least one "
    "level deeper (\"### Offline Metrics\").";

/* Whether the heading at off is matched to a template section, as its
 * heading or one of its parts: "## Serving" taken by Prediction is a
 * section of its own, not a misplaced "Serving Format" topic. */
static bool S_is_section_heading(const lint_ctx *ctx, size_t off) {
  for (size_t s = 0; s < ctx->pack->nsections; s++) {
    const section_cov *sc = &ctx->cov->sections[s];
    if (sc->section < 0 || sc->by_content)
      continue;
    if (ctx->ol->sections[sc->section].start == off)
      return true;
    for (size_t p = 0; p < sc->nparts; p++)
      if (ctx->ol->sections[sc->parts[p]].start == off)
        return true;
  }
  return false;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const ddlint_pack *pk = ctx->pack;
  for (size_t s = 0; s < pk->nsections; s++) {
    const section_cov *sc = &ctx->cov->sections[s];
    if (sc->section < 0 || sc->by_content || !rule_in_scope(rule, s))
      continue; /* found by content: its heading is another section's */
    const section *sec = &ctx->ol->sections[sc->section];
    for (size_t t = 0; t < pk->sections[s].ntopics; t++) {
      const topic_cov *tc = &sc->topics[t];
      if (tc->via != VIA_HEADING || tc->off == sec->start)
        continue; /* the section's own heading naming the topic is fine */
      size_t b = block_at_or_after(ctx->md, tc->off);
      if (b >= ctx->md->nblocks || ctx->md->blocks[b].kind != BLOCK_HEADING)
        continue;
      const block *hb = &ctx->md->blocks[b];
      if (hb->level > sec->level || S_is_section_heading(ctx, hb->start))
        continue;
      /* nested by its numbering, at the same level: "## 2.1 Offline
       * acceptance" under "## 2 Success criteria" */
      bool nested = false;
      for (ptrdiff_t a = outline_section_at(ctx->ol, hb->start); a >= 0 && !nested;
           a = ctx->ol->sections[a].parent)
        nested = a != sc->section && ctx->ol->sections[a].parent == sc->section;
      if (nested)
        continue;
      char *detail =
          xasprintf("its heading is level %d; \"%s\" is level %d", hb->level,
                    ctx->md->blocks[sec->block].text, sec->level);
      char *path = xasprintf("%s > %s", pk->sections[s].title,
                             pk->sections[s].topics[t].title);
      const char *vars[] = {"section", pk->sections[s].title,
                            "topic",   pk->sections[s].topics[t].title,
                            "heading", hb->text,
                            "detail",  detail,
                            NULL};
      diag_emit(ctx, rule, hb->start, hb->end, path, vars);
      free(detail);
      free(path);
    }
  }
}

const rule_kind rule_kind_heading_level = {
    .name = "heading-level",
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
