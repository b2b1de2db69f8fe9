/* The util library (src/util/): the percent-decoder that link fragments and
 * the language server's file: URIs share, and the ordered task runner. */
#include "test.h"

#include <stdatomic.h>
#include <stdlib.h>

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

/* run_tasks_in_order(): each done(i) once, in order, after task i, never
 * two at once, seeing what task i wrote; on any number of threads. */
#define ORDER_N 2000
typedef struct {
  int written[ORDER_N];   /* by task i */
  size_t next;            /* the done() expected next */
  atomic_int in_done;     /* done() calls running now */
  bool out_of_order, unseen, overlapped;
} order_run;

static void S_order_task(void *arg, size_t i) {
  order_run *r = arg;
  volatile unsigned spin = 0; /* uneven work, so tasks finish out of order */
  for (unsigned k = 0; k < (unsigned)((i * 7919) % 5000); k++)
    spin += k;
  r->written[i] = (int)i + 1;
}

static void S_order_done(void *arg, size_t i) {
  order_run *r = arg;
  if (atomic_fetch_add(&r->in_done, 1) != 0)
    r->overlapped = true;
  r->out_of_order |= i != r->next;
  r->unseen |= r->written[i] != (int)i + 1;
  r->next = i + 1;
  atomic_fetch_sub(&r->in_done, 1);
}

static void test_run_tasks_in_order(void) {
  static const unsigned threads[] = {1, 2, 3, 8};
  for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
    order_run *r = calloc(1, sizeof *r);
    atomic_init(&r->in_done, 0);
    run_tasks_in_order(ORDER_N, threads[t], S_order_task, S_order_done, r);
    t_check(r->next == ORDER_N, __FILE__, __LINE__,
            "threads %u: %zu of %d reported", threads[t], r->next, ORDER_N);
    t_check(!r->out_of_order, __FILE__, __LINE__,
            "threads %u: done() out of order", threads[t]);
    t_check(!r->unseen, __FILE__, __LINE__, "threads %u: done() before its task",
            threads[t]);
    t_check(!r->overlapped, __FILE__, __LINE__,
            "threads %u: two done() at once", threads[t]);
    free(r);
  }
  order_run one = {0};
  atomic_init(&one.in_done, 0);
  run_tasks_in_order(1, 2, S_order_task, S_order_done, &one);
  CHECK_INT(one.next, 1); /* one task on two threads */
  run_tasks_in_order(0, 2, S_order_task, S_order_done, &one);
  CHECK_INT(one.next, 1); /* no task: no done() */
}

void suite_util(void) {
  RUN(test_percent_decode_byte);
  RUN(test_run_tasks_in_order);
}
