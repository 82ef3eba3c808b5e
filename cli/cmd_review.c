/* lichang review: a full-screen editor (ncursesw) for correcting an
 * article's passages: step through them in context, set the stance, fix
 * the speaker or target, drop a false passage, mark a missed one, undo,
 * save. What it saves is a gold file (the format of ../shared/eval), so a
 * reviewed article is evaluation data; opening the article again resumes
 * from that file.
 *
 * The screen, top to bottom: a title bar; the article wrapped to the
 * window with the passages coloured (the current one in reverse video, its
 * evidence underlined); the current passage's details and evidence; the
 * keys; a line for messages and prompts. Everything is laid out again on
 * every key, so a resize needs nothing special. */
#include "cli.h"
#include "term.h"
#include "view.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include <wchar.h>

static const char usage_text[] =
    "usage: lichang review [OPTION]... ARTICLE\n"
    "Review ARTICLE's passages full-screen and save the corrections as a gold\n"
    "file (the format `lichang eval` reads); reopening resumes from it.\n\n"
    "  -o, --out GOLD.jsonl   where to save (default: ARTICLE without .txt,\n"
    "                         plus .gold.jsonl)\n"
    "      --encoding ENC     the article's encoding: auto (default: UTF-8 if\n"
    "                         valid, else detected), utf-8, gb18030, big5...\n"
    "  -d, --dict DIR         load the lexicon from DIR instead of the "
    "built-in\n"
    "  -h, --help             show this help\n\n"
    "Keys: j/k or arrows move, o/c/s/n set the stance (optimistic, cautious,\n"
    "skeptical, neutral), e edit the speaker, t the target, i toggle\n"
    "direct/indirect, d drop (again: keep), m mark a missed passage, u undo,\n"
    "w save, q quit.\n";

