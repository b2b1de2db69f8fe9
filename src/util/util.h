/* The util library: helpers with no knowledge of documents or packs, shared
 * by libddlint and the command (which reaches the library itself only
 * through ddlint.h): allocation (out-of-memory aborts in alloc.c and nowhere
 * else), the growable string, the string map, reading whole files, the one
 * binary search, the thread runner (tasks.c) and paths. Not part of the
 * public API: its symbols are hidden in a shared build and carry no ddlint_
 * prefix. */
#ifndef DDLINT_UTIL_H
#define DDLINT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- alloc.c: out-of-memory aborts here and nowhere else. ---- */
/* The one end of every allocation failure, the x* functions below, the md.c
 * arena and the reporters' memory streams: "ddlint: out of memory allocating
 * N bytes" (n = 0: "ddlint: out of memory", the size unknown) on stderr, then
 * abort(). */
_Noreturn void oom_abort(size_t n);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *p (holding *cap elements of `size` bytes) to hold at least `need`. */
void xgrow(void *pp, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; free with free(). */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* ---- alloc.c: the growable string and the string map. ---- */
/* A growable byte string. Owns its bytes; free with strbuf_free(). */
typedef struct {
  char *data;
  size_t len, cap;
} strbuf;
void strbuf_put(strbuf *sb, const char *s, size_t n);
void strbuf_puts(strbuf *sb, const char *s);
void strbuf_putc(strbuf *sb, char c);
void strbuf_printf(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns the NUL-terminated contents and leaves sb empty; caller frees. */
char *strbuf_take(strbuf *sb);
void strbuf_free(strbuf *sb);

/* A map from strings to indexes (open addressing), for lookups by id that
 * must stay linear over a whole pack or config. Borrows its keys: each must
 * outlive its entry (strmap_put() again to move an entry to a new key).
 * Free with strmap_free(). */
typedef struct {
  const char **keys;
  size_t *vals;
  size_t cap, n;
} strmap;
/* The value of key, or SIZE_MAX. */
size_t strmap_get(const strmap *m, const char *key);
/* Sets key to val (val != SIZE_MAX), replacing an equal key. */
void strmap_put(strmap *m, const char *key, size_t val);
void strmap_free(strmap *m);

/* ---- readfile.c: whole files, UTF-8 and line lookup. ---- */
/* Length of the valid UTF-8 sequence at s (n bytes available), or 0. */
size_t utf8_valid_len(const unsigned char *s, size_t n);
/* Reads the regular file at path into out (appending), at most max + 1
 * bytes, so that a caller sees a file over max as longer than max. Opens with
 * O_NONBLOCK and checks the descriptor, so a FIFO, device or folder swapped in
 * at path is refused without blocking. NULL on success, else the reason (a
 * static string: "not a regular file", or strerror's). */
const char *source_read_file(const char *path, size_t max, strbuf *out);
/* Reads fd to its end into out (appending), at most max + 1 bytes; a
 * regular file's size is reserved up front, so a large one is read with no
 * copy. NULL on success, else strerror's reason. The one loop that reads a
 * whole file or stream (source_read_file(), standard input). */
const char *source_read_fd(int fd, size_t max, strbuf *out);
/* The 0-based index of the line holding off, given the n sorted starts of
 * the lines (the first 0): a binary search. */
size_t line_index_of(const size_t *starts, size_t n, size_t off);

/* ---- util.h: the one binary search, inline. ---- */
/* The lower bound of a sorted range: the number of leading indices i in
 * [0, n) for which before(arg, i) holds, where before holds on a prefix of
 * the range and nowhere after it. The lower-bound search every stage uses;
 * inline, so that the compiler inlines a constant `before` too. */
static inline size_t bsearch_lower(size_t n,
                                   bool (*before)(const void *arg, size_t i),
                                   const void *arg) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (before(arg, mid))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* What a bsearch_lower() predicate most often takes: an array and the
 * offset looked for in it. */
typedef struct {
  const void *array;
  size_t off;
} bsearch_key;

/* ---- tasks.c ---- */
/* Runs task(arg, i) for every i in [0, n) on up to `threads` threads (the
 * caller's included) and returns when all are done. */
void run_tasks(size_t n, unsigned threads, void (*task)(void *arg, size_t i),
               void *arg);
/* run_tasks() with done(arg, i) called for each i in order, once task i is
 * finished, while later tasks still run: for a caller that reports results
 * in input order. done() runs on any of the threads, the caller's included,
 * never on two at once, and each call sees all the memory the earlier calls
 * and task i wrote. With threads or n 1 or less the caller runs task(i)
 * then done(i) for each i in turn. */
void run_tasks_in_order(size_t n, unsigned threads,
                        void (*task)(void *arg, size_t i),
                        void (*done)(void *arg, size_t i), void *arg);

/* ---- paths.c ---- */
/* paths.c: whether a '/'-separated path matches a glob in which "**" spans
 * any number of folders and other segments use fnmatch(3). */
bool glob_match(const char *pattern, const char *path);
/* paths.c: path made absolute (against the working directory) and
 * lexically normalised: "." and ".." resolved without touching the file
 * system, so that files that do not exist still place. Free with free(). */
char *path_absolute(const char *path);
/* paths.c: the byte a percent escape at the start of s[0, n) stands for
 * ("%4a" and "%4A": 'J'; "%00": 0): true with *byte set when s holds '%'
 * and two hex digits, else false ("%zz", "%4", a lone "%"). The one
 * percent-decoder: link fragments (link_fragment.c) and the language
 * server's file: URIs (lsp.c) each loop over their text with it. */
bool percent_decode_byte(const char *s, size_t n, unsigned char *byte);

#endif
