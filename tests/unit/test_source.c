/* source.c: the line map (LF, CRLF, lone CR), byte offset -> line:column in
 * code points, front matter, BOM and the first invalid UTF-8 byte. */
#include "test.h"

#include <stdint.h>

static void S_init(source *src, const char *text) {
  source_init(src, "t.md", text, strlen(text));
}

/* Checks the position of offset off. */
static void S_check_pos(const source *src, size_t off, unsigned line,
                        unsigned col, int at) {
  unsigned l = 0, c = 0;
  source_position(src, off, &l, &c);
  t_check(l == line && c == col, __FILE__, at,
          "offset %zu at %u:%u, expected %u:%u", off, l, c, line, col);
}
#define CHECK_POS(src, off, line, col)                                         \
  S_check_pos((src), (off), (line), (col), __LINE__)

static void test_lines_lf(void) {
  source src;
  S_init(&src, "ab\ncd\nef");
  CHECK_INT(src.nlines, 3);
  CHECK_INT(src.line_starts[0], 0);
  CHECK_INT(src.line_starts[1], 3);
  CHECK_INT(src.line_starts[2], 6);
  CHECK_POS(&src, 0, 1, 1);
  CHECK_POS(&src, 2, 1, 3); /* the newline itself ends line 1 */
  CHECK_POS(&src, 3, 2, 1);
  CHECK_POS(&src, 7, 3, 2);
  CHECK_POS(&src, 8, 3, 3);   /* end of text */
  CHECK_POS(&src, 100, 3, 3); /* clamped */
  size_t s, e;
  source_line_bounds(&src, 4, &s, &e);
  CHECK_INT(s, 3);
  CHECK_INT(e, 5);
  source_free(&src);
}

static void test_lines_final_newline(void) {
  source src;
  S_init(&src, "ab\ncd\n");
  CHECK_INT(src.nlines, 2); /* a final line ending opens no new line */
  CHECK_POS(&src, 6, 2, 4); /* EOF after the final newline stays on line 2 */
  source_free(&src);

  S_init(&src, "ab\n\n");
  CHECK_INT(src.nlines, 2);
  CHECK_INT(src.line_starts[1], 3);
  source_free(&src);

  S_init(&src, "abc");
  CHECK_INT(src.nlines, 1);
  CHECK_POS(&src, 3, 1, 4);
  source_free(&src);

  S_init(&src, "");
  CHECK_INT(src.nlines, 1);
  CHECK_INT(src.len, 0);
  CHECK(src.text != NULL && src.text[0] == '\0');
  CHECK_POS(&src, 0, 1, 1);
  source_free(&src);
}

static void test_lines_crlf(void) {
  source src;
  S_init(&src, "ab\r\ncd\r\nef\r\n");
  CHECK_INT(src.nlines, 3);
  CHECK_INT(src.line_starts[1], 4);
  CHECK_INT(src.line_starts[2], 8);
  CHECK_POS(&src, 4, 2, 1);
  CHECK_POS(&src, 5, 2, 2);
  CHECK_POS(&src, 9, 3, 2);
  size_t s, e;
  source_line_bounds(&src, 5, &s, &e);
  CHECK_INT(s, 4);
  CHECK_INT(e, 6); /* without the \r\n */
  source_free(&src);
}

static void test_lines_lone_cr(void) {
  source src;
  S_init(&src, "ab\rcd\ref");
  CHECK_INT(src.nlines, 3);
  CHECK_INT(src.line_starts[1], 3);
  CHECK_INT(src.line_starts[2], 6);
  CHECK_POS(&src, 7, 3, 2);
  source_free(&src);

  /* mixed: CRLF, then a lone CR making an empty line, then LF */
  S_init(&src, "a\r\n\rb\n");
  CHECK_INT(src.nlines, 3);
  CHECK_INT(src.line_starts[1], 3);
  CHECK_INT(src.line_starts[2], 4);
  CHECK_POS(&src, 4, 3, 1);
  source_free(&src);
}

static void test_position_code_points(void) {
  source src;
  /* line 2 is "é世ab": é is 2 bytes, 世 is 3 */
  S_init(&src, "x\n\xC3\xA9\xE4\xB8\x96"
               "ab\n");
  CHECK_INT(src.nlines, 2);
  CHECK_POS(&src, 2, 2, 1); /* é */
  CHECK_POS(&src, 4, 2, 2); /* 世 */
  CHECK_POS(&src, 7, 2, 3); /* a */
  CHECK_POS(&src, 8, 2, 4); /* b */
  source_free(&src);

  /* a 4-byte sequence counts once */
  S_init(&src, "\xF0\x9F\x98\x80z");
  CHECK_POS(&src, 4, 1, 2);
  source_free(&src);
}

