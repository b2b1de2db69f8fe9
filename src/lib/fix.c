/* Fixes: rename a heading that nearly names a missing required section to
 * the template's title, keeping its level, numbering and decoration; insert
 * each other missing required section at its template place, as a heading
 * with a guidance comment, changing no other byte. The plan is a list of
 * insertions at line starts (or at the end of the file), in the document's
 * own heading level, numbering style and line endings, and of title
 * replacements within heading lines. It reads the result through the public
 * API (ddlint.h) alone. */
#include "fix.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Bytes that fix reads: the result's text or one part's, borrowed. */
typedef struct {
  const char *text;
  size_t len;
} doc_text;

/* The document's line ending: that of its first line, else "\n". */
static const char *S_eol(const doc_text *src) {
  for (size_t i = 0; i < src->len; i++) {
    if (src->text[i] == '\n')
      return "\n";
    if (src->text[i] == '\r')
      return i + 1 < src->len && src->text[i + 1] == '\n' ? "\r\n" : "\r";
  }
  return "\n";
}

/* The number and punctuation of a numbered heading at off ("## 3. Data",
 * "### 3) Data"): *num and *punct, or false. */
static bool S_numbering(const doc_text *src, size_t off, long *num,
                        char *punct) {
  const char *t = src->text + off, *end = src->text + src->len;
  while (t < end && *t == '#')
    t++;
  while (t < end && (*t == ' ' || *t == '\t' || *t == '*'))
    t++;
  if (t >= end || *t < '0' || *t > '9')
    return false;
  long n = 0;
  while (t < end && *t >= '0' && *t <= '9' && n < 100000)
    n = n * 10 + (*t++ - '0');
  if (t + 1 >= end || (*t != '.' && *t != ')') || t[1] != ' ')
    return false;
  *num = n;
  *punct = *t;
  return true;
}

/* Whether the UTF-8 sequence at t (of n bytes) is decoration rather than a
 * word: a symbol, arrow, dingbat or emoji (U+2000-U+2BFF, U+1F000-U+1FAFF)
 * or a variation selector; *len gets its length. */
static bool S_symbol(const unsigned char *t, size_t n, size_t *len) {
  unsigned cp = 0;
  *len = 1;
  if (t[0] >= 0xE0 && t[0] < 0xF0 && n >= 3) {
    cp = (t[0] & 15u) << 12 | (t[1] & 63u) << 6 | (t[2] & 63u);
    *len = 3;
  } else if (t[0] >= 0xF0 && n >= 4) {
    cp = (t[0] & 7u) << 18 | (t[1] & 63u) << 12 | (t[2] & 63u) << 6 |
         (t[3] & 63u);
    *len = 4;
  }
  return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
         cp == 0xFE0F;
}

/* Whether the line at off opens with a bold run-in label that its text
 * goes on after ("**Sucess metrics.** Offline we ..."): renaming it would
 * take the text as the title. */
/* The line at off past its indent, as [*i, *le), and whether it opens
 * with "**" or "__". */
static bool S_bold_start(const ddlint_result *r, const doc_text *src,
                         size_t off, size_t *i, size_t *le) {
  const char *t = src->text;
  size_t ls;
  ddlint_result_line_bounds(r, off, &ls, le);
  *i = ls;
  while (*i < *le && (t[*i] == ' ' || t[*i] == '\t'))
    (*i)++;
  return *i + 2 <= *le && ((t[*i] == '*' && t[*i + 1] == '*') ||
                           (t[*i] == '_' && t[*i + 1] == '_'));
}

static bool S_run_in_line(const ddlint_result *r, const doc_text *src,
                          size_t off) {
  const char *t = src->text;
  size_t le, i;
  if (!S_bold_start(r, src, off, &i, &le))
    return false;
  size_t c = i + 2;
  while (c + 1 < le && !(t[c] == t[i] && t[c + 1] == t[i]))
    c++;
  if (c + 1 >= le)
    return false;
  for (size_t p = c + 2; p < le; p++)
    if (!strchr(" \t\r:.", t[p]))
      return true;
  return false;
}

