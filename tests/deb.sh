#!/bin/sh
# The Debian package: `cpack -G DEB` builds it from the build directory; it
# holds the library, header, pkg-config and CMake files, man pages, the
# lexicon, the completion and the command (man pages gzipped and the
# licence in /usr/share/doc/lichang/copyright, as Debian policy wants); it
# depends on the ICU, PCRE2 and utf8proc runtime packages this system has. As root it is installed into a
# scratch root with `dpkg --root` (so the test never touches the system's
# packages, and parallel runs do not fight over the dpkg lock), run
# (`lichang --version`, a tag, a program built against it) and removed;
# otherwise it is unpacked with `dpkg-deb -x` and run the same way.
#
#   deb.sh BUILD_DIR TESTS_DIR
set -eu
build=$1 tests=$2
cc=${CC:-cc}
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "SKIP: $tool not found (not a Debian system?)"
    exit 77
  }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  printf 'FAIL: %s\n' "$*"
  exit 1
}

echo "== cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/log" 2>&1 ||
  { cat "$tmp/log"; fail "cpack"; }
deb=$(ls "$tmp"/out/*.deb)
dpkg-deb --info "$deb"

dpkg-deb --field "$deb" Package | grep -qx lichang || fail "package is not named lichang"
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libicu libpcre2-8 libutf8proc; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
done
# Each dependency is a package this system has, at a version that satisfies
# it: the package would install here without forcing.
echo "$depends" | tr ',' '\n' | while read -r name op ver; do
  have=$(dpkg-query -W -f '${Version}' "$name" 2>/dev/null) ||
    fail "depends on $name, which this system does not have"
  if [ -n "$op" ]; then
    op=${op#(} ver=${ver%)}
    case $op in
    '>=') rel=ge ;; '<=') rel=le ;; '=') rel=eq ;; '>>') rel=gt ;; '<<') rel=lt ;;
    *) fail "unknown relation '$op' for $name" ;;
    esac
    dpkg --compare-versions "$have" "$rel" "$ver" ||
      fail "depends on $name $op $ver; this system has $have"
  fi
  echo "ok: depends on $name ${op:+$op $ver} (have $have)"
done

dpkg-deb --contents "$deb" | awk '{ print $6 }' >"$tmp/contents"
# usr/lib, or usr/lib/<triplet> when configured with --prefix /usr.
lib=$(sed -n 's|^\./\(.*\)/pkgconfig/lichang\.pc$|\1|p' "$tmp/contents")
[ -n "$lib" ] || fail "the package lacks lichang.pc"
for f in usr/bin/lichang usr/include/lichang.h "$lib/liblichang.a" \
  "$lib/liblichang.so.0" "$lib/cmake/lichang/lichangConfig.cmake" \
  usr/share/man/man1/lichang.1.gz usr/share/man/man3/lichang.3.gz \
  usr/share/doc/lichang/copyright usr/share/lichang/dict/stance.txt \
  usr/share/bash-completion/completions/lichang; do
  grep -q "^\./$f\$" "$tmp/contents" || fail "the package lacks /$f"
done
echo "ok: contents"

root=$tmp/root
if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null 2>&1; then
  echo "== dpkg --root $root -i"
  mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
  : >"$root/var/lib/dpkg/status"
  # --force-depends: the scratch root's database has none of this system's
  # packages (the dependencies were checked against it above);
  # --force-script-chrootless: the scratch root has no shell to chroot into.
  dpkgr() {
    dpkg --root="$root" --log=/dev/null --force-depends \
      --force-script-chrootless "$@"
  }
  dpkgr -i "$deb" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "dpkg -i"; }
  dpkg --root="$root" -s lichang | grep -q '^Status: install ok installed' ||
    fail "not installed after dpkg -i"
  installed=dpkg
else
  echo "== not root (or no dpkg): unpacking with dpkg-deb -x instead of installing"
  dpkg-deb -x "$deb" "$root"
  installed=
fi

echo "== run it"
"$root/usr/bin/lichang" --version | grep -qx "lichang $(dpkg-deb --field "$deb" Version)" ||
  fail "lichang --version: $("$root/usr/bin/lichang" --version)"
"$root/usr/bin/lichang" tag "$tests/articles/example.txt" >"$tmp/tag.jsonl" ||
  fail "lichang tag: exit status $?"
grep -q '"stance":"' "$tmp/tag.jsonl" || fail "lichang tag found no quotes"
echo "ok: lichang --version and lichang tag"
if command -v man >/dev/null 2>&1; then
  for page in "$root"/usr/share/man/man*/lichang.*.gz; do
    MANWIDTH=80 man --warnings=w -l "$page" 2>"$tmp/warn" | grep -q '^NAME' ||
      fail "man -l $page shows no NAME section"
    [ ! -s "$tmp/warn" ] || { cat "$tmp/warn"; fail "man -l $page warns"; }
  done
  echo "ok: the packaged man pages read with man -l"
fi
if command -v pkg-config >/dev/null 2>&1; then
  # shellcheck disable=SC2046 # word splitting is the point
  PKG_CONFIG_PATH=$root/$lib/pkgconfig \
    "$cc" "$tests/consumer/prog.c" -o "$tmp/prog" \
    $(PKG_CONFIG_PATH=$root/$lib/pkgconfig pkg-config --cflags --libs lichang) ||
    fail "a program does not build against the package"
  LD_LIBRARY_PATH=$root/$lib "$tmp/prog" "$tests/articles/example.txt" >/dev/null ||
    fail "a program built against the package fails"
  echo "ok: a program built with pkg-config against the package runs"
fi

if [ -n "$installed" ]; then
  echo "== dpkg --root $root -r lichang"
  dpkgr -r lichang >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "dpkg -r"; }
  [ ! -e "$root/usr/bin/lichang" ] && [ ! -e "$root/$lib/liblichang.so.0" ] ||
    fail "files left after dpkg -r"
  echo "ok: removed"
fi
