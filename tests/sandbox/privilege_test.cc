// Who the program is: uid 1000 inside, an unprivileged uid outside, no
// capabilities, no way back to root, no reach beyond its own box.
#include <doctest/doctest.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <map>
#include <sstream>
#include <string>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

namespace {

// Runs `path` on the host as nobody and returns what it printed.
std::string run_as_nobody(const std::string& path) {
  int out[2];
  if (pipe(out) != 0) return "";
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(120);
    execl(path.c_str(), path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string s;
  char buf[512];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) s.append(buf, n);
  close(out[0]);
  waitpid(pid, nullptr, 0);
  return s;
}

}  // namespace

TEST_CASE("the program runs as uid/gid 1000 under its own hostname") {
  char host_name[256] = "";
  gethostname(host_name, sizeof host_name);
  auto r = box::Run{}.exec({box::attack("print_ids")});
  table::row("identity (uid, hostname, setuid(0))", "OK, uid 1000", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "UID 1000 EUID 1000 GID 1000 EGID 1000 HOST "));
  CHECK_FALSE(text::has(r.out, std::string("HOST ") + host_name + "\n"));
  CHECK(text::has(r.out, "BLOCKED setuid(0)"));
}

TEST_CASE("a setuid-root binary does not give root inside the box") {
  host::TempDir dir;
  std::string suid = dir / "print_ids_suid";
  std::filesystem::copy_file(std::string(box::kAttackBinDir) + "/print_ids", suid);
  REQUIRE(chown(suid.c_str(), 0, 0) == 0);
  REQUIRE(chmod(suid.c_str(), 04755) == 0);
  // Control: on the host the bit works, so only the box can be what stops it.
  REQUIRE(text::has(run_as_nobody(suid), "EUID 0 "));

  auto r = box::Run{}
               .opt("--dir", dir.path() + ":/suid")
               .exec({"/usr/bin/env", "/suid/print_ids_suid"});  // env execs it
  table::row("setuid-root binary", "OK, euid!=0", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "EUID 1000 "));
  CHECK_FALSE(text::has(r.out, "EUID 0 "));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("seen from the host, the boxed process is unprivileged and confined") {
  host::TempDir gate;
  std::string marker = host::unique_marker("hostview");
  box::Run run;
  run.opt("--dir", gate.path() + ":/gate");
  auto pending = std::async(std::launch::async, [&] {
    return run.exec({box::attack("await_file"), "/gate/open", marker});
  });
  std::vector<pid_t> pids;
  bool seen =
      host::wait_until([&] { return !(pids = host::pids_with_marker(marker, true)).empty(); }, 10);
  std::vector<std::map<std::string, std::string>> statuses;
  for (pid_t p : pids) statuses.push_back(host::proc_status(p));
  host::write_file(gate / "open", "");
  auto r = pending.get();
  table::row("host view of boxed process", "OK", r);
  INFO(r.describe());
  REQUIRE(seen);
  for (auto& st : statuses) {
    INFO("Uid: " << st["Uid"] << " CapEff: " << st["CapEff"] << " NoNewPrivs: " << st["NoNewPrivs"]
                 << " Seccomp: " << st["Seccomp"]);
    std::istringstream uids(st["Uid"]);
    for (long uid; uids >> uid;) CHECK(uid >= 60000);
    std::istringstream gids(st["Gid"]);
    for (long gid; gids >> gid;) CHECK(gid != 0);
    CHECK(st["CapEff"] == "0000000000000000");
    CHECK(st["CapPrm"] == "0000000000000000");
    CHECK(st["NoNewPrivs"] == "1");
    CHECK(st["Seccomp"] == "2");
  }
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(r.report.exit_code == 0);
}

TEST_CASE("kill(-1, SIGKILL) reaches neither the host nor another box") {
  host::Sentinel sentinel;
  REQUIRE(sentinel.alive());
  // A second box runs alongside; it must finish normally, not die of SIGKILL.
  host::TempDir gate;
  std::string marker = host::unique_marker("neighbour");
  box::Run neighbour_run;
  neighbour_run.opt("--dir", gate.path() + ":/gate");
  auto neighbour = std::async(std::launch::async, [&] {
    return neighbour_run.exec({box::attack("await_file"), "/gate/open", marker});
  });
  bool neighbour_up =
      host::wait_until([&] { return !host::pids_with_marker(marker, true).empty(); }, 10);

  auto r = box::Run{}.exec({box::attack("kill_all")});
  bool neighbour_alive_after = !host::pids_with_marker(marker, true).empty();
  host::write_file(gate / "open", "");
  auto n = neighbour.get();

  table::row("kill(-1, SIGKILL)", "OK+SURVIVED", r);
  INFO(r.describe());
  INFO("neighbour: " << n.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "SURVIVED"));
  CHECK(sentinel.alive());
  CHECK(neighbour_up);
  CHECK(neighbour_alive_after);
  REQUIRE(n.report.valid());
  CHECK(n.report.status == "OK");
  CHECK(n.report.exit_code == 0);
}
