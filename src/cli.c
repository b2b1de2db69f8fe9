/* The ddlint command: options, template loading, input discovery, then one
 * lint per file through the library and one reporter. Exit status: 0 clean,
 * 1 findings at or above --fail-on, 2 usage, I/O or template errors. */
#include "internal.h"
#include "report.h"
#include "walk.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2
#define MAX_INPUT_BYTES ((size_t)1 << 31)

static const char usage_text[] =
    "Usage: ddlint [OPTIONS] PATH...\n"
    "Lint Markdown design documents against a template.\n"
    "\n"
    "PATH is a file, a directory (searched for *.md and *.markdown), or - for\n"
    "standard input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT      output format: human (default) or json\n"
    "  -t, --template NAME|FILE rule pack: a built-in name or a JSON file\n"
    "                           (default: ml-system-design, built in)\n"
    "      --fail-on SEVERITY   lowest severity that fails the run:\n"
    "                           error (default), warning or info\n"
    "      --stdin-filename NAME  path reported for standard input\n"
    "      --color WHEN         auto (default), always or never; NO_COLOR\n"
    "                           turns colour off in auto mode\n"
    "      --list-rules         list the rules of the template and exit\n"
    "      --explain RULE-ID    explain a rule and exit\n"
    "  -V, --version            print the version and exit\n"
    "  -h, --help               print this help and exit\n"
    "\n"
    "Exit status:\n"
    "  0  no finding at or above the failing severity\n"
    "  1  at least one such finding\n"
    "  2  usage, I/O or template error\n";

typedef struct {
  const char *format;
  const char *template_arg;
  const char *stdin_name;
  const char *explain;
  const char *color;
  bool list_rules;
  ddlint_severity fail_on;
} cli_opts;

static int S_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int S_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("ddlint: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nTry 'ddlint --help' for more information.\n", stderr);
  return EXIT_TROUBLE;
}

/* A built-in name, else a file path. */
static ddlint_pack *S_load_pack(const char *arg, char **err) {
  if (!strchr(arg, '/') && !strstr(arg, ".json")) {
    for (const struct embedded_pack *e = embedded_packs; e->name; e++)
      if (strcmp(e->name, arg) == 0)
        return ddlint_pack_load_builtin(arg, err);
    strbuf names = {0};
    for (const struct embedded_pack *e = embedded_packs; e->name; e++)
      strbuf_printf(&names, "%s%s", names.len ? ", " : "", e->name);
    *err = xasprintf("no built-in template named \"%s\" (built in: %s; or "
                     "give a path to a .json pack)",
                     arg, names.data);
    strbuf_free(&names);
    return NULL;
  }
  return ddlint_pack_load_file(arg, err);
}

/* Reads all of f into *out; returns false with errno set on failure. */
static bool S_read_all(FILE *f, strbuf *out) {
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->len + n > MAX_INPUT_BYTES) {
      errno = EFBIG;
      return false;
    }
    strbuf_put(out, buf, n);
  }
  return !ferror(f);
}

static void S_list_rules(const ddlint_pack *pk) {
  printf("%s %s\n", ddlint_pack_name(pk), ddlint_pack_version(pk));
  for (size_t i = 0; i < ddlint_pack_rule_count(pk); i++) {
    const ddlint_rule *r = ddlint_pack_rule(pk, i);
    printf("  %-24s %-18s %-8s %s\n", ddlint_rule_id(r), ddlint_rule_kind(r),
           ddlint_severity_name(ddlint_rule_severity(r)),
           ddlint_rule_summary(r));
  }
}

