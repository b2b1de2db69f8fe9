/* md.c + outline.c: blocks, labels and skip ranges, and the section tree
 * built from them (levels, parents, spans, the title), with line numbers
 * mapped back to the original file. */
#include "test.h"

/* Checks section i: level, parent, heading text and heading line. */
static void S_check_section(const doc *d, size_t i, int level, ptrdiff_t parent,
                            const char *text, unsigned line, int at) {
  if (!t_check(i < d->ol.nsections, __FILE__, at, "no section %zu (only %zu)",
               i, d->ol.nsections))
    return;
  const section *s = &d->ol.sections[i];
  const char *h = doc_heading(d, i);
  t_check(s->level == level, __FILE__, at, "section %zu level %d, expected %d",
          i, s->level, level);
  t_check(s->parent == parent, __FILE__, at,
          "section %zu parent %td, expected %td", i, s->parent, parent);
  t_check(h && strcmp(h, text) == 0, __FILE__, at,
          "section %zu text \"%s\", expected \"%s\"", i, h ? h : "(null)",
          text);
  t_check(doc_line(d, s->start) == line, __FILE__, at,
          "section %zu starts on line %u, expected %u", i,
          doc_line(d, s->start), line);
  t_check(d->mb.blocks[s->block].kind == BLOCK_HEADING, __FILE__, at,
          "section %zu's block is not a heading", i);
}
#define CHECK_SECTION(d, i, level, parent, text, line)                         \
  S_check_section((d), (i), (level), (parent), (text), (line), __LINE__)

static const char ATX_DOC[] = "# Title\n"     /* 1 */
                              "\n"            /* 2 */
                              "Intro text.\n" /* 3 */
                              "\n"            /* 4 */
                              "## Problem\n"  /* 5 */
                              "\n"            /* 6 */
                              "Text.\n"       /* 7 */
                              "\n"            /* 8 */
                              "### Detail\n"  /* 9 */
                              "\n"            /* 10 */
                              "More.\n"       /* 11 */
                              "\n"            /* 12 */
                              "## Metrics\n"  /* 13 */
                              "\n"            /* 14 */
                              "#### Deep\n"   /* 15 */
                              "Last.\n";      /* 16 */

static void S_check_atx(const doc *d) {
  CHECK_INT(d->ol.nsections, 5);
  CHECK_SECTION(d, 0, 1, -1, "Title", 1);
  CHECK_SECTION(d, 1, 2, 0, "Problem", 5);
  CHECK_SECTION(d, 2, 3, 1, "Detail", 9);
  CHECK_SECTION(d, 3, 2, 0, "Metrics", 13);
  CHECK_SECTION(d, 4, 4, 3, "Deep", 15);
  if (d->ol.nsections != 5)
    return;
  const section *s = d->ol.sections;
  CHECK(s[0].is_title);
  CHECK(!s[1].is_title && !s[3].is_title);
  /* a section ends where the next heading of its level or higher starts */
  CHECK_INT(s[0].end, d->src.len);
  CHECK_INT(s[1].end, s[3].start);
  CHECK_INT(s[2].end, s[3].start);
  CHECK_INT(s[3].end, d->src.len);
  CHECK_INT(s[4].end, d->src.len);
  /* the body starts after the heading line, on the same line */
  CHECK_INT(doc_line(d, s[1].body_start), 5);
  CHECK(s[1].body_start > s[1].start);
  CHECK_INT(doc_line(d, s[1].end), 13);
  /* the blocks of "Problem" run up to the "Metrics" heading block */
  CHECK_INT(s[1].first_block, s[1].block + 1);
  CHECK_INT(s[1].end_block, s[3].block);
  CHECK_INT(s[4].end_block, d->mb.nblocks);
}

static void test_atx(void) {
  doc d;
  doc_open(&d, ATX_DOC);
  S_check_atx(&d);
  doc_close(&d);
}

static void test_crlf(void) {
  /* the same document with CRLF line endings: same lines */
  char buf[sizeof ATX_DOC * 2];
  size_t n = 0;
  for (const char *p = ATX_DOC; *p; p++) {
    if (*p == '\n')
      buf[n++] = '\r';
    buf[n++] = *p;
  }
  buf[n] = '\0';
  doc d;
  doc_open(&d, buf);
  S_check_atx(&d);
  if (d.ol.nsections == 5) {
    /* the heading text has no stray \r */
    CHECK_STR(doc_heading(&d, 1), "Problem");
    CHECK_INT(d.ol.sections[1].start,
              (size_t)(strstr(buf, "## Problem") - buf));
  }
  doc_close(&d);
}

static void test_lone_cr(void) {
  doc d;
  doc_open(&d, "# T\r\rtext\r\r## A\r\rmore\r");
  CHECK_INT(d.ol.nsections, 2);
  CHECK_SECTION(&d, 0, 1, -1, "T", 1);
  CHECK_SECTION(&d, 1, 2, 0, "A", 5);
  doc_close(&d);
}

