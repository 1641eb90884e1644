#include "cli/review_commands.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/campaign_commands.h"
#include "intake/applicants.h"
#include "intake/csv.h"
#include "intake/reviews.h"
#include "rank/shortlist_files.h"
#include "report/html_report.h"
#include "review/assignment.h"
#include "store/review_store.h"
#include "store/similarity_store.h"

namespace cli {
namespace {

constexpr int kExitRefused = 1;
constexpr int kExitBadArguments = 2;

bool write_text(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);  // readers never see half a file
  return !ec;
}

struct OpenedReviews {
  Opened campaign;
  std::unique_ptr<store::ReviewStore> reviews;
};

std::optional<OpenedReviews> open_reviews(const std::string& dir) {
  std::optional<Opened> o = open_campaign(dir);
  if (!o) return std::nullopt;
  std::string error;
  auto reviews = store::open_sqlite_review_store(o->campaign.dir + "/shortlist.db", &error);
  if (!reviews) {
    std::fprintf(stderr, "shortlist: %s\n", error.c_str());
    return std::nullopt;
  }
  return OpenedReviews{std::move(*o), std::move(reviews)};
}

int import_reviewers(const ReviewCommands& s) {
  std::optional<std::string> text = read_text(s.file);
  if (!text) {
    std::fprintf(stderr, "shortlist import reviewers: %s: cannot be read\n", s.file.c_str());
    return kExitBadArguments;
  }
  intake::ApplicantsImport r = intake::read_people(intake::parse_csv(*text), s.file, "reviewer_id", "reviewer");
  for (const std::string& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (r.unusable) return kExitRefused;
  std::optional<OpenedReviews> o = open_reviews(s.campaign_dir);
  if (!o) return kExitRefused;
  std::vector<store::Reviewer> reviewers;
  for (const store::Applicant& p : r.applicants) reviewers.push_back({p.id, p.name, p.email, p.affiliation});
  int changed = 0;
  if (std::string e = o->reviews->upsert_reviewers(reviewers, &changed); !e.empty()) {
    std::fprintf(stderr, "shortlist import reviewers: nothing imported: %s\n", e.c_str());
    return kExitRefused;
  }
  std::printf("%zu reviewers read, %d new or changed; %zu rows refused\n", reviewers.size(), changed, r.errors.size());
  return r.errors.empty() ? 0 : kExitRefused;
}

int import_reviews(const ReviewCommands& s) {
  std::optional<std::string> text = read_text(s.file);
  if (!text) {
    std::fprintf(stderr, "shortlist import reviews: %s: cannot be read\n", s.file.c_str());
    return kExitBadArguments;
  }
  std::optional<OpenedReviews> o = open_reviews(s.campaign_dir);
  if (!o) return kExitRefused;
  if (o->campaign.campaign.review.criteria.empty()) {
    std::fprintf(stderr, "shortlist import reviews: campaign.yaml has no review.criteria (the rubric to check "
                         "reviews against)\n");
    return kExitRefused;
  }
  std::map<std::string, store::Applicant> applicants;
  for (store::Applicant& a : o->reviews->applicants()) applicants[a.id] = a;
  std::map<std::string, store::Reviewer> reviewers;
  for (store::Reviewer& r : o->reviews->reviewers()) reviewers[r.id] = r;
  intake::ReviewsImport r =
      intake::read_reviews(intake::parse_csv(*text), s.file, o->campaign.campaign.review.criteria, applicants, reviewers);
  for (const std::string& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (r.unusable) return kExitRefused;
  // Reviews outside the assignment are kept (a chair may add a reviewer), but said.
  std::set<std::pair<std::string, std::string>> assigned;
  for (const auto& [reviewer, applicant] : o->reviews->assignment()) assigned.emplace(applicant, reviewer);
  int unassigned = 0;
  for (const store::StoredReview& x : r.reviews)
    if (!assigned.empty() && !assigned.count({x.applicant_id, x.reviewer_id}) && ++unassigned <= 5)
      std::fprintf(stderr, "%s: note: %s was not assigned to review %s (kept)\n", s.file.c_str(),
                   x.reviewer_id.c_str(), x.applicant_id.c_str());
  if (unassigned > 5) std::fprintf(stderr, "%s: note: %d reviews in all were not in the assignment (kept)\n", s.file.c_str(), unassigned);
  int changed = 0;
  if (std::string e = o->reviews->upsert_reviews(r.reviews, &changed); !e.empty()) {
    std::fprintf(stderr, "shortlist import reviews: nothing imported: %s\n", e.c_str());
    return kExitRefused;
  }
  std::printf("%zu reviews read, %d new or changed; %zu rows refused\n", r.reviews.size(), changed, r.errors.size());
  return r.errors.empty() ? 0 : kExitRefused;
}

int assign(const ReviewCommands& s) {
  std::optional<OpenedReviews> o = open_reviews(s.campaign_dir);
  if (!o) return kExitRefused;
  const campaign::Campaign& c = o->campaign.campaign;
  std::vector<store::Applicant> applicants = o->reviews->applicants();
  std::vector<store::Reviewer> reviewers = o->reviews->reviewers();
  std::vector<review::Person> as, rs;
  for (const store::Applicant& a : applicants) as.push_back({a.id, a.email, a.affiliation});
  for (const store::Reviewer& r : reviewers) rs.push_back({r.id, r.email, r.affiliation});
  review::AssignmentOptions opt;
  opt.per_applicant = s.per_applicant > 0 ? s.per_applicant : c.review.reviewers_per_applicant;
  opt.seed = s.seed;
  review::Assignment a = review::assign_reviewers(as, rs, opt);
  if (!a.error.empty()) {
    std::fprintf(stderr, "shortlist assign: refused: %s\n", a.error.c_str());
    return kExitRefused;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::vector<size_t>> packets(reviewers.size());
  for (size_t i = 0; i < applicants.size(); ++i)
    for (int j : a.reviewers_of[i]) {
      pairs.emplace_back(reviewers[static_cast<size_t>(j)].id, applicants[i].id);
      packets[static_cast<size_t>(j)].push_back(i);
    }
  if (std::string e = o->reviews->replace_assignment(pairs); !e.empty()) {
    std::fprintf(stderr, "shortlist assign: nothing changed: %s\n", e.c_str());
    return kExitRefused;
  }
  // The packets: what a reviewer may see of each applicant, and the rubric's columns to fill.
  std::string dir = s.out_dir.empty() ? c.dir + "/packets" : s.out_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::vector<std::string> shown;  // applicant fields, in order
  for (const char* f : {"name", "email", "affiliation"})
    if (!c.review.is_blind(f)) shown.push_back(f);
  std::set<std::string> extras;
  for (const store::Applicant& x : applicants)
    for (const auto& [k, v] : x.extra)
      if (!c.review.is_blind(k)) extras.insert(k);
  shown.insert(shown.end(), extras.begin(), extras.end());
  int min_load = 1 << 30, max_load = 0;
  for (size_t j = 0; j < reviewers.size(); ++j) {
    std::string csv = "applicant_id,reviewer_id";
    for (const std::string& f : shown) csv += "," + intake::csv_quote(f);
    for (const campaign::Criterion& k : c.review.criteria) csv += "," + k.name;
    csv += ",comment\n";
    for (size_t i : packets[j]) {
      const store::Applicant& x = applicants[i];
      csv += intake::csv_quote(x.id) + "," + intake::csv_quote(reviewers[j].id);
      for (const std::string& f : shown) {
        std::string v = f == "name" ? x.name : f == "email" ? x.email : f == "affiliation" ? x.affiliation
                                                                                           : (x.extra.count(f) ? x.extra.at(f) : "");
        csv += "," + intake::csv_quote(v);
      }
      for (size_t k = 0; k < c.review.criteria.size(); ++k) csv += ",";
      csv += ",\n";
    }
    if (!write_text(dir + "/" + reviewers[j].id + ".csv", csv)) {
      std::fprintf(stderr, "shortlist assign: cannot write %s/%s.csv\n", dir.c_str(), reviewers[j].id.c_str());
      return kExitRefused;
    }
    min_load = std::min(min_load, static_cast<int>(packets[j].size()));
    max_load = std::max(max_load, static_cast<int>(packets[j].size()));
  }
  std::printf("assigned %zu applicants x %d reviewers over %zu reviewers (load %d to %d, no conflicts, connected); "
              "packets in %s\n",
              applicants.size(), opt.per_applicant, reviewers.size(), min_load, max_load, dir.c_str());
  return 0;
}

int rank(const ReviewCommands& s) {
  std::optional<OpenedReviews> o = open_reviews(s.campaign_dir);
  if (!o) return kExitRefused;
  const campaign::Campaign& c = o->campaign.campaign;
  rank::ShortlistInputs in;
  in.campaign = &c;
  in.campaign_text = read_text(c.dir + "/campaign.yaml").value_or("");
  in.applicants = o->reviews->applicants();
  in.reviewers = o->reviews->reviewers();
  in.reviews = o->reviews->reviews();
  in.quiz = o->reviews->quiz_results(&in.incomplete_problems);
  std::string error;
  std::unique_ptr<store::SimilarityStore> similar =
      store::open_sqlite_similarity_store(c.dir + "/shortlist.db", &error);
  if (!similar) {
    std::fprintf(stderr, "shortlist rank: %s\n", error.c_str());
    return kExitRefused;
  }
  in.similarity = similar->runs(true);
  in.k = s.top;
  in.reveal = s.reveal;
  if (in.applicants.empty()) {
    std::fprintf(stderr, "shortlist rank: no applicants yet (shortlist import applicants FILE.csv)\n");
    return kExitRefused;
  }
  rank::ShortlistFiles f = rank::build_shortlist(in);
  std::string dir = s.out_dir.empty() ? c.dir + "/shortlist" : s.out_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string html = report::html_report(f.ranking_json, c.name + ": shortlist");
  for (const auto& [name, text] : {std::pair<std::string, const std::string*>{"shortlist.csv", &f.shortlist_csv},
                                   {"ranking.json", &f.ranking_json}, {"report.html", &html}})
    if (!write_text(dir + "/" + name, *text)) {
      std::fprintf(stderr, "shortlist rank: cannot write %s/%s\n", dir.c_str(), name.c_str());
      return kExitRefused;
    }
  for (const std::string& w : f.warnings) std::fprintf(stderr, "shortlist rank: warning: %s\n", w.c_str());
  if (s.json) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("applicants");
    w.Int(f.applicants);
    w.Key("k");
    w.Int(f.k);
    for (const auto& [key, n] : {std::pair{"certain_in", f.certain_in}, std::pair{"borderline", f.borderline},
                                 std::pair{"certain_out", f.certain_out}, std::pair{"gated", f.gated},
                                 std::pair{"components", f.components}}) {
      w.Key(key);
      w.Int(n);
    }
    w.Key("out");
    w.String(dir.c_str());
    w.Key("warnings");
    w.StartArray();
    for (const std::string& x : f.warnings) w.String(x.c_str());
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
  } else {
    std::printf("ranked %d applicants: top %d: %d certain in, %d borderline, %d certain out, %d below a gate\n"
                "  %s/shortlist.csv\n  %s/ranking.json\n  %s/report.html  (open it in a browser)\n",
                f.applicants, f.k, f.certain_in, f.borderline, f.certain_out, f.gated, dir.c_str(), dir.c_str(),
                dir.c_str());
  }
  return 0;
}

}  // namespace

void add_review_commands(CLI::App& app, CLI::App* import, ReviewCommands* s) {
  auto campaign_option = [s](CLI::App* c) {
    c->add_option("--campaign", s->campaign_dir, "DIR  the campaign directory (default: the current one)");
  };
  s->import_reviewers = import->add_subcommand(
      "reviewers", "Add or update reviewers from a CSV file with columns reviewer_id,name,email,affiliation (others "
                   "are ignored). Bad rows are reported with their line and skipped.");
  s->import_reviewers->add_option("file", s->file, "FILE.csv")->required();
  campaign_option(s->import_reviewers);
  s->import_reviews = import->add_subcommand(
      "reviews", "Add or replace reviews from a CSV file with columns applicant_id,reviewer_id, one per criterion of "
                 "campaign.yaml's rubric, comment. Every value is checked against its criterion's scale; bad rows are "
                 "reported with line and column and skipped. Importing a review again replaces it.");
  s->import_reviews->add_option("file", s->file, "FILE.csv")->required();
  campaign_option(s->import_reviews);
  s->assign = app.add_subcommand(
      "assign", "Decide who reviews whom: R reviewers per applicant, loads within 1 of each other, nobody reviews an "
                "applicant of their own affiliation or email domain, and every reviewer linked to every other through "
                "shared applicants (so calibration can compare them). Writes one packet per reviewer to fill in, "
                "with the blind fields left out. Refuses, saying why, when the constraints cannot be met.");
  s->assign->add_option("--per-applicant", s->per_applicant, "R  reviewers per applicant (default: campaign.yaml's "
                                                             "review.reviewers_per_applicant)")
      ->check(CLI::Range(1, 20));
  s->assign->add_option("--seed", s->seed, "S  the assignment's seed (default 1)");
  s->assign->add_option("--out", s->out_dir, "DIR  where the packets go (default: CAMPAIGN/packets)");
  campaign_option(s->assign);
  s->rank = app.add_subcommand(
      "rank", "Rank the applicants: quiz (newest complete judgings) and calibrated reviews combined, each place with "
              "its probability of making the cut and the reasons. Writes shortlist.csv, ranking.json and "
              "report.html (one self-contained page). The same inputs give byte-identical files.");
  s->rank->add_option("--top", s->top, "K  the shortlist's size (default: campaign.yaml's ranking.shortlist_size)")
      ->check(CLI::Range(1, 1000000));
  s->rank->add_option("--out", s->out_dir, "DIR  where the files go (default: CAMPAIGN/shortlist)");
  s->rank->add_flag("--reveal", s->reveal, "include the blind fields (name, email, affiliation, ...) in the files");
  s->rank->add_flag("--json", s->json, "print {applicants, k, certain_in, borderline, certain_out, gated, components, "
                                       "out, warnings}");
  campaign_option(s->rank);
}

std::optional<int> run_review_command(const ReviewCommands& s) {
  if (s.import_reviewers->parsed()) return import_reviewers(s);
  if (s.import_reviews->parsed()) return import_reviews(s);
  if (s.assign->parsed()) return assign(s);
  if (s.rank->parsed()) return rank(s);
  return std::nullopt;
}

}  // namespace cli
