/* Stage 6: name each passage's speaker.
 *
 * Input: passages with the mention of their speaker (passages.c), the
 * lexicon's people, surnames and pronouns. Output: quote->speaker, one
 * canonical name per person in the article; passages with nobody named
 * (有人, a pronoun with nobody before it) are dropped.
 *
 * Canonical names: a listed person or organisation → its people-file name;
 * otherwise the first form the article uses. Later forms join it when they
 * fold to the same key: script and case (陳然/陈然), a variant surname
 * (蕭/肖 by surnames.txt), an alias by surname (老周, 小王, 王教授 → the
 * person surnamed so, most recent first). A pronoun is the most recent
 * person of its kind named before it (他/她/他們 a person, 該公司 an
 * organisation), in the narration or as a speaker; a quote with no
 * attribution (LC_WHO_CONTEXT) goes to the person the narration named last
 * in its paragraph or the one before. Linear in the article: narration is
 * scanned once, names are looked up by their first character. */
#include "internal.h"

#include <string.h>

#define NAMES_MAX 256
#define KEY_MAX 24

typedef struct {
  uint32_t key[KEY_MAX]; /* folded, variant surname folded */
  uint32_t len;
  const char *name; /* canonical */
  bool org;
  int32_t next; /* same first character, chained */
} name;

typedef struct {
  const lichang_lexicon *lx;
  lichang_doc *doc;
  const uint32_t *cp;
  name names[NAMES_MAX];
  size_t nnames;
  int32_t bucket[256];
  /* Per listed person the article names: its first form. Chained by id:
   * the people file lists thousands and an article names a few, so an
   * array of them all cost more to clear than the whole stage. */
  struct form {
    int32_t id;
    const char *name;
    struct form *next;
  } *forms[64];
  const char *last_person, *last_org; /* most recent mentions */
  /* an organisation first named in short (a headline's 經合組織) takes the
   * full name the article gives it later: old canonical -> new */
  const char *renamed[8][2];
  size_t nrenamed;
  uint32_t last_person_at, last_org_at;
  /* the first person named in the latest sentence naming one: the
   * sentence's subject, whom 他/她 most likely stands for (立委林某質詢部長
   * 邱某。她說 → 林某) */
  const char *last_subject;
  bool fresh; /* no person named since the last sentence end */
} ctx;

static uint32_t variant(const ctx *x, uint32_t c) {
  /* most characters: one table read */
  const lc_entry *e = lichang__lexicon_char(x->lx, c, LC_K_SURNAME);
  return e && e->same_as ? e->same_as : c;
}

static size_t make_key(const ctx *x, uint32_t a, uint32_t b, uint32_t *key) {
  size_t n = 0;
  for (uint32_t i = a; i < b && n < KEY_MAX; i++)
    if (x->cp[i] != ' ') {
      key[n] = n == 0 ? variant(x, x->cp[i]) : x->cp[i];
      n++;
    }
  return n;
}

static name *find_key(ctx *x, const uint32_t *key, size_t n) {
  if (!n)
    return NULL;
  for (int32_t i = x->bucket[key[0] & 255]; i >= 0; i = x->names[i].next)
    if (x->names[i].len == n && !memcmp(x->names[i].key, key, n * sizeof *key))
      return x->names + i;
  return NULL;
}

static name *add_name(ctx *x, const uint32_t *key, size_t n, const char *nm,
                      bool org) {
  if (x->nnames >= NAMES_MAX || !n)
    return NULL;
  name *p = x->names + x->nnames;
  memcpy(p->key, key, n * sizeof *key);
  p->len = (uint32_t)n;
  p->name = nm;
  p->org = org;
  p->next = x->bucket[key[0] & 255];
  x->bucket[key[0] & 255] = (int32_t)x->nnames++;
  return p;
}

/* The most recent person whose surname (variant folded) is s. */
static const name *by_surname(const ctx *x, uint32_t s, size_t upto) {
  for (size_t i = upto; i-- > 0;)
    if (!x->names[i].org && x->names[i].len >= 2 && x->names[i].key[0] == s)
      return x->names + i;
  return NULL;
}

/* Is [a, b) a word, not a rare one only the corpus counted (the pieces of
 * names are such)? */
static bool common_at(const ctx *x, uint32_t a, uint32_t b, float below) {
  const lc_entry *e = lichang__lexicon_find(x->lx, x->cp + a, b - a);
  return e && (e->kinds & ~LC_K_SURNAME) &&
         ((e->kinds & ~(LC_K_IDF | LC_K_SURNAME | LC_K_PERSON)) ||
          ((e->kinds & LC_K_IDF) && e->idf < below));
}

/* A name the narration opens a sentence with, a surname and two given
 * characters that are a common word (劉重傷送醫, 王受傷後), is the surname
 * and what happened to its person, unless the article writes it again as
 * a name recurs (王平安). Not recorded, so no pronoun or bare quote finds
 * it. */