static void test_title(void) {
  doc d;
  /* two H1s: neither is the title */
  doc_open(&d, "# One\n\ntext\n\n# Two\n\ntext\n");
  CHECK_INT(d.ol.nsections, 2);
  CHECK(d.ol.nsections == 2 && !d.ol.sections[0].is_title &&
        !d.ol.sections[1].is_title);
  CHECK_SECTION(&d, 1, 1, -1, "Two", 5);
  doc_close(&d);

  /* content before the H1: not a title */
  doc_open(&d, "Preamble.\n\n# Title\n\n## A\n");
  CHECK(d.ol.nsections == 2 && !d.ol.sections[0].is_title);
  doc_close(&d);

  /* a comment or a thematic break before it does not count as content */
  doc_open(&d, "<!-- guidance -->\n\n---\n\n# Title\n\n## A\n");
  CHECK(d.ol.nsections == 2 && d.ol.sections[0].is_title);
  doc_close(&d);

  /* a single H1 that is not the first heading is not the title */
  doc_open(&d, "## A\n\n# Late\n");
  CHECK(d.ol.nsections == 2 && !d.ol.sections[0].is_title &&
        !d.ol.sections[1].is_title);
  doc_close(&d);

  /* no H1 at all */
  doc_open(&d, "## A\n\ntext\n\n## B\n");
  CHECK_INT(d.ol.nsections, 2);
  CHECK_SECTION(&d, 0, 2, -1, "A", 1);
  CHECK_SECTION(&d, 1, 2, -1, "B", 5);
  doc_close(&d);
}

static void test_setext(void) {
  doc d;
  doc_open(&d, "Title\n"      /* 1 */
               "=====\n"      /* 2 */
               "\n"           /* 3 */
               "Problem\n"    /* 4 */
               "-------\n"    /* 5 */
               "\n"           /* 6 */
               "Some text.\n" /* 7 */
               "\n"           /* 8 */
               "Two line\n"   /* 9 */
               "heading\n"    /* 10 */
               "---\n");      /* 11 */
  CHECK_INT(d.ol.nsections, 3);
  CHECK_SECTION(&d, 0, 1, -1, "Title", 1);
  CHECK_SECTION(&d, 1, 2, 0, "Problem", 4);
  CHECK_SECTION(&d, 2, 2, 0, "Two line heading", 9);
  if (d.ol.nsections == 3) {
    CHECK(d.ol.sections[0].is_title);
    /* the body starts after the underline, before the next block */
    CHECK(doc_line(&d, d.ol.sections[1].body_start) >= 5);
    CHECK(d.ol.sections[1].body_start <= doc_offset_of(&d, "Some text."));
    CHECK_INT(doc_line(&d, d.ol.sections[2].body_start), 11);
  }
  doc_close(&d);
}

/* Regression test for a fixed bug (src/lib/md.c, S_add_block): cmark-gfm
 * reports the end of a setext heading as the end of the line after its
 * underline. When a paragraph follows the underline directly (no blank line),
 * the heading block, and so the section's body_start, swallow that paragraph:
 * body_start lands on line 3 instead of line 2, and the paragraph's text is
 * never searched for topics (see test_setext_body_searched in test_rules.c). */
static void test_setext_followed_by_text(void) {
  doc d;
  doc_open(&d, "Problem\n"           /* 1 */
               "-------\n"           /* 2 */
               "Some text here.\n"); /* 3 */
  CHECK_INT(d.ol.nsections, 1);
  CHECK_SECTION(&d, 0, 2, -1, "Problem", 1);
  ptrdiff_t p = doc_find_kind(&d, BLOCK_PARAGRAPH);
  CHECK(p >= 0);
  if (d.ol.nsections == 1 && p >= 0) {
    const section *s = &d.ol.sections[0];
    const block *h = &d.mb.blocks[s->block];
    CHECK_INT(doc_line(&d, d.mb.blocks[p].start), 3);
    CHECK_INT(doc_line(&d, h->end), 2);
    CHECK(s->body_start <= d.mb.blocks[p].start);
  }
  doc_close(&d);
}

/* "1. Summary" over a rule of "-" (or "=") is a numbered heading to its
 * author and to a reader; cmark-gfm reads a one-item list and a thematic
 * break (a list item whose paragraph goes on with "===="). Lists that are
 * lists stay lists. */
static void test_numbered_setext(void) {
  doc d;
  doc_open(&d, "RFC-7: Cache warming\n" /* 1 */
               "====================\n" /* 2 */
               "\n"                     /* 3 */
               "1. Summary\n"           /* 4 */
               "----------\n"           /* 5 */
               "\n"                     /* 6 */
               "Warm the cache.\n"      /* 7 */
               "\n"                     /* 8 */
               "2) Motivation\n"        /* 9 */
               "=============\n"        /* 10 */
               "\n"                     /* 11 */
               "Cold starts hurt.\n"    /* 12 */
               "\n"                     /* 13 */
               "### 2.1 Detail\n"       /* 14 */
               "\n"                     /* 15 */
               "Text.\n");              /* 16 */
  CHECK_INT(d.ol.nsections, 4);
  CHECK_SECTION(&d, 0, 1, -1, "RFC-7: Cache warming", 1);
  CHECK_SECTION(&d, 1, 2, 0, "1. Summary", 4);
  CHECK_SECTION(&d, 2, 1, -1, "2) Motivation", 9);
  CHECK_SECTION(&d, 3, 3, 2, "2.1 Detail", 14);
  size_t nbreak = 0;
  for (size_t i = 0; i < d.mb.nblocks; i++)
    nbreak += d.mb.blocks[i].kind == BLOCK_BREAK;
  CHECK_INT(nbreak, 0); /* the underline is the heading's, not a rule */
  if (d.ol.nsections == 4)
    CHECK_INT(doc_line(&d, d.mb.blocks[d.ol.sections[1].block].end), 5);
  doc_close(&d);

  /* a list of two items, a blank line before the rule, "- - -", a
   * bullet list, a list inside a quote: no heading */
  doc_open(&d, "1. one\n2. two\n---\n\n1. alone\n\n---\n\n"
               "1. spaced\n- - -\n\n"
               "- bullet\n---\n\n> 1. quoted\n> ---\n");
  CHECK_INT(d.ol.nsections, 0);
  doc_close(&d);
}