/* Whether the line at off is all bold ("**Sucess Metrics**", a bold
 * line read as a heading). */
static bool S_bold_only_line(const ddlint_result *r, const doc_text *src,
                             size_t off) {
  const char *t = src->text;
  size_t le, i;
  if (!S_bold_start(r, src, off, &i, &le))
    return false;
  while (le > i && strchr(" \t\r", t[le - 1]))
    le--;
  return le >= i + 5 && t[le - 1] == t[i] && t[le - 2] == t[i] &&
         !S_run_in_line(r, src, off);
}

/* Whether an ATX heading line ("#### Batch job") starts in t(from, to). */
static bool S_heading_between(const doc_text *src, size_t from, size_t to) {
  const char *t = src->text;
  for (size_t i = from; i < to && i < src->len; i++) {
    if (t[i] != '\n')
      continue;
    size_t j = i + 1, sp = 0;
    while (j < to && t[j] == ' ' && sp < 3)
      j++, sp++;
    size_t h = 0;
    while (j + h < to && t[j + h] == '#' && h < 7)
      h++;
    if (h >= 1 && h <= 6 && j + h < to && (t[j + h] == ' ' || t[j + h] == '\t'))
      return true;
  }
  return false;
}

/* The title words of the heading line at off: what is left after the
 * marker ("##"), numbering ("3.", "3)"), emphasis and symbols, before the
 * closing markup. *start and *end (exclusive), or false when none. */
