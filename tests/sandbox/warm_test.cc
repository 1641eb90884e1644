// Warm boxes behind one-shot runs (sandbox/warm.h): a later run with the same box
// spec reuses one, nothing of one run is left for the next, a client that dies
// takes what it started with it, and --cold never uses one.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

namespace {

// A --dir no other test binds: this test's warm server is its own, never busy
// with another test's runs.
struct OwnSpec {
  host::TempDir dir;
  box::Run run() const { return box::Run{}.opt("--dir", dir.path() + ":/own"); }
  std::vector<std::string> argv(const std::vector<std::string>& program) const {
    std::vector<std::string> a = {box::kBinary, "run", "--dir", std::string(box::kAttackBinDir) + ":" + box::kAttacksInside,
                                  "--dir", dir.path() + ":/own", "--"};
    a.insert(a.end(), program.begin(), program.end());
    return a;
  }
};

// The program's pid inside: 2 in a fresh box (the keeper is 1), more in a reused one.
long long inside_pid(const box::Result& r) { return text::number_after(r.out, "SELF "); }

// Runs until a run lands in a reused (warm) box; the server starts after the first.
bool make_warm(const OwnSpec& spec) {
  for (int i = 0; i < 30; ++i) {
    auto r = spec.run().exec({box::attack("list_procs")});
    if (r.report.valid() && inside_pid(r) > 2) return true;
    usleep(100000);
  }
  return false;
}

}  // namespace

TEST_CASE("a later run with the same box spec is served by a warm box, with the same report") {
  OwnSpec spec;
  auto first = spec.run().exec({box::attack("list_procs")});
  INFO(first.describe());
  REQUIRE(first.report.valid());
  CHECK(first.report.status == "OK");
  CHECK(inside_pid(first) == 2);  // cold: a fresh box
  REQUIRE(make_warm(spec));
  auto warm = spec.run().exec({box::attack("exit_with"), "3"});
  INFO(warm.describe());
  REQUIRE(warm.report.valid());
  CHECK(warm.report.status == "RE");
  CHECK(warm.report.exit_code == 3);
  CHECK(warm.exit_code == 0);
  auto cold = spec.run().flag("--cold").exec({box::attack("list_procs")});
  CHECK(inside_pid(cold) == 2);  // --cold never reuses
  table::row("warm box reuse (same spec), exit 3", "RE", warm);
}

TEST_CASE("nothing of one run is left for the next in a warm box") {
  OwnSpec spec;
  REQUIRE(make_warm(spec));
  auto write = spec.run().exec({box::attack("leftovers"), "write"});
  auto look = spec.run().exec({box::attack("leftovers"), "look"});
  INFO(write.describe() << "\n" << look.describe());
  REQUIRE(look.report.valid());
  CHECK(text::has(write.out, "WROTE /box/leftover"));
  CHECK(text::has(look.out, "CLEAN"));
  table::row("warm box: leftovers between runs", "OK+CLEAN", look);
}

TEST_CASE("killing a run that a warm box serves kills what it started") {
  OwnSpec spec;
  REQUIRE(make_warm(spec));
  std::string marker = host::unique_marker("warm-orphan");
  std::vector<std::string> args = spec.argv({box::attack("sleeper"), "60", marker});
  pid_t client = fork();
  if (client == 0) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  bool running = host::wait_until([&] { return !host::pids_with_marker(marker, true).empty(); }, 10);
  kill(client, SIGKILL);
  waitpid(client, nullptr, 0);
  bool gone = host::wait_until([&] { return host::pids_with_marker(marker, true).empty(); }, 2);
  table::row("warm box: client killed -9 mid-run", "none left", gone ? "none left" : "LEAKED");
  REQUIRE(running);
  CHECK(gone);
  host::kill_marked(marker);
}
