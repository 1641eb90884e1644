// `shortlist-box check`: what this host supports and which protections are active.
//
// Contract: every line is the result of trying the mechanism (unshare each
// namespace in a throw-away child, load the seccomp filter, build a real box and
// run /bin/true in it), not of reading a configuration. The exit code is non-zero
// when a required protection is missing; the fallbacks (RLIMIT_AS for memory,
// RLIMIT_NPROC for processes) count as missing unless explicitly allowed.
#pragma once

#include <string>
#include <vector>

namespace box {

struct CheckItem {
  std::string name;
  bool ok = false;
  bool required = true;
  std::string detail;
};

std::vector<CheckItem> check_host(bool allow_fallbacks);

// Human table or one JSON object; returns the process exit code.
int print_check(const std::vector<CheckItem>& items, bool json);

}  // namespace box
