/* Benchmark helper (not a test): runs a command and prints its peak
 * resident memory, measured apart from the caller (a child forked from a
 * big process, say Python, starts with the parent's pages counted).
 *
 * usage: bench_rss COMMAND [ARG]...   prints "peak_rss_kb N" on stderr and
 * exits with the command's status. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_rss COMMAND [ARG]...\n");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[1], argv + 1);
    perror(argv[1]);
    _exit(127);
  }
  int st;
  struct rusage ru;
  if (wait4(pid, &st, 0, &ru) < 0) {
    perror("wait4");
    return 2;
  }
  fprintf(stderr, "peak_rss_kb %ld\n", ru.ru_maxrss);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
