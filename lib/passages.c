/* Stage 5: find quoted passages and the mention of who says each.
 *
 * Input: the folded text (lc_text) and the lexicon's speech verbs
 * (speech.txt), titles and organisation words (titles.txt), surnames,
 * pronouns and people; names are found by the rules in mentions.c. Output:
 * doc->quotes in reading order, each with a code point span (the words said,
 * without the attribution clause, the quote marks or a final 。) and the
 * mention of its speaker (who_start, who_end, who); doc->mentions, people the
 * narration names with a title. The speakers stage turns mentions into names.
 *
 * Work is per paragraph ('\n'), in three passes, each linear in the
 * paragraph's length:
 *   1. quote marks: balanced regions (nested marks stay inside the outer
 *      one), an opening mark never closed (the region runs to the end of
 *      the paragraph, or to an attribution sentence inside it), a closing
 *      mark with no opening (a "stray" closer);
 *   2. attributions ("cues"): a speech verb whose clause names a speaker
 *      (OpenCSG創始人陳然認為，/ 他說：/ 在他看來，/ 「…」羅旭說。), in
 *      attribution.c;
 *   3. assembly: each cue's passage runs to the end of its sentence (or its
 *      quote) and on over following sentences that carry no narration; a
 *      quote takes the cue before or after it, else the person just named;
 *      words before an attribution sentence, marks lost, are the speaker's
 *      when they are first person (or the same speaker goes on); a
 *      paragraph with no attribution after a passage that ran to the end of
 *      the one before goes on in that voice when it sounds like a speaker
 *      (first person, a question).
 * Invariants: passages never overlap and are emitted in order; a scan
 * never looks back further than a clause (ZONE_MAX) and reads forward at
 * most once per passage, so 10,000 unclosed marks or a 50 MB paragraph stay
 * linear. Types shared with attribution.c are in passages.h. */
#include "passages.h"

#include <string.h>

/* A quoted stretch this short with no clause punctuation is a term being
 * mentioned (“巨大”), not speech. */
#define SCARE_MAX 8
/* A quoted stretch inside a clause (由「…」增加到, 上…的「…」連署) with
 * no clause punctuation and nobody saying it is a name or a term being
 * cited, up to this length. */
#define TERM_MAX 16

/* ---- pass 1: quote marks ---- */

static int push_region(ctx *x, region r) {
  region *p = lichang__vec_push(&x->regions);
  if (!p)
    return LICHANG_ENOMEM;
  *p = r;
  return 0;
}

static int scan_marks(ctx *x, uint32_t ps, uint32_t pe) {
  lc_vec stack = {.size = sizeof(uint32_t)};
  int rc = 0;
  for (uint32_t i = ps; i < pe && !rc; i++) {
    uint32_t c = x->cp[i];
    /* most characters are no mark: two range tests pass them (the ranges
     * hold a few non-marks, which the tests below pass too) */
    if (c != '"' && c - 0x2018u > 0x201D - 0x2018 && c - 0x300Cu > 3)
      continue;
    uint32_t *st = stack.data;
    bool straight_close =
        c == '"' && stack.len && x->cp[st[stack.len - 1]] == '"';
    if (closer_of(c) && !straight_close) {
      uint32_t *s = lichang__vec_push(&stack);
      if (!s)
        rc = LICHANG_ENOMEM;
      else
        *s = i;
      continue;
    }
    if (!is_closer(c) && !straight_close)
      continue;
    /* Pop to the matching opener; marks above it were never closed. */
    size_t d = stack.len;
    while (d > 0 && closer_of(x->cp[st[d - 1]]) != c)
      d--;
    if (d == 0) {
      if (stack.len == 0)
        rc = push_region(x, (region){i, ps, i, R_STRAY, false});
      continue;
    }
    if (d == 1)
      rc = push_region(x, (region){st[0], st[0] + 1, i, R_BAL, false});
    stack.len = d - 1;
  }
  if (!rc && stack.len) {
    uint32_t o = ((uint32_t *)stack.data)[0];
    rc = push_region(x, (region){o, o + 1, pe, R_UNCLOSED, false});
  }
  lichang__vec_free(&stack);
  return rc;
}

/* ---- pass 3: assembly ---- */

/* 我國, 我省, 我市, 我區, 我縣, 我軍: the narrator's own country or
 * province, as news writes them, not a speaker's "I". */
static bool narrator_we(const ctx *x, uint32_t i, uint32_t b) {
  static const uint32_t places[] = {0x56FD /* 国 */, 0x7701 /* 省 */,
                                    0x5E02 /* 市 */, 0x533A /* 区 */,
                                    0x53BF /* 县 */, 0x519B /* 军 */};
  if (i + 1 >= b || x->cp[i] != 0x6211)
    return false;
  return LC_AMONG(places, x->cp[i + 1]);
}

static bool first_person(const ctx *x, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++)
    if ((x->cp[i] == 0x6211 /* 我 */ && !narrator_we(x, i, b)) ||
        x->cp[i] == 0x54B1 /* 咱 */)
      return true;
  return false;
}

static bool has_word(const ctx *x, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++)
    if (lichang__is_han(x->cp[i]) || is_latin(x->cp[i]))
      return true;
  return false;
}

static bool is_scare(const ctx *x, const region *r) {
  if (r->kind != R_BAL || r->b - r->a > SCARE_MAX)
    return false;
  for (uint32_t i = r->a; i < r->b; i++)
    if (x->cp[i] == ',' || is_sent_end(x->cp[i]) || x->cp[i] == 0x3001)
      return false;
  return true;
}

/* Is r a term cited mid-clause: opened right after a word (not after a
 * clause's punctuation, a colon or another mark), short, and holding no
 * punctuation but 、 (「最後五年平均薪資」, 「不統、不獨」)? */
