#include "box.h"
#include "host.h"

#include <fcntl.h>
#include <poll.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

extern char** environ;

namespace box {
namespace {

using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
  int in = -1, out = -1, err = -1;  // -1 where not piped
};

// fork+exec rather than posix_spawn: the child must close every descriptor
// except the ones a test deliberately hands down (inherit).
Child spawn(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
            bool pipe_in, bool pipe_err, const std::vector<int>& inherit = {}) {
  int in[2] = {-1, -1}, out[2], err[2] = {-1, -1};
  if (pipe_in && pipe2(in, O_CLOEXEC) != 0) return {};
  if (pipe2(out, O_CLOEXEC) != 0) return {};
  if (pipe_err && pipe2(err, O_CLOEXEC) != 0) return {};

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.insert(env_strings.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp, args;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  for (auto& s : argv) args.push_back(const_cast<char*>(s.c_str()));
  args.push_back(nullptr);

  pid_t pid = fork();
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDONLY);
    dup2(pipe_in ? in[0] : null_fd, 0);
    dup2(out[1], 1);
    if (pipe_err) dup2(err[1], 2);
    for (int fd = 3; fd < 1024; ++fd) {
      bool inherited = false;
      for (int k : inherit) inherited |= (k == fd);
      if (inherited)
        fcntl(fd, F_SETFD, 0);
      else
        close(fd);
    }
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  Child c;
  c.pid = pid;
  if (pipe_in) {
    close(in[0]);
    c.in = in[1];
  }
  close(out[1]);
  c.out = out[0];
  if (pipe_err) {
    close(err[1]);
    c.err = err[0];
  }
  return c;
}

bool drain(int fd, std::string& into) {  // false once EOF or error
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      into.append(buf, n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && errno == EAGAIN;
  }
}

int decode_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

std::string attack(const std::string& name) { return std::string(kAttacksInside) + "/" + name; }
std::string py_attack(const std::string& name) {
  return std::string(kPythonInside) + "/" + name + ".py";
}

Report Report::parse(const std::string& line) {
  Report r;
  r.raw = line;
  r.doc.Parse(line.c_str(), line.size());
  if (r.doc.HasParseError() || !r.doc.IsObject()) {
    r.problems.push_back("not a JSON object");
    return r;
  }
  r.parsed = true;
  const auto& d = r.doc;
  auto has = [&](const char* k) {
    if (d.HasMember(k)) return true;
    r.problems.push_back(std::string("missing ") + k);
    return false;
  };
  static const std::set<std::string> statuses = {"OK", "RE", "TLE", "MLE", "OLE", "SV", "IE"};
  if (has("status")) {
    if (d["status"].IsString() && statuses.count(d["status"].GetString()))
      r.status = d["status"].GetString();
    else
      r.problems.push_back("status not one of OK RE TLE MLE OLE SV IE");
  }
  if (has("limit")) {
    const auto& v = d["limit"];
    if (v.IsString() &&
        (std::string(v.GetString()) == "cpu" || std::string(v.GetString()) == "wall"))
      r.limit = v.GetString();
    else if (!v.IsNull())
      r.problems.push_back("limit neither \"cpu\", \"wall\" nor null");
    if (r.status == "TLE" && !r.limit) r.problems.push_back("TLE without limit");
    if (r.status != "TLE" && r.limit) r.problems.push_back("limit set but status not TLE");
  }
  for (auto [key, slot] : {std::pair{"exit_code", &r.exit_code}, std::pair{"signal", &r.signal}}) {
    if (!has(key)) continue;
    const auto& v = d[key];
    if (v.IsInt64())
      *slot = v.GetInt64();
    else if (!v.IsNull())
      r.problems.push_back(std::string(key) + " neither integer nor null");
  }
  for (auto [key, slot] : {std::pair{"cpu_s", &r.cpu_s}, std::pair{"wall_s", &r.wall_s}}) {
    if (!has(key)) continue;
    if (d[key].IsNumber() && d[key].GetDouble() >= 0)
      *slot = d[key].GetDouble();
    else
      r.problems.push_back(std::string(key) + " not a non-negative number");
  }
  if (has("memory_bytes")) {
    if (d["memory_bytes"].IsNumber() && d["memory_bytes"].GetDouble() >= 0)
      r.memory_bytes = static_cast<long long>(d["memory_bytes"].GetDouble());
    else
      r.problems.push_back("memory_bytes not a non-negative number");
  }
  if (has("message")) {
    if (d["message"].IsString())
      r.message = d["message"].GetString();
    else
      r.problems.push_back("message not a string");
  }
  return r;
}

std::string Report::describe() const {
  std::string s = "report: " + (raw.empty() ? std::string("<none>") : raw);
  for (const auto& p : problems) s += "\n  report problem: " + p;
  return s;
}

std::string Result::describe() const {
  auto cut = [](const std::string& s) {
    return s.size() <= 600 ? s : s.substr(0, 300) + "\n...[cut]...\n" + s.substr(s.size() - 300);
  };
  return "shortlist-box exit " + std::to_string(exit_code) + (timed_out ? " (TIMED OUT)" : "") +
         "\n" + report.describe() + "\nstdout: " + cut(out) + "\nstderr: " + cut(err);
}

Run::Run() {
  opt("--dir", std::string(kAttackBinDir) + ":" + kAttacksInside);
  opt("--dir", std::string(kAttackPyDir) + ":" + kPythonInside);
}

Run& Run::opt(const std::string& name, const std::string& value) {
  args_.push_back(name);
  args_.push_back(value);
  return *this;
}
Run& Run::flag(const std::string& raw) {
  args_.push_back(raw);
  return *this;
}
Run& Run::host_env(const std::string& name_value) {
  env_.push_back(name_value);
  return *this;
}
Run& Run::report_to(const std::string& host_path) {
  report_file_ = host_path;
  return opt("--report", host_path);
}
Run& Run::timeout(double seconds) {
  timeout_s_ = seconds;
  return *this;
}
Run& Run::inherit_fd(int fd) {
  inherit_.push_back(fd);
  return *this;
}

Result Run::exec(const std::vector<std::string>& program) const {
  std::vector<std::string> argv = {kBinary, "run"};
  argv.insert(argv.end(), args_.begin(), args_.end());
  argv.push_back("--");
  argv.insert(argv.end(), program.begin(), program.end());

  Result r;
  std::string out;
  Child c = spawn(argv, env_, false, true, inherit_);
  if (c.pid < 0) {
    r.err = "spawn failed";
    return r;
  }
  fcntl(c.out, F_SETFL, O_NONBLOCK);
  fcntl(c.err, F_SETFL, O_NONBLOCK);
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s_);
  bool out_open = true, err_open = true;
  int status = 0;
  // Stop at the child's exit, not at EOF: a leaked box process holding the
  // pipe must not hang the test (the daemon test catches that leak itself).
  for (;;) {
    pollfd fds[2] = {{c.out, POLLIN, 0}, {c.err, POLLIN, 0}};
    poll(fds, 2, 20);
    if (out_open) out_open = drain(c.out, out);
    if (err_open) err_open = drain(c.err, r.err);
    pid_t w = waitpid(c.pid, &status, WNOHANG);
    if (w == c.pid) break;
    if (Clock::now() > deadline) {
      r.timed_out = true;
      kill(c.pid, SIGKILL);
      waitpid(c.pid, &status, 0);
      break;
    }
  }
  drain(c.out, out);
  drain(c.err, r.err);
  close(c.out);
  close(c.err);
  r.exit_code = r.timed_out ? -1 : decode_status(status);

