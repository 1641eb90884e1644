// Copies stdin to stdout byte for byte with raw read/write (no stdio).
#include <unistd.h>

int main(void) {
  char buf[1 << 16];
  for (ssize_t n; (n = read(0, buf, sizeof buf)) > 0;)
    for (ssize_t off = 0; off < n;) {
      ssize_t w = write(1, buf + off, n - off);
      if (w <= 0) return 1;
      off += w;
    }
  return 0;
}
