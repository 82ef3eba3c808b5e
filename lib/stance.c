/* Stage 7: label each passage's stance, with the evidence that decided it.
 *
 * Input: passages (code point spans), tokens with their lexicon entries,
 * the lexicon's stance terms, modifiers and phrase rules. Output: for every
 * quote, ->stance, ->score in [0, 1], ->evidence (every hit, in reading
 * order, with its weight after modifiers) and ->targets (topic labels named
 * in the passage, first mention first, each once).
 *
 * The model is VADER's, rebuilt for Chinese clauses:
 *
 * 1. Clauses. The passage is cut at clause punctuation (folded , ; ! ? : 。
 *    . and line breaks); modifiers act only inside their clause. ICU at
 *    times glues a one-character negator to the word before it or 但 to
 *    the word after it; such unknown words keep the modifier's reading.
 * 2. Terms. Each stance term (dict/stance.txt) is a vote for its stance with
 *    its weight. Looking back inside its clause:
 *    - negators up to NEG_WINDOW tokens back each flip it (an even number
 *      restores it: 不是不可能 reads as possible). A flip turns optimistic
 *      into skeptical and back, and cautious into a weak optimistic
 *      (没有风险). A negator written with a FACTOR in (0, 1] (未必, 不一定)
 *      is a weak one: the term becomes cautious at weight x FACTOR. One
 *      with a FACTOR above 1 is a prohibition (不要, 不应, 别): it flips
 *      what it governs like any negator, except a skeptical term, which
 *      keeps its stance at weight / FACTOR: warning against a harm (不要
 *      浪费, 不应歧视) still names it as one, and praises nothing;
 *    - intensifiers and downtoners up to MOD_WINDOW tokens back multiply it,
 *      and so does a downtoner anywhere before it that opens the clause: a
 *      condition (如果, 若) scopes over its whole clause (如果谈判失败 only
 *      supposes the failure), and so does an aim (需要突破 is a goal); but
 *      a condition, aim or question leaves a cautious term whole (需要再
 *      观察 is caution itself). A directive (要, 需要, 力争: an aim that
 *      lists goals) that opens a clause governs the later clauses of its
 *      sentence as well, up to a turn (要推进X，持续推进Y，着力改善Z);
 *    - a hedge anywhere before it in the clause multiplies it by the hedge's
 *      factor but keeps its stance: ANNOTATION.md reads a hedged positive
 *      claim (可能会颠覆) as optimistic. A hedge in a clause that has no
 *      other evidence is a vote for cautious, (1 - FACTOR) x HEDGE_ALONE,
 *      so a lone 可能 (0.8) is too little for a label on its own but two
 *      hedged clauses, or one 也许 (0.7), make a passage cautious. A hedge
 *      that is also a stance term foretells that stance: alone it votes
 *      for it at its weight (恐, "may well", foretells a harm: 恐成蚊子
 *      捷运 is skeptical), with other evidence it only hedges;
 *    - a base word of weight <= WEAK_TERM (理解, 重要) counts half unless
 *      negated or graded by an intensifier: 无法理解 is a clear denial and
 *      非常重要 a verdict, but 理解 or 重要 alone hardly a claim; and
 *      the bare base words of a passage together count BASE_CAP at most,
 *      too little for a label of their own: a directive strewn with
 *      policy words (要推动…重要…创新) states aims, not an outlook;
 *    - a term already counted in the passage counts REPEAT times less for
 *      each earlier mention (twice at most): repeating 差距 three times is
 *      one point, made with emphasis.
 * 3. Phrase rules (dict/rules.txt) run over the passage's folded text with
 *    the tagger's match limits; a hit votes with the rule's weight and
 *    silences the lexicon terms inside it (the rule says more than its
 *    words). Negators before a hit flip it, and intensifiers, downtoners
 *    and hedges scale it, as for a term. A rule whose pattern has a group
 *    named "turn" marks a turn where that group starts: it is how a rule
 *    says "what came before is what I reject" (…说…，这种观点是错误的
 *    counts for the rejection).
 * 4. Turns. A contrast marker (但, 然而, 不过, 可是, 却 …) is a turn: every
 *    vote before it is multiplied by 1 - 0.5 x FACTOR (cumulatively, for
 *    each later turn, floored at MIN_POSITION), and the votes after the last
 *    turn by 1 + (AFTER_TURN - 1) x FACTOR, except a lone hedge's: the turn
 *    stresses the point made after it, and a hedge alone makes none. A concession marker (虽然,
 *    诚然 …) makes a turn at the end of the clause it opens (虽然X，Y reads
 *    as X，但Y); with a contrast after it, what is conceded is discounted
 *    twice, since the speaker both grants it and turns from it. A rejection
 *    turn discounts what precedes by REJECT_FACTOR.
 * 5. Decision. With O, C, S the summed votes and T = O + C + S:
 *    - T < NEUTRAL_BELOW: neutral (nothing, or too little, to go on);
 *    - optimistic and skeptical both present with the smaller at least
 *      BALANCE x the larger: cautious (ANNOTATION.md: "weighs a positive
 *      and a negative point with neither winning");
 *    - otherwise the largest; ties go to cautious.
 *    The score is the margin of the winner over the runner-up, scaled by
 *    how much evidence there is: (best - second) / best x (1 - e^-best).
 *    For neutral it is how far T stays below the threshold, at most 0.8
 *    (absence of evidence is weaker proof than evidence).
 * 6. A passage whose attribution verb the passage stage found negated
 *    (陈然并不认为X: the passage is X) is denied as a whole: each vote is
 *    negated, and the denial is a vote for skeptical of its own.
 * 7. The attribution verb frames the passage as a negated one does: a verb
 *    of praise or blame that is also a stance term (批評，X / 「X」某某
 *    批評說。 / 稱讚，X), or a stance term saying how a plain verb was
 *    said (無奈表示，X), votes for its stance at FRAMING x its weight, at
 *    full strength whatever turns the passage takes. ANNOTATION.md judges
 *    the speaker's outlook, and a speaker introduced as criticising is
 *    criticising even when X only reports (縣府上週才公布辦法).
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NEG_WINDOW 6      /* tokens a negator reaches forward */
#define MOD_WINDOW 3      /* tokens an intensifier or downtoner reaches */
#define HEDGE_ALONE 2.0   /* cautious vote of a lone hedge, x (1 - factor) */
#define WEAK_TERM 0.5     /* weights up to this are base words (理解, 掌握) */
#define BASE_CAP 0.4      /* all bare base words of a passage, at most */
#define REPEAT 0.5        /* each repeat of a term counts this much less */
#define AFTER_TURN 1.5    /* votes after the last turn */
#define MIN_POSITION 0.1  /* floor of the discount for earlier turns */
#define REJECT_FACTOR 0.2 /* what a rejection leaves of what it rejects */
#define NEUTRAL_BELOW 0.45
#define BALANCE 0.75
#define NEG_CAUTIOUS 0.5  /* a negated cautious term: weak optimistic */
#define NEG_SKEPTICAL 0.8 /* a negated skeptical term keeps most weight */
#define DENIAL 1.0        /* a negated attribution over a plain claim */
#define FRAMING 0.8       /* an evaluative speech verb: x its weight */
#define FRAME_REACH 4     /* tokens between a passage and its verb */

