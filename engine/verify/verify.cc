#include "verify/verify.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "default_validator.h"
#include "judge/boxed_program.h"
#include "judge/judge.h"
#include "package/submissions.h"
#include "package/time_limit.h"
#include "verify/package_time_limit.h"

namespace engine {
namespace {

using graders::Verdict;

std::string describe(const package::Expected& e) {
  auto names = [](const std::set<Verdict>& s) {
    std::string out;
    for (Verdict v : s) out += (out.empty() ? "" : ", ") + std::string(graders::verdict_name(v));
    return out;
  };
  if (e.final_verdict) return std::string(graders::verdict_name(*e.final_verdict)) + (e.below_full_score ? " (partial score)" : "");
  if (!e.final_any_of.empty()) return "any of " + names(e.final_any_of);
  std::string s = "permitted " + names(e.permitted);
  if (!e.required.empty()) s += ", required " + names(e.required);
  return s;
}

// Visits every test case with the settings of its group.
void each_case(const package::TestGroup& g,
               const std::function<void(const package::TestCase&, const graders::GroupSettings&)>& f) {
  for (auto [is_group, i] : g.order) {
    if (is_group) each_case(g.groups[i], f);
    else f(g.cases[i], g.settings);
  }
}

class Verifier {
 public:
  Verifier(const std::string& dir, const LanguageTable& langs, const std::string& box,
           const std::function<void(const std::string&)>& progress)
      : dir_(dir), langs_(langs), box_(box), progress_(progress), problem_(Problem::load(dir)) {}

  VerifyReport run() {
    char tmpl[] = "/tmp/shortlist-verify-XXXXXX";
    scratch_ = mkdtemp(tmpl) ? tmpl : "/tmp";
    report_.problem = problem_.root.substr(problem_.root.rfind('/') + 1);
    report_.format = package::format_version_name(problem_.config.version);
    for (const package::Diagnostic& d : problem_.diagnostics)
      (d.error ? report_.errors : report_.warnings).push_back(d.to_string());
    if (problem_.has_errors()) return finish();  // no point judging a broken package
    check_inputs();
    check_answers();
    check_submissions();
    return finish();
  }

 private:
  VerifyReport finish() {
    std::error_code ec;
    if (scratch_ != "/tmp") std::filesystem::remove_all(scratch_, ec);
    return report_;
  }
  void say(const std::string& line) {
    if (progress_) progress_(line);
  }

