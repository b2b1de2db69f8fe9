/* Pattern search over prose: the bytes of a range that are not inside code
 * blocks, HTML comments or front matter. Each segment is matched in place in
 * the source (no copies), with the rest of the text visible to lookbehind. */
#include "rules.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Index of the first skip range that ends after off. */
static bool S_skip_ends_by(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const size_t *skip = k->array;
  return skip[2 * i + 1] <= k->off;
}

static size_t S_first_skip(const md_blocks *mb, size_t off) {
  bsearch_key p = {mb->skip, off};
  return bsearch_lower(mb->nskip, S_skip_ends_by, &p);
}

static bool S_word_starts_before(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const uint32_t *word_at = k->array;
  return word_at[i] < k->off;
}

bool prose_may_match(const lint_ctx *ctx, const pattern *pat) {
  if (ctx->limit_hits >= LIMIT_HITS_MAX || ctx->match_spent >= MATCH_BUDGET)
    return false;
  for (unsigned i = 0; i < ctx->limit_hits; i++)
    if (ctx->limit_off[i] == pat)
      return false;
  return true;
}

/* Notes that pat gave up at offset at (rc: pcre2_match's error, or 0 for
 * the budget): pattern-limit reports the first note, and pat is spent for
 * the rest of the document. */
static void S_limit_hit(lint_ctx *ctx, const pattern *pat, size_t at, int rc) {
  if (!ctx->limit_pattern) {
    ctx->limit_pattern = pat->source;
    ctx->limit_at = at;
    ctx->limit_why = rc == 0 ? "used up the document's match budget"
                     : rc == PCRE2_ERROR_MATCHLIMIT ? "hit PCRE2's match limit"
                     : rc == PCRE2_ERROR_DEPTHLIMIT ? "hit PCRE2's depth limit"
                     : rc == PCRE2_ERROR_HEAPLIMIT  ? "hit PCRE2's heap limit"
                     : rc == PCRE2_ERROR_JIT_STACKLIMIT
                         ? "hit PCRE2's JIT stack limit"
                         : "failed in PCRE2";
  }
  if (ctx->limit_hits < LIMIT_HITS_MAX)
    ctx->limit_off[ctx->limit_hits++] = pat;
}

/* PCRE2 has no count of the work a call did, so the levels measure it: a
 * call that stays under level 0's limit (almost every call) runs once and
 * is not charged; one that reaches it runs again at the next level, and so
 * on, and is charged the limit of every level it reached or ended at: an
 * upper bound of its work, at most about five times it. Results are those
 * of one call at MATCH_LIMIT until the budget runs out. */
int prose_match(lint_ctx *ctx, const pattern *pat, pcre2_code *code, size_t len,
                size_t at) {
  int rc, why;
  for (unsigned k = 0;; k++) {
    /* pcre2_match() would only check its arguments (these are valid:
     * patterns are compiled with PCRE2_MATCH_INVALID_UTF, so it checks no
     * UTF) and call pcre2_jit_match(); called directly, about 120
     * instructions a call fewer. Without JIT code it says BADOPTION, and
     * pcre2_match() runs the interpreter. */
    rc = at <= len ? pcre2_jit_match(code, (PCRE2_SPTR)ctx->src->text, len, at,
                                     0, ctx->md_match,
                                     ctx->pack->limits->level[k])
                   : PCRE2_ERROR_JIT_BADOPTION;
    if (rc == PCRE2_ERROR_JIT_BADOPTION)
      rc = pcre2_match(code, (PCRE2_SPTR)ctx->src->text, len, at, 0,
                       ctx->md_match, ctx->pack->limits->level[k]);
    if (k > 0 || rc == PCRE2_ERROR_MATCHLIMIT)
      ctx->match_spent += match_level_limit(k);
    if (rc != PCRE2_ERROR_MATCHLIMIT || k + 1 == MATCH_LEVELS)
      break;
    if (ctx->match_spent + match_level_limit(k + 1) >= MATCH_BUDGET) {
      ctx->match_spent = MATCH_BUDGET; /* spent: no pattern is matched more */
      break;
    }
  }
  why = ctx->match_spent >= MATCH_BUDGET ? 0 : rc;
  /* a match, depth, heap or JIT stack limit: the pattern is spent */
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
    S_limit_hit(ctx, pat, at, why);
  return rc;
}

void prose_each(lint_ctx *ctx, const pattern *pat, size_t start, size_t end,
                bool (*fn)(void *, size_t, size_t), void *arg) {
  const md_blocks *mb = ctx->md;
  pcre2_code *code = pattern_code(pat);
  if (!code || !prose_may_match(ctx, pat))
    return;
  size_t k = S_first_skip(mb, start);
  size_t pos = start;
  while (pos < end) {
    size_t seg_end = end;
    if (k < mb->nskip && mb->skip[2 * k] <= pos) {
      pos = mb->skip[2 * k + 1]; /* inside a skipped range: jump past it */
      k++;
      continue;
    }
    if (k < mb->nskip && mb->skip[2 * k] < seg_end)
      seg_end = mb->skip[2 * k];
    size_t at = pos;
    while (at < seg_end) {
      int rc = prose_match(ctx, pat, code, seg_end, at);
      if (rc < 0) {
        if (rc != PCRE2_ERROR_NOMATCH)
          return; /* spent */
        break;
      }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md_match);
      size_t ms = ov[0], me = ov[1];
      if (!fn(arg, ms, me))
        return;
      at = me > ms ? me : ms + 1;
    }
    pos = seg_end;
  }
}

typedef struct {
  size_t ms, me;
  bool found;
} first_match;

static bool S_take_first(void *arg, size_t ms, size_t me) {
  first_match *fm = arg;
  fm->ms = ms;
  fm->me = me;
  fm->found = true;
  return false;
}

bool prose_search(lint_ctx *ctx, const pattern *pat, size_t start, size_t end,
                  size_t *ms, size_t *me) {
  first_match fm = {0};
  prose_each(ctx, pat, start, end, S_take_first, &fm);
  if (fm.found) {
    *ms = fm.ms;
    *me = fm.me;
  }
  return fm.found;
}

/* ---- many caseless ASCII literals in one pass ---- */

/* A byte of a word for \b in PCRE2's UTF mode without PCRE2_UCP: ASCII
 * letters and digits and '_'. Every other character, non-ASCII ones too,
 * is outside words: "\u201cTBD\u201d" and a BOM before "TBD" leave it a word
 * of its own, as PCRE2 sees it. */
static bool S_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

static unsigned char S_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* A literal's bucket of nb (a power of two): its first four bytes,
 * lowercased, or its first two for a literal of two or three bytes (kept
 * in the upper half). */
static unsigned S_bucket(uint32_t key, bool shortlit, unsigned nb) {
  return ((unsigned)((key * 2654435761u) >> 16) & (nb / 2 - 1)) |
         (shortlit ? nb / 2 : 0);
}

/* A bigram's bit in a filter of nbits (a power of two). */
static unsigned S_bigram_bit(unsigned bigram, unsigned nbits) {
  return (bigram * 40503u >> 3) & (nbits - 1);
}

/* The bit of four opening bytes (a long literal's key) in a filter of
 * nbits. */
static unsigned S_quad_bit(uint32_t key, unsigned nbits) {
  return (unsigned)((key * 2246822519u) >> 16) & (nbits - 1);
}

static bool S_has_bit(const unsigned char *filter, unsigned bit) {
  return filter[bit >> 3] & (1u << (bit & 7));
}

static void S_set_bit(unsigned char *filter, unsigned bit) {
  filter[bit >> 3] |= (unsigned char)(1u << (bit & 7));
}

/* What a pattern asks of the text after one of its triggers, read from
 * the pattern (pattern_set_triggers()). */
typedef struct {
  unsigned char follow;      /* a TRIGGER_FOLLOW_ value */
  const unsigned char *first; /* or NULL: the bytes the text right after
                                 it may open with (32 bytes of bits) */
  const unsigned char *next;  /* or NULL: the same after its whitespace */
} trigger_follows;

/* Whether the text after a trigger that ends at me, in the prose segment
 * that ends at seg_end, is what the pattern needs there (false only where
 * PCRE2 could not match). The literal pass is not used where a caseless
 * ASCII letter may match a non-ASCII character (S_lit_scan()), so bytes
 * are compared lowercased. */
static bool S_follows(const unsigned char *t, size_t me, size_t seg_end,
                      const trigger_follows *f) {
  if (f->first && (me >= seg_end || !S_has_bit(f->first, S_lower(t[me]))))
    return false;
  switch (f->follow) {
  case TRIGGER_FOLLOW_SPACE: {
    /* PCRE2's \s without UCP: ASCII whitespace only */
    size_t p = me;
    while (p < seg_end && (t[p] == ' ' || (t[p] >= '\t' && t[p] <= '\r')))
      p++;
    if (p == me)
      return false;
    /* then what the token after the whitespace opens with */
    return !f->next || (p < seg_end && S_has_bit(f->next, S_lower(t[p])));
  }
  case TRIGGER_FOLLOW_BOUNDARY:
    return me >= seg_end || !S_word_byte((char)t[me]);
  default:
    return true;
  }
}

/* Literals prepared for a pass: the same for every document, so made once
 * per pack (prose_cache) and only read after. Owns every array. */
typedef struct {
  size_t n;
  size_t *lens;
  unsigned char **low; /* lowercased, into lowbuf */
  unsigned char *lowbuf;
  size_t *by_bucket, *bucket_at; /* literals by bucket */
  uint32_t *keys;
  unsigned char *bigram, *inword; /* filters of the opening bigrams */
  /* filters of the keys that a bucket is searched for: the four opening
   * bytes of the long literals, the bigrams of the short ones; most
   * positions that pass the bigram filter have neither */
  unsigned char *quad, *short_bigram;
  bool *word_start;               /* or NULL: every literal anywhere */
  /* or NULL: per literal, what must follow it; an occurrence that the text
   * after does not fit is not reported (but no occurrence of the same
   * literal that overlaps it is either, as when it is) */
  trigger_follows *follows;
  unsigned nb, nbits;
  bool any_short, any_inword, any_punct;
} lit_set;

static unsigned char S_lower_tab[256], S_word_tab[256];
static pthread_once_t S_lower_once = PTHREAD_ONCE_INIT;
static void S_lower_init(void) {
  for (unsigned c = 0; c < 256; c++) {
    S_lower_tab[c] = S_lower((unsigned char)c);
    S_word_tab[c] = S_word_byte((char)c);
  }
}

static void S_lit_free(lit_set *ls) {
  if (!ls)
    return;
  free(ls->lens);
  free(ls->low);
  free(ls->lowbuf);
  free(ls->by_bucket);
  free(ls->bucket_at);
  free(ls->keys);
  free(ls->bigram);
  free(ls->inword);
  free(ls->quad);
  free(ls->short_bigram);
  free(ls->word_start);
  free(ls->follows);
  free(ls);
}

/* The prepared form of n literals, where literal i with word_start[i] is
 * only looked for at the start of a word; NULL where a literal pass cannot
 * stand in for PCRE2 (a literal under 2 bytes or with non-ASCII bytes,
 * which need PCRE2's Unicode caseless matching). Free with S_lit_free(). */
