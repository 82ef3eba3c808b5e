/* lichang show: an article with its tagging laid over it, for reading in a
 * terminal. The text is wrapped to the screen (Han = two columns), each
 * passage coloured by stance with a label under it (in the right margin on
 * a wide screen), then a scoreboard: speakers, the stance mix, keywords.
 * Everything is drawn into a styled buffer first, so colour is one switch
 * at print time and piped output carries no escape codes. */
#include "cli.h"
#include "term.h"
#include "view.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: lichang show [OPTION]... [FILE|-]...\n"
    "       lichang show --from TAGGED.jsonl [OPTION]... ARTICLE...\n"
    "Show each article with its passages coloured by stance (green\n"
    "optimistic, yellow cautious, red skeptical), speakers in bold, evidence\n"
    "underlined, a label under each passage, then speakers, the stance mix\n"
    "and keywords.\n\n"
    "  -e, --explain          list each passage's evidence under its label\n"
    "  -f, --from FILE        read what `lichang tag` wrote to FILE instead\n"
    "                         of tagging (the line whose id is ARTICLE)\n"
    "      --color[=WHEN]     auto (default: on a terminal, unless NO_COLOR\n"
    "                         is set or TERM=dumb), always (no WHEN) or never\n"
    "  -w, --width N          wrap to N columns (default: $COLUMNS, the\n"
    "                         terminal's width, else 80)\n"
    "      --no-pager         do not pipe long output through $PAGER\n"
    "      --encoding ENC     the articles' encoding: auto (default: UTF-8 if\n"
    "                         valid, else detected), utf-8, gb18030, big5...\n"
    "  -d, --dict DIR         load the lexicon from DIR instead of the "
    "built-in\n"
    "  -h, --help             show this help\n";

