/* Heading titles: normalisation ("## 2) Metrics (Offline and Online)" and
 * "Metrics" compare equal) and similarity for "did you mean" hints. Used by
 * md (to normalise headings and labels once) and match (to compare). */
#include "title.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TOKENS 32
#define MAX_LEV 128

static bool S_isdigit(char c) { return c >= '0' && c <= '9'; }
static bool S_isalpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static char S_lower(char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* Length of a separator at s: space, punctuation or a UTF-8 dash. */
static size_t S_separator(const char *s) {
  if (*s && strchr(" \t-:.)|/#*_", *s))
    return 1;
  if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
    return 3; /* en dash, em dash */
  return 0;
}

/* Skips a leading "2.", "6.1", "2)", "Step 3", "IV.", "A)" and what
 * separates it from the title. */
static const char *S_skip_numbering(const char *s) {
  static const char *const words[] = {"step",   "part",  "section", "chapter",
                                      "phase",  "stage", "slide",   "slides",
                                      "page",   "week",  "day",     NULL};
  for (int round = 0; round < 3; round++) {
    const char *p = s;
    while (*p == ' ' || *p == '\t' || *p == '*' || *p == '_')
      p++;
    const char *q = p;
    for (int i = 0; words[i]; i++) {
      size_t n = strlen(words[i]);
      if (strncasecmp(q, words[i], n) == 0 && (q[n] == ' ' || q[n] == '\t')) {
        const char *r = q + n;
        while (*r == ' ' || *r == '\t')
          r++;
        if (S_isdigit(*r)) {
          q = r;
          break;
        }
      }
    }
    /* a dated entry: "2025-02-06 (Thu) Features v1", "2025/02/06" */
    if (S_isdigit(q[0]) && S_isdigit(q[1]) && S_isdigit(q[2]) &&
        S_isdigit(q[3]) && (q[4] == '-' || q[4] == '/') && S_isdigit(q[5]) &&
        S_isdigit(q[6]) && q[7] == q[4] && S_isdigit(q[8]) && S_isdigit(q[9]) &&
        (q[10] == ' ' || q[10] == '\t' || q[10] == ':')) {
      q += 10;
      while (*q == ' ' || *q == '\t' || *q == ':')
        q++;
      s = q;
      continue;
    }
    if (S_isdigit(*q)) {
      while (S_isdigit(*q) || (*q == '.' && S_isdigit(q[1])))
        q++;
      if (*q && !S_separator(q))
        return s; /* "3D Reconstruction": part of the title */
    } else {
      /* roman numeral or one letter, followed by '.' or ')' */
      const char *r = q;
      while (*r && strchr("ivxIVX", *r))
        r++;
      if (r == q && S_isalpha(*q))
        r = q + 1;
      if (r == q || (*r != '.' && *r != ')') || r - q > 4)
        break;
      q = r;
    }
    size_t n;
    bool any = false;
    while ((n = S_separator(q)) != 0)
      q += n, any = true;
    if (!any && *q)
      return s;
    s = q;
  }
  return s;
}

static bool S_letter_pair(const char *text, const char *p);

static char *S_normalize(const char *text, bool drop_parens) {
  const char *s = S_skip_numbering(text);
  /* written into one buffer of the most it can take: every byte as one
   * byte or a space, and "&" as " and " (a document of thousands of
   * headings went through strbuf_putc() a byte at a time) */
  size_t most = 1;
  for (const char *p = s; *p; p++)
    most += *p == '&' ? 5 : 1;
  char *out = xmalloc(most), *o = out;
  int depth = 0;
  bool space = true;
  for (; *s; s++) {
    char c = *s;
    if (drop_parens && (c == '(' || c == '[' || c == '{')) {
      depth++;
      continue;
    }
    if (drop_parens && (c == ')' || c == ']' || c == '}') && depth > 0) {
      depth--;
      continue;
    }
    if (depth > 0)
      continue;
    if (c == '\'' || (unsigned char)c == 0xE2) {
      /* apostrophes vanish ("you're" -> "youre"); so do UTF-8 quotes/dashes */
      if ((unsigned char)c == 0xE2 && s[1] && s[2]) {
        s += 2;
        if (!space)
          *o++ = ' ', space = true;
      }
      continue;
    }
    /* "A/B" and "I/O" are one word each ("ab", "io"): "a" alone is a
     * stop word, and "A/B Testing" is the alias "AB testing" */
    if (c == '/' && S_letter_pair(text, s))
      continue;
    if (c == '&') {
      if (!space)
        *o++ = ' ';
      memcpy(o, "and ", 4);
      o += 4;
      space = true;
      continue;
    }
    if (S_isalpha(c) || S_isdigit(c) || (unsigned char)c >= 0x80) {
      *o++ = S_lower(c);
      space = false;
    } else if (!space) {
      *o++ = ' ';
      space = true;
    }
  }
  if (o > out && o[-1] == ' ')
    o--;
  *o = '\0';
  return out;
}

/* "re ranking" (from "Re-ranking") is one word, so that it never meets
 * "ranking". */
static void S_join_prefixes(char *s) {
  for (char *p = s; (p = strstr(p, "re ")) != NULL;) {
    bool word_start = p == s || p[-1] == ' ';
    if (word_start && S_isalpha(p[3])) {
      memmove(p + 2, p + 3, strlen(p + 3) + 1);
      p += 2;
    } else {
      p += 3;
    }
  }
}

/* Length of a pictograph at s: emoji (U+1F000..U+1FAFF), symbols and
 * dingbats (U+2190..U+2BFF), variation selectors, a keycap mark, a
 * zero-width joiner; else 0. "📊 Key Metrics" and "4️⃣ Deployment" are
 * "Key Metrics" and "4 Deployment". */
static size_t S_pictograph(const unsigned char *s) {
  if (s[0] == 0xF0 && s[1] == 0x9F && s[2] && s[3])
    return 4;
  if (s[0] == 0xEF && s[1] == 0xB8 && s[2] >= 0x80 && s[2] <= 0x8F)
    return 3; /* U+FE00..U+FE0F */
  if (s[0] == 0xE2 && s[1] == 0x83 && s[2] == 0xA3)
    return 3; /* U+20E3 keycap */
  if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x8D)
    return 3; /* U+200D */
  if (s[0] == 0xE2 && s[1] >= 0x86 && s[1] <= 0xAF && s[2])
    return 3; /* U+2190..U+2BFF: arrows, symbols, dingbats, stars */
  return 0;
}

