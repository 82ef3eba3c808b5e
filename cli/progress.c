/* The progress line: "1,234 articles  5.6 MB/s  ETA 0:42" on standard error,
 * redrawn in place at most every 60 ms (libgit2's pace), only when standard
 * error is a terminal or --progress asks for it; nothing when piped, so logs
 * stay clean. Rates count input bytes, the unit the ETA is measured in.
 * Used by the writer thread only. */
#include "cli.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct cli_progress {
  bool tty, drawn;
  size_t total, articles, bytes;
  double start, last;
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

cli_progress *cli_progress_new(size_t total, bool force) {
  bool tty = isatty(2);
  if (!tty && !force)
    return NULL;
  cli_progress *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->tty = tty;
  p->total = total;
  p->start = p->last = now();
  return p;
}

static void draw(cli_progress *p, double t) {
  double dt = t - p->start;
  double rate = dt > 0 ? (double)p->bytes / dt : 0;
  char eta[32] = "";
  if (p->total && rate > 0 && p->bytes <= p->total) {
    unsigned long s = (unsigned long)((double)(p->total - p->bytes) / rate);
    snprintf(eta, sizeof eta, "  ETA %lu:%02lu:%02lu", s / 3600, s / 60 % 60,
             s % 60);
  }
  /* On a terminal the line is redrawn and the rest of it erased; elsewhere
   * (--progress into a file) each update is a line of its own. */
  fprintf(stderr, "%s%zu articles  %.1f MB  %.2f MB/s%s%s", p->tty ? "\r" : "",
          p->articles, (double)p->bytes / 1e6, rate / 1e6, eta,
          p->tty ? "\033[K" : "\n");
  fflush(stderr);
  p->drawn = p->tty;
  p->last = t;
}

void cli_progress_tick(cli_progress *p) {
  if (!p)
    return;
  double t = now();
  if (t - p->last >= 0.06)
    draw(p, t);
}

void cli_progress_add(cli_progress *p, size_t articles, size_t bytes) {
  if (!p)
    return;
  p->articles += articles;
  p->bytes += bytes;
  cli_progress_tick(p);
}

void cli_progress_clear(cli_progress *p) {
  if (p && p->drawn) {
    fputs("\r\033[K", stderr);
    p->drawn = false;
  }
}

void cli_progress_free(cli_progress *p) {
  if (!p)
    return;
  cli_progress_clear(p);
  double dt = now() - p->start;
  fprintf(stderr, "lichang: %zu articles, %.1f MB in %.1f s (%.2f MB/s)\n",
          p->articles, (double)p->bytes / 1e6, dt,
          dt > 0 ? (double)p->bytes / dt / 1e6 : 0.0);
  free(p);
}
