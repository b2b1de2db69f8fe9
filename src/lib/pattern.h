/* A pack's compiled patterns and PCRE2's limits (compiled by pack.c,
 * matched by prose.c). The only header that includes pcre2.h. */
#ifndef DDLINT_PATTERN_H
#define DDLINT_PATTERN_H

#include "util.h"

#include <stdatomic.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2's match limit for one call. A call is tried first with the limit
 * of level 0 and, each time it reaches that, again with the next: 2^16,
 * 2^18, 2^20, 2^22, then MATCH_LIMIT (prose_match). */
#define MATCH_LIMIT 10000000u
#define MATCH_LEVELS 5
static inline uint32_t match_level_limit(unsigned k) {
  uint32_t l = 1u << (16 + 2 * k);
  return l < MATCH_LIMIT ? l : MATCH_LIMIT;
}
/* A pack's PCRE2 match contexts: the depth and heap limits, and the match
 * limit of each level. Owned by its pack. */
typedef struct match_limits {
  pcre2_match_context *level[MATCH_LEVELS];
} match_limits;
/* The work (in PCRE2 match-limit units) a document may spend on calls that
 * need more than level 0: every level a call is run at but the first is
 * charged its limit, and level 0 too when the call goes on past it. About
 * eight calls run to MATCH_LIMIT (15.6M each with the levels below it). */
#define MATCH_BUDGET (128u * 1000000u)

typedef struct pattern {
  pcre2_code *code; /* owned; JIT-compiled on first use when possible */
  char *source;     /* owned pattern text */
  atomic_bool jit_tried; /* pattern_code has JIT-compiled code (or tried) */
  /* owned, set at load: the pattern's literal triggers (prose_triggers()),
   * NUL-separated, ntriggers of them; NULL when it has none */
  char *triggers;
  /* one per trigger: what the text after it must be for the pattern to
   * match there (a TRIGGER_FOLLOW_ value); in the block of triggers, after
   * the last string, so freed with it; NULL with no triggers */
  unsigned char *trigger_follow;
  /* per trigger, 64 bytes: a bit for each byte (lowercased) that the text
   * right after the trigger may open with (32 bytes), then the same for
   * the text after the whitespace that follows it (32 bytes); all bits set
   * where the pattern does not tell. In the same block, before
   * trigger_follow */
  unsigned char *trigger_next;
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
  /* a topic's "local_patterns" entry: covers the topic inside its section's
   * parts only, never in prose elsewhere in the document */
  bool local;
} pattern;
/* What the text after a trigger must be (the pattern's next token): */
enum {
  TRIGGER_FOLLOW_ANY,      /* not told */
  TRIGGER_FOLLOW_SPACE,    /* a whitespace byte (a space or \s) */
  TRIGGER_FOLLOW_BOUNDARY, /* \b after a word byte: no word byte, or the end */
};
/* pattern_code() for the anchored form. */
pcre2_code *pattern_anchored_code(const pattern *p);
/* prose.c: sets p->triggers, p->trigger_follow, p->ntriggers and
 * p->word_start from p->source. */
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

#endif
