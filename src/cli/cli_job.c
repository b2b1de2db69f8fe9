/* The job of one input: a file or a document of several files read,
 * checked for what is not Markdown, given its config and template, linted
 * and (with --fix) fixed. Jobs run on worker threads; what they print
 * waits in the job until it is reported, in input order. */
#include "cli.h"
#include "term.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *cli_read_input(const char *path, strbuf *out) {
  const char *why = path ? source_read_file(path, MAX_INPUT_BYTES, out)
                         : source_read_fd(STDIN_FILENO, MAX_INPUT_BYTES, out);
  if (!why && out->len > MAX_INPUT_BYTES)
    why = strerror(EFBIG);
  return why;
}

/* Warnings from the config go to their job (ud), printed in order. */
static void S_warn_job(void *ud, const char *msg) {
  job *jb = ud;
  strbuf_putc(&jb->messages, '\x01');
  term_append(&jb->messages, "%s", msg);
}

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
  if (!n || !memchr(data, 0, n))
    return false; /* no NUL byte: text, whatever else it holds */
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)data[i];
    size_t v = utf8_valid_len((const unsigned char *)data + i, n - i);
    if (!v || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'))
      odd++;
    i += v ? v : 1;
  }
  return odd * 10 >= n;
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
  const char *why = cli_read_input(dr->spec->parts[k], &dr->texts[k]);
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

ddlint_result *cli_lint_doc(const ddlint_pack *pack, const char *name,
                            const doc_spec *spec, strbuf *texts,
                            const char **errors, const ddlint_options *lo) {
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

/* The config for a file at path: --config, else none with --no-config,
 * else the nearest .ddlint.json above path's folder (found once per folder,
 * under the runner's lock). NULL with *err set when discovery fails. */
static const ddlint_config *S_config_for(runner *rn, const char *path,
                                         const char **err) {
  if (rn->explicit_cfg || rn->no_config)
    return rn->explicit_cfg;
  char *dir = runcache_folder_of(path);
  pthread_mutex_lock(&rn->lock);
  const ddlint_config *cfg = runcache_discover(rn->cache, dir, err);
  pthread_mutex_unlock(&rn->lock);
  free(dir);
  return cfg;
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
  char *probe = xasprintf("%s/x", name); /* a file in the folder */
  const ddlint_config *cfg = S_config_for(rn, probe, &err);
  free(probe);
  if (err) {
    term_append(&jb->messages, "ddlint: %s", err);
    jb->unreadable++;
    goto out;
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
      cli_choose_pack(rn, cfg, ref, spec->parts[0], &cfg_chose, &err);
  if (!pack) {
    term_append(&jb->messages, "ddlint: %s: %s", name, err);
    jb->unreadable++;
    goto out;
  }
  ddlint_options lo = {.report_unused_suppressions = o->report_unused,
                       .threads = (int)threads};
  jb->result = cli_lint_doc(pack, name, spec, texts, errors, &lo);
  if (o->fix && !cli_fix_skips(o, jb, name, rn->files->walked[i]))
    cli_fix_doc(o, jb, pack, name, spec, texts, errors, &lo);
  /* configs apply per file: each part gets the one above it */
  for (size_t k = 0; jb->result && k < np; k++) {
    const ddlint_config *pc = S_config_for(rn, spec->parts[k], &err);
    if (pc)
      ddlint_config_apply_file_ud(pc, spec->parts[k], pack, jb->result,
                                  cfg_chose && k == 0 ? S_warn_job : NULL, jb);
  }
out:
  for (size_t k = 0; k < np; k++)
    strbuf_free(&texts[k]);
  free(texts);
  free(errors);
  free(name);
}

void cli_run_job(runner *rn, size_t i) {
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
  if (is_stdin) {
    if (i != rn->stdin_job) /* "-" twice: the second gets nothing to read */
      why = strerror(EINVAL);
    else
      why = cli_read_input(NULL, &buf);
  } else {
    why = cli_read_input(path, &buf);
  }
  const char *shown = is_stdin && o->stdin_name ? o->stdin_name : path;
  /* the config: --config, else the nearest .ddlint.json above the file */
  const ddlint_config *cfg = S_config_for(
      rn, is_stdin ? (o->stdin_name ? o->stdin_name : "./-") : path, &err);
  if (err) {
    term_append(&jb->messages, "ddlint: %s", err);
    jb->unreadable++;
    goto out;
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
      cli_choose_pack(rn, cfg, ref, shown, &cfg_chose, &err);
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
    jb->result = ddlint_lint_buffer_opts(fpack, shown, buf.data ? buf.data : "",
                                         buf.len, &lo);
  } else { /* the result takes the text: no second copy of a large file */
    size_t len = buf.len;
    jb->result =
        ddlint_lint_owned_buffer(fpack, shown, strbuf_take(&buf), len, &lo);
  }
  if (ddlint_result_error(jb->result)) { /* too dense to parse: no report */
    term_append(&jb->messages, "ddlint: %s: not linted: %s", shown,
                ddlint_result_error(jb->result));
    jb->unreadable++;
    ddlint_result_free(jb->result);
    jb->result = NULL;
    goto out;
  }
  if (o->fix && !cli_fix_skips(o, jb, shown, rn->files->walked[i]))
    cli_fix_job(o, jb, fpack, path, shown, is_stdin, &buf, &lo);
  /* a setting for a rule the template lacks is worth a warning only when
   * the config chose the template; other templates lack rules by design */
  if (cfg)
    ddlint_config_apply_ud(cfg, shown, fpack, jb->result,
                           cfg_chose ? S_warn_job : NULL, jb);
out:
  strbuf_free(&buf);
}