static const struct option options[] = {
    {"out", required_argument, NULL, 'o'},
    {"encoding", required_argument, NULL, 'E'},
    {"dict", required_argument, NULL, 'd'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

#define UNDO_MAX 256

typedef struct {
  const char *name, *out;
  const char *text;
  size_t len;
  view_doc tagged; /* the tagger's reading: evidence */
  gold_list g;     /* the passages being reviewed */
  gold_list undo[UNDO_MAX];
  size_t undo_cur[UNDO_MAX], nundo;
  size_t cur;
  bool dirty, color;
  char msg[256];
} review;

enum { P_OPT = 1, P_CAU, P_SKE, P_BAR };

static const char *stance_key = "nocs"; /* by lichang_stance */

static void say(review *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void say(review *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->msg, sizeof r->msg, fmt, ap);
  va_end(ap);
}

/* ---- drawing ---- */

/* Draws s[0..n) at (y, x) with attribute a, stopping before the column
 * limit; returns the column reached. A character that would not fit whole
 * is not drawn (curses would wrap it onto the next row). */
static int draw(int y, int x, int limit, const char *s, size_t n, attr_t a,
                short pair) {
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += term_utf8_next(s + i, n - i, &cp);
    int w = term_cp_width(cp);
    if (cp == '\t')
      cp = ' ';
    if (w == 0 && cp < 0x300)
      continue; /* a control character */
    if (x + w > limit)
      break;
    wchar_t wc[2] = {(wchar_t)cp, 0};
    cchar_t cc;
    setcchar(&cc, wc, a, pair, NULL);
    mvadd_wch(y, x, &cc);
    x += w;
  }
  return x;
}

static int draws(int y, int x, const char *s, attr_t a, short pair) {
  return draw(y, x, COLS, s, strlen(s), a, pair);
}

static short stance_pair(const review *r, lichang_stance s) {
  return r->color ? (short)(s == LICHANG_OPTIMISTIC  ? P_OPT
                            : s == LICHANG_CAUTIOUS  ? P_CAU
                            : s == LICHANG_SKEPTICAL ? P_SKE
                                                     : 0)
                  : 0;
}

/* Styles per byte: passage index + 1 (0: narration). */
static long *passage_map(const review *r) {
  long *m = calloc(r->len + 1, sizeof *m);
  for (size_t i = 0; m && i < r->g.n; i++)
    for (size_t b = r->g.v[i].start; b < r->g.v[i].end; b++)
      m[b] = (long)i + 1;
  return m;
}

static const view_quote *evidence_of(const review *r, const gold_item *it) {
  return it->src >= 0 && (size_t)it->src < r->tagged.nq ? &r->tagged.q[it->src]
                                                        : NULL;
}

static void draw_article(const review *r, int top, int rows) {
  if (rows <= 0)
    return;
  term_line *ln;
  size_t n = term_wrap(r->text, r->len, COLS - 1, &ln);
  long *map = passage_map(r);
  if (n == (size_t)-1 || !map) {
    free(map);
    mvaddstr(top, 0, "out of memory");
    return;
  }
  const gold_item *cur = r->g.n ? &r->g.v[r->cur] : NULL;
  /* the line where the current passage starts, a third of the way down */
  size_t at = 0;
  while (cur && at + 1 < n && ln[at].next <= cur->start)
    at++;
  size_t first = at > (size_t)rows / 3 ? at - (size_t)rows / 3 : 0;
  if (n > (size_t)rows && first > n - (size_t)rows)
    first = n - (size_t)rows;
  const view_quote *ev = cur ? evidence_of(r, cur) : NULL;
  for (int row = 0; row < rows && first + (size_t)row < n; row++) {
    const term_line *l = &ln[first + (size_t)row];
    int x = 0;
    for (size_t b = l->start; b < l->end;) {
      uint32_t cp;
      size_t k = term_utf8_next(r->text + b, l->end - b, &cp);
      attr_t a = A_NORMAL;
      short pair = 0;
      long p = map[b];
      if (p) {
        const gold_item *it = &r->g.v[p - 1];
        pair = stance_pair(r, it->stance);
        if (it->dropped)
          a |= A_DIM;
        if ((size_t)p - 1 == r->cur)
          a |= A_REVERSE | A_BOLD;
        else if (!r->color)
          a |= A_BOLD; /* without colour, passages still stand out */
      }
      for (size_t e = 0; ev && e < ev->nev; e++)
        if (b >= ev->ev[e].start && b < ev->ev[e].end)
          a |= A_UNDERLINE;
      x = draw(top + row, x, COLS, r->text + b, k, a, pair);
      b += k;
    }
  }
  free(map);
  free(ln);
}

/* Wraps s into at most rows rows from (top, indent). */
static void draw_wrapped(int top, int rows, int indent, const char *s, attr_t a,
                         short pair) {
  term_line *ln;
  size_t n = term_wrap(s, strlen(s), COLS - indent, &ln);
  for (size_t i = 0; n != (size_t)-1 && i < n && (int)i < rows; i++)
    draw(top + (int)i, indent, COLS, s + ln[i].start, ln[i].end - ln[i].start,
         a, pair);
  if (n != (size_t)-1)
    free(ln);
}

static void draw_details(const review *r, int top) {
  if (!r->g.n) {
    draws(top, 0, "No passages. m marks one.", A_DIM, 0);
    return;
  }
  const gold_item *it = &r->g.v[r->cur];
  char head[64];
  snprintf(head, sizeof head, "#%zu ", r->cur + 1);
  int x = draws(top, 0, head, A_BOLD, 0);
  x = draws(top, x, *it->speaker ? it->speaker : "(no speaker)",
            *it->speaker ? A_BOLD : A_DIM, 0);
  x = draws(top, x, " \xC2\xB7 ", A_DIM, 0);
  x = draws(top, x, lichang_stance_name(it->stance), A_BOLD,
            stance_pair(r, it->stance));
  x = draws(top, x, it->indirect ? " \xC2\xB7 indirect" : " \xC2\xB7 direct",
            A_DIM, 0);
  if (*it->target) {
    x = draws(top, x, " \xC2\xB7 on ", A_DIM, 0);
    x = draws(top, x, it->target, A_NORMAL, 0);
  }
  if (it->dropped)
    draws(top, x, "  DROPPED (d keeps it)", A_BOLD, stance_pair(r, 3));
  /* evidence from the tagger, when this passage is (near) one of its own */
  const view_quote *q = evidence_of(r, it);
  char line[1024];
  size_t k = 0;
  line[0] = '\0';
  if (!q)
    k = (size_t)snprintf(line, sizeof line, "evidence: none (marked by hand)");
  else if (!q->nev)
    k = (size_t)snprintf(line, sizeof line, "evidence: none (tagger: %s %.2f)",
                         lichang_stance_name(q->stance), q->score);
  else {
    k = (size_t)snprintf(line, sizeof line, "evidence (tagger: %s %.2f):",
                         lichang_stance_name(q->stance), q->score);
    for (size_t e = 0; e < q->nev && k < sizeof line - 80; e++) {
      const view_evidence *v = &q->ev[e];
      int m = (int)(v->end - v->start);
      k += (size_t)snprintf(line + k, sizeof line - k, "  %.*s %s %+.1f",
                            m > 60 ? 60 : m, r->text + v->start,
                            lichang_stance_name(v->stance),
                            v->stance == LICHANG_NEUTRAL ? 0 : v->weight);
    }
  }
  draw_wrapped(top + 1, 2, 0, line, A_NORMAL, 0);
}

static void draw_screen(const review *r) {
  erase();
  char title[512];
  snprintf(title, sizeof title,
           " lichang review \xC2\xB7 %s \xC2\xB7 %s%zu/%zu%s", r->name,
           r->g.n ? "passage " : "", r->g.n ? r->cur + 1 : 0, r->g.n,
           r->dirty ? " \xC2\xB7 modified" : "");
  attr_t ta = r->color ? A_NORMAL : A_REVERSE;
  short tp = r->color ? P_BAR : 0;
  for (int x = 0; x < COLS; x++)
    mvaddch(0, x, ' ' | ta | COLOR_PAIR(tp));
  draws(0, 0, title, ta | A_BOLD, tp);
  int details = LINES >= 10 ? 3 : LINES >= 7 ? 1 : 0;
  int keys = LINES >= 5 ? 1 : 0;
  int rows = LINES - 2 - details - keys;
  draw_article(r, 1, rows);
  if (details)
    draw_details(r, LINES - 1 - keys - details);
  if (keys)
    draws(LINES - 2, 0,
          "j/k o/c/s/n:stance e:speaker t:target i:kind d:drop m:mark "
          "u:undo w:save q:quit",
          A_DIM, 0);
  draws(LINES - 1, 0, r->msg, A_NORMAL, 0);
}

/* ---- the prompt line ---- */

static size_t to_wide(const char *s, wchar_t *buf, size_t cap) {
  size_t n = 0;
  for (size_t i = 0, len = strlen(s); i < len && n < cap;) {
    uint32_t cp;
    i += term_utf8_next(s + i, len - i, &cp);
    buf[n++] = (wchar_t)cp;
  }
  return n;
}

static void to_utf8(const wchar_t *buf, size_t n, char *out, size_t outsz) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char u[8];
    size_t m = (size_t)utf8proc_encode_char((utf8proc_int32_t)buf[i],
                                            (utf8proc_uint8_t *)u);
    if (k + m >= outsz)
      break;
    memcpy(out + k, u, m);
    k += m;
  }
  out[k] = '\0';
}

