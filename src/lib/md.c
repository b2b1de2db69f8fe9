/* The md stage, and the only file that includes cmark-gfm: parses the source
 * with the GFM extensions and flattens the tree into leaf blocks with byte
 * ranges, heading text and list/bold labels. The cmark tree is freed here, so
 * no later stage depends on cmark's types or lifetime. A large document is
 * parsed in pieces (cut where chunk.c says, on several threads), each on an
 * arena, and the pieces' blocks are checked and joined; the blocks are those
 * of a whole parse. Titles (norm, key) are the outline stage's. Labels are
 * found here: they depend on the tree (a paragraph's leading strong
 * emphasis, its list item), and keeping every paragraph's text (up to
 * LABEL_TEXT_CAP bytes) for a later stage would cost memory a 100 MB
 * document has no room for (docs/performance.md). */
#define _DEFAULT_SOURCE /* madvise(), MAP_ANONYMOUS: Linux, not in C11 */
#include "md.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <ctype.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LABEL_TEXT_CAP 256 /* bytes of paragraph text kept for labels */
#define LABEL_MAX_WORDS 6

typedef struct {
  const source *src;
  md_blocks *out;
  long line_shift; /* document line = cmark's line + line_shift */
  size_t piece_end; /* where the text parsed ends in the source */
  size_t blocks_cap, skip_cap, comments_cap;
  /* the heading or paragraph whose inline text is being collected */
  cmark_node *collecting;
  strbuf text;
  bool has_comment;         /* the block holds an inline HTML comment */
  cmark_node *first_strong; /* strong emphasis opening the paragraph */
  size_t strong_len;        /* text length when first_strong closed */
  unsigned quote_depth;     /* block quotes open around the current node */
  unsigned list_depth;      /* lists open around the current node */
  /* a numbered setext heading ("1. Summary" over "-------"), which cmark
   * reads as a one-item list and a rule (S_numbered_setext()) */
  cmark_node *setext_para;  /* the item's paragraph: a heading */
  cmark_node *setext_break; /* the rule under it: no block */
  int setext_level;
  size_t setext_end;  /* the end of its underline */
  size_t first_break; /* text length at the paragraph's first line break */
} md_walk;

static void S_add_skip(md_walk *w, size_t start, size_t end) {
  md_blocks *mb = w->out;
  if (end <= start)
    return;
  /* Ranges arrive in source order; merge touching or overlapping ones. */
  if (mb->nskip && mb->skip[2 * mb->nskip - 1] >= start) {
    if (end > mb->skip[2 * mb->nskip - 1])
      mb->skip[2 * mb->nskip - 1] = end;
    return;
  }
  xgrow(&mb->skip, &w->skip_cap, 2 * (mb->nskip + 1), sizeof(size_t));
  mb->skip[2 * mb->nskip] = start;
  mb->skip[2 * mb->nskip + 1] = end;
  mb->nskip++;
}

static void S_add_comment(md_walk *w, size_t start, size_t end) {
  md_blocks *mb = w->out;
  xgrow(&mb->comments, &w->comments_cap, 2 * (mb->ncomments + 1),
        sizeof(size_t));
  mb->comments[2 * mb->ncomments] = start;
  mb->comments[2 * mb->ncomments + 1] = end;
  mb->ncomments++;
}

static int S_run_cmp(const void *a, const void *b) {
  const tick_run *x = *(tick_run *const *)a, *y = *(tick_run *const *)b;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  return (x->at > y->at) - (x->at < y->at);
}

size_t md_tick_runs(const char *t, size_t start, size_t end, bool escapes,
                    tick_run **out) {
  /* each run with the next run of its length (a code span closes on one):
   * one pass and a sort, so no input is quadratic */
  tick_run *runs = NULL;
  size_t nruns = 0, cap = 0;
  for (size_t i = start; i < end;) {
    if (escapes && t[i] == '\\' && i + 1 < end) {
      i += 2; /* an escaped backtick is text */
      continue;
    }
    if (t[i] != '`') {
      i++;
      continue;
    }
    size_t n = 0;
    while (i + n < end && t[i + n] == '`')
      n++;
    xgrow(&runs, &cap, nruns + 1, sizeof(tick_run));
    runs[nruns++] = (tick_run){i, n, SIZE_MAX};
    i += n;
  }
  if (nruns) {
    tick_run **order = xmalloc(nruns * sizeof(tick_run *));
    for (size_t k = 0; k < nruns; k++)
      order[k] = &runs[k];
    qsort(order, nruns, sizeof(tick_run *), S_run_cmp);
    for (size_t k = 0; k + 1 < nruns; k++)
      if (order[k]->len == order[k + 1]->len)
        order[k]->close = (size_t)(order[k + 1] - runs);
    free(order);
  }
  *out = runs;
  return nruns;
}

/* Inline HTML comments inside a prose block are not prose either. Called
 * only for blocks where cmark saw one; code spans are stepped over so that a
 * `<!--` inside backticks opens nothing. */
static void S_skip_inline_comments(md_walk *w, size_t start, size_t end) {
  const char *t = w->src->text;
  tick_run *runs;
  size_t nruns = md_tick_runs(t, start, end, false, &runs);
  size_t i = start, r = 0;
  while (i + 4 <= end) {
    while (r < nruns && runs[r].at < i)
      r++;
    if (r < nruns && runs[r].at == i) { /* a code span, or a lone run */
      size_t c = runs[r].close;
      i = c != SIZE_MAX ? runs[c].at + runs[c].len : i + runs[r].len;
      continue;
    }
    if (t[i] != '<' || memcmp(t + i, "<!--", 4) != 0) {
      i++;
      continue;
    }
    const char *close = bytes_find(t + i + 4, end - i - 4, "-->");
    size_t ce = close ? (size_t)(close - t) + 3 : end;
    S_add_skip(w, i, ce);
    S_add_comment(w, i, ce);
    i = ce;
  }
  free(runs);
}

/* A node's first and last document lines, and its end column (0 when cmark
 * gives none). cmark-gfm's end position of an HTML block is unreliable (it
 * can precede the start); its literal holds one line per source line. */
static void S_node_lines(cmark_node *node, long shift, long *sl, long *el,
                         int *ec) {
  *sl = cmark_node_get_start_line(node) + shift;
  *el = cmark_node_get_end_line(node) + shift;
  *ec = cmark_node_get_end_column(node);
  if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
    const char *lit = cmark_node_get_literal(node);
    long lines = 0;
    for (const char *p = lit ? lit : ""; *p; p++)
      if (*p == '\n')
        lines++;
    *el = *sl + (lines ? lines - 1 : 0);
    *ec = 0;
  }
}

static bool S_blank_line(const char *s, const char *e) {
  while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
    s++;
  return s == e;
}

