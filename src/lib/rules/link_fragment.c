/* Rule kind link-fragment: a link inside the document ("[see](#design)", an
 * image, a reference definition) whose #fragment names no heading and no
 * HTML id or name of the document: the table-of-contents link left behind
 * when a heading was renamed. Links are found in prose only. */
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

static const char S_explain[] =
    "Reports a link to a place in the same document (\"[see the "
    "design](#design)\", an image, or a reference definition \"[d]: "
    "#design\") whose #fragment names no heading and no HTML id or name "
    "attribute of the document, and suggests the heading's fragment when "
    "one is close. A heading's fragment is its GitHub slug: lower case, "
    "spaces as hyphens, punctuation dropped, \"-1\", \"-2\"... after a "
    "repeated one. Fragments are compared after percent-decoding and "
    "ignoring case; \"#\" and \"#top\" are always valid. Links in code "
    "blocks, inline code, HTML blocks and HTML comments are not links and "
    "are not read.";

/* What the rule searches for, compiled once (S_ready()). */
enum {
  FIND_INLINE,     /* an inline link's or image's destination: "](#" */
  FIND_DEFINITION, /* a reference definition: "[label]: #" */
  FIND_ANCHOR,     /* an HTML attribute id= or name= */
  FIND_DROPPED,    /* a character a GitHub slug drops */
  FIND_TEXT,       /* all of a text, to lower-case it */
  FIND_COUNT
};
static const char *const S_pattern_text[FIND_COUNT] = {
    "\\]\\(\\s*<?#",
    /* at a line's start, in a block quote too; "[^1]:" is a footnote */
    "(?m)^[\\x20\\t>]*\\[(?!\\^)(?:[^\\]\\\\\\n]|\\\\.){1,999}\\]:[\\x20\\t]*"
    "<?#",
    "(?<![\\w-])(?:id|name)\\s*=\\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\\s\"'=<>`]+)",
    /* all but letters, marks, digits, '_', spaces and hyphens */
    "[^\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}\\x20-]",
    ".+",
};

/* Owned by the rule (S_free()). */
typedef struct {
  pattern find[FIND_COUNT];
} link_fragment_params;

/* md.c keeps about this many bytes of a heading's text: a heading that
 * long may have been cut, so its slug is only the start of the real one. */
#define HEADING_TEXT_KEPT 256
/* Comparisons of a fragment with the document's fragments beyond the
 * lookup (cut headings, non-ASCII letters, "did you mean" hints) that one
 * check may make: past them a link is taken as valid and gets no hint, so
 * no document makes the check quadratic. */
#define COMPARISONS_MAX 2000000u

/* One fragment the document defines. */
typedef struct {
  char *name;     /* owned, lower-cased */
  size_t repeats; /* headings after it with the same slug ("x-1", "x-2") */
  bool alt;       /* a second spelling of a heading's slug: never suggested */
  bool prefix;    /* a cut heading's: every fragment that starts with it */
} target;

/* One block's inline code spans and the ']' that close a '[' in it, kept
 * while its links are judged. */
typedef struct {
  size_t block; /* SIZE_MAX: none yet */
  size_t *code; /* owned: code spans as [from, to) pairs */
  size_t ncode;
  size_t *closers; /* owned: [at, at + 1) pairs */
  size_t ncloser;
  size_t no_close[3]; /* a title's '"', '\'' or ')' is not in the block
                         from here on (SIZE_MAX: not known) */
} block_scan;

/* The document's fragments, and the links being judged against them. */
typedef struct {
  lint_ctx *ctx;
  const struct ddlint_rule *rule;
  pcre2_match_data *md; /* owned */
  target *targets;      /* owned */
  size_t ntargets, cap;
  strmap names; /* name -> index in targets */
  size_t nprefix;
  size_t comparisons;
  /* where the last id= or name= was looked for, and whether an open tag
   * was there: the search back for the '<' stops there */
  size_t tag_seen;
  bool tag_open;
  size_t after; /* the end of the last inline link read: no link before */
  block_scan scan;
} link_check;

static const link_fragment_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

