/* Lexicon: dict/ text files -> one immutable lexicon.
 *
 * Input: files of one entry a line, TAB-separated fields, '#' comments, in
 * either script (each file's header documents its columns). Output: a trie
 * over folded code points whose nodes point at lc_entry records (one record
 * per folded string, carrying every kind it was listed as), the people
 * table and the compiled phrase rules. Built once; read-only afterwards, so
 * any number of taggers on any threads may share it.
 *
 * Errors name file:line:column (column in characters, 1-based). */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct {
  const char *name;
  const unsigned char *data;
  size_t len;
} lichang__builtin_dict[];

/* ---- trie ---- */

static uint64_t trie_key(uint32_t node, uint32_t cp) {
  return ((uint64_t)node << 21 | cp) + 1; /* 0 marks an empty slot */
}

int32_t lichang__lexicon_find_index(const lichang_lexicon *lx,
                                    const uint32_t *cp, size_t n,
                                    uint32_t *kinds) {
  uint32_t node = 0;
  for (size_t i = 0; i < n; i++)
    if (!(node = lichang__trie_step(lx, node, cp[i])))
      break;
  /* the node's record is in cache (the walk just read it); the entry's is
   * not */
  *kinds = node ? lx->tnodes[node].here : 0;
  return node ? lx->tnodes[node].entry : -1;
}

const lc_entry *lichang__lexicon_find(const lichang_lexicon *lx,
                                      const uint32_t *cp, size_t n) {
  uint32_t kinds;
  int32_t i = n ? lichang__lexicon_find_index(lx, cp, n, &kinds) : -1;
  return i < 0 ? NULL : (const lc_entry *)lx->entries.data + i;
}

static int trie_rehash(lichang_lexicon *lx, size_t want) {
  size_t cap = lx->trie_cap ? lx->trie_cap * 2 : 4096;
  while (cap < want)
    cap *= 2;
  lc_trie_slot *t = calloc(cap, sizeof *t);
  if (!t)
    return LICHANG_ENOMEM;
  for (size_t i = 0; i < lx->trie_cap; i++) {
    if (!lx->trie[i].key)
      continue;
    size_t j = lichang__trie_hash(lx->trie[i].key, cap);
    while (t[j].key)
      j = (j + 1) & (cap - 1);
    t[j] = lx->trie[i];
  }
  free(lx->trie);
  lx->trie = t;
  lx->trie_cap = cap;
  return 0;
}

/* One stable counting-sort pass: ids sorted by key(id) into out, keys
 * below nkeys; start[0..nkeys] (zeroed by the caller) ends up holding
 * where each key's ids begin. */
static void sort_pass(const uint32_t *in, uint32_t *out, size_t n,
                      const uint32_t *key, uint32_t shift, uint32_t mask,
                      uint32_t *start, size_t nkeys) {
  for (size_t i = 0; i < n; i++)
    start[((key[in[i]] >> shift) & mask) + 1]++;
  for (size_t k = 0; k < nkeys; k++)
    start[k + 1] += start[k];
  for (size_t i = 0; i < n; i++)
    out[start[(key[in[i]] >> shift) & mask]++] = in[i];
  /* the scatter moved each start to its key's end: back one key */
  memmove(start + 1, start, nkeys * sizeof *start);
  start[0] = 0;
}

/* After loading: the trie's breadth-first node array and root table, the
 * overlay flags, the hot entry array (see internal.h); the hash table is
 * freed. A node's parent is in its hash key, so one pass over the slots
 * finds every edge; kinds and flags then climb from each entry's node to
 * the root. The children are ordered by counting sorts (code point, then
 * small-first within parent), linear in the nodes: the load must stay
 * fast. */