/* Bold lines of their own that set out a section's parts (a Q&A under its
 * title, "**Data**" and "**Model**" under "## Design") are headings one
 * level below it; a single bold line, a bold sentence, a bold label
 * ending with a colon ("**Use cases:**" over a list), a bold run-in label,
 * a bold list item and a bold line in a quote are not. */
/* A heading that is a section number alone, or a range of them, closes
 * the section before it ("## 4-8." over what is not written yet); a bare
 * "##" and a date do not ("#### 2024-02-08" entries of a notebook). */
static void test_number_only_headings(void) {
  doc d;
  doc_open(&d, "# T\n\n## 3. Metrics\n\n_to write_\n\n" /* 1-5 */
               "## 4-8.\n\nNot started.\n");              /* 7-9 */
  CHECK_INT(d.ol.nsections, 3);
  CHECK_SECTION(&d, 2, 2, 0, "4-8.", 7);
  doc_close(&d);
  doc_open(&d, "# T\n\n## Notes\n\n#### 2024-02-08\n\nText.\n");
  CHECK_INT(d.ol.nsections, 2);
  doc_close(&d);
}

/* A toggle ("<details><summary>Model</summary>" alone in its HTML block)
 * is a heading one level below the heading before it; one with text in
 * its block, one in a list, or one that wraps a heading is not. */
static void test_toggles(void) {
  doc d;
  doc_open(&d, "# T\n\n## Data\n\nCounts.\n\n"              /* 1-5 */
               "<details>\n<summary><b>Model</b></summary>\n\n" /* 7-9 */
               "TBD\n\n</details>\n\n"                       /* 10-13 */
               "<details open>\n<summary>Monitoring &amp; rollout</summary>\n"
               "\nA shadow week.\n\n</details>\n\n## Risks\n\nFew.\n");
  CHECK_INT(d.ol.nsections, 5);
  CHECK_SECTION(&d, 2, 3, 1, "Model", 7);
  CHECK_SECTION(&d, 3, 3, 1, "Monitoring & rollout", 14);
  CHECK_SECTION(&d, 4, 2, 0, "Risks", 21);
  if (d.ol.nsections == 5)
    CHECK_INT(d.mb.blocks[d.ol.sections[2].block].made, BLOCK_MADE_TOGGLE);
  doc_close(&d);
  doc_open(&d, "# T\n\n<details><summary>Model</summary>\nA GBDT.\n</details>\n\n"
               "- <details><summary>Data</summary>\n\n"
               "<details>\n<summary>Wrapper</summary>\n\n## Model\n\nText.\n");
  CHECK_INT(d.ol.nsections, 2);
  doc_close(&d);
  /* text after the last toggle's "</details>" is its section's, not the
   * toggle's: such a run stays as it is */
  doc_open(&d, "# T\n\n## Architecture\n\n<details>\n<summary>Out of scope"
               "</summary>\n\nAttachments.\n\n</details>\n\nA scoring "
               "service calls the model server.\n");
  CHECK_INT(d.ol.nsections, 2);
  doc_close(&d);
  /* an empty toggle is an empty section; "</SUMMARY>" in any case */
  doc_open(&d, "# T\n\n## Data\n\n<details>\n<SUMMARY>Model</SUMMARY>\n\n"
               "</details>\n");
  CHECK_INT(d.ol.nsections, 3);
  CHECK_SECTION(&d, 2, 3, 1, "Model", 5);
  doc_close(&d);
}

/* The number of sections of the document before + body + after. */
static size_t S_sections_with(const char *before, const char *body,
                              const char *after) {
  char *text = xasprintf("%s%s%s", before, body, after);
  doc d;
  doc_open(&d, text);
  size_t n = d.ol.nsections;
  doc_close(&d);
  free(text);
  return n;
}

/* A document written as an outline: under its title, three or more outer
 * items whose one line is a short title over a nested list of sentences
 * are headings one level below the title ("- ▸ **Data**"); a template's
 * skeleton (titles over topic names), two titles, the same title twice
 * and such items under a section's heading are not. */