static int S_explain(const ddlint_pack *pk, const char *id) {
  const ddlint_rule *r = ddlint_pack_find_rule(pk, id);
  if (!r) {
    fprintf(stderr,
            "ddlint: no rule \"%s\" in template \"%s\"; see "
            "--list-rules\n",
            id, ddlint_pack_name(pk));
    return EXIT_TROUBLE;
  }
  printf("%s (%s, %s)\n\n%s\n\n%s\n", ddlint_rule_id(r), ddlint_rule_kind(r),
         ddlint_severity_name(ddlint_rule_severity(r)), ddlint_rule_summary(r),
         ddlint_rule_explain(r));
  const char *k = ddlint_kind_explain(ddlint_rule_kind(r));
  if (k)
    printf("\nHow the %s kind works: %s\n", ddlint_rule_kind(r), k);
  if (*ddlint_rule_help(r))
    printf("\nHelp shown with each finding: %s\n", ddlint_rule_help(r));
  return 0;
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
  cli_opts o = {.format = "human", .color = "auto", .fail_on = DDLINT_ERROR};
  enum { OPT_STDIN = 256, OPT_LIST, OPT_EXPLAIN, OPT_COLOR, OPT_FAIL_ON };
  static const struct option longopts[] = {
      {"format", required_argument, NULL, 'f'},
      {"template", required_argument, NULL, 't'},
      {"stdin-filename", required_argument, NULL, OPT_STDIN},
      {"list-rules", no_argument, NULL, OPT_LIST},
      {"explain", required_argument, NULL, OPT_EXPLAIN},
      {"color", required_argument, NULL, OPT_COLOR},
      {"fail-on", required_argument, NULL, OPT_FAIL_ON},
      {"version", no_argument, NULL, 'V'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:t:Vh", longopts, NULL)) != -1) {
    switch (c) {
    case 'f':
      o.format = optarg;
      break;
    case 't':
      o.template_arg = optarg;
      break;
    case OPT_STDIN:
      o.stdin_name = optarg;
      break;
    case OPT_LIST:
      o.list_rules = true;
      break;
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
      if (strcmp(optarg, "error") == 0)
        o.fail_on = DDLINT_ERROR;
      else if (strcmp(optarg, "warning") == 0)
        o.fail_on = DDLINT_WARNING;
      else if (strcmp(optarg, "info") == 0)
        o.fail_on = DDLINT_INFO;
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
  const reporter_ops *rops = report_find(o.format);
  if (!rops)
    return S_usage_error("unknown format '%s' (known: human, json)", o.format);

  char *err = NULL;
  ddlint_pack *pack = S_load_pack(
      o.template_arg ? o.template_arg : ddlint_default_pack_name(), &err);
  if (!pack) {
    fprintf(stderr, "ddlint: %s\n", err);
    free(err);
    return EXIT_TROUBLE;
  }
  int status = 0;
  file_list files = {0};
  if (o.list_rules) {
    S_list_rules(pack);
    goto out;
  }
  if (o.explain) {
    status = S_explain(pack, o.explain);
    goto out;
  }
  if (optind >= argc) {
    status = S_usage_error("%s", "no input: give PATH... (- for stdin)");
    goto out;
  }
  for (int i = optind; i < argc; i++)
    walk_add(&files, argv[i]);

  report_opts ro = {.out = stdout, .color = S_use_color(o.color), .pack = pack};
  report_totals totals = {.unreadable = files.errors};
  reporter *rep = rops->begin(&ro);
  bool failed = false;
  bool stdin_done = false;
  for (size_t i = 0; i < files.n; i++) {
    const char *path = files.paths[i];
    bool is_stdin = strcmp(path, "-") == 0;
    strbuf buf = {0};
    bool ok;
    if (is_stdin) {
      ok = !stdin_done && S_read_all(stdin, &buf);
      if (stdin_done)
        errno = EINVAL;
      stdin_done = true;
    } else {
      FILE *f = fopen(path, "rb");
      ok = f && S_read_all(f, &buf);
      int saved = errno;
      if (f)
        fclose(f);
      errno = saved;
    }
    const char *shown = is_stdin && o.stdin_name ? o.stdin_name : path;
    if (!ok) {
      fprintf(stderr, "%s: cannot read: %s\n", shown, strerror(errno));
      totals.unreadable++;
      strbuf_free(&buf);
      continue;
    }
    ddlint_result *r =
        ddlint_lint_buffer(pack, shown, buf.data ? buf.data : "", buf.len);
    strbuf_free(&buf);
    rops->emit(rep, r);
    totals.files++;
    totals.errors += ddlint_result_count(r, DDLINT_ERROR);
    totals.warnings += ddlint_result_count(r, DDLINT_WARNING);
    totals.infos += ddlint_result_count(r, DDLINT_INFO);
    for (size_t k = 0; k < ddlint_result_diag_count(r); k++)
      if (ddlint_diag_severity(ddlint_result_diag(r, k)) >= o.fail_on)
        failed = true;
    ddlint_result_free(r);
  }
  rops->end(rep, &totals);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "ddlint: cannot write output: %s\n", strerror(errno));
    status = EXIT_TROUBLE;
  } else if (totals.unreadable) {
    status = EXIT_TROUBLE;
  } else if (failed) {
    status = EXIT_FINDINGS;
  }
out:
  walk_free(&files);
  ddlint_pack_free(pack);
  return status;
}
