/* Rule prefilter: which phrase rules could match a passage, found with one
 * scan for literal strings instead of one regex run per rule (the idea of
 * RE2's prefilter and of Hyperscan's literal matching).
 *
 * Input: each rule's pattern as PCRE2 compiles it (folded UTF-8, compiled
 * UTF and caseless). Output, per rule: clauses, each a set of literal
 * strings of folded code points, such that EVERY match of the pattern
 * contains at least one literal of EVERY clause (a conjunction of
 * alternatives); a rule with no clauses always runs. All the literals go
 * into one trie over code points; lichang__prefilter_scan walks it from
 * each position of a passage (at most as deep as the longest literal) and
 * marks the clauses it finds; the stance stage runs a rule only when all
 * its clauses are marked.
 *
 * Invariant, what keeps the tagger's output unchanged: a clause is only
 * ever made of text that every match must contain. So the analyser
 * understands exactly the syntax dict/rules.txt uses — literals, escapes,
 * [...] classes, groups ( (?: (?<name>, lookarounds (?= (?! (?<= (?<!,
 * alternation, the quantifiers ? * + {m,n} with their lazy and possessive
 * forms — and anything else (backreferences, \p, inline options, \Q...)
 * makes the rule run always. Whatever it cannot pin down (a class, '.',
 * an optional part) only weakens what it derives, never falsifies it.
 *
 * Caseless matching: an ASCII letter in a pattern matches either case, so
 * literals keep ASCII letters in lower case and the scan lowers the
 * passage's ASCII too. Any other character that takes part in case
 * mapping (Unicode Case_Sensitive: Latin-1 letters, Greek, Cyrillic ...)
 * is no literal at all: PCRE2 would match its other cases, which a plain
 * comparison would miss. Han characters and punctuation have no case. */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#define MAX_SET 16    /* strings an exact set may hold (products grow fast) */
#define MAX_LIT 16    /* code points in one literal */
#define MAX_UNION 128 /* literals in a clause made by an alternation */
#define MAX_CLASS 16  /* members of a [...] class still taken as literals */
#define MAX_CLAUSES 8 /* clauses kept per rule: the most selective */
#define MAX_DEPTH 64  /* group nesting the analyser follows */

/* ---- sets of literal strings, in a per-pattern arena ---- */

typedef struct {
  const uint32_t *cp;
  uint32_t n;
} lit;

typedef struct {
  lit *v;
  size_t n;
} set;

/* What the analyser knows of a piece of pattern: either it matches
 * exactly one string of `strs` (a finite set, "" included when it may
 * match nothing), or every match contains a literal of each clause. */
typedef struct {
  bool exact;
  set strs;
  set clause[MAX_CLAUSES];
  double cost[MAX_CLAUSES]; /* chance(clause[i]) once known, else -1 */
  size_t nclauses;
} info;

typedef struct {
  const uint32_t *p; /* the pattern, decoded to code points */
  size_t i, n;
  lc_arena *a;
  int depth;
  bool fail; /* syntax it does not know: the rule always runs */
  bool nomem;
} parser;

static void *alloc(parser *P, size_t n) {
  void *p = lichang__arena_alloc(P->a, n ? n : 1);
  if (!p) {
    P->nomem = P->fail = true;
  }
  return p;
}

/* Which code points can stand in a literal, and how: ASCII letters lower
 * case, anything else with case mappings not at all (UINT32_MAX). */
static uint32_t lit_cp(uint32_t c) {
  if (c < 0x80)
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return u_hasBinaryProperty((UChar32)c, UCHAR_CASE_SENSITIVE) ? UINT32_MAX : c;
}

static set set_of(parser *P, const uint32_t *cp, uint32_t n) {
  set s = {alloc(P, sizeof(lit)), 1};
  uint32_t *c = alloc(P, n * sizeof *c);
  if (P->nomem)
    return (set){0};
  if (n)
    memcpy(c, cp, n * sizeof *c); /* cp is NULL for "" */
  s.v[0] = (lit){c, n};
  return s;
}

