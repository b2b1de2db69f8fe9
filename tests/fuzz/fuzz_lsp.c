/* libFuzzer harness for the language server (lsp_rpc.c, lsp.c): the input
 * is a byte stream read from stdin, fed in pieces whose sizes come from the
 * input; or, when it does not start with a header, messages cut at 0x1E
 * bytes and each framed with its right Content-Length, so that mutations of
 * a session's JSON reach the dispatch. The session reads no file. Every
 * byte it writes must be well-formed frames of JSON objects. */
#include "fuzz_common.h"

#include "lsp.h"
#include "runcache.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Packs loaded once for every input: loading one per session would be most
 * of the time spent. */
static run_cache cache;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_isolate();
  return 0;
}

/* Checks that out is a sequence of whole frames, each a JSON object. */
static void S_check_output(const strbuf *out) {
  rpc_reader r = {0};
  rpc_feed(&r, out->data ? out->data : "", out->len);
  for (;;) {
    const char *body, *err;
    size_t len;
    rpc_status st = rpc_next(&r, &body, &len, &err);
    if (st == RPC_MORE)
      break;
    if (st == RPC_BAD)
      fuzz_fail("the server wrote a bad frame: %s", err);
    cJSON *m = cJSON_ParseWithLength(body, len);
    if (!cJSON_IsObject(m))
      fuzz_fail("the server wrote a frame that is no JSON object: %.*s",
                (int)(len < 200 ? len : 200), body);
    cJSON_Delete(m);
  }
  if (r.pos != r.buf.len)
    fuzz_fail("the server wrote %zu bytes that are no whole frame",
              r.buf.len - r.pos);
  rpc_reader_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *buf = (const char *)data;
  lsp_server *s = lsp_server_new(false, &cache);
  strbuf all = {0};
  if (size >= 8 && memcmp(buf, "Content-", 8) == 0) {
    /* a raw stream, in pieces of 1 to 4096 bytes chosen by its bytes */
    for (size_t i = 0; i < size;) {
      size_t n = 1 + (size_t)data[i] * 16;
      if (n > size - i)
        n = size - i;
      lsp_server_feed(s, buf + i, n);
      i += n;
      if (data[i - 1] & 1)
        lsp_server_idle(s);
    }
  } else {
    size_t from = 0;
    for (size_t i = 0; i <= size; i++) {
      if (i < size && data[i] != 0x1E)
        continue;
      strbuf frame = {0};
      strbuf_printf(&frame, "Content-Length: %zu\r\n\r\n", i - from);
      strbuf_put(&frame, buf + from, i - from);
      lsp_server_feed(s, frame.data, frame.len);
      strbuf_free(&frame);
      from = i + 1;
    }
  }
  lsp_server_idle(s);
  strbuf *out = lsp_server_output(s);
  strbuf_put(&all, out->data ? out->data : "", out->len);
  int status;
  (void)lsp_server_done(s, &status);
  lsp_server_free(s);
  S_check_output(&all);
  strbuf_free(&all);
  return 0;
}
