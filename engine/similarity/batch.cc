#include "similarity/batch.h"

#include <algorithm>
#include <map>
#include <set>

namespace similarity {

BatchResult compare_batch(const std::vector<Solution>& solutions, const std::vector<Starter>& starter,
                          const BatchOptions& o) {
  BatchResult out;
  std::vector<Document> docs;
  docs.reserve(solutions.size());
  for (const Solution& s : solutions) docs.push_back(fingerprint(s.text, s.language, o.k, o.w));
  // Every k-gram of the starter code, not only its winnowed ones: a solution's
  // window may pick a k-gram of the starter that the starter's own windows passed over.
  std::set<uint64_t> ignored;
  for (const Starter& s : starter)
    for (uint64_t h : kgram_hashes(tokenize(s.text, s.language), o.k)) ignored.insert(h);
  out.starter_fingerprints = ignored.size();

  PairOptions po;
  po.k = o.k;
  po.max_share = o.max_share;
  po.floor = std::min(o.floor, kFitFloor);
  po.evidence_from = o.floor;
  std::vector<Pair> all = find_pairs(docs, std::vector<uint64_t>(ignored.begin(), ignored.end()), po);

  // The best pair per pair of owners (ties: the first in (a, b) order).
  std::map<std::pair<int, int>, size_t> best;
  for (size_t i = 0; i < all.size(); ++i) {
    int oa = solutions[static_cast<size_t>(all[i].a)].owner, ob = solutions[static_cast<size_t>(all[i].b)].owner;
    if (oa == ob) continue;
    auto [it, fresh] = best.emplace(std::minmax(oa, ob), i);
    if (!fresh && all[i].score > all[it->second].score) it->second = i;
  }
  std::vector<double> scores;
  for (const auto& [owners, i] : best) {
    if (all[i].score >= kFitFloor) scores.push_back(all[i].score);
    if (all[i].score >= o.floor) out.pairs.push_back(std::move(all[i]));
  }
  out.threshold_fixed = o.threshold.has_value();
  const Threshold fit = fit_threshold(std::move(scores), o.threshold);
  out.threshold = fit.value;
  out.chance_flagged = fit.chance;
  out.clusters = clusters(static_cast<int>(solutions.size()), out.pairs, out.threshold);
  return out;
}

}  // namespace similarity
