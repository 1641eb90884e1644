#include "judge.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "judge/boxed_program.h"
#include "judge/judging.h"

namespace engine {

std::string include_dir(const std::string& package_dir, const Language& lang) {
  // The format's language codes: one "cpp" for every C++ standard.
  std::string code = lang.id.rfind("cpp", 0) == 0 ? "cpp" : lang.id;
  for (const std::string& d : {package_dir + "/include/" + code, package_dir + "/include/default"}) {
    struct stat st;
    if (stat(d.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return d;
  }
  return "";
}

std::string output_validator_dir(const std::string& package_dir) {
  for (const char* d : {"/output_validators", "/output_validator"}) {
    struct stat st;
    if (stat((package_dir + d).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    if (std::string(d) == "/output_validator") return package_dir + d;  // 2025-09: the dir is the program
    std::vector<std::string> entries = sorted_visible(package_dir + d);
    if (!entries.empty()) return package_dir + d + "/" + entries[0];  // legacy: the first (as problemtools)
  }
  return "";
}

graders::ScoreFiles read_score_files(const std::string& feedback_dir) {
  graders::ScoreFiles f;
  std::string score = feedback_dir + "/score.txt", multiplier = feedback_dir + "/score_multiplier.txt";
  if (access(score.c_str(), F_OK) == 0) f.score = read_file(score, 4096);
  if (access(multiplier.c_str(), F_OK) == 0) f.multiplier = read_file(multiplier, 4096);
  return f;
}

// Emptied, not re-made: the validator's box has this very directory bound in.
void empty_dir(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) std::filesystem::remove_all(e.path(), ec);
}

namespace {

void set_validator_args(const Problem& p, const std::string& flags, TestArgs* a) {
  a->validator = p.config.output_validator_args;
  for (const std::string& f : graders::split_flags(flags)) a->validator.push_back(f);
  a->flags = {};
  a->flags_error.clear();
  if (!p.config.custom_output_validator) a->flags_error = graders::parse_default_validator_flags(a->validator, &a->flags);
}

}  // namespace

TestArgs test_args(const Problem& p, const graders::GroupSettings& settings) {
  TestArgs a;
  a.submission = graders::split_flags(settings.submission_args);
  set_validator_args(p, settings.output_validator_flags, &a);
  return a;
}

TestArgs for_case(const Problem& p, const TestArgs& group, const package::TestCase& tc) {
  TestArgs a = group;
  if (tc.args) a.submission = graders::split_flags(*tc.args);
  if (tc.output_validator_args) set_validator_args(p, *tc.output_validator_args, &a);
  return a;
}

Problem Problem::load(const std::string& dir) {
  Problem p;
  p.dir = dir;
  std::ifstream in(dir + "/problem.yaml");
  if (!in) {
    p.diagnostics.push_back({true, "problem.yaml", 0, "missing: every package needs one"});
  } else {
    std::stringstream text;
    text << in.rdbuf();
    p.config = package::parse_problem_yaml(text.str(), &p.diagnostics);
  }
  if (p.config.version != package::FormatVersion::Legacy && !output_validator_dir(dir).empty())
    p.config.custom_output_validator = true;  // 2025-09: the directory alone says so
  p.data = package::load_test_data(dir, p.config, &p.diagnostics);
  char real[PATH_MAX];
  p.root = realpath(dir.c_str(), real) ? real : dir;
  return p;
}

bool Problem::has_errors() const {
  for (const package::Diagnostic& d : diagnostics)
    if (d.error) return true;
  return false;
}

double Problem::explicit_time_limit() const {
  if (config.limits.time_limit) return *config.limits.time_limit;
  std::ifstream in(dir + "/.timelimit");
  double t = 0;
  if (in >> t && t > 0) return t;
  return 0;
}

std::string default_cache_dir() {
  const char* env = getenv("SHORTLIST_CACHE");
  return env && *env ? env : "/var/cache/shortlist/compile";
}

JudgeResult judge(const Problem& problem, const std::string& source, const Language& language,
                  const JudgeOptions& options) {
  return Judging(problem, language, options).run(source);
}

}  // namespace engine
