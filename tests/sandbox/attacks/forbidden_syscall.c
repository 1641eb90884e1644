// forbidden_syscall NAME: makes one syscall the box's seccomp policy must kill
// (status SV). If the call returns at all, it prints "ESCAPED <name> ..." when
// it succeeded or "ERRNO <name> <error>" when it was merely refused.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

static long clone_with(unsigned long flags) {
  long r = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
  if (r == 0) _exit(0);
  return r;
}

static long clone3_with(unsigned long flags) {
  struct clone_args args = {.flags = flags, .exit_signal = SIGCHLD};
  long r = syscall(SYS_clone3, &args, sizeof args);
  if (r == 0) _exit(0);
  return r;
}

static long int80_getpid(void) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");  // i386 getpid
  return r;
}

static long call(const char* name) {
  uint64_t uring_params[15] = {0};  // struct io_uring_params is 120 bytes
  if (!strcmp(name, "ptrace")) return ptrace(PTRACE_TRACEME, 0, 0, 0);
  if (!strcmp(name, "mount")) return mount("none", "/tmp", "tmpfs", 0, NULL);
  if (!strcmp(name, "umount")) return umount2("/tmp", MNT_DETACH);
  if (!strcmp(name, "unshare")) return unshare(CLONE_NEWUSER);
  if (!strcmp(name, "setns")) return setns(open("/proc/self/ns/uts", O_RDONLY), 0);
  if (!strcmp(name, "clone_newuser")) return clone_with(CLONE_NEWUSER);
  if (!strcmp(name, "clone_newns")) return clone_with(CLONE_NEWNS);
  if (!strcmp(name, "clone3_newuser")) return clone3_with(CLONE_NEWUSER);
  if (!strcmp(name, "kexec_load")) return syscall(SYS_kexec_load, 0, 0, 0, 0);
  if (!strcmp(name, "bpf")) return syscall(SYS_bpf, 0, NULL, 0);
  if (!strcmp(name, "perf_event_open")) return syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);
  if (!strcmp(name, "keyctl")) return syscall(SYS_keyctl, 0 /* GET_KEYRING_ID */, -3, 0);
  if (!strcmp(name, "add_key")) return syscall(SYS_add_key, "user", "k", "v", 1, -2);
  if (!strcmp(name, "io_uring_setup")) return syscall(SYS_io_uring_setup, 1, uring_params);
  if (!strcmp(name, "personality")) return personality(PER_LINUX | ADDR_NO_RANDOMIZE);
  if (!strcmp(name, "x32_getpid")) return syscall(0x40000000 | SYS_getpid);
  if (!strcmp(name, "int80_getpid")) return int80_getpid();
  printf("UNKNOWN %s\n", name);
  _exit(2);
}

int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "";
  printf("CALLING %s\n", name);
  fflush(stdout);
  errno = 0;
  long r = call(name);
  if (r < 0 && errno)
    printf("ERRNO %s %s\n", name, strerror(errno));
  else
    printf("ESCAPED %s returned %ld\n", name, r);
  return 0;
}
