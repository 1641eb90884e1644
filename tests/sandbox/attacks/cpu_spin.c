// cpu_spin SECONDS [CHILDREN]: burns SECONDS of its own CPU time ("forever" if
// negative, which is 60 s so a broken limit cannot burn the host for good).
// With CHILDREN > 0 the children burn and the parent only waits, so a limit
// that watches just the main process never fires.
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void spin(double seconds) {
  if (seconds < 0) seconds = 60;
  while (cpu_seconds() < seconds) {
  }
}

int main(int argc, char** argv) {
  double seconds = argc > 1 ? atof(argv[1]) : -1;
  int children = argc > 2 ? atoi(argv[2]) : 0;
  if (children == 0) {
    spin(seconds);
    return 0;
  }
  for (int i = 0; i < children; ++i)
    if (fork() == 0) {
      spin(seconds);
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  return 0;
}
