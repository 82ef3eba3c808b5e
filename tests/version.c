/* Prints the version three ways, for version.sh to compare with CMake's,
 * pkg-config's and the package's: the header's macros, the string macro,
 * and lichang_version() of the shared library this is linked with. */
#include "lichang.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  char parts[64];
  snprintf(parts, sizeof parts, "%d.%d.%d", LICHANG_VERSION_MAJOR,
           LICHANG_VERSION_MINOR, LICHANG_VERSION_PATCH);
  printf("%s %s %s\n", parts, LICHANG_VERSION_STRING, lichang_version());
  return strcmp(parts, LICHANG_VERSION_STRING) ||
         strcmp(parts, lichang_version());
}
