// The store's contract on a real SQLite file: claims and leases, generations,
// idempotent completion, the give-up rule, re-imports. Time is moved by hand.
#include "store/store.h"

#include <doctest/doctest.h>

#include "temp_tree.h"

using namespace store;

namespace {

struct Fixture {
  TempTree dir{"campaign"};
  std::unique_ptr<Store> s;
  Fixture() { reopen(); }
  void reopen() {
    s.reset();
    std::string error;
    s = open_sqlite_store((dir.root / "shortlist.db").string(), &error);
    REQUIRE(s);
    REQUIRE(error == "");
  }
  // n applicants a1..an and problem p with one submission each; returns their ids.
  std::vector<int64_t> cohort(int n, const std::string& problem = "p") {
    std::vector<Applicant> as;
    std::vector<NewSubmission> subs;
    for (int i = 1; i <= n; ++i) {
      std::string id = "a" + std::to_string(i);
      as.push_back({id, "Name " + id, id + "@x.org", "Uni", {}});
      subs.push_back({id, problem, "python3", 1, "print(" + std::to_string(i) + ")\n", ""});
    }
    int changed = 0;
    REQUIRE(s->upsert_applicants(as, &changed) == "");
    REQUIRE(s->register_problem(problem) == "");
    std::vector<int64_t> ids;
    std::vector<std::string> errors;
    s->add_submissions(subs, 1000, &ids, &errors);
    for (const std::string& e : errors) REQUIRE(e == "");
    return ids;
  }
};

Judging verdict(const char* v, double score = 0) {
  Judging j;
  j.verdict = v;
  j.score = score;
  j.max_score = 100;
  j.tests = {{"sample/1", "AC", "", 0.01, 1 << 20}, {"secret/1", v, "", 0.02, 2 << 20}};
  return j;
}

}  // namespace

TEST_CASE("store: applicants are upserted by id; a re-import changes only what differs") {
  Fixture f;
  int changed = 0;
  REQUIRE(f.s->upsert_applicants({{"a1", "Ann", "ann@x.org", "Uni A", {{"country", "NO"}}},
                                  {"a2", "Bob", "bob@y.org", "Uni B", {}}},
                                 &changed) == "");
  CHECK(changed == 2);
  REQUIRE(f.s->upsert_applicants({{"a1", "Ann", "ann@x.org", "Uni A", {{"country", "NO"}}}}, &changed) == "");
  CHECK(changed == 0);
  REQUIRE(f.s->upsert_applicants({{"a2", "Bob Smith", "bob@y.org", "Uni B", {}}}, &changed) == "");
  CHECK(changed == 1);
  CHECK(f.s->applicant_count() == 2);
  CHECK(f.s->applicant("a2")->name == "Bob Smith");
  CHECK(f.s->applicant("a1")->extra.at("country") == "NO");
  CHECK_FALSE(f.s->applicant("a9").has_value());
}

TEST_CASE("store: a submission is stored with its job, once; unknown applicants and problems are refused") {
  Fixture f;
  std::vector<int64_t> ids = f.cohort(2);
  std::vector<int64_t> again;
  std::vector<std::string> errors;
  f.s->add_submissions({{"a1", "p", "python3", 1, "print(1)\n", ""},           // the same: not stored twice
                        {"a1", "p", "python3", 1, "print('other')\n", ""},     // same attempt, other source
                        {"zz", "p", "python3", 1, "x", ""},                    // unknown applicant
                        {"a1", "nope", "python3", 1, "x", ""},                 // unknown problem
                        {"a1", "p", "cpp20", 2, "int main(){}\n", ""}},        // a second try
                       1000, &again, &errors);
  CHECK(again[0] == ids[0]);
  CHECK(errors[0] == "");
  CHECK(errors[1] == "attempt 1 of p by a1 is already stored with a different source");
  CHECK(errors[2] == "unknown applicant 'zz'");
  CHECK(errors[3] == "unknown problem 'nope'");
  CHECK(errors[4] == "");
  CHECK(again[4] > ids[1]);
  CHECK(f.s->counts(1000).queued == 3);  // two first tries and one second try
  CHECK(f.s->next_attempt("a1", "p") == 3);
  CHECK(f.s->next_attempt("a2", "p") == 2);
  CHECK(f.s->next_attempt("a9", "p") == 1);
}

