#include "verify/package_time_limit.h"

#include <algorithm>

#include "judge/boxed_program.h"
#include "package/time_limit.h"

namespace engine {

PackageTimeLimit package_time_limit(const Problem& p, const std::vector<package::Submission>& submissions,
                                    const LanguageTable& languages, const std::string& box,
                                    const std::function<void(const AcceptedRun&)>& judged) {
  PackageTimeLimit out;
  if (double t = p.explicit_time_limit(); t > 0) {
    out.seconds = t;
    out.high_seconds = t * p.config.limits.time_limit_to_tle;
    out.source = "from the package";
    return out;
  }
  package::TimeLimitInputs in;
  for (const package::Submission& s : submissions) {
    if (!package::expects_accepted(s.expected)) continue;
    const Language* l = program_language(languages, s.absolute);
    if (!l) continue;
    AcceptedRun run{&s, l, judge(p, s.absolute, *l, {box, kGenerousTimeLimit, &languages, default_cache_dir(), {}})};
    if (run.result.verdict == graders::Verdict::AC)
      in.slowest_accepted_s = std::max(in.slowest_accepted_s, run.result.max_cpu_s);
    if (judged) judged(run);
    out.runs.push_back(std::move(run));
  }
  package::TimeLimit t = package::derive_time_limit(p.config, in);
  out.seconds = t.seconds;
  out.high_seconds = t.high_seconds;
  out.error = t.error;
  out.warnings = t.warnings;
  out.source = "derived from " + std::to_string(out.runs.size()) + " accepted submission(s), slowest " +
               std::to_string(in.slowest_accepted_s) + " s";
  return out;
}

}  // namespace engine
