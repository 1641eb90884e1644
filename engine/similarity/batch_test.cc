#include "similarity/batch.h"

#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "similarity/test_fixtures.h"

using namespace similarity;

namespace {

BatchOptions small_batch() {
  BatchOptions o;
  o.k = 8;
  o.w = 6;
  o.max_share = 1.0;  // a handful of solutions: nothing is boilerplate
  o.floor = 0.0;
  return o;
}

}  // namespace

TEST_CASE("similarity batch: an applicant's own tries are not a pair; of two owners' pairs the best is kept") {
  std::string original = fixture("original.py"), copy = fixture("copy.py"), other = fixture("independent.py");
  // Owner 0 tried twice (the second try is the copy of owner 1's), owner 2 worked alone.
  std::vector<Solution> s = {{0, Language::Python, other}, {0, Language::Python, copy},
                             {1, Language::Python, original}, {2, Language::Python, other + "\nprint('done')\n"}};
  BatchResult r = compare_batch(s, {}, small_batch());
  for (const Pair& p : r.pairs) CHECK(s[static_cast<size_t>(p.a)].owner != s[static_cast<size_t>(p.b)].owner);
  const Pair* zero_one = nullptr;
  for (const Pair& p : r.pairs)
    if (s[static_cast<size_t>(p.a)].owner == 0 && s[static_cast<size_t>(p.b)].owner == 1) {
      CHECK(zero_one == nullptr);  // one pair per pair of owners
      zero_one = &p;
    }
  REQUIRE(zero_one != nullptr);
  CHECK(zero_one->a == 1);  // the copy, not owner 0's other try
  CHECK(zero_one->b == 2);
  CHECK(zero_one->score > 0.7);
}

TEST_CASE("similarity batch: starter code given to everyone is not counted") {
  const std::string starter =
      "import sys\n\ndef read_points(stream):\n    n = int(stream.readline())\n    pts = []\n"
      "    for _ in range(n):\n        x, y = map(float, stream.readline().split())\n"
      "        pts.append((x, y))\n    return pts\n";
  std::string a = starter + "print(sum(p[0] for p in read_points(sys.stdin)))\n";
  std::string b = starter + "pts = read_points(sys.stdin)\nprint(max(x for x, _ in pts) - min(y for _, y in pts))\n";
  std::vector<Solution> s = {{0, Language::Python, a}, {1, Language::Python, b}};
  BatchResult with = compare_batch(s, {}, small_batch());
  REQUIRE(with.pairs.size() == 1);
  CHECK(with.pairs[0].score > 0.5);
  BatchResult without = compare_batch(s, {{Language::Python, starter}}, small_batch());
  CHECK(without.starter_fingerprints > 0);
  CHECK((without.pairs.empty() || without.pairs[0].score < 0.3));
}

TEST_CASE("similarity batch: a fixed threshold is used as given; otherwise the batch's own") {
  std::vector<Solution> s = {{0, Language::Python, fixture("original.py")}, {1, Language::Python, fixture("copy.py")},
                             {2, Language::Python, fixture("independent.py")}};
  BatchOptions o = small_batch();
  BatchResult relative = compare_batch(s, {}, o);
  CHECK_FALSE(relative.threshold_fixed);
  CHECK(relative.threshold == kFewPairsThreshold);  // three pairs are too few to judge by
  REQUIRE(relative.clusters.size() == 1);
  CHECK(relative.clusters[0] == std::vector<int>{0, 1});
  REQUIRE(!relative.pairs.empty());
  REQUIRE((relative.pairs[0].a == 0 && relative.pairs[0].b == 1));  // ordered by (a, b)
  const double copy = relative.pairs[0].score;
  o.threshold = copy;  // flagged at its own score, exactly
  BatchResult fixed = compare_batch(s, {}, o);
  CHECK(fixed.threshold_fixed);
  CHECK(fixed.threshold == copy);
  REQUIRE(fixed.clusters.size() == 1);
  CHECK(fixed.clusters[0] == std::vector<int>{0, 1});
  o.threshold = std::nextafter(copy, 2.0);  // and not a hair above it
  CHECK(compare_batch(s, {}, o).clusters.empty());
}
