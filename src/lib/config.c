/* Configuration files (.ddlint.json): the template, per-rule severities,
 * per-glob overrides and ignored files. Loaded with the same strictness and
 * located errors as packs; globs and paths are relative to the config
 * file's folder. Also the front-matter key `ddlint-template`. */
#include "jsonloc.h"
#include "result.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONFIG_MAX_BYTES (1u << 20)
#define GLOB_SEGMENTS_MAX 64

typedef struct {
  char *rule;         /* owned */
  int severity;       /* -1: off */
  unsigned line, col; /* where the config names it */
} rule_setting;

typedef struct {
  char **files; /* owned globs */
  size_t nfiles;
  char *template_ref;  /* owned, or NULL */
  unsigned tline, tcol; /* where the config names the template */
  rule_setting *rules; /* owned */
  size_t nrules;
} config_block;

struct ddlint_config {
  char *path; /* owned: the file, or the origin of a buffer */
  char *dir;  /* owned: folder that globs and pack paths are relative to */
  config_block base;       /* files unused */
  config_block *overrides; /* owned */
  size_t noverrides;
  char **ignore; /* owned globs */
  size_t nignore;
  char **documents; /* owned globs: folders each linted as one document */
  size_t ndocuments;
  bool root;                     /* "root": true: no config above applies */
  const ddlint_config *parent;   /* borrowed: the config merged under this */
};

/* Why glob g cannot mean what it says, or NULL: a '[' never closed
 * ("docs/[draft"), a range backwards ("[z-a]", which matches nothing), or
 * more segments than glob_match() reads. */
static const char *S_glob_error(const char *g) {
  size_t segments = 1;
  for (const char *p = g; *p; p++) {
    if (*p == '/')
      segments++;
    if (*p == '\\' && p[1]) {
      p++;
      continue;
    }
    if (*p != '[')
      continue;
    const char *q = p + 1;
    if (*q == '!' || *q == '^')
      q++;
    if (*q == ']')
      q++; /* a ']' first is a literal one */
    for (; *q && *q != ']' && *q != '/'; q++)
      if (q[1] == '-' && q[2] && q[2] != ']' &&
          (unsigned char)q[2] < (unsigned char)q[0])
        return "has a range that runs backwards, which matches nothing";
    if (*q != ']')
      return "has a '[' that is never closed";
    p = q;
  }
  if (segments > GLOB_SEGMENTS_MAX)
    return "has more than 64 segments";
  return NULL;
}

/* A cascade is at most this many configs deep (one per folder level). */
#define CONFIG_CHAIN_MAX 256

typedef json_src cfg_loader;

static bool S_globs(cfg_loader *ld, const cJSON *obj, const char *key,
                    char ***out, size_t *n) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  *n = 0;
  if (!v)
    return true;
  if (!cJSON_IsArray(v))
    return json_fail(ld, v, false, "\"%s\" must be an array of globs", key);
  *out = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(char *));
  for (const cJSON *e = v->child; e; e = e->next) {
    if (!cJSON_IsString(e) || !*e->valuestring)
      return json_fail(ld, e, false, "\"%s\" must hold non-empty glob strings",
                       key);
    const char *why = S_glob_error(e->valuestring);
    if (why)
      return json_fail(ld, e, false, "\"%s\": glob \"%s\" %s", key,
                       e->valuestring, why);
    (*out)[(*n)++] = xstrdup(e->valuestring);
  }
  return true;
}

