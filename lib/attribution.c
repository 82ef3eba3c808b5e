/* Stage 5, pass 2 (of passages.c): attributions ("cues").
 *
 * Input: one paragraph [ps, pe) of the folded text, the quote regions pass 1
 * found in it (x->regions, in order), the segmenter's tokens and the
 * lexicon's speech verbs, titles, organisation words, people, pronouns and
 * function words; names are found by the rules in mentions.c. Output:
 * x->cues, each speech verb whose clause names a speaker (OpenCSG創始人陳然
 * 認為，/ 他說：/ 在他看來，/ 「…」羅旭說。) with its clause start, speaker
 * mention and content start, in reading order; doc->mentions, people the
 * narration names with a title or at a sentence's start; an unclosed region
 * that an attribution sentence inside it ends is cut there (r->b, r->cut).
 * Invariants: speech inside a balanced quote is skipped, never read as a
 * cue; a cue's clause reaches back at most ZONE_MAX code points, and the
 * scan over the paragraph is linear. Pass 3 (passages.c) assembles the
 * passages from regions and cues. */
#include "passages.h"

#include <string.h>

/* How far into its clause a titled name may stand and still be the
 * sentence's subject (聯合國秘書長發言人某某). */
#define TITLED_MAX 16
/* How far after 告訴 the addressee may run before the passage. */
#define TELL_MAX 16

/* ---- pass 2: attributions ---- */

/* If a closing mark at i - 1 ends a short quoted name that the clause
 * runs on from (“卡桑旅”7日稱), the position of its opening mark, else 0. */
static uint32_t quoted_name_start(const ctx *x, uint32_t lo, uint32_t i,
                                  uint32_t v) {
  /* (or an aside after it: 「外交家」（The Diplomat）撰文) */
  if (i <= lo + 2 || i >= v || !is_closer(x->cp[i - 1]) ||
      !(lichang__is_han(x->cp[i]) || (x->cp[i] >= '0' && x->cp[i] <= '9') ||
        x->cp[i] == '('))
    return 0;
  for (uint32_t j = i - 1; j > lo && i - 1 - j <= 10; j--) {
    uint32_t c = x->cp[j - 1];
    if (closer_of(c) == x->cp[i - 1])
      return j - 1 > lo && j < i - 1 ? j - 1 : 0;
    if (!lichang__is_han(c) && !is_latin(c))
      return 0;
  }
  return 0;
}

/* If a closing parenthesis at p closes an aside opened after lo (at most
 * ASIDE_MAX back), the position of its opening one, else 0. */
#define ASIDE_MAX 24
static uint32_t aside_start(const ctx *x, uint32_t lo, uint32_t p) {
  for (uint32_t j = p; j > lo && p - j < ASIDE_MAX; j--) {
    uint32_t c = x->cp[j - 1];
    if (c == '(')
      return j - 1 > lo ? j - 1 : 0;
    if (c == ')' || is_sent_end(c) || c == '\n')
      return 0;
  }
  return 0;
}

/* Is v inside an aside opened in [zs, v) and not closed before v? */
static bool in_aside(const ctx *x, uint32_t zs, uint32_t v) {
  for (uint32_t i = v; i > zs; i--) {
    if (x->cp[i - 1] == ')')
      return false;
    if (x->cp[i - 1] == '(')
      return true;
  }
  return false;
}

/* Start of the clause that ends at v: after , : 。 or a quote mark, at most
 * ZONE_MAX back. */
static uint32_t clause_start(const ctx *x, uint32_t ps, uint32_t v) {
  uint32_t lo = v - ps > ZONE_MAX ? v - ZONE_MAX : ps;
  uint32_t i = v, ext = 0; /* asides skipped do not count, up to ZONE_MAX */
  /* a space between Han characters parts a headline's clauses too (以軍
   * 稱… 哈馬斯稱…) */
  for (;;) {
    while (i > lo && !is_clause_end(x->cp[i - 1]) && !is_mark(x->cp[i - 1]) &&
           !(is_space(x->cp[i - 1]) && i - 1 > lo && i < v &&
             lichang__is_han(x->cp[i - 2]) && lichang__is_han(x->cp[i]))) {
      /* 喬敏（Kyaw Min，音譯）說: a comma inside an aside ends nothing */
      uint32_t o = x->cp[i - 1] == ')' ? aside_start(x, lo, i - 1) : 0;
      if (o && ext + (i - o) <= ZONE_MAX) {
        ext += i - o;
        lo = lo - ps > i - o ? lo - (i - o) : ps;
      }
      i = o ? o : i - 1;
    }
    /* 武裝派別“卡桑旅”7日稱: a short quoted name inside the clause */
    uint32_t o = quoted_name_start(x, lo, i, v);
    if (!o)
      break;
    i = o;
  }
  while (i < v && is_space(x->cp[i]))
    i++;
  return i;
}

static bool opens_sentence(const ctx *x, uint32_t ps, uint32_t zs) {
  uint32_t i = zs;
  while (i > ps && is_space(x->cp[i - 1]))
    i--;
  return i == ps || is_sent_end(x->cp[i - 1]);
}

/* The same, told inline for most characters of the scan: a character
 * right before zs that is neither a space nor ends a sentence. */
static inline bool opens_sentence_fast(const ctx *x, uint32_t ps,
                                       uint32_t zs) {
  if (zs > ps) {
    /* above U+3002 only U+FF61 is a space or ends a sentence: one test
     * for Han, not ten */
    uint32_t c = x->cp[zs - 1];
    if (c > 0x3002 ? c != 0xFF61 : !is_space(c) && !is_sent_end(c))
      return false;
  }
  return opens_sentence(x, ps, zs);
}

/* 針對, 對於, 關於, 隨著: a clause about something. */
static bool about(uint32_t c, uint32_t n) {
  return (c == 0x9488 /* 针 */ && n == 0x5BF9) ||
         (c == 0x5BF9 /* 对 */ && n == 0x4E8E) ||
         (c == 0x5173 /* 关 */ && n == 0x4E8E) ||
         (c == 0x968F /* 随 */ && n == 0x7740);
}

/* The sentence's subject, for a verb whose own clause names nobody:
 * 傅晟模仿…，拿著…，回答「…」. Only a name opening one of its clauses,
 * or a name after a title. */
