/* The library's version at run time, from the header meson generates
 * (include/ddlint_version.h.in): a program can tell the library it runs
 * with from the headers it was built with. */
#include "ddlint.h"

const char *ddlint_version(void) { return DDLINT_VERSION; }
