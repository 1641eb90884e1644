// Judging one submission against one problem package: compile it in the box, run
// it on every test case in order (stopping where on_reject says so), check each
// output with the package's output validator, and aggregate groups into a verdict
// and a score: legacy packages by the legacy grading rules, 2025-09 scoring
// packages by the 2025-09 aggregation (max_score, score_aggregation, require_pass).
//
// Contract: judge() never throws; what went wrong on the judge's side is a JE
// verdict with a message. Runs go through a resident shortlist-box (box_client.h).
// Supported so far: single-file submissions, the default output validator and
// custom ones (a file or a directory of C/C++/Python sources, run in a box of
// their own), interactive and multi-pass problems (also both at once).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "default_validator.h"
#include "languages/languages.h"
#include "score_aggregation.h"
#include "package/problem_config.h"
#include "package/test_data.h"
#include "verdict.h"

namespace engine {

struct TestResult {
  std::string name;  // "secret/g1/03"
  graders::Verdict verdict = graders::Verdict::JE;
  double cpu_s = 0;
  long long memory_bytes = 0;
  std::string message;  // the validator's or the box's
};

// The score of one test data group (scoring problems), as judged.
struct GroupScore {
  std::string name;  // "secret", "secret/g1"
  graders::Verdict verdict = graders::Verdict::JE;
  double score = 0;
  std::optional<double> max_score;  // none: unbounded
  std::string note;                 // e.g. why it was not run
};

struct JudgeResult {
  graders::Verdict verdict = graders::Verdict::JE;
  double score = 0, max_score = 0;
  std::vector<TestResult> tests;  // in judging order, only those judged
  std::vector<GroupScore> groups;  // scoring problems: secret and its groups, in judging order
  double max_cpu_s = 0;
  std::string message;  // compiler output for CE, the reason for JE
  int builds = 0, builds_from_cache = 0;  // programs with a compile step (submission, validator, grader)
};

struct Problem {
  std::string dir;
  std::string root;  // dir with links resolved (test case paths are under it)
  package::ProblemConfig config;
  package::TestGroup data;
  std::vector<package::Diagnostic> diagnostics;
  // Loads problem.yaml and the test data; errors end up in diagnostics.
  static Problem load(const std::string& dir);
  bool has_errors() const;
  // limits.time_limit, else a .timelimit file (DOMjudge), else 0.
  double explicit_time_limit() const;
};

struct JudgeOptions {
  std::string box_binary;   // shortlist-box
  double time_limit_s = 1;  // CPU seconds per test case
  const LanguageTable* languages = nullptr;  // for the output validator's language
  std::string cache_dir;                     // compiled programs by hash; "" = none
  // Hears each test case as soon as it is judged (progress on a terminal).
  std::function<void(const TestResult&)> on_test;
};

// The default compile cache: $SHORTLIST_CACHE, else /var/cache/shortlist/compile.
std::string default_cache_dir();

JudgeResult judge(const Problem& problem, const std::string& source, const Language& language,
                  const JudgeOptions& options);

// The package's include/<language>/ (include/default/ in 2025-09), or "".
std::string include_dir(const std::string& package_dir, const Language& lang);

// The package's output validator program (legacy: the first entry of
// output_validators/; 2025-09: output_validator/), or "" if there is none.
std::string output_validator_dir(const std::string& package_dir);

class BoxedProgram;
struct CustomVerdict {
  graders::Verdict verdict = graders::Verdict::JE;
  std::string message;    // judgemessage.txt, or why it is a judge error
  std::string next_pass;  // multi-pass: nextpass.in, moved out of the feedback dir to here
};
// Runs a built output validator on one team output (a host file).
CustomVerdict run_output_validator(BoxedProgram& validator, const Problem& p, const package::TestCase& tc,
                                   const std::string& team_output, const std::vector<std::string>& args,
                                   const std::string& feedback_dir, const std::string& scratch_prefix);

// score.txt and score_multiplier.txt of a feedback dir, if the validator wrote them.
graders::ScoreFiles read_score_files(const std::string& feedback_dir);

// Empties a feedback dir (the caller's choice when: multi-pass keeps it across passes).
void empty_dir(const std::string& dir);

// The command-line arguments of a test case's runs: the submission's (`args`) and
// the output validator's (the package's, then the group's flags) and, for the
// default validator, what they mean. Worked out once per group; a case with its
// own <case>.yaml arguments gets them over its group's.
struct TestArgs {
  std::vector<std::string> submission;
  std::vector<std::string> validator;
  graders::DefaultValidatorFlags flags;
  std::string flags_error;  // default validator only: why the flags are wrong
};
TestArgs test_args(const Problem& p, const graders::GroupSettings& settings);
TestArgs for_case(const Problem& p, const TestArgs& group, const package::TestCase& tc);

}  // namespace engine