/* s (taken over) in lower case, as a new string: non-ASCII letters too
 * ("Über" -> "über"), by PCRE2's case forcing in a substitution. */
static char *S_lower(link_check *lc, char *s) {
  bool ascii = true;
  for (char *c = s; *c; c++) {
    if (*c >= 'A' && *c <= 'Z')
      *c += 'a' - 'A';
    ascii = ascii && (unsigned char)*c < 0x80;
  }
  pcre2_code *code = pattern_code(&S_params(lc->rule)->find[FIND_TEXT]);
  if (ascii || !code)
    return s;
  size_t len = strlen(s), size = 2 * len + 1;
  for (int tries = 0; tries < 2; tries++) {
    PCRE2_UCHAR *out = xmalloc(size);
    PCRE2_SIZE n = size;
    int rc = pcre2_substitute(
        code, (PCRE2_SPTR)s, len, 0,
        PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_EXTENDED |
            PCRE2_SUBSTITUTE_OVERFLOW_LENGTH,
        lc->md, NULL, (PCRE2_SPTR) "\\L$0", PCRE2_ZERO_TERMINATED, out, &n);
    if (rc >= 0) {
      free(s);
      return (char *)out;
    }
    free(out);
    if (rc != PCRE2_ERROR_NOMEMORY)
      break;
    size = n + 1; /* n: the length it needs */
  }
  return s; /* kept as it is: ASCII letters are lower-cased */
}

/* Adds name (taken over) unless the document has it already; returns its
 * index, or SIZE_MAX when it was there. */
static size_t S_add(link_check *lc, char *name, bool alt, bool prefix) {
  name = S_lower(lc, name);
  if (strmap_get(&lc->names, name) != SIZE_MAX) {
    free(name);
    return SIZE_MAX;
  }
  xgrow(&lc->targets, &lc->cap, lc->ntargets + 1, sizeof(target));
  lc->targets[lc->ntargets] = (target){name, 0, alt, prefix};
  strmap_put(&lc->names, name, lc->ntargets);
  lc->nprefix += prefix;
  return lc->ntargets++;
}

/* The slug of a heading's text, as GitHub makes it: every character
 * FIND_DROPPED matches is dropped (with keep_non_ascii, only ASCII ones),
 * then each space becomes a hyphen. Lower-casing is left to S_lower().
 * Returns a new string; free with free(). */
