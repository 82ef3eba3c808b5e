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
 * from their parent object and live as long as it does. A lexicon outlives
 * the taggers made from it and the docs they tag. Strings the library
 * returns for the caller to keep are freed with lichang_free().
 *
 * Errors: a function that can fail returns 0 (LICHANG_OK) or a negative
 * lichang_status, sets its `*out` to NULL, and fills the caller's
 * lichang_error (if not NULL) with the code and a message. Accessors cannot
 * fail: given NULL or an index out of range they return 0, NULL, "" or an
 * empty span, as each says.
 *
 * Offsets: every position (lichang_span, lichang_error.offset) is in bytes of
 * the UTF-8 text passed to lichang_tag(), end exclusive.
 *
 * Example (complete in lichang(3) and tests/consumer/prog.c, which the tests
 * build against an installed copy and run):
 *   lichang_lexicon *lexicon = NULL;
 *   lichang_tagger *tagger = NULL;
 *   lichang_doc *doc = NULL;
 *   lichang_error err;
 *   int rc = lichang_lexicon_builtin(&lexicon, &err);
 *   if (rc == LICHANG_OK)
 *     rc = lichang_tagger_new(&tagger, lexicon, NULL, &err);
 *   if (rc == LICHANG_OK)
 *     rc = lichang_tag(&doc, tagger, text, len, &err);
 *   if (rc != LICHANG_OK)
 *     fprintf(stderr, "%s (%s)\n", err.message, lichang_strerror(rc));
 *   for (size_t i = 0; i < lichang_doc_quote_count(doc); i++) {
 *     const lichang_quote *q = lichang_doc_quote(doc, i);
 *     printf("%s: %s\n", lichang_quote_speaker(q),
 *            lichang_stance_name(lichang_quote_stance(q, NULL)));
 *   }
 *   lichang_doc_free(doc);
 *   lichang_tagger_free(tagger);
 *   lichang_lexicon_free(lexicon);
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

/* The one copy of the version: CMake parses these three lines, and the
 * shared library's SONAME carries the major (liblichang.so.MAJOR): within a
 * major version the ABI only grows. */
#define LICHANG_VERSION_MAJOR 0
#define LICHANG_VERSION_MINOR 1
#define LICHANG_VERSION_PATCH 0
#define LICHANG_VERSION_STRING "0.1.0"

/* Returns the LICHANG_VERSION_STRING the linked library was built with (a
 * static string): compare with the macro to catch a header/library mismatch.
 * Never fails; any thread. */
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

/* Returns a static description of a status code ("out of memory"), or of
 * an unknown one; never NULL, never fails; any thread. */
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

/* Returns "neutral", "optimistic", "cautious" or "skeptical" (static;
 * "neutral" for a value out of range). Never fails; any thread. */
LICHANG_API const char *lichang_stance_name(lichang_stance stance);

/* Loads the lexicon compiled into the library from dict/ at build time (the
 * same files are installed in share/lichang/dict). On success returns 0 and
 * *out is the caller's, to free with lichang_lexicon_free; on failure *out is
 * NULL. Fails with LICHANG_EINVAL (out is NULL) or LICHANG_ENOMEM. Any
 * thread; each call builds a new lexicon, so load once and share it. */
LICHANG_API int lichang_lexicon_builtin(lichang_lexicon **out,
                                        lichang_error *err);

/* Loads a lexicon directory laid out like dict/ (the same parser as the
 * built-in one; missing files are taken as empty). On success returns 0 and
 * *out is the caller's (lichang_lexicon_free); on failure *out is NULL.
 * Fails with LICHANG_EINVAL (out or dir is NULL), LICHANG_EIO (a file cannot
 * be read), LICHANG_EDICT (a malformed line: err->file, ->line, ->column and
 * the message name it), LICHANG_ERULE (a phrase rule does not compile) or
 * LICHANG_ENOMEM. Any thread. */
LICHANG_API int lichang_lexicon_load(lichang_lexicon **out, const char *dir,
                                     lichang_error *err);

/* Receives one lint message, "file:line:column: what" (with dir/ in front
 * of the file when a directory was checked), borrowed for the call. */
typedef void (*lichang_warn_fn)(void *ctx, const char *message);

/* Lints a lexicon directory (dir NULL: the built-in lexicon): loads it as
 * lichang_lexicon_load() does, then calls warn(ctx, message) once for each
 * entry that loads but is probably a mistake: a term listed in two files
 * whose readings collide, a stance term or modifier shadowed by a longer
 * entry that hides its reading, a weight or factor that contradicts its kind
 * (lib/lexcheck.c lists the rules). warn may be NULL to only count. Returns
 * the number of warnings (0: clean), or fails as lichang_lexicon_load()
 * does, with the first error in err. Any thread. */