/* The rule name of a lone hedge's vote (compared by address). */
static const char hedge_rule[] = "hedge";
/* ... and of an evaluative attribution verb's (批評，…). */
static const char framing_rule[] = "attribution";

/* A vote before it becomes evidence: where, what, how much. */
typedef struct {
  uint32_t start, end; /* code points */
  const char *rule, *term;
  lichang_stance stance;
  double weight; /* after modifiers, before position */
  bool base;     /* a bare base word's (see BASE_CAP) */
} vote;

typedef struct {
  uint32_t at;   /* code point where the turn happens */
  double before; /* multiplier for what precedes it */
  double after;  /* multiplier for what follows, when it is the last */
} turn;

typedef struct {
  uint32_t start, end;
  const lc_rule *rule;
} hit;

/* Per-passage scratch, reused across passages of one doc. */
typedef struct {
  lc_buf utf8;     /* folded passage text */
  lc_vec b2c;      /* uint32_t: byte offset in utf8 -> code point */
  lc_vec clause;   /* uint32_t per token of the passage */
  lc_vec mods;     /* const lc_entry *: each token's modifier reading */
  size_t k0;       /* the passage's first token */
  lc_vec votes;    /* vote */
  lc_vec turns;    /* turn */
  lc_vec hits;     /* hit */
  lc_vec found;    /* uint64_t: bit per prefilter clause found */
  lc_vec run;      /* uint32_t: the rules to run on the passage */
  lc_vec flags;    /* uint8_t per clause: CLAUSE_VOTED, CLAUSE_HEDGED */
  lc_vec over;     /* const lc_entry *: the directive over each token */
} scratch;

static bool is_clause_end(const uint32_t *cp, size_t i, size_t n) {
  switch (cp[i]) {
  case ',': case ';': case '!': case '?': case ':': case 0x3002: case '\n':
    return true; /* 、 lists, it does not end a clause */
  case '.': /* not a decimal point */
    return !(i > 0 && i + 1 < n && cp[i - 1] >= '0' && cp[i - 1] <= '9' &&
             cp[i + 1] >= '0' && cp[i + 1] <= '9');
  default:
    return false;
  }
}

static const lc_entry *mod_of(const lc_entry *e, lc_mod_kind kind) {
  return e && (e->kinds & LC_K_MODIFIER) && e->mod == kind ? e : NULL;
}

/* A downtoner, or a directive, which is one (要推动 is a goal) whose scope
 * also runs on to the end of its sentence (directive_over). */
static const lc_entry *downtoner_of(const lc_entry *e) {
  const lc_entry *d = mod_of(e, LC_MOD_DOWNTONER);
  return d ? d : mod_of(e, LC_MOD_DIRECTIVE);
}

/* Token t's entry if it has any of kinds, else NULL. The kinds are the
 * token's own, as the segmenter wrote them: most tokens are corpus words
 * of no interest here, and reading each one's entry (1.7 MB of them) was
 * most of this stage's time, in cache misses. */
static const lc_entry *tok_entry(const lc_entry *ents, const lc_token *t,
                                 uint32_t kinds) {
  return t->entry >= 0 && (t->kinds & kinds) ? ents + t->entry : NULL;
}

/* Whether token k of the passage is the first of its clause. */
static bool opens_clause(const scratch *S, size_t k) {
  const uint32_t *clause = S->clause.data;
  return k == S->k0 || clause[k - S->k0 - 1] != clause[k - S->k0];
}

/* Whether the negator at token j is a bare 不 that an attribute closes
 * before token k: 不 X 的 Y negates X, the attribute, not Y or what
 * follows it (不合法的关税扰乱了… does not deny the disruption), while
 * 没有真正的突破 and 并不是技术的突破 still deny what comes after 的. */
static bool attribute_negator(const lc_text *t, const lc_token *tok, size_t j,
                              size_t k) {
  return j + 2 < k && tok[j].end == tok[j].start + 1 &&
         t->cp[tok[j].start] == 0x4E0D /* 不 */ &&
         tok[j + 2].end == tok[j + 2].start + 1 &&
         t->cp[tok[j + 2].start] == 0x7684 /* 的 */;
}

/* The modifier reading of token k of the passage, or NULL. */
static const lc_entry *mod_at(const scratch *S, size_t k) {
  return ((const lc_entry *const *)S->mods.data)[k - S->k0];
}

