/* The ddlint command's main: options (cli_args.c), template loading,
 * input discovery, then one job per file (cli_job.c) on worker threads,
 * each reported in input order by one reporter, and the exit policy:
 * 0 clean, 1 findings at or above --fail-on (or over --max-warnings, or
 * a score below --min-score), 2 usage, I/O or template errors. */
#include "cli.h"
#include "atomic.h"
#include "report.h"
#include "term.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes the report kept in mem (open_memstream on *report) to path,
 * atomically; frees it. False with errno set. */
static bool S_write_report(const char *path, FILE *mem, char **report,
                           size_t *len) {
  bool ok = fclose(mem) == 0;
  const char *in_place;
  if (ok) {
    ok = atomic_write(path, *report, *len, &in_place);
    if (in_place)
      term_message("ddlint: warning: %s: written in place: %s", path, in_place);
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

/* Adds a problem of the run for the reporters (owned copies, freed by
 * S_problems_free()). */
static void S_add_problem(report_totals *t, size_t *cap, const char *path,
                          const char *title, const char *message) {
  report_problem *list = (report_problem *)t->problems;
  xgrow(&list, cap, t->nproblems + 1, sizeof *list);
  if (!strncmp(message, "ddlint: ", 8))
    message += 8;
  list[t->nproblems++] =
      (report_problem){path ? xstrdup(path) : NULL, title,
                       xstrndup(message, strcspn(message, "\n"))};
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
static void S_print_messages(run_cache *cache, job *jb) {
  char *s = jb->messages.data;
  while (s && *s) {
    char *nl = strchr(s, '\n');
    if (nl)
      *nl = '\0';
    if (*s == '\x01')
      cli_warn_once(cache, s + 1);
    else
      fprintf(stderr, "%s\n", s);
    s = nl ? nl + 1 : s + strlen(s);
  }
  strbuf_free(&jb->messages);
}

/* A run's report: what the jobs add up to, reported in input order. */
typedef struct {
  const cli_opts *o;
  run_cache *cache;
  const file_list *files;
  runner *rn;
  const report_opts *ro;
  const reporter_ops *rops;
  reporter *rep; /* NULL: --diff or a fixed stdin print no report */
  report_totals totals;
  size_t problems_cap;
  bool failed;     /* exit 1 */
  size_t warnings; /* all of them, shown or not: --max-warnings */
} run_report;

/* run_tasks_in_order()'s task: job i, on a worker. */
static void S_job_task(void *arg, size_t i) {
  run_report *rr = arg;
  cli_run_job(rr->rn, i);
}

/* run_tasks_in_order()'s done: job i reported, in input order, on one
 * thread at a time; the exit policy's findings and gates noted. */
static void S_report_job(void *arg, size_t i) {
  run_report *rr = arg;
  const cli_opts *o = rr->o;
  const file_list *files = rr->files;
  job *jb = &rr->rn->jobs[i];
  if (jb->unreadable)
    S_add_problem(&rr->totals, &rr->problems_cap,
                  strcmp(files->paths[i], "-") == 0 && o->stdin_name
                      ? o->stdin_name
                      : files->paths[i],
                  "unreadable", S_job_error(jb));
  S_print_messages(rr->cache, jb);
  if (jb->out.len) {
    fwrite(jb->out.data, 1, jb->out.len, rr->ro->out);
    if (o->diff)
      rr->failed = true; /* --diff: exit 1 when a fix is pending */
  }
  strbuf_free(&jb->out);
  if (jb->no_report) {
    ddlint_result_free(jb->result);
    jb->result = NULL;
    return;
  }
  rr->totals.unreadable += jb->unreadable;
  ddlint_result *r = jb->result;
  jb->result = NULL;
  if (!r)
    return;
  const char *shown = ddlint_result_path(r);
  if (rr->rep)
    rr->rops->emit(rr->rep, r);
  if (ddlint_result_part_count(r))
    rr->totals.documents++;
  else
    rr->totals.files++;
  rr->totals.errors += report_count(rr->ro, r, DDLINT_ERROR);
  rr->totals.warnings += report_count(rr->ro, r, DDLINT_WARNING);
  rr->totals.infos += report_count(rr->ro, r, DDLINT_INFO);
  rr->warnings += ddlint_result_count(r, DDLINT_WARNING); /* -q hides them */
  for (size_t k = 0; k < ddlint_result_diag_count(r); k++)
    if (ddlint_diag_severity(ddlint_result_diag(r, k)) >= o->fail_on)
      rr->failed = true;
  /* the gate compares the score as reports show it, to one decimal */
  char shown_score[32];
  snprintf(shown_score, sizeof shown_score, "%.1f", ddlint_result_score(r));
  double score = strtod(shown_score, NULL);
  if (o->min_score >= 0 && score < o->min_score) {
    char *msg = xasprintf("%s: completeness %.1f%% is below --min-score %g",
                          shown, score, o->min_score);
    term_message("ddlint: %s", msg);
    S_add_problem(&rr->totals, &rr->problems_cap, shown, "min-score", msg);
    free(msg);
    rr->failed = true;
  }
  ddlint_result_free(r);
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
   * diagnostic.
   * Setting it also fixes glibc's trim threshold at 128 KiB, so each file's
   * freed memory went back to the system and the next file faulted it in
   * again; at -j 2 the workers' arenas did it with madvise and mprotect,
   * each a TLB shootdown on the other thread's core. Up to 8 MiB freed at
   * the heap's top is now kept, and the heap grows 2 MiB at a time: on the
   * 648 RFC files at -j 2 that took mprotect and madvise from 858 calls to
   * 145 and the run from 0.44 s to 0.39 s; peak RSS on a 100 MB document
   * stays within 1 %. */
  mallopt(M_MMAP_THRESHOLD, 256 << 10);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
  mallopt(M_TOP_PAD, 2 << 20);
#endif
  cli_opts o;
  int nargs;
  char **args;
  int parsed = cli_parse_args(argc, argv, &o, &nargs, &args);
  if (parsed >= 0)
    return parsed;
  bool no_config = o.no_config;
  const reporter_ops *rops = report_find(o.format);
  if (!rops)
    return cli_usage_error("unknown format '%s' (known: %s)", o.format,
                           report_names());

  run_cache cache = {0};
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
    status = cli_print_config(&cache, explicit_cfg, no_config, o.template_arg,
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
    cli_list_rules(pack);
    goto out;
  }
  if (o.init) {
    status = cli_init(pack, &o, nargs, args);
    goto out;
  }
  if (o.explain) {
    status = cli_explain(pack, o.explain);
    goto out;
  }
  if (nargs <= 0 && !o.ndocuments) {
    status = cli_usage_error("%s", "no input: give PATH... (- for stdin)");
    goto out;
  }
  declared_ctx dc = {.o = &o,
                     .cache = &cache,
                     .explicit_cfg = explicit_cfg,
                     .no_config = no_config};
  files.no_gitignore = o.no_ignore;
  for (size_t i = 0; i < o.ndocuments; i++)
    walk_add_document(&files, o.documents[i]);
  for (int i = 0; i < nargs; i++)
    walk_add_docs(&files, args[i], cli_declared, &dc);
  skip = cli_claim_parts(&files);
  if (!o.quiet)
    cli_note_named_parts(&files);

  /* a fixed stdin is printed as it is: among other inputs it would land in
   * the middle of their report (a JSON stream) */
  for (size_t i = 0; o.fix && !o.diff && files.n > 1 && i < files.n; i++)
    if (strcmp(files.paths[i], "-") == 0) {
      status = cli_usage_error("%s", "fix: - (stdin) must be the only input: "
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
  run_report rr = {.o = &o,
                   .cache = &cache,
                   .files = &files,
                   .ro = &ro,
                   .rops = rops,
                   .totals = {.unreadable = files.errors}};
  for (size_t i = 0; i < files.errors; i++)
    S_add_problem(&rr.totals, &rr.problems_cap, files.failed_paths[i],
                  "unreadable", files.failed_messages[i]);
  /* --diff prints diffs only; a fixed stdin prints the document only */
  bool fixed_stdin =
      o.fix && !o.diff && files.n == 1 && strcmp(files.paths[0], "-") == 0;
  rr.rep = o.diff || fixed_stdin ? NULL : rops->begin(&ro);

  runner rn = {.o = &o,
               .cache = &cache,
               .files = &files,
               .skip = skip,
               .explicit_cfg = explicit_cfg,
               .no_config = no_config};
  rn.jobs = xcalloc(files.n + 1, sizeof(job));
  rr.rn = &rn;
  for (size_t i = 0; i < files.n; i++) /* only the first "-" reads stdin */
    if (strcmp(files.paths[i], "-") == 0) {
      rn.stdin_job = i;
      break;
    }
  pthread_mutex_init(&rn.lock, NULL);
  /* one worker per file up to --jobs; none for one file or -j 1 */
  run_tasks_in_order(files.n, (unsigned)o.jobs, S_job_task, S_report_job, &rr);
  for (size_t i = 0; i < files.n; i++) {
    ddlint_result_free(rn.jobs[i].result);
    strbuf_free(&rn.jobs[i].messages);
    strbuf_free(&rn.jobs[i].out);
  }
  free(rn.jobs);
  pthread_mutex_destroy(&rn.lock);
  report_totals totals = rr.totals;
  size_t problems_cap = rr.problems_cap;
  bool failed = rr.failed;
  size_t warnings = rr.warnings;
  reporter *rep = rr.rep;
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