/* Whether [s, e) closes a fence of at least n c's (after any container
 * prefixes). */
static bool S_closes_fence(const char *s, const char *e, char c, int n) {
  while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
    s++;
  int k = 0;
  while (s < e && *s == c)
    s++, k++;
  return k >= n && S_blank_line(s, e);
}

/* cmark-gfm ends a fenced code block that something other than its closing
 * fence closed (a line its container does not continue on) on that line,
 * which is not code: "> ```" then "lazy" takes "lazy" in. Such a block, and
 * one that the end of the text closed, ends here with its last non-blank
 * line, so that where a piece of the document ends does not matter. The
 * block's content (one line per line) tells the two apart: at the end of
 * the text, its last line is content. */
static void S_fence_end(const source *src, cmark_node *node, long sl, long el,
                        block *b) {
  int flen = 0, foff = 0;
  char fch = 0;
  if (!cmark_node_get_fenced(node, &flen, &foff, &fch) || el <= sl ||
      el > (long)src->nlines)
    return;
  long content = 0;
  for (const char *p = cmark_node_get_literal(node); p && *p; p++)
    content += *p == '\n';
  size_t ls, le;
  source_line_bounds(src, source_offset(src, (unsigned)el, 1), &ls, &le);
  bool eof = content >= el - sl;
  if (!eof && S_closes_fence(src->text + ls, src->text + le, fch, flen))
    return;
  long l = eof ? el : el - 1;
  for (; l > sl; l--) {
    source_line_bounds(src, source_offset(src, (unsigned)l, 1), &ls, &le);
    if (!S_blank_line(src->text + ls, src->text + le))
      break;
  }
  source_line_bounds(src, source_offset(src, (unsigned)l, 1), &ls, &le);
  b->end = le;
}

/* cmark-gfm gives no position (line 0) to the paragraph left before a
 * table that interrupted it. Such a block is placed, empty, where the next
 * placed block starts (the table, whose range takes in the paragraph's
 * lines), or else where its container ends. */
static bool S_unplaced(cmark_node *node) {
  return cmark_node_get_start_line(node) <= 0;
}

static size_t S_place_of(const md_walk *w, cmark_node *node) {
  for (cmark_node *n = node; n; n = cmark_node_parent(n)) {
    cmark_node *next = cmark_node_next(n);
    while (next && S_unplaced(next))
      next = cmark_node_next(next);
    if (next) {
      long line = cmark_node_get_start_line(next) + w->line_shift;
      int col = cmark_node_get_start_column(next);
      return source_offset(w->src, (unsigned)(line > 0 ? line : 1),
                           (unsigned)(col > 0 ? col : 1));
    }
    cmark_node *parent = cmark_node_parent(n);
    if (parent && !S_unplaced(parent) &&
        cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT) {
      long line = cmark_node_get_end_line(parent) + w->line_shift;
      size_t ls, le;
      source_line_bounds(w->src,
                         source_offset(w->src, (unsigned)(line > 0 ? line : 1),
                                       1),
                         &ls, &le);
      return le;
    }
  }
  return w->piece_end;
}

static block *S_add_block(md_walk *w, cmark_node *node, block_kind kind) {
  md_blocks *mb = w->out;
  xgrow(&mb->blocks, &w->blocks_cap, mb->nblocks + 1, sizeof(block));
  block *b = &mb->blocks[mb->nblocks++];
  memset(b, 0, sizeof *b);
  b->kind = (unsigned char)kind;
  b->in_quote = w->quote_depth > 0;
  if (S_unplaced(node)) {
    b->start = b->end = S_place_of(w, node);
    return b;
  }
  long sl, el;
  int sc = cmark_node_get_start_column(node), ec;
  S_node_lines(node, w->line_shift, &sl, &el, &ec);
  b->start = source_offset(w->src, (unsigned)(sl > 0 ? sl : 1),
                           (unsigned)(sc > 0 ? sc : 1));
  if (ec > 0) {
    b->end = source_offset(w->src, (unsigned)(el > 0 ? el : 1), (unsigned)ec);
    if (b->end < w->src->len)
      b->end++; /* cmark's end column is inclusive */
  } else {
    /* cmark leaves the end column at 0 for some blocks (HTML blocks closed
     * by a blank line): the block then ends with its last line. */
    size_t ls, le;
    source_line_bounds(w->src,
                       source_offset(w->src, (unsigned)(el > 0 ? el : 1), 1),
                       &ls, &le);
    b->end = le;
  }
  if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
    S_fence_end(w->src, node, sl, el, b);
  if (sl == 1)
    b->start += w->src->bom;
  if (el == 1 && ec > 0)
    b->end += w->src->bom;
  if (b->end < b->start)
    b->end = b->start;
  return b;
}

/* Whether [s, e) is a setext underline, after any container prefixes. */
static bool S_is_underline(const char *s, const char *e) {
  while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
    s++;
  char c = s < e ? *s : 0;
  if (c != '=' && c != '-')
    return false;
  while (s < e && *s == c)
    s++;
  while (s < e && (*s == ' ' || *s == '\t'))
    s++;
  return s == e;
}

/* cmark-gfm can end a setext heading after the paragraph that follows it:
 * an ATX heading ends with its line, a setext heading with its underline. */
static size_t S_heading_end(const source *src, size_t start, size_t end) {
  size_t ls, le;
  source_line_bounds(src, start, &ls, &le);
  if (src->text[start] == '#')
    return le;
  while (le < end) {
    size_t next = le;
    while (next < src->len &&
           (src->text[next] == '\r' || src->text[next] == '\n') &&
           next - le < 2)
      next++;
    source_line_bounds(src, next, &ls, &le);
    if (S_is_underline(src->text + ls, src->text + le))
      return le;
    if (next >= src->len)
      break;
  }
  return end;
}

static bool S_only_comments(const char *s) {
  for (;;) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
      s++;
    if (!*s)
      return true;
    if (strncmp(s, "<!--", 4) != 0)
      return false;
    const char *e = strstr(s + 4, "-->");
    if (!e)
      return true; /* an unclosed comment runs to the end of the block */
    s = e + 3;
  }
}

static size_t S_count_words(const char *s, size_t n) {
  size_t words = 0;
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    bool sp = s[i] == ' ' || s[i] == '\t';
    if (!sp && !in)
      words++;
    in = !sp;
  }
  return words;
}

static char *S_trim_label(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n && strchr(" \t:?-", s[n - 1]))
    n--;
  return n ? xstrndup(s, n) : NULL;
}

/* Whether nothing but marks comes before inline node n in its paragraph:
 * nothing at all, or one text of symbols and spaces ("▸ **Data**", a
 * Notion toggle; "👉 **Model**"), no letter or digit. */
