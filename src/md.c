/* The md stage, and the only file that includes cmark-gfm: parses the source
 * with the GFM extensions and flattens the tree into leaf blocks with byte
 * ranges, heading text and list/bold labels. The cmark tree is freed here, so
 * no later stage depends on cmark's types or lifetime. */
#include "internal.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_TEXT_CAP 256 /* bytes of paragraph text kept for labels */
#define LABEL_MAX_WORDS 6
#define AUTOLINK_MAX_BYTES ((size_t)8 << 20)

typedef struct {
  const source *src;
  md_blocks *out;
  size_t blocks_cap, skip_cap, comments_cap;
  /* the heading or paragraph whose inline text is being collected */
  cmark_node *collecting;
  strbuf text;
  bool has_comment;         /* the block holds an inline HTML comment */
  cmark_node *first_strong; /* strong emphasis opening the paragraph */
  size_t strong_len;        /* text length when first_strong closed */
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

static const char *S_find(const char *hay, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, k) == 0)
      return hay + i;
  return NULL;
}

/* Inline HTML comments inside a prose block are not prose either. Called
 * only for blocks where cmark saw one; code spans are stepped over so that a
 * `<!--` inside backticks opens nothing. */
typedef struct {
  size_t at, len; /* a run of backticks */
  size_t close;   /* index of the next run of the same length, or SIZE_MAX */
} tick_run;

static int S_run_cmp(const void *a, const void *b) {
  const tick_run *x = *(tick_run *const *)a, *y = *(tick_run *const *)b;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  return (x->at > y->at) - (x->at < y->at);
}

static void S_skip_inline_comments(md_walk *w, size_t start, size_t end) {
  const char *t = w->src->text;
  /* the backtick runs, each with the next run of its length (a code span
   * closes on one): one pass and a sort, so no input is quadratic */
  tick_run *runs = NULL;
  size_t nruns = 0, cap = 0;
  for (size_t i = start; i < end;) {
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
    const char *close = S_find(t + i + 4, end - i - 4, "-->");
    size_t ce = close ? (size_t)(close - t) + 3 : end;
    S_add_skip(w, i, ce);
    S_add_comment(w, i, ce);
    i = ce;
  }
  free(runs);
}

static block *S_add_block(md_walk *w, cmark_node *node, block_kind kind) {
  md_blocks *mb = w->out;
  xgrow(&mb->blocks, &w->blocks_cap, mb->nblocks + 1, sizeof(block));
  block *b = &mb->blocks[mb->nblocks++];
  memset(b, 0, sizeof *b);
  b->kind = kind;
  int sl = cmark_node_get_start_line(node),
      sc = cmark_node_get_start_column(node);
  int el = cmark_node_get_end_line(node), ec = cmark_node_get_end_column(node);
  b->start = source_offset(w->src, (unsigned)(sl > 0 ? sl : 1),
                           (unsigned)(sc > 0 ? sc : 1));
  if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
    /* cmark-gfm's end position of an HTML block is unreliable (it can
     * precede the start); its literal holds one line per source line. */
    const char *lit = cmark_node_get_literal(node);
    unsigned lines = 0;
    for (const char *p = lit ? lit : ""; *p; p++)
      if (*p == '\n')
        lines++;
    el = sl + (int)(lines ? lines - 1 : 0);
    ec = 0;
  }
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
  return NULL;
}

static bool S_is_ext(cmark_node *node, const char *name) {
  const char *ts = cmark_node_get_type_string(node);
  return ts && strcmp(ts, name) == 0;
}

