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

bool match_names_section(const char *key, const tmpl_section *ts) {
  return S_names_equal(key, ts->key_title, ts->alias_keys, ts->naliases);
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

/* The key of the longest name of ts that heading key contains (none when it
 * misspells a name), or NULL. */
static const char *S_contained_name(const char *key, const tmpl_section *ts) {
  if (!S_names_contained(key, ts->key_title, ts->alias_keys, ts->naliases))
    return NULL;
  const char *best = NULL;
  size_t words = 0;
  if (title_key_contains(key, ts->key_title)) {
    best = ts->key_title;
    words = title_key_words(best);
  }
  for (size_t i = 0; i < ts->naliases; i++)
    if (title_key_contains(key, ts->alias_keys[i]) &&
        title_key_words(ts->alias_keys[i]) > words) {
      best = ts->alias_keys[i];
      words = title_key_words(best);
    }
  return best;
}

/* The share of the heading's words covered by the longest name of ts that
 * it contains (0 when it contains none, or misspells a name). */
static double S_containment_cover(const char *key, const tmpl_section *ts) {
  const char *name = S_contained_name(key, ts);
  size_t hw = title_key_words(key);
  return name && hw ? (double)title_key_words(name) / (double)hw : 0;
}

/* The best similarity of heading key to ts's names, when at least min. */
static double S_names_similarity(const char *key, const tmpl_section *ts,
                                 double min) {
  double best = title_similarity_min(key, ts->key_title, min);
  for (size_t i = 0; i < ts->naliases; i++) {
    double s = title_similarity_min(key, ts->alias_keys[i], min);
    if (s > best)
      best = s;
  }
  return best;
}

static const char *S_heading_key(const lint_ctx *ctx, size_t d) {
  const char *n = ctx->md->blocks[ctx->ol->sections[d].block].key;
  return n ? n : "";
}

/* Whether one of ts's names contained in heading d holds its last word. */
static bool S_names_last_word(const lint_ctx *ctx, size_t d,
                              const tmpl_section *ts) {
  const char *norm = ctx->md->blocks[ctx->ol->sections[d].block].norm;
  const char *key = S_heading_key(ctx, d);
  if (!norm || !*norm)
    return false;
  const char *sp = strrchr(norm, ' ');
  char *last = title_key(sp ? sp + 1 : norm);
  bool mine = *last && title_key_contains(key, ts->key_title) &&
              title_key_contains(ts->key_title, last);
  for (size_t i = 0; i < ts->naliases && !mine && *last; i++)
    mine = title_key_contains(key, ts->alias_keys[i]) &&
           title_key_contains(ts->alias_keys[i], last);
  free(last);
  return mine;
}

/* The structural level: the shallowest level at which some heading names a
 * template section exactly. Loose matches and hints stay at or above it, so a
 * deep "#### Feature representation" does not stand in for "Features". */
static int S_structural_level(const lint_ctx *ctx, const unsigned char *known) {
  const ddlint_pack *pk = ctx->pack;
  int level = 7;
  for (size_t d = 0; d < ctx->ol->nsections; d++) {
    const section *sec = &ctx->ol->sections[d];
    if (known[d] != 2 || sec->is_title || sec->level >= level)
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

static bool S_topic_named(const block *bl, const tmpl_topic *tt, bool loose) {
  if (!bl->key)
    return false;
  if (S_names_equal(bl->key, tt->key_title, tt->alias_keys, tt->naliases))
    return true;
  return loose && S_names_contained(bl->key, tt->key_title, tt->alias_keys,
                                    tt->naliases);
}

static void S_found(topic_cov *tc, found_via via, size_t off, size_t end) {
  tc->via = via;
  tc->off = off;
  tc->end = end;
}

/* Whether a required-topic rule of warning or error severity names the
 * topic: such a topic needs more than a heading that names it. */
static bool S_topic_has_rule(const ddlint_pack *pk, const char *id) {
  for (size_t r = 0; r < pk->nrules; r++) {
    const struct ddlint_rule *ru = &pk->rules[r];
    if (ru->severity < DDLINT_WARNING || !ru->topic_ids)
      continue;
    for (size_t i = 0; i < ru->ntopic_ids; i++)
      if (strcmp(ru->topic_ids[i], id) == 0)
        return true;
  }
  return false;
}

/* Whether heading or label block b says something: a heading whose section
 * has content, a label with text after it. */
static bool S_block_has_content(const lint_ctx *ctx, size_t b) {
  const block *bl = &ctx->md->blocks[b];
  if (bl->kind != BLOCK_HEADING)
    return bl->has_content;
  for (size_t d = 0; d < ctx->ol->nsections; d++)
    if (ctx->ol->sections[d].block == b)
      return !section_is_empty(ctx, &ctx->ol->sections[d]);
  return false;
}

/* A topic is found, in order of preference, by: a subheading or label in one
 * of the section's parts naming it (or the part's own heading, exactly,
 * unless a warning-level rule checks the topic: "## Deployment" alone is no
 * deployment strategy); text in the parts matching a pattern; a heading or
 * label elsewhere in the document naming it exactly and followed by
 * content ("ML Objective: rank events" under Problem Formulation). */
static void S_find_topic(lint_ctx *ctx, const section_cov *sc,
                         const tmpl_topic *tt, topic_cov *tc) {
  const md_blocks *mb = ctx->md;
  memset(tc, 0, sizeof *tc);
  bool own_counts = !S_topic_has_rule(ctx->pack, tt->id);
  for (size_t p = 0; p < sc->nparts && tc->via == VIA_NONE; p++) {
    const section *sec = &ctx->ol->sections[sc->parts[p]];
    const block *own = &mb->blocks[sec->block];
    if (own_counts && S_topic_named(own, tt, false)) {
      S_found(tc, VIA_HEADING, own->start, own->end);
      break;
    }
    for (size_t b = sec->first_block; b < sec->end_block; b++)
      if (S_topic_named(&mb->blocks[b], tt, true)) {
        const block *bl = &mb->blocks[b];
        S_found(tc, bl->kind == BLOCK_HEADING ? VIA_HEADING : VIA_LABEL,
                bl->start, bl->end);
        break;
      }
  }
  for (size_t p = 0; p < sc->nparts && tc->via == VIA_NONE; p++) {
    const section *sec = &ctx->ol->sections[sc->parts[p]];
    size_t best = SIZE_MAX, best_end = 0;
    for (size_t i = 0; i < tt->npatterns; i++) {
      size_t ms, me;
      if (prose_search(ctx, &tt->patterns[i], sec->body_start,
                       best == SIZE_MAX ? sec->end : best, &ms, &me) &&
          ms < best) {
        best = ms;
        best_end = me;
      }
    }
    if (best != SIZE_MAX)
      S_found(tc, VIA_TEXT, best, best_end);
  }
  for (size_t b = 0; b < mb->nblocks && tc->via == VIA_NONE; b++) {
    bool own = false;
    for (size_t p = 0; p < sc->nparts && !own_counts; p++)
      own = own || ctx->ol->sections[sc->parts[p]].block == b;
    if (!own && S_topic_named(&mb->blocks[b], tt, false) &&
        S_block_has_content(ctx, b))
      S_found(tc, mb->blocks[b].kind == BLOCK_HEADING ? VIA_HEADING : VIA_LABEL,
              mb->blocks[b].start, mb->blocks[b].end);
  }
}

/* The topics of the matched sections, each searched on its own; on a large
 * document with threads to spare, in parallel, each task in a context of its
 * own whose pattern-limit note is joined in task order, as one thread would
 * have set it. */
typedef struct {
  lint_ctx *base;
  coverage *cov;
  size_t *section, *topic; /* the tasks */
  lint_ctx *runs;          /* one per task, when in parallel */
} topic_pool;

static void S_topic_task(void *arg, size_t i) {
  topic_pool *p = arg;
  lint_ctx *c = &p->runs[i];
  *c = *p->base;
  c->limit_pattern = NULL;
  c->limit_at = 0;
  c->md_match = pcre2_match_data_create(32, NULL);
  section_cov *sc = &p->cov->sections[p->section[i]];
  const tmpl_section *ts = &c->pack->sections[p->section[i]];
  S_find_topic(c, sc, &ts->topics[p->topic[i]], &sc->topics[p->topic[i]]);
  pcre2_match_data_free(c->md_match);
}

static void S_find_topics(lint_ctx *ctx, coverage *cov) {
  const ddlint_pack *pk = ctx->pack;
  size_t n = 0;
  for (size_t s = 0; s < pk->nsections; s++)
    if (cov->sections[s].section >= 0)
      n += pk->sections[s].ntopics;
  if (ctx->threads <= 1 || n < 2 || ctx->src->len < PARALLEL_MIN_BYTES) {
    for (size_t s = 0; s < pk->nsections; s++)
      for (size_t t = 0;
           cov->sections[s].section >= 0 && t < pk->sections[s].ntopics; t++)
        S_find_topic(ctx, &cov->sections[s], &pk->sections[s].topics[t],
                     &cov->sections[s].topics[t]);
    return;
  }
  topic_pool pool = {.base = ctx,
                     .cov = cov,
                     .section = xcalloc(n, sizeof(size_t)),
                     .topic = xcalloc(n, sizeof(size_t)),
                     .runs = xcalloc(n, sizeof(lint_ctx))};
  size_t k = 0;
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t t = 0;
         cov->sections[s].section >= 0 && t < pk->sections[s].ntopics; t++) {
      pool.section[k] = s;
      pool.topic[k++] = t;
    }
  run_tasks(n, ctx->threads, S_topic_task, &pool);
  for (size_t i = 0; i < n && !ctx->limit_pattern; i++)
    if (pool.runs[i].limit_pattern) {
      ctx->limit_pattern = pool.runs[i].limit_pattern;
      ctx->limit_at = pool.runs[i].limit_at;
    }
  free(pool.section);
  free(pool.topic);
  free(pool.runs);
}

bool section_is_empty(const lint_ctx *ctx, const section *sec) {
  for (size_t b = sec->first_block; b < sec->end_block; b++) {
    block_kind k = ctx->md->blocks[b].kind;
    if (k == BLOCK_PARAGRAPH || k == BLOCK_CODE || k == BLOCK_HTML ||
        k == BLOCK_TABLE)
      return false;
  }
  return true;
}

void match_document(lint_ctx *ctx, coverage *cov) {
  const ddlint_pack *pk = ctx->pack;
  const outline *ol = ctx->ol;
  memset(cov, 0, sizeof *cov);
  cov->nsections = pk->nsections;
  cov->sections = xcalloc(pk->nsections + 1, sizeof(section_cov));
  bool *used = xcalloc(ol->nsections + 1, sizeof(bool));
  /* the name by which a heading was taken loosely, or NULL */
  const char **taken = xcalloc(ol->nsections + 1, sizeof(char *));
  /* per heading: whether its words are words of the pack's section names
   * (0 none, 1 some, 2 all); a heading with none names no section, one with
   * some names none exactly. Keeps a million headings linear and cheap. */
  unsigned char *known = xcalloc(ol->nsections + 1, 1);
  for (size_t d = 0; d < ol->nsections; d++) {
    const char *key = S_heading_key(ctx, d);
    size_t words = 0, hits = 0;
    for (const char *w = key; *w;) {
      const char *e = strchr(w, ' ');
      size_t n = e ? (size_t)(e - w) : strlen(w);
      words++;
      hits += pack_vocab_has(pk, w, n);
      w += n + (e != NULL);
    }
    known[d] = hits == 0 ? 0 : hits == words ? 2 : 1;
  }
  int level = S_structural_level(ctx, known);

  /* Exact names first, for every section: the shallowest such heading wins
   * ("## 7. Prediction Service" over a nested "### 6.2 Ranking"). */
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    section_cov *sc = &cov->sections[s];
    sc->section = -1;
    sc->near = -1;
    for (size_t d = 0; d < ol->nsections; d++)
      if (known[d] == 2 && !ol->sections[d].is_title &&
          (sc->section < 0 ||
           ol->sections[d].level < ol->sections[sc->section].level) &&
          S_names_equal(S_heading_key(ctx, d), ts->key_title, ts->alias_keys,
                        ts->naliases))
        sc->section = (ptrdiff_t)d;
    if (sc->section >= 0)
      used[sc->section] = true;
  }
  /* Then headings that contain a name, among those not yet taken. A heading
   * goes to the section whose name covers most of its words: "Model
   * Architecture and Training" is Model Design ("model architecture"), not
   * System Architecture ("architecture"). */
  for (size_t d = 0; d < ol->nsections; d++) {
    if (!known[d] || used[d] || ol->sections[d].is_title ||
        ol->sections[d].level > level)
      continue;
    const char *key = S_heading_key(ctx, d);
    ptrdiff_t best = -1;
    double best_cover = 0;
    for (size_t s = 0; s < pk->nsections; s++) {
      const tmpl_section *ts = &pk->sections[s];
      if (cov->sections[s].section >= 0)
        continue;
      double cover = S_containment_cover(key, ts);
      if (cover > 0 && cover == best_cover && S_names_last_word(ctx, d, ts)) {
        best = (ptrdiff_t)s; /* a tie: "Model Monitoring" is monitoring */
        continue;
      }
      if (cover > best_cover) {
        best_cover = cover;
        best = (ptrdiff_t)s;
      }
    }
    if (best >= 0) {
      cov->sections[best].section = (ptrdiff_t)d;
      used[d] = true;
      taken[d] = S_contained_name(key, &pk->sections[best]);
    }
  }
  /* A loose heading can name two sections at once ("Drawbacks /
   * alternatives", "Unresolved questions and Future possibilities") when the
   * second name adds words of its own: "architecture" inside "model
   * architecture" does not. */
  for (size_t s = 0; s < pk->nsections; s++) {
    if (cov->sections[s].section >= 0)
      continue;
    for (size_t d = 0; d < ol->nsections; d++) {
      if (!taken[d])
        continue;
      const char *name =
          S_contained_name(S_heading_key(ctx, d), &pk->sections[s]);
      if (name && !title_key_contains(taken[d], name)) {
        cov->sections[s].section = (ptrdiff_t)d;
        break;
      }
    }
  }

  /* Other headings that name a matched section are more parts of it. */
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    section_cov *sc = &cov->sections[s];
    if (sc->section < 0)
      continue;
    sc->parts = xcalloc(ol->nsections + 1, sizeof(size_t));
    sc->parts[sc->nparts++] = (size_t)sc->section;
    for (size_t d = 0; d < ol->nsections; d++) {
      const char *key = S_heading_key(ctx, d);
      const section *primary = &ol->sections[sc->section];
      if (!known[d] || used[d] || ol->sections[d].is_title ||
          ol->sections[d].level != primary->level ||
          ol->sections[d].parent != primary->parent ||
          !(S_names_equal(key, ts->key_title, ts->alias_keys, ts->naliases) ||
            S_names_contained(key, ts->key_title, ts->alias_keys,
                              ts->naliases)))
        continue;
      used[d] = true;
      sc->parts[sc->nparts++] = d;
    }
  }

  for (size_t s = 0; s < pk->nsections; s++) {
    section_cov *sc = &cov->sections[s];
    const tmpl_section *ts = &pk->sections[s];
    sc->topics = xcalloc(ts->ntopics + 1, sizeof(topic_cov));
    if (sc->section >= 0) {
      sc->empty = true;
      for (size_t p = 0; p < sc->nparts; p++)
        if (!section_is_empty(ctx, &ol->sections[sc->parts[p]]))
          sc->empty = false;
      continue; /* its topics are looked for below */
    }
    size_t candidates = 0;
    for (size_t d = 0; d < ol->nsections && candidates < NEAR_MISS_CANDIDATES;
         d++) {
      if (used[d] || ol->sections[d].is_title || ol->sections[d].level > level)
        continue;
      candidates++;
      double sim = S_names_similarity(S_heading_key(ctx, d), ts,
                                      NEAR_MISS_THRESHOLD);
      if (sim >= NEAR_MISS_THRESHOLD && sim > sc->near_score) {
        sc->near = (ptrdiff_t)d;
        sc->near_score = sim;
      }
    }
  }

  S_find_topics(ctx, cov);

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
  free(taken);
  free(known);
}

void coverage_free(coverage *cov) {
  for (size_t s = 0; s < cov->nsections; s++) {
    free(cov->sections[s].topics);
    free(cov->sections[s].parts);
  }
  free(cov->sections);
  memset(cov, 0, sizeof *cov);
}
