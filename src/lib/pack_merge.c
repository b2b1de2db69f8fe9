/* The pack stage, after loading: a child pack's sections merged into its
 * parent's field by field, and the whole-pack checks (placeholders in
 * messages, names shared by two sections). See docs/packs.md, `extends`. */
#include "pack_merge.h"
#include "title.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Whether obj gives member key. */
static bool S_has(const cJSON *obj, const char *key) {
  return cJSON_GetObjectItemCaseSensitive(obj, key) != NULL;
}

/* Replaces *dst by *src when obj gives key; src is left NULL. */
static void S_take_string(const cJSON *obj, const char *key, char **dst,
                          char **src) {
  if (S_has(obj, key)) {
    free(*dst);
    *dst = *src;
    *src = NULL;
  }
}

/* Adds the child's aliases the parent does not already have (by key). */
static void S_add_aliases(char ***aliases, char ***keys, size_t *n,
                          char **caliases, char **ckeys, size_t cn) {
  *aliases = xrealloc(*aliases, (*n + cn + 1) * sizeof(char *));
  *keys = xrealloc(*keys, (*n + cn + 1) * sizeof(char *));
  for (size_t i = 0; i < cn; i++) {
    bool dup = false;
    for (size_t k = 0; k < *n && !dup; k++)
      dup = strcmp((*keys)[k], ckeys[i]) == 0;
    if (dup) {
      free(caliases[i]);
      free(ckeys[i]);
      continue;
    }
    (*aliases)[*n] = caliases[i];
    (*keys)[(*n)++] = ckeys[i];
  }
  (*keys)[*n] = NULL;
  free(caliases);
  free(ckeys);
}

static void S_add_patterns(pattern **dst, size_t *n, pattern *src, size_t cn) {
  if (!cn) {
    free(src);
    return;
  }
  *dst = xrealloc(*dst, (*n + cn) * sizeof(pattern));
  memcpy(*dst + *n, src, cn * sizeof(pattern));
  *n += cn;
  free(src);
}

/* A title and prompt that obj gives replace the parent's; names are
 * {title, norm_title, key_title, prompt} of the parent (p) and child (c). */
static void S_take_names(const cJSON *obj, char **p[4], char **c[4]) {
  for (int i = 0; i < 3; i++)
    S_take_string(obj, "title", p[i], c[i]);
  S_take_string(obj, "prompt", p[3], c[3]);
}

static void S_topic_merge(const cJSON *obj, tmpl_topic *p, tmpl_topic *c) {
  S_take_names(
      obj, (char **[4]){&p->title, &p->norm_title, &p->key_title, &p->prompt},
      (char **[4]){&c->title, &c->norm_title, &c->key_title, &c->prompt});
  if (S_has(obj, "weight"))
    p->weight = c->weight;
  S_add_aliases(&p->aliases, &p->alias_keys, &p->naliases, c->aliases,
                c->alias_keys, c->naliases);
  c->aliases = c->alias_keys = NULL;
  c->naliases = 0;
  S_add_patterns(&p->patterns, &p->npatterns, c->patterns, c->npatterns);
  c->patterns = NULL;
  c->npatterns = 0;
  if (S_has(obj, "target_rows")) { /* the child's replace the parent's */
    tmpl_topic old = {.rows = p->rows, .nrows = p->nrows,
                      .unless = p->unless, .nunless = p->nunless};
    p->rows = c->rows;
    p->nrows = c->nrows;
    p->unless = c->unless;
    p->nunless = c->nunless;
    c->rows = old.rows;
    c->nrows = old.nrows;
    c->unless = old.unless;
    c->nunless = old.nunless;
  }
  pack_topic_free(c);
}

bool pack_section_merge(json_src *js, const cJSON *obj, tmpl_section *parent,
                        tmpl_section *child) {
  bool ok = true;
  S_take_names(obj,
               (char **[4]){&parent->title, &parent->norm_title,
                            &parent->key_title, &parent->prompt},
               (char **[4]){&child->title, &child->norm_title,
                            &child->key_title, &child->prompt});
  if (S_has(obj, "required"))
    parent->required = child->required;
  if (S_has(obj, "opening"))
    parent->opening = child->opening;
  if (S_has(obj, "needs_evidence"))
    parent->needs_evidence = child->needs_evidence;
  if (S_has(obj, "diagrams"))
    parent->diagrams = child->diagrams;
  if (S_has(obj, "weight"))
    parent->weight = child->weight;
  S_add_aliases(&parent->aliases, &parent->alias_keys, &parent->naliases,
                child->aliases, child->alias_keys, child->naliases);
  child->aliases = child->alias_keys = NULL;
  child->naliases = 0;
  S_add_patterns(&parent->evidence, &parent->nevidence, child->evidence,
                 child->nevidence);
  child->evidence = NULL;
  child->nevidence = 0;

  /* topics: child->topics[i] was loaded from the i-th element of "topics" */
  const cJSON *tobjs = cJSON_GetObjectItemCaseSensitive(obj, "topics");
  const cJSON *tobj = tobjs ? tobjs->child : NULL;
  size_t nparent = parent->ntopics;
  parent->topics =
      xrealloc(parent->topics,
               (parent->ntopics + child->ntopics + 1) * sizeof(tmpl_topic));
  for (size_t i = 0; i < child->ntopics; i++, tobj = tobj ? tobj->next : NULL) {
    tmpl_topic *c = &child->topics[i];
    size_t at = SIZE_MAX;
    for (size_t k = 0; k < nparent && at == SIZE_MAX; k++)
      if (strcmp(parent->topics[k].id, c->id) == 0)
        at = k;
    bool replace =
        cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(tobj, "replace"));
    if (at != SIZE_MAX && !replace) {
      S_topic_merge(tobj, &parent->topics[at], c);
      continue;
    }
    if (!c->title && ok)
      ok = json_fail(js, tobj, false,
                     "topic \"%s\" is new in section \"%s\", so it needs a "
                     "\"title\"",
                     c->id, parent->id);
    if (at != SIZE_MAX) {
      pack_topic_free(&parent->topics[at]);
      parent->topics[at] = *c;
    } else {
      parent->topics[parent->ntopics++] = *c;
    }
    memset(c, 0, sizeof *c);
  }
  memset(&parent->topics[parent->ntopics], 0, sizeof(tmpl_topic));
  pack_section_free(child);
  return ok;
}

