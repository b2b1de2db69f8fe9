/* Parsing in pieces (chunk.c, md.c): where a document may be cut, and that
 * the blocks of a document are the same whether it is parsed whole, in the
 * smallest pieces possible, or in pieces on several threads. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

/* Parses text whole and in pieces cut at every possible place (target 1),
 * on one and on three threads, and checks that every block, skip range and
 * comment is the same. Returns the number of cuts made; *kept (if not
 * NULL) is the number of pieces kept (1 after a wrong cut). */
static size_t S_same_in_pieces_kept(const char *text, int line, size_t *kept);
static size_t S_same_in_pieces(const char *text, int line) {
  return S_same_in_pieces_kept(text, line, NULL);
}
static size_t S_same_in_pieces_kept(const char *text, int line,
                                    size_t *kept) {
  source src;
  source_init(&src, "t.md", text, strlen(text));
  md_blocks whole, pieces[2];
  md_parse_pieces(&src, 1, SIZE_MAX, &whole);
  size_t k1 = md_parse_pieces(&src, 1, 1, &pieces[0]);
  if (kept)
    *kept = k1;
  md_parse_pieces(&src, 3, 1, &pieces[1]);
  /* titles are the outline stage's; md_parse leaves them NULL. Computed
   * here so that the blocks' norm and key are compared too. */
  outline_titles(&whole, 1);
  for (int k = 0; k < 2; k++)
    outline_titles(&pieces[k], k ? 3 : 1);
  for (int k = 0; k < 2; k++) {
    const md_blocks *a = &whole, *b = &pieces[k];
    bool same = a->nblocks == b->nblocks && a->nskip == b->nskip &&
                a->ncomments == b->ncomments;
    for (size_t i = 0; same && i < a->nblocks; i++) {
      const block *x = &a->blocks[i], *y = &b->blocks[i];
      same = x->kind == y->kind && x->level == y->level &&
             x->in_list == y->in_list && x->has_content == y->has_content &&
             x->in_quote == y->in_quote && x->bold_line == y->bold_line &&
             x->start == y->start &&
             x->end == y->end;
      const char *const sx[] = {x->text, x->label, x->norm, x->key};
      const char *const sy[] = {y->text, y->label, y->norm, y->key};
      for (int f = 0; f < 4 && same; f++)
        same = (!sx[f] && !sy[f]) ||
               (sx[f] && sy[f] && strcmp(sx[f], sy[f]) == 0);
      if (!same)
        t_check(false, __FILE__, line,
                "block %zu differs (threads %d): kind %d/%d, %zu-%zu/%zu-%zu, "
                "\"%s\"/\"%s\"",
                i, k ? 3 : 1, (int)x->kind, (int)y->kind, x->start, x->end,
                y->start, y->end, x->key ? x->key : "", y->key ? y->key : "");
    }
    for (size_t i = 0; same && i < 2 * a->nskip; i++)
      same = a->skip[i] == b->skip[i];
    for (size_t i = 0; same && i < 2 * a->ncomments; i++)
      same = a->comments[i] == b->comments[i];
    t_check(same, __FILE__, line,
            "pieces differ from the whole (threads %d): %zu/%zu blocks, "
            "%zu/%zu skips, %zu/%zu comments",
            k ? 3 : 1, a->nblocks, b->nblocks, a->nskip, b->nskip,
            a->ncomments, b->ncomments);
    md_blocks_free(&pieces[k]);
  }
  md_blocks_free(&whole);
  chunk_plan plan;
  md_plan_chunks(&src, 1, &plan);
  size_t n = plan.ncuts;
  chunk_plan_free(&plan);
  source_free(&src);
  return n;
}

/* The offsets of the cuts, as "line line ..." for readable checks. */
static char *S_cut_lines(const char *text, size_t target, char **defs_out) {
  source src;
  source_init(&src, "t.md", text, strlen(text));
  chunk_plan plan;
  strbuf out = {0};
  md_plan_chunks(&src, target, &plan);
  for (size_t i = 0; i < plan.ncuts; i++)
    strbuf_printf(&out, "%s%u", i ? " " : "",
                  source_line_of(&src, plan.cuts[i]));
  source_free(&src);
  *defs_out = strbuf_take(&plan.defs);
  chunk_plan_free(&plan);
  return strbuf_take(&out);
}