static const struct option options[] = {
    {"explain", no_argument, NULL, 'e'},
    {"from", required_argument, NULL, 'f'},
    {"color", optional_argument, NULL, 'C'},
    {"colour", optional_argument, NULL, 'C'},
    {"width", required_argument, NULL, 'w'},
    {"no-pager", no_argument, NULL, 'P'},
    {"encoding", required_argument, NULL, 'E'},
    {"dict", required_argument, NULL, 'd'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

/* (declared in view.h: review reads articles the same way) */
char *view_read_article(const char *path, const char *encoding, size_t *len,
                        char *err, size_t errlen) {
  size_t n;
  char *raw = cli_read_file(path, &n);
  if (!raw) {
    snprintf(err, errlen, "%s", strerror(errno));
    return NULL;
  }
  char *utf8;
  size_t m;
  lichang_error e;
  if (lichang_decode(&utf8, &m, raw, n, encoding, NULL, &e) < 0) {
    snprintf(err, errlen, "%s", e.message);
    free(raw);
    return NULL;
  }
  free(raw);
  /* the library's string goes back to the library; ours is malloc'd */
  char *text = malloc(m + 1);
  if (text) {
    memcpy(text, utf8, m + 1);
    *len = m;
  } else
    snprintf(err, errlen, "out of memory");
  lichang_free(utf8);
  return text;
}

/* ---- a styled buffer: text plus one style byte per text byte ---- */
enum { VS_BG = 1 << 6 }; /* a bar cell: the stance as background colour */

typedef struct {
  char *s;
  uint8_t *st;
  size_t len, cap;
  bool oom;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n, uint8_t style) {
  if (b->oom)
    return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (b->len + n + 1 > cap)
      cap *= 2;
    char *ns = realloc(b->s, cap);
    if (ns)
      b->s = ns;
    uint8_t *nst = ns ? realloc(b->st, cap) : NULL;
    if (!nst) {
      b->oom = true;
      return;
    }
    b->st = nst;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  memset(b->st + b->len, style, n);
  b->len += n;
  b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s, uint8_t style) {
  sb_put(b, s, strlen(s), style);
}

static void sb_printf(sbuf *b, uint8_t style, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void sb_printf(sbuf *b, uint8_t style, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n > 0)
    sb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1, style);
}

static void sb_free(sbuf *b) {
  free(b->s);
  free(b->st);
  memset(b, 0, sizeof *b);
}

static uint8_t stance_style(lichang_stance s) {
  return (uint8_t)(VS_QUOTE | s);
}

/* ---- printing ---- */
typedef struct {
  FILE *out;
  bool color;
  int width;
} painter;

static void sgr(const painter *p, uint8_t st) {
  static const char *const fg[] = {"", ";32", ";33", ";31"};
  static const char *const bg[] = {";100", ";42", ";43", ";41"};
  fputs("\033[0", p->out);
  if (st & VS_BOLD)
    fputs(";1", p->out);
  if (st & VS_DIM)
    fputs(";2", p->out);
  if (st & VS_UNDER)
    fputs(";4", p->out);
  if (st & VS_BG)
    fputs(bg[st & VS_STANCE], p->out);
  else if (st & VS_QUOTE)
    fputs(fg[st & VS_STANCE], p->out);
  fputc('m', p->out);
}

/* Prints b->s[a..e) with its styles; tabs as spaces, other controls
 * dropped; pads with spaces to pad columns. The line ends reset, so each
 * line stands alone (in a pager, after a search jump). */
static void paint(const painter *p, const sbuf *b, size_t a, size_t e,
                  int pad) {
  int cur = 0, cols = 0;
  for (size_t i = a; i < e;) {
    uint32_t cp;
    size_t k = term_utf8_next(b->s + i, e - i, &cp);
    int want = p->color ? b->st[i] : 0;
    if ((want & (VS_QUOTE | VS_BG | VS_STANCE)) == VS_QUOTE)
      want &= ~VS_QUOTE; /* a neutral passage is plain text */
    if (want != cur) {
      sgr(p, (uint8_t)want);
      cur = want;
    }
    if (cp == '\t')
      fputc(' ', p->out);
    else if (cp == 0xFFFD)
      fputs("\xEF\xBF\xBD", p->out);
    else if (cp == 0x2060)
      ; /* only there to keep a line from breaking */
    else if (term_cp_width(cp) > 0 || cp >= 0x300)
      fwrite(b->s + i, 1, k, p->out);
    cols += term_cp_width(cp);
    i += k;
  }
  if (cur)
    fputs("\033[0m", p->out);
  while (cols++ < pad)
    fputc(' ', p->out);
}

/* Prints a whole styled buffer wrapped to width, each line after indent
 * spaces. */
static void paint_wrapped(const painter *p, const sbuf *b, int indent,
                          int width) {
  term_line *ln;
  if (width - indent < 4)
    indent = 0; /* a very narrow screen has no room for indentation */
  size_t n = term_wrap(b->s, b->len, width - indent, &ln);
  for (size_t i = 0; n != (size_t)-1 && i < n; i++) {
    fprintf(p->out, "%*s", indent, "");
    paint(p, b, ln[i].start, ln[i].end, 0);
    fputc('\n', p->out);
  }
  free(ln);
}

/* ---- the article ---- */

/* A note: a passage's label (and evidence) as lines of a small buffer, for
 * printing under the text line or beside it. */
static void label(sbuf *b, const view_doc *v, size_t i, bool explain) {
  const view_quote *q = &v->q[i];
  sb_printf(b, VS_DIM, "\xE2\x86\xB3 %zu ", i + 1); /* ↳ */
  if (*q->speaker)
    sb_puts(b, q->speaker, VS_BOLD);
  else
    sb_puts(b, "(no speaker)", VS_DIM);
  sb_puts(b, " \xC2\xB7 ", VS_DIM); /* · */
  sb_puts(b, lichang_stance_name(q->stance), stance_style(q->stance));
  sb_printf(b, 0, " %.2f", q->score);
  sb_puts(b, q->indirect ? " \xC2\xB7 reported" : " \xC2\xB7 quoted", VS_DIM);
  for (size_t k = 0; k < q->ntargets; k++)
    sb_printf(b, VS_DIM, "%s%s", k ? ", " : " \xC2\xB7 on ", q->targets[k]);
  for (size_t k = 0; explain && k < q->nev; k++) {
    const view_evidence *e = &q->ev[k];
    sb_puts(b, "\n    ", 0);
    sb_put(b, v->text + e->start, e->end - e->start,
           (uint8_t)(VS_UNDER | stance_style(e->stance)));
    size_t tn = strlen(e->term);
    if (tn != e->end - e->start || memcmp(e->term, v->text + e->start, tn))
      sb_printf(b, VS_DIM, " (%s)", e->term);
    sb_printf(b, VS_DIM, "  %s, %s %.2f", e->rule,
              lichang_stance_name(e->stance), e->weight);
  }
}

static void paint_note(const painter *p, const sbuf *b, term_line l, int ind) {
  fprintf(p->out, "%*s", ind, "");
  paint(p, b, l.start, l.end, 0);
}

static void copy_text(sbuf *b, const char *s, size_t n, const uint8_t *st) {
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = term_utf8_next(s + i, n - i, &cp);
    if (cp == 0xFFFD && k == 1)
      sb_put(b, "\xEF\xBF\xBD", 3, st[i]); /* a byte that is not UTF-8 */
    else if (cp == '\n' || cp == '\t' || cp >= 0x20)
      sb_put(b, s + i, k, st[i]);
    i += k;
  }
}