  if (!report_file_.empty()) {
    r.out = out;
    std::string line = host::read_file(report_file_);
    while (!line.empty() && line.back() == '\n') line.pop_back();
    r.report = Report::parse(line);
    return r;
  }
  // The report is the last line; everything before it is the program's output.
  if (!out.empty() && out.back() == '\n') out.pop_back();
  size_t nl = out.rfind('\n');
  std::string line = nl == std::string::npos ? out : out.substr(nl + 1);
  r.out = nl == std::string::npos ? "" : out.substr(0, nl + 1);
  r.report = Report::parse(line);
  return r;
}

Serve::Serve(const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv = {kBinary, "serve",
                                   "--dir", std::string(kAttackBinDir) + ":" + kAttacksInside,
                                   "--dir", std::string(kAttackPyDir) + ":" + kPythonInside};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  Child c = spawn(argv, {}, true, false);
  pid_ = c.pid;
  in_ = c.in;
  out_ = c.out;
  if (pid_ < 0) return;
  signal(SIGPIPE, SIG_IGN);  // a dead serve must fail a test, not kill it
  auto line = read_line(20);
  if (!line) return;
  ready_line_ = *line;
  rapidjson::Document d;
  d.Parse(line->c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("ready") || !d["ready"].IsBool() ||
      !d["ready"].GetBool() || !d.HasMember("workdir") || !d["workdir"].IsString() ||
      !d.HasMember("slot") || !d["slot"].IsInt())
    return;
  workdir_ = d["workdir"].GetString();
  started_ = true;
}

Serve::~Serve() {
  if (in_ >= 0) close(in_);
  if (pid_ > 0 && !reaped_) {
    if (!wait_exit(5)) kill9();
  }
  if (out_ >= 0) close(out_);
}

bool Serve::send_line(const std::string& line) {
  std::string s = line + "\n";
  for (size_t off = 0; off < s.size();) {
    ssize_t n = write(in_, s.data() + off, s.size() - off);
    if (n <= 0) return false;
    off += n;
  }
  return true;
}

std::optional<std::string> Serve::read_line(double timeout_s) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
  for (;;) {
    size_t nl = buffer_.find('\n');
    if (nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p = {out_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[4096];
    ssize_t n = read(out_, buf, sizeof buf);
    if (n <= 0) return std::nullopt;
    buffer_.append(buf, n);
  }
}

Report Serve::request(const std::string& json_line, double timeout_s) {
  if (!send_line(json_line)) return Report::parse("");
  auto line = read_line(timeout_s);
  return Report::parse(line.value_or(""));
}

void Serve::close_stdin() {
  if (in_ >= 0) close(in_);
  in_ = -1;
}

void Serve::close_pipes() {
  close_stdin();
  if (out_ >= 0) close(out_);
  out_ = -1;
}

std::optional<int> Serve::wait_exit(double timeout_s) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
  int status = 0;
  while (Clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      reaped_ = true;
      return decode_status(status);
    }
    usleep(10000);
  }
  return std::nullopt;
}

void Serve::kill9() {
  if (pid_ <= 0 || reaped_) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  reaped_ = true;
}

std::string json_string(const std::string& s) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  return sb.GetString();
}

std::string argv_json(const std::vector<std::string>& argv) {
  std::string s = "[";
  for (size_t i = 0; i < argv.size(); ++i) s += (i ? "," : "") + json_string(argv[i]);
  return s + "]";
}

}  // namespace box
