/* Prints the rule-kind table (src/lib/rules/kinds.def) as "name phase" lines,
 * for tests/kinds.py, which compares it with rules/pack.schema.json. Exits
 * 1 when a kind has no check or no explain text. Not part of the CLI. */
#include "internal.h"
#include "rules/kind.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  static const char *const phases[] = {"each", "after-rules",
                                       "after-suppressions"};
  int rc = 0;
  for (const rule_kind *const *k = rule_kinds; *k; k++) {
    const rule_kind *kd = *k;
    printf("%s %s\n", kd->name, phases[kd->phase]);
    if (!kd->check || !kd->explain || strlen(kd->explain) < 40 ||
        ddlint_kind_explain(kd->name) != kd->explain) {
      fprintf(stderr, "kind_table: kind \"%s\" has no check or explain text\n",
              kd->name);
      rc = 1;
    }
    if (rule_kind_find(kd->name) != kd) {
      fprintf(stderr, "kind_table: kind \"%s\" is listed twice\n", kd->name);
      rc = 1;
    }
  }
  return rc;
}
