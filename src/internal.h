/* Internal types shared by the stages of the pipeline:
 * source -> md (blocks) -> outline (sections) -> match (coverage) -> engine.
 * Locations inside the program are byte offsets into the original source; they
 * become line:column only through source_position(). */
#ifndef DDLINT_INTERNAL_H
#define DDLINT_INTERNAL_H

#include "ddlint.h"
#include "util.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>


/* ---- source.c: bytes, line map, front matter, UTF-8 check. ---- */
/* Owns a copy of the document bytes (NUL-terminated) and its line map. */
typedef struct {
  char *path; /* owned */
  char *text; /* owned, len bytes plus a NUL */
  size_t len;
  size_t *line_starts; /* owned; byte offset of each line's first byte */
  size_t nlines;
  size_t bom;             /* 3 when the text starts with a UTF-8 BOM, else 0 */
  size_t body_start;      /* first byte after the BOM and front matter */
  size_t frontmatter_end; /* 0 when there is no front matter */
  size_t invalid_utf8; /* offset of the first invalid UTF-8 byte, or SIZE_MAX */
} source;

/* The longest prefix of s[0..n) of at most max bytes that does not split a
 * UTF-8 sequence. */
size_t utf8_cut(const char *s, size_t n, size_t max);
/* The first occurrence of needle (NUL-terminated, not empty) in the n bytes
 * at hay, or NULL. */
const char *bytes_find(const char *hay, size_t n, const char *needle);
/* Whether a line (without its ending) could be part of YAML front matter:
 * "key: value", a comment, a list item, an indented continuation or blank. */
bool frontmatter_line_ok(const char *s, size_t n);
/* The end of the YAML front matter opening at from (after a BOM): the
 * offset just past its closing fence's line, or 0 when there is none. Front
 * matter is a "---" line, a first YAML line right after it that is not
 * blank, lines frontmatter_line_ok() takes, and a closing "---" or "...";
 * a document that opens with a thematic break and later has one is not
 * taken for front matter. The one scanner: source_init() and
 * ddlint_frontmatter_value() both use it. */
size_t frontmatter_end(const char *t, size_t len, size_t from);
void source_init(source *src, const char *path, const char *buf, size_t len);
/* source_init() taking text (len bytes and a NUL, from malloc) instead of a
 * copy of it. */
void source_init_owned(source *src, const char *path, char *text, size_t len);
void source_free(source *src);
/* 1-based line and code-point column of a byte offset. */
void source_position(const source *src, size_t off, unsigned *line,
                     unsigned *col);
/* 1-based line of a byte offset (no column: cheap). */
unsigned source_line_of(const source *src, size_t off);
/* Code points in [from, to) of one line: a valid sequence counts one, and so
 * does an invalid byte (the reporters write it as U+FFFD). */
unsigned source_columns(const source *src, size_t from, size_t to);
/* Byte offset of a 1-based (line, byte column) pair, clamped to the text. */
size_t source_offset(const source *src, unsigned line, unsigned col);
/* The line containing off: [*start, *end) without the line ending. */
void source_line_bounds(const source *src, size_t off, size_t *start,
                        size_t *end);


/* ---- md.c: the only file that includes cmark-gfm. ---- */
typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CODE,
  BLOCK_HTML,    /* an HTML block with something besides comments */
  BLOCK_COMMENT, /* an HTML block made only of comments */
  BLOCK_TABLE,
  BLOCK_BREAK /* thematic break */
} block_kind;

/* One leaf block of the document, in source order. Owns its strings. */
typedef struct {
  /* small fields packed: a 100 MB document has about a million blocks */
  unsigned char kind;  /* a block_kind */
  unsigned char level; /* heading level 1..6, else 0 */
  bool in_list;        /* paragraph that opens a list item */
  bool nested;         /* ... of a list inside another list's item */
  bool has_content;    /* label: text follows it, or more blocks in its item */
  bool in_quote;       /* inside a block quote (someone else's words) */
  size_t start, end; /* byte range [start, end) in the source */
  char *text;        /* heading: its plain text; else NULL */
  char *label;       /* paragraph: its label (`**Use Case**:`, `- Data:`) */
  char *norm;        /* normalised heading text or label, or NULL */
  char *key;         /* title_key(norm), or NULL */
} block;

