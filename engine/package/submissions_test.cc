#include "submissions.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "temp_tree.h"

namespace fs = std::filesystem;
using namespace package;
using graders::Verdict;

namespace {

struct Package : TempTree {
  Package& file(const std::string& rel, const std::string& text = "print(1)\n") {
    write(rel, text);
    return *this;
  }
};

const Submission* find(const std::vector<Submission>& subs, const std::string& path) {
  for (const Submission& s : subs)
    if (s.path == path) return &s;
  return nullptr;
}

bool has(const std::vector<Diagnostic>& d, const std::string& part) {
  for (const Diagnostic& x : d)
    if (x.to_string().find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("legacy: verdict directories, directory submissions, annotated sources elsewhere") {
  Package p;
  p.file("submissions/accepted/a.py").file("submissions/wrong_answer/b.cpp", "int main(){}\n");
  p.file("submissions/partially_accepted/c.py").file("submissions/time_limit_exceeded/d.py");
  p.file("submissions/run_time_error/e/main.py").file("submissions/run_time_error/e/util.py");
  p.file("submissions/other/f.py", "# @EXPECTED_RESULTS@: WRONG-ANSWER, TIMELIMIT\n");
  p.file("submissions/other/g.py");
  std::vector<Diagnostic> d;
  ProblemConfig c;
  std::vector<Submission> subs = find_submissions(p.root.string(), c, &d);
  REQUIRE(find(subs, "submissions/accepted/a.py"));
  CHECK(find(subs, "submissions/accepted/a.py")->expected.final_verdict == Verdict::AC);
  CHECK(find(subs, "submissions/wrong_answer/b.cpp")->expected.final_verdict == Verdict::WA);
  CHECK(find(subs, "submissions/partially_accepted/c.py")->expected.below_full_score);
  REQUIRE(find(subs, "submissions/run_time_error/e"));
  CHECK(find(subs, "submissions/run_time_error/e")->is_directory);
  const Submission* f = find(subs, "submissions/other/f.py");
  REQUIRE(f);
  CHECK(f->expected.final_any_of == std::set<Verdict>{Verdict::WA, Verdict::TLE});
  CHECK(!find(subs, "submissions/other/g.py"));
  CHECK(has(d, "submissions/other: warning: not a verdict directory"));
  CHECK(subs.size() == 6);
}

TEST_CASE("a package without an accepted submission is an error") {
  Package p;
  p.file("submissions/wrong_answer/b.py");
  std::vector<Diagnostic> d;
  find_submissions(p.root.string(), ProblemConfig{}, &d);
  CHECK(has(d, "at least one accepted submission is required"));
}

TEST_CASE("annotations") {
  Expected e;
  std::string error;
  CHECK(parse_annotations("// @EXPECTED_RESULTS@: CORRECT, TIMELIMIT\nint main(){}", &e, &error));
  CHECK(error.empty());
  CHECK(e.final_any_of == std::set<Verdict>{Verdict::AC, Verdict::TLE});
  Expected s;
  CHECK(parse_annotations("# @EXPECTED_SCORE@: 42\n", &s, &error));
  REQUIRE(s.score);
  CHECK(s.score->first == 42);
  Expected bad;
  CHECK(parse_annotations("# @EXPECTED_RESULTS@: SLOW\n", &bad, &error));
  CHECK(error.find("unknown result 'SLOW'") != std::string::npos);
  Expected prose;  // DOMjudge's own examples mention the tag before using it
  std::string prose_error;
  CHECK(parse_annotations("// how to use the @EXPECTED_RESULTS@: tag.\n// @EXPECTED_RESULTS@: CORRECT\n", &prose,
                          &prose_error));
  CHECK(prose_error.empty());
  CHECK(prose.final_any_of == std::set<Verdict>{Verdict::AC});
  CHECK(expects_accepted(prose));
  Expected alias;  // @EXPECTED_SCORE@ with results means results
  CHECK(parse_annotations("# @EXPECTED_SCORE@: CORRECT\n", &alias, &error));
  CHECK(alias.final_any_of == std::set<Verdict>{Verdict::AC});
  Expected none;
  CHECK(!parse_annotations("print(1)\n", &none, &error));
}

TEST_CASE("check_expectation: legacy final verdicts and scores") {
  Expected wa;
  wa.final_verdict = Verdict::WA;
  CHECK(check_expectation(wa, {Verdict::WA, 0, 0, {}}) == "");
  CHECK(check_expectation(wa, {Verdict::TLE, 0, 0, {}}) == "expected WA, got TLE");
  Expected ac;
  ac.final_verdict = Verdict::AC;
  CHECK(check_expectation(ac, {Verdict::AC, 100, 100, {}}) == "");
  CHECK(check_expectation(ac, {Verdict::AC, 60, 100, {}}).find("expected the full score") == 0);
  Expected partial = ac;
  partial.below_full_score = true;
  CHECK(check_expectation(partial, {Verdict::AC, 60, 100, {}}) == "");
  CHECK(check_expectation(partial, {Verdict::AC, 100, 100, {}}) == "expected a partial score, got the full score");
  Expected any;
  any.final_any_of = {Verdict::WA, Verdict::TLE};
  CHECK(check_expectation(any, {Verdict::TLE, 0, 0, {}}) == "");
  CHECK(check_expectation(any, {Verdict::RTE, 0, 0, {}}) == "expected one of WA, TLE, got RTE");
}

TEST_CASE("check_expectation: 2025-09 permitted and required per test case") {
  Expected tle;
  tle.permitted = {Verdict::AC, Verdict::TLE};
  tle.required = {Verdict::TLE};
  CHECK(check_expectation(tle, {Verdict::TLE, 0, 0, {Verdict::AC, Verdict::TLE}}) == "");
  CHECK(check_expectation(tle, {Verdict::AC, 0, 0, {Verdict::AC, Verdict::AC}}) == "no test case got one of TLE");
  CHECK(check_expectation(tle, {Verdict::WA, 0, 0, {Verdict::AC, Verdict::WA}}) ==
        "a test case got WA, which is not among AC, TLE");
}

TEST_CASE("2025-09: directory defaults, overridden by submissions.yaml") {
  Package p;
  p.file("submissions/accepted/a.py").file("submissions/accepted/slow.py").file("submissions/brute_force/b.py");
  p.file("submissions/submissions.yaml", "accepted/slow.py:\n  permitted: [AC, TLE]\n  score: [50, 100]\nnothing/*:\n  permitted: [AC]\n");
  ProblemConfig c;
  c.version = FormatVersion::V2025_09;
  std::vector<Diagnostic> d;
  std::vector<Submission> subs = find_submissions(p.root.string(), c, &d);
  CHECK(find(subs, "submissions/accepted/a.py")->expected.permitted == std::set<Verdict>{Verdict::AC});
  CHECK(find(subs, "submissions/brute_force/b.py")->expected.required == std::set<Verdict>{Verdict::RTE, Verdict::TLE});
  const Submission* slow = find(subs, "submissions/accepted/slow.py");
  CHECK(slow->expected.permitted == std::set<Verdict>{Verdict::AC, Verdict::TLE});
  REQUIRE(slow->expected.score);
  CHECK(slow->expected.score->first == 50);
  CHECK(has(d, "submissions/submissions.yaml:4: warning: pattern 'nothing/*' matches no submission"));
}

TEST_CASE("2025-09: a pattern matches a submission or a directory it is in; bad scores and unchecked keys are named") {
  Package p;
  p.file("submissions/accepted/a.py").file("submissions/accepted/dir/main.py").file("submissions/wrong_answer/w.py");
  p.file("submissions/submissions.yaml",
         "accepted:\n  score: 100\n"
         "wrong_answer/*.py:\n  score: [0, 10]\n  secret/group1:\n    permitted: [AC]\n  colour: red\n"
         "wrong_answer/w.py:\n  score: lots\n"
         "accepted/dir:\n  required: [AC]\n");
  ProblemConfig c;
  c.version = FormatVersion::V2025_09;
  std::vector<Diagnostic> d;
  std::vector<Submission> subs = find_submissions(p.root.string(), c, &d);
  for (const char* path : {"submissions/accepted/a.py", "submissions/accepted/dir"}) {
    const Submission* s = find(subs, path);
    REQUIRE(s);
    REQUIRE(s->expected.score);
    CHECK(s->expected.score->first == 100);
  }
  CHECK(find(subs, "submissions/accepted/dir")->expected.required == std::set<Verdict>{Verdict::AC});
  CHECK(find(subs, "submissions/wrong_answer/w.py")->expected.score->second == 10);  // the bad score changes nothing
  CHECK(has(d, "submissions/submissions.yaml:5: warning: wrong_answer/*.py: requirements on the test cases of 'secret/group1' are not checked"));
  CHECK(has(d, "submissions/submissions.yaml:7: warning: wrong_answer/*.py: unknown key 'colour'"));
  CHECK(has(d, "submissions/submissions.yaml:9: wrong_answer/w.py: score: expected a number or a list [low, high]"));
  CHECK_FALSE(has(d, "matches no submission"));
}