static void test_chunk_cut_places(void) {
  const char *text = "# T\n"               /* 1: the start is no cut */
                     "\n"                  /* 2 */
                     "## A\n"              /* 3: cut */
                     "text\n"              /* 4 */
                     "## B\n"              /* 5: no blank line before */
                     "\n"                  /* 6 */
                     "```md\n"             /* 7 */
                     "\n"                  /* 8 */
                     "# in fence\n"        /* 9: inside the fence */
                     "```\n"               /* 10 */
                     "\n"                  /* 11 */
                     "<!--\n"              /* 12 */
                     "\n"                  /* 13 */
                     "# in comment\n"      /* 14: inside the comment */
                     "-->\n"               /* 15 */
                     "\n"                  /* 16 */
                     " ## indented\n"      /* 17: not at column 0 */
                     "\n"                  /* 18 */
                     "#hashtag\n"          /* 19: not a heading */
                     "\n"                  /* 20 */
                     "###### Six\n"        /* 21: cut */
                     "\n"                  /* 22 */
                     "[Ref One]: /x\n"     /* 23: a definition */
                     "[ref one]: /y\n"     /* 24: the same label */
                     "para [no]: /z\n"     /* 25: not one */
                     "\n"                  /* 26 */
                     "####### Seven\n"     /* 27: not a heading */
                     "\n"                  /* 28 */
                     "#\n";                /* 29: an empty heading, cut */
  char *defs;
  char *lines = S_cut_lines(text, 1, &defs);
  CHECK_STR(lines, "3 21 29");
  CHECK_STR(defs, "[Ref One]: #\n");
  free(lines);
  free(defs);
  /* pieces of at least 60 bytes: line 3 starts at byte 5, too early */
  lines = S_cut_lines(text, 60, &defs);
  CHECK_STR(lines, "21 29");
  free(lines);
  free(defs);
}

/* Which definitions are defined ahead of every piece, and which lines make
 * the scanner give up cutting (the document is then parsed whole). */
static void test_chunk_definitions(void) {
  static const struct {
    const char *line, *cuts, *defs;
  } cases[] = {
      {"[a]: /u\n", "3", "[a]: #\n"},
      {" [a]: /u\n[b]: /v\ntext\n", "3", "[a]: #\n[b]: #\n"}, /* then text */
      {"[a]: </u v>\n", "3", "[a]: #\n"},
      {"[a]: /u \"t\"\n", "3", "[a]: #\n"},
      {"[a]: /u (t)\n", "3", "[a]: #\n"},
      {"[a]: /f(x)y\n", "3", "[a]: #\n"},  /* balanced parentheses */
      {"[a]: /u)\n", "3", ""},               /* no definition at all */
      {"[a]: /u \"t\n", "", ""},             /* the title may go on */
      {"[a]: /u x\n", "3", ""},               /* text after: no definition */
      {"[a]: /u \"t\" x\n", "3", ""},
      {"[a]:\n", "", ""},                     /* the destination is next */
      {"[a\n", "3", ""},                      /* a blank line: not a label */
      {"[a\nb]: /u\n", "", ""},               /* a label over two lines */
      {"[a\nb](/u) text\n", "3", ""},         /* a link over two lines */
      {"[a\\]b]: /u\n", "3", "[a\\]b]: #\n"},  /* an escape, kept */
      {"[[a] b]: /u\n", "3", ""},              /* a bracket in a label */
      {"> [a]: /u\n", "", ""},                /* in a block quote */
      {"- [a]: /u\n", "", ""},                /* in a list item */
      {"- [a][b]: c\n", "3", ""},             /* a reference link, then ":" */
      {"> [a] b]: c\n", "3", ""},
      {"> [a]: b c\n", "3", ""},              /* no definition in the quote */
      {"text\n[a]: /u\n", "3", ""},          /* in a paragraph: no definition */
      {" # h\n[a]: /u\n", "3", "[a]: #\n"},   /* after an indented heading */
      {"- foo\n[a]: /u\n", "3", ""},         /* a list item's lazy line */
      {"*\n[a]: /u\n", "", ""},              /* after an empty list item */
      {"> # h\n[a]: /u\n", "", ""},          /* after a quoted heading */
      {"    code\n[a]: /u\n", "", ""},       /* after an indented line */
      {"[ ]: /u\n", "3", ""},                 /* an empty label */
      /* after the last line of a comment, an HTML block or a fence: no
       * text goes on from it, the pieces are kept (the RFCs as one file
       * were parsed twice, in pieces and then whole) */
      {"<!-- c -->\n[a]: /u\n", "3", "[a]: #\n"},
      {"<pre>x</pre>\n[a]: /u\n", "3", "[a]: #\n"},
      {"```\nx\n```\n[a]: /u\n", "3", "[a]: #\n"},
      {"<div>\n[a]: /u\n", "3", ""},         /* in the HTML block */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[256];
    snprintf(text, sizeof text, "# A\n\n# B [x][a]\n\n%s\n# C [y][a]\n",
             cases[i].line);
    char *defs;
    char *lines = S_cut_lines(text, 1, &defs);
    /* "# B" is line 3; "# C" comes after the case's lines */
    const char *want = cases[i].cuts;
    char full[32];
    if (*want) {
      unsigned c = 6;
      for (const char *p = cases[i].line; *p; p++)
        c += *p == '\n';
      snprintf(full, sizeof full, "%s %u", want, c);
      want = full;
    }
    t_check(strcmp(lines, want) == 0 && strcmp(defs, cases[i].defs) == 0,
            __FILE__, __LINE__, "case %zu: cuts \"%s\" (want \"%s\"), defs \"%s\"",
            i, lines, want, defs);
    free(lines);
    free(defs);
    size_t kept;
    size_t ncuts = S_same_in_pieces_kept(text, __LINE__, &kept);
    t_check(kept == ncuts + 1, __FILE__, __LINE__,
            "case %zu: %zu cuts but %zu pieces kept", i, ncuts, kept);
  }
}