static bool is_term(const ctx *x, const region *r, uint32_t ps) {
  if (r->kind != R_BAL || r->b - r->a > TERM_MAX || r->open == ps)
    return false;
  uint32_t p = x->cp[r->open - 1];
  if (!(lichang__is_han(p) || is_latin(p) || (p >= '0' && p <= '9')))
    return false;
  for (uint32_t i = r->a; i < r->b; i++)
    if (x->cp[i] == ',' || is_sent_end(x->cp[i]) || x->cp[i] == ':' ||
        is_mark(x->cp[i]))
      return false;
  return true;
}

static void remember_name(ctx *x, uint32_t s, uint32_t e) {
  if (x->nnames >= NAMES_MAX || e <= s)
    return;
  for (size_t i = 0; i < x->nnames; i++)
    if (x->names[i][1] == e - s &&
        !memcmp(x->cp + x->names[i][0], x->cp + s, (e - s) * sizeof *x->cp))
      return;
  x->names[x->nnames][0] = s;
  x->names[x->nnames][1] = e - s;
  x->nnames++;
}

/* Is a listed person or organisation named at i, not a place (伊朗 in
 * speech about it is no sign of narration)? */
static bool listed_at(const ctx *x, uint32_t i, uint32_t b) {
  const lc_entry *e = NULL;
  if (!lichang__mentions_match(&x->s, i, b, LC_K_PERSON, &e))
    return false;
  return e->person < 0 ||
         ((const lc_person *)x->lx->people.data)[e->person].kind != 2;
}

/* Does a title open at i with a name after it, before b (部長王明)? */
static bool titled_name_at(const ctx *x, uint32_t i, uint32_t b) {
  const lc_entry *t = NULL;
  size_t tl = lichang__mentions_match(&x->s, i, b, LC_K_TITLE, &t);
  return tl && t->role == LC_ROLE_TITLE && i + tl < b &&
         (lichang__mentions_chinese(&x->s, i + (uint32_t)tl, b, true) ||
          lichang__mentions_latin(&x->s, i + (uint32_t)tl, b));
}

/* Does a condition open at i (若, 如果, 假如, 倘若, 一旦)? */
static bool supposes(const ctx *x, uint32_t i, uint32_t b) {
  uint32_t c = i < b ? x->cp[i] : 0, n = i + 1 < b ? x->cp[i + 1] : 0;
  return c == 0x82E5 /* 若 */ || (c == 0x5982 /* 如 */ && n == 0x679C) ||
         (c == 0x5047 /* 假 */ && n == 0x5982) ||
         (c == 0x5018 /* 倘 */ && n == 0x82E5) ||
         (c == 0x4E00 /* 一 */ && n == 0x65E6);
}

/* Does the sentence [a, b) open as narration about someone (or, whole,
 * name a speaker anywhere): a speaker's
 * name, a listed person, a name or a title and a name, or 他/她/他們 as
 * subject? */
static bool narrates(const ctx *x, uint32_t a, uint32_t b, bool whole) {
  a = skip_space(x, a, b);
  for (uint32_t i = a; i < b && (whole || i < a + ZONE_MAX); i++) {
    if (!whole && is_clause_end(x->cp[i]) && i > a + 12)
      break;
    if (listed_at(x, i, b))
      return true;
    for (size_t k = 0; k < x->nnames; k++)
      if (x->names[k][1] <= b - i &&
          !memcmp(x->cp + x->names[k][0], x->cp + i,
                  x->names[k][1] * sizeof *x->cp) &&
          !(i == a && supposes(x, i + x->names[k][1], b)))
        return true;
  }
  /* 李國強則持不同看法: a name opening the sentence (not 某某若…: the
   * speaker supposing) */
  uint32_t ne = lichang__mentions_chinese(&x->s, a, b, false);
  if (ne &&
      !(ne < b && lichang__mentions_match(&x->s, ne, b, LC_K_TITLE, NULL)) &&
      !supposes(x, ne, b))
    return true;
  for (uint32_t i = a; i < b && i < a + ZONE_MAX && !is_clause_end(x->cp[i]);
       i++)
    if (titled_name_at(x, i, b))
      return true;
  const lc_entry *e = NULL;
  size_t l = lichang__mentions_match(&x->s, a, b, LC_K_PRONOUN, &e);
  size_t al = l ? lichang__mentions_match(&x->s, a, b, ~0u, NULL) : 0;
  return l && (al == l || !lichang__mentions_word_hides(&x->s, a, al)) &&
         (e->pronoun == LC_PRON_HE || e->pronoun == LC_PRON_SHE ||
          e->pronoun == LC_PRON_THEY);
}

static uint32_t trim_end(const ctx *x, uint32_t a, uint32_t b) {
  while (b > a &&
         (is_space(x->cp[b - 1]) || x->cp[b - 1] == 0x3002 ||
          x->cp[b - 1] == ',' || is_closer(x->cp[b - 1]) ||
          x->cp[b - 1] == '"' || x->cp[b - 1] == ':' || x->cp[b - 1] == '\n'))
    b--;
  return b;
}

static uint32_t trim_start(const ctx *x, uint32_t a, uint32_t b) {
  while (a < b && (is_space(x->cp[a]) || is_clause_end(x->cp[a]) ||
                   closer_of(x->cp[a]) || is_closer(x->cp[a])))
    a++;
  return a;
}

/* An attribution right after a mark is a few marks or spaces away; looking
 * no further keeps 100,000 「」 in a row linear, not quadratic. */
static uint32_t near_end(uint32_t a, uint32_t pe) {
  return a < pe && pe - a > 16 ? a + 16 : pe; /* a may be past pe */
}

