// The 2025-09 scoring keys of test_group.yaml (max_score, score_aggregation,
// require_pass, static_validation_score) and the format's rules on how test data
// groups and those keys fit together.
//
// Contract: read_scoring_key() takes one key of a test_group.yaml as it is read;
// resolve_scoring() then works on the whole loaded tree of a 2025-09 package: it
// fills in every group's effective graders::ScoringRules (secret: sum of 100;
// its groups: pass-fail, unbounded) and reports, with the file and line, every
// rule broken: keys in sample or in a pass-fail problem, groups below groups,
// secret holding both cases and groups, an unbounded pass-fail group, an unbounded
// group under a bounded secret, require_pass naming what is not an earlier
// pass-fail group or `sample`, static validation (not supported). Group maxima that
// add up to more (error) or less (warning) than secret's are reported too.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "problem_config.h"
#include "score_aggregation.h"

namespace package {

struct TestGroup;

// One test_group.yaml's scoring keys as written; a line of 0 means "not set".
struct ScoringKeys {
  std::optional<double> max_score;  // set and bounded
  bool unbounded = false;           // max_score: unbounded
  int max_score_line = 0;
  std::optional<graders::Aggregation> aggregation;
  int aggregation_line = 0;
  std::vector<std::string> require_pass;
  int require_pass_line = 0;
  int static_validation_line = 0;
};

// Reads `key` if it is one of the scoring keys; false if it is not. Errors in the
// value go to *diagnostics (file:line).
bool read_scoring_key(const std::string& key, const YAML::Node& value, const std::string& file,
                      ScoringKeys* keys, std::vector<Diagnostic>* diagnostics);

void resolve_scoring(TestGroup* data_root, const ProblemConfig& config, std::vector<Diagnostic>* diagnostics);

}  // namespace package
