/* Directory walking with an explicit stack (no recursion over the tree's
 * depth). Symlinked folders are not followed, so a symlink loop cannot trap
 * the walk; entries are sorted so output is the same on every machine. */
#include "walk.h"
#include "util.h"
#include "term.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void S_push_doc(file_list *fl, char *path, bool walked, doc_spec *doc) {
  xgrow(&fl->paths, &fl->cap, fl->n + 1, sizeof(char *));
  xgrow(&fl->walked, &fl->walked_cap, fl->n + 1, sizeof(bool));
  xgrow(&fl->docs, &fl->docs_cap, fl->n + 1, sizeof(doc_spec *));
  fl->walked[fl->n] = walked;
  fl->docs[fl->n] = doc;
  fl->paths[fl->n++] = path;
}

static void S_push(file_list *fl, char *path, bool walked) {
  S_push_doc(fl, path, walked, NULL);
}

/* A document at dir: pushed, and true; else false. */
static bool S_try_doc(file_list *fl, const char *dir, int flags,
                      bool walked) {
  doc_spec spec;
  if (!doc_detect(dir, flags & WALK_DECLARED, flags & WALK_RECORD_PARTS,
                  &spec))
    return false;
  if (!spec.nparts) { /* declared, but holds no Markdown file */
    doc_spec_free(&spec);
    return false;
  }
  doc_spec *d = xmalloc(sizeof *d);
  *d = spec;
  S_push_doc(fl, xstrdup(dir), walked, d);
  return true;
}

/* A path that cannot be walked: said on stderr as "path: reason" and
 * kept for the report. */
static void S_fail(file_list *fl, const char *path, const char *reason) {
  term_message("%s: %s", path, reason);
  xgrow(&fl->failed_paths, &fl->failed_cap, fl->errors + 1, sizeof(char *));
  xgrow(&fl->failed_messages, &fl->failed_msg_cap, fl->errors + 1,
        sizeof(char *));
  fl->failed_paths[fl->errors] = xstrdup(path);
  fl->failed_messages[fl->errors++] = xasprintf("%s: %s", path, reason);
}

static bool S_is_markdown(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(name + n - 9, ".markdown") == 0);
}

static char *S_join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0)
    return xstrdup(name); /* "docs/a.md", not "./docs/a.md" */
  size_t n = strlen(dir);
  return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static int S_entry_cmp(const void *a, const void *b) {
  return strcmp(((const char *const *)a)[0], ((const char *const *)b)[0]);
}

/* Sorts entries [first, n) by path, keeping each one's document. */
static void S_sort_from(file_list *fl, size_t first) {
  size_t m = fl->n - first;
  if (m < 2)
    return;
  void **pairs = xcalloc(2 * m, sizeof(void *));
  for (size_t i = 0; i < m; i++) {
    pairs[2 * i] = fl->paths[first + i];
    pairs[2 * i + 1] = fl->docs[first + i];
  }
  qsort(pairs, m, 2 * sizeof(void *), S_entry_cmp);
  for (size_t i = 0; i < m; i++) {
    fl->paths[first + i] = pairs[2 * i];
    fl->docs[first + i] = pairs[2 * i + 1];
  }
  free(pairs);
}

/* Runs `git -C root check-ignore -z -v -n --stdin` over the NUL-separated
 * paths in `in` (a file, so that git never waits on a full pipe while we
 * wait on it) and returns its output, or NULL when git is absent, root is
 * in no repository or git fails. Free with free(). */
