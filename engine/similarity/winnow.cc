#include "similarity/winnow.h"

#include <algorithm>
#include <cstdint>
#include <deque>

namespace similarity {
namespace {

uint64_t mix(uint64_t x) {  // SplitMix64's finaliser: spreads the rolling sum's bits
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

std::vector<uint64_t> kgram_hashes(const std::vector<Token>& tokens, int k) {
  std::vector<uint64_t> out;
  if (k <= 0 || tokens.size() < static_cast<size_t>(k)) return out;
  // Polynomial rolling hash mod 2^64: O(1) per k-gram.
  const uint64_t base = 1000003;
  uint64_t top = 1;  // base^(k-1)
  for (int i = 1; i < k; ++i) top *= base;
  uint64_t h = 0;
  for (int i = 0; i < k; ++i) h = h * base + tokens[static_cast<size_t>(i)].kind;
  out.reserve(tokens.size() - static_cast<size_t>(k) + 1);
  out.push_back(mix(h));
  for (size_t i = static_cast<size_t>(k); i < tokens.size(); ++i) {
    h = (h - tokens[i - static_cast<size_t>(k)].kind * top) * base + tokens[i].kind;
    out.push_back(mix(h));
  }
  return out;
}

std::vector<Fingerprint> winnow(const std::vector<Token>& tokens, int k, int w) {
  std::vector<uint64_t> h = kgram_hashes(tokens, k);
  std::vector<Fingerprint> out;
  if (h.empty() || w <= 0) return out;
  const size_t window = std::min(static_cast<size_t>(w), h.size());
  // Monotone deque of positions whose hashes increase: the front is the window's
  // minimum; ties keep the rightmost, so a run of equal hashes is recorded once.
  std::deque<size_t> q;
  size_t last = SIZE_MAX;
  for (size_t i = 0; i < h.size(); ++i) {
    while (!q.empty() && h[q.back()] >= h[i]) q.pop_back();
    q.push_back(i);
    if (q.front() + window <= i) q.pop_front();
    if (i + 1 >= window && q.front() != last) {
      last = q.front();
      out.push_back({h[last], static_cast<uint32_t>(last)});
    }
  }
  return out;
}

}  // namespace similarity
