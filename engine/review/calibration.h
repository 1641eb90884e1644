// Calibration of document reviews: reviewers differ (some harsh, some lenient),
// so a raw average ranks an applicant partly by who happened to review them.
//
// The model (../../../shared/design.md, "Review and ranking"): every review score
//   y_ij = mu + f_i + b_j + noise
// with applicant quality f_i and reviewer offset b_j (harshness < 0, leniency > 0),
// fitted by alternating least-squares updates with a ridge on the offsets: b_j is
// shrunk toward 0 by `ridge` pseudo-reviews, so a reviewer with one review is
// assumed fair rather than blamed for the whole gap (which degrades gracefully to
// the plain average), while one with many reviews gets the offset the data says.
// Offsets are only comparable inside one connected component of the
// reviewer-applicant graph; components are reported, and each is centred on its own.
//
// Identification: inside each component the offsets are reported with a
// review-weighted mean of 0 (the typical review came from a fair reviewer), and mu
// is the grand mean over all components. The fit itself is the ridge least-squares
// solution (with ridge > 0 it is unique; that convention only shifts f and b of a
// component by opposite constants, so fitted values and the order within a
// component do not depend on it).
//
// Contract: calibrate() is pure and deterministic (no randomness, fixed update
// order; the same input gives bit-identical output). With ridge 0 and a connected
// graph, adding a constant to all of one reviewer's scores changes no f_i (exactly,
// up to the tolerance). Applicants with no review get f = 0 (so calibrated = mu),
// se = +inf, component -1. Per-reviewer z-scores are computed as a displayed
// cross-check, never used for the ranking. A pair reviewed twice counts as two
// reviews. Throws std::invalid_argument for an index out of range, a non-finite
// score, a negative or non-finite ridge, or max_iterations < 1.
#pragma once

#include <string>
#include <vector>

namespace review {

struct Review {
  int applicant = 0;  // index into the applicants, 0..applicants-1
  int reviewer = 0;   // index into the reviewers, 0..reviewers-1
  double score = 0;   // the review's rubric total (any scale; calibration is scale-free)
};

struct CalibrationOptions {
  double ridge = 1.0;          // pseudo-reviews of offset 0 per reviewer
  int max_iterations = 500;
  double tolerance = 1e-10;    // stop when no parameter moves by more than this in a sweep (absolute, score units)
};

struct Calibration {
  double mu = 0;                      // grand mean of the raw scores
  std::vector<double> quality;        // f_i, per applicant
  std::vector<double> quality_se;     // standard error of f_i (residual sd / sqrt(n_i)); inf if no review
  std::vector<double> calibrated;     // mu + f_i: the applicant's score on the raw scale, reviewer bias removed
  std::vector<double> plain_mean;     // mean raw score per applicant (NaN if no review)
  std::vector<double> zscore_mean;    // mean of per-reviewer z-scores per applicant (cross-check; NaN if none)
  std::vector<int> review_count;      // per applicant
  std::vector<double> offset;         // b_j, per reviewer (0 for a reviewer with no review)
  std::vector<int> reviewer_reviews;  // reviews per reviewer
  std::vector<int> applicant_component, reviewer_component;  // -1: no review
  int components = 0;
  double residual_sd = 0;             // sd of y - (mu + f + b) over all reviews, on
                                      // reviews - reviewed applicants - active reviewers + components
                                      // degrees of freedom (at least 1)
  int iterations = 0;                 // sweeps run (max_iterations if it did not converge)
};

Calibration calibrate(int applicants, int reviewers, const std::vector<Review>& reviews,
                      const CalibrationOptions& options = {});

// The calibrated score of one review: its raw score minus its reviewer's offset.
inline double calibrated_review(const Calibration& c, const Review& r) { return r.score - c.offset[r.reviewer]; }

// Kendall's tau-b between two score vectors of the same length (ties handled);
// O(n log n). For the simulation test and the benchmark. NaN when fewer than two
// elements or either vector is constant; throws std::invalid_argument on a length
// mismatch or a NaN element.
double kendall_tau(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace review
