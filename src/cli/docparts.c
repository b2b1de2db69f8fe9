/* Finding the parts of a document split over files. A folder's index is
 * its README.md (else index.md, else readme.md); its chapters are entries
 * named NN_name or NN-name: a folder holding an index file of its own, or a
 * Markdown file. The index's front matter `parts:` list wins; else the
 * chapters the index links to come in link order, then the others in
 * natural numeric order. A link to a chapter that is not there is a part
 * that is missing (the library reports it at the link). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "docparts.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const S_index_names[] = {"README.md", "index.md",
                                            "readme.md", "Readme.md", NULL};

static char *S_join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0)
    return xstrdup(name);
  size_t n = strlen(dir);
  return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

static bool S_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The index file of dir (a path; free with free()), or NULL. */
static char *S_index_of(const char *dir) {
  for (size_t i = 0; S_index_names[i]; i++) {
    char *p = S_join(dir, S_index_names[i]);
    if (S_is_file(p))
      return p;
    free(p);
  }
  return NULL;
}

/* Reads a small file whole; NULL when it cannot. Free with free(). */
static char *S_slurp(const char *path, size_t *len) {
  strbuf sb = {0};
  if (source_read_file(path, (size_t)64 << 20, &sb)) {
    strbuf_free(&sb);
    return NULL;
  }
  *len = sb.len;
  return sb.data ? strbuf_take(&sb) : xstrdup("");
}

/* A chapter name: one or two digits, then '_' or '-' ("01_intro",
 * "3-data.md"). Longer numbers are records of their own, not chapters:
 * ADRs ("0001-use-x.md"), RFCs, dated notes ("2026-10-01-outage.md"). */
static bool S_numbered(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && isdigit((unsigned char)s[i]))
    i++;
  return i > 0 && i <= 2 && i < n && (s[i] == '_' || s[i] == '-');
}

static bool S_is_markdown(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(name + n - 9, ".markdown") == 0);
}

/* Natural order: leading numbers by value, then by bytes. */
static int S_natural(const char *a, const char *b) {
  unsigned long long x = strtoull(a, NULL, 10), y = strtoull(b, NULL, 10);
  if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b) && x != y)
    return x < y ? -1 : 1;
  return strcmp(a, b);
}

typedef struct {
  char *name; /* the entry's name in the folder */
  char *path; /* the part's file */
  size_t named_at;
  bool linked;
  /* the file's identity, stat()ed once when first compared (id: 0 not
   * yet, 1 known, 2 no such file) */
  unsigned char id;
  dev_t dev;
  ino_t ino;
} chapter;

static int S_chapter_cmp(const void *a, const void *b) {
  return S_natural(((const chapter *)a)->name, ((const chapter *)b)->name);
}

typedef struct {
  chapter *v;
  size_t n, cap;
} chapters;

static void S_add(chapters *c, char *name, char *path, size_t at, bool linked) {
  xgrow(&c->v, &c->cap, c->n + 1, sizeof(chapter));
  c->v[c->n++] = (chapter){name, path, at, linked, 0, 0, 0};
}

/* The chapters of dir, in natural order; with all_md, every other Markdown
 * file of the folder too (a declared document without numbered chapters). */
static void S_list_chapters(const char *dir, const char *index, bool all_md,
                            chapters *out) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *name = e->d_name;
    if (name[0] == '.')
      continue;
    bool numbered = S_numbered(name, strlen(name));
    /* only a numbered entry or (all_md) a Markdown file can be a part: a
     * large folder's other entries are not stat()ed */
    if (!numbered && !(all_md && S_is_markdown(name)))
      continue;
    char *path = S_join(dir, name);
    struct stat st;
    if (stat(path, &st) != 0) {
      free(path);
      continue;
    }
    if (S_ISDIR(st.st_mode) && numbered) {
      char *idx = S_index_of(path); /* a folder with no index: not a part */
      if (idx)
        S_add(out, xstrdup(name), idx, SIZE_MAX, false);
    } else if (S_ISREG(st.st_mode) && S_is_markdown(name) &&
               (numbered || all_md) && !(index && strcmp(path, index) == 0)) {
      bool is_index_name = false;
      for (size_t i = 0; S_index_names[i]; i++)
        is_index_name |= strcmp(name, S_index_names[i]) == 0;
      if (numbered || !is_index_name) {
        S_add(out, xstrdup(name), path, SIZE_MAX, false);
        path = NULL;
      }
    }
    free(path);
  }
  closedir(d);
  if (out->n > 1)
    qsort(out->v, out->n, sizeof(chapter), S_chapter_cmp);
}

