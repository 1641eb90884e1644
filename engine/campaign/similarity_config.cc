// campaign.yaml's `similarity:` section: how `shortlist similarity` fingerprints
// and flags solutions, and the starter code of each problem that it must ignore.
#include "campaign/campaign.h"
#include "campaign/yaml_scalars.h"

namespace campaign {
namespace {

void parse_starter(const YAML::Node& n, const std::vector<ProblemRef>& problems, SimilarityConfig* out,
                   const NodeError& error) {
  if (!n.IsMap()) {
    error(n, "similarity.starter: expected a map of problem id -> [starter files]");
    return;
  }
  for (const auto& kv : n) {
    const std::string id = kv.first.Scalar();
    bool known = false;
    for (const ProblemRef& p : problems) known = known || p.id == id;
    if (!known) {
      error(kv.first, "similarity.starter: '" + id + "' is not one of the campaign's problems");
      continue;
    }
    std::vector<std::string> files;
    if (kv.second.IsScalar() && !kv.second.Scalar().empty()) {
      files.push_back(kv.second.Scalar());
    } else if (kv.second.IsSequence()) {
      for (const YAML::Node& f : kv.second) {
        if (f.IsScalar() && !f.Scalar().empty()) files.push_back(f.Scalar());
        else error(f, "similarity.starter." + id + ": expected a file path");
      }
    } else {
      error(kv.second, "similarity.starter." + id + ": expected a file path or a list of them");
    }
    out->starter[id] = files;
  }
}

}  // namespace

void parse_similarity(const YAML::Node& v, const std::vector<ProblemRef>& problems, SimilarityConfig* out,
                      const NodeError& error) {
  if (!v.IsMap()) {
    error(v, "similarity: expected a map (k, w, max_share, threshold, starter)");
    return;
  }
  for (const auto& kv : v) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& n = kv.second;
    long long i;
    if (key == "k") {
      if (whole(n, 3, 100, &i)) out->k = static_cast<int>(i);
      else error(n, "similarity.k: expected a whole number of tokens from 3 to 100");
    } else if (key == "w") {
      if (whole(n, 1, 100, &i)) out->w = static_cast<int>(i);
      else error(n, "similarity.w: expected a whole number from 1 to 100");
    } else if (key == "max_share") {
      if (!number(n, &out->max_share) || out->max_share <= 0 || out->max_share > 1)
        error(n, "similarity.max_share: expected a fraction above 0 and at most 1 (e.g. 0.1)");
    } else if (key == "threshold") {
      if (n.IsScalar() && n.Scalar() == "auto") out->threshold = 0;
      else if (!number(n, &out->threshold) || out->threshold <= 0 || out->threshold > 1)
        error(n, "similarity.threshold: expected auto or a score above 0 and at most 1");
    } else if (key == "starter") {
      parse_starter(n, problems, out, error);
    } else {
      error(kv.first, "similarity: unknown key '" + key + "' (expected k, w, max_share, threshold, starter)");
    }
  }
}

}  // namespace campaign