/* Reads a line on the last row, starting from init. Tab offers the
 * choices that start with what was typed, one after another (the names
 * already in the article, for a speaker). True with the text (UTF-8) in
 * out on Enter; false on Escape or ^G. */
static bool prompt(review *r, const char *label, const char *init, char *out,
                   size_t outsz, const char *const *choices, size_t nchoices) {
  wchar_t buf[512];
  size_t n = to_wide(init, buf, 511), at;
  char typed[1024]; /* the prefix Tab completes, while Tab is pressed */
  size_t next_choice = 0;
  bool tabbing = false;
  at = n;
  curs_set(1);
  bool ok = false;
  for (;;) {
    r->msg[0] = '\0';
    draw_screen(r);
    move(LINES - 1, 0);
    clrtoeol();
    int x = draws(LINES - 1, 0, label, A_BOLD, 0);
    /* show the end of a long line: the part around the cursor */
    int room = COLS - x - 1, w = 0;
    size_t from = at;
    while (from > 0 && w + term_cp_width((uint32_t)buf[from - 1]) <= room)
      w += term_cp_width((uint32_t)buf[--from]);
    int cx = x;
    for (size_t i = from; i < n; i++) {
      char u[8];
      int k = (int)utf8proc_encode_char((utf8proc_int32_t)buf[i],
                                        (utf8proc_uint8_t *)u);
      int nx = draw(LINES - 1, x, COLS - 1, u, (size_t)k, A_NORMAL, 0);
      if (nx == x)
        break;
      x = nx;
      if (i + 1 == at)
        cx = x;
    }
    if (at == from)
      cx = COLS - room - 1 >= 0 ? cx : 0;
    move(LINES - 1, cx);
    refresh();
    wint_t c;
    int kind = get_wch(&c);
    if (kind == ERR)
      continue;
    if (kind == KEY_CODE_YES) {
      if (c == KEY_LEFT && at > 0)
        at--;
      else if (c == KEY_RIGHT && at < n)
        at++;
      else if (c == KEY_HOME)
        at = 0;
      else if (c == KEY_END)
        at = n;
      else if (c == KEY_BACKSPACE && at > 0) {
        memmove(buf + at - 1, buf + at, (n - at) * sizeof *buf);
        n--, at--;
      } else if (c == KEY_DC && at < n) {
        memmove(buf + at, buf + at + 1, (n - at - 1) * sizeof *buf);
        n--;
      } else if (c == KEY_ENTER) {
        ok = true;
        break;
      }
      continue;
    }
    if (c == '\n' || c == '\r') {
      ok = true;
      break;
    }
    if (c == '\t') {
      if (!tabbing) {
        to_utf8(buf, n, typed, sizeof typed);
        next_choice = 0;
        tabbing = true;
      }
      for (size_t k = 0; k < nchoices; k++) {
        const char *ch = choices[(next_choice + k) % nchoices];
        if (strncmp(ch, typed, strlen(typed)) == 0) {
          n = at = to_wide(ch, buf, 511);
          next_choice = (next_choice + k + 1) % nchoices;
          break;
        }
      }
      continue;
    }
    tabbing = false;
    if (c == 27 || c == 7 || c == 3) /* Escape, ^G, ^C */
      break;
    if (c == 1)
      at = 0;
    else if (c == 5)
      at = n;
    else if (c == 21) { /* ^U: clear */
      n = at = 0;
    } else if ((c == 127 || c == 8) && at > 0) {
      memmove(buf + at - 1, buf + at, (n - at) * sizeof *buf);
      n--, at--;
    } else if (c >= 0x20 && c != 127 && n < 511 && c <= 0x10FFFF) {
      memmove(buf + at + 1, buf + at, (n - at) * sizeof *buf);
      buf[at++] = (wchar_t)c;
      n++;
    }
  }
  curs_set(0);
  to_utf8(buf, ok ? n : 0, out, outsz);
  return ok;
}

