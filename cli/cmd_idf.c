/* lichang idf: document frequencies of words over a JSON Lines corpus,
 * written as dict/idf.txt (TERM<TAB>ln(N/df)). Words are the tagger's own
 * tokens (ICU plus the lexicon overlay), so the table matches what the
 * keyword stage looks up. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: lichang idf [OPTION]... CORPUS.jsonl...\n"
    "Write an IDF table (TERM<TAB>IDF) for the words of a JSON Lines corpus\n"
    "({\"id\",\"title\",\"text\"} a line) to standard output.\n\n"
    "  -d, --dict DIR        segment with the lexicon in DIR\n"
    "  -n, --min-df N        keep words in at least N articles (default 3)\n"
    "  -h, --help            show this help\n";

typedef struct {
  char *term;
  uint64_t hash;
  uint32_t df, last; /* last: the article that counted it */
} slot;

typedef struct {
  slot *s;
  size_t cap, used;
} table;

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h | 1;
}

static bool grow(table *t) {
  size_t cap = t->cap ? t->cap * 2 : 1 << 16;
  slot *s = calloc(cap, sizeof *s);
  if (!s)
    return false;
  for (size_t i = 0; i < t->cap; i++)
    if (t->s[i].hash) {
      size_t j = t->s[i].hash & (cap - 1);
      while (s[j].hash)
        j = (j + 1) & (cap - 1);
      s[j] = t->s[i];
    }
  free(t->s);
  t->s = s;
  t->cap = cap;
  return true;
}

static bool count(table *t, const char *term, uint32_t article) {
  if ((t->used + 1) * 2 > t->cap && !grow(t))
    return false;
  uint64_t h = hash_str(term);
  size_t j = h & (t->cap - 1);
  while (t->s[j].hash && (t->s[j].hash != h || strcmp(t->s[j].term, term)))
    j = (j + 1) & (t->cap - 1);
  slot *s = t->s + j;
  if (!s->hash) {
    if (!(s->term = strdup(term)))
      return false;
    s->hash = h;
    t->used++;
  }
  if (s->last != article) {
    s->df++;
    s->last = article;
  }
  return true;
}

static int by_term(const void *a, const void *b) {
  return strcmp(((const slot *)a)->term, ((const slot *)b)->term);
}

int cmd_idf(int argc, char **argv) {
  static const struct option options[] = {
      {"dict", required_argument, NULL, 'd'},
      {"min-df", required_argument, NULL, 'n'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *dict = NULL;
  unsigned long min_df = 3;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:n:h", options, NULL)) != -1) {
    switch (c) {
    case 'd':
      dict = optarg;
      break;
    case 'n':
      min_df = strtoul(optarg, NULL, 10);
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_DONE;
    default:
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  if (optind == argc) {
    fputs(usage_text, stderr);
    return EXIT_USAGE;
  }
  lichang_lexicon *lx = cli_lexicon(dict);
  if (!lx)
    return EXIT_USAGE;
  lichang_options opts = LICHANG_OPTIONS_INIT;
  opts.max_keywords = 0;
  lichang_tagger *tg;
  lichang_error err;
  if (lichang_tagger_new(&tg, lx, &opts, &err) < 0) {
    cli_error("%s", err.message);
    lichang_lexicon_free(lx);
    return EXIT_USAGE;
  }
  table t = {0};
  uint32_t articles = 0;
  int status = EXIT_DONE;
  char term[256];
  for (int a = optind; a < argc; a++) {
    FILE *f = strcmp(argv[a], "-") ? fopen(argv[a], "rb") : stdin;
    if (!f) {
      cli_error("%s: %s", argv[a], strerror(errno));
      status = EXIT_INPUT;
      continue;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
      lineno++;
      cli_record r;
      char why[128];
      if (!cli_record_parse(line, (size_t)n, &r, why, sizeof why) || !r.text) {
        cli_error("%s:%lu: %s", argv[a], lineno, r.text ? why : "no text");
        status = EXIT_INPUT;
        cli_record_free(&r);
        continue;
      }
      lichang_doc *doc;
      if (lichang_tag(&doc, tg, r.text, r.text_len, &err) == 0) {
        articles++;
        for (size_t i = 0; i < lichang_doc_token_count(doc); i++) {
          size_t len = lichang_doc_token_folded(doc, i, term, sizeof term);
          if (len < sizeof term && !count(&t, term, articles)) {
            cli_error("out of memory");
            return EXIT_INPUT;
          }
        }
        lichang_doc_free(doc);
      }
      cli_record_free(&r);
    }
    free(line);
    if (f != stdin)
      fclose(f);
  }
  size_t k = 0;
  for (size_t i = 0; i < t.cap; i++)
    if (t.s[i].hash) {
      /* Numbers are never keywords; they only bloat the table. */
      bool numeric = strspn(t.s[i].term, "0123456789.,%-") == strlen(t.s[i].term);
      if (t.s[i].df >= min_df && !numeric)
        t.s[k++] = t.s[i];
      else
        free(t.s[i].term);
    }
  qsort(t.s, k, sizeof *t.s, by_term);
  printf("# IDF table: TERM<TAB>ln(N/df), N = %u articles; words in fewer\n"
         "# than %lu articles are left out and take the .default value,\n"
         "# ln(N/1). Generated by `lichang idf`; see the file's header in\n"
         "# dict/ for the corpus it came from.\n",
         articles, min_df);
  printf(".default\t%.3f\n", log(articles ? (double)articles : 1.0));
  for (size_t i = 0; i < k; i++) {
    printf("%s\t%.3f\n", t.s[i].term, log((double)articles / t.s[i].df));
    free(t.s[i].term);
  }
  free(t.s);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  return status;
}
