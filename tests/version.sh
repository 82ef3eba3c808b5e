#!/bin/sh
# One version everywhere: the header's macros (MAJOR.MINOR.PATCH and
# _STRING), lichang_version() of the shared library, `lichang --version`,
# CMake's project version, the package version file (SameMajorVersion),
# lichang.pc's Version, the man pages' headers and the shared library's
# SONAME (the major).
#
#   version.sh PROJECT_VERSION VERSION_PROG LICHANG_CLI BUILD_DIR LIBLICHANG_SO SRCDIR
set -eu
want=$1 prog=$2 cli=$3 build=$4 so=$5 src=$6
fail=0
check() { # what got
  if [ "$2" = "$want" ]; then
    echo "ok: $1 $2"
  else
    echo "FAIL: $1 is '$2', CMake's project version is '$want'"
    fail=1
  fi
}
out=$("$prog") || {
  echo "FAIL: macros and lichang_version() disagree: $out"
  exit 1
}
set -- $out
check "macros MAJOR.MINOR.PATCH" "$1"
check "LICHANG_VERSION_STRING" "$2"
check "lichang_version()" "$3"
check "lichang --version" "$("$cli" --version | sed 's/^lichang //')"
check "lichang.pc Version" "$(sed -n 's/^Version: //p' "$build/lib/lichang.pc")"
if command -v pkg-config >/dev/null 2>&1; then
  check "pkg-config --modversion" "$(pkg-config --modversion "$build/lib/lichang.pc")"
fi

for page in "$src/cli/lichang.1" "$src/lib/lichang.3"; do
  check "$(basename "$page") .TH" \
    "$(sed -n 's/^\.TH .*"lichang \([0-9.]*\)".*/\1/p' "$page")"
done

major=${want%%.*}
minor=$(echo "$want" | cut -d. -f2)
soname=$(readelf -d "$so" | sed -n 's/.*SONAME.*\[\(.*\)\].*/\1/p')
if [ "$soname" = "liblichang.so.$major" ]; then
  echo "ok: SONAME $soname"
else
  echo "FAIL: SONAME is '$soname', want liblichang.so.$major"
  fail=1
fi

# The package version file: this version, and SameMajorVersion.
cfgver=$build/lib/lichangConfigVersion.cmake
compat() { # requested -> TRUE/FALSE
  cat >"$build/version_probe.cmake" <<PROBE
set(PACKAGE_FIND_VERSION "$1")
string(REPLACE "." ";" _p "$1")
list(GET _p 0 PACKAGE_FIND_VERSION_MAJOR)
list(GET _p 1 PACKAGE_FIND_VERSION_MINOR)
set(PACKAGE_FIND_VERSION_PATCH 0)
set(PACKAGE_FIND_VERSION_COUNT 2)
include("$cfgver")
message("\${PACKAGE_VERSION} \${PACKAGE_VERSION_COMPATIBLE}")
PROBE
  cmake -P "$build/version_probe.cmake" 2>&1
}
set -- $(compat "$major.0")
check "lichangConfigVersion.cmake" "$1"
for req in "$major.0:TRUE" "$want:TRUE" "$((major + 1)).0:FALSE" \
  "$major.$((minor + 1)):FALSE"; do
  set -- $(compat "${req%%:*}")
  if [ "$2" = "${req#*:}" ]; then
    echo "ok: find_package(lichang ${req%%:*}) compatible: $2"
  else
    echo "FAIL: find_package(lichang ${req%%:*}) compatible: $2, want ${req#*:}"
    fail=1
  fi
done
rm -f "$build/version_probe.cmake"
exit "$fail"
