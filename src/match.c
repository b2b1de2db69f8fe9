/* The match stage: maps the section tree onto the template once per document.
 * A heading matches a template section by its normalised title or an alias
 * (exactly, or by containing all its words); what nearly matches is kept as a
 * "did you mean" candidate, never accepted. Topics are then looked for inside
 * each matched section: as a subheading, a label, or text matching a pattern.
 * The result is the coverage map and the completeness score. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define NEAR_MISS_THRESHOLD 0.66
/* Near misses are looked for among this many unmatched headings at most, so
 * a document of a million headings stays linear. */
#define NEAR_MISS_CANDIDATES 256

/* Keys (title_key) make equality a string comparison. */
static bool S_names_equal(const char *key, const char *title,
                          char *const *aliases, size_t naliases) {
  if (!*key)
    return false;
  if (strcmp(key, title) == 0)
    return true;
  for (size_t i = 0; i < naliases; i++)
    if (strcmp(key, aliases[i]) == 0)
      return true;
  return false;
}

/* Containment, unless the heading misspells the title or an alias: "Model
 * Desgin" contains the alias "model", but it is a near miss of "Model
 * Design" and must be reported, not accepted. */
static bool S_names_contained(const char *key, const char *title,
                              char *const *aliases, size_t naliases) {
  bool contained = title_key_contains(key, title);
  for (size_t i = 0; i < naliases && !contained; i++)
    contained = title_key_contains(key, aliases[i]);
  if (!contained)
    return false;
  const char *names[65];
  size_t n = 0;
  names[n++] = title;
  for (size_t i = 0; i < naliases && n < 65; i++)
    names[n++] = aliases[i];
  return !title_has_typo(key, names, n);
}

static double S_names_similarity(const char *key, const tmpl_section *ts) {
  double best = title_similarity(key, ts->key_title);
  for (size_t i = 0; i < ts->naliases; i++) {
    double s = title_similarity(key, ts->alias_keys[i]);
    if (s > best)
      best = s;
  }
  return best;
}

static const char *S_heading_key(const lint_ctx *ctx, size_t d) {
  const char *n = ctx->md->blocks[ctx->ol->sections[d].block].key;
  return n ? n : "";
}

/* The structural level: the shallowest level at which some heading names a
 * template section exactly. Loose matches and hints stay at or above it, so a
 * deep "#### Feature representation" does not stand in for "Features". */
static int S_structural_level(const lint_ctx *ctx) {
  const ddlint_pack *pk = ctx->pack;
  int level = 7;
  for (size_t d = 0; d < ctx->ol->nsections; d++) {
    const section *sec = &ctx->ol->sections[d];
    if (sec->is_title || sec->level >= level)
      continue;
    for (size_t s = 0; s < pk->nsections; s++)
      if (S_names_equal(S_heading_key(ctx, d), pk->sections[s].key_title,
                        pk->sections[s].alias_keys, pk->sections[s].naliases)) {
        level = sec->level;
        break;
      }
  }
  if (level == 7) { /* nothing matched exactly: the shallowest non-title */
    for (size_t d = 0; d < ctx->ol->nsections; d++)
      if (!ctx->ol->sections[d].is_title && ctx->ol->sections[d].level < level)
        level = ctx->ol->sections[d].level;
  }
  return level;
}

static void S_find_topic(lint_ctx *ctx, const section *sec,
                         const tmpl_topic *tt, topic_cov *tc) {
  const md_blocks *mb = ctx->md;
  tc->via = VIA_NONE;
  tc->off = SIZE_MAX;
  for (size_t b = sec->first_block; b < sec->end_block; b++) {
    const block *bl = &mb->blocks[b];
    if (!bl->key)
      continue;
    if (S_names_equal(bl->key, tt->key_title, tt->alias_keys, tt->naliases) ||
        S_names_contained(bl->key, tt->key_title, tt->alias_keys,
                          tt->naliases)) {
      tc->via = bl->kind == BLOCK_HEADING ? VIA_HEADING : VIA_LABEL;
      tc->off = bl->start;
      tc->end = bl->end;
      break;
    }
  }
  for (size_t p = 0; p < tt->npatterns; p++) {
    size_t ms, me;
    size_t limit = tc->off == SIZE_MAX ? sec->end : tc->off;
    if (prose_search(ctx, &tt->patterns[p], sec->body_start, limit, &ms, &me) &&
        ms < tc->off) {
      tc->via = VIA_TEXT;
      tc->off = ms;
      tc->end = me;
    }
  }
  if (tc->via == VIA_NONE)
    tc->off = tc->end = 0;
}

