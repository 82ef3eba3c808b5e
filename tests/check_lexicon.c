/* Lexicon loading: the built-in one loads; bad lines are errors naming
 * file:line:column. Each bad lexicon is a folder under tests/dicts/. */
#include "tests_common.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[256];

/* Writes one file into a fresh temporary lexicon folder. */
static const char *lexicon_with(const char *file, const char *content) {
  snprintf(dir, sizeof dir, "/tmp/lichang-lex-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fputs(content, f);
  fclose(f);
  return dir;
}

static void expect_error(const char *file, const char *content, int code,
                         const char *message) {
  lichang_lexicon *lx = (void *)1;
  lichang_error err;
  int rc = lichang_lexicon_load(&lx, lexicon_with(file, content), &err);
  ck_assert_int_eq(rc, code);
  ck_assert_ptr_null(lx);
  ck_assert_str_eq(err.message, message);
  ck_assert_int_eq(err.code, code);
}

START_TEST(builtin_loads) {
  lichang_lexicon *lx;
  lichang_error err;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, &err), 0);
  ck_assert_uint_gt(lx->entries.len, 0);
  lichang_lexicon_free(lx);
  lichang_lexicon_free(NULL);
}
END_TEST

START_TEST(unknown_stance) {
  expect_error("stance.txt", "# header\n里程碑\toptimistc\t1.0\n", LICHANG_EDICT,
               "stance.txt:2:5: unknown stance 'optimistc'");
}
END_TEST

START_TEST(bad_weights) {
  expect_error("stance.txt", "突破\toptimistic\tnan\n", LICHANG_EDICT,
               "stance.txt:1:15: bad number 'nan'");
  expect_error("stance.txt", "突破\toptimistic\tinf\n", LICHANG_EDICT,
               "stance.txt:1:15: bad number 'inf'");
  expect_error("stance.txt", "突破\toptimistic\t-1\n", LICHANG_EDICT,
               "stance.txt:1:15: number -1 out of range [0, 10]");
  expect_error("stance.txt", "突破\toptimistic\t1e300\n", LICHANG_EDICT,
               "stance.txt:1:15: number 1e300 out of range [0, 10]");
}
END_TEST

START_TEST(missing_field) {
  expect_error("stance.txt", "突破\toptimistic\n", LICHANG_EDICT,
               "stance.txt:1:4: expected 3 fields, found 2");
}
END_TEST

START_TEST(duplicate_across_scripts) {
  expect_error("stance.txt", "里程碑\toptimistic\t1\n里程碑\toptimistic\t2\n",
               LICHANG_EDICT,
               "stance.txt:2:1: duplicate entry '里程碑' (same after folding "
               "script, case and width)");
  expect_error("topics.txt", "AGI\nａｇｉ\n", LICHANG_EDICT,
               "topics.txt:2:1: duplicate entry 'ａｇｉ' (same after folding "
               "script, case and width)");
}
END_TEST

START_TEST(bad_pattern) {
  expect_error("rules.txt", "skeptical\t1.0\t離(還很遠\t# unbalanced\n",
               LICHANG_ERULE,
               "rules.txt:1:20: pattern does not compile: missing closing "
               "parenthesis");
}
END_TEST

START_TEST(crlf_and_bom_accepted) {
  lichang_lexicon *lx;
  lichang_error err;
  int rc = lichang_lexicon_load(
      &lx,
      lexicon_with("stance.txt", "\xEF\xBB\xBF# c\r\n突破\toptimistic\t1.5\r\n"),
      &err);
  ck_assert_msg(rc == 0, "%s", err.message);
  uint32_t cp[2] = {0x7A81, 0x7834}; /* 突破 */
  const lc_entry *e = lichang__lexicon_find(lx, cp, 2);
  ck_assert_ptr_nonnull(e);
  ck_assert(e->kinds & LC_K_STANCE);
  ck_assert_float_eq_tol(e->weight, 1.5, 1e-6);
  lichang_lexicon_free(lx);
}
END_TEST

START_TEST(missing_dir_file_is_empty_and_unreadable_is_error) {
  lichang_lexicon *lx;
  lichang_error err;
  ck_assert_int_eq(lichang_lexicon_load(&lx, "/nonexistent-lichang", &err), 0);
  lichang_lexicon_free(lx);
  ck_assert_int_eq(lichang_lexicon_load(NULL, "/x", &err), LICHANG_EINVAL);
}
END_TEST

/* Writes data[0..n) as dir/file. */
static void write_file(const char *d, const char *file, const lc_buf *b) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", d, file);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(b->data, 1, b->len, f), b->len);
  fclose(f);
}

static void put_term(lc_buf *b, const uint32_t *cp, size_t n,
                     const char *rest) {
  for (size_t i = 0; i < n; i++)
    ck_assert_int_eq(lichang__buf_put_cp(b, cp[i]), 0);
  ck_assert_int_eq(lichang__buf_puts(b, rest), 0);
}

/* The trie's rare shape (lc_trie_node): nodes with more children on
 * small-kind paths than nsmall counts, so that small and other children
 * share one run: 中 with 3,000 stop words after it and IDF words, and the
 * root with 70,000 first characters. Private-use code points: folding
 * leaves them alone. Every term is found again, with its kinds. */
