/* ddlint: a linter and completeness checker for Markdown design documents.
 *
 * This header is the whole public API. Ownership rule: every object returned
 * by a *_new, *_load or ddlint_lint* function is owned by the caller and freed
 * with the matching *_free; every `const` pointer returned by an accessor is
 * borrowed from its parent object and valid until that object is freed.
 * Error strings returned through `char **err` are malloc'd; free them with
 * free(). Out of memory, the library prints one line on stderr and aborts.
 *
 * Threads: a loaded pack is immutable but for what it prepares on first use
 * (patterns compiled and JIT-compiled lazily, behind one process-wide lock;
 * a cache of literal passes and one of near-miss scores, each behind the
 * pack's own lock). So any number of threads may lint with one pack at once
 * (ddlint_lint_buffer(), ddlint_lint_buffer_opts(), ddlint_lint_document())
 * and read it through its const accessors; ddlint_pack_free() must not
 * overlap any use of the pack or of a result linted with it. Packs and
 * configs may be loaded on several threads at once. Every lint returns a new
 * result, owned by its caller: const accessors on one result may run
 * concurrently, but ddlint_result_set_rule_severity() and
 * ddlint_config_apply*() change it and need it alone. A config is immutable
 * once ddlint_config_set_parent() has been called (it changes the config).
 * The library registers cmark-gfm's core extensions once (pthread_once);
 * a program that uses cmark-gfm itself should not register extensions on
 * another thread while a pack loads or a lint runs. */
#ifndef DDLINT_H
#define DDLINT_H

#include <stddef.h>

#include "ddlint_version.h"

/** Marks the declarations of the public API: the library is built with
 * hidden symbol visibility, and only these (all named ddlint_*) are
 * exported. Define it before including this header to override it. */
#ifndef DDLINT_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define DDLINT_API __attribute__((visibility("default")))
#else
#define DDLINT_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Version string of the library linked, e.g. "0.1.0" (DDLINT_VERSION of
 * the headers it was built with). */
DDLINT_API const char *ddlint_version(void);

/** Version of the JSON report format (see docs/json-format.md). */
#define DDLINT_JSON_FORMAT_VERSION 2

/** Severity of a diagnostic. Ordered: a higher value is more severe. */
typedef enum {
  DDLINT_INFO = 0,    /**< informational; never fails a run by default */
  DDLINT_WARNING = 1, /**< should be fixed */
  DDLINT_ERROR = 2    /**< fails the run by default */
} ddlint_severity;

/** A loaded rule pack: a template (sections and topics) plus compiled rules. */
typedef struct ddlint_pack ddlint_pack;
/** One rule of a pack. Borrowed from its pack. */
typedef struct ddlint_rule ddlint_rule;
/** The outcome of linting one document: diagnostics, coverage and score. */
typedef struct ddlint_result ddlint_result;
/** One diagnostic. Borrowed from its result. */
typedef struct ddlint_diag ddlint_diag;

/** Name of the built-in default pack ("ml-system-design"). */
DDLINT_API const char *ddlint_default_pack_name(void);

/** Load a pack by reference: a path (it has a slash or ends in ".json"), or
 * a name, looked for as NAME.json in $DDLINT_PACK_PATH and the installed pack
 * folder, then among the built-in packs. Same error contract as
 * ddlint_pack_load_file(); follows `extends`. Free with ddlint_pack_free(). */
DDLINT_API ddlint_pack *ddlint_pack_load(const char *ref, char **err);

/** Load a pack compiled into the library, by name. Returns NULL and sets *err
 * when no such pack exists. Free with ddlint_pack_free(). */
DDLINT_API ddlint_pack *ddlint_pack_load_builtin(const char *name, char **err);

/** Load a pack from a JSON file. Returns NULL and sets *err to one
 * "path:line:col: message" line on any I/O, JSON, pattern or schema error.
 * Free with ddlint_pack_free(). */
DDLINT_API ddlint_pack *ddlint_pack_load_file(const char *path, char **err);

/** Load a pack from a JSON buffer of len bytes; `origin` names it in errors.
 * Same error contract as ddlint_pack_load_file(). */
DDLINT_API ddlint_pack *ddlint_pack_load_buffer(const char *json, size_t len,
                                                const char *origin, char **err);

/** Free a pack and all its rules. NULL is allowed. */
DDLINT_API void ddlint_pack_free(ddlint_pack *pack);

/** The pack's name field. */
DDLINT_API const char *ddlint_pack_name(const ddlint_pack *pack);
/** The pack's version field. */
DDLINT_API const char *ddlint_pack_version(const ddlint_pack *pack);
/** Number of rules in the pack. */
DDLINT_API size_t ddlint_pack_rule_count(const ddlint_pack *pack);
/** Rule i (0-based) of the pack, in pack order. */
DDLINT_API const ddlint_rule *ddlint_pack_rule(const ddlint_pack *pack,
                                               size_t i);
