/* lichang eval: score the tagger on one article against a gold file.
 *
 * The figures are exactly those of the project's score.py, so that a
 * lexicon author can trust the loop: a tagged passage matches a gold
 * passage when their byte spans overlap by at least half of the shorter
 * one, one to one, greedily by overlap (ties: later gold passage, then
 * later tagged passage first, as Python's reverse tuple sort has it).
 * Recall counts matched gold passages; precision counts tagged passages
 * that lie at least half inside some gold passage (a gold passage split in
 * pieces is not punished twice). Speakers match when, without spaces and
 * in lower case, one name contains the other. Stance is scored over all
 * gold passages, an unmatched one counting as "missed"; macro-F1 averages
 * the F1 of optimistic, cautious and skeptical (labels that never occur,
 * in gold or tagged, are left out). Numbers are rounded to 3 places. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char usage_text[] =
    "usage: lichang eval --gold GOLD.jsonl [OPTION]... ARTICLE\n"
    "Tag ARTICLE and score it against the hand labels in GOLD.jsonl (one\n"
    "{\"id\",\"text\",\"speaker\",\"stance\"} object per passage): quote\n"
    "recall and precision, speaker accuracy, stance accuracy, F1 per label,\n"
    "macro-F1 and a confusion matrix, as score.py computes them.\n\n"
    "  -g, --gold FILE       the gold file (required)\n"
    "  -d, --dict DIR        load the lexicon from DIR instead of the built-in\n"
    "      --diff            also list each passage whose label differs, with\n"
    "                        its evidence, and tagged passages outside gold\n"
    "      --json            print the figures as one JSON object (score.py's)\n"
    "  -h, --help            show this help\n";

enum { OPT_DIFF = 256, OPT_JSON };
static const struct option options[] = {
    {"gold", required_argument, NULL, 'g'},
    {"dict", required_argument, NULL, 'd'},
    {"diff", no_argument, NULL, OPT_DIFF},
    {"json", no_argument, NULL, OPT_JSON},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

/* score.py's label order; "missed" is column 4 of the confusion matrix. */
static const char *const LABELS[] = {"optimistic", "cautious", "skeptical",
                                     "neutral", "missed"};
enum { NLABELS = 4, MISSED = 4 };

static int label_of_stance(lichang_stance s) {
  switch (s) {
  case LICHANG_OPTIMISTIC:
    return 0;
  case LICHANG_CAUTIOUS:
    return 1;
  case LICHANG_SKEPTICAL:
    return 2;
  default:
    return 3;
  }
}

typedef struct {
  char *id, *text, *speaker, *stance;
  size_t start, end;
  int label;
} gold_item;

typedef struct {
  gold_item *g;
  size_t n;
} gold_set;

static void gold_free(gold_set *gs) {
  for (size_t i = 0; i < gs->n; i++) {
    free(gs->g[i].id);
    free(gs->g[i].text);
    free(gs->g[i].speaker);
    free(gs->g[i].stance);
  }
  free(gs->g);
}

static const char *find_bytes(const char *hay, size_t n, size_t from,
                              const char *needle, size_t m) {
  if (m == 0)
    return from <= n ? hay + from : NULL;
  for (size_t i = from; i + m <= n; i++)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
      return hay + i;
  return NULL;
}

/* Reads the gold file and places each passage in the article the way
 * score.py does: the first occurrence after the previous passage, else the
 * first anywhere. */
