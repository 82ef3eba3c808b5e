/* Benchmark baseline (not a test): segmentation alone. Reads a JSON Lines
 * file the way `lichang tag` does (the same line reader and record parser),
 * converts each text to UTF-16 and runs ICU's word BreakIterator (locale
 * zh) over it — the least any ICU-based segmenter must do — and prints
 * the throughput in MB of input per second.
 *
 * usage: bench_icu FILE.jsonl */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

atomic_int cli_stop_signal; /* input.c polls it */
void cli_error(const char *fmt, ...) { (void)fmt; }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: bench_icu FILE.jsonl\n");
    return 2;
  }
  double t0 = now();
  cli_lines in;
  if (!cli_lines_open(&in, argv[1])) {
    perror(argv[1]);
    return 1;
  }
  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *brk = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
  if (U_FAILURE(st)) {
    fprintf(stderr, "bench_icu: %s\n", u_errorName(st));
    return 1;
  }
  UChar *u16 = NULL;
  size_t cap = 0, bytes = 0, words = 0, articles = 0;
  char *line;
  size_t len;
  while (cli_lines_next(&in, &line, &len, 0) == 1) {
    bytes += len + 1;
    cli_record r;
    char why[256];
    if (cli_record_parse(line, len, &r, why, sizeof why) && r.text) {
      if (r.text_len + 1 > cap) {
        cap = r.text_len + 1;
        u16 = realloc(u16, cap * sizeof *u16);
      }
      int32_t n = 0;
      st = U_ZERO_ERROR;
      u_strFromUTF8Lenient(u16, (int32_t)cap, &n, r.text, (int32_t)r.text_len,
                           &st);
      ubrk_setText(brk, u16, n, &st);
      for (int32_t b = ubrk_first(brk); b != UBRK_DONE; b = ubrk_next(brk))
        words++;
      articles++;
    }
    cli_record_free(&r);
    free(line);
  }
  cli_lines_close(&in);
  ubrk_close(brk);
  free(u16);
  double dt = now() - t0;
  printf("icu-only: %zu articles, %zu boundaries, %.1f MB in %.2f s: "
         "%.2f MB/s\n",
         articles, words, (double)bytes / 1e6, dt, (double)bytes / 1e6 / dt);
  return 0;
}
