/* lichang dict: work on lexicon directories. One subcommand so far:
 * `check`, a lint (lichang_lexicon_check does the work). */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static const char usage_text[] =
    "usage: lichang dict check [OPTION]... [DIR]\n"
    "Check a lexicon directory (default: the built-in lexicon): the first\n"
    "error that stops it loading (file:line:column), then warnings for terms\n"
    "listed in two files whose readings collide, stance terms and modifiers\n"
    "shadowed by a longer entry that hides them, and weights or factors that\n"
    "contradict their kind. Exit status: 0 clean, 1 warnings, 2 errors.\n\n"
    "  -q, --quiet           print nothing; the exit status tells\n"
    "  -h, --help            show this help\n";

static const struct option options[] = {{"quiet", no_argument, NULL, 'q'},
                                        {"help", no_argument, NULL, 'h'},
                                        {NULL, 0, NULL, 0}};

/* "file:line:col: what" -> "file:line:col: KIND: what", the way compilers
 * and pcre2grep place a position; other messages get "KIND: " in front. */
static void print_diag(const char *kind, const char *message) {
  const char *p = message, *after = NULL;
  int colons = 0;
  for (; *p && !after; p++)
    if (*p == ':' && ++colons == 3)
      after = p + 1;
  if (!after || (colons == 3 && after[0] != ' ')) {
    printf("%s: %s\n", kind, message);
    return;
  }
  printf("%.*s %s:%s\n", (int)(after - message), message, kind, after);
}

static void print_warning(void *ctx, const char *message) {
  (void)ctx;
  print_diag("warning", message);
}

int cmd_dict(int argc, char **argv) {
  if (argc < 2 || (strcmp(argv[1], "check") && strcmp(argv[1], "--help") &&
                   strcmp(argv[1], "-h"))) {
    if (argc >= 2)
      cli_error("dict: unknown subcommand '%s'", argv[1]);
    fputs(usage_text, stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "check")) {
    fputs(usage_text, stdout);
    return EXIT_DONE;
  }
  argc--;
  argv++;
  bool quiet = false;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
    switch (c) {
    case 'q':
      quiet = true;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_DONE;
    default:
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  if (optind + 1 < argc) {
    cli_error("dict check: expected at most one DIR");
    fputs(usage_text, stderr);
    return EXIT_USAGE;
  }
  const char *dir = optind < argc ? argv[optind] : NULL;
  lichang_error err;
  int n = lichang_lexicon_check(dir, quiet ? NULL : print_warning, NULL, &err);
  if (n < 0) {
    if (!quiet) {
      char msg[512];
      snprintf(msg, sizeof msg, "%s%s%s", dir && err.file[0] ? dir : "",
               dir && err.file[0] ? "/" : "", err.message);
      print_diag("error", msg);
    }
    return EXIT_USAGE;
  }
  if (fflush(stdout) != 0)
    return EXIT_USAGE;
  return n ? EXIT_INPUT : EXIT_DONE;
}