static void test_outline_items(void) {
  doc d;
  const char *body =
      "- ▸ **Problem**\n    - Parcels wait four days for a grader after "
      "every holiday.\n"                                     /* 3-4 */
      "- **Data**\n    - Fourteen months of grading records from the "
      "warehouse system.\n"                                  /* 5-6 */
      "- Model:\n    - A gradient-boosted classifier over the reason text "
      "and the photos.\n"                                    /* 7-8 */
      "- **Rollout**\n    - One warehouse in shadow for two weeks, then "
      "all of them.\n";                                      /* 9-10 */
  char *text = xasprintf("# Returns\n\n%s", body);
  doc_open(&d, text);
  CHECK_INT(d.ol.nsections, 5);
  CHECK_SECTION(&d, 1, 2, 0, "Problem", 3);
  CHECK_SECTION(&d, 2, 2, 0, "Data", 5);
  CHECK_SECTION(&d, 3, 2, 0, "Model", 7);
  CHECK_SECTION(&d, 4, 2, 0, "Rollout", 9);
  if (d.ol.nsections == 5)
    CHECK_INT(d.mb.blocks[d.ol.sections[2].block].made, BLOCK_MADE_ITEM);
  doc_close(&d);
  free(text);
  /* under "## Design": its topics, not parts; nor over a heading below
   * (a status block above a document's sections) */
  CHECK_INT(S_sections_with("# Returns\n\n## Design\n\n", body, ""), 2);
  CHECK_INT(S_sections_with("# Returns\n\n", body,
                            "\n## Appendix\n\nTables.\n"),
            2);
  /* nor fields over a memo's paragraphs */
  CHECK_INT(S_sections_with("# Returns\n\n", body,
                            "\nGraders open every returned parcel to decide "
                            "what happens to it, which takes six minutes.\n\n"
                            "We propose to score each parcel at the dock and "
                            "send only the uncertain ones to a grader's "
                            "queue.\n"),
            1);
  /* ... but a summary and a status line before it and a decision asked
   * for after it are the outline's own (a Notion page) */
  CHECK_INT(S_sections_with("# Returns\n\n**Summary:** a model that scores "
                            "each returned parcel at the dock so graders "
                            "only see the uncertain ones.\n\nOwner: "
                            "returns analytics; partners: three warehouses; "
                            "status: draft for the ops review.\n\n", body,
                            "\n**Decision needed:** approve the shadow "
                            "warehouse and the two weeks of grader time it "
                            "takes.\n"),
            5);
  /* ... not a paragraph between its titles */
  {
    char *split = xasprintf("# Returns\n\n- ▸ **Problem**\n    - Parcels "
                            "wait four days for a grader after every "
                            "holiday.\n\nWe looked at this twice before and "
                            "both times the graders were the ones who asked "
                            "us to stop.\n\nAnd the warehouse managers "
                            "agreed with them at the time, for reasons we "
                            "still think were good ones.\n\n%s",
                            body + strlen("- ▸ **Problem**\n    - Parcels "
                                          "wait four days for a grader after "
                                          "every holiday.\n"));
    doc_open(&d, split);
    CHECK_INT(d.ol.nsections, 1);
    doc_close(&d);
    free(split);
  }
  /* a skeleton: titles over the names of their topics */
  doc_open(&d, "# T\n\n1. Problem\n    * Use case\n    * Constraints\n"
               "2. Metrics\n    * Offline metrics\n3. Data\n    * Sources\n");
  CHECK_INT(d.ol.nsections, 1);
  doc_close(&d);
  /* three titles or fewer; the same title in every item (a field) */
  doc_open(&d, "# T\n\n- **Data**\n    - Fourteen months of grading records "
               "from the warehouse system.\n- **Model**\n    - A gradient-"
               "boosted classifier over the reason text and the photos.\n");
  CHECK_INT(d.ol.nsections, 1);
  doc_close(&d);
  doc_open(&d, "# T\n\n- **Owner**\n    - Ana looks after the grading "
               "service and its weekly retraining job.\n- **Owner**\n    - "
               "Ben looks after the dock scanners and their firmware and "
               "batteries.\n- **Owner**\n    - Chi looks after the photo "
               "store and its retention rules and costs.\n");
  CHECK_INT(d.ol.nsections, 1);
  doc_close(&d);
}

