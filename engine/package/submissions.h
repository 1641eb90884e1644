// The example submissions of a package and what each is expected to get.
//
// legacy: submissions/<verdict dir>/<file or dir>; the final aggregated verdict must
//   be the directory's (accepted AC at full score, partially_accepted AC below it,
//   wrong_answer WA, time_limit_exceeded TLE, run_time_error RTE). A source may carry
//   DOMjudge's `@EXPECTED_RESULTS@: A, B` and `@EXPECTED_SCORE@: x` annotations.
// 2025-09: every test case's verdict must be `permitted`, and some case must get one
//   that is `required`; directory defaults, overridden by submissions/submissions.yaml.
// Contract: find_submissions() reads the tree and sources (for annotations);
// check_expectation() is pure and says why a result does not match.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "problem_config.h"
#include "verdict.h"

namespace package {

struct Expected {
  std::optional<graders::Verdict> final_verdict;  // legacy: the aggregated verdict
  std::set<graders::Verdict> final_any_of;        // annotations: any of these
  bool below_full_score = false;                  // legacy partially_accepted
  std::set<graders::Verdict> permitted, required; // 2025-09, per test case
  std::optional<std::pair<double, double>> score;
  std::string source;  // what said so: "submissions/accepted/", "@EXPECTED_RESULTS@", ...
};

struct Submission {
  std::string path;      // relative to the package: "submissions/accepted/sol.py"
  std::string absolute;
  bool is_directory = false;
  Expected expected;
};

// Expected to be accepted at full score (the submissions a time limit is derived from).
bool expects_accepted(const Expected& e);

std::vector<Submission> find_submissions(const std::string& package_dir, const ProblemConfig& config,
                                         std::vector<Diagnostic>* diagnostics);

// The annotations in a source's text; false if it has none.
bool parse_annotations(const std::string& text, Expected* out, std::string* error);

struct Outcome {
  graders::Verdict final_verdict = graders::Verdict::AC;
  double score = 0, max_score = 0;
  std::vector<graders::Verdict> case_verdicts;  // every judged test case
};

// "" if the outcome is what was expected, else why not.
std::string check_expectation(const Expected& e, const Outcome& o);

}  // namespace package
