/* fuzz_tag: an article's bytes through lichang_tag, checking every promise
 * the API makes about the result.
 *
 * Like cmark's harness, the first two bytes choose the options, so one
 * corpus explores them all:
 *   byte 0, bits 0-2: input encoding, read through lichang_decode() the way
 *                     `lichang tag --encoding` does: none (the bytes go to
 *                     lichang_tag as they are), UTF-8, GB18030, Big5,
 *                     UTF-16, GBK, auto, UTF-16LE;
 *           bits 3-4: max_keywords (10, 0, 1, 1000);
 *           bit 5:    max_bytes = 64 * byte 1 (else no limit);
 *           bit 6:    tag twice with the same tagger, expect equal JSON.
 * The rest is the article. Failures abort, so libFuzzer and the replay
 * driver both report them. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c)) {                                                                \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);     \
      abort();                                                                 \
    }                                                                          \
  } while (0)

static lichang_lexicon *lexicon;

/* A JSON line is valid UTF-8 with no raw control characters. */
static void check_json(const char *s, size_t n) {
  CHECK(s && strlen(s) == n && n >= 2 && s[0] == '{' && s[n - 1] == '}');
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    bool bad;
    CHECK((unsigned char)s[i] >= 0x20);
    i += lichang__utf8_next((const unsigned char *)s + i, n - i, &cp, &bad);
    CHECK(!bad);
  }
}

static void check_span(lichang_span sp, size_t len) {
  CHECK(sp.start <= sp.end && sp.end <= len);
}

static void check_doc(const lichang_doc *doc, size_t len) {
  CHECK(lichang_doc_chars(doc) <= len);
  size_t prev = 0;
  for (size_t i = 0; i < lichang_doc_token_count(doc); i++) {
    lichang_span sp = lichang_doc_token(doc, i);
    check_span(sp, len);
    CHECK(sp.start < sp.end && sp.start >= prev);
    prev = sp.start;
    char small[4];
    size_t full = lichang_doc_token_folded(doc, i, small, sizeof small);
    CHECK(full > 0 && strlen(small) < sizeof small);
  }
  for (size_t i = 0; i < lichang_doc_keyword_count(doc); i++) {
    double w = -1;
    CHECK(lichang_doc_keyword(doc, i, &w) != NULL && isfinite(w));
  }
  for (size_t i = 0; i < lichang_doc_warning_count(doc); i++)
    CHECK(lichang_doc_warning(doc, i) != NULL);
  size_t nq = lichang_doc_quote_count(doc);
  CHECK(lichang_doc_quote(doc, nq) == NULL);
  for (size_t i = 0; i < nq; i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    CHECK(q != NULL);
    check_span(lichang_quote_span(q), len);
    CHECK(lichang_quote_speaker(q) != NULL);
    double score = -1;
    lichang_stance st = lichang_quote_stance(q, &score);
    CHECK(st <= LICHANG_SKEPTICAL && score >= 0 && score <= 1);
    for (size_t k = 0; k < lichang_quote_target_count(q); k++)
      CHECK(lichang_quote_target(q, k) != NULL);
    for (size_t k = 0; k < lichang_quote_evidence_count(q); k++) {
      const lichang_evidence *ev = lichang_quote_evidence(q, k);
      CHECK(ev && ev->rule && ev->term && isfinite(ev->weight));
      check_span(ev->span, len);
    }
  }
}

/* Decodes through the library; checks what lichang_decode promises: valid
 * UTF-8 out, invalid sequences counted with the first one's offset. */
static char *decode(const char *encoding, const uint8_t *data, size_t size,
                    size_t *len) {
  char *out = NULL;
  lichang_decode_info info;
  lichang_error err;
  int rc = lichang_decode(&out, len, (const char *)data, size, encoding,
                          &info, &err);
  if (rc == LICHANG_EINPUT) /* ICU could not convert: said, not crashed */
    return NULL;
  CHECK(rc == 0 && out != NULL && out[*len] == '\0');
  CHECK(info.invalid <= info.chars);
  CHECK(info.invalid ? info.first_invalid < size
                     : info.first_invalid == (size_t)-1);
  CHECK(info.confidence >= 0 && info.confidence <= 100);
  CHECK(memchr(info.encoding, '\0', sizeof info.encoding) != NULL);
  for (size_t i = 0; i < *len;) {
    uint32_t cp;
    bool bad;
    i += lichang__utf8_next((const unsigned char *)out + i, *len - i, &cp,
                            &bad);
    CHECK(!bad);
  }
  return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const charsets[] = {NULL,     "UTF-8", "GB18030",
                                         "Big5",   "UTF-16", "GBK",
                                         "auto",   "UTF-16LE"};
  static const unsigned keywords[] = {10, 0, 1, 1000};
  lichang_error err;
  if (!lexicon && lichang_lexicon_builtin(&lexicon, &err) < 0) {
    fprintf(stderr, "%s\n", err.message);
    abort();
  }
  if (size < 2 || size > (1u << 20))
    return 0;
  lichang_options opts = LICHANG_OPTIONS_INIT;
  const char *charset = charsets[data[0] & 7];
  opts.max_keywords = keywords[(data[0] >> 3) & 3];
  if (data[0] & 0x20)
    opts.max_bytes = 64u * data[1];
  bool twice = data[0] & 0x40;
  data += 2;
  size -= 2;

  size_t len = size;
  char *text = charset ? decode(charset, data, size, &len) : NULL;
  if (charset && !text)
    return 0;
  const char *in = charset ? text : (const char *)data;

  lichang_tagger *tg;
  CHECK(lichang_tagger_new(&tg, lexicon, &opts, &err) == 0);
  lichang_doc *doc;
  int rc = lichang_tag(&doc, tg, in, len, &err);
  if (opts.max_bytes && len > opts.max_bytes) {
    CHECK(rc == LICHANG_ELIMIT && doc == NULL);
    CHECK(err.offset == opts.max_bytes && strncmp(err.message, "byte ", 5) == 0);
  } else {
    CHECK(rc == 0 && doc != NULL);
    check_doc(doc, len);
    size_t n;
    char *json = lichang_doc_to_json(doc, "fuzz", &n);
    check_json(json, n);
    if (twice) {
      lichang_doc *again;
      CHECK(lichang_tag(&again, tg, in, len, &err) == 0);
      size_t m;
      char *json2 = lichang_doc_to_json(again, "fuzz", &m);
      CHECK(json2 && m == n && memcmp(json, json2, n) == 0);
      lichang_free(json2);
      lichang_doc_free(again);
    }
    lichang_free(json);
    lichang_doc_free(doc);
  }
  lichang_tagger_free(tg);
  lichang_free(text);
  return 0;
}
