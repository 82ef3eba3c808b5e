/* Lexicon lint: what loads but is probably a mistake.
 *
 * Input: a lexicon directory (or the built-in dict/). Output: the first
 * load error, as lichang_lexicon_load() reports it, or one warning per
 * suspicious entry through the caller's callback, "file:line:column: what".
 * The loader is run first, so a lexicon that lints clean is one the
 * tagger accepts; then the term files are read again for positions.
 *
 * Warnings:
 * - duplicate: one term (after folding script, case and width) listed in
 *   two files whose readings collide. The loader merges every reading of a
 *   folded string into one entry; some pairs are meant (a stance term that
 *   is also a negator, 不可能; a term that is also a topic or a speech verb;
 *   an organisation that is also a topic), every other pair is reported —
 *   a person's name that is also a word makes every use of the word a
 *   mention of the person.
 * - shadowed: an entry with a stance or modifier reading inside a longer
 *   entry that has neither. The segmenter takes the longest entry, so
 *   wherever the longer text occurs the shorter entry's vote or effect is
 *   gone (a stance term inside a speech verb or a title). Topics and names
 *   are exempt as the longer entry: naming a thing (经济增长, 无人驾驶) is
 *   not judging it, and hiding the word inside the name is what is wanted.
 *   A stance or modifier entry that contains another (不远 holds 不) is a
 *   fixed expression with its own reading, also not reported.
 * - a stance weight of 0 (it never counts), and modifier factors that
 *   contradict their kind: an intensifier below 1 or a downtoner above 1,
 *   a hedge at 1 or more, a contrast or concession factor above 1. (A
 *   negator takes any factor: none is a full one, 0-1 a weak one, above 1
 *   a prohibition; see stance.c.)
 *
 * The lexicon loader reports only the first error; fix it and run again. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct {
  const char *name;
  const unsigned char *data;
  size_t len;
} lichang__builtin_dict[];

/* The files whose first field is a term the segmenter overlays. */
static const struct {
  const char *name;
  uint32_t kind;
  const char *what; /* the reading, for messages */
} files[] = {
    {"stance.txt", LC_K_STANCE, "a stance term"},
    {"modifiers.txt", LC_K_MODIFIER, "a modifier"},
    {"topics.txt", LC_K_TOPIC, "a topic"},
    {"speech.txt", LC_K_SPEECH, "a speech verb"},
    {"titles.txt", LC_K_TITLE, "a title"},
    {"people.txt", LC_K_PERSON, "a name"},
    {"pronouns.txt", LC_K_PRONOUN, "a pronoun"},
};
#define NFILES (sizeof files / sizeof *files)

/* Pairs of readings the tagger reads together on purpose. */
static bool meant_together(uint32_t a, uint32_t b) {
  uint32_t ab = a | b;
  return ab == (LC_K_STANCE | LC_K_MODIFIER) ||
         ab == (LC_K_STANCE | LC_K_TOPIC) ||
         ab == (LC_K_STANCE | LC_K_SPEECH) ||
         /* 看來: a hedge alone, a speech frame in 在他看來 */
         ab == (LC_K_MODIFIER | LC_K_SPEECH) ||
         /* 聲明: a verb (外交部聲明，…), and a noun that stands for the
          * organisation issuing it (聲明還稱，…) */
         ab == (LC_K_PRONOUN | LC_K_SPEECH) ||
         ab == (LC_K_TOPIC | LC_K_PERSON);
}

typedef struct {
  uint32_t line, col; /* 0: not listed in that file */
} loc;

typedef struct {
  size_t file;
  loc at;
  char *msg;
} finding;

typedef struct {
  const char *dir; /* NULL: built-in */
  const lichang_lexicon *lx;
  loc *where; /* entries.len x NFILES: first listing per file */
  lc_vec found; /* finding, reported in file and line order at the end */
  bool nomem;
  lc_buf fold;
  lc_vec cps;
} linter;

static void say(linter *L, size_t file, loc at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void say(linter *L, size_t file, loc at, const char *fmt, ...) {
  char msg[512];
  int n = L->dir ? snprintf(msg, sizeof msg, "%s/%s:%u:%u: ", L->dir,
                            files[file].name, at.line, at.col)
                 : snprintf(msg, sizeof msg, "%s:%u:%u: ", files[file].name,
                            at.line, at.col);
  if (n < 0 || (size_t)n >= sizeof msg)
    n = 0;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
  va_end(ap);
  finding *f = lichang__vec_push(&L->found);
  if (!f || !(f->msg = strdup(msg))) {
    if (f)
      L->found.len--;
    L->nomem = true;
    return;
  }
  f->file = file;
  f->at = at;
}

static int by_place(const void *a, const void *b) {
  const finding *x = a, *y = b;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->at.line != y->at.line)
    return x->at.line < y->at.line ? -1 : 1;
  return strcmp(x->msg, y->msg);
}