static void S_enter(md_walk *w, cmark_node *node) {
  cmark_node_type type = cmark_node_get_type(node);
  block *b;
  switch (type) {
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
    break;
  case CMARK_NODE_CODE_BLOCK:
    b = S_add_block(w, node, BLOCK_CODE);
    S_add_skip(w, b->start, b->end);
    break;
  case CMARK_NODE_HTML_BLOCK: {
    const char *lit = cmark_node_get_literal(node);
    bool comment = S_only_comments(lit ? lit : "");
    b = S_add_block(w, node, comment ? BLOCK_COMMENT : BLOCK_HTML);
    /* a comment block is skipped whole; its comments are still recorded */
    S_skip_inline_comments(w, b->start, b->end);
    if (comment)
      S_add_skip(w, b->start, b->end);
    break;
  }
  case CMARK_NODE_THEMATIC_BREAK:
    S_add_block(w, node, BLOCK_BREAK);
    break;
  case CMARK_NODE_STRONG:
    if (w->collecting &&
        cmark_node_get_type(w->collecting) == CMARK_NODE_PARAGRAPH &&
        cmark_node_parent(node) == w->collecting && !cmark_node_previous(node))
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
    b->level = cmark_node_get_heading_level(node);
    b->text = xstrndup(w->text.data ? w->text.data : "", w->text.len);
    b->norm = title_normalize(b->text);
    b->key = title_key(b->norm);
    if (w->has_comment)
      S_skip_inline_comments(w, b->start, b->end);
  } else if (type == CMARK_NODE_PARAGRAPH) {
    cmark_node *parent = cmark_node_parent(node);
    bool in_list = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                   cmark_node_first_child(parent) == node;
    block *b = S_add_block(w, node, BLOCK_PARAGRAPH);
    b->in_list = in_list;
    b->label = S_paragraph_label(w, in_list);
    if (b->label) {
      b->norm = title_normalize(b->label);
      b->key = title_key(b->norm);
      /* "*  Labeling:" alone names a topic but says nothing about it */
      const char *t = w->text.data ? w->text.data : "";
      const char *lab = strstr(t, b->label);
      size_t at = lab ? (size_t)(lab - t) + strlen(b->label) : 0;
      while (at < w->text.len && strchr(" \t:*-?", t[at]))
        at++;
      b->has_content = at < w->text.len || (in_list && cmark_node_next(node));
    }
    if (w->has_comment)
      S_skip_inline_comments(w, b->start, b->end);
  } else if (w->has_comment) { /* a table */
    const block *b = &w->out->blocks[w->out->nblocks - 1];
    S_skip_inline_comments(w, b->start, b->end);
  }
}

void md_init(void) { cmark_gfm_core_extensions_ensure_registered(); }

void md_parse(const source *src, md_blocks *out) {
  memset(out, 0, sizeof *out);
  md_init();

  /* cmark sees a copy in which the front matter and NUL bytes are blanked to
   * spaces, so its line and column numbers are the file's own; the BOM is cut
   * off (columns on line 1 are shifted back in S_add_block). */
  char *copy = xmalloc(src->len + 1);
  memcpy(copy, src->text, src->len + 1);
  for (size_t i = src->bom; i < src->frontmatter_end; i++)
    if (copy[i] != '\n' && copy[i] != '\r')
      copy[i] = ' ';
  for (size_t i = 0; i < src->len; i++)
    if (copy[i] == '\0')
      copy[i] = ' ';

  cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
  static const char *const exts[] = {"table", "tasklist", "strikethrough",
                                     "autolink"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    /* cmark-gfm's autolink extension costs about 40 bytes of memory per
     * byte of a long paragraph (4.5 GB for a 100 MB line); ddlint reads no
     * link targets, so it is left out for documents over 8 MiB */
    if (src->len > AUTOLINK_MAX_BYTES && strcmp(exts[i], "autolink") == 0)
      continue;
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e)
      cmark_parser_attach_syntax_extension(parser, e);
  }
  cmark_parser_feed(parser, copy + src->bom, src->len - src->bom);
  cmark_node *doc = cmark_parser_finish(parser);

  md_walk w = {.src = src, .out = out};
  if (src->frontmatter_end)
    S_add_skip(&w, 0, src->frontmatter_end);
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER) {
      S_enter(&w, node);
    } else if (ev == CMARK_EVENT_EXIT) {
      S_exit(&w, node);
    }
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  strbuf_free(&w.text);
  free(copy);
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
