/* Directory walking with an explicit stack (no recursion over the tree's
 * depth). Symlinked folders are not followed, so a symlink loop cannot trap
 * the walk; entries are sorted so output is the same on every machine. */
#include "walk.h"
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void S_push(file_list *fl, char *path, bool walked) {
  xgrow(&fl->paths, &fl->cap, fl->n + 1, sizeof(char *));
  xgrow(&fl->walked, &fl->walked_cap, fl->n + 1, sizeof(bool));
  fl->walked[fl->n] = walked;
  fl->paths[fl->n++] = path;
}

static bool S_is_markdown(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(name + n - 9, ".markdown") == 0);
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *S_join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0)
    return xstrdup(name); /* "docs/a.md", not "./docs/a.md" */
  size_t n = strlen(dir);
  return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static void S_walk_dir(file_list *fl, const char *root) {
  char **stack = NULL;
  size_t depth = 0, cap = 0;
  size_t first = fl->n;
  xgrow(&stack, &cap, 1, sizeof(char *));
  stack[depth++] = xstrdup(root);
  while (depth) {
    char *dir = stack[--depth];
    DIR *d = opendir(dir);
    if (!d) {
      fprintf(stderr, "%s: cannot open directory: %s\n", dir, strerror(errno));
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
  qsort(fl->paths + first, fl->n - first, sizeof(char *), S_cmp);
}

void walk_add(file_list *fl, const char *arg) {
  if (strcmp(arg, "-") == 0) {
    S_push(fl, xstrdup(arg), false);
    return;
  }
  struct stat st;
  if (stat(arg, &st) != 0) {
    fprintf(stderr, "%s: %s\n", arg, strerror(errno));
    fl->errors++;
    return;
  }
  if (S_ISDIR(st.st_mode))
    S_walk_dir(fl, arg);
  else if (S_ISREG(st.st_mode))
    S_push(fl, xstrdup(arg), false);
  else {
    fprintf(stderr, "%s: not a regular file or directory\n", arg);
    fl->errors++;
  }
}

void walk_free(file_list *fl) {
  for (size_t i = 0; i < fl->n; i++)
    free(fl->paths[i]);
  free(fl->paths);
  free(fl->walked);
  fl->walked = NULL;
  fl->paths = NULL;
  fl->n = fl->cap = 0;
}
