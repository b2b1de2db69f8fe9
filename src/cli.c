/* The ddlint command: options, template loading, input discovery, then one
 * lint per file through the library and one reporter. Exit status: 0 clean,
 * 1 findings at or above --fail-on, 2 usage, I/O or template errors. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "atomic.h"
#include "cli_templates.h"
#include "diff.h"
#include "init.h"
#include "util.h"
#include "lsp.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "report.h"
#include "runcache.h"
#include "term.h"
#include "walk.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DDLINT_DOCDIR
#define DDLINT_DOCDIR "/usr/local/share/doc/ddlint"
#endif

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2
/* cmark-gfm aborts on a block over 1 GiB, and a lint needs a few times
 * the input: documents over 256 MiB are refused with a message */
#define MAX_INPUT_BYTES ((size_t)256 << 20)

static const char usage_text[] =
    "Usage: ddlint [OPTIONS] PATH...\n"
    "       ddlint lint [OPTIONS] PATH...           (the same as without lint)\n"
    "       ddlint fix [--diff] [OPTIONS] PATH...   (same as --fix)\n"
    "       ddlint init [--template NAME] [--force] FILE\n"
    "       ddlint init --parts [--template NAME] [--force] DIR\n"
    "       ddlint coverage [OPTIONS] PATH...       (same as --format "
    "summary)\n"
    "       ddlint lsp                              (a language server on "
    "stdio)\n"
    "       ddlint templates [--config FILE|--no-config] (the templates a run "
    "sees)\n"
    "       ddlint template show NAME|FILE          (a template's sections, "
    "topics, rules)\n"
    "Lint Markdown design documents against a template.\n"
    "\n"
    "PATH is a file, a directory (searched for *.md and *.markdown, skipping\n"
    "what git ignores), a quoted glob ('docs/**/*.md'), or - for\n"
    "standard input. A folder of numbered chapters (01_intro/README.md,\n"
    "02_data.md, ...) under a README.md is linted as one document.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT      output format: human (default), json, sarif\n"
    "                           (SARIF 2.1.0), github (workflow commands) or\n"
    "                           summary (the coverage table)\n"
    "  -o, --output FILE        write the report to FILE (atomically: a\n"
    "                           temporary file renamed into place)\n"
    "  -t, --template NAME|FILE rule pack: a built-in name or a JSON file\n"
    "                           (default: from the config, else\n"
    "                           ml-system-design, built in); a document's\n"
    "                           front matter `ddlint-template:` wins\n"
    "      --template-locked    ignore `ddlint-template:` in front matter:\n"
    "                           a document cannot choose its own template\n"
    "      --config FILE        use this config instead of the .ddlint.json\n"
    "                           found above each document\n"
    "      --no-config          use no config file\n"
    "      --print-config FILE  show the configs, template and rule settings\n"
    "                           that FILE gets, and where each comes from\n"
    "      --no-ignore          lint files that the config's \"ignore\"\n"
    "                           globs match (by default they are skipped,\n"
    "                           named or found in a folder) and files that\n"
    "                           git ignores in a folder\n"
    "      --document DIR       lint folder DIR as one document made of its\n"
    "                           index and chapters (repeatable)\n"
    "      --parts              init: write DIR/README.md and one chapter\n"
    "                           file per section\n"
    "      --fail-on SEVERITY   lowest severity that fails the run:\n"
    "                           error (default), warning or info\n"
    "      --max-warnings N     fail when there are more than N warnings\n"
    "      --min-score N        fail when a document's completeness score\n"
    "                           (0-100) is below N\n"
    "  -q, --quiet              show errors only, and no summaries\n"
    "      --fix                insert every missing required section at its\n"
    "                           template place (atomic write), then lint\n"
    "      --diff               with --fix: print a unified diff instead of\n"
    "                           writing; exit 1 when there is one\n"
    "      --force              init: overwrite an existing file; fix: also\n"
    "                           complete files found in a folder that have\n"
    "                           no section of the template\n"
    "  -j, --jobs N             lint N files at a time (default: the number\n"
    "                           of processors; spare threads share a large\n"
    "                           file); the output does not depend on N\n"
    "      --report-unused-suppressions\n"
    "                           report ddlint-disable comments that\n"
    "                           suppressed nothing\n"
    "      --stdin-filename NAME  path reported for standard input\n"
    "      --color WHEN         auto (default), always or never; NO_COLOR\n"
    "                           turns colour off in auto mode\n"
    "      --list-rules         list the rules of the template and exit\n"
    "      --list-templates     list the templates and where each is loaded "
    "from\n"
    "      --explain RULE-ID    explain a rule and exit\n"
    "  -V, --version            print the version and exit\n"
    "  -h, --help               print this help and exit\n"
    "\n"
    "Exit status:\n"
    "  0  no finding at or above the failing severity, and every gate passed\n"
    "  1  a finding at or above --fail-on, more than --max-warnings warnings,\n"
    "     or a score below --min-score\n"
    "  2  usage, I/O or template error (the report is still written for the\n"
    "     files that could be read)\n";

typedef struct {
  const char *format;
  const char *template_arg;
  const char *stdin_name;
  const char *explain;
  const char *color;
  const char *output;
  const char *config;
  const char *print_config; /* --print-config FILE */
  bool list_rules;
  bool quiet;
  bool fix, diff, force, parts;
  const char **documents; /* --document folders */
  size_t ndocuments;
  bool report_unused;
  bool template_locked; /* front matter may not choose the template */
  bool no_ignore; /* --no-ignore: lint what the config's "ignore" matches */
  ddlint_severity fail_on;
  long max_warnings; /* -1: no limit */
  long jobs;         /* worker threads */
  double min_score;  /* -1: no gate */
} cli_opts;

/* A plain decimal number in [lo, hi] (digits, then for a fraction one '.'
 * and digits; no sign, space, exponent, hex, inf or nan), or false. */
static bool S_parse_number(const char *s, double lo, double hi, double *out) {
  size_t i = strspn(s, "0123456789");
  if (i && s[i] == '.' && s[i + 1])
    i += 1 + strspn(s + i + 1, "0123456789");
  if (!i || s[i])
    return false;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end || !(v >= lo && v <= hi))
    return false;
  *out = v;
  return true;
}

static int S_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int S_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = xvasprintf(fmt, ap);
  va_end(ap);
  term_message("ddlint: %s", msg);
  free(msg);
  fputs("Try 'ddlint --help' for more information.\n", stderr);
  return EXIT_TROUBLE;
}

/* Reads the file at path, or standard input when path is NULL, into out
 * (see source_read_fd); NULL, or why not. */
static const char *S_read_input(const char *path, strbuf *out) {
  const char *why = path ? source_read_file(path, MAX_INPUT_BYTES, out)
                         : source_read_fd(STDIN_FILENO, MAX_INPUT_BYTES, out);
  if (!why && out->len > MAX_INPUT_BYTES)
    why = strerror(EFBIG);
  return why;
}

/* Writes the report kept in mem (open_memstream on *report) to path,
 * atomically; frees it. False with errno set. */