/* Each token's modifier reading: its own entry's, or, for a word the
 * lexicon does not know that ends in 不 or 没, the negator's, and for one that starts with a one-character contrast
 * marker, the marker's. ICU's dictionary glues a negator to the word
 * before it (他不|认为) and 但 to the word after it (但在) at times, and
 * the negation or the turn must not be lost with them. */
static int find_mods(scratch *S, const lichang_lexicon *lx, const lc_text *t,
                     const lc_token *tok, size_t k0, size_t k1) {
  const lc_entry *ents = lx->entries.data;
  S->mods.len = 0;
  S->k0 = k0;
  for (size_t k = k0; k < k1; k++) {
    uint32_t kinds = tok[k].entry >= 0 ? tok[k].kinds : 0;
    const lc_entry **slot = lichang__vec_push(&S->mods);
    if (!slot)
      return LICHANG_ENOMEM;
    if (kinds & LC_K_MODIFIER)
      *slot = ents + tok[k].entry;
    else if (!(kinds & (LC_K_STANCE | LC_K_OVERLAY)) &&
             tok[k].end - tok[k].start >= 2) {
      const lc_entry *last =
          lichang__lexicon_char(lx, t->cp[tok[k].end - 1], LC_K_MODIFIER);
      const lc_entry *first =
          lichang__lexicon_char(lx, t->cp[tok[k].start], LC_K_MODIFIER);
      if (mod_of(last, LC_MOD_NEGATOR) && !(last->factor > 0) &&
          (t->cp[tok[k].end - 1] == 0x4E0D || t->cp[tok[k].end - 1] == 0x6CA1))
        *slot = last; /* only 不 and 没: 中非, 南非 end in 非 */
      else if (mod_of(first, LC_MOD_CONTRAST))
        *slot = first; /* 但|在 glued the same way: 但在 */
    }
  }
  return 0;
}

static int push_vote(scratch *S, uint32_t a, uint32_t b, const char *rule,
                     const char *term, lichang_stance st, double w) {
  vote *v = lichang__vec_push(&S->votes);
  if (!v)
    return LICHANG_ENOMEM;
  *v = (vote){a, b, rule, term, st, w, false};
  return 0;
}

/* A turn of strength f in (0, 1]: 但 is 1, 其实 less. */
static int push_turn(scratch *S, uint32_t at, double before, double f) {
  turn *t = lichang__vec_push(&S->turns);
  if (!t)
    return LICHANG_ENOMEM;
  t->at = at;
  t->before = before;
  t->after = 1.0 + (AFTER_TURN - 1.0) * f;
  return 0;
}

/* The multiplier contrast gives a vote at code point p. */
static double position(const scratch *S, uint32_t p) {
  const turn *t = S->turns.data;
  double m = 1.0, boost = 1.0;
  uint32_t last = 0;
  bool before = false;
  for (size_t i = 0; i < S->turns.len; i++) {
    if (t[i].at > p) {
      m *= t[i].before;
      before = true;
    } else if (t[i].at >= last) {
      last = t[i].at;
      boost = t[i].after;
    }
  }
  if (m < MIN_POSITION)
    m = MIN_POSITION;
  return before ? m : boost;
}

/* Flips a stance as a negator does; *w is scaled to match. */
static lichang_stance negate(lichang_stance s, double *w) {
  switch (s) {
  case LICHANG_OPTIMISTIC:
    return LICHANG_SKEPTICAL;
  case LICHANG_SKEPTICAL:
    *w *= NEG_SKEPTICAL;
    return LICHANG_OPTIMISTIC;
  case LICHANG_CAUTIOUS:
    *w *= NEG_CAUTIOUS;
    return LICHANG_OPTIMISTIC;
  default:
    return s;
  }
}

/* Folds the passage to UTF-8 with a byte -> code point map, for PCRE2. */
static int fold_passage(scratch *S, const lc_text *t, uint32_t a, uint32_t b) {
  S->utf8.len = 0;
  S->b2c.len = 0;
  for (uint32_t i = a; i <= b; i++) {
    size_t before = S->utf8.len;
    if (i < b && lichang__buf_put_cp(&S->utf8, t->cp[i]))
      return LICHANG_ENOMEM;
    size_t k = i < b ? S->utf8.len - before : 1;
    for (size_t j = 0; j < k; j++) {
      uint32_t *slot = lichang__vec_push(&S->b2c);
      if (!slot)
        return LICHANG_ENOMEM;
      *slot = i;
    }
  }
  return lichang__buf_put(&S->utf8, "", 1) ? LICHANG_ENOMEM : 0;
}

/* Runs the phrase rules over the passage; hits and rule turns go into S.
 * One scan for the rules' literals first: a rule whose literals are not
 * all there cannot match, and is not run (most rules, most passages); the
 * passage is folded to UTF-8 for PCRE2 only when some rule is run.
 * A rule that exceeds the match limits is skipped, with a warning. */
/* Rule r's code to match with: this tagger's JIT-compiled copy, made the
 * first time the rule runs. Compiling every rule at load was a quarter of
 * the lexicon's load time, spent on rules most batches hardly run; a copy
 * per tagger keeps the shared lexicon immutable and needs no lock. Without
 * JIT, or memory for the copy, the lexicon's own code runs interpreted. */
static const pcre2_code *rule_code(lichang_tagger *tg, size_t r) {
  const lc_rule *rules = tg->lx->rules.data;
  if (!tg->jit[r]) {
    pcre2_code *c = pcre2_code_copy(rules[r].code);
    if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
      pcre2_code_free(c);
      c = NULL;
    }
    tg->jit[r] = c ? c : rules[r].code;
  }
  return tg->jit[r];
}

