/* The SARIF reporter: one SARIF 2.1.0 log with one run, in the subset that
 * GitHub code scanning accepts. tool.driver lists the pack's rules; each
 * result has a physical location (a URI relative to the working directory
 * under %SRCROOT%, or a file:// URI for a path outside it; columns in Unicode
 * code points) and the section path as a logical location. Streamed: the
 * header at begin, a result per diagnostic. */
#include "util.h"
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct reporter {
  report_opts o;
  size_t nresults;
  char *cwd;                 /* owned; for relative URIs */
  bool relative_uris;        /* a result's URI is relative to %SRCROOT% */
  const ddlint_rule **rules; /* owned array of borrowed rules: tool.driver */
  size_t nrules, cap;
  char *body; /* owned: the results, written at the end after the rules */
  size_t body_len;
  FILE *results; /* open_memstream on body */
};

static const char *S_level(ddlint_severity sev) {
  return sev == DDLINT_ERROR     ? "error"
         : sev == DDLINT_WARNING ? "warning"
                                 : "note";
}

/* Writes path as a JSON string, percent-encoding what RFC 3986 does not
 * allow in a URI path; prefix (e.g. "file://") is written as is. */
static void S_uri(FILE *out, const char *prefix, const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  strbuf sb = {0};
  strbuf_puts(&sb, prefix);
  /* in a relative reference, a ':' before the first '/' would read as a
   * scheme ("a:b/doc.md"): it is encoded there (RFC 3986, 4.2) */
  bool first_segment = !*prefix;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (*p == '/')
      first_segment = false;
    if (*p == ':' && first_segment) {
      strbuf_puts(&sb, "%3A");
      continue;
    }
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("/-._~!$&'()*+,;=:@", *p)) {
      strbuf_putc(&sb, (char)*p);
    } else {
      strbuf_putc(&sb, '%');
      strbuf_putc(&sb, hex[*p >> 4]);
      strbuf_putc(&sb, hex[*p & 15]);
    }
  }
  report_json_string(out, sb.data ? sb.data : "");
  strbuf_free(&sb);
}

/* Index of rule in the driver's list, adding it (and its pack's other
 * rules, in order) the first time a pack is seen. Files linted with other
 * templates (config overrides, front matter) add their rules. */
static size_t S_rule_index(reporter *rep, const ddlint_pack *pk,
                           const char *id) {
  for (size_t k = 0; k < ddlint_pack_rule_count(pk); k++) {
    const ddlint_rule *r = ddlint_pack_rule(pk, k);
    bool known = false;
    for (size_t i = 0; i < rep->nrules && !known; i++)
      known = strcmp(ddlint_rule_id(rep->rules[i]), ddlint_rule_id(r)) == 0;
    if (!known) {
      xgrow(&rep->rules, &rep->cap, rep->nrules + 1, sizeof *rep->rules);
      rep->rules[rep->nrules++] = r;
    }
  }
  for (size_t i = 0; i < rep->nrules; i++)
    if (strcmp(ddlint_rule_id(rep->rules[i]), id) == 0)
      return i;
  const ddlint_rule *doc_rule = ddlint_document_rule_find(id);
  if (doc_rule) { /* a document's own rule (missing-part, shared-part) */
    xgrow(&rep->rules, &rep->cap, rep->nrules + 1, sizeof *rep->rules);
    rep->rules[rep->nrules++] = doc_rule;
    return rep->nrules - 1;
  }
  return 0;
}

static reporter *S_begin(const report_opts *opts) {
  reporter *rep = xcalloc(1, sizeof *rep);
  rep->o = *opts;
  char buf[PATH_MAX];
  if (getcwd(buf, sizeof buf))
    rep->cwd = xstrdup(buf);
  rep->results = open_memstream(&rep->body, &rep->body_len);
  if (!rep->results)
    oom_abort(0);
  if (opts->pack)
    S_rule_index(rep, opts->pack, "");
  return rep;
}

static void S_write_rules(reporter *rep, FILE *out) {
  for (size_t i = 0; i < rep->nrules; i++) {
    const ddlint_rule *r = rep->rules[i];
    fputs(i ? ",\n            {" : "\n            {", out);
    fputs("\"id\": ", out);
    report_json_string(out, ddlint_rule_id(r));
    fputs(",\n             \"shortDescription\": {\"text\": ", out);
    report_json_string(out, ddlint_rule_summary(r));
    fputs("},\n             \"fullDescription\": {\"text\": ", out);
    report_json_string(out, ddlint_rule_explain(r));
    /* the help template may hold per-finding placeholders: use the kind's
     * explanation as the rule-level help text */
    const char *help = ddlint_rule_help(r);
    if (!*help || strchr(help, '{'))
      help = ddlint_kind_explain(ddlint_rule_kind(r));
    fputs("},\n             \"help\": {\"text\": ", out);
    report_json_string(out, help ? help : ddlint_rule_summary(r));
    fprintf(out,
            "},\n             \"defaultConfiguration\": {\"level\": \"%s\"},\n"
            "             \"properties\": {\"kind\": ",
            S_level(ddlint_rule_severity(r)));
    report_json_string(out, ddlint_rule_kind(r));
    fputs("}", out);
    const char *uri = ddlint_rule_help_uri(r);
    if (uri && *uri) {
      fputs(",\n             \"helpUri\": ", out);
      report_json_string(out, uri);
    }
    fputs("}", out);
  }
}

