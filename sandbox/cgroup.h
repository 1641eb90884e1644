// The cgroup of one box: limits and measures memory, processes and CPU time of
// everything in the box, whichever cgroup version the host offers.
//
// Contract: open_box_cgroup() creates (or reuses) the box's cgroup and opens every
// file the keeper needs *before* the box drops privileges and hides the host's
// /sys; afterwards all access is through those descriptors. The keeper joins the
// cgroup once, so every process it forks starts inside (no per-run migration).
// A controller the host lacks is reported by the has_*() methods, never faked.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "cgroup_detect.h"

namespace box {

class Cgroup {
 public:
  virtual ~Cgroup() = default;
  virtual const char* version() const = 0;  // "v1" or "v2"
  virtual bool has_memory() const = 0;
  virtual bool has_pids() const = 0;
  virtual bool has_cpu() const = 0;

  // Kills whatever is still in the cgroup (a box whose keeper was killed releases its
  // slot before the kernel has finished killing the box's processes) and waits until
  // it is empty. "" or an error naming what would not die.
  virtual std::string drain() = 0;
  // Moves the calling process in ("0" into every cgroup.procs). "" or an error.
  virtual std::string join_self() = 0;
  // Sets the limits for the next run; memory is the total for the cgroup.
  virtual std::string set_limits(uint64_t memory_bytes, uint64_t max_tasks) = 0;
  // Marks the start of a run: the peak is reset to the current usage.
  virtual void reset_peak() = 0;
  virtual uint64_t memory_usage() = 0;
  // Page cache of files charged to the cgroup (earlier runs read them); the kernel
  // reclaims it before it kills for memory, so it must not count in a run's budget.
  virtual uint64_t memory_file_cache() = 0;
  virtual uint64_t memory_peak() = 0;
  virtual uint64_t oom_kills() = 0;   // since the cgroup was made
  virtual uint64_t cpu_ns() = 0;      // user + system of all members, since made
};

// Creates "<base>/shortlist-box/<name>" in the hierarchies `layout` offers: v2 when
// its memory controller is usable there, else v1 per controller. Returns nullptr
// with *error set when no memory or pids controller can be used at all.
std::unique_ptr<Cgroup> open_box_cgroup(const CgroupLayout& layout, const std::string& name,
                                        std::string* error);

// Implementations, one file each.
std::unique_ptr<Cgroup> open_cgroup_v1(const CgroupLayout& layout, const std::string& name,
                                       std::string* error);
std::unique_ptr<Cgroup> open_cgroup_v2(const CgroupLayout& layout, const std::string& name,
                                       std::string* error);

// Helpers shared by the implementations.
uint64_t pread_u64(int fd);                                  // first number in the file
uint64_t pread_key(int fd, const char* key);                 // "key N" line -> N
uint64_t pread_keys_sum(int fd, std::initializer_list<const char*> keys);  // one read, several keys
// Kills every pid listed in the `cgroup.procs` files until all are empty and the
// pids controller's count (`pids_current`, may be empty: zombies are counted there
// until reaped, but not listed) is 0. 2 s at most.
std::string drain_procs(const std::vector<std::string>& procs_files, const std::string& pids_current);

}  // namespace box
