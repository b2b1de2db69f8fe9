/* The terminal sanitiser: every byte from input on its way to a terminal
 * passes here, in the reporters, the coverage table and stderr messages, so
 * a document, a file name or a pack cannot move the cursor, retitle the
 * window, reorder a line or inject a GitHub workflow command. */
#include "term.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static bool S_hostile(unsigned cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

void term_sanitize(strbuf *sb, const char *s, size_t n, bool keep_newline) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned char c = u[i];
    if (c < 0x80) {
      bool ok =
          c >= 0x20 ? c != 0x7F : c == '\t' || (keep_newline && c == '\n');
      strbuf_putc(sb, ok ? (char)c : '?');
      i++;
      continue;
    }
    size_t len = utf8_valid_len(u + i, n - i);
    if (!len) { /* invalid: a raw C1 byte is CSI and kin to an 8-bit
                   terminal; other bytes are printable there and stay */
      strbuf_putc(sb, c <= 0x9F ? '?' : (char)c);
      i++;
      continue;
    }
    unsigned cp = len == 2   ? (c & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu)
                  : len == 3 ? (c & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 |
                                   (u[i + 2] & 0x3Fu)
                             : 0x10000; /* 4 bytes: nothing hostile there */
    if (S_hostile(cp))
      strbuf_putc(sb, '?');
    else
      strbuf_put(sb, s + i, len);
    i += len;
  }
}

void term_put(FILE *out, const char *s, size_t n) {
  strbuf sb = {0};
  term_sanitize(&sb, s, n, true);
  if (sb.len)
    fwrite(sb.data, 1, sb.len, out);
  strbuf_free(&sb);
}

void term_puts(FILE *out, const char *s) { term_put(out, s, strlen(s)); }

void term_printf(FILE *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = xvasprintf(fmt, ap);
  va_end(ap);
  term_puts(out, s);
  free(s);
}

char *term_safe(const char *s) {
  strbuf sb = {0};
  term_sanitize(&sb, s, strlen(s), false);
  return sb.data ? strbuf_take(&sb) : xstrdup("");
}

static void S_line(strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static void S_line(strbuf *sb, const char *fmt, va_list ap) {
  char *raw = xvasprintf(fmt, ap);
  if (raw[0] == ':' && raw[1] == ':') /* a relative path: the same file */
    strbuf_puts(sb, "./");
  term_sanitize(sb, raw, strlen(raw), false);
  strbuf_putc(sb, '\n');
  free(raw);
}

void term_message(const char *fmt, ...) {
  strbuf sb = {0};
  va_list ap;
  va_start(ap, fmt);
  S_line(&sb, fmt, ap);
  va_end(ap);
  fwrite(sb.data, 1, sb.len, stderr);
  strbuf_free(&sb);
}

void term_append(strbuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  S_line(sb, fmt, ap);
  va_end(ap);
}
