#!/bin/sh
# Installs the build into a scratch prefix with `cmake --install`, then
# builds tests/consumer/prog.c against it four ways and runs each on an
# article:
#   CMake      find_package(lichang) + lichang::lichang, shared and static
#   pkg-config --cflags --libs, and --static against a prefix holding only
#              the static library (so the linker cannot pick the shared one)
# A static build must not need liblichang.so; a shared one must.
#
#   run.sh BUILD_DIR TESTS_DIR
set -eu
build=$1 tests=$2
cc=${CC:-cc}
article=$tests/articles/example.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

step() { printf '== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*"
  exit 1
}

step "cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" ||
  { cat "$tmp/install.log"; fail "cmake --install"; }
pc=$(find "$prefix" -name lichang.pc | head -n 1)
[ -n "$pc" ] || fail "no lichang.pc installed"
libdir=$(dirname "$(dirname "$pc")")
for f in "$prefix/include/lichang.h" "$libdir/liblichang.a" \
  "$libdir/cmake/lichang/lichangConfig.cmake" \
  "$libdir/cmake/lichang/lichangConfigVersion.cmake" \
  "$prefix/share/man/man1/lichang.1" "$prefix/share/man/man3/lichang.3" \
  "$prefix/share/lichang/dict/stance.txt" \
  "$prefix/share/bash-completion/completions/lichang" "$prefix/bin/lichang"; do
  [ -e "$f" ] || fail "not installed: $f"
done
soname=$(readelf -d "$libdir/liblichang.so" | sed -n 's/.*SONAME.*\[\(.*\)\].*/\1/p')
[ -e "$libdir/$soname" ] || fail "no $soname in $libdir"

# Runs a built program on the article and checks what it printed.
check_run() { # name binary expect(shared|static)
  needed=$(readelf -d "$2" | grep NEEDED || true)
  case $3 in
  shared) echo "$needed" | grep -q "\[$soname\]" ||
    fail "$1: does not link $soname: $needed" ;;
  static) echo "$needed" | grep -q liblichang &&
    fail "$1: links the shared library: $needed" ;;
  esac
  LD_LIBRARY_PATH=$libdir "$2" "$article" >"$tmp/out" 2>"$tmp/err" ||
    { cat "$tmp/out" "$tmp/err"; fail "$1: exit status $?"; }
  head -n 1 "$tmp/out" | grep -Eq '^lichang [0-9.]+: [1-9][0-9]* quote' ||
    { cat "$tmp/out" "$tmp/err"; fail "$1: found no quotes"; }
  tail -n 1 "$tmp/out" | grep -q '^{"id":' ||
    { cat "$tmp/out"; fail "$1: no JSON line"; }
  echo "ok: $1 ($3): $(head -n 1 "$tmp/out")"
}

for kind in shared static; do
  step "CMake consumer, $kind"
  static=OFF
  [ "$kind" = static ] && static=ON
  if ! cmake -S "$tests/consumer" -B "$tmp/cmake-$kind" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" \
    -DLICHANG_USE_STATIC_LIBS=$static >"$tmp/log" 2>&1 ||
    ! cmake --build "$tmp/cmake-$kind" >>"$tmp/log" 2>&1; then
    cat "$tmp/log"
    fail "CMake consumer ($kind) does not build"
  fi
  check_run "find_package" "$tmp/cmake-$kind/app" "$kind"
done

step "pkg-config consumer, shared"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046 # word splitting is the point
"$cc" "$tests/consumer/prog.c" -o "$tmp/pc-shared" \
  $(pkg-config --cflags --libs lichang) || fail "pkg-config --libs: link"
check_run "pkg-config" "$tmp/pc-shared" shared

step "pkg-config consumer, static"
cp -a "$prefix" "$tmp/static"
slibdir=$tmp/static${libdir#"$prefix"}
rm -f "$slibdir"/liblichang.so*
export PKG_CONFIG_PATH="$slibdir/pkgconfig"
# shellcheck disable=SC2046
"$cc" "$tests/consumer/prog.c" -o "$tmp/pc-static" \
  $(pkg-config --static --cflags --libs lichang) ||
  fail "pkg-config --static --libs: link"
check_run "pkg-config --static" "$tmp/pc-static" static
