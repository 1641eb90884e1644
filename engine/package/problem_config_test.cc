#include "problem_config.h"

#include <doctest/doctest.h>

using namespace package;

namespace {

ProblemConfig parse(const std::string& text, std::vector<Diagnostic>* d) { return parse_problem_yaml(text, d); }

bool has(const std::vector<Diagnostic>& d, const std::string& part, bool error = true) {
  for (const Diagnostic& x : d)
    if (x.error == error && x.to_string().find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("legacy problem.yaml: defaults, validation string, validator_flags, limits") {
  std::vector<Diagnostic> d;
  ProblemConfig c = parse(
      "name: Hello World\n"
      "author: Someone\n"
      "validation: custom score\n"
      "validator_flags: float_tolerance 1e-6\n"
      "type: scoring\n"
      "limits:\n"
      "  time_multiplier: 3\n"
      "  memory: 512\n"
      "grading:\n"
      "  objective: min\n"
      "  show_test_data_groups: yes\n",
      &d);
  CHECK(d.empty());
  CHECK(c.version == FormatVersion::Legacy);
  CHECK(c.name == "Hello World");
  CHECK(c.scoring);
  CHECK(c.custom_output_validator);
  CHECK(c.custom_score);
  CHECK(c.output_validator_args == std::vector<std::string>{"float_tolerance", "1e-6"});
  CHECK(c.limits.ac_to_time_limit == 3);
  CHECK(c.limits.time_limit_to_tle == 2);  // legacy default
  CHECK(c.limits.memory_mib == 512);
  CHECK(c.grading_minimize);
}

TEST_CASE("legacy: custom interactive makes an interactive problem") {
  std::vector<Diagnostic> d;
  ProblemConfig c = parse("validation: custom interactive\n", &d);
  CHECK(d.empty());
  CHECK(c.interactive);
  CHECK(c.custom_output_validator);
}

TEST_CASE("2025-09 problem.yaml: type list, time_multipliers, required keys") {
  std::vector<Diagnostic> d;
  ProblemConfig c = parse(
      "problem_format_version: 2025-09\n"
      "name: {en: Guess, sv: Gissa}\n"
      "uuid: 4c4a-1234\n"
      "type: [scoring, interactive]\n"
      "limits:\n"
      "  time_multipliers: {ac_to_time_limit: 3.0, time_limit_to_tle: 2}\n"
      "  time_limit: 2.0\n"
      "  time_resolution: 0.5\n",
      &d);
  CHECK(d.empty());
  CHECK(c.version == FormatVersion::V2025_09);
  CHECK(c.name == "Guess");
  CHECK(c.scoring);
  CHECK(c.interactive);
  CHECK(c.limits.ac_to_time_limit == 3);
  CHECK(c.limits.time_limit_to_tle == 2);
  REQUIRE(c.limits.time_limit);
  CHECK(*c.limits.time_limit == 2.0);

  std::vector<Diagnostic> missing;
  parse("problem_format_version: 2025-09\nvalidation: custom\n", &missing);
  CHECK(has(missing, "name: required"));
  CHECK(has(missing, "uuid: required"));
  CHECK(has(missing, "problem.yaml:2: validation/validator_flags: removed in 2025-09"));
}

TEST_CASE("problem.yaml errors name the line, the key and what was expected") {
  std::vector<Diagnostic> d;
  parse("name: x\n"
        "limits:\n"
        "  memory: -5\n"
        "  time_limit: fast\n"
        "type: pass-fail scoring\n"
        "validation: strict\n"
        "problem_format_version: 2099\n"
        "frobnicate: 1\n",
        &d);
  CHECK(has(d, "problem.yaml:3: limits.memory: expected a number > 0, got '-5'"));
  CHECK(has(d, "problem.yaml:4: limits.time_limit: expected a number > 0, got 'fast'"));
  CHECK(has(d, "problem.yaml:5: type: pass-fail and scoring cannot be combined"));
  CHECK(has(d, "problem.yaml:6: validation: expected 'default' or 'custom'"));
  CHECK(has(d, "problem.yaml:7: problem_format_version: expected legacy"));
  CHECK(has(d, "problem.yaml:8: warning: unknown key 'frobnicate'", false));
}

TEST_CASE("problem.yaml that is not YAML, or not a map") {
  std::vector<Diagnostic> d;
  parse("name: [unclosed\n", &d);
  REQUIRE(!d.empty());
  CHECK(d[0].error);
  CHECK(d[0].message.find("not valid YAML") != std::string::npos);
  std::vector<Diagnostic> list;
  parse("- a\n- b\n", &list);
  CHECK(has(list, "expected a map of keys at the top level"));
  std::vector<Diagnostic> empty;
  ProblemConfig c = parse("", &empty);
  CHECK(empty.empty());
  CHECK(c.version == FormatVersion::Legacy);
}

TEST_CASE("2025-09 time_limit must be a multiple of time_resolution") {
  std::vector<Diagnostic> d;
  parse("problem_format_version: 2025-09\nname: a\nuuid: b\nlimits:\n  time_limit: 1.3\n  time_resolution: 0.5\n", &d);
  CHECK(has(d, "limits.time_limit: must be a multiple of time_resolution"));
}
