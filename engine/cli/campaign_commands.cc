#include "cli/campaign_commands.h"

#include <sys/stat.h>
#include <time.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unistd.h>

#include "campaign/campaign.h"
#include "dispatch/dispatcher.h"
#include "intake/applicants.h"
#include "intake/submission_files.h"
#include "store/store.h"

namespace cli {
namespace {

constexpr int kExitRefused = 1;
constexpr int kExitBadArguments = 2;

using store::now_seconds;


int init(const std::string& dir) {
  struct stat st;
  if (stat((dir + "/campaign.yaml").c_str(), &st) == 0) {
    std::fprintf(stderr, "shortlist init: %s already holds a campaign (campaign.yaml)\n", dir.c_str());
    return kExitRefused;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "shortlist init: %s: %s\n", dir.c_str(), ec.message().c_str());
    return kExitRefused;
  }
  std::string name = std::filesystem::absolute(dir).lexically_normal().filename().string();
  if (name.empty()) name = std::filesystem::absolute(dir).lexically_normal().parent_path().filename().string();
  {
    std::ofstream out(dir + "/campaign.yaml");
    out << campaign::campaign_template(name);
    if (!out) {
      std::fprintf(stderr, "shortlist init: cannot write %s/campaign.yaml\n", dir.c_str());
      return kExitRefused;
    }
  }
  std::string error;
  if (!store::open_sqlite_store(dir + "/shortlist.db", &error)) {
    std::fprintf(stderr, "shortlist init: %s\n", error.c_str());
    return kExitRefused;
  }
  std::printf("made campaign '%s' in %s: list its problems in campaign.yaml, then import applicants\n", name.c_str(),
              dir.c_str());
  return 0;
}

int import_applicants(const CampaignCommands& s) {
  std::optional<std::string> text = read_text(s.file);
  if (!text) {
    std::fprintf(stderr, "shortlist import applicants: %s: cannot be read\n", s.file.c_str());
    return kExitBadArguments;
  }
  intake::ApplicantsImport r = intake::read_applicants(intake::parse_csv(*text), s.file);
  for (const std::string& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (r.unusable) return kExitRefused;
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  int changed = 0;
  if (std::string e = o->store->upsert_applicants(r.applicants, &changed); !e.empty()) {
    std::fprintf(stderr, "shortlist import applicants: nothing imported: %s\n", e.c_str());
    return kExitRefused;
  }
  std::printf("%zu applicants read (%d new or changed), %zu rows refused; the campaign has %lld applicants\n",
              r.applicants.size(), changed, r.errors.size(), static_cast<long long>(o->store->applicant_count()));
  return r.errors.empty() ? 0 : kExitRefused;
}

engine::LanguageTable languages_or_say(const std::string& file, bool* ok) {
  std::vector<std::string> errors;
  engine::LanguageTable t = engine::load_languages(file, &errors);
  for (const std::string& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  *ok = errors.empty();
  return t;
}

// Stores and queues `subs`; prints each refusal as "WHERE: why". The count stored.
size_t store_submissions(store::Store& st, const std::vector<store::NewSubmission>& subs,
                         const std::vector<std::string>& where, size_t* refused) {
  std::vector<int64_t> ids;
  std::vector<std::string> errors;
  st.add_submissions(subs, now_seconds(), &ids, &errors);
  size_t stored = 0;
  for (size_t i = 0; i < subs.size(); ++i) {
    if (errors[i].empty()) {
      ++stored;
      continue;
    }
    ++*refused;
    std::fprintf(stderr, "%s: %s\n", where[i].c_str(), errors[i].c_str());
  }
  return stored;
}

int import_submissions(const CampaignCommands& s) {
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  bool ok;
  engine::LanguageTable langs = languages_or_say(s.languages_file, &ok);
  if (!ok) return kExitRefused;
  std::set<std::string> problems;
  for (const campaign::ProblemRef& p : o->campaign.problems) problems.insert(p.id);
  intake::SubmissionFiles f =
      intake::read_submission_files(s.file, problems, langs, static_cast<size_t>(o->campaign.source_kib) * 1024);
  for (const std::string& e : f.errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (f.unusable) return kExitRefused;
  size_t refused = f.errors.size();
  size_t stored = store_submissions(*o->store, f.submissions, f.where, &refused);
  store::QueueCounts c = o->store->counts(now_seconds());
  std::printf("%zu submissions stored and queued (or already there), %zu refused; %lld jobs queued\n", stored, refused,
              static_cast<long long>(c.queued));
  return refused == 0 ? 0 : kExitRefused;
}

int submit(const CampaignCommands& s) {
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  bool ok;
  engine::LanguageTable langs = languages_or_say(s.languages_file, &ok);
  if (!ok) return kExitRefused;
  if (!o->campaign.problem(s.problem)) {
    std::fprintf(stderr, "shortlist submit: unknown problem '%s' (not in campaign.yaml)\n", s.problem.c_str());
    return kExitBadArguments;
  }
  const engine::Language* lang = s.language.empty() ? langs.for_file(s.file) : langs.by_id(s.language);
  if (!lang) {
    std::fprintf(stderr, "shortlist submit: %s\n",
                 s.language.empty() ? ("no language for " + s.file + " (use --language)").c_str()
                                    : ("unknown language '" + s.language + "'").c_str());
    return kExitBadArguments;
  }
  std::optional<std::string> text = read_text(s.file);
  if (!text || text->empty()) {
    std::fprintf(stderr, "shortlist submit: %s: cannot be read, or empty\n", s.file.c_str());
    return kExitBadArguments;
  }
  if (text->size() > static_cast<size_t>(o->campaign.source_kib) * 1024) {
    std::fprintf(stderr, "shortlist submit: %s: %zu bytes, more than the campaign's limit of %d KiB\n", s.file.c_str(),
                 text->size(), o->campaign.source_kib);
    return kExitRefused;
  }
  store::NewSubmission sub{s.applicant, s.problem, lang->id, o->store->next_attempt(s.applicant, s.problem),
                           *text, store::iso_utc(time(nullptr))};
  size_t refused = 0;
  if (store_submissions(*o->store, {sub}, {s.file}, &refused) == 0) return kExitRefused;
  std::printf("stored and queued: %s's try %d of %s (%s)\n", s.applicant.c_str(), sub.attempt, s.problem.c_str(),
              lang->id.c_str());
  return 0;
}

int grade(const CampaignCommands& s) {
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  bool ok;
  engine::LanguageTable langs = languages_or_say(s.languages_file, &ok);
  if (!ok) return kExitRefused;
  o->store.reset();  // the dispatcher opens its own connections
  dispatch::GradeOptions g;
  g.workers = s.workers > 0 ? s.workers : o->campaign.workers;
  g.follow = s.follow;
  g.lease_s = s.lease_s;
  g.box_binary = s.box_binary;
  g.languages = &langs;
  g.terminal = isatty(STDERR_FILENO);
  dispatch::GradeSummary r = dispatch::grade(o->campaign, g);
  return r.interrupted ? kExitRefused : 0;
}

int rejudge(const CampaignCommands& s) {
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  if (!o->campaign.problem(s.problem)) {
    std::fprintf(stderr, "shortlist rejudge: unknown problem '%s' (not in campaign.yaml)\n", s.problem.c_str());
    return kExitBadArguments;
  }
  int generation = o->store->rejudge(s.problem, now_seconds());
  if (generation == 0) {
    std::fprintf(stderr, "shortlist rejudge: could not start a new generation of %s\n", s.problem.c_str());
    return kExitRefused;
  }
  store::QueueCounts c = o->store->counts(now_seconds());
  std::printf("%s: generation %d queued (%lld jobs); rankings keep reading the previous one until it is complete\n",
              s.problem.c_str(), generation, static_cast<long long>(c.per_problem[s.problem]["queued"]));
  return 0;
}

int status(const CampaignCommands& s) {
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  store::QueueCounts c = o->store->counts(now_seconds());
  int64_t applicants = o->store->applicant_count();
  if (s.json) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("campaign");
    w.String(o->campaign.name.c_str());
    w.Key("applicants");
    w.Int64(applicants);
    w.Key("queued");
    w.Int64(c.queued);
    w.Key("running");
    w.Int64(c.running);
    w.Key("done");
    w.Int64(c.done);
    w.Key("verdicts");
    w.StartObject();
    for (const auto& [v, n] : c.verdicts) {
      w.Key(v.c_str());
      w.Int64(n);
    }
    w.EndObject();
    w.Key("problems");
    w.StartObject();
    for (const campaign::ProblemRef& p : o->campaign.problems) {
      w.Key(p.id.c_str());
      w.StartObject();
      for (const auto& [k, n] : c.per_problem[p.id]) {
        w.Key(k.c_str());
        w.Int64(n);
      }
      w.EndObject();
    }
    w.EndObject();
    w.Key("oldest_queued_age_s");
    w.Double(c.oldest_queued_age_s);
    w.Key("judged_last_minute");
    w.Int64(c.judged_last_minute);
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return 0;
  }
  std::printf("campaign %s: %lld applicants\n", o->campaign.name.c_str(), static_cast<long long>(applicants));
  std::printf("jobs: %lld queued, %lld running, %lld done", static_cast<long long>(c.queued),
              static_cast<long long>(c.running), static_cast<long long>(c.done));
  if (c.queued > 0) std::printf(" (oldest queued %.0f s ago)", c.oldest_queued_age_s);
  std::printf("; %lld judged in the last minute\n", static_cast<long long>(c.judged_last_minute));
  for (const campaign::ProblemRef& p : o->campaign.problems) {
    std::printf("  %-20s", p.id.c_str());
    for (const auto& [k, n] : c.per_problem[p.id]) std::printf(" %s %lld", k.c_str(), static_cast<long long>(n));
    std::printf("\n");
  }
  return 0;
}

}  // namespace

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<Opened> open_campaign(const std::string& dir) {
  Opened o;
  std::vector<package::Diagnostic> d;
  o.campaign = campaign::load_campaign(dir, &d);
  bool broken = false;
  for (const package::Diagnostic& x : d) {
    std::fprintf(stderr, "%s%s\n", x.file.rfind('/', 0) == 0 ? "" : (o.campaign.dir + "/").c_str(), x.to_string().c_str());
    broken = broken || x.error;
  }
  for (const campaign::ProblemRef& p : o.campaign.problems) {
    struct stat st;
    std::string path = o.campaign.problem_path(p);
    if (stat((path + "/problem.yaml").c_str(), &st) != 0) {
      std::fprintf(stderr, "%s/campaign.yaml: problem %s: %s is not a problem package (no problem.yaml)\n",
                   o.campaign.dir.c_str(), p.id.c_str(), path.c_str());
      broken = true;
    }
  }
  if (broken) return std::nullopt;
  std::string error;
  o.store = store::open_sqlite_store(o.campaign.dir + "/shortlist.db", &error);
  if (!o.store) {
    std::fprintf(stderr, "shortlist: %s\n", error.c_str());
    return std::nullopt;
  }
  for (const campaign::ProblemRef& p : o.campaign.problems)
    if (std::string e = o.store->register_problem(p.id); !e.empty()) {
      std::fprintf(stderr, "shortlist: %s\n", e.c_str());
      return std::nullopt;
    }
  return o;
}

void add_campaign_commands(CLI::App& app, CampaignCommands* s) {
  auto campaign_option = [s](CLI::App* c) {
    c->add_option("--campaign", s->campaign_dir, "DIR  the campaign directory (default: the current one)");
  };
  s->init = app.add_subcommand("init", "Make a campaign in DIR: campaign.yaml (to fill in) and shortlist.db.");
  s->init->add_option("dir", s->init_dir, "DIR  the new campaign's directory")->required();
  s->import = app.add_subcommand("import", "Bring applicants, submissions, reviewers and reviews into the campaign.");
  s->import->require_subcommand(1);
  s->import_applicants = s->import->add_subcommand(
      "applicants", "Add or update applicants from a CSV file with columns applicant_id,name,email,affiliation (and "
                    "any others, kept). Bad rows are reported with their line and skipped; the rest imports.");
  s->import_applicants->add_option("file", s->file, "FILE.csv")->required();
  campaign_option(s->import_applicants);
  s->import_submissions = s->import->add_subcommand(
      "submissions", "Store and queue the submissions in DIR: DIR/<applicant_id>/<problem_id>[.<n>].<ext> (n orders "
                     "tries; language from the extension), or the files DIR/submissions.csv lists (applicant_id,"
                     "problem_id,language,path,submitted_at). Unusable files and rows are reported and skipped.");
  s->import_submissions->add_option("dir", s->file, "DIR")->required();
  s->import_submissions->add_option("--languages", s->languages_file, "FILE  the languages table");
  campaign_option(s->import_submissions);
  s->submit = app.add_subcommand("submit", "Store and queue one submission (its next try of the problem).");
  s->submit->add_option("--applicant", s->applicant, "ID  an imported applicant")->required();
  s->submit->add_option("--problem", s->problem, "ID  a problem of campaign.yaml")->required();
  s->submit->add_option("--language", s->language, "ID  from languages.yaml (default: by the file's extension)");
  s->submit->add_option("--languages", s->languages_file, "FILE  the languages table");
  s->submit->add_option("file", s->file, "FILE  the source")->required();
  campaign_option(s->submit);
  s->grade = app.add_subcommand("grade", "Judge the queued submissions on N slots (never more than the cores), with "
                                         "leases: kill it at any moment and run it again, nothing is lost or judged "
                                         "twice.");
  s->grade->add_option("--workers", s->workers, "N  judging slots (default: campaign.yaml's workers, else one per core)");
  s->grade->add_flag("--follow", s->follow, "keep running and pick up new submissions (stop with Ctrl-C)");
  s->grade->add_option("--lease", s->lease_s, "SECONDS  how long a claimed job stays with a grader that stops "
                                              "answering (default 30)")
      ->check(CLI::Range(2.0, 3600.0));
  s->grade->add_option("--languages", s->languages_file, "FILE  the languages table");
  campaign_option(s->grade);
  s->rejudge = app.add_subcommand("rejudge", "After a problem's tests changed: judge all its submissions again, as a "
                                             "new generation.");
  s->rejudge->add_option("--problem", s->problem, "ID  a problem of campaign.yaml")->required();
  campaign_option(s->rejudge);
  s->status = app.add_subcommand("status", "The judging queue: jobs per state, verdicts, per problem, queue age, "
                                           "throughput.");
  s->status->add_flag("--json", s->json, "print {campaign, applicants, queued, running, done, verdicts, problems, "
                                         "oldest_queued_age_s, judged_last_minute}");
  campaign_option(s->status);
}

std::optional<int> run_campaign_command(const CampaignCommands& s) {
  if (s.init->parsed()) return init(s.init_dir);
  if (s.import_applicants->parsed()) return import_applicants(s);
  if (s.import_submissions->parsed()) return import_submissions(s);
  if (s.submit->parsed()) return submit(s);
  if (s.status->parsed()) return status(s);
  if (s.grade->parsed()) return grade(s);
  if (s.rejudge->parsed()) return rejudge(s);
  return std::nullopt;
}

}  // namespace cli