static int trie_finish(lichang_lexicon *lx) {
  size_t n = lx->nodes;
  int rc = LICHANG_ENOMEM;
  uint32_t *parent = malloc(n * sizeof *parent);
  uint32_t *label = malloc(n * sizeof *label);
  uint32_t *below = calloc(n, sizeof *below);
  uint32_t *key = calloc(n, sizeof *key);
  uint32_t *ids = calloc(n, sizeof *ids), *tmp = malloc(n * sizeof *tmp);
  uint32_t *start = calloc(2 * n + 2048 + 1, sizeof *start);
  uint16_t *here = malloc(n * sizeof *here);
  lx->root = calloc(0x10000, sizeof *lx->root);
  lx->hot = malloc((lx->entries.len + 1) * sizeof *lx->hot);
  lx->tnodes = calloc(n + 1, sizeof *lx->tnodes);
  lx->pairs = calloc((1u << LC_PAIR_LOG) / 64, sizeof *lx->pairs);
  lx->overlay_pairs = calloc((1u << LC_PAIR_LOG) / 64, sizeof *lx->pairs);
  if (!parent || !label || !below || !key || !ids || !tmp || !start ||
      !here || !lx->root || !lx->hot || !lx->tnodes || !lx->pairs ||
      !lx->overlay_pairs)
    goto out;
  parent[0] = label[0] = 0;
  for (size_t i = 0; i < lx->trie_cap; i++) {
    uint64_t k = lx->trie[i].key;
    if (!k)
      continue;
    parent[lx->trie[i].val] = (uint32_t)((k - 1) >> 21);
    label[lx->trie[i].val] = (uint32_t)((k - 1) & 0x1FFFFF);
  }
  int32_t *ent = lx->node_entry.data;
  const lc_entry *e = lx->entries.data;
  /* Each node's own kinds, read from the entries once, in node order
   * (which is about their order): the passes below would otherwise jump
   * about the 1.7 MB of entries. */
  for (uint32_t m = 0; m < n; m++)
    here[m] = ent[m] >= 0 ? (uint16_t)e[ent[m]].kinds : 0;
  /* below only grows towards the root: climb while it changes. */
  for (uint32_t m = 1; m < n; m++)
    if (here[m]) {
      uint32_t k = here[m];
      for (uint32_t p = m; p && (below[p] | k) != below[p]; p = parent[p])
        below[p] |= k;
    }
  /* Every node but the root is one edge: sort them by code point (two
   * passes of 11 bits), then by parent, small-path children first. */
  for (uint32_t m = 1; m < n; m++)
    ids[m - 1] = m;
  sort_pass(ids, tmp, n - 1, label, 0, 0x7FF, start, 2048);
  memset(start, 0, (2048 + 1) * sizeof *start);
  sort_pass(tmp, ids, n - 1, label, 11, 0x3FF, start, 1024);
  for (uint32_t m = 1; m < n; m++)
    key[m] = parent[m] * 2 + !(below[m] & LC_K_SMALL);
  memset(start, 0, (2 * n + 1) * sizeof *start);
  sort_pass(ids, tmp, n - 1, key, 0, UINT32_MAX, start, 2 * n);
  /* Breadth first: node u's children get the next numbers; old_of (in
   * ids, free again) maps them back. */
  uint32_t *old_of = ids, next = 1;
  lc_trie_node *t = lx->tnodes;
  old_of[0] = 0;
  for (uint32_t u = 0; u < n; u++) {
    uint32_t o = old_of[u], a = start[2 * o], mid = start[2 * o + 1],
             b = start[2 * o + 2];
    t[u].kids = next;
    t[u].cp = label[o];
    t[u].below = (uint16_t)below[o];
    t[u].entry = ent[o];
    t[u].here = here[o];
    if (mid - a < LC_TRIE_UNSPLIT) {
      t[u].nsmall = mid - a;
      for (uint32_t k = a; k < b; k++)
        old_of[next++] = tmp[k];
    } else { /* too many to count: merge the two runs by code point */
      t[u].nsmall = LC_TRIE_UNSPLIT;
      for (uint32_t i = a, j = mid; i < mid || j < b;)
        old_of[next++] =
            j >= b || (i < mid && label[tmp[i]] < label[tmp[j]]) ? tmp[i++]
                                                                 : tmp[j++];
    }
  }
  t[n].kids = (uint32_t)n;
  for (uint32_t k = t[0].kids; k < t[1].kids; k++)
    if (t[k].cp < 0x10000)
      lx->root[t[k].cp] = (lc_trie_root){
          k < LC_ROOT_FAR ? (uint16_t)k : LC_ROOT_FAR,
          (uint16_t)(t[k].below |
                     (t[k].here & (LC_K_TITLE | LC_K_SPEECH | LC_K_PERSON)
                          ? LC_ROOT_CUE
                          : 0))};
  /* the pairs of first characters on paths to LC_K_PAIRED entries, and
   * on paths to overlay entries (the segmenter's filter) */
  for (uint32_t u = t[0].kids; u < t[1].kids; u++)
    for (uint32_t k = t[u].kids; k < t[u + 1].kids; k++) {
      uint32_t h = lichang__pair_hash(t[u].cp, t[k].cp);
      if (t[k].below & LC_K_PAIRED)
        lx->pairs[h >> 6] |= 1ull << (h & 63);
      if (t[k].below & LC_K_OVERLAY)
        lx->overlay_pairs[h >> 6] |= 1ull << (h & 63);
    }
  /* node_entry served the loading: the walks read the nodes' own
   * records */
  lichang__vec_free(&lx->node_entry);
  for (size_t i = 0; i < lx->entries.len; i++) {
    lx->hot[i].kinds = e[i].kinds;
    lx->hot[i].idf = e[i].idf;
  }
  free(lx->trie);
  lx->trie = NULL;
  lx->trie_cap = 0;
  rc = 0;
out:
  free(parent);
  free(label);
  free(below);
  free(key);
  free(ids);
  free(tmp);
  free(start);
  free(here);
  return rc;
}

