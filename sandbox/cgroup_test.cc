// The cgroup back-ends against fake hierarchies of plain files: every file is
// named, written and parsed as the kernel does. (This project's hosts have no
// usable cgroup v2 memory controller, so this is where the v2 code runs in tests.)
#include "cgroup.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "temp_tree.h"

namespace fs = std::filesystem;
using namespace box;

namespace {

struct FakeTree : TempTree {
  FakeTree() : TempTree("cgroup") {}
  void file(const fs::path& p, const std::string& text = "") {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  std::string read(const fs::path& p) const {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

}  // namespace

TEST_CASE("cgroup v2: controllers enabled down the tree, limits written, figures parsed") {
  FakeTree t;
  CgroupLayout layout;
  layout.v2_mount = t.root.string();
  layout.v2_controllers = "cpuset cpu io memory pids\n";
  fs::path box = t.root / "shortlist-box", slot = box / "slot-3";
  t.file(t.root / "cgroup.subtree_control");
  t.file(box / "cgroup.subtree_control");
  for (const char* f : {"cgroup.procs", "memory.max", "memory.peak", "pids.max", "memory.swap.max", "memory.oom.group"})
    t.file(slot / f);
  t.file(slot / "memory.current", "1234\n");
  t.file(slot / "memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 2\noom_group_kill 0\n");
  t.file(slot / "memory.stat", "anon 100\nfile 900\nactive_anon 100\ninactive_anon 0\nactive_file 300\ninactive_file 200\n");
  t.file(slot / "cpu.stat", "usage_usec 5000\nuser_usec 3000\nsystem_usec 2000\n");

  std::string error;
  std::unique_ptr<Cgroup> cg = open_box_cgroup(layout, "slot-3", &error);
  REQUIRE_MESSAGE(cg, error);
  CHECK(std::string(cg->version()) == "v2");
  CHECK(cg->has_memory());
  CHECK(cg->has_pids());
  CHECK(cg->has_cpu());
  CHECK(t.read(t.root / "cgroup.subtree_control") == "+memory +pids +cpu");
  CHECK(t.read(box / "cgroup.subtree_control") == "+memory +pids +cpu");
  CHECK(t.read(slot / "memory.swap.max") == "0");
  CHECK(t.read(slot / "memory.oom.group") == "1");
  CHECK(cg->set_limits(1000, 7) == "");
  CHECK(t.read(slot / "memory.max") == "1000");
  CHECK(t.read(slot / "pids.max") == "7");
  CHECK(cg->memory_usage() == 1234);
  CHECK(cg->oom_kills() == 2);  // not oom_group_kill, not oom
  CHECK(cg->cpu_ns() == 5000000);
  CHECK(cg->memory_file_cache() == 500);
  CHECK(cg->join_self() == "");
  CHECK(t.read(slot / "cgroup.procs") == "0");
}

TEST_CASE("cgroup v1: one hierarchy per controller, under this process's own cgroup") {
  FakeTree t;
  CgroupLayout layout;
  for (const char* c : {"memory", "pids", "cpuacct"}) {
    layout.v1_mounts[c] = (t.root / c).string();
    layout.v1_own[c] = "/job/42";
  }
  fs::path mem = t.root / "memory/job/42/shortlist-box/slot-0", pids = t.root / "pids/job/42/shortlist-box/slot-0",
           cpu = t.root / "cpuacct/job/42/shortlist-box/slot-0";
  for (const char* f : {"cgroup.procs", "memory.limit_in_bytes", "memory.max_usage_in_bytes"}) t.file(mem / f);
  t.file(mem / "memory.usage_in_bytes", "2048\n");
  t.file(mem / "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 5\n");
  t.file(mem / "memory.stat", "cache 10\nrss 20\ntotal_cache 999\ntotal_active_file 64\ntotal_inactive_file 36\n");
  for (const char* f : {"cgroup.procs", "pids.max"}) t.file(pids / f);
  t.file(cpu / "cgroup.procs");
  t.file(cpu / "cpuacct.usage", "777000\n");

  std::string error;
  std::unique_ptr<Cgroup> cg = open_box_cgroup(layout, "slot-0", &error);
  REQUIRE_MESSAGE(cg, error);
  CHECK(std::string(cg->version()) == "v1");
  CHECK(cg->has_memory());
  CHECK(cg->has_pids());
  CHECK(cg->has_cpu());
  CHECK(cg->set_limits(4096, 9) == "");
  CHECK(t.read(mem / "memory.limit_in_bytes") == "4096");
  CHECK(t.read(pids / "pids.max") == "9");
  CHECK(cg->memory_usage() == 2048);
  CHECK(cg->oom_kills() == 5);
  CHECK(cg->memory_file_cache() == 100);
  CHECK(cg->cpu_ns() == 777000);
  CHECK(cg->join_self() == "");
  CHECK(t.read(mem / "cgroup.procs") == "0");
  CHECK(t.read(cpu / "cgroup.procs") == "0");
}

TEST_CASE("cgroup v2 is chosen only when its memory controller is there") {
  FakeTree t;
  CgroupLayout hybrid;  // v2 mounted but empty, v1 has memory: v1 wins
  hybrid.v2_mount = (t.root / "unified").string();
  hybrid.v2_controllers = "hugetlb\n";
  hybrid.v1_mounts["memory"] = (t.root / "memory").string();
  fs::path mem = t.root / "memory/shortlist-box/slot-1";
  for (const char* f : {"cgroup.procs", "memory.limit_in_bytes", "memory.oom_control"}) t.file(mem / f);
  std::string error;
  std::unique_ptr<Cgroup> cg = open_box_cgroup(hybrid, "slot-1", &error);
  REQUIRE_MESSAGE(cg, error);
  CHECK(std::string(cg->version()) == "v1");
  CHECK(!cg->has_pids());  // not mounted here: the RLIMIT_NPROC fallback applies

  CgroupLayout nothing;
  CHECK(!open_box_cgroup(nothing, "slot-1", &error));
  CHECK(error.find("no usable cgroup") != std::string::npos);
}