static bool S_only_marks_before(cmark_node *n) {
  cmark_node *prev = cmark_node_previous(n);
  if (!prev)
    return true;
  if (cmark_node_previous(prev) || cmark_node_get_type(prev) != CMARK_NODE_TEXT)
    return false;
  const char *lit = cmark_node_get_literal(prev);
  if (!lit || !*lit)
    return false;
  for (const unsigned char *p = (const unsigned char *)lit; *p; p++)
    if (isalnum(*p) || *p == '*' || *p == '_')
      return false;
  return true;
}

/* A label names what follows it: `**Use Case**: ...`, `- Data sources: ...`,
 * or a short list item that introduces a nested list (`* Offline metrics`). */
static char *S_paragraph_label(const md_walk *w, bool in_list) {
  const char *t = w->text.data ? w->text.data : "";
  size_t n = w->text.len;
  if (w->first_strong && w->strong_len)
    return S_trim_label(t, w->strong_len);
  const char *colon = memchr(t, ':', n < 64 ? n : 64);
  if (colon) {
    size_t p = (size_t)(colon - t);
    if (p && !memchr(t, '.', p) && !memchr(t, '?', p) &&
        S_count_words(t, p) <= LABEL_MAX_WORDS)
      return S_trim_label(t, p);
  }
  if (in_list && n < LABEL_TEXT_CAP && S_count_words(t, n) <= LABEL_MAX_WORDS &&
      (n == 0 || t[n - 1] != '.'))
    return S_trim_label(t, n);
  /* a list item whose first line is a title of its own, a capitalised
   * phrase of a few words ending with a full stop, with its text on the
   * lines below: "9. Monitoring, feedback and rollout." over "Not decided
   * in this record." in a numbered decision log */
  size_t fb = w->first_break;
  if (in_list && fb < n && fb > 1 && t[fb - 1] == '.' &&
      ((t[0] >= 'A' && t[0] <= 'Z') || (unsigned char)t[0] >= 0x80) &&
      S_count_words(t, fb) <= LABEL_MAX_WORDS) {
    for (size_t i = 0; i + 1 < fb; i++)
      if (t[i] == '.' || t[i] == '?' || t[i] == '!' || t[i] == ':')
        return NULL; /* two sentences, or a label of its own */
    return S_trim_label(t, fb - 1);
  }
  return NULL;
}

static bool S_is_ext(cmark_node *node, const char *name) {
  const char *ts = cmark_node_get_type_string(node);
  return ts && strcmp(ts, name) == 0;
}

/* The source bounds of line `line` (cmark's numbering) of the piece. */
static void S_line_at(const md_walk *w, long line, size_t *ls, size_t *le) {
  long l = line + w->line_shift;
  size_t off = source_offset(w->src, (unsigned)(l > 0 ? l : 1), 1);
  source_line_bounds(w->src, off, ls, le);
}

/* Whether [s, e) is a setext underline of character c with no indent:
 * "-------", not "- - -" nor an indented rule. */
static bool S_underline_of(const char *s, const char *e, char c) {
  if (s == e || *s != c)
    return false;
  const char *p = s;
  while (p < e && *p == c)
    p++;
  size_t n = (size_t)(p - s);
  while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
    p++;
  return p == e && n >= 3;
}

/* A top-level ordered list of one item holding one paragraph, underlined
 * like a setext heading, is a numbered heading its author wrote the way
 * reStructuredText and many renderers read it ("1. Summary" over
 * "----------", "2. Motivation" over "=============="). cmark reads the
 * first as a list and a thematic break, the second as a list item whose
 * paragraph goes on with "=====". A reader sees the section, so the walk
 * makes it a heading: level 2 for "-", 1 for "=". */
static void S_numbered_setext(md_walk *w, cmark_node *list) {
  if (cmark_node_get_list_type(list) != CMARK_ORDERED_LIST ||
      cmark_node_get_type(cmark_node_parent(list)) != CMARK_NODE_DOCUMENT)
    return;
  cmark_node *item = cmark_node_first_child(list);
  if (!item || cmark_node_next(item))
    return;
  cmark_node *para = cmark_node_first_child(item);
  if (!para || cmark_node_next(para) ||
      cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || S_unplaced(para))
    return;
  long first = cmark_node_get_start_line(para);
  long last = cmark_node_get_end_line(para);
  size_t ls, le;
  cmark_node *next = cmark_node_next(list);
  if (first == last && next &&
      cmark_node_get_type(next) == CMARK_NODE_THEMATIC_BREAK &&
      !S_unplaced(next) && cmark_node_get_start_line(next) == last + 1) {
    S_line_at(w, last + 1, &ls, &le);
    if (!S_underline_of(w->src->text + ls, w->src->text + le, '-'))
      return;
    w->setext_break = next;
    w->setext_level = 2;
  } else if (last == first + 1) {
    S_line_at(w, last, &ls, &le);
    if (!S_underline_of(w->src->text + ls, w->src->text + le, '='))
      return;
    w->setext_level = 1;
  } else {
    return;
  }
  w->setext_para = para;
  w->setext_end = le;
}

/* Where "</summary>" first occurs in p, in any case, or NULL. */
static const char *S_summary_close(const char *p) {
  for (; (p = strchr(p, '<')) != NULL; p++)
    if (strncasecmp(p, "</summary>", 10) == 0)
      return p;
  return NULL;
}

/* The title of a toggle that an HTML block opens and holds nothing else
 * of ("<details>\n<summary>Monitoring & rollout</summary>", as Notion
 * exports a toggle heading; tags inside the summary dropped), or NULL:
 * the outline reads it as a heading over the blocks after it. The caller
 * owns the result (the block's text, freed by md_blocks_free()). */
/* Past the opening tag <name ...> (name of 7 letters) that p opens with,
 * white space before it skipped; NULL where p opens with no such tag. */
static const char *S_past_open_tag(const char *p, const char *name) {
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  if (*p != '<' || strncasecmp(p + 1, name, 7) != 0 ||
      (p[8] != '>' && p[8] != ' '))
    return NULL;
  p = strchr(p, '>');
  return p ? p + 1 : NULL;
}

