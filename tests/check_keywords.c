/* Stage: keywords. TF-IDF over tokens; no function words; topic terms
 * qualify. */
#include "tests_common.h"

static bool has_keyword(const lichang_doc *doc, const char *term) {
  for (size_t i = 0; i < lichang_doc_keyword_count(doc); i++)
    if (strcmp(lichang_doc_keyword(doc, i, NULL), term) == 0)
      return true;
  return false;
}

static const char *const function_words[] = {"我們", "我们", "認為", "认为",
                                             "乙個", "这个", "這個", "一個",
                                             "他們", "表示", "已經", "可以"};

START_TEST(topic_terms_and_content_words) {
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  const char *text =
      "我們認為半導體產業正在復甦。這個月，晶片出口增加，半導體訂單回升。"
      "分析師表示，我們已經看到晶片需求回暖，半導體庫存下降，這個趨勢可以延續。"
      "他們認為晶片短缺已經結束。";
  lichang_doc *doc = tag_with(lx, text);
  ck_assert_uint_le(lichang_doc_keyword_count(doc), 10);
  ck_assert(has_keyword(doc, "半導體"));
  ck_assert(has_keyword(doc, "晶片"));
  for (size_t i = 0; i < sizeof function_words / sizeof *function_words; i++)
    ck_assert_msg(!has_keyword(doc, function_words[i]), "%s is a keyword",
                  function_words[i]);
  double w0, w1;
  lichang_doc_keyword(doc, 0, &w0);
  lichang_doc_keyword(doc, 1, &w1);
  ck_assert(w0 >= w1);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
}
END_TEST

START_TEST(max_keywords_is_honoured) {
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_options o = LICHANG_OPTIONS_INIT;
  o.max_keywords = 2;
  lichang_tagger *tg;
  ck_assert_int_eq(lichang_tagger_new(&tg, lx, &o, NULL), 0);
  lichang_doc *doc;
  const char *text = "股市上漲，房價下跌，利率不變，通膨降溫，就業增加。";
  ck_assert_int_eq(lichang_tag(&doc, tg, text, strlen(text), NULL), 0);
  ck_assert_uint_eq(lichang_doc_keyword_count(doc), 2);
  lichang_doc_free(doc);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
}
END_TEST

/* The development article, where the issue names its keywords. */
START_TEST(development_article) {
  FILE *f = fopen(LICHANG_TEST_DIR "/../../shared/eval/sora-debate.txt", "rb");
  if (!f) {
    fprintf(stderr, "skipped: ../shared/eval is absent\n");
    return;
  }
  static char text[1 << 20];
  size_t n = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[n] = '\0';
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_doc *doc = tag_with(lx, text);
  const char *want[] = {"SORA", "AGI", "ChatGPT", "OpenAI", "物理世界"};
  for (size_t i = 0; i < 5; i++)
    ck_assert_msg(has_keyword(doc, want[i]), "%s is not a keyword", want[i]);
  for (size_t i = 0; i < sizeof function_words / sizeof *function_words; i++)
    ck_assert_msg(!has_keyword(doc, function_words[i]), "%s is a keyword",
                  function_words[i]);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("keywords");
  TCase *tc = tcase_create("tfidf");
  tcase_add_test(tc, topic_terms_and_content_words);
  tcase_add_test(tc, max_keywords_is_honoured);
  tcase_add_test(tc, development_article);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
