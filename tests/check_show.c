/* lichang show: East Asian width-aware wrapping (never a split character,
 * never an overflowing line), the colour rules, the pager, --from, and the
 * JSON reader behind it. */
#include "tests_common.h"

#include "term.h"
#include "view.h"

#include <sys/wait.h>
#include <unistd.h>

#ifndef LICHANG_CLI
#define LICHANG_CLI "lichang"
#endif

/* ---- wrapping ---- */

static const char *const texts[] = {
    /* Traditional, with 「」 and a closing quote right after 。 */
    "交通局局長林志遠表示，試行以來乘客反應良好，「這是城市交通的一次突破，"
    "我們有信心明年擴大到全市。」但教授黃雅琪認為，全面推廣為時過早。",
    /* Simplified, Latin words, numbers, spaces after 。 */
    "咨询公司Greenfield Analytics的首席分析师认为，2024年的产能估计过于乐观。 "
    "“现在谈全面替代还为时尚早，”她说。 至少还要再观察3到5年……",
    /* paragraphs, indentation, CRLF, a blank line, a tab */
    "\xE3\x80\x80\xE3\x80\x80第一段。\r\n\n第二段\t有一個製表符。\n",
    /* a Latin word longer than any narrow line */
    "Supercalifragilisticexpialidocious 的長單詞，後面跟著中文。",
    /* combining marks, emoji, a byte that is not UTF-8, fullwidth letters */
    "e\xCC\x81t\xC3\xA9 \xF0\x9F\x98\x80 \xFF \xEF\xBC\xA1\xEF\xBC\xA2 好",
    /* runs of punctuation no line may start with */
    "他說：「好。」」」」」」」」」」」」」」」」」」」」」」」」」」",
};

static bool is_space_cp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '\n' || cp == '\r';
}

/* The wrapping invariants for one text and width. */
static void check_wrap(const char *s, int width) {
  size_t n = strlen(s);
  term_line *ln;
  size_t count = term_wrap(s, n, width, &ln);
  ck_assert_uint_ne(count, (size_t)-1);
  size_t pos = 0;
  for (size_t i = 0; i < count; i++) {
    const term_line *l = &ln[i];
    /* between lines only spaces and line ends were dropped */
    ck_assert_uint_ge(l->start, pos);
    for (size_t b = pos; b < l->start;) {
      uint32_t cp;
      b += term_utf8_next(s + b, l->start - b, &cp);
      ck_assert_msg(is_space_cp(cp), "width %d: U+%04X lost before line %zu",
                    width, (unsigned)cp, i);
    }
    ck_assert_uint_le(l->start, l->end);
    ck_assert_uint_le(l->end, l->next);
    /* never a split character: ends on boundaries */
    ck_assert((s[l->start] & 0xC0) != 0x80 || l->start == l->end);
    ck_assert(l->end == n || (s[l->end] & 0xC0) != 0x80);
    ck_assert_int_eq(l->cols,
                     (int)term_str_width(s + l->start, l->end - l->start));
    /* never wider than the line, unless one character is, alone */
    if (l->cols > width) {
      uint32_t cp;
      size_t k = term_utf8_next(s + l->start, l->end - l->start, &cp);
      size_t rest = l->start + k;
      while (rest < l->end) { /* combining marks ride along */
        uint32_t c2;
        rest += term_utf8_next(s + rest, l->end - rest, &c2);
        ck_assert_int_eq(term_cp_width(c2), 0);
      }
      ck_assert_int_gt(term_cp_width(cp), width);
    }
    /* a line never ends inside a combining sequence */
    if (l->end < n) {
      uint32_t cp;
      term_utf8_next(s + l->end, n - l->end, &cp);
      ck_assert(term_cp_width(cp) > 0 || is_space_cp(cp));
    }
    pos = l->end;
  }
  for (size_t b = pos; b < n;) {
    uint32_t cp;
    b += term_utf8_next(s + b, n - b, &cp);
    ck_assert_msg(is_space_cp(cp), "width %d: text lost at the end", width);
  }
  free(ln);
}

START_TEST(wrap_never_splits_or_overflows) {
  static const int widths[] = {80, 200, 3, 2, 1, 4, 5, 7, 13, 29};
  for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
      check_wrap(texts[t], widths[w]);
}
END_TEST

