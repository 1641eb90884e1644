// flood FD: writes lines to FD (1 or 2) until an output limit stops it, or
// 1 GiB (a safety net for the host) after which it says ESCAPED.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int fd = argc > 1 ? atoi(argv[1]) : 1;
  char line[4096];
  memset(line, 'x', sizeof line - 1);
  line[sizeof line - 1] = '\n';
  for (long n = 0; n < (1L << 30) / (long)sizeof line; ++n)
    if (write(fd, line, sizeof line) < 0) return 0;
  dprintf(fd == 1 ? 2 : 1, "ESCAPED wrote 1 GiB\n");
  return 0;
}