/* The entry of a written term, or -1. */
static int32_t entry_of(linter *L, const char *s, size_t n) {
  L->fold.len = 0;
  L->cps.len = 0;
  if (lichang__fold_utf8(&L->fold, s, n))
    return -1;
  const unsigned char *p = (const unsigned char *)L->fold.data;
  for (size_t i = 0; i < L->fold.len;) {
    uint32_t cp;
    bool bad;
    i += lichang__utf8_next(p + i, L->fold.len - i, &cp, &bad);
    uint32_t *slot = lichang__vec_push(&L->cps);
    if (!slot)
      return -1;
    *slot = cp;
  }
  const lc_entry *e = lichang__lexicon_find(L->lx, L->cps.data, L->cps.len);
  return e ? (int32_t)(e - (const lc_entry *)L->lx->entries.data) : -1;
}

static unsigned chars_in(const char *s, size_t n) {
  unsigned c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static void note(linter *L, size_t file, const char *s, size_t n,
                 uint32_t line, uint32_t col) {
  int32_t e = entry_of(L, s, n);
  if (e < 0)
    return;
  loc *w = L->where + (size_t)e * NFILES + file;
  if (!w->line) {
    w->line = line;
    w->col = col;
  }
}

/* Records where each term of one file is listed (its first field, and the
 * aliases of people.txt). Lines are split as the loader splits them. */
static void scan(linter *L, size_t file, const char *data, size_t len) {
  uint32_t line = 0;
  size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
  while (i < len) {
    const char *nl = memchr(data + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - data) : len, a = i;
    line++;
    i = e + 1;
    if (e > a && data[e - 1] == '\r')
      e--;
    if (a == e || data[a] == '#')
      continue;
    size_t f = 0;
    while (a < e) {
      while (a < e && data[a] == '\t')
        a++;
      size_t b = a;
      while (b < e && data[b] != '\t')
        b++;
      size_t end = b;
      while (end > a && data[end - 1] == ' ')
        end--;
      if (a >= e || (data[a] == '#' && f > 0))
        break;
      if (f == 0 || (f == 2 && files[file].kind == LC_K_PERSON)) {
        size_t ls = a; /* the line's start, for the column */
        while (ls > 0 && data[ls - 1] != '\n')
          ls--;
        const char *s = data + a, *stop = data + end;
        while (s < stop) {
          const char *c = f == 2 ? memchr(s, ',', (size_t)(stop - s)) : NULL;
          if (!c)
            c = stop;
          if (c > s)
            note(L, file, s, (size_t)(c - s), line,
                 chars_in(data + ls, (size_t)(s - (data + ls))) + 1);
          s = c + 1;
        }
      }
      f++;
      a = b;
    }
  }
}

/* Hands each file's text to scan(): from dir, or the built-in copy. */
static int scan_all(linter *L, lichang_error *err) {
  for (size_t f = 0; f < NFILES; f++) {
    if (!L->dir) {
      for (size_t i = 0; lichang__builtin_dict[i].name; i++)
        if (!strcmp(lichang__builtin_dict[i].name, files[f].name))
          scan(L, f, (const char *)lichang__builtin_dict[i].data,
               lichang__builtin_dict[i].len);
      continue;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", L->dir, files[f].name);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
      if (errno == ENOENT)
        continue;
      return lichang__error(err, LICHANG_EIO, "%s: %s", path, strerror(errno));
    }
    lc_buf b = {0};
    char chunk[65536];
    size_t n;
    int rc = 0;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
      rc = lichang__buf_put(&b, chunk, n);
    fclose(fp);
    if (rc) {
      lichang__buf_free(&b);
      return lichang__error(err, LICHANG_ENOMEM, "out of memory");
    }
    scan(L, f, b.data ? b.data : "", b.len);
    lichang__buf_free(&b);
  }
  return 0;
}

static size_t file_of(uint32_t kind) {
  for (size_t f = 0; f < NFILES; f++)
    if (files[f].kind == kind)
      return f;
  return 0;
}

static void check_duplicates(linter *L, size_t e) {
  const loc *w = L->where + e * NFILES;
  for (size_t a = 0; a < NFILES; a++)
    for (size_t b = a + 1; b < NFILES && w[a].line; b++)
      if (w[b].line && !meant_together(files[a].kind, files[b].kind))
        say(L, b, w[b],
            "'%s' is also %s (%s:%u): one entry carries both readings",
            ((const lc_entry *)L->lx->entries.data)[e].surface, files[a].what,
            files[a].name, w[a].line);
}

/* Entries with a stance or modifier reading inside e, when e has neither
 * and is not a topic or a name. */
static void check_shadowed(linter *L, size_t e) {
  const lc_entry *ents = L->lx->entries.data, *big = ents + e;
  const uint32_t reads = LC_K_STANCE | LC_K_MODIFIER;
  if ((big->kinds & reads) || (big->kinds & (LC_K_TOPIC | LC_K_PERSON)) ||
      !(big->kinds & LC_K_OVERLAY))
    return;
  size_t bf = NFILES;
  for (size_t f = 0; f < NFILES && bf == NFILES; f++)
    if (L->where[e * NFILES + f].line)
      bf = f;
  if (bf == NFILES || entry_of(L, big->surface, strlen(big->surface)) < 0)
    return;
  size_t n = L->cps.len;
  uint32_t cp[64];
  if (n > 64)
    return;
  memcpy(cp, L->cps.data, n * sizeof *cp);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j <= n; j++) {
      if (j - i == n)
        continue;
      const lc_entry *s = lichang__lexicon_find(L->lx, cp + i, j - i);
      if (!s || !(s->kinds & reads))
        continue;
      uint32_t kind = (s->kinds & LC_K_STANCE) ? LC_K_STANCE : LC_K_MODIFIER;
      size_t sf = file_of(kind), si = (size_t)(s - ents);
      loc at = L->where[si * NFILES + sf];
      if (!at.line)
        continue;
      say(L, sf, at,
          "'%s' is shadowed by '%s', %s (%s:%u): inside it, it never counts "
          "as %s",
          s->surface, big->surface, files[bf].what, files[bf].name,
          L->where[e * NFILES + bf].line, files[sf].what);
    }
}