/* Lines of s wrapped to width, joined by '|'. */
static char *wrapped(const char *s, int width) {
  term_line *ln;
  size_t n = term_wrap(s, strlen(s), width, &ln);
  char *out = calloc(strlen(s) + n + 1, 1);
  for (size_t i = 0; i < n; i++) {
    if (i)
      strcat(out, "|");
    strncat(out, s + ln[i].start, ln[i].end - ln[i].start);
  }
  free(ln);
  return out;
}

START_TEST(wrap_widths_count_han_as_two) {
  ck_assert_int_eq(term_str_width("中文ab，", strlen("中文ab，")), 8);
  ck_assert_int_eq(term_cp_width(0x4E2D), 2);
  ck_assert_int_eq(term_cp_width('a'), 1);
  ck_assert_int_eq(term_cp_width(0x301), 0);  /* combining acute */
  ck_assert_int_eq(term_cp_width(0xFF21), 2); /* fullwidth A */
  char *w = wrapped("一二三四五六七八", 6);
  ck_assert_str_eq(w, "一二三|四五六|七八");
  free(w);
  w = wrapped("一二三四五六七八", 7); /* an odd column stays empty */
  ck_assert_str_eq(w, "一二三|四五六|七八");
  free(w);
}
END_TEST

START_TEST(wrap_keeps_punctuation_off_line_starts) {
  /* "，" would start line 2: the character before it moves down too */
  char *w = wrapped("一二三四五，六七", 10);
  ck_assert_str_eq(w, "一二三四|五，六七");
  free(w);
  /* 「 never ends a line: it moves down with what it opens */
  w = wrapped("一二三四「五六」", 10);
  ck_assert_str_eq(w, "一二三四|「五六」");
  free(w);
  /* 。」 stay together with the character before them */
  w = wrapped("一二三四。」五六", 7);
  ck_assert_str_eq(w, "一二三|四。」|五六");
  free(w);
}
END_TEST

START_TEST(wrap_keeps_latin_words_whole) {
  char *w = wrapped("abc defghij", 8);
  ck_assert_str_eq(w, "abc|defghij");
  free(w);
  w = wrapped("中文Greenfield分析", 12);
  ck_assert_str_eq(w, "中文|Greenfield分|析");
  free(w);
  /* longer than the line: broken where the line is full */
  w = wrapped("abcdefghij", 4);
  ck_assert_str_eq(w, "abcd|efgh|ij");
  free(w);
}
END_TEST

START_TEST(wrap_tiny_widths_still_show_every_character) {
  /* a Han character is wider than a 1-column line: alone, but shown */
  char *w = wrapped("中文a", 1);
  ck_assert_str_eq(w, "中|文|a");
  free(w);
  w = wrapped("中文字", 3);
  ck_assert_str_eq(w, "中|文|字");
  free(w);
  w = wrapped("中文", 0); /* nonsense widths count as 1 */
  ck_assert_str_eq(w, "中|文");
  free(w);
}
END_TEST

START_TEST(wrap_paragraphs) {
  char *w = wrapped("第一段。\r\n\n\xE3\x80\x80第二段。\n", 80);
  ck_assert_str_eq(w, "第一段。||\xE3\x80\x80第二段。");
  free(w);
  /* spaces at a break are dropped, the ones inside a line kept */
  w = wrapped("ab cd  ef gh", 5);
  ck_assert_str_eq(w, "ab cd|ef gh");
  free(w);
  term_line *ln;
  ck_assert_uint_eq(term_wrap("", 0, 80, &ln), 0);
  free(ln);
}
END_TEST

/* ---- colour ---- */

START_TEST(color_rules) {
  term_color m;
  ck_assert(term_color_parse("auto", &m) && m == TERM_COLOR_AUTO);
  ck_assert(term_color_parse("always", &m) && m == TERM_COLOR_ALWAYS);
  ck_assert(term_color_parse("never", &m) && m == TERM_COLOR_NEVER);
  ck_assert(!term_color_parse("sometimes", &m));
  /* never: never, whatever the terminal */
  ck_assert(!term_color_decide(TERM_COLOR_NEVER, true, NULL, "xterm"));
  /* always: even piped, even with NO_COLOR (a flag overrides it) */
  ck_assert(term_color_decide(TERM_COLOR_ALWAYS, false, "1", "dumb"));
  /* auto: a terminal, NO_COLOR unset or empty, TERM set and not dumb */
  ck_assert(term_color_decide(TERM_COLOR_AUTO, true, NULL, "xterm"));
  ck_assert(term_color_decide(TERM_COLOR_AUTO, true, "", "xterm"));
  ck_assert(!term_color_decide(TERM_COLOR_AUTO, true, "1", "xterm"));
  ck_assert(!term_color_decide(TERM_COLOR_AUTO, false, NULL, "xterm"));
  ck_assert(!term_color_decide(TERM_COLOR_AUTO, true, NULL, "dumb"));
  ck_assert(!term_color_decide(TERM_COLOR_AUTO, true, NULL, NULL));
}
END_TEST

