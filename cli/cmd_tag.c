/* lichang tag: tag articles, one JSON object (or TSV rows) per article, in
 * input order, on every core.
 *
 * This file parses the options and is the reader: it turns the inputs
 * (files, folders, standard input, JSON Lines a line at a time) into items
 * and hands them to the batch engine (batch.c), whose workers tag them
 * (article.c) and whose writer writes them in order (output.c). */
#define _GNU_SOURCE /* sched_getaffinity */
#include "tag.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_MAX_BYTES (8u << 20)

static const char usage_text[] =
    "usage: lichang tag [OPTION]... [FILE|DIR|-]...\n"
    "Tag articles: quoted passages, their speakers and stance, keywords. One\n"
    "JSON object per article per line on standard output, in input order.\n"
    "FILE is an article, or JSON Lines when named *.jsonl or *.ndjson; DIR is\n"
    "read recursively (*.txt; *.jsonl too with --input jsonl); - or nothing:\n"
    "standard input. Offsets are UTF-8 bytes of the (converted) text.\n\n"
    "  -i, --input FORMAT    text: one article per file; jsonl: one\n"
    "                        {\"id\",\"title\",\"text\"} object per line, "
    "other\n"
    "                        members copied to the output unchanged\n"
    "                        (default: by file name; text for standard input)\n"
    "  -e, --encoding ENC    utf-8 (default), gb18030, gbk, big5, utf-16, any\n"
    "                        ICU converter name, or auto (detect, and say so)\n"
    "  -f, --format FORMAT   jsonl (default), or tsv: one row per passage "
    "with\n"
    "                        id, start, end, speaker, stance, score, text\n"
    "  -s, --summary[=FILE]  a speaker x stance table of the passages tagged,\n"
    "                        CSV, to FILE or else instead of the articles\n"
    "  -o, --output FILE     write to FILE instead of standard output\n"
    "  -r, --resume FILE     finish an interrupted batch: skip the articles\n"
    "                        whose ids FILE holds, append the rest to it\n"
    "  -j, --jobs N          tagging threads (default: one per processor)\n"
    "      --max-bytes N     refuse longer articles (default 8388608; 0: no\n"
    "                        limit)\n"
    "  -k, --keywords N      keywords per article (default 10)\n"
    "  -d, --dict DIR        load the lexicon from DIR instead of the "
    "built-in\n"
    "      --progress        show progress even when standard error is not a\n"
    "                        terminal (--no-progress: never)\n"
    "  -h, --help            show this help\n\n"
    "A bad article (unreadable, undecodable, empty, binary, too long, a line\n"
    "that is not JSON) gets {\"id\":…,\"error\":…} and a message; the rest go\n"
    "on, and the exit status is 1. Interrupted (SIGINT, SIGTERM), it leaves\n"
    "whole lines, says how far it got and exits 128+signal; --resume goes "
    "on.\n";

enum { OPT_MAX_BYTES = 256, OPT_PROGRESS, OPT_NO_PROGRESS };

static const struct option options[] = {
    {"input", required_argument, NULL, 'i'},
    {"encoding", required_argument, NULL, 'e'},
    {"format", required_argument, NULL, 'f'},
    {"summary", optional_argument, NULL, 's'},
    {"output", required_argument, NULL, 'o'},
    {"resume", required_argument, NULL, 'r'},
    {"jobs", required_argument, NULL, 'j'},
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"keywords", required_argument, NULL, 'k'},
    {"dict", required_argument, NULL, 'd'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static bool parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (end == s || *end || errno || s[0] == '-' || v > SIZE_MAX)
    return false;
  *out = (size_t)v;
  return true;
}

static unsigned processors(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return (unsigned)CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}

enum { IN_AUTO, IN_TEXT, IN_JSONL };

typedef struct {
  tag_config cfg;
  int input;
  id_set *done; /* --resume */
  size_t skipped;
  cli_batch *batch;
  size_t read_limit, line_limit;
} reader;

static cli_item *item_new(int kind, const char *where, const char *id) {
  cli_item *it = calloc(1, sizeof *it);
  if (!it)
    return NULL;
  it->kind = kind;
  it->where = strdup(where);
  it->id = strdup(id);
  if (!it->where || !it->id) {
    tag_item_free(it);
    return NULL;
  }
  return it;
}

static void set_failed(cli_item *it, const char *fmt, const char *arg,
                       size_t n) {
  char msg[256];
  snprintf(msg, sizeof msg, fmt, arg, n);
  it->kind = ITEM_FAILED;
  it->reason = strdup(msg);
}

