/* The command's template commands (see cli_templates.h): which packs a run
 * can see and where each comes from, and one pack's section tree. They read
 * the pack structs (internal.h) but change nothing. */
#include "cli_templates.h"

#include "runcache.h"
#include "term.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EXIT_TROUBLE 2

/* One visible pack: its name (the file name without .json, or a config's
 * reference), where it comes from and its file (NULL: built in). */
typedef struct {
  char *name, *origin_kind, *path; /* owned */
} visible_pack;

typedef struct {
  visible_pack *v;
  size_t n, cap;
} pack_list;

static void S_add(pack_list *l, const char *name, const char *origin_kind,
                  const char *path) {
  xgrow(&l->v, &l->cap, l->n + 1, sizeof(visible_pack));
  l->v[l->n].name = xstrdup(name);
  l->v[l->n].origin_kind = xstrdup(origin_kind);
  l->v[l->n++].path = path ? xstrdup(path) : NULL;
}

static int S_name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every NAME.json of folder dir (not the pack schema), sorted by name. */
static void S_add_folder(pack_list *l, const char *dir,
                         const char *origin_kind) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  char **names = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    size_t len = strlen(e->d_name);
    if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0 ||
        strcmp(e->d_name, "pack.schema.json") == 0 || e->d_name[0] == '.')
      continue;
    xgrow(&names, &cap, n + 1, sizeof(char *));
    names[n++] = xstrndup(e->d_name, len - 5);
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof(char *), S_name_cmp);
  for (size_t i = 0; i < n; i++) {
    char *path = xasprintf("%s/%s.json", dir, names[i]);
    S_add(l, names[i], origin_kind, path);
    free(path);
    free(names[i]);
  }
  free(names);
}

/* The packs a run can see, in the order a name is looked up:
 * $DDLINT_PACK_PATH, the installed folder, the built-in packs; then the
 * template that the config of the current folder names. */
static void S_visible(pack_list *l, const ddlint_config *cfg) {
  const char *env = getenv("DDLINT_PACK_PATH");
  if (env && *env) {
    char *dirs = xstrdup(env);
    for (char *dir = dirs, *next; dir; dir = next) {
      next = strchr(dir, ':');
      if (next)
        *next++ = '\0';
      if (*dir)
        S_add_folder(l, dir, "$DDLINT_PACK_PATH");
    }
    free(dirs);
  }
  S_add_folder(l, pack_installed_dir(), "installed");
  for (const struct embedded_pack *e = embedded_packs; e->name; e++)
    S_add(l, e->name, "built in", NULL);
  if (cfg) {
    char *origin = NULL;
    char *ref = ddlint_config_template_origin(cfg, "./x", &origin);
    if (ref) {
      char *origin_kind = xasprintf("config %s", origin ? origin : "");
      /* a path is listed by its file name, as the folders' packs are */
      const char *base = strrchr(ref, '/') ? strrchr(ref, '/') + 1 : ref;
      size_t len = strlen(base);
      char *name = pack_ref_is_path(ref) && len > 5 &&
                           strcmp(base + len - 5, ".json") == 0
                       ? xstrndup(base, len - 5)
                       : xstrdup(base);
      S_add(l, name, origin_kind, pack_ref_is_path(ref) ? ref : NULL);
      free(name);
      free(origin_kind);
    }
    free(ref);
    free(origin);
  }
}

static ddlint_pack *S_load_visible(const visible_pack *vp, char **err) {
  if (vp->path)
    return ddlint_pack_load_file(vp->path, err);
  if (strncmp(vp->origin_kind, "config", 6) == 0)
    return ddlint_pack_load(vp->name, err);
  return ddlint_pack_load_builtin(vp->name, err);
}

static int S_list(const ddlint_config *cfg) {
  pack_list l = {0};
  S_visible(&l, cfg);
  for (size_t i = 0; i < l.n; i++) {
    const visible_pack *vp = &l.v[i];
    bool shadowed = false;
    bool from_config = strncmp(vp->origin_kind, "config", 6) == 0;
    for (size_t k = 0; k < i && !from_config; k++)
      shadowed |= strcmp(l.v[k].name, vp->name) == 0;
    term_printf(stdout, "%-24s %s%s%s%s\n", vp->name, vp->path ? vp->path : "(built in)",
           vp->path ? " [" : "", vp->path ? vp->origin_kind : "",
           vp->path ? "]" : "");
    if (from_config && !vp->path)
      term_printf(stdout, "    named by the %s\n", vp->origin_kind);
    if (shadowed) {
      term_printf(stdout, "    (not used: a pack of the same name above comes first)\n");
      continue;
    }
    char *err = NULL;
    ddlint_pack *pk = S_load_visible(vp, &err);
    if (!pk) {
      term_printf(stdout, "    does not load: %s\n", err ? err : "");
      free(err);
      continue;
    }
    /* the description's first sentence */
    const char *d = pk->description ? pk->description : "";
    const char *stop = strstr(d, ". ");
    int dlen = stop ? (int)(stop - d + 1) : (int)strlen(d);
    term_printf(stdout, "    %s %s, %zu section%s, %zu rules%s%.*s\n", ddlint_pack_name(pk),
           ddlint_pack_version(pk), pk->nsections,
           pk->nsections == 1 ? "" : "s", pk->nrules, dlen ? ": " : "", dlen,
           d);
    ddlint_pack_free(pk);
  }
  for (size_t i = 0; i < l.n; i++) {
    free(l.v[i].name);
    free(l.v[i].origin_kind);
    free(l.v[i].path);
  }
  free(l.v);
  return 0;
}

