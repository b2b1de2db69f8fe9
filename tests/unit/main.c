/* The unit test runner: runs every suite, prints each failed check as
 * "file:line: test: message" and a summary, and exits 0 only when every
 * check held. `unit_tests NAME` runs only the tests whose name contains NAME.
 * Tests run with RUN_BUG expose a known bug in src/ (described above each);
 * their failures are marked "KNOWN BUG" but still fail the run. */
#include "test.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static unsigned long S_checks, S_failures, S_tests, S_failed_tests,
    S_failed_bugs;
static const char *S_current = "(no test)";
static const char *S_filter;
static bool S_current_failed, S_current_bug;

bool t_check(bool ok, const char *file, int line, const char *fmt, ...) {
  S_checks++;
  if (ok)
    return true;
  S_failures++;
  S_current_failed = true;
  fprintf(stderr, "%s:%d: %s%s: ", file, line,
          S_current_bug ? "KNOWN BUG " : "", S_current);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return false;
}

void t_run(const char *name, void (*fn)(void), bool bug) {
  if (S_filter && !strstr(name, S_filter))
    return;
  S_current = name;
  S_current_failed = false;
  S_current_bug = bug;
  S_tests++;
  fn();
  if (S_current_failed) {
    S_failed_tests++;
    S_failed_bugs += bug;
  }
  S_current = "(no test)";
  S_current_bug = false;
}

int main(int argc, char **argv) {
  if (argc > 1)
    S_filter = argv[1];
  suite_source();
  suite_outline();
  suite_title();
  suite_pack();
  suite_rules();
  suite_match();
  suite_kinds();
  suite_chunk();
  suite_prose();
  suite_mentions();
  suite_document();
  suite_api();
  suite_util();
  printf("%lu tests, %lu checks, %lu failed checks in %lu tests (%lu of them "
         "known-bug tests)\n",
         S_tests, S_checks, S_failures, S_failed_tests, S_failed_bugs);
  fflush(stdout); /* before LeakSanitizer's exit-time report */
  return S_failures == 0 && S_tests > 0 ? 0 : 1;
}
