// `shortlist similarity`: near-copies among quiz solutions (similarity/batch.h).
//   similarity [--problem P] [--json]        the campaign's submissions, per problem:
//       pairs above a low floor with scores, longest equal run and matching lines,
//       flags at a threshold relative to the problem's own scores (or
//       campaign.yaml's), clusters; stored in shortlist.db for `shortlist rank`
//       (the report shows flagged pairs side by side). Flags never change a score.
//   similarity --files A B ... [--json]     loose source files (authors checking a batch)
// campaign.yaml's similarity: section gives k, w, max_share, threshold and each
// problem's starter files; --k/--w override them. --floor sets the score from which
// pairs are printed (default 0.4; the threshold is fitted on the pairs from 0.25 either way).
// Exit codes: 0 done; 1 the campaign cannot be used (or a starter file cannot be
// read); 2 bad arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace cli {

struct SimilarityCommands {
  CLI::App* similarity = nullptr;
  std::vector<std::string> files;
  std::string campaign_dir = ".";
  std::string problem;
  bool json = false;
  int k = 0, w = 0;  // 0: campaign.yaml's (or 12 and 8 for loose files)
  double floor = -1;  // pairs printed from this score; < 0: BatchOptions' floor
};

void add_similarity_commands(CLI::App& app, SimilarityCommands* state);
std::optional<int> run_similarity_command(const SimilarityCommands& state);

}  // namespace cli