static void render_article(const painter *p, const view_doc *v, bool explain) {
  uint8_t *st = view_styles(v);
  sbuf t = {0};
  size_t *qend = calloc(v->nq + 1, sizeof *qend);
  sbuf *notes = calloc(v->nq + 1, sizeof *notes);
  if (!st || !qend || !notes) {
    free(st);
    free(qend);
    free(notes);
    fputs("(out of memory)\n", p->out);
    return;
  }
  size_t at = 0;
  for (size_t i = 0; i < v->nq; i++) {
    const view_quote *q = &v->q[i];
    if (q->start < at)
      continue; /* overlaps the one before: its label still shows */
    copy_text(&t, v->text + at, q->start - at, st + at);
    /* a number marks where the passage starts; without colour a bracket
     * pair shows where it ends too */
    if (p->color)
      sb_printf(&t, VS_DIM, "[%zu]\xE2\x81\xA0", i + 1); /* word joiner */
    else
      sb_printf(&t, 0, "[%zu\xC2\xA0", i + 1); /* no-break space */
    copy_text(&t, v->text + q->start, q->end - q->start, st + q->start);
    /* the passage's trailing spaces stay outside the bracket */
    while (!p->color && t.len && t.s[t.len - 1] == ' ')
      t.len--;
    if (!p->color)
      sb_puts(&t, "]", 0);
    qend[i] = t.len;
    at = q->end;
    label(&notes[i], v, i, explain);
  }
  copy_text(&t, v->text + at, v->len - at, st + at);
  free(st);

  /* wide screen: text in a comfortable measure, notes in the margin */
  int measure = p->width, margin = 0;
  if (p->width >= 130) {
    measure = p->width - 50 < 110 ? p->width - 50 : 110;
    margin = p->width - measure - 3;
  }
  int indent = p->width >= 12 ? 2 : 0; /* of notes under the text */
  term_line *ln;
  size_t n = term_wrap(t.s, t.len, measure, &ln);
  /* queue of note lines waiting for a text line to sit beside */
  size_t qn = 0, qcap = 0, qhead = 0;
  struct note {
    const sbuf *b;
    term_line l;
    int ind;
  } *queue = NULL;
  size_t next_q = 0;
  for (size_t i = 0; n != (size_t)-1 && i < n; i++) {
    /* a blank line between paragraphs (a note may sit beside it) */
    if (i > 0 && ln[i - 1].next > ln[i - 1].end &&
        t.s[ln[i - 1].next - 1] == '\n' && ln[i].end > ln[i].start) {
      if (margin && qhead < qn) {
        fprintf(p->out, "%*s   ", measure, "");
        paint_note(p, queue[qhead].b, queue[qhead].l, queue[qhead].ind);
        qhead++;
      }
      fputc('\n', p->out);
    }
    /* passages that end on this line: queue their notes */
    while (next_q < v->nq && qend[next_q] <= ln[i].next) {
      /* each line of a note wrapped on its own, continuation lines
       * indented like their first */
      const sbuf *nb = &notes[next_q];
      for (size_t a = 0; a < nb->len;) {
        const char *nlc = memchr(nb->s + a, '\n', nb->len - a);
        size_t e = nlc ? (size_t)(nlc - nb->s) : nb->len, k = a;
        while (k < e && nb->s[k] == ' ')
          k++;
        int ind = (int)(k - a), room = (margin ? margin : p->width - indent);
        if (room - ind < 8)
          ind = 0, k = a;
        term_line *nl;
        size_t m = term_wrap(nb->s + k, e - k, room - ind, &nl);
        for (size_t j = 0; m != (size_t)-1 && j < m; j++) {
          if (qn == qcap) {
            qcap = qcap ? qcap * 2 : 16;
            struct note *nq = realloc(queue, qcap * sizeof *nq);
            if (!nq)
              break;
            queue = nq;
          }
          nl[j].start += k;
          nl[j].end += k;
          queue[qn++] = (struct note){nb, nl[j], ind};
        }
        free(nl);
        a = e + 1;
      }
      next_q++;
    }
    paint(p, &t, ln[i].start, ln[i].end, margin && qhead < qn ? measure : 0);
    if (margin && qhead < qn) {
      fputs("   ", p->out);
      paint_note(p, queue[qhead].b, queue[qhead].l, queue[qhead].ind);
      qhead++;
    }
    fputc('\n', p->out);
    for (; !margin && qhead < qn; qhead++) { /* notes go under the line */
      fprintf(p->out, "%*s", indent, "");
      paint_note(p, queue[qhead].b, queue[qhead].l, queue[qhead].ind);
      fputc('\n', p->out);
    }
  }
  for (; qhead < qn; qhead++) { /* notes left after the last line */
    fprintf(p->out, "%*s", margin ? measure + 3 : indent, "");
    paint_note(p, queue[qhead].b, queue[qhead].l, queue[qhead].ind);
    fputc('\n', p->out);
  }
  free(queue);
  if (n != (size_t)-1)
    free(ln);
  for (size_t i = 0; i < v->nq; i++)
    sb_free(&notes[i]);
  free(notes);
  free(qend);
  sb_free(&t);
}

