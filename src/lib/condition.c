/* `required_if`: conditions on a document that make a template section
 * required, or a rule run. Loaded with the pack (located errors), judged once
 * per document after matching, before the rules (see docs/packs.md). */
#include "pack_merge.h"
#include "rules.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static void S_condition_free(condition *c) {
  free(c->field);
  for (size_t i = 0; i < c->nvalues; i++)
    free(c->values[i]);
  free(c->values);
  if (c->pat) {
    pack_pattern_free(c->pat);
    free(c->pat);
  }
  free(c->text);
}

void conditions_free(condition *c, size_t n) {
  for (size_t i = 0; i < n; i++)
    S_condition_free(&c[i]);
  free(c);
}

/* A string member, or NULL (located error when it is not a string). */
static bool S_str(json_src *js, const cJSON *obj, const char *key,
                  const char **out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (!v)
    return true;
  if (!cJSON_IsString(v) || !*v->valuestring)
    return json_fail(js, v, false, "\"%s\" in required_if must be a string",
                     key);
  *out = v->valuestring;
  return true;
}

static bool S_pattern(json_src *js, const cJSON *obj, const char *key,
                      condition *c) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  c->pat = xcalloc(1, sizeof(pattern));
  return pack_pattern_compile(js, v, v->valuestring, c->pat);
}

static bool S_front_matter(json_src *js, const cJSON *obj, const char *field,
                           condition *c) {
  const char *eq, *match;
  const cJSON *in = cJSON_GetObjectItemCaseSensitive(obj, "in");
  if (!S_str(js, obj, "equals", &eq) || !S_str(js, obj, "matches", &match))
    return false;
  if ((eq != NULL) + (match != NULL) + (in != NULL) > 1)
    return json_fail(js, obj, false,
                     "required_if on front matter takes one of \"equals\", "
                     "\"in\" and \"matches\"");
  c->kind = COND_FRONT_MATTER;
  c->field = xstrdup(field);
  strbuf words = {0};
  if (in) {
    if (!cJSON_IsArray(in) || !in->child)
      return json_fail(js, in, false,
                       "\"in\" must be a non-empty array of strings");
    c->values = xcalloc((size_t)cJSON_GetArraySize(in), sizeof(char *));
    strbuf_printf(&words, "front matter \"%s\" is one of ", field);
    for (const cJSON *e = in->child; e; e = e->next) {
      if (!cJSON_IsString(e)) {
        strbuf_free(&words);
        return json_fail(js, e, false, "\"in\" must hold only strings");
      }
      strbuf_printf(&words, "%s\"%s\"", c->nvalues ? ", " : "", e->valuestring);
      c->values[c->nvalues++] = xstrdup(e->valuestring);
    }
  } else if (eq) {
    c->values = xcalloc(1, sizeof(char *));
    c->values[c->nvalues++] = xstrdup(eq);
    strbuf_printf(&words, "front matter \"%s\" is \"%s\"", field, eq);
  } else if (match) {
    strbuf_printf(&words, "front matter \"%s\" matches /%s/", field, match);
    if (!S_pattern(js, obj, "matches", c)) {
      strbuf_free(&words);
      return false;
    }
  } else {
    strbuf_printf(&words, "the front matter gives \"%s\"", field);
  }
  c->text = strbuf_take(&words);
  return true;
}

static bool S_load_one(json_src *js, const cJSON *obj, const ddlint_pack *pk,
                       condition *c) {
  static const char *const fields[] = {"front_matter", "equals",  "in",
                                       "matches",      "section", "topic",
                                       "pattern",      NULL};
  if (!json_check_fields(js, obj, "required_if", fields))
    return false;
  const char *fm, *sec, *topic, *pat;
  if (!S_str(js, obj, "front_matter", &fm) ||
      !S_str(js, obj, "section", &sec) || !S_str(js, obj, "topic", &topic) ||
      !S_str(js, obj, "pattern", &pat))
    return false;
  if ((fm != NULL) + (sec != NULL) + (topic != NULL) + (pat != NULL) != 1)
    return json_fail(js, obj, false,
                     "required_if names one of \"front_matter\", \"section\", "
                     "\"topic\" and \"pattern\"");
  if (!fm && (cJSON_GetObjectItemCaseSensitive(obj, "equals") ||
              cJSON_GetObjectItemCaseSensitive(obj, "in") ||
              cJSON_GetObjectItemCaseSensitive(obj, "matches")))
    return json_fail(js, obj, false,
                     "\"equals\", \"in\" and \"matches\" go with "
                     "\"front_matter\"");
  if (fm)
    return S_front_matter(js, obj, fm, c);
  if (pat) {
    c->kind = COND_PATTERN;
    c->text = xasprintf("the document mentions /%s/", pat);
    return S_pattern(js, obj, "pattern", c);
  }
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    if (sec && strcmp(ts->id, sec) == 0) {
      c->kind = COND_SECTION;
      c->section = s;
      c->text = xasprintf("the document has a \"%s\" section", ts->title);
      return true;
    }
    for (size_t t = 0; topic && t < ts->ntopics; t++)
      if (strcmp(ts->topics[t].id, topic) == 0) {
        c->kind = COND_TOPIC;
        c->section = s;
        c->topic = t;
        c->text = xasprintf("the document covers %s", ts->topics[t].title);
        return true;
      }
  }
  return json_fail(
      js, cJSON_GetObjectItemCaseSensitive(obj, sec ? "section" : "topic"),
      false, "required_if names no %s \"%s\"", sec ? "section" : "topic",
      sec ? sec : topic);
}