/* A downtoner of SCOPE or less is a condition, an aim or a question
 * (如果, 需要, 是否) rather than a degree: it makes a claim only supposed,
 * striven for or asked, which weakens a claim of progress or harm but not
 * caution, which is made as much by 需要观察 or 是否存在风险 as by the
 * words alone. */
#define SCOPE 0.4
static bool scopes_caution(const lc_entry *m, lichang_stance st) {
  return st == LICHANG_CAUTIOUS && downtoner_of(m) &&
         m->factor <= SCOPE;
}

static int run_rules(lichang_tagger *tg, lichang_doc *doc, scratch *S,
                     const lichang_quote *q) {
  const lc_rule *rules = tg->lx->rules.data;
  const lc_prefilter *pf = &tg->lx->prefilter;
  const uint32_t *b2c = NULL;
  size_t len = 0;
  bool folded = false; /* the UTF-8 for PCRE2, made for the first rule run */
  S->hits.len = 0;
  size_t words = (pf->nclauses + 63) / 64;
  while (S->found.len < words)
    if (!lichang__vec_push(&S->found))
      return LICHANG_ENOMEM;
  if (words)
    memset(S->found.data, 0, words * sizeof(uint64_t));
  lichang__prefilter_scan(pf, doc->text.cp + q->start, q->end - q->start,
                          S->found.data);
  /* only the rules whose literals are all there (see prefilter.c) */
  S->run.len = 0;
  if (lichang__prefilter_rules(pf, S->found.data, &S->run))
    return LICHANG_ENOMEM;
  for (size_t i = 0; i < S->run.len; i++) {
    size_t r = ((const uint32_t *)S->run.data)[i];
    if (!folded) {
      int rc = fold_passage(S, &doc->text, q->start, q->end);
      if (rc)
        return rc;
      folded = true;
      b2c = S->b2c.data;
      len = S->utf8.len - 1; /* without the NUL */
    }
    int turn_group = rules[r].turn;
    PCRE2_SIZE at = 0;
    size_t nhits = S->hits.len, nturns = S->turns.len;
    while (at <= len) {
      int rc = pcre2_match(rule_code(tg, r), (PCRE2_SPTR)S->utf8.data, len, at,
                           PCRE2_NO_UTF_CHECK, tg->md, tg->mctx);
      if (rc == PCRE2_ERROR_NOMATCH)
        break;
      if (rc < 0) {
        PCRE2_UCHAR msg[120];
        pcre2_get_error_message(rc, msg, sizeof msg);
        if (lichang__doc_warn(doc,
                              "byte %zu: phrase rule %s:%u skipped for this "
                              "passage: %s",
                              (size_t)doc->text.off[q->start], rules[r].file,
                              rules[r].line,
                              (char *)msg) == LICHANG_ENOMEM)
          return LICHANG_ENOMEM;
        S->hits.len = nhits; /* the whole rule is skipped, earlier hits too */
        S->turns.len = nturns;
        break;
      }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(tg->md);
      if (ov[1] > ov[0]) {
        hit *h = lichang__vec_push(&S->hits);
        if (!h)
          return LICHANG_ENOMEM;
        h->start = b2c[ov[0]];
        h->end = b2c[ov[1]];
        h->rule = rules + r;
        if (turn_group > 0 && turn_group < rc &&
            ov[2 * turn_group] != PCRE2_UNSET &&
            push_turn(S, b2c[ov[2 * turn_group]], REJECT_FACTOR, 1.0))
          return LICHANG_ENOMEM;
      }
      at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
      while (at < len && (S->utf8.data[at] & 0xC0) == 0x80)
        at++;
    }
  }
  return 0;
}

static int add_target(lichang_quote *q, const char *topic) {
  const char **have = q->targets.data;
  for (size_t m = 0; m < q->targets.len; m++)
    if (have[m] == topic || strcmp(have[m], topic) == 0)
      return 0;
  const char **slot = lichang__vec_push(&q->targets);
  if (!slot)
    return LICHANG_ENOMEM;
  *slot = topic;
  return 0;
}

/* Tokens [k0, k1) of the passage: their clause numbers. */
static int number_clauses(scratch *S, const lc_text *t, const lc_token *tok,
                          size_t k0, size_t k1, uint32_t a) {
  S->clause.len = 0;
  uint32_t clause = 0;
  uint32_t i = a;
  for (size_t k = k0; k < k1; k++) {
    for (; i < tok[k].start; i++)
      if (is_clause_end(t->cp, i, t->n) && clause < UINT32_MAX - 1)
        clause++;
    i = tok[k].end;
    uint32_t *c = lichang__vec_push(&S->clause);
    if (!c)
      return LICHANG_ENOMEM;
    *c = clause;
  }
  return 0;
}

/* Contrast markers are turns; so is the end of a concession's clause. */
static int find_turns(scratch *S, const lc_token *tok, size_t k0,
                      size_t k1) {
  const uint32_t *clause = S->clause.data;
  for (size_t k = k0; k < k1; k++) {
    const lc_entry *e = mod_at(S, k);
    if (mod_of(e, LC_MOD_CONTRAST)) {
      /* A passage that opens with the marker turns from nothing. */
      if (k > k0 && push_turn(S, tok[k].start, 1.0 - 0.5 * e->factor,
                              e->factor))
        return LICHANG_ENOMEM;
    }
  }
  for (size_t k = k0; k < k1; k++) {
    const lc_entry *e = mod_at(S, k);
    if (!mod_of(e, LC_MOD_CONCESSION))
      continue;
    /* The concession covers the first clause with words after it. */
    size_t j = k + 1;
    if (j < k1 && clause[j - k0] != clause[k - k0]) {
      uint32_t c = clause[j - k0];
      while (j < k1 && clause[j - k0] == c)
        j++;
    } else
      while (j < k1 && clause[j - k0] == clause[k - k0])
        j++;
    if (j < k1 &&
        push_turn(S, tok[j].start, 1.0 - 0.5 * e->factor, e->factor))
      return LICHANG_ENOMEM;
  }
  return 0;
}

