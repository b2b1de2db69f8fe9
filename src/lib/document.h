/* A document made of several files (document.c): its parts, and the
 * built-in rules of a document (missing-part, shared-part). */
#ifndef DDLINT_DOCUMENT_H
#define DDLINT_DOCUMENT_H

#include "ddlint.h"
#include "source.h"

/* One part of a document result. The result's source is the parts'
 * bytes joined (each followed by a blank line, so that no line runs across
 * two parts); a part's own source keeps its line map for reports. */
typedef struct doc_part {
  source src;   /* owned: the part's bytes (empty when unreadable) */
  size_t base;  /* offset of its first byte in the joined text */
  bool missing; /* could not be read */
  char *error;  /* owned: why, or NULL */
  char *owner;  /* owned: the document it was linted in instead, or NULL */
  size_t named_in, named_at; /* where it is named (SIZE_MAX: nowhere) */
} doc_part;
/* Bytes joined after each part in the document's text. */
#define DOC_PART_GAP 2
/* The part holding joined offset off (a gap belongs to the part before). */
size_t doc_part_of(const struct doc_part *parts, size_t nparts, size_t off);
/* document.c: findings about the parts (missing, unreadable, shared, invalid
 * UTF-8), before suppressions apply. */
struct lint_ctx;
void document_report(struct lint_ctx *ctx);
/* document.c: the built-in rule of a document with this id (missing-part,
 * shared-part), or NULL; for --explain. */
const ddlint_rule *document_rule_find(const char *id);
/* document.c: the rule a finding, a suppression or a setting may name: the
 * pack's rule with this id (ddlint_pack_find_rule()), else a document's
 * built-in one (document_rule_find()), else NULL. */
const ddlint_rule *rule_find(const ddlint_pack *pk, const char *id);

#endif
