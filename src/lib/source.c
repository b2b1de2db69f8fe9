/* The source stage: owns the document bytes, builds the line map once, finds
 * a BOM and YAML front matter, and notes the first invalid UTF-8 byte. Every
 * later stage speaks in byte offsets; only this file turns them into lines. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

size_t utf8_cut(const char *s, size_t n, size_t max) {
  if (n <= max)
    return n;
  size_t k = max;
  while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  return k;
}

const char *bytes_find(const char *hay, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (const char *p = hay; k && (size_t)(hay + n - p) >= k; p++) {
    p = memchr(p, needle[0], (size_t)(hay + n - p) - k + 1);
    if (!p)
      return NULL;
    if (memcmp(p, needle, k) == 0)
      return p;
  }
  return NULL;
}

/* Whether the 8 bytes at s are all ASCII. */
static bool S_ascii8(const unsigned char *s) {
  uint64_t w;
  memcpy(&w, s, 8);
  return (w & 0x8080808080808080u) == 0;
}

/* Whether the 32 bytes at s are all ASCII (one test for four words). */
static bool S_ascii32(const unsigned char *s) {
  uint64_t w[4];
  memcpy(w, s, sizeof w);
  return ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080u) == 0;
}

static size_t S_first_invalid_utf8(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < len) {
    if (i + 32 <= len && S_ascii32(s + i)) { /* most text is ASCII */
      i += 32;
      continue;
    }
    if (i + 8 <= len && S_ascii8(s + i)) {
      i += 8;
      continue;
    }
    size_t n = utf8_valid_len(s + i, len - i);
    if (n == 0)
      return i;
    i += n;
  }
  return SIZE_MAX;
}

/* A line of exactly `---` or `...` (trailing spaces allowed) at off? */
static bool S_is_fence(const char *t, size_t len, size_t off, const char *m) {
  if (off + 3 > len || memcmp(t + off, m, 3) != 0)
    return false;
  size_t i = off + 3;
  while (i < len && (t[i] == ' ' || t[i] == '\t'))
    i++;
  return i == len || t[i] == '\n' || t[i] == '\r';
}

bool frontmatter_line_ok(const char *s, size_t n) {
  if (!n)
    return true; /* blank lines are fine inside (not first) */
  if (s[0] == '#' || s[0] == '-' || s[0] == ' ' || s[0] == '\t')
    return true; /* a YAML comment, list item or continuation */
  return memchr(s, ':', n) != NULL; /* "key: value" */
}

size_t frontmatter_end(const char *t, size_t len, size_t from) {
  if (!S_is_fence(t, len, from, "---"))
    return 0;
  bool first = true; /* the first YAML line may not be blank */
  size_t i = from;
  for (;;) {
    size_t e = i; /* the end of line i, without its line ending */
    while (e < len && t[e] != '\n' && t[e] != '\r')
      e++;
    if (e == len)
      return 0; /* no closing fence: not front matter, a thematic break */
    i = t[e] == '\r' && e + 1 < len && t[e + 1] == '\n' ? e + 2 : e + 1;
    if (i == len)
      return 0;
    if (S_is_fence(t, len, i, "---") || S_is_fence(t, len, i, "..."))
      break;
    size_t le = i;
    while (le < len && t[le] != '\n' && t[le] != '\r')
      le++;
    if ((first && le == i) || !frontmatter_line_ok(t + i, le - i))
      return 0; /* not YAML: the opening "---" is a thematic break */
    first = false;
  }
  /* the end of the closing fence's line, its line ending included */
  size_t e = i;
  while (e < len && t[e] != '\n' && t[e] != '\r')
    e++;
  if (e < len)
    e += t[e] == '\r' && e + 1 < len && t[e + 1] == '\n' ? 2 : 1;
  return e;
}

static void S_find_front_matter(source *src) {
  size_t end = frontmatter_end(src->text, src->len, src->body_start);
  if (end) {
    src->frontmatter_end = end;
    src->body_start = end;
  }
}

void source_init(source *src, const char *path, const char *buf, size_t len) {
  char *text = xmalloc(len + 1);
  if (len)
    memcpy(text, buf, len);
  text[len] = '\0';
  source_init_owned(src, path, text, len);
}

void source_init_owned(source *src, const char *path, char *text, size_t len) {
  memset(src, 0, sizeof *src);
  src->path = xstrdup(path ? path : "-");
  src->text = text;
  src->len = len;

  /* room for a line per 32 bytes up front (pages are touched only as
   * they fill), not a doubling from 8 that copies the index a dozen times */
  size_t cap = 0;
  xgrow(&src->line_starts, &cap, len / 32 + 1, sizeof(size_t));
  src->line_starts[src->nlines++] = 0;
  /* line endings: \n, \r\n or a lone \r. The next of each is found with
   * memchr and kept until passed, so a file with a few CRs (a CRLF file, or
   * one pasted CR) is scanned at memchr's speed too. */
  const char *t = src->text, *end = t + len;
  const char *nl = memchr(t, '\n', len), *cr = memchr(t, '\r', len);
  while (nl || cr) {
    const char *e = !cr || (nl && nl < cr) ? nl : cr;
    const char *next = e + 1;
    if (e == cr && next < end && *next == '\n')
      next++; /* CRLF: one line ending */
    if (next == end)
      break; /* a final line ending opens no new line */
    xgrow(&src->line_starts, &cap, src->nlines + 1, sizeof(size_t));
    src->line_starts[src->nlines++] = (size_t)(next - t);
    if (nl && nl < next)
      nl = memchr(next, '\n', (size_t)(end - next));
    if (cr && cr < next)
      cr = memchr(next, '\r', (size_t)(end - next));
  }
  if (len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
    src->bom = src->body_start = 3;
  src->invalid_utf8 = S_first_invalid_utf8(src->text, len);
  S_find_front_matter(src);
}

void source_free(source *src) {
  free(src->path);
  free(src->text);
  free(src->line_starts);
  memset(src, 0, sizeof *src);
}

static size_t S_line_index(const source *src, size_t off) {
  return line_index_of(src->line_starts, src->nlines, off);
}

unsigned source_line_of(const source *src, size_t off) {
  return (unsigned)S_line_index(src, off > src->len ? src->len : off) + 1;
}

unsigned source_columns(const source *src, size_t from, size_t to) {
  unsigned c = 0;
  for (size_t i = from; i < to; c++) {
    size_t n = utf8_valid_len((const unsigned char *)src->text + i, to - i);
    i += n ? n : 1;
  }
  return c;
}

void source_position(const source *src, size_t off, unsigned *line,
                     unsigned *col) {
  if (off > src->len)
    off = src->len;
  size_t l = S_line_index(src, off);
  /* A BOM is not a column. */
  size_t from = l == 0 && off >= src->bom ? src->bom : src->line_starts[l];
  *line = (unsigned)(l + 1);
  *col = source_columns(src, from, off) + 1;
}

size_t source_offset(const source *src, unsigned line, unsigned col) {
  if (line == 0)
    return 0;
  if (line > src->nlines)
    return src->len;
  size_t off = src->line_starts[line - 1] + (col ? col - 1 : 0);
  return off > src->len ? src->len : off;
}

void source_line_bounds(const source *src, size_t off, size_t *start,
                        size_t *end) {
  if (off > src->len)
    off = src->len;
  size_t l = S_line_index(src, off);
  size_t s = src->line_starts[l];
  size_t e = l + 1 < src->nlines ? src->line_starts[l + 1] : src->len;
  while (e > s && (src->text[e - 1] == '\n' || src->text[e - 1] == '\r'))
    e--;
  *start = s;
  *end = e;
}
