/* lichang: the command-line tool. One subcommand per file (cmd_*.c); this
 * file dispatches. Exit status: 0 done, 1 an input failed (the rest were
 * processed), 2 usage error or bad lexicon. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const cli_command commands[] = {
    {"tag", cmd_tag, "tag articles: quotes, speakers, stance (JSON Lines)"},
    {"eval", cmd_eval, "score the tagger on an article against a gold file"},
    {"dict", cmd_dict, "check a lexicon directory (dict check [DIR])"},
    {"idf", cmd_idf, "build an IDF table from a JSON Lines corpus"},
    {"show", cmd_show, "show articles with their passages coloured by stance"},
    {"review", cmd_review, "correct an article's passages; save them as gold"},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

void cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("lichang: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

lichang_lexicon *cli_lexicon(const char *dir) {
  lichang_lexicon *lx;
  lichang_error err;
  int rc = dir ? lichang_lexicon_load(&lx, dir, &err)
               : lichang_lexicon_builtin(&lx, &err);
  if (rc < 0) {
    if (dir && err.file[0])
      cli_error("%s/%s", dir, err.message);
    else
      cli_error("%s", err.message);
    return NULL;
  }
  return lx;
}

static void usage(FILE *f) {
  fprintf(f, "usage: lichang COMMAND [OPTION]... [ARG]...\n\n"
             "Who said what in Chinese news, and how they lean.\n\n"
             "Commands:\n");
  for (size_t i = 0; i < NCOMMANDS; i++)
    fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\nRun 'lichang COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
      !strcmp(argv[1], "help")) {
    usage(stdout);
    return EXIT_DONE;
  }
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
    printf("lichang %s\n", lichang_version());
    return EXIT_DONE;
  }
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (!strcmp(argv[1], commands[i].name))
      return commands[i].fn(argc - 1, argv + 1);
  cli_error("unknown command '%s' (see 'lichang --help')", argv[1]);
  return EXIT_USAGE;
}