/* All blocks of a document plus the byte ranges that are not prose. */
typedef struct {
  block *blocks; /* owned */
  size_t nblocks;
  size_t *skip;     /* owned; sorted [start, end) pairs: code, comments */
  size_t nskip;     /* number of pairs */
  size_t *comments; /* owned; [start, end) pairs of every HTML comment */
  size_t ncomments;
  /* static: why the document was not parsed (PARSE_MEMORY_ERROR or
   * PARSE_BLOCKS_ERROR; then no blocks), else NULL */
  const char *refused;
} md_blocks;

/* The memory cmark-gfm may take to parse one piece of a document (the whole
 * of a small one); a document with a piece that needs more is not linted
 * (md_parse). */
#ifndef PARSE_MEMORY_MAX /* the fuzz harnesses set 64 MiB, to reach it */
#define PARSE_MEMORY_MAX ((size_t)1 << 30)
#endif
#define PARSE_MEMORY_ERROR                                                     \
  "parsing it needs more than 1 GiB of memory (cmark-gfm makes a node of "     \
  "about 100 to 300 bytes for each table cell, list item, heading, "           \
  "paragraph and emphasis; GFM fills short table rows up to the header's "     \
  "columns); see docs/bad-input.md"
/* The blocks (headings, paragraphs, list items, table rows, ...) a document
 * may have: ddlint keeps about 250 bytes for each. */
#define PARSE_BLOCKS_MAX 4000000u
#define PARSE_BLOCKS_ERROR                                                     \
  "it has more than 4,000,000 blocks (headings, paragraphs, list items, "      \
  "table rows), which would need gigabytes of memory; see docs/bad-input.md"

/* Registers cmark-gfm's extensions; done when a pack is loaded, before any
 * lint can run on another thread. */
void md_init(void);
/* Parses src (skipping front matter) into blocks. Fails only when
 * cmark-gfm needs more than PARSE_MEMORY_MAX for a piece or the document
 * has more than PARSE_BLOCKS_MAX blocks (out->refused says which; no
 * blocks). A large document is parsed in pieces (chunk.c), on up to
 * `threads` threads; the blocks are the same whatever the pieces. */
void md_parse(const source *src, unsigned threads, md_blocks *out);
/* md_parse() with pieces of about `target` bytes (SIZE_MAX: whole), for
 * tests and the fuzz harness that compare the two. Returns the number of
 * pieces whose blocks were kept (1 when parsed whole, also after a wrong
 * cut). */
size_t md_parse_pieces(const source *src, unsigned threads, size_t target,
                       md_blocks *out);

void md_blocks_free(md_blocks *mb);
/* A run of backticks in a block's text, for finding its code spans. */
typedef struct {
  size_t at, len; /* a run of backticks */
  size_t close;   /* index of the next run of the same length, or SIZE_MAX */
} tick_run;
/* The backtick runs of text [start, end) in *out (free with free()), each
 * with the next run of its length: a span opened by a run closes there.
 * With escapes, a backslash makes the character after it text (outside a
 * span, as CommonMark has it; a backslash just before a span's closing run
 * is then missed). Linear but for a sort. Returns the number of runs. */
size_t md_tick_runs(const char *t, size_t start, size_t end, bool escapes,
                    tick_run **out);

/* ---- chunk.c: where a large document can be cut into pieces. ---- */
/* Where src can be cut: byte offsets about `target` bytes apart, each the
 * start of an ATX heading after a blank line, outside fenced code and HTML
 * blocks; and the link reference definitions every piece needs. No cuts
 * where the scanner cannot be sure of them. */
typedef struct {
  size_t *cuts; /* owned */
  size_t ncuts;
  strbuf defs;    /* "[label]: #" lines, one per label */
  size_t *def_at; /* owned: offsets of the definition lines read */
  size_t ndefs;
  /* owned: offsets of definition-like lines the scanner put in a fenced
   * code or HTML block (so read no definition from) */
  size_t *in_block_at;
  size_t nin_block;
} chunk_plan;
void md_plan_chunks(const source *src, size_t target, chunk_plan *plan);
void chunk_plan_free(chunk_plan *plan);

/* ---- title.c: heading normalisation and similarity. ---- */
/* Lower-cases and strips numbering, decoration, parentheticals and
 * punctuation: "## 2) Metrics (Offline and Online)" -> "metrics". Returns a
 * new string; free with free(). */
