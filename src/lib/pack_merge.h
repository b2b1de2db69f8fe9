/* The pack stage's second half: how a child pack's sections merge into its
 * parent's (`extends`), and the checks a whole pack must pass once loaded
 * (message placeholders, names shared by two sections, rules naming topics
 * that a merge dropped). pack.c loads; this file combines and checks. */
#ifndef DDLINT_PACK_MERGE_H
#define DDLINT_PACK_MERGE_H

#include "jsonloc.h"
#include "pack.h"
#include "pattern.h"

struct cJSON;

/* pack.c: frees what a template section or topic owns and zeroes it. */
void pack_section_free(tmpl_section *sec);
void pack_topic_free(tmpl_topic *tp);
/* pack.c: compiles text as a pack pattern (caseless, a space matching any
 * whitespace), with a located error at `at`; free with pack_pattern_free(). */
bool pack_pattern_compile(json_src *js, const struct cJSON *at,
                          const char *text, pattern *out);
void pack_pattern_free(pattern *p);

/* condition.c: loads a `required_if` value v (a condition object, or an
 * array of them, any of which is enough) into *out and *n, resolving
 * section and topic ids in pk. Located errors. Free with conditions_free(). */
bool conditions_load(json_src *js, const struct cJSON *v, const ddlint_pack *pk,
                     condition **out, size_t *n);
void conditions_free(condition *c, size_t n);

/* Merges child, loaded from obj (a section object of the child pack that
 * restates a parent's id without "replace"), into parent, field by field:
 * a title, prompt, required or weight that obj gives replaces the parent's;
 * aliases and evidence are added to the parent's; topics merge by id the
 * same way (a topic with "replace": true replaces the parent's topic), new
 * ones are appended. Takes what child owns (child is left empty). Returns
 * false with a located error in js (a new topic without a title). */
bool pack_section_merge(json_src *js, const struct cJSON *obj,
                        tmpl_section *parent, tmpl_section *child);

/* Fails with an error located at the string node `at` when text (a rule's
 * message or help) uses a {placeholder} that no rule kind fills: "{sectoin}"
 * and the names it could have meant. Braces around anything but a word
 * ("{#id}", "{ x }") are text. */
bool pack_check_placeholders(json_src *js, const struct cJSON *at,
                             const char *text);

/* Fails when two sections of pk share a name (a title or an alias, compared
 * as headings are): a heading so named could only ever match the first. The
 * error is located at the name in `sections` (this file's JSON array, which
 * gave at least one of the two, since the parent passed this check). */
bool pack_check_names(json_src *js, const ddlint_pack *pk,
                      const struct cJSON *sections);

#endif
