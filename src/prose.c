/* Pattern search over prose: the bytes of a range that are not inside code
 * blocks, HTML comments or front matter. Each segment is matched in place in
 * the source (no copies), with the rest of the text visible to lookbehind. */
#include "internal.h"

#include <string.h>

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

static bool S_contains(const char *t, size_t n, const char *needle, size_t k) {
  for (const char *p = t; (size_t)(t + n - p) >= k;) {
    p = memchr(p, needle[0], (size_t)(t + n - p) - k + 1);
    if (!p)
      return false;
    if (memcmp(p, needle, k) == 0)
      return true;
    p++;
  }
  return false;
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
  for (size_t i = 0; i < n; i++) {
    if (strlen(lits[i]) < 2)
      return false;
    for (const unsigned char *p = (const unsigned char *)lits[i]; *p; p++)
      if (*p >= 0x80)
        return false; /* PCRE2's Unicode caseless matching is needed */
  }
  /* with PCRE2_UTF, caseless "k" and "s" also match U+212A KELVIN SIGN and
   * U+017F LONG S: where either occurs, PCRE2 must do it */
  if (S_contains(text, len, "\xE2\x84\xAA", 3) ||
      S_contains(text, len, "\xC5\xBF", 2))
    return false;
  unsigned char first[256] = {0};
  for (size_t i = 0; i < n; i++) {
    unsigned char c = S_lower((unsigned char)lits[i][0]);
    first[c] = 1;
    first[c >= 'a' && c <= 'z' ? c - 32 : c] = 1;
  }
  size_t *next_ok = xcalloc(n + 1, sizeof(size_t));
  size_t *lens = xcalloc(n + 1, sizeof(size_t));
  for (size_t i = 0; i < n; i++)
    lens[i] = strlen(lits[i]);
  size_t cap = 0;
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
      if (!first[(unsigned char)text[p]])
        continue;
      unsigned char a = S_lower((unsigned char)text[p]),
                    b = S_lower((unsigned char)text[p + 1]);
      for (size_t i = 0; i < n; i++) {
        const unsigned char *l = (const unsigned char *)lits[i];
        if (S_lower(l[0]) != a || S_lower(l[1]) != b || p < next_ok[i] ||
            p + lens[i] > seg_end)
          continue;
        size_t j = 2;
        while (j < lens[i] &&
               S_lower((unsigned char)text[p + j]) == S_lower(l[j]))
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
  free(next_ok);
  free(lens);
  if (*nout)
    qsort(*out, *nout, sizeof(literal_match), S_match_cmp);
  return true;
}