  void check_inputs() {
    // Every validator of both folders (input_format_validators/ is the older name).
    std::vector<std::pair<std::string, std::string>> validators;  // (folder, name)
    for (const char* d : {"input_validators", "input_format_validators"}) {
      struct stat st;
      if (stat((dir_ + "/" + d).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
      if (std::string(d) == "input_format_validators")
        report_.warnings.push_back("input_format_validators/: the old name of input_validators/");
      for (const std::string& name : sorted_visible(dir_ + "/" + d)) validators.push_back({d, name});
    }
    if (validators.empty()) {
      report_.errors.push_back("input_validators: missing (every package needs at least one)");
      return;
    }
    for (const auto& [folder, name] : validators) {
      std::string dir = dir_ + "/" + folder, shown = folder + "/" + name;
      if (name.size() > 4 && (name.substr(name.size() - 4) == ".ctd" || name.substr(name.size() - 5) == ".viva")) {
        report_.warnings.push_back(shown + ": checktestdata/viva validators are not supported; skipped");
        continue;
      }
      BoxedProgram v;
      std::string e = v.build(package_program_spec(box_, dir + "/" + name, &langs_, problem_.config.limits,
                                                   scratch_ + "/ivc", default_cache_dir()));
      if (!e.empty()) {
        report_.errors.push_back(shown + ": " + e);
        continue;
      }
      int checked = 0;
      each_case(problem_.data, [&](const package::TestCase& tc, const graders::GroupSettings& s) {
        BoxRequest r;
        // input_validator_args, then the case's `args` (the format's order).
        r.argv = v.argv();
        for (const std::string& f : graders::split_flags(tc.input_validator_args.value_or(s.input_validator_flags)))
          r.argv.push_back(f);
        for (const std::string& f : graders::split_flags(tc.args.value_or(s.submission_args))) r.argv.push_back(f);
        r.cpu_s = problem_.config.limits.validation_time_s;
        r.memory_bytes = v.memory_bytes(problem_.config.limits.validation_memory_mib);
        r.stdin_path = tc.input;
        r.stdout_path = scratch_ + "/iv.out";
        r.stderr_path = scratch_ + "/iv.err";
        BoxReport b = v.box().run(r);
        ++checked;
        if ((b.status == "OK" || b.status == "RE") && b.exit_code == 42) return;
        std::string why = read_file(r.stderr_path, 300) + read_file(r.stdout_path, 300);
        why = why.substr(0, why.find('\n'));
        report_.errors.push_back("data/" + tc.name + ".in: rejected by " + shown + " (" +
                                 (b.status == "OK" || b.status == "RE" ? "exit code " + std::to_string(b.exit_code)
                                                                       : b.status + ": " + b.message) +
                                 ")" + (why.empty() ? "" : ": " + why));
      });
      say(shown + ": " + std::to_string(checked) + " inputs checked");
    }
  }

  void check_answers() {
    if (problem_.config.interactive || problem_.config.multi_pass) return;  // answers are not outputs there
    BoxedProgram custom;
    std::string feedback = scratch_ + "/feedback";
    if (problem_.config.custom_output_validator) {
      mkdir(feedback.c_str(), 0777);
      chmod(feedback.c_str(), 0777);
      std::string dir = output_validator_dir(dir_);
      BuildSpec spec = package_program_spec(box_, dir, &langs_, problem_.config.limits, scratch_ + "/ovc",
                                            default_cache_dir());
      spec.dirs = {problem_.root + ":/problem", feedback + ":/feedback:rw"};
      std::string e = custom.build(spec);
      if (!e.empty()) {
        report_.errors.push_back("output validator: " + e);
        return;
      }
    }
    int checked = 0;
    each_case(problem_.data, [&](const package::TestCase& tc, const graders::GroupSettings& s) {
      TestArgs a = for_case(problem_, test_args(problem_, s), tc);
      Verdict v;
      std::string message;
      if (problem_.config.custom_output_validator) {
        empty_dir(feedback);
        CustomVerdict c = run_output_validator(custom, problem_, tc, tc.answer, a.validator, feedback, scratch_ + "/ov");
        v = c.verdict;
        message = c.message;
      } else if (!a.flags_error.empty()) {
        report_.errors.push_back("output validator flags for data/" + tc.name + ": " + a.flags_error);
        return;
      } else {
        std::string answer = read_file(tc.answer);
        graders::DefaultValidatorResult r = graders::validate_default(answer, answer, a.flags);
        v = r.accepted ? Verdict::AC : Verdict::WA;
        message = r.judge_message;
      }
      ++checked;
      if (v == Verdict::AC) return;
      std::string line = "data/" + tc.name + ".ans: the output validator does not accept it as output (" +
                         graders::verdict_name(v) + (message.empty() ? "" : ": " + message.substr(0, message.find('\n'))) + ")";
      // problemtools: an error for samples, a warning for secret data.
      (tc.name.rfind("sample/", 0) == 0 ? report_.errors : report_.warnings).push_back(line);
    });
    say("output validator: " + std::to_string(checked) + " answer files checked");
  }

  void check_submissions() {
    std::vector<package::Diagnostic> d;
    std::vector<package::Submission> subs = package::find_submissions(dir_, problem_.config, &d);
    for (const package::Diagnostic& x : d) (x.error ? report_.errors : report_.warnings).push_back(x.to_string());
    struct Judged {
      const package::Submission* sub;
      const Language* lang;
      JudgeResult result;
      bool done = false;
    };
    std::vector<Judged> judged;
    for (const package::Submission& s : subs) {
      const Language* l = program_language(langs_, s.absolute);
      if (!l) {
        report_.warnings.push_back(s.path + (s.is_directory ? ": no file in it has a known language; not judged"
                                                            : ": no language for its extension; not judged"));
        continue;
      }
      judged.push_back({&s, l, {}});
    }
    // The time limit: the package's, or derived from the accepted submissions judged
    // with room to spare (then judged again only if they came close to the limit).
    PackageTimeLimit tl = package_time_limit(problem_, subs, langs_, box_, [&](const AcceptedRun& run) {
      say(run.submission->path + ": " + graders::verdict_name(run.result.verdict) + " (slowest case " +
          std::to_string(run.result.max_cpu_s) + " s)");
    });
    if (!tl.error.empty()) report_.errors.push_back("time limit: " + tl.error);
    for (const std::string& w : tl.warnings) report_.warnings.push_back("time limit: " + w);
    report_.time_limit = tl.seconds;
    report_.time_limit_source = tl.source;
    double high = tl.high_seconds;
    for (AcceptedRun& run : tl.runs)
      for (Judged& j : judged)
        if (j.sub == run.submission) {
          j.result = std::move(run.result);
          j.done = true;
        }
    say("time limit: " + std::to_string(report_.time_limit) + " s (" + report_.time_limit_source + ")");
    for (Judged& j : judged) {
      if (!j.done || j.result.max_cpu_s > report_.time_limit * 0.8)
        j.result = judge(problem_, j.sub->absolute, *j.lang, {box_, report_.time_limit, &langs_, default_cache_dir()});
      package::Outcome o;
      o.final_verdict = j.result.verdict;
      o.score = j.result.score;
      o.max_score = j.result.max_score;
      for (const TestResult& t : j.result.tests) o.case_verdicts.push_back(t.verdict);
      // Legacy packages expect memory overuse as a run-time error (problemtools).
      if (problem_.config.version == package::FormatVersion::Legacy) {
        if (o.final_verdict == Verdict::MLE) o.final_verdict = Verdict::RTE;
        for (Verdict& v : o.case_verdicts)
          if (v == Verdict::MLE) v = Verdict::RTE;
      }
      SubmissionCheck c;
      c.path = j.sub->path;
      c.expected = describe(j.sub->expected);
      c.verdict = graders::verdict_name(o.final_verdict);
      c.score = o.score;
      c.max_score = o.max_score;
      c.max_cpu_s = j.result.max_cpu_s;
      c.reason = o.final_verdict == Verdict::JE ? "judge error: " + j.result.message
                                                : package::check_expectation(j.sub->expected, o);
      c.ok = c.reason.empty();
      if (c.ok && o.final_verdict == Verdict::TLE && expects_tle(j.sub->expected) && high > report_.time_limit)
        check_margin(j.sub, j.lang, high, &c);
      say(c.path + ": " + c.verdict + (p_scoring() ? " " + std::to_string(c.score) : "") +
          (c.ok ? "  ok" : "  NOT OK: " + c.reason));
      report_.submissions.push_back(c);
    }
  }

  bool p_scoring() const { return problem_.config.scoring; }

  static bool expects_tle(const package::Expected& e) {
    return e.final_verdict == Verdict::TLE || e.final_any_of.count(Verdict::TLE) || e.required.count(Verdict::TLE);
  }

  // A submission that must time out is judged again at the limit times its margin
  // (legacy time_safety_margin, 2025-09 time_limit_to_tle). Legacy: a different
  // verdict there is a warning (problemtools: "sensitive to the time limit");
  // 2025-09: the rules require it to time out there too, so it is an error.
  void check_margin(const package::Submission* sub, const Language* lang, double high, SubmissionCheck* c) {
    JudgeResult r = judge(problem_, sub->absolute, *lang, {box_, high, &langs_, default_cache_dir()});
    say(sub->path + ": at " + std::to_string(high) + " s: " + graders::verdict_name(r.verdict));
    if (r.verdict == Verdict::TLE) return;
    std::string what = sub->path + ": TLE at " + std::to_string(report_.time_limit) + " s but " +
                       graders::verdict_name(r.verdict) + " at " + std::to_string(high) + " s";
    if (problem_.config.version == package::FormatVersion::Legacy) {
      report_.warnings.push_back(what + " (time_safety_margin): sensitive to the time limit");
    } else {
      c->ok = false;
      c->reason = what + ": time_limit x time_limit_to_tle must still be too slow for it";
    }
  }

  std::string dir_;
  const LanguageTable& langs_;
  std::string box_;
  std::function<void(const std::string&)> progress_;
  Problem problem_;
  std::string scratch_;
  VerifyReport report_;
};

}  // namespace

bool VerifyReport::ok() const {
  if (!errors.empty()) return false;
  for (const SubmissionCheck& s : submissions)
    if (!s.ok) return false;
  return true;
}

VerifyReport verify(const std::string& package_dir, const LanguageTable& languages, const std::string& box_binary,
                    const std::function<void(const std::string&)>& progress) {
  return Verifier(package_dir, languages, box_binary, progress).run();
}

std::string to_json(const VerifyReport& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("problem");
  w.String(r.problem.c_str());
  w.Key("format");
  w.String(r.format.c_str());
  w.Key("time_limit");
  w.Double(r.time_limit);
  w.Key("ok");
  w.Bool(r.ok());
  w.Key("submissions");
  w.StartArray();
  for (const SubmissionCheck& s : r.submissions) {
    w.StartObject();
    w.Key("path");
    w.String(s.path.c_str());
    w.Key("expected");
    w.String(s.expected.c_str());
    w.Key("verdict");
    w.String(s.verdict.c_str());
    w.Key("score");
    w.Double(s.score);
    w.Key("max_cpu_s");
    w.Double(s.max_cpu_s);
    w.Key("ok");
    w.Bool(s.ok);
    if (!s.ok) {
      w.Key("reason");
      w.String(s.reason.c_str());
    }
    w.EndObject();
  }
  w.EndArray();
  for (auto [key, list] : {std::pair{"errors", &r.errors}, std::pair{"warnings", &r.warnings}}) {
    w.Key(key);
    w.StartArray();
    for (const std::string& e : *list) w.String(e.c_str());
    w.EndArray();
  }
  w.EndObject();
  return buf.GetString();
}

}  // namespace engine
