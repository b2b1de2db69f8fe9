/* The command's arguments: the usage text, the subcommands and options
 * parsed into a cli_opts, and the commands that need no template. */
#include "cli.h"
#include "cli_templates.h"
#include "lsp.h"
#include "term.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char cli_usage_text[] =
    "Usage: ddlint [OPTIONS] PATH...\n"
    "       ddlint lint [OPTIONS] PATH...           (the same as without "
    "lint)\n"
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

int cli_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = xvasprintf(fmt, ap);
  va_end(ap);
  term_message("ddlint: %s", msg);
  free(msg);
  fputs("Try 'ddlint --help' for more information.\n", stderr);
  return EXIT_TROUBLE;
}

int cli_parse_args(int argc, char **argv, cli_opts *o, int *nargs,
                   char ***args) {
  *o = (cli_opts){.format = "human",
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
    fputs(cli_usage_text, stdout);
    return 0;
  }
  if (strcmp(sub, "lsp") == 0) /* the language server: src/cli/lsp.c */
    return lsp_main(argc - 1, argv + 1);
  if (strcmp(sub, "templates") == 0 || strcmp(sub, "template") == 0)
    return templates_main(argc - 1, argv + 1); /* src/cli/cli_templates.c */
  if (strcmp(sub, "lint") == 0) {
    argv[1] = argv[0];
    argv++;
    argc--;
    sub = ""; /* `ddlint lint fix` lints a file named fix */
  }
  bool init_mode = strcmp(sub, "init") == 0;
  o->init = init_mode;
  bool coverage_mode = strcmp(sub, "coverage") == 0;
  if (init_mode || coverage_mode || strcmp(sub, "fix") == 0) {
    o->fix = strcmp(sub, "fix") == 0;
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
      o->format = optarg;
      format_given = true;
      break;
    case 't':
      o->template_arg = optarg;
      break;
    case 'o':
      o->output = optarg;
      break;
    case 'q':
      o->quiet = true;
      break;
    case 'j':
      if (!S_parse_number(optarg, 1, 256, &num) || num != (double)(long)num)
        return cli_usage_error("--jobs takes a whole number from 1 to 256, not "
                               "'%s'",
                               optarg);
      o->jobs = (long)num;
      break;
    case OPT_FIX:
      o->fix = true;
      break;
    case OPT_DIFF:
      o->diff = true;
      break;
    case OPT_FORCE:
      o->force = true;
      break;
    case OPT_DOCUMENT: {
      static const char *documents[256];
      if (o->ndocuments == sizeof documents / sizeof documents[0])
        return cli_usage_error("%s", "--document is given more than 256 times");
      documents[o->ndocuments++] = optarg;
      o->documents = documents;
      break;
    }
    case OPT_PARTS:
      o->parts = true;
      break;
    case OPT_CONFIG:
      o->config = optarg;
      break;
    case OPT_PRINT_CONFIG:
      o->print_config = optarg;
      break;
    case OPT_NO_CONFIG:
      o->no_config = true;
      break;
    case OPT_TEMPLATE_LOCKED:
      o->template_locked = true;
      break;
    case OPT_NO_IGNORE:
      o->no_ignore = true;
      break;
    case OPT_REPORT_UNUSED:
      o->report_unused = true;
      break;
    case OPT_MAX_WARNINGS:
      if (!S_parse_number(optarg, 0, 1e9, &num) || num != (double)(long)num)
        return cli_usage_error(
            "--max-warnings takes a whole number of 0 or more, not '%s'",
            optarg);
      o->max_warnings = (long)num;
      break;
    case OPT_MIN_SCORE:
      if (!S_parse_number(optarg, 0, 100, &num))
        return cli_usage_error(
            "--min-score takes a number from 0 to 100, not '%s'", optarg);
      o->min_score = num;
      break;
    case OPT_STDIN:
      o->stdin_name = optarg;
      break;
    case OPT_LIST:
      o->list_rules = true;
      break;
    case OPT_LIST_TEMPLATES:
      return templates_main(1, (char *[]){"templates", NULL});
    case OPT_EXPLAIN:
      o->explain = optarg;
      break;
    case OPT_COLOR:
      if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
          strcmp(optarg, "never"))
        return cli_usage_error("--color takes auto, always or never, not '%s'",
                               optarg);
      o->color = optarg;
      break;
    case OPT_FAIL_ON:
      if (ddlint_severity_from_name(optarg) >= 0)
        o->fail_on = (ddlint_severity)ddlint_severity_from_name(optarg);
      else
        return cli_usage_error(
            "--fail-on takes error, warning or info, not '%s'", optarg);
      break;
    case 'V':
      printf("ddlint %s\n", DDLINT_VERSION);
      return 0;
    case 'h':
      fputs(cli_usage_text, stdout);
      return 0;
    case ':':
      return cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
    default:
      return cli_usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  if (coverage_mode && !format_given)
    o->format = "summary";
  if (o->diff && !o->fix)
    return cli_usage_error("%s", "--diff goes with --fix (or `ddlint fix`)");
  if (!o->jobs) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = n > 0 ? (n > 256 ? 256 : n) : 1;
  }
  *nargs = argc - optind;
  *args = argv + optind;
  return -1;
}
