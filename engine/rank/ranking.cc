#include "rank/ranking.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

namespace rank {
namespace {

std::string signed_fixed(double v, int decimals) { return (v >= 0 ? "+" : "") + fixed(v, decimals); }

// Draws from std::mt19937_64 (whose output the standard fixes) by our own formulas,
// so that resampling gives the same probabilities with any standard library.
struct Draws {
  std::mt19937_64 bits;
  explicit Draws(uint64_t seed) : bits(seed) {}
  double uniform() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }  // [0, 1)
  size_t index(size_t n) { return static_cast<size_t>(uniform() * static_cast<double>(n)); }
  double normal() {  // Box-Muller; one of the pair is dropped to keep the stream simple
    double u = uniform(), v = uniform();
    return std::sqrt(-2 * std::log1p(-u)) * std::cos(2 * M_PI * v);
  }
};

double quiz_fraction(const Candidate& c, const std::vector<size_t>& picks) {
  double got = 0, max = 0;
  for (size_t p : picks) {
    if (c.problems[p].submitted) got += c.problems[p].counted.score;
    max += c.problem_max[p];
  }
  return max > 0 ? got / max : 0;
}

}  // namespace

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

ProblemResult pick_attempt(const std::string& problem, const std::vector<Attempt>& attempts, bool best) {
  ProblemResult r;
  r.problem = problem;
  r.submissions = static_cast<int>(attempts.size());
  for (const Attempt& a : attempts) {
    bool better = !r.submitted ||
                  (best ? a.score > r.counted.score || (a.score == r.counted.score && a.attempt < r.counted.attempt)
                        : a.attempt > r.counted.attempt);
    if (better) {
      r.counted = a;
      r.submitted = true;
    }
  }
  return r;
}

double normal_quantile(double p) {
  // Acklam's rational approximation, then one Halley step on erfc: ~1e-15 relative.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01,  -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  if (p <= 0) return -INFINITY;
  if (p >= 1) return INFINITY;
  double x;
  if (p < 0.02425) {
    double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - 0.02425) {
    double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    double q = std::sqrt(-2 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

std::vector<double> normal_scores(const std::vector<double>& values) {
  size_t n = values.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return values[x] < values[y]; });
  std::vector<double> out(n);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && values[order[j]] == values[order[i]]) ++j;
    double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;  // 1-based ranks i+1..j
    double z = normal_quantile((mid_rank - 0.5) / static_cast<double>(n));
    for (size_t t = i; t < j; ++t) out[order[t]] = z;
    i = j;
  }
  return out;
}

uint64_t tie_break_key(uint64_t seed, const std::string& id) {
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < 8; ++i) h = (h ^ ((seed >> (8 * i)) & 0xff)) * 1099511628211ull;
  for (unsigned char ch : id) h = (h ^ ch) * 1099511628211ull;
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

