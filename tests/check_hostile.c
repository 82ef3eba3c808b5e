/* Hostile input, the rows of tests/HOSTILE.md that the library answers:
 * articles and lexicon files nobody should have to feed it, each with the
 * exact answer the table promises. The rows the command answers (batches,
 * encodings, output) are in hostile_cli.sh. */
#include "tests_common.h"

#include <math.h>
#include <unistd.h>

/* The sanitizer builds (LICHANG_HOSTILE_LIGHT set) run the big rows at a
 * tenth of their size: ASan is there for memory errors, which a tenth
 * shows as well, and the full sizes run in the plain build, where a CTest
 * timeout catches anything worse than linear. */
static size_t scale(size_t n) {
  return getenv("LICHANG_HOSTILE_LIGHT") ? n / 10 : n;
}

static lichang_lexicon *builtin(void) {
  static lichang_lexicon *lx;
  lichang_error err;
  if (!lx)
    ck_assert_int_eq(lichang_lexicon_builtin(&lx, &err), 0);
  return lx;
}

/* Tags n bytes with the built-in lexicon; checks what every result must
 * satisfy (spans inside the input, valid JSON line) and returns the doc. */
static lichang_doc *tag_n(const char *s, size_t n) {
  lichang_tagger *tg;
  lichang_error err;
  ck_assert_int_eq(lichang_tagger_new(&tg, builtin(), NULL, &err), 0);
  lichang_doc *doc = NULL;
  int rc = lichang_tag(&doc, tg, s, n, &err);
  ck_assert_msg(rc == 0, "lichang_tag: %s", err.message);
  lichang_tagger_free(tg);
  for (size_t i = 0; i < lichang_doc_quote_count(doc); i++) {
    lichang_span sp = lichang_quote_span(lichang_doc_quote(doc, i));
    ck_assert(sp.start <= sp.end && sp.end <= n);
  }
  size_t len;
  char *json = lichang_doc_to_json(doc, "t", &len);
  ck_assert_ptr_nonnull(json);
  ck_assert_uint_eq(strlen(json), len);
  ck_assert_ptr_null(memchr(json, '\n', len));
  lichang_free(json);
  return doc;
}

/* ---- articles ---- */

START_TEST(article_empty) {
  lichang_doc *doc = tag_n("", 0);
  ck_assert_uint_eq(lichang_doc_chars(doc), 0);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), 0);
  ck_assert_uint_eq(lichang_doc_warning_count(doc), 0);
  lichang_doc_free(doc);
  /* NULL with length 0 is an empty article too. */
  lichang_tagger *tg;
  ck_assert_int_eq(lichang_tagger_new(&tg, builtin(), NULL, NULL), 0);
  ck_assert_int_eq(lichang_tag(&doc, tg, NULL, 0, NULL), 0);
  lichang_doc_free(doc);
  lichang_tagger_free(tg);
}
END_TEST

START_TEST(article_whitespace_only) {
  const char s[] = " \t\r\n\xE3\x80\x80 \n\n";
  lichang_doc *doc = tag_n(s, sizeof s - 1);
  ck_assert_uint_eq(lichang_doc_token_count(doc), 0);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), 0);
  ck_assert_uint_eq(lichang_doc_keyword_count(doc), 0);
  ck_assert_uint_eq(lichang_doc_warning_count(doc), 0);
  lichang_doc_free(doc);
}
END_TEST

START_TEST(article_bom_only) {
  lichang_doc *doc = tag_n("\xEF\xBB\xBF", 3);
  ck_assert_uint_eq(lichang_doc_chars(doc), 0);
  ck_assert_uint_eq(lichang_doc_warning_count(doc), 0);
  lichang_doc_free(doc);
}
END_TEST

/* Bad sequences, each placed at the start, in the middle and at the end
 * of an article with one quote: the quote is still found, and the first
 * warning names the bad sequence's byte offset. */
static const struct {
  const char *what, *bytes;
} bad_utf8[] = {
    {"truncated 3-byte sequence", "\xE4\xB8"},
    {"truncated 4-byte sequence", "\xF0\x9F\x98"},
    {"lone continuation byte", "\x80"},
    {"overlong '/'", "\xC0\xAF"},
    {"overlong 3-byte NUL", "\xE0\x80\x80"},
    {"overlong 4-byte", "\xF0\x80\x80\xAF"},
    {"encoded surrogate U+D800", "\xED\xA0\x80"},
    {"encoded surrogate U+DFFF", "\xED\xBF\xBF"},
    {"byte F5", "\xF5\x80\x80\x80"},
    {"byte FE", "\xFE"},
    {"byte FF", "\xFF"},
    {"above U+10FFFF", "\xF4\x90\x80\x80"},
};
#define NBAD (sizeof bad_utf8 / sizeof *bad_utf8)

