// The last steps before the program runs, in the child the keeper starts for it.
//
// Recipe, in this order (each step needs the privileges the previous ones keep):
// session of its own, OOM score back to normal, stdin/stdout/stderr, rlimits, cwd,
// drop to the box uid/gid with no groups (which clears every capability),
// no_new_privs, close every other descriptor, execve. The seccomp filter is already
// in force: the keeper installed it on itself, and children inherit it, which saves
// the kernel's per-load filter compilation on every run.
//
// The child shares the keeper's memory until execve (clone CLONE_VM|CLONE_VFORK, as
// posix_spawn does): no page tables to copy, none to tear down at exec. So nothing
// here allocates; everything is prepared by the keeper beforehand, and a failure is
// written into `error` (read by the keeper once the child is gone).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "rlimits.h"
#include "run_limits.h"

namespace box {

class PreparedProgram {
 public:
  PreparedProgram(const Limits& limits, const std::vector<std::string>& argv, const std::vector<std::string>& env,
                  const std::string& cwd, const int stdio[3], RlimitFallbacks fallbacks);

  // Starts the program; returns its pid, or -1 with error() set.
  pid_t start();
  // Why the program could not be started ("" if it was).
  const char* error() const { return error_; }

 private:
  static int child_main(void* self);
  [[noreturn]] void fail(const char* step, int err);

  Limits limits_;
  RlimitFallbacks fallbacks_;
  std::vector<std::string> argv_, env_, candidates_;
  std::vector<char*> argv_ptrs_, env_ptrs_;
  std::string cwd_;
  int stdio_[3];
  char error_[200] = {};
};

// The environment every program starts from; request entries override by name.
std::vector<std::string> program_environment(const std::vector<std::string>& extra);

}  // namespace box