static lit_set *S_lit_prepare(const char *const *lits, const bool *word_start,
                              size_t n) {
  pthread_once(&S_lower_once, S_lower_init);
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(lits[i]);
    if (l < 2)
      return NULL;
    for (const unsigned char *p = (const unsigned char *)lits[i]; *p; p++)
      if (*p >= 0x80)
        return NULL;
    total += l + 1;
  }
  const unsigned char *lower = S_lower_tab;
  lit_set *ls = xcalloc(1, sizeof *ls);
  ls->n = n;
  /* buckets and filters sized to the literals: a few literals need no
   * tables of kilobytes */
  ls->nb = 16;
  ls->nbits = 512;
  while (ls->nb < 2 * n && ls->nb < 4096)
    ls->nb *= 2;
  while (ls->nbits < 64 * n && ls->nbits < 65536)
    ls->nbits *= 2;
  /* a bigram filter turns most positions away after two table lookups; a
   * second one holds the literals that may start inside a word (the
   * others are only looked for where a word starts) */
  ls->bigram = xcalloc(ls->nbits / 8, 1);
  ls->inword = xcalloc(ls->nbits / 8, 1);
  ls->quad = xcalloc(ls->nbits / 8, 1);
  ls->short_bigram = xcalloc(ls->nbits / 8, 1);
  ls->lens = xcalloc(n + 1, sizeof(size_t));
  ls->low = xcalloc(n + 1, sizeof(unsigned char *));
  ls->lowbuf = xmalloc(total + 1);
  /* the bucket of four opening bytes leaves a position one or two
   * candidates where one of two held dozens ("co": cost, coverage) */
  ls->by_bucket = xcalloc(n + 1, sizeof(size_t));
  ls->bucket_at = xcalloc(ls->nb + 2, sizeof(size_t));
  ls->keys = xcalloc(n + 1, sizeof(uint32_t));
  if (word_start) {
    ls->word_start = xcalloc(n + 1, sizeof(bool));
    memcpy(ls->word_start, word_start, n * sizeof(bool));
  }
  size_t off = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = ls->lens[i] = strlen(lits[i]);
    unsigned char *lw = ls->low[i] = ls->lowbuf + off;
    off += l + 1;
    for (size_t k = 0; k <= l; k++)
      lw[k] = lower[(unsigned char)lits[i][k]];
    unsigned key = (unsigned)lw[0] << 8 | lw[1];
    unsigned bit = S_bigram_bit(key, ls->nbits);
    S_set_bit(ls->bigram, bit);
    if (!word_start || !word_start[i]) {
      S_set_bit(ls->inword, bit);
      ls->any_inword = true;
    }
    ls->any_punct = ls->any_punct || !S_word_byte((char)lw[0]);
    bool shortlit = l < 4;
    ls->any_short = ls->any_short || shortlit;
    ls->keys[i] = shortlit ? key
                           : (uint32_t)lw[0] << 24 | (uint32_t)lw[1] << 16 |
                                 (uint32_t)lw[2] << 8 | lw[3];
    if (shortlit)
      S_set_bit(ls->short_bigram, bit);
    else
      S_set_bit(ls->quad, S_quad_bit(ls->keys[i], ls->nbits));
    ls->bucket_at[S_bucket(ls->keys[i], shortlit, ls->nb) + 1]++;
  }
  for (unsigned h = 0; h < ls->nb; h++)
    ls->bucket_at[h + 1] += ls->bucket_at[h];
  size_t *fill = xmalloc((ls->nb + 1) * sizeof(size_t));
  memcpy(fill, ls->bucket_at, (ls->nb + 1) * sizeof(size_t));
  for (size_t i = 0; i < n; i++)
    ls->by_bucket[fill[S_bucket(ls->keys[i], ls->lens[i] < 4, ls->nb)]++] = i;
  free(fill);
  return ls;
}

/* Matches found by a literal pass, in the order found. */
typedef struct {
  literal_match *m;
  size_t n, cap;
} lit_found;

/* The literals of bucket h with key want that occur at p, before seg_end
 * (their first j0 bytes, the key, are those at p); next_ok[i]: where
 * literal i may match next (matches do not overlap). */
static void S_bucket_at(const lit_set *ls, size_t *next_ok,
                        const unsigned char *t, size_t p, size_t seg_end,
                        bool ws, uint32_t want, unsigned h, size_t j0,
                        lit_found *out) {
  const unsigned char *lower = S_lower_tab;
  for (size_t f = ls->bucket_at[h]; f < ls->bucket_at[h + 1]; f++) {
    size_t i = ls->by_bucket[f];
    size_t len = ls->lens[i];
    if (ls->keys[i] != want || p < next_ok[i] || p + len > seg_end ||
        (!ws && ls->word_start && ls->word_start[i]))
      continue;
    size_t j = j0;
    while (j < len && lower[t[p + j]] == ls->low[i][j])
      j++;
    if (j < len)
      continue;
    if (ls->follows && !S_follows(t, p + len, seg_end, &ls->follows[i])) {
      next_ok[i] = p + len;
      continue;
    }
    if (out->n == out->cap)
      xgrow(&out->m, &out->cap, out->n + 1, sizeof(literal_match));
    out->m[out->n++] = (literal_match){i, p, p + len};
    next_ok[i] = p + len;
  }
}

/* Which buckets may hold a literal at p, whose lowercased opening bigram
 * key has passed the bigram filter: 1 the long literals' (their key, the
 * four opening bytes, into *quad), 2 the short ones'. Small enough to be
 * inlined in the loops that visit every position. */
static inline unsigned S_probe(const lit_set *ls, const unsigned char *t, size_t p,
                               size_t seg_end, unsigned key, uint32_t *quad) {
  const unsigned char *lower = S_lower_tab;
  unsigned which = 0;
  if (p + 4 <= seg_end) {
    *quad = (uint32_t)key << 16 | (uint32_t)lower[t[p + 2]] << 8 |
            lower[t[p + 3]];
    if (S_has_bit(ls->quad, S_quad_bit(*quad, ls->nbits)))
      which = 1;
  }
  if (ls->any_short &&
      S_has_bit(ls->short_bigram, S_bigram_bit(key, ls->nbits)))
    which |= 2;
  return which;
}

/* The literals that occur at p (ws: p starts a word), before seg_end. */
static void S_literals_at(const lit_set *ls, size_t *next_ok,
                          const unsigned char *t, size_t p, size_t seg_end,
                          bool ws, lit_found *out) {
  const unsigned char *lower = S_lower_tab;
  unsigned key = (unsigned)lower[t[p]] << 8 | lower[t[p + 1]];
  uint32_t quad = 0;
  if (!S_has_bit(ws ? ls->bigram : ls->inword, S_bigram_bit(key, ls->nbits)))
    return;
  unsigned which = S_probe(ls, t, p, seg_end, key, &quad);
  if (which & 1)
    S_bucket_at(ls, next_ok, t, p, seg_end, ws, quad,
                S_bucket(quad, false, ls->nb), 4, out);
  if (which & 2)
    S_bucket_at(ls, next_ok, t, p, seg_end, ws, key,
                S_bucket(key, true, ls->nb), 2, out);
}

/* Every match of the prepared literals in the prose of [start, end), in
 * position order (see prose_literals()). False where the text needs
 * PCRE2. */
static bool S_lit_scan(lint_ctx *ctx, const lit_set *ls, size_t start,
                       size_t end, literal_match **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  const char *text = ctx->src->text;
  size_t len = ctx->src->len;
  /* with PCRE2_UTF, caseless "k" and "s" also match U+212A KELVIN SIGN and
   * U+017F LONG S: where either occurs, PCRE2 must do it */
  if (!ctx->special_case)
    ctx->special_case = bytes_find(text, len, "\xE2\x84\xAA") ||
                                bytes_find(text, len, "\xC5\xBF")
                            ? 2
                            : 1;
  if (ctx->special_case == 2)
    return false;
  size_t n = ls->n;
  size_t *next_ok = xcalloc(n + 1, sizeof(size_t));
  lit_found found = {0};
  const unsigned char *t = (const unsigned char *)text;
  const md_blocks *mb = ctx->md;
  size_t k = S_first_skip(mb, start), pos = start;
  /* every literal opens a word: visit the words, not the bytes */
  bool by_word = ctx->word_at && !ls->any_inword && !ls->any_punct;
  size_t wi = 0, wend = 0;
  if (by_word) {
    bsearch_key p = {ctx->word_at, start}, q = {ctx->word_at, end};
    wi = bsearch_lower(ctx->nwords, S_word_starts_before, &p);
    wend = bsearch_lower(ctx->nwords, S_word_starts_before, &q);
  }
  /* the prose segment being visited ends at word_seg_end, the start of
   * the next skipped range or end; a word at or past it moves on */
  size_t word_seg_end = 0;
  while (wi < wend) {
    size_t w = wi++;
    /* most words open with no literal's bigram: turned away here */
    if (!S_has_bit(ls->bigram, S_bigram_bit(ctx->word_key[w], ls->nbits)))
      continue;
    size_t p = ctx->word_at[w];
    if (p >= word_seg_end) {
      while (k < mb->nskip && mb->skip[2 * k + 1] <= p)
        k++;
      if (k < mb->nskip && mb->skip[2 * k] <= p)
        continue; /* in code or a comment */
      word_seg_end =
          k < mb->nskip && mb->skip[2 * k] < end ? mb->skip[2 * k] : end;
    }
    if (p + 1 >= word_seg_end)
      continue;
    /* the word's key is its bigram (p + 1 < word_seg_end <= the text's
     * end);
     * as S_literals_at() from here */
    unsigned key = ctx->word_key[w];
    uint32_t quad = 0;
    unsigned which = S_probe(ls, t, p, word_seg_end, key, &quad);
    if (which & 1)
      S_bucket_at(ls, next_ok, t, p, word_seg_end, true, quad,
                  S_bucket(quad, false, ls->nb), 4, &found);
    if (which & 2)
      S_bucket_at(ls, next_ok, t, p, word_seg_end, true, key,
                  S_bucket(key, true, ls->nb), 2, &found);
  }
  while (!by_word && pos < end) {
    if (k < mb->nskip && mb->skip[2 * k] <= pos) {
      pos = mb->skip[2 * k + 1];
      k++;
      continue;
    }
    size_t seg_end = end;
    if (k < mb->nskip && mb->skip[2 * k] < seg_end)
      seg_end = mb->skip[2 * k];
    bool prev_word = pos > 0 && S_word_byte(text[pos - 1]);
    for (size_t p = pos; p + 1 < seg_end; p++) {
      bool here_word = S_word_byte(text[p]);
      if (!ls->any_inword && prev_word && here_word) {
        /* inside a word, where no literal may start: on to its end */
        while (p + 2 < seg_end && S_word_byte(text[p + 1]))
          p++;
        continue; /* t[p] is a word byte: prev_word stays true */
      }
      bool ws = !prev_word || !here_word;
      prev_word = here_word;
      if (!here_word && !ls->any_punct)
        continue; /* no literal opens with a byte outside words */
      S_literals_at(ls, next_ok, t, p, seg_end, ws, &found);
    }
    pos = seg_end;
  }
  free(next_ok);
  *out = found.m;
  *nout = found.n;
  return true;
}

/* The matches of S_lit_scan() (in position order) sorted by literal; a
 * counting sort keeps the position order within each literal. */
static void S_sort_by_literal(literal_match **lm, size_t nlm, size_t nlits) {
  if (nlm < 2)
    return;
  size_t *at = xcalloc(nlits + 1, sizeof(size_t));
  for (size_t i = 0; i < nlm; i++)
    at[(*lm)[i].idx + 1]++;
  for (size_t i = 0; i < nlits; i++)
    at[i + 1] += at[i];
  literal_match *sorted = xmalloc(nlm * sizeof(literal_match));
  for (size_t i = 0; i < nlm; i++)
    sorted[at[(*lm)[i].idx]++] = (*lm)[i];
  free(*lm);
  *lm = sorted;
  free(at);
}

/* ---- The pack's cache of prepared passes. ---- */

/* What prose_each_many() needs for a set of patterns, beyond the text:
 * their triggers as one literal set. Owns its arrays. */
typedef struct {
  size_t nlits;
  size_t *owner;   /* per literal: its pattern */
  bool *scan;      /* per pattern: scanned by PCRE2 (no literal pass) */
  bool *word_start; /* per pattern: every branch opens with \b */
  lit_set *ls;     /* NULL: no literals, or they need PCRE2 */
} many_set;

#define CACHE_BUCKETS 256
typedef struct cache_entry {
  struct cache_entry *next;
  int kind; /* 0 many_set of patterns, 1 lit_set (prose_literals()) */
  size_t n;
  const void **key; /* the patterns or literals, by address */
  void *value;
} cache_entry;

/* Read without the lock: an entry is complete before it is published at
 * its bucket's head (release), and never changes after; the lock only
 * keeps two threads from making the same entry. */
struct prose_cache {
  pthread_mutex_t lock;
  _Atomic(cache_entry *) buckets[CACHE_BUCKETS];
};

prose_cache *prose_cache_new(void) {
  prose_cache *c = xcalloc(1, sizeof *c);
  pthread_mutex_init(&c->lock, NULL);
  return c;
}

static void S_many_free(many_set *m) {
  if (!m)
    return;
  free(m->owner);
  free(m->scan);
  free(m->word_start);
  S_lit_free(m->ls);
  free(m);
}

void prose_cache_free(prose_cache *c) {
  if (!c)
    return;
  for (size_t b = 0; b < CACHE_BUCKETS; b++)
    for (cache_entry *e = atomic_load(&c->buckets[b]), *nx; e; e = nx) {
      nx = e->next;
      if (e->kind == 0)
        S_many_free(e->value);
      else
        S_lit_free(e->value);
      free(e->key);
      free(e);
    }
  pthread_mutex_destroy(&c->lock);
  free(c);
}

/* Whether every trigger of p can be found by the literal pass: two bytes
 * or more, ASCII only (see S_lit_prepare()). */
static bool S_triggers_literal(const pattern *p) {
  const char *t = p->triggers;
  for (size_t i = 0; i < p->ntriggers; i++, t += strlen(t) + 1) {
    if (strlen(t) < 2)
      return false;
    for (const unsigned char *c = (const unsigned char *)t; *c; c++)
      if (*c >= 0x80)
        return false;
  }
  return true;
}

/* A set of 32 bytes of bits, or NULL where it holds every byte. */
static const unsigned char *S_told(const unsigned char *set) {
  for (int b = 0; b < 32; b++)
    if (set[b] != 0xff)
      return set;
  return NULL;
}