static lc_cand sentence_subject(const ctx *x, uint32_t ps, uint32_t zs) {
  uint32_t i = zs;
  /* back over a quoted term too (談到「…」時表示), not over speech that
   * ends a sentence inside its marks */
  while (i > ps && zs - i < ZONE_MAX && !is_sent_end(x->cp[i - 1]) &&
         !(is_closer(x->cp[i - 1]) && i > ps + 1 && is_sent_end(x->cp[i - 2])))
    i--;
  lc_cand none = {0};
  while (i < zs) {
    uint32_t j = i;
    while (j < zs && !is_clause_end(x->cp[j]))
      j++;
    uint32_t a = skip_space(x, i, j);
    /* (◎某某事件 ．2014年段宜康開記者會: a clause opening with a bullet
     * holds a subheading; the subject follows its last space or dot) */
    if (a < j && !lichang__is_han(x->cp[a]) && !is_latin(x->cp[a]) &&
        !(x->cp[a] >= '0' && x->cp[a] <= '9'))
      for (uint32_t p = j - 1; p > a + 1; p--)
        if ((is_space(x->cp[p - 1]) || x->cp[p - 1] == '.') &&
            (lichang__is_han(x->cp[p]) || (x->cp[p] >= '0' && x->cp[p] <= '9'))) {
          a = p;
          break;
        }
    /* (2014年段宜康開記者會: a date before the subject) */
    uint32_t d = a;
    while (d < j && ((x->cp[d] >= '0' && x->cp[d] <= '9') ||
                     x->cp[d] == 0x5E74 /* 年 */ || x->cp[d] == 0x6708 /* 月 */ ||
                     x->cp[d] == 0x65E5 /* 日 */ || is_space(x->cp[d])))
      d++;
    if (d > a && d < j && x->cp[a] >= '0' && x->cp[a] <= '9' &&
        !(x->cp[d - 1] >= '0' && x->cp[d - 1] <= '9'))
      a = d;
    /* 針對美國總統川普的威脅，丹麥首相…表示: a clause opening with
     * 針對, 對於, 關於 is about someone, not said by them */
    if (a + 1 < j && about(x->cp[a], x->cp[a + 1])) {
      i = j + 1;
      continue;
    }
    /* (應伊朗要求，應某某邀請，: at someone's request, not said by them;
     * 應 is a surname too) */
    if (a + 3 < j && x->cp[a] == 0x5E94 /* 应 */ &&
        ((x->cp[j - 2] == 0x8981 /* 要 */ && x->cp[j - 1] == 0x6C42 /* 求 */) ||
         (x->cp[j - 2] == 0x9080 /* 邀 */ && x->cp[j - 1] == 0x8BF7 /* 请 */) ||
         (x->cp[j - 2] == 0x8BF7 /* 请 */ && x->cp[j - 1] == 0x6C42 /* 求 */) ||
         (x->cp[j - 2] == 0x4E4B /* 之 */ && x->cp[j - 1] == 0x9080 /* 邀 */))) {
      i = j + 1;
      continue;
    }
    lc_cand s = lichang__mentions_subject(&x->s, a, j);
    /* (or after the titles opening it: 聯合國秘書長發言人某某…，強調…;
     * not one far into it, an object: …反駁董事長某某說法，表示…) */
    if (s.e && !s.generic && !s.first &&
        (s.s == a || (s.titled && s.s - a <= TITLED_MAX &&
                      lichang__mentions_sure(&x->s, s.s, s.e))))
      return s;
    i = j + 1;
  }
  return none;
}

/* Does the sentence at a open with where someone went (在某地，來到,
 *走進, 漫步, 考察, 前往, 步入, 走訪, 深入某地), naming no one? */
static bool visits(const ctx *x, uint32_t a, uint32_t b) {
  static const uint32_t two[][2] = {
      {0x6765, 0x5230} /* 来到 */, {0x8D70, 0x8FDB} /* 走进 */,
      {0x6F2B, 0x6B65} /* 漫步 */, {0x8003, 0x5BDF} /* 考察 */,
      {0x524D, 0x5F80} /* 前往 */, {0x6B65, 0x5165} /* 步入 */,
      {0x8D70, 0x8BBF} /* 走访 */, {0x6DF1, 0x5165} /* 深入 */};
  if (a + 2 > b)
    return false;
  if (x->cp[a] == 0x5728 /* 在 */) {
    /* 在安徽，: a place alone before a comma */
    uint32_t j = a + 1;
    while (j < b && j - a <= 8 && lichang__is_han(x->cp[j]))
      j++;
    return j < b && x->cp[j] == ',' && j - a >= 3;
  }
  for (size_t k = 0; k < sizeof two / sizeof *two; k++)
    if (x->cp[a] == two[k][0] && x->cp[a + 1] == two[k][1])
      return true;
  return false;
}

/* Is [a, b) 報導 or 報道? */
static bool is_report(const uint32_t *cp, uint32_t a, uint32_t b) {
  return b == a + 2 && cp[a] == 0x62A5 /* 报 */ &&
         (cp[a + 1] == 0x5BFC /* 导 */ || cp[a + 1] == 0x9053 /* 道 */);
}

/* 並, 也, 還, 另, 又, 亦: a word that goes on from what came before. */
static bool goes_on_word(uint32_t c) {
  return c == 0x5E76 || c == 0x4E5F || c == 0x8FD8 || c == 0x53E6 ||
         c == 0x53C8 || c == 0x4EA6;
}

/* The organisation the clauses of this sentence before zs name last, as
 * their speaker would be read (…其中包括俄羅斯國家石油公司，該公司…). */
static bool conditional(const ctx *x, uint32_t a, uint32_t b);
static lc_cand org_before(const ctx *x, uint32_t ps, uint32_t zs) {
  uint32_t i = zs;
  while (i > ps && zs - i < ZONE_MAX && !is_sent_end(x->cp[i - 1]))
    i--;
  lc_cand last = {0};
  while (i < zs) {
    uint32_t j = i;
    while (j < zs && !is_clause_end(x->cp[j]))
      j++;
    /* (not one in a condition: 某公司表示，如果政府繼續…，該公司… is
     * the company's, the government is only supposed) */
    if (conditional(x, i, j)) {
      i = j + 1;
      continue;
    }
    /* (the last one named: 全球最大石油公司之一的俄羅斯國家石油公司) */
    for (uint32_t a = skip_space(x, i, j), n = 0; a < j && n < 4; n++) {
      lc_cand c = lichang__mentions_subject(&x->s, a, j);
      if (!c.e || c.e <= a)
        break;
      /* (not an aside: 央視網消息（新聞聯播）： names a source, and a
       * document after it is not that source's) */
      if (c.who == LC_WHO_ORG && !c.generic &&
          !(c.s > ps && x->cp[c.s - 1] == '('))
        last = c;
      a = c.e;
    }
    i = j + 1;
  }
  return last;
}

/* 不, 没, 未 right before position v (並不認為, 没有说: 有 is no matter). */
static bool is_negator(const uint32_t *cp, uint32_t zs, uint32_t v) {
  if (v > zs + 1 && cp[v - 1] == 0x6709 /* 有 */)
    v--;
  return v > zs &&
         (cp[v - 1] == 0x4E0D || cp[v - 1] == 0x6CA1 || cp[v - 1] == 0x672A);
}

/* 敢 能 会 愿 肯: 不敢相信 is negated like 不相信 */
static bool is_modal(uint32_t c) {
  return c == 0x6562 || c == 0x80FD || c == 0x4F1A || c == 0x613F ||
         c == 0x80AF;
}

/* Does [a, b) hold a content word (not only 並, 也, 還)? */
bool lichang__passages_has_subject_words(const ctx *x, uint32_t a, uint32_t b) {
  while (a < b) {
    const lc_entry *e = NULL;
    size_t l = lichang__mentions_match(&x->s, a, b, ~0u, &e);
    if (!l) {
      if (lichang__is_han(x->cp[a]) || is_latin(x->cp[a]))
        return true;
      a++;
      continue;
    }
    if (!(e->kinds & (LC_K_STOP | LC_K_MODIFIER)))
      return true;
    a += (uint32_t)l;
  }
  return false;
}

/* Does [a, b) open by citing a source (據, 按, 根據, 依據: 據了解, 按央行
 * 的說法)? Then it is narration, not anyone's words. */