static bool S_block(cfg_loader *ld, const cJSON *obj, config_block *b) {
  const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "template");
  if (t) {
    if (!cJSON_IsString(t) || !*t->valuestring)
      return json_fail(ld, t, false,
                       "\"template\" must name a template or give a path");
    b->template_ref = xstrdup(t->valuestring);
    jsonloc_linecol(ld->text, ld->len,
                    jsonloc_offset(ld->text, ld->len, ld->root, t, true),
                    &b->tline, &b->tcol);
  }
  const cJSON *rules = cJSON_GetObjectItemCaseSensitive(obj, "rules");
  if (!rules)
    return true;
  if (!cJSON_IsObject(rules))
    return json_fail(
        ld, rules, false,
        "\"rules\" must map rule ids to error, warning, info or off");
  b->rules =
      xcalloc((size_t)cJSON_GetArraySize(rules) + 1, sizeof(rule_setting));
  for (const cJSON *m = rules->child; m; m = m->next) {
    int sev =
        cJSON_IsString(m) ? ddlint_severity_from_name(m->valuestring) : -2;
    if (sev == -2)
      return json_fail(
          ld, m, false,
          "rule \"%s\": the setting must be \"error\", \"warning\", "
          "\"info\" or \"off\"",
          m->string);
    rule_setting *rs = &b->rules[b->nrules++];
    rs->rule = xstrdup(m->string);
    rs->severity = sev;
    if (!ld->cursor)
      ld->cursor = jsonloc_cursor_new(ld->text, ld->len, ld->root);
    jsonloc_cursor_find(ld->cursor, m, true, &rs->line, &rs->col);
  }
  return true;
}

static void S_block_free(config_block *b) {
  for (size_t i = 0; i < b->nfiles; i++)
    free(b->files[i]);
  free(b->files);
  free(b->template_ref);
  for (size_t i = 0; i < b->nrules; i++)
    free(b->rules[i].rule);
  free(b->rules);
}

void ddlint_config_free(ddlint_config *cfg) {
  if (!cfg)
    return;
  S_block_free(&cfg->base);
  for (size_t i = 0; i < cfg->noverrides; i++)
    S_block_free(&cfg->overrides[i]);
  free(cfg->overrides);
  for (size_t i = 0; i < cfg->nignore; i++)
    free(cfg->ignore[i]);
  free(cfg->ignore);
  for (size_t i = 0; i < cfg->ndocuments; i++)
    free(cfg->documents[i]);
  free(cfg->documents);
  free(cfg->path);
  free(cfg->dir);
  free(cfg);
}

static bool S_load(cfg_loader *ld, ddlint_config *cfg) {
  static const char *const top[] = {
      "$schema", "root",      "template",  "rules",
      "overrides", "ignore", "documents", NULL};
  static const char *const ovr[] = {"files", "template", "rules", NULL};
  const cJSON *root = cJSON_GetObjectItemCaseSensitive(ld->root, "root");
  if (root && !cJSON_IsBool(root))
    return json_fail(ld, root, false, "\"root\" must be true or false");
  cfg->root = cJSON_IsTrue(root);
  if (!json_check_fields(ld, ld->root, "config", top) ||
      !S_block(ld, ld->root, &cfg->base) ||
      !S_globs(ld, ld->root, "ignore", &cfg->ignore, &cfg->nignore) ||
      !S_globs(ld, ld->root, "documents", &cfg->documents, &cfg->ndocuments))
    return false;
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(ld->root, "overrides");
  if (!o)
    return true;
  if (!cJSON_IsArray(o))
    return json_fail(ld, o, false, "\"overrides\" must be an array");
  cfg->overrides =
      xcalloc((size_t)cJSON_GetArraySize(o) + 1, sizeof(config_block));
  for (const cJSON *e = o->child; e; e = e->next) {
    config_block *b = &cfg->overrides[cfg->noverrides++];
    if (!json_check_fields(ld, e, "override", ovr) ||
        !S_globs(ld, e, "files", &b->files, &b->nfiles) || !S_block(ld, e, b))
      return false;
    if (!b->nfiles)
      return json_fail(ld, e, false, "an override needs \"files\" globs");
  }
  return true;
}

