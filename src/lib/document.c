/* A document made of several files (an index and its chapters): each part
 * is parsed on its own (in parallel), so no block runs across two parts;
 * the blocks are then shifted into one joined text and the later stages
 * (outline, match, rules) run once over the whole. The part table turns a
 * joined offset back into a file, line and column for the reporters. */
#include "result.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* Built-in rules of a document; they are in no pack, so --explain and the
 * configs find them here. */
static struct ddlint_rule S_rules[] = {
    {.id = "missing-part",
     .kind = "document",
     .summary = "A part of a multi-file document cannot be read.",
     .message = "part \"{match}\" of document \"{section}\" cannot be read: "
                "{detail}",
     .help = "create the file, fix the link to it, or remove it from the "
             "document's parts; the other parts were linted",
     .explain =
         "Built into every pack. A document made of several files names its "
         "parts: the index links to them, its front matter lists them under "
         "parts:, or they are numbered chapters of the folder. A part that "
         "is named but does not exist, or cannot be read, is reported where "
         "it is named (the link in the index), else at the start of the "
         "document; the other parts are still linted as the document.",
     .severity = DDLINT_ERROR},
    {.id = "shared-part",
     .kind = "document",
     .summary = "A file is a part of two documents.",
     .message = "\"{match}\" is also a part of document \"{detail}\"; it is "
                "linted there only",
     .help = "a file belongs to one document: remove it from one of them",
     .explain = "Built into every pack. A file named as a part of two "
                "documents is linted in the first one (in the order of the "
                "run) and left out of the second, where this warning names "
                "the first.",
     .severity = DDLINT_WARNING},
};

const ddlint_rule *document_rule_find(const char *id) {
  for (size_t i = 0; i < sizeof S_rules / sizeof S_rules[0]; i++)
    if (strcmp(S_rules[i].id, id) == 0)
      return &S_rules[i];
  return NULL;
}

const ddlint_rule *rule_find(const ddlint_pack *pk, const char *id) {
  const ddlint_rule *r = ddlint_pack_find_rule(pk, id);
  return r ? r : document_rule_find(id);
}

size_t doc_part_of(const doc_part *parts, size_t nparts, size_t off) {
  size_t found = SIZE_MAX, first = SIZE_MAX;
  for (size_t k = 0; k < nparts; k++) {
    if (parts[k].missing)
      continue;
    if (first == SIZE_MAX)
      first = k;
    if (parts[k].base <= off)
      found = k;
    else
      break;
  }
  if (found != SIZE_MAX)
    return found;
  return first != SIZE_MAX ? first : 0;
}

bool ctx_same_part(const lint_ctx *ctx, size_t a, size_t b) {
  if (!ctx->parts)
    return true;
  return doc_part_of(ctx->parts, ctx->nparts, a) ==
         doc_part_of(ctx->parts, ctx->nparts, b);
}

/* Where the finding about part k goes: where it is named, else the start
 * of the first readable part. */
static size_t S_named_at(const lint_ctx *ctx, size_t k) {
  const doc_part *p = &ctx->parts[k];
  if (p->named_in < ctx->nparts && !ctx->parts[p->named_in].missing) {
    const doc_part *in = &ctx->parts[p->named_in];
    return in->base + (p->named_at > in->src.len ? in->src.len : p->named_at);
  }
  size_t f = doc_part_of(ctx->parts, ctx->nparts, 0);
  return ctx->parts[f].base + ctx->parts[f].src.body_start;
}

void document_report(lint_ctx *ctx) {
  const struct ddlint_rule *utf8 =
      ddlint_pack_find_rule(ctx->pack, "invalid-utf8");
  for (size_t k = 0; k < ctx->nparts; k++) {
    const doc_part *p = &ctx->parts[k];
    if (p->missing) {
      bool shared = p->owner != NULL;
      const char *vars[] = {
          "match",   p->src.path,
          "section", ctx->src->path,
          "detail",  shared ? p->owner : p->error ? p->error : "not found",
          NULL};
      size_t at = S_named_at(ctx, k);
      diag_emit(ctx, shared ? &S_rules[1] : &S_rules[0], at, at, "", vars);
      continue;
    }
    if (utf8 && p->src.invalid_utf8 != SIZE_MAX) {
      char *detail = xasprintf("%zu", p->src.invalid_utf8);
      const char *vars[] = {"detail", detail, NULL};
      size_t bad = p->base + p->src.invalid_utf8;
      diag_emit(ctx, utf8, bad, bad + 1, NULL, vars);
      free(detail);
    }
  }
}

