// The similarity runs' flagged pairs (store/similarity_store.h) as the ranking
// shows them: per applicant, a flag per problem and an entry per pair (who else,
// how alike, which pair of the list); for ranking.json, the per-problem summary
// and every flagged pair with both sources, so that the report can show them side
// by side. Evidence for reviewers only: nothing here reaches a score.
//
// Contract: pure and deterministic (runs by problem, pairs in the store's order).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "store/similarity_store.h"

namespace rank {

struct SimilarEntry {
  std::string problem, with;
  double score = 0;
  int64_t longest = 0;  // tokens in the longest equal run
  int pair = 0;  // index into the flagged pairs, in the order ranking.json lists them
  // How alike the problem's solutions are anyway: its flagged pairs, and how many of
  // them chance alone explains (the run's estimate; nullopt if it had none).
  int64_t problem_flagged = 0;
  std::optional<double> problem_chance;
};

struct SimilarityEvidence {
  std::map<std::string, std::vector<SimilarEntry>> by_applicant;
  std::map<std::string, std::vector<std::string>> flags;  // applicant -> "similar:<problem>", once per problem
  std::vector<std::string> warnings;                      // runs that submissions have overtaken
};

SimilarityEvidence similarity_evidence(const std::vector<store::SimilarityRun>& runs);

// ranking.json's "similarity": {problems: [...], pairs: [...]} (flagged pairs only).
void write_similarity(rapidjson::PrettyWriter<rapidjson::StringBuffer>& w, const std::vector<store::SimilarityRun>& runs);

// What the runs hold, as one hash (for ranking.json's inputs).
std::string hash_similarity(const std::vector<store::SimilarityRun>& runs);

// The "why" line of one entry; it says when the pair's problem is one whose flags
// are mostly alike solutions (chance explains at least half of them): weak evidence.
std::string similarity_reason(const SimilarEntry& e);

}  // namespace rank
