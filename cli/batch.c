/* The batch engine: articles tagged on worker threads, written in input
 * order by one writer thread, with a bounded number in flight.
 *
 * Input: items submitted one by one by the reader (the calling thread).
 * Output: the write callback called for every item, strictly in submission
 * order, on the writer thread. Invariants: at most max_items items (and
 * about max_bytes input bytes) are alive at once, so memory is bounded by
 * the articles in flight and never by the size of the batch; every item is
 * freed exactly once; a stop (signal, failed write) lets each worker finish
 * the article in its hands, writes what is already done in order, and
 * nothing after it, so the output is always a prefix of whole lines.
 *
 * Slots form a ring indexed by sequence number: the reader fills head,
 * workers take in order from take, the writer empties tail. One mutex is
 * plenty: each article costs a millisecond, a handoff microseconds. What
 * does cost is waking threads (a context switch each), so nobody is woken
 * per article: the writer when a quarter of the ring is done and in order
 * (or the workers ran out of work), the reader when a quarter is free, a
 * worker only if it is idle.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP only set cli_stop_signal. Workers and
 * the writer block them, so only the reader sees them (its read(2) returns
 * EINTR) and no write(2) is ever interrupted half way; the waits poll the
 * flag every 60 ms. */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Atomic rather than volatile sig_atomic_t: the writer thread reads it
 * too, and a lock-free atomic is both signal- and thread-safe. */
atomic_int cli_stop_signal;

static void on_signal(int sig) {
  int e = errno;
  atomic_store(&cli_stop_signal, sig);
  errno = e;
}

void cli_signals_install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  /* No SA_RESTART: a blocked read returns EINTR and the reader stops.
   * SA_RESETHAND: a second Ctrl-C kills at once, for the impatient. */
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
}

enum { EMPTY, QUEUED, TAKEN, DONE };

struct cli_batch {
  cli_batch_config cfg;
  pthread_mutex_t mu;
  pthread_cond_t space, work, done;
  cli_item **ring;
  unsigned char *state;
  size_t cap;
  size_t head, take, tail; /* sequence numbers */
  size_t bytes;            /* input bytes in flight */
  size_t quarter;          /* wake-up batch: a quarter of the ring */
  unsigned idle;           /* workers waiting for work */
  bool writer_waits, reader_waits;
  bool closing, stop;
  size_t written;
  pthread_t writer, *workers;
  void **states;
  unsigned nworkers;
  bool writer_started;
};

typedef struct {
  cli_batch *b;
  void *state;
} worker_arg;

static void wait_a_while(pthread_cond_t *cv, pthread_mutex_t *mu) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_nsec += 60 * 1000000L;
  if (ts.tv_nsec >= 1000000000L) {
    ts.tv_sec++;
    ts.tv_nsec -= 1000000000L;
  }
  pthread_cond_timedwait(cv, mu, &ts);
}

/* Under the lock: turns a pending signal into a stop everyone sees. */
static void check_signal(cli_batch *b) {
  if (cli_stop_signal && !b->stop) {
    b->stop = true;
    pthread_cond_broadcast(&b->space);
    pthread_cond_broadcast(&b->work);
    pthread_cond_broadcast(&b->done);
  }
}

/* Under the lock: whether the writer has enough in order to be worth
 * waking — a quarter of the ring, or everything there is for now. */
static bool worth_writing(const cli_batch *b) {
  if (b->tail == b->head || b->state[b->tail % b->cap] != DONE)
    return false;
  if (b->closing || b->stop || b->take == b->head)
    return true;
  size_t n = 0;
  while (n < b->quarter && b->tail + n < b->head &&
         b->state[(b->tail + n) % b->cap] == DONE)
    n++;
  return n >= b->quarter;
}

