// Per-process resource limits of the program (set in the child just before exec).
//
// They back up the cgroup, which limits the box as a whole: RLIMIT_CPU is a
// backstop one second past the CPU limit (the keeper enforces it to the ms),
// RLIMIT_FSIZE is the output limit (a file that reaches it is OLE, see report.h),
// the stack is as large as the memory limit (deep recursion is common in accepted
// solutions), no core dumps. When the host has no memory or pids controller, the
// old per-process limits stand in: RLIMIT_AS and RLIMIT_NPROC (`check` says so).
#pragma once

#include <string>

#include "run_limits.h"

namespace box {

struct RlimitFallbacks {
  bool address_space = false;  // no memory cgroup
  bool process_count = false;  // no pids cgroup
};

// Returns nullptr, or "setrlimit NAME" with errno set. Allocates nothing (it runs in
// a child that shares the keeper's memory).
const char* apply_rlimits(const Limits& limits, RlimitFallbacks fallbacks);

}  // namespace box
