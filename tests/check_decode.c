/* Stage 0, lichang_decode: legacy encodings to UTF-8, detection, and the
 * count and place of bad sequences. Encoded bytes are made with ICU from
 * text composed here, except the few spelled out to pin exact offsets. */
#include "tests_common.h"

#include <unicode/ucnv.h>

/* A composed paragraph, Simplified and Traditional. */
static const char simp[] =
    "市政府今天宣布，明年将新建三座公园和两所学校。"
    "规划局长表示：“这些项目会在年底前全部动工，资金已经到位。”"
    "不少居民认为，新公园能让周末有更多去处，但也有人担心施工噪音。";
static const char trad[] =
    "市政府今天宣布，明年將新建三座公園和兩所學校。"
    "規劃局長表示：「這些項目會在年底前全部動工，資金已經到位。」"
    "不少居民認為，新公園能讓週末有更多去處，但也有人擔心施工噪音。";

/* text (UTF-8) in the named encoding; malloc'd, *len bytes. */
static char *encode(const char *text, const char *enc, size_t *len) {
  UErrorCode st = U_ZERO_ERROR;
  size_t cap = strlen(text) * 2 + 16;
  char *out = malloc(cap);
  int32_t n = ucnv_convert(enc, "UTF-8", out, (int32_t)cap, text,
                           (int32_t)strlen(text), &st);
  ck_assert_msg(U_SUCCESS(st), "%s: %s", enc, u_errorName(st));
  *len = (size_t)n;
  return out;
}

static void round_trip(const char *text, const char *enc, const char *name) {
  size_t n, m;
  char *bytes = encode(text, enc, &n), *out;
  lichang_decode_info info;
  lichang_error err;
  ck_assert_int_eq(lichang_decode(&out, &m, bytes, n, enc, &info, &err), 0);
  ck_assert_str_eq(out, text);
  ck_assert_uint_eq(m, strlen(text));
  ck_assert_str_eq(info.encoding, name);
  ck_assert_uint_eq(info.invalid, 0);
  ck_assert_uint_eq(info.first_invalid, (size_t)-1);
  ck_assert_int_eq(info.confidence, 100);
  lichang_free(out);
  free(bytes);
}

START_TEST(named_encodings_round_trip) {
  round_trip(simp, "GB18030", "GB18030");
  round_trip(simp, "GBK", "GBK");
  round_trip(trad, "GB18030", "GB18030");
  round_trip(trad, "Big5", "Big5");
  round_trip(simp, "UTF-16LE", "UTF-16LE");
  round_trip(trad, "UTF-16BE", "UTF-16BE");
  round_trip(simp, "UTF-8", "UTF-8");
}
END_TEST

START_TEST(utf16_byte_order_without_bom) {
  const char *orders[] = {"UTF-16LE", "UTF-16BE"};
  for (int i = 0; i < 2; i++) {
    size_t n;
    char *bytes = encode(trad, orders[i], &n), *out;
    lichang_decode_info info;
    ck_assert_int_eq(lichang_decode(&out, NULL, bytes, n, "utf-16", &info, NULL),
                     0);
    ck_assert_str_eq(out, trad);
    ck_assert_str_eq(info.encoding, orders[i]);
    lichang_free(out);
    free(bytes);
  }
  /* With a BOM, the BOM decides and is read, not kept. */
  char bom[] = "\xFF\xFE\x2D\x4E\x87\x65"; /* 中文, little-endian */
  char *out;
  ck_assert_int_eq(lichang_decode(&out, NULL, bom, 6, "UTF-16", NULL, NULL), 0);
  ck_assert_str_eq(out, "中文");
  lichang_free(out);
}
END_TEST