static bool inside_hit(const scratch *S, uint32_t a, uint32_t b) {
  const hit *h = S->hits.data;
  for (size_t i = 0; i < S->hits.len; i++)
    if (h[i].start <= a && b <= h[i].end)
      return true;
  return false;
}

/* Whether entry e of token t is a hedge that also has a stance of its own
 * (stance.txt): 恐 hedges what follows as 可能 does, but foretells a harm
 * (恐成蚊子捷运). Where its clause has other evidence it only hedges it;
 * alone it votes for its own stance, not for caution. */
static bool is_foreboding(const lc_token *t, const lc_entry *e) {
  return t->entry >= 0 && (t->kinds & LC_K_STANCE) &&
         (t->kinds & LC_K_MODIFIER) &&
         mod_of(e, LC_MOD_HEDGE) && e->stance != LICHANG_NEUTRAL;
}

/* Whether code points [a, b) hold a sentence end (。 ! ? ; or a line break). */
static bool sentence_ends(const lc_text *t, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b && i < t->n; i++)
    if (lichang__sentence_end(t->cp[i]))
      return true;
  return false;
}

/* The directive (要, 需要, 力争: modifiers.txt) each token of the passage
 * is governed by from an earlier clause of its sentence, or NULL, in one
 * pass: a directive that opens a clause governs the clauses after it too
 * (要深入推进…，持续推进…，着力改善… lists aims: goals, none an outlook),
 * until the sentence ends or the passage turns (但, 虽然). A condition
 * (如果) and a purpose (为了) keep to their own clause. */
static int find_directives(scratch *S, const lc_text *t, const lc_token *tok,
                           size_t k0, size_t k1) {
  const uint32_t *clause = S->clause.data;
  const lc_entry *cur = NULL, *opening = NULL;
  S->over.len = 0;
  for (size_t k = k0; k < k1; k++) {
    if (k > k0) {
      if (sentence_ends(t, tok[k - 1].end, tok[k].start))
        cur = opening = NULL;
      else if (clause[k - k0] != clause[k - 1 - k0]) {
        if (opening)
          cur = opening;
        opening = NULL;
      }
    }
    const lc_entry *m = mod_at(S, k);
    if (mod_of(m, LC_MOD_CONTRAST) || mod_of(m, LC_MOD_CONCESSION))
      cur = opening = NULL;
    else if (mod_of(m, LC_MOD_DIRECTIVE) && opens_clause(S, k))
      opening = m;
    const lc_entry **slot = lichang__vec_push(&S->over);
    if (!slot)
      return LICHANG_ENOMEM;
    *slot = cur;
  }
  return 0;
}

/* The directive token k inherits from an earlier clause, or NULL. */
static const lc_entry *directive_over(const scratch *S, size_t k) {
  return ((const lc_entry *const *)S->over.data)[k - S->k0];
}

enum { CLAUSE_VOTED = 1, CLAUSE_HEDGED = 2 };

/* Votes of the lexicon terms, with their clause's modifiers applied. */
static int term_votes(scratch *S, const lc_entry *ents, const lc_text *t,
                      const lc_token *tok, size_t k0, size_t k1) {
  const uint32_t *clause = S->clause.data;
  size_t nclause = k1 > k0 ? (size_t)clause[k1 - 1 - k0] + 1 : 1;
  S->flags.len = 0; /* per clause, in the scratch: no allocation a passage */
  while (S->flags.len < nclause)
    if (!lichang__vec_push(&S->flags))
      return LICHANG_ENOMEM;
  uint8_t *flags = S->flags.data;
  int rc = 0;
  for (size_t k = k0; k < k1 && !rc; k++) {
    const lc_entry *e = tok_entry(ents, tok + k, LC_K_STANCE);
    uint32_t c = clause[k - k0];
    if (!e || e->stance == LICHANG_NEUTRAL)
      continue;
    if (inside_hit(S, tok[k].start, tok[k].end))
      continue;
    if (is_foreboding(tok + k, e))
      continue; /* it votes only alone, below */
    lichang_stance st = e->stance;
    double w = e->weight, mult = 1.0;
    int flips = 0;
    double weak = 0;
    bool graded = false; /* an intensifier makes a base word a claim */
    bool directed = false; /* a directive in its own clause governs it */
    for (size_t j = k; j-- > k0 && clause[j - k0] == c;) {
      const lc_entry *m = mod_at(S, j);
      size_t dist = k - j;
      if (mod_of(m, LC_MOD_CONTRAST) || mod_of(m, LC_MOD_CONCESSION))
        break; /* a turn starts a new scope */
      if (mod_of(m, LC_MOD_NEGATOR) && dist <= NEG_WINDOW) {
        if (attribute_negator(t, tok, j, k))
          continue; /* it negates the attribute before 的 */
        if (m->factor > 0 && m->factor <= 1)
          weak = m->factor;
        else if (m->factor > 1 && st == LICHANG_SKEPTICAL)
          mult /= m->factor; /* a prohibition: the harm stays a harm */
        else
          flips++;
      } else if (((mod_of(m, LC_MOD_INTENSIFIER) || downtoner_of(m)) &&
                  dist <= MOD_WINDOW) ||
                 (downtoner_of(m) && opens_clause(S, j))) {
        if (!scopes_caution(m, st))
          mult *= m->factor;
        graded |= mod_of(m, LC_MOD_INTENSIFIER) != NULL;
        directed |= mod_of(m, LC_MOD_DIRECTIVE) != NULL;
      } else if (mod_of(m, LC_MOD_HEDGE))
        mult *= m->factor;
    }
    const lc_entry *d = directed ? NULL : directive_over(S, k);
    if (d && !scopes_caution(d, st))
      mult *= d->factor;
    const char *rule = "lexicon";
    bool bare = !(flips & 1) && !graded && e->weight <= WEAK_TERM;
    if (flips & 1) {
      st = negate(st, &w);
      rule = "negated";
    } else if (bare)
      w *= 0.5; /* a base word says little until negated or graded */
    const vote *v = S->votes.data;
    for (size_t i = 0, seen = 0; i < S->votes.len && seen < 2; i++)
      if (v[i].term == e->surface) {
        w *= REPEAT; /* a repeated word is one point made again */
        seen++;
      }
    if (weak > 0) {
      st = LICHANG_CAUTIOUS;
      w *= weak;
      rule = "weakly negated";
    }
    if (!bare)
      flags[c] |= CLAUSE_VOTED; /* a bare base word leaves room for a
                                   hedge's vote */
    rc = push_vote(S, tok[k].start, tok[k].end, rule, e->surface, st, w * mult);
    if (!rc && bare && weak == 0)
      ((vote *)S->votes.data)[S->votes.len - 1].base = true;
  }
  /* Hedges in clauses that have no other evidence. */
  for (size_t k = k0; k < k1 && !rc; k++) {
    const lc_entry *e = tok_entry(ents, tok + k, LC_K_MODIFIER);
    uint32_t c = clause[k - k0];
    if (!mod_of(e, LC_MOD_HEDGE) || flags[c])
      continue;
    bool covered = false;
    const hit *h = S->hits.data;
    for (size_t i = 0; i < S->hits.len && !covered; i++) {
      /* a rule hit in the same clause is evidence too */
      size_t j = k0;
      while (j < k1 && tok[j].end <= h[i].start)
        j++;
      covered = j < k1 && clause[j - k0] == c;
    }
    if (covered)
      continue;
    flags[c] |= CLAUSE_HEDGED;
    if (is_foreboding(tok + k, e))
      rc = push_vote(S, tok[k].start, tok[k].end, hedge_rule, e->surface,
                     e->stance, e->weight);
    else
      rc = push_vote(S, tok[k].start, tok[k].end, hedge_rule, e->surface,
                     LICHANG_CAUTIOUS, HEDGE_ALONE * (1.0 - e->factor));
  }
  return rc;
}