static char *S_toggle_title(const char *lit) {
  const char *p = S_past_open_tag(lit, "details");
  p = p ? S_past_open_tag(p, "summary") : NULL;
  if (!p)
    return NULL;
  const char *close = S_summary_close(p);
  if (!close || close - p > 200)
    return NULL;
  for (const char *q = close + 10; *q; q++) /* nothing after it */
    if (!(*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
      return NULL;
  char *t = xmalloc((size_t)(close - p) + 1);
  size_t n = 0;
  bool in_tag = false, space = false;
  for (const char *q = p; q < close; q++) {
    if (*q == '<' || (in_tag && *q != '>')) {
      in_tag = true;
      continue;
    }
    if (in_tag) { /* the tag's '>' */
      in_tag = false;
      continue;
    }
    if (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n') {
      space = n > 0;
      continue;
    }
    if (space)
      t[n++] = ' ';
    space = false;
    t[n++] = *q;
    if (*q == '&' && strncmp(q + 1, "amp;", 4) == 0)
      q += 4; /* "Monitoring &amp; rollout" */
  }
  t[n] = '\0';
  if (!n) { /* a summary of tags alone names nothing */
    free(t);
    t = NULL;
  }
  return t;
}

static void S_enter(md_walk *w, cmark_node *node) {
  cmark_node_type type = cmark_node_get_type(node);
  block *b;
  switch (type) {
  case CMARK_NODE_LIST:
    if (!w->collecting)
      S_numbered_setext(w, node);
    break;
  case CMARK_NODE_HEADING:
  case CMARK_NODE_PARAGRAPH:
    if (w->collecting)
      break; /* a paragraph inside a table cell, say: keep the outer one */
    w->collecting = node;
    w->text.len = 0;
    if (w->text.data)
      w->text.data[0] = '\0';
    w->first_strong = NULL;
    w->strong_len = 0;
    w->has_comment = false;
    w->first_break = SIZE_MAX;
    break;
  case CMARK_NODE_CODE_BLOCK:
    b = S_add_block(w, node, BLOCK_CODE);
    S_add_skip(w, b->start, b->end);
    break;
  case CMARK_NODE_HTML_BLOCK: {
    const char *lit = cmark_node_get_literal(node);
    bool comment = S_only_comments(lit ? lit : "");
    b = S_add_block(w, node, comment ? BLOCK_COMMENT : BLOCK_HTML);
    /* a toggle's title: its text, for the outline (in no list or quote);
     * and where a toggle closes */
    if (!comment && lit && !b->in_quote && !w->list_depth) {
      b->text = S_toggle_title(lit);
      const char *q = lit + strspn(lit, " \t\r\n");
      b->closes_toggle = strncasecmp(q, "</details>", 10) == 0;
    }
    /* a comment block is skipped whole; its comments are still recorded */
    S_skip_inline_comments(w, b->start, b->end);
    if (comment)
      S_add_skip(w, b->start, b->end);
    break;
  }
  case CMARK_NODE_THEMATIC_BREAK:
    if (node != w->setext_break)
      S_add_block(w, node, BLOCK_BREAK);
    break;
  case CMARK_NODE_STRONG:
    if (w->collecting &&
        cmark_node_get_type(w->collecting) == CMARK_NODE_PARAGRAPH &&
        cmark_node_parent(node) == w->collecting && S_only_marks_before(node))
      w->first_strong = node;
    break;
  case CMARK_NODE_TEXT:
  case CMARK_NODE_CODE:
    if (w->collecting && w->text.len < LABEL_TEXT_CAP) {
      const char *lit = cmark_node_get_literal(node);
      if (lit)
        strbuf_puts(&w->text, lit);
    }
    break;
  case CMARK_NODE_HTML_INLINE: {
    const char *lit = cmark_node_get_literal(node);
    if (w->collecting && lit && strncmp(lit, "<!--", 4) == 0)
      w->has_comment = true;
    break;
  }
  case CMARK_NODE_SOFTBREAK:
  case CMARK_NODE_LINEBREAK:
    if (w->collecting && w->first_break == SIZE_MAX)
      w->first_break = w->text.len;
    if (w->collecting && w->text.len < LABEL_TEXT_CAP)
      strbuf_putc(&w->text, ' ');
    break;
  default:
    if (!w->collecting && S_is_ext(node, "table")) {
      S_add_block(w, node, BLOCK_TABLE);
      w->collecting = node; /* swallow the cells' inline content */
      w->has_comment = false;
    }
    break;
  }
}

static void S_exit(md_walk *w, cmark_node *node) {
  if (node == w->first_strong)
    w->strong_len = w->text.len;
  if (node != w->collecting)
    return;
  w->collecting = NULL;
  cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_HEADING) {
    block *b = S_add_block(w, node, BLOCK_HEADING);
    b->end = S_heading_end(w->src, b->start, b->end);
    b->level = (unsigned char)cmark_node_get_heading_level(node);
    b->text = xstrndup(w->text.data ? w->text.data : "", w->text.len);
    if (w->has_comment)
      S_skip_inline_comments(w, b->start, b->end);
  } else if (node == w->setext_para) {
    /* "1. Summary" over a rule: a heading, numbered as its list was */
    cmark_node *list = cmark_node_parent(cmark_node_parent(node));
    block *b = S_add_block(w, list, BLOCK_HEADING);
    b->end = w->setext_end;
    b->level = (unsigned char)w->setext_level;
    size_t n = w->first_break < w->text.len ? w->first_break : w->text.len;
    b->text = xasprintf(
        "%d%c %.*s", cmark_node_get_list_start(list),
        cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.',
        (int)n, w->text.data ? w->text.data : "");
    if (w->has_comment)
      S_skip_inline_comments(w, b->start, b->end);
    w->setext_para = NULL;
  } else if (type == CMARK_NODE_PARAGRAPH) {
    cmark_node *parent = cmark_node_parent(node);
    bool in_list = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                   cmark_node_first_child(parent) == node;
    block *b = S_add_block(w, node, BLOCK_PARAGRAPH);
    b->in_list = in_list;
    if (in_list) {
      cmark_node *list = cmark_node_parent(parent);
      cmark_node *outer = list ? cmark_node_parent(list) : NULL;
      b->nested = outer && cmark_node_get_type(outer) == CMARK_NODE_ITEM;
    }
    b->label = S_paragraph_label(w, in_list);
    if (b->label) {
      /* "*  Labeling:" alone names a topic but says nothing about it */
      const char *t = w->text.data ? w->text.data : "";
      const char *lab = strstr(t, b->label);
      size_t at = lab ? (size_t)(lab - t) + strlen(b->label) : 0;
      while (at < w->text.len && strchr(" \t:*-?", t[at]))
        at++;
      b->has_content = at < w->text.len || (in_list && cmark_node_next(node));
      /* (not a label that ends with a colon: "**Use Cases:**" over a
       * list introduces it, as a run-in label would) */
      size_t e = w->text.len;
      while (e && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
      /* (in no list at all: an item's later paragraphs are in one too;
       * and all of its text kept: a longer paragraph may go on) */
      /* (a parenthesis after the bold text qualifies its name: "**Validation
       * so far** (2024-07 to 2024-12, North only)" is a bold line too) */
      size_t rest = at;
      /* (not after a label closed by '.' or ':', "**Data.** (Twelve months
       * of CRM history.)", "**Features:** (planned for v2)": a run-in label
       * and a label over a list) */
      size_t lab_end = lab ? (size_t)(lab - t) + strlen(b->label) : 0;
      bool closed = lab_end && (t[lab_end - 1] == '.' || t[lab_end - 1] == ':');
      for (size_t k = lab_end; k < at && !closed; k++)
        closed = t[k] == '.' || t[k] == ':';
      if (!closed && rest < e && t[rest] == '(' && t[e - 1] == ')' &&
          e - rest <= 80 &&
          !memchr(t + rest + 1, '(', e - rest - 2) &&
          !memchr(t + rest + 1, ')', e - rest - 2))
        rest = w->text.len;
      cmark_node *after = cmark_node_next(node);
      b->item_title = in_list && !b->nested && !b->in_quote &&
                      at >= w->text.len && w->first_break == SIZE_MAX &&
                      w->text.len < LABEL_TEXT_CAP && after &&
                      cmark_node_get_type(after) == CMARK_NODE_LIST;
      b->bold_line = w->list_depth == 0 && !b->in_quote && w->first_strong &&
                     rest >= w->text.len && w->first_break == SIZE_MAX &&
                     w->text.len < LABEL_TEXT_CAP && (!e || t[e - 1] != ':');
    }
    if (w->has_comment)
      S_skip_inline_comments(w, b->start, b->end);
  } else if (w->has_comment) { /* a table */
    const block *b = &w->out->blocks[w->out->nblocks - 1];
    S_skip_inline_comments(w, b->start, b->end);
  }
}

/* cmark-gfm's extension registration is not synchronised: a pack loading on
 * one thread (pack.c) and a document parsing on another both get here. */
static pthread_once_t S_md_once = PTHREAD_ONCE_INIT;

static void S_md_init_once(void) { cmark_gfm_core_extensions_ensure_registered(); }

void md_init(void) { pthread_once(&S_md_once, S_md_init_once); }

/* cmark-gfm allocates every node, every buffer and every temporary of a
 * parse separately, and malloc/free were a fifth of its instructions; worse,
 * a second piece parsed on memory the first one freed ran a third slower
 * (scattered reuse). Each piece is parsed on an arena instead: fresh pages,
 * filled in order, never reused, and unmapped whole when the piece is done.
 * cmark's allocator hooks carry no context, so the arena is per thread. */
#define ARENA_BLOCK ((size_t)2 << 20)
#define ARENA_ALIGN 16

typedef struct arena_blk {
  struct arena_blk *next;
  size_t cap, used; /* bytes of the mapping, bytes handed out */
  size_t last;      /* offset of the last allocation, for realloc */
} arena_blk;

/* The parse's memory budget: the arena blocks of one piece (S_arena_bytes)
 * may not pass PARSE_MEMORY_MAX. Past it the allocator jumps back to
 * S_cmark_parse (S_arena_bail), which drops the piece: all that cmark
 * allocated is in the arena, so nothing leaks. (cmark cannot be told to
 * stop, and a NULL from the allocator aborts it.) Counted per piece, not
 * per document, so that the answer does not depend on how many pieces are
 * parsed at once: a piece of 2 MiB or less reaches the budget only with a
 * table (never cut), so in practice a document is refused or not whatever
 * the threads. */
static _Thread_local size_t S_arena_bytes;
static _Thread_local jmp_buf *S_arena_bail;
static _Thread_local arena_blk *S_arena;
static _Thread_local arena_blk *S_arena_kept;
static _Thread_local size_t S_arena_kept_bytes;

#define ARENA_HDR ((sizeof(arena_blk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

/* n bytes, not zeroed (calloc zeroes), each preceded by its size. */
static void *S_arena_alloc(size_t n) {
  if (n > SIZE_MAX / 2)
    oom_abort(n);
  size_t need = ARENA_ALIGN + ((n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1));
  arena_blk *b = S_arena;
  if (!b || b->used + need > b->cap) {
    size_t cap = ARENA_HDR + need > ARENA_BLOCK ? ARENA_HDR + need : ARENA_BLOCK;
    if (S_arena_bail && S_arena_bytes + cap > PARSE_MEMORY_MAX)
      longjmp(*S_arena_bail, 1);
    S_arena_bytes += cap;
    if (cap == ARENA_BLOCK && S_arena_kept) {
      b = S_arena_kept;
      S_arena_kept = b->next;
      S_arena_kept_bytes -= b->cap;
    } else {
      void *m = mmap(NULL, cap, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (m == MAP_FAILED)
        oom_abort(n);
      (void)madvise(m, cap, MADV_HUGEPAGE);
      b = m;
    }
    b->next = S_arena;
    b->cap = cap;
    b->used = ARENA_HDR;
    S_arena = b;
  }
  char *p = (char *)b + b->used;
  *(size_t *)p = n;
  b->last = b->used;
  b->used += need;
  return p + ARENA_ALIGN;
}

static void *S_arena_calloc(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size)
    oom_abort(SIZE_MAX);
  /* Zeroed here, just before cmark-gfm writes the object, rather than a
   * whole kept block at release: the bytes are in cache now. */
  void *p = S_arena_alloc(n * size);
  memset(p, 0, n * size);
  return p;
}

static void *S_arena_realloc(void *p, size_t n) {
  if (!p)
    return S_arena_alloc(n);
  size_t old = *(size_t *)((char *)p - ARENA_ALIGN);
  if (n <= old)
    return p;
  arena_blk *b = S_arena;
  size_t need = ARENA_ALIGN + ((n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1));
  if ((char *)p - ARENA_ALIGN == (char *)b + b->last &&
      b->last + need <= b->cap && n <= SIZE_MAX / 2) {
    *(size_t *)((char *)p - ARENA_ALIGN) = n; /* the last one grows in place */
    b->used = b->last + need;
    return p;
  }
  void *q = S_arena_alloc(n);
  memcpy(q, p, old);
  return q;
}

static void S_arena_free(void *p) { (void)p; }

/* Blocks of finished pieces are kept for the thread's next
 * piece, up to ARENA_KEEP bytes: mapping and unmapping them for each of
 * hundreds of small files cost page faults and, with threads, TLB
 * shootdowns. They are unmapped when the thread ends. */
#define ARENA_KEEP ((size_t)32 << 20)
static pthread_key_t S_arena_key;
static pthread_once_t S_arena_once = PTHREAD_ONCE_INIT;

static void S_arena_unmap_kept(void *unused) {
  (void)unused;
  while (S_arena_kept) {
    arena_blk *next = S_arena_kept->next;
    munmap(S_arena_kept, S_arena_kept->cap);
    S_arena_kept = next;
  }
  S_arena_kept_bytes = 0;
}

static void S_arena_key_init(void) {
  (void)pthread_key_create(&S_arena_key, S_arena_unmap_kept);
}

static void S_arena_release(void) {
  pthread_once(&S_arena_once, S_arena_key_init);
  while (S_arena) {
    arena_blk *b = S_arena;
    S_arena = b->next;
    S_arena_bytes -= b->cap;
    if (b->cap == ARENA_BLOCK && S_arena_kept_bytes + b->cap <= ARENA_KEEP) {
      b->used = ARENA_HDR;
      b->next = S_arena_kept;
      S_arena_kept = b;
      S_arena_kept_bytes += b->cap;
      (void)pthread_setspecific(S_arena_key, (void *)1); /* unmap at exit */
    } else {
      munmap(b, b->cap);
    }
  }
}

static cmark_mem S_arena_mem = {S_arena_calloc, S_arena_realloc, S_arena_free};

/* One piece of the document, parsed on its own (see chunk.c). */
typedef struct {
  const source *src;
  size_t start, end;  /* [start, end) of src->text */
  const strbuf *defs; /* link reference definitions, defined ahead */
  bool tables;        /* the document may hold a table */
  md_blocks out;      /* its blocks, skip ranges and comments */
  bool open_end;      /* its last block runs into the next piece */
  const char *refused;    /* over a cap (md_blocks.refused): dropped */
  atomic_size_t *nblocks; /* the blocks of the document's pieces so far */
} md_piece;

/* cmark-gfm's parse of text[0..len), after the definitions ahead, on the
 * arena and under the piece's budget: the document node (*parser gets the
 * parser, both freed with the arena), or NULL when it went over the budget
 * (all it allocated is released then). */
static cmark_node *S_cmark_parse(const md_piece *pc, const char *text,
                                 size_t len, cmark_parser **parser) {
  jmp_buf bail;
  if (setjmp(bail)) {
    S_arena_bail = NULL;
    S_arena_release();
    return NULL;
  }
  S_arena_bail = &bail;
  cmark_parser *p =
      cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &S_arena_mem);
  /* Only extensions without inline syntax: cmark-gfm 0.29 keeps the
   * characters that start inline syntax (strikethrough's "~", autolink's)
   * in global tables that every parse sets and clears, so two threads
   * parsing at once would race (fuzz_chunks caught "~" going missing).
   * ddlint reads no link targets and strikes nothing through, and autolink
   * cost about 15% of the parse and 40 bytes of memory per byte of a long
   * paragraph. The table extension is left out where no table can be
   * (S_may_have_table), decided for the whole document. */
  static const char *const exts[] = {"table", "tasklist"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    if (i == 0 && !pc->tables)
      continue;
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e)
      cmark_parser_attach_syntax_extension(p, e);
  }
  if (pc->defs && pc->defs->len) {
    cmark_parser_feed(p, pc->defs->data, pc->defs->len);
    cmark_parser_feed(p, "\n", 1);
  }
  cmark_parser_feed(p, text, len);
  cmark_node *doc = cmark_parser_finish(p);
  S_arena_bail = NULL; /* the walk's few allocations may go over */
  *parser = p;
  return doc;
}

