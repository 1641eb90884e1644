#include "similarity/pairs.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "similarity/test_fixtures.h"

using namespace similarity;

namespace {

const int kK = 8, kW = 6;

}  // namespace

TEST_CASE("similarity pairs: a renamed, reordered copy is found with its matching lines; an independent one is not") {
  std::vector<Document> docs = {fingerprint(fixture("original.py"), Language::Python, kK, kW),
                                fingerprint(fixture("copy.py"), Language::Python, kK, kW),
                                fingerprint(fixture("independent.py"), Language::Python, kK, kW)};
  PairOptions o;
  o.k = kK;
  o.max_share = 1.0;  // three documents: nothing is boilerplate here
  o.floor = 0.0;
  std::vector<Pair> pairs = find_pairs(docs, {}, o);
  const Pair* copy = nullptr;
  const Pair* other = nullptr;
  for (const Pair& p : pairs) {
    if (p.a == 0 && p.b == 1) copy = &p;
    if (p.a == 0 && p.b == 2) other = &p;
  }
  REQUIRE(copy != nullptr);
  CHECK(copy->score > 0.7);
  CHECK(copy->longest >= 30);
  REQUIRE(copy->matches.size() >= 2);
  // The longest run: centroid() and spread(), adjacent in both (lines 11-22 of the
  // original, 4-15 of the copy, up to the block's end); then read_points() = load().
  CHECK(copy->matches[0].a_first == 11);
  CHECK(copy->matches[0].a_last >= 22);
  CHECK(copy->matches[0].b_first == 4);
  CHECK(copy->matches[0].b_last >= 15);
  CHECK(copy->matches[1].a_first == 3);
  CHECK(copy->matches[1].b_first == 17);
  CHECK((other == nullptr || other->score < 0.2));
  MESSAGE("copy: score " << copy->score << ", longest " << copy->longest << " tokens; independent: score "
                         << (other ? other->score : 0.0));
}

TEST_CASE("similarity pairs: starter code and boilerplate are not counted") {
  const char* starter = "import sys\n\ndef read_points(stream):\n    n = int(stream.readline())\n    pts = []\n"
                        "    for _ in range(n):\n        x, y = map(float, stream.readline().split())\n"
                        "        pts.append((x, y))\n    return pts\n";
  std::string a = std::string(starter) + "print(sum(p[0] for p in read_points(sys.stdin)))\n";
  std::string b = std::string(starter) + "pts = read_points(sys.stdin)\nprint(max(x for x, _ in pts) - min(y for _, y in pts))\n";
  std::vector<Document> docs = {fingerprint(a, Language::Python, kK, kW), fingerprint(b, Language::Python, kK, kW)};
  PairOptions o;
  o.k = kK;
  o.max_share = 1.0;
  o.floor = 0.0;
  std::vector<Pair> with_starter = find_pairs(docs, {}, o);
  REQUIRE(with_starter.size() == 1);
  CHECK(with_starter[0].score > 0.5);  // the shared starter dominates
  std::vector<uint64_t> ignored;
  for (const Fingerprint& f : fingerprint(starter, Language::Python, kK, kW).prints) ignored.push_back(f.hash);
  std::vector<Pair> without = find_pairs(docs, ignored, o);
  CHECK((without.empty() || without[0].score < 0.3));

  // Boilerplate: a fingerprint in more than max_share of the documents is dropped ...
  std::vector<Document> many(30, fingerprint(starter, Language::Python, kK, kW));
  o.max_share = 0.5;
  CHECK(find_pairs(many, {}, o).empty());
  // ... but never one that only a handful hold: six alike solutions among a hundred
  // others are a copy ring, even where 1% of the batch is the boilerplate line.
  std::vector<Document> ring(6, fingerprint(a, Language::Python, kK, kW));
  for (int i = 0; i < 100; ++i)
    ring.push_back(fingerprint("print(" + std::to_string(i) + ")\n", Language::Python, kK, kW));
  o.max_share = 0.01;
  CHECK(find_pairs(ring, {}, o).size() == 15);  // every pair of the six
  o.never_boilerplate = 5;
  CHECK(find_pairs(ring, {}, o).empty());
}

