// What the box can see and touch: network, host files, other processes,
// descriptors and environment handed down from the host.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

TEST_CASE("TCP connect to a port open on the host's loopback fails") {
  host::TcpListener listener;
  REQUIRE(listener.port() > 0);
  auto r = box::Run{}.exec({box::attack("connect_tcp"), std::to_string(listener.port())});
  table::row("tcp connect to host 127.0.0.1", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "BLOCKED"));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
  CHECK_FALSE(listener.had_connection());
}

TEST_CASE("DNS lookup fails and no query reaches the host") {
  host::UdpSink resolver;  // stands in for a resolver on the host's loopback
  REQUIRE(resolver.port() > 0);
  auto r = box::Run{}.exec({box::attack("dns_lookup"), std::to_string(resolver.port())});
  table::row("dns lookup", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "BLOCKED res_query"));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
  CHECK_FALSE(resolver.received_anything());
}

TEST_CASE("ordinary escape attempts from Python all fail") {
  host::TcpListener listener;
  auto r =
      box::Run{}.exec({box::kPython, box::py_attack("escape"), std::to_string(listener.port())});
  table::row("python escapes (shadow,usr,setuid,/root,tcp)", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::lines_starting(r.out, "BLOCKED ").size() == 5);
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
  CHECK_FALSE(listener.had_connection());
}

TEST_CASE("host files outside the box cannot be read") {
  host::TempDir tmp;
  std::string marker = host::unique_marker("secret");
  std::string in_tmp = tmp / "secret";
  std::string in_repo = std::string(TEST_BUILD_DIR) + "/" + marker;
  host::write_file(in_tmp, "host secret\n", 0644);  // world-readable: only the box may stop it
  host::write_file(in_repo, "repo secret\n", 0644);
  const std::vector<std::string> secrets = {"/etc/shadow", in_tmp, in_repo, "/proc/1/root" + in_tmp,
                                            "/proc/1/root/etc/shadow"};
  for (const auto& path : {std::string("/etc/shadow"), in_tmp, in_repo})
    REQUIRE_MESSAGE(access(path.c_str(), R_OK) == 0, "host control: " << path << " must exist");

  std::vector<std::string> argv = {box::attack("read_files"), box::attack("read_files")};
  argv.insert(argv.end(), secrets.begin(), secrets.end());
  auto r = box::Run{}.exec(argv);
  std::remove(in_repo.c_str());
  table::row("read host files (shadow,/tmp,repo,/proc/1/root)", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "ALLOWED " + box::attack("read_files")));  // the probe itself works
  for (const auto& path : secrets) {
    INFO("path: " << path);
    CHECK(text::has(r.out, "BLOCKED " + path + ":"));
  }
}

TEST_CASE("nothing outside /box and /tmp can be written") {
  std::string m = host::unique_marker("escape");
  const std::vector<std::pair<std::string, std::string>> outside = {
      {"/usr/" + m, "/usr/" + m},
      {"/etc/" + m, "/etc/" + m},
      {"/" + m, "/" + m},
      {"/lib/" + m, "/lib/" + m},
      {"/attacks/" + m, std::string(box::kAttackBinDir) + "/" + m},
      {"/pyattacks/" + m, std::string(box::kAttackPyDir) + "/" + m},
      {"/dev/" + m, "/dev/" + m},
      {"/proc/sys/kernel/pid_max", ""},
      {"/proc/sys/vm/drop_caches", ""},
  };
  std::vector<std::string> argv = {box::attack("write_files"), "/box/ok-" + m, "/tmp/ok-" + m};
  for (const auto& [inside, on_host] : outside) argv.push_back(inside);
  auto r = box::Run{}.exec(argv);
  table::row("write outside (/usr,/etc,/,/lib,binds,/dev,/proc/sys)", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "ALLOWED /box/ok-" + m));
  CHECK(text::has(r.out, "ALLOWED /tmp/ok-" + m));
  for (const auto& [inside, on_host] : outside) {
    INFO("path: " << inside);
    CHECK(text::has(r.out, "BLOCKED " + inside + ":"));
    if (!on_host.empty()) {
      CHECK_FALSE(host::exists(on_host));
      std::remove(on_host.c_str());
    }
  }
}

TEST_CASE("/proc shows only the box's own processes") {
  host::Sentinel sentinel;
  auto r = box::Run{}.exec({box::attack("list_procs")});
  table::row("list processes via /proc", "OK, own only", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  long long self = text::number_after(r.out, "SELF ");
  auto procs = text::lines_starting(r.out, "PROC ");
  CHECK(self > 0);
  // A pid namespace of its own (a warm box's numbers are not small: it is reused).
  char host_ns[128] = {};
  REQUIRE(readlink("/proc/self/ns/pid", host_ns, sizeof host_ns - 1) > 0);
  CHECK(text::has(r.out, "PIDNS pid:["));
  CHECK_FALSE(text::has(r.out, std::string("PIDNS ") + host_ns));
  CHECK(text::has(r.out, "PROC " + std::to_string(self) + " list_procs"));
  CHECK(procs.size() >= 1);
  // Itself, plus at most the box's init as pid 1.
  CHECK(procs.size() <= 2);
  for (const auto& line : procs) {
    long long pid = text::number_after(line, "PROC ");
    CHECK_MESSAGE((pid == self || pid == 1), line);
    CHECK_FALSE(text::has(line, " sleep"));  // the host's sentinel
  }
  CHECK(sentinel.alive());
}

TEST_CASE("descriptors open in the caller are not handed into the box") {
  host::TempDir tmp;
  host::write_file(tmp / "secret", "inherited secret\n", 0600);
  int fd = open((tmp / "secret").c_str(), O_RDONLY);  // deliberately without O_CLOEXEC
  REQUIRE(fd >= 3);
  auto r = box::Run{}.inherit_fd(fd).exec({box::attack("list_fds")});
  close(fd);
  table::row("inherited host descriptor", "OK+CLEAN", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "CLEAN"));
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}

TEST_CASE("the host environment does not leak in; --env does") {
  std::string secret = host::unique_marker("env");
  auto r = box::Run{}
               .host_env("SLBX_HOST_SECRET=" + secret)
               .opt("--env", "GIVEN=by-flag")
               .exec({"/usr/bin/env"});
  table::row("host environment leak", "OK, not leaked", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::has(r.out, "GIVEN=by-flag"));
  CHECK_FALSE(text::has(r.out, secret));
  CHECK_FALSE(text::has(r.out, "SLBX_HOST_SECRET"));
}

TEST_CASE("kernel objects that outlive a run (SysV IPC, POSIX queues) cannot be made") {
  auto r = box::Run{}.exec({box::attack("ipc_objects")});
  table::row("SysV shm/msg/sem, POSIX mq", "OK+BLOCKED", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(r.report.status == "OK");
  CHECK(text::lines_starting(r.out, "BLOCKED").size() == 4);
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
}
