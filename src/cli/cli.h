/* The command's private header: the options of a run, its jobs (one per
 * input, run on worker threads and reported in order) and what the files
 * of the command share. The command is a client of ddlint.h and util.h:
 * no header of the library's internals is included here or below.
 *   cli.c          main: the run, its report and the exit status
 *   cli_args.c     usage and options
 *   cli_info.c     --list-rules, --explain, --print-config
 *   cli_session.c  config warnings, template choice, documents and parts
 *   cli_job.c      the job of one file or document
 *   cli_fix.c      --fix: edits written, or shown as a diff
 *   cli_init.c     `ddlint init` */
#ifndef DDLINT_CLI_H
#define DDLINT_CLI_H

#include "ddlint.h"
#include "runcache.h"
#include "util.h"
#include "walk.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#ifndef DDLINT_DOCDIR
#define DDLINT_DOCDIR "/usr/local/share/doc/ddlint"
#endif

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2
/* cmark-gfm aborts on a block over 1 GiB, and a lint needs a few times
 * the input: documents over 256 MiB are refused with a message */
#define MAX_INPUT_BYTES ((size_t)256 << 20)

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
  bool init;         /* `ddlint init` */
  bool no_config;    /* --no-config */
} cli_opts;

/* One document of the run. A worker fills it; it is reported in input
 * order (by whichever worker is reporting), so the output is the same
 * whatever the number of workers. */
typedef struct {
  ddlint_result *result; /* owned until reported */
  strbuf messages;       /* stderr lines, printed when reported */
  strbuf out;            /* stdout text (a diff, a fixed stdin) */
  bool no_report;        /* --diff, or a fixed stdin: out replaces it */
  size_t unreadable;
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
  pthread_mutex_t lock; /* guards the caches */
} runner;

/* Whether a walked folder is declared a document: named by --document, or
 * matched by the "documents" of its config. */
typedef struct {
  const cli_opts *o;
  run_cache *cache;
  const ddlint_config *explicit_cfg;
  bool no_config;
} declared_ctx;

/* ---- cli_args.c ---- */
extern const char cli_usage_text[];
/* Prints "ddlint: MESSAGE" and the --help hint; returns EXIT_TROUBLE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Parses the subcommand and options of argv into o, and runs what needs no
 * template (help, --version, lsp, templates, --list-templates). Returns
 * an exit status when the run is over, else -1 with the operands in
 * *args (*nargs of them). */
int cli_parse_args(int argc, char **argv, cli_opts *o, int *nargs,
                   char ***args);

/* ---- cli_info.c ---- */
void cli_list_rules(const ddlint_pack *pk);
int cli_explain(const ddlint_pack *pk, const char *id);
/* Prints the configs, template, ignore verdict and rule severities that
 * linting `file` would use, each with where it comes from. */
int cli_print_config(run_cache *c, const ddlint_config *explicit_cfg,
                     bool no_config, const char *template_arg,
                     const char *file);

/* ---- cli_session.c ---- */
/* Prints a config warning once per run (c remembers it). */
void cli_warn_once(run_cache *c, const char *msg);
/* The pack for a file or document: its front matter's `ddlint-template`
 * (fm_ref, taken over; NULL when absent), else --template, else the config,
 * else the default. *cfg_chose says whether the config or the default chose
 * it (a config's warnings then apply). NULL with *err on a bad template. */
const ddlint_pack *cli_choose_pack(runner *rn, const ddlint_config *cfg,
                                   char *fm_ref, const char *path,
                                   bool *cfg_chose, const char **err);
/* A walk_declared_fn; ud is a declared_ctx. */
int cli_declared(void *ud, const char *dir);
/* One owner per file (see cli_session.c); the entries to skip, free with
 * free(). */
bool *cli_claim_parts(file_list *fl);
/* Notes each file named alone that is a chapter of a document. */
void cli_note_named_parts(const file_list *fl);

/* ---- cli_job.c ---- */
/* Reads the file at path, or standard input when path is NULL, into out
 * (see source_read_fd); NULL, or why not. */
const char *cli_read_input(const char *path, strbuf *out);
/* The job of entry i of rn's files: a file or a document, linted (and
 * fixed) into rn->jobs[i]. Runs on a worker thread. */
void cli_run_job(runner *rn, size_t i);
/* Lints a document from its parts as read (texts owned by the caller,
 * errors static). Free with ddlint_result_free(). */
ddlint_result *cli_lint_doc(const ddlint_pack *pack, const char *name,
                            const doc_spec *spec, strbuf *texts,
                            const char **errors, const ddlint_options *lo);

/* ---- cli_fix.c ---- */
/* Whether fix leaves a walked file with none of its template's sections
 * alone (says so in the job's messages). */
bool cli_fix_skips(const cli_opts *o, job *jb, const char *name, bool walked);
/* --fix of one file: written atomically (or a diff, or a fixed stdin, put
 * in the job's output), then linted again. */
void cli_fix_job(const cli_opts *o, job *jb, const ddlint_pack *pack,
                 const char *path, const char *shown, bool is_stdin,
                 strbuf *buf, const ddlint_options *lo);
/* --fix of a document: each changed part written atomically, then the
 * document linted again. */
void cli_fix_doc(const cli_opts *o, job *jb, const ddlint_pack *pack,
                 const char *name, const doc_spec *spec, strbuf *texts,
                 const char **errors, const ddlint_options *lo);

/* ---- cli_init.c ---- */
/* `ddlint init FILE` or `ddlint init --parts DIR`. */
int cli_init(const ddlint_pack *pack, const cli_opts *o, int nargs,
             char **args);

#endif
