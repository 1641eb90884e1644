// The review side of the campaign store, and what ranking reads from it: reviewers,
// who reviews whom (the assignment), the reviews themselves, and the quiz results of
// the newest complete judging generation of each problem. Same database file as
// store.h's Store (shortlist.db), its own connection; SQL stays behind this interface
// like the rest of the store.
//
// Contract: upserts never duplicate (reviewers by id; reviews by (applicant,
// reviewer): importing a review again replaces it); replace_assignment() swaps the
// whole assignment in one transaction; readers return rows in a fixed order (by
// id), so everything computed from them is reproducible.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace store {

struct Reviewer {
  std::string id, name, email, affiliation;
};

struct StoredReview {
  std::string applicant_id, reviewer_id;
  std::map<std::string, double> scores;  // criterion -> value
  std::string comment;
};

// One submission's judging in the newest complete generation of its problem.
struct QuizResult {
  std::string applicant_id, problem_id, submitted_at, language;
  int attempt = 0, generation = 0;
  std::string verdict;
  double score = 0, max_score = 0;
  int tests = 0, tests_passed = 0;    // test cases judged / accepted
  int hidden = 0, hidden_passed = 0;  // of those, secret (not sample) ones
};

class ReviewStore {
 public:
  virtual ~ReviewStore() = default;
  virtual std::vector<Applicant> applicants() = 0;  // by id
  virtual std::string upsert_reviewers(const std::vector<Reviewer>& reviewers, int* changed) = 0;
  virtual std::vector<Reviewer> reviewers() = 0;  // by id
  // (reviewer_id, applicant_id) pairs; replaces any earlier assignment.
  virtual std::string replace_assignment(const std::vector<std::pair<std::string, std::string>>& pairs) = 0;
  virtual std::vector<std::pair<std::string, std::string>> assignment() = 0;  // by reviewer, then applicant
  // *changed: reviews new or different. Each review must name a known applicant and reviewer.
  virtual std::string upsert_reviews(const std::vector<StoredReview>& reviews, int* changed) = 0;
  virtual std::vector<StoredReview> reviews() = 0;  // by applicant, then reviewer
  // Problems with no complete generation yet contribute nothing; *incomplete lists them.
  virtual std::vector<QuizResult> quiz_results(std::vector<std::string>* incomplete) = 0;
};

std::unique_ptr<ReviewStore> open_sqlite_review_store(const std::string& path, std::string* error);

}  // namespace store
