// Unbounded recursion with 4 KiB frames: the stack grows until the stack
// rlimit (SIGSEGV) or the memory limit (MLE) stops it, whichever comes first.
#include <stdio.h>

#pragma GCC diagnostic ignored "-Winfinite-recursion"  // the point of the program

static int dive(int depth) {
  volatile char frame[4096];
  frame[0] = (char)depth;
  frame[sizeof frame - 1] = (char)depth;
  return dive(depth + 1) + frame[0];  // work after the call: no tail call
}

int main(void) {
  printf("%d\n", dive(0));
  return 0;
}