static int emit(ctx *x, uint32_t a, uint32_t b, const cue *k, uint8_t who,
                bool direct, bool if_same) {
  a = trim_start(x, a, b);
  b = trim_end(x, a, b);
  x->open_quote = false;
  if (b <= a || !has_word(x, a, b))
    return 0;
  lichang_quote *q = lichang__vec_push(&x->doc->quotes);
  if (!q)
    return LICHANG_ENOMEM;
  q->start = a;
  q->end = b;
  q->kind = direct ? LICHANG_DIRECT : LICHANG_INDIRECT;
  q->speaker = "";
  q->speaker_cp = -1;
  q->if_same = if_same;
  q->targets.size = sizeof(const char *);
  q->evidence.size = sizeof(lichang_evidence);
  if (k) {
    q->who = k->who;
    q->who_start = k->ws;
    q->who_end = k->we;
    q->pronoun = k->pronoun;
    q->negated = k->negated;
    q->speaker_cp = (int32_t)k->ws;
    if (k->who == LC_WHO_NAME)
      remember_name(x, k->ws, k->we);
  } else
    q->who = who;
  return 0;
}

/* The first region ending after a. Regions are in order and do not
 * overlap, so a long paragraph of many quotes costs a look-up no more than
 * the quotes it is about. */
static size_t region_after(const ctx *x, uint32_t a) {
  const region *rg = x->regions.data;
  size_t lo = 0, hi = x->regions.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (rg[mid].b <= a)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Quoted characters in [a, b), for the direct/indirect vote. */
static uint32_t quoted_in(const ctx *x, uint32_t a, uint32_t b) {
  const region *rg = x->regions.data;
  size_t lo = region_after(x, a);
  uint32_t n = 0;
  for (size_t i = lo; i < x->regions.len && rg[i].open < b; i++)
    if (rg[i].kind != R_STRAY && rg[i].b > a && rg[i].a < b &&
        !is_scare(x, rg + i))
      n += (rg[i].b < b ? rg[i].b : b) - (rg[i].a > a ? rg[i].a : a);
  return n;
}

/* Does the sentence [a, b) sound like the speaker going on: first person,
 * a quotation, a turn (但是, 不過) opening it, or a short coda? Plain
 * narration does not carry a passage on. */
static bool goes_on(const ctx *x, uint32_t a, uint32_t b) {
  a = skip_space(x, a, b);
  /* …。這樣距離就會越來越遠。: a short coda goes on too, but not a link
   * or a bullet (…。》某某明細, ★相關新聞): it opens with a word */
  bool word = a < b && (lichang__is_han(x->cp[a]) || is_latin(x->cp[a]) ||
                        (x->cp[a] >= '0' && x->cp[a] <= '9') ||
                        closer_of(x->cp[a]));
  if (first_person(x, a, b) || quoted_in(x, a, b) || (b - a <= 16 && word))
    return true;
  const lc_entry *e = NULL;
  return lichang__mentions_match(&x->s, a, b, LC_K_MODIFIER, &e) &&
         e->mod == LC_MOD_CONTRAST;
}

typedef struct {
  size_t ri, ki; /* next region, next cue */
} cursor;

/* 還, 也, 並, 又, 亦, 另, 更 right before the verb (他還表示, 他更批評): a
 * further act of saying, not the argument going on. */
static bool says_more(const ctx *x, const cue *k) {
  static const uint32_t more[] = {0x4E5F /* 也 */, 0x4EA6 /* 亦 */,
                                  0x53C8 /* 又 */, 0x53E6 /* 另 */,
                                  0x5E76 /* 并 */, 0x8FD8 /* 还 */,
                                  0x66F4 /* 更 */};
  if (k->v <= k->zs)
    return false;
  /* 此外他認為, 另外他表示: a further point, the clause opening with it */
  if (k->ws == k->zs + 2 && k->we <= k->v &&
      (x->cp[k->zs] == 0x6B64 /* 此 */ || x->cp[k->zs] == 0x53E6 /* 另 */) &&
      x->cp[k->zs + 1] == 0x5916 /* 外 */)
    return true;
  return LC_AMONG(more, x->cp[k->v - 1]);
}

/* Does 他 open k's clause and say at once (他表示B, 他則說B: no more than
 * one word between), a plain verb of saying with a statement of eight
 * characters or more after it? Not 他在表態中提及X, 他表示由衷的感謝. */
static bool says_anew(const ctx *x, const cue *k) {
  if (k->cls != LC_SPEECH_SAY || k->object_verb || k->borrowed ||
      k->ws != skip_space(x, k->zs, k->v) || k->v - k->we > 1)
    return false;
  uint32_t j = k->c;
  while (j < x->n && j - k->c < 8 && !is_clause_end(x->cp[j]))
    j++;
  return j - k->c >= 8;
}

/* Does cue k end a passage running into it? Not a pronoun's mid-sentence
 * 他認為 with no comma: 傅晟說，A，但…而言，他認為B is one passage (a
 * view the argument goes on to; so is 該公司預計 mid-sentence for the
 * organisation named before it in the sentence); but 他還表示B, and 他表示B with a verb of
 * saying, are a further statement (a passage of its own). */
static bool splits(const ctx *x, const cue *k) {
  /* someone unnamed taking over (…，救護車駕駛表示，…) ends it too */
  return (k->active || k->generic) && !k->inner &&
         !((k->who == LC_WHO_PRONOUN || k->same_org) && !k->sent &&
           !k->colon && !k->closing && k->c == k->ve && !says_more(x, k) &&
           !says_anew(x, k));
}

/* Is cue k, mid-sentence in a passage running into it, speech the passage
 * quotes (當時陳說「…」，就是授權我們…): its verb takes a quotation at once,
 * and the sentence goes on after it past a comma, in the first speaker's
 * voice? Then it stays inside that passage. */
static bool quoted_within(const ctx *x, const cue *k, uint32_t pe) {
  if (k->sent || k->colon || k->closing || k->c != k->ve ||
      k->c >= pe || !closer_of(x->cp[k->c]))
    return false;
  const region *rg = x->regions.data;
  for (size_t r = region_after(x, k->c);
       r < x->regions.len && rg[r].open <= k->c; r++) {
    if (rg[r].open != k->c)
      continue;
    if (rg[r].kind != R_BAL || rg[r].b + 1 >= pe)
      return false;
    uint32_t j = skip_space(x, rg[r].b + 1, pe);
    if (j >= pe || x->cp[j] != ',')
      return false;
    j = skip_space(x, j + 1, pe);
    return j < pe && lichang__is_han(x->cp[j]);
  }
  return false;
}

/* End of the sentence from position i: a sentence end outside quote marks
 * (a final ? or ! stays in), the end of a quote left open, or the clause
 * of the next attribution. Moves the cursor past what it read. */
static uint32_t sentence_end_of(const ctx *x, uint32_t i, uint32_t pe,
                                cursor *cu, bool quotes) {
  const region *rg = x->regions.data;
  const cue *kk = x->cues.data;
  size_t nr = x->regions.len, nk = x->cues.len;
  uint32_t from = i;
  while (i < pe) {
    while (cu->ri < nr && (rg[cu->ri].kind == R_STRAY || rg[cu->ri].open < i))
      cu->ri++;
    if (cu->ri < nr && rg[cu->ri].open == i) {
      const region *r = rg + cu->ri;
      if (r->kind == R_UNCLOSED)
        return r->b;
      i = r->b + 1;
      /* 「…放過。」今年…: a quotation ending its sentence ends this one */
      if (r->b > r->a && is_sent_end(x->cp[r->b - 1]))
        return i;
      continue;
    }
    while (cu->ki < nk && kk[cu->ki].zs < i)
      cu->ki++;
    for (size_t k = cu->ki; k < nk && kk[k].zs == i; k++)
      if (i > from && splits(x, kk + k) &&
          !(quotes && quoted_within(x, kk + k, pe)))
        return i;
    if (is_sent_end(x->cp[i]))
      return i + (x->cp[i] == '?' || x->cp[i] == '!');
    if (x->cp[i] == 0x3014 || x->cp[i] == 0x3010)
      return i; /* 〔記者某某／台北報導〕, 【…】: a byline or a section */
    i++;
  }
  return pe;
}

/* The same, for a passage that may quote someone within it (quotes) or
 * not: narration, a following sentence. */
static uint32_t sentence_end(const ctx *x, uint32_t i, uint32_t pe,
                             cursor *cu) {
  return sentence_end_of(x, i, pe, cu, false);
}

/* Is there an attribution (also 有人認為, not 我認為) in [a, b)? */
static bool cue_within(const ctx *x, size_t ki, uint32_t a, uint32_t b) {
  const cue *kk = x->cues.data;
  for (; ki < x->cues.len && kk[ki].zs < b; ki++)
    if (kk[ki].zs >= a && !kk[ki].inner && !kk[ki].first)
      return true;
  return false;
}

/* Does an attribution that ends a passage open at i? Words before it in
 * its sentence (此外，某某說，…) lead into it, not on from the passage
 * before. */
static bool opens_cue(const ctx *x, size_t ki, uint32_t i) {
  const cue *kk = x->cues.data;
  for (; ki < x->cues.len && kk[ki].zs <= i; ki++)
    if (kk[ki].zs == i && splits(x, kk + ki))
      return true;
  return false;
}

/* Extends a passage ending at end over the following sentences of the
 * paragraph while they carry no narration and no attribution. After a
 * closed quotation (quoted) the narrator speaks again unless another
 * quotation follows. */
static uint32_t carry_on(const ctx *x, uint32_t end, uint32_t pe, cursor *cu,
                         bool quoted) {
  while (end < pe) {
    uint32_t se = end;
    bool boundary = end > 0 && is_sent_end(x->cp[end - 1]);
    /* after a semicolon the sentence goes on, plain or not */
    bool semi = end > 0 && x->cp[end - 1] == ';';
    while (se < pe && (is_sent_end(x->cp[se]) || is_closer(x->cp[se]) ||
                       is_space(x->cp[se]))) {
      boundary |= is_sent_end(x->cp[se]) || is_closer(x->cp[se]);
      semi |= x->cp[se] == ';';
      se++;
    }
    if (se >= pe || !boundary)
      return end;
    cursor probe = *cu;
    uint32_t ne = sentence_end(x, se, pe, &probe);
    if (ne <= se || !has_word(x, se, ne) || cue_within(x, cu->ki, se, ne) ||
        opens_cue(x, probe.ki, ne) ||
        narrates(x, se, ne, false) || (!semi && !goes_on(x, se, ne)) ||
        (quoted && !closer_of(x->cp[se])))
      return end;
    *cu = probe;
    end = ne;
  }
  return end;
}

/* A closing mark with no opening at r->open: the words since the last
 * passage of the paragraph (which it extends when no attribution comes
 * between: 回答「…」，他提到的…。」) or since the paragraph start. */
static int stray(ctx *x, const region *r, uint32_t *cur, uint32_t pe,
                 size_t first_q, cursor *cu) {
  cue *kk = x->cues.data;
  size_t nk = x->cues.len;
  lichang_quote *qs = x->doc->quotes.data;
  size_t nq = x->doc->quotes.len;
  while (cu->ki < nk && kk[cu->ki].zs < *cur)
    cu->ki++;
  bool merge = nq > first_q;
  for (size_t j = cu->ki; j < nk && kk[j].zs < r->open && merge; j++)
    merge = !kk[j].active || kk[j].inner;
  if (merge) {
    qs[nq - 1].end = trim_end(x, qs[nq - 1].start, r->open);
    *cur = r->open + 1;
    return 0;
  }
  /* the attribution may follow: …。」羅旭表示 */
  const cue *after = NULL;
  uint32_t j = trim_start(x, r->open + 1, near_end(r->open + 1, pe));
  for (size_t m = cu->ki; m < nk && kk[m].zs <= j; m++)
    if (kk[m].zs == j && kk[m].active) {
      after = kk + m;
      kk[m].used = kk[m].closing;
    }
  int rc = emit(x, *cur, r->open, after, LC_WHO_CONTEXT, true, false);
  *cur = r->open + 1;
  return rc;
}

/* Is the bare quote r a phrase the sentence goes on to talk about, its
 * clause running on right after the closing mark (「誰才是正牌？」就不斷
 * 引發爭端, 「…」是他的口頭禪)? A short one only. */
static bool cited(const ctx *x, const region *r, uint32_t pe) {
  uint32_t j = r->b + 1;
  /* (however long, when 時 follows: 出席「…」時表示, an event's name) */
  return r->kind == R_BAL && j < pe && lichang__is_han(x->cp[j]) &&
         (r->b - r->a <= 2 * TERM_MAX || x->cp[j] == 0x65F6 /* 时 */);
}

/* Does the sentence before the bare quote r name an unnamed group (網友留
 * 言撻伐「…」, 民眾直呼「…」)? The quote is theirs, no passage. Only the
 * clause just before the mark is read, and the one before it. */
static bool group_says(const ctx *x, const region *r, uint32_t ps) {
  uint32_t i = r->open, clauses = 0;
  /* back over the quotes before it in a list (「…」、「…」) */
  while (i > ps && r->open - i < ZONE_MAX && !is_sent_end(x->cp[i - 1]) &&
         !(is_closer(x->cp[i - 1]) && i > ps + 1 && is_sent_end(x->cp[i - 2]))) {
    i--;
    if (x->cp[i] == ',' && ++clauses > 1)
      break;
    const lc_entry *e = NULL;
    if (lichang__mentions_match(&x->s, i, r->open, LC_K_TITLE, &e) &&
        e->role == LC_ROLE_GENERIC)
      return true;
  }
  return false;
}

/* Does the bare quote r cite a law's text, right after its article (職安
 * 法第27條，「…」, 第1項「…」, 第6條規定：「…」)? The law says it, no one
 * speaks. */
static bool cites_law(const ctx *x, const region *r, uint32_t ps) {
  uint32_t p = r->open;
  while (p > ps && (is_space(x->cp[p - 1]) || x->cp[p - 1] == ',' ||
                    x->cp[p - 1] == ':'))
    p--;
  if (p >= ps + 2 && x->cp[p - 2] == 0x89C4 /* 规 */ &&
      x->cp[p - 1] == 0x5B9A /* 定 */)
    p -= 2;
  if (p < ps + 2)
    return false;
  uint32_t c = x->cp[p - 1], d = x->cp[p - 2];
  return lichang__is_numeral(d) && (c == 0x6761 /* 条 */ || c == 0x9879 /* 项 */ ||
                 c == 0x6B3E /* 款 */);
}

/* A quote region: its attribution is before it (then the cue took it),
 * right after it (「…」羅旭說。), or none (the person the narration just
 * named speaks). A quote opening a paragraph continues one left open at
 * the end of the paragraph before. */
static int quote(ctx *x, const region *r, uint32_t ps, uint32_t *cur,
                 uint32_t pe, cursor *cu) {
  cue *kk = x->cues.data;
  size_t nk = x->cues.len;
  uint32_t after_close = trim_start(x, r->b + 1, near_end(r->b + 1, pe));
  const cue *k = NULL;
  if (cites_law(x, r, ps)) /* (whoever speaks after it) */
    return 0;
  if (r->kind == R_BAL && !is_scare(x, r))
    for (size_t j = cu->ki; j < nk && kk[j].zs <= after_close; j++)
      if (kk[j].zs == after_close && kk[j].active && !kk[j].inner &&
          !kk[j].borrowed) {
        k = kk + j;
        kk[j].used = kk[j].closing;
      }
  if (!k && (is_scare(x, r) || is_term(x, r, ps) || group_says(x, r, ps) ||
             cited(x, r, pe)))
    return 0;
  uint32_t end = r->b;
  if (!k && r->kind == R_BAL) {
    cursor probe = *cu;
    uint32_t e2 = carry_on(x, r->b + 1, pe, &probe, true);
    if (e2 > r->b + 1) {
      end = e2;
      *cu = probe;
    }
  }
  *cur = end > r->b ? end : r->b + 1;
  bool cont = x->open_quote && !k && skip_space(x, ps, pe) == r->open;
  if (cont) {
    lichang_quote *q =
        (lichang_quote *)x->doc->quotes.data + x->doc->quotes.len - 1;
    q->end = trim_end(x, q->start, end);
    x->open_quote = r->kind == R_UNCLOSED && !r->cut;
    return 0;
  }
  size_t had = x->doc->quotes.len;
  int rc = emit(x, r->a, end, k, LC_WHO_CONTEXT, true, false);
  x->open_quote = x->doc->quotes.len > had && r->kind == R_UNCLOSED && !r->cut;
  return rc;
}

static unsigned clauses(const ctx *x, uint32_t a, uint32_t b) {
  unsigned n = 1;
  for (uint32_t i = a; i < b; i++)
    n += is_clause_end(x->cp[i]) && i + 1 < b;
  return n;
}

/* An organisation named in [a, b): a listed one or a word ending in an
 * organisation word (…局, …公司). */
static bool names_org(const ctx *x, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++) {
    const lc_entry *e = NULL;
    if (listed_at(x, i, b))
      return true;
    size_t l = lichang__mentions_match(&x->s, i, b, LC_K_TITLE, &e);
    if (l && e->role == LC_ROLE_ORG && i > a && lichang__is_han(x->cp[i - 1]))
      return true;
  }
  return false;
}

