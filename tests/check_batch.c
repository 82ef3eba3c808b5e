/* lichang tag on batches: input order whatever the threads, JSON Lines
 * passed through, encodings, bad articles answered in place, closed pipes
 * and full disks, interruption and --resume, GNU parallel.
 *
 * Each test runs the CLI through sh in a fresh temporary folder $W, with $L
 * the binary and $B the composed batch (tests/batch/articles.jsonl). */
#include "tests_common.h"

#include <sys/wait.h>
#include <unistd.h>

#ifndef LICHANG_CLI
#define LICHANG_CLI "lichang"
#endif

static char work[64];

static void setup(void) {
  snprintf(work, sizeof work, "/tmp/lichang-batch-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(work));
}

static void teardown(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
  ck_assert_int_eq(system(cmd), 0);
}

/* Runs a shell script; returns its exit status, its standard output (up to
 * size - 1 bytes) in out when out is not NULL. */
static int sh(const char *script, char *out, size_t size) {
  static char line[8192];
  snprintf(line, sizeof line,
           "L='%s'; T='%s'; W='%s'; B=\"$T/batch/articles.jsonl\"; cd \"$W\";"
           " %s",
           LICHANG_CLI, LICHANG_TEST_DIR, work, script);
  FILE *p = popen(line, "r");
  ck_assert_ptr_nonnull(p);
  size_t n = 0;
  char sink[4096];
  if (out)
    n = fread(out, 1, size - 1, p);
  while (fread(sink, 1, sizeof sink, p) > 0)
    ;
  if (out)
    out[n] = '\0';
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Reads $W/name into a static buffer ("" if absent). */
static const char *slurp(const char *name) {
  static char buf[1 << 20];
  char path[256];
  snprintf(path, sizeof path, "%s/%s", work, name);
  FILE *f = fopen(path, "rb");
  size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
  if (f)
    fclose(f);
  buf[n] = '\0';
  return buf;
}

/* $W/big.jsonl: the composed batch n times over, ids made unique. */
#define MAKE_BIG(n)                                                            \
  "awk -v n=" #n " '{a[NR]=$0} END{for(i=0;i<n;i++)for(j=1;j<=NR;j++){"        \
  "s=a[j]; sub(/\"id\":\"/, \"\\\"id\\\":\\\"\" i \"-\", s); print s}}' "      \
  "\"$B\" > big.jsonl; "

START_TEST(order_is_input_order_for_any_jobs) {
  char out[64];
  ck_assert_int_eq(sh(MAKE_BIG(40) "$L tag --jobs 1 big.jsonl > one && "
                                   "$L tag --jobs 4 big.jsonl > four && "
                                   "$L tag --jobs 3 --input jsonl < big.jsonl "
                                   "> three && cmp one four && cmp one three "
                                   "&& wc -l < one",
                      out, sizeof out),
                   0);
  ck_assert_int_eq(atoi(out), 480);
  /* The ids come out in the order they went in. */
  ck_assert_int_eq(sh("grep -o '^{\"id\":\"[^\"]*\"' one | cut -d'\"' -f4 > "
                      "ids.out; grep -o '^{\"id\":\"[^\"]*\"' big.jsonl | cut "
                      "-d'\"' -f4 > ids.in; cmp ids.in ids.out",
                      NULL, 0),
                   0);
}
END_TEST

START_TEST(other_members_pass_through) {
  char out[65536];
  ck_assert_int_eq(
      sh("head -n 7 \"$B\" | $L tag --input jsonl", out, sizeof out), 0);
  ck_assert_ptr_nonnull(
      strstr(out, "\"title\":\"地铁新线试运营\",\"source\":\"city-desk\","
                  "\"tags\":[\"交通\",\"地铁\"]}\n"));
  ck_assert_ptr_nonnull(strstr(out, ",\"attendance\":23500}\n"));
  ck_assert_ptr_nonnull(strstr(out, "\"meta\":{\"lang\":\"zh-Hans\","
                                    "\"words\":120}}\n"));
  /* A numeric id stays a number; a member the output writes itself is not
   * copied (no key twice); escapes in the id are kept as written. */
  ck_assert_int_eq(
      sh("printf '%s\\n' '{\"id\":42,\"text\":\"今天天氣很好。\","
         "\"quotes\":9,\"x\":null}' '{\"id\":\"a\\u0062\",\"text\":\"好\"}' "
         "| $L tag --input jsonl",
         out, sizeof out),
      0);
  ck_assert(strncmp(out, "{\"id\":42,\"chars\":7,", 19) == 0);
  /* A BOM before the first line and blank lines are not articles. */
  char two[65536];
  ck_assert_int_eq(sh("{ printf '\\357\\273\\277'; head -n 2 \"$B\"; "
                      "printf '\\n  \\r\\n'; sed -n 3p \"$B\"; } | "
                      "$L tag --input jsonl | cut -c1-13",
                      two, sizeof two),
                   0);
  ck_assert_str_eq(two, "{\"id\":\"b-01\",\n{\"id\":\"b-02\",\n"
                        "{\"id\":\"b-03\",\n");
  ck_assert_ptr_null(strstr(out, "\"quotes\":9"));
  ck_assert_ptr_nonnull(strstr(out, ",\"x\":null}\n"));
  ck_assert_ptr_nonnull(strstr(out, "\n{\"id\":\"a\\u0062\",\"chars\":1,"));
}
END_TEST

START_TEST(bad_lines_answered_in_place) {
  char out[65536];
  int st = sh("printf '%s\\n' '{\"id\":\"ok1\",\"text\":\"他說今天會下雨。\"}' "
              "'not json' '{\"id\":\"e\",\"text\":\"\"}' "
              "'{\"id\":\"w\",\"text\":\" \\u3000\\n\"}' "
              "'{\"id\":\"n\",\"text\":7}' '{\"id\":\"m\"}' "
              "'{\"id\":\"t\",\"text\":\"好\"} x' "
              "'{\"id\":\"ok2\",\"text\":\"明天放晴。\"}' "
              "| $L tag --input jsonl 2>err",
              out, sizeof out);
  ck_assert_int_eq(st, 1);
  const char *want[] = {
      "{\"id\":\"ok1\",\"chars\":",
      "{\"id\":\"-:2\",\"error\":\"byte 0: expected a JSON object\"}",
      "{\"id\":\"e\",\"error\":\"empty article\"}",
      "{\"id\":\"w\",\"error\":\"empty article\"}",
      "{\"id\":\"n\",\"error\":\"\\\"text\\\" is not a string\"}",
      "{\"id\":\"m\",\"error\":\"no \\\"text\\\" member\"}",
      "{\"id\":\"-:7\",\"error\":\"byte 24: text after the object\"}",
      "{\"id\":\"ok2\",\"chars\":"};
  const char *p = out;
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    ck_assert_msg(strncmp(p, want[i], strlen(want[i])) == 0, "line %zu: %.80s",
                  i + 1, p);
    p = strchr(p, '\n') + 1;
  }
  ck_assert_str_eq(p, "");
  ck_assert_str_eq(slurp("err"),
                   "lichang: -:2: byte 0: expected a JSON object\n"
                   "lichang: -:3: empty article\n"
                   "lichang: -:4: empty article\n"
                   "lichang: -:5: \"text\" is not a string\n"
                   "lichang: -:6: no \"text\" member\n"
                   "lichang: -:7: byte 24: text after the object\n");
}
END_TEST

START_TEST(bad_files_answered_in_place) {
  char out[65536];
  int st = sh("mkdir -p d/sub; printf '今天的會議很順利。' > d/a.txt; "
              ": > d/b-empty.txt; printf 'ab\\000cd' > d/c-binary.txt; "
              "printf '\\326\\320\\316\\304\\326\\320\\316\\304' > d/d-gbk.txt;"
              " head -c 3000 /dev/zero | tr '\\0' x > d/e-big.txt; "
              "printf '天氣晴朗。' > d/sub/f.txt; printf x > d/skip.md; "
              "ln -s g-loop.txt d/g-loop.txt; ln -s gone d/h-dangling.txt; "
              "$L tag --max-bytes 2000 d nonexistent.txt 2>err",
              out, sizeof out);
  ck_assert_int_eq(st, 1);
  const char *want[] = {
      "{\"id\":\"d/a.txt\",\"chars\":9,",
      "{\"id\":\"d/b-empty.txt\",\"error\":\"empty article\"}",
      "{\"id\":\"d/c-binary.txt\",\"error\":\"byte 2: binary data (a NUL "
      "byte), not text\"}",
      "{\"id\":\"d/d-gbk.txt\",\"error\":\"byte 0: not UTF-8 text (8 of 8 "
      "characters invalid); name its encoding with --encoding\"}",
      "{\"id\":\"d/e-big.txt\",\"error\":\"byte 2000: the article is longer "
      "than --max-bytes\"}",
      "{\"id\":\"d/g-loop.txt\",\"error\":\"Too many levels of symbolic "
      "links\"}",
      "{\"id\":\"d/h-dangling.txt\",\"error\":\"No such file or directory\"}",
      "{\"id\":\"d/sub/f.txt\",\"chars\":5,",
      "{\"id\":\"nonexistent.txt\",\"error\":\"No such file or directory\"}"};
  const char *p = out;
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    ck_assert_msg(strncmp(p, want[i], strlen(want[i])) == 0, "line %zu: %.100s",
                  i + 1, p);
    p = strchr(p, '\n') + 1;
  }
  ck_assert_str_eq(p, "");
  const char *err = slurp("err");
  ck_assert_ptr_nonnull(strstr(err, "lichang: d/c-binary.txt: byte 2: binary"));
  ck_assert_ptr_nonnull(
      strstr(err, "lichang: nonexistent.txt: No such file or directory\n"));
}
END_TEST

