#!/bin/sh
# lichang review, used as a person would: in a 100x30 tmux pane, open an
# article, move, relabel, fix a speaker, drop and undo, mark a missed
# passage, save; quitting with unsaved changes asks; reopening resumes;
# a resize to a pane narrower than a line of Chinese keeps working; with
# no saved file the tagger's passages are the draft.
# usage: review_tmux.sh LICHANG TESTDIR    (exit 77: skipped)
set -u
L=$1 T=$2
if ! command -v tmux >/dev/null 2>&1; then
  echo "SKIP: tmux is not installed, so the review session cannot be driven" \
       "(.ci/deps installs it)"
  exit 77
fi
d=$(mktemp -d)
sock=lichang-review-$$ # a server of our own: the user's sessions are not touched
tm() { tmux -L "$sock" "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- screen:"
  tm capture-pane -p -t "$S" 2>/dev/null
  echo "--- saved file:"
  cat "$d/out.jsonl" 2>/dev/null
  exit 1
}
screen() { tm capture-pane -p -t "$S"; }
# waits (up to 10 s) until the screen shows the fixed string $1
expect() {
  i=0
  while [ $i -lt 100 ]; do
    screen 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.1
    i=$((i + 1))
  done
  fail "the screen never showed: $1"
}
keys() { tm send-keys -t "$S" "$@"; }
type_text() { tm send-keys -t "$S" -l -- "$1"; }
n=0
start() { # start [ARGS...]: lichang review in a fresh pane
  rm -f "$d/exit"
  # a new session each time, the old ones left running: killing the last
  # would stop the server while the next one connects to it
  n=$((n + 1)) S=rv$n
  tm new-session -d -s "$S" -x 100 -y 30 \
    "env LANG=C.UTF-8 TERM=xterm-256color '$L' review $* 2>'$d/stderr';
     echo \$? > '$d/exit'; sleep 60" 2>"$d/tmux.err" ||
    fail "tmux could not start: $(cat "$d/tmux.err")"
}
exited() { # waits for the program to end; its exit status must be 0
  i=0
  while [ ! -s "$d/exit" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  [ -s "$d/exit" ] || fail "review did not exit"
  [ "$(cat "$d/exit")" = 0 ] || fail "review exited $(cat "$d/exit"): $(cat "$d/stderr")"
}

cp "$T/show/review.txt" "$d/article.txt"
cp "$T/show/review.seed.jsonl" "$d/out.jsonl"

# 1. open: resumes from the gold file given with --out
start --out "$d/out.jsonl" "$d/article.txt"
expect "passage 1/3"
expect "resumed from"
expect "#1 林志遠 · optimistic"
# 2. move and relabel: #2 becomes skeptical
keys j
expect "passage 2/3"
expect "#2 黃雅琪 · cautious"
keys s
expect "#2 黃雅琪 · skeptical"
expect "modified"
# 3. fix the speaker of #3 (the seed has none), with Tab completion
keys j e
expect "speaker (Tab"
keys C-u
type_text "黃"
keys Tab # completes from the names already in the article
expect "(Tab: names seen): 黃雅琪"
keys Enter
expect "#3 黃雅琪 · neutral"
keys c
expect "#3 黃雅琪 · cautious"
# 4. drop it, then undo the drop
keys d
expect "DROPPED"
keys u
expect "undone"
screen | grep -qF DROPPED && fail "undo did not bring #3 back"
# 5. mark the passage the seed missed, by how it starts and ends
keys m
expect "starts with"
type_text "這項計畫"
keys Enter
expect "ends with"
type_text "失敗"
keys Enter
expect "mark: speaker:"
keys C-u
type_text "張國華"
keys Enter
expect "passage 4/4"
keys s
expect "#4 張國華 · skeptical"
# 6. save
keys w
expect "saved 4 passages"
screen | grep -qF "modified" && fail "still marked modified after saving"
[ "$(wc -l < "$d/out.jsonl")" -eq 4 ] || fail "the saved file has not 4 lines"
grep -qxF '{"id": "q02", "kind": "indirect", "speaker": "黃雅琪", "text": "目前的技術仍不成熟，遇到雨天和施工路段時風險很高，全面推廣為時過早", "stance": "skeptical", "target": "無人駕駛"}' "$d/out.jsonl" ||
  fail "q02 not saved as relabelled"
grep -qxF '{"id": "q03", "kind": "direct", "speaker": "黃雅琪", "text": "我們需要更多數據", "stance": "cautious", "target": ""}' "$d/out.jsonl" ||
  fail "q03 not saved with its speaker"
grep -qxF '{"id": "q04", "kind": "indirect", "speaker": "張國華", "text": "這項計畫注定失敗", "stance": "skeptical", "target": ""}' "$d/out.jsonl" ||
  fail "the marked passage was not saved"
# every saved text is an exact substring of the article
while IFS= read -r line; do
  t=$(printf '%s\n' "$line" | sed 's/.*"text": "\([^"]*\)".*/\1/')
  grep -qF -- "$t" "$d/article.txt" || fail "saved text not in the article: $t"
done < "$d/out.jsonl"
# the saved file is evaluation data: lichang eval scores against it
"$L" eval --gold "$d/out.jsonl" "$d/article.txt" > "$d/eval.txt" 2>&1 ||
  fail "lichang eval refused the saved gold file: $(cat "$d/eval.txt")"
grep -q "4 gold" "$d/eval.txt" || fail "lichang eval did not read 4 passages"
# 7. an unsaved change: ^C and q ask; another key stays; n quits without saving
keys k o
expect "#3 黃雅琪 · optimistic"
keys C-c # ^C asks too: it must not throw the work away
expect "Unsaved changes"
keys x
expect "still here"
keys q
expect "Unsaved changes"
keys n
exited
grep -qF '"stance": "optimistic", "target": ""}' "$d/out.jsonl" &&
  fail "quitting without saving saved"

# 8. reopen: resumes from the saved file; a narrow pane keeps working
start --out "$d/out.jsonl" "$d/article.txt"
expect "passage 1/4"
keys G
expect "#4 張國華 · skeptical"
tm resize-window -t "$S" -x 9 -y 12
sleep 0.3
keys k
expect "#3" # the details line, cut to 9 columns
tm resize-window -t "$S" -x 100 -y 30
expect "passage 3/4"
expect "#3 黃雅琪 · cautious"
keys q # nothing changed: quits at once
exited

# 9. no saved file: the tagger's passages are the draft, saved next to the
# article by default
rm "$d/out.jsonl"
start "$d/article.txt"
expect "from the tagger"
keys w
expect "saved"
[ -f "$d/article.gold.jsonl" ] || fail "no default gold file next to the article"
keys q
exited
echo "review session: ok"