static void test_bold_lines(void) {
  doc d;
  doc_open(&d, "# Spam filter: Q&A\n"             /* 1 */
               "\n"                               /* 2 */
               "**Q: What are we building?**\n"   /* 3 */
               "\n"                               /* 4 */
               "A filter for new senders.\n"      /* 5 */
               "\n"                               /* 6 */
               "- **Not a heading**\n"            /* 7 */
               "\n"                               /* 8 */
               "> **Nor this**\n"                 /* 9 */
               "\n"                               /* 10 */
               "**Runs in.** Text goes on.\n"     /* 11 */
               "\n"                               /* 12 */
               "**Q: How is it served?**\n"       /* 13 */
               "\n"                               /* 14 */
               "Behind the message API.\n");      /* 15 */
  CHECK_INT(d.ol.nsections, 3);
  CHECK_SECTION(&d, 0, 1, -1, "Spam filter: Q&A", 1);
  CHECK_SECTION(&d, 1, 2, 0, "Q: What are we building", 3);
  CHECK_SECTION(&d, 2, 2, 0, "Q: How is it served", 13);
  doc_close(&d);

  /* under a heading of its own: one level below it ("## Design", then
   * "**Data**" and "**Model**" over their text) */
  doc_open(&d, "# T\n\n## Design\n\n**Data**\n\nText.\n\n" /* 1-7 */
               "**Model**\n\nText.\n\n## Rollout\n\nText.\n"); /* 9-15 */
  CHECK_INT(d.ol.nsections, 5);
  CHECK_SECTION(&d, 1, 2, 0, "Design", 3);
  CHECK_SECTION(&d, 2, 3, 1, "Data", 5);
  CHECK_SECTION(&d, 3, 3, 1, "Model", 9);
  CHECK_SECTION(&d, 4, 2, 0, "Rollout", 13);
  doc_close(&d);
  /* a numbered bold question after a deeper heading inside the answer
   * before it is that answer's sibling, not the deeper heading's part */
  doc_open(&d, "# FAQ\n\n**Q1. Why build a spam filter?**\n\nA filter.\n\n"
               "**Q2. Which signals go in?**\n\nSee below.\n\n"     /* 7-9 */
               "#### Inputs (TODO)\n\n- a\n\n"                       /* 11-13 */
               "**Q3. Which model scores calls?**\n\nA tree.\n");     /* 15-17 */
  CHECK_INT(d.ol.nsections, 5);
  CHECK_SECTION(&d, 2, 2, 0, "Q2. Which signals go in", 7);
  CHECK_SECTION(&d, 3, 4, 2, "Inputs (TODO)", 11);
  CHECK_SECTION(&d, 4, 2, 0, "Q3. Which model scores calls", 15);
  doc_close(&d);
  /* a parenthesis after the bold text qualifies its name: a bold line
   * too ("**Checked so far** (March to May)"); not text that goes on
   * after it */
  doc_open(&d, "## Design\n\n**Data**\n\nText.\n\n"                /* 1-5 */
               "**Checked so far** (March to May, two sites)\n\n- a\n\n" /* 7-9 */
               "**Model** (see below) is a tree.\n\nText.\n");       /* 11-13 */
  CHECK_INT(d.ol.nsections, 3);
  CHECK_SECTION(&d, 2, 3, 0, "Checked so far", 7);
  doc_close(&d);
  /* not after a label closed by '.' or ':' (review of d2df453): a run-in
   * label whose text is in parentheses, a label over a list */
  doc_open(&d, "## Design\n\n**Data**\n\nText.\n\n"                 /* 1-5 */
               "**Features:** (planned for v2)\n\n- a\n\n"            /* 7-9 */
               "**Model**\n\nText.\n");                               /* 11-13 */
  CHECK_INT(d.ol.nsections, 3);
  CHECK_SECTION(&d, 2, 3, 0, "Model", 11);
  doc_close(&d);
  /* a bold line over a comment alone is an empty part ("**Features**"
   * over the "<!-- ... -->" that fix writes), not a paragraph that leaves
   * its comment to the part before */
  doc_open(&d, "## Design\n\n**Data**\n\nText.\n\n**Features**\n\n" /* 1-7 */
               "<!-- TODO -->\n\n**Model**\n\nText.\n");            /* 8-12 */
  CHECK_INT(d.ol.nsections, 4);
  CHECK_SECTION(&d, 2, 3, 0, "Features", 7);
  CHECK_INT(d.mb.blocks[d.ol.sections[2].block].made, BLOCK_MADE_BOLD);
  doc_close(&d);
  /* one bold line in a section, bold sentences, bold lines over nothing
   * or over another bold line: no headings */
  doc_open(&d, "# T\n\n**Only one**\n\nText.\n\n## A\n\n"
               "**Do not deploy on Fridays.**\n\nText.\n\n"
               "**Nor on Saturdays!**\n\nText.\n\n## B\n\n**One**\n\n"
               "**Two**\n\n**Three**\n\n## C\n\nText.\n\n"
               "**Use cases:**\n\n- one\n\n**Limits:**\n\n- two\n");
  CHECK_INT(d.ol.nsections, 4);
  doc_close(&d);
  /* bold lines in a list item's later paragraphs; bold lines whose title
   * normalises to nothing ("**Step 1**"); a bold run longer than the text
   * kept for labels, which may go on: no headings */
  doc_open(&d, "## Steps\n\n- step one\n\n  **Data**\n\n  we read\n\n"
               "- step two\n\n  **Model**\n\n  a gbdt\n\n## A\n\n"
               "**Step 1**\n\nx\n\n**Step 2**\n\ny\n");
  CHECK_INT(d.ol.nsections, 2);
  doc_close(&d);
  char longer[2048] = "## B\n\n";
  for (int k = 0; k < 2; k++) {
    strcat(longer, "**");
    for (int w = 0; w < 10; w++)
      strcat(longer, "abcdefghijklmnopqrstuvwxyzabc ");
    strcat(longer, "end** goes on as a sentence\n\ntext\n\n");
  }
  doc_open(&d, longer);
  CHECK_INT(d.ol.nsections, 1);
  doc_close(&d);
}

