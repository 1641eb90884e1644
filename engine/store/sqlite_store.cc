// The Store on SQLite: one file in the campaign directory, WAL mode (readers never
// wait for the grader), every multi-row change in one IMMEDIATE transaction.
// synchronous=NORMAL: a killed process loses nothing that was committed; a power
// cut may lose the last commits, and since a job and its result commit together,
// such a job is simply judged again.
#include "store/store.h"
#include "store/sqlite_db.h"
#include "util/sha256.h"

#include <sqlite3.h>


#include <cmath>
#include <cstdio>
#include <tuple>
#include <utility>


namespace store {
namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS applicants(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, affiliation TEXT NOT NULL,
  extra TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS problems(
  id TEXT PRIMARY KEY, generation INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS submissions(
  id INTEGER PRIMARY KEY,
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  problem_id TEXT NOT NULL REFERENCES problems(id),
  attempt INTEGER NOT NULL, language TEXT NOT NULL,
  source BLOB NOT NULL, source_hash TEXT NOT NULL, submitted_at TEXT NOT NULL,
  UNIQUE(applicant_id, problem_id, attempt));
CREATE TABLE IF NOT EXISTS jobs(
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  generation INTEGER NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('queued', 'running', 'done', 'superseded')),
  lease_token TEXT, lease_until REAL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  created_at REAL NOT NULL,
  UNIQUE(submission_id, generation));
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs(state, id);
CREATE TABLE IF NOT EXISTS judgings(
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  generation INTEGER NOT NULL,
  verdict TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL, max_cpu_s REAL NOT NULL,
  message TEXT NOT NULL, judged_at REAL NOT NULL,
  UNIQUE(submission_id, generation));
CREATE TABLE IF NOT EXISTS test_results(
  judging_id INTEGER NOT NULL REFERENCES judgings(id), idx INTEGER NOT NULL,
  name TEXT NOT NULL, verdict TEXT NOT NULL, cpu_s REAL NOT NULL, memory_bytes INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY(judging_id, idx));
)sql";


class SqliteStore : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close(db_); }

  std::string upsert_applicants(const std::vector<Applicant>& applicants, int* changed) override {
    *changed = 0;
    Transaction tx(db_);
    if (!tx.ok()) return "cannot start a transaction: " + std::string(sqlite3_errmsg(db_));
    Statement up(db_,
                 "INSERT INTO applicants(id, name, email, affiliation, extra) VALUES(?1, ?2, ?3, ?4, ?5) "
                 "ON CONFLICT(id) DO UPDATE SET name = ?2, email = ?3, affiliation = ?4, extra = ?5 "
                 "WHERE name IS NOT ?2 OR email IS NOT ?3 OR affiliation IS NOT ?4 OR extra IS NOT ?5");
    for (const Applicant& a : applicants) {
      up.reset();
      up.bind(1, a.id).bind(2, a.name).bind(3, a.email).bind(4, a.affiliation).bind(5, extra_json(a.extra));
      if (!up.run()) return "applicant " + a.id + ": " + up.error();
      *changed += sqlite3_changes(db_);
    }
    return tx.commit() ? "" : "commit: " + std::string(sqlite3_errmsg(db_));
  }

  std::optional<Applicant> applicant(const std::string& id) override {
    Statement q(db_, "SELECT name, email, affiliation, extra FROM applicants WHERE id = ?");
    q.bind(1, id);
    if (q.step() != SQLITE_ROW) return std::nullopt;
    return Applicant{id, q.text(0), q.text(1), q.text(2), extra_from_json(q.text(3))};
  }

  int64_t applicant_count() override { return scalar("SELECT COUNT(*) FROM applicants"); }

  std::string register_problem(const std::string& problem_id) override {
    Statement q(db_, "INSERT INTO problems(id) VALUES(?) ON CONFLICT(id) DO NOTHING");
    q.bind(1, problem_id);
    return q.run() ? "" : "problem " + problem_id + ": " + q.error();
  }

  void add_submissions(const std::vector<NewSubmission>& subs, double now, std::vector<int64_t>* ids,
                       std::vector<std::string>* errors) override {
    ids->assign(subs.size(), 0);
    errors->assign(subs.size(), "");
    for (size_t i = 0; i < subs.size(); ++i) (*errors)[i] = add_one(subs[i], now, &(*ids)[i]);
  }

  int next_attempt(const std::string& applicant_id, const std::string& problem_id) override {
    Statement q(db_, "SELECT COALESCE(MAX(attempt), 0) + 1 FROM submissions WHERE applicant_id = ? AND problem_id = ?");
    q.bind(1, applicant_id).bind(2, problem_id);
    return q.step() == SQLITE_ROW ? static_cast<int>(q.integer(0)) : 1;
  }

  std::optional<Job> claim_job(const std::string& worker, double now, double lease_s) override {
    Transaction tx(db_);
    if (!tx.ok()) return std::nullopt;
    give_up_exhausted(now);
    std::string token = worker + "#" + std::to_string(++claims_) + "@" + std::to_string(now);
    Statement claim(db_,
                    "UPDATE jobs SET state = 'running', lease_token = ?1, lease_until = ?2, attempts = attempts + 1 "
                    "WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < ?3) "
                    "ORDER BY id LIMIT 1) RETURNING id, submission_id, generation, attempts");
    claim.bind(1, token).bind(2, now + lease_s).bind(3, now);
    if (claim.step() != SQLITE_ROW) {
      tx.commit();  // nothing to hand out, but the jobs given up on stay given up
      return std::nullopt;
    }
    Job j;
    j.id = claim.integer(0);
    j.submission_id = claim.integer(1);
    j.generation = static_cast<int>(claim.integer(2));
    j.attempts = static_cast<int>(claim.integer(3));
    j.lease_token = token;
    claim.step();  // finish the statement before the next one
    Statement s(db_, "SELECT applicant_id, problem_id, language, source, source_hash FROM submissions WHERE id = ?");
    s.bind(1, j.submission_id);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    j.applicant_id = s.text(0);
    j.problem_id = s.text(1);
    j.language = s.text(2);
    j.source = s.blob(3);
    j.source_hash = s.text(4);
    if (!tx.commit()) return std::nullopt;
    return j;
  }

  Completion complete_job(const Job& job, const Judging& r, double now) override {
    Transaction tx(db_);
    if (!tx.ok()) return Completion::Stale;
    Statement check(db_,
                    "SELECT j.state, j.lease_token, j.generation, p.generation FROM jobs j "
                    "JOIN submissions s ON s.id = j.submission_id JOIN problems p ON p.id = s.problem_id WHERE j.id = ?");
    check.bind(1, job.id);
    if (check.step() != SQLITE_ROW) return Completion::Stale;
    if (check.text(0) != "running" || check.text(1) != job.lease_token || check.integer(2) != job.generation ||
        check.integer(3) != job.generation)
      return Completion::Stale;
    if (!write_judging(job.submission_id, job.generation, r, now)) return Completion::Stale;
    Statement done(db_, "UPDATE jobs SET state = 'done', lease_token = NULL WHERE id = ?");
    done.bind(1, job.id);
    if (!done.run() || !tx.commit()) return Completion::Stale;
    return Completion::Written;
  }

  bool renew_lease(const Job& job, double until) override {
    Statement q(db_, "UPDATE jobs SET lease_until = ?1 WHERE id = ?2 AND state = 'running' AND lease_token = ?3");
    q.bind(1, until).bind(2, job.id).bind(3, job.lease_token);
    return q.run() && sqlite3_changes(db_) == 1;
  }

  std::optional<Judging> same_judging(const Job& job) override {
    Statement q(db_,
                "SELECT g.submission_id FROM judgings g JOIN submissions s ON s.id = g.submission_id "
                "WHERE s.source_hash = ?1 AND s.language = ?2 AND s.problem_id = ?3 AND g.generation = ?4 "
                "AND g.verdict != 'IE' AND g.submission_id != ?5 LIMIT 1");
    q.bind(1, job.source_hash).bind(2, job.language).bind(3, job.problem_id).bind(4, job.generation);
    q.bind(5, job.submission_id);
    if (q.step() != SQLITE_ROW) return std::nullopt;
    int64_t other = q.integer(0);
    Statement g(db_,
                "SELECT id, verdict, score, max_score, max_cpu_s, message FROM judgings WHERE submission_id = ? AND "
                "generation = ?");
    g.bind(1, other).bind(2, job.generation);
    if (g.step() != SQLITE_ROW) return std::nullopt;
    return read_judging(g);
  }

  void release_job(const Job& job, const std::string& why) override {
    Statement q(db_,
                "UPDATE jobs SET state = 'queued', lease_token = NULL, lease_until = NULL, last_error = ?1 "
                "WHERE id = ?2 AND state = 'running' AND lease_token = ?3");
    q.bind(1, why).bind(2, job.id).bind(3, job.lease_token);
    q.run();
  }

  int rejudge(const std::string& problem_id, double now) override {
    Transaction tx(db_);
    if (!tx.ok()) return 0;
    Statement bump(db_, "UPDATE problems SET generation = generation + 1 WHERE id = ? RETURNING generation");
    bump.bind(1, problem_id);
    if (bump.step() != SQLITE_ROW) return 0;
    int generation = static_cast<int>(bump.integer(0));
    bump.step();
    Statement old(db_,
                  "UPDATE jobs SET state = 'superseded', lease_token = NULL WHERE state IN ('queued', 'running') AND "
                  "submission_id IN (SELECT id FROM submissions WHERE problem_id = ?)");
    old.bind(1, problem_id);
    Statement queue(db_,
                    "INSERT INTO jobs(submission_id, generation, state, created_at) "
                    "SELECT id, ?1, 'queued', ?2 FROM submissions WHERE problem_id = ?3");
    queue.bind(1, generation).bind(2, now).bind(3, problem_id);
    if (!old.run() || !queue.run() || !tx.commit()) return 0;
    return generation;
  }

  std::optional<Judging> latest_judging(int64_t submission_id) override {
    Statement q(db_,
                "SELECT id, verdict, score, max_score, max_cpu_s, message FROM judgings WHERE submission_id = ? "
                "ORDER BY generation DESC LIMIT 1");
    q.bind(1, submission_id);
    if (q.step() != SQLITE_ROW) return std::nullopt;
    return read_judging(q);
  }

  // A judging row (id, verdict, score, max_score, max_cpu_s, message) and its tests.
  Judging read_judging(const Statement& q) {
    Judging j;
    int64_t id = q.integer(0);
    j.verdict = q.text(1);
    j.score = q.real(2);
    j.max_score = q.real(3);
    j.max_cpu_s = q.real(4);
    j.message = q.text(5);
    Statement t(db_,
                "SELECT name, verdict, cpu_s, memory_bytes, message FROM test_results WHERE judging_id = ? ORDER BY idx");
    t.bind(1, id);
    while (t.step() == SQLITE_ROW) j.tests.push_back({t.text(0), t.text(1), t.text(4), t.real(2), t.integer(3)});
    return j;
  }

  int newest_complete_generation(const std::string& problem_id) override {
    return store::newest_complete_generation(db_, problem_id);
  }

  std::optional<Judging> judging(int64_t submission_id, int generation) override {
    Statement q(db_,
                "SELECT id, verdict, score, max_score, max_cpu_s, message FROM judgings WHERE submission_id = ? AND "
                "generation = ?");
    q.bind(1, submission_id).bind(2, generation);
    if (q.step() != SQLITE_ROW) return std::nullopt;
    return read_judging(q);
  }

  int judging_count(int64_t submission_id, int generation) override {
    Statement q(db_, "SELECT COUNT(*) FROM judgings WHERE submission_id = ? AND generation = ?");
    q.bind(1, submission_id).bind(2, generation);
    return q.step() == SQLITE_ROW ? static_cast<int>(q.integer(0)) : 0;
  }

  QueueCounts counts(double now) override {
    QueueCounts c;
    Statement states(db_,
                     "SELECT s.problem_id, j.state, COUNT(*) FROM jobs j JOIN submissions s ON s.id = j.submission_id "
                     "WHERE j.state != 'superseded' GROUP BY s.problem_id, j.state");
    while (states.step() == SQLITE_ROW) {
      int64_t n = states.integer(2);
      std::string state = states.text(1);
      c.per_problem[states.text(0)][state] += n;
      (state == "queued" ? c.queued : state == "running" ? c.running : c.done) += n;
    }
    Statement verdicts(db_,
                       "SELECT s.problem_id, g.verdict, COUNT(*) FROM judgings g JOIN submissions s ON "
                       "s.id = g.submission_id JOIN problems p ON p.id = s.problem_id WHERE g.generation = p.generation "
                       "GROUP BY s.problem_id, g.verdict");
    while (verdicts.step() == SQLITE_ROW) {
      c.per_problem[verdicts.text(0)][verdicts.text(1)] += verdicts.integer(2);
      c.verdicts[verdicts.text(1)] += verdicts.integer(2);
    }
    Statement oldest(db_, "SELECT MIN(created_at) FROM jobs WHERE state = 'queued'");
    if (oldest.step() == SQLITE_ROW && !oldest.null(0))
      c.oldest_queued_age_s = std::max(0.0, now - oldest.real(0));
    Statement recent(db_, "SELECT COUNT(*) FROM judgings WHERE judged_at >= ?");
    recent.bind(1, now - 60);
    if (recent.step() == SQLITE_ROW) c.judged_last_minute = recent.integer(0);
    return c;
  }

 private:
  int64_t scalar(const char* sql) {
    Statement q(db_, sql);
    return q.step() == SQLITE_ROW ? q.integer(0) : 0;
  }

  std::string add_one(const NewSubmission& s, double now, int64_t* id) {
    Transaction tx(db_);
    if (!tx.ok()) return "cannot start a transaction: " + std::string(sqlite3_errmsg(db_));
    Statement who(db_, "SELECT 1 FROM applicants WHERE id = ?");
    who.bind(1, s.applicant_id);
    if (who.step() != SQLITE_ROW) return "unknown applicant '" + s.applicant_id + "'";
    Statement problem(db_, "SELECT generation FROM problems WHERE id = ?");
    problem.bind(1, s.problem_id);
    if (problem.step() != SQLITE_ROW) return "unknown problem '" + s.problem_id + "'";
    int generation = static_cast<int>(problem.integer(0));
    std::string hash = util::sha256_hex(s.source);
    Statement existing(db_, "SELECT id, source_hash FROM submissions WHERE applicant_id = ? AND problem_id = ? AND attempt = ?");
    existing.bind(1, s.applicant_id).bind(2, s.problem_id).bind(3, s.attempt);
    if (existing.step() == SQLITE_ROW) {
      if (existing.text(1) != hash)
        return "attempt " + std::to_string(s.attempt) + " of " + s.problem_id + " by " + s.applicant_id +
               " is already stored with a different source";
      *id = existing.integer(0);
      return "";  // the same submission again: nothing to do
    }
    Statement add(db_,
                  "INSERT INTO submissions(applicant_id, problem_id, attempt, language, source, source_hash, submitted_at) "
                  "VALUES(?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, s.applicant_id).bind(2, s.problem_id).bind(3, s.attempt).bind(4, s.language).bind_blob(5, s.source);
    add.bind(6, hash).bind(7, s.submitted_at);
    if (!add.run()) return "cannot store: " + add.error();
    int64_t sid = sqlite3_last_insert_rowid(db_);
    Statement job(db_, "INSERT INTO jobs(submission_id, generation, state, created_at) VALUES(?, ?, 'queued', ?)");
    job.bind(1, sid).bind(2, generation).bind(3, now);
    if (!job.run()) return "cannot queue: " + job.error();
    if (!tx.commit()) return "commit: " + std::string(sqlite3_errmsg(db_));
    *id = sid;
    return "";
  }

  bool write_judging(int64_t submission_id, int generation, const Judging& r, double now) {
    Statement j(db_,
                "INSERT INTO judgings(submission_id, generation, verdict, score, max_score, max_cpu_s, message, "
                "judged_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    j.bind(1, submission_id).bind(2, generation).bind(3, r.verdict).bind(4, r.score).bind(5, r.max_score);
    j.bind(6, r.max_cpu_s).bind(7, r.message).bind(8, now);
    if (!j.run()) return false;  // UNIQUE(submission, generation): already judged
    int64_t jid = sqlite3_last_insert_rowid(db_);
    Statement t(db_,
                "INSERT INTO test_results(judging_id, idx, name, verdict, cpu_s, memory_bytes, message) "
                "VALUES(?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < r.tests.size(); ++i) {
      const TestRow& row = r.tests[i];
      t.reset();
      t.bind(1, jid).bind(2, static_cast<int64_t>(i)).bind(3, row.name).bind(4, row.verdict).bind(5, row.cpu_s);
      t.bind(6, row.memory_bytes).bind(7, row.message);
      if (!t.run()) return false;
    }
    return true;
  }

  // Jobs claimed kMaxAttempts times that never completed (their lease ran out, or
  // they were given back): an internal-error judging, instead of another try.
  void give_up_exhausted(double now) {
    Statement q(db_,
                "SELECT id, submission_id, generation, attempts, COALESCE(last_error, 'the lease ran out') FROM jobs "
                "WHERE attempts >= ?1 AND (state = 'queued' OR (state = 'running' AND lease_until < ?2))");
    q.bind(1, kMaxAttempts).bind(2, now);
    std::vector<std::tuple<int64_t, int64_t, int, int64_t, std::string>> exhausted;
    while (q.step() == SQLITE_ROW)
      exhausted.emplace_back(q.integer(0), q.integer(1), static_cast<int>(q.integer(2)), q.integer(3), q.text(4));
    for (const auto& [id, sid, generation, attempts, last] : exhausted) {
      Judging ie;
      ie.verdict = "IE";
      ie.message = "internal error: " + std::to_string(attempts) + " attempts did not finish (last: " + last + ")";
      write_judging(sid, generation, ie, now);
      Statement done(db_, "UPDATE jobs SET state = 'done', lease_token = NULL WHERE id = ?");
      done.bind(1, id);
      done.run();
    }
  }

  sqlite3* db_;
  int64_t claims_ = 0;
};

}  // namespace

double now_seconds() {
  timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9;
}

std::string iso_utc(time_t t) {
  char buf[32];
  tm utc;
  gmtime_r(&t, &utc);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path, std::string* error) {
  sqlite3* db = open_sqlite(path, kSchema, error);
  return db ? std::make_unique<SqliteStore>(db) : nullptr;
}

}  // namespace store
