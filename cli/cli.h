/* The lichang command: shared declarations for its subcommands. */
#ifndef LICHANG_CLI_H
#define LICHANG_CLI_H

#include "lichang.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses (see lichang.1). */
enum { EXIT_DONE = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct {
  const char *name;
  int (*fn)(int argc, char **argv);
  const char *summary;
} cli_command;

int cmd_tag(int argc, char **argv);
int cmd_idf(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_dict(int argc, char **argv);

/* Messages on standard error, prefixed "lichang: ". */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Loads the built-in lexicon, or DIR when dir is not NULL; prints the error
 * and returns NULL on failure. */
lichang_lexicon *cli_lexicon(const char *dir);

/* ---- input.c ---- */
typedef struct {
  char **paths;
  size_t len, cap;
} cli_paths;
/* Which files a folder contributes: *.txt articles, *.jsonl / *.ndjson
 * batches, or both. */
enum { CLI_WALK_TEXT = 1, CLI_WALK_JSONL = 2 };
/* Expands FILE, DIR (recursively, sorted, symlinked folders not followed)
 * and "-" into paths; a path that does not exist is kept, so that reading
 * it reports the error in its place in the batch. */
bool cli_paths_add_kinds(cli_paths *p, const char *arg, int kinds);
/* The same for *.txt articles. */
bool cli_paths_add(cli_paths *p, const char *arg);
void cli_paths_free(cli_paths *p);
/* True for a name ending .jsonl or .ndjson. */
bool cli_is_jsonl_name(const char *path);
/* Reads a whole file ("-" is standard input); NULL with errno on failure.
 * With limit > 0, stops after limit + 1 bytes (*len then says more than
 * limit), so an oversized file is refused without being read whole. */
char *cli_read_file_max(const char *path, size_t *len, size_t limit);
/* The same, without a limit. */
char *cli_read_file(const char *path, size_t *len);

/* Lines of a file, read with read(2) so a signal can stop a blocked read. */
typedef struct {
  int fd;
  char *buf;
  size_t cap, start, end;
  bool eof;
  unsigned long lineno; /* of the line last returned, 1-based */
} cli_lines;
bool cli_lines_open(cli_lines *r, const char *path); /* false with errno */
/* The next line without its "\n" (and "\r"), as a malloc'd NUL-terminated
 * copy in *line: returns 1; 0 at the end; -1 on a read error (errno; EINTR
 * when a stop was asked for). A line longer than limit (> 0) is skipped
 * without being kept: returns 2 with *line NULL and *len its length. A last
 * line without a newline is a line. */
int cli_lines_next(cli_lines *r, char **line, size_t *len, size_t limit);
void cli_lines_close(cli_lines *r);

/* ---- jsonl.c: one JSON object per line ---- */
typedef struct {
  char *id;      /* the id when it is a string, decoded; else NULL */
  char *id_json; /* the id as written (string, number…); NULL if absent/null */
  char *title, *text; /* NULL when absent; UTF-8, NUL-terminated */
  size_t text_len;
  int text_type; /* 0 no "text", 1 a string, 2 some other JSON value */
  char *extra;   /* other members as written, ",\"key\":value…"; NULL if none */
  size_t extra_len;
  /* \uD800-\uDFFF escapes with no partner, read as U+FFFD in id, title or
   * text: how many, and the line's byte offset of the first. */
  size_t lone_surrogates, first_lone;
} cli_record;
/* Parses one line; false with a message in err (naming the byte offset)
 * when the line is not a JSON object. */
bool cli_record_parse(const char *line, size_t len, cli_record *r, char *err,
                      size_t errlen);
void cli_record_free(cli_record *r);
/* Parses one line as a JSON object and sets out[k] to a malloc'd copy of
 * the string member keys[k] (NULL when absent or not a string); false with
 * a message in err (naming the byte offset) when the line is not an
 * object. */
bool cli_json_strings(const char *line, size_t len, const char *const *keys,
                      char **out, size_t n, char *err, size_t errlen);

/* ---- signals (batch.c) ---- */
/* The signal (SIGINT, SIGTERM, SIGHUP) that asked the batch to stop, or 0.
 * cli_signals_install() also ignores SIGPIPE: a closed output shows as
 * EPIPE, which the writer treats as a quiet end. */
extern atomic_int cli_stop_signal; /* lock-free: safe in a handler */
void cli_signals_install(void);

/* ---- batch.c: articles tagged on worker threads, written in order ---- */
typedef struct cli_item cli_item; /* one article in flight (cmd_tag.c) */
typedef struct {
  unsigned jobs;        /* worker threads */
  size_t max_items;     /* articles in flight at most */
  size_t max_bytes;     /* input bytes in flight at most (one article may
                           exceed it alone) */
  void *worker_ctx;                      /* for worker_new */
  void *(*worker_new)(void *worker_ctx); /* per-thread state; NULL: failed */
  void (*worker_free)(void *state);
  void (*work)(void *state, cli_item *it); /* on a worker thread */
  void *writer_ctx;                        /* for write and tick */
  bool (*write)(void *writer_ctx, cli_item *it); /* in order; false: stop */
  bool (*flush)(void *writer_ctx); /* after a run of writes; false: stop */
  void (*tick)(void *writer_ctx);                /* about every 60 ms */
  void (*item_free)(cli_item *it);
  size_t (*item_bytes)(const cli_item *it);
} cli_batch_config;
typedef struct cli_batch cli_batch;
/* Starts the workers and the writer; NULL (after a message) on failure. */
cli_batch *cli_batch_start(const cli_batch_config *cfg);
/* Queues an article, waiting while too many are in flight; takes it over.
 * Returns false once the batch is stopping (signal, or a write failed). */
bool cli_batch_submit(cli_batch *b, cli_item *it);
/* Waits until everything queued is written (or the batch stopped: then
 * *stopped is true), joins the threads and frees the batch; returns the
 * number of articles written. */
size_t cli_batch_finish(cli_batch *b, bool *stopped);

/* ---- progress.c: "1234 articles, 5.6 MB/s, ETA 0:42" on standard error */
typedef struct cli_progress cli_progress;
/* total: input bytes expected (0: unknown, no ETA). force: print even when
 * standard error is not a terminal. Returns NULL when nothing is to be
 * printed. */
cli_progress *cli_progress_new(size_t total, bool force);
/* Adds to the count; redraws at most every 60 ms. Thread: the writer's. */
void cli_progress_add(cli_progress *p, size_t articles, size_t bytes);
void cli_progress_tick(cli_progress *p);
/* Clears the line so a message can be printed. */
void cli_progress_clear(cli_progress *p);
void cli_progress_free(cli_progress *p);

#endif
