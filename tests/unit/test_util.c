/* The util library (src/util/): the percent-decoder that link fragments and
 * the language server's file: URIs share. */
#include "test.h"

/* percent_decode_byte() on s (its whole length): the byte, or -1. */
static int S_byte(const char *s, size_t n) {
  unsigned char b = 0xAA;
  return percent_decode_byte(s, n, &b) ? b : -1;
}

static void test_percent_decode_byte(void) {
  CHECK_INT(S_byte("%20", 3), ' ');
  CHECK_INT(S_byte("%4a", 3), 'J');
  CHECK_INT(S_byte("%4A", 3), 'J');
  CHECK_INT(S_byte("%ff", 3), 0xFF);
  CHECK_INT(S_byte("%FFx", 4), 0xFF); /* only the three bytes are read */
  CHECK_INT(S_byte("%00", 3), 0);     /* a NUL: the caller decides */
  CHECK_INT(S_byte("%zz", 3), -1);
  CHECK_INT(S_byte("%4z", 3), -1);
  CHECK_INT(S_byte("%g0", 3), -1);
  CHECK_INT(S_byte("%G0", 3), -1);
  CHECK_INT(S_byte("%\xC1\xC1", 3), -1); /* a high byte is no digit */
  CHECK_INT(S_byte("x41", 3), -1);
  CHECK_INT(S_byte("%", 1), -1);   /* a trailing "%" */
  CHECK_INT(S_byte("%4", 2), -1);  /* one digit left */
  CHECK_INT(S_byte("%41", 2), -1); /* n bounds the escape */
  CHECK_INT(S_byte("", 0), -1);
}

void suite_util(void) { RUN(test_percent_decode_byte); }