static set epsilon(parser *P) { return set_of(P, NULL, 0); }

static bool has_empty(set s) {
  for (size_t i = 0; i < s.n; i++)
    if (s.v[i].n == 0)
      return true;
  return false;
}

/* The commonest Han characters, by code point: a literal made of them
 * says less than one of rarer characters.
 *   一上下不个中为主么之也了事于些人从他以们会但作你全关其出分到前动去及发只
 *   可合同后和因国在地多大天她好如子学定实家对将小就已年开当得心性想成我所方
 *   时是有未本机来样此没法然现理生用的目看着种经而能自行被要说起过还这进道那
 *   部都里长问面高
 */
static const uint32_t common[] = {
    0x4E00, 0x4E0A, 0x4E0B, 0x4E0D, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E3B, 0x4E48,
    0x4E4B, 0x4E5F, 0x4E86, 0x4E8B, 0x4E8E, 0x4E9B, 0x4EBA, 0x4ECE, 0x4ED6,
    0x4EE5, 0x4EEC, 0x4F1A, 0x4F46, 0x4F5C, 0x4F60, 0x5168, 0x5173, 0x5176,
    0x51FA, 0x5206, 0x5230, 0x524D, 0x52A8, 0x53BB, 0x53CA, 0x53D1, 0x53EA,
    0x53EF, 0x5408, 0x540C, 0x540E, 0x548C, 0x56E0, 0x56FD, 0x5728, 0x5730,
    0x591A, 0x5927, 0x5929, 0x5979, 0x597D, 0x5982, 0x5B50, 0x5B66, 0x5B9A,
    0x5B9E, 0x5BB6, 0x5BF9, 0x5C06, 0x5C0F, 0x5C31, 0x5DF2, 0x5E74, 0x5F00,
    0x5F53, 0x5F97, 0x5FC3, 0x6027, 0x60F3, 0x6210, 0x6211, 0x6240, 0x65B9,
    0x65F6, 0x662F, 0x6709, 0x672A, 0x672C, 0x673A, 0x6765, 0x6837, 0x6B64,
    0x6CA1, 0x6CD5, 0x7136, 0x73B0, 0x7406, 0x751F, 0x7528, 0x7684, 0x76EE,
    0x770B, 0x7740, 0x79CD, 0x7ECF, 0x800C, 0x80FD, 0x81EA, 0x884C, 0x88AB,
    0x8981, 0x8BF4, 0x8D77, 0x8FC7, 0x8FD8, 0x8FD9, 0x8FDB, 0x9053, 0x90A3,
    0x90E8, 0x90FD, 0x91CC, 0x957F, 0x95EE, 0x9762, 0x9AD8};

static bool is_common(uint32_t c) {
  return lichang__cp_in(common, sizeof common / sizeof *common, c);
}

/* A rough chance that a passage contains one of the literals, to pick the
 * most selective clauses: the longer the rarer; ASCII (digits,
 * punctuation) and the commonest characters say less than the rest. */
static double chance(set s) {
  double p = 0;
  for (size_t i = 0; i < s.n; i++) {
    double q = 1;
    for (uint32_t j = 0; j < s.v[i].n; j++) {
      uint32_t c = s.v[i].cp[j];
      q *= c < 0x80 ? 0.3 : is_common(c) ? 0.2 : 0.03;
    }
    p += q;
  }
  return p;
}

/* a x b: every string of a followed by every string of b; false (and
 * nothing made) if that would pass MAX_SET strings or MAX_LIT long. */
