/* The language server's session: open documents and their text, packs and
 * configs loaded once (runcache.c), lints debounced until the input is
 * quiet, and each request answered from the last lint. Positions are byte
 * offsets inside; they become LSP positions (UTF-16 by default, UTF-8 when
 * the client offers it) only where a message is written. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "lsp.h"

#include "docparts.h"
#include "runcache.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef DDLINT_DOCDIR
#define DDLINT_DOCDIR "/usr/local/share/doc/ddlint"
#endif

/* An open document larger than this is not linted (as the command). */
#define LSP_MAX_DOC ((size_t)256 << 20)

typedef enum { ENC_UTF16, ENC_UTF8, ENC_UTF32 } pos_encoding;

/* A lint shared by the open parts of one document of several files. */
typedef struct {
  ddlint_result *r; /* owned */
  int refs;
} shared_result;

/* One open document. Owns its strings, text and line map; holds a
 * reference to its last lint. */
typedef struct {
  char *uri;
  char *path; /* a file: URI's path, else NULL */
  char *real; /* its realpath when the file exists, else NULL */
  double version;
  strbuf text;
  size_t *lines; /* start of each line (LSP breaks: \n, \r\n, \r) */
  size_t nlines, lines_cap;
  bool lines_ok;
  bool dirty;         /* changed since its last lint */
  shared_result *res; /* NULL before the first lint or on a bad template */
  size_t part;        /* its part in res, or SIZE_MAX for a file alone */
  char *last_error;   /* the last template or config error shown */
} lsp_doc;

struct lsp_server {
  bool use_fs;
  rpc_reader in;
  strbuf out;
  run_cache *cache; /* own_cache, or one borrowed from the caller */
  run_cache own_cache;
  lsp_doc **docs;
  size_t ndocs, docs_cap;
  pos_encoding enc;
  bool initialized, shutdown, exited;
  char *template_ref;    /* initializationOptions.template, or NULL */
  cJSON *severities;     /* initializationOptions.severities, or NULL */
  char *root;            /* the workspace folder, or NULL */
  bool register_watches; /* the client registers watchers dynamically */
  int next_id;
  ddlint_options lint_opts; /* threads for a large document */
  double dirty_since;       /* when the oldest pending change arrived */
};

static double S_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- positions ---- */

static void S_lines(lsp_doc *d) {
  if (d->lines_ok)
    return;
  const char *t = d->text.data ? d->text.data : "";
  size_t n = d->text.len;
  d->nlines = 0;
  xgrow(&d->lines, &d->lines_cap, 1, sizeof(size_t));
  d->lines[d->nlines++] = 0;
  for (size_t i = 0; i < n; i++)
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= n || t[i + 1] != '\n'))) {
      xgrow(&d->lines, &d->lines_cap, d->nlines + 1, sizeof(size_t));
      d->lines[d->nlines++] = i + 1;
    }
  d->lines_ok = true;
}

/* Units of the negotiated encoding in [from, to) of the text. */
static size_t S_units(const lsp_server *s, const char *t, size_t from,
                      size_t to) {
  if (s->enc == ENC_UTF8)
    return to - from;
  size_t u = 0;
  for (size_t i = from; i < to;) {
    size_t n = utf8_valid_len((const unsigned char *)t + i, to - i);
    u += n == 4 && s->enc == ENC_UTF16 ? 2 : 1;
    i += n ? n : 1;
  }
  return u;
}

/* The end of line l's content (before its line break). */
static size_t S_line_end(const lsp_doc *d, size_t l) {
  size_t e = l + 1 < d->nlines ? d->lines[l + 1] : d->text.len;
  const char *t = d->text.data;
  if (e > d->lines[l] && t[e - 1] == '\n')
    e--;
  if (e > d->lines[l] && t[e - 1] == '\r')
    e--;
  return e;
}

static size_t S_line_of(lsp_doc *d, size_t off) {
  S_lines(d);
  return line_index_of(d->lines, d->nlines, off);
}

static cJSON *S_position(const lsp_server *s, lsp_doc *d, size_t off) {
  if (off > d->text.len)
    off = d->text.len;
  size_t l = S_line_of(d, off);
  cJSON *p = cJSON_CreateObject();
  cJSON_AddNumberToObject(p, "line", (double)l);
  cJSON_AddNumberToObject(
      p, "character",
      (double)S_units(s, d->text.data ? d->text.data : "", d->lines[l], off));
  return p;
}

static cJSON *S_range(const lsp_server *s, lsp_doc *d, size_t a, size_t b) {
  cJSON *r = cJSON_CreateObject();
  cJSON_AddItemToObject(r, "start", S_position(s, d, a));
  cJSON_AddItemToObject(r, "end", S_position(s, d, b < a ? a : b));
  return r;
}

/* The byte offset of an LSP position; false when it is malformed. A line
 * past the end is the end; a character past its line, the line's end. */
static bool S_offset(const lsp_server *s, lsp_doc *d, const cJSON *pos,
                     size_t *off) {
  const cJSON *line = cJSON_GetObjectItemCaseSensitive(pos, "line");
  const cJSON *ch = cJSON_GetObjectItemCaseSensitive(pos, "character");
  if (!cJSON_IsNumber(line) || !cJSON_IsNumber(ch) || line->valuedouble < 0 ||
      ch->valuedouble < 0)
    return false;
  S_lines(d);
  if (line->valuedouble >= (double)d->nlines) {
    *off = d->text.len;
    return true;
  }
  size_t l = (size_t)line->valuedouble, e = S_line_end(d, l);
  double want = ch->valuedouble;
  size_t i = d->lines[l], u = 0;
  const unsigned char *t = (const unsigned char *)d->text.data;
  while (i < e && (double)u < want) {
    size_t n = utf8_valid_len(t + i, e - i);
    u += s->enc == ENC_UTF8              ? (n ? n : 1)
         : n == 4 && s->enc == ENC_UTF16 ? 2
                                         : 1;
    i += n ? n : 1;
  }
  *off = i;
  return true;
}

/* ---- documents ---- */

static void S_unref(shared_result *sr) {
  if (sr && --sr->refs == 0) {
    ddlint_result_free(sr->r);
    free(sr);
  }
}

static void S_doc_free(lsp_doc *d) {
  S_unref(d->res);
  free(d->uri);
  free(d->path);
  free(d->real);
  free(d->lines);
  free(d->last_error);
  strbuf_free(&d->text);
  free(d);
}

/* The path of a file: URI ("file:///a%20b.md" -> "/a b.md"), or NULL. */
static char *S_uri_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0)
    return NULL;
  const char *p = uri + 7;
  if (*p != '/') { /* file://host/path: only localhost is this machine */
    if (strncmp(p, "localhost/", 10) != 0)
      return NULL;
    p += 9;
  }
  strbuf sb = {0};
  size_t n = strcspn(p, "?#"); /* the path ends at a query or a fragment */
  unsigned char c;
  for (size_t i = 0; i < n; i++) {
    if (percent_decode_byte(p + i, n - i, &c)) {
      if (!c)
        break; /* "%00": the path ends */
      strbuf_putc(&sb, (char)c);
      i += 2;
    } else {
      strbuf_putc(&sb, p[i]);
    }
  }
  return strbuf_take(&sb);
}

/* A file: URI for a path, its bytes outside [A-Za-z0-9/._~-]
 * percent-encoded. Free with free(). */
static char *S_path_uri(const char *path) {
  strbuf sb = {0};
  strbuf_puts(&sb, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("/._~-", *p))
      strbuf_putc(&sb, (char)*p);
    else
      strbuf_printf(&sb, "%%%02X", *p);
  return strbuf_take(&sb);
}