bool lichang__passages_sourced(const ctx *x, uint32_t a, uint32_t b) {
  uint32_t c = x->cp[a];
  if (c == 0x636E /* 据 */ || c == 0x6309 /* 按 */)
    return true;
  return a + 1 < b && (c == 0x6839 /* 根 */ || c == 0x4F9D /* 依 */) &&
         x->cp[a + 1] == 0x636E;
}

/* Does the content from c open with an attribution clause of its own
 * (據報導，救護車駕駛表示，…; 他透露，一名官員說，…; 請她舉例，她說：「…」)?
 * Then the first verb
 * only relays the source, and the words are the second speaker's. */
static bool relays(const ctx *x, uint32_t c, uint32_t pe) {
  uint32_t e = c;
  while (e < pe && e - c < 24 && !is_clause_end(x->cp[e]) && !is_mark(x->cp[e]))
    e++;
  /* 據資料指出，…: a source the speaker cites, not a second speaker */
  if (e >= pe || (x->cp[e] != ',' && x->cp[e] != ':') || e - c < 3 ||
      lichang__passages_sourced(x, c, e))
    return false;
  for (uint32_t l = 1; l <= 3 && l < e - c; l++) {
    const lc_entry *v = NULL;
    if (lichang__mentions_match(&x->s, e - l, e, LC_K_SPEECH, &v) == l &&
        (v->speech == LC_SPEECH_SAY || v->speech == LC_SPEECH_THINK)) {
      /* (對民眾來說，…: a word that hides the verb is no attribution) */
      for (uint32_t k = 1; k <= 2 && l + k <= e - c; k++) {
        const lc_entry *w =
            lichang__mentions_entry(&x->s, e - l - k, e);
        if (w && (w->kinds & LC_K_SPEECH) && w->speech == LC_SPEECH_NOT)
          return false;
      }
      return true;
    }
  }
  return false;
}

/* 將, 會, 要, 不, 已, 沒, 可, 也, 還, 絕 opening what follows a verb: a
 * clause (稱將反擊, 稱也不出任), however short, not a noun (表示歉意). */
static bool opens_verb_phrase(uint32_t c) {
  return c == 0x5C06 || c == 0x4F1A || c == 0x8981 || c == 0x4E0D ||
         c == 0x5DF2 || c == 0x6CA1 || c == 0x53EF || c == 0x4E5F /* 也 */ ||
         c == 0x8FD8 /* 还 */ || c == 0x7EDD /* 绝 */;
}

/* The feeling a verb like 表示 takes as its object (表示嚴重關切), at most
 * this long. */
#define OBJECT_MAX 6

/* 對, 向 or 針對 after the speaker's mention (ends at we) and before the
 * verb at v, opening the object of 表示 or 表達 said in a feeling (對此表示
 * 歡迎, 向遇難者家屬表示慰問): its position, or 0. */
static uint32_t toward(const ctx *x, uint32_t we, uint32_t v) {
  const uint32_t *cp = x->cp;
  if (v + 1 >= x->n || cp[v] != 0x8868 /* 表 */ ||
      !(cp[v + 1] == 0x793A /* 示 */ || cp[v + 1] == 0x8FBE /* 达 */))
    return 0;
  for (uint32_t i = we; i < v; i++) {
    if (cp[i] == 0x9488 /* 针 */ && i + 1 < v && cp[i + 1] == 0x5BF9)
      return i;
    if (cp[i] == 0x5BF9 /* 对 */ || cp[i] == 0x5411 /* 向 */)
      return i;
  }
  return 0;
}

/* A colon at i: ':' (： folds to it), or ︰ and ∶, which Taiwanese papers
 * write for it. Its length, or 0. */
static inline bool is_colon(uint32_t c) {
  return c == ':' || c == 0xFE30 || c == 0x2236;
}
static size_t colon_len(const ctx *x, uint32_t i, uint32_t pe) {
  return i < pe && is_colon(x->cp[i]);
}

/* 別, 不, 要, 應, 能, 會, 可, 須: a negator or modal that says what one
 * should or should not do. */
static bool mood_word(uint32_t c) {
  return c == 0x522B || c == 0x4E0D || c == 0x8981 || c == 0x5E94 ||
         c == 0x80FD || c == 0x4F1A || c == 0x53EF || c == 0x987B;
}

/* Does [a, b) hold 若, 如果, 假如, 倘若, 一旦 or 要是: a condition (某某若
 *宣布參選), not an act of saying? */
static bool conditional(const ctx *x, uint32_t a, uint32_t b) {
  const uint32_t *cp = x->cp;
  for (uint32_t i = a; i < b; i++) {
    uint32_t c = cp[i], n = i + 1 < b ? cp[i + 1] : 0;
    if (c == 0x82E5 /* 若 */ || (c == 0x5982 /* 如 */ && n == 0x679C) ||
        (c == 0x5047 /* 假 */ && n == 0x5982) ||
        (c == 0x5018 /* 倘 */ && n == 0x82E5) ||
        (c == 0x4E00 /* 一 */ && n == 0x65E6) ||
        (c == 0x8981 /* 要 */ && n == 0x662F))
      return true;
  }
  return false;
}

/* Is [a, b) only 法官, 判決, 判決書, 合議庭 or 法院, an adverb after it
 * or not: the bench or its verdict, unnamed? */
static bool bench_words(const ctx *x, uint32_t a, uint32_t b) {
  static const uint32_t words[][3] = {
      {0x6CD5, 0x5B98, 0} /* 法官 */, {0x5224, 0x51B3, 0} /* 判决 */,
      {0x5224, 0x51B3, 0x4E66} /* 判决书 */, {0x5408, 0x8BAE, 0x5EAD} /* 合议庭 */,
      {0x6CD5, 0x9662, 0} /* 法院 */};
  a = skip_space(x, a, b);
  if (b > a + 2 && (goes_on_word(x->cp[b - 1]) || x->cp[b - 1] == 0x5219 /* 则 */))
    b--;
  for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
    uint32_t n = words[k][2] ? 3 : 2;
    if (b - a == n && !memcmp(x->cp + a, words[k], n * sizeof(uint32_t)))
      return true;
  }
  return false;
}

/* Is c a preposition or verb that may stand right before a court's name
 * (向, 在, 於, 到, 赴, 由, 經, 被, 與, 和, 及)? */
static bool before_court(uint32_t c) {
  static const uint32_t p[] = {0x5411, 0x5728, 0x4E8E, 0x5230, 0x8D74, 0x7531,
                               0x7ECF, 0x88AB, 0x4E0E, 0x548C, 0x53CA};
  return LC_AMONG(p, c);
}

/* The court named last before i, within COURT_BACK characters: a place
 * and 地院 or 地方法院 (高雄地院, 台北地方法院), or 最高法院, 高等法院,
 * 高院. None if there is none. */
