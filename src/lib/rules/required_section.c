/* Rule kind required-section: every required template section in scope has a
 * matching heading. A near miss is reported at that heading with a "did you
 * mean" hint; otherwise at the place the template puts the section. */
#include "rules/kind.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Owned by the rule (free()). */
typedef struct {
  int section_state; /* params.state: 0 missing, 1 empty, 2 unheaded */
} required_section_params;

static const required_section_params *S_params(const struct ddlint_rule *rule) {
  return rule->params;
}

static const char S_explain[] =
    "Checks that each required template section in the rule's scope has a "
    "heading in the document. Headings are compared after normalisation: "
    "numbering (\"2.\", \"Step 3 -\"), emphasis, parentheticals and "
    "punctuation are ignored, and the pack's aliases are accepted. A heading "
    "that only nearly matches (a typo, or half the words) is not accepted: "
    "the diagnostic points at it with a \"did you mean\" hint. Otherwise it "
    "points where the template would put the section. With params.state "
    "\"empty\" the rule reports instead a required section whose heading "
    "has nothing under it but subheadings, comments, a few template bullets "
    "or placeholders; with \"unheaded\", a section that has no heading of "
    "its own but whose content a heading of another name covers (see "
    "docs/matching.md). A missing section whose terms the text mentions "
    "only in passing, one to a paragraph, is reported one step softer than "
    "the rule's severity (a warning where the rule is an error): it is "
    "missing to a reader, but ddlint is less sure than when there is no "
    "trace of it.";

/* Start of the heading of the first present section after s, or the start
 * of the document's last line. */
static size_t S_insertion_point(const lint_ctx *ctx, size_t s,
                                const char **before) {
  *before = NULL;
  for (size_t n = s + 1; n < ctx->pack->nsections; n++) {
    ptrdiff_t d = ctx->cov->sections[n].section;
    if (d >= 0 && !ctx->cov->sections[n].by_content) {
      const section *sec = &ctx->ol->sections[d];
      *before = ctx->md->blocks[sec->block].text;
      return sec->start;
    }
  }
  size_t start, end;
  source_line_bounds(ctx->src, ctx->src->len, &start, &end);
  return start;
}

/* detail (freed) with why section s is required in this document, when a
 * `required_if` made it so: "...; it is required here because the front
 * matter \"type\" is \"ml\"". */
static char *S_with_why(const lint_ctx *ctx, size_t s, char *detail) {
  const char *why = ctx->cov->required_why ? ctx->cov->required_why[s] : NULL;
  if (!why)
    return detail;
  char *d = xasprintf("%s; it is required here because %s", detail, why);
  free(detail);
  return d;
}

/* Reports section s at outline section d's heading, with detail (freed)
 * and why s is required; returns the diagnostic. */
static struct ddlint_diag *S_emit_at(lint_ctx *ctx,
                                     const struct ddlint_rule *rule, size_t s,
                                     const section *sec, char *detail) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  detail = S_with_why(ctx, s, detail);
  const char *vars[] = {"section", ts->title,
                        "heading", ctx->md->blocks[sec->block].text,
                        "detail",  detail,
                        NULL};
  diag_emit(ctx, rule, sec->start, sec->body_start, ts->title, vars);
  free(detail);
  return &ctx->diags[ctx->ndiags - 1];
}

/* params.state "empty": a required section whose headings hold nothing but
 * subheadings, comments, template bullets or placeholders. */
static void S_report_empty(lint_ctx *ctx, const struct ddlint_rule *rule,
                           size_t s) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  const section *sec = &ctx->ol->sections[ctx->cov->sections[s].section];
  const char *h = ctx->md->blocks[sec->block].text;
  char *detail;
  switch (ctx->cov->sections[s].empty_why) {
  case EMPTY_DENIED:
    detail = xasprintf("\"%s\" only says it is not there (out of scope, "
                       "none planned, another team's): plan \"%s\", or, if "
                       "it does not "
                       "apply, say so with <!-- ddlint-disable "
                       "required-section-empty -->",
                       h, ts->title);
    break;
  case EMPTY_HANDED:
    detail = xasprintf("\"%s\" only hands it to another team or document: "
                       "link where \"%s\" is written down, or say what "
                       "this design needs from it",
                       h, ts->title);
    break;
  case EMPTY_REUSED:
    detail = xasprintf("\"%s\" only points at what exists already (the "
                       "usual, the same as before): say what it is in this "
                       "design, or link where it is written down",
                       h);
    break;
  case EMPTY_SLOGAN:
    detail = xasprintf("\"%s\" names nothing measurable: a sentence of "
                       "hopes does not cover \"%s\"; name the metrics and "
                       "their targets",
                       h, ts->title);
    break;
  default:
    detail = xasprintf("\"%s\" has no content of its own: a heading, "
                       "template bullets or a placeholder do not cover "
                       "\"%s\"",
                       h, ts->title);
  }
  S_emit_at(ctx, rule, s, sec, detail);
}