static lsp_doc *S_find_doc(lsp_server *s, const char *uri, size_t *index) {
  for (size_t i = 0; i < s->ndocs; i++)
    if (strcmp(s->docs[i]->uri, uri) == 0) {
      if (index)
        *index = i;
      return s->docs[i];
    }
  return NULL;
}

static void S_mark_dirty(lsp_server *s, lsp_doc *d) {
  if (!lsp_server_pending(s))
    s->dirty_since = S_now_ms();
  d->dirty = true;
}

/* ---- linting ---- */

static void S_show(lsp_server *s, lsp_doc *d, int type, const char *msg) {
  if (d && d->last_error && strcmp(d->last_error, msg) == 0)
    return; /* once, not on every keystroke */
  if (d) {
    free(d->last_error);
    d->last_error = xstrdup(msg);
  }
  cJSON *p = cJSON_CreateObject();
  cJSON_AddNumberToObject(p, "type", type);
  cJSON_AddStringToObject(p, "message", msg);
  rpc_send(&s->out, "window/showMessage", p, -1);
}

/* The config cascade above path, or NULL (an error is shown). */
static const ddlint_config *S_config(lsp_server *s, lsp_doc *d,
                                     const char *path) {
  if (!s->use_fs || !path)
    return NULL;
  const char *err = NULL;
  char *dir = runcache_folder_of(path);
  const ddlint_config *cfg = runcache_discover(s->cache, dir, &err);
  free(dir);
  if (err) {
    char *msg = xasprintf("ddlint: %s", err);
    S_show(s, d, 1, msg);
    free(msg);
  }
  return cfg;
}

/* The pack of a document: its front matter's template (fm, taken), else
 * initializationOptions' template, else the config's, else the default. */
static const ddlint_pack *S_choose_pack(lsp_server *s, lsp_doc *d,
                                        const ddlint_config *cfg,
                                        const char *path, char *fm) {
  char *ref = fm;
  if (ref && ddlint_pack_ref_is_path(ref) && ref[0] != '/' && path && s->use_fs) {
    char *dir = runcache_folder_of(path);
    char *joined = xasprintf("%s/%s", dir, ref);
    free(dir);
    free(ref);
    ref = joined;
  }
  if (!ref && s->template_ref)
    ref = xstrdup(s->template_ref);
  if (!ref && cfg)
    ref = ddlint_config_template(cfg, path);
  if (!ref)
    ref = xstrdup(ddlint_default_pack_name());
  const ddlint_pack *pack = NULL;
  const char *err = "a template path, and this session reads no file";
  if (s->use_fs || !ddlint_pack_ref_is_path(ref))
    pack = runcache_pack(s->cache, ref, &err);
  if (!pack) {
    char *msg = xasprintf("ddlint: %s", err);
    S_show(s, d, 1, msg);
    free(msg);
  }
  free(ref);
  return pack;
}

/* initializationOptions.severities over the config's. */
static void S_apply_severities(lsp_server *s, ddlint_result *r) {
  const cJSON *it;
  cJSON_ArrayForEach(it, s->severities) {
    int v =
        cJSON_IsString(it) ? ddlint_severity_from_name(it->valuestring) : -2;
    if (v >= -1 && it->string)
      ddlint_result_set_rule_severity(r, it->string, v);
  }
}

static void S_publish(lsp_server *s, lsp_doc *d);

static void S_set_result(lsp_server *s, lsp_doc *d, shared_result *sr,
                         size_t part) {
  S_unref(d->res);
  d->res = sr;
  if (sr)
    sr->refs++;
  d->part = part;
  d->dirty = false;
  S_publish(s, d);
}

/* The document of several files d is a part of: its folder's or the one
 * above (as the command notes for a named chapter), or false. */
static bool S_find_group(lsp_server *s, lsp_doc *d, doc_spec *spec) {
  if (!s->use_fs || !d->real)
    return false;
  char *dir = xstrdup(d->real);
  bool found = false;
  for (int up = 0; up < 2 && !found; up++) {
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
      break;
    *slash = '\0';
    const char *err = NULL;
    const ddlint_config *cfg = runcache_discover(s->cache, dir, &err);
    bool declared = cfg && ddlint_config_is_document(cfg, dir);
    /* the folder's template reads a decision log as one design? (as the
     * command line decides it: cli_declared()) */
    char *probe = xasprintf("%s/x.md", dir);
    char *ref = s->template_ref ? xstrdup(s->template_ref)
                : cfg           ? ddlint_config_template(cfg, probe)
                                : NULL;
    if (!ref)
      ref = xstrdup(ddlint_default_pack_name());
    const char *perr = NULL;
    const ddlint_pack *pk = s->use_fs || !ddlint_pack_ref_is_path(ref)
                                ? runcache_pack(s->cache, ref, &perr)
                                : NULL;
    free(ref);
    free(probe);
    if (!doc_detect(dir, declared, pk && ddlint_pack_record_parts(pk), spec))
      continue;
    for (size_t k = 0; k < spec->nparts && !found; k++) {
      char *real = realpath(spec->parts[k], NULL);
      found = real && strcmp(real, d->real) == 0;
      free(real);
    }
    if (!found)
      doc_spec_free(spec);
  }
  free(dir);
  return found;
}

/* Lints the document of several files d is a part of, with the open
 * parts' text, and publishes for every open part. */
static void S_lint_group(lsp_server *s, lsp_doc *d, doc_spec *spec) {
  size_t np = spec->nparts;
  ddlint_part *parts = xcalloc(np + 1, sizeof(ddlint_part));
  strbuf *texts = xcalloc(np + 1, sizeof(strbuf));
  lsp_doc **open = xcalloc(np + 1, sizeof(lsp_doc *));
  for (size_t k = 0; k < np; k++) {
    char *real = realpath(spec->parts[k], NULL);
    for (size_t i = 0; real && i < s->ndocs && !open[k]; i++)
      if (s->docs[i]->real && strcmp(s->docs[i]->real, real) == 0)
        open[k] = s->docs[i];
    free(real);
    parts[k].path = spec->parts[k];
    if (open[k]) {
      parts[k].text = open[k]->text.data ? open[k]->text.data : "";
      parts[k].len = open[k]->text.len;
    } else {
      const char *why =
          source_read_file(spec->parts[k], LSP_MAX_DOC, &texts[k]);
      parts[k].text = why ? NULL : texts[k].data ? texts[k].data : "";
      parts[k].len = texts[k].len;
      parts[k].error = why;
    }
    parts[k].named_in =
        spec->has_index && spec->named_at[k] != SIZE_MAX ? 0 : SIZE_MAX;
    parts[k].named_at = spec->named_at[k];
  }
  const ddlint_config *cfg = S_config(s, d, parts[0].path);
  char *fm = spec->has_index && parts[0].text
                 ? ddlint_frontmatter_value(parts[0].text, parts[0].len,
                                            "ddlint-template")
                 : NULL;
  const ddlint_pack *pack = S_choose_pack(s, d, cfg, parts[0].path, fm);
  shared_result *sr = NULL;
  if (pack) {
    sr = xcalloc(1, sizeof *sr);
    sr->r = ddlint_lint_document(pack, spec->dir, parts, np, spec->has_index,
                                 &s->lint_opts);
    for (size_t k = 0; k < np; k++) {
      const ddlint_config *pc = S_config(s, d, spec->parts[k]);
      if (pc)
        ddlint_config_apply_file(pc, spec->parts[k], pack, sr->r, NULL);
    }
    S_apply_severities(s, sr->r);
  }
  for (size_t k = 0; k < np; k++)
    if (open[k])
      S_set_result(s, open[k], sr, k);
  if (sr && !sr->refs) {
    sr->refs = 1;
    S_unref(sr);
  }
  for (size_t k = 0; k < np; k++)
    strbuf_free(&texts[k]);
  free(texts);
  free(parts);
  free(open);
}

