/* Terminal output: colour decision, screen size, East Asian width-aware
 * wrapping (utf8proc knows the widths) and the pager.
 *
 * Input: UTF-8 text (invalid bytes are shown as U+FFFD, one column each).
 * Output: line ranges in bytes of that text, never splitting a character;
 * the caller draws them (show prints, review draws with curses).
 * Invariant: a line is never wider than asked, except a single character
 * that is wider than the whole line by itself. */
#include "term.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utf8proc.h>

bool term_color_parse(const char *arg, term_color *out) {
  static const struct {
    const char *name;
    term_color mode;
  } names[] = {{"auto", TERM_COLOR_AUTO},     {"tty", TERM_COLOR_AUTO},
               {"always", TERM_COLOR_ALWAYS}, {"yes", TERM_COLOR_ALWAYS},
               {"true", TERM_COLOR_ALWAYS},   {"never", TERM_COLOR_NEVER},
               {"no", TERM_COLOR_NEVER},      {"false", TERM_COLOR_NEVER}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (arg && strcmp(arg, names[i].name) == 0) {
      *out = names[i].mode;
      return true;
    }
  return false;
}

bool term_color_decide(term_color mode, bool is_tty, const char *no_color,
                       const char *term) {
  if (mode != TERM_COLOR_AUTO)
    return mode == TERM_COLOR_ALWAYS;
  if (!is_tty)
    return false;
  if (no_color && *no_color)
    return false;
  return term && *term && strcmp(term, "dumb") != 0;
}

bool term_color_use(term_color mode, int fd) {
  return term_color_decide(mode, isatty(fd), getenv("NO_COLOR"),
                           getenv("TERM"));
}

static int env_int(const char *name) {
  const char *s = getenv(name);
  if (!s || !*s)
    return 0;
  char *end;
  long v = strtol(s, &end, 10);
  return *end || v <= 0 || v > 100000 ? 0 : (int)v;
}

int term_width(int fd) {
  int v = env_int("COLUMNS");
  struct winsize ws;
  if (!v && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    v = ws.ws_col;
  return v ? v : 80;
}

int term_height(int fd) {
  int v = env_int("LINES");
  struct winsize ws;
  if (!v && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
    v = ws.ws_row;
  return v ? v : 24;
}

size_t term_utf8_next(const char *s, size_t n, uint32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
  if (k <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = (uint32_t)c;
  return (size_t)k;
}

int term_cp_width(uint32_t cp) {
  if (cp == '\t')
    return 1;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
    return 0;
  int w = utf8proc_charwidth((utf8proc_int32_t)cp);
  return w < 0 ? 0 : w > 2 ? 2 : w;
}

size_t term_str_width(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += term_utf8_next(s + i, n - i, &cp);
    w += (size_t)term_cp_width(cp);
  }
  return w;
}

/* ---- line breaking ---- */

/* A line must not start with these (closing and trailing punctuation). */
static bool no_start(uint32_t cp) {
  static const char set[] = "，。、．・：；？！）」』”’】》〉〕｝〗〙〛〞"
                            "…‥ー～〜％‰℃,.;:!?)]}%";
  if (cp < 0x80)
    return cp && strchr(",.;:!?)]}%", (int)cp) != NULL;
  char u[5] = {0};
  utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)u);
  return strstr(set, u) != NULL;
}

/* A line must not end with these (opening punctuation). */
static bool no_end(uint32_t cp) {
  static const char set[] = "（「『“‘【《〈〔｛〖〘〚〝([{";
  if (cp < 0x80)
    return cp && strchr("([{", (int)cp) != NULL;
  char u[5] = {0};
  utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)u);
  return strstr(set, u) != NULL;
}

static bool is_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* May a line break between a and b (b not the first character)? */
static bool may_break(uint32_t a, uint32_t b) {
  /* no-break space and word joiner glue their neighbours together */
  if (a == 0xA0 || b == 0xA0 || a == 0x2060 || b == 0x2060)
    return false;
  int wb = term_cp_width(b);
  if (wb == 0 && !is_space(b))
    return false; /* a combining mark stays with its base */
  if (no_start(b))
    return false; /* even after a space: 。 ” stays with its sentence */
  if (is_space(a))
    return !is_space(b); /* after a run of spaces, before the next word */
  if (is_space(b))
    return false; /* spaces hang at the end of the line, then are dropped */
  if (no_end(a))
    return false;
  int wa = term_cp_width(a);
  if (wa == 1 && wb == 1)
    return false; /* inside a Latin word, a number, a ——, a …… */
  if (a == b && (a == 0x2014 || a == 0x2026 || a == 0x2E3A))
    return false;
  return true;
}