static bool gold_read(gold_set *gs, const char *path, const char *art,
                      size_t alen) {
  size_t len;
  char *data = cli_read_file(path, &len);
  if (!data) {
    cli_error("%s: %s", path, strerror(errno));
    return false;
  }
  bool ok = true;
  size_t cap = 0, pos = 0, lineno = 0;
  for (size_t i = 0; i < len && ok;) {
    const char *nl = memchr(data + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - data) : len, n = e - i;
    const char *line = data + i;
    i = e + 1;
    lineno++;
    bool blank = true;
    for (size_t k = 0; k < n && blank; k++)
      blank = strchr(" \t\r\f\v", line[k]) != NULL;
    if (blank)
      continue;
    static const char *const keys[] = {"id", "text", "speaker", "stance"};
    char *v[4], err[160];
    if (!cli_json_strings(line, n, keys, v, 4, err, sizeof err)) {
      cli_error("%s:%zu: %s", path, lineno, err);
      ok = false;
      break;
    }
    if (gs->n == cap) {
      cap = cap ? cap * 2 : 64;
      gold_item *g = realloc(gs->g, cap * sizeof *g);
      if (!g) {
        cli_error("out of memory");
        for (int k = 0; k < 4; k++)
          free(v[k]);
        ok = false;
        break;
      }
      gs->g = g;
    }
    gold_item *g = gs->g + gs->n++;
    g->id = v[0];
    g->text = v[1];
    g->speaker = v[2];
    g->stance = v[3];
    g->label = -1;
    for (int k = 0; k < NLABELS && g->stance; k++)
      if (!strcmp(g->stance, LABELS[k]))
        g->label = k;
    if (!g->text || g->label < 0) {
      cli_error("%s:%zu: %s", path, lineno,
                !g->text ? "no \"text\" string" : "unknown or missing stance");
      ok = false;
      break;
    }
    size_t m = strlen(g->text);
    const char *at = find_bytes(art, alen, pos, g->text, m);
    if (!at)
      at = find_bytes(art, alen, 0, g->text, m);
    if (!at) {
      cli_error("%s:%zu: gold text not in article: %s", path, lineno,
                g->id ? g->id : "(no id)");
      ok = false;
      break;
    }
    g->start = (size_t)(at - art);
    g->end = g->start + m;
    pos = g->end;
  }
  free(data);
  return ok;
}

static size_t overlap(size_t a0, size_t a1, size_t b0, size_t b1) {
  size_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
  return hi > lo ? hi - lo : 0;
}

/* score.py's norm_speaker: spaces dropped, lower case. */
static char *norm_speaker(const char *s) {
  size_t n = s ? strlen(s) : 0;
  char *o = malloc(n * 2 + 1);
  if (!o)
    return NULL;
  size_t k = 0;
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t step = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i),
                                             &cp);
    if (step <= 0) { /* keep a bad byte as it is */
      o[k++] = (char)p[i++];
      continue;
    }
    i += (size_t)step;
    if (cp == ' ')
      continue;
    k += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                      (utf8proc_uint8_t *)o + k);
  }
  o[k] = '\0';
  return o;
}

static bool same_speaker(const char *a, const char *b) {
  char *x = norm_speaker(a), *y = norm_speaker(b);
  bool same = x && y && *x && *y &&
              (!strcmp(x, y) || strstr(x, y) || strstr(y, x));
  free(x);
  free(y);
  return same;
}

typedef struct {
  size_t ov, gi, pi;
} cand;

static int cand_desc(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->ov != y->ov)
    return x->ov < y->ov ? 1 : -1;
  if (x->gi != y->gi)
    return x->gi < y->gi ? 1 : -1;
  return x->pi < y->pi ? 1 : x->pi > y->pi ? -1 : 0;
}

typedef struct {
  size_t gold, pred, matched, inside, speakers;
  size_t *gm; /* gold -> tagged index, or SIZE_MAX */
  bool *pm;   /* tagged passage matched */
  unsigned conf[NLABELS][NLABELS + 1];
  double f1[NLABELS];
  bool has_f1[NLABELS];
  double recall, precision, speaker_acc, acc, macro;
} scores;