static void S_lint(lsp_server *s, lsp_doc *d) {
  doc_spec spec;
  if (S_find_group(s, d, &spec)) {
    S_lint_group(s, d, &spec);
    doc_spec_free(&spec);
    return;
  }
  const char *path = d->path ? d->path : d->uri;
  const ddlint_config *cfg = S_config(s, d, d->path);
  const char *text = d->text.data ? d->text.data : "";
  shared_result *sr = NULL;
  if (cfg && ddlint_config_ignores(cfg, path)) {
    /* the config ignores it: nothing to report */
  } else if (d->text.len > LSP_MAX_DOC) {
    S_show(s, d, 2, "ddlint: the document is over 256 MiB; not linted");
  } else {
    char *fm = ddlint_frontmatter_value(text, d->text.len, "ddlint-template");
    const ddlint_pack *pack = S_choose_pack(s, d, cfg, d->path, fm);
    if (pack) {
      sr = xcalloc(1, sizeof *sr);
      sr->r =
          ddlint_lint_buffer_opts(pack, path, text, d->text.len, &s->lint_opts);
      if (cfg)
        ddlint_config_apply(cfg, path, pack, sr->r, NULL);
      S_apply_severities(s, sr->r);
    }
  }
  S_set_result(s, d, sr, SIZE_MAX); /* d holds the only reference */
}

/* ---- diagnostics ---- */

/* Whether diagnostic k of d's lint is in d (a part's own). */
static bool S_diag_in(const lsp_doc *d, const ddlint_diag *dg) {
  if (d->part == SIZE_MAX)
    return true;
  const char *p = ddlint_result_part_path(d->res->r, d->part);
  return strcmp(ddlint_diag_file(dg), p) == 0;
}

static const ddlint_rule *S_rule(const ddlint_result *r, const char *id) {
  return ddlint_rule_find(ddlint_result_pack(r), id);
}

/* The second place a finding names ("first at line 12"), 1-based, or 0. */
static unsigned S_named_line(const char *text) {
  for (const char *p = text; (p = strstr(p, "line ")); p += 5)
    if (p[5] >= '1' && p[5] <= '9' &&
        (p == text || p[-1] == ' ' || p[-1] == '('))
      return (unsigned)strtoul(p + 5, NULL, 10);
  return 0;
}

static cJSON *S_diag_json(lsp_server *s, lsp_doc *d, const ddlint_diag *dg) {
  size_t a, b;
  ddlint_diag_start(dg, NULL, NULL, &a);
  ddlint_diag_end(dg, NULL, NULL, &b);
  cJSON *j = cJSON_CreateObject();
  cJSON_AddItemToObject(j, "range", S_range(s, d, a, b));
  static const int lsp_sev[] = {3, 2, 1}; /* info, warning, error */
  cJSON_AddNumberToObject(j, "severity", lsp_sev[ddlint_diag_severity(dg)]);
  const char *id = ddlint_diag_rule(dg);
  cJSON_AddStringToObject(j, "code", id);
  const ddlint_rule *rule = S_rule(d->res->r, id);
  /* the pack's page for the rule, else docs/rules.md, which documents
   * the default pack's rules; a rule of another pack without one has none
   * (hover gives its explanation) */
  const char *uri = rule ? ddlint_rule_help_uri(rule) : NULL;
  const char *pack = ddlint_pack_name(ddlint_result_pack(d->res->r));
  char *href = uri && *uri ? xstrdup(uri)
               : strcmp(pack, ddlint_default_pack_name()) == 0
                   ? xasprintf("file://%s/docs/rules.md#%s", DDLINT_DOCDIR, id)
                   : NULL;
  if (href)
    cJSON_AddStringToObject(cJSON_AddObjectToObject(j, "codeDescription"),
                            "href", href);
  free(href);
  cJSON_AddStringToObject(j, "source", "ddlint");
  const char *help = ddlint_diag_help(dg);
  char *msg = *help ? xasprintf("%s\n%s", ddlint_diag_message(dg), help)
                    : xstrdup(ddlint_diag_message(dg));
  cJSON_AddStringToObject(j, "message", msg);
  free(msg);
  unsigned other = S_named_line(ddlint_diag_message(dg));
  if (!other)
    other = S_named_line(help);
  S_lines(d);
  if (other && other <= d->nlines) {
    size_t ls = d->lines[other - 1];
    cJSON *rel = cJSON_AddArrayToObject(j, "relatedInformation");
    cJSON *ri = cJSON_CreateObject();
    cJSON *loc = cJSON_AddObjectToObject(ri, "location");
    cJSON_AddStringToObject(loc, "uri", d->uri);
    cJSON_AddItemToObject(loc, "range",
                          S_range(s, d, ls, S_line_end(d, other - 1)));
    char *note = xasprintf("line %u, named by this finding", other);
    cJSON_AddStringToObject(ri, "message", note);
    free(note);
    cJSON_AddItemToArray(rel, ri);
  }
  return j;
}

static void S_publish(lsp_server *s, lsp_doc *d) {
  cJSON *p = cJSON_CreateObject();
  cJSON_AddStringToObject(p, "uri", d->uri);
  cJSON_AddNumberToObject(p, "version", d->version);
  cJSON *arr = cJSON_AddArrayToObject(p, "diagnostics");
  const ddlint_result *r = d->res ? d->res->r : NULL;
  for (size_t i = 0; r && i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *dg = ddlint_result_diag(r, i);
    if (S_diag_in(d, dg))
      cJSON_AddItemToArray(arr, S_diag_json(s, d, dg));
  }
  rpc_send(&s->out, "textDocument/publishDiagnostics", p, -1);
}

/* ---- requests ---- */

typedef struct {
  int code; /* 0: no error */
  const char *message;
} req_error;

/* The open document a request names, linted if it changed; NULL with an
 * error when it is not open. */
static lsp_doc *S_request_doc(lsp_server *s, const cJSON *params,
                              req_error *e) {
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
  const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
  if (!cJSON_IsString(uri)) {
    *e = (req_error){RPC_INVALID_PARAMS, "textDocument.uri is missing"};
    return NULL;
  }
  lsp_doc *d = S_find_doc(s, uri->valuestring, NULL);
  if (!d) {
    *e = (req_error){RPC_INVALID_PARAMS,
                     "the document is not open (send didOpen first)"};
    return NULL;
  }
  bool stale = d->dirty; /* it, or another open part of its document */
  for (size_t i = 0; i < s->ndocs && !stale && d->part != SIZE_MAX; i++)
    stale = s->docs[i]->dirty && s->docs[i]->res == d->res;
  if (stale)
    S_lint(s, d);
  return d;
}

static bool S_request_offset(lsp_server *s, lsp_doc *d, const cJSON *params,
                             size_t *off, req_error *e) {
  if (!S_offset(s, d, cJSON_GetObjectItemCaseSensitive(params, "position"),
                off)) {
    *e = (req_error){RPC_INVALID_PARAMS, "position is missing or malformed"};
    return false;
  }
  return true;
}

