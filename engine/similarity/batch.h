// One batch of solutions to one problem, compared as a whole: what both
// `shortlist similarity --files` and the campaign's `shortlist similarity` run.
//
// Recipe: fingerprint every solution; ignore the starter code's fingerprints and
// those held by more than max_share of the batch (boilerplate); find the pairs
// through the index (pairs.h); keep pairs of different owners only (an
// applicant's own tries are not copies), the best-scoring one per pair of
// owners; set the threshold from the batch's own scores unless one is given;
// cluster what it flags.
//
// Contract: pure and deterministic (pairs ordered by owner pair).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "similarity/pairs.h"

namespace similarity {

struct Solution {
  int owner = 0;  // an applicant (or a loose file): pairs within one owner are skipped
  Language language = Language::Python;
  std::string_view text;
};

struct Starter {
  Language language = Language::Python;
  std::string_view text;
};

// The relative threshold is fitted on the pairs scoring at least this, whatever the
// floor of the pairs returned: the fit describes the problem, not what a caller asked to see.
inline constexpr double kFitFloor = 0.25;

struct BatchOptions {
  int k = 12, w = 8;
  double floor = 0.4;      // pairs scoring below this are not returned (nor their evidence sought)
  double max_share = 0.1;  // boilerplate: a fingerprint in more than this share of the batch
  std::optional<double> threshold;  // fixed; nullopt: relative_threshold() of the batch's scores
};

struct BatchResult {
  std::vector<Pair> pairs;  // a, b: solution indices; at most one per pair of owners
  double threshold = 0;
  bool threshold_fixed = false;
  std::optional<double> chance_flagged;    // flagged pairs expected by chance (chance_pairs_above); nullopt: too few pairs
  std::vector<std::vector<int>> clusters;  // solution indices, of the pairs at or above the threshold
  size_t starter_fingerprints = 0;         // distinct fingerprints the starter code removed from the count
};

BatchResult compare_batch(const std::vector<Solution>& solutions, const std::vector<Starter>& starter,
                          const BatchOptions& options);

}  // namespace similarity