/** The rule with this id, or NULL. */
DDLINT_API const ddlint_rule *ddlint_pack_find_rule(const ddlint_pack *pack,
                                                    const char *id);

/** Stable rule id, e.g. "missing-section". */
DDLINT_API const char *ddlint_rule_id(const ddlint_rule *rule);
/** Rule kind, e.g. "required-section". */
DDLINT_API const char *ddlint_rule_kind(const ddlint_rule *rule);
/** Configured severity. */
DDLINT_API ddlint_severity ddlint_rule_severity(const ddlint_rule *rule);
/** One-line summary of what the rule reports. */
DDLINT_API const char *ddlint_rule_summary(const ddlint_rule *rule);
/** Help text shown under each diagnostic. */
DDLINT_API const char *ddlint_rule_help(const ddlint_rule *rule);
/** The pack's "help_uri" for the rule (a page about it), or NULL. */
DDLINT_API const char *ddlint_rule_help_uri(const ddlint_rule *rule);
/** Long explanation for --explain; never NULL for a loaded pack. */
DDLINT_API const char *ddlint_rule_explain(const ddlint_rule *rule);
/** Explanation of what a rule kind checks, or NULL for an unknown kind. */
DDLINT_API const char *ddlint_kind_explain(const char *kind);

/* ---- Packs: where they come from and what they hold (api_packs.c).
 * Every string returned below is borrowed from the pack (or is static for
 * the built-in names) and lives as long as it; indices are not checked. */

/** Number of packs compiled into the library. */
DDLINT_API size_t ddlint_builtin_pack_count(void);
/** Name of built-in pack i (0-based, in build order), e.g. "rfc". Static. */
DDLINT_API const char *ddlint_builtin_pack_name(size_t i);
/** Whether a pack of this name is compiled into the library. */
DDLINT_API int ddlint_builtin_pack_exists(const char *name);
/** The folder of installed packs (where `make install` puts them). Static. */
DDLINT_API const char *ddlint_pack_installed_dir(void);
/** The installed pack file for a name: NAME.json in the folders of
 * $DDLINT_PACK_PATH (colon-separated), then in the installed folder; NULL
 * when there is none. Free with free(). */
DDLINT_API char *ddlint_pack_find_installed(const char *name);
/** Whether a template reference is a path (it has a slash or ends in
 * ".json") rather than a name. */
DDLINT_API int ddlint_pack_ref_is_path(const char *ref);

/** The pack's description field, or NULL. */
DDLINT_API const char *ddlint_pack_description(const ddlint_pack *pack);
/** Whether the pack sets "title_priority" (a heading equal to a section's
 * title beats one equal to an alias at any level). */
DDLINT_API int ddlint_pack_title_priority(const ddlint_pack *pack);
/** Whether the pack sets "record_parts": a folder whose index links every
 * Markdown file in it, numbered records among them ("0001-use-x.md"), is
 * one document of those records (a design written as a decision log).
 * Without it each record is a document of its own, as an ADR pack wants. */
DDLINT_API int ddlint_pack_record_parts(const ddlint_pack *pack);
/** Number of "not_evidence" title phrases of the pack. */
DDLINT_API size_t ddlint_pack_not_evidence_count(const ddlint_pack *pack);
/** "not_evidence" title phrase i of the pack. */
DDLINT_API const char *ddlint_pack_not_evidence(const ddlint_pack *pack,
                                                size_t i);
/** Number of template sections of the pack (the coverage sections of a
 * result linted with it, in the same order). */
DDLINT_API size_t ddlint_pack_section_count(const ddlint_pack *pack);
/** Id of template section s. */
DDLINT_API const char *ddlint_pack_section_id(const ddlint_pack *pack,
                                              size_t s);
/** Title of template section s. */
DDLINT_API const char *ddlint_pack_section_title(const ddlint_pack *pack,
                                                 size_t s);
/** Prompt of template section s (what to write there), or NULL. */
DDLINT_API const char *ddlint_pack_section_prompt(const ddlint_pack *pack,
                                                  size_t s);
/** Whether template section s is marked "required". */
DDLINT_API int ddlint_pack_section_required(const ddlint_pack *pack, size_t s);
/** Weight of template section s in the score. */
DDLINT_API double ddlint_pack_section_weight(const ddlint_pack *pack,
                                             size_t s);
/** The section template section s nests in ("parent"), or -1 at the top
 * level. */
DDLINT_API ptrdiff_t ddlint_pack_section_parent(const ddlint_pack *pack,
                                                size_t s);
