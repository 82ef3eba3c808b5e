/* Threads: one lexicon shared by 8 threads, each with its own tagger,
 * tagging the same articles in different orders; every result must equal
 * the single-threaded one, byte for byte. Run under ThreadSanitizer in the
 * LICHANG_TSAN build (.ci/test), where a data race fails the test. */
#include "tests_common.h"

#include <dirent.h>
#include <pthread.h>

#define THREADS 8
#define ROUNDS 10
#define MAX_ARTICLES 64

typedef struct {
  char *text;
  size_t len;
  char *json; /* single-threaded result */
} article;

static article arts[MAX_ARTICLES];
static size_t narts;
static lichang_lexicon *lexicon;

static void add(const char *text, size_t len) {
  ck_assert_uint_lt(narts, MAX_ARTICLES);
  arts[narts].text = malloc(len + 1);
  memcpy(arts[narts].text, text, len);
  arts[narts].text[len] = '\0';
  arts[narts].len = len;
  narts++;
}

static void add_dir(const char *dir) {
  struct dirent **names;
  int n = scandir(dir, &names, NULL, alphasort);
  for (int i = 0; i < n; i++) {
    size_t k = strlen(names[i]->d_name);
    if (k > 4 && !strcmp(names[i]->d_name + k - 4, ".txt") &&
        narts < MAX_ARTICLES - 8) {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
      FILE *f = fopen(path, "rb");
      if (f) {
        char buf[1 << 16];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        add(buf, len);
      }
    }
    free(names[i]);
  }
  if (n >= 0)
    free(names);
}

static char *tag_json(lichang_tagger *tg, const article *a) {
  lichang_doc *doc;
  lichang_error err;
  if (lichang_tag(&doc, tg, a->text, a->len, &err) < 0)
    return NULL;
  char *json = lichang_doc_to_json(doc, "t", NULL);
  lichang_doc_free(doc);
  return json;
}

typedef struct {
  unsigned seed;
  size_t mismatches, failures;
} worker;

static void *work(void *arg) {
  worker *w = arg;
  lichang_tagger *tg;
  if (lichang_tagger_new(&tg, lexicon, NULL, NULL) < 0) {
    w->failures++;
    return NULL;
  }
  for (int r = 0; r < ROUNDS; r++)
    for (size_t k = 0; k < narts; k++) {
      /* A different order in every thread and round. */
      size_t i = (k * 7 + w->seed * 5 + (size_t)r * 3) % narts;
      char *json = tag_json(tg, &arts[i]);
      if (!json)
        w->failures++;
      else if (strcmp(json, arts[i].json))
        w->mismatches++;
      lichang_free(json);
    }
  lichang_tagger_free(tg);
  return NULL;
}

START_TEST(eight_threads_one_lexicon) {
  ck_assert_int_eq(lichang_lexicon_builtin(&lexicon, NULL), 0);
  add_dir(LICHANG_TEST_DIR "/articles");
  add_dir(LICHANG_TEST_DIR "/fuzz/seeds");
  /* And some of the hostile rows: they take other paths through the code. */
  add("", 0);
  add("\xEF\xBB\xBF", 3);
  add("他說：「好\xFF\xC0\xAF消息，\0我們很樂觀。」", 42);
  char marks[3 * 3000 + 1] = {0};
  for (int i = 0; i < 3000; i++)
    memcpy(marks + 3 * i, i % 3 ? "「" : "」", 3);
  add(marks, strlen(marks));
  ck_assert_uint_ge(narts, 8);

  lichang_tagger *tg;
  ck_assert_int_eq(lichang_tagger_new(&tg, lexicon, NULL, NULL), 0);
  for (size_t i = 0; i < narts; i++)
    ck_assert_ptr_nonnull(arts[i].json = tag_json(tg, &arts[i]));
  lichang_tagger_free(tg);

  pthread_t th[THREADS];
  worker w[THREADS] = {0};
  for (unsigned t = 0; t < THREADS; t++) {
    w[t].seed = t;
    ck_assert_int_eq(pthread_create(&th[t], NULL, work, &w[t]), 0);
  }
  for (unsigned t = 0; t < THREADS; t++) {
    ck_assert_int_eq(pthread_join(th[t], NULL), 0);
    ck_assert_uint_eq(w[t].failures, 0);
    ck_assert_msg(w[t].mismatches == 0,
                  "thread %u: %zu results differ from single-threaded", t,
                  w[t].mismatches);
  }
  for (size_t i = 0; i < narts; i++) {
    lichang_free(arts[i].json);
    free(arts[i].text);
  }
  lichang_lexicon_free(lexicon);
}
END_TEST

int main(void) {
  Suite *s = suite_create("threads");
  TCase *tc = tcase_create("shared lexicon");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, eight_threads_one_lexicon);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
