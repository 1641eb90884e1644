// The shortlist's files for a small fixed campaign: a golden ranking.json (any
// change to the ranking's output shows up as a diff of that file), byte-identical
// reruns, blind fields, disagreement and similarity flags, the rubric total.
// SHORTLIST_UPDATE_GOLDEN=1 rewrites the golden file (then review the diff).
#include "rank/shortlist_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace rank;

namespace {

const char* kCampaign =
    "name: golden\n"
    "problems: [p1, p2]\n"
    "score_from: best\n"
    "review:\n"
    "  criteria:\n"
    "    - {name: motivation, scale: [1, 5], weight: 2}\n"
    "    - {name: experience, scale: [0, 10], weight: 1}\n"
    "  reviewers_per_applicant: 2\n"
    "  disagreement: 2\n"
    "ranking:\n"
    "  weights: {quiz: 0.6, review: 0.4}\n"
    "  shortlist_size: 2\n"
    "  gates: {min_quiz: 0.1}\n"
    "  tie_break_seed: 7\n"
    "  resamples: 200\n";

store::QuizResult quiz(const std::string& who, const std::string& problem, int attempt, const char* verdict,
                       double score, int hidden_passed) {
  store::QuizResult q;
  q.applicant_id = who;
  q.problem_id = problem;
  q.attempt = attempt;
  q.generation = 1;
  q.verdict = verdict;
  q.score = score;
  q.max_score = 100;
  q.tests = 5;
  q.tests_passed = hidden_passed + 1;
  q.hidden = 4;
  q.hidden_passed = hidden_passed;
  q.language = "python3";
  q.submitted_at = "2026-11-0" + std::to_string(attempt) + "T10:00:00Z";
  return q;
}

struct Golden {
  campaign::Campaign c;
  ShortlistInputs in;
  Golden() {
    std::vector<package::Diagnostic> d;
    c = campaign::parse_campaign(kCampaign, "/golden", &d);
    REQUIRE(d.empty());
    in.campaign = &c;
    in.campaign_text = kCampaign;
    in.applicants = {{"a1", "Ann Lee", "ann@uni-a.edu", "Uni A", {}},  {"a2", "Bo Chen", "bo@uni-b.edu", "Uni B", {}},
                     {"a3", "Cy Diaz", "cy@uni-c.edu", "Uni C", {}},   {"a4", "Di Berg", "di@uni-a.edu", "Uni A", {}},
                     {"a5", "Ed Kim", "ed@uni-b.edu", "Uni B", {}},    {"a6", "Flo Novak", "flo@uni-c.edu", "Uni C", {}}};
    in.reviewers = {{"r1", "Rita", "rita@org.com", "Org"}, {"r2", "Raj", "raj@org.com", "Org"},
                    {"r3", "Rui", "rui@panel.com", "Panel"}};
    auto review = [](const char* a, const char* r, double m, double e, const char* comment) {
      return store::StoredReview{a, r, {{"motivation", m}, {"experience", e}}, comment};
    };
    in.reviews = {review("a1", "r1", 5, 9, "excellent"),  review("a1", "r2", 4, 7, "strong"),
                  review("a2", "r2", 3, 5, "ok"),         review("a2", "r3", 2, 4, "thin </script> statement"),
                  review("a3", "r3", 4, 8, "good"),       review("a3", "r1", 5, 8, "very good"),
                  review("a4", "r1", 1, 2, "weak"),       review("a4", "r3", 4, 3, "disagree: fine"),
                  review("a5", "r2", 3, 6, "solid"),      review("a5", "r3", 3, 5, "solid too"),
                  review("a6", "r1", 2, 2, "unclear"),    review("a6", "r2", 2, 3, "unclear")};
    in.quiz = {quiz("a1", "p1", 1, "AC", 100, 4), quiz("a1", "p2", 1, "WA", 40, 2), quiz("a2", "p1", 1, "WA", 0, 1),
               quiz("a2", "p1", 2, "AC", 100, 4), quiz("a2", "p2", 1, "AC", 100, 4), quiz("a3", "p1", 1, "TLE", 60, 3),
               quiz("a4", "p1", 1, "AC", 100, 4), quiz("a5", "p2", 1, "RTE", 10, 0), quiz("a6", "p1", 1, "WA", 0, 0)};
    // a4's p1 is much like a1's; the run saw every submission of p1 there is.
    store::SimilarityRun run;
    run.problem_id = "p1";
    run.threshold = 0.6;
    run.k = 12;
    run.w = 8;
    run.submissions = run.submissions_now = 5;
    run.clusters = 1;
    store::SimilarPair pair;
    pair.submission_a = 1;
    pair.submission_b = 6;
    pair.score = 0.92;
    pair.jaccard = 0.85;
    pair.longest = 60;
    pair.flagged = true;
    pair.cluster = 1;
    pair.matches = {{60, 1, 4, 2, 5}, {14, 6, 6, 8, 8}};
    pair.a = {1, "a1", "p1", "python3", 1, "n = int(input())\nprint('</script>')\n"};
    pair.b = {6, "a4", "p1", "python3", 1, "# mine\nm = int(input())\nprint('</script>')\n"};
    run.pairs = {pair};
    in.similarity = {run};
  }
};

std::string source_path(const std::string& rel) { return std::string(SOURCE_DIR) + "/" + rel; }

}  // namespace

