/* Stage 5: find quoted passages.
 *
 * Input: folded text and tokens. Output: doc->quotes with code point spans
 * and kind. This first version finds balanced direct quotes in “” 「」 『』
 * (nested marks stay inside the outer quote) and skips short scare quotes;
 * reported speech and broken typography come with the passages issue. */
#include "internal.h"

/* A quoted stretch this short with no clause punctuation is a term being
 * mentioned, not speech. */
#define SCARE_MAX 8

static int closer(uint32_t c) {
  switch (c) {
  case 0x201C:
    return 0x201D;
  case 0x300C:
    return 0x300D;
  case 0x300E:
    return 0x300F;
  default:
    return 0;
  }
}

static bool has_clause_punct(const uint32_t *cp, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (cp[i] == ',' || cp[i] == '.' || cp[i] == 0x3002 || cp[i] == '!' ||
        cp[i] == '?' || cp[i] == ';' || cp[i] == 0x3001)
      return true;
  return false;
}

int lichang__passages(lichang_tagger *tg, lichang_doc *doc) {
  (void)tg;
  const lc_text *t = &doc->text;
  size_t i = 0;
  while (i < t->n) {
    int want = closer(t->cp[i]);
    if (!want) {
      i++;
      continue;
    }
    uint32_t open = t->cp[i];
    size_t depth = 1, j = i + 1;
    for (; j < t->n && t->cp[j] != '\n'; j++) {
      if (t->cp[j] == open)
        depth++;
      else if (t->cp[j] == (uint32_t)want && --depth == 0)
        break;
    }
    if (j >= t->n || t->cp[j] != (uint32_t)want) { /* unclosed: skip mark */
      i++;
      continue;
    }
    size_t a = i + 1, b = j;
    if (b > a && (b - a > SCARE_MAX || has_clause_punct(t->cp, a, b))) {
      lichang_quote *q = lichang__vec_push(&doc->quotes);
      if (!q)
        return LICHANG_ENOMEM;
      q->start = (uint32_t)a;
      q->end = (uint32_t)b;
      q->kind = LICHANG_DIRECT;
      q->speaker = "";
      q->speaker_cp = -1;
      q->targets.size = sizeof(const char *);
      q->evidence.size = sizeof(lichang_evidence);
    }
    i = j + 1;
  }
  return 0;
}