/* Asks a one-key question on the last row; returns the key. */
static int ask(review *r, const char *question) {
  say(r, "%s", question);
  draw_screen(r);
  refresh();
  for (;;) {
    int c = getch();
    if (c != ERR && c != KEY_RESIZE)
      return c;
    draw_screen(r);
    refresh();
  }
}

/* ---- editing ---- */

/* Saves the state before a change, for u. */
static bool checkpoint(review *r) {
  if (r->nundo == UNDO_MAX) {
    gold_free(&r->undo[0]);
    memmove(r->undo, r->undo + 1, (UNDO_MAX - 1) * sizeof *r->undo);
    memmove(r->undo_cur, r->undo_cur + 1, (UNDO_MAX - 1) * sizeof *r->undo_cur);
    r->nundo--;
  }
  if (!gold_copy(&r->undo[r->nundo], &r->g)) {
    say(r, "out of memory: change not made");
    return false;
  }
  r->undo_cur[r->nundo++] = r->cur;
  r->dirty = true;
  return true;
}

static void undo(review *r) {
  if (!r->nundo) {
    say(r, "nothing to undo");
    return;
  }
  gold_free(&r->g);
  r->g = r->undo[--r->nundo];
  r->cur = r->undo_cur[r->nundo];
  if (r->cur >= r->g.n)
    r->cur = r->g.n ? r->g.n - 1 : 0;
  r->dirty = true;
  say(r, "undone");
}

