// Scoring and verdict aggregation of legacy packages: testdata.yaml settings with
// per-key inheritance, the default grader (worst_error / first_error / always_accept,
// sum / avg / min / max, ignore_sample, accept_if_any_accepted), on_reject, default
// case scores and the custom-grader line protocol.
//
// Contract: pure. grade_group() asks for its children's results one at a time, in
// lexicographic order, and stops asking after the first rejection when on_reject is
// break, so the judge runs exactly the test cases the reference tools run.
#pragma once

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verdict.h"

namespace graders {

// One testdata.yaml's keys; unset keys come from the nearest ancestor that sets them.
struct TestdataSettings {
  std::optional<bool> on_reject_break;     // "break" (default) / "continue"
  std::optional<bool> custom_grading;      // grading: default / custom
  std::optional<std::string> grader_flags, input_validator_flags, output_validator_flags;
  std::optional<std::string> submission_args;  // 2025-09 `args`: the submission's command line
  std::optional<double> accept_score, reject_score;
  std::optional<std::pair<double, double>> range;
};

// Effective settings of a group: all keys resolved.
struct GroupSettings {
  bool on_reject_break = true;
  bool custom_grading = false;
  std::string grader_flags, input_validator_flags, output_validator_flags;
  std::string submission_args;
  double accept_score = 1, reject_score = 0;
  double range_low = -std::numeric_limits<double>::infinity();
  double range_high = std::numeric_limits<double>::infinity();
};

// The settings of a group whose own file is `own` (empty if it has none) under a
// parent whose effective settings are `parent` (defaults for data/ itself).
GroupSettings inherit(const GroupSettings& parent, const TestdataSettings& own);

// "range" as written ("0 100", "-inf +inf"); "" or an error.
std::string parse_range(std::string_view text, std::pair<double, double>* out);

struct GraderFlags {
  enum class VerdictMode { WorstError, FirstError, AlwaysAccept } verdict_mode = VerdictMode::WorstError;
  enum class ScoreMode { Sum, Avg, Min, Max } score_mode = ScoreMode::Sum;
  bool ignore_sample = false;
  bool accept_if_any_accepted = false;
};
// Later flags win over earlier conflicting ones. Unknown flags are an error.
std::string parse_grader_flags(std::string_view text, GraderFlags* out);

struct Result {
  Verdict verdict = Verdict::AC;
  double score = 0;
};

// The default grader applied to sub-results in order. No sub-results: AC, 0.
Result default_grader(const std::vector<Result>& subs, const GraderFlags& flags);

// A child as the judge reports it: a test case may come without a score (no
// score.txt), then the group's accept_score / reject_score applies.
struct ChildResult {
  Verdict verdict = Verdict::AC;
  std::optional<double> score;
};

struct GroupResult {
  Result result;
  size_t children_judged = 0;  // how many children were asked for
  std::string error;           // why the result is JE, if the grading itself failed
};

// Grades one group: asks child(0), child(1), ... (stopping after a rejection when
// on_reject is break), fills default scores, lets a JE child make the group JE,
// applies the default grader (or `custom`, the problem's grader, when grading is
// custom), and checks the score against the range.
GroupResult grade_group(const GroupSettings& settings, size_t child_count,
                        const std::function<ChildResult(size_t)>& child,
                        const std::function<std::optional<Result>(const std::vector<Result>&, std::string*)>& custom = {});

// Custom graders read "VERDICT score" lines and print one such line.
std::string grader_input(const std::vector<Result>& subs);
std::string parse_grader_output(std::string_view text, Result* out);

}  // namespace graders