/* The `parts:` list of the front matter: item strings and their offsets.
 * Returns false when there is none. */
/* Adds the `parts:` item t[s, e) to out, unless it is listed already (a
 * part is read once, where it is first listed). */
static void S_add_listed_part(chapters *out, const char *dir, const char *t,
                              size_t s, size_t e) {
  char *item = xstrndup(t + s, e - s);
  for (size_t c = 0; c < out->n; c++)
    if (strcmp(out->v[c].name, item) == 0) {
      free(item);
      return;
    }
  S_add(out, item, S_join(dir, item), s, true);
}

static bool S_frontmatter_parts(const char *t, size_t len, chapters *out,
                                const char *dir) {
  if (len < 4 || strncmp(t, "---", 3) != 0 || (t[3] != '\n' && t[3] != '\r'))
    return false;
  size_t i = 4;
  bool in_parts = false, found = false;
  while (i < len) {
    size_t ls = i;
    while (i < len && t[i] != '\n')
      i++;
    size_t le = i < len ? i : len;
    i++;
    while (le > ls && (t[le - 1] == '\r' || t[le - 1] == ' '))
      le--;
    if (le - ls == 3 &&
        (strncmp(t + ls, "---", 3) == 0 || strncmp(t + ls, "...", 3) == 0))
      break;
    if (in_parts) {
      size_t k = ls;
      while (k < le && (t[k] == ' ' || t[k] == '\t'))
        k++;
      if (k < le && t[k] == '-' && (k + 1 == le || t[k + 1] == ' ')) {
        k++;
        while (k < le && t[k] == ' ')
          k++;
        size_t s = k, e = le;
        if (e > s && (t[s] == '"' || t[s] == '\'') && t[e - 1] == t[s]) {
          s++;
          e--;
        }
        if (e > s)
          S_add_listed_part(out, dir, t, s, e);
        continue;
      }
      if (k == le)
        continue;
      in_parts = false;
    }
    if (le - ls >= 6 && strncmp(t + ls, "parts:", 6) == 0) {
      found = true;
      size_t k = ls + 6;
      while (k < le && t[k] == ' ')
        k++;
      if (k < le && t[k] == '[') { /* parts: [a.md, b.md] */
        k++;
        while (k < le && t[k] != ']') {
          while (k < le && (t[k] == ' ' || t[k] == ','))
            k++;
          size_t s = k;
          while (k < le && t[k] != ',' && t[k] != ']')
            k++;
          size_t e = k;
          while (e > s && t[e - 1] == ' ')
            e--;
          if (e > s && (t[s] == '"' || t[s] == '\'') && t[e - 1] == t[s]) {
            s++;
            e--;
          }
          if (e > s)
            S_add_listed_part(out, dir, t, s, e);
        }
      } else {
        in_parts = true;
      }
    }
  }
  return found;
}

/* Whether a link target names a Markdown part (a .md file or a folder). */
static bool S_target_is_part(const char *t) {
  const char *slash = strrchr(t, '/');
  const char *last = slash ? slash + 1 : t;
  return !*last || S_is_markdown(last) || !strchr(last, '.');
}

/* Whether paths a and b are one file ("decisions/a.md" and
 * "./decisions/./a.md"). */
static bool S_same_file(const char *a, const char *b) {
  struct stat x, y;
  return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
         x.st_ino == y.st_ino;
}