static bool product(parser *P, set a, set b, set *out) {
  if (a.n * b.n > MAX_SET)
    return false;
  for (size_t i = 0; i < a.n; i++)
    for (size_t j = 0; j < b.n; j++)
      if (a.v[i].n + b.v[j].n > MAX_LIT)
        return false;
  set s = {alloc(P, a.n * b.n * sizeof(lit)), 0};
  for (size_t i = 0; i < a.n && !P->nomem; i++)
    for (size_t j = 0; j < b.n && !P->nomem; j++) {
      uint32_t n = a.v[i].n + b.v[j].n;
      uint32_t *c = alloc(P, n * sizeof *c);
      if (!c)
        break;
      memcpy(c, a.v[i].cp, a.v[i].n * sizeof *c);
      memcpy(c + a.v[i].n, b.v[j].cp, b.v[j].n * sizeof *c);
      s.v[s.n++] = (lit){c, n};
    }
  *out = s;
  return !P->nomem;
}

/* a and b together, or false if that passes max strings. */
static bool join(parser *P, set a, set b, size_t max, set *out) {
  if (a.n + b.n > max)
    return false;
  set s = {alloc(P, (a.n + b.n) * sizeof(lit)), a.n + b.n};
  if (P->nomem)
    return false;
  memcpy(s.v, a.v, a.n * sizeof(lit));
  memcpy(s.v + a.n, b.v, b.n * sizeof(lit));
  *out = s;
  return true;
}

/* Adds a clause; a set holding "" requires nothing and is dropped. Past
 * MAX_CLAUSES the least selective clause goes: fewer clauses only make a
 * rule run more often. */
static void add_clause(info *x, set s) {
  if (s.n == 0 || has_empty(s))
    return;
  if (x->nclauses < MAX_CLAUSES) {
    x->clause[x->nclauses] = s;
    x->cost[x->nclauses++] = -1; /* not needed yet */
    return;
  }
  double c = chance(s);
  size_t worst = 0;
  for (size_t i = 0; i < x->nclauses; i++) {
    if (x->cost[i] < 0)
      x->cost[i] = chance(x->clause[i]);
    if (x->cost[i] > x->cost[worst])
      worst = i;
  }
  if (c < x->cost[worst]) {
    x->clause[worst] = s;
    x->cost[worst] = c;
  }
}

/* The most selective single clause x implies, if any. */
static bool best_clause(info *x, set *out) {
  if (x->exact) {
    *out = x->strs;
    return x->strs.n && !has_empty(x->strs);
  }
  if (!x->nclauses)
    return false;
  size_t best = 0;
  for (size_t i = 0; i < x->nclauses; i++) {
    if (x->cost[i] < 0)
      x->cost[i] = chance(x->clause[i]);
    if (x->cost[i] < x->cost[best])
      best = i;
  }
  *out = x->clause[best];
  return true;
}

static info exact_info(set s) { return (info){.exact = true, .strs = s}; }
static info any_info(void) { return (info){0}; } /* requires nothing */

/* ---- the parser: alternation > sequence > quantified atom ---- */

static info parse_alt(parser *P);