static many_set *S_many_prepare(const pattern *const *pats, size_t n) {
  many_set *m = xcalloc(1, sizeof *m);
  const char **lits = NULL;
  size_t cap = 0, cap2 = 0, cap3 = 0;
  trigger_follows *follows = NULL; /* per literal */
  m->scan = xcalloc(n + 1, sizeof(bool));
  m->word_start = xcalloc(n + 1, sizeof(bool));
  for (size_t k = 0; k < n; k++) {
    m->word_start[k] = pats[k]->word_start;
    if (!pats[k]->ntriggers || !S_triggers_literal(pats[k])) {
      m->scan[k] = true; /* only this one: the others keep the pass */
      continue;
    }
    const char *t = pats[k]->triggers;
    for (size_t i = 0; i < pats[k]->ntriggers; i++, t += strlen(t) + 1) {
      xgrow(&lits, &cap, m->nlits + 1, sizeof(char *));
      lits[m->nlits] = t;
      xgrow(&m->owner, &cap2, m->nlits + 1, sizeof(size_t));
      xgrow(&follows, &cap3, m->nlits + 1, sizeof(trigger_follows));
      follows[m->nlits] = (trigger_follows){
          pats[k]->trigger_follow[i], S_told(pats[k]->trigger_next + 64 * i),
          S_told(pats[k]->trigger_next + 64 * i + 32)};
      m->owner[m->nlits++] = k;
    }
  }
  if (m->nlits) {
    bool *lit_ws = xcalloc(m->nlits + 1, sizeof(bool));
    for (size_t i = 0; i < m->nlits; i++)
      lit_ws[i] = m->word_start[m->owner[i]];
    m->ls = S_lit_prepare(lits, lit_ws, m->nlits);
    free(lit_ws);
    if (m->ls) { /* the literal pass reports only what may match */
      m->ls->follows = follows;
      follows = NULL;
    }
    if (!m->ls) {
      for (size_t i = 0; i < m->nlits; i++)
        m->scan[m->owner[i]] = true; /* PCRE2 must do it: scan them all */
      m->nlits = 0;
    }
  }
  free(follows);
  free(lits);
  return m;
}

static cache_entry *S_cache_find(cache_entry *e, int kind,
                                 const void *const *key, size_t n) {
  for (; e; e = e->next)
    if (e->kind == kind && e->n == n &&
        memcmp(e->key, key, n * sizeof(void *)) == 0)
      return e;
  return NULL;
}

/* The cached value for (kind, key[0..n)), made by calling make on a miss.
 * Entries are never changed once in the cache. */
static void *S_cached(const ddlint_pack *pk, int kind, const void *const *key,
                      size_t n, const void *const *lits, const bool *ws) {
  prose_cache *c = pk->prose_cache;
  uint64_t h = 1469598103934665603u ^ (uint64_t)kind ^ (uint64_t)n << 8;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (uint64_t)(uintptr_t)key[i]) * 1099511628211u;
  size_t b = (size_t)(h >> 32) % CACHE_BUCKETS;
  cache_entry *e = S_cache_find(
      atomic_load_explicit(&c->buckets[b], memory_order_acquire), kind, key, n);
  if (e)
    return e->value;
  pthread_mutex_lock(&c->lock);
  cache_entry *head =
      atomic_load_explicit(&c->buckets[b], memory_order_relaxed);
  e = S_cache_find(head, kind, key, n); /* made while we waited? */
  if (!e) {
    e = xcalloc(1, sizeof *e);
    e->kind = kind;
    e->n = n;
    e->key = xcalloc(n + 1, sizeof(void *));
    memcpy(e->key, key, n * sizeof(void *));
    e->value = kind == 0 ? (void *)S_many_prepare((const pattern *const *)key, n)
                         : (void *)S_lit_prepare((const char *const *)lits, ws, n);
    e->next = head;
    atomic_store_explicit(&c->buckets[b], e, memory_order_release);
  }
  pthread_mutex_unlock(&c->lock);
  return e->value;
}

bool prose_literals(lint_ctx *ctx, const char *const *lits, size_t n,
                    size_t start, size_t end, literal_match **out,
                    size_t *nout) {
  *out = NULL;
  *nout = 0;
  if (!n)
    return true;
  bool *ws = xcalloc(n + 1, sizeof(bool));
  for (size_t i = 0; i < n; i++)
    ws[i] = S_word_byte(lits[i][0]);
  const lit_set *ls = S_cached(ctx->pack, 1, (const void *const *)lits, n,
                               (const void *const *)lits, ws);
  free(ws);
  if (!ls || !S_lit_scan(ctx, ls, start, end, out, nout))
    return false;
  S_sort_by_literal(out, *nout, n);
  return true;
}

bool prose_inside_word(const lint_ctx *ctx, size_t ms) {
  const char *t = ctx->src->text;
  return ms > 0 && ms < ctx->src->len && S_word_byte(t[ms - 1]) &&
         S_word_byte(t[ms]);
}

void prose_words(lint_ctx *ctx) {
  const unsigned char *t = (const unsigned char *)ctx->src->text;
  size_t len = ctx->src->len, n = 0;
  ctx->word_at = NULL;
  ctx->word_key = NULL;
  ctx->nwords = 0;
  if (len > PROSE_WORDS_MAX)
    return;
  pthread_once(&S_lower_once, S_lower_init);
  /* about one word in six bytes of prose: room for one in five up front */
  size_t cap = len / 5 + 16, cap2 = cap;
  uint32_t *at = xmalloc(cap * sizeof(uint32_t));
  uint16_t *key = xmalloc(cap2 * sizeof(uint16_t));
  const unsigned char *wb = S_word_tab, *lower = S_lower_tab;
  /* a run of bytes outside words, then a word: two tight loops, not a
   * test of the previous byte at every byte. The text ends with a NUL,
   * which is no word byte and lowercases to 0. */
  for (size_t p = 0;;) {
    while (p < len && !wb[t[p]])
      p++;
    if (p == len)
      break;
    if (n == cap) {
      xgrow(&at, &cap, n + 1, sizeof(uint32_t));
      xgrow(&key, &cap2, n + 1, sizeof(uint16_t));
    }
    at[n] = (uint32_t)p;
    key[n++] = (uint16_t)(lower[t[p]] << 8 | lower[t[p + 1]]);
    for (p++; wb[t[p]]; p++)
      ;
  }
  ctx->word_at = at;
  ctx->word_key = key;
  ctx->nwords = n;
}

/* ---- Negated mentions ("No drift monitoring is planned"). ---- */

#define NEG_LOOKBACK 240

static bool S_word_in(const char *w, size_t n, const char *const *list) {
  if (n > 9 || n == 0)
    return false; /* no listed word is longer, or empty */
  /* the first letters first: most words are no listed word's length
   * and letter, and strlen() costs more than this comparison */
  unsigned char c = S_lower((unsigned char)w[0]);
  for (int i = 0; list[i]; i++)
    if (S_lower((unsigned char)list[i][0]) == c && strlen(list[i]) == n &&
        strncasecmp(list[i], w, n) == 0)
      return true;
  return false;
}

static const char *const S_negators[] = {
    "no",     "not",     "never", "without", "none",   "nor",     "cannot",
    "don't",  "doesn't", "isn't", "aren't",  "won't",  "can't",   "didn't",
    "wasn't", "weren't", "lack",  "lacks",   "lacking", "neither", NULL};
/* Words that negate only what follows them closely: "The TTL prevents
 * serving stale data" serves none; not a clause they open ("To prevent
 * empty slates when the ranker times out, we fall back to ..."). */
static const char *const S_preventers[] = {"prevent", "prevents", "prevented",
                                           NULL};
/* Words that put off what follows: "revisit monitoring after the pilot". */
static const char *const S_deferrals[] = {"revisit", "postpone", "defer",
                                          "deferred", NULL};
/* ... and pairs that do: "We'll figure out alerting once the job has run",
 * "decide whether to canary", "decide later on a rollback". Not "whether"
 * or "decide" alone: "checks whether latency stays under 200 ms", "decide
 * rollback within 5 minutes" are plans; nor "park" alone ("car park
 * occupancy monitoring", "cars waiting to park"). */
static const char *const S_deferral_pairs[][2] = {
    {"figure", "out"}, {"decide", "whether"}, {"decide", "later"},
    /* "Let's park monitoring and rollout until after the ethics panel",
     * first person only: not "cars waiting to park", "parked cars" */
    {"let's", "park"}, {"we'll", "park"}, {"we", "parked"}};

/* Words and phrases that make a clause a wish, not a plan: "We'd
 * eventually want an A/B test", "we would obviously need monitoring at
 * some point", "drift alerts in the future". Each is a run of words. */
static const char *const S_wishes[][3] = {
    {"eventually", NULL, NULL}, {"someday", NULL, NULL},
    {"some", "day", NULL},      {"at", "some", "point"},
    {"in", "the", "future"},    {"future", "work", NULL},
    {"down", "the", "road"},    {"nice", "to", "have"},
    {"nice-to-have", NULL, NULL}};

/* Whether word w (n bytes) hopes rather than plans: "would", "might",
 * "want", "hope", or a contraction of "would" ("we'd"). */
static bool S_modal(const char *w, size_t n) {
  static const char *const m[] = {"would", "might", "could", "may",
                                  "want",  "wants", "wanted", "like",
                                  "hope",  "hopes", "hoping", NULL};
  return (n > 2 && w[n - 1] == 'd' && w[n - 2] == '\'') || S_word_in(w, n, m);
}

/* Whether the words ws/wn (n of them) of t hold one of S_wishes.
 * "Eventually" counts only with a modal among the words ("We'd eventually
 * want an A/B test"; not "roll out to every region eventually", nor an
 * "eventually consistent" store). */
static bool S_wish_in_words(const char *t, const size_t *ws, const size_t *wn,
                            size_t n) {
  for (size_t k = 0; k < n; k++) {
    /* every wish opens with one of these letters */
    char c = (char)(t[ws[k]] | 0x20);
    if (c != 'e' && c != 's' && c != 'a' && c != 'i' && c != 'f' &&
        c != 'd' && c != 'n')
      continue;
    for (size_t q = 0; q < sizeof S_wishes / sizeof S_wishes[0]; q++) {
      size_t m = 0;
      while (m < 3 && S_wishes[q][m] && k + m < n &&
             wn[k + m] == strlen(S_wishes[q][m]) &&
             strncasecmp(t + ws[k + m], S_wishes[q][m], wn[k + m]) == 0)
        m++;
      if (!(m == 3 || (m > 0 && !S_wishes[q][m])))
        continue;
      if (q != 0)
        return true;
      /* "eventually" */
      if (k + 1 < n && wn[k + 1] >= 10 &&
          strncasecmp(t + ws[k + 1], "consisten", 9) == 0)
        continue;
      for (size_t j = 0; j < n; j++)
        if (S_modal(t + ws[j], wn[j]))
          return true;
    }
  }
  return false;
}

/* Words after which a clause that opened with a negation says what there
 * is: "No A/B test, but a canary". */
static const char *const S_turns[] = {"but",     "instead", "except",
                                      "however", "only",    "although",
                                      "though",  "yet",     NULL};

static inline bool S_wordch(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '\'' || c == '-' || c == '/' ||
         (unsigned char)c >= 0x80;
}

/* Start of the clause holding off: after the last sentence end, semicolon,
 * colon, table cell or list item start before it. */
static size_t S_clause_start(const char *t, size_t lo, size_t off) {
  size_t i = off;
  while (i > lo) {
    char c = t[i - 1];
    /* (a "." closing a bold run-in label ends it too: "**After
     * launch.**\nNothing will be ...") */
    if (c == ';' || c == '|' || c == ':' || c == '!' || c == '?' ||
        (c == '.' && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' ||
                      ((t[i] == '*' || t[i] == '_') && t[i + 1] == t[i]))))
      return i;
    if (c == '\n') {
      size_t j = i;
      while (t[j] == ' ' || t[j] == '\t')
        j++;
      if (t[j] == '-' || t[j] == '*' || t[j] == '+' || t[j] == '\n' ||
          t[j] == '#' || t[j] == '>' || (t[j] >= '0' && t[j] <= '9'))
        return i;
      if (i >= 2 && t[i - 2] == '\n')
        return i;
    }
    i--;
  }
  return lo;
}

/* The words of t from j on, up to lim, at most max of them, separated by
 * spaces (and line breaks, with lines): their starts in ws, lengths in wn.
 * Stops at the first character that is neither. Returns how many. */
static size_t S_next_words(const char *t, size_t j, size_t lim, bool lines,
                           size_t *ws, size_t *wn, size_t max) {
  size_t n = 0;
  while (j < lim && n < max) {
    while (j < lim && (t[j] == ' ' || (lines && t[j] == '\n')))
      j++;
    size_t b = j;
    while (j < lim && S_wordch(t[j]))
      j++;
    if (j == b)
      break;
    ws[n] = b;
    wn[n++] = j - b;
  }
  return n;
}

