/* Atomic writes: temp file in the same folder, fsync, rename. The only way
 * ddlint writes a file a user owns. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "atomic.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool atomic_open(atomic_file *af, const char *target) {
  memset(af, 0, sizeof *af);
  /* A symlink is followed, so that the file it names is replaced and the
   * link kept. A target that exists but is no regular file (/dev/null, a
   * FIFO, a terminal) is written in place: renaming over it would replace a
   * device with a file. */
  char *real = realpath(target, NULL);
  struct stat st;
  bool dangling = !real && lstat(target, &st) == 0 && S_ISLNK(st.st_mode);
  if ((real && stat(real, &st) == 0 && !S_ISREG(st.st_mode)) || dangling) {
    /* a dangling symlink: the file it names is created, the link kept */
    af->f = fopen(real ? real : target, "w");
    free(real);
    if (!af->f)
      return false;
    af->direct = true;
    return true;
  }
  af->target = real ? real : xstrdup(target);
  /* beside the real target (a symlink may point to another file system),
   * with a short name (the target's may be near NAME_MAX) */
  const char *slash = strrchr(af->target, '/');
  af->temp = slash ? xasprintf("%.*s/.ddlint-XXXXXX", (int)(slash - af->target),
                               af->target)
                   : xstrdup(".ddlint-XXXXXX");
  int fd = mkstemp(af->temp);
  if (fd < 0) {
    int e = errno;
    free(af->target);
    free(af->temp);
    memset(af, 0, sizeof *af);
    errno = e;
    return false;
  }
  af->f = fdopen(fd, "w");
  if (!af->f) {
    int e = errno;
    close(fd);
    atomic_abort(af);
    errno = e;
    return false;
  }
  return true;
}

bool atomic_commit(atomic_file *af) {
  bool ok = false;
  int e = 0;
  if (af->direct) {
    ok = fflush(af->f) == 0 && !ferror(af->f);
    e = errno;
    ok = (fclose(af->f) == 0) && ok;
    memset(af, 0, sizeof *af);
    if (!ok)
      errno = e ? e : EIO;
    return ok;
  }
  struct stat st;
  mode_t mode;
  if (stat(af->target, &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  if (fflush(af->f) != 0 || ferror(af->f) || fsync(fileno(af->f)) != 0 ||
      fchmod(fileno(af->f), mode) != 0) {
    e = errno ? errno : EIO;
    goto out;
  }
  if (fclose(af->f) != 0) {
    af->f = NULL;
    e = errno;
    goto out;
  }
  af->f = NULL;
  if (rename(af->temp, af->target) != 0) {
    e = errno;
    goto out;
  }
  free(af->temp);
  af->temp = NULL;
  ok = true;
out:
  atomic_abort(af);
  if (!ok)
    errno = e;
  return ok;
}

void atomic_abort(atomic_file *af) {
  if (af->f)
    fclose(af->f);
  if (af->temp)
    unlink(af->temp);
  free(af->temp);
  free(af->target);
  memset(af, 0, sizeof *af);
}
