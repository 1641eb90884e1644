// Lists every process it can see in /proc: "SELF <pid>", "PIDNS <its pid
// namespace>", then "PROC <pid> <comm>" per entry. Inside a pid namespace that is
// only the box.
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  printf("SELF %d\n", getpid());
  char ns[128] = "?";
  ssize_t n = readlink("/proc/self/ns/pid", ns, sizeof ns - 1);
  if (n > 0) ns[n] = 0;
  printf("PIDNS %s\n", ns);
  DIR* d = opendir("/proc");
  if (!d) {
    printf("BLOCKED opendir /proc\n");
    return 0;
  }
  for (struct dirent* e; (e = readdir(d));) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    char path[300], comm[64] = "?";
    snprintf(path, sizeof path, "/proc/%s/comm", e->d_name);
    FILE* f = fopen(path, "r");
    if (f) {
      if (fgets(comm, sizeof comm, f)) comm[strcspn(comm, "\n")] = 0;
      fclose(f);
    }
    printf("PROC %s %s\n", e->d_name, comm);
  }
  closedir(d);
  return 0;
}