/* UTF-8 cannot carry a lone surrogate: it is read as U+FFFD, and said. */
START_TEST(lone_surrogate_said) {
  char out[4096];
  int st = sh("printf '%s\\n' '{\"id\":\"s\",\"text\":\"他說\\ud800好\\udc00。\"}' "
              "'{\"id\":\"p\",\"text\":\"她說\\ud83d\\ude00。\"}' "
              "| $L tag --input jsonl 2>err",
              out, sizeof out);
  ck_assert_int_eq(st, 0);
  ck_assert_ptr_nonnull(strstr(out, "{\"id\":\"s\",\"chars\":6,"));
  ck_assert_ptr_nonnull(strstr(out, "{\"id\":\"p\",\"chars\":4,"));
  ck_assert_str_eq(slurp("err"), "lichang: -:1: byte 24: 2 lone surrogate "
                                 "escapes read as U+FFFD\n");
}
END_TEST

/* A line whose text is not UTF-8 (here GBK bytes) is answered in place;
 * a few bad bytes are damage, read as U+FFFD; not UTF-8 comes before
 * longer than --max-bytes, whichever the tagger would find first. */
START_TEST(jsonl_text_not_utf8) {
  char out[4096];
  int st = sh("printf '%s\\n' "
              "'{\"id\":\"g\",\"text\":\"\326\320\316\304ab\"}' "
              "'{\"id\":\"f\",\"text\":\"他說今天\377會下雨。\"}' "
              "'{\"id\":\"h\",\"text\":\"ok\326\320\316\304\326\320\"}' "
              "| $L tag --input jsonl --max-bytes 9 2>err",
              out, sizeof out);
  ck_assert_int_eq(st, 1);
  ck_assert_str_eq(out,
                   "{\"id\":\"g\",\"error\":\"byte 0 of \\\"text\\\": not "
                   "UTF-8 text (4 of 6 characters invalid)\"}\n"
                   "{\"id\":\"f\",\"error\":\"byte 9: article is 25 bytes, "
                   "limit is 9\"}\n"
                   "{\"id\":\"h\",\"error\":\"byte 2 of \\\"text\\\": not "
                   "UTF-8 text (6 of 8 characters invalid)\"}\n");
  st = sh("printf '%s\\n' "
          "'{\"id\":\"g\",\"text\":\"\326\320\316\304ab\"}' "
          "'{\"id\":\"f\",\"text\":\"他說今天\377會下雨。\"}' "
          "| $L tag --input jsonl 2>err",
          out, sizeof out);
  ck_assert_int_eq(st, 1);
  ck_assert_ptr_nonnull(strstr(out, "{\"id\":\"g\",\"error\":\"byte 0 of "));
  ck_assert_ptr_nonnull(strstr(out, "{\"id\":\"f\",\"chars\":9,"));
}
END_TEST

