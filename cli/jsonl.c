/* A strict JSON reader for JSON Lines records: one object per line.
 *
 * Input: one line. Output: a cli_record with the string members id, title
 * and text decoded, the id also as written (so a numeric id stays a number
 * in the output and --resume compares ids exactly), and every other member
 * kept as written, to be passed through to the output object unchanged.
 * Errors name the byte offset within the line. */
#include "cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *s;
  size_t n, i;
  char *err;
  size_t errlen;
  int depth;
  size_t lone, first_lone; /* lone surrogate escapes kept as U+FFFD */
} parser;

static bool fail(parser *p, const char *what) {
  snprintf(p->err, p->errlen, "byte %zu: %s", p->i, what);
  return false;
}

static void ws(parser *p) {
  while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                         p->s[p->i] == '\r' || p->s[p->i] == '\n'))
    p->i++;
}

static int hex4(parser *p, uint32_t *v) {
  if (p->i + 4 > p->n)
    return 0;
  *v = 0;
  for (int k = 0; k < 4; k++) {
    char c = p->s[p->i + k];
    *v <<= 4;
    if (c >= '0' && c <= '9')
      *v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f')
      *v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      *v |= (uint32_t)(c - 'A' + 10);
    else
      return 0;
  }
  p->i += 4;
  return 1;
}

