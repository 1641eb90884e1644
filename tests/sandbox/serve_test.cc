// Resident mode: one `shortlist-box serve` answering request lines.
#include <doctest/doctest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <sys/stat.h>

#include <string>

#include "box.h"
#include "host.h"
#include "table.h"
#include "text.h"

namespace {

std::string request(const std::string& id_json, const std::vector<std::string>& argv,
                    const std::string& extra = "") {
  return "{\"id\":" + id_json + ",\"argv\":" + box::argv_json(argv) +
         (extra.empty() ? "" : "," + extra) + "}";
}

std::string id_of(const box::Report& r) {
  if (!r.parsed || !r.doc.HasMember("id")) return "<no id>";
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  r.doc["id"].Accept(w);
  return sb.GetString();
}

std::string stdout_to(const std::string& path) { return "\"stdout\":" + box::json_string(path); }

}  // namespace

TEST_CASE("serve answers several requests in order and echoes each id") {
  host::TempDir tmp;
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  auto a = serve.request(request("1", {box::attack("exit_with"), "0"}));
  auto b = serve.request(request("\"two\"", {box::attack("exit_with"), "3"}));
  auto c =
      serve.request(request("{\"n\":3}", {"/bin/sh", "-c", "echo $K; pwd"},
                            "\"env\":{\"K\":\"V\"},\"cwd\":\"/tmp\"," + stdout_to(tmp / "c.out")));
  INFO(a.describe());
  INFO(b.describe());
  INFO(c.describe());
  REQUIRE(a.valid());
  REQUIRE(b.valid());
  REQUIRE(c.valid());
  CHECK(id_of(a) == "1");
  CHECK(id_of(b) == "\"two\"");
  CHECK(id_of(c) == "{\"n\":3}");
  CHECK(a.status == "OK");
  CHECK(b.status == "RE");
  CHECK(b.exit_code == 3);
  CHECK(c.status == "OK");
  CHECK(host::read_file(tmp / "c.out") == "V\n/tmp\n");
}

TEST_CASE("serve answers a malformed line with IE and keeps working") {
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  auto bad = serve.request("this is not json");
  auto no_argv = serve.request("{\"id\":5}");
  auto good = serve.request(request("6", {box::attack("exit_with"), "0"}));
  table::row("serve: malformed request", "IE, then OK", bad);
  INFO(bad.describe());
  INFO(no_argv.describe());
  INFO(good.describe());
  REQUIRE(bad.valid());
  CHECK(bad.status == "IE");
  REQUIRE(no_argv.valid());
  CHECK(no_argv.status == "IE");
  CHECK(id_of(no_argv) == "5");
  REQUIRE(good.valid());
  CHECK(good.status == "OK");
  CHECK(id_of(good) == "6");
}

TEST_CASE("serve survives TLE and MLE runs and then runs normally") {
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  auto tle = serve.request(request("1", {box::attack("cpu_spin")}, "\"cpu\":0.5,\"wall\":5"));
  auto mle = serve.request(request("2", {box::attack("heap_bomb")}, "\"memory\":\"64m\""));
  auto mle_bytes = serve.request(request("3", {box::attack("mmap_bomb")}, "\"memory\":67108864"));
  auto ok = serve.request(request("4", {box::attack("touch_memory"), "100"}));
  table::row("serve: cpu spin", "TLE(cpu)", tle);
  table::row("serve: heap bomb", "MLE", mle);
  INFO(tle.describe());
  INFO(mle.describe());
  INFO(mle_bytes.describe());
  INFO(ok.describe());
  REQUIRE(tle.valid());
  CHECK(tle.status == "TLE");
  CHECK(tle.limit == "cpu");
  CHECK(tle.cpu_s >= 0.45);
  CHECK(tle.cpu_s <= 1.5);
  REQUIRE(mle.valid());
  CHECK(mle.status == "MLE");
  REQUIRE(mle_bytes.valid());
  CHECK(mle_bytes.status == "MLE");
  REQUIRE(ok.valid());
  CHECK(ok.status == "OK");  // 100 MiB under the default 256m: no limit carried over
}

