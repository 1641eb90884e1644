// sleeper SECONDS [MARKER]: sleeps without using CPU. MARKER only labels the
// process so the test can find it in the host's /proc.
#include <stdlib.h>
#include <time.h>

int main(int argc, char** argv) {
  double s = argc > 1 ? atof(argv[1]) : 1000;
  struct timespec ts = {(time_t)s, (long)((s - (time_t)s) * 1e9)};
  while (nanosleep(&ts, &ts) != 0) {
  }
  return 0;
}
