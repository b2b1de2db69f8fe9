/* The GitHub reporter: one workflow command per diagnostic,
 * "::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE",
 * which GitHub Actions turns into annotations on the pull request. Property
 * values escape %, CR, LF, ':' and ','; the message escapes %, CR and LF. */
#include "util.h"
#include "report.h"

#include <stdlib.h>

struct reporter {
  report_opts o;
};

static void S_escape(FILE *out, const char *s, bool property) {
  for (; *s; s++) {
    switch (*s) {
    case '%':
      fputs("%25", out);
      break;
    case '\r':
      fputs("%0D", out);
      break;
    case '\n':
      fputs("%0A", out);
      break;
    case ':':
      fputs(property ? "%3A" : ":", out);
      break;
    case ',':
      fputs(property ? "%2C" : ",", out);
      break;
    default:
      fputc(*s, out);
    }
  }
}

static reporter *S_begin(const report_opts *opts) {
  reporter *rep = xcalloc(1, sizeof *rep);
  rep->o = *opts;
  return rep;
}

static void S_emit(reporter *rep, const ddlint_result *r) {
  FILE *out = rep->o.out;
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *d = ddlint_result_diag(r, i);
    if (!report_shows(&rep->o, d))
      continue;
    ddlint_severity sev = ddlint_diag_severity(d);
    unsigned sl, sc, el, ec;
    ddlint_diag_start(d, &sl, &sc, NULL);
    ddlint_diag_end(d, &el, &ec, NULL);
    fprintf(out, "::%s file=",
            sev == DDLINT_ERROR     ? "error"
            : sev == DDLINT_WARNING ? "warning"
                                    : "notice");
    S_escape(out, ddlint_diag_file(d), true);
    fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", sl, sc, el,
            ec);
    S_escape(out, ddlint_diag_rule(d), true);
    fputs("::", out);
    S_escape(out, ddlint_diag_message(d), false);
    if (ddlint_result_part_count(r)) { /* a part: name its document */
      S_escape(out, "\ndocument: ", false);
      S_escape(out, ddlint_result_path(r), false);
    }
    if (*ddlint_diag_help(d)) {
      S_escape(out, "\nhelp: ", false);
      S_escape(out, ddlint_diag_help(d), false);
    }
    fputc('\n', out);
  }
}

/* Paths that could not be read and failed gates: on stderr too, but a
 * pull request shows only annotations. */
static void S_end(reporter *rep, const report_totals *t) {
  for (size_t i = 0; i < t->nproblems; i++) {
    const report_problem *p = &t->problems[i];
    fputs("::error ", rep->o.out);
    if (p->path) {
      fputs("file=", rep->o.out);
      S_escape(rep->o.out, p->path, true);
      fputc(',', rep->o.out);
    }
    fputs("title=ddlint ", rep->o.out);
    S_escape(rep->o.out, p->title, true);
    fputs("::", rep->o.out);
    S_escape(rep->o.out, p->message, false);
    fputc('\n', rep->o.out);
  }
  free(rep);
}

const reporter_ops report_github_ops = {"github", S_begin, S_emit, S_end};
