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

#include <string>
#include <vector>

#include "legacy_grading.h"
#include "problem_config.h"

namespace package {

struct TestCase {
  std::string name;          // relative to data/, without extension: "secret/g1/01"
  std::string input, answer;  // absolute paths, links resolved
};

struct TestGroup {
  std::string name;  // "" for data/ itself, then "sample", "secret", "secret/g1", ...
  graders::TestdataSettings own;   // the keys this group's own file sets
  graders::GroupSettings settings;  // effective, inherited
  std::vector<TestCase> cases;
  std::vector<TestGroup> groups;
  // Judging order: (is_group, index into groups or cases).
  std::vector<std::pair<bool, size_t>> order;
  size_t case_count() const;  // this group and below
};

TestGroup load_test_data(const std::string& package_dir, const ProblemConfig& config,
                         std::vector<Diagnostic>* diagnostics);

// Parses one testdata.yaml / test_group.yaml (text) into the keys it sets.
graders::TestdataSettings parse_group_settings(const std::string& text, const std::string& file, bool scoring,
                                               std::vector<Diagnostic>* diagnostics);

// The format's rule for file and directory names.
bool valid_package_name(const std::string& name);

}  // namespace package
