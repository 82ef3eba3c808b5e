/* Tags one article and prints who said what, and how they lean.
 *
 *   cc prog.c $(pkg-config --cflags --libs lichang) -o prog
 *   ./prog article.txt
 *
 * This file is the example program of lichang(3); a test builds it against
 * an installed lichang, with CMake and with pkg-config, and runs it. */
#include <lichang.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file into memory; NULL on failure. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap);
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, cap *= 2);
      if (!bigger)
        free(buf);
      buf = bigger;
    }
  }
  if (buf && ferror(f)) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s ARTICLE.txt\n", argv[0]);
    return 2;
  }
  size_t len;
  char *text = read_file(argv[1], &len);
  if (!text) {
    perror(argv[1]);
    return 1;
  }

  /* Load the lexicon once; share it between threads. Make one tagger per
   * thread. Every object starts NULL, so one cleanup path frees them all. */
  lichang_lexicon *lexicon = NULL;
  lichang_tagger *tagger = NULL;
  lichang_doc *doc = NULL;
  lichang_error err;
  int rc = lichang_lexicon_builtin(&lexicon, &err);
  if (rc == LICHANG_OK)
    rc = lichang_tagger_new(&tagger, lexicon, NULL, &err);
  if (rc == LICHANG_OK)
    rc = lichang_tag(&doc, tagger, text, len, &err);
  if (rc != LICHANG_OK) {
    fprintf(stderr, "%s: %s (%s)\n", argv[1], err.message,
            lichang_strerror(rc));
    goto done;
  }

  size_t quotes = lichang_doc_quote_count(doc);
  printf("lichang %s: %zu quote(s)\n", lichang_version(), quotes);
  for (size_t i = 0; i < quotes; i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    lichang_span span = lichang_quote_span(q); /* bytes of text */
    double score;
    lichang_stance stance = lichang_quote_stance(q, &score);
    const char *speaker = lichang_quote_speaker(q);
    printf("%s\t%s %.2f\t%.*s\n", *speaker ? speaker : "?",
           lichang_stance_name(stance), score, (int)(span.end - span.start),
           text + span.start);
    for (size_t j = 0; j < lichang_quote_evidence_count(q); j++) {
      const lichang_evidence *ev = lichang_quote_evidence(q, j);
      printf("\t\tbecause of %s '%s' (%s %+.2f)\n", ev->rule, ev->term,
             lichang_stance_name(ev->stance), ev->weight);
    }
  }
  for (size_t i = 0; i < lichang_doc_warning_count(doc); i++)
    fprintf(stderr, "%s: warning: %s\n", argv[1], lichang_doc_warning(doc, i));

  /* The same result as one line of JSON, in a string the caller frees. */
  char *json = lichang_doc_to_json(doc, argv[1], NULL);
  if (json) {
    puts(json);
    lichang_free(json);
  } else {
    rc = LICHANG_ENOMEM;
  }

done:
  lichang_doc_free(doc);
  lichang_tagger_free(tagger);
  lichang_lexicon_free(lexicon);
  free(text);
  return rc == LICHANG_OK ? 0 : 1;
}