ddlint_config *ddlint_config_load_buffer(const char *json, size_t len,
                                         const char *origin, char **err) {
  cfg_loader ld = {
      .origin = origin ? origin : "<config>", .text = json, .len = len};
  ddlint_config *cfg = xcalloc(1, sizeof *cfg);
  cfg->path = xstrdup(ld.origin);
  char *slash = strrchr(cfg->path, '/');
  cfg->dir =
      slash ? xstrndup(cfg->path, (size_t)(slash - cfg->path)) : xstrdup(".");
  if (slash && slash == cfg->path) {
    free(cfg->dir);
    cfg->dir = xstrdup("/");
  }
  if (len > CONFIG_MAX_BYTES) {
    ld.err = xasprintf("%s: config is larger than 1 MiB", ld.origin);
    goto out;
  }
  ld.root = json_parse_located(json, len, ld.origin, &ld.err);
  if (ld.root && !cJSON_IsObject(ld.root))
    ld.err = xasprintf("%s:1:1: a config must be a JSON object", ld.origin);
  if (!ld.err)
    S_load(&ld, cfg);
out:
  cJSON_Delete(ld.root);
  jsonloc_cursor_free(ld.cursor);
  if (ld.err) {
    ddlint_config_free(cfg);
    cfg = NULL;
  }
  if (err)
    *err = ld.err;
  else
    free(ld.err);
  return cfg;
}

ddlint_config *ddlint_config_load_file(const char *path, char **err) {
  strbuf sb = {0};
  const char *why = source_read_file(path, CONFIG_MAX_BYTES, &sb);
  ddlint_config *cfg = NULL;
  if (why) {
    if (err)
      *err = xasprintf("%s: cannot open config: %s", path, why);
  } else {
    cfg = ddlint_config_load_buffer(sb.data ? sb.data : "", sb.len, path, err);
  }
  strbuf_free(&sb);
  return cfg;
}

/* The path of `file` relative to the config's folder, or NULL when it lies
 * outside it. Free with free(). */
static char *S_relative(const ddlint_config *cfg, const char *file) {
  char *dir = path_absolute(cfg->dir);
  char *abs = path_absolute(file);
  size_t n = strlen(dir);
  char *rel = NULL;
  if (strcmp(dir, "/") == 0)
    rel = xstrdup(abs + 1);
  else if (strncmp(abs, dir, n) == 0 && abs[n] == '/')
    rel = xstrdup(abs + n + 1);
  free(dir);
  free(abs);
  return rel;
}

/* The cascade from cfg outwards: chain[0] is cfg, the last the outermost
 * config (one with "root": true, or the repository's). */
static size_t S_chain(const ddlint_config *cfg, const ddlint_config **chain) {
  size_t n = 0;
  for (; cfg && n < CONFIG_CHAIN_MAX; cfg = cfg->parent)
    chain[n++] = cfg;
  return n;
}

void ddlint_config_set_parent(ddlint_config *cfg, const ddlint_config *parent) {
  cfg->parent = parent;
}

const ddlint_config *ddlint_config_parent(const ddlint_config *cfg) {
  return cfg->parent;
}

int ddlint_config_is_root(const ddlint_config *cfg) { return cfg->root; }

int ddlint_config_is_document(const ddlint_config *cfg, const char *dir) {
  const ddlint_config *chain[CONFIG_CHAIN_MAX];
  size_t nc = S_chain(cfg, chain);
  bool hit = false;
  for (size_t c = 0; c < nc && !hit; c++) {
    char *rel = S_relative(chain[c], dir);
    for (size_t i = 0; rel && i < chain[c]->ndocuments && !hit; i++) {
      const char *doc = chain[c]->documents[i];
      size_t n = strlen(doc);
      /* "designs/x/" names the folder as "designs/x" does */
      char *g = xstrndup(doc, n > 1 && doc[n - 1] == '/' ? n - 1 : n);
      hit = glob_match(g, rel);
      free(g);
    }
    free(rel);
  }
  return hit;
}

char *ddlint_config_ignore_origin(const ddlint_config *cfg, const char *file) {
  const ddlint_config *chain[CONFIG_CHAIN_MAX];
  size_t nc = S_chain(cfg, chain);
  char *origin = NULL;
  for (size_t c = 0; c < nc && !origin; c++) {
    char *rel = S_relative(chain[c], file);
    for (size_t i = 0; rel && i < chain[c]->nignore && !origin; i++)
      if (glob_match(chain[c]->ignore[i], rel))
        origin = xasprintf("%s: \"%s\"", chain[c]->path, chain[c]->ignore[i]);
    free(rel);
  }
  return origin;
}

