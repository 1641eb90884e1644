// daemon MARKER: double-forks a grandchild that detaches (setsid) and lives
// on after the main process exits; the main process waits until it is up.
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int ready[2];
  if (pipe(ready) != 0) return 1;
  pid_t child = fork();
  if (child == 0) {
    setsid();
    if (fork() == 0) {
      close(ready[0]);
      write(ready[1], "up", 2);
      close(ready[1]);
      for (;;) pause();
    }
    _exit(0);
  }
  close(ready[1]);
  char buf[2];
  waitpid(child, NULL, 0);
  if (read(ready[0], buf, 2) != 2) return 1;
  printf("DAEMONIZED\n");
  return 0;
}