/* Skips an article an earlier run wrote (--resume); frees it then. */
static bool already_done(reader *r, cli_item *it) {
  if (!r->done)
    return false;
  if (!it->key)
    it->key = tag_item_key(it);
  if (!id_set_take(r->done, it->key))
    return false;
  r->skipped++;
  tag_item_free(it);
  return true;
}

/* Queues it; false when the batch is stopping or memory ran out. */
static bool submit(reader *r, cli_item *it) {
  if (!it) {
    cli_error("out of memory");
    return false;
  }
  return cli_batch_submit(r->batch, it);
}

static bool blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      return false;
  return true;
}

static bool read_jsonl(reader *r, const char *path) {
  cli_lines in;
  if (!cli_lines_open(&in, path)) {
    cli_item *it = item_new(ITEM_FAILED, path, path);
    if (it)
      set_failed(it, "%s%.0zu", strerror(errno), 0);
    return already_done(r, it) || submit(r, it);
  }
  const char *name = strcmp(path, "-") ? path : "-";
  bool go = true;
  while (go) {
    char *line;
    size_t len;
    int rc = cli_lines_next(&in, &line, &len, r->line_limit);
    if (rc == 0 || (rc < 0 && cli_stop_signal))
      break;
    if (rc == 1 && in.lineno == 1 && len >= 3 &&
        !memcmp(line, "\xEF\xBB\xBF", 3)) { /* a BOM, from Windows tools */
      memmove(line, line + 3, len - 2);
      len -= 3;
    }
    if (rc == 1 && blank_line(line, len)) { /* holds no article */
      free(line);
      continue;
    }
    char where[PATH_MAX + 32];
    snprintf(where, sizeof where, "%s:%lu", name, in.lineno);
    cli_item *it = item_new(ITEM_JSONL, where, where);
    if (!it) {
      free(line);
      go = submit(r, NULL);
      break;
    }
    if (rc == 1) {
      it->data = line;
      it->len = len;
      it->in_bytes = len + 1;
      if (r->done)
        tag_item_parse(it, &r->cfg); /* the id is needed now */
    } else if (rc == 2) {
      it->in_bytes = len + 1;
      set_failed(it, "line is %s%zu bytes, longer than --max-bytes allows", "",
                 len);
    } else {
      set_failed(it, "%s%.0zu", strerror(errno), 0);
      go = false; /* a read error ends this file */
    }
    if (!already_done(r, it) && !submit(r, it))
      go = false;
    if (rc < 0)
      break;
  }
  cli_lines_close(&in);
  return !cli_stop_signal && go;
}

static bool read_text(reader *r, const char *path) {
  cli_item *it = item_new(ITEM_TEXT, path, path);
  if (!it || already_done(r, it))
    return submit(r, it) || it;
  size_t len;
  it->data = cli_read_file_max(path, &len, r->read_limit);
  if (!it->data) {
    if (cli_stop_signal) {
      tag_item_free(it);
      return false;
    }
    set_failed(it, "%s%.0zu", strerror(errno), 0);
  } else if (r->read_limit && len > r->read_limit) {
    free(it->data);
    it->data = NULL;
    it->in_bytes = len;
    set_failed(it, "byte %s%zu: the article is longer than --max-bytes", "",
               r->cfg.opts.max_bytes);
  } else {
    it->len = it->in_bytes = len;
  }
  return submit(r, it);
}

/* Where the output goes, for the message after an interruption. */
static void output_name(const char *given, char *buf, size_t size) {
  if (given) {
    snprintf(buf, size, "%s", given);
    return;
  }
  struct stat st;
  ssize_t n = -1;
  if (fstat(1, &st) == 0 && S_ISREG(st.st_mode))
    n = readlink("/proc/self/fd/1", buf, size - 1);
  if (n > 0)
    buf[n] = '\0';
  else
    snprintf(buf, size, "OUTPUT");
}

/* Whether path (if it exists) is one of the inputs: --output would
 * truncate it, --resume read what it appends. */
static bool same_file_as_input(const char *path, const cli_paths *paths) {
  struct stat out;
  if (stat(path, &out) < 0)
    return false;
  for (size_t i = 0; i < paths->len; i++) {
    struct stat in;
    const char *p = paths->paths[i];
    if ((strcmp(p, "-") ? stat(p, &in) : fstat(0, &in)) == 0 &&
        in.st_dev == out.st_dev && in.st_ino == out.st_ino)
      return true;
  }
  return false;
}

static size_t input_size(const cli_paths *paths) {
  size_t total = 0;
  for (size_t i = 0; i < paths->len; i++) {
    struct stat st;
    const char *p = paths->paths[i];
    if ((strcmp(p, "-") ? stat(p, &st) : fstat(0, &st)) < 0 ||
        !S_ISREG(st.st_mode))
      return 0; /* a pipe: no ETA */
    total += (size_t)st.st_size;
  }
  return total;
}

