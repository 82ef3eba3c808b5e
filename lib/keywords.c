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

/* One distinct word: the key is its lexicon entry when it has one (entries
 * are one per folded string), else a hash of its code points. */
typedef struct {
  uint32_t first; /* token index of the first occurrence */
  uint32_t count;
  uint64_t key; /* 0: empty slot */
} kw_slot;

typedef struct {
  uint32_t first;
  double score;
} kw_best;

#define ENTRY_KEY (1ULL << 63)

static uint64_t hash_cps(const uint32_t *cp, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++)
    h = (h ^ cp[i]) * 1099511628211ULL;
  return (h & ~ENTRY_KEY) | 1;
}

static inline bool eligible(const lc_text *t, const lc_token *tok,
                            uint32_t kinds) {
  if (kinds & LC_K_TOPIC)
    return true;
  if (kinds & (LC_K_STOP | LC_K_SPEECH | LC_K_PRONOUN | LC_K_STANCE |
               LC_K_MODIFIER | LC_K_SURNAME))
    return false;
  size_t n = tok->end - tok->start;
  if (n < 2)
    return false;
  bool digit_only = true;
  for (size_t i = tok->start; i < tok->end; i++) {
    uint32_t c = t->cp[i];
    if (c == 0xFFFD)
      return false;
    digit_only &= c - '0' <= 9 || c == '.';
  }
  return !digit_only;
}

/* cp[0..n) == cq[0..n): inline, words are a few characters */
static inline bool same_cps(const uint32_t *cp, const uint32_t *cq, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (cp[i] != cq[i])
      return false;
  return true;
}

/* Better: higher score, then earlier first occurrence. */
static bool better(const kw_best *x, const kw_best *y) {
  if (x->score != y->score)
    return x->score > y->score;
  return x->first < y->first;
}

/* The counting table lives in the tagger, reused from article to article:
 * only the slots an article used are cleared after it, since clearing the
 * whole table cost more than the counting. */
#define KW_KEEP_SLOTS (1u << 16) /* 1.5 MiB: articles of ~30,000 words */

static int table_for(lichang_tagger *tg, size_t ntok, size_t *cap) {
  size_t c = 16;
  while (c < ntok * 2)
    c *= 2;
  if (c > tg->kw_table.len) {
    kw_slot *t = calloc(c, sizeof *t);
    if (!t)
      return LICHANG_ENOMEM;
    free(tg->kw_table.data);
    tg->kw_table.data = t;
    tg->kw_table.len = tg->kw_table.cap = c;
  }
  *cap = c;
  tg->kw_used.size = sizeof(uint32_t);
  tg->kw_used.len = 0;
  return 0;
}

int lichang__keywords(lichang_tagger *tg, lichang_doc *doc) {
  const lichang_lexicon *lx = tg->lx;
  const lc_text *t = &doc->text;
  const lc_token *tok = doc->tokens.data;
  const struct lc_entry_hot *hot = lx->hot;
  size_t ntok = doc->tokens.len, k = tg->opts.max_keywords;
  if (!ntok || !k)
    return 0;
  size_t cap;
  int rc = table_for(tg, ntok, &cap);
  if (rc)
    return rc;
  kw_slot *tab = tg->kw_table.data;
  for (size_t i = 0; i < ntok && !rc; i++) {
    bool e = tok[i].entry >= 0;
    if (!eligible(t, tok + i, tok[i].kinds))
      continue;
    const uint32_t *cp = t->cp + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    uint64_t key = e ? ENTRY_KEY | (uint64_t)tok[i].entry : hash_cps(cp, n);
    size_t j =
        (size_t)(key ^ (key >> 29)) * 0x9E3779B97F4A7C15ULL >> 7 & (cap - 1);
    for (;; j = (j + 1) & (cap - 1)) {
      kw_slot *s = tab + j;
      if (!s->key) {
        if (tg->kw_used.len == tg->kw_used.cap &&
            lichang__vec_grow(&tg->kw_used)) {
          rc = LICHANG_ENOMEM;
          break;
        }
        ((uint32_t *)tg->kw_used.data)[tg->kw_used.len++] = (uint32_t)j;
        s->key = key;
        s->first = (uint32_t)i;
        s->count = 1;
        break;
      }
      if (s->key != key)
        continue;
      const lc_token *f = tok + s->first;
      if ((key & ENTRY_KEY) ||
          (f->end - f->start == n && same_cps(t->cp + f->start, cp, n))) {
        s->count++;
        break;
      }
    }
  }
  /* Score, keeping the best k in order (k is small: insertion). */
  kw_best *best = rc ? NULL : malloc(k * sizeof *best);
  size_t nbest = 0;
  const uint32_t *used = tg->kw_used.data;
  for (size_t u = 0; best && u < tg->kw_used.len; u++) {
    const kw_slot *s = tab + used[u];
    const lc_token *f = tok + s->first;
    double idf = f->kinds & LC_K_IDF ? hot[f->entry].idf : lx->idf_default;
    kw_best c = {s->first, (double)s->count / (double)ntok * idf};
    if (f->kinds & LC_K_TOPIC)
      c.score *= 1.5;
    if (nbest == k && !better(&c, best + k - 1))
      continue;
    size_t at = nbest < k ? nbest++ : k - 1;
    while (at > 0 && better(&c, best + at - 1)) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = c;
  }
  for (size_t u = 0; u < tg->kw_used.len; u++)
    tab[used[u]].key = 0;
  /* After a huge article the table is given back (and remade at the next
   * one's size), so a batch's memory follows the articles in flight, not
   * the largest one the tagger ever met. */
  if (tg->kw_table.len > KW_KEEP_SLOTS) {
    lichang__vec_free(&tg->kw_table);
    lichang__vec_free(&tg->kw_used);
  }
  if (!best)
    return LICHANG_ENOMEM;
  for (size_t j = 0; j < nbest; j++) {
    const lc_token *f = tok + best[j].first;
    size_t a = t->off[f->start], b = t->off[f->end];
    lc_keyword *kw = lichang__vec_push(&doc->keywords);
    if (!kw ||
        !(kw->term = lichang__arena_strndup(&doc->arena, t->src + a, b - a))) {
      rc = LICHANG_ENOMEM;
      break;
    }
    kw->weight = round(best[j].score * 1000.0) / 1000.0;
  }
  free(best);
  return rc;
}
