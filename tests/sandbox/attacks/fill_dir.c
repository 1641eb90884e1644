// fill_dir DIR: writes 1 MiB files into DIR until the filesystem refuses.
// Each file stays below the output limit, so only the size cap of DIR's
// filesystem stops it.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* dir = argc > 1 ? argv[1] : "/tmp";
  static char mib[1 << 20];
  memset(mib, 'z', sizeof mib);
  for (int n = 0; n < 1024; ++n) {  // 1 GiB at most: a safety net for the host
    char path[4096];
    snprintf(path, sizeof path, "%s/fill-%d", dir, n);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, mib, sizeof mib) != (ssize_t)sizeof mib) {
      printf("STOPPED after %d full files: %s\n", n, strerror(errno));
      return 0;
    }
    close(fd);
  }
  printf("ESCAPED wrote 1024 files\n");
  return 0;
}