START_TEST(article_invalid_utf8) {
  const char *head = "今天下午，", *quote = "王明說：「這是好消息，我們很樂觀。」";
  const char *bad = bad_utf8[_i / 3].bytes;
  int where = _i % 3; /* 0 start, 1 middle, 2 end */
  char clean[256], s[256], expect[80];
  snprintf(clean, sizeof clean, "%s%s", head, quote);
  snprintf(s, sizeof s, "%s%s%s%s%s", where == 0 ? bad : "", head,
           where == 1 ? bad : "", quote, where == 2 ? bad : "");
  size_t at = where == 0 ? 0 : where == 1 ? strlen(head) : strlen(clean);
  size_t shift = where < 2 ? strlen(bad) : 0;
  lichang_doc *doc = tag_n(s, strlen(s));
  ck_assert_uint_ge(lichang_doc_warning_count(doc), 1);
  snprintf(expect, sizeof expect, "byte %zu: invalid UTF-8, read as U+FFFD",
           at);
  ck_assert_msg(strcmp(lichang_doc_warning(doc, 0), expect) == 0,
                "%s at %d: got '%s', want '%s'", bad_utf8[_i / 3].what, where,
                lichang_doc_warning(doc, 0), expect);
  /* The passage is found as in the clean article, at offsets shifted by
   * the bad bytes before it. */
  lichang_doc *ref = tag_n(clean, strlen(clean));
  ck_assert_uint_ge(lichang_doc_quote_count(ref), 1);
  ck_assert_uint_eq(lichang_doc_quote_count(doc), lichang_doc_quote_count(ref));
  for (size_t i = 0; i < lichang_doc_quote_count(ref); i++) {
    lichang_span a = lichang_quote_span(lichang_doc_quote(ref, i));
    lichang_span b = lichang_quote_span(lichang_doc_quote(doc, i));
    ck_assert_uint_eq(b.start, a.start + shift);
    ck_assert_uint_eq(b.end, a.end + shift);
  }
  lichang_doc_free(ref);
  lichang_doc_free(doc);
}
END_TEST

START_TEST(article_nul_bytes) {
  static const char s[] = "王明說：\0「這是好消息，\0我們很樂觀。」\0";
  lichang_doc *doc = tag_n(s, sizeof s - 1);
  ck_assert_uint_eq(lichang_doc_warning_count(doc), 2);
  ck_assert_str_eq(lichang_doc_warning(doc, 0), "byte 12: NUL byte, ignored");
  ck_assert_str_eq(lichang_doc_warning(doc, 1), "3 NUL bytes in all, ignored");
  /* Offsets count the NULs: the passage starts after 「 at byte 16. */
  ck_assert_uint_eq(lichang_doc_quote_count(doc), 1);
  lichang_span sp = lichang_quote_span(lichang_doc_quote(doc, 0));
  ck_assert_uint_eq(sp.start, 16);
  ck_assert_uint_gt(sp.end, 16 + strlen("這是好消息，") + 1);
  ck_assert_uint_le(sp.end, sizeof s - 1 - 4);
  lichang_doc_free(doc);
}
END_TEST

/* Fills buf with n bytes of text that cycles through `unit`. */
static char *repeat(const char *unit, size_t n, size_t *len) {
  size_t u = strlen(unit), k = n / u;
  char *s = malloc(k * u + 1);
  ck_assert_ptr_nonnull(s);
  for (size_t i = 0; i < k; i++)
    memcpy(s + i * u, unit, u);
  s[k * u] = '\0';
  *len = k * u;
  return s;
}

START_TEST(article_5mb_paragraph_no_punctuation) {
  size_t n;
  char *s = repeat("港口擴建計畫昨日通過環境評估各方反應不一航運分析師認為"
                   "貿易仍有不確定性居民擔心噪音",
                   scale(5u << 20), &n);
  lichang_doc *doc = tag_n(s, n);
  ck_assert_uint_gt(lichang_doc_token_count(doc), scale(100000));
  ck_assert_uint_gt(lichang_doc_keyword_count(doc), 0);
  lichang_doc_free(doc);
  free(s);
}
END_TEST

