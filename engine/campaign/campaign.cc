#include "campaign/campaign.h"

#include <limits.h>
#include <stdlib.h>

#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "package/test_data.h"  // valid_package_name

namespace campaign {
namespace {

const char* kFile = "campaign.yaml";

int line_of(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

std::string base_name(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path.substr(path.rfind('/') + 1);
}

}  // namespace

std::string Campaign::problem_path(const ProblemRef& p) const { return path_in(p.path); }

std::string Campaign::path_in(const std::string& path) const {
  return !path.empty() && path[0] == '/' ? path : dir + "/" + path;
}

const ProblemRef* Campaign::problem(const std::string& id) const {
  for (const ProblemRef& p : problems)
    if (p.id == id) return &p;
  return nullptr;
}

Campaign parse_campaign(const std::string& text, const std::string& dir, std::vector<package::Diagnostic>* out) {
  Campaign c;
  c.dir = dir;
  auto error = [&](const YAML::Node& at, const std::string& message) { out->push_back({true, kFile, line_of(at), message}); };
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    out->push_back({true, kFile, e.mark.is_null() ? 0 : e.mark.line + 1, "not valid YAML: " + e.msg});
    return c;
  }
  if (!root.IsMap()) {
    out->push_back({true, kFile, 0, "expected a map of keys (name, problems, score_from, workers, limits, review, ranking, similarity)"});
    return c;
  }
  std::set<std::string> ids;
  for (const auto& kv : root) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "name") {
      if (v.IsScalar() && !v.Scalar().empty()) c.name = v.Scalar();
      else error(v, "name: expected a non-empty string");
    } else if (key == "problems") {
      if (!v.IsSequence()) {
        error(v, "problems: expected a list of package paths (or {id, path} maps)");
        continue;
      }
      for (const YAML::Node& p : v) {
        ProblemRef ref;
        if (p.IsScalar()) {
          ref.path = p.Scalar();
        } else if (p.IsMap() && p["path"] && p["path"].IsScalar()) {
          ref.path = p["path"].Scalar();
          if (p["id"]) ref.id = p["id"].IsScalar() ? p["id"].Scalar() : "";
          for (const auto& k : p)
            if (k.first.Scalar() != "id" && k.first.Scalar() != "path")
              error(k.first, "problems: unknown key '" + k.first.Scalar() + "' (expected id, path)");
        } else {
          error(p, "problems: expected a package path or a map with path (and id)");
          continue;
        }
        if (ref.path.empty()) {
          error(p, "problems: an empty path");
          continue;
        }
        if (ref.id.empty()) ref.id = base_name(ref.path);
        if (!package::valid_package_name(ref.id)) {
          error(p, "problems: '" + ref.id + "' is not a valid problem id (letters, digits, '_', '.', '-')");
          continue;
        }
        if (!ids.insert(ref.id).second) {
          error(p, "problems: the id '" + ref.id + "' is used twice (give one an id: {id: ..., path: ...})");
          continue;
        }
        c.problems.push_back(ref);
      }
    } else if (key == "score_from") {
      std::string t = v.IsScalar() ? v.Scalar() : "";
      if (t == "best") c.score_from = ScoreFrom::Best;
      else if (t == "last") c.score_from = ScoreFrom::Last;
      else error(v, "score_from: expected best or last");
    } else if (key == "workers") {
      int n;
      if (v.IsScalar() && YAML::convert<int>::decode(v, n) && n >= 0 && n <= 256) c.workers = n;
      else error(v, "workers: expected a whole number from 0 (one per core) to 256");
    } else if (key == "limits") {
      if (!v.IsMap()) {
        error(v, "limits: expected a map (source_kib)");
        continue;
      }
      for (const auto& l : v) {
        int n;
        if (l.first.Scalar() != "source_kib") error(l.first, "limits: unknown key '" + l.first.Scalar() + "'");
        else if (l.second.IsScalar() && YAML::convert<int>::decode(l.second, n) && n > 0 && n <= 65536) c.source_kib = n;
        else error(l.second, "limits.source_kib: expected a whole number of KiB from 1 to 65536");
      }
    } else if (key == "review") {
      parse_review(v, &c.review, error);
    } else if (key == "ranking") {
      parse_ranking(v, &c.ranking, error);
    } else if (key == "similarity") {
      continue;  // after the loop: its starter files name problems, which may come later
    } else {
      out->push_back({true, kFile, line_of(kv.first), "unknown key '" + key + "'"});
    }
  }
  if (root["similarity"]) parse_similarity(root["similarity"], c.problems, &c.similarity, error);
  if (c.name.empty() && !root["name"]) out->push_back({true, kFile, 0, "name: required"});
  if (c.problems.empty() && !root["problems"]) out->push_back({true, kFile, 0, "problems: required (a list of packages)"});
  return c;
}

