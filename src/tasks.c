/* Tasks 0..n-1 run on up to `threads` threads, the caller's among them; a
 * shared counter hands them out, so a slow task does not hold up the rest.
 * Used to parse the pieces of a large document and to run its rules. */
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>

#define MAX_THREADS 16

typedef struct {
  size_t n;
  void (*task)(void *arg, size_t i);
  void *arg;
  atomic_size_t next;
} task_pool;

static void *S_work(void *p) {
  task_pool *pool = p;
  size_t i;
  while ((i = atomic_fetch_add(&pool->next, 1)) < pool->n)
    pool->task(pool->arg, i);
  return NULL;
}

void run_tasks(size_t n, unsigned threads, void (*task)(void *arg, size_t i),
               void *arg) {
  task_pool pool = {.n = n, .task = task, .arg = arg};
  atomic_init(&pool.next, 0);
  pthread_t tids[MAX_THREADS];
  size_t ntids = 0;
  for (unsigned t = 1; t < threads && t < n && ntids < MAX_THREADS; t++)
    if (pthread_create(&tids[ntids], NULL, S_work, &pool) == 0)
      ntids++; /* a thread that cannot start leaves its share to the rest */
  S_work(&pool);
  for (size_t t = 0; t < ntids; t++)
    pthread_join(tids[t], NULL);
}
