// leftovers write|look: "write" leaves files in /box and /tmp; "look" reports
// any such file from an earlier run ("FOUND <path>") or "CLEAN".
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char* const dirs[] = {"/box", "/tmp"};

int main(int argc, char** argv) {
  int writing = argc > 1 && !strcmp(argv[1], "write");
  int found = 0;
  for (int i = 0; i < 2; ++i) {
    char path[300];
    if (writing) {
      snprintf(path, sizeof path, "%s/leftover", dirs[i]);
      int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      printf("%s %s\n", fd >= 0 ? "WROTE" : "WRITE-FAILED", path);
      if (fd >= 0) close(fd);
      continue;
    }
    DIR* d = opendir(dirs[i]);
    for (struct dirent* e; d && (e = readdir(d));)
      if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
        printf("FOUND %s/%s\n", dirs[i], e->d_name);
        ++found;
      }
    if (d) closedir(d);
  }
  if (!writing && !found) printf("CLEAN\n");
  return 0;
}
