// A campaign: one cohort's screening, in one directory. campaign.yaml says which
// problems the quiz has and how they are graded; shortlist.db (store/) holds
// everything that happens.
//
//   name: Bootcamp 2027
//   problems:                  # packages; a path relative to this file, or {id, path}
//     - ../problems/meanvar
//     - {id: feature-pair, path: /srv/problems/featsel}
//   score_from: best           # of several submissions to a problem: best | last
//   workers: 0                 # judging slots; 0 = one per core
//   limits:
//     source_kib: 256          # larger sources are refused at intake
//
// Contract: parse_campaign() is pure (the text and the directory it is in); every
// problem is reported with the line and what was expected. Problem ids are unique
// and valid package names.
#pragma once

#include <string>
#include <vector>

#include "package/problem_config.h"

namespace campaign {

enum class ScoreFrom { Best, Last };

struct ProblemRef {
  std::string id;    // default: the package directory's name
  std::string path;  // absolute, or relative to the campaign directory as written
};

struct Campaign {
  std::string name;
  std::vector<ProblemRef> problems;
  ScoreFrom score_from = ScoreFrom::Best;
  int workers = 0;  // 0: one per core
  int source_kib = 256;
  std::string dir;  // the campaign directory (absolute)

  std::string problem_path(const ProblemRef& p) const;  // absolute
  const ProblemRef* problem(const std::string& id) const;
};

Campaign parse_campaign(const std::string& text, const std::string& dir, std::vector<package::Diagnostic>* diagnostics);

// Reads DIR/campaign.yaml (DIR: --campaign, else the current directory).
Campaign load_campaign(const std::string& dir, std::vector<package::Diagnostic>* diagnostics);

// The campaign.yaml `shortlist init` writes.
std::string campaign_template(const std::string& name);

}  // namespace campaign