START_TEST(line_longer_than_limit) {
  char out[4096];
  int st = sh("{ echo '{\"id\":\"a\",\"text\":\"好\"}'; printf '{\"id\":\"b\","
              "\"text\":\"'; head -c 3000000 /dev/zero | tr '\\0' y; echo "
              "'\"}'; echo '{\"id\":\"c\",\"text\":\"好\"}'; } | "
              "$L tag --input jsonl --max-bytes 1000 2>err",
              out, sizeof out);
  ck_assert_int_eq(st, 1);
  ck_assert_str_eq(out,
                   "{\"id\":\"a\",\"chars\":1,\"keywords\":[],\"quotes\":[],"
                   "\"speakers\":[]}\n"
                   "{\"id\":\"-:2\",\"error\":\"line is 3000020 bytes, longer "
                   "than --max-bytes allows\"}\n"
                   "{\"id\":\"c\",\"chars\":1,\"keywords\":[],\"quotes\":[],"
                   "\"speakers\":[]}\n");
  ck_assert_str_eq(slurp("err"), "lichang: -:2: line is 3000020 bytes, longer "
                                 "than --max-bytes allows\n");
}
END_TEST

/* The same article in another encoding tags the same: offsets are into the
 * UTF-8 text either way. */
START_TEST(encodings_convert) {
  char out[65536];
  ck_assert_int_eq(
      sh("sed -n 2p \"$B\" | sed 's/.*\"text\":\"//; s/\",\"source.*//' | "
         "sed 's/\\\\n/\\n/g' > trad.txt; "
         "sed -n 3p \"$B\" | sed 's/.*\"text\":\"//; s/\"}$//' | "
         "sed 's/\\\\n/\\n/g' > simp.txt; "
         "iconv -f UTF-8 -t BIG5 trad.txt > trad.big5; "
         "iconv -f UTF-8 -t GB18030 simp.txt > simp.gb; "
         "iconv -f UTF-8 -t GBK simp.txt > simp.gbk; "
         "iconv -f UTF-8 -t UTF-16LE simp.txt > simp.u16le; "
         "iconv -f UTF-8 -t UTF-16 trad.txt > trad.u16bom; "
         "t() { $L tag \"$@\" | sed 's/^{\"id\":\"[^\"]*\"//'; }; "
         "t simp.txt > a; t trad.txt > b; "
         "t --encoding big5 trad.big5 | cmp - b && "
         "t --encoding gb18030 simp.gb | cmp - a && "
         "t --encoding gbk simp.gbk | cmp - a && "
         "t --encoding utf-16 simp.u16le | cmp - a && "
         "t --encoding utf-16 trad.u16bom | cmp - b && "
         "t --encoding GB18030 simp.txt 2>/dev/null | cmp -s - a; echo $?",
         out, sizeof out),
      0);
  /* UTF-8 read as GB18030 is not the same text. */
  ck_assert_str_eq(out, "1\n");
  /* auto: says what it read, and adds it to the object. */
  ck_assert_int_eq(sh("$L tag --encoding auto simp.gb trad.big5 simp.txt "
                      "simp.u16le 2>err | grep -o '\"encoding\":\"[^\"]*\"'",
                      out, sizeof out),
                   0);
  ck_assert_str_eq(out, "\"encoding\":\"GB18030\"\n\"encoding\":\"Big5\"\n"
                        "\"encoding\":\"UTF-8\"\n\"encoding\":\"UTF-16LE\"\n");
  const char *err = slurp("err");
  ck_assert_ptr_nonnull(
      strstr(err, "lichang: simp.gb: --encoding auto: read as GB18030"));
  ck_assert_ptr_nonnull(
      strstr(err, "lichang: trad.big5: --encoding auto: read as Big5"));
  /* A damaged Big5 file: tagged, the damage reported with its offset. */
  ck_assert_int_eq(sh("{ head -c 10 trad.big5; printf '\\244!'; tail -c +11 "
                      "trad.big5; } > hurt.big5; $L tag --encoding big5 "
                      "hurt.big5 >/dev/null 2>err",
                      NULL, 0),
                   0);
  ck_assert_str_eq(slurp("err"), "lichang: hurt.big5: byte 10: 1 invalid "
                                 "Big5 sequence read as U+FFFD\n");
  ck_assert_int_eq(sh("$L tag --encoding klingon x 2>&1", out, sizeof out), 2);
  ck_assert_str_eq(out, "lichang: --encoding: unknown encoding 'klingon'\n");
}
END_TEST

