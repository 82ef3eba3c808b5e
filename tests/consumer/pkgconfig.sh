#!/bin/sh
# Installs the build into a scratch prefix, then builds and runs
# consumer/prog.c with `cc prog.c $(pkg-config --cflags --libs lichang)`.
set -eu
build=$1 src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name lichang.pc | head -n 1)")/..
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc "$src/consumer/prog.c" -o "$prefix/prog" $(pkg-config --cflags --libs lichang)
LD_LIBRARY_PATH=$libdir "$prefix/prog"
