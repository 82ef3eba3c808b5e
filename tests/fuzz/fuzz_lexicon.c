/* fuzz_lexicon: bytes as the text of one lexicon file, of each kind.
 *
 * Byte 0 picks the file (stance.txt, topics.txt, …, rules.txt, in the
 * order lib/lexicon.c handles them); the rest is its text. A file that
 * loads must give a lexicon that tags — a fixed article, and the bytes
 * themselves as an article, so phrase rules meet text made of their own
 * pieces (catastrophic backtracking must hit PCRE2's limits, not hang). A
 * file that fails must say where: "NAME:LINE:COLUMN: what". */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c)) {                                                                \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);     \
      abort();                                                                 \
    }                                                                          \
  } while (0)

static const char article[] =
    "經濟學家王立明認為，「這項政策不會帶來突破，風險仍然很大。」\n"
    "但李家豪表示，市场前景乐观，“我们有信心在明年实现增长。”\n"
    "『未必如此，』分析師說，他擔心成本上升。aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";

static void tag(lichang_tagger *tg, const char *text, size_t len) {
  lichang_doc *doc;
  lichang_error err;
  CHECK(lichang_tag(&doc, tg, text, len, &err) == 0);
  size_t n;
  char *json = lichang_doc_to_json(doc, NULL, &n);
  CHECK(json && strlen(json) == n);
  lichang_free(json);
  lichang_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t nfiles = 0;
  while (lichang__lexicon_file(nfiles))
    nfiles++;
  if (size < 1 || size > (1u << 16))
    return 0;
  const char *name = lichang__lexicon_file(data[0] % nfiles);
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  lichang_lexicon *lx;
  lichang_error err;
  int rc = lichang__lexicon_parse_buffer(&lx, name, text, len, &err);
  if (rc < 0) {
    CHECK(lx == NULL);
    CHECK(rc == LICHANG_EDICT || rc == LICHANG_ERULE);
    CHECK(strcmp(err.file, name) == 0 && err.line >= 1 && err.column >= 1);
    char where[160];
    snprintf(where, sizeof where, "%s:%u:%u: ", name, err.line, err.column);
    CHECK(strncmp(err.message, where, strlen(where)) == 0);
    return 0;
  }
  CHECK(rc == 0 && lx != NULL);
  lichang_tagger *tg;
  CHECK(lichang_tagger_new(&tg, lx, NULL, &err) == 0);
  tag(tg, article, sizeof article - 1);
  tag(tg, text, len);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  return 0;
}
