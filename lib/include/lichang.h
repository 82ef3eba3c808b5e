/* lichang — who said what in Chinese news, and how they lean.
 *
 * Threads: a lichang_lexicon is immutable once loaded and may be shared by
 * any number of threads. A lichang_tagger holds per-thread scratch (an ICU
 * break iterator, PCRE2 match data, buffers) and is used by one thread at a
 * time; a lichang_doc likewise. There is no global state and no init call.
 * The library never prints, exits or aborts.
 *
 * Ownership: every `**out` object belongs to the caller and is freed with its
 * matching _free function (NULL is a no-op). Accessor results are borrowed
 * from their parent object and live as long as it does. Strings the library
 * returns for the caller to keep are freed with lichang_free().
 *
 * Offsets: every position (lichang_span, lichang_error.offset) is in bytes of
 * the UTF-8 text passed to lichang_tag(), end exclusive.
 *
 * Example:
 *   lichang_lexicon *lex; lichang_tagger *tg; lichang_doc *doc;
 *   lichang_error err;
 *   if (lichang_lexicon_builtin(&lex, &err) < 0) { puts(err.message); ... }
 *   lichang_tagger_new(&tg, lex, NULL, &err);
 *   if (lichang_tag(&doc, tg, text, strlen(text), &err) == 0) {
 *     for (size_t i = 0; i < lichang_doc_quote_count(doc); i++) {
 *       const lichang_quote *q = lichang_doc_quote(doc, i);
 *       printf("%s: %s\n", lichang_quote_speaker(q),
 *              lichang_stance_name(lichang_quote_stance(q, NULL)));
 *     }
 *     lichang_doc_free(doc);
 *   }
 *   lichang_tagger_free(tg);
 *   lichang_lexicon_free(lex);
 */
#ifndef LICHANG_H
#define LICHANG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(LICHANG_SHARED_BUILD)
#define LICHANG_API __declspec(dllexport)
#elif defined(__GNUC__)
#define LICHANG_API __attribute__((visibility("default")))
#else
#define LICHANG_API
#endif

/* The one copy of the version: CMake parses these three lines. */
#define LICHANG_VERSION_MAJOR 0
#define LICHANG_VERSION_MINOR 1
#define LICHANG_VERSION_PATCH 0
#define LICHANG_VERSION_STRING "0.1.0"

/* Returns LICHANG_VERSION_STRING of the library actually linked (static). */
LICHANG_API const char *lichang_version(void);

/* Every function that can fail returns 0 or one of these negative codes. */
typedef enum {
  LICHANG_OK = 0,
  LICHANG_ENOMEM = -1, /* out of memory */
  LICHANG_EINVAL = -2, /* a NULL or otherwise invalid argument */
  LICHANG_EIO = -3,    /* a lexicon file could not be read */
  LICHANG_EDICT = -4,  /* a lexicon line is malformed */
  LICHANG_ERULE = -5,  /* a phrase rule does not compile */
  LICHANG_EINPUT = -6, /* the article cannot be tagged (e.g. not text) */
  LICHANG_ELIMIT = -7  /* the article exceeds a configured limit */
} lichang_status;

/* Filled by a failing call when the caller passes one; NULL is accepted
 * wherever a lichang_error * appears. */
typedef struct lichang_error {
  int code;              /* a lichang_status */
  unsigned line, column; /* lexicon errors: 1-based, column in characters */
  size_t offset;         /* text errors: byte offset, else (size_t)-1 */
  char file[128];        /* lexicon file name, or "" */
  char message[256];     /* "stance.txt:12:7: unknown stance 'optimistc'" */
} lichang_error;

/* Returns a static description of a status code; never NULL. */
LICHANG_API const char *lichang_strerror(int code);

typedef struct lichang_lexicon lichang_lexicon;
typedef struct lichang_tagger lichang_tagger;
typedef struct lichang_doc lichang_doc;
typedef struct lichang_quote lichang_quote;

typedef struct {
  size_t start, end; /* UTF-8 byte offsets, end exclusive */
} lichang_span;

typedef enum {
  LICHANG_NEUTRAL = 0,
  LICHANG_OPTIMISTIC = 1,
  LICHANG_CAUTIOUS = 2,
  LICHANG_SKEPTICAL = 3
} lichang_stance;

/* Returns "neutral", "optimistic", "cautious" or "skeptical" (static). */
LICHANG_API const char *lichang_stance_name(lichang_stance stance);

/* Loads the lexicon compiled into the library from dict/ at build time.
 * On success *out is the caller's (free with lichang_lexicon_free) and 0 is
 * returned; fails with LICHANG_ENOMEM. */
LICHANG_API int lichang_lexicon_builtin(lichang_lexicon **out,
                                        lichang_error *err);

/* Loads a lexicon directory laid out like dict/ (the same parser as the
 * built-in one; missing files are taken as empty). Fails with LICHANG_EIO
 * (unreadable), LICHANG_EDICT (malformed line: err names file:line:column),
 * LICHANG_ERULE (bad pattern) or LICHANG_ENOMEM. */
LICHANG_API int lichang_lexicon_load(lichang_lexicon **out, const char *dir,
                                     lichang_error *err);

/* Frees a lexicon; every tagger made from it must be freed first. */
LICHANG_API void lichang_lexicon_free(lichang_lexicon *lexicon);

