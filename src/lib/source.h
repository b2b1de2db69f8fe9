/* The source stage (source.c): a document's bytes, its line map, front
 * matter and UTF-8 check. Locations everywhere are byte offsets into it;
 * they become line:column only through source_position(). */
#ifndef DDLINT_SOURCE_H
#define DDLINT_SOURCE_H

#include "util.h"

/* Owns a copy of the document bytes (NUL-terminated) and its line map. */
typedef struct {
  char *path; /* owned */
  char *text; /* owned, len bytes plus a NUL */
  size_t len;
  size_t *line_starts; /* owned; byte offset of each line's first byte */
  size_t nlines;
  size_t bom;             /* 3 when the text starts with a UTF-8 BOM, else 0 */
  size_t body_start;      /* first byte after the BOM and front matter */
  size_t frontmatter_end; /* 0 when there is no front matter */
  size_t invalid_utf8; /* offset of the first invalid UTF-8 byte, or SIZE_MAX */
} source;

/* The longest prefix of s[0..n) of at most max bytes that does not split a
 * UTF-8 sequence. */
size_t utf8_cut(const char *s, size_t n, size_t max);
/* The first occurrence of needle (NUL-terminated, not empty) in the n bytes
 * at hay, or NULL. */
const char *bytes_find(const char *hay, size_t n, const char *needle);
/* Whether a line (without its ending) could be part of YAML front matter:
 * "key: value", a comment, a list item, an indented continuation or blank. */
bool frontmatter_line_ok(const char *s, size_t n);
/* The end of the YAML front matter opening at from (after a BOM): the
 * offset just past its closing fence's line, or 0 when there is none. Front
 * matter is a "---" line, a first YAML line right after it that is not
 * blank, lines frontmatter_line_ok() takes, and a closing "---" or "...";
 * a document that opens with a thematic break and later has one is not
 * taken for front matter. The one scanner: source_init() and
 * ddlint_frontmatter_value() both use it. */
size_t frontmatter_end(const char *t, size_t len, size_t from);
void source_init(source *src, const char *path, const char *buf, size_t len);
/* source_init() taking text (len bytes and a NUL, from malloc) instead of a
 * copy of it. */
void source_init_owned(source *src, const char *path, char *text, size_t len);
void source_free(source *src);
/* 1-based line and code-point column of a byte offset. */
void source_position(const source *src, size_t off, unsigned *line,
                     unsigned *col);
/* 1-based line of a byte offset (no column: cheap). */
unsigned source_line_of(const source *src, size_t off);
/* Code points in [from, to) of one line: a valid sequence counts one, and so
 * does an invalid byte (the reporters write it as U+FFFD). */
unsigned source_columns(const source *src, size_t from, size_t to);
/* Byte offset of a 1-based (line, byte column) pair, clamped to the text. */
size_t source_offset(const source *src, unsigned line, unsigned col);
/* The line containing off: [*start, *end) without the line ending. */
void source_line_bounds(const source *src, size_t off, size_t *start,
                        size_t *end);

/* Reading whole files (source_read_file(), source_read_fd()), UTF-8
 * sequence lengths and line lookup are in util.h (readfile.c). */

#endif
