#include "legacy_grading.h"

#include <cmath>

#include <doctest/doctest.h>

using namespace graders;

namespace {

Result R(Verdict v, double s) { return {v, s}; }

GraderFlags flags(const char* text) {
  GraderFlags f;
  REQUIRE(parse_grader_flags(text, &f) == "");
  return f;
}

}  // namespace

TEST_CASE("default grader: verdict modes") {
  std::vector<Result> subs = {R(Verdict::AC, 1), R(Verdict::WA, 0), R(Verdict::TLE, 0), R(Verdict::AC, 1)};
  CHECK(default_grader(subs, flags("")).verdict == Verdict::TLE);  // worst_error: TLE before WA
  CHECK(default_grader(subs, flags("first_error")).verdict == Verdict::WA);
  CHECK(default_grader(subs, flags("always_accept")).verdict == Verdict::AC);
  CHECK(default_grader(subs, flags("accept_if_any_accepted")).verdict == Verdict::AC);
  std::vector<Result> none_ac = {R(Verdict::WA, 0), R(Verdict::RTE, 0)};
  CHECK(default_grader(none_ac, flags("accept_if_any_accepted first_error")).verdict == Verdict::WA);
  CHECK(default_grader(none_ac, flags("accept_if_any_accepted")).verdict == Verdict::RTE);
  CHECK(default_grader({R(Verdict::JE, 0), R(Verdict::IF, 0)}, flags("")).verdict == Verdict::JE);
  CHECK(default_grader({R(Verdict::OLE, 0), R(Verdict::MLE, 0)}, flags("")).verdict == Verdict::MLE);
}

TEST_CASE("default grader: score modes, later flags win, empty group") {
  std::vector<Result> subs = {R(Verdict::AC, 10), R(Verdict::AC, 30), R(Verdict::WA, 2)};
  CHECK(default_grader(subs, flags("")).score == 42);
  CHECK(default_grader(subs, flags("avg")).score == 14);
  CHECK(default_grader(subs, flags("min")).score == 2);
  CHECK(default_grader(subs, flags("max")).score == 30);
  CHECK(default_grader(subs, flags("min max sum")).score == 42);
  CHECK(default_grader(subs, flags("first_error worst_error")).verdict == Verdict::WA);
  Result empty = default_grader({}, flags("avg"));
  CHECK(empty.verdict == Verdict::AC);
  CHECK(empty.score == 0);
}

TEST_CASE("default grader: ignore_sample uses the secret sub-result only") {
  std::vector<Result> root = {R(Verdict::WA, 0), R(Verdict::AC, 73)};
  Result r = default_grader(root, flags("ignore_sample"));
  CHECK(r.verdict == Verdict::AC);
  CHECK(r.score == 73);
}

TEST_CASE("grader flags: unknown flag is an error naming it") {
  GraderFlags f;
  CHECK(parse_grader_flags("sum median", &f).find("unknown grader flag 'median'") != std::string::npos);
}

TEST_CASE("testdata.yaml: every key inherited from the nearest ancestor that sets it") {
  GroupSettings data;  // defaults at data/
  TestdataSettings secret_yaml;
  secret_yaml.grader_flags = "first_error accept_if_any_accepted";
  secret_yaml.range = std::pair{0.0, 100.0};
  GroupSettings secret = inherit(data, secret_yaml);
  TestdataSettings group_yaml;
  group_yaml.accept_score = 25;
  group_yaml.grader_flags = "min";
  GroupSettings group = inherit(secret, group_yaml);
  GroupSettings nested = inherit(group, {});  // no file: all from the parent
  CHECK(nested.accept_score == 25);
  CHECK(nested.grader_flags == "min");
  CHECK(nested.range_high == 100);  // from secret, two levels up
  CHECK(nested.reject_score == 0);  // default
  CHECK(nested.on_reject_break);
  CHECK(secret.accept_score == 1);  // a child's keys never flow up
}

