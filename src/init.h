/* `ddlint init`: a new document skeleton from a pack. */
#ifndef DDLINT_INIT_H
#define DDLINT_INIT_H

#include "internal.h"

/* The skeleton for a document at path: a title from the file name, then
 * every section (##) and topic (###) of the pack with its guidance as an
 * HTML comment. Free with free(). */
char *init_skeleton(const ddlint_pack *pack, const char *path);

#endif
