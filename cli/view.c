/* A tagged article as plain data for the terminal commands.
 *
 * Input: a lichang_doc through the public accessors, or one JSON object of
 * `lichang tag` output plus the article it was made from. Output: a
 * view_doc (passages, evidence, keywords, speakers with their overall
 * stance) and per-byte styles. Invariants: every span lies inside the
 * article on character boundaries; passages are in reading order. */
#include "view.h"

#include <stdlib.h>
#include <string.h>

static const char *const stance_names[] = {"neutral", "optimistic", "cautious",
                                           "skeptical"};

bool view_stance_parse(const char *name, lichang_stance *out) {
  for (int i = 0; i < 4; i++)
    if (name && strcmp(name, stance_names[i]) == 0) {
      *out = (lichang_stance)i;
      return true;
    }
  return false;
}

static char *dup(const char *s) { return strdup(s ? s : ""); }

void view_free(view_doc *v) {
  for (size_t i = 0; i < v->nq; i++) {
    view_quote *q = &v->q[i];
    free(q->speaker);
    for (size_t k = 0; k < q->ntargets; k++)
      free(q->targets[k]);
    free(q->targets);
    for (size_t k = 0; k < q->nev; k++) {
      free(q->ev[k].rule);
      free(q->ev[k].term);
    }
    free(q->ev);
  }
  free(v->q);
  for (size_t i = 0; i < v->nkw; i++)
    free(v->kw[i].term);
  free(v->kw);
  for (size_t i = 0; i < v->nsp; i++)
    free(v->sp[i].name);
  free(v->sp);
  memset(v, 0, sizeof *v);
}

/* Per speaker: passages, and the overall stance: the stance with the
 * largest summed confidence among the speaker's leaning passages (the rule
 * `lichang tag` uses for its "speakers" array), neutral if none leans. */
static bool summarise(view_doc *v) {
  v->sp = calloc(v->nq ? v->nq : 1, sizeof *v->sp);
  if (!v->sp)
    return false;
  double(*sum)[4] = calloc(v->nq ? v->nq : 1, sizeof *sum);
  if (!sum)
    return false;
  for (size_t i = 0; i < v->nq; i++) {
    const view_quote *q = &v->q[i];
    if (!*q->speaker)
      continue;
    size_t k = 0;
    while (k < v->nsp && strcmp(v->sp[k].name, q->speaker) != 0)
      k++;
    if (k == v->nsp) {
      if (!(v->sp[k].name = dup(q->speaker))) {
        free(sum);
        return false;
      }
      v->nsp++;
    }
    v->sp[k].quotes++;
    v->sp[k].by_stance[q->stance]++;
    if (q->stance != LICHANG_NEUTRAL)
      sum[k][q->stance] += 0.1 + q->score;
  }
  for (size_t k = 0; k < v->nsp; k++) {
    int best = 0;
    for (int s = 1; s < 4; s++)
      if (sum[k][s] > sum[k][best])
        best = s;
    v->sp[k].stance = (lichang_stance)best;
  }
  free(sum);
  return true;
}

bool view_from_doc(view_doc *v, const lichang_doc *doc, const char *text,
                   size_t len) {
  memset(v, 0, sizeof *v);
  v->text = text;
  v->len = len;
  size_t nq = lichang_doc_quote_count(doc), nk = lichang_doc_keyword_count(doc);
  v->q = calloc(nq ? nq : 1, sizeof *v->q);
  v->kw = calloc(nk ? nk : 1, sizeof *v->kw);
  if (!v->q || !v->kw)
    goto oom;
  for (size_t i = 0; i < nk; i++) {
    if (!(v->kw[i].term = dup(lichang_doc_keyword(doc, i, &v->kw[i].weight))))
      goto oom;
    v->nkw++;
  }
  for (size_t i = 0; i < nq; i++) {
    const lichang_quote *lq = lichang_doc_quote(doc, i);
    view_quote *q = &v->q[v->nq++];
    lichang_span sp = lichang_quote_span(lq);
    q->start = sp.start;
    q->end = sp.end;
    q->indirect = lichang_quote_kind_of(lq) == LICHANG_INDIRECT;
    q->stance = lichang_quote_stance(lq, &q->score);
    if (!(q->speaker = dup(lichang_quote_speaker(lq))))
      goto oom;
    size_t nt = lichang_quote_target_count(lq);
    size_t ne = lichang_quote_evidence_count(lq);
    q->targets = calloc(nt ? nt : 1, sizeof *q->targets);
    q->ev = calloc(ne ? ne : 1, sizeof *q->ev);
    if (!q->targets || !q->ev)
      goto oom;
    for (size_t k = 0; k < nt; k++) {
      if (!(q->targets[k] = dup(lichang_quote_target(lq, k))))
        goto oom;
      q->ntargets++;
    }
    for (size_t k = 0; k < ne; k++) {
      const lichang_evidence *e = lichang_quote_evidence(lq, k);
      view_evidence *o = &q->ev[q->nev++];
      o->rule = dup(e->rule);
      o->term = dup(e->term);
      o->start = e->span.start;
      o->end = e->span.end;
      o->stance = e->stance;
      o->weight = e->weight;
      if (!o->rule || !o->term)
        goto oom;
    }
  }
  if (summarise(v))
    return true;
oom:
  view_free(v);
  return false;
}

