// Creates threads until pthread_create fails. Threads count against the box's
// process limit, so this must stop well before the host's limits.
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void* idle(void* arg) {
  (void)arg;
  for (;;) pause();
  return NULL;
}

int main(void) {
  struct rlimit cap = {512, 512};  // host safety net; the test still fails past 16
  setrlimit(RLIMIT_NPROC, &cap);
  for (int n = 0;; ++n) {
    pthread_t t;
    int err = pthread_create(&t, NULL, idle, NULL);
    if (err) {
      printf("BLOCKED pthread_create: %s after %d threads\n", strerror(err), n);
      return 0;
    }
  }
}