/* The start of the sentence holding position i, not before cur. */
static uint32_t sentence_start(const ctx *x, uint32_t cur, uint32_t i) {
  while (i > cur && !is_sent_end(x->cp[i - 1]))
    i--;
  return i;
}

/* Words before an attribution sentence, marks lost: the speaker's own when
 * first person or closed by 某某說。; otherwise kept only if the same
 * speaker spoke just before (decided by the speakers stage). */
static int before_cue(ctx *x, const cue *k, uint32_t cur) {
  uint32_t a = trim_start(x, cur, k->zs), b = trim_end(x, a, k->zs);
  if (b <= a || !has_word(x, a, b))
    return 0;
  bool fp = first_person(x, a, b);
  if (!k->closing && !fp && (x->cp[b - 1] == '?' || narrates(x, a, b, true)))
    return 0; /* the narrator asks, or tells of someone */
  if (!fp && lichang__passages_sourced(x, a, b))
    return 0; /* 按央行的說法，…: the narrator cites a source */
  if (quoted_in(x, a, b) * 2 >= b - a)
    return 0;
  bool own = k->closing || fp;
  /* words that are not first person pass only as a run of clauses that
   * names no organisation either (座谈会上，某局作了汇报 is narration) */
  if (!own && (clauses(x, a, b) < 3 || names_org(x, a, b)))
    return 0;
  return emit(x, a, b, k, 0, true, !own);
}

