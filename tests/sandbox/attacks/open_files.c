// Opens /dev/null until open fails; reports how many descriptors it had.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  int highest = -1;
  for (int n = 0;; ++n) {
    int fd = open("/dev/null", O_RDONLY);
    if (fd < 0) {
      printf("BLOCKED open: %s after %d more files; highest fd %d\n", strerror(errno), n, highest);
      return 0;
    }
    highest = fd;
  }
}
