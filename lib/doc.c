/* The tagged article and its accessors. Everything a doc hands out is
 * borrowed from it and freed with it. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lichang__doc_warn(lichang_doc *doc, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (n < 0)
    return LICHANG_EINVAL;
  const char **slot = lichang__vec_push(&doc->warnings);
  if (!slot)
    return LICHANG_ENOMEM;
  *slot = lichang__arena_strndup(&doc->arena, msg,
                                 (size_t)n < sizeof msg ? (size_t)n
                                                        : sizeof msg - 1);
  if (!*slot) {
    doc->warnings.len--;
    return LICHANG_ENOMEM;
  }
  return 0;
}

void lichang_doc_free(lichang_doc *doc) {
  if (!doc)
    return;
  lichang_quote *q = doc->quotes.data;
  for (size_t i = 0; i < doc->quotes.len; i++) {
    lichang__vec_free(&q[i].targets);
    lichang__vec_free(&q[i].evidence);
  }
  lichang__vec_free(&doc->quotes);
  lichang__vec_free(&doc->mentions);
  lichang__vec_free(&doc->tokens);
  lichang__vec_free(&doc->keywords);
  lichang__vec_free(&doc->warnings);
  lichang__text_free(&doc->text);
  lichang__arena_free(&doc->arena);
  free(doc->src);
  free(doc);
}

size_t lichang_doc_chars(const lichang_doc *doc) {
  return doc ? doc->text.chars : 0;
}

void lichang_doc_decode_info(const lichang_doc *doc,
                             lichang_decode_info *info) {
  if (!info)
    return;
  memset(info, 0, sizeof *info);
  snprintf(info->encoding, sizeof info->encoding, "UTF-8");
  info->confidence = 100;
  info->first_invalid = (size_t)-1;
  if (!doc)
    return;
  /* lichang_decode counts a BOM as a character; the tagger skips it */
  info->chars = doc->text.chars + doc->text.bom;
  info->invalid = doc->text.invalid;
  info->first_invalid = doc->text.first_invalid;
}

size_t lichang_doc_keyword_count(const lichang_doc *doc) {
  return doc ? doc->keywords.len : 0;
}

const char *lichang_doc_keyword(const lichang_doc *doc, size_t i,
                                double *weight) {
  if (!doc || i >= doc->keywords.len)
    return NULL;
  const lc_keyword *k = (const lc_keyword *)doc->keywords.data + i;
  if (weight)
    *weight = k->weight;
  return k->term;
}

size_t lichang_doc_token_count(const lichang_doc *doc) {
  return doc ? doc->tokens.len : 0;
}

lichang_span lichang_doc_token(const lichang_doc *doc, size_t i) {
  lichang_span sp = {0, 0};
  if (doc && i < doc->tokens.len) {
    const lc_token *t = (const lc_token *)doc->tokens.data + i;
    sp.start = doc->text.off[t->start];
    sp.end = doc->text.off[t->end];
  }
  return sp;
}

size_t lichang_doc_token_folded(const lichang_doc *doc, size_t i, char *buf,
                                size_t size) {
  if (!doc || i >= doc->tokens.len)
    return 0;
  const lc_token *t = (const lc_token *)doc->tokens.data + i;
  size_t n = 0, copied = 0;
  bool full = false;
  for (uint32_t k = t->start; k < t->end; k++) {
    unsigned char one[4];
    size_t m = lichang__utf8_encode(doc->text.cp[k], one);
    if (buf && !full && copied + m < size) {
      memcpy(buf + copied, one, m);
      copied += m;
    } else
      full = true; /* never split a character */
    n += m;
  }
  if (buf && size)
    buf[copied] = '\0';
  return n;
}

size_t lichang_doc_warning_count(const lichang_doc *doc) {
  return doc ? doc->warnings.len : 0;
}

const char *lichang_doc_warning(const lichang_doc *doc, size_t i) {
  if (!doc || i >= doc->warnings.len)
    return NULL;
  return ((const char **)doc->warnings.data)[i];
}

size_t lichang_doc_quote_count(const lichang_doc *doc) {
  return doc ? doc->quotes.len : 0;
}

const lichang_quote *lichang_doc_quote(const lichang_doc *doc, size_t i) {
  if (!doc || i >= doc->quotes.len)
    return NULL;
  return (const lichang_quote *)doc->quotes.data + i;
}

lichang_span lichang_quote_span(const lichang_quote *q) {
  lichang_span none = {0, 0};
  return q ? q->span : none;
}

lichang_quote_kind lichang_quote_kind_of(const lichang_quote *q) {
  return q ? q->kind : LICHANG_DIRECT;
}

const char *lichang_quote_speaker(const lichang_quote *q) {
  return q && q->speaker ? q->speaker : "";
}

lichang_stance lichang_quote_stance(const lichang_quote *q, double *score) {
  if (score)
    *score = q ? q->score : 0.0;
  return q ? q->stance : LICHANG_NEUTRAL;
}

size_t lichang_quote_target_count(const lichang_quote *q) {
  return q ? q->targets.len : 0;
}

const char *lichang_quote_target(const lichang_quote *q, size_t i) {
  if (!q || i >= q->targets.len)
    return NULL;
  return ((const char **)q->targets.data)[i];
}

size_t lichang_quote_evidence_count(const lichang_quote *q) {
  return q ? q->evidence.len : 0;
}

const lichang_evidence *lichang_quote_evidence(const lichang_quote *q,
                                               size_t i) {
  if (!q || i >= q->evidence.len)
    return NULL;
  return (const lichang_evidence *)q->evidence.data + i;
}

void lichang_free(void *p) { free(p); }
