/* Gold files: what an editor says the passages of an article are, in the
 * format of ../shared/eval (NAME.gold.jsonl), read and written by `lichang
 * review` so reviewed articles become `lichang eval` data.
 *
 * Input: a gold file and its article, or the tagger's passages as a draft.
 * Output: gold_items holding byte spans into the article. Invariants: items
 * are in reading order; every span is inside the article on character
 * boundaries, so the saved "text" is an exact substring. */
#include "cli.h"
#include "view.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void gold_free(gold_list *g) {
  for (size_t i = 0; i < g->n; i++) {
    free(g->v[i].speaker);
    free(g->v[i].target);
  }
  free(g->v);
  memset(g, 0, sizeof *g);
}

static bool reserve(gold_list *g, size_t n) {
  if (n <= g->cap)
    return true;
  size_t cap = g->cap ? g->cap : 16;
  while (cap < n)
    cap *= 2;
  gold_item *v = realloc(g->v, cap * sizeof *v);
  if (!v)
    return false;
  g->v = v;
  g->cap = cap;
  return true;
}

long gold_insert(gold_list *g, gold_item it) {
  if (!reserve(g, g->n + 1))
    return -1;
  size_t at = g->n;
  while (at > 0 &&
         (g->v[at - 1].start > it.start ||
          (g->v[at - 1].start == it.start && g->v[at - 1].end > it.end)))
    at--;
  memmove(&g->v[at + 1], &g->v[at], (g->n - at) * sizeof *g->v);
  g->v[at] = it;
  g->n++;
  return (long)at;
}

bool gold_copy(gold_list *dst, const gold_list *src) {
  memset(dst, 0, sizeof *dst);
  if (!reserve(dst, src->n ? src->n : 1))
    return false;
  for (size_t i = 0; i < src->n; i++) {
    gold_item it = src->v[i];
    it.speaker = strdup(src->v[i].speaker);
    it.target = strdup(src->v[i].target);
    dst->v[dst->n++] = it;
    if (!it.speaker || !it.target) {
      gold_free(dst);
      return false;
    }
  }
  return true;
}

/* memmem is a GNU extension. */
static const char *find(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn == 0 || nn > hn)
    return NULL;
  for (size_t i = 0; i + nn <= hn; i++) {
    const char *p = memchr(h + i, n[0], hn - nn + 1 - i);
    if (!p)
      return NULL;
    i = (size_t)(p - h);
    if (memcmp(p, n, nn) == 0)
      return p;
  }
  return NULL;
}

bool gold_load(gold_list *g, const char *path, const char *text, size_t len,
               char *err, size_t errlen) {
  memset(g, 0, sizeof *g);
  size_t n;
  char *buf = cli_read_file(path, &n);
  if (!buf) {
    int e = errno;
    snprintf(err, errlen, "%s", strerror(e));
    errno = e;
    return false;
  }
  size_t pos = 0, lineno = 0;
  bool ok = true;
  for (size_t i = 0; ok && i < n;) {
    const char *nl = memchr(buf + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - buf) : n;
    lineno++;
    size_t k = i;
    while (k < e && strchr(" \t\r", buf[k]))
      k++;
    if (k < e) {
      jv o;
      char perr[128];
      const char *t;
      lichang_stance st = LICHANG_NEUTRAL;
      if (!jv_parse(buf + i, e - i, &o, perr, sizeof perr)) {
        snprintf(err, errlen, "line %zu: %s", lineno, perr);
        ok = false;
      } else if (!(t = jv_str(jv_get(&o, "text"), NULL)) || !*t) {
        snprintf(err, errlen, "line %zu: no \"text\"", lineno);
        ok = false;
      } else if (!view_stance_parse(jv_str(jv_get(&o, "stance"), "neutral"),
                                    &st)) {
        snprintf(err, errlen, "line %zu: unknown stance '%s'", lineno,
                 jv_str(jv_get(&o, "stance"), ""));
        ok = false;
      } else {
        size_t tn = strlen(t);
        const char *hit = pos < len ? find(text + pos, len - pos, t, tn) : NULL;
        if (!hit)
          hit = find(text, len, t, tn);
        if (!hit) {
          snprintf(err, errlen, "line %zu: text not in the article: %.60s",
                   lineno, t);
          ok = false;
        } else {
          gold_item it = {(size_t)(hit - text),
                          (size_t)(hit - text) + tn,
                          strcmp(jv_str(jv_get(&o, "kind"), ""), "indirect") ==
                              0,
                          strdup(jv_str(jv_get(&o, "speaker"), "")),
                          strdup(jv_str(jv_get(&o, "target"), "")),
                          st,
                          false,
                          -1};
          pos = it.end;
          if (!it.speaker || !it.target || gold_insert(g, it) < 0) {
            free(it.speaker);
            free(it.target);
            snprintf(err, errlen, "out of memory");
            ok = false;
          }
        }
      }
      jv_free(&o);
    }
    i = e + 1;
  }
  free(buf);
  if (!ok)
    gold_free(g);
  errno = 0;
  return ok;
}