TEST_CASE("store: claims hand each job out once; an expired lease is claimed again, the old holder's result is stale") {
  Fixture f;
  std::vector<int64_t> ids = f.cohort(2);
  std::optional<Job> j1 = f.s->claim_job("w1", 2000, 30);
  std::optional<Job> j2 = f.s->claim_job("w2", 2000, 30);
  REQUIRE(j1);
  REQUIRE(j2);
  CHECK(j1->submission_id == ids[0]);
  CHECK(j2->submission_id == ids[1]);
  CHECK(j1->source == "print(1)\n");
  CHECK(j1->language == "python3");
  CHECK(j1->source_hash.size() == 64);
  CHECK_FALSE(f.s->claim_job("w3", 2010, 30));  // both leased

  std::optional<Job> again = f.s->claim_job("w3", 2031, 30);  // j1's lease ran out at 2030
  REQUIRE(again);
  CHECK(again->id == j1->id);
  CHECK(again->attempts == 2);
  CHECK(again->lease_token != j1->lease_token);
  CHECK(f.s->complete_job(*j1, verdict("WA"), 2032) == Completion::Stale);  // w1 came back late
  CHECK(f.s->complete_job(*again, verdict("AC", 100), 2033) == Completion::Written);
  CHECK(f.s->complete_job(*again, verdict("AC", 100), 2034) == Completion::Stale);  // a duplicate
  CHECK(f.s->judging_count(ids[0], 1) == 1);
  std::optional<Judging> got = f.s->latest_judging(ids[0]);
  REQUIRE(got);
  CHECK(got->verdict == "AC");
  CHECK(got->score == 100);
  REQUIRE(got->tests.size() == 2);
  CHECK(got->tests[1].name == "secret/1");
  CHECK(got->tests[1].memory_bytes == (2 << 20));
}

TEST_CASE("store: a lease is renewed only by its holder; an identical submission finds the earlier judging") {
  Fixture f;
  std::vector<int64_t> ids = f.cohort(2);
  std::vector<int64_t> more;
  std::vector<std::string> errors;
  f.s->add_submissions({{"a2", "p", "python3", 2, "print(1)\n", ""}}, 1000, &more, &errors);  // a1's source
  std::optional<Job> j = f.s->claim_job("w", 2000, 30);
  CHECK(f.s->renew_lease(*j, 2100));
  CHECK_FALSE(f.s->claim_job("x", 2050, 30)->id == j->id);  // still held at 2050 thanks to the renewal
  Job other = *j;
  other.lease_token = "someone else";
  CHECK_FALSE(f.s->renew_lease(other, 3000));
  CHECK_FALSE(f.s->same_judging(*j).has_value());  // nothing judged yet
  REQUIRE(f.s->complete_job(*j, verdict("WA"), 2060) == Completion::Written);
  std::optional<Job> copy;
  while (std::optional<Job> n = f.s->claim_job("w", 2070, 30))
    if (n->submission_id == more[0]) copy = n;
  REQUIRE(copy);
  std::optional<Judging> same = f.s->same_judging(*copy);
  REQUIRE(same);
  CHECK(same->verdict == "WA");
  CHECK(same->tests.size() == 2);
}

