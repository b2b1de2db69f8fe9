/* The outline stage: gives md's blocks their titles (title.c), then turns
 * the flat heading blocks into a tree of sections. A section spans from its
 * heading to the next heading of the same or a higher level; a single
 * leading H1 is the document's title. Built with an explicit stack, since
 * heading levels are the only nesting involved. */
#include "outline.h"
#include "source.h"
#include "title.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether heading text t is a section number alone, or a range of them
 * ("4-8.", "5"): not a date ("2024-02-08", which a notebook's entries are
 * headed by and which its dated headings' rule reads). */
static bool S_number_only(const char *t) {
  bool digit = false;
  size_t n = 0;
  for (; t && *t; t++) {
    if (*t == '*' || *t == '_')
      continue; /* (markup: "**4.**") */
    n++;
    if (*t >= '0' && *t <= '9')
      digit = true;
    else if (!strchr(" .-)", *t))
      return false;
  }
  return digit && n <= 8; /* ("10 - 12"; not "2024-02-08") */
}

/* How a heading is numbered: 0 not; 1 "2.", "2)" or "2 Word" (its number
 * in *num);
 * 2 a sub-number: "ii.", "b)", or "2.1". */
static int S_numbering(const char *t, long *num) {
  while (*t == ' ' || *t == '*' || *t == '_')
    t++;
  *num = -1;
  if (*t >= '0' && *t <= '9') {
    char *e;
    long n = strtol(t, &e, 10);
    if (*e == '.' && e[1] >= '0' && e[1] <= '9') {
      *num = n;
      return 2;
    }
    if ((*e == '.' || *e == ')') && (e[1] == ' ' || e[1] == '\0')) {
      *num = n;
      return 1;
    }
    /* "2 Success criteria" over "2.1 Offline acceptance" */
    if (*e == ' ' && n < 100 && e - t <= 2 && isupper((unsigned char)e[1])) {
      *num = n;
      return 1;
    }
    return 0;
  }
  const char *q = t;
  while (*q && strchr("ivx", *q))
    q++;
  if (q == t && *t >= 'a' && *t <= 'h')
    q = t + 1;
  if (q > t && q - t <= 4 && (*q == '.' || *q == ')') && q[1] == ' ')
    return 2;
  return 0;
}

/* Blocks per task of outline_titles(): a document of fewer (most) starts
 * no thread; titles were about 5% of a large document's instructions. */
#define TITLES_PER_TASK 4096

static void S_titles_task(void *arg, size_t t) {
  md_blocks *mb = arg;
  size_t end = (t + 1) * TITLES_PER_TASK;
  for (size_t i = t * TITLES_PER_TASK; i < end && i < mb->nblocks; i++) {
    block *b = &mb->blocks[i];
    const char *from = b->kind == BLOCK_HEADING     ? b->text
                       : b->kind == BLOCK_PARAGRAPH ? b->label
                                                    : NULL;
    if (from && !b->norm) {
      b->norm = title_normalize(from);
      b->key = title_key(b->norm);
    }
  }
}

void outline_titles(md_blocks *mb, unsigned threads) {
  run_tasks((mb->nblocks + TITLES_PER_TASK - 1) / TITLES_PER_TASK, threads,
            S_titles_task, mb);
}

/* The words of a label, split at spaces. */
static size_t S_label_words(const char *label) {
  size_t words = 0;
  for (const char *q = label; *q; q++)
    words += *q != ' ' && (q == label || q[-1] == ' ');
  return words;
}

/* Whether block i is a bold line that heads what follows it: a short
 * name, not a sentence ("**Data**", "**Q: How good is it?**", not "**Do
 * not deploy on Fridays.**"), with text, a list, a table or a comment
 * after it (a comment alone: an empty part, "**Features**" over a
 * "<!-- TODO -->" as fix writes it). */
static bool S_bold_heading(const md_blocks *mb, size_t i) {
  const block *b = &mb->blocks[i];
  /* (a title once normalised: "**Step 1**" has none and opens nothing) */
  if (b->kind != BLOCK_PARAGRAPH || !b->bold_line || !b->label ||
      !b->norm || !*b->norm || i + 1 >= mb->nblocks)
    return false;
  size_t n = strlen(b->label);
  if (!n || b->label[n - 1] == '.' || b->label[n - 1] == '!')
    return false;
  const block *next = &mb->blocks[i + 1];
  return S_label_words(b->label) <= 16 && next->kind != BLOCK_HEADING &&
         !(next->kind == BLOCK_PARAGRAPH && next->bold_line) &&
         next->kind != BLOCK_BREAK;
}

/* The kind of numbering a bold line's label opens with, for telling the
 * questions of a Q&A apart from the rest: 1 "Q9." or "Q9:", 2 "9." or
 * "9)", 3 "Step 9"; 0 none. */
static int S_bold_numbering(const char *label) {
  const char *p = label;
  int kind = 2;
  if ((p[0] == 'Q' || p[0] == 'q') && p[1] >= '0' && p[1] <= '9') {
    kind = 1;
    p++;
  } else if (strncasecmp(p, "step ", 5) == 0) {
    kind = 3;
    p += 5;
  }
  if (!(*p >= '0' && *p <= '9'))
    return 0;
  while (*p >= '0' && *p <= '9')
    p++;
  if (kind == 2 && *p != '.' && *p != ')')
    return 0;
  return kind;
}

/* Bold lines that set out the parts of a section ("## Design", then
 * "**Data**", "**Model**", "**Serving**" over their text; a Q&A's "**Q:
 * How good is it?**" under its title) are headings one level below the
 * section's, as a reader reads them and as a word processor's export
 * meant them: where a section (or the text under the title, or a document
 * with no heading) holds two or more of them. */
static void S_bold_lines_as_headings(md_blocks *mb) {
  size_t from = 0;
  int level = 1; /* the level of the heading over blocks [from, i) */
  /* the last bold line made a heading: its level and numbering */
  int last_level = 0, last_numbering = 0;
  for (size_t i = 0; i <= mb->nblocks; i++) {
    const block *b = i < mb->nblocks ? &mb->blocks[i] : NULL;
    if (b && !(b->kind == BLOCK_HEADING && b->norm && *b->norm))
      continue;
    /* blocks [from, i) lie between two headings */
    size_t nbold = 0;
    for (size_t k = from; k < i && nbold < 2; k++)
      nbold += S_bold_heading(mb, k);
    for (size_t k = from; k < i; k++) {
      if (!S_bold_heading(mb, k))
        continue;
      block *h = &mb->blocks[k];
      /* a numbered bold line that goes on from the numbered bold headings
       * before it ("**Q10. ...**" after a "#### Features" inside Q9's
       * answer) is their sibling, even alone: not a part of the heading
       * it follows */
      int numbering = S_bold_numbering(h->label);
      int at = level + 1;
      if (numbering && numbering == last_numbering && last_level < at)
        at = last_level;
      else if (nbold < 2 || level >= 6)
        continue;
      h->kind = BLOCK_HEADING;
      h->level = (unsigned char)at;
      h->made = BLOCK_MADE_BOLD;
      h->text = xstrdup(h->label);
      last_level = at;
      last_numbering = numbering;
    }
    if (b) {
      from = i + 1;
      level = b->level;
      /* a heading above the numbered ones ends their run */
      if (b->level < last_level)
        last_numbering = 0;
    }
  }
}

/* A document written as an outline: under its title (or with no heading
 * at all), a list whose outer items are short titles over lists nested in
 * them ("- ▸ **Problem**", "- **Data**", "- Rollout:" as a Notion, Docs
 * or Workflowy outline exports them), four or more with different titles
 * and more than half of the list's outer items, half of them or more over
 * text of a sentence or so (60 bytes), in a document with no other heading
 * and at most one paragraph of prose beside the list, or up to three (or
 * one for every two titles) around it, none between its titles and one
 * at most after them (a summary and a status line before, a decision
 * asked for after): each title is a heading
 * one level below the title, over its nested list. Only there: under a
 * section's heading such items are its topics ("## Metrics" over "-
 * **Offline**", "- **Online**"), and "- **Data**" among an
 * architecture's components is no data section. */
/* Whether paragraph b is an outline's item title: a label of eight words
 * at most, alone on an outer item over a nested list. */
static bool S_outline_title(const block *b) {
  if (b->kind != BLOCK_PARAGRAPH || !b->item_title || b->nested ||
      !b->label || !b->norm || !*b->norm)
    return false;
  /* (not a changelog's "v1.3 (May)" or a log's "2024-05-02") */
  const char *l = b->label;
  while (*l && !isalnum((unsigned char)*l))
    l++;
  if ((*l == 'v' || *l == 'V') && l[1] >= '0' && l[1] <= '9')
    return false;
  const char *digits = l;
  while (*digits >= '0' && *digits <= '9')
    digits++;
  if (digits > l && (*digits == '-' || *digits == '/'))
    return false; /* (a numbered title, "1. Why", is one) */
  return S_label_words(b->label) <= 8;
}

static void S_outline_items_as_headings(md_blocks *mb) {
  size_t from = 0, to = 0;
  int level = 0;
  for (; to < mb->nblocks; to++) {
    const block *b = &mb->blocks[to];
    if (b->kind == BLOCK_HEADING && b->text && *b->text) {
      /* (the outline is the whole document: a heading below the title
       * makes its opening list a preface, a status or a list of risks) */
      if (b->level >= 2 || level)
        return;
      level = b->level;
      from = to + 1;
    }
  }
  size_t titles = 0, items = 0, told = 0, prose = 0;
  for (size_t i = from; i < to; i++) {
    const block *b = &mb->blocks[i];
    /* (and nothing but the list: a memo's paragraphs after a block of
     * "- **Status**", "- **Owner**" fields are the memo) */
    prose += b->kind == BLOCK_PARAGRAPH && !b->in_list && !b->in_quote &&
             b->end - b->start >= 80;
    if (b->kind != BLOCK_PARAGRAPH || !b->in_list || b->nested || b->in_quote)
      continue;
    items++;
    /* (a title over sentences, not over the names of its topics alone: a
     * template's skeleton, "1. Problem" over "* Use case and business
     * goal", "* Constraints", is no outline of a design) */
    bool says = false;
    for (size_t k = i + 1; k < to && !says; k++) {
      const block *n = &mb->blocks[k];
      if (n->kind == BLOCK_PARAGRAPH && n->in_list && !n->nested)
        break;
      says = n->kind == BLOCK_PARAGRAPH && n->end - n->start >= 60;
    }
    told += says && b->item_title;
    if (!S_outline_title(b))
      continue;
    for (size_t k = from; k < i; k++)
      if (mb->blocks[k].item_title && mb->blocks[k].norm &&
          strcmp(mb->blocks[k].norm, b->norm) == 0)
        return; /* a field of every entry, not a part */
    titles++;
  }
  /* (a few paragraphs around the outline, none between its titles, are
   * its summary, its status line and the decision it asks for: "💡
   * **Summary:** ...", "Owner: ... · Status: Draft", "✅ **Decision
   * needed:** ...") */
  if (prose > 1) {
    size_t first = to, last = from, inner = 0;
    for (size_t i = from; i < to; i++)
      if (S_outline_title(&mb->blocks[i])) {
        first = first < i ? first : i;
        last = i;
      }
    size_t after = 0;
    for (size_t i = first; i < to; i++) {
      const block *b = &mb->blocks[i];
      bool p = b->kind == BLOCK_PARAGRAPH && !b->in_list && !b->in_quote &&
               b->end - b->start >= 80;
      inner += p && i < last;
      after += p && i > last;
    }
    /* (two paragraphs after a block of fields are the memo they head) */
    if (inner > 0 || after > 1 || (prose > 3 && prose * 2 > titles))
      return;
  }
  if (titles < 4 || titles * 2 <= items || told * 2 < titles)
    return;
  /* (meeting notes, whose items are the meeting's: "Attendees", "Action
   * items") */
  static const char *const meeting[] = {"attendees", "participants",
                                        "agenda", "action items", "present",
                                        NULL};
  for (size_t i = from; i < to; i++)
    for (int k = 0; meeting[k]; k++)
      if (S_outline_title(&mb->blocks[i]) &&
          strcasecmp(mb->blocks[i].norm, meeting[k]) == 0)
        return;
  for (size_t i = from; i < to; i++) {
    block *b = &mb->blocks[i];
    if (!S_outline_title(b))
      continue;
    b->kind = BLOCK_HEADING;
    b->level = (unsigned char)(level ? level + 1 : 2);
    b->made = BLOCK_MADE_ITEM;
    b->in_list = false;
    /* (past the marks before it: "▸ Data" is "Data") */
    const unsigned char *l = (const unsigned char *)b->label;
    while (*l && !isalnum(*l) &&
           (*l < 0x80 || *l == 0xE2 || *l == 0xF0 || (*l >= 0x80 && *l < 0xC0)))
      l++;
    b->text = xstrdup(*l ? (const char *)l : b->label);
  }
}

/* Whether block i is a toggle's opening block (md.c gave it the title). */
static bool S_toggle_at(const md_blocks *mb, size_t i) {
  return i < mb->nblocks && mb->blocks[i].kind == BLOCK_HTML &&
         mb->blocks[i].text;
}

/* The block after the run of toggles that opens at block i, each closed
 * by its "</details>" before the next opens, comments between them
 * skipped; or SIZE_MAX where one is not closed, holds a heading (it wraps
 * that heading) or holds another toggle. */
static size_t S_toggle_run_end(const md_blocks *mb, size_t i) {
  while (S_toggle_at(mb, i)) {
    size_t k = i + 1;
    while (k < mb->nblocks && !mb->blocks[k].closes_toggle) {
      if (mb->blocks[k].kind == BLOCK_HEADING || S_toggle_at(mb, k))
        return SIZE_MAX;
      k++;
    }
    if (k == mb->nblocks)
      return SIZE_MAX; /* not closed */
    i = k + 1;
    while (i < mb->nblocks && mb->blocks[i].kind == BLOCK_COMMENT)
      i++;
  }
  return i;
}

/* Toggles (an HTML block "<details><summary>Model</summary>" that holds
 * nothing else) are headings one level below the heading they follow, as
 * Notion exports its toggle headings: "## Data" over toggles
 * "Architecture", "Model", "Monitoring & rollout". Only a run of them
 * that ends where the section does (at a heading or the document's end):
 * a heading's section runs to the next heading, so text after the last
 * "</details>" would be taken into the last toggle's. */
static void S_toggles_as_headings(md_blocks *mb) {
  int level = 1;
  for (size_t i = 0; i < mb->nblocks; i++) {
    block *b = &mb->blocks[i];
    if (b->kind == BLOCK_HEADING && b->text && *b->text) {
      level = b->level;
      continue;
    }
    if (!S_toggle_at(mb, i))
      continue;
    size_t end = S_toggle_run_end(mb, i);
    bool ends_section = end != SIZE_MAX &&
                        (end == mb->nblocks ||
                         mb->blocks[end].kind == BLOCK_HEADING);
    for (size_t k = i; k < (end == SIZE_MAX ? i + 1 : end); k++) {
      block *t = &mb->blocks[k];
      if (ends_section && S_toggle_at(mb, k)) {
        t->kind = BLOCK_HEADING;
        t->level = (unsigned char)(level < 6 ? level + 1 : 6);
        t->made = BLOCK_MADE_TOGGLE;
      }
    }
    if (end != SIZE_MAX)
      i = end - 1;
  }
}

void outline_build(md_blocks *mb, size_t doc_len, unsigned threads,
                   outline *out) {
  memset(out, 0, sizeof *out);
  S_toggles_as_headings(mb);
  outline_titles(mb, threads);
  S_bold_lines_as_headings(mb);
  S_outline_items_as_headings(mb);
  size_t cap = 0;
  ptrdiff_t stack[16]; /* open sections, shallowest first */
  int depth = 0;
  size_t h1s = 0;
  /* per level: the number of the last "N." heading at it, or -1. A
   * sub-numbered heading after it at the same level ("### 2. Goals" then
   * "### ii. Anti-goals") is nested under it, as its author meant. */
  long anchor[7] = {-1, -1, -1, -1, -1, -1, -1};

  for (size_t i = 0; i < mb->nblocks; i++) {
    const block *b = &mb->blocks[i];
    if (b->kind != BLOCK_HEADING || !b->norm || (!*b->norm && !S_number_only(b->text)))
      continue; /* a bare "##" neither opens nor closes a section; a
                   number alone does ("## 4-8." over what is not written) */
    if (b->level == 1)
      h1s++;
    long num;
    int style = b->text ? S_numbering(b->text, &num) : 0;
    int rank = 2 * b->level;
    if (style == 2 && anchor[b->level] >= 0 &&
        (num < 0 || num == anchor[b->level]))
      rank++;
    else if (style == 1)
      anchor[b->level] = num;
    else
      anchor[b->level] = -1;
    for (int l = b->level + 1; l <= 6; l++)
      anchor[l] = -1;
    /* close every open section at this rank or deeper */
    while (depth > 0 && out->sections[stack[depth - 1]].rank >= rank) {
      section *s = &out->sections[stack[depth - 1]];
      s->end = b->start;
      s->end_block = i;
      depth--;
    }
    xgrow(&out->sections, &cap, out->nsections + 1, sizeof(section));
    section *s = &out->sections[out->nsections];
    memset(s, 0, sizeof *s);
    s->block = i;
    s->level = b->level;
    s->rank = rank;
    s->start = b->start;
    s->body_start = b->end;
    s->first_block = i + 1;
    s->parent = depth > 0 ? stack[depth - 1] : -1;
    stack[depth++] = (ptrdiff_t)out->nsections;
    out->nsections++;
  }
  while (depth > 0) {
    section *s = &out->sections[stack[--depth]];
    s->end = doc_len;
    s->end_block = mb->nblocks;
  }
  /* A single H1 that opens the document is its title, not a section. */
  if (h1s == 1 && out->nsections && out->sections[0].level == 1) {
    bool content_before = false;
    for (size_t i = 0; i < out->sections[0].block; i++)
      if (mb->blocks[i].kind != BLOCK_COMMENT &&
          mb->blocks[i].kind != BLOCK_BREAK)
        content_before = true;
    out->sections[0].is_title = !content_before;
  }
}

static bool S_section_starts_by(const void *arg, size_t i) {
  const bsearch_key *k = arg;
  const section *sections = k->array;
  return sections[i].start <= k->off;
}

ptrdiff_t outline_section_at(const outline *ol, size_t off) {
  bsearch_key p = {ol->sections, off};
  return (ptrdiff_t)bsearch_lower(ol->nsections, S_section_starts_by, &p) - 1;
}

void outline_free(outline *ol) {
  free(ol->sections);
  memset(ol, 0, sizeof *ol);
}

/* Whether a label is an email's or a page's header ("To", "Status"). */
static bool S_header_label(const char *label) {
  static const char *const header[] = {
      "to",      "cc",      "bcc",       "from",     "date",        "re",
      "subject", "status",  "owner",     "owners",   "author",      "authors",
      "team",    "tags",    "reviewers", "reviewer", "last edited", "updated",
      "created", "version", "sent",      NULL};
  for (int h = 0; header[h]; h++)
    if (strcasecmp(label, header[h]) == 0)
      return true;
  return false;
}

/* Where the bold run-in label that opens paragraph b ends, past its
 * closing marker and a ':' or '.' after it ("**Why.** The weekly ...",
 * "**Data:** three years of ..."), or 0 when b opens with none that could
 * head a section: in a list or a quote, over 8 words, with no text after
 * it, or an email's or a page's header ("**To:**", "**Status:**"). */
static size_t S_run_in_end(const char *t, const block *b) {
  if (b->kind != BLOCK_PARAGRAPH || b->in_list || b->in_quote || !b->label ||
      b->end - b->start < 5)
    return 0;
  const char *p = t + b->start;
  size_t n = b->end - b->start;
  if (!((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_')))
    return 0;
  size_t close = 2;
  while (close + 1 < n && close < 200 &&
         !(p[close] == p[0] && p[close + 1] == p[0]))
    close++;
  if (close + 1 >= n || close >= 200)
    return 0;
  size_t words = 0;
  for (size_t k = 2; k < close; k++)
    words += p[k] != ' ' && (k == 2 || p[k - 1] == ' ');
  if (words == 0 || words > 8)
    return 0;
  if (S_header_label(b->label))
    return 0;
  size_t e = close + 2;
  /* a message's header line in a pasted chat or thread, "**Tom Becker
   * (Data Science)** — Mon 09:40", its text on the next line: a name with
   * no closing '.' or ':', then a dash, a dot or a number and a few words
   * with a digit (a time, a date). Not "**Success metrics.** Recall at 10%
   * of 0.6 offline." over a continuation line. */
  bool closed = p[close - 1] == '.' || p[close - 1] == ':' ||
                (e < n && (p[e] == '.' || p[e] == ':'));
  size_t r = e;
  while (r < n && (p[r] == ' ' || p[r] == '\t'))
    r++;
  bool sep = r < n && (p[r] == '-' || p[r] == ',' || p[r] == '|' ||
                       (p[r] >= '0' && p[r] <= '9') ||
                       ((unsigned char)p[r] == 0xE2 && r + 2 < n &&
                        (unsigned char)p[r + 1] == 0x80 &&
                        ((unsigned char)p[r + 2] == 0x93 ||
                         (unsigned char)p[r + 2] == 0x94)) ||
                       ((unsigned char)p[r] == 0xC2 && r + 1 < n &&
                        (unsigned char)p[r + 1] == 0xB7));
  const char *nl = !closed && sep ? memchr(p + e, '\n', n - e) : NULL;
  if (nl) {
    size_t lw = 0;
    bool digit = false;
    for (const char *q = p + e; q < nl; q++) {
      digit |= *q >= '0' && *q <= '9';
      lw += !isspace((unsigned char)*q) &&
               (q == p + e || isspace((unsigned char)q[-1]));
    }
    if (digit && lw <= 6)
      return 0;
  }
  while (e < n && (p[e] == ':' || p[e] == '.' || p[e] == ' ' || p[e] == '\t' ||
                   p[e] == '\r' || p[e] == '\n'))
    e++;
  if (e >= n)
    return 0;
  /* text after it, or the guidance comment that `fix` puts after one */
  if ((!b->has_content || b->bold_line) && strncmp(p + e, "<!--", 4) != 0)
    return 0;
  return b->start + e;
}

/* Where the bold run-in label of block i ends, as S_run_in_end(), or, for
 * a label alone over a list, a table or a code block ("**Features.**" then
 * "- ...", "**How it works.**" over a diagram),
 * the paragraph's end: it heads what follows as a run-in label heads the
 * rest of its paragraph. */
static size_t S_run_in_at(const char *t, const md_blocks *mb, size_t i) {
  const block *b = &mb->blocks[i];
  size_t e = S_run_in_end(t, b);
  if (e || i + 1 >= mb->nblocks || b->kind != BLOCK_PARAGRAPH || b->in_list ||
      b->in_quote || !b->label || (b->has_content && !b->bold_line))
    return e;
  const block *next = &mb->blocks[i + 1];
  if (!((next->kind == BLOCK_PARAGRAPH && next->in_list && !next->nested) ||
        next->kind == BLOCK_TABLE || next->kind == BLOCK_CODE))
    return 0;
  /* "**Features.**", "**Data:**": bold, closed by "." or ":", at most 8
   * words, not an email's header */
  const char *p = t + b->start;
  size_t n = b->end - b->start;
  while (n && strchr(" \t\r\n", p[n - 1]))
    n--;
  if (n < 6 || !((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_')))
    return 0;
  size_t close = n;
  if (p[close - 1] == ':' || p[close - 1] == '.')
    close--; /* "**Data**:" */
  if (close < 4 || p[close - 1] != p[0] || p[close - 2] != p[0])
    return 0;
  char last = p[close - 3];
  if (last != '.' && last != ':' && close == n)
    return 0;
  size_t words = 0;
  for (size_t k = 2; k < close - 2; k++)
    words += p[k] != ' ' && (k == 2 || p[k - 1] == ' ');
  if (words == 0 || words > 8 || S_header_label(b->label))
    return 0;
  return b->end;
}

/* Splits each block i with lvl[i] (a level) into a heading of that level,
 * its run-in label, and the rest of the block (dropped when nothing is
 * left: a label alone over a list). Rewrites mb. */
static size_t S_title_line_end(const char *t, const md_blocks *mb, size_t i,
                               char **title);
static void S_split_run_ins(md_blocks *mb, const char *t,
                            const unsigned char *lvl, size_t n) {
  block *out = xcalloc(mb->nblocks + n + 1, sizeof(block));
  size_t k = 0;
  for (size_t i = 0; i < mb->nblocks; i++) {
    block *b = &mb->blocks[i];
    size_t e = lvl[i] ? S_run_in_at(t, mb, i) : 0;
    char *title = NULL;
    if (lvl[i] && !e)
      e = S_title_line_end(t, mb, i, &title); /* a title line, see below */
    if (e) {
      block *h = &out[k++];
      h->kind = BLOCK_HEADING;
      h->level = lvl[i];
      h->made = BLOCK_MADE_RUN_IN;
      h->start = b->start;
      h->end = e;
      if (title) {
        free(b->label);
        free(b->norm);
        free(b->key);
        b->label = b->norm = b->key = NULL;
        h->text = title;
        h->norm = title_normalize(title);
        h->key = title_key(h->norm);
      } else {
        h->text = b->label;
        h->norm = b->norm ? b->norm : title_normalize(b->label);
        h->key = b->key ? b->key : title_key(h->norm);
      }
      b->label = b->norm = b->key = NULL;
      b->start = e;
      b->bold_line = false;
      if (e >= b->end) { /* nothing left */
        free(b->text);
        continue;
      }
      /* the rest only the guidance comment that `fix` wrote: a comment */
      size_t rest = b->end - e;
      const char *r = t + e;
      while (rest && strchr(" \t\r\n", r[rest - 1]))
        rest--;
      if (rest >= 7 && strncmp(r, "<!--", 4) == 0 &&
          strncmp(r + rest - 3, "-->", 3) == 0 &&
          !bytes_find(r + 4, rest - 7, "-->"))
        b->kind = BLOCK_COMMENT;
    }
    out[k++] = *b;
  }
  free(mb->blocks);
  mb->blocks = out;
  mb->nblocks = k;
}

/* Where the rest of paragraph b starts when its first line is a title of
 * its own, with the paragraph's text on the lines below, or 0: a plain
 * capitalised phrase of one to twelve words that ends with '.', ':' or '?',
 * holds no other sentence mark, and is under half as long as the line
 * after it (not a text written a sentence to a line) ("What it is for." over "Every sailing
 * loses ...", "6. Monitoring, feedback and rollout." over "Not decided
 * here."), in a paragraph of its own or opening an outer list item, not
 * an email's header ("To:"); or an outer item's only line over the list
 * nested in it ("10. Open points." over "- Lockers: ..."). *title gets the
 * line without its mark. */
/* Whether list block b's first line is indented by two spaces or more:
 * "   - Lockers: ..." under "10. Open points." is meant to be nested in it,
 * though CommonMark, counting four columns for "10. ", makes it a list of
 * its own. */
static bool S_indented_item(const char *t, const block *b) {
  size_t ls = b->start;
  while (ls > 0 && t[ls - 1] != '\n')
    ls--;
  size_t sp = 0;
  while (ls + sp < b->start && t[ls + sp] == ' ')
    sp++;
  return sp >= 2;
}

/* Where the rest of paragraph b starts when it is an outer list item of a
 * numbered outline whose sub-numbers are no Markdown list: a short title
 * alone on its first line and a sub-number opening the next ("1. Purpose"
 * over "   1.1. Patrons who place a hold ...": CommonMark reads "1.1." as
 * text, so the whole item is one paragraph), else 0. *title gets the
 * title (without a closing colon). */
static size_t S_outline_title_line(const char *t, const block *b,
                                   char **title) {
  if (b->kind != BLOCK_PARAGRAPH || !b->in_list || b->nested || b->in_quote)
    return 0;
  const char *p = t + b->start;
  size_t n = b->end - b->start;
  const char *nl = memchr(p, '\n', n);
  if (!nl)
    return 0;
  size_t e = (size_t)(nl - p);
  while (e && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r'))
    e--;
  if (e && p[e - 1] == ':')
    e--;
  if (e < 2 || e > 60 ||
      !((p[0] >= 'A' && p[0] <= 'Z') || (unsigned char)p[0] >= 0xC0))
    return 0;
  size_t words = 0;
  for (size_t k = 0; k < e; k++) {
    unsigned char c = (unsigned char)p[k];
    if (!(isalnum(c) || c >= 0x80 || strchr(" ,&/()-'", c)))
      return 0; /* a sentence, markup or a link: not a plain title */
    words += c != ' ' && (k == 0 || p[k - 1] == ' ');
  }
  if (words == 0 || words > 8)
    return 0;
  size_t r = (size_t)(nl - p) + 1;
  while (r < n && (p[r] == ' ' || p[r] == '\t'))
    r++;
  /* the next line opens with a sub-number: "1.1.", "3.2 ", "10.3)" */
  size_t q = r;
  while (q < n && isdigit((unsigned char)p[q]))
    q++;
  if (q == r || q + 1 >= n || p[q] != '.' || !isdigit((unsigned char)p[q + 1]))
    return 0;
  if (title)
    *title = xstrndup(p, e);
  return b->start + r;
}

static size_t S_title_line_end(const char *t, const md_blocks *mb, size_t i,
                               char **title) {
  const block *b = &mb->blocks[i];
  if (title)
    *title = NULL;
  {
    size_t at = S_outline_title_line(t, b, title);
    if (at)
      return at;
  }
  if (b->kind != BLOCK_PARAGRAPH || b->in_quote || b->nested)
    return 0;
  const char *p = t + b->start;
  size_t n = b->end - b->start;
  while (n && strchr(" \t\r\n", p[n - 1]))
    n--;
  const char *nl = memchr(p, '\n', n);
  /* an item's one line over the list nested in it: "10. Open points." */
  bool over_list = !nl && b->in_list && i + 1 < mb->nblocks &&
                   mb->blocks[i + 1].in_list &&
                   (mb->blocks[i + 1].nested ||
                    S_indented_item(t, &mb->blocks[i + 1]));
  if ((!nl && !over_list) ||
      !((p[0] >= 'A' && p[0] <= 'Z') || (unsigned char)p[0] >= 0xC0))
    return 0;
  size_t e = nl ? (size_t)(nl - p) : n;
  while (e && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r'))
    e--;
  if (e < 2 || e > 80 || !strchr(".:?", p[e - 1]) || p[e - 2] == '.')
    return 0;
  size_t words = 0;
  for (size_t k = 0; k + 1 < e; k++) {
    if (strchr(".:?!;|*_`[<", p[k]) &&
        !(p[k] == '.' && k + 1 < e && p[k + 1] != ' '))
      return 0; /* two sentences, markup, a link: not a plain title */
    words += p[k] != ' ' && (k == 0 || p[k - 1] == ' ');
  }
  if (words == 0 || words > 12)
    return 0;
  if (over_list) {
    if (title)
      *title = xstrndup(p, p[e - 1] == '?' ? e : e - 1);
    return b->end;
  }
  size_t r = (size_t)(nl - p) + 1;
  while (r < n && strchr(" \t\r\n", p[r]))
    r++;
  /* well under half the length of the line after it: not a sentence that
   * happens to end where a hard-wrapped paragraph breaks its line, nor
   * one of a text written a sentence to a line ("The model is a LightGBM
   * regressor." over "It is retrained weekly.") */
  const char *nl2 = memchr(p + r, '\n', n - r);
  size_t next = nl2 ? (size_t)(nl2 - (p + r)) : n - r;
  if (next < 2 * e)
    return 0;
  /* ... and the lines after it are not short sentences each (a sentence
   * to a line, all of them ending with its mark) */
  size_t lines = 0, ended = 0, longest = 0;
  for (size_t k = r; k < n;) {
    const char *q = memchr(p + k, '\n', n - k);
    size_t ke = q ? (size_t)(q - p) : n;
    size_t le = ke;
    while (le > k && strchr(" \t\r", p[le - 1]))
      le--;
    if (le > k) {
      lines++;
      ended += strchr(".?!", p[le - 1]) != NULL;
      if (le - k > longest)
        longest = le - k;
    }
    k = ke + 1;
  }
  if (lines >= 2 && ended == lines && longest <= 100)
    return 0;
  bool text = false;
  for (size_t k = r; k < n && !text; k++)
    text = isalnum((unsigned char)p[k]) || (unsigned char)p[k] >= 0x80;
  if (!text)
    return 0;
  char *line = xstrndup(p, p[e - 1] == '?' ? e : e - 1);
  if (S_header_label(line)) {
    free(line);
    return 0;
  }
  if (title)
    *title = line;
  else
    free(line);
  return b->start + r;
}

/* In a document with no heading, paragraphs that open with a bold run-in
 * label ("**Why.** ...", "**Data.** ...", two or more) are its sections:
 * each label becomes a heading of level 2 over the rest of its paragraph
 * and what follows (and so does a label alone over a list, among them).
 * So are paragraphs and outer list items whose first line is a title
 * (S_title_line_end()), where three or more do so and they and the run-in
 * labels open more than a third of its paragraphs (an item's later
 * paragraphs count too): a plain-text memo, a numbered decision log. Rewrites mb; returns whether it did. */
static bool S_run_ins_as_headings(md_blocks *mb, const char *t) {
  size_t runs = 0, lines = 0, paras = 0;
  for (size_t i = 0; i < mb->nblocks; i++) {
    const block *b = &mb->blocks[i];
    if (b->kind != BLOCK_PARAGRAPH || b->in_quote || b->nested)
      continue;
    paras++;
    if (S_run_in_at(t, mb, i))
      runs++;
    else
      lines += S_title_line_end(t, mb, i, NULL) > 0;
  }
  bool by_lines = lines >= 3 && (lines + runs) * 3 > paras;
  size_t n = 0;
  for (size_t i = 0; i < mb->nblocks && n < 2; i++)
    n += S_run_in_end(t, &mb->blocks[i]) > 0;
  if (n < 2 && !by_lines)
    return false;
  unsigned char *lvl = xcalloc(mb->nblocks + 1, 1);
  n = 0;
  for (size_t i = 0; i < mb->nblocks; i++)
    if (S_run_in_at(t, mb, i) ||
        (by_lines && S_title_line_end(t, mb, i, NULL))) {
      lvl[i] = 2;
      n++;
    }
  S_split_run_ins(mb, t, lvl, n);
  free(lvl);
  return true;
}

/* In a document with no heading and no run-in label, thematic breaks that
 * split it into two or more parts with content (an email thread's
 * messages, a slide export's slides) make each part after a break a
 * section of its own: a heading of level 2 and no bytes where the part's
 * first block starts, so that what a part says is judged on its own and not
 * diluted by the whole text. Rewrites mb. */
static void S_breaks_as_parts(md_blocks *mb) {
  size_t parts = 0;
  bool content = false;
  for (size_t i = 0; i < mb->nblocks; i++) {
    const block *b = &mb->blocks[i];
    if (b->kind == BLOCK_BREAK) {
      parts += content;
      content = false;
    } else if (b->kind != BLOCK_COMMENT && b->kind != BLOCK_HEADING) {
      content = true; /* (a title over the parts is none of them) */
    }
  }
  parts += content;
  if (parts < 3)
    return;
  block *out = xcalloc(mb->nblocks + parts + 1, sizeof(block));
  size_t k = 0, n = 0;
  bool after_break = false;
  for (size_t i = 0; i < mb->nblocks; i++) {
    block *b = &mb->blocks[i];
    if (after_break && b->kind != BLOCK_BREAK && b->kind != BLOCK_COMMENT) {
      block *h = &out[k++];
      h->kind = BLOCK_HEADING;
      h->level = 2;
      h->made = BLOCK_MADE_PART;
      h->start = h->end = b->start;
      h->text = xasprintf(OUTLINE_PART, ++n + 1);
      h->norm = title_normalize(h->text);
      h->key = title_key(h->norm);
      after_break = false;
    }
    if (b->kind == BLOCK_BREAK)
      after_break = true;
    out[k++] = *b;
  }
  free(mb->blocks);
  mb->blocks = out;
  mb->nblocks = k;
}

typedef struct {
  const char *label;
  size_t block;
} run_in_label;

static int S_run_in_label_cmp(const void *a, const void *b) {
  const run_in_label *x = a, *y = b;
  int c = strcasecmp(x->label, y->label);
  return c ? c : (x->block > y->block) - (x->block < y->block);
}

void outline_run_ins(md_blocks *mb, const char *text, size_t doc_len,
                     outline *ol) {
  /* the candidates in the own text of headings from the source */
  run_in_label *cand = NULL;
  size_t nc = 0, cap = 0;
  for (size_t d = 0; d < ol->nsections; d++) {
    const section *sec = &ol->sections[d];
    if (mb->blocks[sec->block].made || sec->level >= 6)
      continue;
    size_t to = d + 1 < ol->nsections ? ol->sections[d + 1].block : mb->nblocks;
    for (size_t i = sec->first_block; i < to; i++)
      if (S_run_in_at(text, mb, i)) {
        xgrow(&cand, &cap, nc + 1, sizeof *cand);
        cand[nc++] = (run_in_label){mb->blocks[i].label, i};
      }
  }
  if (nc < 3) {
    free(cand);
    return;
  }
  /* a label said twice or more is a turn or an entry's field, not a part
   * of a section: a speaker in meeting notes ("**Priya:** ...", "**Jonas:**
   * ..."), a decision log's "**Context.**" in every entry */
  unsigned char *lvl = xcalloc(mb->nblocks + 1, 1);
  enum { CAND = 1, REPEATED = 2 };
  qsort(cand, nc, sizeof *cand, S_run_in_label_cmp);
  for (size_t i = 0, j; i < nc; i = j) {
    for (j = i + 1; j < nc && strcasecmp(cand[i].label, cand[j].label) == 0; j++)
      ;
    for (size_t k = i; k < j; k++)
      lvl[cand[k].block] = j - i > 1 ? REPEATED : CAND;
  }
  free(cand);
  size_t n = 0;
  for (size_t d = 0; d < ol->nsections; d++) {
    const section *sec = &ol->sections[d];
    if (mb->blocks[sec->block].made || sec->level >= 6)
      continue;
    /* the section's own text: up to its first subsection */
    size_t to = d + 1 < ol->nsections ? ol->sections[d + 1].block : mb->nblocks;
    /* three or more, and more than half of the paragraphs outside lists
     * and quotes open with one: they are what the section is made of, not
     * labels over a technique's equations ("**Objective**: Given center
     * word $w_t$ ...", "**Probability model** using softmax:", "$$ ... $$") */
    size_t runs = 0, labelled = 0, paras = 0;
    for (size_t i = sec->first_block; i < to; i++) {
      const block *b = &mb->blocks[i];
      if (b->kind != BLOCK_PARAGRAPH || b->in_list || b->in_quote)
        continue;
      paras++;
      runs += lvl[i] == CAND && S_run_in_end(text, b) > 0;
      labelled += lvl[i] == CAND;
    }
    bool take = runs >= 3 && labelled * 2 > paras;
    for (size_t i = sec->first_block; i < to; i++) {
      if (take && lvl[i] == CAND) {
        lvl[i] = (unsigned char)(sec->level + 1 + 2); /* past the marks */
        n++;
      }
    }
  }
  /* the level of each label taken; 0 elsewhere */
  for (size_t i = 0; i < mb->nblocks; i++)
    lvl[i] = lvl[i] > REPEATED ? (unsigned char)(lvl[i] - 2) : 0;
  if (n)
    S_split_run_ins(mb, text, lvl, n);
  free(lvl);
  if (!n)
    return;
  outline_free(ol);
  outline_build(mb, doc_len, 1, ol);
}

void outline_title_parts(md_blocks *mb, size_t doc_len, outline *ol) {
  if (ol->nsections != 1 || !ol->sections[0].is_title ||
      mb->blocks[ol->sections[0].block].made)
    return;
  size_t before = mb->nblocks;
  S_breaks_as_parts(mb);
  if (mb->nblocks == before)
    return;
  outline_free(ol);
  outline_build(mb, doc_len, 1, ol);
}

/* Inserts a made title heading (level 1, no bytes) named name before
 * block 0, where that block starts, and rebuilds ol. */
static void S_insert_title(md_blocks *mb, size_t doc_len, outline *ol,
                           const char *name) {
  /* (where the first block starts: blocks stay sorted by their start,
   * which the searches over them need) */
  size_t at = mb->nblocks ? mb->blocks[0].start : 0;
  mb->blocks = xrealloc(mb->blocks, (mb->nblocks + 1) * sizeof(block));
  memmove(mb->blocks + 1, mb->blocks, mb->nblocks * sizeof(block));
  mb->nblocks++;
  block *h = &mb->blocks[0];
  memset(h, 0, sizeof *h);
  h->kind = BLOCK_HEADING;
  h->level = 1;
  h->made = BLOCK_MADE_TITLE;
  h->start = h->end = at;
  h->text = xstrdup(name);
  h->norm = title_normalize(h->text);
  h->key = title_key(h->norm);
  outline_free(ol);
  outline_build(mb, doc_len, 1, ol);
}

void outline_preamble(md_blocks *mb, const char *text, size_t doc_len,
                      outline *ol) {
  if (!ol->nsections || ol->sections[0].is_title ||
      mb->blocks[ol->sections[0].block].made == BLOCK_MADE_TITLE)
    return;
  size_t words = 0;
  for (size_t i = 0; i < ol->sections[0].block && words < 40; i++) {
    const block *b = &mb->blocks[i];
    if (b->kind != BLOCK_PARAGRAPH || b->in_list || b->in_quote)
      continue;
    for (size_t k = b->start; k < b->end; k++)
      words += isalnum((unsigned char)text[k]) &&
               (k == b->start || !isalnum((unsigned char)text[k - 1]));
  }
  if (words < 40)
    return;
  S_insert_title(mb, doc_len, ol, OUTLINE_PREAMBLE);
}

void outline_untitled(md_blocks *mb, const char *text, size_t doc_len,
                      outline *ol) {
  if (ol->nsections || !mb->nblocks)
    return;
  bool content = false;
  for (size_t i = 0; i < mb->nblocks && !content; i++)
    content = mb->blocks[i].kind != BLOCK_COMMENT &&
              mb->blocks[i].kind != BLOCK_BREAK;
  if (!content)
    return;
  if (!S_run_ins_as_headings(mb, text))
    S_breaks_as_parts(mb);
  /* where the text starts, past any front matter: findings placed on the
   * title point at the first line of text, not at a "---" */
  S_insert_title(mb, doc_len, ol, OUTLINE_UNTITLED);
}

void outline_numbered_items(md_blocks *mb, const char *text, size_t doc_len,
                            outline *ol) {
  /* (a document whose only heading is its title, or none) */
  for (size_t d = 0; d < ol->nsections; d++)
    if (!ol->sections[d].is_title)
      return;
  unsigned char *lvl = xcalloc(mb->nblocks + 1, 1);
  size_t n = 0;
  for (size_t i = 0; i < mb->nblocks; i++)
    if (S_outline_title_line(text, &mb->blocks[i], NULL)) {
      lvl[i] = 2;
      n++;
    }
  if (n < 3) {
    free(lvl);
    return;
  }
  S_split_run_ins(mb, text, lvl, n);
  free(lvl);
  outline_free(ol);
  outline_build(mb, doc_len, 1, ol);
}
