// What outlives a one-shot run: no process, no file (except what --workdir
// copies back).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

TEST_CASE("a double-forked daemon is dead when the report is printed") {
  std::string marker = host::unique_marker("daemon");
  auto r = box::Run{}.exec({box::attack("daemon"), marker});
  auto survivors = host::pids_with_marker(marker);  // no grace period: the contract says dead
  std::string states;
  for (pid_t p : survivors) states += " " + std::to_string(p) + ":" + host::proc_status(p)["State"];
  table::row(
      "double-forked daemon", "OK, none left",
      (r.report.parsed ? r.report.status : "NO-REPORT") +
          (survivors.empty() ? ", none left" : ", LEAKED " + std::to_string(survivors.size())));
  INFO(r.describe());
  INFO("survivors:" << states);
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "DAEMONIZED"));
  CHECK(survivors.empty());
  host::kill_marked(marker);
}

TEST_CASE("files left in /box and /tmp are gone in the next one-shot run") {
  auto first = box::Run{}.exec({box::attack("leftovers"), "write"});
  auto second = box::Run{}.exec({box::attack("leftovers"), "look"});
  table::row("leftovers across one-shot runs", "OK+CLEAN", second);
  INFO("first: " << first.describe());
  INFO("second: " << second.describe());
  REQUIRE(first.report.valid());
  CHECK(text::has(first.out, "WROTE /box/leftover"));
  CHECK(text::has(first.out, "WROTE /tmp/leftover"));
  REQUIRE(second.report.valid());
  CHECK(second.report.status == "OK");
  CHECK(text::has(second.out, "CLEAN"));
  CHECK_FALSE(text::has(second.out, "FOUND"));
}

TEST_CASE("--workdir is copied into /box and what the program leaves is copied back") {
  host::TempDir work, tmp;
  host::write_file(work / "input.txt", "from the host\n");
  host::write_file(tmp / "script.sh", "cat input.txt; pwd; echo made > output.txt\n");
  auto r =
      box::Run{}.opt("--workdir", work.path()).opt("--stdin", tmp / "script.sh").exec({"/bin/sh"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out == "from the host\n/box\n");
  CHECK(host::read_file(work / "output.txt") == "made\n");
}

TEST_CASE("--cwd sets the working directory inside") {
  auto r = box::Run{}.opt("--cwd", "/tmp").exec({"/bin/pwd"});
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.out == "/tmp\n");
}

// Links in /box resolve on the host after copy-back: output.txt -> /etc/shadow
// would show the engine a host file, and a FIFO would hang whoever reads it.
TEST_CASE("--workdir copy-back brings back plain files only: no links out, no FIFOs") {
  host::TempDir work, bait;
  host::write_file(bait / "secret", "bait\n");
  auto r = box::Run{}
               .opt("--workdir", work.path())
               .timeout(30)
               .exec({box::attack("plant_traps"), bait.path()});
  std::vector<std::string> bad;
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(work.path(), ec)) {
    auto st = e.symlink_status();
    if (fs::is_fifo(st)) bad.push_back(e.path().string() + " is a FIFO");
    if (!fs::is_symlink(st)) continue;
    std::string resolved = fs::weakly_canonical(e.path(), ec).string();
    if (resolved.rfind(work.path() + "/", 0) != 0)
      bad.push_back(e.path().string() + " -> " + resolved);
  }
  table::row("workdir copy-back traps (links out, fifo)", "OK, no traps",
             (r.report.parsed ? r.report.status : "NO-REPORT") +
                 (bad.empty() ? ", no traps" : ", " + std::to_string(bad.size()) + " traps back"));
  INFO(r.describe());
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::lines_starting(r.out, "PLANTED").size() == 5);
  CHECK(host::read_file(work / "real") == "real output\n");
  for (const auto& b : bad) CHECK_MESSAGE(false, "came back to the host: " << b);
  CHECK(host::read_file(bait / "secret") == "bait\n");
}