static bool S_heading_title(const ddlint_result *r, const doc_text *src,
                            size_t off, size_t *start, size_t *end) {
  const unsigned char *t = (const unsigned char *)src->text;
  size_t ls, le, i;
  ddlint_result_line_bounds(r, off, &ls, &le);
  i = ls;
  while (i < le && (t[i] == ' ' || t[i] == '#'))
    i++;
  for (;;) { /* leading decoration and numbering, in any order */
    size_t n;
    if (i < le && t[i] && strchr(" \t*_`~", t[i]))
      i++;
    else if (i < le && t[i] >= 0x80 && S_symbol(t + i, le - i, &n))
      i += n;
    else if (i < le && t[i] >= '0' && t[i] <= '9') {
      size_t j = i;
      bool punct = false;
      while (j < le && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.'))
        punct |= t[j++] == '.';
      if (j < le && (t[j] == ')' || t[j] == ':')) {
        punct = true;
        j++;
      }
      if (j >= le || t[j] != ' ' || !punct)
        break; /* "3D Models", "2024 Roadmap": words, not a number */
      i = j;
    } else
      break;
  }
  size_t e = le;
  for (;;) { /* trailing decoration and a closing "##" sequence */
    size_t n, k = e ? e - 1 : 0;
    while (k > i && (t[k] & 0xC0) == 0x80)
      k--; /* the start of the last character */
    if (e > i && t[e - 1] && strchr(" \t*_`~#", t[e - 1]))
      e--;
    else if (k > i && t[k] >= 0x80 && S_symbol(t + k, e - k, &n) && k + n == e)
      e = k;
    else
      break;
  }
  *start = i;
  *end = e;
  return e > i;
}

/* Guidance for template section s, safe inside an HTML comment. */
static void S_guidance(strbuf *sb, const ddlint_pack *pk, size_t s) {
  strbuf g = {0};
  const char *prompt = ddlint_pack_section_prompt(pk, s);
  size_t ntopics = ddlint_pack_topic_count(pk, s);
  strbuf_printf(&g, "Write the %s section.", ddlint_pack_section_title(pk, s));
  if (prompt)
    strbuf_printf(&g, " %s", prompt);
  if (ntopics) {
    strbuf_puts(&g, " Cover:");
    for (size_t t = 0; t < ntopics; t++)
      strbuf_printf(&g, "%s %s", t ? ";" : "",
                    ddlint_pack_topic_title(pk, s, t));
    strbuf_putc(&g, '.');
  }
  strbuf_puts(sb, "<!-- ");
  for (size_t i = 0; i < g.len; i++) { /* "--" may not appear in a comment */
    strbuf_putc(sb, g.data[i]);
    if (g.data[i] == '-' && i + 1 < g.len && g.data[i + 1] == '-')
      strbuf_putc(sb, ' ');
  }
  strbuf_puts(sb, " -->");
  strbuf_free(&g);
}

/* An insertion point moved out of code: a line start inside a code block
 * (one that a malformed fence left open to the end, say) becomes the start
 * of the block's first line, so the new heading is a heading. */
static size_t S_outside_code(const ddlint_result *r, size_t at) {
  for (size_t i = 0; i < ddlint_result_code_block_count(r); i++) {
    size_t start, end;
    ddlint_result_code_block_span(r, i, &start, &end);
    if (start < at && at < end)
      return start;
  }
  return at;
}

/* An insertion point just past a list item's marker ("2. How we judge
 * it.", a part named by its title line) moved to the start of that line:
 * the new part goes before the item, not into it, where it would be the
 * item's text and name nothing. */
static size_t S_before_list_marker(const doc_text *src, size_t at) {
  const char *t = src->text;
  size_t ls = at;
  while (ls > 0 && t[ls - 1] != '\n')
    ls--;
  size_t i = ls;
  while (i < at && (t[i] == ' ' || t[i] == '\t'))
    i++;
  size_t m = i;
  if (m < at && strchr("-*+", t[m]))
    m++;
  else {
    while (m < at && t[m] >= '0' && t[m] <= '9')
      m++;
    if (m == i || m - i > 9 || m >= at || (t[m] != '.' && t[m] != ')'))
      return at;
    m++;
  }
  if (m >= at || (t[m] != ' ' && t[m] != '\t'))
    return at;
  while (m < at && (t[m] == ' ' || t[m] == '\t'))
    m++;
  return m == at ? ls : at;
}

static int S_insert_cmp(const void *a, const void *b) {
  const fix_insert *x = a, *y = b;
  return (x->at > y->at) - (x->at < y->at);
}

size_t fix_plan(const ddlint_result *r, fix_insert **out) {
  const ddlint_pack *pk = ddlint_result_pack(r);
  doc_text doc;
  doc.text = ddlint_result_text(r, &doc.len);
  const doc_text *src = &doc;
  const char *eol = S_eol(src);
  size_t n = 0, cap = 0, at_eof = 0;
  *out = NULL;
  /* the sections found, with each near miss ("Sucess Metrix") counted as
   * its section: it is renamed, not doubled, and its content stays under
   * it; a heading nearest to two sections names the first */
  size_t ns = ddlint_pack_section_count(pk);
  size_t *start = xcalloc(ns + 1, sizeof(size_t));
  size_t *end = xcalloc(ns + 1, sizeof(size_t));
  int *level_of = xcalloc(ns + 1, sizeof(int));
  bool *rename = xcalloc(ns + 1, sizeof(bool));
  for (size_t s = 0; s < ns; s++) {
    ddlint_result_section_span(r, s, &start[s], &end[s]);
    level_of[s] = ddlint_result_section_level(r, s);
    size_t near_start, near_end;
    int near_level;
    bool near =
        ddlint_result_section_near(r, s, &near_start, &near_end, &near_level);
    bool taken = false; /* a renamed section starts at its near heading */
    for (size_t p = 0; p < s && near; p++)
      taken |= rename[p] && start[p] == near_start;
    /* (not a run-in label, whose line goes on with its paragraph: renaming
     * it would take the text for the title; the section is inserted) */
    if (!level_of[s] && near && !taken && near_level &&
        !S_run_in_line(r, src, near_start)) {
      start[s] = near_start;
      end[s] = near_end;
      level_of[s] = near_level;
      rename[s] = true;
    }
  }
  /* the numbering style, from the first numbered section heading */
  char punct = 0;
  long num;
  for (size_t s = 0; s < ns && !punct; s++)
    if (level_of[s])
      S_numbering(src, start[s], &num, &punct);
  bool ends_with_newline = src->len && (src->text[src->len - 1] == '\n' ||
                                        src->text[src->len - 1] == '\r');
  /* a document whose sections are bold run-in labels ("**Data.** ...", a
   * memo with no heading) gets its missing sections in that style */
  bool memo = false;
  for (size_t s = 0; s < ns; s++)
    if (level_of[s] && !rename[s]) {
      memo = ddlint_result_section_run_in(r, s);
      if (!memo)
        break;
    }
  for (size_t s = 0; s < ns; s++) {
    const char *title = ddlint_pack_section_title(pk, s);
    if (!ddlint_coverage_section_required(r, s) || (level_of[s] && !rename[s]))
      continue;
    size_t ts_start, ts_end;
    if (rename[s]) {
      /* (not a run-in label: its line goes on with the paragraph) */
      if (!memo && !S_run_in_line(r, src, start[s]) &&
          S_heading_title(r, src, start[s], &ts_start, &ts_end)) {
        xgrow(out, &cap, n + 1, sizeof(fix_insert));
        (*out)[n++] =
            (fix_insert){ts_start, ts_end - ts_start, xstrdup(title), s};
      }
      continue;
    }
    /* its heading is there, hidden by a broken fence: a second one would
     * duplicate the chapter (code-fence reports the fence) */
    if (ddlint_result_section_hidden(r, s, NULL))
      continue;
    ptrdiff_t prev = -1, next = -1;
    size_t missing_since_prev = 0; /* inserted between prev and s */
    /* among its siblings: sections nested in the same parent (a pack's
     * "parent"), which the template lists after that parent */
    ptrdiff_t par = ddlint_pack_section_parent(pk, s);
    for (size_t p = 0; p < s; p++) {
      if (ddlint_pack_section_parent(pk, p) != par)
        continue;
      if (level_of[p]) {
        prev = (ptrdiff_t)p;
        missing_since_prev = 0;
      } else if (ddlint_coverage_section_required(r, p)) {
        missing_since_prev++;
      }
    }
    for (size_t p = s + 1; p < ns && next < 0; p++)
      if (level_of[p] && ddlint_pack_section_parent(pk, p) == par)
        next = (ptrdiff_t)p;
    size_t at;
    int level = 2;
    if (prev >= 0) {
      at = end[prev];
      level = level_of[prev];
    } else if (next >= 0) {
      at = start[next];
      level = level_of[next];
    } else if (par >= 0 && level_of[par]) {
      at = end[par]; /* the first of its parent's nested sections */
      level = level_of[par] + 1;
    } else {
      at = src->len;
      for (size_t p = 0; p < ns; p++)
        if (level_of[p])
          level = level_of[p];
    }
    if (level < 1 || level > 6)
      level = 2;
    /* beside a bold line that heads a part ("**Data**" over its text), a
     * bold line: a "###" heading there would take the parts after it as
     * its own */
    ptrdiff_t anchor = prev >= 0 ? prev : next;
    /* ... and beside a run-in label that heads a part ("**The model.**
     * Three ..."), a run-in label; in a memo whose sections are all
     * run-in labels, a run-in label anywhere */
    bool run_in = memo || (anchor >= 0 && ddlint_result_section_run_in(
                                              r, (size_t)anchor));
    bool bold = !run_in && anchor >= 0 &&
                ddlint_result_section_bold_line(r, (size_t)anchor);
    /* (a near miss renamed in place has no heading kind of its own: its
     * line says it, "**Sucess metrics.** Offline we ...") */
    if (!memo && anchor >= 0 && rename[anchor]) {
      run_in = S_run_in_line(r, src, start[anchor]);
      bold = !run_in && S_bold_only_line(r, src, start[anchor]);
    }
    at = S_outside_code(r, at);
    at = S_before_list_marker(src, at);
    /* ... and only where no heading of the source lies between the anchor
     * and the place ("#### Batch job" after "**Model**"): a bold line or a
     * label there would be that heading's part, alone */
    if ((bold || (run_in && !memo)) && anchor >= 0 &&
        S_heading_between(src, start[anchor], at)) {
      bold = run_in = false;
      level = level_of[anchor] >= 1 ? level_of[anchor] : 2;
    }
    /* ... unless a heading is inserted at the same place before it (the
     * parts end there, and a section the template puts after them comes
     * first): the bold line would fall under that heading, alone */
    for (size_t i = 0; i < n && (bold || (run_in && !memo)); i++) {
      const char *t = (*out)[i].text;
      t += strspn(t, "\r\n");
      if ((*out)[i].at == at && !(*out)[i].del && t[0] == '#') {
        bold = run_in = false;
        level = (int)strspn(t, "#");
      }
    }
    strbuf text = {0};
    bool at_end = at >= src->len;
    if (at_end && (src->len || at_eof))
      strbuf_printf(&text, "%s%s", ends_with_newline || !src->len ? "" : eol,
                    eol);
    at_eof += at_end;
    if (run_in) {
      strbuf_printf(&text, "**%s.** ", title);
    } else if (bold) {
      strbuf_printf(&text, "**%s**%s%s", title, eol, eol);
    } else {
      for (int i = 0; i < level; i++)
        strbuf_putc(&text, '#');
      strbuf_putc(&text, ' ');
    }
    if (punct && !run_in && !bold) {
      long number = (long)s + 1;
      long pn;
      char pp;
      if (prev >= 0 && S_numbering(src, start[prev], &pn, &pp))
        number = pn + 1 + (long)missing_since_prev;
      strbuf_printf(&text, "%ld%c ", number, punct);
    }
    if (!run_in && !bold)
      strbuf_printf(&text, "%s%s%s", title, eol, eol);
    S_guidance(&text, pk, s);
    if (!at_end)
      strbuf_printf(&text, "%s%s", eol, eol);
    else if (ends_with_newline || !src->len)
      strbuf_puts(&text, eol);
    xgrow(out, &cap, n + 1, sizeof(fix_insert));
    (*out)[n].at = at;
    (*out)[n].del = 0;
    (*out)[n].text = strbuf_take(&text);
    (*out)[n].section = s;
    n++;
  }
  /* stable: insertions at one place keep the template's order */
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && S_insert_cmp(&(*out)[j - 1], &(*out)[j]) > 0;
         j--) {
      fix_insert t = (*out)[j];
      (*out)[j] = (*out)[j - 1];
      (*out)[j - 1] = t;
    }
  free(start);
  free(end);
  free(level_of);
  free(rename);
  return n;
}

