// exit_with N|abort: exits with status N, or dies of SIGABRT.
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc > 1 && !strcmp(argv[1], "abort")) abort();
  return argc > 1 ? atoi(argv[1]) : 0;
}