/* ---- the scoreboard ---- */

static void heading(const painter *p, const char *title) {
  sbuf b = {0};
  sb_puts(&b, title, VS_BOLD);
  fputc('\n', p->out);
  paint_wrapped(p, &b, 0, p->width);
  sb_free(&b);
}

/* cells of a bar: in colour, background-coloured no-break spaces (a
 * plain space would be a place to break and trimmed there); without, one
 * character per stance (the legend says which) */
static void bar_cells(const painter *p, sbuf *b, lichang_stance s, size_t n) {
  static const char plain[] = ".+~-";
  for (size_t i = 0; i < n; i++)
    if (p->color)
      sb_put(b, "\xC2\xA0", 2, (uint8_t)(VS_BG | s));
    else
      sb_put(b, &plain[s], 1, 0);
}

static void render_scoreboard(const painter *p, const view_doc *v) {
  static const lichang_stance order[] = {LICHANG_OPTIMISTIC, LICHANG_CAUTIOUS,
                                         LICHANG_SKEPTICAL, LICHANG_NEUTRAL};
  size_t mix[4] = {0}, unnamed = 0;
  for (size_t i = 0; i < v->nq; i++) {
    mix[v->q[i].stance]++;
    unnamed += !*v->q[i].speaker;
  }
  if (v->nsp || unnamed) {
    heading(p, "Speakers");
    int namew = 0;
    for (size_t k = 0; k < v->nsp; k++) {
      int w = (int)term_str_width(v->sp[k].name, strlen(v->sp[k].name));
      namew = w > namew ? w : namew;
    }
    namew = namew > 24 ? 24 : namew < 12 ? 12 : namew;
    for (size_t k = 0; k <= v->nsp; k++) {
      sbuf b = {0};
      const view_speaker *s = k < v->nsp ? &v->sp[k] : NULL;
      if (!s && !unnamed)
        break;
      const char *name = s ? s->name : "(no speaker)";
      sb_puts(&b, name, s ? VS_BOLD : VS_DIM);
      for (int w = (int)term_str_width(name, strlen(name)); w < namew; w++)
        sb_puts(&b, " ", 0);
      size_t count = s ? s->quotes : unnamed;
      sb_printf(&b, 0, " %3zu  ", count);
      /* the overall stance in a column of its own, then one cell per
       * passage, grouped by stance */
      const char *sn = s ? lichang_stance_name(s->stance) : "";
      sb_puts(&b, sn, s ? stance_style(s->stance) : 0);
      for (size_t k = strlen(sn); k < 12; k++)
        sb_put(&b, "\xC2\xA0", 2, 0); /* no break: the bar stays on the line */
      size_t room = (size_t)(p->width > namew + 24 ? p->width - namew - 24 : 1);
      for (int o = 0; o < 4; o++) {
        size_t c = 0;
        for (size_t i = 0; i < v->nq; i++)
          c += v->q[i].stance == order[o] &&
               (s ? strcmp(v->q[i].speaker, s->name) == 0 : !*v->q[i].speaker);
        bar_cells(p, &b, order[o], c < room ? c : room);
        room -= c < room ? c : room;
      }
      paint_wrapped(p, &b, 2, p->width);
      sb_free(&b);
    }
  }
  if (v->nq) {
    char title[64];
    snprintf(title, sizeof title, "Stance mix (%zu passage%s)", v->nq,
             v->nq == 1 ? "" : "s");
    heading(p, title);
    int barw = p->width - 4 < 60 ? p->width - 4 : 60;
    if (barw < 1)
      barw = p->width;
    sbuf b = {0};
    /* largest remainder, so the cells add up to the bar's width */
    size_t cells[4] = {0}, given = 0;
    double rem[4];
    for (int s = 0; s < 4; s++) {
      double exact = (double)mix[s] * barw / (double)v->nq;
      cells[s] = (size_t)floor(exact);
      rem[s] = exact - floor(exact);
      given += cells[s];
    }
    while (barw > 0 && given < (size_t)barw) {
      int best = 0;
      for (int s = 1; s < 4; s++)
        if (rem[s] > rem[best])
          best = s;
      cells[best]++;
      rem[best] = -1;
      given++;
    }
    for (int o = 0; o < 4; o++)
      bar_cells(p, &b, order[o], cells[order[o]]);
    paint_wrapped(p, &b, 2, p->width);
    sb_free(&b);
    static const char plain[] = ".+~-";
    for (int o = 0; o < 4; o++) {
      lichang_stance s = order[o];
      if (p->color)
        sb_put(&b, "\xC2\xA0", 2, (uint8_t)(VS_BG | s));
      else
        sb_put(&b, &plain[s], 1, 0);
      sb_puts(&b, "\xC2\xA0", 0); /* an entry is never broken */
      sb_puts(&b, lichang_stance_name(s), stance_style(s));
      sb_printf(&b, 0, "\xC2\xA0%zu\xC2\xA0(%.0f%%)%s", mix[s],
                100.0 * (double)mix[s] / (double)v->nq, o < 3 ? "   " : "");
    }
    paint_wrapped(p, &b, 2, p->width);
    sb_free(&b);
  }
  if (v->nkw) {
    heading(p, "Keywords");
    sbuf b = {0};
    for (size_t k = 0; k < v->nkw; k++) {
      if (k)
        sb_puts(&b, "  ", 0);
      sb_puts(&b, v->kw[k].term, 0);
    }
    paint_wrapped(p, &b, 2, p->width);
    sb_free(&b);
  }
}

