/* The md stage (md.c, chunk.c): a document's leaf blocks, in source order.
 * md.c is the only file that includes cmark-gfm. */
#ifndef DDLINT_MD_H
#define DDLINT_MD_H

#include "source.h"

typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CODE,
  BLOCK_HTML,    /* an HTML block with something besides comments */
  BLOCK_COMMENT, /* an HTML block made only of comments */
  BLOCK_TABLE,
  BLOCK_BREAK /* thematic break */
} block_kind;

/* One leaf block of the document, in source order. Owns its strings. md
 * fills in all but norm and key, which the outline stage computes
 * (outline_titles()) from text or label. The label is found here, not
 * there, because it depends on cmark's tree (a paragraph's leading strong
 * emphasis, its list item), and keeping each paragraph's text (up to 256
 * bytes) until then would not fit the memory target of a 100 MB document
 * (docs/performance.md, target 4: about 30 MB to spare). */
typedef struct {
  /* small fields packed: a 100 MB document has about a million blocks */
  unsigned char kind;  /* a block_kind */
  unsigned char level; /* heading level 1..6, else 0 */
  bool in_list;        /* paragraph that opens a list item */
  bool nested;         /* ... of a list inside another list's item */
  bool has_content;    /* label: text follows it, or more blocks in its item */
  bool in_quote;       /* inside a block quote (someone else's words) */
  bool closes_toggle;  /* HTML block that opens with "</details>" */
  bool item_title; /* paragraph that opens an outer list item, a label of
                      one line and nothing else, over a list nested in the
                      item: "- ▸ **Data**" over "  - Fourteen months of ..." */
  bool bold_line; /* paragraph of one line that is all strong emphasis, in
                     no list or quote, not ending with a colon: "**Q: How
                     good is it?**", not "**Use Cases:**" */
  unsigned char made; /* heading: 0 from the source, else a BLOCK_MADE_*
                         (outline_untitled(); no anchor, no line its own) */
  size_t start, end; /* byte range [start, end) in the source */
  char *text;        /* heading: its plain text; an HTML block that opens a
                        toggle, its title (the outline makes it a heading);
                        else NULL */
  char *label;       /* paragraph: its label (`**Use Case**:`, `- Data:`) */
  char *norm;        /* title_normalize(text or label), or NULL (outline) */
  char *key;         /* title_key(norm), or NULL (outline) */
} block;

/* Headings the outline stage makes where the source has none. */
enum {
  BLOCK_MADE_TITLE = 1,
  BLOCK_MADE_RUN_IN = 2,
  BLOCK_MADE_PART = 3,
  BLOCK_MADE_BOLD = 4, /* a bold line over a section's part */
  BLOCK_MADE_TOGGLE = 5, /* a toggle's <summary> over its text */
  BLOCK_MADE_ITEM = 6    /* an outline's item title over its nested list */
};

/* All blocks of a document plus the byte ranges that are not prose. */
typedef struct {
  block *blocks; /* owned */
  size_t nblocks;
  size_t *skip;     /* owned; sorted [start, end) pairs: code, comments */
  size_t nskip;     /* number of pairs */
  size_t *comments; /* owned; [start, end) pairs of every HTML comment */
  size_t ncomments;
  /* static: why the document was not parsed (PARSE_MEMORY_ERROR or
   * PARSE_BLOCKS_ERROR; then no blocks), else NULL */
  const char *refused;
} md_blocks;

/* The memory cmark-gfm may take to parse one piece of a document (the whole
 * of a small one); a document with a piece that needs more is not linted
 * (md_parse). */
#ifndef PARSE_MEMORY_MAX /* the fuzz harnesses set 64 MiB, to reach it */
#define PARSE_MEMORY_MAX ((size_t)1 << 30)
#endif
#define PARSE_MEMORY_ERROR                                                     \
  "parsing it needs more than 1 GiB of memory (cmark-gfm makes a node of "     \
  "about 100 to 300 bytes for each table cell, list item, heading, "           \
  "paragraph and emphasis; GFM fills short table rows up to the header's "     \
  "columns); see docs/bad-input.md"
/* The blocks (headings, paragraphs, list items, table rows, ...) a document
 * may have: ddlint keeps about 250 bytes for each. */
#define PARSE_BLOCKS_MAX 4000000u
#define PARSE_BLOCKS_ERROR                                                     \
  "it has more than 4,000,000 blocks (headings, paragraphs, list items, "      \
  "table rows), which would need gigabytes of memory; see docs/bad-input.md"

/* Registers cmark-gfm's extensions, once (pthread_once): md_parse() calls
 * it, so no caller needs to. */
void md_init(void);
/* Parses src (skipping front matter) into blocks. Fails only when
 * cmark-gfm needs more than PARSE_MEMORY_MAX for a piece or the document
 * has more than PARSE_BLOCKS_MAX blocks (out->refused says which; no
 * blocks). A large document is parsed in pieces (chunk.c), on up to
 * `threads` threads; the blocks are the same whatever the pieces. Returns
 * the number of pieces whose blocks were kept, as md_parse_pieces(). */
size_t md_parse(const source *src, unsigned threads, md_blocks *out);
/* md_parse() with pieces of about `target` bytes (SIZE_MAX: whole), for
 * tests and the fuzz harness that compare the two. Returns the number of
 * pieces whose blocks were kept (1 when parsed whole, also after a wrong
 * cut). */
size_t md_parse_pieces(const source *src, unsigned threads, size_t target,
                       md_blocks *out);

void md_blocks_free(md_blocks *mb);
/* A run of backticks in a block's text, for finding its code spans. */
typedef struct {
  size_t at, len; /* a run of backticks */
  size_t close;   /* index of the next run of the same length, or SIZE_MAX */
} tick_run;
/* The backtick runs of text [start, end) in *out (free with free()), each
 * with the next run of its length: a span opened by a run closes there.
 * With escapes, a backslash makes the character after it text (outside a
 * span, as CommonMark has it; a backslash just before a span's closing run
 * is then missed). Linear but for a sort. Returns the number of runs. */
size_t md_tick_runs(const char *t, size_t start, size_t end, bool escapes,
                    tick_run **out);

/* ---- chunk.c: where a large document can be cut into pieces. ---- */
/* Where src can be cut: byte offsets about `target` bytes apart, each the
 * start of an ATX heading after a blank line, outside fenced code and HTML
 * blocks; and the link reference definitions every piece needs. No cuts
 * where the scanner cannot be sure of them. */
typedef struct {
  size_t *cuts; /* owned */
  size_t ncuts;
  strbuf defs;    /* "[label]: #" lines, one per label */
  size_t *def_at; /* owned: offsets of the definition lines read */
  size_t ndefs;
  /* owned: offsets of definition-like lines the scanner put in a fenced
   * code or HTML block (so read no definition from) */
  size_t *in_block_at;
  size_t nin_block;
  /* owned: offsets of definition-like lines the scanner read as a
   * paragraph's text (so read no definition from) */
  size_t *in_text_at;
  size_t nin_text;
} chunk_plan;
void md_plan_chunks(const source *src, size_t target, chunk_plan *plan);
void chunk_plan_free(chunk_plan *plan);

#endif
