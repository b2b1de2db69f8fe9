/* Where a large document can be cut so that each piece parses, on its own,
 * into exactly the blocks the whole document has. cmark-gfm keeps the whole
 * tree of a document in memory (about 14 bytes per byte of input), so a
 * 100 MB document needs pieces; pieces also let two cores parse one file.
 *
 * A cut goes just before an ATX heading that starts at column 0 and follows
 * a blank line. Such a line closes every container (a list item needs
 * indentation, a block quote needs `>`, and a heading is never a lazy
 * continuation), and the blank line has already closed paragraphs, tables
 * and HTML blocks of kinds 6 and 7. What could still swallow the heading is
 * a fenced code block or an HTML block of kinds 1 to 5 (comment, script,
 * processing instruction...), so a light line scanner follows those and
 * makes no cut inside one. The scanner may be wrong on odd input; md.c then
 * sees the piece before a cut end inside an open block and parses the rest
 * of the document in one piece, so a wrong guess costs time, never a
 * different answer.
 *
 * Link reference definitions are document-wide: `[text][ref]` is a link
 * only when `[ref]:` is defined somewhere. The scanner collects the labels
 * of definition lines and md.c defines each one ahead of every piece. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum {
  IN_NONE,
  IN_FENCE,   /* ``` or ~~~, fence_char and fence_len */
  IN_COMMENT, /* <!-- until --> */
  IN_RAW,     /* <script>, <pre>, <style>, <textarea> until its end tag */
  IN_PI,      /* <? until ?> */
  IN_CDATA,   /* <![CDATA[ until ]]> */
  IN_DECL,    /* <!X until > */
} scan_state;

static const char *const S_raw_tags[] = {"script", "pre", "style", "textarea"};

static bool S_has(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
      return true;
  return false;
}

static bool S_has_caseless(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (strncasecmp(s + i, needle, k) == 0)
      return true;
  return false;
}

static bool S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return false;
  return true;
}

/* Up to three spaces of indentation; SIZE_MAX when there are more (or a
 * tab), which makes an indented code line, not a block opener. */
static size_t S_indent(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && i < 4 && s[i] == ' ')
    i++;
  return i < 4 && (i == n || s[i] != '\t') ? i : SIZE_MAX;
}

static bool S_atx_at_col0(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && i < 7 && s[i] == '#')
    i++;
  return i >= 1 && i <= 6 &&
         (i == n || s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
          s[i] == '\n');
}

/* The state after a line that starts no block and is read in state st. */
static scan_state S_continue(scan_state st, const char *s, size_t n,
                             char fch, size_t flen, size_t raw) {
  switch (st) {
  case IN_FENCE: {
    size_t i = S_indent(s, n);
    if (i == SIZE_MAX)
      return st;
    size_t k = 0;
    while (i + k < n && s[i + k] == fch)
      k++;
    return k >= flen && S_blank(s + i + k, n - i - k) ? IN_NONE : st;
  }
  case IN_COMMENT:
    return S_has(s, n, "-->") ? IN_NONE : st;
  case IN_RAW: {
    char end[16];
    snprintf(end, sizeof end, "</%s>", S_raw_tags[raw]);
    return S_has_caseless(s, n, end) ? IN_NONE : st;
  }
  case IN_PI:
    return S_has(s, n, "?>") ? IN_NONE : st;
  case IN_CDATA:
    return S_has(s, n, "]]>") ? IN_NONE : st;
  case IN_DECL:
    return S_has(s, n, ">") ? IN_NONE : st;
  default:
    return st;
  }
}

/* The state after a line read in IN_NONE: whether it opens a fenced code
 * block or an HTML block of kinds 1 to 5 that does not close on the line. */
static scan_state S_open(const char *s, size_t n, char *fch, size_t *flen,
                         size_t *raw) {
  size_t i = S_indent(s, n);
  if (i == SIZE_MAX || i >= n)
    return IN_NONE;
  s += i;
  n -= i;
  if (s[0] == '`' || s[0] == '~') {
    size_t k = 0;
    while (k < n && s[k] == s[0])
      k++;
    if (k < 3 || (s[0] == '`' && memchr(s + k, '`', n - k)))
      return IN_NONE;
    *fch = s[0];
    *flen = k;
    return IN_FENCE;
  }
  if (s[0] != '<' || n < 2)
    return IN_NONE;
  if (n >= 4 && memcmp(s, "<!--", 4) == 0)
    return S_has(s + 4, n - 4, "-->") ? IN_NONE : IN_COMMENT;
  if (n >= 9 && memcmp(s, "<![CDATA[", 9) == 0)
    return S_has(s + 9, n - 9, "]]>") ? IN_NONE : IN_CDATA;
  if (s[1] == '?')
    return S_has(s + 2, n - 2, "?>") ? IN_NONE : IN_PI;
  if (s[1] == '!' && n > 2 && isalpha((unsigned char)s[2]))
    return S_has(s + 2, n - 2, ">") ? IN_NONE : IN_DECL;
  for (size_t t = 0; t < sizeof S_raw_tags / sizeof S_raw_tags[0]; t++) {
    size_t k = strlen(S_raw_tags[t]);
    if (n >= k + 1 && strncasecmp(s + 1, S_raw_tags[t], k) == 0 &&
        (n == k + 1 || strchr(" \t\r\n>", s[k + 1]))) {
      *raw = t;
      return S_continue(IN_RAW, s, n, 0, 0, t);
    }
  }
  return IN_NONE;
}

