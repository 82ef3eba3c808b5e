/* JSON Lines output: one article, one object, one line.
 *
 * Strings are escaped per RFC 8259: quote, backslash and control characters
 * escaped, U+2028/2029 escaped (for JavaScript consumers), everything else
 * as UTF-8; bytes that are not valid UTF-8 become U+FFFD, so the output is
 * always valid JSON whatever the input held. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* lichang__buf_put, inline while there is room (the object's buffer is
 * sized for the article at once): the writer puts a few dozen pieces a
 * passage. */
static inline int put(lc_buf *b, const void *p, size_t n) {
  if (b->len + n + 1 > b->cap)
    return lichang__buf_put(b, p, n);
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}
static inline int put_s(lc_buf *b, const char *s) {
  return put(b, s, strlen(s));
}
/* A string literal, its length known at compile time. */
#define PUT_LIT(b, lit) put((b), (lit), sizeof(lit) - 1)

static int put_str(lc_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  if (put(b, "\"", 1))
    return LICHANG_ENOMEM;
  size_t i = 0;
  while (i < n) {
    /* Copy runs that need nothing done in one go: printable ASCII, and
     * well-formed 3-byte sequences other than U+2028/2029 (Han, CJK
     * punctuation) — nearly all of a Chinese passage. */
    size_t j = i;
    while (j < n) {
      unsigned char c = p[j];
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
        j++;
      else if (c >= 0xE1 && c <= 0xEC && j + 2 < n &&
               (p[j + 1] & 0xC0) == 0x80 && (p[j + 2] & 0xC0) == 0x80 &&
               !(c == 0xE2 && p[j + 1] == 0x80 && (p[j + 2] & 0xFE) == 0xA8))
        j += 3;
      else
        break;
    }
    if (j > i) {
      if (put(b, p + i, j - i))
        return LICHANG_ENOMEM;
      i = j;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t step = lichang__utf8_next(p + i, n - i, &cp, &bad);
    int rc;
    if (cp == '"')
      rc = put(b, "\\\"", 2);
    else if (cp == '\\')
      rc = put(b, "\\\\", 2);
    else if (cp == '\n')
      rc = put(b, "\\n", 2);
    else if (cp == '\t')
      rc = put(b, "\\t", 2);
    else if (cp == '\r')
      rc = put(b, "\\r", 2);
    else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
      char e[6] = {'\\',
                   'u',
                   hex[(cp >> 12) & 15],
                   hex[(cp >> 8) & 15],
                   hex[(cp >> 4) & 15],
                   hex[cp & 15]};
      rc = put(b, e, 6);
    } else if (bad)
      rc = put(b, "\xEF\xBF\xBD", 3);
    else
      rc = put(b, p + i, step);
    if (rc)
      return rc;
    i += step;
  }
  return put(b, "\"", 1);
}

static int put_cstr(lc_buf *b, const char *s) {
  return put_str(b, s ? s : "", s ? strlen(s) : 0);
}

/* An unsigned integer; printf costs a thousand instructions a number and
 * an article's line holds dozens. */
static int put_uint(lc_buf *b, size_t v) {
  char d[24];
  size_t k = sizeof d;
  do
    d[--k] = (char)('0' + v % 10);
  while (v /= 10);
  return put(b, d + k, sizeof d - k);
}

/* PREFIX start ,"end": end */
static int put_span(lc_buf *b, const char *prefix, size_t start, size_t end) {
  int rc = put_s(b, prefix);
  if (!rc)
    rc = put_uint(b, start);
  if (!rc)
    rc = PUT_LIT(b, ",\"end\":");
  return rc ? rc : put_uint(b, end);
}

/* Three plain strings in a row (no escaping: the caller's own words). */
static int put_words(lc_buf *b, const char *x, const char *y, const char *z) {
  int rc = put_s(b, x);
  if (!rc)
    rc = put_s(b, y);
  return rc ? rc : put_s(b, z);
}

/* A score or weight: rounded to thousandths, then as "%.3g" prints it.
 * When the thousandths have at most three significant digits and are under
 * 1000 (nearly every score and weight), %.3g prints them exactly with the
 * trailing zeros cut, and so does this; anything else goes to printf. */