static void render(const painter *p, const view_doc *v, const char *name,
                   bool explain) {
  sbuf b = {0};
  sb_puts(&b, name, VS_BOLD);
  size_t chars = 0;
  for (size_t i = 0; i < v->len; i++)
    chars += ((unsigned char)v->text[i] & 0xC0) != 0x80;
  sb_printf(&b, VS_DIM,
            "  %zu characters \xC2\xB7 %zu passage%s \xC2\xB7 "
            "%zu speaker%s",
            chars, v->nq, v->nq == 1 ? "" : "s", v->nsp,
            v->nsp == 1 ? "" : "s");
  paint_wrapped(p, &b, 0, p->width);
  sb_free(&b);
  for (int i = 0; i < p->width; i++)
    fputs(p->color ? "\033[2m\xE2\x94\x80\033[0m" : "\xE2\x94\x80", p->out);
  fputs("\n", p->out);
  render_article(p, v, explain);
  render_scoreboard(p, v);
}

int cmd_show(int argc, char **argv) {
  const char *dict = NULL, *from = NULL, *encoding = "auto";
  term_color cmode = TERM_COLOR_AUTO;
  bool explain = false, page = true;
  int width = 0, c;
  lichang_error err;
  optind = 1;
  while ((c = getopt_long(argc, argv, "ef:w:d:h", options, NULL)) != -1) {
    switch (c) {
    case 'e':
      explain = true;
      break;
    case 'f':
      from = optarg;
      break;
    case 'C':
      if (!optarg)
        cmode = TERM_COLOR_ALWAYS; /* a bare --color, as in git and grep */
      else if (!term_color_parse(optarg, &cmode)) {
        cli_error("--color: expected auto, always or never, not '%s'", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'w': {
      char *end;
      long w = strtol(optarg, &end, 10);
      if (*end || w < 1 || w > 10000) {
        cli_error("--width: not a number from 1 to 10000: '%s'", optarg);
        return EXIT_USAGE;
      }
      width = (int)w;
      break;
    }
    case 'P':
      page = false;
      break;
    case 'E':
      encoding = optarg;
      if (lichang_decode(NULL, NULL, "", 0, encoding, NULL, &err) < 0) {
        cli_error("--encoding: %s", err.message);
        return EXIT_USAGE;
      }
      break;
    case 'd':
      dict = optarg;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_DONE;
    default:
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  if (from && optind == argc) {
    cli_error("--from needs the ARTICLE files the lines were tagged from");
    return EXIT_USAGE;
  }
  painter p = {NULL, term_color_use(cmode, 1), width ? width : term_width(1)};
  char *jsonl = NULL;
  size_t jsonl_len = 0;
  lichang_lexicon *lx = NULL;
  lichang_tagger *tg = NULL;
  if (from) {
    if (!(jsonl = cli_read_file(from, &jsonl_len))) {
      cli_error("%s: %s", from, strerror(errno));
      return EXIT_INPUT;
    }
  } else {
    if (!(lx = cli_lexicon(dict)))
      return EXIT_USAGE;
    if (lichang_tagger_new(&tg, lx, NULL, &err) < 0) {
      cli_error("%s", err.message);
      lichang_lexicon_free(lx);
      return EXIT_USAGE;
    }
  }
  char *out = NULL;
  size_t outlen = 0;
  p.out = open_memstream(&out, &outlen);
  int status = EXIT_DONE;
  cli_paths paths = {0};
  if (optind == argc)
    cli_paths_add(&paths, "-");
  for (int i = optind; i < argc; i++)
    cli_paths_add(&paths, argv[i]);
  for (size_t i = 0; p.out && i < paths.len; i++) {
    const char *path = paths.paths[i];
    size_t len;
    char why[320];
    char *text = view_read_article(path, encoding, &len, why, sizeof why);
    if (!text) {
      cli_error("%s: %s", path, why);
      status = EXIT_INPUT;
      continue;
    }
    view_doc v;
    bool ok;
    if (from) {
      ok = view_from_jsonl(&v, jsonl, jsonl_len, path, text, len, why,
                           sizeof why);
      if (!ok)
        cli_error("%s: %s", from, why);
    } else {
      lichang_doc *doc;
      ok = lichang_tag(&doc, tg, text, len, &err) == 0;
      if (!ok)
        cli_error("%s: %s", path, err.message);
      else {
        ok = view_from_doc(&v, doc, text, len);
        lichang_doc_free(doc);
        if (!ok)
          cli_error("%s: out of memory", path);
      }
    }
    if (ok) {
      if (i)
        fputc('\n', p.out);
      const char *slash = strrchr(path, '/');
      render(&p, &v,
             strcmp(path, "-") ? (slash ? slash + 1 : path)
                               : "(standard input)",
             explain);
      view_free(&v);
    } else
      status = EXIT_INPUT;
    free(text);
  }
  cli_paths_free(&paths);
  if (!p.out || fclose(p.out) != 0) {
    cli_error("out of memory");
    status = EXIT_INPUT;
  } else if (!term_output(out, outlen, page)) {
    cli_error("standard output: %s", strerror(errno));
    status = EXIT_INPUT;
  }
  free(out);
  free(jsonl);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  return status;
}
