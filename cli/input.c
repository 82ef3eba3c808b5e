/* Inputs: files, folders (recursive, *.txt, in sorted order so output is
 * reproducible), and standard input. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static bool has_txt(const char *name) {
  size_t n = strlen(name);
  return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static void walk(cli_paths *p, const char *dir) {
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
         * trap the walk; a symlinked file is read. */
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
          walk(p, path);
          free(path);
        } else if (has_txt(name) && stat(path, &st) == 0 &&
                   S_ISREG(st.st_mode)) {
          push(p, path);
        } else
          free(path);
      }
    }
    free(names[i]);
  }
  free(names);
}

bool cli_paths_add(cli_paths *p, const char *arg) {
  struct stat st;
  if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
    walk(p, arg);
    return true;
  }
  return push(p, strdup(arg));
}

void cli_paths_free(cli_paths *p) {
  for (size_t i = 0; i < p->len; i++)
    free(p->paths[i]);
  free(p->paths);
  p->paths = NULL;
  p->len = p->cap = 0;
}

char *cli_read_file(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f)
    return NULL;
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) {
      if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(buf);
        buf = NULL;
        errno = e;
      }
      break;
    }
    char *b = realloc(buf, cap * 2);
    if (!b) {
      free(buf);
      buf = NULL;
      errno = ENOMEM;
      break;
    }
    buf = b;
    cap *= 2;
  }
  if (f != stdin)
    fclose(f);
  if (buf)
    *len = n;
  return buf;
}