static int put_num(lc_buf *b, double v) {
  if (!isfinite(v))
    v = 0;
  double r = round(v * 1000.0);
  if (fabs(r) < 1e6 && !(r == 0 && signbit(r))) {
    unsigned long a = (unsigned long)fabs(r), ip = a / 1000, fp = a % 1000;
    if (ip >= 100  ? fp == 0
        : ip >= 10 ? fp % 100 == 0
                   : ip < 1 || fp % 10 == 0) {
      char d[16];
      size_t k = 0;
      if (r < 0)
        d[k++] = '-';
      if (ip >= 100)
        d[k++] = (char)('0' + ip / 100);
      if (ip >= 10)
        d[k++] = (char)('0' + ip / 10 % 10);
      d[k++] = (char)('0' + ip % 10);
      if (fp) {
        d[k++] = '.';
        for (unsigned long div = 100; fp; div /= 10) {
          d[k++] = (char)('0' + fp / div);
          fp %= div;
        }
      }
      return put(b, d, k);
    }
  }
  return lichang__buf_printf(b, "%.3g", r / 1000.0);
}

/* Per speaker: passages, an overall stance, how sure it is, and the count of
 * passages per stance. Each leaning passage votes for its stance with
 * 0.1 + its score (a passage counts even when its own label is unsure);
 * neutral passages do not vote. With optimistic and skeptical votes both
 * present and the smaller at least 3/4 of the larger, the speaker is
 * cautious overall, as a passage weighing both sides is (stance.c); else
 * the stance with the most votes wins. The score is the winner's share of
 * all votes (for cautious by balance, 1 - |O - S| / total); 0 when no
 * passage leans, and the speaker is neutral. */
static int put_speakers(lc_buf *b, const lichang_doc *doc) {
  const lichang_quote *q = doc->quotes.data;
  size_t n = doc->quotes.len;
  int rc = PUT_LIT(b, ",\"speakers\":[");
  bool first = true;
  for (size_t i = 0; i < n && !rc; i++) {
    const char *name = q[i].speaker;
    if (!name || !*name)
      continue;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++)
      seen = q[j].speaker && strcmp(q[j].speaker, name) == 0;
    if (seen)
      continue;
    double sum[4] = {0};
    unsigned count = 0, per[4] = {0};
    for (size_t j = i; j < n; j++)
      if (q[j].speaker && strcmp(q[j].speaker, name) == 0) {
        count++;
        per[q[j].stance]++;
        sum[q[j].stance] += q[j].stance ? 0.1 + q[j].score : 0;
      }
    double O = sum[LICHANG_OPTIMISTIC], S = sum[LICHANG_SKEPTICAL];
    double total = O + S + sum[LICHANG_CAUTIOUS];
    double hi = O > S ? O : S, lo = O > S ? S : O, score = 0;
    int best = 0;
    if (total > 0 && lo > 0 && lo >= 0.75 * hi) {
      best = LICHANG_CAUTIOUS;
      score = 1.0 - (hi - lo) / total;
    } else if (total > 0) {
      for (int s = 1; s < 4; s++)
        if (sum[s] > sum[best])
          best = s;
      score = sum[best] / total;
    }
    rc = put_s(b, first ? "{\"name\":" : ",{\"name\":");
    first = false;
    if (!rc)
      rc = put_cstr(b, name);
    if (!rc)
      rc = PUT_LIT(b, ",\"quotes\":");
    if (!rc)
      rc = put_uint(b, count);
    if (!rc)
      rc =
          put_words(b, ",\"stance\":\"",
                    lichang_stance_name((lichang_stance)best), "\",\"score\":");
    if (!rc)
      rc = put_num(b, score);
    static const lichang_stance order[] = {
        LICHANG_OPTIMISTIC, LICHANG_CAUTIOUS, LICHANG_SKEPTICAL,
        LICHANG_NEUTRAL};
    for (size_t i = 0; i < 4 && !rc; i++) {
      rc = put_words(b, i ? ",\"" : ",\"stances\":{\"",
                     lichang_stance_name(order[i]), "\":");
      if (!rc)
        rc = put_uint(b, per[order[i]]);
    }
    if (!rc)
      rc = PUT_LIT(b, "}}");
  }
  return rc ? rc : PUT_LIT(b, "]");
}

