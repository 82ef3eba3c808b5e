/* The lichang command: shared declarations for its subcommands. */
#ifndef LICHANG_CLI_H
#define LICHANG_CLI_H

#include "lichang.h"

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
/* Expands FILE, DIR (recursively, *.txt, sorted, symlinked folders not
 * followed) and "-" into paths; returns false (after a message) for a path
 * that does not exist. */
bool cli_paths_add(cli_paths *p, const char *arg);
void cli_paths_free(cli_paths *p);
/* Reads a whole file ("-" is standard input); NULL with errno on failure. */
char *cli_read_file(const char *path, size_t *len);

/* ---- jsonl.c: one JSON object per line ---- */
typedef struct {
  char *id, *title, *text; /* NULL when absent; UTF-8, NUL-terminated */
  size_t text_len;
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

#endif