static void test_source_offset(void) {
  source src;
  S_init(&src, "ab\ncd\nef");
  CHECK_INT(source_offset(&src, 2, 1), 3);
  CHECK_INT(source_offset(&src, 2, 2), 4);
  CHECK_INT(source_offset(&src, 3, 1), 6);
  CHECK_INT(source_offset(&src, 0, 1), 0);
  CHECK_INT(source_offset(&src, 9, 1), 8);  /* past the last line */
  CHECK_INT(source_offset(&src, 3, 40), 8); /* clamped to the text */
  source_free(&src);
}

static void test_front_matter(void) {
  source src;
  const char *t = "---\ntitle: x\nauthor: y\n---\n# H\n";
  S_init(&src, t);
  size_t h = (size_t)(strstr(t, "# H") - t);
  CHECK_INT(src.frontmatter_end, h);
  CHECK_INT(src.body_start, h);
  source_free(&src);

  /* closed by "...", with trailing blanks on the fences */
  t = "---  \na: 1\n...\t\nbody\n";
  S_init(&src, t);
  CHECK_INT(src.frontmatter_end, (size_t)(strstr(t, "body") - t));
  source_free(&src);

  /* CRLF fences */
  t = "---\r\na: b\r\n---\r\n# H\r\n";
  S_init(&src, t);
  CHECK_INT(src.frontmatter_end, (size_t)(strstr(t, "# H") - t));
  source_free(&src);

  /* the whole document is front matter */
  t = "---\na: b\n---";
  S_init(&src, t);
  CHECK_INT(src.frontmatter_end, strlen(t));
  CHECK_INT(src.body_start, strlen(t));
  source_free(&src);
}

static void test_front_matter_not(void) {
  source src;
  /* unclosed: a thematic break, not front matter */
  S_init(&src, "---\ntitle: x\n# H\n");
  CHECK_INT(src.frontmatter_end, 0);
  CHECK_INT(src.body_start, 0);
  source_free(&src);

  /* not on the first line */
  S_init(&src, "\n---\na: b\n---\n");
  CHECK_INT(src.frontmatter_end, 0);
  CHECK_INT(src.body_start, 0);
  source_free(&src);

  /* four dashes is not a fence */
  S_init(&src, "----\na: b\n---\n");
  CHECK_INT(src.frontmatter_end, 0);
  source_free(&src);

  /* "--- x" is not a fence either */
  S_init(&src, "--- x\na: b\n---\n");
  CHECK_INT(src.frontmatter_end, 0);
  source_free(&src);
}

static void test_bom(void) {
  source src;
  S_init(&src, "\xEF\xBB\xBF# H\n");
  CHECK_INT(src.body_start, 3);
  CHECK_INT(src.frontmatter_end, 0);
  CHECK_INT(src.invalid_utf8, SIZE_MAX);
  source_free(&src);

  /* BOM then front matter: the body starts after both */
  const char *t = "\xEF\xBB\xBF---\na: b\n---\nbody\n";
  S_init(&src, t);
  CHECK_INT(src.frontmatter_end, (size_t)(strstr(t, "body") - t));
  CHECK_INT(src.body_start, (size_t)(strstr(t, "body") - t));
  source_free(&src);

  /* a BOM anywhere else is just a character */
  S_init(&src, "a\xEF\xBB\xBF");
  CHECK_INT(src.body_start, 0);
  source_free(&src);
}

static void test_invalid_utf8(void) {
  source src;
  S_init(&src,
         "plain ascii\n\xC3\xA9t\xC3\xA9 \xE4\xB8\x96 \xF0\x9F\x98\x80\n");
  CHECK_INT(src.invalid_utf8, SIZE_MAX);
  source_free(&src);

  S_init(&src, "ok\xC3(tail \xFF");
  CHECK_INT(src.invalid_utf8, 2); /* a lead byte without its continuation */
  source_free(&src);

  S_init(&src, "ab\xFF\xC3\xA9");
  CHECK_INT(src.invalid_utf8, 2);
  source_free(&src);

  S_init(&src, "abc\xE4\xB8"); /* truncated at the end */
  CHECK_INT(src.invalid_utf8, 3);
  source_free(&src);

  /* a stray continuation byte */
  S_init(&src, "a\x80");
  CHECK_INT(src.invalid_utf8, 1);
  source_free(&src);

  const unsigned char overlong[] = {0xC0, 0xAF};
  const unsigned char overlong3[] = {0xE0, 0x80, 0xAF};
  const unsigned char surrogate[] = {0xED, 0xA0, 0x80};
  const unsigned char too_big[] = {0xF4, 0x90, 0x80, 0x80};
  const unsigned char max[] = {0xF4, 0x8F, 0xBF, 0xBF};
  const unsigned char two[] = {0xC3, 0xA9};
  CHECK_INT(utf8_valid_len(overlong, 2), 0);
  CHECK_INT(utf8_valid_len(overlong3, 3), 0);
  CHECK_INT(utf8_valid_len(surrogate, 3), 0);
  CHECK_INT(utf8_valid_len(too_big, 4), 0);
  CHECK_INT(utf8_valid_len(max, 4), 4);
  CHECK_INT(utf8_valid_len(two, 2), 2);
  CHECK_INT(utf8_valid_len(two, 1), 0); /* not enough bytes available */
  CHECK_INT(utf8_valid_len((const unsigned char *)"A", 1), 1);
}