START_TEST(width_from_columns) {
  setenv("COLUMNS", "123", 1);
  ck_assert_int_eq(term_width(-1), 123);
  setenv("COLUMNS", "junk", 1);
  ck_assert_int_eq(term_width(-1), 80); /* no terminal on fd -1 either */
  unsetenv("COLUMNS");
  ck_assert_int_eq(term_width(-1), 80);
}
END_TEST

/* ---- the JSON reader ---- */

START_TEST(jsondoc_reads_tag_output) {
  const char *s = "{\"id\":\"a\\\"b\",\"n\":-1.5e2,\"t\":true,\"z\":null,"
                  "\"q\":[{\"text\":\"\\u4e2d\\ud83d\\ude00\\ud800x\"}],"
                  "\"id\":\"last\"}";
  jv v;
  char err[128];
  ck_assert_msg(jv_parse(s, strlen(s), &v, err, sizeof err), "%s", err);
  ck_assert_str_eq(jv_str(jv_get(&v, "id"), ""), "last");
  ck_assert(jv_num(jv_get(&v, "n"), 0) == -150);
  ck_assert(jv_get(&v, "t")->b);
  ck_assert_int_eq(jv_get(&v, "z")->type, JV_NULL);
  const jv *q = jv_get(&v, "q");
  ck_assert_int_eq(q->type, JV_ARR);
  ck_assert_str_eq(jv_str(jv_get(&q->items[0], "text"), ""),
                   "中\xF0\x9F\x98\x80\xEF\xBF\xBDx");
  jv_free(&v);
  static const struct {
    const char *in, *err;
  } bad[] = {{"{\"a\":1,}", "byte 7: expected a key"},
             {"[1 2]", "byte 3: expected ',' or ']'"},
             {"\"abc", "byte 4: unterminated string"},
             {"01", "byte 1: trailing characters"},
             {"{\"a\":tru}", "byte 5: unexpected character"},
             {"", "byte 0: unexpected end"}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    ck_assert(!jv_parse(bad[i].in, strlen(bad[i].in), &v, err, sizeof err));
    ck_assert_str_eq(err, bad[i].err);
  }
  /* deep nesting is refused, not a stack overflow */
  char deep[4001];
  memset(deep, '[', 4000);
  deep[4000] = '\0';
  ck_assert(!jv_parse(deep, 4000, &v, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "nested too deeply"));
}
END_TEST

/* ---- the command ---- */

