/* The match stage: maps the section tree onto the template once per document.
 * A heading matches a template section by its normalised title or an alias
 * (exactly, or by containing all its words); what nearly matches is kept as a
 * "did you mean" candidate, never accepted. Topics are then looked for inside
 * each matched section: as a subheading, a label, or text matching a pattern.
 * The result is the coverage map and the completeness score. */
#include "rules.h"
#include "document.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NEAR_MISS_THRESHOLD 0.66
/* Near misses are looked for among this many unmatched headings at most, so
 * a document of a million headings stays linear. */
#define NEAR_MISS_CANDIDATES 256

/* Keys (title_key) make equality a string comparison. */
static bool S_names_equal(const char *key, const char *title,
                          char *const *aliases, size_t naliases) {
  if (!*key)
    return false;
  /* (the first bytes compared here: most names differ there, and a call
   * of strcmp() for each of a pack's aliases and each heading cost more
   * than the comparisons) */
  if (*key == *title && strcmp(key, title) == 0)
    return true;
  for (size_t i = 0; i < naliases; i++)
    if (*key == *aliases[i] && strcmp(key, aliases[i]) == 0)
      return true;
  return false;
}

bool match_names_section(const char *key, const tmpl_section *ts) {
  return S_names_equal(key, ts->key_title, ts->alias_keys, ts->naliases);
}

/* Whether key a (la bytes) holds the word w[0..n). */
static bool S_has_word(const char *a, size_t la, const char *w, size_t n) {
  for (const char *q = a; q + n <= a + la; q++) {
    q = memchr(q, *w, (size_t)(a + la - q));
    if (!q || q + n > a + la)
      return false;
    if (memcmp(q, w, n) == 0 && (q == a || q[-1] == ' ') &&
        (q[n] == ' ' || q[n] == '\0'))
      return true;
  }
  return false;
}

/* Whether key a holds a word of key b, or b has fewer than three words
 * (a near miss of a longer name shares a word with it: "what does the
 * crew get" is misspelt by no heading that shares none of its words, so
 * the edit distance is not worth computing for it). */
static bool S_may_be_near(const char *a, const char *b) {
  size_t words = 1;
  for (const char *q = b; *q; q++)
    words += *q == ' ';
  if (words < 3)
    return true;
  size_t la = strlen(a);
  for (const char *w = b; *w;) {
    const char *e = strchr(w, ' ');
    size_t n = e ? (size_t)(e - w) : strlen(w);
    if (S_has_word(a, la, w, n))
      return true;
    if (!e)
      break;
    w = e + 1;
  }
  return false;
}

/* The best similarity of heading key to ts's names, when at least min. */
static double S_names_similarity(const char *key, const tmpl_section *ts,
                                 double min) {
  double best = 0;
  for (size_t i = 0; i <= ts->naliases; i++) {
    const char *name = i ? ts->alias_keys[i - 1] : ts->key_title;
    if (!S_may_be_near(key, name))
      continue;
    double s = title_similarity_min(key, name, min);
    /* (a near miss misspells the words it does not share: "What we are
     * moving to" is not "What we are measuring") */
    if (s > best && (s < min || title_near_words(key, name)))
      best = s;
  }
  return best;
}

static const char *S_heading_key(const lint_ctx *ctx, size_t d) {
  const char *n = ctx->md->blocks[ctx->ol->sections[d].block].key;
  return n ? n : "";
}

/* S_names_similarity() of heading key hk to section s at the near-miss
 * threshold, kept in the pack's memo: the same headings recur across a
 * repository's documents. */
static double S_near_similarity(const lint_ctx *ctx, const char *hk,
                                size_t s) {
  double sim;
  if (!title_memo_get(ctx->pack->near_memo, hk, s, &sim)) {
    sim = S_names_similarity(hk, &ctx->pack->sections[s], NEAR_MISS_THRESHOLD);
    title_memo_put(ctx->pack->near_memo, hk, s, sim);
  }
  return sim;
}

/* Whether a heading above d misspells section s ("### Offline Metrics"
 * under "## Sucess Metrix"): the section is that heading's, to be reported
 * as a near miss, not found quietly one level down. */
static bool S_under_near_miss(const lint_ctx *ctx, size_t d, size_t s) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  for (ptrdiff_t p = ctx->ol->sections[d].parent; p >= 0;
       p = ctx->ol->sections[p].parent) {
    const char *hk = S_heading_key(ctx, (size_t)p);
    if (ctx->ol->sections[p].is_title ||
        S_names_equal(hk, ts->key_title, ts->alias_keys, ts->naliases))
      continue;
    if (S_near_similarity(ctx, hk, s) >= NEAR_MISS_THRESHOLD)
      return true;
  }
  return false;
}

/* Whether heading d may match section s as far as nesting goes: s nests in
 * no section ("parent" in the pack), or its parent is not matched (yet), or
 * d is a subheading of the parent's heading. */
