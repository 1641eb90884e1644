#include "scoring_rules.h"

#include <algorithm>
#include <cmath>

#include "test_data.h"

namespace package {
namespace {

using graders::Aggregation;

int line_of(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

std::string number_text(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

struct Checker {
  const ProblemConfig& config;
  std::vector<Diagnostic>* out;

  void error(const TestGroup& g, int line, const std::string& message) {
    out->push_back({true, g.settings_file.empty() ? "data/" + g.name : g.settings_file, line, message});
  }

  // Keys only `secret` and its groups of a scoring problem may have.
  void forbid_keys(const TestGroup& g, const std::string& why) {
    const ScoringKeys& k = g.scoring_keys;
    if (k.max_score_line) error(g, k.max_score_line, "max_score: " + why);
    if (k.aggregation_line) error(g, k.aggregation_line, "score_aggregation: " + why);
    if (k.require_pass_line) error(g, k.require_pass_line, "require_pass: " + why);
  }

  graders::ScoringRules rules_of(const TestGroup& g, bool is_secret) {
    const ScoringKeys& k = g.scoring_keys;
    graders::ScoringRules r;
    r.aggregation = k.aggregation.value_or(is_secret ? Aggregation::Sum : Aggregation::PassFail);
    if (k.unbounded) r.max_score.reset();
    else if (k.max_score) r.max_score = k.max_score;
    else if (!is_secret) r.max_score.reset();  // groups default to unbounded
    r.require_pass = k.require_pass;
    if (r.aggregation == Aggregation::PassFail && !r.max_score)
      error(g, k.max_score_line ? k.max_score_line : k.aggregation_line,
            "max_score: a pass-fail group needs a bounded max_score" +
                std::string(k.max_score_line ? "" : " (groups are unbounded unless they say otherwise)"));
    return r;
  }

  void check_require_pass(const TestGroup& g, const TestGroup* sample, const TestGroup& secret, bool is_secret) {
    for (const std::string& name : g.scoring.require_pass) {
      int line = g.scoring_keys.require_pass_line;
      if (name == "sample") {
        if (!sample) error(g, line, "require_pass: names sample, but the package has no data/sample");
        continue;
      }
      if (is_secret) {
        error(g, line, "require_pass: secret may only require sample, not '" + name + "'");
        continue;
      }
      auto it = std::find_if(secret.groups.begin(), secret.groups.end(),
                             [&](const TestGroup& x) { return x.name == name; });
      if (it == secret.groups.end()) {
        error(g, line, "require_pass: '" + name + "' is not a test data group (expected sample or secret/<group>)");
      } else if (!(name < g.name)) {
        error(g, line, "require_pass: '" + name + "' must come before " + g.name + " in name order");
      } else if (it->scoring.aggregation != Aggregation::PassFail) {
        error(g, line, "require_pass: '" + name + "' must have pass-fail aggregation (it has " +
                           graders::aggregation_name(it->scoring.aggregation) + ")");
      }
    }
  }

  void check_scoring(TestGroup* secret, const TestGroup* sample) {
    secret->scoring = rules_of(*secret, true);
    const graders::ScoringRules& top = secret->scoring;
    double sum_of_maxima = 0;
    bool all_bounded = true;
    for (TestGroup& g : secret->groups) {
      g.scoring = rules_of(g, false);
      const ScoringKeys& k = g.scoring_keys;
      if (top.aggregation == Aggregation::PassFail && g.scoring.aggregation != Aggregation::PassFail)
        error(g, k.aggregation_line, "score_aggregation: must be pass-fail, as secret's is");
      if (top.max_score && !g.scoring.max_score && g.scoring.aggregation != Aggregation::PassFail)
        error(g, k.max_score_line,
              "max_score: this group is unbounded" + std::string(k.unbounded ? "" : " (the default for groups)") +
                  ", but secret's max_score is " + number_text(*top.max_score) + ": give it a max_score");
      if (g.scoring.max_score) sum_of_maxima += *g.scoring.max_score;
      else all_bounded = false;
    }
    for (TestGroup& g : secret->groups) check_require_pass(g, sample, *secret, false);
    check_require_pass(*secret, sample, *secret, true);
    if (!secret->groups.empty() && top.aggregation == Aggregation::Sum && top.max_score && all_bounded) {
      std::string sum = "the groups' max_score values add up to " + number_text(sum_of_maxima) + ", secret's is " +
                        number_text(*top.max_score);
      if (sum_of_maxima > *top.max_score + 1e-9)
        error(*secret, secret->scoring_keys.max_score_line, sum + ": full marks would be a judge error");
      else if (sum_of_maxima < *top.max_score - 1e-9)
        out->push_back({false, secret->settings_file.empty() ? "data/secret" : secret->settings_file,
                        secret->scoring_keys.max_score_line, sum + ": no submission can reach full marks"});
    }
  }

  // Only directories directly under data/secret are groups, and secret holds cases
  // or groups, not both.
  void check_shape(const TestGroup& secret) {
    if (!secret.cases.empty() && !secret.groups.empty())
      out->push_back({true, "data/secret", 0,
                      "holds both test cases (" + secret.cases[0].name + ".in) and test data groups (" +
                          secret.groups[0].name + "/): 2025-09 allows one or the other"});
    for (const TestGroup& g : secret.groups) check_no_nested_settings(g);
  }
  void check_no_nested_settings(const TestGroup& group) {
    for (const TestGroup& d : group.groups) {
      if (!d.settings_file.empty())
        out->push_back({true, d.settings_file, 0,
                        "test data groups do not nest: only directories directly under data/secret are groups"});
      check_no_nested_settings(d);
    }
  }

  void check_static_validation(const TestGroup& g) {
    if (g.scoring_keys.static_validation_line)
      error(g, g.scoring_keys.static_validation_line,
            "static_validation_score: static validators are not supported, so this package cannot be judged");
    for (const TestGroup& sub : g.groups) check_static_validation(sub);
  }
};

}  // namespace

bool read_scoring_key(const std::string& key, const YAML::Node& v, const std::string& file, ScoringKeys* k,
                      std::vector<Diagnostic>* out) {
  int line = line_of(v);
  auto fail = [&](const std::string& what) { out->push_back({true, file, line, key + ": " + what}); };
  if (key == "max_score") {
    k->max_score_line = line;
    double x;
    if (v.IsScalar() && v.Scalar() == "unbounded") k->unbounded = true;
    else if (v.IsScalar() && YAML::convert<double>::decode(v, x) && x >= 0 && std::floor(x) == x) k->max_score = x;
    else fail("expected a non-negative integer or 'unbounded'");
  } else if (key == "score_aggregation" || key == "aggregation") {  // the latter: the 2023-07 draft's scoring map
    k->aggregation_line = line;
    std::string t = v.IsScalar() ? v.Scalar() : "";
    if (t == "pass-fail") k->aggregation = Aggregation::PassFail;
    else if (t == "sum") k->aggregation = Aggregation::Sum;
    else if (t == "min") k->aggregation = Aggregation::Min;
    else fail("expected pass-fail, sum or min");
  } else if (key == "require_pass" || key == "require-pass") {
    k->require_pass_line = line;
    if (v.IsScalar()) {
      k->require_pass.push_back(v.Scalar());
    } else if (v.IsSequence()) {
      for (const YAML::Node& n : v) {
        if (n.IsScalar()) k->require_pass.push_back(n.Scalar());
        else fail("expected group names");
      }
    } else {
      fail("expected a group name or a list of them");
    }
  } else if (key == "static_validation_score") {
    k->static_validation_line = line;
  } else if (key == "scoring") {  // 2023-07 draft: scoring: {score, aggregation, require-pass}
    if (!v.IsMap()) {
      fail("expected a map (score, aggregation, require-pass)");
      return true;
    }
    for (const auto& kv : v) {
      std::string sub = kv.first.Scalar();
      if (!read_scoring_key(sub == "score" ? "max_score" : sub, kv.second, file, k, out))
        out->push_back({false, file, line_of(kv.second), "scoring: unknown key '" + sub + "'"});
    }
  } else {
    return false;
  }
  return true;
}

void resolve_scoring(TestGroup* root, const ProblemConfig& config, std::vector<Diagnostic>* diagnostics) {
  Checker c{config, diagnostics};
  TestGroup *secret = nullptr, *sample = nullptr;
  for (TestGroup& g : root->groups) {
    if (g.name == "secret") secret = &g;
    if (g.name == "sample") sample = &g;
  }
  c.forbid_keys(*root, "not a key of data/ (only of data/secret and its groups)");
  if (sample) c.forbid_keys(*sample, "not permitted in sample");
  c.check_static_validation(*root);
  if (!secret) return;
  c.check_shape(*secret);
  if (!config.scoring) {
    c.forbid_keys(*secret, "only for scoring problems (problem.yaml type: scoring)");
    for (const TestGroup& g : secret->groups) c.forbid_keys(g, "only for scoring problems (problem.yaml type: scoring)");
    return;
  }
  c.check_scoring(secret, sample);
}

}  // namespace package