static bool S_undone_after(const char *t, size_t i, size_t lim);

/* Whether the mention ending at me heads a list that a negation follows:
 * "Monitoring, feedback logging and the experiment design are out of scope
 * for now", "Drift alerts and retraining are not planned". The list is
 * words, commas, "and" and "or" only (an "and" or an "or" among them), up
 * to 14 words, then "is" or "are"
 * and "not", "n't" or "out of scope"; a clause of its own ("we", "which",
 * "will", "has" ...) ends it. */
static bool S_list_negated(const char *t, size_t me, size_t len) {
  static const char *const stop[] = {
      "we",    "it",     "they",  "which", "that",  "who",   "but",
      "because", "so",   "will",  "was",   "were",  "has",   "have",
      "had",   "can",    "could", "should", "must", "may",   "might",
      "be",    "been",   "do",    "does",  "did",   "then",  "when",
      "if",    NULL};
  size_t lim = me + 160 < len ? me + 160 : len;
  bool list = false;
  size_t words = 0;
  for (size_t i = me; i < lim;) {
    char c = t[i];
    if (c == '.' || c == ';' || c == '\n' || c == '|' || c == ':' ||
        c == '!' || c == '?' || c == '(' || c == '\0')
      return false;
    if (c == ',') { /* "Currently, the trait is not ..." is no list */
      i++;
      continue;
    }
    if (!S_wordch(c)) {
      i++;
      continue;
    }
    size_t b = i;
    while (i < lim && S_wordch(t[i]))
      i++;
    size_t n = i - b;
    if (++words > 14)
      return false;
    if ((n == 3 && strncasecmp(t + b, "and", 3) == 0) ||
        (n == 2 && strncasecmp(t + b, "or", 2) == 0)) {
      list = true;
      continue;
    }
    bool isare = (n == 2 && strncasecmp(t + b, "is", 2) == 0) ||
                 (n == 3 && strncasecmp(t + b, "are", 3) == 0);
    bool contracted = (n == 5 && strncasecmp(t + b, "isn't", 5) == 0) ||
                      (n == 6 && strncasecmp(t + b, "aren't", 6) == 0);
    if (contracted)
      return list || S_undone_after(t, i, lim);
    if (isare) {
      /* the next words: "not", "currently not", "out of scope" */
      size_t nw[3], nn[3];
      size_t k = S_next_words(t, i, lim, false, nw, nn, 3);
      for (size_t q = 0; q < k && q < 2; q++) {
        if (nn[q] == 3 && strncasecmp(t + nw[q], "not", 3) == 0)
          return list || S_undone_after(t, nw[q] + 3, lim);
        if (nn[q] == 3 && strncasecmp(t + nw[q], "out", 3) == 0 &&
            q + 2 < k && nn[q + 2] == 5 &&
            strncasecmp(t + nw[q + 2], "scope", 5) == 0)
          return list;
        if (!(nn[q] == 9 && strncasecmp(t + nw[q], "currently", 9) == 0) &&
            !(nn[q] == 5 && strncasecmp(t + nw[q], "still", 5) == 0))
          break;
      }
      return false;
    }
    if (S_word_in(t + b, n, stop))
      return false;
  }
  return false;
}

/* What a parenthesis's negation says of its list: "(...) are not
 * planned / part of v1 / in scope", "aren't covered". */
static const char *const S_undone[] = {
    "planned",  "covered", "included", "part",     "in",       "done",
    "designed", "built",   "decided",  "yet",      "scoped",   "measured",
    "tracked",  "logged",  "recorded", "monitored", "collected", NULL};

/* Whether the word after offset i (up to lim) says a thing is not done in
 * this document: "covered", "planned", "part", "in", ... (S_undone): the
 * subject before "isn't covered" needs no list then ("Ongoing monitoring
 * of the forecast after the pilot isn't covered in this PRD"). */
static bool S_undone_after(const char *t, size_t i, size_t lim) {
  while (i < lim && (t[i] == ' ' || t[i] == '\n'))
    i++;
  size_t b = i;
  while (i < lim && S_wordch(t[i]))
    i++;
  return i > b && S_word_in(t + b, i - b, S_undone) &&
         !(i - b == 2 && strncasecmp(t + b, "in", 2) == 0);
}


/* Whether the mention [ms, me) sits in a parenthesis that a negation
 * follows: "Operating concerns (monitoring, alerting, how the switch is
 * phased in) are out of scope for this ADR", "(drift alerts, retraining)
 * are not planned". The parenthesis opens at most 120 bytes before it on
 * the same paragraph and closes at most 200 after it; then "is" or "are"
 * and "not", "currently not" or "out of scope", or "isn't", "aren't". */
static bool S_paren_list_negated(const char *t, size_t ms, size_t me,
                                 size_t len) {
  size_t lo = ms > 120 ? ms - 120 : 0;
  bool open = false;
  for (size_t i = ms; i > lo && !open; i--) {
    char c = t[i - 1];
    if (c == ')' || c == '.' || c == ';' || c == '|' ||
        (c == '\n' && i >= 2 && t[i - 2] == '\n'))
      return false;
    open = c == '(';
  }
  if (!open)
    return false;
  size_t hi = me + 200 < len ? me + 200 : len, i = me;
  while (i < hi && t[i] != ')') {
    if (t[i] == '(' || t[i] == '|' || (t[i] == '\n' && i + 1 < hi &&
                                       t[i + 1] == '\n'))
      return false;
    i++;
  }
  if (i >= hi)
    return false;
  /* the words after it, across a line break */
  size_t w[4], n[4], k = 0;
  for (size_t j = i + 1; j < hi && k < 4;) {
    while (j < hi && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' ||
                      t[j] == '\r'))
      j++;
    size_t b = j;
    while (j < hi && (S_wordch(t[j]) || t[j] == '\''))
      j++;
    if (j == b)
      break;
    w[k] = b;
    n[k++] = j - b;
  }
  if (k >= 2 && ((n[0] == 5 && strncasecmp(t + w[0], "isn't", 5) == 0) ||
                 (n[0] == 6 && strncasecmp(t + w[0], "aren't", 6) == 0)))
    return S_word_in(t + w[1], n[1], S_undone);
  if (k < 2 || !((n[0] == 2 && strncasecmp(t + w[0], "is", 2) == 0) ||
                 (n[0] == 3 && strncasecmp(t + w[0], "are", 3) == 0)))
    return false;
  size_t q = 1;
  if (n[q] == 9 && strncasecmp(t + w[q], "currently", 9) == 0 && k > 2)
    q++;
  /* "is not planned", "are not part of v1"; not "The nightly job (drift
   * checks, ...) is not on the checkout path", which says where it runs */
  if (n[q] == 3 && strncasecmp(t + w[q], "not", 3) == 0)
    return q + 1 < k && S_word_in(t + w[q + 1], n[q + 1], S_undone);
  return q + 2 < k && n[q] == 3 && strncasecmp(t + w[q], "out", 3) == 0 &&
         n[q + 2] == 5 && strncasecmp(t + w[q + 2], "scope", 5) == 0;
}

/* Whether the mention ending at me is a table row's first cell, or part of
 * it, and the next cell says the row's thing is not there: "| Monitoring /
 * rollout | did not get to it |", "| Fallback | none |", "| Labels | TBD
 * |". */
static bool S_cell_denied(const char *t, size_t me, size_t len) {
  size_t lim = me + 80 < len ? me + 80 : len, i = me;
  while (i < lim && t[i] != '|' && t[i] != '\n')
    i++;
  if (i >= lim || t[i] != '|')
    return false;
  /* the mention is in the row's first cell: a '|' opens its line */
  size_t ls = me;
  while (ls > 0 && t[ls - 1] != '\n')
    ls--;
  while (ls < me && (t[ls] == ' ' || t[ls] == '\t'))
    ls++;
  if (ls >= me || t[ls] != '|' || memchr(t + ls + 1, '|', me - ls - 1))
    return false;
  i++;
  while (i < lim && (t[i] == ' ' || t[i] == '\t'))
    i++;
  size_t b = i;
  while (i < lim && (S_wordch(t[i]) || t[i] == '/'))
    i++;
  size_t n = i - b;
  static const char *const empty[] = {"tbd",     "todo",    "n/a", "missing",
                                      "skipped", "nothing", NULL};
  bool denies;
  if (!n)
    denies = i < lim && (t[i] == '-' || t[i] == '?') &&
             (i + 1 >= lim || t[i + 1] == ' ' || t[i + 1] == '|');
  else if (S_word_in(t + b, n, S_negators) || S_word_in(t + b, n, empty))
    denies = true;
  else if (n == 3 && strncasecmp(t + b, "did", 3) == 0) {
    /* "did not get to it" */
    size_t j = i;
    while (j < lim && t[j] == ' ')
      j++;
    denies = lim - j >= 3 && strncasecmp(t + j, "not", 3) == 0;
  } else
    denies = false;
  if (!denies)
    return false;
  /* ... and it is the row's last cell: "| p90 coverage | n/a | 89.2% |"
   * compares a v1 that had none with a v2 that has it */
  while (i < len && t[i] != '|' && t[i] != '\n')
    i++;
  if (i < len && t[i] == '|')
    for (i++; i < len && t[i] != '\n'; i++)
      if (S_wordch(t[i]))
        return false;
  return true;
}

/* Whether paragraph bl opens with a speaker's label, as an interview or a
 * Q&A write-up answers the question before it: "**Priya:** The final sale
 * price ...", "A: ...", "Answer: ..." (one to three words before the
 * colon, the first a capital). */
static bool S_speaker_answers(const char *t, const block *bl) {
  if (!bl || bl->kind != BLOCK_PARAGRAPH || bl->in_list || bl->in_quote)
    return false;
  size_t i = bl->start, end = bl->end;
  while (i < end && (t[i] == '*' || t[i] == '_'))
    i++;
  if (i >= end || !isupper((unsigned char)t[i]))
    return false;
  size_t words = 1;
  for (size_t k = i; k < end && k < i + 40; k++) {
    if (t[k] == ':')
      return true;
    if (t[k] == ' ' && ++words > 3)
      return false;
    if (!isalpha((unsigned char)t[k]) && t[k] != ' ' && t[k] != '.' &&
        t[k] != '-' && t[k] != '\'')
      return false;
  }
  return false;
}

/* Whether the sentence holding [ms, me) is a question left open: it ends
 * with '?' and ends its paragraph ("> Should we also cover how we monitor
 * this and roll it out?"). It asks for the thing; it does not plan it. A
 * question that its paragraph goes on to answer ("What goes into the
 * model, roughly? Jonas: time since the last scan, ...") names the topic
 * of the answer, and counts. */
static bool S_in_question(const lint_ctx *ctx, size_t ms, size_t me) {
  const char *t = ctx->src->text;
  /* only in a paragraph of prose, and only to its end: a heading or a
   * bold line that asks ("### Who watches drift?") has its answer below,
   * and a list item without a full stop is not part of the next item's
   * question */
  size_t len = ctx->src->len;
  const block *next = NULL;
  if (ctx->md) { /* (a caller with no blocks: the text is one paragraph) */
    size_t b = block_at_or_after(ctx->md, ms + 1);
    if (b == 0)
      return false;
    const block *bl = &ctx->md->blocks[b - 1];
    if (bl->kind != BLOCK_PARAGRAPH || bl->bold_line || me > bl->end)
      return false;
    len = bl->end;
    if (b < ctx->md->nblocks)
      next = &ctx->md->blocks[b];
  }
  size_t lim = me + 300 < len ? me + 300 : len;
  size_t i = me;
  for (; i < lim; i++) {
    char c = t[i];
    if (c == '|' || (c == '\n' && i + 1 < lim && t[i + 1] == '\n'))
      return false;
    /* a label before its colon: "**recall@5**: is the right article in
     * the top 5?" defines the metric the label names */
    if (c == ':' && (i + 1 >= len || t[i + 1] == ' ' || t[i + 1] == '*'))
      return false;
    if ((c == '.' || c == '!' || c == '?') &&
        (i + 1 >= len || t[i + 1] == ' ' || t[i + 1] == '\n' ||
         t[i + 1] == '*' || t[i + 1] == '_' || t[i + 1] == ')' ||
         t[i + 1] == '"')) {
      if (c != '?')
        return false;
      break;
    }
  }
  if (i >= lim)
    return false;
  /* past the '?' and any closing marks: the paragraph's end, or a line
   * that opens a new block */
  for (i++; i < len && strchr(" \t\r*_)\"", t[i]); i++)
    ;
  if (i >= len)
    return !S_speaker_answers(t, next);
  if (t[i] != '\n')
    return false;
  size_t j = i + 1;
  while (j < len && (t[j] == ' ' || t[j] == '\t'))
    j++;
  return j >= len || t[j] == '\n' || strchr("#>|-*+", t[j]) ||
         (t[j] >= '0' && t[j] <= '9');
}