/* Whether the link target t[0..n) names a Markdown file inside dir that is
 * there ("decisions/0003-model.md"): in a declared document, the index's
 * links to such files are its parts whatever their names. */
static bool S_linked_file(const char *t, size_t n, const char *dir) {
  if (!n || t[0] == '/')
    return false;
  for (size_t i = 0; i + 1 < n; i++) /* no ".." segment out of dir */
    if (t[i] == '.' && t[i + 1] == '.' &&
        (i == 0 || t[i - 1] == '/') && (i + 2 == n || t[i + 2] == '/'))
      return false;
  char *target = xstrndup(t, n);
  char *path = S_join(dir, target);
  bool yes = S_is_markdown(target) && S_is_file(path);
  /* inside dir once links are resolved (a symlink out of it is not), and
   * not the index itself */
  char *real = yes ? realpath(path, NULL) : NULL;
  char *root = yes ? realpath(dir, NULL) : NULL;
  size_t rn = root ? strlen(root) : 0;
  yes = real && root && strncmp(real, root, rn) == 0 && real[rn] == '/';
  for (size_t i = 0; yes && S_index_names[i]; i++) {
    char *idx = S_join(root, S_index_names[i]);
    yes = strcmp(real, idx) != 0;
    free(idx);
  }
  free(real);
  free(root);
  free(path);
  free(target);
  return yes;
}

/* One link target at t[s..) on a line ending at le: a chapter found is
 * marked linked and put in link order; a chapter that is not there adds a
 * missing part. */
static void S_take_target(const char *t, size_t s, size_t le, const char *dir,
                          bool declared, chapters *ch, chapters *order) {
  if (s < le && t[s] == '<')
    s++;
  size_t e = s;
  /* (a control byte, NUL included, ends it too: a path holds none) */
  while (e < le && t[e] != ')' && t[e] != ' ' && t[e] != '>' && t[e] != '#' &&
         t[e] != '?' && t[e] != '`' && (unsigned char)t[e] >= 0x20)
    e++;
  size_t at = s;
  while (e - s >= 2 && t[s] == '.' && t[s + 1] == '/')
    s += 2;
  if (e == s || memchr(t + s, ':', e - s) || t[s] == '/')
    return; /* empty, a URL, or absolute */
  size_t seg = s;
  while (seg < e && t[seg] != '/')
    seg++;
  /* a declared document's index may link to files of any name */
  bool file = declared && S_linked_file(t + s, e - s, dir);
  if (!S_numbered(t + s, seg - s) && !file)
    return;
  char *target = xstrndup(t + s, e - s);
  bool known = false;
  for (size_t c = 0; c < ch->n && !known; c++) {
    if (strlen(ch->v[c].name) != seg - s ||
        strncmp(ch->v[c].name, t + s, seg - s) != 0)
      continue;
    known = true;
    if (!ch->v[c].linked) {
      ch->v[c].linked = true;
      S_add(order, xstrdup(ch->v[c].name), xstrdup(ch->v[c].path), at, true);
    }
  }
  if (!known && S_target_is_part(target)) {
    size_t n = strlen(target);
    char *path;
    if (S_is_markdown(target)) {
      path = S_join(dir, target);
    } else {
      if (n && target[n - 1] == '/') /* "16_x/" and "16_x": one part */
        target[n - 1] = '\0';
      char *folder = S_join(dir, target);
      path = S_join(folder, "README.md");
      free(folder);
    }
    /* a file that is there but is no chapter (a reading list in a
     * folder with no index) is not a part; one that is not there is a
     * part that is missing */
    struct stat st;
    char *named = S_join(dir, target);
    bool exists = stat(named, &st) == 0;
    free(named);
    bool listed = exists && !file;
    /* (one stat() for the target, one per part at most: an index naming
     * thousands of files stays linear in stat() calls) */
    struct stat ts;
    bool tid = file && stat(path, &ts) == 0;
    for (size_t c = 0; c < order->n && !listed; c++) {
      chapter *o = &order->v[c];
      listed = strcmp(o->path, path) == 0;
      if (!listed && tid) {
        if (!o->id) {
          struct stat os;
          o->id = stat(o->path, &os) == 0 ? 1 : 2;
          o->dev = o->id == 1 ? os.st_dev : 0;
          o->ino = o->id == 1 ? os.st_ino : 0;
        }
        listed = o->id == 1 && o->dev == ts.st_dev && o->ino == ts.st_ino;
      }
    }
    if (listed)
      free(path);
    else
      S_add(order, xstrdup(target), path, at, true);
  }
  free(target);
}