static void test_copy_and_path(void) {
  source src;
  const char buf[] = {'a', '\0', 'b'}; /* a NUL byte is kept */
  source_init(&src, NULL, buf, sizeof buf);
  CHECK_STR(src.path, "-");
  CHECK_INT(src.len, 3);
  CHECK(src.text != buf && src.text[1] == '\0' && src.text[2] == 'b');
  CHECK(src.text[3] == '\0');
  source_free(&src);
}

/* ddlint_frontmatter_value() reads front matter exactly where source.c
 * finds it: both use frontmatter_end(). */
static void test_frontmatter_value(void) {
  static const struct {
    const char *text, *want; /* the value of "k", or NULL */
  } cases[] = {
      {"---\nk: v\n---\n# H\n", "v"},
      {"---\r\na: 1\r\nk: \"q v\"\r\n...\r\nbody\r\n", "q v"},
      {"\xEF\xBB\xBF---\nk: 'v'  \n---\n", "v"},
      {"---\n  \nk: v\n---\n", "v"},    /* a first line of blanks is YAML */
      {"---\n\nk: v\n---\n", NULL},     /* an empty first line is not */
      {"---x\nk: v\n---\n", NULL},       /* no opening fence */
      {"---\nk: v\nprose\n---\n", NULL}, /* "prose" is no YAML: a break */
      {"---\nk: v\n", NULL},              /* never closed */
      {"---\nk:\n---\n", NULL},          /* empty */
      {"---\nkk: v\nk: w\nk: x\n---\n", "w"}, /* the first k */
      {"---\na: b\n---\nk: v\n", NULL}, /* after the front matter */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *t = cases[i].text;
    char *v = ddlint_frontmatter_value(t, strlen(t), "k");
    CHECK_STR(v, cases[i].want);
    source src;
    S_init(&src, t);
    if (cases[i].want)
      CHECK(src.frontmatter_end > 0);
    free(v);
    source_free(&src);
  }
}

static bool S_below(const void *arg, size_t i) {
  const int *k = arg;
  static const int v[] = {1, 3, 3, 5, 9};
  return v[i] < *k;
}

static void test_bsearch_lower(void) {
  static const int keys[] = {0, 1, 2, 3, 4, 5, 9, 10};
  static const size_t want[] = {0, 0, 1, 1, 3, 3, 4, 5};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    CHECK_INT(bsearch_lower(5, S_below, &keys[i]), want[i]);
  CHECK_INT(bsearch_lower(0, S_below, &keys[0]), 0);
  size_t starts[] = {0, 4, 9};
  CHECK_INT(line_index_of(starts, 3, 0), 0);
  CHECK_INT(line_index_of(starts, 3, 3), 0);
  CHECK_INT(line_index_of(starts, 3, 4), 1);
  CHECK_INT(line_index_of(starts, 3, 100), 2);
  CHECK_INT(line_index_of(starts, 0, 5), 0);
}

static void test_severity_names_and_version(void) {
  CHECK_INT(ddlint_severity_from_name("error"), DDLINT_ERROR);
  CHECK_INT(ddlint_severity_from_name("warning"), DDLINT_WARNING);
  CHECK_INT(ddlint_severity_from_name("info"), DDLINT_INFO);
  CHECK_INT(ddlint_severity_from_name("off"), -1);
  CHECK_INT(ddlint_severity_from_name("Error"), -2);
  CHECK_INT(ddlint_severity_from_name(""), -2);
  for (int s = DDLINT_INFO; s <= DDLINT_ERROR; s++)
    CHECK_INT(ddlint_severity_from_name(ddlint_severity_name(s)), s);
  CHECK_STR(ddlint_version(), DDLINT_VERSION);
}

void suite_source(void) {
  RUN(test_lines_lf);
  RUN(test_lines_final_newline);
  RUN(test_lines_crlf);
  RUN(test_lines_lone_cr);
  RUN(test_position_code_points);
  RUN(test_source_offset);
  RUN(test_front_matter);
  RUN(test_front_matter_not);
  RUN(test_bom);
  RUN(test_invalid_utf8);
  RUN(test_copy_and_path);
  RUN(test_frontmatter_value);
  RUN(test_bsearch_lower);
  RUN(test_severity_names_and_version);
}
