/* Util: path helpers shared by the library (config globs and folders, link
 * fragments) and the command (glob arguments, SARIF and file: URIs);
 * declared in util.h. */
#include "util.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GLOB_SEGMENTS_MAX 64

/* Glob match over '/'-separated segments: "**" matches any number of
 * segments, other segments use fnmatch(3). A table instead of recursion:
 * ok[i][j] means pattern segments i.. match path segments j.. */
bool glob_match(const char *pat, const char *path) {
  const char *ps[GLOB_SEGMENTS_MAX], *ts[GLOB_SEGMENTS_MAX];
  size_t pl[GLOB_SEGMENTS_MAX], tl[GLOB_SEGMENTS_MAX];
  size_t np = 0, nt = 0;
  for (const char *s = pat; *s && np < GLOB_SEGMENTS_MAX;) {
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n && !(n == 1 && *s == '.'))
      ps[np] = s, pl[np++] = n;
    s += n + (e != NULL);
  }
  for (const char *s = path; *s && nt < GLOB_SEGMENTS_MAX;) {
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n && !(n == 1 && *s == '.'))
      ts[nt] = s, tl[nt++] = n;
    s += n + (e != NULL);
  }
  bool ok[GLOB_SEGMENTS_MAX + 1][GLOB_SEGMENTS_MAX + 1];
  memset(ok, 0, sizeof ok);
  ok[np][nt] = true;
  for (size_t i = np; i-- > 0;) {
    bool star = pl[i] == 2 && memcmp(ps[i], "**", 2) == 0;
    char seg[256];
    size_t sl = pl[i] < sizeof seg - 1 ? pl[i] : sizeof seg - 1;
    memcpy(seg, ps[i], sl);
    seg[sl] = '\0';
    for (size_t j = nt + 1; j-- > 0;) {
      if (star) {
        ok[i][j] = ok[i + 1][j] || (j < nt && ok[i][j + 1]);
      } else if (j < nt) {
        char name[256];
        size_t n = tl[j] < sizeof name - 1 ? tl[j] : sizeof name - 1;
        memcpy(name, ts[j], n);
        name[n] = '\0';
        ok[i][j] = ok[i + 1][j + 1] && fnmatch(seg, name, FNM_PERIOD) == 0;
      }
    }
  }
  return ok[0][0];
}

/* Declared in util.h; stdin's --stdin-filename names a file that need
 * not exist. */
char *path_absolute(const char *path) {
  strbuf in = {0};
  if (path[0] != '/') {
    char cwd[PATH_MAX];
    strbuf_puts(&in, getcwd(cwd, sizeof cwd) ? cwd : "/");
    strbuf_putc(&in, '/');
  }
  strbuf_puts(&in, path);
  strbuf out = {0};
  const char *s = in.data;
  while (*s) {
    while (*s == '/')
      s++;
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n == 2 && s[0] == '.' && s[1] == '.') {
      char *slash = out.len ? strrchr(out.data, '/') : NULL;
      out.len = slash ? (size_t)(slash - out.data) : 0;
      if (out.data)
        out.data[out.len] = '\0';
    } else if (n && !(n == 1 && s[0] == '.')) {
      strbuf_putc(&out, '/');
      strbuf_put(&out, s, n);
    }
    s += n;
  }
  strbuf_free(&in);
  if (!out.len)
    strbuf_putc(&out, '/');
  return strbuf_take(&out);
}

static int S_hex_digit(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

bool percent_decode_byte(const char *s, size_t n, unsigned char *byte) {
  if (n < 3 || s[0] != '%')
    return false;
  int hi = S_hex_digit(s[1]), lo = S_hex_digit(s[2]);
  if (hi < 0 || lo < 0)
    return false;
  *byte = (unsigned char)(hi * 16 + lo);
  return true;
}