char *title_normalize(const char *text) {
  char *t = xmalloc(strlen(text) + 1), *o = t;
  for (const char *p = text; *p;) {
    size_t k = S_pictograph((const unsigned char *)p);
    if (k) {
      p += k;
      continue;
    }
    *o++ = *p++;
  }
  *o = '\0';
  const char *from = t;
  while (*from == ' ')
    from++;
  char *n = S_normalize(from, true);
  if (!*n) {
    free(n);
    n = S_normalize(from, false);
  }
  free(t);
  S_join_prefixes(n);
  return n;
}

static bool S_stopword(const char *w, size_t n) {
  /* by length, so the common case costs one comparison or none */
  static const char *const stop2[] = {"or", "of", "to", "in", "on", "vs", "a"};
  static const char *const stop3[] = {"and", "the", "for", "our"};
  static const char *const stop4[] = {"with", "your"};
  const char *const *list;
  size_t count;
  switch (n) {
  case 1:
    return w[0] == 'a';
  case 2:
    list = stop2, count = 6;
    break;
  case 3:
    list = stop3, count = 4;
    break;
  case 4:
    list = stop4, count = 2;
    break;
  default:
    return n == 2 && memcmp(w, "an", 2) == 0;
  }
  for (size_t i = 0; i < count; i++)
    if (memcmp(list[i], w, n) == 0)
      return true;
  return n == 2 && memcmp(w, "an", 2) == 0;
}

typedef struct {
  const char *p;
  size_t n;
} token;

/* The words of s, as they are (keys are already stemmed and sorted). */
static size_t S_split(const char *s, token *out) {
  size_t nt = 0;
  while (*s && nt < MAX_TOKENS) {
    while (*s == ' ')
      s++;
    const char *b = s;
    while (*s && *s != ' ')
      s++;
    if (s > b) {
      out[nt].p = b;
      out[nt].n = (size_t)(s - b);
      nt++;
    }
  }
  return nt;
}

/* Significant words of a normalised title, crudely stemmed (a plural "s" and
 * an "ing" ending dropped, "-lling" as "-ling") so that "Labels" meets
 * "Labeling" and "Labelling": the words of S_split(), filtered and cut. */
static size_t S_tokens(const char *s, token *out) {
  size_t n = S_split(s, out), nt = 0;
  for (size_t i = 0; i < n; i++) {
    const char *b = out[i].p;
    size_t len = out[i].n;
    if (S_stopword(b, len))
      continue;
    if (len > 5 && memcmp(b + len - 3, "ing", 3) == 0) {
      len -= 3; /* labeling -> label; labelling -> labell -> label */
      if (len > 3 && b[len - 1] == 'l' && b[len - 2] == 'l')
        len--;
    } else if (len > 4 && memcmp(b + len - 3, "ies", 3) == 0) {
      len -= 3; /* strategies -> strateg, like strategy */
    } else if (len > 3 && b[len - 1] == 's' && b[len - 2] != 's') {
      len -= 1;
    } else if (len > 4 && b[len - 1] == 'y' && !strchr("aeiou", b[len - 2])) {
      len -= 1; /* strategy -> strateg */
    }
    out[nt].p = b;
    out[nt].n = len;
    nt++;
  }
  return nt;
}

