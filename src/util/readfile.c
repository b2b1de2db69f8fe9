/* Util: reading a whole file or stream, the UTF-8 decoder's one step, and
 * the line holding an offset.
 * Shared by the library (source, packs, configs) and the command (its
 * inputs, the terminal sanitiser); declared in util.h. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
size_t utf8_valid_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t need;
  unsigned min;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (n < need)
    return 0;
  unsigned cp = c & (0x7F >> need);
  for (size_t i = 1; i < need; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return need;
}

const char *source_read_fd(int fd, size_t max, strbuf *out) {
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (unsigned long long)st.st_size <= max)
    xgrow(&out->data, &out->cap, out->len + (size_t)st.st_size + 2, 1);
  size_t limit = out->len + max + 1;
  for (;;) {
    if (out->cap - out->len < 2)
      xgrow(&out->data, &out->cap, out->len + (1 << 16), 1);
    size_t want = out->cap - out->len - 1;
    if (want > limit - out->len)
      want = limit - out->len;
    if (want == 0)
      break;
    ssize_t n = read(fd, out->data + out->len, want);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return strerror(errno);
    out->len += (size_t)n;
    out->data[out->len] = '\0';
    if (n == 0)
      break;
  }
  return NULL;
}

const char *source_read_file(const char *path, size_t max, strbuf *out) {
  const char *why = NULL;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return strerror(errno);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    why = strerror(errno);
    goto out;
  }
  if (!S_ISREG(st.st_mode)) {
    why = S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file";
    goto out;
  }
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
    why = strerror(errno);
    goto out;
  }
  why = source_read_fd(fd, max, out);
out:
  close(fd);
  return why;
}

static bool S_line_starts_by(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const size_t *starts = k->array;
  return starts[i] <= k->off;
}

size_t line_index_of(const size_t *starts, size_t n, size_t off) {
  bsearch_key p = {starts, off};
  size_t k = bsearch_lower(n, S_line_starts_by, &p);
  return k ? k - 1 : 0;
}
