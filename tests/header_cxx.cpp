// lichang.h on its own, compiled as C++ with -Wall -Wextra -pedantic
// -Werror: extern "C", no C-only constructs, the options initialiser valid
// C++. Linked and run against the C library.
#include "lichang.h"

int main() {
  lichang_options opts = LICHANG_OPTIONS_INIT;
  lichang_lexicon *lexicon = nullptr;
  lichang_tagger *tagger = nullptr;
  lichang_error err;
  int rc = lichang_lexicon_builtin(&lexicon, &err);
  if (rc == LICHANG_OK)
    rc = lichang_tagger_new(&tagger, lexicon, &opts, &err);
  lichang_tagger_free(tagger);
  lichang_lexicon_free(lexicon);
  lichang_stance stance = LICHANG_SKEPTICAL;
  return rc == LICHANG_OK && lichang_stance_name(stance)[0] == 's' ? 0 : 1;
}