static bool S_write_report(const char *path, FILE *mem, char **report,
                           size_t *len) {
  bool ok = fclose(mem) == 0;
  const char *in_place;
  if (ok) {
    ok = atomic_write(path, *report, *len, &in_place);
    if (in_place)
      term_message("ddlint: warning: %s: written in place: %s", path,
                   in_place);
  }
  free(*report);
  *report = NULL;
  return ok;
}

/* The input (a named or walked file, or a document's part) that is the
 * same file as path (device and inode), or NULL: -o onto it would replace
 * a document with its own report. */
static const char *S_input_at(const file_list *fl, const char *path) {
  struct stat out, in;
  if (stat(path, &out) != 0)
    return NULL;
  for (size_t i = 0; i < fl->n; i++) {
    const doc_spec *d = fl->docs[i];
    for (size_t k = 0; k < (d ? d->nparts : 1); k++) {
      const char *p = d ? d->parts[k] : fl->paths[i];
      if (strcmp(p, "-") != 0 && stat(p, &in) == 0 && in.st_dev == out.st_dev &&
          in.st_ino == out.st_ino)
        return p;
    }
  }
  return NULL;
}

static void S_list_rules(const ddlint_pack *pk) {
  term_printf(stdout, "%s %s\n", ddlint_pack_name(pk), ddlint_pack_version(pk));
  size_t n = ddlint_pack_rule_count(pk);
  static const char *const doc_rules[] = {"missing-part", "shared-part"};
  int id_width = 24, kind_width = 18; /* widened for longer ids, kinds */
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < n + 2; i++) { /* then a document's own rules */
      const ddlint_rule *r = i < n ? ddlint_pack_rule(pk, i)
                                   : ddlint_document_rule_find(doc_rules[i - n]);
      int idl = (int)strlen(ddlint_rule_id(r)),
          kl = (int)strlen(ddlint_rule_kind(r));
      if (pass == 0) {
        id_width = idl > id_width ? idl : id_width;
        kind_width = kl > kind_width ? kl : kind_width;
        continue;
      }
      term_printf(stdout, "  %-*s %-*s %-8s %s\n", id_width,
                  ddlint_rule_id(r), kind_width, ddlint_rule_kind(r),
                  ddlint_severity_name(ddlint_rule_severity(r)),
                  ddlint_rule_summary(r));
    }
}

static int S_explain(const ddlint_pack *pk, const char *id) {
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

static run_cache *S_cache;

/* Prints a config warning once per run. */
static void S_warn_once(const char *msg) {
  run_cache *c = S_cache;
  if (strmap_get(&c->warned_set, msg) != SIZE_MAX)
    return;
  xgrow(&c->warned, &c->warned_cap, c->nwarned + 1, sizeof(char *));
  c->warned[c->nwarned] = xstrdup(msg);
  strmap_put(&c->warned_set, c->warned[c->nwarned], c->nwarned);
  c->nwarned++;
  term_message("ddlint: warning: %s", msg);
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

/* Prints the configs, template, ignore verdict and rule severities that
 * linting `file` would use, each with where it comes from. */
static int S_print_config(run_cache *c, const ddlint_config *explicit_cfg,
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
    if (!S_read_input(file, &buf))
      ref = ddlint_frontmatter_value(buf.data ? buf.data : "", buf.len,
                                     "ddlint-template");
    strbuf_free(&buf);
  }
  if (ref) {
    tsource = xasprintf("front matter of %s", file);
  } else if (template_arg) {
    ref = xstrdup(template_arg);
    tsource = xstrdup("--template");
  } else if (cfg && (ref = ddlint_config_template_origin(cfg, file, &tsource))) {
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
    const ddlint_rule *r =
        i < n ? ddlint_pack_rule(pack, i) : ddlint_document_rule_find(doc_rules[i - n]);
    size_t k = ps.n;
    while (k > 0 && strcmp(ps.rules[k - 1], ddlint_rule_id(r)))
      k--;
    if (k)
      printf("  %-30s %-8s %s:%u:%u\n", ddlint_rule_id(r),
             S_setting_name(ps.severity[k - 1]), ps.paths[k - 1], ps.line[k - 1], ps.col[k - 1]);
    else
      printf("  %-30s %-8s template\n", ddlint_rule_id(r),
             ddlint_severity_name(ddlint_rule_severity(r)));
  }
  for (size_t k = 0; k < ps.n; k++)
    if (!ddlint_rule_find(pack, ps.rules[k]))
      printf("  %-30s %-8s %s:%u:%u (not in the template: ignored)\n",
             ps.rules[k], S_setting_name(ps.severity[k]), ps.paths[k], ps.line[k], ps.col[k]);
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

/* One document of the run. A worker fills it; the main thread reports it,
 * in order, so the output is the same whatever the number of workers. */
typedef struct {
  ddlint_result *result; /* owned until reported */
  strbuf messages;       /* stderr lines, printed when reported */
  strbuf out;            /* stdout text (a diff, a fixed stdin) */
  bool no_report;        /* --diff, or a fixed stdin: out replaces it */
  size_t unreadable;
  bool done;
} job;

typedef struct {
  const cli_opts *o;
  run_cache *cache;
  const file_list *files;
  const ddlint_config *explicit_cfg;
  bool *skip; /* per entry: a walked file that is a document's part */
  bool no_config;
  size_t stdin_job;     /* index of the "-" that reads stdin */
  job *jobs;            /* owned, one per file */
  size_t next;          /* next file to hand to a worker */
  pthread_mutex_t lock; /* guards next, done flags and the caches */
  pthread_cond_t cond;
  pthread_t *threads;
  size_t nthreads;
} runner;

static _Thread_local job *S_current_job;
static const cli_opts *S_opts;

/* Warnings from the config go to the current job, printed in order. */
static void S_warn_job(const char *msg) {
  if (S_current_job) {
    strbuf_putc(&S_current_job->messages, '\x01');
    term_append(&S_current_job->messages, "%s", msg);
  }
}

/* Adds a problem of the run for the reporters (owned copies, freed by
 * S_problems_free()). */
static void S_add_problem(report_totals *t, size_t *cap, const char *path,
                          const char *title, const char *message) {
  report_problem *list = (report_problem *)t->problems;
  xgrow(&list, cap, t->nproblems + 1, sizeof *list);
  if (!strncmp(message, "ddlint: ", 8))
    message += 8;
  list[t->nproblems++] = (report_problem){
      path ? xstrdup(path) : NULL, title, xstrndup(message, strcspn(message, "\n"))};
  t->problems = list;
}

static void S_problems_free(report_totals *t) {
  for (size_t i = 0; i < t->nproblems; i++) {
    free((char *)t->problems[i].path);
    free((char *)t->problems[i].message);
  }
  free((report_problem *)t->problems);
}

/* The message of a job that could not be read: its last line that is no
 * warning. */
static const char *S_job_error(const job *jb) {
  const char *s = jb->messages.data, *last = "cannot be read";
  for (; s && *s; s += strcspn(s, "\n") + (s[strcspn(s, "\n")] != '\0'))
    if (*s != '\x01' && strncmp(s, "ddlint: warning:", 16) != 0)
      last = s;
  return last;
}

/* Prints a job's messages; lines marked \x01 are config warnings, printed
 * once per run. */
static void S_print_messages(job *jb) {
  char *s = jb->messages.data;
  while (s && *s) {
    char *nl = strchr(s, '\n');
    if (nl)
      *nl = '\0';
    if (*s == '\x01')
      S_warn_once(s + 1);
    else
      fprintf(stderr, "%s\n", s);
    s = nl ? nl + 1 : s + strlen(s);
  }
  strbuf_free(&jb->messages);
}

static void S_fix_job(job *jb, const ddlint_pack *pack, const char *path,
                      const char *shown, bool is_stdin, strbuf *buf,
                      const ddlint_options *lo);
static bool S_fix_skips(job *jb, const char *name, bool walked);

/* A binary file, as git judges one: a NUL byte in the first 8000 bytes; and,
 * so that a text file with a stray NUL is still linted, at least one in ten
 * of those bytes a control character or invalid UTF-8. */
/* Whether some line of data is an ATX heading ("# Title"): a file with one
 * is Markdown, whatever control bytes it also holds. */
static bool S_has_heading(const char *data, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (i && data[i - 1] != '\n')
      continue;
    size_t h = 0;
    while (i + h < len && h < 7 && data[i + h] == '#')
      h++;
    if (h >= 1 && h <= 6 && i + h + 1 < len && data[i + h] == ' ' &&
        (unsigned char)data[i + h + 1] > ' ')
      return true;
  }
  return false;
}

/* Whether data starts with a UTF-16 (or UTF-32) byte-order mark. */
static bool S_is_utf16(const char *data, size_t len) {
  return len >= 2 &&
         (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
          ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF));
}

