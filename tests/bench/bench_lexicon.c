/* Benchmark (not a test): how long lichang_lexicon_builtin() takes.
 *
 * usage: bench_lexicon [ITERATIONS]   (default 200)
 * Prints the mean and the fastest load in milliseconds; the fastest is the
 * figure the "under 10 ms" goal is about, since the mean also
 * carries whatever else the machine is doing. */
#include "lichang.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int iterations = argc > 1 ? atoi(argv[1]) : 200;
  if (iterations < 1)
    iterations = 1;
  double total = 0, best = 1e9;
  for (int i = 0; i < iterations; i++) {
    lichang_lexicon *lx;
    lichang_error err;
    double t0 = now();
    if (lichang_lexicon_builtin(&lx, &err) < 0) {
      fprintf(stderr, "bench_lexicon: %s\n", err.message);
      return 1;
    }
    double dt = now() - t0;
    lichang_lexicon_free(lx);
    total += dt;
    if (dt < best)
      best = dt;
  }
  printf("lexicon load: mean %.2f ms, best %.2f ms over %d loads\n",
         total / iterations * 1e3, best * 1e3, iterations);
  return 0;
}