static bool predicate_name(const ctx *x, uint32_t a, uint32_t b) {
  if (b - a != 3 || !common_at(x, a + 1, b, 7.0f))
    return false;
  /* (a title or role after the surname is a form of address: 李小姐) */
  const lc_entry *g = lichang__lexicon_find(x->lx, x->cp + a + 1, 2);
  if (g->kinds & (LC_K_TITLE | LC_K_PERSON | LC_K_PRONOUN))
    return false;
  /* (a title vouches for the name: 副總理張國清, 記者孫中英) */
  for (uint32_t l = 1; l <= 4 && l <= a; l++) {
    const lc_entry *t = lichang__lexicon_find(x->lx, x->cp + a - l, l);
    if (t && (t->kinds & LC_K_TITLE) && t->role == LC_ROLE_TITLE)
      return false;
  }
  const lc_scan sc = {x->lx, &x->doc->text, x->cp, (uint32_t)x->doc->text.n, false};
  return !lichang__mentions_named_again(&sc, a, a + 3);
}

/* A surname and what looks like a given name [a, b) that is really the
 * surname and a common word (陳隨|即表示, 柯意|有所指地說, 段接受|訪問):
 * the given part opens a word running past the mention, or is itself a
 * very common word. Only for a surname the article gave someone before,
 * as Taiwanese copy shortens a known name to it. */
static const name *surname_and_word(const ctx *x, const uint32_t *key,
                                    size_t n, uint32_t a, uint32_t b) {
  if (n < 2 || n > 3 || b - a != n)
    return NULL;
  const name *p = by_surname(x, key[0], x->nnames);
  if (!p || p->len <= 1)
    return NULL;
  for (uint32_t l = 2; l <= 5 && a + 1 + l <= x->doc->text.n; l++)
    if (a + 1 + l > b && common_at(x, a + 1, a + 1 + l, 7.0f))
      return p;
  /* 段接受: a given part that is a very common word (not 英文 of 蔡英文) */
  return n == 3 && common_at(x, a + 1, b, 4.5f) ? p : NULL;
}

/* Is a[0, na) a short form of b[0, nb) as organisations are shortened:
 * the same first character, then the rest in order, the last of them
 * ending a stretch of b that starts b (經合組織 of 經濟合作與發展組織, 阿盟
 * of 阿拉伯國家聯盟理事會, 北約 of 北大西洋公約組織), and not simply b's
 * beginning (美國 of 美國國務院 is another body)? */
static bool short_form(const uint32_t *a, size_t na, const uint32_t *b,
                       size_t nb) {
  if (na < 2 || na >= nb || a[0] != b[0])
    return false;
  size_t j = 1;
  bool gap = false;
  for (size_t i = 1; i < na; i++) {
    while (j < nb && b[j] != a[i])
      j++, gap = true;
    if (j == nb)
      return false;
    j++;
  }
  return gap;
}

/* An organisation the article named before in full or in short (經合組織
 * after 經濟合作與發展組織, or the other way round): its canonical name. */
static const name *short_or_full(const ctx *x, const uint32_t *key, size_t n,
                                 bool org) {
  for (size_t i = 0; i < x->nnames; i++) {
    const name *p = x->names + i;
    if (!(p->org || org) || p->len < 2)
      continue;
    if ((org && short_form(p->key, p->len, key, n)) ||
        (p->org && short_form(key, n, p->key, p->len)))
      return p;
  }
  return NULL;
}

/* How far back a surname alone looks for 某姓 (李姓男子) in the text. */
#define SURNAMED_LOOK 4000

/* The person named by surname, 姓 and a role before position a (陳姓中士
 * 班長、張姓一等兵與…: named in a list, speaking nowhere yet), nearest
 * first, for a surname alone (張則向陳問說); its canonical name, or NULL. */
static const char *surnamed_before(ctx *x, uint32_t s, uint32_t a) {
  const uint32_t *cp = x->cp;
  uint32_t n = x->doc->text.n, lo = a > SURNAMED_LOOK ? a - SURNAMED_LOOK : 0;
  for (uint32_t j = a >= 2 ? a - 2 : 0; j + 1 < a && j >= lo; j--) {
    if (cp[j + 1] == 0x59D3 /* 姓 */ && variant(x, cp[j]) == s) {
      uint32_t e = j + 2;
      for (;;) { /* a chain of titles: 中士班長 */
        uint32_t l = 4;
        for (; l >= 1; l--) {
          const lc_entry *t = e + l <= n ? lichang__lexicon_find(x->lx, cp + e, l)
                                         : NULL;
          if (t && (t->kinds & LC_K_TITLE) && t->role != LC_ROLE_ORG)
            break;
        }
        if (!l)
          break;
        e += l;
      }
      /* or a role the titles do not list (男, 女, 婦人): up to two */
      if (e == j + 2)
        while (e < j + 4 && e < n && lichang__is_han(cp[e]) &&
               !lichang__lexicon_char(x->lx, cp[e], LC_K_STOP))
          e++;
      if (e == j + 2)
        return NULL;
      uint32_t key[KEY_MAX];
      size_t kn = make_key(x, j, e, key);
      const name *hit = find_key(x, key, kn);
      if (hit)
        return hit->name;
      const lc_text *t = &x->doc->text;
      const char *nm = lichang__arena_strndup(&x->doc->arena, t->src + t->off[j],
                                              t->off[e] - t->off[j]);
      if (nm)
        add_name(x, key, kn, nm, false);
      return nm;
    }
    if (j == 0)
      break;
  }
  return NULL;
}

