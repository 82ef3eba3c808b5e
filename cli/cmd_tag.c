/* lichang tag: tag articles and write one JSON object per article per line. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: lichang tag [OPTION]... [FILE|DIR|-]...\n"
    "Tag each article (folders recursively, *.txt; - or nothing: standard\n"
    "input) and write one JSON object per article per line.\n\n"
    "  -d, --dict DIR        load the lexicon from DIR instead of the built-in\n"
    "      --max-bytes N     refuse articles longer than N bytes\n"
    "  -k, --keywords N      keywords per article (default 10)\n"
    "  -h, --help            show this help\n";

static const struct option options[] = {
    {"dict", required_argument, NULL, 'd'},
    {"max-bytes", required_argument, NULL, 'm'},
    {"keywords", required_argument, NULL, 'k'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static bool parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (end == s || *end || errno || s[0] == '-')
    return false;
  *out = (size_t)v;
  return true;
}

/* Writes one line; false when standard output is gone or full. */
static bool write_line(const char *s, size_t n) {
  return fwrite(s, 1, n, stdout) == n && putchar('\n') != EOF;
}

int cmd_tag(int argc, char **argv) {
  const char *dict = NULL;
  lichang_options opts = LICHANG_OPTIONS_INIT;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "d:k:h", options, NULL)) != -1) {
    size_t v;
    switch (c) {
    case 'd':
      dict = optarg;
      break;
    case 'm':
      if (!parse_size(optarg, &opts.max_bytes)) {
        cli_error("--max-bytes: not a number: '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'k':
      if (!parse_size(optarg, &v) || v > 1000) {
        cli_error("--keywords: not a number from 0 to 1000: '%s'", optarg);
        return EXIT_USAGE;
      }
      opts.max_keywords = (unsigned)v;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_DONE;
    default:
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  lichang_lexicon *lx = cli_lexicon(dict);
  if (!lx)
    return EXIT_USAGE;
  lichang_tagger *tg;
  lichang_error err;
  if (lichang_tagger_new(&tg, lx, &opts, &err) < 0) {
    cli_error("%s", err.message);
    lichang_lexicon_free(lx);
    return EXIT_USAGE;
  }
  cli_paths paths = {0};
  if (optind == argc)
    cli_paths_add(&paths, "-");
  for (int i = optind; i < argc; i++)
    cli_paths_add(&paths, argv[i]);
  int status = EXIT_DONE;
  for (size_t i = 0; i < paths.len; i++) {
    const char *path = paths.paths[i];
    const char *id = strcmp(path, "-") ? path : "-";
    const char *slash = strrchr(id, '/');
    if (slash && optind + 1 == argc && !strchr(argv[optind], '/'))
      id = slash + 1;
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text) {
      cli_error("%s: %s", path, strerror(errno));
      status = EXIT_INPUT;
      continue;
    }
    lichang_doc *doc;
    if (lichang_tag(&doc, tg, text, len, &err) < 0) {
      cli_error("%s: %s", path, err.message);
      status = EXIT_INPUT;
      free(text);
      continue;
    }
    size_t n;
    char *json = lichang_doc_to_json(doc, id, &n);
    lichang_doc_free(doc);
    free(text);
    if (!json) {
      cli_error("%s: out of memory", path);
      status = EXIT_INPUT;
      continue;
    }
    bool ok = write_line(json, n);
    lichang_free(json);
    if (!ok) {
      cli_error("standard output: %s", strerror(errno));
      status = EXIT_INPUT;
      break;
    }
  }
  if (fflush(stdout) != 0) {
    cli_error("standard output: %s", strerror(errno));
    status = EXIT_INPUT;
  }
  cli_paths_free(&paths);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  return status;
}