/* Is a short quote right after a speech verb (她直言「我們沒有退路」。)
 * what was said, not a quoted term as its object (駁斥「權威」)? So when
 * it speaks in the first person, or is a whole clause of five characters
 * or more that ends the sentence or clause (not 「…」一詞, 「…」的說法). */
static bool short_said(const ctx *x, const region *r, uint32_t pe) {
  if (first_person(x, r->a, r->b))
    return true;
  uint32_t j = skip_space(x, r->b + 1, pe);
  return r->b - r->a >= 5 && (j >= pe || is_clause_end(x->cp[j]));
}

/* Does the quoted term r open the clause reported (強調「九二共識」之所以
 *重要，…), words of the clause going on after it? Not when a particle or
 * a word for the term follows (「權威」的說法, 「內捲」一詞, 「躺平」等). */
static bool opens_clause(const ctx *x, const region *r, uint32_t pe) {
  uint32_t j = r->b + 1;
  if (j >= pe || !lichang__is_han(x->cp[j]))
    return false;
  static const uint32_t no[] = {0x7684 /* 的 */, 0x4E00 /* 一 */,
                                0x7B49 /* 等 */, 0x8FD9 /* 这 */,
                                0x5B57 /* 字 */, 0x8BCD /* 词 */,
                                0x4E24 /* 两 */, 0x4E8C /* 二 */};
  return !LC_AMONG(no, x->cp[j]);
}