char *title_normalize(const char *text);
/* The comparison key of a normalised title: its significant words, stemmed,
 * sorted, repeats kept ("data and labels" -> "data label"; "goals/non-goals"
 * -> "goal goal non", not "non goals"). Two titles
 * are equal when their keys are (strcmp). Free with free(). */
char *title_key(const char *norm);
/* The significant words of a normalised title, stemmed, in their order
 * ("data collection and labeling" -> "data collection label"). Free with
 * free(). */
char *title_phrase(const char *norm);
/* Whether phrase `name` occurs as a run of consecutive words in phrase `h`:
 * "model architecture" in "model architecture training", not in
 * "architecture of the model". */
bool title_phrase_contains(const char *h, const char *name);
/* Whether phrase h holds inner somewhere outer does not cover: "goals" in
 * "goals and non goals" (outer "non goals"), not "architecture" in "model
 * architecture" (outer "model architecture"). */
bool title_phrase_outside(const char *h, const char *outer, const char *inner);
/* The stemmed words of a heading's head phrases, one phrase per conjunct:
 * its words up to a preposition or a relative clause; with last_only, each
 * phrase's head noun alone. "Thoughts from initial research" -> "thought";
 * "Scaling, Monitoring, and Updates" -> "scal monitor update"; "Signals we
 * feed the model" -> "signal"; "Latency budget of the model" -> "latency
 * budget" (last_only: "budget"). A one-word name must be one of them. Free
 * with free(). */
char *title_heads(const char *text, bool last_only);
/* title_contains() for keys: every word of key `name` is in key `h`. */
bool title_key_contains(const char *h, const char *name);
/* Number of words in a key. */
size_t title_key_words(const char *key);
/* Whether normalised heading `h` names `name` exactly (after stemming). */
bool title_equal(const char *h, const char *name);
/* Whether every significant word of `name` occurs in `h` (a short heading). */
bool title_contains(const char *h, const char *name);
/* Whether a word of key `h` is a misspelling (one edit, two from eight
 * letters) of a word of the keys `names` while being none of their words:
 * "desgin model" against "design model". */
bool title_has_typo(const char *h, const char *const *names, size_t nnames);
/* A similarity in [0,1] for near-miss hints (edit distance, word overlap). */
double title_similarity(const char *h, const char *name);
/* title_similarity() where any value under min may be returned as a lower
 * one (cheaper: word overlap that cannot reach min is not measured). */
double title_similarity_min(const char *h, const char *name, double min);

/* ---- outline.c: the section tree. ---- */
/* One heading and the span it governs; `block` indexes its heading block in
 * the md_blocks it was built from, which must outlive it. */
typedef struct {
  size_t block; /* index of the heading block */
  int level;
  int rank; /* 2 * level, plus 1 for a sub-numbered heading nested under
               the numbered sibling before it */
  size_t start;      /* heading start offset */
  size_t body_start; /* first byte after the heading */
  size_t end;        /* start of the next heading of the same or higher level */
  size_t first_block, end_block; /* blocks in [start, end) */
  ptrdiff_t parent;              /* index in sections, or -1 */
  bool is_title;                 /* the single leading H1 */
} section;

typedef struct {
  section *sections; /* owned, in document order */
  size_t nsections;
} outline;

void outline_build(const md_blocks *mb, size_t doc_len, outline *out);
/* The section whose own text (up to its first subheading) holds offset off:
 * the last one starting at or before it; -1 before the first heading. */
ptrdiff_t outline_section_at(const outline *ol, size_t off);
void outline_free(outline *ol);


/* ---- engine.c ---- */
struct ddlint_result;
/* The stages after parsing, on r (its pack, source and, for a document,
 * parts set): outline, match, rules, suppressions, positions. Takes the
 * blocks (frees them and zeroes *mb). */
void lint_blocks(struct ddlint_result *r, md_blocks *mb,
                 const ddlint_options *opts);
/* document.c: findings about the parts (missing, unreadable, shared, invalid
 * UTF-8), before suppressions apply. */
struct lint_ctx;
void document_report(struct lint_ctx *ctx);
/* document.c: the built-in rule of a document with this id (missing-part,
 * shared-part), or NULL; for --explain. */
const ddlint_rule *document_rule_find(const char *id);
/* document.c: the rule a finding, a suppression or a setting may name: the
 * pack's rule with this id (ddlint_pack_find_rule()), else a document's
 * built-in one (document_rule_find()), else NULL. */