/* The links of the index to numbered chapters, in order: inline links
 * "[x](target)" and reference definitions "[x]: target", outside fenced
 * code. */
static void S_link_order(const char *t, size_t len, const char *dir,
                         bool declared, chapters *ch, chapters *order) {
  bool fence = false;
  size_t i = 0;
  while (i < len) {
    size_t ls = i;
    while (i < len && t[i] != '\n')
      i++;
    size_t le = i;
    i++;
    size_t k = ls;
    while (k < le && k - ls < 4 && t[k] == ' ')
      k++;
    if (le - k >= 3 &&
        (strncmp(t + k, "```", 3) == 0 || strncmp(t + k, "~~~", 3) == 0)) {
      fence = !fence;
      continue;
    }
    if (fence)
      continue;
    if (k < le && t[k] == '[') { /* a reference definition */
      const char *close = memchr(t + k, ']', le - k);
      if (close && close + 1 < t + le && close[1] == ':') {
        size_t s = (size_t)(close - t) + 2;
        while (s < le && (t[s] == ' ' || t[s] == '\t'))
          s++;
        S_take_target(t, s, le, dir, declared, ch, order);
        continue;
      }
    }
    for (size_t p = ls; p + 1 < le; p++) {
      if (t[p] == ']' && t[p + 1] == '(')
        S_take_target(t, p + 2, le, dir, declared, ch, order);
      /* a file named in code, "`data/corpus.md`", that is there: a
       * contents list written without links */
      if (t[p] == '`' && t[p + 1] != '`' && (p == ls || t[p - 1] != '`')) {
        size_t s = p + 1, e = s;
        while (e < le && t[e] != '`' && t[e] != ' ')
          e++;
        if (e < le && t[e] == '`' && S_linked_file(t + s, e - s, dir))
          S_take_target(t, s, le, dir, declared, ch, order);
        if (e < le && t[e] == '`')
          p = e;
      }
    }
  }
}

static void S_chapters_free(chapters *c) {
  for (size_t i = 0; i < c->n; i++) {
    free(c->v[i].name);
    free(c->v[i].path);
  }
  free(c->v);
}

/* Whether dir holds chapters of its own (two numbered chapter folders, or
 * an index and two numbered files): a document, not a chapter. */
static bool S_has_chapters(const char *dir) {
  char *index = S_index_of(dir);
  chapters ch = {0};
  S_list_chapters(dir, index, false, &ch);
  size_t folders = 0;
  for (size_t c = 0; c < ch.n; c++)
    folders += !S_is_markdown(ch.v[c].name);
  bool yes = folders >= 2 || (index && ch.n >= 2);
  S_chapters_free(&ch);
  free(index);
  return yes;
}

/* Whether a file name is a record of its own: three digits or more, then
 * '-' or '_' ("0004-async-extraction-pipeline.md", an ADR; an RFC; a dated
 * note), whatever words follow. */
static bool S_record(const char *name) {
  size_t i = 0;
  while (isdigit((unsigned char)name[i]))
    i++;
  return i >= 3 && (name[i] == '-' || name[i] == '_');
}

/* Whether a file name (no folder) names a chapter of one design rather
 * than a design of its own: "data.md", "model.md", "serving.md",
 * "success-metrics.md", "open_questions.md". */
