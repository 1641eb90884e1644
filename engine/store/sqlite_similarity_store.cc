// The SimilarityStore on SQLite, in the campaign's shortlist.db beside the
// grading tables (sqlite_store.cc), whose submissions it reads but never writes.
#include <sqlite3.h>

#include <map>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "store/similarity_store.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace store {
namespace {

const char* kSimilaritySchema = R"sql(
CREATE TABLE IF NOT EXISTS similarity_runs(
  problem_id TEXT PRIMARY KEY REFERENCES problems(id),
  threshold REAL NOT NULL, threshold_fixed INTEGER NOT NULL, k INTEGER NOT NULL, w INTEGER NOT NULL,
  submissions INTEGER NOT NULL, clusters INTEGER NOT NULL, starter TEXT NOT NULL,
  chance_flagged REAL);  -- NULL: too few pairs to tell
CREATE TABLE IF NOT EXISTS similarity_pairs(
  problem_id TEXT NOT NULL REFERENCES similarity_runs(problem_id),
  submission_a INTEGER NOT NULL REFERENCES submissions(id),
  submission_b INTEGER NOT NULL REFERENCES submissions(id),
  score REAL NOT NULL, jaccard REAL NOT NULL, longest INTEGER NOT NULL,
  flagged INTEGER NOT NULL, cluster INTEGER NOT NULL,
  matches TEXT NOT NULL,  -- [[tokens, a_first, a_last, b_first, b_last], ...]
  PRIMARY KEY(problem_id, submission_a, submission_b));
)sql";

std::string matches_json(const std::vector<LineMatch>& matches) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const LineMatch& m : matches) {
    w.StartArray();
    w.Int64(m.tokens);
    w.Int(m.a_first);
    w.Int(m.a_last);
    w.Int(m.b_first);
    w.Int(m.b_last);
    w.EndArray();
  }
  w.EndArray();
  return buf.GetString();
}

std::vector<LineMatch> matches_from_json(const std::string& text) {
  std::vector<LineMatch> out;
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (!d.IsArray()) return out;
  for (const auto& m : d.GetArray()) {
    if (!m.IsArray() || m.Size() != 5) continue;
    bool ints = true;
    for (const auto& v : m.GetArray()) ints = ints && v.IsInt64();
    if (ints) out.push_back({m[0].GetInt64(), m[1].GetInt(), m[2].GetInt(), m[3].GetInt(), m[4].GetInt()});
  }
  return out;
}

class SqliteSimilarityStore : public SimilarityStore {
 public:
  explicit SqliteSimilarityStore(sqlite3* db) : db_(db) {}
  ~SqliteSimilarityStore() override { sqlite3_close(db_); }

