/* Rule kind cross-reference: terms named in one scope must reappear in
 * another (each metric named in Success Metrics is monitored). */
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

/* Owned by the rule (S_free()). */
typedef struct {
  pattern *patterns; /* "terms" */
  size_t npatterns;
  size_t *scope2; /* "to": pack section indices; NULL = all */
  size_t nscope2;
} cross_reference_params;

static const cross_reference_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
    "Collects the terms that params.terms patterns match in the rule's scope "
    "(for example the metrics named in Success Metrics) and checks that each "
    "distinct term (compared ignoring case) appears again, as a whole word "
    "in the singular or the plural (\"acceptance rates\" for \"acceptance "
    "rate\"), in params.to (for example the monitoring section). Each term "
    "that does not is reported at its first mention. Nothing is reported "
    "when the target sections are missing: required-section covers that.";

#define MAX_TERMS 256
#define TERM_MAX 80

typedef struct {
  lint_ctx *ctx;
  char *terms[MAX_TERMS]; /* owned, lower-cased */
  size_t at[MAX_TERMS][2];
  size_t n;
} term_set;

static bool S_suffix(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* The length of the lower-case term's stem and the pattern of the endings
 * that make its last word singular or plural: "acceptance rates" and
 * "acceptance rate" both become "acceptance rate" and "s?", "queries"
 * "quer" and "(?:y|ies)". A term that does not end in a letter is taken as
 * it is. */
static size_t S_stem(const char *term, const char **endings) {
  size_t n = strlen(term);
  *endings = "";
  if (n < 3 || term[n - 1] < 'a' || term[n - 1] > 'z')
    return n;
  if (S_suffix(term, n, "ies")) {
    *endings = "(?:y|ies)";
    return n - 3;
  }
  if (S_suffix(term, n, "y") && !strchr("aeiou", term[n - 2])) {
    *endings = "(?:y|ies)";
    return n - 1;
  }
  if (S_suffix(term, n, "ss") || S_suffix(term, n, "sh") ||
      S_suffix(term, n, "ch") || S_suffix(term, n, "x")) {
    *endings = "(?:es)?";
    return n;
  }
  if (S_suffix(term, n, "us") || S_suffix(term, n, "is"))
    return n; /* "bonus", "analysis": no plural in -s */
  if (S_suffix(term, n, "es") &&
      (S_suffix(term, n - 2, "ss") || S_suffix(term, n - 2, "sh") ||
       S_suffix(term, n - 2, "ch") || S_suffix(term, n - 2, "x"))) {
    *endings = "(?:es)?";
    return n - 2;
  }
  if (S_suffix(term, n, "s")) {
    *endings = "s?";
    return n - 1;
  }
  *endings = "s?";
  return n;
}

static bool S_collect(void *arg, size_t ms, size_t me) {
  term_set *ts = arg;
  if (me == ms || me - ms > TERM_MAX || ts->n == MAX_TERMS)
    return ts->n < MAX_TERMS;
  char *t = xstrndup(ts->ctx->src->text + ms, me - ms);
  for (char *p = t; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p += 32;
  /* "acceptance rates" is the term "acceptance rate" again */
  const char *ending, *ending_i;
  size_t stem = S_stem(t, &ending);
  for (size_t i = 0; i < ts->n; i++)
    if (S_stem(ts->terms[i], &ending_i) == stem &&
        strncmp(ts->terms[i], t, stem) == 0 && strcmp(ending, ending_i) == 0) {
      free(t);
      return true;
    }
  ts->terms[ts->n] = t;
  ts->at[ts->n][0] = ms;
  ts->at[ts->n][1] = me;
  ts->n++;
  return true;
}

/* Whether term occurs as a whole word in the spans, in the singular or the
 * plural. */
static bool S_occurs(lint_ctx *ctx, const char *term, const size_t *spans,
                     size_t nspans) {
  strbuf re = {0};
  const char *endings;
  size_t stem = S_stem(term, &endings);
  strbuf_puts(&re, "(?<![\\w])");
  for (const char *p = term; p < term + stem; p++) {
    /* quote every ASCII punctuation */
    if ((unsigned char)*p < 0x80 &&
        !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == ' '))
      strbuf_putc(&re, '\\');
    strbuf_putc(&re, *p);
  }
  strbuf_puts(&re, endings);
  strbuf_puts(&re, "(?![\\w])");
  int errcode;
  PCRE2_SIZE erroff;
  pattern pat = {0};
  pat.code = pcre2_compile((PCRE2_SPTR)re.data, PCRE2_ZERO_TERMINATED,
                           PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
                           &errcode, &erroff, NULL);
  /* a mention that says it is not watched ("Recall@10 is not monitored
   * online") is no mention */
  bool found = false;
  for (size_t i = 0; i < nspans && pat.code && !found; i++) {
    size_t a, b, from = spans[2 * i];
    while (!found &&
           prose_search(ctx, &pat, from, spans[2 * i + 1], &a, &b)) {
      found = !prose_negated(ctx, a, b);
      from = b > a ? b : a + 1;
    }
  }
  if (pat.code)
    pcre2_code_free(pat.code);
  strbuf_free(&re);
  return found || !pat.code;
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  size_t *from = NULL, *to = NULL;
  size_t nfrom = scope_spans(ctx, rule->scope, rule->nscope, &from);
  size_t nto =
      scope_spans(ctx, S_params(rule)->scope2, S_params(rule)->nscope2, &to);
  term_set ts = {.ctx = ctx};
  for (size_t i = 0; i < nfrom && nto; i++)
    for (size_t p = 0; p < S_params(rule)->npatterns; p++)
      prose_each(ctx, &S_params(rule)->patterns[p], from[2 * i],
                 from[2 * i + 1], S_collect, &ts);
  char *where =
      nto ? scope_titles(ctx, S_params(rule)->scope2, S_params(rule)->nscope2)
          : NULL;
  for (size_t i = 0; i < ts.n; i++) {
    if (!S_occurs(ctx, ts.terms[i], to, nto)) {
      char *match =
          xstrndup(ctx->src->text + ts.at[i][0], ts.at[i][1] - ts.at[i][0]);
      const char *vars[] = {"match", match, "section", where, NULL};
      diag_emit(ctx, rule, ts.at[i][0], ts.at[i][1], NULL, vars);
      free(match);
    }
    free(ts.terms[i]);
  }
  free(where);
  free(from);
  free(to);
}

static bool S_load(pack_loader *ld, const struct cJSON *rule_obj,
                   const struct cJSON *params, struct ddlint_rule *rule) {
  static const char *const f[] = {"terms", "to", NULL};
  json_src *js = pack_loader_json(ld);
  cross_reference_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  if (!params)
    return json_fail(js, rule_obj, false, "rule \"%s\": %s needs params",
                     rule->id, rule->kind);
  if (!json_check_fields(js, params, "cross-reference params", f) ||
      !pack_read_patterns(ld, params, "terms", "params", &p->patterns,
                          &p->npatterns) ||
      !pack_read_scope(ld, params, "to", &p->scope2, &p->nscope2))
    return false;
  if (!p->npatterns)
    return json_fail(js, params, false, "params need \"terms\" patterns");
  if (!p->scope2)
    return json_fail(js, params, false,
                     "params need \"to\": the sections the terms must reach");
  return true;
}

static void S_free(void *params) {
  cross_reference_params *p = params;
  if (p) {
    pack_patterns_free(p->patterns, p->npatterns);
    free(p->scope2);
  }
  free(p);
}

const rule_kind rule_kind_cross_reference = {
    .name = "cross-reference",
    .load = S_load,
    .free = S_free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
