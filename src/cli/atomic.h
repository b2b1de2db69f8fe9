/* Atomic file replacement for the CLI's writes (--output): the new contents
 * go to a temporary file in the target's folder, which is flushed, synced
 * and renamed over the target; on any failure the target is untouched. */
#ifndef DDLINT_ATOMIC_H
#define DDLINT_ATOMIC_H

#include <stdbool.h>
#include <stdio.h>

typedef struct {
  char *target; /* owned */
  char *temp;   /* owned; NULL once committed or aborted */
  FILE *f;      /* the temporary file, open for writing */
  bool direct;  /* written in place: no regular file, or in_place */
  const char *in_place; /* static: why a regular file is written in place
                           (hard links, an owner that cannot be kept; the
                           caller warns), or NULL */
  int slot;     /* 1 + its slot in the list of live temporary files that a
                   SIGINT, SIGTERM or SIGHUP removes, or 0 */
} atomic_file;

/* Opens a temporary file beside `target` (the file a symlink names), owned
 * as the target is. A target that is no regular file (/dev/null, a FIFO),
 * has other hard links, an owner the process cannot give the new file or a
 * folder it cannot write is opened directly (in_place says why). A read-only
 * target (no write bit) is refused with EACCES, a FIFO with no reader (after
 * a second's wait for one) with ENXIO. Returns false with errno set. */
bool atomic_open(atomic_file *af, const char *target);
/* Flushes, syncs and renames the temporary file over the target, keeping
 * the target's mode if it exists. Returns false with errno set (and the
 * temporary file removed) on failure. Frees af's strings either way. */
bool atomic_commit(atomic_file *af);
/* Removes the temporary file and frees af's strings. */
void atomic_abort(atomic_file *af);
/* Replaces target with data[0..len) through atomic_open() and
 * atomic_commit(). *in_place (when not NULL) gets why it was written in
 * place, or NULL. Returns false with errno set; the target is unchanged
 * then. */
bool atomic_write(const char *target, const char *data, size_t len,
                  const char **in_place);
/* strerror() for the errno of a failed atomic_open(), atomic_commit() or
 * atomic_write(): ENXIO is a FIFO that no process opened for reading. */
const char *atomic_strerror(int e);

#endif