/* Whether missing section s is one that the text mentions in passing and
 * that nothing else explains better (a near miss, a heading named like it,
 * a heading a malformed fence hid). */
static bool S_in_passing(const lint_ctx *ctx, size_t s) {
  const section_cov *sc = &ctx->cov->sections[s];
  size_t hidden_at;
  return sc->section < 0 && sc->passing >= 0 && sc->near < 0 &&
         sc->off_topic < 0 &&
         !fence_hides_heading(ctx, &ctx->pack->sections[s], &hidden_at);
}

/* A section mentioned only in passing: missing, said one step softer. */
static void S_report_passing(lint_ctx *ctx, const struct ddlint_rule *rule,
                             size_t s) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  const section *sec = &ctx->ol->sections[ctx->cov->sections[s].passing];
  const char *h = ctx->md->blocks[sec->block].text;
  unsigned items = ctx->cov->sections[s].passing_items;
  char *detail =
      items ? xasprintf("it is only mentioned in passing: %u of its terms "
                        "occur under \"%s\", which is little in a document "
                        "of %zu KB; write the section under a heading of "
                        "its own (\"%s\")",
                        items, h, ctx->src->len / 1024, ts->title)
            : xasprintf(
                  "it is only mentioned in passing: its terms occur under "
                  "\"%s\", one to a paragraph, but no paragraph says what "
                  "the design does about it; write the section under a "
                  "heading of its own (\"%s\")",
                  h, ts->title);
  struct ddlint_diag *d = S_emit_at(ctx, rule, s, sec, detail);
  d->softer = true;
  d->severity = diag_softer(d->severity);
}

/* params.state "unheaded": a section found by its content under a heading
 * of another name ("System Architecture is covered under 'Serving and
 * scaling'"). */
