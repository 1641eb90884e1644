// Benchmark of shortlist-box (run it with `scripts/bench sandbox`).
//
// For two programs, a tiny static C program and `python3 -c pass`, it times one run three ways:
//   bare      fork + execve + waitpid of the program from this process (plain fork, not vfork);
//   resident  one request/report round trip to a single `shortlist-box serve`;
//   one-shot  fork + execve of `shortlist-box run ... --report - -- program`, read its report
//             from a pipe, waitpid.
// After a warm-up the three take turns in blocks (rotating which goes first), so a change in
// machine load hits them alike; a short pause before each block lets the kernel finish what the
// last one deferred. Prints median and p99 per run and the ratios to bare. A run whose
// status is not OK is counted as a failure, left out of the figures, and makes the exit code 1.

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

extern char** environ;

namespace {

// Targets from the design: resident p50 <= 1.3x bare, resident p99 <= 2x its p50, one-shot <= 3x.
constexpr double kResidentTarget = 1.3, kTailTarget = 2.0, kOneShotTarget = 3.0;
constexpr int kSettleMs = 50;  // pause before each block

[[noreturn]] void die(const std::string& msg) {
  fprintf(stderr, "sandbox_bench: %s\n", msg.c_str());
  exit(1);
}

using Clock = std::chrono::steady_clock;
double micros_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

// An argv built once, so that timed code only forks and execs.
struct Argv {
  std::vector<std::string> args;
  std::vector<char*> ptrs;
  explicit Argv(std::vector<std::string> a) : args(std::move(a)) {
    for (auto& s : args) ptrs.push_back(s.data());
    ptrs.push_back(nullptr);
  }
  Argv(const Argv&) = delete;
};

// fork + execve; the child's stdout (and stderr) go to out_fd (err_fd) when it is >= 0.
pid_t spawn(const Argv& cmd, int out_fd = -1, int err_fd = -1) {
  pid_t pid = fork();
  if (pid < 0) die("fork: " + std::string(strerror(errno)));
  if (pid == 0) {
    if (out_fd >= 0) dup2(out_fd, 1);
    if (err_fd >= 0) dup2(err_fd, 2);
    execve(cmd.ptrs[0], cmd.ptrs.data(), environ);
    _exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) die("waitpid: " + std::string(strerror(errno)));
  return status;
}

std::string read_all(int fd) {
  std::string s;
  char chunk[4096];
  for (ssize_t n; (n = read(fd, chunk, sizeof chunk)) != 0;)
    if (n > 0) s.append(chunk, n);
    else if (errno != EINTR) die("read: " + std::string(strerror(errno)));
  return s;
}

// Runs cmd to its end; returns what it printed (stdout and stderr) and its wait status.
std::string capture(const Argv& cmd, int& status) {
  int p[2];
  if (pipe2(p, O_CLOEXEC)) die("pipe2");
  pid_t pid = spawn(cmd, p[1], p[1]);
  close(p[1]);
  std::string out = read_all(p[0]);
  close(p[0]);
  status = wait_for(pid);
  return out;
}

std::string describe(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  return "signal " + std::to_string(WTERMSIG(status));
}

// Empty when `report` is a JSON object with "status":"OK" (and the wanted id, if any).
std::string check_report(const std::string& report, rapidjson::Document& d, int id = -1) {
  d.Parse(report.c_str());
  if (report.empty()) return "no report";
  if (d.HasParseError() || !d.IsObject()) return "not a JSON object: " + report;
  if (id >= 0 && (!d.HasMember("id") || !d["id"].IsInt() || d["id"].GetInt() != id))
    return "answer to another id: " + report;
  if (!d.HasMember("status") || !d["status"].IsString() || std::string(d["status"].GetString()) != "OK")
    return report;
  return "";
}

// One `shortlist-box serve` with pipes to its stdin and stdout; EOF on its stdin ends it.
class Resident {
 public:
  Resident(const std::string& box, const std::string& dir) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC)) die("pipe2");
    Argv cmd({box, "serve", "--dir", dir + ":/bench"});
    pid_ = fork();
    if (pid_ < 0) die("fork");
    if (pid_ == 0) {
      dup2(in[0], 0), dup2(out[1], 1);
      execve(cmd.ptrs[0], cmd.ptrs.data(), environ);
      _exit(127);
    }
    close(in[0]), close(out[1]);
    to_ = in[1], from_ = out[0];
    std::string ready = read_line();
    rapidjson::Document d;
    d.Parse(ready.c_str());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("ready") || !d["ready"].IsTrue())
      die("serve did not say ready; its first line: " + ready);
  }
  ~Resident() {
    close(to_);
    wait_for(pid_);
    close(from_);
  }

  std::string round_trip(const std::string& request) {
    for (size_t done = 0; done < request.size();) {
      ssize_t n = write(to_, request.data() + done, request.size() - done);
      if (n < 0 && errno != EINTR) die("write to serve: " + std::string(strerror(errno)));
      if (n > 0) done += n;
    }
    return read_line();
  }

 private:
  std::string read_line() {
    for (;;) {
      if (size_t nl = buf_.find('\n'); nl != std::string::npos) {
        std::string line = buf_.substr(0, nl);
        buf_.erase(0, nl + 1);
        return line;
      }
      pollfd p{from_, POLLIN, 0};
      if (poll(&p, 1, 10000) == 0) die("serve sent no line for 10 s");
      char chunk[4096];
      ssize_t n = read(from_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) die("serve closed its stdout");
      buf_.append(chunk, n);
    }
  }
  pid_t pid_;
  int to_, from_;
  std::string buf_;
};