static bool S_nest_ok(const lint_ctx *ctx, const coverage *cov, size_t s,
                      size_t d) {
  ptrdiff_t ps = ctx->pack->sections[s].parent;
  ptrdiff_t ph = ps >= 0 ? cov->sections[ps].section : -1;
  if (ph < 0)
    return true;
  for (ptrdiff_t p = ctx->ol->sections[d].parent; p >= 0;
       p = ctx->ol->sections[p].parent)
    if (p == ph)
      return true;
  return false;
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

/* Per heading, what containment reads: its title phrase (stemmed words in
 * order) and its head words; computed for headings that share a word with
 * the pack's section names. */
typedef struct {
  char *phrase, *heads; /* owned, or NULL */
  char *subject; /* owned, or NULL: of a long heading, its first head word */
  size_t words;
  /* a bit per word of phrase and of heads (title_word_mask()): a name with a
   * word whose bit is not set is not in them */
  uint64_t phrase_mask, heads_mask;
} heading_form;

/* Per template section: the phrase and word count of its title (0) and of
 * each alias (1 + i), borrowed from the pack. */
typedef struct {
  char *const *phrase;
  const size_t *words;
  const uint64_t *mask; /* per name, title_word_mask() of its phrase */
} name_forms;


typedef struct {
  lint_ctx *ctx;
  heading_form *hf;      /* per outline section */
  name_forms *nf;        /* per pack section */
  size_t *part;          /* per outline section: its part of a document
                            made of parts (doc_part_of()), or NULL */
  unsigned char *furniture; /* per outline section: 1 for chapter
                               furniture (S_unknown_furniture()) */
  unsigned char *ignore; /* per outline section: 0 unknown, 1 no, 2 a
                            not_evidence heading */
  /* per outline section and pack section: S_contained() + 1, or 0 when
   * not yet computed (it is asked again and again of the same pair) */
  unsigned char *contained;
} namer;

/* Whether heading d contains name k of section s: a one-word name must be a
 * head word of the heading ("Model" in "Model selection", not in "Latency
 * budget of the model"), a longer one a run of its words ("model
 * architecture" in "Model architecture and training", not in "Architecture
 * of the model"). Headings of more than eight words name nothing, except
 * by a name of three words or more, which a question of up to sixteen may
 * hold ("How do we know the model is good before it touches an on-sale?"). */
/* Whether name (a phrase that ends in "know" or "tell") goes on, wherever
 * heading phrase h holds it, with a word that asks which thing or when:
 * "How do you know when a hive swarmed?" asks how an event is told apart
 * (a label), not whether the system works ("How do you know it works?",
 * "How will we know when it's working?"). */
static bool S_asks_which(const char *h, const char *name) {
  static const char *const wh[] = {"when", "which", "who", "where", "what",
                                   "whose", NULL};
  size_t n = strlen(name);
  if (!(n > 5 && (strcmp(name + n - 5, " know") == 0 ||
                  strcmp(name + n - 5, " tell") == 0)))
    return false;
  bool any = false;
  for (const char *p = h; (p = strstr(p, name)) != NULL; p++) {
    if (!((p == h || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')))
      continue;
    const char *w = p[n] ? p + n + 1 : p + n;
    bool asks = false;
    for (int i = 0; wh[i] && !asks; i++) {
      size_t m = strlen(wh[i]);
      asks = strncmp(w, wh[i], m) == 0 && (w[m] == '\0' || w[m] == ' ');
      /* "when" asks about an event, "when a hive swarmed", not about the
       * system: "How will we know when it's working?" */
      static const char *const self[] = {"it", "its", "it's", "this", "we",
                                         "they", "things", "everything",
                                         NULL};
      for (int k = 0; asks && i == 0 && w[m] == ' ' && self[k]; k++) {
        size_t q = strlen(self[k]);
        asks = !(strncmp(w + m + 1, self[k], q) == 0 &&
                 (!w[m + 1 + q] || w[m + 1 + q] == ' '));
      }
    }
    if (!asks)
      return false;
    any = true;
  }
  return any;
}

static bool S_contains_name(const namer *nm, size_t d, size_t s, size_t k) {
  const heading_form *h = &nm->hf[d];
  const name_forms *f = &nm->nf[s];
  if (!h->phrase || !f->words[k])
    return false;
  /* (a decision's sentence names its subject, "Labels come from call-out
   * work orders, not controller fault codes": a one-word name that is the
   * first head word of a heading of up to sixteen) */
  if (h->words > 8 && f->words[k] == 1)
    return h->words <= 16 && h->subject &&
           strcmp(h->subject, f->phrase[k]) == 0;
  if (h->words > (f->words[k] >= 3 ? 16 : 8))
    return false;
  if (f->mask[k] & ~(f->words[k] == 1 ? h->heads_mask : h->phrase_mask))
    return false; /* a word of the name is not in the heading */
  return f->words[k] == 1 ? title_phrase_has(h->heads, f->phrase[k])
                          : title_phrase_has(h->phrase, f->phrase[k]) &&
                                !S_asks_which(h->phrase, f->phrase[k]);
}

/* The word count of the longest name of section s that heading d contains,
 * or 0, also when the heading misspells a name ("Model Desgin" is a near
 * miss of "Model Design", to be reported, not accepted). */
static size_t S_contained_uncached(const namer *nm, size_t d, size_t s);
/* The memo's tags for a heading's misspelling of section s's names (near
 * misses use section indexes, not_evidence verdicts (size_t)-2). */
#define MEMO_TYPO ((size_t)-1 / 2)
static size_t S_contained(const namer *nm, size_t d, size_t s) {
  unsigned char *memo = &nm->contained[d * nm->ctx->pack->nsections + s];
  if (!*memo) {
    size_t n = S_contained_uncached(nm, d, s);
    *memo = (unsigned char)(n < 254 ? n + 1 : 255);
  }
  return (size_t)*memo - 1;
}

static size_t S_contained_uncached(const namer *nm, size_t d, size_t s) {
  const tmpl_section *ts = &nm->ctx->pack->sections[s];
  size_t best = 0;
  for (size_t i = 0; i <= ts->naliases; i++)
    if (nm->nf[s].words[i] > best && S_contains_name(nm, d, s, i))
      best = nm->nf[s].words[i];
  if (!best)
    return 0;
  /* (the answer depends on the heading's text and s only: kept in the
   * pack's memo, as near misses are) */
  const block *bl = &nm->ctx->md->blocks[nm->ctx->ol->sections[d].block];
  const char *norm = bl->norm ? bl->norm : "";
  title_memo *memo = nm->ctx->pack->near_memo;
  double typo;
  if (memo && title_memo_get(memo, norm, MEMO_TYPO + s, &typo))
    return typo != 0 ? 0 : best;
  /* the names stemmed and as written: "monitorng" is two edits from
   * "monitor" but one from "monitoring" */
  const char *names[130];
  size_t n = 0;
  names[n++] = ts->key_title;
  names[n++] = ts->norm_title;
  for (size_t i = 0; i < ts->naliases && n + 2 <= 130; i++) {
    names[n++] = ts->alias_keys[i];
    names[n++] = ts->aliases[i];
  }
  /* (the heading's head phrase only: "Data for the correction step" does
   * not misspell "data collection") */
  bool has = title_phrase_head_has_typo(norm, names, n);
  if (memo)
    title_memo_put(memo, norm, MEMO_TYPO + s, has ? 1 : 0);
  return has ? 0 : best;
}

/* The share of heading d's words that the longest contained name of s
 * covers: "Model Architecture and Training" is more Model Design (through
 * "model architecture") than System Architecture. */
/* Whether heading d holds, as a word of its own anywhere, one of section
 * s's one-word names: "4. Data changes" (a v2's chapter, whose head noun
 * is "changes") holds "data". Looser than a name: only for a parent over
 * a stub that names s exactly ("### 4.2 Labels" over "TBD."). */
static bool S_has_one_word_name(const lint_ctx *ctx, size_t d, size_t s) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  const char *key = ctx->md->blocks[ctx->ol->sections[d].block].key;
  if (!key)
    return false;
  for (size_t i = 0; i <= ts->naliases; i++) {
    const char *nk = i ? ts->alias_keys[i - 1] : ts->key_title;
    if (!nk || !*nk || strchr(nk, ' '))
      continue;
    size_t n = strlen(nk);
    for (const char *q = strstr(key, nk); q; q = strstr(q + 1, nk))
      if ((q == key || q[-1] == ' ') && (q[n] == '\0' || q[n] == ' '))
        return true;
  }
  return false;
}

static double S_cover(const namer *nm, size_t d, size_t s) {
  size_t n = S_contained(nm, d, s);
  return n && nm->hf[d].words ? (double)n / (double)nm->hf[d].words : 0;
}

/* Whether name key k is one of the pack's generic names. */
static bool S_generic_key(const ddlint_pack *pk, const char *k) {
  for (size_t i = 0; i < pk->ngeneric_names; i++)
    if (strcmp(pk->generic_names[i], k) == 0)
      return true;
  return false;
}

/* Whether key a holds every word of key b, as words. */
static bool S_holds_words(const char *a, const char *b) {
  size_t la = strlen(a);
  for (const char *w = b; *w;) {
    const char *e = strchr(w, ' ');
    size_t n = e ? (size_t)(e - w) : strlen(w);
    if (!S_has_word(a, la, w, n))
      return false;
    if (!e)
      break;
    w = e + 1;
  }
  return true;
}

/* Whether heading d names section s only by generic names ("Introduction",
 * "Components"), which say nothing of what they introduce. */
static bool S_generic_only(const namer *nm, size_t d, size_t s) {
  const tmpl_section *ts = &nm->ctx->pack->sections[s];
  const char *key = S_heading_key(nm->ctx, d);
  /* (most headings hold no generic name at all: a look for the words of
   * each first, before each of the section's names is compared) */
  const ddlint_pack *pk = nm->ctx->pack;
  bool some = false;
  for (size_t i = 0; i < pk->ngeneric_names && !some; i++)
    some = S_holds_words(key, pk->generic_names[i]);
  if (!some)
    return false;
  bool any = false;
  for (size_t k = 0; k <= ts->naliases; k++) {
    const char *nk = k ? ts->alias_keys[k - 1] : ts->key_title;
    if (strcmp(key, nk) != 0 && !S_contains_name(nm, d, s, k))
      continue;
    if (!S_generic_key(nm->ctx->pack, nk))
      return false;
    any = true;
  }
  return any;
}

/* Whether heading p names section s, exactly or by containing a name
 * (a heading with no word of the pack's names names none). */
static bool S_heading_names(const namer *nm, const unsigned char *known,
                            size_t p, size_t s) {
  const tmpl_section *ts = &nm->ctx->pack->sections[s];
  return known[p] &&
         (S_names_equal(S_heading_key(nm->ctx, p), ts->key_title,
                        ts->alias_keys, ts->naliases) ||
          S_contained(nm, p, s));
}

/* Whether heading d lies under a heading that names the section that
 * section s is "not_under" in the pack: "### Key metrics for data
 * pipelines" under "## Monitoring" are the metrics monitoring watches,
 * not the design's success metrics. */
static bool S_under_other(const namer *nm, const unsigned char *known,
                          size_t d, size_t s) {
  const lint_ctx *ctx = nm->ctx;
  ptrdiff_t o = ctx->pack->sections[s].not_under;
  if (o < 0)
    return false;
  for (ptrdiff_t p = ctx->ol->sections[d].parent;
       p >= 0 && !ctx->ol->sections[p].is_title; p = ctx->ol->sections[p].parent)
    if (S_heading_names(nm, known, (size_t)p, (size_t)o))
      return true;
  return false;
}

/* Whether section p opens a chapter of a document made of parts: the
 * first heading of a part after the first. */
static bool S_chapter_head(const namer *nm, size_t p) {
  return nm->part && p > 0 && nm->part[p] != nm->part[p - 1];
}

static unsigned S_evidence_at(lint_ctx *ctx, size_t s, size_t d);
static bool S_by_content_ok(const ddlint_pack *pk, size_t s);

/* Whether heading d, naming section s only generically, sits in a chapter
 * of a document made of parts whose headings above it do not name s, and
 * shows nothing of s (no evidence item) to be s all the same: it
 * is about the chapter's subject. "## Introduction" in a chapter "# Word
 * embeddings" introduces word embeddings, "## Key components" in "# Sample
 * size" are the sample size's; "## Components" in "# Runtime on the head
 * unit", naming services and their calls, are the system's. */
static bool S_borrowed_name(const namer *nm, const unsigned char *known,
                            size_t d, size_t s) {
  const lint_ctx *ctx = nm->ctx;
  const outline *ol = ctx->ol;
  if (!S_generic_only(nm, d, s))
    return false;
  if (!ctx->nparts)
    return s > 0 && S_by_content_ok(ctx->pack, s) &&
           S_evidence_at(nm->ctx, s, d) < 1;
  bool in_chapter = false;
  for (ptrdiff_t p = ol->sections[d].parent; p >= 0 && !ol->sections[p].is_title;
       p = ol->sections[p].parent) {
    if (S_heading_names(nm, known, (size_t)p, s))
      return false;
    in_chapter = in_chapter || S_chapter_head(nm, (size_t)p);
  }
  return in_chapter && (!S_by_content_ok(ctx->pack, s) ||
                        S_evidence_at(nm->ctx, s, d) < 1);
}

typedef struct {
  const char *key;
  size_t part, d;
} keyed_heading;

static int S_keyed_cmp(const void *a, const void *b) {
  const keyed_heading *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c)
    return c;
  return (x->part > y->part) - (x->part < y->part);
}

/* In a document made of parts, a heading that recurs in FURNITURE_PARTS
 * parts or more is the chapters' furniture ("## Introduction", "##
 * Summary", "## Key Takeaways" in every chapter of a guide): past the
 * first two parts that hold headings (an index's and the first chapter's
 * introduce the whole) it names no template section (known[d] = 0,
 * nm->furniture[d] = 1), though its text is read like any other. */
#define FURNITURE_PARTS 3
static void S_unknown_furniture(namer *nm, unsigned char *known) {
  const lint_ctx *ctx = nm->ctx;
  const outline *ol = ctx->ol;
  if (!nm->part || ctx->nparts < FURNITURE_PARTS)
    return;
  keyed_heading *kh = xcalloc(ol->nsections + 1, sizeof *kh);
  size_t n = 0, first = SIZE_MAX, second = SIZE_MAX;
  for (size_t d = 0; d < ol->nsections; d++) {
    if (ol->sections[d].is_title)
      continue;
    if (first == SIZE_MAX)
      first = nm->part[d];
    else if (second == SIZE_MAX && nm->part[d] != first)
      second = nm->part[d];
    if (known[d])
      kh[n++] = (keyed_heading){S_heading_key(ctx, d), nm->part[d], d};
  }
  qsort(kh, n, sizeof *kh, S_keyed_cmp);
  for (size_t i = 0, j; i < n; i = j) {
    size_t parts = 0;
    for (j = i; j < n && strcmp(kh[j].key, kh[i].key) == 0; j++)
      parts += j == i || kh[j].part != kh[j - 1].part;
    for (size_t k = i; k < j && parts >= FURNITURE_PARTS; k++)
      if (kh[k].part != first && kh[k].part != second) {
        known[kh[k].d] = 0;
        nm->furniture[kh[k].d] = 1;
      }
  }
  free(kh);
}

/* The first head word of a record's or a slide's sentence heading, past its
 * numbered label of one or two words before a colon ("ADR-002: Labels come
 * from ...", "Slide 9: ...", "D4: ..."), or NULL: where there is no such
 * label (a long heading that is just a sentence, "Features we cut from the
 * first release because ..."), and where the sentence asks ("Why we chose
 * ..."). */
static char *S_subject(const char *text) {
  const char *colon = strchr(text, ':');
  if (!colon || colon - text > 24)
    return NULL;
  size_t words = 0;
  bool digit = false;
  for (const char *p = text; p < colon; p++) {
    digit |= *p >= '0' && *p <= '9';
    words += *p != ' ' && (p == text || p[-1] == ' ');
  }
  if (!digit || words > 2)
    return NULL;
  text = colon + 1;
  while (*text == ' ' || *text == '\t' || *text == '*' || *text == '_')
    text++;
  static const char *const ask[] = {"why ",   "how ",   "what ",  "when ",
                                    "where ", "which ", "who ",   "whether ",
                                    "should ", "can ",  "do ",    "does ",
                                    "is ",    "are ",   NULL};
  for (int k = 0; ask[k]; k++)
    if (strncasecmp(text, ask[k], strlen(ask[k])) == 0)
      return NULL;
  char *heads = title_heads(text, true);
  char *sp = strchr(heads, ' ');
  if (sp)
    *sp = '\0';
  if (!*heads) {
    free(heads);
    return NULL;
  }
  return heads;
}

static void S_namer_init(namer *nm, lint_ctx *ctx, const unsigned char *known,
                         bool head_nouns) {
  const ddlint_pack *pk = ctx->pack;
  const outline *ol = ctx->ol;
  nm->ctx = ctx;
  nm->hf = xcalloc(ol->nsections + 1, sizeof(heading_form));
  nm->ignore = xcalloc(ol->nsections + 1, 1);
  nm->contained = xcalloc((ol->nsections + 1) * (pk->nsections + 1), 1);
  for (size_t d = 0; d < ol->nsections; d++) {
    const block *bl = &ctx->md->blocks[ol->sections[d].block];
    if (!known[d] || !bl->norm)
      continue;
    nm->hf[d].phrase = title_phrase(bl->norm);
    nm->hf[d].heads = title_heads(bl->text ? bl->text : "", head_nouns);
    nm->hf[d].words = title_key_words(nm->hf[d].phrase);
    if (head_nouns && nm->hf[d].words > 8 && nm->hf[d].words <= 16 &&
        bl->text)
      nm->hf[d].subject = S_subject(bl->text);
  }
  nm->furniture = xcalloc(ol->nsections + 1, 1);
  nm->part = NULL;
  if (ctx->nparts) {
    /* doc_part_of() for every heading in one forward walk: headings are in
     * offset order (a document of many parts and headings stays linear) */
    nm->part = xcalloc(ol->nsections + 1, sizeof(size_t));
    size_t first = SIZE_MAX, found = SIZE_MAX, k = 0;
    for (size_t d = 0; d < ol->nsections; d++) {
      for (; k < ctx->nparts; k++) {
        if (ctx->parts[k].missing)
          continue;
        if (first == SIZE_MAX)
          first = k;
        if (ctx->parts[k].base > ol->sections[d].start)
          break;
        found = k;
      }
      nm->part[d] = found != SIZE_MAX ? found : first != SIZE_MAX ? first : 0;
    }
  }
  nm->nf = xcalloc(pk->nsections + 1, sizeof(name_forms));
  for (size_t s = 0; s < pk->nsections; s++) {
    nm->nf[s].phrase = pk->sections[s].name_phrases;
    nm->nf[s].words = pk->sections[s].name_words;
    nm->nf[s].mask = pk->sections[s].name_masks;
  }
  /* a heading that opens with a gerund over its object is about what the
   * gerund names when that is a section's own one-word name: "Measuring
   * the pilot" is the metrics, "Monitoring the model" the monitoring; not
   * a generic name ("Designing the intent taxonomy" designs a taxonomy),
   * and not otherwise ("Choosing the model" is about the model) */
  for (size_t d = 0; d < ol->nsections && head_nouns; d++) {
    const block *bl = &ctx->md->blocks[ol->sections[d].block];
    if (!nm->hf[d].heads || !bl->text)
      continue;
    char *g = title_gerund_head(bl->text);
    bool named = false;
    for (size_t s = 0; g && s < pk->nsections && !named; s++)
      for (size_t k = 0; k < pk->sections[s].nnames && !named; k++)
        named = nm->nf[s].words[k] == 1 &&
                strcmp(nm->nf[s].phrase[k], g) == 0 &&
                !S_generic_key(pk, nm->nf[s].phrase[k]);
    if (named) {
      /* the gerund stands for its conjunct's head only: "Monitoring the
       * model and labelling the data" keeps "data" */
      const char *rest = strchr(nm->hf[d].heads, ' ');
      char *h = xasprintf("%s%s", g, rest ? rest : "");
      free(nm->hf[d].heads);
      free(g);
      nm->hf[d].heads = h;
    } else {
      free(g);
    }
  }
  for (size_t d = 0; d < ol->nsections; d++) {
    nm->hf[d].phrase_mask = title_word_mask(nm->hf[d].phrase);
    nm->hf[d].heads_mask = title_word_mask(nm->hf[d].heads);
  }
}

static void S_namer_free(namer *nm) {
  for (size_t d = 0; d < nm->ctx->ol->nsections; d++) {
    free(nm->hf[d].phrase);
    free(nm->hf[d].heads);
    free(nm->hf[d].subject);
  }
  free(nm->hf);
  free(nm->part);
  free(nm->furniture);
  free(nm->ignore);
  free(nm->contained);
  free(nm->nf);
}

/* Whether heading d is a metadata block, revision history or the like
 * (the pack's not_evidence): never a section, never evidence. */
static bool S_not_evidence_uncached(const namer *nm, size_t d);
/* The memo's tag for not_evidence verdicts (near misses use section
 * indexes). */
#define MEMO_NOT_EVIDENCE ((size_t)-2)

static bool S_not_evidence(const namer *nm, size_t d) {
  if (!nm->ignore[d]) {
    /* by the heading's text: a generated or templated document repeats
     * its headings thousands of times */
    const block *bl = &nm->ctx->md->blocks[nm->ctx->ol->sections[d].block];
    title_memo *memo = nm->ctx->pack->near_memo;
    double v;
    if (bl->norm && memo && title_memo_get(memo, bl->norm, MEMO_NOT_EVIDENCE, &v))
      nm->ignore[d] = v > 0 ? 2 : 1;
    else {
      nm->ignore[d] = S_not_evidence_uncached(nm, d) ? 2 : 1;
      if (bl->norm && memo)
        title_memo_put(memo, bl->norm, MEMO_NOT_EVIDENCE,
                       nm->ignore[d] == 2 ? 1 : 0);
    }
  }
  return nm->ignore[d] == 2;
}

/* Whether normalised heading text norm fits not_evidence entry e of the
 * form "pre * post" ("how * do it"): it opens with pre's words, ends with
 * post's, and the star stands for one to four words, none of them the
 * author's own side ("How Acme and Globex do it" is someone else's design,
 * "How we do it" and "How our team does it" are not). */
static bool S_wild_heading(const char *norm, const char *e) {
  /* the author's side, or a thing of the design itself: "How this
   * service does it", "How the ranker does it" */
  static const char *const own[] = {"we",   "i",    "you",  "us",    "our",
                                    "your", "me",   "my",   "ours",  "yours",
                                    "mine", "this", "that", "these", "the",
                                    "it",   "its",  NULL};
  const char *star = strchr(e, '*');
  /* (past an appendix's name: "Appendix A: What Acme published about
   * their detector") */
  if (strncmp(norm, "appendix ", 9) == 0) {
    const char *sp = strchr(norm + 9, ' ');
    if (sp && sp - (norm + 9) <= 4)
      norm = sp + 1;
  }
  size_t pre = (size_t)(star - e), n = strlen(norm);
  while (pre && e[pre - 1] == ' ')
    pre--;
  const char *post = star + 1;
  while (*post == ' ')
    post++;
  size_t postn = strlen(post);
  /* "what * published *": the words after the first star may be followed
   * by anything */
  bool open_tail = postn >= 2 && strcmp(post + postn - 2, " *") == 0;
  if (open_tail)
    postn -= 2;
  if (pre && (strncmp(norm, e, pre) != 0 || norm[pre] != ' '))
    return false;
  size_t from = pre ? pre + 1 : 0, to = n;
  if (postn && !open_tail) {
    if (n < from + postn + 1 || strcmp(norm + n - postn, post) != 0 ||
        norm[n - postn - 1] != ' ')
      return false;
    to = n - postn - 1;
  }
  size_t words = 0;
  for (size_t i = from; i < to;) {
    while (i < to && norm[i] == ' ')
      i++;
    /* (an open tail ends the star's words where its words come) */
    if (open_tail && words >= 1 && strncmp(norm + i, post, postn) == 0 &&
        (norm[i + postn] == ' ' || norm[i + postn] == '\0'))
      return true;
    size_t w = i;
    while (i < to && norm[i] != ' ')
      i++;
    if (i == w)
      break;
    if (++words > 4)
      return false;
    for (int k = 0; own[k]; k++)
      if (strlen(own[k]) == i - w && strncmp(norm + w, own[k], i - w) == 0)
        return false;
  }
  return words >= 1 && !open_tail;
}

static bool S_not_evidence_uncached(const namer *nm, size_t d) {
  const ddlint_pack *pk = nm->ctx->pack;
  const heading_form *h = &nm->hf[d];
  char *phrase = NULL;
  const char *ph = h->phrase;
  if (!pk->nnot_evidence)
    return false;
  const block *hb = &nm->ctx->md->blocks[nm->ctx->ol->sections[d].block];
  for (size_t i = 0; i < pk->nnot_evidence && hb->norm; i++)
    if (pk->not_evidence_wild[i] &&
        S_wild_heading(hb->norm, pk->not_evidence[i]))
      return true;
  if (!ph) {
    const block *bl = &nm->ctx->md->blocks[nm->ctx->ol->sections[d].block];
    if (!pk->nnot_evidence || !bl->norm || !bl->key)
      return false;
    /* cheap first: every word of some entry must be in the heading (its
     * words' bits among the heading's first) */
    bool maybe = false;
    uint64_t km = title_word_mask(bl->key);
    for (size_t i = 0; i < pk->nnot_evidence && !maybe; i++)
      maybe = !pk->not_evidence_wild[i] &&
              (pk->not_evidence_masks[i] & ~km) == 0 &&
              title_key_contains(bl->key, pk->not_evidence[i]);
    if (!maybe)
      return false;
    ph = phrase = title_phrase(bl->norm);
  }
  bool hit = false;
  for (size_t i = 0; i < pk->nnot_evidence && !hit; i++) {
    const char *n = pk->not_evidence[i];
    if (pk->not_evidence_wild[i])
      continue; /* judged above */
    /* a run of the phrase's words is a substring of it: strstr() first */
    hit = strcmp(ph, n) == 0 ||
          (strchr(n, ' ') && strstr(ph, n) && title_phrase_contains(ph, n));
  }
  free(phrase);
  return hit;
}

/* Whether a title names its own subject after a colon or a dash, with two
 * words or more: "Case Study 4: Nightly Demand Forecasts for Fresh
 * Produce" is a document about that system, as its author's design, where
 * "Case Studies in Content Moderation" collects other people's. */
static bool S_title_names_subject(const char *t) {
  static const char *const seps[] = {": ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
                                     " - ", NULL};
  for (int i = 0; t && seps[i]; i++) {
    const char *p = strstr(t, seps[i]);
    if (!p)
      continue;
    size_t words = 0;
    for (p += strlen(seps[i]); *p; p++)
      words += !isspace((unsigned char)*p) &&
               (words == 0 || isspace((unsigned char)p[-1]));
    if (words >= 2)
      return true;
  }
  return false;
}

/* Whether heading d, a not_evidence heading, opens with one of the pack's
 * entries ("Case-Study Notes" opens with "case study") and names no
 * subject of its own after them. For the title: then the document is
 * someone else's designs. */
static bool S_not_evidence_opens(const namer *nm, size_t d) {
  const ddlint_pack *pk = nm->ctx->pack;
  const block *bl = &nm->ctx->md->blocks[nm->ctx->ol->sections[d].block];
  if (!bl->norm)
    return false;
  char *ph = title_phrase(bl->norm);
  bool hit = false;
  for (size_t i = 0; i < pk->nnot_evidence && !hit; i++) {
    const char *n = pk->not_evidence[i];
    size_t len = strlen(n);
    hit = pk->not_evidence_wild[i] ? S_wild_heading(bl->norm, n)
                         : strncmp(ph, n, len) == 0 &&
                               (ph[len] == '\0' || ph[len] == ' ');
  }
  free(ph);
  return hit && !S_title_names_subject(bl->text);
}

/* Whether the pack gives evidence terms for some section: it then opts into
 * reading content (see match_document). */
static bool S_pack_reads_content(const ddlint_pack *pk) {
  for (size_t s = 0; s < pk->nsections; s++)
    if (pk->sections[s].nevidence)
      return true;
  return false;
}

/* ---- Content: what counts as saying something. ---- */

static bool S_is_content(const block *bl) {
  return bl->kind == BLOCK_PARAGRAPH || bl->kind == BLOCK_CODE ||
         bl->kind == BLOCK_HTML || bl->kind == BLOCK_TABLE;
}

static bool S_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Drops markup, brackets and punctuation from both ends of s[0..n). */
static void S_trim_marks(const char **s, size_t *n) {
  static const char marks[] = " \t\r\n*_:-[]()\"'`.,;!?>|";
  /* ... and a callout's emoji or symbol before them: "🚧 TBD — waiting
   * on Legal", "⚠️ TODO" (a four-byte emoji, a three-byte symbol, a
   * variation selector) */
  for (;;) {
    const unsigned char *u = (const unsigned char *)*s;
    size_t skip = 0;
    if (*n && strchr(marks, **s))
      skip = 1;
    else if (*n >= 4 && u[0] == 0xF0)
      skip = 4;
    else if (*n >= 3 && (u[0] == 0xE2 || (u[0] == 0xEF && u[1] == 0xB8)))
      skip = 3;
    if (!skip)
      break;
    *s += skip;
    *n -= skip;
  }
  for (;;) {
    while (*n && strchr(" \t\r\n", (*s)[*n - 1]))
      (*n)--;
    /* an HTML comment at the end is hidden: "_To be written._ <!-- do
     * we even log this? -->" */
    if (*n < 7 || memcmp(*s + *n - 3, "-->", 3) != 0) {
      while (*n && strchr(marks, (*s)[*n - 1]))
        (*n)--;
      break;
    }
    const char *open = NULL;
    for (size_t i = 0; i + 4 <= *n - 3; i++)
      if (memcmp(*s + i, "<!--", 4) == 0)
        open = *s + i; /* the last one */
    if (!open || open == *s) {
      while (*n && strchr(marks, (*s)[*n - 1]))
        (*n)--;
      break;
    }
    *n = (size_t)(open - *s);
  }
}

/* Whether s[0..n) says nothing but "TBD", "[NO INFO]", "N/A", "-", "?". */
static bool S_placeholder_text(const char *s, size_t n) {
  static const char *const ph[] = {
      "no info",     "tbd",         "tba",        "tbc",      "todo",
      "n/a",         "na",          "none",       "unknown",  "pending",
      "fixme",       "xxx",         "to be decided", "to be determined",
      "to be defined", "to do",     "not applicable", "nothing yet",
      "coming soon", "...",         "to be written", "to be filled in",
      "to be added", "to come",     "will be added", "fill in",
      "placeholder", "later",       "to follow",  "coming later",
      NULL};
  S_trim_marks(&s, &n);
  if (!n)
    return true;
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
    s += 3; /* an en or em dash, an ellipsis */
    n -= 3;
    return n == 0;
  }
  /* (longer than any placeholder and its qualifier, but for a note of
   * what is still to write and why: "To be written with IT; they're
   * deciding on the new data platform this quarter") */
  static const char *const unwritten[] = {"to be written ", "to be added ",
                                         "to be filled in ", "tbd ",
                                         "todo ", NULL};
  bool note = false;
  for (int i = 0; unwritten[i] && !note; i++)
    note = n > strlen(unwritten[i]) &&
           strncasecmp(s, unwritten[i], strlen(unwritten[i])) == 0;
  if (n > (note ? 160 : 48))
    return false;
  for (int i = 0; ph[i]; i++)
    if (strlen(ph[i]) == n && strncasecmp(ph[i], s, n) == 0)
      return true;
  /* ... for now: "N/A for the pilot", "TBD for v1", "None yet" */
  static const char *const when[] = {
      "yet",           "for now",       "for the pilot", "for the mvp",
      "for the poc",   "for v1",        "in v1",         "for the prototype",
      "for the first release", "at this stage", "at the moment", "for this phase",
      "in the pilot",  "during the pilot", NULL};
  for (int i = 0; ph[i] && n <= (note ? 160 : 48); i++) {
    /* (short: "TBD for v1") */
    size_t l = strlen(ph[i]);
    if (n <= l + 1 || strncasecmp(ph[i], s, l) != 0 ||
        !(s[l] == ' ' || s[l] == ',' || s[l] == '\t'))
      continue;
    const char *r = s + l;
    size_t m = n - l;
    S_trim_marks(&r, &m);
    for (int k = 0; when[k]; k++)
      if (strlen(when[k]) == m && strncasecmp(when[k], r, m) == 0)
        return true;
    /* ... until something happens: "To be added after this review",
     * "TBD once the pilot data is in" (a few words, one clause) */
    /* ... or with whom: "To be written with Data Platform", "TBD with
     * Ops" */
    /* ... or with a note in parentheses of who does it: "TBD (Sam to
     * propose)", "TBD (owner: Ops)" (one short parenthesis, the whole
     * rest) */
    {
      const char *q = s + l;
      size_t qn = n - l;
      while (qn && (*q == ' ' || *q == '\t'))
        q++, qn--;
      while (qn && strchr(" \t.*_", q[qn - 1]))
        qn--;
      /* (its closing mark may be gone with the trimmed marks) */
      if (qn && q[qn - 1] == ')')
        qn--;
      if (qn >= 2 && q[0] == '(' && qn <= 40 &&
          !memchr(q + 1, '(', qn - 1) && !memchr(q + 1, ')', qn - 1)) {
        size_t words = 1;
        for (size_t j = 1; j < qn; j++)
          words += q[j] == ' ';
        if (words <= 5)
          return true;
      }
    }
    static const char *const until[] = {"after ", "once ", "until ",
                                        "before ", "with ", NULL};
    for (int k = 0; until[k]; k++) {
      size_t u = strlen(until[k]);
      if (m <= u || strncasecmp(until[k], r, u) != 0)
        continue;
      size_t words = 1;
      bool clause = true;
      for (size_t j = u; j < m && clause; j++) {
        words += r[j] == ' ';
        clause = !strchr(".;:!?", r[j]);
      }
      if (clause && words <= 5)
        return true;
      /* ... and a short reason after it: "To be written with IT;
       * they're deciding on the new data platform this quarter" (the
       * clause of five words at most, the whole under twenty) */
      if (!clause && words <= 6 && note) {
        size_t all = 1;
        for (size_t j = u; j < m; j++)
          all += r[j] == ' ' || r[j] == '\n';
        if (all <= 20)
          return true;
      }
    }
  }
  return false;
}

/* Whether s[0..n) holds nothing but markup and punctuation. */
static bool S_blank_rest(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (S_alnum(s[i]))
      return false;
  return true;
}

/* Whether s[0..n) marks text still to be written, in any template:
 * "TBD", "To be written.", "TODO: describe the sources". "None." and
 * "N/A" are not: they answer "Unresolved questions" in an RFC. */
static size_t S_count_words(const char *t, size_t start, size_t end,
                            size_t max);
static bool S_unfinished_text(const char *s, size_t n) {
  /* a note to self in parentheses: "(look at how the big ad papers do
   * it)", "(check with SRE)" */
  {
    const char *p = s;
    size_t m = n;
    while (m && strchr(" \t\r\n", *p))
      p++, m--;
    while (m && strchr(" \t\r\n", p[m - 1]))
      m--;
    /* ... or a slot to fill in angle or square brackets, in emphasis or
     * not: "_<fill in: where the training messages come from, ...>_",
     * "[Describe the rollout here]" */
    {
      const char *q = p;
      size_t r = m;
      while (r && (*q == '_' || *q == '*'))
        q++, r--;
      while (r && (q[r - 1] == '_' || q[r - 1] == '*'))
        r--;
      static const char *const fill[] = {"fill in", "fill", "add ",
                                         "insert", "describe", "write ",
                                         "explain", "todo", "tbd", "tbc",
                                         "placeholder", "to be written",
                                         "to be filled", NULL};
      if (r > 4 && ((q[0] == '<' && q[r - 1] == '>') ||
                    (q[0] == '[' && q[r - 1] == ']')) &&
          !memchr(q + 1, q[r - 1], r - 2))
        for (int i = 0; fill[i]; i++)
          if (r - 2 > strlen(fill[i]) &&
              strncasecmp(q + 1, fill[i], strlen(fill[i])) == 0 &&
              (fill[i][strlen(fill[i]) - 1] == ' ' ||
               !S_alnum(q[1 + strlen(fill[i])])))
            return true;
    }
    static const char *const todo[] = {"look at ", "look into ", "check ",
                                       "ask ",     "read up",    "figure out",
                                       "find out", "see how ",   "decide ",
                                       "confirm ", "follow up",  NULL};
    if (m > 2 && p[0] == '(' && p[m - 1] == ')' && !memchr(p + 1, ')', m - 2)) {
      for (int i = 0; todo[i]; i++)
        if (m - 1 > strlen(todo[i]) &&
            strncasecmp(p + 1, todo[i], strlen(todo[i])) == 0)
          return true;
      /* ... or handed to someone: "(Jonah to write this up.)" */
      static const char *const verbs[] = {"write", "fill", "add", "draft",
                                          "finish", "complete", "look",
                                          "check", "own", NULL};
      size_t w = 1;
      /* (a short note, six words at most, not "(Agents to add feedback
       * with a thumbs-down button; every shown ...)") */
      if (p[1] >= 'A' && p[1] <= 'Z' && S_count_words(p, 0, m, 7) <= 6) {
        while (w < m && S_alnum(p[w]))
          w++;
        if (w + 4 < m && strncmp(p + w, " to ", 4) == 0)
          for (int i = 0; verbs[i]; i++) {
            size_t l = strlen(verbs[i]);
            if (w + 4 + l < m && strncasecmp(p + w + 4, verbs[i], l) == 0 &&
                !S_alnum(p[w + 4 + l]))
              return true;
          }
      }
    }
  }
  static const char *const ph[] = {
      "no info",       "tbd",          "tba",          "tbc",
      "todo",          "to do",        "fixme",        "xxx",
      "to be decided", "to be determined", "to be defined", "to be written",
      "to be filled in", "to be added", "to come",     "will be added",
      "coming soon",   "fill in",      "placeholder",  "...",
      "to write",      "still to write", "to fill in", "not started",
      "not started yet", "not written yet",
      NULL};
  S_trim_marks(&s, &n);
  if (!n)
    return false; /* punctuation alone is for S_placeholder_text() */
  for (int i = 0; ph[i] && n <= 32; i++) /* (none is longer than 32) */
    if (strlen(ph[i]) == n && strncasecmp(ph[i], s, n) == 0)
      return true;
  /* a to-do note: "TODO: describe the sources", "TBD - ask the data team" */
  static const char *const lead[] = {"TODO", "TBD", "FIXME", "XXX", NULL};
  for (int i = 0; lead[i]; i++) {
    size_t l = strlen(lead[i]);
    if (n > l && strncmp(s, lead[i], l) == 0 && !S_alnum(s[l]))
      return true;
  }
  /* a short sentence whose subject is a to-do mark, with no number of its
   * own: "Rollout plan TBD with dispatch ops."; not "p99 under 200 ms
   * (TBC with SRE)", "Predict delivery time. TBD: the regions." (a note
   * on a text) or "See the spec (link TBD)." */
  if (S_count_words(s, 0, n, 9) <= 8) {
    bool mark = false, comma = false;
    size_t paren = 0;
    for (size_t i = 0; i < n; i++) {
      /* (a mark after a comma leaves one detail open: "Weekly PSI drift
       * alerts, threshold TBD.") */
      comma |= s[i] == ',';
      if ((s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == ';' ||
          ((s[i] == '.' || s[i] == '?' || s[i] == '!') && i + 1 < n &&
           !strchr(".?!", s[i + 1])))
        return false;
      paren += s[i] == '(';
      paren -= paren && s[i] == ')';
      if (paren || (i > 0 && S_alnum(s[i - 1])))
        continue;
      /* (right after a comma, the mark is the rest of a list of names:
       * "Drift, latency, alerting, TBD.") */
      size_t pv = i;
      while (pv > 0 && s[pv - 1] == ' ')
        pv--;
      bool listed = pv > 0 && s[pv - 1] == ',';
      for (int k = 0; lead[k] && !mark && (!comma || listed); k++) {
        size_t l = strlen(lead[k]);
        mark = i + l <= n && strncmp(s + i, lead[k], l) == 0 &&
               (i + l == n || !S_alnum(s[i + l]));
      }
    }
    if (mark)
      return true;
  }
  /* ... and "Placeholder - Platform team to fill in after kickoff", not
   * "Placeholder values are replaced" */
  if (n > 11 && strncasecmp(s, "placeholder", 11) == 0) {
    size_t i = 11;
    if (i < n && s[i] == ':')
      return true;
    while (i < n && s[i] == ' ')
      i++;
    /* a dash after a space: " - ", an en or em dash; not "Placeholder-
     * filled", "Placeholder's" */
    if (i > 11 && i < n &&
        (s[i] == '-' || ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
                         (unsigned char)s[i + 1] == 0x80 &&
                         ((unsigned char)s[i + 2] == 0x93 ||
                          (unsigned char)s[i + 2] == 0x94))))
      return true;
  }
  return false;
}

/* Label block bl's text as t[0..n) and where its label ends (*at); false
 * when bl has no label, or it cannot be found in the text. */
static bool S_label_rest(const lint_ctx *ctx, const block *bl, const char **t,
                         size_t *n, size_t *at) {
  if (!bl->label)
    return false;
  *t = ctx->src->text + bl->start;
  *n = bl->end - bl->start;
  const char *lab = bytes_find(*t, *n, bl->label);
  if (!lab)
    return false;
  *at = (size_t)(lab - *t) + strlen(bl->label);
  return true;
}

/* Whether label block bl has only a placeholder after its label:
 * "- **Data sources**: [NO INFO]", "Ownership: TBD." */
static bool S_label_placeholder(const lint_ctx *ctx, const block *bl) {
  const char *t;
  size_t n, at;
  if (!S_label_rest(ctx, bl, &t, &n, &at))
    return false;
  /* "* Offline metrics" over nested items is a label with content */
  /* "- Data sources: [NO INFO]"; a bare "* MRR" is content */
  return !S_blank_rest(t + at, n - at) && S_placeholder_text(t + at, n - at);
}

/* Whether t[*start, *end), white space trimmed off (the bounds left
 * trimmed), is one span of emphasis and nothing else: "_..._" or "*...*",
 * closing only at its end, in one paragraph. */
static bool S_one_emphasis(const char *t, size_t *start, size_t *end) {
  size_t s = *start, e = *end;
  while (s < e && strchr(" \t\r\n", t[s]))
    s++;
  while (e > s && strchr(" \t\r\n", t[e - 1]))
    e--;
  *start = s;
  *end = e;
  if (e - s < 4 || (t[s] != '_' && t[s] != '*') || t[e - 1] != t[s] ||
      t[s + 1] == t[s])
    return false;
  for (size_t i = s + 1; i < e - 1; i++)
    if (t[i] == t[s] || (t[i] == '\n' && i + 1 < e && t[i + 1] == '\n'))
      return false; /* emphasis that closes before the end, a new paragraph */
  return true;
}

/* Whether t[start, end) is a template's guidance left in: a paragraph in
 * emphasis throughout whose every sentence is a question ("_How will you
 * know the system works after launch? What is the rollback plan?_"). It
 * asks for the section; it covers nothing. A question that a paragraph
 * goes on to answer, or one in plain text, is the author's own. */
static bool S_guidance_questions(const char *t, size_t start, size_t end) {
  if (!S_one_emphasis(t, &start, &end))
    return false;
  bool question = false;
  for (size_t i = start + 1; i < end - 1; i++) {
    bool stop = (t[i] == '.' || t[i] == '!' || t[i] == '?') &&
                (strchr(" \t\r\n", t[i + 1]) || i + 1 == end - 1);
    if (stop && t[i] != '?')
      return false; /* a statement among them */
    question |= stop;
  }
  return question && t[end - 2] == '?';
}

/* Whether t[start, end) is one span of emphasis and nothing else, of up
 * to 60 words, that speaks to the author: a sentence opening with an
 * instruction ("*Describe how predictions are turned into actions ...*",
 * "*... Add a diagram if helpful.*"), or a question together with "you"
 * ("*Rollout plan (shadow? A/B?), what dashboards and alerts you will set
 * up ...*"). A team template's prompt, not an answer. */
static bool S_guidance_prompt(const char *t, size_t start, size_t end) {
  if (!S_one_emphasis(t, &start, &end) ||
      S_count_words(t, start, end, 61) > 60)
    return false;
  static const char *const verbs[] = {
      "describe",  "explain", "add",    "include", "outline", "summarise",
      "summarize", "specify", "define", "fill in",
      /* "_Draw the components and describe the request flow._", "_Insert
       * diagram here._", "_List the sources and owners._" */
      "draw",      "insert",  "list",   "provide", "sketch",  "identify",
      "document",  "state",   "paste",  "attach",  NULL};
  bool question = false, you = false, we = false;
  for (size_t i = start + 1; i + 1 < end; i++) {
    question |= t[i] == '?';
    if (S_alnum(t[i - 1]) || !S_alnum(t[i]))
      continue;
    /* a word's start: "you"/"your", or an instruction opening a sentence */
    size_t w = i;
    while (w < end && S_alnum(t[w]))
      w++;
    if ((w - i == 3 && strncasecmp(t + i, "you", 3) == 0) ||
        (w - i == 4 && strncasecmp(t + i, "your", 4) == 0))
      you = true;
    /* (the author's own voice: "Would you trust it? We log ...") */
    if ((w - i == 2 && (strncasecmp(t + i, "we", 2) == 0 ||
                        strncasecmp(t + i, "our", 2) == 0)) ||
        (w - i == 3 && strncasecmp(t + i, "our", 3) == 0) ||
        (w - i == 1 && t[i] == 'I'))
      we = true;
    size_t p = i;
    while (p > start && strchr(" \t\r\n", t[p - 1]))
      p--;
    bool opens = p == start + 1 || strchr(".?!", t[p - 1]);
    /* an instruction: the verb, a space, a lower-case word ("Describe
     * how", "Add a diagram"), not "Add-on:" */
    for (int k = 0; opens && verbs[k]; k++) {
      size_t l = strlen(verbs[k]);
      if (i + l + 1 < end && strncasecmp(t + i, verbs[k], l) == 0 &&
          t[i + l] == ' ' && t[i + l + 1] >= 'a' && t[i + l + 1] <= 'z')
        return true;
    }
  }
  return question && you && !we;
}

/* Whether t[start, end) is one span of emphasis and nothing else, of up
 * to 25 words: a team template's hint ("*How are scores turned into
 * actions? Ranking, thresholds, caps.*", "*Accuracy drift, latency,
 * system health*"). */
static bool S_emphasis_only(const char *t, size_t start, size_t end) {
  return S_one_emphasis(t, &start, &end) &&
         S_count_words(t, start, end, 26) <= 25;
}

static bool S_opens_deferral(const char *t, size_t start, size_t end);
static bool S_sentence_defers(const char *t, size_t start, size_t end);
static bool S_sentence_excludes(const char *t, size_t start, size_t end);
static size_t S_first_sentence_end(const char *t, size_t start, size_t end);
static size_t S_past_tags(const char *t, size_t start, size_t end);
static bool S_prose_block(const lint_ctx *ctx, const block *bl);
/* S_label_rest(), with *at past the marks after the label ("**Labels**:
 * to be decided"); false when nothing follows them. */
static bool S_label_said(const lint_ctx *ctx, const block *bl,
                         const char **t, size_t *n, size_t *at) {
  if (!S_label_rest(ctx, bl, t, n, at))
    return false;
  while (*at < *n && strchr(" \t\r\n*_:.-", (*t)[*at]))
    (*at)++;
  return *at < *n;
}

/* Whether the first sentence of t[start, end), of 14 words at most,
 * leaves the subject to whatever a platform does by default: "we will rely
 * on the platform defaults", "Whatever the classifier platform gives us by
 * default." (not "We rely on the platform's drift monitor", which names
 * what is watched). */
static bool S_has_phrase(const char *t, size_t start, size_t end,
                         const char *p);
static bool S_has_any_phrase(const char *t, size_t start, size_t end,
                             const char *const *list);
static bool S_leaves_to_defaults(const char *t, size_t start, size_t end) {
  size_t e = start;
  while (e < end && !(strchr(".!?;", t[e]) &&
                      (e + 1 >= end || t[e + 1] == ' ' || t[e + 1] == '\n')))
    e++;
  if (S_count_words(t, start, e, 15) > 14)
    return false;
  /* (a sentence that does not say "default" or "defaults" leaves nothing
   * to them, whatever it relies on: asked first, it spares the phrases) */
  if (!S_has_phrase(t, start, e, "default") &&
      !S_has_phrase(t, start, e, "defaults"))
    return false;
  /* the defaults are what is relied on, not a word on the way: "We rely
   * on default Vertex AI alerts for feature drift" names what is watched */
  static const char *const leans[] = {
      "rely on the defaults",          "rely on defaults",
      "rely on the platform defaults", "rely on platform defaults",
      "rely on the platform's defaults", "relying on the defaults",
      "relying on defaults",           "relying on the platform defaults",
      "relying on platform defaults",  "leave it to the defaults",
      "leave it to defaults",          "leave it to the platform defaults",
      "rely on whatever",              "relying on whatever",
      "leave it to whatever",
      /* "We rely on the default alerts." names nothing that is watched */
      "rely on the default alerts",    "rely on default alerts",
      "rely on the default dashboards", "rely on default dashboards",
      "rely on the default monitoring", "rely on default monitoring",
      NULL};
  bool whatever = e - start >= 9 && strncasecmp(t + start, "whatever ", 9) == 0;
  for (int k = 0; leans[k] && !whatever; k++)
    whatever = S_has_phrase(t, start, e, leans[k]) &&
               (strstr(leans[k], "default") ||
                S_has_phrase(t, start, e, "default") ||
                S_has_phrase(t, start, e, "defaults"));
  return whatever && (S_has_phrase(t, start, e, "default") ||
                      S_has_phrase(t, start, e, "defaults"));
}

/* Whether label block bl puts its label's subject off: "9. Monitoring,
 * feedback and rollout." over "Not decided in this record. The SRE
 * follow-up owns dashboards ...", "- **Labels**: to be decided with the
 * vendor". What it names on the way is not planned here. */
static bool S_label_deferred(const lint_ctx *ctx, const block *bl) {
  const char *t;
  size_t n, at;
  return S_label_said(ctx, bl, &t, &n, &at) &&
         (S_opens_deferral(t, at, n) || S_leaves_to_defaults(t, at, n));
}

static bool S_opens_denial(const char *t, size_t start, size_t end);

/* Whether label block bl says after its label that the labelled thing is
 * not there: "Monitoring: no monitoring is planned for v1", "Rollback:
 * none.", not what follows from a decision ("**Consequences.** No
 * per-user computation; the app does the last step"). */
static bool S_label_denied(const lint_ctx *ctx, const block *bl) {
  const char *t;
  size_t n, at;
  if (!S_label_said(ctx, bl, &t, &n, &at) || !S_opens_denial(t, at, n))
    return false;
  /* all it says: a bare denial ("None.", "Not yet.", "Not planned for
   * v1", not "Not learned." of a rule-based step, nor "None for v1; we
   * rely on the platform's dashboards"), or one sentence of 20 words at
   * most naming the label's first word again ("no monitoring is
   * planned", not "No monitoring team exists, so the ML team owns ...") */
  size_t e = n;
  while (e > at && strchr(" \t\r\n.!*_", t[e - 1]))
    e--;
  for (size_t k = at; k < e; k++)
    if (strchr(";!?", t[k]) ||
        (t[k] == '.' && k + 1 < e && strchr(" \t\r\n", t[k + 1])) ||
        (t[k] == ',' && k + 5 < e &&
         (strncasecmp(t + k, ", so ", 5) == 0 ||
          strncasecmp(t + k, ", but", 5) == 0)))
      return false;
  static const char *const bare[] = {"none",        "nothing",
                                     "no",          "not yet",
                                     "not planned", "not needed",
                                     "not applicable", NULL};
  for (int k = 0; bare[k]; k++) {
    size_t l = strlen(bare[k]);
    /* (two words more at most, "None for v1"; "No." alone, not "No
     * per-user computation") */
    size_t most = strcmp(bare[k], "no") == 0 ? 1 : strchr(bare[k], ' ') ? 4 : 3;
    if (at + l <= e && strncasecmp(t + at, bare[k], l) == 0 &&
        (at + l == e || !S_alnum(t[at + l])) &&
        S_count_words(t, at, e, most + 1) <= most)
      return true;
  }
  const char *lab = bl->label;
  while (*lab && !S_alnum(*lab))
    lab++;
  size_t ln = 0;
  while (lab[ln] && S_alnum(lab[ln]) && ln < 5)
    ln++;
  if (ln < 4 || S_count_words(t, at, e, 21) > 20)
    return false;
  for (size_t i = at; i + ln <= e; i++)
    if ((i == 0 || !S_alnum(t[i - 1])) && strncasecmp(t + i, lab, ln) == 0)
      return true;
  return false;
}

static size_t S_count_words(const char *t, size_t start, size_t end,
                            size_t max);

/* Whether t[start, end) is one link and nothing else, past a list marker:
 * "8. [Feedback, Monitoring, and Deployment](08_feedback.md)" in a table
 * of contents or a reading list names a chapter, it does not cover it. */
static bool S_link_only(const char *t, size_t start, size_t end,
                        bool glossed) {
  size_t i = start;
  while (i < end &&
         (t[i] == ' ' || t[i] == '\t' || t[i] == '-' || t[i] == '*' ||
          t[i] == '+' || (t[i] >= '0' && t[i] <= '9') || t[i] == '.' ||
          t[i] == ')'))
    i++;
  if (i >= end || t[i] != '[')
    return false;
  size_t depth = 0, k = i;
  for (; k < end; k++) {
    if (t[k] == '[')
      depth++;
    else if (t[k] == ']' && --depth == 0)
      break;
  }
  if (k + 1 >= end || t[k + 1] != '(')
    return false;
  const char *close = memchr(t + k + 2, ')', end - k - 2);
  if (!close)
    return false;
  /* a chapter of this document (a relative path, a folder, an anchor),
   * not a source on the web ("[Orders since 2021](https://...)") */
  for (const char *c = t + k + 2; c < close; c++)
    if (*c == ':')
      return false;
  const char *p = close + 1;
  while (p < t + end && strchr(" \t\r\n.,;", *p))
    p++;
  if (p == t + end)
    return true;
  /* ... or, in a document made of parts (its index, a chapter's list of
   * the others), with a gloss of a few words after an arrow, a dash or a
   * colon: "[Vector databases](./06/README.md) → Store your embeddings";
   * not in a single file, whose "[Serving design](serving.md) — Triton on
   * GPUs behind Envoy" says something of its own */
  if (!glossed)
    return false;
  static const char *const marks[] = {"\xE2\x86\x92", "->", "\xE2\x80\x94",
                                      "\xE2\x80\x93", "-", ":"};
  for (size_t m = 0; m < sizeof marks / sizeof *marks; m++) {
    size_t n = strlen(marks[m]);
    if ((size_t)(t + end - p) > n && memcmp(p, marks[m], n) == 0)
      return S_count_words(t, (size_t)(p + n - t), end, 9) <= 8;
  }
  return false;
}

/* The offset past an outline number that opens t[start, end), bold or
 * not ("**1.5.1.1** User features: ...", "2.3) ...", "**4** ..."), else
 * start; a bare number is text ("3 TODOs remain"). */
static size_t S_past_outline_number(const char *t, size_t start, size_t end) {
  size_t i = start;
  bool bold = false, dotted = false;
  while (i < end && (t[i] == '*' || t[i] == '_'))
    i++, bold = true;
  if (i >= end || t[i] < '0' || t[i] > '9')
    return start;
  for (; i < end && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.'); i++)
    if (t[i] == '.')
      dotted = true;
  if (i < end && t[i] == ')')
    i++, dotted = true;
  while (i < end && (t[i] == '*' || t[i] == '_'))
    i++;
  if (i >= end || (t[i] != ' ' && t[i] != '\t') || !(bold || dotted))
    return start;
  while (i < end && (t[i] == ' ' || t[i] == '\t'))
    i++;
  return i;
}

/* Whether list item bl, past an outline number, says nothing but one of
 * the template's topic names ("- **1.5.1.3** Interaction features" left
 * from the template's bullets). */
static bool S_topic_name_only(const ddlint_pack *pk, const char *t,
                              const block *bl) {
  size_t start = S_past_outline_number(t, bl->start, bl->end);
  if (!bl->in_list || bl->end - start > 64)
    return false;
  char words[80];
  if (!pack_text_words(t + start, bl->end - start, words, sizeof words))
    return false;
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t k = 0; k < pk->sections[s].ntopics; k++) {
      const char *tw = pk->sections[s].topics[k].title_words;
      if (tw && strcmp(words, tw) == 0)
        return true;
    }
  return false;
}

/* The column at which offset off of t stands on its line. */
static size_t S_column(const char *t, size_t off) {
  size_t c = 0;
  while (c < off && t[off - c - 1] != '\n')
    c++;
  return c;
}

/* Whether list item b has items nested in it: the next block is a list
 * item indented further ("* Offline metrics" over "  * CE"). */
static bool S_item_has_children(const md_blocks *mb, const char *t, size_t b) {
  return b + 1 < mb->nblocks && mb->blocks[b + 1].in_list &&
         mb->blocks[b + 1].nested &&
         S_column(t, mb->blocks[b + 1].start) > S_column(t, mb->blocks[b].start);
}

/* Whether the space-separated words a and b are the same words, each as
 * often, in any order. */
static bool S_same_words(const char *a, const char *b) {
  enum { MAXW = 32 };
  const char *bw[MAXW];
  size_t bn[MAXW], nb = 0;
  bool used[MAXW] = {false};
  const char *p = b;
  for (; *p && nb < MAXW;) {
    const char *w = p;
    while (*p && *p != ' ')
      p++;
    bw[nb] = w;
    bn[nb++] = (size_t)(p - w);
    while (*p == ' ')
      p++;
  }
  if (*p)
    return false; /* (more words than are compared) */
  size_t na = 0;
  for (p = a; *p;) {
    const char *w = p;
    while (*p && *p != ' ')
      p++;
    size_t n = (size_t)(p - w), k = 0;
    while (k < nb && (used[k] || bn[k] != n || memcmp(bw[k], w, n) != 0))
      k++;
    if (k == nb)
      return false;
    used[k] = true;
    na++;
    while (*p == ' ')
      p++;
  }
  return na == nb;
}

/* Whether words w[0..n) (pack_text_words()) are two or more of the
 * template's sample lines run together, whole and in any order. */
static bool S_template_lines_joined(const ddlint_pack *pk, const char *w,
                                    size_t n, int depth) {
  if (depth > 8)
    return false;
  for (size_t i = 0; i < pk->ntemplate_text; i++) {
    const char *line = pk->template_text[i];
    size_t l = strlen(line);
    if (l > n || memcmp(w, line, l) != 0)
      continue;
    if (l == n)
      return depth > 0;
    if (w[l] == ' ' && S_template_lines_joined(pk, w + l + 1, n - l - 1,
                                               depth + 1))
      return true;
  }
  return false;
}

/* Whether paragraph bl says no more than one of the template's own sample
 * lines ("* **User Features**: Profile, history, segments" left in from
 * the template): words compared, case and markup aside. */
static bool S_template_range(const ddlint_pack *pk, const char *t,
                             size_t from, size_t end) {
  /* (past an outline's number: "- **1.5.1.1** User features: profile,
   * history, segments") */
  size_t start = S_past_outline_number(t, from, end);
  if (!pk->ntemplate_text || end - start >= PACK_TEXT_WORDS_MAX - 2)
    return false;
  /* its first two letters open one of them ("us" of "User Features:
   * ..."): most paragraphs are ruled out by this one test */
  unsigned first = pack_first_two(t + start, end - start);
  if (!(pk->template_first[first / 64] & ((uint64_t)1 << (first % 64))))
    return false;
  char words[PACK_TEXT_WORDS_MAX];
  size_t n = pack_text_words(t + start, end - start, words, sizeof words);
  if (!n)
    return false;
  for (size_t i = 0; i < pk->ntemplate_text; i++)
    if (strcmp(words, pk->template_text[i]) == 0)
      return true;
  /* ... or several of them run together as the sentences of one
   * paragraph ("*Client-side logic: Input capture, fallback logic.
   * Inference API: What is called, what does it return? ...*") */
  if (S_template_lines_joined(pk, words, n, 0))
    return true;
  /* ... or what follows a line's label, without it ("- Accuracy drift,
   * latency, system health" under "## Monitoring"), when that is three
   * words or more */
  size_t spaces = 0;
  for (size_t k = 0; k < n; k++)
    spaces += words[k] == ' ';
  for (size_t i = 0; i < pk->ntemplate_text && spaces >= 2; i++)
    if (pk->template_tail[i] &&
        strcmp(pk->template_text[i] + pk->template_tail[i], words) == 0)
      return true;
  /* ... or the same words in another order ("**Monitoring**: Latency,
   * accuracy drift, system health"), a line of four words or more */
  for (size_t i = 0; i < pk->ntemplate_text && spaces >= 3; i++)
    if (strlen(pk->template_text[i]) == n && /* (the same words: as long) */
        S_same_words(pk->template_text[i], words))
      return true;
  return false;
}

/* Whether paragraph bl says no more than the template's sample lines: one
 * of them, or one on each of its lines ("*How are scores computed?*",
 * "*Do you re-rank or diversify?*" kept as lines of one paragraph). */
static bool S_template_line(const ddlint_pack *pk, const char *t,
                            const block *bl) {
  if (S_template_range(pk, t, bl->start, bl->end))
    return true;
  const char *nl = memchr(t + bl->start, '\n', bl->end - bl->start);
  if (!nl || bl->end - bl->start >= 8 * PACK_TEXT_WORDS_MAX)
    return false;
  for (size_t ls = bl->start; ls < bl->end;) {
    nl = memchr(t + ls, '\n', bl->end - ls);
    size_t le = nl ? (size_t)(nl - t) : bl->end;
    if (!S_blank_rest(t + ls, le - ls) && !S_template_range(pk, t, ls, le))
      return false;
    ls = le + 1;
  }
  return true;
}

/* Splits a pack_text_words() string into at most max words, each cut to
 * its stem: a trailing "ing" or "s" off a word of more than three letters
 * ("tests", "testing" and "test" meet). Returns the count. */
typedef struct {
  const char *p;
  size_t n;
} stem_word;
static size_t S_stem_words(const char *words, stem_word *out, size_t max) {
  size_t k = 0;
  for (const char *p = words; *p && k < max;) {
    while (*p == ' ')
      p++;
    const char *w = p;
    while (*p && *p != ' ')
      p++;
    size_t n = (size_t)(p - w);
    if (!n)
      break;
    if (n > 5 && strncmp(w + n - 3, "ing", 3) == 0)
      n -= 3;
    else if (n > 3 && w[n - 1] == 's')
      n--;
    out[k++] = (stem_word){w, n};
  }
  return k;
}

static bool S_stem_in(const stem_word *ws, size_t n, stem_word w) {
  for (size_t i = 0; i < n; i++)
    if (ws[i].n == w.n && memcmp(ws[i].p, w.p, w.n) == 0)
      return true;
  return false;
}

/* Whether label paragraph bl is one of the template's sample lines lightly
 * edited: its label's words open the line ("Monitoring" of "Monitoring:
 * Accuracy drift, latency, system health"), and what follows adds at most
 * one word of its own to at least two of the line's and half of them
 * ("- Monitoring: drift, latency, system health.", "Deployment: A/B
 * tests, rollback, retraining triggers", "Item Features: text, metadata,
 * timestamps"). "Offline metrics: precision, recall" names no line's
 * label, and "Context features: publisher, placement, timestamps" adds
 * two words: both the author's own. */
#define ECHO_WORDS 24
/* Whether label text lab[0, ln) followed by the whole line line[0, n) is
 * a template sample line lightly edited (see S_template_echo()). */
static bool S_echo_of(const ddlint_pack *pk, const char *lab, size_t ln,
                      const char *line, size_t n) {
  /* the label's first two letters open one of the lines ("mo" of
   * "Monitoring: ..."): most labels are ruled out by this one test */
  unsigned first = pack_first_two(lab, ln);
  if (!(pk->template_first[first / 64] & ((uint64_t)1 << (first % 64))))
    return false;
  char lw_s[PACK_TEXT_WORDS_MAX], all[PACK_TEXT_WORDS_MAX];
  if (ln >= sizeof lw_s - 2 || n >= sizeof all - 2 ||
      !pack_text_words(lab, ln, lw_s, sizeof lw_s) ||
      !pack_text_words(line, n, all, sizeof all))
    return false;
  stem_word lw[ECHO_WORDS], pw[ECHO_WORDS];
  size_t nl = S_stem_words(lw_s, lw, ECHO_WORDS);
  size_t np = S_stem_words(all, pw, ECHO_WORDS);
  if (!nl || np <= nl || np >= ECHO_WORDS || nl > 3)
    return false;
  for (size_t i = 0; i < pk->ntemplate_text; i++) {
    stem_word tw[ECHO_WORDS];
    size_t nt = S_stem_words(pk->template_text[i], tw, ECHO_WORDS);
    if (nt <= nl || nt >= ECHO_WORDS)
      continue;
    /* the label's words among the line's first words */
    bool label_ok = true;
    for (size_t k = 0; k < nl && label_ok; k++)
      label_ok = S_stem_in(tw, nl + 1 < nt ? nl + 1 : nt, lw[k]);
    if (!label_ok)
      continue;
    size_t own = 0, shared = 0;
    for (size_t k = 0; k < np; k++) {
      if (S_stem_in(lw, nl, pw[k]))
        continue; /* the label's own word */
      if (S_stem_in(tw, nt, pw[k]))
        shared++;
      else
        own++;
    }
    if (own <= 1 && shared >= 2 && 2 * shared >= nt - nl)
      return true;
  }
  return false;
}

static bool S_template_echo(const ddlint_pack *pk, const char *t,
                            const block *bl) {
  if (!pk->ntemplate_text || !bl->label || bl->end - bl->start >= 200)
    return false;
  return S_echo_of(pk, bl->label, strlen(bl->label), t + bl->start,
                   bl->end - bl->start);
}

/* Whether table bl is the template's sample lines in rows: every row
 * under its header is one of them lightly edited, its first cell the
 * label ("| User features | Profile, history, segments |"), or a label
 * with nothing after it ("| Interaction features | |"); one echo at
 * least. */
static bool S_table_echo(const ddlint_pack *pk, const char *t,
                         const block *bl) {
  if (!pk->ntemplate_text || bl->kind != BLOCK_TABLE ||
      bl->end - bl->start > 2000)
    return false;
  size_t rows = 0, echoes = 0;
  for (size_t ls = bl->start; ls < bl->end;) {
    const char *nl = memchr(t + ls, '\n', bl->end - ls);
    size_t le = nl ? (size_t)(nl - t) : bl->end;
    size_t i = ls;
    while (i < le && (t[i] == ' ' || t[i] == '|'))
      i++;
    size_t c1 = i; /* the first cell */
    while (i < le && t[i] != '|')
      i++;
    size_t c1e = i;
    bool sep = true; /* "|---|---|" */
    for (size_t k = ls; k < le && sep; k++)
      sep = strchr("|-: \t\r", t[k]) != NULL;
    if (rows++ == 0 || sep) { /* the header, the delimiter row */
      ls = le + 1;
      continue;
    }
    bool rest = false;
    for (size_t k = c1e; k < le && !rest; k++)
      rest = S_alnum(t[k]);
    while (c1e > c1 && (t[c1e - 1] == ' ' || t[c1e - 1] == '*'))
      c1e--;
    while (c1 < c1e && t[c1] == '*')
      c1++;
    if (c1e == c1)
      return false;
    if (rest) {
      if (!S_echo_of(pk, t + c1, c1e - c1, t + c1, le - c1))
        return false;
      echoes++;
    }
    ls = le + 1;
  }
  return echoes > 0;
}

/* Whether paragraph bl only names kinds of a template thing, not the
 * things: "We'll use flight features, stand features, handler features
 * and weather features.", "It will use pet profile features, symptom
 * features and context features." Every word is a filler, a template
 * word, or one of the two words before "features", "signals" or "inputs"
 * (the kind's name); two kinds or more; prose, not a list item (an outline's "*
 * Node-level predictions" under "Architectural components" is a
 * skeleton's heading, judged as one); no digit; under 25 words. */
static bool S_template_word(const lint_ctx *ctx, const char *w, size_t n);
static bool S_names_kinds_only(const lint_ctx *ctx, const block *bl) {
  static const char *const filler[] = {
      "it",      "it'll",  "we",       "we'll",  "will",     "would", "use",
      "uses",    "using",  "used",     "be",     "is",       "are",   "the",
      "a",       "an",     "and",      "or",     "of",       "plus",  "include",
      "includes", "including", "some", "such", "as",     "standard", "basic",
      "usual",   "typical", "various", "other",  "etc",      "like",  "mainly",
      "mostly",  "look",   "looks",    "at",     "on",       "from",  "based",
      "combine", "combines", "mix",    "with",   "also",     "all",   NULL};
  const char *t = ctx->src->text;
  if (bl->kind != BLOCK_PARAGRAPH || bl->in_list || bl->nested ||
      bl->end - bl->start > 300)
    return false;
  size_t ws[25], wn[25], n = 0;
  for (size_t i = bl->start; i < bl->end;) {
    while (i < bl->end && !S_alnum(t[i]) && t[i] != '\'')
      i++;
    size_t b = i;
    while (i < bl->end && (S_alnum(t[i]) || t[i] == '\''))
      i++;
    if (i == b)
      break;
    if (n == 25)
      return false;
    for (size_t k = b; k < i; k++)
      if (t[k] >= '0' && t[k] <= '9')
        return false;
    ws[n] = b;
    wn[n++] = i - b;
  }
  /* the heads: what a design's inputs are called ("features",
   * "signals", "inputs"), not any plural template word ("We use LightGBM
   * models on user features" names a model) */
  static const char *const heads_of[] = {"features", "signals", "inputs",
                                         NULL};
  size_t heads = 0;
  bool head[25] = {0};
  for (size_t k = 0; k < n; k++)
    for (int h = 0; heads_of[h] && !head[k]; h++)
      if (strlen(heads_of[h]) == wn[k] &&
          strncasecmp(heads_of[h], t + ws[k], wn[k]) == 0) {
        head[k] = true;
        heads++;
      }
  if (heads < 2)
    return false;
  for (size_t k = 0; k < n; k++) {
    if (head[k] || (k + 1 < n && head[k + 1]) || (k + 2 < n && head[k + 2]))
      continue; /* a head, or a kind's name: one of the two words before */
    bool fill = false;
    for (int f = 0; filler[f] && !fill; f++)
      fill = strlen(filler[f]) == wn[k] &&
             strncasecmp(filler[f], t + ws[k], wn[k]) == 0;
    if (!fill && !S_template_word(ctx, t + ws[k], wn[k]))
      return false;
  }
  return true;
}

/* Marks the blocks that are never evidence: labels followed only by a
 * placeholder, paragraphs that are only one, and everything under a
 * not_evidence heading. Returns a new array (one byte per block). */
/* The end of section sec's own text: its first subheading's block, or
 * the end of its subtree. */
static size_t S_own_end(const md_blocks *mb, const section *sec) {
  size_t own = sec->first_block;
  while (own < sec->end_block && mb->blocks[own].kind != BLOCK_HEADING)
    own++;
  return own;
}

/* Whether paragraph bl is questions only: every sentence of it ends with
 * "?" ("Where do the labels come from? Moderator removals? Both?"). */
static bool S_only_questions(const char *t, const block *bl) {
  size_t s = bl->start, e = bl->end;
  while (s < e && strchr(" \t\r\n-*+>", t[s]))
    s++;
  while (e > s && strchr(" \t\r\n", t[e - 1]))
    e--;
  if (e <= s || t[e - 1] != '?')
    return false;
  for (size_t i = s; i + 1 < e; i++)
    if ((t[i] == '.' || t[i] == '!') && strchr(" \t\r\n", t[i + 1]))
      return false; /* a statement among them */
  return true;
}

static bool S_opens_with(const char *t, size_t i, size_t end,
                         const char *const *open);

/* Whether t[k, e), after a question, is only a to-do: "Need to check
 * with Dana what we should measure here." (fifteen words at most). */
static bool S_todo_note(const char *t, size_t k, size_t e) {
  static const char *const todo[] = {"need to check", "need to ask",
                                     "need to confirm", "need to find out",
                                     "check with",     "ask ",
                                     "to be confirmed", "not sure",
                                     "tbd",            "todo",
                                     NULL};
  while (k < e && strchr(" \t\r\n", t[k]))
    k++;
  return k < e && S_count_words(t, k, e, 16) <= 15 &&
         S_opens_with(t, k, e, todo);
}

/* Whether paragraph bl opens with a question and goes on only with a
 * to-do: "Probably accuracy? Need to check with Dana what we should
 * measure here." */
static bool S_question_then_todo(const char *t, const block *bl) {
  size_t s = bl->start, e = bl->end;
  while (s < e && strchr(" \t\r\n-*+>", t[s]))
    s++;
  for (size_t i = s; i < e; i++)
    if (strchr(".!?", t[i]) && (i + 1 >= e || strchr(" \t\r\n", t[i + 1])))
      return t[i] == '?' && S_todo_note(t, i + 1, e);
  return false;
}

/* Whether paragraph bl asks a question it leaves open: it ends with a
 * question ("Soil maps: the survey is coarse. Worth paying for more?"),
 * or opens with one and adds a short note, no answer ("Do we score the
 * forecast or the decision? SRE cares about the second"); not "Is the
 * bank full? The API returns the fill level every night and we read
 * it." */
static bool S_question_led(const char *t, const block *bl) {
  size_t s = bl->start, e = bl->end;
  while (s < e && strchr(" \t\r\n-*+>", t[s]))
    s++;
  while (e > s && strchr(" \t\r\n)\"*_", t[e - 1]))
    e--;
  if (e > s && t[e - 1] == '?')
    return true;
  for (size_t i = s; i < e; i++)
    if (strchr(".!?", t[i]) && (i + 1 >= e || strchr(" \t\r\n", t[i + 1])))
      return t[i] == '?' && (S_count_words(t, i + 1, e, 7) <= 6 ||
                             S_todo_note(t, i + 1, e));
  return false;
}

/* Whether paragraph bl introduces questions that are still open: it ends
 * with a colon, names questions and says they are open ("Not settled.
 * Questions for the review:", "I parked these as questions and moved
 * on:", "Not designed; I listed the questions I'd want answered first:"),
 * in 40 words at most. */
static bool S_parks_questions(const char *t, const block *bl) {
  size_t s = bl->start, e = bl->end;
  while (e > s && strchr(" \t\r\n", t[e - 1]))
    e--;
  if (e <= s || t[e - 1] != ':' || S_count_words(t, s, e, 41) > 40 ||
      !(S_has_phrase(t, s, e, "question") || S_has_phrase(t, s, e, "questions")))
    return false;
  static const char *const open[] = {
      "not settled",   "not decided",   "not designed",  "undecided",
      "parked",        "open questions", "still open",   "left open",
      "remain open",   "unanswered",    "unresolved",    "for the review",
      "questions to answer", "to settle", "to resolve",  "still to settle",
      "still to answer", "still to decide", "didn't get to", "did not get to",
      "ran out of time", "want answered", "need answered", "need answering",
      "to be answered", "only questions", "questions so far", NULL};
  return S_has_any_phrase(t, s, e, open);
}

/* Whether section d or one it sits under has a heading that asks for
 * questions ("Clarifying questions", "Questions we expect", "FAQ", "Q&A",
 * "Risks"): their questions are the content asked for. */
static bool S_asks_for_questions(const lint_ctx *ctx, size_t d) {
  for (ptrdiff_t up = (ptrdiff_t)d; up >= 0; up = ctx->ol->sections[up].parent)
    for (const char *h = ctx->md->blocks[ctx->ol->sections[up].block].text;
         h && *h; h++)
      if (strncasecmp(h, "question", 8) == 0 ||
          strncasecmp(h, "faq", 3) == 0 || strncasecmp(h, "q&a", 3) == 0 ||
          strncasecmp(h, "risk", 4) == 0 || strncasecmp(h, "clarif", 6) == 0)
        return true;
  return false;
}

/* Whether t[start, end) is images and nothing else ("![model
 * pipeline](img/oos-model-v0.png)"): only visible text is content, and what
 * a picture shows is not in the document. */
static bool S_image_only(const char *t, size_t start, size_t end) {
  size_t i = start, images = 0;
  for (;;) {
    while (i < end && strchr(" \t\r\n", t[i]))
      i++;
    if (i >= end)
      return images > 0;
    if (i + 1 < end && t[i] == '!' && t[i + 1] == '[') {
      const char *close = memchr(t + i + 2, ']', end - i - 2);
      if (!close)
        return false;
      size_t k = (size_t)(close - t) + 1;
      if (k < end && (t[k] == '(' || t[k] == '[')) {
        const char *c2 = memchr(t + k, t[k] == '(' ? ')' : ']', end - k);
        if (!c2)
          return false;
        i = (size_t)(c2 - t) + 1;
        images++;
        continue;
      }
      return false;
    }
    if (end - i > 4 && strncasecmp(t + i, "<img", 4) == 0) {
      const char *gt = memchr(t + i, '>', end - i);
      if (!gt)
        return false;
      i = (size_t)(gt - t) + 1;
      images++;
      continue;
    }
    return false;
  }
}

/* Whether block b says nothing on its own: a placeholder, a to-do, a
 * template's line or prompt left in, a label over nothing. It reads block b
 * (and the indent of the next one) only, so the blocks of a document may be
 * judged on several threads. */
static bool S_dead_alone(const lint_ctx *ctx, size_t b) {
  const md_blocks *mb = ctx->md;
  const block *bl = &mb->blocks[b];
  if (bl->kind == BLOCK_TABLE)
    return S_table_echo(ctx->pack, ctx->src->text, bl);
  /* a callout that only holds a to-do: "<aside> 🚧 TBD — waiting on
   * Legal's sign-off ... </aside>" */
  if (bl->kind == BLOCK_HTML && S_prose_block(ctx, bl)) {
    size_t from = S_past_tags(ctx->src->text, bl->start, bl->end);
    size_t to = bl->end; /* (before a closing tag in the block) */
    while (to > from && strchr(" \t\r\n", ctx->src->text[to - 1]))
      to--;
    if (to > from && ctx->src->text[to - 1] == '>') {
      size_t lt = to - 1;
      while (lt > from && ctx->src->text[lt] != '<')
        lt--;
      if (ctx->src->text[lt] == '<' && ctx->src->text[lt + 1] == '/')
        to = lt;
    }
    return to > from &&
           (S_placeholder_text(ctx->src->text + from, to - from) ||
            S_unfinished_text(ctx->src->text + from, to - from));
  }
  if (bl->kind != BLOCK_PARAGRAPH)
    return false;
  /* ... and so is a to-do note: "TBD - the vision team will propose
   * one" says the text is still to come, whatever follows the TBD */
  /* (a label that is only an outline number, "**1.5.1** TBD — Priya
   * to fill in", is no label) */
  size_t from = S_past_outline_number(ctx->src->text, bl->start, bl->end);
  return (bl->label && from == bl->start
              ? S_label_placeholder(ctx, bl)
           : S_placeholder_text(ctx->src->text + from, bl->end - from)) ||
      block_unfinished(ctx, bl) ||
      (bl->in_list && S_link_only(ctx->src->text, bl->start, bl->end,
                                  ctx->nparts > 1)) ||
      S_template_line(ctx->pack, ctx->src->text, bl) ||
      (S_topic_name_only(ctx->pack, ctx->src->text, bl) &&
       !S_item_has_children(mb, ctx->src->text, b)) ||
      S_template_echo(ctx->pack, ctx->src->text, bl) ||
      S_names_kinds_only(ctx, bl) ||
      S_guidance_questions(ctx->src->text, bl->start, bl->end) ||
      S_guidance_prompt(ctx->src->text, bl->start, bl->end) ||
      S_image_only(ctx->src->text, bl->start, bl->end) ||
      S_label_deferred(ctx, bl) || S_label_denied(ctx, bl);
}

/* A large document's blocks are judged in slices of this many, on the
 * threads. */
#define DEAD_SLICE 4096

typedef struct {
  const lint_ctx *ctx;
  unsigned char *dead;
} dead_pool;

static void S_dead_task(void *arg, size_t i) {
  dead_pool *p = arg;
  size_t n = p->ctx->md->nblocks, end = (i + 1) * DEAD_SLICE;
  for (size_t b = i * DEAD_SLICE; b < end && b < n; b++)
    p->dead[b] = S_dead_alone(p->ctx, b);
}

static unsigned char *S_dead_blocks(const namer *nm) {
  const lint_ctx *ctx = nm->ctx;
  const md_blocks *mb = ctx->md;
  unsigned char *dead = xcalloc(mb->nblocks + 1, 1);
  /* "None." answers "Unresolved questions" in a template that does not
   * read content; in one that does, a placeholder is no coverage */
  if (S_pack_reads_content(ctx->pack)) {
    dead_pool pool = {.ctx = ctx, .dead = dead};
    bool many = ctx->threads > 1 && ctx->src->len >= PARALLEL_MIN_BYTES;
    run_tasks((mb->nblocks + DEAD_SLICE - 1) / DEAD_SLICE,
              many ? ctx->threads : 1, S_dead_task, &pool);
  }
  /* a template's hint in emphasis right under its heading, over a
   * placeholder and nothing else ("## 4.3 Monitoring", "*Dashboards,
   * alerts, owners*", "TBD"): the prompt, not an answer. Alone it may be
   * the answer ("*No known drawbacks yet.*" under an RFC's "Drawbacks") */
  for (size_t b = 1; b < mb->nblocks; b++) {
    const block *bl = &mb->blocks[b];
    if (dead[b] || bl->kind != BLOCK_PARAGRAPH || bl->in_list ||
        bl->in_quote || mb->blocks[b - 1].kind != BLOCK_HEADING ||
        !S_emphasis_only(ctx->src->text, bl->start, bl->end))
      continue;
    bool rest = false, placeholder = false;
    for (size_t k = b + 1;
         k < mb->nblocks && mb->blocks[k].kind != BLOCK_HEADING && !rest; k++) {
      rest = !dead[k] && S_is_content(&mb->blocks[k]);
      placeholder = placeholder || (dead[k] && S_is_content(&mb->blocks[k]));
    }
    /* (nor is a hint of two questions or more: "_How will outcomes be
     * fed back? What will be monitored? Rollout plan and rollback._") */
    size_t asks = 0;
    for (size_t i = bl->start; i < bl->end; i++)
      asks += ctx->src->text[i] == '?';
    if (!rest && (placeholder || asks >= 2))
      dead[b] = 1;
  }
  /* the document's title counts only when it opens with the words: "#
   * Case-Study Notes" is someone else's designs, "# Improving Consistency
   * Models with ..." no "consistency model" aside */
  for (size_t d = 0; d < ctx->ol->nsections; d++) {
    const section *sec = &ctx->ol->sections[d];
    if (S_not_evidence(nm, d) &&
        (!sec->is_title || S_not_evidence_opens(nm, d)))
      memset(dead + sec->block, 1, sec->end_block - sec->block);
  }
  /* a section whose own text only asks ("Where do the labels come from?
   * Moderator removals? User reports?", "Do we need our own annotation
   * vendor?"), with placeholders at most: questions, not answers */
  for (size_t d = 0; d < ctx->ol->nsections && S_pack_reads_content(ctx->pack);
       d++) {
    const section *sec = &ctx->ol->sections[d];
    if (sec->is_title)
      continue;
    size_t own = S_own_end(mb, sec), asks = 0, items = 0, told = 0;
    bool other = false, parks = false, first = true;
    for (size_t b = sec->first_block; b < own; b++) {
      const block *bl = &mb->blocks[b];
      if (!S_is_content(bl) || dead[b])
        continue;
      if (bl->kind == BLOCK_PARAGRAPH && !bl->in_list &&
          (S_only_questions(ctx->src->text, bl) ||
           S_question_then_todo(ctx->src->text, bl)))
        asks++;
      /* ... or a list of questions after a line that says they are open
       * ("Not settled. Questions for the review:", "I parked these as
       * questions and moved on:"); not questions put to someone and
       * answered ("How many users? About 40M.") */
      else if (first && bl->kind == BLOCK_PARAGRAPH && !bl->in_list &&
               S_parks_questions(ctx->src->text, bl))
        parks = true;
      else if (parks && bl->kind == BLOCK_PARAGRAPH && bl->in_list) {
        /* (most of the items ask: one in three may be a note) */
        if (S_question_led(ctx->src->text, bl))
          items++;
        else
          told++;
      }
      else
        other = true;
      first = false;
    }
    if ((asks || (parks && items >= 2 && 2 * told <= items)) && !other &&
        !S_asks_for_questions(ctx, d))
      for (size_t b = sec->first_block; b < own; b++)
        dead[b] = 1;
  }
  /* a section whose own text is a placeholder, then a thematic break:
   * what follows the break is a footer or the next part, not its answer
   * ("## Monitoring and iteration", "TBD - ran out of time.", "---",
   * "*Self-review afterwards:* ... serving and monitoring ...") */
  for (size_t d = 0; d < ctx->ol->nsections; d++) {
    const section *sec = &ctx->ol->sections[d];
    if (sec->is_title)
      continue;
    size_t own = S_own_end(mb, sec);
    bool dead_before = false, live_before = false;
    for (size_t b = sec->first_block; b < own; b++) {
      const block *bl = &mb->blocks[b];
      if (bl->kind == BLOCK_BREAK) {
        /* (after it, a note of a paragraph or two, not a list, a table
         * or an answer of its own after a prompt: "*Describe ...*",
         * "---", then the bullets) */
        size_t after = 0;
        bool note = true;
        for (size_t k = b + 1; k < own && note; k++)
          if (S_is_content(&mb->blocks[k])) {
            after++;
            note = mb->blocks[k].kind == BLOCK_PARAGRAPH &&
                   !mb->blocks[k].in_list && after <= 2;
          }
        if (dead_before && !live_before && note)
          memset(dead + b, 1, own - b);
        break;
      }
      if (S_is_content(bl)) {
        /* (a placeholder, not a label over one: "**Owner:** TBD"; a
         * template's bullet left bare is one: "* **Monitoring**:") */
        bool ph = dead[b] &&
                  (bl->label
                       ? S_topic_name_only(ctx->pack, ctx->src->text, bl)
                       : (S_placeholder_text(ctx->src->text + bl->start,
                                             bl->end - bl->start) ||
                          block_unfinished(ctx, bl)));
        dead_before |= ph;
        live_before |= !ph;
      }
    }
  }
  /* a heading with nothing under it is no evidence of what it names */
  for (size_t d = 0; d < ctx->ol->nsections; d++) {
    const section *sec = &ctx->ol->sections[d];
    bool any = false;
    for (size_t b = sec->first_block; b < sec->end_block && !any; b++)
      any = !dead[b] && S_is_content(&mb->blocks[b]);
    if (!any)
      dead[sec->block] = 1;
  }
  return dead;
}

/* The index of the block whose bytes hold offset off, or SIZE_MAX. */
static size_t S_block_holding(const lint_ctx *ctx, size_t off) {
  size_t b = block_at_or_after(ctx->md, off + 1);
  if (b == 0)
    return SIZE_MAX;
  const block *bl = &ctx->md->blocks[b - 1];
  return bl->start <= off && off < bl->end ? b - 1 : SIZE_MAX;
}

/* Whether offset off lies in a dead block. */
static bool S_in_dead(const lint_ctx *ctx, size_t off) {
  size_t b = ctx->dead_blocks ? S_block_holding(ctx, off) : SIZE_MAX;
  return b != SIZE_MAX && ctx->dead_blocks[b];
}

static bool S_topic_named(const block *bl, const tmpl_topic *tt, bool loose);


/* Whether the match at off sits in a bare label naming topic tt and saying
 * nothing more ("* Data sources" copied from the template). */
static bool S_in_bare_label(const lint_ctx *ctx, size_t off,
                            const tmpl_topic *tt) {
  size_t b = tt ? S_block_holding(ctx, off) : SIZE_MAX;
  if (b == SIZE_MAX)
    return false;
  const block *bl = &ctx->md->blocks[b];
  return bl->label && !bl->has_content && S_topic_named(bl, tt, false);
}

/* Whether offset off lies in a heading's text. */
#define SUMMARY_BACK 1024

static bool S_in_heading(const lint_ctx *ctx, size_t off) {
  size_t b = S_block_holding(ctx, off);
  if (b == SIZE_MAX)
    return false;
  const block *bl = &ctx->md->blocks[b];
  if (bl->kind == BLOCK_HEADING)
    return true;
  /* a toggle's title: "<summary>Monitoring</summary>": the nearest
   * summary tag before off opens one (looked for SUMMARY_BACK bytes back at
   * most, so that a large HTML block costs linear time: a title is short) */
  if (bl->kind != BLOCK_HTML)
    return false;
  const char *t = ctx->src->text;
  size_t stop = off - bl->start > SUMMARY_BACK ? off - SUMMARY_BACK : bl->start;
  for (size_t i = off; i > stop; i--) {
    if (t[i - 1] != '<')
      continue;
    if (strncasecmp(t + i, "summary", 7) == 0)
      return true;
    if (strncasecmp(t + i, "/summary", 8) == 0)
      return false;
  }
  return false;
}

/* The earliest live match of each of several topics, searched together:
 * per pattern its topic; per topic the best match so far. */
typedef struct {
  lint_ctx *ctx;
  const tmpl_topic **topic; /* per pattern */
  size_t *slot;             /* per pattern: its topic's index in best */
  size_t *best, *best_end;  /* per topic; SIZE_MAX: none yet */
  bool no_headings;         /* a heading's own text does not count */
} topic_race;

static bool S_race_hit(void *arg, size_t k, size_t ms, size_t me) {
  topic_race *tr = arg;
  size_t t = tr->slot[k];
  if (ms >= tr->best[t])
    return false; /* this pattern's later matches cannot be earlier */
  if (S_in_dead(tr->ctx, ms) || prose_negated(tr->ctx, ms, me) ||
      S_in_bare_label(tr->ctx, ms, tr->topic[k]) ||
      (tr->no_headings && S_in_heading(tr->ctx, ms)))
    return true;
  tr->best[t] = ms;
  tr->best_end[t] = me;
  return false;
}

/* The earliest match of one of topic tt's patterns in [start, end) that
 * counts as evidence: outside dead blocks, not negated, not a bare bullet
 * naming the topic, and (with no_headings) not in a heading. */
static bool S_first_live(lint_ctx *ctx, const tmpl_topic *tt, size_t start,
                         size_t end, bool no_headings, size_t *ms,
                         size_t *me) {
  const pattern *pats[128];
  const tmpl_topic *topic[128];
  size_t slot[128], n = 0, best = SIZE_MAX, best_end = 0;
  for (size_t i = 0; i < tt->npatterns && n < 128; i++) {
    pats[n] = &tt->patterns[i];
    topic[n] = tt;
    slot[n++] = 0;
  }
  topic_race tr = {ctx, topic, slot, &best, &best_end, no_headings};
  prose_each_many(ctx, pats, n, start, end, S_race_hit, &tr);
  *ms = best;
  *me = best_end;
  return best != SIZE_MAX;
}

/* Words (runs of letters and digits) in t[start, end), counted up to max. */
static size_t S_count_words(const char *t, size_t start, size_t end,
                            size_t max) {
  size_t words = 0;
  for (size_t i = start; i < end && words < max;) {
    while (i < end && !S_alnum(t[i]))
      i++;
    if (i < end)
      words++;
    while (i < end && S_alnum(t[i]))
      i++;
  }
  return words;
}

/* Whether t[start, end), an HTML block, only wraps text in tags that a
 * wiki or Notion export puts around prose: a toggle ("<details>",
 * "<summary>"), a callout ("<aside>"), "<div>", "<p>", "<br>", inline
 * emphasis. Such a block reads as prose, its <summary> as a heading. */
static bool S_wrapper_html(const char *t, size_t start, size_t end) {
  static const char *const wrap[] = {"details", "summary", "aside", "div",
                                     "p",       "br",      "span",  "b",
                                     "i",       "em",      "strong", NULL};
  size_t tags = 0;
  for (size_t i = start; i < end; i++) {
    if (t[i] != '<')
      continue;
    size_t k = i + 1 + (i + 1 < end && t[i + 1] == '/');
    size_t n = 0;
    while (k + n < end && isalpha((unsigned char)t[k + n]))
      n++;
    bool known = false;
    for (int w = 0; wrap[w] && !known; w++)
      known = strlen(wrap[w]) == n && strncasecmp(t + k, wrap[w], n) == 0;
    if (!known)
      return false;
    const char *gt = memchr(t + k, '>', end - k);
    if (!gt)
      return false;
    i = (size_t)(gt - t);
    tags++;
  }
  return tags > 0;
}

/* The words of t[start, end) outside tags and outside a <summary> (a
 * toggle's title, read as a heading), up to max. */
static size_t S_html_words(const char *t, size_t start, size_t end,
                           size_t max) {
  size_t words = 0;
  bool in_summary = false;
  for (size_t i = start; i < end && words < max;) {
    if (t[i] == '<') {
      const char *gt = memchr(t + i, '>', end - i);
      if (!gt)
        break;
      if (strncasecmp(t + i, "<summary", 8) == 0)
        in_summary = true;
      else if (strncasecmp(t + i, "</summary", 9) == 0)
        in_summary = false;
      i = (size_t)(gt - t) + 1;
      continue;
    }
    if (!S_alnum(t[i])) {
      i++;
      continue;
    }
    words += !in_summary;
    while (i < end && S_alnum(t[i]))
      i++;
  }
  return words;
}

/* A block that reads as prose: a paragraph, or HTML that only wraps text
 * (S_wrapper_html). */
static bool S_prose_block(const lint_ctx *ctx, const block *bl) {
  return bl->kind == BLOCK_PARAGRAPH ||
         (bl->kind == BLOCK_HTML &&
          S_wrapper_html(ctx->src->text, bl->start, bl->end));
}

/* The words of block bl up to max: for HTML that wraps prose, its text
 * outside tags and <summary>. */
static size_t S_block_words(const lint_ctx *ctx, const block *bl,
                            size_t max) {
  if (bl->kind == BLOCK_HTML &&
      S_wrapper_html(ctx->src->text, bl->start, bl->end))
    return S_html_words(ctx->src->text, bl->start, bl->end, max);
  return S_count_words(ctx->src->text, bl->start, bl->end, max);
}

/* Whether block b of a section's subtree is content that counts: a
 * paragraph, code, HTML or a table, and not dead. */
static bool S_counts(const lint_ctx *ctx, size_t b) {
  return S_is_content(&ctx->md->blocks[b]) &&
         !(ctx->dead_blocks && ctx->dead_blocks[b]);
}

/* Whether quoted block bl is someone else's note on the text, not the
 * author's: it opens with a comment's, reply's or speaker note's label
 * ("> **[Comment — K. Dunmore]** ...", "> Speaker notes: ...", "> Reply
 * (Ian): ..."). A callout ("> **Note** ...") is the author's own. */
static bool S_others_note(const lint_ctx *ctx, const block *bl) {
  static const char *const marks[] = {"comment",       "reply",
                                      "review",        "speaker note",
                                      "question from", "feedback from",
                                      "note from",     NULL};
  if (!bl->in_quote)
    return false;
  const char *t = ctx->src->text;
  size_t i = bl->start;
  while (i < bl->end && strchr(" \t>*_", t[i]))
    i++;
  /* a reviewer's tag: "> @priya: ...", "> **[R: Priya]** ..." (one or
   * two capitals, a colon, a name; not "[Note: ...]", "[WIP]") */
  if (i + 1 < bl->end && t[i] == '@' && isalpha((unsigned char)t[i + 1]))
    return true;
  if (i + 5 < bl->end && t[i] == '[' && isupper((unsigned char)t[i + 1])) {
    size_t j = i + 1;
    while (j < i + 3 && isupper((unsigned char)t[j]))
      j++;
    if (t[j] == ':' && t[j + 1] == ' ' && isupper((unsigned char)t[j + 2]))
      return true;
  }
  /* a reviewer's initials: "> **KO:** Hard to review without this",
   * "> RA: +1" (two or three capitals and a colon; not "NB:", "FYI:",
   * "TIP:" or another common abbreviation, the author's own) */
  {
    size_t j = i;
    while (j < bl->end && j < i + 3 && isupper((unsigned char)t[j]))
      j++;
    size_t k = j;
    while (k < bl->end && k < j + 2 && strchr("*_", t[k]))
      k++;
    static const char *const abbr[] = {"NB",  "PS",  "FYI", "TIP", "IMO",
                                       "ETA", "SLA", "KPI", "API", "TBD",
                                       "OKR", "ML",  "AI",  "UX",  "UI",
                                       "PR",  "FAQ", "TL",  "QA",  "ROI",
                                       NULL};
    bool initials = j - i >= 2;
    for (int a = 0; initials && abbr[a]; a++)
      initials = !(strlen(abbr[a]) == j - i &&
                   strncmp(t + i, abbr[a], j - i) == 0);
    if (initials && k < bl->end && t[k] == ':') {
      k++;
      while (k < bl->end && strchr("*_", t[k]))
        k++;
      if (k < bl->end && t[k] == ' ')
        return true;
    }
  }
  while (i < bl->end && strchr(" \t>*_[(", t[i]))
    i++;
  for (int k = 0; marks[k]; k++) {
    size_t n = strlen(marks[k]);
    if (i + n <= bl->end && strncasecmp(t + i, marks[k], n) == 0)
      return true;
  }
  return false;
}

/* A stub has under STUB_WORDS words, none of its blocks STUB_BLOCK_WORDS
 * or more (see S_is_stub()). */
#define STUB_WORDS 20
#define STUB_BLOCK_WORDS 6

/* Words of content under heading d, subsections included, and the most in
 * any one block; placeholders and dead blocks count nothing. */
static size_t S_content_words(const lint_ctx *ctx, const section *sec,
                              size_t *longest) {
  size_t total = 0;
  *longest = 0;
  /* counted only as far as the stub tests look: a long chapter is not
   * counted to its end for every heading above it */
  for (size_t b = sec->first_block;
       b < sec->end_block && total < STUB_WORDS && *longest < STUB_BLOCK_WORDS;
       b++) {
    /* (not a reviewer's comment or a speaker's note in a block quote:
     * someone else's words, not the section's text) */
    if (!S_counts(ctx, b) || S_others_note(ctx, &ctx->md->blocks[b]))
      continue;
    const block *bl = &ctx->md->blocks[b];
    size_t words = S_block_words(ctx, bl, STUB_WORDS);
    total += words;
    if (words > *longest)
      *longest = words;
  }
  return total;
}

/* Whether word w (n bytes) is one of the template's own words: a word of a
 * section or topic name, or a word every outline has ("ml", "system").
 * Bullets made only of them ("* A/B Test", "* Monitoring", "* Updates")
 * are the template's skeleton copied in, not content. */
static bool S_template_word(const lint_ctx *ctx, const char *w, size_t n) {
  static const char *const common[] = {"ml", "system", "systems", "sw", "hw",
                                       "etc", "other", "topics", "misc", "b",
                                       "type", "types", "level", NULL};
  char word[64];
  if (n >= sizeof word)
    return false;
  for (size_t i = 0; i < n; i++)
    word[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
  word[n] = '\0';
  for (int i = 0; common[i]; i++)
    if (strcmp(common[i], word) == 0)
      return true;
  char *key = title_key(word);
  size_t kn = strlen(key);
  bool hit = !*key || pack_vocab_has(ctx->pack, key, kn) ||
             pack_topic_vocab_has(ctx->pack, key, kn);
  free(key);
  return hit;
}

/* Whether a subtree holds at least n words of content (stops counting
 * there). */
static bool S_words_at_least(const lint_ctx *ctx, const section *sec,
                             size_t n) {
  size_t words = 0;
  for (size_t b = sec->first_block; b < sec->end_block && words < n; b++)
    if (S_counts(ctx, b))
      words += S_count_words(ctx->src->text, ctx->md->blocks[b].start,
                             ctx->md->blocks[b].end, n - words);
  return words >= n;
}

/* A heading with only a few short bullets under it that repeat the
 * template's own words ("* A/B Test", "* Deployment and release",
 * "* Monitoring") is the template's skeleton, not content. Short bullets
 * that name real things ("* MRR", "* Recall@k", "* User-ad interaction")
 * are content. */
#define STUB_OWN_WORDS 2
#define STUB_NESTED 2
/* Whether a heading holds only a few short lines. */
static bool S_is_thin(const lint_ctx *ctx, const section *sec) {
  size_t longest;
  size_t words = S_content_words(ctx, sec, &longest);
  return words < STUB_WORDS && longest < STUB_BLOCK_WORDS;
}

/* A slogan: a few sentences of prose, under SLOGAN_WORDS words in all, with
 * no table or code, that point nowhere else ("Residents should feel the
 * warnings are worth opening: timely, local and rarely wrong."). Under the
 * heading of a section whose pack entry says it needs evidence (Success
 * Metrics) and showing none of it, it says what the author hopes, not what
 * the section asks for. "Evaluated with RAGAS as described in section IV"
 * points at the content instead. */
#define SLOGAN_WORDS 60
#define SLOGAN_LONG_WORDS 150
static bool S_points_elsewhere(const char *t, size_t start, size_t end);
/* Prose only (no table, code or HTML), under `words` words in all; with
 * no_list, no list item either. */
static bool S_prose_under(const lint_ctx *ctx, const section *sec,
                          size_t words, bool no_list) {
  if (S_words_at_least(ctx, sec, words))
    return false;
  for (size_t b = sec->first_block; b < sec->end_block; b++)
    if (S_counts(ctx, b) && (!S_prose_block(ctx, &ctx->md->blocks[b]) ||
                             (no_list && ctx->md->blocks[b].in_list)))
      return false;
  return true;
}

/* Prose only, under SLOGAN_WORDS words in all. */
static bool S_is_short_prose(const lint_ctx *ctx, const section *sec) {
  return S_prose_under(ctx, sec, SLOGAN_WORDS, false);
}

static bool S_is_slogan(const lint_ctx *ctx, const section *sec) {
  /* under SLOGAN_WORDS, or a longer hope of prose alone up to
   * SLOGAN_LONG_WORDS ("We'll know this is working when listeners start
   * treating Home as the place ... We're deliberately not locking in
   * numbers yet." holds no metric in 95 words; a list that long names
   * things, "QWK per trait against the double-marked set") */
  if (!S_is_short_prose(ctx, sec) &&
      !S_prose_under(ctx, sec, SLOGAN_LONG_WORDS, true))
    return false;
  for (size_t b = sec->first_block; b < sec->end_block; b++)
    if (S_counts(ctx, b) &&
        S_points_elsewhere(ctx->src->text, ctx->md->blocks[b].start,
                           ctx->md->blocks[b].end))
      return false;
  return true;
}

/* Whether a subtree is one short sentence that only points at what exists
 * already instead of saying it: "The usual user engagement features from
 * the feature store.", "Same application and bureau attributes as the
 * current scorecard.", "Unchanged from v1." One paragraph of prose under
 * STUB_WORDS words, with no colon and at most one comma (a list of things
 * after "Same as v1:" names them) and no pointer to where it is said. */
static bool S_only_reuses(const lint_ctx *ctx, const section *sec) {
  const block *one = NULL;
  for (size_t b = sec->first_block; b < sec->end_block; b++) {
    if (!S_counts(ctx, b))
      continue;
    if (one || ctx->md->blocks[b].kind != BLOCK_PARAGRAPH)
      return false;
    one = &ctx->md->blocks[b];
  }
  const char *t = ctx->src->text;
  if (!one ||
      S_count_words(t, one->start, one->end, STUB_WORDS) >= STUB_WORDS ||
      S_points_elsewhere(t, one->start, one->end))
    return false;
  size_t commas = 0, paren = 0;
  for (size_t i = one->start; i < one->end; i++) {
    if (t[i] == ':')
      return false;
    /* (not in parentheses: "Token inputs (text, boxes, reading order)
     * are unchanged from RFC 112") */
    paren += t[i] == '(';
    paren -= paren && t[i] == ')';
    commas += t[i] == ',' && !paren;
  }
  if (commas > 1)
    return false;
  static const char *const reuse[] = {"the usual",
                                      "as usual",
                                      "as before",
                                      "as today",
                                      "as it is today",
                                      "as they are today",
                                      "unchanged",
                                      "nothing new",
                                      "nothing special",
                                      "nothing fancy",
                                      "the obvious ones",
                                      "reuse",
                                      "re-use",
                                      "reusing",
                                      "reused",
                                      "same",
                                      "standard",
                                      "existing",
                                      NULL};
  for (size_t i = one->start; i < one->end; i++) {
    if (i > one->start && S_alnum(t[i - 1]))
      continue;
    for (int k = 0; reuse[k]; k++) {
      size_t n = strlen(reuse[k]);
      /* (a word: not "same-day", "as-is") */
      if (i + n > one->end || strncasecmp(t + i, reuse[k], n) != 0 ||
          (i + n < one->end && (S_alnum(t[i + n]) || t[i + n] == '-')))
        continue;
      /* "Standard features from the feature store", "existing
       * monitoring": only before a word that names a whole part of a
       * design, not "a standard canary rollout" */
      if (strcmp(reuse[k], "standard") == 0 ||
          strcmp(reuse[k], "existing") == 0) {
        static const char *const part[] = {
            "features",       "signals",    "inputs",     "attributes",
            "data",           "metrics",    "kpis",       "model",
            "models",         "monitoring", "dashboards", "alerts",
            "alerting",       "approach",   "approaches", "architecture",
            "setup",          "pipeline",   "pipelines",  "stack",
            "infrastructure", "infra",      "process",    "labels",
            "serving",        "deployment", "rollout",    "practice",
            "practices",      "tooling",    NULL};
        size_t w = i + n;
        while (w < one->end && t[w] == ' ')
          w++;
        size_t wl = 0;
        while (w + wl < one->end && S_alnum(t[w + wl]))
          wl++;
        for (int q = 0; wl && part[q]; q++)
          if (strlen(part[q]) == wl && strncasecmp(t + w, part[q], wl) == 0)
            return true;
        continue;
      }
      if (strcmp(reuse[k], "same") != 0)
        return true;
      /* "same" opens the sentence ("Same attributes as the current
       * scorecard", "We use the same features as ..."), not "AUC on the
       * same holdout as the v1 model" deep in a statement of its own */
      if (S_count_words(t, one->start, i, 5) > 4)
        continue;
      /* "same" only with its "as" within six words: "Same attributes as
       * the current scorecard", not "the same day" */
      size_t w = i + n, words = 0;
      while (w < one->end && words <= 6) {
        while (w < one->end && !S_alnum(t[w]))
          w++;
        size_t ws = w;
        while (w < one->end && S_alnum(t[w]))
          w++;
        if (w == ws)
          break;
        words++;
        if (w - ws == 2 && strncasecmp(t + ws, "as", 2) == 0)
          return true;
      }
    }
  }
  return false;
}

static bool S_is_stub(const lint_ctx *ctx, const section *sec, bool bullets) {
  size_t longest;
  size_t words = S_content_words(ctx, sec, &longest);
  if (words == 0)
    return true;
  if (!bullets)
    return false;
  if (words >= STUB_WORDS || longest >= STUB_BLOCK_WORDS)
    return false;
  size_t own = 0, nested = 0;
  const char *t = ctx->src->text;
  for (size_t b = sec->first_block; b < sec->end_block && own < STUB_OWN_WORDS;
       b++) {
    const block *bl = &ctx->md->blocks[b];
    if (!S_counts(ctx, b) || S_others_note(ctx, bl))
      continue;
    if (bl->kind == BLOCK_HTML && S_prose_block(ctx, bl)) {
      own += S_html_words(t, bl->start, bl->end, STUB_OWN_WORDS);
      continue; /* a toggle or a callout around text */
    }
    if (bl->kind != BLOCK_PARAGRAPH)
      return false; /* a table or code is content */
    /* bullets under a bullet: the author answered the prompt, even in
     * the template's words ("* Data sources" over "* Users", "* Ads") */
    if (bl->nested && ++nested >= STUB_NESTED)
      return false;
    for (size_t i = bl->start; i < bl->end && own < STUB_OWN_WORDS;) {
      while (i < bl->end && !S_alnum(t[i]))
        i++;
      size_t w = i;
      while (i < bl->end && S_alnum(t[i]))
        i++;
      if (i > w && !S_template_word(ctx, t + w, i - w))
        own++;
    }
  }
  return own < STUB_OWN_WORDS;
}

/* ---- Evidence: a section covered under a heading of another name. ---- */

/* A heading's subtree shows a section when it holds at least this many of
 * the section's evidence items (its topics and its evidence terms). */
#define OFF_TOPIC_WORDS 150
#ifndef EVIDENCE_SHARE
#define EVIDENCE_SHARE 0.3
#endif
#ifndef EVIDENCE_MIN
#define EVIDENCE_MIN 3
#endif
#ifndef PASSING_MIN
#define PASSING_MIN 2
#endif
/* A paragraph (or list item's paragraph) of fewer words is a fragment, not a
 * statement: "New model versions", "Fraud decision thresholds" in a list of
 * examples name things in passing. Its items still count toward a subtree's
 * total, but it is neither one of the paragraphs that show the section nor
 * one that says it all on its own. */
#define EVIDENCE_SENTENCE_WORDS 6

typedef struct {
  lint_ctx *ctx;
  uint64_t *mask;     /* per outline section: items seen in its own text */
  bool *named;        /* per outline section: its heading shows an item */
  uint64_t *hit; /* per block: the items it holds */
  uint64_t bit;
  const size_t *items; /* per pattern: its item */
} evidence_run;



static bool S_evidence_hit(void *arg, size_t ms, size_t me) {
  evidence_run *er = arg;
  ptrdiff_t d = outline_section_at(er->ctx->ol, ms);
  /* a heading's own words are its name, not evidence of what it holds;
   * but they say what its paragraphs are about (below) */
  if (d >= 0 && ms < er->ctx->ol->sections[d].body_start) {
    er->named[d] = true;
    return true;
  }
  size_t b = block_at_or_after(er->ctx->md, ms + 1);
  /* nothing new to learn: skip the costlier checks */
  if ((d < 0 || (er->mask[d] & er->bit)) &&
      (b == 0 || (er->hit[b - 1] & er->bit)))
    return true;
  if (S_in_dead(er->ctx, ms) || prose_negated(er->ctx, ms, me))
    return true;
  if (b > 0)
    er->hit[b - 1] |= er->bit;
  if (d >= 0)
    er->mask[d] |= er->bit;
  return true;
}

/* The patterns of a section's evidence items: every pattern of each topic
 * (one item per topic), then each evidence pattern (one item each). */
typedef struct {
  const pattern **pats; /* borrowed from the pack */
  size_t *item;
  size_t n;
} item_patterns;

static void S_item_patterns(const ddlint_pack *pk, size_t s,
                            item_patterns *ip) {
  const tmpl_section *ts = &pk->sections[s];
  size_t cap = ts->nevidence + 1;
  for (size_t t = 0; t < ts->ntopics; t++)
    cap += ts->topics[t].npatterns;
  ip->pats = xcalloc(cap, sizeof(pattern *));
  ip->item = xcalloc(cap, sizeof(size_t));
  ip->n = 0;
  size_t item = 0;
  /* (not a topic's local patterns: words that count once the section is
   * found, and say nothing on their own of where it is: "deployment" in a
   * guide's overview, "experiments" in a case study) */
  for (size_t t = 0; t < ts->ntopics && item < EVIDENCE_ITEMS; t++, item++)
    for (size_t i = 0; i < ts->topics[t].npatterns; i++) {
      if (ts->topics[t].patterns[i].local)
        continue;
      ip->pats[ip->n] = &ts->topics[t].patterns[i];
      ip->item[ip->n++] = item;
    }
  for (size_t i = 0; i < ts->nevidence && item < EVIDENCE_ITEMS; i++, item++) {
    ip->pats[ip->n] = &ts->evidence[i];
    ip->item[ip->n++] = item;
  }
}

static void S_item_patterns_free(item_patterns *ip) {
  free(ip->pats);
  free(ip->item);
}

/* The evidence item of a diagram for pack section s (after its topics and
 * evidence patterns), or -1: the pack gives it none ("diagrams"). */
static int S_diagram_item(const ddlint_pack *pk, size_t s) {
  const tmpl_section *ts = &pk->sections[s];
  size_t item = ts->ntopics + ts->nevidence;
  return ts->diagrams && item < EVIDENCE_ITEMS ? (int)item : -1;
}

/* Whether t[p, e) ends with a word of two letters or more, past spaces
 * and the marks that frame a diagram's boxes ("[", "(", "|", "+"). */
static bool S_word_left(const char *t, size_t lo, size_t p) {
  while (p > lo && strchr(" \t[](|+", t[p - 1]))
    p--;
  return p >= lo + 2 && isalpha((unsigned char)t[p - 1]) &&
         isalpha((unsigned char)t[p - 2]);
}

static bool S_word_right(const char *t, size_t p, size_t hi) {
  while (p < hi && strchr(" \t[](|+", t[p]))
    p++;
  return p + 2 <= hi && isalpha((unsigned char)t[p]) &&
         isalpha((unsigned char)t[p + 1]);
}

/* Whether code block bl is a diagram: a fence for a diagram language
 * (mermaid, PlantUML, Graphviz, D2), or a plain fence (no language, or
 * text/ascii) of boxes and arrows: two arrows at least, each from a word
 * to a word ("scan PDF --> page splitter", "client -> gateway", "queue ──▶
 * scorer"), or pointing down ("▼", "↓"), and no line that ends as code
 * does (";", "{"). Not an indented block, not a type ("K -> R", "fn f() ->
 * int {"), a version map ("1.2 -> ^1.2") or a file tree ("└── b"). */
static bool S_diagram(const char *t, const block *bl) {
  if (bl->kind != BLOCK_CODE)
    return false;
  size_t i = bl->start, end = bl->end;
  while (i < end && (t[i] == ' ' || t[i] == '\t'))
    i++;
  if (!(i + 3 <= end &&
        (strncmp(t + i, "```", 3) == 0 || strncmp(t + i, "~~~", 3) == 0)))
    return false;
  char f = t[i];
  while (i < end && t[i] == f)
    i++;
  while (i < end && t[i] == ' ')
    i++;
  size_t w = i;
  while (w < end && !strchr(" \t\r\n{", t[w]))
    w++;
  static const char *const lang[] = {"mermaid", "plantuml", "puml", "dot",
                                     "graphviz", "d2", NULL};
  static const char *const plain[] = {"text", "txt", "ascii", "plain",
                                      "plaintext", "diagram", "none", NULL};
  bool is_plain = w == i;
  for (int k = 0; lang[k]; k++)
    if (strlen(lang[k]) == w - i && strncasecmp(t + i, lang[k], w - i) == 0)
      return true;
  for (int k = 0; plain[k] && !is_plain; k++)
    is_plain = strlen(plain[k]) == w - i &&
               strncasecmp(t + i, plain[k], w - i) == 0;
  if (!is_plain)
    return false;
  while (i < end && t[i] != '\n')
    i++;
  size_t line = i;
  unsigned arrows = 0;
  for (size_t k = i; k < end; k++) {
    if (t[k] == '\n') { /* a line of code ends with ";" or "{" */
      size_t e = k;
      while (e > line && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
                          t[e - 1] == '\r'))
        e--;
      if (e > line && (t[e - 1] == ';' || t[e - 1] == '{'))
        return false;
      line = k + 1;
      continue;
    }
    /* down: "▼" (U+25BC), "↓" (U+2193) */
    if (k + 3 <= end && (memcmp(t + k, "\xe2\x96\xbc", 3) == 0 ||
                         memcmp(t + k, "\xe2\x86\x93", 3) == 0)) {
      arrows++;
      k += 2;
      continue;
    }
    /* across: a run of "-", "=" or "─" (U+2500) ending in ">", "▶"
     * (U+25B6), or "→" (U+2192) alone */
    size_t a = k, n = 0;
    while (a < end) {
      if (t[a] == '-' || t[a] == '=')
        a++, n++;
      else if (a + 3 <= end && memcmp(t + a, "\xe2\x94\x80", 3) == 0)
        a += 3, n++;
      else
        break;
    }
    size_t head = 0;
    if (n && a < end && t[a] == '>')
      head = 1;
    else if (n && a + 3 <= end && memcmp(t + a, "\xe2\x96\xb6", 3) == 0)
      head = 3;
    else if (!n && k + 3 <= end && memcmp(t + k, "\xe2\x86\x92", 3) == 0)
      head = 3;
    if (!head) {
      if (a > k)
        k = a - 1;
      continue;
    }
    if (S_word_left(t, line, k) && S_word_right(t, a + head, end))
      arrows++;
    k = a + head - 1;
  }
  return arrows >= 2;
}

typedef struct {
  lint_ctx *ctx;
  uint64_t seen;
  unsigned n;
  const size_t *items;
} local_run;

static bool S_local_hit(void *arg, size_t k, size_t ms, size_t me) {
  local_run *lr = arg;
  uint64_t bit = (uint64_t)1 << lr->items[k];
  if (lr->seen & bit)
    return false; /* its item is seen: no need for more */
  if (S_in_dead(lr->ctx, ms) || S_in_heading(lr->ctx, ms) ||
      prose_negated(lr->ctx, ms, me))
    return true;
  lr->seen |= bit;
  lr->n++;
  return false; /* one match is enough for this pattern */
}

/* The number of evidence items of pack section s in heading d's subtree,
 * searched in that subtree alone: what S_evidence_many() gives for one
 * subtree. */
static unsigned S_evidence_at(lint_ctx *ctx, size_t s, size_t d) {
  /* (asked again of the same heading and section by several rules: kept
   * while the blocks that are never evidence stay the same) */
  /* (only while no pattern has spent the match budget or hit a limit: a
   * count then depends on what is left of them) */
  unsigned char *memo =
      ctx->evidence_at && !ctx->match_spent && !ctx->limit_hits
          ? &ctx->evidence_at[d * ctx->pack->nsections + s]
          : NULL;
  if (memo && *memo)
    return *memo - 1u;
  const section *sec = &ctx->ol->sections[d];
  item_patterns ip;
  S_item_patterns(ctx->pack, s, &ip);
  local_run lr = {.ctx = ctx, .items = ip.item};
  prose_each_many(ctx, ip.pats, ip.n, sec->body_start, sec->end, S_local_hit,
                  &lr);
  S_item_patterns_free(&ip);
  if (S_diagram_item(ctx->pack, s) >= 0)
    for (size_t b = sec->first_block; b < sec->end_block; b++)
      if (S_diagram(ctx->src->text, &ctx->md->blocks[b]) &&
          !(ctx->dead_blocks && ctx->dead_blocks[b])) {
        lr.n++; /* (one item, however many diagrams) */
        break;
      }
  if (memo && !ctx->match_spent && !ctx->limit_hits)
    *memo = (unsigned char)(lr.n + 1); /* (lr.n <= EVIDENCE_ITEMS) */
  return lr.n;
}

typedef struct {
  lint_ctx *ctx;
  size_t from, to; /* where a negated mention must start */
  bool hit;
} denial_run;

static bool S_negated_hit(void *arg, size_t k, size_t ms, size_t me) {
  denial_run *dr = arg;
  (void)k;
  if (ms < dr->from || ms >= dr->to)
    return ms < dr->from; /* later matches of this pattern are out too */
  if (S_in_dead(dr->ctx, ms) || !prose_negated(dr->ctx, ms, me))
    return true;
  dr->hit = true;
  return false;
}

static bool S_opens_denial(const char *t, size_t start, size_t end);

/* Whether heading d's subtree says that pack section s is not there: none
 * of its evidence is mentioned but negated, and its first paragraph opens
 * by denying ("No monitoring for the pilot.", "Out of scope for v1.") or
 * with a mention that is negated ("Monitoring, feedback logging and the
 * experiment design are out of scope for now."). A negation deep in a
 * paragraph ("... without sacrificing accuracy") denies a detail, not the
 * section. */
/* Whether the first sentence of t[start, end) hands the topic to someone
 * else or to another document: "Trust & Safety owns that.", "Left to the
 * platform team.", "Labels are up to the vendor.", "The approach is being
 * written up by the Data Science chapter in their own doc." */
static bool S_hands_off(const char *t, size_t start, size_t end) {
  /* each phrase is whole words, and what must follow it */
  enum {
    ANY,   /* anything */
    OWNER, /* an owner, not a number: "up to 3 times a week", "read left to
              right"; the next word is a name or "the", not a digit,
              "right", "us", "me", "you" or "date" */
    TEAM   /* a team within 60 bytes: "Monitoring will be handled by the
              Data Platform team's standard job monitoring", not "Timeouts
              are handled by the client" */
  };
  static const struct {
    const char *p;
    unsigned char after;
  } off[] = {{"owns that", ANY},          {"owns this", ANY},
             {"owns it", ANY},            {"own that", ANY},
             {"own this", ANY},           {"owned by", OWNER},
             {"is up to", OWNER},         {"are up to", OWNER},
             {"left to", OWNER},          {"the job of", OWNER},
             {"responsibility of", OWNER}, {"their call", ANY},
             {"theirs to", ANY},          {"their own doc", ANY},
             {"a separate doc", ANY},     {"another doc", ANY},
             {"being written up", ANY},   {"written up separately", ANY},
             {"documented separately", ANY}, {"handled by", TEAM},
             {"taken care of by", TEAM},  {"covered by", TEAM}};
  size_t e = start, words = 0;
  for (bool in = false; e < end; e++) {
    if (strchr(".!?;", t[e]) && (e + 1 >= end || t[e + 1] == ' ' ||
                                 t[e + 1] == '\n'))
      break;
    bool w = S_alnum(t[e]);
    words += w && !in;
    in = w;
  }
  if (words > 40) /* a long sentence does more than hand off */
    return false;
  for (size_t k = 0; k < sizeof off / sizeof off[0]; k++) {
    size_t n = strlen(off[k].p);
    for (size_t i = start; i + n <= e; i++) {
      if (strncasecmp(t + i, off[k].p, n) != 0 ||
          (i > start && S_alnum(t[i - 1])) ||
          (i + n < e && S_alnum(t[i + n])))
        continue;
      if (off[k].after == ANY)
        return true;
      if (off[k].after == TEAM) {
        size_t to = i + n + 60 < e ? i + n + 60 : e;
        if (S_has_phrase(t, i + n, to, "team") ||
            S_has_phrase(t, i + n, to, "teams"))
          return true;
        continue;
      }
      size_t w = i + n;
      while (w < e && t[w] == ' ')
        w++;
      size_t wl = 0;
      while (w + wl < e && S_alnum(t[w + wl]))
        wl++;
      static const char *const not_owner[] = {"right", "us", "me", "you",
                                              "date", NULL};
      bool owner = wl > 0 && !(t[w] >= '0' && t[w] <= '9');
      for (int q = 0; owner && not_owner[q]; q++)
        owner = !(strlen(not_owner[q]) == wl &&
                  strncasecmp(t + w, not_owner[q], wl) == 0);
      if (owner)
        return true;
    }
  }
  return false;
}

/* Whether paragraph t[start, end), of 40 words at most, says that it
 * does not state what it names here: "This PRD doesn't restate it.", "so
 * I won't repeat it here", "We're not redefining them here". */
static bool S_not_restated(const char *t, size_t start, size_t end) {
  static const char *const said[] = {
      "doesn't restate",  "does not restate",  "won't restate",
      "not restated here", "won't repeat it here", "won't repeat them here",
      "not repeated here", "not redefining them here",
      "not redefining it here", "not redefined here", "won't redefine",
      "will not repeat it here", "will not repeat them here",
      "will not restate",  NULL};
  if (S_count_words(t, start, end, 41) > 40)
    return false;
  return S_has_any_phrase(t, start, end, said);
}

/* Whether section sec's text is two paragraphs or more (or list items) of
 * prose, each of whose first sentence says that something is not done or
 * not there (it opens by denying or putting off, or it holds "not", a
 * word ending in "n't", "never", "no", "none" or "nothing"), with no turn
 * to what is done instead ("but", "instead", "however", "except",
 * "although", "though", "rather"): "We won't monitor drift in v1. ..." /
 * "No A/B test and no staged rollout: ..." / "Replies are not stored
 * anywhere yet." One such paragraph alone may go on to say what is done
 * ("We don't page on drift: a weekly job compares ..."). */
/* Whether t[start, e) holds a negation of its own, not in an aside ("not",
 * "never", "no", "none", "nothing" or a word ending in "n't"): "Signals we
 * expect the model to use (from Safety workshops, not final): ..." has
 * none. */
static bool S_clause_negates_with(const char *t, size_t start, size_t e,
                                  const char *const *neg);
static bool S_clause_negates(const char *t, size_t start, size_t e) {
  static const char *const neg[] = {"not", "never", "no", "none", "nothing",
                                    NULL};
  return S_clause_negates_with(t, start, e, neg);
}

/* ... with a verb's negation only ("not", "never", "n't"): "the agent
 * sees no draft" says what happens */
static bool S_clause_negates_verb(const char *t, size_t start, size_t e) {
  static const char *const neg[] = {"not", "never", NULL};
  return S_clause_negates_with(t, start, e, neg);
}

static bool S_clause_negates_with(const char *t, size_t start, size_t e,
                                  const char *const *neg) {
  int depth = 0;
  for (size_t i = start; i < e; i++) {
    depth += t[i] == '(' ? 1 : t[i] == ')' && depth > 0 ? -1 : 0;
    if (depth || !S_alnum(t[i]) || (i > start && S_alnum(t[i - 1])))
      continue;
    size_t w = i; /* the word [i, w) */
    while (w < e && (S_alnum(t[w]) || t[w] == '\''))
      w++;
    for (int k = 0; neg[k]; k++)
      if (strlen(neg[k]) == w - i && strncasecmp(t + i, neg[k], w - i) == 0)
        return true;
    if (w - i > 3 && strncasecmp(t + w - 3, "n't", 3) == 0)
      return true;
    i = w - 1;
  }
  return false;
}

/* Whether paragraph t[start, end) is three sentences or more, every one
 * of which negates a verb, but for a short last one (twelve words at most) that
 * may put it all off: "For season 1 we are not planning a staged rollout,
 * canary or A/B comparison: ... We are also not planning any monitoring
 * ... Reviewer decisions will not be fed back into training. All of this
 * is to be revisited once season 1 ends." */
static bool S_sentences_deny(const char *t, size_t start, size_t end) {
  size_t n = 0, deny = 0, last_from = start;
  bool last_denies = true;
  for (size_t s = start; s < end;) {
    while (s < end && strchr(" \t\r\n", t[s]))
      s++;
    if (s >= end)
      break;
    size_t e = S_first_sentence_end(t, s, end);
    n++;
    last_denies = S_clause_negates_verb(t, s, e);
    deny += last_denies;
    last_from = s;
    s = e + 1;
  }
  if (n < 3)
    return false;
  return deny == n ||
         (deny == n - 1 && !last_denies &&
          S_count_words(t, last_from, end, 13) <= 12);
}

static bool S_all_deny(const lint_ctx *ctx, const section *sec) {
  static const char *const turn[] = {"but",      "instead", "however",
                                     "except",   "although", "though",
                                     "rather",   NULL};
  const char *t = ctx->src->text;
  size_t n = 0;
  const block *only = NULL;
  for (size_t b = sec->first_block; b < sec->end_block; b++) {
    const block *bl = &ctx->md->blocks[b];
    if (!S_counts(ctx, b) || !S_prose_block(ctx, bl) ||
        S_block_words(ctx, bl, 1) == 0)
      continue;
    for (int k = 0; turn[k]; k++)
      if (S_has_phrase(t, bl->start, bl->end, turn[k]))
        return false;
    size_t e = bl->start; /* the first sentence's end */
    while (e < bl->end && !(strchr(".!?;:", t[e]) &&
                            (e + 1 >= bl->end || strchr(" \t\r\n", t[e + 1]))))
      e++;
    bool denies = S_opens_denial(t, bl->start, bl->end) ||
                  S_opens_deferral(t, bl->start, bl->end) ||
                  S_clause_negates(t, bl->start, e);
    if (!denies)
      return false;
    only = bl;
    n++;
  }
  /* ... or one paragraph whose every sentence denies */
  return n >= 2 ||
         (n == 1 && only->kind == BLOCK_PARAGRAPH && !only->in_list &&
          S_sentences_deny(t, only->start, only->end));
}

/* 0: no; 1: it says the section is not there; 2: it hands it to someone
 * else. */
/* The first paragraph of prose with words under heading d, the author's
 * own before one in a block quote (a reviewer's question over the
 * author's answer), or NULL. */
static const block *S_first_prose(const lint_ctx *ctx, size_t d) {
  const section *sec = &ctx->ol->sections[d];
  const block *quoted = NULL;
  for (size_t b = sec->first_block; b < sec->end_block; b++)
    if (S_counts(ctx, b) && S_prose_block(ctx, &ctx->md->blocks[b]) &&
        S_block_words(ctx, &ctx->md->blocks[b], 1) > 0) {
      if (!ctx->md->blocks[b].in_quote)
        return &ctx->md->blocks[b];
      if (!quoted)
        quoted = &ctx->md->blocks[b];
    }
  return quoted;
}

static int S_denied_at(lint_ctx *ctx, size_t s, size_t d) {
  const block *first = S_first_prose(ctx, d);
  if (!first)
    return 0;
  const char *t = ctx->src->text;
  /* past a bold run-in label of a decision record's field: "**Decision.**
   * Not yet taken. How the forecast is monitored ... will be decided with
   * Aftersales in the Q3 workshop." */
  size_t fs = first->start;
  if (first->end - fs > 4 && t[fs] == '*' && t[fs + 1] == '*') {
    const char *close = bytes_find(t + fs + 2, first->end - fs - 2, "**");
    if (close && close - (t + fs) < 40) {
      fs = (size_t)(close - t) + 2;
      while (fs < first->end && (t[fs] == ' ' || t[fs] == '\n'))
        fs++;
    }
  }
  /* a short section that opens by handing it to someone else plans
   * nothing here, whatever terms the rest names in passing */
  if (S_hands_off(t, first->start, first->end) ||
      (fs != first->start && S_hands_off(t, fs, first->end)) ||
      S_not_restated(t, first->start, first->end))
    return 2;
  /* ... or by putting it off, whatever it names on the way ("To be agreed
   * with the DS guild once the feature store migration is done.") */
  if (S_opens_deferral(t, first->start, first->end) ||
      S_sentence_defers(t, first->start, first->end) ||
      S_sentence_excludes(t, first->start, first->end) ||
      S_leaves_to_defaults(t, fs, first->end) ||
      (fs != first->start && (S_opens_deferral(t, fs, first->end) ||
                              S_sentence_defers(t, fs, first->end))))
    return 1;
  if (S_evidence_at(ctx, s, d) > 0)
    return 0;
  if (S_opens_denial(t, first->start, first->end))
    return 1;
  /* a mention among the paragraph's first four words ("We'd like drift
   * alerts on the forecaster eventually") */
  size_t to = first->start, words = 0;
  while (to < first->end && words < 5) {
    while (to < first->end && !S_alnum(t[to]) && t[to] != '\'')
      to++;
    if (to < first->end)
      words++;
    if (words == 5)
      break;
    while (to < first->end && (S_alnum(t[to]) || t[to] == '\''))
      to++;
  }
  item_patterns ip;
  S_item_patterns(ctx->pack, s, &ip);
  denial_run dr = {.ctx = ctx, .from = first->start, .to = to};
  prose_each_many(ctx, ip.pats, ip.n, first->start, first->end, S_negated_hit,
                  &dr);
  S_item_patterns_free(&ip);
  return dr.hit ? 1 : 0;
}

/* What the evidence of one pack section looks like over the document. */
typedef struct {
  uint64_t *sub;      /* per heading: the items in its subtree */
  /* (32 bits: a document has at most PARSE_BLOCKS_MAX blocks) */
  uint32_t *hit_before; /* per block index b: content blocks before b that
                         hold an item (prefix sums, nblocks + 1) */
  uint32_t *dense_before; /* the same for blocks holding EVIDENCE_MIN items
                           or more on their own */
  uint32_t *pair_before;  /* ... and for blocks holding two items or more */
  bool *named;          /* per heading: its own words show an item */
  uint64_t title_own;   /* the items in the title's own text, before its
                           first subheading (0 with no title) */
} evidence_map;

/* The evidence of pack section s; free with S_evidence_free(). */
typedef struct {
  evidence_run *runs; /* one per section asked for */
  size_t *run_of;     /* per pattern: its run */
  size_t *item_of;    /* per pattern: its item */
} evidence_batch;

static bool S_evidence_hit_k(void *arg, size_t k, size_t ms, size_t me) {
  evidence_batch *eb = arg;
  evidence_run *er = &eb->runs[eb->run_of[k]];
  er->bit = (uint64_t)1 << eb->item_of[k];
  return S_evidence_hit(er, ms, me);
}

static unsigned S_popcount(uint64_t m) {
  unsigned n = 0;
  for (; m; m &= m - 1)
    n++;
  return n;
}

/* Whether block b is content that states something: code, HTML, a table,
 * or a paragraph of EVIDENCE_SENTENCE_WORDS words or more. memo[b] keeps
 * the answer (0 not asked, 1 no, 2 yes). */
static bool S_states(const lint_ctx *ctx, size_t b, unsigned char *memo) {
  if (!memo[b]) {
    const block *bl = &ctx->md->blocks[b];
    bool yes = S_is_content(bl) &&
               (bl->kind != BLOCK_PARAGRAPH ||
                S_count_words(ctx->src->text, bl->start, bl->end,
                              EVIDENCE_SENTENCE_WORDS) >=
                    EVIDENCE_SENTENCE_WORDS);
    memo[b] = yes ? 2 : 1;
  }
  return memo[b] == 2;
}

/* The evidence of the pack sections secs[0..n), into out[secs[i]], found in
 * one pass over the document for all of them; free each with
 * S_evidence_free(). */
static void S_evidence_many(lint_ctx *ctx, const size_t *secs, size_t n,
                            evidence_map **out) {
  const outline *ol = ctx->ol;
  size_t nb = ctx->md->nblocks;
  evidence_batch eb = {.runs = xcalloc(n + 1, sizeof(evidence_run))};
  const pattern **pats = NULL;
  size_t np = 0, cap = 0, cap2 = 0, cap3 = 0;
  for (size_t i = 0; i < n; i++) {
    eb.runs[i] = (evidence_run){.ctx = ctx,
                                .mask = xcalloc(ol->nsections + 1,
                                                sizeof(uint64_t)),
                                .named = xcalloc(ol->nsections + 1,
                                                 sizeof(bool)),
                                .hit = xcalloc(nb + 1, sizeof(uint64_t))};
    item_patterns ip;
    S_item_patterns(ctx->pack, secs[i], &ip);
    for (size_t k = 0; k < ip.n; k++) {
      xgrow(&pats, &cap, np + 1, sizeof(pattern *));
      xgrow(&eb.run_of, &cap2, np + 1, sizeof(size_t));
      xgrow(&eb.item_of, &cap3, np + 1, sizeof(size_t));
      pats[np] = ip.pats[k];
      eb.run_of[np] = i;
      eb.item_of[np++] = ip.item[k];
    }
    S_item_patterns_free(&ip);
  }
  prose_each_many(ctx, pats, np, 0, ctx->src->len, S_evidence_hit_k, &eb);
  /* a diagram in a code block, for a section the pack gives one */
  for (size_t i = 0; i < n; i++) {
    int item = S_diagram_item(ctx->pack, secs[i]);
    evidence_run *er = &eb.runs[i];
    for (size_t b = 0; b < nb && item >= 0; b++) {
      const block *bl = &ctx->md->blocks[b];
      if (!S_diagram(ctx->src->text, bl) ||
          (ctx->dead_blocks && ctx->dead_blocks[b]))
        continue;
      uint64_t bit = (uint64_t)1 << item;
      er->hit[b] |= bit;
      ptrdiff_t d = outline_section_at(ol, bl->start);
      if (d >= 0)
        er->mask[d] |= bit;
    }
  }
  unsigned char *statement = xcalloc(nb + 1, 1); /* S_states()'s memo */
  for (size_t i = 0; i < n; i++) {
    evidence_run *er = &eb.runs[i];
    uint64_t title_own =
        ol->nsections && ol->sections[0].is_title ? er->mask[0] : 0;
    for (size_t d = ol->nsections; d-- > 0;)
      if (ol->sections[d].parent >= 0)
        er->mask[ol->sections[d].parent] |= er->mask[d];
    evidence_map *em = xmalloc(sizeof *em);
    em->title_own = title_own;
    em->sub = er->mask;
    em->named = er->named;
    em->hit_before = xcalloc(nb + 1, sizeof(uint32_t));
    em->dense_before = xcalloc(nb + 1, sizeof(uint32_t));
    em->pair_before = xcalloc(nb + 1, sizeof(uint32_t));
    /* a diagram says what the design does on its own, as a paragraph of
     * two items does: boxes and arrows are never drawn in passing */
    int ditem = S_diagram_item(ctx->pack, secs[i]);
    uint64_t dbit = ditem >= 0 ? (uint64_t)1 << ditem : 0;
    for (size_t b = 0; b < nb; b++) {
      /* only blocks that hold an item are asked whether they state it */
      bool counts = er->hit[b] && S_states(ctx, b, statement);
      em->hit_before[b + 1] = em->hit_before[b] + counts;
      em->dense_before[b + 1] =
          em->dense_before[b] +
          (counts && S_popcount(er->hit[b]) >= EVIDENCE_MIN);
      em->pair_before[b + 1] =
          em->pair_before[b] +
          (counts && (S_popcount(er->hit[b]) >= 2 || (er->hit[b] & dbit)));
    }
    free(er->hit);
    out[secs[i]] = em;
  }
  free(statement);
  free(eb.runs);
  free(eb.run_of);
  free(eb.item_of);
  free(pats);
}

/* The evidence of section s, computed on first use into cache[s]. */
static evidence_map *S_evidence_of(lint_ctx *ctx, evidence_map **cache,
                                   size_t s) {
  if (!cache[s])
    S_evidence_many(ctx, &s, 1, cache);
  return cache[s];
}

static void S_evidence_free(evidence_map *em) {
  if (!em)
    return;
  free(em->sub);
  free(em->hit_before);
  free(em->dense_before);
  free(em->pair_before);
  free(em->named);
  free(em);
}

/* Evidence counts only in a subtree of at most this many bytes (about
 * 2,500 words): in a chapter, not in a whole book whose every part mentions
 * everything. */
#define EVIDENCE_SPAN_BYTES 16384
/* A document of at least this many bytes is long (a guide of chapters,
 * not a design of a few pages), and a section found by its content there
 * needs at least EVIDENCE_LONG_MIN items in its subtree. */
#ifndef EVIDENCE_LONG_DOC
#define EVIDENCE_LONG_DOC 20480
#endif
#define EVIDENCE_LONG_MIN (EVIDENCE_MIN + 2)


/* Topic names: containment of every word (keys), unless the label
 * misspells a name. */
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

/* Whether heading or label block b says something: a heading whose section
 * has content, a label with text after it. */
/* Whether what follows label block bl says the topic is absent:
 * "Monitoring: none for the pilot.", "Fallback: not planned",
 * "**Rollback**: no rollback; we ship forward". */
static bool S_label_negated(const lint_ctx *ctx, const block *bl) {
  static const char *const neg[] = {"none", "no", "not", "nothing", "never",
                                    "n/a", "na", "without", "out of scope",
                                    NULL};
  const char *t;
  size_t n, at;
  if (!S_label_rest(ctx, bl, &t, &n, &at))
    return false;
  size_t label_at = at - strlen(bl->label);
  while (at < n && strchr(" \t*_:-", t[at]))
    at++;
  for (int i = 0; neg[i]; i++) {
    size_t l = strlen(neg[i]);
    if (at + l <= n && strncasecmp(t + at, neg[i], l) == 0 &&
        (at + l == n || !S_alnum(t[at + l])))
      return true;
  }
  return prose_negated(ctx, bl->start + label_at,
                       bl->start + label_at + strlen(bl->label));
}

/* Whether the label of bl itself denies topic tt: among its first three
 * words a "no", "not", "never", "without" or a word ending in "n't",
 * before the first mention of the topic ("We will not A/B test this:
 * ...", "There is no fallback:"); not "No-show rate:", "Offline
 * evaluation doesn't run on production scoring", "Ground truth from the
 * belt, not from the screen", "not only", nor a need denied ("No manual
 * labels are needed: the target is ..."). */
static bool S_label_denies(lint_ctx *ctx, const block *bl,
                           const tmpl_topic *tt) {
  const char *t = ctx->src->text;
  const char *lab = bl->label;
  const char *at = bytes_find(t + bl->start, bl->end - bl->start, lab);
  if (!at)
    return false;
  size_t ls = (size_t)(at - t), le = ls + strlen(lab);
  static const char *const need[] = {"needed", "required", "necessary",
                                     "need", NULL};
  if (S_has_any_phrase(t, ls, le, need))
    return false;
  size_t first = SIZE_MAX, ms, me;
  for (size_t i = 0; i < tt->npatterns; i++)
    if (prose_search(ctx, &tt->patterns[i], ls, le, &ms, &me) && ms < first)
      first = ms;
  if (first == SIZE_MAX)
    return false;
  /* (between the negator and the topic, at most two words, each a
   * determiner or a plain verb: "won't run an A/B test", "no separate
   * fallback"; not "No big-bang rollout: one team first, then ...") */
  static const char *const gap[] = {"a",   "an",     "any",      "the",
                                    "run", "do",     "have",     "plan",
                                    "use", "separate", "formal", "real",
                                    NULL};
  for (size_t i = 0, words = 0; lab[i] && words < 3 && ls + i < first;) {
    while (lab[i] && !S_alnum(lab[i]) && lab[i] != '\'')
      i++;
    size_t w = i;
    while (S_alnum(lab[i]) || lab[i] == '\'')
      i++;
    size_t l = i - w;
    words += l > 0;
    if (!l || lab[i] != ' ' || strncasecmp(lab + i, " only", 5) == 0 ||
        strncasecmp(lab + i, " just", 5) == 0)
      continue;
    if (!((l == 2 && strncasecmp(lab + w, "no", 2) == 0) ||
          (l == 3 && strncasecmp(lab + w, "not", 3) == 0) ||
          (l == 5 && strncasecmp(lab + w, "never", 5) == 0) ||
          (l == 7 && strncasecmp(lab + w, "without", 7) == 0) ||
          (l > 3 && strncasecmp(lab + i - 3, "n't", 3) == 0)))
      continue;
    size_t k = i, between = 0;
    while (between <= 2) {
      while (lab[k] == ' ')
        k++;
      if (ls + k >= first)
        return true; /* the topic is next */
      size_t ws = k;
      while (S_alnum(lab[k]) || lab[k] == '\'')
        k++;
      bool ok = false;
      for (int g = 0; gap[g] && !ok; g++)
        ok = strlen(gap[g]) == k - ws && strncasecmp(lab + ws, gap[g], k - ws) == 0;
      if (!ok || k == ws)
        break;
      between++;
    }
  }
  return false;
}

static bool S_heading_before(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const section *sections = k->array;
  return sections[i].block < k->off;
}

static bool S_block_has_content(const lint_ctx *ctx, size_t b) {
  const block *bl = &ctx->md->blocks[b];
  if (ctx->dead_blocks && ctx->dead_blocks[b])
    return false;
  if (bl->kind != BLOCK_HEADING) {
    /* a label alone on its line over a list or a table heads it like a
     * subheading ("**Fallbacks.**" over "- Model error or timeout →
     * store-level static estimate ...") */
    if (bl->label && !bl->has_content && !bl->in_list && !bl->in_quote &&
        b + 1 < ctx->md->nblocks) {
      const block *nx = &ctx->md->blocks[b + 1];
      if (((nx->kind == BLOCK_PARAGRAPH && nx->in_list) ||
           nx->kind == BLOCK_TABLE) &&
          !nx->in_quote && !(ctx->dead_blocks && ctx->dead_blocks[b + 1]) &&
          S_block_words(ctx, nx, 3) >= 3)
        return true;
    }
    return bl->has_content && !(bl->label && S_label_negated(ctx, bl));
  }
  /* the section this heading opens: sections are in block order */
  const outline *ol = ctx->ol;
  bsearch_key p = {ol->sections, b};
  size_t lo = bsearch_lower(ol->nsections, S_heading_before, &p);
  if (lo < ol->nsections && ol->sections[lo].block == b)
    return S_words_at_least(ctx, &ol->sections[lo], 1);
  return false;
}

/* A subheading that denies its topic says so briefly ("None is planned for
 * the pilot; we review overrides weekly"): a longer one is content. */
#define DENIAL_MAX_WORDS 60

/* Topic tt's patterns in a span: whether one matches live (not negated,
 * not in a dead block), and whether one matches negated. */
typedef struct {
  lint_ctx *ctx;
  size_t first_start, first_end; /* the first block under the heading */
  bool live, negated;
} topic_says;

static bool S_says_hit(void *arg, size_t k, size_t ms, size_t me) {
  (void)k;
  topic_says *ts = arg;
  if (S_in_dead(ts->ctx, ms))
    return true;
  if (prose_negated(ts->ctx, ms, me)) {
    ts->negated |= ts->first_start <= ms && ms < ts->first_end;
    return true;
  }
  ts->live = true;
  return false; /* one live match is enough for this pattern */
}

/* Where t[start, end) starts past leading tags and white space ("<aside>\n
 * We won't ...") and past a <summary> element, a toggle's title. */
static size_t S_past_tags(const char *t, size_t start, size_t end) {
  size_t i = start;
  for (;;) {
    while (i < end && strchr(" \t\r\n", t[i]))
      i++;
    /* an answer's marker in a Q&A: "A: Not covered here.", "**A:** ..." */
    {
      size_t k = i;
      while (k < end && (t[k] == '*' || t[k] == '_'))
        k++;
      size_t w = k + (k + 6 <= end && strncasecmp(t + k, "answer", 6) == 0
                          ? 6
                          : k < end && t[k] == 'A' ? 1 : 0);
      if (w > k && w < end && (t[w] == ':' || t[w] == '.')) {
        w++;
        while (w < end && (t[w] == '*' || t[w] == '_'))
          w++;
        if (w < end && strchr(" \t\r\n", t[w])) {
          i = w;
          continue;
        }
      }
    }
    if (i >= end || t[i] != '<')
      return i;
    bool summary = strncasecmp(t + i, "<summary", 8) == 0;
    const char *gt = memchr(t + i, '>', end - i);
    if (!gt)
      return i;
    i = (size_t)(gt - t) + 1;
    if (summary) {
      const char *close = bytes_find(t + i, end - i, "</summary>");
      if (close)
        i = (size_t)(close - t) + 10;
    }
  }
}

/* Whether t[i, end) opens with one of the phrases (each whole words, or a
 * phrase that ends with a space). */
static bool S_opens_with(const char *t, size_t i, size_t end,
                         const char *const *open) {
  for (int k = 0; open[k]; k++) {
    size_t l = strlen(open[k]);
    if (i + l <= end && strncasecmp(t + i, open[k], l) == 0 &&
        (open[k][l - 1] == ' ' || i + l == end || !S_alnum(t[i + l])))
      return true;
  }
  return false;
}

/* Whether t[start, end) opens by putting the topic off: "To be agreed
 * with the DS guild once the migration is done.", "Still to be decided",
 * "Not decided yet". */
static bool S_opens_deferral(const char *t, size_t start, size_t end) {
  static const char *const open[] = {
      "to be agreed",   "to be decided",  "to be determined", "to be defined",
      "to be confirmed", "to be discussed", "to be worked out", "still to be ",
      "yet to be ",      "not decided",     "not yet decided",  "undecided",
      "not yet taken",   "not taken yet",   "not yet made",     "not made yet",
      "pending",         "not written.",    "not yet written.", "not written yet.",
      /* "Not designed yet. Open items I'd want an engineer to pick up:" */
      "not designed.",   "not yet designed.", "not designed yet",
      "not planned.",    "not planned yet", "not yet planned.",
      "not worked out yet",
      "not yet worked out.",
      /* "Not settled. Questions for the review:", "To come in a
       * follow-up once ...", "Not designed; I listed the questions" */
      "not settled.",    "not settled;",    "not settled yet", "not yet settled",
      /* "Still open. Questions we're working through with WFM:" */
      "still open.",     "still open;",     "still open:",     "still undecided",
      "to come in a follow-up", "to come in a later", "to come in the next",
      "coming in a follow-up", "in a follow-up doc", "in a follow-up design",
      "deferred to a later", "deferred to the next", "deferred to a follow-up",
      "deferred to phase", "deferred to v",  "not designed;",  "not designed,",
      /* "I didn't design this part myself; I said it would look like
       * what <company> published": someone else's design, not this one */
      "i didn't design this", "i didn't design it", "i did not design this",
      "i did not design it", "we didn't design this", "we didn't design it",
      "we did not design this", "we did not design it",
      /* "We did not design or test any serving path" */
      "we did not design any", "we didn't design any", "we did not design or ",
      "we didn't design or ", "i did not design any", "i didn't design any",
      "i haven't designed this", "i haven't designed it",
      "we haven't designed this", "we haven't designed it",
      /* "Not planned for this phase. Once Trading decides ...", "Ran out
       * of time here. Notes to self: ..." */
      "not planned for this ", "not planned for the ", "not planned for now",
      "not planned for v1", "not planned for v2", "ran out of time",
      /* "Haven't got to the feature list yet. Tomas will ..." */
      /* "Waiting on Legal's sign-off before we can use the tickets" */
      "waiting on ",     "blocked on ",      "blocked by ",
      "haven't got to",  "have not got to",  "haven't gotten to",
      "didn't get to",   "did not get to",
      /* a review's "Open question, to discuss in review." */
      "open question,",  "open question.",   "open question;",
      "open question:",  "open question -",  "still an open question",
      "an open question", "to discuss in review", "to discuss at review",
      "to discuss in the review",
      /* "This is left for the next phase. The thresholds above will be
       * switched on ..." */
      "this is left for", "this is left to", "this part is left for",
      "this section is left for", "this chapter is left for",
      "left for the next phase", "left for a later phase", "left for later",
      "left for a follow-up", "left to a follow-up", NULL};
  size_t i = S_past_tags(t, start, end);
  while (i < end &&
         (strchr(" \t\r\n-+*_>#:", t[i]) || (unsigned char)t[i] >= 0x80))
    i++;
  return S_opens_with(t, i, end, open);
}

/* Whether t[start, end) holds phrase p as words ("later", not
 * "collateral"). */
static bool S_has_phrase(const char *t, size_t start, size_t end,
                         const char *p) {
  size_t n = strlen(p);
  if (!n)
    return false;
  /* (the first byte, either case, before the comparison: most bytes of
   * a paragraph are not it) */
  unsigned char lo = (unsigned char)tolower((unsigned char)p[0]),
                up = (unsigned char)toupper((unsigned char)p[0]);
  for (size_t i = start; i + n <= end; i++)
    if (((unsigned char)t[i] == lo || (unsigned char)t[i] == up) &&
        strncasecmp(t + i, p, n) == 0 &&
        (i == start || !S_alnum(t[i - 1]) || p[0] == '\'') &&
        (i + n == end || !S_alnum(t[i + n])))
      return true;
  return false;
}

/* Whether t[start, end) holds one of the phrases of the NULL-terminated
 * list as words (S_has_phrase()). */
static bool S_has_any_phrase(const char *t, size_t start, size_t end,
                             const char *const *list) {
  for (int k = 0; list[k]; k++)
    if (S_has_phrase(t, start, end, list[k]))
      return true;
  return false;
}

/* Where the first sentence of t[start, end) ends: at its first ".", ";",
 * "!" or "?" followed by whitespace or the end, else end. */
static size_t S_first_sentence_end(const char *t, size_t start, size_t end) {
  size_t e = start;
  while (e < end && !(strchr(".;!?", t[e]) &&
                      (e + 1 >= end || strchr(" \t\r\n", t[e + 1]))))
    e++;
  return e;
}

/* Whether the first clause of t[start, end) puts what it names outside
 * the document: "How FD-2 is watched in the field, and how it is rolled
 * out, are not part of this design.", "Retraining is out of scope for
 * this proposal." */
static bool S_sentence_excludes(const char *t, size_t start, size_t end) {
  static const char *const scope[] = {
      "not part of this design", "not part of this doc",
      "not part of this document", "not part of this proposal",
      "not part of this work", "not part of this phase",
      "not part of this project", "not part of this rfc",
      "not part of this spec", "not part of this version",
      "not part of the pilot", "not part of v1", "not part of this release",
      "out of scope for this", "out of scope here", "outside the scope of this",
      "beyond the scope of this", "not in scope for this",
      "not covered by this design", "not covered in this design",
      "not covered in this doc", "not covered in this document",
      "not covered by this doc", "not covered by this document",
      "not addressed in this design", "not addressed in this doc",
      "not addressed in this document", "not addressed here", NULL};
  size_t e = S_first_sentence_end(t, start, end);
  if (S_count_words(t, start, e, 41) > 40)
    return false;
  /* (a turn keeps a part in: "... are out of scope for this doc, but
   * alerting is below") */
  static const char *const turn[] = {"but", "except", "however", "only",
                                     NULL};
  return S_has_any_phrase(t, start, e, scope) &&
         !S_has_any_phrase(t, start, e, turn);
}

/* Whether the first sentence of t[start, end) says that what it names
 * will be settled later or elsewhere: "Ownership, monitoring, and how we
 * roll this out will be worked out with the data platform team when they
 * have capacity." */
static bool S_sentence_defers(const char *t, size_t start, size_t end) {
  static const char *const later[] = {
      "will be worked out", "will be decided",   "will be figured out",
      "will be agreed",     "will be settled",   "will be sorted out",
      "will be defined later", "will be covered separately",
      "will be reviewed separately", "will be designed separately",
      "will be planned separately", "will be handled separately",
      "are still open",     "is still open",
      /* "The success criteria are still being agreed with the working
       * group." */
      "still being agreed", "still being decided", "still being worked out",
      "still being discussed", "still being defined", "still being finalised",
      "still being finalized",
      /* "Feature list to be finalised with Dispatch once ...; I'll fill
       * this in after that", "Priya will write this chapter after the
       * audit" */
      "to be finalised",    "to be finalized",   "'ll fill this in",
      "will fill this in",  "'ll fill it in",    "will fill it in",
      "'ll write this section", "will write this section", "'ll write this chapter",
      "will write this chapter", "'ll write this part", "will write this part",
      "'ll write this up",  "will write this up", "'ll write it up",
      "will write it up",
      /* "This is left for the next phase.", "Retraining is left to a
       * follow-up" */
      "left for the next phase", "left for a later phase", "left for later",
      "left for a follow-up", "left for a later", "left for the next",
      "left to the next phase", "left to a later phase", "left to a follow-up",
      /* "Honestly I haven't thought about rollout yet.", "Monitoring we'll
       * figure out with the SRE folks once the pipeline exists." */
      "haven't thought about", "have not thought about",
      "haven't thought through", "have not thought through",
      "haven't thought this through", "not thought through",
      "'ll figure out", "will figure out", "'ll figure it out",
      "will figure it out", "'ll figure this out", "will figure this out",
      "'ll sort out", "'ll sort it out", "'ll sort this out",
      NULL};
  size_t e = start;
  while (e < end && !(strchr(".!?", t[e]) &&
                      (e + 1 >= end || t[e + 1] == ' ' || t[e + 1] == '\n')))
    e++;
  /* (its first clause: "We track coding time and top-3 recall; the exact
   * targets are still being agreed" states its metrics) */
  const char *semi = memchr(t + start, ';', e - start);
  size_t ce = semi ? (size_t)(semi - t) : e;
  if (S_has_any_phrase(t, start, ce, later))
    return true;
  /* ... or that it will be done later: "We will add monitoring later,
   * once there's something running.", "We'll set up alerts later." */
  static const char *const will[] = {"will add",     "'ll add",
                                     "will set up",  "'ll set up",
                                     "will look at", "'ll look at",
                                     "will think about", "'ll think about",
                                     "will come back", "'ll come back",
                                     "will build",   "'ll build", NULL};
  if (!S_has_phrase(t, start, e, "later"))
    return false;
  return S_has_any_phrase(t, start, e, will);
}

/* Whether text t[start, end) opens by saying something is absent: "No
 * drift monitoring is planned", "None for the pilot", "There is no A/B
 * test", "We will not roll back", after any list marker or emphasis. */
static bool S_opens_denial(const char *t, size_t start, size_t end) {
  static const char *const open[] = {"no ",
                                     "none",
                                     "not ",
                                     "nothing",
                                     "n/a",
                                     "there is no ",
                                     "there are no ",
                                     "there will be no ",
                                     "we do not ",
                                     "we don't ",
                                     "we won't ",
                                     "we will not ",
                                     "we have no ",
                                     "out of scope",
                                     "didn't get to",
                                     "did not get to",
                                     "haven't got to",
                                     "have not got to",
                                     "not started",
                                     "not done yet",
                                     NULL};
  size_t i = S_past_tags(t, start, end);
  /* (past marks and emoji: "❓ Didn't get to this.") */
  while (i < end && (strchr(" \t-+*_>#", t[i]) || (unsigned char)t[i] >= 0x80))
    i++;
  while (i < end && t[i] >= '0' && t[i] <= '9')
    i++;
  while (i < end && strchr(".) \t*_", t[i]))
    i++;
  return S_opens_with(t, i, end, open);
}

/* Whether t[start, end) points the reader elsewhere: "see below", "its
 * own chapter", "covered in section 5". */
static bool S_points_elsewhere(const char *t, size_t start, size_t end) {
  static const char *const where[] = {
      "below",      "above",        "see ",         "chapter", "section ",
      "covered in", "described in", "discussed in", NULL};
  for (size_t i = start; i < end; i++)
    for (int k = 0; where[k]; k++) {
      size_t n = strlen(where[k]);
      if (i + n <= end && strncasecmp(t + i, where[k], n) == 0 &&
          (i == start || !S_alnum(t[i - 1])) &&
          /* (not "see there": back to what was just named, another
           * document: "unchanged from RFC 112; see there") */
          !(strcmp(where[k], "see ") == 0 &&
            S_opens_with(t, i + n, end, (const char *const[]){"there", NULL})))
        return true;
    }
  return false;
}

/* Whether block b, which names topic tt, says the topic is not there:
 * - a label followed by a placeholder or a negation ("**Label strategy**:
 *   TBD", "Monitoring: none for the pilot");
 * - a subheading over only placeholders or to-do notes ("TBD.");
 * - a short subheading whose text opens by denying: in a fragment ("None
 *   for the pilot.") or with the topic mentioned only negated ("### Monitoring"
 *   over "No drift or quality monitoring is planned for the pilot").
 * An empty heading says nothing either way, and a longer section with a
 * negated mention ("time with a draft vs. without (A/B)") is content. The
 * author has then said where the topic would be, and a passing mention
 * elsewhere in the section does not cover it. */
static bool S_block_denies(lint_ctx *ctx, size_t b, const tmpl_topic *tt) {
  const block *bl = &ctx->md->blocks[b];
  if (bl->kind != BLOCK_HEADING) {
    if (!bl->label || !bl->has_content)
      return false;
    /* (a sample line of the template left in over the author's answer,
     * "*Data Sources: User logs, content data, metadata, feedback*" over
     * a list of the sources, says nothing either way: it is dead, so it
     * covers nothing, and the text after it may) */
    if (ctx->dead_blocks && ctx->dead_blocks[b])
      return !S_template_line(ctx->pack, ctx->src->text, bl);
    return S_label_negated(ctx, bl) || S_label_denies(ctx, bl, tt);
  }
  const outline *ol = ctx->ol;
  bsearch_key p = {ol->sections, b};
  size_t lo = bsearch_lower(ol->nsections, S_heading_before, &p);
  if (lo >= ol->nsections || ol->sections[lo].block != b)
    return false;
  const section *sec = &ol->sections[lo];
  if (ctx->dead_blocks && ctx->dead_blocks[b]) {
    /* nothing live under it: a denial when a placeholder or to-do note
     * stands there ("TBD."), not when it is simply empty */
    for (size_t k = sec->first_block; k < sec->end_block; k++)
      if (ctx->md->blocks[k].kind == BLOCK_PARAGRAPH)
        return true;
    return false;
  }
  size_t words = S_count_words(ctx->src->text, sec->body_start, sec->end,
                               DENIAL_MAX_WORDS + 1);
  if (words > DENIAL_MAX_WORDS)
    return false;
  size_t first = sec->first_block;
  while (first < sec->end_block && !S_is_content(&ctx->md->blocks[first]))
    first++;
  if (first == sec->end_block ||
      !S_opens_denial(ctx->src->text, ctx->md->blocks[first].start,
                      ctx->md->blocks[first].end))
    return false;
  /* "No fallback here; it has its own chapter below" points elsewhere */
  if (S_points_elsewhere(ctx->src->text, ctx->md->blocks[first].start,
                         ctx->md->blocks[first].end))
    return false;
  /* "None for the pilot.", "Not planned yet." say it all in a fragment */
  if (words < EVIDENCE_SENTENCE_WORDS)
    return true;
  const pattern *pats[128];
  size_t n = 0;
  for (size_t i = 0; i < tt->npatterns && n < 128; i++)
    pats[n++] = &tt->patterns[i];
  topic_says says = {ctx, ctx->md->blocks[first].start,
                     ctx->md->blocks[first].end, false, false};
  prose_each_many(ctx, pats, n, sec->body_start, sec->end, S_says_hit, &says);
  return says.negated && !says.live;
}

/* A topic is found, in order of preference, by: a subheading or label with
 * content in one of the section's parts naming it (or the part's own
 * heading, exactly, unless a rule checks the topic: "## Deployment" alone is
 * no deployment strategy); text in the parts matching a pattern, not
 * negated and not in a dead block; a heading or
 * label elsewhere in the document naming it exactly and followed by
 * content ("ML Objective: rank events" under Problem Formulation). */
/* How a topic named by block bl is found: a heading of the source, or a
 * label (a bold run-in label read as a heading is still a label). */
static found_via S_via_of(const block *bl) {
  return bl->kind == BLOCK_HEADING && bl->made != BLOCK_MADE_RUN_IN &&
                 bl->made != BLOCK_MADE_ITEM
             ? VIA_HEADING
             : VIA_LABEL;
}

/* Step 1: a subheading or label with content in one of the parts naming
 * the topic, or the part's own heading. */
static void S_topic_by_name(lint_ctx *ctx, const section_cov *sc,
                            const tmpl_topic *tt, topic_cov *tc) {
  const md_blocks *mb = ctx->md;
  memset(tc, 0, sizeof *tc);
  bool own_counts = !tt->named_by_rule; /* see tmpl_topic */
  for (size_t p = 0; p < sc->nparts && tc->via == VIA_NONE; p++) {
    const section *sec = &ctx->ol->sections[sc->parts[p]];
    const block *own = &mb->blocks[sec->block];
    /* "## Monitoring" over "Not in scope; we'll figure out alerting
     * later" denies the topic even where the heading alone could not
     * cover it */
    if (S_topic_named(own, tt, false)) {
      if (S_block_denies(ctx, sec->block, tt)) {
        tc->denied = true;
      } else if (own_counts && S_block_has_content(ctx, sec->block)) {
        S_found(tc, S_via_of(own), own->start, own->end);
        break;
      }
    }
    for (size_t b = sec->first_block; b < sec->end_block; b++) {
      if (!S_topic_named(&mb->blocks[b], tt, true))
        continue;
      if (S_block_denies(ctx, b, tt)) {
        tc->denied = true;
      } else if (S_block_has_content(ctx, b)) {
        const block *bl = &mb->blocks[b];
        S_found(tc, S_via_of(bl), bl->start, bl->end);
        break;
      }
    }
  }
  if (tc->via != VIA_NONE)
    tc->denied = false;
}

/* Whether some pattern of pats[0..n) matches in [start, end). */
static bool S_any_in(lint_ctx *ctx, const pattern *pats, size_t n,
                     size_t start, size_t end) {
  size_t ms, me;
  for (size_t i = 0; i < n; i++)
    if (prose_search(ctx, &pats[i], start, end, &ms, &me))
      return true;
  return false;
}

/* Whether the row [start, end) states a target of topic t (its
 * target_rows) that is no other topic's of the section. */
static bool S_target_row(lint_ctx *ctx, const tmpl_section *ts, size_t t,
                         size_t start, size_t end) {
  const tmpl_topic *tt = &ts->topics[t];
  if (!S_any_in(ctx, tt->rows, tt->nrows, start, end) ||
      S_any_in(ctx, tt->unless, tt->nunless, start, end))
    return false;
  for (size_t o = 0; o < ts->ntopics; o++)
    if (o != t && S_any_in(ctx, ts->topics[o].patterns,
                           ts->topics[o].npatterns, start, end))
      return false;
  return true;
}

/* What introduces the rows of a part, read in one pass over its blocks
 * (S_rows_intro_see() each, then S_rows_introduced() of a list item or
 * table): the paragraph just before its list or table, or the heading
 * over it below the part's own ("Backtest on 2021-2023:", "### Offline
 * evaluation" over a table of results; not "## Offline and online
 * metrics"). Each text is asked of unless once, when a row needs it. */
typedef struct {
  size_t head, last;   /* the last subheading and the last block that is
                          no list item, or SIZE_MAX */
  signed char head_v, last_v; /* their verdicts: -1 not asked yet */
} rows_intro;

static bool S_intro_says(lint_ctx *ctx, const tmpl_topic *tt, size_t b,
                         signed char *v) {
  if (*v < 0) {
    const block *bl = &ctx->md->blocks[b];
    *v = S_any_in(ctx, tt->unless, tt->nunless, bl->start, bl->end);
  }
  return *v;
}

static void S_rows_intro_see(const md_blocks *mb, rows_intro *ri, size_t b) {
  const block *bl = &mb->blocks[b];
  if (bl->kind == BLOCK_PARAGRAPH && bl->in_list)
    return;
  if (bl->kind == BLOCK_HEADING) {
    ri->head = b;
    ri->head_v = -1;
  }
  ri->last = b;
  ri->last_v = -1;
}

static bool S_rows_introduced(lint_ctx *ctx, const tmpl_topic *tt,
                              rows_intro *ri) {
  if (ri->last != SIZE_MAX && ri->last != ri->head &&
      ctx->md->blocks[ri->last].kind == BLOCK_PARAGRAPH &&
      S_intro_says(ctx, tt, ri->last, &ri->last_v))
    return true;
  return ri->head != SIZE_MAX && S_intro_says(ctx, tt, ri->head, &ri->head_v);
}

/* Step 2b: a topic with target_rows, not found by its patterns, in a
 * section that a heading or label names: a list item or table row of the
 * section's parts that states a target and names none of its other topics
 * ("- Re-route rate below 5%", "| Claims per 1,000 loads | -8% |" under
 * Success Metrics are online metrics when they are no offline ones). Not
 * in quotes or dead blocks. */
static void S_topic_by_rows(lint_ctx *ctx, const tmpl_section *ts,
                            const section_cov *sc, size_t t, topic_cov *tc) {
  const md_blocks *mb = ctx->md;
  if (sc->by_content && !sc->label_at)
    return;
  for (size_t p = 0; p < sc->nparts && tc->via == VIA_NONE; p++) {
    const section *sec = &ctx->ol->sections[sc->parts[p]];
    rows_intro ri = {SIZE_MAX, SIZE_MAX, -1, -1};
    for (size_t b = sec->first_block; b < sec->end_block;
         S_rows_intro_see(mb, &ri, b++)) {
      const block *bl = &mb->blocks[b];
      bool item = bl->kind == BLOCK_PARAGRAPH && bl->in_list;
      if ((!item && bl->kind != BLOCK_TABLE) || bl->in_quote ||
          (ctx->dead_blocks && ctx->dead_blocks[b]) ||
          S_rows_introduced(ctx, &ts->topics[t], &ri))
        continue;
      const char *text = ctx->src->text;
      /* (a table whose header says what unless names: "| Month |
       * Backtest misses |") */
      if (!item) {
        const char *nl = memchr(text + bl->start, '\n', bl->end - bl->start);
        if (S_any_in(ctx, ts->topics[t].unless, ts->topics[t].nunless,
                     bl->start, nl ? (size_t)(nl - text) : bl->end))
          continue;
      }
      for (size_t rs = bl->start; rs < bl->end;) {
        const char *nl = item ? NULL : memchr(text + rs, '\n', bl->end - rs);
        size_t re = nl ? (size_t)(nl - text) : bl->end;
        if (S_target_row(ctx, ts, t, rs, re)) {
          S_found(tc, VIA_TEXT, rs, re);
          return;
        }
        rs = re + 1;
      }
    }
  }
}

/* Step 3: a heading or label anywhere naming the topic exactly, with
 * content. */
static void S_topic_named_anywhere(lint_ctx *ctx, const section_cov *sc,
                                   const tmpl_topic *tt, topic_cov *tc) {
  const md_blocks *mb = ctx->md;
  bool own_counts = !tt->named_by_rule; /* see tmpl_topic */
  for (size_t b = 0; b < mb->nblocks && tc->via == VIA_NONE; b++) {
    if (!S_topic_named(&mb->blocks[b], tt, false))
      continue;
    bool own = false;
    for (size_t p = 0; p < sc->nparts && !own_counts && !own; p++)
      own = ctx->ol->sections[sc->parts[p]].block == b;
    if (!own && S_block_has_content(ctx, b) && !S_block_denies(ctx, b, tt))
      S_found(tc, S_via_of(&mb->blocks[b]), mb->blocks[b].start,
              mb->blocks[b].end);
  }
  if (tc->via != VIA_NONE)
    tc->denied = false;
}

static void S_find_topic(lint_ctx *ctx, const tmpl_section *ts,
                         const section_cov *sc, size_t t, topic_cov *tc) {
  const tmpl_topic *tt = &ts->topics[t];
  S_topic_by_name(ctx, sc, tt, tc);
  /* step 2: prose in the parts, the first part with a live match (not
   * where the author has said the topic is absent) */
  for (size_t p = 0; p < sc->nparts && tc->via == VIA_NONE && !tc->denied;
       p++) {
    const section *sec = &ctx->ol->sections[sc->parts[p]];
    size_t ms, me;
    if (S_first_live(ctx, tt, sec->body_start, sec->end, false, &ms, &me))
      S_found(tc, VIA_TEXT, ms, me);
  }
  if (tc->via == VIA_NONE && !tc->denied && tt->nrows)
    S_topic_by_rows(ctx, ts, sc, t, tc);
  S_topic_named_anywhere(ctx, sc, tt, tc);
}

/* Steps 1 to 3 for every topic of one matched section, with step 2 done for
 * all its topics in one pass over each part: the same result as
 * S_find_topic() for each. */
static void S_find_section_topics(lint_ctx *ctx, const tmpl_section *ts,
                                  section_cov *sc) {
  for (size_t t = 0; t < ts->ntopics; t++)
    S_topic_by_name(ctx, sc, &ts->topics[t], &sc->topics[t]);
  size_t npats = 0;
  for (size_t t = 0; t < ts->ntopics; t++)
    npats += ts->topics[t].npatterns;
  topic_race pr = {.ctx = ctx,
                 .topic = xcalloc(npats + 1, sizeof(tmpl_topic *)),
                 .slot = xcalloc(npats + 1, sizeof(size_t)),
                 .best = xcalloc(ts->ntopics + 1, sizeof(size_t)),
                 .best_end = xcalloc(ts->ntopics + 1, sizeof(size_t))};
  const pattern **pats = xcalloc(npats + 1, sizeof(pattern *));
  for (size_t p = 0; p < sc->nparts; p++) {
    size_t k = 0;
    for (size_t t = 0; t < ts->ntopics; t++) {
      pr.best[t] = SIZE_MAX;
      if (sc->topics[t].via != VIA_NONE || sc->topics[t].denied)
        continue;
      for (size_t i = 0; i < ts->topics[t].npatterns; i++) {
        pats[k] = &ts->topics[t].patterns[i];
        pr.topic[k] = &ts->topics[t];
        pr.slot[k++] = t;
      }
    }
    if (!k)
      break;
    const section *sec = &ctx->ol->sections[sc->parts[p]];
    prose_each_many(ctx, pats, k, sec->body_start, sec->end, S_race_hit, &pr);
    for (size_t t = 0; t < ts->ntopics; t++)
      if (sc->topics[t].via == VIA_NONE && pr.best[t] != SIZE_MAX)
        S_found(&sc->topics[t], VIA_TEXT, pr.best[t], pr.best_end[t]);
  }
  free(pats);
  free(pr.topic);
  free(pr.slot);
  free(pr.best);
  free(pr.best_end);
  for (size_t t = 0; t < ts->ntopics; t++)
    if (sc->topics[t].via == VIA_NONE && !sc->topics[t].denied &&
        ts->topics[t].nrows)
      S_topic_by_rows(ctx, ts, sc, t, &sc->topics[t]);
  for (size_t t = 0; t < ts->ntopics; t++)
    S_topic_named_anywhere(ctx, sc, &ts->topics[t], &sc->topics[t]);
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
  c->evidence_at = NULL; /* (the base's memo is not shared between threads) */
  c->limit_pattern = NULL;
  c->limit_at = 0;
  c->md_match = pcre2_match_data_create(32, NULL);
  section_cov *sc = &p->cov->sections[p->section[i]];
  const tmpl_section *ts = &c->pack->sections[p->section[i]];
  S_find_topic(c, ts, sc, p->topic[i], &sc->topics[p->topic[i]]);
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
      if (cov->sections[s].section >= 0)
        S_find_section_topics(ctx, &pk->sections[s], &cov->sections[s]);
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
      ctx->limit_why = pool.runs[i].limit_why;
    }
  free(pool.section);
  free(pool.topic);
  free(pool.runs);
}