/* Bad sequences are U+FFFD, counted, the first one's byte offset kept. */
START_TEST(invalid_sequences_counted_with_offsets) {
  /* 中 D6D0, a lone 0xFF, 文 CEC4, "ab", a lead byte cut off at the end */
  const char gb[] = "\xD6\xD0\xFF\xCE\xC4"
                    "ab\x81";
  char *out;
  size_t n;
  lichang_decode_info info;
  ck_assert_int_eq(
      lichang_decode(&out, &n, gb, sizeof gb - 1, "gb18030", &info, NULL), 0);
  ck_assert_str_eq(out, "中\xEF\xBF\xBD文ab\xEF\xBF\xBD");
  ck_assert_uint_eq(n, strlen(out));
  ck_assert_uint_eq(info.invalid, 2);
  ck_assert_uint_eq(info.first_invalid, 2);
  ck_assert_uint_eq(info.chars, 6);
  lichang_free(out);
  /* Big5: a lead byte followed by ASCII. */
  const char big5[] = "\xA4\xA4\xA4!";
  ck_assert_int_eq(lichang_decode(&out, NULL, big5, 4, "big5", &info, NULL), 0);
  ck_assert_str_eq(out, "中\xEF\xBF\xBD!");
  ck_assert_uint_eq(info.first_invalid, 2);
  lichang_free(out);
  /* UTF-8 by the tagger's own rules: overlong, surrogate, F5, truncated. */
  const char u8[] = "a\xC0\xAF"
                    "b\xED\xA0\x80"
                    "c\xF5"
                    "d\xE4\xB8";
  ck_assert_int_eq(lichang_decode(&out, &n, u8, sizeof u8 - 1, NULL, &info,
                                  NULL),
                   0);
  ck_assert_uint_eq(info.first_invalid, 1);
  ck_assert_uint_eq(info.invalid, 7);
  ck_assert_ptr_null(strchr(out, '\xC0'));
  lichang_free(out);
}
END_TEST

START_TEST(count_only_without_out) {
  lichang_decode_info info;
  const char u8[] = "好\xFF好";
  ck_assert_int_eq(
      lichang_decode(NULL, NULL, u8, sizeof u8 - 1, "UTF-8", &info, NULL), 0);
  ck_assert_uint_eq(info.chars, 3);
  ck_assert_uint_eq(info.invalid, 1);
  ck_assert_uint_eq(info.first_invalid, 3);
  /* Long enough to need several rounds through the reused buffer. */
  size_t len = strlen(simp) * 200, n;
  char *big = malloc(len + 1);
  for (size_t i = 0; i < 200; i++)
    memcpy(big + i * strlen(simp), simp, strlen(simp));
  big[len] = '\0';
  char *gb = encode(big, "GB18030", &n);
  ck_assert_int_eq(lichang_decode(NULL, NULL, gb, n, "GB18030", &info, NULL),
                   0);
  ck_assert_uint_eq(info.invalid, 0);
  size_t chars = 0;
  for (const char *c = simp; *c; c++)
    chars += (*c & 0xC0) != 0x80;
  ck_assert_uint_eq(info.chars, 200 * chars);
  free(gb);
  free(big);
}
END_TEST

static void detects(const char *text, const char *enc, const char *want) {
  size_t n;
  char *bytes = encode(text, enc, &n), *out;
  lichang_decode_info info;
  ck_assert_int_eq(lichang_decode(&out, NULL, bytes, n, "auto", &info, NULL),
                   0);
  ck_assert_msg(!strcmp(info.encoding, want), "%s read as %s", enc,
                info.encoding);
  ck_assert_str_eq(out, text);
  ck_assert_int_ge(info.confidence, 50);
  lichang_free(out);
  free(bytes);
}

START_TEST(auto_detects) {
  detects(simp, "GB18030", "GB18030");
  detects(trad, "Big5", "Big5");
  detects(simp, "UTF-8", "UTF-8");
  detects(trad, "UTF-16LE", "UTF-16LE");
  detects(simp, "UTF-16BE", "UTF-16BE");
  /* Ten characters are too few to be sure: it still chooses, and says how
   * unsure it is. */
  size_t n;
  char *bytes = encode("今天天氣很好我們出", "Big5", &n);
  lichang_decode_info info;
  ck_assert_int_eq(lichang_decode(NULL, NULL, bytes, n, "auto", &info, NULL),
                   0);
  ck_assert_int_lt(info.confidence, 50);
  ck_assert_str_ne(info.encoding, "");
  free(bytes);
}
END_TEST

