/* Atomic writes: temp file in the same folder, fsync, rename. The only way
 * ddlint writes a file a user owns. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "atomic.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Temporary files alive now, for the signal handler to remove: a slot is
 * 0 free, 1 being filled or emptied, 2 live. Fixed buffers, so that the
 * handler reads no memory another thread may free. More files at once than
 * slots go unlisted (and would be left by a signal). */
#define LIVE_SLOTS 64
static struct {
  atomic_int state;
  char path[PATH_MAX];
} S_live[LIVE_SLOTS];

static void S_on_signal(int sig) {
  for (size_t i = 0; i < LIVE_SLOTS; i++)
    if (atomic_load(&S_live[i].state) == 2)
      unlink(S_live[i].path);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void S_install(void) {
  /* a file-size limit gives EFBIG (and a clean failure), not a kill */
  signal(SIGXFSZ, SIG_IGN);
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = S_on_signal;
    sigemptyset(&sa.sa_mask);
    /* a signal the caller ignores (nohup) stays ignored */
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
      sigaction(sigs[i], &sa, NULL);
  }
}

static int S_list(const char *path) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, S_install);
  if (strlen(path) >= PATH_MAX)
    return -1;
  for (int i = 0; i < LIVE_SLOTS; i++) {
    int free_slot = 0;
    if (atomic_compare_exchange_strong(&S_live[i].state, &free_slot, 1)) {
      strcpy(S_live[i].path, path);
      atomic_store(&S_live[i].state, 2);
      return i;
    }
  }
  return -1;
}

static void S_unlist(atomic_file *af) {
  if (af->slot > 0)
    atomic_store(&S_live[af->slot - 1].state, 0);
  af->slot = 0;
}

/* Opens real (owned, freed here) to be written in place, for `why`. A FIFO
 * that no process reads would block the open (and the run) for good, so it
 * is opened without blocking: a reader gets FIFO_WAIT_MS to show up, and
 * then the write is refused with ENXIO. */
#define FIFO_WAIT_MS 1000
static bool S_in_place(atomic_file *af, char *real, const char *why) {
  int fd = -1;
  for (int waited = 0;; waited += 10) {
    fd =
        open(real, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != ENXIO || waited >= FIFO_WAIT_MS)
      break;
    nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
  }
  free(real);
  /* writes block again: a slow reader must get the whole report */
  if (fd >= 0 && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
    int e = errno;
    close(fd);
    errno = e;
    return false;
  }
  af->f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!af->f) {
    int e = errno;
    if (fd >= 0)
      close(fd);
    errno = e;
    return false;
  }
  af->direct = true;
  af->in_place = why;
  return true;
}

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
    return S_in_place(af, real ? real : xstrdup(target), NULL);
  }
  if (real && stat(real, &st) == 0 && !(st.st_mode & 0222)) {
    free(real); /* read-only (0444): a fix or report does not override that */
    errno = EACCES;
    return false;
  }
  bool exists = real && stat(real, &st) == 0;
  if (exists && st.st_nlink > 1)
    return S_in_place(af, real, "it has other hard links");
  af->target = real ? real : xstrdup(target);
  /* beside the real target (a symlink may point to another file system),
   * with a short name (the target's may be near NAME_MAX) */
  const char *slash = strrchr(af->target, '/');
  af->temp = slash ? xasprintf("%.*s/.ddlint-XXXXXX", (int)(slash - af->target),
                               af->target)
                   : xstrdup(".ddlint-XXXXXX");
  int fd = mkstemp(af->temp);
  if (fd >= 0)
    af->slot = S_list(af->temp) + 1;
  /* keep the owner and group (fix run as root on another user's file);
   * where that is not allowed, write in place rather than take the file */
  if (fd >= 0 && exists && (st.st_uid != geteuid() || st.st_gid != getegid()) &&
      fchown(fd, st.st_uid, st.st_gid) != 0) {
    close(fd);
    unlink(af->temp);
    S_unlist(af);
    free(af->temp);
    char *t = af->target;
    memset(af, 0, sizeof *af);
    return S_in_place(af, t, "its owner or group cannot be kept");
  }
  if (fd < 0) {
    int e = errno;
    char *t = af->target;
    free(af->temp);
    memset(af, 0, sizeof *af);
    /* a writable file in a folder that is not: no temporary file beside
     * it, so write it in place */
    if (e == EACCES && exists && access(t, W_OK) == 0)
      return S_in_place(af, t, "its folder is not writable");
    free(t);
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
  S_unlist(af);
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
  S_unlist(af);
  free(af->temp);
  free(af->target);
  memset(af, 0, sizeof *af);
}

bool atomic_write(const char *target, const char *data, size_t len,
                  const char **in_place) {
  atomic_file af;
  if (in_place)
    *in_place = NULL;
  if (!atomic_open(&af, target))
    return false;
  if (in_place)
    *in_place = af.in_place;
  if (fwrite(data, 1, len, af.f) != len) {
    int e = errno;
    atomic_abort(&af);
    errno = e;
    return false;
  }
  return atomic_commit(&af);
}

const char *atomic_strerror(int e) {
  return e == ENXIO ? "a FIFO that no process reads" : strerror(e);
}
