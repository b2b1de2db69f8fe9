/* The pack stage: reads a rule pack (JSON, via cJSON) into a template and a
 * list of rules, compiling every pattern once with PCRE2 JIT. Loading is all
 * or nothing: the first error is reported as "origin:line:col: message" and
 * no half-loaded pack escapes. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "pack_merge.h"
#include "rules/kind.h"
#include "title.h"

#include <pthread.h>

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef DDLINT_PACKDIR
#define DDLINT_PACKDIR "/usr/local/share/ddlint/rules"
#endif

#define PACK_MAX_BYTES (64u << 20)
#define DEPTH_LIMIT 100000u
/* the interpreter's backtracking memory per match (the JIT uses its own
 * fixed stack): a pattern may not take gigabytes on a small document */
#define HEAP_LIMIT_KIB (64u << 10)

#define EXTENDS_DEPTH_MAX 16

/* The packs being loaded, outermost first, to catch `extends` cycles. */
typedef struct {
  const char *keys[EXTENDS_DEPTH_MAX + 1]; /* borrowed */
  size_t n;
} pack_chain;

struct pack_loader {
  json_src js;     /* the text, its tree and the first error */
  const char *dir; /* folder of the pack file, for a relative `extends` */
  pack_chain *chain;
  ddlint_pack *pack;
};
typedef struct pack_loader loader;

static ddlint_pack *S_load_text(const char *json, size_t len,
                                const char *origin, const char *dir,
                                pack_chain *chain, char **err);
static ddlint_pack *S_load_ref(const char *ref, const char *dir,
                               pack_chain *chain, char **err);

/* Records the first error, located at node (or its key). Returns false. */
/* Optional string member; *out is a new string or NULL when absent. */
bool pack_read_string(loader *ld, const cJSON *obj, const char *key,
                      bool required, const char *what, char **out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (!v)
    return required
               ? json_fail(&ld->js, obj, false, "%s has no \"%s\"", what, key)
               : true;
  if (!cJSON_IsString(v) || !v->valuestring)
    return json_fail(&ld->js, v, false, "\"%s\" in %s must be a string", key,
                     what);
  if (required && !*v->valuestring)
    return json_fail(&ld->js, v, false, "\"%s\" in %s must not be empty", key,
                     what);
  *out = xstrdup(v->valuestring);
  return true;
}

static bool S_number(loader *ld, const cJSON *obj, const char *key,
                     const char *what, double dflt, double *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v)
    return true;
  if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 1e6)
    return json_fail(&ld->js, v, false,
                     "\"%s\" in %s must be a number from 0 to 1e6", key, what);
  *out = v->valuedouble;
  return true;
}

bool pack_read_bool(loader *ld, const cJSON *obj, const char *key,
                    const char *what, bool dflt, bool *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v)
    return true;
  if (!cJSON_IsBool(v))
    return json_fail(&ld->js, v, false, "\"%s\" in %s must be true or false",
                     key, what);
  *out = cJSON_IsTrue(v);
  return true;
}

/* The array member `key` (may be absent: *out = NULL). */
static bool S_array(loader *ld, const cJSON *obj, const char *key,
                    const char *what, const cJSON **out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (!v)
    return true;
  if (!cJSON_IsArray(v))
    return json_fail(&ld->js, v, false, "\"%s\" in %s must be an array", key,
                     what);
  *out = v;
  return true;
}

void pack_strings_free(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

/* A string, or an array of strings, as a new string vector. */
bool pack_read_strings(loader *ld, const cJSON *obj, const char *key,
                       const char *what, char ***out, size_t *n) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  *n = 0;
  if (!v)
    return true;
  if (cJSON_IsString(v)) {
    *out = xmalloc(sizeof(char *));
    (*out)[(*n)++] = xstrdup(v->valuestring);
    return true;
  }
  if (!cJSON_IsArray(v))
    return json_fail(&ld->js, v, false,
                     "\"%s\" in %s must be an array of strings", key, what);
  size_t count = (size_t)cJSON_GetArraySize(v);
  *out = xcalloc(count ? count : 1, sizeof(char *));
  for (const cJSON *e = v->child; e; e = e->next) {
    if (!cJSON_IsString(e)) {
      pack_strings_free(*out, *n);
      *out = NULL;
      *n = 0;
      return json_fail(&ld->js, e, false, "\"%s\" in %s must hold only strings",
                       key, what);
    }
    (*out)[(*n)++] = xstrdup(e->valuestring);
  }
  return true;
}

/* text compiled as prose (pattern_prose_text()), else as written, which
 * gives the pattern's own error and offset */
static pcre2_code *S_compile_code(const char *text, uint32_t options,
                                  int *errcode, PCRE2_SIZE *erroff) {
  options |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_CASELESS |
             PCRE2_DOTALL;
  char *prose = pattern_prose_text(text);
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)prose, PCRE2_ZERO_TERMINATED,
                                   options, errcode, erroff, NULL);
  free(prose);
  if (!code)
    code = pcre2_compile((PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, options,
                         errcode, erroff, NULL);
  return code;
}

static bool S_compile(loader *ld, const cJSON *at, const char *text,
                      uint32_t extra, pattern *out) {
  int errcode;
  PCRE2_SIZE erroff;
  out->source = xstrdup(text);
  out->options = extra;
  if (strncmp(ld->js.origin, "<built-in>/", 11) == 0) {
    /* a built-in pack's patterns compile (tests/packs.py): most of them
     * never meet a trigger in a document, so each is compiled when first
     * matched, which takes a large share of a small document's time */
    out->lazy = true;
    pattern_set_triggers(out);
    return true;
  }
  out->code = S_compile_code(text, extra, &errcode, &erroff);
  if (!out->code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(errcode, msg, sizeof msg);
    return json_fail(&ld->js, at, false,
                     "invalid pattern \"%s\": %s at offset %zu", text,
                     (const char *)msg, (size_t)erroff);
  }
  pattern_set_triggers(out);
  return true;
}

bool pack_pattern_compile(json_src *js, const cJSON *at, const char *text,
                          pattern *out) {
  loader ld = {.js = *js};
  bool ok = S_compile(&ld, at, text, 0, out);
  js->err = ld.js.err;
  return ok;
}

static pthread_mutex_t S_jit_lock = PTHREAD_MUTEX_INITIALIZER;

pcre2_code *pattern_code(const pattern *p) {
  if (atomic_load_explicit(&p->jit_tried, memory_order_acquire) ||
      (!p->lazy && !p->code))
    return p->code;
  /* JIT is a speed-up only; the interpreter is used where it is missing,
   * or when DDLINT_NO_JIT is set (valgrind cannot follow JIT code). The lock
   * keeps a second thread from matching while the code is being changed. */
  pattern *mp = (pattern *)p; /* packs are allocated, never const objects */
  pthread_mutex_lock(&S_jit_lock);
  if (mp->lazy && !mp->code) {
    int errcode;
    PCRE2_SIZE erroff;
    mp->code = S_compile_code(mp->source, mp->options, &errcode, &erroff);
  }
  if (!atomic_load_explicit(&mp->jit_tried, memory_order_relaxed)) {
    if (mp->code && !getenv("DDLINT_NO_JIT"))
      (void)pcre2_jit_compile(mp->code, PCRE2_JIT_COMPLETE);
    atomic_store_explicit(&mp->jit_tried, true, memory_order_release);
  }
  pthread_mutex_unlock(&S_jit_lock);
  return p->code;
}