/* The distinct speakers (or targets) of the passages and the tagger's, for
 * Tab; borrowed from r, so valid until the next change. */
static size_t names(const review *r, bool speaker, const char **out,
                    size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < r->g.n + r->tagged.nq; i++) {
    const char *s =
        i < r->g.n ? (speaker ? r->g.v[i].speaker : r->g.v[i].target)
        : speaker  ? r->tagged.q[i - r->g.n].speaker
        : r->tagged.q[i - r->g.n].ntargets ? r->tagged.q[i - r->g.n].targets[0]
                                           : "";
    bool seen = !*s;
    for (size_t k = 0; k < n && !seen; k++)
      seen = strcmp(out[k], s) == 0;
    if (!seen && n < cap)
      out[n++] = s;
  }
  return n;
}

static void set_string(review *r, bool speaker) {
  if (!r->g.n)
    return;
  gold_item *it = &r->g.v[r->cur];
  char buf[1024];
  const char *choices[64];
  size_t nc = names(r, speaker, choices, 64);
  if (!prompt(r, speaker ? "speaker (Tab: names seen): " : "target: ",
              speaker ? it->speaker : it->target, buf, sizeof buf, choices,
              nc)) {
    say(r, "unchanged");
    return;
  }
  char *s = strdup(buf);
  if (!s || !checkpoint(r)) {
    free(s);
    return;
  }
  it = &r->g.v[r->cur];
  char **field = speaker ? &it->speaker : &it->target;
  free(*field);
  *field = s;
  say(r, "%s set", speaker ? "speaker" : "target");
}

/* Finds needle in the article from byte from (wrapping to the start);
 * SIZE_MAX when absent. */
static size_t search(const review *r, const char *needle, size_t from) {
  size_t m = strlen(needle);
  for (int pass = 0; pass < 2 && m; pass++) {
    size_t a = pass ? 0 : from;
    for (size_t i = a; i + m <= r->len; i++)
      if (memcmp(r->text + i, needle, m) == 0)
        return i;
  }
  return (size_t)-1;
}

/* m: a missed passage, chosen by typing how it starts and how it ends. */
static void mark(review *r) {
  char a[512], b[512];
  if (!prompt(r, "mark: passage starts with: ", "", a, sizeof a, NULL, 0) ||
      !*a) {
    say(r, "nothing marked");
    return;
  }
  size_t from = r->g.n ? r->g.v[r->cur].start : 0;
  size_t s = search(r, a, from);
  if (s == (size_t)-1) {
    say(r, "not in the article: %s", a);
    return;
  }
  if (!prompt(r, "mark: ...and ends with (Enter: just that): ", "", b, sizeof b,
              NULL, 0)) {
    say(r, "nothing marked");
    return;
  }
  size_t e = s + strlen(a);
  if (*b) {
    size_t k = search(r, b, s);
    if (k == (size_t)-1 || k < s) {
      say(r, "not found after the start: %s", b);
      return;
    }
    e = k + strlen(b) > e ? k + strlen(b) : e;
  }
  char spk[512];
  const char *guess = r->g.n ? r->g.v[r->cur].speaker : "";
  const char *choices[64];
  size_t nc = names(r, true, choices, 64);
  if (!prompt(r, "mark: speaker: ", guess, spk, sizeof spk, choices, nc))
    spk[0] = '\0';
  /* right after an opening quotation mark it is the speaker's own words */
  bool quoted = false;
  static const char *const open[] = {"\xE2\x80\x9C", "\xE3\x80\x8C",
                                     "\xE3\x80\x8E", "\""};
  for (size_t k = 0; k < 4; k++) {
    size_t m = strlen(open[k]);
    quoted = quoted || (s >= m && memcmp(r->text + s - m, open[k], m) == 0);
  }
  gold_item it = {s,     e, !quoted, strdup(spk), strdup(""), LICHANG_NEUTRAL,
                  false, -1};
  if (!it.speaker || !it.target || !checkpoint(r)) {
    free(it.speaker);
    free(it.target);
    return;
  }
  long at = gold_insert(&r->g, it);
  if (at < 0) {
    free(it.speaker);
    free(it.target);
    say(r, "out of memory");
    return;
  }
  gold_link(&r->g, &r->tagged);
  r->cur = (size_t)at;
  say(r, "marked #%ld; now set its stance (o/c/s/n)", at + 1);
}

