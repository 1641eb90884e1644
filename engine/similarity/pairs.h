// Candidate pairs without comparing all pairs: an inverted index from fingerprint
// to the documents holding it finds every pair that shares one; a fingerprint held
// by too many documents (boilerplate every solution has) or by the starter code
// given to everyone is ignored. Each pair gets its scores (shared fingerprints over
// the shorter side's, and over the union), and its evidence: the maximal runs of
// equal tokens that the shared fingerprints seed, as line ranges in both files.
//
// Contract: pure and deterministic (pairs ordered by (a, b)); the cost is the
// index's size plus the shared postings, not documents squared.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "similarity/tokens.h"
#include "similarity/winnow.h"

namespace similarity {

struct Document {
  std::vector<Token> tokens;
  std::vector<Fingerprint> prints;
};

Document fingerprint(std::string_view source, Language language, int k, int w);

struct PairOptions {
  int k = 12;                 // tokens per k-gram (the Document's)
  double max_share = 0.1;     // a fingerprint in more than this share of documents is boilerplate,
  int never_boilerplate = 10; // ... but never one in this many documents or fewer: a handful of alike
                              // solutions is what a copy ring looks like, not what everyone writes
  int max_documents = 0;      // ... or in more than this many (0: only the share applies; never fewer than 2)
  double floor = 0.1;         // pairs below this score (over the shorter side) are not returned
  double evidence_from = 0;   // matches are found only for pairs scoring at least this (the costly part)
  int min_side = 8;           // a side with fewer usable fingerprints counts as this many: two
                              // one-line tails that agree (after starter code) prove nothing
};

struct Match {
  uint32_t tokens = 0;                    // length of the equal run
  int a_first = 0, a_last = 0;            // lines in a
  int b_first = 0, b_last = 0;            // lines in b
};

struct Pair {
  int a = 0, b = 0;                       // document indices, a < b
  double score = 0;                       // shared fingerprints / the shorter side's, at least min_side (0..1)
  double jaccard = 0;                     // shared / union
  uint32_t longest = 0;                   // tokens in the longest equal run
  std::vector<Match> matches;             // longest first
};

// `ignored`: fingerprints of starter code (winnowed with the same k and w).
std::vector<Pair> find_pairs(const std::vector<Document>& documents, const std::vector<uint64_t>& ignored,
                             const PairOptions& options);

// The flagging threshold for one problem, from its own pairs' scores (those above
// the floor): a pair is suspicious when it stands out from how alike that problem's
// solutions are anyway (a short task makes everyone's code alike). The upper tail
// of the scores is taken as exponential, fitted on its 90th and 99th percentiles
// (99th and 99.9th from kDeepTailPairs pairs on), and the threshold is where one pair
// is expected above it; kept within [0.5, 0.9]. With fewer than kFewPairs pairs there
// is no tail to fit: kFewPairsThreshold.
inline constexpr size_t kFewPairs = 20;
inline constexpr size_t kDeepTailPairs = 20000;
inline constexpr double kMinRelativeThreshold = 0.5, kMaxRelativeThreshold = 0.9;
inline constexpr double kFewPairsThreshold = 0.7;
double relative_threshold(std::vector<double> scores);

// How many of these pairs the same tail model expects at or above `threshold` by
// chance alone (alike solutions, not copies): about 1 at relative_threshold() unless
// it was clamped, more where a problem's solutions are too alike to tell copies from
// chance. Below the tail's start, the pairs there are counted. nullopt: too few pairs.
std::optional<double> chance_pairs_above(std::vector<double> scores, double threshold);

// Both at once, from one fit of the tail: the threshold (`fixed` if given, else
// relative_threshold()) and the pairs chance alone puts at or above it.
struct Threshold {
  double value = 0;
  std::optional<double> chance;
};
Threshold fit_threshold(std::vector<double> scores, std::optional<double> fixed);

// Connected components of the pairs scoring at least `threshold`, each sorted,
// largest first; documents in no such pair are left out.
std::vector<std::vector<int>> clusters(int documents, const std::vector<Pair>& pairs, double threshold);

}  // namespace similarity