/* A topic still unfound is found by prose anywhere in the document outside
 * headings, under the same conditions as in its section (a design that
 * defines its labels under Model Design has a label strategy), by its
 * patterns but not its local ones: every such topic in one pass. */
static void S_find_topics_elsewhere(lint_ctx *ctx, coverage *cov) {
  const ddlint_pack *pk = ctx->pack;
  size_t ntopics = 0, npats = 0;
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t t = 0; t < pk->sections[s].ntopics; t++)
      if (cov->sections[s].section >= 0 &&
          cov->sections[s].topics[t].via == VIA_NONE &&
          !cov->sections[s].topics[t].denied) {
        ntopics++;
        for (size_t i = 0; i < pk->sections[s].topics[t].npatterns; i++)
          npats += !pk->sections[s].topics[t].patterns[i].local;
      }
  if (!npats)
    return;
  topic_race er = {.ctx = ctx,
                    .no_headings = true,
                      .topic = xcalloc(npats, sizeof(tmpl_topic *)),
                      .slot = xcalloc(npats, sizeof(size_t)),
                      .best = xcalloc(ntopics, sizeof(size_t)),
                      .best_end = xcalloc(ntopics, sizeof(size_t))};
  const pattern **pats = xcalloc(npats, sizeof(pattern *));
  topic_cov **where = xcalloc(ntopics, sizeof(topic_cov *));
  size_t k = 0, slot = 0;
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t t = 0; t < pk->sections[s].ntopics; t++) {
      if (cov->sections[s].section < 0 ||
          cov->sections[s].topics[t].via != VIA_NONE ||
          cov->sections[s].topics[t].denied)
        continue;
      const tmpl_topic *tt = &pk->sections[s].topics[t];
      for (size_t i = 0; i < tt->npatterns; i++) {
        if (tt->patterns[i].local)
          continue; /* its section's word, not the document's */
        pats[k] = &tt->patterns[i];
        er.topic[k] = tt;
        er.slot[k++] = slot;
      }
      er.best[slot] = SIZE_MAX;
      where[slot++] = &cov->sections[s].topics[t];
    }
  prose_each_many(ctx, pats, npats, 0, ctx->src->len, S_race_hit, &er);
  for (size_t i = 0; i < ntopics; i++)
    if (er.best[i] != SIZE_MAX)
      S_found(where[i], VIA_ELSEWHERE, er.best[i], er.best_end[i]);
  free(pats);
  free(where);
  free(er.topic);
  free(er.slot);
  free(er.best);
  free(er.best_end);
}

