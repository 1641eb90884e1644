// Lists descriptors beyond 0-2 that the program started with:
// "ESCAPED fd <n> -> <target>" for each (a host file or sandbox internals
// handed into the box), or "CLEAN".
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
  DIR* d = opendir("/proc/self/fd");
  if (!d) {
    printf("BLOCKED opendir /proc/self/fd\n");
    return 1;
  }
  int found = 0;
  for (struct dirent* e; (e = readdir(d));) {
    int fd = atoi(e->d_name);
    if (e->d_name[0] == '.' || fd <= 2 || fd == dirfd(d)) continue;
    char link[300], target[4096] = "?";
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n >= 0) target[n] = 0;
    printf("ESCAPED fd %d -> %s\n", fd, target);
    ++found;
  }
  closedir(d);
  if (!found) printf("CLEAN\n");
  return 0;
}