typedef struct {
  const ddlint_part *in;
  doc_part *parts;
  md_blocks *blocks;
  unsigned threads;
} parse_job;

static void S_parse_part(void *arg, size_t k) {
  parse_job *j = arg;
  const ddlint_part *in = &j->in[k];
  doc_part *p = &j->parts[k];
  p->named_in = in->named_in;
  p->named_at = in->named_at;
  if (!in->text || in->owner) {
    p->missing = true;
    p->error = in->error ? xstrdup(in->error) : NULL;
    p->owner = in->owner ? xstrdup(in->owner) : NULL;
    source_init(&p->src, in->path, "", 0);
    return;
  }
  source_init(&p->src, in->path, in->text, in->len);
  md_parse(&p->src, j->threads, &j->blocks[k]);
  if (j->blocks[k].refused) { /* a missing-part error, as unreadable ones */
    p->missing = true;
    p->error = xstrdup(j->blocks[k].refused);
    source_free(&p->src);
    source_init(&p->src, in->path, "", 0);
    md_blocks_free(&j->blocks[k]);
  }
}

/* Appends the pairs of src (n pairs) shifted by base to *dst. */
static void S_shift_pairs(size_t **dst, size_t *n, size_t *cap,
                          const size_t *src, size_t m, size_t base) {
  xgrow(dst, cap, 2 * (*n + m) + 2, sizeof(size_t));
  for (size_t i = 0; i < 2 * m; i++)
    (*dst)[2 * *n + i] = src[i] + base;
  *n += m;
}

ddlint_result *ddlint_lint_document(const ddlint_pack *pack, const char *name,
                                    const ddlint_part *parts, size_t nparts,
                                    int has_index, const ddlint_options *opts) {
  ddlint_result *r = xcalloc(1, sizeof *r);
  r->pack = pack;
  r->nparts = nparts ? nparts : 1;
  r->parts = xcalloc(r->nparts, sizeof(doc_part));
  r->index = has_index && nparts;
  md_blocks *blocks = xcalloc(r->nparts, sizeof(md_blocks));
  unsigned threads = opts && opts->threads > 1 ? (unsigned)opts->threads : 1;
  ddlint_part none = {
      .path = name, .text = NULL, .error = "no parts", .named_in = SIZE_MAX};
  parse_job job = {.in = nparts ? parts : &none,
                   .parts = r->parts,
                   .blocks = blocks,
                   /* threads to spare go to parsing a large part */
                   .threads = threads / (unsigned)r->nparts > 1
                                  ? threads / (unsigned)r->nparts
                                  : 1};
  /* parts on the threads at once */
  run_tasks(r->nparts, threads, S_parse_part, &job);

  /* the joined text: each part, then a blank line */
  strbuf text = {0};
  for (size_t k = 0; k < r->nparts; k++) {
    doc_part *p = &r->parts[k];
    p->base = text.len;
    if (p->missing)
      continue;
    strbuf_put(&text, p->src.text, p->src.len);
    strbuf_put(&text, "\n\n", DOC_PART_GAP);
  }
  size_t len = text.len;
  char *joined = text.data ? strbuf_take(&text) : xstrdup("");
  source_init_owned(&r->src, name, joined, len);
  r->src.invalid_utf8 = SIZE_MAX; /* reported per part */

  md_blocks mb = {0};
  size_t bcap = 0, scap = 0, ccap = 0;
  for (size_t k = 0; k < r->nparts; k++) {
    md_blocks *b = &blocks[k];
    size_t base = r->parts[k].base;
    if (b->nblocks) {
      xgrow(&mb.blocks, &bcap, mb.nblocks + b->nblocks, sizeof(block));
      for (size_t i = 0; i < b->nblocks; i++) {
        block *d = &mb.blocks[mb.nblocks++];
        *d = b->blocks[i]; /* the strings move with it */
        d->start += base;
        d->end += base;
      }
    }
    S_shift_pairs(&mb.skip, &mb.nskip, &scap, b->skip, b->nskip, base);
    S_shift_pairs(&mb.comments, &mb.ncomments, &ccap, b->comments, b->ncomments,
                  base);
    free(b->blocks);
    free(b->skip);
    free(b->comments);
  }
  free(blocks);
  lint_blocks(r, &mb, opts);
  return r;
}
