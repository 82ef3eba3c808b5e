/* Terminal output for the CLI: whether to colour, how wide the screen is,
 * East Asian width-aware line wrapping, and the pager. Used by `lichang
 * show` (plain text) and `lichang review` (curses); neither the library nor
 * the data-writing commands touch the terminal. */
#ifndef LICHANG_TERM_H
#define LICHANG_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- colour ---- */
typedef enum {
  TERM_COLOR_AUTO,
  TERM_COLOR_ALWAYS,
  TERM_COLOR_NEVER
} term_color;

/* Parses "auto", "always" or "never" (also the aliases git accepts:
 * "yes"/"no"/"true"/"false"/"tty"); false for anything else. */
bool term_color_parse(const char *arg, term_color *out);

/* The rule, as a pure function so it can be tested: always -> yes, never ->
 * no; auto -> only when the output is a terminal, NO_COLOR is unset or
 * empty (no-color.org) and TERM is set and not "dumb". */
bool term_color_decide(term_color mode, bool is_tty, const char *no_color,
                       const char *term);

/* term_color_decide for file descriptor fd and the process environment. */
bool term_color_use(term_color mode, int fd);

/* ---- geometry ---- */
/* Columns: $COLUMNS when it is a positive number, else the terminal's width
 * (TIOCGWINSZ on fd), else 80. */
int term_width(int fd);
/* Rows, likewise from $LINES, TIOCGWINSZ, else 24. */
int term_height(int fd);

/* ---- widths ---- */
/* Decodes one code point at s[0..n) (n > 0); returns the bytes used (at
 * least 1). A byte that does not start valid UTF-8 gives U+FFFD, so callers
 * always make progress. */
size_t term_utf8_next(const char *s, size_t n, uint32_t *cp);
/* Columns a code point takes: 2 for wide (Han, kana, fullwidth forms,
 * emoji), 0 for combining marks and controls, 1 otherwise; a tab counts 1
 * (it is shown as one space). */
int term_cp_width(uint32_t cp);
/* Columns of s[0..n). */
size_t term_str_width(const char *s, size_t n);

/* ---- wrapping ---- */
typedef struct {
  size_t start, end; /* bytes of the line's text, end exclusive */
  size_t next;       /* where the following line starts (after the spaces
                        dropped at the break, or the newline) */
  int cols;          /* columns of [start, end) */
} term_line;

/* Wraps s[0..n) to width columns. A newline ends a paragraph (a CR before it
 * is dropped); within one, lines break where Chinese and Latin text allow:
 * between wide characters, at spaces, never inside a run of narrow
 * characters (a Latin word, a number) unless it is longer than the line,
 * never before closing punctuation (，。、」) or after opening punctuation
 * (「“（), never before a combining mark, so a character is never split.
 * Spaces at a wrapped break are dropped; a paragraph's leading indentation
 * is kept. No line is wider than width, except a line holding one character
 * that is wider by itself (a Han character in a 1-column window), which is
 * still shown. Returns the number of lines; *out (malloc'd, the caller
 * frees it) gets them. Returns (size_t)-1 with *out NULL when out of memory. */
size_t term_wrap(const char *s, size_t n, int width, term_line **out);

/* ---- pager ---- */
/* Writes buf to standard output. When page is true, standard output is a
 * terminal and buf has more lines than the terminal, it is piped through
 * $PAGER (default "less -R"; "" or "cat" means none) as git does, and this
 * returns when the pager exits. Returns false when writing failed (other
 * than the pager being quit early). */
bool term_output(const char *buf, size_t len, bool page);

#endif