/** How many sections template section s nests in: 0 at the top level. */
DDLINT_API int ddlint_pack_section_depth(const ddlint_pack *pack, size_t s);
/** Number of aliases (normalised) of template section s. */
DDLINT_API size_t ddlint_pack_section_alias_count(const ddlint_pack *pack,
                                                  size_t s);
/** Alias i (normalised) of template section s. */
DDLINT_API const char *ddlint_pack_section_alias(const ddlint_pack *pack,
                                                 size_t s, size_t i);
/** Number of "evidence" patterns of template section s. */
DDLINT_API size_t ddlint_pack_section_evidence_count(const ddlint_pack *pack,
                                                     size_t s);
/** Text of "evidence" pattern i of template section s, as the pack wrote
 * it. */
DDLINT_API const char *ddlint_pack_section_evidence(const ddlint_pack *pack,
                                                    size_t s, size_t i);
/** Number of "required_if" conditions of template section s (any of which
 * makes it required in a document). */
DDLINT_API size_t ddlint_pack_section_condition_count(const ddlint_pack *pack,
                                                      size_t s);
/** Condition i of template section s, in words. */
DDLINT_API const char *ddlint_pack_section_condition(const ddlint_pack *pack,
                                                     size_t s, size_t i);
/** Number of topics of template section s. */
DDLINT_API size_t ddlint_pack_topic_count(const ddlint_pack *pack, size_t s);
/** Id of topic t of template section s. */
DDLINT_API const char *ddlint_pack_topic_id(const ddlint_pack *pack, size_t s,
                                            size_t t);
/** Title of topic t of template section s. */
DDLINT_API const char *ddlint_pack_topic_title(const ddlint_pack *pack,
                                               size_t s, size_t t);
/** Prompt of topic t of template section s, or NULL. */
DDLINT_API const char *ddlint_pack_topic_prompt(const ddlint_pack *pack,
                                                size_t s, size_t t);
/** Weight of topic t of template section s in the score. */
DDLINT_API double ddlint_pack_topic_weight(const ddlint_pack *pack, size_t s,
                                           size_t t);
/** Number of aliases (normalised) of topic t of template section s. */
DDLINT_API size_t ddlint_pack_topic_alias_count(const ddlint_pack *pack,
                                                size_t s, size_t t);
/** Alias i (normalised) of topic t of template section s. */
DDLINT_API const char *ddlint_pack_topic_alias(const ddlint_pack *pack,
                                               size_t s, size_t t, size_t i);
/** Number of patterns of topic t of template section s. */
DDLINT_API size_t ddlint_pack_topic_pattern_count(const ddlint_pack *pack,
                                                  size_t s, size_t t);
/** Text of pattern i of topic t of template section s, as the pack wrote
 * it. */
DDLINT_API const char *ddlint_pack_topic_pattern(const ddlint_pack *pack,
                                                 size_t s, size_t t, size_t i);
/** Whether pattern i of topic t of template section s is one of its
 * `local_patterns`: it covers the topic only inside its own section and is
 * no evidence of where the section is. */
DDLINT_API int ddlint_pack_topic_pattern_is_local(const ddlint_pack *pack,
                                                  size_t s, size_t t, size_t i);

/** Number of the `target_rows` patterns of topic t of template section s:
 * its `patterns` (unless 0) or its `unless` (unless 1). */
DDLINT_API size_t ddlint_pack_topic_row_count(const ddlint_pack *pack,
                                              size_t s, size_t t, int unless);
/** Text of pattern i of those, as the pack wrote it. */
DDLINT_API const char *ddlint_pack_topic_row(const ddlint_pack *pack, size_t s,
                                             size_t t, int unless, size_t i);

/** Which name of template section s a heading's text is, compared as the
 * matcher compares them (normalised, stemmed words): 1 for the section's
 * title, 2 + i for its alias i, 0 for neither. */
DDLINT_API size_t ddlint_pack_section_named_by(const ddlint_pack *pack,
                                               size_t s, const char *heading);

/** The template sections a rule is scoped to: indices into the pack's
 * sections, *n of them; NULL (and *n 0) when it applies to every section.
 * Borrowed from the rule. */
DDLINT_API const size_t *ddlint_rule_scope(const ddlint_rule *rule,
                                           size_t *n);
/** Whether template section s is in the rule's scope. */
DDLINT_API int ddlint_rule_in_scope(const ddlint_rule *rule, size_t s);
/** Number of topic ids a required-topic rule lists ("params.topics"); 0
 * when it lists none. */
DDLINT_API size_t ddlint_rule_topic_count(const ddlint_rule *rule);
/** Topic id i a required-topic rule lists. */
DDLINT_API const char *ddlint_rule_topic(const ddlint_rule *rule, size_t i);
/** Number of "required_if" conditions of a rule (it runs when any
 * holds); 0 when it always runs. */