pcre2_code *pattern_anchored_code(const pattern *p) {
  if (!p->ntriggers || !p->source ||
      atomic_load_explicit(&p->anchored_jit_tried, memory_order_acquire))
    return p->anchored;
  pattern *mp = (pattern *)p;
  /* compiled on first use, like the JIT: most patterns of a pack never
   * meet one of their triggers in a document. Compiled outside the lock,
   * into a code object no other thread sees yet: with -j 2 both threads
   * meet new patterns at once at the start of a run, and one compilation
   * (some hundred thousand instructions) held the other thread up. Where
   * two threads compile the same pattern, the first one's code is kept. */
  int errcode;
  PCRE2_SIZE erroff;
  pcre2_code *code = S_compile_code(mp->source, PCRE2_ANCHORED | mp->options,
                                    &errcode, &erroff);
  if (code && !getenv("DDLINT_NO_JIT"))
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  pthread_mutex_lock(&S_jit_lock);
  if (!atomic_load_explicit(&mp->anchored_jit_tried, memory_order_relaxed)) {
    mp->anchored = code;
    code = NULL;
    atomic_store_explicit(&mp->anchored_jit_tried, true, memory_order_release);
  }
  pthread_mutex_unlock(&S_jit_lock);
  if (code)
    pcre2_code_free(code);
  return p->anchored;
}

static void S_pattern_free(pattern *p) {
  if (p->code)
    pcre2_code_free(p->code);
  if (p->anchored)
    pcre2_code_free(p->anchored);
  free(p->triggers);
  free(p->source);
  p->code = NULL;
  p->source = NULL;
}

void pack_pattern_free(pattern *p) { S_pattern_free(p); }

void pack_patterns_free(pattern *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    S_pattern_free(&p[i]);
  free(p);
}

bool pack_pattern_compile_quiet(const char *text, pattern *out) {
  loader quiet = {.js = {.origin = "<prompt>", .text = "", .len = 0}};
  bool ok = S_compile(&quiet, NULL, text, 0, out);
  free(quiet.js.err);
  return ok;
}

bool pack_read_pattern(loader *ld, const cJSON *at, const char *text,
                       pattern *out) {
  return S_compile(ld, at, text, 0, out);
}

json_src *pack_loader_json(loader *ld) { return &ld->js; }

const ddlint_pack *pack_loader_pack(const loader *ld) { return ld->pack; }

bool pack_no_params(loader *ld, const char *kind, const cJSON *params) {
  if (params && params->child)
    return json_fail(&ld->js, params->child, true,
                     "kind \"%s\" takes no params \"%s\"", kind,
                     params->child->string);
  return true;
}

/* Compiles the strings of member `key` (string or array) into patterns. */
bool pack_read_patterns(loader *ld, const cJSON *obj, const char *key,
                        const char *what, pattern **out, size_t *n) {
  char **texts;
  size_t nt;
  *out = NULL;
  *n = 0;
  if (!pack_read_strings(ld, obj, key, what, &texts, &nt))
    return false;
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  bool ok = true;
  *out = xcalloc(nt ? nt : 1, sizeof(pattern));
  const cJSON *e = cJSON_IsArray(v) ? v->child : v;
  for (size_t i = 0; i < nt && ok; i++, e = e ? e->next : NULL) {
    ok = S_compile(ld, e ? e : v, texts[i], 0, &(*out)[i]);
    (*n)++;
  }
  pack_strings_free(texts, nt);
  return ok;
}

/* Compiles every section and topic prompt of the final pack (after any
 * `extends`) as a caseless literal for the placeholder kind. */
static void S_build_prompts(ddlint_pack *pk) {
  for (size_t i = 0; i < pk->nprompts; i++)
    S_pattern_free(&pk->prompts[i]);
  pack_strings_free(pk->prompt_text, pk->nprompts);
  free(pk->prompts);
  pk->prompts = NULL;
  pk->prompt_text = NULL;
  pk->nprompts = 0;
  size_t cap = 0, tcap = 0;
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t t = 0; t <= pk->sections[s].ntopics; t++) {
      const char *prompt = t == 0 ? pk->sections[s].prompt
                                  : pk->sections[s].topics[t - 1].prompt;
      if (!prompt || !*prompt)
        continue;
      int errcode;
      PCRE2_SIZE erroff;
      pcre2_code *code = pcre2_compile(
          (PCRE2_SPTR)prompt, PCRE2_ZERO_TERMINATED,
          PCRE2_LITERAL | PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
          &errcode, &erroff, NULL);
      if (!code)
        continue; /* invalid UTF-8 in a prompt: it cannot be copied anyway */
      xgrow(&pk->prompts, &cap, pk->nprompts + 1, sizeof(pattern));
      xgrow(&pk->prompt_text, &tcap, pk->nprompts + 1, sizeof(char *));
      memset(&pk->prompts[pk->nprompts], 0, sizeof(pattern));
      pk->prompts[pk->nprompts].code = code;
      pk->prompts[pk->nprompts].source = xstrdup(prompt);
      pk->prompt_text[pk->nprompts] = xstrdup(prompt);
      pk->nprompts++;
    }
}

static bool S_aliases(loader *ld, const cJSON *obj, const char *what,
                      char ***out, char ***keys, size_t *n) {
  if (!pack_read_strings(ld, obj, "aliases", what, out, n))
    return false;
  *keys = xcalloc(*n + 1, sizeof(char *));
  for (size_t i = 0; i < *n; i++) {
    char *norm = title_normalize((*out)[i]);
    free((*out)[i]);
    (*out)[i] = norm;
    (*keys)[i] = title_key(norm);
  }
  return true;
}

/* A topic's "target_rows": {"patterns": [...], "unless": [...]}. */
static bool S_target_rows(loader *ld, const cJSON *obj, tmpl_topic *t) {
  static const char *const fields[] = {"patterns", "unless", NULL};
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "target_rows");
  if (!v)
    return true;
  if (!cJSON_IsObject(v))
    return json_fail(&ld->js, v, false,
                     "topic \"target_rows\" must be an object with "
                     "\"patterns\" and \"unless\"");
  if (!json_check_fields(&ld->js, v, "target_rows", fields) ||
      !pack_read_patterns(ld, v, "patterns", "target_rows", &t->rows,
                          &t->nrows) ||
      !pack_read_patterns(ld, v, "unless", "target_rows", &t->unless,
                          &t->nunless))
    return false;
  if (!t->nrows)
    return json_fail(&ld->js, v, false,
                     "topic \"target_rows\" needs \"patterns\"");
  return true;
}

/* need_title: false for a topic that may merge into a parent's. */
static bool S_load_topic(loader *ld, const cJSON *obj, tmpl_topic *t,
                         bool need_title) {
  static const char *const fields[] = {
      "id",     "title",  "aliases", "patterns", "local_patterns",
      "weight", "prompt", "replace", "target_rows", NULL};
  pattern *local = NULL;
  size_t nlocal = 0;
  if (!json_check_fields(&ld->js, obj, "topic", fields) ||
      !pack_read_string(ld, obj, "id", true, "topic", &t->id) ||
      !pack_read_string(ld, obj, "title", need_title, "topic", &t->title) ||
      !pack_read_string(ld, obj, "prompt", false, "topic", &t->prompt) ||
      !S_aliases(ld, obj, "topic", &t->aliases, &t->alias_keys, &t->naliases) ||
      !S_number(ld, obj, "weight", "topic", 1.0, &t->weight) ||
      !pack_read_patterns(ld, obj, "patterns", "topic", &t->patterns,
                          &t->npatterns) ||
      !pack_read_patterns(ld, obj, "local_patterns", "topic", &local,
                          &nlocal) ||
      !pack_read_bool(ld, obj, "replace", "topic", false, &(bool){false}) ||
      !S_target_rows(ld, obj, t)) {
    for (size_t i = 0; i < nlocal; i++)
      S_pattern_free(&local[i]);
    free(local);
    return false;
  }
  /* the local ones after the others, each marked */
  t->patterns = xrealloc(t->patterns, (t->npatterns + nlocal + 1) *
                                          sizeof(pattern));
  for (size_t i = 0; i < nlocal; i++) {
    local[i].local = true;
    t->patterns[t->npatterns++] = local[i];
  }
  free(local);
  if (t->title) {
    t->norm_title = title_normalize(t->title);
    t->key_title = title_key(t->norm_title);
  }
  return ld->js.err == NULL;
}

