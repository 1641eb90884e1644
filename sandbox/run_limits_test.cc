#include "run_limits.h"

#include <doctest/doctest.h>

using namespace box;

TEST_CASE("parse_size accepts bytes and binary suffixes") {
  std::string err;
  CHECK(parse_size("123", &err) == 123u);
  CHECK(parse_size("64k", &err) == 64u << 10);
  CHECK(parse_size("256M", &err) == 256ull << 20);
  CHECK(parse_size("2g", &err) == 2ull << 30);
  CHECK(parse_size("0", &err) == 0u);
}

TEST_CASE("parse_size rejects junk with a message naming the value") {
  for (const char* bad : {"", "12x", "m", "1.5m", "-1", "k10", "99999999999999999999g", " 5"}) {
    std::string err;
    CHECK_MESSAGE(!parse_size(bad, &err), bad);
    CHECK(err.find(std::string("'") + bad + "'") != std::string::npos);
  }
}

TEST_CASE("parse_seconds") {
  std::string err;
  CHECK(parse_seconds("1", &err) == 1.0);
  CHECK(parse_seconds("0.25", &err) == 0.25);
  CHECK(parse_seconds("2.5s", &err) == 2.5);
  for (const char* bad : {"", "0", "-1", "abc", "nan", "inf", "1e9", "s"}) {
    CHECK_MESSAGE(!parse_seconds(bad, &err), bad);
  }
}

TEST_CASE("Limits::finish derives wall and stack and validates") {
  Limits l;
  l.cpu_s = 2;
  l.memory_bytes = 64 << 20;
  CHECK(l.finish() == "");
  CHECK(l.wall_s == 5.0);
  CHECK(l.stack_bytes == (64u << 20) + kStackMargin);

  Limits explicit_values;
  explicit_values.wall_s = 7;
  explicit_values.stack_bytes = 8 << 20;
  CHECK(explicit_values.finish() == "");
  CHECK(explicit_values.wall_s == 7.0);
  CHECK(explicit_values.stack_bytes == 8u << 20);

  Limits tiny;
  tiny.memory_bytes = 1000;
  CHECK(tiny.finish().find("memory") != std::string::npos);
  Limits nofiles;
  nofiles.open_files = 2;
  CHECK(nofiles.finish().find("open-files") != std::string::npos);
}

TEST_CASE("valid_env_assignment") {
  CHECK(valid_env_assignment("A=1"));
  CHECK(valid_env_assignment("_x9="));
  CHECK(!valid_env_assignment("=1"));
  CHECK(!valid_env_assignment("9A=1"));
  CHECK(!valid_env_assignment("A-B=1"));
  CHECK(!valid_env_assignment("NOEQUALS"));
}