/* Returns the entry for the folded string, creating it; NULL on ENOMEM. */
static lc_entry *trie_insert(lichang_lexicon *lx, const uint32_t *cp,
                             size_t n) {
  uint32_t node = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t next = lichang__trie_probe(lx->trie, lx->trie_cap, node, cp[i]);
    if (!next) {
      if ((lx->trie_used + 1) * 4 > lx->trie_cap * 3 && trie_rehash(lx, 0))
        return NULL;
      int32_t *slot = lichang__vec_push(&lx->node_entry);
      if (!slot)
        return NULL;
      *slot = -1;
      next = (uint32_t)lx->nodes++;
      uint64_t k = trie_key(node, cp[i]);
      size_t j = lichang__trie_hash(k, lx->trie_cap);
      while (lx->trie[j].key)
        j = (j + 1) & (lx->trie_cap - 1);
      lx->trie[j].key = k;
      lx->trie[j].val = next;
      lx->trie_used++;
    }
    node = next;
  }
  int32_t *ent = (int32_t *)lx->node_entry.data + node;
  if (*ent < 0) {
    lc_entry *e = lichang__vec_push(&lx->entries);
    if (!e)
      return NULL;
    e->person = -1;
    e->nchars = (uint32_t)n;
    ent = (int32_t *)lx->node_entry.data + node; /* push may move it */
    *ent = (int32_t)(lx->entries.len - 1);
  }
  if (n > lx->max_chars)
    lx->max_chars = (unsigned)n;
  return (lc_entry *)lx->entries.data + *ent;
}

/* ---- line parsing ---- */

typedef struct {
  const char *s[8];
  size_t n[8];
  unsigned col[8]; /* 1-based character column */
  size_t count;
  const char *comment; /* trailing '#' field, or NULL */
  size_t comment_n;
} fields;

static unsigned count_chars(const char *s, size_t n) {
  unsigned c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static void split_fields(const char *line, size_t n, fields *f) {
  memset(f, 0, sizeof *f);
  size_t i = 0;
  while (i < n) {
    while (i < n && line[i] == '\t')
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && line[j] != '\t')
      j++;
    size_t e = j;
    while (e > i && line[e - 1] == ' ') /* trailing spaces are layout */
      e--;
    if (line[i] == '#' && f->count > 0) {
      f->comment = line + i + 1;
      f->comment_n = n - i - 1;
      while (f->comment_n && *f->comment == ' ')
        f->comment++, f->comment_n--;
      break;
    }
    if (f->count < 8) {
      f->s[f->count] = line + i;
      f->n[f->count] = e - i;
      f->col[f->count] = count_chars(line, i) + 1;
      f->count++;
    }
    i = j;
  }
}

typedef struct {
  lichang_lexicon *lx;
  const char *file;
  unsigned line;
  lichang_error *err;
  lc_buf fold;
  lc_vec cps; /* uint32_t scratch */
} loader;

static int bad(loader *L, unsigned col, const char *fmt, const char *arg,
               size_t argn) {
  char what[160];
  snprintf(what, sizeof what, fmt, (int)argn, arg);
  return lichang__error_at(L->err, LICHANG_EDICT, L->file, L->line, col, "%s",
                           what);
}

static bool field_is(const fields *f, size_t i, const char *word) {
  return f->n[i] == strlen(word) && memcmp(f->s[i], word, f->n[i]) == 0;
}