static void check_values(linter *L, size_t e) {
  const lc_entry *x = (const lc_entry *)L->lx->entries.data + e;
  const loc *w = L->where + e * NFILES;
  size_t sf = file_of(LC_K_STANCE), mf = file_of(LC_K_MODIFIER);
  if ((x->kinds & LC_K_STANCE) && w[sf].line && x->weight == 0 &&
      x->stance != LICHANG_NEUTRAL)
    say(L, sf, w[sf], "'%s' has weight 0: it never counts", x->surface);
  if (!(x->kinds & LC_K_MODIFIER) || !w[mf].line)
    return;
  double f = x->factor;
  const char *why = NULL;
  switch (x->mod) {
  case LC_MOD_INTENSIFIER:
    why = f < 1 ? "an intensifier below 1 weakens (a downtoner?)" : NULL;
    break;
  case LC_MOD_DOWNTONER:
  case LC_MOD_DIRECTIVE:
    why = f > 1 ? "a downtoner above 1 strengthens (an intensifier?)" : NULL;
    break;
  case LC_MOD_HEDGE:
    why = f >= 1 ? "a hedge at 1 or more does not soften" : NULL;
    break;
  case LC_MOD_CONTRAST:
  case LC_MOD_CONCESSION:
    why = f > 1 || f == 0 ? "a turn's factor is from 0 to 1 (0 is no turn)"
                          : NULL;
    break;
  default:
    break;
  }
  if (why)
    say(L, mf, w[mf], "'%s': factor %g: %s", x->surface, f, why);
}

int lichang_lexicon_check(const char *dir, lichang_warn_fn warn, void *ctx,
                          lichang_error *err) {
  lichang_lexicon *lx;
  int rc = dir ? lichang_lexicon_load(&lx, dir, err)
               : lichang_lexicon_builtin(&lx, err);
  if (rc)
    return rc;
  linter L = {.dir = dir, .lx = lx};
  L.cps.size = sizeof(uint32_t);
  L.found.size = sizeof(finding);
  L.where = calloc(lx->entries.len * NFILES + 1, sizeof *L.where);
  if (!L.where)
    rc = lichang__error(err, LICHANG_ENOMEM, "out of memory");
  if (!rc)
    rc = scan_all(&L, err);
  for (size_t e = 0; !rc && e < lx->entries.len; e++) {
    check_duplicates(&L, e);
    check_shadowed(&L, e);
    check_values(&L, e);
  }
  if (!rc && L.nomem)
    rc = lichang__error(err, LICHANG_ENOMEM, "out of memory");
  finding *f = L.found.data;
  if (L.found.len > 1)
    qsort(f, L.found.len, sizeof *f, by_place);
  for (size_t i = 0; i < L.found.len; i++) {
    if (!rc && warn)
      warn(ctx, f[i].msg);
    free(f[i].msg);
  }
  int count = (int)L.found.len;
  lichang__vec_free(&L.found);
  free(L.where);
  lichang__buf_free(&L.fold);
  lichang__vec_free(&L.cps);
  lichang_lexicon_free(lx);
  return rc ? rc : count;
}