TEST_CASE("store: a job that never completes in kMaxAttempts claims becomes an internal error, not a loop") {
  Fixture f;
  std::vector<int64_t> ids = f.cohort(1);
  double now = 2000;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    std::optional<Job> j = f.s->claim_job("w", now, 10);
    REQUIRE(j);
    CHECK(j->attempts == attempt);
    if (attempt == 2) {
      f.s->release_job(*j, "box crashed");  // given back: queued again at once
    } else {
      now += 11;  // the worker died: the lease runs out
    }
  }
  now += 11;
  CHECK_FALSE(f.s->claim_job("w", now, 10));
  std::optional<Judging> ie = f.s->latest_judging(ids[0]);
  REQUIRE(ie);
  CHECK(ie->verdict == "IE");
  CHECK(ie->message == "internal error: 3 attempts did not finish (last: box crashed)");
  QueueCounts c = f.s->counts(now);
  CHECK(c.done == 1);
  CHECK(c.queued == 0);
  CHECK(c.verdicts["IE"] == 1);
}

TEST_CASE("store: rejudge starts a new generation; a result of the old one changes nothing") {
  Fixture f;
  std::vector<int64_t> ids = f.cohort(2);
  std::optional<Job> a = f.s->claim_job("w", 2000, 30);
  std::optional<Job> b = f.s->claim_job("w", 2000, 30);
  REQUIRE(f.s->complete_job(*a, verdict("WA"), 2001) == Completion::Written);
  CHECK(f.s->rejudge("p", 2002) == 2);
  CHECK(f.s->rejudge("unknown", 2002) == 0);
  CHECK(f.s->complete_job(*b, verdict("AC", 100), 2003) == Completion::Stale);  // b was of generation 1
  CHECK(f.s->judging_count(ids[1], 1) == 0);
  QueueCounts c = f.s->counts(2003);
  CHECK(c.queued == 2);  // both, in generation 2
  CHECK(c.verdicts.empty());  // nothing judged yet in the newest generation
  std::optional<Job> n = f.s->claim_job("w", 2004, 30);
  REQUIRE(n);
  CHECK(n->generation == 2);
  REQUIRE(f.s->complete_job(*n, verdict("AC", 100), 2005) == Completion::Written);
  CHECK(f.s->latest_judging(ids[0])->verdict == "AC");  // generation 2 over generation 1's WA
  // Generation 1 was never complete (b's result was stale), generation 2 is not yet:
  CHECK(f.s->newest_complete_generation("p") == 0);
  std::optional<Job> m = f.s->claim_job("w", 2006, 30);
  REQUIRE(f.s->complete_job(*m, verdict("TLE"), 2007) == Completion::Written);
  CHECK(f.s->newest_complete_generation("p") == 2);
  CHECK(f.s->judging(ids[1], 2)->verdict == "TLE");
  CHECK(f.s->judging(ids[0], 1)->verdict == "WA");
  CHECK_FALSE(f.s->judging(ids[1], 1).has_value());
  CHECK(f.s->rejudge("p", 2008) == 3);
  CHECK(f.s->newest_complete_generation("p") == 2);  // rankings keep generation 2 while 3 runs
  CHECK(f.s->judging_count(ids[0], 1) == 1);
  CHECK(f.s->judging_count(ids[0], 2) == 1);
}

TEST_CASE("store: what is committed survives closing and reopening; counts per state, verdict and problem") {
  Fixture f;
  std::vector<int64_t> ids = f.cohort(3);
  std::optional<Job> j = f.s->claim_job("w", 2000, 30);
  REQUIRE(f.s->complete_job(*j, verdict("TLE"), 2001) == Completion::Written);
  f.s->claim_job("w", 2002, 30);
  f.reopen();
  QueueCounts c = f.s->counts(2010);
  CHECK(c.done == 1);
  CHECK(c.running == 1);
  CHECK(c.queued == 1);
  CHECK(c.verdicts["TLE"] == 1);
  CHECK(c.per_problem["p"]["queued"] == 1);
  CHECK(c.per_problem["p"]["TLE"] == 1);
  CHECK(c.oldest_queued_age_s == doctest::Approx(1010));
  CHECK(c.judged_last_minute == 1);
  CHECK(f.s->latest_judging(ids[0])->verdict == "TLE");
}