static bool save(review *r) {
  char err[512];
  if (!gold_save(&r->g, r->out, r->text, err, sizeof err)) {
    say(r, "not saved: %s", err);
    return false;
  }
  size_t kept = 0;
  for (size_t i = 0; i < r->g.n; i++)
    kept += !r->g.v[i].dropped;
  r->dirty = false;
  say(r, "saved %zu passage%s to %s", kept, kept == 1 ? "" : "s", r->out);
  return true;
}

static void run(review *r) {
  for (;;) {
    draw_screen(r);
    refresh();
    int c = getch();
    if (c == ERR || c == KEY_RESIZE)
      continue;
    r->msg[0] = '\0';
    const char *st = c > 0 && c < 128 ? strchr(stance_key, c) : NULL;
    if (c == 'j' || c == KEY_DOWN || c == ' ' || c == KEY_NPAGE) {
      if (r->cur + 1 < r->g.n)
        r->cur++;
    } else if (c == 'k' || c == KEY_UP || c == KEY_PPAGE) {
      if (r->cur > 0)
        r->cur--;
    } else if (c == 'g' || c == KEY_HOME)
      r->cur = 0;
    else if (c == 'G' || c == KEY_END)
      r->cur = r->g.n ? r->g.n - 1 : 0;
    else if (st && *st && r->g.n) {
      lichang_stance s = (lichang_stance)(st - stance_key);
      if (r->g.v[r->cur].stance != s && checkpoint(r))
        r->g.v[r->cur].stance = s;
      say(r, "#%zu %s", r->cur + 1, lichang_stance_name(s));
    } else if (c == 'e')
      set_string(r, true);
    else if (c == 't')
      set_string(r, false);
    else if (c == 'i' && r->g.n) {
      if (checkpoint(r))
        r->g.v[r->cur].indirect = !r->g.v[r->cur].indirect;
    } else if (c == 'd' && r->g.n) {
      if (checkpoint(r)) {
        gold_item *it = &r->g.v[r->cur];
        it->dropped = !it->dropped;
        say(r,
            it->dropped ? "#%zu dropped (not saved; d again keeps it)"
                        : "#%zu kept",
            r->cur + 1);
      }
    } else if (c == 'm')
      mark(r);
    else if (c == 'u')
      undo(r);
    else if (c == 'w')
      save(r);
    else if (c == 'q' || c == 'Q' || c == 3 /* ^C */) {
      if (!r->dirty)
        return;
      int k = ask(r, "Unsaved changes. Save them? y: save and quit, "
                     "n: quit without saving, other key: stay");
      if (k == 'n' || k == 'N')
        return;
      if ((k == 'y' || k == 'Y') && save(r))
        return;
      if (k != 'y' && k != 'Y')
        say(r, "still here");
    } else
      say(r, "j/k move, o/c/s/n stance, e speaker, t target, i kind, "
             "d drop, m mark, u undo, w save, q quit");
  }
}

/* ncursesw needs a UTF-8 locale to read and draw Chinese; when the
 * environment names none (a bare CI shell), C.UTF-8 is always there. */
static void utf8_locale(void) {
  setlocale(LC_ALL, "");
  if (MB_CUR_MAX == 1)
    setlocale(LC_CTYPE, "C.UTF-8");
}