static bool S_token_eq(token a, token b) {
  return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

static bool S_has_token(const token *ts, size_t n, token t) {
  for (size_t i = 0; i < n; i++)
    if (S_token_eq(ts[i], t))
      return true;
  return false;
}

static int S_token_cmp(const void *a, const void *b) {
  const token *x = a, *y = b;
  size_t n = x->n < y->n ? x->n : y->n;
  int c = memcmp(x->p, y->p, n);
  return c ? c : (x->n > y->n) - (x->n < y->n);
}

char *title_key(const char *norm) {
  token t[MAX_TOKENS];
  size_t n = S_tokens(norm, t);
  qsort(t, n, sizeof *t, S_token_cmp);
  strbuf sb = {0};
  for (size_t i = 0; i < n; i++) {
    if (sb.len)
      strbuf_putc(&sb, ' ');
    strbuf_put(&sb, t[i].p, t[i].n);
  }
  return strbuf_take(&sb);
}

size_t title_key_words(const char *key) {
  token t[MAX_TOKENS];
  return S_split(key, t);
}

/* Whether the word [w, w+n) (no spaces in it) is one of the words of key
 * h. A key's words are sorted (title_key()), so the search stops at the
 * first word past w; compared in place, as keys are a few short words. */
static bool S_key_has_word(const char *h, const char *w, size_t n) {
  for (const char *p = h;;) {
    size_t i = 0;
    while (i < n && p[i] == w[i]) /* stops at p's space or NUL */
      i++;
    if (i == n)
      return p[n] == ' ' || p[n] == '\0'; /* else p's word is after w */
    if (p[i] != ' ' && p[i] && (unsigned char)p[i] > (unsigned char)w[i])
      return false; /* p's word, and every word after it, sort after w */
    p += i;
    while (*p && *p != ' ')
      p++;
    if (!*p)
      return false;
    p++;
  }
}

bool title_key_contains(const char *h, const char *name) {
  if (!*h || !*name)
    return false;
  /* no token arrays: this runs for every heading against every name */
  for (const char *w = name; *w;) {
    size_t n = 0;
    while (w[n] && w[n] != ' ')
      n++;
    if (n && !S_key_has_word(h, w, n))
      return false;
    w += n + (w[n] == ' ');
  }
  /* headings of more than eight words contain nothing; counted last, as
   * most names are not contained */
  size_t hw = 1;
  for (const char *p = h; *p; p++)
    hw += *p == ' ';
  return hw <= 8;
}

bool title_key_shares_word(const char *h, const char *name) {
  for (const char *w = name; *w;) {
    size_t n = 0;
    while (w[n] && w[n] != ' ')
      n++;
    if (n && S_key_has_word(h, w, n))
      return true;
    w += n + (w[n] == ' ');
  }
  return false;
}

bool title_equal(const char *h, const char *name) {
  if (strcmp(h, name) == 0)
    return true;
  token a[MAX_TOKENS], b[MAX_TOKENS];
  size_t na = S_tokens(h, a), nb = S_tokens(name, b);
  if (!na || !nb)
    return false;
  for (size_t i = 0; i < na; i++)
    if (!S_has_token(b, nb, a[i]))
      return false;
  for (size_t i = 0; i < nb; i++)
    if (!S_has_token(a, na, b[i]))
      return false;
  return true;
}

bool title_contains(const char *h, const char *name) {
  token a[MAX_TOKENS], b[MAX_TOKENS];
  size_t na = S_tokens(h, a), nb = S_tokens(name, b);
  if (!na || !nb || na > 8)
    return false;
  for (size_t i = 0; i < nb; i++)
    if (!S_has_token(a, na, b[i]))
      return false;
  return true;
}

/* Edit distance with adjacent transpositions, or limit + 1 when it exceeds
 * limit (rows stop early once every cell is past it) ("desgin" is one edit from
 * "design"): the optimal string alignment distance, three rows. */
static size_t S_levenshtein(const char *a, size_t na, const char *b, size_t nb,
                            size_t limit) {
  size_t rows[3][MAX_LEV + 1];
  size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  if (na > MAX_LEV)
    na = MAX_LEV;
  if (nb > MAX_LEV)
    nb = MAX_LEV;
  for (size_t j = 0; j <= nb; j++)
    prev[j] = j;
  for (size_t i = 1; i <= na; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = prev[j - 1] + cost;
      if (prev[j] + 1 < best)
        best = prev[j] + 1;
      if (cur[j - 1] + 1 < best)
        best = cur[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          prev2[j - 2] + 1 < best)
        best = prev2[j - 2] + 1;
      cur[j] = best;
    }
    size_t row_min = cur[0];
    for (size_t j = 1; j <= nb; j++)
      if (cur[j] < row_min)
        row_min = cur[j];
    size_t *t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
    /* a transposition can save one edit on the next row, no more */
    if (row_min > limit + 1)
      return limit + 1;
  }
  return prev[nb] > limit ? limit + 1 : prev[nb];
}