static char *S_slug(link_check *lc, const char *text, bool keep_non_ascii) {
  pcre2_code *code = pattern_code(&S_params(lc->rule)->find[FIND_DROPPED]);
  size_t len = strlen(text), at = 0;
  strbuf sb = {0};
  while (at < len) {
    size_t ms = len, me = len;
    if (code &&
        pcre2_match(code, (PCRE2_SPTR)text, len, at, 0, lc->md, NULL) >= 0) {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(lc->md);
      ms = ov[0];
      me = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    for (size_t i = at; i < ms; i++)
      strbuf_putc(&sb, text[i] == ' ' ? '-' : text[i]);
    if (ms < len && keep_non_ascii && (unsigned char)text[ms] >= 0x80)
      strbuf_put(&sb, text + ms, me - ms);
    at = me;
  }
  return sb.data ? strbuf_take(&sb) : xstrdup("");
}

/* The id of an attribute block that ends a heading, as kramdown, Pandoc
 * and mdBook give one ("Alternatives {#alternatives}", "{ #alt .x }"):
 * a fragment of the document too. */
static void S_heading_id(link_check *lc, const char *text) {
  size_t end = strlen(text);
  while (end && text[end - 1] == ' ')
    end--;
  if (!end || text[end - 1] != '}')
    return;
  size_t open = end - 1;
  while (open && text[open - 1] != '{' && text[open - 1] != '}')
    open--;
  if (!open || text[open - 1] != '{')
    return;
  for (size_t i = open; i < end - 1;) {
    size_t k = i;
    while (k < end - 1 && text[k] != ' ')
      k++;
    if (text[i] == '#' && k > i + 1)
      S_add(lc, xstrndup(text + i + 1, k - i - 1), false, false);
    i = k + 1;
  }
}

/* Every heading's slug, numbered as GitHub numbers repeats: a slug already
 * taken gets "-1", "-2"... (the first of them not taken). Where keeping
 * non-ASCII punctuation and symbols ("What’s new") gives another spelling,
 * that one is valid too. */
static void S_heading_targets(link_check *lc) {
  const md_blocks *mb = lc->ctx->md;
  for (size_t b = 0; b < mb->nblocks; b++) {
    const block *bl = &mb->blocks[b];
    if (bl->kind != BLOCK_HEADING || !bl->text)
      continue;
    bool cut = strlen(bl->text) >= HEADING_TEXT_KEPT;
    char *slug = S_slug(lc, bl->text, false);
    char *alt = S_slug(lc, bl->text, true);
    slug = S_lower(lc, slug);
    size_t first = strmap_get(&lc->names, slug);
    char *suffix = xstrdup("");
    while (first != SIZE_MAX) {
      free(suffix);
      suffix = xasprintf("-%zu", ++lc->targets[first].repeats);
      char *numbered = xasprintf("%s%s", slug, suffix);
      bool taken = strmap_get(&lc->names, numbered) != SIZE_MAX;
      free(numbered);
      if (!taken)
        break;
    }
    S_add(lc, xasprintf("%s%s", slug, suffix), false, cut);
    if (strcmp(slug, alt) != 0)
      S_add(lc, xasprintf("%s%s", alt, suffix), true, cut);
    free(suffix);
    free(alt);
    free(slug);
    S_heading_id(lc, bl->text);
  }
}

/* An id= or name= match, from prose_each(): taken when it stands inside a
 * tag ("<a name=x>"), not in text that only mentions one. */
static bool S_on_anchor(void *arg, size_t ms, size_t me) {
  link_check *lc = arg;
  const char *t = lc->ctx->src->text;
  size_t i = ms;
  while (i > lc->tag_seen && t[i - 1] != '<' && t[i - 1] != '>')
    i--;
  if (i > lc->tag_seen)
    lc->tag_open =
        t[i - 1] == '<' && ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z');
  lc->tag_seen = ms;
  if (!lc->tag_open)
    return true;
  const char *v = (const char *)memchr(t + ms, '=', me - ms) + 1;
  while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
    v++;
  size_t n = (size_t)(t + me - v);
  if (*v == '"' || *v == '\'') {
    v++;
    n -= 2;
  }
  S_add(lc, xstrndup(v, n), false, false);
  return true;
}

/* Reads block b into lc->scan: its code spans (backticks paired as
 * CommonMark pairs them, md_tick_runs()) and, outside them, each unescaped
 * ']' that closes an earlier '['. */
static void S_scan_block(link_check *lc, size_t b) {
  const block *bl = &lc->ctx->md->blocks[b];
  const char *t = lc->ctx->src->text;
  block_scan *sc = &lc->scan;
  tick_run *runs;
  size_t n = md_tick_runs(t, bl->start, bl->end, true, &runs);
  sc->ncode = sc->ncloser = 0;
  sc->code = xrealloc(sc->code, (2 * n + 1) * sizeof(size_t));
  for (size_t r = 0; r < n; r++) {
    size_t c = runs[r].close;
    if (c == SIZE_MAX)
      continue; /* no closing run: the backticks are text */
    sc->code[2 * sc->ncode] = runs[r].at;
    sc->code[2 * sc->ncode + 1] = runs[c].at + runs[c].len;
    sc->ncode++;
    r = c;
  }
  free(runs);
  size_t open = 0, cap = 0, k = 0;
  for (size_t i = bl->start; i < bl->end; i++) {
    if (k < sc->ncode && i == sc->code[2 * k])
      i = sc->code[2 * k++ + 1] - 1; /* a code span: no brackets in it */
    else if (t[i] == '\\')
      i++;
    else if (t[i] == '[')
      open++;
    else if (t[i] == ']' && open) {
      open--;
      xgrow(&sc->closers, &cap, 2 * sc->ncloser + 2, sizeof(size_t));
      sc->closers[2 * sc->ncloser] = i;
      sc->closers[2 * sc->ncloser++ + 1] = i + 1;
    }
  }
  for (size_t q = 0; q < 3; q++)
    sc->no_close[q] = SIZE_MAX;
  sc->block = b;
}

/* The block that holds offset at, read into lc->scan, or SIZE_MAX: a
 * reference definition makes no block. A link inside an inline code span
 * or an HTML block is text: SIZE_MAX - 1 then. */
static size_t S_block_of(link_check *lc, size_t at) {
  const md_blocks *mb = lc->ctx->md;
  size_t b = block_at_or_after(mb, at + 1);
  if (b == 0 || at >= mb->blocks[b - 1].end)
    return SIZE_MAX;
  if (mb->blocks[--b].kind == BLOCK_HTML)
    return SIZE_MAX - 1;
  if (lc->scan.block != b)
    S_scan_block(lc, b);
  return spans_hold(lc->scan.code, lc->scan.ncode, at) ? SIZE_MAX - 1 : b;
}

/* The fragment [f, f + n) as the browser reads it: backslash escapes and
 * percent escapes decoded, then lower-cased. New string. */
static char *S_decode(link_check *lc, const char *f, size_t n) {
  strbuf sb = {0};
  unsigned char byte;
  for (size_t i = 0; i < n; i++) {
    if (f[i] == '\\' && i + 1 < n &&
        strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", f[i + 1]))
      i++;
    else if (percent_decode_byte(f + i, n - i, &byte)) {
      strbuf_putc(&sb, (char)byte);
      i += 2;
      continue;
    }
    strbuf_putc(&sb, f[i]);
  }
  return S_lower(lc, sb.data ? strbuf_take(&sb) : xstrdup(""));
}

/* Whether lc may make one more comparison beyond the lookup. */
static bool S_may_compare(link_check *lc) {
  return lc->comparisons++ < COMPARISONS_MAX;
}

/* Whether frag is a fragment of the document (also when telling would
 * take more comparisons than are left). */
static bool S_defined(link_check *lc, const char *frag) {
  if (!*frag || strcmp(frag, "top") == 0 ||
      strmap_get(&lc->names, frag) != SIZE_MAX)
    return true;
  bool found = false;
  for (size_t i = 0; i < lc->ntargets && lc->nprefix && !found; i++)
    found = lc->targets[i].prefix &&
            (!S_may_compare(lc) || strncmp(frag, lc->targets[i].name,
                                           strlen(lc->targets[i].name)) == 0);
  return found;
}

/* Bytes of the character at s (n bytes left): an invalid byte is one. */
static size_t S_char(const char *s, size_t n) {
  size_t k = utf8_valid_len((const unsigned char *)s, n);
  return k ? k : 1;
}

/* Characters in s[0, n). */
static size_t S_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i += S_char(s + i, n - i))
    c++;
  return c;
}

