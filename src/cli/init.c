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

/* A section's guidance (its prompt, in a comment) and its topics as
 * headings of topic_level ("###") with theirs, after the section's own
 * heading. */
static void S_section_body(strbuf *out, const ddlint_pack *pk, size_t s,
                           const char *topic_level) {
  strbuf g = {0};
  if (ddlint_pack_section_prompt(pk, s))
    strbuf_puts(&g, ddlint_pack_section_prompt(pk, s));
  else
    strbuf_printf(&g, "Write the %s section%s.",
                  ddlint_pack_section_title(pk, s),
                  ddlint_pack_section_required(pk, s) ? "" : " (optional)");
  S_comment(out, g.data);
  strbuf_free(&g);
  for (size_t t = 0; t < ddlint_pack_topic_count(pk, s); t++) {
    const char *title = ddlint_pack_topic_title(pk, s, t);
    const char *prompt = ddlint_pack_topic_prompt(pk, s, t);
    strbuf_printf(out, "%s %s\n\n", topic_level, title);
    char *g2 = prompt ? xstrdup(prompt) : xasprintf("Cover %s.", title);
    S_comment(out, g2);
    free(g2);
  }
}

/* Front matter that names the template, when one is given. */
static void S_front_matter(strbuf *sb, const char *template_ref) {
  if (template_ref)
    strbuf_printf(sb, "---\nddlint-template: %s\n---\n", template_ref);
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

char *init_skeleton(const ddlint_pack *pk, const char *path,
                    const char *template_ref) {
  strbuf sb = {0};
  S_front_matter(&sb, template_ref);
  char *title = S_title(path);
  strbuf_printf(&sb, "# %s\n\n", title);
  free(title);
  strbuf guide = {0};
  strbuf_printf(&guide,
                "Template: %s. Replace each comment with the section's "
                "content; comments do not count as content, so ddlint reports "
                "every section as empty until it is written.",
                ddlint_pack_name(pk));
  S_comment(&sb, guide.data);
  strbuf_free(&guide);
  for (size_t s = 0; s < ddlint_pack_section_count(pk); s++) {
    /* a nested section one level below its parent */
    int level = 2 + ddlint_pack_section_depth(pk, s);
    level = level > 5 ? 5 : level;
    strbuf_printf(&sb, "%.*s %s\n\n", level, "######",
                  ddlint_pack_section_title(pk, s));
    S_section_body(&sb, pk, s, &"######"[5 - level]);
  }
  /* one final newline, not a blank line */
  while (sb.len >= 2 && sb.data[sb.len - 1] == '\n' &&
         sb.data[sb.len - 2] == '\n')
    sb.data[--sb.len] = '\0';
  return strbuf_take(&sb);
}

/* "Feedback, Monitoring, and Deployment" ->
 * "feedback_monitoring_and_deployment". */
static char *S_slug(const char *title) {
  strbuf sb = {0};
  bool sep = false;
  for (const char *p = title; *p; p++) {
    char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (sep && sb.len)
        strbuf_putc(&sb, '_');
      strbuf_putc(&sb, c);
      sep = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (sep && sb.len)
        strbuf_putc(&sb, '_');
      strbuf_putc(&sb, (char)(c + 32));
      sep = false;
    } else {
      sep = true;
    }
  }
  if (!sb.len)
    strbuf_puts(&sb, "section");
  return strbuf_take(&sb);
}

size_t init_parts(const ddlint_pack *pk, const char *dir,
                  const char *template_ref, char ***names, char ***texts) {
  size_t n = ddlint_pack_section_count(pk) + 1;
  *names = xcalloc(n, sizeof(char *));
  *texts = xcalloc(n, sizeof(char *));
  strbuf index = {0};
  S_front_matter(&index, template_ref);
  char *title = S_title(dir);
  strbuf_printf(&index, "# %s\n\n", title);
  free(title);
  strbuf guide = {0};
  strbuf_printf(&guide,
                "Template: %s. This file is the index of a document made of "
                "several files: ddlint lints it and the chapters it links to "
                "as one document. Write an overview here.",
                ddlint_pack_name(pk));
  S_comment(&index, guide.data);
  strbuf_free(&guide);
  strbuf_puts(&index, "## Chapters\n\n");
  for (size_t s = 0; s < ddlint_pack_section_count(pk); s++) {
    const char *stitle = ddlint_pack_section_title(pk, s);
    char *slug = S_slug(stitle);
    char *name = xasprintf("%02zu_%s.md", s + 1, slug);
    free(slug);
    strbuf_printf(&index, "%zu. [%s](%s)\n", s + 1, stitle, name);
    strbuf ch = {0};
    strbuf_printf(&ch, "# %s\n\n", stitle);
    S_section_body(&ch, pk, s, "##");
    while (ch.len >= 2 && ch.data[ch.len - 1] == '\n' &&
           ch.data[ch.len - 2] == '\n')
      ch.data[--ch.len] = '\0';
    (*names)[s + 1] = name;
    (*texts)[s + 1] = strbuf_take(&ch);
  }
  (*names)[0] = xstrdup("README.md");
  (*texts)[0] = strbuf_take(&index);
  return n;
}