Campaign load_campaign(const std::string& dir, std::vector<package::Diagnostic>* diagnostics) {
  char real[PATH_MAX];
  std::string absolute = realpath(dir.c_str(), real) ? real : dir;
  std::ifstream in(absolute + "/" + kFile);
  if (!in) {
    diagnostics->push_back({true, absolute + "/" + kFile, 0,
                            "not found: not a campaign directory (make one with `shortlist init DIR`, or name one "
                            "with --campaign DIR)"});
    Campaign c;
    c.dir = absolute;
    return c;
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_campaign(text.str(), absolute, diagnostics);
}

std::string campaign_template(const std::string& name) {
  return "# A shortlist campaign: the quiz's problems and how they are graded.\n"
         "name: " + name + "\n"
         "# Problem packages (Problem Package Format): a path relative to this file, or\n"
         "# {id: ..., path: ...}. The id is what submissions name (default: the directory's name).\n"
         "problems: []\n"
         "# Of several submissions to one problem, the one that counts: best or last.\n"
         "score_from: best\n"
         "# Judging slots; 0 = one per core (never more timed runs than cores).\n"
         "workers: 0\n"
         "limits:\n"
         "  source_kib: 256   # larger sources are refused at intake\n"
         "# Document review: the rubric reviewers score, and how reviews are handed out.\n"
         "review:\n"
         "  criteria:\n"
         "    - {name: motivation, scale: [1, 5], weight: 1, description: \"Why this program, why now\"}\n"
         "    - {name: experience, scale: [1, 5], weight: 1, description: What they have built}\n"
         "  reviewers_per_applicant: 2\n"
         "  blind: [name, email, affiliation]   # left out of the reviewers' packets\n"
         "  disagreement: 2    # points apart on one criterion that ask for one more review\n"
         "  ridge: 1           # calibration: a reviewer is assumed fair until reviews say otherwise\n"
         "# The shortlist: quiz and calibrated review combined.\n"
         "ranking:\n"
         "  weights: {quiz: 0.5, review: 0.5}\n"
         "  shortlist_size: 50\n"
         "  gates: {min_quiz: 0}   # fraction of the quiz's maximum score; 0 = no gate\n"
         "  tie_break_seed: 1\n"
         "  resamples: 500\n"
         "  certain: 0.95      # chance of making the cut for 'certain-in' (1 - it: 'certain-out')\n"
         "# Near-copies among solutions (`shortlist similarity`): evidence for reviewers, never a score.\n"
         "similarity:\n"
         "  k: 12              # tokens per fingerprinted k-gram\n"
         "  w: 8               # winnowing window: every equal run of w + k - 1 tokens is found\n"
         "  max_share: 0.1     # code in more of a problem's solutions than this is boilerplate\n"
         "  threshold: auto    # or a fixed score in (0, 1]; auto: from each problem's own scores\n"
         "  starter: {}        # problem id: [files given to everyone], never counted as copying\n";
}

}  // namespace campaign