START_TEST(closed_pipe_is_quiet) {
  char out[4096];
  ck_assert_int_eq(sh(MAKE_BIG(40) "{ $L tag big.jsonl 2>err; echo $? > st; }"
                                   " | head -n 1 | cut -c1-12",
                      out, sizeof out),
                   0);
  ck_assert_str_eq(out, "{\"id\":\"0-b-0\n");
  ck_assert_str_eq(slurp("st"), "0\n");
  ck_assert_str_eq(slurp("err"), "");
}
END_TEST

START_TEST(full_disk_fails_loudly) {
  char out[4096];
  if (access("/dev/full", W_OK) != 0) {
    puts("skipped: no /dev/full");
    return;
  }
  int st = sh("$L tag \"$B\" 2>&1 >/dev/full", out, sizeof out);
  ck_assert_int_eq(st, 1);
  ck_assert_str_eq(out, "lichang: standard output: No space left on device\n");
  st = sh("$L tag --summary \"$B\" 2>&1 >/dev/full", out, sizeof out);
  ck_assert_int_eq(st, 1);
  ck_assert_str_eq(out, "lichang: standard output: No space left on device\n");
}
END_TEST

/* Killed while the reader waits for more input: whole lines, a message
 * saying how far it got, and --resume finishes it exactly. */
