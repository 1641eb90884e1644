// await_file PATH [MARKER]: idles until PATH exists (the test creates it in a
// host folder bound into the box), then exits 0; exits 3 after 30 s.
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  struct timespec tick = {0, 10 * 1000 * 1000};
  for (int i = 0; i < 3000; ++i) {
    if (access(argv[1], F_OK) == 0) return 0;
    nanosleep(&tick, NULL);
  }
  return 3;
}
