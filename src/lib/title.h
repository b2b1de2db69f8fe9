/* Titles (title.c): heading normalisation, comparison keys and
 * similarity, and the memo of similarities a pack keeps. */
#ifndef DDLINT_TITLE_H
#define DDLINT_TITLE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

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
/* The same for phrases of at most 32 words as title_phrase() and
 * title_heads() write them (words joined by one space), by a substring
 * search: no token arrays, for the per-heading, per-name loop. */
bool title_phrase_has(const char *h, const char *name);
/* Whether the words in which heading key h and name key n differ are a
 * misspelling of each other (a near miss, not another phrase). */
bool title_near_words(const char *h, const char *n);
/* A bit (of 64) for each space-separated word of phrase (0 for NULL): a
 * name whose mask has a bit that a phrase's lacks is not in it. */
uint64_t title_word_mask(const char *phrase);
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
/* The stem of a gerund that opens text and governs a determiner or a
 * pronoun ("measur" of "Measuring the pilot", "monitor" of "Monitoring
 * it"), or NULL; owned by the caller. */
char *title_gerund_head(const char *text);
/* title_contains() for keys: every word of key `name` is in key `h`. */
/* Whether key h (title_key()) has any word of key name: "Problem" shares
 * one with "Problem Formulation", "Goals" none. */
bool title_key_shares_word(const char *h, const char *name);
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
/* The same for a normalised title (title_normalize(): words in order),
 * over its head phrase only, up to its first preposition or relative clause: "Data
 * for the correction step" misspells nothing of "data collection", "Model
 * desgin" does misspell "model design". */
bool title_phrase_head_has_typo(const char *norm, const char *const *names,
                                size_t nnames);
/* A similarity in [0,1] for near-miss hints (edit distance, word overlap). */
double title_similarity(const char *h, const char *name);
/* title_similarity() where any value under min may be returned as a lower
 * one (cheaper: word overlap that cannot reach min is not measured). */
double title_similarity_min(const char *h, const char *name, double min);

/* Results per (string, tag), shared by threads; a copy of the key
 * is kept. At most 65,536 entries are kept; get then misses. */
typedef struct title_memo title_memo;
title_memo *title_memo_new(void);
void title_memo_free(title_memo *m);
bool title_memo_get(title_memo *m, const char *key, size_t tag,
                    double *value);
void title_memo_put(title_memo *m, const char *key, size_t tag,
                    double value);

#endif