static void test_chunk_same_blocks(void) {
  /* headings in fences and comments, containers closed by a heading, a
   * reference link whose definition is in a later piece, tables, setext
   * headings, labels and inline comments */
  const char *text =
      "---\ntitle: x\n---\n\n# Title\n\n## Problem Formulation\n\n"
      "See [the spec][spec] and [other].\n\n"
      "```markdown\n# Not a heading\n\n## Also not\n```\n\n"
      "<!--\n# comment heading\n\n## still comment\n-->\n\n"
      "## Success Metrics\n\n> quote\n> ```\n> code\n\n# After quote\n\n"
      "<script>\nx\n\n# inside script\n</script>\n\n"
      "## [Fallback][spec] plan\n\n**Latency:** TODO <!-- x --> here.\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n# Setext\n\nSetext\n======\n\n"
      "- Offline metrics:\n  - AUC\n\n"
      "[spec]: https://example.com\n[other]: https://example.com/o\n";
  size_t n = S_same_in_pieces(text, __LINE__);
  /* before "# Title", "## Problem Formulation", "## Success Metrics",
   * "# After quote", "## [Fallback]...", "# Setext" */
  t_check(n == 6, __FILE__, __LINE__, "%zu cuts", n);
  /* a list item's fence ahead: the scanner takes it for a top-level one
   * and is out of step until "```markdown"'s fence closes; the blocks are
   * still the same */
  strbuf sb = {0};
  strbuf_puts(&sb, "- item\n  ```\n  code\n\n# After list fence\n\n");
  strbuf_puts(&sb, text);
  S_same_in_pieces(sb.data, __LINE__);
  strbuf_free(&sb);
  /* an unclosed fence and an unclosed comment: the scanner makes no cut
   * after them, and the blocks are the same */
  S_same_in_pieces("# A\n\n~~~~\nfence\n\n# in fence\n\n## in fence 2\n",
                   __LINE__);
  S_same_in_pieces("# A\n\n<!--\n\n# in comment\n\n## more\n", __LINE__);
  /* a fence the scanner cannot see (4 spaces in a list item, then lazy
   * lines) and CRLF line endings, a BOM and a NUL byte */
  S_same_in_pieces("\xEF\xBB\xBF# A\r\n\r\n## B\r\n\r\n- x\r\n\r\n    ```\r\n"
                   "\r\n# C\r\n\r\ntext\r\n",
                   __LINE__);
  /* an empty task item: the tasklist extension takes "[x]", and the
   * definition-like line after it is a definition, which a later piece
   * needs (fuzz_chunks, tests/fuzz/regressions) */
  S_same_in_pieces("# h\n- [x] \n[r]: /u\n\n# x\n\n#u [r]:;<\n", __LINE__);
  /* ... and a definition right after a task item's marker, in the item
   * (the CI's fuzz_chunks run on ea4ae39) */
  S_same_in_pieces("- [x] [r]:u\n\n# [r]", __LINE__);
}

/* A cut the scanner gets wrong is caught after the parse: the piece before
 * it ends in an open block, and the rest is parsed whole. Here the scanner
 * takes the list item's fence for a top-level one, and so the real
 * top-level fence (line 5) for its closing line. */
