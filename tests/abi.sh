#!/bin/sh
# The ABI is the documented API: the shared library exports exactly the
# functions lichang.h declares with LICHANG_API, all named lichang_*; the
# internal lichang__* functions exist but are hidden (C_VISIBILITY_PRESET
# hidden on the objects), and so is everything else. In the static library,
# where hidden symbols stay global, every global is lichang_* or lichang__*,
# so linking it cannot clash with a program's own names.
#
#   abi.sh LIBLICHANG_SO LICHANG_H [LIBLICHANG_A]
set -eu
so=$1 header=$2 archive=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Defined dynamic symbols (code and data; weak too), names only.
nm -D --defined-only "$so" | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/exported"
# Declarations may wrap: LICHANG_API const lichang_evidence *\n name(.
grep -v '^ *#' "$header" | tr '\n' ' ' | grep -o 'LICHANG_API [^;(]*(' |
  sed 's/.*[^a-z0-9_]\([a-z0-9_]*\) *($/\1/' | sort -u >"$tmp/declared"

[ -s "$tmp/declared" ] || {
  echo "FAIL: no LICHANG_API declarations found in $header"
  exit 1
}
if grep -v '^lichang_[a-z0-9]' "$tmp/exported" >"$tmp/bad"; then
  echo "FAIL: exported symbols outside lichang_*:"
  sed 's/^/  /' "$tmp/bad"
  fail=1
fi
if grep '^lichang__' "$tmp/exported" >"$tmp/bad"; then
  echo "FAIL: internal lichang__* symbols exported (LICHANG_API on an internal" \
    "function, or the hidden preset lost?):"
  sed 's/^/  /' "$tmp/bad"
  fail=1
fi
if comm -23 "$tmp/declared" "$tmp/exported" >"$tmp/bad" && [ -s "$tmp/bad" ]; then
  echo "FAIL: declared with LICHANG_API in lichang.h but not exported:"
  sed 's/^/  /' "$tmp/bad"
  fail=1
fi
if comm -13 "$tmp/declared" "$tmp/exported" >"$tmp/bad" && [ -s "$tmp/bad" ]; then
  echo "FAIL: exported but not declared in lichang.h:"
  sed 's/^/  /' "$tmp/bad"
  fail=1
fi
# The internal functions are there, hidden: local in the full symbol table
# (unless the library was stripped).
if nm "$so" 2>/dev/null | grep -q ' lichang__'; then
  if nm "$so" | awk '$3 ~ /^lichang__/ && $2 ~ /[A-Z]/' | grep -q .; then
    echo "FAIL: lichang__* symbols are global in $so"
    fail=1
  else
    echo "ok: lichang__* internals present and local"
  fi
fi
if [ -n "$archive" ]; then
  nm -g --defined-only "$archive" | awk 'NF == 3 { print $3 }' |
    grep -v '^lichang_' | sort -u >"$tmp/bad" || true
  if [ -s "$tmp/bad" ]; then
    echo "FAIL: globals outside lichang_* in $(basename "$archive") (make them" \
      "static, or name them lichang__<stage>_*):"
    sed 's/^/  /' "$tmp/bad"
    fail=1
  else
    echo "ok: $(basename "$archive") defines no global outside lichang_*"
  fi
fi
[ "$fail" = 0 ] && echo "ok: exports are exactly the $(wc -l <"$tmp/declared")" \
  "LICHANG_API functions of lichang.h"
exit "$fail"
