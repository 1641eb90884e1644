// Allocates and touches 16 MiB blocks until something gives. A working memory
// limit kills it (MLE); if malloc fails first it says so, which is a finding.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const size_t block = 16u << 20;
  // Stops at 2 GiB (a safety net for the host), which no box limit allows.
  for (size_t total = 0; total < ((size_t)2 << 30); total += block) {
    volatile char* p = malloc(block);
    if (!p) {
      printf("MALLOC-FAILED after %zu MiB\n", total >> 20);
      return 0;
    }
    for (size_t i = 0; i < block; i += 4096) p[i] = 1;  // make it resident
  }
  printf("ESCAPED 2 GiB resident\n");
  return 0;
}
