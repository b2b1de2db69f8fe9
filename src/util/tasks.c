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

/* The ordered runner: `threads` threads, the caller's among them, take
 * tasks from the shared counter. The thread that finishes the first task
 * not yet reported reports it, and every later one already finished, while
 * the others go on with new tasks; one thread at a time reports. No thread
 * waits for another, and none is left over to report: a reporter of its
 * own made one thread more than cores at -j N, woken once per task, and
 * freed what the workers had allocated in their malloc arenas. */
typedef struct {
  task_pool pool;
  void (*done)(void *arg, size_t i);
  bool *finished;   /* per task, under lock */
  size_t next_done; /* the first task not reported yet, under lock */
  bool reporting;   /* a thread is calling done(), under lock */
  pthread_mutex_t lock;
} ordered_pool;

static void *S_ordered_work(void *p) {
  ordered_pool *op = p;
  size_t i;
  while ((i = atomic_fetch_add(&op->pool.next, 1)) < op->pool.n) {
    op->pool.task(op->pool.arg, i);
    pthread_mutex_lock(&op->lock);
    op->finished[i] = true;
    if (!op->reporting) {
      op->reporting = true;
      while (op->next_done < op->pool.n && op->finished[op->next_done]) {
        size_t k = op->next_done;
        pthread_mutex_unlock(&op->lock);
        op->done(op->pool.arg, k);
        pthread_mutex_lock(&op->lock);
        op->next_done++;
      }
      op->reporting = false;
    }
    pthread_mutex_unlock(&op->lock);
  }
  return NULL;
}

void run_tasks_in_order(size_t n, unsigned threads,
                        void (*task)(void *arg, size_t i),
                        void (*done)(void *arg, size_t i), void *arg) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; i++) {
      task(arg, i);
      done(arg, i);
    }
    return;
  }
  ordered_pool op = {.pool = {.n = n, .task = task, .arg = arg}, .done = done};
  atomic_init(&op.pool.next, 0);
  op.finished = xcalloc(n, sizeof(bool));
  pthread_mutex_init(&op.lock, NULL);
  size_t want = (threads < n ? threads : n) - 1; /* the caller works too */
  if (want > MAX_THREADS)
    want = MAX_THREADS;
  pthread_t tids[MAX_THREADS];
  size_t ntids = 0;
  for (size_t t = 0; t < want; t++)
    if (pthread_create(&tids[ntids], NULL, S_ordered_work, &op) == 0)
      ntids++; /* a thread that cannot start leaves its share to the rest */
  S_ordered_work(&op);
  for (size_t t = 0; t < ntids; t++)
    pthread_join(tids[t], NULL);
  pthread_mutex_destroy(&op.lock);
  free(op.finished);
}