static cJSON *S_initialize(lsp_server *s, const cJSON *params, req_error *e) {
  (void)e;
  const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities");
  const cJSON *general = cJSON_GetObjectItemCaseSensitive(caps, "general");
  const cJSON *encs =
      cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
  const cJSON *offset_encs = /* clangd's extension, as Neovim 0.7 sends */
      cJSON_GetObjectItemCaseSensitive(caps, "offsetEncoding");
  const cJSON *it;
  /* UTF-8 when offered, else UTF-16 (every client has it), else UTF-32
   * when it is all a list offers */
  bool offered[3] = {false, false, false}, listed = false;
  static const char *const enc_names[] = {"utf-16", "utf-8", "utf-32"};
  for (int pass = 0; pass < 2; pass++) {
    const cJSON *list = pass ? offset_encs : encs;
    cJSON_ArrayForEach(it, list) {
      for (int k = 0; k < 3; k++)
        if (cJSON_IsString(it) && strcmp(it->valuestring, enc_names[k]) == 0)
          offered[k] = listed = true;
    }
  }
  s->enc = offered[ENC_UTF8]                                     ? ENC_UTF8
           : listed && offered[ENC_UTF32] && !offered[ENC_UTF16] ? ENC_UTF32
                                                                 : ENC_UTF16;
  const cJSON *ws = cJSON_GetObjectItemCaseSensitive(caps, "workspace");
  const cJSON *watch =
      cJSON_GetObjectItemCaseSensitive(ws, "didChangeWatchedFiles");
  s->register_watches = cJSON_IsTrue(
      cJSON_GetObjectItemCaseSensitive(watch, "dynamicRegistration"));
  const cJSON *root = cJSON_GetObjectItemCaseSensitive(params, "rootUri");
  if (cJSON_IsString(root)) {
    free(s->root);
    s->root = S_uri_path(root->valuestring);
  }
  const cJSON *opts =
      cJSON_GetObjectItemCaseSensitive(params, "initializationOptions");
  const cJSON *tmpl = cJSON_GetObjectItemCaseSensitive(opts, "template");
  if (cJSON_IsString(tmpl) && *tmpl->valuestring) {
    free(s->template_ref);
    const char *t = tmpl->valuestring;
    s->template_ref = ddlint_pack_ref_is_path(t) && t[0] != '/' && s->root
                          ? xasprintf("%s/%s", s->root, t)
                          : xstrdup(t);
  }
  const cJSON *sev = cJSON_GetObjectItemCaseSensitive(opts, "severities");
  if (cJSON_IsObject(sev)) {
    cJSON_Delete(s->severities);
    s->severities = cJSON_Duplicate(sev, true);
  }
  s->initialized = true;
  cJSON *res = cJSON_CreateObject();
  cJSON *c = cJSON_AddObjectToObject(res, "capabilities");
  const char *enc_name = enc_names[s->enc];
  cJSON_AddStringToObject(c, "positionEncoding", enc_name);
  if (offset_encs)
    cJSON_AddStringToObject(res, "offsetEncoding", enc_name);
  cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
  cJSON_AddBoolToObject(sync, "openClose", true);
  cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
  cJSON_AddItemToObject(sync, "save", cJSON_CreateTrue());
  cJSON_AddBoolToObject(c, "hoverProvider", true);
  cJSON_AddBoolToObject(c, "documentSymbolProvider", true);
  cJSON *ca = cJSON_AddObjectToObject(c, "codeActionProvider");
  const char *kinds[] = {"quickfix", "source.fixAll.ddlint"};
  cJSON_AddItemToObject(ca, "codeActionKinds",
                        cJSON_CreateStringArray(kinds, 2));
  cJSON *comp = cJSON_AddObjectToObject(c, "completionProvider");
  const char *triggers[] = {" ", "#"};
  cJSON_AddItemToObject(comp, "triggerCharacters",
                        cJSON_CreateStringArray(triggers, 2));
  cJSON *info = cJSON_AddObjectToObject(res, "serverInfo");
  cJSON_AddStringToObject(info, "name", "ddlint");
  cJSON_AddStringToObject(info, "version", DDLINT_VERSION);
  return res;
}

static cJSON *S_shutdown(lsp_server *s, const cJSON *params, req_error *e) {
  (void)params;
  (void)e;
  s->shutdown = true;
  return NULL;
}

/* The document's line ending: its first, else "\n". */
static const char *S_eol(const lsp_doc *d) {
  const char *t = d->text.data;
  for (size_t i = 0; i < d->text.len; i++)
    if (t[i] == '\n')
      return "\n";
    else if (t[i] == '\r')
      return i + 1 < d->text.len && t[i + 1] == '\n' ? "\r\n" : "\r";
  return "\n";
}

static cJSON *S_text_edit(lsp_server *s, lsp_doc *d, size_t a, size_t b,
                          const char *text) {
  cJSON *te = cJSON_CreateObject();
  cJSON_AddItemToObject(te, "range", S_range(s, d, a, b));
  cJSON_AddStringToObject(te, "newText", text);
  return te;
}

/* A code action holding changes (a WorkspaceEdit's "changes" object, taken:
 * URI to edits). */
static cJSON *S_action(const char *title, const char *kind, cJSON *diag,
                       cJSON *changes, bool preferred) {
  cJSON *a = cJSON_CreateObject();
  cJSON_AddStringToObject(a, "title", title);
  cJSON_AddStringToObject(a, "kind", kind);
  if (diag) {
    cJSON *ds = cJSON_AddArrayToObject(a, "diagnostics");
    cJSON_AddItemToArray(ds, diag);
  }
  if (preferred)
    cJSON_AddBoolToObject(a, "isPreferred", true);
  cJSON_AddItemToObject(cJSON_AddObjectToObject(a, "edit"), "changes", changes);
  return a;
}

/* Adds a TextEdit of doc to changes. */
static void S_add_edit(lsp_server *s, cJSON *changes, lsp_doc *doc, size_t a,
                       size_t b, const char *text) {
  cJSON *list = cJSON_GetObjectItemCaseSensitive(changes, doc->uri);
  if (!list)
    list = cJSON_AddArrayToObject(changes, doc->uri);
  cJSON_AddItemToArray(list, S_text_edit(s, doc, a, b, text));
}

/* Whether a client's `only` list admits kind (a prefix at a dot). */
static bool S_kind_wanted(const cJSON *only, const char *kind) {
  if (!cJSON_IsArray(only))
    return true;
  const cJSON *it;
  cJSON_ArrayForEach(it, only) {
    if (!cJSON_IsString(it))
      continue;
    size_t n = strlen(it->valuestring);
    if (strncmp(kind, it->valuestring, n) == 0 &&
        (kind[n] == '\0' || kind[n] == '.'))
      return true;
  }
  return false;
}

/* The offset in d of a fix edit at joined offset `at` of d's lint, or
 * false when it falls in another part. */
static bool S_fix_offset(const lsp_doc *d, size_t at, size_t *local) {
  const ddlint_result *r = d->res->r;
  if (d->part == SIZE_MAX) {
    *local = at;
    return true;
  }
  size_t k = ddlint_result_part_of(r, at, local);
  return k == d->part;
}

/* The template section a missing-section finding is about, or SIZE_MAX. */
static size_t S_diag_section(const ddlint_result *r, const ddlint_diag *dg) {
  const ddlint_rule *rule = S_rule(r, ddlint_diag_rule(dg));
  if (!rule || strcmp(ddlint_rule_kind(rule), "required-section") != 0)
    return SIZE_MAX;
  for (size_t s = 0; s < ddlint_result_section_count(r); s++)
    if (!ddlint_coverage_section_state(r, s) &&
        strcmp(ddlint_coverage_section_title(r, s), ddlint_diag_section(dg)) ==
            0)
      return s;
  return SIZE_MAX;
}

/* One edit of `ddlint fix`, in the document (open, or a part as linted) it
 * changes. */
typedef struct {
  lsp_doc *doc; /* borrowed: open, or one of the lsp_fixes' own */
  size_t at, del;
  const char *text; /* borrowed from the plan */
  size_t section;
} lsp_fix;

typedef struct {
  lsp_fix *fixes;
  size_t n;
  ddlint_fix *plan; /* owned: a file alone's plan, or a document's */
  lsp_doc **own; /* owned: parts that are not open, as linted */
  size_t nown;
} lsp_fixes;

