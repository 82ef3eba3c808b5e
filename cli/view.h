/* What `lichang show` and `lichang review` display: a tagged article as
 * plain data, filled either from a lichang_doc (tagged in-process) or from
 * the JSON object `lichang tag` wrote; and the small JSON reader that reads
 * those objects (jsondoc.c). */
#ifndef LICHANG_VIEW_H
#define LICHANG_VIEW_H

#include "lichang.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- jsondoc.c: a JSON document (RFC 8259) as a tree ---- */
typedef enum { JV_NULL, JV_BOOL, JV_NUM, JV_STR, JV_ARR, JV_OBJ } jv_type;
typedef struct jv {
  jv_type type;
  bool b;
  double num;
  char *str;        /* JV_STR: UTF-8, NUL-terminated (may hold NULs) */
  size_t len;       /* JV_STR: bytes; JV_ARR/JV_OBJ: members */
  struct jv *items; /* JV_ARR/JV_OBJ: values */
  char **keys;      /* JV_OBJ: keys, parallel to items */
} jv;

/* Parses exactly one JSON value filling s[0..n) (whitespace around it
 * allowed). False with "byte N: what" in err when it is not JSON, nests
 * deeper than 256 or runs out of memory; *out is then empty. */
bool jv_parse(const char *s, size_t n, jv *out, char *err, size_t errlen);
void jv_free(jv *v);
/* The member key of an object (the last one if repeated), or NULL. */
const jv *jv_get(const jv *obj, const char *key);
/* The string, number of a value, or dflt when it is missing or another
 * type. */
const char *jv_str(const jv *v, const char *dflt);
double jv_num(const jv *v, double dflt);
/* Writes s as a JSON string literal (quotes, escapes; UTF-8 kept). */
void jv_write_str(FILE *f, const char *s);

/* ---- view.c: a tagged article ---- */
typedef struct {
  char *rule, *term;
  size_t start, end; /* bytes in the article */
  lichang_stance stance;
  double weight;
} view_evidence;

typedef struct {
  size_t start, end; /* bytes in the article */
  bool indirect;
  char *speaker; /* "" when none */
  lichang_stance stance;
  double score;
  char **targets;
  size_t ntargets;
  view_evidence *ev;
  size_t nev;
} view_quote;

typedef struct {
  char *term;
  double weight;
} view_keyword;

typedef struct {
  char *name;
  size_t quotes, by_stance[4];
  lichang_stance stance; /* overall */
} view_speaker;

typedef struct {
  const char *text; /* borrowed: the article */
  size_t len;
  view_quote *q;
  size_t nq;
  view_keyword *kw;
  size_t nkw;
  view_speaker *sp; /* in order of first passage */
  size_t nsp;
} view_doc;

/* Reads the article at path ("-": standard input) as UTF-8, converting
 * from encoding (any name lichang_decode knows; "auto" detects) so offsets
 * are the ones lichang_tag gives (cmd_show.c). Returns a malloc'd,
 * NUL-terminated text, or NULL with a message in err. */
char *view_read_article(const char *path, const char *encoding, size_t *len,
                        char *err, size_t errlen);

/* "optimistic" -> LICHANG_OPTIMISTIC ...; false for an unknown name. */
bool view_stance_parse(const char *name, lichang_stance *out);

/* Fills v from a doc tagged from text[0..len). False when out of memory. */
bool view_from_doc(view_doc *v, const lichang_doc *doc, const char *text,
                   size_t len);
/* Fills v from one `lichang tag` object for the article text[0..len). False
 * with a message in err when the object does not describe this article (a
 * span out of range, or a passage's "text" not what the article holds
 * there: the file changed after tagging). */
bool view_from_json(view_doc *v, const jv *obj, const char *text, size_t len,
                    char *err, size_t errlen);
void view_free(view_doc *v);

/* Finds the line of a `lichang tag` output (jsonl[0..n)) for the article at
 * path with text[0..len): the line whose "id" is path, else whose id has
 * path's file name, else the first whose passages all match the text. On
 * success v is filled; false with a message in err. */
bool view_from_jsonl(view_doc *v, const char *jsonl, size_t n, const char *path,
                     const char *text, size_t len, char *err, size_t errlen);

/* ---- styling shared by show and review ---- */
enum {
  VS_STANCE = 3,     /* bits 0-1: the stance colour of a passage */
  VS_QUOTE = 1 << 2, /* inside a passage */
  VS_BOLD = 1 << 3,  /* a speaker's name */
  VS_UNDER = 1 << 4, /* evidence (a lexicon hit) */
  VS_DIM = 1 << 5    /* passage numbers and other furniture */
};
/* Per-byte styles for the article: passages coloured by stance, evidence
 * underlined, every occurrence of a speaker's name bold. *out has v->len
 * bytes (malloc'd); NULL when out of memory. */
uint8_t *view_styles(const view_doc *v);

/* ---- gold.c: reviewed passages, in the gold format of `lichang eval` ---- */
typedef struct {
  size_t start, end; /* bytes in the article; the gold "text" */
  bool indirect;
  char *speaker, *target;
  lichang_stance stance;
  bool dropped; /* marked false: kept (for undo) but not saved */
  long src;     /* the tagger's passage it came from or overlaps, or -1 */
} gold_item;

typedef struct {
  gold_item *v;
  size_t n, cap;
} gold_list;

/* Reads a gold file (one object per line: id, kind, speaker, text, stance,
 * target) for the article text[0..len): each "text" is found in the article
 * after the previous one, else anywhere (as score.py does). False with
 * "line N: what" in err when a line is not JSON, has an unknown stance or a
 * text the article does not contain; errno is ENOENT when the file is
 * missing. */
bool gold_load(gold_list *g, const char *path, const char *text, size_t len,
               char *err, size_t errlen);
/* Writes the passages not dropped, renumbered q01, q02, ... in reading
 * order, to path (through a temporary file renamed over it, so a failed
 * save leaves the old file whole). False with a message in err. */
bool gold_save(const gold_list *g, const char *path, const char *text,
               char *err, size_t errlen);
/* The tagger's passages as a first draft: spans trimmed of surrounding
 * spaces and the sentence-final punctuation the gold texts leave out. */
bool gold_from_view(gold_list *g, const view_doc *v);
/* Links each item to the tagger passage it overlaps most (its evidence). */
void gold_link(gold_list *g, const view_doc *v);
/* Inserts it in reading order (taking its strings); its index, or -1 when
 * out of memory. */
long gold_insert(gold_list *g, gold_item it);
bool gold_copy(gold_list *dst, const gold_list *src);
void gold_free(gold_list *g);

#endif
