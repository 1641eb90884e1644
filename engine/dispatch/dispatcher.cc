#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include "dispatch/dispatcher.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "judge/judge.h"
#include "store/store.h"
#include "verify/package_time_limit.h"

namespace dispatch {
namespace {

using store::now_seconds;

// A problem as the workers judge it: loaded once, with its time limit.
struct LoadedProblem {
  engine::Problem problem;
  double time_limit = 0;
  std::string error;  // the package cannot be judged: why
};

// The file name a source is judged under: Java wants its public class's name.
std::string source_file_name(const engine::Language& lang, const std::string& source) {
  std::string ext = lang.extensions.empty() ? "txt" : lang.extensions[0];
  if (lang.id == "java") {
    static const std::regex public_class(R"(public\s+(?:final\s+)?class\s+([A-Za-z_][A-Za-z0-9_]*))");
    std::smatch m;
    if (std::regex_search(source, m, public_class)) return m[1].str() + ".java";
    return "Main.java";
  }
  return "main." + ext;
}

store::Judging to_judging(const engine::JudgeResult& r) {
  store::Judging j;
  j.verdict = graders::verdict_name(r.verdict);
  j.score = r.score;
  j.max_score = r.max_score;
  j.max_cpu_s = r.max_cpu_s;
  j.message = r.message;
  for (const engine::TestResult& t : r.tests)
    j.tests.push_back({t.name, graders::verdict_name(t.verdict), t.message, t.cpu_s, t.memory_bytes});
  return j;
}

class Dispatcher {
 public:
  Dispatcher(const campaign::Campaign& c, const GradeOptions& o) : campaign_(c), options_(o) {}

  GradeSummary run() {
    int workers = options_.workers > 0 ? options_.workers : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    workers = std::min(workers, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    std::string error;
    std::unique_ptr<store::Store> heartbeat = store::open_sqlite_store(db_path(), &error);
    if (!heartbeat) {
      std::fprintf(stderr, "shortlist grade: %s\n", error.c_str());
      summary_.interrupted = true;
      return summary_;
    }
    total_at_start_ = remaining(*heartbeat);
    started_ = last_line_ = now_seconds();

    std::vector<std::thread> threads;
    std::atomic<int> running_workers{workers};
    for (int i = 0; i < workers; ++i)
      threads.emplace_back([this, i, &running_workers] {
        work(i);
        if (--running_workers == 0) io_.stop();
      });

    boost::asio::signal_set signals(io_, SIGINT, SIGTERM);
    signals.async_wait([this](const boost::system::error_code& ec, int) {
      if (ec) return;
      stopping_ = true;
      summary_.interrupted = true;
      wake_.notify_all();
      std::fprintf(stderr, "\nshortlist grade: stopping after the running jobs (their results are kept)\n");
    });
    boost::asio::steady_timer tick(io_);
    std::function<void()> every_second = [&] {
      tick.expires_after(std::chrono::seconds(1));
      tick.async_wait([&](const boost::system::error_code& ec) {
        if (ec) return;
        renew_leases(*heartbeat);
        report(*heartbeat, false);
        every_second();
      });
    };
    every_second();
    io_.run();
    for (std::thread& t : threads) t.join();
    report(*heartbeat, true);
    return summary_;
  }

 private:
  std::string db_path() const { return campaign_.dir + "/shortlist.db"; }

  int64_t remaining(store::Store& s) {
    store::QueueCounts c = s.counts(now_seconds());
    return c.queued + c.running;
  }

  const LoadedProblem& problem(const std::string& id) {
    std::lock_guard<std::mutex> lock(problems_mutex_);
    auto it = problems_.find(id);
    if (it != problems_.end()) return it->second;
    LoadedProblem& p = problems_[id];
    const campaign::ProblemRef* ref = campaign_.problem(id);
    if (!ref) {
      p.error = "problem '" + id + "' is no longer in campaign.yaml";
      return p;
    }
    p.problem = engine::Problem::load(campaign_.problem_path(*ref));
    for (const package::Diagnostic& d : p.problem.diagnostics)
      if (d.error) p.error += (p.error.empty() ? "" : "; ") + d.to_string();
    if (!p.error.empty()) {
      p.error = "the package " + id + " has errors (run shortlist verify): " + p.error;
      return p;
    }
    std::vector<package::Diagnostic> d;
    engine::PackageTimeLimit tl = engine::package_time_limit(
        p.problem, package::find_submissions(p.problem.dir, p.problem.config, &d), *options_.languages,
        options_.box_binary);
    if (tl.seconds <= 0) p.error = "no time limit for " + id + ": " + (tl.error.empty() ? tl.source : tl.error);
    p.time_limit = tl.seconds;
    return p;
  }

  void work(int slot) {
    std::string error;
    std::unique_ptr<store::Store> st = store::open_sqlite_store(db_path(), &error);
    if (!st) {
      std::fprintf(stderr, "shortlist grade: worker %d: %s\n", slot, error.c_str());
      return;
    }
    std::string worker = "grade-" + std::to_string(getpid()) + "-" + std::to_string(slot);
    char tmpl[] = "/tmp/shortlist-grade-XXXXXX";
    std::string scratch = mkdtemp(tmpl) ? tmpl : "/tmp";
    while (!stopping_) {
      std::optional<store::Job> job = st->claim_job(worker, now_seconds(), options_.lease_s);
      if (!job) {
        if (!options_.follow) break;
        std::unique_lock<std::mutex> lock(wake_mutex_);
        wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_.load(); });
        continue;
      }
      hold(slot, *job);
      bool reused = false;
      int builds = 0, cached = 0;
      store::Judging result = judge(*st, *job, scratch, &reused, &builds, &cached);
      release_hold(slot);
      store::Completion done = st->complete_job(*job, result, now_seconds());
      std::lock_guard<std::mutex> lock(counts_mutex_);
      summary_.builds += builds;
      summary_.builds_from_cache += cached;
      if (done == store::Completion::Stale) ++summary_.stale;
      else if (reused) ++summary_.reused;
      else if (result.verdict == "IE") ++summary_.internal_errors;
      else ++summary_.judged;
    }
    std::error_code ec;
    if (scratch != "/tmp") std::filesystem::remove_all(scratch, ec);
  }

