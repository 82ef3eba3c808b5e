/* The lichang command: exit statuses and what goes where. */
#include "tests_common.h"

#include <sys/wait.h>

#ifndef LICHANG_CLI
#define LICHANG_CLI "lichang"
#endif

/* Runs a shell command line with $L set to the binary; returns its exit
 * status and its standard output (first 64 KiB) in out. */
static int run(const char *cmd, char *out, size_t size) {
  char line[2048];
  snprintf(line, sizeof line, "L='%s'; T='%s'; %s", LICHANG_CLI,
           LICHANG_TEST_DIR, cmd);
  FILE *p = popen(line, "r");
  ck_assert_ptr_nonnull(p);
  size_t n = out ? fread(out, 1, size - 1, p) : 0;
  if (out)
    out[n] = '\0';
  else {
    char sink[4096];
    while (fread(sink, 1, sizeof sink, p) > 0)
      ;
  }
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

START_TEST(help_and_version) {
  char out[65536];
  ck_assert_int_eq(run("$L --help", out, sizeof out), 0);
  ck_assert_ptr_nonnull(strstr(out, "usage: lichang"));
  ck_assert_int_eq(run("$L --version", out, sizeof out), 0);
  ck_assert_str_eq(out, "lichang " LICHANG_VERSION_STRING "\n");
  ck_assert_int_eq(run("$L tag --help", out, sizeof out), 0);
  ck_assert_ptr_nonnull(strstr(out, "--dict"));
}
END_TEST

START_TEST(usage_errors_exit_2) {
  char out[4096];
  ck_assert_int_eq(run("$L 2>/dev/null", NULL, 0), 2);
  ck_assert_int_eq(run("$L frobnicate 2>&1", out, sizeof out), 2);
  ck_assert_ptr_nonnull(strstr(out, "lichang: unknown command 'frobnicate'"));
  ck_assert_int_eq(run("$L tag --no-such-option 2>/dev/null", NULL, 0), 2);
  ck_assert_int_eq(run("$L tag --max-bytes x 2>/dev/null", NULL, 0), 2);
}
END_TEST

START_TEST(unreadable_file_exit_1_rest_tagged) {
  char out[65536];
  int st = run("$L tag /nonexistent.txt \"$T/articles/example.txt\" "
               "2>/tmp/lichang-cli-err",
               out, sizeof out);
  ck_assert_int_eq(st, 1);
  ck_assert_ptr_nonnull(strstr(out, "\"id\":"));
  ck_assert_ptr_nonnull(strstr(out, "example.txt"));
  FILE *f = fopen("/tmp/lichang-cli-err", "r");
  char err[512] = {0};
  ck_assert_ptr_nonnull(fgets(err, sizeof err, f));
  fclose(f);
  ck_assert_str_eq(err, "lichang: /nonexistent.txt: No such file or directory\n");
}
END_TEST

START_TEST(bad_lexicon_exit_2) {
  char out[4096];
  int st = run("d=$(mktemp -d); printf '突破\\tgood\\t1\\n' > $d/stance.txt; "
               "echo 文 | $L tag --dict $d 2>&1; s=$?; rm -r $d; exit $s",
               out, sizeof out);
  ck_assert_int_eq(st, 2);
  ck_assert_ptr_nonnull(strstr(out, "/stance.txt:1:4: unknown stance 'good'"));
}
END_TEST

START_TEST(stdin_and_folder) {
  char out[65536];
  ck_assert_int_eq(run("echo '他說：「今天天氣很好，我們去散步吧。」' | $L tag",
                       out, sizeof out),
                   0);
  ck_assert(strncmp(out, "{\"id\":\"-\"", 9) == 0);
  ck_assert_int_eq(run("$L tag \"$T/articles\" | wc -l", out, sizeof out), 0);
  ck_assert_int_ge(atoi(out), 1);
}
END_TEST

int main(void) {
  Suite *s = suite_create("cli");
  TCase *tc = tcase_create("exit");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, help_and_version);
  tcase_add_test(tc, usage_errors_exit_2);
  tcase_add_test(tc, unreadable_file_exit_1_rest_tagged);
  tcase_add_test(tc, bad_lexicon_exit_2);
  tcase_add_test(tc, stdin_and_folder);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