static void S_parse_piece(md_piece *pc) {
  const source *src = pc->src;
  memset(&pc->out, 0, sizeof pc->out);
  if (atomic_load(pc->nblocks) > PARSE_BLOCKS_MAX) {
    pc->refused = PARSE_BLOCKS_ERROR; /* an earlier piece went over */
    return;
  }
  size_t from = pc->start ? pc->start : src->bom; /* the BOM is cut off */
  const char *text = src->text + from;
  size_t len = pc->end - from;
  long prefix_lines = 0;
  if (pc->defs && pc->defs->len) {
    for (size_t i = 0; i < pc->defs->len; i++)
      prefix_lines += pc->defs->data[i] == '\n';
    prefix_lines++;
  }
  /* cmark must see front matter and NUL bytes blanked to spaces, so that its
   * line and column numbers are the file's own (it would turn a NUL into a
   * 3-byte U+FFFD); only a piece that has either is copied */
  char *copy = NULL;
  if (from < src->frontmatter_end || memchr(text, '\0', len)) {
    copy = xmalloc(len + 1);
    memcpy(copy, text, len);
    for (size_t i = from; i < src->frontmatter_end && i < pc->end; i++)
      if (copy[i - from] != '\n' && copy[i - from] != '\r')
        copy[i - from] = ' ';
    for (size_t i = 0; i < len; i++)
      if (copy[i] == '\0')
        copy[i] = ' ';
  }
  cmark_parser *parser = NULL;
  cmark_node *doc = S_cmark_parse(pc, copy ? copy : text, len, &parser);
  free(copy);
  if (!doc) { /* over the budget: the piece is dropped */
    pc->refused = PARSE_MEMORY_ERROR;
    return;
  }

  long first_line = (long)source_line_of(src, pc->start);
  md_walk w = {.src = src,
               .out = &pc->out,
               .line_shift = first_line - 1 - prefix_lines,
               .piece_end = pc->end};
  /* room for a block per 64 bytes up front (pages are touched only as
   * they fill): grown from 8 by doubling, each piece's array was copied a
   * dozen times, into fresh pages each time */
  xgrow(&pc->out.blocks, &w.blocks_cap, (pc->end - pc->start) / 64 + 16,
        sizeof(block));
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    bool quote = cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE;
    bool list = cmark_node_get_type(node) == CMARK_NODE_LIST;
    if (ev == CMARK_EVENT_ENTER) {
      w.quote_depth += quote;
      w.list_depth += list;
      S_enter(&w, node);
    } else if (ev == CMARK_EVENT_EXIT) {
      S_exit(&w, node);
      w.quote_depth -= quote;
      w.list_depth -= list;
    }
  }
  cmark_iter_free(it);

  /* A fenced code block or an HTML block still open at the piece's last
   * line (the blank line before the cut) would have swallowed the heading
   * after the cut. */
  cmark_node *last = cmark_node_last_child(doc);
  if (last && pc->end < src->len) {
    cmark_node_type t = cmark_node_get_type(last);
    int flen = 0, foff = 0;
    char fch = 0;
    if (t == CMARK_NODE_HTML_BLOCK ||
        (t == CMARK_NODE_CODE_BLOCK &&
         cmark_node_get_fenced(last, &flen, &foff, &fch))) {
      long sl, el;
      int ec;
      S_node_lines(last, w.line_shift, &sl, &el, &ec);
      pc->open_end = el >= (long)source_line_of(src, pc->end - 1);
    }
  }
  cmark_node_free(doc);
  cmark_parser_free(parser);
  S_arena_release();
  strbuf_free(&w.text);
  /* the sum over pieces is the document's count, whatever the pieces */
  if (atomic_fetch_add(pc->nblocks, pc->out.nblocks) + pc->out.nblocks >
      PARSE_BLOCKS_MAX) {
    md_blocks_free(&pc->out);
    pc->refused = PARSE_BLOCKS_ERROR;
  }
}