int ddlint_config_ignores(const ddlint_config *cfg, const char *file) {
  char *origin = ddlint_config_ignore_origin(cfg, file);
  free(origin);
  return origin != NULL;
}

/* The block of one config that names file's template (its last matching
 * override with one, else its top level), or NULL. */
static const config_block *S_template_block(const ddlint_config *cfg,
                                            const char *file) {
  char *rel = S_relative(cfg, file);
  const config_block *b = cfg->base.template_ref ? &cfg->base : NULL;
  for (size_t o = 0; rel && o < cfg->noverrides; o++)
    for (size_t g = 0; g < cfg->overrides[o].nfiles; g++)
      if (cfg->overrides[o].template_ref &&
          glob_match(cfg->overrides[o].files[g], rel)) {
        b = &cfg->overrides[o];
        break;
      }
  free(rel);
  return b;
}

/* The nearest config of the cascade that names file's template: its index
 * in chain (nc when none) and the block. */
static size_t S_template_choice(const ddlint_config **chain, size_t nc,
                                const char *file, const config_block **out) {
  *out = NULL;
  for (size_t c = 0; c < nc; c++)
    if ((*out = S_template_block(chain[c], file)))
      return c;
  return nc;
}

char *ddlint_config_template_origin(const ddlint_config *cfg, const char *file,
                                    char **origin) {
  const ddlint_config *chain[CONFIG_CHAIN_MAX];
  size_t nc = S_chain(cfg, chain);
  const config_block *b;
  size_t c = S_template_choice(chain, nc, file, &b);
  if (origin)
    *origin = b ? xasprintf("%s:%u:%u", chain[c]->path, b->tline, b->tcol)
                : NULL;
  if (!b)
    return NULL;
  if (pack_ref_is_path(b->template_ref) && b->template_ref[0] != '/')
    return xasprintf("%s/%s", chain[c]->dir, b->template_ref);
  return xstrdup(b->template_ref);
}

char *ddlint_config_template(const ddlint_config *cfg, const char *file) {
  return ddlint_config_template_origin(cfg, file, NULL);
}

/* Calls fn for each rule setting of the cascade that applies to file, in
 * the order they apply (a later setting of a rule wins): from the outermost
 * config to the nearest, each config's top level, then each matching
 * override in order. may_warn: the setting was written for the template file gets
 * (top-level settings meet every template an override or a nearer config
 * chooses, and not every template has every rule). */
static void S_each_setting(const ddlint_config *cfg, const char *file,
                           void (*fn)(void *ud, const ddlint_config *owner,
                                      const rule_setting *rs, bool may_warn),
                           void *ud) {
  const ddlint_config *chain[CONFIG_CHAIN_MAX];
  size_t nc = S_chain(cfg, chain);
  const config_block *chosen;
  size_t chooser = S_template_choice(chain, nc, file, &chosen);
  for (size_t c = nc; c-- > 0;) {
    const ddlint_config *cc = chain[c];
    bool base_warns =
        chooser >= c && (!chosen || chosen == &chain[chooser]->base);
    for (size_t i = 0; i < cc->base.nrules; i++)
      fn(ud, cc, &cc->base.rules[i], base_warns);
    char *rel = S_relative(cc, file);
    for (size_t o = 0; rel && o < cc->noverrides; o++)
      for (size_t g = 0; g < cc->overrides[o].nfiles; g++)
        if (glob_match(cc->overrides[o].files[g], rel)) {
          for (size_t i = 0; i < cc->overrides[o].nrules; i++)
            fn(ud, cc, &cc->overrides[o].rules[i], true);
          break;
        }
    free(rel);
  }
}

typedef struct {
  const rule_setting **list;
  const ddlint_config **owners;
  bool *warns;
  size_t n, cap, ocap, wcap;
  strmap at; /* rule name -> its place in list: linear in the settings */
} setting_list;

/* Adds a setting to the list; a later setting of a rule replaces an earlier
 * one. */
