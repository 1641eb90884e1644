// The campaign's store: applicants, submissions, the judging queue, judgings and
// their per-test results. One interface, so that the dispatcher never sees SQL and
// a PostgreSQL store can come later (sqlite_store.cc is the embedded default).
//
// Contract (what makes grading crash-safe):
// - add_submissions() stores each submission and queues its job in one
//   transaction; a submission is never stored without its job.
// - claim_job() hands a queued job, or one whose lease has expired, to one worker
//   with a fresh lease token; a job claimed kMaxAttempts times without completing
//   becomes an internal-error judging instead of being handed out again.
// - complete_job() writes the judging and its test results in the transaction
//   that finishes the job, and only if the caller still holds the lease and the
//   job is of its problem's current generation: a late or duplicate result, or
//   one of a generation that a rejudge has replaced, changes nothing.
// - rejudge() starts a new generation for a problem; readers take the newest
//   generation that is complete.
// Time is passed in (seconds since the epoch) so that tests can move it.
// Errors are values: "" or a message that says what failed.
#pragma once

#include <ctime>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace store {

inline constexpr int kMaxAttempts = 3;

// The clock the store's times are given in: seconds since the epoch.
double now_seconds();

struct Applicant {
  std::string id, name, email, affiliation;
  std::map<std::string, std::string> extra;  // any other columns of the import
};

struct NewSubmission {
  std::string applicant_id, problem_id, language;
  int attempt = 1;           // orders several tries of one problem
  std::string source;        // the file's bytes (a directory program: not yet)
  std::string submitted_at;  // as given (ISO 8601), may be empty
};

struct Job {
  int64_t id = 0, submission_id = 0;
  int generation = 0;
  std::string lease_token;
  int attempts = 0;
  // What the worker needs to judge it.
  std::string applicant_id, problem_id, language, source, source_hash;
};

struct TestRow {
  std::string name, verdict, message;
  double cpu_s = 0;
  int64_t memory_bytes = 0;
};

struct Judging {
  std::string verdict;  // AC WA TLE RTE MLE OLE CE JE, or IE (the grading itself failed)
  double score = 0, max_score = 0, max_cpu_s = 0;
  std::string message;
  std::vector<TestRow> tests;
};

enum class Completion { Written, Stale };  // Stale: lease lost, already done, or superseded

struct QueueCounts {
  int64_t queued = 0, running = 0, done = 0;
  std::map<std::string, int64_t> verdicts;  // newest generation of each problem
  std::map<std::string, std::map<std::string, int64_t>> per_problem;  // problem -> state/verdict -> count
  double oldest_queued_age_s = 0;
  int64_t judged_last_minute = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Inserts or updates by id (a re-import never duplicates). *changed counts rows
  // that are new or different.
  virtual std::string upsert_applicants(const std::vector<Applicant>& applicants, int* changed) = 0;
  virtual std::optional<Applicant> applicant(const std::string& id) = 0;
  virtual int64_t applicant_count() = 0;

  // Problems known to the campaign; a submission must name one.
  virtual std::string register_problem(const std::string& problem_id) = 0;

  // Stores and queues every submission in one transaction each; ids[i] is the new
  // submission's id (0 if it failed, with errors[i] saying why). A submission that
  // repeats (applicant, problem, attempt) with the same source is not stored twice.
  virtual void add_submissions(const std::vector<NewSubmission>& subs, double now, std::vector<int64_t>* ids,
                               std::vector<std::string>* errors) = 0;

  // The try number a new submission of `problem_id` by `applicant_id` gets.
  virtual int next_attempt(const std::string& applicant_id, const std::string& problem_id) = 0;

  virtual std::optional<Job> claim_job(const std::string& worker, double now, double lease_s) = 0;
  virtual Completion complete_job(const Job& job, const Judging& result, double now) = 0;
  // Moves the lease's end to `until` while the holder still holds it; false if it does not.
  virtual bool renew_lease(const Job& job, double until) = 0;
  // A judging of the same source, language and problem in the job's generation
  // (identical submissions are judged once).
  virtual std::optional<Judging> same_judging(const Job& job) = 0;
  // Gives the job back before its lease ends (the worker could not judge it).
  virtual void release_job(const Job& job, const std::string& why) = 0;

  // A new generation of `problem_id`: every submission of it is queued again.
  // Returns the new generation (0 if the problem is unknown).
  virtual int rejudge(const std::string& problem_id, double now) = 0;

  // The judging of a submission in the newest generation of its problem that has
  // one, if any.
  virtual std::optional<Judging> latest_judging(int64_t submission_id) = 0;
  // The newest generation of a problem in which every submission has a judging (what
  // rankings read while a rejudge is under way); 0 if none is complete yet.
  virtual int newest_complete_generation(const std::string& problem_id) = 0;
  virtual std::optional<Judging> judging(int64_t submission_id, int generation) = 0;
  // How many judgings a submission has in one generation (1 after grading).
  virtual int judging_count(int64_t submission_id, int generation) = 0;

  virtual QueueCounts counts(double now) = 0;
};

// "2026-11-28T20:41:00Z": how submission times are written.
std::string iso_utc(time_t t);

// Opens (creating if needed) the SQLite store at `path` (WAL mode). nullptr and
// *error if it cannot.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, std::string* error);

}  // namespace store