static bool is_alias_prefix(uint32_t c) {
  return c == 0x8001 /* 老 */ || c == 0x5C0F /* 小 */;
}

/* A listed person's name in this article: the form the article first
 * uses (川普 or 特朗普 or Trump, 习近平 in Simplified), since that is how
 * readers and annotators name them; the people file only joins the forms. */
static const char *person_form(ctx *x, int32_t id, uint32_t a, uint32_t b) {
  struct form **head = &x->forms[(uint32_t)id & 63], *f;
  for (f = *head; f; f = f->next)
    if (f->id == id)
      return f->name;
  const lc_text *t = &x->doc->text;
  f = lichang__arena_alloc(&x->doc->arena, sizeof *f);
  if (!f)
    return NULL;
  f->id = id;
  f->name = lichang__arena_strndup(&x->doc->arena, t->src + t->off[a],
                                   t->off[b] - t->off[a]);
  if (!f->name)
    return NULL;
  f->next = *head;
  *head = f;
  return f->name;
}

/* Does the text right before position at read [a, b)? */
static bool preceded(const ctx *x, uint32_t at, uint32_t a, uint32_t b) {
  return at >= b - a &&
         !memcmp(x->cp + at - (b - a), x->cp + a, (b - a) * sizeof *x->cp);
}

/* 先生, 小姐, 女士, 太太: a form of address, never a country's office. */
static bool address_form(const uint32_t *w, uint32_t n) {
  static const uint32_t forms[][2] = {{0x5148, 0x751F}, {0x5C0F, 0x59D0},
                                      {0x5973, 0x58EB}, {0x592A, 0x592A}};
  for (size_t k = 0; n == 2 && k < sizeof forms / sizeof *forms; k++)
    if (w[0] == forms[k][0] && w[1] == forms[k][1])
      return true;
  return false;
}

/* If [a, b) is a bare title, a country or its short form at most before
 * it (教宗, 丹麥首相, 美總統), where the title starts; else UINT32_MAX. */
static uint32_t bare_title(const ctx *x, uint32_t a, uint32_t b) {
  const lc_person *people = x->lx->people.data;
  for (uint32_t s = a; s < b; s++) {
    const lc_entry *e = lichang__lexicon_find(x->lx, x->cp + s, b - s);
    if (!e || !(e->kinds & LC_K_TITLE) || e->role == LC_ROLE_ORG)
      continue;
    if (s == a)
      return s;
    /* 韓小姐, 法先生: a surname and a form of address name a person */
    if (s == a + 1 && address_form(x->cp + s, b - s))
      return UINT32_MAX;
    const uint32_t side[2] = {x->cp[a], 0x65B9 /* 方 */};
    const lc_entry *p = s == a + 1 ? lichang__lexicon_find(x->lx, side, 2)
                                   : lichang__lexicon_find(x->lx, x->cp + a,
                                                           s - a);
    return p && (p->kinds & LC_K_PERSON) && p->person >= 0 &&
                   people[p->person].kind
               ? s
               : UINT32_MAX;
  }
  return UINT32_MAX;
}

static const char *canonical(ctx *x, uint32_t a, uint32_t b, uint8_t who,
                             bool *org);

/* Could [s, e) be a person's name: listed, or holding no common word
 * (a title's "name" can be a word: 代表嚴厲抨擊, 主席時隔8年)? */
static bool plain_name(const ctx *x, uint32_t s, uint32_t e) {
  const lc_entry *p = lichang__lexicon_find(x->lx, x->cp + s, e - s);
  if (p && (p->kinds & LC_K_PERSON))
    return true;
  /* 醫師因急診: a function word opens no name, but a surname may */
  if (lichang__lexicon_char(x->lx, x->cp[s], LC_K_STOP) &&
      !lichang__lexicon_char(x->lx, x->cp[s], LC_K_SURNAME))
    return false;
  for (uint32_t a = s; a < e; a++)
    for (uint32_t b = a + 2; b <= e; b++) {
      const lc_entry *w = lichang__lexicon_find(x->lx, x->cp + a, b - a);
      if (w && ((w->kinds & ~(LC_K_IDF | LC_K_SURNAME | LC_K_PERSON)) ||
                ((w->kinds & LC_K_IDF) && w->idf < 7.0f)))
        return false;
    }
  return true;
}