/* Control bytes (C0 but tab, newline, CR and form feed, and DEL) in data. */
static size_t S_control_bytes(const char *data, size_t len, size_t *first) {
  size_t n = 0;
  *first = SIZE_MAX;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)data[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
        c == 0x7F) {
      if (!n++)
        *first = i;
    }
  }
  return n;
}

/* Looks binary: NUL bytes and at least 10% control or invalid bytes in the
 * first 8000. Only a file with no Markdown heading is then skipped, so that
 * a design document cannot skip linting by holding control bytes. */
static bool S_is_binary(const char *data, size_t len) {
  size_t n = len < 8000 ? len : 8000, odd = 0;
  bool nul = false;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)data[i];
    size_t v = utf8_valid_len((const unsigned char *)data + i, n - i);
    nul |= c == 0;
    if (!v || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'))
      odd++;
    i += v ? v : 1;
  }
  return nul && odd * 10 >= n;
}

/* The warning for a file that looks binary but has a heading, so is
 * linted: how many control bytes it holds and where the first is. */
static void S_warn_controls(job *jb, const char *shown, const char *data,
                            size_t len) {
  size_t first, n = S_control_bytes(data, len, &first);
  term_append(&jb->messages,
              "ddlint: warning: %s: %zu control bytes, the first at byte "
              "%zu; linted as Markdown (it has headings)",
              shown, n, first);
}

/* ---- documents made of several files ---- */

/* The parts of one document as read: texts owned, errors static. */
typedef struct {
  const doc_spec *spec;
  strbuf *texts;
  const char **errors;
} doc_read;

static void S_read_part(void *arg, size_t k) {
  doc_read *dr = arg;
  if (dr->spec->owner[k])
    return;       /* linted in an earlier document */
  struct stat st; /* a FIFO or device named as a part is not opened */
  if (stat(dr->spec->parts[k], &st) == 0 && !S_ISREG(st.st_mode)) {
    dr->errors[k] =
        S_ISDIR(st.st_mode) ? "a directory, not a file" : "not a regular file";
    return;
  }
  const char *why = S_read_input(dr->spec->parts[k], &dr->texts[k]);
  if (why) { /* one swapped in since the stat is refused by the read */
    dr->errors[k] = why;
    strbuf_free(&dr->texts[k]);
  } else if (S_is_utf16(dr->texts[k].data, dr->texts[k].len)) {
    dr->errors[k] = "UTF-16 text (a byte-order mark), not UTF-8";
    strbuf_free(&dr->texts[k]);
  } else if (S_is_binary(dr->texts[k].data, dr->texts[k].len) &&
             !S_has_heading(dr->texts[k].data, dr->texts[k].len)) {
    dr->errors[k] = "a binary file, not Markdown";
    strbuf_free(&dr->texts[k]);
  } else if (!dr->texts[k].data) {
    xgrow(&dr->texts[k].data, &dr->texts[k].cap, 1, 1);
    dr->texts[k].data[0] = '\0';
  }
}

/* The document's name: its folder as given, without a trailing slash. */
static char *S_doc_name(const doc_spec *spec) {
  size_t n = strlen(spec->dir);
  while (n > 1 && spec->dir[n - 1] == '/')
    n--;
  return xstrndup(spec->dir, n);
}

static ddlint_result *S_lint_doc(const ddlint_pack *pack, const char *name,
                                 const doc_spec *spec, strbuf *texts,
                                 const char **errors,
                                 const ddlint_options *lo) {
  ddlint_part *parts = xcalloc(spec->nparts + 1, sizeof(ddlint_part));
  for (size_t k = 0; k < spec->nparts; k++) {
    parts[k].path = spec->parts[k];
    parts[k].text = errors[k] || spec->owner[k] ? NULL : texts[k].data;
    parts[k].len = texts[k].len;
    parts[k].error = errors[k];
    parts[k].owner = spec->owner[k];
    parts[k].named_in =
        spec->has_index && spec->named_at[k] != SIZE_MAX ? 0 : SIZE_MAX;
    parts[k].named_at = spec->named_at[k];
  }
  ddlint_result *r = ddlint_lint_document(pack, name, parts, spec->nparts,
                                          spec->has_index, lo);
  free(parts);
  return r;
}

/* fix for a document (fix_plan_parts()): each changed part is written
 * atomically. */
static void S_fix_doc(job *jb, const ddlint_pack *pack, const char *name,
                      const doc_spec *spec, strbuf *texts, const char **errors,
                      const ddlint_options *lo) {
  const cli_opts *o = S_opts;
  ddlint_fix *fx = ddlint_fix_plan(jb->result);
  size_t n = ddlint_fix_count(fx);
  bool rewrote = false;
  for (size_t i = 0; i < n;) {
    size_t k, j = i;
    ddlint_fix_edit(fx, i, &k, NULL, NULL, NULL, NULL, NULL);
    for (size_t pj; j < n; j++) {
      ddlint_fix_edit(fx, j, &pj, NULL, NULL, NULL, NULL, NULL);
      if (pj != k)
        break;
    }
    const char *old = texts[k].data ? texts[k].data : "";
    size_t old_len = texts[k].len;
    if (o->diff) {
      diff_insertions(&jb->out, spec->parts[k], old, old_len, fx, i, j - i);
    } else {
      size_t nlen;
      char *fixed = ddlint_fix_apply(fx, i, j - i, old, old_len, &nlen);
      const char *in_place;
      bool ok = atomic_write(spec->parts[k], fixed, nlen, &in_place);
      if (in_place)
        term_append(&jb->messages, "ddlint: warning: %s: written in place: %s",
                    spec->parts[k], in_place);
      if (!ok) {
        term_append(&jb->messages,
                    "ddlint: cannot write %s: %s; it is unchanged",
                    spec->parts[k], atomic_strerror(errno));
        jb->unreadable++;
        free(fixed);
      } else {
        strbuf_free(&texts[k]);
        texts[k].data = fixed;
        texts[k].len = texts[k].cap = nlen;
        rewrote = true;
      }
    }
    i = j;
  }
  ddlint_fix_free(fx);
  if (o->diff)
    jb->no_report = true;
  if (rewrote) {
    ddlint_result_free(jb->result);
    jb->result = S_lint_doc(pack, name, spec, texts, errors, lo);
  }
}