/* An artifactLocation: a file inside the working directory is relative to
 * %SRCROOT% (declared in originalUriBaseIds at the end); any other is an
 * absolute file:// URI, since a reference that begins with a slash cannot
 * combine with a base (SARIF1004) and ".." must not appear (SARIF1002). */
static void S_artifact(reporter *rep, FILE *out, const char *file) {
  fputs("{\"uri\": ", out);
  if (!rep->cwd) { /* no working directory to resolve against */
    S_uri(out, file[0] == '/' ? "file://" : "", file);
    fputs(file[0] == '/' ? "}" : ", \"uriBaseId\": \"%SRCROOT%\"}", out);
    return;
  }
  char *abs = path_absolute(file);
  size_t n = strlen(rep->cwd);
  if (strncmp(abs, rep->cwd, n) == 0 && abs[n] == '/' && abs[n + 1]) {
    S_uri(out, "", abs + n + 1);
    fputs(", \"uriBaseId\": \"%SRCROOT%\"}", out);
    rep->relative_uris = true;
  } else {
    S_uri(out, "file://", abs);
    fputs("}", out);
  }
  free(abs);
}

static void S_emit(reporter *rep, const ddlint_result *r) {
  FILE *out = rep->results;
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    if (!report_shows(&rep->o, d))
      continue;
    unsigned sl, sc, el, ec;
    ddlint_diag_start(d, &sl, &sc, NULL);
    ddlint_diag_end(d, &el, &ec, NULL);
    if (el < sl || (el == sl && ec <= sc)) { /* an insertion point */
      el = sl;
      ec = sc + 1;
    }
    size_t index =
        S_rule_index(rep, ddlint_result_pack(r), ddlint_diag_rule(d));
    fputs(rep->nresults++ ? ",\n        {" : "\n        {", out);
    fputs("\"ruleId\": ", out);
    report_json_string(out, ddlint_diag_rule(d));
    fprintf(out, ", \"ruleIndex\": %zu, \"level\": \"%s\",\n", index,
            S_level(ddlint_diag_severity(d)));
    fputs("         \"message\": {\"text\": ", out);
    strbuf text = {0};
    strbuf_puts(&text, ddlint_diag_message(d));
    if (*ddlint_diag_help(d))
      strbuf_printf(&text, "\nhelp: %s", ddlint_diag_help(d));
    report_json_string(out, text.data);
    strbuf_free(&text);
    fputs("},\n         \"locations\": [{\"physicalLocation\": "
          "{\"artifactLocation\": ",
          out);
    /* the artifact is the file of the finding: a part of a document */
    S_artifact(rep, out, ddlint_diag_file(d));
    fprintf(out,
            ",\n           \"region\": {\"startLine\": %u, \"startColumn\": "
            "%u, \"endLine\": %u, \"endColumn\": %u}}",
            sl, sc, el, ec);
    if (*ddlint_diag_section(d)) {
      fputs(",\n           \"logicalLocations\": [{\"fullyQualifiedName\": ",
            out);
      report_json_string(out, ddlint_diag_section(d));
      fputs(", \"kind\": \"section\"}]", out);
    }
    fputs("}]", out);
    if (ddlint_result_part_count(r)) {
      fputs(",\n         \"properties\": {\"document\": ", out);
      report_json_string(out, ddlint_result_path(r));
      fputs("}", out);
    }
    fputs("}", out);
  }
}

static void S_end(reporter *rep, const report_totals *t) {
  FILE *out = rep->o.out;
  fclose(rep->results);
  fputs("{\n  \"$schema\": "
        "\"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
        "      \"tool\": {\n        \"driver\": {\n"
        "          \"name\": \"ddlint\",\n",
        out);
  fprintf(out,
          "          \"semanticVersion\": \"%s\",\n"
          "          \"informationUri\": "
          "\"https://github.com/ddlint/ddlint\",\n"
          "          \"rules\": [",
          DDLINT_VERSION);
  S_write_rules(rep, out);
  fputs("\n          ]\n        }\n      },\n", out);
  if (rep->relative_uris && rep->cwd) {
    /* where %SRCROOT% points: the working directory, ending in a slash */
    fputs("      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": ", out);
    strbuf root = {0};
    strbuf_printf(&root, "%s%s", rep->cwd,
                  rep->cwd[strlen(rep->cwd) - 1] == '/' ? "" : "/");
    S_uri(out, "file://", root.data);
    strbuf_free(&root);
    fputs("}},\n", out);
  }
  fputs("      \"columnKind\": \"unicodeCodePoints\",\n"
        "      \"results\": [",
        out);
  fwrite(rep->body, 1, rep->body_len, out);
  fprintf(out,
          "%s],\n      \"invocations\": [{\"executionSuccessful\": %s}]\n"
          "    }\n  ]\n}\n",
          rep->nresults ? "\n      " : "", t->unreadable ? "false" : "true");
  free(rep->body);
  free(rep->rules);
  free(rep->cwd);
  free(rep);
}

const reporter_ops report_sarif_ops = {"sarif", S_begin, S_emit, S_end};
