/* Helpers shared by the Check programs. */
#ifndef LICHANG_TESTS_COMMON_H
#define LICHANG_TESTS_COMMON_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#ifndef LICHANG_TEST_DIR
#define LICHANG_TEST_DIR "."
#endif

/* Runs one suite; the exit status CTest reads. */
static inline int run_suite(Suite *s) {
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* Tags text with a lexicon; the doc is the caller's. */
static inline lichang_doc *tag_with(const lichang_lexicon *lx,
                                    const char *text) {
  lichang_tagger *tg;
  lichang_error err;
  ck_assert_int_eq(lichang_tagger_new(&tg, lx, NULL, &err), 0);
  lichang_doc *doc = NULL;
  ck_assert_int_eq(lichang_tag(&doc, tg, text, strlen(text), &err), 0);
  lichang_tagger_free(tg);
  return doc;
}

/* The article's text of byte span sp, as a malloc'd string. */
static inline char *span_text(const char *text, lichang_span sp) {
  char *s = malloc(sp.end - sp.start + 1);
  memcpy(s, text + sp.start, sp.end - sp.start);
  s[sp.end - sp.start] = '\0';
  return s;
}

/* A composed test article from tests/articles/, NUL-terminated; free() it. */
static inline char *read_article(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/articles/%s", LICHANG_TEST_DIR, name);
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  lc_buf b = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    ck_assert_int_eq(lichang__buf_put(&b, chunk, n), 0);
  fclose(f);
  ck_assert_int_eq(lichang__buf_put(&b, "", 1), 0);
  return b.data;
}

#endif
