/* lichang tag: what the reader (cmd_tag.c), the workers (article.c) and
 * the writer (output.c) share. */
#ifndef LICHANG_CLI_TAG_H
#define LICHANG_CLI_TAG_H

#include "cli.h"

/* A growable string; functions return false when out of memory. */
typedef struct {
  char *s;
  size_t n, cap;
} strbuf;
bool sb_put(strbuf *b, const void *p, size_t n);
bool sb_puts(strbuf *b, const char *s);
bool sb_printf(strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s[0..n) as a JSON string; invalid UTF-8 becomes U+FFFD. */
bool sb_json(strbuf *b, const char *s, size_t n);
/* s as a TSV field: backslash, tab, CR and LF escaped as \\ \t \r \n. */
bool sb_tsv(strbuf *b, const char *s, size_t n);
void sb_free(strbuf *b);

typedef enum { FMT_JSONL, FMT_TSV, FMT_NONE } tag_format;

typedef struct {
  const lichang_lexicon *lx;
  lichang_options opts;
  const char *encoding; /* NULL: UTF-8 taken as it is */
  tag_format format;    /* FMT_NONE: only the --summary table */
  bool summary;         /* collect speaker x stance counts */
} tag_config;

enum { ITEM_TEXT, ITEM_JSONL, ITEM_FAILED };

struct cli_item {
  int kind;
  char *data; /* ITEM_TEXT: the file; ITEM_JSONL: the line; else NULL */
  size_t len;
  size_t in_bytes; /* input bytes it stands for: progress, memory bound */
  char *where;     /* "path" or "path:line", for messages */
  char *id;        /* ITEM_TEXT: the path; else the fallback id, = where */
  cli_record rec;  /* ITEM_JSONL, once parsed */
  bool parsed;
  char *reason; /* ITEM_FAILED, or a line that did not parse: what is wrong */
  char *key;    /* --resume: the id compared with an earlier output */
  /* Results, filled by the worker. */
  strbuf out;        /* what to write, whole lines */
  strbuf msg;        /* messages for standard error, whole lines */
  bool failed;       /* the article could not be tagged: exit status 1 */
  strbuf pairs;      /* --summary: speaker NUL stance-digit NUL, per passage */
  char encoding[32]; /* --encoding auto: what was read */
  int confidence;
};

void tag_item_free(cli_item *it);
size_t tag_item_bytes(const cli_item *it);
/* JSON Lines: parses it->data into it->rec (after converting it from the
 * configured encoding); on failure sets it->reason. Sets it->key. Called by
 * the reader when resuming, else by the worker. */
void tag_item_parse(cli_item *it, const tag_config *cfg);

/* The id --resume compares: "s" + a string id (decoded), "j" + any other
 * id as written; malloc'd. */
char *tag_item_key(const cli_item *it);

/* Worker state: a tagger over the shared lexicon. */
void *tag_worker_new(void *cfg);
void tag_worker_free(void *state);
void tag_work(void *state, cli_item *it);

/* ---- output.c ---- */
/* Ids already in an earlier output (a multiset: an id written twice skips
 * two articles of that id). */
typedef struct id_set id_set;
/* Reads the complete lines of path's earlier output, cutting an incomplete
 * last line off the file. NULL after a message on failure; *count gets the
 * number of ids. */
id_set *id_set_load(const char *path, size_t *count);
/* True (and one fewer left) when key is in the set. */
bool id_set_take(id_set *s, const char *key);
void id_set_free(id_set *s);

typedef struct tag_writer tag_writer;
tag_writer *tag_writer_new(int fd, const char *fd_name, bool summary,
                           cli_progress *progress);
bool tag_writer_write(void *writer, cli_item *it); /* cli_batch write */
bool tag_writer_flush(void *writer);              /* cli_batch flush */
void tag_writer_tick(void *writer);
/* Writes the summary table as CSV to fd; false after a message. */
bool tag_writer_summary(tag_writer *w, int fd, const char *fd_name);
/* What happened: articles that failed, whether output failed (other than
 * a closed pipe), whether the reader of the output went away, and the key
 * of the last article written. */
size_t tag_writer_failed(const tag_writer *w);
bool tag_writer_broken(const tag_writer *w);
bool tag_writer_closed(const tag_writer *w);
const char *tag_writer_last(const tag_writer *w);
void tag_writer_free(tag_writer *w);

/* Writes all of s to fd, retrying short writes; false with errno. */
bool write_all(int fd, const char *s, size_t n);

#endif
