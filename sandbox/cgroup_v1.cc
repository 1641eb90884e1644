// cgroup v1: one hierarchy per controller (memory, pids, cpuacct), each mounted on
// its own. The box's cgroup sits under this process's own cgroup in each, so that a
// limit set on the caller (e.g. a CI job) still covers the box.
#include <fcntl.h>

#include "cgroup.h"
#include "sys.h"

namespace box {
namespace {

class CgroupV1 : public Cgroup {
 public:
  const char* version() const override { return "v1"; }
  bool has_memory() const override { return mem_limit_.valid(); }
  bool has_pids() const override { return pids_max_.valid(); }
  bool has_cpu() const override { return cpu_usage_.valid(); }

  std::string drain() override { return drain_procs(procs_files_, pids_current_); }

  std::string join_self() override {
    for (Fd* procs : {&mem_procs_, &pids_procs_, &cpu_procs_})
      if (procs->valid() && !write_all(procs->get(), "0", 1)) return errno_message("join cgroup");
    return "";
  }

  std::string set_limits(uint64_t memory, uint64_t tasks) override {
    if (has_memory()) {
      std::string m = std::to_string(memory);
      // memsw (memory+swap) must never be below the memory limit: order the writes.
      bool raising = memory > pread_u64(mem_limit_.get());
      if (memsw_limit_.valid() && raising) pwrite(memsw_limit_.get(), m.data(), m.size(), 0);
      if (pwrite(mem_limit_.get(), m.data(), m.size(), 0) < 0) return errno_message("set memory.limit_in_bytes");
      if (memsw_limit_.valid() && !raising) pwrite(memsw_limit_.get(), m.data(), m.size(), 0);
    }
    if (has_pids()) {
      std::string t = std::to_string(tasks);
      if (pwrite(pids_max_.get(), t.data(), t.size(), 0) < 0) return errno_message("set pids.max");
    }
    return "";
  }

  void reset_peak() override {
    if (mem_peak_.valid()) pwrite(mem_peak_.get(), "0", 1, 0);
  }
  uint64_t memory_usage() override { return mem_usage_.valid() ? pread_u64(mem_usage_.get()) : 0; }
  uint64_t memory_file_cache() override {
    return mem_stat_.valid() ? pread_keys_sum(mem_stat_.get(), {"total_active_file", "total_inactive_file"}) : 0;
  }
  uint64_t memory_peak() override { return mem_peak_.valid() ? pread_u64(mem_peak_.get()) : 0; }
  uint64_t oom_kills() override { return mem_oom_.valid() ? pread_key(mem_oom_.get(), "oom_kill") : 0; }
  uint64_t cpu_ns() override { return cpu_usage_.valid() ? pread_u64(cpu_usage_.get()) : 0; }

  // Opens the box's directory of one controller; false if the host lacks it.
  bool open_dir(const CgroupLayout& layout, const char* controller, const std::string& name,
                std::string* dir, std::string* error) {
    auto mount = layout.v1_mounts.find(controller);
    if (mount == layout.v1_mounts.end()) return false;
    auto own = layout.v1_own.find(controller);
    std::string parent = mount->second + (own == layout.v1_own.end() || own->second == "/" ? "" : own->second);
    *dir = parent + "/shortlist-box/" + name;
    if (std::string e = make_dirs(*dir); !e.empty()) {
      *error = e;
      return false;
    }
    procs_files_.push_back(*dir + "/cgroup.procs");
    return true;
  }

  static Fd open_rw(const std::string& path) { return Fd(::open(path.c_str(), O_RDWR | O_CLOEXEC)); }
  static Fd open_w(const std::string& path) { return Fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC)); }
  static Fd open_r(const std::string& path) { return Fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)); }

  Fd mem_procs_, mem_limit_, memsw_limit_, mem_usage_, mem_peak_, mem_oom_, mem_stat_;
  Fd pids_procs_, pids_max_;
  Fd cpu_procs_, cpu_usage_;
  std::vector<std::string> procs_files_;
  std::string pids_current_;
};

}  // namespace

std::unique_ptr<Cgroup> open_cgroup_v1(const CgroupLayout& layout, const std::string& name,
                                       std::string* error) {
  auto cg = std::make_unique<CgroupV1>();
  std::string dir;
  if (cg->open_dir(layout, "memory", name, &dir, error)) {
    cg->mem_procs_ = CgroupV1::open_w(dir + "/cgroup.procs");
    cg->mem_limit_ = CgroupV1::open_rw(dir + "/memory.limit_in_bytes");
    cg->memsw_limit_ = CgroupV1::open_rw(dir + "/memory.memsw.limit_in_bytes");  // absent without swap accounting
    cg->mem_usage_ = CgroupV1::open_r(dir + "/memory.usage_in_bytes");
    cg->mem_peak_ = CgroupV1::open_rw(dir + "/memory.max_usage_in_bytes");
    cg->mem_oom_ = CgroupV1::open_r(dir + "/memory.oom_control");
    cg->mem_stat_ = CgroupV1::open_r(dir + "/memory.stat");
    if (!cg->mem_procs_.valid() || !cg->mem_limit_.valid() || !cg->mem_oom_.valid()) {
      *error = errno_message("open memory cgroup files in " + dir);
      return nullptr;
    }
  }
  if (cg->open_dir(layout, "pids", name, &dir, error)) {
    cg->pids_procs_ = CgroupV1::open_w(dir + "/cgroup.procs");
    cg->pids_max_ = CgroupV1::open_rw(dir + "/pids.max");
    cg->pids_current_ = dir + "/pids.current";
    if (!cg->pids_procs_.valid() || !cg->pids_max_.valid()) {
      *error = errno_message("open pids cgroup files in " + dir);
      return nullptr;
    }
  }
  if (cg->open_dir(layout, "cpuacct", name, &dir, error)) {
    cg->cpu_procs_ = CgroupV1::open_w(dir + "/cgroup.procs");
    cg->cpu_usage_ = CgroupV1::open_r(dir + "/cpuacct.usage");
  }
  if (!error->empty()) return nullptr;
  if (!cg->has_memory() && !cg->has_pids()) {
    *error = "no usable cgroup: neither a memory nor a pids controller is mounted";
    return nullptr;
  }
  return cg;
}

}  // namespace box
