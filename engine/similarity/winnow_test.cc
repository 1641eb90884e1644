#include "similarity/winnow.h"

#include <algorithm>
#include <random>
#include <set>

#include <doctest/doctest.h>

using namespace similarity;

namespace {

std::vector<Token> random_tokens(std::mt19937_64& rng, size_t n, uint32_t alphabet) {
  std::vector<Token> t(n);
  for (size_t i = 0; i < n; ++i) t[i] = {static_cast<uint32_t>(rng() % alphabet), static_cast<int>(i / 8 + 1)};
  return t;
}

bool share_fingerprint(const std::vector<Fingerprint>& a, const std::vector<Fingerprint>& b) {
  std::set<uint64_t> sa;
  for (const Fingerprint& f : a) sa.insert(f.hash);
  return std::any_of(b.begin(), b.end(), [&](const Fingerprint& f) { return sa.count(f.hash) > 0; });
}

}  // namespace

TEST_CASE("winnowing: a planted shared run of w + k - 1 tokens is always found") {
  std::mt19937_64 rng(42);
  for (int k : {5, 9, 12})
    for (int w : {1, 4, 8}) {
      const size_t run = static_cast<size_t>(w + k - 1);
      for (int trial = 0; trial < 300; ++trial) {
        std::vector<Token> a = random_tokens(rng, 150 + rng() % 200, 40), b = random_tokens(rng, 150 + rng() % 200, 40);
        std::vector<Token> shared = random_tokens(rng, run, 40);
        size_t pa = rng() % (a.size() - run), pb = rng() % (b.size() - run);
        std::copy(shared.begin(), shared.end(), a.begin() + static_cast<long>(pa));
        std::copy(shared.begin(), shared.end(), b.begin() + static_cast<long>(pb));
        std::vector<Fingerprint> fa = winnow(a, k, w), fb = winnow(b, k, w);
        REQUIRE_MESSAGE(share_fingerprint(fa, fb), "k=" << k << " w=" << w << " trial " << trial);
        // And the kept fingerprint lies inside the planted run on both sides.
        bool inside = false;
        for (const Fingerprint& x : fa)
          for (const Fingerprint& y : fb)
            inside = inside || (x.hash == y.hash && x.position >= pa && x.position + k <= pa + run &&
                                y.position >= pb && y.position + k <= pb + run);
        REQUIRE(inside);
      }
    }
}

TEST_CASE("winnowing: density about 2 / (w + 1), every window represented, positions increase") {
  std::mt19937_64 rng(7);
  std::vector<Token> t = random_tokens(rng, 20000, 1000);
  const int k = 10, w = 9;
  std::vector<Fingerprint> f = winnow(t, k, w);
  double density = static_cast<double>(f.size()) / static_cast<double>(t.size() - k + 1);
  CHECK(density == doctest::Approx(2.0 / (w + 1)).epsilon(0.1));
  for (size_t i = 1; i < f.size(); ++i) {
    CHECK(f[i].position > f[i - 1].position);
    CHECK(f[i].position - f[i - 1].position <= static_cast<uint32_t>(w));  // no window without a pick
  }
  std::vector<uint64_t> h = kgram_hashes(t, k);
  for (const Fingerprint& x : f) CHECK(h[x.position] == x.hash);
}

TEST_CASE("winnowing: short streams, equal hashes, determinism") {
  std::vector<Token> few = {{1, 1}, {2, 1}, {3, 1}};
  CHECK(winnow(few, 4, 3).empty());  // fewer than k tokens
  CHECK(winnow(few, 3, 5).size() == 1);  // shorter than w + k - 1: its one k-gram
  std::vector<Token> same(50, Token{7, 1});
  CHECK(winnow(same, 5, 4).size() == winnow(same, 5, 4).size());
  // All k-grams equal: a pick per window's rightmost minimum, never the same twice in a row.
  std::vector<Fingerprint> f = winnow(same, 5, 4);
  for (size_t i = 1; i < f.size(); ++i) CHECK(f[i].position != f[i - 1].position);
  std::mt19937_64 rng(3);
  std::vector<Token> t = random_tokens(rng, 500, 30);
  std::vector<Fingerprint> a = winnow(t, 8, 6), b = winnow(t, 8, 6);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK((a[i].hash == b[i].hash && a[i].position == b[i].position));
}
