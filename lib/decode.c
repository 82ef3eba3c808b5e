/* Stage 0 (optional, before lichang_tag): bytes in a named encoding -> UTF-8.
 *
 * Input: an article's bytes and an encoding name (any ICU converter name or
 * alias: UTF-8, GB18030, GBK, Big5, UTF-16…) or "auto". Output: the text as
 * UTF-8, with every invalid or unmappable sequence read as U+FFFD, and a
 * lichang_decode_info that says which encoding was read, how many sequences
 * were bad and where (byte offset in the input) the first one was, so the
 * caller decides whether an article is damaged or simply not in the encoding
 * it was said to be in. Nothing else is changed: a BOM stays (lichang_tag
 * skips it), line ends stay, so offsets the tagger reports are offsets into
 * exactly this UTF-8 text.
 *
 * UTF-8 is checked and copied natively with the tagger's own rules (strict,
 * maximal subparts), so "invalid" means the same thing here as in the
 * tagger's warnings; the rest goes through ICU's converters (ucnv), and
 * "auto" through ICU's charset detector (ucsdet). Each call opens its own
 * converters: no state is shared, any thread may call it. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

/* ICU's detector reads at most this much; its statistics settle long
 * before, and its API counts in int32_t. */
#define DETECT_SAMPLE 65536

static void info_init(lichang_decode_info *info, const char *name) {
  memset(info, 0, sizeof *info);
  snprintf(info->encoding, sizeof info->encoding, "%s", name);
  info->confidence = 100;
  info->first_invalid = (size_t)-1;
}

static void note_invalid(lichang_decode_info *info, size_t at) {
  if (!info->invalid++)
    info->first_invalid = at;
}

/* UTF-8 in, UTF-8 out: count (and, when o is not NULL, copy with U+FFFD in
 * place of each bad sequence). */