static bool S_chapter_name(const char *name) {
  /* a design's own parts, not a project's (api.md, faq.md, roadmap.md,
   * security.md sit beside a README that is no design) */
  static const char *const words[] = {"overview",
                                      "introduction",
                                      "intro",
                                      "background",
                                      "context",
                                      "motivation",
                                      "problem",
                                      "problem statement",
                                      "goals",
                                      "requirements",
                                      "metrics",
                                      "success metrics",
                                      "evaluation",
                                      "eval",
                                      "data",
                                      "dataset",
                                      "datasets",
                                      "data sources",
                                      "labeling",
                                      "labelling",
                                      "labels",
                                      "features",
                                      "feature engineering",
                                      "model",
                                      "models",
                                      "modeling",
                                      "modelling",
                                      "training",
                                      "serving",
                                      "inference",
                                      "prediction",
                                      "ranking",
                                      "architecture",
                                      "system design",
                                      "detailed design",
                                      "deployment",
                                      "rollout",
                                      "launch",
                                      "monitoring",
                                      "operations",
                                      "ops",
                                      "experiments",
                                      "experimentation",
                                      "ab testing",
                                      "risks",
                                      "alternatives",
                                      "results",
                                      "open questions",
                                      "feedback",
                                      "fallback",
                                      "baseline",
                                      "approach",
                                      "pipeline",
                                      NULL};
  char key[64];
  size_t n = 0;
  for (const char *c = name; *c && *c != '.' && n + 1 < sizeof key; c++)
    key[n++] =
        (char)(*c == '-' || *c == '_' ? ' ' : tolower((unsigned char)*c));
  key[n] = '\0';
  for (size_t i = 0; words[i]; i++)
    if (strcmp(key, words[i]) == 0)
      return true;
  /* or a word of it is one: "Graph-Features.md", "Ring-Model.md",
   * "Runbook-and-Monitoring.md" (a wiki's page names) */
  for (char *w = key, *e; *w; w = *e ? e + 1 : e) {
    e = strchr(w, ' ');
    if (!e)
      e = w + strlen(w);
    for (size_t i = 0; words[i] && e > w; i++)
      if (strlen(words[i]) == (size_t)(e - w) &&
          strncmp(w, words[i], (size_t)(e - w)) == 0)
        return true;
  }
  return false;
}

/* Whether the numbered files ch of dir, which has no index, are the
 * chapters of one design all the same: three or more, the first an
 * overview or the problem ("01_overview.md", "1-introduction.md",
 * "01_background.md", "01_problem_and_goals.md"), each named as a
 * chapter ("02_knowledge_and_data.md", "04_serving.md"), and no other
 * Markdown file or chapter folder beside them. */
static bool S_bare_chapters(const char *dir, const chapters *ch) {
  if (ch->n < 3)
    return false;
  for (size_t c = 0; c < ch->n; c++) {
    const char *name = ch->v[c].name;
    if (!S_is_markdown(name) || S_record(name))
      return false;
    while (isdigit((unsigned char)*name))
      name++;
    while (*name == '-' || *name == '_')
      name++;
    if (!S_chapter_name(name))
      return false;
    if (c == 0) {
      /* a design's opening: "01_background.md", "01_problem_and_goals.md"
       * (not "01_kickoff.md", "01_notes.md": meeting notes in order) */
      static const char *const first[] = {
          "overview", "introduction", "intro",      "summary",
          "background", "context",    "motivation", "problem",
          "goals",    "requirements", NULL};
      bool ok = false;
      for (int k = 0; first[k] && !ok; k++) {
        size_t n = strlen(first[k]);
        ok = strncasecmp(name, first[k], n) == 0 &&
             (name[n] == '.' || name[n] == '-' || name[n] == '_');
      }
      if (!ok)
        return false;
    }
  }
  chapters all = {0};
  S_list_chapters(dir, NULL, true, &all);
  bool only = all.n == ch->n;
  S_chapters_free(&all);
  return only;
}

