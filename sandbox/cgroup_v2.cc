// cgroup v2: one unified hierarchy. Controllers can only be enabled for children of
// a cgroup that has no processes of its own, so the boxes live under a dedicated
// "<mount>/shortlist-box" with memory, pids and cpu enabled from the root down.
// Not exercised on this project's hybrid hosts (memory is on v1 there); `check`
// says which version a host uses.
#include <fcntl.h>

#include "cgroup.h"
#include "sys.h"

namespace box {
namespace {

class CgroupV2 : public Cgroup {
 public:
  const char* version() const override { return "v2"; }
  bool has_memory() const override { return mem_max_.valid(); }
  bool has_pids() const override { return pids_max_.valid(); }
  bool has_cpu() const override { return cpu_stat_.valid(); }

  std::string drain() override { return drain_procs({procs_file_}, pids_current_); }

  std::string join_self() override {
    if (!write_all(procs_.get(), "0", 1)) return errno_message("join cgroup");
    return "";
  }

  std::string set_limits(uint64_t memory, uint64_t tasks) override {
    std::string m = std::to_string(memory), t = std::to_string(tasks);
    if (has_memory() && pwrite(mem_max_.get(), m.data(), m.size(), 0) < 0) return errno_message("set memory.max");
    if (has_pids() && pwrite(pids_max_.get(), t.data(), t.size(), 0) < 0) return errno_message("set pids.max");
    return "";
  }

  // memory.peak is reset per open file by a write (Linux 6.12+); older kernels keep
  // the peak since creation, so the keeper also subtracts the run's starting usage.
  void reset_peak() override {
    if (mem_peak_.valid()) pwrite(mem_peak_.get(), "0", 1, 0);
  }
  uint64_t memory_usage() override { return mem_current_.valid() ? pread_u64(mem_current_.get()) : 0; }
  uint64_t memory_file_cache() override {
    return mem_stat_.valid() ? pread_keys_sum(mem_stat_.get(), {"active_file", "inactive_file"}) : 0;
  }
  uint64_t memory_peak() override { return mem_peak_.valid() ? pread_u64(mem_peak_.get()) : memory_usage(); }
  uint64_t oom_kills() override { return mem_events_.valid() ? pread_key(mem_events_.get(), "oom_kill") : 0; }
  uint64_t cpu_ns() override { return cpu_stat_.valid() ? pread_key(cpu_stat_.get(), "usage_usec") * 1000 : 0; }

  std::string procs_file_, pids_current_;
  Fd procs_, mem_max_, mem_current_, mem_peak_, mem_events_, mem_stat_, pids_max_, cpu_stat_;
};

std::string enable_controllers(const std::string& dir, const CgroupLayout& layout) {
  std::string wanted;
  for (const char* c : {"memory", "pids", "cpu"})
    if (layout.v2_has(c)) wanted += std::string(wanted.empty() ? "+" : " +") + c;
  if (!write_file(dir + "/cgroup.subtree_control", wanted))
    return errno_message("enable '" + wanted + "' in " + dir + "/cgroup.subtree_control");
  return "";
}

}  // namespace

std::unique_ptr<Cgroup> open_cgroup_v2(const CgroupLayout& layout, const std::string& name,
                                       std::string* error) {
  std::string base = layout.v2_mount + "/shortlist-box", dir = base + "/" + name;
  if ((*error = make_dirs(base)) != "") return nullptr;
  if ((*error = enable_controllers(layout.v2_mount, layout)) != "") return nullptr;
  if ((*error = enable_controllers(base, layout)) != "") return nullptr;
  if ((*error = make_dirs(dir)) != "") return nullptr;
  auto cg = std::make_unique<CgroupV2>();
  auto open = [&](const char* file, int flags) { return Fd(::open((dir + "/" + file).c_str(), flags | O_CLOEXEC)); };
  cg->procs_file_ = dir + "/cgroup.procs";
  if (layout.v2_has("pids")) cg->pids_current_ = dir + "/pids.current";
  cg->procs_ = open("cgroup.procs", O_WRONLY);
  cg->mem_max_ = open("memory.max", O_RDWR);
  cg->mem_current_ = open("memory.current", O_RDONLY);
  cg->mem_peak_ = open("memory.peak", O_RDWR);
  cg->mem_events_ = open("memory.events", O_RDONLY);
  cg->mem_stat_ = open("memory.stat", O_RDONLY);
  cg->pids_max_ = open("pids.max", O_RDWR);
  cg->cpu_stat_ = open("cpu.stat", O_RDONLY);
  if (!cg->procs_.valid()) {
    *error = errno_message("open " + dir + "/cgroup.procs");
    return nullptr;
  }
  // No swap for the box, and an OOM kills the whole box rather than one process
  // (the keeper is protected by oom_score_adj -1000).
  write_file(dir + "/memory.swap.max", "0");
  write_file(dir + "/memory.oom.group", "1");
  return cg;
}

}  // namespace box
