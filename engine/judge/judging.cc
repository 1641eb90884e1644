#include "judge/judging.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

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

// An output validator decides by exiting with 42 (accept) or 43 (reject); any
// other end is the judge's error.
bool validator_decided(const BoxReport& b) {
  return (b.status == "OK" || b.status == "RE") && (b.exit_code == 42 || b.exit_code == 43);
}

std::string validator_failure(const BoxReport& b, const std::string& judge_message, const std::string& stderr_text) {
  return "output validator: " + (b.status == "OK" ? std::string("exit code 0 (must be 42 or 43)") : b.message) +
         (judge_message.empty() ? "" : "; " + judge_message) + (stderr_text.empty() ? "" : "; stderr: " + stderr_text);
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

}  // namespace

JudgeResult Judging::run(const std::string& source) {
  char tmpl[] = "/tmp/shortlist-judge-XXXXXX";
  if (!mkdtemp(tmpl)) return fail("cannot make a scratch directory");
  scratch_ = tmpl;
  JudgeResult r = judge(source);
  std::error_code ec;
  std::filesystem::remove_all(scratch_, ec);
  return r;
}

JudgeResult Judging::fail(const std::string& message) {
  result_.verdict = Verdict::JE;
  result_.message = message;
  return result_;
}

JudgeResult Judging::judge(const std::string& source) {
  if (opt_.languages == nullptr) return fail("no language table");
  if (source_bytes(source) > static_cast<off_t>(p_.config.limits.code_kib) * 1024)
    return fail("the source is larger than the code limit of " + std::to_string(p_.config.limits.code_kib) + " KiB");
  if (p_.config.custom_output_validator) {
    std::string dir = output_validator_dir(p_.dir);
    if (dir.empty()) return fail("the package has no output validator");
    feedback_ = scratch_ + "/feedback";
    mkdir(feedback_.c_str(), 0777);
    chmod(feedback_.c_str(), 0777);  // the validator runs as an unprivileged uid
    BuildSpec v = package_program_spec(opt_.box_binary, dir, opt_.languages, p_.config.limits, scratch_ + "/vcompile",
                                       opt_.cache_dir);
    v.dirs = {p_.root + ":/problem", feedback_ + ":/feedback:rw"};
    if (p_.config.interactive && p_.config.multi_pass) {
      // Later passes give the validator its own nextpass.in as the input file.
      mkdir((scratch_ + "/passes").c_str(), 0755);
      v.dirs.push_back(scratch_ + "/passes:/passes");
    }
    std::string e = validator_.build(v);
    count_build(validator_);
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
  count_build(program_);
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

Judging::CaseRun Judging::run_case(const package::TestCase& tc, const TestArgs& group_args) {
  TestArgs own;
  const TestArgs& args = tc.has_own_args() ? (own = for_case(p_, group_args, tc)) : group_args;
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
  if (opt_.on_test) opt_.on_test(t);
  return c;
}

BoxRequest Judging::submission_request(const TestArgs& a) {
  BoxRequest r;
  r.argv = program_.argv();
  r.argv.insert(r.argv.end(), a.submission.begin(), a.submission.end());
  r.cpu_s = opt_.time_limit_s;
  r.memory_bytes = program_.memory_bytes(p_.config.limits.memory_mib);
  r.output_bytes = static_cast<long long>(p_.config.limits.output_mib) << 20;
  r.processes = 128;
  r.stderr_path = scratch_ + "/err";
  return r;
}

std::string Judging::run_pass(const package::TestCase& tc, const TestArgs& a, const std::string& input,
                              TestResult* t) {
  BoxRequest r = submission_request(a);
  r.stdin_path = input;
  r.stdout_path = scratch_ + "/out";
  BoxReport b = program_.box().run(r);
  t->cpu_s = std::max(t->cpu_s, b.cpu_s);
  t->memory_bytes = std::max(t->memory_bytes, b.memory_bytes);
  t->verdict = from_box(b);
  t->message = b.message;
  if (t->verdict != Verdict::AC) return "";
  std::string next;
  if (p_.config.custom_output_validator) {
    CustomVerdict v = run_output_validator(validator_, p_, tc, r.stdout_path, a.validator, feedback_, scratch_ + "/v");
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

std::string Judging::interact(const package::TestCase& tc, const TestArgs& args,
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
  BoxRequest sub = submission_request(args);
  sub.wall_s = 2 * opt_.time_limit_s + 1;
  sub.stdin_path = to_sub;
  sub.stdout_path = to_val;
  BoxRequest val;
  val.argv = output_validator_argv(validator_, p_, tc,
                                   validator_input == tc.input
                                       ? in_box(p_, tc.input)
                                       : "/passes/" + std::filesystem::path(validator_input).filename().string(),
                                   args.validator);
  val.cpu_s = p_.config.limits.validation_time_s;
  val.wall_s = sub.wall_s + 1;  // a deadlock ends at the submission's wall limit
  val.memory_bytes = validator_.memory_bytes(p_.config.limits.validation_memory_mib);
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
  bool validator_exited = validator_decided(v);
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
    t.message = validator_failure(v, judge_message, read_file(scratch_ + "/verr", 500));
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

void Judging::unblock(const std::vector<std::string>& fifos) {
  for (const std::string& f : fifos) {
    int r = ::open(f.c_str(), O_RDONLY | O_NONBLOCK);
    int w = ::open(f.c_str(), O_WRONLY | O_NONBLOCK);
    if (r >= 0) close(r);
    if (w >= 0) close(w);
  }
}

CustomVerdict run_output_validator(BoxedProgram& validator, const Problem& p, const package::TestCase& tc,
                                   const std::string& team_output, const std::vector<std::string>& args,
                                   const std::string& feedback_dir, const std::string& scratch_prefix) {
  BoxRequest v;
  v.argv = output_validator_argv(validator, p, tc, in_box(p, tc.input), args);
  v.cpu_s = p.config.limits.validation_time_s;
  v.memory_bytes = validator.memory_bytes(p.config.limits.validation_memory_mib);
  v.output_bytes = static_cast<long long>(p.config.limits.validation_output_mib) << 20;
  v.stdin_path = team_output;
  v.stdout_path = scratch_prefix + ".out";
  v.stderr_path = scratch_prefix + ".err";
  BoxReport b = validator.box().run(v);
  CustomVerdict c;
  c.message = read_file(feedback_dir + "/judgemessage.txt", 1 << 16);
  trim_newlines(&c.message);
  if (!validator_decided(b)) {
    c.verdict = Verdict::JE;
    c.message = validator_failure(b, c.message, read_file(v.stderr_path, 500));
    return c;
  }
  c.verdict = b.exit_code == 42 ? Verdict::AC : Verdict::WA;
  if (!take_next_pass(feedback_dir, scratch_prefix + ".nextpass.in", &c.next_pass)) {
    c.verdict = Verdict::JE;
    c.message = "cannot move the output validator's nextpass.in";
  }
  return c;
}

}  // namespace engine