// A program as the host runs it and as the box runs it, with the memory limit it gets.
struct Workload {
  std::string name;
  std::vector<std::string> host_argv, box_argv;
  std::string memory;
  int runs, block;
};

struct Stats {
  size_t runs = 0;
  double p50 = NAN, p99 = NAN, mean = NAN;
  int failed = 0;
  std::string first_failure;
};

// Percentiles by nearest rank.
Stats stats(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto rank = [&](double p) { return v[std::max<size_t>(1, std::ceil(p * v.size())) - 1]; };
  double sum = 0;
  for (double x : v) sum += x;
  s.runs = v.size(), s.p50 = rank(0.50), s.p99 = rank(0.99), s.mean = sum / v.size();
  return s;
}

struct Result {
  std::string name;
  Stats mode[3];             // bare, resident, one-shot
  double reported_wall_p50;  // the box's own wall_s for the resident runs, in µs
  double resident_ratio() const { return mode[1].p50 / mode[0].p50; }
  double tail_ratio() const { return mode[1].p99 / mode[1].p50; }
  double oneshot_ratio() const { return mode[2].p50 / mode[0].p50; }
  bool met() const {
    return resident_ratio() <= kResidentTarget && tail_ratio() <= kTailTarget &&
           oneshot_ratio() <= kOneShotTarget;
  }
};

std::string json_array(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); i++) s += (i ? ",\"" : "\"") + v[i] + "\"";  // no escapes needed
  return s + "]";
}

Result measure(const Workload& w, const std::string& box, const std::string& dir, Resident& serve) {
  Argv bare(w.host_argv);
  std::vector<std::string> run = {box,      "run",    "--cpu", "1",           "--wall",   "2",
                                  "--memory", w.memory, "--dir", dir + ":/bench", "--report", "-", "--"};
  run.insert(run.end(), w.box_argv.begin(), w.box_argv.end());
  Argv oneshot(run);
  std::string request_tail = ",\"argv\":" + json_array(w.box_argv) +
                             ",\"cpu\":1,\"wall\":2,\"memory\":\"" + w.memory + "\"}\n";
  int id = 0;
  std::vector<double> reported_wall;

  // Each returns the microseconds of one run and sets `failure` when the run was not OK.
  auto time_bare = [&](std::string& failure) {
    auto t0 = Clock::now();
    int status = wait_for(spawn(bare));
    double us = micros_since(t0);
    if (status != 0) failure = "bare run: " + describe(status);
    return us;
  };
  auto time_resident = [&](std::string& failure) {
    std::string request = "{\"id\":" + std::to_string(++id) + request_tail;
    auto t0 = Clock::now();
    std::string report = serve.round_trip(request);
    double us = micros_since(t0);
    rapidjson::Document d;
    failure = check_report(report, d, id);
    if (failure.empty() && d.HasMember("wall_s") && d["wall_s"].IsNumber())
      reported_wall.push_back(d["wall_s"].GetDouble() * 1e6);
    return us;
  };
  auto time_oneshot = [&](std::string& failure) {
    int p[2];
    if (pipe2(p, O_CLOEXEC)) die("pipe2");
    auto t0 = Clock::now();
    pid_t pid = spawn(oneshot, p[1]);
    close(p[1]);
    std::string out = read_all(p[0]);
    int status = wait_for(pid);
    double us = micros_since(t0);
    close(p[0]);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    std::string report = out.substr(out.rfind('\n') + 1);  // the report is the last line
    rapidjson::Document d;
    std::string bad = check_report(report, d);
    if (status != 0 || !bad.empty()) failure = describe(status) + "; " + (bad.empty() ? report : bad);
    return us;
  };
  std::function<double(std::string&)> modes[3] = {time_bare, time_resident, time_oneshot};
  std::vector<double> samples[3];
  Result r{w.name};

  std::string ignored;
  for (int i = 0; i < std::max(1, w.block / 2); i++)  // warm-up: caches, page tables, CPU clocks
    for (auto& m : modes) m(ignored);
  reported_wall.clear();
  int failed[3] = {};
  std::string first_failure[3];
  for (int done = 0, k = 0; done < w.runs; done += w.block, k++) {
    for (int j = 0; j < 3; j++) {
      int m = (j + k) % 3;  // rotate the order of the modes from block to block
      usleep(kSettleMs * 1000);  // let deferred kernel work of the last block (netns teardown) end
      for (int i = 0; i < std::min(w.block, w.runs - done); i++) {
        std::string failure;
        double us = modes[m](failure);
        if (failure.empty()) samples[m].push_back(us);
        else if (failed[m]++ == 0) first_failure[m] = failure;
      }
    }
  }
  for (int m = 0; m < 3; m++) {
    r.mode[m] = stats(samples[m]);
    r.mode[m].failed = failed[m], r.mode[m].first_failure = first_failure[m];
  }
  r.reported_wall_p50 = stats(reported_wall).p50;
  return r;
}

