/* Locations in JSON text. cJSON reports no positions, so after a successful
 * parse we rescan the text once, recording where each value (and its key)
 * starts in pre-order; the same pre-order walk of the cJSON tree then gives a
 * node's index, and so its offset. Used when reporting an error, and by a
 * cursor for the many locations a config keeps. */
#include "jsonloc.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  size_t *val, *key;
  size_t n, cap_val, cap_key;
} offsets;

static size_t S_skip_ws(const char *t, size_t len, size_t i) {
  /* as cJSON: every byte up to space is whitespace between tokens */
  while (i < len && (unsigned char)t[i] <= ' ')
    i++;
  return i;
}

static size_t S_skip_string(const char *t, size_t len, size_t i) {
  for (i++; i < len && t[i] != '"'; i++)
    if (t[i] == '\\')
      i++;
  return i < len ? i + 1 : len;
}

static void S_scan(const char *t, size_t len, offsets *o) {
  /* stack of container kinds: '{' or '[' */
  char *stack = NULL;
  size_t depth = 0, cap = 0;
  size_t i = S_skip_ws(t, len, 0);
  size_t pending_key = SIZE_MAX;
  enum { VALUE, AFTER, KEY } state = VALUE;
  if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
    i = S_skip_ws(t, len, 3);
  while (i < len) {
    if (state == VALUE) {
      i = S_skip_ws(t, len, i);
      if (i >= len)
        break;
      if (t[i] == ']' && depth && stack[depth - 1] == '[') {
        state = AFTER; /* empty array */
        continue;
      }
      xgrow(&o->val, &o->cap_val, o->n + 1, sizeof(size_t));
      xgrow(&o->key, &o->cap_key, o->n + 1, sizeof(size_t));
      o->val[o->n] = i;
      o->key[o->n] = pending_key == SIZE_MAX ? i : pending_key;
      o->n++;
      pending_key = SIZE_MAX;
      if (t[i] == '{' || t[i] == '[') {
        xgrow(&stack, &cap, depth + 1, 1);
        stack[depth++] = t[i];
        state = t[i] == '{' ? KEY : VALUE;
        i++;
      } else if (t[i] == '"') {
        i = S_skip_string(t, len, i);
        state = AFTER;
      } else {
        while (i < len && t[i] && !strchr(",]} \t\r\n", t[i]))
          i++;
        state = AFTER;
      }
    } else if (state == KEY) {
      i = S_skip_ws(t, len, i);
      if (i < len && t[i] == '}') {
        state = AFTER;
        continue;
      }
      pending_key = i;
      i = S_skip_string(t, len, i);
      i = S_skip_ws(t, len, i);
      if (i < len && t[i] == ':')
        i++;
      state = VALUE;
    } else {
      i = S_skip_ws(t, len, i);
      if (i >= len)
        break;
      if (t[i] == ',') {
        i++;
        state = depth && stack[depth - 1] == '{' ? KEY : VALUE;
      } else if ((t[i] == ']' || t[i] == '}') && depth) {
        depth--;
        i++;
      } else {
        break; /* trailing garbage: cJSON already rejected or ignored it */
      }
    }
  }
  free(stack);
}

size_t jsonloc_offset(const char *text, size_t len, const cJSON *root,
                      const cJSON *node, bool want_key) {
  offsets o = {0};
  S_scan(text, len, &o);
  size_t result = 0, index = 0;
  /* iterative pre-order walk */
  const cJSON **stack = NULL;
  size_t depth = 0, cap = 0;
  const cJSON *cur = root;
  while (cur) {
    if (cur == node) {
      if (index < o.n)
        result = want_key ? o.key[index] : o.val[index];
      break;
    }
    index++;
    if (cur->child) {
      if (cur->next) {
        xgrow(&stack, &cap, depth + 1, sizeof *stack);
        stack[depth++] = cur->next;
      }
      cur = cur->child;
    } else if (cur->next && cur != root) {
      cur = cur->next;
    } else {
      cur = depth ? stack[--depth] : NULL;
    }
  }
  free(stack);
  free(o.val);
  free(o.key);
  return result;
}

struct jsonloc_cursor {
  const char *text;
  size_t len;
  const cJSON *root;
  offsets o;
  const cJSON *cur; /* the walk: next node to visit, its pre-order index */
  size_t index;
  const cJSON **stack;
  size_t depth, cap;
  size_t off; /* the line count: line:col at byte off */
  unsigned line, col;
};

jsonloc_cursor *jsonloc_cursor_new(const char *text, size_t len,
                                   const cJSON *root) {
  jsonloc_cursor *c = xcalloc(1, sizeof *c);
  c->text = text;
  c->len = len;
  c->root = root;
  S_scan(text, len, &c->o);
  c->cur = root;
  c->line = c->col = 1;
  return c;
}

