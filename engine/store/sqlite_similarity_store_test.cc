// The similarity store's contract on a real SQLite file: a problem's run is
// replaced whole; readers order pairs by score and fill in both sources; a run
// knows when submissions arrived after it.
#include "store/similarity_store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include "store/store.h"
#include "temp_tree.h"

using namespace store;

namespace {

struct Fixture {
  TempTree dir{"campaign"};
  std::unique_ptr<Store> grading;
  std::unique_ptr<SimilarityStore> similar;
  std::vector<int64_t> ids;
  Fixture() {
    std::string error;
    std::string db = (dir.root / "shortlist.db").string();
    grading = open_sqlite_store(db, &error);
    similar = open_sqlite_similarity_store(db, &error);
    REQUIRE(grading);
    REQUIRE(similar);
    int changed;
    REQUIRE(grading->upsert_applicants({{"a1", "", "", "", {}}, {"a2", "", "", "", {}}, {"a3", "", "", "", {}}},
                                       &changed) == "");
    REQUIRE(grading->register_problem("p") == "");
    REQUIRE(grading->register_problem("q") == "");
    std::vector<std::string> errors;
    grading->add_submissions({{"a1", "p", "python3", 1, "print(1)\n", ""},
                              {"a2", "p", "python3", 1, "print(2)\n", ""},
                              {"a3", "p", "cpp20", 1, "int main() {}\n", ""},
                              {"a1", "q", "python3", 1, "x = 1\n", ""}},
                             1000, &ids, &errors);
    REQUIRE(ids.size() == 4);
  }
  SimilarityRun run(double score_of_first) {
    SimilarityRun r;
    r.problem_id = "p";
    r.threshold = 0.5;
    r.k = 12;
    r.w = 8;
    r.submissions = 3;
    r.clusters = 1;
    r.starter = "starter/p.py";
    r.pairs.push_back({ids[0], ids[1], score_of_first, 0.7, 40, true, 1, {{40, 1, 3, 2, 4}, {12, 5, 5, 9, 9}}, {}, {}});
    r.pairs.push_back({ids[1], ids[2], 0.2, 0.1, 12, false, 0, {{12, 1, 1, 1, 1}}, {}, {}});
    return r;
  }
};

}  // namespace

TEST_CASE("similarity store: a problem's sources, by submission id") {
  Fixture f;
  std::vector<SubmittedSource> p = f.similar->sources("p");
  REQUIRE(p.size() == 3);
  CHECK(p[0].applicant_id == "a1");
  CHECK(p[0].source == "print(1)\n");
  CHECK(p[2].language == "cpp20");
  CHECK(f.similar->sources("q").size() == 1);
  CHECK(f.similar->sources("zz").empty());
}

TEST_CASE("similarity store: a run is stored, read back in order with its sources, and replaced whole") {
  Fixture f;
  REQUIRE(f.similar->replace_run(f.run(0.9)) == "");
  std::vector<SimilarityRun> all = f.similar->runs(false);
  REQUIRE(all.size() == 1);
  const SimilarityRun& r = all[0];
  CHECK(r.problem_id == "p");
  CHECK(r.threshold == 0.5);
  CHECK(r.starter == "starter/p.py");
  CHECK(r.submissions_now == 3);
  REQUIRE(r.pairs.size() == 2);
  CHECK(r.pairs[0].score == 0.9);  // by score, highest first
  CHECK(r.pairs[0].a.applicant_id == "a1");
  CHECK(r.pairs[0].b.source == "print(2)\n");
  REQUIRE(r.pairs[0].matches.size() == 2);
  CHECK(r.pairs[0].matches[1].b_first == 9);
  CHECK(r.pairs[0].cluster == 1);
  CHECK_FALSE(r.chance_flagged.has_value());  // none given: none read back
  // Only the flagged ones, for the ranking.
  std::vector<SimilarityRun> flagged = f.similar->runs(true);
  REQUIRE(flagged.size() == 1);
  CHECK(flagged[0].pairs.size() == 1);

  // A second run replaces the first entirely.
  SimilarityRun again = f.run(0.6);
  again.pairs.pop_back();
  again.threshold = 0.55;
  again.chance_flagged = 2.5;
  REQUIRE(f.similar->replace_run(again) == "");
  all = f.similar->runs(false);
  REQUIRE(all.size() == 1);
  CHECK(all[0].threshold == 0.55);
  CHECK(all[0].chance_flagged == 2.5);
  REQUIRE(all[0].pairs.size() == 1);
  CHECK(all[0].pairs[0].score == 0.6);
}

TEST_CASE("similarity store: a pair naming an unknown submission leaves the earlier run in place") {
  Fixture f;
  REQUIRE(f.similar->replace_run(f.run(0.9)) == "");
  SimilarityRun bad = f.run(0.8);
  bad.pairs[1].submission_b = 999;
  CHECK(f.similar->replace_run(bad) != "");
  std::vector<SimilarityRun> all = f.similar->runs(false);
  REQUIRE(all.size() == 1);
  REQUIRE(all[0].pairs.size() == 2);
  CHECK(all[0].pairs[0].score == 0.9);
}

TEST_CASE("similarity store: a run knows when submissions arrived after it") {
  Fixture f;
  REQUIRE(f.similar->replace_run(f.run(0.9)) == "");
  std::vector<std::string> errors;
  f.grading->add_submissions({{"a2", "p", "python3", 2, "print(3)\n", ""}}, 1001, &f.ids, &errors);
  std::vector<SimilarityRun> all = f.similar->runs(true);
  REQUIRE(all.size() == 1);
  CHECK(all[0].submissions == 3);
  CHECK(all[0].submissions_now == 4);
}

TEST_CASE("similarity store: a database from before chance_flagged gets the column, its old runs none") {
  TempTree dir{"campaign"};
  std::string error, db = (dir.root / "shortlist.db").string();
  REQUIRE(open_sqlite_store(db, &error));
  {  // the table as an earlier shortlist created it, with one run in it
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    const char* old = "INSERT INTO problems(id) VALUES('p');"
                      "CREATE TABLE similarity_runs(problem_id TEXT PRIMARY KEY REFERENCES problems(id),"
                      "  threshold REAL NOT NULL, threshold_fixed INTEGER NOT NULL, k INTEGER NOT NULL, w INTEGER NOT NULL,"
                      "  submissions INTEGER NOT NULL, clusters INTEGER NOT NULL, starter TEXT NOT NULL);"
                      "INSERT INTO similarity_runs VALUES('p', 0.7, 0, 12, 8, 0, 0, '');";
    char* message = nullptr;
    CHECK_MESSAGE(sqlite3_exec(raw, old, nullptr, nullptr, &message) == SQLITE_OK, (message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(raw);
  }
  std::unique_ptr<SimilarityStore> similar = open_sqlite_similarity_store(db, &error);
  REQUIRE_MESSAGE(similar, error);
  std::vector<SimilarityRun> runs = similar->runs(false);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].threshold == 0.7);
  CHECK_FALSE(runs[0].chance_flagged.has_value());
  SimilarityRun again = runs[0];
  again.chance_flagged = 1.5;
  REQUIRE(similar->replace_run(again) == "");
  CHECK(similar->runs(false)[0].chance_flagged == 1.5);
}
