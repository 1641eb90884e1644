#include "run_limits.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace box {

std::optional<uint64_t> parse_size(std::string_view text, std::string* error) {
  auto fail = [&] {
    *error = "'" + std::string(text) + "': expected a size in bytes, or with a k/m/g suffix (e.g. 256m)";
    return std::nullopt;
  };
  if (text.empty()) return fail();
  uint64_t shift = 0;
  switch (std::tolower(static_cast<unsigned char>(text.back()))) {
    case 'k': shift = 10; break;
    case 'm': shift = 20; break;
    case 'g': shift = 30; break;
  }
  std::string_view digits = shift ? text.substr(0, text.size() - 1) : text;
  if (digits.empty()) return fail();
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return fail();
  if (shift && value > (UINT64_MAX >> shift)) return fail();
  return value << shift;
}

std::optional<double> parse_seconds(std::string_view text, std::string* error) {
  std::string_view number = text;
  if (!number.empty() && number.back() == 's') number.remove_suffix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
      !std::isfinite(value) || !valid_seconds(value)) {
    *error = "'" + std::string(text) + "': expected a number of seconds > 0 (e.g. 1.5)";
    return std::nullopt;
  }
  return value;
}

bool valid_env_assignment(std::string_view text) {
  size_t eq = text.find('=');
  if (eq == 0 || eq == std::string_view::npos) return false;
  for (size_t i = 0; i < eq; ++i) {
    char c = text[i];
    bool ok = c == '_' || std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 && std::isdigit(static_cast<unsigned char>(c)));
    if (!ok) return false;
  }
  return true;
}

std::string Limits::finish() {
  if (!(cpu_s > 0)) return "cpu limit must be > 0 seconds";
  if (wall_s == 0) wall_s = 2 * cpu_s + 1;
  if (!(wall_s > 0)) return "wall limit must be > 0 seconds";
  if (stack_bytes == 0) stack_bytes = memory_bytes + kStackMargin;
  if (memory_bytes < (1u << 20)) return "memory limit must be at least 1m";
  if (processes < 1) return "processes must be at least 1";
  if (open_files < 4) return "open-files must be at least 4 (stdin, stdout, stderr and one more)";
  if (output_bytes < 1) return "output limit must be at least 1 byte";
  return "";
}

}  // namespace box