DDLINT_API size_t ddlint_rule_condition_count(const ddlint_rule *rule);
/** Condition i of a rule, in words. */
DDLINT_API const char *ddlint_rule_condition(const ddlint_rule *rule,
                                             size_t i);

/** The built-in rule of a document of several files with this id
 * ("missing-part", "shared-part"), in no pack; or NULL. Static. */
DDLINT_API const ddlint_rule *ddlint_document_rule_find(const char *id);
/** The rule a finding, a suppression or a config setting may name: the
 * pack's rule with this id, else a document's built-in one, else NULL.
 * Borrowed from the pack (or static). */
DDLINT_API const ddlint_rule *ddlint_rule_find(const ddlint_pack *pack,
                                               const char *id);

/** Lint one document held in memory. `path` is only used in reports and may
 * be "-". Never fails on bad bytes: invalid input yields diagnostics. The
 * result borrows the pack (rule ids, titles): the pack must outlive every
 * result linted with it. Documents over 256 MiB are better refused by the
 * caller (cmark-gfm aborts on a block over 1 GiB). Free the result with
 * ddlint_result_free(). */
DDLINT_API ddlint_result *ddlint_lint_buffer(const ddlint_pack *pack,
                                             const char *path, const char *buf,
                                             size_t len);

/** Options of a lint. Zero-initialise, then set what you need. */
typedef struct {
  /** Report suppression comments that suppressed nothing
   * (rule unused-suppression). */
  int report_unused_suppressions;
  /** Threads that may parse one large document (over 512 KiB) in pieces;
   * 0 or 1: the calling thread alone. The result does not depend on it. */
  int threads;
  /** Reserved, so that options added later keep the struct's size: leave
   * zero (zero-initialising the struct does). */
  void *reserved[6];
} ddlint_options;

/** ddlint_lint_buffer() with options; opts may be NULL. */
DDLINT_API ddlint_result *ddlint_lint_buffer_opts(const ddlint_pack *pack,
                                                  const char *path,
                                                  const char *buf, size_t len,
                                                  const ddlint_options *opts);

/** ddlint_lint_buffer_opts() on text that the result takes over, so that a
 * large document is not copied: text holds len bytes plus a NUL and comes
 * from malloc(); the result frees it (ddlint_result_free()). The caller
 * must not use text after the call. */
DDLINT_API ddlint_result *ddlint_lint_owned_buffer(const ddlint_pack *pack,
                                                   const char *path,
                                                   char *text, size_t len,
                                                   const ddlint_options *opts);

/** One part (a file) of a document made of several files. The caller reads
 * the files; the library borrows every pointer for the length of the call. */
typedef struct {
  /** The path reported for the part's findings. */
  const char *path;
  /** Its bytes, or NULL when it could not be read (then `error` says why:
   * the part is reported as missing and the other parts are linted). */
  const char *text;
  /** Length of text in bytes. */
  size_t len;
  /** Why text is NULL, e.g. "No such file or directory"; else NULL. */
  const char *error;
  /** Where the part is named (a link in the index): the index of that part
   * in the array and a byte offset in it; named_in = (size_t)-1 when the
   * part was not named by another part. */
  size_t named_in, named_at;
  /** The name of an earlier document this file is a part of, or NULL: the
   * part is then left out here, and a shared-part warning names it. */
  const char *owner;
} ddlint_part;

/** Lint a document made of parts, in order, as one document: the parts'
 * headings make one section tree, matched against the template once, and
 * every finding keeps the file, line and column of its evidence. `name`
 * names the document (its folder). When `has_index` is set, parts[0] is the
 * index and a single H1 opening it is the document's title; no other H1 is
 * a title. The result borrows the pack. Free with ddlint_result_free(). */
DDLINT_API ddlint_result *ddlint_lint_document(const ddlint_pack *pack,
                                               const char *name,
                                               const ddlint_part *parts,
                                               size_t nparts, int has_index,
                                               const ddlint_options *opts);

/** Number of parts of a document result; 0 for a result of one file. */
DDLINT_API size_t ddlint_result_part_count(const ddlint_result *result);
/** Path of part i of a document result. */
DDLINT_API const char *ddlint_result_part_path(const ddlint_result *result,
                                               size_t i);
/** Whether part i of a document result could be read. */
DDLINT_API int ddlint_result_part_readable(const ddlint_result *result,
                                           size_t i);
/** The part of a document result that holds byte offset `offset` of the
 * joined text (the gap after a part belongs to it; unreadable parts hold
 * none), and in *part_offset (when not NULL) the offset within that part's
 * own text. 0 for a result of one file. */
DDLINT_API size_t ddlint_result_part_of(const ddlint_result *result,
                                        size_t offset, size_t *part_offset);