static bool boundary(const char *text, size_t len, size_t at) {
  return at == 0 || at == len || ((unsigned char)text[at] & 0xC0) != 0x80;
}

static bool span_of(const jv *o, const char *text, size_t len, size_t *a,
                    size_t *b) {
  double s = jv_num(jv_get(o, "start"), -1), e = jv_num(jv_get(o, "end"), -1);
  if (s < 0 || e < s || e > (double)len)
    return false;
  *a = (size_t)s;
  *b = (size_t)e;
  return *a == s && *b == e && boundary(text, len, *a) &&
         boundary(text, len, *b);
}

bool view_from_json(view_doc *v, const jv *obj, const char *text, size_t len,
                    char *err, size_t errlen) {
  memset(v, 0, sizeof *v);
  v->text = text;
  v->len = len;
  const jv *quotes = jv_get(obj, "quotes"), *kws = jv_get(obj, "keywords");
  if (!quotes || quotes->type != JV_ARR) {
    snprintf(err, errlen, "no \"quotes\" array: not `lichang tag` output");
    return false;
  }
  size_t nk = kws && kws->type == JV_ARR ? kws->len : 0;
  v->q = calloc(quotes->len ? quotes->len : 1, sizeof *v->q);
  v->kw = calloc(nk ? nk : 1, sizeof *v->kw);
  if (!v->q || !v->kw)
    goto oom;
  for (size_t i = 0; i < nk; i++) {
    const jv *k = &kws->items[i];
    if (!(v->kw[v->nkw].term = dup(jv_str(jv_get(k, "term"), ""))))
      goto oom;
    v->kw[v->nkw++].weight = jv_num(jv_get(k, "weight"), 0);
  }
  for (size_t i = 0; i < quotes->len; i++) {
    const jv *o = &quotes->items[i];
    view_quote *q = &v->q[v->nq++];
    q->speaker = dup(jv_str(jv_get(o, "speaker"), ""));
    if (!q->speaker)
      goto oom;
    const char *t = jv_str(jv_get(o, "text"), NULL);
    if (!span_of(o, text, len, &q->start, &q->end) ||
        (t && (strlen(t) != q->end - q->start ||
               memcmp(t, text + q->start, q->end - q->start) != 0))) {
      snprintf(err, errlen,
               "passage %zu is not in this article (was it changed after "
               "tagging?)",
               i + 1);
      view_free(v);
      return false;
    }
    q->indirect = strcmp(jv_str(jv_get(o, "kind"), ""), "indirect") == 0;
    if (!view_stance_parse(jv_str(jv_get(o, "stance"), NULL), &q->stance))
      q->stance = LICHANG_NEUTRAL;
    q->score = jv_num(jv_get(o, "score"), 0);
    const jv *tg = jv_get(o, "targets"), *ev = jv_get(o, "evidence");
    size_t nt = tg && tg->type == JV_ARR ? tg->len : 0;
    size_t ne = ev && ev->type == JV_ARR ? ev->len : 0;
    q->targets = calloc(nt ? nt : 1, sizeof *q->targets);
    q->ev = calloc(ne ? ne : 1, sizeof *q->ev);
    if (!q->targets || !q->ev)
      goto oom;
    for (size_t k = 0; k < nt; k++)
      if (tg->items[k].type == JV_STR) {
        if (!(q->targets[q->ntargets] = dup(tg->items[k].str)))
          goto oom;
        q->ntargets++;
      }
    for (size_t k = 0; k < ne; k++) {
      const jv *e = &ev->items[k];
      view_evidence *x = &q->ev[q->nev];
      if (!span_of(e, text, len, &x->start, &x->end))
        continue; /* evidence that is not in the text: nothing to show */
      x->rule = dup(jv_str(jv_get(e, "rule"), ""));
      x->term = dup(jv_str(jv_get(e, "term"), ""));
      q->nev++;
      if (!x->rule || !x->term)
        goto oom;
      if (!view_stance_parse(jv_str(jv_get(e, "stance"), NULL), &x->stance))
        x->stance = LICHANG_NEUTRAL;
      x->weight = jv_num(jv_get(e, "weight"), 0);
    }
  }
  if (summarise(v))
    return true;
oom:
  view_free(v);
  snprintf(err, errlen, "out of memory");
  return false;
}

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

