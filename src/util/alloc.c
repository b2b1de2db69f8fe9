/* Allocation: out-of-memory aborts here, in one place, so that NULL returns
 * elsewhere always mean bad input or I/O failure. Also the growable string. */
#define _DEFAULT_SOURCE /* madvise(): Linux and the BSDs, not in C11 */
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void oom_abort(size_t n) {
  if (n)
    fprintf(stderr, "ddlint: out of memory allocating %zu bytes\n", n);
  else
    fputs("ddlint: out of memory\n", stderr);
  abort();
}

/* A large block (a document's text, its blocks, its word index) asks for
 * 2 MiB pages where the kernel gives them on request (transparent huge
 * pages in "madvise" mode, Linux's default): its first touch then costs a
 * page fault per 2 MiB instead of per 4 KiB. On a VM whose faults are dear
 * that was a tenth of the time of a 9 MB document (docs/performance.md).
 * Only whole 2 MiB pages inside the block are asked for; a kernel without
 * them says no, and nothing changes. */
#define HUGE_PAGE ((uintptr_t)2 << 20)
#define HUGE_HINT_MIN ((size_t)4 << 20)

static void S_huge_hint(void *p, size_t n) {
#ifdef MADV_HUGEPAGE
  if (n < HUGE_HINT_MIN)
    return;
  uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  uintptr_t to = ((uintptr_t)p + n) & ~(HUGE_PAGE - 1);
  if (to > from)
    (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
  (void)p;
  (void)n;
#endif
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    oom_abort(n);
  S_huge_hint(p, n);
  return p;
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    oom_abort(n * size);
  S_huge_hint(p, n * size);
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    oom_abort(n);
  S_huge_hint(q, n);
  return q;
}

void xgrow(void *pp, size_t *cap, size_t need, size_t size) {
  void **p = pp;
  if (need <= *cap)
    return;
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2 / size)
      oom_abort(SIZE_MAX);
    ncap *= 2;
  }
  *p = xrealloc(*p, ncap * size);
  *cap = ncap;
}

char *xstrndup(const char *s, size_t n) {
  char *d = xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xvasprintf(const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0)
    n = 0;
  char *s = xmalloc((size_t)n + 1);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = xvasprintf(fmt, ap);
  va_end(ap);
  return s;
}

void strbuf_put(strbuf *sb, const char *s, size_t n) {
  xgrow(&sb->data, &sb->cap, sb->len + n + 1, 1);
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

void strbuf_puts(strbuf *sb, const char *s) { strbuf_put(sb, s, strlen(s)); }

void strbuf_putc(strbuf *sb, char c) {
  if (sb->len + 2 <= sb->cap) { /* room for it and the NUL */
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
    return;
  }
  strbuf_put(sb, &c, 1);
}

void strbuf_printf(strbuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = xvasprintf(fmt, ap);
  va_end(ap);
  strbuf_puts(sb, s);
  free(s);
}

char *strbuf_take(strbuf *sb) {
  char *s = sb->data ? sb->data : xstrdup("");
  sb->data = NULL;
  sb->len = sb->cap = 0;
  return s;
}

void strbuf_free(strbuf *sb) {
  free(sb->data);
  sb->data = NULL;
  sb->len = sb->cap = 0;
}

static size_t S_hash(const char *s) {
  size_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of key, or of the empty slot where it would go. */
static size_t S_slot(const strmap *m, const char *key) {
  size_t h = S_hash(key) & (m->cap - 1);
  while (m->keys[h] && strcmp(m->keys[h], key) != 0)
    h = (h + 1) & (m->cap - 1);
  return h;
}

size_t strmap_get(const strmap *m, const char *key) {
  if (!m->cap)
    return SIZE_MAX;
  size_t h = S_slot(m, key);
  return m->keys[h] ? m->vals[h] : SIZE_MAX;
}

void strmap_put(strmap *m, const char *key, size_t val) {
  if ((m->n + 1) * 2 > m->cap) {
    strmap big = {.cap = m->cap ? m->cap * 2 : 64};
    big.keys = xcalloc(big.cap, sizeof *big.keys);
    big.vals = xcalloc(big.cap, sizeof *big.vals);
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i]) {
        size_t h = S_slot(&big, m->keys[i]);
        big.keys[h] = m->keys[i];
        big.vals[h] = m->vals[i];
      }
    big.n = m->n;
    strmap_free(m);
    *m = big;
  }
  size_t h = S_slot(m, key);
  m->n += m->keys[h] == NULL;
  m->keys[h] = key;
  m->vals[h] = val;
}

void strmap_free(strmap *m) {
  free(m->keys);
  free(m->vals);
  *m = (strmap){0};
}