TEST_CASE("serve removes what a run leaves in /box and /tmp unless keep is set") {
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  host::TempDir tmp;
  auto write =
      serve.request(request("1", {box::attack("leftovers"), "write"}, stdout_to(tmp / "1")));
  auto look = serve.request(request("2", {box::attack("leftovers"), "look"}, stdout_to(tmp / "2")));
  auto keep = serve.request(
      request("3", {box::attack("leftovers"), "write"}, "\"keep\":true," + stdout_to(tmp / "3")));
  auto kept = serve.request(request("4", {box::attack("leftovers"), "look"}, stdout_to(tmp / "4")));
  std::string look_out = host::read_file(tmp / "2"), kept_out = host::read_file(tmp / "4");
  table::row("serve: leftovers between runs", "OK+CLEAN", look, look_out);
  INFO(write.describe() << "\n" << host::read_file(tmp / "1"));
  INFO(look.describe() << "\n" << look_out);
  INFO(keep.describe());
  INFO(kept.describe() << "\n" << kept_out);
  REQUIRE(write.valid());
  CHECK(text::has(host::read_file(tmp / "1"), "WROTE /box/leftover"));
  CHECK(text::has(host::read_file(tmp / "1"), "WROTE /tmp/leftover"));
  REQUIRE(look.valid());
  CHECK(look.status == "OK");
  CHECK(text::has(look_out, "CLEAN"));
  REQUIRE(kept.valid());
  CHECK(text::has(kept_out, "FOUND /box/leftover"));
  CHECK(text::has(kept_out, "FOUND /tmp/leftover"));
}

TEST_CASE("files the engine puts in the workdir are visible and read-only at /box") {
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  REQUIRE(!serve.workdir().empty());
  std::string input = serve.workdir() + "/input.txt";
  host::write_file(input, "engine data\n", 0644);
  REQUIRE(chown(input.c_str(), 0, 0) == 0);
  host::TempDir tmp;
  auto read = serve.request(
      request("1", {box::attack("read_files"), "/box/input.txt"}, stdout_to(tmp / "read")));
  auto write = serve.request(
      request("2", {box::attack("write_files"), "/box/input.txt"}, stdout_to(tmp / "write")));
  std::string write_out = host::read_file(tmp / "write");
  table::row("serve: overwrite engine file", "OK+BLOCKED", write, write_out);
  INFO(read.describe() << "\n" << host::read_file(tmp / "read"));
  INFO(write.describe() << "\n" << write_out);
  REQUIRE(read.valid());
  CHECK(text::has(host::read_file(tmp / "read"), "ALLOWED /box/input.txt 12 bytes"));
  REQUIRE(write.valid());
  CHECK(write.status == "OK");
  CHECK(text::has(write_out, "BLOCKED /box/input.txt"));
  CHECK(host::read_file(input) == "engine data\n");
}

TEST_CASE("two serve processes get separate slots and workdirs") {
  box::Serve one, two;
  REQUIRE_MESSAGE(one.started(), "ready line: " << one.ready_line());
  REQUIRE_MESSAGE(two.started(), "ready line: " << two.ready_line());
  CHECK(one.workdir() != two.workdir());
  host::write_file(one.workdir() + "/mine", "slot one's file\n", 0644);
  host::TempDir tmp;
  // The same file, from its own box and from the other one (by either path).
  auto a =
      one.request(request("1", {box::attack("read_files"), "/box/mine"}, stdout_to(tmp / "a")));
  auto b =
      two.request(request("1", {box::attack("read_files"), "/box/mine", one.workdir() + "/mine"},
                          stdout_to(tmp / "b")));
  std::string a_out = host::read_file(tmp / "a"), b_out = host::read_file(tmp / "b");
  table::row("serve: read another slot's workdir", "OK+BLOCKED", b, b_out);
  INFO(a.describe() << "\n" << a_out);
  INFO(b.describe() << "\n" << b_out);
  CHECK(a.status == "OK");
  CHECK(b.status == "OK");
  CHECK(text::has(a_out, "ALLOWED /box/mine"));
  CHECK(text::has(b_out, "BLOCKED /box/mine:"));
  CHECK(text::has(b_out, "BLOCKED " + one.workdir() + "/mine:"));
}

