/* pack.c: loading a pack from JSON, and the exact "origin:line:col: message"
 * of each way a pack can be malformed; the built-in pack, and an --explain
 * text for every rule and every rule kind. */
#include "rules/kind.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

/* "p.json:LINE:COL" of the nth (0-based) occurrence of needle in json. */
static char *S_loc(const char *json, const char *needle, int nth) {
  const char *p = strstr(json, needle);
  while (p && nth-- > 0)
    p = strstr(p + 1, needle);
  if (!p)
    return xstrdup("(needle not found)");
  unsigned line = 1, col = 1;
  for (const char *q = json; q < p; q++) {
    if (*q == '\n')
      line++, col = 1;
    else
      col++;
  }
  return xasprintf("p.json:%u:%u", line, col);
}

/* Loads json, expects it to fail with "LOC: message", LOC being where the
 * nth `at` occurs (NULL: "p.json:1:1"). */
static void S_check_error(const char *json, const char *at, int nth,
                          const char *message, int line) {
  char *err = pack_error(json);
  char *loc = at ? S_loc(json, at, nth) : xstrdup("p.json:1:1");
  char *want = xasprintf("%s: %s", loc, message);
  t_check(err && strcmp(err, want) == 0, __FILE__, line,
          "pack error\n      got:      %s\n      expected: %s",
          err ? err : "(pack loaded)", want);
  free(want);
  free(loc);
  free(err);
}
#define CHECK_ERROR(json, at, nth, message)                                    \
  S_check_error((json), (at), (nth), (message), __LINE__)

static const char MINI[] =
    "{\n"
    "  \"$schema\": \"https://example.com/pack.schema.json\",\n"
    "  \"name\": \"mini\",\n"
    "  \"version\": \"1.2.3\",\n"
    "  \"description\": \"a minimal pack\",\n"
    "  \"sections\": [\n"
    "    {\"id\": \"a\", \"title\": \"Alpha\", \"aliases\": [\"First Part\"],\n"
    "     \"prompt\": \"What is alpha?\",\n"
    "     \"topics\": [{\"id\": \"t1\", \"title\": \"Topic One\",\n"
    "                 \"patterns\": \"\\\\bone\\\\b\", \"weight\": 2}]},\n"
    "    {\"id\": \"b\", \"title\": \"Beta\", \"required\": false, "
    "\"weight\": 0.5}\n"
    "  ],\n"
    "  \"rules\": [\n"
    "    {\"id\": \"missing-section\", \"kind\": \"required-section\",\n"
    "     \"severity\": \"error\", \"message\": \"missing {section}\"},\n"
    "    {\"id\": \"empty\", \"kind\": \"empty-section\", \"severity\": "
    "\"info\",\n"
    "     \"summary\": \"Empty.\", \"message\": \"empty {heading}\", \"help\": "
    "\"fill it\",\n"
    "     \"explain\": \"Long text.\", \"scope\": [\"b\"], \"params\": {}}\n"
    "  ]\n"
    "}\n";