/* Appends a piece's arrays to out, taking its strings. */
static void S_take_piece(md_walk *w, md_piece *pc) {
  md_blocks *mb = w->out, *p = &pc->out;
  if (p->nblocks) {
    xgrow(&mb->blocks, &w->blocks_cap, mb->nblocks + p->nblocks,
          sizeof(block));
    memcpy(mb->blocks + mb->nblocks, p->blocks, p->nblocks * sizeof(block));
    mb->nblocks += p->nblocks;
  }
  for (size_t i = 0; i < p->nskip; i++)
    S_add_skip(w, p->skip[2 * i], p->skip[2 * i + 1]);
  for (size_t i = 0; i < p->ncomments; i++)
    S_add_comment(w, p->comments[2 * i], p->comments[2 * i + 1]);
  free(p->blocks);
  free(p->skip);
  free(p->comments);
  memset(p, 0, sizeof *p);
}

static void S_piece_task(void *arg, size_t i) {
  S_parse_piece(&((md_piece *)arg)[i]);
}

/* Piece size. Every piece is parsed with the labels of all the document's
 * link reference definitions ahead of it, so a piece must be long against
 * them: PIECE_PER_DEF times their text. Otherwise a piece is short: cmark's
 * tree of it (about 14 bytes per byte) then stays in the processor's cache,
 * and the arena's memory is used again by the next piece instead of being
 * faulted in afresh. Measured on the bench's documents with -j2: gen-1M
 * 44 ms in 256 KiB pieces, 33 ms in 64 KiB ones (and 16 to 32 KiB gained
 * nothing more); the RFCs as one file (2,563 labels, about 40 KB of them)
 * 295 to 300 ms in 256 KiB to 2 MiB pieces, 369 ms in 64 KiB ones. A piece
 * stays under PIECE_MAX whatever the labels, for memory's sake. A very
 * large document has at most about PIECES_MAX pieces: the 100 MB one
 * peaked at 308 MB in 64 KiB pieces, 278 to 284 MB in 256 KiB to 1 MiB
 * ones, in the same time.
 * DDLINT_CHUNK_BYTES sets the size and leaves the labels out of it (tests
 * cut at every possible place with 1). */