static int parse_number(loader *L, const fields *f, size_t i, double lo,
                        double hi, double *out) {
  char tmp[64];
  if (f->n[i] >= sizeof tmp)
    return bad(L, f->col[i], "bad number '%.*s'", f->s[i], f->n[i]);
  memcpy(tmp, f->s[i], f->n[i]);
  tmp[f->n[i]] = '\0';
  char *end = tmp;
  double v;
  errno = 0;
  /* Plain decimals (all of idf.txt) without strtod, which was a tenth of
   * the load: digits[.digits] of at most 15 significant digits is an exact
   * integer over an exact power of ten, so the one division rounds
   * correctly and gives strtod's double (Clinger's fast path). */
  uint64_t m = 0;
  int digits = 0, frac = -1;
  for (; *end; end++) {
    if (*end >= '0' && *end <= '9' && digits < 15) {
      m = m * 10 + (uint64_t)(*end - '0');
      digits++;
      if (frac >= 0)
        frac++;
    } else if (*end == '.' && frac < 0)
      frac = 0;
    else
      break;
  }
  static const double tens[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (!*end && digits > 0 && frac != 0)
    v = (double)m / tens[frac > 0 ? frac : 0];
  else
    v = strtod(tmp, &end);
  if (end == tmp || *end || errno || !isfinite(v))
    return bad(L, f->col[i], "bad number '%.*s'", f->s[i], f->n[i]);
  if (v < lo || v > hi) {
    char what[160];
    snprintf(what, sizeof what, "number %s out of range [%g, %g]", tmp, lo, hi);
    return lichang__error_at(L->err, LICHANG_EDICT, L->file, L->line, f->col[i],
                             "%s", what);
  }
  *out = v;
  return 0;
}

static int parse_stance(loader *L, const fields *f, size_t i, uint8_t *out) {
  static const char *names[] = {"neutral", "optimistic", "cautious",
                                "skeptical"};
  for (uint8_t k = 0; k < 4; k++)
    if (field_is(f, i, names[k])) {
      *out = k;
      return 0;
    }
  return bad(L, f->col[i], "unknown stance '%.*s'", f->s[i], f->n[i]);
}

static int parse_word(loader *L, const fields *f, size_t i,
                      const char *const *names, size_t count, uint8_t *out,
                      const char *what) {
  for (size_t k = 0; k < count; k++)
    if (field_is(f, i, names[k])) {
      *out = (uint8_t)k;
      return 0;
    }
  char fmt[64];
  snprintf(fmt, sizeof fmt, "unknown %s '%%.*s'", what);
  return bad(L, f->col[i], fmt, f->s[i], f->n[i]);
}

/* Folds a term and finds or makes its entry, marking kind; a repeat of the
 * same kind is a duplicate (an error: the author meant one of them). */
static int add_term(loader *L, const char *s, size_t n, unsigned col,
                    uint32_t kind, lc_entry **out) {
  L->cps.len = 0;
  /* Folded straight to code points, as the text is. */
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    uint32_t cp, f[8];
    bool badseq;
    i += lichang__utf8_next(p + i, n - i, &cp, &badseq);
    if (badseq)
      return bad(L, col, "invalid UTF-8 in '%.*s'", s, n);
    size_t k = lichang__fold_cp(cp, f);
    for (size_t j = 0; j < k; j++) {
      uint32_t *slot = lichang__vec_push(&L->cps);
      if (!slot)
        return LICHANG_ENOMEM;
      *slot = f[j];
    }
  }
  if (L->cps.len == 0)
    return bad(L, col, "empty term%.*s", "", 0);
  lc_entry *e = trie_insert(L->lx, L->cps.data, L->cps.len);
  if (!e)
    return LICHANG_ENOMEM;
  if (e->kinds & kind)
    return bad(L, col,
               "duplicate entry '%.*s' (same after folding script, "
               "case and width)",
               s, n);
  if (!e->surface &&
      !(e->surface = lichang__arena_strndup(&L->lx->arena, s, n)))
    return LICHANG_ENOMEM;
  e->kinds |= kind;
  *out = e;
  return 0;
}

static int need_fields(loader *L, const fields *f, size_t lo, size_t hi) {
  if (f->count < lo || f->count > hi) {
    char what[96];
    snprintf(what, sizeof what, "expected %zu%s field%s, found %zu", lo,
             hi > lo ? " or more" : "", lo == 1 && hi == lo ? "" : "s",
             f->count);
    return lichang__error_at(L->err, LICHANG_EDICT, L->file, L->line,
                             f->count ? f->col[f->count - 1] : 1, "%s", what);
  }
  return 0;
}

/* ---- one handler per file ---- */

