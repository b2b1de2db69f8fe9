/* Configuration files (.ddlint.json): the template, per-rule severities,
 * per-glob overrides and ignored files. Loaded with the same strictness and
 * located errors as packs; globs and paths are relative to the config
 * file's folder. Also the front-matter key `ddlint-template`. */
#include "internal.h"

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
};

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
    static const char *const names[] = {"off", "info", "warning", "error"};
    int sev = -2;
    for (int i = 0; i < 4 && cJSON_IsString(m); i++)
      if (strcmp(m->valuestring, names[i]) == 0)
        sev = i - 1;
    if (sev == -2)
      return json_fail(
          ld, m, false,
          "rule \"%s\": the setting must be \"error\", \"warning\", "
          "\"info\" or \"off\"",
          m->string);
    rule_setting *rs = &b->rules[b->nrules++];
    rs->rule = xstrdup(m->string);
    rs->severity = sev;
    jsonloc_linecol(ld->text, ld->len,
                    jsonloc_offset(ld->text, ld->len, ld->root, m, true),
                    &rs->line, &rs->col);
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
      "$schema", "template", "rules", "overrides", "ignore", "documents", NULL};
  static const char *const ovr[] = {"files", "template", "rules", NULL};
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
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (err)
      *err = xasprintf("%s: cannot open config: %s", path, strerror(errno));
    return NULL;
  }
  strbuf sb = {0};
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0 && sb.len <= CONFIG_MAX_BYTES)
    strbuf_put(&sb, buf, n);
  bool bad = ferror(f);
  fclose(f);
  ddlint_config *cfg = NULL;
  if (bad) {
    if (err)
      *err = xasprintf("%s: cannot read config: %s", path, strerror(errno));
  } else {
    cfg = ddlint_config_load_buffer(sb.data ? sb.data : "", sb.len, path, err);
  }
  strbuf_free(&sb);
  return cfg;
}

/* Glob match over '/'-separated segments: "**" matches any number of
 * segments, other segments use fnmatch(3). A table instead of recursion:
 * ok[i][j] means pattern segments i.. match path segments j.. */
bool glob_match(const char *pat, const char *path) {
  const char *ps[GLOB_SEGMENTS_MAX], *ts[GLOB_SEGMENTS_MAX];
  size_t pl[GLOB_SEGMENTS_MAX], tl[GLOB_SEGMENTS_MAX];
  size_t np = 0, nt = 0;
  for (const char *s = pat; *s && np < GLOB_SEGMENTS_MAX;) {
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n && !(n == 1 && *s == '.'))
      ps[np] = s, pl[np++] = n;
    s += n + (e != NULL);
  }
  for (const char *s = path; *s && nt < GLOB_SEGMENTS_MAX;) {
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n && !(n == 1 && *s == '.'))
      ts[nt] = s, tl[nt++] = n;
    s += n + (e != NULL);
  }
  bool ok[GLOB_SEGMENTS_MAX + 1][GLOB_SEGMENTS_MAX + 1];
  memset(ok, 0, sizeof ok);
  ok[np][nt] = true;
  for (size_t i = np; i-- > 0;) {
    bool star = pl[i] == 2 && memcmp(ps[i], "**", 2) == 0;
    char seg[256];
    size_t sl = pl[i] < sizeof seg - 1 ? pl[i] : sizeof seg - 1;
    memcpy(seg, ps[i], sl);
    seg[sl] = '\0';
    for (size_t j = nt + 1; j-- > 0;) {
      if (star) {
        ok[i][j] = ok[i + 1][j] || (j < nt && ok[i][j + 1]);
      } else if (j < nt) {
        char name[256];
        size_t n = tl[j] < sizeof name - 1 ? tl[j] : sizeof name - 1;
        memcpy(name, ts[j], n);
        name[n] = '\0';
        ok[i][j] = ok[i + 1][j + 1] && fnmatch(seg, name, FNM_PERIOD) == 0;
      }
    }
  }
  return ok[0][0];
}

/* Declared in internal.h; stdin's --stdin-filename names a file that need
 * not exist. */
char *path_absolute(const char *path) {
  strbuf in = {0};
  if (path[0] != '/') {
    char cwd[PATH_MAX];
    strbuf_puts(&in, getcwd(cwd, sizeof cwd) ? cwd : "/");
    strbuf_putc(&in, '/');
  }
  strbuf_puts(&in, path);
  strbuf out = {0};
  const char *s = in.data;
  while (*s) {
    while (*s == '/')
      s++;
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n == 2 && s[0] == '.' && s[1] == '.') {
      char *slash = out.len ? strrchr(out.data, '/') : NULL;
      out.len = slash ? (size_t)(slash - out.data) : 0;
      if (out.data)
        out.data[out.len] = '\0';
    } else if (n && !(n == 1 && s[0] == '.')) {
      strbuf_putc(&out, '/');
      strbuf_put(&out, s, n);
    }
    s += n;
  }
  strbuf_free(&in);
  if (!out.len)
    strbuf_putc(&out, '/');
  return strbuf_take(&out);
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

int ddlint_config_is_document(const ddlint_config *cfg, const char *dir) {
  char *rel = S_relative(cfg, dir);
  bool hit = false;
  for (size_t i = 0; rel && i < cfg->ndocuments && !hit; i++) {
    size_t n = strlen(cfg->documents[i]);
    /* "designs/x/" names the folder as "designs/x" does */
    char *g = xstrndup(cfg->documents[i],
                       n > 1 && cfg->documents[i][n - 1] == '/' ? n - 1 : n);
    hit = glob_match(g, rel);
    free(g);
  }
  free(rel);
  return hit;
}