static void S_report_unheaded(lint_ctx *ctx, const struct ddlint_rule *rule,
                              size_t s) {
  const tmpl_section *ts = &ctx->pack->sections[s];
  const section *sec = &ctx->ol->sections[ctx->cov->sections[s].section];
  const char *h = ctx->md->blocks[sec->block].text;
  unsigned line = source_line_of(ctx->src, sec->start);
  const char *key = ctx->md->blocks[sec->block].key;
  const section_cov *sc = &ctx->cov->sections[s];
  char *detail =
      sc->label_at
          ? xasprintf("a %s on line %u names it; make it a heading "
                      "(\"## %s\") so that outlines and tables of contents "
                      "show it",
                      sc->label_row ? "table row" : "bold label",
                      source_line_of(ctx->src, sc->label_at), ts->title)
      : key && title_similarity(key, ts->key_title) >= 0.66
          ? xasprintf("did you mean \"%s\"? The heading \"%s\" is close to "
                      "it and its content covers it; rename it",
                      ts->title, h)
          : xasprintf("give it a heading of its own (\"%s\") so that "
                      "reviewers find it; its content is under \"%s\" "
                      "(line %u)",
                      ts->title, h, line);
  const char *vars[] = {"section", ts->title, "heading", h,
                        "detail",  detail,    NULL};
  if (sc->label_at) {
    size_t ls, le;
    source_line_bounds(ctx->src, sc->label_at, &ls, &le);
    diag_emit(ctx, rule, sc->label_at, le, ts->title, vars);
  } else {
    diag_emit(ctx, rule, sec->start, sec->body_start, ts->title, vars);
  }
  free(detail);
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  for (size_t s = 0; s < ctx->pack->nsections; s++) {
    const tmpl_section *ts = &ctx->pack->sections[s];
    const section_cov *sc = &ctx->cov->sections[s];
    if (!coverage_required(ctx->cov, ctx->pack, s) || !rule_in_scope(rule, s))
      continue;
    if (S_params(rule)->section_state == 1) {
      if (sc->section >= 0 && sc->empty && !sc->by_content)
        S_report_empty(ctx, rule, s);
      continue;
    }
    if (S_params(rule)->section_state == 2) {
      if (sc->section >= 0 && sc->by_content)
        S_report_unheaded(ctx, rule, s);
      continue;
    }
    if (sc->section >= 0)
      continue;
    if (S_in_passing(ctx, s)) {
      S_report_passing(ctx, rule, s);
      continue;
    }
    char *detail;
    size_t start, end;
    size_t hidden_at;
    if (fence_hides_heading(ctx, ts, &hidden_at)) {
      /* its heading is there, but a malformed fence turned it into code */
      unsigned line = source_line_of(ctx->src, hidden_at);
      detail = xasprintf("its heading is on line %u, inside a code block that "
                         "a malformed fence left open (see unclosed-code-fence"
                         "): close the block with a line holding only its "
                         "fence",
                         line);
      start = end = hidden_at;
    } else if (sc->off_topic >= 0 && sc->section < 0) {
      const section *sec = &ctx->ol->sections[sc->off_topic];
      const char *h = ctx->md->blocks[sec->block].text;
      detail = xasprintf("the heading \"%s\" is named like it, but nothing "
                         "under it is about %s; write the section there, or "
                         "rename the heading after what it holds",
                         h, ts->title);
      start = sec->start;
      end = sec->body_start;
    } else if (sc->near >= 0 && ts->parent >= 0 &&
               ctx->md->blocks[ctx->ol->sections[sc->near].block].key &&
               match_names_section(
                   ctx->md->blocks[ctx->ol->sections[sc->near].block].key,
                   ts)) {
      /* a nested section named exactly, outside its parent */
      const section *sec = &ctx->ol->sections[sc->near];
      ptrdiff_t ph = ctx->cov->sections[ts->parent].section;
      const char *pt = ph >= 0
                           ? ctx->md->blocks[ctx->ol->sections[ph].block].text
                           : ctx->pack->sections[ts->parent].title;
      detail = xasprintf("the heading \"%s\" is not under \"%s\": move it "
                         "there, one level below it",
                         ctx->md->blocks[sec->block].text, pt);
      start = sec->start;
      end = sec->body_start;
    } else if (sc->near >= 0) {
      const section *sec = &ctx->ol->sections[sc->near];
      const char *h = ctx->md->blocks[sec->block].text;
      detail = xasprintf("did you mean \"%s\"? The heading \"%s\" is close but "
                         "not accepted; rename it, or add it as an alias",
                         ts->title, h);
      start = sec->start;
      end = sec->body_start;
    } else {
      const char *before;
      start = end = S_insertion_point(ctx, s, &before);
      ptrdiff_t ph =
          ts->parent >= 0 ? ctx->cov->sections[ts->parent].section : -1;
      if (ph >= 0 && !ctx->cov->sections[ts->parent].by_content) {
        /* a nested section: under its parent's heading, at its end
         * unless a sibling that follows is there */
        const section *psec = &ctx->ol->sections[ph];
        if (!before || start < psec->body_start || start >= psec->end) {
          size_t ls, le;
          source_line_bounds(ctx->src,
                             psec->end > psec->body_start ? psec->end - 1
                                                          : psec->body_start,
                             &ls, &le);
          start = end = ls;
          before = NULL;
        }
        detail = before
                     ? xasprintf("add a \"%s\" section under \"%s\", "
                                 "before \"%s\"",
                                 ts->title, ctx->md->blocks[psec->block].text,
                                 before)
                     : xasprintf("add a \"%s\" section at the end of "
                                 "\"%s\", one level below it",
                                 ts->title, ctx->md->blocks[psec->block].text);
      } else if (before)
        detail =
            xasprintf("add a \"%s\" section before \"%s\"", ts->title, before);
      else
        detail = xasprintf("add a \"%s\" section at the end", ts->title);
    }
    detail = S_with_why(ctx, s, detail);
    const char *vars[] = {"section", ts->title, "detail", detail, NULL};
    diag_emit(ctx, rule, start, end, ts->title, vars);
    free(detail);
  }
}

int required_section_state(const struct ddlint_rule *rule) {
  return rule->kind_def == &rule_kind_required_section
             ? S_params(rule)->section_state
             : -1;
}

static bool S_load(pack_loader *ld, const cJSON *rule_obj, const cJSON *params,
                   struct ddlint_rule *rule) {
  static const char *const f[] = {"state", NULL};
  static const char *const states[] = {"missing", "empty", "unheaded", NULL};
  (void)rule_obj;
  json_src *js = pack_loader_json(ld);
  required_section_params *p = xcalloc(1, sizeof *p);
  rule->params = p;
  if (!params)
    return true;
  if (!json_check_fields(js, params, "required-section params", f))
    return false;
  const cJSON *st = cJSON_GetObjectItemCaseSensitive(params, "state");
  if (!st)
    return true;
  for (int i = 0; cJSON_IsString(st) && states[i]; i++)
    if (strcmp(st->valuestring, states[i]) == 0) {
      p->section_state = i;
      return true;
    }
  return json_fail(js, st, false,
                   "\"state\" must be \"missing\", \"empty\" or "
                   "\"unheaded\"");
}

const rule_kind rule_kind_required_section = {
    .name = "required-section",
    .load = S_load,
    .free = free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_EACH,
};
