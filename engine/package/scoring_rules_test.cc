// The 2025-09 scoring keys of test_group.yaml and the rules tying groups together,
// through load_test_data on packages built in a scratch directory.
#include "scoring_rules.h"

#include <doctest/doctest.h>

#include "temp_tree.h"
#include "test_data.h"

using namespace package;
using graders::Aggregation;

namespace {

struct Package : TempTree {
  Package() : TempTree("scoring") {}
  Package& file(const std::string& rel, const std::string& text) {
    write(rel, text);
    return *this;
  }
  Package& test_case(const std::string& rel) {
    write(rel + ".in", "1\n");
    write(rel + ".ans", "1\n");
    return *this;
  }
  TestGroup load(std::vector<Diagnostic>* d, bool scoring = true) const {
    ProblemConfig c;
    c.version = FormatVersion::V2025_09;
    c.scoring = scoring;
    return load_test_data(root.string(), c, d);
  }
};

std::string all(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const Diagnostic& x : d) s += x.to_string() + "\n";
  return s;
}

bool has(const std::vector<Diagnostic>& d, const std::string& part, bool error = true) {
  for (const Diagnostic& x : d)
    if (x.error == error && x.to_string().find(part) != std::string::npos) return true;
  return false;
}

const TestGroup& secret_of(const TestGroup& root) {
  for (const TestGroup& g : root.groups)
    if (g.name == "secret") return g;
  FAIL("no secret");
  return root;
}

}  // namespace

TEST_CASE("2025-09 scoring keys: defaults, given values, the 2023-07 draft's scoring map") {
  Package p;
  p.test_case("data/sample/1").test_case("data/secret/easy/1").test_case("data/secret/easy/2");
  p.test_case("data/secret/hard/1").test_case("data/secret/hard/deeper/2");
  p.file("data/secret/easy/test_group.yaml", "max_score: 40\n");
  p.file("data/secret/hard/test_group.yaml", "max_score: 60\nscore_aggregation: sum\nrequire_pass: [sample, secret/easy]\n");
  std::vector<Diagnostic> d;
  TestGroup root = p.load(&d);
  INFO(all(d));
  CHECK(d.empty());
  const TestGroup& secret = secret_of(root);
  CHECK(secret.scoring.aggregation == Aggregation::Sum);
  CHECK(*secret.scoring.max_score == 100);
  REQUIRE(secret.groups.size() == 2);
  CHECK(secret.groups[0].scoring.aggregation == Aggregation::PassFail);
  CHECK(*secret.groups[0].scoring.max_score == 40);
  CHECK(secret.groups[1].scoring.aggregation == Aggregation::Sum);
  CHECK(secret.groups[1].scoring.require_pass == std::vector<std::string>{"sample", "secret/easy"});
  // Plain directories inside a group are not groups: their cases are the group's.
  CHECK(secret.groups[1].cases_in_order().size() == 2);

  std::vector<Diagnostic> e;
  ScoringKeys k;
  YAML::Node draft = YAML::Load("scoring: {score: 25, aggregation: min, require-pass: secret/a}\n");
  CHECK(read_scoring_key("scoring", draft["scoring"], "x.yaml", &k, &e));
  CHECK(e.empty());
  CHECK(*k.max_score == 25);
  CHECK(*k.aggregation == Aggregation::Min);
  CHECK(k.require_pass == std::vector<std::string>{"secret/a"});
  CHECK_FALSE(read_scoring_key("range", YAML::Load("0 100"), "x.yaml", &k, &e));
}

TEST_CASE("2025-09 scoring keys: bad values name the file, the line and what was expected") {
  Package p;
  p.test_case("data/secret/a/1");
  p.file("data/secret/a/test_group.yaml",
         "score_aggregation: average\nmax_score: -3\nrequire_pass: {x: 1}\n");
  p.file("data/secret/test_group.yaml", "max_score: 2.5\n");
  std::vector<Diagnostic> d;
  p.load(&d);
  INFO(all(d));
  CHECK(has(d, "data/secret/a/test_group.yaml:1: score_aggregation: expected pass-fail, sum or min"));
  CHECK(has(d, "data/secret/a/test_group.yaml:2: max_score: expected a non-negative integer or 'unbounded'"));
  CHECK(has(d, "data/secret/a/test_group.yaml:3: require_pass: expected a group name or a list of them"));
  CHECK(has(d, "data/secret/test_group.yaml:1: max_score: expected a non-negative integer"));
}