START_TEST(article_100k_unbalanced_quotes) {
  static const char *const units[] = {"「", "」", "“", "」「", "『a", "\"",
                                      "「」", "「 then 』"};
  size_t n, k = scale(100000);
  char *s;
  if (_i == 7) { /* openers, then closers of another kind */
    s = malloc(3 * k + 1);
    for (size_t i = 0; i < k; i++)
      memcpy(s + 3 * i, i < k / 2 ? "「" : "』", 3);
    s[n = 3 * k] = '\0';
  } else
    s = repeat(units[_i], k * strlen(units[_i]), &n);
  lichang_doc *doc = tag_n(s, n);
  /* Nothing is quoted in a run of marks, except that an ASCII mark cannot
   * tell opening from closing; only say the answer is bounded. */
  ck_assert_uint_le(lichang_doc_quote_count(doc), 100000);
  if (_i < 4 || _i == 7)
    ck_assert_uint_eq(lichang_doc_quote_count(doc), 0);
  lichang_doc_free(doc);
  free(s);
}
END_TEST

START_TEST(article_quotes_nested_1000_deep) {
  const char *open = _i ? "“" : "「", *close = _i ? "”" : "」";
  const char *mid = "我們對明年的前景相當樂觀，";
  const char *head = "王明說："; /* a passage needs a speaker */
  size_t o = strlen(open), m = strlen(mid);
  size_t h = strlen(head);
  char *s = malloc(h + 1000 * (o + strlen(close) + m) + 1), *p = s + h;
  memcpy(s, head, h);
  for (int i = 0; i < 1000; i++, p += o + m) {
    memcpy(p, open, o);
    memcpy(p + o, mid, m);
  }
  for (int i = 0; i < 1000; i++, p += strlen(close))
    memcpy(p, close, strlen(close));
  *p = '\0';
  lichang_doc *doc = tag_n(s, (size_t)(p - s));
  /* Found, inside the marks, and not one passage per level. */
  ck_assert_uint_ge(lichang_doc_quote_count(doc), 1);
  ck_assert_uint_le(lichang_doc_quote_count(doc), 1000);
  lichang_span sp = lichang_quote_span(lichang_doc_quote(doc, 0));
  ck_assert_uint_ge(sp.start, h + o);
  ck_assert_uint_le(sp.end, (size_t)(p - s) - strlen(close));
  lichang_doc_free(doc);
  free(s);
}
END_TEST

START_TEST(article_binary) {
  /* A pseudo-random 256 KiB blob: tagged, with at most 16 invalid-UTF-8
   * warnings, a count of the rest, and the NUL warnings. */
  size_t n = scale(256u << 10);
  unsigned char *s = malloc(n);
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    s[i] = (unsigned char)x;
  }
  lichang_doc *doc = tag_n((const char *)s, n);
  size_t w = lichang_doc_warning_count(doc);
  ck_assert_uint_le(w, 19);
  ck_assert_ptr_nonnull(strstr(lichang_doc_warning(doc, 0), "byte "));
  bool more = false;
  for (size_t i = 0; i < w; i++)
    more |= strstr(lichang_doc_warning(doc, i), "more invalid UTF-8") != NULL;
  ck_assert(more);
  lichang_doc_free(doc);
  free(s);
}
END_TEST

START_TEST(article_over_max_bytes) {
  lichang_options o = LICHANG_OPTIONS_INIT;
  o.max_bytes = 100;
  lichang_tagger *tg;
  lichang_error err;
  ck_assert_int_eq(lichang_tagger_new(&tg, builtin(), &o, &err), 0);
  char s[201];
  memset(s, 'a', 200);
  lichang_doc *doc = (lichang_doc *)1;
  ck_assert_int_eq(lichang_tag(&doc, tg, s, 200, &err), LICHANG_ELIMIT);
  ck_assert_ptr_null(doc);
  ck_assert_str_eq(err.message, "byte 100: article is 200 bytes, limit is 100");
  ck_assert_uint_eq(err.offset, 100);
  lichang_tagger_free(tg);
}
END_TEST

/* ---- lexicons ---- */

