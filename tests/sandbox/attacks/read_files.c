// read_files PATH...: tries to read each path and says what happened, one
// line per path: "ALLOWED <path> <n> bytes" or "BLOCKED <path>: <reason>".
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    int fd = open(argv[i], O_RDONLY);
    char buf[4096];
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
    if (n < 0)
      printf("BLOCKED %s: %s\n", argv[i], strerror(errno));
    else
      printf("ALLOWED %s %zd bytes\n", argv[i], n);
    if (fd >= 0) close(fd);
  }
  return 0;
}
