/* Checks and rendering shared by the harnesses. Everything allocated here is
 * freed before returning, so libFuzzer's leak check stays meaningful. */
#include "fuzz_common.h"

#include "report.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("fuzz invariant violated: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

const char fuzz_document[] =
    "---\ntitle: x\nddlint-template: ml-system-design\n---\n"
    "# Design\n\n"
    "<!-- ddlint-disable-file no-such-rule -->\n\n"
    "## 1. Problem Statement\n\n**Use case**: TBD\n\n"
    "## Metrics (offline and online)\n\n- Offline: P99 latency < 200 ms\n"
    "- Online: CTR, [fill in]\n\n"
    "### Empty\n\n"
    "<!-- ddlint-disable placeholder -->\nTODO: later\n"
    "<!-- ddlint-enable placeholder -->\n\n"
    "## Data\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "```\nTODO in code\n```\n\n<!-- TODO in a comment -->\n\n"
    "<div>html</div>\n\n---\n\n"
    "Setext heading\n--------------\n\n"
    "<!-- ddlint-disable-next-line -->\nFIXME\n\n"
    "## Modle Desgin\n\nLatency: 50ms p95, throughput 10k QPS.\n"
    "See [Data](#data).\n\n## Data\n\nagain\n";
const size_t fuzz_document_len = sizeof fuzz_document - 1;

void fuzz_isolate(void) {
  if (!freopen("/dev/null", "r", stdin))
    abort();
  setenv("DDLINT_PACK_PATH", "", 1);
}

void fuzz_check_error(const char *err, const char *origin, const char *what) {
  size_t n = strlen(origin);
  if (!err)
    fuzz_fail("%s rejected without an error string", what);
  if (strncmp(err, origin, n) != 0 || err[n] != ':')
    fuzz_fail("%s error does not start with \"%s:\": %s", what, origin, err);
}

void fuzz_check_result(const ddlint_result *r, size_t len) {
  double score = ddlint_result_score(r);
  if (!(score >= 0.0 && score <= 100.0))
    fuzz_fail("score %g is outside [0, 100]", score);
  size_t n = ddlint_result_diag_count(r), prev = 0;
  for (size_t i = 0; i < n; i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    unsigned sl, sc, el, ec;
    size_t so, eo;
    ddlint_diag_start(d, &sl, &sc, &so);
    ddlint_diag_end(d, &el, &ec, &eo);
    if (!ddlint_diag_rule(d) || !ddlint_diag_message(d) ||
        !ddlint_diag_help(d) || !ddlint_diag_section(d))
      fuzz_fail("diagnostic %zu has a NULL string", i);
    if (so > eo || eo > len)
      fuzz_fail("diagnostic %zu [%s] spans bytes [%zu, %zu) of %zu", i,
                ddlint_diag_rule(d), so, eo, len);
    if (sl == 0 || sc == 0 || el < sl || (el == sl && ec < sc))
      fuzz_fail("diagnostic %zu [%s] runs from %u:%u to %u:%u", i,
                ddlint_diag_rule(d), sl, sc, el, ec);
    if (so < prev)
      fuzz_fail("diagnostic %zu is not sorted by position", i);
    prev = so;
  }
  size_t nlines = 0;
  while (nlines < len + 2) {
    size_t l;
    if (!ddlint_result_line(r, (unsigned)nlines + 1, &l))
      break;
    nlines++;
  }
  for (size_t s = 0; s < ddlint_result_section_count(r); s++) {
    unsigned line = ddlint_coverage_section_line(r, s);
    if (line > nlines || (line != 0) != (ddlint_coverage_section_heading(r, s) != NULL))
      fuzz_fail("coverage section %zu: line %u of %zu, heading %p", s, line,
                nlines, (const void *)ddlint_coverage_section_heading(r, s));
    for (size_t t = 0; t < ddlint_coverage_topic_count(r, s); t++) {
      unsigned tl = ddlint_coverage_topic_line(r, s, t);
      if (tl > nlines || (tl != 0) != (ddlint_coverage_topic_via(r, s, t) != NULL))
        fuzz_fail("coverage topic %zu.%zu: line %u of %zu", s, t, tl, nlines);
    }
  }
}

static int S_is_json_format(const char *name) {
  return strcmp(name, "json") == 0 || strcmp(name, "sarif") == 0;
}

void fuzz_render_all(const ddlint_pack *pack, const ddlint_result *r,
                     int color) {
  /* report_names() is "human, json, ...": walk it so that a new reporter
   * is fuzzed as soon as it is registered. */
  const char *names = report_names();
  report_totals totals = {
      .files = 1,
      .errors = ddlint_result_count(r, DDLINT_ERROR),
      .warnings = ddlint_result_count(r, DDLINT_WARNING),
      .infos = ddlint_result_count(r, DDLINT_INFO),
  };
  for (const char *p = names; *p;) {
    while (*p == ',' || *p == ' ')
      p++;
    size_t k = strcspn(p, ", ");
    if (!k)
      break;
    char name[32];
    if (k >= sizeof name)
      fuzz_fail("reporter name too long in \"%s\"", names);
    memcpy(name, p, k);
    name[k] = '\0';
    p += k;
    const reporter_ops *ops = report_find(name);
    if (!ops)
      fuzz_fail("report_names() lists \"%s\" but report_find() has none", name);

    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    if (!out)
      abort();
    report_opts opts = {.out = out, .color = color != 0, .pack = pack};
    reporter *rep = ops->begin(&opts);
    ops->emit(rep, r);
    ops->end(rep, &totals);
    fclose(out);
    if (S_is_json_format(name)) {
      cJSON *doc = cJSON_ParseWithLength(buf, size);
      if (!doc)
        fuzz_fail("the %s reporter wrote invalid JSON near byte %zu:\n%s",
                  name, (size_t)(cJSON_GetErrorPtr() - buf), buf);
      cJSON_Delete(doc);
    }
    free(buf);
  }
}

ddlint_pack *fuzz_document_pack(const char *harness) {
  char json[512];
  snprintf(json, sizeof json,
           "{\"name\": \"fuzz\", \"extends\": \"%s\",\n"
           " \"rules\": [{\"id\": \"broken-fragment\", \"kind\": "
           "\"link-fragment\", \"severity\": \"warning\", "
           "\"message\": \"{detail}\"}]}\n",
           ddlint_default_pack_name());
  char *err = NULL;
  ddlint_pack *pack = ddlint_pack_load_buffer(json, strlen(json), "fuzz", &err);
  if (!pack) {
    fprintf(stderr, "%s: cannot load the built-in pack: %s\n", harness,
            err ? err : "(no message)");
    exit(1);
  }
  return pack;
}