const char* kModeNames[3] = {"bare", "resident", "one-shot"};

void print_table(const std::vector<Result>& results) {
  auto verdict = [](double v, double target) { return v <= target ? "ok" : "MISSED"; };
  printf("%-7s %-9s %6s %8s %8s %8s %9s   %s\n", "program", "mode", "runs", "p50 µs", "p99 µs",
         "p99/p50", "p50/bare", "targets");
  for (const Result& r : results) {
    for (int m = 0; m < 3; m++) {
      const Stats& s = r.mode[m];
      printf("%-7s %-9s %6zu %8.0f %8.0f %8.2f %9.2f", r.name.c_str(), kModeNames[m], s.runs, s.p50,
             s.p99, s.p99 / s.p50, s.p50 / r.mode[0].p50);
      if (m == 1)
        printf("   p50/bare <= %.1f %s, p99/p50 <= %.0f %s", kResidentTarget,
               verdict(r.resident_ratio(), kResidentTarget), kTailTarget, verdict(r.tail_ratio(), kTailTarget));
      if (m == 2)
        printf("   p50/bare <= %.0f %s", kOneShotTarget, verdict(r.oneshot_ratio(), kOneShotTarget));
      printf("\n");
      if (s.failed) printf("        %d FAILED, the first: %s\n", s.failed, s.first_failure.c_str());
    }
    if (!std::isnan(r.reported_wall_p50))
      printf("        (the box's own wall_s for a resident run, p50: %.0f µs)\n", r.reported_wall_p50);
  }
}

std::string to_json(const std::vector<Result>& results, const std::string& check, int check_status,
                    double ready_ms, int pin) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  auto number = [&](double v, double scale = 1) {
    std::isnan(v) ? w.Null() : w.Double(std::round(v * scale) / scale);
  };
  w.StartObject();
  w.Key("bench"), w.String("sandbox");
  w.Key("pinned_cpu");
  pin >= 0 ? w.Int(pin) : w.Null();
  rapidjson::Document parsed;  // `check --json` prints an object; keep any other text as a string
  parsed.Parse(check.c_str());
  w.Key("check");
  parsed.HasParseError() ? w.String(check.c_str()) : parsed.Accept(w);
  w.Key("check_exit"), w.Int(check_status);
  w.Key("serve_ready_ms"), number(ready_ms, 10);
  w.Key("targets");
  w.StartObject();
  w.Key("resident_p50_over_bare"), w.Double(kResidentTarget);
  w.Key("resident_p99_over_p50"), w.Double(kTailTarget);
  w.Key("oneshot_p50_over_bare"), w.Double(kOneShotTarget);
  w.EndObject();
  bool met = true;
  int failed = 0;
  for (const Result& r : results) {
    met = met && r.met();
    w.Key(r.name.c_str());
    w.StartObject();
    for (int m = 0; m < 3; m++) {
      const Stats& s = r.mode[m];
      failed += s.failed;
      w.Key(m == 2 ? "oneshot" : kModeNames[m]);
      w.StartObject();
      w.Key("runs"), w.Uint64(s.runs);
      w.Key("p50_us"), number(s.p50);
      w.Key("p99_us"), number(s.p99);
      w.Key("mean_us"), number(s.mean);
      w.Key("failed"), w.Int(s.failed);
      if (s.failed) w.Key("first_failure"), w.String(s.first_failure.c_str());
      w.EndObject();
    }
    w.Key("resident_p50_over_bare"), number(r.resident_ratio(), 100);
    w.Key("resident_p99_over_p50"), number(r.tail_ratio(), 100);
    w.Key("oneshot_p50_over_bare"), number(r.oneshot_ratio(), 100);
    w.Key("resident_reported_wall_p50_us"), number(r.reported_wall_p50);
    w.EndObject();
  }
  w.Key("failed_runs"), w.Int(failed);
  w.Key("targets_met"), w.Bool(met && failed == 0);
  w.EndObject();
  return sb.GetString();
}

