// big_file PATH: grows one file until a write comes up short, then stops
// quietly, as a careful program would. The kernel's file size cap makes that
// short write happen without any signal, so the sandbox must notice the file
// reached the output limit by itself (OLE), not only from SIGXFSZ.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : "/box/big";
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    printf("OPEN-FAILED %s: %s\n", path, strerror(errno));
    return 1;
  }
  static char chunk[1 << 16];
  memset(chunk, 'y', sizeof chunk);
  long long total = 0;
  for (ssize_t n; total < (1LL << 30) && (n = write(fd, chunk, sizeof chunk)) > 0;) {
    total += n;
    if (n != (ssize_t)sizeof chunk) break;
  }
  printf("STOPPED after writing %lld bytes\n", total);
  return 0;
}
