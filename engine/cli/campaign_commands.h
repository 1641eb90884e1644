// The campaign commands of `shortlist` (each works on the campaign in the current
// directory, or the one --campaign DIR names):
//   init DIR                      make a campaign: campaign.yaml and shortlist.db
//   import applicants FILE.csv    add or update applicants (re-import never duplicates)
//   import submissions DIR        store and queue submissions (DIR/<applicant>/<problem>[.<n>].<ext>,
//                                 or DIR/submissions.csv)
//   submit --applicant ID --problem P [--language L] FILE   one submission
//   grade [--workers N] [--follow]   judge what is queued (dispatch/dispatcher.h)
//   rejudge --problem P           a new generation of P's judgings (after its tests changed)
//   status [--json]               the queue per state, verdict and problem
// Exit codes: 0 done; 1 done but some input was refused (each refusal printed
// with its file and line), or the campaign is broken; 2 bad arguments.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "campaign/campaign.h"
#include "store/store.h"

namespace cli {

// The campaign and its store, with its problems registered; nullopt (after saying
// why on stderr) if the campaign cannot be used.
struct Opened {
  campaign::Campaign campaign;
  std::unique_ptr<store::Store> store;
};
std::optional<Opened> open_campaign(const std::string& dir);

// A whole file's bytes, or nullopt if it cannot be read (every command that reads
// an input file; the message saying so is the caller's).
std::optional<std::string> read_text(const std::string& path);

struct CampaignCommands {
  CLI::App *init = nullptr, *import = nullptr, *import_applicants = nullptr, *import_submissions = nullptr,
           *submit = nullptr, *status = nullptr, *grade = nullptr, *rejudge = nullptr;
  std::string campaign_dir = ".";
  std::string init_dir, file, applicant, problem, language;
  std::string languages_file;  // languages.yaml
  std::string box_binary;      // shortlist-box
  int workers = 0;
  bool follow = false;
  double lease_s = 30;
  bool json = false;
};

// Adds the commands to `app`; `state` receives their arguments (it must outlive parsing).
void add_campaign_commands(CLI::App& app, CampaignCommands* state);

// Runs the campaign command that was parsed, if one was: its exit code.
std::optional<int> run_campaign_command(const CampaignCommands& state);

}  // namespace cli