/* merge_into: the parent's section that this one merges into (no title
 * needed), or NULL. */
static bool S_load_section(loader *ld, const cJSON *obj, tmpl_section *s,
                           const tmpl_section *merge_into) {
  static const char *const fields[] = {
      "id",     "title",   "aliases",  "required", "weight",
      "prompt", "topics",  "evidence", "replace",  "required_if",
      "parent", "opening", "needs_evidence", "not_under", "diagrams", NULL};
  const cJSON *topics;
  if (!json_check_fields(&ld->js, obj, "section", fields) ||
      !pack_read_string(ld, obj, "id", true, "section", &s->id) ||
      !pack_read_string(ld, obj, "title", !merge_into, "section", &s->title) ||
      !pack_read_string(ld, obj, "prompt", false, "section", &s->prompt) ||
      !S_aliases(ld, obj, "section", &s->aliases, &s->alias_keys,
                 &s->naliases) ||
      !pack_read_bool(ld, obj, "required", "section", true, &s->required) ||
      !pack_read_bool(ld, obj, "opening", "section", false, &s->opening) ||
      !pack_read_bool(ld, obj, "needs_evidence", "section", false,
                      &s->needs_evidence) ||
      !pack_read_bool(ld, obj, "diagrams", "section", false, &s->diagrams) ||
      !S_number(ld, obj, "weight", "section", 1.0, &s->weight) ||
      !S_array(ld, obj, "topics", "section", &topics) ||
      !pack_read_patterns(ld, obj, "evidence", "section", &s->evidence,
                          &s->nevidence))
    return false;
  if (s->title) {
    s->norm_title = title_normalize(s->title);
    s->key_title = title_key(s->norm_title);
  }
  s->parent = -1; /* set by S_sections_second_pass() */
  s->not_under = -1; /* likewise */
  if (!topics)
    return ld->js.err == NULL;
  s->topics =
      xcalloc((size_t)cJSON_GetArraySize(topics) + 1, sizeof(tmpl_topic));
  for (const cJSON *e = topics->child; e; e = e->next) {
    tmpl_topic *t = &s->topics[s->ntopics++];
    bool need_title = true;
    const cJSON *tid = cJSON_GetObjectItemCaseSensitive(e, "id");
    for (size_t i = 0; merge_into && cJSON_IsString(tid) &&
                       i < merge_into->ntopics && need_title;
         i++)
      need_title = strcmp(merge_into->topics[i].id, tid->valuestring) != 0;
    if (!S_load_topic(ld, e, t, need_title))
      return false;
    for (size_t i = 0; i + 1 < s->ntopics; i++)
      if (strcmp(s->topics[i].id, t->id) == 0)
        return json_fail(&ld->js, cJSON_GetObjectItemCaseSensitive(e, "id"),
                         false, "duplicate topic id \"%s\"", t->id);
  }
  return true;
}

void pack_topic_free(tmpl_topic *tp) {
  free(tp->title_words);
  free(tp->id);
  free(tp->title);
  free(tp->prompt);
  free(tp->norm_title);
  free(tp->key_title);
  pack_strings_free(tp->aliases, tp->naliases);
  pack_strings_free(tp->alias_keys, tp->naliases);
  pack_patterns_free(tp->patterns, tp->npatterns);
  pack_patterns_free(tp->rows, tp->nrows);
  pack_patterns_free(tp->unless, tp->nunless);
  memset(tp, 0, sizeof *tp);
}

void pack_section_free(tmpl_section *sec) {
  for (size_t t = 0; t < sec->ntopics; t++)
    pack_topic_free(&sec->topics[t]);
  free(sec->topics);
  pack_patterns_free(sec->evidence, sec->nevidence);
  free(sec->id);
  free(sec->title);
  free(sec->prompt);
  free(sec->norm_title);
  free(sec->key_title);
  pack_strings_free(sec->aliases, sec->naliases);
  pack_strings_free(sec->alias_keys, sec->naliases);
  pack_strings_free(sec->name_phrases, sec->nnames);
  free(sec->name_words);
  free(sec->name_masks);
  conditions_free(sec->required_if, sec->nrequired_if);
  memset(sec, 0, sizeof *sec);
}

static void S_rule_free(struct ddlint_rule *r) {
  conditions_free(r->required_if, r->nrequired_if);
  if (r->kind_def && r->kind_def->free)
    r->kind_def->free(r->params);
  free(r->id);
  free(r->kind);
  free(r->summary);
  free(r->message);
  free(r->help);
  free(r->explain);
  free(r->help_uri);
  free(r->scope);
  pack_strings_free(r->topic_ids, r->ntopic_ids);
  memset(r, 0, sizeof *r);
}

static int S_str_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_vocab_add(char ***v, size_t *n, size_t *cap, const char *key) {
  for (const char *w = key; *w;) {
    const char *e = strchr(w, ' ');
    size_t len = e ? (size_t)(e - w) : strlen(w);
    if (len) {
      xgrow(v, cap, *n + 1, sizeof(char *));
      (*v)[(*n)++] = xstrndup(w, len);
    }
    w += len + (e != NULL);
  }
}

/* Sorts the words *v and drops repeats. */
static void S_vocab_sort(char **v, size_t *n) {
  if (*n)
    qsort(v, *n, sizeof(char *), S_str_cmp);
  size_t m = 0;
  for (size_t i = 0; i < *n; i++) {
    if (m && strcmp(v[m - 1], v[i]) == 0) {
      free(v[i]);
      continue;
    }
    v[m++] = v[i];
  }
  *n = m;
}

/* The words of all section names, for a quick "can this heading name any
 * section" test that keeps matching cheap on documents of many headings;
 * and the words of all topic names, which matching asks about per bullet. */
static void S_build_vocab(ddlint_pack *pk) {
  pack_strings_free(pk->vocab, pk->nvocab);
  pack_strings_free(pk->topic_vocab, pk->ntopic_vocab);
  pk->vocab = pk->topic_vocab = NULL;
  pk->nvocab = pk->ntopic_vocab = 0;
  size_t cap = 0, tcap = 0;
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    S_vocab_add(&pk->vocab, &pk->nvocab, &cap, ts->key_title);
    for (size_t a = 0; a < ts->naliases; a++)
      S_vocab_add(&pk->vocab, &pk->nvocab, &cap, ts->alias_keys[a]);
    for (size_t t = 0; t < ts->ntopics; t++) {
      tmpl_topic *tt = &pk->sections[s].topics[t];
      free(tt->title_words);
      tt->title_words = NULL;
      if (tt->title) {
        size_t tl = strlen(tt->title);
        tt->title_words = xmalloc(tl + 2);
        pack_text_words(tt->title, tl, tt->title_words, tl + 2);
      }
      S_vocab_add(&pk->topic_vocab, &pk->ntopic_vocab, &tcap, tt->key_title);
      for (size_t a = 0; a < tt->naliases; a++)
        S_vocab_add(&pk->topic_vocab, &pk->ntopic_vocab, &tcap,
                    tt->alias_keys[a]);
    }
  }
  S_vocab_sort(pk->vocab, &pk->nvocab);
  S_vocab_sort(pk->topic_vocab, &pk->ntopic_vocab);
  for (size_t s = 0; s < pk->nsections; s++) {
    tmpl_section *ts = &pk->sections[s];
    pack_strings_free(ts->name_phrases, ts->nnames);
    free(ts->name_words);
    free(ts->name_masks);
    ts->nnames = ts->naliases + 1;
    ts->name_phrases = xcalloc(ts->nnames, sizeof(char *));
    ts->name_words = xcalloc(ts->nnames, sizeof(size_t));
    ts->name_masks = xcalloc(ts->nnames, sizeof(uint64_t));
    for (size_t i = 0; i <= ts->naliases; i++) {
      ts->name_phrases[i] =
          title_phrase(i ? ts->aliases[i - 1] : ts->norm_title);
      ts->name_words[i] = title_key_words(ts->name_phrases[i]);
      ts->name_masks[i] = title_word_mask(ts->name_phrases[i]);
    }
  }
}