#define COURT_BACK 2000
static lc_cand last_court(const ctx *x, uint32_t i) {
  const uint32_t *cp = x->cp;
  static const uint32_t difang[4] = {0x5730, 0x65B9, 0x6CD5, 0x9662}; /* 地方法院 */
  static const uint32_t zuigao[4] = {0x6700, 0x9AD8, 0x6CD5, 0x9662}; /* 最高法院 */
  static const uint32_t gaodeng[4] = {0x9AD8, 0x7B49, 0x6CD5, 0x9662}; /* 高等法院 */
  for (uint32_t p = i; p > 3 && i - p < COURT_BACK; p--) {
    if (cp[p - 1] != 0x9662 /* 院 */)
      continue;
    uint32_t s = 0;
    if (p >= 6 && !memcmp(cp + p - 4, difang, sizeof difang))
      s = p - 6; /* 台北地方法院 */
    else if (p >= 4 && (!memcmp(cp + p - 4, zuigao, sizeof zuigao) ||
                        !memcmp(cp + p - 4, gaodeng, sizeof gaodeng)))
      s = p - 4;
    else if (cp[p - 2] == 0x5730 /* 地 */ && p >= 4)
      s = p - 4; /* 高雄地院 */
    else if (cp[p - 2] == 0x9AD8 /* 高 */)
      s = p - 2; /* 高院 */
    else
      continue;
    bool ok = true;
    for (uint32_t j = s; j < p && ok; j++)
      ok = lichang__is_han(cp[j]) && !(j < p - 2 && before_court(cp[j]));
    if (ok)
      return (lc_cand){.s = s, .e = p, .who = LC_WHO_ORG};
  }
  return (lc_cand){0};
}

/* The claim an accusation verb takes with no comma (控某某涉弊案) runs at
 * least this long to its clause's end. */
#define ACCUSE_MIN 6

/* Reads the attribution around the speech verb [v, ve); false if none. */
/* Is the verb at v 形容 after 以「…」 (or 以「…」來形容)? Then where the
 * opening mark is when the marks hold more than a term (over SCARE_WORDS
 * characters or a clause), UINT32_MAX when only a term; else 0. */
#define SCARE_WORDS 8
static uint32_t described_as(const ctx *x, uint32_t ps, uint32_t v) {
  const uint32_t *cp = x->cp;
  uint32_t zs = ps; /* (the clause starts after the closing mark) */
  if (cp[v] != 0x5F62 /* 形 */ || cp[v + 1] != 0x5BB9 /* 容 */)
    return 0;
  uint32_t q = v;
  if (q > zs && cp[q - 1] == 0x6765 /* 来 */)
    q--;
  if (q <= zs + 2 || !is_closer(cp[q - 1]))
    return 0;
  uint32_t close = q - 1, j = close;
  while (j > zs && close - j < ZONE_MAX && closer_of(cp[j - 1]) != cp[close] &&
         !is_sent_end(cp[j - 1]))
    j--;
  if (j <= zs + 1 || closer_of(cp[j - 1]) != cp[close] ||
      cp[j - 2] != 0x4EE5 /* 以 */)
    return 0;
  bool clause = close - j > SCARE_WORDS;
  for (uint32_t i = j; i < close && !clause; i++)
    clause = cp[i] == ',' || cp[i] == 0x3001 || is_sent_end(cp[i]);
  return clause ? j - 1 : UINT32_MAX;
}