bool block_unfinished(const lint_ctx *ctx, const block *bl) {
  if (bl->kind != BLOCK_PARAGRAPH)
    return false;
  /* (past an outline's number: "**1.5.1** TBD — Priya to fill in") */
  size_t from = S_past_outline_number(ctx->src->text, bl->start, bl->end);
  if (bl->label && from == bl->start && /* "TODO: ask the data team" reads as a label */
      S_unfinished_text(bl->label, strlen(bl->label)))
    return true;
  return S_unfinished_text(ctx->src->text + from, bl->end - from);
}

bool section_is_empty(const lint_ctx *ctx, const section *sec,
                      bool (*nothing)(const lint_ctx *, const block *)) {
  for (size_t b = sec->first_block; b < sec->end_block; b++) {
    const block *bl = &ctx->md->blocks[b];
    block_kind k = bl->kind;
    if (nothing && nothing(ctx, bl))
      continue;
    if (k == BLOCK_PARAGRAPH || k == BLOCK_CODE || k == BLOCK_HTML ||
        k == BLOCK_TABLE)
      return false;
  }
  return true;
}

/* Whether section s may be recognised by content (the pack gave it
 * evidence terms). */
/* Words of prose an opening section needs to be taken for the section
 * documents state first: a paragraph or two, not a line. */
