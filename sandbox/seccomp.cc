#include "seccomp.h"

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace box {
namespace {

const sock_filter kFilter[] = {
#include "seccomp_filter.inc"
};

}  // namespace

int load_seccomp_filter() {
  sock_fprog prog{static_cast<unsigned short>(sizeof kFilter / sizeof kFilter[0]),
                  const_cast<sock_filter*>(kFilter)};
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) return errno;
  return 0;
}

unsigned seccomp_filter_length() { return sizeof kFilter / sizeof kFilter[0]; }

}  // namespace box
