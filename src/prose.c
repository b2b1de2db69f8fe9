/* Pattern search over prose: the bytes of a range that are not inside code
 * blocks, HTML comments or front matter. Each segment is matched in place in
 * the source (no copies), with the rest of the text visible to lookbehind. */
#include "internal.h"

#include <string.h>
#include <strings.h>

/* Index of the first skip range that ends after off. */
static size_t S_first_skip(const md_blocks *mb, size_t off) {
  size_t lo = 0, hi = mb->nskip;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (mb->skip[2 * mid + 1] <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

void prose_each(lint_ctx *ctx, const pattern *pat, size_t start, size_t end,
                bool (*fn)(void *, size_t, size_t), void *arg) {
  const md_blocks *mb = ctx->md;
  const char *text = ctx->src->text;
  pcre2_code *code = pattern_code(pat);
  if (!code)
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
      int rc = pcre2_match(code, (PCRE2_SPTR)text, seg_end, at, 0,
                           ctx->md_match, ctx->pack->mctx);
      if (rc < 0) {
        /* a match, depth or JIT stack limit: remember it for pattern-limit,
         * and stop searching this pattern here */
        if (rc != PCRE2_ERROR_NOMATCH && !ctx->limit_pattern) {
          ctx->limit_pattern = pat->source;
          ctx->limit_at = at;
        }
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

static unsigned char S_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int S_match_cmp(const void *a, const void *b) {
  const literal_match *x = a, *y = b;
  if (x->idx != y->idx)
    return x->idx < y->idx ? -1 : 1;
  return (x->ms > y->ms) - (x->ms < y->ms);
}

bool prose_literals(lint_ctx *ctx, const char *const *lits, size_t n,
                    size_t start, size_t end, literal_match **out,
                    size_t *nout) {
  *out = NULL;
  *nout = 0;
  const char *text = ctx->src->text;
  size_t len = ctx->src->len;
  if (!n)
    return true;
  for (size_t i = 0; i < n; i++) {
    if (strlen(lits[i]) < 2)
      return false;
    for (const unsigned char *p = (const unsigned char *)lits[i]; *p; p++)
      if (*p >= 0x80)
        return false; /* PCRE2's Unicode caseless matching is needed */
  }
  /* with PCRE2_UTF, caseless "k" and "s" also match U+212A KELVIN SIGN and
   * U+017F LONG S: where either occurs, PCRE2 must do it */
  if (bytes_find(text, len, "\xE2\x84\xAA") ||
      bytes_find(text, len, "\xC5\xBF"))
    return false;
  /* lower-cased literals, listed by first byte; a bigram bitmap (8 KiB)
   * turns most positions away after two table lookups */
  unsigned char lower[256];
  for (unsigned c = 0; c < 256; c++)
    lower[c] = S_lower((unsigned char)c);
  unsigned char *bigram = xcalloc(65536 / 8, 1);
  size_t *lens = xcalloc(n + 1, sizeof(size_t));
  unsigned char **low = xcalloc(n + 1, sizeof(unsigned char *));
  size_t *by_first = xcalloc(n + 1, sizeof(size_t)); /* literal indexes */
  size_t first_at[257] = {0}; /* by_first[first_at[c] .. first_at[c+1]) */
  for (size_t i = 0; i < n; i++) {
    lens[i] = strlen(lits[i]);
    low[i] = xmalloc(lens[i] + 1);
    for (size_t k = 0; k <= lens[i]; k++)
      low[i][k] = lower[(unsigned char)lits[i][k]];
    unsigned key = (unsigned)low[i][0] << 8 | low[i][1];
    bigram[key >> 3] |= (unsigned char)(1u << (key & 7));
    first_at[low[i][0] + 1]++;
  }
  for (unsigned c = 0; c < 256; c++)
    first_at[c + 1] += first_at[c];
  size_t fill[256];
  memcpy(fill, first_at, sizeof fill);
  for (size_t i = 0; i < n; i++)
    by_first[fill[low[i][0]]++] = i;
  size_t *next_ok = xcalloc(n + 1, sizeof(size_t));
  size_t cap = 0;
  const unsigned char *t = (const unsigned char *)text;
  const md_blocks *mb = ctx->md;
  size_t k = S_first_skip(mb, start), pos = start;
  while (pos < end) {
    if (k < mb->nskip && mb->skip[2 * k] <= pos) {
      pos = mb->skip[2 * k + 1];
      k++;
      continue;
    }
    size_t seg_end = end;
    if (k < mb->nskip && mb->skip[2 * k] < seg_end)
      seg_end = mb->skip[2 * k];
    for (size_t p = pos; p + 1 < seg_end; p++) {
      unsigned a = lower[t[p]];
      unsigned key = a << 8 | lower[t[p + 1]];
      if (!(bigram[key >> 3] & (1u << (key & 7))))
        continue;
      for (size_t f = first_at[a]; f < first_at[a + 1]; f++) {
        size_t i = by_first[f];
        if (p < next_ok[i] || p + lens[i] > seg_end ||
            (unsigned)low[i][1] != (key & 0xFF))
          continue;
        size_t j = 2;
        while (j < lens[i] && lower[t[p + j]] == low[i][j])
          j++;
        if (j < lens[i])
          continue;
        xgrow(out, &cap, *nout + 1, sizeof(literal_match));
        (*out)[(*nout)++] = (literal_match){i, p, p + lens[i]};
        next_ok[i] = p + lens[i];
      }
    }
    pos = seg_end;
  }
  for (size_t i = 0; i < n; i++)
    free(low[i]);
  free(low);
  free(by_first);
  free(bigram);
  free(next_ok);
  free(lens);
  if (*nout)
    qsort(*out, *nout, sizeof(literal_match), S_match_cmp);
  return true;
}

/* ---- Negated mentions ("No drift monitoring is planned"). ---- */

#define NEG_LOOKBACK 240

static bool S_word_in(const char *w, size_t n, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
      return true;
  return false;
}

static const char *const S_negators[] = {
    "no",     "not",     "never", "without", "none",   "nor",     "cannot",
    "don't",  "doesn't", "isn't", "aren't",  "won't",  "can't",   "didn't",
    "wasn't", "weren't", "lack",  "lacks",   "lacking", "neither", NULL};
/* Words after which a clause that opened with a negation says what there
 * is: "No A/B test, but a canary". */
static const char *const S_turns[] = {"but",     "instead", "except",
                                      "however", "only",    "although",
                                      "though",  "yet",     NULL};

static bool S_wordch(char c) {
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
    if (c == ';' || c == '|' || c == ':' || c == '!' || c == '?' ||
        (c == '.' && (t[i] == ' ' || t[i] == '\n')))
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

bool prose_negated(const lint_ctx *ctx, size_t ms, size_t me) {
  const char *t = ctx->src->text;
  size_t lo = ms > NEG_LOOKBACK ? ms - NEG_LOOKBACK : 0;
  size_t cs = S_clause_start(t, lo, ms);
  /* the words of the clause before the mention */
  size_t ws[64], wn[64], nw = 0;
  for (size_t i = cs; i < ms && nw < 64;) {
    while (i < ms && !S_wordch(t[i]))
      i++;
    size_t b = i;
    while (i < ms && S_wordch(t[i]))
      i++;
    if (i > b) {
      ws[nw] = b;
      wn[nw++] = i - b;
    }
  }
  /* a negator just before: "no drift monitoring", "without a fallback" */
  for (size_t k = nw > 3 ? nw - 3 : 0; k < nw; k++)
    if (S_word_in(t + ws[k], wn[k], S_negators))
      return true;
  /* a clause that opens with a negation: "No drift monitoring, alerts or
   * dashboards are planned", "There is no A/B test" */
  size_t k0 = 0;
  if (nw >= 2 && wn[0] == 5 && strncasecmp(t + ws[0], "there", 5) == 0)
    k0 = 2; /* there is / there are / there will */
  if (nw > k0 + 1 && strncasecmp(t + ws[k0], "will", 4) == 0)
    k0++;
  if (nw >= 2 && (strncasecmp(t + ws[0], "we", 2) == 0 && wn[0] == 2))
    k0 = 1; /* we do not, we don't, we have no */
  bool opens = false;
  for (size_t k = k0; k < nw && k < k0 + 3 && !opens; k++)
    opens = S_word_in(t + ws[k], wn[k], S_negators);
  if (opens) {
    bool turned = false;
    for (size_t k = k0; k < nw && !turned; k++)
      turned = S_word_in(t + ws[k], wn[k], S_turns);
    if (!turned && nw <= 16)
      return true;
  }
  /* negated after it: "Recall@10 is not monitored", "monitoring: none",
   * "A/B testing is out of scope" */
  size_t end = me + 80 < ctx->src->len ? me + 80 : ctx->src->len;
  size_t aw[8], an[8], na = 0;
  for (size_t i = me; i < end && na < 8;) {
    if (t[i] == '.' || t[i] == ';' || t[i] == '\n' || t[i] == '|' ||
        t[i] == '(' || t[i] == ',')
      break;
    while (i < end && !S_wordch(t[i]) && t[i] != '.' && t[i] != ';' &&
           t[i] != '\n' && t[i] != '|' && t[i] != ',')
      i++;
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
        (an[k] == 5 && strncasecmp(w, "isn't", 5) == 0) ||
        (an[k] == 6 && strncasecmp(w, "aren't", 6) == 0) ||
        (an[k] == 5 && strncasecmp(w, "won't", 5) == 0) ||
        (an[k] == 3 && strncasecmp(w, "out", 3) == 0 && k + 2 < na &&
         an[k + 2] == 5 && strncasecmp(t + aw[k + 2], "scope", 5) == 0))
      return true;
    if (!S_word_in(w, an[k], be) && k > 0)
      break;
  }
  return false;
}