TEST_CASE("shortlist files: the rubric total scales each criterion to its range and weights it") {
  Golden g;
  CHECK(rubric_total(g.c.review.criteria, {{"motivation", 5}, {"experience", 10}}) == doctest::Approx(10));
  CHECK(rubric_total(g.c.review.criteria, {{"motivation", 1}, {"experience", 0}}) == doctest::Approx(0));
  CHECK(rubric_total(g.c.review.criteria, {{"motivation", 3}, {"experience", 0}}) == doctest::Approx(10.0 * 2 * 0.5 / 3));
}

TEST_CASE("shortlist files: a small fixed campaign gives the golden ranking.json, byte for byte, every time") {
  Golden g;
  ShortlistFiles a = build_shortlist(g.in), b = build_shortlist(g.in);
  CHECK(a.ranking_json == b.ranking_json);
  CHECK(a.shortlist_csv == b.shortlist_csv);
  std::string golden_path = source_path("rank/testdata/golden_ranking.json");
  if (const char* update = std::getenv("SHORTLIST_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(golden_path) << a.ranking_json;
    MESSAGE("rewrote " << golden_path);
  }
  std::ifstream in(golden_path);
  REQUIRE(in);
  std::stringstream golden;
  golden << in.rdbuf();
  CHECK(a.ranking_json == golden.str());

  CHECK(a.applicants == 6);
  CHECK(a.k == 2);
  CHECK(a.components == 1);
  CHECK(a.gated == 2);  // a5 (5%) and a6 (0%) are below the 10% gate
  CHECK(a.shortlist_csv.rfind("rank,applicant_id,total,quiz,review,probability,band,flags\n", 0) == 0);
  CHECK(std::count(a.shortlist_csv.begin(), a.shortlist_csv.end(), '\n') == 7);
}

TEST_CASE("shortlist files: blind fields stay out unless revealed; disagreements are flagged") {
  Golden g;
  ShortlistFiles blind = build_shortlist(g.in);
  CHECK(blind.ranking_json.find("Ann Lee") == std::string::npos);
  CHECK(blind.ranking_json.find("ann@uni-a.edu") == std::string::npos);
  CHECK(blind.ranking_json.find("Uni A") == std::string::npos);
  g.in.reveal = true;
  ShortlistFiles revealed = build_shortlist(g.in);
  CHECK(revealed.ranking_json.find("\"name\": \"Ann Lee\"") != std::string::npos);
  CHECK(revealed.ranking_json.find("\"revealed\": true") != std::string::npos);
  // a4: motivation 1 and 4 (3 apart > 2); experience 2 and 3 (fine).
  CHECK(blind.ranking_json.find("disagreement:motivation") != std::string::npos);
  CHECK(blind.shortlist_csv.find(",a4,") != std::string::npos);
  CHECK(blind.ranking_json.find("disagreement:experience") == std::string::npos);
  CHECK(blind.ranking_json.find("reviewers differ by more than 2.0 points on motivation: ask for one more review") !=
        std::string::npos);
}

TEST_CASE("shortlist files: best of several tries counts; a changed input changes the inputs' hash") {
  Golden g;
  ShortlistFiles a = build_shortlist(g.in);
  // a2's second try of p1 (AC, 100) counts, not the first (WA, 0): 200 of 200 points.
  CHECK(a.ranking_json.find("quiz 100.0% (200.0 of 200.0 points)") != std::string::npos);
  g.in.reviews[0].scores["motivation"] = 4;
  ShortlistFiles b = build_shortlist(g.in);
  CHECK(a.ranking_json != b.ranking_json);
  auto hash_of = [](const std::string& json) {
    size_t at = json.find("\"reviews_sha256\"");
    return json.substr(at, 90);
  };
  CHECK(hash_of(a.ranking_json) != hash_of(b.ranking_json));
}

// shortlist.csv without its last column (flags).
std::string without_flags(const std::string& csv) {
  std::stringstream in(csv);
  std::string line, out;
  while (std::getline(in, line)) out += line.substr(0, line.rfind(',')) + "\n";
  return out;
}

TEST_CASE("shortlist files: similar solutions are flagged with their evidence, and change no score") {
  Golden g;
  ShortlistFiles with = build_shortlist(g.in);
  CHECK(with.ranking_json.find("\"similar:p1\"") != std::string::npos);
  CHECK(with.ranking_json.find("solution to p1 is much like a4's (score 0.92, 60 equal tokens in a row)") !=
        std::string::npos);
  CHECK(with.ranking_json.find("solution to p1 is much like a1's") != std::string::npos);
  CHECK(with.ranking_json.find("\"source_b\": \"# mine\\nm = int(input())") != std::string::npos);
  CHECK(with.shortlist_csv.find(",a4,") != std::string::npos);
  CHECK(with.warnings.empty());
  std::vector<store::SimilarityRun> runs = g.in.similarity;
  g.in.similarity.clear();
  ShortlistFiles without = build_shortlist(g.in);
  CHECK(without.ranking_json.find("similar:") == std::string::npos);
  // Every rank, total, quiz, review and probability is the same: only the flags differ.
  CHECK(with.shortlist_csv != without.shortlist_csv);
  CHECK(without_flags(with.shortlist_csv) == without_flags(without.shortlist_csv));
  CHECK(without.ranking_json.find("\"similarity_sha256\"") != std::string::npos);

  // A problem whose flags chance mostly explains: each reason says so.
  CHECK(with.ranking_json.find("weak evidence") == std::string::npos);
  g.in.similarity = runs;
  g.in.similarity[0].chance_flagged = 0.9;
  ShortlistFiles weak = build_shortlist(g.in);
  CHECK(weak.ranking_json.find("it changes no score; weak evidence: p1's solutions are often this alike by chance "
                               "(about 1 of its 1 flagged pairs)") != std::string::npos);
  g.in.similarity[0].chance_flagged = 0.3;
  CHECK(build_shortlist(g.in).ranking_json.find("weak evidence") == std::string::npos);

  // Submissions that arrived after the run: said, not hidden.
  runs[0].submissions_now = 7;
  g.in.similarity = runs;
  ShortlistFiles stale = build_shortlist(g.in);
  REQUIRE(stale.warnings.size() == 1);
  CHECK(stale.warnings[0].find("similarity of problem p1 was found among 5 submissions; it has 7 now") == 0);
  CHECK(stale.ranking_json.find("\"stale\": true") != std::string::npos);
}
