/* The match stage (match.c, condition.c): the coverage map of a document's
 * sections against the template, computed once per document. It reads the
 * template, never the rules. */
#ifndef DDLINT_MATCH_H
#define DDLINT_MATCH_H

#include "pack.h"

struct lint_ctx;

typedef enum {
  VIA_NONE,
  VIA_HEADING,
  VIA_LABEL,
  VIA_TEXT,
  VIA_ELSEWHERE /* text outside the section's parts */
} found_via;

typedef struct {
  found_via via;
  size_t off, end; /* evidence range */
  bool denied;     /* not found: a subheading or label in the section names it
                      and says it is not there ("**Labels**: TBD", "###
                      Monitoring" over "None is planned"), so no passing
                      mention elsewhere covers it */
} topic_cov;

typedef struct {
  ptrdiff_t section; /* index into outline.sections, or -1 when missing */
  size_t *parts;     /* owned: every matched heading, section first; a
                        template section may be split over several ("8.
                        Online Testing and Deployment", "9. Monitoring") */
  size_t nparts;
  ptrdiff_t near; /* unmatched heading section that nearly matches, or -1 */
  ptrdiff_t off_topic; /* a heading named like the section whose text shows
                          none of it (not taken), or -1 */
  ptrdiff_t passing; /* no heading names it and no subtree says it: the
                        subtree that mentions it most, one item to a
                        paragraph (docs/matching.md, step 7), or -1 */
  unsigned passing_items; /* with passing, in a long document: the subtree
                             shows this many evidence items, too few there
                             (EVIDENCE_LONG_MIN); else 0 */
  double near_score;
  bool empty;      /* matched, but nothing but headings, comments, template
                      bullets or placeholders under it */
  /* with empty: why its text counts as none (a part's text, not nothing) */
  enum {
    EMPTY_BARE,
    EMPTY_SLOGAN,
    EMPTY_DENIED,
    EMPTY_REUSED,
    EMPTY_HANDED
  } empty_why;
  bool by_content; /* no heading names it: `section` is the heading whose
                      subtree shows its evidence */
  size_t label_at;  /* with by_content: where a bold run-in label names it
                       ("**Problem.**"), or 0 */
  bool label_row;   /* ... the label is a table row's first cell
                       ("| Model | gradient-boosted trees |") */
  topic_cov *topics; /* owned, parallel to tmpl_section.topics */
} section_cov;

typedef struct {
  section_cov *sections; /* owned, parallel to pack sections */
  size_t nsections;
  double score;
  /* owned, set by conditions_apply() after matching: per section, whether
   * it is required in this document, and why (the condition that held, in
   * words; NULL for a section required outright); per rule, whether it
   * runs. NULL before. */
  bool *required;
  char **required_why;
  bool *rule_on;
} coverage;
/* condition.c: judges every `required_if` of the pack on ctx's document
 * (matched: ctx->cov is set) and fills cov's required, required_why and
 * rule_on. */
void conditions_apply(struct lint_ctx *ctx, coverage *cov);
/* condition.c: whether pack section s is required in the document of cov. */
bool coverage_required(const coverage *cov, const ddlint_pack *pk, size_t s);

struct lint_ctx;
void match_document(struct lint_ctx *ctx, coverage *cov);
void coverage_free(coverage *cov);

#endif