/* The open document, or a copy of the linted text, of part k of d's lint. */
static lsp_doc *S_part_doc(lsp_server *s, lsp_doc *d, size_t k, lsp_fixes *fx) {
  for (size_t i = 0; i < s->ndocs; i++)
    if (s->docs[i]->res == d->res && s->docs[i]->part == k)
      return s->docs[i];
  for (size_t i = 0; i < fx->nown; i++)
    if (fx->own[i]->part == k)
      return fx->own[i];
  const ddlint_result *r = d->res->r;
  lsp_doc *p = xcalloc(1, sizeof *p);
  p->uri = S_path_uri(ddlint_result_part_path(r, k));
  p->part = k;
  size_t len;
  const char *text = ddlint_result_part_text(r, k, &len);
  strbuf_put(&p->text, text, len);
  fx->own = xrealloc(fx->own, (fx->nown + 1) * sizeof *fx->own);
  fx->own[fx->nown++] = p;
  return p;
}

/* The edits `ddlint fix` would make on d's lint: for a document of several
 * files, in the parts that hold their places (fix_plan_parts()). */
static void S_fixes(lsp_server *s, lsp_doc *d, lsp_fixes *fx) {
  memset(fx, 0, sizeof *fx);
  const ddlint_result *r = d->res->r;
  fx->plan = ddlint_fix_plan(r);
  size_t n = ddlint_fix_count(fx->plan);
  fx->fixes = xcalloc(n + 1, sizeof(lsp_fix));
  for (size_t k = 0; k < n; k++) {
    size_t part;
    lsp_fix *f = &fx->fixes[fx->n++];
    ddlint_fix_edit(fx->plan, k, &part, &f->at, &f->del, &f->text,
                    &f->section, NULL);
    f->doc = d->part == SIZE_MAX ? d : S_part_doc(s, d, part, fx);
  }
}

static void S_fixes_free(lsp_fixes *fx) {
  ddlint_fix_free(fx->plan);
  for (size_t i = 0; i < fx->nown; i++)
    S_doc_free(fx->own[i]);
  free(fx->own);
  free(fx->fixes);
}

static cJSON *S_code_action(lsp_server *s, const cJSON *params, req_error *e) {
  lsp_doc *d = S_request_doc(s, params, e);
  if (!d)
    return NULL;
  const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
  size_t ra, rb;
  if (!S_offset(s, d, cJSON_GetObjectItemCaseSensitive(range, "start"), &ra) ||
      !S_offset(s, d, cJSON_GetObjectItemCaseSensitive(range, "end"), &rb)) {
    *e = (req_error){RPC_INVALID_PARAMS, "range is missing or malformed"};
    return NULL;
  }
  const cJSON *only = cJSON_GetObjectItemCaseSensitive(
      cJSON_GetObjectItemCaseSensitive(params, "context"), "only");
  cJSON *out = cJSON_CreateArray();
  if (!d->res)
    return out;
  const ddlint_result *r = d->res->r;
  lsp_fixes fx;
  S_fixes(s, d, &fx);
  size_t la = S_line_of(d, ra), lb = S_line_of(d, rb);
  bool quickfix = S_kind_wanted(only, "quickfix");
  for (size_t i = 0; quickfix && i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *dg = ddlint_result_diag(r, i);
    if (!S_diag_in(d, dg))
      continue;
    size_t a, b;
    ddlint_diag_start(dg, NULL, NULL, &a);
    ddlint_diag_end(dg, NULL, NULL, &b);
    size_t da = S_line_of(d, a), db = S_line_of(d, b);
    if (db < la || da > lb || (da == db && (b < ra || a > rb) && a != b))
      continue; /* not under the range (a zero-width one: on its lines) */
    size_t sec = S_diag_section(r, dg);
    for (size_t k = 0; sec != SIZE_MAX && k < fx.n; k++) {
      const lsp_fix *f = &fx.fixes[k];
      if (f->section != sec)
        continue;
      char *title = f->del ? xasprintf("Rename \"%.*s\" to \"%s\"", (int)f->del,
                                       f->doc->text.data + f->at, f->text)
                           : xasprintf("Insert section \"%s\"",
                                       ddlint_coverage_section_title(r, sec));
      cJSON *changes = cJSON_CreateObject();
      S_add_edit(s, changes, f->doc, f->at, f->at + f->del, f->text);
      cJSON_AddItemToArray(out, S_action(title, "quickfix",
                                         S_diag_json(s, d, dg), changes, true));
      free(title);
    }
    size_t ls = d->lines[da];
    char *comment = xasprintf("<!-- ddlint-disable-next-line %s -->%s",
                              ddlint_diag_rule(dg), S_eol(d));
    char *title = xasprintf("Disable %s for this line", ddlint_diag_rule(dg));
    cJSON *changes = cJSON_CreateObject();
    S_add_edit(s, changes, d, ls, ls, comment);
    cJSON_AddItemToArray(out, S_action(title, "quickfix", S_diag_json(s, d, dg),
                                       changes, false));
    free(title);
    free(comment);
  }
  if (fx.n && S_kind_wanted(only, "source.fixAll.ddlint")) {
    cJSON *changes = cJSON_CreateObject();
    for (size_t k = 0; k < fx.n; k++)
      S_add_edit(s, changes, fx.fixes[k].doc, fx.fixes[k].at,
                 fx.fixes[k].at + fx.fixes[k].del, fx.fixes[k].text);
    cJSON_AddItemToArray(
        out, S_action("Fix all: add or rename the missing sections",
                      "source.fixAll.ddlint", NULL, changes, false));
  }
  S_fixes_free(&fx);
  return out;
}

/* The offset in d of template section s's heading, or false when it is
 * missing or in another part. */
static bool S_section_offset(const lsp_doc *d, size_t s, size_t *off) {
  const ddlint_result *r = d->res->r;
  size_t start;
  if (!ddlint_result_section_span(r, s, &start, NULL))
    return false;
  return S_fix_offset(d, start, off);
}

/* Why a heading was taken for template section s. */
static void S_heading_reason(strbuf *sb, const ddlint_result *r, size_t s) {
  const ddlint_pack *pk = ddlint_result_pack(r);
  const char *state = ddlint_coverage_section_state(r, s);
  const char *heading = ddlint_coverage_section_heading(r, s);
  strbuf_printf(sb, "Taken for the template section **%s**",
                ddlint_pack_section_title(pk, s));
  if (state && strcmp(state, "content") == 0) {
    strbuf_puts(sb, ": no heading names it, and what this section says "
                    "covers it (matched by content).");
    return;
  }
  size_t named = ddlint_pack_section_named_by(pk, s, heading ? heading : "");
  if (named == 1)
    strbuf_puts(sb, ": the heading is its title.");
  else if (named)
    strbuf_printf(sb, ": the heading is its alias \"%s\".",
                  ddlint_pack_section_alias(pk, s, named - 2));
  else
    strbuf_puts(sb, ": the heading's words name it.");
  if (state && strcmp(state, "empty") == 0)
    strbuf_puts(sb, " It holds nothing yet, so it counts nothing toward the "
                    "score.");
}