TEST_CASE("range parsing") {
  std::pair<double, double> r;
  CHECK(parse_range("0 100", &r) == "");
  CHECK(r == std::pair{0.0, 100.0});
  CHECK(parse_range("-inf +inf", &r) == "");
  CHECK(std::isinf(r.first));
  CHECK(r.first < 0);
  CHECK(parse_range("100", &r).find("expected two numbers") != std::string::npos);
  CHECK(parse_range("5 1", &r).find("must not be above") != std::string::npos);
  CHECK(parse_range("a b", &r) != "");
}

TEST_CASE("grade_group: on_reject break stops asking for children") {
  GroupSettings s;
  std::vector<ChildResult> cases = {{Verdict::AC, {}}, {Verdict::WA, {}}, {Verdict::AC, {}}};
  std::vector<size_t> asked;
  auto child = [&](size_t i) {
    asked.push_back(i);
    return cases[i];
  };
  GroupResult g = grade_group(s, cases.size(), child);
  CHECK(g.result.verdict == Verdict::WA);
  CHECK(g.children_judged == 2);
  CHECK(asked == std::vector<size_t>{0, 1});
  s.on_reject_break = false;
  asked.clear();
  GroupResult all = grade_group(s, cases.size(), child);
  CHECK(all.children_judged == 3);
  CHECK(all.result.score == 2);  // accept_score 1 twice, reject_score 0 once
}

TEST_CASE("grade_group: score.txt wins over accept_score; JE child makes the group JE") {
  GroupSettings s;
  s.accept_score = 5;
  s.on_reject_break = false;
  std::vector<ChildResult> cases = {{Verdict::AC, 2.5}, {Verdict::AC, {}}};
  GroupResult g = grade_group(s, 2, [&](size_t i) { return cases[i]; });
  CHECK(g.result.score == 7.5);
  std::vector<ChildResult> je = {{Verdict::AC, {}}, {Verdict::JE, {}}};
  GroupResult bad = grade_group(s, 2, [&](size_t i) { return je[i]; });
  CHECK(bad.result.verdict == Verdict::JE);
}

TEST_CASE("grade_group: a score outside the range is a judge error") {
  GroupSettings s;
  s.on_reject_break = false;
  s.range_low = 0;
  s.range_high = 1;
  GroupResult g = grade_group(s, 3, [](size_t) { return ChildResult{Verdict::AC, {}}; });
  CHECK(g.result.verdict == Verdict::JE);
  CHECK(g.error.find("outside the group's range [0, 1]") != std::string::npos);
}

TEST_CASE("grade_group: custom grading uses the problem's grader, or fails without one") {
  GroupSettings s;
  s.custom_grading = true;
  auto child = [](size_t) { return ChildResult{Verdict::AC, 3.0}; };
  GroupResult missing = grade_group(s, 1, child);
  CHECK(missing.result.verdict == Verdict::JE);
  CHECK(missing.error.find("no grader") != std::string::npos);
  std::string seen;
  GroupResult custom = grade_group(s, 2, child, [&](const std::vector<Result>& subs, std::string*) {
    seen = grader_input(subs);
    return std::optional<Result>(Result{Verdict::WA, 1.5});
  });
  CHECK(seen == "AC 3\nAC 3\n");
  CHECK(custom.result.verdict == Verdict::WA);
  CHECK(custom.result.score == 1.5);
}

TEST_CASE("custom grader output protocol") {
  Result r;
  CHECK(parse_grader_output("AC 42\n", &r) == "");
  CHECK(r.verdict == Verdict::AC);
  CHECK(r.score == 42);
  CHECK(parse_grader_output("WA -1.5", &r) == "");
  CHECK(r.score == -1.5);
  for (const char* bad : {"", "AC", "AC x", "OK 1", "AC 1 2", "IF 0", "AC nan"}) CHECK_MESSAGE(parse_grader_output(bad, &r) != "", bad);
}
