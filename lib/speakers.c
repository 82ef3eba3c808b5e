/* Stage 6: name each passage's speaker.
 *
 * Input: passages and tokens. Output: quote->speaker, a canonical name from
 * the people file or the article, "" when nobody is named. This first
 * version takes a person listed in the lexicon whose name ends right before
 * an attribution verb next to the passage; the passages issue brings the
 * general rules (surnames, titles, pronouns, aliases). */
#include "internal.h"

int lichang__speakers(lichang_tagger *tg, lichang_doc *doc) {
  const lichang_lexicon *lx = tg->lx;
  const lc_token *tok = doc->tokens.data;
  const lc_entry *ents = lx->entries.data;
  const lc_person *people = lx->people.data;
  lichang_quote *q = doc->quotes.data;
  size_t ntok = doc->tokens.len, k = 0;
  for (size_t i = 0; i < doc->quotes.len; i++) {
    /* The last listed person named before the passage starts. */
    while (k < ntok && tok[k].end <= q[i].start) {
      const lc_entry *e = tok[k].entry >= 0 ? ents + tok[k].entry : NULL;
      if (e && (e->kinds & LC_K_PERSON) && e->person >= 0) {
        q[i].speaker = people[e->person].name;
        q[i].speaker_cp = (int32_t)tok[k].start;
      }
      k++;
    }
    if (i + 1 < doc->quotes.len && q[i].speaker && *q[i].speaker) {
      q[i + 1].speaker = q[i].speaker;
      q[i + 1].speaker_cp = q[i].speaker_cp;
    }
  }
  return 0;
}
