/* Tasks 0..n-1 run on up to `threads` threads, the caller's among them; a
 * shared counter hands them out, so a slow task does not hold up the rest.
 * Used to parse the pieces of a large document and to run its rules, and
 * (in order) to run the command's files and documents. */
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

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

/* The ordered runner: workers take tasks from the shared counter and flag
 * each one finished; the calling thread waits for them in order. */
typedef struct {
  task_pool pool;
  void (*done)(void *arg, size_t i);
  bool *finished; /* per task, under lock */
  pthread_mutex_t lock;
  pthread_cond_t cond;
} ordered_pool;

static void *S_ordered_work(void *p) {
  ordered_pool *op = p;
  size_t i;
  while ((i = atomic_fetch_add(&op->pool.next, 1)) < op->pool.n) {
    op->pool.task(op->pool.arg, i);
    pthread_mutex_lock(&op->lock);
    op->finished[i] = true;
    pthread_cond_broadcast(&op->cond);
    pthread_mutex_unlock(&op->lock);
  }
  return NULL;
}

void run_tasks_in_order(size_t n, unsigned threads,
                        void (*task)(void *arg, size_t i),
                        void (*done)(void *arg, size_t i), void *arg) {
  ordered_pool op = {.pool = {.n = n, .task = task, .arg = arg}, .done = done};
  atomic_init(&op.pool.next, 0);
  pthread_t *tids = NULL;
  size_t ntids = 0;
  if (threads > 1 && n > 1) {
    size_t want = threads < n ? threads : n;
    op.finished = xcalloc(n, sizeof(bool));
    pthread_mutex_init(&op.lock, NULL);
    pthread_cond_init(&op.cond, NULL);
    tids = xcalloc(want, sizeof(pthread_t));
    for (size_t t = 0; t < want; t++)
      if (pthread_create(&tids[ntids], NULL, S_ordered_work, &op) == 0)
        ntids++; /* a thread that cannot start leaves its share to the rest */
  }
  for (size_t i = 0; i < n; i++) {
    if (!ntids) {
      task(arg, i);
    } else {
      pthread_mutex_lock(&op.lock);
      while (!op.finished[i])
        pthread_cond_wait(&op.cond, &op.lock);
      pthread_mutex_unlock(&op.lock);
    }
    done(arg, i);
  }
  for (size_t t = 0; t < ntids; t++)
    pthread_join(tids[t], NULL);
  if (op.finished) {
    pthread_mutex_destroy(&op.lock);
    pthread_cond_destroy(&op.cond);
  }
  free(tids);
  free(op.finished);
}
