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
//   review:                    # document review (review_config.cc)
//     criteria:
//       - {name: motivation, scale: [1, 5], weight: 2, description: Why this program}
//     reviewers_per_applicant: 3
//     blind: [name, email, affiliation]   # what reviewers' packets leave out
//     disagreement: 2          # points apart on a criterion that ask for one more review
//     ridge: 1                 # calibration: pseudo-reviews of offset 0 per reviewer
//   ranking:
//     weights: {quiz: 0.5, review: 0.5}
//     shortlist_size: 50       # K
//     gates: {min_quiz: 0.2}   # fraction of the quiz's maximum score
//     tie_break_seed: 2027
//     resamples: 500
//     certain: 0.95            # probability for certain-in (certain-out: 1 - this)
//   similarity:                # near-copies among solutions (similarity_config.cc)
//     k: 12                    # tokens per fingerprinted k-gram
//     w: 8                     # winnowing window: every equal run of w + k - 1 tokens is found
//     max_share: 0.1           # a fingerprint in more of a problem's solutions is boilerplate
//     threshold: auto          # or a fixed score in (0, 1]; auto: from each problem's own scores
//     starter:                 # code everyone was given, never counted as copying
//       featsel: [starter/featsel.py]
//
// Contract: parse_campaign() is pure (the text and the directory it is in); every
// problem is reported with the line and what was expected. Problem ids are unique
// and valid package names.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "package/problem_config.h"

namespace campaign {

enum class ScoreFrom { Best, Last };

struct Criterion {
  std::string name, description;
  double min = 1, max = 5, weight = 1;
};

struct ReviewConfig {
  std::vector<Criterion> criteria;
  int reviewers_per_applicant = 2;
  std::vector<std::string> blind = {"name", "email", "affiliation"};
  double disagreement = 2;
  double ridge = 1;

  // Whether reviewers (and the ranking's files, unless revealed) must not see this field.
  bool is_blind(const std::string& field) const {
    return std::find(blind.begin(), blind.end(), field) != blind.end();
  }
};

struct RankingConfig {
  double quiz_weight = 0.5, review_weight = 0.5;
  int shortlist_size = 50;
  double min_quiz = 0;  // gate: fraction of the quiz's maximum; 0 = no gate
  unsigned long long tie_break_seed = 1;
  int resamples = 500;
  double certain = 0.95;
};

struct SimilarityConfig {
  int k = 12, w = 8;
  double max_share = 0.1;
  double threshold = 0;  // 0: auto (relative to each problem's own scores)
  // problem id -> starter files (as written: relative to the campaign directory, or absolute)
  std::map<std::string, std::vector<std::string>> starter;
};

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
  ReviewConfig review;
  RankingConfig ranking;
  SimilarityConfig similarity;
  std::string dir;  // the campaign directory (absolute)

  std::string problem_path(const ProblemRef& p) const;  // absolute
  std::string path_in(const std::string& path) const;    // a path as written in campaign.yaml, absolute
  const ProblemRef* problem(const std::string& id) const;
};

Campaign parse_campaign(const std::string& text, const std::string& dir, std::vector<package::Diagnostic>* diagnostics);

// The `review:` and `ranking:` sections (review_config.cc); errors go to `error`
// with the node they are about.
using NodeError = std::function<void(const YAML::Node&, const std::string&)>;
void parse_review(const YAML::Node& v, ReviewConfig* out, const NodeError& error);
void parse_ranking(const YAML::Node& v, RankingConfig* out, const NodeError& error);
// The `similarity:` section (similarity_config.cc); starter files must name one of `problems`.
void parse_similarity(const YAML::Node& v, const std::vector<ProblemRef>& problems, SimilarityConfig* out,
                      const NodeError& error);

// Reads DIR/campaign.yaml (DIR: --campaign, else the current directory).
Campaign load_campaign(const std::string& dir, std::vector<package::Diagnostic>* diagnostics);

// The campaign.yaml `shortlist init` writes.
std::string campaign_template(const std::string& name);

}  // namespace campaign
