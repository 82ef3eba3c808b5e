/* Types shared by the pipeline stages. Not installed.
 *
 * The pipeline, one stage per file:
 *   decode+normalize (normalize.c) -> segment (segment.c) -> keywords
 *   (keywords.c) -> passages (passages.c) -> speakers (speakers.c) ->
 *   stance (stance.c), driven by tagger.c, serialised by json.c.
 * Every stage works on code point indexes into the folded text (lc_text);
 * only doc.c and json.c turn them into byte offsets of the original input.
 */
#ifndef LICHANG_INTERNAL_H
#define LICHANG_INTERNAL_H

#include "lichang.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unicode/ubrk.h>

/* ---- buf.c: growable byte buffer and a string arena ---- */
typedef struct {
  char *data;
  size_t len, cap;
} lc_buf;
int lichang__buf_grow(lc_buf *b, size_t extra);
int lichang__buf_put(lc_buf *b, const void *p, size_t n);
int lichang__buf_puts(lc_buf *b, const char *s);
int lichang__buf_printf(lc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int lichang__buf_put_cp(lc_buf *b, uint32_t cp); /* UTF-8 encode */
/* Encodes cp as UTF-8 into s; returns its length (1 to 4). */
size_t lichang__utf8_encode(uint32_t cp, unsigned char s[4]);
void lichang__buf_free(lc_buf *b);

/* Growable array of fixed-size items; the caller casts .data. */
typedef struct {
  void *data;
  size_t len, cap, size;
} lc_vec;
/* A zeroed new slot, or NULL. Inline: tokens and boundaries are pushed a
 * million times a megabyte; only growing calls out. */
int lichang__vec_grow(lc_vec *v);
static inline void *lichang__vec_push(lc_vec *v) {
  if (v->len == v->cap && lichang__vec_grow(v))
    return NULL;
  void *slot = (char *)v->data + v->len++ * v->size;
  /* the small sizes inline: a memset of a size known only at run time is
   * a call */
  static const char zero[16];
  if (v->size == 4)
    memcpy(slot, zero, 4);
  else if (v->size == 8)
    memcpy(slot, zero, 8);
  else if (v->size == 16)
    memcpy(slot, zero, 16);
  else
    memset(slot, 0, v->size);
  return slot;
}
void lichang__vec_free(lc_vec *v);

/* Chunked arena: strings that stay put until the arena is freed. */
typedef struct lc_chunk lc_chunk;
typedef struct {
  lc_chunk *head;
} lc_arena;
char *lichang__arena_strndup(lc_arena *a, const char *s, size_t n);
void *lichang__arena_alloc(lc_arena *a, size_t n);
void lichang__arena_free(lc_arena *a);

/* UTF-8 decoding of one code point at s[0..n): returns bytes consumed (>=1)
 * and sets *cp, or U+FFFD with *bad set for an invalid sequence. */
size_t lichang__utf8_next(const unsigned char *s, size_t n, uint32_t *cp,
                          bool *bad);

/* ---- error.c ---- */
int lichang__error(lichang_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int lichang__error_at(lichang_error *err, int code, const char *file,
                      unsigned line, unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void lichang__error_clear(lichang_error *err);

/* ---- lexicon.c: dict text -> immutable lexicon ---- */
enum {
  LC_K_STANCE = 1u << 0,   /* stance.txt */
  LC_K_TOPIC = 1u << 1,    /* topics.txt */
  LC_K_MODIFIER = 1u << 2, /* modifiers.txt */
  LC_K_STOP = 1u << 3,     /* stopwords.txt */
  LC_K_SPEECH = 1u << 4,   /* speech.txt: attribution verbs */
  LC_K_TITLE = 1u << 5,    /* titles.txt: titles, roles */
  LC_K_PERSON = 1u << 6,   /* people.txt: names and aliases */
  LC_K_PRONOUN = 1u << 7,  /* pronouns.txt */
  LC_K_IDF = 1u << 8,      /* idf.txt */
  LC_K_SURNAME = 1u << 9,  /* surnames.txt */
};
/* Kinds whose multi-character entries become single tokens. */
#define LC_K_OVERLAY                                                           \
  (LC_K_STANCE | LC_K_TOPIC | LC_K_MODIFIER | LC_K_SPEECH | LC_K_TITLE |       \
   LC_K_PERSON | LC_K_PRONOUN)

typedef enum {
  LC_MOD_NEGATOR,
  LC_MOD_INTENSIFIER,
  LC_MOD_HEDGE,
  LC_MOD_CONTRAST,
  LC_MOD_CONCESSION,
  LC_MOD_DOWNTONER,
  LC_MOD_DIRECTIVE, /* a downtoner whose aim covers the rest of its sentence */
  LC_MOD__COUNT
} lc_mod_kind;

/* speech.txt classes */
typedef enum {
  LC_SPEECH_SAY,
  LC_SPEECH_THINK,
  LC_SPEECH_TELL,
  LC_SPEECH_FRAME,
  LC_SPEECH_PREDICT,
  LC_SPEECH_CLAUSE, /* 稱讚，…: speech only before , : or a quote */
  LC_SPEECH_ACCUSE, /* 控X涉弊案: a clause verb whose long object is said */
  LC_SPEECH_SHOW,   /* 報告顯示，…: speech only after a document */
  LC_SPEECH_NOT
} lc_speech;
/* pronouns.txt classes */
typedef enum { LC_PRON_HE, LC_PRON_SHE, LC_PRON_THEY, LC_PRON_IT, LC_PRON_I,
               LC_PRON_WE } lc_pron;
/* titles.txt classes */
typedef enum { LC_ROLE_TITLE, LC_ROLE_ORG, LC_ROLE_GENERIC } lc_role;

/* Everything the lexicon knows about one folded string. */
typedef struct {
  uint32_t kinds;      /* LC_K_* bits */
  const char *surface; /* the entry as first written in its file */
  uint8_t stance;      /* LC_K_STANCE: lichang_stance */
  uint8_t mod;         /* LC_K_MODIFIER: lc_mod_kind */
  uint8_t speech;      /* LC_K_SPEECH: class, see speech.txt */
  uint8_t pronoun;     /* LC_K_PRONOUN: class, see pronouns.txt */
  uint8_t role;        /* LC_K_TITLE: lc_role */
  uint32_t same_as;    /* LC_K_SURNAME: folded surname it is a variant of */
  float weight;        /* stance weight */
  float factor;        /* modifier factor */
  float idf;           /* LC_K_IDF */
  const char *topic;   /* LC_K_TOPIC: label reported as a target */
  int32_t person;      /* LC_K_PERSON: index into lexicon people */
  uint32_t nchars;     /* length in code points */
} lc_entry;

typedef struct {
  const char *name; /* canonical name */
  uint8_t kind;     /* 0 person, 1 organisation, 2 place (a country that
                       speaks through its government; no narration subject) */
  uint8_t gender;   /* 0 unknown, 1 male, 2 female */
} lc_person;

typedef struct {
  pcre2_code *code;
  int turn; /* number of the group named "turn", or 0 if none: looked up
               once at load, not for every passage */
  uint8_t stance;
  float weight;
  const char *comment;
  const char *file;
  unsigned line;
  /* Prefilter clauses [need, need + nneed) of the lexicon's prefilter:
   * the rule can only match a passage that holds a literal of each. None:
   * the rule always runs. */
  uint32_t need, nneed;
} lc_rule;

/* A hash table edge (node, cp) -> child: the lexicon's trie while it is
 * being loaded, and the prefilter's. */
typedef struct {
  uint64_t key; /* (node << 21 | cp) + 1; 0: empty */
  uint32_t val; /* the child node */
} lc_trie_slot;

/* One node of the lexicon's trie once loaded. Nodes are numbered breadth
 * first, so a node's children are consecutive: [kids, (node + 1)->kids).
 * They are ordered those on paths to LC_K_SMALL entries first, then the
 * rest, each run by code point. A step reads the node's own record (in
 * cache: the walk just came from it) and its children's, which are side
 * by side; the child found carries what the walk tests next (kinds below
 * and here, the entry), so one step touches one or two cache lines where
 * a hash probe and three side arrays touched four. */
typedef struct {
  uint32_t cp : 21;     /* the code point on the edge into the node */
  uint32_t nsmall : 11; /* children on LC_K_SMALL paths, or LC_TRIE_UNSPLIT */
  uint32_t kids;        /* its first child */
  uint16_t below;       /* LC_K_* of the entries at or below it */
  uint16_t here;        /* LC_K_* of its own entry, 0: none */
  int32_t entry;        /* index into entries, or -1 */
} lc_trie_node;
/* nsmall of a node with too many small children to count in 11 bits: its
 * children are one run by code point, and every walk searches them all. */
#define LC_TRIE_UNSPLIT 2047u
/* A child of the root by BMP code point: its number and the kinds below
 * it, so that the first step, taken at nearly every character and most
 * often the last, reads this table alone. The root's children are the
 * first nodes; one numbered LC_ROOT_FAR or beyond is searched for. */
typedef struct {
  uint16_t node; /* 0: none */
  uint16_t below; /* LC_K_* of the entries at or below it (bits 0-9), and
                     LC_ROOT_CUE */
} lc_trie_root;
#define LC_ROOT_FAR 0xFFFFu
/* In a root entry's below: the character alone is a title, a speech verb
 * or a person (the passages scan stops at it whatever follows). No kind
 * set has this bit; a kind mask that includes it (~LC_K_SPEECH) only
 * takes a walk more, which finds what it would have. */
#define LC_ROOT_CUE 0x8000u

/* ---- prefilter.c: which rules could match, by their literals ---- */
typedef struct {
  uint32_t clause; /* the clause this literal ends, at its trie node */
  uint32_t next;   /* the node's next hit (index + 1), 0: none */
} lc_pf_hit;
typedef struct {
  lc_trie_slot *edges; /* trie over every rule's literals, as the lexicon's */
  size_t cap, used;
  uint32_t nodes, nclauses, maxlen; /* maxlen: longest literal */
  uint64_t *first; /* bit per BMP code point: some literal starts with it */
  lc_vec head;     /* uint32_t per node: its first hit (index + 1), 0 none */
  lc_vec hits;     /* lc_pf_hit */
  uint32_t nrules; /* rules added, in order */
  lc_vec owner;    /* uint32_t per clause: the rule it belongs to */
  lc_vec first_of; /* uint32_t per rule: its first clause */
  lc_vec always;   /* uint32_t: the rules with no clause, in order */
} lc_prefilter;
/* Analyses a rule's folded pattern pat[0..n) and adds its literals: its
 * clauses are [*first, *first + *count); *count 0 when the analyser cannot
 * tell (the rule then always runs). Only fails with LICHANG_ENOMEM. */
int lichang__prefilter_add(lc_prefilter *pf, const char *pat, size_t n,
                           uint32_t *first, uint32_t *count);
void lichang__prefilter_free(lc_prefilter *pf);
/* Sets bit c of found (pf->nclauses bits, cleared by the caller) for each
 * clause c that has a literal in the folded text cp[0..n). */
void lichang__prefilter_scan(const lc_prefilter *pf, const uint32_t *cp,
                             size_t n, uint64_t *found);
/* The rules that may match once a scan set the found clauses: appends
 * to out (uint32_t rule numbers, in order) every rule with no clause and
 * every rule all of whose clauses were found. Only fails with
 * LICHANG_ENOMEM. */
int lichang__prefilter_rules(const lc_prefilter *pf, const uint64_t *found,
                             lc_vec *out);
/* The clauses derived for a pattern, as text: "{离|距离} & {还远}", or
 * "always". For the tests. */
int lichang__prefilter_describe(lc_buf *out, const char *pat, size_t n);

struct lichang_lexicon {
  lc_arena arena;
  /* While loading: the trie as a hash table (node << 21 | cp) -> child,
   * node 0 the root; freed once loading is done. */
  lc_trie_slot *trie;
  size_t trie_cap, trie_used, nodes;
  /* Once loaded: the trie's nodes[0..nodes], breadth first (lc_trie_node;
   * nodes[nodes] only ends the last node's children), and the root's
   * children by BMP code point, so a first step is one read (the
   * segmenter and the scanners take one at nearly every character). */
  lc_trie_node *tnodes;
  lc_trie_root *root;
  /* A bit per pair of first two code points of the LC_K_PAIRED entries
   * two or more long, hashed (lichang__trie_pair): where it is clear, a
   * walk for those kinds ends at the first character without searching
   * its children, the step that most often missed the cache (的 starts
   * 的确 and 的话, but 的一 nothing). */
  uint64_t *pairs;
  /* The same for the pairs on paths to overlay entries (all at least two
   * long): the segmenter walks the overlay only where the bit is set. */
  uint64_t *overlay_pairs;
  /* Per entry, what the hot loops read (kinds, IDF), packed: the entries
   * themselves are too big to stay in cache. */
  struct lc_entry_hot {
    uint32_t kinds;
    float idf;
  } *hot;
  lc_vec node_entry; /* int32_t per node while loading: index into
                        entries, or -1; freed once the trie is finished */
  lc_vec entries;    /* lc_entry */
  lc_vec people;     /* lc_person */
  lc_vec rules;      /* lc_rule */
  lc_prefilter prefilter; /* the rules' literals */
  unsigned max_chars; /* longest entry, in code points */
  double idf_default; /* for words the IDF table lacks */
};

static inline size_t lichang__trie_hash(uint64_t k, size_t cap) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return (size_t)k & (cap - 1);
}

/* The kinds whose paths come first among a node's children. */
#define LC_K_SMALL (LC_K_OVERLAY | LC_K_STOP | LC_K_SURNAME)
/* The kinds the pair filter holds: the small ones but stance terms and
 * topics, which no walk with a pair test asks for (the filter is sparser
 * without them). */
#define LC_K_PAIRED (LC_K_SMALL & ~(LC_K_STANCE | LC_K_TOPIC))

static inline uint32_t lichang__trie_probe(const lc_trie_slot *t, size_t cap,
                                           uint32_t node, uint32_t cp) {
  if (!cap)
    return 0;
  uint64_t k = ((uint64_t)node << 21 | cp) + 1;
  for (size_t i = lichang__trie_hash(k, cap);; i = (i + 1) & (cap - 1)) {
    if (t[i].key == k)
      return t[i].val;
    if (t[i].key == 0)
      return 0;
  }
}

/* The node in t[a, b) (one run, by code point) whose edge is cp, or 0.
 * Most runs are a few nodes on one cache line: a plain scan; a long one
 * (a common first character's children) is halved down to that first. */
static inline uint32_t lichang__trie_find(const lc_trie_node *t, uint32_t a,
                                          uint32_t b, uint32_t cp) {
  while (b - a > 8) {
    uint32_t mid = a + (b - a) / 2;
    if (t[mid].cp <= cp)
      a = mid;
    else
      b = mid;
  }
  for (; a < b; a++)
    if (t[a].cp >= cp)
      return t[a].cp == cp ? a : 0;
  return 0;
}

/* The child of node by cp, or 0; with small, only among the children on
 * paths to LC_K_SMALL entries (the walks that want only those kinds never
 * look at the rest). */
static inline uint32_t lichang__trie_child(const lichang_lexicon *lx,
                                           uint32_t node, uint32_t cp,
                                           bool small) {
  if (node == 0 && cp < 0x10000 && lx->root[cp].node != LC_ROOT_FAR)
    return lx->root[cp].node;
  const lc_trie_node *t = lx->tnodes;
  uint32_t a = t[node].kids, b = t[node + 1].kids, ns = t[node].nsmall;
  if (ns == LC_TRIE_UNSPLIT)
    return lichang__trie_find(t, a, b, cp);
  uint32_t k = lichang__trie_find(t, a, a + ns, cp);
  return k || small ? k : lichang__trie_find(t, a + ns, b, cp);
}

/* Might an entry of LC_K_PAIRED kinds start with the code points a, b? A
 * clear bit is certain; a set one only says the walk goes on. */
#define LC_PAIR_LOG 16 /* 2^16 bits: 8 KiB */
static inline uint32_t lichang__pair_hash(uint32_t a, uint32_t b) {
  return (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> (32 - LC_PAIR_LOG);
}
static inline bool lichang__trie_pair(const lichang_lexicon *lx, uint32_t a,
                                      uint32_t b) {
  uint32_t h = lichang__pair_hash(a, b);
  return lx->pairs[h >> 6] >> (h & 63) & 1;
}
/* Might an overlay entry start with the code points a, b? */
static inline bool lichang__overlay_pair(const lichang_lexicon *lx,
                                         uint32_t a, uint32_t b) {
  uint32_t h = lichang__pair_hash(a, b);
  return !lx->overlay_pairs || lx->overlay_pairs[h >> 6] >> (h & 63) & 1;
}

/* Walks one step of the trie (after loading); returns the child node or 0
 * if none. Inline: the segmenter takes a step for nearly every character
 * of every article. */
static inline uint32_t lichang__trie_step(const lichang_lexicon *lx,
                                          uint32_t node, uint32_t cp) {
  return lichang__trie_child(lx, node, cp, false);
}

/* The same along overlay paths only: 0 off them. */
static inline uint32_t lichang__overlay_step(const lichang_lexicon *lx,
                                             uint32_t node, uint32_t cp) {
  if (node == 0 && cp < 0x10000 && !(lx->root[cp].below & LC_K_OVERLAY))
    return 0;
  uint32_t n = lichang__trie_child(lx, node, cp, true);
  return n && (lx->tnodes[n].below & LC_K_OVERLAY) ? n : 0;
}

/* A step on the paths to entries of LC_K_SMALL kinds only: the same child
 * as lichang__trie_step there, 0 off them (but at the root, where it may
 * be any child). */
static inline uint32_t lichang__small_step(const lichang_lexicon *lx,
                                           uint32_t node, uint32_t cp) {
  return lichang__trie_child(lx, node, cp, true);
}

/* The longest entry of any of kinds[k] that cp[0..n) starts with, for k <
 * sets, in one walk: len[k], its length in code points (0 if none), and
 * out[k], the entry (NULL if none). Stops as soon as no entry of those
 * kinds lies further down the trie; most often the root table says so.
 * Always inline: the scanners call it at most positions of an article
 * with constant kind sets, which the compiler then folds (on its own, GCC
 * kept one shared copy and the loops over kinds[]). */
__attribute__((always_inline)) static inline void
lichang__lexicon_longest_many(const lichang_lexicon *lx,
                                                 const uint32_t *cp, size_t n,
                                                 size_t sets,
                                                 const uint32_t *kinds,
                                                 size_t *len,
                                                 const lc_entry **out) {
  const lc_trie_node *t = lx->tnodes;
  uint32_t all = 0;
  for (size_t k = 0; k < sets; k++) {
    all |= kinds[k];
    len[k] = 0;
    out[k] = NULL;
  }
  if (!n || (cp[0] < 0x10000 && !(lx->root[cp[0]].below & all)))
    return;
  bool small = !(all & ~LC_K_SMALL);
  uint32_t node = 0;
  for (size_t j = 0; j < n && j < lx->max_chars; j++) {
    if (j == 1 && !(all & ~LC_K_PAIRED) && !lichang__trie_pair(lx, cp[0], cp[1]))
      break;
    node = lichang__trie_child(lx, node, cp[j], small);
    if (!node || !(t[node].below & all))
      break;
    uint32_t here = t[node].here;
    if (!(here & all))
      continue;
    for (size_t k = 0; k < sets; k++)
      if (here & kinds[k]) {
        len[k] = j + 1;
        out[k] = (const lc_entry *)lx->entries.data + t[node].entry;
      }
  }
}
/* The same for one kind set: the length, and the entry in *out when out
 * is not NULL and there is one. */
static inline size_t lichang__lexicon_longest(const lichang_lexicon *lx,
                                              const uint32_t *cp, size_t n,
                                              uint32_t kinds,
                                              const lc_entry **out) {
  size_t len;
  const lc_entry *e;
  lichang__lexicon_longest_many(lx, cp, n, 1, &kinds, &len, &e);
  if (len && out)
    *out = e;
  return len;
}
/* Does c end a sentence, for the stages after passages (folded 。 ! ? ;
 * and a line break)? */
static inline bool lichang__sentence_end(uint32_t c) {
  return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == '\n';
}
/* Is c one of the few code points of an unsorted list (the small word
 * classes the rule stages spell out: prepositions, joiners, numerals)? */
static inline bool lichang__cp_among(const uint32_t *set, size_t n,
                                     uint32_t c) {
  for (size_t i = 0; i < n; i++)
    if (set[i] == c)
      return true;
  return false;
}
#define LC_AMONG(set, c) lichang__cp_among((set), sizeof(set) / sizeof *(set), (c))
/* A numeral as counts and ordinals are written: an ASCII digit or 一…十,
 * 两, 百, 零, 〇 (第三次, 第27條, 第十二条). */
static inline bool lichang__is_numeral(uint32_t c) {
  static const uint32_t n[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                               0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
                               0x4E24, 0x767E, 0x96F6, 0x3007};
  return (c >= '0' && c <= '9') || LC_AMONG(n, c);
}
/* Is c in the sorted table set[0..n)? For the stages' fixed character
 * lists (transliteration, commonest characters). */
static inline bool lichang__cp_in(const uint32_t *set, size_t n, uint32_t c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (set[mid] < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && set[lo] == c;
}
/* The entry at a node, or NULL. */
static inline const lc_entry *lichang__trie_entry(const lichang_lexicon *lx,
                                                  uint32_t node) {
  int32_t e = lx->tnodes[node].entry;
  return e < 0 ? NULL : (const lc_entry *)lx->entries.data + e;
}
/* Might an entry of any of kinds start with cp? False is certain; true
 * only says a walk is worth taking. One read for a BMP character: the
 * scanners ask it at every position and most start nothing. */
static inline bool lichang__lexicon_may_start(const lichang_lexicon *lx,
                                              uint32_t cp, uint32_t kinds) {
  return cp >= 0x10000 || (lx->root[cp].below & kinds);
}
/* The entry of the one character c if it has any of kinds, else NULL: the
 * root table, and for those kinds the node's record (the function words,
 * surnames and modifiers the stages ask about a character at a time). */
static inline const lc_entry *lichang__lexicon_char(const lichang_lexicon *lx,
                                                    uint32_t c,
                                                    uint32_t kinds) {
  if (c < 0x10000 && !(lx->root[c].below & kinds))
    return NULL;
  uint32_t n = lichang__trie_child(lx, 0, c, false);
  return n && (lx->tnodes[n].here & kinds) ? lichang__trie_entry(lx, n) : NULL;
}
/* Looks up a whole folded string of code points; NULL if absent. */
const lc_entry *lichang__lexicon_find(const lichang_lexicon *lx,
                                      const uint32_t *cp, size_t n);
/* The same as an entry index (-1 if absent) and its kinds (0), read from
 * the trie alone: the segmenter's look-up of every word. */
int32_t lichang__lexicon_find_index(const lichang_lexicon *lx,
                                    const uint32_t *cp, size_t n,
                                    uint32_t *kinds);

/* The lexicon file names, one per handler (dict/ layout); NULL past the
 * last. */
const char *lichang__lexicon_file(size_t i);
/* Parses data[0..len) as the lexicon file `name` ("stance.txt", …), every
 * other file empty; as lichang_lexicon_load otherwise. For the fuzzer and
 * the hostile-input tests. */
int lichang__lexicon_parse_buffer(lichang_lexicon **out, const char *name,
                                  const char *data, size_t len,
                                  lichang_error *err);

/* ---- normalize.c: decode, fold, map back ---- */
/* Folds one code point (NFKC + case fold + Traditional->Simplified) into
 * out[0..8); returns how many code points it became (0 for ignorables). */
size_t lichang__fold_cp(uint32_t cp, uint32_t out[8]);
/* Folds a UTF-8 string to UTF-8 (lexicon entries). */
int lichang__fold_utf8(lc_buf *out, const char *s, size_t n);

typedef struct {
  const char *src; /* the input bytes (the doc's copy) */
  size_t len;
  uint32_t *cp;  /* folded code points */
  uint32_t *off; /* off[i]: byte offset in src of the char cp[i] came from;
                    off[n] == len */
  size_t n;
  size_t chars;  /* code points in the original (a leading BOM not
                    counted: bom says it was there) */
  size_t astral; /* code points of cp[] above U+FFFF (two UTF-16 units) */
  size_t invalid;       /* invalid sequences, each read as U+FFFD */
  size_t first_invalid; /* byte offset of the first, or (size_t)-1 */
  bool bom;             /* a BOM opened the input, skipped */
} lc_text;
/* Decodes and folds src; invalid bytes become U+FFFD and a warning. */
int lichang__text_fold(lc_text *t, lichang_doc *doc, const char *src,
                       size_t len);
void lichang__text_free(lc_text *t);

/* ---- segment.c: ICU words + lexicon overlay ---- */
typedef struct {
  uint32_t start, end; /* code point indexes into lc_text.cp */
  int32_t entry;       /* lexicon entry index, or -1 */
  uint32_t kinds;      /* the entry's LC_K_* (0: none), set by the
                          segmenter so that later stages need not read the
                          entry array, which misses the cache */
} lc_token;
typedef struct {
  UBreakIterator *brk;
  uint16_t *u16;
  size_t u16_cap;
  lc_vec bounds; /* uint32_t ICU boundaries in code points */
  /* Words of up to three characters -> lexicon entry (-1: none), direct
   * mapped: most tokens are common short words, and looking each up in
   * the lexicon's trie missed the cache every time. */
  struct lc_word_cache {
    uint64_t key; /* the code points packed, 21 bits each; 0: empty (no
                     word packs to 0: NUL is no text) */
    int32_t entry;
    uint32_t kinds; /* the entry's, 0: none (in the padding) */
  } *cache;
} lc_segmenter;
int lichang__segmenter_init(lc_segmenter *s, lichang_error *err);
void lichang__segmenter_free(lc_segmenter *s);
int lichang__segment(lc_segmenter *s, const lichang_lexicon *lx,
                     const lc_text *t, lc_vec *tokens);

/* Character classes on folded code points. Inline: every stage asks them
 * of nearly every character. */
static inline bool lichang__is_han(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         cp == 0x3007;
}
/* Letters and digits outside ASCII and Han (utf8proc's categories). */
bool lichang__is_word_other(uint32_t cp);
/* Han, letter or digit. */
static inline bool lichang__is_word_cp(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  return lichang__is_han(cp) || lichang__is_word_other(cp);
}

/* ---- mentions.c: speaker mentions by general rules ---- */
static inline bool lichang__is_latin(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
typedef struct {
  const lichang_lexicon *lx;
  const lc_text *t;
  const uint32_t *cp; /* t->cp */
  uint32_t n;         /* t->n */
  bool nested; /* inside lichang__mentions_bare_body: no bare word is looked
                  up again (each would search back once more, and a text
                  repeating 工會 took time doubling with each copy) */
} lc_scan;
/* A speaker candidate in a clause. */
typedef struct {
  uint32_t s, e;      /* code points */
  uint8_t who;        /* lc_who */
  uint8_t pronoun;    /* lc_pron, for LC_WHO_PRONOUN */
  bool generic;       /* 有人, 網友: unnamed */
  bool first;         /* 我, 我們 */
  bool chained;       /* a title or name follows: 360董事長周弘毅 */
  bool object;        /* after a preposition: 與主持人 */
  bool titled;        /* right after a title: 創始人陳然 */
} lc_cand;
/* A Latin entry (OpenAI, CEO) at [i, i + len) must not start or end
 * inside a word. */
static inline bool lichang__mentions_latin_inside(const lc_scan *x,
                                                  uint32_t i, size_t len) {
  return lichang__is_latin(x->cp[i]) &&
         ((i > 0 && lichang__is_latin(x->cp[i - 1])) ||
          (i + len < x->n && lichang__is_latin(x->cp[i + len])));
}
/* Longest entry at i (before lim) having any of kinds: its length or 0.
 * The walk stops where no entry of those kinds lies further down the
 * trie, so a position that starts none costs one table read. */
static inline size_t lichang__mentions_match(const lc_scan *x, uint32_t i,
                                             uint32_t lim, uint32_t kinds,
                                             const lc_entry **out) {
  size_t best =
      lichang__lexicon_longest(x->lx, x->cp + i, lim - i, kinds, out);
  return best && lichang__mentions_latin_inside(x, i, best) ? 0 : best;
}
/* The same for n kind sets in one walk: len[k] and out[k] (NULL if none)
 * answer kinds[k]. */
static inline void lichang__mentions_match_many(const lc_scan *x, uint32_t i,
                                                uint32_t lim, size_t n,
                                                const uint32_t *kinds,
                                                size_t *len,
                                                const lc_entry **out) {
  lichang__lexicon_longest_many(x->lx, x->cp + i, lim - i, n, kinds, len, out);
  if (lichang__is_latin(x->cp[i])) /* a Han character is never inside */
    for (size_t k = 0; k < n; k++)
      if (len[k] && lichang__mentions_latin_inside(x, i, len[k]))
        len[k] = 0, out[k] = NULL;
}
const lc_entry *lichang__mentions_entry(const lc_scan *x, uint32_t a,
                                        uint32_t b);
bool lichang__mentions_word_hides(const lc_scan *x, uint32_t i, size_t len);
/* A Chinese or Latin-script name starting at i: its end, or 0. */
uint32_t lichang__mentions_chinese(const lc_scan *x, uint32_t i, uint32_t lim,
                                  bool titled);
uint32_t lichang__mentions_latin(const lc_scan *x, uint32_t i, uint32_t lim);
/* A surnameless name (法瑞爾): after a title, or filling [i, lim). */
uint32_t lichang__mentions_run(const lc_scan *x, uint32_t i, uint32_t lim,
                               bool titled);
/* Is [s, e) a transliterated or dotted foreign name (弗雷澤里克森)? */
bool lichang__mentions_foreign(const lc_scan *x, uint32_t s, uint32_t e);
/* Is position i on a headline (a short line with no full stop)? */
bool lichang__mentions_headline(const lc_scan *x, uint32_t i);
/* The speaker the clause [zs, v) before a speech verb names. */
lc_cand lichang__mentions_subject(const lc_scan *x, uint32_t zs, uint32_t v);
/* Is [s, e) written again elsewhere near it in the text (a name recurs)? */
bool lichang__mentions_named_again(const lc_scan *x, uint32_t s, uint32_t e);
bool lichang__mentions_bare_body(const lc_scan *x, uint32_t a, uint32_t n,
                                 bool before, uint32_t *s, uint32_t *e);
/* Does a run of Han characters at i end in a space ( 李應元 , a link)? */
bool lichang__mentions_linked(const lc_scan *x, uint32_t i, uint32_t lim);
/* Does the clause [zs, v) open with a verb of saying and go on past it
 * (控林涉弊案，還說…)? Then it names no one: it goes on from its sentence's
 * subject. */
bool lichang__mentions_opens_with_verb(const lc_scan *x, uint32_t zs,
                                       uint32_t v);
/* Is [s, e) a name by a rule that vouches for itself (a listed person, a
 * surname and given name, a transliterated, dotted or Latin name), not only
 * a run of characters after a title? */
bool lichang__mentions_sure(const lc_scan *x, uint32_t s, uint32_t e);

/* ---- the doc (doc.c) ---- */
typedef struct {
  const char *term; /* surface form, arena */
  double weight;
} lc_keyword;

/* Who a passage's attribution names, as the passages stage found it; the
 * speakers stage turns it into a canonical name. */
typedef enum {
  LC_WHO_NONE,    /* nobody found: the passage is dropped */
  LC_WHO_NAME,    /* a name by the general rules: who_start..who_end */
  LC_WHO_ORG,     /* an organisation named by its kind word (…部, …公司) */
  LC_WHO_PRONOUN, /* a pronoun: the most recent speaker of its kind */
  LC_WHO_CONTEXT  /* no attribution: the person the narration just named */
} lc_who;

struct lichang_quote {
  uint32_t start, end; /* code points */
  uint32_t who_start, who_end; /* the speaker's mention, code points */
  uint8_t who;                 /* lc_who */
  uint8_t pronoun;             /* LC_WHO_PRONOUN: lc_pron */
  bool negated;  /* the attribution verb was negated (並不認為 X): the
                    passage is X, the speaker denies it */
  bool if_same;  /* lost-mark words before an attribution, kept only when
                    the speaker is also the previous passage's speaker */
  lichang_span span;   /* bytes, filled by the tagger */
  lichang_quote_kind kind;
  const char *speaker; /* arena; "" if none */
  int32_t speaker_cp;  /* code point where the speaker was named, or -1 */
  lichang_stance stance;
  double score;
  lc_vec targets;  /* const char * */
  lc_vec evidence; /* lichang_evidence */
};

/* A person named with a title in the narration (董事長周弘毅), found by the
 * passages stage so the speakers stage can resolve pronouns to them. */
typedef struct {
  uint32_t start, end; /* code points */
} lc_mention;

struct lichang_doc {
  lc_arena arena;
  char *src; /* copy of the input */
  size_t len;
  lc_text text;
  lc_vec tokens;   /* lc_token */
  lc_vec keywords; /* lc_keyword */
  lc_vec warnings; /* const char * */
  lc_vec quotes;   /* lichang_quote */
  lc_vec mentions; /* lc_mention: people the narration names (passages.c) */
};
int lichang__doc_warn(lichang_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- stages run by tagger.c ---- */
struct lichang_tagger {
  const lichang_lexicon *lx;
  lichang_options opts;
  lc_segmenter seg;
  pcre2_match_data *md;
  pcre2_match_context *mctx;
  /* stance.c: this tagger's JIT-compiled copy of each phrase rule, made
   * when the rule first runs (NULL: not yet; the lexicon's own code when
   * no JIT is to be had) */
  pcre2_code **jit;
  lc_vec scratch; /* for stages that need a temporary array */
  lc_vec kw_table; /* keywords.c: counting table (len = slots), kept clear */
  lc_vec kw_used;  /* keywords.c: uint32_t slots used by this article */
};

int lichang__keywords(lichang_tagger *tg, lichang_doc *doc);
int lichang__passages(lichang_tagger *tg, lichang_doc *doc);
int lichang__speakers(lichang_tagger *tg, lichang_doc *doc);
int lichang__stance(lichang_tagger *tg, lichang_doc *doc);

#endif
