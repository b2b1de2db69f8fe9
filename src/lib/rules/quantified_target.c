/* Rule kind quantified-target: a target (latency, say) must carry a number
 * and a unit, and a percentile where the rule asks for one. Each mention of
 * the subject is judged with the paragraph, list item or table row holding
 * it; one fully quantified mention satisfies the rule. */
#include "rules/kind.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <strings.h>

#include <stdlib.h>
#include <string.h>

/* Owned by the rule (S_free()). */
typedef struct {
  char *target_name; /* "latency" */
  pattern *patterns; /* the subject */
  size_t npatterns;
  pattern quantity, percentile; /* percentile.source NULL: none asked */
  /* normalised: sections whose heading, and paragraphs whose label,
   * starts with one of these are ignored ("case study") */
  char **ignore_headings;
  size_t nignore_headings;
  /* a sentence matching one of these reports someone else's number
   * ("another marketplace's engineering blog quoted a p99 of 30 ms") */
  pattern *not_ours;
  size_t nnot_ours;
} quantified_target_params;

static const quantified_target_params *
S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
    "Looks for the subject (params.subject, e.g. latency) in the scope "
    "sections, or in the whole document when none of them is present. Each "
    "mention is judged with the paragraph, list item or table row that holds "
    "it: it passes when that text also matches params.quantity (a number and "
    "a unit, e.g. \"150 ms\") and, if the rule has params.percentile, a "
    "percentile (\"P99\", \"95th percentile\"). One passing mention "
    "satisfies the rule; one stated outside the scope sections satisfies it "
    "too. \"latency should be low\" fails; \"P99 < 150 ms\" passes. With no "
    "mention at all the rule reports a missing target. Mentions that are "
    "someone else's numbers are not judged: those in block quotes, in code, "
    "and in sections or paragraphs whose heading or label starts with one of "
    "params.ignore_headings (e.g. \"Case study: ...\", \"Example\", "
    "\"Exercises\"), and those in a sentence that matches one of "
    "params.not_ours (e.g. \"another marketplace's engineering blog quoted "
    "a p99 of 30 ms\").";

#define QUOTE_MAX 60

enum { NO_NUMBER = 1, NO_PERCENTILE = 2, PASSED = 3 };

typedef struct {
  lint_ctx *ctx;
  const struct ddlint_rule *rule;
  const size_t *ignored; /* borrowed: sorted [start, end) spans not judged */
  size_t nignored;
  size_t last_us, last_ue; /* the unit judged last: its verdict is known */
  bool judged;             /* last_us/last_ue hold a unit */
  int best;                /* 0: no mention yet; else the best verdict */
  size_t ms, me;           /* the mention behind best */
  size_t us, ue;           /* its unit */
  bool no_alerts; /* a unit that sets an alert threshold does not pass */
  /* the sentence judged last by S_reported(), and its verdict (0 none yet,
   * 1 ours, 2 reported): a long sentence with many mentions is read once */
  size_t rs, re;
  int rv;
} judge;

/* Whether t[us, ue) sets an alert: "page when p99 exceeds 40 ms", "alert
 * if latency is above 300 ms". A threshold that wakes someone up is not
 * the target the design promises. */
static bool S_alert_unit(const char *t, size_t us, size_t ue) {
  static const char *const w[] = {"alert",  "alerts",    "alerting",
                                  "alarm",  "alarms",    "page",
                                  "pages",  "paged",     "paging",
                                  "exceed", "exceeds",   "exceeding",
                                  "breach", "breaches",  "threshold",
                                  "thresholds", NULL};
  for (size_t i = us; i < ue;) {
    while (i < ue && !isalpha((unsigned char)t[i]))
      i++;
    size_t ws = i;
    while (i < ue && isalpha((unsigned char)t[i]))
      i++;
    for (int k = 0; w[k]; k++)
      if (strlen(w[k]) == i - ws && strncasecmp(w[k], t + ws, i - ws) == 0)
        return true;
  }
  return false;
}

static bool S_matches(lint_ctx *ctx, const pattern *p, size_t s, size_t e) {
  pcre2_code *code = pattern_code(p);
  if (!code || !prose_may_match(ctx, p))
    return false;
  return prose_match(ctx, p, code, e, s) >= 0;
}

