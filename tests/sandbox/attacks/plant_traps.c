// plant_traps BAIT_DIR [locked]: leaves in the current directory (/box) things
// that hurt whoever copies or wipes it on the host without care: links to a
// host folder the test owns (absolute to the folder and to a file in it, and
// relative climbing to it), a FIFO (blocks a naive reader), optionally a
// directory with no permissions, and one ordinary file ("real") that should
// come back normally. Links only ever aim at BAIT_DIR: a careless wipe that
// follows them then deletes the bait, never anything of the host's own.
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void say(const char* what, int ok) { printf("%s %s\n", ok ? "PLANTED" : "FAILED", what); }

int main(int argc, char** argv) {
  if (argc < 2 || argv[1][0] != '/') return 2;
  char file[4096], climb[4096];
  snprintf(file, sizeof file, "%s/secret", argv[1]);
  // Enough ".." to reach / from any depth, then down to the bait.
  snprintf(climb, sizeof climb, "../../../../../../../../../../..%s", argv[1]);
  say("file-link", symlink(file, "file-link") == 0);
  say("dir-link", symlink(argv[1], "dir-link") == 0);
  say("climb-link", symlink(climb, "climb-link") == 0);
  say("fifo", mkfifo("fifo", 0644) == 0);
  FILE* f;
  if (argc > 2 && !strcmp(argv[2], "locked")) {
    f = mkdir("locked", 0755) == 0 ? fopen("locked/inner", "w") : NULL;
    if (f) fclose(f);
    say("locked", f && chmod("locked", 0) == 0);
  }
  f = fopen("real", "w");
  if (f) {
    fputs("real output\n", f);
    fclose(f);
  }
  say("real", f != NULL);
  return 0;
}