static void test_not_headings(void) {
  doc d;
  doc_open(&d, "## Real\n"             /* 1 */
               "\n"                    /* 2 */
               "```\n"                 /* 3 */
               "# not a heading\n"     /* 4 */
               "## nor this\n"         /* 5 */
               "```\n"                 /* 6 */
               "\n"                    /* 7 */
               "~~~python\n"           /* 8 */
               "# a comment\n"         /* 9 */
               "~~~\n"                 /* 10 */
               "\n"                    /* 11 */
               "    # indented code\n" /* 12 */
               "\n"                    /* 13 */
               "<div>\n"               /* 14 */
               "# inside html\n"       /* 15 */
               "</div>\n"              /* 16 */
               "\n"                    /* 17 */
               "## After\n");          /* 18 */
  CHECK_INT(d.ol.nsections, 2);
  CHECK_SECTION(&d, 0, 2, -1, "Real", 1);
  CHECK_SECTION(&d, 1, 2, -1, "After", 18);
  size_t ncode = 0, nhtml = 0;
  for (size_t i = 0; i < d.mb.nblocks; i++) {
    ncode += d.mb.blocks[i].kind == BLOCK_CODE;
    nhtml += d.mb.blocks[i].kind == BLOCK_HTML;
  }
  CHECK_INT(ncode, 3);
  CHECK_INT(nhtml, 1);
  doc_close(&d);
}

static void test_front_matter_lines(void) {
  doc d;
  doc_open(&d, "---\n"              /* 1 */
               "# a YAML comment\n" /* 2 */
               "title: Design\n"    /* 3 */
               "---\n"              /* 4 */
               "\n"                 /* 5 */
               "# Title\n"          /* 6 */
               "\n"                 /* 7 */
               "## Problem\n"       /* 8 */
               "text\n");           /* 9 */
  /* the YAML comment is no heading; lines are the file's own */
  CHECK_INT(d.ol.nsections, 2);
  CHECK_SECTION(&d, 0, 1, -1, "Title", 6);
  CHECK_SECTION(&d, 1, 2, 0, "Problem", 8);
  CHECK(d.ol.nsections == 2 && d.ol.sections[0].is_title);
  /* the front matter is a skip range and holds no block */
  CHECK(doc_skipped(&d, 0, d.src.frontmatter_end));
  CHECK(d.mb.nblocks > 0 && d.mb.blocks[0].start >= d.src.frontmatter_end);
  doc_close(&d);

  /* front matter with CRLF */
  doc_open(&d, "---\r\na: b\r\n---\r\n## A\r\n");
  CHECK_INT(d.ol.nsections, 1);
  CHECK_SECTION(&d, 0, 2, -1, "A", 4);
  doc_close(&d);

  /* an unclosed fence is a thematic break, and what follows is content */
  doc_open(&d, "---\n## A\ntext\n");
  CHECK_INT(d.ol.nsections, 1);
  CHECK_SECTION(&d, 0, 2, -1, "A", 2);
  CHECK(doc_find_kind(&d, BLOCK_BREAK) == 0);
  doc_close(&d);
}

static void test_bom_heading(void) {
  doc d;
  doc_open(&d, "\xEF\xBB\xBF# Title\n\n## A\n\ntext\n");
  CHECK_INT(d.ol.nsections, 2);
  CHECK_SECTION(&d, 0, 1, -1, "Title", 1);
  CHECK_SECTION(&d, 1, 2, 0, "A", 3);
  if (d.ol.nsections == 2)
    CHECK_INT(d.ol.sections[0].start, 3); /* after the BOM */
  doc_close(&d);
}

/* Regression test for a fixed bug (src/lib/md.c, md_parse): the BOM is blanked
 * to three spaces before cmark sees the text, so a first line indented by one
 * space after a BOM gets four spaces of indentation and becomes an indented
 * code block. cmark itself (and the file without its BOM) reads " # Title" as a
 * heading, and docs/matching.md says "A UTF-8 BOM is ignored". */
static void test_bom_indent(void) {
  doc d;
  doc_open(&d, "\xEF\xBB\xBF # Title\n\ntext\n");
  CHECK_INT(d.ol.nsections, 1);
  CHECK(doc_find_kind(&d, BLOCK_CODE) < 0);
  doc_close(&d);
}

static void test_heading_text(void) {
  doc d;
  doc_open(&d, "## **Model Design**\n"
               "\n"
               "## The `foo` [API](http://example.com) *now*\n"
               "\n"
               "## 2) Metrics (Offline and Online) ##\n"
               "\n"
               "## Data &amp; Labels\n");
  CHECK_INT(d.ol.nsections, 4);
  CHECK_SECTION(&d, 0, 2, -1, "Model Design", 1);
  CHECK_SECTION(&d, 1, 2, -1, "The foo API now", 3);
  CHECK_SECTION(&d, 2, 2, -1, "2) Metrics (Offline and Online)", 5);
  CHECK_SECTION(&d, 3, 2, -1, "Data & Labels", 7);
  if (d.ol.nsections == 4) {
    CHECK_STR(d.mb.blocks[d.ol.sections[0].block].norm, "model design");
    CHECK_STR(d.mb.blocks[d.ol.sections[2].block].norm, "metrics");
    CHECK_STR(d.mb.blocks[d.ol.sections[3].block].norm, "data and labels");
  }
  doc_close(&d);
}

/* md leaves the titles to the outline stage; a heading whose title is
 * empty neither opens nor closes a section. */