static cJSON *S_hover(lsp_server *s, const cJSON *params, req_error *e) {
  lsp_doc *d = S_request_doc(s, params, e);
  size_t off;
  if (!d || !S_request_offset(s, d, params, &off, e) || !d->res)
    return NULL;
  const ddlint_result *r = d->res->r;
  size_t line = S_line_of(d, off);
  strbuf sb = {0};
  for (size_t i = 0; i < ddlint_result_diag_count(r); i++) {
    const ddlint_diag *dg = ddlint_result_diag(r, i);
    size_t a, b;
    ddlint_diag_start(dg, NULL, NULL, &a);
    ddlint_diag_end(dg, NULL, NULL, &b);
    if (!S_diag_in(d, dg) ||
        !(a == b ? S_line_of(d, a) == line : a <= off && off <= b))
      continue;
    const ddlint_rule *rule = S_rule(r, ddlint_diag_rule(dg));
    if (sb.len)
      strbuf_puts(&sb, "\n\n---\n\n");
    strbuf_printf(&sb, "**%s** (%s): %s", ddlint_diag_rule(dg),
                  ddlint_severity_name(ddlint_diag_severity(dg)),
                  rule ? ddlint_rule_summary(rule) : "");
    if (rule)
      strbuf_printf(&sb, "\n\n%s", ddlint_rule_explain(rule));
  }
  /* a heading: the template section or topic it was taken for */
  size_t ls = d->lines[line], le = S_line_end(d, line), p = ls;
  while (p < le && p - ls < 3 && d->text.data[p] == ' ')
    p++;
  if (p < le && d->text.data[p] == '#') {
    bool any = false;
    for (size_t k = 0; k < ddlint_result_section_count(r); k++) {
      size_t at;
      if (S_section_offset(d, k, &at) && S_line_of(d, at) == line) {
        strbuf_puts(&sb, sb.len ? "\n\n---\n\n" : "");
        S_heading_reason(&sb, r, k);
        any = true;
      }
      size_t near;
      if (!ddlint_result_section_level(r, k) &&
          ddlint_result_section_near(r, k, &near, NULL, NULL) &&
          S_fix_offset(d, near, &at) && S_line_of(d, at) == line) {
        strbuf_printf(&sb,
                      "%sNearly names the template section **%s** "
                      "(a near miss): the quick fix renames it.",
                      sb.len ? "\n\n---\n\n" : "",
                      ddlint_coverage_section_title(r, k));
        any = true;
      }
      for (size_t t = 0; t < ddlint_coverage_topic_count(r, k); t++) {
        const char *via = ddlint_coverage_topic_via(r, k, t);
        const char *file = ddlint_coverage_topic_file(r, k, t);
        if (via && strcmp(via, "heading") == 0 &&
            ddlint_coverage_topic_line(r, k, t) == line + 1 &&
            (d->part == SIZE_MAX ||
             (file &&
              strcmp(file, ddlint_result_part_path(r, d->part)) == 0))) {
          strbuf_printf(&sb,
                        "%sTaken for the topic **%s** of **%s**: this "
                        "subheading names it.",
                        sb.len ? "\n\n---\n\n" : "",
                        ddlint_coverage_topic_title(r, k, t),
                        ddlint_coverage_section_title(r, k));
          any = true;
        }
      }
    }
    if (!any)
      strbuf_printf(&sb,
                    "%sNot taken for any section or topic of the "
                    "template \"%s\".",
                    sb.len ? "\n\n---\n\n" : "",
                    ddlint_pack_name(ddlint_result_pack(r)));
  }
  if (!sb.len)
    return NULL;
  cJSON *res = cJSON_CreateObject();
  cJSON *c = cJSON_AddObjectToObject(res, "contents");
  cJSON_AddStringToObject(c, "kind", "markdown");
  cJSON_AddStringToObject(c, "value", sb.data);
  strbuf_free(&sb);
  return res;
}

static cJSON *S_document_symbol(lsp_server *s, const cJSON *params,
                                req_error *e) {
  lsp_doc *d = S_request_doc(s, params, e);
  if (!d)
    return NULL;
  cJSON *out = cJSON_CreateArray();
  if (!d->res) /* no pack, no parse */
    return out;
  const ddlint_result *r = d->res->r;
  ddlint_outline *ol = ddlint_outline_parse(
      d->uri, d->text.data ? d->text.data : "", d->text.len);
  size_t nsym = ddlint_outline_count(ol);
  cJSON **sym = xcalloc(nsym + 1, sizeof(cJSON *));
  for (size_t i = 0; i < nsym; i++) {
    const char *name = ddlint_outline_text(ol, i);
    size_t start, line_end, end;
    ddlint_outline_span(ol, i, &start, &line_end, &end);
    sym[i] = cJSON_CreateObject();
    cJSON_AddStringToObject(sym[i], "name",
                            *name ? name : "(empty heading)");
    const char *detail = NULL;
    for (size_t k = 0; k < ddlint_result_section_count(r) && !detail; k++) {
      size_t at;
      if (S_section_offset(d, k, &at) && at == start)
        detail = ddlint_coverage_section_title(r, k);
    }
    char *det = detail ? xasprintf("template: %s", detail) : NULL;
    if (det)
      cJSON_AddStringToObject(sym[i], "detail", det);
    free(det);
    cJSON_AddNumberToObject(sym[i], "kind", detail ? 2 : 15); /* module */
    if (end > d->text.len)
      end = d->text.len;
    cJSON_AddItemToObject(sym[i], "range", S_range(s, d, start, end));
    cJSON_AddItemToObject(sym[i], "selectionRange",
                          S_range(s, d, start, line_end));
    cJSON_AddArrayToObject(sym[i], "children");
    ptrdiff_t up = ddlint_outline_parent(ol, i);
    cJSON *parent = up >= 0 ? sym[up] : NULL;
    cJSON_AddItemToArray(parent ? cJSON_GetObjectItem(parent, "children") : out,
                         sym[i]);
  }
  free(sym);
  ddlint_outline_free(ol);
  return out;
}

static cJSON *S_completion(lsp_server *s, const cJSON *params, req_error *e) {
  lsp_doc *d = S_request_doc(s, params, e);
  size_t off;
  if (!d || !S_request_offset(s, d, params, &off, e))
    return NULL;
  cJSON *items = cJSON_CreateArray();
  size_t ls = d->lines[S_line_of(d, off)], p = ls;
  const char *t = d->text.data;
  while (p < off && p - ls < 3 && t[p] == ' ')
    p++;
  size_t hashes = 0;
  while (p < off && t[p] == '#')
    p++, hashes++;
  size_t word = p;
  while (word < off && (t[word] == ' ' || t[word] == '\t'))
    word++;
  if (!d->res || hashes < 1 || hashes > 6 || word == p)
    return items; /* only after "## " */
  const ddlint_result *r = d->res->r;
  for (size_t k = 0; k < ddlint_result_section_count(r); k++) {
    if (ddlint_coverage_section_state(r, k))
      continue;
    const char *title = ddlint_coverage_section_title(r, k);
    cJSON *it = cJSON_CreateObject();
    cJSON_AddStringToObject(it, "label", title);
    cJSON_AddNumberToObject(it, "kind", 9); /* module */
    cJSON_AddStringToObject(it, "detail",
                            ddlint_coverage_section_required(r, k)
                                ? "missing required section"
                                : "missing optional section");
    char sort[32];
    snprintf(sort, sizeof sort, "%04zu", k);
    cJSON_AddStringToObject(it, "sortText", sort);
    cJSON_AddItemToObject(it, "textEdit", S_text_edit(s, d, word, off, title));
    cJSON_AddItemToArray(items, it);
  }
  return items;
}

static cJSON *S_coverage(lsp_server *s, const cJSON *params, req_error *e) {
  lsp_doc *d = S_request_doc(s, params, e);
  if (!d)
    return NULL;
  if (!d->res) {
    *e = (req_error){RPC_INTERNAL_ERROR, "the document's template could not "
                                         "be loaded"};
    return NULL;
  }
  const ddlint_result *r = d->res->r;
  cJSON *res = cJSON_CreateObject();
  cJSON_AddStringToObject(res, "template",
                          ddlint_pack_name(ddlint_result_pack(r)));
  char shown[32];
  snprintf(shown, sizeof shown, "%.1f", ddlint_result_score(r));
  cJSON_AddNumberToObject(res, "score", strtod(shown, NULL));
  cJSON *secs = cJSON_AddArrayToObject(res, "sections");
  cJSON *missing = cJSON_AddArrayToObject(res, "missing");
  for (size_t k = 0; k < ddlint_result_section_count(r); k++) {
    const char *state = ddlint_coverage_section_state(r, k);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", ddlint_coverage_section_id(r, k));
    cJSON_AddStringToObject(o, "title", ddlint_coverage_section_title(r, k));
    cJSON_AddBoolToObject(o, "required",
                          ddlint_coverage_section_required(r, k));
    cJSON_AddBoolToObject(o, "found", state && strcmp(state, "empty") != 0);
    if (state)
      cJSON_AddStringToObject(o, "via", state);
    size_t at;
    if (S_section_offset(d, k, &at))
      cJSON_AddItemToObject(o, "range", S_range(s, d, at, at));
    cJSON_AddItemToArray(secs, o);
    if (!state)
      cJSON_AddItemToArray(
          missing, cJSON_CreateString(ddlint_coverage_section_title(r, k)));
  }
  return res;
}

