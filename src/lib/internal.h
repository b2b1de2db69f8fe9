/* Every library-internal header, for the files that use most stages (the
 * command, the LSP server). A stage includes only the headers it needs:
 * util -> source -> md -> outline; pattern (the only one with pcre2.h),
 * jsonloc, pack -> match -> rules; document -> result; fix (ddlint.h). */
#ifndef DDLINT_INTERNAL_H
#define DDLINT_INTERNAL_H

#include "ddlint.h"

#include "document.h"
#include "fix.h"
#include "jsonloc.h"
#include "match.h"
#include "md.h"
#include "outline.h"
#include "pack.h"
#include "pattern.h"
#include "result.h"
#include "rules.h"
#include "source.h"
#include "title.h"
#include "util.h"

#endif