static void *worker_main(void *arg) {
  cli_batch *b = ((worker_arg *)arg)->b;
  void *state = ((worker_arg *)arg)->state;
  free(arg);
  pthread_mutex_lock(&b->mu);
  for (;;) {
    while (!b->stop && b->take == b->head && !b->closing) {
      b->idle++;
      pthread_cond_wait(&b->work, &b->mu);
      b->idle--;
    }
    if (b->stop || b->take == b->head)
      break;
    size_t seq = b->take++;
    size_t slot = seq % b->cap;
    cli_item *it = b->ring[slot];
    b->state[slot] = TAKEN;
    pthread_mutex_unlock(&b->mu);
    b->cfg.work(state, it);
    pthread_mutex_lock(&b->mu);
    b->state[slot] = DONE;
    if (b->writer_waits && worth_writing(b))
      pthread_cond_signal(&b->done);
  }
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

static void *writer_main(void *arg) {
  cli_batch *b = arg;
  pthread_mutex_lock(&b->mu);
  for (;;) {
    check_signal(b);
    /* Everything done in order is written in one go, outside the lock. */
    size_t n = 0;
    while (b->tail + n < b->head && b->state[(b->tail + n) % b->cap] == DONE)
      n++;
    if (n) {
      pthread_mutex_unlock(&b->mu);
      bool ok = true;
      size_t bytes = 0;
      for (size_t i = 0; i < n; i++) {
        cli_item *it = b->ring[(b->tail + i) % b->cap];
        ok = ok && b->cfg.write(b->cfg.writer_ctx, it);
        bytes += b->cfg.item_bytes(it);
      }
      ok = ok && b->cfg.flush(b->cfg.writer_ctx);
      for (size_t i = 0; i < n; i++)
        b->cfg.item_free(b->ring[(b->tail + i) % b->cap]);
      pthread_mutex_lock(&b->mu);
      for (size_t i = 0; i < n; i++) {
        b->ring[(b->tail + i) % b->cap] = NULL;
        b->state[(b->tail + i) % b->cap] = EMPTY;
      }
      b->tail += n;
      b->bytes -= bytes;
      if (ok)
        b->written += n;
      if (b->reader_waits)
        pthread_cond_signal(&b->space);
      if (!ok) {
        b->stop = true;
        pthread_cond_broadcast(&b->space);
        pthread_cond_broadcast(&b->work);
        break;
      }
      continue;
    }
    if (b->stop || (b->closing && b->tail == b->head))
      break;
    b->writer_waits = true;
    wait_a_while(&b->done, &b->mu);
    b->writer_waits = false;
    if (b->cfg.tick) {
      pthread_mutex_unlock(&b->mu);
      b->cfg.tick(b->cfg.writer_ctx);
      pthread_mutex_lock(&b->mu);
    }
  }
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

static void release(cli_batch *b) {
  for (size_t i = 0; b->ring && i < b->cap; i++)
    if (b->ring[i])
      b->cfg.item_free(b->ring[i]);
  for (unsigned i = 0; b->states && i < b->cfg.jobs; i++)
    if (b->states[i])
      b->cfg.worker_free(b->states[i]);
  free(b->ring);
  free(b->state);
  free(b->workers);
  free(b->states);
  pthread_mutex_destroy(&b->mu);
  pthread_cond_destroy(&b->space);
  pthread_cond_destroy(&b->work);
  pthread_cond_destroy(&b->done);
  free(b);
}

cli_batch *cli_batch_start(const cli_batch_config *cfg) {
  cli_batch *b = calloc(1, sizeof *b);
  if (!b) {
    cli_error("out of memory");
    return NULL;
  }
  b->cfg = *cfg;
  if (b->cfg.jobs < 1)
    b->cfg.jobs = 1;
  b->cap = cfg->max_items > b->cfg.jobs ? cfg->max_items : b->cfg.jobs + 1;
  b->quarter = b->cap / 4 ? b->cap / 4 : 1;
  pthread_mutex_init(&b->mu, NULL);
  pthread_cond_init(&b->space, NULL);
  pthread_cond_init(&b->work, NULL);
  pthread_cond_init(&b->done, NULL);
  b->ring = calloc(b->cap, sizeof *b->ring);
  b->state = calloc(b->cap, 1);
  b->workers = calloc(b->cfg.jobs, sizeof *b->workers);
  b->states = calloc(b->cfg.jobs, sizeof *b->states);
  if (!b->ring || !b->state || !b->workers || !b->states) {
    cli_error("out of memory");
    release(b);
    return NULL;
  }
  /* Per-thread state (a tagger each) is made here, so a failure is
   * reported before anything runs. */
  for (unsigned i = 0; i < b->cfg.jobs; i++)
    if (!(b->states[i] = cfg->worker_new(cfg->worker_ctx))) {
      release(b);
      return NULL;
    }
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  bool ok = true;
  for (unsigned i = 0; i < b->cfg.jobs && ok; i++) {
    worker_arg *a = malloc(sizeof *a);
    if (!a) {
      ok = false;
      break;
    }
    a->b = b;
    a->state = b->states[i];
    if (pthread_create(&b->workers[i], NULL, worker_main, a)) {
      free(a);
      ok = false;
      break;
    }
    b->nworkers++;
  }
  if (ok && pthread_create(&b->writer, NULL, writer_main, b) == 0)
    b->writer_started = true;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (!b->writer_started) {
    cli_error("cannot start threads: %s", strerror(errno ? errno : EAGAIN));
    pthread_mutex_lock(&b->mu);
    b->stop = true;
    pthread_cond_broadcast(&b->work);
    pthread_mutex_unlock(&b->mu);
    for (unsigned i = 0; i < b->nworkers; i++)
      pthread_join(b->workers[i], NULL);
    release(b);
    return NULL;
  }
  return b;
}

bool cli_batch_submit(cli_batch *b, cli_item *it) {
  size_t n = b->cfg.item_bytes(it);
  pthread_mutex_lock(&b->mu);
  check_signal(b);
  if (!b->stop && (b->head - b->tail >= b->cap ||
                   (b->bytes > 0 && b->bytes + n > b->cfg.max_bytes))) {
    /* Full: wait until a quarter is free (or the bytes fit), so that the
     * reader is woken once per quarter, not once per article. */
    b->reader_waits = true;
    if (b->writer_waits)
      pthread_cond_signal(&b->done); /* write whatever is done */
    while (!b->stop && (b->head - b->tail > b->cap - b->quarter ||
                        (b->bytes > 0 && b->bytes + n > b->cfg.max_bytes))) {
      wait_a_while(&b->space, &b->mu);
      check_signal(b);
    }
    b->reader_waits = false;
  }
  if (b->stop) {
    pthread_mutex_unlock(&b->mu);
    b->cfg.item_free(it);
    return false;
  }
  size_t slot = b->head % b->cap;
  b->ring[slot] = it;
  b->state[slot] = QUEUED;
  b->head++;
  b->bytes += n;
  if (b->idle)
    pthread_cond_signal(&b->work);
  pthread_mutex_unlock(&b->mu);
  return true;
}

size_t cli_batch_finish(cli_batch *b, bool *stopped) {
  pthread_mutex_lock(&b->mu);
  b->closing = true;
  pthread_cond_broadcast(&b->work);
  pthread_cond_broadcast(&b->done);
  pthread_mutex_unlock(&b->mu);
  pthread_join(b->writer, NULL);
  pthread_mutex_lock(&b->mu);
  *stopped = b->stop;
  b->stop = true; /* the writer is gone: workers need not go on */
  pthread_cond_broadcast(&b->work);
  pthread_mutex_unlock(&b->mu);
  for (unsigned i = 0; i < b->nworkers; i++)
    pthread_join(b->workers[i], NULL);
  size_t written = b->written;
  release(b);
  return written;
}
