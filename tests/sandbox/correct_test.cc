// Correct programs: statuses, exit codes, plumbing, measurements and the
// command line of shortlist-box itself.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

namespace {

constexpr long long MiB = 1 << 20;

std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

}  // namespace

TEST_CASE("exit 0 is OK, exit 3 is RE with exit_code 3") {
  auto ok = box::Run{}.exec({box::attack("exit_with"), "0"});
  auto re = box::Run{}.exec({box::attack("exit_with"), "3"});
  INFO("exit 0: " << ok.describe());
  INFO("exit 3: " << re.describe());
  REQUIRE(ok.report.valid());
  CHECK(ok.exit_code == 0);
  CHECK(ok.report.status == "OK");
  CHECK(ok.report.exit_code == 0);
  CHECK_FALSE(ok.report.signal.has_value());
  REQUIRE(re.report.valid());
  CHECK(re.exit_code == 0);  // the run was carried out
  CHECK(re.report.status == "RE");
  CHECK(re.report.exit_code == 3);
  CHECK_FALSE(re.report.signal.has_value());
}

TEST_CASE("abort is RE with signal 6 and no exit code") {
  auto r = box::Run{}.exec({box::attack("exit_with"), "abort"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.exit_code == 0);
  CHECK(r.report.status == "RE");
  CHECK(r.report.signal == 6);
  CHECK_FALSE(r.report.exit_code.has_value());
}

TEST_CASE("binary stdin to stdout through host files is byte-identical") {
  host::TempDir tmp;
  std::string data = random_bytes(3 * MiB + 7, 42);
  host::write_file(tmp / "in.bin", data);
  auto r = box::Run{}
               .opt("--stdin", tmp / "in.bin")
               .opt("--stdout", tmp / "out.bin")
               .exec({box::attack("cat_bytes")});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  std::string back = host::read_file(tmp / "out.bin");
  CHECK(back.size() == data.size());
  CHECK(back == data);
  CHECK(r.out.empty());  // nothing echoed when --stdout is given
}

TEST_CASE("captured stdout is echoed byte-identically before the report") {
  host::TempDir tmp;
  std::string data = random_bytes(MiB, 7) + "\n";
  host::write_file(tmp / "in.bin", data);
  auto r = box::Run{}.opt("--stdin", tmp / "in.bin").exec({box::attack("cat_bytes")});
  INFO(r.report.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out.size() == data.size());
  CHECK(r.out == data);
}

TEST_CASE("output without a final newline still leaves the report on its own line") {
  auto r = box::Run{}.exec({"/usr/bin/printf", "partial"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out == "partial\n");
}

TEST_CASE("captured stderr is echoed on shortlist-box's stderr") {
  host::TempDir tmp;
  host::write_file(tmp / "script.sh", "echo to-stderr >&2; echo to-stdout\n");
  auto r = box::Run{}.opt("--stdin", tmp / "script.sh").exec({"/bin/sh"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out == "to-stdout\n");
  CHECK(text::has(r.err, "to-stderr\n"));
}

TEST_CASE("arguments after -- that look like options belong to the program") {
  const std::vector<std::string> program = {
      "/usr/bin/printf", "%s\\n", "-c", "--memory", "12x", "--", "--report"};
  // The option just before "--" matters to some parsers: try a scalar and a repeatable one.
  for (const auto& [name, value] : {std::pair{"--cpu", "2"}, std::pair{"--dir", "/usr:/extra"}}) {
    auto r = box::Run{}.opt(name, value).exec(program);
    INFO(std::string(name) << " before --: " << r.describe());
    CHECK(r.exit_code == 0);
    REQUIRE(r.report.valid());
    CHECK(r.report.status == "OK");
    CHECK(r.out == "-c\n--memory\n12x\n--\n--report\n");
  }
}

TEST_CASE("default stdin is /dev/null") {
  auto r = box::Run{}.exec({box::attack("cat_bytes")});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out.empty());
}

TEST_CASE("a missing program is IE and exit code 1") {
  auto r = box::Run{}.exec({"/no/such/program"});
  table::row("program not found", "IE", r);
  INFO(r.describe());
  CHECK(r.exit_code == 1);
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "IE");
}

TEST_CASE("bad arguments exit 2 and name the argument") {
  struct Case {
    std::string arg, value, named;
  };
  for (const Case& c :
       {Case{"--memory", "12x", "--memory"}, Case{"--cpu", "-1", "--cpu"},
        Case{"--bogus-option", "", "--bogus-option"}, Case{"--processes", "many", "--processes"}}) {
    box::Run run;
    if (c.value.empty())
      run.flag(c.arg);
    else
      run.opt(c.arg, c.value);
    auto r = run.exec({box::attack("exit_with"), "0"});
    INFO(c.arg << " " << c.value << ": " << r.describe());
    CHECK(r.exit_code == 2);
    CHECK(text::has(r.err, c.named));
  }
}

// Figures of a tiny program: a single process cannot use more CPU than the
// wall time it ran (the 0.3 ms allow for the sandbox's exec being billed to
// it), and a program that ran was resident somewhere.
TEST_CASE("a tiny program's figures are plausible (20 runs)") {
  int zero_memory = 0, wall_below_cpu = 0;
  std::string example;
  for (int i = 0; i < 20; ++i) {
    auto r = box::Run{}.exec({"/bin/true"});
    REQUIRE_MESSAGE(r.report.valid(), r.describe());
    CHECK(r.report.status == "OK");
    bool bad_memory = r.report.memory_bytes == 0;
    bool bad_wall = r.report.wall_s + 0.0003 < r.report.cpu_s;
    zero_memory += bad_memory;
    wall_below_cpu += bad_wall;
    if (bad_memory || bad_wall) example = r.report.raw;
  }
  INFO("e.g. " << example);
  CHECK(zero_memory == 0);
  CHECK(wall_below_cpu == 0);
}

TEST_CASE("0.3 s of CPU is reported as 0.25-0.6 s") {
  auto r = box::Run{}.exec({box::attack("cpu_spin"), "0.3"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.report.cpu_s >= 0.25);
  CHECK(r.report.cpu_s <= 0.6);
}

TEST_CASE("0.3 s of sleep is reported as 0.3-1.0 s wall and almost no CPU") {
  auto r = box::Run{}.exec({box::attack("sleeper"), "0.3"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.report.wall_s >= 0.3);
  CHECK(r.report.wall_s <= 1.0);
  CHECK(r.report.cpu_s < 0.1);
}

TEST_CASE("touching 100 MiB is reported as 100-130 MiB peak") {
  auto r = box::Run{}.exec({box::attack("touch_memory"), "100"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.report.memory_bytes >= 100 * MiB);
  CHECK(r.report.memory_bytes <= 130 * MiB);
}

TEST_CASE("--report FILE writes the report there and not to stdout") {
  host::TempDir tmp;
  auto r = box::Run{}.report_to(tmp / "r.json").exec({"/bin/echo", "hello"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out == "hello\n");
}