/* Pre-order index of node, walking on from the last one found. */
static bool S_cursor_walk(jsonloc_cursor *c, const cJSON *node, size_t *at) {
  for (int pass = 0; pass < 2; pass++) {
    while (c->cur) {
      const cJSON *x = c->cur;
      size_t i = c->index++;
      if (x->child) {
        if (x->next && x != c->root) {
          xgrow(&c->stack, &c->cap, c->depth + 1, sizeof *c->stack);
          c->stack[c->depth++] = x->next;
        }
        c->cur = x->child;
      } else if (x->next && x != c->root) {
        c->cur = x->next;
      } else {
        c->cur = c->depth ? c->stack[--c->depth] : NULL;
      }
      if (x == node) {
        *at = i;
        return true;
      }
    }
    c->cur = c->root; /* an earlier node: start again */
    c->index = c->depth = 0;
  }
  return false;
}

void jsonloc_cursor_find(jsonloc_cursor *c, const cJSON *node, bool want_key,
                         unsigned *line, unsigned *col) {
  size_t i, off = 0;
  if (S_cursor_walk(c, node, &i) && i < c->o.n)
    off = want_key ? c->o.key[i] : c->o.val[i];
  if (off > c->len)
    off = c->len;
  if (off < c->off) {
    c->off = 0;
    c->line = c->col = 1;
  }
  unsigned dl, dc;
  jsonloc_linecol(c->text + c->off, off - c->off, off - c->off, &dl, &dc);
  c->line += dl - 1;
  c->col = dl > 1 ? dc : c->col + dc - 1;
  c->off = off;
  *line = c->line;
  *col = c->col;
}

void jsonloc_cursor_free(jsonloc_cursor *c) {
  if (!c)
    return;
  free(c->o.val);
  free(c->o.key);
  free(c->stack);
  free(c);
}

void jsonloc_linecol(const char *text, size_t len, size_t off, unsigned *line,
                     unsigned *col) {
  unsigned l = 1, c = 1;
  if (off > len)
    off = len;
  for (size_t i = 0; i < off; i++) {
    if (text[i] == '\n') {
      l++;
      c = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      c++;
    }
  }
  *line = l;
  *col = c;
}

cJSON *json_parse_located(const char *text, size_t len, const char *origin,
                          char **err) {
  const char *end = NULL;
  unsigned line, col;
  cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
  if (!root) {
    size_t off = end && end >= text ? (size_t)(end - text) : 0;
    jsonloc_linecol(text, len, off, &line, &col);
    *err = xasprintf("%s:%u:%u: invalid JSON", origin, line, col);
    return NULL;
  }
  size_t after = end >= text ? (size_t)(end - text) : len;
  while (after < len && text[after] && strchr(" \t\r\n", text[after]))
    after++;
  if (after < len) {
    jsonloc_linecol(text, len, after, &line, &col);
    *err = xasprintf("%s:%u:%u: invalid JSON: text after the top-level value",
                     origin, line, col);
    cJSON_Delete(root);
    return NULL;
  }
  /* cJSON keeps strings NUL-terminated, so "a\u0000b" would silently be
   * "a"; in valid JSON a \u escape (after an even run of backslashes) can
   * only be inside a string */
  for (size_t i = 0; i + 6 <= len; i++) {
    if (text[i] != '\\')
      continue;
    if (memcmp(text + i, "\\u0000", 6) == 0) {
      jsonloc_linecol(text, len, i, &line, &col);
      *err = xasprintf("%s:%u:%u: a string holds \\u0000 (NUL), which "
                       "ddlint cannot keep",
                       origin, line, col);
      cJSON_Delete(root);
      return NULL;
    }
    i++; /* the escaped character: "\\\\u0000" is no NUL */
  }
  return root;
}

bool json_fail(json_src *js, const cJSON *node, bool at_key, const char *fmt,
               ...) {
  if (js->err)
    return false; /* the first error is the one reported */
  size_t off =
      node ? jsonloc_offset(js->text, js->len, js->root, node, at_key) : 0;
  unsigned line, col;
  jsonloc_linecol(js->text, js->len, off, &line, &col);
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  for (char *c = msg; *c; c++) /* one line, whatever the text quoted */
    if ((unsigned char)*c < 0x20 || *c == 0x7f)
      *c = ' ';
  js->err = xasprintf("%s:%u:%u: %s", js->origin, line, col, msg);
  return false;
}

bool json_check_fields(json_src *js, const cJSON *obj, const char *what,
                       const char *const *allowed) {
  if (!cJSON_IsObject(obj))
    return json_fail(js, obj, false, "%s must be an object", what);
  for (const cJSON *m = obj->child; m; m = m->next) {
    bool ok = false;
    for (size_t i = 0; allowed[i] && !ok; i++)
      ok = strcmp(m->string, allowed[i]) == 0;
    if (ok)
      continue;
    strbuf sb = {0};
    for (size_t i = 0; allowed[i]; i++)
      strbuf_printf(&sb, "%s%s", i ? ", " : "", allowed[i]);
    json_fail(js, m, true, "unknown field \"%s\" in %s (expected one of: %s)",
              m->string, what, sb.data);
    strbuf_free(&sb);
    return false;
  }
  return true;
}