Ranking rank_candidates(const std::vector<Candidate>& cs, const RankOptions& o) {
  const size_t n = cs.size();
  Ranking out;
  double wsum = o.quiz_weight + o.review_weight;
  double wq = wsum > 0 ? o.quiz_weight / wsum : 0.5, wr = wsum > 0 ? o.review_weight / wsum : 0.5;

  std::vector<size_t> all_problems(cs.empty() ? 0 : cs[0].problems.size());
  std::iota(all_problems.begin(), all_problems.end(), 0);
  std::vector<double> fraction(n);
  for (size_t i = 0; i < n; ++i) fraction[i] = quiz_fraction(cs[i], all_problems);
  std::vector<double> quiz_z = normal_scores(fraction);

  double sum = 0, sq = 0;
  int reviewed = 0;
  for (const Candidate& c : cs)
    if (c.review_count > 0) {
      sum += c.review_calibrated;
      ++reviewed;
    }
  out.review_mean = reviewed ? sum / reviewed : 0;
  for (const Candidate& c : cs)
    if (c.review_count > 0) sq += (c.review_calibrated - out.review_mean) * (c.review_calibrated - out.review_mean);
  out.review_sd = reviewed > 1 ? std::sqrt(sq / (reviewed - 1)) : 0;
  auto review_z = [&](double calibrated) {
    return out.review_sd > 0 ? (calibrated - out.review_mean) / out.review_sd : 0.0;
  };

  std::vector<Ranked> r(n);
  std::vector<uint64_t> key(n);
  std::vector<size_t> eligible;
  for (size_t i = 0; i < n; ++i) {
    const Candidate& c = cs[i];
    Ranked& x = r[i];
    x.candidate = static_cast<int>(i);
    x.quiz_fraction = fraction[i];
    x.quiz_normal = quiz_z[i];
    x.review_z = c.review_count > 0 ? review_z(c.review_calibrated) : 0;
    x.total = wq * x.quiz_normal + wr * x.review_z;
    x.gated = o.min_quiz > 0 && fraction[i] < o.min_quiz;
    for (const ProblemResult& p : c.problems) x.hidden_passed += p.submitted ? p.counted.hidden_passed : 0;
    x.flags = c.flags;
    if (c.review_count == 0) x.flags.push_back("no-review");
    if (x.gated) x.flags.push_back("gated");
    key[i] = tie_break_key(o.seed, c.id);
    if (!x.gated) eligible.push_back(i);
  }
  const size_t k = std::min<size_t>(static_cast<size_t>(std::max(o.k, 0)), eligible.size());

  // Probability of making the cut, by resampling.
  std::vector<int> made(n, 0);
  auto count_top_k = [&](const std::vector<double>& total) {
    std::vector<size_t> e = eligible;
    auto before = [&](size_t a, size_t b) {  // the final order's tie-breaks, less the probability itself
      if (total[a] != total[b]) return total[a] > total[b];
      if (r[a].hidden_passed != r[b].hidden_passed) return r[a].hidden_passed > r[b].hidden_passed;
      return key[a] < key[b];
    };
    if (k < e.size()) std::nth_element(e.begin(), e.begin() + static_cast<long>(k), e.end(), before);
    for (size_t t = 0; t < k; ++t) ++made[e[t]];
  };
  // Draws are consumed in id order, so the input's order cannot change them.
  std::vector<size_t> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(), [&](size_t a, size_t b) { return cs[a].id < cs[b].id; });
  if (o.resamples > 0) {
    Draws draws(o.seed);
    std::vector<double> f(n), total(n);
    std::vector<size_t> picks(all_problems.size());
    for (int s = 0; s < o.resamples; ++s) {
      for (size_t i : by_id) {
        for (size_t& p : picks) p = draws.index(picks.size());
        f[i] = quiz_fraction(cs[i], picks);
      }
      std::vector<double> z = normal_scores(f);
      for (size_t i : by_id) {
        double rev = cs[i].review_count > 0 ? review_z(cs[i].review_calibrated + cs[i].review_se * draws.normal()) : 0;
        total[i] = wq * z[i] + wr * rev;
      }
      count_top_k(total);
    }
    for (size_t i = 0; i < n; ++i) r[i].probability = static_cast<double>(made[i]) / o.resamples;
  } else {
    std::vector<double> total(n);
    for (size_t i = 0; i < n; ++i) total[i] = r[i].total;
    count_top_k(total);
    for (size_t i = 0; i < n; ++i) r[i].probability = made[i];
  }

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Ranked &x = r[a], &y = r[b];
    if (x.gated != y.gated) return !x.gated;
    if (x.total != y.total) return x.total > y.total;
    if (x.probability != y.probability) return x.probability > y.probability;
    if (x.hidden_passed != y.hidden_passed) return x.hidden_passed > y.hidden_passed;
    return key[a] < key[b];
  });
  size_t passing = eligible.size();
  if (k > 0) out.total_at_cut = r[order[k - 1]].total;
  for (size_t pos = 0; pos < n; ++pos) {
    Ranked& x = r[order[pos]];
    const Candidate& c = cs[order[pos]];
    x.rank = static_cast<int>(pos + 1);
    x.band = x.gated                                 ? "gated"
             : x.probability >= o.certain           ? "certain-in"
             : x.probability <= 1 - o.certain       ? "certain-out"
                                                     : "borderline";
    double got = 0, max = 0;
    for (size_t p = 0; p < c.problems.size(); ++p) {
      got += c.problems[p].submitted ? c.problems[p].counted.score : 0;
      max += c.problem_max[p];
    }
    x.why.push_back("quiz " + fixed(100 * x.quiz_fraction, 1) + "% (" + fixed(got, 1) + " of " + fixed(max, 1) +
                    " points): normal score " + signed_fixed(x.quiz_normal, 2) + " x weight " + fixed(wq, 2));
    if (c.review_count > 0)
      x.why.push_back("review " + fixed(c.review_calibrated, 2) + " calibrated (+/- " + fixed(c.review_se, 2) + ", " +
                      std::to_string(c.review_count) + " review" + (c.review_count == 1 ? "" : "s") +
                      "): standardized " + signed_fixed(x.review_z, 2) + " x weight " + fixed(wr, 2));
    else
      x.why.push_back("no review yet: review counts as the cohort's mean (0) x weight " + fixed(wr, 2));
    if (x.gated)
      x.why.push_back("below the quiz gate (" + fixed(100 * x.quiz_fraction, 1) + "% < " + fixed(100 * o.min_quiz, 1) +
                      "%): ranked after everyone who passes it");
    else
      x.why.push_back("total " + signed_fixed(x.total, 3) + ": place " + std::to_string(pos + 1) + " of " +
                      std::to_string(passing) + " passing; in the top " + std::to_string(k) + " in " +
                      fixed(100 * x.probability, 1) + "% of " + std::to_string(std::max(o.resamples, 1)) +
                      (o.resamples > 0 ? " resamples" : " (no resampling)") + " -> " + x.band);
    auto tied = [&](size_t other) {
      const Ranked& y = r[order[other]];
      return y.gated == x.gated && y.total == x.total;
    };
    if ((pos > 0 && tied(pos - 1)) || (pos + 1 < n && tied(pos + 1)))
      x.why.push_back("tied on total with a neighbour: ordered by probability, then hidden tests passed (" +
                      std::to_string(x.hidden_passed) + "), then the seeded tie-break");
    out.order.push_back(x);
  }
  return out;
}

}  // namespace rank
