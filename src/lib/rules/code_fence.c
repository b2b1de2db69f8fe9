/* Rule kind code-fence: a fenced code block that a malformed fence kept
 * open. "``` text" is no closing fence, so the block runs on and the
 * chapters after it become code. Also the helpers with which
 * required-section names such hidden headings and fix stays out of code. */
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

static const char S_explain[] =
    "Reports a fenced code block whose fence did not close where it seems "
    "to: a line inside it that looks like a closing fence but has text after "
    "it (\"``` text\", \"```python\"), followed by lines that would be "
    "headings outside the block or by the end of the document; or a block "
    "that is never closed and holds lines that would be headings. Such a "
    "block swallows the chapters after it, which then count as missing. The "
    "finding is at the opening fence and names the first hidden headings: "
    "those after the failed fence, or, when a bare fence opened the block "
    "and the failed one looks like an opening fence (\"```python\": a stray "
    "fence earlier turned the fences over), those between the two. A "
    "closing fence is a line of only the fence's characters (at least as "
    "many as the opening one). fix never inserts inside a code block, and "
    "adds no section whose heading such a block hides.";

#define NAMED_MAX 3   /* hidden headings named in a finding */
#define NAME_BYTES 60 /* bytes of a hidden heading quoted */

/* One fenced code block and what its lines show. */
typedef struct {
  char ch;         /* '`' or '~' */
  size_t len;      /* the opening fence's length */
  size_t open_end; /* end of the opening fence's line */
  bool bare;       /* the opening fence has no info string */
  bool opener;     /* the failed fence looks like an opening one: "```sql" */
  bool to_end;     /* the end of the document closed it */
  size_t failed;   /* start of the first failed closing fence, or SIZE_MAX */
  size_t failed_end;
  size_t last_line; /* start of the block's last line */
} fence_scan;

/* Skips a line's container prefixes: indentation and block quote markers. */
static const char *S_skip_prefix(const char *s, const char *e) {
  while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
    s++;
  return s;
}

static bool S_blank(const char *s, const char *e) {
  while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
    s++;
  return s == e;
}

/* Whether the code block b opens with a fence; fills the fence's shape. */
static bool S_fence_open(const source *src, const block *b, fence_scan *fs) {
  size_t ls, le;
  source_line_bounds(src, b->start, &ls, &le);
  /* the block starts at its fence, after any list marker */
  const char *s = S_skip_prefix(src->text + b->start, src->text + le);
  const char *e = src->text + le;
  if (s >= e || (*s != '`' && *s != '~'))
    return false;
  fs->ch = *s;
  fs->len = 0;
  while (s < e && *s == fs->ch)
    s++, fs->len++;
  fs->open_end = le;
  fs->bare = S_blank(s, e);
  return fs->len >= 3;
}

/* Whether the line [s, e) is a heading outside code: one to six '#', then a
 * space and some text. Sets *text to the text. */
static bool S_heading_line(const char *s, const char *e, const char **text) {
  s = S_skip_prefix(s, e);
  const char *h = s;
  while (s < e && *s == '#')
    s++;
  if (s == h || s - h > 6 || s >= e || (*s != ' ' && *s != '\t'))
    return false;
  *text = s;
  return !S_blank(s, e);
}

/* The fence's lines: its last, whether the document's end closed it, and
 * its first failed closing fence. False for a block without a fence. */