bool conditions_load(json_src *js, const cJSON *v, const ddlint_pack *pk,
                     condition **out, size_t *n) {
  *out = NULL;
  *n = 0;
  if (!cJSON_IsObject(v) && !(cJSON_IsArray(v) && v->child))
    return json_fail(js, v, false,
                     "required_if must be a condition object or a non-empty "
                     "array of them (any one is enough)");
  const cJSON *first = cJSON_IsArray(v) ? v->child : v;
  size_t count = cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 1;
  *out = xcalloc(count, sizeof(condition));
  for (const cJSON *e = first; e && *n < count; e = e->next) {
    condition *c = &(*out)[(*n)++];
    if (!S_load_one(js, e, pk, c))
      return false;
  }
  return true;
}

/* Whether c holds in ctx's document; *why gets the condition in words, with
 * what made it hold where that helps (the line of a pattern's match). */
static bool S_holds(lint_ctx *ctx, const condition *c, char **why) {
  const coverage *cov = ctx->cov;
  const source *src = ctx->src;
  bool holds = false;
  size_t ms = 0, me = 0;
  switch (c->kind) {
  case COND_FRONT_MATTER: {
    char *v = ddlint_frontmatter_value(src->text, src->len, c->field);
    if (!v)
      break;
    if (c->pat) {
      PCRE2_SIZE n = strlen(v);
      pcre2_match_data *md = pcre2_match_data_create(4, NULL);
      holds = pcre2_match(pattern_code(c->pat), (PCRE2_SPTR)v, n, 0, 0, md,
                          ctx->pack->limits->level[MATCH_LEVELS - 1]) >= 0;
      pcre2_match_data_free(md);
    } else if (c->nvalues) {
      for (size_t i = 0; i < c->nvalues && !holds; i++)
        holds = strcmp(v, c->values[i]) == 0;
    } else {
      holds = *v != '\0';
    }
    free(v);
    break;
  }
  case COND_SECTION:
    holds = cov->sections[c->section].section >= 0 &&
            !cov->sections[c->section].empty;
    break;
  case COND_TOPIC:
    holds = cov->sections[c->section].topics[c->topic].via != VIA_NONE;
    break;
  case COND_PATTERN:
    holds = prose_search(ctx, c->pat, src->body_start, src->len, &ms, &me);
    break;
  }
  if (holds && c->kind == COND_PATTERN) {
    size_t n = utf8_cut(src->text + ms, me - ms, 60);
    *why = xasprintf("the document mentions \"%.*s\" (line %u)", (int)n,
                     src->text + ms, source_line_of(src, ms));
  } else if (holds) {
    *why = xstrdup(c->text);
  }
  return holds;
}

/* Whether any of the n conditions holds; *why as S_holds(). */
static bool S_any(lint_ctx *ctx, const condition *c, size_t n, char **why) {
  for (size_t i = 0; i < n; i++)
    if (S_holds(ctx, &c[i], why))
      return true;
  return false;
}

void conditions_apply(lint_ctx *ctx, coverage *cov) {
  const ddlint_pack *pk = ctx->pack;
  cov->required = xcalloc(pk->nsections + 1, sizeof(bool));
  cov->required_why = xcalloc(pk->nsections + 1, sizeof(char *));
  cov->rule_on = xcalloc(pk->nrules + 1, sizeof(bool));
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    cov->required[s] = ts->nrequired_if
                           ? S_any(ctx, ts->required_if, ts->nrequired_if,
                                   &cov->required_why[s])
                           : ts->required;
  }
  for (size_t i = 0; i < pk->nrules; i++) {
    const struct ddlint_rule *r = &pk->rules[i];
    char *why = NULL;
    cov->rule_on[i] =
        !r->nrequired_if || S_any(ctx, r->required_if, r->nrequired_if, &why);
    free(why);
  }
}

bool coverage_required(const coverage *cov, const ddlint_pack *pk, size_t s) {
  return cov && cov->required ? cov->required[s] : pk->sections[s].required;
}