/* Words equal, or a typo apart in a word of five letters or more. */
static bool S_token_close(token a, token b) {
  if (S_token_eq(a, b))
    return true;
  return a.n >= 5 && b.n >= 5 && a.n <= b.n + 1 && b.n <= a.n + 1 &&
         S_levenshtein(a.p, a.n, b.p, b.n, 1) <= 1;
}

static bool S_ends_phrase(const char *w, size_t n);

/* Whether p is the plural of s: s with "s" after it ("guards"), not a
 * word that ends in "s" of its own ("success", "analysis", "status": so
 * "succes" stays a misspelling), or with "es" after an s, x, z, ch or sh
 * ("boxes"; "features" is no plural of "featur"). */
static bool S_plural_of(token p, token s) {
  if (s.n < 3 || p.n < s.n + 1 || p.n > s.n + 2 ||
      memcmp(p.p, s.p, s.n) != 0 || p.p[p.n - 1] != 's')
    return false;
  char last = s.p[s.n - 1], before = s.p[s.n - 2];
  if (p.n == s.n + 1)
    return last != 's' && !(last == 'i' || last == 'u');
  return p.p[s.n] == 'e' &&
         (last == 's' || last == 'x' || last == 'z' ||
          (last == 'h' && (before == 'c' || before == 's')));
}

static bool S_has_typo(const char *h, const char *const *names, size_t nnames,
                       bool head_only) {
  token a[MAX_TOKENS], b[MAX_TOKENS];
  size_t na = S_split(h, a);
  for (size_t i = 0; i < na; i++) {
    if (head_only && i > 0 && S_ends_phrase(a[i].p, a[i].n))
      break;
    /* a function word is no misspelling, nor is one misspelt: "Signals
     * that go in" does not misspell the "what" of "What the model sees" */
    if (S_ends_phrase(a[i].p, a[i].n) || S_stopword(a[i].p, a[i].n))
      continue;
    bool known = false, close = false;
    for (size_t k = 0; k < nnames && !known; k++) {
      size_t nb = S_split(names[k], b);
      for (size_t j = 0; j < nb && !known; j++) {
        /* (a plural is its singular: "guards" is no misspelling of the
         * "guard" of "guard rails") */
        if (S_token_eq(a[i], b[j]) || S_plural_of(a[i], b[j]) ||
            S_plural_of(b[j], a[i])) {
          known = true;
          break;
        }
        /* one edit under eight letters, two from eight on when the first
         * letters agree ("iteration" is no misspelling of "operation") */
        size_t lim = a[i].n >= 8 && b[j].n >= 8 && a[i].p[0] == b[j].p[0] ? 2 : 1;
        if (!close && a[i].n >= 4 && b[j].n >= 4 && a[i].n <= b[j].n + lim &&
            !S_ends_phrase(b[j].p, b[j].n) && b[j].n <= a[i].n + lim &&
            S_levenshtein(a[i].p, a[i].n, b[j].p, b[j].n, lim) <= lim)
          close = true;
      }
    }
    if (!known && close)
      return true;
  }
  return false;
}

bool title_has_typo(const char *h, const char *const *names, size_t nnames) {
  return S_has_typo(h, names, nnames, false);
}

bool title_phrase_head_has_typo(const char *norm, const char *const *names,
                                size_t nnames) {
  return S_has_typo(norm, names, nnames, true);
}

/* A lower bound of the edit distance: half the characters the two strings
 * do not have in common (each edit changes at most two counts; a
 * transposition none). */
static size_t S_histogram_bound(const char *x, const char *y) {
  int count[256] = {0};
  for (const unsigned char *p = (const unsigned char *)x; *p; p++)
    count[*p]++;
  for (const unsigned char *p = (const unsigned char *)y; *p; p++)
    count[*p]--;
  /* sum over the bytes the two hold (each once: its count is then 0) */
  size_t diff = 0;
  const char *both[2] = {x, y};
  for (int k = 0; k < 2; k++)
    for (const unsigned char *p = (const unsigned char *)both[k]; *p; p++) {
      diff += (size_t)(count[*p] < 0 ? -count[*p] : count[*p]);
      count[*p] = 0;
    }
  return diff / 2;
}

