/* The fix writer: the plan of ddlint_fix_plan() applied to each file (or
 * each part of a document) and written atomically, or shown as a unified
 * diff; the fixed text is then linted again for the report. */
#include "atomic.h"
#include "cli.h"
#include "diff.h"
#include "term.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* fix for a document (fix_plan_parts()): each changed part is written
 * atomically. */
void cli_fix_doc(const cli_opts *o, job *jb, const ddlint_pack *pack,
                 const char *name, const doc_spec *spec, strbuf *texts,
                 const char **errors, const ddlint_options *lo) {
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
    jb->result = cli_lint_doc(pack, name, spec, texts, errors, lo);
  }
}

/* Whether fix leaves a file found by walking a folder alone: one with no
 * section of its template (a README, a changelog) is no design document
 * to complete, unless --force. Says so in the job's messages. */
bool cli_fix_skips(const cli_opts *o, job *jb, const char *name, bool walked) {
  const ddlint_result *r = jb->result;
  if (!walked || o->force || !r)
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
  if (o->diff)
    jb->no_report = true; /* a diff run shows diffs, not reports */
  return true;
}

/* --fix: insert the missing sections; write the file atomically (or put a
 * diff, or a fixed stdin, in the job's output), then lint the fixed text. */
void cli_fix_job(const cli_opts *o, job *jb, const ddlint_pack *pack,
                 const char *path, const char *shown, bool is_stdin,
                 strbuf *buf, const ddlint_options *lo) {
  ddlint_fix *fx = ddlint_fix_plan(jb->result);
  size_t n = ddlint_fix_count(fx);
  size_t nlen;
  char *fixed =
      ddlint_fix_apply(fx, 0, n, buf->data ? buf->data : "", buf->len, &nlen);
  if (o->diff) {
    if (n)
      diff_insertions(&jb->out, shown, buf->data ? buf->data : "", buf->len, fx,
                      0, n);
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
