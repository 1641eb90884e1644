#include "score_aggregation.h"

#include <doctest/doctest.h>

using namespace graders;

namespace {

ScoringRules rules(Aggregation a, std::optional<double> max) {
  ScoringRules r;
  r.aggregation = a;
  r.max_score = max;
  return r;
}

ScoreFiles score_txt(const char* text) { return {std::string(text), std::nullopt}; }
ScoreFiles multiplier_txt(const char* text) { return {std::nullopt, std::string(text)}; }

Scored S(Verdict v, double score) { return {v, score, ""}; }

}  // namespace

TEST_CASE("2025-09 scoring: a case's maximum is the group's (min), a share of it (sum), none (pass-fail)") {
  CaseLimit sum = case_limit(rules(Aggregation::Sum, 30), 4);
  CHECK(sum.scored);
  CHECK(*sum.max == doctest::Approx(7.5));
  CaseLimit min = case_limit(rules(Aggregation::Min, 30), 4);
  CHECK(*min.max == 30);
  CHECK_FALSE(case_limit(rules(Aggregation::PassFail, 30), 4).scored);
  CaseLimit unbounded = case_limit(rules(Aggregation::Sum, std::nullopt), 4);
  CHECK(unbounded.scored);
  CHECK_FALSE(unbounded.max.has_value());
}

TEST_CASE("2025-09 scoring: case scores from score.txt, score_multiplier.txt or neither") {
  CaseLimit limit{true, 10.0};
  CHECK(score_case(Verdict::AC, {}, limit).score == 10);                        // neither: the maximum
  CHECK(score_case(Verdict::AC, score_txt("7.5\n"), limit).score == 7.5);       // score.txt: the number
  CHECK(score_case(Verdict::AC, multiplier_txt("0.25"), limit).score == 2.5);   // multiplier x maximum
  CHECK(score_case(Verdict::AC, multiplier_txt("1e0"), limit).score == 10);
  Scored failed = score_case(Verdict::TLE, {}, limit);
  CHECK(failed.verdict == Verdict::TLE);
  CHECK(failed.score == 0);
  CHECK(score_case(Verdict::AC, score_txt("123.5"), CaseLimit{true, std::nullopt}).score == 123.5);  // unbounded
  CHECK(score_case(Verdict::AC, {}, CaseLimit{false, std::nullopt}).verdict == Verdict::AC);         // pass-fail
}

TEST_CASE("2025-09 scoring: every misuse of the score files is a judge error, with the reason") {
  CaseLimit limit{true, 10.0};
  struct Row {
    Verdict verdict;
    ScoreFiles files;
    CaseLimit limit;
    const char* reason;
  };
  const Row rows[] = {
      {Verdict::AC, {std::string("1"), std::string("0.5")}, limit, "both"},
      {Verdict::WA, score_txt("1"), limit, "rejected case"},
      {Verdict::TLE, multiplier_txt("0.5"), limit, "rejected case"},
      {Verdict::AC, score_txt("1"), CaseLimit{false, std::nullopt}, "pass-fail group"},
      {Verdict::AC, multiplier_txt("1"), CaseLimit{false, std::nullopt}, "pass-fail group"},
      {Verdict::AC, {}, CaseLimit{true, std::nullopt}, "wrote no score.txt"},
      {Verdict::AC, multiplier_txt("0.5"), CaseLimit{true, std::nullopt}, "unbounded"},
      {Verdict::AC, score_txt("10.5"), limit, "above the case's maximum"},
      {Verdict::AC, multiplier_txt("1.01"), limit, "above 1"},
      {Verdict::AC, score_txt("-1"), limit, "non-negative"},
      {Verdict::AC, score_txt(""), limit, "one non-negative number"},
      {Verdict::AC, score_txt("3 4"), limit, "one non-negative number"},
      {Verdict::AC, score_txt("nan"), limit, "one non-negative number"},
      {Verdict::AC, score_txt("inf"), limit, "one non-negative number"},
      {Verdict::AC, score_txt("0x10"), limit, "one non-negative number"},
      {Verdict::AC, score_txt("5points"), limit, "one non-negative number"},
      {Verdict::AC, multiplier_txt("."), limit, "one non-negative number"},
      {Verdict::AC, multiplier_txt("1e"), limit, "one non-negative number"},
  };
  for (const Row& row : rows) {
    Scored s = score_case(row.verdict, row.files, row.limit);
    CAPTURE(row.reason);
    CHECK(s.verdict == Verdict::JE);
    CHECK(s.score == 0);
    CHECK(s.error.find(row.reason) != std::string::npos);
  }
  // Numbers the format allows.
  for (const char* ok : {"10", "+3", "3.", ".5", "2.5e0", "0.0", "  4\n"})
    CHECK(score_case(Verdict::AC, score_txt(ok), limit).verdict == Verdict::AC);
}

