/* fuzz_jsonl: bytes as one JSON Lines record, through the reader the
 * batch uses (cli/jsonl.c, cli_record_parse).
 *
 * A record that parses has NUL-terminated strings and a text length that
 * matches; one that does not names a byte offset inside the line. */
#include "cli.h"

#include <stdint.h>
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* An exact-size copy, so ASan sees any read past the line's end. */
  char *line = malloc(size ? size : 1);
  CHECK(line);
  memcpy(line, data, size);
  cli_record r;
  char err[256];
  if (cli_record_parse(line, size, &r, err, sizeof err)) {
    if (r.text) {
      CHECK(r.text[r.text_len] == '\0');
      CHECK(r.text_len <= size);
    }
    if (r.id)
      CHECK(strlen(r.id) <= size);
    if (r.title)
      CHECK(strlen(r.title) <= size);
    /* text_type says what "text" was; only a string gives r.text. */
    CHECK(r.text_type >= 0 && r.text_type <= 2);
    CHECK((r.text != NULL) == (r.text_type == 1));
    /* Members passed through are copied as written: ",\"key\":value…". */
    if (r.extra) {
      CHECK(r.extra_len <= size + 1 && strlen(r.extra) == r.extra_len);
      CHECK(r.extra[0] == ',' && r.extra[1] == '"');
      /* ... and, put back in braces, they are a JSON object again: what
       * the output line holds must parse. */
      char *again = malloc(r.extra_len + 2);
      CHECK(again);
      again[0] = '{';
      memcpy(again + 1, r.extra + 1, r.extra_len - 1);
      again[r.extra_len] = '}';
      cli_record r2;
      char err2[256];
      CHECK(cli_record_parse(again, r.extra_len + 1, &r2, err2, sizeof err2));
      cli_record_free(&r2);
      free(again);
    }
    if (r.id_json)
      CHECK(strlen(r.id_json) <= size);
    if (r.id)
      CHECK(r.id_json != NULL);
    cli_record_free(&r);
    CHECK(!r.id && !r.title && !r.text);
  } else {
    char *end;
    CHECK(strncmp(err, "byte ", 5) == 0);
    unsigned long long at = strtoull(err + 5, &end, 10);
    CHECK(end > err + 5 && at <= size && end[0] == ':');
    CHECK(!r.id && !r.title && !r.text && !r.extra && !r.id_json);
  }
  free(line);
  return 0;
}
