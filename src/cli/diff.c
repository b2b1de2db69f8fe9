/* Unified diffs of fixes. A fix inserts text at line starts or at the end
 * of the file, or replaces text within one line (a renamed heading), so the
 * diff follows from the edits directly (no general diff algorithm): context
 * lines around each edit, merged into hunks, with "\ No newline at end of
 * file" where a last line lacks one. It is shown on a terminal, so the
 * path and the lines pass the terminal sanitiser; line endings stay. */
#include "diff.h"
#include "term.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3

typedef struct {
  const char *p;
  size_t n;     /* bytes, line ending included */
  bool newline; /* ends with a line ending */
} line;

static size_t S_lines(const char *t, size_t len, line **out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  size_t i = 0;
  while (i < len) {
    size_t s = i;
    while (i < len && t[i] != '\n' && t[i] != '\r')
      i++;
    bool nl = i < len;
    if (i < len && t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
      i += 2;
    else if (i < len)
      i++;
    xgrow(out, &cap, n + 1, sizeof(line));
    (*out)[n++] = (line){t + s, i - s, nl};
  }
  return n;
}

/* Index of the old line starting at byte off (n_old when off is the end). */
static size_t S_line_at(const line *old, size_t n_old, const char *base,
                        size_t off) {
  for (size_t k = 0; k < n_old; k++)
    if ((size_t)(old[k].p - base) >= off)
      return k;
  return n_old;
}

/* A line's text through the terminal sanitiser, its ending as it is. */
static void S_put_text(strbuf *out, const line *l) {
  size_t eol = 0;
  if (l->newline)
    eol = l->n >= 2 && l->p[l->n - 2] == '\r' && l->p[l->n - 1] == '\n' ? 2 : 1;
  term_sanitize(out, l->p, l->n - eol, false);
  strbuf_put(out, l->p + l->n - eol, eol);
}

static void S_put_line(strbuf *out, char mark, const line *l) {
  strbuf_putc(out, mark);
  S_put_text(out, l);
  if (!l->newline)
    strbuf_puts(out, "\n\\ No newline at end of file\n");
}

typedef struct {
  size_t k;    /* old line the text goes before (n_old: the end) */
  line *lines; /* owned array of views into the insertion text */
  size_t nlines;
  bool fixes_last; /* the old last line gains the line ending it lacked */
  const char *eol; /* that line ending, borrowed from the insertion */
  size_t eol_len;
  char *edited; /* owned: a replacement's old line k as edited, else NULL */
} event;

/* The first old line after an event: an edited line is old line k itself. */
static size_t S_after(const event *e) { return e->k + (e->edited ? 1 : 0); }

/* One edit of the plan, as read through ddlint_fix_edit(). */
typedef struct {
  size_t at, del;
  const char *text; /* borrowed from the plan */
} plan_edit;

void diff_insertions(strbuf *out, const char *path, const char *old_text,
                     size_t old_len, const ddlint_fix *plan, size_t from,
                     size_t n) {
  plan_edit *ins = xcalloc(n + 1, sizeof(plan_edit));
  for (size_t i = 0; i < n; i++)
    ddlint_fix_edit(plan, from + i, NULL, &ins[i].at, &ins[i].del,
                    &ins[i].text, NULL, NULL);
  line *old;
  size_t n_old = S_lines(old_text, old_len, &old);
  bool last_open = n_old && !old[n_old - 1].newline;
  event *ev = xcalloc(n + 1, sizeof(event));
  for (size_t i = 0; i < n; i++) {
    const char *t = ins[i].text;
    size_t tl = strlen(t);
    if (ins[i].del) { /* the one line holding the replaced bytes, edited */
      size_t k = 0;
      while (k + 1 < n_old && (size_t)(old[k + 1].p - old_text) <= ins[i].at)
        k++;
      size_t ls = (size_t)(old[k].p - old_text);
      strbuf sb = {0};
      strbuf_put(&sb, old[k].p, ins[i].at - ls);
      strbuf_puts(&sb, t);
      strbuf_put(&sb, old_text + ins[i].at + ins[i].del,
                 ls + old[k].n - ins[i].at - ins[i].del);
      ev[i].k = k;
      ev[i].nlines = S_lines(sb.data, sb.len, &ev[i].lines);
      ev[i].edited = strbuf_take(&sb);
      continue;
    }
    ev[i].k = S_line_at(old, n_old, old_text, ins[i].at);
    if (ev[i].k == n_old && last_open && i == 0) {
      ev[i].fixes_last = true; /* the text starts with the missing ending */
      size_t skip = t[0] == '\r' && t[1] == '\n' ? 2 : 1;
      ev[i].eol = t;
      ev[i].eol_len = skip;
      t += skip;
      tl -= skip;
    }
    ev[i].nlines = S_lines(t, tl, &ev[i].lines);
  }
  char *safe = term_safe(path);
  strbuf_printf(out, "--- a/%s\n+++ b/%s\n", safe, safe);
  free(safe);
  size_t e = 0;
  long shift = 0; /* new lines minus old lines before the current hunk */
  while (e < n) {
    /* a hunk: events whose context windows touch */
    size_t first = e, last = e;
    size_t a = ev[e].k > CONTEXT ? ev[e].k - CONTEXT : 0;
    if (ev[e].fixes_last && a > n_old - 1)
      a = n_old - 1;
    while (last + 1 < n && ev[last + 1].k <= S_after(&ev[last]) + 2 * CONTEXT)
      last++;
    size_t b = S_after(&ev[last]) + CONTEXT < n_old
                   ? S_after(&ev[last]) + CONTEXT
                   : n_old;
    size_t added = 0;
    for (size_t i = first; i <= last; i++)
      added += ev[i].nlines + (ev[i].fixes_last ? 1 : 0);
    size_t removed = 0;
    for (size_t i = first; i <= last; i++)
      removed += ev[i].fixes_last || ev[i].edited ? 1 : 0;
    size_t old_count = b - a, new_count = b - a - removed + added;
    strbuf_printf(
        out, "@@ -%zu,%zu +%zu,%zu @@\n", old_count ? a + 1 : a, old_count,
        new_count ? (size_t)((long)a + shift) + 1 : (size_t)((long)a + shift),
        new_count);
    size_t i = first;
    for (size_t k = a; k <= b; k++) {
      const event *edit = NULL;
      for (; i <= last && ev[i].k == k; i++) {
        if (ev[i].edited) {
          edit = &ev[i];
          continue;
        }
        for (size_t j = 0; j < ev[i].nlines; j++)
          S_put_line(out, '+', &ev[i].lines[j]);
      }
      if (k == b)
        break;
      if (edit) {
        S_put_line(out, '-', &old[k]);
        for (size_t j = 0; j < edit->nlines; j++)
          S_put_line(out, '+', &edit->lines[j]);
        continue;
      }
      const event *fix = NULL;
      for (size_t x = first; x <= last; x++)
        if (ev[x].fixes_last && k == n_old - 1)
          fix = &ev[x];
      if (fix) {
        S_put_line(out, '-', &old[k]);
        strbuf_putc(out, '+');
        S_put_text(out, &old[k]);
        strbuf_put(out, fix->eol, fix->eol_len);
      } else {
        S_put_line(out, ' ', &old[k]);
      }
    }
    shift += (long)added - (long)removed;
    e = last + 1;
  }
  for (size_t i = 0; i < n; i++) {
    free(ev[i].lines);
    free(ev[i].edited);
  }
  free(ev);
  free(old);
  free(ins);
}
