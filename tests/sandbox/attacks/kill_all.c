// kill(-1, SIGKILL): signals every process the caller may signal. It must
// reach nothing outside the box, and the caller itself survives it.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  // Interlock: only inside a fresh pid namespace and without root. Should the
  // box be broken, this fails the test instead of killing the host's processes.
  if (getpid() >= 1000 || getuid() == 0 || geteuid() == 0) {
    printf("UNSAFE pid %d uid %d: not a box, kill(-1) not attempted\n", getpid(), getuid());
    return 1;
  }
  int r = kill(-1, SIGKILL);
  printf("SURVIVED kill(-1, SIGKILL) = %d (%s)\n", r, r ? strerror(errno) : "no error");
  return 0;
}