static int S_part_insert_cmp(const void *a, const void *b) {
  const part_insert *x = a, *y = b;
  if (x->part != y->part)
    return x->part < y->part ? -1 : 1;
  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

/* Part k of a document result: its own text as linted. */
static doc_text S_part(const ddlint_result *r, size_t k) {
  doc_text t;
  t.text = ddlint_result_part_text(r, k, &t.len);
  return t;
}

/* The line ending of part k: its first one, else that of the first part
 * that has one, else "\n". */
static const char *S_part_eol(const ddlint_result *r, size_t k) {
  size_t nparts = ddlint_result_part_count(r);
  for (size_t pass = 0; pass < 2; pass++)
    for (size_t j = pass ? 0 : k; j < (pass ? nparts : k + 1); j++) {
      doc_text part = S_part(r, j);
      const doc_text *ps = &part;
      for (size_t i = 0; i < ps->len; i++)
        if (ps->text[i] == '\n' || ps->text[i] == '\r')
          return ps->text[i] == '\n'                          ? "\n"
                 : i + 1 < ps->len && ps->text[i + 1] == '\n' ? "\r\n"
                                                              : "\r";
    }
  return "\n";
}

/* Each insertion of the plan goes into the part that holds its place, in
 * that part's own line endings; a place at the start of a part is the end
 * of the part before it (the previous section's chapter), and with no
 * section found at all the index gets them. */
size_t fix_plan_parts(const ddlint_result *r, part_insert **out) {
  fix_insert *ins = NULL;
  size_t n = fix_plan(r, &ins);
  bool any_found = false;
  size_t ns = ddlint_pack_section_count(ddlint_result_pack(r));
  for (size_t s = 0; s < ns; s++)
    any_found |= ddlint_result_section_level(r, s) != 0;
  part_insert *pi = xcalloc(n + 1, sizeof(part_insert));
  size_t first = ddlint_result_part_of(r, 0, NULL);
  for (size_t i = 0; i < n; i++) {
    size_t local; /* no part starts after at: unreadable ones are empty */
    size_t k = ddlint_result_part_of(r, ins[i].at, &local);
    size_t part_len = S_part(r, k).len;
    if (local > part_len)
      local = part_len;
    if (ins[i].del) { /* a renamed heading stays where it is */
      pi[i] = (part_insert){k, local,         ins[i].del, xstrdup(ins[i].text),
                            i, ins[i].section};
      continue;
    }
    if (!any_found) {
      k = first;
      local = S_part(r, k).len;
    } else if (local == 0 && k > first) { /* the end of the part before */
      size_t b = k;
      while (b > first && !ddlint_result_part_readable(r, b - 1))
        b--;
      k = b > first ? b - 1 : first;
      local = S_part(r, k).len;
    }
    pi[i].part = k;
    pi[i].at = local;
    pi[i].order = i;
    pi[i].section = ins[i].section;
    doc_text part = S_part(r, k);
    const doc_text *ps = &part;
    /* in the part's own line endings, not those of the joined text */
    const char *eol = S_part_eol(r, k);
    strbuf conv = {0};
    for (const char *c = ins[i].text; *c; c++) {
      if (*c == '\r' && c[1] == '\n')
        c++;
      if (*c == '\n' || *c == '\r')
        strbuf_puts(&conv, eol);
      else
        strbuf_putc(&conv, *c);
    }
    free(ins[i].text);
    ins[i].text = strbuf_take(&conv);
    if (local == ps->len) { /* at a part's end: after a blank line */
      const char *t = ins[i].text;
      while (*t == '\r' || *t == '\n')
        t++;
      size_t tl = strlen(t);
      while (tl && (t[tl - 1] == '\n' || t[tl - 1] == '\r'))
        tl--;
      bool nl = ps->len && (ps->text[ps->len - 1] == '\n' ||
                            ps->text[ps->len - 1] == '\r');
      bool after_another = false; /* an earlier insertion at this place */
      for (size_t m = 0; m < i; m++)
        after_another |= pi[m].part == k && pi[m].at == local;
      strbuf sb = {0};
      if (after_another) /* the one before ends its line: a blank line */
        strbuf_puts(&sb, eol);
      else if (ps->len) /* end the part's last line, then a blank line */
        strbuf_printf(&sb, "%s%s", nl ? "" : eol, eol);
      strbuf_printf(&sb, "%.*s%s", (int)tl, t, eol);
      pi[i].text = strbuf_take(&sb);
    } else {
      pi[i].text = xstrdup(ins[i].text);
    }
  }
  fix_free(ins, n);
  if (n > 1)
    qsort(pi, n, sizeof *pi, S_part_insert_cmp);
  *out = pi;
  return n;
}

void fix_parts_free(part_insert *pi, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(pi[i].text);
  free(pi);
}

void fix_free(fix_insert *ins, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(ins[i].text);
  free(ins);
}

char *fix_apply(const char *buf, size_t len, const fix_insert *ins, size_t n,
                size_t *out_len) {
  strbuf sb = {0};
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    size_t at = ins[i].at > len ? len : ins[i].at;
    strbuf_put(&sb, buf + from, at - from);
    strbuf_puts(&sb, ins[i].text);
    from = at + ins[i].del > len ? len : at + ins[i].del;
  }
  strbuf_put(&sb, buf + from, len - from);
  *out_len = sb.len;
  return strbuf_take(&sb);
}