static bool read_cue(ctx *x, uint32_t ps, uint32_t pe, uint32_t v, uint32_t ve,
                     uint8_t cls, cue *k) {
  const uint32_t *cp = x->cp;
  memset(k, 0, sizeof *k);
  uint32_t nx = ve < pe ? cp[ve] : 0;
  /* 說了一句話, 提到過, 說的, 說著: the verb has an object or is a noun;
   * 致詞時說: a time clause, the verb comes after it */
  if (nx == 0x4E86 || nx == 0x8FC7 || nx == 0x7684 || nx == 0x7740 ||
      nx == 0x65F6 ||
      (nx == 0x4E2D /* 在聲明中表示: a noun (批中國 on a headline: after
                     * a verb of blame 中 opens a word) */ &&
       ((cls != LC_SPEECH_CLAUSE && cls != LC_SPEECH_ACCUSE) ||
        lichang__mentions_match(&x->s, ve, pe, ~0u, NULL) < 2 ||
        !lichang__mentions_headline(&x->s, v))) ||
      nx == 0x3001 /* 提醒、宣導: one of a list of deeds */)
    return false;
  /* 做出的判斷, 他的說法, 問題的解釋，: a noun; but 不諱言的說「…」,
   * 意有所指的說，… (的 for 地) says what follows */
  if (v > ps && cp[v - 1] == 0x7684) {
    uint32_t j = skip_space(x, ve, pe);
    if (!(ve == v + 1 && cp[v] == 0x8BF4 /* 说 */ && j < pe &&
          (cp[j] == ',' || cp[j] == ':' || closer_of(cp[j]))))
      return false;
  }
  /* 談到「…」時表示, 回應陸媒提問時聲稱: the verb is in a time clause;
   * the attribution is the verb after 時 */
  /* (回答主持人提問時，…: a time clause ending at the comma, too) */
  /* (not 在…時 after a negator or modal: 呼籲家人別在長輩疲累時，… is
   * what is urged) */
  for (uint32_t j = ve; j + 1 < pe && j - ve < ZONE_MAX && !is_clause_end(cp[j]);
       j++)
    if (j > ve + 1 && cp[j] == 0x5728 /* 在 */ && mood_word(cp[j - 1]))
      break;
    else if (cp[j] == 0x65F6 /* 时 */ &&
        (lichang__mentions_match(&x->s, j + 1, pe, LC_K_SPEECH, NULL) ||
         cp[j + 1] == ','))
      return false;
  /* 遭嗆「…」, 被批評, 遭到指控, 受到抨擊: in the passive the subject is
   * the one blamed or asked, not who speaks */
  if (v > ps) {
    uint32_t p = cp[v - 1], pp = v > ps + 1 ? cp[v - 2] : 0;
    if (p == 0x88AB /* 被 */ || p == 0x906D /* 遭 */ || p == 0x6328 /* 挨 */ ||
        (p == 0x5230 /* 到 */ && (pp == 0x906D || pp == 0x53D7 /* 受 */)))
      return false;
    /* 某某被多位人士爆料: an agent between; the subject still only hears
     * it (被告, 被害人 are people, not the passive; 遭到威脅的八國發表
     * 聲明稱: a passive before 的 only describes the speaker, and one
     * before 時 or 後 is a time clause's: 被批評後表示) */
    bool passive = false;
    for (uint32_t j = clause_start(x, ps, v); j < v; j++)
      if ((cp[j] == 0x88AB || cp[j] == 0x906D) && cp[j + 1] != 0x544A /* 告 */ &&
          cp[j + 1] != 0x5BB3 /* 害 */)
        passive = true;
      else if (cp[j] == 0x7684 /* 的 */ || cp[j] == 0x65F6 /* 时 */ ||
               cp[j] == 0x540E /* 后 */)
        passive = false;
    if (passive)
      return false;
  }
  uint32_t said_at = ve; /* where what is said may begin */
  /* 報告顯示，…: a document standing for its author right before */
  if (cls == LC_SPEECH_SHOW) {
    bool doc = false;
    for (uint32_t l = 2; l <= 3 && l <= v - ps && !doc; l++) {
      const lc_entry *d = lichang__mentions_entry(&x->s, v - l, v);
      doc = d && (d->kinds & LC_K_PRONOUN) && d->pronoun == LC_PRON_IT;
    }
    if (!doc)
      return false;
    cls = LC_SPEECH_CLAUSE;
  }
  bool object_verb = cls == LC_SPEECH_CLAUSE || cls == LC_SPEECH_ACCUSE;
  bool claim = false;
  if (object_verb) {
    /* 稱讚，…/ 批評：「…」 reports what was said; 稱讚球員的表現 only
     * names what was praised; 直批張「…」, 嗆對手「…」: a short object
     * (the one blamed) and a quote */
    uint32_t j = skip_space(x, ve, pe), o = j;
    while (o < pe && o - j < 3 && lichang__is_han(cp[o]))
      o++;
    if (o > j && o < pe && cp[o] == 0x300C /* 「 */ && o - j <= 3)
      said_at = j = o;
    /* 控林某涉弊案, 爆料某立委曾…: what one is accused of is a claim,
     * said with no comma when it runs long to its clause's end (控告 and
     * 指控罪名 stay short) */
    /* (a one-character verb only opening its clause, after a surname
     * alone or an adverb: 段控…, 還控…; in 聯防聯控, 嚴控成本, 觸控 it
     * is part of a word) */
    bool long_claim = false;
    uint32_t vz = clause_start(x, ps, v);
    if (cls == LC_SPEECH_ACCUSE && j < pe && lichang__is_han(cp[j]) &&
        (ve - v > 1 || vz == v ||
         (v == vz + 1 &&
          lichang__mentions_match(&x->s, vz, v, LC_K_SURNAME, NULL)) ||
         goes_on_word(cp[v - 1]) || cp[v - 1] == 0x66F4 /* 更 */ ||
         cp[v - 1] == 0x5219 /* 则 */)) {
      uint32_t m = j;
      while (m < pe && m - j <= ACCUSE_MIN && !is_clause_end(cp[m]))
        m++;
      long_claim = m - j >= ACCUSE_MIN;
    }
    /* 提勒森批中國是共犯, 澳洲批中國派間諜 陸媒…: on a headline a verb of
     * blame and its claim, three characters or more to the line's end or
     * a space, are said, when a speaker the rules know ends right at it */
    if (!long_claim && j < pe && lichang__is_han(cp[j]) &&
        lichang__mentions_headline(&x->s, v)) {
      uint32_t m = j;
      while (m < pe && !is_clause_end(cp[m]) && !is_space(cp[m]) && !is_mark(cp[m]))
        m++;
      lc_cand hs = vz < v ? lichang__mentions_subject(&x->s, vz, v) : (lc_cand){0};
      long_claim = m - j >= 3 && (m >= pe || !is_mark(cp[m])) && hs.e == v &&
                   !hs.generic && hs.who != LC_WHO_PRONOUN &&
                   lichang__mentions_sure(&x->s, hs.s, hs.e);
    }
    if (j >= pe ||
        !(cp[j] == ',' || cp[j] == ':' || closer_of(cp[j]) || long_claim))
      return false;
    claim = long_claim && cp[j] != ',' && cp[j] != ':' && !closer_of(cp[j]);
    cls = LC_SPEECH_SAY;
  }
  *k = (cue){0};
  k->v = v, k->ve = ve, k->cls = cls;
  k->zs = clause_start(x, ps, v);
  uint32_t zs = k->zs;
  /* 紅軍城（烏方稱波克羅夫斯克）: a verb in an aside names, says nothing */
  if (in_aside(x, zs, v))
    return false;
  if (cls == LC_SPEECH_FRAME) { /* 在他看來，: needs 在 and a comma */
    while (zs < v && cp[zs] != 0x5728)
      zs++;
    if (zs == v || ve >= pe || cp[ve] != ',')
      return false;
    zs++;
  }
  lc_cand s = lichang__mentions_subject(&x->s, zs, v);
  /* 敬酒時鬆口: a time clause ending in 時 is no name; the one named
   * before it, if any, speaks (立委 管碧玲 今天質詢時指出, the spaces
   * left by links in scraped text) */
  if (s.e == v && s.who == LC_WHO_NAME && v > s.s + 1 &&
      cp[v - 1] == 0x65F6 /* 时 */) {
    uint32_t ts = s.s, z = zs;
    s = (lc_cand){0};
    /* back over at most two stretches a space ends, inside the sentence */
    for (int hop = 0; hop < 2 && !s.e; hop++) {
      while (ts > z && is_space(cp[ts - 1]))
        ts--;
      if (ts > z) {
        s = lichang__mentions_subject(&x->s, z, ts);
        if (s.e != ts || s.who != LC_WHO_NAME)
          s = (lc_cand){0};
      }
      if (s.e || z <= ps + 1 || !is_space(cp[z - 1]) ||
          !lichang__is_han(cp[z - 2]))
        break;
      ts = z - 1;
      z = clause_start(x, ps, ts);
    }
  }
  uint32_t nq = skip_space(x, ve, pe);
  bool quotes_next = nq < pe && (closer_of(cp[nq]) || cp[nq] == ':');
  /* 並強調：「…」, 談到「…」時表示，…, 某某在途中，於巴黎受訪時說，…: a
   * clause naming nobody, only adverbs or a time clause closed by 時, has
   * the sentence's subject speak */
  /* (並預測X, 也預估X: a forecast going on from what was said; not 也
   * 預計, which as often says what is scheduled: 並預計7月重新開園) */
  if (!s.e && !s.generic &&
      ((cls == LC_SPEECH_SAY && quotes_next) ||
       (cls == LC_SPEECH_PREDICT && v == zs + 1 && goes_on_word(cp[zs]) &&
        !(cp[v] == 0x9884 /* 预 */ && cp[v + 1] == 0x8BA1 /* 计 */)) ||
       ((cls == LC_SPEECH_SAY || cls == LC_SPEECH_THINK) &&
        (!lichang__passages_has_subject_words(x, zs, v) ||
         lichang__mentions_opens_with_verb(&x->s, zs, v) ||
         (v > zs && cp[v - 1] == 0x65F6 /* 时 */))))) {
    s = sentence_subject(x, ps, k->zs);
    /* 他指出，…。並呼籲…: a sentence opening with 並, 也, 還 goes on
     * with the subject of the one before */
    uint32_t b = k->zs;
    while (b > ps && is_space(cp[b - 1]))
      b--;
    if (!s.e && b > ps + 1 && is_sent_end(cp[b - 1]) && goes_on_word(cp[zs]))
      s = sentence_subject(x, ps, b - 1);
    /* 總書記…作出重要指示。漫步某街，指出“…”；走進某河街，強調“…”: a
     * sentence that opens with where someone went names no one, and its
     * verb of saying goes on with the person who opens the sentence
     * before (over at most five such sentences; a person only) */
    uint32_t ss = k->zs;
    while (ss > ps && !is_sent_end(cp[ss - 1]))
      ss--;
    ss = skip_space(x, ss, k->zs);
    for (int hop = 0; hop < 5 && !s.e && ss > ps + 1 && visits(x, ss, k->zs);
         hop++) {
      lc_cand c = sentence_subject(x, ps, ss - 1);
      if (c.e) {
        if (c.who == LC_WHO_NAME)
          s = c;
        break;
      }
      uint32_t p = ss - 1;
      while (p > ps && !is_sent_end(cp[p - 1]))
        p--;
      ss = skip_space(x, p, ss);
    }
    k->borrowed = s.e != 0;
  }
  /* a pronoun in the clause itself (該公司, 報導) stood for s */
  bool own = s.e && s.s >= zs, resolved = false;
  /* 報導指出: the outlet that last reported (《環時》報導稱), or nobody */
  if (s.e && s.who == LC_WHO_PRONOUN && is_report(cp, s.s, s.e)) {
    if (!x->report_e)
      return false;
    s.s = x->report_s, s.e = x->report_e, s.who = x->report_who;
    resolved = own;
  }
  if (s.e && s.who == LC_WHO_PRONOUN && s.pronoun == LC_PRON_IT) {
    /* 國防軍發表聲明。聲明還稱，…: the statement speaks for the
     * organisation the sentence before opens with; …包括俄羅斯國家石油
     * 公司，該公司表示: or the one named last in this sentence */
    uint32_t b = k->zs;
    while (b > ps && is_space(cp[b - 1]))
      b--;
    lc_cand o = org_before(x, ps, k->zs);
    bool here = o.e != 0;
    if (!o.e && b > ps && is_sent_end(cp[b - 1]))
      o = sentence_subject(x, ps, b - 1);
    if (o.e && o.who == LC_WHO_ORG) {
      s = o;
      k->same_org = here;
      resolved = own;
    }
  }
  /* 法官認為, 判決指出: the court the article last named speaks (法官
   * is no 法 and a given name), or no one */
  if (bench_words(x, zs, v)) {
    lc_cand c = last_court(x, zs);
    if (c.e || s.who == LC_WHO_NAME)
      s = c;
  }
  /* 研究團隊表示：「…」, someone the rules do not know: the quote is
   * theirs, not the last person's named, so it is no passage (an inactive
   * cue). With no subject at all (並強調：「…」) the quote keeps its
   * context. */
  if (!s.e && !s.generic &&
      (!quotes_next || !lichang__passages_has_subject_words(x, zs, v)))
    return false;
  /* 瑞典分析人士：… on a headline: the analyst the article names next
   * (the speakers stage finds whom, by the title) */
  if (s.generic && s.e && lichang__mentions_headline(&x->s, s.s))
    s.generic = false, s.who = LC_WHO_NAME;
  /* (a speaker a pronoun in the clause stands for, 該公司 or 報道, is
   * checked within the clause only: 某公司表示，如果X，該公司預計…) */
  if (s.e && (resolved ? conditional(x, zs, v)
                       : conditional(x, zs, s.s) || conditional(x, s.e, v)))
    return false; /* 陳某若宣布參選，…: if they say it, they have not */
  k->ws = s.s, k->we = s.e, k->who = s.who, k->pronoun = s.pronoun;
  if (s.e && (s.who == LC_WHO_ORG || s.who == LC_WHO_NAME) && !s.generic &&
      is_report(cp, v, v + 2 <= ve ? v + 2 : ve))
    x->report_s = s.s, x->report_e = s.e, x->report_who = s.who;
  k->active = s.e && !s.generic && !s.first && s.who != LC_WHO_NONE;
  k->generic = s.generic;
  k->first = s.first;
  k->negated = is_negator(cp, zs, v) ||
               (v > zs + 1 && is_modal(cp[v - 1]) && is_negator(cp, zs, v - 1));
  if (k->negated && cls != LC_SPEECH_THINK)
    return false; /* 並不表示 X: X is not implied; nobody speaks */
  uint32_t after = skip_space(x, ve, pe);
  if (k->negated && after < pe && is_clause_end(cp[after]))
    return false; /* 不敢相信，: disbelief, no reported clause */
  uint32_t c = said_at;
  k->object_verb = object_verb;
  k->claim = claim;
  if (cls == LC_SPEECH_TELL) { /* 告訴第一財經，… */
    for (uint32_t j = ve; j < pe && j - ve < TELL_MAX; j++) {
      if (cp[j] == ',' || cp[j] == ':') {
        c = j;
        break;
      }
      /* 告訴張「…」: a short addressee, then the quotation */
      if (closer_of(cp[j]) && cp[j] != '"' && j > ve && j - ve <= 6) {
        c = j;
        break;
      }
      if (is_sent_end(cp[j]) || closer_of(cp[j]))
        break;
    }
  }
  c = skip_space(x, c, pe);
  size_t cl = colon_len(x, c, pe);
  if (c < pe && (cp[c] == ',' || cl)) {
    k->colon = cl != 0;
    c = skip_space(x, c + (cl ? (uint32_t)cl : 1), pe);
  }
  /* 以「教科書式的種族清洗」形容X: the words in marks are what the
   * speaker calls it, and they are said; a word or two in marks (以「國
   * 恥」形容) is a term, no passage */
  uint32_t called = described_as(x, ps, v);
  if (called == UINT32_MAX)
    return false;
  if (called) {
    k->c = called;
    k->closing = false;
    k->sent = opens_sentence(x, ps, k->zs);
    return true;
  }
  k->c = c;
  k->closing = c >= pe || is_sent_end(cp[c]);
  if (!k->closing && relays(x, c, pe))
    return false;
  if (c == ve && !k->closing) {
    uint32_t j = c;
    while (j < pe && j - c <= OBJECT_MAX && !is_clause_end(cp[j]) &&
           !is_mark(cp[j]))
      j++;
    bool short_object =
        j - c <= OBJECT_MAX && (j >= pe || is_clause_end(cp[j]));
    /* 對X表示「震驚」: the feeling may be in quote marks */
    uint32_t m = j, marks = 0;
    while (m < pe && m - c - marks <= OBJECT_MAX && !is_clause_end(cp[m]))
      marks += is_mark(cp[m++]);
    /* (a feeling in marks is a word or two, 「遺憾」, 「強烈不滿」; a
     * sentence in them is said: 向張表示「我不想看到牠。」) */
    bool marked_object =
        marks && m - c - marks <= 4 && (m >= pe || is_clause_end(cp[m]));
    uint32_t o = short_object || marked_object ? toward(x, k->we, v) : 0;
    if (o) {
      /* 對X表示遺憾, 向X表示祝賀: the stance said is the passage, from
       * the 對 on */
      k->c = o;
    } else if (short_object && j - c <= 4 && (j >= pe || is_sent_end(cp[j])) &&
               !opens_verb_phrase(cp[c]) && cls != LC_SPEECH_THINK)
      return false; /* 表示歉意。: a short object ending the sentence (覺得
                     * 還好。 is a clause) */
  }
  k->sent = opens_sentence(x, ps, k->zs);
  return true;
}