double title_similarity(const char *h, const char *name) {
  return title_similarity_min(h, name, 0);
}

/* Whether the words in which heading key h and name key n differ are a
 * misspelling of each other: the words of each that the other lacks,
 * joined, at most max(2, a third of the shorter) edits apart (one for five
 * letters or fewer: "after the race" is no "after ranking"). "what we
 * are moving to" is no near miss of "what we are measuring" ("moving to"
 * and "measuring" are 8 edits apart), "sucess metrix" is one of "success
 * metrics" (3). Where one holds all the other's words, true. */
bool title_near_words(const char *h, const char *n) {
  token a[MAX_TOKENS], b[MAX_TOKENS];
  size_t na = S_split(h, a), nb = S_split(n, b);
  bool used_b[MAX_TOKENS] = {false};
  char ra[256], rb[256];
  size_t la = 0, lb = 0;
  for (size_t i = 0; i < na; i++) {
    bool shared = false;
    for (size_t j = 0; j < nb && !shared; j++)
      if (!used_b[j] && S_token_eq(a[i], b[j]))
        used_b[j] = shared = true;
    if (shared || la + a[i].n + 1 >= sizeof ra)
      continue;
    if (la)
      ra[la++] = ' ';
    memcpy(ra + la, a[i].p, a[i].n);
    la += a[i].n;
  }
  for (size_t j = 0; j < nb; j++) {
    if (used_b[j] || lb + b[j].n + 1 >= sizeof rb)
      continue;
    if (lb)
      rb[lb++] = ' ';
    memcpy(rb + lb, b[j].p, b[j].n);
    lb += b[j].n;
  }
  if (!la || !lb)
    return true;
  size_t shorter = la < lb ? la : lb;
  /* a word of five letters or fewer is misspelt by one edit: "race" and
   * "rank" are two apart, and other words */
  size_t limit = shorter <= 5 ? 1 : shorter / 3 > 2 ? shorter / 3 : 2;
  size_t dist = S_levenshtein(ra, la, rb, lb, limit);
  /* two edits or more with another first letter are another word:
   * "measures" is no misspelling of "features" */
  return dist <= limit && (dist < 2 || ra[0] == rb[0]);
}

double title_similarity_min(const char *h, const char *name, double min) {
  size_t lh = strlen(h), ln = strlen(name);
  size_t longest = lh > ln ? lh : ln;
  if (!longest)
    return 0;
  double edit = 0;
  size_t shortest = lh < ln ? lh : ln;
  /* the edit distance is at least the length difference: skip hopeless
   * pairs, which are most pairs */
  size_t limit = (size_t)(0.34 * (double)longest);
  if (longest >= 5 && longest - shortest <= limit &&
      S_histogram_bound(h, name) <= limit) {
    size_t dist = S_levenshtein(h, lh, name, ln, limit);
    if (dist <= limit)
      edit = 1.0 - (double)dist / (double)longest;
  }
  token a[MAX_TOKENS], b[MAX_TOKENS];
  size_t na = S_split(h, a), nb = S_split(name, b);
  size_t fewer = na < nb ? na : nb;
  /* word overlap is at most fewer / (na + nb - fewer) */
  if (!fewer || (double)fewer / (double)(na + nb - fewer) <= edit ||
      (double)fewer / (double)(na + nb - fewer) < min)
    return edit; /* word overlap cannot do better, or not well enough */
  size_t shared = 0;
  for (size_t i = 0; i < nb; i++)
    for (size_t j = 0; j < na; j++)
      if (S_token_close(b[i], a[j])) {
        shared++;
        break;
      }
  double jaccard = 0;
  if (na + nb > shared && shared >= 1)
    jaccard = (double)shared / (double)(na + nb - shared);
  return edit > jaccard ? edit : jaccard;
}

char *title_phrase(const char *norm) {
  token t[MAX_TOKENS];
  size_t n = S_tokens(norm, t);
  strbuf sb = {0};
  for (size_t i = 0; i < n; i++) {
    if (sb.len)
      strbuf_putc(&sb, ' ');
    strbuf_put(&sb, t[i].p, t[i].n);
  }
  return sb.data ? strbuf_take(&sb) : xstrdup("");
}

bool title_phrase_contains(const char *h, const char *name) {
  token a[MAX_TOKENS], b[MAX_TOKENS];
  size_t na = S_split(h, a), nb = S_split(name, b);
  if (!nb || nb > na)
    return false;
  for (size_t i = 0; i + nb <= na; i++) {
    size_t j = 0;
    while (j < nb && S_token_eq(a[i + j], b[j]))
      j++;
    if (j == nb)
      return true;
  }
  return false;
}

