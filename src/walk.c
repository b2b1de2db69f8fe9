/* Directory walking with an explicit stack (no recursion over the tree's
 * depth). Symlinked folders are not followed, so a symlink loop cannot trap
 * the walk; entries are sorted so output is the same on every machine. */
#include "walk.h"
#include "internal.h"
#include "term.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
static bool S_try_doc(file_list *fl, const char *dir, bool declared,
                      bool walked) {
  doc_spec spec;
  if (!doc_detect(dir, declared, &spec))
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
      term_message("%s: cannot open directory: %s", dir, strerror(errno));
      fl->errors++;
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
  S_sort_from(fl, first);
}

void walk_add(file_list *fl, const char *arg) {
  walk_add_docs(fl, arg, NULL, NULL);
}

void walk_add_document(file_list *fl, const char *dir) {
  struct stat st;
  int rc = stat(dir, &st);
  if (rc != 0 || !S_ISDIR(st.st_mode)) {
    term_message("%s: %s", dir, rc ? strerror(errno) : "not a directory");
    fl->errors++;
    return;
  }
  if (!S_try_doc(fl, dir, true, false)) {
    term_message("%s: no Markdown file to lint as a document", dir);
    fl->errors++;
  }
}

void walk_add_docs(file_list *fl, const char *arg, walk_declared_fn declared,
                   void *ud) {
  if (strcmp(arg, "-") == 0) {
    S_push(fl, xstrdup(arg), false);
    return;
  }
  struct stat st;
  if (stat(arg, &st) != 0) {
    term_message("%s: %s", arg, strerror(errno));
    fl->errors++;
    return;
  }
  if (S_ISDIR(st.st_mode))
    S_walk_dir(fl, arg, declared, ud);
  else if (S_ISREG(st.st_mode))
    S_push(fl, xstrdup(arg), false);
  else {
    term_message("%s: not a regular file or directory", arg);
    fl->errors++;
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
  free(fl->paths);
  free(fl->walked);
  fl->walked = NULL;
  fl->paths = NULL;
  fl->n = fl->cap = 0;
}