const ddlint_rule *rule_find(const ddlint_pack *pk, const char *id);
/* ddlint_lint_buffer_opts() on text (len bytes and a NUL, from malloc) that
 * the result takes, so that a large document is not copied. */
ddlint_result *lint_owned_buffer(const ddlint_pack *pack, const char *path,
                                 char *text, size_t len,
                                 const ddlint_options *opts);

/* ---- pack.c: templates and rules, loaded once. ---- */

/* PCRE2's match limit for one call. A call is tried first with the limit
 * of level 0 and, each time it reaches that, again with the next: 2^16,
 * 2^18, 2^20, 2^22, then MATCH_LIMIT (prose_match). */
#define MATCH_LIMIT 10000000u
#define MATCH_LEVELS 5
static inline uint32_t match_level_limit(unsigned k) {
  uint32_t l = 1u << (16 + 2 * k);
  return l < MATCH_LIMIT ? l : MATCH_LIMIT;
}
/* The work (in PCRE2 match-limit units) a document may spend on calls that
 * need more than level 0: every level a call is run at but the first is
 * charged its limit, and level 0 too when the call goes on past it. About
 * eight calls run to MATCH_LIMIT (15.6M each with the levels below it). */
#define MATCH_BUDGET (128u * 1000000u)

typedef struct {
  pcre2_code *code; /* owned; JIT-compiled on first use when possible */
  char *source;     /* owned pattern text */
  atomic_bool jit_tried; /* pattern_code has JIT-compiled code (or tried) */
  /* owned, set at load: the pattern's literal triggers (prose_triggers()),
   * NUL-separated, ntriggers of them; NULL when it has none */
  char *triggers;
  unsigned short ntriggers;
  bool word_start; /* every branch opens with \b */
  /* owned: the pattern compiled anchored, for matching where a trigger
   * occurs (the JIT does not take PCRE2_ANCHORED at match time); made on
   * first use, NULL without triggers */
  pcre2_code *anchored;
  atomic_bool anchored_jit_tried;
  uint32_t options; /* compile options beyond the defaults */
  /* a built-in pack's pattern (known to compile: tests/packs.py) is
   * compiled on first use, as the JIT is; code is NULL until then */
  bool lazy;
  atomic_bool compiled;
} pattern;
/* pattern_code() for the anchored form. */
pcre2_code *pattern_anchored_code(const pattern *p);
/* prose.c: sets p->triggers, p->ntriggers and p->word_start from
 * p->source. */
void pattern_set_triggers(pattern *p);
/* prose.c: the text a pack pattern is compiled from: each space outside a
 * class matches any run of whitespace (a paragraph's soft line breaks and
 * a list item's indent), and a space inside a class any whitespace
 * character ("click logs" finds "click\nlogs"). New string; free with
 * free(). */
char *pattern_prose_text(const char *re);

/* The compiled pattern, JIT-compiled on its first use. A pack holds hundreds
 * of patterns and a document meets a few of them, so compiling them all to
 * machine code up front cost more than linting a small document. Safe to
 * call from several threads at once. NULL when the pattern has no code. */
pcre2_code *pattern_code(const pattern *p);

/* A `required_if` condition (condition.c), judged once per document. */
typedef enum {
  COND_FRONT_MATTER, /* a front matter field: present, equal, in, matching */
  COND_SECTION,      /* a template section present with content */
  COND_TOPIC,        /* a topic covered */
  COND_PATTERN       /* a pattern found in the document's prose */
} condition_kind;
typedef struct condition {
  condition_kind kind;
  char *field;   /* owned: the front matter key */
  char **values; /* owned: "equals" (one) or "in"; none: present */
  size_t nvalues;
  pattern *pat; /* owned: "matches" of a field, or the document pattern */
  size_t section, topic; /* COND_SECTION, COND_TOPIC: pack indices */
  char *text;            /* owned: the condition in words */
} condition;

typedef struct {
  char *id, *title, *prompt; /* owned; prompt may be NULL */
  char **aliases;            /* owned, normalised */
  size_t naliases;
  char *norm_title;  /* owned */
  char *key_title;   /* owned: title_key(norm_title) */
  char **alias_keys; /* owned, parallel to aliases */
  pattern *patterns; /* owned */
  size_t npatterns;
  double weight;
} tmpl_topic;

