/* The rule kinds: what one kind is (rule_kind), the table the engine and the
 * pack loader use, and the readers a kind's parameter loader takes its
 * "params" with. A kind is one file in src/lib/rules/ plus one line in
 * src/lib/rules/kinds.def; it owns its parameters, their loading and freeing,
 * its check, its explain text and its phase. */
#ifndef DDLINT_RULES_KIND_H
#define DDLINT_RULES_KIND_H

#include "jsonloc.h"
#include "rules.h"

struct cJSON;

/* When the engine runs a kind's check: every phase calls it once per rule
 * of the kind whose required_if holds, in pack order. */
typedef enum {
  /* with the rules: may run on several threads for a large document, each
   * rule into its own context */
  RULE_PHASE_EACH,
  /* after every rule of RULE_PHASE_EACH, on one thread: sees their
   * findings and the match limits; its findings can still be suppressed */
  RULE_PHASE_AFTER_RULES,
  /* after the suppressions are applied (suppress.c): reports about the
   * suppression comments, which no comment suppresses */
  RULE_PHASE_AFTER_SUPPRESSIONS
} rule_phase;

/* The pack being loaded, as a kind's parameter loader sees it (pack.c). */
typedef struct pack_loader pack_loader;

typedef struct rule_kind {
  const char *name; /* as packs spell it: "required-section" */
  /* Reads the rule's "params" (NULL when the rule has none; rule_obj is
   * the rule's object, where a missing one is reported) into rule->params,
   * which rule_kind.free releases even after a failure. Returns false with
   * a located error in ld. Called once the rule's common fields are
   * loaded. NULL: the kind takes no parameters. */
  bool (*load)(pack_loader *ld, const struct cJSON *rule_obj,
               const struct cJSON *params, struct ddlint_rule *rule);
  /* Prepares the rule once the whole pack is loaded (`extends` applied,
   * prompts collected); NULL when there is nothing to prepare. */
  void (*ready)(const ddlint_pack *pk, struct ddlint_rule *rule);
  /* Frees rule->params (NULL allowed); NULL: nothing to free. */
  void (*free)(void *params);
  void (*check)(lint_ctx *ctx, const struct ddlint_rule *rule);
  const char *explain;
  rule_phase phase;
} rule_kind;

/* One declaration per line of kinds.def: rule_kind_required_section, ... */
#define RULE_KIND(file) extern const rule_kind rule_kind_##file;
#include "rules/kinds.def"
#undef RULE_KIND

/* engine.c: the table, in kinds.def order; NULL-terminated. */
extern const rule_kind *const rule_kinds[];
/* The kind named `name`, or NULL. */
const rule_kind *rule_kind_find(const char *name);

/* ---- pack.c: readers for parameter loaders. Each records the first
 * error, located at the JSON node, in the loader and returns false. ---- */
/* The JSON being loaded (for json_fail() and json_check_fields()). */
json_src *pack_loader_json(pack_loader *ld);
/* The pack loaded so far: its sections and topics are all there. */
const ddlint_pack *pack_loader_pack(const pack_loader *ld);
/* Optional (or required) string member; *out a new string, or NULL. */
bool pack_read_string(pack_loader *ld, const struct cJSON *obj, const char *key,
                      bool required, const char *what, char **out);
/* Optional true/false member; dflt when absent. */
bool pack_read_bool(pack_loader *ld, const struct cJSON *obj, const char *key,
                    const char *what, bool dflt, bool *out);
/* A string, or an array of strings, as a new vector (free with
 * pack_strings_free()); NULL and 0 when absent. */
bool pack_read_strings(pack_loader *ld, const struct cJSON *obj,
                       const char *key, const char *what, char ***out,
                       size_t *n);
void pack_strings_free(char **v, size_t n);
/* The patterns of member `key` (a string or an array of them), compiled;
 * *out is allocated even on failure (free each with pack_pattern_free(),
 * then the array). */
bool pack_read_patterns(pack_loader *ld, const struct cJSON *obj,
                        const char *key, const char *what, pattern **out,
                        size_t *n);
/* One pattern, with its error located at `at`. */
bool pack_read_pattern(pack_loader *ld, const struct cJSON *at,
                       const char *text, pattern *out);
/* Member `key`, an array of section ids, as pack section indices (free
 * with free()); NULL when absent. */
bool pack_read_scope(pack_loader *ld, const struct cJSON *obj, const char *key,
                     size_t **out, size_t *n);
/* Fails when params has any member: for kinds without parameters. */
bool pack_no_params(pack_loader *ld, const char *kind,
                    const struct cJSON *params);
/* pack.c: text compiled as a pack pattern with no error reported (false
 * when it does not compile); free with pack_pattern_free(). */
bool pack_pattern_compile_quiet(const char *text, pattern *out);
void pack_pattern_free(pattern *p);
/* Frees n patterns and the array (NULL allowed with 0). */
void pack_patterns_free(pattern *p, size_t n);

/* ---- What one kind asks of another's parameters. ---- */
/* rules/required_section.c: the state a required-section rule reports (0
 * missing, 1 empty, 2 unheaded); -1 for a rule of another kind. */
int required_section_state(const struct ddlint_rule *rule);
/* rules/placeholder.c: a placeholder rule's patterns (*n of them); NULL and
 * 0 for a rule of another kind. */
const pattern *placeholder_patterns(const struct ddlint_rule *rule, size_t *n);

#endif
