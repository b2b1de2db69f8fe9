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
 * of definitions written on one line after a blank line (or a heading, or
 * another definition), and md.c defines each one ahead of every piece.
 * Where it meets anything else that cmark might take for a definition (a
 * label over two lines, a destination with parentheses, a definition in a
 * list item...), it makes no cut at all: the document is parsed whole. */
#include "md.h"

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
    return bytes_find(s, n, "-->") ? IN_NONE : st;
  case IN_RAW: {
    char end[16];
    snprintf(end, sizeof end, "</%s>", S_raw_tags[raw]);
    return S_has_caseless(s, n, end) ? IN_NONE : st;
  }
  case IN_PI:
    return bytes_find(s, n, "?>") ? IN_NONE : st;
  case IN_CDATA:
    return bytes_find(s, n, "]]>") ? IN_NONE : st;
  case IN_DECL:
    return bytes_find(s, n, ">") ? IN_NONE : st;
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
    return bytes_find(s + 4, n - 4, "-->") ? IN_NONE : IN_COMMENT;
  if (n >= 9 && memcmp(s, "<![CDATA[", 9) == 0)
    return bytes_find(s + 9, n - 9, "]]>") ? IN_NONE : IN_CDATA;
  if (s[1] == '?')
    return bytes_find(s + 2, n - 2, "?>") ? IN_NONE : IN_PI;
  if (s[1] == '!' && n > 2 && isalpha((unsigned char)s[2]))
    return bytes_find(s + 2, n - 2, ">") ? IN_NONE : IN_DECL;
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

/* Link reference definition lines. DEF_YES: a whole definition on one line
 * (`[label]: /dest "title"`), *label set; DEF_MAYBE: something cmark might
 * read as (part of) a definition that this scanner cannot be sure of: a
 * label that runs onto the next line or has escapes, a destination on the
 * next line or with parentheses, a definition inside a container. */
typedef enum { DEF_NO, DEF_YES, DEF_MAYBE, DEF_CONTAINER } def_kind;

static bool S_ctl(unsigned char c) { return c < 0x20 || c == 0x7f; }

/* A label that does not close on its line: a definition only if its "]"
 * comes within the paragraph (no blank line), with no "[" before it, and
 * ":" after it. s[0..avail) is the rest of the document. */
static def_kind S_label_goes_on(const char *s, size_t avail, size_t from) {
  for (size_t k = from; k < avail && k < 1000; k++) {
    if (s[k] == ']')
      return k + 1 < avail && s[k + 1] == ':' ? DEF_MAYBE : DEF_NO;
    if (s[k] == '[')
      return DEF_NO;
    if (s[k] == '\\') {
      k++; /* an escaped character */
      continue;
    }
    if (s[k] == '\n' || s[k] == '\r') {
      size_t b = k + 1;
      if (s[k] == '\r' && b < avail && s[b] == '\n')
        b++;
      while (b < avail && (s[b] == ' ' || s[b] == '\t'))
        b++;
      if (b >= avail || s[b] == '\n' || s[b] == '\r')
        return DEF_NO; /* a blank line ends the paragraph first */
    }
  }
  return DEF_MAYBE;
}

static def_kind S_def_at(const char *s, size_t n, size_t avail, size_t i,
                         const char **label, size_t *label_len);

static def_kind S_def_line(const char *s, size_t n, size_t avail,
                           const char **label, size_t *label_len) {
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  size_t i = S_indent(s, n);
  /* a tab or four spaces: indented code, or the continuation of a list
   * item ("- a", a blank line, then "    [x]: /u"), where cmark reads a
   * definition. The scanner does not follow containers, so it reads the
   * line as a definition; where cmark made it code, md.c finds the line
   * inside a block and parses the document whole. */
  if (i == SIZE_MAX) {
    i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
      i++;
  }
  if (i >= n)
    return DEF_NO;
  if (s[i] == '[')
    return S_def_at(s, n, avail, i, label, label_len);
  /* "> [x]: /u" or "- [x]: /u": a definition in a container, which the
   * scanner does not follow */
  size_t k = i;
  while (k < n && strchr(" \t>-+*0123456789.)", s[k]))
    k++;
  /* a task item's marker goes to the tasklist extension: "- [x] [r]:u"
   * holds a definition after it */
  if (k > i && k + 3 < n && s[k] == '[' && strchr(" xX", s[k + 1]) &&
      s[k + 2] == ']' && (s[k + 3] == ' ' || s[k + 3] == '\t')) {
    k += 3;
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
      k++;
  }
  if (k == i || k >= n || s[k] != '[')
    return DEF_NO;
  const char *l;
  size_t ll;
  return S_def_at(s, n, avail, k, &l, &ll) == DEF_NO ? DEF_NO : DEF_CONTAINER;
}