static int put_quote(lc_buf *b, const lichang_doc *doc,
                     const lichang_quote *q) {
  int rc = put_span(b, "{\"start\":", q->span.start, q->span.end);
  if (!rc)
    rc = PUT_LIT(b, ",\"text\":");
  if (!rc)
    rc = put_str(b, doc->src + q->span.start, q->span.end - q->span.start);
  if (!rc)
    rc = put_s(b, q->kind == LICHANG_INDIRECT
                      ? ",\"kind\":\"indirect\",\"speaker\":"
                      : ",\"kind\":\"direct\",\"speaker\":");
  if (!rc)
    rc = put_cstr(b, q->speaker);
  if (!rc)
    rc = put_words(b, ",\"stance\":\"", lichang_stance_name(q->stance),
                   "\",\"score\":");
  if (!rc)
    rc = put_num(b, q->score);
  if (!rc)
    rc = PUT_LIT(b, ",\"targets\":[");
  for (size_t i = 0; i < q->targets.len && !rc; i++) {
    if (i)
      rc = PUT_LIT(b, ",");
    if (!rc)
      rc = put_cstr(b, ((const char **)q->targets.data)[i]);
  }
  if (!rc)
    rc = PUT_LIT(b, "],\"evidence\":[");
  const lichang_evidence *ev = q->evidence.data;
  for (size_t i = 0; i < q->evidence.len && !rc; i++) {
    rc = put_s(b, i ? ",{\"rule\":" : "{\"rule\":");
    if (!rc)
      rc = put_cstr(b, ev[i].rule);
    if (!rc)
      rc = PUT_LIT(b, ",\"term\":");
    if (!rc)
      rc = put_cstr(b, ev[i].term);
    if (!rc)
      rc = put_span(b, ",\"start\":", ev[i].span.start, ev[i].span.end);
    if (!rc)
      rc = put_words(b, ",\"stance\":\"", lichang_stance_name(ev[i].stance),
                     "\",\"weight\":");
    if (!rc)
      rc = put_num(b, ev[i].weight);
    if (!rc)
      rc = PUT_LIT(b, "}");
  }
  return rc ? rc : PUT_LIT(b, "]}");
}

char *lichang_doc_to_json(const lichang_doc *doc, const char *id, size_t *len) {
  if (!doc)
    return NULL;
  /* Room for a typical article's object at once, not six doublings (and
   * not zeroed, as lichang__buf_grow does for PCRE2's subjects). */
  lc_buf b = {0};
  b.cap = 1024 + doc->quotes.len * 512;
  b.data = malloc(b.cap);
  int rc = b.data ? 0 : LICHANG_ENOMEM;
  if (!rc)
    b.data[0] = '\0';
  if (!rc)
    rc = PUT_LIT(&b, "{\"id\":");
  if (!rc)
    rc = put_cstr(&b, id);
  if (!rc)
    rc = PUT_LIT(&b, ",\"chars\":");
  if (!rc)
    rc = put_uint(&b, doc->text.chars);
  if (!rc)
    rc = PUT_LIT(&b, ",\"keywords\":[");
  const lc_keyword *kw = doc->keywords.data;
  for (size_t i = 0; i < doc->keywords.len && !rc; i++) {
    rc = put_s(&b, i ? ",{\"term\":" : "{\"term\":");
    if (!rc)
      rc = put_cstr(&b, kw[i].term);
    if (!rc)
      rc = PUT_LIT(&b, ",\"weight\":");
    if (!rc)
      rc = put_num(&b, kw[i].weight);
    if (!rc)
      rc = PUT_LIT(&b, "}");
  }
  if (!rc)
    rc = PUT_LIT(&b, "],\"quotes\":[");
  const lichang_quote *q = doc->quotes.data;
  for (size_t i = 0; i < doc->quotes.len && !rc; i++) {
    if (i)
      rc = PUT_LIT(&b, ",");
    if (!rc)
      rc = put_quote(&b, doc, q + i);
  }
  if (!rc)
    rc = PUT_LIT(&b, "]");
  if (!rc)
    rc = put_speakers(&b, doc);
  if (!rc && doc->warnings.len) {
    rc = PUT_LIT(&b, ",\"warnings\":[");
    for (size_t i = 0; i < doc->warnings.len && !rc; i++) {
      if (i)
        rc = PUT_LIT(&b, ",");
      if (!rc)
        rc = put_cstr(&b, ((const char **)doc->warnings.data)[i]);
    }
    if (!rc)
      rc = PUT_LIT(&b, "]");
  }
  if (!rc)
    rc = PUT_LIT(&b, "}");
  if (rc) {
    lichang__buf_free(&b);
    return NULL;
  }
  if (len)
    *len = b.len;
  return b.data;
}
