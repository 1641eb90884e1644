#include "rank/similarity_evidence.h"

#include <algorithm>
#include <cmath>

#include "rank/ranking.h"
#include "util/sha256.h"

namespace rank {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void key_string(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void key_int(Writer& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}

void key_score(Writer& w, const char* key, double value) {
  w.Key(key);
  w.Double(std::round(value * 1e4) / 1e4);
}

void lines(Writer& w, const char* key, int first, int last) {
  w.Key(key);
  w.StartArray();
  w.Int(first);
  w.Int(last);
  w.EndArray();
}

bool stale(const store::SimilarityRun& r) { return r.submissions_now != r.submissions; }

int64_t flagged_pairs(const store::SimilarityRun& r) {
  int64_t n = 0;
  for (const store::SimilarPair& p : r.pairs) n += p.flagged;
  return n;
}

}  // namespace

SimilarityEvidence similarity_evidence(const std::vector<store::SimilarityRun>& runs) {
  SimilarityEvidence out;
  int index = 0;
  for (const store::SimilarityRun& r : runs) {
    if (stale(r))
      out.warnings.push_back("similarity of problem " + r.problem_id + " was found among " +
                             std::to_string(r.submissions) + " submissions; it has " +
                             std::to_string(r.submissions_now) + " now (run `shortlist similarity` again)");
    const int64_t flagged = flagged_pairs(r);
    for (const store::SimilarPair& p : r.pairs) {
      if (!p.flagged) continue;
      for (const auto& [me, other] : {std::pair{&p.a, &p.b}, std::pair{&p.b, &p.a}}) {
        out.by_applicant[me->applicant_id].push_back(
            {r.problem_id, other->applicant_id, p.score, p.longest, index, flagged, r.chance_flagged});
        std::vector<std::string>& f = out.flags[me->applicant_id];
        std::string flag = "similar:" + r.problem_id;
        if (f.empty() || f.back() != flag) f.push_back(flag);
      }
      ++index;
    }
  }
  return out;
}

void write_similarity(Writer& w, const std::vector<store::SimilarityRun>& runs) {
  w.Key("similarity");
  w.StartObject();
  w.Key("problems");
  w.StartArray();
  for (const store::SimilarityRun& r : runs) {
    w.StartObject();
    key_string(w, "id", r.problem_id);
    key_score(w, "threshold", r.threshold);
    w.Key("threshold_fixed");
    w.Bool(r.threshold_fixed);
    key_int(w, "k", r.k);
    key_int(w, "w", r.w);
    key_int(w, "submissions", r.submissions);
    key_int(w, "pairs", static_cast<int64_t>(r.pairs.size()));
    key_int(w, "flagged", flagged_pairs(r));
    w.Key("chance_flagged");  // of the flagged, how many alike-by-chance pairs explain; null: too few pairs to tell
    if (r.chance_flagged)
      w.Double(std::round(*r.chance_flagged * 10) / 10);
    else
      w.Null();
    key_int(w, "clusters", r.clusters);
    key_string(w, "starter", r.starter);
    w.Key("stale");
    w.Bool(stale(r));
    w.EndObject();
  }
  w.EndArray();
  w.Key("pairs");
  w.StartArray();
  for (const store::SimilarityRun& r : runs)
    for (const store::SimilarPair& p : r.pairs) {
      if (!p.flagged) continue;
      w.StartObject();
      key_string(w, "problem", r.problem_id);
      key_string(w, "a", p.a.applicant_id);
      key_string(w, "b", p.b.applicant_id);
      key_int(w, "attempt_a", p.a.attempt);
      key_int(w, "attempt_b", p.b.attempt);
      key_string(w, "language_a", p.a.language);
      key_string(w, "language_b", p.b.language);
      key_score(w, "score", p.score);
      key_score(w, "jaccard", p.jaccard);
      key_int(w, "longest", p.longest);
      key_int(w, "cluster", p.cluster);
      w.Key("matches");
      w.StartArray();
      for (const store::LineMatch& m : p.matches) {
        w.StartObject();
        key_int(w, "tokens", m.tokens);
        lines(w, "a_lines", m.a_first, m.a_last);
        lines(w, "b_lines", m.b_first, m.b_last);
        w.EndObject();
      }
      w.EndArray();
      key_string(w, "source_a", p.a.source);
      key_string(w, "source_b", p.b.source);
      w.EndObject();
    }
  w.EndArray();
  w.EndObject();
}

std::string hash_similarity(const std::vector<store::SimilarityRun>& runs) {
  util::Sha256 h;
  for (const store::SimilarityRun& r : runs) {
    h.add_field(r.problem_id);
    h.add_field(fixed(r.threshold, 9));
    h.add_field(r.chance_flagged ? fixed(*r.chance_flagged, 9) : "none");
    for (int64_t v : {int64_t{r.k}, int64_t{r.w}, r.submissions, r.submissions_now, r.clusters})
      h.add_field(std::to_string(v));
    h.add_field(r.starter);
    for (const store::SimilarPair& p : r.pairs) {
      for (int64_t v : {p.submission_a, p.submission_b, p.longest, int64_t{p.flagged}, int64_t{p.cluster}})
        h.add_field(std::to_string(v));
      h.add_field(fixed(p.score, 9));
      h.add_field(fixed(p.jaccard, 9));
      for (const store::LineMatch& m : p.matches)
        for (int64_t v : {m.tokens, int64_t{m.a_first}, int64_t{m.a_last}, int64_t{m.b_first}, int64_t{m.b_last}})
          h.add_field(std::to_string(v));
    }
    h.add_field("|");
  }
  return h.hex();
}

std::string similarity_reason(const SimilarEntry& e) {
  std::string weak;
  if (e.problem_chance && e.problem_flagged > 0 && *e.problem_chance >= 0.5 * static_cast<double>(e.problem_flagged))
    weak = "; weak evidence: " + e.problem + "'s solutions are often this alike by chance (about " +
           fixed(std::min(*e.problem_chance, static_cast<double>(e.problem_flagged)), 0) + " of its " +
           std::to_string(e.problem_flagged) + " flagged pairs)";
  return "solution to " + e.problem + " is much like " + e.with + "'s (score " + fixed(e.score, 2) + ", " +
         std::to_string(e.longest) + " equal tokens in a row): evidence for reviewers to look at side by side; " +
         "it changes no score" + weak;
}

}  // namespace rank