LICHANG_API int lichang_lexicon_check(const char *dir, lichang_warn_fn warn,
                                      void *ctx, lichang_error *err);

/* Frees a lexicon (NULL: no-op). Every tagger made from it, and every doc
 * tagged with one (docs borrow names and terms from the lexicon), must be
 * freed first, and no other thread may be using it. */
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
 * outlive it; the options are copied. opts may be NULL for the defaults. On
 * success returns 0 and *out is the caller's (lichang_tagger_free); on
 * failure *out is NULL. Fails with LICHANG_EINVAL (out or lexicon NULL, or an
 * unknown opts->version), LICHANG_ENOMEM or LICHANG_EINPUT (ICU could not
 * open its word break iterator). Any thread, also while other threads tag
 * with taggers over the same lexicon. */
LICHANG_API int lichang_tagger_new(lichang_tagger **out,
                                   const lichang_lexicon *lexicon,
                                   const lichang_options *opts,
                                   lichang_error *err);
/* Frees a tagger (NULL: no-op). Docs it made stay valid: they hold their
 * own results, borrowing only from the lexicon. */
LICHANG_API void lichang_tagger_free(lichang_tagger *tagger);

/* Tags one article of len bytes of UTF-8 (a leading BOM is skipped; invalid
 * bytes are read as U+FFFD and reported as warnings, not errors; text need
 * not be NUL-terminated and is copied, so it may be freed at once). On
 * success returns 0 and *out is the caller's (lichang_doc_free; it borrows
 * names and terms from the lexicon, which must outlive it); on failure
 * *out is NULL. Fails with LICHANG_EINVAL (out or tagger NULL, or text NULL
 * with len > 0), LICHANG_ELIMIT (longer than max_bytes, or over 4 GiB) or
 * LICHANG_ENOMEM; err->offset then says where, when a position is to blame.
 * One thread at a time per tagger; different taggers may tag at once. */
LICHANG_API int lichang_tag(lichang_doc **out, lichang_tagger *tagger,
                            const char *text, size_t len, lichang_error *err);
/* Frees a doc and everything borrowed from it (NULL: no-op). */
LICHANG_API void lichang_doc_free(lichang_doc *doc);

/* Accessors. They never fail and never change the doc, so any number of
 * threads may read one doc at once once lichang_tag() has returned it. */

/* Characters (code points) in the article; 0 for a NULL doc. */
LICHANG_API size_t lichang_doc_chars(const lichang_doc *doc);

/* Keywords, best first: the i-th term (its surface form at its first
 * occurrence, NUL-terminated UTF-8 borrowed from the doc) and, if weight is
 * not NULL, its TF-IDF weight; NULL when i is out of range. */
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

/* Warnings about the input (e.g. "byte 17: invalid UTF-8"): the i-th,
 * borrowed from the doc, or NULL when i is out of range. */
LICHANG_API size_t lichang_doc_warning_count(const lichang_doc *doc);
LICHANG_API const char *lichang_doc_warning(const lichang_doc *doc, size_t i);

/* Quoted passages in reading order; i out of range returns NULL. */
LICHANG_API size_t lichang_doc_quote_count(const lichang_doc *doc);
LICHANG_API const lichang_quote *lichang_doc_quote(const lichang_doc *doc,
                                                   size_t i);

/* Direct: the speaker's words in quotation marks; indirect: reported speech
 * (X said that ...). */
typedef enum { LICHANG_DIRECT = 0, LICHANG_INDIRECT = 1 } lichang_quote_kind;

/* The passage's bytes in the input, end exclusive ({0, 0} for NULL). */
LICHANG_API lichang_span lichang_quote_span(const lichang_quote *quote);
/* Direct or reported speech (LICHANG_DIRECT for NULL). */
LICHANG_API lichang_quote_kind lichang_quote_kind_of(const lichang_quote *quote);
/* The speaker's canonical name (borrowed); "" if none was found or for
 * NULL, never NULL. */
LICHANG_API const char *lichang_quote_speaker(const lichang_quote *quote);
/* The stance (LICHANG_NEUTRAL for NULL); *score (if not NULL) gets its
 * confidence in [0, 1]. */
LICHANG_API lichang_stance lichang_quote_stance(const lichang_quote *quote,
                                                double *score);