/* A title and a name right after it (獵豹CEO傅晟), or a name opening a
 * sentence: a person the narration names, for the speakers stage to
 * resolve pronouns to. tl and t: the longest title at i. */
static int title_mention(ctx *x, uint32_t ps, uint32_t i, uint32_t pe,
                         size_t tl, const lc_entry *t) {
  uint32_t s, e = 0;
  if (tl && t->role == LC_ROLE_TITLE && i + tl < pe) {
    /* (署長 李某某: past the space scraped text leaves around a link) */
    s = i + (uint32_t)tl;
    if (is_space(x->cp[s]) && lichang__mentions_linked(&x->s, s + 1, pe))
      s++;
    if (!(e = lichang__mentions_chinese(&x->s, s, pe, true)) &&
        !(e = lichang__mentions_latin(&x->s, s, pe)))
      e = lichang__mentions_run(&x->s, s, pe, true);
  } else if (opens_sentence_fast(x, ps, i) && !is_space(x->cp[i])) {
    /* 李國強則持不同看法: a name opening a sentence */
    s = i;
    e = lichang__mentions_chinese(&x->s, s, pe, false);
    if (e && e < pe && lichang__mentions_match(&x->s, e, pe, LC_K_TITLE, NULL))
      e = 0; /* 衛福部…: an organisation's name */
  }
  /* 教宗方濟各（Pope Francis）: the Latin aside spells the whole run */
  uint32_t r = e;
  while (e && r < pe && r - s < 6 && lichang__is_han(x->cp[r]))
    r++;
  if (e && r > e && r + 1 < pe && x->cp[r] == '(' && is_latin(x->cp[r + 1]))
    e = r;
  if (!e)
    return 0;
  lc_mention *m = lichang__vec_push(&x->doc->mentions);
  if (!m)
    return LICHANG_ENOMEM;
  m->start = s;
  m->end = e;
  return 0;
}