static bool score(scores *sc, const gold_set *gs, const lichang_doc *doc) {
  size_t np = lichang_doc_quote_count(doc);
  memset(sc, 0, sizeof *sc);
  sc->gold = gs->n;
  sc->pred = np;
  sc->gm = malloc((gs->n + 1) * sizeof *sc->gm);
  sc->pm = calloc(np + 1, sizeof *sc->pm);
  cand *c = malloc((gs->n * np + 1) * sizeof *c);
  if (!sc->gm || !sc->pm || !c) {
    free(c);
    return false;
  }
  size_t nc = 0;
  for (size_t gi = 0; gi < gs->n; gi++) {
    sc->gm[gi] = SIZE_MAX;
    const gold_item *g = gs->g + gi;
    for (size_t pi = 0; pi < np; pi++) {
      lichang_span p = lichang_quote_span(lichang_doc_quote(doc, pi));
      size_t ov = overlap(g->start, g->end, p.start, p.end);
      size_t gl = g->end - g->start, pl = p.end - p.start;
      if (ov && ov * 2 >= (gl < pl ? gl : pl))
        c[nc++] = (cand){ov, gi, pi};
    }
  }
  qsort(c, nc, sizeof *c, cand_desc);
  for (size_t i = 0; i < nc; i++)
    if (sc->gm[c[i].gi] == SIZE_MAX && !sc->pm[c[i].pi]) {
      sc->gm[c[i].gi] = c[i].pi;
      sc->pm[c[i].pi] = true;
      sc->matched++;
    }
  free(c);
  for (size_t pi = 0; pi < np; pi++) {
    lichang_span p = lichang_quote_span(lichang_doc_quote(doc, pi));
    size_t pl = p.end - p.start;
    for (size_t gi = 0; gi < gs->n; gi++)
      if (overlap(p.start, p.end, gs->g[gi].start, gs->g[gi].end) * 2 >=
          (pl > 1 ? pl : 1)) {
        sc->inside++;
        break;
      }
  }
  for (size_t gi = 0; gi < gs->n; gi++) {
    size_t pi = sc->gm[gi];
    int pl = MISSED;
    if (pi != SIZE_MAX) {
      const lichang_quote *q = lichang_doc_quote(doc, pi);
      sc->speakers += same_speaker(gs->g[gi].speaker, lichang_quote_speaker(q));
      pl = label_of_stance(lichang_quote_stance(q, NULL));
    }
    sc->conf[gs->g[gi].label][pl]++;
  }
  sc->recall = gs->n ? (double)sc->matched / (double)gs->n : 1.0;
  sc->precision = np ? (double)sc->inside / (double)np : 0.0;
  sc->speaker_acc =
      sc->matched ? (double)sc->speakers / (double)sc->matched : 0.0;
  size_t diag = 0;
  for (int l = 0; l < NLABELS; l++) {
    unsigned tp = sc->conf[l][l], fn = 0, fp = 0;
    for (int m = 0; m <= NLABELS; m++)
      fn += m == l ? 0 : sc->conf[l][m];
    for (int o = 0; o < NLABELS; o++)
      fp += o == l ? 0 : sc->conf[o][l];
    diag += tp;
    if (tp + fn == 0 && fp == 0)
      continue;
    double p = tp + fp ? (double)tp / (tp + fp) : 0.0;
    double r = tp + fn ? (double)tp / (tp + fn) : 0.0;
    sc->f1[l] = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    sc->has_f1[l] = true;
  }
  double sum = 0;
  int k = 0;
  for (int l = 0; l < 3; l++)
    if (sc->has_f1[l]) {
      sum += sc->f1[l];
      k++;
    }
  sc->macro = k ? sum / k : 0.0;
  sc->acc = gs->n ? (double)diag / (double)gs->n : 0.0;
  return true;
}

/* Python's repr(round(v, 3)): at most three decimals, at least one. */
static void put3(double v) {
  char b[64];
  snprintf(b, sizeof b, "%.3f", v);
  size_t n = strlen(b);
  while (n > 0 && b[n - 1] == '0' && b[n - 2] != '.')
    b[--n] = '\0';
  fputs(b, stdout);
}