/* The text that a mention at ms is judged with. */
static void S_unit(lint_ctx *ctx, size_t ms, size_t *us, size_t *ue) {
  size_t b = block_at_or_after(ctx->md, ms + 1);
  if (b > 0) {
    const block *bl = &ctx->md->blocks[b - 1];
    if (bl->start <= ms && ms < bl->end && bl->kind != BLOCK_TABLE) {
      *us = bl->start;
      *ue = bl->end;
      return;
    }
  }
  source_line_bounds(ctx->src, ms, us, ue);
}

/* Whether a normalised heading or label starts with one of the rule's
 * ignore_headings, as whole words: "case study how acme serves ads". */
static bool S_ignored_title(const struct ddlint_rule *rule, const char *norm) {
  if (!norm)
    return false;
  for (size_t i = 0; i < S_params(rule)->nignore_headings; i++) {
    if (norm[0] != S_params(rule)->ignore_headings[i][0])
      continue; /* most headings: a byte, not a word, tells */
    size_t n = strlen(S_params(rule)->ignore_headings[i]);
    if (strncmp(norm, S_params(rule)->ignore_headings[i], n) == 0 &&
        (norm[n] == '\0' || norm[n] == ' '))
      return true;
  }
  return false;
}

/* The spans of sections headed as case studies, examples, exercises...;
 * sorted, as sections are. Returns their number; free *out with free(). */
static size_t S_ignored_sections(const lint_ctx *ctx,
                                 const struct ddlint_rule *rule, size_t **out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  for (size_t i = 0; i < ctx->ol->nsections && S_params(rule)->nignore_headings;
       i++) {
    const section *sec = &ctx->ol->sections[i];
    if (sec->is_title || (n && sec->start < (*out)[2 * n - 1]))
      continue; /* the document's own title; or inside an ignored section */
    if (!S_ignored_title(rule, ctx->md->blocks[sec->block].norm))
      continue;
    xgrow(out, &cap, 2 * (n + 1), sizeof(size_t));
    (*out)[2 * n] = sec->start;
    (*out)[2 * n + 1] = sec->end;
    n++;
  }
  return n;
}

static bool S_reported_span(const judge *j, size_t ss, size_t se);

/* Whether t[start, end) speaks in the first person outside parentheses
 * ("we set our own targets", not "(we call it Operator K)"): the author's
 * own lead-in, whatever talk it mentions. */
static bool S_first_person(const char *t, size_t start, size_t end) {
  int depth = 0;
  for (size_t i = start; i < end; i++) {
    if (t[i] == '(')
      depth++;
    else if (t[i] == ')' && depth)
      depth--;
    if (depth || (i > start && isalnum((unsigned char)t[i - 1])))
      continue;
    static const char *const we[] = {"we", "our", "us", "We", "Our", NULL};
    for (int k = 0; we[k]; k++) {
      size_t n = strlen(we[k]);
      if (i + n <= end && strncmp(t + i, we[k], n) == 0 &&
          (i + n == end || !isalnum((unsigned char)t[i + n])) &&
          (i + n == end || t[i + n] != '\''))
        return true;
    }
  }
  return false;
}

/* Whether list item b (a paragraph that opens an item) follows a lead-in
 * paragraph, the one just before its list, that reports someone else's
 * numbers: "Operator K ... (the details come from its 2023 talk at a
 * remote-sensing conference)" over "- They reported a p95 of 90 seconds",
 * and that is not the author's own ("After the talk at the 2024 summit we
 * set our own targets:"). Only up to LEAD_IN_ITEMS items back. */
#define LEAD_IN_ITEMS 32
static bool S_lead_in_reported(const judge *j, size_t b) {
  const md_blocks *mb = j->ctx->md;
  for (size_t k = 0; b > 0 && k < LEAD_IN_ITEMS; k++) {
    const block *bl = &mb->blocks[--b];
    if (bl->kind == BLOCK_PARAGRAPH && (bl->in_list || bl->nested))
      continue;
    return bl->kind == BLOCK_PARAGRAPH && !bl->in_quote &&
           !S_first_person(j->ctx->src->text, bl->start, bl->end) &&
           S_reported_span(j, bl->start, bl->end);
  }
  return false;
}