#define PIECE_MIN ((size_t)64 << 10)
#define PIECE_MAX ((size_t)2 << 20)
#define PIECE_PER_DEF 16
#define PIECES_MAX 256

static size_t S_env_piece_bytes(void) {
  const char *env = getenv("DDLINT_CHUNK_BYTES");
  if (env && *env) {
    char *e;
    unsigned long long v = strtoull(env, &e, 10);
    if (!*e && v > 0)
      return (size_t)v;
  }
  return 0;
}

static size_t S_parse_pieces(const source *src, unsigned threads,
                             size_t target, size_t per_def, md_blocks *out);

size_t md_parse(const source *src, unsigned threads, md_blocks *out) {
  size_t env = S_env_piece_bytes();
  if (env)
    return S_parse_pieces(src, threads, env, 0, out);
  size_t target = src->len / PIECES_MAX;
  return S_parse_pieces(src, threads,
                        src->len < 2 * PIECE_MIN ? SIZE_MAX
                        : target < PIECE_MIN     ? PIECE_MIN
                                                 : target,
                        PIECE_PER_DEF, out);
}

/* Drops cuts until each piece is at least `target` bytes long (the last
 * may be shorter): any subset of the plan's cuts is a plan. */
static void S_thin_cuts(chunk_plan *plan, size_t target) {
  size_t kept = 0, last = 0;
  for (size_t i = 0; i < plan->ncuts; i++)
    if (plan->cuts[i] - last >= target)
      last = plan->cuts[kept++] = plan->cuts[i];
  plan->ncuts = kept;
}

/* Whether text may hold a GFM table: a delimiter row has a "|", or else
 * (one column) a ":" beside its dashes, since "---" alone under a line is a
 * setext underline. Without either, cmark-gfm's table extension, which
 * costs as much as the rest of the parse, could find nothing. */
static bool S_may_have_table(const char *t, size_t n) {
  if (memchr(t, '|', n))
    return true;
  for (const char *p = t; (p = memchr(p, ':', (size_t)(t + n - p))); p++)
    if ((p > t && p[-1] == '-') || (p + 1 < t + n && p[1] == '-'))
      return true;
  return false;
}

/* The block of mb that covers offset off (blocks are in source order), or
 * NULL. */
static bool S_block_starts_by(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const block *blocks = k->array;
  return blocks[i].start <= k->off;
}

static const block *S_covering(const md_blocks *mb, size_t off) {
  bsearch_key p = {mb->blocks, off}; /* the first block starting after off */
  size_t lo = bsearch_lower(mb->nblocks, S_block_starts_by, &p);
  return lo > 0 && off < mb->blocks[lo - 1].end ? &mb->blocks[lo - 1] : NULL;
}

/* Whether off starts a line that the plan read as a definition. */
static bool S_offset_before(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const size_t *at = k->array;
  return at[i] < k->off;
}

static bool S_is_def_line(const chunk_plan *plan, size_t off) {
  bsearch_key p = {plan->def_at, off};
  size_t lo = bsearch_lower(plan->ndefs, S_offset_before, &p);
  return lo < plan->ndefs && plan->def_at[lo] == off;
}

/* Appends the pieces' results to out in order. False, with out emptied,
 * when the scanner turns out wrong: a piece ended inside an open block, a
 * line it read as a definition lies inside a block, or a definition-like
 * line it put inside a fence or an HTML block is not in one. */