static void print_json(const scores *sc) {
  printf("{\"gold\": %zu, \"pred\": %zu, \"matched\": %zu, \"quote_recall\": ",
         sc->gold, sc->pred, sc->matched);
  put3(sc->recall);
  fputs(", \"quote_precision\": ", stdout);
  put3(sc->precision);
  fputs(", \"speaker_acc\": ", stdout);
  put3(sc->speaker_acc);
  fputs(", \"stance_acc\": ", stdout);
  put3(sc->acc);
  fputs(", \"stance_macro_f1\": ", stdout);
  put3(sc->macro);
  fputs(", \"f1\": {", stdout);
  bool first = true;
  for (int l = 0; l < NLABELS; l++)
    if (sc->has_f1[l]) {
      printf("%s\"%s\": ", first ? "" : ", ", LABELS[l]);
      put3(sc->f1[l]);
      first = false;
    }
  fputs("}, \"confusion\": {", stdout);
  for (int l = 0; l < NLABELS; l++) {
    printf("%s\"%s\": {", l ? ", " : "", LABELS[l]);
    for (int m = 0; m <= NLABELS; m++)
      printf("%s\"%s\": %u", m ? ", " : "", LABELS[m], sc->conf[l][m]);
    fputs("}", stdout);
  }
  fputs("}}\n", stdout);
}

static void print_table(const scores *sc, const char *article) {
  printf("article    %s\n", article);
  printf("passages   %zu gold, %zu tagged, %zu matched\n", sc->gold, sc->pred,
         sc->matched);
  printf("quotes     recall %.3f  precision %.3f\n", sc->recall, sc->precision);
  printf("speakers   accuracy %.3f (%zu of %zu matched)\n", sc->speaker_acc,
         sc->speakers, sc->matched);
  printf("stance     accuracy %.3f  macro-F1 %.3f\n", sc->acc, sc->macro);
  printf("F1        ");
  for (int l = 0; l < NLABELS; l++)
    if (sc->has_f1[l])
      printf(" %s %.3f ", LABELS[l], sc->f1[l]);
  printf("\n\nconfusion (rows gold, columns tagged)\n%-12s", "");
  for (int m = 0; m <= NLABELS; m++)
    printf("%11s", LABELS[m]);
  putchar('\n');
  for (int l = 0; l < NLABELS; l++) {
    printf("%-12s", LABELS[l]);
    for (int m = 0; m <= NLABELS; m++)
      printf("%11u", sc->conf[l][m]);
    putchar('\n');
  }
}

/* The first `chars` characters of s[0..n), for a one-line preview. */
static void put_preview(const char *s, size_t n, size_t chars) {
  size_t i = 0, c = 0;
  while (i < n && c < chars) {
    unsigned char b = (unsigned char)s[i];
    size_t step = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (i + step > n)
      break;
    for (size_t k = 0; k < step; k++)
      putchar(s[i + k] == '\n' ? ' ' : s[i + k]);
    i += step;
    c++;
  }
  if (i < n)
    fputs("…", stdout);
}

static void print_evidence(const lichang_quote *q, const char *art) {
  size_t n = lichang_quote_evidence_count(q);
  if (!n)
    puts("      (no evidence)");
  for (size_t i = 0; i < n; i++) {
    const lichang_evidence *ev = lichang_quote_evidence(q, i);
    printf("      %-10s %-10s %6.2f  ", ev->rule,
           lichang_stance_name(ev->stance), ev->weight);
    put_preview(art + ev->span.start, ev->span.end - ev->span.start, 16);
    if (strcmp(ev->rule, "lexicon") && ev->term)
      printf("  (%s)", ev->term);
    putchar('\n');
  }
}