void match_document(lint_ctx *ctx, coverage *cov) {
  const ddlint_pack *pk = ctx->pack;
  const outline *ol = ctx->ol;
  memset(cov, 0, sizeof *cov);
  cov->nsections = pk->nsections;
  cov->sections = xcalloc(pk->nsections + 1, sizeof(section_cov));
  bool *used = xcalloc(ol->nsections + 1, sizeof(bool));
  int level = S_structural_level(ctx);

  /* Exact names first, for every section: the shallowest such heading wins
   * ("## 7. Prediction Service" over a nested "### 6.2 Ranking"). */
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    section_cov *sc = &cov->sections[s];
    sc->section = -1;
    sc->near = -1;
    for (size_t d = 0; d < ol->nsections; d++)
      if (!ol->sections[d].is_title &&
          (sc->section < 0 ||
           ol->sections[d].level < ol->sections[sc->section].level) &&
          S_names_equal(S_heading_key(ctx, d), ts->key_title, ts->alias_keys,
                        ts->naliases))
        sc->section = (ptrdiff_t)d;
    if (sc->section >= 0)
      used[sc->section] = true;
  }
  /* Then headings that contain a name, among those not yet taken. */
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    section_cov *sc = &cov->sections[s];
    for (size_t d = 0; d < ol->nsections && sc->section < 0; d++)
      if (!used[d] && !ol->sections[d].is_title &&
          ol->sections[d].level <= level &&
          S_names_contained(S_heading_key(ctx, d), ts->key_title,
                            ts->alias_keys, ts->naliases)) {
        sc->section = (ptrdiff_t)d;
        used[d] = true;
      }
  }

  for (size_t s = 0; s < pk->nsections; s++) {
    section_cov *sc = &cov->sections[s];
    const tmpl_section *ts = &pk->sections[s];
    sc->topics = xcalloc(ts->ntopics + 1, sizeof(topic_cov));
    if (sc->section >= 0) {
      const section *sec = &ol->sections[sc->section];
      sc->empty = true;
      for (size_t b = sec->first_block; b < sec->end_block && sc->empty; b++) {
        block_kind k = ctx->md->blocks[b].kind;
        sc->empty = !(k == BLOCK_PARAGRAPH || k == BLOCK_CODE ||
                      k == BLOCK_HTML || k == BLOCK_TABLE);
      }
      for (size_t t = 0; t < ts->ntopics; t++)
        S_find_topic(ctx, &ol->sections[sc->section], &ts->topics[t],
                     &sc->topics[t]);
      continue;
    }
    size_t candidates = 0;
    for (size_t d = 0; d < ol->nsections && candidates < NEAR_MISS_CANDIDATES;
         d++) {
      if (used[d] || ol->sections[d].is_title || ol->sections[d].level > level)
        continue;
      candidates++;
      double sim = S_names_similarity(S_heading_key(ctx, d), ts);
      if (sim >= NEAR_MISS_THRESHOLD && sim > sc->near_score) {
        sc->near = (ptrdiff_t)d;
        sc->near_score = sim;
      }
    }
  }

  double total = 0, found = 0;
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    const section_cov *sc = &cov->sections[s];
    total += ts->weight;
    if (sc->section >= 0)
      found += ts->weight;
    for (size_t t = 0; t < ts->ntopics; t++) {
      total += ts->topics[t].weight;
      if (sc->topics[t].via != VIA_NONE)
        found += ts->topics[t].weight;
    }
  }
  cov->score = total > 0 ? 100.0 * found / total : 100.0;
  free(used);
}

void coverage_free(coverage *cov) {
  for (size_t s = 0; s < cov->nsections; s++)
    free(cov->sections[s].topics);
  free(cov->sections);
  memset(cov, 0, sizeof *cov);
}
