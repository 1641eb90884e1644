#include "time_limit.h"

#include <cmath>
#include <cstdio>

namespace package {
namespace {

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g s", s);
  return buf;
}

// Multiples of `step` are compared with a little slack: 0.1 * 3 must count as 0.3.
bool at_most(double a, double b) { return a <= b + 1e-9 * std::max(1.0, std::fabs(b)); }

}  // namespace

TimeLimit derive_time_limit(const ProblemConfig& c, const TimeLimitInputs& in) {
  TimeLimit t;
  const Limits& l = c.limits;
  if (c.version == FormatVersion::Legacy) {
    t.seconds = in.explicit_s ? *in.explicit_s : std::max(1.0, std::ceil(in.slowest_accepted_s * l.ac_to_time_limit - 1e-9));
    t.high_seconds = t.seconds * l.time_limit_to_tle;
    if (in.explicit_s && at_most(t.seconds, in.slowest_accepted_s))
      t.warnings.push_back("the time limit " + seconds(t.seconds) + " is not above the slowest accepted submission (" +
                           seconds(in.slowest_accepted_s) + ")");
    return t;
  }
  double lower = in.slowest_accepted_s * l.ac_to_time_limit;
  double upper = in.fastest_tle_s ? *in.fastest_tle_s / l.time_limit_to_tle : INFINITY;
  if (in.explicit_s || l.time_limit) {
    t.seconds = in.explicit_s ? *in.explicit_s : *l.time_limit;
    if (!at_most(lower, t.seconds))
      t.error = "time_limit " + seconds(t.seconds) + " is below " + seconds(lower) + " (slowest accepted " +
                seconds(in.slowest_accepted_s) + " x ac_to_time_limit)";
    else if (!at_most(t.seconds, upper))
      t.error = "time_limit " + seconds(t.seconds) + " is above " + seconds(upper) +
                " (fastest time-limit-exceeded submission / time_limit_to_tle)";
  } else {
    double steps = std::max(1.0, std::ceil(lower / l.time_resolution - 1e-9));
    t.seconds = steps * l.time_resolution;
    if (!at_most(t.seconds, upper))
      t.error = "no time limit fits: at least " + seconds(lower) + " for the accepted submissions, at most " +
                seconds(upper) + " for the time-limit-exceeded ones (in steps of " + seconds(l.time_resolution) + ")";
  }
  t.high_seconds = t.seconds * l.time_limit_to_tle;
  return t;
}

}  // namespace package