#define WIDE_STOP 3000
#define WIDE_IDF 500
#define ROOT_STOP 70000
#define ROOT_IDF 100
START_TEST(wide_trie_nodes) {
  lc_buf stop = {0}, idf = {0};
  uint32_t t[2];
  for (uint32_t i = 0; i < WIDE_STOP + WIDE_IDF; i++) {
    t[0] = 0x4E2D; /* 中 */
    t[1] = 0xE000 + i;
    put_term(i < WIDE_STOP ? &stop : &idf, t, 2,
             i < WIDE_STOP ? "\n" : "\t5\n");
  }
  for (uint32_t i = 0; i < ROOT_STOP; i++) {
    t[0] = 0xF0000 + i;
    put_term(&stop, t, 1, "\n");
  }
  for (uint32_t i = 0; i < ROOT_IDF; i++) {
    t[0] = 0xF000 + i;
    t[1] = 0xE000 + i;
    put_term(&idf, t, 1, "\t6\n");
    put_term(&idf, t, 2, "\t7\n");
  }
  snprintf(dir, sizeof dir, "/tmp/lichang-lex-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  write_file(dir, "stopwords.txt", &stop);
  write_file(dir, "idf.txt", &idf);
  lichang__buf_free(&stop);
  lichang__buf_free(&idf);
  lichang_lexicon *lx;
  lichang_error err;
  ck_assert_msg(lichang_lexicon_load(&lx, dir, &err) == 0, "%s", err.message);
  for (uint32_t i = 0; i < WIDE_STOP + WIDE_IDF; i++) {
    t[0] = 0x4E2D;
    t[1] = 0xE000 + i;
    const lc_entry *e = lichang__lexicon_find(lx, t, 2);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->kinds, i < WIDE_STOP ? LC_K_STOP : LC_K_IDF);
    ck_assert_uint_eq(lichang__lexicon_longest(lx, t, 2, e->kinds, NULL), 2);
  }
  for (uint32_t i = 0; i < ROOT_STOP; i += 7) {
    t[0] = 0xF0000 + i;
    const lc_entry *e = lichang__lexicon_find(lx, t, 1);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->kinds, LC_K_STOP);
  }
  for (uint32_t i = 0; i < ROOT_IDF; i++) {
    t[0] = 0xF000 + i;
    t[1] = 0xE000 + i;
    ck_assert(lichang__lexicon_may_start(lx, t[0], LC_K_IDF));
    ck_assert(!lichang__lexicon_may_start(lx, t[0], LC_K_STOP));
    const lc_entry *e = lichang__lexicon_find(lx, t, 2);
    ck_assert_ptr_nonnull(e);
    ck_assert_float_eq_tol(e->idf, 7, 1e-6);
    ck_assert_uint_eq(lichang__lexicon_longest(lx, t, 2, LC_K_IDF, NULL), 2);
    t[1] = 0xE001 + i; /* not listed */
    ck_assert_ptr_null(lichang__lexicon_find(lx, t, 2));
    ck_assert_uint_eq(lichang__lexicon_longest(lx, t, 2, LC_K_IDF, NULL), 1);
  }
  t[0] = 0x4E2D;
  t[1] = 0xE000 + WIDE_STOP + WIDE_IDF; /* not listed */
  ck_assert_ptr_null(lichang__lexicon_find(lx, t, 2));
  lichang_lexicon_free(lx);
  char path[512];
  snprintf(path, sizeof path, "%s/stopwords.txt", dir);
  unlink(path);
  snprintf(path, sizeof path, "%s/idf.txt", dir);
  unlink(path);
  rmdir(dir);
}
END_TEST

/* The rules a prefilter scan lets run: every rule with no clause (a
 * backreference), and those whose clauses were all found, in rule order. */
START_TEST(prefilter_rules_in_order) {
  const char *rules = "optimistic\t1\t突破\n"
                      "skeptical\t1\t(風險)\\1\n"
                      "cautious\t1\t謹慎.*觀察\n"
                      "optimistic\t1\t成功\n";
  lichang_lexicon *lx;
  lichang_error err;
  ck_assert_msg(lichang__lexicon_parse_buffer(&lx, "rules.txt", rules,
                                              strlen(rules), &err) == 0,
                "%s", err.message);
  const lc_rule *r = lx->rules.data;
  ck_assert_uint_eq(lx->rules.len, 4);
  ck_assert_uint_eq(r[1].nneed, 0);
  ck_assert_uint_eq(r[2].nneed, 2);
  uint64_t found[1] = {0};
  found[0] |= 1ull << r[0].need;
  found[0] |= 1ull << r[2].need | 1ull << (r[2].need + 1);
  lc_vec out = {.size = sizeof(uint32_t)};
  ck_assert_int_eq(lichang__prefilter_rules(&lx->prefilter, found, &out), 0);
  ck_assert_uint_eq(out.len, 3);
  const uint32_t *o = out.data;
  ck_assert_uint_eq(o[0], 0);
  ck_assert_uint_eq(o[1], 1);
  ck_assert_uint_eq(o[2], 2);
  found[0] = 1ull << r[2].need | 1ull << r[3].need; /* 觀察 missing */
  out.len = 0;
  ck_assert_int_eq(lichang__prefilter_rules(&lx->prefilter, found, &out), 0);
  ck_assert_uint_eq(out.len, 2);
  o = out.data;
  ck_assert_uint_eq(o[0], 1);
  ck_assert_uint_eq(o[1], 3);
  lichang__vec_free(&out);
  lichang_lexicon_free(lx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("lexicon");
  TCase *tc = tcase_create("load");
  tcase_add_test(tc, builtin_loads);
  tcase_add_test(tc, unknown_stance);
  tcase_add_test(tc, bad_weights);
  tcase_add_test(tc, missing_field);
  tcase_add_test(tc, duplicate_across_scripts);
  tcase_add_test(tc, bad_pattern);
  tcase_add_test(tc, crlf_and_bom_accepted);
  tcase_add_test(tc, missing_dir_file_is_empty_and_unreadable_is_error);
  tcase_add_test(tc, wide_trie_nodes);
  tcase_add_test(tc, prefilter_rules_in_order);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
