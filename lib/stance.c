/* Stage 7: label each passage's stance, with its evidence.
 *
 * Input: passages, tokens, the lexicon's stance terms and modifiers.
 * Output: quote->stance, ->score in [0, 1], ->evidence, ->targets. This first
 * version sums the weights of stance terms in the passage, flipping a term
 * that a negator directly precedes; the stance issue brings clause-by-clause
 * scoring, contrast, hedges and phrase rules. */
#include "internal.h"

#include <math.h>

static lichang_stance flip(lichang_stance s) {
  return s == LICHANG_OPTIMISTIC  ? LICHANG_SKEPTICAL
         : s == LICHANG_SKEPTICAL ? LICHANG_OPTIMISTIC
                                  : s;
}

int lichang__stance(lichang_tagger *tg, lichang_doc *doc) {
  const lc_entry *ents = tg->lx->entries.data;
  const lc_token *tok = doc->tokens.data;
  const lc_text *t = &doc->text;
  lichang_quote *q = doc->quotes.data;
  size_t ntok = doc->tokens.len, k = 0;
  for (size_t i = 0; i < doc->quotes.len; i++) {
    double sum[4] = {0};
    while (k > 0 && tok[k - 1].end > q[i].start)
      k--;
    while (k < ntok && tok[k].start < q[i].start)
      k++;
    for (size_t j = k; j < ntok && tok[j].end <= q[i].end; j++) {
      const lc_entry *e = tok[j].entry >= 0 ? ents + tok[j].entry : NULL;
      if (!e)
        continue;
      if ((e->kinds & LC_K_TOPIC) && e->topic) {
        bool dup = false;
        for (size_t m = 0; m < q[i].targets.len && !dup; m++)
          dup = ((const char **)q[i].targets.data)[m] == e->topic;
        const char **slot = dup ? NULL : lichang__vec_push(&q[i].targets);
        if (!dup && !slot)
          return LICHANG_ENOMEM;
        if (slot)
          *slot = e->topic;
      }
      if (!(e->kinds & LC_K_STANCE))
        continue;
      lichang_stance s = e->stance;
      double w = e->weight;
      const char *rule = "lexicon";
      if (j > k && tok[j - 1].entry >= 0) {
        const lc_entry *p = ents + tok[j - 1].entry;
        if ((p->kinds & LC_K_MODIFIER) && p->mod == LC_MOD_NEGATOR) {
          s = flip(s);
          rule = "negated";
        }
      }
      sum[s] += w;
      lichang_evidence *ev = lichang__vec_push(&q[i].evidence);
      if (!ev)
        return LICHANG_ENOMEM;
      ev->rule = rule;
      ev->term = e->surface;
      ev->span.start = t->off[tok[j].start];
      ev->span.end = t->off[tok[j].end];
      ev->stance = s;
      ev->weight = w;
    }
    double total = sum[1] + sum[2] + sum[3];
    int best = 0;
    for (int s = 1; s < 4; s++)
      if (sum[s] > (best ? sum[best] : 0))
        best = s;
    q[i].stance = (lichang_stance)best;
    q[i].score = total > 0 ? sum[best] / total * (1 - exp(-total)) : 0;
  }
  return 0;
}