typedef struct {
  term_line *v;
  size_t n, cap;
} lines;

static bool push(lines *l, size_t start, size_t end, size_t next, int cols) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 32;
    term_line *v = realloc(l->v, cap * sizeof *v);
    if (!v)
      return false;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = (term_line){start, end, next, cols};
  return true;
}

/* Wraps one paragraph s[a..b) (no newline inside); nl is where the text
 * after the paragraph starts. */
static bool wrap_para(const char *s, size_t a, size_t b, size_t nl, int width,
                      lines *out) {
  if (a == b)
    return push(out, a, a, nl, 0);
  size_t start = a;
  while (start < b) {
    size_t i = start, brk = start;
    int cols = 0;
    uint32_t prev = 0;
    bool ink = false; /* a visible character on the line so far */
    while (i < b) {
      uint32_t cp;
      size_t k = term_utf8_next(s + i, b - i, &cp);
      if (ink && may_break(prev, cp))
        brk = i;
      int w = term_cp_width(cp);
      /* spaces may hang past the edge: they are dropped at the break */
      if (w > 0 && cols + w > width && i > start && !is_space(cp))
        break;
      cols += w;
      ink = ink || !is_space(cp);
      prev = cp;
      i += k;
    }
    size_t end;
    if (i >= b)
      end = b;
    else if (brk > start)
      end = brk;
    else
      end = i; /* no allowed break fits: break where the line is full */
    /* drop the spaces the line ends with and the next one starts with */
    size_t next = end;
    while (next < b) {
      uint32_t cp;
      size_t k = term_utf8_next(s + next, b - next, &cp);
      if (!is_space(cp))
        break;
      next += k;
    }
    size_t j = start, trim = start;
    while (j < end) {
      uint32_t cp;
      j += term_utf8_next(s + j, end - j, &cp);
      if (!is_space(cp))
        trim = j;
    }
    if (!push(out, start, trim, next >= b ? nl : next,
              (int)term_str_width(s + start, trim - start)))
      return false;
    start = next >= b ? b : next;
  }
  return true;
}

size_t term_wrap(const char *s, size_t n, int width, term_line **out) {
  lines l = {0};
  if (width < 1)
    width = 1;
  size_t i = 0;
  while (i < n) {
    const char *nlp = memchr(s + i, '\n', n - i);
    size_t e = nlp ? (size_t)(nlp - s) : n;
    size_t next = nlp ? e + 1 : n;
    size_t b = e;
    if (b > i && s[b - 1] == '\r')
      b--;
    if (!wrap_para(s, i, b, next, width, &l)) {
      free(l.v);
      *out = NULL;
      return (size_t)-1;
    }
    i = next;
  }
  *out = l.v;
  return l.n;
}

/* ---- pager ---- */

static size_t count_lines(const char *buf, size_t len) {
  size_t n = 0;
  for (const char *p = buf; (p = memchr(p, '\n', len - (size_t)(p - buf))); p++)
    n++;
  return n;
}

static bool write_all(int fd, const char *buf, size_t len) {
  while (len) {
    ssize_t k = write(fd, buf, len);
    if (k < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    buf += k;
    len -= (size_t)k;
  }
  return true;
}

bool term_output(const char *buf, size_t len, bool page) {
  const char *pager = getenv("PAGER");
  if (!pager)
    pager = "less -R";
  if (!page || !*pager || strcmp(pager, "cat") == 0 || !isatty(1) ||
      count_lines(buf, len) < (size_t)term_height(1)) {
    fflush(stdout);
    return write_all(1, buf, len);
  }
  int fds[2];
  if (pipe(fds) != 0)
    return write_all(1, buf, len);
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return write_all(1, buf, len);
  }
  if (pid == 0) {
    dup2(fds[0], 0);
    close(fds[0]);
    close(fds[1]);
    /* as git does: let less pass colours through and quit on one screen */
    setenv("LESS", getenv("LESS") ? getenv("LESS") : "FRX", 0);
    execl("/bin/sh", "sh", "-c", pager, (char *)NULL);
    _exit(127);
  }
  close(fds[0]);
  /* The reader may quit before reading everything (q in less): that is
   * not an error, so a broken pipe is expected, not fatal. */
  void (*old)(int) = signal(SIGPIPE, SIG_IGN);
  bool ok = write_all(fds[1], buf, len) || errno == EPIPE;
  close(fds[1]);
  int st;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
    ;
  signal(SIGPIPE, old);
  return ok;
}
