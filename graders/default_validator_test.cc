#include "default_validator.h"

#include <doctest/doctest.h>

using namespace graders;

namespace {

struct Case {
  const char* answer;
  const char* output;
  const char* flags;
  bool accepted;
  const char* message_part;  // a piece of judgemessage.txt ("" for AC)
};

// Judge/team pairs with flags and the verdict of the reference validator.
const Case kCases[] = {
    // whitespace is free by default, token boundaries are not
    {"1 2 3\n", "1 2 3\n", "", true, ""},
    {"1 2 3\n", "  1\t2\r\n3", "", true, ""},
    {"1 2 3\n", "1\n\n2\n\n3\n\n\n", "", true, ""},
    {"-1 -1\n", "-1-1\n", "", false, "String tokens mismatch"},
    {"1 2\n", "1 2 3\n", "", false, "Trailing output:\n3"},
    {"1 2 3\n", "1 2\n", "", false, "User EOF while judge had more output\n(Next judge token: 3)"},
    {"1\n", "", "", false, "user output was empty"},
    {"1\n", " \n", "", false, "user output contained no tokens"},
    {"\n", "", "", true, ""},
    {"", "\n\n", "", true, ""},
    // case
    {"YES\n", "yes\n", "", true, ""},
    {"YES\n", "yes\n", "case_sensitive", false, "Judge: \"YES\"\nUser: \"yes\""},
    {"inf\n", "INF\n", "float_tolerance 1e-6", true, ""},  // not a finite float: string compare
    {"nan\n", "NaN\n", "float_tolerance 1e-6 case_sensitive", false, "String tokens mismatch"},
    // floats only with a tolerance
    {"3.14\n", "3.140\n", "", false, "String tokens mismatch"},
    {"3.14\n", "3.140\n", "float_tolerance 1e-9", true, ""},
    {"0.0314\n", "3.14e-2\n", "float_absolute_tolerance 1e-12", true, ""},
    {"1\n", "1.0000001\n", "float_tolerance 1e-6", true, ""},  // integers are floats too
    {"1\n", "1.1\n", "float_tolerance 1e-6", false, "Too large difference."},
    {"100\n", "100.5\n", "float_relative_tolerance 0.01", true, ""},
    {"100\n", "100.5\n", "float_absolute_tolerance 0.01", false, "Too large difference."},
    {"100\n", "101.5\n", "float_absolute_tolerance 0.01 float_relative_tolerance 0.02", true, ""},  // either
    {"0\n", "0.0001\n", "float_relative_tolerance 0.5", false, "Too large difference."},  // relative to judge 0
    {"2.5\n", "abc\n", "float_tolerance 1e-6", false, "Expected float, got: abc"},
    {"2.5\n", "inf\n", "float_tolerance 1e-6", false, "Expected float, got: inf"},
    {"2.5\n", "0x1.4p1\n", "float_tolerance 1e-9", true, ""},  // what %lf reads
    {"word 1.5\n", "WORD 1.5000001\n", "float_tolerance 1e-6", true, ""},
    {"1.5\n", "1.5x\n", "float_tolerance 1e-6", false, "Expected float"},
    {"1e\n", "1.0000001\n", "float_tolerance 1e-6", true, ""},  // %lf reads "1e" as 1
    {"1e\n", "INF\n", "float_tolerance 1e-6", false, "Expected float, got: INF"},
    // space_change_sensitive: every whitespace byte
    {"1 2\n", "1 2\n", "space_change_sensitive", true, ""},
    {"1 2\n", "1  2\n", "space_change_sensitive", false, "Space change error: judge out of space, got 32 from user"},
    {"1 2\n", "1\t2\n", "space_change_sensitive", false, "Space change error: got 9 expected 32"},
    {"1 2\n", "1 2", "space_change_sensitive", false, "Space change error: got -1 expected 10"},
    {"1 2\n", "1 2\n\n", "space_change_sensitive", false, "judge out of space, got 10"},
    {"1\n 2\n", "1\nw2\n", "space_change_sensitive", false,
     "Wrong answer on line 2 of output (corresponding to line 2 in answer file)\nSpace change error: got 119 expected 32"},
    {"a\nb c\n", "a\nbw\n", "space_change_sensitive", false, "String tokens mismatch"},
};

}  // namespace

TEST_CASE("default validator: table of judge/team pairs") {
  for (const Case& c : kCases) {
    DefaultValidatorFlags flags;
    REQUIRE(parse_default_validator_flags(split_flags(c.flags), &flags) == "");
    DefaultValidatorResult r = validate_default(c.answer, c.output, flags);
    INFO("answer=" << std::string(c.answer) << " output=" << std::string(c.output) << " flags=" << std::string(c.flags)
                   << " message=" << r.judge_message);
    CHECK(r.accepted == c.accepted);
    if (c.accepted) CHECK(r.judge_message.empty());
    else CHECK(r.judge_message.find(c.message_part) != std::string::npos);
  }
}

TEST_CASE("default validator: line numbers and diff positions") {
  DefaultValidatorFlags f;
  DefaultValidatorResult r = validate_default("1\n2\n3\n", "1\n\n2\n4\n", f);
  CHECK(!r.accepted);
  CHECK(r.judge_message.rfind("Wrong answer on line 4 of output (corresponding to line 3 in answer file)\n", 0) == 0);
  CHECK(r.answer_position == 4);
  CHECK(r.output_position == 5);
}

TEST_CASE("default validator: positions count only what compared equal") {
  DefaultValidatorFlags f;
  DefaultValidatorResult eof = validate_default("abc\n5\n", "", f);
  CHECK(eof.answer_position == 0);
  CHECK(eof.output_position == 0);
  DefaultValidatorResult trailing = validate_default("", "\n0.0\r\n+1", f);
  CHECK(trailing.judge_message.find("Trailing output:\n0.0") != std::string::npos);
  CHECK(trailing.answer_position == 0);
  CHECK(trailing.output_position == 1);
}

TEST_CASE("default validator flags") {
  DefaultValidatorFlags f;
  CHECK(parse_default_validator_flags({"float_tolerance", "1e-6"}, &f) == "");
  CHECK(f.float_absolute_tolerance == 1e-6);
  CHECK(f.float_relative_tolerance == 1e-6);
  CHECK(f.use_floats());
  CHECK(parse_default_validator_flags({}, &f) == "");
  CHECK(!f.use_floats());
  CHECK(parse_default_validator_flags({"float_tolerance"}, &f).find("needs a number") != std::string::npos);
  CHECK(parse_default_validator_flags({"float_tolerance", "x"}, &f) != "");
  CHECK(parse_default_validator_flags({"ignore_case"}, &f).find("unknown default validator flag 'ignore_case'") !=
        std::string::npos);
  CHECK(split_flags("  float_tolerance\t1e-6 \n case_sensitive ") ==
        std::vector<std::string>{"float_tolerance", "1e-6", "case_sensitive"});
}
