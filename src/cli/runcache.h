/* Packs and configs loaded once per run (the command) or per session (the
 * language server): packs by reference, configs by file, and the cascade
 * of .ddlint.json files found above each folder. */
#ifndef DDLINT_RUNCACHE_H
#define DDLINT_RUNCACHE_H

#include "ddlint.h"
#include "util.h"

/* What one run has loaded: packs by reference and configs by file, each
 * loaded once; a failure is kept (and reported once) as an error string. */
typedef struct {
  char *key;   /* owned: pack reference or config path */
  void *value; /* owned: ddlint_pack * or ddlint_config *, NULL on error */
  char *err;   /* owned, or NULL */
  bool linked; /* a config: merged over the ones above it */
} cache_entry;

/* The most configs one cascade merges (one per folder level). */
#define CONFIG_CHAIN_MAX 256

typedef struct run_cache {
  cache_entry *packs, *configs;
  size_t npacks, nconfigs, packs_cap, configs_cap;
  char **dirs; /* owned: folders already searched for a config ... */
  const ddlint_config **dir_config; /* ... and what they found (or NULL) */
  size_t ndirs, dirs_cap, dir_config_cap;
  char **warned; /* owned: config warnings already printed */
  size_t nwarned, warned_cap;
  strmap warned_set; /* the same, by hash: a config may warn thousands */
} run_cache;

/* The pack for a reference (a name: an installed pack, else a built-in
 * one; or a file path), loaded on first use; NULL with *err (borrowed
 * from the cache) when it cannot be loaded. Borrowed until runcache_free(). */
const ddlint_pack *runcache_pack(run_cache *c, const char *ref,
                                 const char **err);
/* The config file at path, loaded on first use; NULL with *err. */
const ddlint_config *runcache_config_file(run_cache *c, const char *path,
                                          const char **err);
/* The cascade of .ddlint.json files at and above folder start (see
 * runcache.c); NULL when there is none, or with *err on a bad config. */
const ddlint_config *runcache_discover(run_cache *c, const char *start,
                                       const char **err);
/* The absolute folder of a document path ("-": the current folder), or
 * its nearest existing ancestor. Free with free(). */
char *runcache_folder_of(const char *path);
/* Frees everything the cache loaded; results linted with its packs must be
 * freed first. The cache is then empty and may be used again. */
void runcache_free(run_cache *c);

#endif
