// The ReviewStore on SQLite, in the campaign's shortlist.db beside the grading
// tables (sqlite_store.cc), which it reads for quiz results but never writes.
#include <sqlite3.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "store/review_store.h"
#include "store/sqlite_db.h"

namespace store {
namespace {

const char* kReviewSchema = R"sql(
CREATE TABLE IF NOT EXISTS reviewers(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, affiliation TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assignments(
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  PRIMARY KEY(reviewer_id, applicant_id));
CREATE TABLE IF NOT EXISTS reviews(
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  scores TEXT NOT NULL, comment TEXT NOT NULL,
  PRIMARY KEY(applicant_id, reviewer_id));
)sql";

std::string scores_json(const std::map<std::string, double>& scores) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  for (const auto& [k, v] : scores) {
    w.Key(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
    w.Double(v);
  }
  w.EndObject();
  return buf.GetString();
}

std::map<std::string, double> scores_from_json(const std::string& text) {
  std::map<std::string, double> out;
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (!d.IsObject()) return out;
  for (const auto& m : d.GetObject())
    if (m.value.IsNumber()) out[m.name.GetString()] = m.value.GetDouble();
  return out;
}

class SqliteReviewStore : public ReviewStore {
 public:
  explicit SqliteReviewStore(sqlite3* db) : db_(db) {}
  ~SqliteReviewStore() override { sqlite3_close(db_); }