/* How long a clause a colon may close and still be only its speaker. */
#define COLON_CLAUSE_MAX 16

/* Is the colon at i said by the speaker its clause names and nothing else
 * (外交部：…, 瑞典分析人士：…, 教部︰…)? The colon's length, or 0. */
/* Is the line [ps, pe), a bare name, a colon and c.. after it, a section
 * title about that person rather than their words (某某：匠心守護…, a
 * feature's heading)? So when after the colon comes a short line that
 * opens with no quotation and holds no clause break, and the paragraph under it opens by
 * narrating, no verb of saying in its first sentence (a headline quote,
 * 某某：要…, is told again below it: 某某今天表示，…). */
static bool section_title(const ctx *x, uint32_t c, uint32_t pe) {
  const uint32_t *cp = x->cp;
  uint32_t e = pe;
  while (e > c && is_space(cp[e - 1]))
    e--;
  if (e <= c || e - c > 24 || is_mark(cp[c]))
    return false;
  for (uint32_t j = c; j < e; j++)
    if (is_clause_end(cp[j]) || is_sent_end(cp[j]))
      return false;
  uint32_t a = pe;
  while (a < x->n && (is_space(cp[a]) || cp[a] == '\n'))
    a++;
  if (a >= x->n)
    return false;
  uint32_t b = a;
  while (b < x->n && b - a < 160 && !is_sent_end(cp[b]) && cp[b] != '\n')
    b++;
  for (uint32_t j = a; j < b; j++) {
    const lc_entry *v = NULL;
    size_t l = lichang__mentions_match(&x->s, j, b, LC_K_SPEECH, &v);
    if (!l || v->speech == LC_SPEECH_NOT)
      continue;
    /* (a verb that as often takes a plain object, 保證飛行安全, says
     * only before a comma, a colon or a quote, as elsewhere) */
    uint32_t n = j + (uint32_t)l < b ? cp[j + l] : 0;
    if (v->speech == LC_SPEECH_SAY || v->speech == LC_SPEECH_THINK ||
        v->speech == LC_SPEECH_TELL || v->speech == LC_SPEECH_PREDICT ||
        n == ',' || is_colon(n) || closer_of(n))
      return false;
  }
  return true;
}

static size_t colon_cue(const ctx *x, uint32_t ps, uint32_t i, uint32_t pe) {
  size_t cl = colon_len(x, i, pe);
  if (!cl || i == ps || i + cl >= pe)
    return 0;
  uint32_t zs = clause_start(x, ps, i);
  /* (opening its sentence, or a headline's part after a space) */
  if (zs == i || i - zs > COLON_CLAUSE_MAX ||
      !(opens_sentence(x, ps, zs) || (zs > ps && is_space(x->cp[zs - 1]))))
    return 0;
  /* (words follow it: not 發稿：07:20) */
  uint32_t c = x->cp[i + cl];
  if (!lichang__is_han(c) && !closer_of(c))
    return 0;
  lc_cand s = lichang__mentions_subject(&x->s, zs, i);
  if (s.e != i || s.first || s.who == LC_WHO_PRONOUN)
    return 0;
  /* a name by the rules for names, or a title (美學者), not any run of
   * characters (蘋中信) */
  for (uint32_t j = s.s; j + 1 < i; j++) {
    const lc_entry *t = lichang__mentions_entry(&x->s, j, i);
    if (t && (t->kinds & LC_K_TITLE) && t->role != LC_ROLE_ORG)
      return cl;
  }
  if (s.who == LC_WHO_NAME && !s.titled && !s.generic && zs == ps &&
      section_title(x, i + (uint32_t)cl, pe))
    return 0;
  return s.who != LC_WHO_NAME || s.titled || s.generic ||
                 lichang__mentions_chinese(&x->s, s.s, i, false) == i ||
                 lichang__mentions_latin(&x->s, s.s, i) == i ||
                 lichang__mentions_match(&x->s, s.s, i, LC_K_PERSON, NULL) ==
                     i - s.s
             ? cl
             : 0;
}

/* A word lost in conversion and shown as ** right after a name and before
 * a comma (陳然**，…) still attributes: the verb is what was lost. */
static bool lost_verb(const ctx *x, uint32_t ps, uint32_t i, uint32_t pe,
                      size_t *len) {
  if (x->cp[i] != '*' || i + 1 >= pe || x->cp[i + 1] != '*' || i == ps ||
      !lichang__is_han(x->cp[i - 1]))
    return false;
  uint32_t j = i;
  while (j < pe && x->cp[j] == '*')
    j++;
  if (j >= pe || x->cp[j] != ',')
    return false;
  lc_cand s = lichang__mentions_subject(&x->s, clause_start(x, ps, i), i);
  if (!s.e || s.e != i || s.who != LC_WHO_NAME)
    return false;
  *len = j - i;
  return true;
}

/* The first of the segmenter's words that ends after i (the one covering
 * i, if any): tokens are in order, so a binary search finds it. */