/* What the stance is about: topic labels found in the passage; the i-th is
 * borrowed, NULL when i is out of range. */
LICHANG_API size_t lichang_quote_target_count(const lichang_quote *quote);
LICHANG_API const char *lichang_quote_target(const lichang_quote *quote,
                                             size_t i);

/* One piece of evidence behind a stance. Strings are borrowed. */
typedef struct lichang_evidence {
  /* "lexicon" (a stance term), "negated" or "weakly negated" (a term a
   * negator flipped or weakened), "phrase" or "negated phrase" (a phrase
   * rule), "hedge" (a hedge alone in its clause: a vote for cautious),
   * "negated attribution" (the speaker denies the passage: 并不认为X),
   * "attribution" (the verb that introduces the passage judges it: 批评，X;
   * its span may lie outside the passage's) */
  const char *rule;
  const char *term;  /* the lexicon term or the rule's comment */
  lichang_span span; /* where in the article */
  lichang_stance stance;
  double weight; /* after modifiers (negation, hedges, contrast) */
} lichang_evidence;

/* The evidence for a quote's stance, in reading order; the i-th is
 * borrowed, NULL when i is out of range. */
LICHANG_API size_t lichang_quote_evidence_count(const lichang_quote *quote);
LICHANG_API const lichang_evidence *
lichang_quote_evidence(const lichang_quote *quote, size_t i);

/* What lichang_decode read. */
typedef struct lichang_decode_info {
  char encoding[32];    /* the encoding read, e.g. "GB18030", "Big5", "UTF-8" */
  int confidence;       /* "auto": ICU's confidence in its guess, 0-100;
                           otherwise 100 */
  size_t chars;         /* characters decoded */
  size_t invalid;       /* invalid or unmappable sequences, each read as
                           U+FFFD */
  size_t first_invalid; /* byte offset of the first in the input, or
                           (size_t)-1 */
} lichang_decode_info;

/* What lichang_tag read of the doc's input: exactly what
 * lichang_decode(NULL, NULL, text, len, "UTF-8", info, NULL) reports for
 * the same bytes (encoding "UTF-8", confidence 100, the characters, the
 * invalid sequences and the byte offset of the first), so that a caller
 * need not read its UTF-8 twice to tell damaged text from text in another
 * encoding. A NULL doc reports nothing read; info NULL: no-op. */
LICHANG_API void lichang_doc_decode_info(const lichang_doc *doc,
                                         lichang_decode_info *info);

/* Converts len bytes in an encoding to UTF-8 for lichang_tag. encoding is
 * any name ICU's converters know ("UTF-8" when NULL; "GB18030", "GBK",
 * "Big5", "UTF-16" — by its BOM, else by which byte order reads as text),
 * or "auto": a BOM, else valid UTF-8, else ICU's charset detector, which
 * info->encoding and ->confidence then report. Invalid sequences become
 * U+FFFD and are counted in info (NULL accepted) with the byte offset of the
 * first, so the caller can tell damage (a few) from a wrong encoding (many).
 * A BOM is kept; nothing else changes, so lichang_tag's offsets are offsets
 * into *out. On success *out (NUL-terminated, *out_len bytes; out_len may be
 * NULL) is freed with lichang_free; out may be NULL to only detect and
 * count. Fails with LICHANG_EINVAL (unknown encoding), LICHANG_ENOMEM or
 * LICHANG_EINPUT (ICU could not convert; err->message names the byte), and
 * then sets *out to NULL. Any thread: it needs no lexicon or tagger. */
LICHANG_API int lichang_decode(char **out, size_t *out_len, const char *bytes,
                               size_t len, const char *encoding,
                               lichang_decode_info *info, lichang_error *err);

/* Serialises the doc as one JSON object on one line (no newline), with
 * "id" set to id (may be NULL); the format is lichang(1)'s `tag` output.
 * Returns a NUL-terminated string that is the caller's, to free with
 * lichang_free, or NULL when out of memory or doc is NULL; *len (if not
 * NULL) gets its length in bytes. Any thread (it only reads the doc). */
LICHANG_API char *lichang_doc_to_json(const lichang_doc *doc, const char *id,
                                      size_t *len);

/* Frees a string the library returned for the caller to keep (from
 * lichang_doc_to_json); NULL: no-op. Use it, not free(): the library may be
 * built against another C runtime than its caller. */
LICHANG_API void lichang_free(void *p);

#ifdef __cplusplus
}
#endif
#endif /* LICHANG_H */
