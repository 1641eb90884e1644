// shortlist: the engine's command line. Commands so far:
//   judge PROBLEM_DIR SOURCE   judge one solution against one problem package
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "judge/judge.h"
#include "package/submissions.h"
#include "package/time_limit.h"

namespace {

constexpr int kExitBadArguments = 2;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string mib(long long bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  return buf;
}

// The time limit: --time-limit, the package's, or derived from its accepted submissions.
double time_limit(const engine::Problem& p, double option, const engine::LanguageTable& langs,
                  const std::string& box, std::string* how) {
  if (option > 0) return *how = "given", option;
  if (double t = p.explicit_time_limit(); t > 0) return *how = "from the package", t;
  std::vector<package::Diagnostic> d;
  package::TimeLimitInputs in;
  int counted = 0;
  for (const package::Submission& s : package::find_submissions(p.dir, p.config, &d)) {
    if (s.expected.final_verdict != graders::Verdict::AC || s.expected.below_full_score || s.is_directory) continue;
    const engine::Language* l = langs.for_file(s.absolute);
    if (!l) continue;
    engine::JudgeResult r = engine::judge(p, s.absolute, *l, {box, 10.0, &langs});
    if (r.verdict != graders::Verdict::AC) continue;
    in.slowest_accepted_s = std::max(in.slowest_accepted_s, r.max_cpu_s);
    ++counted;
  }
  package::TimeLimit t = package::derive_time_limit(p.config, in);
  *how = "derived from " + std::to_string(counted) + " accepted submission(s), slowest " +
         std::to_string(in.slowest_accepted_s) + " s";
  return t.seconds > 0 ? t.seconds : 1;
}

void print_json(const engine::JudgeResult& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("verdict");
  w.String(graders::verdict_name(r.verdict));
  w.Key("score");
  w.Double(r.score);
  w.Key("max_score");
  w.Double(r.max_score);
  w.Key("message");
  w.String(r.message.c_str());
  w.Key("tests");
  w.StartArray();
  for (const engine::TestResult& t : r.tests) {
    w.StartObject();
    w.Key("name");
    w.String(t.name.c_str());
    w.Key("verdict");
    w.String(graders::verdict_name(t.verdict));
    w.Key("cpu_s");
    w.Double(t.cpu_s);
    w.Key("memory_bytes");
    w.Int64(t.memory_bytes);
    w.Key("message");
    w.String(t.message.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::printf("%s\n", buf.GetString());
}

void print_table(const engine::JudgeResult& r, double tl, const std::string& how) {
  std::printf("time limit: %g s (%s)\n\n", tl, how.c_str());
  std::printf("%-28s %-7s %9s %11s  %s\n", "test", "verdict", "cpu", "memory", "message");
  for (const engine::TestResult& t : r.tests) {
    std::string first = t.message.substr(0, t.message.find('\n'));
    std::printf("%-28s %-7s %8.3fs %11s  %s\n", t.name.c_str(), graders::verdict_name(t.verdict), t.cpu_s,
                mib(t.memory_bytes).c_str(), first.c_str());
  }
  std::printf("\nverdict: %s   score: %g / %g\n", graders::verdict_name(r.verdict), r.score, r.max_score);
  if (!r.message.empty()) std::printf("%s\n", r.message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"shortlist: judges quiz solutions in a sandbox and ranks applicants."};
  app.require_subcommand(1);
  std::string problem_dir, source, language, languages_file = SHORTLIST_LANGUAGES, box = SHORTLIST_BOX;
  bool json = false;
  double tl_option = 0;
  CLI::App* judge = app.add_subcommand("judge", "Judge one solution against one problem package: verdict, score, "
                                                "and a table of test cases (--json for a program).");
  judge->add_option("problem", problem_dir, "PROBLEM_DIR  a Problem Package Format package")->required();
  judge->add_option("source", source, "SOURCE  the solution (one file)")->required();
  judge->add_option("--language", language, "ID  language from languages.yaml (default: by the file's extension)");
  judge->add_option("--time-limit", tl_option,
                    "SECONDS  CPU time per test case (default: the package's, or derived from its accepted "
                    "submissions)");
  judge->add_flag("--json", json, "print {verdict, score, max_score, message, tests: [...]}");
  judge->add_option("--languages", languages_file, "FILE  the languages table (default: the bundled one)");
  judge->add_option("--box", box, "PATH  the shortlist-box binary");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  std::vector<std::string> errors;
  engine::LanguageTable langs = engine::parse_languages(slurp(languages_file), &errors);
  for (const std::string& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (!errors.empty()) return 1;
  struct stat st;
  if (stat(source.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    std::fprintf(stderr, "shortlist judge: %s: not a file\n", source.c_str());
    return kExitBadArguments;
  }
  const engine::Language* lang = language.empty() ? langs.for_file(source) : langs.by_id(language);
  if (!lang) {
    std::fprintf(stderr, "shortlist judge: %s\n",
                 language.empty() ? ("no language for the extension of " + source + " (use --language)").c_str()
                                  : ("unknown language '" + language + "'").c_str());
    return kExitBadArguments;
  }
  engine::Problem p = engine::Problem::load(problem_dir);
  for (const package::Diagnostic& d : p.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  if (p.has_errors()) {
    std::fprintf(stderr, "shortlist judge: the package has errors (above); run shortlist verify\n");
    return 1;
  }
  std::string how;
  double tl = time_limit(p, tl_option, langs, box, &how);
  engine::JudgeResult r = engine::judge(p, source, *lang, {box, tl, &langs});
  if (json) print_json(r);
  else print_table(r, tl, how);
  return r.verdict == graders::Verdict::JE ? 1 : 0;
}
