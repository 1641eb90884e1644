#include "rank/shortlist_files.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "intake/csv.h"
#include "rank/ranking.h"
#include "rank/similarity_evidence.h"
#include "review/calibration.h"
#include "util/sha256.h"

namespace rank {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// Six decimals: enough for any score, and the text cannot differ by a last-bit wobble.
double rounded(double v) { return std::isfinite(v) ? std::round(v * 1e6) / 1e6 : 0; }

void key_string(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void key_number(Writer& w, const char* key, double value) {
  w.Key(key);
  w.Double(rounded(value));
}

void key_int(Writer& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}

// The inputs' hashes: equal hashes, equal inputs (so equal files).
std::string hash_applicants(const std::vector<store::Applicant>& as) {
  util::Sha256 h;
  for (const store::Applicant& a : as) {
    for (const std::string* f : {&a.id, &a.name, &a.email, &a.affiliation}) h.add_field(*f);
    for (const auto& [k, v] : a.extra) {
      h.add_field(k);
      h.add_field(v);
    }
    h.add_field("|");
  }
  return h.hex();
}

std::string hash_reviews(const std::vector<store::Reviewer>& rs, const std::vector<store::StoredReview>& reviews) {
  util::Sha256 h;
  for (const store::Reviewer& r : rs)
    for (const std::string* f : {&r.id, &r.name, &r.email, &r.affiliation}) h.add_field(*f);
  for (const store::StoredReview& r : reviews) {
    h.add_field(r.applicant_id);
    h.add_field(r.reviewer_id);
    for (const auto& [k, v] : r.scores) {
      h.add_field(k);
      h.add_field(fixed(v, 9));
    }
    h.add_field(r.comment);
  }
  return h.hex();
}

std::string hash_quiz(const std::vector<store::QuizResult>& quiz) {
  util::Sha256 h;
  for (const store::QuizResult& q : quiz) {
    for (const std::string* f : {&q.applicant_id, &q.problem_id, &q.submitted_at, &q.language, &q.verdict})
      h.add_field(*f);
    for (int v : {q.attempt, q.generation, q.tests, q.tests_passed, q.hidden, q.hidden_passed}) h.add_field(std::to_string(v));
    h.add_field(fixed(q.score, 9));
    h.add_field(fixed(q.max_score, 9));
  }
  return h.hex();
}

}  // namespace

double rubric_total(const std::vector<campaign::Criterion>& criteria, const std::map<std::string, double>& scores) {
  double sum = 0, weights = 0;
  for (const campaign::Criterion& c : criteria) {
    auto it = scores.find(c.name);
    if (it == scores.end()) continue;
    sum += c.weight * (it->second - c.min) / (c.max - c.min);
    weights += c.weight;
  }
  return weights > 0 ? 10 * sum / weights : 0;
}

ShortlistFiles build_shortlist(const ShortlistInputs& in) {
  const campaign::Campaign& c = *in.campaign;
  ShortlistFiles out;
  std::map<std::string, int> applicant_at, reviewer_at;
  for (size_t i = 0; i < in.applicants.size(); ++i) applicant_at[in.applicants[i].id] = static_cast<int>(i);
  for (size_t j = 0; j < in.reviewers.size(); ++j) reviewer_at[in.reviewers[j].id] = static_cast<int>(j);

  // Reviews -> rubric totals -> calibration.
  std::vector<review::Review> totals;
  std::vector<const store::StoredReview*> stored;
  for (const store::StoredReview& r : in.reviews) {
    auto a = applicant_at.find(r.applicant_id);
    auto v = reviewer_at.find(r.reviewer_id);
    if (a == applicant_at.end() || v == reviewer_at.end()) continue;  // the store's keys make this impossible
    totals.push_back({a->second, v->second, rubric_total(c.review.criteria, r.scores)});
    stored.push_back(&r);
  }
  review::CalibrationOptions copt;
  copt.ridge = c.review.ridge;
  review::Calibration cal = review::calibrate(static_cast<int>(in.applicants.size()),
                                              static_cast<int>(in.reviewers.size()), totals, copt);
  out.components = cal.components;
  if (cal.components > 1)
    out.warnings.push_back(std::to_string(cal.components) +
                           " separate groups of reviewers and applicants: offsets are comparable only inside one "
                           "(assign so that reviewers share applicants: `shortlist assign`)");
  for (const std::string& p : in.incomplete_problems)
    out.warnings.push_back("problem " + p + " has no complete judging yet: it counts 0 for everyone (run `shortlist grade`)");

  // Disagreements: a criterion whose scores for one applicant lie too far apart.
  std::vector<std::vector<std::string>> flags(in.applicants.size());
  {
    std::map<std::pair<int, std::string>, std::pair<double, double>> range;
    for (size_t t = 0; t < totals.size(); ++t)
      for (const auto& [criterion, value] : stored[t]->scores) {
        auto [it, fresh] = range.emplace(std::pair{totals[t].applicant, criterion}, std::pair{value, value});
        it->second.first = std::min(it->second.first, value);
        it->second.second = std::max(it->second.second, value);
      }
    for (const auto& [key, lo_hi] : range)
      if (lo_hi.second - lo_hi.first > c.review.disagreement)
        flags[key.first].push_back("disagreement:" + key.second);
  }

  // Similar solutions: a flag per problem, never a score.
  SimilarityEvidence similar = similarity_evidence(in.similarity);
  out.warnings.insert(out.warnings.end(), similar.warnings.begin(), similar.warnings.end());
  for (size_t i = 0; i < in.applicants.size(); ++i) {
    auto f = similar.flags.find(in.applicants[i].id);
    if (f != similar.flags.end()) flags[i].insert(flags[i].end(), f->second.begin(), f->second.end());
  }

  // Quiz: per applicant and problem, the attempts; the campaign's problem order.
  std::map<std::pair<std::string, std::string>, std::vector<Attempt>> attempts;
  std::map<std::string, double> problem_max;
  for (const store::QuizResult& q : in.quiz) {
    Attempt a;
    a.attempt = q.attempt;
    a.submitted_at = q.submitted_at;
    a.verdict = q.verdict;
    a.language = q.language;
    a.score = q.score;
    a.max_score = q.max_score;
    a.tests = q.tests;
    a.tests_passed = q.tests_passed;
    a.hidden = q.hidden;
    a.hidden_passed = q.hidden_passed;
    attempts[{q.applicant_id, q.problem_id}].push_back(a);
    problem_max[q.problem_id] = std::max(problem_max[q.problem_id], q.max_score);
  }
  std::vector<Candidate> candidates(in.applicants.size());
  for (size_t i = 0; i < in.applicants.size(); ++i) {
    Candidate& cd = candidates[i];
    cd.id = in.applicants[i].id;
    for (const campaign::ProblemRef& p : c.problems) {
      auto it = attempts.find({cd.id, p.id});
      cd.problems.push_back(pick_attempt(p.id, it == attempts.end() ? std::vector<Attempt>{} : it->second,
                                         c.score_from == campaign::ScoreFrom::Best));
      cd.problem_max.push_back(problem_max.count(p.id) ? problem_max[p.id] : 0);
    }
    cd.review_count = cal.review_count[i];
    cd.review_calibrated = cal.calibrated[i];
    cd.review_se = std::isfinite(cal.quality_se[i]) ? cal.quality_se[i] : 0;
    cd.flags = flags[i];
  }

  RankOptions ro;
  ro.quiz_weight = c.ranking.quiz_weight;
  ro.review_weight = c.ranking.review_weight;
  ro.k = in.k > 0 ? in.k : c.ranking.shortlist_size;
  ro.min_quiz = c.ranking.min_quiz;
  ro.seed = c.ranking.tie_break_seed;
  ro.resamples = c.ranking.resamples;
  ro.certain = c.ranking.certain;
  Ranking ranking = rank_candidates(candidates, ro);
  out.k = ro.k;
  out.applicants = static_cast<int>(in.applicants.size());

  // Reviews per applicant, for the details.
  std::vector<std::vector<size_t>> reviews_of(in.applicants.size());
  for (size_t t = 0; t < totals.size(); ++t) reviews_of[totals[t].applicant].push_back(t);

  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.SetIndent(' ', 1);
  w.StartObject();
  key_string(w, "format", "shortlist-ranking/1");
  w.Key("campaign");
  w.StartObject();
  key_string(w, "name", c.name);
  key_string(w, "campaign_yaml_sha256", util::sha256_hex(in.campaign_text));
  w.EndObject();
  w.Key("inputs");
  w.StartObject();
  key_string(w, "applicants_sha256", hash_applicants(in.applicants));
  key_string(w, "reviews_sha256", hash_reviews(in.reviewers, in.reviews));
  key_string(w, "judgings_sha256", hash_quiz(in.quiz));
  key_string(w, "similarity_sha256", hash_similarity(in.similarity));
  w.EndObject();
  w.Key("settings");
  w.StartObject();
  key_int(w, "k", ro.k);
  w.Key("weights");
  w.StartObject();
  key_number(w, "quiz", ro.quiz_weight);
  key_number(w, "review", ro.review_weight);
  w.EndObject();
  key_int(w, "resamples", ro.resamples);
  key_int(w, "seed", static_cast<int64_t>(ro.seed));
  key_number(w, "certain", ro.certain);
  key_number(w, "min_quiz", ro.min_quiz);
  key_string(w, "score_from", c.score_from == campaign::ScoreFrom::Best ? "best" : "last");
  key_number(w, "ridge", c.review.ridge);
  key_number(w, "disagreement", c.review.disagreement);
  w.Key("revealed");
  w.Bool(in.reveal);
  w.EndObject();
  w.Key("problems");
  w.StartArray();
  for (const campaign::ProblemRef& p : c.problems) {
    w.StartObject();
    key_string(w, "id", p.id);
    key_number(w, "max_score", problem_max.count(p.id) ? problem_max[p.id] : 0);
    w.Key("complete");
    w.Bool(std::find(in.incomplete_problems.begin(), in.incomplete_problems.end(), p.id) == in.incomplete_problems.end());
    w.EndObject();
  }
  w.EndArray();
  w.Key("criteria");
  w.StartArray();
  for (const campaign::Criterion& k : c.review.criteria) {
    w.StartObject();
    key_string(w, "name", k.name);
    key_number(w, "min", k.min);
    key_number(w, "max", k.max);
    key_number(w, "weight", k.weight);
    key_string(w, "description", k.description);
    w.EndObject();
  }
  w.EndArray();
  w.Key("reviewers");
  w.StartArray();
  std::vector<double> raw_sum(in.reviewers.size(), 0);
  for (const review::Review& t : totals) raw_sum[static_cast<size_t>(t.reviewer)] += t.score;
  for (size_t j = 0; j < in.reviewers.size(); ++j) {
    w.StartObject();
    key_string(w, "id", in.reviewers[j].id);
    key_number(w, "offset", cal.offset[j]);
    // The plain view beside the fitted one: a harsh reviewer's raw mean sits low.
    if (cal.reviewer_reviews[j] > 0) key_number(w, "raw_mean", raw_sum[j] / cal.reviewer_reviews[j]);
    key_int(w, "reviews", cal.reviewer_reviews[j]);
    key_int(w, "component", cal.reviewer_component[j]);
    w.EndObject();
  }
  w.EndArray();
  key_int(w, "components", cal.components);
  key_number(w, "residual_sd", cal.residual_sd);
  w.Key("cut");
  w.StartObject();
  key_int(w, "k", ro.k);
  key_number(w, "total_at_cut", ranking.total_at_cut);
  w.EndObject();
  w.Key("warnings");
  w.StartArray();
  for (const std::string& s : out.warnings) w.String(s.c_str());
  w.EndArray();
  write_similarity(w, in.similarity);

  std::string csv = "rank,applicant_id,total,quiz,review,probability,band,flags\n";
  w.Key("applicants");
  w.StartArray();
  for (const Ranked& r : ranking.order) {
    const size_t i = static_cast<size_t>(r.candidate);
    const store::Applicant& a = in.applicants[i];
    const Candidate& cd = candidates[i];
    out.certain_in += r.band == "certain-in";
    out.borderline += r.band == "borderline";
    out.certain_out += r.band == "certain-out";
    out.gated += r.band == "gated";
    w.StartObject();
    key_int(w, "rank", r.rank);
    key_string(w, "id", a.id);
    if (in.reveal || !c.review.is_blind("name")) key_string(w, "name", a.name);
    if (in.reveal || !c.review.is_blind("email")) key_string(w, "email", a.email);
    if (in.reveal || !c.review.is_blind("affiliation")) key_string(w, "affiliation", a.affiliation);
    key_number(w, "total", r.total);
    w.Key("quiz");
    w.StartObject();
    key_number(w, "score", r.quiz_fraction);
    key_number(w, "normal", r.quiz_normal);
    w.Key("problems");
    w.StartArray();
    for (size_t p = 0; p < cd.problems.size(); ++p) {
      const ProblemResult& pr = cd.problems[p];
      w.StartObject();
      key_string(w, "id", pr.problem);
      key_number(w, "score", pr.submitted ? pr.counted.score : 0);
      key_number(w, "max_score", cd.problem_max[p]);
      key_string(w, "verdict", pr.submitted ? pr.counted.verdict : "-");
      key_int(w, "tests_passed", pr.counted.tests_passed);
      key_int(w, "tests", pr.counted.tests);
      key_int(w, "hidden_passed", pr.counted.hidden_passed);
      key_int(w, "submissions", pr.submissions);
      if (pr.submitted) {
        key_int(w, "attempt", pr.counted.attempt);
        key_string(w, "language", pr.counted.language);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.Key("review");
    w.StartObject();
    key_int(w, "count", cal.review_count[i]);
    if (cal.review_count[i] > 0) {
      key_number(w, "raw_mean", cal.plain_mean[i]);
      key_number(w, "calibrated", cal.calibrated[i]);
      key_number(w, "standardized", r.review_z);
      key_number(w, "se", cal.quality_se[i]);
      key_number(w, "zscore_mean", cal.zscore_mean[i]);
    }
    w.Key("reviews");
    w.StartArray();
    for (size_t t : reviews_of[i]) {
      w.StartObject();
      key_string(w, "reviewer", in.reviewers[static_cast<size_t>(totals[t].reviewer)].id);
      w.Key("scores");
      w.StartObject();
      for (const auto& [k, v] : stored[t]->scores) key_number(w, k.c_str(), v);
      w.EndObject();
      key_number(w, "raw", totals[t].score);
      key_number(w, "calibrated", review::calibrated_review(cal, totals[t]));
      key_string(w, "comment", stored[t]->comment);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    key_number(w, "probability", r.probability);
    key_string(w, "band", r.band);
    w.Key("flags");
    w.StartArray();
    for (const std::string& f : r.flags) w.String(f.c_str());
    w.EndArray();
    auto entries = similar.by_applicant.find(a.id);
    w.Key("similarity");
    w.StartArray();
    if (entries != similar.by_applicant.end())
      for (const SimilarEntry& e : entries->second) {
        w.StartObject();
        key_string(w, "problem", e.problem);
        key_string(w, "with", e.with);
        w.Key("score");
        w.Double(std::round(e.score * 1e4) / 1e4);
        key_int(w, "longest", e.longest);
        key_int(w, "pair", e.pair);
        w.EndObject();
      }
    w.EndArray();
    w.Key("why");
    w.StartArray();
    for (const std::string& s : r.why) w.String(s.c_str());
    if (entries != similar.by_applicant.end())
      for (const SimilarEntry& e : entries->second) w.String(similarity_reason(e).c_str());
    for (const std::string& f : r.flags)
      if (f.rfind("disagreement:", 0) == 0) {
        std::string why = "reviewers differ by more than " + fixed(c.review.disagreement, 1) + " points on " +
                          f.substr(13) + ": ask for one more review";
        w.String(why.c_str());
      }
    w.EndArray();
    w.EndObject();

    std::string joined;
    for (const std::string& f : r.flags) joined += (joined.empty() ? "" : ";") + f;
    csv += std::to_string(r.rank) + "," + intake::csv_quote(a.id) + "," + fixed(r.total, 4) + "," +
           fixed(100 * r.quiz_fraction, 2) + "," + (cal.review_count[i] > 0 ? fixed(cal.calibrated[i], 3) : "") + "," +
           fixed(r.probability, 3) + "," + r.band + "," + intake::csv_quote(joined) + "\n";
  }
  w.EndArray();
  w.EndObject();
  out.ranking_json = std::string(buf.GetString()) + "\n";
  out.shortlist_csv = csv;
  return out;
}

}  // namespace rank
