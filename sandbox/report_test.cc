#include "report.h"

#include <csignal>
#include <cstring>

#include <doctest/doctest.h>

using namespace box;

static RunOutcome started() {
  RunOutcome o;
  o.started = true;
  o.exited = true;
  return o;
}

static Limits limits() {
  Limits l;
  l.cpu_s = 1;
  l.memory_bytes = 64 << 20;
  l.output_bytes = 1 << 20;
  REQUIRE(l.finish() == "");
  return l;
}

TEST_CASE("classify: clean exit is OK, non-zero exit and signals are RE") {
  CHECK(classify(started(), limits()).status == Status::OK);
  RunOutcome e = started();
  e.exit_code = 3;
  Report r = classify(e, limits());
  CHECK(r.status == Status::RE);
  CHECK(r.message == "exit code 3");
  RunOutcome s = started();
  s.exited = false;
  s.signal = SIGABRT;
  CHECK(classify(s, limits()).status == Status::RE);
}

TEST_CASE("classify: precedence MLE > TLE cpu > TLE wall > SV > OLE > RE") {
  RunOutcome o = started();
  o.exited = false;
  o.signal = SIGKILL;
  o.oom_kills = 1;
  o.killed_for_cpu = true;
  o.killed_for_wall = true;
  CHECK(classify(o, limits()).status == Status::MLE);
  o.oom_kills = 0;
  Report cpu = classify(o, limits());
  CHECK(cpu.status == Status::TLE);
  CHECK(std::strcmp(cpu.limit, "cpu") == 0);
  o.killed_for_cpu = false;
  Report wall = classify(o, limits());
  CHECK(wall.status == Status::TLE);
  CHECK(std::strcmp(wall.limit, "wall") == 0);
  o.killed_for_wall = false;
  o.signal = SIGSYS;
  CHECK(classify(o, limits()).status == Status::SV);
  o.signal = SIGXFSZ;
  CHECK(classify(o, limits()).status == Status::OLE);
  o.signal = SIGSEGV;
  CHECK(classify(o, limits()).status == Status::RE);
}

TEST_CASE("classify: CPU over the limit is TLE even when the program exited by itself") {
  RunOutcome o = started();
  o.cpu_s = 1.002;
  CHECK(classify(o, limits()).status == Status::TLE);
  o.cpu_s = 0.999;
  CHECK(classify(o, limits()).status == Status::OK);
  RunOutcome x = started();
  x.exited = false;
  x.signal = SIGXCPU;
  CHECK(classify(x, limits()).status == Status::TLE);
}

TEST_CASE("classify: output over the limit or a full filesystem is OLE") {
  RunOutcome o = started();
  o.largest_output_bytes = 1 << 20;  // RLIMIT_FSIZE stops a file there
  CHECK(classify(o, limits()).status == Status::OLE);
  o.largest_output_bytes = (1 << 20) - 1;
  CHECK(classify(o, limits()).status == Status::OK);
  std::strcpy(o.full_filesystem, "/tmp");
  Report r = classify(o, limits());
  CHECK(r.status == Status::OLE);
  CHECK(r.message.find("/tmp") != std::string::npos);
}

TEST_CASE("classify: not started is IE with the setup error") {
  RunOutcome o;
  std::strcpy(o.setup_error, "execve /nope: No such file or directory");
  Report r = classify(o, limits());
  CHECK(r.status == Status::IE);
  CHECK(r.message == "execve /nope: No such file or directory");
}

TEST_CASE("to_json writes every field, nulls where they do not apply") {
  RunOutcome o = started();
  o.exit_code = 0;
  o.cpu_s = 0.1234567;
  o.memory_bytes = 42;
  CHECK(to_json(classify(o, limits())) ==
        R"({"status":"OK","limit":null,"exit_code":0,"signal":null,"cpu_s":0.123456,)"
        R"("wall_s":0.0,"memory_bytes":42,"message":""})");
  RunOutcome k = started();
  k.exited = false;
  k.signal = SIGKILL;
  k.killed_for_wall = true;
  std::string j = to_json(classify(k, limits()), R"("req-7")");
  CHECK(j.rfind(R"({"id":"req-7","status":"TLE","limit":"wall","exit_code":null,"signal":9,)", 0) == 0);
  CHECK(to_json(internal_error("bad \"x\"")).find(R"("message":"bad \"x\"")") != std::string::npos);
}

TEST_CASE("report_from_json inverts to_json") {
  RunOutcome o = started();
  o.exited = false;
  o.signal = SIGKILL;
  o.killed_for_wall = true;
  o.cpu_s = 0.25;
  o.wall_s = 1.5;
  o.memory_bytes = 12345;
  Report r = classify(o, limits());
  std::optional<Report> back = report_from_json(to_json(r));
  REQUIRE(back);
  CHECK(to_json(*back) == to_json(r));
  RunOutcome e = started();
  e.exit_code = 7;
  Report re = classify(e, limits());
  CHECK(to_json(*report_from_json(to_json(re))) == to_json(re));
  CHECK(!report_from_json("{}"));
  CHECK(!report_from_json(R"({"status":"MAYBE"})"));
  CHECK(!report_from_json("not json"));
}
