// The last steps before the program runs, in the child the keeper forked for it.
//
// Recipe, in this order (each step needs the privileges the previous ones keep):
// session of its own, OOM score back to normal, stdin/stdout/stderr, rlimits, cwd,
// drop to the box uid/gid with no groups (which clears every capability),
// no_new_privs, close every other descriptor, seccomp filter, execve.
// On failure the step and errno go to `error_fd` and the child exits 127.
#pragma once

#include <string>
#include <vector>

#include "run_limits.h"
#include "rlimits.h"

namespace box {

struct ProgramSpec {
  Limits limits;
  std::vector<std::string> argv;
  std::vector<std::string> env;  // complete environment, NAME=VALUE
  std::string cwd;
};

[[noreturn]] void exec_program(const ProgramSpec& spec, const int stdio[3], int error_fd,
                               RlimitFallbacks fallbacks);

// The environment every program starts from; request entries override by name.
std::vector<std::string> program_environment(const std::vector<std::string>& extra);

}  // namespace box