/** The text of part i of a document result as linted, its length in *len;
 * empty when the part could not be read. Borrowed from the result. */
DDLINT_API const char *ddlint_result_part_text(const ddlint_result *result,
                                               size_t i, size_t *len);
/** 1-based byte columns of a diagnostic's start and (exclusive) end within
 * their lines, for editors that count bytes (Vim, Neovim); the columns of
 * ddlint_diag_start() and ddlint_diag_end() count code points. */
DDLINT_API void ddlint_diag_byte_columns(const ddlint_result *result,
                                         const ddlint_diag *diag,
                                         unsigned *start, unsigned *end);
/** Line `line` (1-based) of the file a diagnostic is in, without its line
 * ending, and its length in *len; NULL when out of range or unreadable. */
DDLINT_API const char *ddlint_result_diag_line(const ddlint_result *result,
                                               const ddlint_diag *diag,
                                               size_t *len);
/** The file a diagnostic is in: a part's path for a document, else the
 * result's path. */
DDLINT_API const char *ddlint_diag_file(const ddlint_diag *diag);
/** The file the heading of coverage section s is in, or NULL when missing. */
DDLINT_API const char *ddlint_coverage_section_file(const ddlint_result *result,
                                                    size_t s);
/** The file the evidence of topic t is in, or NULL when missing. */
DDLINT_API const char *ddlint_coverage_topic_file(const ddlint_result *result,
                                                  size_t s, size_t t);
/** Change the severity of every diagnostic of rule `rule` in the result, or
 * drop them when `severity` is negative ("off"). For configuration files. */
DDLINT_API void ddlint_result_set_rule_severity(ddlint_result *result,
                                                const char *rule, int severity);

/** Whether the heading that matched coverage section s is a bold run-in
 * label opening a paragraph ("**Data.** Three years of ..."), as in a
 * memo with no heading: 1 or 0. */
DDLINT_API int ddlint_result_section_run_in(const ddlint_result *result,
                                            size_t s);
/** Whether the heading that matched coverage section s is a bold line
 * over a part of a section ("**Data**" alone on its line, one of two or
 * more under "## Design"), read as a heading one level below: 1 or 0. */
DDLINT_API int ddlint_result_section_bold_line(const ddlint_result *result,
                                               size_t s);
/** Level (1 to 6) of the heading that matched coverage section s, or 0
 * when no heading names it. */
DDLINT_API int ddlint_result_section_level(const ddlint_result *result,
                                           size_t s);
/** Where coverage section s is: its heading's start and the end of its
 * span, as byte offsets into the linted text (a document's joined text).
 * Returns 0, leaving the out pointers alone, when the section is missing
 * (ddlint_coverage_section_state() NULL and no heading level). */
DDLINT_API int ddlint_result_section_span(const ddlint_result *result,
                                          size_t s, size_t *start,
                                          size_t *end);
/** The heading that nearly names missing required section s ("Sucess
 * Metrix"), which a fix renames: its start and its section's end as byte
 * offsets, and its level. Returns 0 when there is none. Any out pointer may
 * be NULL. */
DDLINT_API int ddlint_result_section_near(const ddlint_result *result,
                                          size_t s, size_t *start,
                                          size_t *end, int *level);
/** Where the heading of missing required section s lies hidden: inside a
 * code block that a malformed fence left open (rule unclosed-code-fence),
 * so that the section is missing although its heading is written. Returns
 * 1 and the byte offset of the heading's line in *offset (when not NULL);
 * 0 when no such heading names s, or s is not a missing required section.
 * A fix adds no second heading for such a section. */
DDLINT_API int ddlint_result_section_hidden(const ddlint_result *result,
                                            size_t s, size_t *offset);
/** The text the result was linted from, its length in *len: the bytes
 * given, or for a document of several files its parts joined (each
 * followed by a blank line). The byte offsets of the other accessors
 * (sections, code blocks, lines) index it. Borrowed from the result. */
DDLINT_API const char *ddlint_result_text(const ddlint_result *result,
                                          size_t *len);
/** The line of the linted text that holds byte offset `offset`: its first
 * byte in *start and the end of its text, before the line ending (\n,
 * \r\n or \r), in *end. An offset past the end counts as the end, and a
 * final line ending opens no new line. Any out pointer may be NULL. */
DDLINT_API void ddlint_result_line_bounds(const ddlint_result *result,
                                          size_t offset, size_t *start,
                                          size_t *end);
/** Number of code blocks (fenced or indented) in the linted text. */
DDLINT_API size_t ddlint_result_code_block_count(const ddlint_result *result);
/** Code block i, in document order: in *start the byte offset of its first
 * line (the opening fence's line), in *end the offset where it ends
 * (exclusive), or (size_t)-1 for a fenced block that no fence closes, which
 * runs to the end of the text. Any out pointer may be NULL. */