typedef struct {
  char *const *vocab;
  const char *w;
  size_t n;
} vocab_probe;

/* strcmp() of vocabulary word i with the word [w, w+n). */
static int S_vocab_cmp(const vocab_probe *p, size_t i) {
  int c = strncmp(p->vocab[i], p->w, p->n);
  return c == 0 && p->vocab[i][p->n] != '\0' ? 1 : c;
}

static bool S_vocab_below(const void *arg, size_t i) {
  return S_vocab_cmp(arg, i) < 0;
}

static bool S_vocab_has(char *const *vocab, size_t nvocab, const char *w,
                        size_t n) {
  vocab_probe p = {vocab, w, n};
  size_t k = bsearch_lower(nvocab, S_vocab_below, &p);
  return k < nvocab && S_vocab_cmp(&p, k) == 0;
}

bool pack_vocab_has(const ddlint_pack *pk, const char *w, size_t n) {
  return S_vocab_has(pk->vocab, pk->nvocab, w, n);
}

bool pack_topic_vocab_has(const ddlint_pack *pk, const char *w, size_t n) {
  return S_vocab_has(pk->topic_vocab, pk->ntopic_vocab, w, n);
}

bool pack_has_topic(const ddlint_pack *pk, const char *id) {
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t t = 0; t < pk->sections[s].ntopics; t++)
      if (strcmp(pk->sections[s].topics[t].id, id) == 0)
        return true;
  return false;
}

/* Resolves member `key` of obj, an array of section ids, to indices. */
bool pack_read_scope(loader *ld, const cJSON *obj, const char *key,
                     size_t **out, size_t *n) {
  const cJSON *scope = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  *n = 0;
  if (!scope)
    return true;
  if (!cJSON_IsArray(scope))
    return json_fail(&ld->js, scope, false,
                     "\"%s\" must be an array of section ids", key);
  *out = xcalloc((size_t)cJSON_GetArraySize(scope) + 1, sizeof(size_t));
  for (const cJSON *e = scope->child; e; e = e->next) {
    if (!cJSON_IsString(e))
      return json_fail(&ld->js, e, false,
                       "\"%s\" must hold section ids (strings)", key);
    size_t s;
    for (s = 0; s < ld->pack->nsections; s++)
      if (strcmp(ld->pack->sections[s].id, e->valuestring) == 0)
        break;
    if (s == ld->pack->nsections)
      return json_fail(&ld->js, e, false, "%s names no section: \"%s\"", key,
                       e->valuestring);
    (*out)[(*n)++] = s;
  }
  return true;
}

static bool S_load_rule(loader *ld, const cJSON *obj, struct ddlint_rule *r) {
  static const char *const fields[] = {
      "id",      "kind",     "severity", "summary", "message",     "help",
      "explain", "help_uri", "scope",    "params",  "required_if", NULL};
  char *sev = NULL;
  bool ok = false;
  if (!json_check_fields(&ld->js, obj, "rule", fields) ||
      !pack_read_string(ld, obj, "id", true, "rule", &r->id) ||
      !pack_read_string(ld, obj, "kind", true, "rule", &r->kind) ||
      !pack_read_string(ld, obj, "severity", true, "rule", &sev) ||
      !pack_read_string(ld, obj, "summary", false, "rule", &r->summary) ||
      !pack_read_string(ld, obj, "message", true, "rule", &r->message) ||
      !pack_read_string(ld, obj, "help", false, "rule", &r->help) ||
      !pack_read_string(ld, obj, "explain", false, "rule", &r->explain) ||
      !pack_read_string(ld, obj, "help_uri", false, "rule", &r->help_uri))
    goto out;
  const rule_kind *kind = rule_kind_find(r->kind);
  if (!kind) {
    strbuf sb = {0};
    for (const rule_kind *const *k = rule_kinds; *k; k++)
      strbuf_printf(&sb, "%s%s", k == rule_kinds ? "" : ", ", (*k)->name);
    json_fail(&ld->js, cJSON_GetObjectItemCaseSensitive(obj, "kind"), false,
              "unknown rule kind \"%s\" (known kinds: %s)", r->kind, sb.data);
    strbuf_free(&sb);
    goto out;
  }
  r->kind_def = kind;
  if (ddlint_severity_from_name(sev) >= 0)
    r->severity = (ddlint_severity)ddlint_severity_from_name(sev);
  else {
    json_fail(&ld->js, cJSON_GetObjectItemCaseSensitive(obj, "severity"), false,
              "severity must be \"error\", \"warning\" or \"info\", not \"%s\"",
              sev);
    goto out;
  }
  if (!pack_check_placeholders(&ld->js,
                               cJSON_GetObjectItemCaseSensitive(obj, "message"),
                               r->message) ||
      (r->help &&
       !pack_check_placeholders(
           &ld->js, cJSON_GetObjectItemCaseSensitive(obj, "help"), r->help)))
    goto out;
  if (!r->summary)
    r->summary = xstrdup(r->message);
  if (!r->help)
    r->help = xstrdup("");

  if (!pack_read_scope(ld, obj, "scope", &r->scope, &r->nscope))
    goto out;
  const cJSON *params = cJSON_GetObjectItemCaseSensitive(obj, "params");
  if (params && !cJSON_IsObject(params)) {
    json_fail(&ld->js, params, false, "params must be an object");
    goto out;
  }
  const cJSON *cond = cJSON_GetObjectItemCaseSensitive(obj, "required_if");
  if (cond && !conditions_load(&ld->js, cond, ld->pack, &r->required_if,
                               &r->nrequired_if))
    goto out;
  ok = kind->load ? kind->load(ld, obj, params, r)
                  : pack_no_params(ld, kind->name, params);
out:
  free(sev);
  return ok;
}

/* tmpl_topic.named_by_rule of every topic, from the rules' topic_ids:
 * matching asks it of the template, not of the rules. Severities play no
 * part: the score depends on the document and the template only. */
static void S_mark_named_topics(ddlint_pack *pk) {
  strmap named = {0};
  for (size_t r = 0; r < pk->nrules; r++)
    for (size_t i = 0; i < pk->rules[r].ntopic_ids; i++)
      strmap_put(&named, pk->rules[r].topic_ids[i], 1);
  for (size_t s = 0; s < pk->nsections; s++)
    for (size_t t = 0; t < pk->sections[s].ntopics; t++) {
      tmpl_topic *tt = &pk->sections[s].topics[t];
      tt->named_by_rule = strmap_get(&named, tt->id) != SIZE_MAX;
    }
  strmap_free(&named);
}

/* Index of the rule with this id, or -1. */
static ptrdiff_t S_rule_index(const ddlint_pack *pk, const char *id) {
  const ddlint_rule *r = ddlint_pack_find_rule(pk, id);
  return r ? r - pk->rules : -1;
}

/* "not_evidence": headings whose sections are never evidence of a template
 * section (a document's own metadata block, its revision history). Kept as
 * title phrases; a child pack's list replaces its parent's. */