/* Whether a mention at ms is someone else's number: in a block quote, in a
 * paragraph labelled as an example or case study, in a list that such a
 * report leads into, or in such a section. */
static bool S_not_ours(const judge *j, size_t ms) {
  size_t b = block_at_or_after(j->ctx->md, ms + 1);
  if (b > 0) {
    const block *bl = &j->ctx->md->blocks[b - 1];
    if (bl->start <= ms && ms < bl->end &&
        (bl->in_quote ||
         (bl->kind == BLOCK_PARAGRAPH && bl->label &&
          S_ignored_title(j->rule, bl->norm)) ||
         (bl->kind == BLOCK_PARAGRAPH && bl->in_list &&
          S_params(j->rule)->nnot_ours && S_lead_in_reported(j, b - 1))))
      return true;
  }
  return spans_hold(j->ignored, j->nignored, ms);
}

/* Whether t[i] ends a sentence of the unit ending at ue: ".", "!", "?" or
 * ";" followed by a space or a line end ("5.5 ms" does not end one). */
static bool S_sentence_end(const char *t, size_t i, size_t ue) {
  return t[i] && strchr(".!?;", t[i]) &&
         (i + 1 >= ue || t[i + 1] == ' ' || t[i + 1] == '\n' ||
          t[i + 1] == '\r' || t[i + 1] == '\t');
}

/* Whether t[ss, se), a sentence, matches one of the rule's not_ours
 * patterns: it reports someone else's number. */
static bool S_reported_span(const judge *j, size_t ss, size_t se) {
  const quantified_target_params *p = S_params(j->rule);
  for (size_t i = 0; i < p->nnot_ours; i++)
    if (S_matches(j->ctx, &p->not_ours[i], ss, se))
      return true;
  return false;
}

/* Whether the sentence holding [ms, me) within its unit [us, ue) reports
 * someone else's number. */
static bool S_reported(judge *j, size_t us, size_t ue, size_t ms,
                       size_t me) {
  if (!S_params(j->rule)->nnot_ours)
    return false;
  if (j->rv && j->rs <= ms && me <= j->re)
    return j->rv == 2;
  const char *t = j->ctx->src->text;
  size_t ss = ms;
  while (ss > us && !S_sentence_end(t, ss - 1, ue))
    ss--;
  size_t se = me;
  while (se < ue && !S_sentence_end(t, se, ue))
    se++;
  j->rs = ss;
  j->re = se;
  j->rv = S_reported_span(j, ss, se) ? 2 : 1;
  return j->rv == 2;
}

/* Whether pattern p matches the unit [us, ue) outside its sentences that
 * report someone else's number: "Lists load within five seconds. Another
 * vendor's blog quoted a p99 of 80 ms." has no percentile of its own. */
static bool S_unit_matches(const judge *j, const pattern *p, size_t us,
                           size_t ue) {
  if (!S_params(j->rule)->nnot_ours)
    return S_matches(j->ctx, p, us, ue);
  const char *t = j->ctx->src->text;
  for (size_t ss = us; ss < ue;) {
    size_t se = ss;
    while (se < ue && !S_sentence_end(t, se, ue))
      se++;
    if (se < ue)
      se++; /* the sentence's own full stop */
    if (!S_reported_span(j, ss, se) && S_matches(j->ctx, p, ss, se))
      return true;
    ss = se;
  }
  return false;
}

static bool S_mention(void *arg, size_t ms, size_t me) {
  judge *j = arg;
  if (S_not_ours(j, ms))
    return true;
  size_t us, ue;
  S_unit(j->ctx, ms, &us, &ue);
  if (S_reported(j, us, ue, ms, me))
    return true; /* someone else's number: not judged */
  if (j->judged && us == j->last_us && ue == j->last_ue)
    return true; /* judged already, and not passed (or an alert, judged as
                    unseen): a long paragraph with many mentions is read
                    once, not once per mention */
  j->judged = true;
  j->last_us = us;
  j->last_ue = ue;
  int verdict = NO_NUMBER;
  if (S_unit_matches(j, &S_params(j->rule)->quantity, us, ue))
    verdict =
        !S_params(j->rule)->percentile.source ||
                S_unit_matches(j, &S_params(j->rule)->percentile, us, ue)
            ? PASSED
            : NO_PERCENTILE;
  if (verdict == PASSED && j->no_alerts &&
      S_alert_unit(j->ctx->src->text, us, ue))
    return true; /* not a target: judged as if unseen */
  if (verdict > j->best) {
    j->best = verdict;
    j->ms = ms;
    j->me = me;
    j->us = us;
    j->ue = ue;
  }
  return verdict != PASSED;
}