static bool S_scan(const source *src, const block *b, fence_scan *fs) {
  memset(fs, 0, sizeof *fs);
  if (b->kind != BLOCK_CODE || !S_fence_open(src, b, fs))
    return false;
  fs->failed = SIZE_MAX;
  size_t ls, le;
  source_line_bounds(src, b->end, &ls, &le);
  fs->last_line = ls;
  const char *s = S_skip_prefix(src->text + ls, src->text + le);
  size_t k = 0;
  while (s + k < src->text + le && s[k] == fs->ch)
    k++;
  bool closed = ls > b->start && k >= fs->len && S_blank(s + k, src->text + le);
  const char *rest = src->text + le;
  while (rest < src->text + src->len && strchr(" \t\r\n", *rest))
    rest++;
  fs->to_end = !closed && rest == src->text + src->len;
  unsigned last = source_line_of(src, ls);
  for (unsigned l = source_line_of(src, fs->open_end) + 1; l <= last; l++) {
    size_t s0, e0;
    source_line_bounds(src, src->line_starts[l - 1], &s0, &e0);
    const char *p = S_skip_prefix(src->text + s0, src->text + e0);
    size_t n = 0;
    while (p + n < src->text + e0 && p[n] == fs->ch)
      n++;
    if (n >= fs->len && !S_blank(p + n, src->text + e0)) {
      fs->failed = s0;
      fs->failed_end = e0;
      const char *w = p + n, *we = src->text + e0;
      while (we > w && strchr(" \t\r", we[-1]))
        we--;
      fs->opener = w < we && *w != ' ' && *w != '\t' &&
                   !memchr(w, ' ', (size_t)(we - w)) &&
                   !memchr(w, '\t', (size_t)(we - w));
      break;
    }
  }
  return true;
}

/* Whether a scanned block may hide headings: it has a failed closing fence,
 * or the end of the document closed it. The lines that were meant as prose
 * are those after the lines holding *from, up to the one holding *to:
 * - after a failed closing fence ("``` end of the flow"): the author thought
 *   the block ended there;
 * - between a bare fence and a failed one that looks like an opening fence
 *   ("```", later "```python"): an earlier stray fence turned them over, so
 *   the bare one was meant to close a block and "```python" to open one;
 * - a block never closed, without a failed fence: all of it. */
static bool S_suspect(const fence_scan *fs, size_t *from, size_t *to) {
  *from = fs->open_end;
  *to = fs->last_line;
  if (fs->failed == SIZE_MAX)
    return fs->to_end;
  if (fs->bare && fs->opener)
    *to = fs->failed - 1; /* the line before the failed fence */
  else
    *from = fs->failed_end;
  return true;
}

/* Calls fn for every heading-like line of the block from `from` on; stops
 * when fn returns false. */
static void S_each_hidden(const source *src, size_t from, size_t to,
                          bool (*fn)(void *, size_t, const char *, size_t),
                          void *arg) {
  unsigned last = source_line_of(src, to);
  for (unsigned l = source_line_of(src, from) + 1; l <= last; l++) {
    size_t s0, e0;
    source_line_bounds(src, src->line_starts[l - 1], &s0, &e0);
    const char *text;
    if (S_heading_line(src->text + s0, src->text + e0, &text) &&
        !fn(arg, s0, text, (size_t)(src->text + e0 - text)))
      return;
  }
}

typedef struct {
  const source *src;
  strbuf names;
  size_t count;
} hidden_names;