  std::vector<SubmittedSource> sources(const std::string& problem_id) override {
    std::vector<SubmittedSource> out;
    Statement q(db_, "SELECT id, applicant_id, problem_id, language, attempt, source FROM submissions "
                     "WHERE problem_id = ? ORDER BY id");
    q.bind(1, problem_id);
    while (q.step() == SQLITE_ROW)
      out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), static_cast<int>(q.integer(4)), q.blob(5)});
    return out;
  }

  std::string replace_run(const SimilarityRun& run) override {
    Transaction tx(db_);
    if (!tx.ok()) return "cannot start a transaction: " + std::string(sqlite3_errmsg(db_));
    Statement drop_pairs(db_, "DELETE FROM similarity_pairs WHERE problem_id = ?");
    drop_pairs.bind(1, run.problem_id);
    Statement drop_run(db_, "DELETE FROM similarity_runs WHERE problem_id = ?");
    drop_run.bind(1, run.problem_id);
    if (!drop_pairs.run() || !drop_run.run()) return "cannot remove the earlier run: " + drop_run.error();
    Statement add_run(db_, "INSERT INTO similarity_runs(problem_id, threshold, threshold_fixed, k, w, submissions, "
                           "clusters, starter, chance_flagged) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add_run.bind(1, run.problem_id).bind(2, run.threshold).bind(3, run.threshold_fixed ? 1 : 0).bind(4, run.k);
    add_run.bind(5, run.w).bind(6, run.submissions).bind(7, run.clusters).bind(8, run.starter);
    if (run.chance_flagged)
      add_run.bind(9, *run.chance_flagged);
    else
      add_run.bind_null(9);
    if (!add_run.run()) return "problem " + run.problem_id + ": " + add_run.error();
    Statement add(db_, "INSERT INTO similarity_pairs(problem_id, submission_a, submission_b, score, jaccard, longest, "
                       "flagged, cluster, matches) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const SimilarPair& p : run.pairs) {
      add.reset();
      add.bind(1, run.problem_id).bind(2, p.submission_a).bind(3, p.submission_b).bind(4, p.score);
      add.bind(5, p.jaccard).bind(6, p.longest).bind(7, p.flagged ? 1 : 0).bind(8, p.cluster);
      add.bind(9, matches_json(p.matches));
      if (!add.run())
        return "pair " + std::to_string(p.submission_a) + "-" + std::to_string(p.submission_b) + ": " + add.error();
    }
    return tx.commit() ? "" : "commit: " + std::string(sqlite3_errmsg(db_));
  }

  std::vector<SimilarityRun> runs(bool flagged_only) override {
    std::vector<SimilarityRun> out;
    Statement q(db_, "SELECT problem_id, threshold, threshold_fixed, k, w, submissions, clusters, starter, "
                     "(SELECT COUNT(*) FROM submissions s WHERE s.problem_id = r.problem_id), chance_flagged "
                     "FROM similarity_runs r ORDER BY problem_id");
    while (q.step() == SQLITE_ROW) {
      SimilarityRun r;
      r.problem_id = q.text(0);
      r.threshold = q.real(1);
      r.threshold_fixed = q.integer(2) != 0;
      r.k = static_cast<int>(q.integer(3));
      r.w = static_cast<int>(q.integer(4));
      r.submissions = q.integer(5);
      r.clusters = q.integer(6);
      r.starter = q.text(7);
      r.submissions_now = q.integer(8);
      if (!q.null(9)) r.chance_flagged = q.real(9);
      out.push_back(std::move(r));
    }
    std::map<int64_t, SubmittedSource> known;
    for (SimilarityRun& r : out) {
      Statement p(db_, flagged_only
                           ? "SELECT submission_a, submission_b, score, jaccard, longest, flagged, cluster, matches "
                             "FROM similarity_pairs WHERE problem_id = ? AND flagged = 1 "
                             "ORDER BY score DESC, submission_a, submission_b"
                           : "SELECT submission_a, submission_b, score, jaccard, longest, flagged, cluster, matches "
                             "FROM similarity_pairs WHERE problem_id = ? ORDER BY score DESC, submission_a, submission_b");
      p.bind(1, r.problem_id);
      while (p.step() == SQLITE_ROW) {
        SimilarPair s;
        s.submission_a = p.integer(0);
        s.submission_b = p.integer(1);
        s.score = p.real(2);
        s.jaccard = p.real(3);
        s.longest = p.integer(4);
        s.flagged = p.integer(5) != 0;
        s.cluster = static_cast<int>(p.integer(6));
        s.matches = matches_from_json(p.text(7));
        s.a = source_of(s.submission_a, &known);
        s.b = source_of(s.submission_b, &known);
        r.pairs.push_back(std::move(s));
      }
    }
    return out;
  }

 private:
  sqlite3* db_;

  SubmittedSource source_of(int64_t id, std::map<int64_t, SubmittedSource>* known) {
    auto it = known->find(id);
    if (it != known->end()) return it->second;
    Statement q(db_, "SELECT id, applicant_id, problem_id, language, attempt, source FROM submissions WHERE id = ?");
    q.bind(1, id);
    SubmittedSource s;
    if (q.step() == SQLITE_ROW)
      s = {q.integer(0), q.text(1), q.text(2), q.text(3), static_cast<int>(q.integer(4)), q.blob(5)};
    return (*known)[id] = s;
  }
};

}  // namespace

std::unique_ptr<SimilarityStore> open_sqlite_similarity_store(const std::string& path, std::string* error) {
  if (!open_sqlite_store(path, error)) return nullptr;  // the grading tables the runs refer to
  sqlite3* db = open_sqlite(path, kSimilaritySchema, error);
  if (db == nullptr) return nullptr;
  // A campaign whose runs were stored before chance_flagged existed gets the column
  // (NULL in its old runs, as for a run with too few pairs, until it is run again).
  Statement has(db, "SELECT 1 FROM pragma_table_info('similarity_runs') WHERE name = 'chance_flagged'");
  if (has.step() != SQLITE_ROW &&
      sqlite3_exec(db, "ALTER TABLE similarity_runs ADD COLUMN chance_flagged REAL", nullptr, nullptr, nullptr) !=
          SQLITE_OK) {
    *error = path + ": cannot add similarity_runs.chance_flagged: " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return nullptr;
  }
  return std::make_unique<SqliteSimilarityStore>(db);
}

}  // namespace store