static size_t word_after(const ctx *x, uint32_t i) {
  const lc_token *tk = x->doc->tokens.data;
  size_t lo = 0, hi = x->doc->tokens.len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (tk[mid].end <= i)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Does the verb [v, ve) straddle two words, sharing no edge with the
 * segmenter's words (加强|调研 holds no 强调)? */
static bool straddles(const ctx *x, uint32_t v, uint32_t ve) {
  const lc_token *tk = x->doc->tokens.data;
  size_t lo = word_after(x, v);
  if (lo >= x->doc->tokens.len || tk[lo].start > v)
    return false; /* no word covers it */
  if (tk[lo].start == v)
    return false;
  for (size_t k = lo; k < x->doc->tokens.len && tk[k].start < ve; k++)
    if (tk[k].end == ve)
      return false;
  return true;
}

/* Does a word of the segmenter's start before i and end right after it
 * (充|斥 as one word)? */
static bool ends_word(const ctx *x, uint32_t i) {
  const lc_token *tk = x->doc->tokens.data;
  size_t lo = word_after(x, i);
  return lo < x->doc->tokens.len && tk[lo].start < i && tk[lo].end == i + 1;
}

/* Is c a country's one-character short form, its side (美方) listed? So
 * 稱美|關稅 is 稱|美關稅. */
static bool side_of(const ctx *x, uint32_t c) {
  const uint32_t side[2] = {c, 0x65B9 /* 方 */};
  const lc_entry *e = lichang__lexicon_find(x->lx, side, 2);
  return e && (e->kinds & LC_K_PERSON) && e->person >= 0 &&
         ((const lc_person *)x->lx->people.data)[e->person].kind;
}

/* The longest word other than a verb of speech at i, which a
 * one-character verb at i opens (講解, 稱號). A word only the corpus
 * counted that a longer word cuts (稱美|國: 稱|美國), or that a country's
 * short form ends (稱美|關稅), opens with the verb. */
static size_t word_over_verb(const ctx *x, uint32_t i, uint32_t pe) {
  const lc_entry *e = NULL;
  size_t l = lichang__mentions_match(&x->s, i, pe, ~LC_K_SPEECH, &e);
  if (l > 1 && !(e->kinds & ~(LC_K_IDF | LC_K_SURNAME)) &&
      (lichang__mentions_match(&x->s, i + 1, pe, ~0u, NULL) + 1 > l ||
       side_of(x, x->cp[i + 1])))
    return 0;
  return l;
}



/* Is cue k speech told to the one already speaking in its sentence (…沒有
 * 教唆，張向我表示是否要殺掉，是開玩笑的口吻，我沒有當真): 我 after 向, 跟,
 * 對 or 給 in its clause, and an attribution earlier in the sentence? Then
 * it stays inside that speaker's passage. */
static bool told_the_speaker(const ctx *x, const cue *k) {
  const uint32_t *cp = x->cp;
  bool me = false;
  for (uint32_t i = k->zs + 1; i < k->v && !me; i++)
    me = cp[i] == 0x6211 /* 我 */ &&
         (cp[i - 1] == 0x5411 /* 向 */ || cp[i - 1] == 0x8DDF /* 跟 */ ||
          cp[i - 1] == 0x5BF9 /* 对 */ || cp[i - 1] == 0x7ED9 /* 给 */);
  if (!me || !x->cues.len)
    return false;
  const cue *p = (const cue *)x->cues.data + x->cues.len - 1;
  if (!p->active || p->c >= k->zs)
    return false;
  for (uint32_t i = p->c; i < k->zs; i++)
    if (is_sent_end(cp[i]))
      return false;
  return true;
}

/* Every kind scan_cues looks up at a position. */
#define SCAN_KINDS                                                             \
  (LC_K_SPEECH | LC_K_TITLE | LC_K_PERSON | LC_K_MODIFIER | LC_K_STOP)

/* Can the scan step over position i without a walk? Most characters
 * start no title, verb, name or function word: nothing can happen there
 * (but a name opening a sentence). Many more are no title, verb or name
 * themselves and start none longer than the character itself with the
 * next (the pair filter says so): whether the character is a function
 * word or modifier or not, the scan moves on by one. The root table and
 * the pair filter tell both. */
static inline bool steps_over(const ctx *x, uint32_t i, uint32_t pe) {
  uint32_t c = x->cp[i];
  if (c >= 0x10000 || c == '*' || is_colon(c))
    return false;
  uint32_t below = x->lx->root[c].below;
  return !(below & SCAN_KINDS) ||
         (!(below & LC_ROOT_CUE) &&
          (i + 1 >= pe || !lichang__trie_pair(x->lx, c, x->cp[i + 1])));
}

int lichang__passages_scan_cues(ctx *x, uint32_t ps, uint32_t pe) {
  region *rg = x->regions.data;
  size_t nr = x->regions.len, ri = 0;
  uint32_t i = ps;
  while (i < pe) {
    while (ri < nr && (rg[ri].kind == R_STRAY || rg[ri].b <= i))
      ri++;
    region *r = ri < nr ? rg + ri : NULL;
    bool inside = r && i > r->open;
    if (inside && r->kind == R_BAL) { /* speech inside a quote stays */
      i = r->b;
      continue;
    }
    /* Up to where the region changes, step over what steps_over lets
     * by in a tight loop, looking only for a name opening a sentence. */
    uint32_t stop = !r ? pe : inside ? r->b : r->open + 1;
    if (stop > pe)
      stop = pe;
    for (; i < stop && steps_over(x, i, pe); i++)
      if (opens_sentence_fast(x, ps, i)) {
        int rc = title_mention(x, ps, i, pe, 0, NULL);
        if (rc)
          return rc;
      }
    if (i == stop)
      continue;
    static const uint32_t kinds[3] = {
        LC_K_TITLE, LC_K_SPEECH,
        LC_K_TITLE | LC_K_PERSON | LC_K_MODIFIER | LC_K_STOP};
    size_t l[3];
    const lc_entry *en[3];
    lichang__mentions_match_many(&x->s, i, pe, 3, kinds, l, en);
    int rc = l[0] || opens_sentence_fast(x, ps, i)
                 ? title_mention(x, ps, i, pe, l[0], en[0])
                 : 0;
    if (rc)
      return rc;
    const lc_entry *e = en[1];
    size_t len = l[1], tl = l[2];
    if (len == 1) /* 講解, 稱號: a one-character verb opening a word */
      tl = tl > 1 ? tl : word_over_verb(x, i, pe);
    if (tl > len) { /* 發言人 is a title, 據說 a hedge: no 發言, no 說 */
      i += (uint32_t)tl;
      continue;
    }
    /* 介紹說, 解釋道: a second verb of saying joins the first */
    const lc_entry *e2 = NULL;
    bool joined = false;
    size_t l2 = len && e->speech != LC_SPEECH_NOT
                    ? lichang__mentions_match(&x->s, i + (uint32_t)len, pe,
                                              LC_K_SPEECH, &e2)
                    : 0;
    if (l2 == 1 && e2->speech == LC_SPEECH_SAY && !(e->kinds & LC_K_PRONOUN))
      len++, joined = true; /* (聲明說: the statement says, a subject) */
    else if (l2 == 1 && e2->speech == LC_SPEECH_SAY) {
      i += (uint32_t)len;
      continue;
    }
    else if (l2 == 2 && len > 1 && e2->speech == LC_SPEECH_SAY) {
      /* 發表聲明指出, 回應表示: the second verb is the attribution, the
       * first (often a noun: the statement) stays in its clause */
      i += (uint32_t)len;
      continue;
    }
    if (len == 1 &&
        (e->speech == LC_SPEECH_CLAUSE || e->speech == LC_SPEECH_ACCUSE) &&
        ends_word(x, i)) {
      i++; /* 充斥, 辱罵: a one-character verb of blame closing a word */
      continue;
    }
    if (len && straddles(x, i, i + (uint32_t)len)) {
      i++; /* 加强调研 is 加强 调研, no 强调 */
      continue;
    }
    uint8_t cls = len ? e->speech : LC_SPEECH_SAY;
    if (joined && (cls == LC_SPEECH_CLAUSE || cls == LC_SPEECH_ACCUSE))
      cls = LC_SPEECH_SAY; /* 批評說 is a verb of saying */
    size_t cl = 0; /* 外交部：…: a colon after a speaker says it */
    if (!len && !lost_verb(x, ps, i, pe, &len) &&
        !(cl = colon_cue(x, ps, i, pe))) {
      i++;
      continue;
    }
    cue k;
    if (cls != LC_SPEECH_NOT &&
        read_cue(x, ps, pe, i, i + (uint32_t)len, cls, &k)) {
      if (inside) {
        /* In an unclosed quote, a new attribution sentence ends it. */
        if (k.active && k.sent && k.zs > r->a && !r->cut) {
          r->b = k.zs;
          r->cut = true;
        } else
          k.inner = true;
      }
      if (!k.inner && k.active && !k.sent && told_the_speaker(x, &k))
        k.inner = true;
      cue *slot = lichang__vec_push(&x->cues);
      if (!slot)
        return LICHANG_ENOMEM;
      *slot = k;
    }
    i += (uint32_t)(len ? len : cl);
  }
  return 0;
}
