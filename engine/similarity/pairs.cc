#include "similarity/pairs.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
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
  const size_t n = docs.size();
  // Each distinct fingerprint gets an id; postings[id]: the documents holding it
  // (each once, ascending).
  std::unordered_map<uint64_t, uint32_t> id_of;
  std::vector<std::vector<int>> postings;
  for (size_t d = 0; d < n; ++d)
    for (const Fingerprint& f : docs[d].prints) {
      if (starter.count(f.hash)) continue;
      auto [it, fresh] = id_of.emplace(f.hash, static_cast<uint32_t>(postings.size()));
      if (fresh) postings.emplace_back();
      std::vector<int>& p = postings[it->second];
      if (p.empty() || p.back() != static_cast<int>(d)) p.push_back(static_cast<int>(d));
    }
  size_t cap = std::max<size_t>(std::max(2, o.never_boilerplate),
                                 static_cast<size_t>(o.max_share * static_cast<double>(n)));
  if (o.max_documents > 0) cap = std::max<size_t>(2, std::min(cap, static_cast<size_t>(o.max_documents)));

  // Per document: its usable fingerprints' distinct ids (its side of every score),
  // and (hash, position) of each usable fingerprint, sorted, for the evidence.
  std::vector<std::vector<uint32_t>> ids(n);
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> located(n);
  for (size_t d = 0; d < n; ++d) {
    for (const Fingerprint& f : docs[d].prints) {
      auto it = id_of.find(f.hash);
      if (it == id_of.end() || postings[it->second].size() > cap) continue;
      ids[d].push_back(it->second);
      located[d].emplace_back(f.hash, f.position);
    }
    std::sort(ids[d].begin(), ids[d].end());
    ids[d].erase(std::unique(ids[d].begin(), ids[d].end()), ids[d].end());
    std::sort(located[d].begin(), located[d].end());
  }

  // Shared fingerprints of `a` with every later document, counted in a dense
  // array (the hot loop: postings are at most `cap` long).
  std::vector<Pair> out;
  std::vector<int> count(n, 0);
  std::vector<int> touched;
  for (size_t a = 0; a < n; ++a) {
    for (uint32_t id : ids[a])
      for (int b : postings[id])
        if (static_cast<size_t>(b) > a && count[static_cast<size_t>(b)]++ == 0) touched.push_back(b);
    std::sort(touched.begin(), touched.end());
    for (int b : touched) {
      const size_t shared = static_cast<size_t>(count[static_cast<size_t>(b)]);
      count[static_cast<size_t>(b)] = 0;
      const size_t ua = ids[a].size(), ub = ids[static_cast<size_t>(b)].size();
      Pair pr;
      pr.a = static_cast<int>(a);
      pr.b = b;
      pr.score = static_cast<double>(shared) /
                 static_cast<double>(std::max<size_t>(std::max(1, o.min_side), std::min(ua, ub)));
      pr.jaccard = static_cast<double>(shared) / static_cast<double>(std::max<size_t>(1, ua + ub - shared));
      if (pr.score >= o.floor) out.push_back(std::move(pr));
    }
    touched.clear();
  }

  // Evidence for the pairs kept: seeds are the positions of their shared, usable
  // fingerprints, found by merging the two sorted lists.
  std::vector<std::pair<uint32_t, uint32_t>> seeds;
  for (Pair& pr : out) {
    if (pr.score < o.evidence_from) continue;
    const auto& la = located[static_cast<size_t>(pr.a)];
    const auto& lb = located[static_cast<size_t>(pr.b)];
    seeds.clear();
    for (size_t i = 0, j = 0; i < la.size() && j < lb.size();) {
      if (la[i].first < lb[j].first) {
        ++i;
      } else if (lb[j].first < la[i].first) {
        ++j;
      } else {
        size_t j_end = j;
        while (j_end < lb.size() && lb[j_end].first == la[i].first) ++j_end;
        const uint64_t h = la[i].first;
        for (; i < la.size() && la[i].first == h; ++i)
          for (size_t t = j; t < j_end; ++t) seeds.emplace_back(la[i].second, lb[t].second);
        j = j_end;
      }
    }
    pr.matches = equal_runs(docs[static_cast<size_t>(pr.a)], docs[static_cast<size_t>(pr.b)], seeds, o.k);
    pr.longest = pr.matches.empty() ? 0 : pr.matches.front().tokens;
  }
  return out;
}

namespace {

// The upper tail of a problem's scores as exponential, fitted on two quantiles: from
// the lower one on, a tenth as many pairs per (upper - lower). As far up the tail as
// the pairs allow, since alike solutions thin out faster than exponentially at the
// top: the 99th and 99.9th percentiles once there are kDeepTailPairs pairs (a few
// dozen planted or real copies are then too few to move the 99.9th), the 90th and
// 99th below that. nullopt: too few pairs to fit.
struct Tail {
  double above = 0, from = 0, decay = 0;  // `above` pairs score at least `from`
  double expected_above(double t) const { return above * std::exp(-(t - from) / decay); }
};

std::optional<Tail> fit_tail(const std::vector<double>& scores) {  // (sorted)
  if (scores.size() < kFewPairs) return std::nullopt;
  const double n = static_cast<double>(scores.size());
  const double lower = scores.size() >= kDeepTailPairs ? 0.99 : 0.90, upper = 1 - (1 - lower) / 10;
  Tail t;
  t.above = (1 - lower) * n;
  t.from = scores[static_cast<size_t>(lower * n)];
  t.decay = std::max(0.01, (scores[static_cast<size_t>(upper * n)] - t.from) / std::log(10.0));
  return t;
}

}  // namespace

Threshold fit_threshold(std::vector<double> scores, std::optional<double> fixed) {
  std::sort(scores.begin(), scores.end());
  std::optional<Tail> t = fit_tail(scores);
  Threshold out;
  if (fixed) {
    out.value = *fixed;
  } else if (!t) {
    out.value = kFewPairsThreshold;
  } else {
    // Where one pair is left, a score stops being what alike solutions reach by chance.
    const double expected_one = t->from + t->decay * std::log(std::max(1.0, t->above));
    out.value = std::clamp(expected_one, kMinRelativeThreshold, kMaxRelativeThreshold);
  }
  if (t && out.value > t->from)
    out.chance = t->expected_above(out.value);
  else if (t)  // below the tail's start: the pairs there, counted
    out.chance = static_cast<double>(scores.end() - std::lower_bound(scores.begin(), scores.end(), out.value));
  return out;
}

double relative_threshold(std::vector<double> scores) { return fit_threshold(std::move(scores), std::nullopt).value; }

std::optional<double> chance_pairs_above(std::vector<double> scores, double threshold) {
  return fit_threshold(std::move(scores), threshold).chance;
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