bool gold_save(const gold_list *g, const char *path, const char *text,
               char *err, size_t errlen) {
  size_t pl = strlen(path);
  char *tmp = malloc(pl + 16);
  if (!tmp) {
    snprintf(err, errlen, "out of memory");
    return false;
  }
  snprintf(tmp, pl + 16, "%s.tmp%ld", path, (long)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f) {
    snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
    free(tmp);
    return false;
  }
  unsigned id = 0;
  for (size_t i = 0; i < g->n; i++) {
    const gold_item *it = &g->v[i];
    if (it->dropped)
      continue;
    char *t = strndup(text + it->start, it->end - it->start);
    if (!t)
      break;
    fprintf(f, "{\"id\": \"q%02u\", \"kind\": \"%s\", \"speaker\": ", ++id,
            it->indirect ? "indirect" : "direct");
    jv_write_str(f, it->speaker);
    fputs(", \"text\": ", f);
    jv_write_str(f, t);
    fprintf(f, ", \"stance\": \"%s\", \"target\": ",
            lichang_stance_name(it->stance));
    jv_write_str(f, it->target);
    fputs("}\n", f);
    free(t);
  }
  bool ok = !ferror(f);
  ok = fclose(f) == 0 && ok;
  if (ok && rename(tmp, path) != 0)
    ok = false;
  if (!ok) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno ? errno : EIO));
    unlink(tmp);
  }
  free(tmp);
  return ok;
}

/* Characters a gold passage leaves out at its ends. */
static size_t trim_len(const char *s, size_t n, bool at_end) {
  static const char *const edge[] = {" ", "\t", "\n", "\r", "\xE3\x80\x80"};
  static const char *const tail[] = {"\xE3\x80\x82",
                                     "\xEF\xBC\x8C",
                                     ",",
                                     ".",
                                     "\xE3\x80\x81",
                                     "\xEF\xBC\x9B",
                                     ";",
                                     "\xEF\xBC\x9A",
                                     ":"};
  for (size_t k = 0; k < sizeof edge / sizeof *edge; k++) {
    size_t m = strlen(edge[k]);
    if (n >= m && memcmp(at_end ? s + n - m : s, edge[k], m) == 0)
      return m;
  }
  for (size_t k = 0; at_end && k < sizeof tail / sizeof *tail; k++) {
    size_t m = strlen(tail[k]);
    if (n > m && memcmp(s + n - m, tail[k], m) == 0)
      return m;
  }
  return 0;
}

bool gold_from_view(gold_list *g, const view_doc *v) {
  memset(g, 0, sizeof *g);
  for (size_t i = 0; i < v->nq; i++) {
    const view_quote *q = &v->q[i];
    size_t a = q->start, b = q->end, k;
    while (b > a && (k = trim_len(v->text + a, b - a, true)))
      b -= k;
    while (b > a && (k = trim_len(v->text + a, b - a, false)))
      a += k;
    if (a == b)
      continue;
    gold_item it = {a,
                    b,
                    q->indirect,
                    strdup(q->speaker),
                    strdup(q->ntargets ? q->targets[0] : ""),
                    q->stance,
                    false,
                    (long)i};
    if (!it.speaker || !it.target || gold_insert(g, it) < 0) {
      free(it.speaker);
      free(it.target);
      gold_free(g);
      return false;
    }
  }
  return true;
}

void gold_link(gold_list *g, const view_doc *v) {
  for (size_t i = 0; i < g->n; i++) {
    gold_item *it = &g->v[i];
    size_t best = 0;
    it->src = -1;
    for (size_t k = 0; k < v->nq; k++) {
      size_t a = it->start > v->q[k].start ? it->start : v->q[k].start;
      size_t b = it->end < v->q[k].end ? it->end : v->q[k].end;
      if (b > a && b - a > best) {
        best = b - a;
        it->src = (long)k;
      }
    }
  }
}
