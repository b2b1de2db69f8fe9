/* The command's session over one run: config warnings printed once, the
 * template each input gets, and which folders are documents and which
 * files their parts (the packs and configs themselves: runcache.c). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli.h"
#include "term.h"

#include <stdlib.h>
#include <string.h>

/* Whether a walked folder is declared a document: named by --document, or
 * matched by the "documents" of its config (ud: a declared_ctx). */
void cli_warn_once(run_cache *c, const char *msg) {
  if (strmap_get(&c->warned_set, msg) != SIZE_MAX)
    return;
  xgrow(&c->warned, &c->warned_cap, c->nwarned + 1, sizeof(char *));
  c->warned[c->nwarned] = xstrdup(msg);
  strmap_put(&c->warned_set, c->warned[c->nwarned], c->nwarned);
  c->nwarned++;
  term_message("ddlint: warning: %s", msg);
}

const ddlint_pack *cli_choose_pack(runner *rn, const ddlint_config *cfg,
                                   char *fm_ref, const char *path,
                                   bool *cfg_chose, const char **err) {
  char *ref = fm_ref;
  *cfg_chose = false;
  if (ref && rn->o->template_locked) { /* CI: the pull request's document
                                          may not pick an empty pack */
    free(ref);
    ref = NULL;
  } else if (ref && ddlint_pack_ref_is_path(ref) && ref[0] != '/') {
    char *dir =
        runcache_folder_of(path); /* relative to the document's folder */
    char *joined = xasprintf("%s/%s", dir, ref);
    free(dir);
    free(ref);
    ref = joined;
  }
  if (!ref && rn->o->template_arg) {
    ref = xstrdup(rn->o->template_arg);
  } else if (!ref) {
    ref = cfg ? ddlint_config_template(cfg, path) : NULL;
    if (!ref)
      ref = xstrdup(ddlint_default_pack_name());
    *cfg_chose = true;
  }
  pthread_mutex_lock(&rn->lock);
  const ddlint_pack *pack = runcache_pack(rn->cache, ref, err);
  pthread_mutex_unlock(&rn->lock);
  free(ref);
  return pack;
}

int cli_declared(void *ud, const char *dir) {
  declared_ctx *dc = ud;
  char *real = realpath(dir, NULL);
  bool hit = false;
  const ddlint_config *cfg = NULL;
  for (size_t i = 0; real && i < dc->o->ndocuments && !hit; i++) {
    char *r2 = realpath(dc->o->documents[i], NULL);
    hit = r2 && strcmp(r2, real) == 0;
    free(r2);
  }
  if (real && !dc->no_config) {
    const char *err = NULL;
    cfg = dc->explicit_cfg ? dc->explicit_cfg
                           : runcache_discover(dc->cache, real, &err);
    hit = hit || (cfg && ddlint_config_is_document(cfg, dir));
  }
  /* the folder's template, as cli_choose_pack() picks it for a file in it
   * (but for a file's front matter): does it read a decision log's records
   * as one design? */
  char *probe = xasprintf("%s/x.md", dir);
  char *ref = dc->o->template_arg ? xstrdup(dc->o->template_arg)
              : cfg               ? ddlint_config_template(cfg, probe)
                                  : NULL;
  if (!ref)
    ref = xstrdup(ddlint_default_pack_name());
  const char *err = NULL;
  const ddlint_pack *pack = runcache_pack(dc->cache, ref, &err);
  free(ref);
  free(probe);
  free(real);
  return (hit ? WALK_DECLARED : 0) |
         (pack && ddlint_pack_record_parts(pack) ? WALK_RECORD_PARTS : 0);
}

/* One owner per file: a document folder listed twice is linted once; a
 * part of two documents is linted in the first (the second gets a
 * shared-part warning); a walked file that is a part is not linted alone.
 * Returns the entries to skip (free with free()). */