#define OPENING_MIN_WORDS 40

/* Whether heading key k asks what something is ("what is nlp system
 * design", "what are embeddings"): a definition opens a survey, not a
 * design's problem. "What are we building" asks something else. */
static bool S_definition_question(const char *k, const char *title) {
  static const char *const who[] = {"we ", "you ", "they ", "i ", "our ", NULL};
  const char *rest = strncmp(k, "what is ", 8) == 0    ? k + 8
                     : strncmp(k, "what are ", 9) == 0 ? k + 9
                                                       : NULL;
  if (!rest)
    return false;
  for (int i = 0; who[i]; i++)
    if (strncmp(rest, who[i], strlen(who[i])) == 0)
      return false;
  /* ... but not a question about the document's own subject, which its
   * title opens with, alone or before a word that names the document
   * ("# Swarm Warning: design FAQ" over "### What is Swarm Warning?"):
   * that is its opening. "# Embeddings for product search" over "## What
   * are embeddings?" is a definition. */
  static const char *const doc[] = {
      "design", "faq",  "faqs",     "rfc", "proposal", "spec", "doc",
      "document", "overview", "one", "technical", "tech", "system", "v1",
      "v2", "v3", "notes", "pitch", "brief", NULL};
  size_t n = strlen(rest);
  while (n && !isalnum((unsigned char)rest[n - 1]))
    n--;
  if (title && n >= 3 && strncmp(title, rest, n) == 0) {
    const char *w = title + n;
    if (!*w)
      return false;
    for (int i = 0; *w == ' ' && doc[i]; i++) {
      size_t m = strlen(doc[i]);
      if (strncmp(w + 1, doc[i], m) == 0 && (!w[1 + m] || w[1 + m] == ' '))
        return false;
    }
  }
  return true;
}

