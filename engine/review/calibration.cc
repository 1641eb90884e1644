#include "review/calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace review {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Compressed adjacency: one flat array per side instead of vector<vector<>>, so a
// sweep walks contiguous memory (the whole fit is a few dozen passes over 9,000
// entries; allocation and pointer chasing would dominate otherwise).
struct Adjacency {
  std::vector<int> start;      // size nodes + 1
  std::vector<int> other;      // the node on the other side of each entry
  std::vector<double> score;   // raw score minus mu, stored next to its edge

  void build(int nodes, const std::vector<Review>& reviews, bool by_applicant, double mu) {
    start.assign(static_cast<size_t>(nodes) + 1, 0);
    for (const Review& r : reviews) ++start[(by_applicant ? r.applicant : r.reviewer) + 1];
    for (int k = 0; k < nodes; ++k) start[k + 1] += start[k];
    other.resize(reviews.size());
    score.resize(reviews.size());
    // Filled in input order, so the summation order (and the result, bit for bit)
    // depends only on the input.
    std::vector<int> next(start.begin(), start.end() - 1);
    for (const Review& r : reviews) {
      int node = by_applicant ? r.applicant : r.reviewer;
      int slot = next[node]++;
      other[slot] = by_applicant ? r.reviewer : r.applicant;
      score[slot] = r.score - mu;
    }
  }
  int count(int node) const { return start[node + 1] - start[node]; }
};

int find_root(std::vector<int>& parent, int x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

void validate(int applicants, int reviewers, const std::vector<Review>& reviews,
              const CalibrationOptions& options) {
  if (applicants < 0 || reviewers < 0) throw std::invalid_argument("calibrate: negative applicant or reviewer count");
  if (!(options.ridge >= 0) || !std::isfinite(options.ridge))
    throw std::invalid_argument("calibrate: ridge must be finite and >= 0");
  if (options.max_iterations < 1) throw std::invalid_argument("calibrate: max_iterations must be >= 1");
  for (size_t k = 0; k < reviews.size(); ++k) {
    const Review& r = reviews[k];
    if (r.applicant < 0 || r.applicant >= applicants || r.reviewer < 0 || r.reviewer >= reviewers ||
        !std::isfinite(r.score))
      throw std::invalid_argument("calibrate: review " + std::to_string(k) +
                                  " has an applicant or reviewer index out of range or a non-finite score");
  }
}

// Per-reviewer standardization, kept only as a cross-check for display.
void zscore_means(int applicants, const Adjacency& by_applicant, const Adjacency& by_reviewer,
                  std::vector<double>& out) {
  int reviewers = static_cast<int>(by_reviewer.start.size()) - 1;
  std::vector<double> mean(reviewers, 0), inv_sd(reviewers, 0);
  for (int j = 0; j < reviewers; ++j) {
    int n = by_reviewer.count(j);
    if (n < 2) continue;  // a lone review says nothing about the reviewer's scale: z = 0
    double s = 0;
    for (int e = by_reviewer.start[j]; e < by_reviewer.start[j + 1]; ++e) s += by_reviewer.score[e];
    double m = s / n, ss = 0;
    for (int e = by_reviewer.start[j]; e < by_reviewer.start[j + 1]; ++e) {
      double d = by_reviewer.score[e] - m;
      ss += d * d;
    }
    double sd = std::sqrt(ss / (n - 1));
    mean[j] = m;
    // A reviewer who gives everyone the same score ranks nobody: z = 0, not 0/0.
    inv_sd[j] = sd > 0 ? 1.0 / sd : 0.0;
  }
  out.assign(applicants, kNaN);
  for (int i = 0; i < applicants; ++i) {
    int n = by_applicant.count(i);
    if (n == 0) continue;
    double s = 0;
    for (int e = by_applicant.start[i]; e < by_applicant.start[i + 1]; ++e) {
      int j = by_applicant.other[e];
      s += (by_applicant.score[e] - mean[j]) * inv_sd[j];
    }
    out[i] = s / n;
  }
}

}  // namespace