typedef struct {
  char *id, *title, *prompt;
  char **aliases; /* owned, normalised */
  size_t naliases;
  char *norm_title;
  char *key_title;   /* owned: title_key(norm_title) */
  char **alias_keys; /* owned, parallel to aliases */
  bool required;
  double weight;
  tmpl_topic *topics;
  size_t ntopics;
  /* owned: section-level terms that, with the topics' patterns, show the
   * section is covered under another heading */
  pattern *evidence;
  size_t nevidence;
  /* "parent": the index of the earlier section it nests in (its heading is
   * a subheading of that section's), or -1 at the top level */
  ptrdiff_t parent;
  /* owned: `required_if`, any of which makes the section required in a
   * document (it is optional otherwise); NULL: `required` alone */
  condition *required_if;
  size_t nrequired_if;
} tmpl_section;

struct ddlint_rule {
  char *id, *kind, *summary, *message, *help, *explain; /* owned */
  char *help_uri; /* owned; NULL when the pack names none */
  ddlint_severity severity;
  size_t *scope; /* owned: indices into pack sections; NULL = all */
  size_t nscope;
  /* kind-specific parameters, compiled at load time */
  pattern *patterns; /* owned (placeholder, quantified-target subject) */
  size_t npatterns;
  pattern quantity, percentile; /* quantified-target */
  char **topic_ids;             /* owned: required-topic topics, NULL = all */
  size_t ntopic_ids;
  bool template_prompts; /* placeholder: also flag copied template prompts */
  /* placeholder: also where spacing and line breaks differ from the
   * template's (patterns2 then holds the prompts as loose patterns) */
  bool rewrapped_prompts;
  unsigned skip; /* placeholder: RULE_SKIP_* places whose matches it drops */
  bool required_only; /* empty-section: only in required template sections */
  /* owned: the rule runs when any holds; NULL: always */
  condition *required_if;
  size_t nrequired_if;
  char *target_name;     /* owned: quantified-target's name, e.g. "latency" */
  /* owned, normalised: quantified-target ignores sections whose heading, and
   * paragraphs whose label, starts with one of these ("case study") */
  char **ignore_headings;
  size_t nignore_headings;
  /* conditional: patterns2 must match in scope2 when patterns match in the
   * rule's scope; cross-reference: terms (patterns) of the rule's scope must
   * reappear in scope2 */
  pattern *patterns2; /* owned */
  size_t npatterns2;
  size_t *scope2; /* owned: indices into pack sections; NULL = all */
  size_t nscope2;
  long min_words, min_items, min_rows; /* min-content; -1 = not asked */
  int section_state; /* required-section: 0 missing, 1 empty, 2 unheaded */
  const char *kind_name_for_dispatch;  /* borrowed static string */
};

/* Where a placeholder rule does not look, beyond code blocks and HTML
 * comments (never searched). */
enum { RULE_SKIP_INLINE_CODE = 1u, RULE_SKIP_BLOCK_QUOTE = 2u };

struct ddlint_pack {
  char *name, *version, *description; /* owned */
  tmpl_section *sections;             /* owned */
  size_t nsections, sections_cap;
  struct ddlint_rule *rules; /* owned */
  size_t nrules, rules_cap;
  pattern *prompts; /* owned: every template prompt, literal, caseless */
  size_t nprompts;
  char **prompt_text; /* owned, parallel to prompts */
  char **vocab;       /* owned: every word of every section title and alias key,
                         sorted and unique; a heading with none of them names no
                         section */
  size_t nvocab;
  /* owned: the depth and heap limits and the match limit of each level */
  pcre2_match_context *mctx[MATCH_LEVELS];
  char **not_evidence; /* owned: title phrases of headings that are never
                          evidence (a metadata block) */
  size_t nnot_evidence;
  /* "title_priority": a heading equal to a section's title beats one equal
   * to an alias at any level, not only at the same level */
  bool title_priority;
  /* owned: the literal passes prepared for its pattern sets, filled on
   * first use under its own lock (prose.c) */
  struct prose_cache *prose_cache;
  /* owned: the near-miss similarity of heading keys to each section, kept
   * across documents (match.c), under its own lock */
  struct title_memo *near_memo;
};
/* title.c: results per (string, tag), shared by threads; a copy of the key
 * is kept. At most 65,536 entries are kept; get then misses. */
typedef struct title_memo title_memo;
title_memo *title_memo_new(void);
void title_memo_free(title_memo *m);
bool title_memo_get(title_memo *m, const char *key, size_t tag,
                    double *value);