START_TEST(interrupted_then_resumed) {
  char out[4096];
  int st =
      sh(MAKE_BIG(20) "$L tag big.jsonl > whole; mkfifo fifo; "
                      "$L tag --input jsonl -o part < fifo 2>err & pid=$!; "
                      "exec 3> fifo; head -n 100 big.jsonl >&3; "
                      "i=0; while [ \"$(cat part 2>/dev/null | wc -l)\" -lt "
                      "100 ] && [ $i -lt 600 ]; "
                      "do sleep 0.05; i=$((i+1)); done; "
                      "kill -TERM $pid; wait $pid; echo $? > st; exec 3>&-; "
                      "wc -l < part",
         out, sizeof out);
  ck_assert_int_eq(st, 0);
  ck_assert_int_eq(atoi(out), 100);
  ck_assert_str_eq(slurp("st"), "143\n");
  ck_assert_str_eq(slurp("err"),
                   "lichang: interrupted by SIGTERM: 100 articles written, "
                   "the last one '8-b-04'; to finish, run the same command "
                   "with --resume part\n");
  st = sh("$L tag --resume part --input jsonl < big.jsonl 2>err && "
          "cmp part whole",
          NULL, 0);
  ck_assert_int_eq(st, 0);
  ck_assert_str_eq(slurp("err"), "lichang: part: 100 articles done already; "
                                 "tagging the rest\n");
}
END_TEST

