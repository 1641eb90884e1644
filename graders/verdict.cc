#include "verdict.h"

namespace graders {

namespace {
struct Name {
  Verdict verdict;
  const char* name;
};
constexpr Name kNames[] = {{Verdict::AC, "AC"},   {Verdict::WA, "WA"}, {Verdict::TLE, "TLE"},
                           {Verdict::RTE, "RTE"}, {Verdict::MLE, "MLE"}, {Verdict::OLE, "OLE"},
                           {Verdict::JE, "JE"},   {Verdict::IF, "IF"}, {Verdict::PE, "PE"},
                           {Verdict::CE, "CE"}};
constexpr Verdict kWorstFirst[] = {Verdict::JE,  Verdict::IF, Verdict::RTE, Verdict::MLE, Verdict::TLE,
                                   Verdict::OLE, Verdict::WA, Verdict::PE,  Verdict::AC};
}  // namespace

const char* verdict_name(Verdict v) {
  for (const Name& n : kNames)
    if (n.verdict == v) return n.name;
  return "JE";
}

std::optional<Verdict> parse_verdict(std::string_view name) {
  for (const Name& n : kNames)
    if (name == n.name) return n.verdict;
  return std::nullopt;
}

int worst_error_rank(Verdict v) {
  for (int i = 0; i < static_cast<int>(sizeof kWorstFirst / sizeof kWorstFirst[0]); ++i)
    if (kWorstFirst[i] == v) return i;
  return 0;
}

}  // namespace graders
