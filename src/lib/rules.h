/* What the rule kinds (src/lib/rules/) read and write: the lint context, the
 * one sink diag_emit(), prose search (prose.c) and the scope helpers
 * (engine.c). The kinds' own table is src/lib/rules/kind.h. */
#ifndef DDLINT_RULES_H
#define DDLINT_RULES_H

#include "match.h"
#include "outline.h"
#include "pattern.h"
#include "title.h"

/* ---- prose.c: pattern search over prose (outside code and comments). ---- */
/* Finds the first match of pat in [start, end) outside skipped ranges. On a
 * match sets *ms, *me and returns true. */
bool prose_search(struct lint_ctx *ctx, const pattern *pat, size_t start,
                  size_t end, size_t *ms, size_t *me);
/* Calls fn for every match of pat in [start, end) outside skipped ranges;
 * stops when fn returns false. */
/* Every match of n caseless ASCII literals (at least 2 bytes each) in the
 * prose of [start, end), in one pass; a literal that opens with a word byte
 * only where a word starts ("What is..." not inside "SoWhat is..."). For
 * each literal, the matches that
 * PCRE2 would find one after another (leftmost, not overlapping), sorted by
 * literal then position. False (and nothing found) where this cannot stand
 * in for PCRE2: a literal with non-ASCII bytes or under 2 bytes, or a text
 * with U+212A or U+017F, which caseless "k" and "s" match in UTF mode. */
typedef struct {
  size_t idx, ms, me;
} literal_match;
bool prose_literals(struct lint_ctx *ctx, const char *const *lits, size_t n,
                    size_t start, size_t end, literal_match **out,
                    size_t *nout);
/* Whether [ms, ...) starts inside a word: a word byte before and at ms. */
bool prose_inside_word(const struct lint_ctx *ctx, size_t ms);
/* Whether the mention [ms, me) is negated where it stands: a negator just
 * before it ("no drift monitoring", "without a fallback"), a clause that
 * opens with one ("There is no A/B test and no rollback"), or one after it
 * ("Recall@10 is not monitored", "A/B testing is out of scope"). */
bool prose_negated(const struct lint_ctx *ctx, size_t ms, size_t me);
/* Literal triggers of a pattern: lower-case ASCII strings of 2 bytes or
 * more such that every match of the pattern starts with one of them
 * ("\bmonitor(ing|ed)?\b" -> "monitor"; "\b(gbdt|xgboost)\b" -> "gbdt",
 * "xgboost"). Returns how many (at most max), or 0 when they cannot be
 * told from the pattern's text. */
#define PROSE_TRIGGER_MAX 48
size_t prose_triggers(const char *re, char (*out)[PROSE_TRIGGER_MAX],
                      size_t max);
typedef bool (*prose_many_fn)(void *arg, size_t k, size_t ms, size_t me);
/* prose_each() for each pattern pats[k] of n, calling fn with k: the same
 * matches, in order for each pattern (patterns interleave in no set order).
 * Patterns with triggers are found together in one pass over the text and
 * matched anchored where a trigger occurs; the others by a scan each. */
void prose_each_many(struct lint_ctx *ctx, const pattern *const *pats,
                     size_t n, size_t start, size_t end, prose_many_fn fn,
                     void *arg);
/* Whether pat may still be matched in ctx's document (its match budget). */
bool prose_may_match(const struct lint_ctx *ctx, const pattern *pat);
/* pcre2_match() of code (pat's, or its anchored form) on the document's
 * text up to len, from at, into ctx->md_match, under the document's match
 * budget (MATCH_BUDGET). A PCRE2 limit, or a budget too small for the next
 * level, is noted as pat's limit hit (pattern-limit reports the first, and
 * pat is spent for the rest of the document). Returns pcre2_match()'s
 * value. */
int prose_match(struct lint_ctx *ctx, const pattern *pat, pcre2_code *code,
                size_t len, size_t at);
void prose_each(struct lint_ctx *ctx, const pattern *pat, size_t start,
                size_t end, bool (*fn)(void *, size_t, size_t), void *arg);

/* ---- engine.c: the lint context, the one sink; the rule kinds and their
 * table are in src/lib/rules/ (kind.h). ---- */