DDLINT_API void ddlint_result_code_block_span(const ddlint_result *result,
                                              size_t i, size_t *start,
                                              size_t *end);

/** The edits that complete a document: a heading and prompt for each
 * missing required section, in its template place, or the rename of the
 * heading that nearly names it (`ddlint fix`). */
typedef struct ddlint_fix ddlint_fix;
/** Plan the edits for a result: for a document of several files, each edit
 * is in the part that holds its place. Edits are sorted by part, then by
 * offset. Free with ddlint_fix_free(). */
DDLINT_API ddlint_fix *ddlint_fix_plan(const ddlint_result *result);
/** Number of edits of a plan. */
DDLINT_API size_t ddlint_fix_count(const ddlint_fix *fix);
/** Edit i of a plan: in part *part (0 for a single file), `deleted` bytes
 * at byte offset *offset of that part's own text are replaced with *text (a
 * rename; 0 deleted for an insertion). *section is the template section it
 * adds or renames, *order its place in the plan of the document as one
 * text. *text is borrowed from the plan. Any out pointer may be NULL. */
DDLINT_API void ddlint_fix_edit(const ddlint_fix *fix, size_t i, size_t *part,
                                size_t *offset, size_t *deleted,
                                const char **text, size_t *section,
                                size_t *order);
/** buf (len bytes) with edits [first, first + n) of the plan applied: they
 * must be in one part, and buf that part's text. Returns a new string of
 * *out_len bytes plus a NUL; free with free(). */
DDLINT_API char *ddlint_fix_apply(const ddlint_fix *fix, size_t first,
                                  size_t n, const char *buf, size_t len,
                                  size_t *out_len);
/** Free a plan. NULL is allowed. */
DDLINT_API void ddlint_fix_free(ddlint_fix *fix);

/** Free a result. NULL is allowed. */
DDLINT_API void ddlint_result_free(ddlint_result *result);

/** The pack the result was linted with. */
DDLINT_API const ddlint_pack *ddlint_result_pack(const ddlint_result *result);
/** The path given to ddlint_lint_buffer(). */
DDLINT_API const char *ddlint_result_path(const ddlint_result *result);
/** Why the document was not linted, or NULL. It is then reported as an
 * empty document would be; today the one reason is a parse that needs more
 * memory than ddlint allows (dense tables, lists, headings or markup). */
DDLINT_API const char *ddlint_result_error(const ddlint_result *result);
/** Number of diagnostics, sorted by start position, then in the order the
 * rules ran (pack order). */
DDLINT_API size_t ddlint_result_diag_count(const ddlint_result *result);
/** Diagnostic i (0-based). */
DDLINT_API const ddlint_diag *ddlint_result_diag(const ddlint_result *result,
                                                 size_t i);
/** Completeness score in [0, 100]: the weighted share of template sections
 * and topics found. */
DDLINT_API double ddlint_result_score(const ddlint_result *result);
/** Number of diagnostics of exactly this severity. */
DDLINT_API size_t ddlint_result_count(const ddlint_result *result,
                                      ddlint_severity sev);
/** Line `line` (1-based) of the linted source, without its line ending, and
 * its length in *len; NULL when out of range. For a document of several
 * files that source is the parts joined: use ddlint_result_diag_line() for
 * the line of a diagnostic. */
DDLINT_API const char *ddlint_result_line(const ddlint_result *result,
                                          unsigned line, size_t *len);

/** Number of template sections in the coverage map (pack order). The
 * coverage accessors below take indices below this count (and below
 * ddlint_coverage_topic_count() for topics); they do not check them. */
DDLINT_API size_t ddlint_result_section_count(const ddlint_result *result);
/** Id of coverage section s. */
DDLINT_API const char *ddlint_coverage_section_id(const ddlint_result *result,
                                                  size_t s);
/** Template title of coverage section s. */
DDLINT_API const char *
ddlint_coverage_section_title(const ddlint_result *result, size_t s);
/** 1-based line of the heading that matched section s, or 0 when missing. */
DDLINT_API unsigned ddlint_coverage_section_line(const ddlint_result *result,
                                                 size_t s);
/** How section s was found: "heading" (a heading names it and has content),
 * "content" (no heading names it; the heading given by
 * ddlint_coverage_section_heading() covers it), "empty" (a heading names it
 * but holds nothing), or NULL when missing. Only "heading" and "content"
 * count toward the score. */
DDLINT_API const char *
ddlint_coverage_section_state(const ddlint_result *result, size_t s);
/** Text of the heading that matched section s, or NULL when missing. */
DDLINT_API const char *
ddlint_coverage_section_heading(const ddlint_result *result, size_t s);
/** Whether the pack marks section s required. */
DDLINT_API int ddlint_coverage_section_required(const ddlint_result *result,
                                                size_t s);
