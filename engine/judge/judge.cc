#include "judge.h"

#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "default_validator.h"
#include "judge/boxed_program.h"
#include "legacy_grading.h"
#include "score_aggregation.h"

namespace engine {
namespace {

using graders::Verdict;

Verdict from_box(const BoxReport& r) {
  if (r.status == "TLE") return Verdict::TLE;
  if (r.status == "MLE") return Verdict::MLE;
  if (r.status == "OLE") return Verdict::OLE;
  if (r.status == "RE" || r.status == "SV") return Verdict::RTE;
  if (r.status == "OK") return Verdict::AC;
  return Verdict::JE;
}

void trim_newlines(std::string* s) {
  while (!s->empty() && s->back() == '\n') s->pop_back();
}

// A package file as the validator's box sees it (the package is bound at /problem).
std::string in_box(const Problem& p, const std::string& package_file) {
  return "/problem" + package_file.substr(p.root.size());
}

// validator input answer /feedback/ [args]; `input` as the box sees it.
std::vector<std::string> output_validator_argv(BoxedProgram& validator, const Problem& p, const package::TestCase& tc,
                                               const std::string& input, const std::vector<std::string>& args) {
  std::vector<std::string> argv = validator.argv();
  argv.push_back(input);
  argv.push_back(in_box(p, tc.answer));
  argv.push_back("/feedback/");
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// A file's size, or the sum of a directory program's files.
off_t source_bytes(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return 0;
  if (!S_ISDIR(st.st_mode)) return st.st_size;
  off_t total = 0;
  for (const std::string& n : sorted_visible(path))
    if (stat((path + "/" + n).c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += st.st_size;
  return total;
}

// Moves feedback_dir/nextpass.in, if the validator wrote one, to `to`, so that the
// next pass's validator starts without it and the next run reads a file the
// validator can no longer change. *taken is `to`, or "" if there was none.
bool take_next_pass(const std::string& feedback_dir, const std::string& to, std::string* taken) {
  taken->clear();
  std::string next = feedback_dir + "/nextpass.in";
  if (access(next.c_str(), F_OK) != 0) return true;
  if (rename(next.c_str(), to.c_str()) != 0) return false;
  *taken = to;
  return true;
}

class Judging {
 public:
  Judging(const Problem& p, const Language& lang, const JudgeOptions& opt) : p_(p), lang_(lang), opt_(opt) {}

  JudgeResult run(const std::string& source) {
    char tmpl[] = "/tmp/shortlist-judge-XXXXXX";
    if (!mkdtemp(tmpl)) return fail("cannot make a scratch directory");
    scratch_ = tmpl;
    JudgeResult r = judge(source);
    std::error_code ec;
    std::filesystem::remove_all(scratch_, ec);
    return r;
  }

 private:
  JudgeResult fail(const std::string& message) {
    result_.verdict = Verdict::JE;
    result_.message = message;
    return result_;
  }

  JudgeResult judge(const std::string& source) {
    if (opt_.languages == nullptr) return fail("no language table");
    if (source_bytes(source) > static_cast<off_t>(p_.config.limits.code_kib) * 1024)
      return fail("the source is larger than the code limit of " + std::to_string(p_.config.limits.code_kib) + " KiB");
    if (p_.config.custom_output_validator) {
      std::string dir = output_validator_dir(p_.dir);
      if (dir.empty()) return fail("the package has no output validator");
      feedback_ = scratch_ + "/feedback";
      mkdir(feedback_.c_str(), 0777);
      chmod(feedback_.c_str(), 0777);  // the validator runs as an unprivileged uid
      BuildSpec v;
      v.box_binary = opt_.box_binary;
      v.dirs = {p_.root + ":/problem", feedback_ + ":/feedback:rw"};
      if (p_.config.interactive && p_.config.multi_pass) {
        // Later passes give the validator its own nextpass.in as the input file.
        mkdir((scratch_ + "/passes").c_str(), 0755);
        v.dirs.push_back(scratch_ + "/passes:/passes");
      }
      v.path = dir;
      v.languages = opt_.languages;
      v.limits = p_.config.limits;
      v.memory_mib = p_.config.limits.validation_memory_mib;
      v.scratch_prefix = scratch_ + "/vcompile";
      v.cache_dir = opt_.cache_dir;
      std::string e = validator_.build(v);
      if (!e.empty()) return fail("output validator: " + e);
    }
    BuildSpec b;
    b.box_binary = opt_.box_binary;
    b.path = source;
    b.languages = opt_.languages;
    b.language = &lang_;
    b.limits = p_.config.limits;
    b.memory_mib = p_.config.limits.memory_mib;
    b.scratch_prefix = scratch_ + "/compile";
    b.include_dir = include_dir(p_.dir, lang_);
    b.cache_dir = opt_.cache_dir;
    std::string e = program_.build(b);
    if (e.rfind("CE: ", 0) == 0) {
      result_.verdict = Verdict::CE;
      result_.message = e.substr(4);
      return result_;
    }
    if (!e.empty()) return fail(e);

    if (p_.config.scoring && p_.config.version == package::FormatVersion::V2025_09) return grade_scoring_2025();
    graders::GroupResult g = grade(p_.data);
    result_.verdict = g.result.verdict;
    if (p_.config.scoring) {
      result_.score = g.result.score;
      result_.max_score = std::isfinite(p_.data.settings.range_high) ? p_.data.settings.range_high : g.result.score;
    } else {
      result_.score = g.result.verdict == Verdict::AC ? 1 : 0;
      result_.max_score = 1;
    }
    if (!g.error.empty() && result_.message.empty()) result_.message = g.error;
    return result_;
  }

  // 2025-09 scoring problems: the samples are judged but never scored; then secret's
  // groups in name order (or secret's own cases), each only if every group it
  // requires passed, a pass-fail or min group stopping at its first rejection. The
  // score is secret's; the verdict is the first rejection in judging order.
  JudgeResult grade_scoring_2025() {
    std::map<std::string, Verdict> outcome;  // "sample", "secret/g1": AC if all its cases were accepted
    const package::TestGroup *sample = nullptr, *secret = nullptr;
    for (const package::TestGroup& g : p_.data.groups) (g.name == "sample" ? sample : secret) = &g;
    if (sample) {
      const OutputValidatorArgs args = output_validator_args(p_, sample->settings);
      Verdict v = Verdict::AC;
      for (const package::TestCase* tc : sample->cases_in_order()) {
        CaseRun c = run_case(*tc, args);  // score files on samples are ignored, as the format says
        if (v == Verdict::AC) v = c.verdict;
      }
      outcome["sample"] = v;
    }
    graders::Scored total;
    if (secret && secret->groups.empty()) {
      total = grade_scored_group(*secret, outcome);
    } else if (secret) {
      std::vector<graders::Scored> groups;
      size_t top = result_.groups.size();
      if (gate(*secret, outcome, &total).note.empty()) {
        for (const package::TestGroup& g : secret->groups) {
          if (graders::decided(secret->scoring, groups)) break;
          groups.push_back(grade_scored_group(g, outcome));
        }
        total = graders::aggregate(secret->scoring, groups, "secret");
      }
      result_.groups[top].verdict = total.verdict;
      result_.groups[top].score = total.score;
    }
    result_.score = total.score;
    result_.max_score = secret && secret->scoring.max_score ? *secret->scoring.max_score : total.score;
    result_.verdict = Verdict::AC;
    for (const TestResult& t : result_.tests)
      if (t.verdict != Verdict::AC) {
        result_.verdict = t.verdict;
        if (result_.message.empty() && t.verdict == Verdict::JE) result_.message = t.name + ": " + t.message;
        break;
      }
    if (total.verdict == Verdict::JE) {
      result_.verdict = Verdict::JE;
      if (!total.error.empty()) result_.message = total.error;
    }
    return result_;
  }

  // Notes the group in result_.groups; if a group it requires did not pass, it is
  // not run: *skipped gets its verdict (the requirement's) and score 0.
  GroupScore& gate(const package::TestGroup& g, const std::map<std::string, Verdict>& outcome,
                   graders::Scored* skipped) {
    result_.groups.push_back({g.name, Verdict::AC, 0, g.scoring.max_score, ""});
    GroupScore& gs = result_.groups.back();
    for (const std::string& required : g.scoring.require_pass) {
      auto it = outcome.find(required);
      Verdict v = it == outcome.end() ? Verdict::JE : it->second;
      if (v == Verdict::AC) continue;
      gs.verdict = skipped->verdict = v;
      gs.note = "not run: it requires " + required + ", which was not passed";
      break;
    }
    return gs;
  }

  // A group (or secret without groups): its cases in order, each scored.
  graders::Scored grade_scored_group(const package::TestGroup& g, std::map<std::string, Verdict>& outcome) {
    graders::Scored result;
    size_t at = result_.groups.size();
    if (gate(g, outcome, &result).note.empty()) {
      const OutputValidatorArgs args = output_validator_args(p_, g.settings);
      std::vector<const package::TestCase*> cases = g.cases_in_order();
      graders::CaseLimit limit = graders::case_limit(g.scoring, cases.size());
      std::vector<graders::Scored> scored;
      for (const package::TestCase* tc : cases) {
        if (graders::decided(g.scoring, scored)) break;
        CaseRun c = run_case(*tc, args);
        scored.push_back(graders::score_case(c.verdict, c.files, limit));
        if (scored.back().verdict == Verdict::JE && c.verdict != Verdict::JE) {
          judge_error_at(c.test, scored.back().error);
          scored.back().error = tc->name + ": " + scored.back().error;
        }
      }
      result = graders::aggregate(g.scoring, scored, g.name);
    }
    result_.groups[at].verdict = result.verdict;
    result_.groups[at].score = result.score;
    outcome[g.name] = result.verdict;
    return result;
  }

  void judge_error_at(size_t test, const std::string& why) {
    result_.tests[test].verdict = Verdict::JE;
    result_.tests[test].message = why;
  }

  graders::GroupResult grade(const package::TestGroup& g) {
    const OutputValidatorArgs args = output_validator_args(p_, g.settings);  // once per group, not per case
    auto child = [&](size_t i) {
      auto [is_group, index] = g.order[i];
      if (is_group) {
        graders::GroupResult sub = grade(g.groups[index]);
        return graders::ChildResult{sub.result.verdict, sub.result.score};
      }
      return legacy_case(run_case(g.cases[index], args));
    };
    // Scoring problems list their groups' scores (placed before their subgroups').
    size_t at = result_.groups.size();
    bool listed = p_.config.scoring && !g.name.empty();
    if (listed) {
      std::optional<double> max;
      if (std::isfinite(g.settings.range_high)) max = g.settings.range_high;
      result_.groups.push_back({g.name, Verdict::AC, 0, max, ""});
    }
    graders::GroupResult r =
        g.settings.custom_grading
            ? graders::grade_group(g.settings, g.order.size(), child,
                                   [&](const std::vector<graders::Result>& subs, std::string* error) {
                                     return run_grader(subs, g.settings, error);
                                   })
            : graders::grade_group(g.settings, g.order.size(), child);
    if (listed) {
      result_.groups[at].verdict = r.result.verdict;
      result_.groups[at].score = r.result.score;
      if (r.children_judged < g.order.size())
        result_.groups[at].note = "stopped after " + std::to_string(r.children_judged) + " of " +
                                  std::to_string(g.order.size()) + " (on_reject: break)";
    }
    return r;
  }

  // The package's grader (graders/, grading: custom): "VERDICT score" lines in, one out.
  std::optional<graders::Result> run_grader(const std::vector<graders::Result>& subs,
                                            const graders::GroupSettings& settings, std::string* error) {
    if (!grader_built_) {
      grader_built_ = true;
      std::vector<std::string> entries = sorted_visible(p_.dir + "/graders");
      if (entries.empty()) {
        *error = "grading: custom, but graders/ is empty or missing";
        return std::nullopt;
      }
      BuildSpec b;
      b.box_binary = opt_.box_binary;
      b.path = p_.dir + "/graders/" + entries[0];
      b.languages = opt_.languages;
      b.limits = p_.config.limits;
      b.memory_mib = p_.config.limits.validation_memory_mib;
      b.scratch_prefix = scratch_ + "/gcompile";
      b.cache_dir = opt_.cache_dir;
      grader_error_ = grader_.build(b);
    }
    if (!grader_error_.empty()) {
      *error = "grader: " + grader_error_;
      return std::nullopt;
    }
    std::string in = scratch_ + "/grader.in", out = scratch_ + "/grader.out";
    {
      std::ofstream f(in);
      f << graders::grader_input(subs);
    }
    BoxRequest r;
    r.argv = grader_.argv();
    for (const std::string& flag : graders::split_flags(settings.grader_flags)) r.argv.push_back(flag);
    r.cpu_s = p_.config.limits.validation_time_s;
    r.memory_bytes = static_cast<long long>(p_.config.limits.validation_memory_mib) << 20;
    r.stdin_path = in;
    r.stdout_path = out;
    r.stderr_path = scratch_ + "/grader.err";
    BoxReport b = grader_.box().run(r);
    if (b.status != "OK") {
      *error = "grader: " + (b.status == "RE" ? "exit code " + std::to_string(b.exit_code) : b.message);
      return std::nullopt;
    }
    graders::Result result;
    if (std::string e = graders::parse_grader_output(read_file(out, 4096), &result); !e.empty()) {
      *error = e;
      return std::nullopt;
    }
    return result;
  }

  // A test case as judged: its verdict, the score files its validator left, and
  // where its TestResult is in result_.tests.
  struct CaseRun {
    Verdict verdict = Verdict::JE;
    graders::ScoreFiles files;
    size_t test = 0;
  };

  CaseRun run_case(const package::TestCase& tc, const OutputValidatorArgs& args) {
    if (p_.config.custom_output_validator) empty_dir(feedback_);
    TestResult t;
    t.name = tc.name;
    // Multi-pass: the validator may write nextpass.in on acceptance; the submission
    // then runs again on it (interactive: the validator reads it as its input), up
    // to validation_passes runs, each with the full limits, the feedback dir kept
    // for the whole case. One pass otherwise.
    int passes = p_.config.multi_pass ? p_.config.limits.validation_passes : 1;
    std::string input = tc.input;
    for (int pass = 1; pass <= passes; ++pass) {
      std::string next = p_.config.interactive ? interact(tc, args, input, pass, &t) : run_pass(tc, args, input, &t);
      if (p_.config.multi_pass && pass > 1 && t.verdict != Verdict::AC) t.message = "pass " + std::to_string(pass) + ": " + t.message;
      if (!p_.config.multi_pass || next.empty()) break;
      if (t.verdict != Verdict::AC) {
        t.verdict = Verdict::JE;
        t.message = "output validator wrote nextpass.in but did not accept pass " + std::to_string(pass);
      } else if (pass == passes) {
        t.verdict = Verdict::JE;
        t.message = "output validator asked for pass " + std::to_string(pass + 1) + ", but validation_passes is " +
                    std::to_string(passes);
      }
      if (t.verdict != Verdict::AC) break;
      input = next;
    }
    CaseRun c;
    c.verdict = t.verdict;
    // The score files of the whole case (of the last pass: the dir lasts the case).
    if (p_.config.custom_output_validator && t.verdict != Verdict::JE) c.files = read_score_files(feedback_);
    result_.max_cpu_s = std::max(result_.max_cpu_s, t.cpu_s);
    c.test = result_.tests.size();
    result_.tests.push_back(t);
    return c;
  }

  // Legacy: score.txt only with `validation: custom score` and only on an accepted
  // case (problemtools), and then required of scoring problems; no score.txt means
  // the group's accept_score / reject_score.
  graders::ChildResult legacy_case(const CaseRun& c) {
    std::string why;
    std::optional<double> score;
    if (c.files.score && !c.files.score->empty()) {
      if (!p_.config.custom_score) why = "output validator wrote score.txt without validation: custom score";
      else if (c.verdict != Verdict::AC) why = "output validator wrote score.txt on a rejected case";
      else score = std::strtod(c.files.score->c_str(), nullptr);
    } else if (p_.config.scoring && p_.config.custom_score && c.verdict == Verdict::AC) {
      why = "validation: custom score, but the output validator wrote no score.txt";
    }
    if (why.empty()) return graders::ChildResult{c.verdict, score};
    judge_error_at(c.test, why);
    return graders::ChildResult{Verdict::JE, std::nullopt};
  }

  // One run of the submission on `input` and the check of its output; returns the
  // validator's nextpass.in (a scratch file) or "". t->cpu_s is the largest pass.
  std::string run_pass(const package::TestCase& tc, const OutputValidatorArgs& a, const std::string& input,
                       TestResult* t) {
    BoxRequest r;
    r.argv = program_.argv();
    r.cpu_s = opt_.time_limit_s;
    r.memory_bytes = static_cast<long long>(p_.config.limits.memory_mib + lang_.extra_memory_mib) << 20;
    r.output_bytes = static_cast<long long>(p_.config.limits.output_mib) << 20;
    r.processes = 128;
    r.stdin_path = input;
    r.stdout_path = scratch_ + "/out";
    r.stderr_path = scratch_ + "/err";
    BoxReport b = program_.box().run(r);
    t->cpu_s = std::max(t->cpu_s, b.cpu_s);
    t->memory_bytes = std::max(t->memory_bytes, b.memory_bytes);
    t->verdict = from_box(b);
    t->message = b.message;
    if (t->verdict != Verdict::AC) return "";
    std::string next;
    if (p_.config.custom_output_validator) {
      CustomVerdict v = run_output_validator(validator_, p_, tc, r.stdout_path, a.args, feedback_, scratch_ + "/v");
      t->verdict = v.verdict;
      t->message = v.message;
      next = v.next_pass;
    } else if (!a.flags_error.empty()) {
      t->verdict = Verdict::JE;
      t->message = a.flags_error;
    } else {
      graders::DefaultValidatorResult v =
          graders::validate_default(read_file(tc.answer), read_file(r.stdout_path), a.flags);
      t->verdict = v.accepted ? Verdict::AC : Verdict::WA;
      t->message = v.judge_message;
    }
    trim_newlines(&t->message);
    return next;
  }

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
  std::string interact(const package::TestCase& tc, const OutputValidatorArgs& args,
                       const std::string& validator_input, int pass, TestResult* out) {
    TestResult& t = *out;
    std::string to_sub = scratch_ + "/to-submission", to_val = scratch_ + "/to-validator";
    unlink(to_sub.c_str());
    unlink(to_val.c_str());
    if (mkfifo(to_sub.c_str(), 0600) != 0 || mkfifo(to_val.c_str(), 0600) != 0) {
      t.verdict = Verdict::JE;
      t.message = "cannot make the named pipes";
      return "";
    }
    BoxRequest sub;
    sub.argv = program_.argv();
    sub.cpu_s = opt_.time_limit_s;
    sub.wall_s = 2 * opt_.time_limit_s + 1;
    sub.memory_bytes = static_cast<long long>(p_.config.limits.memory_mib + lang_.extra_memory_mib) << 20;
    sub.output_bytes = static_cast<long long>(p_.config.limits.output_mib) << 20;
    sub.processes = 128;
    sub.stdin_path = to_sub;
    sub.stdout_path = to_val;
    sub.stderr_path = scratch_ + "/err";
    BoxRequest val;
    val.argv = output_validator_argv(validator_, p_, tc,
                                     validator_input == tc.input
                                         ? in_box(p_, tc.input)
                                         : "/passes/" + std::filesystem::path(validator_input).filename().string(),
                                     args.args);
    val.cpu_s = p_.config.limits.validation_time_s;
    val.wall_s = sub.wall_s + 1;  // a deadlock ends at the submission's wall limit
    val.memory_bytes = static_cast<long long>(p_.config.limits.validation_memory_mib +
                                              validator_.language().extra_memory_mib) << 20;
    val.stdin_path = to_val;
    val.stdout_path = to_sub;
    val.stdout_first = true;
    val.stderr_path = scratch_ + "/verr";
    bool sent_val = validator_.box().send(val), sent_sub = program_.box().send(sub);
    if (sent_val != sent_sub) unblock({to_sub, to_val});  // one box waits for a peer that never comes
    BoxReport s = sent_sub ? program_.box().receive() : BoxReport{};
    BoxReport v = sent_val ? validator_.box().receive() : BoxReport{};
    t.cpu_s = std::max(t.cpu_s, s.cpu_s);
    t.memory_bytes = std::max(t.memory_bytes, s.memory_bytes);
    std::string judge_message = read_file(feedback_ + "/judgemessage.txt", 1 << 16);
    trim_newlines(&judge_message);
    bool validator_exited = (v.status == "OK" || v.status == "RE") && (v.exit_code == 42 || v.exit_code == 43);
    // Each box notes when it saw its program end (CLOCK_MONOTONIC). A submission
    // killed by SIGPIPE wrote to a validator that was gone: it ended after it.
    bool validator_first = v.ended_at <= s.ended_at || (s.status == "RE" && s.signal == SIGPIPE);
    if (validator_exited && v.exit_code == 43 && validator_first) {
      t.verdict = Verdict::WA;
      t.message = judge_message;
    } else if (s.status == "TLE") {
      t.verdict = Verdict::TLE;
      t.message = s.message;
    } else if (!validator_exited) {
      t.verdict = Verdict::JE;
      t.message = "output validator: " + (v.status == "OK" ? std::string("exit code 0 (must be 42 or 43)") : v.message) +
                  (judge_message.empty() ? "" : "; " + judge_message);
    } else if (s.status != "OK") {
      t.verdict = from_box(s);
      t.message = s.message;
    } else {
      t.verdict = v.exit_code == 42 ? Verdict::AC : Verdict::WA;
      t.message = judge_message;
    }
    std::string next;
    if (p_.config.multi_pass && validator_exited &&
        !take_next_pass(feedback_, scratch_ + "/passes/pass-" + std::to_string(pass + 1) + ".in", &next)) {
      t.verdict = Verdict::JE;
      t.message = "cannot move the output validator's nextpass.in";
    }
    return next;
  }

  // Opens and closes both ends of each named pipe without waiting: a box stuck in
  // an open then proceeds (and its program sees EOF).
  static void unblock(const std::vector<std::string>& fifos) {
    for (const std::string& f : fifos) {
      int r = ::open(f.c_str(), O_RDONLY | O_NONBLOCK);
      int w = ::open(f.c_str(), O_WRONLY | O_NONBLOCK);
      if (r >= 0) close(r);
      if (w >= 0) close(w);
    }
  }

  const Problem& p_;
  const Language& lang_;
  JudgeOptions opt_;
  BoxedProgram program_, validator_, grader_;
  bool grader_built_ = false;
  std::string grader_error_;
  std::string scratch_, feedback_;
  JudgeResult result_;
};

}  // namespace

std::string include_dir(const std::string& package_dir, const Language& lang) {
  // The format's language codes: one "cpp" for every C++ standard.
  std::string code = lang.id.rfind("cpp", 0) == 0 ? "cpp" : lang.id;
  for (const std::string& d : {package_dir + "/include/" + code, package_dir + "/include/default"}) {
    struct stat st;
    if (stat(d.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return d;
  }
  return "";
}

std::string output_validator_dir(const std::string& package_dir) {
  for (const char* d : {"/output_validators", "/output_validator"}) {
    struct stat st;
    if (stat((package_dir + d).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    if (std::string(d) == "/output_validator") return package_dir + d;  // 2025-09: the dir is the program
    std::vector<std::string> entries = sorted_visible(package_dir + d);
    if (!entries.empty()) return package_dir + d + "/" + entries[0];  // legacy: the first (as problemtools)
  }
  return "";
}

graders::ScoreFiles read_score_files(const std::string& feedback_dir) {
  graders::ScoreFiles f;
  std::string score = feedback_dir + "/score.txt", multiplier = feedback_dir + "/score_multiplier.txt";
  if (access(score.c_str(), F_OK) == 0) f.score = read_file(score, 4096);
  if (access(multiplier.c_str(), F_OK) == 0) f.multiplier = read_file(multiplier, 4096);
  return f;
}

// Emptied, not re-made: the validator's box has this very directory bound in.
void empty_dir(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) std::filesystem::remove_all(e.path(), ec);
}

OutputValidatorArgs output_validator_args(const Problem& p, const graders::GroupSettings& settings) {
  OutputValidatorArgs a;
  a.args = p.config.output_validator_args;
  for (const std::string& f : graders::split_flags(settings.output_validator_flags)) a.args.push_back(f);
  if (!p.config.custom_output_validator) a.flags_error = graders::parse_default_validator_flags(a.args, &a.flags);
  return a;
}

CustomVerdict run_output_validator(BoxedProgram& validator, const Problem& p, const package::TestCase& tc,
                                   const std::string& team_output, const std::vector<std::string>& args,
                                   const std::string& feedback_dir, const std::string& scratch_prefix) {
  BoxRequest v;
  v.argv = output_validator_argv(validator, p, tc, in_box(p, tc.input), args);
  v.cpu_s = p.config.limits.validation_time_s;
  v.memory_bytes = static_cast<long long>(p.config.limits.validation_memory_mib + validator.language().extra_memory_mib)
                   << 20;
  v.output_bytes = static_cast<long long>(p.config.limits.validation_output_mib) << 20;
  v.stdin_path = team_output;
  v.stdout_path = scratch_prefix + ".out";
  v.stderr_path = scratch_prefix + ".err";
  BoxReport b = validator.box().run(v);
  CustomVerdict c;
  c.message = read_file(feedback_dir + "/judgemessage.txt", 1 << 16);
  trim_newlines(&c.message);
  bool exited = b.status == "OK" || b.status == "RE";
  if (exited && b.exit_code == 42) {
    c.verdict = Verdict::AC;
  } else if (exited && b.exit_code == 43) {
    c.verdict = Verdict::WA;
  } else {
    c.verdict = Verdict::JE;
    std::string err = read_file(v.stderr_path, 500);
    c.message = "output validator: " + (b.status == "OK" ? std::string("exit code 0 (must be 42 or 43)") : b.message) +
                (c.message.empty() ? "" : "; " + c.message) + (err.empty() ? "" : "; stderr: " + err);
    return c;
  }
  if (!take_next_pass(feedback_dir, scratch_prefix + ".nextpass.in", &c.next_pass)) {
    c.verdict = Verdict::JE;
    c.message = "cannot move the output validator's nextpass.in";
  }
  return c;
}

Problem Problem::load(const std::string& dir) {
  Problem p;
  p.dir = dir;
  std::ifstream in(dir + "/problem.yaml");
  if (!in) {
    p.diagnostics.push_back({true, "problem.yaml", 0, "missing: every package needs one"});
  } else {
    std::stringstream text;
    text << in.rdbuf();
    p.config = package::parse_problem_yaml(text.str(), &p.diagnostics);
  }
  if (p.config.version != package::FormatVersion::Legacy && !output_validator_dir(dir).empty())
    p.config.custom_output_validator = true;  // 2025-09: the directory alone says so
  p.data = package::load_test_data(dir, p.config, &p.diagnostics);
  char real[PATH_MAX];
  p.root = realpath(dir.c_str(), real) ? real : dir;
  return p;
}

bool Problem::has_errors() const {
  for (const package::Diagnostic& d : diagnostics)
    if (d.error) return true;
  return false;
}

double Problem::explicit_time_limit() const {
  if (config.limits.time_limit) return *config.limits.time_limit;
  std::ifstream in(dir + "/.timelimit");
  double t = 0;
  if (in >> t && t > 0) return t;
  return 0;
}

std::string default_cache_dir() {
  const char* env = getenv("SHORTLIST_CACHE");
  return env && *env ? env : "/var/cache/shortlist/compile";
}

JudgeResult judge(const Problem& problem, const std::string& source, const Language& language,
                  const JudgeOptions& options) {
  return Judging(problem, language, options).run(source);
}

}  // namespace engine
