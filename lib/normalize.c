/* Stage 1-2: decode and normalise for matching.
 *
 * Input: the article's bytes. Output: lc_text, the folded code points
 * (NFKC, case folded, Traditional Han mapped to Simplified) with, for each,
 * the byte offset of the original character it came from. Invariant: off[]
 * is non-decreasing and off[n] == len, so any range of folded code points
 * maps back to a byte span of the original.
 *
 * Folding is per character, so the mapping back stays exact. NFKC's
 * composition across characters (a letter plus a combining mark) is done
 * inside one character only; news text in Chinese does not rely on it. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

extern const uint16_t lichang__t2s_first, lichang__t2s_last;
extern const uint16_t lichang__t2s[];
extern const uint64_t lichang__t2s_changed[];

bool lichang__is_word_other(uint32_t cp) {
  /* CJK and general punctuation, the rest of news text: none is a letter
   * or digit (checked against utf8proc over these ranges). */
  if ((cp >= 0x3001 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
      (cp >= 0x2010 && cp <= 0x2027))
    return false;
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
         c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
         c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND;
}

/* t2s for BMP Han (U+4E00..U+9FFF, inside the table's range). */
static inline uint32_t t2s_han(uint32_t cp) {
  uint32_t i = cp - lichang__t2s_first;
  return lichang__t2s_changed[i / 64] & (1ULL << (i % 64)) ? lichang__t2s[i]
                                                            : cp;
}

static inline uint32_t t2s(uint32_t cp) {
  if (cp >= lichang__t2s_first && cp <= lichang__t2s_last) {
    uint32_t i = cp - lichang__t2s_first;
    if (lichang__t2s_changed[i / 64] & (1ULL << (i % 64)))
      return lichang__t2s[i];
  }
  return cp;
}

size_t lichang__fold_cp(uint32_t cp, uint32_t out[8]) {
  /* Fast paths: ASCII, BMP Han and CJK punctuation are most of the text. */
  if (cp < 0x80) {
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) {
    out[0] = t2s_han(cp);
    return 1;
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) { /* full-width ASCII */
    cp -= 0xFEE0;
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  /* CJK punctuation, kana and the quotation marks: folding leaves them as
   * they are (checked against utf8proc over both ranges), and they are the
   * rest of news text. */
  if (cp == 0xFFFD || (cp >= 0x3000 && cp <= 0x30FF) ||
      (cp >= 0x2010 && cp <= 0x2027)) {
    out[0] = cp;
    return 1;
  }
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      (utf8proc_int32_t)cp, buf, 8,
      UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, &last);
  if (n < 0 || n > 8) {
    out[0] = cp;
    return 1;
  }
  if (n > 1)
    n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (n < 0) {
    out[0] = cp;
    return 1;
  }
  for (utf8proc_ssize_t i = 0; i < n; i++)
    out[i] = t2s((uint32_t)buf[i]);
  return (size_t)n;
}

int lichang__fold_utf8(lc_buf *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    uint32_t cp, f[8];
    bool bad;
    i += lichang__utf8_next(p + i, n - i, &cp, &bad);
    size_t k = lichang__fold_cp(cp, f);
    for (size_t j = 0; j < k; j++)
      if (lichang__buf_put_cp(out, f[j]))
        return LICHANG_ENOMEM;
  }
  if (lichang__buf_grow(out, 0))
    return LICHANG_ENOMEM;
  out->data[out->len] = '\0';
  return 0;
}

/* How many bytes of p[0..n) are not UTF-8 continuation bytes (10xxxxxx):
 * the characters, if it is valid. Eight bytes a step, counting in the
 * bytes of a word: bit 7 of (w & ~(w << 1)) is set in each byte that is
 * 10xxxxxx; 31 steps at most keep a byte's count, and their sum, < 256. */