  store::Judging judge(store::Store& st, const store::Job& job, const std::string& scratch, bool* reused, int* builds,
                       int* cached) {
    store::Judging ie;
    ie.verdict = "IE";
    if (std::optional<store::Judging> same = st.same_judging(job)) {
      *reused = true;
      return *same;
    }
    const LoadedProblem& p = problem(job.problem_id);
    if (!p.error.empty()) {
      ie.message = p.error;
      return ie;
    }
    const engine::Language* lang = options_.languages->by_id(job.language);
    if (!lang) {
      ie.message = "language '" + job.language + "' is not in languages.yaml";
      return ie;
    }
    std::string dir = scratch + "/" + std::to_string(job.id);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string path = dir + "/" + source_file_name(*lang, job.source);
    std::ofstream out(path, std::ios::binary);
    out << job.source;
    out.close();
    if (ec || !out) {
      ie.message = "cannot write the source to " + path + (ec ? ": " + ec.message() : "");
      return ie;
    }
    engine::JudgeOptions o{options_.box_binary, p.time_limit, options_.languages, engine::default_cache_dir(), {}};
    engine::JudgeResult r = engine::judge(p.problem, path, *lang, o);
    *builds = r.builds;
    *cached = r.builds_from_cache;
    std::filesystem::remove_all(dir, ec);
    return to_judging(r);
  }

  void hold(int slot, const store::Job& job) {
    std::lock_guard<std::mutex> lock(held_mutex_);
    held_[slot] = job;
  }
  void release_hold(int slot) {
    std::lock_guard<std::mutex> lock(held_mutex_);
    held_.erase(slot);
  }

  // Every lease_s / 3, the running jobs' leases are moved on: a live grader never
  // loses a job, a dead one's jobs come back after lease_s.
  void renew_leases(store::Store& s) {
    double now = now_seconds();
    if (now - last_renewal_ < options_.lease_s / 3) return;
    last_renewal_ = now;
    std::lock_guard<std::mutex> lock(held_mutex_);
    for (const auto& [slot, job] : held_) s.renew_lease(job, now + options_.lease_s);
  }

  void report(store::Store& s, bool final) {
    double now = now_seconds();
    if (!final && !options_.terminal && now - last_line_ < 10) return;
    last_line_ = now;
    store::QueueCounts c = s.counts(now);
    int64_t left = c.queued + c.running;
    GradeSummary so_far;
    {
      std::lock_guard<std::mutex> lock(counts_mutex_);
      so_far = summary_;
    }
    int64_t done = so_far.judged + so_far.reused + so_far.internal_errors;
    if (!final && !options_.terminal && done == last_done_) return;  // idle (--follow): nothing new to say
    last_done_ = done;
    double rate = now > started_ ? done / (now - started_) : 0;
    std::string verdicts;
    for (const auto& [v, n] : c.verdicts) verdicts += " " + v + " " + std::to_string(n);
    char eta[32] = "-";
    if (rate > 0 && left > 0) std::snprintf(eta, sizeof eta, "%.0f s", left / rate);
    int64_t total = std::max<int64_t>(total_at_start_, done + left);
    if (options_.terminal && !final) {
      int width = 24, filled = total ? static_cast<int>(width * done / total) : width;
      std::fprintf(stderr, "\r\033[K[%s%s] %lld/%lld  %.1f/s  ETA %s |%s", std::string(filled, '#').c_str(),
                   std::string(width - filled, '.').c_str(), static_cast<long long>(done),
                   static_cast<long long>(total), rate, eta, verdicts.c_str());
      return;
    }
    if (options_.terminal) std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr,
                 "graded %lld this run (%lld reused, %lld internal errors), %lld left, %.1f/s; builds %lld (%lld from "
                 "the compile cache);%s\n",
                 static_cast<long long>(done), static_cast<long long>(so_far.reused),
                 static_cast<long long>(so_far.internal_errors), static_cast<long long>(left), rate,
                 static_cast<long long>(so_far.builds), static_cast<long long>(so_far.builds_from_cache),
                 verdicts.c_str());
  }

  const campaign::Campaign& campaign_;
  GradeOptions options_;
  boost::asio::io_context io_;
  std::atomic<bool> stopping_{false};
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  std::mutex problems_mutex_;
  std::map<std::string, LoadedProblem> problems_;
  std::mutex held_mutex_;
  std::map<int, store::Job> held_;
  std::mutex counts_mutex_;
  GradeSummary summary_;
  int64_t total_at_start_ = 0, last_done_ = -1;
  double started_ = 0, last_renewal_ = 0, last_line_ = 0;
};

}  // namespace

GradeSummary grade(const campaign::Campaign& campaign, const GradeOptions& options) {
  return Dispatcher(campaign, options).run();
}

}  // namespace dispatch