/* The placeholders diag_emit() fills; each kind fills some of them. */
static const char *const S_placeholders[] = {
    "section", "topic", "heading", "match", "detail", "target", NULL};

bool pack_check_placeholders(json_src *js, const cJSON *at, const char *text) {
  for (const char *p = text; (p = strchr(p, '{')) != NULL; p++) {
    size_t n = 0;
    while (p[1 + n] == '_' || (p[1 + n] >= 'a' && p[1 + n] <= 'z') ||
           (p[1 + n] >= 'A' && p[1 + n] <= 'Z'))
      n++;
    if (!n || p[1 + n] != '}')
      continue;
    bool known = false;
    for (size_t i = 0; S_placeholders[i] && !known; i++)
      known = strlen(S_placeholders[i]) == n &&
              memcmp(S_placeholders[i], p + 1, n) == 0;
    if (known)
      continue;
    char *name = xstrndup(p + 1, n);
    const char *best = S_placeholders[0];
    double score = -1;
    for (size_t i = 0; S_placeholders[i]; i++) {
      double sim = title_similarity(name, S_placeholders[i]);
      if (sim > score) {
        score = sim;
        best = S_placeholders[i];
      }
    }
    json_fail(js, at, false,
              "unknown placeholder \"{%s}\"%s%s%s (known: {section}, "
              "{topic}, {heading}, {match}, {detail}, {target})",
              name, score >= 0.5 ? ": did you mean \"{" : "",
              score >= 0.5 ? best : "", score >= 0.5 ? "}\"?" : "");
    free(name);
    return false;
  }
  return true;
}

/* Whether the string node a names key. */
static bool S_names_key(const cJSON *a, const char *key) {
  if (!cJSON_IsString(a))
    return false;
  char *norm = title_normalize(a->valuestring);
  char *k = title_key(norm);
  bool same = strcmp(k, key) == 0;
  free(norm);
  free(k);
  return same;
}

/* The node of section id's name (its title or an alias) whose key is key,
 * in this file's "sections" array; NULL when the file does not give it. */
static const cJSON *S_name_node(const cJSON *sections, const char *id,
                                const char *key) {
  for (const cJSON *e = sections ? sections->child : NULL; e; e = e->next) {
    const cJSON *sid = cJSON_GetObjectItemCaseSensitive(e, "id");
    if (!cJSON_IsString(sid) || strcmp(sid->valuestring, id) != 0)
      continue;
    const cJSON *title = cJSON_GetObjectItemCaseSensitive(e, "title");
    if (S_names_key(title, key))
      return title;
    const cJSON *al = cJSON_GetObjectItemCaseSensitive(e, "aliases");
    for (const cJSON *a = cJSON_IsArray(al) ? al->child : al; a; a = a->next)
      if (S_names_key(a, key))
        return a;
  }
  return NULL;
}

bool pack_check_names(json_src *js, const ddlint_pack *pk,
                      const cJSON *sections) {
  strmap owner = {0};
  bool ok = true;
  for (size_t s = 0; s < pk->nsections && ok; s++) {
    const tmpl_section *ts = &pk->sections[s];
    for (size_t a = 0; a <= ts->naliases && ok; a++) {
      const char *key = a == 0 ? ts->key_title : ts->alias_keys[a - 1];
      if (!key || !*key)
        continue;
      size_t o = strmap_get(&owner, key);
      if (o == SIZE_MAX) {
        strmap_put(&owner, key, s);
        continue;
      }
      if (o == s)
        continue;
      const tmpl_section *first = &pk->sections[o];
      const cJSON *at = S_name_node(sections, ts->id, key);
      const tmpl_section *here = ts, *other = first;
      if (!at) {
        at = S_name_node(sections, first->id, key);
        here = first;
        other = ts;
      }
      ok = json_fail(js, at, false,
                     "section \"%s\" and section \"%s\" both have the name "
                     "\"%s\": a heading so named could only match \"%s\"; "
                     "keep it in one of them",
                     here->id, other->id, key, first->id);
    }
  }
  strmap_free(&owner);
  return ok;
}