static const struct {
  const char *file, *text;
  int code;
  const char *message; /* NULL: loads */
} lexicon_rows[] = {
    {"stance.txt", "乐观\toptimistc\t1\n", LICHANG_EDICT,
     "stance.txt:1:4: unknown stance 'optimistc'"},
    {"stance.txt", "乐观\toptimistic\tnan\n", LICHANG_EDICT,
     "stance.txt:1:15: bad number 'nan'"},
    {"stance.txt", "乐观\toptimistic\tNaN\n", LICHANG_EDICT,
     "stance.txt:1:15: bad number 'NaN'"},
    {"stance.txt", "乐观\toptimistic\tinf\n", LICHANG_EDICT,
     "stance.txt:1:15: bad number 'inf'"},
    {"stance.txt", "乐观\toptimistic\t-infinity\n", LICHANG_EDICT,
     "stance.txt:1:15: bad number '-infinity'"},
    {"stance.txt", "乐观\toptimistic\t-1\n", LICHANG_EDICT,
     "stance.txt:1:15: number -1 out of range [0, 10]"},
    {"modifiers.txt", "不\tnegator\t-2\n", LICHANG_EDICT,
     "modifiers.txt:1:11: number -2 out of range [0, 5]"},
    {"stance.txt", "乐观\toptimistic\t1e308\n", LICHANG_EDICT,
     "stance.txt:1:15: number 1e308 out of range [0, 10]"},
    {"stance.txt", "乐观\toptimistic\t1e999\n", LICHANG_EDICT,
     "stance.txt:1:15: bad number '1e999'"},
    {"idf.txt", "港口\t0x1p2000\n", LICHANG_EDICT,
     "idf.txt:1:4: bad number '0x1p2000'"},
    {"stance.txt", "乐观\toptimistic\t1.5x\n", LICHANG_EDICT,
     "stance.txt:1:15: bad number '1.5x'"},
    {"stance.txt", "\xEF\xBB\xBF# header\r\n乐观\toptimistic\t1.5\r\n"
                   "悲观\tskeptical\t1\r\n",
     0, NULL},
    {"stance.txt", "乐观\toptimistic\t1\n樂觀\tskeptical\t1\n", LICHANG_EDICT,
     "stance.txt:2:1: duplicate entry '樂觀' (same after folding script, "
     "case and width)"},
    {"stance.txt", "乐观\toptimistic\t1\n\n# c\nＡＢ\tcautious\t1\nab\tcautious\t1\n",
     LICHANG_EDICT,
     "stance.txt:5:1: duplicate entry 'ab' (same after folding script, case "
     "and width)"},
    {"rules.txt", "skeptical\t1\t(离|距离[^,.]{0,10}\n", LICHANG_ERULE,
     "rules.txt:1:29: pattern does not compile: missing closing parenthesis"},
    {"rules.txt", "skeptical\t1\tabc)\n", LICHANG_ERULE,
     "rules.txt:1:16: pattern does not compile: unmatched closing parenthesis"},
    {"stance.txt", "乐观\toptimistic\t1\x00\n", LICHANG_EDICT,
     "stance.txt:1:1: NUL byte in line"},
    {"stance.txt", "乐\xFF观\toptimistic\t1\n", LICHANG_EDICT,
     "stance.txt:1:2: invalid UTF-8 (byte 4 of the line)"},
};
#define NLEX (sizeof lexicon_rows / sizeof *lexicon_rows)

START_TEST(lexicon_row) {
  lichang_lexicon *lx = (lichang_lexicon *)1;
  lichang_error err;
  const char *text = lexicon_rows[_i].text;
  size_t len = strlen(text);
  if (strstr(lexicon_rows[_i].message ? lexicon_rows[_i].message : "", "NUL"))
    len += 2; /* the NUL and the newline after it */
  int rc = lichang__lexicon_parse_buffer(&lx, lexicon_rows[_i].file, text,
                                         len, &err);
  ck_assert_int_eq(rc, lexicon_rows[_i].code);
  if (rc == 0) {
    ck_assert_ptr_nonnull(lx);
    lichang_lexicon_free(lx);
    return;
  }
  ck_assert_ptr_null(lx);
  ck_assert_str_eq(err.message, lexicon_rows[_i].message);
  ck_assert_str_eq(err.file, lexicon_rows[_i].file);
}
END_TEST

START_TEST(lexicon_crlf_bom_values) {
  const char *text = "\xEF\xBB\xBF乐观\toptimistic\t1.5\r\n悲观\tskeptical\t1\r\n";
  lichang_lexicon *lx;
  ck_assert_int_eq(
      lichang__lexicon_parse_buffer(&lx, "stance.txt", text, strlen(text), NULL),
      0);
  const uint32_t le[] = {0x4E50, 0x89C2}; /* 乐观 */
  const lc_entry *e = lichang__lexicon_find(lx, le, 2);
  ck_assert_ptr_nonnull(e);
  ck_assert_int_eq(e->stance, LICHANG_OPTIMISTIC);
  ck_assert(fabsf(e->weight - 1.5f) < 1e-6);
  ck_assert_str_eq(e->surface, "乐观"); /* no BOM glued to it */
  const uint32_t bei[] = {0x60B2, 0x89C2}; /* 悲观 */
  ck_assert_ptr_nonnull(lichang__lexicon_find(lx, bei, 2));
  lichang_lexicon_free(lx);
}
END_TEST