void usage(FILE* f) {
  fprintf(f,
          "usage: sandbox_bench [--runs N] [--python-runs M] [--pin CPU] [--json] [--box PATH] [--tiny PATH]\n"
          "  --runs N         runs of the tiny static program per mode (default 2000)\n"
          "  --python-runs M  runs of python3 -c pass per mode (default N/10)\n"
          "  --pin CPU        run everything (bare, serve and its box, one-shot) on one CPU,\n"
          "                   as an engine's worker slot does\n"
          "  --json           print only one JSON line\n"
          "  --box PATH       shortlist-box binary (default %s)\n"
          "  --tiny PATH      the tiny static program (default %s)\n"
          "Exit code: 0 when every run was OK (targets met or not), 1 otherwise.\n",
          BENCH_BOX, BENCH_TINY);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 2000, python_runs = -1, pin = -1;
  bool json = false;
  std::string box = BENCH_BOX, tiny = BENCH_TINY;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--runs" && has_value) runs = atoi(argv[++i]);
    else if (a == "--python-runs" && has_value) python_runs = atoi(argv[++i]);
    else if (a == "--json") json = true;
    else if (a == "--pin" && has_value) pin = atoi(argv[++i]);
    else if (a == "--box" && has_value) box = argv[++i];
    else if (a == "--tiny" && has_value) tiny = argv[++i];
    else if (a == "-h" || a == "--help") return usage(stdout), 0;
    else return usage(stderr), 2;
  }
  if (runs < 1) die("--runs must be at least 1");
  if (python_runs < 1) python_runs = std::max(1, runs / 10);
  if (access(box.c_str(), X_OK)) die(box + " is not there (build the shortlist-box target)");
  if (access(tiny.c_str(), X_OK)) die(tiny + " is not there (build the bench_tiny target)");
  tiny = std::filesystem::canonical(tiny);
  std::string dir = std::filesystem::path(tiny).parent_path();
  signal(SIGPIPE, SIG_IGN);  // a dead serve shows as a write error, not a silent exit
  if (pin >= 0) {
    // Everything started from here (bare programs, serve, its box, one-shot runs)
    // inherits the CPU: how an engine runs one worker slot per core.
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(pin, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) die("--pin " + std::to_string(pin) + ": " + strerror(errno));
  }

  int check_status;
  std::string check = capture(json ? Argv({box, "check", "--json"}) : Argv({box, "check"}), check_status);
  check_status = WIFEXITED(check_status) ? WEXITSTATUS(check_status) : 128 + WTERMSIG(check_status);
  if (!json) {
    printf("$ shortlist-box check   (exit %d)\n%s", check_status, check.c_str());
    if (!check.empty() && check.back() != '\n') printf("\n");
    fflush(stdout);
  }

  const int block = 100;
  std::vector<Workload> workloads = {
      {"tiny", {tiny}, {"/bench/tiny"}, "64m", runs, std::min(block, runs)},
      {"python", {"/usr/bin/python3", "-c", "pass"}, {"/usr/bin/python3", "-c", "pass"}, "256m",
       python_runs, std::max(1, std::min(block / 10, python_runs))},
  };
  std::vector<Result> results;
  double ready_ms;
  {
    auto t0 = Clock::now();
    Resident serve(box, dir);
    ready_ms = micros_since(t0) / 1000;
    for (const Workload& w : workloads) results.push_back(measure(w, box, dir, serve));
  }

  int failed = 0;
  for (const Result& r : results)
    for (const Stats& s : r.mode) failed += s.failed;
  if (!json) {
    printf("\nsandbox (%s): %d + %d runs per mode, taking turns in blocks of %d/%d (%d ms apart) after a warm-up\n"
           "bare = fork+execve+waitpid; resident = request/report round trip to one `serve`;\n"
           "one-shot = fork+execve+waitpid of `shortlist-box run --report -`; p50/p99 by nearest rank\n\n",
           pin >= 0 ? ("everything pinned to CPU " + std::to_string(pin)).c_str() : "unpinned", runs, python_runs,
           workloads[0].block, workloads[1].block, kSettleMs);
    print_table(results);
    printf("serve was ready %.1f ms after it was started\n\n", ready_ms);
  }
  printf("%s\n", to_json(results, check, check_status, ready_ms, pin).c_str());
  return failed ? 1 : 0;
}
