// Prints who it runs as and where: "UID <r> EUID <e> GID <g> EGID <e> HOST <name>",
// then whether setuid(0) worked. Also used as the setuid-root target.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  char host[256] = "?";
  gethostname(host, sizeof host);
  printf("UID %d EUID %d GID %d EGID %d HOST %s\n", getuid(), geteuid(), getgid(), getegid(), host);
  if (setuid(0) == 0)
    printf("ESCAPED setuid(0) worked\n");
  else
    printf("BLOCKED setuid(0): %s\n", strerror(errno));
  return 0;
}
