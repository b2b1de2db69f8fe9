/* The packs and configs of a run, each loaded once: the command looks
 * every document's template and config cascade up here, and the language
 * server keeps them for its session (dropped when a watched file changes). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "runcache.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A name (an installed pack, else a built-in one), or a file path. */
static ddlint_pack *S_load_pack(const char *arg, char **err) {
  if (ddlint_pack_ref_is_path(arg))
    return ddlint_pack_load(arg, err);
  char *installed = ddlint_pack_find_installed(arg);
  bool builtin = ddlint_builtin_pack_exists(arg);
  free(installed);
  if (installed || builtin)
    return ddlint_pack_load(arg, err);
  strbuf names = {0};
  for (size_t i = 0; i < ddlint_builtin_pack_count(); i++)
    strbuf_printf(&names, "%s%s", names.len ? ", " : "",
                  ddlint_builtin_pack_name(i));
  *err = xasprintf("no template named \"%s\" (built in: %s; installed ones "
                   "are found by name in $DDLINT_PACK_PATH and the pack "
                   "folder; or give a path to a .json pack)",
                   arg, names.data);
  strbuf_free(&names);
  return NULL;
}

const ddlint_pack *runcache_pack(run_cache *c, const char *ref,
                                 const char **err) {
  for (size_t i = 0; i < c->npacks; i++)
    if (strcmp(c->packs[i].key, ref) == 0) {
      *err = c->packs[i].err;
      return c->packs[i].value;
    }
  xgrow(&c->packs, &c->packs_cap, c->npacks + 1, sizeof(cache_entry));
  cache_entry *e = &c->packs[c->npacks++];
  e->key = xstrdup(ref);
  e->err = NULL;
  e->value = S_load_pack(ref, &e->err);
  *err = e->err;
  return e->value;
}

/* The cache entry of the config file at path, loaded on first use. The
 * index stays valid; a pointer would not (the array grows). */
static size_t S_config_entry(run_cache *c, const char *path) {
  for (size_t i = 0; i < c->nconfigs; i++)
    if (strcmp(c->configs[i].key, path) == 0)
      return i;
  xgrow(&c->configs, &c->configs_cap, c->nconfigs + 1, sizeof(cache_entry));
  cache_entry *e = &c->configs[c->nconfigs];
  e->key = xstrdup(path);
  e->err = NULL;
  e->linked = false;
  e->value = ddlint_config_load_file(path, &e->err);
  return c->nconfigs++;
}

const ddlint_config *runcache_config_file(run_cache *c, const char *path,
                                          const char **err) {
  size_t k = S_config_entry(c, path); /* may move c->configs */
  *err = c->configs[k].err;
  return c->configs[k].value;
}

/* The cascade of .ddlint.json files at and above dir, nearest first,
 * merged up to one with "root": true or to the folder that holds .git (the
 * repository root), else to "/"; returns the nearest, linked to the ones
 * above it (docs/config.md). A config is linked once, on its first
 * discovery, before any worker sees it. */
const ddlint_config *runcache_discover(run_cache *c, const char *start,
                                       const char **err) {
  *err = NULL;
  for (size_t i = 0; i < c->ndirs; i++)
    if (strcmp(c->dirs[i], start) == 0)
      return c->dir_config[i];
  size_t chain[CONFIG_CHAIN_MAX], n = 0;
  char *dir = xstrdup(start);
  for (;;) {
    char *cand = xasprintf("%s/.ddlint.json", strcmp(dir, "/") ? dir : "");
    bool stop = false;
    if (access(cand, F_OK) == 0) {
      size_t k = S_config_entry(c, cand);
      *err = c->configs[k].err;
      if (n < CONFIG_CHAIN_MAX && !*err)
        chain[n++] = k;
      stop = *err || ddlint_config_is_root(c->configs[k].value);
    }
    free(cand);
    char *git = xasprintf("%s/.git", strcmp(dir, "/") ? dir : "");
    stop = stop || access(git, F_OK) == 0 || strcmp(dir, "/") == 0;
    free(git);
    char *slash = strrchr(dir, '/');
    if (stop || !slash)
      break;
    if (slash == dir)
      slash[1] = '\0';
    else
      *slash = '\0';
  }
  free(dir);
  if (*err)
    return NULL;
  for (size_t i = 0; i < n; i++)
    if (!c->configs[chain[i]].linked) {
      c->configs[chain[i]].linked = true;
      ddlint_config_set_parent(c->configs[chain[i]].value,
                               i + 1 < n ? c->configs[chain[i + 1]].value
                                         : NULL);
    }
  const ddlint_config *found = n ? c->configs[chain[0]].value : NULL;
  xgrow(&c->dirs, &c->dirs_cap, c->ndirs + 1, sizeof(char *));
  xgrow(&c->dir_config, &c->dir_config_cap, c->ndirs + 1,
        sizeof(ddlint_config *));
  c->dirs[c->ndirs] = xstrdup(start);
  c->dir_config[c->ndirs++] = found;
  return found;
}

/* The absolute folder of a document path ("-": the current folder). A
 * folder that does not exist yet (--stdin-filename of a new file) is its
 * nearest existing ancestor, so the repository's config still applies. */
char *runcache_folder_of(const char *path) {
  const char *slash = strrchr(path, '/');
  char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
                    : xstrdup(".");
  char *real = realpath(dir, NULL);
  while (!real && errno == ENOENT) {
    char *up = strrchr(dir, '/');
    if (!up) { /* "newdir": its parent is the current folder */
      real = realpath(".", NULL);
      break;
    }
    if (up == dir) {
      real = xstrdup("/");
      break;
    }
    *up = '\0';
    real = realpath(dir, NULL);
  }
  free(dir);
  return real ? real : xstrdup("/");
}

void runcache_free(run_cache *c) {
  for (size_t i = 0; i < c->npacks; i++) {
    free(c->packs[i].key);
    free(c->packs[i].err);
    ddlint_pack_free(c->packs[i].value);
  }
  for (size_t i = 0; i < c->nconfigs; i++) {
    free(c->configs[i].key);
    free(c->configs[i].err);
    ddlint_config_free(c->configs[i].value);
  }
  for (size_t i = 0; i < c->ndirs; i++)
    free(c->dirs[i]);
  for (size_t i = 0; i < c->nwarned; i++)
    free(c->warned[i]);
  free(c->packs);
  free(c->configs);
  free(c->dirs);
  free(c->dir_config);
  free(c->warned);
  strmap_free(&c->warned_set);
  memset(c, 0, sizeof *c);
}