static bool S_mention_k(void *arg, size_t k, size_t ms, size_t me) {
  judge *j = arg;
  (void)k;
  return j->best != PASSED && S_mention(arg, ms, me);
}

/* The clause holding the mention: from the last sentence or list boundary
 * before it (within its line and unit) for at most QUOTE_MAX bytes, without
 * emphasis and code markup. Free with free(). */
static char *S_quote(const lint_ctx *ctx, size_t us, size_t ue, size_t ms) {
  const char *t = ctx->src->text;
  size_t ls, le;
  source_line_bounds(ctx->src, ms, &ls, &le);
  if (ls < us)
    ls = us;
  if (le > ue)
    le = ue;
  size_t from = ms;
  /* a boundary is punctuation followed by a space ("5.5 cores" is none) */
  while (from > ls && !(t[from - 1] && strchr(".;:!?", t[from - 1]) &&
                        (from >= le || t[from] == ' ' || t[from] == '\t')))
    from--;
  while (from < ms && strchr(" \t*-+>|:", t[from]))
    from++;
  if (ms - from > QUOTE_MAX / 2) {
    /* a long lead-in: keep the two words before the mention ("sub-10ms
     * latency" keeps what was judged) */
    size_t f = ms;
    for (int w = 0; w < 2 && f > from; w++) {
      while (f > from && (t[f - 1] == ' ' || t[f - 1] == '\t'))
        f--;
      while (f > from && t[f - 1] != ' ' && t[f - 1] != '\t')
        f--;
    }
    from = f;
  }
  if (le < from) /* a match that starts on a line ending */
    le = from;
  while (le > from && strchr(" \t|", t[le - 1]))
    le--;
  bool cut = le > from && le - from > QUOTE_MAX;
  if (cut) {
    le = from + QUOTE_MAX;
    while (le > from && ((unsigned char)t[le] & 0xC0) == 0x80)
      le--; /* do not split a UTF-8 sequence */
  }
  /* the words, not their Markdown: "**Latency**: `p99`" reads "Latency:
   * p99" */
  strbuf q = {0};
  strbuf_putc(&q, '"');
  for (size_t i = from; i < le; i++)
    if (t[i] != '*' && t[i] != '`')
      strbuf_putc(&q, t[i]);
  strbuf_puts(&q, cut ? "...\"" : "\"");
  return strbuf_take(&q);
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  size_t *ignored;
  size_t nignored = S_ignored_sections(ctx, rule, &ignored);
  judge j = {
      .ctx = ctx, .rule = rule, .ignored = ignored, .nignored = nignored};
  strbuf where = {0};
  ptrdiff_t first = -1;
  const pattern **pats =
      xcalloc(S_params(rule)->npatterns + 1, sizeof(pattern *));
  for (size_t p = 0; p < S_params(rule)->npatterns; p++)
    pats[p] = &S_params(rule)->patterns[p];
  for (size_t s = 0; s < ctx->pack->nsections && j.best != PASSED; s++) {
    ptrdiff_t d = ctx->cov->sections[s].section;
    if (d < 0 || !rule_in_scope(rule, s) || !rule->scope)
      continue;
    if (first < 0)
      first = d;
    strbuf_printf(&where, "%s%s", where.len ? ", " : "",
                  ctx->pack->sections[s].title);
    const section *sec = &ctx->ol->sections[d];
    /* every subject in one pass, their mentions judged subject by subject
     * as a scan per subject would */
    prose_each_many(ctx, pats, S_params(rule)->npatterns, sec->start, sec->end,
                    S_mention_k, &j);
  }
  if (first < 0) { /* no scope section present: the whole document */
    strbuf_puts(&where, "the document");
    prose_each_many(ctx, pats, S_params(rule)->npatterns, ctx->src->body_start,
                    ctx->src->len, S_mention_k, &j);
  } else if (j.best != PASSED) {
    /* A quantified target stated elsewhere ("Key decisions: p95 under 50
     * ms") still is one; only the diagnostic's place comes from the scope. */
    judge elsewhere = {.ctx = ctx,
                       .rule = rule,
                       .ignored = ignored,
                       .nignored = nignored,
                       .no_alerts = true};
    prose_each_many(ctx, pats, S_params(rule)->npatterns, ctx->src->body_start,
                    ctx->src->len, S_mention_k, &elsewhere);
    if (elsewhere.best == PASSED)
      j.best = PASSED;
  }
  free(pats);
  if (j.best != PASSED) {
    char *detail;
    size_t start, end;
    if (j.best == 0) {
      detail = xasprintf("no %s target in %s", S_params(rule)->target_name,
                         where.data);
      start = first >= 0 ? ctx->ol->sections[first].start : 0;
      end = first >= 0 ? ctx->ol->sections[first].body_start : 0;
    } else {
      char *q = S_quote(ctx, j.us, j.ue, j.ms);
      detail = xasprintf("%s target %s: %s", S_params(rule)->target_name,
                         j.best == NO_NUMBER ? "has no number and unit"
                                             : "has no percentile",
                         q);
      free(q);
      start = j.ms;
      end = j.me;
    }
    const char *vars[] = {"detail", detail, "target",
                          S_params(rule)->target_name, NULL};
    diag_emit(ctx, rule, start, end, NULL, vars);
    free(detail);
  }
  strbuf_free(&where);
  free(ignored);
}