bool *cli_claim_parts(file_list *fl) {
  bool *skip = xcalloc(fl->n + 1, sizeof(bool));
  char **dirs = xcalloc(fl->n + 1, sizeof(char *));
  char **claimed = NULL;
  const char **owners = NULL;
  size_t nclaimed = 0, cap = 0, ocap = 0;
  for (size_t i = 0; i < fl->n; i++) {
    doc_spec *d = fl->docs ? fl->docs[i] : NULL;
    if (!d)
      continue;
    dirs[i] = realpath(d->dir, NULL);
    for (size_t j = 0; j < i && dirs[i]; j++)
      if (dirs[j] && !skip[j] && strcmp(dirs[j], dirs[i]) == 0)
        skip[i] = true;
    if (skip[i]) { /* the same folder twice: drop the second */
      doc_spec_free(d);
      free(d);
      fl->docs[i] = NULL;
      continue;
    }
    for (size_t k = 0; k < d->nparts; k++) {
      char *real = realpath(d->parts[k], NULL);
      if (!real)
        continue;
      for (size_t c = 0; c < nclaimed && !d->owner[k]; c++)
        if (strcmp(claimed[c], real) == 0)
          d->owner[k] = owners[c];
      if (d->owner[k]) {
        free(real);
        continue;
      }
      xgrow(&claimed, &cap, nclaimed + 1, sizeof(char *));
      xgrow(&owners, &ocap, nclaimed + 1, sizeof(char *));
      claimed[nclaimed] = real;
      owners[nclaimed++] = d->dir;
    }
  }
  for (size_t i = 0; i < fl->n; i++) {
    if ((fl->docs && fl->docs[i]) || !fl->walked[i])
      continue;
    char *real = realpath(fl->paths[i], NULL);
    for (size_t c = 0; real && c < nclaimed && !skip[i]; c++)
      skip[i] = strcmp(claimed[c], real) == 0;
    free(real);
  }
  for (size_t i = 0; i < fl->n; i++)
    free(dirs[i]);
  for (size_t c = 0; c < nclaimed; c++)
    free(claimed[c]);
  free(dirs);
  free(claimed);
  free(owners);
  return skip;
}

/* The folders looked at for cli_note_named_parts(): whether each is a
 * document, and its parts' real paths. Many files of one folder named on
 * the command line (a shell glob) look at it once, not once each. */
typedef struct {
  char *dir;
  char **parts; /* realpath of each part, or NULL when unresolved */
  size_t nparts;
} dir_parts;

typedef struct {
  dir_parts *d;
  size_t n, cap;
} dir_cache;

static const dir_parts *S_dir_parts(dir_cache *c, const char *dir) {
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->d[i].dir, dir) == 0)
      return &c->d[i];
  xgrow(&c->d, &c->cap, c->n + 1, sizeof(dir_parts));
  dir_parts *dp = &c->d[c->n++];
  memset(dp, 0, sizeof *dp);
  dp->dir = xstrdup(dir);
  doc_spec spec;
  if (doc_detect(dir, false, false, &spec)) {
    dp->parts = xcalloc(spec.nparts + 1, sizeof(char *));
    dp->nparts = spec.nparts;
    for (size_t k = 0; k < spec.nparts; k++)
      dp->parts[k] = realpath(spec.parts[k], NULL);
    doc_spec_free(&spec);
  }
  return dp;
}

static void S_dir_cache_free(dir_cache *c) {
  for (size_t i = 0; i < c->n; i++) {
    for (size_t k = 0; k < c->d[i].nparts; k++)
      free(c->d[i].parts[k]);
    free(c->d[i].parts);
    free(c->d[i].dir);
  }
  free(c->d);
}

/* Whether the folder dir is a document with file (a realpath) among its
 * parts. */
static bool S_dir_has_part(dir_cache *c, const char *dir, const char *file) {
  const dir_parts *dp = S_dir_parts(c, dir);
  for (size_t k = 0; k < dp->nparts; k++)
    if (dp->parts[k] && strcmp(dp->parts[k], file) == 0)
      return true;
  return false;
}

/* A file named on the command line is linted alone, as asked; when it is a
 * chapter of a document (by the default rule), a note says which, since
 * alone it lacks what its sibling chapters hold. */
void cli_note_named_parts(const file_list *fl) {
  dir_cache cache = {0};
  for (size_t i = 0; i < fl->n; i++) {
    if ((fl->docs && fl->docs[i]) || fl->walked[i] ||
        strcmp(fl->paths[i], "-") == 0)
      continue;
    char *real = realpath(fl->paths[i], NULL);
    if (!real)
      continue;
    char *dir = xstrdup(real), *shown = xstrdup(fl->paths[i]);
    for (int up = 0; up < 2; up++) { /* its folder, then the one above */
      char *slash = strrchr(dir, '/'), *shown_slash = strrchr(shown, '/');
      if (!slash || slash == dir)
        break;
      *slash = '\0';
      if (shown_slash && shown_slash != shown)
        *shown_slash = '\0';
      else { /* the path as given has no more folders: show the real one */
        free(shown);
        shown = xstrdup(dir);
      }
      if (S_dir_has_part(&cache, dir, real)) {
        term_message("ddlint: note: %s is a part of the document %s; linted "
                     "alone here (lint the folder to check it in its document)",
                     fl->paths[i], shown);
        break;
      }
    }
    free(shown);
    free(dir);
    free(real);
  }
  S_dir_cache_free(&cache);
}
