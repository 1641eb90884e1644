// `shortlist verify`: what problemtools' verifyproblem checks, for one package.
//
// The package's files and YAML (problem.yaml, the test data tree, the submissions),
// every input against every input validator (exit 42 = valid), every answer file
// against the output validator (as if it were a team's output), and every example
// submission judged and compared with what it is expected to get, at a time limit
// the package gives or that is derived from its accepted submissions.
// Contract: verify() never throws; the report says what is wrong and where.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "languages/languages.h"

namespace engine {

struct SubmissionCheck {
  std::string path;      // relative to the package
  std::string expected;  // "AC", "WA", "AC (partial score)", "any of WA, TLE", ...
  std::string verdict;
  double score = 0, max_score = 0, max_cpu_s = 0;
  bool ok = false;
  std::string reason;    // why it is not ok
};

struct VerifyReport {
  std::string problem;
  std::string format;  // the format version the package was read as: legacy, 2023-07-draft, 2025-09
  double time_limit = 0;
  std::string time_limit_source;
  std::vector<SubmissionCheck> submissions;
  std::vector<std::string> errors, warnings;
  bool ok() const;
};

// `progress` (optional) hears one line per step, for a terminal.
VerifyReport verify(const std::string& package_dir, const LanguageTable& languages, const std::string& box_binary,
                    const std::function<void(const std::string&)>& progress = {});

std::string to_json(const VerifyReport& r);

}  // namespace engine
