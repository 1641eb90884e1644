#include "judge.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "default_validator.h"
#include "judge/box_client.h"
#include "legacy_grading.h"

namespace engine {
namespace {

using graders::Verdict;

std::string read_file(const std::string& path, size_t limit = 64 << 20) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return "";
  std::string out;
  char buf[65536];
  ssize_t n;
  while (out.size() < limit && (n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

bool write_file(const std::string& path, const std::string& text, mode_t mode) {
  unlink(path.c_str());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return false;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  fchmod(fd, mode);
  return close(fd) == 0 && ok;
}

std::string basename_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

Verdict from_box(const BoxReport& r) {
  if (r.status == "TLE") return Verdict::TLE;
  if (r.status == "MLE") return Verdict::MLE;
  if (r.status == "OLE") return Verdict::OLE;
  if (r.status == "RE" || r.status == "SV") return Verdict::RTE;
  if (r.status == "OK") return Verdict::AC;
  return Verdict::JE;
}

std::string first_lines(const std::string& text, size_t max_bytes = 2000) {
  return text.size() <= max_bytes ? text : text.substr(0, max_bytes) + "\n[...]";
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
    if (p_.config.custom_output_validator)
      return fail("custom output validators (and interactive problems) are not supported by this judge yet");
    if (std::string e = box_.start(opt_.box_binary, {}); !e.empty()) return fail(e);
    files_ = {{basename_of(source)}, basename_of(source), p_.config.limits.memory_mib};
    std::string text = read_file(source, static_cast<size_t>(p_.config.limits.code_kib) * 1024 + 1);
    if (text.size() > static_cast<size_t>(p_.config.limits.code_kib) * 1024)
      return fail("the source is larger than the code limit of " + std::to_string(p_.config.limits.code_kib) + " KiB");
    if (!write_file(box_.workdir() + "/" + files_.main, text, 0644)) return fail("cannot stage the source");
    if (!lang_.compile.empty() && !compile()) return result_;

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

  bool compile() {
    BoxRequest c;
    c.argv = expand(lang_.compile, files_);
    c.cpu_s = p_.config.limits.compilation_time_s;
    c.memory_bytes = static_cast<long long>(p_.config.limits.compilation_memory_mib) << 20;
    c.processes = 128;
    c.stdout_path = scratch_ + "/compile.out";
    c.stderr_path = scratch_ + "/compile.err";
    c.keep = true;  // its output stays in /box for us to collect
    BoxReport r = box_.run(c);
    if (r.status != "OK") {
      result_.verdict = r.status == "IE" ? Verdict::JE : Verdict::CE;
      std::string output = read_file(c.stderr_path, 1 << 20) + read_file(c.stdout_path, 1 << 20);
      result_.message = r.status == "IE" ? r.message : first_lines(output.empty() ? r.message : output);
      return false;
    }
    // The compiler's files belong to the box user and would be wiped after the next
    // run: take them over (root-owned files in /box survive every wipe and cannot
    // be changed by a program). Links are never followed.
    DIR* d = opendir(box_.workdir().c_str());
    if (!d) {
      fail("cannot read the box's work dir");
      return false;
    }
    std::vector<std::string> outputs;
    while (dirent* e = readdir(d)) {
      struct stat st;
      std::string path = box_.workdir() + "/" + e->d_name;
      if (e->d_name[0] != '.' && lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid != 0)
        outputs.push_back(e->d_name);
    }
    closedir(d);
    for (const std::string& name : outputs) {
      std::string path = box_.workdir() + "/" + name;
      if (!write_file(path, read_file(path, 1ull << 30), 0755)) {
        fail("cannot take over " + name);
        return false;
      }
    }
    return true;
  }

  graders::GroupResult grade(const package::TestGroup& g) {
    return graders::grade_group(g.settings, g.order.size(), [&](size_t i) {
      auto [is_group, index] = g.order[i];
      if (is_group) {
        graders::GroupResult sub = grade(g.groups[index]);
        return graders::ChildResult{sub.result.verdict, sub.result.score};
      }
      return run_case(g.cases[index], g.settings);
    });
  }

  graders::ChildResult run_case(const package::TestCase& tc, const graders::GroupSettings& settings) {
    TestResult t;
    t.name = tc.name;
    BoxRequest r;
    r.argv = expand(lang_.run, files_);
    r.cpu_s = opt_.time_limit_s;
    r.memory_bytes = static_cast<long long>(p_.config.limits.memory_mib + lang_.extra_memory_mib) << 20;
    r.output_bytes = static_cast<long long>(p_.config.limits.output_mib) << 20;
    r.processes = 128;
    r.stdin_path = tc.input;
    r.stdout_path = scratch_ + "/out";
    r.stderr_path = scratch_ + "/err";
    BoxReport b = box_.run(r);
    t.cpu_s = b.cpu_s;
    t.memory_bytes = b.memory_bytes;
    t.verdict = from_box(b);
    t.message = b.message;
    if (t.verdict == Verdict::AC) {
      graders::DefaultValidatorFlags flags;
      std::vector<std::string> args = p_.config.output_validator_args;
      for (const std::string& a : graders::split_flags(settings.output_validator_flags)) args.push_back(a);
      if (std::string e = graders::parse_default_validator_flags(args, &flags); !e.empty()) {
        t.verdict = Verdict::JE;
        t.message = e;
      } else {
        graders::DefaultValidatorResult v =
            graders::validate_default(read_file(tc.answer), read_file(r.stdout_path), flags);
        t.verdict = v.accepted ? Verdict::AC : Verdict::WA;
        t.message = v.judge_message;
        while (!t.message.empty() && t.message.back() == '\n') t.message.pop_back();
      }
    }
    result_.max_cpu_s = std::max(result_.max_cpu_s, t.cpu_s);
    result_.tests.push_back(t);
    return graders::ChildResult{t.verdict, std::nullopt};
  }

  const Problem& p_;
  const Language& lang_;
  JudgeOptions opt_;
  BoxClient box_;
  ProgramFiles files_;
  std::string scratch_;
  JudgeResult result_;
};

}  // namespace

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
  struct stat st;
  if (stat((dir + "/output_validators").c_str(), &st) == 0 || stat((dir + "/output_validator").c_str(), &st) == 0)
    p.config.custom_output_validator = p.config.custom_output_validator || p.config.version != package::FormatVersion::Legacy;
  p.data = package::load_test_data(dir, p.config, &p.diagnostics);
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

JudgeResult judge(const Problem& problem, const std::string& source, const Language& language,
                  const JudgeOptions& options) {
  return Judging(problem, language, options).run(source);
}

}  // namespace engine
