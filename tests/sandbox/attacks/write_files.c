// write_files PATH...: tries to open each path for writing (creating it), one
// line per path: "ALLOWED <path>" if the open succeeded, else "BLOCKED <path>:
// <reason>". What it writes ("escaped") is rejected by every /proc/sys file the
// tests name, so even a broken box changes no host setting.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    int fd = open(argv[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
      printf("BLOCKED %s: %s\n", argv[i], strerror(errno));
      continue;
    }
    printf("ALLOWED %s\n", argv[i]);
    write(fd, "escaped\n", 8);
    close(fd);
  }
  return 0;
}