/* Whether t[start, end) is a document's byline: a line of up to 30 words
 * in emphasis throughout, or with parts set apart by "·" or "|" ("*Merchant
 * Tools squad · working draft · last edit by @kai*"). "We match lost items
 * to owner reports by photo and text." is a sentence of the design. */
static bool S_byline(const char *t, size_t start, size_t end) {
  while (start < end && strchr(" \t\r\n", t[start]))
    start++;
  while (end > start && strchr(" \t\r\n", t[end - 1]))
    end--;
  if (end - start < 3 || memchr(t + start, '\n', end - start) ||
      S_count_words(t, start, end, 31) > 30)
    return false;
  if ((t[start] == '*' || t[start] == '_') && t[end - 1] == t[start])
    return true;
  if (bytes_find(t + start, end - start, "\xC2\xB7") || /* "·" */
      memchr(t + start, '|', end - start))
    return true;
  return false;
}

/* The document's opening section: the first heading after the title (the
 * title itself in a document with no other heading) that is not dead (empty, or
 * not evidence: "## Metadata"), if it is no other section's by name, does not
 * ask what something is, and its own text (up to its first subheading) holds
 * OPENING_MIN_WORDS words of prose; else -1. */
static ptrdiff_t S_opening_section(const lint_ctx *ctx, const bool *used,
                                   const unsigned char *dead) {
  const outline *ol = ctx->ol;
  /* a narrative under its title alone opens with its first paragraphs; so
   * does a proposal whose title is followed by a paragraph or two before
   * its first heading ("# Drafting answers to tenant requests", then what
   * is wrong today and what we propose, then "## What we will measure") */
  bool only_title = ol->nsections == 1 && ol->sections[0].is_title;
  bool title_first = ol->nsections > 1 && ol->sections[0].is_title;
  /* ... and so does a title written at its sections' level, the
   * document's first block ("## Lost property matching — design note"
   * over its author and status line, then "## Summary") */
  if (!title_first && ol->nsections > 1 &&
      ol->sections[1].level == ol->sections[0].level) {
    bool before = false;
    for (size_t b = 0; b < ol->sections[0].block && !before; b++)
      before = S_is_content(&ctx->md->blocks[b]) && !dead[b];
    /* ... over its metadata alone: labels ("**Author:** ...", "Status:
     * draft"), a table of them, or nothing; "## Summary" over a sentence
     * of prose is a section */
    bool meta = true;
    for (size_t b = ol->sections[0].block + 1;
         b < ol->sections[1].block && meta; b++) {
      const block *bl = &ctx->md->blocks[b];
      meta = !S_is_content(bl) || dead[b] || bl->kind == BLOCK_TABLE ||
             (bl->kind == BLOCK_PARAGRAPH &&
              (bl->label || S_byline(ctx->src->text, bl->start, bl->end)));
    }
    title_first = !before && meta;
  }
  for (size_t d = 0; d < ol->nsections; d++) {
    const section *sec = &ol->sections[d];
    bool intro = title_first && d == 0;
    if ((sec->is_title && !only_title && !intro) || dead[sec->block])
      continue;
    const char *norm = ctx->md->blocks[sec->block].norm;
    const char *title =
        ol->sections[0].is_title ? ctx->md->blocks[ol->sections[0].block].norm
                                 : NULL;
    if (used[d] || S_definition_question(norm ? norm : "", title))
      return -1;
    size_t words = 0;
    for (size_t b = sec->first_block;
         b < sec->end_block && words < OPENING_MIN_WORDS; b++) {
      const block *bl = &ctx->md->blocks[b];
      if (bl->kind == BLOCK_HEADING)
        break; /* its own text ends at its first subheading */
      if (dead[b] || (bl->kind != BLOCK_PARAGRAPH && bl->kind != BLOCK_TABLE))
        continue;
      words +=
          S_count_words(ctx->src->text, bl->start, bl->end, OPENING_MIN_WORDS);
    }
    if (words >= OPENING_MIN_WORDS)
      return (ptrdiff_t)d;
    if (!intro)
      return -1;
    /* a title with little under it: its first section opens instead */
  }
  return -1;
}

