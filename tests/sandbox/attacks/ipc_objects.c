// ipc_objects: tries to create the kernel objects that outlive a process (SysV shared
// memory, message queues, semaphores; POSIX message queues) and so could carry state
// from one run to the next. Prints BLOCKED or ESCAPED for each.
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

static void report(const char* what, int result) {
  if (result < 0) printf("BLOCKED %s: %s\n", what, strerror(errno));
  else printf("ESCAPED %s: created (%d)\n", what, result);
}

int main(void) {
  report("shmget", shmget(0x5b0c, 4096, IPC_CREAT | 0600));
  report("msgget", msgget(0x5b0c, IPC_CREAT | 0600));
  report("semget", semget(0x5b0c, 1, IPC_CREAT | 0600));
  report("mq_open", (int)mq_open("/slbx", O_CREAT | O_RDWR, 0600, NULL));
  return 0;
}
