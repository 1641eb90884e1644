// The similarity side of the campaign store: the submitted sources that
// `shortlist similarity` compares, and what it found, per problem: the run's
// settings and threshold, the pairs worth a look (flagged, and near misses) with their evidence (matched
// line ranges), and which flagged pairs form a cluster. The ranking reads the
// flagged pairs (with both sources, for the side-by-side view); flags never change
// a score.
//
// Contract: replace_run() swaps a problem's whole result in one transaction (a
// reader sees the old run or the new, never a mix); readers return rows in a fixed
// order, so the ranking's files stay reproducible. A run remembers how many
// submissions of its problem it saw, so a later reader can tell it is stale.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace store {

struct SubmittedSource {
  int64_t submission_id = 0;
  std::string applicant_id, problem_id, language;
  int attempt = 0;
  std::string source;
};

struct LineMatch {
  int64_t tokens = 0;
  int a_first = 0, a_last = 0, b_first = 0, b_last = 0;
};

struct SimilarPair {
  int64_t submission_a = 0, submission_b = 0;  // submission_a < submission_b
  double score = 0, jaccard = 0;
  int64_t longest = 0;
  bool flagged = false;
  int cluster = 0;  // 1-based within the problem's run; 0 if not flagged
  std::vector<LineMatch> matches;
  // Filled by readers: who and what, so that callers need no other lookup.
  SubmittedSource a, b;
};

struct SimilarityRun {
  std::string problem_id;
  double threshold = 0;
  bool threshold_fixed = false;
  std::optional<double> chance_flagged;  // flagged pairs chance alone explains (similarity::chance_pairs_above)
  int k = 0, w = 0;
  int64_t submissions = 0;  // of the problem when it ran
  int64_t clusters = 0;
  std::string starter;      // the starter files it ignored, as listed in campaign.yaml (";"-joined)
  std::vector<SimilarPair> pairs;
  // Filled by readers: submissions of the problem now (more than `submissions`: stale).
  int64_t submissions_now = 0;
};

class SimilarityStore {
 public:
  virtual ~SimilarityStore() = default;
  // Every submission of the problem (by id), with its source.
  virtual std::vector<SubmittedSource> sources(const std::string& problem_id) = 0;
  // Replaces the problem's stored run (and all its pairs) in one transaction.
  virtual std::string replace_run(const SimilarityRun& run) = 0;
  // Every stored run, by problem; each with its pairs (only the flagged ones if
  // `flagged_only`), ordered by score descending then submission ids, sources filled.
  virtual std::vector<SimilarityRun> runs(bool flagged_only) = 0;
};

std::unique_ptr<SimilarityStore> open_sqlite_similarity_store(const std::string& path, std::string* error);

}  // namespace store