int ddlint_config_ignores(const ddlint_config *cfg, const char *file) {
  char *rel = S_relative(cfg, file);
  bool hit = false;
  for (size_t i = 0; rel && i < cfg->nignore && !hit; i++)
    hit = glob_match(cfg->ignore[i], rel);
  free(rel);
  return hit;
}

char *ddlint_config_template(const ddlint_config *cfg, const char *file) {
  char *rel = S_relative(cfg, file);
  const char *ref = cfg->base.template_ref;
  for (size_t o = 0; rel && o < cfg->noverrides; o++)
    for (size_t g = 0; g < cfg->overrides[o].nfiles; g++)
      if (cfg->overrides[o].template_ref &&
          glob_match(cfg->overrides[o].files[g], rel)) {
        ref = cfg->overrides[o].template_ref;
        break;
      }
  free(rel);
  if (!ref)
    return NULL;
  if (pack_ref_is_path(ref) && ref[0] != '/')
    return xasprintf("%s/%s", cfg->dir, ref);
  return xstrdup(ref);
}

/* Adds the block's settings to the list (a later setting of a rule replaces
 * an earlier one), noting which may warn. */
static void S_collect(const config_block *b, bool may_warn,
                      const rule_setting ***list, bool **warns, size_t *n,
                      size_t *cap, size_t *wcap) {
  for (size_t i = 0; i < b->nrules; i++) {
    size_t k;
    for (k = 0; k < *n; k++)
      if (strcmp((*list)[k]->rule, b->rules[i].rule) == 0)
        break;
    if (k == *n) {
      xgrow(list, cap, *n + 1, sizeof **list);
      xgrow(warns, wcap, *n + 1, sizeof **warns);
      (*n)++;
    }
    (*list)[k] = &b->rules[i];
    (*warns)[k] = may_warn;
  }
}

void ddlint_config_apply(const ddlint_config *cfg, const char *file,
                         const ddlint_pack *pack, ddlint_result *result,
                         void (*warn)(const char *message)) {
  char *rel = S_relative(cfg, file);
  /* Top-level settings meet every template: a rule missing from a template
   * that an override chose is expected, not a typo. */
  bool other_template = false;
  for (size_t o = 0; rel && o < cfg->noverrides; o++)
    for (size_t g = 0; g < cfg->overrides[o].nfiles; g++)
      if (cfg->overrides[o].template_ref &&
          glob_match(cfg->overrides[o].files[g], rel))
        other_template = true;
  const rule_setting **list = NULL;
  bool *warns = NULL;
  size_t n = 0, cap = 0, wcap = 0;
  S_collect(&cfg->base, !other_template, &list, &warns, &n, &cap, &wcap);
  for (size_t o = 0; rel && o < cfg->noverrides; o++)
    for (size_t g = 0; g < cfg->overrides[o].nfiles; g++)
      if (glob_match(cfg->overrides[o].files[g], rel)) {
        S_collect(&cfg->overrides[o], true, &list, &warns, &n, &cap, &wcap);
        break;
      }
  for (size_t k = 0; k < n; k++) {
    const rule_setting *rs = list[k];
    if (ddlint_pack_find_rule(pack, rs->rule) || document_rule_find(rs->rule)) {
      ddlint_result_set_rule_severity(result, rs->rule, rs->severity);
    } else if (warn && warns[k]) {
      char *msg = xasprintf("%s:%u:%u: rule \"%s\" is not in template "
                            "\"%s\"; its setting is ignored",
                            cfg->path, rs->line, rs->col, rs->rule,
                            ddlint_pack_name(pack));
      warn(msg);
      free(msg);
    }
  }
  free(list);
  free(warns);
  free(rel);
}

const char *ddlint_config_path(const ddlint_config *cfg) { return cfg->path; }

char *ddlint_frontmatter_value(const char *buf, size_t len, const char *key) {
  size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (len < i + 3 || memcmp(buf + i, "---", 3) != 0)
    return NULL;
  size_t klen = strlen(key);
  /* only the front matter is read: line by line up to its closing fence */
  bool first = true, second = false;
  const char *vs = NULL;
  size_t vn = 0;
  while (i < len) {
    size_t s = i, e = i;
    while (e < len && buf[e] != '\n' && buf[e] != '\r')
      e++;
    i = e < len && buf[e] == '\r' && e + 1 < len && buf[e + 1] == '\n' ? e + 2
                                                                       : e + 1;
    size_t te = e;
    while (te > s && (buf[te - 1] == ' ' || buf[te - 1] == '\t'))
      te--;
    bool fence = te - s == 3 && (memcmp(buf + s, "---", 3) == 0 ||
                                 (!first && memcmp(buf + s, "...", 3) == 0));
    if (fence && !first) /* the value counts only in closed front matter */
      return vs && vn ? xstrndup(vs, vn) : NULL;
    if (first) {
      first = false;
      second = true;
      continue; /* the opening fence */
    }
    /* as in source.c: YAML lines only, the first of them not blank */
    if ((second && s == te) || !frontmatter_line_ok(buf + s, te - s))
      return NULL;
    second = false;
    if (!vs && te - s > klen && memcmp(buf + s, key, klen) == 0 &&
        buf[s + klen] == ':') {
      s += klen + 1;
      while (s < te && (buf[s] == ' ' || buf[s] == '\t'))
        s++;
      if (te - s >= 2 && (buf[s] == '"' || buf[s] == '\'') &&
          buf[te - 1] == buf[s])
        s++, te--;
      vs = buf + s;
      vn = te > s ? te - s : 0;
    }
  }
  return NULL; /* no closing fence: not front matter */
}
