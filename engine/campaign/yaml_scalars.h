// Reading one scalar of campaign.yaml as a number: the checks every section's
// parser shares (review_config.cc, similarity_config.cc).
#pragma once

#include <cmath>

#include <yaml-cpp/yaml.h>

namespace campaign {

// A finite number; false (and *out untouched) otherwise.
inline bool number(const YAML::Node& v, double* out) {
  double d;
  if (!v.IsScalar() || !YAML::convert<double>::decode(v, d) || !std::isfinite(d)) return false;
  *out = d;
  return true;
}

// A whole number in [lo, hi]; false (and *out untouched) otherwise.
inline bool whole(const YAML::Node& v, long long lo, long long hi, long long* out) {
  long long n;
  if (!v.IsScalar() || !YAML::convert<long long>::decode(v, n) || n < lo || n > hi) return false;
  *out = n;
  return true;
}

}  // namespace campaign