/* The passage an attribution introduces. */
static int after_cue(ctx *x, const cue *k, uint32_t *cur, uint32_t pe,
                     cursor *cu) {
  region *rg = x->regions.data;
  size_t nr = x->regions.len;
  uint32_t a = k->c, end;
  bool direct = k->colon, open = false;
  while (cu->ri < nr && (rg[cu->ri].kind == R_STRAY || rg[cu->ri].open < a))
    cu->ri++;
  /* 以「…」形容X: the words said are in marks before the verb, a region
   * the scan has passed as a term */
  if (a < k->zs && cu->ri > 0 && rg[cu->ri - 1].open == a &&
      rg[cu->ri - 1].kind == R_BAL) {
    const region *r = rg + cu->ri - 1;
    *cur = k->ve; /* what is described after the verb is narration */
    return emit(x, r->a, r->b, k, 0, true, false);
  }
  /* (表示：「會。」 after a colon, however short, is said) */
  bool said = cu->ri < nr && rg[cu->ri].open == a &&
              (!is_scare(x, rg + cu->ri) || k->colon ||
               (k->c == k->ve && short_said(x, rg + cu->ri, pe)));
  if (!said && cu->ri < nr && rg[cu->ri].open == a && k->c == k->ve &&
      is_scare(x, rg + cu->ri) &&
      (!opens_clause(x, rg + cu->ri, pe) || k->object_verb))
    return 0; /* 駁斥「權威」, 提出「積極改革」版: a quoted word is the
               * verb's object */
  if (said) {
    const region *r = rg + cu->ri++;
    a = r->a;
    end = r->b;
    direct = true;
    open = r->kind == R_UNCLOSED && !r->cut;
    uint32_t j = skip_space(x, r->b + 1, pe);
    if (r->kind == R_BAL && j < pe && x->cp[j] == ',') {
      /* 他說，「…」，雖然…。 runs on to the sentence end */
      cursor probe = *cu;
      uint32_t ne = sentence_end(x, j, pe, &probe);
      /* (not over narration of someone: 「…」，張又問「…」) */
      if (!cue_within(x, cu->ki, j, ne) &&
          !narrates(x, skip_space(x, j + 1, ne), ne, false)) {
        end = ne;
        *cu = probe;
      }
    }
  } else {
    /* (a passage the attribution opens may quote someone in it; not a
     * claim, which ends at its clause) */
    end = sentence_end_of(x, a, pe, cu, !k->claim);
    /* 控某某涉弊案，…: a claim with no comma before it ends at its
     * clause; the narration goes on after it */
    if (k->claim) {
      int depth = 0;
      for (uint32_t j = a; j < end; j++) {
        uint32_t c = x->cp[j];
        depth += closer_of(c) && c != '"' ? 1 : is_closer(c) ? -1 : 0;
        if (depth <= 0 && (c == ',' || c == ';' ||
                           (is_space(c) && lichang__mentions_headline(&x->s, a)))) {
          end = j;
          break;
        }
      }
    }
  }
  /* a quotation that closed ends the speaker's turn unless more follows */
  end = carry_on(x, end, pe, cu, end < pe && is_closer(x->cp[end]));
  if (!direct)
    direct = quoted_in(x, a, end) * 2 > end - a;
  size_t had = x->doc->quotes.len;
  int rc = emit(x, a, end, k, 0, direct, false);
  x->open_quote = x->doc->quotes.len > had &&
                  (open || (end == pe && quoted_in(x, a, end) &&
                            rg[nr - 1].kind == R_UNCLOSED && !rg[nr - 1].cut));
  *cur = end;
  return rc;
}