/* Does a listed place end at t whose first character is the one-character
 * short form at a (法國外長 for 法外長)? */
static bool short_form_of(const ctx *x, uint32_t t, uint32_t a) {
  const lc_person *people = x->lx->people.data;
  for (uint32_t k = 2; k <= 4 && k <= t; k++) {
    const lc_entry *e = lichang__lexicon_find(x->lx, x->cp + t - k, k);
    if (e && (e->kinds & LC_K_PERSON) && e->person >= 0 &&
        people[e->person].kind == 2 && x->cp[t - k] == x->cp[a])
      return true;
  }
  return false;
}

/* How many names a bare title looks at on either side of it, so that an
 * article of many bare titles stays linear. */
#define TITLE_LOOK 64

/* The first of n spans (starts at stride bytes apart, in order) starting
 * at or after a. */
static size_t first_from(const void *base, size_t n, size_t stride,
                         uint32_t a) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (*(const uint32_t *)((const char *)base + mid * stride) < a)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Is position i on a headline (mentions.c has the rule, which the
 * passages stage reads too)? */
static bool on_headline(const ctx *x, uint32_t i) {
  const lc_scan scan = {x->lx, &x->doc->text, x->cp, (uint32_t)x->doc->text.n, false};
  return lichang__mentions_headline(&scan, i);
}

/* The person a bare title [a, b) (title from ts) stands for: the latest
 * named right after the same words before it (教宗方濟各 … 教宗說), else,
 * on a headline, the first after it (丹麥首相稱 … 丹麥首相某某表示); the
 * whole words before the title alone. "" if nobody. */
static const char *by_title(ctx *x, uint32_t a, uint32_t b, uint32_t ts,
                            bool *org) {
  const lc_mention *m = x->doc->mentions.data;
  const lichang_quote *q = x->doc->quotes.data;
  size_t nm = x->doc->mentions.len, nq = x->doc->quotes.len;
  size_t mi = nm ? first_from(m, nm, sizeof *m, a) : 0;
  size_t qi = nq ? first_from(&q->who_start, nq, sizeof *q, a) : 0;
  /* (quotes are in order of their passages, near enough that of their
   * speakers' mentions for a window) */
  size_t m0 = mi > TITLE_LOOK ? mi - TITLE_LOOK : 0;
  size_t m1 = nm - mi > TITLE_LOOK ? mi + TITLE_LOOK : nm;
  size_t q0 = qi > TITLE_LOOK ? qi - TITLE_LOOK : 0;
  size_t q1 = nq - qi > TITLE_LOOK ? qi + TITLE_LOOK : nq;
  bool headline = on_headline(x, a);
  const lc_scan scan = {x->lx, &x->doc->text, x->cp, (uint32_t)x->doc->text.n, false};
  uint32_t bs = 0, be = 0;
  int rank = 0; /* 4 before, whole; 3 before, title; 2, 1 after */
  /* speakers first: at the same place their name is the fuller one
   * (古特雷斯, where the narration's rule read 古特雷) */
  size_t nqw = q1 - q0;
  for (size_t i = 0; i < nqw + (m1 - m0); i++) {
    bool isq = i < nqw;
    const lichang_quote *qq = isq ? q + q0 + i : NULL;
    size_t mi2 = m0 + (i - nqw);
    uint32_t cs = isq ? qq->who_start : m[mi2].start;
    uint32_t ce = isq ? qq->who_end : m[mi2].end;
    /* (a name the narration gives after a title opens with a surname or
     * is in Latin letters: 法官輕判 names nobody) */
    if ((isq && qq->who != LC_WHO_NAME) || ce <= cs || cs == a ||
        !preceded(x, cs, ts, b) || (!isq && !plain_name(x, cs, ce)) ||
        (!isq && !lichang__lexicon_char(x->lx, x->cp[cs], LC_K_SURNAME) &&
         !(x->cp[cs] < 0x80) && !lichang__mentions_foreign(&scan, cs, ce)))
      continue;
    bool whole = preceded(x, cs, a, b) || short_form_of(x, cs - (b - ts), a);
    /* (丹麥首相 is not 挪威首相某某) */
    if (ts > a && !whole)
      continue;
    int r = cs < a ? 3 + whole : cs >= b && headline ? 1 + whole : 0;
    /* before: the latest; after: the first */
    if (r > rank || (r == rank && r >= 3 && cs > bs) ||
        (r == rank && r && r < 3 && cs < bs))
      rank = r, bs = cs, be = ce;
  }
  if (!rank) {
    /* 中國代表表示 at a meeting of nations, no one named: the country's
     * delegate speaks for it, as its side would (中方) */
    if (ts > a && b - ts == 2 && x->cp[ts] == 0x4EE3 /* 代 */ &&
        x->cp[ts + 1] == 0x8868 /* 表 */) {
      const lc_text *t = &x->doc->text;
      *org = true;
      return lichang__arena_strndup(&x->doc->arena, t->src + t->off[a],
                                    t->off[b] - t->off[a]);
    }
    return "";
  }
  return canonical(x, bs, be, LC_WHO_NAME, org);
}