/* The i-th string of an array of strings, patterns or conditions. */
static const char *S_string_at(const void *v, size_t i) {
  return ((char *const *)v)[i];
}
static const char *S_pattern_at(const void *v, size_t i) {
  return ((const pattern *)v)[i].source;
}
static const char *S_condition_at(const void *v, size_t i) {
  return ((const condition *)v)[i].text;
}

/* "label: a, b, c" (the items joined by sep) on one indented line, when
 * there are any. */
static void S_items_line(const char *indent, const char *label,
                         const void *items, size_t n,
                         const char *(*at)(const void *, size_t),
                         const char *sep) {
  if (!n)
    return;
  term_printf(stdout, "%s%s ", indent, label);
  for (size_t i = 0; i < n; i++)
    term_printf(stdout, "%s%s", i ? sep : "", at(items, i));
  putchar('\n');
}

static void S_strings_line(const char *indent, const char *label,
                           char *const *v, size_t n) {
  char *colon = xasprintf("%s:", label);
  S_items_line(indent, colon, v, n, S_string_at, ", ");
  free(colon);
}

static void S_patterns_line(const char *indent, const char *label,
                            const pattern *p, size_t n) {
  char *colon = xasprintf("%s:", label);
  S_items_line(indent, colon, p, n, S_pattern_at, "  |  ");
  free(colon);
}

/* A section's or topic's aliases, patterns (under label) and prompt. */
static void S_names(const char *indent, char *const *aliases, size_t naliases,
                    const char *label, const pattern *p, size_t np,
                    const char *prompt) {
  S_strings_line(indent, "aliases", aliases, naliases);
  S_patterns_line(indent, label, p, np);
  if (prompt)
    term_printf(stdout, "%sprompt: %s\n", indent, prompt);
}

static void S_topic(const tmpl_topic *t) {
  term_printf(stdout, "      - %s [%s]", t->title, t->id);
  if (t->weight != 1.0)
    term_printf(stdout, ", weight %g", t->weight);
  putchar('\n');
  S_names("          ", t->aliases, t->naliases, "patterns", t->patterns,
          t->npatterns, t->prompt);
}

/* "label a; or b" for a `required_if`, on one indented line. */
static void S_conditions_line(const char *indent, const char *label,
                              const condition *c, size_t n) {
  S_items_line(indent, label, c, n, S_condition_at, "; or ");
}

/* The section ids of a scope, or "all sections". */
static void S_scope(const ddlint_pack *pk, const size_t *scope, size_t n) {
  if (!scope) {
    term_printf(stdout, "every section");
    return;
  }
  for (size_t i = 0; i < n; i++)
    term_printf(stdout, "%s%s", i ? ", " : "", pk->sections[scope[i]].id);
}

static int S_show(const char *ref) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load(ref, &err);
  if (!pk) {
    term_message("ddlint: %s", err ? err : ref);
    free(err);
    return EXIT_TROUBLE;
  }
  term_printf(stdout, "%s %s\n", pk->name, pk->version);
  if (pk->description)
    term_printf(stdout, "%s\n", pk->description);
  if (pk->title_priority)
    term_printf(stdout, "title_priority: a title beats an alias at any level\n");
  S_strings_line("", "not evidence", pk->not_evidence, pk->nnot_evidence);
  term_printf(stdout, "\nsections, in template order:\n");
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    term_printf(stdout, "  %zu. %s [%s] %s", s + 1, ts->title, ts->id,
           ts->nrequired_if ? "required when"
           : ts->required   ? "required"
                            : "optional");
    for (size_t i = 0; i < ts->nrequired_if; i++)
      term_printf(stdout, "%s%s", i ? "; or " : " ", ts->required_if[i].text);
    if (ts->weight != 1.0)
      term_printf(stdout, ", weight %g", ts->weight);
    if (ts->parent >= 0)
      term_printf(stdout, ", under %s [%s]", pk->sections[ts->parent].title,
             pk->sections[ts->parent].id);
    putchar('\n');
    S_names("      ", ts->aliases, ts->naliases, "evidence", ts->evidence,
            ts->nevidence, ts->prompt);
    if (ts->ntopics)
      term_printf(stdout, "      topics:\n");
    for (size_t t = 0; t < ts->ntopics; t++)
      S_topic(&ts->topics[t]);
  }
  term_printf(stdout, "\nrules:\n");
  for (size_t i = 0; i < pk->nrules; i++) {
    const struct ddlint_rule *r = &pk->rules[i];
    term_printf(stdout, "  %s (%s, %s): ", r->id, r->kind,
           ddlint_severity_name(r->severity));
    S_scope(pk, r->scope, r->nscope);
    if (r->ntopic_ids) {
      term_printf(stdout, "; topics ");
      for (size_t k = 0; k < r->ntopic_ids; k++)
        term_printf(stdout, "%s%s", k ? ", " : "", r->topic_ids[k]);
    }
    putchar('\n');
    S_conditions_line("      ", "runs when", r->required_if, r->nrequired_if);
  }
  ddlint_pack_free(pk);
  return 0;
}

