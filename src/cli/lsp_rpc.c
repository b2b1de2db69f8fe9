/* JSON-RPC framing for the language server: "Content-Length: N" headers,
 * a blank line, N bytes of JSON. A malformed header or an oversized body is
 * consumed and reported, so one bad frame never stops the stream. */
#include "lsp.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

void rpc_feed(rpc_reader *r, const char *bytes, size_t n) {
  if (r->skip) { /* the rest of a refused body */
    size_t k = n < r->skip ? n : r->skip;
    r->skip -= k;
    bytes += k;
    n -= k;
  }
  if (!n)
    return;
  if (r->pos && r->pos * 2 >= r->buf.len) { /* keep the buffer compact */
    memmove(r->buf.data, r->buf.data + r->pos, r->buf.len - r->pos);
    r->buf.len -= r->pos;
    r->pos = 0;
  }
  strbuf_put(&r->buf, bytes, n);
}

/* The end of the header block at [s, s + n): the offset after its blank
 * line ("\r\n\r\n", or "\n\n" from a lax client), or SIZE_MAX. */
static size_t S_header_end(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] != '\n')
      continue;
    if (s[i + 1] == '\n')
      return i + 2;
    if (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')
      return i + 3;
  }
  return SIZE_MAX;
}

/* The value of Content-Length in the header block [s, s + n): 0 and true
 * when set and valid; *too_big when over RPC_MAX_BODY. */
static bool S_content_length(const char *s, size_t n, size_t *len,
                             bool *too_big) {
  static const char name[] = "content-length:";
  bool found = false;
  *too_big = false;
  for (size_t i = 0; i < n;) {
    size_t e = i;
    while (e < n && s[e] != '\n')
      e++;
    size_t k = 0;
    while (k < sizeof name - 1 && i + k < e && (s[i + k] | 0x20) == name[k])
      k++;
    if (k == sizeof name - 1) {
      size_t j = i + k, v = 0, digits = 0;
      while (j < e && (s[j] == ' ' || s[j] == '\t'))
        j++;
      while (j < e && s[j] >= '0' && s[j] <= '9') {
        if (v <= RPC_MAX_BODY)
          v = v * 10 + (size_t)(s[j] - '0');
        j++;
        digits++;
      }
      while (j < e && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
        j++;
      if (!digits || j != e || found)
        return false; /* not a number, or given twice */
      found = true;
      *len = v;
      *too_big = v > RPC_MAX_BODY;
    }
    i = e + 1;
  }
  return found;
}

rpc_status rpc_next(rpc_reader *r, const char **body, size_t *len,
                    const char **err) {
  size_t n = r->buf.len - r->pos;
  if (!n)
    return RPC_MORE;
  const char *s = r->buf.data + r->pos;
  size_t he = S_header_end(s, n < RPC_MAX_HEADER ? n : RPC_MAX_HEADER);
  if (he == SIZE_MAX) {
    if (n < RPC_MAX_HEADER)
      return RPC_MORE;
    r->pos = r->buf.len; /* no header ends: drop what was read */
    *err = "header block over 64 KiB with no blank line after it";
    return RPC_BAD;
  }
  size_t blen;
  bool too_big;
  if (!S_content_length(s, he, &blen, &too_big)) {
    r->pos += he;
    *err = "missing or invalid Content-Length header";
    return RPC_BAD;
  }
  if (too_big) {
    size_t have = n - he;
    r->pos += he + (have < blen ? have : blen);
    r->skip = have < blen ? blen - have : 0;
    *err = "message over 64 MiB; skipped";
    return RPC_BAD;
  }
  if (n - he < blen)
    return RPC_MORE;
  *body = s + he;
  *len = blen;
  r->pos += he + blen;
  if (r->pos == r->buf.len)
    r->pos = r->buf.len = 0; /* the body stays readable: nothing overwrites
                                it before the next feed */
  return RPC_FRAME;
}

void rpc_reader_free(rpc_reader *r) {
  strbuf_free(&r->buf);
  memset(r, 0, sizeof *r);
}

void rpc_write(strbuf *out, cJSON *json) {
  char *text = cJSON_PrintUnformatted(json);
  if (!text)
    oom_abort(0); /* cJSON fails only when out of memory */
  strbuf_printf(out, "Content-Length: %zu\r\n\r\n", strlen(text));
  strbuf_puts(out, text);
  cJSON_free(text);
  cJSON_Delete(json);
}

static cJSON *S_envelope(const cJSON *id) {
  cJSON *m = cJSON_CreateObject();
  cJSON_AddStringToObject(m, "jsonrpc", "2.0");
  cJSON_AddItemToObject(m, "id",
                        id ? cJSON_Duplicate(id, true) : cJSON_CreateNull());
  return m;
}

void rpc_result(strbuf *out, const cJSON *id, cJSON *result) {
  cJSON *m = S_envelope(id);
  cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
  rpc_write(out, m);
}

void rpc_error(strbuf *out, const cJSON *id, int code, const char *message) {
  cJSON *m = S_envelope(id);
  cJSON *e = cJSON_AddObjectToObject(m, "error");
  cJSON_AddNumberToObject(e, "code", code);
  cJSON_AddStringToObject(e, "message", message);
  rpc_write(out, m);
}

void rpc_send(strbuf *out, const char *method, cJSON *params, int id) {
  cJSON *m = cJSON_CreateObject();
  cJSON_AddStringToObject(m, "jsonrpc", "2.0");
  if (id >= 0)
    cJSON_AddNumberToObject(m, "id", id);
  cJSON_AddStringToObject(m, "method", method);
  cJSON_AddItemToObject(m, "params", params ? params : cJSON_CreateObject());
  rpc_write(out, m);
}