static char *default_out(const char *path) {
  size_t n = strlen(path);
  if (n > 4 && strcmp(path + n - 4, ".txt") == 0)
    n -= 4;
  char *s = malloc(n + 12);
  if (s) {
    memcpy(s, path, n);
    strcpy(s + n, ".gold.jsonl");
  }
  return s;
}

int cmd_review(int argc, char **argv) {
  const char *dict = NULL, *out = NULL, *encoding = "auto";
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:d:h", options, NULL)) != -1) {
    if (c == 'o')
      out = optarg;
    else if (c == 'd')
      dict = optarg;
    else if (c == 'E')
      encoding = optarg;
    else if (c == 'h') {
      fputs(usage_text, stdout);
      return EXIT_DONE;
    } else {
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  if (optind + 1 != argc) {
    fputs(usage_text, stderr);
    return EXIT_USAGE;
  }
  if (!isatty(0) || !isatty(1)) {
    cli_error("review is interactive: it needs a terminal");
    return EXIT_USAGE;
  }
  const char *path = argv[optind];
  static review r; /* large (the undo history): not on the stack */
  memset(&r, 0, sizeof r);
  char *owned_out = out ? NULL : default_out(path);
  r.out = out ? out : owned_out;
  const char *slash = strrchr(path, '/');
  r.name = slash ? slash + 1 : path;
  char why[300];
  char *text =
      r.out ? view_read_article(path, encoding, &r.len, why, sizeof why) : NULL;
  if (!text) {
    cli_error("%s: %s", path, r.out ? why : "out of memory");
    free(owned_out);
    free(text);
    return EXIT_INPUT;
  }
  r.text = text;
  lichang_lexicon *lx = cli_lexicon(dict);
  lichang_tagger *tg = NULL;
  lichang_doc *doc = NULL;
  lichang_error err;
  int status = EXIT_DONE;
  if (!lx) {
    status = EXIT_USAGE;
    goto done;
  }
  if (lichang_tagger_new(&tg, lx, NULL, &err) < 0 ||
      lichang_tag(&doc, tg, text, r.len, &err) < 0) {
    cli_error("%s: %s", path, err.message);
    status = EXIT_INPUT;
    goto done;
  }
  bool ok = view_from_doc(&r.tagged, doc, text, r.len);
  lichang_doc_free(doc);
  if (!ok) {
    cli_error("out of memory");
    status = EXIT_INPUT;
    goto done;
  }
  if (gold_load(&r.g, r.out, text, r.len, why, sizeof why)) {
    gold_link(&r.g, &r.tagged);
    say(&r, "resumed from %s (%zu passages)", r.out, r.g.n);
  } else if (errno == ENOENT) {
    if (!gold_from_view(&r.g, &r.tagged)) {
      cli_error("out of memory");
      status = EXIT_INPUT;
      goto done;
    }
    say(&r, "%zu passages from the tagger; corrections go to %s", r.g.n, r.out);
  } else {
    cli_error("%s: %s", r.out, why);
    status = EXIT_INPUT;
    goto done;
  }
  utf8_locale();
  if (!initscr()) {
    cli_error("cannot start the terminal screen");
    status = EXIT_USAGE;
    goto done;
  }
  raw(); /* ^C arrives as a key and asks like q, instead of losing work */
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  set_escdelay(25);
  curs_set(0);
  r.color = has_colors() && term_color_use(TERM_COLOR_AUTO, 1);
  if (r.color) {
    start_color();
    use_default_colors();
    init_pair(P_OPT, COLOR_GREEN, -1);
    init_pair(P_CAU, COLOR_YELLOW, -1);
    init_pair(P_SKE, COLOR_RED, -1);
    init_pair(P_BAR, COLOR_WHITE, COLOR_BLUE);
  }
  run(&r);
  endwin();
done:
  for (size_t i = 0; i < r.nundo; i++)
    gold_free(&r.undo[i]);
  gold_free(&r.g);
  view_free(&r.tagged);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  free(text);
  free(owned_out);
  return status;
}
