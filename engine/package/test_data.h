// The test data of a package: data/sample and data/secret as a tree of groups and
// test cases, in the order the reference tools judge them (names in byte order,
// cases and subgroups interleaved, sample before secret), with each group's
// testdata.yaml / test_group.yaml settings resolved (every key inherited from the
// nearest ancestor that sets it).
//
// Contract: load_test_data() reads the directory tree and the settings files; every
// problem becomes a Diagnostic naming the file (and line for YAML). Symlinked cases
// are resolved and must stay inside the package. Names starting with '.' are
// ignored, as the format requires. Nothing is judged here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "legacy_grading.h"
#include "package/scoring_rules.h"
#include "problem_config.h"
#include "score_aggregation.h"

namespace package {

struct TestCase {
  std::string name;          // relative to data/, without extension: "secret/g1/01"
  std::string input, answer;  // absolute paths, links resolved
  // 2025-09 <case>.yaml: arguments that replace the group's (space-separated).
  std::optional<std::string> args, input_validator_args, output_validator_args;
  bool has_own_args() const { return args || input_validator_args || output_validator_args; }
};

struct TestGroup {
  std::string name;  // "" for data/ itself, then "sample", "secret", "secret/g1", ...
  graders::TestdataSettings own;   // the keys this group's own file sets
  graders::GroupSettings settings;  // effective, inherited
  std::string settings_file;        // "data/secret/g1/test_group.yaml", or "" if it has none
  ScoringKeys scoring_keys;         // 2025-09 keys its own file sets
  graders::ScoringRules scoring;    // 2025-09 scoring problems: effective (secret and its groups)
  std::vector<TestCase> cases;
  std::vector<TestGroup> groups;
  // Judging order: (is_group, index into groups or cases).
  std::vector<std::pair<bool, size_t>> order;
  size_t case_count() const;  // this group and below
  // Every case of this group and below, in judging order (a 2025-09 group's cases).
  std::vector<const TestCase*> cases_in_order() const;
};

TestGroup load_test_data(const std::string& package_dir, const ProblemConfig& config,
                         std::vector<Diagnostic>* diagnostics);

// Parses one testdata.yaml / test_group.yaml (text) into the keys it sets; the
// 2025-09 scoring keys go to *scoring_keys.
graders::TestdataSettings parse_group_settings(const std::string& text, const std::string& file, bool scoring,
                                               ScoringKeys* scoring_keys, std::vector<Diagnostic>* diagnostics);

// The format's rule for file and directory names.
bool valid_package_name(const std::string& name);

}  // namespace package