/* Votes of the phrase rules; a negator token just before a hit flips it. */
static int rule_votes(scratch *S, const lc_text *t, const lc_token *tok,
                      size_t k0, size_t k1) {
  const hit *h = S->hits.data;
  const uint32_t *clause = S->clause.data;
  for (size_t i = 0; i < S->hits.len; i++) {
    lichang_stance st = h[i].rule->stance;
    double w = h[i].rule->weight, mult = 1.0;
    const char *rule = "phrase";
    double weak = 0;
    bool directed = false;
    size_t j = k0;
    while (j < k1 && tok[j].end <= h[i].start)
      j++;
    /* Modifiers before a hit that starts on a word boundary, as for terms:
     * negators (each flips it; a weak one, 避免, makes it cautious),
     * intensifiers, downtoners (是否, 能否) and hedges. A rule that spells out its own negation keeps it inside its
     * match, where this does not look; one more before it is a double
     * negation (不是没有关系). */
    if (j < k1 && tok[j].start >= h[i].start) {
      uint32_t c = clause[j - k0];
      for (size_t m = j; m-- > k0 && clause[m - k0] == c;) {
        const lc_entry *e = mod_at(S, m);
        size_t dist = j - m;
        if (mod_of(e, LC_MOD_CONTRAST) || mod_of(e, LC_MOD_CONCESSION))
          break;
        if (mod_of(e, LC_MOD_NEGATOR) && attribute_negator(t, tok, m, j))
          continue; /* 不X的 + the hit: X is what it negates */
        if (mod_of(e, LC_MOD_NEGATOR) && dist <= NEG_WINDOW &&
            e->factor > 1 && h[i].rule->stance == LICHANG_SKEPTICAL) {
          mult /= e->factor; /* a prohibition, as for terms */
        } else if (mod_of(e, LC_MOD_NEGATOR) && dist <= NEG_WINDOW &&
                   e->factor > 0 && e->factor <= 1) {
          weak = e->factor;
        } else if (mod_of(e, LC_MOD_NEGATOR) && dist <= NEG_WINDOW) {
          st = negate(st, &w);
          rule = "negated phrase";
        } else if (((mod_of(e, LC_MOD_INTENSIFIER) || downtoner_of(e)) &&
                    dist <= MOD_WINDOW) ||
                   (downtoner_of(e) && opens_clause(S, m))) {
          if (!scopes_caution(e, h[i].rule->stance))
            mult *= e->factor;
          directed |= mod_of(e, LC_MOD_DIRECTIVE) != NULL;
        }
        else if (mod_of(e, LC_MOD_HEDGE))
          mult *= e->factor;
      }
      const lc_entry *d = directed ? NULL : directive_over(S, j);
      if (d && !scopes_caution(d, h[i].rule->stance))
        mult *= d->factor;
    }
    if (weak > 0) {
      st = LICHANG_CAUTIOUS; /* 避免局势升级: a warning, not a forecast */
      w *= weak;
      rule = "weakly negated phrase";
    }
    if (push_vote(S, h[i].start, h[i].end, rule, h[i].rule->comment, st,
                  w * mult))
      return LICHANG_ENOMEM;
  }
  return 0;
}

static int by_position(const void *a, const void *b) {
  const vote *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end ? 1 : 0;
}