/* Whether required-topic rule r checks topic id: its params.topics, or,
 * without them, every topic that no other required-topic rule lists. */
static bool S_checks_topic(const ddlint_pack *pk, const ddlint_rule *r,
                           const char *id) {
  const ddlint_rule *const *only = &r;
  size_t nonly = r->ntopic_ids ? 1 : 0;
  for (size_t i = 0; !nonly && i < pk->nrules; i++) {
    const ddlint_rule *o = &pk->rules[i];
    if (o == r || strcmp(o->kind, "required-topic") != 0)
      continue;
    for (size_t k = 0; k < o->ntopic_ids; k++)
      if (strcmp(o->topic_ids[k], id) == 0)
        return false;
  }
  for (size_t k = 0; nonly && k < (*only)->ntopic_ids; k++)
    if (strcmp((*only)->topic_ids[k], id) == 0)
      return true;
  return !nonly;
}

void templates_explain_scope(const ddlint_pack *pk, const ddlint_rule *r) {
  bool sections = strcmp(r->kind, "required-section") == 0 ||
                  strcmp(r->kind, "empty-section") == 0;
  bool topics = strcmp(r->kind, "required-topic") == 0;
  if (r->nrequired_if) {
    term_printf(stdout, "\n");
    S_conditions_line("", "It runs only in documents where", r->required_if,
                      r->nrequired_if);
  }
  if (!sections && !topics && !r->scope)
    return;
  term_printf(stdout, "\nIn template \"%s\", it checks ", pk->name);
  S_scope(pk, r->scope, r->nscope);
  term_printf(stdout, ":\n");
  for (size_t s = 0; s < pk->nsections && (sections || topics); s++) {
    const tmpl_section *ts = &pk->sections[s];
    size_t nchecked = 0;
    for (size_t t = 0; topics && t < ts->ntopics; t++)
      nchecked += S_checks_topic(pk, r, ts->topics[t].id);
    if (!rule_in_scope(r, s) || (topics && !nchecked))
      continue;
    term_printf(stdout, "  %s [%s]%s\n", ts->title, ts->id,
           ts->nrequired_if ? ""
           : ts->required   ? ""
                            : " (optional)");
    S_conditions_line("    ", "required only when", ts->required_if,
                      ts->nrequired_if);
    if (sections)
      S_strings_line("    ", "also named", ts->aliases, ts->naliases);
    for (size_t t = 0; topics && t < ts->ntopics; t++) {
      if (!S_checks_topic(pk, r, ts->topics[t].id))
        continue;
      term_printf(stdout, "    topic %s [%s]\n", ts->topics[t].title, ts->topics[t].id);
      S_strings_line("      ", "also named", ts->topics[t].aliases,
                     ts->topics[t].naliases);
      S_patterns_line("      ", "found by", ts->topics[t].patterns,
                      ts->topics[t].npatterns);
    }
  }
}

int templates_main(int argc, char **argv) {
  /* `templates [OPTIONS]`, `template list [OPTIONS]`, `template show NAME` */
  bool plural = strcmp(argv[0], "templates") == 0;
  bool show = !plural && argc >= 2 && strcmp(argv[1], "show") == 0;
  bool list = plural || (argc >= 2 && strcmp(argv[1], "list") == 0);
  if (!show && !list) {
    term_message("ddlint: template: give 'show NAME' or 'list'");
    return EXIT_TROUBLE;
  }
  const char *config = NULL, *name = NULL;
  bool no_config = false;
  for (int i = plural ? 1 : 2; i < argc; i++) {
    if (strcmp(argv[i], "--no-config") == 0)
      no_config = true;
    else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
      config = argv[++i];
    else if (show && !name && argv[i][0] != '-')
      name = argv[i];
    else {
      term_message("ddlint: %s: unexpected argument '%s'", argv[0], argv[i]);
      return EXIT_TROUBLE;
    }
  }
  if (show) {
    if (!name) {
      term_message("ddlint: template show needs a template name or path "
                   "(see ddlint templates)");
      return EXIT_TROUBLE;
    }
    return S_show(name);
  }
  run_cache cache = {0};
  const char *err = NULL;
  const ddlint_config *cfg = NULL;
  if (config) {
    cfg = runcache_config_file(&cache, config, &err);
  } else if (!no_config) {
    char *here = runcache_folder_of("./x");
    cfg = runcache_discover(&cache, here, &err);
    free(here);
  }
  int status = 0;
  if (err) {
    term_message("ddlint: %s", err);
    status = EXIT_TROUBLE;
  } else {
    status = S_list(cfg);
  }
  runcache_free(&cache);
  return status;
}
