/* Documents made of several files, for the CLI: whether a folder is one
 * document, and its parts in order (docs/documents.md). */
#ifndef DDLINT_DOCPARTS_H
#define DDLINT_DOCPARTS_H

#include <stdbool.h>
#include <stddef.h>

/* A folder linted as one document. Owns its strings. */
typedef struct {
  char *dir;    /* the folder, as given or walked */
  char **parts; /* part paths in reading order; a named part may not exist */
  size_t nparts;
  bool has_index;     /* parts[0] is the folder's README.md / index.md */
  size_t *named_at;   /* per part: byte offset of its link in the index,
                         or SIZE_MAX */
  const char **owner; /* per part: the earlier document it is a part of
                         (borrowed from that one), or NULL; set by the CLI */
} doc_spec;

/* Whether dir is one document, and its parts in *out (free with
 * doc_spec_free()). Without `declared` (by --document or a config), a
 * folder is a document when its index lists `parts:` in front matter or
 * when it holds at least two numbered chapters, or plainly named chapters
 * its index links; with `records` (the folder's pack sets "record_parts"),
 * also when its index links two numbered records or more and every
 * Markdown file in it (a design written as a decision log). */
bool doc_detect(const char *dir, bool declared, bool records, doc_spec *out);
void doc_spec_free(doc_spec *d);

#endif