/* Whether a and b are at most k edits (characters inserted, deleted or
 * replaced) apart: past their common start, each way of spending one edit
 * is tried, so 3^k scans; k is at most 2. */
static bool S_within(const char *a, size_t na, const char *b, size_t nb,
                     unsigned k) {
  size_t ca, cb;
  while (na && nb && (ca = S_char(a, na)) == (cb = S_char(b, nb)) &&
         memcmp(a, b, ca) == 0) {
    a += ca, b += ca;
    na -= ca, nb -= ca;
  }
  if (!na || !nb)
    return S_chars(a, na) + S_chars(b, nb) <= k;
  ca = S_char(a, na);
  cb = S_char(b, nb);
  return k > 0 && (S_within(a + ca, na - ca, b + cb, nb - cb, k - 1) ||
                   S_within(a + ca, na - ca, b, nb, k - 1) ||
                   S_within(a, na, b + cb, nb - cb, k - 1));
}

/* The one fragment of the document clearly close to frag: at most two
 * edits away, fewer than a third of its characters, and closer than any
 * other; NULL when there is none. Borrowed from lc. */
static const char *S_hint(link_check *lc, const char *frag) {
  size_t n = strlen(frag), chars = S_chars(frag, n);
  const char *best = NULL;
  unsigned best_k = 3;
  bool tie = false;
  for (size_t i = 0; i < lc->ntargets; i++) {
    const target *tg = &lc->targets[i];
    size_t m = strlen(tg->name);
    if (tg->alt || m > 4 * (n + 2) || n > 4 * (m + 2))
      continue; /* two characters of four bytes at the most */
    if (!S_may_compare(lc))
      return NULL;
    unsigned k = S_within(frag, n, tg->name, m, 1)   ? 1
                 : S_within(frag, n, tg->name, m, 2) ? 2
                                                     : 3;
    if (k > 2 || 3 * k >= chars || k > best_k)
      continue;
    tie = k == best_k;
    best = tg->name;
    best_k = k;
  }
  return tie ? NULL : best;
}

