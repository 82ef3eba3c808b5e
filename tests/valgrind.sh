#!/bin/sh
# Runs a program under valgrind memcheck: any invalid access, use of an
# uninitialised value or leak (definite, indirect or possible) makes the
# exit status 99, so the run fails whatever the program itself returned.
# usage: valgrind.sh PROGRAM [ARG]...
exec valgrind -q --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible \
  --track-origins=yes "$@"
