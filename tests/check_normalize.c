/* Stage: decode + normalize. Folding makes both scripts, case and width
 * meet; offsets always map back to the original bytes. */
#include "tests_common.h"

static void fold_str(const char *in, char *out, size_t size) {
  lc_buf b = {0};
  ck_assert_int_eq(lichang__fold_utf8(&b, in, strlen(in)), 0);
  ck_assert_uint_lt(b.len, size);
  memcpy(out, b.data, b.len + 1);
  lichang__buf_free(&b);
}

START_TEST(traditional_folds_to_simplified) {
  char a[64], b[64];
  fold_str("認為這個觀點錯誤", a, sizeof a);
  fold_str("认为这个观点错误", b, sizeof b);
  ck_assert_str_eq(a, b);
  fold_str("通用人工智慧", a, sizeof a);
  ck_assert_str_eq(a, "通用人工智慧"); /* 慧 is both */
  fold_str("與", a, sizeof a);
  ck_assert_str_eq(a, "与");
}
END_TEST

START_TEST(width_and_case_fold) {
  char a[64];
  fold_str("ＡＧＩ", a, sizeof a);
  ck_assert_str_eq(a, "agi");
  fold_str("AGI", a, sizeof a);
  ck_assert_str_eq(a, "agi");
  fold_str("ChatGPT，", a, sizeof a);
  ck_assert_str_eq(a, "chatgpt,");
  fold_str("１２３", a, sizeof a);
  ck_assert_str_eq(a, "123");
}
END_TEST

START_TEST(offsets_map_back) {
  const char *s = "ＡＩ說"; /* 3 + 3 + 3 bytes */
  lichang_doc doc = {0};
  doc.warnings.size = sizeof(char *);
  lc_text t;
  ck_assert_int_eq(lichang__text_fold(&t, &doc, s, strlen(s)), 0);
  ck_assert_uint_eq(t.n, 3);
  ck_assert_uint_eq(t.cp[0], 'a');
  ck_assert_uint_eq(t.cp[2], 0x8BF4); /* 说 */
  ck_assert_uint_eq(t.off[0], 0);
  ck_assert_uint_eq(t.off[1], 3);
  ck_assert_uint_eq(t.off[2], 6);
  ck_assert_uint_eq(t.off[3], 9);
  lichang__text_free(&t);
  lichang__vec_free(&doc.warnings);
  lichang__arena_free(&doc.arena);
}
END_TEST

START_TEST(bom_is_skipped) {
  const char *s = "\xEF\xBB\xBF說";
  lichang_doc doc = {0};
  doc.warnings.size = sizeof(char *);
  lc_text t;
  ck_assert_int_eq(lichang__text_fold(&t, &doc, s, strlen(s)), 0);
  ck_assert_uint_eq(t.n, 1);
  ck_assert_uint_eq(t.off[0], 3);
  ck_assert_uint_eq(doc.warnings.len, 0);
  lichang__text_free(&t);
  lichang__vec_free(&doc.warnings);
}
END_TEST

START_TEST(bad_utf8_is_replaced_and_reported) {
  /* truncated, overlong, surrogate, F5..FF: each a U+FFFD and a warning */
  const char s[] = "a\xE8\xAA" "b\xC0\xAF" "c\xED\xA0\x80" "d\xF5\xFF" "e";
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_doc *doc = tag_with(lx, s);
  ck_assert_uint_ge(lichang_doc_warning_count(doc), 4);
  ck_assert_str_eq(lichang_doc_warning(doc, 0),
                   "byte 1: invalid UTF-8, read as U+FFFD");
  const lc_text *t = &doc->text;
  ck_assert_uint_eq(t->cp[0], 'a');
  ck_assert_uint_eq(t->cp[1], 0xFFFD);
  ck_assert_uint_eq(t->cp[2], 'b');
  ck_assert_uint_eq(t->off[t->n], sizeof s - 1);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
}
END_TEST

/* The fold's fast loop over three-byte characters folds each as
 * lichang__fold_cp does: every BMP character from U+0800 up (but the
 * surrogates), each after a space. */
START_TEST(fast_paths_fold_as_fold_cp) {
  lc_buf b = {0};
  for (uint32_t c = 0x800; c < 0x10000; c++)
    if (c < 0xD800 || c > 0xDFFF) {
      ck_assert_int_eq(lichang__buf_put_cp(&b, c), 0);
      ck_assert_int_eq(lichang__buf_put_cp(&b, ' '), 0);
    }
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_doc *doc = tag_with(lx, b.data);
  const lc_text *t = &doc->text;
  size_t i = 0;
  for (uint32_t c = 0x800; c < 0x10000; c++) {
    if (c >= 0xD800 && c <= 0xDFFF)
      continue;
    uint32_t f[8];
    size_t k = lichang__fold_cp(c, f);
    for (size_t j = 0; j < k; j++, i++) {
      ck_assert_uint_lt(i, t->n);
      ck_assert_msg(t->cp[i] == f[j], "U+%04X: %04X, not %04X", c, t->cp[i],
                    f[j]);
    }
    ck_assert_uint_lt(i, t->n);
    ck_assert_uint_eq(t->cp[i++], ' ');
  }
  ck_assert_uint_eq(i, t->n);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
  lichang__buf_free(&b);
}
END_TEST

int main(void) {
  Suite *s = suite_create("normalize");
  TCase *tc = tcase_create("fold");
  tcase_add_test(tc, traditional_folds_to_simplified);
  tcase_add_test(tc, width_and_case_fold);
  tcase_add_test(tc, offsets_map_back);
  tcase_add_test(tc, bom_is_skipped);
  tcase_add_test(tc, bad_utf8_is_replaced_and_reported);
  tcase_add_test(tc, fast_paths_fold_as_fold_cp);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