int cmd_tag(int argc, char **argv) {
  reader r = {0};
  lichang_options defaults = LICHANG_OPTIONS_INIT;
  r.cfg.opts = defaults;
  r.cfg.opts.max_bytes = DEFAULT_MAX_BYTES;
  const char *dict = NULL, *output = NULL, *resume = NULL, *summary = NULL;
  bool want_summary = false, format_given = false;
  int progress = -1; /* -1 auto, 0 never, 1 forced */
  unsigned jobs = processors();
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "i:e:f:s::o:r:j:k:d:h", options, NULL)) !=
         -1) {
    size_t v;
    switch (c) {
    case 'i':
      if (!strcmp(optarg, "text"))
        r.input = IN_TEXT;
      else if (!strcmp(optarg, "jsonl"))
        r.input = IN_JSONL;
      else {
        cli_error("--input: 'text' or 'jsonl', not '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'e':
      if (!strcasecmp(optarg, "utf-8") || !strcasecmp(optarg, "utf8"))
        r.cfg.encoding = NULL;
      else {
        lichang_error err;
        if (lichang_decode(NULL, NULL, "", 0, optarg, NULL, &err) < 0) {
          cli_error("--encoding: %s", err.message);
          return EXIT_USAGE;
        }
        r.cfg.encoding = optarg;
      }
      break;
    case 'f':
      if (!strcmp(optarg, "jsonl"))
        r.cfg.format = FMT_JSONL;
      else if (!strcmp(optarg, "tsv"))
        r.cfg.format = FMT_TSV;
      else {
        cli_error("--format: 'jsonl' or 'tsv', not '%s'", optarg);
        return EXIT_USAGE;
      }
      format_given = true;
      break;
    case 's':
      want_summary = true;
      summary = optarg;
      break;
    case 'o':
      output = optarg;
      break;
    case 'r':
      resume = optarg;
      break;
    case 'j':
      if (!parse_size(optarg, &v) || v < 1 || v > 1024) {
        cli_error("--jobs: not a number from 1 to 1024: '%s'", optarg);
        return EXIT_USAGE;
      }
      jobs = (unsigned)v;
      break;
    case OPT_MAX_BYTES:
      if (!parse_size(optarg, &r.cfg.opts.max_bytes)) {
        cli_error("--max-bytes: not a number: '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'k':
      if (!parse_size(optarg, &v) || v > 1000) {
        cli_error("--keywords: not a number from 0 to 1000: '%s'", optarg);
        return EXIT_USAGE;
      }
      r.cfg.opts.max_keywords = (unsigned)v;
      break;
    case 'd':
      dict = optarg;
      break;
    case OPT_PROGRESS:
      progress = 1;
      break;
    case OPT_NO_PROGRESS:
      progress = 0;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_DONE;
    default:
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  r.cfg.summary = want_summary;
  if (want_summary && !summary) {
    if (format_given) {
      cli_error("--summary without a FILE replaces the articles; give "
                "--summary=FILE to have both");
      return EXIT_USAGE;
    }
    r.cfg.format = FMT_NONE;
  }
  if (resume && (output || r.cfg.format != FMT_JSONL)) {
    cli_error("--resume appends JSON Lines to its FILE: it takes neither "
              "--output, --format tsv nor a --summary without FILE");
    return EXIT_USAGE;
  }
  if (r.input == IN_JSONL && r.cfg.encoding &&
      !strncasecmp(r.cfg.encoding, "utf-16", 6)) {
    cli_error("--encoding utf-16: JSON Lines are read a line at a time and "
              "need an 8-bit encoding; convert the file with iconv first");
    return EXIT_USAGE;
  }
  size_t m = r.cfg.opts.max_bytes;
  /* UTF-16 may take twice the bytes of its UTF-8; the tagger checks the
   * converted length exactly. A JSON line carries escapes and members
   * besides the text. */
  r.read_limit = m ? (r.cfg.encoding ? 2 * m : m) : 0;
  r.line_limit = m ? 2 * m + (1 << 20) : 0;

  lichang_lexicon *lx = cli_lexicon(dict);
  if (!lx)
    return EXIT_USAGE;
  r.cfg.lx = lx;
  int status = EXIT_DONE;
  int out_fd = 1;
  const char *out_name = "standard output";
  size_t earlier = 0;
  cli_paths paths = {0};
  int walk = r.input == IN_TEXT    ? CLI_WALK_TEXT
             : r.input == IN_JSONL ? CLI_WALK_JSONL
                                   : CLI_WALK_TEXT;
  if (optind == argc)
    cli_paths_add_kinds(&paths, "-", walk);
  for (int i = optind; i < argc; i++)
    cli_paths_add_kinds(&paths, argv[i], walk);

  const char *dest = resume ? resume : output;
  if (dest && same_file_as_input(dest, &paths)) {
    cli_error("%s: is also an input; write the output elsewhere", dest);
    cli_paths_free(&paths);
    lichang_lexicon_free(lx);
    return EXIT_USAGE;
  }
  if (resume) {
    if (!(r.done = id_set_load(resume, &earlier))) {
      cli_paths_free(&paths);
      lichang_lexicon_free(lx);
      return EXIT_INPUT;
    }
    output = resume;
  }
  if (output) {
    out_fd = open(
        output, O_WRONLY | O_CREAT | O_CLOEXEC | (resume ? O_APPEND : O_TRUNC),
        0666);
    if (out_fd < 0) {
      cli_error("%s: %s", output, strerror(errno));
      cli_paths_free(&paths);
      id_set_free(r.done);
      lichang_lexicon_free(lx);
      return EXIT_INPUT;
    }
    out_name = output;
  }

  /* On its own, progress shows only where nobody reads the output: not
   * when the articles scroll past on the same terminal. */
  if (progress < 0 && out_fd == 1 && isatty(1))
    progress = 0;
  cli_progress *prog =
      progress ? cli_progress_new(input_size(&paths), progress == 1) : NULL;
  tag_writer *w = tag_writer_new(out_fd, out_name, want_summary, prog);
  cli_signals_install();
  cli_batch_config bc = {
      .jobs = jobs,
      /* Enough queued that no worker waits for the reader and threads
       * are woken once per quarter of the ring (16 a job woke them ~2
       * times an article); max_bytes still bounds the memory. */
      .max_items = 64 * (size_t)jobs + 64,
      .max_bytes = 16u << 20,
      .worker_ctx = &r.cfg,
      .worker_new = tag_worker_new,
      .worker_free = tag_worker_free,
      .work = tag_work,
      .writer_ctx = w,
      .write = tag_writer_write,
      .flush = tag_writer_flush,
      .tick = tag_writer_tick,
      .item_free = tag_item_free,
      .item_bytes = tag_item_bytes,
  };
  r.batch = w ? cli_batch_start(&bc) : NULL;
  if (!r.batch) {
    if (!w)
      cli_error("out of memory");
    status = EXIT_USAGE;
    goto done;
  }
  if (r.done && earlier)
    cli_error("%s: %zu articles done already; tagging the rest", resume,
              earlier);
  for (size_t i = 0; i < paths.len; i++) {
    const char *p = paths.paths[i];
    bool jsonl =
        r.input == IN_JSONL || (r.input == IN_AUTO && cli_is_jsonl_name(p));
    if (!(jsonl ? read_jsonl(&r, p) : read_text(&r, p)))
      break;
  }
  bool stopped;
  size_t written = cli_batch_finish(r.batch, &stopped);
  if (tag_writer_failed(w))
    status = EXIT_INPUT;
  if (tag_writer_broken(w))
    status = EXIT_INPUT;
  if (cli_stop_signal) {
    char name[PATH_MAX];
    output_name(output, name, sizeof name);
    const char *last = tag_writer_last(w);
    cli_progress_clear(prog);
    cli_error("interrupted by %s: %zu article%s written%s%s%s; to finish, run "
              "the same command with --resume %s",
              cli_stop_signal == SIGINT    ? "SIGINT"
              : cli_stop_signal == SIGTERM ? "SIGTERM"
                                           : "SIGHUP",
              written, written == 1 ? "" : "s", last ? ", the last one '" : "",
              last ? last : "", last ? "'" : "", name);
    status = 128 + cli_stop_signal;
  } else if (tag_writer_closed(w)) {
    status = EXIT_DONE; /* `| head`: the reader had all it wanted */
  } else if (want_summary && !stopped) {
    int fd = out_fd;
    const char *name = out_name;
    if (summary) {
      fd = open(summary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
      name = summary;
      if (fd < 0)
        cli_error("%s: %s", summary, strerror(errno));
    }
    if (fd < 0 || !tag_writer_summary(w, fd, name))
      status = EXIT_INPUT;
    if (summary && fd >= 0 && close(fd) < 0) {
      cli_error("%s: %s", summary, strerror(errno));
      status = EXIT_INPUT;
    }
  }
done:
  if (out_fd != 1 && close(out_fd) < 0) {
    cli_error("%s: %s", out_name, strerror(errno));
    status = EXIT_INPUT;
  }
  cli_progress_free(prog);
  tag_writer_free(w);
  cli_paths_free(&paths);
  id_set_free(r.done);
  lichang_lexicon_free(lx);
  return status;
}
