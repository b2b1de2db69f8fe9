/* Shared by the libFuzzer harnesses: the checks every harness makes on a
 * lint result, and the rendering of a result through every reporter. */
#ifndef DDLINT_FUZZ_COMMON_H
#define DDLINT_FUZZ_COMMON_H

#include "ddlint.h"

#include <stddef.h>

/* A small document with every kind of block, front matter and suppression
 * comments, for the harnesses whose input is not the document. */
extern const char fuzz_document[];
extern const size_t fuzz_document_len;

/* Keeps a harness off the user's environment: stdin reads /dev/null (a pack
 * may `extends` "/dev/stdin") and DDLINT_PACK_PATH is emptied, so installed
 * packs do not change what a run does. Call from LLVMFuzzerInitialize. */
void fuzz_isolate(void);

/* The built-in default pack extended with the opt-in rule kinds (today
 * link-fragment), so that the harnesses that fuzz documents reach every
 * kind that reads a document's text. Exits when it cannot be loaded. */
ddlint_pack *fuzz_document_pack(const char *harness);

/* A load failure must give a non-NULL error "ORIGIN:...". */
void fuzz_check_error(const char *err, const char *origin, const char *what);

/* Prints "fuzz invariant violated: ..." and aborts, so libFuzzer saves the
 * input as a crash. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

/* Checks the documented contracts of a result of linting len bytes: score in
 * [0, 100], diagnostics sorted, 1-based positions, offsets within the text,
 * non-NULL strings, coverage lines in range. */
void fuzz_check_result(const ddlint_result *r, size_t len);

/* Renders r through every reporter named by report_names() into a memory
 * stream; the output of the JSON reporters must parse as JSON. `color`
 * selects coloured human output. */
void fuzz_render_all(const ddlint_pack *pack, const ddlint_result *r,
                     int color);

#endif