static void test_titles(void) {
  const char *text = "## Goals\n\n##\n\n**Use Case**: x\n\n### B\n\ntext\n";
  source src;
  source_init(&src, "t.md", text, strlen(text));
  md_blocks mb;
  md_parse(&src, 1, &mb);
  for (size_t i = 0; i < mb.nblocks; i++)
    CHECK(mb.blocks[i].norm == NULL && mb.blocks[i].key == NULL);
  outline ol;
  outline_build(&mb, src.len, 1, &ol);
  CHECK_INT(mb.nblocks, 5);
  if (mb.nblocks == 5) {
    CHECK_STR(mb.blocks[0].key, "goal");
    CHECK_STR(mb.blocks[1].norm, ""); /* the bare "##" */
    CHECK_STR(mb.blocks[2].norm, "use case");
    CHECK_STR(mb.blocks[3].norm, "b");
    CHECK_STR(mb.blocks[4].norm, NULL);
  }
  CHECK_INT(ol.nsections, 2);
  if (ol.nsections == 2) {
    CHECK_INT(ol.sections[0].end, src.len); /* "##" did not close it */
    CHECK_INT(ol.sections[1].parent, 0);
  }
  outline_free(&ol);
  md_blocks_free(&mb);
  source_free(&src);
}

/* On several threads (more blocks than one task takes) the titles are
 * those of one thread. */
static void test_titles_threads(void) {
  strbuf sb = {0};
  for (int i = 0; i < 6000; i++)
    strbuf_printf(&sb, "## %d) Goals (v%d)\n\n- Data %d: x\n\n", i, i, i);
  source src;
  source_init(&src, "t.md", sb.data, sb.len);
  md_blocks one, many;
  md_parse(&src, 1, &one);
  md_parse(&src, 1, &many);
  outline_titles(&one, 1);
  outline_titles(&many, 4);
  bool same = one.nblocks == many.nblocks && one.nblocks > 8192;
  for (size_t i = 0; same && i < one.nblocks; i++)
    same = one.blocks[i].norm && many.blocks[i].norm &&
           strcmp(one.blocks[i].norm, many.blocks[i].norm) == 0 &&
           strcmp(one.blocks[i].key, many.blocks[i].key) == 0;
  CHECK(same);
  md_blocks_free(&one);
  md_blocks_free(&many);
  source_free(&src);
  strbuf_free(&sb);
}

static void test_nested_headings(void) {
  doc d;
  doc_open(&d, "## Outer\n"         /* 1 */
               "\n"                 /* 2 */
               "- ### In a list\n"  /* 3 */
               "  text\n"           /* 4 */
               "\n"                 /* 5 */
               "> ### In a quote\n" /* 6 */
               "\n"                 /* 7 */
               "###### Six\n"       /* 8 */
               "## Next\n");        /* 9 */
  CHECK_INT(d.ol.nsections, 5);
  CHECK_SECTION(&d, 0, 2, -1, "Outer", 1);
  CHECK_SECTION(&d, 1, 3, 0, "In a list", 3);
  CHECK_SECTION(&d, 2, 3, 0, "In a quote", 6);
  CHECK_SECTION(&d, 3, 6, 2, "Six", 8);
  CHECK_SECTION(&d, 4, 2, -1, "Next", 9);
  doc_close(&d);
}

static void test_labels(void) {
  doc d;
  doc_open(&d, "## S\n"
               "\n"
               "**Use Case**: recommend videos to viewers.\n"
               "\n"
               "- Data sources: logs\n"
               "- This item is a full sentence that ends.\n"
               "\n"
               "* Offline metrics\n"
               "  * AUC\n"
               "\n"
               "We will build a ranking model that serves recommendations to "
               "users in real time.\n"
               "\n"
               "This sentence is long and has more than six words: yes.\n"
               "\n"
               "First sentence. Then: x\n");
  ptrdiff_t b = doc_find_label(&d, "Use Case");
  CHECK(b >= 0);
  if (b >= 0) {
    CHECK(d.mb.blocks[b].kind == BLOCK_PARAGRAPH);
    CHECK(!d.mb.blocks[b].in_list);
    CHECK_STR(d.mb.blocks[b].norm, "use case");
    CHECK_INT(doc_line(&d, d.mb.blocks[b].start), 3);
  }
  b = doc_find_label(&d, "Data sources");
  CHECK(b >= 0);
  if (b >= 0) {
    CHECK(d.mb.blocks[b].in_list);
    CHECK_STR(d.mb.blocks[b].norm, "data sources");
    CHECK_INT(doc_line(&d, d.mb.blocks[b].start), 5);
  }
  b = doc_find_label(&d, "Offline metrics");
  CHECK(b >= 0);
  if (b >= 0)
    CHECK_INT(doc_line(&d, d.mb.blocks[b].start), 8);
  /* the long paragraphs and the sentence-like list item have no label */
  for (size_t i = 0; i < d.mb.nblocks; i++) {
    const block *bl = &d.mb.blocks[i];
    unsigned line = doc_line(&d, bl->start);
    if (line == 6 || line == 11 || line == 13 || line == 15)
      t_check(bl->label == NULL && bl->norm == NULL, __FILE__, __LINE__,
              "block on line %u has label \"%s\"", line,
              bl->label ? bl->label : "");
  }
  doc_close(&d);
}

