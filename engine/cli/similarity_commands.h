// `shortlist similarity --files A B ... [--json] [--k K] [--w W]`: near-copies
// among loose source files (for authors checking a batch): pairs with scores,
// the longest equal run and the matching line ranges, clusters, and the threshold
// that flags a pair. The campaign form (its submissions, stored for the ranking
// report) is not built yet; --files is required until it is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace cli {

struct SimilarityCommands {
  CLI::App* similarity = nullptr;
  std::vector<std::string> files;
  bool json = false;
  int k = 12, w = 8;
};

void add_similarity_commands(CLI::App& app, SimilarityCommands* state);
std::optional<int> run_similarity_command(const SimilarityCommands& state);

}  // namespace cli
