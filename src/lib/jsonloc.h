/* JSON texts being loaded (jsonloc.c): located errors
 * "origin:line:col: message" for packs and configs. */
#ifndef DDLINT_JSONLOC_H
#define DDLINT_JSONLOC_H

#include "util.h"

struct cJSON;
/* Byte offset of `node` (a descendant of `root`, parsed from text) or of its
 * key when want_key. Returns 0 when not found. */
size_t jsonloc_offset(const char *text, size_t len, const struct cJSON *root,
                      const struct cJSON *node, bool want_key);
/* Locates many nodes of one text in linear total time when they are asked
 * for in document order: the text is scanned once, and the tree walk and the
 * line count resume where the last lookup stopped (an earlier node restarts
 * them). Free with jsonloc_cursor_free(). */
typedef struct jsonloc_cursor jsonloc_cursor;
jsonloc_cursor *jsonloc_cursor_new(const char *text, size_t len,
                                   const struct cJSON *root);
/* The 1-based line:column of node (or its key); 1:1 when not found. */
void jsonloc_cursor_find(jsonloc_cursor *c, const struct cJSON *node,
                         bool want_key, unsigned *line, unsigned *col);
void jsonloc_cursor_free(jsonloc_cursor *c);
/* Parses text as JSON; a syntax error or text after the value sets *err
 * to "origin:line:col: invalid JSON..." and returns NULL. Free the tree with
 * cJSON_Delete(). */
struct cJSON *json_parse_located(const char *text, size_t len,
                                 const char *origin, char **err);
/* A JSON text being loaded (a pack, a config): what located errors need. */
typedef struct {
  const char *origin, *text;
  size_t len;
  struct cJSON *root; /* owned while loading */
  char *err;          /* the first error, owned until moved to the caller */
  struct jsonloc_cursor *cursor; /* owned, made on first use (a config's
                                    many locations); jsonloc_cursor_free() */
} json_src;
/* Records "origin:line:col: message" for node (or its key) as js->err, on
 * one line, unless an error is already there. Returns false. */
bool json_fail(json_src *js, const struct cJSON *node, bool at_key,
               const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Fails unless obj is an object whose members are all named in allowed
 * (NULL-terminated); the error lists the allowed names. */
bool json_check_fields(json_src *js, const struct cJSON *obj, const char *what,
                       const char *const *allowed);
/* 1-based line and column of offset in text. */
void jsonloc_linecol(const char *text, size_t len, size_t off, unsigned *line,
                     unsigned *col);

#endif
