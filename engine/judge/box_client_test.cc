// BoxClient against stand-in boxes (shell scripts that speak, or fail to speak,
// the serve protocol): every way a box can misbehave ends in a report or an
// error, never a wait without end, and never a box left running.
#include "judge/box_client.h"

#include <signal.h>
#include <sys/stat.h>

#include <chrono>

#include <doctest/doctest.h>

#include "temp_tree.h"

using engine::BoxClient;
using engine::BoxReport;
using engine::BoxRequest;

namespace {

// A stand-in for shortlist-box: `body` runs after the script reads nothing.
std::string fake_box(const TempTree& t, const std::string& name, const std::string& body) {
  t.write(name, "#!/bin/sh\n" + body + "\n");
  std::string path = (t.root / name).string();
  chmod(path.c_str(), 0755);
  return path;
}

const char* kReady = "echo '{\"ready\":true,\"workdir\":\"/nowhere\"}'";

bool alive(pid_t pid) { return pid > 0 && kill(pid, 0) == 0; }  // a zombie would count: stopped means reaped

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("box client: request and report lines round-trip the serve protocol") {
  BoxRequest q;
  q.argv = {"./a.out", "quote\"d"};
  q.cpu_s = 1.5;
  q.stdin_path = "/tmp/in";
  std::string line = engine::request_json(q, 7);
  CHECK(line.find("\"id\":7") != std::string::npos);
  CHECK(line.find("\"argv\":[\"./a.out\",\"quote\\\"d\"]") != std::string::npos);
  CHECK(line.find("\"stdin\":\"/tmp/in\"") != std::string::npos);
  CHECK(line.find("\"wall\"") == std::string::npos);  // 0: the box's default
  BoxReport r;
  REQUIRE(engine::parse_report(R"({"status":"TLE","limit":"cpu","cpu_s":1.01,"exit_code":-1,"signal":9})", &r));
  CHECK(r.status == "TLE");
  CHECK(r.limit == "cpu");
  CHECK(r.signal == 9);
  CHECK_FALSE(engine::parse_report("not json", &r));
  CHECK_FALSE(engine::parse_report(R"({"no_status":1})", &r));
}

TEST_CASE("box client: a box that answers each request is driven request by request") {
  TempTree t;
  std::string box = fake_box(t, "echo-box", std::string(kReady) +
                                                "\nwhile read line; do echo '{\"status\":\"OK\",\"exit_code\":0}'; done");
  BoxClient c;
  REQUIRE(c.start(box, {}) == "");
  CHECK(c.workdir() == "/nowhere");
  for (int i = 0; i < 3; ++i) {
    BoxReport r = c.run(BoxRequest{});
    CHECK(r.status == "OK");
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("box client: a box that never reports is stopped after the wall limit and the grace") {
  TempTree t;
  std::string box = fake_box(t, "hung-box", std::string(kReady) + "\nexec sleep 1000");
  BoxClient c;
  c.set_report_grace(0.5);
  REQUIRE(c.start(box, {}) == "");
  pid_t pid = c.pid();
  REQUIRE(alive(pid));
  BoxRequest q;
  q.cpu_s = 0.1;
  q.wall_s = 0.2;
  auto began = std::chrono::steady_clock::now();
  BoxReport r = c.run(q);
  CHECK(seconds_since(began) >= 0.6);
  CHECK(seconds_since(began) < 20);  // bounded, however loaded the machine
  CHECK(r.status == "IE");
  CHECK(r.message.find("no report within") != std::string::npos);
  CHECK_FALSE(alive(pid));  // stopped and reaped
  CHECK(c.pid() == -1);
  CHECK(c.run(q).message == "the box is not running");
}

TEST_CASE("box client: a box that dies mid-request is an IE at once") {
  TempTree t;
  std::string box = fake_box(t, "dying-box", std::string(kReady) + "\nread line; exit 3");
  BoxClient c;
  c.set_report_grace(600);  // the answer must not come from the deadline
  REQUIRE(c.start(box, {}) == "");
  auto began = std::chrono::steady_clock::now();
  BoxReport r = c.run(BoxRequest{});
  CHECK(seconds_since(began) < 60);
  CHECK(r.status == "IE");
  CHECK(r.message.find("it ended") != std::string::npos);
}

TEST_CASE("box client: start fails with the reason") {
  TempTree t;
  BoxClient c;
  CHECK(c.start((t.root / "missing").string(), {}).find("cannot start") == 0);
  CHECK(c.start(fake_box(t, "mute", "exit 0"), {}) == "shortlist-box serve ended before it was ready");
  CHECK(c.start(fake_box(t, "refuses", "echo '{\"ready\":false,\"error\":\"no cgroup\"}'"), {})
            .find("could not build its box") != std::string::npos);
  CHECK(c.pid() == -1);
}

TEST_CASE("box client: a box that ignores the end of its input is killed when the client goes") {
  TempTree t;
  std::string box = fake_box(t, "stubborn-box", std::string(kReady) + "\ntrap '' TERM\nexec sleep 1000");
  pid_t pid;
  {
    BoxClient c;
    REQUIRE(c.start(box, {}) == "");
    pid = c.pid();
    REQUIRE(alive(pid));
  }
  CHECK_FALSE(alive(pid));
}

TEST_CASE("box client: a box's pipes are not inherited by another box") {
  // If the second box held the first's stdin, the first would never see its end.
  TempTree t;
  std::string box = fake_box(t, "fd-box", std::string(kReady) +
                                              "\nread line; echo \"{\\\"status\\\":\\\"OK\\\",\\\"message\\\":\\\"$(ls /proc/$$/fd | "
                                              "wc -l)\\\"}\"; read line");
  BoxClient first, second;
  REQUIRE(first.start(box, {}) == "");
  REQUIRE(second.start(box, {}) == "");
  BoxReport a = first.run(BoxRequest{}), b = second.run(BoxRequest{});
  REQUIRE(a.status == "OK");
  CHECK(a.message == b.message);  // the same descriptors: 0, 1, 2 and the shell's own
}
