// The review store's contract on a real SQLite file: reviewers and reviews are
// upserted, never duplicated; the assignment is replaced whole; quiz results come
// from the newest complete generation only.
#include "store/review_store.h"

#include <doctest/doctest.h>

#include "temp_tree.h"

using namespace store;

namespace {

struct Fixture {
  TempTree dir{"campaign"};
  std::unique_ptr<Store> grading;
  std::unique_ptr<ReviewStore> reviews;
  Fixture() {
    std::string error;
    std::string db = (dir.root / "shortlist.db").string();
    grading = open_sqlite_store(db, &error);
    reviews = open_sqlite_review_store(db, &error);
    REQUIRE(grading);
    REQUIRE(reviews);
    int changed;
    REQUIRE(grading->upsert_applicants({{"a1", "Ann", "ann@x.org", "Uni A", {}}, {"a2", "Bob", "bob@y.org", "Uni B", {}}},
                                       &changed) == "");
  }
  // Judges every queued job with `verdict` (score 100 for AC), two tests each.
  void judge_all(const char* verdict) {
    while (auto job = grading->claim_job("w", 2000, 30)) {
      Judging j;
      j.verdict = verdict;
      j.score = std::string(verdict) == "AC" ? 100 : 0;
      j.max_score = 100;
      j.tests = {{"sample/1", "AC", "", 0.01, 1}, {"secret/g/1", verdict, "", 0.01, 1}};
      REQUIRE(grading->complete_job(*job, j, 2000) == Completion::Written);
    }
  }
};

}  // namespace

TEST_CASE("review store: reviewers and reviews are upserted by id; a re-import replaces, never duplicates") {
  Fixture f;
  int changed = 0;
  REQUIRE(f.reviews->upsert_reviewers({{"r1", "Rita", "rita@z.org", "Org Z"}, {"r2", "Raj", "raj@w.org", "Org W"}},
                                      &changed) == "");
  CHECK(changed == 2);
  REQUIRE(f.reviews->upsert_reviewers({{"r1", "Rita", "rita@z.org", "Org Z"}}, &changed) == "");
  CHECK(changed == 0);
  REQUIRE(f.reviews->reviewers().size() == 2);

  REQUIRE(f.reviews->upsert_reviews({{"a2", "r1", {{"motivation", 4}, {"code", 3.5}}, "good"},
                                     {"a1", "r2", {{"motivation", 2}}, ""}},
                                    &changed) == "");
  CHECK(changed == 2);
  REQUIRE(f.reviews->upsert_reviews({{"a2", "r1", {{"motivation", 5}, {"code", 3.5}}, "better"}}, &changed) == "");
  CHECK(changed == 1);
  std::vector<StoredReview> all = f.reviews->reviews();
  REQUIRE(all.size() == 2);
  CHECK(all[0].applicant_id == "a1");  // ordered by applicant
  CHECK(all[1].scores.at("motivation") == 5);
  CHECK(all[1].scores.at("code") == 3.5);
  CHECK(all[1].comment == "better");
  // A review must name a known applicant and reviewer.
  CHECK(f.reviews->upsert_reviews({{"zz", "r1", {}, ""}}, &changed) != "");
  CHECK(f.reviews->upsert_reviews({{"a1", "r9", {}, ""}}, &changed) != "");
  CHECK(f.reviews->reviews().size() == 2);  // the failed batch left nothing behind
}

TEST_CASE("review store: the assignment is replaced whole") {
  Fixture f;
  int changed;
  REQUIRE(f.reviews->upsert_reviewers({{"r1", "", "", ""}, {"r2", "", "", ""}}, &changed) == "");
  REQUIRE(f.reviews->replace_assignment({{"r2", "a1"}, {"r1", "a2"}, {"r1", "a1"}}) == "");
  auto a = f.reviews->assignment();
  REQUIRE(a.size() == 3);
  CHECK(a[0] == std::pair<std::string, std::string>{"r1", "a1"});
  REQUIRE(f.reviews->replace_assignment({{"r2", "a2"}}) == "");
  CHECK(f.reviews->assignment().size() == 1);
  CHECK(f.reviews->replace_assignment({{"r2", "a2"}, {"r9", "a1"}}) != "");  // unknown reviewer: nothing changes
  CHECK(f.reviews->assignment().size() == 1);
}

TEST_CASE("review store: quiz results come from the newest complete generation") {
  Fixture f;
  REQUIRE(f.grading->register_problem("p") == "");
  REQUIRE(f.grading->register_problem("q") == "");
  std::vector<int64_t> ids;
  std::vector<std::string> errors;
  f.grading->add_submissions({{"a1", "p", "python3", 1, "print(1)", "2026-01-01T00:00:00Z"},
                              {"a1", "p", "python3", 2, "print(2)", "2026-01-02T00:00:00Z"},
                              {"a2", "p", "cpp", 1, "int main(){}", ""}},
                             1000, &ids, &errors);
  std::vector<std::string> incomplete;
  CHECK(f.reviews->quiz_results(&incomplete).empty());
  CHECK(incomplete == std::vector<std::string>{"p", "q"});
  f.judge_all("WA");
  std::vector<QuizResult> r = f.reviews->quiz_results(&incomplete);
  CHECK(incomplete == std::vector<std::string>{"q"});  // q has no submissions: nothing complete
  REQUIRE(r.size() == 3);
  CHECK(r[0].applicant_id == "a1");
  CHECK(r[0].attempt == 1);
  CHECK(r[1].attempt == 2);
  CHECK(r[0].submitted_at == "2026-01-01T00:00:00Z");
  CHECK(r[2].language == "cpp");
  CHECK(r[0].verdict == "WA");
  CHECK(r[0].tests == 2);
  CHECK(r[0].tests_passed == 1);
  CHECK(r[0].hidden == 1);
  CHECK(r[0].hidden_passed == 0);

  // A rejudge under way: rankings keep reading generation 1 until 2 is complete.
  REQUIRE(f.grading->rejudge("p", 3000) == 2);
  r = f.reviews->quiz_results(&incomplete);
  REQUIRE(r.size() == 3);
  CHECK(r[0].generation == 1);
  f.judge_all("AC");
  r = f.reviews->quiz_results(&incomplete);
  REQUIRE(r.size() == 3);
  CHECK(r[0].generation == 2);
  CHECK(r[0].verdict == "AC");
  CHECK(r[0].score == 100);
  CHECK(r[0].hidden_passed == 1);
}