/* The first person after b (a mention or a speaker, TITLE_LOOK of each
 * at most) whose surname, variant folded, is s: "" if none. */
static const char *surname_after(ctx *x, uint32_t b, uint32_t s, bool *org) {
  const lc_mention *m = x->doc->mentions.data;
  const lichang_quote *q = x->doc->quotes.data;
  size_t nm = x->doc->mentions.len, nq = x->doc->quotes.len;
  size_t mi = nm ? first_from(m, nm, sizeof *m, b) : 0;
  size_t qi = nq ? first_from(&q->who_start, nq, sizeof *q, b) : 0;
  uint32_t bs = UINT32_MAX, be = 0;
  for (size_t i = mi; i < nm && i < mi + TITLE_LOOK; i++)
    if (m[i].end >= m[i].start + 2 && variant(x, x->cp[m[i].start]) == s &&
        plain_name(x, m[i].start, m[i].end) && m[i].start < bs)
      bs = m[i].start, be = m[i].end;
  for (size_t i = qi; i < nq && i < qi + TITLE_LOOK; i++)
    if (q[i].who == LC_WHO_NAME && q[i].who_end >= q[i].who_start + 2 &&
        q[i].who_start >= b && variant(x, x->cp[q[i].who_start]) == s &&
        plain_name(x, q[i].who_start, q[i].who_end) && q[i].who_start < bs)
      bs = q[i].who_start, be = q[i].who_end;
  if (bs == UINT32_MAX)
    return "";
  /* (not another alias: 賴院長 needs a name before it) */
  const lc_entry *te =
      lichang__lexicon_find(x->lx, x->cp + bs + 1, be - bs - 1);
  if (te && (te->kinds & LC_K_TITLE))
    return "";
  return canonical(x, bs, be, LC_WHO_NAME, org);
}

/* On a headline, an organisation and a bare title after it (聯合國秘書長
 * 稱) is the holder the article names after it with them; NULL if none. */
static const char *org_holder(ctx *x, const lichang_quote *q, bool *org) {
  if (q->who != LC_WHO_ORG || !on_headline(x, q->who_start))
    return NULL;
  const lc_entry *t = NULL;
  uint32_t n = (uint32_t)x->doc->text.n, a = q->who_start, ts = q->who_end;
  size_t tl = 0;
  for (uint32_t e = ts + 1; e <= n && e - ts <= 4; e++) {
    const lc_entry *c = lichang__lexicon_find(x->lx, x->cp + ts, e - ts);
    if (c && (c->kinds & LC_K_TITLE) && c->role == LC_ROLE_TITLE)
      t = c, tl = e - ts;
  }
  if (!t)
    return NULL;
  bool o = false;
  const char *r = by_title(x, a, ts + (uint32_t)tl, ts, &o);
  if (!r || !*r)
    return NULL;
  *org = o;
  return r;
}

/* The canonical name for a mention [a, b) named as who; NULL on ENOMEM. */
/* A bare organisation word (代表團表示, 基金會認為, and of two characters
 * 工會指出; not a side, 警方) is the body the article names with it: the
 * latest clause opening with a name that ends in it, this one (以色列總理
 * 辦公室) or one before it (湖北代表團昨天…). NULL when there is none, or
 * [a, b) is no bare word: it speaks as written (新華社, 陸委會 are listed
 * as such words). */
static const char *bare_org(ctx *x, uint32_t a, uint32_t b) {
  uint32_t n = b - a;
  const lc_entry *e = lichang__lexicon_find(x->lx, x->cp + a, n);
  if (n < 2 || n > KEY_MAX || !e || !(e->kinds & LC_K_TITLE) ||
      e->role != LC_ROLE_ORG || (e->kinds & LC_K_PERSON) ||
      x->cp[b - 1] == 0x65B9 /* 方 */)
    return NULL;
  const lc_scan sc = {x->lx, &x->doc->text, x->cp, (uint32_t)x->doc->text.n, false};
  uint32_t s, t;
  if (!lichang__mentions_bare_body(&sc, a, n, false, &s, &t))
    return NULL;
  bool o;
  return canonical(x, s, t, LC_WHO_ORG, &o);
}

/* Does [s, e) end in an organisation word (聯盟, 協會, 公會)? */
static bool ends_in_org(const ctx *x, uint32_t s, uint32_t e) {
  for (uint32_t l = 1; l <= 3 && l < e - s; l++) {
    const lc_entry *w = lichang__lexicon_find(x->lx, x->cp + e - l, l);
    if (w && (w->kinds & LC_K_TITLE) && w->role == LC_ROLE_ORG)
      return true;
  }
  return false;
}

