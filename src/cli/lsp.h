/* The language server (`ddlint lsp`): LSP 3.17 over stdio. lsp_rpc.c cuts
 * the byte stream into JSON-RPC frames; lsp.c keeps the session (packs,
 * configs, open documents) and answers each message. */
#ifndef DDLINT_LSP_H
#define DDLINT_LSP_H

#include "ddlint.h"
#include "util.h"

/* ---- lsp_rpc.c: framing ---- */

/* Bodies larger than this are refused with an error and skipped. */
#define RPC_MAX_BODY ((size_t)64 << 20)
/* A header block longer than this is refused and dropped. */
#define RPC_MAX_HEADER ((size_t)64 << 10)

/* Bytes read and not yet cut into frames. Owns its buffer; free with
 * rpc_reader_free(). */
typedef struct {
  strbuf buf;  /* bytes from pos on are unread */
  size_t pos;  /* first unread byte */
  size_t skip; /* bytes of a refused body still to be dropped */
} rpc_reader;

typedef enum {
  RPC_MORE,  /* no whole frame yet: feed more bytes */
  RPC_FRAME, /* a frame: its body */
  RPC_BAD    /* a malformed or refused frame, consumed: *err says why */
} rpc_status;

/* Appends n bytes read from the stream. */
void rpc_feed(rpc_reader *r, const char *bytes, size_t n);
/* The next frame. For RPC_FRAME, [*body, *body + *len) is borrowed until the
 * next call; for RPC_BAD, *err is a static message. */
rpc_status rpc_next(rpc_reader *r, const char **body, size_t *len,
                    const char **err);
void rpc_reader_free(rpc_reader *r);

/* Appends one frame holding json (a cJSON item, printed unformatted) to out.
 * Takes json and frees it. */
struct cJSON;
void rpc_write(strbuf *out, struct cJSON *json);
/* A response to request id (borrowed; NULL means null) with result (taken;
 * NULL means null). */
void rpc_result(strbuf *out, const struct cJSON *id, struct cJSON *result);
/* An error response to id (borrowed; NULL means null). */
void rpc_error(strbuf *out, const struct cJSON *id, int code,
               const char *message);
/* A notification or a request from the server (id >= 0) with params
 * (taken). */
void rpc_send(strbuf *out, const char *method, struct cJSON *params, int id);

/* JSON-RPC and LSP error codes. */
enum {
  RPC_PARSE_ERROR = -32700,
  RPC_INVALID_REQUEST = -32600,
  RPC_METHOD_NOT_FOUND = -32601,
  RPC_INVALID_PARAMS = -32602,
  RPC_INTERNAL_ERROR = -32603,
  RPC_SERVER_NOT_INITIALIZED = -32002,
  RPC_REQUEST_CANCELLED = -32800
};

/* ---- lsp.c: the session ---- */

/* A session: what it has loaded, its open documents and the bytes it is to
 * write. Owns everything; free with lsp_server_free(). */
typedef struct lsp_server lsp_server;

/* A new session. With use_fs false it reads no file (no config discovery,
 * no documents of several files, packs only by built-in name): for the fuzz
 * harness. It loads packs and configs into `cache` (borrowed: it must
 * outlive the session, which never empties it), or into its own when NULL. */
struct run_cache;
lsp_server *lsp_server_new(bool use_fs, struct run_cache *cache);
/* Takes n bytes of the input stream and answers every whole message in it;
 * lints nothing that may wait (see lsp_server_idle()). */
void lsp_server_feed(lsp_server *s, const char *bytes, size_t n);
/* Lints the documents changed since their last lint and publishes their
 * diagnostics: called when no input is pending (the debounce). */
void lsp_server_idle(lsp_server *s);
/* Whether any document waits for lint. */
bool lsp_server_pending(const lsp_server *s);
/* The bytes to write; the caller writes and empties them. */
strbuf *lsp_server_output(lsp_server *s);
/* Whether the client sent exit; *status is then the exit status (0 after a
 * shutdown request, else 1). */
bool lsp_server_done(const lsp_server *s, int *status);
void lsp_server_free(lsp_server *s);

/* `ddlint lsp [--debounce MS]`: serves stdin and stdout until exit or the
 * end of stdin. Returns the exit status. */
int lsp_main(int argc, char **argv);

#endif