/* Sums the votes into a stance and a score (see the rules at the top). */
static void decide(lichang_quote *q) {
  const lichang_evidence *ev = q->evidence.data;
  double sum[4] = {0};
  for (size_t i = 0; i < q->evidence.len; i++)
    sum[ev[i].stance] += ev[i].weight;
  double O = sum[LICHANG_OPTIMISTIC], C = sum[LICHANG_CAUTIOUS],
         Sk = sum[LICHANG_SKEPTICAL], T = O + C + Sk;
  if (T < NEUTRAL_BELOW) {
    q->stance = LICHANG_NEUTRAL;
    q->score = 0.8 * (1.0 - T / NEUTRAL_BELOW);
    return;
  }
  double hi = O > Sk ? O : Sk, lo = O > Sk ? Sk : O;
  if (lo >= BALANCE * hi && lo > 0 && C + lo + hi > 0) {
    q->stance = LICHANG_CAUTIOUS;
    q->score = (lo / hi) * (1.0 - exp(-T)) * 0.7;
    return;
  }
  lichang_stance best = LICHANG_CAUTIOUS;
  double b = C;
  if (O > b) {
    best = LICHANG_OPTIMISTIC;
    b = O;
  }
  if (Sk > b) {
    best = LICHANG_SKEPTICAL;
    b = Sk;
  }
  double second = 0;
  for (int s = 1; s < 4; s++)
    if (s != (int)best && sum[s] > second)
      second = sum[s];
  q->stance = best;
  q->score = (b - second) / b * (1.0 - exp(-b));
}

/* A negated attribution verb (陈然并不认为X) scopes over the whole passage:
 * every vote is negated, and the denial itself is a vote for skeptical —
 * the whole weight when X says nothing evaluative (he denies a claim), half
 * when X has votes of its own, which now point the other way. Its span is
 * the last negator before the passage. */
static int deny(scratch *S, const lc_entry *ents, const lc_token *tok,
                size_t k0, const lichang_quote *q) {
  vote *v = S->votes.data;
  size_t n = S->votes.len;
  for (size_t i = 0; i < n; i++) {
    v[i].stance = negate(v[i].stance, &v[i].weight);
    v[i].rule = "negated attribution";
  }
  uint32_t a = q->start, b = q->start;
  for (size_t k = k0, seen = 0; k-- > 0 && seen < 8; seen++)
    if (tok[k].entry >= 0 && mod_of(ents + tok[k].entry, LC_MOD_NEGATOR)) {
      a = tok[k].start;
      b = tok[k].end;
      break;
    }
  return push_vote(S, a, b, "negated attribution", "a negated speech verb",
                   LICHANG_SKEPTICAL, n ? 0.5 : DENIAL);
}

/* Whether code point c ends a sentence, or closes a quotation, for the
 * search of a passage's attribution verb. */
static bool ends_sentence(uint32_t c) {
  return lichang__sentence_end(c) || c == 0x300D || c == 0x300F ||
         c == 0x201D; /* 」 』 ” */
}

/* The verb that attributes the passage may judge it: 批評，X is blame and
 * 稱讚，X praise whatever X's words are (as 並不認為 X is a denial). The
 * verb is the last speech verb of the few tokens before the passage in its
 * sentence, or, for a closing attribution (「X」某某批評。), the first one
 * after it that ends the sentence. A verb listed in dict/stance.txt too
 * votes with its stance at FRAMING x its weight; a plain verb of saying
 * (說, 表示) says nothing, and the search goes on past it (批評說，X),
 * unless a stance term just before it says how it was said (無奈表示，
 * 樂觀地說), which votes the same way. */
static int framing_vote(scratch *S, const lc_entry *ents, const lc_text *t,
                        const lc_token *tok, size_t ntok, size_t k0, size_t k1,
                        const lichang_quote *q) {
  const lc_entry *verb = NULL;
  size_t at = 0;
  uint32_t limit = q->start;
  for (size_t k = k0, n = 0; k-- > 0 && n < FRAME_REACH && !verb; n++) {
    /* the marks just before the passage (，「 ：「) are the attribution's;
     * any clause end further back is another clause's (被批評後，他表示) */
    bool stop = false;
    for (uint32_t i = tok[k].start; i < limit && !stop; i++)
      stop = ends_sentence(t->cp[i]) ||
             (n > 0 && is_clause_end(t->cp, i, t->n));
    if (stop)
      break;
    const lc_entry *e = tok_entry(ents, tok + k, LC_K_SPEECH);
    if (e && (e->kinds & LC_K_STANCE) && e->stance != LICHANG_NEUTRAL &&
        !(k > 0 && tok[k - 1].end == tok[k].start &&
          tok[k - 1].end - tok[k - 1].start == 1 &&
          (t->cp[tok[k - 1].start] == 0x88AB ||   /* 被 */
           t->cp[tok[k - 1].start] == 0x906D)))   /* 遭: blamed, not blaming */
      verb = e, at = k;
    else if (e && k > 0) {
      /* a plain verb said in a manner: 無奈表示, 樂觀地說 */
      size_t m = k - 1;
      if (m > 0 && tok[m].end - tok[m].start == 1 &&
          t->cp[tok[m].start] == 0x5730) /* 地 */
        m--;
      const lc_entry *how = tok_entry(ents, tok + m, LC_K_STANCE);
      if (how && how->stance != LICHANG_NEUTRAL && how->weight > WEAK_TERM &&
          tok[m].end + (m + 1 < k ? 1u : 0u) == tok[k].start)
        verb = how, at = m;
    }
    limit = tok[k].start;
  }
  /* 「X。」某某批評。: after the passage and its closing mark, a verb that
   * ends the sentence */
  uint32_t from = q->end, j = q->end;
  while (j < t->n && j < q->end + 3 &&
         (t->cp[j] == 0x3002 || t->cp[j] == '!' || t->cp[j] == '?' ||
          t->cp[j] == 0x2026))
    j++;
  if (j < t->n && (t->cp[j] == 0x300D || t->cp[j] == 0x300F ||
                   t->cp[j] == 0x201D || t->cp[j] == '"'))
    from = j + 1; /* the marks inside the quotation end it, not the sentence */
  size_t k = k1;
  while (k < ntok && tok[k].end <= from)
    k++;
  for (size_t n = 0; !verb && k < ntok && n < FRAME_REACH; k++, n++) {
    bool stop = false;
    for (uint32_t i = from; i < tok[k].end && !stop; i++)
      stop = is_clause_end(t->cp, i, t->n) || ends_sentence(t->cp[i]) ||
             t->cp[i] == 0x300C || t->cp[i] == 0x201C;
    if (stop)
      break;
    from = tok[k].end;
    const lc_entry *e = tok_entry(ents, tok + k, LC_K_SPEECH);
    if (!e)
      continue;
    size_t first = k; /* the evidence is this verb, not the 說 after it */
    uint32_t i = tok[k].end;
    while (i < t->n && k + 1 < ntok && tok[k + 1].start == i &&
           tok_entry(ents, tok + k + 1, LC_K_SPEECH))
      i = tok[++k].end; /* 批評說。 */
    if ((e->kinds & LC_K_STANCE) && e->stance != LICHANG_NEUTRAL &&
        (i >= t->n || t->cp[i] == 0x3002 || t->cp[i] == '!' ||
         t->cp[i] == '\n'))
      verb = e, at = first;
    break;
  }
  if (!verb)
    return 0;
  return push_vote(S, tok[at].start, tok[at].end, framing_rule, verb->surface,
                   verb->stance, FRAMING * verb->weight);
}

