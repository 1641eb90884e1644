// A package's time limit as `shortlist judge` and `shortlist verify` use it: the
// package's own (limits.time_limit, .timelimit), or derived as the format says
// from its accepted submissions, each judged first with a generous limit.
//
// Contract: judges only when the limit must be derived; the runs it made come back
// with it, so a caller need not judge those submissions again.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "judge/judge.h"
#include "package/submissions.h"

namespace engine {

struct AcceptedRun {
  const package::Submission* submission = nullptr;
  const Language* language = nullptr;
  JudgeResult result;  // judged at kGenerousTimeLimit
};

struct PackageTimeLimit {
  double seconds = 0;       // what submissions are judged at
  double high_seconds = 0;  // seconds times the margin: a TLE submission must still time out there
  std::string source;       // "from the package", "derived from 2 accepted submission(s), slowest 0.12 s"
  std::string error;        // no limit satisfies the rules
  std::vector<std::string> warnings;
  std::vector<AcceptedRun> runs;
};

// CPU seconds per test case while a limit is being derived.
constexpr double kGenerousTimeLimit = 10;

// `submissions`: the package's (find_submissions); those without a language are skipped.
PackageTimeLimit package_time_limit(const Problem& p, const std::vector<package::Submission>& submissions,
                                    const LanguageTable& languages, const std::string& box,
                                    const std::function<void(const AcceptedRun&)>& judged = {});

}  // namespace engine