/* "#" and name as a hint shows it, with the characters that print as
 * nothing (variation selectors, zero-width spaces and joiners, the BOM)
 * percent-encoded: "#%EF%B8%8F-setup" for the slug of "⚙️ Setup". New
 * string. */
static char *S_shown(const char *name) {
  strbuf sb = {0};
  strbuf_putc(&sb, '#');
  for (const unsigned char *c = (const unsigned char *)name; *c;) {
    bool blank =
        (c[0] == 0xEF && c[1] == 0xB8 && c[2] >= 0x80 && c[2] <= 0x8F) ||
        (c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x8B && c[2] <= 0x8F) ||
        (c[0] == 0xE2 && c[1] == 0x81 && c[2] >= 0xA0 && c[2] <= 0xAF) ||
        (c[0] == 0xEF && c[1] == 0xBB && c[2] == 0xBF);
    for (int k = 0; k < (blank ? 3 : 1); k++, c++)
      if (blank)
        strbuf_printf(&sb, "%%%02X", *c);
      else
        strbuf_putc(&sb, (char)*c);
  }
  return strbuf_take(&sb);
}

/* Judges the link whose fragment is [f, fe) (after its '#'), reported at
 * [at, fe). */
static void S_judge(link_check *lc, size_t at, size_t f, size_t fe) {
  const char *t = lc->ctx->src->text;
  char *frag = S_decode(lc, t + f, fe - f);
  if (!S_defined(lc, frag)) {
    char *match = xstrndup(t + f - 1, utf8_cut(t + f - 1, fe - f + 1, 80));
    const char *near = S_hint(lc, frag);
    char *hint = near ? S_shown(near) : xstrdup("");
    char *detail =
        near ? xasprintf("link to \"%s\" matches no heading or anchor; did "
                         "you mean \"%s\"?",
                         match, hint)
             : xasprintf("link to \"%s\" matches no heading or anchor", match);
    const char *vars[] = {"match",  match,  "target", hint,
                          "detail", detail, NULL};
    diag_emit(lc->ctx, lc->rule, at, fe, NULL, vars);
    free(detail);
    free(hint);
    free(match);
  }
  free(frag);
}

static bool S_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first `close` in [from, end), the rest of lc->scan's block, or
 * SIZE_MAX; a search that found none is not made again. */
static size_t S_title_end(link_check *lc, size_t from, size_t end, char close) {
  size_t q = close == '"' ? 0 : close == '\'' ? 1 : 2;
  const char *t = lc->ctx->src->text;
  const char *c = from >= lc->scan.no_close[q] || from >= end
                      ? NULL
                      : memchr(t + from, close, end - from);
  if (!c) {
    lc->scan.no_close[q] =
        from < lc->scan.no_close[q] ? from : lc->scan.no_close[q];
    return SIZE_MAX;
  }
  return (size_t)(c - t);
}

/* An inline link's "](#", from prose_each(): the ']' must close a '[' of
 * its paragraph (or heading, or table), outside inline code. The
 * destination runs to a space or the ')' that closes the link (parentheses
 * inside it balanced), or to '>' when it opened with '<'; a title may
 * follow. Text that does not close as a link is no link, and neither is a
 * "](#" inside the destination or title just read. */