/* Is the paragraph's only passage so far, opened by cue a at the
 * paragraph's start with no marks, really words cue b's speaker says
 * (lost marks), quoting a? So when a's passage is first person (我想…),
 * b opens the next sentence, and b names someone else. */
static bool embedded(const ctx *x, uint32_t ps, size_t first_q, const cue *a,
                     const cue *b) {
  if (!a || x->doc->quotes.len != first_q + 1 || a->colon ||
      a->zs != skip_space(x, ps, b->zs) || b->who != LC_WHO_NAME ||
      a->who != LC_WHO_NAME || b->closing)
    return false;
  const lichang_quote *q = (const lichang_quote *)x->doc->quotes.data + first_q;
  if (q->kind != LICHANG_INDIRECT || !first_person(x, q->start, q->end))
    return false;
  for (uint32_t i = q->end; i < b->zs; i++) /* no other quote between */
    if (is_mark(x->cp[i]))
      return false;
  /* 段宜康…。段說，…: the surname alone is the same person */
  if (b->we - b->ws == 1 && x->cp[b->ws] == x->cp[a->ws])
    return false;
  return a->we - a->ws != b->we - b->ws ||
         memcmp(x->cp + a->ws, x->cp + b->ws, (a->we - a->ws) * sizeof *x->cp);
}

/* Does [a, b) name a person: a listed one (not an organisation or a place:
 * a speaker's 日方, 中方 are no sign of narration) or a speaker's name? */
static bool names_person(const ctx *x, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++) {
    const lc_entry *e = NULL;
    if (lichang__mentions_match(&x->s, i, b, LC_K_PERSON, &e) &&
        (e->person < 0 ||
         ((const lc_person *)x->lx->people.data)[e->person].kind == 0))
      return true;
    for (size_t k = 0; k < x->nnames; k++)
      if (x->names[k][1] <= b - i && !memcmp(x->cp + x->names[k][0], x->cp + i,
                                             x->names[k][1] * sizeof *x->cp))
        return true;
  }
  return false;
}

/* Does the paragraph [ps, pe), holding no attribution, go on in the voice
 * of the passage that ran to the end of the paragraph before (a spokesman's
 * answer over several paragraphs)? So when it is long enough to be speech,
 * does not open by telling of someone or citing a source, and sounds like
 * a speaker: first person, or asking (是否要…？). */
static bool same_voice(const ctx *x, uint32_t ps, uint32_t pe) {
  uint32_t a = skip_space(x, ps, pe), b = trim_end(x, a, pe);
  if (b <= a || b - a < 20 || lichang__passages_sourced(x, a, b))
    return false;
  uint32_t se = a, ce = 0;
  while (se < b && !is_sent_end(x->cp[se])) {
    if (!ce && is_clause_end(x->cp[se]))
      ce = se;
    se++;
  }
  /* 大家表示，…: someone else speaks; 某某…: the narration tells of them */
  for (uint32_t i = a; i < (ce ? ce : se); i++) {
    const lc_entry *e = NULL;
    if (lichang__mentions_match(&x->s, i, b, LC_K_SPEECH, &e) &&
        e->speech != LC_SPEECH_NOT)
      return false;
  }
  /* a person named (not a side: 我們正告日方 is speech), a name or 他/她
   * opening it, a title and a name in its first clause: narration */
  if (names_person(x, a, se) || lichang__mentions_chinese(&x->s, a, se, false))
    return false;
  const lc_entry *pe_ = NULL;
  size_t pl = lichang__mentions_match(&x->s, a, se, LC_K_PRONOUN, &pe_);
  if (pl && (pe_->pronoun == LC_PRON_HE || pe_->pronoun == LC_PRON_SHE ||
             pe_->pronoun == LC_PRON_THEY))
    return false;
  for (uint32_t i = a; i < (ce ? ce : se); i++)
    if (titled_name_at(x, i, se))
      return false;
  /* first person or a question, in the speaker's own words, not inside a
   * quotation the paragraph reports */
  const region *rg = x->regions.data;
  size_t ri = 0;
  for (uint32_t i = a; i < b; i++) {
    while (ri < x->regions.len && (rg[ri].kind == R_STRAY || rg[ri].b < i))
      ri++;
    if (ri < x->regions.len && i >= rg[ri].open && i <= rg[ri].b)
      continue;
    if (x->cp[i] == '?' || ((x->cp[i] == 0x6211 /* 我 */ &&
                             !narrator_we(x, i, b)) ||
                            x->cp[i] == 0x54B1 /* 咱 */))
      return true;
  }
  return false;
}

/* The paragraph [ps, pe) as a passage of the last passage's speaker. */
static int go_on(ctx *x, uint32_t ps, uint32_t pe) {
  lichang_quote last =
      ((const lichang_quote *)x->doc->quotes.data)[x->doc->quotes.len - 1];
  size_t had = x->doc->quotes.len;
  int rc = emit(x, ps, pe, NULL, last.who, first_person(x, ps, pe), false);
  if (rc || x->doc->quotes.len == had)
    return rc;
  lichang_quote *q = (lichang_quote *)x->doc->quotes.data + had;
  q->who_start = last.who_start;
  q->who_end = last.who_end;
  q->pronoun = last.pronoun;
  q->speaker_cp = last.speaker_cp;
  return 0;
}

