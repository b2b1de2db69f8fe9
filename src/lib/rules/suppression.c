/* Rule kind suppression (built into every pack): reports about the
 * suppression comments, once suppress.c has applied them. A rule's role
 * comes from its id: unknown-suppression or unused-suppression. */
#include "rules/kind.h"

#include <stdlib.h>
#include <string.h>

static const char S_explain[] =
    "Built into every pack. unknown-suppression reports a ddlint-disable, "
    "ddlint-enable, ddlint-disable-next-line, ddlint-disable-line or "
    "ddlint-disable-file comment that names a rule the pack does not have, "
    "and a comment that starts like a directive but is none "
    "(ddlint-disable-nextline, ddlint-disable-file: with a colon): a typo "
    "would silently suppress nothing. unused-suppression, reported only with "
    "--report-unused-suppressions, names a suppression comment that "
    "suppressed no finding, so stale ones can be removed.";

typedef enum { ROLE_NONE, ROLE_UNKNOWN, ROLE_UNUSED } suppression_role;

static bool S_load(pack_loader *ld, const struct cJSON *rule_obj,
                   const struct cJSON *params, struct ddlint_rule *rule) {
  (void)rule_obj;
  suppression_role *role = xmalloc(sizeof *role);
  *role = strcmp(rule->id, "unknown-suppression") == 0  ? ROLE_UNKNOWN
          : strcmp(rule->id, "unused-suppression") == 0 ? ROLE_UNUSED
                                                        : ROLE_NONE;
  rule->params = role;
  return pack_no_params(ld, rule->kind, params);
}

static void S_check(lint_ctx *ctx, const struct ddlint_rule *rule) {
  const suppression_role *role = rule->params;
  if (*role == ROLE_UNKNOWN)
    suppressions_report_unknown(ctx, rule);
  else if (*role == ROLE_UNUSED)
    suppressions_report_unused(ctx, rule);
}

const rule_kind rule_kind_suppression = {
    .name = "suppression",
    .load = S_load,
    .free = free,
    .check = S_check,
    .explain = S_explain,
    .phase = RULE_PHASE_AFTER_SUPPRESSIONS,
};