/* Whether the sentence of the mention ending at me goes on to say that the
 * document does not do it, in a clause of "which": "A full rollout would
 * need a proper design for fallback alerts and for monitoring, which this
 * document does not attempt", "..., which we do not cover here",
 * "..., which is out of scope". Only the document or "we" as its subject:
 * "we fall back to the rule, which does not need the model" plans one. */
static bool S_which_denies(const char *t, size_t me, size_t len) {
  size_t lim = me + 200 < len ? me + 200 : len;
  size_t i = me;
  for (; i + 1 < lim; i++) {
    if (t[i] == ';' || t[i] == '|' || (t[i] == '\n' && t[i + 1] == '\n') ||
        ((t[i] == '.' || t[i] == '!' || t[i] == '?') &&
         (t[i + 1] == ' ' || t[i + 1] == '\n')))
      return false;
    if (t[i] == ',' && lim - i > 8 &&
        strncasecmp(t + i + 1, " which ", 7) == 0)
      break;
  }
  if (i + 1 >= lim)
    return false;
  size_t ws[6], wn[6];
  size_t n = S_next_words(t, i + 8, lim, true, ws, wn, 6);
  static const char *const docs[] = {"document", "doc",      "design",
                                     "proposal", "page",     "rfc",
                                     "note",     "write-up", "writeup",
                                     "version",  NULL};
  size_t k = 0;
  if (k < n && wn[k] == 2 && strncasecmp(t + ws[k], "we", 2) == 0)
    k++;
  else if (k + 1 < n && ((wn[k] == 4 && strncasecmp(t + ws[k], "this", 4) == 0) ||
                         (wn[k] == 3 && strncasecmp(t + ws[k], "the", 3) == 0)) &&
           S_word_in(t + ws[k + 1], wn[k + 1], docs))
    k += 2;
  else if (k < n && ((wn[k] == 2 && strncasecmp(t + ws[k], "is", 2) == 0) ||
                     (wn[k] == 3 && strncasecmp(t + ws[k], "are", 3) == 0))) {
    /* "which is out of scope", "which is not in scope" */
    return (k + 3 < n && wn[k + 1] == 3 &&
            strncasecmp(t + ws[k + 1], "out", 3) == 0 && wn[k + 3] == 5 &&
            strncasecmp(t + ws[k + 3], "scope", 5) == 0) ||
           (k + 3 < n && wn[k + 1] == 3 &&
            strncasecmp(t + ws[k + 1], "not", 3) == 0 && wn[k + 3] == 5 &&
            strncasecmp(t + ws[k + 3], "scope", 5) == 0);
  } else
    return false;
  /* then "does not", "doesn't", "do not", "don't", "will not", "won't",
   * "cannot", "never", and a verb of treating a subject: "attempt",
   * "cover", "address" (not "which this design does not change") */
  static const char *const treat[] = {
      "attempt",   "attempts", "cover",     "covers",  "address",
      "addresses", "include",  "includes",  "describe", "describes",
      "discuss",   "discusses", "plan",     "plans",   "design",
      "specify",   "detail",   "go",        "get",     "tackle",
      "tackles",   "handle",   "handles",   NULL};
  for (size_t q = k; q < n && q < k + 2; q++)
    if (S_word_in(t + ws[q], wn[q], S_negators) &&
        !(wn[q] == 2 && strncasecmp(t + ws[q], "no", 2) == 0)) {
      size_t v = q + 1;
      if (v < n && wn[v] == 3 && strncasecmp(t + ws[v], "not", 3) == 0)
        v++; /* "does not", "will not" */
      if (v < n && wn[v] == 3 && strncasecmp(t + ws[v], "yet", 3) == 0)
        v++;
      return v < n && S_word_in(t + ws[v], wn[v], treat);
    }
  return false;
}

/* Whether the rest of the sentence after the mention ending at me takes
 * it back with a pronoun: "The real question is desk utilisation at 11am,
 * but that's not measured", "whether picking crews were short, and neither
 * of those is measured anywhere", "..., and it isn't tracked yet". After
 * "but" or "and": "that", "this", "it", "those", "these" or "neither" /
 * "none" (with "of those / them / these"), a form of "be" and, unless the
 * pronoun is itself the negation, "not" or "-n't" (or "never"), then
 * "measured", "tracked", "logged", "recorded", "monitored", "collected",
 * "planned" or "covered". */
static bool S_that_denies(const char *t, size_t me, size_t len) {
  size_t lim = me + 200 < len ? me + 200 : len;
  static const char *const pron[] = {"that", "this", "it", "those", "these",
                                     NULL};
  static const char *const pron_be[] = {"that's", "it's", NULL};
  static const char *const none[] = {"neither", "none", NULL};
  static const char *const be[] = {"is", "are", "was", "were", NULL};
  static const char *const be_not[] = {"isn't", "aren't", "wasn't",
                                       "weren't", NULL};
  static const char *const what[] = {"measured", "tracked",  "logged",
                                     "recorded", "monitored", "collected",
                                     "planned",  "covered",  NULL};
  for (size_t i = me; i + 1 < lim; i++) {
    if (t[i] == ';' || t[i] == '|' || (t[i] == '\n' && t[i + 1] == '\n') ||
        ((t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ':') &&
         (t[i + 1] == ' ' || t[i + 1] == '\n')))
      return false;
    if (!((i == me || !S_wordch(t[i - 1])) &&
          ((lim - i > 4 && strncasecmp(t + i, "but", 3) == 0) ||
           (lim - i > 4 && strncasecmp(t + i, "and", 3) == 0)) &&
          (t[i + 3] == ' ' || t[i + 3] == '\n')))
      continue;
    size_t ws[8], wn[8];
    size_t n = S_next_words(t, i + 3, lim, true, ws, wn, 8), k = 0;
    bool negated = false, be_read = false;
    if (k < n && S_word_in(t + ws[k], wn[k], none)) {
      negated = true;
      k++;
      if (k + 1 < n && wn[k] == 2 && strncasecmp(t + ws[k], "of", 2) == 0)
        k += 2; /* "of those", "of them" */
    } else if (k < n && S_word_in(t + ws[k], wn[k], pron_be)) {
      k++;
      be_read = true; /* "that's" */
    } else if (k < n && S_word_in(t + ws[k], wn[k], pron)) {
      k++;
    } else {
      continue;
    }
    if (!be_read && k < n && S_word_in(t + ws[k], wn[k], be_not)) {
      negated = be_read = true;
      k++;
    } else if (!be_read && k < n && S_word_in(t + ws[k], wn[k], be)) {
      be_read = true;
      k++;
    }
    if (!be_read)
      continue;
    if (k < n && ((wn[k] == 3 && strncasecmp(t + ws[k], "not", 3) == 0) ||
                  (wn[k] == 5 && strncasecmp(t + ws[k], "never", 5) == 0))) {
      negated = true;
      k++;
    }
    if (k < n && ((wn[k] == 3 && strncasecmp(t + ws[k], "yet", 3) == 0) ||
                  (wn[k] == 9 && strncasecmp(t + ws[k], "currently", 9) == 0)))
      k++;
    if (negated && k < n && S_word_in(t + ws[k], wn[k], what))
      return true;
  }
  return false;
}

/* Where the clause at cs goes on past a condition that opens it: after the
 * condition's last comma before ms. A negation in the condition is the
 * condition's, not the main clause's: "If no score arrives within 50 ms,
 * the API falls back to the popularity order" and "When no model answers
 * in time, we fall back to ..." plan a fallback; "If the canary fails, no
 * rollout happens" still denies one, and "If there is no fallback, ..."
 * is a condition on the mention itself (no comma between). */
static size_t S_past_condition(const char *t, size_t cs, size_t ms) {
  static const char *const conditions[] = {
      "if",     "when",    "whenever", "once",  "unless", "until",
      "after",  "because", "since",    "should", NULL};
  size_t b = cs;
  while (b < ms && !S_wordch(t[b]))
    b++;
  size_t e = b;
  while (e < ms && S_wordch(t[e]))
    e++;
  if (e == b)
    return cs;
  bool cond = S_word_in(t + b, e - b, conditions);
  if (!cond && e - b == 2 && strncasecmp(t + b, "in", 2) == 0 &&
      ms - e >= 5 && strncasecmp(t + e, " case", 5) == 0)
    cond = true;
  if (!cond)
    return cs;
  for (size_t i = ms; i > e; i--)
    if (t[i - 1] == ',')
      return i;
  return cs;
}

/* Whether word k of the nw words ws/wn puts something off: a deferral
 * ("defer", "revisit") or the first of a deferral pair ("figure out",
 * "let's park"). */
static bool S_defers_at(const char *t, const size_t *ws, const size_t *wn,
                        size_t nw, size_t k) {
  if (S_word_in(t + ws[k], wn[k], S_deferrals))
    return true;
  for (size_t q = 0;
       k + 1 < nw && q < sizeof S_deferral_pairs / sizeof S_deferral_pairs[0];
       q++)
    if (wn[k] == strlen(S_deferral_pairs[q][0]) &&
        wn[k + 1] == strlen(S_deferral_pairs[q][1]) &&
        strncasecmp(t + ws[k], S_deferral_pairs[q][0], wn[k]) == 0 &&
        strncasecmp(t + ws[k + 1], S_deferral_pairs[q][1], wn[k + 1]) == 0)
      return true;
  return false;
}

/* Names of what a document does not do: a heading or a label so named
 * ("## Out of scope", "**Not in the pilot**", "Non-goals:") lists what is
 * not there. */
static const char *const S_denying_names[] = {
    "out of scope",    "not in scope",   "non-goals",     "non goals",
    "nongoals",        "not in the ",    "not in this ",  "not in v1",
    "not doing",       "what we are not", "what we're not",
    "what we won't",   "won't do",       "not planned",   "not covered",
    "not included",    "deferred",       "explicitly not", "what i didn't get to",
    "what i did not get to", "what we didn't get to", "what we did not get to",
    "didn't get to",   "did not get to", "what's missing", "what is missing",
    "not covered here", "left out",      "skipped",
    /* "**Not figured out yet:**" over what the author has not decided */
    "not figured out", "not yet figured out", "still to figure out",
    "not worked out",  "not yet decided", "not decided",    "undecided",
    NULL};

/* Whether t[b, e) (a heading's or a label's text, markup and numbering
 * aside) is one of S_denying_names, alone or with a short qualifier: "Out
 * of scope for v1", "Not doing (yet)", "Not in the pilot"; not "Deferred
 * revenue accounts". */
static bool S_denying_name(const char *t, size_t b, size_t e) {
  while (b < e && !isalpha((unsigned char)t[b]))
    b++;
  while (e > b && !isalnum((unsigned char)t[e - 1]))
    e--;
  /* (the names' first letters: most headings and labels open otherwise) */
  switch (b < e ? tolower((unsigned char)t[b]) : 0) {
  case 'o': case 'n': case 'w': case 'd': case 'e': case 'l': case 's':
    break;
  default:
    return false;
  }
  static const char *const qualifiers[] = {"for", "in", "until", "till",
                                           "to", "yet", "during", "at",
                                           "this", "now", "v1", "of",
                                           "from", NULL};
  for (int k = 0; S_denying_names[k]; k++) {
    size_t n = strlen(S_denying_names[k]);
    /* a name that is a clause missing its verb or object ("What we are
     * not doing", "What we won't build") takes a few words after it too */
    bool open_end = S_denying_names[k][n - 1] == ' ' ||
                    strncmp(S_denying_names[k], "what ", 5) == 0 ||
                    strncmp(S_denying_names[k], "explicitly ", 11) == 0;
    if (b + n > e || strncasecmp(t + b, S_denying_names[k], n) != 0 ||
        (!open_end && b + n < e && isalnum((unsigned char)t[b + n])))
      continue;
    /* what follows: nothing, or a few words that qualify it */
    size_t words = 0, w0 = 0, w0n = 0;
    for (size_t i = b + n; i < e;) {
      while (i < e && !isalnum((unsigned char)t[i]))
        i++;
      size_t ws = i;
      while (i < e && (isalnum((unsigned char)t[i]) || t[i] == '\''))
        i++;
      if (i > ws && words++ == 0) {
        w0 = ws;
        w0n = i - ws;
      }
    }
    if (words == 0)
      return true;
    if (open_end)
      return words <= 3;
    if (words > 4)
      continue;
    for (int q = 0; qualifiers[q]; q++)
      if (strlen(qualifiers[q]) == w0n &&
          strncasecmp(t + w0, qualifiers[q], w0n) == 0)
        return true;
  }
  return false;
}

/* Whether the mention at ms lies in a list under a heading, or after a
 * label, that names what the document does not do: "**Not in the
 * pilot**" over "- Out of scope: A/B testing, staged rollout". */
