// shortlist: the engine's command line. Commands so far:
//   judge PROBLEM_DIR SOURCE   judge one solution against one problem package
//   verify PROBLEM_DIR         check a package the way problemtools' verifyproblem does
//   init, import, submit, grade, rejudge, status   a campaign's commands (campaign_commands.h)
//   import reviewers|reviews, assign, rank        review and ranking (review_commands.h)
//   similarity [--problem P] [--json]             near-copies among the campaign's solutions, stored for rank
//   similarity --files A B ...                    ... or among loose source files (similarity_commands.h)
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/campaign_commands.h"
#include "cli/review_commands.h"
#include "cli/similarity_commands.h"
#include "judge/boxed_program.h"
#include "judge/judge.h"
#include "verify/package_time_limit.h"
#include "verify/verify.h"
#include "package/submissions.h"
#include "package/time_limit.h"

namespace {

constexpr int kExitBadArguments = 2;

std::string mib(long long bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  return buf;
}

// The time limit: --time-limit, the package's, or derived from its accepted submissions.
double time_limit(const engine::Problem& p, double option, const engine::LanguageTable& langs,
                  const std::string& box, std::string* how) {
  if (option > 0) return *how = "given", option;
  std::vector<package::Diagnostic> d;
  engine::PackageTimeLimit t =
      engine::package_time_limit(p, package::find_submissions(p.dir, p.config, &d), langs, box);
  *how = t.source + (t.error.empty() ? "" : "; " + t.error);
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
  w.Key("groups");
  w.StartArray();
  for (const engine::GroupScore& g : r.groups) {
    w.StartObject();
    w.Key("name");
    w.String(g.name.c_str());
    w.Key("verdict");
    w.String(graders::verdict_name(g.verdict));
    w.Key("score");
    w.Double(g.score);
    w.Key("max_score");
    if (g.max_score) w.Double(*g.max_score);
    else w.Null();  // unbounded
    if (!g.note.empty()) {
      w.Key("note");
      w.String(g.note.c_str());
    }
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
  if (!r.groups.empty()) std::printf("\n");
  for (const engine::GroupScore& g : r.groups)
    std::printf("group %-22s %-7s %g / %s%s%s\n", g.name.c_str(), graders::verdict_name(g.verdict), g.score,
                g.max_score ? std::to_string(static_cast<long long>(*g.max_score)).c_str() : "unbounded",
                g.note.empty() ? "" : "  ", g.note.c_str());
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
  judge->add_option("source", source, "SOURCE  the solution: one file, or a directory of files")->required();
  judge->add_option("--language", language,
                    "ID  language from languages.yaml (default: by the file's extension, or its files')");
  judge->add_option("--time-limit", tl_option,
                    "SECONDS  CPU time per test case (default: the package's, or derived from its accepted "
                    "submissions)");
  judge->add_flag("--json", json, "print {verdict, score, max_score, message, tests: [...]}");
  judge->add_option("--languages", languages_file, "FILE  the languages table (default: the bundled one)");
  judge->add_option("--box", box, "PATH  the shortlist-box binary");
  std::string verify_dir;
  CLI::App* verify = app.add_subcommand(
      "verify", "Check a package: files and YAML, inputs against the input validators, answers against the output "
                "validator, every example submission against its expected verdict, the time limit. Exit 0 only if "
                "all is consistent.");
  verify->add_option("problem", verify_dir, "PROBLEM_DIR  a Problem Package Format package")->required();
  verify->add_flag("--json", json, "print {problem, time_limit, ok, submissions: [...], errors, warnings}");
  verify->add_option("--languages", languages_file, "FILE  the languages table (default: the bundled one)");
  verify->add_option("--box", box, "PATH  the shortlist-box binary");
  cli::CampaignCommands campaign;
  campaign.languages_file = SHORTLIST_LANGUAGES;
  campaign.box_binary = SHORTLIST_BOX;
  cli::add_campaign_commands(app, &campaign);
  cli::ReviewCommands reviews;
  cli::add_review_commands(app, campaign.import, &reviews);
  cli::SimilarityCommands similarity;
  cli::add_similarity_commands(app, &similarity);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help is a success; any other parse error is "bad arguments" (2), as every
    // command documents, not CLI11's own numbering.
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (std::optional<int> rc = cli::run_campaign_command(campaign)) return *rc;
  if (std::optional<int> rc = cli::run_review_command(reviews)) return *rc;
  if (std::optional<int> rc = cli::run_similarity_command(similarity)) return *rc;
  std::vector<std::string> errors;
  engine::LanguageTable langs = engine::load_languages(languages_file, &errors);
  for (const std::string& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (!errors.empty()) return 1;
  if (verify->parsed()) {
    struct stat st;
    if (stat(verify_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      std::fprintf(stderr, "shortlist verify: %s: not a directory\n", verify_dir.c_str());
      return kExitBadArguments;
    }
    auto progress = [&](const std::string& line) {
      if (!json) std::printf("  %s\n", line.c_str()), std::fflush(stdout);
    };
    engine::VerifyReport r = engine::verify(verify_dir, langs, box, progress);
    if (json) {
      std::printf("%s\n", engine::to_json(r).c_str());
    } else {
      for (const std::string& w : r.warnings) std::printf("warning: %s\n", w.c_str());
      for (const std::string& e : r.errors) std::printf("error: %s\n", e.c_str());
      std::printf("%s (%s): %s (time limit %g s; %zu submissions, %zu errors, %zu warnings)\n", r.problem.c_str(),
                  r.format.c_str(), r.ok() ? "OK" : "NOT OK", r.time_limit, r.submissions.size(), r.errors.size(), r.warnings.size());
    }
    return r.ok() ? 0 : 1;
  }

  struct stat st;
  if (stat(source.c_str(), &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
    std::fprintf(stderr, "shortlist judge: %s: not a file or a directory\n", source.c_str());
    return kExitBadArguments;
  }
  const engine::Language* lang = language.empty() ? engine::program_language(langs, source) : langs.by_id(language);
  if (!lang) {
    std::fprintf(stderr, "shortlist judge: %s\n",
                 language.empty() ? ("no language for " + source + " (use --language)").c_str()
                                  : ("unknown language '" + language + "'").c_str());
    return kExitBadArguments;
  }
  engine::Problem p = engine::Problem::load(problem_dir);
  for (const package::Diagnostic& d : p.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  if (p.has_errors()) {
    std::fprintf(stderr, "shortlist judge: the package has errors (above); run shortlist verify\n");
    return 1;
  }
  // On a terminal, one line that follows the work (long for slow solutions).
  bool live = isatty(STDERR_FILENO);
  if (live && tl_option <= 0 && p.explicit_time_limit() <= 0)
    std::fprintf(stderr, "  deriving the time limit: judging the package's accepted submissions...");
  std::string how;
  double tl = time_limit(p, tl_option, langs, box, &how);
  engine::JudgeOptions options{box, tl, &langs, engine::default_cache_dir(), {}};
  size_t judged = 0, total = p.data.case_count();
  if (live)
    options.on_test = [&](const engine::TestResult& t) {
      std::fprintf(stderr, "\r\033[K  judging %zu/%zu  %s %s", ++judged, total, t.name.c_str(),
                   graders::verdict_name(t.verdict));
    };
  engine::JudgeResult r = engine::judge(p, source, *lang, options);
  if (live) std::fprintf(stderr, "\r\033[K");
  if (json) print_json(r);
  else print_table(r, tl, how);
  return r.verdict == graders::Verdict::JE ? 1 : 0;
}
