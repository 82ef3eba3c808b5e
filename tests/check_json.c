/* JSON Lines output: valid, escaped, one line. */
#include "tests_common.h"

static char *json_of(const char *text, const char *id) {
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_doc *doc = tag_with(lx, text);
  size_t len;
  char *json = lichang_doc_to_json(doc, id, &len);
  ck_assert_ptr_nonnull(json);
  ck_assert_uint_eq(strlen(json), len);
  ck_assert_ptr_null(strchr(json, '\n'));
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
  return json;
}

START_TEST(id_is_escaped) {
  char *json = json_of("文", "a\"b\\c\n\x01\xF0\x9F\x98\x80");
  const char *want = "{\"id\":\"a\\\"b\\\\c\\n\\u0001\xF0\x9F\x98\x80\",";
  ck_assert_msg(strncmp(json, want, strlen(want)) == 0, "%s", json);
  lichang_free(json);
}
END_TEST

START_TEST(quote_text_is_escaped) {
  /* control characters, a backslash, a non-BMP character inside a quote */
  const char *text = "王明說：「這是\t一個\\測試，𠀀字也在\x7f裡面。」";
  char *json = json_of(text, "x");
  /* the passage ends before its final 。 (ANNOTATION.md) */
  ck_assert_ptr_nonnull(strstr(json, "這是\\t一個\\\\測試，𠀀字也在\\u007f裡面\""));
  lichang_free(json);
}
END_TEST

START_TEST(invalid_bytes_become_replacement) {
  char *json = json_of("「壞\xFF字節在這句話裡面，」", "x");
  ck_assert_ptr_null(strstr(json, "\xFF"));
  ck_assert_ptr_nonnull(strstr(json, "\"warnings\":[\"byte 6: invalid UTF-8"));
  lichang_free(json);
}
END_TEST

START_TEST(null_id_and_empty_doc) {
  char *json = json_of("", NULL);
  ck_assert_str_eq(json, "{\"id\":\"\",\"chars\":0,\"keywords\":[],\"quotes\":[],"
                         "\"speakers\":[]}");
  lichang_free(json);
}
END_TEST

int main(void) {
  Suite *s = suite_create("json");
  TCase *tc = tcase_create("escape");
  tcase_add_test(tc, id_is_escaped);
  tcase_add_test(tc, quote_text_is_escaped);
  tcase_add_test(tc, invalid_bytes_become_replacement);
  tcase_add_test(tc, null_id_and_empty_doc);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