/* The repository's dict/ with rules.txt replaced: a temporary folder of
 * symlinks to every other file, and the given rules. */
static lichang_lexicon *dict_with_rules(const char *rules, char *dir) {
  strcpy(dir, "/tmp/lichang-rules.XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  const char *names[] = {"stance.txt",  "topics.txt",   "modifiers.txt",
                         "stopwords.txt", "speech.txt", "titles.txt",
                         "people.txt",  "pronouns.txt", "surnames.txt",
                         "idf.txt"};
  char from[4096], to[4096];
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    snprintf(from, sizeof from, "%s/../dict/%s", LICHANG_TEST_DIR, names[i]);
    snprintf(to, sizeof to, "%s/%s", dir, names[i]);
    if (access(from, R_OK) == 0)
      ck_assert_int_eq(symlink(from, to), 0);
  }
  snprintf(to, sizeof to, "%s/rules.txt", dir);
  FILE *f = fopen(to, "w");
  ck_assert_ptr_nonnull(f);
  fputs(rules, f);
  fclose(f);
  lichang_lexicon *lx;
  lichang_error err;
  ck_assert_msg(lichang_lexicon_load(&lx, dir, &err) == 0, "%s", err.message);
  return lx;
}

static void remove_dir(const char *dir) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* A rule that backtracks catastrophically on a long passage: PCRE2's
 * limits stop it, the rule is skipped for that passage with a warning, and
 * the article is still tagged. */
START_TEST(lexicon_catastrophic_rule) {
  const char *rules = "skeptical\t1\t(a+)+$\t# nested quantifier\n"
                      "optimistic\t1\t(a|aa)+$\n";
  char dir[64];
  lichang_lexicon *lx = dict_with_rules(rules, dir);
  char s[4096];
  int n = snprintf(s, sizeof s, "王明說：「");
  memset(s + n, 'a', 3000);
  n += 3000;
  n += snprintf(s + n, sizeof s - (size_t)n, "!」");
  lichang_tagger *tg;
  lichang_error err;
  ck_assert_int_eq(lichang_tagger_new(&tg, lx, NULL, &err), 0);
  lichang_doc *doc;
  ck_assert_int_eq(lichang_tag(&doc, tg, s, (size_t)n, &err), 0);
  ck_assert_uint_ge(lichang_doc_quote_count(doc), 1);
  bool warned[2] = {false, false};
  for (size_t i = 0; i < lichang_doc_warning_count(doc); i++) {
    const char *w = lichang_doc_warning(doc, i);
    warned[0] |= strstr(w, "phrase rule rules.txt:1 skipped") != NULL;
    warned[1] |= strstr(w, "phrase rule rules.txt:2 skipped") != NULL;
  }
  ck_assert_msg(warned[0] && warned[1],
                "no warning names rules.txt:1 and :2 (%zu warnings: %s)",
                lichang_doc_warning_count(doc),
                lichang_doc_warning_count(doc) ? lichang_doc_warning(doc, 0)
                                               : "");
  ck_assert_ptr_nonnull(strstr(lichang_doc_warning(doc, 0), "byte 15: "));
  ck_assert_ptr_nonnull(
      strstr(lichang_doc_warning(doc, 0), ": match limit exceeded"));
  lichang_doc_free(doc);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  remove_dir(dir);
}
END_TEST

int main(void) {
  Suite *s = suite_create("hostile");
  TCase *tc = tcase_create("articles");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, article_empty);
  tcase_add_test(tc, article_whitespace_only);
  tcase_add_test(tc, article_bom_only);
  tcase_add_loop_test(tc, article_invalid_utf8, 0, (int)NBAD * 3);
  tcase_add_test(tc, article_nul_bytes);
  tcase_add_test(tc, article_5mb_paragraph_no_punctuation);
  tcase_add_loop_test(tc, article_100k_unbalanced_quotes, 0, 8);
  tcase_add_loop_test(tc, article_quotes_nested_1000_deep, 0, 2);
  tcase_add_test(tc, article_binary);
  tcase_add_test(tc, article_over_max_bytes);
  suite_add_tcase(s, tc);
  TCase *lx = tcase_create("lexicons");
  tcase_set_timeout(lx, 60);
  tcase_add_loop_test(lx, lexicon_row, 0, (int)NLEX);
  tcase_add_test(lx, lexicon_crlf_bom_values);
  tcase_add_test(lx, lexicon_catastrophic_rule);
  suite_add_tcase(s, lx);
  return run_suite(s);
}