static void utf8_pass(const unsigned char *s, size_t n, char *o, size_t *olen,
                      lichang_decode_info *info) {
  size_t i = 0, k = 0;
  while (i < n) {
    /* ASCII runs are most of some texts and need no decoding. */
    if (s[i] < 0x80) {
      size_t j = i;
      while (j < n && s[j] < 0x80)
        j++;
      if (o)
        memcpy(o + k, s + i, j - i);
      k += j - i;
      info->chars += j - i;
      i = j;
      continue;
    }
    /* Runs of three-byte characters (all of Han, CJK punctuation, the
     * full-width forms) with nothing to check past the continuation bytes:
     * E1..EC and EE..EF take any 80..BF after them. */
    size_t j = i;
    while (n - j >= 3 && (unsigned)(s[j] - 0xE1) <= 0xEF - 0xE1 &&
           s[j] != 0xED && ((s[j + 1] & 0xC0) | (s[j + 2] & 0xC0) >> 4) == 0x88)
      j += 3;
    if (j > i) {
      if (o)
        memcpy(o + k, s + i, j - i);
      k += j - i;
      info->chars += (j - i) / 3;
      i = j;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t step = lichang__utf8_next(s + i, n - i, &cp, &bad);
    if (bad) {
      note_invalid(info, i);
      if (o)
        memcpy(o + k, "\xEF\xBF\xBD", 3);
      k += 3;
    } else {
      if (o)
        memcpy(o + k, s + i, step);
      k += step;
    }
    info->chars++;
    i += step;
  }
  if (olen)
    *olen = k;
}

static bool is_utf8_name(const char *name) {
  return !strcasecmp(name, "UTF-8") || !strcasecmp(name, "UTF8");
}

/* UTF-16 without a BOM: ICU's "UTF-16" would assume big-endian. Read the
 * sample both ways and keep the order in which more units are plausible
 * news text (ASCII, CJK punctuation, Han, full-width forms). */
/* How many of the first 16-bit units read as plausible news text (ASCII,
 * CJK punctuation, Han, full-width forms) in each byte order. */
static void utf16_score(const unsigned char *s, size_t n, size_t *le,
                        size_t *be) {
  *le = *be = 0;
  if (n > DETECT_SAMPLE)
    n = DETECT_SAMPLE;
  for (size_t i = 0; i + 1 < n; i += 2) {
    unsigned a = s[i] | (unsigned)s[i + 1] << 8, b = s[i] << 8 | s[i + 1];
#define PLAUSIBLE(u)                                                           \
  (((u) >= 0x20 && (u) < 0x7F) || (u) == 0x0A || (u) == 0x0D ||                \
   ((u) >= 0x3000 && (u) < 0x3040) || ((u) >= 0x4E00 && (u) < 0xA000) ||       \
   ((u) >= 0xFF00 && (u) < 0xFFF0))
    *le += PLAUSIBLE(a);
    *be += PLAUSIBLE(b);
#undef PLAUSIBLE
  }
}

/* UTF-16 without a BOM: ICU's "UTF-16" would assume big-endian; keep the
 * order in which more units are plausible text. */
static const char *utf16_order(const unsigned char *s, size_t n) {
  if (n >= 2 &&
      ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
    return "UTF-16"; /* ICU reads the BOM */
  size_t le, be;
  utf16_score(s, n, &le, &be);
  return le > be ? "UTF-16LE" : "UTF-16BE";
}

/* Which encoding "auto" reads: a BOM decides; text that is valid UTF-8 is
 * UTF-8 (legacy Chinese encodings almost never form valid UTF-8 by
 * accident); otherwise ICU's detector, preferring among its candidates the
 * encodings Chinese news comes in, since for short texts it often ranks a
 * Korean or Japanese encoding a little higher. */
static int detect(const unsigned char *s, size_t n, lichang_decode_info *info,
                  lichang_error *err) {
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    info_init(info, "UTF-8");
    return 0;
  }
  if (n >= 2 &&
      ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
    info_init(info, s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
    return 0;
  }
  lichang_decode_info probe;
  info_init(&probe, "UTF-8");
  utf8_pass(s, n, NULL, NULL, &probe);
  if (!probe.invalid && !memchr(s, 0, n)) {
    info_init(info, "UTF-8");
    return 0;
  }
  /* ICU only trusts UTF-16 with a BOM; text in which nine units in ten
   * read as Chinese or ASCII one way round is UTF-16 that way round. */
  size_t le, be, units = (n < DETECT_SAMPLE ? n : DETECT_SAMPLE) / 2;
  utf16_score(s, n, &le, &be);
  if (units && (le > be ? le : be) * 10 >= units * 9) {
    info_init(info, le > be ? "UTF-16LE" : "UTF-16BE");
    info->confidence = (int)((le > be ? le : be) * 100 / units);
    return 0;
  }
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector *det = ucsdet_open(&st);
  if (U_FAILURE(st))
    return lichang__error(err, LICHANG_ENOMEM,
                          "cannot open ICU charset "
                          "detector: %s",
                          u_errorName(st));
  ucsdet_setText(det, (const char *)s,
                 (int32_t)(n < DETECT_SAMPLE ? n : DETECT_SAMPLE), &st);
  int32_t count = 0;
  const UCharsetMatch **all = ucsdet_detectAll(det, &count, &st);
  /* First a candidate ICU is sure of among the encodings Chinese news comes
   * in, then any Chinese one however unsure, then whatever ICU ranks top. */
  static const char *const chinese[] = {"GB18030", "Big5", "UTF-16LE",
                                        "UTF-16BE"};
  const UCharsetMatch *pick = NULL;
  for (int pass = 0; pass < 2 && !pick; pass++)
    for (int32_t i = 0; U_SUCCESS(st) && i < count && !pick; i++) {
      UErrorCode s2 = U_ZERO_ERROR;
      const char *name = ucsdet_getName(all[i], &s2);
      int32_t conf = ucsdet_getConfidence(all[i], &s2);
      for (size_t k = 0; U_SUCCESS(s2) && k < 4 && !pick; k++)
        if (!strcmp(name, chinese[k]) && (pass || conf >= 50) &&
            (k < 2 || pass == 0))
          pick = all[i];
    }
  /* ICU's detector knows charsets its converters lack (IBM420_ltr, on
   * damaged GB18030; found by fuzz_tag): such a guess is no guess. */
  if (!pick && U_SUCCESS(st) && count > 0) {
    UErrorCode s2 = U_ZERO_ERROR;
    UConverter *c = ucnv_open(ucsdet_getName(all[0], &s2), &s2);
    if (U_SUCCESS(s2))
      pick = all[0];
    if (c)
      ucnv_close(c);
  }
  const char *name = NULL;
  int conf = 0;
  if (pick) {
    name = ucsdet_getName(pick, &st);
    conf = ucsdet_getConfidence(pick, &st);
  }
  if (U_FAILURE(st) || !name) {
    /* Nothing fits (e.g. binary data): read it as UTF-8 and let the caller
     * see how much of it is invalid. */
    name = "UTF-8";
    conf = 0;
    st = U_ZERO_ERROR;
  }
  info_init(info, name);
  info->confidence = conf;
  ucsdet_close(det);
  return 0;
}

typedef struct {
  const char *base; /* start of the input */
  lichang_decode_info *info;
} bad_ctx;

/* Counts each invalid or unmappable sequence, then substitutes U+FFFD the
 * way ICU's default callback does. */
static void on_bad(const void *context, UConverterToUnicodeArgs *args,
                   const char *units, int32_t length,
                   UConverterCallbackReason reason, UErrorCode *st) {
  const bad_ctx *c = context;
  if (reason <= UCNV_IRREGULAR) /* UNASSIGNED, ILLEGAL, IRREGULAR */
    note_invalid(c->info, (size_t)(args->source - c->base) - (size_t)length);
  UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, st);
}

static size_t count_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static int convert(const char *name, const char *s, size_t n, char **out,
                   size_t *olen, lichang_decode_info *info,
                   lichang_error *err) {
  UErrorCode st = U_ZERO_ERROR;
  UConverter *from = ucnv_open(name, &st);
  if (U_FAILURE(st)) {
    if (from)
      ucnv_close(from);
    return lichang__error(err, LICHANG_EINVAL, "unknown encoding '%s'", name);
  }
  UConverter *to = ucnv_open("UTF-8", &st);
  if (U_FAILURE(st)) {
    ucnv_close(from);
    return lichang__error(err, LICHANG_ENOMEM, "cannot open ICU converter: %s",
                          u_errorName(st));
  }
  bad_ctx ctx = {s, info};
  ucnv_setToUCallBack(from, on_bad, &ctx, NULL, NULL, &st);
  /* Legacy CJK text is about 2 bytes a character and UTF-8 3: start at
   * 1.5x and grow. Without out, one small buffer is reused. */
  size_t cap = out ? n + n / 2 + 16 : 16384;
  char *buf = malloc(cap);
  UChar pivot[1024], *psrc = pivot, *ptgt = pivot;
  const char *src = s, *lim = s + n;
  size_t used = 0;
  int rc = buf ? 0 : LICHANG_ENOMEM;
  bool reset = true;
  while (!rc) {
    char *tgt = buf + used;
    st = U_ZERO_ERROR;
    ucnv_convertEx(to, from, &tgt, buf + cap, &src, lim, pivot, &psrc, &ptgt,
                   pivot + 1024, reset, true, &st);
    reset = false;
    size_t got = (size_t)(tgt - (buf + used));
    info->chars += count_chars(buf + used, got);
    used += got;
    if (st == U_BUFFER_OVERFLOW_ERROR) {
      if (!out) {
        used = 0;
        continue;
      }
      char *b = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
      if (!b)
        rc = LICHANG_ENOMEM;
      else {
        buf = b;
        cap *= 2;
      }
      continue;
    }
    if (U_FAILURE(st))
      rc = lichang__error(err, LICHANG_EINPUT,
                          "byte %zu: ICU cannot convert "
                          "from %s: %s",
                          (size_t)(src - s), name, u_errorName(st));
    break;
  }
  ucnv_close(from);
  ucnv_close(to);
  if (rc == LICHANG_ENOMEM)
    lichang__error(err, rc, "out of memory");
  if (rc || !out) {
    free(buf);
    return rc;
  }
  char *b = realloc(buf, used + 1); /* give back the slack */
  if (b)
    buf = b;
  buf[used] = '\0';
  *out = buf;
  if (olen)
    *olen = used;
  return 0;
}

int lichang_decode(char **out, size_t *out_len, const char *bytes, size_t len,
                   const char *encoding, lichang_decode_info *info,
                   lichang_error *err) {
  lichang__error_clear(err);
  lichang_decode_info local;
  if (!info)
    info = &local;
  if (out)
    *out = NULL;
  if (out_len)
    *out_len = 0;
  if (!bytes && len)
    return lichang__error(err, LICHANG_EINVAL, "bytes is NULL");
  if (!bytes)
    bytes = "";
  const unsigned char *s = (const unsigned char *)bytes;
  const char *name = encoding ? encoding : "UTF-8";
  if (!strcasecmp(name, "auto")) {
    int rc = detect(s, len, info, err);
    if (rc)
      return rc;
    int conf = info->confidence;
    char chosen[sizeof info->encoding];
    memcpy(chosen, info->encoding, sizeof chosen);
    info_init(info, chosen);
    info->confidence = conf;
    name = chosen;
    if (is_utf8_name(name))
      goto utf8;
    return convert(name, bytes, len, out, out_len, info, err);
  }
  if (!strcasecmp(name, "UTF-16") || !strcasecmp(name, "UTF16"))
    name = utf16_order(s, len);
  info_init(info, name);
  if (!is_utf8_name(name)) {
    /* The standard name, so callers can say what was read ("gbk" and
     * "cp936" are both GBK). */
    UErrorCode st = U_ZERO_ERROR;
    const char *std = ucnv_getStandardName(name, "MIME", &st);
    if (!std || U_FAILURE(st)) {
      st = U_ZERO_ERROR;
      std = ucnv_getStandardName(name, "IANA", &st);
    }
    if (std && U_SUCCESS(st))
      snprintf(info->encoding, sizeof info->encoding, "%s", std);
    return convert(name, bytes, len, out, out_len, info, err);
  }
utf8:
  snprintf(info->encoding, sizeof info->encoding, "UTF-8");
  if (!out) {
    utf8_pass(s, len, NULL, NULL, info);
    return 0;
  }
  /* Each bad byte may become three. */
  if (len > (SIZE_MAX - 1) / 3)
    return lichang__error(err, LICHANG_ELIMIT, "input too large");
  lichang_decode_info probe;
  info_init(&probe, "UTF-8");
  size_t n;
  utf8_pass(s, len, NULL, &n, &probe);
  char *o = malloc(n + 1);
  if (!o)
    return lichang__error(err, LICHANG_ENOMEM, "out of memory");
  utf8_pass(s, len, o, &n, info);
  o[n] = '\0';
  *out = o;
  if (out_len)
    *out_len = n;
  return 0;
}
