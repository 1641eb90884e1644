// The Problem Package Format's default output validator, as a pure function.
//
// Contract: same verdicts and messages as problemtools' default_validator.cc (the
// reference): whitespace-separated tokens; strings compared ASCII case-insensitively
// unless case_sensitive; with a float tolerance, every judge token that is a finite
// float (the whole token, as "%lf" reads it, integers included) needs a finite float
// from the team within the absolute OR relative tolerance (relative to the judge
// value); space_change_sensitive makes every whitespace byte count. No I/O: the
// engine reads the files and writes judgemessage.txt / diffposition.txt.
// This runs once per test case, so it allocates nothing per token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace graders {

struct DefaultValidatorFlags {
  bool case_sensitive = false;
  bool space_change_sensitive = false;
  double float_absolute_tolerance = -1;  // < 0: not set
  double float_relative_tolerance = -1;
  bool use_floats() const { return float_absolute_tolerance >= 0 || float_relative_tolerance >= 0; }
};

// Flags as a package writes them (validator_flags / output_validator_args). Returns
// "" or the error (an unknown flag or a missing number is a judge error).
std::string parse_default_validator_flags(const std::vector<std::string>& args, DefaultValidatorFlags* out);
// Whitespace-separated string form ("float_tolerance 1e-6 case_sensitive").
std::vector<std::string> split_flags(std::string_view text);

struct DefaultValidatorResult {
  bool accepted = false;
  std::string judge_message;  // judgemessage.txt ("" when accepted)
  long answer_position = 0;   // diffposition.txt: byte offsets where they differ
  long output_position = 0;
};

DefaultValidatorResult validate_default(std::string_view answer, std::string_view team_output,
                                        const DefaultValidatorFlags& flags);

}  // namespace graders