/* A bit (of 64) for each space-separated word of phrase: a filter for
 * title_phrase_has(), which finds a name only where all its words are. */
uint64_t title_word_mask(const char *phrase) {
  uint64_t m = 0;
  if (!phrase)
    return 0;
  for (const unsigned char *p = (const unsigned char *)phrase; *p;) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    uint32_t h = 2166136261u;
    for (; *p && *p != ' '; p++)
      h = (h ^ *p) * 16777619u;
    m |= (uint64_t)1 << (h >> 26);
  }
  return m;
}

bool title_phrase_has(const char *h, const char *name) {
  size_t n = strlen(name);
  if (!n)
    return false;
  for (const char *p = h; (p = strstr(p, name)) != NULL; p++)
    if ((p == h || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return true;
  return false;
}

bool title_phrase_outside(const char *h, const char *outer,
                          const char *inner) {
  token a[MAX_TOKENS], o[MAX_TOKENS], n[MAX_TOKENS];
  size_t na = S_split(h, a), no = S_split(outer, o), nn = S_split(inner, n);
  bool covered[MAX_TOKENS] = {false};
  for (size_t i = 0; no && i + no <= na; i++) {
    size_t j = 0;
    while (j < no && S_token_eq(a[i + j], o[j]))
      j++;
    for (size_t k = 0; j == no && k < no; k++)
      covered[i + k] = true;
  }
  for (size_t i = 0; nn && i + nn <= na; i++) {
    size_t j = 0;
    while (j < nn && S_token_eq(a[i + j], n[j]))
      j++;
    if (j < nn)
      continue;
    for (size_t k = 0; k < nn; k++)
      if (!covered[i + k])
        return true;
  }
  return false;
}

/* Words after which a noun phrase's head has been said: prepositions, the
 * subjects of a relative clause ("Signals we feed the model"), and a verb
 * after its subject ("How the planner works" is about the planner, "How
 * it fits together"). */
static bool S_ends_phrase(const char *w, size_t n) {
  /* (by first letter: this runs for every word of every heading against
   * every name) */
  const char *const *list;
  switch (w[0]) {
  case 'a': {
    /* a participle or adjective after the noun qualifies it: "Signals
     * used", "Models considered", "Data available", "Inputs needed" */
    static const char *const l[] = {"at", "across", "about",   "are",
                                    "as", "after",  "against", "available",
                                    NULL};
    list = l;
    break;
  }
  case 'b': {
    static const char *const l[] = {"by",      "behind", "beyond",
                                    "between", "before", NULL};
    list = l;
    break;
  }
  case 'c': {
    /* an auxiliary verb after its subject ends the phrase too: "Which
     * inputs does the scorer look at?", "Which model did we pick?" */
    /* and so does a verb of where something is from: "Labels come from
     * call-out work orders" is about the labels */
    static const char *const l[] = {"can",        "could",  "come",
                                    "comes",      "considered", "chosen",
                                    "collected",  NULL};
    list = l;
    break;
  }
  case 'd': {
    static const char *const l[] = {"does", "do", "did", NULL};
    list = l;
    break;
  }
  case 'f': {
    static const char *const l[] = {"for", "from", "fits", NULL};
    list = l;
    break;
  }
  case 'h': {
    static const char *const l[] = {"how", "happens", NULL};
    list = l;
    break;
  }
  case 'i': {
    /* "What if the model is down?" asks about a condition: "if" ends
     * the phrase before its subject */
    static const char *const l[] = {"in", "into", "i", "is", "if", NULL};
    list = l;
    break;
  }
  case 'o': {
    static const char *const l[] = {"of", "on", "over", "our", NULL};
    list = l;
    break;
  }
  case 'p': {
    static const char *const l[] = {"per", NULL};
    list = l;
    break;
  }
  case 'r': {
    static const char *const l[] = {"runs", NULL};
    list = l;
    break;
  }
  case 's': {
    /* "Evaluation so far": the time it covers, not what it is */
    static const char *const l[] = {"should", "so", NULL};
    list = l;
    break;
  }
  case 't': {
    static const char *const l[] = {"to",      "through", "they",  "that",
                                    "towards", "toward",  "tried", "tracked",
                                    NULL};
    list = l;
    break;
  }
  case 'u': {
    static const char *const l[] = {"under", "using", "used", NULL};
    list = l;
    break;
  }
  case 'v': {
    static const char *const l[] = {"via", "vs", "versus", NULL};
    list = l;
    break;
  }
  case 'w': {
    static const char *const l[] = {
        "with", "within", "we",      "which", "who",  "when", "where",
        "why",  "what",   "without", "works", "work", "will",
        "would", "was",   "were",    NULL};
    list = l;
    break;
  }
  case 'y': {
    static const char *const l[] = {"you", NULL};
    list = l;
    break;
  }
  default:
    return false;
  }
  for (int i = 0; list[i]; i++)
    if (strncmp(list[i], w, n) == 0 && list[i][n] == '\0')
      return true;
  return false;
}

/* Appends word w, stemmed, to a space-separated list. */
static void S_put_stem(strbuf *out, token w) {
  char one[128];
  size_t len = w.n < sizeof one - 1 ? w.n : sizeof one - 1;
  memcpy(one, w.p, len);
  one[len] = '\0';
  token t[1];
  if (S_tokens(one, t) == 1) {
    if (out->len)
      strbuf_putc(out, ' ');
    strbuf_put(out, t[0].p, t[0].n);
  }
}

static bool S_is_conjunction(const char *w, size_t n) {
  return (n == 3 && memcmp(w, "and", 3) == 0) ||
         (n == 2 && memcmp(w, "or", 2) == 0) ||
         (n == 4 && memcmp(w, "plus", 4) == 0) ||
         (n == 3 && memcmp(w, "nor", 3) == 0);
}

/* Whether w[i] is a gerund ("measuring") followed by a determiner or a
 * pronoun ("the", "our", "it"). */
static bool S_gerund_over(const token *w, size_t i) {
  static const char *const det[] = {"the",  "a",     "an",    "our",
                                    "its",  "their", "this",  "these",
                                    "those", "it",   "them",  "your",
                                    "each", "every", "my",    NULL};
  if (w[i].n < 6 || memcmp(w[i].p + w[i].n - 3, "ing", 3) != 0)
    return false;
  for (int k = 0; det[k]; k++)
    if (strlen(det[k]) == w[i + 1].n && memcmp(det[k], w[i + 1].p, w[i + 1].n) == 0)
      return true;
  return false;
}

/* Whether w (normalised) only reports on the noun before it: "results",
 * "findings". */
static bool S_light_head(const char *w, size_t n) {
  static const char *const l[] = {"result", "results", "finding", "findings",
                                  NULL};
  for (int k = 0; l[k]; k++)
    if (strlen(l[k]) == n && memcmp(l[k], w, n) == 0)
      return true;
  return false;
}

/* Appends the stemmed words of each conjunct's head phrase: its words up to
 * the first preposition or relative clause ("latency budget" of "latency
 * budget of the model"); with last_only, only the phrase's last word, its
 * head noun ("budget"). */
static void S_piece_heads(const char *norm, bool last_only, strbuf *out) {
  token w[MAX_TOKENS];
  size_t n = S_split(norm, w);
  bool cut = false;
  size_t last = SIZE_MAX;
  for (size_t i = 0; i <= n; i++) {
    bool conj = i < n && S_is_conjunction(w[i].p, w[i].n);
    if (i == n || conj) {
      if (last_only && last != SIZE_MAX)
        S_put_stem(out, w[last]);
      last = SIZE_MAX;
      cut = false;
      continue;
    }
    if (cut)
      continue;
    if (i > 0 && S_ends_phrase(w[i].p, w[i].n)) {
      cut = true;
      continue;
    }
    if (S_stopword(w[i].p, w[i].n))
      continue;
    /* a version or a number qualifies the head: "Features v1" */
    bool version = w[i].n >= 1 && (w[i].p[0] == 'v' || S_isdigit(w[i].p[0]));
    for (size_t k = 1; version && k < w[i].n; k++)
      version = S_isdigit(w[i].p[k]);
    if (version && (w[i].n > 1 || S_isdigit(w[i].p[0])) && last != SIZE_MAX)
      continue;
    /* so do results: "Evaluation results" is the evaluation, "Backtest
     * findings" the backtest */
    if (last != SIZE_MAX && S_light_head(w[i].p, w[i].n))
      continue;
    last = i;
    if (!last_only)
      S_put_stem(out, w[i]);
  }
}

/* The length of an apostrophe at p between two letters ("we'll"), else 0.
 * (A typographic one, U+2019, already splits the word when the piece is
 * normalised.) */
static size_t S_contraction(const char *text, const char *p) {
  if (*p != '\'' || p == text || !isalpha((unsigned char)p[-1]) ||
      !isalpha((unsigned char)p[1]))
    return 0;
  return 1;
}

/* Whether the '/' at p joins two single letters: "A/B", "I/O". */
static bool S_letter_pair(const char *text, const char *p) {
  return *p == '/' && p > text && isalpha((unsigned char)p[-1]) &&
         (p - 1 == text || !isalnum((unsigned char)p[-2])) &&
         isalpha((unsigned char)p[1]) && !isalnum((unsigned char)p[2]);
}

char *title_gerund_head(const char *text) {
  char *norm = title_normalize(text);
  token w[MAX_TOKENS];
  size_t n = S_split(norm, w);
  char *out = NULL;
  if (n >= 2 && S_gerund_over(w, 0)) {
    strbuf b = {0};
    S_put_stem(&b, w[0]);
    out = b.data ? strbuf_take(&b) : NULL;
  }
  free(norm);
  return out;
}

char *title_heads(const char *text, bool last_only) {
  strbuf out = {0}, piece = {0};
  for (const char *p = text;; p++) {
    /* a contraction's tail goes: "Data we'll need" is "data we need", whose
     * head noun is "data" ("we" ends the phrase) */
    size_t ap = S_contraction(text, p);
    if (ap) {
      p += ap;
      while (isalpha((unsigned char)p[1]))
        p++;
      continue;
    }
    /* a question ends a phrase: "Why? Don't agents have macros?"; a slash
     * between two single letters does not ("A/B tests", "I/O") */
    /* (and so does an arrow: "Prediction → plan", "Scores -> actions") */
    bool sep = !*p || (strchr(",/;:|&?>", *p) && !S_letter_pair(text, p)) ||
               ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)) ||
               ((unsigned char)p[0] == 0xE2 &&
                ((unsigned char)p[1] == 0x86 || (unsigned char)p[1] == 0x87) &&
                (unsigned char)p[2] == 0x92);
    if (sep) {
      if (piece.len) {
        char *s = strbuf_take(&piece);
        char *norm = title_normalize(s);
        S_piece_heads(norm, last_only, &out);
        free(norm);
        free(s);
      }
      if (!*p)
        break;
      if ((unsigned char)*p == 0xE2)
        p += 2;
      continue;
    }
    strbuf_putc(&piece, *p);
  }
  strbuf_free(&piece);
  return out.data ? strbuf_take(&out) : xstrdup("");
}

