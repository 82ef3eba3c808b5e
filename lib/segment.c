/* Stage 3: segment the folded text into words.
 *
 * Input: lc_text. Output: lc_token spans covering every word (punctuation
 * and spaces are left out). ICU's dictionary-based word BreakIterator
 * (locale zh) proposes the words; then the lexicon overlays its own
 * multi-character entries (terms, names, speech verbs) by longest match,
 * the way a user dictionary does in jieba: ICU cuts 物理世界 into 物理/世界
 * and leaves 他认为 whole; after the overlay they are 物理世界 and 他/认为.
 *
 * An overlay match must share at least one edge with ICU's words, so that
 * an entry never glues the end of one word to the start of the next
 * (中国|人民 does not yield 国人). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

#define WORD_CACHE 8192 /* entries: 128 KiB a tagger */

int lichang__segmenter_init(lc_segmenter *s, lichang_error *err) {
  memset(s, 0, sizeof *s);
  s->bounds.size = sizeof(uint32_t);
  s->cache = calloc(WORD_CACHE, sizeof *s->cache);
  if (!s->cache)
    return lichang__error(err, LICHANG_ENOMEM, "out of memory");
  UErrorCode st = U_ZERO_ERROR;
  s->brk = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
  if (U_FAILURE(st))
    return lichang__error(err, LICHANG_EINPUT,
                          "cannot open ICU word break iterator: %s",
                          u_errorName(st));
  return 0;
}

void lichang__segmenter_free(lc_segmenter *s) {
  if (s->brk)
    ubrk_close(s->brk);
  free(s->u16);
  free(s->cache);
  lichang__vec_free(&s->bounds);
  memset(s, 0, sizeof *s);
}

