// Runs the real shortlist-box binary (one-shot or resident) and parses its
// reports. Everything here goes through the binary's public interface only.
#pragma once

#include <rapidjson/document.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace box {

// Where CMake put things; the attack folders are bound into every box at
// kAttacksInside (C programs) and kPythonInside (*.py).
inline constexpr const char* kBinary = SHORTLIST_BOX;
inline constexpr const char* kAttackBinDir = ATTACK_BIN_DIR;
inline constexpr const char* kAttackPyDir = ATTACK_PY_DIR;
inline constexpr const char* kAttacksInside = "/attacks";
inline constexpr const char* kPythonInside = "/pyattacks";
inline constexpr const char* kPython = "/usr/bin/python3";

std::string attack(const std::string& name);     // "/attacks/<name>"
std::string py_attack(const std::string& name);  // "/pyattacks/<name>.py"

// One report, with every field type-checked against the contract; `problems`
// lists each violation so a malformed report fails loudly.
struct Report {
  bool parsed = false;
  std::string raw;
  std::vector<std::string> problems;
  std::string status;
  std::optional<std::string> limit;
  std::optional<long long> exit_code, signal;
  double cpu_s = -1, wall_s = -1;
  long long memory_bytes = -1;
  std::string message;
  rapidjson::Document doc;  // the whole object, e.g. for "id" in resident mode

  static Report parse(const std::string& line);
  bool valid() const { return parsed && problems.empty(); }
  std::string describe() const;  // for failure messages
};

struct Result {
  int exit_code = -1;  // of shortlist-box itself; -1 if it died of a signal
  bool timed_out = false;
  std::string out;  // shortlist-box stdout without the report line
  std::string err;
  Report report;
  std::string describe() const;
};

// A one-shot `shortlist-box run` invocation, built up option by option.
class Run {
 public:
  Run();  // binds the attack folders, nothing else
  Run& opt(const std::string& name, const std::string& value);
  Run& flag(const std::string& raw);             // an argument as is (bad-argument tests)
  Run& host_env(const std::string& name_value);  // environment of shortlist-box itself
  Run& report_to(const std::string& host_path);  // --report FILE, read back after the run
  Run& timeout(double seconds);
  Run& inherit_fd(int fd);  // left open (no O_CLOEXEC) for shortlist-box
  Result exec(const std::vector<std::string>& program) const;

 private:
  std::vector<std::string> args_;
  std::vector<std::string> env_;
  std::string report_file_;
  std::vector<int> inherit_;
  double timeout_s_ = 60;
};

// A `shortlist-box serve` process with pipes to its stdin and stdout.
class Serve {
 public:
  explicit Serve(const std::vector<std::string>& extra_args = {});
  ~Serve();
  Serve(const Serve&) = delete;
  Serve& operator=(const Serve&) = delete;

  // The ready line: {"ready":true,"slot":N,"workdir":"HOST_PATH"}.
  bool started() const { return started_; }
  const std::string& ready_line() const { return ready_line_; }
  const std::string& workdir() const { return workdir_; }
  pid_t pid() const { return pid_; }

  bool send_line(const std::string& line);
  std::optional<std::string> read_line(double timeout_s);
  Report request(const std::string& json_line, double timeout_s = 30);
  void close_stdin();
  void close_pipes();  // as an engine that died: nobody writes requests or reads answers
  std::optional<int> wait_exit(double timeout_s);  // exit code, or nullopt on timeout
  void kill9();

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string buffer_;
  bool started_ = false;
  std::string ready_line_, workdir_;
  bool reaped_ = false;
};

// Standard bits of a resident request line.
std::string json_string(const std::string& s);
std::string argv_json(const std::vector<std::string>& argv);

}  // namespace box
