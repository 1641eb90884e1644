// One submission being judged: the state behind judge() (judge.h). Internal to
// engine/judge. judging.cc runs the submission on the test cases (its build, batch
// runs, interactive runs, multi-pass) and grading.cc turns the cases' results into
// the verdict and the score (legacy grading, or the 2025-09 aggregation).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "judge/boxed_program.h"
#include "judge/judge.h"
#include "legacy_grading.h"
#include "score_aggregation.h"

namespace engine {

class Judging {
 public:
  Judging(const Problem& p, const Language& lang, const JudgeOptions& opt) : p_(p), lang_(lang), opt_(opt) {}
  JudgeResult run(const std::string& source);

 private:
  using Verdict = graders::Verdict;

  JudgeResult fail(const std::string& message);

  // Counts a build that had a compile step, and whether the cache served it.
  void count_build(const BoxedProgram& program) {
    if (!program.has_language() || program.language().compile.empty()) return;
    ++result_.builds;
    if (program.from_cache()) ++result_.builds_from_cache;
  }

  JudgeResult judge(const std::string& source);

  // 2025-09 scoring problems: the samples are judged but never scored; then secret's
  // groups in name order (or secret's own cases), each only if every group it
  // requires passed, a pass-fail or min group stopping at its first rejection. The
  // score is secret's; the verdict is the first rejection in judging order.
  JudgeResult grade_scoring_2025();

  // Notes the group in result_.groups; if a group it requires did not pass, it is
  // not run: *skipped gets its verdict (the requirement's) and score 0.
  GroupScore& gate(const package::TestGroup& g, const std::map<std::string, Verdict>& outcome,
                   graders::Scored* skipped);

  // A group (or secret without groups): its cases in order, each scored.
  graders::Scored grade_scored_group(const package::TestGroup& g, std::map<std::string, Verdict>& outcome);

  void judge_error_at(size_t test, const std::string& why);

  graders::GroupResult grade(const package::TestGroup& g);

  // The package's grader (graders/, grading: custom): "VERDICT score" lines in, one out.
  std::optional<graders::Result> run_grader(const std::vector<graders::Result>& subs,
                                            const graders::GroupSettings& settings, std::string* error);

  // A test case as judged: its verdict, the score files its validator left, and
  // where its TestResult is in result_.tests.
  struct CaseRun {
    Verdict verdict = Verdict::JE;
    graders::ScoreFiles files;
    size_t test = 0;
  };

  CaseRun run_case(const package::TestCase& tc, const TestArgs& args);

  // Legacy: score.txt only with `validation: custom score` and only on an accepted
  // case (problemtools), and then required of scoring problems; no score.txt means
  // the group's accept_score / reject_score.
  graders::ChildResult legacy_case(const CaseRun& c);

  // A run of the submission with the problem's limits and the case's arguments
  // (stdin and stdout are the caller's).
  BoxRequest submission_request(const TestArgs& a);

  // One run of the submission on `input` and the check of its output; returns the
  // validator's nextpass.in (a scratch file) or "". t->cpu_s is the largest pass.
  std::string run_pass(const package::TestCase& tc, const TestArgs& a, const std::string& input,
                       TestResult* t);

  // Interactive: the submission and the validator run at once, each in its own box,
  // the validator's stdout piped to the submission's stdin and back through two
  // named pipes. The boxes open them in opposite orders (the validator's stdout
  // first), so each open finds its other end. A side sees EOF once the other side's
  // program has ended and its box has noted when, so the order of the two ends is
  // known (a program that closes its output early is not seen to end before it
  // exits). Verdict precedence as problemtools and
  // DOMjudge: the validator exiting first with WA wins; then the submission's TLE;
  // then a validator that did not exit with 42/43 (JE); then the submission's own
  // failure; then the validator's verdict.
  // Returns the validator's nextpass.in (in scratch_/passes/) or "".
  std::string interact(const package::TestCase& tc, const TestArgs& args,
                       const std::string& validator_input, int pass, TestResult* out);

  // Opens and closes both ends of each named pipe without waiting: a box stuck in
  // an open then proceeds (and its program sees EOF).
  static void unblock(const std::vector<std::string>& fifos);

  const Problem& p_;
  const Language& lang_;
  JudgeOptions opt_;
  BoxedProgram program_, validator_, grader_;
  bool grader_built_ = false;
  std::string grader_error_;
  std::string scratch_, feedback_;
  JudgeResult result_;
};

}  // namespace engine
