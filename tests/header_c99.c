/* lichang.h on its own, compiled as C99 with -Wall -Wextra -pedantic
 * -Werror: the public header may lean on nothing a user's build lacks (C11,
 * GNU extensions, a header included before it). Linked and run, so the
 * declarations are also checked against the library. */
#include "lichang.h"

int main(void) {
  lichang_options opts = LICHANG_OPTIONS_INIT;
  lichang_lexicon *lexicon = NULL;
  lichang_error err;
  lichang_span span = {0, 0};
  int rc = lichang_lexicon_builtin(&lexicon, &err);
  lichang_lexicon_free(lexicon);
  return rc == LICHANG_OK && opts.version == LICHANG_OPTIONS_VERSION &&
                 span.end == 0 && lichang_version()[0] != '\0'
             ? 0
             : 1;
}
