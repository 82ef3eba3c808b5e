#!/bin/sh
# The man pages: both render with every groff warning on and none fires;
# lichang(3)'s example program is tests/consumer/prog.c, byte for byte, and
# its SYNOPSIS lists every LICHANG_API function of lichang.h; and
# lichang(1) documents every command and every option that `lichang --help`
# and `lichang COMMAND --help` print.
#
#   manpage.sh SRCDIR LICHANG     the test
#   manpage.sh --example PROG.c   print PROG.c escaped for roff, the block to
#                                 paste between lichang.3's EXAMPLE markers
set -eu

# roff for a program text in .EX: backslashes, and what groff would turn
# into typographic glyphs (- ' ` ^ ~), escaped; a leading . protected.
escape() {
  sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/'/\\\\(aq/g" -e 's/`/\\(ga/g' \
    -e 's/\^/\\(ha/g' -e 's/~/\\(ti/g' -e 's/^\./\\\&./' "$1"
}

if [ "${1:-}" = --example ]; then
  escape "$2"
  exit 0
fi

src=$1 lichang=$2
man1=$src/cli/lichang.1 man3=$src/lib/lichang.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# 1. Rendering: groff with all warnings (-ww), for the default and the UTF-8
#    device; and man(1) as a reader would call it, if man-db is there.
for page in "$man1" "$man3"; do
  for dev in ps utf8; do
    groff -ww -z -man -T"$dev" "$page" 2>"$tmp/warn" || true
    if [ -s "$tmp/warn" ]; then
      echo "FAIL: groff -T$dev warns on $page:"
      cat "$tmp/warn"
      fail=1
    fi
  done
  if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man --warnings=w -l "$page" >/dev/null 2>"$tmp/warn" || true
    if [ -s "$tmp/warn" ]; then
      echo "FAIL: man --warnings -l $page warns:"
      cat "$tmp/warn"
      fail=1
    fi
  fi
  # Non-ASCII text makes groff warn on devices without those glyphs.
  if LC_ALL=C grep -n '[^ -~]' "$page" >"$tmp/nonascii"; then
    echo "FAIL: $page has non-ASCII bytes (use roff escapes):"
    cat "$tmp/nonascii"
    fail=1
  fi
done

# 2. lichang(3)'s example is the consumer program.
sed -n '/^\.\\" BEGIN EXAMPLE/,/^\.\\" END EXAMPLE/p' "$man3" |
  sed '1d;$d' >"$tmp/example.roff"
escape "$src/tests/consumer/prog.c" >"$tmp/prog.roff"
if ! cmp -s "$tmp/example.roff" "$tmp/prog.roff"; then
  echo "FAIL: lichang.3's example differs from tests/consumer/prog.c:"
  diff -u "$tmp/example.roff" "$tmp/prog.roff" || true
  echo "(paste the output of 'sh tests/manpage.sh --example" \
    "tests/consumer/prog.c' between the EXAMPLE markers of lib/lichang.3)"
  fail=1
fi

# 3. lichang(3) shows every public function of lichang.h in its SYNOPSIS.
grep -v '^ *#' "$src/lib/include/lichang.h" | tr '\n' ' ' |
  grep -o 'LICHANG_API [^;(]*(' | sed 's/.*[^a-z0-9_]\([a-z0-9_]*\) *($/\1/' |
  sort -u >"$tmp/api"
sed -n '/^\.SH SYNOPSIS/,/^\.SH/p' "$man3" >"$tmp/synopsis"
for fn in $(cat "$tmp/api"); do
  grep -q "[ *]$fn(" "$tmp/synopsis" || {
    echo "FAIL: lichang.3's SYNOPSIS lacks $fn() (add it to lib/lichang.3," \
      "and say what it does under DESCRIPTION)"
    fail=1
  }
done

# 4. lichang(1) names every command and option the program has. Commands are
#    the indented first words under "Commands:" in `lichang --help`; a
#    command's options are the --long names in its --help.
"$lichang" --help >"$tmp/help"
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p' "$tmp/help")
[ -n "$commands" ] || {
  echo "FAIL: no commands found in 'lichang --help'"
  fail=1
}
# Unescape the page's \- so options can be matched as typed.
sed 's/\\-/-/g' "$man1" >"$tmp/man1"
for cmd in $commands; do
  if ! grep -q "^\.SS \"lichang $cmd[ \"]" "$tmp/man1"; then
    echo "FAIL: lichang.1 has no section '.SS \"lichang $cmd ...\"'"
    fail=1
  fi
  "$lichang" "$cmd" --help >"$tmp/cmdhelp" 2>&1 || true
  # The command's section: from its .SS to the next .SS.
  sed -n "/^\.SS \"lichang $cmd[ \"]/,/^\.SS/p" "$tmp/man1" >"$tmp/section"
  for opt in $(grep -o -- '--[a-z][a-z0-9-]*' "$tmp/cmdhelp" | sort -u); do
    if ! grep -q -- "$opt\([^a-z0-9-]\|$\)" "$tmp/section"; then
      echo "FAIL: lichang.1 does not document 'lichang $cmd $opt'" \
        "(add it under .SS \"lichang $cmd ...\" in cli/lichang.1)"
      fail=1
    fi
  done
done
for opt in --help --version; do
  grep -q -- "$opt" "$tmp/man1" || {
    echo "FAIL: lichang.1 does not document 'lichang $opt'"
    fail=1
  }
done
for section in ENVIRONMENT '"EXIT STATUS"' EXAMPLES; do
  grep -q "^\.SH $section" "$tmp/man1" || {
    echo "FAIL: lichang.1 has no $section section"
    fail=1
  }
done
for var in NO_COLOR PAGER COLUMNS TERM; do
  sed -n '/^\.SH ENVIRONMENT/,/^\.SH/p' "$tmp/man1" | grep -q "^\.B $var\$" || {
    echo "FAIL: lichang.1's ENVIRONMENT does not describe $var"
    fail=1
  }
done

[ "$fail" = 0 ] && echo "man pages: rendered without warnings; example and" \
  "options agree"
exit "$fail"