static bool at(const parser *P, uint32_t c) {
  return P->i < P->n && P->p[P->i] == c;
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_alnum(uint32_t c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* One escaped character after '\': its code point, or: -1 for a class
 * escape that consumes one or more characters (\d \w \s ...), -2 for an
 * assertion (\b \A \z ...), -3 for anything not understood. `in_class`:
 * \b is a backspace there. */
static long escape(parser *P, bool in_class) {
  if (P->i >= P->n)
    return -3;
  uint32_t c = P->p[P->i++];
  if (c >= 0x80 || !is_alnum(c))
    return c; /* \? \. \\ \，: the character itself */
  static const char named[] = "ntrfea", value[] = "\n\t\r\f\033\007";
  const char *k = strchr(named, (int)c); /* c is a letter or digit */
  if (k)
    return value[k - named];
  if (strchr("dDwWsShHvV", (int)c) ||
      (!in_class && (c == 'R' || c == 'X' || (c == 'N' && !at(P, '{')))))
    return -1;
  if (c == 'b')
    return in_class ? 0x08 : -2;
  if (!in_class && strchr("BAzZGK", (int)c))
    return -2;
  return -3; /* \1 \g \k \p \x \Q \c ... */
}

/* [...] after its '['. Up to MAX_CLASS plain members make an exact set of
 * one-character strings; a negated or wider class requires nothing. */
static info parse_class(parser *P) {
  bool negated = at(P, '^'), wide = false;
  if (negated)
    P->i++;
  uint32_t members[MAX_CLASS];
  size_t count = 0;
  bool first = true;
  while (!P->fail) {
    if (P->i >= P->n) {
      P->fail = true; /* unterminated */
      break;
    }
    uint32_t c = P->p[P->i];
    if (c == ']' && !first) {
      P->i++;
      break;
    }
    first = false;
    if (c == '[' && P->i + 1 < P->n &&
        (P->p[P->i + 1] == ':' || P->p[P->i + 1] == '.' ||
         P->p[P->i + 1] == '=')) {
      P->fail = true; /* POSIX classes: not in the rules; play safe */
      break;
    }
    long lo;
    P->i++;
    if (c == '\\') {
      lo = escape(P, true);
      if (lo == -3 || lo == -2) {
        P->fail = true;
        break;
      }
      if (lo == -1) {
        wide = true;
        if (at(P, '-') && P->i + 1 < P->n && P->p[P->i + 1] != ']') {
          P->fail = true; /* a range from a class: an error or a '-' */
          break;
        }
        continue;
      }
    } else
      lo = c;
    long hi = lo;
    if (at(P, '-') && P->i + 1 < P->n && P->p[P->i + 1] != ']') {
      P->i++;
      uint32_t d = P->p[P->i++];
      hi = d == '\\' ? escape(P, true) : d;
      if (hi < 0) {
        P->fail = true;
        break;
      }
      if (hi < lo) {
        P->fail = true;
        break;
      }
    }
    if (hi - lo >= MAX_CLASS)
      wide = true;
    for (long m = lo; !wide && m <= hi; m++) {
      uint32_t f = lit_cp((uint32_t)m);
      if (f == UINT32_MAX || count == MAX_CLASS) {
        wide = true;
        break;
      }
      bool dup = false;
      for (size_t k = 0; k < count; k++)
        dup |= members[k] == f;
      if (!dup)
        members[count++] = f;
    }
  }
  if (P->fail || negated || wide || !count)
    return any_info();
  set s = {alloc(P, count * sizeof(lit)), 0};
  for (size_t k = 0; k < count && !P->nomem; k++) {
    set one = set_of(P, members + k, 1);
    if (!P->nomem)
      s.v[s.n++] = one.v[0];
  }
  return P->nomem ? any_info() : exact_info(s);
}

/* ( ... ) after its '('. Lookarounds match no characters: their content is
 * parsed (to find the ')') and then counts as the empty string. */
static info parse_group(parser *P) {
  bool look = false;
  if (at(P, '?')) {
    P->i++;
    uint32_t c = P->i < P->n ? P->p[P->i] : 0;
    uint32_t d = P->i + 1 < P->n ? P->p[P->i + 1] : 0;
    if (c == ':')
      P->i++;
    else if (c == '=' || c == '!') {
      P->i++;
      look = true;
    } else if (c == '<' && (d == '=' || d == '!')) {
      P->i += 2;
      look = true;
    } else if ((c == '<' || (c == 'P' && d == '<'))) {
      P->i += c == 'P' ? 2 : 1; /* (?<name> or (?P<name> */
      while (P->i < P->n && (is_alnum(P->p[P->i]) || P->p[P->i] == '_'))
        P->i++;
      if (!at(P, '>')) {
        P->fail = true;
        return any_info();
      }
      P->i++;
    } else {
      P->fail = true; /* (?i) (?| (?> (?# (?( (?R) ...: not in the rules */
      return any_info();
    }
  }
  if (++P->depth > MAX_DEPTH) {
    P->fail = true;
    return any_info();
  }
  info x = parse_alt(P);
  P->depth--;
  if (!at(P, ')')) {
    P->fail = true;
    return any_info();
  }
  P->i++;
  return look ? exact_info(epsilon(P)) : x;
}

/* One atom: a character, escape, class, group, '.', '^' or '$'. */
static info parse_atom(parser *P) {
  uint32_t c = P->p[P->i++];
  switch (c) {
  case '(':
    return parse_group(P);
  case '[':
    return parse_class(P);
  case '.':
    return any_info();
  case '^':
  case '$':
    return exact_info(epsilon(P));
  case '*':
  case '+':
  case '?':
  case '{':
    P->fail = true; /* a quantifier with nothing before it, or a '{' PCRE2
                       takes literally: not in the rules */
    return any_info();
  case '\\': {
    long e = escape(P, false);
    if (e == -3)
      P->fail = true;
    if (e == -2)
      return exact_info(epsilon(P));
    if (e < 0)
      return any_info();
    c = (uint32_t)e;
  } /* fall through */
  default: {
    uint32_t f = lit_cp(c);
    return f == UINT32_MAX ? any_info() : exact_info(set_of(P, &f, 1));
  }
  }
}

/* Reads a decimal number of up to 5 digits; false if there is none. */
static bool number(parser *P, unsigned long *v) {
  size_t start = P->i;
  *v = 0;
  while (P->i < P->n && is_digit(P->p[P->i]) && P->i - start < 5)
    *v = *v * 10 + (P->p[P->i++] - '0');
  return P->i > start && !(P->i < P->n && is_digit(P->p[P->i]));
}

/* A quantifier after an atom, if any, applied to x. */
static void quantify(parser *P, info *x) {
  unsigned long min, max;
  if (at(P, '?'))
    min = 0, max = 1;
  else if (at(P, '*'))
    min = 0, max = ULONG_MAX;
  else if (at(P, '+'))
    min = 1, max = ULONG_MAX;
  else if (at(P, '{')) {
    /* {m} {m,} {m,n}; anything else PCRE2 reads as a literal '{' and the
     * analyser gives up */
    P->i++;
    if (!number(P, &min)) {
      P->fail = true;
      return;
    }
    max = min;
    if (at(P, ',')) {
      P->i++;
      if (at(P, '}'))
        max = ULONG_MAX;
      else if (!number(P, &max) || max < min) {
        P->fail = true;
        return;
      }
    }
    if (!at(P, '}')) {
      P->fail = true;
      return;
    }
  } else
    return;
  P->i++;
  if (at(P, '?') || at(P, '+'))
    P->i++; /* lazy, possessive: the same strings can match */
  if (at(P, '?') || at(P, '*') || at(P, '+') || at(P, '{')) {
    P->fail = true; /* a quantified quantifier: not in the rules */
    return;
  }
  if (max == 0) {
    *x = exact_info(epsilon(P)); /* x{0} */
  } else if (min == 0) {
    set s;
    if (x->exact && max == 1 && join(P, x->strs, epsilon(P), MAX_SET, &s))
      x->strs = s; /* x? : x or nothing */
    else
      *x = any_info();
  } else if (!(min == 1 && max == 1) && x->exact) {
    /* x{2,5}, x+: some copy of x is in every match */
    set s = x->strs;
    *x = any_info();
    add_clause(x, s);
  }
}

/* A sequence up to '|', ')' or the end. Exact pieces concatenate into a
 * run; a run that grows too big, or meets an inexact piece, becomes a
 * clause of its own (every match contains one of its strings). */
static info parse_seq(parser *P) {
  info out = any_info();
  set run = epsilon(P);
  bool exact = true;
  while (!P->fail && P->i < P->n && !at(P, '|') && !at(P, ')')) {
    info x = parse_atom(P);
    if (!P->fail)
      quantify(P, &x);
    if (P->fail)
      break;
    set joined;
    if (x.exact && product(P, run, x.strs, &joined)) {
      run = joined;
      continue;
    }
    exact = false;
    add_clause(&out, run);
    if (x.exact) {
      run = x.strs;
    } else {
      run = epsilon(P);
      for (size_t k = 0; k < x.nclauses; k++)
        add_clause(&out, x.clause[k]);
    }
  }
  if (exact)
    return exact_info(run);
  add_clause(&out, run);
  return out;
}

/* Branches: exact when every branch is and the union is small; else one
 * clause, the union of each branch's best clause, when every branch has
 * one (a match of the whole is a match of some branch). */
static info parse_alt(parser *P) {
  info first = parse_seq(P);
  if (!at(P, '|') || P->fail)
    return first;
  bool exact = first.exact, cover = true;
  set all = first.strs, clause = {0};
  cover = best_clause(&first, &clause);
  while (at(P, '|') && !P->fail) {
    P->i++;
    info b = parse_seq(P);
    set c;
    if (exact && (!b.exact || !join(P, all, b.strs, MAX_SET, &all)))
      exact = false;
    if (cover &&
        (!best_clause(&b, &c) || !join(P, clause, c, MAX_UNION, &clause)))
      cover = false;
  }
  if (exact)
    return exact_info(all);
  info out = any_info();
  if (cover)
    add_clause(&out, clause);
  return out;
}

/* ---- the result: clauses, tidied ---- */

/* Shorter first, then by code point. */
static int lit_cmp(const void *a, const void *b) {
  const lit *x = a, *y = b;
  if (x->n != y->n)
    return x->n < y->n ? -1 : 1;
  for (uint32_t i = 0; i < x->n; i++)
    if (x->cp[i] != y->cp[i])
      return x->cp[i] < y->cp[i] ? -1 : 1;
  return 0;
}

static bool contains(lit big, lit small) {
  for (uint32_t i = 0; i + small.n <= big.n; i++) {
    uint32_t j = 0;
    while (j < small.n && big.cp[i + j] == small.cp[j])
      j++;
    if (j == small.n)
      return true;
  }
  return false;
}

/* Sorted, without duplicates or strings that contain a shorter one of the
 * set (a passage holding 还很远 holds 远). */
static void tidy(set *s) {
  qsort(s->v, s->n, sizeof *s->v, lit_cmp);
  size_t k = 0, shorter = 0; /* kept [0, shorter) are shorter than v[i] */
  for (size_t i = 0; i < s->n; i++) {
    if (k && s->v[k - 1].n < s->v[i].n)
      shorter = k;
    bool redundant = k && lit_cmp(&s->v[k - 1], &s->v[i]) == 0;
    for (size_t j = 0; j < shorter && !redundant; j++)
      redundant = contains(s->v[i], s->v[j]);
    if (!redundant)
      s->v[k++] = s->v[i];
  }
  s->n = k;
}

static bool same(set a, set b) {
  if (a.n != b.n)
    return false;
  for (size_t i = 0; i < a.n; i++)
    if (lit_cmp(&a.v[i], &b.v[i]))
      return false;
  return true;
}

/* Analyses pattern pat[0..n) (UTF-8); *out gets its clauses, none when the
 * rule must always run. */
static int analyse(lc_arena *a, const char *pat, size_t n, info *out) {
  *out = any_info();
  uint32_t *cp = lichang__arena_alloc(a, (n + 1) * sizeof *cp);
  if (!cp)
    return LICHANG_ENOMEM;
  size_t m = 0;
  for (size_t i = 0; i < n;) {
    bool bad;
    i += lichang__utf8_next((const unsigned char *)pat + i, n - i, cp + m++,
                            &bad);
    if (bad)
      return 0; /* PCRE2 compiled it as UTF: cannot happen; run always */
  }
  parser P = {.p = cp, .n = m, .a = a};
  info x = parse_alt(&P);
  if (P.nomem)
    return LICHANG_ENOMEM;
  if (P.fail || P.i != P.n)
    return 0;
  if (x.exact) {
    set s = x.strs;
    x = any_info();
    add_clause(&x, s);
  }
  size_t kept = 0;
  for (size_t k = 0; k < x.nclauses; k++) {
    tidy(&x.clause[k]);
    bool again = false; /* (a|aa)+(a|aa)+ gives {a} twice */
    for (size_t j = 0; j < kept && !again; j++)
      again = same(x.clause[j], x.clause[k]);
    if (!again) {
      x.clause[kept] = x.clause[k];
      x.cost[kept++] = x.cost[k];
    }
  }
  x.nclauses = kept;
  *out = x;
  return 0;
}

/* ---- the trie of every rule's literals ---- */

static int edges_grow(lc_prefilter *pf) {
  size_t cap = pf->cap ? pf->cap * 2 : 256;
  lc_trie_slot *t = calloc(cap, sizeof *t);
  if (!t)
    return LICHANG_ENOMEM;
  for (size_t i = 0; i < pf->cap; i++)
    if (pf->edges[i].key) {
      size_t j = lichang__trie_hash(pf->edges[i].key, cap);
      while (t[j].key)
        j = (j + 1) & (cap - 1);
      t[j] = pf->edges[i];
    }
  free(pf->edges);
  pf->edges = t;
  pf->cap = cap;
  return 0;
}

/* Adds literal s as a witness of clause id. */
static int add_literal(lc_prefilter *pf, lit s, uint32_t id) {
  if (!pf->first) {
    pf->first = calloc(0x10000 / 64, sizeof *pf->first);
    uint32_t *root = lichang__vec_push(&pf->head); /* node 0 */
    if (!pf->first || !root)
      return LICHANG_ENOMEM;
    pf->nodes = 1;
  }
  if (s.cp[0] < 0x10000)
    pf->first[s.cp[0] >> 6] |= 1ull << (s.cp[0] & 63);
  uint32_t node = 0;
  for (uint32_t i = 0; i < s.n; i++) {
    uint32_t next = lichang__trie_probe(pf->edges, pf->cap, node, s.cp[i]);
    if (!next) {
      if ((pf->used + 1) * 4 > pf->cap * 3 && edges_grow(pf))
        return LICHANG_ENOMEM;
      uint32_t *h = lichang__vec_push(&pf->head);
      if (!h)
        return LICHANG_ENOMEM;
      next = pf->nodes++;
      uint64_t k = ((uint64_t)node << 21 | s.cp[i]) + 1;
      size_t j = lichang__trie_hash(k, pf->cap);
      while (pf->edges[j].key)
        j = (j + 1) & (pf->cap - 1);
      pf->edges[j] = (lc_trie_slot){k, next};
      pf->used++;
    }
    node = next;
  }
  lc_pf_hit *h = lichang__vec_push(&pf->hits);
  if (!h)
    return LICHANG_ENOMEM;
  uint32_t *head = (uint32_t *)pf->head.data + node;
  h->clause = id;
  h->next = *head;
  *head = (uint32_t)pf->hits.len; /* index + 1 */
  if (s.n > pf->maxlen)
    pf->maxlen = s.n;
  return 0;
}

/* Pushes v onto the uint32_t vector vec. */
static int push_u32(lc_vec *vec, uint32_t v) {
  uint32_t *slot = lichang__vec_push(vec);
  if (!slot)
    return LICHANG_ENOMEM;
  *slot = v;
  return 0;
}

int lichang__prefilter_add(lc_prefilter *pf, const char *pat, size_t n,
                           uint32_t *first, uint32_t *count) {
  pf->head.size = sizeof(uint32_t);
  pf->hits.size = sizeof(lc_pf_hit);
  pf->owner.size = pf->first_of.size = pf->always.size = sizeof(uint32_t);
  *first = pf->nclauses;
  *count = 0;
  lc_arena a = {0};
  info x;
  int rc = analyse(&a, pat, n, &x);
  for (size_t k = 0; k < x.nclauses && !rc; k++) {
    for (size_t i = 0; i < x.clause[k].n && !rc; i++)
      rc = add_literal(pf, x.clause[k].v[i], pf->nclauses);
    if (!rc)
      rc = push_u32(&pf->owner, pf->nrules);
    pf->nclauses++;
    ++*count;
  }
  lichang__arena_free(&a);
  if (!rc)
    rc = push_u32(&pf->first_of, *first);
  if (!rc && !*count)
    rc = push_u32(&pf->always, pf->nrules);
  pf->nrules++;
  return rc;
}

int lichang__prefilter_rules(const lc_prefilter *pf, const uint64_t *found,
                             lc_vec *out) {
  const uint32_t *owner = pf->owner.data, *first_of = pf->first_of.data,
                 *always = pf->always.data;
  size_t na = pf->always.len, ai = 0;
  /* A rule's clauses are consecutive and later rules' come later, so the
   * rules owning a found clause, each taken at its first clause, come in
   * rule order; the rules with none merge in. Only the found bits are
   * visited, not every rule. */
  for (uint32_t w = 0; w < (pf->nclauses + 63) / 64; w++)
    for (uint64_t bits = found[w]; bits; bits &= bits - 1) {
      uint32_t c = w * 64 + (uint32_t)__builtin_ctzll(bits);
      uint32_t r = owner[c];
      if (first_of[r] != c)
        continue;
      uint32_t end = r + 1 < pf->nrules ? first_of[r + 1] : pf->nclauses;
      bool all = true;
      for (uint32_t k = c + 1; k < end && all; k++)
        all = found[k >> 6] >> (k & 63) & 1;
      if (!all)
        continue;
      for (; ai < na && always[ai] < r; ai++)
        if (push_u32(out, always[ai]))
          return LICHANG_ENOMEM;
      if (push_u32(out, r))
        return LICHANG_ENOMEM;
    }
  for (; ai < na; ai++)
    if (push_u32(out, always[ai]))
      return LICHANG_ENOMEM;
  return 0;
}

void lichang__prefilter_free(lc_prefilter *pf) {
  free(pf->edges);
  free(pf->first);
  lichang__vec_free(&pf->head);
  lichang__vec_free(&pf->hits);
  lichang__vec_free(&pf->owner);
  lichang__vec_free(&pf->first_of);
  lichang__vec_free(&pf->always);
}

void lichang__prefilter_scan(const lc_prefilter *pf, const uint32_t *cp,
                             size_t n, uint64_t *found) {
  if (!pf->nclauses)
    return;
  const uint32_t *head = pf->head.data;
  const lc_pf_hit *hits = pf->hits.data;
  for (size_t i = 0; i < n; i++) {
    uint32_t c = cp[i] - 'A' < 26 ? cp[i] + 32 : cp[i];
    if (c < 0x10000 && !(pf->first[c >> 6] >> (c & 63) & 1))
      continue; /* most characters start no literal: one bit says so */
    uint32_t node = 0;
    for (size_t j = i; j < n && j - i < pf->maxlen; j++) {
      c = cp[j] - 'A' < 26 ? cp[j] + 32 : cp[j];
      if (!(node = lichang__trie_probe(pf->edges, pf->cap, node, c)))
        break;
      for (uint32_t h = head[node]; h; h = hits[h - 1].next)
        found[hits[h - 1].clause >> 6] |= 1ull << (hits[h - 1].clause & 63);
    }
  }
}

int lichang__prefilter_describe(lc_buf *out, const char *pat, size_t n) {
  lc_arena a = {0};
  info x;
  int rc = analyse(&a, pat, n, &x);
  if (!rc && !x.nclauses)
    rc = lichang__buf_puts(out, "always");
  for (size_t k = 0; k < x.nclauses && !rc; k++) {
    rc = lichang__buf_puts(out, k ? " & {" : "{");
    for (size_t i = 0; i < x.clause[k].n && !rc; i++) {
      if (i)
        rc = lichang__buf_puts(out, "|");
      for (uint32_t j = 0; j < x.clause[k].v[i].n && !rc; j++)
        rc = lichang__buf_put_cp(out, x.clause[k].v[i].cp[j]);
    }
    if (!rc)
      rc = lichang__buf_puts(out, "}");
  }
  lichang__arena_free(&a);
  return rc;
}
