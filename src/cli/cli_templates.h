/* The command's template commands: `ddlint templates` (and --list-templates)
 * lists every pack a run can see, `ddlint template show NAME` prints one
 * pack's section tree and rules, and --explain's template part. */
#ifndef DDLINT_CLI_TEMPLATES_H
#define DDLINT_CLI_TEMPLATES_H

#include "ddlint.h"
#include "util.h"

/* `ddlint templates [--config FILE] [--no-config]` and `ddlint template
 * (list | show NAME|PATH)`; argv[0] is the subcommand. Returns the exit
 * status. */
int templates_main(int argc, char **argv);

/* For --explain: the template sections in the rule's scope with their
 * aliases, and the topics it checks with theirs, so that the explanation
 * needs no docs folder. Prints to stdout. */
void templates_explain_scope(const ddlint_pack *pk, const ddlint_rule *r);

#endif
