/* `ddlint init`: writes every section and topic of the template as
 * headings, with the template's guidance in HTML comments. Comments are not
 * content, so empty-section keeps firing until the author writes. */
#include "init.h"

#include <stdlib.h>
#include <string.h>

/* Appends text as an HTML comment ("--" may not appear inside one). */
static void S_comment(strbuf *sb, const char *text) {
  strbuf_puts(sb, "<!-- ");
  for (const char *p = text; *p; p++) {
    strbuf_putc(sb, *p);
    if (p[0] == '-' && p[1] == '-')
      strbuf_putc(sb, ' ');
  }
  strbuf_puts(sb, " -->\n\n");
}

/* "smart-reply_design.md" -> "Smart reply design". */
static char *S_title(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  char *t = xstrndup(base, n);
  for (char *p = t; *p; p++)
    if (*p == '-' || *p == '_')
      *p = ' ';
  if (t[0] >= 'a' && t[0] <= 'z')
    t[0] = (char)(t[0] - 32);
  if (!*t || strcmp(path, "-") == 0) {
    free(t);
    t = xstrdup("Design document");
  }
  return t;
}

char *init_skeleton(const ddlint_pack *pk, const char *path) {
  strbuf sb = {0};
  char *title = S_title(path);
  strbuf_printf(&sb, "# %s\n\n", title);
  free(title);
  strbuf guide = {0};
  strbuf_printf(&guide,
                "Template: %s. Replace each comment with the section's "
                "content; comments do not count as content, so ddlint reports "
                "every section as empty until it is written.",
                pk->name);
  S_comment(&sb, guide.data);
  strbuf_free(&guide);
  for (size_t s = 0; s < pk->nsections; s++) {
    const tmpl_section *ts = &pk->sections[s];
    strbuf_printf(&sb, "## %s\n\n", ts->title);
    strbuf g = {0};
    if (ts->prompt)
      strbuf_puts(&g, ts->prompt);
    else
      strbuf_printf(&g, "Write the %s section%s.", ts->title,
                    ts->required ? "" : " (optional)");
    S_comment(&sb, g.data);
    strbuf_free(&g);
    for (size_t t = 0; t < ts->ntopics; t++) {
      const tmpl_topic *tt = &ts->topics[t];
      strbuf_printf(&sb, "### %s\n\n", tt->title);
      if (tt->prompt) {
        S_comment(&sb, tt->prompt);
      } else {
        char *g2 = xasprintf("Cover %s.", tt->title);
        S_comment(&sb, g2);
        free(g2);
      }
    }
  }
  /* one final newline, not a blank line */
  while (sb.len >= 2 && sb.data[sb.len - 1] == '\n' &&
         sb.data[sb.len - 2] == '\n')
    sb.data[--sb.len] = '\0';
  return strbuf_take(&sb);
}