static bool S_join(const source *src, md_piece *pieces, size_t n,
                   const chunk_plan *plan, md_blocks *out) {
  for (size_t i = 0; i + 1 < n; i++)
    if (pieces[i].open_end)
      return false;
  md_walk w = {.src = src, .out = out};
  size_t total = 0; /* one array of the right size, not doublings */
  for (size_t i = 0; i < n; i++)
    total += pieces[i].out.nblocks;
  xgrow(&out->blocks, &w.blocks_cap, total, sizeof(block));
  if (src->frontmatter_end)
    S_add_skip(&w, 0, src->frontmatter_end);
  for (size_t i = 0; i < n; i++)
    S_take_piece(&w, &pieces[i]);
  bool ok = true;
  /* a definition line is in no block, or in a paragraph that starts with
   * definitions (cmark keeps the start of a paragraph whose first lines it
   * read as definitions) */
  for (size_t i = 0; i < plan->ndefs && ok; i++) {
    /* at its first character: an indented code block starts after the
     * indentation (a line the scanner read as an indented definition) */
    size_t at = plan->def_at[i];
    while (at < src->len && (src->text[at] == ' ' || src->text[at] == '\t'))
      at++;
    const block *b = S_covering(out, at);
    size_t ls = 0, le, ps = 0, pe;
    if (b)
      source_line_bounds(src, b->start, &ls, &le);
    /* ... and only in its leading run of definition lines: after a line
     * of text ("[r]: u", "<x", "[y]: /") a definition-like line is text */
    if (b && plan->def_at[i] > ls)
      source_line_bounds(src, plan->def_at[i] - 1, &ps, &pe);
    ok = !b || (b->kind == BLOCK_PARAGRAPH && S_is_def_line(plan, ls) &&
                (plan->def_at[i] <= ls || S_is_def_line(plan, ps)));
    /* in no block, it must not go on from a line of text: cmark gives a
     * setext heading ("#[", "<x", "[y]: B", "-") a block on its first
     * line only, and the definition-like line in its text is text */
    if (ok && !b && plan->def_at[i] > 0) {
      size_t qs, qe;
      source_line_bounds(src, plan->def_at[i] - 1, &qs, &qe);
      bool blank = true;
      for (size_t k = qs; k < qe && blank; k++)
        blank = src->text[k] == ' ' || src->text[k] == '\t' ||
                src->text[k] == '\r' || src->text[k] == '\n';
      /* ... an ATX heading's line ends its block ("# h", then "[a]: /u") */
      size_t k = qs, hashes = 0;
      while (k < qe && k - qs < 3 && src->text[k] == ' ')
        k++;
      while (k < qe && src->text[k] == '#' && hashes < 7) {
        k++;
        hashes++;
      }
      bool atx = hashes >= 1 && hashes <= 6 &&
                 (k >= qe || src->text[k] == ' ' || src->text[k] == '\t' ||
                  src->text[k] == '\r' || src->text[k] == '\n');
      /* ... and so does the last line of a code, HTML or comment block
       * ("<!-- issue -->", then "[1]: /u"): no text goes on from it */
      const block *pb = NULL;
      if (!blank && !atx) {
        size_t f = qs;
        while (f < qe && (src->text[f] == ' ' || src->text[f] == '\t'))
          f++;
        pb = S_covering(out, f);
      }
      bool leaf = pb && pb->end <= plan->def_at[i] &&
                  (pb->kind == BLOCK_CODE || pb->kind == BLOCK_HTML ||
                   pb->kind == BLOCK_COMMENT);
      ok = blank || atx || leaf || S_is_def_line(plan, qs);
    }
  }
  for (size_t i = 0; i < plan->nin_block && ok; i++) {
    const block *b = S_covering(out, plan->in_block_at[i]);
    ok = b && (b->kind == BLOCK_CODE || b->kind == BLOCK_HTML ||
               b->kind == BLOCK_COMMENT);
  }
  /* a definition-like line read as text must be inside a block that began
   * before it: in none, or opening one (cmark keeps the start of a
   * paragraph whose first lines it read as definitions: "[y]:A", "B"),
   * it was a definition that the pieces after it did not get */
  for (size_t i = 0; i < plan->nin_text && ok; i++) {
    size_t at = plan->in_text_at[i];
    while (at < src->len && (src->text[at] == ' ' || src->text[at] == '\t'))
      at++;
    const block *b = S_covering(out, at);
    ok = b && b->start < plan->in_text_at[i];
  }
  if (!ok)
    md_blocks_free(out);
  return ok;
}

size_t md_parse_pieces(const source *src, unsigned threads, size_t target,
                       md_blocks *out) {
  return S_parse_pieces(src, threads, target, 0, out);
}

/* md_parse_pieces(), with pieces of at least per_def times the length of
 * the definitions' labels (up to PIECE_MAX) when per_def is not 0. */
static size_t S_parse_pieces(const source *src, unsigned threads,
                             size_t target, size_t per_def, md_blocks *out) {
  memset(out, 0, sizeof *out);
  md_init();
  chunk_plan plan = {0};
  if (target != SIZE_MAX)
    md_plan_chunks(src, target, &plan);
  if (per_def && plan.ncuts) {
    size_t want = per_def * plan.defs.len;
    if (want > PIECE_MAX)
      want = PIECE_MAX;
    if (want > target)
      S_thin_cuts(&plan, want);
  }

  size_t n = plan.ncuts + 1;
  bool tables = S_may_have_table(src->text, src->len);
  md_piece *pieces = xcalloc(n, sizeof(md_piece));
  atomic_size_t nblocks = 0;
  for (size_t i = 0; i < n; i++) {
    pieces[i].src = src;
    pieces[i].nblocks = &nblocks;
    pieces[i].start = i ? plan.cuts[i - 1] : 0;
    pieces[i].end = i < plan.ncuts ? plan.cuts[i] : src->len;
    pieces[i].defs = plan.ncuts ? &plan.defs : NULL;
    pieces[i].tables = tables;
  }
  run_tasks(n, threads, S_piece_task, pieces);

  const char *refused = NULL; /* the memory error before the count's */
  for (size_t i = 0; i < n; i++)
    if (pieces[i].refused &&
        (!refused || !strcmp(pieces[i].refused, PARSE_MEMORY_ERROR)))
      refused = pieces[i].refused;
  if (refused) {
    n = 0;
  } else if (n > 1 && !S_join(src, pieces, n, &plan, out)) {
    /* the scanner was wrong somewhere: parse the document whole, which is
     * at most twice the work and always right */
    for (size_t i = 0; i < n; i++)
      md_blocks_free(&pieces[i].out);
    atomic_store(&nblocks, 0);
    md_piece whole = {.src = src,
                      .start = 0,
                      .end = src->len,
                      .tables = tables,
                      .nblocks = &nblocks};
    S_parse_piece(&whole);
    pieces[0] = whole;
    n = 1;
    refused = whole.refused;
  }
  if (refused) {
    for (size_t i = 0; i < plan.ncuts + 1; i++)
      md_blocks_free(&pieces[i].out);
    n = 0;
    out->refused = refused;
  } else if (n == 1) {
    md_walk w = {.src = src, .out = out};
    if (src->frontmatter_end)
      S_add_skip(&w, 0, src->frontmatter_end);
    S_take_piece(&w, &pieces[0]);
  }
  free(pieces);
  /* a large document's arena blocks are not kept for the next file: they
   * would stay in memory (and be zeroed) for nothing */
  if (plan.ncuts)
    S_arena_unmap_kept(NULL);
  chunk_plan_free(&plan);
  return n;
}

void md_blocks_free(md_blocks *mb) {
  for (size_t i = 0; i < mb->nblocks; i++) {
    free(mb->blocks[i].text);
    free(mb->blocks[i].label);
    free(mb->blocks[i].norm);
    free(mb->blocks[i].key);
  }
  free(mb->blocks);
  free(mb->skip);
  free(mb->comments);
  memset(mb, 0, sizeof *mb);
}
