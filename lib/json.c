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

static int put_str(lc_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  if (lichang__buf_put(b, "\"", 1))
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
      if (lichang__buf_put(b, p + i, j - i))
        return LICHANG_ENOMEM;
      i = j;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t step = lichang__utf8_next(p + i, n - i, &cp, &bad);
    int rc;
    if (cp == '"')
      rc = lichang__buf_put(b, "\\\"", 2);
    else if (cp == '\\')
      rc = lichang__buf_put(b, "\\\\", 2);
    else if (cp == '\n')
      rc = lichang__buf_put(b, "\\n", 2);
    else if (cp == '\t')
      rc = lichang__buf_put(b, "\\t", 2);
    else if (cp == '\r')
      rc = lichang__buf_put(b, "\\r", 2);
    else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
      char e[6] = {'\\',
                   'u',
                   hex[(cp >> 12) & 15],
                   hex[(cp >> 8) & 15],
                   hex[(cp >> 4) & 15],
                   hex[cp & 15]};
      rc = lichang__buf_put(b, e, 6);
    } else if (bad)
      rc = lichang__buf_put(b, "\xEF\xBF\xBD", 3);
    else
      rc = lichang__buf_put(b, p + i, step);
    if (rc)
      return rc;
    i += step;
  }
  return lichang__buf_put(b, "\"", 1);
}

static int put_cstr(lc_buf *b, const char *s) {
  return put_str(b, s ? s : "", s ? strlen(s) : 0);
}

static int put_num(lc_buf *b, double v) {
  if (!isfinite(v))
    v = 0;
  return lichang__buf_printf(b, "%.3g", round(v * 1000.0) / 1000.0);
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
  int rc = lichang__buf_puts(b, ",\"speakers\":[");
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
    rc = lichang__buf_puts(b, first ? "{\"name\":" : ",{\"name\":");
    first = false;
    if (!rc)
      rc = put_cstr(b, name);
    if (!rc)
      rc = lichang__buf_printf(
          b, ",\"quotes\":%u,\"stance\":\"%s\",\"score\":", count,
          lichang_stance_name((lichang_stance)best));
    if (!rc)
      rc = put_num(b, score);
    if (!rc)
      rc =
          lichang__buf_printf(b,
                              ",\"stances\":{\"optimistic\":%u,\"cautious\":%u,"
                              "\"skeptical\":%u,\"neutral\":%u}}",
                              per[LICHANG_OPTIMISTIC], per[LICHANG_CAUTIOUS],
                              per[LICHANG_SKEPTICAL], per[LICHANG_NEUTRAL]);
  }
  return rc ? rc : lichang__buf_puts(b, "]");
}

static int put_quote(lc_buf *b, const lichang_doc *doc,
                     const lichang_quote *q) {
  int rc = lichang__buf_printf(
      b, "{\"start\":%zu,\"end\":%zu,\"text\":", q->span.start, q->span.end);
  if (!rc)
    rc = put_str(b, doc->src + q->span.start, q->span.end - q->span.start);
  if (!rc)
    rc = lichang__buf_printf(b, ",\"kind\":\"%s\",\"speaker\":",
                             q->kind == LICHANG_INDIRECT ? "indirect"
                                                         : "direct");
  if (!rc)
    rc = put_cstr(b, q->speaker);
  if (!rc)
    rc = lichang__buf_printf(
        b, ",\"stance\":\"%s\",\"score\":", lichang_stance_name(q->stance));
  if (!rc)
    rc = put_num(b, q->score);
  if (!rc)
    rc = lichang__buf_puts(b, ",\"targets\":[");
  for (size_t i = 0; i < q->targets.len && !rc; i++) {
    if (i)
      rc = lichang__buf_puts(b, ",");
    if (!rc)
      rc = put_cstr(b, ((const char **)q->targets.data)[i]);
  }
  if (!rc)
    rc = lichang__buf_puts(b, "],\"evidence\":[");
  const lichang_evidence *ev = q->evidence.data;
  for (size_t i = 0; i < q->evidence.len && !rc; i++) {
    rc = lichang__buf_puts(b, i ? ",{\"rule\":" : "{\"rule\":");
    if (!rc)
      rc = put_cstr(b, ev[i].rule);
    if (!rc)
      rc = lichang__buf_puts(b, ",\"term\":");
    if (!rc)
      rc = put_cstr(b, ev[i].term);
    if (!rc)
      rc = lichang__buf_printf(b,
                               ",\"start\":%zu,\"end\":%zu,\"stance\":\"%s\","
                               "\"weight\":",
                               ev[i].span.start, ev[i].span.end,
                               lichang_stance_name(ev[i].stance));
    if (!rc)
      rc = put_num(b, ev[i].weight);
    if (!rc)
      rc = lichang__buf_puts(b, "}");
  }
  return rc ? rc : lichang__buf_puts(b, "]}");
}

char *lichang_doc_to_json(const lichang_doc *doc, const char *id, size_t *len) {
  if (!doc)
    return NULL;
  lc_buf b = {0};
  /* Room for a typical article's object at once, not six doublings. */
  int rc = lichang__buf_grow(&b, 1024 + doc->quotes.len * 512);
  if (!rc)
    rc = lichang__buf_puts(&b, "{\"id\":");
  if (!rc)
    rc = put_cstr(&b, id);
  if (!rc)
    rc = lichang__buf_printf(&b, ",\"chars\":%zu,\"keywords\":[",
                             doc->text.chars);
  const lc_keyword *kw = doc->keywords.data;
  for (size_t i = 0; i < doc->keywords.len && !rc; i++) {
    rc = lichang__buf_puts(&b, i ? ",{\"term\":" : "{\"term\":");
    if (!rc)
      rc = put_cstr(&b, kw[i].term);
    if (!rc)
      rc = lichang__buf_puts(&b, ",\"weight\":");
    if (!rc)
      rc = put_num(&b, kw[i].weight);
    if (!rc)
      rc = lichang__buf_puts(&b, "}");
  }
  if (!rc)
    rc = lichang__buf_puts(&b, "],\"quotes\":[");
  const lichang_quote *q = doc->quotes.data;
  for (size_t i = 0; i < doc->quotes.len && !rc; i++) {
    if (i)
      rc = lichang__buf_puts(&b, ",");
    if (!rc)
      rc = put_quote(&b, doc, q + i);
  }
  if (!rc)
    rc = lichang__buf_puts(&b, "]");
  if (!rc)
    rc = put_speakers(&b, doc);
  if (!rc && doc->warnings.len) {
    rc = lichang__buf_puts(&b, ",\"warnings\":[");
    for (size_t i = 0; i < doc->warnings.len && !rc; i++) {
      if (i)
        rc = lichang__buf_puts(&b, ",");
      if (!rc)
        rc = put_cstr(&b, ((const char **)doc->warnings.data)[i]);
    }
    if (!rc)
      rc = lichang__buf_puts(&b, "]");
  }
  if (!rc)
    rc = lichang__buf_puts(&b, "}");
  if (rc) {
    lichang__buf_free(&b);
    return NULL;
  }
  if (len)
    *len = b.len;
  return b.data;
}