/** Weight of section s in the score. */
DDLINT_API double ddlint_coverage_section_weight(const ddlint_result *result,
                                                 size_t s);
/** Number of topics under section s. */
DDLINT_API size_t ddlint_coverage_topic_count(const ddlint_result *result,
                                              size_t s);
/** Id of topic t of section s. */
DDLINT_API const char *ddlint_coverage_topic_id(const ddlint_result *result,
                                                size_t s, size_t t);
/** Title of topic t of section s. */
DDLINT_API const char *ddlint_coverage_topic_title(const ddlint_result *result,
                                                   size_t s, size_t t);
/** 1-based line of the evidence for topic t, or 0 when missing. */
DDLINT_API unsigned ddlint_coverage_topic_line(const ddlint_result *result,
                                               size_t s, size_t t);
/** How topic t was found: "heading", "label", "text", or NULL if missing. */
DDLINT_API const char *ddlint_coverage_topic_via(const ddlint_result *result,
                                                 size_t s, size_t t);
/** Weight of topic t in the score. */
DDLINT_API double ddlint_coverage_topic_weight(const ddlint_result *result,
                                               size_t s, size_t t);

/** Rule id of the diagnostic. */
DDLINT_API const char *ddlint_diag_rule(const ddlint_diag *diag);
/** Severity of the diagnostic. */
DDLINT_API ddlint_severity ddlint_diag_severity(const ddlint_diag *diag);
/** Message, with the rule's placeholders filled in. */
DDLINT_API const char *ddlint_diag_message(const ddlint_diag *diag);
/** Help line (may be empty, never NULL). */
DDLINT_API const char *ddlint_diag_help(const ddlint_diag *diag);
/** Section path, e.g. "Success Metrics > Online Metrics" (may be empty). */
DDLINT_API const char *ddlint_diag_section(const ddlint_diag *diag);
/** Start (line, column: 1-based; column in Unicode code points; offset:
 * 0-based byte offset) of the diagnostic. Any out pointer may be NULL. */
DDLINT_API void ddlint_diag_start(const ddlint_diag *diag, unsigned *line,
                                  unsigned *column, size_t *offset);
/** End of the diagnostic (exclusive column and offset). Any out pointer may
 * be NULL. */
DDLINT_API void ddlint_diag_end(const ddlint_diag *diag, unsigned *line,
                                unsigned *column, size_t *offset);

/** The headings of a Markdown text and the spans they govern, as the
 * linter sees them (for an editor's document outline). */
typedef struct ddlint_outline ddlint_outline;
/** Parse buf (len bytes; `path` names it) into its headings. The outline
 * copies what it needs. Free with ddlint_outline_free(). */
DDLINT_API ddlint_outline *ddlint_outline_parse(const char *path,
                                                const char *buf, size_t len);
/** Number of headings, in document order. */
DDLINT_API size_t ddlint_outline_count(const ddlint_outline *outline);
/** Plain text of heading i (may be empty), borrowed from the outline. */
DDLINT_API const char *ddlint_outline_text(const ddlint_outline *outline,
                                           size_t i);
/** Byte offsets of heading i: its start, the end of its line (without the
 * line ending), and the end of its section (the next heading of the same
 * or a higher level). Any out pointer may be NULL. */
DDLINT_API void ddlint_outline_span(const ddlint_outline *outline, size_t i,
                                    size_t *start, size_t *line_end,
                                    size_t *end);
/** The heading heading i nests under, or -1 at the top. */
DDLINT_API ptrdiff_t ddlint_outline_parent(const ddlint_outline *outline,
                                           size_t i);
/** Free an outline. NULL is allowed. */
DDLINT_API void ddlint_outline_free(ddlint_outline *outline);

/** A configuration file (.ddlint.json): template, rule severities, per-glob
 * overrides and ignored files (docs/config.md). */
typedef struct ddlint_config ddlint_config;

/** Load a config from a JSON buffer; `origin` is its path (globs and pack
 * paths are relative to its folder) and names it in errors, which are one
 * "path:line:col: message" line in *err. Free with ddlint_config_free(). */
DDLINT_API ddlint_config *ddlint_config_load_buffer(const char *json,
                                                    size_t len,
                                                    const char *origin,
                                                    char **err);
/** Load a config file. Same error contract. */
DDLINT_API ddlint_config *ddlint_config_load_file(const char *path, char **err);
/** Free a config. NULL is allowed. */
DDLINT_API void ddlint_config_free(ddlint_config *cfg);
/** The path the config was loaded from. */
DDLINT_API const char *ddlint_config_path(const ddlint_config *cfg);
/** Whether the config's "documents" globs name folder dir: a folder linted
 * as one document made of its parts (docs/documents.md). */
