/* lichang tag, one article on a worker thread: decode, check, tag, format.
 *
 * Input: a cli_item the reader made (a file's bytes, a JSON line, or a
 * failure to read). Output: the item's lines for the output (a JSON object,
 * or TSV rows), its messages for standard error, and its speaker x stance
 * pairs for --summary. A bad article — undecodable, empty, binary, too
 * long, a line that is not JSON — becomes {"id":…,"error":…} and a message
 * naming the file, line and byte; it never stops the batch.
 *
 * The JSON object is the library's, with the id spliced in as the input
 * wrote it (a numeric id stays a number) and the input's other members
 * appended unchanged. */
#include "tag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- strbuf ---- */

static bool sb_grow(strbuf *b, size_t extra) {
  if (b->n + extra + 1 <= b->cap)
    return true;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->n + extra + 1)
    cap *= 2;
  char *s = realloc(b->s, cap);
  if (!s)
    return false;
  b->s = s;
  b->cap = cap;
  return true;
}

bool sb_put(strbuf *b, const void *p, size_t n) {
  if (!sb_grow(b, n))
    return false;
  if (n)
    memcpy(b->s + b->n, p, n);
  b->n += n;
  b->s[b->n] = '\0';
  return true;
}

bool sb_puts(strbuf *b, const char *s) { return sb_put(b, s, strlen(s)); }

bool sb_printf(strbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || !sb_grow(b, (size_t)n))
    return false;
  va_start(ap, fmt);
  vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)n;
  return true;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  size_t k = c < 0x80                 ? 1
             : c >= 0xC2 && c <= 0xDF ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (!k || k > n)
    return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
      (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
    return 0;
  return k;
}

bool sb_json(strbuf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  bool ok = sb_put(b, "\"", 1);
  for (size_t i = 0; i < n && ok;) {
    unsigned char c = p[i];
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      ok = sb_put(b, e, 2);
      i++;
    } else if (c < 0x20 || c == 0x7F) {
      ok = c == '\n'   ? sb_put(b, "\\n", 2)
           : c == '\t' ? sb_put(b, "\\t", 2)
                       : sb_printf(b, "\\u%04x", c);
      i++;
    } else {
      size_t k = utf8_len(p + i, n - i);
      ok = k ? sb_put(b, p + i, k) : sb_put(b, "\xEF\xBF\xBD", 3);
      i += k ? k : 1;
    }
  }
  return ok && sb_put(b, "\"", 1);
}

bool sb_tsv(strbuf *b, const char *s, size_t n) {
  bool ok = sb_grow(b, n);
  for (size_t i = 0; i < n && ok; i++) {
    char c = s[i];
    ok = c == '\\'   ? sb_put(b, "\\\\", 2)
         : c == '\t' ? sb_put(b, "\\t", 2)
         : c == '\n' ? sb_put(b, "\\n", 2)
         : c == '\r' ? sb_put(b, "\\r", 2)
                     : sb_put(b, &c, 1);
  }
  return ok;
}

void sb_free(strbuf *b) {
  free(b->s);
  b->s = NULL;
  b->n = b->cap = 0;
}

/* ---- items ---- */

void tag_item_free(cli_item *it) {
  if (!it)
    return;
  free(it->data);
  free(it->where);
  free(it->id);
  free(it->reason);
  free(it->key);
  cli_record_free(&it->rec);
  sb_free(&it->out);
  sb_free(&it->msg);
  sb_free(&it->pairs);
  free(it);
}

size_t tag_item_bytes(const cli_item *it) { return it->in_bytes; }

/* The resume key: what distinguishes ids in the output. A string id is
 * compared decoded (so escaping does not matter), any other by its text. */
char *tag_item_key(const cli_item *it) {
  strbuf k = {0};
  if (it->rec.id)
    sb_puts(&k, "s"), sb_puts(&k, it->rec.id);
  else if (it->rec.id_json)
    sb_puts(&k, "j"), sb_puts(&k, it->rec.id_json);
  else
    sb_puts(&k, "s"), sb_puts(&k, it->id);
  return k.s;
}

