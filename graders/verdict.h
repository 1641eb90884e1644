// Verdicts of a test case or a group, as the Problem Package Format spells them.
#pragma once

#include <optional>
#include <string_view>

namespace graders {

// JE judge error, IF input validation failed (legacy), PE presentation error
// (legacy), CE compile error (a submission's, never a test case's).
enum class Verdict { AC, WA, TLE, RTE, MLE, OLE, JE, IF, PE, CE };

const char* verdict_name(Verdict v);
std::optional<Verdict> parse_verdict(std::string_view name);

// Rank for the legacy "worst_error" order JE, IF, RTE, MLE, TLE, OLE, WA, PE, AC:
// a smaller rank is worse.
int worst_error_rank(Verdict v);

}  // namespace graders
