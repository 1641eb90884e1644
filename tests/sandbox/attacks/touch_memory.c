// touch_memory MIB: makes MIB MiB resident, then exits 0.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
  size_t bytes = (size_t)(argc > 1 ? atoi(argv[1]) : 100) << 20;
  volatile char* p = malloc(bytes);
  if (!p) {
    printf("MALLOC-FAILED\n");
    return 1;
  }
  for (size_t i = 0; i < bytes; i += 4096) p[i] = 1;
  printf("TOUCHED %zu MiB\n", bytes >> 20);
  return 0;
}
