/* Stage: segment. ICU words with the lexicon overlaid by longest match. */
#include "tests_common.h"

static lichang_lexicon *fixture(void) {
  lichang_lexicon *lx;
  lichang_error err;
  int rc = lichang_lexicon_load(&lx, LICHANG_TEST_DIR "/dicts/overlay", &err);
  ck_assert_msg(rc == 0, "%s", err.message);
  return lx;
}

/* Space-separated folded tokens of text. */
static void tokens_of(const lichang_lexicon *lx, const char *text, char *out,
                      size_t size) {
  lichang_doc *doc = tag_with(lx, text);
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; i < lichang_doc_token_count(doc); i++) {
    char w[64];
    lichang_doc_token_folded(doc, i, w, sizeof w);
    n += (size_t)snprintf(out + n, size - n, "%s%s", i ? " " : "", w);
  }
  lichang_doc_free(doc);
}

START_TEST(overlay_joins_lexicon_terms) {
  lichang_lexicon *lx = fixture();
  char got[512];
  tokens_of(lx, "它無法理解物理世界。", got, sizeof got);
  ck_assert_ptr_nonnull(strstr(got, "物理世界"));
  tokens_of(lx, "周弘毅說", got, sizeof got);
  ck_assert_ptr_nonnull(strstr(got, "周弘毅"));
  lichang_lexicon_free(lx);
}
END_TEST

START_TEST(overlay_splits_pronoun_and_verb) {
  lichang_lexicon *lx = fixture();
  char got[512];
  tokens_of(lx, "他認為這是錯的", got, sizeof got);
  ck_assert_msg(strncmp(got, "他 认为 ", 11) == 0, "got '%s'", got);
  lichang_lexicon_free(lx);
}
END_TEST

START_TEST(token_spans_are_original_bytes) {
  lichang_lexicon *lx = fixture();
  const char *text = "ＡＩ與物理世界";
  lichang_doc *doc = tag_with(lx, text);
  size_t n = lichang_doc_token_count(doc);
  ck_assert_uint_ge(n, 2);
  char *last = span_text(text, lichang_doc_token(doc, n - 1));
  ck_assert_str_eq(last, "物理世界");
  free(last);
  char *first = span_text(text, lichang_doc_token(doc, 0));
  ck_assert_str_eq(first, "ＡＩ");
  free(first);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
}
END_TEST

START_TEST(punctuation_is_not_a_token) {
  lichang_lexicon *lx = fixture();
  char got[512];
  tokens_of(lx, "「好，」他說。", got, sizeof got);
  ck_assert_ptr_null(strchr(got, ','));
  ck_assert_ptr_null(strstr(got, "「"));
  lichang_lexicon_free(lx);
}
END_TEST

START_TEST(empty_text_has_no_tokens) {
  lichang_lexicon *lx = fixture();
  lichang_doc *doc = tag_with(lx, "");
  ck_assert_uint_eq(lichang_doc_token_count(doc), 0);
  ck_assert_uint_eq(lichang_doc_chars(doc), 0);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("segment");
  TCase *tc = tcase_create("overlay");
  tcase_add_test(tc, overlay_joins_lexicon_terms);
  tcase_add_test(tc, overlay_splits_pronoun_and_verb);
  tcase_add_test(tc, token_spans_are_original_bytes);
  tcase_add_test(tc, punctuation_is_not_a_token);
  tcase_add_test(tc, empty_text_has_no_tokens);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
