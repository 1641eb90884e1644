#include "legacy_grading.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "default_validator.h"  // split_flags

namespace graders {
namespace {

bool parse_bound(const std::string& word, double* out) {
  if (word == "inf" || word == "+inf") return *out = std::numeric_limits<double>::infinity(), true;
  if (word == "-inf") return *out = -std::numeric_limits<double>::infinity(), true;
  char* end;
  *out = std::strtod(word.c_str(), &end);
  return !word.empty() && *end == 0 && std::isfinite(*out);
}

std::string format_score(double s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

GroupSettings inherit(const GroupSettings& parent, const TestdataSettings& own) {
  GroupSettings s = parent;
  if (own.on_reject_break) s.on_reject_break = *own.on_reject_break;
  if (own.custom_grading) s.custom_grading = *own.custom_grading;
  if (own.grader_flags) s.grader_flags = *own.grader_flags;
  if (own.input_validator_flags) s.input_validator_flags = *own.input_validator_flags;
  if (own.output_validator_flags) s.output_validator_flags = *own.output_validator_flags;
  if (own.submission_args) s.submission_args = *own.submission_args;
  if (own.accept_score) s.accept_score = *own.accept_score;
  if (own.reject_score) s.reject_score = *own.reject_score;
  if (own.range) {
    s.range_low = own.range->first;
    s.range_high = own.range->second;
  }
  return s;
}

std::string parse_range(std::string_view text, std::pair<double, double>* out) {
  std::vector<std::string> words = split_flags(text);
  double low, high;
  if (words.size() != 2 || !parse_bound(words[0], &low) || !parse_bound(words[1], &high))
    return "range '" + std::string(text) + "': expected two numbers A B (inf, -inf, +inf allowed)";
  if (low > high) return "range '" + std::string(text) + "': A must not be above B";
  *out = {low, high};
  return "";
}

std::string parse_grader_flags(std::string_view text, GraderFlags* out) {
  GraderFlags f;
  using V = GraderFlags::VerdictMode;
  using S = GraderFlags::ScoreMode;
  for (const std::string& w : split_flags(text)) {
    if (w == "worst_error") f.verdict_mode = V::WorstError;
    else if (w == "first_error") f.verdict_mode = V::FirstError;
    else if (w == "always_accept") f.verdict_mode = V::AlwaysAccept;
    else if (w == "sum") f.score_mode = S::Sum;
    else if (w == "avg") f.score_mode = S::Avg;
    else if (w == "min") f.score_mode = S::Min;
    else if (w == "max") f.score_mode = S::Max;
    else if (w == "ignore_sample") f.ignore_sample = true;
    else if (w == "accept_if_any_accepted") f.accept_if_any_accepted = true;
    else
      return "unknown grader flag '" + w +
             "' (expected worst_error, first_error, always_accept, sum, avg, min, max, ignore_sample, "
             "accept_if_any_accepted)";
  }
  *out = f;
  return "";
}

Result default_grader(const std::vector<Result>& all, const GraderFlags& flags) {
  // ignore_sample: the root's first sub-result is the sample group, the second secret.
  std::vector<Result> subs = all;
  if (flags.ignore_sample && subs.size() >= 2) subs.erase(subs.begin());
  Result r;
  if (subs.empty()) return r;
  using V = GraderFlags::VerdictMode;
  bool any_accepted = false;
  for (const Result& s : subs) any_accepted |= s.verdict == Verdict::AC;
  if (flags.verdict_mode == V::AlwaysAccept || (flags.accept_if_any_accepted && any_accepted)) {
    r.verdict = Verdict::AC;
  } else if (flags.verdict_mode == V::FirstError) {
    for (const Result& s : subs)
      if (s.verdict != Verdict::AC) {
        r.verdict = s.verdict;
        break;
      }
  } else {
    for (const Result& s : subs)
      if (worst_error_rank(s.verdict) < worst_error_rank(r.verdict)) r.verdict = s.verdict;
  }
  using S = GraderFlags::ScoreMode;
  double sum = 0, lo = subs[0].score, hi = subs[0].score;
  for (const Result& s : subs) {
    sum += s.score;
    lo = std::min(lo, s.score);
    hi = std::max(hi, s.score);
  }
  switch (flags.score_mode) {
    case S::Sum: r.score = sum; break;
    case S::Avg: r.score = sum / static_cast<double>(subs.size()); break;
    case S::Min: r.score = lo; break;
    case S::Max: r.score = hi; break;
  }
  return r;
}

GroupResult grade_group(const GroupSettings& settings, size_t child_count,
                        const std::function<ChildResult(size_t)>& child,
                        const std::function<std::optional<Result>(const std::vector<Result>&, std::string*)>& custom) {
  GroupResult g;
  std::vector<Result> subs;
  for (size_t i = 0; i < child_count; ++i) {
    ChildResult c = child(i);
    ++g.children_judged;
    double score = c.score ? *c.score : (c.verdict == Verdict::AC ? settings.accept_score : settings.reject_score);
    subs.push_back({c.verdict, score});
    if (c.verdict != Verdict::AC && settings.on_reject_break) break;
  }
  for (const Result& s : subs)
    if (s.verdict == Verdict::JE) {
      g.result = s;
      g.error = "a judge error in this group";
      return g;
    }
  if (settings.custom_grading) {
    if (!custom) {
      g.result.verdict = Verdict::JE;
      g.error = "grading: custom, but the problem has no grader";
      return g;
    }
    std::optional<Result> r = custom(subs, &g.error);
    if (!r) {
      g.result.verdict = Verdict::JE;
      return g;
    }
    g.result = *r;
  } else {
    GraderFlags flags;
    if (std::string e = parse_grader_flags(settings.grader_flags, &flags); !e.empty()) {
      g.result.verdict = Verdict::JE;
      g.error = e;
      return g;
    }
    g.result = default_grader(subs, flags);
  }
  if (g.result.score < settings.range_low || g.result.score > settings.range_high) {
    g.error = "score " + format_score(g.result.score) + " is outside the group's range [" +
              format_score(settings.range_low) + ", " + format_score(settings.range_high) + "]";
    g.result.verdict = Verdict::JE;
  }
  return g;
}

std::string grader_input(const std::vector<Result>& subs) {
  std::string out;
  for (const Result& s : subs) out += std::string(verdict_name(s.verdict)) + " " + format_score(s.score) + "\n";
  return out;
}

std::string parse_grader_output(std::string_view text, Result* out) {
  std::vector<std::string> words = split_flags(text);
  char* end = nullptr;
  double score = words.size() == 2 ? std::strtod(words[1].c_str(), &end) : 0;
  std::optional<Verdict> v = words.size() == 2 ? parse_verdict(words[0]) : std::nullopt;
  if (!v || *end != 0 || !std::isfinite(score) || *v == Verdict::IF || *v == Verdict::PE || *v == Verdict::CE)
    return "grader output '" + std::string(text.substr(0, 80)) +
           "': expected one line 'VERDICT score' (AC, WA, TLE, RTE, MLE, OLE or JE)";
  *out = {*v, score};
  return "";
}

}  // namespace graders