struct ddlint_diag {
  const char *rule; /* borrowed from the pack */
  ddlint_severity severity;
  bool softer; /* one step below its rule's severity, whatever that is set
                  to: a finding ddlint is less sure of (a section only
                  mentioned in passing) */
  char *message, *help, *section; /* owned */
  size_t start, end;              /* byte offsets */
  size_t seq; /* emission order: ties keep rule and pack order */
  unsigned sline, scol, eline, ecol; /* filled in by the result */
  size_t part;      /* document: the part it is in (start, end are then
                       offsets in that part's file); else 0 */
  const char *file; /* borrowed from the result: the file it is in */
};

/* PCRE2 limit hits a document may have before it matches no pattern more
 * (a depth or heap limit may cost little work; the match budget below
 * bounds the work). */
#define LIMIT_HITS_MAX 8

/* Everything a rule check may read, and the sink it writes to. */
typedef struct lint_ctx {
  const ddlint_pack *pack;
  const source *src;
  const md_blocks *md;
  const outline *ol;
  const coverage *cov;
  pcre2_match_data *md_match; /* owned by the engine */
  const char *limit_pattern;  /* borrowed: first pattern that hit a limit */
  size_t limit_at;            /* where it gave up */
  const char *limit_why;      /* static: which limit (with limit_pattern) */
  /* the document's match budget: a pattern that hit a limit is not matched
   * again in this context, and after LIMIT_HITS_MAX hits, or once
   * match_spent reaches MATCH_BUDGET, none is */
  const pattern *limit_off[LIMIT_HITS_MAX]; /* borrowed */
  unsigned limit_hits;
  uint64_t match_spent;
  struct ddlint_diag *diags;  /* owned, moved to the result */
  size_t ndiags, cap;
  unsigned threads; /* threads a large document may use (1: this one) */
  /* borrowed, per block, during matching: 1 for a block that is never
   * evidence (a label with only a placeholder, a metadata block, an empty
   * heading); NULL elsewhere */
  const unsigned char *dead_blocks;
  /* match.c, with dead_blocks: per (heading, pack section), S_evidence_at()
   * plus one, or 0 not yet counted; NULL in a thread's copy */
  unsigned char *evidence_at;
  /* prose.c: 0 not looked yet, 1 the text has no U+212A or U+017F, 2 it
   * has (caseless literals cannot stand in for PCRE2 there) */
  signed char special_case;
  /* rules/code_fence.c: 0 not looked yet, 1 no code block has a suspect
   * closing fence, 2 one has */
  signed char suspect_fences;
  const struct doc_part *parts; /* borrowed: a document's parts, or NULL */
  size_t nparts;
  /* owned by the engine (prose_words()): where each word of the text
   * starts, in order, or NULL (a text over PROSE_WORDS_MAX bytes) */
  uint32_t *word_at;
  uint16_t *word_key; /* owned: each word's first two bytes, lowercased */
  size_t nwords;
  /* owned by the engine: the document's suppression comments, after
   * suppress_apply() (suppress.c); NULL before */
  struct suppressions *suppressions;
  bool report_unused; /* unused suppressions are reported */
} lint_ctx;
/* Texts up to this size get a word index: every literal pass of the
 * topic search and the rules visits words instead of bytes. */
#define PROSE_WORDS_MAX ((size_t)64 << 20)
/* prose.c: fills ctx->word_at, word_key and nwords (freed with free()). */
void prose_words(lint_ctx *ctx);

/* A document this large may have its topic search and rules run on several
 * threads (when the caller gave threads); smaller ones are not worth it. */
#define PARALLEL_MIN_BYTES ((size_t)512 << 10)

/* The one sink: appends a diagnostic for rule at [start, end). `path` is the
 * section path, or NULL for the document's heading path at start.
 * The message and help are rule templates with {section}, {topic}, {match},
 * {heading} and {detail} filled in from vars (NULL-terminated key/value
 * pairs). */
void diag_emit(lint_ctx *ctx, const struct ddlint_rule *rule, size_t start,
               size_t end, const char *path, const char *const *vars);
/* One step below severity sev: an error is a warning, a warning or an info
 * is an info. */
ddlint_severity diag_softer(ddlint_severity sev);

/* A prose_each() callback that emits one diagnostic of a rule per match,
 * with {match} (at most 80 bytes, whole UTF-8 sequences); arg is a
 * match_emitter. */
