#!/bin/sh
# bash completion: with the completion file sourced into a plain bash (no
# bash-completion package needed) and the built lichang first in PATH,
# pressing TAB offers the commands, each command's options as its --help
# lists them, and the values of options that take a fixed set.
#
#   completion.sh COMPLETION_FILE LICHANG
set -eu
command -v bash >/dev/null 2>&1 || {
  echo "SKIP: bash not found"
  exit 77
}
file=$1 lichang=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$(cd "$(dirname "$lichang")" && pwd)/$(basename "$lichang")" "$dir/lichang"

PATH=$dir:$PATH bash --norc --noprofile -s "$file" <<'BASH'
set -u
source "$1"
fail=0
# complete LINE EXPECTED...: TAB at the end of LINE offers each EXPECTED.
complete_line() {
  local line=$1
  shift
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line COMP_POINT=${#line}
  COMPREPLY=()
  _lichang lichang "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  local want got=" ${COMPREPLY[*]-} "
  for want in "$@"; do
    if [[ $got != *" $want "* ]]; then
      echo "FAIL: '$line<TAB>' offers [${COMPREPLY[*]-}], not '$want'"
      fail=1
      return
    fi
  done
  echo "ok: '$line<TAB>' -> ${COMPREPLY[*]-}"
}
complete_line "lichang " tag idf show review eval dict --help --version
complete_line "lichang ta" tag
complete_line "lichang tag --d" --dict
complete_line "lichang tag --" --dict --keywords --max-bytes --help
complete_line "lichang idf --m" --min-df
complete_line "lichang tag --encoding b" big5
complete_line "lichang tag --input j" jsonl
complete_line "lichang tag -f t" tsv
complete_line "lichang show --color=n" never
complete_line "lichang show --color = a" always
complete_line "lichang dict " check
complete_line "lichang dict check --q" --quiet
complete_line "lichang show --ex" --explain
complete_line "lichang review --encoding g" gb18030 gbk
complete_line "lichang eval --" --gold --diff --json
[[ $(complete -p lichang) == *"-F _lichang"* ]] || {
  echo "FAIL: 'complete -p lichang' does not name _lichang"
  fail=1
}
exit $fail
BASH