static int line_stance(loader *L, const fields *f) {
  uint8_t st = 0; /* set by parse_stance; GCC -O3 cannot see it */
  double w;
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 3, 3)) || (rc = parse_stance(L, f, 1, &st)) ||
      (rc = parse_number(L, f, 2, 0.0, 10.0, &w)) ||
      (rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_STANCE, &e)))
    return rc;
  e->stance = st;
  e->weight = (float)w;
  return 0;
}

static int line_topic(loader *L, const fields *f) {
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 1, 2)) ||
      (rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_TOPIC, &e)))
    return rc;
  size_t i = f->count == 2 ? 1 : 0;
  e->topic = lichang__arena_strndup(&L->lx->arena, f->s[i], f->n[i]);
  return e->topic ? 0 : LICHANG_ENOMEM;
}

static const char *const mod_names[LC_MOD__COUNT] = {
    "negator",    "intensifier", "hedge",
    "contrast",   "concession",  "downtoner",
    "directive"};
static const float mod_default[LC_MOD__COUNT] = {-1.0f, 1.5f, 0.7f, 1.0f,
                                                 1.0f,  0.6f, 0.35f};

static int line_modifier(loader *L, const fields *f) {
  uint8_t kind = 0;
  double factor;
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 2, 3)) ||
      (rc = parse_word(L, f, 1, mod_names, LC_MOD__COUNT, &kind, "modifier")))
    return rc;
  factor = mod_default[kind];
  if (f->count == 3 && (rc = parse_number(L, f, 2, 0.0, 5.0, &factor)))
    return rc;
  if ((rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_MODIFIER, &e)))
    return rc;
  e->mod = kind;
  e->factor = (float)factor;
  return 0;
}

static int line_plain(loader *L, const fields *f, uint32_t kind) {
  lc_entry *e;
  int rc = need_fields(L, f, 1, 1);
  return rc ? rc : add_term(L, f->s[0], f->n[0], f->col[0], kind, &e);
}

static int line_stop(loader *L, const fields *f) {
  return line_plain(L, f, LC_K_STOP);
}
static const char *const role_names[] = {"title", "org", "generic"};

/* WORD[<TAB>title|org|generic] */
static int line_title(loader *L, const fields *f) {
  uint8_t role = LC_ROLE_TITLE;
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 1, 2)) ||
      (f->count == 2 &&
       (rc = parse_word(L, f, 1, role_names, 3, &role, "title class"))) ||
      (rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_TITLE, &e)))
    return rc;
  e->role = role;
  return 0;
}

/* SURNAME[<TAB>SAME-AS]: SAME-AS is the surname this one is a variant
 * spelling of; same_as holds its first folded code point. */
static int line_surname(loader *L, const fields *f) {
  lc_entry *e;
  int rc;
  uint32_t same = 0;
  if ((rc = need_fields(L, f, 1, 2)))
    return rc;
  if (f->count == 2) {
    if ((rc = add_term(L, f->s[1], f->n[1], f->col[1], 0, &e)))
      return rc;
    same = ((const uint32_t *)L->cps.data)[0];
  }
  if ((rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_SURNAME, &e)))
    return rc;
  e->same_as = same;
  return 0;
}

static const char *const speech_names[] = {
    "say", "think", "tell", "frame", "predict", "clause",
    "accuse", "show", "not"};

static int line_speech(loader *L, const fields *f) {
  uint8_t cls = 0;
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 1, 2)))
    return rc;
  if (f->count == 2 &&
      (rc = parse_word(L, f, 1, speech_names,
                       sizeof speech_names / sizeof *speech_names, &cls,
                       "speech class")))
    return rc;
  if ((rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_SPEECH, &e)))
    return rc;
  e->speech = cls;
  return 0;
}

static const char *const pronoun_names[] = {"he", "she", "they",
                                            "it", "i",   "we"};

static int line_pronoun(loader *L, const fields *f) {
  uint8_t cls = 0;
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 2, 2)) ||
      (rc = parse_word(L, f, 1, pronoun_names,
                       sizeof pronoun_names / sizeof *pronoun_names, &cls,
                       "pronoun class")) ||
      (rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_PRONOUN, &e)))
    return rc;
  e->pronoun = cls;
  return 0;
}

