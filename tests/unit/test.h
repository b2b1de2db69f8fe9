/* A tiny test harness for the unit tests: CHECK-style macros that record the
 * file:line of each failure and keep going, plus the fixtures the suites
 * share (a parsed document, an inline pack, diagnostic lookup). No external
 * framework; main.c prints the summary and exits 0 only if every check held. */
#ifndef DDLINT_UNIT_TEST_H
#define DDLINT_UNIT_TEST_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* ---- the harness (main.c) ---- */

/* Records one check; on failure prints "file:line: test: message". Returns
 * ok so that a caller can stop before dereferencing what failed. */
bool t_check(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Runs one test function, naming it in failure reports; `bug` marks a test
 * that exposes a known bug in src/ (it fails until the bug is fixed). */
void t_run(const char *name, void (*fn)(void), bool bug);

#define RUN(fn) t_run(#fn, fn, false)
#define RUN_BUG(fn) t_run(#fn, fn, true)

#define CHECK(cond) t_check((cond) != 0, __FILE__, __LINE__, "CHECK(%s)", #cond)

#define CHECK_INT(got, want)                                                   \
  do {                                                                         \
    long long t_g_ = (long long)(got), t_w_ = (long long)(want);               \
    t_check(t_g_ == t_w_, __FILE__, __LINE__, "%s == %lld, expected %lld",     \
            #got, t_g_, t_w_);                                                 \
  } while (0)

#define CHECK_STR(got, want)                                                   \
  do {                                                                         \
    const char *t_g_ = (got), *t_w_ = (want);                                  \
    bool t_ok_ = (t_g_ == NULL || t_w_ == NULL) ? t_g_ == t_w_                 \
                                                : strcmp(t_g_, t_w_) == 0;     \
    t_check(t_ok_, __FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #got,  \
            t_g_ ? t_g_ : "(null)", t_w_ ? t_w_ : "(null)");                   \
  } while (0)

/* `got` contains the substring `want`. */
#define CHECK_HAS(got, want)                                                   \
  do {                                                                         \
    const char *t_g_ = (got), *t_w_ = (want);                                  \
    t_check(t_g_ && strstr(t_g_, t_w_) != NULL, __FILE__, __LINE__,            \
            "%s == \"%s\", expected it to contain \"%s\"", #got,               \
            t_g_ ? t_g_ : "(null)", t_w_);                                     \
  } while (0)

#define CHECK_DBL(got, want, eps)                                              \
  do {                                                                         \
    double t_g_ = (got), t_w_ = (want);                                        \
    t_check(t_g_ - t_w_ <= (eps) && t_w_ - t_g_ <= (eps), __FILE__, __LINE__,  \
            "%s == %g, expected %g", #got, t_g_, t_w_);                        \
  } while (0)

/* ---- fixtures (fixtures.c) ---- */

/* A document run through source -> md -> outline. Owns all three; free with
 * doc_close(). */
typedef struct {
  source src;
  md_blocks mb;
  outline ol;
} doc;

void doc_open(doc *d, const char *text);
void doc_close(doc *d);
/* 1-based line of byte offset off. */
unsigned doc_line(const doc *d, size_t off);
/* Heading text of section i. */
const char *doc_heading(const doc *d, size_t i);
/* Index of the first block whose label is `label`, or -1. */
ptrdiff_t doc_find_label(const doc *d, const char *label);
/* Index of the first block of this kind, or -1. */
ptrdiff_t doc_find_kind(const doc *d, block_kind kind);
/* Whether [start, end) lies inside one of the skip ranges. */
bool doc_skipped(const doc *d, size_t start, size_t end);
/* Offset of the first occurrence of needle in the document (SIZE_MAX if
 * absent). */
size_t doc_offset_of(const doc *d, const char *needle);

/* Loads an inline JSON pack; a load error fails the check at file:line and
 * returns NULL. Free with ddlint_pack_free(). */
ddlint_pack *pack_from_json(const char *json, const char *file, int line);
#define PACK(json) pack_from_json((json), __FILE__, __LINE__)

/* Loads json expecting failure; returns the error (caller frees), or NULL
 * when the pack loaded. */
char *pack_error(const char *json);

/* Lints a NUL-terminated Markdown string. Free with ddlint_result_free(). */
ddlint_result *lint_str(const ddlint_pack *pack, const char *md);

/* Number of diagnostics with this rule id. */
size_t diag_count_rule(const ddlint_result *r, const char *rule);
/* The nth (0-based) diagnostic with this rule id, or NULL. */
const ddlint_diag *diag_find(const ddlint_result *r, const char *rule,
                             size_t nth);
/* Index of the template section with this id in the coverage map. */
size_t cov_section(const ddlint_result *r, const char *id);

/* Checks one diagnostic's rule, start line, start column and message (a NULL
 * message is not checked). Prints every diagnostic of r on failure. */
void check_diag(const ddlint_result *r, const ddlint_diag *d, const char *rule,
                unsigned line, unsigned col, const char *message,
                const char *file, int at);
#define CHECK_DIAG(r, d, rule, line, col, msg)                                 \
  check_diag((r), (d), (rule), (line), (col), (msg), __FILE__, __LINE__)
/* Prints every diagnostic of r (to help read a failure). */
void dump_diags(const ddlint_result *r);

/* ---- the suites ---- */
void suite_source(void);
void suite_outline(void);
void suite_title(void);
void suite_pack(void);
void suite_rules(void);
void suite_match(void);
void suite_kinds(void);
void suite_chunk(void);
void suite_prose(void);
void suite_mentions(void);
void suite_document(void);
void suite_api(void);
void suite_util(void);

#endif