static bool S_name(void *arg, size_t line, const char *text, size_t n) {
  hidden_names *h = arg;
  (void)text;
  (void)n;
  if (h->count++ < NAMED_MAX) {
    size_t ls, le;
    source_line_bounds(h->src, line, &ls, &le);
    const char *s = S_skip_prefix(h->src->text + ls, h->src->text + le);
    size_t len = (size_t)(h->src->text + le - s);
    while (len &&
           (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
      len--;
    size_t cut = utf8_cut(s, len, NAME_BYTES);
    strbuf_printf(&h->names, "%s\"%.*s%s\" (line %u)", h->count > 1 ? ", " : "",
                  (int)cut, s, cut < len ? "..." : "",
                  source_line_of(h->src, line));
  }
  return true;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const source *src = ctx->src;
  for (size_t i = 0; i < ctx->md->nblocks; i++) {
    const block *b = &ctx->md->blocks[i];
    fence_scan fs;
    size_t from, to;
    if (!S_scan(src, b, &fs))
      continue;
    bool suspect = S_suspect(&fs, &from, &to);
    hidden_names h = {.src = src};
    if (suspect)
      S_each_hidden(src, from, to, S_name, &h);
    /* a failed fence inside a block that closes later is only a finding
     * when it hides headings: a code sample may show "```python" lines */
    if (!suspect || (!h.count && !(fs.to_end && fs.failed != SIZE_MAX))) {
      strbuf_free(&h.names);
      continue;
    }
    strbuf d = {0};
    if (fs.failed != SIZE_MAX) {
      size_t cut = utf8_cut(src->text + fs.failed, fs.failed_end - fs.failed,
                            NAME_BYTES);
      strbuf_printf(&d, "this code block ");
      if (fs.to_end)
        strbuf_puts(&d, "runs to the end of the document");
      else
        strbuf_printf(&d, "runs on to line %u",
                      source_line_of(src, fs.last_line));
      strbuf_printf(&d, ": \"%.*s%s\" (line %u) does not close it", (int)cut,
                    src->text + fs.failed,
                    cut < fs.failed_end - fs.failed ? "..." : "",
                    source_line_of(src, fs.failed));
      if (fs.bare && fs.opener)
        strbuf_puts(&d, " (a fence left open earlier may have turned the "
                        "fences after it over)");
    } else {
      strbuf_puts(&d, "this code block is never closed");
    }
    if (h.count) {
      strbuf_printf(&d, ", and it hides %zu heading%s: %s", h.count,
                    h.count == 1 ? "" : "s", h.names.data);
      if (h.count > NAMED_MAX)
        strbuf_printf(&d, " and %zu more", h.count - NAMED_MAX);
    }
    const char *vars[] = {"detail", d.data, NULL};
    diag_emit(ctx, rule, b->start, fs.open_end, NULL, vars);
    strbuf_free(&d);
    strbuf_free(&h.names);
  }
}

typedef struct {
  const tmpl_section *ts;
  size_t at;
} hidden_find;

static bool S_names_section(void *arg, size_t line, const char *text,
                            size_t n) {
  hidden_find *f = arg;
  while (n && strchr(" \t\r#", text[n - 1])) /* closing '#'s */
    n--;
  char *raw = xstrndup(text, n);
  char *norm = title_normalize(raw);
  char *key = title_key(norm);
  bool hit = match_names_section(key, f->ts);
  free(key);
  free(norm);
  free(raw);
  if (hit)
    f->at = line;
  return !hit;
}

bool fence_hides_heading(const lint_ctx *ctx, const tmpl_section *ts,
                         size_t *at) {
  /* most documents have no suspect fence: find that out once */
  lint_ctx *mctx = (lint_ctx *)ctx;
  if (!mctx->suspect_fences) {
    mctx->suspect_fences = 1;
    for (size_t i = 0; i < ctx->md->nblocks && mctx->suspect_fences == 1; i++) {
      fence_scan fs;
      size_t from, to;
      if (S_scan(ctx->src, &ctx->md->blocks[i], &fs) &&
          S_suspect(&fs, &from, &to))
        mctx->suspect_fences = 2;
    }
  }
  if (mctx->suspect_fences == 1)
    return false;
  for (size_t i = 0; i < ctx->md->nblocks; i++) {
    const block *b = &ctx->md->blocks[i];
    fence_scan fs;
    size_t from, to;
    if (!S_scan(ctx->src, b, &fs) || !S_suspect(&fs, &from, &to))
      continue;
    hidden_find f = {.ts = ts, .at = SIZE_MAX};
    S_each_hidden(ctx->src, from, to, S_names_section, &f);
    if (f.at != SIZE_MAX) {
      *at = f.at;
      return true;
    }
  }
  return false;
}

size_t code_block_spans(const lint_ctx *ctx, size_t **out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  for (size_t i = 0; i < ctx->md->nblocks; i++) {
    const block *b = &ctx->md->blocks[i];
    if (b->kind != BLOCK_CODE)
      continue;
    fence_scan fs;
    size_t ls, le;
    source_line_bounds(ctx->src, b->start, &ls, &le);
    xgrow(out, &cap, 2 * (n + 1), sizeof(size_t));
    (*out)[2 * n] = ls;
    (*out)[2 * n + 1] =
        S_scan(ctx->src, b, &fs) && fs.to_end ? SIZE_MAX : b->end;
    n++;
  }
  return n;
}

const rule_kind rule_kind_code_fence = {
    .name = "code-fence",
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
