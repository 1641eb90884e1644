#include "review/calibration.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numbers>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using review::calibrate;
using review::Calibration;
using review::CalibrationOptions;
using review::kendall_tau;
using review::Review;

namespace {

// std::mt19937_64 is specified bit for bit; the std distributions are not, so the
// uniform, normal and shuffle below are spelled out to keep figures portable.
struct Rng {
  std::mt19937_64 gen;
  explicit Rng(uint64_t seed) : gen(seed) {}
  double uniform() { return static_cast<double>(gen() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  int below(int n) { return static_cast<int>(uniform() * n); }
  double normal() {  // Box-Muller; the second variate is dropped to keep the state simple
    double u1 = 1.0 - uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (int k = static_cast<int>(v.size()) - 1; k > 0; --k) std::swap(v[k], v[below(k + 1)]);
  }
};

CalibrationOptions with_ridge(double ridge) {
  CalibrationOptions o;
  o.ridge = ridge;
  o.max_iterations = 5000;
  return o;
}

// Applicant i is reviewed by reviewers i, i+1 and i+5 (mod R): consecutive reviewers
// share applicants, so the graph is connected, and every reviewer gets 3A/R reviews.
std::vector<std::pair<int, int>> ring_design(int applicants, int reviewers) {
  std::vector<std::pair<int, int>> pairs;
  for (int i = 0; i < applicants; ++i)
    for (int step : {0, 1, 5}) pairs.push_back({i, (i + step) % reviewers});
  return pairs;
}

double max_abs_diff(const std::vector<double>& x, const std::vector<double>& y) {
  double m = 0;
  for (size_t k = 0; k < x.size(); ++k) m = std::max(m, std::abs(x[k] - y[k]));
  return m;
}

double weighted_mean_offset(const Calibration& c, int component) {
  double s = 0, n = 0;
  for (size_t j = 0; j < c.offset.size(); ++j)
    if (c.reviewer_component[j] == component) {
      s += c.reviewer_reviews[j] * c.offset[j];
      n += c.reviewer_reviews[j];
    }
  return s / n;
}

double brute_force_tau(const std::vector<double>& a, const std::vector<double>& b) {
  int64_t s = 0, ties_a = 0, ties_b = 0, n = static_cast<int64_t>(a.size());
  for (int64_t x = 0; x < n; ++x)
    for (int64_t y = x + 1; y < n; ++y) {
      int sa = (a[x] > a[y]) - (a[x] < a[y]), sb = (b[x] > b[y]) - (b[x] < b[y]);
      s += sa * sb;
      ties_a += sa == 0;
      ties_b += sb == 0;
    }
  double pairs = static_cast<double>(n * (n - 1) / 2);
  return s / std::sqrt((pairs - ties_a) * (pairs - ties_b));
}

// Indices of the k largest scores; ties broken by index so the set is well defined.
std::vector<int> top(const std::vector<double>& score, int k) {
  std::vector<int> idx(score.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int x, int y) { return score[x] > score[y]; });
  idx.resize(k);
  std::sort(idx.begin(), idx.end());
  return idx;
}

double recall(const std::vector<double>& score, const std::vector<double>& truth, int k) {
  std::vector<int> got = top(score, k), want = top(truth, k), both;
  std::set_intersection(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(both));
  return static_cast<double>(both.size()) / k;
}

// A campaign-sized review round. Reviewers differ in harshness (additive), in how
// much of the scale they use (multiplicative) and in how noisy they are; scores are
// rounded to integers on a 1..10 rubric and clamped, as a real rubric would be.
struct Simulation {
  std::vector<double> quality;
  std::vector<Review> reviews;
  int applicants = 3000, reviewers = 300, per_applicant = 3;
};

Simulation simulate(uint64_t seed) {
  Simulation s;
  Rng rng(seed);
  s.quality.resize(s.applicants);
  for (double& q : s.quality) q = rng.normal();
  std::vector<double> harsh(s.reviewers), noise(s.reviewers), spread(s.reviewers);
  for (int j = 0; j < s.reviewers; ++j) {
    harsh[j] = 0.8 * rng.normal();
    noise[j] = rng.uniform(0.3, 1.0);
    spread[j] = rng.uniform(0.6, 1.4);
  }
  // Shuffled round-robin: each pass deals a fresh permutation of the reviewers in
  // consecutive triples, so an applicant's reviewers are distinct, loads are exactly
  // equal (30 each), and 30 independent passes connect the graph.
  std::vector<int> perm(s.reviewers);
  std::iota(perm.begin(), perm.end(), 0);
  int per_pass = s.reviewers / s.per_applicant;
  for (int i = 0; i < s.applicants; ++i) {
    if (i % per_pass == 0) rng.shuffle(perm);
    for (int r = 0; r < s.per_applicant; ++r) {
      int j = perm[(i % per_pass) * s.per_applicant + r];
      double y = spread[j] * s.quality[i] + harsh[j] + noise[j] * rng.normal();
      double score = std::clamp(std::round(5.5 + 1.5 * y), 1.0, 10.0);
      s.reviews.push_back({i, j, score});
    }
  }
  return s;
}

}  // namespace

TEST_CASE("calibration: exact recovery on noise-free data") {
  const int A = 60, R = 12;
  const double mu = 6.25;
  std::vector<double> f(A), b(R);
  for (int i = 0; i < A; ++i) f[i] = std::sin(1.7 * i) + 0.01 * i;
  for (int j = 0; j < R; ++j) b[j] = std::cos(2.3 * j + 0.4);
  // Every applicant has 3 reviews and every reviewer 15, so plain centring of f and
  // b matches the fit's convention (grand mean = mu, review-weighted offsets sum 0).
  double fm = std::accumulate(f.begin(), f.end(), 0.0) / A, bm = std::accumulate(b.begin(), b.end(), 0.0) / R;
  for (double& x : f) x -= fm;
  for (double& x : b) x -= bm;
  std::vector<Review> reviews;
  for (auto [i, j] : ring_design(A, R)) reviews.push_back({i, j, mu + f[i] + b[j]});

  Calibration c = calibrate(A, R, reviews, with_ridge(0));
  CHECK(c.components == 1);
  CHECK(c.mu == doctest::Approx(mu).epsilon(1e-12));
  CHECK(max_abs_diff(c.quality, f) < 1e-6);
  CHECK(max_abs_diff(c.offset, b) < 1e-6);
  CHECK(c.residual_sd < 1e-6);
  CHECK(c.iterations < 5000);  // converged, not cut off
  for (const Review& r : reviews) CHECK(review::calibrated_review(c, r) == doctest::Approx(mu + f[r.applicant]));
  // The plain mean is fooled by who reviewed whom; the fit is not.
  CHECK(kendall_tau(c.calibrated, f) == doctest::Approx(1.0));
  CHECK(kendall_tau(c.plain_mean, f) < 0.95);
}

TEST_CASE("calibration: shifting one reviewer's scores is absorbed by that reviewer's offset") {
  const int A = 120, R = 12, shifted = 4;  // 30 reviews per reviewer
  const double delta = 2.5;
  Rng rng(7);
  std::vector<Review> reviews;
  for (auto [i, j] : ring_design(A, R)) reviews.push_back({i, j, 5 + 0.3 * j + 1.2 * rng.normal()});
  std::vector<Review> moved = reviews;
  for (Review& r : moved)
    if (r.reviewer == shifted) r.score += delta;

  SUBCASE("ridge 0: exactly") {
    Calibration before = calibrate(A, R, reviews, with_ridge(0)), after = calibrate(A, R, moved, with_ridge(0));
    CHECK(max_abs_diff(before.quality, after.quality) < 1e-6);
    // Relative to every other reviewer, the shifted one moves by delta.
    for (int j = 0; j < R; ++j) {
      if (j == shifted) continue;
      double rel_before = before.offset[shifted] - before.offset[j], rel_after = after.offset[shifted] - after.offset[j];
      CHECK(rel_after - rel_before == doctest::Approx(delta).epsilon(1e-9));
    }
    CHECK(after.residual_sd == doctest::Approx(before.residual_sd).epsilon(1e-9));
  }

  SUBCASE("ridge 1: bounded leak") {
    // With a ridge of r pseudo-reviews the reviewer's offset takes only about
    // n/(n + r) of the shift; the rest, delta * r / (n + r) per review, is left for
    // that reviewer's applicants, each of whom averages it with its other reviews
    // (first sweep: |df_i| ~ delta * r / ((n + r) n_i)). Later sweeps only spread it
    // further, so in a well-connected design
    //   max_i |df_i| <= delta * r / (n + r)   (here 2.5 / 31 = 0.081).
    // Not a theorem for every graph: if the shifted reviewer alone links a cluster
    // to the rest, the whole shift can leak into that cluster (bound then: delta).
    const double ridge = 1;
    Calibration before = calibrate(A, R, reviews, with_ridge(ridge)), after = calibrate(A, R, moved, with_ridge(ridge));
    const int n = before.reviewer_reviews[shifted];
    REQUIRE(n >= 20);
    const double bound = delta * ridge / (n + ridge);
    double leak_reviewed = 0, leak_other = 0;
    for (int i = 0; i < A; ++i) {
      bool by_shifted = false;
      for (const Review& r : reviews) by_shifted |= r.applicant == i && r.reviewer == shifted;
      double d = std::abs(after.quality[i] - before.quality[i]);
      (by_shifted ? leak_reviewed : leak_other) = std::max(by_shifted ? leak_reviewed : leak_other, d);
    }
    MESSAGE("ridge 1, n = " << n << ": max |df| of the shifted reviewer's applicants " << leak_reviewed
                            << ", of the others " << leak_other << ", bound " << bound);
    CHECK(leak_reviewed <= bound);
    CHECK(leak_other <= bound);
    CHECK(leak_reviewed > 0);  // the ridge does leak: this is not the ridge-0 case again
    double rel = (after.offset[shifted] - after.offset[0]) - (before.offset[shifted] - before.offset[0]);
    CHECK(rel < delta);
    CHECK(rel > delta * n / (n + ridge) - bound);
  }
}

TEST_CASE("calibration: a reviewer with one review is shrunk toward fair") {
  // 20 applicants, 3 reviewers each, and 60 reviewers who review one applicant each:
  // nothing tells a harsh reviewer from a weak applicant.
  const int A = 20, per = 3, R = A * per;
  Rng rng(11);
  std::vector<Review> reviews;
  for (int i = 0; i < A; ++i)
    for (int k = 0; k < per; ++k) reviews.push_back({i, i * per + k, std::round(1 + 9 * rng.uniform())});

  SUBCASE("ridge 1: halves every offset and keeps the plain mean") {
    Calibration c = calibrate(A, R, reviews, with_ridge(1));
    CHECK(c.components == A);  // one star per applicant
    int shrunk = 0;
    for (const Review& r : reviews) {
      double deviation = r.score - c.mu - c.quality[r.applicant];  // the unshrunk offset
      double b = c.offset[r.reviewer];
      // One real review plus one pseudo-review of offset 0: exactly half.
      CHECK(b == doctest::Approx(deviation / 2).epsilon(1e-9));
      if (deviation != 0) {
        CHECK(std::abs(b) < std::abs(deviation));
        ++shrunk;
      }
    }
    CHECK(shrunk > 0);
    CHECK(max_abs_diff(c.calibrated, c.plain_mean) < 1e-9);
  }

  SUBCASE("ridge 0: saturated, but finite") {
    Calibration c = calibrate(A, R, reviews, with_ridge(0));
    for (int i = 0; i < A; ++i) {
      CHECK(std::isfinite(c.quality[i]));
      CHECK(std::isfinite(c.quality_se[i]));
      CHECK(c.calibrated[i] == doctest::Approx(c.plain_mean[i]));  // centring picks the plain mean
    }
    for (int j = 0; j < R; ++j) CHECK(std::isfinite(c.offset[j]));
    CHECK(c.residual_sd == doctest::Approx(0).epsilon(1e-9));  // every review fitted exactly
  }

  SUBCASE("mixed: the one-review reviewer is shrunk, the busy ones are not") {
    // Applicants 0..39 get two reviews from a connected core of 8 reviewers (10
    // each); applicant 0 gets a third from reviewer 8, who reviews nobody else.
    std::vector<Review> mixed;
    for (int i = 0; i < 40; ++i) {
      mixed.push_back({i, i % 8, 5 + 0.5 * (i % 7) + (i % 8 == 3 ? -1.5 : 0)});
      mixed.push_back({i, (i + 1) % 8, 5 + 0.5 * (i % 7) + ((i + 1) % 8 == 3 ? -1.5 : 0)});
    }
    mixed.push_back({0, 8, 9.0});
    Calibration r0 = calibrate(40, 9, mixed, with_ridge(0)), r1 = calibrate(40, 9, mixed, with_ridge(1));
    CHECK(r0.components == 1);
    // Ridge 0 lets the lone review say nothing about applicant 0 (its reviewer
    // absorbs all of it); ridge 1 lets half of it count.
    CHECK(std::abs(r1.offset[8] - r1.offset[0]) < std::abs(r0.offset[8] - r0.offset[0]));
    CHECK(r1.quality[0] - r1.quality[8] > r0.quality[0] - r0.quality[8]);
    // The harsh core reviewer (3, 1.5 below the rest) is recognised by both.
    CHECK(r0.offset[3] - r0.offset[2] == doctest::Approx(-1.5).epsilon(1e-6));
    CHECK(r1.offset[3] - r1.offset[2] < -1.2);
  }
}

TEST_CASE("calibration: components are found and centred on their own") {
  // Group A: applicants 0..9 with reviewers 0..2; group B: applicants 10..19 with
  // reviewers 3..5; applicant 20 and reviewer 6 take part in nothing.
  const int A = 21, R = 7;
  Rng rng(5);
  std::vector<Review> reviews;
  for (int i = 0; i < 20; ++i) {
    int base = i < 10 ? 0 : 3;
    for (int k = 0; k < 2; ++k) {
      int j = base + (i + k) % 3;
      reviews.push_back({i, j, 4 + j + (i % 5) + 0.3 * rng.normal()});
    }
  }
  reviews.push_back({12, 5, 8.0});  // unequal loads, so weighted and plain centring differ
  std::vector<Review> shuffled = reviews;
  rng.shuffle(shuffled);

  for (const auto* input : {&reviews, &shuffled}) {
    const double ridge = 1;
    Calibration c = calibrate(A, R, *input, with_ridge(ridge));
    CHECK(c.components == 2);
    for (int i = 0; i < 20; ++i) CHECK(c.applicant_component[i] == (i < 10 ? 0 : 1));
    for (int j = 0; j < 6; ++j) CHECK(c.reviewer_component[j] == (j < 3 ? 0 : 1));
    CHECK(weighted_mean_offset(c, 0) == doctest::Approx(0).scale(1).epsilon(1e-12));
    CHECK(weighted_mean_offset(c, 1) == doctest::Approx(0).scale(1).epsilon(1e-12));

    CHECK(c.applicant_component[20] == -1);
    CHECK(c.review_count[20] == 0);
    CHECK(c.quality[20] == 0);
    CHECK(std::isinf(c.quality_se[20]));
    CHECK(std::isnan(c.plain_mean[20]));
    CHECK(std::isnan(c.zscore_mean[20]));
    CHECK(c.reviewer_component[6] == -1);
    CHECK(c.reviewer_reviews[6] == 0);
    CHECK(c.offset[6] == 0);
    for (int i = 0; i < 20; ++i) CHECK(std::isfinite(c.quality_se[i]));

    // The fit is the ridge least-squares solution, only re-centred: each applicant's
    // residuals sum to 0, and each reviewer's residual sum is ridge * (its offset +
    // a constant of its component), the constant being that re-centring.
    std::vector<double> by_applicant(A, 0), by_reviewer(R, 0);
    for (const Review& r : *input) {
      double e = r.score - c.mu - c.quality[r.applicant] - c.offset[r.reviewer];
      by_applicant[r.applicant] += e;
      by_reviewer[r.reviewer] += e;
    }
    for (int i = 0; i < A; ++i) CHECK(by_applicant[i] == doctest::Approx(0).scale(1).epsilon(1e-8));
    for (int j = 0; j < 6; ++j) {
      int first = j < 3 ? 0 : 3;
      CHECK(by_reviewer[j] / ridge - c.offset[j] ==
            doctest::Approx(by_reviewer[first] / ridge - c.offset[first]).scale(1).epsilon(1e-8));
    }
  }
}

TEST_CASE("calibration: simulated campaign ranks closer to the truth than plain or z-score means") {
  auto started = std::chrono::steady_clock::now();
  Simulation s = simulate(20240611);
  const double ridge = 1;

  double fastest_ms = 1e9;
  Calibration c;
  for (int rep = 0; rep < 3; ++rep) {  // best of 3: the machine may be busy
    auto t0 = std::chrono::steady_clock::now();
    c = calibrate(s.applicants, s.reviewers, s.reviews, with_ridge(ridge));
    fastest_ms = std::min(fastest_ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  REQUIRE(c.components == 1);
  for (int j = 0; j < s.reviewers; ++j) REQUIRE(c.reviewer_reviews[j] == 30);

  const int k = s.applicants / 10;
  double tau_plain = kendall_tau(c.plain_mean, s.quality), tau_z = kendall_tau(c.zscore_mean, s.quality),
         tau_cal = kendall_tau(c.calibrated, s.quality);
  double rec_plain = recall(c.plain_mean, s.quality, k), rec_z = recall(c.zscore_mean, s.quality, k),
         rec_cal = recall(c.calibrated, s.quality, k);
  MESSAGE("kendall tau with true quality: plain " << tau_plain << ", z-score " << tau_z << ", calibrated (ridge "
                                                  << ridge << ") " << tau_cal);
  MESSAGE("top-10% recall: plain " << rec_plain << ", z-score " << rec_z << ", calibrated " << rec_cal);
  MESSAGE("calibrate(): " << fastest_ms << " ms, " << c.iterations << " sweeps, residual sd " << c.residual_sd);

  CHECK(tau_cal > tau_plain + 0.03);
  CHECK(tau_cal >= tau_z - 0.01);
  CHECK(rec_cal > rec_plain);
  CHECK(c.iterations < 500);  // converged
  CHECK(fastest_ms < 100);

  double total_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  MESSAGE("whole test: " << total_ms << " ms");
  CHECK(total_ms < 2000);
}

TEST_CASE("calibration: kendall_tau matches the O(n^2) definition, ties included") {
  Rng rng(99);
  for (int n : {2, 3, 5, 10, 57, 200, 1000}) {
    for (int levels : {2, 3, 10, 1000000}) {
      std::vector<double> a(n), b(n);
      for (int k = 0; k < n; ++k) {
        a[k] = rng.below(levels);
        b[k] = rng.below(levels) + 0.5 * a[k];  // correlated, so tau is not ~0
      }
      double fast = kendall_tau(a, b), slow = brute_force_tau(a, b);
      INFO("n = " << n << ", levels = " << levels);
      if (std::isnan(slow)) {
        CHECK(std::isnan(fast));
      } else {
        CHECK(fast == doctest::Approx(slow).epsilon(1e-12));
      }
    }
  }
  std::vector<double> up = {1, 2, 3, 4, 5, 6}, down = {6, 5, 4, 3, 2, 1}, tied = {1, 1, 2, 2, 3, 3};
  CHECK(kendall_tau(up, up) == doctest::Approx(1.0));
  CHECK(kendall_tau(up, down) == doctest::Approx(-1.0));
  CHECK(kendall_tau(tied, tied) == doctest::Approx(1.0));  // tau-b, unlike tau-a, reaches 1 with ties
  CHECK(kendall_tau(tied, {3, 3, 2, 2, 1, 1}) == doctest::Approx(-1.0));
  CHECK(kendall_tau({1, 2, 3}, {1, 3, 2}) == doctest::Approx(1.0 / 3));
  CHECK(std::isnan(kendall_tau(up, {2, 2, 2, 2, 2, 2})));  // undefined against a constant
  CHECK(std::isnan(kendall_tau({1}, {1})));
  CHECK_THROWS_AS(kendall_tau(up, {1, 2}), std::invalid_argument);
  CHECK_THROWS_AS(kendall_tau({1, std::nan("")}, {1, 2}), std::invalid_argument);
}

TEST_CASE("calibration: deterministic, bit for bit") {
  Simulation s = simulate(3);
  Calibration x = calibrate(s.applicants, s.reviewers, s.reviews), y = calibrate(s.applicants, s.reviewers, s.reviews);
  auto same = [](const std::vector<double>& p, const std::vector<double>& q) {
    return p.size() == q.size() && std::memcmp(p.data(), q.data(), p.size() * sizeof(double)) == 0;
  };
  CHECK(std::memcmp(&x.mu, &y.mu, sizeof x.mu) == 0);
  CHECK(same(x.quality, y.quality));
  CHECK(same(x.quality_se, y.quality_se));
  CHECK(same(x.calibrated, y.calibrated));
  CHECK(same(x.offset, y.offset));
  CHECK(same(x.zscore_mean, y.zscore_mean));
  CHECK(same(x.plain_mean, y.plain_mean));
  CHECK(x.applicant_component == y.applicant_component);
  CHECK(x.iterations == y.iterations);
  CHECK(std::memcmp(&x.residual_sd, &y.residual_sd, sizeof x.residual_sd) == 0);
}

TEST_CASE("calibration: rejects malformed input") {
  std::vector<Review> ok = {{0, 0, 5}, {1, 0, 6}};
  CHECK_NOTHROW(calibrate(2, 1, ok));
  CHECK_THROWS_AS(calibrate(1, 1, ok), std::invalid_argument);  // applicant 1 out of range
  CHECK_THROWS_AS(calibrate(2, 1, {{0, 1, 5}}), std::invalid_argument);
  CHECK_THROWS_AS(calibrate(2, 1, {{0, 0, std::nan("")}}), std::invalid_argument);
  CHECK_THROWS_AS(calibrate(2, 1, ok, with_ridge(-1)), std::invalid_argument);
  Calibration empty = calibrate(3, 2, {});
  CHECK(empty.components == 0);
  CHECK(empty.mu == 0);
  CHECK(std::isinf(empty.quality_se[2]));
}
