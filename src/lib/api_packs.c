/* Public API: where packs come from (built in, installed) and what a loaded
 * pack holds, read-only, for clients such as the command's `template show`,
 * `init` and --explain; and the rules in no pack (a document's). Thin
 * accessors over pack.c's structs (internal.h). */
#include "result.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

size_t ddlint_builtin_pack_count(void) {
  size_t n = 0;
  while (embedded_packs[n].name)
    n++;
  return n;
}

const char *ddlint_builtin_pack_name(size_t i) {
  return embedded_packs[i].name;
}

int ddlint_builtin_pack_exists(const char *name) {
  for (const struct embedded_pack *e = embedded_packs; e->name; e++)
    if (strcmp(e->name, name) == 0)
      return 1;
  return 0;
}

const char *ddlint_pack_installed_dir(void) { return pack_installed_dir(); }

char *ddlint_pack_find_installed(const char *name) {
  return pack_find_installed(name);
}

int ddlint_pack_ref_is_path(const char *ref) { return pack_ref_is_path(ref); }

const char *ddlint_pack_description(const ddlint_pack *pack) {
  return pack->description;
}

int ddlint_pack_title_priority(const ddlint_pack *pack) {
  return pack->title_priority;
}

int ddlint_pack_record_parts(const ddlint_pack *pack) {
  return pack->record_parts;
}

size_t ddlint_pack_not_evidence_count(const ddlint_pack *pack) {
  return pack->nnot_evidence;
}

const char *ddlint_pack_not_evidence(const ddlint_pack *pack, size_t i) {
  return pack->not_evidence[i];
}

size_t ddlint_pack_section_count(const ddlint_pack *pack) {
  return pack->nsections;
}

const char *ddlint_pack_section_id(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].id;
}

const char *ddlint_pack_section_title(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].title;
}

const char *ddlint_pack_section_prompt(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].prompt;
}

int ddlint_pack_section_required(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].required;
}

double ddlint_pack_section_weight(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].weight;
}

ptrdiff_t ddlint_pack_section_parent(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].parent;
}

int ddlint_pack_section_depth(const ddlint_pack *pack, size_t s) {
  return pack_section_depth(pack, s);
}

size_t ddlint_pack_section_alias_count(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].naliases;
}

const char *ddlint_pack_section_alias(const ddlint_pack *pack, size_t s,
                                      size_t i) {
  return pack->sections[s].aliases[i];
}

size_t ddlint_pack_section_evidence_count(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].nevidence;
}

const char *ddlint_pack_section_evidence(const ddlint_pack *pack, size_t s,
                                         size_t i) {
  return pack->sections[s].evidence[i].source;
}

size_t ddlint_pack_section_condition_count(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].nrequired_if;
}

const char *ddlint_pack_section_condition(const ddlint_pack *pack, size_t s,
                                          size_t i) {
  return pack->sections[s].required_if[i].text;
}

size_t ddlint_pack_topic_count(const ddlint_pack *pack, size_t s) {
  return pack->sections[s].ntopics;
}

const char *ddlint_pack_topic_id(const ddlint_pack *pack, size_t s, size_t t) {
  return pack->sections[s].topics[t].id;
}

const char *ddlint_pack_topic_title(const ddlint_pack *pack, size_t s,
                                    size_t t) {
  return pack->sections[s].topics[t].title;
}

const char *ddlint_pack_topic_prompt(const ddlint_pack *pack, size_t s,
                                     size_t t) {
  return pack->sections[s].topics[t].prompt;
}

double ddlint_pack_topic_weight(const ddlint_pack *pack, size_t s, size_t t) {
  return pack->sections[s].topics[t].weight;
}

size_t ddlint_pack_topic_alias_count(const ddlint_pack *pack, size_t s,
                                     size_t t) {
  return pack->sections[s].topics[t].naliases;
}

const char *ddlint_pack_topic_alias(const ddlint_pack *pack, size_t s, size_t t,
                                    size_t i) {
  return pack->sections[s].topics[t].aliases[i];
}

size_t ddlint_pack_topic_pattern_count(const ddlint_pack *pack, size_t s,
                                       size_t t) {
  return pack->sections[s].topics[t].npatterns;
}

const char *ddlint_pack_topic_pattern(const ddlint_pack *pack, size_t s,
                                      size_t t, size_t i) {
  return pack->sections[s].topics[t].patterns[i].source;
}

int ddlint_pack_topic_pattern_is_local(const ddlint_pack *pack, size_t s,
                                       size_t t, size_t i) {
  return pack->sections[s].topics[t].patterns[i].local;
}

size_t ddlint_pack_topic_row_count(const ddlint_pack *pack, size_t s,
                                   size_t t, int unless) {
  const tmpl_topic *tt = &pack->sections[s].topics[t];
  return unless ? tt->nunless : tt->nrows;
}

const char *ddlint_pack_topic_row(const ddlint_pack *pack, size_t s, size_t t,
                                  int unless, size_t i) {
  const tmpl_topic *tt = &pack->sections[s].topics[t];
  return (unless ? tt->unless : tt->rows)[i].source;
}

const size_t *ddlint_rule_scope(const ddlint_rule *rule, size_t *n) {
  *n = rule->scope ? rule->nscope : 0;
  return rule->scope;
}

int ddlint_rule_in_scope(const ddlint_rule *rule, size_t s) {
  return rule_in_scope(rule, s);
}

size_t ddlint_rule_topic_count(const ddlint_rule *rule) {
  return rule->ntopic_ids;
}

const char *ddlint_rule_topic(const ddlint_rule *rule, size_t i) {
  return rule->topic_ids[i];
}

size_t ddlint_rule_condition_count(const ddlint_rule *rule) {
  return rule->nrequired_if;
}

const char *ddlint_rule_condition(const ddlint_rule *rule, size_t i) {
  return rule->required_if[i].text;
}

const ddlint_rule *ddlint_document_rule_find(const char *id) {
  return document_rule_find(id);
}

const ddlint_rule *ddlint_rule_find(const ddlint_pack *pack, const char *id) {
  return rule_find(pack, id);
}

size_t ddlint_pack_section_named_by(const ddlint_pack *pack, size_t s,
                                    const char *heading) {
  const tmpl_section *ts = &pack->sections[s];
  char *norm = title_normalize(heading);
  char *key = title_key(norm);
  size_t named = 0;
  if (strcmp(key, ts->key_title) == 0)
    named = 1;
  for (size_t a = 0; !named && a < ts->naliases; a++)
    if (strcmp(key, ts->alias_keys[a]) == 0)
      named = 2 + a;
  free(norm);
  free(key);
  return named;
}
