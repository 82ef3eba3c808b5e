/* Private to the passages stage: what passages.c (quote marks, assembly)
 * and attribution.c (attributions) share. Included by those two files only;
 * the rest of the library sees the stage through lichang__passages
 * (internal.h). */
#ifndef LICHANG_PASSAGES_H
#define LICHANG_PASSAGES_H

#include "internal.h"

/* How far back from a speech verb its speaker may be named, in code
 * points: titles and organisations make clauses long (復旦大學…學院教授、
 * 上海市…實驗室主任肖陽華認為), but not longer than this. */
#define ZONE_MAX 64
/* Speaker names kept per article for the narration checks. */
#define NAMES_MAX 64

enum { R_BAL, R_UNCLOSED, R_STRAY };
typedef struct {
  uint32_t open, a, b; /* mark position, inner span [a, b) */
  uint8_t kind;
  bool cut; /* unclosed region ended early by an attribution sentence */
} region;

typedef struct {
  uint32_t zs, v, ve, c; /* clause start, verb [v, ve), content start */
  uint32_t ws, we;       /* speaker mention */
  uint8_t who, pronoun, cls;
  bool active;  /* names a speaker (not 有人, not 我) */
  bool first;   /* 我認為: the speaker's own words, not narration */
  bool negated; /* 並不認為 */
  bool sent;    /* the clause opens its sentence */
  bool closing; /* nothing follows the verb in its sentence: 羅旭說。 */
  bool colon;   /* 表示： verbatim */
  bool inner;   /* inside an unclosed region, not cutting it */
  bool used;    /* already gave its speaker to a quote before it */
  bool borrowed; /* the speaker is the sentence's subject, not in the clause */
  bool generic;  /* 業者表示, 網友說: someone unnamed speaks */
  bool object_verb; /* 提出, 批評: a verb that takes a plain object too */
  bool claim;       /* 控某某涉弊案: an accusation's claim with no comma */
  bool same_org;    /* 該公司 mid-sentence, the organisation this sentence
                     * named before it */
} cue;

typedef struct {
  lc_scan s; /* lexicon and text for the name rules (mentions.c) */
  const lichang_lexicon *lx;
  lichang_doc *doc;
  const uint32_t *cp;
  uint32_t n;
  lc_vec regions, cues;
  uint32_t names[NAMES_MAX][2]; /* speaker mentions: start, length */
  size_t nnames;
  /* the last passage is an unclosed quote that ran to its paragraph's end:
   * a next paragraph opening with a quote mark continues it */
  bool open_quote;
  /* the last passage ran, marks or not, to its paragraph's end: a next
   * paragraph with no attribution may go on in the same voice */
  bool to_end;
  /* the outlet that last reported (《環時》報導稱): whom 報導指出 means */
  uint32_t report_s, report_e;
  uint8_t report_who;
} ctx;

/* ---- characters ---- */

static inline bool is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0;
}
static inline bool is_sent_end(uint32_t c) {
  return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0xFF61;
}
static inline bool is_clause_end(uint32_t c) {
  /* 【記者某某／報導】, 〔記者某某〕: a byline is no subject */
  return is_sent_end(c) || c == ',' || c == ':' || c == '\n' || c == 0x3011 ||
         c == 0x3015;
}
static inline uint32_t closer_of(uint32_t c) {
  switch (c) {
  case 0x201C:
    return 0x201D;
  case 0x300C:
    return 0x300D;
  case 0x300E:
    return 0x300F;
  case 0x2018:
    return 0x2019;
  case '"':
    return '"';
  default:
    return 0;
  }
}
static inline bool is_closer(uint32_t c) {
  return c == 0x201D || c == 0x300D || c == 0x300F || c == 0x2019;
}
static inline bool is_mark(uint32_t c) { return closer_of(c) || is_closer(c); }
static inline bool is_latin(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline uint32_t skip_space(const ctx *x, uint32_t i, uint32_t pe) {
  while (i < pe && is_space(x->cp[i]))
    i++;
  return i;
}

/* ---- attribution.c ---- */

/* Pass 2: reads the attributions of the paragraph [ps, pe) into x->cues,
 * in order; an unclosed region an attribution sentence cuts is shortened. */
int lichang__passages_scan_cues(ctx *x, uint32_t ps, uint32_t pe);
/* Does [a, b) hold a content word (not only 並, 也, 還)? */
bool lichang__passages_has_subject_words(const ctx *x, uint32_t a, uint32_t b);
/* Does [a, b) open by citing a source (據, 按, 根據, 依據)? */
bool lichang__passages_sourced(const ctx *x, uint32_t a, uint32_t b);

#endif
