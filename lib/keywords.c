/* Stage 4: the article's keywords by TF-IDF over its tokens.
 *
 * Input: tokens. Output: doc->keywords, best first, each with the surface
 * form of its first occurrence. IDF comes from the lexicon's idf.txt (built
 * by `lichang idf` from a news corpus); words it lacks get the default,
 * i.e. are treated as rare. Stop words, speech verbs, pronouns, modifiers,
 * numbers and single characters are never keywords; lexicon topic terms
 * always qualify, and weigh more, since they name what an article is about. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint32_t first; /* token index of the first occurrence */
  uint32_t count;
  uint64_t hash;
  double score;
} kw_slot;

static uint64_t hash_cps(const uint32_t *cp, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++)
    h = (h ^ cp[i]) * 1099511628211ULL;
  return h | 1;
}

static bool eligible(const lc_text *t, const lc_token *tok, const lc_entry *e) {
  if (e && (e->kinds & LC_K_TOPIC))
    return true;
  if (e && (e->kinds & (LC_K_STOP | LC_K_SPEECH | LC_K_PRONOUN | LC_K_STANCE |
                        LC_K_MODIFIER | LC_K_SURNAME)))
    return false;
  size_t n = tok->end - tok->start;
  if (n < 2)
    return false;
  bool digit_only = true;
  for (size_t i = tok->start; i < tok->end; i++) {
    uint32_t c = t->cp[i];
    if (!(c >= '0' && c <= '9') && c != '.')
      digit_only = false;
    if (c == 0xFFFD)
      return false;
  }
  return !digit_only;
}

static int by_score(const void *a, const void *b) {
  const kw_slot *x = a, *y = b;
  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return x->first < y->first ? -1 : x->first > y->first;
}

int lichang__keywords(lichang_tagger *tg, lichang_doc *doc) {
  const lichang_lexicon *lx = tg->lx;
  const lc_text *t = &doc->text;
  const lc_token *tok = doc->tokens.data;
  const lc_entry *ents = lx->entries.data;
  size_t ntok = doc->tokens.len;
  if (!ntok || !tg->opts.max_keywords)
    return 0;
  size_t cap = 16;
  while (cap < ntok * 2)
    cap *= 2;
  kw_slot *tab = calloc(cap, sizeof *tab);
  if (!tab)
    return LICHANG_ENOMEM;
  size_t distinct = 0;
  for (size_t i = 0; i < ntok; i++) {
    const lc_entry *e = tok[i].entry >= 0 ? ents + tok[i].entry : NULL;
    if (!eligible(t, tok + i, e))
      continue;
    const uint32_t *cp = t->cp + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    uint64_t h = hash_cps(cp, n);
    size_t j = (size_t)h & (cap - 1);
    for (;; j = (j + 1) & (cap - 1)) {
      kw_slot *s = tab + j;
      if (!s->hash) {
        s->hash = h;
        s->first = (uint32_t)i;
        s->count = 1;
        distinct++;
        break;
      }
      const lc_token *f = tok + s->first;
      if (s->hash == h && f->end - f->start == n &&
          memcmp(t->cp + f->start, cp, n * sizeof *cp) == 0) {
        s->count++;
        break;
      }
    }
  }
  /* Compact, score, sort. */
  size_t k = 0;
  for (size_t j = 0; j < cap; j++) {
    if (!tab[j].hash)
      continue;
    const lc_token *f = tok + tab[j].first;
    const lc_entry *e = f->entry >= 0 ? ents + f->entry : NULL;
    double idf = e && (e->kinds & LC_K_IDF) ? e->idf : lx->idf_default;
    double score = (double)tab[j].count / (double)ntok * idf;
    if (e && (e->kinds & LC_K_TOPIC))
      score *= 1.5;
    tab[k] = tab[j];
    tab[k++].score = score;
  }
  qsort(tab, k, sizeof *tab, by_score);
  int rc = 0;
  for (size_t j = 0; j < k && j < tg->opts.max_keywords; j++) {
    const lc_token *f = tok + tab[j].first;
    size_t a = t->off[f->start], b = t->off[f->end];
    lc_keyword *kw = lichang__vec_push(&doc->keywords);
    if (!kw || !(kw->term = lichang__arena_strndup(&doc->arena, t->src + a,
                                                   b - a))) {
      rc = LICHANG_ENOMEM;
      break;
    }
    kw->weight = round(tab[j].score * 1000.0) / 1000.0;
  }
  (void)distinct;
  free(tab);
  return rc;
}
