/* A program built against the installed library, as a user would: the
 * example from lichang.h, made complete. */
#include <lichang.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const char *text = "王立明表示：「這是一次真正的突破，我們已經看到了轉折點。」";
  lichang_lexicon *lex;
  lichang_tagger *tg;
  lichang_doc *doc;
  lichang_error err;
  if (lichang_lexicon_builtin(&lex, &err) < 0) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  if (lichang_tagger_new(&tg, lex, NULL, &err) < 0) {
    fprintf(stderr, "%s\n", err.message);
    lichang_lexicon_free(lex);
    return 1;
  }
  if (lichang_tag(&doc, tg, text, strlen(text), &err) < 0) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  printf("version %s, %zu quote(s)\n", lichang_version(),
         lichang_doc_quote_count(doc));
  for (size_t i = 0; i < lichang_doc_quote_count(doc); i++) {
    const lichang_quote *q = lichang_doc_quote(doc, i);
    double score;
    lichang_stance st = lichang_quote_stance(q, &score);
    printf("%s: %s %.2f\n", lichang_quote_speaker(q), lichang_stance_name(st),
           score);
  }
  int ok = lichang_doc_quote_count(doc) > 0;
  lichang_doc_free(doc);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lex);
  return ok ? 0 : 1;
}
