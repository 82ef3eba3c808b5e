/* Growable buffers, vectors, an arena and UTF-8 decoding: the small
 * containers every stage uses. Allocation failure is reported, never fatal. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lichang__buf_grow(lc_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap)
    return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) {
    if (cap > SIZE_MAX / 2)
      return LICHANG_ENOMEM;
    cap *= 2;
  }
  char *p = realloc(b->data, cap);
  if (!p)
    return LICHANG_ENOMEM;
  /* Zeroed past the end: PCRE2's JIT reads a subject a word at a time, a
   * few bytes beyond its end (harmless, inside the allocation, but
   * valgrind would rightly call it a use of uninitialised memory). */
  memset(p + b->cap, 0, cap - b->cap);
  b->data = p;
  b->cap = cap;
  return 0;
}

int lichang__buf_put(lc_buf *b, const void *p, size_t n) {
  if (lichang__buf_grow(b, n))
    return LICHANG_ENOMEM;
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int lichang__buf_puts(lc_buf *b, const char *s) {
  return lichang__buf_put(b, s, strlen(s));
}

int lichang__buf_printf(lc_buf *b, const char *fmt, ...) {
  /* Format straight into the free space, which nearly always suffices (the
   * JSON writer prints small numbers); only when it does not, grow and
   * format again. */
  if (lichang__buf_grow(b, 64))
    return LICHANG_ENOMEM;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  if (n < 0)
    return LICHANG_ENOMEM;
  if ((size_t)n >= b->cap - b->len) {
    if (lichang__buf_grow(b, (size_t)n))
      return LICHANG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
  return 0;
}

size_t lichang__utf8_encode(uint32_t cp, unsigned char s[4]) {
  if (cp < 0x80) {
    s[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    s[0] = (unsigned char)(0xC0 | (cp >> 6));
    s[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    s[0] = (unsigned char)(0xE0 | (cp >> 12));
    s[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    s[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  s[0] = (unsigned char)(0xF0 | (cp >> 18));
  s[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  s[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

int lichang__buf_put_cp(lc_buf *b, uint32_t cp) {
  unsigned char s[4];
  return lichang__buf_put(b, s, lichang__utf8_encode(cp, s));
}

void lichang__buf_free(lc_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

int lichang__vec_grow(lc_vec *v) {
  /* Small first: most vectors (a passage's evidence, its targets) hold a
   * few items, and an article with half a million passages holds half a
   * million of each. */
  size_t cap = v->cap ? v->cap * 2 : 4;
  if (cap > SIZE_MAX / v->size)
    return LICHANG_ENOMEM;
  void *p = realloc(v->data, cap * v->size);
  if (!p)
    return LICHANG_ENOMEM;
  v->data = p;
  v->cap = cap;
  return 0;
}

void lichang__vec_free(lc_vec *v) {
  free(v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

struct lc_chunk {
  lc_chunk *next;
  size_t used, cap;
  max_align_t align[]; /* payload */
};

void *lichang__arena_alloc(lc_arena *a, size_t n) {
  n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
  lc_chunk *c = a->head;
  if (!c || c->cap - c->used < n) {
    size_t cap = n > 16384 ? n : 16384;
    c = malloc(sizeof *c + cap);
    if (!c)
      return NULL;
    c->cap = cap;
    c->used = 0;
    c->next = a->head;
    a->head = c;
  }
  void *p = (char *)c->align + c->used;
  c->used += n;
  return p;
}

char *lichang__arena_strndup(lc_arena *a, const char *s, size_t n) {
  char *p = lichang__arena_alloc(a, n + 1);
  if (!p)
    return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void lichang__arena_free(lc_arena *a) {
  lc_chunk *c = a->head;
  while (c) {
    lc_chunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
}

/* Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above
 * U+10FFFF. An invalid sequence consumes its maximal valid prefix (at least
 * one byte), as the Unicode "substitution of maximal subparts" practice does,
 * so each bad run yields one U+FFFD. */
size_t lichang__utf8_next(const unsigned char *s, size_t n, uint32_t *cp,
                          bool *bad) {
  unsigned char c = s[0];
  *bad = false;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t need;
  uint32_t v, lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    v = c & 0x0F;
    if (c == 0xE0)
      lo = 0xA0;
    if (c == 0xED)
      hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    v = c & 0x07;
    if (c == 0xF0)
      lo = 0x90;
    if (c == 0xF4)
      hi = 0x8F;
  } else {
    *cp = 0xFFFD;
    *bad = true;
    return 1;
  }
  size_t i = 1;
  for (; i <= need; i++) {
    if (i >= n || s[i] < lo || s[i] > hi) {
      *cp = 0xFFFD;
      *bad = true;
      return i;
    }
    v = (v << 6) | (s[i] & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  *cp = v;
  return i;
}
