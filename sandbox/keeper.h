// The keeper: init (pid 1) of the box's pid namespace, and the only long-lived
// process inside the box.
//
// It builds the box once (network, hostname, filesystem view, cgroup, then the
// user-namespace drop), then serves runs: for each it forks the program
// (exec_program.h), enforces the CPU and wall limits to the millisecond, and when
// the program ends kills every other process in the namespace (daemons included),
// reaps them, measures, and empties /tmp and the program's files in /box.
// Being pid 1, it cannot be signalled from inside; it dies with the supervisor
// (PR_SET_PDEATHSIG), and the kernel then kills everything in the box.
#pragma once

#include <string>

#include "cgroup.h"
#include "mount_ns.h"
#include "report.h"
#include "request.h"
#include "rlimits.h"

namespace box {

struct KeeperConfig {
  int channel = -1;           // the keeper's end of the supervisor socketpair
  std::string netns_pin;
  FilesystemView view;
  Cgroup* cgroup = nullptr;   // nullptr when the host has no usable cgroup
  RlimitFallbacks fallbacks;
};

// Runs in the child made by clone(); never returns.
[[noreturn]] void keeper_main(const KeeperConfig& config);

// Setup handshake messages, keeper -> supervisor.
inline constexpr const char* kMsgMapIds = "map-ids";  // please write my uid/gid maps
inline constexpr const char* kMsgReady = "ready";
inline constexpr const char* kMsgIdsMapped = "ids-mapped";  // supervisor -> keeper
// Anything else the keeper sends during setup is an error text.

}  // namespace box
