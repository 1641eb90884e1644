// Classic fork bomb: every process forks until the kernel refuses. The box must
// refuse (pids limit) instead of the host drowning; the main process then
// reports how far it got, how many processes it can see and how long it took
// (the report's wall time can be no shorter).
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static int count_visible_processes(void) {
  DIR* d = opendir("/proc");
  if (!d) return -1;
  int n = 0;
  for (struct dirent* e; (e = readdir(d));)
    if (e->d_name[0] >= '1' && e->d_name[0] <= '9') ++n;
  closedir(d);
  return n;
}

static void bomb(void) {
  for (;;)
    if (fork() < 0) pause();  // stay alive so the pids stay taken
}

static long long micros(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

int main(void) {
  // Safety net for the host should the box's process limit be broken: the
  // test then still fails (far more than 16 children), but the machine lives.
  struct rlimit cap = {512, 512};
  setrlimit(RLIMIT_NPROC, &cap);
  long long start = micros();
  int children = 0;
  for (;;) {
    pid_t p = fork();
    if (p == 0) bomb();
    if (p < 0) {
      int err = errno;
      int visible = count_visible_processes();
      printf("BLOCKED fork: %s after %d own children; visible processes=%d; elapsed_us=%lld\n",
             strerror(err), children, visible, micros() - start);
      return 0;
    }
    ++children;
  }
}
