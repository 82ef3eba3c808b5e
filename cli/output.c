/* lichang tag, the writer's side: whole lines out, in order; the summary
 * table; and the ids of an earlier output for --resume.
 *
 * The lines of a run of articles are gathered and go out in one write(2)
 * (retried only if the kernel takes part of it): never part of an article,
 * so an interrupted batch leaves whole lines; and few system calls. A reader
 * that went away (EPIPE: `lichang tag … | head`) ends the batch quietly; any
 * other failure (ENOSPC on /dev/full) is reported and fails it. */
#include "tag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool write_all(int fd, const char *s, size_t n) {
  while (n) {
    ssize_t k = write(fd, s, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0)
      return false;
    s += k;
    n -= (size_t)k;
  }
  return true;
}

/* ---- a string -> count table (ids for --resume, speakers for --summary) */

typedef struct {
  char *key;
  size_t count[4];
} slot;

typedef struct {
  slot *slots;
  size_t cap, used;
} table;

static size_t hash(const char *s) {
  size_t h = 1469598103934665603ULL;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

/* The slot for key, made if absent; NULL when out of memory. */
static slot *table_get(table *t, const char *key, bool make) {
  if (make && (t->used + 1) * 4 > t->cap * 3) {
    size_t cap = t->cap ? t->cap * 2 : 1024;
    slot *s = calloc(cap, sizeof *s);
    if (!s)
      return NULL;
    for (size_t i = 0; i < t->cap; i++)
      if (t->slots[i].key) {
        size_t j = hash(t->slots[i].key) & (cap - 1);
        while (s[j].key)
          j = (j + 1) & (cap - 1);
        s[j] = t->slots[i];
      }
    free(t->slots);
    t->slots = s;
    t->cap = cap;
  }
  if (!t->cap)
    return NULL;
  size_t j = hash(key) & (t->cap - 1);
  for (; t->slots[j].key; j = (j + 1) & (t->cap - 1))
    if (!strcmp(t->slots[j].key, key))
      return &t->slots[j];
  if (!make || !(t->slots[j].key = strdup(key)))
    return NULL;
  t->used++;
  return &t->slots[j];
}

static void table_free(table *t) {
  for (size_t i = 0; i < t->cap; i++)
    free(t->slots[i].key);
  free(t->slots);
  memset(t, 0, sizeof *t);
}

/* ---- --resume ---- */

struct id_set {
  table t;
};

/* Cuts what follows the last newline: a line an earlier run was killed in
 * the middle of writing (only SIGKILL or a full disk can leave one). */
static bool cut_partial_line(int fd, const char *path) {
  struct stat st;
  if (fstat(fd, &st) < 0)
    return false;
  off_t end = st.st_size, pos = end;
  char buf[65536];
  while (pos > 0) {
    size_t n = pos > (off_t)sizeof buf ? sizeof buf : (size_t)pos;
    ssize_t got = pread(fd, buf, n, pos - (off_t)n);
    if (got != (ssize_t)n)
      return false;
    size_t k = n;
    while (k > 0 && buf[k - 1] != '\n')
      k--;
    if (k > 0) {
      pos = pos - (off_t)n + (off_t)k;
      break;
    }
    pos -= (off_t)n;
  }
  if (pos == end)
    return true;
  if (ftruncate(fd, pos) < 0)
    return false;
  cli_error("%s: removed an incomplete last line (%lld bytes) left by an "
            "interrupted run",
            path, (long long)(end - pos));
  return true;
}

id_set *id_set_load(const char *path, size_t *count) {
  id_set *s = calloc(1, sizeof *s);
  *count = 0;
  if (!s) {
    cli_error("out of memory");
    return NULL;
  }
  int fd = open(path, O_RDWR | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT)
    return s; /* nothing done yet */
  if (fd < 0 || !cut_partial_line(fd, path)) {
    cli_error("%s: %s", path, strerror(errno));
    if (fd >= 0)
      close(fd);
    free(s);
    return NULL;
  }
  close(fd);
  cli_lines r;
  if (!cli_lines_open(&r, path)) {
    cli_error("%s: %s", path, strerror(errno));
    free(s);
    return NULL;
  }
  char *line;
  size_t len;
  int rc;
  while ((rc = cli_lines_next(&r, &line, &len, 0)) == 1) {
    cli_record rec;
    char why[256];
    if (cli_record_parse(line, len, &rec, why, sizeof why) &&
        (rec.id || rec.id_json)) {
      strbuf k = {0};
      sb_puts(&k, rec.id ? "s" : "j");
      sb_puts(&k, rec.id ? rec.id : rec.id_json);
      slot *sl = k.s ? table_get(&s->t, k.s, true) : NULL;
      sb_free(&k);
      if (!sl) {
        rc = -1;
        errno = ENOMEM;
        free(line);
        cli_record_free(&rec);
        break;
      }
      sl->count[0]++;
      ++*count;
    } else
      cli_error("%s:%lu: not a line of lichang's output, ignored", path,
                r.lineno);
    cli_record_free(&rec);
    free(line);
  }
  cli_lines_close(&r);
  if (rc < 0) {
    cli_error("%s: %s", path, strerror(errno));
    id_set_free(s);
    return NULL;
  }
  return s;
}

bool id_set_take(id_set *s, const char *key) {
  slot *sl = key ? table_get(&s->t, key, false) : NULL;
  if (!sl || !sl->count[0])
    return false;
  sl->count[0]--;
  return true;
}

void id_set_free(id_set *s) {
  if (!s)
    return;
  table_free(&s->t);
  free(s);
}

/* ---- the writer ---- */

struct tag_writer {
  int fd;
  const char *fd_name;
  bool summary;
  cli_progress *progress;
  size_t failed;
  bool broken, closed;
  strbuf pending;    /* lines gathered for the next write */
  char *last;        /* id of the last article written */
  char *last_queued; /* id of the last article gathered */
  char encoding[32];
  table speakers;
};

tag_writer *tag_writer_new(int fd, const char *fd_name, bool summary,
                           cli_progress *progress) {
  tag_writer *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  w->fd = fd;
  w->fd_name = fd_name;
  w->summary = summary;
  w->progress = progress;
  return w;
}

static void message(tag_writer *w, const char *s, size_t n) {
  cli_progress_clear(w->progress);
  fwrite(s, 1, n, stderr);
}

bool tag_writer_write(void *writer, cli_item *it) {
  tag_writer *w = writer;
  if (it->msg.n)
    message(w, it->msg.s, it->msg.n);
  if (it->encoding[0] && strcmp(it->encoding, w->encoding)) {
    /* --encoding auto says what it chose, each time the choice changes. */
    cli_progress_clear(w->progress);
    cli_error("%s: --encoding auto: read as %s (confidence %d%%)%s", it->where,
              it->encoding, it->confidence,
              it->confidence < 50 ? "; if that is wrong, name the encoding"
                                  : "");
    memcpy(w->encoding, it->encoding, sizeof w->encoding);
  }
  if (it->failed)
    w->failed++;
  for (size_t i = 0; w->summary && i < it->pairs.n;) {
    const char *who = it->pairs.s + i;
    size_t n = strlen(who);
    slot *sl = table_get(&w->speakers, who, true);
    int st = it->pairs.s[i + n + 1] - '0';
    if (sl && st >= 0 && st < 4)
      sl->count[st]++;
    i += n + 3;
  }
  const char *id = it->rec.id        ? it->rec.id
                   : it->rec.id_json ? it->rec.id_json
                                     : it->id;
  char *last = strdup(id ? id : "");
  if (last) {
    free(w->last_queued);
    w->last_queued = last;
  }
  cli_progress_add(w->progress, 1, it->in_bytes);
  if (it->out.n && !sb_put(&w->pending, it->out.s, it->out.n)) {
    cli_error("out of memory");
    w->broken = true;
    return false;
  }
  /* A run of long articles is written as it comes, not held. */
  return w->pending.n < (1u << 20) || tag_writer_flush(w);
}

bool tag_writer_flush(void *writer) {
  tag_writer *w = writer;
  if (w->pending.n && !write_all(w->fd, w->pending.s, w->pending.n)) {
    if (errno == EPIPE)
      w->closed = true; /* the reader has all it wanted */
    else {
      cli_progress_clear(w->progress);
      cli_error("%s: %s", w->fd_name, strerror(errno));
      w->broken = true;
    }
    w->pending.n = 0;
    return false;
  }
  w->pending.n = 0;
  if (w->last_queued) {
    free(w->last);
    w->last = w->last_queued;
    w->last_queued = NULL;
  }
  return true;
}

void tag_writer_tick(void *writer) {
  cli_progress_tick(((tag_writer *)writer)->progress);
}

static bool put_csv(strbuf *b, const char *s) {
  if (!strpbrk(s, ",\"\r\n"))
    return sb_puts(b, s);
  bool ok = sb_put(b, "\"", 1);
  for (; *s && ok; s++)
    ok = *s == '"' ? sb_put(b, "\"\"", 2) : sb_put(b, s, 1);
  return ok && sb_put(b, "\"", 1);
}

static size_t total(const slot *s) {
  return s->count[0] + s->count[1] + s->count[2] + s->count[3];
}

/* Most quoted first; ties in byte order of the name, so the table is the
 * same from run to run. */
static int by_total(const void *a, const void *b) {
  const slot *x = a, *y = b;
  size_t tx = total(x), ty = total(y);
  if (tx != ty)
    return tx > ty ? -1 : 1;
  return strcmp(x->key, y->key);
}

bool tag_writer_summary(tag_writer *w, int fd, const char *fd_name) {
  size_t n = 0;
  slot *rows = malloc((w->speakers.used + 1) * sizeof *rows);
  strbuf b = {0};
  bool ok = rows != NULL;
  for (size_t i = 0; ok && i < w->speakers.cap; i++)
    if (w->speakers.slots[i].key)
      rows[n++] = w->speakers.slots[i];
  if (ok)
    qsort(rows, n, sizeof *rows, by_total);
  ok = ok && sb_puts(&b, "speaker,passages,optimistic,cautious,skeptical,"
                         "neutral\n");
  for (size_t i = 0; ok && i < n; i++)
    ok = put_csv(&b, rows[i].key) &&
         sb_printf(
             &b, ",%zu,%zu,%zu,%zu,%zu\n", total(rows + i),
             rows[i].count[LICHANG_OPTIMISTIC], rows[i].count[LICHANG_CAUTIOUS],
             rows[i].count[LICHANG_SKEPTICAL], rows[i].count[LICHANG_NEUTRAL]);
  free(rows);
  if (!ok)
    cli_error("out of memory");
  else if (!write_all(fd, b.s, b.n) && errno != EPIPE) {
    cli_error("%s: %s", fd_name, strerror(errno));
    ok = false;
  }
  sb_free(&b);
  return ok;
}

size_t tag_writer_failed(const tag_writer *w) { return w->failed; }
bool tag_writer_broken(const tag_writer *w) { return w->broken; }
bool tag_writer_closed(const tag_writer *w) { return w->closed; }
const char *tag_writer_last(const tag_writer *w) { return w->last; }

void tag_writer_free(tag_writer *w) {
  if (!w)
    return;
  table_free(&w->speakers);
  sb_free(&w->pending);
  free(w->last);
  free(w->last_queued);
  free(w);
}