/* The label of a link reference definition line (`[label]: ...`, up to
 * three spaces in), or 0 when the line is not one. */
static size_t S_def_label(const char *s, size_t n, const char **label) {
  size_t i = S_indent(s, n);
  if (i == SIZE_MAX || i >= n || s[i] != '[')
    return 0;
  size_t j = i + 1;
  bool word = false;
  while (j < n && j - i <= 999 && s[j] != ']') {
    if (s[j] == '[' || s[j] == '\\' || s[j] == '\r' || s[j] == '\n')
      return 0;
    if (s[j] != ' ' && s[j] != '\t')
      word = true;
    j++;
  }
  if (j + 1 >= n || s[j] != ']' || s[j + 1] != ':' || !word)
    return 0;
  *label = s + i + 1;
  return j - i - 1;
}

/* A set of labels, compared without case (as cmark does, roughly: a label
 * defined twice in different case is written twice, which is harmless). */
typedef struct {
  char **keys;
  size_t cap, n;
} label_set;

static size_t S_hash(const char *s, size_t n) {
  size_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)tolower((unsigned char)s[i])) * 1099511628211u;
  return h;
}

static bool S_label_add(label_set *ls, const char *s, size_t n) {
  if (ls->n * 2 >= ls->cap) {
    size_t cap = ls->cap ? ls->cap * 2 : 64;
    char **keys = xcalloc(cap, sizeof(char *));
    for (size_t i = 0; i < ls->cap; i++)
      if (ls->keys[i]) {
        size_t h = S_hash(ls->keys[i], strlen(ls->keys[i])) & (cap - 1);
        while (keys[h])
          h = (h + 1) & (cap - 1);
        keys[h] = ls->keys[i];
      }
    free(ls->keys);
    ls->keys = keys;
    ls->cap = cap;
  }
  size_t h = S_hash(s, n) & (ls->cap - 1);
  while (ls->keys[h]) {
    if (strlen(ls->keys[h]) == n && strncasecmp(ls->keys[h], s, n) == 0)
      return false;
    h = (h + 1) & (ls->cap - 1);
  }
  ls->keys[h] = xstrndup(s, n);
  ls->n++;
  return true;
}

static void S_label_free(label_set *ls) {
  for (size_t i = 0; i < ls->cap; i++)
    free(ls->keys[i]);
  free(ls->keys);
}

size_t md_plan_chunks(const source *src, size_t target, size_t **cuts,
                      strbuf *defs) {
  size_t ncuts = 0, cap = 0;
  *cuts = NULL;
  label_set labels = {0};
  scan_state st = IN_NONE;
  char fch = 0;
  size_t flen = 0, raw = 0;
  bool prev_blank = true, prev_opens_defs = true;
  size_t last_cut = 0;
  for (size_t l = 0; l < src->nlines; l++) {
    size_t ls = src->line_starts[l];
    size_t le = l + 1 < src->nlines ? src->line_starts[l + 1] : src->len;
    if (le <= src->body_start)
      continue; /* front matter stays in the first piece */
    if (ls < src->body_start)
      ls = src->body_start;
    const char *s = src->text + ls;
    size_t n = le - ls;
    bool blank = S_blank(s, n);
    if (st != IN_NONE) {
      st = S_continue(st, s, n, fch, flen, raw);
      prev_blank = blank;
      prev_opens_defs = false;
      continue;
    }
    bool atx = S_atx_at_col0(s, n);
    if (atx && prev_blank && ls - last_cut >= target && ls > src->body_start) {
      xgrow(cuts, &cap, ncuts + 1, sizeof(size_t));
      (*cuts)[ncuts++] = ls;
      last_cut = ls;
    }
    const char *label;
    size_t lab = S_def_label(s, n, &label);
    if (lab && prev_opens_defs && S_label_add(&labels, label, lab)) {
      strbuf_putc(defs, '[');
      strbuf_put(defs, label, lab);
      strbuf_puts(defs, "]: #\n");
    }
    /* a definition cannot interrupt a paragraph: it follows a blank line,
     * a heading, another definition or the start of the body */
    prev_opens_defs = blank || atx || lab;
    prev_blank = blank;
    st = S_open(s, n, &fch, &flen, &raw);
  }
  S_label_free(&labels);
  return ncuts;
}