static bool S_not_evidence(loader *ld, const cJSON *root, ddlint_pack *pk) {
  char **names = NULL;
  size_t n = 0;
  if (!cJSON_GetObjectItemCaseSensitive(root, "not_evidence"))
    return true;
  if (!pack_read_strings(ld, root, "not_evidence", "pack", &names, &n))
    return false;
  pack_strings_free(pk->not_evidence, pk->nnot_evidence);
  free(pk->not_evidence_wild);
  pk->not_evidence_wild = NULL;
  free(pk->not_evidence_masks);
  pk->not_evidence_masks = NULL;
  for (size_t i = 0; i < n; i++) {
    /* "how * does it": the words around the star, normalised (every word
     * kept: the star must not stand for "our"), and the star itself */
    char *star = strchr(names[i], '*');
    if (star) {
      char *pre_n = NULL, *post_n = NULL;
      /* a second star may end the entry: "what * published *", anything
       * after the words that follow the first */
      char *tail = strchr(star + 1, '*');
      bool open_tail = false;
      if (tail && tail[1] == '\0' && tail > star + 1 && tail[-1] == ' ' &&
          strchr(star + 1, '*') == tail) {
        *tail = '\0';
        open_tail = true;
        tail = NULL;
      }
      if (!tail) {
        *star = '\0';
        pre_n = title_normalize(names[i]);
        post_n = title_normalize(star + 1);
        *star = '*';
      }
      if (open_tail)
        strcat(names[i], "*"); /* as it was: the error message quotes it */
      bool ok = pre_n && post_n && (*pre_n || *post_n) &&
                (!open_tail || *post_n);
      free(pre_n);
      free(post_n);
      if (!ok) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "not_evidence");
        const cJSON *at = cJSON_GetArrayItem(arr, (int)i);
        bool r = json_fail(&ld->js, at ? at : arr, false,
                           "\"not_evidence\" entry \"%s\": a \"*\" stands "
                           "for the words between others (\"how * does it\"): "
                           "one star, with words on at least one side (and "
                           "a second one may end the entry after words: "
                           "\"what * published *\")",
                           names[i]);
        pack_strings_free(names, n);
        pk->not_evidence = NULL;
        pk->nnot_evidence = 0;
        return r;
      }
      char *end_star = strchr(star + 1, '*');
      if (end_star)
        *end_star = '\0';
      *star = '\0';
      char *pre = title_normalize(names[i]), *post = title_normalize(star + 1);
      size_t len = strlen(pre) + strlen(post) + 6;
      char *w = xmalloc(len);
      snprintf(w, len, "%s * %s%s", pre, post, end_star ? " *" : "");
      free(pre);
      free(post);
      free(names[i]);
      names[i] = w;
      continue;
    }
    char *norm = title_normalize(names[i]);
    free(names[i]);
    names[i] = title_phrase(norm);
    free(norm);
  }
  pk->not_evidence = names;
  pk->nnot_evidence = n;
  free(pk->not_evidence_wild);
  pk->not_evidence_wild = xcalloc(n + 1, sizeof(bool));
  pk->not_evidence_masks = xcalloc(n + 1, sizeof(uint64_t));
  for (size_t i = 0; i < n; i++) {
    pk->not_evidence_wild[i] = strchr(names[i], '*') != NULL;
    if (!pk->not_evidence_wild[i])
      pk->not_evidence_masks[i] = title_word_mask(names[i]);
  }
  return true;
}

/* "generic_names": section names that say nothing of what they name
 * ("introduction", "components"). Kept as title keys; a child pack's list
 * replaces its parent's. */
static bool S_generic_names(loader *ld, const cJSON *root, ddlint_pack *pk) {
  char **names = NULL;
  size_t n = 0;
  if (!cJSON_GetObjectItemCaseSensitive(root, "generic_names"))
    return true;
  if (!pack_read_strings(ld, root, "generic_names", "pack", &names, &n))
    return false;
  pack_strings_free(pk->generic_names, pk->ngeneric_names);
  for (size_t i = 0; i < n; i++) {
    char *norm = title_normalize(names[i]);
    free(names[i]);
    names[i] = title_key(norm);
    free(norm);
  }
  pk->generic_names = names;
  pk->ngeneric_names = n;
  return true;
}

size_t pack_text_words(const char *t, size_t n, char *out, size_t cap) {
  size_t k = 0;
  bool gap = false;
  for (size_t i = 0; i < n && k + 2 < cap; i++) {
    unsigned char c = (unsigned char)t[i];
    bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!word) {
      gap = k > 0;
      continue;
    }
    if (gap)
      out[k++] = ' ';
    gap = false;
    out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  out[k] = '\0';
  return k;
}

unsigned pack_first_two(const char *t, size_t n) {
  unsigned c[2] = {' ', ' '};
  size_t k = 0, i = 0;
  while (i < n && k < 2) {
    unsigned char x = (unsigned char)t[i];
    bool word = (x >= '0' && x <= '9') || (x >= 'a' && x <= 'z') ||
                (x >= 'A' && x <= 'Z') || x >= 0x80;
    if (!word) {
      if (k)
        break; /* a one-letter first word: "b" of "B / C" */
      i++;
      continue;
    }
    c[k++] = x >= 'A' && x <= 'Z' ? x + 32u : x;
    i++;
  }
  return (c[0] * 32u + c[1]) % 1024u;
}

/* "template_text": the template's own sample lines, kept as words; a child
 * pack's list replaces its parent's. */
static bool S_template_text(loader *ld, const cJSON *root, ddlint_pack *pk) {
  char **lines = NULL;
  size_t n = 0;
  if (!cJSON_GetObjectItemCaseSensitive(root, "template_text"))
    return true;
  if (!pack_read_strings(ld, root, "template_text", "pack", &lines, &n))
    return false;
  pack_strings_free(pk->template_text, pk->ntemplate_text);
  free(pk->template_tail);
  pk->template_tail = xcalloc(n + 1, sizeof(size_t));
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    char words[PACK_TEXT_WORDS_MAX], label[PACK_TEXT_WORDS_MAX];
    size_t len = strlen(lines[i]);
    bool fits = len < sizeof words - 2 &&
                pack_text_words(lines[i], len, words, sizeof words) > 0;
    /* the label: the words before the line's first colon */
    const char *colon = strchr(lines[i], ':');
    size_t tail = 0;
    if (fits && colon) {
      size_t ln = pack_text_words(lines[i], (size_t)(colon - lines[i]), label,
                                  sizeof label);
      if (ln && words[ln] == ' ')
        tail = ln + 1;
    }
    free(lines[i]);
    if (fits) { /* (a line longer than any compared is never met) */
      pk->template_tail[kept] = tail;
      lines[kept++] = xstrdup(words);
    }
  }
  pk->template_text = lines;
  pk->ntemplate_text = kept;
  memset(pk->template_first, 0, sizeof pk->template_first);
  for (size_t i = 0; i < kept; i++) {
    unsigned b = pack_first_two(lines[i], strlen(lines[i]));
    pk->template_first[b / 64] |= (uint64_t)1 << (b % 64);
  }
  return true;
}

/* The index of the section with this id, or -1. */
static ptrdiff_t S_section_index(const ddlint_pack *pk, const char *id) {
  for (size_t s = 0; s < pk->nsections; s++)
    if (strcmp(pk->sections[s].id, id) == 0)
      return (ptrdiff_t)s;
  return -1;
}

/* What this file's sections say about others, read once all are there:
 * "required_if" (a child's replaces the parent's), "parent" and
 * "not_under". */