static int run(const char *cmd, char *out, size_t size) {
  char line[4096];
  int k = snprintf(line, sizeof line,
                   "L='%s'; T='%s'; unset NO_COLOR COLUMNS PAGER; %s",
                   LICHANG_CLI, LICHANG_TEST_DIR, cmd);
  ck_assert(k > 0 && (size_t)k < sizeof line);
  FILE *p = popen(line, "r");
  ck_assert_ptr_nonnull(p);
  size_t n = fread(out, 1, size - 1, p);
  out[n] = '\0';
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static char out[1 << 20], out2[1 << 20];

START_TEST(color_never_no_color_always) {
  const char *art = "\"$T/show/wrap.txt\"";
  char cmd[512];
  snprintf(cmd, sizeof cmd, "$L show --color=never %s", art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_nonnull(strstr(out, "Stance mix"));
  ck_assert_ptr_null(strchr(out, '\033'));
  /* auto, piped: no escape codes */
  snprintf(cmd, sizeof cmd, "TERM=xterm $L show %s", art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_null(strchr(out, '\033'));
  snprintf(cmd, sizeof cmd, "$L show --color=always %s", art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_nonnull(strstr(out, "\033[0"));
  snprintf(cmd, sizeof cmd, "NO_COLOR=1 $L show --color=always %s", art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_nonnull(strchr(out, '\033'));
  ck_assert_int_eq(
      run("$L show --color=sometimes - </dev/null 2>&1", out, sizeof out), 2);
  ck_assert_ptr_nonnull(strstr(out, "--color"));
  /* on a terminal (script(1) gives one): auto colours unless NO_COLOR */
  if (system("command -v script >/dev/null 2>&1") != 0) {
    fprintf(stderr, "SKIP part: script(1) absent, no terminal to test on\n");
    return;
  }
  snprintf(cmd, sizeof cmd,
           "TERM=xterm script -qec \"$L show --no-pager %s\" /dev/null", art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_nonnull(strchr(out, '\033'));
  snprintf(cmd, sizeof cmd,
           "NO_COLOR=1 TERM=xterm script -qec \"$L show --no-pager %s\" "
           "/dev/null",
           art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_null(strchr(out, '\033'));
  snprintf(cmd, sizeof cmd,
           "TERM=dumb script -qec \"$L show --no-pager %s\" /dev/null", art);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_ptr_null(strchr(out, '\033'));
}
END_TEST

START_TEST(pager_on_a_terminal_only) {
  if (system("command -v script >/dev/null 2>&1") != 0) {
    fprintf(stderr, "SKIP: script(1) absent, no terminal to test on\n");
    return;
  }
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "d=$(mktemp -d); export PAGER=\"cat > $d/paged\" LINES=5; "
           "script -qec \"$L show \\\"$T/show/wrap.txt\\\"\" /dev/null "
           ">/dev/null; test -s $d/paged && echo paged; rm -f $d/paged; "
           "script -qec \"$L show --no-pager \\\"$T/show/wrap.txt\\\"\" "
           "/dev/null >/dev/null; test -e $d/paged || echo no-pager; "
           "$L show \"$T/show/wrap.txt\" >/dev/null; "
           "test -e $d/paged || echo piped; rm -rf $d");
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  ck_assert_str_eq(out, "paged\nno-pager\npiped\n");
}
END_TEST

/* Display width of each line of s; fails the test past width, except for
 * a line of one character wider than width. */
static void lines_fit(const char *s, int width) {
  const char *p = s;
  while (*p) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    size_t w = term_str_width(p, n);
    if (w > (size_t)width) {
      uint32_t cp;
      size_t k = term_utf8_next(p, n, &cp);
      ck_assert_msg(k == n && term_cp_width(cp) > width,
                    "width %d: a line of %zu columns: %.*s", width, w, (int)n,
                    p);
    }
    p += n + (e != NULL);
  }
}

START_TEST(show_fits_the_width) {
  static const int widths[] = {80, 200, 40, 3, 1};
  for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "$L show --explain --color=never --width %d \"$T/show/wrap.txt\" "
             "\"$T/show/review.txt\"",
             widths[i]);
    ck_assert_int_eq(run(cmd, out, sizeof out), 0);
    lines_fit(out, widths[i]);
    if (widths[i] >= 40) /* a Latin word is never broken where it fits */
      ck_assert_ptr_nonnull(strstr(out, "Analytics"));
  }
  snprintf(out2, sizeof out2, "COLUMNS=57 $L show \"$T/show/wrap.txt\"");
  ck_assert_int_eq(run(out2, out, sizeof out), 0);
  lines_fit(out, 57);
}
END_TEST

START_TEST(show_from_tagged_jsonl) {
  /* what tag wrote, shown without tagging again, is what show shows */
  const char *a = "\"$T/show/wrap.txt\"";
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "$L show --explain --color=never -w 80 %s", a);
  ck_assert_int_eq(run(cmd, out, sizeof out), 0);
  snprintf(cmd, sizeof cmd,
           "f=$(mktemp); $L tag \"$T/show/review.txt\" %s > $f; "
           "$L show --from $f --explain --color=never -w 80 %s; s=$?; "
           "rm $f; exit $s",
           a, a);
  ck_assert_int_eq(run(cmd, out2, sizeof out2), 0);
  ck_assert_str_eq(out, out2);
  /* another id: found by its passages */
  snprintf(cmd, sizeof cmd,
           "f=$(mktemp); $L tag < %s > $f; "
           "$L show --from $f --explain --color=never -w 80 %s; s=$?; "
           "rm $f; exit $s",
           a, a);
  ck_assert_int_eq(run(cmd, out2, sizeof out2), 0);
  ck_assert_str_eq(out, out2);
  /* the article changed after tagging: said, exit 1 */
  snprintf(cmd, sizeof cmd,
           "d=$(mktemp -d); cp %s $d/a.txt; $L tag $d/a.txt > $d/t.jsonl; "
           "sed -i 's/^/X/' $d/a.txt; "
           "$L show --from $d/t.jsonl $d/a.txt 2>&1 >/dev/null; s=$?; "
           "rm -r $d; exit $s",
           a);
  ck_assert_int_eq(run(cmd, out2, sizeof out2), 1);
  ck_assert_msg(strstr(out2, "t.jsonl: line 1") != NULL, "%s", out2);
  ck_assert_int_eq(
      run("$L show --from /nonexistent.jsonl x 2>&1", out2, sizeof out2), 1);
  ck_assert_int_eq(run("$L show --from x.jsonl 2>/dev/null", out2, sizeof out2),
                   2);
}
END_TEST

START_TEST(show_reads_other_encodings) {
  /* a GB18030 copy shows exactly as the UTF-8 original */
  ck_assert_int_eq(
      run("$L show --color=never -w 80 \"$T/show/wrap.txt\"", out, sizeof out),
      0);
  int st = run("d=$(mktemp -d); iconv -f UTF-8 -t GB18030 \"$T/show/wrap.txt\" "
               "> $d/wrap.txt || exit 77; "
               "$L show --color=never -w 80 $d/wrap.txt; s=$?; rm -r $d; "
               "exit $s",
               out2, sizeof out2);
  if (st == 77) {
    fprintf(stderr, "SKIP part: iconv absent\n");
    return;
  }
  ck_assert_int_eq(st, 0);
  ck_assert_str_eq(out, out2);
  ck_assert_int_eq(run("$L show --encoding klingon x 2>&1", out, sizeof out),
                   2);
}
END_TEST

START_TEST(show_marks_passages_without_colour) {
  ck_assert_int_eq(
      run("$L show --color=never -w 80 \"$T/show/wrap.txt\"", out, sizeof out),
      0);
  /* a number opens each passage, a bracket closes it; a label follows */
  if (strstr(out, "[1\xC2\xA0")) {
    ck_assert_ptr_nonnull(strstr(out, "\xE2\x86\xB3 1 "));
  }
  ck_assert_ptr_nonnull(strstr(out, "wrap.txt"));
  ck_assert_ptr_nonnull(strstr(out, "Keywords"));
  /* the stance mix bar: one character per cell, whole, in either mode */
  const char *mix = strstr(out, "Stance mix");
  if (mix) {
    const char *bar = strchr(mix, '\n') + 1;
    ck_assert_msg(strspn(bar + 2, ".+~-") >= 60, "%.80s", bar);
  }
  ck_assert_int_eq(
      run("$L show --color=always -w 80 \"$T/show/wrap.txt\"", out, sizeof out),
      0);
  mix = strstr(out, "Stance mix");
  if (mix) { /* background-coloured cells that no wrapping trims away */
    const char *bar = strchr(mix, '\n') + 1;
    ck_assert_msg(strncmp(bar, "  \033[0;4", 7) == 0 ||
                      strncmp(bar, "  \033[0;100m", 10) == 0,
                  "%.80s", bar);
    ck_assert_ptr_nonnull(strstr(bar, "\xC2\xA0\xC2\xA0\xC2\xA0"));
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("show");
  TCase *tc = tcase_create("wrap");
  tcase_add_test(tc, wrap_never_splits_or_overflows);
  tcase_add_test(tc, wrap_widths_count_han_as_two);
  tcase_add_test(tc, wrap_keeps_punctuation_off_line_starts);
  tcase_add_test(tc, wrap_keeps_latin_words_whole);
  tcase_add_test(tc, wrap_tiny_widths_still_show_every_character);
  tcase_add_test(tc, wrap_paragraphs);
  suite_add_tcase(s, tc);
  tc = tcase_create("term");
  tcase_add_test(tc, color_rules);
  tcase_add_test(tc, width_from_columns);
  tcase_add_test(tc, jsondoc_reads_tag_output);
  suite_add_tcase(s, tc);
  tc = tcase_create("cli");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, color_never_no_color_always);
  tcase_add_test(tc, pager_on_a_terminal_only);
  tcase_add_test(tc, show_fits_the_width);
  tcase_add_test(tc, show_from_tagged_jsonl);
  tcase_add_test(tc, show_marks_passages_without_colour);
  tcase_add_test(tc, show_reads_other_encodings);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