TEST_CASE("closing serve's stdin ends it with exit code 0") {
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  auto r = serve.request(request("1", {box::attack("exit_with"), "0"}));
  CHECK(r.status == "OK");
  serve.close_stdin();
  auto code = serve.wait_exit(5);
  REQUIRE(code.has_value());
  CHECK(*code == 0);
}

TEST_CASE("kill -9 of serve takes every process of its box with it") {
  std::string marker = host::unique_marker("served");
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  REQUIRE(serve.send_line(
      request("1", {box::attack("sleeper"), "60", marker}, "\"cpu\":30,\"wall\":60")));
  bool running = host::wait_until([&] { return !host::pids_with_marker(marker).empty(); }, 10);
  serve.kill9();
  bool gone = host::wait_until([&] { return host::pids_with_marker(marker).empty(); }, 2);
  table::row("serve killed -9 mid-run", "none left", gone ? "none left" : "LEAKED");
  REQUIRE(running);
  CHECK(gone);
  host::kill_marked(marker);  // don't leave it behind
}

TEST_CASE("an engine that dies mid-run (its pipes close) takes the box down at once") {
  std::string marker = host::unique_marker("orphaned");
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  REQUIRE(serve.send_line(
      request("1", {box::attack("sleeper"), "60", marker}, "\"cpu\":30,\"wall\":60")));
  bool running = host::wait_until([&] { return !host::pids_with_marker(marker).empty(); }, 10);
  serve.close_pipes();
  bool gone = host::wait_until([&] { return host::pids_with_marker(marker).empty(); }, 2);
  auto code = serve.wait_exit(5);
  table::row("engine gone mid-run (pipes closed)", "none left, serve exits",
             std::string(gone ? "none left" : "LEAKED") + (code ? ", serve exits" : ", serve hangs"));
  REQUIRE(running);
  CHECK(gone);
  CHECK(code.has_value());
  host::kill_marked(marker);
}

TEST_CASE("serve: a daemon started by one run is dead when its answer arrives") {
  std::string marker = host::unique_marker("serve-daemon");
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  host::TempDir tmp;
  auto r = serve.request(request("1", {box::attack("daemon"), marker}, stdout_to(tmp / "out")));
  auto survivors = host::pids_with_marker(marker);
  table::row(
      "serve: double-forked daemon", "OK, none left",
      (r.parsed ? r.status : "NO-REPORT") +
          (survivors.empty() ? ", none left" : ", LEAKED " + std::to_string(survivors.size())));
  INFO(r.describe());
  REQUIRE(r.valid());
  CHECK(r.status == "OK");
  CHECK(text::has(host::read_file(tmp / "out"), "DAEMONIZED"));
  CHECK(survivors.empty());
  host::kill_marked(marker);
}

// The wipe runs as root on the host: following a planted link would delete
// host files, and a locked directory must not survive into the next run.
TEST_CASE("serve: the wipe between runs follows no planted link and clears locked dirs") {
  host::TempDir bait, tmp;
  host::write_file(bait / "secret", "bait\n");
  box::Serve serve;
  REQUIRE_MESSAGE(serve.started(), "ready line: " << serve.ready_line());
  auto plant = serve.request(
      request("1", {box::attack("plant_traps"), bait.path(), "locked"}, stdout_to(tmp / "1")));
  auto look = serve.request(request("2", {box::attack("leftovers"), "look"}, stdout_to(tmp / "2")));
  std::string look_out = host::read_file(tmp / "2");
  table::row("serve: wipe vs planted links/locked dir", "OK+CLEAN", look, look_out);
  INFO(plant.describe() << "\n" << host::read_file(tmp / "1"));
  INFO(look.describe() << "\n" << look_out);
  REQUIRE(plant.valid());
  CHECK(text::lines_starting(host::read_file(tmp / "1"), "PLANTED").size() == 6);
  REQUIRE(look.valid());
  CHECK(text::has(look_out, "CLEAN"));
  CHECK(host::read_file(bait / "secret") == "bait\n");
}
