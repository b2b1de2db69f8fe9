/* The command's template commands (see cli_templates.h): which packs a run
 * can see and where each comes from, and one pack's section tree. They read
 * the pack through the public accessors of ddlint.h and change nothing. */
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
  S_add_folder(l, ddlint_pack_installed_dir(), "installed");
  for (size_t i = 0; i < ddlint_builtin_pack_count(); i++)
    S_add(l, ddlint_builtin_pack_name(i), "built in", NULL);
  if (cfg) {
    char *origin = NULL;
    char *ref = ddlint_config_template_origin(cfg, "./x", &origin);
    if (ref) {
      char *origin_kind = xasprintf("config %s", origin ? origin : "");
      /* a path is listed by its file name, as the folders' packs are */
      const char *base = strrchr(ref, '/') ? strrchr(ref, '/') + 1 : ref;
      size_t len = strlen(base);
      char *name = ddlint_pack_ref_is_path(ref) && len > 5 &&
                           strcmp(base + len - 5, ".json") == 0
                       ? xstrndup(base, len - 5)
                       : xstrdup(base);
      S_add(l, name, origin_kind, ddlint_pack_ref_is_path(ref) ? ref : NULL);
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
    const char *d =
        ddlint_pack_description(pk) ? ddlint_pack_description(pk) : "";
    const char *stop = strstr(d, ". ");
    int dlen = stop ? (int)(stop - d + 1) : (int)strlen(d);
    term_printf(stdout, "    %s %s, %zu section%s, %zu rules%s%.*s\n", ddlint_pack_name(pk),
           ddlint_pack_version(pk), ddlint_pack_section_count(pk),
           ddlint_pack_section_count(pk) == 1 ? "" : "s",
           ddlint_pack_rule_count(pk), dlen ? ": " : "", dlen, d);
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

/* One list of strings of a pack: which list (at) and whose (pack, rule,
 * section s, topic t). */
typedef struct {
  const ddlint_pack *pk;
  const ddlint_rule *r;
  size_t s, t;
  const char *(*at)(const void *list, size_t i);
  size_t n;
  bool local; /* (a topic's patterns: its local ones, or the others) */
} str_list;

static const char *S_not_evidence_at(const void *v, size_t i) {
  return ddlint_pack_not_evidence(((const str_list *)v)->pk, i);
}
static const char *S_section_alias_at(const void *v, size_t i) {
  const str_list *l = v;
  return ddlint_pack_section_alias(l->pk, l->s, i);
}
static const char *S_section_evidence_at(const void *v, size_t i) {
  const str_list *l = v;
  return ddlint_pack_section_evidence(l->pk, l->s, i);
}
static const char *S_section_condition_at(const void *v, size_t i) {
  const str_list *l = v;
  return ddlint_pack_section_condition(l->pk, l->s, i);
}
static const char *S_topic_alias_at(const void *v, size_t i) {
  const str_list *l = v;
  return ddlint_pack_topic_alias(l->pk, l->s, l->t, i);
}
/* (pattern i among the topic's local patterns, or among its others, by
 * l->local: the two are printed apart) */
static size_t S_topic_pattern_index(const str_list *l, size_t i) {
  size_t n = ddlint_pack_topic_pattern_count(l->pk, l->s, l->t);
  for (size_t k = 0; k < n; k++)
    if (!ddlint_pack_topic_pattern_is_local(l->pk, l->s, l->t, k) ==
            !l->local &&
        i-- == 0)
      return k;
  return n;
}
static const char *S_topic_pattern_at(const void *v, size_t i) {
  const str_list *l = v;
  return ddlint_pack_topic_pattern(l->pk, l->s, l->t,
                                   S_topic_pattern_index(l, i));
}
/* (l->local: the unless patterns, else the target patterns) */
static const char *S_topic_row_at(const void *v, size_t i) {
  const str_list *l = v;
  return ddlint_pack_topic_row(l->pk, l->s, l->t, l->local, i);
}
static const char *S_rule_condition_at(const void *v, size_t i) {
  return ddlint_rule_condition(((const str_list *)v)->r, i);
}

static str_list S_section_aliases(const ddlint_pack *pk, size_t s) {
  return (str_list){pk, NULL, s, 0, S_section_alias_at,
                    ddlint_pack_section_alias_count(pk, s), false};
}
static str_list S_section_evidence(const ddlint_pack *pk, size_t s) {
  return (str_list){pk, NULL, s, 0, S_section_evidence_at,
                    ddlint_pack_section_evidence_count(pk, s), false};
}
static str_list S_section_conditions(const ddlint_pack *pk, size_t s) {
  return (str_list){pk, NULL, s, 0, S_section_condition_at,
                    ddlint_pack_section_condition_count(pk, s), false};
}
static str_list S_topic_aliases(const ddlint_pack *pk, size_t s, size_t t) {
  return (str_list){pk, NULL, s, t, S_topic_alias_at,
                    ddlint_pack_topic_alias_count(pk, s, t), false};
}
static str_list S_topic_patterns(const ddlint_pack *pk, size_t s, size_t t,
                                 bool local) {
  size_t n = 0, all = ddlint_pack_topic_pattern_count(pk, s, t);
  for (size_t i = 0; i < all; i++)
    n += !ddlint_pack_topic_pattern_is_local(pk, s, t, i) == !local;
  return (str_list){pk, NULL, s, t, S_topic_pattern_at, n, local};
}
static str_list S_topic_rows(const ddlint_pack *pk, size_t s, size_t t,
                             bool unless) {
  return (str_list){pk, NULL, s, t, S_topic_row_at,
                    ddlint_pack_topic_row_count(pk, s, t, unless), unless};
}
static str_list S_rule_conditions(const ddlint_rule *r) {
  return (str_list){NULL, r, 0, 0, S_rule_condition_at,
                    ddlint_rule_condition_count(r), false};
}

/* "label a, b, c" (the items joined by sep) on one indented line, when
 * there are any. */
static void S_items_line(const char *indent, const char *label,
                         const str_list *l, const char *sep) {
  if (!l->n)
    return;
  term_printf(stdout, "%s%s ", indent, label);
  for (size_t i = 0; i < l->n; i++)
    term_printf(stdout, "%s%s", i ? sep : "", l->at(l, i));
  putchar('\n');
}

static void S_strings_line(const char *indent, const char *label,
                           str_list l) {
  char *colon = xasprintf("%s:", label);
  S_items_line(indent, colon, &l, ", ");
  free(colon);
}

static void S_patterns_line(const char *indent, const char *label,
                            str_list l) {
  char *colon = xasprintf("%s:", label);
  S_items_line(indent, colon, &l, "  |  ");
  free(colon);
}

/* A section's or topic's aliases, patterns (under label) and prompt. */
static void S_names(const char *indent, str_list aliases, const char *label,
                    str_list patterns, const char *prompt) {
  S_strings_line(indent, "aliases", aliases);
  S_patterns_line(indent, label, patterns);
  if (prompt)
    term_printf(stdout, "%sprompt: %s\n", indent, prompt);
}

static void S_topic(const ddlint_pack *pk, size_t s, size_t t) {
  term_printf(stdout, "      - %s [%s]", ddlint_pack_topic_title(pk, s, t),
              ddlint_pack_topic_id(pk, s, t));
  if (ddlint_pack_topic_weight(pk, s, t) != 1.0)
    term_printf(stdout, ", weight %g", ddlint_pack_topic_weight(pk, s, t));
  putchar('\n');
  S_strings_line("          ", "aliases", S_topic_aliases(pk, s, t));
  S_patterns_line("          ", "patterns", S_topic_patterns(pk, s, t, false));
  S_patterns_line("          ", "local patterns (in its own section only)",
                  S_topic_patterns(pk, s, t, true));
  S_patterns_line("          ",
                  "target rows (a list item or table row of its section)",
                  S_topic_rows(pk, s, t, false));
  S_patterns_line("          ", "target rows unless",
                  S_topic_rows(pk, s, t, true));
  if (ddlint_pack_topic_prompt(pk, s, t))
    term_printf(stdout, "          prompt: %s\n",
                ddlint_pack_topic_prompt(pk, s, t));
}

/* "label a; or b" for a `required_if`, on one indented line. */
static void S_conditions_line(const char *indent, const char *label,
                              str_list l) {
  S_items_line(indent, label, &l, "; or ");
}

/* The section ids of a rule's scope, or "every section". */
static void S_scope(const ddlint_pack *pk, const ddlint_rule *r) {
  size_t n;
  const size_t *scope = ddlint_rule_scope(r, &n);
  if (!scope) {
    term_printf(stdout, "every section");
    return;
  }
  for (size_t i = 0; i < n; i++)
    term_printf(stdout, "%s%s", i ? ", " : "",
                ddlint_pack_section_id(pk, scope[i]));
}

static int S_show(const char *ref) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load(ref, &err);
  if (!pk) {
    term_message("ddlint: %s", err ? err : ref);
    free(err);
    return EXIT_TROUBLE;
  }
  term_printf(stdout, "%s %s\n", ddlint_pack_name(pk), ddlint_pack_version(pk));
  if (ddlint_pack_description(pk))
    term_printf(stdout, "%s\n", ddlint_pack_description(pk));
  if (ddlint_pack_title_priority(pk))
    term_printf(stdout, "title_priority: a title beats an alias at any level\n");
  S_strings_line("", "not evidence",
                 (str_list){pk, NULL, 0, 0, S_not_evidence_at,
                            ddlint_pack_not_evidence_count(pk), false});
  term_printf(stdout, "\nsections, in template order:\n");
  for (size_t s = 0; s < ddlint_pack_section_count(pk); s++) {
    size_t nconds = ddlint_pack_section_condition_count(pk, s);
    term_printf(stdout, "  %zu. %s [%s] %s", s + 1,
                ddlint_pack_section_title(pk, s), ddlint_pack_section_id(pk, s),
                nconds                               ? "required when"
                : ddlint_pack_section_required(pk, s) ? "required"
                                                      : "optional");
    for (size_t i = 0; i < nconds; i++)
      term_printf(stdout, "%s%s", i ? "; or " : " ",
                  ddlint_pack_section_condition(pk, s, i));
    if (ddlint_pack_section_weight(pk, s) != 1.0)
      term_printf(stdout, ", weight %g", ddlint_pack_section_weight(pk, s));
    ptrdiff_t parent = ddlint_pack_section_parent(pk, s);
    if (parent >= 0)
      term_printf(stdout, ", under %s [%s]",
                  ddlint_pack_section_title(pk, (size_t)parent),
                  ddlint_pack_section_id(pk, (size_t)parent));
    putchar('\n');
    S_names("      ", S_section_aliases(pk, s), "evidence",
            S_section_evidence(pk, s), ddlint_pack_section_prompt(pk, s));
    if (ddlint_pack_topic_count(pk, s))
      term_printf(stdout, "      topics:\n");
    for (size_t t = 0; t < ddlint_pack_topic_count(pk, s); t++)
      S_topic(pk, s, t);
  }
  term_printf(stdout, "\nrules:\n");
  for (size_t i = 0; i < ddlint_pack_rule_count(pk); i++) {
    const ddlint_rule *r = ddlint_pack_rule(pk, i);
    term_printf(stdout, "  %s (%s, %s): ", ddlint_rule_id(r),
                ddlint_rule_kind(r),
                ddlint_severity_name(ddlint_rule_severity(r)));
    S_scope(pk, r);
    if (ddlint_rule_topic_count(r)) {
      term_printf(stdout, "; topics ");
      for (size_t k = 0; k < ddlint_rule_topic_count(r); k++)
        term_printf(stdout, "%s%s", k ? ", " : "", ddlint_rule_topic(r, k));
    }
    putchar('\n');
    S_conditions_line("      ", "runs when", S_rule_conditions(r));
  }
  ddlint_pack_free(pk);
  return 0;
}

/* Whether required-topic rule r checks topic id: its params.topics, or,
 * without them, every topic that no other required-topic rule lists. */
static bool S_checks_topic(const ddlint_pack *pk, const ddlint_rule *r,
                           const char *id) {
  const ddlint_rule *const *only = &r;
  size_t nonly = ddlint_rule_topic_count(r) ? 1 : 0;
  for (size_t i = 0; !nonly && i < ddlint_pack_rule_count(pk); i++) {
    const ddlint_rule *o = ddlint_pack_rule(pk, i);
    if (o == r || strcmp(ddlint_rule_kind(o), "required-topic") != 0)
      continue;
    for (size_t k = 0; k < ddlint_rule_topic_count(o); k++)
      if (strcmp(ddlint_rule_topic(o, k), id) == 0)
        return false;
  }
  for (size_t k = 0; nonly && k < ddlint_rule_topic_count(*only); k++)
    if (strcmp(ddlint_rule_topic(*only, k), id) == 0)
      return true;
  return !nonly;
}

void templates_explain_scope(const ddlint_pack *pk, const ddlint_rule *r) {
  const char *kind = ddlint_rule_kind(r);
  bool sections = strcmp(kind, "required-section") == 0 ||
                  strcmp(kind, "empty-section") == 0;
  bool topics = strcmp(kind, "required-topic") == 0;
  size_t nscope;
  if (ddlint_rule_condition_count(r)) {
    term_printf(stdout, "\n");
    S_conditions_line("", "It runs only in documents where",
                      S_rule_conditions(r));
  }
  if (!sections && !topics && !ddlint_rule_scope(r, &nscope))
    return;
  term_printf(stdout, "\nIn template \"%s\", it checks ", ddlint_pack_name(pk));
  S_scope(pk, r);
  term_printf(stdout, ":\n");
  for (size_t s = 0; s < ddlint_pack_section_count(pk) && (sections || topics);
       s++) {
    size_t nchecked = 0, ntopics = ddlint_pack_topic_count(pk, s);
    for (size_t t = 0; topics && t < ntopics; t++)
      nchecked += S_checks_topic(pk, r, ddlint_pack_topic_id(pk, s, t));
    if (!ddlint_rule_in_scope(r, s) || (topics && !nchecked))
      continue;
    term_printf(stdout, "  %s [%s]%s\n", ddlint_pack_section_title(pk, s),
                ddlint_pack_section_id(pk, s),
                ddlint_pack_section_condition_count(pk, s) ? ""
                : ddlint_pack_section_required(pk, s)     ? ""
                                                          : " (optional)");
    S_conditions_line("    ", "required only when",
                      S_section_conditions(pk, s));
    if (sections)
      S_strings_line("    ", "also named", S_section_aliases(pk, s));
    for (size_t t = 0; topics && t < ntopics; t++) {
      if (!S_checks_topic(pk, r, ddlint_pack_topic_id(pk, s, t)))
        continue;
      term_printf(stdout, "    topic %s [%s]\n", ddlint_pack_topic_title(pk, s, t),
                  ddlint_pack_topic_id(pk, s, t));
      S_strings_line("      ", "also named", S_topic_aliases(pk, s, t));
      S_patterns_line("      ", "found by", S_topic_patterns(pk, s, t, false));
      S_patterns_line("      ", "and in its own section only by",
                      S_topic_patterns(pk, s, t, true));
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
