#include "judge.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <optional>
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

std::vector<std::string> sorted_visible(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.push_back(e->d_name);
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Compiles `files` (already staged in the box's /box) with `lang`, and takes the
// results over: the compiler's files belong to the box user and would be wiped
// after the next run; root-owned files in /box survive every wipe and cannot be
// changed by a program. Links are never followed. Returns "" or the compiler's
// messages ("JE: ..." when the box itself failed).
std::string compile_in(BoxClient& box, const Language& lang, const ProgramFiles& files,
                       const package::Limits& limits, const std::string& log) {
  BoxRequest c;
  c.argv = expand(lang.compile, files);
  c.cpu_s = limits.compilation_time_s;
  c.memory_bytes = static_cast<long long>(limits.compilation_memory_mib) << 20;
  c.processes = 128;
  c.stdout_path = log + ".out";
  c.stderr_path = log + ".err";
  c.keep = true;
  BoxReport r = box.run(c);
  if (r.status != "OK") {
    if (r.status == "IE") return "JE: " + r.message;
    std::string output = read_file(c.stderr_path, 1 << 20) + read_file(c.stdout_path, 1 << 20);
    return first_lines(output.empty() ? r.message : output);
  }
  std::vector<std::string> outputs;
  for (const std::string& name : sorted_visible(box.workdir())) {
    struct stat st;
    std::string path = box.workdir() + "/" + name;
    if (lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid != 0) outputs.push_back(name);
  }
  for (const std::string& name : outputs) {
    std::string path = box.workdir() + "/" + name;
    if (!write_file(path, read_file(path, 1ull << 30), 0755)) return "JE: cannot take over " + name;
  }
  return "";
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
  bool failed(const std::string& message) {
    fail(message);
    return false;
  }

  JudgeResult fail(const std::string& message) {
    result_.verdict = Verdict::JE;
    result_.message = message;
    return result_;
  }

  JudgeResult judge(const std::string& source) {
    if (p_.config.interactive || p_.config.multi_pass)
      return fail("interactive and multi-pass problems are not supported by this judge yet");
    if (p_.config.custom_output_validator && !prepare_validator()) return result_;
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
    std::string error = compile_in(box_, lang_, files_, p_.config.limits, scratch_ + "/compile");
    if (error.empty()) return true;
    result_.verdict = error.rfind("JE: ", 0) == 0 ? Verdict::JE : Verdict::CE;
    result_.message = error.rfind("JE: ", 0) == 0 ? error.substr(4) : error;
    return false;
  }

  // The package's output validator, compiled in a box of its own that sees the
  // package read-only at /problem and a feedback dir at /feedback.
  bool prepare_validator() {
    std::string dir;
    for (const char* d : {"/output_validators", "/output_validator"}) {
      struct stat st;
      if (stat((p_.dir + d).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) dir = p_.dir + d;
    }
    if (dir.empty()) return failed("the package has no output validator directory");
    std::vector<std::string> entries = sorted_visible(dir);
    if (entries.empty()) return failed("the output validator directory is empty");
    std::string first = dir + "/" + entries[0];  // problemtools uses the first one
    struct stat st;
    stat(first.c_str(), &st);
    std::vector<std::string> sources = S_ISDIR(st.st_mode) ? sorted_visible(first) : std::vector<std::string>{entries[0]};
    std::string from = S_ISDIR(st.st_mode) ? first : dir;
    for (const std::string& f : sources)
      if (f == "build" || f == "run") return failed("output validators with build/run scripts are not supported yet");
    feedback_ = scratch_ + "/feedback";
    mkdir(feedback_.c_str(), 0777);
    chmod(feedback_.c_str(), 0777);  // the validator runs as an unprivileged uid
    if (std::string e = vbox_.start(opt_.box_binary, {p_.root + ":/problem", feedback_ + ":/feedback:rw"}); !e.empty())
      return failed("output validator box: " + e);
    const Language* vlang = nullptr;
    for (const std::string& f : sources) {
      std::string text = read_file(from + "/" + f);
      if (!write_file(vbox_.workdir() + "/" + f, text, 0644)) return failed("cannot stage the output validator");
      if (const Language* l = opt_.languages->for_file(f); l && (!vlang || l->id == "cpp20" || l->id == "c")) {
        vlang = l;
      }
    }
    if (!vlang) return failed("no language for the output validator's files");
    vlang_ = vlang;
    vfiles_.memory_mib = p_.config.limits.validation_memory_mib;
    for (const std::string& f : sources)
      if (opt_.languages->for_file(f) == vlang) vfiles_.files.push_back(f);
    vfiles_.main = vfiles_.files.size() == 1 ? vfiles_.files[0] : pick_main(vfiles_.files);
    if (!vlang->compile.empty()) {
      std::string e = compile_in(vbox_, *vlang, vfiles_, p_.config.limits, scratch_ + "/vcompile");
      if (!e.empty()) return failed("the output validator does not compile: " + e);
    }
    return true;
  }

  static std::string pick_main(const std::vector<std::string>& files) {
    for (const std::string& f : files)
      if (f.rfind("validate", 0) == 0 || f.rfind("main", 0) == 0) return f;
    return files.front();
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
    std::optional<double> score;
    if (t.verdict == Verdict::AC) {
      std::vector<std::string> args = p_.config.output_validator_args;
      for (const std::string& a : graders::split_flags(settings.output_validator_flags)) args.push_back(a);
      if (vlang_) {
        validate_custom(tc, r.stdout_path, args, &t, &score);
      } else {
        graders::DefaultValidatorFlags flags;
        if (std::string e = graders::parse_default_validator_flags(args, &flags); !e.empty()) {
          t.verdict = Verdict::JE;
          t.message = e;
        } else {
          graders::DefaultValidatorResult v =
              graders::validate_default(read_file(tc.answer), read_file(r.stdout_path), flags);
          t.verdict = v.accepted ? Verdict::AC : Verdict::WA;
          t.message = v.judge_message;
        }
      }
      while (!t.message.empty() && t.message.back() == '\n') t.message.pop_back();
    }
    result_.max_cpu_s = std::max(result_.max_cpu_s, t.cpu_s);
    result_.tests.push_back(t);
    return graders::ChildResult{t.verdict, score};
  }

  // validator input answer feedback_dir/ [args] < team_output; 42 AC, 43 WA, else JE.
  void validate_custom(const package::TestCase& tc, const std::string& output, const std::vector<std::string>& args,
                       TestResult* t, std::optional<double>* score) {
    // Emptied, not re-made: the validator's box has this very directory bound in.
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(feedback_, ec)) std::filesystem::remove_all(e.path(), ec);
    BoxRequest v;
    v.argv = expand(vlang_->run, vfiles_);
    v.argv.push_back("/problem" + tc.input.substr(p_.root.size()));
    v.argv.push_back("/problem" + tc.answer.substr(p_.root.size()));
    v.argv.push_back("/feedback/");
    v.argv.insert(v.argv.end(), args.begin(), args.end());
    v.cpu_s = p_.config.limits.validation_time_s;
    v.memory_bytes = static_cast<long long>(p_.config.limits.validation_memory_mib + vlang_->extra_memory_mib) << 20;
    v.output_bytes = static_cast<long long>(p_.config.limits.validation_output_mib) << 20;
    v.stdin_path = output;
    v.stdout_path = scratch_ + "/vout";
    v.stderr_path = scratch_ + "/verr";
    BoxReport b = vbox_.run(v);
    t->message = read_file(feedback_ + "/judgemessage.txt", 1 << 16);
    bool exited = b.status == "OK" || b.status == "RE";
    if (exited && b.exit_code == 42) t->verdict = Verdict::AC;
    else if (exited && b.exit_code == 43) t->verdict = Verdict::WA;
    else {
      t->verdict = Verdict::JE;
      t->message = "output validator: " + (b.status == "OK" ? std::string("exit code 0 (must be 42 or 43)") : b.message) +
                   (t->message.empty() ? "" : "; " + t->message) + first_lines(read_file(v.stderr_path, 4096), 500);
      return;
    }
    std::string score_text = read_file(feedback_ + "/score.txt", 4096);
    if (!score_text.empty()) {
      if (!p_.config.custom_score || t->verdict != Verdict::AC) {
        t->verdict = Verdict::JE;
        t->message = "output validator wrote score.txt " + std::string(t->verdict == Verdict::AC ? "without validation: custom score" : "on a rejected case");
      } else {
        *score = std::strtod(score_text.c_str(), nullptr);
      }
    } else if (p_.config.scoring && p_.config.custom_score && t->verdict == Verdict::AC) {
      t->verdict = Verdict::JE;
      t->message = "validation: custom score, but the output validator wrote no score.txt";
    }
  }

  const Problem& p_;
  const Language& lang_;
  JudgeOptions opt_;
  BoxClient box_, vbox_;
  ProgramFiles files_, vfiles_;
  const Language* vlang_ = nullptr;
  std::string feedback_;
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

JudgeResult judge(const Problem& problem, const std::string& source, const Language& language,
                  const JudgeOptions& options) {
  return Judging(problem, language, options).run(source);
}

}  // namespace engine