/* The pack for a file or document: its front matter's `ddlint-template`
 * (fm_ref, taken over; NULL when absent), else --template, else the config,
 * else the default. *cfg_chose says whether the config or the default chose
 * it (a config's warnings then apply). NULL with *err on a bad template. */
static const ddlint_pack *S_choose_pack(runner *rn, const ddlint_config *cfg,
                                        char *fm_ref, const char *path,
                                        bool *cfg_chose, const char **err) {
  char *ref = fm_ref;
  *cfg_chose = false;
  if (ref && rn->o->template_locked) { /* CI: the pull request's document
                                          may not pick an empty pack */
    free(ref);
    ref = NULL;
  } else if (ref && ddlint_pack_ref_is_path(ref) && ref[0] != '/') {
    char *dir = runcache_folder_of(path); /* relative to the document's folder */
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

static void S_run_doc_job(runner *rn, size_t i) {
  const cli_opts *o = rn->o;
  job *jb = &rn->jobs[i];
  const doc_spec *spec = rn->files->docs[i];
  const char *err = NULL;
  char *name = S_doc_name(spec);
  size_t np = spec->nparts;
  strbuf *texts = xcalloc(np + 1, sizeof(strbuf));
  const char **errors = xcalloc(np + 1, sizeof(char *));
  S_current_job = jb;
  long per_doc = o->jobs / (long)(rn->files->n ? rn->files->n : 1);
  unsigned threads = per_doc > 1 ? (unsigned)per_doc : 1;
  doc_read dr = {spec, texts, errors};
  run_tasks(np, threads, S_read_part, &dr);
  for (size_t k = 0; k < np; k++) /* a part is warned about as a file is */
    if (!errors[k] && !spec->owner[k] &&
        S_is_binary(texts[k].data, texts[k].len))
      S_warn_controls(jb, spec->parts[k], texts[k].data, texts[k].len);
  size_t total = 0;
  for (size_t k = 0; k < np; k++)
    total += texts[k].len;
  if (total > MAX_INPUT_BYTES) {
    term_append(&jb->messages,
                "ddlint: %s: the parts make %zu bytes, over the %zu MiB a "
                "document may have; not linted",
                name, total, MAX_INPUT_BYTES >> 20);
    jb->unreadable++;
    goto out;
  }
  /* the config of the document: the nearest .ddlint.json above its folder */
  const ddlint_config *cfg = rn->explicit_cfg;
  if (!cfg && !rn->no_config) {
    char *probe = xasprintf("%s/x", name);
    char *dir = runcache_folder_of(probe);
    free(probe);
    pthread_mutex_lock(&rn->lock);
    cfg = runcache_discover(rn->cache, dir, &err);
    pthread_mutex_unlock(&rn->lock);
    free(dir);
    if (err) {
      term_append(&jb->messages, "ddlint: %s", err);
      jb->unreadable++;
      goto out;
    }
  }
  if (cfg && !o->no_ignore && ddlint_config_ignores(cfg, spec->parts[0]))
    goto out; /* a document the config ignores */
  /* the template: the index's front matter, else --template, else config */
  char *ref = spec->has_index && texts[0].data
                  ? ddlint_frontmatter_value(texts[0].data, texts[0].len,
                                             "ddlint-template")
                  : NULL;
  bool cfg_chose;
  const ddlint_pack *pack =
      S_choose_pack(rn, cfg, ref, spec->parts[0], &cfg_chose, &err);
  if (!pack) {
    term_append(&jb->messages, "ddlint: %s: %s", name, err);
    jb->unreadable++;
    goto out;
  }
  ddlint_options lo = {.report_unused_suppressions = o->report_unused,
                       .threads = (int)threads};
  jb->result = S_lint_doc(pack, name, spec, texts, errors, &lo);
  if (o->fix && !S_fix_skips(jb, name, rn->files->walked[i]))
    S_fix_doc(jb, pack, name, spec, texts, errors, &lo);
  /* configs apply per file: each part gets the one above it */
  for (size_t k = 0; jb->result && k < np; k++) {
    const ddlint_config *pc = rn->explicit_cfg;
    if (!pc && !rn->no_config) {
      char *dir = runcache_folder_of(spec->parts[k]);
      pthread_mutex_lock(&rn->lock);
      pc = runcache_discover(rn->cache, dir, &err);
      pthread_mutex_unlock(&rn->lock);
      free(dir);
    }
    if (pc)
      ddlint_config_apply_file(pc, spec->parts[k], pack, jb->result,
                               cfg_chose && k == 0 ? S_warn_job : NULL);
  }
out:
  S_current_job = NULL;
  for (size_t k = 0; k < np; k++)
    strbuf_free(&texts[k]);
  free(texts);
  free(errors);
  free(name);
}

static void S_run_job(runner *rn, size_t i) {
  if (rn->files->docs && rn->files->docs[i]) {
    S_run_doc_job(rn, i);
    return;
  }
  if (rn->skip && rn->skip[i])
    return;
  const cli_opts *o = rn->o;
  job *jb = &rn->jobs[i];
  const char *path = rn->files->paths[i];
  bool is_stdin = strcmp(path, "-") == 0;
  strbuf buf = {0};
  const char *why = NULL; /* why the file cannot be read */
  const char *err = NULL;
  S_current_job = jb;
  if (is_stdin) {
    if (i != rn->stdin_job) /* "-" twice: the second gets nothing to read */
      why = strerror(EINVAL);
    else
      why = S_read_input(NULL, &buf);
  } else {
    why = S_read_input(path, &buf);
  }
  const char *shown = is_stdin && o->stdin_name ? o->stdin_name : path;
  /* the config: --config, else the nearest .ddlint.json above the file */
  const ddlint_config *cfg = rn->explicit_cfg;
  if (!cfg && !rn->no_config) {
    char *dir =
        runcache_folder_of(is_stdin ? (o->stdin_name ? o->stdin_name : "./-") : path);
    pthread_mutex_lock(&rn->lock);
    cfg = runcache_discover(rn->cache, dir, &err);
    pthread_mutex_unlock(&rn->lock);
    free(dir);
    if (err) {
      term_append(&jb->messages, "ddlint: %s", err);
      jb->unreadable++;
      goto out;
    }
  }
  if (cfg && !o->no_ignore && ddlint_config_ignores(cfg, shown)) {
    /* ignored by the config, named or walked (as markdownlint-cli2 and
     * pre-commit expect); a fixed stdin is the text unchanged */
    if (is_stdin && !why && o->fix && !o->diff) {
      strbuf_put(&jb->out, buf.data ? buf.data : "", buf.len);
      jb->no_report = true;
    }
    goto out;
  }
  if (why) {
    term_append(&jb->messages, "%s: cannot read: %s", shown, why);
    jb->unreadable++;
    goto out;
  }
  if (S_is_utf16(buf.data, buf.len)) {
    term_append(&jb->messages,
                "%s: cannot read: UTF-16 text (a byte-order mark); save it "
                "as UTF-8",
                shown);
    jb->unreadable++;
    goto out;
  }
  if (S_is_binary(buf.data, buf.len)) {
    if (!S_has_heading(buf.data, buf.len)) {
      term_append(&jb->messages, "ddlint: warning: %s: binary file, not linted",
                  shown);
      goto out;
    }
    S_warn_controls(jb, shown, buf.data, buf.len);
  }
  /* the template: front matter, else --template, else the config */
  char *ref = ddlint_frontmatter_value(buf.data ? buf.data : "", buf.len,
                                       "ddlint-template");
  bool cfg_chose;
  const ddlint_pack *fpack =
      S_choose_pack(rn, cfg, ref, shown, &cfg_chose, &err);
  if (!fpack) {
    term_append(&jb->messages, "ddlint: %s: %s", shown, err);
    jb->unreadable++;
    goto out;
  }
  /* threads beyond one per file go to parsing a large file in pieces */
  long per_doc = o->jobs / (long)(rn->files->n ? rn->files->n : 1);
  ddlint_options lo = {.report_unused_suppressions = o->report_unused,
                       .threads = per_doc > 1 ? (int)per_doc : 1};
  if (o->fix) {
    jb->result = ddlint_lint_buffer_opts(fpack, shown,
                                         buf.data ? buf.data : "", buf.len, &lo);
  } else { /* the result takes the text: no second copy of a large file */
    size_t len = buf.len;
    jb->result = ddlint_lint_owned_buffer(fpack, shown, strbuf_take(&buf), len, &lo);
  }
  if (ddlint_result_error(jb->result)) { /* too dense to parse: no report */
    term_append(&jb->messages, "ddlint: %s: not linted: %s", shown,
                ddlint_result_error(jb->result));
    jb->unreadable++;
    ddlint_result_free(jb->result);
    jb->result = NULL;
    goto out;
  }
  if (o->fix && !S_fix_skips(jb, shown, rn->files->walked[i]))
    S_fix_job(jb, fpack, path, shown, is_stdin, &buf, &lo);
  /* a setting for a rule the template lacks is worth a warning only when
   * the config chose the template; other templates lack rules by design */
  if (cfg)
    ddlint_config_apply(cfg, shown, fpack, jb->result,
                        cfg_chose ? S_warn_job : NULL);
out:
  S_current_job = NULL;
  strbuf_free(&buf);
}

/* Whether fix leaves a file found by walking a folder alone: one with no
 * section of its template (a README, a changelog) is no design document
 * to complete, unless --force. Says so in the job's messages. */
static bool S_fix_skips(job *jb, const char *name, bool walked) {
  const ddlint_result *r = jb->result;
  if (!walked || S_opts->force || !r)
    return false;
  const ddlint_pack *pk = ddlint_result_pack(r);
  for (size_t s = 0; s < ddlint_pack_section_count(pk); s++)
    if (ddlint_result_section_level(r, s) ||
        ddlint_result_section_near(r, s, NULL, NULL, NULL))
      return false;
  strbuf_printf(&jb->messages,
                "ddlint: fix: skipped %s: it has none of the sections of "
                "template \"%s\"; `ddlint fix --force` completes it anyway\n",
                name, ddlint_pack_name(pk));
  if (S_opts->diff)
    jb->no_report = true; /* a diff run shows diffs, not reports */
  return true;
}

/* --fix: insert the missing sections; write the file atomically (or put a
 * diff, or a fixed stdin, in the job's output), then lint the fixed text. */
static void S_fix_job(job *jb, const ddlint_pack *pack, const char *path,
                      const char *shown, bool is_stdin, strbuf *buf,
                      const ddlint_options *lo) {
  const cli_opts *o = S_opts;
  ddlint_fix *fx = ddlint_fix_plan(jb->result);
  size_t n = ddlint_fix_count(fx);
  size_t nlen;
  char *fixed =
      ddlint_fix_apply(fx, 0, n, buf->data ? buf->data : "", buf->len, &nlen);
  if (o->diff) {
    if (n)
      diff_insertions(&jb->out, shown, buf->data ? buf->data : "", buf->len,
                      fx, 0, n);
    jb->no_report = true;
  } else if (is_stdin) {
    strbuf_put(&jb->out, fixed, nlen);
    jb->no_report = true;
  } else if (n) {
    const char *in_place;
    bool ok = atomic_write(path, fixed, nlen, &in_place);
    if (in_place)
      term_append(&jb->messages, "ddlint: warning: %s: written in place: %s",
                  shown, in_place);
    if (!ok) {
      term_append(&jb->messages,
                  "ddlint: cannot write %s: %s; it is "
                  "unchanged",
                  shown, atomic_strerror(errno));
      jb->unreadable++;
    } else {
      ddlint_result_free(jb->result);
      jb->result = ddlint_lint_buffer_opts(pack, shown, fixed, nlen, lo);
    }
  }
  free(fixed);
  ddlint_fix_free(fx);
}

/* The template a new skeleton names in its front matter: --template when
 * it is not the default (a config that chose it chooses it again). */
static const char *S_init_template_ref(const cli_opts *o) {
  const char *t = o->template_arg;
  return t && strcmp(t, ddlint_default_pack_name()) != 0 ? t : NULL;
}

/* `ddlint init FILE`: the skeleton, written atomically; an existing file is
 * kept unless --force. */
static int S_init_parts(const ddlint_pack *pack, const cli_opts *o,
                        const char *dir) {
  char **names, **texts;
  size_t n = init_parts(pack, dir, S_init_template_ref(o), &names, &texts);
  int status = 0;
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    term_message("ddlint: cannot create %s: %s", dir, strerror(errno));
    status = EXIT_TROUBLE;
  }
  for (size_t i = 0; !status && !o->force && i < n; i++) {
    char *path = xasprintf("%s/%s", dir, names[i]);
    if (access(path, F_OK) == 0) {
      term_message("ddlint: %s exists; not overwriting it (use --force)", path);
      status = EXIT_TROUBLE;
    }
    free(path);
  }
  for (size_t i = 0; !status && i < n; i++) {
    char *path = xasprintf("%s/%s", dir, names[i]);
    if (!atomic_write(path, texts[i], strlen(texts[i]), NULL)) {
      term_message("ddlint: cannot write %s: %s", path, atomic_strerror(errno));
      status = EXIT_TROUBLE;
    }
    free(path);
  }
  for (size_t i = 0; i < n; i++) {
    free(names[i]);
    free(texts[i]);
  }
  free(names);
  free(texts);
  return status;
}

static int S_init(const ddlint_pack *pack, const cli_opts *o, int nargs,
                  char **args) {
  if (o->parts) {
    if (nargs != 1 || strcmp(args[0], "-") == 0)
      return S_usage_error("%s", "init --parts takes one DIR");
    return S_init_parts(pack, o, args[0]);
  }
  if (nargs != 1)
    return S_usage_error("%s", "init takes one FILE (- for stdout)");
  const char *path = args[0];
  char *text = init_skeleton(pack, path, S_init_template_ref(o));
  int status = 0;
  if (strcmp(path, "-") == 0) {
    fputs(text, stdout);
  } else if (!o->force && access(path, F_OK) == 0) {
    term_message("ddlint: %s exists; not overwriting it (use --force)", path);
    status = EXIT_TROUBLE;
  } else {
    if (!atomic_write(path, text, strlen(text), NULL)) {
      term_message("ddlint: cannot write %s: %s", path, atomic_strerror(errno));
      status = EXIT_TROUBLE;
    }
  }
  free(text);
  return status;
}

static void *S_worker(void *arg) {
  runner *rn = arg;
  for (;;) {
    pthread_mutex_lock(&rn->lock);
    size_t i = rn->next++;
    pthread_mutex_unlock(&rn->lock);
    if (i >= rn->files->n)
      break;
    S_run_job(rn, i);
    pthread_mutex_lock(&rn->lock);
    rn->jobs[i].done = true;
    pthread_cond_broadcast(&rn->cond);
    pthread_mutex_unlock(&rn->lock);
  }
  return NULL;
}

/* Starts n workers (none for n <= 1: jobs then run in the main thread). */
static void S_runner_start(runner *rn, long n) {
  pthread_mutex_init(&rn->lock, NULL);
  pthread_cond_init(&rn->cond, NULL);
  if (n <= 1 || rn->files->n <= 1)
    return;
  if ((size_t)n > rn->files->n)
    n = (long)rn->files->n;
  rn->threads = xcalloc((size_t)n, sizeof(pthread_t));
  for (long k = 0; k < n; k++)
    if (pthread_create(&rn->threads[rn->nthreads], NULL, S_worker, rn) == 0)
      rn->nthreads++;
}

/* The job of file i, once done (run here when there are no workers). */
static job *S_runner_wait(runner *rn, size_t i) {
  if (!rn->nthreads) {
    S_run_job(rn, i);
    rn->jobs[i].done = true;
    return &rn->jobs[i];
  }
  pthread_mutex_lock(&rn->lock);
  while (!rn->jobs[i].done)
    pthread_cond_wait(&rn->cond, &rn->lock);
  pthread_mutex_unlock(&rn->lock);
  return &rn->jobs[i];
}

static void S_runner_stop(runner *rn) {
  for (size_t k = 0; k < rn->nthreads; k++)
    pthread_join(rn->threads[k], NULL);
  for (size_t i = 0; i < rn->files->n; i++) {
    ddlint_result_free(rn->jobs[i].result);
    strbuf_free(&rn->jobs[i].messages);
    strbuf_free(&rn->jobs[i].out);
  }
  free(rn->threads);
  free(rn->jobs);
  pthread_mutex_destroy(&rn->lock);
  pthread_cond_destroy(&rn->cond);
}

/* Whether a walked folder is declared a document: named by --document, or
 * matched by the "documents" of its config. */
typedef struct {
  const cli_opts *o;
  run_cache *cache;
  const ddlint_config *explicit_cfg;
  bool no_config;
} declared_ctx;

static bool S_declared(void *ud, const char *dir) {
  declared_ctx *dc = ud;
  char *real = realpath(dir, NULL);
  bool hit = false;
  for (size_t i = 0; real && i < dc->o->ndocuments && !hit; i++) {
    char *r2 = realpath(dc->o->documents[i], NULL);
    hit = r2 && strcmp(r2, real) == 0;
    free(r2);
  }
  if (!hit && real && !dc->no_config) {
    const char *err = NULL;
    const ddlint_config *cfg =
        dc->explicit_cfg ? dc->explicit_cfg : runcache_discover(dc->cache, real, &err);
    hit = cfg && ddlint_config_is_document(cfg, dir);
  }
  free(real);
  return hit;
}

/* One owner per file: a document folder listed twice is linted once; a
 * part of two documents is linted in the first (the second gets a
 * shared-part warning); a walked file that is a part is not linted alone.
 * Returns the entries to skip (free with free()). */
static bool *S_claim_parts(file_list *fl) {
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

/* The folders looked at for S_note_named_parts(): whether each is a
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
  if (doc_detect(dir, false, &spec)) {
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
static void S_note_named_parts(const file_list *fl) {
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

static bool S_use_color(const char *when) {
  if (strcmp(when, "always") == 0)
    return true;
  if (strcmp(when, "never") == 0)
    return false;
  const char *nc = getenv("NO_COLOR");
  return !(nc && *nc) && isatty(STDOUT_FILENO);
}

int main(int argc, char **argv) {
#ifdef __GLIBC__
  /* Large arrays (a million headings' blocks and sections) come from mmap
   * and go back with munmap. Left to glibc's sliding threshold they come
   * from the heap, and a small string grown in place next to a freed
   * 100 MB chunk then frees the rest of it each time: with
   * MALLOC_PERTURB_ set (meson test sets it) that is a 100 MB memset per
   * diagnostic. */
  mallopt(M_MMAP_THRESHOLD, 256 << 10);
#endif
  cli_opts o = {.format = "human",
                .color = "auto",
                .fail_on = DDLINT_ERROR,
                .max_warnings = -1,
                .jobs = 0,
                .min_score = -1};
  enum {
    OPT_STDIN = 256,
    OPT_LIST,
    OPT_LIST_TEMPLATES,
    OPT_EXPLAIN,
    OPT_COLOR,
    OPT_FAIL_ON,
    OPT_MAX_WARNINGS,
    OPT_MIN_SCORE,
    OPT_REPORT_UNUSED,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_NO_IGNORE,
    OPT_JOBS,
    OPT_FIX,
    OPT_DIFF,
    OPT_FORCE,
    OPT_DOCUMENT,
    OPT_PARTS,
    OPT_TEMPLATE_LOCKED,
    OPT_PRINT_CONFIG
  };
  bool no_config = false;
  double num;
  static const struct option longopts[] = {
      {"format", required_argument, NULL, 'f'},
      {"template", required_argument, NULL, 't'},
      {"stdin-filename", required_argument, NULL, OPT_STDIN},
      {"list-rules", no_argument, NULL, OPT_LIST},
      {"list-templates", no_argument, NULL, OPT_LIST_TEMPLATES},
      {"explain", required_argument, NULL, OPT_EXPLAIN},
      {"color", required_argument, NULL, OPT_COLOR},
      {"fail-on", required_argument, NULL, OPT_FAIL_ON},
      {"output", required_argument, NULL, 'o'},
      {"max-warnings", required_argument, NULL, OPT_MAX_WARNINGS},
      {"min-score", required_argument, NULL, OPT_MIN_SCORE},
      {"quiet", no_argument, NULL, 'q'},
      {"report-unused-suppressions", no_argument, NULL, OPT_REPORT_UNUSED},
      {"config", required_argument, NULL, OPT_CONFIG},
      {"no-config", no_argument, NULL, OPT_NO_CONFIG},
      {"template-locked", no_argument, NULL, OPT_TEMPLATE_LOCKED},
      {"no-ignore", no_argument, NULL, OPT_NO_IGNORE},
      {"jobs", required_argument, NULL, 'j'},
      {"fix", no_argument, NULL, OPT_FIX},
      {"diff", no_argument, NULL, OPT_DIFF},
      {"force", no_argument, NULL, OPT_FORCE},
      {"document", required_argument, NULL, OPT_DOCUMENT},
      {"parts", no_argument, NULL, OPT_PARTS},
      {"print-config", required_argument, NULL, OPT_PRINT_CONFIG},
      {"version", no_argument, NULL, 'V'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  /* subcommands: `fix` is --fix, `coverage` is --format summary, `init`
   * writes a skeleton, `lint` is the default, `help` is --help */
  const char *sub = argc > 1 ? argv[1] : "";
  if (strcmp(sub, "help") == 0) {
    fputs(usage_text, stdout);
    return 0;
  }
  if (strcmp(sub, "lsp") == 0) /* the language server: src/lsp.c */
    return lsp_main(argc - 1, argv + 1);
  if (strcmp(sub, "templates") == 0 || strcmp(sub, "template") == 0)
    return templates_main(argc - 1, argv + 1); /* src/cli_templates.c */
  if (strcmp(sub, "lint") == 0) {
    argv[1] = argv[0];
    argv++;
    argc--;
    sub = ""; /* `ddlint lint fix` lints a file named fix */
  }
  bool init_mode = strcmp(sub, "init") == 0;
  bool coverage_mode = strcmp(sub, "coverage") == 0;
  if (init_mode || coverage_mode || strcmp(sub, "fix") == 0) {
    o.fix = strcmp(sub, "fix") == 0;
    argv[1] = argv[0];
    argv++;
    argc--;
  }
  bool format_given = false;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:t:o:j:qVh", longopts, NULL)) != -1) {
    switch (c) {
    case 'f':
      o.format = optarg;
      format_given = true;
      break;
    case 't':
      o.template_arg = optarg;
      break;
    case 'o':
      o.output = optarg;
      break;
    case 'q':
      o.quiet = true;
      break;
    case 'j':
      if (!S_parse_number(optarg, 1, 256, &num) || num != (double)(long)num)
        return S_usage_error("--jobs takes a whole number from 1 to 256, not "
                             "'%s'",
                             optarg);
      o.jobs = (long)num;
      break;
    case OPT_FIX:
      o.fix = true;
      break;
    case OPT_DIFF:
      o.diff = true;
      break;
    case OPT_FORCE:
      o.force = true;
      break;
    case OPT_DOCUMENT: {
      static const char *documents[256];
      if (o.ndocuments == sizeof documents / sizeof documents[0])
        return S_usage_error("%s", "--document is given more than 256 times");
      documents[o.ndocuments++] = optarg;
      o.documents = documents;
      break;
    }
    case OPT_PARTS:
      o.parts = true;
      break;
    case OPT_CONFIG:
      o.config = optarg;
      break;
    case OPT_PRINT_CONFIG:
      o.print_config = optarg;
      break;
    case OPT_NO_CONFIG:
      no_config = true;
      break;
    case OPT_TEMPLATE_LOCKED:
      o.template_locked = true;
      break;
    case OPT_NO_IGNORE:
      o.no_ignore = true;
      break;
    case OPT_REPORT_UNUSED:
      o.report_unused = true;
      break;
    case OPT_MAX_WARNINGS:
      if (!S_parse_number(optarg, 0, 1e9, &num) || num != (double)(long)num)
        return S_usage_error(
            "--max-warnings takes a whole number of 0 or more, not '%s'",
            optarg);
      o.max_warnings = (long)num;
      break;
    case OPT_MIN_SCORE:
      if (!S_parse_number(optarg, 0, 100, &num))
        return S_usage_error(
            "--min-score takes a number from 0 to 100, not '%s'", optarg);
      o.min_score = num;
      break;
    case OPT_STDIN:
      o.stdin_name = optarg;
      break;
    case OPT_LIST:
      o.list_rules = true;
      break;
    case OPT_LIST_TEMPLATES:
      return templates_main(1, (char *[]){"templates", NULL});
    case OPT_EXPLAIN:
      o.explain = optarg;
      break;
    case OPT_COLOR:
      if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
          strcmp(optarg, "never"))
        return S_usage_error("--color takes auto, always or never, not '%s'",
                             optarg);
      o.color = optarg;
      break;
    case OPT_FAIL_ON:
      if (ddlint_severity_from_name(optarg) >= 0)
        o.fail_on = (ddlint_severity)ddlint_severity_from_name(optarg);
      else
        return S_usage_error("--fail-on takes error, warning or info, not '%s'",
                             optarg);
      break;
    case 'V':
      printf("ddlint %s\n", DDLINT_VERSION);
      return 0;
    case 'h':
      fputs(usage_text, stdout);
      return 0;
    case ':':
      return S_usage_error("option '%s' needs an argument", argv[optind - 1]);
    default:
      return S_usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  if (coverage_mode && !format_given)
    o.format = "summary";
  if (o.diff && !o.fix)
    return S_usage_error("%s", "--diff goes with --fix (or `ddlint fix`)");
  S_opts = &o;
  if (!o.jobs) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = n > 0 ? (n > 256 ? 256 : n) : 1;
  }
  const reporter_ops *rops = report_find(o.format);
  if (!rops)
    return S_usage_error("unknown format '%s' (known: %s)", o.format,
                         report_names());

  run_cache cache = {0};
  S_cache = &cache;
  int status = 0;
  file_list files = {0};
  bool *skip = NULL; /* per entry: a walked file that is a document's part */
  const char *err = NULL;
  const ddlint_config *explicit_cfg = NULL;
  if (o.config) {
    explicit_cfg = runcache_config_file(&cache, o.config, &err);
    if (!explicit_cfg) {
      term_message("ddlint: %s", err);
      status = EXIT_TROUBLE;
      goto out;
    }
  }
  if (o.print_config) {
    status = S_print_config(&cache, explicit_cfg, no_config, o.template_arg,
                            o.print_config);
    goto out;
  }
  /* The template of --list-rules and --explain: --template, else the config
   * of the current folder, else the default. */
  char *cwd_cfg_template = NULL;
  if (!o.template_arg && !no_config && (o.list_rules || o.explain)) {
    char *here = runcache_folder_of("./x");
    const ddlint_config *cfg =
        explicit_cfg ? explicit_cfg : runcache_discover(&cache, here, &err);
    free(here);
    if (cfg)
      cwd_cfg_template = ddlint_config_template(cfg, "./x");
  }
  const ddlint_pack *pack =
      runcache_pack(&cache,
             o.template_arg     ? o.template_arg
             : cwd_cfg_template ? cwd_cfg_template
                                : ddlint_default_pack_name(),
             &err);
  free(cwd_cfg_template);
  if (!pack) {
    term_message("ddlint: %s", err);
    status = EXIT_TROUBLE;
    goto out;
  }
  if (o.list_rules) {
    S_list_rules(pack);
    goto out;
  }
  if (init_mode) {
    status = S_init(pack, &o, argc - optind, argv + optind);
    goto out;
  }
  if (o.explain) {
    status = S_explain(pack, o.explain);
    goto out;
  }
  if (optind >= argc && !o.ndocuments) {
    status = S_usage_error("%s", "no input: give PATH... (- for stdin)");
    goto out;
  }
  declared_ctx dc = {.o = &o,
                     .cache = &cache,
                     .explicit_cfg = explicit_cfg,
                     .no_config = no_config};
  files.no_gitignore = o.no_ignore;
  for (size_t i = 0; i < o.ndocuments; i++)
    walk_add_document(&files, o.documents[i]);
  for (int i = optind; i < argc; i++)
    walk_add_docs(&files, argv[i], S_declared, &dc);
  skip = S_claim_parts(&files);
  if (!o.quiet)
    S_note_named_parts(&files);

  /* a fixed stdin is printed as it is: among other inputs it would land in
   * the middle of their report (a JSON stream) */
  for (size_t i = 0; o.fix && !o.diff && files.n > 1 && i < files.n; i++)
    if (strcmp(files.paths[i], "-") == 0) {
      status = S_usage_error("%s", "fix: - (stdin) must be the only input: "
                                   "its fixed text is the whole output");
      goto out;
    }
  const char *same = o.output ? S_input_at(&files, o.output) : NULL;
  if (same) {
    term_message("ddlint: %s: the output is the input %s; nothing written",
                 o.output, same);
    status = EXIT_TROUBLE;
    goto out;
  }
  /* -o: the report is kept in memory and its temporary file made only
   * when it is whole, so that an interrupted run leaves nothing behind */
  char *report = NULL;
  size_t report_len = 0;
  FILE *mem = o.output ? open_memstream(&report, &report_len) : NULL;
  if (o.output && !mem) {
    term_message("ddlint: cannot write %s: %s", o.output, strerror(errno));
    status = EXIT_TROUBLE;
    goto out;
  }
  report_opts ro = {.out = o.output ? mem : stdout,
                    .color = !o.output && S_use_color(o.color),
                    .quiet = o.quiet,
                    .min_severity = o.quiet ? DDLINT_ERROR : DDLINT_INFO,
                    .pack = pack};
  report_totals totals = {.unreadable = files.errors};
  size_t problems_cap = 0;
  for (size_t i = 0; i < files.errors; i++)
    S_add_problem(&totals, &problems_cap, files.failed_paths[i], "unreadable",
                  files.failed_messages[i]);
  /* --diff prints diffs only; a fixed stdin prints the document only */
  bool fixed_stdin =
      o.fix && !o.diff && files.n == 1 && strcmp(files.paths[0], "-") == 0;
  reporter *rep = o.diff || fixed_stdin ? NULL : rops->begin(&ro);
  bool failed = false;
  size_t warnings = 0; /* all of them, shown or not: --max-warnings */

  runner rn = {.o = &o,
               .cache = &cache,
               .files = &files,
               .skip = skip,
               .explicit_cfg = explicit_cfg,
               .no_config = no_config};
  rn.jobs = xcalloc(files.n + 1, sizeof(job));
  for (size_t i = 0; i < files.n; i++) /* only the first "-" reads stdin */
    if (strcmp(files.paths[i], "-") == 0) {
      rn.stdin_job = i;
      break;
    }
  S_runner_start(&rn, o.jobs);
  for (size_t i = 0; i < files.n; i++) {
    job *jb = S_runner_wait(&rn, i);
    if (jb->unreadable)
      S_add_problem(&totals, &problems_cap,
                    strcmp(files.paths[i], "-") == 0 && o.stdin_name
                        ? o.stdin_name
                        : files.paths[i],
                    "unreadable", S_job_error(jb));
    S_print_messages(jb);
    if (jb->out.len) {
      fwrite(jb->out.data, 1, jb->out.len, ro.out);
      if (o.diff)
        failed = true; /* --diff: exit 1 when a fix is pending */
    }
    strbuf_free(&jb->out);
    if (jb->no_report) {
      ddlint_result_free(jb->result);
      jb->result = NULL;
      continue;
    }
    totals.unreadable += jb->unreadable;
    ddlint_result *r = jb->result;
    jb->result = NULL;
    if (!r)
      continue;
    const char *shown = ddlint_result_path(r);
    if (rep)
      rops->emit(rep, r);
    if (ddlint_result_part_count(r))
      totals.documents++;
    else
      totals.files++;
    totals.errors += report_count(&ro, r, DDLINT_ERROR);
    totals.warnings += report_count(&ro, r, DDLINT_WARNING);
    totals.infos += report_count(&ro, r, DDLINT_INFO);
    warnings += ddlint_result_count(r, DDLINT_WARNING); /* -q hides them */
    for (size_t k = 0; k < ddlint_result_diag_count(r); k++)
      if (ddlint_diag_severity(ddlint_result_diag(r, k)) >= o.fail_on)
        failed = true;
    /* the gate compares the score as reports show it, to one decimal */
    char shown_score[32];
    snprintf(shown_score, sizeof shown_score, "%.1f", ddlint_result_score(r));
    double score = strtod(shown_score, NULL);
    if (o.min_score >= 0 && score < o.min_score) {
      char *msg = xasprintf("%s: completeness %.1f%% is below --min-score %g",
                            shown, score, o.min_score);
      term_message("ddlint: %s", msg);
      S_add_problem(&totals, &problems_cap, shown, "min-score", msg);
      free(msg);
      failed = true;
    }
    ddlint_result_free(r);
  }
  S_runner_stop(&rn);
  if (o.max_warnings >= 0 && warnings > (size_t)o.max_warnings) {
    char *msg = xasprintf("%zu warnings exceed --max-warnings %ld", warnings,
                          o.max_warnings);
    term_message("ddlint: %s", msg);
    S_add_problem(&totals, &problems_cap, NULL, "max-warnings", msg);
    free(msg);
    failed = true;
  }
  if (rep)
    rops->end(rep, &totals);
  S_problems_free(&totals);
  if (o.output ? !S_write_report(o.output, mem, &report, &report_len)
               : (fflush(stdout) != 0 || ferror(stdout))) {
    term_message("ddlint: cannot write %s: %s", o.output ? o.output : "output",
                 atomic_strerror(errno));
    status = EXIT_TROUBLE;
  } else if (totals.unreadable) {
    status = EXIT_TROUBLE;
  } else if (failed) {
    status = EXIT_FINDINGS;
  }
out:
  free(skip);
  walk_free(&files);
  runcache_free(&cache);
  return status;
}
