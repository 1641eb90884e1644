#include "time_limit.h"

#include <doctest/doctest.h>

using namespace package;

namespace {
ProblemConfig legacy() {
  ProblemConfig c;
  c.limits.ac_to_time_limit = 5;
  c.limits.time_limit_to_tle = 2;
  return c;
}
ProblemConfig modern() {
  ProblemConfig c;
  c.version = FormatVersion::V2025_09;
  return c;  // ac_to_time_limit 2, time_limit_to_tle 1.5, resolution 1
}
}  // namespace

TEST_CASE("legacy: whole seconds, rounded up, at least 1") {
  TimeLimitInputs in;
  in.slowest_accepted_s = 0.05;
  TimeLimit t = derive_time_limit(legacy(), in);
  CHECK(t.seconds == 1);
  CHECK(t.high_seconds == 2);
  in.slowest_accepted_s = 0.41;  // 2.05 -> 3 (ceil, not round: problemtools #220)
  CHECK(derive_time_limit(legacy(), in).seconds == 3);
  in.slowest_accepted_s = 0.4;   // exactly 2.0 stays 2
  CHECK(derive_time_limit(legacy(), in).seconds == 2);
  in.explicit_s = 0.3;           // a .timelimit file wins, with a warning if too tight
  TimeLimit e = derive_time_limit(legacy(), in);
  CHECK(e.seconds == 0.3);
  CHECK(e.warnings.size() == 1);
}

TEST_CASE("2025-09: smallest multiple of the resolution between the bounds") {
  ProblemConfig c = modern();
  c.limits.time_resolution = 0.5;
  TimeLimitInputs in;
  in.slowest_accepted_s = 0.6;  // lower 1.2 -> 1.5
  TimeLimit t = derive_time_limit(c, in);
  CHECK(t.error == "");
  CHECK(t.seconds == 1.5);
  CHECK(t.high_seconds == 2.25);
  in.fastest_tle_s = 2.0;       // upper 1.333: 1.5 does not fit
  TimeLimit none = derive_time_limit(c, in);
  CHECK(none.error.find("no time limit fits") != std::string::npos);
  in.fastest_tle_s = 3.0;       // upper 2.0
  CHECK(derive_time_limit(c, in).error == "");
}

TEST_CASE("2025-09: an explicit time_limit is checked against both bounds") {
  ProblemConfig c = modern();
  c.limits.time_limit = 1.0;
  TimeLimitInputs in;
  in.slowest_accepted_s = 0.6;  // needs 1.2
  CHECK(derive_time_limit(c, in).error.find("is below") != std::string::npos);
  in.slowest_accepted_s = 0.3;
  in.fastest_tle_s = 1.2;       // at most 0.8
  CHECK(derive_time_limit(c, in).error.find("is above") != std::string::npos);
  in.fastest_tle_s = 1.5;       // exactly 1.0: allowed
  TimeLimit ok = derive_time_limit(c, in);
  CHECK(ok.error == "");
  CHECK(ok.seconds == 1.0);
}
