/* Speaker mentions by general rules, shared by the passages and speakers
 * stages: a Chinese name (a surname and one or two given characters), a
 * Latin-script name, and the speaker a clause before a speech verb names
 * through its chain of organisations and titles.
 *
 * Input: folded code points (lc_scan) and the lexicon. Output: code point
 * spans; nothing is stored. Every function looks at a bounded window (a
 * name, a clause), so callers stay linear. */
#include "internal.h"

#include <string.h>

static bool is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0;
}
static bool is_latin(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---- lexicon look-ups ---- */

const lc_entry *lichang__mentions_entry(const lc_scan *x, uint32_t a,
                                        uint32_t b) {
  return lichang__lexicon_find(x->lx, x->cp + a, b - a);
}

/* A single character that ends a name: a function word (也, 在, 說, 的).
 * Some stop words are also common in given names (顏鴻章, 李國成, 王天):
 * those do not end one. */
static bool is_stop1(const lc_scan *x, uint32_t i) {
  static const uint32_t nameable[] = {
      0x7AE0 /* 章 */, 0x6B63 /* 正 */, 0x624D /* 才 */, 0x6210 /* 成 */,
      0x5149 /* 光 */, 0x5747 /* 均 */, 0x5143 /* 元 */, 0x5929 /* 天 */,
      0x6708 /* 月 */, 0x5343 /* 千 */, 0x4E07 /* 万 */, 0x7FA4 /* 群 */,
      0x540C /* 同 */, 0x671D /* 朝 */, 0x82E5 /* 若 */, 0x5148 /* 先 */,
      0x4EBF /* 亿 */, 0x6765 /* 来 */, 0x4E4B /* 之 */,
      0x5BB6 /* 家 */, 0x54C8 /* 哈: 哈莉瑪, 哈桑 */};
  if (LC_AMONG(nameable, x->cp[i]))
    return false;
  return lichang__lexicon_char(x->lx, x->cp[i],
                               LC_K_STOP | LC_K_SPEECH | LC_K_MODIFIER) != NULL;
}

/* A word of two or more characters (any dictionary) starts at i. */
static bool word_starts(const lc_scan *x, uint32_t i, uint32_t lim) {
  uint32_t node = 0;
  for (uint32_t j = i; j < lim && j - i < x->lx->max_chars; j++) {
    if (!(node = lichang__trie_step(x->lx, node, x->cp[j])))
      return false;
    const lc_entry *e = lichang__trie_entry(x->lx, node);
    if (j > i && e && (e->kinds & ~LC_K_SURNAME))
      return true;
  }
  return false;
}

/* Does the word [i, i+len) stand as a word of its own, so that a shorter
 * pronoun inside it (其 in 其中) is no pronoun? Words only the corpus
 * counted (他在) do not. */
bool lichang__mentions_word_hides(const lc_scan *x, uint32_t i, size_t len) {
  const lc_entry *e = lichang__mentions_entry(x, i, i + (uint32_t)len);
  return e && (e->kinds & ~(LC_K_IDF | LC_K_SURNAME));
}

/* A word too common to be the start of a name (高度, 方面, 文章): listed
 * in a dictionary, or in more than about a thousandth of the corpus's
 * articles (IDF below COMMON_IDF). A rare corpus word (林冠, from names) is
 * no obstacle. */
#define COMMON_IDF 7.0f
#define VERY_COMMON_IDF 4.5f
static bool common_word(const lc_entry *e) {
  return e && ((e->kinds & (LC_K_STOP | LC_K_STANCE | LC_K_TOPIC | LC_K_SPEECH |
                            LC_K_TITLE | LC_K_MODIFIER)) ||
               ((e->kinds & LC_K_IDF) && e->idf < COMMON_IDF));
}

/* ---- speaker mentions ---- */

static bool is_preposition(uint32_t c);
static bool is_joiner(uint32_t c);

/* Is [i, i+len) a function word or modifier (不會, 全部, 一定)? */
static bool common_stop(const lc_scan *x, uint32_t i, size_t len) {
  const lc_entry *e = lichang__mentions_entry(x, i, i + (uint32_t)len);
  return e && (e->kinds & (LC_K_STOP | LC_K_MODIFIER));
}

/* Can [a, b) be the stem a one-character organisation word (局, 會, 院)
 * closes, as 統計 in 統計局 and 國發 in 國發會? Not when it ends in a
 * function word of one character that is no part of a word: in 小朋友就會
 * the 會 is a modal, not a council; 社會局 and 都更處 are bodies. (Inside,
 * 外交與僑民事務部 may hold one.) */
static bool org_stem(const lc_scan *x, uint32_t a, uint32_t b) {
  if (b <= a)
    return false;
  /* (开通42部, 等四部: after a number the character counts, 部 and 所
   * are measure words; 第一局 too) */
  if (lichang__is_numeral(x->cp[b - 1]))
    return false;
  if (!lichang__lexicon_char(x->lx, x->cp[b - 1], LC_K_STOP))
    return true;
  const lc_entry *w = b - a >= 2 ? lichang__mentions_entry(x, b - 2, b) : NULL;
  return w && !(w->kinds & (LC_K_STOP | LC_K_MODIFIER));
}

/* A Chinese name by the general rule at i: a surname and one or two given
 * characters, stopping before function words and dictionary words (羅旭表示,
 * 傅晟在…, 林大華近日). Also 老周, 小王 and 王教授. Returns its end or 0. */
uint32_t lichang__mentions_chinese(const lc_scan *x, uint32_t i, uint32_t lim,
                                   bool titled) {
  const lc_entry *e = NULL;
  uint32_t k = x->cp[i];
  if ((k == 0x8001 /* 老 */ || k == 0x5C0F /* 小 */) && i + 2 <= lim &&
      lichang__mentions_match(x, i + 1, i + 2, LC_K_SURNAME, NULL) == 1 &&
      (i + 2 >= lim || !lichang__is_han(x->cp[i + 2]) || is_stop1(x, i + 2) ||
       word_starts(x, i + 2, lim)))
    return i + 2;
  size_t sl = lichang__mentions_match(x, i, lim, LC_K_SURNAME, &e);
  if (!sl)
    return 0;
  uint32_t g1 = i + (uint32_t)sl;
  if (g1 >= lim || !lichang__is_han(x->cp[g1]))
    return 0;
  /* 於巴黎, 向國會: a surname that is also a preposition, before a word,
   * is the preposition; 曾準確預測: 曾 before a common word is "once" */
  if (sl == 1 && is_preposition(x->cp[i]) && word_starts(x, g1, lim))
    return 0;
  if (x->cp[i] == 0x66FE /* 曾 */ && g1 + 2 <= lim &&
      common_word(lichang__mentions_entry(x, g1, g1 + 2)))
    return 0;
  /* 王教授, 李先生: a surname and a title stand for the person. */
  const lc_entry *t = NULL;
  size_t tl = lichang__mentions_match(x, g1, lim, LC_K_TITLE, &t);
  /* 章家人表示, 王家屬: the family of someone of that surname, no name
   * (other unnamed words may be given names: 王冠軍, 王亞軍) */
  if (x->cp[g1] == 0x5BB6 /* 家 */ && g1 + 1 < lim &&
      (x->cp[g1 + 1] == 0x4EBA /* 人 */ || x->cp[g1 + 1] == 0x5C5E /* 属 */))
    return 0;
  if (tl && t->role == LC_ROLE_TITLE)
    return g1 + (uint32_t)tl;
  /* 張男供稱, 陳嫌坦承: 男, 女, 嫌 or 婦 after a surname is the role
   * Taiwanese copy names a person by (張男, 陳嫌), not a given name */
  {
    uint32_t r = x->cp[g1];
    if (r == 0x7537 /* 男 */ || r == 0x5973 /* 女 */ || r == 0x5ACC /* 嫌 */ ||
        r == 0x5987 /* 妇 */)
      return g1 + 1;
  }
  /* 郝強調: a verb of saying after the surname is no given name */
  if (lichang__mentions_match(x, g1, lim, LC_K_SPEECH, NULL))
    return 0;
  /* 秘書長謝和霖指出: after a title, two characters filling the clause are
   * the given name, a function word among them or not */
  if (is_stop1(x, g1)) {
    if (!titled || g1 + 2 > lim || !lichang__is_han(x->cp[g1 + 1]) ||
        is_stop1(x, g1 + 1))
      return 0;
    uint32_t n2 = g1 + 2;
    /* 立委陳日昌昨天質詢, 議員陳日新也說: or two given characters before a
     * word of time or function, which ends the name as the verb would */
    if (n2 == lim || !lichang__is_han(x->cp[n2]) || is_stop1(x, n2))
      return n2;
    const lc_entry *t2 = NULL;
    size_t l2 = lichang__mentions_match(x, n2, lim, ~0u, &t2);
    return l2 >= 2 && (t2->kinds & (LC_K_STOP | LC_K_MODIFIER)) &&
                   !(t2->kinds & LC_K_PRONOUN)
               ? n2
               : 0;
  }
  /* The surname and first given character must not be a common word
   * (高度, 方面), unless a title vouches for the name (教授李家豪). */
  const lc_entry *cw = lichang__mentions_entry(x, i, g1 + 1);
  if (!titled && common_word(cw))
    return 0;
  /* even after a title, not a very common word (總書記高度重視) */
  if (titled && cw && (cw->kinds & LC_K_IDF) && cw->idf < VERY_COMMON_IDF)
    return 0;
  /* nor open a longer common word (乌克兰, 高科技) */
  const lc_entry *w = NULL;
  size_t wl = lichang__mentions_match(x, i, lim, ~0u, &w);
  if (!titled && wl > 2 && common_word(w))
    return 0;
  uint32_t g2 = g1 + 1;
  /* 蘇益和表示: 和 right before the verb ends the name, joins nothing */
  if (g2 + 1 == lim && x->cp[g2] == 0x548C /* 和 */ &&
      !common_word(lichang__mentions_entry(x, i, g2 + 1)))
    return g2 + 1;
  /* (各 ends a name as its third character: 方濟各, not 萬各族) */
  /* (麥登笑著說, 王明哭着表示: a character before 着 is a verb) */
  if (g2 < lim && lichang__is_han(x->cp[g2]) &&
      (!is_stop1(x, g2) || x->cp[g2] == 0x5404 /* 各 */) &&
      !word_starts(x, g2, lim) &&
      !(g2 + 1 < lim &&
        (x->cp[g2 + 1] == 0x7740 /* 着 */ || x->cp[g2 + 1] == 0x8457 /* 著 */)) &&
      !common_word(lichang__mentions_entry(x, i, g2 + 1)))
    return g2 + 1;
  /* 鍾小平日前: the third character opens a word (平日), but a word of
   * time or function starts right after it (日前): the name has three */
  if (g2 + 2 < lim && lichang__is_han(x->cp[g2]) && !is_stop1(x, g2) &&
      !common_word(lichang__mentions_entry(x, i, g2 + 1))) {
    const lc_entry *t2 = NULL;
    size_t l2 = lichang__mentions_match(x, g2 + 1, lim, ~0u, &t2);
    if (l2 >= 2 && (t2->kinds & (LC_K_STOP | LC_K_MODIFIER)) &&
        !(t2->kinds & LC_K_PRONOUN))
      return g2 + 1;
  }
  return g1 + 1;
}

/* A Latin-script name at i (Yann LeCun, OpenCSG): words joined by single
 * spaces; an all-capitals word of four letters or fewer (AI, CEO) alone is
 * not a name. Returns its end or 0. */
/* The case of the letter the folded text has at i, read in the original
 * (folding lowercases it; ＡＢＣ count too): 1 upper, -1 lower. */
static int original_case(const lc_scan *x, uint32_t i) {
  const lc_text *t = x->t;
  uint32_t c;
  bool bad;
  lichang__utf8_next((const unsigned char *)t->src + t->off[i],
                     t->len - t->off[i], &c, &bad);
  if ((c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A))
    return 1;
  return (c >= 'a' && c <= 'z') || (c >= 0xFF41 && c <= 0xFF5A) ? -1 : 0;
}

uint32_t lichang__mentions_latin(const lc_scan *x, uint32_t i, uint32_t lim) {
  if (!is_latin(x->cp[i]) || (i > 0 && is_latin(x->cp[i - 1])))
    return 0;
  uint32_t j = i, end = i, letters = 0;
  bool lower = false;
  while (j < lim) {
    uint32_t c = x->cp[j];
    if (is_latin(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
        c == '\'') {
      if (is_latin(c)) {
        int cs = original_case(x, j);
        /* every word opens with a capital: Yann LeCun, not iPhone */
        if ((j == i || x->cp[j - 1] == ' ') && cs != 1)
          break;
        letters++;
        lower |= cs == -1;
      }
      end = ++j;
    } else if (c == ' ' && j + 1 < lim && is_latin(x->cp[j + 1]) && end == j) {
      j++;
    } else
      break;
  }
  while (end > i && (x->cp[end - 1] == '.' || x->cp[end - 1] == '-' ||
                     x->cp[end - 1] == ' '))
    end--;
  if (end == i || (!lower && letters <= 4))
    return 0;
  return end;
}

/* A separator inside a transliterated name (雪克來提·扎克爾). */
static bool is_name_dot(uint32_t c) {
  return c == 0xB7 || c == 0x30FB || c == 0x2022 || c == 0xFF65;
}

/* After a title, only a listed word or a very common one (高度, 代表團)
 * ends a name; a rarer word the corpus counted (桑江 in 洛桑江村) is as
 * likely part of the name. */
static bool strong_word(const lc_entry *e) {
  return e && ((e->kinds & ~(LC_K_IDF | LC_K_SURNAME)) ||
               ((e->kinds & LC_K_IDF) && e->idf < VERY_COMMON_IDF));
}
static bool strong_word_starts(const lc_scan *x, uint32_t i, uint32_t lim) {
  uint32_t node = 0;
  for (uint32_t j = i; j < lim && j - i < x->lx->max_chars; j++) {
    if (!(node = lichang__trie_step(x->lx, node, x->cp[j])))
      return false;
    if (j > i && strong_word(lichang__trie_entry(x->lx, node)))
      return true;
  }
  return false;
}

/* One part of a name without a surname: Han characters up to a function
 * word, a word (after a title: a strong one) or a title, verb or pronoun. */
static uint32_t run_part(const lc_scan *x, uint32_t i, uint32_t lim,
                         bool titled) {
  uint32_t j = i;
  while (j < lim && j - i < 6 && lichang__is_han(x->cp[j]) &&
         !(j > i && (is_stop1(x, j) || (titled ? strong_word_starts(x, j, lim)
                                               : word_starts(x, j, lim))))) {
    if (lichang__lexicon_char(x->lx, x->cp[j],
                              LC_K_SPEECH | LC_K_TITLE | LC_K_PRONOUN))
      break;
    j++;
  }
  return j;
}

/* Characters that spell foreign names in Han (阿拉格希, 內塔尼亞胡,
 * 朔爾茨, 古特雷斯), folded, sorted: the pieces of such names are often
 * common words (尼亞, 阿拉), so a run of three or more of them is read as
 * one name whatever words it holds. */
static const uint32_t translit[] = {
      0x4E1D, 0x4E39, 0x4E4C, 0x4E9A, 0x4EC0, 0x4F0A, 0x4F26, 0x4F69, 0x514B,
      0x5179, 0x5185, 0x51EF, 0x5207, 0x5217, 0x5229, 0x52A0, 0x52D2, 0x5361,
      0x5362, 0x53E4, 0x5409, 0x54C8, 0x56E0, 0x56FE, 0x57C3, 0x57FA, 0x5854,
      0x585E, 0x591A, 0x592B, 0x5951, 0x5965, 0x59C6, 0x5A03, 0x5A1C, 0x5B54,
      0x5B89, 0x5C14, 0x5C24, 0x5C3C, 0x5DF4, 0x5E03, 0x5E0C, 0x5E15, 0x5E93,
      0x5EF7, 0x5F17, 0x5FB7, 0x6069, 0x6208, 0x624E, 0x6258, 0x62C9, 0x62DC,
      0x63D0, 0x65AF, 0x666E, 0x66FC, 0x6717, 0x6770, 0x6839, 0x683C, 0x6885,
      0x68EE, 0x6B27, 0x6BD4, 0x6C49, 0x6C83, 0x6C99, 0x6CE2, 0x6CFD, 0x6D1B,
      0x6FB3, 0x7279, 0x7433, 0x74E6, 0x767B, 0x798F, 0x79D1, 0x7A46, 0x7C73,
      0x7D22, 0x7EA6, 0x7EB3, 0x7EF4, 0x7F57, 0x7FF0, 0x8036, 0x80E1, 0x820D,
      0x827E, 0x82AC, 0x82CF, 0x82F1, 0x8328, 0x838E, 0x83AB, 0x83B1, 0x83F2,
      0x8428, 0x8482, 0x8499, 0x857E, 0x897F, 0x8BFA, 0x8C22, 0x8D1D, 0x8D5B,
      0x8D6B, 0x8FBE, 0x8FEA, 0x900A, 0x91CC, 0x963F, 0x96C5, 0x96F7, 0x970D,
      0x987F, 0x9A6C, 0x9C81, 0x9C8D, 0x9ED8, 0x9EDB, 0x9F99};

static bool is_translit(uint32_t c) {
  return lichang__cp_in(translit, sizeof translit / sizeof *translit, c);
}

/* A transliterated name at i: three to six such characters, or 0. */
static uint32_t translit_name(const lc_scan *x, uint32_t i, uint32_t lim) {
  uint32_t j = i;
  while (j < lim && j - i < 7 && is_translit(x->cp[j]))
    j++;
  if (j - i < 3 || j - i > 6)
    return 0;
  /* no word may run on past it: not 阿塞拜 of 阿塞拜疆, 巴勒斯 of 巴勒斯坦 */
  for (uint32_t a = i; a < j; a++)
    if (a + lichang__mentions_match(x, a, lim, ~0u, NULL) > j)
      return 0;
  return j;
}

/* Is position i on a headline: a line of at most HEADLINE_MAX characters
 * with no full stop, or a subtitle run into its byline (段稱也不出任〔記
 * 者…〕…: a byline's bracket comes before any full stop)? One rule for
 * the passages stage, which reads an unnamed role on a headline as a
 * person (瑞典分析人士：…), and the speakers stage, which finds whom. */
#define HEADLINE_MAX 48
bool lichang__mentions_headline(const lc_scan *x, uint32_t i) {
  uint32_t a = i, b = i, n = x->n;
  while (a > 0 && x->cp[a - 1] != '\n' && i - a < HEADLINE_MAX)
    a--;
  for (uint32_t j = i; j < n && j - i < HEADLINE_MAX && x->cp[j] != 0x3002 &&
                       x->cp[j] != '\n';
       j++)
    if (x->cp[j] == 0x3014 /* 〔 */ || x->cp[j] == 0x3010 /* 【 */)
      return a == 0 || x->cp[a - 1] == '\n';
  while (b < n && x->cp[b] != '\n' && b - i < HEADLINE_MAX)
    b++;
  if ((a > 0 && x->cp[a - 1] != '\n') || (b < n && x->cp[b] != '\n'))
    return false;
  for (uint32_t j = a; j < b; j++)
    if (x->cp[j] == 0x3002 /* 。 */)
      return false;
  return true;
}

/* Is [s, e) a foreign name: transliterated or dotted (弗雷澤里克森,
 * 雪克來提·扎克爾)? For the speakers stage. */
bool lichang__mentions_foreign(const lc_scan *x, uint32_t s, uint32_t e) {
  return translit_name(x, s, e) == e;
}

/* A clause that is only a transliterated name, 3 to 6 Han characters,
 * and adverbs or a date before the verb at lim (阿拉格希還表示, 內塔尼亞
 * 胡7日稱). Returns its end or 0. */
static uint32_t whole_clause_name(const lc_scan *x, uint32_t i, uint32_t lim) {
  uint32_t j = i;
  while (j < lim && lichang__is_han(x->cp[j]) && !is_stop1(x, j)) {
    if (lichang__lexicon_char(x->lx, x->cp[j],
                              LC_K_SPEECH | LC_K_TITLE | LC_K_PRONOUN))
      return 0;
    j++;
  }
  uint32_t r = j;
  while (r < lim && (is_stop1(x, r) || (x->cp[r] >= '0' && x->cp[r] <= '9') ||
                     x->cp[r] == 0x65E5 /* 日 */))
    r++;
  if (r != lim || j - i < 3 || j - i > 6)
    return 0;
  return translit_name(x, i, j) == j ? j : 0;
}

static uint32_t run_name(const lc_scan *x, uint32_t i, uint32_t lim,
                         bool titled, bool *dot) {
  if (is_stop1(x, i)) /* 八人, 這位: numbers and function words */
    return 0;
  uint32_t j = run_part(x, i, lim, titled);
  bool dotted = false;
  while (j > i && j + 1 < lim && is_name_dot(x->cp[j]) &&
         lichang__is_han(x->cp[j + 1]) && !is_stop1(x, j + 1)) {
    uint32_t k = run_part(x, j + 1, lim, true);
    if (k == j + 1)
      break;
    j = k;
    dotted = true;
  }
  /* 永瀨也說: only adverbs (也, 還, 則) may stand between it and lim */
  uint32_t r = j;
  while (!titled && r < lim && is_stop1(x, r))
    r++;
  if (!titled && !dotted && r != lim)
    return whole_clause_name(x, i, lim);
  /* (after a title, a transliterated name may run to six: 弗雷澤里克森) */
  if (j - i < 2 ||
      (!dotted && j - i > (titled ? 5 : 4) &&
       !(titled && translit_name(x, i, j) == j)) ||
      (!titled && r != lim))
    return 0;
  *dot = dotted;
  if (dotted || (titled && translit_name(x, i, j) == j))
    return j;
  for (uint32_t a = i; a < j; a++)
    for (uint32_t b = a + 2; b <= j; b++) {
      const lc_entry *e = lichang__mentions_entry(x, a, b);
      if (titled ? strong_word(e) : common_word(e))
        return 0;
    }
  /* after a title, a run that ends a time clause (代表磋商後宣布, 主席訪美
   * 期間宣布) is what the holder did, not a name */
  if (titled && !dotted) {
    uint32_t l = x->cp[j - 1];
    if (l == 0x540E /* 后 */ || l == 0x65F6 /* 时 */)
      return 0;
    if (j < lim && (x->cp[j] == 0x540E || x->cp[j] == 0x65F6 ||
                    (j + 1 < lim && x->cp[j] == 0x671F /* 期 */ &&
                     x->cp[j + 1] == 0x95F4 /* 间 */)))
      return 0;
  }
  /* after a title, a run that is itself a common word (總書記反復強調,
   * 主任職務) is what the title governs, not a name, unless a character of
   * it spells foreign names (總統基爾, 州長格林, 哈桑) */
  if (titled && common_word(lichang__mentions_entry(x, i, j))) {
    uint32_t a = i;
    while (a < j && !is_translit(x->cp[a]))
      a++;
    if (a == j)
      return 0;
  }
  return j;
}

/* A run of two to four Han characters at i that is no common word and
 * holds none (法瑞爾, 羅德里奎茲): a name written without a surname. After
 * a title it ends before a function word or a word; otherwise it must fill
 * the clause up to lim, but for adverbs. Parts joined by a name dot
 * (雪克來提·扎克爾) are one name whatever words they hold. Returns its end
 * or 0. */
uint32_t lichang__mentions_run(const lc_scan *x, uint32_t i, uint32_t lim,
                               bool titled) {
  bool dot = false;
  return run_name(x, i, lim, titled, &dot);
}

/* A name with a name dot at i (雪克來提·扎克爾), or 0: it goes before the
 * surname rule, which would take 雪克 for a name. */
static uint32_t dotted_name(const lc_scan *x, uint32_t i, uint32_t lim) {
  /* the part before the first dot is all of the Han run up to it (來 in
   * 雪克來提 is no function word here) */
  uint32_t j = i;
  while (j < lim && j - i < 8 && lichang__is_han(x->cp[j]))
    j++;
  if (j == i || j - i >= 8 || j + 1 >= lim || !is_name_dot(x->cp[j]))
    return 0;
  for (uint32_t a = i; a < j; a++) {
    if (lichang__lexicon_char(x->lx, x->cp[a],
                              LC_K_SPEECH | LC_K_TITLE | LC_K_PRONOUN))
      return 0;
  }
  while (j + 1 < lim && is_name_dot(x->cp[j]) &&
         lichang__is_han(x->cp[j + 1])) {
    uint32_t k = run_part(x, j + 1, lim, true);
    if (k == j + 1)
      break;
    j = k;
  }
  return is_name_dot(x->cp[j - 1]) ? 0 : j;
}

/* Is [a, b) only adverbs, function words and a date (也, 並, 上午, 20日)? */
static bool only_filler(const lc_scan *x, uint32_t a, uint32_t b) {
  while (a < b) {
    uint32_t c = x->cp[a];
    /* 第三次, 第2度: how many times, no object (美國第三次宣布) */
    if (c == 0x7B2C /* 第 */ && a + 1 < b && lichang__is_numeral(x->cp[a + 1])) {
      uint32_t e = a + 1;
      while (e < b && lichang__is_numeral(x->cp[e]))
        e++;
      if (e < b && (x->cp[e] == 0x6B21 /* 次 */ || x->cp[e] == 0x5EA6 /* 度 */)) {
        a = e + 1;
        continue;
      }
    }
    if (is_space(c) || (c >= '0' && c <= '9') || c == 0x65E5 /* 日 */ ||
        c == 0x6708 /* 月 */) {
      a++;
      continue;
    }
    const lc_entry *e = NULL;
    size_t l = lichang__mentions_match(x, a, b, ~0u, &e);
    if (!l || !(e->kinds & (LC_K_STOP | LC_K_MODIFIER)) ||
        (e->kinds & (LC_K_PRONOUN | LC_K_SPEECH)))
      return false;
    a += (uint32_t)l;
  }
  return true;
}

/* Is [a, b) exactly a listed place (伊朗, 美國)? */
static bool is_place(const lc_scan *x, uint32_t a, uint32_t b) {
  const lc_entry *e = lichang__mentions_entry(x, a, b);
  return e && (e->kinds & LC_K_PERSON) && e->person >= 0 &&
         ((const lc_person *)x->lx->people.data)[e->person].kind == 2;
}

/* A surname standing alone for a person named in full before (郝說,
 * 柯也表示, 黃上午強調: Taiwanese copy shortens a name so once it is
 * known): one surname character, not itself a function word, opening a
 * clause that holds nothing else before the verb at v but adverbs and a
 * date. The speakers stage maps it to the latest person of that surname,
 * or drops it if there is none. Returns its end or 0. */
static uint32_t surname_alone(const lc_scan *x, uint32_t i, uint32_t v) {
  /* (張, 段 are measure words too, and surnames here: 張說, 段說; 將, 於,
   * 和 before a verb are not) */
  static const uint32_t never[] = {0x5C06 /* 将 */, 0x4E8E /* 于 */,
                                   0x548C /* 和 */, 0x4E0E /* 与 */,
                                   0x53CA /* 及 */, 0x5411 /* 向 */,
                                   0x5C31 /* 就 */, 0x624D /* 才 */,
                                   0x90FD /* 都 */, 0x66FE /* 曾 */};
  if (lichang__mentions_match(x, i, v, LC_K_SURNAME, NULL) != 1)
    return 0;
  if (LC_AMONG(never, x->cp[i]))
    return 0;
  bool filler = only_filler(x, i + 1, v);
  /* 則, 也, 還…: an adverb right after it makes the surname a subject */
  static const uint32_t adv1[] = {
      0x5219 /* 则 */, 0x4E5F /* 也 */, 0x8FD8 /* 还 */, 0x53C8 /* 又 */,
      0x518D /* 再 */, 0x66F4 /* 更 */, 0x5374 /* 却 */, 0x4FBF /* 便 */,
      0x5E76 /* 并 */, 0x4EA6 /* 亦 */, 0x4ECD /* 仍 */, 0x6628 /* 昨 */,
      0x4ECA /* 今 */, 0x53E6 /* 另 */, 0x5148 /* 先 */};
  bool adverb_after = false;
  for (size_t k = 0; k < sizeof adv1 / sizeof *adv1 && i + 1 < v; k++)
    adverb_after |= x->cp[i + 1] == adv1[k];
  if (!filler) {
    /* 段昨在臉書貼文, 張則向陳問說, 陳再對記者說: adverbs, then a
     * preposition of place or person opening what the subject does (not
     * 於: 關於 is no 關) */
    uint32_t j = i + 1;
    while (j < v && !(x->cp[j] == 0x5728 /* 在 */ || x->cp[j] == 0x5411 /* 向 */ ||
                      x->cp[j] == 0x5BF9 /* 对 */ || x->cp[j] == 0x8DDF /* 跟 */ ||
                      x->cp[j] == 0x66FF /* 替 */ || x->cp[j] == 0x628A /* 把 */))
      j++;
    /* or an adverb right after the surname (林則打臉說, 柯昨也放低姿態) */
    const lc_entry *f = NULL;
    size_t fl = lichang__mentions_match(x, i + 1, v, ~0u, &f);
    bool adverb = false;
    if (fl == 1)
      adverb = adverb_after;
    else /* 隨即, 稍後, 當場, 昨天: not 的, a particle */
      adverb = fl > 1 && (f->kinds & (LC_K_STOP | LC_K_MODIFIER)) &&
               !(f->kinds & (LC_K_PRONOUN | LC_K_SPEECH));
    adverb &= i + 1 + fl < v;
    if (!adverb &&
        (j == i + 1 || j >= v || j + 1 >= v || !lichang__is_han(x->cp[j + 1]) ||
         !only_filler(x, i + 1, j)))
      return 0;
  }
  /* a function word only right before the verb (張說, not 張今天說), or
   * before an adverb and what the subject does (張則向陳問說) */
  if (filler && is_stop1(x, i) && i + 1 < v && lichang__is_han(x->cp[i + 1]) &&
      !adverb_after)
    return 0;
  return i + 1;
}

/* Is [s, e) written again elsewhere in the text? */
/* How far either way a name is looked for again, in characters: a news
 * article names its people again within a few paragraphs, and a bound
 * keeps a long text's cost linear (a whole-text search for every clause
 * grew with the square of its length). */
#define NAMED_AGAIN_REACH 4000

bool lichang__mentions_named_again(const lc_scan *x, uint32_t s, uint32_t e) {
  uint32_t len = e - s;
  uint32_t lo = s > NAMED_AGAIN_REACH ? s - NAMED_AGAIN_REACH : 0;
  uint32_t hi = x->n - e > NAMED_AGAIN_REACH ? e + NAMED_AGAIN_REACH : x->n;
  for (uint32_t j = lo; j + len <= hi; j++)
    if (j != s && x->cp[j] == x->cp[s] &&
        !memcmp(x->cp + j, x->cp + s, len * sizeof *x->cp))
      return true;
  return false;
}

/* 柯自強說, 李應元表示: a surname and two given characters that fill the
 * clause up to the verb, but adverbs, are a name even when the first given
 * character is a function word (自, 應) the general rule stops at: nothing
 * else in the clause could be the subject. Not a common word (全國都, 高雄
 * 市), nor a function word after the surname (林也再, 王應該), nor an
 * organisation's word (花蓮縣), and written so again elsewhere in the
 * article (a name recurs; 黃上午 or 王隨即 before a verb does not). It
 * goes before a lone surname (李|應元表示 is no 李 and two adverbs).
 * Returns its end or 0. */
static uint32_t clause_name(const lc_scan *x, uint32_t i, uint32_t v) {
  if (lichang__mentions_match(x, i, v, LC_K_SURNAME, NULL) != 1 ||
      is_preposition(x->cp[i]) || i + 3 > v)
    return 0;
  uint32_t g1 = i + 1, g2 = i + 2, e = i + 3;
  if (!lichang__is_han(x->cp[g1]) || !lichang__is_han(x->cp[g2]) ||
      is_stop1(x, g2))
    return 0;
  for (uint32_t j = g1; j < e; j++)
    if (lichang__lexicon_char(x->lx, x->cp[j],
                              LC_K_SPEECH | LC_K_PRONOUN | LC_K_TITLE))
      return 0;
  if (common_word(lichang__mentions_entry(x, i, g2)) ||
      common_word(lichang__mentions_entry(x, i, e)))
    return 0;
  const lc_entry *gw = lichang__mentions_entry(x, g1, e);
  if (gw && (gw->kinds & (LC_K_STOP | LC_K_MODIFIER | LC_K_PRONOUN |
                          LC_K_SPEECH | LC_K_TITLE)))
    return 0;
  if (word_starts(x, g2, v) || (gw && (gw->kinds & LC_K_IDF) &&
                                  gw->idf < VERY_COMMON_IDF))
    return 0;
  uint32_t r = e;
  while (r < v && is_stop1(x, r))
    r++;
  return r == v && lichang__mentions_named_again(x, i, e) ? e : 0;
}

static bool is_preposition(uint32_t c) {
  /* 與 和 跟 對 向 給 同 被 讓 把 替 為 在 於 從: what follows is an object
   * or a place (李克強在賀信中表示) */
  static const uint32_t p[] = {0x4E0E, 0x548C, 0x8DDF, 0x5BF9, 0x5411,
                               0x7ED9, 0x540C, 0x88AB, 0x8BA9, 0x628A,
                               0x66FF, 0x4E3A, 0x5728, 0x4E8E, 0x4ECE};
  return LC_AMONG(p, c);
}

/* 烏克蘭武裝部隊總參謀部, 歐盟委員會, 國會預算辦公室: an organisation
 * named right after another is a branch of it, and the whole name speaks;
 * not across a function word (人民銀行等多部門, 某公司和某實驗室). ow: where
 * the second one's own words begin. */
static void join_org(const lc_scan *x, lc_cand *c, size_t nc, lc_cand *k,
                     uint32_t ow) {
  if (k->who != LC_WHO_ORG || !nc || c[nc - 1].who != LC_WHO_ORG ||
      c[nc - 1].e != k->s || c[nc - 1].object || c[nc - 1].generic)
    return;
  bool joined = false;
  for (uint32_t j = k->s; j < ow;) {
    const lc_entry *e = NULL;
    size_t l = lichang__mentions_match(x, j, ow, ~0u, &e);
    if (!l && !lichang__is_han(x->cp[j]))
      return; /* an aside or a mark between */
    /* 政府軍和快速支援部隊宣布: two bodies joined by 和, 與 or 及 speak
     * together, as written (not 某部門等多個單位: 等 is no joiner) */
    if (l <= 1 && !joined && j + 1 < ow && x->cp[j] != 0x3001 &&
        is_joiner(x->cp[j]) && j > c[nc - 1].s) {
      joined = true;
      j++;
      continue;
    }
    if (l && (e->kinds & (LC_K_STOP | LC_K_MODIFIER | LC_K_SPEECH)))
      return;
    j += l ? (uint32_t)l : 1;
  }
  k->s = c[nc - 1].s;
  k->object = false; /* 美國白宮: not an object of 美國 */
  c[nc - 1].chained = true;
}

/* A bare two-character word for a society (工會指出, 協會表示, 學會認為)
 * names a body only when it is the short form of one the article named
 * before (某某產業工會…。工會指出); else it is anyone's union: no
 * speaker. Members speak through a society by its short name; 政府, 部門
 * and 公司 alone are too common in narration (落實部門, 害市府) to stand
 * for the one named last, and 國會, 議會 name their country's house. */
static bool bare_named(const lc_scan *x, uint32_t i) {
  uint32_t s, e;
  uint32_t h = x->cp[i];
  return !x->nested && i >= 2 && x->cp[i + 1] == 0x4F1A /* 会 */ &&
         h != 0x56FD /* 国 */ &&
         h != 0x8BAE /* 议 */ &&
         lichang__mentions_bare_body(x, i, 2, true, &s, &e);
}

/* Is the two-character run at i a time phrase ending in 畢, 后, 时 or 前
 * (庭畢, 赛后, 早前) or a function, stance or manner word (居然, 痛心), not
 * a name? (Any corpus word is too wide: 中油, 誠品, 明報 are names.) */
static bool manner_run(const lc_scan *x, uint32_t i) {
  const lc_entry *e = lichang__mentions_entry(x, i, i + 2);
  uint32_t t = x->cp[i + 1];
  return (e && !(e->kinds & LC_K_PERSON) &&
          (e->kinds & (LC_K_STOP | LC_K_MODIFIER | LC_K_STANCE))) ||
         t == 0x6BD5 /* 毕 */ ||
         t == 0x540E /* 后 */ || t == 0x65F6 /* 时 */ || t == 0x524D /* 前 */;
}

/* 后 or 间 after 会: "after, during the meeting" (not 上 or 中: 國發會
 * 上午, 某會中午 are the council and the hour) */
static bool meeting_time(uint32_t c) {
  return c == 0x540E /* 后 */ || c == 0x95F4 /* 间 */;
}

/* 、 和 與 及 跟 同: what joins the names of people speaking together. */
static bool is_joiner(uint32_t c) {
  return c == 0x3001 || c == 0x548C || c == 0x4E0E || c == 0x53CA ||
         c == 0x8DDF || c == 0x540C;
}

/* People named together as the speaker (立委王大明、林小華雙雙表態, 甲和乙
 * 都表示): two or more names joined by 、 or 和, then only adverbs (都,
 * 雙雙) before the verb at v. The speaker is all of them, as written. */
static lc_cand joint_speakers(const lc_scan *x, const lc_cand *c, size_t nc,
                              uint32_t v) {
  lc_cand none = {0};
  for (size_t j = 0; j + 1 < nc; j++) {
    if (c[j].who != LC_WHO_NAME || c[j].chained || c[j].generic ||
        (c[j].object && !c[j].titled))
      continue;
    size_t k = j;
    while (k + 1 < nc && c[k + 1].who == LC_WHO_NAME &&
           c[k + 1].s == c[k].e + 1 && is_joiner(x->cp[c[k].e]) &&
           !c[k + 1].chained)
      k++;
    if (k == j)
      continue;
    uint32_t r = c[k].e;
    if (r + 1 < v && x->cp[r] == 0x53CC /* 双 */ && x->cp[r + 1] == 0x53CC)
      r += 2;
    if (!only_filler(x, r, v))
      return none;
    return (lc_cand){.s = c[j].s, .e = c[k].e, .who = LC_WHO_NAME,
                     .titled = c[j].titled};
  }
  return none;
}

/* The speaker named in the clause [zs, v) before a speech verb. Titles and
 * organisations chained before a name give way to it (OpenCSG創始人陳然 →
 * 陳然; 外交部發言人 → 外交部 when no name follows). */
bool lichang__mentions_sure(const lc_scan *x, uint32_t s, uint32_t e) {
  const lc_entry *p = lichang__mentions_entry(x, s, e);
  if ((p && (p->kinds & LC_K_PERSON)) ||
      lichang__mentions_chinese(x, s, e, true) == e ||
      translit_name(x, s, e) == e || dotted_name(x, s, e) == e ||
      lichang__mentions_latin(x, s, e) == e)
    return true;
  /* a short foreign name (默茨, 卡茨) holds no common word; 離職潮 does */
  for (uint32_t a = s; a < e; a++)
    for (uint32_t b = a + 2; b <= e; b++)
      if (common_word(lichang__mentions_entry(x, a, b)))
        return false;
  return e - s >= 2;
}

/* A country by its one-character short form, as headlines write it (美稱,
 * 俄再稱, 烏稱): opening its line or sentence (not 以 in …，以回應), then
 * only a date or 再, 也, 還 before the verb, and the form of a listed side
 * (美方, 俄方). Returns its end or 0. */
/* Is the character at i a country's short form, as its side (美方, 俄方)
 * is listed? */
static bool side_char(const lc_scan *x, uint32_t i) {
  const uint32_t side[2] = {x->cp[i], 0x65B9 /* 方 */};
  const lc_entry *e = lichang__lexicon_find(x->lx, side, 2);
  return e && (e->kinds & LC_K_PERSON) && e->person >= 0 &&
         ((const lc_person *)x->lx->people.data)[e->person].kind;
}

static uint32_t short_country(const lc_scan *x, uint32_t zs, uint32_t v) {
  static const uint32_t adverbs[] = {0x4E5F /* 也 */, 0x4EA6 /* 亦 */,
                                     0x518D /* 再 */, 0x53C8 /* 又 */,
                                     0x5219 /* 则 */, 0x5DF2 /* 已 */,
                                     0x5E76 /* 并 */, 0x8FD8 /* 还 */};
  if (v <= zs || !lichang__is_han(x->cp[zs]))
    return 0;
  uint32_t p = zs ? x->cp[zs - 1] : '\n';
  if (!(p == '\n' || is_space(p) || p == 0x3002 || p == '!' || p == '?' ||
        p == ';'))
    return 0;
  for (uint32_t i = zs + 1; i < v; i++) {
    uint32_t c = x->cp[i];
    bool ok = (c >= '0' && c <= '9') || c == 0x65E5 /* 日 */ || is_space(c);
    if (!ok && !LC_AMONG(adverbs, c))
      return 0;
  }
  return side_char(x, zs) ? zs + 1 : 0;
}

/* A person named by surname and role (李姓專家, 王姓男子, 蔡姓阿嬤) at i,
 * before v: its end, or 0. The role is a title or unnamed people's word,
 * or one to three characters before the verb, a function word or a
 * preposition (王姓男子向警方表示). */
static uint32_t surnamed(const lc_scan *x, uint32_t i, uint32_t v) {
  if (i + 3 > v || x->cp[i + 1] != 0x59D3 /* 姓 */ ||
      lichang__mentions_match(x, i, i + 1, LC_K_SURNAME, NULL) != 1)
    return 0;
  const lc_entry *t = NULL;
  size_t l = lichang__mentions_match(x, i + 2, v, LC_K_TITLE, &t);
  if (l && t->role != LC_ROLE_ORG) {
    /* 陳姓中士班長: a rank and a post, one person */
    uint32_t e = i + 2 + (uint32_t)l;
    while (e < v && (l = lichang__mentions_match(x, e, v, LC_K_TITLE, &t)) &&
           t->role == LC_ROLE_TITLE)
      e += (uint32_t)l;
    return e;
  }
  uint32_t j = i + 2;
  while (j < v && j - (i + 2) < 3 && lichang__is_han(x->cp[j]) &&
         !is_stop1(x, j) && !is_preposition(x->cp[j]))
    j++;
  return j > i + 2 && (j == v || is_stop1(x, j) || is_preposition(x->cp[j]))
             ? j
             : 0;
}

bool lichang__mentions_opens_with_verb(const lc_scan *x, uint32_t zs,
                                       uint32_t v) {
  uint32_t a = zs;
  while (a < v && is_space(x->cp[a]))
    a++;
  const lc_entry *oe = NULL;
  size_t ol = a < v ? lichang__mentions_match(x, a, v, ~0u, &oe) : 0;
  return ol && (oe->kinds & LC_K_SPEECH) && oe->speech != LC_SPEECH_NOT &&
         !(oe->kinds & (LC_K_TITLE | LC_K_PERSON | LC_K_PRONOUN)) && a + ol < v;
}

static lc_cand subject(const lc_scan *x, uint32_t zs, uint32_t v);

/* Does a run of two to five Han characters at i end in a space, as a name
 * scraped text links does ( 李應元 ), or in an aside spelling it
 * (方濟各（Francis）)? */
bool lichang__mentions_linked(const lc_scan *x, uint32_t i, uint32_t lim) {
  uint32_t j = i;
  while (j < lim && j - i <= 5 && lichang__is_han(x->cp[j]))
    j++;
  return j - i >= 2 && j - i <= 5 && j < lim &&
         (is_space(x->cp[j]) || x->cp[j] == '(');
}
#define linked lichang__mentions_linked

/* A character that joins an organisation's name to the clause before it
 * and is never its first (而, 和, 與, 及, 同, 等, 並, 則, 又, 還, 更, 向, 對,
 * 於, 從, 由, 將, 把, 被, 讓, in their folded, Simplified forms). */
static bool org_joiner(uint32_t c) {
  static const uint32_t j[] = {0x800C, 0x548C, 0x4E0E, 0x53CA, 0x540C,
                               0x7B49, 0x5E76, 0x5219, 0x53C8, 0x8FD8,
                               0x66F4, 0x5411, 0x5BF9, 0x4E8E, 0x4ECE,
                               0x7531, 0x5C06, 0x628A, 0x88AB, 0x8BA9};
  return LC_AMONG(j, c);
}

/* An organisation's name is what follows the words that describe it or
 * join it to the clause: after the last 的, 了 or 着 (負責運營該油田的|某
 * 石油公司, 審議通過了|…), and past a joining character that is a word of
 * its own or stands before a listed name (而|以色列國防軍, 和|快速支援部隊;
 * not 和 in 和平基金會, nor 對 in 對外貿易協會). At least two characters stay. */
static void org_trim(const lc_scan *x, lc_cand *c) {
  if (c->e - c->s <= 2)
    return;
  for (uint32_t j = c->e - 2; j > c->s; j--) {
    uint32_t ch = x->cp[j - 1];
    /* (after a character that spells foreign names, 的 may be a syllable
     * of one: 巴爾的摩) */
    if ((ch == 0x7684 /* 的 */ && !(j >= 2 && is_translit(x->cp[j - 2]))) ||
        ch == 0x4E86 /* 了 */ || ch == 0x7740 /* 着 */) {
      c->s = j;
      break;
    }
  }
  while (c->e - c->s > 2 && org_joiner(x->cp[c->s])) {
    size_t al = lichang__mentions_match(x, c->s, c->e, ~0u, NULL);
    size_t pl = lichang__mentions_match(x, c->s + 1, c->e,
                                        LC_K_PERSON | LC_K_TITLE, NULL);
    if (al > 1 && pl < al)
      break; /* the character opens a word (同濟, 由於): part of the name */
    c->s++;
  }
}

/* How far back a bare organisation word looks for the body it stands
 * for, in characters. */
#define BARE_ORG_LOOK 3000

/* The body a bare organisation word [a, a + n) stands for: the latest
 * clause before it (or this one) opening with a longer name that ends in
 * it (全國產業總工會…。工會指出 -> 全國產業總工會). Sets [*s, *e) and returns
 * true when there is one. With before, only clauses before it: the
 * subject stage calls this for a bare word, and looking strictly back
 * ends the search. */
bool lichang__mentions_bare_body(const lc_scan *x, uint32_t a, uint32_t n,
                                 bool before, uint32_t *s, uint32_t *e) {
  uint32_t lo = a > BARE_ORG_LOOK ? a - BARE_ORG_LOOK : 0;
  lc_scan y = *x;
  y.nested = true;
  for (uint32_t p = before ? a : a + 1; p-- > lo + 1;) {
    if (x->cp[p] != x->cp[a] || !lichang__is_han(x->cp[p - 1]) ||
        memcmp(x->cp + p, x->cp + a, n * sizeof *x->cp))
      continue;
    /* (該工會, 本會: a pronoun, not a name ending in the word) */
    uint32_t q = x->cp[p - 1];
    if (q == 0x8BE5 /* 该 */ || q == 0x8A72 /* 該 */ || q == 0x672C /* 本 */ ||
        q == 0x6B64 /* 此 */ || q == 0x5404 /* 各 */ || q == 0x7B49 /* 等 */)
      continue;
    uint32_t zs = p;
    while (zs > 0 && p - zs < 24 && lichang__is_han(x->cp[zs - 1]))
      zs--;
    /* (the whole clause up to it names the body: not 成就得到|代表團,
     * an object) */
    lc_cand c = lichang__mentions_subject(&y, zs, p + n);
    if (c.who == LC_WHO_ORG && c.s == zs && c.e == p + n && c.e - c.s > n) {
      *s = c.s, *e = c.e;
      return true;
    }
  }
  return false;
}

lc_cand lichang__mentions_subject(const lc_scan *x, uint32_t zs, uint32_t v) {
  lc_cand c = subject(x, zs, v);
  if (c.e && c.who == LC_WHO_ORG)
    org_trim(x, &c);
  return c;
}

static lc_cand subject(const lc_scan *x, uint32_t zs, uint32_t v) {
  /* 院方否認…但陳某昨表示: 但 with no comma before it opens a new clause,
   * whose subject speaks (not 不但, "not only") */
  for (uint32_t j = v; j-- > zs + 1;)
    if (x->cp[j] == 0x4F46 /* 但 */ && x->cp[j - 1] != 0x4E0D /* 不 */ &&
        lichang__is_han(x->cp[j - 1])) {
      uint32_t a = j + 1;
      if (a < v && x->cp[a] == 0x662F /* 是 */)
        a++;
      lc_cand c = a < v ? subject(x, a, v) : (lc_cand){0};
      if (c.e)
        return c;
      break;
    }
  uint32_t sc = short_country(x, zs, v);
  if (sc)
    return (lc_cand){.s = zs, .e = sc, .who = LC_WHO_ORG};
  if (lichang__mentions_opens_with_verb(x, zs, v))
    return (lc_cand){0};
  lc_cand c[8];
  size_t nc = 0;
  uint32_t i = zs, np = zs; /* np: where an organisation's name may start */
  uint32_t after_title = UINT32_MAX;
  uint32_t bare_s = 0, bare_e = 0; /* the last title */
  bool anchor = true; /* a name may start here */
  uint32_t verb_end = 0; /* after a verb of saying in the clause */
  while (i < v && nc < 8) {
    uint32_t ch = x->cp[i];
    if (ch == 0x7684 /* 的 */)
      verb_end = 0; /* 預測匯率走勢的分析師: the verb only describes */
    if (is_space(ch) || ch == 0x3001 /* 、 */) {
      /* (主席 王小華: a title still vouches for the name after the space
       * scraped text leaves around a linked name) */
      if (after_title == i && is_space(ch) && linked(x, i + 1, v))
        after_title = i + 1;
      i++;
      np = i;
      anchor = true;
      continue;
    }
    if (ch == '(') { /* 馬雲昨（29日）在…: skip the aside */
      uint32_t j = i + 1;
      bool digits = false;
      while (j < v && x->cp[j] != ')') {
        digits |= x->cp[j] >= '0' && x->cp[j] <= '9';
        j++;
      }
      /* 伊斯蘭抵抗運動（哈馬斯）: a short name for what came before,
       * when that named nobody the rules know */
      if (j < v && !digits && j - i >= 3 && j - i <= 7 && i > zs &&
          lichang__is_han(x->cp[i + 1]) &&
          !(nc && c[nc - 1].e == i) && nc < 8)
        c[nc++] = (lc_cand){.s = i + 1, .e = j, .who = LC_WHO_ORG};
      i = j < v ? j + 1 : j;
      continue;
    }
    /* 《以色列時報》分析稱: a named outlet; 派別“卡桑旅”稱, 「母鴨」公司
     * 表示: a quoted name */
    uint32_t close = ch == 0x300A   ? 0x300B
                     : ch == 0x201C ? 0x201D
                     : ch == 0x300C ? 0x300D
                     : ch == 0x300E ? 0x300F
                                    : 0;
    if (close) {
      uint32_t j = i + 1;
      while (j < v && j - i <= 16 && x->cp[j] != close)
        j++;
      /* (「罷昌」議題: a quoted term before a plain word qualifies it,
       * names no one; 「母鴨」公司 and “卡桑旅”稱 do, as an outlet in
       * 《》 does whatever follows) */
      uint32_t nx = j + 1;
      bool qualifies = false;
      if (close != 0x300B && j < v && nx < v && lichang__is_han(x->cp[nx])) {
        const lc_entry *ne = NULL;
        size_t nl = lichang__mentions_match(x, nx, v, ~0u, &ne);
        qualifies = !(nl && (ne->kinds & (LC_K_TITLE | LC_K_SPEECH | LC_K_STOP |
                                          LC_K_MODIFIER | LC_K_PRONOUN))) &&
                    !lichang__lexicon_char(x->lx, x->cp[nx],
                                           LC_K_TITLE | LC_K_SPEECH | LC_K_STOP);
      }
      if (j < v && x->cp[j] == close && j > i + 1 && !qualifies &&
          (close == 0x300B || j - i <= 11)) {
        c[nc++] = (lc_cand){.s = i + 1,
                            .e = j,
                            .who = LC_WHO_ORG,
                            .object = i > zs && is_preposition(x->cp[i - 1])};
        i = np = j + 1;
        anchor = true;
        continue;
      }
    }
    /* 李姓專家, 王姓男子, 蔡姓阿嬤: a surname, 姓 and a role are one
     * person (the speakers stage joins 李先生 to them by the surname) */
    uint32_t xe = surnamed(x, i, v);
    if (xe) {
      c[nc++] = (lc_cand){.s = i, .e = xe, .who = LC_WHO_NAME,
                          .object = i > zs && is_preposition(x->cp[i - 1])};
      i = np = xe;
      anchor = true;
      continue;
    }
    /* a person, a pronoun, a title and any word (al), in one walk */
    static const uint32_t kinds[4] = {LC_K_PERSON, LC_K_PRONOUN, LC_K_TITLE,
                                      ~0u};
    size_t len[4];
    const lc_entry *ent[4];
    lichang__mentions_match_many(x, i, v, 4, kinds, len, ent);
    const lc_entry *pe = ent[0], *e = ent[1], *te = ent[2];
    size_t pl = len[0], ql = len[1], tl = len[2], al = len[3];
    if (ql && al > ql && !lichang__mentions_word_hides(x, i, al))
      al = ql; /* 他在, a corpus word, does not hide 他 */
    /* 某某会后表示, 会间指出: 会 before 后 or 间 is the meeting just
     * held, not a council closing a name */
    if (tl == 1 && te->role == LC_ROLE_ORG && x->cp[i] == 0x4F1A /* 会 */ &&
        i + 1 < v && meeting_time(x->cp[i + 1]))
      tl = 0;
    /* 中學校|長 is 中學|校長: a title that starts inside a longer word and
     * runs past its end ends the word where it starts */
    for (uint32_t s = 1; al > 2 && al > tl && al > pl && al > ql && s < al;
         s++) {
      const lc_entry *tt = NULL;
      size_t l = lichang__mentions_match(x, i + s, v, LC_K_TITLE, &tt);
      if (l && tt->role == LC_ROLE_TITLE && s + l > al) {
        al = s;
        break;
      }
    }
    lc_cand k = {0};
    k.object = i > zs && is_preposition(x->cp[i - 1]);
    k.titled = after_title == i;
    /* (a one-character listed name that a surname rule reads longer is
     * the surname: 韓小姐, not 韓 the country) */
    if (pl == 1 && lichang__mentions_chinese(x, i, v, false) > i + 1)
      pl = 0;
    if (pl && pl >= al) {
      const lc_person *pp = (const lc_person *)x->lx->people.data + pe->person;
      k.s = i, k.e = i + (uint32_t)pl;
      k.who = pp->kind ? LC_WHO_ORG : LC_WHO_NAME;
      /* 預算送進立院之時: right after a verb's character, an object */
      k.object |= !anchor && lichang__is_han(ch) && i > zs &&
                  lichang__is_han(x->cp[i - 1]);
    } else if (ql && ql >= al && ql >= tl) {
      k.s = i, k.e = i + (uint32_t)ql, k.who = LC_WHO_PRONOUN;
      k.pronoun = e->pronoun;
      /* 外交部發布報告稱: the organisation named first speaks, not the
       * report standing for it (an object before, 向加拿大傳媒發表聲明,
       * names no one who speaks) */
      for (size_t j = 0; j < nc && e->pronoun == LC_PRON_IT; j++)
        k.object |= !c[j].object;
      k.first = e->pronoun == LC_PRON_I || e->pronoun == LC_PRON_WE;
    } else if (tl && tl >= al) {
      if (te->role == LC_ROLE_GENERIC && i > zs + 1 &&
          x->cp[i - 1] == 0x7B49 /* 等 */ && nc && c[nc - 1].e == i - 1) {
        /* 某工會等勞團: the one named speaks for the rest */
      } else if (te->role == LC_ROLE_GENERIC) {
        k.s = i, k.e = i + (uint32_t)tl, k.generic = true;
        if (nc && c[nc - 1].e == i) /* 巴勒斯坦媒體: unnamed media */
          c[nc - 1].chained = true;
      } else if (te->role == LC_ROLE_ORG &&
                 (i > np || tl >= 3 ||
                  (tl == 2 && x->cp[i + 1] == 0x65B9 /* 方 */) ||
                  (tl == 2 && bare_named(x, i))) &&
                 (tl > 1 || org_stem(x, np, i))) {
        /* 統計局; alone, a listed name (新華社, 陸委會) or a side that
         * speaks as one (警方, 校方), not 部 or 公司 */
        k.s = np, k.e = i + (uint32_t)tl, k.who = LC_WHO_ORG;
        /* 元大證券, 群益投信: a firm's name has two characters at least,
         * so the one-character word opening the clause is its first */
        if (tl > 1 && np == zs + 1 && i == np + 1 && lichang__is_han(x->cp[zs]) &&
            x->cp[zs] != 0x636E /* 據 */ && !is_preposition(x->cp[zs]))
          k.s = zs;
        /* 在國發會…中: a place after a preposition */
        k.object |= np > zs && is_preposition(x->cp[np - 1]);
      } else if (nc && c[nc - 1].e == i && te->role == LC_ROLE_ORG &&
                 tl == 1 && c[nc - 1].who == LC_WHO_NAME &&
                 !c[nc - 1].titled && c[nc - 1].e - c[nc - 1].s == 2 &&
                 org_stem(x, c[nc - 1].s, i)) {
        /* 國發會, 工研院: a surname and a character before a one-character
         * organisation word are its stem, not a name */
        c[nc - 1].who = LC_WHO_ORG;
        c[nc - 1].e = i + 1;
      } else if (nc && c[nc - 1].e == i && te->role == LC_ROLE_ORG &&
                 c[nc - 1].who == LC_WHO_ORG && !c[nc - 1].chained &&
                 !(tl == 1 && x->cp[i - 1] == 0x65B9 /* 方 */)) {
        /* (not 俄方|會: after a side, one character is a modal) */
        c[nc - 1].e = i + (uint32_t)tl; /* 武裝|部隊: one organisation word on */
      } else if (nc && c[nc - 1].e == i) {
        c[nc - 1].chained = true; /* 360董事長, Facebook首席 */
      } else if (i > np && org_stem(x, np, i)) {
        /* 規劃局長: the title's first character ends an organisation */
        const lc_entry *oe = lichang__lexicon_char(x->lx, ch, LC_K_TITLE);
        if (oe && oe->role == LC_ROLE_ORG)
          k.s = np, k.e = i + 1, k.who = LC_WHO_ORG, k.chained = true;
      }
      uint32_t ow = i; /* where the title or organisation word begins */
      i += (uint32_t)tl;
      /* 幹事|長, 組|長 before a name: the head of what the title names is
       * a title too (團書記長林某, 小組召集人長…), not 長 opening the name */
      if (te->role != LC_ROLE_GENERIC && i + 2 < v &&
          x->cp[i] == 0x957F /* 长 */ &&
          lichang__mentions_match(x, i + 1, v, LC_K_SURNAME, NULL) &&
          lichang__mentions_chinese(x, i + 1, v, true))
        i++, tl++;
      /* 發起人之一陳健民: one of those holding the title */
      if (te->role == LC_ROLE_TITLE && i + 2 < v && x->cp[i] == 0x4E4B /* 之 */ &&
          x->cp[i + 1] == 0x4E00 /* 一 */)
        i += 2;
      anchor = true;
      np = i;
      /* (not after unnamed ones: 多位專家持平指出 names nobody) */
      if (te->role == LC_ROLE_TITLE && !(nc && c[nc - 1].generic))
        after_title = i;
      /* a bare title, and the country before it (丹麥首相, 美總統) */
      if (te->role == LC_ROLE_TITLE) {
        bare_s = ow, bare_e = i;
        if (nc && c[nc - 1].e == ow && is_place(x, c[nc - 1].s, c[nc - 1].e))
          bare_s = c[nc - 1].s;
        else if (nc && c[nc - 1].e == ow && c[nc - 1].who == LC_WHO_NAME)
          bare_e = 0; /* 習近平主席: named, the title is no one else */
        else if (ow == zs + 1 && side_char(x, zs))
          bare_s = zs;
      }
      if (k.s != k.e) {
        join_org(x, c, nc, &k, ow);
        c[nc++] = k;
      }
      continue;
    } else {
      uint32_t e2 = 0;
      if (anchor && lichang__is_han(ch))
        e2 = dotted_name(x, i, v);
      if (!e2 && anchor && i == np && nc == 0 && !k.titled)
        e2 = clause_name(x, i, v);
      if (!e2 && anchor && lichang__is_han(ch) && !k.titled)
        e2 = surname_alone(x, i, v);
      if (!e2 && anchor && lichang__is_han(ch))
        e2 = translit_name(x, i, v);
      if (!e2 && anchor && lichang__is_han(ch))
        e2 = lichang__mentions_chinese(x, i, v, k.titled);
      /* 擔任職員的韓小姐說: after 的, a name that runs to the verb */
      if (!e2 && !anchor && i > zs && x->cp[i - 1] == 0x7684 /* 的 */ &&
          lichang__mentions_chinese(x, i, v, false) == v)
        e2 = v;
      if (!e2)
        e2 = lichang__mentions_latin(x, i, v);
      /* 教頭法瑞爾卻…, or a clause that is only a name (法瑞爾說): a name
       * with no surname, as foreign names written in Han are */
      if (!e2 && (k.titled || (i == np && nc == 0))) {
        e2 = lichang__mentions_run(x, i, v, k.titled);
        /* 庭畢另嗆, 賽後說, 居然表示: two characters alone before the
         * verb that end in a time character or are a function or stance
         * word tell when or how someone spoke, not who: the one the
         * sentence before is about speaks, as 他 would */
        if (e2 == i + 2 && !k.titled && manner_run(x, i)) {
          k.s = i, k.e = e2, k.who = LC_WHO_PRONOUN, k.pronoun = LC_PRON_HE;
          e2 = 0;
        }
      }
      if (e2) {
        k.s = i, k.e = e2, k.who = LC_WHO_NAME;
        /* 同李顯龍, 對亨利·基辛格: a name with no surname rule behind it
         * does not start with a preposition; the person after it is the
         * preposition's object (向華, a surname and a given name, is a
         * name), unless the preposition is part of a connective (對此
         *某某表示: the one who speaks) */
        if (is_preposition(ch) && e2 > i + 2 &&
            lichang__mentions_chinese(x, i, v, k.titled) != e2) {
          size_t cl = lichang__mentions_match(x, i, e2, LC_K_STOP, NULL);
          k.s = i + (cl >= 2 ? (uint32_t)cl : 1);
          k.object = cl < 2;
        }
      } else if (al > 1 && !common_stop(x, i, al)) {
        /* a word ending in an organisation word: 福利部, 統計局; not a
         * function word (不會, 全部) */
        for (uint32_t s = 1; s < al; s++) {
          const lc_entry *oe =
              lichang__mentions_entry(x, i + s, i + (uint32_t)al);
          if (oe && (oe->kinds & LC_K_TITLE) && oe->role == LC_ROLE_ORG) {
            /* 社會, 機會, 大會: a common two-character word is no body */
            if (al == 2 && common_word(lichang__mentions_entry(x, i, i + 2)))
              break;
            k.s = np, k.e = i + (uint32_t)al, k.who = LC_WHO_ORG;
            /* 在石川縣災害對策本部: a place after a preposition */
            k.object |= np > zs && is_preposition(x->cp[np - 1]);
            break;
          }
        }
      }
    }
    if (k.e) {
      join_org(x, c, nc, &k, i);
      /* (an unnamed role right before a name is that person's:
       * 維權人士喬敏, 網友王大明) */
      if (nc && c[nc - 1].e == k.s &&
          (!c[nc - 1].generic || k.who == LC_WHO_NAME) &&
          c[nc - 1].who != LC_WHO_PRONOUN)
        c[nc - 1].chained = true;
      c[nc++] = k;
      i = k.e;
      np = i;
      anchor = !lichang__is_han(x->cp[i - 1]);
      /* 交通局長王義川: a title beginning on the organisation's last
       * character chains it and vouches for the name after it */
      const lc_entry *t2 = NULL;
      size_t l2 = k.who == LC_WHO_ORG
                      ? lichang__mentions_match(x, i - 1, v, LC_K_TITLE, &t2)
                      : 0;
      if (l2 > 1 && t2->role == LC_ROLE_TITLE) {
        c[nc - 1].chained = true;
        i = i - 1 + (uint32_t)l2;
        np = after_title = i;
        anchor = true;
      }
      continue;
    }
    uint32_t step = al ? (uint32_t)al : 1;
    if (!verb_end && al > 1 && (ent[3]->kinds & LC_K_SPEECH) &&
        ent[3]->speech != LC_SPEECH_NOT)
      verb_end = i + step;
    /* 法外|長 is 法|外長, 美學者 美|學者: a title from the word's second
     * character to its end or past it ends it */
    const lc_entry *se = NULL;
    size_t sl = step > 1 && i + step <= v
                    ? lichang__mentions_match(x, i + 1, v, LC_K_TITLE, &se)
                    : 0;
    if (sl >= 2 && sl + 1 >= step && se->role != LC_ROLE_ORG)
      step = 1;
    anchor = !lichang__is_han(ch) && !is_latin(ch);
    if (!anchor) {
      const lc_entry *se = lichang__mentions_entry(x, i, i + step);
      /* leading connectives and adverbs (不過, 此前, 據) keep the anchor */
      /* one-character ones only opening the clause: in 著作權律師 (着,
       * 作) they are pieces of a word, and 權律師 no person */
      anchor = np == i &&
               ((se && (se->kinds & LC_K_STOP) && (step > 1 || i == zs)) ||
                ch == 0x636E /* 據 */);
      if (anchor)
        np = i + step;
      else if (step == 1 && is_joiner(ch) && nc && c[nc - 1].e == i &&
               c[nc - 1].who == LC_WHO_NAME) {
        anchor = true; /* 王大明和林小華: a second name may start */
        np = i + 1;
      } else if (step == 1 &&
               (ch == 0x5728 /* 在 */ || ch == 0x4E8E /* 于 */ ||
                ch == 0x4ECE /* 从 */ || ch == 0x5BF9 /* 对 */ ||
                ch == 0x5411 /* 向 */))
        np = i + 1; /* no organisation's name runs over 在 or 對 (it may
                     * over 與: 住房與城鄉建設部) */
    }
    i += step;
  }
  /* A name right after a title first, then people (a person after an
   * organisation's name speaks for it), then organisations, then what the
   * chain before a bare title names. */
  /* A country speaks alone, with a date or adverbs (伊朗6日稱); before
   * other words it only qualifies them (美國2023年經濟增長預期, 美國《商業
   * 內幕》): then it is no speaker. */
  for (size_t j = 0; j < nc; j++)
    if (!c[j].chained && c[j].who == LC_WHO_ORG && is_place(x, c[j].s, c[j].e) &&
        !only_filler(x, c[j].e, v))
      c[j].object = true;
  /* 會議聲明譴責以軍…: what follows a verb of saying is its object, not
   * who speaks (a name running over the verb is still one) */
  for (size_t j = 0; verb_end && j < nc; j++)
    if (c[j].s >= verb_end)
      c[j].object = true;
  lc_cand joint = joint_speakers(x, c, nc, v);
  if (joint.e)
    return joint;
  lc_cand none = {0};
  for (size_t j = 0; j < nc; j++)
    if (c[j].titled && !c[j].chained && !c[j].object && c[j].who == LC_WHO_NAME)
      return c[j];
  /* …資深經紀Phillip Streible說: a name right before the verb */
  if (nc > 1 && c[nc - 1].e == v && !c[nc - 1].object &&
      c[nc - 1].who == LC_WHO_NAME)
    return c[nc - 1];
  for (size_t j = 0; j < nc; j++)
    if (!c[j].chained && !c[j].object && c[j].who != LC_WHO_ORG)
      return c[j];
  for (size_t j = 0; j < nc; j++)
    if (!c[j].chained && !c[j].object)
      return c[j];
  /* (not a country before a bare title: 美國官員, 沙特學者 are unnamed) */
  for (size_t j = nc; j-- > 0;)
    if (!c[j].object && !c[j].generic && c[j].who != LC_WHO_PRONOUN &&
        !is_place(x, c[j].s, c[j].e))
      return c[j];
  /* 教宗說, 丹麥首相稱: a bare title opening its clause (not 與會代表),
   * only a date or adverbs after it,
   * stands for the person it names elsewhere in the article (the speakers
   * stage finds whom, or drops the passage) */
  if (bare_e && only_filler(x, bare_e, v) && only_filler(x, zs, bare_s))
    return (lc_cand){.s = bare_s, .e = bare_e, .who = LC_WHO_NAME};
  return none;
}