static char *S_git_check_ignore(const char *root, FILE *in, size_t *len) {
  char *argv[] = {"git", "-C",   (char *)root, "check-ignore", "-z",
                  "-v",  "-n",   "--stdin",    NULL};
  int out[2];
  if (pipe(out) != 0)
    return NULL;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fileno(in), 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  pid_t pid;
  int rc = posix_spawnp(&pid, "git", &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  strbuf sb = {0};
  char buf[65536];
  ssize_t n;
  while (rc == 0 && ((n = read(out[0], buf, sizeof buf)) > 0 ||
                     (n < 0 && errno == EINTR)))
    if (n > 0)
      strbuf_put(&sb, buf, (size_t)n);
  close(out[0]);
  int status = 0;
  while (rc == 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  /* 0: some path ignored, 1: none; 128: not a repository */
  if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
    strbuf_free(&sb);
    return NULL;
  }
  *len = sb.len;
  return sb.data ? strbuf_take(&sb) : xstrdup("");
}

/* Drops the entries [first, n) found under root that git ignores
 * (.gitignore files, .git/info/exclude, core.excludesFile); tracked files
 * stay, as git sees them. Without git, or outside a repository, nothing is
 * dropped: ignore rules are git's, never matched here. */
static void S_drop_gitignored(file_list *fl, const char *root, size_t first) {
  if (fl->no_gitignore || fl->n == first)
    return;
  size_t skip = strcmp(root, ".") == 0 || strcmp(root, "./") == 0 ? 0
                : root[strlen(root) - 1] == '/'                   ? strlen(root)
                                                : strlen(root) + 1;
  FILE *in = tmpfile();
  if (!in)
    return;
  for (size_t i = first; i < fl->n; i++) { /* root itself: a document */
    const char *rel = strlen(fl->paths[i]) > skip ? fl->paths[i] + skip : ".";
    fwrite(rel, 1, strlen(rel) + 1, in);
  }
  size_t len = 0;
  char *out = fflush(in) == 0 && fseek(in, 0, SEEK_SET) == 0
                  ? S_git_check_ignore(root, in, &len)
                  : NULL;
  fclose(in);
  if (!out)
    return;
  /* one record per path, in order: source, line, pattern, path; a pattern
   * that is empty (no match) or negated ("!x") leaves the path in */
  size_t m = fl->n - first, rec = 0, keep = first;
  bool *ignored = xcalloc(m + 1, sizeof(bool));
  const char *p = out, *end = out + len;
  while (p < end && rec < m) {
    const char *field[4];
    for (int f = 0; f < 4; f++) {
      field[f] = p;
      const char *z = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
      p = z ? z + 1 : end;
    }
    ignored[rec++] = *field[2] && *field[2] != '!';
  }
  for (size_t i = first; i < fl->n && rec == m; i++) {
    if (ignored[i - first]) {
      free(fl->paths[i]);
      if (fl->docs[i]) {
        doc_spec_free(fl->docs[i]);
        free(fl->docs[i]);
      }
      continue;
    }
    fl->paths[keep] = fl->paths[i];
    fl->walked[keep] = fl->walked[i];
    fl->docs[keep++] = fl->docs[i];
  }
  if (rec == m)
    fl->n = keep;
  free(ignored);
  free(out);
}

static void S_walk_dir(file_list *fl, const char *root,
                       walk_declared_fn declared, void *ud) {
  char **stack = NULL;
  size_t depth = 0, cap = 0;
  size_t first = fl->n;
  xgrow(&stack, &cap, 1, sizeof(char *));
  stack[depth++] = xstrdup(root);
  while (depth) {
    char *dir = stack[--depth];
    if (declared && S_try_doc(fl, dir, declared(ud, dir), true)) {
      free(dir);
      continue; /* a document: its parts, not its other files */
    }
    DIR *d = opendir(dir);
    if (!d) {
      char *why = xasprintf("cannot open directory: %s", strerror(errno));
      S_fail(fl, dir, why);
      free(why);
      free(dir);
      continue;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0)
        continue;
      char *path = S_join(dir, e->d_name);
      struct stat st;
      if (lstat(path, &st) != 0) {
        free(path);
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        xgrow(&stack, &cap, depth + 1, sizeof(char *));
        stack[depth++] = path;
      } else if (S_is_markdown(e->d_name) &&
                 (S_ISREG(st.st_mode) ||
                  (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
                   S_ISREG(st.st_mode)))) {
        S_push(fl, path, true);
      } else {
        free(path);
      }
    }
    closedir(d);
    free(dir);
  }
  free(stack);
  S_drop_gitignored(fl, root, first);
  S_sort_from(fl, first);
}

void walk_add(file_list *fl, const char *arg) {
  walk_add_docs(fl, arg, NULL, NULL);
}

void walk_add_document(file_list *fl, const char *dir) {
  struct stat st;
  int rc = stat(dir, &st);
  if (rc != 0 || !S_ISDIR(st.st_mode)) {
    S_fail(fl, dir, rc ? strerror(errno) : "not a directory");
    return;
  }
  if (!S_try_doc(fl, dir, WALK_DECLARED, false)) {
    S_fail(fl, dir, "no Markdown file to lint as a document");
  }
}

/* A quoted glob (with *, ? or [...], and ** for any folders): the Markdown files under its folder part
 * (the segments before the first with a wildcard) that it matches, as
 * config globs match (glob_match). No match is an error, as a missing
 * file is. */
static void S_add_glob(file_list *fl, const char *glob_arg) {
  char *base = xstrdup(glob_arg);
  char *wild = strpbrk(base, "*?[");
  while (wild > base && wild[-1] != '/')
    wild--;
  if (wild == base)
    strcpy(base, ".");
  else
    wild[wild - 1 == base ? 0 : -1] = '\0'; /* "/x*" keeps "/" */
  size_t first = fl->n, keep = first;
  struct stat st;
  if (stat(base, &st) == 0 && S_ISDIR(st.st_mode))
    S_walk_dir(fl, base, NULL, NULL);
  for (size_t i = first; i < fl->n; i++)
    if (glob_match(glob_arg, fl->paths[i]))
      fl->paths[keep++] = fl->paths[i];
    else
      free(fl->paths[i]);
  fl->n = keep;
  if (fl->n == first) {
    S_fail(fl, glob_arg, "no such file, and no Markdown file matches it");
  }
  free(base);
}

void walk_add_docs(file_list *fl, const char *arg, walk_declared_fn declared,
                   void *ud) {
  if (strcmp(arg, "-") == 0) {
    S_push(fl, xstrdup(arg), false);
    return;
  }
  struct stat st;
  if (stat(arg, &st) != 0) {
    int err = errno;
    if (err == ENOENT && strpbrk(arg, "*?[")) {
      S_add_glob(fl, arg);
      return;
    }
    S_fail(fl, arg, strerror(err));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    size_t before = fl->n;
    S_walk_dir(fl, arg, declared, ud);
    if (fl->n == before) /* as ruff does: a warning, not a failure */
      term_message("ddlint: warning: %s: no Markdown file found", arg);
  } else if (S_ISREG(st.st_mode))
    S_push(fl, xstrdup(arg), false);
  else {
    S_fail(fl, arg, "not a regular file or directory");
  }
}

void walk_free(file_list *fl) {
  for (size_t i = 0; i < fl->n; i++) {
    free(fl->paths[i]);
    if (fl->docs && fl->docs[i]) {
      doc_spec_free(fl->docs[i]);
      free(fl->docs[i]);
    }
  }
  free(fl->docs);
  fl->docs = NULL;
  for (size_t i = 0; i < fl->errors; i++) {
    free(fl->failed_paths[i]);
    free(fl->failed_messages[i]);
  }
  free(fl->failed_paths);
  free(fl->failed_messages);
  fl->failed_paths = fl->failed_messages = NULL;
  free(fl->paths);
  free(fl->walked);
  fl->walked = NULL;
  fl->paths = NULL;
  fl->n = fl->cap = 0;
}