/* ICU word boundaries of t, as code point indexes, into s->bounds. */
static int icu_bounds(lc_segmenter *s, const lc_text *t) {
  /* Exactly the UTF-16 length: sized by 2n, with a UTF-16 -> code point
   * map beside it, this was twelve bytes a character, the largest item in
   * a long article's memory. Boundaries come in order, so a cursor maps
   * them back instead. */
  size_t astral = t->astral;
  size_t need = t->n + astral + 1;
  if (need > s->u16_cap) {
    uint16_t *a = realloc(s->u16, need * sizeof *a);
    if (!a)
      return LICHANG_ENOMEM;
    s->u16 = a;
    s->u16_cap = need;
  }
  size_t k = 0;
  if (!astral) /* nearly always: one unit a code point, a loop the compiler
                  vectorises */
    for (; k < t->n; k++)
      s->u16[k] = (uint16_t)t->cp[k];
  else
    for (size_t i = 0; i < t->n; i++) {
      uint32_t c = t->cp[i];
      if (c >= 0x10000) {
        s->u16[k++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
        s->u16[k++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else
        s->u16[k++] = (uint16_t)c;
    }
  s->bounds.len = 0;
  UErrorCode st = U_ZERO_ERROR;
  ubrk_setText(s->brk, (const UChar *)s->u16, (int32_t)k, &st);
  if (U_FAILURE(st))
    return LICHANG_EINPUT;
  size_t unit = 0, cp = 0; /* UTF-16 index `unit` is code point `cp` */
  for (int32_t b = ubrk_first(s->brk); b != UBRK_DONE; b = ubrk_next(s->brk)) {
    if (!astral)
      cp = (size_t)b;
    else
      while (unit < (size_t)b && cp < t->n)
        unit += t->cp[cp++] >= 0x10000 ? 2 : 1;
    /* Pushed by hand: lichang__vec_push would zero each slot first. */
    if (s->bounds.len == s->bounds.cap && lichang__vec_grow(&s->bounds))
      return LICHANG_ENOMEM;
    ((uint32_t *)s->bounds.data)[s->bounds.len++] = (uint32_t)cp;
  }
  return 0;
}

/* Longest overlay entry starting at i, in code points (0 if none). The walk
 * ends where no overlay entry lies further down the trie: most characters
 * start none, and cost one table read. */
static size_t overlay_match(const lichang_lexicon *lx, const lc_text *t,
                            size_t i, int32_t *entry, uint32_t *kinds) {
  uint32_t node = 0;
  size_t best = 0;
  for (size_t j = i; j < t->n && j - i < lx->max_chars; j++) {
    if (!(node = lichang__overlay_step(lx, node, t->cp[j])))
      break;
    /* the node's own record, just read by the step, says it all (the
     * side arrays the lexicon once had here were two more cache lines) */
    const lc_trie_node *nd = lx->tnodes + node;
    if ((nd->here & LC_K_OVERLAY) && j > i) {
      best = j - i + 1;
      *entry = nd->entry;
      *kinds = nd->here;
    }
  }
  return best;
}

/* The lexicon entry of the word t->cp[a..b), or -1, and its kinds. Inline
 * but for the look-ups the cache cannot answer: it runs for every word. */
static inline __attribute__((always_inline)) int32_t
find(lc_segmenter *s, const lichang_lexicon *lx, const lc_text *t, size_t a,
     size_t b, uint32_t *kinds) {
  uint64_t key = 0;
  size_t n = b - a;
  if (n <= 3) {
    const uint32_t *cp = t->cp + a;
    /* one to three characters, unrolled */
    key = cp[0];
    if (n > 1)
      key |= (uint64_t)cp[1] << 21;
    if (n > 2)
      key |= (uint64_t)cp[2] << 42;
    struct lc_word_cache *c =
        s->cache + ((key * 0x9E3779B97F4A7C15ULL) >> 40 & (WORD_CACHE - 1));
    if (c->key != key) {
      c->key = key;
      c->entry = lichang__lexicon_find_index(lx, t->cp + a, b - a, &c->kinds);
    }
    *kinds = c->kinds;
    return c->entry;
  }
  return lichang__lexicon_find_index(lx, t->cp + a, b - a, kinds);
}

static inline __attribute__((always_inline)) int
emit(lc_segmenter *s, const lichang_lexicon *lx, const lc_text *t,
     lc_vec *tokens, size_t a, size_t b, int32_t entry, uint32_t kinds) {
  /* Drop tokens that hold no word character (spaces, punctuation). */
  bool word = false;
  for (size_t i = a; i < b && !word; i++)
    word = lichang__is_word_cp(t->cp[i]);
  if (!word)
    return 0;
  /* Pushed by hand: every field is set, so the slot need not be zeroed. */
  if (tokens->len == tokens->cap && lichang__vec_grow(tokens))
    return LICHANG_ENOMEM;
  lc_token *tok = (lc_token *)tokens->data + tokens->len++;
  tok->start = (uint32_t)a;
  tok->end = (uint32_t)b;
  if (entry < 0)
    entry = find(s, lx, t, a, b, &kinds);
  tok->entry = entry;
  tok->kinds = kinds;
  return 0;
}

/* The scratch a tagger keeps between articles stays small: after a huge
 * article it is given back, so a batch's memory is bounded by the articles
 * in flight, not by the largest one it ever met. */
#define KEEP_UNITS (1u << 20)

static void trim(lc_segmenter *s) {
  if (s->u16_cap > KEEP_UNITS) {
    free(s->u16);
    s->u16 = NULL;
    s->u16_cap = 0;
    ubrk_setText(s->brk, NULL, 0, &(UErrorCode){U_ZERO_ERROR});
  }
  if (s->bounds.cap > KEEP_UNITS)
    lichang__vec_free(&s->bounds);
}

static int segment(lc_segmenter *s, const lichang_lexicon *lx,
                   const lc_text *t, lc_vec *tokens);

int lichang__segment(lc_segmenter *s, const lichang_lexicon *lx,
                     const lc_text *t, lc_vec *tokens) {
  int rc = segment(s, lx, t, tokens);
  trim(s);
  return rc;
}

static int segment(lc_segmenter *s, const lichang_lexicon *lx,
                   const lc_text *t, lc_vec *tokens) {
  tokens->len = 0;
  if (t->n == 0)
    return 0;
  /* Words average under two characters: reserve once, not by doubling. */
  size_t want = t->n / 2 + 16;
  if (tokens->cap < want) {
    void *p = realloc(tokens->data, want * tokens->size);
    if (!p)
      return LICHANG_ENOMEM;
    tokens->data = p;
    tokens->cap = want;
  }
  int rc = icu_bounds(s, t);
  if (rc)
    return rc;
  const uint32_t *B = s->bounds.data;
  size_t nb = s->bounds.len, bi = 0; /* B[bi] <= pos < B[bi+1] */
  /* is_bound[pos] would cost memory; B is sorted, so walk it alongside. */
  size_t pos = 0, last = t->n - 1;
  const uint32_t *cp = t->cp;
  while (pos < t->n) {
    while (bi + 1 < nb && B[bi + 1] <= pos)
      bi++;
    size_t word_end = bi + 1 < nb ? B[bi + 1] : t->n;
    /* Find the first overlay match in [pos, word_end) that shares an edge
     * with ICU's words. */
    size_t q = pos, len = 0;
    int32_t entry = -1;
    uint32_t kinds = 0;
    /* an entry is at least two characters: none starts at the last */
    size_t qend = word_end < last ? word_end : last;
    for (; q < qend; q++) {
      /* most positions start no entry, and the walk's first steps read
       * tables ICU's dictionary needs the cache for more */
      if (!lichang__overlay_pair(lx, cp[q], cp[q + 1]))
        continue;
      len = overlay_match(lx, t, q, &entry, &kinds);
      if (!len)
        continue;
      bool starts = q == pos; /* an ICU bound or the end of a token */
      size_t end = q + len, k = bi;
      while (k + 1 < nb && B[k + 1] < end)
        k++;
      bool ends = (k + 1 < nb && B[k + 1] == end) || end == t->n;
      if (starts || ends)
        break;
      len = 0;
    }
    if (len) {
      if (q > pos && (rc = emit(s, lx, t, tokens, pos, q, -1, 0)))
        return rc;
      if ((rc = emit(s, lx, t, tokens, q, q + len, entry, kinds)))
        return rc;
      pos = q + len;
    } else {
      if ((rc = emit(s, lx, t, tokens, pos, word_end, -1, 0)))
        return rc;
      pos = word_end;
      bi++; /* B[bi + 1] was word_end (or bi is past the last bound) */
    }
  }
  return 0;
}