DDLINT_API int ddlint_config_is_document(const ddlint_config *cfg,
                                         const char *dir);
/** Merge cfg over `parent` (borrowed; it must outlive cfg, and its own
 * parents must not lead back to cfg): the next config above cfg's folder.
 * Every query below then answers for the cascade from cfg outwards
 * (docs/config.md); a loaded config has none. */
DDLINT_API void ddlint_config_set_parent(ddlint_config *cfg,
                                         const ddlint_config *parent);
/** The config cfg is merged over, or NULL. */
DDLINT_API const ddlint_config *ddlint_config_parent(const ddlint_config *cfg);
/** Whether the config says "root": true (no config above it applies). */
DDLINT_API int ddlint_config_is_root(const ddlint_config *cfg);
/** Whether an "ignore" glob of the cascade matches file. */
DDLINT_API int ddlint_config_ignores(const ddlint_config *cfg,
                                     const char *file);
/** The config and glob that ignore file ("path: \"glob\""), or NULL. Free
 * with free(). */
DDLINT_API char *ddlint_config_ignore_origin(const ddlint_config *cfg,
                                             const char *file);
/** The template reference for file from the nearest config of the cascade
 * that names one (its last matching override's, else its top-level one),
 * with a relative pack path made relative to that config's folder; NULL
 * when none names one. Free with free(). */
DDLINT_API char *ddlint_config_template(const ddlint_config *cfg,
                                        const char *file);
/** As ddlint_config_template(); *origin (when not NULL) becomes where the
 * template is named, "path:line:col", or NULL. Free both with free(). */
DDLINT_API char *ddlint_config_template_origin(const ddlint_config *cfg,
                                               const char *file, char **origin);
/** A rule setting for ddlint_config_each_rule(): severity as ddlint_severity,
 * or -1 for "off"; where it is written. */
typedef void (*ddlint_config_rule_fn)(void *userdata, const char *rule,
                                      int severity, const char *config_path,
                                      unsigned line, unsigned column);
/** Calls fn once for each rule the cascade sets for file, with the setting
 * that wins, in the order the rules are first named (outermost config
 * first). */
DDLINT_API void ddlint_config_each_rule(const ddlint_config *cfg,
                                        const char *file,
                                        ddlint_config_rule_fn fn,
                                        void *userdata);
/** Apply the cascade's rule settings for file to a result linted with pack:
 * severities changed, rules set to "off" dropped. A setting naming a rule the
 * pack lacks is passed to warn (when not NULL) as a located message. */
DDLINT_API void ddlint_config_apply(const ddlint_config *cfg, const char *file,
                                    const ddlint_pack *pack,
                                    ddlint_result *result,
                                    void (*warn)(const char *message));
/** Apply the config's rule settings for `file` to those diagnostics of the
 * result that are in `file` (a part of a document): configs apply per
 * file. Otherwise as ddlint_config_apply(). */
DDLINT_API void ddlint_config_apply_file(const ddlint_config *cfg,
                                         const char *file,
                                         const ddlint_pack *pack,
                                         ddlint_result *result,
                                         void (*warn)(const char *message));

/** A warning from the library, with the caller's user data: one located
 * message, borrowed for the length of the call. */
typedef void (*ddlint_warn_fn)(void *userdata, const char *message);
/** ddlint_config_apply() whose warn callback gets userdata (so that a
 * caller linting on several threads needs no global to know which lint a
 * warning is about). warn may be NULL. */
DDLINT_API void ddlint_config_apply_ud(const ddlint_config *cfg,
                                       const char *file,
                                       const ddlint_pack *pack,
                                       ddlint_result *result,
                                       ddlint_warn_fn warn, void *userdata);
/** ddlint_config_apply_file() whose warn callback gets userdata. */
DDLINT_API void ddlint_config_apply_file_ud(const ddlint_config *cfg,
                                            const char *file,
                                            const ddlint_pack *pack,
                                            ddlint_result *result,
                                            ddlint_warn_fn warn,
                                            void *userdata);

/** The value of `key: value` in the document's YAML front matter (quotes
 * removed), or NULL. Free with free(). */
DDLINT_API char *ddlint_frontmatter_value(const char *buf, size_t len,
                                          const char *key);

/** Name of a severity: "error", "warning" or "info". */
DDLINT_API const char *ddlint_severity_name(ddlint_severity sev);

/** The severity a name gives, as a ddlint_severity: "error", "warning" or
 * "info"; -1 for "off" (a rule switched off, in configs); -2 for any other
 * name. */
DDLINT_API int ddlint_severity_from_name(const char *name);

#ifdef __cplusplus
}
#endif

#endif