static bool S_under_denial(const lint_ctx *ctx, size_t ms) {
  const char *t = ctx->src->text;
  /* the colon that governs the mention's sentence, if any: back to the
   * sentence's start, a blank line or the start of the list item (a
   * labelled bullet governs its own line only), at most 600 bytes */
  size_t c = ms, lo = ms > 600 ? ms - 600 : 0;
  for (; c > lo; c--) {
    char p = t[c - 1];
    if ((p == ':' && !(t[c] >= '0' && t[c] <= '9') && t[c] != '/') ||
        ((p == '.' || p == '!' || p == '?') && (t[c] == ' ' || t[c] == '\n')))
      break;
    if (p == '\n') {
      size_t k = c;
      while (t[k] == ' ' || t[k] == '\t')
        k++;
      if (t[k] == '\n' || t[k] == '-' || t[k] == '*' || t[k] == '+' ||
          (t[k] >= '0' && t[k] <= '9') || (c >= 2 && t[c - 2] == '\n')) {
        /* an item of a list whose lead-in line closes with a colon
         * ("Out of scope for v1:\n- A/B testing\n- drift alerts"): the
         * lead-in governs it; walk up over the list's lines */
        if (t[k] == '-' || t[k] == '*' || t[k] == '+') {
          size_t q = c - 1; /* at the '\n' */
          while (q > lo) {
            size_t ls = q;
            while (ls > lo && t[ls - 1] != '\n')
              ls--;
            size_t e = q;
            while (e > ls && (t[e - 1] == ' ' || t[e - 1] == '*' || t[e - 1] == '_'))
              e--;
            if (e > ls && t[e - 1] == ':') { c = e; break; }
            size_t f = ls;
            while (f < q && (t[f] == ' ' || t[f] == '\t'))
              f++;
            if (f == q || !(t[f] == '-' || t[f] == '*' || t[f] == '+') || ls == 0)
              break;
            q = ls - 1;
          }
        }
        break;
      }
    }
  }
  if (c > 0 && t[c - 1] == ':') {
    /* the label: its clause before the colon, within 80 bytes, from the
     * line's or the item's start or a sentence's end ("*Timer went off
     * here.* What I didn't get to: the serving side, ...") */
    size_t b = c - 1, stop = b > 80 ? b - 80 : 0;
    bool start = false;
    for (; b > stop; b--) {
      char p = t[b - 1];
      if ((p == '.' || p == '!' || p == '?') &&
          (t[b] == ' ' || t[b] == '*' || t[b] == '_')) {
        start = true;
        break;
      }
      if (p == '\n') {
        /* a new block or item starts here, not a wrapped line: "two
         * things that were\nnot in the original plan: ..." is no label */
        size_t k = b;
        while (t[k] == ' ' || t[k] == '\t')
          k++;
        start = b < 2 || t[b - 2] == '\n' || t[k] == '-' || t[k] == '*' ||
                t[k] == '+' || t[k] == '#' || t[k] == '>' || t[k] == '_' ||
                (t[k] >= '0' && t[k] <= '9') ||
                (t[k] >= 'A' && t[k] <= 'Z');
        break;
      }
    }
    if ((start || b == 0) && S_denying_name(t, b, c - 1))
      return true;
  }
  if (!ctx->ol || !ctx->md)
    return false;
  ptrdiff_t d = outline_section_at(ctx->ol, ms);
  if (d < 0 || ctx->ol->sections[d].is_title)
    return false;
  const block *h = &ctx->md->blocks[ctx->ol->sections[d].block];
  return h->text && S_denying_name(h->text, 0, strnlen(h->text, 160));
}

bool prose_negated(const lint_ctx *ctx, size_t ms, size_t me) {
  const char *t = ctx->src->text;
  if (S_cell_denied(t, me, ctx->src->len))
    return true;
  if (S_in_question(ctx, ms, me))
    return true;
  size_t lo = ms > NEG_LOOKBACK ? ms - NEG_LOOKBACK : 0;
  size_t cs = S_clause_start(t, lo, ms);
  cs = S_past_condition(t, cs, ms);
  if (S_under_denial(ctx, ms))
    return true;
  /* the words of the clause before the mention (not a tag's name, "<aside>",
   * nor an emoji: "<aside> 🚧 We won't monitor drift" opens with "We") */
  size_t ws[64], wn[64], nw = 0;
  for (size_t i = cs; i < ms && nw < 64;) {
    while (i < ms && !S_wordch(t[i])) {
      if (t[i] == '<' && i + 1 < ms &&
          (isalpha((unsigned char)t[i + 1]) || t[i + 1] == '/')) {
        const char *gt = memchr(t + i, '>', ms - i);
        if (gt) {
          i = (size_t)(gt - t);
        }
      }
      i++;
    }
    size_t b = i;
    bool ascii = false;
    while (i < ms && S_wordch(t[i]))
      ascii |= (unsigned char)t[i++] < 0x80;
    if (i > b && ascii) {
      ws[nw] = b;
      wn[nw++] = i - b;
    }
  }
  /* a negator just before: "no drift monitoring", "without a fallback",
   * "prevents serving stale data" */
  for (size_t k = nw > 3 ? nw - 3 : 0; k < nw; k++)
    if (S_word_in(t + ws[k], wn[k], S_negators) ||
        S_word_in(t + ws[k], wn[k], S_preventers))
      return true;
  /* put off, which plans nothing yet: "decide whether to roll back",
   * "we'll figure out alerting later" */
  for (size_t k = nw > 3 ? nw - 3 : 0; k < nw; k++)
    if (S_defers_at(t, ws, wn, nw, k))
      return true;
  /* what is only supposed, in the clause of a counterfactual "if": "If
   * it were deployed, ...", "if we were to roll it out" (not the clause
   * after its comma: "If the scorer were down, the app would fall back to
   * the rule" plans that fallback) */
  for (size_t k = 0; k + 1 < nw; k++) {
    if (wn[k] != 2 || strncasecmp(t + ws[k], "if", 2) != 0)
      continue;
    for (size_t j = k + 1; j < nw && j <= k + 4; j++)
      if (wn[j] == 4 && strncasecmp(t + ws[j], "were", 4) == 0 &&
          !memchr(t + ws[j], ',', ms - ws[j]))
        return true;
  }
  /* a wish, not a plan: "We'd eventually want an A/B test", "we'd
   * obviously need monitoring at some point" (the clause on both sides:
   * the words before, then up to 16 words after, to the clause's end) */
  if (S_wish_in_words(t, ws, wn, nw))
    return true;
  {
    size_t xs[16], xn[16], nx = 0;
    size_t lim = me + 160 < ctx->src->len ? me + 160 : ctx->src->len;
    for (size_t i = me; i < lim && nx < 16;) {
      /* the clause ends at ";", "|", a line end, or ".", "!", "?", ":"
       * before a space, as S_clause_start() reads it backwards */
      while (i < lim && !S_wordch(t[i]) && t[i] != ';' && t[i] != '\n' &&
             t[i] != '|' &&
             !(t[i] && strchr(".!?:", t[i]) &&
               (i + 1 >= lim || t[i + 1] == ' ' || t[i + 1] == '\t')))
        i++;
      if (i >= lim || !S_wordch(t[i]))
        break; /* the clause ends */
      size_t b = i;
      while (i < lim && S_wordch(t[i]))
        i++;
      xs[nx] = b;
      xn[nx++] = i - b;
    }
    if (S_wish_in_words(t, xs, xn, nx))
      return true;
  }
  /* a clause that opens with a negation: "No drift monitoring, alerts or
   * dashboards are planned", "There is no A/B test" */
  size_t k0 = 0;
  if (nw >= 2 && wn[0] == 5 && strncasecmp(t + ws[0], "there", 5) == 0)
    k0 = 2; /* there is / there are / there will */
  if (nw > k0 + 1 && strncasecmp(t + ws[k0], "will", 4) == 0)
    k0++;
  if (nw >= 2 && (strncasecmp(t + ws[0], "we", 2) == 0 && wn[0] == 2))
    k0 = 1; /* we do not, we don't, we have no */
  /* ... or with "Nothing will", up to a comma: "Nothing will be
   * monitored during the pilot" (not what a design does without: "Nothing
   * is served online"; not past a comma: "Nothing will change, so the old
   * baseline stands"; nor after its first word: "If nothing changes, the
   * fallback ...") */
  bool opens = nw >= k0 + 3 && wn[k0] == 7 &&
               strncasecmp(t + ws[k0], "nothing", 7) == 0 &&
               wn[k0 + 1] == 4 && strncasecmp(t + ws[k0 + 1], "will", 4) == 0 &&
               !memchr(t + ws[k0], ',', ms - ws[k0]);
  for (size_t k = k0; k < nw && k < k0 + 3 && !opens; k++)
    opens = S_word_in(t + ws[k], wn[k], S_negators);
  /* ... or that opens by putting it off: "Let's park monitoring and
   * rollout until the audit", "We parked alerting and rollback" */
  for (size_t k = 0; k < nw && k < 3 && !opens; k++)
    opens = S_defers_at(t, ws, wn, nw, k);
  if (opens && nw <= 16) {
    bool turned = false;
    for (size_t k = k0; k < nw && !turned; k++)
      turned = S_word_in(t + ws[k], wn[k], S_turns);
    if (!turned)
      return true;
  }
  /* negated after it: "Recall@10 is not monitored", "monitoring: none",
   * "A/B testing is out of scope" */
  size_t end = me + 80 < ctx->src->len ? me + 80 : ctx->src->len;
  size_t aw[8], an[8], na = 0;
  for (size_t i = me; i < end && na < 8;) {
    if (t[i] == '.' || t[i] == ';' || t[i] == '\n' || t[i] == '|' ||
        t[i] == ',')
      break;
    if (t[i] == '(') { /* an aside: "Monitoring (drift) is not planned",
                          "the UI ("Never replied ...")" */
      const char *close = memchr(t + i, ')', end - i);
      if (!close)
        break;
      i = (size_t)(close - t) + 1;
      continue;
    }
    while (i < end && !S_wordch(t[i]) && t[i] != '.' && t[i] != ';' &&
           t[i] != '\n' && t[i] != '|' && t[i] != ',' && t[i] != '(')
      i++;
    if (i < end && t[i] == '(')
      continue;
    size_t b = i;
    while (i < end && S_wordch(t[i]))
      i++;
    if (i > b) {
      aw[na] = b;
      an[na++] = i - b;
    } else {
      break;
    }
  }
  static const char *const be[] = {"is", "are", "was", "were", "will",
                                   "be", "has", "have", "been", "yet",
                                   "currently", "planned", "done", NULL};
  for (size_t k = 0; k < na && k < 5; k++) {
    const char *w = t + aw[k];
    if ((an[k] == 3 && strncasecmp(w, "not", 3) == 0) ||
        (an[k] == 5 && strncasecmp(w, "never", 5) == 0) ||
        (an[k] == 4 && strncasecmp(w, "none", 4) == 0) ||
        (an[k] == 3 && strncasecmp(w, "n/a", 3) == 0) ||
        /* "Rollout: TBD." */
        (k == 0 && ((an[k] == 3 && (strncasecmp(w, "tbd", 3) == 0 ||
                                    strncasecmp(w, "tba", 3) == 0)) ||
                    (an[k] == 4 && strncasecmp(w, "todo", 4) == 0))) ||
        (an[k] == 5 && strncasecmp(w, "isn't", 5) == 0) ||
        (an[k] == 6 && strncasecmp(w, "aren't", 6) == 0) ||
        (an[k] == 5 && strncasecmp(w, "won't", 5) == 0) ||
        (an[k] == 3 && strncasecmp(w, "out", 3) == 0 && k + 2 < na &&
         an[k + 2] == 5 && strncasecmp(t + aw[k + 2], "scope", 5) == 0))
      return true;
    if (!S_word_in(w, an[k], be) && k > 0)
      break;
  }
  return S_list_negated(t, me, ctx->src->len) ||
         S_paren_list_negated(t, ms, me, ctx->src->len) ||
         S_which_denies(t, me, ctx->src->len) ||
         S_that_denies(t, me, ctx->src->len);
}

/* ---- Literal triggers: many patterns in one pass. ---- */

/* Reads a literal at *p up to a metacharacter; appends it to buf (lower
 * case). A last character made optional ("s?", "e*") is dropped, and then
 * *pp is left on it and the result is true: no single token follows the
 * literal. */
