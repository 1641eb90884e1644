// Deriving a problem's time limit from its submissions, as the reference tools do.
//
// legacy (problemtools since PR #369): TL = max(1, ceil(T_ac * time_multiplier)) whole
//   seconds, where T_ac is the slowest test case of the slowest accepted submission;
//   submissions are also judged at TL * time_safety_margin to see if a verdict is
//   sensitive to the limit.
// 2025-09: the time limit is the smallest multiple of time_resolution with
//   T_ac * ac_to_time_limit <= TL and TL * time_limit_to_tle <= T_tle (T_tle: the
//   fastest submission that must time out, over its slowest case); an error if none.
//   An explicit limits.time_limit must satisfy both too.
// Contract: pure; CPU seconds in, seconds out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "problem_config.h"

namespace package {

struct TimeLimitInputs {
  double slowest_accepted_s = 0;        // over submissions whose rules forbid TLE
  std::optional<double> fastest_tle_s;  // over submissions that must TLE
  std::optional<double> explicit_s;     // limits.time_limit, or a .timelimit file
};

struct TimeLimit {
  double seconds = 0;       // the limit submissions are judged at
  double high_seconds = 0;  // legacy: TL * time_safety_margin; 2025-09: TL * time_limit_to_tle
  std::string error;        // non-empty: no limit satisfies the rules
  std::vector<std::string> warnings;
};

TimeLimit derive_time_limit(const ProblemConfig& config, const TimeLimitInputs& in);

}  // namespace package