/* NAME<TAB>person|org|place[<TAB>ALIAS,ALIAS…]: every form maps to NAME. */
static int line_person(loader *L, const fields *f) {
  static const char *const kinds[] = {"person", "org", "person-m", "person-f",
                                      "place"};
  uint8_t kind = 0;
  int rc;
  if ((rc = need_fields(L, f, 2, 3)) ||
      (rc = parse_word(L, f, 1, kinds, 5, &kind, "person kind")))
    return rc;
  lc_person *p = lichang__vec_push(&L->lx->people);
  if (!p)
    return LICHANG_ENOMEM;
  int32_t id = (int32_t)(L->lx->people.len - 1);
  p->name = lichang__arena_strndup(&L->lx->arena, f->s[0], f->n[0]);
  p->kind = kind == 1 ? 1 : kind == 4 ? 2 : 0;
  p->gender = kind == 2 || kind == 3 ? kind - 1 : 0;
  if (!p->name)
    return LICHANG_ENOMEM;
  lc_entry *e;
  if ((rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_PERSON, &e)))
    return rc;
  e->person = id;
  if (f->count == 3) {
    const char *s = f->s[2], *end = s + f->n[2];
    while (s < end) {
      const char *c = memchr(s, ',', (size_t)(end - s));
      if (!c)
        c = end;
      if (c > s) {
        unsigned col = f->col[2] + count_chars(f->s[2], (size_t)(s - f->s[2]));
        if ((rc = add_term(L, s, (size_t)(c - s), col, LC_K_PERSON, &e)))
          return rc;
        e->person = id;
      }
      s = c + 1;
    }
  }
  return 0;
}

/* TERM<TAB>IDF; the line ".default<TAB>IDF" sets the IDF of unseen words. */
static int line_idf(loader *L, const fields *f) {
  double v;
  lc_entry *e;
  int rc;
  if ((rc = need_fields(L, f, 2, 2)) ||
      (rc = parse_number(L, f, 1, 0.0, 100.0, &v)))
    return rc;
  if (field_is(f, 0, ".default")) {
    L->lx->idf_default = v;
    return 0;
  }
  if ((rc = add_term(L, f->s[0], f->n[0], f->col[0], LC_K_IDF, &e)))
    return rc;
  e->idf = (float)v;
  return 0;
}

/* Phrase rules: STANCE<TAB>WEIGHT<TAB>PATTERN[<TAB># comment]. The pattern
 * is folded like the text (Han to Simplified; a non-ASCII character that
 * folds to ASCII punctuation is escaped, so '？' stays a literal). */
static int line_rule(loader *L, const fields *f) {
  uint8_t st = 0;
  double w;
  int rc;
  if ((rc = need_fields(L, f, 3, 3)) || (rc = parse_stance(L, f, 0, &st)) ||
      (rc = parse_number(L, f, 1, 0.0, 10.0, &w)))
    return rc;
  lc_buf pat = {0};
  const unsigned char *p = (const unsigned char *)f->s[2];
  for (size_t i = 0; i < f->n[2];) {
    uint32_t cp, out[8];
    bool badseq;
    i += lichang__utf8_next(p + i, f->n[2] - i, &cp, &badseq);
    size_t k = cp < 0x80 ? (out[0] = cp, 1) : lichang__fold_cp(cp, out);
    for (size_t j = 0; j < k; j++) {
      if (cp >= 0x80 && out[j] < 0x80 && !lichang__is_word_cp(out[j]) &&
          lichang__buf_put(&pat, "\\", 1)) {
        lichang__buf_free(&pat);
        return LICHANG_ENOMEM;
      }
      if (lichang__buf_put_cp(&pat, out[j])) {
        lichang__buf_free(&pat);
        return LICHANG_ENOMEM;
      }
    }
  }
  int ec;
  PCRE2_SIZE eo;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat.data, pat.len,
                                   PCRE2_UTF | PCRE2_CASELESS, &ec, &eo, NULL);
  if (!code) {
    PCRE2_UCHAR msg[120];
    pcre2_get_error_message(ec, msg, sizeof msg);
    unsigned col =
        f->col[2] + count_chars(pat.data, eo < pat.len ? eo : pat.len);
    lichang__buf_free(&pat);
    return lichang__error_at(L->err, LICHANG_ERULE, L->file, L->line, col,
                             "pattern does not compile: %s", (char *)msg);
  }
  uint32_t need, nneed;
  rc = lichang__prefilter_add(&L->lx->prefilter, pat.data, pat.len, &need,
                              &nneed);
  lichang__buf_free(&pat);
  if (rc) {
    pcre2_code_free(code);
    return rc;
  }
  /* (no JIT here: each tagger JIT-compiles the rules it runs, stance.c) */
  lc_rule *r = lichang__vec_push(&L->lx->rules);
  if (!r) {
    pcre2_code_free(code);
    return LICHANG_ENOMEM;
  }
  r->code = code;
  r->need = need;
  r->nneed = nneed;
  int turn = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "turn");
  r->turn = turn > 0 ? turn : 0;
  r->stance = st;
  r->weight = (float)w;
  r->file = L->file;
  r->line = L->line;
  r->comment =
      f->comment
          ? lichang__arena_strndup(&L->lx->arena, f->comment, f->comment_n)
          : lichang__arena_strndup(&L->lx->arena, f->s[2], f->n[2]);
  return r->comment ? 0 : LICHANG_ENOMEM;
}

