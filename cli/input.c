/* Inputs: files, folders (recursive, in sorted order so output is
 * reproducible), standard input, and JSON Lines read a line at a time, so a
 * batch of any size is read in constant memory. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool push(cli_paths *p, char *s) {
  if (!s)
    return false;
  if (p->len == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 16;
    char **a = realloc(p->paths, cap * sizeof *a);
    if (!a) {
      free(s);
      return false;
    }
    p->paths = a;
    p->cap = cap;
  }
  p->paths[p->len++] = s;
  return true;
}

static bool ends_with(const char *name, const char *suffix) {
  size_t n = strlen(name), k = strlen(suffix);
  return n > k && strcmp(name + n - k, suffix) == 0;
}

bool cli_is_jsonl_name(const char *path) {
  return ends_with(path, ".jsonl") || ends_with(path, ".ndjson");
}

static bool wanted(const char *name, int kinds) {
  return ((kinds & CLI_WALK_TEXT) && ends_with(name, ".txt")) ||
         ((kinds & CLI_WALK_JSONL) && cli_is_jsonl_name(name));
}

static void walk(cli_paths *p, const char *dir, int kinds) {
  struct dirent **names;
  int n = scandir(dir, &names, NULL, alphasort);
  if (n < 0) {
    cli_error("%s: %s", dir, strerror(errno));
    return;
  }
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    if (name[0] != '.') {
      size_t len = strlen(dir) + strlen(name) + 2;
      char *path = malloc(len);
      if (path) {
        snprintf(path, len, "%s/%s", dir, name);
        struct stat st;
        /* lstat: a symlinked folder is not followed, so a loop cannot
         * trap the walk; a symlinked file is read. An article that cannot
         * be stat'ed (a dangling or looping link) is still listed: reading
         * it fails, and the batch reports that in its place. */
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
          walk(p, path, kinds);
          free(path);
        } else if (wanted(name, kinds) &&
                   (stat(path, &st) != 0 || S_ISREG(st.st_mode))) {
          push(p, path);
        } else
          free(path);
      }
    }
    free(names[i]);
  }
  free(names);
}

bool cli_paths_add_kinds(cli_paths *p, const char *arg, int kinds) {
  struct stat st;
  if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
    walk(p, arg, kinds);
    return true;
  }
  return push(p, strdup(arg));
}

bool cli_paths_add(cli_paths *p, const char *arg) {
  return cli_paths_add_kinds(p, arg, CLI_WALK_TEXT);
}

void cli_paths_free(cli_paths *p) {
  for (size_t i = 0; i < p->len; i++)
    free(p->paths[i]);
  free(p->paths);
  p->paths = NULL;
  p->len = p->cap = 0;
}

char *cli_read_file_max(const char *path, size_t *len, size_t limit) {
  bool is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  size_t cap = 65536, n = 0;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin)
      close(fd);
    errno = EISDIR;
    return NULL;
  }
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    cap = (size_t)st.st_size + 1; /* one read, and one more to see the end */
  if (limit && cap > limit + 2)
    cap = limit + 2;
  char *buf = malloc(cap);
  int e = buf ? 0 : ENOMEM;
  while (buf) {
    if (n == cap) {
      if (limit && n > limit)
        break; /* enough to know it is too long */
      char *b = realloc(buf, cap * 2);
      if (!b) {
        e = ENOMEM;
        break;
      }
      buf = b;
      cap *= 2;
    }
    ssize_t got = read(fd, buf + n, cap - n);
    if (got < 0 && errno == EINTR && !cli_stop_signal)
      continue;
    if (got < 0) {
      e = errno;
      break;
    }
    if (got == 0)
      break;
    n += (size_t)got;
  }
  if (!is_stdin)
    close(fd);
  if (e) {
    free(buf);
    errno = e;
    return NULL;
  }
  *len = n;
  return buf;
}

char *cli_read_file(const char *path, size_t *len) {
  return cli_read_file_max(path, len, 0);
}

bool cli_lines_open(cli_lines *r, const char *path) {
  memset(r, 0, sizeof *r);
  r->fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
  if (r->fd < 0)
    return false;
  struct stat st;
  if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(r->fd);
    r->fd = -1;
    errno = EISDIR;
    return false;
  }
  r->cap = 1 << 20;
  r->buf = malloc(r->cap);
  if (!r->buf) {
    if (r->fd > 0)
      close(r->fd);
    r->fd = -1;
    errno = ENOMEM;
    return false;
  }
  return true;
}

/* Reads more into the buffer after end; 0 at end of file, -1 on error. */
static int fill(cli_lines *r) {
  if (r->end == r->cap) {
    if (r->start > 0) { /* slide the partial line down */
      memmove(r->buf, r->buf + r->start, r->end - r->start);
      r->end -= r->start;
      r->start = 0;
    } else {
      char *b = realloc(r->buf, r->cap * 2);
      if (!b) {
        errno = ENOMEM;
        return -1;
      }
      r->buf = b;
      r->cap *= 2;
    }
  }
  for (;;) {
    ssize_t got = read(r->fd, r->buf + r->end, r->cap - r->end);
    if (got < 0 && errno == EINTR && !cli_stop_signal)
      continue;
    if (got < 0)
      return -1;
    r->end += (size_t)got;
    return got > 0;
  }
}

int cli_lines_next(cli_lines *r, char **line, size_t *len, size_t limit) {
  *line = NULL;
  *len = 0;
  size_t seen = 0;    /* bytes after start already searched for a newline */
  size_t skipped = 0; /* bytes of this line dropped for being too long */
  for (;;) {
    char *nl = memchr(r->buf + r->start + seen, '\n', r->end - r->start - seen);
    if (nl || (r->eof && (r->end > r->start || skipped))) {
      size_t e = nl ? (size_t)(nl - r->buf) : r->end;
      const char *s0 = r->buf + r->start;
      size_t n = e - r->start;
      r->start = nl ? e + 1 : e;
      r->lineno++;
      if (skipped || (limit && n > limit)) {
        *len = skipped + n;
        return 2;
      }
      if (n && s0[n - 1] == '\r')
        n--;
      char *s = malloc(n + 1);
      if (!s) {
        errno = ENOMEM;
        return -1;
      }
      memcpy(s, s0, n);
      s[n] = '\0';
      *line = s;
      *len = n;
      return 1;
    }
    if (r->eof)
      return 0;
    seen = r->end - r->start;
    if (limit && seen > limit) {
      /* Too long to keep: forget what is buffered, only count it. */
      skipped += seen;
      r->start = r->end = 0;
      seen = 0;
    }
    int rc = fill(r); /* may slide the buffer; seen is relative to start */
    if (rc < 0)
      return -1;
    if (rc == 0)
      r->eof = true;
  }
}

void cli_lines_close(cli_lines *r) {
  if (r->fd > 0)
    close(r->fd);
  free(r->buf);
  memset(r, 0, sizeof *r);
  r->fd = -1;
}
