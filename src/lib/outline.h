/* The outline stage (outline.c): the titles of a document's blocks (the
 * normalised heading text or label and its key) and the section tree of its
 * headings. */
#ifndef DDLINT_OUTLINE_H
#define DDLINT_OUTLINE_H

#include "md.h"

/* One heading and the span it governs; `block` indexes its heading block in
 * the md_blocks it was built from, which must outlive it. */
typedef struct {
  size_t block; /* index of the heading block */
  int level;
  int rank; /* 2 * level, plus 1 for a sub-numbered heading nested under
               the numbered sibling before it */
  size_t start;      /* heading start offset */
  size_t body_start; /* first byte after the heading */
  size_t end;        /* start of the next heading of the same or higher level */
  size_t first_block, end_block; /* blocks in [start, end) */
  ptrdiff_t parent;              /* index in sections, or -1 */
  bool is_title;                 /* the single leading H1 */
} section;

typedef struct {
  section *sections; /* owned, in document order */
  size_t nsections;
} outline;

/* Fills in norm and key (title.h) of every heading, from its text, and of
 * every labelled paragraph, from its label; md leaves them NULL. Blocks
 * whose norm is set are left alone. On up to `threads` threads for a
 * document of many blocks. outline_build() calls it; a caller that wants
 * the titles without the tree calls it alone. */
void outline_titles(md_blocks *mb, unsigned threads);
/* The section tree of mb's headings, after outline_titles(mb, threads): a
 * heading whose norm is empty (a bare "##") neither opens nor closes a
 * section. It first turns bold lines that set out a section's parts into
 * headings (docs/matching.md, "The section tree"): it rewrites those
 * blocks' kind, level and text in mb. Free with outline_free(). */
void outline_build(md_blocks *mb, size_t doc_len, unsigned threads,
                   outline *out);
/* The section whose own text (up to its first subheading) holds offset off:
 * the last one starting at or before it; -1 before the first heading. */
ptrdiff_t outline_section_at(const outline *ol, size_t off);
/* The text of the heading outline_untitled() makes. */
#define OUTLINE_UNTITLED "(the text, which has no heading)"
/* ... and of the parts its thematic breaks divide it into (an email
 * thread's messages, a deck's slides), from the second on. */
#define OUTLINE_PART "(part %zu of the text)"
/* In a section of a document with headings, paragraphs that open with a
 * bold run-in label ("**The model.** Three gradient-boosted ...", three or
 * more in the section's own text, before its first subheading) are its
 * parts: each label becomes a heading one level below the section's (made
 * BLOCK_MADE_RUN_IN), as outline_untitled() does for a memo with no
 * heading. Rewrites mb and rebuilds ol when it finds any. */
void outline_run_ins(md_blocks *mb, const char *text, size_t doc_len,
                     outline *ol);
/* A document with content but no heading at all (a memo, an email, a
 * thread) gets one: an untitled title over the whole text, a heading block
 * of no bytes where its text starts, put first in mb; and where two or
 * more of its paragraphs open with a bold run-in label ("**Why.** ..."),
 * those labels are headings of level 2 under it; else, where thematic
 * breaks divide it into three parts or more, each part after a break is a
 * section of level 2 (docs/matching.md, "The section tree"). Rewrites mb (block kinds, starts, and label strings
 * moved into the new headings) and rebuilds ol; text is the source. */
void outline_untitled(md_blocks *mb, const char *text, size_t doc_len,
                      outline *ol);
/* A document whose only heading is its title, or none, written as a
 * numbered outline in a Markdown list whose sub-numbers are no list ("1.
 * Purpose" over "   1.1. Patrons ...", three such items or more): each
 * item's title line becomes a heading of level 2 (BLOCK_MADE_RUN_IN) over
 * the rest of its item. Rewrites mb and rebuilds ol when it does. */
void outline_numbered_items(md_blocks *mb, const char *text, size_t doc_len,
                            outline *ol);
/* A document whose only heading is its title (an email thread exported
 * under "# Design notes (email thread)", a deck under its title slide):
 * where thematic breaks divide it into three parts or more, each part
 * after a break is a section of level 2 under the title, as
 * outline_untitled() does for a text with no heading. Rewrites mb and
 * rebuilds ol when it does. */
void outline_title_parts(md_blocks *mb, size_t doc_len, outline *ol);
/* A document with no title whose first heading comes after 40 words of
 * prose or more (an interview transcript whose first answer frames the
 * problem, a wiki page whose title is outside its text) gets a title over
 * that text, OUTLINE_PREAMBLE, as outline_untitled() gives a text with no
 * heading one: what the opening says is then found in it. */
#define OUTLINE_PREAMBLE "(the text before the first heading)"
void outline_preamble(md_blocks *mb, const char *text, size_t doc_len,
                      outline *ol);
void outline_free(outline *ol);

#endif
