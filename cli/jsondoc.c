/* A JSON reader that keeps the whole document as a tree, for the objects
 * `lichang tag` writes (nested quotes, evidence, keywords), where jsonl.c's
 * record reader keeps only a few top-level strings.
 *
 * Input: bytes claimed to be one JSON value. Output: a jv tree, every string
 * decoded to UTF-8 (a lone surrogate escape becomes U+FFFD). Invariants:
 * strict RFC 8259 grammar; nesting is limited so hostile input cannot
 * exhaust the stack; errors name the byte offset. */
#include "view.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 256

typedef struct {
  const char *s;
  size_t n, i;
  char *err;
  size_t errlen;
} parser;

static bool fail(parser *p, const char *what) {
  snprintf(p->err, p->errlen, "byte %zu: %s", p->i, what);
  return false;
}

static void ws(parser *p) {
  while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
    p->i++;
}

static bool lit(parser *p, const char *word) {
  size_t k = strlen(word);
  if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
    return fail(p, "unexpected character");
  p->i += k;
  return true;
}

static bool hex4(parser *p, uint32_t *v) {
  if (p->n - p->i < 4)
    return fail(p, "short \\u escape");
  *v = 0;
  for (int k = 0; k < 4; k++) {
    char c = p->s[p->i + k];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0)
      return fail(p, "bad \\u escape");
    *v = *v << 4 | (uint32_t)d;
  }
  p->i += 4;
  return true;
}

static size_t utf8_put(char *o, uint32_t cp) {
  if (cp < 0x80) {
    o[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | cp >> 6);
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | cp >> 12);
    o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | cp >> 18);
  o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
  o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* A string at p->i (the opening quote) into a malloc'd buffer. */
static bool string(parser *p, char **out, size_t *outlen) {
  p->i++;
  char *o = malloc(p->n - p->i + 1);
  if (!o)
    return fail(p, "out of memory");
  size_t k = 0;
  for (;;) {
    if (p->i >= p->n) {
      free(o);
      return fail(p, "unterminated string");
    }
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == '"') {
      p->i++;
      break;
    }
    if (c < 0x20) {
      free(o);
      return fail(p, "control character in string");
    }
    if (c != '\\') {
      o[k++] = (char)c;
      p->i++;
      continue;
    }
    if (++p->i >= p->n) {
      free(o);
      return fail(p, "unterminated string");
    }
    char e = p->s[p->i++];
    const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
    const char *m = e ? strchr(from, e) : NULL;
    if (m) {
      o[k++] = to[m - from];
      continue;
    }
    if (e != 'u') {
      p->i--;
      free(o);
      return fail(p, "bad escape");
    }
    uint32_t cp;
    if (!hex4(p, &cp)) {
      free(o);
      return false;
    }
    if (cp >= 0xD800 && cp < 0xDC00) {
      uint32_t lo;
      size_t save = p->i;
      if (p->n - p->i >= 6 && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
        p->i += 2;
        if (hex4(p, &lo) && lo >= 0xDC00 && lo < 0xE000)
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        else {
          p->i = save;
          cp = 0xFFFD;
        }
      } else
        cp = 0xFFFD;
    } else if (cp >= 0xDC00 && cp < 0xE000)
      cp = 0xFFFD;
    /* an escape is 6 bytes and yields at most 4 (a pair: 12 -> 4) */
    k += utf8_put(o + k, cp);
  }
  o[k] = '\0';
  *out = o;
  *outlen = k;
  return true;
}

static bool number(parser *p, double *out) {
  size_t a = p->i;
  const char *s = p->s;
  if (p->i < p->n && s[p->i] == '-')
    p->i++;
  if (p->i >= p->n || s[p->i] < '0' || s[p->i] > '9')
    return fail(p, "bad number");
  if (s[p->i] == '0')
    p->i++;
  else
    while (p->i < p->n && s[p->i] >= '0' && s[p->i] <= '9')
      p->i++;
  if (p->i < p->n && s[p->i] == '.') {
    p->i++;
    if (p->i >= p->n || s[p->i] < '0' || s[p->i] > '9')
      return fail(p, "bad number");
    while (p->i < p->n && s[p->i] >= '0' && s[p->i] <= '9')
      p->i++;
  }
  if (p->i < p->n && (s[p->i] == 'e' || s[p->i] == 'E')) {
    p->i++;
    if (p->i < p->n && (s[p->i] == '+' || s[p->i] == '-'))
      p->i++;
    if (p->i >= p->n || s[p->i] < '0' || s[p->i] > '9')
      return fail(p, "bad number");
    while (p->i < p->n && s[p->i] >= '0' && s[p->i] <= '9')
      p->i++;
  }
  char buf[64];
  size_t len = p->i - a;
  if (len >= sizeof buf) {
    *out = 0; /* absurdly long digits: valid JSON, value not needed */
    return true;
  }
  memcpy(buf, s + a, len);
  buf[len] = '\0';
  *out = strtod(buf, NULL);
  return true;
}