/* ---- notifications ---- */

static void S_did_open(lsp_server *s, const cJSON *params) {
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
  const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(td, "text");
  const cJSON *version = cJSON_GetObjectItemCaseSensitive(td, "version");
  if (!cJSON_IsString(uri) || !cJSON_IsString(text))
    return;
  lsp_doc *d = S_find_doc(s, uri->valuestring, NULL);
  if (!d) {
    d = xcalloc(1, sizeof *d);
    d->uri = xstrdup(uri->valuestring);
    d->part = SIZE_MAX;
    d->path = S_uri_path(d->uri);
    d->real = d->path && s->use_fs ? realpath(d->path, NULL) : NULL;
    xgrow(&s->docs, &s->docs_cap, s->ndocs + 1, sizeof(lsp_doc *));
    s->docs[s->ndocs++] = d;
  }
  d->text.len = 0;
  strbuf_puts(&d->text, text->valuestring);
  d->lines_ok = false;
  d->version = cJSON_IsNumber(version) ? version->valuedouble : 0;
  S_mark_dirty(s, d);
}

/* Applies one content change; false when it is malformed. */
static bool S_apply_change(lsp_server *s, lsp_doc *d, const cJSON *ch) {
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(ch, "text");
  const cJSON *range = cJSON_GetObjectItemCaseSensitive(ch, "range");
  if (!cJSON_IsString(text))
    return false;
  size_t a = 0, b = d->text.len, tl = strlen(text->valuestring);
  if (range &&
      (!S_offset(s, d, cJSON_GetObjectItemCaseSensitive(range, "start"), &a) ||
       !S_offset(s, d, cJSON_GetObjectItemCaseSensitive(range, "end"), &b)))
    return false;
  if (b < a)
    b = a;
  size_t len = d->text.len - (b - a) + tl;
  if (len > d->text.len)
    xgrow(&d->text.data, &d->text.cap, len + 1, 1);
  if (d->text.data) {
    memmove(d->text.data + a + tl, d->text.data + b, d->text.len - b);
    memcpy(d->text.data + a, text->valuestring, tl);
    d->text.data[len] = '\0';
  }
  d->text.len = len;
  d->lines_ok = false;
  return true;
}

static void S_did_change(lsp_server *s, const cJSON *params) {
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
  const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
  const cJSON *version = cJSON_GetObjectItemCaseSensitive(td, "version");
  lsp_doc *d =
      cJSON_IsString(uri) ? S_find_doc(s, uri->valuestring, NULL) : NULL;
  if (!d)
    return;
  const cJSON *ch;
  cJSON_ArrayForEach(
      ch, cJSON_GetObjectItemCaseSensitive(params, "contentChanges")) {
    if (!S_apply_change(s, d, ch))
      break;
  }
  if (cJSON_IsNumber(version))
    d->version = version->valuedouble;
  S_mark_dirty(s, d);
}

static void S_did_save(lsp_server *s, const cJSON *params) {
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
  const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
  lsp_doc *d =
      cJSON_IsString(uri) ? S_find_doc(s, uri->valuestring, NULL) : NULL;
  if (d)
    S_mark_dirty(s, d);
}

static void S_did_close(lsp_server *s, const cJSON *params) {
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
  const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
  size_t i;
  lsp_doc *d = cJSON_IsString(uri) ? S_find_doc(s, uri->valuestring, &i) : NULL;
  if (!d)
    return;
  bool grouped = d->part != SIZE_MAX;
  S_unref(d->res);
  d->res = NULL;
  d->part = SIZE_MAX;
  S_publish(s, d); /* clears its diagnostics */
  S_doc_free(d);
  s->docs[i] = s->docs[--s->ndocs];
  for (size_t k = 0; grouped && k < s->ndocs; k++)
    if (s->docs[k]->part != SIZE_MAX)
      S_mark_dirty(s, s->docs[k]); /* its part is now read from disk */
}

/* A config, pack or part changed on disk: load everything again. */
static void S_reload(lsp_server *s) {
  for (size_t i = 0; i < s->ndocs; i++) { /* results borrow the packs */
    S_unref(s->docs[i]->res);
    s->docs[i]->res = NULL;
    s->docs[i]->part = SIZE_MAX;
    free(s->docs[i]->last_error);
    s->docs[i]->last_error = NULL;
    S_mark_dirty(s, s->docs[i]);
  }
  if (s->cache == &s->own_cache)
    runcache_free(s->cache);
}

static void S_register_watches(lsp_server *s) {
  cJSON *p = cJSON_CreateObject();
  cJSON *regs = cJSON_AddArrayToObject(p, "registrations");
  cJSON *reg = cJSON_CreateObject();
  cJSON_AddStringToObject(reg, "id", "ddlint-watch");
  cJSON_AddStringToObject(reg, "method", "workspace/didChangeWatchedFiles");
  cJSON *watchers = cJSON_AddArrayToObject(
      cJSON_AddObjectToObject(reg, "registerOptions"), "watchers");
  static const char *const globs[] = {"**/.ddlint.json", "**/*.json", "**/*.md",
                                      "**/*.markdown"};
  for (size_t i = 0; i < sizeof globs / sizeof *globs; i++) {
    cJSON *w = cJSON_CreateObject();
    cJSON_AddStringToObject(w, "globPattern", globs[i]);
    cJSON_AddItemToArray(watchers, w);
  }
  cJSON_AddItemToArray(regs, reg);
  rpc_send(&s->out, "client/registerCapability", p, s->next_id++);
}

/* ---- dispatch ---- */

typedef cJSON *(*request_fn)(lsp_server *s, const cJSON *params, req_error *e);
static const struct {
  const char *method;
  request_fn fn;
} requests[] = {
    {"initialize", S_initialize},
    {"shutdown", S_shutdown},
    {"textDocument/codeAction", S_code_action},
    {"textDocument/hover", S_hover},
    {"textDocument/documentSymbol", S_document_symbol},
    {"textDocument/completion", S_completion},
    {"ddlint/coverage", S_coverage},
};

static bool S_same_id(const cJSON *a, const cJSON *b) {
  if (cJSON_IsNumber(a) && cJSON_IsNumber(b))
    return a->valuedouble == b->valuedouble;
  return cJSON_IsString(a) && cJSON_IsString(b) &&
         strcmp(a->valuestring, b->valuestring) == 0;
}