static const struct {
  const char *name;
  int (*line)(loader *, const fields *);
} handlers[] = {
    {"stance.txt", line_stance},      {"topics.txt", line_topic},
    {"modifiers.txt", line_modifier}, {"stopwords.txt", line_stop},
    {"speech.txt", line_speech},      {"titles.txt", line_title},
    {"people.txt", line_person},      {"pronouns.txt", line_pronoun},
    {"surnames.txt", line_surname},   {"idf.txt", line_idf},
    {"rules.txt", line_rule},
};
#define NHANDLERS (sizeof handlers / sizeof *handlers)

static int load_text(loader *L, size_t h, const char *data, size_t len) {
  L->file = handlers[h].name;
  L->line = 0;
  size_t i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len) {
    const char *nl = memchr(data + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - data) : len;
    size_t n = e - i;
    L->line++;
    if (n && data[i + n - 1] == '\r')
      n--;
    if (n && data[i] != '#') {
      if (memchr(data + i, '\0', n))
        return lichang__error_at(L->err, LICHANG_EDICT, L->file, L->line, 1,
                                 "NUL byte in line");
      /* Checked here, once for every kind of file: folding would turn a
       * bad byte into U+FFFD and make a term nobody wrote. */
      for (size_t k = 0; k < n;) {
        if ((unsigned char)data[i + k] < 0x80) { /* TABs, digits: no call */
          k++;
          continue;
        }
        uint32_t cp;
        bool badseq;
        size_t step = lichang__utf8_next((const unsigned char *)data + i + k,
                                         n - k, &cp, &badseq);
        if (badseq)
          return lichang__error_at(L->err, LICHANG_EDICT, L->file, L->line,
                                   count_chars(data + i, k) + 1,
                                   "invalid UTF-8 (byte %zu of the line)",
                                   k + 1);
        k += step;
      }
      fields f;
      split_fields(data + i, n, &f);
      if (f.count) {
        int rc = handlers[h].line(L, &f);
        if (rc)
          return rc == LICHANG_ENOMEM
                     ? lichang__error(L->err, rc, "out of memory")
                     : rc;
      }
    }
    i = e + 1;
  }
  return 0;
}

/* nodes: how many trie nodes to make room for at once (0: grow as
 * needed); rehashing a growing table was a twentieth of the load. */
static int lexicon_new(lichang_lexicon **out, size_t nodes) {
  lichang_lexicon *lx = calloc(1, sizeof *lx);
  if (!lx)
    return LICHANG_ENOMEM;
  lx->node_entry.size = sizeof(int32_t);
  lx->entries.size = sizeof(lc_entry);
  lx->people.size = sizeof(lc_person);
  lx->rules.size = sizeof(lc_rule);
  lx->idf_default = 12.0;
  int32_t *root = lichang__vec_push(&lx->node_entry);
  if (!root || trie_rehash(lx, nodes * 4 / 3 + 1)) {
    lichang_lexicon_free(lx);
    return LICHANG_ENOMEM;
  }
  *root = -1;
  lx->nodes = 1;
  *out = lx;
  return 0;
}

typedef int (*source_fn)(void *ctx, size_t handler, loader *L);

static int load_all(lichang_lexicon **out, lichang_error *err, source_fn src,
                    void *ctx, size_t nodes) {
  if (!out)
    return lichang__error(err, LICHANG_EINVAL, "out is NULL");
  *out = NULL;
  lichang__error_clear(err);
  lichang_lexicon *lx;
  if (lexicon_new(&lx, nodes))
    return lichang__error(err, LICHANG_ENOMEM, "out of memory");
  loader L = {.lx = lx, .err = err};
  L.cps.size = sizeof(uint32_t);
  int rc = 0;
  for (size_t h = 0; h < NHANDLERS && !rc; h++)
    rc = src(ctx, h, &L);
  lichang__buf_free(&L.fold);
  lichang__vec_free(&L.cps);
  if (!rc && trie_finish(lx))
    rc = lichang__error(err, LICHANG_ENOMEM, "out of memory");
  if (rc) {
    lichang_lexicon_free(lx);
    return rc;
  }
  *out = lx;
  return 0;
}