void title_memo_put(title_memo *m, const char *key, size_t tag,
                    double value);
/* prose.c: a pack's cache of prepared literal passes. */
typedef struct prose_cache prose_cache;
prose_cache *prose_cache_new(void);
void prose_cache_free(prose_cache *c);

/* The installed pack file for a name: NAME.json in the folders of
 * $DDLINT_PACK_PATH (colon-separated), then in DDLINT_PACKDIR. NULL if none;
 * free with free(). */
char *pack_find_installed(const char *name);
/* How many sections section s nests in ("parent"): 0 at the top level. */
int pack_section_depth(const ddlint_pack *pk, size_t s);
/* The folder of installed packs (DDLINT_PACKDIR). */
const char *pack_installed_dir(void);
/* Whether a template reference is a path (has a slash or ends in .json). */
bool pack_ref_is_path(const char *ref);

struct embedded_pack {
  const char *name;
  const char *data;
  size_t len;
};
extern const struct embedded_pack embedded_packs[];

/* ---- jsonloc.c: line:column of a cJSON node in its text. ---- */
struct cJSON;
/* Byte offset of `node` (a descendant of `root`, parsed from text) or of its
 * key when want_key. Returns 0 when not found. */
size_t jsonloc_offset(const char *text, size_t len, const struct cJSON *root,
                      const struct cJSON *node, bool want_key);
/* Locates many nodes of one text in linear total time when they are asked
 * for in document order: the text is scanned once, and the tree walk and the
 * line count resume where the last lookup stopped (an earlier node restarts
 * them). Free with jsonloc_cursor_free(). */
typedef struct jsonloc_cursor jsonloc_cursor;
jsonloc_cursor *jsonloc_cursor_new(const char *text, size_t len,
                                   const struct cJSON *root);
/* The 1-based line:column of node (or its key); 1:1 when not found. */
void jsonloc_cursor_find(jsonloc_cursor *c, const struct cJSON *node,
                         bool want_key, unsigned *line, unsigned *col);
void jsonloc_cursor_free(jsonloc_cursor *c);
/* Parses text as JSON; a syntax error or text after the value sets *err
 * to "origin:line:col: invalid JSON..." and returns NULL. Free the tree with
 * cJSON_Delete(). */
struct cJSON *json_parse_located(const char *text, size_t len,
                                 const char *origin, char **err);
/* A JSON text being loaded (a pack, a config): what located errors need. */
typedef struct {
  const char *origin, *text;
  size_t len;
  struct cJSON *root; /* owned while loading */
  char *err;          /* the first error, owned until moved to the caller */
  struct jsonloc_cursor *cursor; /* owned, made on first use (a config's
                                    many locations); jsonloc_cursor_free() */
} json_src;
/* Records "origin:line:col: message" for node (or its key) as js->err, on
 * one line, unless an error is already there. Returns false. */
