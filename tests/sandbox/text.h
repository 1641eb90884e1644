// Reading what an attack printed.
#pragma once

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace text {

inline bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The integer right after the first `key` (e.g. "after " in "after 12 threads"), or -1.
inline long long number_after(const std::string& s, const std::string& key) {
  size_t at = s.find(key);
  if (at == std::string::npos) return -1;
  const char* p = s.c_str() + at + key.size();
  char* end;
  long long v = std::strtoll(p, &end, 10);
  return end == p ? -1 : v;
}

// Lines that start with `prefix`.
inline std::vector<std::string> lines_starting(const std::string& s, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
  return out;
}

}  // namespace text