TEST_CASE("2025-09 scoring: pass-fail, sum and min groups") {
  std::vector<Scored> all_ac = {S(Verdict::AC, 5), S(Verdict::AC, 2.5), S(Verdict::AC, 7)};
  std::vector<Scored> one_wa = {S(Verdict::AC, 5), S(Verdict::WA, 0), S(Verdict::AC, 7)};
  CHECK(aggregate(rules(Aggregation::PassFail, 20), all_ac).score == 20);
  CHECK(aggregate(rules(Aggregation::PassFail, 20), one_wa).score == 0);
  CHECK(aggregate(rules(Aggregation::PassFail, 20), one_wa).verdict == Verdict::WA);
  CHECK(aggregate(rules(Aggregation::Sum, 30), all_ac).score == 14.5);
  CHECK(aggregate(rules(Aggregation::Sum, 30), one_wa).score == 12);
  CHECK(aggregate(rules(Aggregation::Sum, 30), one_wa).verdict == Verdict::WA);
  CHECK(aggregate(rules(Aggregation::Min, 30), all_ac).score == 2.5);
  CHECK(aggregate(rules(Aggregation::Min, 30), one_wa).score == 0);
  CHECK(aggregate(rules(Aggregation::Sum, std::nullopt), all_ac).score == 14.5);  // unbounded
  // The first rejection is the verdict; a judge error anywhere wins.
  CHECK(aggregate(rules(Aggregation::Sum, 30), {S(Verdict::AC, 1), S(Verdict::TLE, 0), S(Verdict::WA, 0)}).verdict ==
        Verdict::TLE);
  Scored je = aggregate(rules(Aggregation::Sum, 30), {S(Verdict::WA, 0), {Verdict::JE, 0, "validator crashed"}});
  CHECK(je.verdict == Verdict::JE);
  CHECK(je.error == "validator crashed");
}

TEST_CASE("2025-09 scoring: equal shares add up to the maximum; a score above it is a judge error") {
  ScoringRules secret = rules(Aggregation::Sum, 100);
  CaseLimit third = case_limit(secret, 3);
  std::vector<Scored> cases;
  for (int i = 0; i < 3; ++i) cases.push_back(score_case(Verdict::AC, {}, third));
  Scored full = aggregate(secret, cases);
  CHECK(full.verdict == Verdict::AC);
  CHECK(full.score == 100);
  // Groups whose maxima add up to more than secret's: caught when it happens.
  Scored over = aggregate(secret, {S(Verdict::AC, 60), S(Verdict::AC, 50)}, "secret");
  CHECK(over.verdict == Verdict::JE);
  CHECK(over.error == "secret: score 110 is above max_score 100");
}

TEST_CASE("2025-09 scoring: a pass-fail or min group is decided at its first rejection, a sum group never") {
  std::vector<Scored> so_far = {S(Verdict::AC, 1), S(Verdict::WA, 0)};
  CHECK(decided(rules(Aggregation::PassFail, 10), so_far));
  CHECK(decided(rules(Aggregation::Min, 10), so_far));
  CHECK_FALSE(decided(rules(Aggregation::Sum, 10), so_far));
  CHECK_FALSE(decided(rules(Aggregation::PassFail, 10), {S(Verdict::AC, 0)}));
  CHECK(decided(rules(Aggregation::Sum, 10), {{Verdict::JE, 0, "x"}}));
}
