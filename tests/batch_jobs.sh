#!/bin/sh
# `lichang tag --jobs 8` over a thousand articles equals `--jobs 1`, line
# for line. The articles are composed here from sentence parts written for
# the purpose (speakers, verbs, quoted clauses, in both scripts), one to
# five paragraphs each. In the LICHANG_TSAN build this is the ThreadSanitizer run of
# the batch (a race report fails it).
#
# usage: batch_jobs.sh LICHANG [ARTICLES]
set -u
L=$1
N=${2:-1000}
if ! "$L" tag --help 2>/dev/null | grep -q -- --jobs; then
  echo "SKIP: lichang tag has no --jobs yet"
  exit 77
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/lichang-jobs.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
mkdir "$W/in"
awk -v n="$N" -v dir="$W/in" 'BEGIN {
  split("港务局局长周文彬|交通委员会主任刘海峰|分析師黃志強|环保团体发言人林佩君|" \
        "協會理事長陳國棟|学者赵敏|一位不愿具名的工程师|市長", who, "|")
  split("表示|認為|指出|说|強調|坦言|称|預計", verb, "|")
  split("新码头启用后吞吐量可望翻倍，我们相当乐观|這份報告站不住腳，我們會提出異議|" \
        "客流预测偏高，票价太高的话很多人还是会开车|订单已经回暖，但还不能说走出了低谷|" \
        "人才短缺才是最大的问题|这项政策不会带来突破，风险仍然很大|" \
        "未來幾年市場前景樂觀，增長可期|恐怕还需要时间观察", say, "|")
  split("「|“|『", qo, "|")
  split("」|”|』", qc, "|")
  for (i = 0; i < n; i++) {
    f = sprintf("%s/a%04d.txt", dir, i)
    m = 1 + i % 5
    for (k = 0; k < m; k++) {
      j = i * 7 + k * 13
      printf "%s%s：%s%s。%s\n", who[1 + j % 8], verb[1 + int(j / 8) % 8],
        qo[1 + j % 3], say[1 + int(j / 3) % 8], qc[1 + j % 3] > f
      if (k % 2) printf "但%s%s，%s。\n", who[1 + (j + 3) % 8],
        verb[1 + (j + 5) % 8], say[1 + (j + 1) % 8] > f
    }
    close(f)
  }
}'
count=$(ls "$W/in" | wc -l)
[ "$count" -eq "$N" ] || { echo "FAIL: made $count articles, want $N"; exit 1; }
"$L" tag --jobs 1 "$W/in" >"$W/one" 2>"$W/one.err" || {
  echo "FAIL: --jobs 1 exited $?"; cat "$W/one.err"; exit 1; }
"$L" tag --jobs 8 "$W/in" >"$W/eight" 2>"$W/eight.err" || {
  echo "FAIL: --jobs 8 exited $?"; cat "$W/eight.err"; exit 1; }
[ ! -s "$W/eight.err" ] || { echo "FAIL: --jobs 8 wrote to stderr:"; cat "$W/eight.err"; exit 1; }
lines=$(wc -l <"$W/eight")
[ "$lines" -eq "$N" ] || { echo "FAIL: $lines lines, want $N"; exit 1; }
cmp -s "$W/one" "$W/eight" || { echo "FAIL: --jobs 8 differs from --jobs 1"; exit 1; }
echo "ok: $N articles, --jobs 8 == --jobs 1"
