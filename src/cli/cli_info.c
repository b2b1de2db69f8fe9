/* The command's reports about a template and a config rather than a
 * document: --list-rules, --explain and --print-config. */
#include "cli.h"
#include "cli_templates.h"
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_list_rules(const ddlint_pack *pk) {
  term_printf(stdout, "%s %s\n", ddlint_pack_name(pk), ddlint_pack_version(pk));
  size_t n = ddlint_pack_rule_count(pk);
  static const char *const doc_rules[] = {"missing-part", "shared-part"};
  int id_width = 24, kind_width = 18; /* widened for longer ids, kinds */
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < n + 2; i++) { /* then a document's own rules */
      const ddlint_rule *r = i < n
                                 ? ddlint_pack_rule(pk, i)
                                 : ddlint_document_rule_find(doc_rules[i - n]);
      int idl = (int)strlen(ddlint_rule_id(r)),
          kl = (int)strlen(ddlint_rule_kind(r));
      if (pass == 0) {
        id_width = idl > id_width ? idl : id_width;
        kind_width = kl > kind_width ? kl : kind_width;
        continue;
      }
      term_printf(stdout, "  %-*s %-*s %-8s %s\n", id_width, ddlint_rule_id(r),
                  kind_width, ddlint_rule_kind(r),
                  ddlint_severity_name(ddlint_rule_severity(r)),
                  ddlint_rule_summary(r));
    }
}

int cli_explain(const ddlint_pack *pk, const char *id) {
  const ddlint_rule *r = ddlint_rule_find(pk, id);
  if (!r) {
    term_message("ddlint: no rule \"%s\" in template \"%s\"; see "
                 "--list-rules",
                 id, ddlint_pack_name(pk));
    return EXIT_TROUBLE;
  }
  term_printf(stdout, "%s (%s, %s)\n\n%s\n\n%s\n", ddlint_rule_id(r),
              ddlint_rule_kind(r),
              ddlint_severity_name(ddlint_rule_severity(r)),
              ddlint_rule_summary(r), ddlint_rule_explain(r));
  const char *k = ddlint_kind_explain(ddlint_rule_kind(r));
  if (k)
    term_printf(stdout, "\nHow the %s kind works: %s\n", ddlint_rule_kind(r),
                k);
  if (*ddlint_rule_help(r))
    term_printf(stdout, "\nHelp shown with each finding: %s\n",
                ddlint_rule_help(r));
  if (ddlint_pack_find_rule(pk, id))
    templates_explain_scope(pk, r);
  if (strstr(ddlint_rule_explain(r), "docs/") || (k && strstr(k, "docs/")))
    printf("\nThe docs/ files named above are installed in %s/docs/; "
           "`ddlint template show %s` prints the template's sections, "
           "aliases, topics and patterns.\n",
           DDLINT_DOCDIR, ddlint_pack_name(pk));
  return 0;
}

/* --print-config: one rule's effective setting, noted by the cascade. */
typedef struct {
  const char **rules, **paths; /* borrowed from the configs */
  int *severity;
  unsigned *line, *col;
  size_t n, cap[5];
} print_settings;

static void S_note_setting(void *ud, const char *rule, int severity,
                           const char *path, unsigned line, unsigned col) {
  print_settings *p = ud;
  xgrow(&p->rules, &p->cap[0], p->n + 1, sizeof *p->rules);
  xgrow(&p->paths, &p->cap[1], p->n + 1, sizeof *p->paths);
  xgrow(&p->severity, &p->cap[2], p->n + 1, sizeof *p->severity);
  xgrow(&p->line, &p->cap[3], p->n + 1, sizeof *p->line);
  xgrow(&p->col, &p->cap[4], p->n + 1, sizeof *p->col);
  p->rules[p->n] = rule;
  p->paths[p->n] = path;
  p->severity[p->n] = severity;
  p->line[p->n] = line;
  p->col[p->n++] = col;
}

static const char *S_setting_name(int severity) {
  return severity < 0 ? "off" : ddlint_severity_name((ddlint_severity)severity);
}

int cli_print_config(run_cache *c, const ddlint_config *explicit_cfg,
                     bool no_config, const char *template_arg,
                     const char *file) {
  int status = 0;
  const char *err = NULL;
  const ddlint_config *cfg = explicit_cfg;
  char *tsource = NULL, *ref = NULL, *ignored = NULL;
  print_settings ps = {0};
  if (!cfg && !no_config) {
    char *dir = runcache_folder_of(file);
    cfg = runcache_discover(c, dir, &err);
    free(dir);
    if (err) {
      fprintf(stderr, "ddlint: %s\n", err);
      status = EXIT_TROUBLE;
      goto out;
    }
  }
  printf("file: %s\n", file);
  printf("configs:%s\n", cfg ? "" : " none");
  for (const ddlint_config *k = cfg; k; k = ddlint_config_parent(k))
    printf("  %s%s\n", ddlint_config_path(k),
           ddlint_config_is_root(k) ? " (root: true)" : "");
  { /* front matter is read from the file when it exists */
    strbuf buf = {0};
    if (!cli_read_input(file, &buf))
      ref = ddlint_frontmatter_value(buf.data ? buf.data : "", buf.len,
                                     "ddlint-template");
    strbuf_free(&buf);
  }
  if (ref) {
    tsource = xasprintf("front matter of %s", file);
  } else if (template_arg) {
    ref = xstrdup(template_arg);
    tsource = xstrdup("--template");
  } else if (cfg &&
             (ref = ddlint_config_template_origin(cfg, file, &tsource))) {
  } else {
    ref = xstrdup(ddlint_default_pack_name());
    tsource = xstrdup("default");
  }
  const ddlint_pack *pack = runcache_pack(c, ref, &err);
  if (!pack) {
    fprintf(stderr, "ddlint: %s\n", err);
    status = EXIT_TROUBLE;
    goto out;
  }
  printf("template: %s (%s)\n", ddlint_pack_name(pack), tsource);
  ignored = cfg ? ddlint_config_ignore_origin(cfg, file) : NULL;
  printf("ignored: %s\n", ignored ? ignored : "no");
  if (cfg)
    ddlint_config_each_rule(cfg, file, S_note_setting, &ps);
  printf("rules:\n");
  size_t n = ddlint_pack_rule_count(pack);
  static const char *const doc_rules[] = {"missing-part", "shared-part"};
  for (size_t i = 0; i < n + 2; i++) {
    const ddlint_rule *r = i < n ? ddlint_pack_rule(pack, i)
                                 : ddlint_document_rule_find(doc_rules[i - n]);
    size_t k = ps.n;
    while (k > 0 && strcmp(ps.rules[k - 1], ddlint_rule_id(r)))
      k--;
    if (k)
      printf("  %-30s %-8s %s:%u:%u\n", ddlint_rule_id(r),
             S_setting_name(ps.severity[k - 1]), ps.paths[k - 1],
             ps.line[k - 1], ps.col[k - 1]);
    else
      printf("  %-30s %-8s template\n", ddlint_rule_id(r),
             ddlint_severity_name(ddlint_rule_severity(r)));
  }
  for (size_t k = 0; k < ps.n; k++)
    if (!ddlint_rule_find(pack, ps.rules[k]))
      printf("  %-30s %-8s %s:%u:%u (not in the template: ignored)\n",
             ps.rules[k], S_setting_name(ps.severity[k]), ps.paths[k],
             ps.line[k], ps.col[k]);
out:
  free(ps.rules);
  free(ps.paths);
  free(ps.severity);
  free(ps.line);
  free(ps.col);
  free(tsource);
  free(ref);
  free(ignored);
  return status;
}