/* Tagging options. Fields are only ever appended; start from
 * LICHANG_OPTIONS_INIT so older callers keep working. */
typedef struct lichang_options {
  unsigned version;      /* LICHANG_OPTIONS_VERSION */
  unsigned max_keywords; /* keywords kept per article; default 10 */
  size_t max_bytes;      /* 0: no limit; longer input fails LICHANG_ELIMIT */
} lichang_options;
#define LICHANG_OPTIONS_VERSION 1
#define LICHANG_OPTIONS_INIT {LICHANG_OPTIONS_VERSION, 10, 0}

/* Makes a tagger: per-thread scratch over a shared lexicon, which must
 * outlive it. opts may be NULL for the defaults. Fails with LICHANG_EINVAL
 * (bad options), LICHANG_ENOMEM or LICHANG_EINPUT (ICU could not open its
 * word break iterator). */
LICHANG_API int lichang_tagger_new(lichang_tagger **out,
                                   const lichang_lexicon *lexicon,
                                   const lichang_options *opts,
                                   lichang_error *err);
LICHANG_API void lichang_tagger_free(lichang_tagger *tagger);

/* Tags one article of len bytes of UTF-8 (a leading BOM is skipped; invalid
 * bytes are read as U+FFFD and reported as warnings, not errors). On success
 * *out is the caller's (lichang_doc_free). Fails with LICHANG_EINVAL,
 * LICHANG_ELIMIT (longer than max_bytes, or over 4 GiB) or LICHANG_ENOMEM;
 * err->offset then says where, when a position is to blame. */
LICHANG_API int lichang_tag(lichang_doc **out, lichang_tagger *tagger,
                            const char *text, size_t len, lichang_error *err);
LICHANG_API void lichang_doc_free(lichang_doc *doc);

/* Characters (code points) in the article. */
LICHANG_API size_t lichang_doc_chars(const lichang_doc *doc);

/* Keywords, best first: term (folded form, borrowed) and TF-IDF weight. */
LICHANG_API size_t lichang_doc_keyword_count(const lichang_doc *doc);
LICHANG_API const char *lichang_doc_keyword(const lichang_doc *doc, size_t i,
                                            double *weight);

/* Words, in reading order: the i-th word's byte span in the input (an empty
 * span when i is out of range). */
LICHANG_API size_t lichang_doc_token_count(const lichang_doc *doc);
LICHANG_API lichang_span lichang_doc_token(const lichang_doc *doc, size_t i);
/* Writes the i-th word's folded form (Simplified, case folded, NFKC) as
 * NUL-terminated UTF-8 into buf[0..size), truncating; returns its full
 * length in bytes, like snprintf (0 when i is out of range). */
LICHANG_API size_t lichang_doc_token_folded(const lichang_doc *doc, size_t i,
                                            char *buf, size_t size);

/* Warnings about the input (e.g. "byte 17: invalid UTF-8"), borrowed. */
LICHANG_API size_t lichang_doc_warning_count(const lichang_doc *doc);
LICHANG_API const char *lichang_doc_warning(const lichang_doc *doc, size_t i);

/* Quoted passages in reading order; i out of range returns NULL. */
LICHANG_API size_t lichang_doc_quote_count(const lichang_doc *doc);
LICHANG_API const lichang_quote *lichang_doc_quote(const lichang_doc *doc,
                                                   size_t i);

typedef enum { LICHANG_DIRECT = 0, LICHANG_INDIRECT = 1 } lichang_quote_kind;

LICHANG_API lichang_span lichang_quote_span(const lichang_quote *quote);
LICHANG_API lichang_quote_kind lichang_quote_kind_of(const lichang_quote *quote);
/* The speaker's canonical name (borrowed); "" if none was found. */
LICHANG_API const char *lichang_quote_speaker(const lichang_quote *quote);
/* The stance; *score (if not NULL) gets its confidence in [0, 1]. */
LICHANG_API lichang_stance lichang_quote_stance(const lichang_quote *quote,
                                                double *score);

/* What the stance is about: topic labels found in the passage (borrowed). */
LICHANG_API size_t lichang_quote_target_count(const lichang_quote *quote);
LICHANG_API const char *lichang_quote_target(const lichang_quote *quote,
                                             size_t i);

/* One piece of evidence behind a stance. Strings are borrowed. */
typedef struct lichang_evidence {
  const char *rule;  /* "lexicon", "phrase", or a modifier kind */
  const char *term;  /* the lexicon term or the rule's comment */
  lichang_span span; /* where in the article */
  lichang_stance stance;
  double weight; /* after modifiers (negation, hedges, contrast) */
} lichang_evidence;

LICHANG_API size_t lichang_quote_evidence_count(const lichang_quote *quote);
LICHANG_API const lichang_evidence *
lichang_quote_evidence(const lichang_quote *quote, size_t i);

/* Serialises the doc as one JSON object on one line (no newline), with
 * "id" set to id (may be NULL). Returns a NUL-terminated string to free with
 * lichang_free, or NULL when out of memory; *len (if not NULL) gets its
 * length in bytes. */
LICHANG_API char *lichang_doc_to_json(const lichang_doc *doc, const char *id,
                                      size_t *len);

/* Frees a string returned by the library. */
LICHANG_API void lichang_free(void *p);

#ifdef __cplusplus
}
#endif
#endif /* LICHANG_H */