static void set_reason(cli_item *it, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void set_reason(cli_item *it, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  free(it->reason);
  it->reason = strdup(msg);
}

/* Converts it->data from the configured encoding; false (with a reason)
 * when it is not text in that encoding. info says what was read. */
/* One character in eight unreadable is not damage, it is the wrong
 * encoding (or no text at all). */
static bool mostly_invalid(const lichang_decode_info *info) {
  return info->invalid && info->invalid * 8 > info->chars;
}

static bool decode(cli_item *it, const tag_config *cfg, char **text,
                   size_t *len, lichang_decode_info *info) {
  lichang_error err;
  *text = NULL;
  if (lichang_decode(cfg->encoding ? text : NULL, len, it->data, it->len,
                     cfg->encoding, info, &err) < 0) {
    set_reason(it, "%s", err.message);
    return false;
  }
  if (!cfg->encoding)
    *len = it->len;
  if (cfg->encoding && !strcmp(cfg->encoding, "auto")) {
    memcpy(it->encoding, info->encoding, sizeof it->encoding);
    it->confidence = info->confidence;
  }
  if (mostly_invalid(info)) {
    set_reason(it,
               "byte %zu: not %s text (%zu of %zu characters invalid); "
               "name its encoding with --encoding",
               info->first_invalid, info->encoding, info->invalid, info->chars);
    free(*text);
    *text = NULL;
    return false;
  }
  return true;
}

void tag_item_parse(cli_item *it, const tag_config *cfg) {
  if (it->parsed || it->kind != ITEM_JSONL)
    return;
  it->parsed = true;
  char *line = it->data;
  size_t len = it->len;
  lichang_decode_info info;
  char *conv = NULL;
  if (cfg->encoding) {
    if (!decode(it, cfg, &conv, &len, &info)) {
      it->key = tag_item_key(it);
      return;
    }
    line = conv;
  }
  char why[256];
  if (!cli_record_parse(line, len, &it->rec, why, sizeof why))
    set_reason(it, "%s", why);
  free(conv);
  /* The line is no longer needed: the record holds what is used. */
  free(it->data);
  it->data = NULL;
  it->len = 0;
  it->key = tag_item_key(it);
}

/* ---- work ---- */

typedef struct {
  const tag_config *cfg;
  lichang_tagger *tg;
} worker;

void *tag_worker_new(void *ctx) {
  const tag_config *cfg = ctx;
  worker *w = calloc(1, sizeof *w);
  lichang_error err;
  if (!w) {
    cli_error("out of memory");
    return NULL;
  }
  w->cfg = cfg;
  if (lichang_tagger_new(&w->tg, cfg->lx, &cfg->opts, &err) < 0) {
    cli_error("%s", err.message);
    free(w);
    return NULL;
  }
  return w;
}

void tag_worker_free(void *state) {
  worker *w = state;
  lichang_tagger_free(w->tg);
  free(w);
}

/* The id as it goes into the output: as the input wrote it, or the
 * fallback (path, or path:line) as a JSON string. */
static bool put_id(strbuf *b, const cli_item *it) {
  if (it->rec.id_json)
    return sb_puts(b, it->rec.id_json);
  return sb_json(b, it->id, strlen(it->id));
}

static const char *plain_id(const cli_item *it) {
  return it->rec.id ? it->rec.id : it->rec.id_json ? it->rec.id_json : it->id;
}

/* The error object goes where the article's object would have; TSV rows
 * and the summary have no place for it, standard error tells. */
static void fail(cli_item *it, const tag_config *cfg) {
  it->failed = true;
  sb_printf(&it->msg, "lichang: %s: %s\n", it->where, it->reason);
  if (cfg->format == FMT_JSONL && it->out.n == 0 && it->reason) {
    bool ok = sb_puts(&it->out, "{\"id\":") && put_id(&it->out, it) &&
              sb_puts(&it->out, ",\"error\":") &&
              sb_json(&it->out, it->reason, strlen(it->reason));
    if (ok && it->rec.extra)
      ok = sb_put(&it->out, it->rec.extra, it->rec.extra_len);
    if (ok)
      sb_puts(&it->out, "}\n");
  }
}

static bool blank(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    if (p[i] == ' ' || (p[i] >= '\t' && p[i] <= '\r'))
      i++;
    else if (i + 3 <= n &&
             ((p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) ||
              (p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80)))
      i += 3; /* BOM, ideographic space */
    else if (i + 2 <= n && p[i] == 0xC2 && p[i + 1] == 0xA0)
      i += 2; /* no-break space */
    else
      return false;
  }
  return true;
}

static bool format_jsonl(cli_item *it, const lichang_doc *doc) {
  size_t n;
  char *json = lichang_doc_to_json(doc, NULL, &n);
  /* The library writes {"id":"" first; splice in the real id. */
  static const char head[] = "{\"id\":\"\"";
  if (!json || n < sizeof head || memcmp(json, head, sizeof head - 1)) {
    lichang_free(json);
    return false;
  }
  bool ok = sb_grow(&it->out, n + 64 + it->rec.extra_len) &&
            sb_puts(&it->out, "{\"id\":") && put_id(&it->out, it) &&
            sb_put(&it->out, json + sizeof head - 1, n - sizeof head);
  lichang_free(json);
  if (ok && it->encoding[0])
    ok = sb_printf(&it->out, ",\"encoding\":\"%s\"", it->encoding);
  if (ok && it->rec.extra)
    ok = sb_put(&it->out, it->rec.extra, it->rec.extra_len);
  return ok && sb_puts(&it->out, "}\n");
}

