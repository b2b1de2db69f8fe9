/* A lint result (result.c): what a document's run keeps once its blocks and
 * outline are gone, and the engine's entry points (engine.c). */
#ifndef DDLINT_RESULT_H
#define DDLINT_RESULT_H

#include "document.h"
#include "match.h"
#include "md.h"

struct lint_ctx;

/* ---- engine.c ---- */
struct ddlint_result;
/* The stages after parsing, on r (its pack, source and, for a document,
 * parts set): outline, match, rules, suppressions, then result_finish().
 * Takes the blocks (frees them and zeroes *mb). */
void lint_blocks(struct ddlint_result *r, md_blocks *mb,
                 const ddlint_options *opts);
/* ddlint_lint_buffer_opts() on text (len bytes and a NUL, from malloc) that
 * the result takes, so that a large document is not copied. */
ddlint_result *lint_owned_buffer(const ddlint_pack *pack, const char *path,
                                 char *text, size_t len,
                                 const ddlint_options *opts);

/* ---- result.c ---- */
struct ddlint_result {
  const ddlint_pack *pack; /* borrowed: must outlive the result */
  const char *error; /* static: why it was not linted (then as if empty) */
  source src;              /* owned */
  struct ddlint_diag *diags;
  size_t ndiags;
  coverage cov;            /* owned */
  char **section_headings; /* owned: matched heading text per section */
  unsigned *section_lines;
  size_t *section_start, *section_end; /* owned: heading start, span end */
  int *section_level;                  /* owned: heading level, 0 missing */
  unsigned char *section_made; /* owned: its heading's BLOCK_MADE_* (0:
                                * a heading in the source) */
  int title_level; /* the title H1's level (1), or 0 without a title */
  unsigned **topic_lines;
  const char ***topic_via; /* owned arrays of static strings */
  /* owned: code_block_spans() of the document, which fix never inserts in
   * (ddlint_result_code_block_span()) */
  size_t *code_spans;
  size_t ncode_spans;
  /* owned, per section: where a broken fence hides its heading (fix then
   * adds none), else SIZE_MAX */
  size_t *section_hidden;
  /* owned, per section: the heading that nearly names a missing required
   * section ("Sucess Metrix"), which fix renames; start SIZE_MAX if none */
  struct near_heading {
    size_t start, end; /* the heading's start, its section's end */
    int level;
  } *section_near;
  /* a document of several files: its parts (owned), else NULL and 0; the
   * coverage lines above are then lines of the part named by *_part */
  doc_part *parts;
  size_t nparts;
  size_t *section_part;  /* owned, per section (SIZE_MAX: missing) */
  size_t **topic_part;   /* owned, per section and topic */
  const char *only_file; /* borrowed while a config applies to one file */
  bool index;            /* parts[0] is the document's index */
};
/* result.c: finishes r from the engine's context (its outline, blocks and
 * coverage, which r does not keep): takes the n findings (sorted), gives
 * them their file and line:column, and keeps what the coverage accessors
 * and fix need. */
void result_finish(struct ddlint_result *r, const struct lint_ctx *ctx,
                   struct ddlint_diag *diags, size_t n);

#endif