START_TEST(errors) {
  lichang_error err;
  char *out = (char *)1;
  ck_assert_int_eq(lichang_decode(&out, NULL, "x", 1, "no-such-encoding",
                                  NULL, &err),
                   LICHANG_EINVAL);
  ck_assert_ptr_null(out);
  ck_assert_str_eq(err.message, "unknown encoding 'no-such-encoding'");
  ck_assert_int_eq(lichang_decode(&out, NULL, NULL, 3, NULL, NULL, &err),
                   LICHANG_EINVAL);
  /* Empty input is fine, and empty output. */
  size_t n = 9;
  ck_assert_int_eq(lichang_decode(&out, &n, "", 0, "big5", NULL, &err), 0);
  ck_assert_str_eq(out, "");
  ck_assert_uint_eq(n, 0);
  lichang_free(out);
}
END_TEST

/* Decoded text goes straight into the tagger, whose offsets are then
 * offsets into it. */
START_TEST(tagger_offsets_into_converted_text) {
  size_t n;
  char *bytes = encode(trad, "Big5", &n), *text;
  size_t len;
  ck_assert_int_eq(lichang_decode(&text, &len, bytes, n, "big5", NULL, NULL),
                   0);
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_doc *doc = tag_with(lx, text);
  ck_assert_uint_ge(lichang_doc_quote_count(doc), 2);
  /* the second passage: 規劃局長's quote, without its final 。 */
  char *q = span_text(text, lichang_quote_span(lichang_doc_quote(doc, 1)));
  ck_assert_str_eq(q, "這些項目會在年底前全部動工，資金已經到位");
  free(q);
  lichang_doc_free(doc);
  lichang_lexicon_free(lx);
  lichang_free(text);
  free(bytes);
}
END_TEST

/* The tagger counts what it read as lichang_decode does, so a caller
 * need not read UTF-8 twice: a BOM, stray and truncated bytes, a NUL, an
 * overlong form and a surrogate, alone and in text. */
START_TEST(doc_decode_info_as_decode) {
  static const char *const inputs[] = {
      "",
      "\xEF\xBB\xBF\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C",
      "abc\x80\x80"
      "def",
      "\xE5\xB8",
      "\xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \xFF",
      "\xE5\xB8\x82\xFF\xE6\x94\xBF\xEF\xBC\xA1\xEF\xBB\xBF!",
      "\xE2\x80\x9C\xE4\xBB\x96\xE8\xAF\xB4\xE2\x80\x9D\xF0\x9F\x98\x80",
  };
  lichang_lexicon *lx;
  ck_assert_int_eq(lichang_lexicon_builtin(&lx, NULL), 0);
  lichang_tagger *tg;
  ck_assert_int_eq(lichang_tagger_new(&tg, lx, NULL, NULL), 0);
  for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
    for (int nul = 0; nul < 2; nul++) {
      char buf[64];
      size_t n = strlen(inputs[k]);
      memcpy(buf, inputs[k], n);
      if (nul) /* a NUL in the middle */
        memmove(buf + n / 2 + 1, buf + n / 2, n - n / 2), buf[n / 2] = 0, n++;
      lichang_decode_info want, got;
      ck_assert_int_eq(lichang_decode(NULL, NULL, buf, n, NULL, &want, NULL),
                       0);
      lichang_doc *doc;
      ck_assert_int_eq(lichang_tag(&doc, tg, buf, n, NULL), 0);
      lichang_doc_decode_info(doc, &got);
      ck_assert_str_eq(got.encoding, want.encoding);
      ck_assert_int_eq(got.confidence, want.confidence);
      ck_assert_uint_eq(got.chars, want.chars);
      ck_assert_uint_eq(got.invalid, want.invalid);
      ck_assert_uint_eq(got.first_invalid, want.first_invalid);
      lichang_doc_free(doc);
    }
  }
  lichang_decode_info none;
  lichang_doc_decode_info(NULL, &none);
  ck_assert_uint_eq(none.chars, 0);
  ck_assert_uint_eq(none.invalid, 0);
  lichang_doc_decode_info(NULL, NULL); /* no-op */
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("decode");
  TCase *tc = tcase_create("decode");
  tcase_add_test(tc, named_encodings_round_trip);
  tcase_add_test(tc, utf16_byte_order_without_bom);
  tcase_add_test(tc, invalid_sequences_counted_with_offsets);
  tcase_add_test(tc, count_only_without_out);
  tcase_add_test(tc, auto_detects);
  tcase_add_test(tc, errors);
  tcase_add_test(tc, tagger_offsets_into_converted_text);
  tcase_add_test(tc, doc_decode_info_as_decode);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