TEST_CASE("2025-09 scoring rules: every broken rule is an error at its key") {
  Package p;
  p.test_case("data/sample/1").test_case("data/secret/a/1").test_case("data/secret/b/1").test_case("data/secret/c/1");
  p.test_case("data/secret/d/sub/1").test_case("data/secret/e/1");
  p.file("data/sample/test_group.yaml", "max_score: 5\n");
  p.file("data/secret/a/test_group.yaml", "max_score: 10\nscore_aggregation: sum\n");
  p.file("data/secret/b/test_group.yaml", "score_aggregation: pass-fail\n");       // unbounded pass-fail
  p.file("data/secret/c/test_group.yaml", "max_score: 10\nrequire_pass: [secret/a, secret/e, secret/zz]\n");
  p.file("data/secret/d/test_group.yaml", "max_score: 10\nscore_aggregation: min\n");
  p.file("data/secret/d/sub/test_group.yaml", "max_score: 3\n");
  p.file("data/secret/e/test_group.yaml", "max_score: unbounded\nscore_aggregation: sum\nstatic_validation_score: 5\n");
  p.file("data/secret/test_group.yaml", "require_pass: secret/a\n");
  std::vector<Diagnostic> d;
  p.load(&d);
  INFO(all(d));
  CHECK(has(d, "data/sample/test_group.yaml:1: max_score: not permitted in sample"));
  CHECK(has(d, "data/secret/b/test_group.yaml:1: max_score: a pass-fail group needs a bounded max_score"));
  CHECK(has(d, "data/secret/c/test_group.yaml:2: require_pass: 'secret/a' must have pass-fail aggregation (it has sum)"));
  CHECK(has(d, "data/secret/c/test_group.yaml:2: require_pass: 'secret/e' must come before secret/c"));
  CHECK(has(d, "data/secret/c/test_group.yaml:2: require_pass: 'secret/zz' is not a test data group"));
  CHECK(has(d, "data/secret/d/sub/test_group.yaml: test data groups do not nest"));
  CHECK(has(d, "data/secret/e/test_group.yaml:1: max_score: this group is unbounded, but secret's max_score is 100"));
  CHECK(has(d, "data/secret/e/test_group.yaml:3: static_validation_score: static validators are not supported"));
  CHECK(has(d, "data/secret/test_group.yaml:1: require_pass: secret may only require sample"));
}

TEST_CASE("2025-09 scoring rules: secret's shape, pass-fail secret, the groups' maxima against secret's") {
  Package both;
  both.test_case("data/secret/1").test_case("data/secret/g/1");
  both.file("data/secret/g/test_group.yaml", "max_score: 100\n");
  std::vector<Diagnostic> d;
  both.load(&d);
  CHECK(has(d, "data/secret: holds both test cases (secret/1.in) and test data groups (secret/g/)"));

  Package pf;
  pf.test_case("data/secret/a/1").test_case("data/secret/b/1");
  pf.file("data/secret/test_group.yaml", "score_aggregation: pass-fail\n");
  pf.file("data/secret/a/test_group.yaml", "max_score: 50\n");
  pf.file("data/secret/b/test_group.yaml", "max_score: 50\nscore_aggregation: min\n");
  std::vector<Diagnostic> e;
  pf.load(&e);
  INFO(all(e));
  CHECK(has(e, "data/secret/b/test_group.yaml:2: score_aggregation: must be pass-fail, as secret's is"));
  CHECK_FALSE(has(e, "data/secret/a/"));

  Package over;
  over.test_case("data/secret/a/1").test_case("data/secret/b/1");
  over.file("data/secret/a/test_group.yaml", "max_score: 60\n").file("data/secret/b/test_group.yaml", "max_score: 50\n");
  std::vector<Diagnostic> o;
  over.load(&o);
  CHECK(has(o, "data/secret: the groups' max_score values add up to 110, secret's is 100: full marks would be a judge error"));

  Package under;
  under.test_case("data/secret/a/1");
  under.file("data/secret/a/test_group.yaml", "max_score: 60\n");
  std::vector<Diagnostic> u;
  under.load(&u);
  CHECK(has(u, "add up to 60, secret's is 100: no submission can reach full marks", false));
  CHECK_FALSE(has(u, "add up", true));
}

TEST_CASE("2025-09 scoring rules: scoring keys in a pass-fail problem; unbounded secret") {
  Package p;
  p.test_case("data/secret/a/1");
  p.file("data/secret/a/test_group.yaml", "max_score: 10\n");
  std::vector<Diagnostic> d;
  p.load(&d, /*scoring=*/false);
  CHECK(has(d, "data/secret/a/test_group.yaml:1: max_score: only for scoring problems"));

  Package unbounded;
  unbounded.test_case("data/secret/a/1").test_case("data/secret/b/1");
  unbounded.file("data/secret/test_group.yaml", "max_score: unbounded\n");
  unbounded.file("data/secret/a/test_group.yaml", "score_aggregation: sum\n");
  unbounded.file("data/secret/b/test_group.yaml", "score_aggregation: min\nmax_score: 7\n");
  std::vector<Diagnostic> e;
  TestGroup root = unbounded.load(&e);
  INFO(all(e));
  CHECK(e.empty());
  CHECK_FALSE(secret_of(root).scoring.max_score.has_value());
  CHECK_FALSE(secret_of(root).groups[0].scoring.max_score.has_value());
}