static size_t count_starts(const unsigned char *p, size_t n) {
  const uint64_t high = 0x8080808080808080ULL;
  size_t i = 0, cont = 0;
  while (n - i >= 8) {
    uint64_t acc = 0;
    for (size_t steps = 0; steps < 31 && n - i >= 8; steps++, i += 8) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      acc += (w & ~(w << 1) & high) >> 7;
    }
    cont += (size_t)((acc * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; i++)
    cont += (p[i] & 0xC0) == 0x80;
  return n - cont;
}

int lichang__text_fold(lc_text *t, lichang_doc *doc, const char *src,
                       size_t len) {
  memset(t, 0, sizeof *t);
  t->src = src;
  t->len = len;
  const unsigned char *p = (const unsigned char *)src;
  size_t i = 0;
  t->first_invalid = (size_t)-1;
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    i = 3, t->bom = true; /* a BOM is not text */
  /* One slot per character (not per byte: CJK text is three bytes a
   * character, and cp[] and off[] are most of an article's memory); the
   * few characters that fold into several, and runs of stray continuation
   * bytes, grow the arrays below. */
  size_t cap = 16 + count_starts(p + i, len - i);
  t->cp = malloc(cap * sizeof *t->cp);
  t->off = malloc((cap + 1) * sizeof *t->off);
  if (!t->cp || !t->off)
    return LICHANG_ENOMEM;
  size_t bad_runs = 0, nuls = 0;
  while (i < len) {
    /* Fast paths for what news text is mostly made of, taken a run at a
     * time: ASCII, and three-byte characters (E1..EC and EE..EF take any
     * two continuation bytes: Han, CJK punctuation, the full-width forms).
     * Each folds to one code point here (the rest go the general way), and
     * the arrays have room for one a character. */
    /* In locals: the stores through t->cp and t->off would otherwise make
     * the compiler reload t's members at every character. room is the
     * characters the arrays still hold here (n + 2 <= cap). */
    size_t n = t->n, start = i;
    size_t room = cap >= n + 2 ? cap - n - 2 + 1 : 0;
    uint32_t *cpo = t->cp, *offo = t->off;
    while (room && i < len && p[i] < 0x80 && p[i]) {
      unsigned char c = p[i];
      cpo[n] = (c >= 'A' && c <= 'Z') ? c + 32u : c;
      offo[n++] = (uint32_t)i++;
      room--;
    }
    t->chars += i - start;
    start = i;
    /* at most room characters, each three bytes: one bound */
    size_t iend = i + 3 * ((len - i) / 3 < room ? (len - i) / 3 : room);
    while (i < iend) {
      uint32_t c0 = p[i], c1 = p[i + 1], c2 = p[i + 2];
      if (c0 - 0xE1 > 0xEF - 0xE1 || c0 == 0xED ||
          ((c1 & 0xC0) | (c2 & 0xC0) >> 4) != 0x88)
        break;
      uint32_t cp = (c0 & 0x0F) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F);
      uint32_t f[8];
      if (cp - 0x4E00 <= 0x9FFF - 0x4E00)
        f[0] = t2s_han(cp);
      else if (cp - 0x3000 <= 0x30FF - 0x3000 ||
                 cp - 0x2010 <= 0x2027 - 0x2010)
        f[0] = cp; /* as lichang__fold_cp: CJK punctuation, quotes */
      else if (cp - 0xFF01 <= 0xFF5E - 0xFF01) { /* full-width ASCII */
        cp -= 0xFEE0;
        f[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
      } else if (lichang__fold_cp(cp, f) != 1)
        break;
      cpo[n] = f[0];
      offo[n++] = (uint32_t)i;
      i += 3;
    }
    t->n = n;
    t->chars += (i - start) / 3;
    if (i > start || i == len)
      continue; /* else the general way takes the character at i */
    uint32_t cp, f[8];
    bool bad;
    size_t step = lichang__utf8_next(p + i, len - i, &cp, &bad);
    if (bad && !bad_runs)
      t->first_invalid = i;
    if (bad && bad_runs++ < 16)
      lichang__doc_warn(doc, "byte %zu: invalid UTF-8, read as U+FFFD", i);
    /* NUL is no text (a binary file, or a C string's end pasted in): it is
     * dropped, and the first one is reported. */
    if (cp == 0 && nuls++ == 0)
      lichang__doc_warn(doc, "byte %zu: NUL byte, ignored", i);
    size_t k = cp == 0 ? 0 : lichang__fold_cp(cp, f);
    if (t->n + k + 1 > cap) {
      size_t ncap = cap * 2 + k;
      uint32_t *a = realloc(t->cp, ncap * sizeof *a);
      if (!a)
        return LICHANG_ENOMEM;
      t->cp = a;
      uint32_t *b = realloc(t->off, (ncap + 1) * sizeof *b);
      if (!b)
        return LICHANG_ENOMEM;
      t->off = b;
      cap = ncap;
    }
    for (size_t j = 0; j < k; j++) {
      t->astral += f[j] >= 0x10000;
      t->cp[t->n] = f[j];
      t->off[t->n] = (uint32_t)i;
      t->n++;
    }
    t->chars++;
    i += step;
  }
  t->invalid = bad_runs;
  if (bad_runs > 16)
    lichang__doc_warn(doc, "%zu more invalid UTF-8 sequences", bad_runs - 16);
  if (nuls > 1)
    lichang__doc_warn(doc, "%zu NUL bytes in all, ignored", nuls);
  t->off[t->n] = (uint32_t)len;
  return 0;
}

void lichang__text_free(lc_text *t) {
  free(t->cp);
  free(t->off);
  t->cp = t->off = NULL;
}