static bool S_sections_second_pass(loader *ld, const cJSON *sections) {
  ddlint_pack *pk = ld->pack;
  for (const cJSON *e = sections ? sections->child : NULL; e; e = e->next) {
    const cJSON *cond = cJSON_GetObjectItemCaseSensitive(e, "required_if");
    const cJSON *par = cJSON_GetObjectItemCaseSensitive(e, "parent");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
    ptrdiff_t s =
        cJSON_IsString(id) ? S_section_index(pk, id->valuestring) : -1;
    if (s < 0)
      continue;
    tmpl_section *ts = &pk->sections[s];
    size_t items = ts->ntopics + ts->nevidence + (ts->diagrams ? 1 : 0);
    if (items > EVIDENCE_ITEMS) {
      const cJSON *ev = cJSON_GetObjectItemCaseSensitive(e, "evidence");
      return json_fail(&ld->js, ev ? ev : e, false,
                       "section \"%s\" has %zu evidence items (one per topic, "
                       "one per evidence pattern, one for diagrams), at most "
                       "%d: join patterns into one with |",
                       ts->id, items, EVIDENCE_ITEMS);
    }
    const cJSON *under = cJSON_GetObjectItemCaseSensitive(e, "not_under");
    if (under) {
      ptrdiff_t o = cJSON_IsString(under)
                        ? S_section_index(pk, under->valuestring)
                        : -1;
      if (o < 0 || o == s)
        return json_fail(&ld->js, under, false,
                         "\"not_under\" must name another section of the "
                         "pack");
      ts->not_under = o;
    }
    if (par) {
      ptrdiff_t p =
          cJSON_IsString(par) ? S_section_index(pk, par->valuestring) : -1;
      if (p < 0 || p >= s)
        return json_fail(&ld->js, par, false,
                         "\"parent\" must name a section listed before "
                         "\"%s\"",
                         ts->id);
      ts->parent = p;
    }
    if (!cond)
      continue;
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(e, "required");
    if (cJSON_IsFalse(req))
      return json_fail(&ld->js, req, true,
                       "a section with \"required_if\" is optional unless "
                       "it holds: drop \"required\": false");
    conditions_free(ts->required_if, ts->nrequired_if);
    ts->required_if = NULL;
    ts->nrequired_if = 0;
    if (!conditions_load(&ld->js, cond, pk, &ts->required_if,
                         &ts->nrequired_if))
      return false;
  }
  /* nesting constrains matching by headings; a pack that reads content
   * finds sections where their evidence is, whatever the nesting */
  bool nested = false, reads = false;
  for (size_t s = 0; s < pk->nsections; s++) {
    nested |= pk->sections[s].parent >= 0;
    reads |= pk->sections[s].nevidence > 0;
  }
  if (nested && reads)
    return json_fail(&ld->js, sections, false,
                     "\"parent\" (nested sections) is for packs that match "
                     "by headings: no section may also give \"evidence\"");
  return true;
}

/* Loads ld->js.root into ld->pack, which already holds the parent pack when the
 * file `extends` one: a section or rule with a parent's id replaces it in
 * place; new ones are appended. */
static bool S_load(loader *ld) {
  static const char *const fields[] = {
      "$schema",        "name",          "version", "description",
      "extends",        "sections",      "rules",   "not_evidence",
      "title_priority", "template_text", "record_parts", "generic_names",
      NULL};
  const cJSON *root = ld->js.root;
  const cJSON *sections, *rules;
  if (!json_check_fields(&ld->js, root, "pack", fields))
    return false;
  const cJSON *ext = cJSON_GetObjectItemCaseSensitive(root, "extends");
  if (ext) {
    if (!cJSON_IsString(ext) || !*ext->valuestring)
      return json_fail(&ld->js, ext, false,
                       "\"extends\" must name a pack or give a path");
    char *perr = NULL;
    ddlint_pack *parent =
        S_load_ref(ext->valuestring, ld->dir, ld->chain, &perr);
    if (!parent) {
      json_fail(&ld->js, ext, false, "cannot extend \"%s\": %s",
                ext->valuestring, perr);
      free(perr);
      return false;
    }
    ddlint_pack_free(ld->pack);
    ld->pack = parent;
    free(parent->name);
    parent->name = NULL;
  }
  ddlint_pack *pk = ld->pack;
  char *version = NULL, *description = NULL;
  if (!pack_read_string(ld, root, "name", true, "pack", &pk->name) ||
      !pack_read_string(ld, root, "version", false, "pack", &version) ||
      !pack_read_string(ld, root, "description", false, "pack", &description) ||
      !S_array(ld, root, "sections", "pack", &sections) ||
      !S_array(ld, root, "rules", "pack", &rules) ||
      !S_not_evidence(ld, root, pk) || !S_generic_names(ld, root, pk) ||
      !S_template_text(ld, root, pk) ||
      !pack_read_bool(ld, root, "title_priority", "pack", pk->title_priority,
                      &pk->title_priority) ||
      !pack_read_bool(ld, root, "record_parts", "pack", pk->record_parts,
                      &pk->record_parts)) {
    free(version);
    free(description);
    return false;
  }
  if (version) {
    free(pk->version);
    pk->version = version;
  }
  if (description) {
    free(pk->description);
    pk->description = description;
  }
  if (!pk->version)
    pk->version = xstrdup("0");
  if (!ext && !sections)
    return json_fail(&ld->js, root, false, "pack has no \"sections\"");
  if (!ext && !rules)
    return json_fail(&ld->js, root, false, "pack has no \"rules\"");
  /* ids by hash, so that loading stays linear: where each id is in the
   * pack (a parent's id is replaced in place) and whether this file had it */
  strmap where = {0}, seen = {0};
  bool ok = false;
  struct {
    char *id, *section; /* owned */
    const cJSON *at;
  } *dropped = NULL;
  size_t ndropped = 0, dropped_cap = 0;
  for (size_t i = 0; i < pk->nsections; i++)
    strmap_put(&where, pk->sections[i].id, i);
  for (const cJSON *e = sections ? sections->child : NULL; e; e = e->next) {
    tmpl_section sec = {0};
    /* a parent's id merges into the parent's section, unless "replace" */
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");
    const cJSON *repl = cJSON_GetObjectItemCaseSensitive(e, "replace");
    size_t at =
        cJSON_IsString(id) ? strmap_get(&where, id->valuestring) : SIZE_MAX;
    if (at != SIZE_MAX && strmap_get(&seen, id->valuestring) != SIZE_MAX)
      at = SIZE_MAX; /* a duplicate in this file: reported below */
    bool merge = at != SIZE_MAX && !cJSON_IsTrue(repl);
    if (!S_load_section(ld, e, &sec, merge ? &pk->sections[at] : NULL)) {
      pack_section_free(&sec);
      goto out;
    }
    if (strmap_get(&seen, sec.id) != SIZE_MAX) {
      json_fail(&ld->js, cJSON_GetObjectItemCaseSensitive(e, "id"), false,
                "duplicate section id \"%s\"", sec.id);
      pack_section_free(&sec);
      goto out;
    }
    if (cJSON_IsTrue(repl) && at == SIZE_MAX) {
      json_fail(&ld->js, repl, true,
                "section \"%s\" replaces nothing: %s has no section of that "
                "id",
                sec.id, ext ? "the parent pack" : "a pack without \"extends\"");
      pack_section_free(&sec);
      goto out;
    }
    if (merge) {
      if (!pack_section_merge(&ld->js, e, &pk->sections[at], &sec))
        goto out;
    } else if (at != SIZE_MAX) {
      /* topics the replaced section had and the new one lacks: a parent
       * rule that names one fails below, located here */
      for (size_t t = 0; t < pk->sections[at].ntopics; t++) {
        xgrow(&dropped, &dropped_cap, ndropped + 1, sizeof *dropped);
        dropped[ndropped].id = xstrdup(pk->sections[at].topics[t].id);
        dropped[ndropped].section = xstrdup(sec.id);
        dropped[ndropped++].at = repl;
      }
      strmap_put(&where, sec.id, at); /* off the key about to be freed */
      pack_section_free(&pk->sections[at]);
      pk->sections[at] = sec;
    } else {
      xgrow(&pk->sections, &pk->sections_cap, pk->nsections + 1,
            sizeof(tmpl_section));
      at = pk->nsections++;
      pk->sections[at] = sec;
    }
    strmap_put(&where, pk->sections[at].id, at);
    strmap_put(&seen, pk->sections[at].id, at);
  }
  strmap_free(&where);
  strmap_free(&seen);
  /* required_if may name any section or topic: read once all are there */
  if (!S_sections_second_pass(ld, sections))
    goto out;
  for (size_t i = 0; i < pk->nrules; i++)
    strmap_put(&where, pk->rules[i].id, i);
  for (const cJSON *e = rules ? rules->child : NULL; e; e = e->next) {
    struct ddlint_rule r = {0};
    if (!S_load_rule(ld, e, &r)) {
      S_rule_free(&r);
      goto out;
    }
    if (strmap_get(&seen, r.id) != SIZE_MAX) {
      json_fail(&ld->js, cJSON_GetObjectItemCaseSensitive(e, "id"), false,
                "duplicate rule id \"%s\"", r.id);
      S_rule_free(&r);
      goto out;
    }
    size_t at = strmap_get(&where, r.id);
    if (at != SIZE_MAX) {
      strmap_put(&where, r.id, at); /* off the key about to be freed */
      S_rule_free(&pk->rules[at]);
      pk->rules[at] = r;
    } else {
      xgrow(&pk->rules, &pk->rules_cap, pk->nrules + 1,
            sizeof(struct ddlint_rule));
      at = pk->nrules++;
      pk->rules[at] = r;
    }
    strmap_put(&where, pk->rules[at].id, at);
    strmap_put(&seen, pk->rules[at].id, at);
  }
  /* a parent's rule naming a topic that a replaced section dropped */
  for (size_t i = 0; i < pk->nrules; i++)
    for (size_t k = 0; k < pk->rules[i].ntopic_ids; k++) {
      const char *tid = pk->rules[i].topic_ids[k];
      if (pack_has_topic(pk, tid))
        continue;
      const cJSON *at = ext;
      const char *sid = "?";
      for (size_t d = 0; d < ndropped; d++)
        if (strcmp(dropped[d].id, tid) == 0) {
          at = dropped[d].at;
          sid = dropped[d].section;
        }
      json_fail(&ld->js, at, at != ext,
                "section \"%s\" is replaced without its topic \"%s\", which "
                "rule \"%s\" names: keep the topic, or restate the rule",
                sid, tid, pk->rules[i].id);
      goto out;
    }
  if (!pack_check_names(&ld->js, pk, sections))
    goto out;
  S_build_prompts(pk);
  for (size_t i = 0; i < pk->nrules; i++)
    if (pk->rules[i].kind_def->ready)
      pk->rules[i].kind_def->ready(pk, &pk->rules[i]);
  S_build_vocab(pk);
  S_mark_named_topics(pk);
  ok = true;
out:
  strmap_free(&where);
  strmap_free(&seen);
  for (size_t d = 0; d < ndropped; d++) {
    free(dropped[d].id);
    free(dropped[d].section);
  }
  free(dropped);
  return ok;
}