static void print_diff(const scores *sc, const gold_set *gs,
                       const lichang_doc *doc, const char *art) {
  puts("\ndifferences");
  for (size_t gi = 0; gi < gs->n; gi++) {
    const gold_item *g = gs->g + gi;
    size_t pi = sc->gm[gi];
    const lichang_quote *q = pi == SIZE_MAX ? NULL : lichang_doc_quote(doc, pi);
    double s = 0;
    int pl = q ? label_of_stance(lichang_quote_stance(q, &s)) : MISSED;
    if (pl == g->label)
      continue;
    printf("  %-5s gold %-10s tagged %-10s", g->id ? g->id : "-",
           LABELS[g->label], LABELS[pl]);
    if (q)
      printf(" score %.2f  speaker %s", s,
             *lichang_quote_speaker(q) ? lichang_quote_speaker(q) : "-");
    printf("\n        ");
    put_preview(art + g->start, g->end - g->start, 40);
    putchar('\n');
    if (q)
      print_evidence(q, art);
  }
  for (size_t pi = 0; pi < sc->pred; pi++) {
    const lichang_quote *q = lichang_doc_quote(doc, pi);
    lichang_span p = lichang_quote_span(q);
    size_t pl = p.end - p.start;
    bool inside = false;
    for (size_t gi = 0; gi < gs->n && !inside; gi++)
      inside = overlap(p.start, p.end, gs->g[gi].start, gs->g[gi].end) * 2 >=
               (pl > 1 ? pl : 1);
    if (inside)
      continue;
    printf("  extra tagged %-10s speaker %s\n        ",
           lichang_stance_name(lichang_quote_stance(q, NULL)),
           *lichang_quote_speaker(q) ? lichang_quote_speaker(q) : "-");
    put_preview(art + p.start, pl, 40);
    putchar('\n');
  }
}

int cmd_eval(int argc, char **argv) {
  const char *dict = NULL, *gold = NULL;
  bool diff = false, json = false;
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "g:d:h", options, NULL)) != -1) {
    switch (c) {
    case 'g':
      gold = optarg;
      break;
    case 'd':
      dict = optarg;
      break;
    case OPT_DIFF:
      diff = true;
      break;
    case OPT_JSON:
      json = true;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return EXIT_DONE;
    default:
      fputs(usage_text, stderr);
      return EXIT_USAGE;
    }
  }
  if (!gold || optind + 1 != argc) {
    cli_error(!gold ? "eval: --gold is required"
                    : "eval: expected one ARTICLE");
    fputs(usage_text, stderr);
    return EXIT_USAGE;
  }
  const char *path = argv[optind];
  lichang_lexicon *lx = cli_lexicon(dict);
  if (!lx)
    return EXIT_USAGE;
  int status = EXIT_INPUT;
  lichang_tagger *tg = NULL;
  lichang_doc *doc = NULL;
  gold_set gs = {0};
  scores sc = {0};
  lichang_error err;
  size_t alen;
  char *art = cli_read_file(path, &alen);
  if (!art)
    cli_error("%s: %s", path, strerror(errno));
  else if (lichang_tagger_new(&tg, lx, NULL, &err) < 0) {
    cli_error("%s", err.message);
    status = EXIT_USAGE;
  } else if (lichang_tag(&doc, tg, art, alen, &err) < 0)
    cli_error("%s: %s", path, err.message);
  else if (gold_read(&gs, gold, art, alen)) {
    if (!score(&sc, &gs, doc))
      cli_error("out of memory");
    else {
      if (json)
        print_json(&sc);
      else
        print_table(&sc, path);
      if (diff)
        print_diff(&sc, &gs, doc, art);
      status = fflush(stdout) == 0 ? EXIT_DONE : EXIT_INPUT;
      if (status != EXIT_DONE)
        cli_error("standard output: %s", strerror(errno));
    }
  }
  free(sc.gm);
  free(sc.pm);
  gold_free(&gs);
  lichang_doc_free(doc);
  lichang_tagger_free(tg);
  lichang_lexicon_free(lx);
  free(art);
  return status;
}