  std::vector<Applicant> applicants() override {
    std::vector<Applicant> out;
    Statement q(db_, "SELECT id, name, email, affiliation, extra FROM applicants ORDER BY id");
    while (q.step() == SQLITE_ROW) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), extra_from_json(q.text(4))});
    return out;
  }

  std::string upsert_reviewers(const std::vector<Reviewer>& reviewers, int* changed) override {
    *changed = 0;
    Transaction tx(db_);
    if (!tx.ok()) return "cannot start a transaction: " + std::string(sqlite3_errmsg(db_));
    Statement up(db_,
                 "INSERT INTO reviewers(id, name, email, affiliation) VALUES(?1, ?2, ?3, ?4) "
                 "ON CONFLICT(id) DO UPDATE SET name = ?2, email = ?3, affiliation = ?4 "
                 "WHERE name IS NOT ?2 OR email IS NOT ?3 OR affiliation IS NOT ?4");
    for (const Reviewer& r : reviewers) {
      up.reset();
      up.bind(1, r.id).bind(2, r.name).bind(3, r.email).bind(4, r.affiliation);
      if (!up.run()) return "reviewer " + r.id + ": " + up.error();
      *changed += sqlite3_changes(db_);
    }
    return tx.commit() ? "" : "commit: " + std::string(sqlite3_errmsg(db_));
  }

  std::vector<Reviewer> reviewers() override {
    std::vector<Reviewer> out;
    Statement q(db_, "SELECT id, name, email, affiliation FROM reviewers ORDER BY id");
    while (q.step() == SQLITE_ROW) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
    return out;
  }

  std::string replace_assignment(const std::vector<std::pair<std::string, std::string>>& pairs) override {
    Transaction tx(db_);
    if (!tx.ok()) return "cannot start a transaction: " + std::string(sqlite3_errmsg(db_));
    if (sqlite3_exec(db_, "DELETE FROM assignments", nullptr, nullptr, nullptr) != SQLITE_OK)
      return "cannot clear the assignment: " + std::string(sqlite3_errmsg(db_));
    Statement add(db_, "INSERT INTO assignments(reviewer_id, applicant_id) VALUES(?, ?)");
    for (const auto& [reviewer, applicant] : pairs) {
      add.reset();
      add.bind(1, reviewer).bind(2, applicant);
      if (!add.run()) return "assignment " + reviewer + " -> " + applicant + ": " + add.error();
    }
    return tx.commit() ? "" : "commit: " + std::string(sqlite3_errmsg(db_));
  }

  std::vector<std::pair<std::string, std::string>> assignment() override {
    std::vector<std::pair<std::string, std::string>> out;
    Statement q(db_, "SELECT reviewer_id, applicant_id FROM assignments ORDER BY reviewer_id, applicant_id");
    while (q.step() == SQLITE_ROW) out.emplace_back(q.text(0), q.text(1));
    return out;
  }

  std::string upsert_reviews(const std::vector<StoredReview>& reviews, int* changed) override {
    *changed = 0;
    Transaction tx(db_);
    if (!tx.ok()) return "cannot start a transaction: " + std::string(sqlite3_errmsg(db_));
    Statement up(db_,
                 "INSERT INTO reviews(applicant_id, reviewer_id, scores, comment) VALUES(?1, ?2, ?3, ?4) "
                 "ON CONFLICT(applicant_id, reviewer_id) DO UPDATE SET scores = ?3, comment = ?4 "
                 "WHERE scores IS NOT ?3 OR comment IS NOT ?4");
    for (const StoredReview& r : reviews) {
      up.reset();
      up.bind(1, r.applicant_id).bind(2, r.reviewer_id).bind(3, scores_json(r.scores)).bind(4, r.comment);
      if (!up.run()) return "review of " + r.applicant_id + " by " + r.reviewer_id + ": " + up.error();
      *changed += sqlite3_changes(db_);
    }
    return tx.commit() ? "" : "commit: " + std::string(sqlite3_errmsg(db_));
  }

  std::vector<StoredReview> reviews() override {
    std::vector<StoredReview> out;
    Statement q(db_, "SELECT applicant_id, reviewer_id, scores, comment FROM reviews ORDER BY applicant_id, reviewer_id");
    while (q.step() == SQLITE_ROW) out.push_back({q.text(0), q.text(1), scores_from_json(q.text(2)), q.text(3)});
    return out;
  }

  std::vector<QuizResult> quiz_results(std::vector<std::string>* incomplete) override {
    incomplete->clear();
    std::vector<QuizResult> out;
    std::vector<std::string> problems;
    Statement p(db_, "SELECT id FROM problems ORDER BY id");
    while (p.step() == SQLITE_ROW) problems.push_back(p.text(0));
    for (const std::string& problem : problems) {
      int generation = newest_complete_generation(db_, problem);
      if (generation == 0) {
        incomplete->push_back(problem);
        continue;
      }
      // Secret cases are everything but data/sample/ (the judge names them by path).
      Statement q(db_,
                  "SELECT s.applicant_id, s.attempt, s.submitted_at, s.language, g.verdict, g.score, g.max_score, "
                  "  COUNT(t.idx), COALESCE(SUM(t.verdict = 'AC'), 0), "
                  "  COALESCE(SUM(t.name NOT LIKE 'sample/%'), 0), "
                  "  COALESCE(SUM(t.verdict = 'AC' AND t.name NOT LIKE 'sample/%'), 0) "
                  "FROM submissions s JOIN judgings g ON g.submission_id = s.id AND g.generation = ?2 "
                  "LEFT JOIN test_results t ON t.judging_id = g.id "
                  "WHERE s.problem_id = ?1 GROUP BY s.id ORDER BY s.applicant_id, s.attempt");
      q.bind(1, problem).bind(2, generation);
      while (q.step() == SQLITE_ROW) {
        QuizResult r;
        r.applicant_id = q.text(0);
        r.problem_id = problem;
        r.attempt = static_cast<int>(q.integer(1));
        r.submitted_at = q.text(2);
        r.language = q.text(3);
        r.generation = generation;
        r.verdict = q.text(4);
        r.score = q.real(5);
        r.max_score = q.real(6);
        r.tests = static_cast<int>(q.integer(7));
        r.tests_passed = static_cast<int>(q.integer(8));
        r.hidden = static_cast<int>(q.integer(9));
        r.hidden_passed = static_cast<int>(q.integer(10));
        out.push_back(r);
      }
    }
    return out;
  }

 private:
  sqlite3* db_;
};

}  // namespace

std::unique_ptr<ReviewStore> open_sqlite_review_store(const std::string& path, std::string* error) {
  if (!open_sqlite_store(path, error)) return nullptr;  // the grading tables the reviews refer to
  sqlite3* db = open_sqlite(path, kReviewSchema, error);
  return db ? std::make_unique<SqliteReviewStore>(db) : nullptr;
}

}  // namespace store
