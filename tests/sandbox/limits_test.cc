// Resource attacks: each must end in the status the contract names, with the
// limit actually holding (not merely reported).
#include <doctest/doctest.h>

#include <algorithm>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

namespace {

constexpr long long MiB = 1 << 20;

// The box's own init may sit in its pid namespace outside the pids cgroup,
// so one process more than the limit can be visible; never more.
constexpr int kBoxInit = 1;

}  // namespace

TEST_CASE("fork bomb (C) is held by the process limit and dies with the run") {
  std::string marker = host::unique_marker("forkbomb");
  auto r = box::Run{}.opt("--processes", "16").exec({box::attack("fork_bomb"), marker});
  table::row("fork bomb (C)", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "BLOCKED fork"));
  long long children = text::number_after(r.out, "after ");
  long long visible = text::number_after(r.out, "visible processes=");
  CHECK(children >= 1);
  CHECK(children < 16);
  CHECK(visible >= 2);
  CHECK(visible <= 16 + kBoxInit);
  long long elapsed_us = text::number_after(r.out, "elapsed_us=");
  CHECK(elapsed_us > 0);
  CHECK(r.report.wall_s * 1e6 >= elapsed_us);
  CHECK(host::kill_marked(marker) == 0);
}

// The killed bomb of one run must not eat the process limit of the next one
// (back to back they usually share a slot, so its process cgroup).
TEST_CASE("a run right after a fork bomb gets its whole process limit") {
  std::string m1 = host::unique_marker("bomb1"), m2 = host::unique_marker("bomb2");
  auto first = box::Run{}.opt("--processes", "16").exec({box::attack("fork_bomb"), m1});
  auto second = box::Run{}.opt("--processes", "16").exec({box::attack("fork_bomb"), m2});
  table::row("fork bomb right after a fork bomb", "OK+BLOCKED", second);
  INFO("first: " << first.describe());
  INFO("second: " << second.describe());
  REQUIRE(first.report.valid());
  REQUIRE(second.report.valid());
  CHECK(first.report.status == "OK");
  CHECK(second.report.status == "OK");
  CHECK(text::number_after(second.out, "visible processes=") >= 15);
  host::kill_marked(m1);
  host::kill_marked(m2);
}

TEST_CASE("fork bomb (Python) is held by the process limit") {
  std::string marker = host::unique_marker("pyforkbomb");
  auto r =
      box::Run{}.opt("--processes", "16").exec({box::kPython, box::py_attack("fork_bomb"), marker});
  table::row("fork bomb (Python)", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "BLOCKED fork"));
  long long children = text::number_after(r.out, "after ");
  CHECK(children >= 1);
  CHECK(children < 16);
  CHECK(host::kill_marked(marker) == 0);
}

TEST_CASE("thread bomb is held by the process limit (threads count)") {
  auto r = box::Run{}.opt("--processes", "16").exec({box::attack("thread_bomb")});
  table::row("thread bomb", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "BLOCKED pthread_create"));
  long long threads = text::number_after(r.out, "after ");
  CHECK(threads >= 1);
  CHECK(threads < 16);  // the main thread is one of the 16
}

