/* The one sanitiser for bytes that reach a terminal (stdout or stderr) from
 * input: file names, config keys, pack ids and titles, document text. */
#ifndef DDLINT_TERM_H
#define DDLINT_TERM_H

#include "ddlint.h"
#include "util.h"

#include <stdio.h>

/* Appends s[0..n) to sb with every byte that could drive a terminal shown
 * as '?': C0 controls but tab (and newline unless keep_newline), DEL, C1
 * controls as invalid bytes (0x80 to 0x9F) or encoded (U+0080 to U+009F),
 * and the bidi overrides and isolates (U+202A to U+202E, U+2066 to U+2069). */
void term_sanitize(strbuf *sb, const char *s, size_t n, bool keep_newline);
/* Writes s[0..n) to out through term_sanitize (newlines kept). */
void term_put(FILE *out, const char *s, size_t n);
void term_puts(FILE *out, const char *s);
/* printf to out, the result sanitised (newlines kept). */
void term_printf(FILE *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A sanitised copy of s (newlines too); free with free(). */
char *term_safe(const char *s);
/* One diagnostic line: formats it, sanitises it whole (so a newline from
 * input cannot start a line of its own), writes "./" before a line that would
 * start with "::" (a GitHub workflow command), and ends it with '\n'.
 * term_message writes to stderr; term_append appends to sb. */
void term_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void term_append(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