static ddlint_pack *S_new_pack(void) {
  ddlint_pack *pk = xcalloc(1, sizeof *pk);
  pk->prose_cache = prose_cache_new();
  pk->near_memo = title_memo_new();
  pk->limits = xcalloc(1, sizeof *pk->limits);
  for (unsigned k = 0; k < MATCH_LEVELS; k++) {
    pk->limits->level[k] = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(pk->limits->level[k], match_level_limit(k));
    pcre2_set_depth_limit(pk->limits->level[k], DEPTH_LIMIT);
    pcre2_set_heap_limit(pk->limits->level[k], HEAP_LIMIT_KIB);
  }
  return pk;
}

static ddlint_pack *S_load_text(const char *json, size_t len,
                                const char *origin, const char *dir,
                                pack_chain *chain, char **err) {
  loader ld = {
      .js = {.origin = origin ? origin : "<pack>", .text = json, .len = len},
      .dir = dir,
      .chain = chain};
  *err = NULL;
  if (len > PACK_MAX_BYTES) {
    ld.js.err = xasprintf("%s: pack is larger than %u MiB", ld.js.origin,
                          PACK_MAX_BYTES >> 20);
    goto out;
  }
  ld.js.root = json_parse_located(json, len, ld.js.origin, &ld.js.err);
  if (!ld.js.root)
    goto out;
  if (!cJSON_IsObject(ld.js.root)) {
    ld.js.err = xasprintf("%s:1:1: a pack must be a JSON object", ld.js.origin);
    goto out;
  }
  ld.pack = S_new_pack();
  S_load(&ld);
out:
  cJSON_Delete(ld.js.root);
  if (ld.js.err) {
    ddlint_pack_free(ld.pack);
    ld.pack = NULL;
    *err = ld.js.err;
  }
  return ld.pack;
}

/* Reads a whole file (at most PACK_MAX_BYTES + 1 bytes) into sb. */
static bool S_read_file(const char *path, strbuf *sb, char **err) {
  const char *why = source_read_file(path, PACK_MAX_BYTES, sb);
  if (why)
    *err = xasprintf("%s: cannot open pack: %s", path, why);
  return !why;
}

static ddlint_pack *S_load_path(const char *path, pack_chain *chain,
                                char **err) {
  char *real = realpath(path, NULL);
  ddlint_pack *pk = NULL;
  strbuf sb = {0};
  const char *key = real ? real : path;
  for (size_t i = 0; i < chain->n; i++)
    if (strcmp(chain->keys[i], key) == 0) {
      strbuf cyc = {0};
      for (size_t k = i; k < chain->n; k++)
        strbuf_printf(&cyc, "%s -> ", chain->keys[k]);
      strbuf_puts(&cyc, key);
      *err = xasprintf("extends cycle: %s", cyc.data);
      strbuf_free(&cyc);
      goto out;
    }
  if (chain->n >= EXTENDS_DEPTH_MAX) {
    *err = xasprintf("extends chain deeper than %d packs", EXTENDS_DEPTH_MAX);
    goto out;
  }
  if (!S_read_file(path, &sb, err))
    goto out;
  chain->keys[chain->n++] = key;
  char *dir = xstrdup(key);
  char *slash = strrchr(dir, '/');
  if (slash)
    *slash = '\0';
  else
    strcpy(dir, ".");
  pk = S_load_text(sb.data ? sb.data : "", sb.len, path, dir, chain, err);
  free(dir);
  chain->n--;
out:
  strbuf_free(&sb);
  free(real);
  return pk;
}

static ddlint_pack *S_load_builtin(const char *name, pack_chain *chain,
                                   char **err) {
  for (const struct embedded_pack *e = embedded_packs; e->name; e++) {
    if (strcmp(e->name, name) != 0)
      continue;
    char *origin = xasprintf("<built-in>/%s.json", e->name);
    ddlint_pack *pk = NULL;
    bool cycle = false;
    for (size_t i = 0; i < chain->n; i++)
      cycle |= strcmp(chain->keys[i], origin) == 0;
    if (cycle || chain->n >= EXTENDS_DEPTH_MAX) {
      *err = xasprintf("extends cycle through %s", origin);
    } else {
      chain->keys[chain->n++] = origin;
      pk = S_load_text(e->data, e->len, origin, NULL, chain, err);
      chain->n--;
    }
    free(origin);
    return pk;
  }
  *err = xasprintf("no built-in template named \"%s\"", name);
  return NULL;
}

char *pack_find_installed(const char *name) {
  const char *env = getenv("DDLINT_PACK_PATH");
  strbuf dirs = {0};
  if (env && *env) {
    strbuf_puts(&dirs, env);
    strbuf_putc(&dirs, ':');
  }
  strbuf_puts(&dirs, DDLINT_PACKDIR);
  char *found = NULL;
  for (char *dir = dirs.data, *next; dir && !found; dir = next) {
    next = strchr(dir, ':');
    if (next)
      *next++ = '\0';
    if (!*dir)
      continue;
    char *path = xasprintf("%s/%s.json", dir, name);
    if (access(path, R_OK) == 0)
      found = path;
    else
      free(path);
  }
  strbuf_free(&dirs);
  return found;
}