/* A file's identity, for testing many files against many links in
 * O(n log n): the links' (device, inode) pairs, sorted. */
typedef struct {
  dev_t dev;
  ino_t ino;
} file_id;

static int S_file_id_cmp(const void *a, const void *b) {
  const file_id *x = a, *y = b;
  if (x->dev != y->dev)
    return x->dev < y->dev ? -1 : 1;
  return (x->ino > y->ino) - (x->ino < y->ino);
}

/* Calls fn for each entry of dir but the hidden ones, with its path and
 * lstat() (*st is zeroed where lstat() fails), until fn returns false.
 * False when dir cannot be read or fn returned false. */
typedef bool (*entry_fn)(void *arg, char *path, const char *name,
                         struct stat *st);
static bool S_every_entry(const char *dir, entry_fn fn, void *arg) {
  DIR *d = opendir(dir);
  if (!d)
    return false;
  bool yes = true;
  for (struct dirent *e; yes && (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.')
      continue;
    char *path = S_join(dir, e->d_name);
    struct stat st;
    if (lstat(path, &st) != 0)
      memset(&st, 0, sizeof st);
    yes = fn(arg, path, e->d_name, &st);
    free(path);
  }
  closedir(d);
  return yes;
}

typedef struct {
  const char *index;
  const file_id *ids;
  size_t nids;
  int depth;
} linked_walk;

static bool S_all_linked(const char *dir, const char *index,
                         const file_id *ids, size_t nids, int depth);

static bool S_linked_entry(void *arg, char *path, const char *name,
                           struct stat *st) {
  const linked_walk *w = arg;
  if (S_ISDIR(st->st_mode)) {
    /* a folder of other Markdown, or one two levels down: not only the
     * records the index links */
    DIR *sd = w->depth == 0 ? NULL : opendir(path);
    bool md = false;
    for (struct dirent *f; sd && !md && (f = readdir(sd)) != NULL;)
      md = S_is_markdown(f->d_name);
    if (sd)
      closedir(sd);
    return w->depth == 0 ? S_all_linked(path, NULL, w->ids, w->nids, 1) : !md;
  }
  if (st->st_mode && S_is_markdown(name) &&
      !(w->index && S_same_file(path, w->index)) && stat(path, st) == 0 &&
      S_ISREG(st->st_mode)) {
    file_id key = {st->st_dev, st->st_ino};
    return bsearch(&key, w->ids, w->nids, sizeof key, S_file_id_cmp) != NULL;
  }
  return true;
}

/* Whether the Markdown files of dir (not its index) and of its folders
 * are all among the links (ids, sorted), none more than one folder down:
 * "README.md" over "0001-x.md", or over "decisions/0001-x.md". Symlinked
 * folders are skipped, as the walk skips them. */
static bool S_all_linked(const char *dir, const char *index,
                         const file_id *ids, size_t nids, int depth) {
  linked_walk w = {index, ids, nids, depth};
  return S_every_entry(dir, S_linked_entry, &w);
}

/* The (device, inode) pairs of the links lk that are files, sorted, for
 * S_all_linked(); their count in *n. Free the result. */
static file_id *S_link_ids(const chapters *lk, size_t *n) {
  file_id *ids = xcalloc(lk->n + 1, sizeof(file_id));
  *n = 0;
  for (size_t c = 0; c < lk->n; c++) {
    struct stat st;
    if (stat(lk->v[c].path, &st) == 0)
      ids[(*n)++] = (file_id){st.st_dev, st.st_ino};
  }
  qsort(ids, *n, sizeof *ids, S_file_id_cmp);
  return ids;
}

/* S_plain_folder() of one entry. */
static bool S_plain_entry(void *arg, char *path, const char *name,
                          struct stat *st) {
  static const char *const repo[] = {"contributing", "changelog", "changes",
                                     "code_of_conduct", "code-of-conduct",
                                     "security", "license", "licence",
                                     "authors", "history", "news", NULL};
  (void)arg;
  (void)path;
  if (S_ISDIR(st->st_mode))
    return true;
  if (!S_ISREG(st->st_mode) || !S_is_markdown(name))
    return false; /* (a symlink, a LICENSE, a Makefile, code) */
  for (int i = 0; repo[i]; i++) {
    size_t n = strlen(repo[i]);
    if (strncasecmp(name, repo[i], n) == 0 &&
        (name[n] == '.' || name[n] == '\0'))
      return false;
  }
  return true;
}

/* Whether dir holds Markdown files and folders only, none of them a
 * repository's own ("CONTRIBUTING.md", "CHANGELOG.md", a LICENSE, a
 * Makefile): a folder written as one design, whose docs/ folder may hold
 * its parts ("[Training](docs/training.md)"). */
static bool S_plain_folder(const char *dir) {
  return S_every_entry(dir, S_plain_entry, NULL);
}

/* Whether the index links (or names in code, "`data/corpus.md`") at least
 * two Markdown files named as chapters, directly in dir ("[Data](data.md)",
 * "[Serving](serving.md)") or one folder down under a chapter's name or
 * their own ("data/corpus.md", "design/acoustic-model.md"), and every other
 * Markdown file of dir and of its folders, none two folders down: a design
 * split over plainly named files, not a project's docs folder or a
 * repository's root (a CONTRIBUTING.md it does not link, a sub/design.md
 * of its own). */
static bool S_named_chapters(const chapters *lk, const char *dir,
                             const char *index) {
  const chapters links = *lk;
  size_t named = 0;
  for (size_t c = 0; c < links.n; c++) {
    const char *name = links.v[c].name;
    const char *slash = strchr(name, '/');
    if (!S_is_file(links.v[c].path) || (slash && strchr(slash + 1, '/')))
      continue;
    const char *base = slash ? slash + 1 : name;
    bool ch_name = S_chapter_name(base);
    if (slash) {
      /* a file one folder down is a part only in a folder named as one
       * ("data/corpus.md", "design/on-device.md"): "docs/data.md" beside
       * a CONTRIBUTING.md is a repository's documentation */
      char *folder = xstrndup(name, (size_t)(slash - name));
      bool part_folder = S_chapter_name(folder) ||
                         strcasecmp(folder, "design") == 0 ||
                         strcasecmp(folder, "chapters") == 0 ||
                         ((strcasecmp(folder, "docs") == 0 ||
                           strcasecmp(folder, "doc") == 0) &&
                          S_plain_folder(dir));
      free(folder);
      if (!part_folder)
        return false;
      ch_name = true;
    }
    named += !S_record(base) && ch_name;
  }
  if (named < 2)
    return false;
  size_t nids;
  file_id *ids = S_link_ids(&links, &nids);
  bool yes = S_all_linked(dir, index, ids, nids, 0);
  free(ids);
  return yes;
}

/* Whether an index links two records or more ("0001-use-x.md", in dir or
 * one folder down) and every Markdown file there: a design written as a
 * decision log, one document where the pack sets "record_parts". */
static bool S_record_parts(const chapters *lk, const char *dir,
                           const char *index) {
  const chapters links = *lk;
  size_t records = 0;
  for (size_t c = 0; c < links.n; c++) {
    const char *base = strrchr(links.v[c].name, '/');
    base = base ? base + 1 : links.v[c].name;
    records += S_is_file(links.v[c].path) && S_record(base);
  }
  bool yes = records >= 2;
  if (yes) {
    size_t nids;
    file_id *ids = S_link_ids(&links, &nids);
    yes = S_all_linked(dir, index, ids, nids, 0);
    free(ids);
  }
  return yes;
}

bool doc_detect(const char *dir, bool declared, bool records, doc_spec *out) {
  memset(out, 0, sizeof *out);
  char *index = S_index_of(dir);
  size_t len = 0;
  char *text = index ? S_slurp(index, &len) : NULL;
  chapters fm = {0}, ch = {0}, order = {0};
  bool is_doc = false;
  if (text && S_frontmatter_parts(text, len, &fm, dir)) {
    is_doc = true;
    order = fm;
    fm = (chapters){0};
  } else {
    S_list_chapters(dir, index, false, &ch);
    /* chapter files (not folders) need an index over them: a folder of
     * numbered files alone may be numbered standalone documents */
    size_t folders = 0;
    for (size_t c = 0; c < ch.n; c++)
      folders += !S_is_markdown(ch.v[c].name);
    if (!index && !declared && folders < 2 && !S_bare_chapters(dir, &ch)) {
      S_chapters_free(&ch);
      ch = (chapters){0};
    }
    /* a collection of designs: numbered folders that are documents */
    size_t docs = 0;
    for (size_t c = 0; !declared && c < ch.n; c++) {
      if (S_is_markdown(ch.v[c].name))
        continue;
      char *sub = S_join(dir, ch.v[c].name);
      docs += S_has_chapters(sub);
      free(sub);
    }
    if (!declared && folders && docs * 2 >= folders) {
      S_chapters_free(&ch);
      ch = (chapters){0};
    }
    if (ch.n < 2 && declared) { /* declared: any Markdown file is a part */
      S_chapters_free(&ch);
      ch = (chapters){0};
      S_list_chapters(dir, index, true, &ch);
    }
    /* the index's links order the chapters; a link to a chapter that is
     * not there counts as one (a missing part), beside one that is */
    if (text && (declared || ch.n >= 1))
      S_link_order(text, len, dir, declared, &ch, &order);
    size_t linked = 0;
    for (size_t c = 0; c < ch.n; c++)
      linked += ch.v[c].linked;
    is_doc = declared || (ch.n >= 1 && ch.n + (order.n - linked) >= 2);
    /* no numbered chapters, but an index that links plainly named
     * chapters (data.md, model.md, serving.md): one design, as if
     * declared */
    chapters none = {0}, links = {0};
    if (!is_doc && !ch.n && text)
      S_link_order(text, len, dir, true, &none, &links);
    bool whole = !is_doc && !ch.n && text &&
                 (S_named_chapters(&links, dir, index) ||
                  (records && S_record_parts(&links, dir, index)));
    S_chapters_free(&none);
    S_chapters_free(&links);
    if (whole) {
      S_chapters_free(&fm);
      S_chapters_free(&ch);
      S_chapters_free(&order);
      free(text);
      free(index);
      return doc_detect(dir, true, records, out);
    }
    for (size_t c = 0; c < ch.n; c++)
      if (!ch.v[c].linked) {
        S_add(&order, ch.v[c].name, ch.v[c].path, SIZE_MAX, false);
        ch.v[c].name = ch.v[c].path = NULL;
      }
  }
  if (is_doc) {
    out->dir = xstrdup(dir);
    size_t n = order.n + (index ? 1 : 0), k = 0;
    out->parts = xcalloc(n + 1, sizeof(char *));
    out->named_at = xcalloc(n + 1, sizeof(size_t));
    out->owner = xcalloc(n + 1, sizeof(char *));
    if (index) {
      out->has_index = true;
      out->named_at[k] = SIZE_MAX;
      out->parts[k++] = xstrdup(index);
    }
    for (size_t c = 0; c < order.n; c++) {
      out->named_at[k] = order.v[c].named_at;
      out->parts[k++] = order.v[c].path;
      order.v[c].path = NULL;
    }
    out->nparts = k;
  }
  S_chapters_free(&fm);
  S_chapters_free(&ch);
  S_chapters_free(&order);
  free(text);
  free(index);
  return is_doc;
}

void doc_spec_free(doc_spec *d) {
  for (size_t i = 0; i < d->nparts; i++)
    free(d->parts[i]);
  free(d->parts);
  free(d->named_at);
  free(d->owner);
  free(d->dir);
  memset(d, 0, sizeof *d);
}