TEST_CASE("similarity pairs: clusters are the connected components above the threshold") {
  std::vector<Pair> pairs = {{0, 1, 0.9, 0.8, 40, {}}, {1, 4, 0.8, 0.7, 30, {}}, {2, 3, 0.5, 0.4, 20, {}},
                             {3, 5, 0.95, 0.9, 50, {}}};
  std::vector<std::vector<int>> c = clusters(6, pairs, 0.7);
  REQUIRE(c.size() == 2);
  CHECK(c[0] == std::vector<int>{0, 1, 4});
  CHECK(c[1] == std::vector<int>{3, 5});
  CHECK(clusters(6, pairs, 0.99).empty());
}

TEST_CASE("similarity pairs: the threshold follows the problem's own scores") {
  CHECK(relative_threshold({0.9, 0.1}) == kFewPairsThreshold);  // too few to judge by
  // Scores spread over 0.10..0.30 (a problem solved in many ways) and over
  // 0.30..0.60 (a short task that makes everyone's code alike), 1,000 pairs each.
  std::vector<double> varied, alike;
  for (int i = 0; i < 1000; ++i) {
    double u = (i % 100) / 100.0, tail = i % 10 == 0 ? 0.05 * (i % 7) : 0;
    varied.push_back(0.10 + 0.20 * u * u + tail);
    alike.push_back(0.30 + 0.30 * u * u + tail);
  }
  double low = relative_threshold(varied), high = relative_threshold(alike);
  CHECK(low >= 0.5);
  CHECK(high > low);  // alike solutions raise the bar
  CHECK(high <= 0.9);
  // One planted copy among them does not move it.
  alike.push_back(0.97);
  CHECK(relative_threshold(alike) == doctest::Approx(high).epsilon(0.01));
  // A heavy tail pushes it to the top of its range.
  std::vector<double> heavy(alike);
  for (int i = 0; i < 100; ++i) heavy.push_back(0.6 + 0.004 * i);
  CHECK(relative_threshold(heavy) == 0.9);
  // Chance pairs: about one at an unclamped threshold, many where it was clamped.
  CHECK_FALSE(chance_pairs_above({0.9, 0.1}, 0.5).has_value());
  REQUIRE(chance_pairs_above(varied, low).has_value());
  if (low > kMinRelativeThreshold) CHECK(*chance_pairs_above(varied, low) == doctest::Approx(1.0));
  CHECK(*chance_pairs_above(alike, high) == doctest::Approx(1.0).epsilon(0.05));
  CHECK(*chance_pairs_above(heavy, 0.9) > 10);
  CHECK(*chance_pairs_above(alike, 0.0) == static_cast<double>(alike.size()));  // below the tail: counted
  MESSAGE("varied " << low << ", alike " << high);
}

TEST_CASE("similarity pairs: with many pairs the tail is fitted further up, where alike solutions thin out") {
  // 40,000 pairs whose tail is lighter than exponential (as same-template solutions'
  // are: a few rewrites apart is common, none apart rare): score = 0.3 + 0.6 u^10. The
  // 90th-99th percentile fit would expect 4x too many at 0.89.
  std::vector<double> scores;
  for (int i = 0; i < 40000; ++i) scores.push_back(0.3 + 0.6 * std::pow((i + 0.5) / 40000.0, 10));
  for (double t : {0.87, 0.89}) {
    const double truth = static_cast<double>(std::count_if(scores.begin(), scores.end(), [&](double x) { return x >= t; }));
    const double estimate = *chance_pairs_above(scores, t);
    CHECK(estimate >= truth / 2);
    CHECK(estimate <= truth * 2);
    MESSAGE("at " << t << ": " << truth << " pairs, " << estimate << " expected");
  }
}