Calibration calibrate(int applicants, int reviewers, const std::vector<Review>& reviews,
                      const CalibrationOptions& options) {
  validate(applicants, reviewers, reviews, options);
  Calibration c;
  const int total = static_cast<int>(reviews.size());

  if (total > 0) {
    double s = 0;
    for (const Review& r : reviews) s += r.score;
    c.mu = s / total;
  }

  Adjacency by_applicant, by_reviewer;
  by_applicant.build(applicants, reviews, true, c.mu);
  by_reviewer.build(reviewers, reviews, false, c.mu);

  c.review_count.resize(applicants);
  for (int i = 0; i < applicants; ++i) c.review_count[i] = by_applicant.count(i);
  c.reviewer_reviews.resize(reviewers);
  for (int j = 0; j < reviewers; ++j) c.reviewer_reviews[j] = by_reviewer.count(j);

  // Components of the bipartite graph: applicants are nodes 0..A-1, reviewers A..A+R-1.
  // Ids follow the lowest applicant index in each component, so they do not depend on
  // the order of the reviews.
  {
    std::vector<int> parent(static_cast<size_t>(applicants) + reviewers);
    std::iota(parent.begin(), parent.end(), 0);
    for (const Review& r : reviews) {
      int a = find_root(parent, r.applicant), b = find_root(parent, applicants + r.reviewer);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    std::vector<int> id_of_root(parent.size(), -1);
    c.applicant_component.assign(applicants, -1);
    c.reviewer_component.assign(reviewers, -1);
    for (int i = 0; i < applicants; ++i) {
      if (c.review_count[i] == 0) continue;
      int root = find_root(parent, i);
      if (id_of_root[root] < 0) id_of_root[root] = c.components++;
      c.applicant_component[i] = id_of_root[root];
    }
    for (int j = 0; j < reviewers; ++j)
      if (c.reviewer_reviews[j] > 0) c.reviewer_component[j] = id_of_root[find_root(parent, applicants + j)];
  }
  const int K = c.components;
  std::vector<int> reviewers_in(K, 0);
  std::vector<double> reviews_in(K, 0);
  for (int j = 0; j < reviewers; ++j) {
    int k = c.reviewer_component[j];
    if (k < 0) continue;
    ++reviewers_in[k];
    reviews_in[k] += c.reviewer_reviews[j];
  }

  std::vector<double>& f = c.quality;
  std::vector<double>& b = c.offset;
  f.assign(applicants, 0);
  b.assign(reviewers, 0);
  std::vector<double> shift(K);
  const double ridge = options.ridge;

  std::vector<double> f_before, b_before;
  for (c.iterations = 0; c.iterations < options.max_iterations;) {
    ++c.iterations;
    f_before = f;
    b_before = b;
    for (int i = 0; i < applicants; ++i) {
      int n = c.review_count[i];
      if (n == 0) continue;
      double s = 0;
      for (int e = by_applicant.start[i]; e < by_applicant.start[i + 1]; ++e)
        s += by_applicant.score[e] - b[by_applicant.other[e]];
      f[i] = s / n;
    }
    std::fill(shift.begin(), shift.end(), 0.0);
    for (int j = 0; j < reviewers; ++j) {
      int n = c.reviewer_reviews[j];
      if (n == 0) continue;
      double s = 0;
      for (int e = by_reviewer.start[j]; e < by_reviewer.start[j + 1]; ++e)
        s += by_reviewer.score[e] - f[by_reviewer.other[e]];
      b[j] = s / (n + ridge);
      shift[c.reviewer_component[j]] += b[j];
    }
    // Moving t from every offset of a component into every quality of it leaves the
    // fit unchanged, and alternating updates crawl along that direction (with ridge
    // r and n reviews per reviewer they contract it only by n / (n + r) a sweep;
    // with ridge 0 they do not at all). So each sweep takes the exact minimizer along
    // it: t = the component's unweighted mean offset, which is where the ridge
    // penalty sum b_j^2 is least. This is block coordinate descent on the ridge
    // objective, so it converges to the ridge solution itself; centring on the
    // review-weighted mean here instead would settle on a fixed point that
    // minimizes neither. The reported convention is applied once, after the loop.
    for (int k = 0; k < K; ++k) shift[k] /= reviewers_in[k];
    for (int j = 0; j < reviewers; ++j)
      if (c.reviewer_component[j] >= 0) b[j] -= shift[c.reviewer_component[j]];
    for (int i = 0; i < applicants; ++i)
      if (c.applicant_component[i] >= 0) f[i] += shift[c.applicant_component[i]];
    double moved = 0;
    for (int i = 0; i < applicants; ++i) moved = std::max(moved, std::abs(f[i] - f_before[i]));
    for (int j = 0; j < reviewers; ++j) moved = std::max(moved, std::abs(b[j] - b_before[j]));
    if (moved <= options.tolerance) break;
  }

  // Reported identification: each component's offsets average 0 over its reviews,
  // i.e. the typical review in a component came from a fair reviewer. With ridge 0
  // this is what makes the contract hold (shifting one reviewer's scores by d moves
  // mu by n_j d / N and that reviewer's offset by d - n_j d / N, and the offsets stay
  // centred, so no f_i changes). Fitted values and within-component order are
  // untouched.
  std::fill(shift.begin(), shift.end(), 0.0);
  for (int j = 0; j < reviewers; ++j)
    if (c.reviewer_component[j] >= 0) shift[c.reviewer_component[j]] += c.reviewer_reviews[j] * b[j];
  for (int k = 0; k < K; ++k) shift[k] /= reviews_in[k];
  for (int j = 0; j < reviewers; ++j)
    if (c.reviewer_component[j] >= 0) b[j] -= shift[c.reviewer_component[j]];
  for (int i = 0; i < applicants; ++i)
    if (c.applicant_component[i] >= 0) f[i] += shift[c.applicant_component[i]];

  double ssr = 0;
  for (int i = 0; i < applicants; ++i)
    for (int e = by_applicant.start[i]; e < by_applicant.start[i + 1]; ++e) {
      double r = by_applicant.score[e] - f[i] - b[by_applicant.other[e]];
      ssr += r * r;
    }
  int reviewed_applicants = 0, active_reviewers = 0;
  for (int i = 0; i < applicants; ++i) reviewed_applicants += c.review_count[i] > 0;
  for (int j = 0; j < reviewers; ++j) active_reviewers += c.reviewer_reviews[j] > 0;
  // Free parameters: one quality per reviewed applicant and one offset per active
  // reviewer, less one per component for the centring (mu is absorbed by the
  // qualities). Designs with no spare degrees of freedom are clamped to 1 rather
  // than dividing by zero.
  int dof = std::max(1, total - reviewed_applicants - active_reviewers + K);
  c.residual_sd = std::sqrt(ssr / dof);

  c.quality_se.assign(applicants, kInf);
  c.calibrated.resize(applicants);
  c.plain_mean.assign(applicants, kNaN);
  for (int i = 0; i < applicants; ++i) {
    c.calibrated[i] = c.mu + f[i];
    int n = c.review_count[i];
    if (n == 0) continue;
    c.quality_se[i] = c.residual_sd / std::sqrt(static_cast<double>(n));
    double s = 0;
    for (int e = by_applicant.start[i]; e < by_applicant.start[i + 1]; ++e) s += by_applicant.score[e];
    c.plain_mean[i] = c.mu + s / n;
  }
  zscore_means(applicants, by_applicant, by_reviewer, c.zscore_mean);
  return c;
}

namespace {

// Merge sort of v[lo, hi) counting pairs that are strictly out of order (equal values
// are not swaps, so ties in b are never counted as discordant).
int64_t sort_counting_swaps(std::vector<double>& v, std::vector<double>& tmp, size_t lo, size_t hi) {
  if (hi - lo < 2) return 0;
  size_t mid = lo + (hi - lo) / 2;
  int64_t swaps = sort_counting_swaps(v, tmp, lo, mid) + sort_counting_swaps(v, tmp, mid, hi);
  size_t l = lo, r = mid, o = lo;
  while (l < mid && r < hi) {
    if (v[r] < v[l]) {
      swaps += static_cast<int64_t>(mid - l);
      tmp[o++] = v[r++];
    } else {
      tmp[o++] = v[l++];
    }
  }
  while (l < mid) tmp[o++] = v[l++];
  while (r < hi) tmp[o++] = v[r++];
  std::copy(tmp.begin() + lo, tmp.begin() + hi, v.begin() + lo);
  return swaps;
}

// Sum over runs of equal values of t (t - 1) / 2, for a sorted range.
template <class Equal>
int64_t tied_pairs(size_t n, Equal equal) {
  int64_t pairs = 0, run = 1;
  for (size_t k = 1; k <= n; ++k) {
    if (k < n && equal(k - 1, k)) {
      ++run;
    } else {
      pairs += run * (run - 1) / 2;
      run = 1;
    }
  }
  return pairs;
}

}  // namespace

// Knight's algorithm: after sorting by (a, b), every discordant pair is an inversion
// of the b sequence, and pairs tied in a are already in b order, so they are not.
double kendall_tau(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) throw std::invalid_argument("kendall_tau: vectors differ in length");
  const size_t n = a.size();
  for (size_t k = 0; k < n; ++k)
    if (std::isnan(a[k]) || std::isnan(b[k])) throw std::invalid_argument("kendall_tau: NaN in input");
  if (n < 2) return kNaN;

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return a[x] < a[y] || (a[x] == a[y] && b[x] < b[y]);
  });
  std::vector<double> bs(n);
  for (size_t k = 0; k < n; ++k) bs[k] = b[order[k]];

  const int64_t pairs = static_cast<int64_t>(n) * static_cast<int64_t>(n - 1) / 2;
  const int64_t ties_a = tied_pairs(n, [&](size_t x, size_t y) { return a[order[x]] == a[order[y]]; });
  const int64_t ties_ab = tied_pairs(n, [&](size_t x, size_t y) {
    return a[order[x]] == a[order[y]] && bs[x] == bs[y];
  });
  std::vector<double> tmp(n);
  const int64_t discordant = sort_counting_swaps(bs, tmp, 0, n);
  const int64_t ties_b = tied_pairs(n, [&](size_t x, size_t y) { return bs[x] == bs[y]; });

  // Concordant minus discordant, counted over pairs tied in neither vector.
  const int64_t untied = pairs - ties_a - ties_b + ties_ab;
  const double numerator = static_cast<double>(untied - 2 * discordant);
  const double denominator = std::sqrt(static_cast<double>(pairs - ties_a)) * std::sqrt(static_cast<double>(pairs - ties_b));
  if (denominator == 0) return kNaN;  // one vector is constant: tau-b is undefined
  return numerator / denominator;
}

}  // namespace review