static bool S_load(pack_loader *ld, const cJSON *rule_obj, const cJSON *params,
                   struct ddlint_rule *rule) {
  static const char *const f[] = {"name",       "subject",
                                  "quantity",   "percentile",
                                  "ignore_headings", "not_ours", NULL};
  json_src *js = pack_loader_json(ld);
  quantified_target_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  if (!params)
    return json_fail(js, rule_obj, false,
                     "rule \"%s\": quantified-target needs params", rule->id);
  if (!json_check_fields(js, params, "quantified-target params", f) ||
      !pack_read_string(ld, params, "name", true, "params", &p->target_name) ||
      !pack_read_patterns(ld, params, "subject", "params", &p->patterns,
                          &p->npatterns) ||
      !pack_read_strings(ld, params, "ignore_headings", "params",
                         &p->ignore_headings, &p->nignore_headings) ||
      !pack_read_patterns(ld, params, "not_ours", "params", &p->not_ours,
                          &p->nnot_ours))
    return false;
  if (!p->npatterns)
    return json_fail(js, params, false, "params need a \"subject\" pattern");
  for (size_t i = 0; i < p->nignore_headings; i++) {
    /* compared with normalised headings and labels */
    char *norm = title_normalize(p->ignore_headings[i]);
    free(p->ignore_headings[i]);
    p->ignore_headings[i] = norm;
    if (!*norm)
      return json_fail(
          js, cJSON_GetObjectItemCaseSensitive(params, "ignore_headings"),
          false, "\"ignore_headings\" must hold words, not punctuation");
  }
  const cJSON *q = cJSON_GetObjectItemCaseSensitive(params, "quantity");
  if (!cJSON_IsString(q))
    return json_fail(js, q ? q : params, false,
                     "params need a \"quantity\" pattern string");
  if (!pack_read_pattern(ld, q, q->valuestring, &p->quantity))
    return false;
  const cJSON *pc = cJSON_GetObjectItemCaseSensitive(params, "percentile");
  if (pc && !cJSON_IsString(pc))
    return json_fail(js, pc, false, "\"percentile\" must be a pattern string");
  return !pc || pack_read_pattern(ld, pc, pc->valuestring, &p->percentile);
}

static void S_free(void *params) {
  quantified_target_params *p = params;
  if (p) {
    free(p->target_name);
    pack_patterns_free(p->patterns, p->npatterns);
    pack_pattern_free(&p->quantity);
    pack_pattern_free(&p->percentile);
    pack_strings_free(p->ignore_headings, p->nignore_headings);
    pack_patterns_free(p->not_ours, p->nnot_ours);
  }
  free(p);
}

const rule_kind rule_kind_quantified_target = {
    .name = "quantified-target",
    .load = S_load,
    .free = S_free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
