/* The tagger: runs the stages over one article.
 *
 * A tagger is per-thread scratch over a shared, immutable lexicon: the ICU
 * break iterator, the PCRE2 match data and match limits. Each article gets
 * a fresh doc; nothing of one article leaks into the next. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const char *lichang_version(void) { return LICHANG_VERSION_STRING; }

const char *lichang_stance_name(lichang_stance s) {
  switch (s) {
  case LICHANG_OPTIMISTIC:
    return "optimistic";
  case LICHANG_CAUTIOUS:
    return "cautious";
  case LICHANG_SKEPTICAL:
    return "skeptical";
  default:
    return "neutral";
  }
}

int lichang_tagger_new(lichang_tagger **out, const lichang_lexicon *lexicon,
                       const lichang_options *opts, lichang_error *err) {
  lichang__error_clear(err);
  if (!out)
    return lichang__error(err, LICHANG_EINVAL, "out is NULL");
  *out = NULL;
  if (!lexicon)
    return lichang__error(err, LICHANG_EINVAL, "lexicon is NULL");
  if (opts && (opts->version < 1 || opts->version > LICHANG_OPTIONS_VERSION))
    return lichang__error(err, LICHANG_EINVAL, "unknown options version %u",
                          opts->version);
  lichang_tagger *tg = calloc(1, sizeof *tg);
  if (!tg)
    return lichang__error(err, LICHANG_ENOMEM, "out of memory");
  lichang_options defaults = LICHANG_OPTIONS_INIT;
  tg->opts = opts ? *opts : defaults;
  tg->lx = lexicon;
  tg->scratch.size = 1;
  int rc = lichang__segmenter_init(&tg->seg, err);
  if (rc) {
    lichang_tagger_free(tg);
    return rc;
  }
  tg->md = pcre2_match_data_create(32, NULL);
  tg->mctx = pcre2_match_context_create(NULL);
  tg->jit = calloc(lexicon->rules.len + 1, sizeof *tg->jit);
  if (!tg->md || !tg->mctx || !tg->jit) {
    lichang_tagger_free(tg);
    return lichang__error(err, LICHANG_ENOMEM, "out of memory");
  }
  /* A phrase rule that backtracks catastrophically is stopped, not waited
   * for: the stance stage skips it for that passage with a warning. */
  pcre2_set_match_limit(tg->mctx, 100000);
  pcre2_set_depth_limit(tg->mctx, 1000);
  *out = tg;
  return 0;
}

void lichang_tagger_free(lichang_tagger *tg) {
  if (!tg)
    return;
  lichang__segmenter_free(&tg->seg);
  pcre2_match_data_free(tg->md);
  pcre2_match_context_free(tg->mctx);
  const lc_rule *rules = tg->lx ? tg->lx->rules.data : NULL;
  for (size_t r = 0; tg->jit && r < tg->lx->rules.len; r++)
    if (tg->jit[r] != rules[r].code)
      pcre2_code_free(tg->jit[r]);
  free(tg->jit);
  lichang__vec_free(&tg->scratch);
  lichang__vec_free(&tg->kw_table);
  lichang__vec_free(&tg->kw_used);
  free(tg);
}

static lichang_doc *doc_new(void) {
  lichang_doc *doc = calloc(1, sizeof *doc);
  if (!doc)
    return NULL;
  doc->tokens.size = sizeof(lc_token);
  doc->keywords.size = sizeof(lc_keyword);
  doc->warnings.size = sizeof(const char *);
  doc->quotes.size = sizeof(lichang_quote);
  doc->mentions.size = sizeof(lc_mention);
  return doc;
}

/* Stage results are in code points; callers want bytes of their input. */
static void fill_spans(lichang_doc *doc) {
  const lc_text *t = &doc->text;
  lichang_quote *q = doc->quotes.data;
  for (size_t i = 0; i < doc->quotes.len; i++) {
    q[i].span.start = t->off[q[i].start];
    q[i].span.end = t->off[q[i].end];
    lichang_evidence *ev = q[i].evidence.data;
    (void)ev; /* evidence spans are filled in bytes by the stance stage */
  }
}

int lichang_tag(lichang_doc **out, lichang_tagger *tg, const char *text,
                size_t len, lichang_error *err) {
  lichang__error_clear(err);
  if (!out)
    return lichang__error(err, LICHANG_EINVAL, "out is NULL");
  *out = NULL;
  if (!tg || (!text && len))
    return lichang__error(err, LICHANG_EINVAL, "tagger or text is NULL");
  if (tg->opts.max_bytes && len > tg->opts.max_bytes) {
    int rc = lichang__error(err, LICHANG_ELIMIT,
                            "byte %zu: article is %zu bytes, limit is %zu",
                            tg->opts.max_bytes, len, tg->opts.max_bytes);
    if (err)
      err->offset = tg->opts.max_bytes;
    return rc;
  }
  if (len >= UINT32_MAX) {
    int rc = lichang__error(err, LICHANG_ELIMIT,
                            "article is %zu bytes; at most 4 GiB", len);
    if (err)
      err->offset = UINT32_MAX - 1;
    return rc;
  }
  lichang_doc *doc = doc_new();
  if (!doc || !(doc->src = malloc(len + 1))) {
    lichang_doc_free(doc);
    return lichang__error(err, LICHANG_ENOMEM, "out of memory");
  }
  if (len)
    memcpy(doc->src, text, len);
  doc->src[len] = '\0';
  doc->len = len;
  int rc = lichang__text_fold(&doc->text, doc, doc->src, len);
  if (!rc)
    rc = lichang__segment(&tg->seg, tg->lx, &doc->text, &doc->tokens);
  if (!rc)
    rc = lichang__keywords(tg, doc);
  if (!rc)
    rc = lichang__passages(tg, doc);
  if (!rc)
    rc = lichang__speakers(tg, doc);
  if (!rc)
    rc = lichang__stance(tg, doc);
  if (rc) {
    lichang_doc_free(doc);
    if (rc == LICHANG_ENOMEM)
      return lichang__error(err, rc, "out of memory");
    return lichang__error(err, rc, "%s", lichang_strerror(rc));
  }
  fill_spans(doc);
  *out = doc;
  return 0;
}