static void test_chunk_wrong_cut_recovers(void) {
  const char *text = "- a\n  ```\n  x\n# H1\n```\ncode\n\n# H2\n\nmore\n```\n";
  char *defs;
  char *lines = S_cut_lines(text, 1, &defs);
  CHECK_STR(lines, "8"); /* wrong: "# H2" is inside the fence */
  free(lines);
  free(defs);
  size_t kept;
  S_same_in_pieces_kept(text, __LINE__, &kept);
  CHECK_INT(kept, 1); /* parsed again whole */
  S_same_in_pieces("# A\n\n<?php\n\n# inside\n\n## inside too\n", __LINE__);
  S_same_in_pieces("# A\n\n<div>\n\n# after div\n", __LINE__);
  S_same_in_pieces("# A\n\n<![CDATA[\n\n# in cdata\n]]>\n\n# out\n",
                   __LINE__);
  /* a definition-like line inside a setext heading's text (found by the
   * CI's 60-second fuzz_chunks run) */
  S_same_in_pieces("#[\n<scripti\n[y]:B\n-\n\n#", __LINE__);
  /* a definition after a fence in a quote: the scanner reads ">R" as text
   * and "[y]:e" as its continuation, but a fence takes no lazy line, so
   * cmark closes the quote and reads a definition that "#[y]:" uses
   * (fuzz_chunks run 14) */
  S_same_in_pieces(">```\n>R\n[y]:e\n\n#\n#[y]:", __LINE__);
  /* ... and when a line of text follows the definition, cmark's paragraph
   * starts at the definition: it still covers the line (fuzz run 18) */
  S_same_in_pieces("A[y]:\n\n#\n>```\n>e\n[y]:A\nB", __LINE__);
}

/* cmark-gfm gives the paragraph that a table interrupts no position; its
 * block is placed, empty, where the table starts, so that blocks stay in
 * source order (they were once placed at the start of the document). */
static void test_chunk_paragraph_before_table(void) {
  doc d;
  doc_open(&d, "# T\n\n### H\n\nline one\nline two\n| a | b |\n|---|---|\n"
               "| 1 | 2 |\n\nafter\n");
  ptrdiff_t t = doc_find_kind(&d, BLOCK_TABLE);
  if (t_check(t > 0, __FILE__, __LINE__, "a table")) {
    const block *p = &d.mb.blocks[t - 1], *tb = &d.mb.blocks[t];
    CHECK_INT(p->kind, BLOCK_PARAGRAPH);
    CHECK_INT(p->start, tb->start);
    CHECK_INT(p->end, tb->start);
    CHECK_INT(doc_line(&d, tb->start), 5);
  }
  for (size_t i = 1; i < d.mb.nblocks; i++)
    t_check(d.mb.blocks[i - 1].start <= d.mb.blocks[i].start, __FILE__,
            __LINE__, "block %zu starts before block %zu", i, i - 1);
  doc_close(&d);
  S_same_in_pieces("# T\n\n### H\n\nline one\nline two\n| a | b |\n"
                   "|---|---|\n\n# U\n\nx\n| a |\n|---|\n",
                   __LINE__);
}

/* A one-column table needs no "|" ("Name" over ":--"): the table
 * extension is left out only where neither a "|" nor a ":" beside a dash
 * occurs, and that is decided for the whole document, not per piece. */
static void test_chunk_table_without_pipes(void) {
  doc d;
  doc_open(&d, "# T\n\nName\n:--\nx\n");
  CHECK(doc_find_kind(&d, BLOCK_TABLE) >= 0);
  doc_close(&d);
  doc_open(&d, "# T\n\nName\n---\nx\n"); /* a setext heading */
  CHECK(doc_find_kind(&d, BLOCK_TABLE) < 0);
  CHECK_INT(d.ol.nsections, 2);
  doc_close(&d);
  S_same_in_pieces("---\nk: v\n:--\n\n# A\n\n| x |\n", __LINE__);
}

/* No extension with inline syntax is attached: cmark-gfm 0.29 keeps their
 * start characters in global tables that each parse sets and clears, so
 * parses on two threads raced ("~" went missing from strikethrough). A
 * heading keeps its tildes; parsing many times on 2 threads gives the same
 * text every time. */