static int passage(lichang_tagger *tg, lichang_doc *doc, scratch *S,
                   lichang_quote *q, size_t k0, size_t k1) {
  const lc_entry *ents = tg->lx->entries.data;
  const lc_token *tok = doc->tokens.data;
  const lc_text *t = &doc->text;
  int rc;
  S->votes.len = S->turns.len = 0;
  for (size_t k = k0; k < k1; k++) {
    const lc_entry *e = tok_entry(ents, tok + k, LC_K_TOPIC);
    if (e && e->topic &&
        (rc = add_target(q, e->topic)))
      return rc;
  }
  if ((rc = number_clauses(S, t, tok, k0, k1, q->start)) ||
      (rc = find_mods(S, tg->lx, t, tok, k0, k1)) ||
      (rc = find_directives(S, t, tok, k0, k1)) ||
      (rc = run_rules(tg, doc, S, q)) ||
      (rc = find_turns(S, tok, k0, k1)) ||
      (rc = term_votes(S, ents, t, tok, k0, k1)) ||
      (rc = rule_votes(S, t, tok, k0, k1)))
    return rc;
  if (q->negated && (rc = deny(S, ents, tok, k0, q)))
    return rc;
  if ((rc = framing_vote(S, ents, t, tok, doc->tokens.len, k0, k1, q)))
    return rc;
  vote *v = S->votes.data;
  double base = 0;
  for (size_t i = 0; i < S->votes.len; i++)
    base += v[i].base ? v[i].weight : 0;
  for (size_t i = 0; base > BASE_CAP && i < S->votes.len; i++)
    if (v[i].base)
      v[i].weight *= BASE_CAP / base;
  if (S->votes.len > 1)
    qsort(v, S->votes.len, sizeof *v, by_position);
  for (size_t i = 0; i < S->votes.len; i++) {
    lichang_evidence *ev = lichang__vec_push(&q->evidence);
    if (!ev)
      return LICHANG_ENOMEM;
    ev->rule = v[i].rule;
    ev->term = v[i].term;
    ev->span.start = t->off[v[i].start];
    ev->span.end = t->off[v[i].end];
    ev->stance = v[i].stance;
    double pos = position(S, v[i].start);
    if (v[i].rule == hedge_rule && pos > 1)
      pos = 1; /* a turn stresses a point; a lone hedge makes none */
    if (v[i].rule == framing_rule)
      pos = 1; /* the verb frames the whole passage, turns and all */
    ev->weight = v[i].weight * pos;
  }
  decide(q);
  return 0;
}

int lichang__stance(lichang_tagger *tg, lichang_doc *doc) {
  const lc_token *tok = doc->tokens.data;
  lichang_quote *q = doc->quotes.data;
  size_t ntok = doc->tokens.len;
  scratch S = {0};
  S.b2c.size = sizeof(uint32_t);
  S.clause.size = sizeof(uint32_t);
  S.mods.size = sizeof(const lc_entry *);
  S.votes.size = sizeof(vote);
  S.turns.size = sizeof(turn);
  S.hits.size = sizeof(hit);
  S.found.size = sizeof(uint64_t);
  S.run.size = sizeof(uint32_t);
  S.flags.size = sizeof(uint8_t);
  S.over.size = sizeof(const lc_entry *);
  int rc = 0;
  for (size_t i = 0; i < doc->quotes.len && !rc; i++) {
    q[i].evidence.len = 0;
    q[i].targets.len = 0;
    size_t lo = 0, hi = ntok; /* first token starting at or after start */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (tok[mid].start < q[i].start)
        lo = mid + 1;
      else
        hi = mid;
    }
    size_t k1 = lo;
    while (k1 < ntok && tok[k1].end <= q[i].end)
      k1++;
    rc = passage(tg, doc, &S, q + i, lo, k1);
  }
  lichang__buf_free(&S.utf8);
  lichang__vec_free(&S.b2c);
  lichang__vec_free(&S.clause);
  lichang__vec_free(&S.mods);
  lichang__vec_free(&S.votes);
  lichang__vec_free(&S.turns);
  lichang__vec_free(&S.hits);
  lichang__vec_free(&S.found);
  lichang__vec_free(&S.run);
  lichang__vec_free(&S.flags);
  lichang__vec_free(&S.over);
  return rc;
}