/* Killed at whatever moment, by SIGINT or SIGTERM, even SIGKILL: the
 * output holds whole lines (a SIGKILL's torn line is cut by --resume), and
 * resuming gives exactly the uninterrupted output. */
START_TEST(killed_anytime_resume_equals_whole) {
  char out[4096];
  int st =
      sh(MAKE_BIG(
             150) "$L tag big.jsonl > whole; fails=0; "
                  "for t in 0.05 0.2 0.4; do for sig in INT TERM KILL; do "
                  "rm -f part; $L tag --jobs 2 -o part big.jsonl 2>/dev/null & "
                  "pid=$!; sleep $t; kill -$sig $pid 2>/dev/null; wait $pid; "
                  "if [ $sig != KILL ] && [ -s part ] && "
                  "[ \"$(tail -c 1 part | od -An -c | tr -d ' ')\" != '\\n' ];"
                  " then fails=$((fails+1)); fi; "
                  "grep -v '^{\"id\":.*}$' part | grep -q . && [ $sig != KILL "
                  "] && fails=$((fails+1)); "
                  "$L tag --resume part big.jsonl 2>/dev/null; "
                  "cmp -s part whole || fails=$((fails+1)); done; done; "
                  "echo $fails",
         out, sizeof out);
  ck_assert_int_eq(st, 0);
  ck_assert_str_eq(out, "0\n");
}
END_TEST

START_TEST(resume_cuts_a_torn_line) {
  char out[4096];
  int st = sh("$L tag \"$B\" > whole; head -n 5 whole > part; "
              "sed -n 6p whole | head -c 40 >> part; "
              "$L tag --resume part \"$B\" 2>err; cmp part whole && echo same",
              out, sizeof out);
  ck_assert_int_eq(st, 0);
  ck_assert_str_eq(out, "same\n");
  ck_assert_ptr_nonnull(strstr(slurp("err"),
                               "lichang: part: removed an "
                               "incomplete last line (40 bytes)"));
}
END_TEST

START_TEST(gnu_parallel_equals_one_run) {
  char out[64];
  if (sh("command -v parallel >/dev/null", NULL, 0) != 0) {
    puts("skipped: GNU parallel is not installed");
    return;
  }
  int st =
      sh(MAKE_BIG(30) "$L tag --input jsonl < big.jsonl > one; "
                      "parallel --will-cite --pipe -k --block 40k -j 2 "
                      "\"$L\" tag --jobs 1 --input jsonl < big.jsonl > many && "
                      "cmp one many && wc -l < many",
         out, sizeof out);
  ck_assert_int_eq(st, 0);
  ck_assert_int_eq(atoi(out), 360);
}
END_TEST

START_TEST(tsv_and_summary) {
  char out[65536];
  ck_assert_int_eq(sh("$L tag --format tsv \"$B\"", out, sizeof out), 0);
  /* Seven columns a row, the passage text last, escaped. */
  char *line = strtok(out, "\n");
  ck_assert_ptr_nonnull(line);
  for (; line; line = strtok(NULL, "\n")) {
    int tabs = 0;
    for (char *c = line; *c; c++)
      tabs += *c == '\t';
    ck_assert_int_eq(tabs, 6);
  }
  ck_assert_int_eq(
      sh("$L tag --format tsv \"$B\" | grep -c '^b-06\t'", out, sizeof out), 0);
  ck_assert_int_ge(atoi(out), 1);
  /* A named speaker, counted by stance; the table replaces the articles. */
  ck_assert_int_eq(sh("mkdir lex; printf '張志遠\\tperson-m\\n' > "
                      "lex/people.txt; printf '張志遠說：「這項計畫明年完成，"
                      "大家放心。」\\n' > a.txt; cp a.txt b.txt; "
                      "$L tag --dict lex --summary a.txt b.txt",
                      out, sizeof out),
                   0);
  ck_assert_str_eq(out, "speaker,passages,optimistic,cautious,skeptical,"
                        "neutral\n張志遠,2,0,0,0,2\n");
  ck_assert_int_eq(sh("$L tag --dict lex --summary=s.csv a.txt | wc -l; "
                      "cat s.csv",
                      out, sizeof out),
                   0);
  ck_assert_str_eq(out, "1\nspeaker,passages,optimistic,cautious,skeptical,"
                        "neutral\n張志遠,1,0,0,0,1\n");
}
END_TEST