static void S_collect(void *ud, const ddlint_config *owner,
                      const rule_setting *rs, bool may_warn) {
  setting_list *l = ud;
  size_t k = strmap_get(&l->at, rs->rule);
  if (k == SIZE_MAX) {
    xgrow(&l->list, &l->cap, l->n + 1, sizeof *l->list);
    xgrow(&l->owners, &l->ocap, l->n + 1, sizeof *l->owners);
    xgrow(&l->warns, &l->wcap, l->n + 1, sizeof *l->warns);
    k = l->n++;
    strmap_put(&l->at, rs->rule, k);
  }
  l->list[k] = rs;
  l->owners[k] = owner;
  l->warns[k] = may_warn;
}

/* ddlint_config_apply()'s plain callback, behind ddlint_config_apply_ud(). */
typedef struct {
  void (*warn)(const char *message);
} plain_warn;

static void S_plain_warn(void *ud, const char *message) {
  ((const plain_warn *)ud)->warn(message);
}

void ddlint_config_apply(const ddlint_config *cfg, const char *file,
                         const ddlint_pack *pack, ddlint_result *result,
                         void (*warn)(const char *message)) {
  plain_warn pw = {warn};
  ddlint_config_apply_ud(cfg, file, pack, result, warn ? S_plain_warn : NULL,
                         &pw);
}

void ddlint_config_apply_ud(const ddlint_config *cfg, const char *file,
                            const ddlint_pack *pack, ddlint_result *result,
                            ddlint_warn_fn warn, void *userdata) {
  setting_list l = {0};
  S_each_setting(cfg, file, S_collect, &l);
  for (size_t k = 0; k < l.n; k++) {
    const rule_setting *rs = l.list[k];
    if (rule_find(pack, rs->rule)) {
      ddlint_result_set_rule_severity(result, rs->rule, rs->severity);
    } else if (warn && l.warns[k]) {
      char *msg = xasprintf("%s:%u:%u: rule \"%s\" is not in template "
                            "\"%s\"; its setting is ignored",
                            l.owners[k]->path, rs->line, rs->col, rs->rule,
                            ddlint_pack_name(pack));
      warn(userdata, msg);
      free(msg);
    }
  }
  strmap_free(&l.at);
  free(l.list);
  free(l.owners);
  free(l.warns);
}

void ddlint_config_each_rule(const ddlint_config *cfg, const char *file,
                             ddlint_config_rule_fn fn, void *userdata) {
  setting_list l = {0};
  S_each_setting(cfg, file, S_collect, &l);
  for (size_t k = 0; k < l.n; k++)
    fn(userdata, l.list[k]->rule, l.list[k]->severity, l.owners[k]->path,
       l.list[k]->line, l.list[k]->col);
  strmap_free(&l.at);
  free(l.list);
  free(l.owners);
  free(l.warns);
}

const char *ddlint_config_path(const ddlint_config *cfg) { return cfg->path; }

char *ddlint_frontmatter_value(const char *buf, size_t len, const char *key) {
  size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  /* only the front matter is read, as source.c finds it; a fence line has
   * no ':' and so names no key */
  size_t end = frontmatter_end(buf, len, i);
  size_t klen = strlen(key);
  while (i < end) {
    size_t s = i, e = i;
    while (e < end && buf[e] != '\n' && buf[e] != '\r')
      e++;
    i = e < end && buf[e] == '\r' && e + 1 < end && buf[e + 1] == '\n' ? e + 2
                                                                       : e + 1;
    size_t te = e;
    while (te > s && (buf[te - 1] == ' ' || buf[te - 1] == '\t'))
      te--;
    if (te - s > klen && memcmp(buf + s, key, klen) == 0 &&
        buf[s + klen] == ':') {
      s += klen + 1;
      while (s < te && (buf[s] == ' ' || buf[s] == '\t'))
        s++;
      if (te - s >= 2 && (buf[s] == '"' || buf[s] == '\'') &&
          buf[te - 1] == buf[s])
        s++, te--;
      return te > s ? xstrndup(buf + s, te - s) : NULL;
    }
  }
  return NULL;
}