TEST_CASE("heap bomb ends in MLE with the peak near the limit") {
  auto r = box::Run{}.opt("--memory", "64m").exec({box::attack("heap_bomb")});
  table::row("heap bomb (malloc+touch)", "MLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "MLE");
  CHECK_FALSE(text::has(r.out, "MALLOC-FAILED"));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
  CHECK(r.report.memory_bytes >= 48 * MiB);
  CHECK(r.report.memory_bytes <= 64 * MiB + 8 * MiB);
}

TEST_CASE("memory bomb (Python) ends in MLE, not MemoryError") {
  auto r = box::Run{}.opt("--memory", "64m").exec({box::kPython, box::py_attack("memory_bomb")});
  table::row("memory bomb (Python)", "MLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "MLE");
  CHECK_FALSE(text::has(r.out, "MEMORYERROR"));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("mmap bomb (64 GiB NORESERVE, touched) ends in MLE") {
  auto r = box::Run{}.opt("--memory", "64m").exec({box::attack("mmap_bomb")});
  table::row("mmap bomb (NORESERVE+touch)", "MLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "MLE");
  CHECK_FALSE(text::has(r.out, "MMAP-FAILED"));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("stack overflow with the default stack (= memory) ends in MLE") {
  auto r = box::Run{}.opt("--memory", "64m").exec({box::attack("stack_overflow")});
  table::row("stack overflow (stack=memory)", "MLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "MLE");
}

TEST_CASE("stack overflow under a smaller --stack is a SIGSEGV (RE)") {
  auto r =
      box::Run{}.opt("--memory", "256m").opt("--stack", "8m").exec({box::attack("stack_overflow")});
  table::row("stack overflow (--stack 8m)", "RE sig 11", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "RE");
  CHECK(r.report.signal == 11);
  CHECK_FALSE(r.report.exit_code.has_value());
  CHECK(r.report.memory_bytes < 64 * MiB);
}

TEST_CASE("CPU spin ends in TLE (cpu) at about the limit") {
  auto r = box::Run{}.opt("--cpu", "1").exec({box::attack("cpu_spin")});
  table::row("cpu spin", "TLE(cpu)", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "TLE");
  CHECK(r.report.limit == "cpu");
  CHECK(r.report.cpu_s >= 0.9);
  CHECK(r.report.cpu_s <= 2.0);
}

TEST_CASE("CPU burnt by children while the parent waits counts (TLE cpu, not wall)") {
  auto r =
      box::Run{}.opt("--cpu", "1").opt("--wall", "20").exec({box::attack("cpu_spin"), "-1", "2"});
  table::row("cpu spin in 2 children", "TLE(cpu)", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "TLE");
  CHECK(r.report.limit == "cpu");
  CHECK(r.report.cpu_s >= 0.9);
  CHECK(r.report.wall_s < 10);
}

TEST_CASE("sleeping ends in TLE (wall) with next to no CPU") {
  auto r = box::Run{}.opt("--wall", "1").exec({box::attack("sleeper"), "100"});
  table::row("sleep", "TLE(wall)", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "TLE");
  CHECK(r.report.limit == "wall");
  CHECK(r.report.cpu_s < 0.1);
  CHECK(r.report.wall_s >= 0.95);
  CHECK(r.report.wall_s <= 3.0);
}

TEST_CASE("stdout flood ends in OLE and at most --output is echoed") {
  host::TempDir tmp;
  auto r = box::Run{}
               .opt("--output", "1m")
               .report_to(tmp / "report.json")
               .exec({box::attack("flood"), "1"});
  table::row("stdout flood", "OLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OLE");
  CHECK(r.out.size() <= static_cast<size_t>(MiB));
  CHECK_FALSE(text::has(r.err, "ESCAPED"));
}

TEST_CASE("stderr flood ends in OLE and at most --output is echoed") {
  host::TempDir tmp;
  auto r = box::Run{}
               .opt("--output", "1m")
               .report_to(tmp / "report.json")
               .exec({box::attack("flood"), "2"});
  table::row("stderr flood", "OLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OLE");
  // Count only the flood's bytes ('x' lines of 4096): the sandbox may add words of its own.
  size_t flood_bytes = std::count(r.err.begin(), r.err.end(), 'x');
  flood_bytes += flood_bytes / 4095;  // the newline ending each full line
  CHECK(flood_bytes <= static_cast<size_t>(MiB));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("one big file in /box ends in OLE") {
  auto r = box::Run{}.opt("--output", "1m").exec({box::attack("big_file"), "/box/big"});
  table::row("big file in /box", "OLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OLE");
  CHECK_FALSE(text::has(r.out, "OPEN-FAILED"));
  // Killed by SIGXFSZ it says nothing (-1); stopped by a short write, it says how much.
  CHECK(text::number_after(r.out, "writing ") <= MiB);
}

TEST_CASE("filling /tmp with 1 MiB files ends in OLE within --fs-size") {
  auto r = box::Run{}.opt("--fs-size", "8m").exec({box::attack("fill_dir"), "/tmp"});
  table::row("fill /tmp (1 MiB files)", "OLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OLE");
  long long files = text::number_after(r.out, "after ");
  CHECK(files <= 8);
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("filling /box with 1 MiB files ends in OLE within --fs-size") {
  auto r = box::Run{}.opt("--fs-size", "8m").exec({box::attack("fill_dir"), "/box"});
  table::row("fill /box (1 MiB files)", "OLE", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OLE");
  CHECK(text::number_after(r.out, "after ") <= 8);
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("open-files limit holds") {
  auto r = box::Run{}.opt("--open-files", "16").exec({box::attack("open_files")});
  table::row("open files (--open-files 16)", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "BLOCKED open"));
  long long highest = text::number_after(r.out, "highest fd ");
  CHECK(highest >= 3);
  CHECK(highest <= 15);
}
