#!/bin/sh
# lichang dict check: the built-in lexicon is clean (exit 0); a lexicon that
# loads but has suspicious entries gets one warning each, in file and line
# order, with file:line:column (exit 1); one that does not load gets its
# error (exit 2). What is not a warning: a topic that holds a stance term
# (经济增长), a term that is both a stance term and a negator (不可能).
#
#   dict.sh LICHANG TESTDIR
set -eu
lichang=$1
t=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() {
  echo "FAIL: $*"
  fail=1
}

st=0; "$lichang" dict check >"$tmp/out" 2>&1 || st=$?
[ "$st" = 0 ] || bad "built-in lexicon: exit $st: $(cat "$tmp/out")"
[ -s "$tmp/out" ] && bad "built-in lexicon: output: $(cat "$tmp/out")"

d=$t/dicts/lint
st=0; "$lichang" dict check "$d" >"$tmp/out" 2>&1 || st=$?
[ "$st" = 1 ] || bad "lint dir: exit $st, not 1"
cat >"$tmp/want" <<EOW
$d/stance.txt:2:1: warning: '认同' is shadowed by '表示认同', a speech verb (speech.txt:3): inside it, it never counts as a stance term
$d/stance.txt:3:1: warning: '好' has weight 0: it never counts
$d/modifiers.txt:2:1: warning: '很': factor 0.5: an intensifier below 1 weakens (a downtoner?)
$d/modifiers.txt:3:1: warning: '却': factor 2: a turn's factor is from 0 to 1 (0 is no turn)
$d/people.txt:2:1: warning: '高明' is also a stance term (stance.txt:4): one entry carries both readings
EOW
cmp -s "$tmp/want" "$tmp/out" || bad "lint dir: output differs:
$(diff "$tmp/want" "$tmp/out")"
st=0; "$lichang" dict check --quiet "$d" >"$tmp/out" 2>&1 || st=$?
[ "$st" = 1 ] && [ ! -s "$tmp/out" ] || bad "--quiet: exit $st, output $(cat "$tmp/out")"

mkdir "$tmp/broken"
printf '# one good line, one bad\n突破\toptimistic\t1.2\n失败\tskeptcal\t1\n' >"$tmp/broken/stance.txt"
st=0; "$lichang" dict check "$tmp/broken" >"$tmp/out" 2>&1 || st=$?
[ "$st" = 2 ] || bad "broken dir: exit $st, not 2"
grep -qF "$tmp/broken/stance.txt:3:4: error: unknown stance 'skeptcal'" "$tmp/out" ||
  bad "broken dir: $(cat "$tmp/out")"
printf 'skeptical\t1\t(unclosed\t# bad\n' >"$tmp/broken/rules.txt"
rm "$tmp/broken/stance.txt"
st=0; "$lichang" dict check "$tmp/broken" >"$tmp/out" 2>&1 || st=$?
[ "$st" = 2 ] && grep -q "rules.txt:1:[0-9]*: error: pattern does not compile" "$tmp/out" ||
  bad "bad rule: exit $st: $(cat "$tmp/out")"

st=0; "$lichang" dict frobnicate 2>/dev/null || st=$?
[ "$st" = 2 ] || bad "unknown dict subcommand: exit $st, not 2"
[ "$fail" = 0 ] && echo "dict check: clean, warnings and errors as expected"
exit "$fail"