typedef struct {
  lint_ctx *ctx;
  const struct ddlint_rule *rule;
} match_emitter;
bool emit_each_match(void *arg, size_t ms, size_t me);

/* Whether pack section s is in the rule's scope. */
bool rule_in_scope(const struct ddlint_rule *rule, size_t s);
/* Heading path of the document at offset, e.g. "2. Metrics > Offline". */
char *doc_heading_path(const lint_ctx *ctx, size_t off);
/* Index of the first block starting at or after off. */
size_t block_at_or_after(const md_blocks *mb, size_t off);

/* The document spans a scope covers, as sorted [start, end) pairs in *spans
 * (free with free()): every part of each matched section in scope, or the
 * whole body when scope is NULL. Returns the number of spans. */
size_t scope_spans(const lint_ctx *ctx, const size_t *scope, size_t nscope,
                   size_t **spans);
/* Whether off is in one of the n sorted, disjoint [start, end) pairs of
 * spans: a binary search. */
bool spans_hold(const size_t *spans, size_t n, size_t off);
/* Titles of the scope's sections joined with ", " ("the document" for
 * NULL); free with free(). */
char *scope_titles(const lint_ctx *ctx, const size_t *scope, size_t nscope);
/* pack.c: whether the word [w, w+n) is in the pack's section vocabulary. */
bool pack_vocab_has(const ddlint_pack *pk, const char *w, size_t n);
/* pack.c: the words of t[0, n) in lower case, joined by single spaces, into
 * out (cap bytes, NUL-terminated, cut short when full); their length. */
#define PACK_TEXT_WORDS_MAX 256
size_t pack_text_words(const char *t, size_t n, char *out, size_t cap);
/* pack.c: the bit of ddlint_pack.template_first for the first two
 * letters or digits of t[0, n) (lower case; a space for a one-letter
 * word), as pack_text_words() would give them. */
unsigned pack_first_two(const char *t, size_t n);
/* pack.c: whether the word [w, w+n) is in the pack's topic vocabulary. */
bool pack_topic_vocab_has(const ddlint_pack *pk, const char *w, size_t n);
/* match.c: whether a section holds no content (paragraph, code, non-comment HTML,
 * table) anywhere in its span, subsections included; blocks for which
 * nothing() (when not NULL) is true count as none. */
bool section_is_empty(const lint_ctx *ctx, const section *sec,
                      bool (*nothing)(const lint_ctx *, const block *));
/* match.c: whether bl is a paragraph that only says its text is still to come:
 * "TBD", "To be written.", "TODO: describe the sources". Not "None." or
 * "N/A", which answer some sections ("Unresolved questions"). */
bool block_unfinished(const lint_ctx *ctx, const block *bl);
/* match.c: whether the heading key names template section ts exactly. */
bool match_names_section(const char *key, const tmpl_section *ts);

/* rules/code_fence.c: whether a heading naming template section ts (by its
 * title or an alias) sits inside a fenced code block that a malformed fence
 * kept open ("``` text" does not close one); *at is that line's start. */
bool fence_hides_heading(const lint_ctx *ctx, const tmpl_section *ts,
                         size_t *at);
/* rules/code_fence.c: every code block as a [start, end) pair in *out (free
 * with free()), from its first line's start; end is SIZE_MAX for a fenced
 * block that the end of the document closed. Returns the number of pairs. */
size_t code_block_spans(const lint_ctx *ctx, size_t **out);
/* suppress.c: parses the suppression comments into ctx->suppressions and
 * drops the findings they suppress (rules/suppression.c then reports the
 * comments themselves). */
void suppress_apply(lint_ctx *ctx);
/* suppress.c: the findings of rules/suppression.c, from ctx->suppressions:
 * each name that is no rule (and each comment that looks like a directive
 * but is none), and each directive that suppressed nothing (only when
 * ctx->report_unused), reported as `rule`'s. */
void suppressions_report_unknown(lint_ctx *ctx, const struct ddlint_rule *rule);
void suppressions_report_unused(lint_ctx *ctx, const struct ddlint_rule *rule);
/* suppress.c: frees ctx->suppressions (NULL allowed). */
void suppressions_free(struct suppressions *s);

/* document.c: whether two joined offsets are in the same part (always true
 * for one file). */
bool ctx_same_part(const lint_ctx *ctx, size_t a, size_t b);

#endif