static bool format_tsv(cli_item *it, const lichang_doc *doc, const char *text) {
  const char *id = plain_id(it);
  bool ok = true;
  for (size_t i = 0; ok && i < lichang_doc_quote_count(doc); i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    lichang_span sp = lichang_quote_span(q);
    double score;
    lichang_stance st = lichang_quote_stance(q, &score);
    const char *who = lichang_quote_speaker(q);
    ok = sb_tsv(&it->out, id, strlen(id)) &&
         sb_printf(&it->out, "\t%zu\t%zu\t", sp.start, sp.end) &&
         sb_tsv(&it->out, who, strlen(who)) &&
         sb_printf(&it->out, "\t%s\t%.3g\t", lichang_stance_name(st), score) &&
         sb_tsv(&it->out, text + sp.start, sp.end - sp.start) &&
         sb_put(&it->out, "\n", 1);
  }
  return ok;
}

static bool collect_pairs(cli_item *it, const lichang_doc *doc) {
  bool ok = true;
  for (size_t i = 0; ok && i < lichang_doc_quote_count(doc); i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    const char *who = lichang_quote_speaker(q);
    char st[2] = {(char)('0' + lichang_quote_stance(q, NULL)), '\0'};
    if (*who)
      ok =
          sb_put(&it->pairs, who, strlen(who) + 1) && sb_put(&it->pairs, st, 2);
  }
  return ok;
}

void tag_work(void *state, cli_item *it) {
  worker *w = state;
  const tag_config *cfg = w->cfg;
  if (it->kind == ITEM_JSONL)
    tag_item_parse(it, cfg);
  if (it->kind == ITEM_FAILED || it->reason) {
    fail(it, cfg);
    return;
  }
  const char *text;
  size_t len;
  char *conv = NULL;
  lichang_decode_info info;
  if (it->kind == ITEM_TEXT) {
    if (!decode(it, cfg, &conv, &len, &info)) {
      fail(it, cfg);
      return;
    }
    text = conv ? conv : it->data;
    /* A NUL near the start is what grep and git take for binary. */
    const char *nul = memchr(text, '\0', len < 8000 ? len : 8000);
    if (nul) {
      set_reason(it, "byte %zu: binary data (a NUL byte), not text",
                 (size_t)(nul - text));
      free(conv);
      fail(it, cfg);
      return;
    }
  } else {
    if (it->rec.text_type != 1) {
      set_reason(it, it->rec.text_type ? "\"text\" is not a string"
                                       : "no \"text\" member");
      fail(it, cfg);
      return;
    }
    text = it->rec.text;
    len = it->rec.text_len;
  }
  if (blank(text, len)) { /* (text with invalid UTF-8 is not blank) */
    set_reason(it, "empty article");
    free(conv);
    fail(it, cfg);
    return;
  }
  lichang_doc *doc;
  lichang_error err;
  int rc = lichang_tag(&doc, w->tg, text, len, &err);
  /* Is the text of a line UTF-8 at all (a converted line was checked
   * already)? The tagger read it and counted what was invalid, as
   * lichang_decode would have, so it is not read a second time: only
   * when the tagger refused the text is it read to tell which reason
   * comes first. */
  if (it->kind == ITEM_JSONL && !cfg->encoding) {
    lichang_decode_info u8;
    if (rc < 0)
      lichang_decode(NULL, NULL, text, len, NULL, &u8, NULL);
    else
      lichang_doc_decode_info(doc, &u8);
    if (mostly_invalid(&u8)) {
      if (rc >= 0)
        lichang_doc_free(doc);
      set_reason(it,
                 "byte %zu of \"text\": not UTF-8 text (%zu of %zu "
                 "characters invalid)",
                 u8.first_invalid, u8.invalid, u8.chars);
      fail(it, cfg);
      return;
    }
  }
  if (it->kind == ITEM_JSONL && it->rec.lone_surrogates)
    sb_printf(&it->msg,
              "lichang: %s: byte %zu: %zu lone surrogate escape%s read as "
              "U+FFFD\n",
              it->where, it->rec.first_lone, it->rec.lone_surrogates,
              it->rec.lone_surrogates > 1 ? "s" : "");
  if (it->kind == ITEM_TEXT && cfg->encoding && info.invalid)
    sb_printf(&it->msg,
              "lichang: %s: byte %zu: %zu invalid %s sequence%s read as "
              "U+FFFD\n",
              it->where, info.first_invalid, info.invalid, info.encoding,
              info.invalid > 1 ? "s" : "");
  if (rc < 0) {
    set_reason(it, "%s", err.message);
    free(conv);
    fail(it, cfg);
    return;
  }
  bool ok = true;
  if (cfg->format == FMT_JSONL)
    ok = format_jsonl(it, doc);
  else if (cfg->format == FMT_TSV)
    ok = format_tsv(it, doc, text);
  if (ok && cfg->summary)
    ok = collect_pairs(it, doc);
  lichang_doc_free(doc);
  free(conv);
  if (!ok) {
    sb_free(&it->out);
    set_reason(it, "out of memory");
    fail(it, cfg);
  }
}
