// Limits of one run and how they are written on the command line and in requests.
//
// Contract: parse_size() and parse_seconds() accept what an operator types
// ("256m", "1.5", "64k", "2g") and return an error message naming the value and
// what was expected; Limits::finish() fills the derived defaults (wall = 2*cpu+1,
// stack = memory) and checks the whole set. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace box {

// The default stack is the memory limit plus this: a deep recursion then always
// meets the memory limit first (MLE, like any other memory use) and never the stack
// limit at nearly the same depth (a SIGSEGV, RE), whichever is a page earlier.
inline constexpr uint64_t kStackMargin = 64ull << 20;

struct Limits {
  double cpu_s = 10;                  // CPU time of the whole process tree
  double wall_s = 0;                  // 0 = derived: 2 * cpu + 1
  uint64_t memory_bytes = 256ull << 20;
  uint64_t stack_bytes = 0;           // 0 = derived: memory + kStackMargin
  uint64_t processes = 64;            // processes + threads
  uint64_t output_bytes = 64ull << 20;  // any file written, stdout and stderr included
  uint64_t open_files = 64;

  // Fills derived values; returns an error message, or "" when the set is valid.
  std::string finish();
};

// "123", "64k", "256m", "2g" (binary multiples, case-insensitive) -> bytes.
// On failure returns nullopt and sets *error to e.g. "'12x': expected a size like 256m".
std::optional<uint64_t> parse_size(std::string_view text, std::string* error);

// "1", "0.25", "2.5s" -> seconds (> 0, finite).
std::optional<double> parse_seconds(std::string_view text, std::string* error);
// A time limit a box accepts: finite, > 0 and at most a day.
inline bool valid_seconds(double s) { return s > 0 && s <= 86400; }

// "NAME=VALUE" with a non-empty NAME of [A-Za-z_][A-Za-z0-9_]*.
bool valid_env_assignment(std::string_view text);

}  // namespace box