static void S_handle(lsp_server *s, const cJSON *msg, cJSON *const *batch,
                     size_t nbatch) {
  if (!cJSON_IsObject(msg)) {
    rpc_error(&s->out, NULL, RPC_INVALID_REQUEST, "not a JSON-RPC message");
    return;
  }
  const cJSON *method = cJSON_GetObjectItemCaseSensitive(msg, "method");
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
  const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
  if (id && !cJSON_IsNumber(id) && !cJSON_IsString(id)) {
    rpc_error(&s->out, NULL, RPC_INVALID_REQUEST,
              "id must be a number or a "
              "string");
    return;
  }
  if (!cJSON_IsString(method)) {
    if (!id || (!cJSON_GetObjectItemCaseSensitive(msg, "result") &&
                !cJSON_GetObjectItemCaseSensitive(msg, "error")))
      rpc_error(&s->out, id, RPC_INVALID_REQUEST, "method is missing");
    return; /* else a response to a request of ours */
  }
  const char *m = method->valuestring;
  if (!id) { /* a notification: never answered */
    if (strcmp(m, "exit") == 0) {
      s->exited = true;
      return;
    }
    if (!s->initialized || s->shutdown)
      return;
    if (strcmp(m, "initialized") == 0) {
      if (s->register_watches)
        S_register_watches(s);
    } else if (strcmp(m, "textDocument/didOpen") == 0)
      S_did_open(s, params);
    else if (strcmp(m, "textDocument/didChange") == 0)
      S_did_change(s, params);
    else if (strcmp(m, "textDocument/didSave") == 0)
      S_did_save(s, params);
    else if (strcmp(m, "textDocument/didClose") == 0)
      S_did_close(s, params);
    else if (strcmp(m, "workspace/didChangeWatchedFiles") == 0)
      S_reload(s);
    return; /* $/cancelRequest is read ahead, in lsp_server_feed() */
  }
  if (!s->initialized && strcmp(m, "initialize") != 0) {
    rpc_error(&s->out, id, RPC_SERVER_NOT_INITIALIZED, "initialize first");
    return;
  }
  if (s->shutdown) {
    rpc_error(&s->out, id, RPC_INVALID_REQUEST, "the server is shut down");
    return;
  }
  for (size_t i = 0; i < nbatch; i++) { /* cancelled before it was read */
    const cJSON *cm = cJSON_GetObjectItemCaseSensitive(batch[i], "method");
    if (cJSON_IsString(cm) && strcmp(cm->valuestring, "$/cancelRequest") == 0 &&
        S_same_id(id, cJSON_GetObjectItemCaseSensitive(
                          cJSON_GetObjectItemCaseSensitive(batch[i], "params"),
                          "id"))) {
      rpc_error(&s->out, id, RPC_REQUEST_CANCELLED, "cancelled");
      return;
    }
  }
  for (size_t i = 0; i < sizeof requests / sizeof *requests; i++)
    if (strcmp(m, requests[i].method) == 0) {
      if (strcmp(m, "initialize") == 0 && s->initialized) {
        rpc_error(&s->out, id, RPC_INVALID_REQUEST, "already initialized");
        return;
      }
      req_error e = {0, NULL};
      cJSON *res = requests[i].fn(s, params, &e);
      if (e.code) {
        cJSON_Delete(res);
        rpc_error(&s->out, id, e.code, e.message);
      } else {
        rpc_result(&s->out, id, res);
      }
      return;
    }
  char *msg_text = xasprintf("unknown method \"%s\"", m);
  rpc_error(&s->out, id, RPC_METHOD_NOT_FOUND, msg_text);
  free(msg_text);
}

/* ---- the session ---- */

lsp_server *lsp_server_new(bool use_fs, run_cache *cache) {
  lsp_server *s = xcalloc(1, sizeof *s);
  s->use_fs = use_fs;
  s->cache = cache ? cache : &s->own_cache;
  long cpus = use_fs ? sysconf(_SC_NPROCESSORS_ONLN) : 1;
  s->lint_opts.threads = cpus > 1 ? (int)(cpus > 8 ? 8 : cpus) : 1;
  s->next_id = 1;
  return s;
}

void lsp_server_feed(lsp_server *s, const char *bytes, size_t n) {
  rpc_feed(&s->in, bytes, n);
  cJSON **batch = NULL;
  size_t nbatch = 0, cap = 0;
  for (;;) {
    const char *body, *err;
    size_t len;
    rpc_status st = rpc_next(&s->in, &body, &len, &err);
    if (st == RPC_MORE)
      break;
    if (st == RPC_BAD) {
      rpc_error(&s->out, NULL, RPC_PARSE_ERROR, err);
      continue;
    }
    cJSON *msg = cJSON_ParseWithLength(body, len);
    if (!msg) {
      rpc_error(&s->out, NULL, RPC_PARSE_ERROR, "invalid JSON");
      continue;
    }
    xgrow(&batch, &cap, nbatch + 1, sizeof(cJSON *));
    batch[nbatch++] = msg;
  }
  for (size_t i = 0; i < nbatch; i++) {
    if (!s->exited)
      S_handle(s, batch[i], batch + i + 1, nbatch - i - 1);
    cJSON_Delete(batch[i]);
  }
  free(batch);
}

bool lsp_server_pending(const lsp_server *s) {
  for (size_t i = 0; i < s->ndocs; i++)
    if (s->docs[i]->dirty)
      return true;
  return false;
}

void lsp_server_idle(lsp_server *s) {
  for (size_t i = 0; i < s->ndocs; i++)
    if (s->docs[i]->dirty)
      S_lint(s, s->docs[i]); /* may lint other open parts too */
}

strbuf *lsp_server_output(lsp_server *s) { return &s->out; }

bool lsp_server_done(const lsp_server *s, int *status) {
  if (s->exited)
    *status = s->shutdown ? 0 : 1;
  return s->exited;
}

void lsp_server_free(lsp_server *s) {
  if (!s)
    return;
  for (size_t i = 0; i < s->ndocs; i++)
    S_doc_free(s->docs[i]);
  free(s->docs);
  runcache_free(&s->own_cache);
  rpc_reader_free(&s->in);
  strbuf_free(&s->out);
  cJSON_Delete(s->severities);
  free(s->template_ref);
  free(s->root);
  free(s);
}

/* Writes all of out to fd; false when the client is gone. */
static bool S_flush(int fd, strbuf *out) {
  size_t done = 0;
  while (done < out->len) {
    ssize_t n = write(fd, out->data + done, out->len - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += (size_t)n;
  }
  out->len = 0;
  return true;
}

static const char lsp_usage[] =
    "Usage: ddlint lsp [--debounce MS]\n"
    "A language server (LSP 3.17) on standard input and output; see\n"
    "docs/editors.md. --debounce: milliseconds of quiet input before a\n"
    "changed document is linted (default 50).\n";

int lsp_main(int argc, char **argv) {
  long debounce = 50;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--debounce") == 0 && i + 1 < argc) {
      char *end;
      debounce = strtol(argv[++i], &end, 10);
      if (*end || debounce < 0 || debounce > 10000) {
        fprintf(stderr,
                "ddlint lsp: --debounce takes milliseconds from 0 to "
                "10000, not '%s'\n",
                argv[i]);
        return 2;
      }
    } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      fputs(lsp_usage, stdout);
      return 0;
    } else if (strcmp(argv[i], "--stdio") != 0) { /* what clients add */
      fprintf(stderr, "ddlint lsp: unknown argument '%s'\n%s", argv[i],
              lsp_usage);
      return 2;
    }
  }
  signal(SIGPIPE, SIG_IGN);
  lsp_server *s = lsp_server_new(true, NULL);
  int status = 0;
  static char buf[1 << 16];
  for (;;) {
    if (!S_flush(STDOUT_FILENO, lsp_server_output(s)))
      break; /* the client is gone */
    if (lsp_server_done(s, &status))
      break;
    bool pending = lsp_server_pending(s);
    /* debounce: lint when the input has been quiet for `debounce` ms, or
     * at the latest ten times that after the first pending change */
    double waited = pending ? S_now_ms() - s->dirty_since : 0;
    if (pending && waited >= (double)debounce * 10) {
      lsp_server_idle(s);
      continue;
    }
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    int rc = poll(&p, 1, pending ? (int)debounce : -1);
    if (rc < 0 && errno == EINTR)
      continue;
    if (rc < 0)
      break;
    if (rc == 0) {
      lsp_server_idle(s);
      continue;
    }
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (n <= 0)
      break; /* the end of stdin ends the session */
    lsp_server_feed(s, buf, (size_t)n);
  }
  lsp_server_free(s);
  return status;
}