static void test_load_minimal(void) {
  char *err = (char *)"untouched";
  ddlint_pack *pk =
      ddlint_pack_load_buffer(MINI, strlen(MINI), "mini.json", &err);
  CHECK(pk != NULL);
  CHECK(err == NULL);
  if (!pk) {
    fprintf(stderr, "    %s\n", err ? err : "");
    return;
  }
  CHECK_STR(ddlint_pack_name(pk), "mini");
  CHECK_STR(ddlint_pack_version(pk), "1.2.3");
  /* the pack's two rules, then the built-in suppression and input rules */
  CHECK_INT(ddlint_pack_rule_count(pk), 6);
  CHECK_STR(ddlint_rule_id(ddlint_pack_rule(pk, 2)), "unknown-suppression");
  CHECK_STR(ddlint_rule_id(ddlint_pack_rule(pk, 3)), "unused-suppression");
  CHECK_STR(ddlint_rule_id(ddlint_pack_rule(pk, 4)), "invalid-utf8");
  CHECK_STR(ddlint_rule_id(ddlint_pack_rule(pk, 5)), "pattern-limit");
  CHECK_INT(pk->nsections, 2);
  if (pk->nsections == 2) {
    CHECK_STR(pk->sections[0].norm_title, "alpha");
    CHECK_INT(pk->sections[0].naliases, 1);
    if (pk->sections[0].naliases == 1)
      CHECK_STR(pk->sections[0].aliases[0], "first part"); /* normalised */
    CHECK(pk->sections[0].required);                       /* the default */
    CHECK(!pk->sections[1].required);
    CHECK_DBL(pk->sections[0].weight, 1.0, 1e-12);
    CHECK_DBL(pk->sections[1].weight, 0.5, 1e-12);
    CHECK_INT(pk->sections[0].ntopics, 1);
    if (pk->sections[0].ntopics == 1) {
      CHECK_INT(pk->sections[0].topics[0].npatterns, 1); /* a single string */
      CHECK_DBL(pk->sections[0].topics[0].weight, 2.0, 1e-12);
    }
  }
  CHECK_INT(pk->nprompts, 1);

  const ddlint_rule *r = ddlint_pack_rule(pk, 0);
  CHECK(r != NULL && r == ddlint_pack_find_rule(pk, "missing-section"));
  if (r) {
    CHECK_STR(ddlint_rule_id(r), "missing-section");
    CHECK_STR(ddlint_rule_kind(r), "required-section");
    CHECK_INT(ddlint_rule_severity(r), DDLINT_ERROR);
    CHECK_STR(ddlint_rule_summary(r), "missing {section}"); /* the message */
    CHECK_STR(ddlint_rule_help(r), "");
    CHECK_STR(ddlint_rule_explain(r), "missing {section}"); /* the summary */
    CHECK(r->scope == NULL);
  }
  r = ddlint_pack_find_rule(pk, "empty");
  CHECK(r != NULL && r == ddlint_pack_rule(pk, 1));
  if (r) {
    CHECK_INT(ddlint_rule_severity(r), DDLINT_INFO);
    CHECK_STR(ddlint_rule_summary(r), "Empty.");
    CHECK_STR(ddlint_rule_help(r), "fill it");
    CHECK_STR(ddlint_rule_explain(r), "Long text.");
    CHECK(r->nscope == 1 && r->scope[0] == 1);
  }
  CHECK(ddlint_pack_rule(pk, 6) == NULL);
  CHECK(ddlint_pack_find_rule(pk, "nope") == NULL);
  ddlint_pack_free(pk);
  ddlint_pack_free(NULL);

  /* version defaults to "0" */
  pk = PACK("{\"name\": \"n\", \"sections\": [], \"rules\": []}");
  if (pk)
    CHECK_STR(ddlint_pack_version(pk), "0");
  ddlint_pack_free(pk);
}

static void test_error_json(void) {
  /* the location is where the parser gave up */
  CHECK_ERROR("{\n  \"name\": \"x\",\n  \"rules\": [1 2]\n}\n", "2]", 0,
              "invalid JSON");
  CHECK_ERROR("{\"name\": \"x\",}", "}", 0, "invalid JSON");
  CHECK_ERROR("", NULL, 0, "invalid JSON");
  CHECK_ERROR("[1, 2]", NULL, 0, "a pack must be a JSON object");
  /* with no err pointer the failure is still a NULL pack */
  CHECK(ddlint_pack_load_buffer("{", 1, "p.json", NULL) == NULL);
}

/* Regression test for a fixed bug (src/lib/pack.c, ddlint_pack_load_buffer):
 * cJSON_ParseWithLengthOpts() is called with require_null_terminated false and
 * the end pointer is never checked, so anything after the top-level object (a
 * stray "}" left by a bad merge, a second object) is silently ignored and the
 * pack loads. Expected: "invalid JSON" at the first byte after the object (here
 * 2:1). */
static void test_error_trailing_garbage(void) {
  char *err = pack_error("{\"name\": \"x\", \"sections\": [], \"rules\": []}\n"
                         "}\n");
  CHECK(err != NULL);
  if (err)
    CHECK_STR(err, "p.json:2:1: invalid JSON: text after the top-level value");
  free(err);
  err = pack_error("{\"name\": \"x\", \"sections\": [], \"rules\": []}"
                   "{\"name\": \"y\"}");
  CHECK(err != NULL);
  free(err);
  /* trailing whitespace is fine */
  CHECK(pack_error("{\"name\": \"x\", \"sections\": [], \"rules\": []}\n\n "
                   "\t\n") == NULL);
}