/* A definition at s[i] == '[' (see S_def_line). */
static def_kind S_def_at(const char *s, size_t n, size_t avail, size_t i,
                         const char **label, size_t *label_len) {
  size_t j = i + 1;
  bool word = false;
  for (; j < n && s[j] != ']'; j++) {
    if (s[j] == '[')
      return DEF_NO; /* a label holds no unescaped bracket */
    if (j - i > 999)
      return DEF_MAYBE;
    if (s[j] == '\\' && j + 1 < n) { /* an escaped character: kept as is */
      j++;
      word = true;
      continue;
    }
    if (s[j] != ' ' && s[j] != '\t')
      word = true;
  }
  if (j >= n) /* the label may go on on the next line */
    return S_label_goes_on(s, avail, j);
  if (j + 1 >= n || s[j + 1] != ':' || !word)
    return DEF_NO;
  *label = s + i + 1;
  *label_len = j - i - 1;
  size_t k = j + 2;
  while (k < n && (s[k] == ' ' || s[k] == '\t'))
    k++;
  if (k >= n)
    return DEF_MAYBE; /* the destination is on the next line */
  if (s[k] == '<') {
    for (k++; k < n && s[k] != '>'; k++)
      if (s[k] == '<' || s[k] == '\\')
        return DEF_MAYBE;
    if (k >= n)
      return DEF_MAYBE;
    k++;
  } else {
    /* parentheses must balance; an unmatched ")" ends the destination, and
     * then the line is no definition (nothing but a title may follow) */
    int depth = 0;
    for (; k < n && s[k] != ' ' && s[k] != '\t'; k++) {
      if (s[k] == '\\' || S_ctl((unsigned char)s[k]) || depth > 32)
        return DEF_MAYBE;
      if (s[k] == '(')
        depth++;
      else if (s[k] == ')' && depth-- == 0)
        return DEF_NO;
    }
    if (depth)
      return DEF_MAYBE;
  }
  size_t ws = k;
  while (k < n && (s[k] == ' ' || s[k] == '\t'))
    k++;
  if (k >= n)
    return DEF_YES;
  /* after the destination only a title may come: anything else, and
   * cmark reads no definition but a paragraph */
  if (k == ws || !strchr("\"'(", s[k]))
    return DEF_NO;
  char close = s[k] == '(' ? ')' : s[k];
  for (k++; k < n && s[k] != close; k++)
    if (s[k] == '\\' || (close == ')' && s[k] == '('))
      return DEF_MAYBE;
  if (k >= n)
    return DEF_MAYBE; /* the title may go on on the next line */
  for (k++; k < n; k++)
    if (s[k] != ' ' && s[k] != '\t')
      return DEF_NO; /* text after the title: no definition */
  return DEF_YES;
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

/* An ATX heading, up to three spaces in. */
static bool S_atx(const char *s, size_t n) {
  size_t i = S_indent(s, n);
  return i != SIZE_MAX && i < n && S_atx_at_col0(s + i, n - i);
}

/* A line that is a whole block, after which a new block starts: a
 * thematic break or setext underline, or an HTML block of kinds 1 to 5
 * that closes on its own line. */
static bool S_ends_itself(const char *s, size_t n) {
  size_t i = S_indent(s, n);
  if (i == SIZE_MAX || i >= n)
    return false;
  char c = s[i];
  if (c == '-' || c == '*' || c == '_' || c == '=') {
    size_t k = i, count = 0;
    for (; k < n; k++) {
      if (s[k] == c)
        count++;
      else if (!strchr(" \t\r\n", s[k]))
        break;
    }
    if (k == n && (count >= 3 || c == '=' || c == '-'))
      return true;
  }
  char fch;
  size_t flen, raw;
  return c == '<' && S_open(s, n, &fch, &flen, &raw) == IN_NONE &&
         (n - i >= 2 && (s[i + 1] == '!' || s[i + 1] == '?' ||
                         strncasecmp(s + i + 1, "script", 6) == 0 ||
                         strncasecmp(s + i + 1, "pre", 3) == 0 ||
                         strncasecmp(s + i + 1, "style", 5) == 0 ||
                         strncasecmp(s + i + 1, "textarea", 8) == 0));
}

/* Whether a line (not blank, opening no fence or HTML block) is surely a
 * paragraph's text, which a definition-like line after it continues: it
 * starts with a letter, a digit that is no list marker, or a character
 * that opens no block; or it is a list item or block quote whose content
 * starts so. Anything else (an indented line, an empty list item, a list
 * item holding a heading or starting with a task marker...) is not known. */
static bool S_paragraph_text(const char *s, size_t n) {
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  size_t i = S_indent(s, n);
  if (i == SIZE_MAX)
    return false;
  bool item = false; /* the content is a list item's */
  for (int depth = 0; depth < 8 && i < n; depth++) {
    unsigned char c = (unsigned char)s[i];
    size_t k = i;
    char fch;
    size_t flen, raw;
    /* a task item ("- [x] ...") loses its marker to the tasklist
     * extension: what is left may be nothing, and then a definition-like
     * line after it is a definition */
    if (item && c == '[' && i + 2 < n && strchr(" xX", s[i + 1]) &&
        s[i + 2] == ']' && (i + 3 == n || strchr(" \t\r\n", s[i + 3])))
      return false;
    /* in a container, a heading, a break or a fence ends the paragraph */
    if (depth && (S_atx(s + i, n - i) || S_ends_itself(s + i, n - i) ||
                  S_open(s + i, n - i, &fch, &flen, &raw) != IN_NONE))
      return false;
    item = c != '>';
    if (c == '>') {
      k = i + 1;
    } else if (c == '-' || c == '+' || c == '*') {
      k = i + 1;
      if (k < n && s[k] != ' ' && s[k] != '\t')
        return true; /* "-x": no list item, text */
    } else if (c >= '0' && c <= '9') {
      while (k < n && k - i < 10 && s[k] >= '0' && s[k] <= '9')
        k++;
      if (k < n && (s[k] == '.' || s[k] == ')'))
        k++;
      else
        return true; /* a number in text */
    } else {
      /* characters that open no block here */
      return c >= 0x80 || isalnum(c) ||
             strchr("\"'([{!$%&,.;?@\\^|#<`~=_/:", c);
    }
    /* a container marker: its content decides */
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
      k++;
    if (k >= n || s[k] == '\n' || s[k] == '\r')
      return false; /* an empty list item or quote */
    i = k;
  }
  return false;
}

/* Whether a line is a setext underline: only '-' or only '=' (one or
 * more), at most 3 spaces in, trailing blanks. After a definition it is no
 * heading's underline but paragraph text: cmark keeps the definition's
 * paragraph open, and a paragraph of nothing but definitions takes no
 * heading ("[r]: /u" then "-" is a paragraph "-"). */
static bool S_underline(const char *s, size_t n) {
  size_t i = S_indent(s, n);
  if (i == SIZE_MAX || i >= n || (s[i] != '-' && s[i] != '='))
    return false;
  char c = s[i];
  while (i < n && s[i] == c)
    i++;
  while (i < n && strchr(" \t\r\n", s[i]))
    i++;
  return i == n;
}

void chunk_plan_free(chunk_plan *plan) {
  free(plan->cuts);
  free(plan->def_at);
  free(plan->in_block_at);
  free(plan->in_text_at);
  strbuf_free(&plan->defs);
  memset(plan, 0, sizeof *plan);
}

void md_plan_chunks(const source *src, size_t target, chunk_plan *plan) {
  memset(plan, 0, sizeof *plan);
  /* cmark's scanners stop at an invalid UTF-8 byte ("-->" after one does
   * not end a comment), which this scanner would not follow; such a
   * document is not cut */
  if (src->invalid_utf8 != SIZE_MAX)
    return;
  /* nor does it read NUL bytes as the spaces cmark is given instead */
  if (memchr(src->text, '\0', src->len))
    return;
  size_t cap = 0, dcap = 0;
  label_set labels = {0};
  scan_state st = IN_NONE;
  char fch = 0;
  size_t flen = 0, raw = 0;
  bool prev_blank = true;
  size_t icap = 0, tcap = 0;
  /* what the previous line leaves: a fresh start (a definition may come),
   * text that a definition-like line would continue, or not known */
  enum { CTX_FRESH, CTX_TEXT, CTX_UNSURE } ctx = CTX_FRESH;
  bool after_def = false; /* the previous line was a definition */
  size_t last_cut = 0;
  bool uncertain = false;
  for (size_t l = 0; l < src->nlines && !uncertain; l++) {
    size_t ls = src->line_starts[l];
    size_t le = l + 1 < src->nlines ? src->line_starts[l + 1] : src->len;
    if (le <= src->body_start)
      continue; /* front matter stays in the first piece */
    if (ls < src->body_start)
      ls = src->body_start;
    const char *s = src->text + ls;
    size_t n = le - ls;
    bool blank = S_blank(s, n);
    const char *label = NULL;
    size_t lab = 0;
    def_kind dk = S_def_line(s, n, src->len - ls, &label, &lab);
    if (st != IN_NONE) {
      /* what looks like a definition inside what the scanner takes for a
       * fence or an HTML block: md.c checks that cmark put it in one too */
      if (dk != DEF_NO) {
        xgrow(&plan->in_block_at, &icap, plan->nin_block + 1, sizeof(size_t));
        plan->in_block_at[plan->nin_block++] = ls;
      }
      st = S_continue(st, s, n, fch, flen, raw);
      ctx = st == IN_NONE ? CTX_FRESH : CTX_TEXT; /* a block closed here */
      prev_blank = blank;
      continue;
    }
    bool atx = S_atx_at_col0(s, n);
    if (atx && prev_blank && ls - last_cut >= target && ls > src->body_start) {
      xgrow(&plan->cuts, &cap, plan->ncuts + 1, sizeof(size_t));
      plan->cuts[plan->ncuts++] = ls;
      last_cut = ls;
    }
    /* A definition cannot interrupt a paragraph (or a table, or an HTML
     * block of kind 6 or 7): after text, a definition-like line is text
     * too. After an indented line (code, or a paragraph's continuation)
     * the scanner cannot tell; in a container it does not try. */
    if (dk == DEF_CONTAINER || (dk != DEF_NO && ctx == CTX_UNSURE) ||
        (dk == DEF_MAYBE && ctx == CTX_FRESH)) {
      uncertain = true;
      break;
    }
    /* a definition-like line after text is text: md.c checks that cmark
     * put it in a block too (">```", ">R", then "[y]: e" is a definition:
     * a fence in a quote takes no lazy line, which this scanner does not
     * follow) */
    if (dk != DEF_NO && ctx == CTX_TEXT) {
      xgrow(&plan->in_text_at, &tcap, plan->nin_text + 1, sizeof(size_t));
      plan->in_text_at[plan->nin_text++] = ls;
    }
    if (dk == DEF_YES && ctx == CTX_FRESH) {
      xgrow(&plan->def_at, &dcap, plan->ndefs + 1, sizeof(size_t));
      plan->def_at[plan->ndefs++] = ls;
      if (S_label_add(&labels, label, lab)) {
        strbuf_putc(&plan->defs, '[');
        strbuf_put(&plan->defs, label, lab);
        strbuf_puts(&plan->defs, "]: #\n");
      }
    }
    prev_blank = blank;
    bool def_here = dk == DEF_YES && ctx == CTX_FRESH;
    bool text_underline = after_def && S_underline(s, n);
    after_def = def_here;
    st = text_underline ? IN_NONE : S_open(s, n, &fch, &flen, &raw);
    if (text_underline)
      ctx = CTX_TEXT; /* the definition's paragraph goes on */
    else if (blank || S_atx(s, n) || def_here || S_ends_itself(s, n))
      ctx = CTX_FRESH;
    else if (st != IN_NONE)
      ctx = CTX_TEXT; /* set again when the block closes */
    else
      ctx = S_paragraph_text(s, n) ? CTX_TEXT : CTX_UNSURE;
  }
  S_label_free(&labels);
  if (uncertain) /* the pieces might resolve links the whole would not */
    chunk_plan_free(plan);
}