static bool S_by_content_ok(const ddlint_pack *pk, size_t s) {
  return pk->sections[s].nevidence > 0;
}

/* Whether a topic of section s is named in sec's text by one of its local
 * patterns, not negated: the section's own words once it is found ("We
 * will run v2 alongside v1 for two months" under "## Rollout"), which are
 * no evidence of where it is. */
static bool S_own_local_hit(lint_ctx *ctx, size_t s, const section *sec) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  for (size_t t = 0; t < ts->ntopics; t++)
    for (size_t i = 0; i < ts->topics[t].npatterns; i++) {
      const pattern *pat = &ts->topics[t].patterns[i];
      if (!pat->local)
        continue;
      size_t from = sec->body_start, ms, me;
      while (from < sec->end &&
             prose_search(ctx, pat, from, sec->end, &ms, &me)) {
        if (!S_in_dead(ctx, ms) && !prose_negated(ctx, ms, me))
          return true;
        from = me > ms ? me : ms + 1;
      }
    }
  return false;
}

/* Verdicts of S_off_topic(), kept: a heading is judged once per section
 * even when the exact and the loose passes both meet it. */
typedef struct {
  size_t *key; /* s * nsections_outline + d */
  bool *off;
  size_t n, cap, cap2;
} off_topic_cache;

/* Whether heading d, named like section s, is about something else: its
 * text, long enough to judge, shows none of the section's evidence. */
static bool S_off_topic(lint_ctx *ctx, const namer *nm,
                        const unsigned char *known, off_topic_cache *c,
                        size_t s, size_t d, bool stub) {
  if (!S_by_content_ok(ctx->pack, s) || stub)
    return false;
  size_t key = s * (ctx->ol->nsections + 1) + d;
  for (size_t i = 0; i < c->n; i++)
    if (c->key[i] == key)
      return c->off[i];
  /* (a topic's local patterns are the section's words under its own
   * heading: "the target is the gauge minimum" under "## Data for the
   * correction step") */
  bool off = S_words_at_least(ctx, &ctx->ol->sections[d], OFF_TOPIC_WORDS) &&
             S_evidence_at(ctx, s, d) == 0 &&
             !S_own_local_hit(ctx, s, &ctx->ol->sections[d]);
  /* a subheading that names the section again says the author means it:
   * "## Inputs" over "### Per-field features" and a list of NDVI means
   * and cumulative rainfall */
  const outline *ol = ctx->ol;
  for (size_t q = d + 1; off && q < ol->nsections &&
                         ol->sections[q].start < ol->sections[d].end;
       q++)
    off = !S_heading_names(nm, known, q, s) || S_generic_only(nm, q, s);
  xgrow(&c->key, &c->cap, c->n + 1, sizeof(size_t));
  xgrow(&c->off, &c->cap2, c->n + 1, sizeof(bool));
  c->key[c->n] = key;
  c->off[c->n++] = off;
  return off;
}

/* Whether label block bl is a run-in heading: bold text that opens the
 * paragraph ("**Problem.**") with the paragraph's text going on after it,
 * not "**Use Cases:**" over a list or "Problem: ..." in running text. */
static bool S_label_runs_in(const lint_ctx *ctx, const block *bl) {
  const char *t = ctx->src->text + bl->start;
  size_t n = bl->end - bl->start;
  /* a list item's plain label closed by a colon: "- Features: remaining
   * route distance, ..." (the caller asks 8 words after it) */
  if (bl->in_list && bl->label && n > 4 && S_alnum(t[0])) {
    size_t l = strlen(bl->label);
    if (l >= n || strncasecmp(t, bl->label, l) != 0)
      return false;
    size_t i = l;
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
      i++;
    if (i >= n || t[i] != ':')
      return false;
    /* (not under a list of risks, owners, dates or open points: "##
     * Risks" over "- Model: owned by the platform team until ...") */
    ptrdiff_t d = outline_section_at(ctx->ol, bl->start);
    static const char *const aside[] = {"risk", "owner", "timeline",
                                        "milestone", "status", "dependenc",
                                        "question", "issue", "concern",
                                        "who ", "when ", "schedule", NULL};
    for (; d >= 0; d = ctx->ol->sections[d].parent) {
      const char *h = ctx->md->blocks[ctx->ol->sections[d].block].text;
      for (size_t j = 0; h && h[j]; j++)
        for (int k = 0; aside[k]; k++)
          if (strncasecmp(h + j, aside[k], strlen(aside[k])) == 0)
            return false;
      if (!ctx->ol->sections[d].is_title)
        break; /* (the heading it sits under, not the document's title) */
    }
    return true;
  }
  if (n <= 4 || !((t[0] == '*' && t[1] == '*') || (t[0] == '_' && t[1] == '_')))
    return false;
  /* past the closing bold marker */
  const char *close = NULL;
  for (size_t i = 2; i + 1 < n && !close; i++)
    if (t[i] == t[0] && t[i + 1] == t[0])
      close = t + i + 2;
  if (!close)
    return false;
  for (const char *p = close; p < t + n; p++)
    if (S_alnum(*p))
      return true;
  return false;
}

/* Key-value tables ("| Model | gradient-boosted trees, retrained weekly on
 * ... |"): the keys of the first cells of a table's body rows, for the
 * first TABLE_ROWS_MAX rows, with the offset of each row; free the keys. A
 * cell of more than 64 bytes, or a row with fewer than 8 words after it,
 * names no section. */
#define TABLE_ROWS_MAX 64
static size_t S_table_row_keys(const lint_ctx *ctx, const block *bl,
                               char **keys, size_t *offs) {
  const char *t = ctx->src->text;
  size_t n = 0, row = 0;
  for (size_t i = bl->start; i < bl->end && n < TABLE_ROWS_MAX; row++) {
    size_t eol = i;
    while (eol < bl->end && t[eol] != '\n' && t[eol] != '\r')
      eol++;
    size_t c = i;
    while (c < eol && (t[c] == ' ' || t[c] == '\t'))
      c++;
    if (c < eol && t[c] == '|')
      c++;
    size_t e = c;
    while (e < eol && t[e] != '|')
      e += t[e] == '\\' && e + 1 < eol ? 2 : 1;
    /* the rest of the row must say something (8 words or more): a
     * comparison of options ("| Data | Historical | Latest values |") or a
     * list of modules names sections in passing */
    if (row >= 2 && e > c && e - c <= 64 &&
        S_count_words(t, e, eol, 8) >= 8) {
      char cell[65];
      size_t k = 0;
      for (size_t j = c; j < e; j++)
        if (t[j] != '*' && t[j] != '_' && t[j] != '`')
          cell[k++] = t[j];
      cell[k] = '\0';
      char *norm = title_normalize(cell);
      keys[n] = title_key(norm);
      free(norm);
      offs[n++] = c;
    }
    i = eol;
    while (i < bl->end && (t[i] == '\n' || t[i] == '\r'))
      i++;
  }
  return n;
}

/* Whether the headings matched to pack section s hold nothing of it, and
 * why (sc->empty, sc->empty_why): nothing under any part but headings,
 * comments, template bullets and placeholders, or a part that only points
 * at what exists, a slogan, or a denial. stub[] keeps S_is_stub()'s
 * verdicts per heading (0 not known, 1 content, 2 a stub). */
/* Whether heading d's text is one short paragraph that sends the reader
 * to another tool or site and says nothing itself: "See Confluence:
 * ...", "Details in the Notion page", "Refer to https://...". A link to
 * another part of the same document ("see 03_data.md") is not. */
/* Whether t[i, end) says the content is being written in another
 * document: "Features are being specified together with the Risk Data team
 * in the **Fraud Feature Catalog** doc (link in RISK-2207). Please comment
 * there, not here." */
static bool S_handed_to_doc(const char *t, size_t i, size_t end) {
  static const char *const being[] = {
      "being specified", "being defined", "being written", "being designed",
      "being drafted",   "being worked out", "being documented",
      "being tracked",
      /* ... or already written there: "Features are specified in the
       * follow-up doc HRT-812." */
      "are specified",   "is specified",   "are defined",    "is defined",
      "are described",   "is described",   "are documented", "is documented",
      "are listed",      "are written up", "is written up",  "are set out",
      "is set out",      "are detailed",   "is detailed",    NULL};
  static const char *const doc[] = {"doc",  "docs", "document",
                                    "spec", "catalog", "catalogue",
                                    "sheet", "ticket", "rfc", NULL};
  /* in its first sentence, and little after it ("Please comment there,
   * not here."), not "... being tracked in Grafana; we alert on ..." */
  size_t e = S_first_sentence_end(t, i, end);
  if (e < end && S_count_words(t, e + 1, end, 9) > 8)
    return false;
  return S_has_any_phrase(t, i, e, being) && S_has_phrase(t, i, e, "in") &&
         S_has_any_phrase(t, i, e, doc);
}

/* Whether t[start, end) names another document: "the intake-data design
 * doc", "the v1 spec", "ticket RISK-22". */
static bool S_names_doc(const char *t, size_t start, size_t end) {
  static const char *const doc[] = {"doc",    "docs", "document", "spec",
                                    "ticket", "rfc",  "adr",      NULL};
  return S_has_any_phrase(t, start, end, doc);
}

/* Whether heading d's first paragraph names another document in its first
 * sentence. */
static bool S_points_to_doc(const lint_ctx *ctx, size_t d) {
  const block *first = S_first_prose(ctx, d);
  if (!first)
    return false;
  const char *t = ctx->src->text;
  return S_names_doc(t, first->start,
                     S_first_sentence_end(t, first->start, first->end));
}

/* Whether t[i, end) names where something is written down: another
 * document, a wiki or tracker, a runbook, a link, or an earlier version's
 * document by its section ("see \"AR automation v1\", section 6", "see
 * the v1 design, §4", "see the v1 runbook, §8"). */
static bool S_names_place(const char *t, size_t i, size_t end) {
  static const char *const where[] = {
      "confluence", "notion",     "wiki",        "google doc", "gdoc",
      "jira",       "sharepoint", "quip",        "coda",       "dropbox",
      "the drive",  "shared drive", "http://",   "https://",   "runbook",
      "playbook",   "spreadsheet", NULL};
  if (S_names_doc(t, i, end))
    return true;
  static const char *const earlier[] = {"v1", "v2", "v3", NULL};
  if (S_has_any_phrase(t, i, end, earlier) &&
      (S_has_phrase(t, i, end, "section") ||
       S_has_phrase(t, i, end, "sections") ||
       bytes_find(t + i, end - i, "\xc2\xa7")))
    return true;
  for (size_t k = i; k < end; k++)
    for (int w = 0; where[w]; w++) {
      size_t n = strlen(where[w]);
      /* whole words: not "equipment", "notional", "the driver" */
      if (k + n <= end && strncasecmp(t + k, where[w], n) == 0 &&
          (k == 0 || !S_alnum(t[k - 1])) &&
          (where[w][n - 1] == '/' || k + n == end || !S_alnum(t[k + n])))
        return true;
    }
  return false;
}

static bool S_points_outside(lint_ctx *ctx, size_t d) {
  const section *sec = &ctx->ol->sections[d];
  if (!S_prose_under(ctx, sec, 40, false))
    return false;
  const block *first = S_first_prose(ctx, d);
  if (!first)
    return false;
  const char *t = ctx->src->text;
  size_t i = first->start, end = first->end;
  while (i < end && (t[i] == '*' || t[i] == '_' || t[i] == ' ' || t[i] == '>' ||
                     t[i] == '-' || t[i] == '('))
    i++;
  static const char *const open[] = {"see ",        "refer to ",  "details in ",
                                     "details are in ", "documented in ",
                                     "described in ", "lives in ", "tracked in ",
                                     "covered in ",  "in confluence", NULL};
  /* (past a reuse: "Same as v1 - see \"AR automation v1\", section 6.") */
  static const char *const reuse[] = {"same as v1", "same as v2", "same as v3",
                                     "same as before", "same as today",
                                     "unchanged from v1", "unchanged from v2",
                                     "as in v1",   "as in v2",   "as for v1",
                                     NULL};
  if (S_opens_with(t, i, end, reuse)) {
    size_t k = i;
    while (k < end && !strchr("-\xe2,;:(", t[k]) && k - i < 20)
      k++;
    while (k < end && (strchr(" -,;:(", t[k]) || (unsigned char)t[k] >= 0x80))
      k++;
    if (S_opens_with(t, k, end, open))
      i = k;
  }
  /* (past a sentence that says nothing changed: "No change. See v1,
   * sections 3 and 4.") */
  static const char *const nochange[] = {"no change.",     "no changes.",
                                        "unchanged.",     "nothing changes.",
                                        "nothing changed.", "nothing new.",
                                        NULL};
  if (S_opens_with(t, i, end, nochange)) {
    const char *dot = memchr(t + i, '.', end - i);
    size_t k = dot ? (size_t)(dot - t) + 1 : end;
    while (k < end && (t[k] == ' ' || t[k] == '\n'))
      k++;
    if (S_opens_with(t, k, end, open))
      i = k;
  }
  if (!S_opens_with(t, i, end, open))
    return S_handed_to_doc(t, i, end);
  if (!S_prose_under(ctx, sec, 25, false))
    return false;
  /* (one clause: "See https://... for the method; we train on ..." goes
   * on to say something; a last short note to self does not: "See Jira
   * (SKI-219). Talk to the app team.") */
  static const char *const todo[] = {"talk to ",      "check with ",
                                     "sync with ",     "confirm with ",
                                     "follow up with ", "discuss with ",
                                     "todo",           "tbd",
                                     NULL};
  for (size_t k = i; k < end; k++) {
    if (t[k] == ';')
      return false;
    if (!((t[k] == '.' || t[k] == '!' || t[k] == '?') && k + 1 < end &&
          (t[k + 1] == ' ' || t[k + 1] == '\n') && k + 2 < end &&
          S_alnum(t[k + 2])))
      continue;
    /* ... or "Ask Sepp." / "Ping Dana.": a person named */
    size_t who = k + 2;
    if (who + 5 < end && strncasecmp(t + who, "ask ", 4) == 0)
      who += 4;
    else if (who + 6 < end && strncasecmp(t + who, "ping ", 5) == 0)
      who += 5;
    bool ask = who > k + 2 && isupper((unsigned char)t[who]);
    /* (or any short remark after a pointer to a document: "See the
     * intake-data design doc (VET-140). This model uses the same
     * extracts.") */
    /* ... or that nothing changed since the one it points to: "See the
     * v1 design doc, §1–2. Nothing has changed about why we run the
     * matcher or who uses it." */
    static const char *const same[] = {"nothing has changed", "nothing changed",
                                       "nothing changes", "no change",
                                       "unchanged", NULL};
    /* ... or that what is new there is not settled yet: "How 'resolved'
     * gets labelled for the new head is still being agreed with the CRM
     * team." */
    static const char *const pending[] = {"still being agreed",
                                          "still being decided",
                                          "still being worked out",
                                          "still to be agreed",
                                          "still to be decided",
                                          "to be decided", "not decided yet",
                                          "not yet decided", NULL};
    bool note = ((S_opens_with(t, k + 2, end, todo) || ask) &&
                 S_count_words(t, k + 2, end, 10) < 10) ||
                (S_names_place(t, i, k + 1) &&
                 S_has_any_phrase(t, k + 2, end, pending) &&
                 S_count_words(t, k + 2, end, 25) <= 24) ||
                (S_names_place(t, i, k + 1) &&
                 (S_count_words(t, k + 2, end, 9) <= 8 ||
                  (S_opens_with(t, k + 2, end, same) &&
                   S_count_words(t, k + 2, end, 17) <= 16)));
    for (size_t m = k + 2; m + 1 < end && note; m++) {
      size_t j = m + 1; /* a further sentence: not one short note */
      if (t[j] == ' ')
        j++;
      note = !((t[m] == '.' || t[m] == '!' || t[m] == '?' || t[m] == ';') &&
               j < end && S_alnum(t[j]));
    }
    if (!note)
      return false;
    end = k + 1; /* the pointer is the first sentence */
    break;
  }
  return S_names_doc(t, i, end) || S_names_place(t, i, end);
}

/* Whether heading d marks itself a placeholder in parentheses:
 * "(placeholder)", "(TBD)", "(to be written)"; not "(draft)", which may
 * hold a draft. */
static bool S_heading_placeholder(const lint_ctx *ctx, size_t d) {
  static const char *const marks[] = {
      "placeholder", "tbd",          "todo",          "to do",
      "stub",        "to be written", "not yet written", "to come",
      "coming soon", "to be done",   "fill in",       "empty",
      NULL};
  const char *t = ctx->md->blocks[ctx->ol->sections[d].block].text;
  for (const char *p = t ? strchr(t, '(') : NULL; p;) {
    /* (the next parenthesis of either kind: linear in the heading) */
    const char *q = strpbrk(p + 1, "()");
    if (!q)
      break;
    if (*q == '(') {
      p = q;
      continue;
    }
    size_t n = (size_t)(q - p - 1);
    for (int k = 0; marks[k]; k++)
      if (strlen(marks[k]) == n && strncasecmp(p + 1, marks[k], n) == 0)
        return true;
    p = strchr(q, '(');
  }
  return false;
}

static void S_judge_empty(lint_ctx *ctx, size_t s, section_cov *sc,
                          unsigned char *stub, bool reads_content) {
  const ddlint_pack *pk = ctx->pack;
  const tmpl_section *ts = &pk->sections[s];
  sc->empty = true;
  sc->empty_why = EMPTY_BARE;
  for (size_t p = 0; p < sc->nparts && sc->empty; p++) {
    size_t d = sc->parts[p];
    const section *ps = &ctx->ol->sections[d];
    if (!stub[d])
      stub[d] = S_is_stub(ctx, ps, reads_content) ? 2 : 1;
    if (stub[d] == 2)
      continue;
    if (!S_by_content_ok(pk, s)) {
      sc->empty = false;
      break;
    }
    /* one sentence that points at what exists already instead of saying
     * it ("The usual engagement features from the feature store.",
     * "Unchanged from v1.") */
    if (!ts->opening && S_only_reuses(ctx, ps)) {
      sc->empty_why = EMPTY_REUSED;
      continue;
    }
    /* a line or two that shows nothing of the section ("Standard
     * approaches as before.") is a slogan, not content */
    /* ... and a short text that only says the section is not there
     * ("Monitoring, feedback logging and the experiment design are out of
     * scope for now. We will come back to this chapter once ...") leaves it
     * as empty as a heading over nothing (not the opening section: "There
     * is no way to see ..." states a problem); said first, so that the
     * finding says why */
    int denied =
        !ts->opening && S_is_short_prose(ctx, ps) ? S_denied_at(ctx, s, d) : 0;
    if (!denied &&
        (S_is_thin(ctx, ps) ||
         (ts->needs_evidence && S_is_slogan(ctx, ps) &&
          !S_own_local_hit(ctx, s, ps))) &&
        S_evidence_at(ctx, s, d) == 0) {
      if (!S_is_thin(ctx, ps))
        sc->empty_why = EMPTY_SLOGAN;
      continue;
    }
    /* a longer text of prose alone that opens by putting the section off
     * says why and when, and still decides nothing ("Not decided yet. DS
     * will spend the first sprint comparing options ...") */
    if (!denied && !ts->opening &&
        S_prose_under(ctx, ps, SLOGAN_LONG_WORDS, true)) {
      const block *first = S_first_prose(ctx, d);
      if (first && first->kind == BLOCK_PARAGRAPH &&
          S_opens_deferral(ctx->src->text, first->start, first->end))
        denied = 1;
      /* ... and so does one whose every paragraph says what is not done
       * ("We won't monitor drift in v1. ..." / "No A/B test and no staged
       * rollout: ..." / "Operators' replies are not stored anywhere
       * yet."), whatever it names on the way */
      else if (S_all_deny(ctx, ps))
        denied = 1;
    }
    /* ... and so does a line that only sends the reader to another tool
     * ("See Confluence: \"Caries dataset v2 - sources and annotation
     * protocol\"."): what is there is not in this document */
    /* (the opening section too when it names another document: "## 1.
     * Context" over "See the v1 design doc, §1–2. Nothing has changed
     * ..." states no problem) */
    if (!denied && S_points_outside(ctx, d) &&
        (!ts->opening || S_points_to_doc(ctx, d)))
      denied = 2;
    /* ... and so does a heading that calls itself a placeholder, over a
     * short text of prose ("## ADR-007: Monitoring and rollout
     * (placeholder)" over why it is not written yet) */
    if (!denied && !ts->opening && S_heading_placeholder(ctx, d) &&
        S_prose_under(ctx, ps, SLOGAN_LONG_WORDS, true) &&
        S_evidence_at(ctx, s, d) < EVIDENCE_MIN)
      denied = 1;
    if (denied) {
      sc->empty_why = denied == 2 ? EMPTY_HANDED : EMPTY_DENIED;
      continue;
    }
    sc->empty = false;
  }
}

/* Marks in over[] (one byte per heading, zeroed here) the headings that
 * are one of sc's parts, lie inside one or hold one. Sections nest (the
 * outline is built with a stack), so that is the parts, their subtrees and
 * their ancestors: linear, where testing each heading against each part
 * was quadratic in a document that repeats an empty heading. */