START_TEST(progress_only_when_asked) {
  char out[4096];
  ck_assert_int_eq(sh("$L tag \"$B\" 2>&1 >/dev/null", out, sizeof out), 0);
  ck_assert_str_eq(out, "");
  ck_assert_int_eq(sh("$L tag --progress \"$B\" 2>&1 >/dev/null | tail -n 1",
                      out, sizeof out),
                   0);
  ck_assert_ptr_nonnull(strstr(out, "lichang: 12 articles, "));
  ck_assert_ptr_nonnull(strstr(out, " MB/s)"));
}
END_TEST

START_TEST(usage_errors) {
  char out[4096];
  ck_assert_int_eq(sh("$L tag --jobs 0 x 2>&1", out, sizeof out), 2);
  ck_assert_int_eq(sh("$L tag --format xml x 2>&1", out, sizeof out), 2);
  ck_assert_int_eq(sh("$L tag --input csv x 2>&1", out, sizeof out), 2);
  ck_assert_int_eq(sh("$L tag --resume p --format tsv x 2>&1", out, sizeof out),
                   2);
  ck_assert_int_eq(
      sh("$L tag --input jsonl --encoding utf-16 x 2>&1", out, sizeof out), 2);
  /* The output is never one of the inputs: it would be truncated, or read
   * while it grows. */
  ck_assert_int_eq(sh("cp \"$B\" in.jsonl; $L tag -o in.jsonl in.jsonl 2>&1;"
                      " s=$?; cmp -s in.jsonl \"$B\" || s=9; exit $s",
                      out, sizeof out),
                   2);
  ck_assert_str_eq(out, "lichang: in.jsonl: is also an input; write the "
                        "output elsewhere\n");
  ck_assert_int_eq(sh("$L tag --resume in.jsonl < in.jsonl 2>/dev/null; s=$?;"
                      " cmp -s in.jsonl \"$B\" || s=9; exit $s",
                      NULL, 0),
                   2);
}
END_TEST

int main(void) {
  Suite *s = suite_create("batch");
  TCase *tc = tcase_create("batch");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, order_is_input_order_for_any_jobs);
  tcase_add_test(tc, other_members_pass_through);
  tcase_add_test(tc, bad_lines_answered_in_place);
  tcase_add_test(tc, bad_files_answered_in_place);
  tcase_add_test(tc, lone_surrogate_said);
  tcase_add_test(tc, jsonl_text_not_utf8);
  tcase_add_test(tc, line_longer_than_limit);
  tcase_add_test(tc, encodings_convert);
  tcase_add_test(tc, closed_pipe_is_quiet);
  tcase_add_test(tc, full_disk_fails_loudly);
  tcase_add_test(tc, interrupted_then_resumed);
  tcase_add_test(tc, killed_anytime_resume_equals_whole);
  tcase_add_test(tc, resume_cuts_a_torn_line);
  tcase_add_test(tc, gnu_parallel_equals_one_run);
  tcase_add_test(tc, tsv_and_summary);
  tcase_add_test(tc, progress_only_when_asked);
  tcase_add_test(tc, usage_errors);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