static void test_error_location_code_points(void) {
  /* columns count code points: "é" is one column */
  char *err = pack_error("{\"name\": \"\xC3\xA9\", \"bogus\": 1}");
  CHECK_HAS(err, "p.json:1:15: unknown field \"bogus\"");
  free(err);
  /* an escaped quote does not end a string early */
  err = pack_error("{\"name\": \"a\\\"b\", \"bogus\": 1}");
  CHECK_HAS(err, "p.json:1:18: unknown field \"bogus\"");
  free(err);
  /* nested after empty containers */
  const char *j = "{\"name\": \"x\", \"sections\": [{\"id\": \"a\", \"title\": "
                  "\"A\", \"aliases\": [], \"topics\": []}],\n"
                  " \"rules\": [{}, {\"id\": \"r\"}]}";
  CHECK_ERROR(j, "{}", 0, "rule has no \"id\"");
}

static void test_error_unknown_fields(void) {
  /* spelled out once in full */
  char *err = pack_error("{\n  \"name\": \"x\",\n  \"sectons\": [],\n"
                         "  \"rules\": []\n}\n");
  CHECK_STR(err,
            "p.json:3:3: unknown field \"sectons\" in pack (expected one of: "
            "$schema, name, version, description, extends, sections, rules, "
            "not_evidence, title_priority, template_text, record_parts, "
            "generic_names)");
  free(err);

  const char *j = "{\"name\": \"x\", \"rules\": [],\n"
                  " \"sections\": [\n"
                  "  {\"id\": \"a\", \"title\": \"A\", \"alias\": [\"x\"]}]}";
  CHECK_ERROR(j, "\"alias\"", 0,
              "unknown field \"alias\" in section (expected one of: id, "
              "title, aliases, required, weight, prompt, topics, evidence, replace, required_if, parent, opening, needs_evidence, not_under, diagrams)");

  /* "diagrams" is a bool like the section's other flags */
  j = "{\"name\": \"x\", \"rules\": [],\n"
      " \"sections\": [{\"id\": \"a\", \"title\": \"A\", \"diagrams\": \"yes\"}]}";
  CHECK_ERROR(j, "\"yes\"", 0,
              "\"diagrams\" in section must be true or false");

  j = "{\"name\": \"x\", \"rules\": [],\n"
      " \"sections\": [{\"id\": \"a\", \"title\": \"A\", \"topics\": [\n"
      "   {\"id\": \"t\", \"title\": \"T\", \"pattern\": \"x\"}]}]}";
  CHECK_ERROR(j, "\"pattern\"", 0,
              "unknown field \"pattern\" in topic (expected one of: id, "
              "title, aliases, patterns, local_patterns, weight, prompt, replace, "
              "target_rows)");

  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [{\"id\": \"r\", \"kind\": \"empty-section\", "
      "\"severity\": \"info\",\n"
      "   \"message\": \"m\", \"level\": 1}]}";
  CHECK_ERROR(j, "\"level\"", 0,
              "unknown field \"level\" in rule (expected one of: id, kind, "
              "severity, summary, message, help, explain, help_uri, scope, "
              "params, required_if)");
}

static void test_error_rule_kind(void) {
  const char *j = "{\"name\": \"x\", \"sections\": [],\n"
                  " \"rules\": [\n"
                  "  {\"id\": \"r\", \"kind\": \"required-sections\",\n"
                  "   \"severity\": \"error\", \"message\": \"m\"}]}";
  /* the known kinds, in kinds.def's order, read from the table so that a
   * new kind is its file and its line, not an edit here too */
  char want[1024];
  size_t len = (size_t)snprintf(want, sizeof want,
                                "unknown rule kind \"required-sections\" "
                                "(known kinds: ");
  for (const rule_kind *const *k = rule_kinds; *k; k++)
    len += (size_t)snprintf(want + len, sizeof want - len, "%s%s",
                            k == rule_kinds ? "" : ", ", (*k)->name);
  snprintf(want + len, sizeof want - len, ")");
  CHECK(len < sizeof want - 2);
  CHECK(strstr(want, "required-section, required-topic, ") != NULL);
  CHECK_ERROR(j, "\"required-sections\"", 0, want);
}

static void test_error_pattern(void) {
  /* PCRE2's own message, built here independently of pack.c */
  int code;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR) "a(b", PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF, &code, &off, NULL);
  CHECK(re == NULL);
  pcre2_code_free(re);
  PCRE2_UCHAR msg[256];
  pcre2_get_error_message(code, msg, sizeof msg);
  CHECK_STR((const char *)msg, "missing closing parenthesis");
  CHECK_INT(off, 3);

  const char *j = "{\"name\": \"x\", \"rules\": [],\n"
                  " \"sections\": [{\"id\": \"a\", \"title\": \"A\", "
                  "\"topics\": [\n"
                  "   {\"id\": \"t\", \"title\": \"T\",\n"
                  "    \"patterns\": [\"ok\", \"a(b\"]}]}]}";
  char *want = xasprintf("invalid pattern \"a(b\": %s at offset %zu",
                         (const char *)msg, (size_t)off);
  CHECK_ERROR(j, "\"a(b\"", 0, want);
  free(want);

  /* in a rule's params too */
  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [{\"id\": \"p\", \"kind\": \"placeholder\", "
      "\"severity\": \"info\",\n"
      "   \"message\": \"m\", \"params\": {\"patterns\": [\"[TBD\"]}}]}";
  char *err = pack_error(j);
  CHECK_HAS(err, "p.json:3:");
  CHECK_HAS(err, ": invalid pattern \"[TBD\": ");
  CHECK_HAS(err, "at offset 4");
  free(err);
}

static void test_error_scope_severity_duplicate(void) {
  const char *j = "{\"name\": \"x\",\n"
                  " \"sections\": [{\"id\": \"a\", \"title\": \"A\"}],\n"
                  " \"rules\": [\n"
                  "  {\"id\": \"r\", \"kind\": \"empty-section\", "
                  "\"severity\": \"info\",\n"
                  "   \"message\": \"m\", \"scope\": [\"a\", \"nope\"]}]}";
  CHECK_ERROR(j, "\"nope\"", 0, "scope names no section: \"nope\"");

  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [\n"
      "  {\"id\": \"r\", \"kind\": \"empty-section\",\n"
      "   \"severity\": \"fatal\", \"message\": \"m\"}]}";
  CHECK_ERROR(j, "\"fatal\"", 0,
              "severity must be \"error\", \"warning\" or \"info\", not "
              "\"fatal\"");

  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [\n"
      "  {\"id\": \"r\", \"kind\": \"empty-section\", \"severity\": \"info\", "
      "\"message\": \"m\"},\n"
      "  {\"id\": \"r\", \"kind\": \"placeholder\", \"severity\": \"info\", "
      "\"message\": \"m\"}]}";
  CHECK_ERROR(j, "\"r\"", 1, "duplicate rule id \"r\"");

  j = "{\"name\": \"x\", \"rules\": [],\n"
      " \"sections\": [{\"id\": \"a\", \"title\": \"A\"},\n"
      "              {\"id\": \"a\", \"title\": \"B\"}]}";
  CHECK_ERROR(j, "\"a\"", 1, "duplicate section id \"a\"");

  j = "{\"name\": \"x\", \"rules\": [],\n"
      " \"sections\": [{\"id\": \"a\", \"title\": \"A\", \"topics\": [\n"
      "   {\"id\": \"t\", \"title\": \"T\"}, {\"id\": \"t\", \"title\": "
      "\"U\"}]}]}";
  CHECK_ERROR(j, "\"t\"", 1, "duplicate topic id \"t\"");
}

static void test_error_schema(void) {
  CHECK_ERROR("{\"sections\": [], \"rules\": []}", NULL, 0,
              "pack has no \"name\"");
  CHECK_ERROR("{\"name\": \"x\", \"rules\": []}", NULL, 0,
              "pack has no \"sections\"");
  CHECK_ERROR("{\"name\": \"x\", \"sections\": []}", NULL, 0,
              "pack has no \"rules\"");
  CHECK_ERROR("{\"name\": \"x\", \"sections\": {}, \"rules\": []}", "{}", 0,
              "\"sections\" in pack must be an array");
  CHECK_ERROR("{\"name\": 3, \"sections\": [], \"rules\": []}", "3", 0,
              "\"name\" in pack must be a string");

  const char *j = "{\"name\": \"x\", \"rules\": [],\n"
                  " \"sections\": [{\"id\": \"a\", \"title\": \"A\", "
                  "\"weight\": -1}]}";
  CHECK_ERROR(j, "-1", 0,
              "\"weight\" in section must be a number from 0 to 1e6");
  j = "{\"name\": \"x\", \"rules\": [],\n"
      " \"sections\": [{\"id\": \"a\", \"title\": \"A\", \"required\": "
      "\"yes\"}]}";
  CHECK_ERROR(j, "\"yes\"", 0, "\"required\" in section must be true or false");
  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [{\"id\": \"\", \"kind\": \"placeholder\", \"severity\": "
      "\"info\", \"message\": \"m\"}]}";
  CHECK_ERROR(j, "\"\"", 0, "\"id\" in rule must not be empty");
  j = "{\"name\": \"x\", \"rules\": [],\n"
      " \"sections\": [\"a\"]}";
  CHECK_ERROR(j, "\"a\"", 0, "section must be an object");
}

static void test_error_params(void) {
  const char *j = "{\"name\": \"x\", \"sections\": [],\n"
                  " \"rules\": [{\"id\": \"lat\", \"kind\": "
                  "\"quantified-target\",\n"
                  "   \"severity\": \"info\", \"message\": \"m\"}]}";
  /* at the rule, not at 1:1 */
  CHECK_ERROR(j, "{\"id\": \"lat\"", 0,
              "rule \"lat\": quantified-target needs params");

  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [{\"id\": \"e\", \"kind\": \"section-order\",\n"
      "   \"severity\": \"info\", \"message\": \"m\", \"params\": {\"x\": "
      "1}}]}";
  CHECK_ERROR(j, "\"x\": 1", 0, "kind \"section-order\" takes no params \"x\"");

  j = "{\"name\": \"x\", \"sections\": [{\"id\": \"a\", \"title\": \"A\", "
      "\"topics\": [{\"id\": \"t\", \"title\": \"T\"}]}],\n"
      " \"rules\": [{\"id\": \"m\", \"kind\": \"required-topic\",\n"
      "   \"severity\": \"info\", \"message\": \"m\", \"params\": {\"topics\": "
      "[\"t\", \"zz\"]}}]}";
  CHECK_ERROR(j, "\"zz\"", 0, "no topic has the id \"zz\"");

  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [{\"id\": \"lat\", \"kind\": \"quantified-target\",\n"
      "   \"severity\": \"info\", \"message\": \"m\",\n"
      "   \"params\": {\"name\": \"latency\", \"subject\": \"latency\"}}]}";
  CHECK_ERROR(j, "{\"name\": \"latency\"", 0,
              "params need a \"quantity\" pattern string");

  j = "{\"name\": \"x\", \"sections\": [],\n"
      " \"rules\": [{\"id\": \"e\", \"kind\": \"empty-section\",\n"
      "   \"severity\": \"info\", \"message\": \"m\", \"params\": [1]}]}";
  CHECK_ERROR(j, "[1]", 0, "params must be an object");
}


/* Regression test for a fixed bug (src/lib/pack.c, S_patterns): when
 * S_strings() fails part-way through an array ("patterns": ["ok", 1]),
 * S_patterns returns without freeing the strings it already copied: the vector
 * (16 bytes) and "ok" leak on this error path. LeakSanitizer and valgrind
 * report it; with glibc the heap check below fails too. */
static void test_error_pattern_not_string(void) {
  const char *j = "{\"name\": \"x\", \"rules\": [],\n"
                  " \"sections\": [{\"id\": \"a\", \"title\": \"A\", "
                  "\"topics\": [\n"
                  "   {\"id\": \"t\", \"title\": \"T\", \"patterns\": "
                  "[\"ok\", 1]}]}]}";
  CHECK_ERROR(j, "1]", 0, "\"patterns\" in topic must hold only strings");
  /* That a failed load frees everything it allocated is checked by
   * LeakSanitizer, which runs this suite in the ASan build of tests/run.sh
   * (glibc's heap statistics proved too noisy for it). */
  free(pack_error(j));
  const char *ok = "{\"name\": \"x\", \"rules\": [],\n"
                   " \"sections\": [{\"id\": \"a\", \"title\": \"A\", "
                   "\"aliases\": [\"ok\", 1]}]}";
  char *err = pack_error(ok);
  CHECK_HAS(err, "\"aliases\" in section must hold only strings");
  free(err);
}

static void test_load_file(void) {
  char *err = NULL;
  ddlint_pack *pk = ddlint_pack_load_file("/nonexistent/dir/pack.json", &err);
  CHECK(pk == NULL);
  CHECK_STR(err, "/nonexistent/dir/pack.json: cannot open pack: No such file "
                 "or directory");
  free(err);

  char path[] = "/tmp/ddlint-unit-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0)
    return;
  FILE *f = fdopen(fd, "w");
  fputs("{\"name\": \"f\",\n \"bogus\": 1}", f);
  fclose(f);
  err = NULL;
  pk = ddlint_pack_load_file(path, &err);
  CHECK(pk == NULL);
  char *want = xasprintf(
      "%s:2:2: unknown field \"bogus\" in pack (expected "
      "one of: $schema, name, version, description, "
      "extends, sections, rules, not_evidence, title_priority, template_text, record_parts, "
      "generic_names)",
      path);
  CHECK_STR(err, want);
  free(want);
  free(err);
  remove(path);
}

static void test_builtin(void) {
  char *err = NULL;
  CHECK_STR(ddlint_default_pack_name(), "ml-system-design");
  ddlint_pack *pk = ddlint_pack_load_builtin("ml-system-design", &err);
  CHECK(pk != NULL);
  if (!pk) {
    fprintf(stderr, "    %s\n", err ? err : "");
    free(err);
    return;
  }
  CHECK_STR(ddlint_pack_name(pk), "ml-system-design");
  CHECK_INT(pk->nsections, 8);
  CHECK(ddlint_pack_rule_count(pk) >= 5);
  CHECK(ddlint_pack_find_rule(pk, "missing-section") != NULL);
  for (size_t i = 0; i < ddlint_pack_rule_count(pk); i++) {
    const ddlint_rule *r = ddlint_pack_rule(pk, i);
    const char *id = ddlint_rule_id(r);
    const char *explain = ddlint_rule_explain(r);
    t_check(r->explain != NULL, __FILE__, __LINE__,
            "built-in rule \"%s\" has no explain text of its own", id);
    t_check(explain && *explain, __FILE__, __LINE__,
            "built-in rule \"%s\" has an empty explain text", id);
    t_check(explain && strcmp(explain, ddlint_rule_summary(r)) != 0, __FILE__,
            __LINE__, "built-in rule \"%s\": explain is just the summary", id);
    t_check(ddlint_kind_explain(ddlint_rule_kind(r)) != NULL, __FILE__,
            __LINE__, "built-in rule \"%s\" has an unknown kind", id);
    t_check(ddlint_pack_find_rule(pk, id) == r, __FILE__, __LINE__,
            "rule id \"%s\" is not unique", id);
  }
  /* the ML template reads a decision log as one design; the ADR template
   * lints each record */
  CHECK_INT(ddlint_pack_record_parts(pk), 1);
  ddlint_pack_free(pk);
  pk = ddlint_pack_load_builtin("adr", &err);
  CHECK(pk != NULL);
  if (pk)
    CHECK_INT(ddlint_pack_record_parts(pk), 0);
  ddlint_pack_free(pk);
  pk = ddlint_pack_load_builtin("nope", &err);
  CHECK(pk == NULL);
  CHECK_STR(err, "no built-in template named \"nope\"");
  free(err);
}

static void test_kind_explain(void) {
  size_t n = 0;
  for (const rule_kind *const *k = rule_kinds; *k; k++, n++) {
    const char *e = ddlint_kind_explain((*k)->name);
    t_check(e != NULL && strlen(e) > 40, __FILE__, __LINE__,
            "rule kind \"%s\" has no explanation", (*k)->name);
    t_check(rule_kind_find((*k)->name) == *k && (*k)->check != NULL, __FILE__,
            __LINE__, "rule kind \"%s\" is not dispatchable", (*k)->name);
  }
  /* every line of kinds.def is in the table */
  static const char *const lines[] = {
#define RULE_KIND(file) #file,
#include "rules/kinds.def"
#undef RULE_KIND
  };
  CHECK_INT(n, sizeof lines / sizeof lines[0]);
  CHECK(n >= 15);
  CHECK(ddlint_kind_explain("no-such-kind") == NULL);
  CHECK(rule_kind_find("no-such-kind") == NULL);
}

/* "generic_names" are kept as title keys (stemmed, sorted words), and a
 * wrong type is a located error */
static void test_generic_names(void) {
  ddlint_pack *pk = PACK("{\"name\": \"g\", \"sections\": [{\"id\": \"p\", "
                         "\"title\": \"Problem\"}], \"rules\": [], \"generic_names\": "
                         "[\"Key Components\", \"Introduction\"]}");
  CHECK(pk != NULL);
  if (pk) {
    CHECK_INT(pk->ngeneric_names, 2);
    CHECK_STR(pk->generic_names[0], "component key");
    CHECK_STR(pk->generic_names[1], "introduction");
    ddlint_pack_free(pk);
  }
  /* "not_under" names another section, resolved once all are read */
  pk = PACK("{\"name\": \"u\", \"rules\": [], \"sections\": ["
            "{\"id\": \"m\", \"title\": \"Metrics\", \"not_under\": \"o\"},"
            "{\"id\": \"o\", \"title\": \"Operations\"}]}");
  CHECK(pk != NULL);
  if (pk) {
    CHECK_INT(pk->sections[0].not_under, 1);
    CHECK_INT(pk->sections[1].not_under, -1);
    ddlint_pack_free(pk);
  }
  char *uerr = pack_error("{\"name\": \"u\", \"rules\": [], \"sections\": [\n"
                          "{\"id\": \"m\", \"title\": \"M\", \"not_under\": \"m\"}]}");
  CHECK(uerr && strncmp(uerr, "p.json:2:", 9) == 0 &&
        strstr(uerr, "\"not_under\" must name another section"));
  free(uerr);
  /* 64 evidence items at most (topics, evidence patterns, a diagram):
   * the 65th would never count, so the pack is refused */
  {
    strbuf j = {0};
    strbuf_puts(&j, "{\"name\": \"e\", \"rules\": [], \"sections\": [\n"
                    "{\"id\": \"a\", \"title\": \"A\", \"diagrams\": true,"
                    "\n \"evidence\": [");
    for (int i = 0; i < 64; i++)
      strbuf_printf(&j, "%s\"\\\\bw%d\\\\b\"", i ? ", " : "", i);
    strbuf_puts(&j, "]}]}");
    char *eerr = pack_error(j.data);
    CHECK(eerr && strncmp(eerr, "p.json:3:", 9) == 0 &&
          strstr(eerr, "65 evidence items"));
    free(eerr);
    strbuf_free(&j);
  }
  /* a bad local pattern is a located error, like any pattern */
  char *lerr = pack_error("{\"name\": \"l\", \"rules\": [], \"sections\": [\n"
                          "{\"id\": \"o\", \"title\": \"O\", \"topics\": [{\"id\": "
                          "\"t\", \"title\": \"T\",\n \"local_patterns\": [\"(\"]}]}]}");
  CHECK(lerr && strncmp(lerr, "p.json:3:", 9) == 0 &&
        strstr(lerr, "invalid pattern \"(\""));
  free(lerr);
  /* target_rows: an object with patterns, each a valid pattern */
  static const struct {
    const char *rows, *says;
  } bad_rows[] = {
      {"[\"x\"]", "must be an object"},
      {"{\"unless\": [\"x\"]}", "needs \"patterns\""},
      {"{\"patterns\": [\"(\"]}", "invalid pattern \"(\""},
      {"{\"patterns\": [\"x\"], \"except\": []}", "unknown field \"except\""},
  };
  for (size_t i = 0; i < sizeof bad_rows / sizeof *bad_rows; i++) {
    char *j = xasprintf("{\"name\": \"r\", \"rules\": [], \"sections\": [\n"
                        "{\"id\": \"o\", \"title\": \"O\", \"topics\": [{\"id\": "
                        "\"t\", \"title\": \"T\",\n \"target_rows\": %s}]}]}",
                        bad_rows[i].rows);
    char *rerr = pack_error(j);
    t_check(rerr && strncmp(rerr, "p.json:3:", 9) == 0 &&
                  strstr(rerr, bad_rows[i].says),
            __FILE__, __LINE__, "target_rows %s: %s", bad_rows[i].rows,
            rerr ? rerr : "(none)");
    free(rerr);
    free(j);
  }
  char *err = pack_error("{\"name\": \"g\", \"sections\": [], \"rules\": [],\n"
                         " \"generic_names\": 3}");
  CHECK(err && strncmp(err, "p.json:2:", 9) == 0 && strstr(err, "generic_names"));
  free(err);
}

void suite_pack(void) {
  RUN(test_load_minimal);
  RUN(test_error_json);
  RUN(test_error_trailing_garbage);
  RUN(test_error_location_code_points);
  RUN(test_error_unknown_fields);
  RUN(test_error_rule_kind);
  RUN(test_error_pattern);
  RUN(test_error_scope_severity_duplicate);
  RUN(test_error_schema);
  RUN(test_error_params);
  RUN(test_error_pattern_not_string);
  RUN(test_load_file);
  RUN(test_builtin);
  RUN(test_kind_explain);
  RUN(test_generic_names);
}