bool json_fail(json_src *js, const struct cJSON *node, bool at_key,
               const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Fails unless obj is an object whose members are all named in allowed
 * (NULL-terminated); the error lists the allowed names. */
bool json_check_fields(json_src *js, const struct cJSON *obj, const char *what,
                       const char *const *allowed);
/* 1-based line and column of offset in text. */
void jsonloc_linecol(const char *text, size_t len, size_t off, unsigned *line,
                     unsigned *col);

/* ---- match.c: tree <-> template, computed once per document. ---- */
typedef enum {
  VIA_NONE,
  VIA_HEADING,
  VIA_LABEL,
  VIA_TEXT,
  VIA_ELSEWHERE /* text outside the section's parts */
} found_via;

typedef struct {
  found_via via;
  size_t off, end; /* evidence range */
} topic_cov;

typedef struct {
  ptrdiff_t section; /* index into outline.sections, or -1 when missing */
  size_t *parts;     /* owned: every matched heading, section first; a
                        template section may be split over several ("8.
                        Online Testing and Deployment", "9. Monitoring") */
  size_t nparts;
  ptrdiff_t near; /* unmatched heading section that nearly matches, or -1 */
  ptrdiff_t off_topic; /* a heading named like the section whose text shows
                          none of it (not taken), or -1 */
  double near_score;
  bool empty;      /* matched, but nothing but headings, comments, template
                      bullets or placeholders under it */
  bool by_content; /* no heading names it: `section` is the heading whose
                      subtree shows its evidence */
  size_t label_at;  /* with by_content: where a bold run-in label names it
                       ("**Problem.**"), or 0 */
  bool label_row;   /* ... the label is a table row's first cell
                       ("| Model | gradient-boosted trees |") */
  topic_cov *topics; /* owned, parallel to tmpl_section.topics */
} section_cov;

typedef struct {
  section_cov *sections; /* owned, parallel to pack sections */
  size_t nsections;
  double score;
  /* owned, set by conditions_apply() after matching: per section, whether
   * it is required in this document, and why (the condition that held, in
   * words; NULL for a section required outright); per rule, whether it
   * runs. NULL before. */
  bool *required;
  char **required_why;
  bool *rule_on;
} coverage;
/* condition.c: judges every `required_if` of the pack on ctx's document
 * (matched: ctx->cov is set) and fills cov's required, required_why and
 * rule_on. */
void conditions_apply(struct lint_ctx *ctx, coverage *cov);
/* condition.c: whether pack section s is required in the document of cov. */
bool coverage_required(const coverage *cov, const ddlint_pack *pk, size_t s);

struct lint_ctx;
void match_document(struct lint_ctx *ctx, coverage *cov);
void coverage_free(coverage *cov);

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

/* ---- engine.c: the lint context, the one sink, the rule-kind table; the
 * rule kinds themselves are in src/rules/ (suppression: suppress.c). ---- */
struct ddlint_diag {
  const char *rule; /* borrowed from the pack */
  ddlint_severity severity;
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
  const struct topic_words *topic_words; /* borrowed, during matching */
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
} lint_ctx;
/* Texts up to this size get a word index: every literal pass of the
 * topic search and the rules visits words instead of bytes. */
#define PROSE_WORDS_MAX ((size_t)64 << 20)
/* prose.c: fills ctx->word_at, word_key and nwords (freed with free()). */
void prose_words(lint_ctx *ctx);
/* The words of every topic name of a pack, sorted: words point into buf;
 * both owned. */
typedef struct topic_words {
  char **words;
  size_t n;
  char *buf;
} topic_words;

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

/* A prose_each() callback that emits one diagnostic of a rule per match,
 * with {match} (at most 80 bytes, whole UTF-8 sequences); arg is a
 * match_emitter. */
typedef struct {
  lint_ctx *ctx;
  const struct ddlint_rule *rule;
} match_emitter;
bool emit_each_match(void *arg, size_t ms, size_t me);

typedef void (*rule_check_fn)(lint_ctx *ctx, const struct ddlint_rule *rule);
typedef struct {
  const char *kind;
  rule_check_fn check;
  const char *explain;
} rule_kind;
/* The dispatch table; NULL-terminated. */
extern const rule_kind rule_kinds[];
const rule_kind *rule_kind_find(const char *kind);

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

/* Rule kinds: one file each under src/rules/ (check_suppression():
 * suppress.c). */
void check_required_section(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_required_topic(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_empty_section(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_placeholder(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_quantified_target(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_section_order(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_duplicate_section(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_heading_level(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_conditional(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_cross_reference(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_min_content(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_forbidden(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_suppression(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_input(lint_ctx *ctx, const struct ddlint_rule *rule);
void check_code_fence(lint_ctx *ctx, const struct ddlint_rule *rule);
/* rules/code_fence.c: whether a heading naming template section ts (by its
 * title or an alias) sits inside a fenced code block that a malformed fence
 * kept open ("``` text" does not close one); *at is that line's start. */
bool fence_hides_heading(const lint_ctx *ctx, const tmpl_section *ts,
                         size_t *at);
/* rules/code_fence.c: every code block as a [start, end) pair in *out (free
 * with free()), from its first line's start; end is SIZE_MAX for a fenced
 * block that the end of the document closed. Returns the number of pairs. */
size_t code_block_spans(const lint_ctx *ctx, size_t **out);
/* rules/input.c: invalid-utf8 and pattern-limit, after every rule ran. */
void input_report(lint_ctx *ctx);
/* suppress.c: drops suppressed diagnostics; reports unknown rule names in
 * suppressions, and unused suppressions when asked. */
void suppress_apply(lint_ctx *ctx, bool report_unused);
extern const char explain_required_section[], explain_required_topic[],
    explain_empty_section[], explain_placeholder[], explain_quantified_target[],
    explain_section_order[], explain_duplicate_section[],
    explain_heading_level[], explain_conditional[], explain_cross_reference[],
    explain_min_content[], explain_forbidden[], explain_suppression[],
    explain_input[], explain_code_fence[];

/* ---- fix.c: insert missing required sections. ---- */
typedef struct {
  size_t at;  /* byte offset in the original: a line start, or its end */
  size_t del; /* bytes from at that text replaces (a renamed heading's
                 title, within one line); 0 for an insertion */
  char *text; /* owned: the bytes to insert there */
  size_t section; /* the template section it adds or renames */
} fix_insert;

/* The edits that add each missing required section of result (linted from
 * buf) at its template place, or rename the heading that nearly names it;
 * sorted by offset. Returns the count; free with fix_free(). */
size_t fix_plan(const ddlint_result *result, fix_insert **out);
void fix_free(fix_insert *ins, size_t n);
/* An edit of fix_plan_parts(): in part `part` of a document of several
 * files, at offset `at` of that part's own text. */
typedef struct {
  size_t part, at, del; /* del: as fix_insert's */
  char *text;           /* owned */
  size_t order;         /* its place in fix_plan()'s list */
  size_t section;       /* as fix_insert's */
} part_insert;
/* fix_plan() for a document of several files (r has parts): each edit in
 * the part that holds its place, sorted by part, then offset. Returns the
 * count; free with fix_parts_free(). */
size_t fix_plan_parts(const ddlint_result *r, part_insert **out);
void fix_parts_free(part_insert *pi, size_t n);
/* buf with the insertions applied; free with free(). */
char *fix_apply(const char *buf, size_t len, const fix_insert *ins, size_t n,
                size_t *out_len);

/* ---- document.c: a document made of several files. ---- */
/* One part of a document result. The result's source is the parts'
 * bytes joined (each followed by a blank line, so that no line runs across
 * two parts); a part's own source keeps its line map for reports. */
typedef struct doc_part {
  source src;   /* owned: the part's bytes (empty when unreadable) */
  size_t base;  /* offset of its first byte in the joined text */
  bool missing; /* could not be read */
  char *error;  /* owned: why, or NULL */
  char *owner;  /* owned: the document it was linted in instead, or NULL */
  size_t named_in, named_at; /* where it is named (SIZE_MAX: nowhere) */
} doc_part;
/* Bytes joined after each part in the document's text. */
#define DOC_PART_GAP 2
/* The part holding joined offset off (a gap belongs to the part before). */
size_t doc_part_of(const struct doc_part *parts, size_t nparts, size_t off);
/* suppress.c: whether two joined offsets are in the same part (always true
 * for one file). */
bool ctx_same_part(const lint_ctx *ctx, size_t a, size_t b);

/* ---- result.c ---- */
struct ddlint_result {
  const ddlint_pack *pack; /* borrowed: must outlive the result */
  const char *error; /* static: why it was not linted (then as if empty) */
  source src;              /* owned */
  struct ddlint_diag *diags;
  size_t ndiags;
  coverage cov;            /* owned */
  char **section_headings; /* owned: matched heading text per section */
  unsigned *section_lines;
  size_t *section_start, *section_end; /* owned: heading start, span end */
  int *section_level;                  /* owned: heading level, 0 missing */
  int title_level; /* the title H1's level (1), or 0 without a title */
  unsigned **topic_lines;
  const char ***topic_via; /* owned arrays of static strings */
  /* owned: code_block_spans() of the document, which fix never inserts in */
  size_t *code_spans;
  size_t ncode_spans;
  /* owned, per section: where a broken fence hides its heading (fix then
   * adds none), else SIZE_MAX */
  size_t *section_hidden;
  /* owned, per section: the heading that nearly names a missing required
   * section ("Sucess Metrix"), which fix renames; start SIZE_MAX if none */
  struct near_heading {
    size_t start, end; /* the heading's start, its section's end */
    int level;
  } *section_near;
  /* a document of several files: its parts (owned), else NULL and 0; the
   * coverage lines above are then lines of the part named by *_part */
  doc_part *parts;
  size_t nparts;
  size_t *section_part;  /* owned, per section (SIZE_MAX: missing) */
  size_t **topic_part;   /* owned, per section and topic */
  const char *only_file; /* borrowed while a config applies to one file */
  bool index;            /* parts[0] is the document's index */
};

#endif
