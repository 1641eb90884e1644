// The shortlist's files, from everything the campaign holds: ranking.json (all that
// is behind each rank) and shortlist.csv (one line per applicant). report/ turns
// ranking.json into report.html.
//
// Steps: each review's rubric total (criteria scaled to 0..1, weighted, times 10),
// calibrated (review/calibration.h); disagreements flagged; similar solutions
// flagged (rank/similarity_evidence.h: evidence, never a score); per problem the
// submission score_from picks; then rank/ranking.h.
//
// Contract: pure (the inputs are passed in) and deterministic: the same inputs and
// seed give byte-identical files. Blind fields (name, email, affiliation and any
// others review.blind names) are left out unless `reveal`.
#pragma once

#include <string>
#include <vector>

#include "campaign/campaign.h"
#include "store/review_store.h"
#include "store/similarity_store.h"

namespace rank {

struct ShortlistInputs {
  const campaign::Campaign* campaign = nullptr;
  std::string campaign_text;  // campaign.yaml as read, for its hash
  std::vector<store::Applicant> applicants;
  std::vector<store::Reviewer> reviewers;
  std::vector<store::StoredReview> reviews;
  std::vector<store::QuizResult> quiz;
  std::vector<std::string> incomplete_problems;  // no complete judging generation yet
  std::vector<store::SimilarityRun> similarity;  // the stored runs, flagged pairs only (SimilarityStore::runs(true))
  int k = 0;                                     // 0: campaign.yaml's shortlist_size
  bool reveal = false;
};

struct ShortlistFiles {
  std::string ranking_json, shortlist_csv;
  std::vector<std::string> warnings;  // said to the operator (several components, incomplete problems, ...)
  int applicants = 0, certain_in = 0, borderline = 0, certain_out = 0, gated = 0, components = 0, k = 0;
};

ShortlistFiles build_shortlist(const ShortlistInputs& inputs);

// A review's rubric total on 0..10: each criterion scaled to 0..1 by its scale,
// weighted by its weight.
double rubric_total(const std::vector<campaign::Criterion>& criteria, const std::map<std::string, double>& scores);

}  // namespace rank
