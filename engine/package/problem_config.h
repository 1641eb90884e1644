// problem.yaml of a Problem Package Format package, for all the shapes real packages
// use (legacy, the 2023-07-draft shapes, 2025-09), mapped onto one model: the
// 2025-09 one, as problemtools' metadata.py does.
//
// Contract: parse_problem_yaml() takes the file's text and never throws. Every
// problem it finds is a Diagnostic naming the key, its line, and what was expected;
// errors make the package unusable, warnings do not (unknown keys are warnings, as
// problemtools is lenient with them).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace package {

enum class FormatVersion { Legacy, Draft2023_07, V2025_09 };
const char* format_version_name(FormatVersion v);

struct Diagnostic {
  bool error = true;
  std::string file;  // relative to the package
  int line = 0;      // 1-based; 0 when not known
  std::string message;
  std::string to_string() const;  // "problem.yaml:12: limits.memory: expected a positive number"
};

struct Limits {
  double ac_to_time_limit = 2.0;   // legacy time_multiplier (default 5 there)
  double time_limit_to_tle = 1.5;  // legacy time_safety_margin (default 2 there)
  std::optional<double> time_limit;  // seconds; derived from submissions when absent
  double time_resolution = 1.0;
  int memory_mib = 2048;
  int output_mib = 8;
  int code_kib = 128;
  int compilation_time_s = 60;
  int compilation_memory_mib = 2048;
  int validation_time_s = 60;
  int validation_memory_mib = 2048;
  int validation_output_mib = 8;
  int validation_passes = 2;
};

struct ProblemConfig {
  FormatVersion version = FormatVersion::Legacy;
  std::string name, uuid;
  bool scoring = false, interactive = false, multi_pass = false, submit_answer = false;
  bool custom_output_validator = false;  // legacy "validation: custom", or an output_validator/ dir
  bool custom_score = false;             // legacy "validation: custom score"
  std::vector<std::string> output_validator_args;  // legacy validator_flags (split), 2025-09 none here
  bool grading_minimize = false;                   // legacy grading.objective: min
  Limits limits;
};

// `text` is problem.yaml's content; diagnostics are appended to *diagnostics.
ProblemConfig parse_problem_yaml(const std::string& text, std::vector<Diagnostic>* diagnostics);

}  // namespace package
