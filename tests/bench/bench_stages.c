/* Benchmark (not a test): where the time of one tagging thread goes, stage
 * by stage. Reads a JSON Lines file the way `lichang tag` and bench_icu do,
 * runs lichang_tag's stages one by one on the built-in lexicon (the same
 * calls, in the same order, as lib/tagger.c) with a clock between them, and
 * prints each stage's seconds and share, and the floor: what reading,
 * decoding, segmenting (ICU and the lexicon overlay) and writing JSON cost
 * with no analysis at all. Set against the ICU-only baseline it shows how
 * much of the "at most a quarter more than segmentation alone"
 * budget is left for keywords, passages, speakers and stance.
 *
 * usage: bench_stages FILE.jsonl */
#include "cli.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

atomic_int cli_stop_signal; /* input.c polls it */
void cli_error(const char *fmt, ...) { (void)fmt; }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { READ, FOLD, SEGMENT, KEYWORDS, PASSAGES, SPEAKERS, STANCE, JSON, N };
static const char *const names[N] = {
    "read and parse JSON Lines", "decode and fold",     "segment (ICU + overlay)",
    "keywords",                  "passages",            "speakers",
    "stance",                    "JSON output"};

/* lichang_tag's doc, as tagger.c makes it */
static lichang_doc *doc_new(const char *text, size_t len) {
  lichang_doc *doc = calloc(1, sizeof *doc);
  if (!doc || !(doc->src = malloc(len + 1)))
    abort();
  doc->tokens.size = sizeof(lc_token);
  doc->keywords.size = sizeof(lc_keyword);
  doc->warnings.size = sizeof(const char *);
  doc->quotes.size = sizeof(lichang_quote);
  doc->mentions.size = sizeof(lc_mention);
  memcpy(doc->src, text, len);
  doc->src[len] = '\0';
  doc->len = len;
  return doc;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: bench_stages FILE.jsonl\n");
    return 2;
  }
  lichang_lexicon *lx;
  lichang_tagger *tg;
  lichang_error err;
  if (lichang_lexicon_builtin(&lx, &err) ||
      lichang_tagger_new(&tg, lx, NULL, &err)) {
    fprintf(stderr, "bench_stages: %s\n", err.message);
    return 1;
  }
  cli_lines in;
  if (!cli_lines_open(&in, argv[1])) {
    perror(argv[1]);
    return 1;
  }
  double t[N] = {0}, start = now(), mark = start;
  size_t bytes = 0, articles = 0;
  char *line;
  size_t len;
  /* a clock read between stages: about 20 ns, against ~100 us an article */
#define LAP(stage)                                                             \
  do {                                                                         \
    double n_ = now();                                                         \
    t[stage] += n_ - mark;                                                     \
    mark = n_;                                                                 \
  } while (0)
  while (cli_lines_next(&in, &line, &len, 0) == 1) {
    bytes += len + 1;
    cli_record r;
    char why[256];
    bool ok = cli_record_parse(line, len, &r, why, sizeof why) && r.text;
    LAP(READ);
    if (ok) {
      lichang_doc *doc = doc_new(r.text, r.text_len);
      int rc = lichang__text_fold(&doc->text, doc, doc->src, doc->len);
      LAP(FOLD);
      if (!rc)
        rc = lichang__segment(&tg->seg, tg->lx, &doc->text, &doc->tokens);
      LAP(SEGMENT);
      if (!rc)
        rc = lichang__keywords(tg, doc);
      LAP(KEYWORDS);
      if (!rc)
        rc = lichang__passages(tg, doc);
      LAP(PASSAGES);
      if (!rc)
        rc = lichang__speakers(tg, doc);
      LAP(SPEAKERS);
      if (!rc)
        rc = lichang__stance(tg, doc);
      LAP(STANCE);
      if (rc) {
        fprintf(stderr, "bench_stages: %s\n", lichang_strerror(rc));
        return 1;
      }
      /* tagger.c's fill_spans: offsets in bytes, as the output wants */
      lichang_quote *q = doc->quotes.data;
      for (size_t i = 0; i < doc->quotes.len; i++) {
        q[i].span.start = doc->text.off[q[i].start];
        q[i].span.end = doc->text.off[q[i].end];
      }
      lichang_free(lichang_doc_to_json(doc, r.id, NULL));
      lichang_doc_free(doc);
      articles++;
      LAP(JSON);
    }
    cli_record_free(&r);
    free(line);
    LAP(READ);
  }
  cli_lines_close(&in);
  double total = now() - start;
  printf("%zu articles, %.1f MB in %.2f s (%.2f MB/s), one thread\n", articles,
         (double)bytes / 1e6, total, (double)bytes / 1e6 / total);
  for (int s = 0; s < N; s++)
    printf("  %-26s %6.3f s  %5.1f %%\n", names[s], t[s], 100 * t[s] / total);
  double floor = t[READ] + t[FOLD] + t[SEGMENT] + t[JSON];
  printf("floor (no analysis)          %6.3f s  %.2f MB/s\n", floor,
         (double)bytes / 1e6 / floor);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  return 0;
}