static void test_chunk_no_inline_extensions(void) {
  doc d;
  doc_open(&d, "# T\n\n## ~~Old~~ plan www.example.com\n");
  CHECK_STR(doc_heading(&d, 1), "~~Old~~ plan www.example.com");
  doc_close(&d);
  strbuf sb = {0};
  for (int i = 0; i < 200; i++)
    strbuf_printf(&sb, "## ~~S%d~~ a~b ~c~\n\ntext ~~x~~\n\n", i);
  source src;
  source_init(&src, "t.md", sb.data, sb.len);
  md_blocks whole;
  md_parse_pieces(&src, 1, SIZE_MAX, &whole);
  bool same = true;
  for (int k = 0; k < 20 && same; k++) {
    md_blocks p;
    md_parse_pieces(&src, 2, 64, &p);
    for (size_t i = 0; same && i < whole.nblocks && i < p.nblocks; i++)
      same = !whole.blocks[i].text ||
             strcmp(whole.blocks[i].text, p.blocks[i].text) == 0;
    md_blocks_free(&p);
  }
  CHECK(same);
  md_blocks_free(&whole);
  source_free(&src);
  strbuf_free(&sb);
}

/* Whether two parses have the same blocks, by kind and span. */
static bool S_same_spans(const md_blocks *a, const md_blocks *b) {
  bool same = a->nblocks == b->nblocks;
  for (size_t i = 0; same && i < a->nblocks; i++)
    same = a->blocks[i].start == b->blocks[i].start &&
           a->blocks[i].end == b->blocks[i].end &&
           a->blocks[i].kind == b->blocks[i].kind;
  return same;
}

static void test_chunk_short_pieces(void) {
  /* about 300 KiB without link definitions: pieces of about 64 KiB */
  strbuf sb = {0};
  for (int i = 0; sb.len < (300 << 10); i++)
    strbuf_printf(&sb,
                  "## Part %d\n\nPlain text about part %d, with *emphasis*."
                  "\n\n- a list item\n- and another\n\n", i, i);
  char *text = strbuf_take(&sb);
  source src;
  source_init(&src, "t.md", text, strlen(text));
  md_blocks whole, pieces;
  md_parse_pieces(&src, 1, SIZE_MAX, &whole);
  size_t npieces = md_parse(&src, 2, &pieces);
  CHECK(npieces >= 4 && npieces <= 5);
  CHECK(S_same_spans(&whole, &pieces));
  md_blocks_free(&whole);
  md_blocks_free(&pieces);
  source_free(&src);
  free(text);
  /* under 128 KiB: whole */
  source_init(&src, "t.md", "# T\n\ntext\n", strlen("# T\n\ntext\n"));
  CHECK_INT(md_parse(&src, 2, &pieces), 1);
  md_blocks_free(&pieces);
  source_free(&src);
}

static void test_chunk_large_document(void) {
  /* a generated document of about 600 KiB, parsed in pieces by default */
  strbuf sb = {0};
  for (int i = 0; sb.len < (600 << 10); i++)
    strbuf_printf(&sb,
                  "## Section %d\n\nSome *text* with a [link][r%d] and "
                  "`code`.\n\n```\n# not %d\n```\n\n<!-- c %d\n\n# no\n-->\n"
                  "\n| x | y |\n|---|---|\n| %d | 2 |\n\n[r%d]: /u\n\n",
                  i, i + 1, i, i, i, i);
  char *text = strbuf_take(&sb);
  source src;
  source_init(&src, "t.md", text, strlen(text));
  md_blocks whole, pieces;
  md_parse_pieces(&src, 1, SIZE_MAX, &whole);
  /* in pieces by default, each at least 16 times the labels' text */
  size_t npieces = md_parse(&src, 2, &pieces);
  CHECK_INT(pieces.nblocks, whole.nblocks);
  CHECK_INT(pieces.nskip, whole.nskip);
  CHECK(S_same_spans(&whole, &pieces));
  chunk_plan plan;
  md_plan_chunks(&src, 64 << 10, &plan);
  CHECK(plan.ncuts >= 1);
  CHECK(npieces >= 1 && npieces <= src.len / (16 * plan.defs.len) + 1);
  CHECK(npieces < plan.ncuts + 1); /* the labels made the pieces longer */
  chunk_plan_free(&plan);
  md_blocks_free(&whole);
  md_blocks_free(&pieces);
  source_free(&src);
  free(text);
}

void suite_chunk(void) {
  RUN(test_chunk_cut_places);
  RUN(test_chunk_definitions);
  RUN(test_chunk_same_blocks);
  RUN(test_chunk_wrong_cut_recovers);
  RUN(test_chunk_paragraph_before_table);
  RUN(test_chunk_table_without_pipes);
  RUN(test_chunk_no_inline_extensions);
  RUN(test_chunk_short_pieces);
  RUN(test_chunk_large_document);
}