static void S_mark_overlaps(const outline *ol, const section_cov *sc,
                            unsigned char *over) {
  memset(over, 0, ol->nsections);
  for (size_t p = 0; p < sc->nparts; p++)
    over[sc->parts[p]] = 1;
  for (size_t p = 0; p < sc->nparts; p++)
    for (ptrdiff_t a = ol->sections[sc->parts[p]].parent; a >= 0 && !over[a];
         a = ol->sections[a].parent)
      over[a] = 2; /* an ancestor: its other children are apart */
  for (size_t d = 0; d < ol->nsections; d++) /* parents come first */
    if (!over[d] && ol->sections[d].parent >= 0 &&
        over[ol->sections[d].parent] == 1)
      over[d] = 1;
}

/* Words of label block bl after its label (counted up to 8). */
static size_t S_words_after_label(const lint_ctx *ctx, const block *bl) {
  const char *t;
  size_t n, at;
  if (!S_label_rest(ctx, bl, &t, &n, &at))
    return 0;
  return S_count_words(t, at, n, 8);
}

/* Whether most content blocks in [fb, eb) are list items. */
static bool S_mostly_list(const lint_ctx *ctx, size_t fb, size_t eb) {
  size_t items = 0, all = 0;
  for (size_t b = fb; b < eb; b++)
    if (S_is_content(&ctx->md->blocks[b])) {
      all++;
      items += ctx->md->blocks[b].in_list;
    }
  return all && 2 * items > all;
}

void match_document(lint_ctx *ctx, coverage *cov) {
  const ddlint_pack *pk = ctx->pack;
  const outline *ol = ctx->ol;
  memset(cov, 0, sizeof *cov);
  cov->nsections = pk->nsections;
  cov->sections = xcalloc(pk->nsections + 1, sizeof(section_cov));
  bool *used = xcalloc(ol->nsections + 1, sizeof(bool));
  /* the section that took a heading by containment, or -1 */
  ptrdiff_t *taken = xcalloc(ol->nsections + 1, sizeof(ptrdiff_t));
  /* per heading: whether its words are words of the pack's section names
   * (0 none, 1 some, 2 all); a heading with none names no section, one with
   * some names none exactly. Keeps a million headings linear and cheap. */
  unsigned char *known = xcalloc(ol->nsections + 1, 1);
  /* per heading: 0 not yet known, 1 content, 2 a stub or empty */
  unsigned char *stub = xcalloc(ol->nsections + 1, 1);
  evidence_map **evidence = xcalloc(pk->nsections + 1, sizeof(*evidence));
  /* content blocks before each block index (prefix sums) */
  size_t *content_before = xcalloc(ctx->md->nblocks + 1, sizeof(size_t));
  for (size_t b = 0; b < ctx->md->nblocks; b++)
    content_before[b + 1] =
        content_before[b] + S_is_content(&ctx->md->blocks[b]);
  for (size_t d = 0; d < ol->nsections; d++) {
    const char *key = S_heading_key(ctx, d);
    size_t words = 0, hits = 0;
    taken[d] = -1;
    for (const char *w = key; *w;) {
      const char *e = strchr(w, ' ');
      size_t n = e ? (size_t)(e - w) : strlen(w);
      words++;
      hits += pack_vocab_has(pk, w, n);
      w += n + (e != NULL);
    }
    known[d] = hits == 0 ? 0 : hits == words ? 2 : 1;
  }
  /* a pack that gives evidence terms opts into reading content: template
   * bullets are stubs, topics may be found anywhere in the document */
  bool reads_content = false;
  for (size_t s = 0; s < pk->nsections; s++)
    reads_content = reads_content || S_by_content_ok(pk, s);
  off_topic_cache otc = {0};
  namer nm;
  /* where content can speak for a section, a one-word name must be a
   * heading's head noun ("Data Drift Detection" is not Data and Labeling);
   * elsewhere any word of its head phrase will do ("Implementation
   * feasibility" is the RFC's implementation section) */
  S_namer_init(&nm, ctx, known, reads_content);
  unsigned char *dead = S_dead_blocks(&nm);
  ctx->dead_blocks = dead;
  ctx->evidence_at = xcalloc((ol->nsections + 1) * (pk->nsections + 1), 1);
  /* "## Metadata" is never a section, and neither is a heading under
   * "## Case study 4: DoorDash" ("### Architecture Overview" is theirs) */
  size_t ne_end = 0;
  for (size_t d = 0; d < ol->nsections; d++) {
    const section *sec = &ol->sections[d];
    bool inside = sec->block < ne_end;
    /* the title, as in S_dead_blocks(): only when it opens with an entry */
    if (!inside && S_not_evidence(&nm, d) &&
        (!sec->is_title || S_not_evidence_opens(&nm, d))) {
      inside = true;
      ne_end = sec->end_block;
    }
    if (inside)
      known[d] = 0;
  }
  S_unknown_furniture(&nm, known);
  int level = S_structural_level(ctx, known);
#define STUB(d)                                                                \
  (stub[d] ? stub[d] == 2                                                      \
           : (stub[d] = S_is_stub(ctx, &ol->sections[d], reads_content) ? 2 : 1) ==   \
                 2)
#define EVMAP(s) S_evidence_of(ctx, evidence, s)
#define EVIDENCE(s, d) S_popcount(EVMAP(s)->sub[d])
  /* a heading named like section s whose text, long enough to judge, shows
   * none of its evidence is about something else ("Essential Mathematical
   * Background" is not the problem statement, "Threat Model" no model) */
#define OFF_TOPIC(s, d) S_off_topic(ctx, &nm, known, &otc, s, d, STUB(d))

  /* Exact names first, for every section, at any level: a heading with
   * content before a stub, then the shallowest ("## 7. Prediction Service"
   * over a nested "### 6.2 Ranking"), then the title before an alias. */
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    section_cov *sc = &cov->sections[s];
    sc->section = -1;
    sc->near = -1;
    sc->off_topic = -1;
    sc->passing = -1;
    /* an author who names the section exactly, by its title or an alias
     * ("## Problem"), means it: such a heading is taken whatever it holds;
     * only headings that merely contain a name are judged by what they
     * hold (below) */
    int best_rank = 0;
    for (size_t d = 0; d < ol->nsections; d++) {
      const char *key = S_heading_key(ctx, d);
      if (known[d] != 2 || ol->sections[d].is_title ||
          !S_names_equal(key, ts->key_title, ts->alias_keys, ts->naliases) ||
          !S_nest_ok(ctx, cov, s, d) || S_borrowed_name(&nm, known, d, s))
        continue;
      /* the title, then the aliases in the pack's order: a pack lists a
       * section's most telling names first ("architecture" before
       * "approach") */
      int alias = 0;
      if (strcmp(key, ts->key_title) != 0)
        for (size_t i = 0; i < ts->naliases && !alias; i++)
          if (strcmp(key, ts->alias_keys[i]) == 0)
            alias = (int)i + 1;
      /* an alias under a heading naming the section this one is
       * not_under: "## Key Metrics" in "# Chapter 9: Monitoring" */
      if (alias && S_under_other(&nm, known, d, s))
        continue;
      int rank = (STUB(d) ? 100000 : 0) +
                 (alias && pk->title_priority ? 10000 : 0) +
                 1000 * ol->sections[d].level + alias;
      if (sc->section < 0 || rank < best_rank) {
        /* an alias is a looser name than the title ("Approach",
         * "Design"): long enough to judge and showing none of the
         * section, it is about something else (judged only where it would
         * win: a document may repeat a heading many times) */
        if (alias && !ts->opening && OFF_TOPIC(s, d)) {
          if (sc->off_topic < 0)
            sc->off_topic = (ptrdiff_t)d;
          continue;
        }
        sc->section = (ptrdiff_t)d;
        best_rank = rank;
      }
    }
    /* a stub named exactly ("### Monitoring" over "TBD.") under a heading
     * that also names the section ("## Rollout and operations") is a topic
     * of that section left open, not the section: take the parent */
    /* (so is one that only points elsewhere: "### 4.2 Labels" over
     * "Unchanged. See v1, section 4.2.") */
    if (sc->section >= 0 &&
        (STUB(sc->section) || S_points_outside(ctx, (size_t)sc->section))) {
      ptrdiff_t p = ol->sections[sc->section].parent;
      if (p >= 0 && !used[p] && !ol->sections[p].is_title && !STUB(p) &&
          (S_cover(&nm, (size_t)p, s) > 0 ||
           S_has_one_word_name(ctx, (size_t)p, s)) &&
          S_nest_ok(ctx, cov, s, (size_t)p))
        sc->section = p;
    }
    if (sc->section >= 0)
      used[sc->section] = true;
  }
  /* Then headings that contain a name, at or above the structural level,
   * among those not yet taken. A heading goes to the section whose name
   * covers most of its words. */
  for (size_t d = 0; d < ol->nsections; d++) {
    if (!known[d] || used[d] || ol->sections[d].is_title ||
        ol->sections[d].level > level)
      continue;
    ptrdiff_t best = -1;
    double best_cover = 0;
    for (size_t s = 0; s < pk->nsections; s++) {
      if (cov->sections[s].section >= 0 || !S_nest_ok(ctx, cov, s, d) ||
          S_borrowed_name(&nm, known, d, s) || S_under_other(&nm, known, d, s))
        continue;
      double cover = S_cover(&nm, d, s);
      if (cover > best_cover) {
        if (OFF_TOPIC(s, d)) {
          if (cov->sections[s].off_topic < 0)
            cov->sections[s].off_topic = (ptrdiff_t)d;
          continue;
        }
        best_cover = cover;
        best = (ptrdiff_t)s;
      }
    }
    if (best >= 0) {
      cov->sections[best].section = (ptrdiff_t)d;
      used[d] = true;
      taken[d] = best;
    }
  }
  /* A heading can name two sections at once ("Drawbacks / alternatives")
   * when the second name adds words of its own, and, where the pack gives
   * evidence terms, when its content shows the second section too:
   * "Signals we feed the model" is not also Model Design on its words. */
  for (size_t s = 0; s < pk->nsections; s++) {
    if (cov->sections[s].section >= 0)
      continue;
    for (size_t d = 0; d < ol->nsections; d++) {
      if (taken[d] < 0 || !S_contained(&nm, d, s) || !S_nest_ok(ctx, cov, s, d))
        continue;
      /* the second name must not lie inside the first ("architecture"
       * in "model architecture"), unless the heading says it again
       * outside it ("Goals and Non-Goals") */
      bool own_words = false;
      const tmpl_section *ts = &pk->sections[s];
      for (size_t k = 0; k <= ts->naliases && !own_words; k++)
        if (S_contains_name(&nm, d, s, k)) {
          const name_forms *first = &nm.nf[taken[d]];
          bool inside = false;
          for (size_t j = 0; j <= pk->sections[taken[d]].naliases; j++)
            if (S_contains_name(&nm, d, (size_t)taken[d], j) &&
                title_phrase_contains(first->phrase[j], nm.nf[s].phrase[k]) &&
                !title_phrase_outside(nm.hf[d].phrase, first->phrase[j],
                                      nm.nf[s].phrase[k]))
              inside = true;
          own_words = !inside;
        }
      if (!own_words)
        continue;
      if (S_by_content_ok(pk, s) && S_evidence_at(ctx, s, d) < 2)
        continue;
      cov->sections[s].section = (ptrdiff_t)d;
      break;
    }
  }
  /* Reading content fills the gaps of any document, even one whose
   * headings name no template section at all: designs written freely
   * ("Why we are building this", "How it is served") are the ones that
   * need it most. */
  bool fill_gaps = reads_content;
  /* Where the pack gives evidence terms: a deeper heading that contains a
   * name of a section still unmatched, with content that shows it ("###
   * Feature engineering: three families" inside "## Model development"). */
  /* The same for a section whose only exact name is an alias over
   * nothing ("## Serving" over open questions) when a heading elsewhere
   * contains one of its names and holds its content ("## 4 From forecast
   * to rebalancing targets"): not its title, which is the author's empty
   * slot ("## Prediction" over "TBD"), nor the opening section, which
   * has its own rule below. */
  for (size_t s = 0; s < pk->nsections && fill_gaps; s++) {
    section_cov *sc = &cov->sections[s];
    ptrdiff_t empty_alias = -1;
    /* (the title in fewer words is the title: "## Prediction" for
     * "Prediction and Ranking") */
    if (sc->section >= 0 && !pk->sections[s].opening && STUB(sc->section) &&
        !title_key_contains(pk->sections[s].key_title,
                            S_heading_key(ctx, (size_t)sc->section)))
      empty_alias = sc->section;
    if ((sc->section >= 0 && empty_alias < 0) || !S_by_content_ok(pk, s))
      continue;
    sc->section = -1;
    for (size_t d = 0; d < ol->nsections; d++) {
      /* (not a heading another section took by its name: "Modeling
       * approach" is the model's, whatever "approach" names; two names
       * in one heading are the step above's) */
      if (!known[d] || ol->sections[d].is_title || used[d] ||
          (sc->section >= 0 &&
           ol->sections[d].level >= ol->sections[sc->section].level) ||
          !S_contained(&nm, d, s) || STUB(d) ||
          S_borrowed_name(&nm, known, d, s) || S_under_other(&nm, known, d, s) ||
          S_evidence_at(ctx, s, d) < 1 || S_under_near_miss(ctx, d, s))
        continue;
      sc->section = (ptrdiff_t)d;
    }
    if (sc->section < 0)
      sc->section = empty_alias;
    else if (empty_alias >= 0) {
      /* (the heading stays used when another section holds it too) */
      bool shared = false;
      for (size_t o = 0; o < pk->nsections; o++)
        shared |= o != s && cov->sections[o].section == empty_alias;
      used[empty_alias] = shared;
    }
    if (sc->section >= 0)
      used[sc->section] = true;
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
            S_contained(&nm, d, s)))
        continue;
      used[d] = true;
      sc->parts[sc->nparts++] = d;
    }
  }

  /* Where the pack gives evidence terms: run-in bold labels that name
   * sections exactly ("**Problem.** We send...", "**Success metrics:**
   * Offline..."), in a document that writes at least two of its sections
   * that way. A section so named is found under the heading that holds the
   * label, and its note names the label. */
  {
    size_t *at = xcalloc(pk->nsections + 1, sizeof(size_t));
    size_t named_by_label = 0;
    for (size_t s = 0; s < pk->nsections && reads_content; s++) {
      const tmpl_section *ts = &pk->sections[s];
      if (cov->sections[s].section >= 0 || !S_by_content_ok(pk, s))
        continue;
      for (size_t b = 0; b < ctx->md->nblocks && !at[s]; b++) {
        const block *bl = &ctx->md->blocks[b];
        /* (a bullet too, when 8 words or more follow its label: "-
         * **Inputs:** cleaned descriptor, MCC, amount bucket, ...", not a
         * list of risks' "- **Data:** may be stale") */
        if (bl->kind == BLOCK_PARAGRAPH && bl->label && bl->key && !dead[b] &&
            S_label_runs_in(ctx, bl) &&
            (!bl->in_list || S_words_after_label(ctx, bl) >= 8) &&
            S_names_equal(bl->key, ts->key_title, ts->alias_keys,
                          ts->naliases) &&
            outline_section_at(ol, bl->start) >= 0)
          at[s] = bl->start + 1; /* 0 is "none" */
      }
      named_by_label += at[s] != 0;
    }
    /* and key-value tables whose first column names at least two sections
     * ("| Signals | ... |", "| Serving | ... |"), the first 256 tables */
    bool *row = xcalloc(pk->nsections + 1, sizeof(bool));
    for (size_t b = 0, tables = 0;
         reads_content && b < ctx->md->nblocks && tables < 256; b++) {
      const block *bl = &ctx->md->blocks[b];
      if (bl->kind != BLOCK_TABLE || dead[b] ||
          outline_section_at(ol, bl->start) < 0)
        continue;
      tables++;
      char *keys[TABLE_ROWS_MAX];
      size_t offs[TABLE_ROWS_MAX];
      size_t nk = S_table_row_keys(ctx, bl, keys, offs);
      size_t found[TABLE_ROWS_MAX + 1], nfound = 0;
      for (size_t s = 0; s < pk->nsections; s++) {
        const tmpl_section *ts = &pk->sections[s];
        if (at[s] || cov->sections[s].section >= 0 || !S_by_content_ok(pk, s))
          continue;
        for (size_t k = 0; k < nk; k++)
          if (S_names_equal(keys[k], ts->key_title, ts->alias_keys,
                            ts->naliases)) {
            found[nfound++] = s;
            found[nfound++] = offs[k];
            break;
          }
        if (nfound >= TABLE_ROWS_MAX)
          break;
      }
      /* a table that names one section is a table about something else */
      for (size_t f = 0; nfound >= 4 && f + 1 < nfound; f += 2) {
        at[found[f]] = found[f + 1] + 1;
        row[found[f]] = true;
        named_by_label++;
      }
      for (size_t k = 0; k < nk; k++)
        free(keys[k]);
    }
    for (size_t s = 0; s < pk->nsections && named_by_label >= 2; s++) {
      section_cov *sc = &cov->sections[s];
      if (!at[s])
        continue;
      ptrdiff_t d = outline_section_at(ol, at[s] - 1);
      sc->section = d;
      sc->by_content = true;
      sc->label_at = at[s] - 1;
      sc->label_row = row[s];
      sc->parts = xcalloc(2, sizeof(size_t));
      sc->parts[sc->nparts++] = (size_t)d;
    }
    free(row);
    free(at);
  }
  {
    /* the evidence of every section still unmatched, in one pass */
    size_t want[64], nwant = 0;
    for (size_t s = 0; s < pk->nsections && nwant < 64 && fill_gaps; s++)
      if (cov->sections[s].section < 0 && S_by_content_ok(pk, s) &&
          !evidence[s])
        want[nwant++] = s;
    if (nwant)
      S_evidence_many(ctx, want, nwant, evidence);
  }
  /* Where the pack gives evidence terms, a section with no heading of its
   * own is found in the subtree that shows most of its evidence items (at
   * least EVIDENCE_MIN); on a tie, the deepest and then the first, so the
   * report names the narrowest heading that covers it. */
  /* ... and that is prose: three paragraphs of 12 words or more, not an
   * outline of the template's bullets */
  bool only_title = ol->nsections == 1 && ol->sections[0].is_title;
  for (size_t b = 0, prose = 0; only_title && prose < 3; b++) {
    if (b == ctx->md->nblocks) {
      only_title = false;
      break;
    }
    const block *bl = &ctx->md->blocks[b];
    prose += bl->kind == BLOCK_PARAGRAPH && !bl->in_list && !dead[b] &&
             S_count_words(ctx->src->text, bl->start, bl->end, 12) >= 12;
  }
  /* per heading, for an empty named section: S_mark_overlaps() */
  unsigned char *over = xcalloc(ol->nsections + 1, 1);
  for (size_t s = 0; s < pk->nsections && fill_gaps; s++) {
    section_cov *sc = &cov->sections[s];
    if (!S_by_content_ok(pk, s))
      continue;
    /* a heading that names the section but holds nothing of it ("###
     * Serving" over "Owned by the platform team; see their doc.") yields to
     * a subtree elsewhere that covers it ("### Price setting") */
    bool empty_named = false;
    if (sc->section >= 0) {
      if (sc->by_content)
        continue;
      S_judge_empty(ctx, s, sc, stub, reads_content);
      /* (a heading over nothing, a placeholder or a hand-off: not one
       * that says the section is not there, a slogan or "the usual") */
      if (!sc->empty ||
          (sc->empty_why != EMPTY_BARE && sc->empty_why != EMPTY_HANDED &&
           sc->empty_why != EMPTY_DENIED))
        continue;
      empty_named = true;
      S_mark_overlaps(ol, sc, over);
    }
    ptrdiff_t best = -1, passing = -1;
    unsigned best_n = 0, passing_n = 0;
    bool passing_thin = false;
    /* a heading named exactly like the section whose text the items miss
     * ("## A/B Testing" over an experiment's code) */
    const tmpl_section *ts_s = &pk->sections[s];
    bool named_off =
        sc->off_topic >= 0 &&
        S_names_equal(S_heading_key(ctx, (size_t)sc->off_topic),
                      ts_s->key_title, ts_s->alias_keys, ts_s->naliases);
    for (size_t d = 0; d < ol->nsections; d++) {
      const section *sec = &ol->sections[d];
      /* the blocks and bytes a candidate spans: its subtree */
      size_t fb = sec->first_block, eb = sec->end_block;
      size_t from = sec->start, to = sec->end;
      unsigned n;
      if (sec->is_title && !only_title) {
        /* the title's subtree is the whole document; its own text (before
         * the first subheading) is a candidate when it is most of the
         * document: notes or a thread with a heading or two at the end */
        if (ol->nsections < 2 || dead[sec->block])
          continue;
        eb = ol->sections[1].block;
        to = ol->sections[1].start;
        if (2 * (to - from) < ctx->src->len)
          continue;
        n = S_popcount(EVMAP(s)->title_own);
      } else {
        if (dead[sec->block])
          continue;
        n = EVIDENCE(s, d);
      }
      if (to - from > EVIDENCE_SPAN_BYTES || n < PASSING_MIN)
        continue;
      /* (not a short text that opens by putting it all off: "Not written
       * yet. Planned headings: model, ..., monitoring, rollout.") */
      if (!sec->is_title && S_prose_under(ctx, sec, SLOGAN_LONG_WORDS, false)) {
        const block *first = S_first_prose(ctx, d);
        if (first && first->kind == BLOCK_PARAGRAPH &&
            S_opens_deferral(ctx->src->text, first->start, first->end))
          continue;
      }
      /* the subtree is about the section: a good share of its paragraphs
       * hold its evidence, not a passing mention in a chapter on
       * something else */
      size_t blocks = content_before[eb] - content_before[fb];
      size_t hits = EVMAP(s)->hit_before[eb] - EVMAP(s)->hit_before[fb];
      /* the share asked grows with the subtree: a chapter of a few
       * paragraphs may cover a section in one of them, a long one must
       * keep coming back to it */
      double span = (double)(to - from) / EVIDENCE_SPAN_BYTES;
      /* or one paragraph, list item or table says it all on its own */
      size_t dense = EVMAP(s)->dense_before[eb] - EVMAP(s)->dense_before[fb];
      /* ... and in either case some paragraph (list item, table) says two
       * things of the section together: items one to a paragraph, across a
       * chapter on something else ("Field Service" here, "F1" tickets
       * there, a "threshold" further on), are words in passing */
      size_t pairs = EVMAP(s)->pair_before[eb] - EVMAP(s)->pair_before[fb];
      /* (not a lone table under its heading: a reference table, "When to
       * use batch vs streaming" over "| Fraud detection | Streaming |",
       * names what each row is about, in passing) */
      if (dense && blocks == 1)
        for (size_t b = fb; b < eb; b++)
          if (S_is_content(&ctx->md->blocks[b]) &&
              ctx->md->blocks[b].kind == BLOCK_TABLE)
            dense = pairs = 0;
      if (!dense &&
          (double)hits < EVIDENCE_SHARE * (span < 1 ? span : 1) * (double)blocks)
        continue;
      /* (unless its heading's own words name some of it: "How it fits
       * together: services, the request path"); a subtree of words in
       * passing competes only to be named by the softer finding */
      /* (nor a short list most of whose items hold one each:
       * "Smoothing", "Window", "Sanity bounds" bullets under "What we
       * publish"; paragraphs one to a mention stay words in passing) */
      bool in_passing = !dense && !pairs && !EVMAP(s)->named[d] &&
                        !(blocks <= 8 && 2 * hits > blocks &&
                          S_mostly_list(ctx, fb, eb));
      /* in a long document (a guide of chapters), three or four items in
       * one subtree are words in passing too: a guide to feature stores
       * names "per-feature drift" in a chi-square test and "predictions"
       * in a feedback loop without designing features or predictions
       * (unless a heading named exactly like the section holds code or a
       * diagram the items miss: "## A/B Testing" over an experiment's
       * code) */
      bool thin = !in_passing && ctx->src->len >= EVIDENCE_LONG_DOC &&
                  n < EVIDENCE_LONG_MIN && !named_off;
      in_passing = in_passing || thin || n < EVIDENCE_MIN;
      /* past an empty heading of the section, only a subtree apart from
       * it and from the headings other sections took by name, in two
       * blocks or more: the author's empty heading says what the rest of
       * the text is not, "How we'll know it works" is about metrics
       * whatever data words its bullets hold, and one table of how each
       * part went ("Monitoring / rollout | did not get to it") is no
       * chapter */
      if (empty_named && (in_passing || hits < 2 || over[d] || used[d]))
        continue;
      /* a heading another section took by its name covers this one too
       * only where it says more than one paragraph's worth of it: a
       * "Model" chapter whose one paragraph embeds the catalog offline in
       * batch designs no architecture */
      if (used[d] && !dense && hits < 2)
        continue;
      ptrdiff_t *win = in_passing ? &passing : &best;
      unsigned *win_n = in_passing ? &passing_n : &best_n;
      /* on a tie, the heading that names some of it ("Turning model
       * output into what we show"), then the deepest, then the first */
      int cmp = n != *win_n ? (n > *win_n ? 1 : -1) : 0;
      if (!cmp && *win >= 0 && EVMAP(s)->named[d] != EVMAP(s)->named[*win])
        cmp = EVMAP(s)->named[d] ? 1 : -1;
      if (!cmp && *win >= 0 && ol->sections[d].rank > ol->sections[*win].rank)
        cmp = 1;
      if (cmp > 0) {
        *win = (ptrdiff_t)d;
        *win_n = n;
        if (in_passing)
          passing_thin = thin;
      }
    }
    if (best >= 0) {
      free(sc->parts);
      sc->nparts = 0;
      sc->section = best;
      sc->by_content = true;
      sc->parts = xcalloc(2, sizeof(size_t));
      sc->parts[sc->nparts++] = (size_t)best;
    } else if (!empty_named) {
      sc->passing = passing;
      sc->passing_items = passing >= 0 && passing_thin ? passing_n : 0;
    }
  }

  /* A section that documents state first ("opening" in the pack: a
   * design's problem) and that is still unmatched is the document's
   * opening section, when that is prose and no other section's by name:
   * "## Why bother?", "## What you're balancing" open a design with its
   * problem whatever they are called. */
  /* So is one matched only to a heading of another name that holds
   * nothing of it ("**Goals**" over "Accurate, fast, trusted by growers."
   * after "**What**" has said what the problem is); not one the author
   * titled after it ("## Problem" over "TBD"), which is the empty slot. */
  for (size_t s = 0; s < pk->nsections && fill_gaps; s++) {
    section_cov *sc = &cov->sections[s];
    if (!pk->sections[s].opening)
      continue;
    bool yield = false;
    if (sc->section >= 0) {
      const char *key = ctx->md->blocks[ol->sections[sc->section].block].key;
      if (sc->by_content || !sc->empty || sc->empty_why != EMPTY_BARE ||
          sc->nparts != 1 || !key ||
          title_key_shares_word(key, pk->sections[s].key_title))
        continue;
      yield = true;
    }
    ptrdiff_t d = S_opening_section(ctx, used, dead);
    if (d < 0 || STUB(d) || d == sc->section)
      continue;
    if (yield) {
      free(sc->parts);
      sc->parts = NULL;
      sc->nparts = 0;
      sc->empty = false;
    }
    sc->section = d;
    sc->by_content = true;
    sc->parts = xcalloc(2, sizeof(size_t));
    sc->parts[sc->nparts++] = (size_t)d;
    used[d] = true; /* one opening section for one such template section */
  }

  for (size_t s = 0; s < pk->nsections; s++) {
    section_cov *sc = &cov->sections[s];
    const tmpl_section *ts = &pk->sections[s];
    sc->topics = xcalloc(ts->ntopics + 1, sizeof(topic_cov));
    if (sc->section >= 0) {
      S_judge_empty(ctx, s, sc, stub, reads_content);
      continue; /* its topics are looked for below */
    }
    size_t candidates = 0;
    for (size_t d = 0; d < ol->nsections && candidates < NEAR_MISS_CANDIDATES;
         d++) {
      /* (not chapter furniture, nor a generic name inside a chapter on
       * something else: "did you mean" would ask to rename "##
       * Introduction" to what it already is) */
      if (used[d] || ol->sections[d].is_title || ol->sections[d].level > level ||
          nm.furniture[d] || S_borrowed_name(&nm, known, d, s))
        continue;
      candidates++;
      double sim = S_near_similarity(ctx, S_heading_key(ctx, d), s);
      if (sim >= NEAR_MISS_THRESHOLD && sim > sc->near_score) {
        sc->near = (ptrdiff_t)d;
        sc->near_score = sim;
      }
    }
  }
#undef STUB
#undef EVIDENCE
#undef OFF_TOPIC
#undef EVMAP

  S_find_topics(ctx, cov);
  if (reads_content)
    S_find_topics_elsewhere(ctx, cov);

  /* The score counts what has content: an empty heading is nothing. */
  double total = 0, found = 0;
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    const section_cov *sc = &cov->sections[s];
    total += ts->weight;
    if (sc->section >= 0 && !sc->empty)
      found += ts->weight;
    for (size_t t = 0; t < ts->ntopics; t++) {
      total += ts->topics[t].weight;
      if (sc->topics[t].via != VIA_NONE)
        found += ts->topics[t].weight;
    }
  }
  cov->score = total > 0 ? 100.0 * found / total : 100.0;
  ctx->dead_blocks = NULL;
  free(ctx->evidence_at);
  ctx->evidence_at = NULL;
  free(otc.key);
  free(otc.off);
  free(dead);
  for (size_t s = 0; s < pk->nsections; s++)
    S_evidence_free(evidence[s]);
  free(evidence);
  free(content_before);
  S_namer_free(&nm);
  free(over);
  free(used);
  free(taken);
  free(known);
  free(stub);
}

void coverage_free(coverage *cov) {
  for (size_t s = 0; s < cov->nsections; s++) {
    free(cov->sections[s].topics);
    free(cov->sections[s].parts);
    if (cov->required_why)
      free(cov->required_why[s]);
  }
  free(cov->required);
  free(cov->required_why);
  free(cov->rule_on);
  free(cov->sections);
  memset(cov, 0, sizeof *cov);
}