static bool S_literal_prefix(const char **pp, const char *end, char *buf,
                             size_t cap, size_t *n) {
  const char *p = *pp;
  bool cut = false;
  while (p < end && *n + 1 < cap) {
    char c = *p;
    char lit = 0;
    size_t adv = 1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '@' ||
        c == '/' || c == '\'' || c == '&' || c == '%' || c == ',' ||
        c == ':' || c == '_' || c == '<' || c == '>' || c == '=' || c == '!' ||
        c == '"' || c == '#' || c == ';' || c == '~')
      lit = c;
    else if (c == '\\' && p + 1 < end && strchr(".-()[]{}?*+|/\\ @#&$^", p[1]))
      lit = p[1], adv = 2;
    if (!lit)
      break;
    if (p + adv < end && strchr("?*{", p[adv])) {
      cut = true; /* optional from here on: stop before it */
      break;
    }
    buf[(*n)++] = (char)(lit >= 'A' && lit <= 'Z' ? lit + 32 : lit);
    p += adv;
  }
  *pp = p;
  return cut;
}

/* What the token at p (in [p, end)) asks of the text after a trigger that
 * ends with last: a TRIGGER_FOLLOW_ value. A space of the pattern is \s+
 * (pattern_prose_text()), or a space where the pattern compiles only as
 * written; either is at least one whitespace byte. */
static unsigned char S_follow_at(const char *p, const char *end, char last) {
  size_t tok = 0;
  unsigned char f = TRIGGER_FOLLOW_ANY;
  if (p < end && *p == ' ') {
    tok = 1;
    f = TRIGGER_FOLLOW_SPACE;
  } else if (end - p >= 2 && p[0] == '\\' && p[1] == 's') {
    tok = 2;
    f = TRIGGER_FOLLOW_SPACE;
  } else if (end - p >= 2 && p[0] == '\\' && p[1] == 'b' && S_word_byte(last)) {
    tok = 2;
    f = TRIGGER_FOLLOW_BOUNDARY;
  }
  /* a token that may match nothing asks nothing */
  if (tok && p + tok < end && strchr("?*{", p[tok]))
    f = TRIGGER_FOLLOW_ANY;
  return f;
}

static const char *S_group_end(const char *p, const char *end);
static size_t S_branches(const char *p, const char *end, const char **b,
                         const char **e, size_t max);

/* Past the quantifier at q, if any, with its lazy or possessive mark. */
static const char *S_past_quantifier(const char *q, const char *end) {
  if (q >= end || !strchr("?*+{", *q))
    return q;
  if (*q == '{') {
    while (q < end && *q != '}')
      q++;
  }
  if (q < end)
    q++;
  if (q < end && (*q == '?' || *q == '+'))
    q++;
  return q;
}

static void S_set_ws(unsigned char *set) {
  S_set_bit(set, ' ');
  for (unsigned c = '\t'; c <= '\r'; c++)
    S_set_bit(set, c);
}

/* Adds to set the bytes (lowercased where ASCII letters) that a match of
 * the sequence [p, end) of a pattern's source may open with. 0: not told
 * (a dot, a negated class, a non-ASCII byte, an escape not read here),
 * and set says nothing; 1: told, and the sequence matches at least one
 * byte; 2: told, but it may match nothing, so what follows it may open the
 * match too. Zero-width items (\b, lookarounds, inline options) are passed
 * over: they only take matches away. A space of the source is \s+
 * (pattern_prose_text()). */
static int S_first(const char *p, const char *end, unsigned char *set,
                   int depth) {
  if (depth > 6)
    return 0;
  while (p < end) {
    unsigned char atom[32] = {0};
    const char *q; /* past the atom */
    unsigned char c = (unsigned char)*p;
    if (c == '\\' && end - p >= 2 && (p[1] == 'b' || p[1] == 'B')) {
      p += 2;
      continue;
    }
    if (c == '(') {
      const char *g = S_group_end(p, end);
      if (!g)
        return 0;
      const char *in = p + 1;
      if (*in == '?') {
        if (end - in >= 2 && in[1] == ':') {
          in += 2;
        } else if (strchr("=!", in[1]) ||
                   (in[1] == '<' && strchr("=!", in[2]))) {
          p = g + 1; /* a lookaround: zero width */
          if (p < end && strchr("?*{+", *p))
            return 0;
          continue;
        } else {
          size_t n = strspn(in + 1, "imsnU-^");
          if (in + 1 + n == g) {
            p = g + 1; /* inline options */
            continue;
          }
          return 0;
        }
      }
      const char *bb[64], *be[64];
      size_t nb = S_branches(in, g, bb, be, 64);
      if (!nb)
        return 0;
      bool empty = false;
      for (size_t i = 0; i < nb; i++) {
        int r = S_first(bb[i], be[i], atom, depth + 1);
        if (!r)
          return 0;
        empty = empty || r == 2;
      }
      q = g + 1;
      if (empty) { /* the group may match nothing, whatever its quantifier */
        for (int i = 0; i < 32; i++)
          set[i] |= atom[i];
        p = S_past_quantifier(q, end);
        continue;
      }
    } else if (c == '[') {
      q = p + 1;
      if (q < end && *q == '^')
        return 0;
      bool first = true;
      for (; q < end && (*q != ']' || first); q++, first = false) {
        unsigned char x = (unsigned char)*q;
        /* (not read: a POSIX class or collating element, "[[:digit:]]") */
        if (x == '[' && q + 1 < end && strchr(":.=", q[1]))
          return 0;
        if (x == '\\') {
          if (q + 1 >= end)
            return 0;
          char e = q[1];
          q++;
          /* (nor a range from an escape: "[\.-z]") */
          if (q + 2 < end && q[1] == '-' && q[2] != ']')
            return 0;
          if (e == 's')
            S_set_ws(atom);
          else if (e == 'd')
            for (unsigned d = '0'; d <= '9'; d++)
              S_set_bit(atom, d);
          else if (strchr(".-()[]{}?*+|/\\ @#&$^", e))
            S_set_bit(atom, (unsigned char)e);
          else
            return 0;
          continue;
        }
        if (x >= 0x80)
          return 0;
        if (q + 2 < end && q[1] == '-' && q[2] != ']') {
          unsigned char hi = (unsigned char)q[2];
          if (hi >= 0x80 || hi < x || hi == '\\' || hi == '[')
            return 0; /* (nor one to an escape: "[!-\]]") */
          for (unsigned y = x; y <= hi; y++)
            S_set_bit(atom, S_lower((unsigned char)y));
          q += 2;
          continue;
        }
        if (x == ' ')
          S_set_ws(atom);
        else
          S_set_bit(atom, S_lower(x));
      }
      if (q >= end)
        return 0;
      q++; /* past ']' */
    } else if (c == '\\') {
      if (end - p < 2)
        return 0;
      char e = p[1];
      if (e == 's')
        S_set_ws(atom);
      else if (e == 'd')
        for (unsigned d = '0'; d <= '9'; d++)
          S_set_bit(atom, d);
      else if (e == 'w') {
        for (unsigned y = 0; y < 128; y++)
          if (S_word_byte((char)y))
            S_set_bit(atom, S_lower((unsigned char)y));
      } else if (strchr(".-()[]{}?*+|/\\ @#&$^", e))
        S_set_bit(atom, (unsigned char)e);
      else
        return 0;
      q = p + 2;
    } else if (c == ' ') {
      S_set_ws(atom);
      q = p + 1;
    } else if (c >= 0x80 || strchr(".^$|)?*+{", c)) {
      return 0;
    } else {
      S_set_bit(atom, S_lower(c));
      q = p + 1;
    }
    for (int i = 0; i < 32; i++)
      set[i] |= atom[i];
    /* the atom's quantifier: one that allows none leaves the sequence
     * open */
    if (q < end && (*q == '?' || *q == '*' ||
                    (*q == '{' && q + 1 < end &&
                     (q[1] == '0' || q[1] == ',')))) {
      p = S_past_quantifier(q, end);
      continue;
    }
    return 1;
  }
  return 2;
}

/* What follows a group of alternatives, read once for all of them: the
 * bytes it opens with (S_first()) and what that returned, and the same
 * after its opening whitespace (S_next_at()), read on first use. */
typedef struct {
  const char *g, *end; /* [g, end): the pattern after the group */
  unsigned char first[32], next[32];
  int r;
  bool has_next;
} group_after;

static void S_next_at(const char *p, const char *end, unsigned char *next);

static void S_after_init(group_after *ga, const char *g, const char *end) {
  memset(ga, 0, sizeof *ga);
  ga->g = g;
  ga->end = end;
  ga->r = S_first(g, end, ga->first, 0);
}

static const unsigned char *S_after_next(group_after *ga) {
  if (!ga->has_next) {
    S_next_at(ga->g, ga->end, ga->next);
    ga->has_next = true;
  }
  return ga->next;
}

/* The bytes (lowercased) that the text right after a trigger may open
 * with, into set (32 bytes): what the rest of its branch [p, e) opens
 * with, then, where that may match nothing, what follows its group (ga,
 * or NULL: none); all bits set where the pattern does not tell. */
static void S_rest_opens(const char *p, const char *e, const group_after *ga,
                         unsigned char *set) {
  memset(set, 0, 32);
  int r = S_first(p, e, set, 0);
  if (r == 2 && ga) {
    for (int i = 0; i < 32; i++)
      set[i] |= ga->first[i];
    r = ga->r;
  }
  if (r != 1)
    memset(set, 0xff, 32);
}

/* What the text after a trigger's whitespace may open with, into next
 * (32 bytes): p is the token after the trigger, as for S_follow_at(). All
 * bits set where the pattern does not tell. */
static void S_next_at(const char *p, const char *end, unsigned char *next) {
  size_t tok = p < end && *p == ' '                              ? 1
               : end - p >= 2 && p[0] == '\\' && p[1] == 's' ? 2
                                                                : 0;
  if (tok && p + tok < end && p[tok] == '+')
    tok++;
  if (!tok) {
    memset(next, 0xff, 32);
    return;
  }
  S_rest_opens(p + tok, end, NULL, next);
  /* the literal pass skips all the whitespace before it looks: a token that
   * may itself match whitespace ("foo  bar", "foo\s\s+bar") tells nothing */
  unsigned char ws[32] = {0};
  S_set_ws(ws);
  for (int i = 0; i < 32; i++)
    if (next[i] & ws[i]) {
      memset(next, 0xff, 32);
      return;
    }
}

/* The end of the group opening at p ('('), or NULL. */
static const char *S_group_end(const char *p, const char *end) {
  int depth = 0;
  bool cls = false;
  for (; p < end; p++) {
    if (*p == '\\') {
      p++;
      continue;
    }
    if (cls) {
      cls = *p != ']';
      continue;
    }
    if (*p == '[')
      cls = true;
    else if (*p == '(')
      depth++;
    else if (*p == ')' && --depth == 0)
      return p;
  }
  return NULL;
}

/* Splits [p, end) at top-level '|' into at most max branches. */
static size_t S_branches(const char *p, const char *end, const char **b,
                         const char **e, size_t max) {
  size_t n = 0;
  int depth = 0;
  bool cls = false;
  b[0] = p;
  for (const char *q = p; q < end; q++) {
    if (*q == '\\') {
      q++;
      continue;
    }
    if (cls) {
      cls = *q != ']';
      continue;
    }
    if (*q == '[')
      cls = true;
    else if (*q == '(')
      depth++;
    else if (*q == ')')
      depth--;
    else if (*q == '|' && depth == 0) {
      if (n + 1 >= max)
        return 0;
      e[n++] = q;
      b[n] = q + 1;
    }
  }
  e[n++] = end;
  return n;
}

/* Past the inline options ("(?-i)") and lookbehinds that open a branch of
 * [p, end): they match no text. NULL on an unclosed group. */
static const char *S_skip_zero_width(const char *p, const char *end) {
  for (;;) {
    if (end - p >= 5 && strncmp(p, "(?-i)", 5) == 0) {
      p += 5;
    } else if (end - p >= 4 && strncmp(p, "(?i)", 4) == 0) {
      p += 4;
    } else if (end - p >= 4 && (strncmp(p, "(?<!", 4) == 0 ||
                                strncmp(p, "(?<=", 4) == 0)) {
      const char *g = S_group_end(p, end);
      if (!g)
        return NULL;
      p = g + 1;
    } else {
      return p;
    }
  }
}

/* What must follow a trigger read from an alternative of a group, whose
 * literal stopped at q in the alternative [q, e) (cut: before a character
 * made optional; last: its last byte), into *follow and next (64 bytes:
 * S_rest_opens(), then S_next_at()); an alternative read whole is followed
 * by what follows the group (ga). */
static void S_alt_follows(const char *q, const char *e, group_after *ga,
                          bool cut, char last, unsigned char *follow,
                          unsigned char *next) {
  *follow = cut     ? TRIGGER_FOLLOW_ANY
            : q < e ? S_follow_at(q, e, last)
                    : S_follow_at(ga->g, ga->end, last);
  S_rest_opens(q, e, ga, next);
  if (*follow != TRIGGER_FOLLOW_SPACE)
    memset(next + 32, 0xff, 32);
  else if (q < e)
    S_next_at(q, e, next + 32);
  else
    memcpy(next + 32, S_after_next(ga), 32);
}

