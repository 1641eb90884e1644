#include "score_aggregation.h"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace graders {
namespace {

// Sums of equal shares (100/3 three times) land a hair above the maximum.
bool exceeds(double score, double max) { return score > max + 1e-9 * std::max(1.0, std::fabs(max)); }

std::string number_text(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

// One decimal number as the format writes floats (sign, digits, '.', exponent), with
// surrounding whitespace allowed; no inf, nan or hex, which strtod would take.
std::optional<double> parse_number(const std::string& text) {
  size_t b = text.find_first_not_of(" \t\r\n"), e = text.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  std::string t = text.substr(b, e - b + 1);
  size_t i = 0;
  if (t[i] == '+' || t[i] == '-') ++i;
  size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != t.size()) return std::nullopt;
  double x = std::strtod(t.c_str(), nullptr);
  if (!std::isfinite(x)) return std::nullopt;
  return x;
}

Scored judge_error(std::string why) { return {Verdict::JE, 0, std::move(why)}; }

}  // namespace

const char* aggregation_name(Aggregation a) {
  switch (a) {
    case Aggregation::PassFail: return "pass-fail";
    case Aggregation::Sum: return "sum";
    case Aggregation::Min: return "min";
  }
  return "?";
}

CaseLimit case_limit(const ScoringRules& group, size_t case_count) {
  CaseLimit l;
  if (group.aggregation == Aggregation::PassFail) return l;
  l.scored = true;
  if (group.max_score && group.aggregation == Aggregation::Sum)
    l.max = case_count == 0 ? 0 : *group.max_score / static_cast<double>(case_count);
  else
    l.max = group.max_score;
  return l;
}

Scored score_case(Verdict verdict, const ScoreFiles& files, const CaseLimit& limit) {
  if (files.score && files.multiplier)
    return judge_error("the output validator wrote both score.txt and score_multiplier.txt");
  const char* file = files.score ? "score.txt" : "score_multiplier.txt";
  bool any_file = files.score || files.multiplier;
  if (verdict != Verdict::AC) {
    if (any_file) return judge_error(std::string("the output validator wrote ") + file + " on a rejected case");
    return {verdict, 0, ""};
  }
  if (!limit.scored) {
    if (any_file) return judge_error(std::string("the output validator wrote ") + file + " in a pass-fail group");
    return {Verdict::AC, 0, ""};
  }
  if (!any_file) {
    if (!limit.max) return judge_error("the case's maximum score is unbounded, but the output validator wrote no score.txt");
    return {Verdict::AC, *limit.max, ""};
  }
  std::optional<double> x = parse_number(files.score ? *files.score : *files.multiplier);
  if (!x || *x < 0)
    return judge_error(std::string(file) + " must hold one non-negative number, not '" +
                       (files.score ? *files.score : *files.multiplier).substr(0, 40) + "'");
  if (files.multiplier) {
    if (!limit.max) return judge_error("score_multiplier.txt where the case's maximum score is unbounded");
    if (*x > 1) return judge_error("score_multiplier.txt is " + number_text(*x) + ", above 1");
    return {Verdict::AC, *x * *limit.max, ""};
  }
  if (limit.max && exceeds(*x, *limit.max))
    return judge_error("score.txt is " + number_text(*x) + ", above the case's maximum " + number_text(*limit.max));
  return {Verdict::AC, *x, ""};
}

Scored aggregate(const ScoringRules& group, const std::vector<Scored>& children, const std::string& group_name) {
  Scored r;
  for (const Scored& c : children) {
    if (c.verdict == Verdict::JE) return c;
    if (r.verdict == Verdict::AC && c.verdict != Verdict::AC) r.verdict = c.verdict;
  }
  switch (group.aggregation) {
    case Aggregation::PassFail:
      r.score = r.verdict == Verdict::AC ? group.max_score.value_or(0) : 0;
      break;
    case Aggregation::Sum:
      for (const Scored& c : children) r.score += c.score;
      break;
    case Aggregation::Min:
      for (size_t i = 0; i < children.size(); ++i) r.score = i == 0 ? children[i].score : std::min(r.score, children[i].score);
      break;
  }
  if (group.max_score && exceeds(r.score, *group.max_score))
    return judge_error((group_name.empty() ? "" : group_name + ": ") + "score " + number_text(r.score) +
                       " is above max_score " + number_text(*group.max_score));
  if (group.max_score) r.score = std::min(r.score, *group.max_score);  // only the rounding hair
  return r;
}

bool decided(const ScoringRules& group, const std::vector<Scored>& children_so_far) {
  for (const Scored& c : children_so_far) {
    if (c.verdict == Verdict::JE) return true;
    if (c.verdict != Verdict::AC && group.aggregation != Aggregation::Sum) return true;
  }
  return false;
}

}  // namespace graders