static size_t put_utf8(char *o, uint32_t cp) {
  if (cp < 0x80) {
    o[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Parses a string at p->i (the opening quote); *out gets a malloc'd copy
 * when out is not NULL. A lone surrogate escape becomes U+FFFD (UTF-8 has
 * no encoding for it) and is counted, so the caller can say so. */
static bool string(parser *p, char **out, size_t *outlen) {
  p->i++;
  char *o = out ? malloc(p->n - p->i + 1) : NULL;
  if (out && !o)
    return fail(p, "out of memory");
  size_t k = 0;
  while (p->i < p->n) {
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == '"') {
      p->i++;
      if (out) {
        o[k] = '\0';
        *out = o;
        if (outlen)
          *outlen = k;
      }
      return true;
    }
    if (c < 0x20) {
      free(o);
      return fail(p, "control character in string");
    }
    if (c != '\\') {
      if (o)
        o[k++] = (char)c;
      p->i++;
      continue;
    }
    p->i++;
    if (p->i >= p->n)
      break;
    char e = p->s[p->i++];
    uint32_t cp;
    switch (e) {
    case '"':
    case '\\':
    case '/':
      cp = (uint32_t)e;
      break;
    case 'b':
      cp = '\b';
      break;
    case 'f':
      cp = '\f';
      break;
    case 'n':
      cp = '\n';
      break;
    case 'r':
      cp = '\r';
      break;
    case 't':
      cp = '\t';
      break;
    case 'u':
      if (!hex4(p, &cp)) {
        free(o);
        return fail(p, "bad \\u escape");
      }
      size_t at = p->i - 6; /* the escape's backslash */
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo;
        size_t save = p->i;
        if (p->i + 1 < p->n && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u' &&
            (p->i += 2, hex4(p, &lo)) && lo >= 0xDC00 && lo <= 0xDFFF)
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        else {
          p->i = save;
          cp = 0xFFFD;
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF)
        cp = 0xFFFD;
      if (cp == 0xFFFD && out && !p->lone++)
        p->first_lone = at;
      break;
    default:
      free(o);
      p->i--;
      return fail(p, "bad escape");
    }
    if (o)
      k += put_utf8(o + k, cp);
  }
  free(o);
  return fail(p, "unterminated string");
}

static bool value(parser *p);

static bool literal(parser *p, const char *w) {
  size_t n = strlen(w);
  if (p->i + n <= p->n && memcmp(p->s + p->i, w, n) == 0) {
    p->i += n;
    return true;
  }
  return fail(p, "unexpected character");
}

static size_t digits(parser *p) {
  size_t st = p->i;
  while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
    p->i++;
  return p->i - st;
}

/* RFC 8259's grammar exactly, -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?: a member
 * passed through is copied as written, so a lax number (1.2.3, a NUL
 * byte, which strchr() finds in any string) would make the output line
 * invalid JSON. Found by fuzz_jsonl. */
static bool number(parser *p) {
  size_t st = p->i;
  if (p->i < p->n && p->s[p->i] == '-')
    p->i++;
  size_t lead = p->i, n = digits(p);
  if (!n || (n > 1 && p->s[lead] == '0'))
    return p->i = st, fail(p, "unexpected character");
  if (p->i < p->n && p->s[p->i] == '.' && (p->i++, !digits(p)))
    return fail(p, "bad number");
  if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
    p->i++;
    if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
      p->i++;
    if (!digits(p))
      return fail(p, "bad number");
  }
  return true;
}

static bool container(parser *p, char close) {
  if (++p->depth > 256)
    return fail(p, "nesting too deep");
  p->i++;
  ws(p);
  if (p->i < p->n && p->s[p->i] == close) {
    p->i++;
    p->depth--;
    return true;
  }
  for (;;) {
    ws(p);
    if (close == '}') {
      if (p->i >= p->n || p->s[p->i] != '"')
        return fail(p, "expected a key");
      if (!string(p, NULL, NULL))
        return false;
      ws(p);
      if (p->i >= p->n || p->s[p->i] != ':')
        return fail(p, "expected ':'");
      p->i++;
    }
    if (!value(p))
      return false;
    ws(p);
    if (p->i < p->n && p->s[p->i] == ',') {
      p->i++;
      continue;
    }
    if (p->i < p->n && p->s[p->i] == close) {
      p->i++;
      p->depth--;
      return true;
    }
    return fail(p,
                close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
  }
}

static bool value(parser *p) {
  ws(p);
  if (p->i >= p->n)
    return fail(p, "unexpected end of line");
  switch (p->s[p->i]) {
  case '"':
    return string(p, NULL, NULL);
  case '{':
    return container(p, '}');
  case '[':
    return container(p, ']');
  case 't':
    return literal(p, "true");
  case 'f':
    return literal(p, "false");
  case 'n':
    return literal(p, "null");
  default:
    return number(p);
  }
}

/* Members the output object writes itself: an input member of the same name
 * is not passed through, so the output never holds a key twice. Keys are
 * compared as written; no JSON producer escapes plain ASCII letters. */
static bool reserved(const char *key, size_t n) {
  static const char *const names[] = {"id",       "text",   "chars",
                                      "keywords", "quotes", "speakers",
                                      "warnings", "error",  "encoding"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strlen(names[i]) == n && memcmp(names[i], key, n) == 0)
      return true;
  return false;
}

static bool append(char **s, size_t *len, const char *p, size_t n) {
  char *b = realloc(*s, *len + n + 1);
  if (!b)
    return false;
  memcpy(b + *len, p, n);
  *len += n;
  b[*len] = '\0';
  *s = b;
  return true;
}

static bool key_is(const char *line, size_t k0, size_t k1, const char *w) {
  size_t n = strlen(w);
  return k1 - k0 == n && memcmp(line + k0, w, n) == 0;
}

bool cli_record_parse(const char *line, size_t len, cli_record *r, char *err,
                      size_t errlen) {
  memset(r, 0, sizeof *r);
  parser p = {.s = line, .n = len, .err = err, .errlen = errlen};
  ws(&p);
  if (p.i >= p.n || p.s[p.i] != '{')
    return fail(&p, "expected a JSON object");
  p.i++;
  p.depth = 1;
  ws(&p);
  if (p.i < p.n && p.s[p.i] == '}')
    p.i++;
  else
    for (;;) {
      ws(&p);
      if (p.i >= p.n || p.s[p.i] != '"') {
        fail(&p, "expected a key");
        goto bad;
      }
      size_t k0 = p.i; /* the key as written, quotes included */
      if (!string(&p, NULL, NULL))
        goto bad;
      size_t k1 = p.i;
      ws(&p);
      if (p.i >= p.n || p.s[p.i] != ':') {
        fail(&p, "expected ':'");
        goto bad;
      }
      p.i++;
      ws(&p);
      size_t v0 = p.i;
      bool is_string = p.i < p.n && p.s[p.i] == '"';
      char **slot = key_is(line, k0 + 1, k1 - 1, "id")      ? &r->id
                    : key_is(line, k0 + 1, k1 - 1, "title") ? &r->title
                    : key_is(line, k0 + 1, k1 - 1, "text")  ? &r->text
                                                            : NULL;
      if (slot && is_string) {
        free(*slot);
        *slot = NULL;
        if (!string(&p, slot, slot == &r->text ? &r->text_len : NULL))
          goto bad;
      } else if (!value(&p))
        goto bad;
      size_t v1 = p.i;
      if (slot == &r->text)
        r->text_type = is_string ? 1 : 2;
      /* A repeated member: the last one counts, as for id below (a string
       * "text" followed by a number left both; found by fuzz_jsonl). */
      if (slot && slot != &r->id && !is_string) {
        free(*slot);
        *slot = NULL;
        if (slot == &r->text)
          r->text_len = 0;
      }
      if (slot == &r->id) {
        free(r->id_json);
        r->id_json = NULL;
        if (!is_string)
          free(r->id), r->id = NULL;
        if (!(v1 - v0 == 4 && memcmp(line + v0, "null", 4) == 0)) {
          size_t n = 0;
          if (!append(&r->id_json, &n, line + v0, v1 - v0)) {
            fail(&p, "out of memory");
            goto bad;
          }
        }
      } else if (!reserved(line + k0 + 1, k1 - k0 - 2)) {
        if (!append(&r->extra, &r->extra_len, ",", 1) ||
            !append(&r->extra, &r->extra_len, line + k0, k1 - k0) ||
            !append(&r->extra, &r->extra_len, ":", 1) ||
            !append(&r->extra, &r->extra_len, line + v0, v1 - v0)) {
          fail(&p, "out of memory");
          goto bad;
        }
      }
      ws(&p);
      if (p.i < p.n && p.s[p.i] == ',') {
        p.i++;
        continue;
      }
      if (p.i < p.n && p.s[p.i] == '}') {
        p.i++;
        break;
      }
      fail(&p, "expected ',' or '}'");
      goto bad;
    }
  ws(&p);
  if (p.i != p.n) {
    fail(&p, "text after the object");
    goto bad;
  }
  r->lone_surrogates = p.lone;
  r->first_lone = p.first_lone;
  return true;
bad:
  cli_record_free(r);
  return false;
}

void cli_record_free(cli_record *r) {
  free(r->id);
  free(r->id_json);
  free(r->title);
  free(r->text);
  free(r->extra);
  memset(r, 0, sizeof *r);
}

bool cli_json_strings(const char *line, size_t len, const char *const *keys,
                      char **out, size_t n, char *err, size_t errlen) {
  for (size_t k = 0; k < n; k++)
    out[k] = NULL;
  parser p = {.s = line, .n = len, .err = err, .errlen = errlen, .depth = 1};
  ws(&p);
  if (p.i >= p.n || p.s[p.i] != '{')
    return fail(&p, "expected a JSON object");
  p.i++;
  ws(&p);
  if (p.i < p.n && p.s[p.i] == '}') {
    p.i++;
    goto end;
  }
  for (;;) {
    char *key = NULL;
    ws(&p);
    if (p.i >= p.n || p.s[p.i] != '"') {
      fail(&p, "expected a key");
      goto bad;
    }
    if (!string(&p, &key, NULL))
      goto bad;
    ws(&p);
    if (p.i >= p.n || p.s[p.i] != ':') {
      free(key);
      fail(&p, "expected ':'");
      goto bad;
    }
    p.i++;
    ws(&p);
    size_t slot = n;
    for (size_t k = 0; k < n && slot == n; k++)
      if (!strcmp(key, keys[k]))
        slot = k;
    free(key);
    if (slot < n && p.i < p.n && p.s[p.i] == '"') {
      free(out[slot]);
      out[slot] = NULL;
      if (!string(&p, &out[slot], NULL))
        goto bad;
    } else if (!value(&p))
      goto bad;
    ws(&p);
    if (p.i < p.n && p.s[p.i] == ',') {
      p.i++;
      continue;
    }
    if (p.i < p.n && p.s[p.i] == '}') {
      p.i++;
      break;
    }
    fail(&p, "expected ',' or '}'");
    goto bad;
  }
end:
  ws(&p);
  if (p.i == p.n)
    return true;
  fail(&p, "text after the object");
bad:
  for (size_t k = 0; k < n; k++) {
    free(out[k]);
    out[k] = NULL;
  }
  return false;
}
