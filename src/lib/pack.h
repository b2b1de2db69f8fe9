/* The pack stage's data (pack.c): a template's sections and topics, its
 * rules, and the pack that owns them, loaded once. No PCRE2 here: patterns
 * are held by pointer (pattern.h). */
#ifndef DDLINT_PACK_H
#define DDLINT_PACK_H

#include "ddlint.h"
#include "util.h"

/* pattern.h: a compiled pattern, and a pack's match contexts. */
typedef struct pattern pattern;
struct match_limits;

/* ---- pack.c: templates and rules, loaded once. ---- */
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
  /* a rule names it (a required-topic rule's params.topics): then a
   * heading naming it is not enough to cover it; set when the pack is
   * loaded, so that matching needs no rules */
  bool named_by_rule;
  /* owned: the title as pack_text_words() gives it ("interaction
   * features"), set with the vocabulary; a list item of just these words
   * is no content */
  char *title_words;
  /* owned: "target_rows": a list item or table row of the section's own
   * parts that matches one of rows (a stated target: "below 5%", "-10%")
   * and none of unless, nor a pattern of the section's other topics,
   * covers the topic (docs/packs.md); none: no such rows */
  pattern *rows, *unless;
  size_t nrows, nunless;
} tmpl_topic;

typedef struct {
  char *id, *title, *prompt;
  char **aliases; /* owned, normalised */
  size_t naliases;
  char *norm_title;
  char *key_title;   /* owned: title_key(norm_title) */
  char **alias_keys; /* owned, parallel to aliases */
  /* owned: title_phrase() of the title (0) and of each alias (1 + i), and
   * their word counts, for matching headings that contain a name; nnames
   * is naliases + 1 when they were built (an extending pack may add
   * aliases, and they are built again) */
  char **name_phrases;
  size_t *name_words;
  uint64_t *name_masks; /* title_word_mask() of each name phrase */
  size_t nnames;
  bool required;
  /* "opening": a document states this section first (a design's problem,
   * an RFC's summary); when nothing else finds it, the document's opening
   * section is taken for it (docs/matching.md) */
  bool opening;
  /* "needs_evidence": a short text under the section's heading (under
   * SLOGAN_WORDS words of prose) that shows none of its evidence is a
   * slogan, and the section counts as empty (docs/matching.md) */
  bool needs_evidence;
  /* "diagrams": a diagram in a code block (mermaid, PlantUML, Graphviz,
   * or box-and-arrow text) is one evidence item of the section
   * (docs/matching.md) */
  bool diagrams;
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
  /* "not_under": the index of a section under whose heading a heading that
   * merely contains this one's name is that section's ("### Key metrics
   * for data pipelines" under "## Monitoring"), or -1 */
  ptrdiff_t not_under;
  /* owned: `required_if`, any of which makes the section required in a
   * document (it is optional otherwise); NULL: `required` alone */
  condition *required_if;
  size_t nrequired_if;
} tmpl_section;

/* A section's evidence items (one per topic, one per evidence pattern, one
 * for diagrams) at most: the match stage keeps them in a 64-bit mask, and
 * the loader refuses a section with more. */
#define EVIDENCE_ITEMS 64

struct rule_kind;
/* A rule of a pack: the fields every kind has, its kind, and the kind's own
 * parameters, which the kind loads, reads and frees (src/lib/rules/). */
struct ddlint_rule {
  char *id, *kind, *summary, *message, *help, *explain; /* owned */
  char *help_uri; /* owned; NULL when the pack names none */
  ddlint_severity severity;
  size_t *scope; /* owned: indices into pack sections; NULL = all */
  size_t nscope;
  /* owned: the rule runs when any holds; NULL: always */
  condition *required_if;
  size_t nrequired_if;
  /* owned: the topics the rule names (required-topic's params.topics),
   * NULL = none; matching, the extends check and the template listing read
   * them too */
  char **topic_ids;
  size_t ntopic_ids;
  const struct rule_kind *kind_def; /* static: the kind named by `kind` */
  void *params; /* owned by the kind: kind_def->free() releases it */
};

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
  char **topic_vocab; /* owned: every word of every topic title and alias
                         key, sorted and unique */
  size_t ntopic_vocab;
  /* owned: the depth and heap limits and the match limit of each level */
  struct match_limits *limits;
  /* owned, normalised: title phrases of headings that are never evidence
   * ("metadata", "revision history"), or "pre * post" shapes whose star
   * stands for one to four words never the author's own ("how * does it");
   * match.c's S_wild_heading() reads the star */
  char **not_evidence;
  size_t nnot_evidence;
  bool *not_evidence_wild; /* per entry: it holds a "*" */
  uint64_t *not_evidence_masks; /* per entry: title_word_mask() of its
                                   words (0 for a "*" entry) */
  /* owned: "generic_names", as title keys: section names that say nothing
   * of their subject ("introduction", "components"); in a chapter of a
   * document made of parts, such a heading is about its chapter's subject
   * (match.c's S_borrowed_name()) */
  char **generic_names;
  size_t ngeneric_names;
  /* owned: "template_text", the template's own sample lines ("User
   * Features: Profile, history, segments"), each as lower-case words
   * joined by single spaces (pack_text_words()); a paragraph or list
   * item that says no more than one of them is no content */
  char **template_text;
  size_t ntemplate_text;
  /* owned, parallel: where in each template_text line the text after its
   * label starts ("accuracy drift ..." of "monitoring accuracy drift ..."
   * from "Monitoring: Accuracy drift, ..."), or 0 for a line with none */
  size_t *template_tail;
  /* bit (c1 * 32 + c2) % 1024 for the first two characters of each
   * template_text line: most paragraphs are ruled out by one test */
  uint64_t template_first[16];
  /* "title_priority": a heading equal to a section's title beats one equal
   * to an alias at any level, not only at the same level */
  bool title_priority;
  /* "record_parts": a folder whose index links every Markdown file in it,
   * numbered records among them ("0001-use-x.md"), is one document (a
   * design written as a decision log), not one document a record */
  bool record_parts;
  /* owned: the literal passes prepared for its pattern sets, filled on
   * first use under its own lock (prose.c) */
  struct prose_cache *prose_cache;
  /* owned: the near-miss similarity of heading keys to each section, kept
   * across documents (match.c), under its own lock */
  struct title_memo *near_memo;
};
/* prose.c: a pack's cache of prepared literal passes. */
typedef struct prose_cache prose_cache;
prose_cache *prose_cache_new(void);
void prose_cache_free(prose_cache *c);

/* The installed pack file for a name: NAME.json in the folders of
 * $DDLINT_PACK_PATH (colon-separated), then in DDLINT_PACKDIR. NULL if none;
 * free with free(). */
char *pack_find_installed(const char *name);
/* Whether any section of pk has a topic with this id. */
bool pack_has_topic(const ddlint_pack *pk, const char *id);
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

#endif
