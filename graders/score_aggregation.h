// 2025-09 result aggregation of scoring problems: the score of each test case from
// what the output validator left in the feedback directory (score.txt,
// score_multiplier.txt or neither), then of each test data group and of `secret`
// (pass-fail, sum or min), with every judge-error rule of the format: a score above
// its maximum, score files on a rejected case or in a pass-fail group, both files,
// a multiplier where the maximum is unbounded, no score.txt where it is needed,
// contents that are not one non-negative number.
//
// Contract: pure. The judge calls score_case() per test case and aggregate() per
// group (and for `secret` over its groups); which groups run (require_pass) and
// when the rest of a group cannot change its result (decided()) are the caller's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "verdict.h"

namespace graders {

enum class Aggregation { PassFail, Sum, Min };
const char* aggregation_name(Aggregation a);

// A group's scoring keys with the format's defaults filled in: `secret` is sum of
// at most 100, a test data group pass-fail and unbounded.
struct ScoringRules {
  Aggregation aggregation = Aggregation::Sum;
  std::optional<double> max_score = 100.0;  // nullopt: unbounded
  std::vector<std::string> require_pass;    // "sample" or group names ("secret/easy")
};

// What one test case of a group may score.
struct CaseLimit {
  bool scored = false;            // false in pass-fail groups: cases pass or fail only
  std::optional<double> max;      // nullopt: unbounded (score.txt is then required)
};
// min: the group's maximum; sum: an equal share of it; pass-fail: not scored.
CaseLimit case_limit(const ScoringRules& group, size_t case_count);

// The score files of one test case, as the validator left them.
struct ScoreFiles {
  std::optional<std::string> score;       // score.txt
  std::optional<std::string> multiplier;  // score_multiplier.txt
};

struct Scored {
  Verdict verdict = Verdict::AC;
  double score = 0;
  std::string error;  // why the verdict is JE
};

// A case's score: 0 if rejected; else score.txt, or the multiplier times the
// maximum, or the maximum. JE (with the reason) for every misuse of the files.
Scored score_case(Verdict verdict, const ScoreFiles& files, const CaseLimit& limit);

// A group's (or secret's) result from its children in judging order: a JE child
// makes it JE; else the first rejection is its verdict. Score: pass-fail gives the
// maximum if all are accepted, else 0; sum adds; min takes the least. JE if the
// score exceeds the maximum (the error names `group_name`). No children: accepted,
// score 0 (or the pass-fail max).
Scored aggregate(const ScoringRules& group, const std::vector<Scored>& children, const std::string& group_name = "");

// Whether judging more children can still change a group's result: not after a
// rejection in a pass-fail or min group (its score is 0 whatever follows).
bool decided(const ScoringRules& group, const std::vector<Scored>& children_so_far);

}  // namespace graders
