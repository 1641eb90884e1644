// campaign.yaml's `review:` (the rubric and how reviews are handed out) and
// `ranking:` (how quiz and review combine into the shortlist) sections.
#include <cmath>
#include <set>

#include "campaign/campaign.h"
#include "campaign/yaml_scalars.h"

namespace campaign {
namespace {

void parse_criterion(const YAML::Node& c, std::set<std::string>* names, ReviewConfig* out, const NodeError& error) {
  if (!c.IsMap()) {
    error(c, "review.criteria: expected a map {name, scale: [min, max], weight, description}");
    return;
  }
  Criterion k;
  bool ok = true;
  for (const auto& kv : c) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "name") {
      k.name = v.IsScalar() ? v.Scalar() : "";
    } else if (key == "description") {
      k.description = v.IsScalar() ? v.Scalar() : "";
    } else if (key == "scale") {
      if (!v.IsSequence() || v.size() != 2 || !number(v[0], &k.min) || !number(v[1], &k.max) || k.min >= k.max) {
        error(v, "review.criteria.scale: expected [min, max] with min < max, e.g. [1, 5]");
        ok = false;
      }
    } else if (key == "weight") {
      if (!number(v, &k.weight) || k.weight <= 0) {
        error(v, "review.criteria.weight: expected a positive number");
        ok = false;
      }
    } else {
      error(kv.first, "review.criteria: unknown key '" + key + "' (expected name, scale, weight, description)");
      ok = false;
    }
  }
  // A criterion is a CSV column header in the reviews file: keep it a plain word.
  bool plain = !k.name.empty();
  for (char ch : k.name) plain = plain && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-');
  if (!plain) {
    error(c, "review.criteria: name '" + k.name + "' is not a plain word (letters, digits, '_', '-')");
  } else if (k.name == "applicant_id" || k.name == "reviewer_id" || k.name == "comment") {
    error(c, "review.criteria: '" + k.name + "' is a column of the reviews file, not a criterion name");
  } else if (!names->insert(k.name).second) {
    error(c, "review.criteria: '" + k.name + "' is named twice");
  } else if (ok) {
    out->criteria.push_back(k);
  }
}

}  // namespace

void parse_review(const YAML::Node& v, ReviewConfig* out, const NodeError& error) {
  if (!v.IsMap()) {
    error(v, "review: expected a map (criteria, reviewers_per_applicant, blind, disagreement, ridge)");
    return;
  }
  for (const auto& kv : v) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& n = kv.second;
    long long w;
    if (key == "criteria") {
      if (!n.IsSequence() || n.size() == 0) {
        error(n, "review.criteria: expected a non-empty list of criteria");
        continue;
      }
      std::set<std::string> names;
      for (const YAML::Node& c : n) parse_criterion(c, &names, out, error);
    } else if (key == "reviewers_per_applicant") {
      if (whole(n, 1, 20, &w)) out->reviewers_per_applicant = static_cast<int>(w);
      else error(n, "review.reviewers_per_applicant: expected a whole number from 1 to 20");
    } else if (key == "blind") {
      out->blind.clear();
      if (!n.IsSequence()) {
        error(n, "review.blind: expected a list of applicant fields (e.g. [name, email, affiliation])");
        continue;
      }
      for (const YAML::Node& f : n) {
        if (!f.IsScalar() || f.Scalar().empty() || f.Scalar() == "applicant_id")
          error(f, "review.blind: expected an applicant field name other than applicant_id");
        else
          out->blind.push_back(f.Scalar());
      }
    } else if (key == "disagreement") {
      if (!number(n, &out->disagreement) || out->disagreement <= 0)
        error(n, "review.disagreement: expected a positive number of scale points");
    } else if (key == "ridge") {
      if (!number(n, &out->ridge) || out->ridge < 0) error(n, "review.ridge: expected a number >= 0");
    } else {
      error(kv.first, "review: unknown key '" + key +
                          "' (expected criteria, reviewers_per_applicant, blind, disagreement, ridge)");
    }
  }
  if (out->criteria.empty() && !v["criteria"]) error(v, "review.criteria: required (the rubric)");
}

void parse_ranking(const YAML::Node& v, RankingConfig* out, const NodeError& error) {
  if (!v.IsMap()) {
    error(v, "ranking: expected a map (weights, shortlist_size, gates, tie_break_seed, resamples, certain)");
    return;
  }
  for (const auto& kv : v) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& n = kv.second;
    long long w;
    if (key == "weights") {
      if (!n.IsMap()) {
        error(n, "ranking.weights: expected {quiz: W, review: W}");
        continue;
      }
      for (const auto& e : n) {
        double d;
        const std::string which = e.first.Scalar();
        if (which != "quiz" && which != "review") error(e.first, "ranking.weights: unknown key '" + which + "' (quiz, review)");
        else if (!number(e.second, &d) || d < 0) error(e.second, "ranking.weights." + which + ": expected a number >= 0");
        else (which == "quiz" ? out->quiz_weight : out->review_weight) = d;
      }
      if (out->quiz_weight + out->review_weight <= 0) error(n, "ranking.weights: quiz and review cannot both be 0");
    } else if (key == "shortlist_size") {
      if (whole(n, 1, 1000000, &w)) out->shortlist_size = static_cast<int>(w);
      else error(n, "ranking.shortlist_size: expected a whole number >= 1");
    } else if (key == "gates") {
      if (!n.IsMap()) {
        error(n, "ranking.gates: expected a map ({min_quiz: F})");
        continue;
      }
      for (const auto& g : n) {
        if (g.first.Scalar() != "min_quiz") error(g.first, "ranking.gates: unknown gate '" + g.first.Scalar() + "' (min_quiz)");
        else if (!number(g.second, &out->min_quiz) || out->min_quiz < 0 || out->min_quiz > 1)
          error(g.second, "ranking.gates.min_quiz: expected a fraction of the quiz's maximum, from 0 to 1");
      }
    } else if (key == "tie_break_seed") {
      if (whole(n, 0, (1ll << 62), &w)) out->tie_break_seed = static_cast<unsigned long long>(w);
      else error(n, "ranking.tie_break_seed: expected a whole number >= 0");
    } else if (key == "resamples") {
      if (whole(n, 0, 100000, &w)) out->resamples = static_cast<int>(w);
      else error(n, "ranking.resamples: expected a whole number from 0 to 100000");
    } else if (key == "certain") {
      if (!number(n, &out->certain) || out->certain <= 0.5 || out->certain >= 1)
        error(n, "ranking.certain: expected a probability above 0.5 and below 1 (e.g. 0.95)");
    } else {
      error(kv.first, "ranking: unknown key '" + key +
                          "' (expected weights, shortlist_size, gates, tie_break_seed, resamples, certain)");
    }
  }
}

}  // namespace campaign