/* How far after a headline a group named by its cause looks for its
 * body, in characters. */
#define GROUP_LOOK 2000

/* A group named by its cause on a headline (環團：…, 勞團：…, 醫界：…): the
 * first body the article names after it whose name holds the cause's
 * character (環 in 某某環境保護聯盟, 勞 in 某某勞工陣線, 醫 in 某某醫師公會).
 * "" if the article names none: an unnamed group's words are no passage. */
static const char *group_body(ctx *x, uint32_t a, uint32_t b, bool *org) {
  const lc_entry *g = lichang__lexicon_find(x->lx, x->cp + a, b - a);
  uint32_t last = x->cp[b - 1];
  if (b - a != 2 || !g || !(g->kinds & LC_K_TITLE) ||
      g->role != LC_ROLE_GENERIC ||
      (last != 0x56E2 /* 团 */ && last != 0x754C /* 界 */) || !on_headline(x, a))
    return NULL;
  const lc_scan sc = {x->lx, &x->doc->text, x->cp, (uint32_t)x->doc->text.n, false};
  uint32_t n = (uint32_t)x->doc->text.n;
  uint32_t hi = n - b > GROUP_LOOK ? b + GROUP_LOOK : n;
  for (uint32_t p = b; p < hi; p++) {
    if (x->cp[p] != x->cp[a])
      continue;
    uint32_t zs = p;
    while (zs > b && p - zs < 16 && lichang__is_han(x->cp[zs - 1]))
      zs--;
    for (uint32_t e = p + 2; e <= hi && e - zs <= 24 && lichang__is_han(x->cp[e - 1]);
         e++) {
      if (!ends_in_org(x, p + 1, e))
        continue;
      lc_cand c = lichang__mentions_subject(&sc, zs, e);
      if (c.who == LC_WHO_ORG && c.e == e && c.s <= p && c.e - c.s >= 4)
        return canonical(x, c.s, c.e, LC_WHO_ORG, org);
    }
  }
  return "";
}

static const char *canonical(ctx *x, uint32_t a, uint32_t b, uint8_t who,
                             bool *org) {
  const lc_text *t = &x->doc->text;
  const lc_entry *e = lichang__lexicon_find(x->lx, x->cp + a, b - a);
  if (who == LC_WHO_NAME && b - a == 2) {
    const char *gb = group_body(x, a, b, org);
    if (gb)
      return gb;
  }
  if (who == LC_WHO_ORG) {
    const char *bo = bare_org(x, a, b);
    if (bo) {
      *org = true;
      return bo;
    }
  }
  if (e && (e->kinds & LC_K_PERSON) && e->person >= 0) {
    const lc_person *p = (const lc_person *)x->lx->people.data + e->person;
    *org = p->kind != 0; /* an organisation or a place */
    const char *nm = person_form(x, e->person, a, b);
    /* known by its form too, so that 賴院長 after 賴清德 finds a listed
     * person by the surname as it finds anyone */
    uint32_t key[KEY_MAX];
    size_t n = make_key(x, a, b, key);
    if (nm && !find_key(x, key, n))
      add_name(x, key, n, nm, *org);
    return nm;
  }
  uint32_t key[KEY_MAX];
  size_t n = make_key(x, a, b, key);
  const name *hit = find_key(x, key, n);
  if (hit) {
    *org = hit->org;
    return hit->name;
  }
  *org = who == LC_WHO_ORG;
  const name *sf = n >= 2 ? short_or_full(x, key, n, *org) : NULL;
  if (sf && sf->len < n && x->nrenamed < 8) {
    /* the full name after the short one: it becomes the canonical name,
     * as readers name the body (經濟合作與發展組織, not 經合組織) */
    const char *full = lichang__arena_strndup(&x->doc->arena, t->src + t->off[a],
                                              t->off[b] - t->off[a]);
    if (!full)
      return NULL;
    const char *old = sf->name;
    for (size_t i = 0; i < x->nnames; i++)
      if (x->names[i].name == old)
        x->names[i].name = full;
    x->renamed[x->nrenamed][0] = old;
    x->renamed[x->nrenamed++][1] = full;
    *org = true;
    add_name(x, key, n, full, true);
    return full;
  }
  if (sf) {
    *org = true;
    return sf->name;
  }
  if (!*org && n == 1) {
    /* 郝說: a surname alone is the latest person of that surname (on a
     * headline, the first after it), and nobody if the article named
     * none */
    const name *p = by_surname(x, key[0], x->nnames);
    if (p)
      return p->name;
    const char *sn = surnamed_before(x, key[0], a);
    if (sn)
      return sn;
    return on_headline(x, a) ? surname_after(x, b, key[0], org) : "";
  }
  if (!*org && n >= 2) {
    /* 老周, 小王: the person surnamed 周 or 王 */
    const name *p = NULL;
    if (n == 2 && is_alias_prefix(x->cp[a]))
      p = by_surname(x, variant(x, x->cp[a + 1]), x->nnames);
    if (!p)
      p = surname_and_word(x, key, n, a, b);
    /* 王教授, 李先生: a surname and a title */
    const lc_entry *te = lichang__lexicon_find(x->lx, x->cp + a + 1, b - a - 1);
    if (!p && te && (te->kinds & LC_K_TITLE))
      p = by_surname(x, key[0], x->nnames);
    if (p)
      return p->name;
    /* 陳重傷送醫，…認為: the person the article named by the surname
     * alone before (陳姓騎士) */
    if (n == 3 && predicate_name(x, a, b)) {
      const char *sn = surnamed_before(x, key[0], a);
      if (sn)
        return sn;
    }
    /* 賴揆: on a headline, the person of that surname named after it */
    if (te && (te->kinds & LC_K_TITLE) && on_headline(x, a)) {
      const char *f = surname_after(x, b, key[0], org);
      if (f && *f)
        return f;
    }
  }
  uint32_t ts = *org ? UINT32_MAX : bare_title(x, a, b);
  if (ts != UINT32_MAX)
    return by_title(x, a, b, ts, org);
  const char *nm = lichang__arena_strndup(&x->doc->arena, t->src + t->off[a],
                                          t->off[b] - t->off[a]);
  if (nm)
    add_name(x, key, n, nm, *org);
  return nm;
}