static void test_skip_ranges(void) {
  const char *t = "## S\n"
                  "\n"
                  "```\n"
                  "TBD in code\n"
                  "```\n"
                  "\n"
                  "<!-- a comment\n"
                  "over two lines -->\n"
                  "\n"
                  "Prose with an <!-- inline --> comment.\n"
                  "\n"
                  "<div>\n"
                  "html prose\n"
                  "</div>\n";
  doc d;
  doc_open(&d, t);
  ptrdiff_t code = doc_find_kind(&d, BLOCK_CODE);
  ptrdiff_t comment = doc_find_kind(&d, BLOCK_COMMENT);
  ptrdiff_t html = doc_find_kind(&d, BLOCK_HTML);
  CHECK(code >= 0 && comment >= 0 && html >= 0);
  size_t code_at = doc_offset_of(&d, "TBD in code");
  size_t com_at = doc_offset_of(&d, "over two lines");
  size_t inl_at = doc_offset_of(&d, "<!-- inline -->");
  size_t prose_at = doc_offset_of(&d, "Prose with");
  size_t html_at = doc_offset_of(&d, "html prose");
  if (code >= 0) {
    const block *b = &d.mb.blocks[code];
    CHECK(b->start <= code_at && code_at < b->end);
    CHECK(doc_skipped(&d, b->start, b->end));
  }
  if (comment >= 0) {
    const block *b = &d.mb.blocks[comment];
    CHECK_INT(doc_line(&d, b->start), 7);
    CHECK(b->start <= com_at && com_at < b->end);
    CHECK(doc_skipped(&d, b->start, b->end));
  }
  CHECK(doc_skipped(&d, code_at, code_at + 11));
  CHECK(doc_skipped(&d, inl_at, inl_at + strlen("<!-- inline -->")));
  CHECK(!doc_skipped(&d, prose_at, prose_at + 4));
  CHECK(
      !doc_skipped(&d, html_at, html_at + 4)); /* HTML with content is prose */
  /* skip ranges are sorted and disjoint */
  for (size_t i = 0; i < d.mb.nskip; i++) {
    CHECK(d.mb.skip[2 * i] < d.mb.skip[2 * i + 1]);
    if (i)
      CHECK(d.mb.skip[2 * i - 1] < d.mb.skip[2 * i]);
  }
  /* blocks come in source order */
  for (size_t i = 1; i < d.mb.nblocks; i++)
    CHECK(d.mb.blocks[i - 1].start < d.mb.blocks[i].start);
  doc_close(&d);
}

static void test_comment_block_kinds(void) {
  doc d;
  doc_open(&d, "<!-- one --> <!-- two -->\n\n<!-- x --><b>y</b>\n\n");
  CHECK(d.mb.nblocks == 2);
  if (d.mb.nblocks == 2) {
    CHECK(d.mb.blocks[0].kind == BLOCK_COMMENT);
    CHECK(d.mb.blocks[1].kind == BLOCK_HTML);
  }
  doc_close(&d);

  /* an unclosed comment runs to the end of the document */
  doc_open(&d, "## A\n\n<!-- never closed\n\n## not a heading\n");
  CHECK_INT(d.ol.nsections, 1);
  CHECK(doc_find_kind(&d, BLOCK_COMMENT) >= 0);
  doc_close(&d);
}

static void test_table_and_break(void) {
  doc d;
  doc_open(&d, "## A\n\n| k | v |\n|---|---|\n| a | b |\n\n***\n\ntext\n");
  CHECK(doc_find_kind(&d, BLOCK_TABLE) >= 0);
  CHECK(doc_find_kind(&d, BLOCK_BREAK) >= 0);
  CHECK(doc_find_kind(&d, BLOCK_PARAGRAPH) >= 0);
  ptrdiff_t t = doc_find_kind(&d, BLOCK_TABLE);
  if (t >= 0) {
    CHECK_INT(doc_line(&d, d.mb.blocks[t].start), 3);
    CHECK(d.mb.blocks[t].label == NULL);
  }
  doc_close(&d);
}

static void test_empty_document(void) {
  doc d;
  doc_open(&d, "");
  CHECK_INT(d.mb.nblocks, 0);
  CHECK_INT(d.ol.nsections, 0);
  doc_close(&d);
}

void suite_outline(void) {
  RUN(test_atx);
  RUN(test_crlf);
  RUN(test_lone_cr);
  RUN(test_title);
  RUN(test_setext);
  RUN(test_setext_followed_by_text);
  RUN(test_numbered_setext);
  RUN(test_bold_lines);
  RUN(test_number_only_headings);
  RUN(test_toggles);
  RUN(test_outline_items);
  RUN(test_not_headings);
  RUN(test_front_matter_lines);
  RUN(test_bom_heading);
  RUN(test_bom_indent);
  RUN(test_heading_text);
  RUN(test_titles);
  RUN(test_titles_threads);
  RUN(test_nested_headings);
  RUN(test_labels);
  RUN(test_skip_ranges);
  RUN(test_comment_block_kinds);
  RUN(test_table_and_break);
  RUN(test_empty_document);
}