static bool value(parser *p, jv *v, int depth);

static bool grow(parser *p, jv *v, size_t *cap, bool keys) {
  if (v->len < *cap)
    return true;
  size_t c = *cap ? *cap * 2 : 4;
  jv *items = realloc(v->items, c * sizeof *items);
  if (!items)
    return fail(p, "out of memory");
  v->items = items;
  if (keys) {
    char **k = realloc(v->keys, c * sizeof *k);
    if (!k)
      return fail(p, "out of memory");
    v->keys = k;
  }
  *cap = c;
  return true;
}

static bool container(parser *p, jv *v, int depth, bool obj) {
  if (depth >= MAX_DEPTH)
    return fail(p, "nested too deeply");
  v->type = obj ? JV_OBJ : JV_ARR;
  char close = obj ? '}' : ']';
  size_t cap = 0;
  p->i++;
  ws(p);
  if (p->i < p->n && p->s[p->i] == close) {
    p->i++;
    return true;
  }
  for (;;) {
    if (!grow(p, v, &cap, obj))
      return false;
    jv *item = &v->items[v->len];
    memset(item, 0, sizeof *item);
    if (obj) {
      ws(p);
      size_t klen;
      if (p->i >= p->n || p->s[p->i] != '"')
        return fail(p, "expected a key");
      if (!string(p, &v->keys[v->len], &klen))
        return false;
      ws(p);
      if (p->i >= p->n || p->s[p->i] != ':') {
        free(v->keys[v->len]);
        return fail(p, "expected ':'");
      }
      p->i++;
    }
    v->len++; /* counted now so jv_free releases a half-built member */
    if (!value(p, item, depth + 1))
      return false;
    ws(p);
    if (p->i < p->n && p->s[p->i] == ',') {
      p->i++;
      continue;
    }
    if (p->i < p->n && p->s[p->i] == close) {
      p->i++;
      return true;
    }
    return fail(p, obj ? "expected ',' or '}'" : "expected ',' or ']'");
  }
}

static bool value(parser *p, jv *v, int depth) {
  ws(p);
  if (p->i >= p->n)
    return fail(p, "unexpected end");
  switch (p->s[p->i]) {
  case '{':
    return container(p, v, depth, true);
  case '[':
    return container(p, v, depth, false);
  case '"':
    v->type = JV_STR;
    return string(p, &v->str, &v->len);
  case 't':
    v->type = JV_BOOL;
    v->b = true;
    return lit(p, "true");
  case 'f':
    v->type = JV_BOOL;
    return lit(p, "false");
  case 'n':
    v->type = JV_NULL;
    return lit(p, "null");
  default:
    v->type = JV_NUM;
    return number(p, &v->num);
  }
}

bool jv_parse(const char *s, size_t n, jv *out, char *err, size_t errlen) {
  parser p = {s, n, 0, err, errlen};
  memset(out, 0, sizeof *out);
  bool ok = value(&p, out, 0);
  if (ok) {
    ws(&p);
    if (p.i < n)
      ok = fail(&p, "trailing characters");
  }
  if (!ok)
    jv_free(out);
  return ok;
}

void jv_free(jv *v) {
  if (!v)
    return;
  for (size_t i = 0; v->items && i < v->len; i++) {
    jv_free(&v->items[i]);
    if (v->keys)
      free(v->keys[i]);
  }
  free(v->items);
  free(v->keys);
  free(v->str);
  memset(v, 0, sizeof *v);
}

const jv *jv_get(const jv *obj, const char *key) {
  if (!obj || obj->type != JV_OBJ)
    return NULL;
  for (size_t i = obj->len; i-- > 0;)
    if (strcmp(obj->keys[i], key) == 0)
      return &obj->items[i];
  return NULL;
}

const char *jv_str(const jv *v, const char *dflt) {
  return v && v->type == JV_STR ? v->str : dflt;
}

double jv_num(const jv *v, double dflt) {
  return v && v->type == JV_NUM ? v->num : dflt;
}

void jv_write_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", f);
    else if (*p == '\t')
      fputs("\\t", f);
    else if (*p == '\r')
      fputs("\\r", f);
    else if (*p < 0x20 || *p == 0x7F)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}
