/* Error reporting: a code plus a message in the caller's lichang_error.
 * No thread-local "last error": batches hand errors between threads. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

const char *lichang_strerror(int code) {
  switch (code) {
  case LICHANG_OK:
    return "success";
  case LICHANG_ENOMEM:
    return "out of memory";
  case LICHANG_EINVAL:
    return "invalid argument";
  case LICHANG_EIO:
    return "cannot read lexicon file";
  case LICHANG_EDICT:
    return "malformed lexicon entry";
  case LICHANG_ERULE:
    return "phrase rule does not compile";
  case LICHANG_EINPUT:
    return "input cannot be tagged";
  case LICHANG_ELIMIT:
    return "input exceeds a limit";
  default:
    return "unknown error";
  }
}

void lichang__error_clear(lichang_error *err) {
  if (!err)
    return;
  memset(err, 0, sizeof *err);
  err->offset = (size_t)-1;
}

int lichang__error(lichang_error *err, int code, const char *fmt, ...) {
  if (err) {
    lichang__error_clear(err);
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return code;
}

int lichang__error_at(lichang_error *err, int code, const char *file,
                      unsigned line, unsigned column, const char *fmt, ...) {
  if (err) {
    lichang__error_clear(err);
    err->code = code;
    err->line = line;
    err->column = column;
    snprintf(err->file, sizeof err->file, "%s", file);
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(err->message, sizeof err->message, "%s:%u:%u: %s", file, line,
             column, what);
  }
  return code;
}
