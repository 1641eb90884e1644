// The ranking: quiz scores and calibrated review scores combined into one ordered
// shortlist that says how sure each place is and why it is where it is.
//
// Recipe (../../../shared/design.md, "Review and ranking"):
//   1. quiz: each applicant's fraction of the quiz's points (per problem, the
//      submission the campaign's score_from picks), turned into a normal score by
//      mid-rank (ties stay tied; robust to a skewed point distribution);
//   2. review: the calibrated review score (review/calibration.h) standardized over
//      the reviewed applicants; an applicant without a review gets 0 and a flag;
//   3. total = w_quiz * quiz normal score + w_review * review z (weights scaled to sum 1);
//   4. certainty: `resamples` times, redraw each applicant's quiz (its problems
//      bootstrapped) and review (calibrated score + se * N(0,1)), recompute the
//      totals and count how often the applicant makes the top K: that fraction is
//      its probability; >= certain: certain-in, <= 1 - certain: certain-out, else
//      borderline;
//   5. gates (a minimum quiz fraction) put an applicant after everyone who passes;
//   6. ties: total, then probability, then hidden tests passed, then a hash of the
//      seed and the applicant id. Never submission time or input order.
//
// Contract: pure and deterministic: the same inputs and seed give the same output,
// whatever order the applicants come in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rank {

// One submission's judging, as ranking needs it.
struct Attempt {
  int attempt = 0;
  std::string submitted_at, verdict, language;
  double score = 0, max_score = 0;
  int tests = 0, tests_passed = 0, hidden = 0, hidden_passed = 0;
};

// The submission that counts for one problem.
struct ProblemResult {
  std::string problem;
  bool submitted = false;  // false: nothing judged; score 0
  Attempt counted;
  int submissions = 0;
};

// Of several attempts at one problem, the one that counts: best (highest score; of
// equal scores the earliest attempt) or last (highest attempt number).
ProblemResult pick_attempt(const std::string& problem, const std::vector<Attempt>& attempts, bool best);

struct Candidate {
  std::string id;
  std::vector<ProblemResult> problems;  // one per campaign problem, same order for everyone
  std::vector<double> problem_max;      // the problem's maximum score (also when not submitted)
  int review_count = 0;
  double review_calibrated = 0, review_se = 0;  // review/calibration.h; unused when review_count == 0
  std::vector<std::string> flags;               // from elsewhere (disagreements, similarity)
};

struct RankOptions {
  double quiz_weight = 0.5, review_weight = 0.5;
  int k = 50;
  double min_quiz = 0;  // gate: fraction of the quiz's maximum
  uint64_t seed = 1;
  int resamples = 500;
  double certain = 0.95;
};

struct Ranked {
  int candidate = 0;  // index into the input
  int rank = 0;       // 1-based
  double quiz_fraction = 0, quiz_normal = 0, review_z = 0, total = 0, probability = 0;
  int hidden_passed = 0;
  std::string band;  // certain-in | borderline | certain-out | gated
  bool gated = false;
  std::vector<std::string> flags, why;
};

struct Ranking {
  std::vector<Ranked> order;  // by rank
  double total_at_cut = 0;    // the K-th total among the applicants who pass the gates (0 if fewer)
  double review_mean = 0, review_sd = 0;
};

Ranking rank_candidates(const std::vector<Candidate>& candidates, const RankOptions& options);

// Normal scores by mid-rank: value -> Phi^-1((mid-rank - 0.5) / n). Equal values
// get equal scores.
std::vector<double> normal_scores(const std::vector<double>& values);
double normal_quantile(double p);  // Phi^-1, |error| < 1e-9 on (0, 1)

// The seeded tie-break key of an applicant id (64-bit FNV-1a of the seed and the
// id, then a SplitMix64 finaliser).
uint64_t tie_break_key(uint64_t seed, const std::string& id);

// A number with a fixed count of decimals, as the shortlist's files and reasons
// write it ("%.*f": the same text for the same double on every run).
std::string fixed(double v, int decimals);

}  // namespace rank