static void mention(ctx *x, const char *nm, bool org, uint32_t at) {
  if (org) {
    x->last_org = nm;
    x->last_org_at = at;
  } else {
    x->last_person = nm;
    x->last_person_at = at;
    if (x->fresh)
      x->last_subject = nm;
    x->fresh = false;
  }
}

static bool latin(uint32_t c) { return c >= 'a' && c <= 'z'; }

/* A Latin-script name (UN, Meta) found inside a longer word is none. */
static bool inside_word(const ctx *x, uint32_t i, uint32_t e, uint32_t b) {
  return (latin(x->cp[i]) && i > 0 && latin(x->cp[i - 1])) ||
         (latin(x->cp[e - 1]) && e < b && latin(x->cp[e]));
}

/* Records the people the narration names in [a, b): listed people and
 * names the article's attributions use. */
static void narration(ctx *x, uint32_t a, uint32_t b) {
  uint32_t i = a;
  while (i < b) {
    /* Most characters start no listed name, are no surname (whose variant
     * could start an article's name) and start none of the article's
     * names: the root table and the name buckets say so, and the loop
     * passes them without the look-ups below. */
    for (; i < b && x->cp[i] < 0x10000; i++) {
      uint32_t c = x->cp[i];
      if ((x->lx->root[c].below & (LC_K_PERSON | LC_K_SURNAME)) ||
          x->bucket[c & 255] >= 0)
        break;
      x->fresh |= lichang__sentence_end(c);
    }
    if (i >= b)
      break;
    uint32_t c = x->cp[i];
    size_t best = 0;
    const char *nm = NULL;
    bool org = false;
    /* listed people */
    /* On the small trie, and only as deep as a listed name lies: this
     * runs at every character of the narration. */
    const lichang_lexicon *lx = x->lx;
    const lc_trie_node *t = lx->tnodes;
    uint32_t node = 0;
    for (uint32_t j = i; j < b && j - i < lx->max_chars &&
                         lichang__lexicon_may_start(lx, c, LC_K_PERSON);
         j++) {
      if (j == i + 1 && !lichang__trie_pair(lx, c, x->cp[j]))
        break;
      node = lichang__small_step(lx, node, x->cp[j]);
      if (!node || !(t[node].below & LC_K_PERSON))
        break;
      if (!(t[node].here & LC_K_PERSON))
        continue;
      const lc_entry *e = (const lc_entry *)lx->entries.data + t[node].entry;
      if (e->person >= 0 && !inside_word(x, i, j + 1, b)) {
        const lc_person *p = (const lc_person *)x->lx->people.data + e->person;
        best = j - i + 1;
        /* a place (伊朗) speaks only in an attribution: in the narration
         * it is no one a pronoun or a bare quote stands for */
        nm = p->kind == 2 ? NULL : person_form(x, e->person, i, j + 1);
        org = p->kind != 0;
      }
    }
    /* the article's names, first character variant folded */
    uint32_t v = variant(x, c);
    for (int32_t k = x->bucket[v & 255]; k >= 0; k = x->names[k].next) {
      const name *p = x->names + k;
      if (p->len <= best || p->key[0] != v || i + p->len > b)
        continue;
      uint32_t key[KEY_MAX];
      if (make_key(x, i, i + p->len, key) == p->len &&
          !memcmp(key, p->key, p->len * sizeof *key)) {
        best = p->len;
        nm = p->name;
        org = p->org;
      }
    }
    if (nm) {
      mention(x, nm, org, i);
      i += (uint32_t)best;
    } else {
      x->fresh |= lichang__sentence_end(c);
      i++;
    }
  }
}

