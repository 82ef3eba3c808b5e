/* The fuzz corpus and regression inputs as an ordinary test: runs every
 * file under the given paths (folders recursively, in sorted order)
 * through one harness's LLVMFuzzerTestOneInput, without libFuzzer. A
 * failing input aborts inside the harness or trips a sanitizer; the input
 * being run is printed first so the log names it. */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t ran;
static int verbose;
static const char *current;

/* When an input kills the run, the log says which one. */
static void name_current(void) {
  if (current)
    fprintf(stderr, "replay: failing input: %s\n", current);
}
static void on_signal(int sig) {
  name_current();
  signal(sig, SIG_DFL);
  raise(sig);
}
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 1;
  }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      uint8_t *b = realloc(buf, cap *= 2);
      if (!b)
        free(buf);
      buf = b;
    }
  }
  fclose(f);
  if (!buf) {
    fprintf(stderr, "%s: out of memory\n", path);
    return 1;
  }
  if (verbose)
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
  /* Exactly n bytes, so a read past the end is an ASan error. */
  uint8_t *exact = malloc(n ? n : 1);
  memcpy(exact, buf, n);
  free(buf);
  current = path;
  LLVMFuzzerTestOneInput(exact, n);
  current = NULL;
  free(exact);
  ran++;
  return 0;
}

static int cmp(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

static int run_path(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    perror(path);
    return 1;
  }
  if (!S_ISDIR(st.st_mode))
    return run_file(path);
  struct dirent **names;
  int n = scandir(path, &names, NULL, cmp);
  if (n < 0) {
    perror(path);
    return 1;
  }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    if (names[i]->d_name[0] != '.') {
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", path, names[i]->d_name);
      rc |= run_path(sub);
    }
    free(names[i]);
  }
  free(names);
  return rc;
}

int main(int argc, char **argv) {
  int rc = 0;
  verbose = getenv("LICHANG_REPLAY_VERBOSE") != NULL;
  signal(SIGABRT, on_signal);
  signal(SIGSEGV, on_signal);
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback(name_current);
  for (int i = 1; i < argc; i++)
    rc |= run_path(argv[i]);
  printf("replayed %zu inputs\n", ran);
  return rc;
}