/* ---- A memo of results per heading key (title_memo). ---- */

#define MEMO_BUCKETS 1024
#define MEMO_MAX 65536 /* entries; past it, results are not kept */

typedef struct memo_entry {
  struct memo_entry *next;
  size_t tag;
  double value;
  char key[]; /* NUL-terminated */
} memo_entry;

/* Read without the lock, as the prose cache is: an entry is complete
 * before it is published at its bucket's head (release) and never changes;
 * the lock keeps writers apart and counts the entries. */
struct title_memo {
  pthread_mutex_t lock;
  size_t n;
  _Atomic(memo_entry *) buckets[MEMO_BUCKETS];
};

title_memo *title_memo_new(void) {
  title_memo *m = xcalloc(1, sizeof *m);
  pthread_mutex_init(&m->lock, NULL);
  return m;
}

void title_memo_free(title_memo *m) {
  if (!m)
    return;
  for (size_t b = 0; b < MEMO_BUCKETS; b++)
    for (memo_entry *e = atomic_load(&m->buckets[b]), *nx; e; e = nx) {
      nx = e->next;
      free(e);
    }
  pthread_mutex_destroy(&m->lock);
  free(m);
}

static size_t S_memo_bucket(const char *key, size_t tag) {
  uint64_t h = 1469598103934665603u ^ (uint64_t)tag;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++)
    h = (h ^ *p) * 1099511628211u;
  return (size_t)(h >> 32) % MEMO_BUCKETS;
}

bool title_memo_get(title_memo *m, const char *key, size_t tag,
                    double *value) {
  size_t b = S_memo_bucket(key, tag);
  for (const memo_entry *e =
           atomic_load_explicit(&m->buckets[b], memory_order_acquire);
       e; e = e->next)
    if (e->tag == tag && strcmp(e->key, key) == 0) {
      *value = e->value;
      return true;
    }
  return false;
}

void title_memo_put(title_memo *m, const char *key, size_t tag,
                    double value) {
  size_t b = S_memo_bucket(key, tag), n = strlen(key);
  pthread_mutex_lock(&m->lock);
  if (m->n < MEMO_MAX) {
    memo_entry *e = xmalloc(sizeof *e + n + 1);
    e->tag = tag;
    e->value = value;
    memcpy(e->key, key, n + 1);
    e->next = atomic_load_explicit(&m->buckets[b], memory_order_relaxed);
    atomic_store_explicit(&m->buckets[b], e, memory_order_release);
    m->n++;
  }
  pthread_mutex_unlock(&m->lock);
}