static bool S_on_inline(void *arg, size_t ms, size_t me) {
  link_check *lc = arg;
  const char *t = lc->ctx->src->text;
  if (ms < lc->after)
    return true;
  size_t b = S_block_of(lc, ms);
  if (b >= SIZE_MAX - 1 || !spans_hold(lc->scan.closers, lc->scan.ncloser, ms))
    return true;
  size_t end = lc->ctx->md->blocks[b].end, e = me;
  bool angle = t[me - 2] == '<';
  if (angle) {
    while (e < end && t[e] != '>' && t[e] != '<' && t[e] != '\n')
      e++;
  } else {
    for (int depth = 0; e < end && !S_space(t[e]); e++) {
      if (t[e] == '\\' && e + 1 < end)
        e++;
      else if (t[e] == '(')
        depth++;
      else if (t[e] == ')' && depth-- == 0)
        break;
    }
  }
  lc->after = e;
  if (angle && (e == end || t[e] != '>'))
    return true;
  size_t fe = e, p = angle ? e + 1 : e;
  while (p < end && S_space(t[p]))
    p++;
  if (p < end && (t[p] == '"' || t[p] == '\'' || t[p] == '(')) {
    size_t c = S_title_end(lc, p + 1, end, t[p] == '(' ? ')' : t[p]);
    if (c == SIZE_MAX)
      return true;
    for (p = c + 1; p < end && S_space(t[p]);)
      p++;
    lc->after = p;
  }
  if (p < end && t[p] == ')')
    S_judge(lc, ms + 1, me, fe);
  return true;
}

/* A reference definition's "[label]: #", from prose_each(): its
 * destination runs to a space (or '>' after '<'); reported at its '#'. */
static bool S_on_definition(void *arg, size_t ms, size_t me) {
  link_check *lc = arg;
  const char *t = lc->ctx->src->text;
  size_t len = lc->ctx->src->len, e = me;
  bool angle = t[me - 2] == '<';
  (void)ms;
  while (e < len && !S_space(t[e]) && !(angle && t[e] == '>'))
    e++;
  if (S_block_of(lc, me - 1) != SIZE_MAX - 1)
    S_judge(lc, me - 1, me, e);
  return true;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  if (ctx->md->refused)
    return;
  link_check lc = {.ctx = ctx,
                   .rule = rule,
                   .md = pcre2_match_data_create(1, NULL),
                   .scan = {.block = SIZE_MAX}};
  const pattern *find = S_params(rule)->find;
  S_heading_targets(&lc);
  prose_each(ctx, &find[FIND_ANCHOR], ctx->src->body_start, ctx->src->len,
             S_on_anchor, &lc);
  size_t *spans = NULL;
  size_t n = scope_spans(ctx, rule->scope, rule->nscope, &spans);
  for (size_t i = 0; i < n; i++) {
    prose_each(ctx, &find[FIND_INLINE], spans[2 * i], spans[2 * i + 1],
               S_on_inline, &lc);
    prose_each(ctx, &find[FIND_DEFINITION], spans[2 * i], spans[2 * i + 1],
               S_on_definition, &lc);
  }
  free(spans);
  for (size_t i = 0; i < lc.ntargets; i++)
    free(lc.targets[i].name);
  free(lc.targets);
  strmap_free(&lc.names);
  free(lc.scan.code);
  free(lc.scan.closers);
  pcre2_match_data_free(lc.md);
}

/* The patterns, once the pack is loaded; a rule an `extends` passes on is
 * ready already. */
static void S_ready(const ddlint_pack *pk, struct ddlint_rule *rule) {
  (void)pk;
  if (rule->params)
    return;
  link_fragment_params *p = xcalloc(1, sizeof *p);
  for (size_t i = 0; i < FIND_COUNT; i++)
    if (!pack_pattern_compile_quiet(S_pattern_text[i], &p->find[i]))
      abort(); /* fixed patterns: they compile */
  rule->params = p;
}

static void S_free(void *params) {
  link_fragment_params *p = params;
  for (size_t i = 0; p && i < FIND_COUNT; i++)
    pack_pattern_free(&p->find[i]);
  free(p);
}

const rule_kind rule_kind_link_fragment = {
    .name = "link-fragment",
    .ready = S_ready,
    .free = S_free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
