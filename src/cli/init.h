/* `ddlint init`: a new document skeleton from a pack. */
#ifndef DDLINT_INIT_H
#define DDLINT_INIT_H

#include "ddlint.h"
#include "util.h"

/* The skeleton for a document at path: front matter naming template_ref
 * (`ddlint-template:`, so that linting it later picks the same template;
 * none when NULL), a title from the file name, then every section (##) and
 * topic (###) of the pack with its guidance as an HTML comment. Free with
 * free(). */
char *init_skeleton(const ddlint_pack *pack, const char *path,
                    const char *template_ref);

/* The skeleton of a document made of several files in folder dir: an
 * index (README.md; with template_ref, its front matter names it) linking to one chapter file per template section
 * (NN_title.md, its topics as ## headings). Returns the number of files;
 * *names (relative to dir) and *texts are parallel, each string and both
 * arrays freed with free(). */
size_t init_parts(const ddlint_pack *pack, const char *dir,
                  const char *template_ref, char ***names, char ***texts);

#endif