/* Triggers of one branch, appended to out, with what must follow each
 * into follow; false when it has none. */
static bool S_branch_triggers(const char *p, const char *end,
                              char (*out)[PROSE_TRIGGER_MAX],
                              unsigned char *follow, unsigned char (*next)[64],
                              size_t *n, size_t max) {
  /* zero-width openings: inline options, lookbehinds, \b */
  p = S_skip_zero_width(p, end);
  if (!p)
    return false;
  while (end - p >= 2 && p[0] == '\\' && p[1] == 'b')
    p += 2;
  if (p < end && *p == '(') {
    const char *g = S_group_end(p, end);
    if (!g || (g + 1 < end && strchr("?*{", g[1])))
      return false;
    const char *in = p + 1;
    if (end - in >= 2 && in[0] == '?' && in[1] == ':')
      in += 2;
    else if (*in == '?')
      return false;
    const char *bb[64], *be[64];
    size_t nb = S_branches(in, g, bb, be, 64);
    if (!nb)
      return false;
    group_after ga;
    S_after_init(&ga, g + 1, end);
    for (size_t i = 0; i < nb; i++) {
      if (*n >= max)
        return false;
      size_t len = 0;
      const char *q = bb[i];
      bool cut = S_literal_prefix(&q, be[i], out[*n], PROSE_TRIGGER_MAX, &len);
      if (len < 2)
        return false;
      S_alt_follows(q, be[i], &ga, cut, out[*n][len - 1], &follow[*n],
                    next[*n]);
      out[(*n)++][len] = '\0';
    }
    return true;
  }
  if (*n >= max)
    return false;
  size_t len = 0;
  bool cut = S_literal_prefix(&p, end, out[*n], PROSE_TRIGGER_MAX, &len);
  if (len >= 2) {
    follow[*n] =
        cut ? TRIGGER_FOLLOW_ANY : S_follow_at(p, end, out[*n][len - 1]);
    S_rest_opens(p, end, NULL, next[*n]);
    if (follow[*n] == TRIGGER_FOLLOW_SPACE)
      S_next_at(p, end, next[*n] + 32);
    else
      memset(next[*n] + 32, 0xff, 32);
    out[(*n)++][len] = '\0';
    return true;
  }
  /* a short prefix before a group: one trigger per alternative, the
   * prefix then the alternative's own ("p(50|95|99)": p50, p95, p99) */
  if (!len || p >= end || *p != '(')
    return false;
  const char *g = S_group_end(p, end);
  if (!g || (g + 1 < end && strchr("?*{+", g[1])))
    return false;
  const char *in = p + 1;
  if (end - in >= 2 && in[0] == '?' && in[1] == ':')
    in += 2;
  else if (*in == '?')
    return false;
  char prefix[PROSE_TRIGGER_MAX];
  memcpy(prefix, out[*n], len);
  const char *bb[64], *be[64];
  size_t nb = S_branches(in, g, bb, be, 64);
  if (!nb)
    return false;
  group_after ga;
  S_after_init(&ga, g + 1, end);
  for (size_t i = 0; i < nb; i++) {
    if (*n >= max)
      return false;
    memcpy(out[*n], prefix, len);
    size_t l = len;
    const char *q = bb[i];
    bool alt_cut = S_literal_prefix(&q, be[i], out[*n], PROSE_TRIGGER_MAX, &l);
    if (l < 2)
      return false;
    S_alt_follows(q, be[i], &ga, alt_cut, out[*n][l - 1], &follow[*n],
                  next[*n]);
    out[(*n)++][l] = '\0';
  }
  return true;
}

/* Whether re may change what a space, \s or \b of it matches: an option
 * setting with x (extended: spaces match nothing), or the verbs that open
 * a pattern, such as (*UCP) (Unicode \s and \b). */
static bool S_changes_follow(const char *re) {
  if (strncmp(re, "(*", 2) == 0)
    return true;
  for (const char *p = strstr(re, "(?"); p; p = strstr(p + 2, "(?")) {
    size_t n = strspn(p + 2, "imnsxJU-^");
    if (memchr(p + 2, 'x', n) && (p[2 + n] == ')' || p[2 + n] == ':'))
      return true;
  }
  return false;
}

/* prose_triggers(), with what must follow each trigger into follow and
 * what the text after its whitespace may open with into next. */
static size_t S_triggers(const char *re, char (*out)[PROSE_TRIGGER_MAX],
                         unsigned char *follow, unsigned char (*next)[64],
                         size_t max) {
  const char *end = re + strlen(re);
  const char *bb[64], *be[64];
  size_t nb = S_branches(re, end, bb, be, 64), n = 0;
  if (!nb)
    return 0;
  for (size_t i = 0; i < nb; i++)
    if (!S_branch_triggers(bb[i], be[i], out, follow, next, &n, max))
      return 0;
  for (size_t i = 0; i < n; i++)
    for (const unsigned char *c = (const unsigned char *)out[i]; *c; c++)
      if (*c >= 0x80)
        return 0;
  /* an option that changes what a space, \s or \b match, or a quoted
   * run (\Q...\E, which the reading above does not know): nothing told
   * of what follows a trigger */
  if (S_changes_follow(re) || strstr(re, "\\Q")) {
    memset(follow, TRIGGER_FOLLOW_ANY, n);
    memset(next, 0xff, n * 64);
  }
  return n;
}

size_t prose_triggers(const char *re, char (*out)[PROSE_TRIGGER_MAX],
                      size_t max) {
  unsigned char *follow = xcalloc(max + 1, 1);
  unsigned char (*next)[64] = xcalloc(max + 1, 64);
  size_t n = S_triggers(re, out, follow, next, max);
  free(follow);
  free(next);
  return n;
}

/* A trigger found by the literal pass: its pattern k, where it starts and
 * ends, and what must follow it (TRIGGER_FOLLOW_). */
typedef struct {
  size_t k, ms, me;
} trigger_hit;


/* Whether every top-level branch of re opens with \b (after inline options
 * and lookbehinds). */
static bool S_opens_with_boundary(const char *re) {
  const char *end = re + strlen(re);
  const char *bb[64], *be[64];
  size_t nb = S_branches(re, end, bb, be, 64);
  if (!nb)
    return false;
  for (size_t i = 0; i < nb; i++) {
    const char *p = S_skip_zero_width(bb[i], be[i]);
    if (!p || !(p + 1 < be[i] && p[0] == '\\' && p[1] == 'b'))
      return false;
  }
  return true;
}

typedef struct {
  prose_many_fn fn;
  void *arg;
  size_t k;
} many_one;

static bool S_many_one(void *arg, size_t ms, size_t me) {
  many_one *o = arg;
  return o->fn(o->arg, o->k, ms, me);
}

void pattern_set_triggers(pattern *p) {
  /* (on the stack: a pack compiles about a thousand patterns at each
   * start, and zeroing 7 KB for each cost more than reading them) */
  char trig[64][PROSE_TRIGGER_MAX];
  unsigned char follow[64];
  unsigned char next[64][64];
  size_t nt = p->source ? S_triggers(p->source, trig, follow, next, 64) : 0;
  strbuf sb = {0};
  for (size_t i = 0; i < nt; i++)
    strbuf_put(&sb, trig[i], strlen(trig[i]) + 1);
  if (nt) { /* one block for all three */
    strbuf_put(&sb, (const char *)next, nt * 64);
    strbuf_put(&sb, (const char *)follow, nt);
  }
  p->triggers = sb.data;
  p->trigger_follow = nt ? (unsigned char *)sb.data + sb.len - nt : NULL;
  p->trigger_next = nt ? (unsigned char *)sb.data + sb.len - nt - nt * 64 : NULL;
  p->ntriggers = (unsigned short)nt;
  p->word_start = nt && S_opens_with_boundary(p->source);
}

void prose_each_many(lint_ctx *ctx, const pattern *const *pats, size_t n,
                     size_t start, size_t end, prose_many_fn fn, void *arg) {
  if (!n)
    return;
  const many_set *m = S_cached(ctx->pack, 0, (const void *const *)pats, n,
                               NULL, NULL);
  const size_t *owner = m->owner;
  const bool *word_start = m->word_start;
  size_t nlits = m->nlits;
  bool *scan = xcalloc(n + 1, sizeof(bool));
  memcpy(scan, m->scan, n * sizeof(bool));
  literal_match *lm = NULL;
  size_t nlm = 0;
  if (nlits && !S_lit_scan(ctx, m->ls, start, end, &lm, &nlm)) {
    for (size_t i = 0; i < nlits; i++)
      scan[owner[i]] = true; /* PCRE2 must do it: scan them all */
    nlits = 0;
  }
  /* the trigger positions by pattern, then position: the literal pass
   * finds them in position order, so a counting sort by pattern (stable)
   * gives that order without comparing */
  trigger_hit *hits = xmalloc((nlm + 1) * sizeof(trigger_hit));
  size_t nh = 0;
  if (nlits && nlm) {
    size_t *at = xcalloc(n + 1, sizeof(size_t));
    for (size_t i = 0; i < nlm; i++)
      at[owner[lm[i].idx] + 1]++;
    for (size_t k = 0; k < n; k++)
      at[k + 1] += at[k];
    for (size_t i = 0; i < nlm; i++) {
      size_t k = owner[lm[i].idx];
      hits[at[k]++] =
          (trigger_hit){k, lm[i].ms, lm[i].me};
    }
    nh = nlm;
    free(at);
  }
  const md_blocks *mb = ctx->md;
  for (size_t i = 0; i < nh;) {
    size_t k = hits[i].k, next_ok = 0;
    bool stop = false;
    /* compiled at the first trigger that may start a match: most
     * patterns meet none */
    pcre2_code *code = NULL;
    /* the first skipped range that ends after the hit: hits come in
     * position order, so one holds for the next hits until it starts */
    size_t s = SIZE_MAX;
    for (; i < nh && hits[i].k == k; i++) {
      size_t at = hits[i].ms;
      if (stop || at < next_ok || !prose_may_match(ctx, pats[k]) ||
          (i && hits[i - 1].k == k && hits[i - 1].ms == at))
        continue;
      if (word_start[k] && at > 0 && S_word_byte(ctx->src->text[at - 1]) &&
          S_word_byte(ctx->src->text[at]))
        continue;
      if (s == SIZE_MAX || (s < mb->nskip && at >= mb->skip[2 * s]))
        s = S_first_skip(mb, at);
      size_t seg_end =
          s < mb->nskip && mb->skip[2 * s] < end ? mb->skip[2 * s] : end;
      /* (a match here opens with one of the triggers found here, followed
       * by what the pattern has after that trigger: the literal pass
       * reported only those, S_follows()) */
      if (!code && !(code = pattern_anchored_code(pats[k]))) {
        stop = true; /* no code: pattern k matches nothing */
        continue;
      }
      if (prose_match(ctx, pats[k], code, seg_end, at) < 0)
        continue;
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md_match);
      size_t ms = ov[0], me = ov[1];
      next_ok = me > ms ? me : ms + 1;
      if (!fn(arg, k, ms, me))
        stop = true;
    }
  }
  free(hits);
  free(lm);
  /* the rest by a scan each */
  for (size_t k = 0; k < n; k++) {
    if (!scan[k])
      continue;
    many_one one = {fn, arg, k};
    prose_each(ctx, pats[k], start, end, S_many_one, &one);
  }
  free(scan);
}

/* ---- Soft-wrapped prose. ---- */

char *pattern_prose_text(const char *re) {
  strbuf sb = {0};
  bool cls = false;
  /* depth of the lookbehind being read (0: none), in parentheses */
  int depth = 0, behind = 0;
  for (const char *p = re; *p; p++) {
    if (*p == '\\' && p[1]) {
      strbuf_put(&sb, p, 2);
      p++;
      continue;
    }
    if (cls) {
      if (*p == ']')
        cls = false;
      strbuf_puts(&sb, *p == ' ' ? "\\s" : (char[]){*p, 0});
      continue;
    }
    if (*p == '[') {
      cls = true;
      strbuf_putc(&sb, '[');
      if (p[1] == '^')
        strbuf_putc(&sb, *++p);
      if (p[1] == ']')
        strbuf_putc(&sb, *++p); /* a leading ']' is literal */
      continue;
    }
    if (*p == '(') {
      depth++;
      if (!behind && (strncmp(p, "(?<!", 4) == 0 || strncmp(p, "(?<=", 4) == 0))
        behind = depth;
    } else if (*p == ')') {
      if (behind == depth)
        behind = 0;
      depth--;
    }
    if (*p == ' ')
      /* a line break or an indent where the pattern has a space; one
       * character in a lookbehind, which must keep a fixed length */
      strbuf_puts(&sb, behind ? "\\s" : "(?:\\s+)");
    else
      strbuf_putc(&sb, *p);
  }
  return sb.data ? strbuf_take(&sb) : xstrdup("");
}
