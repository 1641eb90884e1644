#include "similarity/pairs.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace similarity {
namespace {

// The runs of equal tokens that the shared fingerprints' positions seed, each
// extended as far as the tokens agree, none counted twice.
std::vector<Match> equal_runs(const Document& a, const Document& b,
                              std::vector<std::pair<uint32_t, uint32_t>> seeds, int k) {
  std::sort(seeds.begin(), seeds.end());
  std::vector<std::pair<long, std::pair<size_t, size_t>>> covered;  // (offset, [start, end) in a)
  std::vector<Match> out;
  for (auto [pa, pb] : seeds) {
    long offset = static_cast<long>(pb) - static_cast<long>(pa);
    bool inside = false;
    for (const auto& [o, range] : covered) inside = inside || (o == offset && pa >= range.first && pa < range.second);
    if (inside) continue;
    size_t s = pa, t = pb;
    while (s > 0 && t > 0 && a.tokens[s - 1].kind == b.tokens[t - 1].kind) --s, --t;
    size_t e = pa, f = pb;
    while (e < a.tokens.size() && f < b.tokens.size() && a.tokens[e].kind == b.tokens[f].kind) ++e, ++f;
    if (e - s < static_cast<size_t>(k)) continue;  // a hash collision, not a match
    covered.push_back({offset, {s, e}});
    out.push_back({static_cast<uint32_t>(e - s), a.tokens[s].line, a.tokens[e - 1].line, b.tokens[t].line,
                   b.tokens[f - 1].line});
  }
  std::sort(out.begin(), out.end(), [](const Match& x, const Match& y) {
    return x.tokens != y.tokens ? x.tokens > y.tokens : x.a_first < y.a_first;
  });
  return out;
}

}  // namespace

Document fingerprint(std::string_view source, Language language, int k, int w) {
  Document d;
  d.tokens = tokenize(source, language);
  d.prints = winnow(d.tokens, k, w);
  return d;
}

std::vector<Pair> find_pairs(const std::vector<Document>& docs, const std::vector<uint64_t>& ignored,
                             const PairOptions& o) {
  const std::unordered_set<uint64_t> starter(ignored.begin(), ignored.end());
  // hash -> documents holding it (each once), in document order.
  std::unordered_map<uint64_t, std::vector<int>> postings;
  for (size_t d = 0; d < docs.size(); ++d)
    for (const Fingerprint& f : docs[d].prints) {
      if (starter.count(f.hash)) continue;
      std::vector<int>& p = postings[f.hash];
      if (p.empty() || p.back() != static_cast<int>(d)) p.push_back(static_cast<int>(d));
    }
  size_t cap = std::max<size_t>(std::max(2, o.never_boilerplate),
                                 static_cast<size_t>(o.max_share * static_cast<double>(docs.size())));
  if (o.max_documents > 0) cap = std::max<size_t>(2, std::min(cap, static_cast<size_t>(o.max_documents)));
  // Each document's distinct usable fingerprints (its side of every score).
  std::vector<size_t> usable(docs.size(), 0);
  std::unordered_map<uint64_t, int> shared;  // (a << 32 | b) -> distinct shared fingerprints
  for (const auto& [hash, p] : postings) {
    if (p.size() > cap) continue;
    for (int d : p) ++usable[static_cast<size_t>(d)];
    for (size_t i = 0; i < p.size(); ++i)
      for (size_t j = i + 1; j < p.size(); ++j) ++shared[static_cast<uint64_t>(p[i]) << 32 | static_cast<uint32_t>(p[j])];
  }
  std::vector<Pair> out;
  for (const auto& [key, n] : shared) {
    Pair pr;
    pr.a = static_cast<int>(key >> 32);
    pr.b = static_cast<int>(key & 0xffffffffu);
    size_t ua = usable[static_cast<size_t>(pr.a)], ub = usable[static_cast<size_t>(pr.b)];
    pr.score = static_cast<double>(n) /
               static_cast<double>(std::max<size_t>(std::max(1, o.min_side), std::min(ua, ub)));
    pr.jaccard = static_cast<double>(n) / static_cast<double>(std::max<size_t>(1, ua + ub - static_cast<size_t>(n)));
    if (pr.score < o.floor) continue;
    out.push_back(std::move(pr));
  }
  std::sort(out.begin(), out.end(), [](const Pair& x, const Pair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  // Evidence for the pairs kept: seeds are the positions of their shared, usable fingerprints.
  for (Pair& pr : out) {
    const Document &a = docs[static_cast<size_t>(pr.a)], &b = docs[static_cast<size_t>(pr.b)];
    std::unordered_map<uint64_t, std::vector<uint32_t>> in_b;
    for (const Fingerprint& f : b.prints) in_b[f.hash].push_back(f.position);
    std::vector<std::pair<uint32_t, uint32_t>> seeds;
    for (const Fingerprint& f : a.prints) {
      auto it = in_b.find(f.hash);
      if (it == in_b.end() || starter.count(f.hash)) continue;
      auto posting = postings.find(f.hash);
      if (posting == postings.end() || posting->second.size() > cap) continue;
      for (uint32_t pb : it->second) seeds.emplace_back(f.position, pb);
    }
    pr.matches = equal_runs(a, b, std::move(seeds), o.k);
    pr.longest = pr.matches.empty() ? 0 : pr.matches.front().tokens;
  }
  return out;
}

double relative_threshold(std::vector<double> scores) {
  if (scores.size() < kFewPairs) return kFewPairsThreshold;
  std::sort(scores.begin(), scores.end());
  const double n = static_cast<double>(scores.size());
  const double q90 = scores[static_cast<size_t>(0.90 * n)], q99 = scores[static_cast<size_t>(0.99 * n)];
  // The tail as exponential: from q90 on, each tenth as many pairs per (q99 - q90).
  // Where one pair is left, a score stops being what alike solutions reach by chance.
  const double decay = std::max(0.01, (q99 - q90) / std::log(10.0));
  const double expected_one = q90 + decay * std::log(std::max(1.0, 0.1 * n));
  return std::clamp(expected_one, 0.5, 0.9);
}

std::vector<std::vector<int>> clusters(int n, const std::vector<Pair>& pairs, double threshold) {
  std::vector<int> parent(static_cast<size_t>(n));
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[static_cast<size_t>(x)] != x) x = parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
    return x;
  };
  std::vector<bool> paired(static_cast<size_t>(n), false);
  for (const Pair& p : pairs)
    if (p.score >= threshold) {
      parent[static_cast<size_t>(find(p.a))] = find(p.b);
      paired[static_cast<size_t>(p.a)] = paired[static_cast<size_t>(p.b)] = true;
    }
  std::unordered_map<int, std::vector<int>> groups;
  for (int d = 0; d < n; ++d)
    if (paired[static_cast<size_t>(d)]) groups[find(d)].push_back(d);
  std::vector<std::vector<int>> out;
  for (auto& [root, members] : groups) out.push_back(std::move(members));  // members ascend: filled in order
  std::sort(out.begin(), out.end(), [](const std::vector<int>& x, const std::vector<int>& y) {
    return x.size() != y.size() ? x.size() > y.size() : x.front() < y.front();
  });
  return out;
}

}  // namespace similarity
