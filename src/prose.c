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