static int builtin_source(void *ctx, size_t h, loader *L) {
  (void)ctx;
  for (size_t i = 0; lichang__builtin_dict[i].name; i++)
    if (strcmp(lichang__builtin_dict[i].name, handlers[h].name) == 0)
      return load_text(L, h, (const char *)lichang__builtin_dict[i].data,
                       lichang__builtin_dict[i].len);
  return 0;
}

int lichang_lexicon_builtin(lichang_lexicon **out, lichang_error *err) {
  /* About one trie node per entry line (shared prefixes make up for the
   * longer terms). */
  size_t lines = 0;
  for (size_t i = 0; lichang__builtin_dict[i].name; i++) {
    const unsigned char *d = lichang__builtin_dict[i].data,
                        *e = d + lichang__builtin_dict[i].len;
    while ((d = memchr(d, '\n', (size_t)(e - d))) != NULL)
      d++, lines++;
  }
  return load_all(out, err, builtin_source, NULL, lines);
}

static int dir_source(void *ctx, size_t h, loader *L) {
  const char *dir = ctx;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, handlers[h].name);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return errno == ENOENT ? 0
                           : lichang__error(L->err, LICHANG_EIO, "%s: %s", path,
                                            strerror(errno));
  lc_buf b = {0};
  char chunk[65536];
  size_t n;
  int rc = 0;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    if (lichang__buf_put(&b, chunk, n)) {
      rc = lichang__error(L->err, LICHANG_ENOMEM, "out of memory");
      break;
    }
  if (!rc && ferror(fp))
    rc = lichang__error(L->err, LICHANG_EIO, "%s: read error", path);
  fclose(fp);
  if (!rc)
    rc = load_text(L, h, b.data ? b.data : "", b.len);
  lichang__buf_free(&b);
  return rc;
}

int lichang_lexicon_load(lichang_lexicon **out, const char *dir,
                         lichang_error *err) {
  if (!dir) {
    if (out)
      *out = NULL;
    return lichang__error(err, LICHANG_EINVAL, "dir is NULL");
  }
  return load_all(out, err, dir_source, (void *)dir, 0);
}

/* One named file alone, from memory: how the fuzzer and the hostile-input
 * tests reach the parser without a directory on disk. */
typedef struct {
  const char *name, *data;
  size_t len;
} buffer_ctx;

static int buffer_source(void *ctx, size_t h, loader *L) {
  const buffer_ctx *b = ctx;
  return strcmp(b->name, handlers[h].name)
             ? 0
             : load_text(L, h, b->len ? b->data : "", b->len);
}

const char *lichang__lexicon_file(size_t i) {
  return i < NHANDLERS ? handlers[i].name : NULL;
}

int lichang__lexicon_parse_buffer(lichang_lexicon **out, const char *name,
                                  const char *data, size_t len,
                                  lichang_error *err) {
  size_t h = 0;
  while (h < NHANDLERS && (!name || strcmp(name, handlers[h].name)))
    h++;
  if (h == NHANDLERS || (!data && len)) {
    if (out)
      *out = NULL;
    return lichang__error(err, LICHANG_EINVAL, "no lexicon file named '%s'",
                          name ? name : "(null)");
  }
  buffer_ctx b = {handlers[h].name, data, len};
  return load_all(out, err, buffer_source, &b, 0);
}

void lichang_lexicon_free(lichang_lexicon *lx) {
  if (!lx)
    return;
  for (size_t i = 0; i < lx->rules.len; i++)
    pcre2_code_free(((lc_rule *)lx->rules.data)[i].code);
  lichang__vec_free(&lx->rules);
  lichang__prefilter_free(&lx->prefilter);
  lichang__vec_free(&lx->people);
  lichang__vec_free(&lx->entries);
  lichang__vec_free(&lx->node_entry);
  free(lx->trie);
  free(lx->tnodes);
  free(lx->pairs);
  free(lx->overlay_pairs);
  free(lx->root);
  free(lx->hot);
  lichang__arena_free(&lx->arena);
  free(lx);
}
