// The review and ranking commands of `shortlist` (on the campaign in the current
// directory, or the one --campaign DIR names):
//   import reviewers FILE.csv     reviewer_id,name,email,affiliation (re-import updates)
//   assign [--per-applicant R] [--seed S] [--out DIR]
//                                 who reviews whom (balanced, no conflicts, connected);
//                                 one packet per reviewer: DIR/<reviewer_id>.csv to fill in,
//                                 blind fields left out
//   import reviews FILE.csv       applicant_id,reviewer_id,<criterion>...,comment
//   rank [--top K] [--out DIR] [--reveal] [--json]
//                                 shortlist.csv, ranking.json, report.html in DIR
// Exit codes as campaign_commands.h: 0 done; 1 done but input refused, or cannot
// be done (said why); 2 bad arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace cli {

struct ReviewCommands {
  CLI::App *import_reviewers = nullptr, *import_reviews = nullptr, *assign = nullptr, *rank = nullptr;
  std::string campaign_dir = ".";
  std::string file, out_dir;
  int per_applicant = 0;  // 0: campaign.yaml's review.reviewers_per_applicant
  uint64_t seed = 1;
  int top = 0;            // 0: campaign.yaml's ranking.shortlist_size
  bool reveal = false, json = false;
};

// `import` is the campaign commands' `import` (reviewers and reviews join it).
void add_review_commands(CLI::App& app, CLI::App* import, ReviewCommands* state);
std::optional<int> run_review_command(const ReviewCommands& state);

}  // namespace cli