/* The paragraph start before position i, at most one paragraph back. */
static uint32_t para_start(const ctx *x, uint32_t i, int back) {
  while (i > 0) {
    if (x->cp[i - 1] == '\n' && back-- == 0)
      return i;
    i--;
  }
  return 0;
}

int lichang__speakers(lichang_tagger *tg, lichang_doc *doc) {
  /* Not `ctx x = {…}`: that clears names[], 32 KiB an article, which
   * costs more than the stage; only nnames of it is ever read past. */
  ctx x;
  x.lx = tg->lx;
  x.doc = doc;
  x.cp = doc->text.cp;
  x.nnames = 0;
  memset(x.bucket, -1, sizeof x.bucket);
  memset(x.forms, 0, sizeof x.forms);
  x.last_person = x.last_org = NULL;
  x.last_person_at = x.last_org_at = 0;
  x.last_subject = NULL;
  x.nrenamed = 0;
  x.fresh = true;
  lichang_quote *q = doc->quotes.data;
  size_t nq = doc->quotes.len;
  /* Pass 1: every name, speakers' and the narration's titled ones, in
   * reading order (the first form is canonical), so that the narration can
   * be searched for them even before they first speak. */
  const lc_mention *m = doc->mentions.data;
  size_t nm = doc->mentions.len, mi = 0;
  for (size_t i = 0; i <= nq; i++) {
    if (i < nq && q[i].who != LC_WHO_NAME && q[i].who != LC_WHO_ORG)
      continue;
    uint32_t at = i < nq ? q[i].who_start : UINT32_MAX;
    bool org;
    for (; mi < nm && m[mi].start < at; mi++)
      if (!predicate_name(&x, m[mi].start, m[mi].end) &&
          !canonical(&x, m[mi].start, m[mi].end, LC_WHO_NAME, &org))
        return LICHANG_ENOMEM;
    if (i == nq)
      break;
    q[i].speaker = org_holder(&x, q + i, &org);
    if (!q[i].speaker)
      q[i].speaker =
          canonical(&x, q[i].who_start, q[i].who_end, q[i].who, &org);
    if (!q[i].speaker)
      return LICHANG_ENOMEM;
    q[i].who = org ? LC_WHO_ORG : LC_WHO_NAME;
  }
  for (size_t i = 0; i < nq && x.nrenamed; i++)
    for (size_t r = 0; r < x.nrenamed; r++)
      if (q[i].speaker == x.renamed[r][0])
        q[i].speaker = x.renamed[r][1];
  /* Pass 2: in reading order, pronouns and context. */
  uint32_t pos = 0;
  const char *prev = NULL;
  size_t out = 0;
  for (size_t i = 0; i < nq; i++) {
    uint32_t upto = q[i].start;
    if (q[i].who != LC_WHO_CONTEXT && q[i].who_end && q[i].who_start < upto)
      upto = q[i].who_start;
    if (upto > pos)
      narration(&x, pos, upto);
    const char *who = NULL;
    bool org = q[i].who == LC_WHO_ORG;
    switch (q[i].who) {
    case LC_WHO_NAME:
    case LC_WHO_ORG:
      who = q[i].speaker;
      break;
    case LC_WHO_PRONOUN:
      org = q[i].pronoun == LC_PRON_IT ? x.last_org != NULL
                                       : x.last_person == NULL;
      who = org ? x.last_org
                : x.last_subject ? x.last_subject : x.last_person;
      break;
    case LC_WHO_CONTEXT: {
      uint32_t lo = para_start(&x, q[i].start, 1);
      uint32_t p = x.last_person_at, o = x.last_org_at;
      const char *best = NULL;
      if (x.last_person && p >= lo)
        best = x.last_person;
      if (x.last_org && o >= lo && (!best || o > p)) {
        best = x.last_org;
        org = true;
      }
      who = best;
      break;
    }
    default:
      break;
    }
    if (who && *who && q[i].who != LC_WHO_CONTEXT && !org)
      x.fresh = true; /* a speaker is the subject of the attribution */
    if (who && *who && q[i].who != LC_WHO_CONTEXT)
      mention(&x, who, org, q[i].who_end ? q[i].who_start : q[i].start);
    if (q[i].end > pos) {
      pos = q[i].end;
      x.fresh = true; /* the passage ends its sentence's narration */
    }
    if (!who || !*who || (q[i].if_same && (!prev || strcmp(prev, who) != 0))) {
      lichang__vec_free(&q[i].targets);
      lichang__vec_free(&q[i].evidence);
      continue;
    }
    q[i].speaker = who;
    prev = who;
    q[out++] = q[i];
  }
  doc->quotes.len = out;
  return 0;
}
