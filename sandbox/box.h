// A box as the supervisor (host side, real root) holds it: the recipe that
// composes slot, cgroup, namespaces and keeper, and the per-run exchange.
//
// Contract: Box::start() builds the container once; Box::run() may then be called
// any number of times, one run at a time, and always returns a report (IE when the
// box itself failed, after which the box refuses further runs). Destroying the Box
// kills the keeper, which takes every process of the box with it.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "cgroup.h"
#include "report.h"
#include "request.h"
#include "slot.h"

namespace box {

// Descriptors a caller may pass instead of the request's paths (-1 = use the path).
struct RunFiles {
  int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1;
};

class Box {
 public:
  static std::string start(const BoxSpec& spec, std::unique_ptr<Box>* out);
  ~Box();

  // `cancel_fd` (optional, e.g. the caller's answer pipe): if it reports an error or
  // hang-up while the program runs, the box is killed at once and run() returns IE.
  Report run(const RunRequest& request, const RunFiles& files = {}, int cancel_fd = -1);
  // The last run ended because cancel_fd reported its caller gone.
  bool cancelled() const { return cancelled_; }

  int slot() const { return slot_.index; }
  bool broken() const { return broken_; }
  const std::string& workdir_host() const { return slot_.workdir; }
  uid_t box_host_uid() const;
  // What is enforced how: by the cgroup, or by an rlimit fallback.
  struct Protections {
    std::string cgroup;  // "cgroup v1", "cgroup v2", or "" (none usable)
    bool memory = false, processes = false, cpu = false;  // by the cgroup
    std::string cgroup_problem;
    // "memory: cgroup v1; processes: cgroup v1; cpu: cgroup v1 (whole tree)"
    std::string text() const;
  };
  Protections protections() const;

 private:
  Box() = default;
  void kill_keeper();

  Slot slot_;
  std::unique_ptr<Cgroup> cgroup_;
  std::string cgroup_error_;
  pid_t keeper_ = -1;
  Fd channel_;
  bool broken_ = false;
  bool cancelled_ = false;
};

}  // namespace box