const char *pack_installed_dir(void) { return DDLINT_PACKDIR; }

int pack_section_depth(const ddlint_pack *pk, size_t s) {
  int depth = 0;
  for (ptrdiff_t p = pk->sections[s].parent; p >= 0; p = pk->sections[p].parent)
    depth++;
  return depth;
}

bool pack_ref_is_path(const char *ref) {
  size_t n = strlen(ref);
  return strchr(ref, '/') || (n > 5 && strcmp(ref + n - 5, ".json") == 0);
}

/* A path (relative to dir when given), or a name: an installed pack first,
 * then a built-in one. */
static ddlint_pack *S_load_ref(const char *ref, const char *dir,
                               pack_chain *chain, char **err) {
  if (pack_ref_is_path(ref)) {
    char *path =
        ref[0] != '/' && dir ? xasprintf("%s/%s", dir, ref) : xstrdup(ref);
    ddlint_pack *pk = S_load_path(path, chain, err);
    free(path);
    return pk;
  }
  char *installed = pack_find_installed(ref);
  if (installed) {
    ddlint_pack *pk = S_load_path(installed, chain, err);
    free(installed);
    return pk;
  }
  return S_load_builtin(ref, chain, err);
}

/* Every pack has the suppression rules, unless it defines them itself (to
 * change their severity, say). */
static ddlint_pack *S_with_builtin_rules(ddlint_pack *pk) {
  static const struct {
    const char *id, *summary, *message, *help;
    ddlint_severity severity;
  } builtin[] = {
      {"unknown-suppression",
       "A suppression comment names a rule the template does not have.",
       "{detail}", "check the rule id against ddlint --list-rules",
       DDLINT_WARNING},
      {"unused-suppression", "A suppression comment suppressed nothing.",
       "suppression {match} suppressed nothing",
       "remove it, or fix the rule ids it names", DDLINT_WARNING},
      {"invalid-utf8", "The document is not valid UTF-8.",
       "invalid UTF-8 at byte offset {detail}",
       "save the document as UTF-8; the rest was linted as it is",
       DDLINT_WARNING},
      {"pattern-limit", "A pattern of the pack gave up on this document.",
       "pattern \"{match}\" {detail}; later text was not searched by it",
       "simplify the pattern (nested quantifiers such as (a+)+ backtrack "
       "catastrophically)",
       DDLINT_WARNING},
  };
  if (!pk)
    return NULL;
  for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
    if (S_rule_index(pk, builtin[i].id) >= 0)
      continue;
    xgrow(&pk->rules, &pk->rules_cap, pk->nrules + 1,
          sizeof(struct ddlint_rule));
    struct ddlint_rule *r = &pk->rules[pk->nrules++];
    memset(r, 0, sizeof *r);
    r->id = xstrdup(builtin[i].id);
    const rule_kind *kind = i < 2 ? &rule_kind_suppression : &rule_kind_input;
    r->kind = xstrdup(kind->name);
    r->kind_def = kind;
    r->summary = xstrdup(builtin[i].summary);
    r->message = xstrdup(builtin[i].message);
    r->help = xstrdup(builtin[i].help);
    r->explain = xstrdup(kind->explain);
    r->severity = builtin[i].severity;
    /* no params: the kind reads its role from the id */
    loader quiet = {.js = {.origin = "<built-in>", .text = "", .len = 0},
                    .pack = pk};
    if (kind->load && !kind->load(&quiet, NULL, NULL, r))
      abort(); /* cannot fail without params */
  }
  return pk;
}

ddlint_pack *ddlint_pack_load(const char *ref, char **err) {
  pack_chain chain = {.n = 0};
  char *e = NULL;
  ddlint_pack *pk = S_load_ref(ref, NULL, &chain, &e);
  if (err)
    *err = e;
  else
    free(e);
  return S_with_builtin_rules(pk);
}

ddlint_pack *ddlint_pack_load_buffer(const char *json, size_t len,
                                     const char *origin, char **err) {
  pack_chain chain = {.n = 0};
  char *e = NULL;
  ddlint_pack *pk = S_load_text(json, len, origin, NULL, &chain, &e);
  if (err)
    *err = e;
  else
    free(e);
  return S_with_builtin_rules(pk);
}

ddlint_pack *ddlint_pack_load_file(const char *path, char **err) {
  pack_chain chain = {.n = 0};
  char *e = NULL;
  ddlint_pack *pk = S_load_path(path, &chain, &e);
  if (err)
    *err = e;
  else
    free(e);
  return S_with_builtin_rules(pk);
}

const char *ddlint_default_pack_name(void) { return "ml-system-design"; }

ddlint_pack *ddlint_pack_load_builtin(const char *name, char **err) {
  pack_chain chain = {.n = 0};
  char *e = NULL;
  ddlint_pack *pk = S_load_builtin(name, &chain, &e);
  if (err)
    *err = e;
  else
    free(e);
  return S_with_builtin_rules(pk);
}

void ddlint_pack_free(ddlint_pack *pk) {
  if (!pk)
    return;
  for (size_t s = 0; s < pk->nsections; s++)
    pack_section_free(&pk->sections[s]);
  free(pk->sections);
  for (size_t i = 0; i < pk->nrules; i++)
    S_rule_free(&pk->rules[i]);
  free(pk->rules);
  for (size_t i = 0; i < pk->nprompts; i++)
    S_pattern_free(&pk->prompts[i]);
  free(pk->prompts);
  pack_strings_free(pk->prompt_text, pk->nprompts);
  pack_strings_free(pk->vocab, pk->nvocab);
  pack_strings_free(pk->topic_vocab, pk->ntopic_vocab);
  pack_strings_free(pk->template_text, pk->ntemplate_text);
  free(pk->template_tail);
  pack_strings_free(pk->not_evidence, pk->nnot_evidence);
  free(pk->not_evidence_wild);
  free(pk->not_evidence_masks);
  pack_strings_free(pk->generic_names, pk->ngeneric_names);
  for (unsigned k = 0; k < MATCH_LEVELS; k++)
    pcre2_match_context_free(pk->limits->level[k]); /* NULL is allowed */
  free(pk->limits);
  prose_cache_free(pk->prose_cache);
  title_memo_free(pk->near_memo);
  free(pk->name);
  free(pk->version);
  free(pk->description);
  free(pk);
}

const char *ddlint_pack_name(const ddlint_pack *pk) { return pk->name; }
const char *ddlint_pack_version(const ddlint_pack *pk) { return pk->version; }
size_t ddlint_pack_rule_count(const ddlint_pack *pk) { return pk->nrules; }
const ddlint_rule *ddlint_pack_rule(const ddlint_pack *pk, size_t i) {
  return i < pk->nrules ? &pk->rules[i] : NULL;
}
const ddlint_rule *ddlint_pack_find_rule(const ddlint_pack *pk,
                                         const char *id) {
  for (size_t i = 0; i < pk->nrules; i++)
    if (strcmp(pk->rules[i].id, id) == 0)
      return &pk->rules[i];
  return NULL;
}
const char *ddlint_rule_id(const ddlint_rule *r) { return r->id; }
const char *ddlint_rule_kind(const ddlint_rule *r) { return r->kind; }
ddlint_severity ddlint_rule_severity(const ddlint_rule *r) {
  return r->severity;
}
const char *ddlint_rule_summary(const ddlint_rule *r) { return r->summary; }
const char *ddlint_rule_help(const ddlint_rule *r) { return r->help; }
const char *ddlint_rule_help_uri(const ddlint_rule *r) { return r->help_uri; }
const char *ddlint_rule_explain(const ddlint_rule *r) {
  return r->explain ? r->explain : r->summary;
}
