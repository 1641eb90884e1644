// Reserves 64 GiB without commit charge, then touches it page by page: only a
// limit on resident memory (not address space) stops this.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
  const size_t size = (size_t)64 << 30;
  char* p =
      mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    printf("MMAP-FAILED %s\n", strerror(errno));
    return 1;
  }
  // Touching stops at 2 GiB (a safety net for the host), more than any box allows.
  for (size_t i = 0; i < ((size_t)2 << 30); i += 4096) ((volatile char*)p)[i] = 1;
  printf("ESCAPED touched 2 GiB\n");
  return 0;
}