static int paragraph(ctx *x, uint32_t ps, uint32_t pe) {
  x->regions.len = 0;
  x->cues.len = 0;
  int rc = scan_marks(x, ps, pe);
  if (!rc)
    rc = lichang__passages_scan_cues(x, ps, pe);
  region *rg = x->regions.data;
  cue *kk = x->cues.data;
  size_t nr = x->regions.len, nk = x->cues.len;
  size_t ri = 0, ki = 0, first_q = x->doc->quotes.len;
  if (skip_space(x, ps, pe) == pe)
    return rc; /* a blank line keeps what the paragraph before left */
  bool went_on = x->to_end;
  x->to_end = false;
  if (!rc && went_on && !nk && first_q &&
      (!nr || rg[0].open != skip_space(x, ps, pe)) && same_voice(x, ps, pe)) {
    rc = go_on(x, ps, pe);
    x->to_end = !rc && x->doc->quotes.len > first_q;
    return rc;
  }
  uint32_t cur = ps;      /* text before cur is decided */
  const cue *prev = NULL; /* the cue of the paragraph's last passage */
  if (!nr || rg[0].open != skip_space(x, ps, pe))
    x->open_quote = false; /* only a paragraph opening with a mark goes on */
  while (!rc && (ri < nr || ki < nk)) {
    cursor cu = {ri, ki};
    if (ri < nr && (ki >= nk || rg[ri].open <= kk[ki].zs)) {
      const region *r = rg + ri++;
      cu.ri = ri;
      if (r->open < cur)
        continue;
      rc = r->kind == R_STRAY ? stray(x, r, &cur, pe, first_q, &cu)
                              : quote(x, r, ps, &cur, pe, &cu);
    } else {
      const cue *k = kk + ki++;
      cu.ki = ki;
      if (k->inner || k->zs < cur || k->used)
        continue;
      if (!k->active) { /* 有人認為…: narration, not a passage */
        if (!k->closing && !k->first)
          cur = sentence_end(x, k->c, pe, &cu);
        continue;
      }
      if (k->sent && embedded(x, ps, first_q, prev, k)) {
        /* 老周一上來就說，…，我想這種觀點是錯誤的。…。傅晟說，…: the
         * first attribution, marks lost, is the second speaker's quoting */
        lichang_quote *q =
            (lichang_quote *)x->doc->quotes.data + x->doc->quotes.len - 1;
        q->start = prev->zs;
        q->end = trim_end(x, q->start, k->zs);
        q->kind = LICHANG_DIRECT;
        q->who = k->who, q->who_start = k->ws, q->who_end = k->we;
        q->pronoun = k->pronoun, q->negated = false;
        q->speaker_cp = (int32_t)k->ws;
      } else if (k->sent && cur < k->zs && (rc = before_cue(x, k, cur)))
        break;
      else if (!k->sent && k->closing && cur < k->zs &&
               !lichang__passages_has_subject_words(x, k->we, k->v)) {
        /* 今年出口將優於預期，經濟部長王美花表示。: the clause is only the
         * speaker and the verb (not 權責機關須在兩個月內回應。) */
        size_t had = x->doc->quotes.len;
        if ((rc = before_cue(x, k, sentence_start(x, cur, k->zs))))
          break;
        if (x->doc->quotes.len > had) {
          lichang_quote *q = (lichang_quote *)x->doc->quotes.data + had;
          if (!first_person(x, q->start, q->end) &&
              quoted_in(x, q->start, q->end) * 2 <= q->end - q->start)
            q->kind = LICHANG_INDIRECT;
        }
      }
      size_t had = x->doc->quotes.len;
      if (k->closing)
        cur = k->c < pe ? k->c + 1 : pe;
      else
        rc = after_cue(x, k, &cur, pe, &cu);
      prev = x->doc->quotes.len > had ? k : NULL;
    }
    if (cu.ri > ri)
      ri = cu.ri;
    if (cu.ki > ki)
      ki = cu.ki;
  }
  if (!rc && x->doc->quotes.len > first_q) {
    /* not after a quotation closed at the end: the speaker is done */
    const lichang_quote *q =
        (const lichang_quote *)x->doc->quotes.data + x->doc->quotes.len - 1;
    uint32_t b = trim_end(x, ps, pe);
    bool closed = false;
    for (uint32_t i = q->end; i < pe && i < q->end + 3 && !closed; i++)
      closed = is_closer(x->cp[i]);
    x->to_end = !closed && (q->end >= b || trim_end(x, q->end, pe) == q->end);
    /* or its attribution opened the paragraph, and nothing after the
     * passage is attributed or quoted: a spokesman's answer whose later
     * sentences the passage did not take (…。在中方…後，還…。) */
    if (!x->to_end && !closed && prev && prev->zs == skip_space(x, ps, pe) &&
        q->end < pe) {
      bool more = false;
      for (size_t j = 0; j < nk && !more; j++)
        more = kk[j].zs >= q->end;
      for (size_t j = 0; j < nr && !more; j++)
        more = rg[j].kind != R_STRAY && rg[j].open >= q->end;
      x->to_end = !more;
    }
  }
  return rc;
}

int lichang__passages(lichang_tagger *tg, lichang_doc *doc) {
  ctx x = {
      .lx = tg->lx, .doc = doc, .cp = doc->text.cp, .n = (uint32_t)doc->text.n};
  x.s = (lc_scan){tg->lx, &doc->text, doc->text.cp, (uint32_t)doc->text.n, false};
  x.regions.size = sizeof(region);
  x.cues.size = sizeof(cue);
  int rc = 0;
  uint32_t ps = 0;
  while (ps < x.n && !rc) {
    uint32_t pe = ps;
    while (pe < x.n && x.cp[pe] != '\n')
      pe++;
    rc = paragraph(&x, ps, pe);
    ps = pe + 1;
  }
  lichang__vec_free(&x.regions);
  lichang__vec_free(&x.cues);
  return rc;
}