bool view_from_jsonl(view_doc *v, const char *jsonl, size_t n, const char *path,
                     const char *text, size_t len, char *err, size_t errlen) {
  /* three passes, best match first: exact id, file name, content */
  for (int pass = 0; pass < 3; pass++) {
    size_t lineno = 0;
    for (size_t i = 0; i < n;) {
      const char *nl = memchr(jsonl + i, '\n', n - i);
      size_t e = nl ? (size_t)(nl - jsonl) : n;
      lineno++;
      jv obj;
      char perr[128];
      bool blank = true;
      for (size_t k = i; k < e && blank; k++)
        blank = strchr(" \t\r", jsonl[k]) != NULL;
      if (!blank && jv_parse(jsonl + i, e - i, &obj, perr, sizeof perr)) {
        const char *id = jv_str(jv_get(&obj, "id"), "");
        bool want = pass == 0   ? strcmp(id, path) == 0
                    : pass == 1 ? strcmp(base_name(id), base_name(path)) == 0
                                : true;
        if (want) {
          char why[200];
          bool ok = view_from_json(v, &obj, text, len, why, sizeof why);
          if (!ok && pass < 2) /* id still points into obj */
            snprintf(err, errlen, "line %zu (id \"%.60s\"): %s", lineno, id,
                     why);
          jv_free(&obj);
          if (ok)
            return true;
          if (pass < 2)
            return false;
        } else
          jv_free(&obj);
      }
      i = e + 1;
    }
  }
  snprintf(err, errlen, "no line for %s (by id or by its passages)", path);
  return false;
}

/* memmem is a GNU extension; this is all it needs to be here. */
static const char *find(const char *h, size_t hn, const char *n, size_t nn) {
  for (const char *p = h; nn <= hn && (size_t)(p - h) <= hn - nn; p++) {
    p = memchr(p, n[0], hn - nn + 1 - (size_t)(p - h));
    if (!p)
      return NULL;
    if (memcmp(p, n, nn) == 0)
      return p;
  }
  return NULL;
}

uint8_t *view_styles(const view_doc *v) {
  uint8_t *st = calloc(v->len ? v->len : 1, 1);
  if (!st)
    return NULL;
  for (size_t i = 0; i < v->nq; i++) {
    const view_quote *q = &v->q[i];
    for (size_t b = q->start; b < q->end; b++)
      st[b] = (uint8_t)(VS_QUOTE | q->stance);
    for (size_t k = 0; k < q->nev; k++)
      for (size_t b = q->ev[k].start; b < q->ev[k].end; b++)
        st[b] |= VS_UNDER;
  }
  for (size_t k = 0; k < v->nsp; k++) {
    const char *name = v->sp[k].name;
    size_t m = strlen(name);
    if (!m)
      continue;
    for (const char *p = v->text; (size_t)(p - v->text) + m <= v->len;) {
      const char *hit = find(p, v->len - (size_t)(p - v->text), name, m);
      if (!hit)
        break;
      for (size_t b = 0; b < m; b++)
        st[(size_t)(hit - v->text) + b] |= VS_BOLD;
      p = hit + m;
    }
  }
  return st;
}
