// A client of one resident `shortlist-box serve`: starts it through Boost.Process,
// sends run requests and reads reports over asynchronous pipes (see the sandbox
// section of the top-level README for the protocol).
//
// Each client owns an io_context that runs only while the caller waits for an
// answer: the judge is sequential per program, so a blocking call is the right
// interface, and the asynchronous read is what lets every wait have a deadline.
// A box that gives no report within its run's wall limit plus a grace is stopped
// and the run reported as IE; a box that dies shows as IE at once. Nothing waits
// forever on a box.
//
// Contract: start() returns "" or why the box could not be started; run() always
// returns a report (status IE with a message when the box failed). The box process
// is killed and reaped when the client is destroyed, so no box outlives its judge.
// The pipes are close-on-exec, created under spawn_lock(), so a box started by one
// worker thread never holds another box's pipe (which would keep that box alive
// after the engine dies).
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace engine {

struct BoxRequest {
  std::vector<std::string> argv;
  double cpu_s = 1, wall_s = 0;  // wall 0: shortlist-box's default (2 * cpu + 1)
  long long memory_bytes = 256ll << 20, output_bytes = 64ll << 20;
  int processes = 64;
  std::string stdin_path, stdout_path, stderr_path;  // host paths
  bool keep = false;
  bool stdout_first = false;  // open stdout before stdin (two boxes joined by named pipes)
};

struct BoxReport {
  std::string status = "IE";  // OK RE TLE MLE OLE SV IE
  std::string limit;          // cpu / wall for TLE
  int exit_code = -1, signal = 0;
  double cpu_s = 0, wall_s = 0;
  double ended_at = 0;  // CLOCK_MONOTONIC seconds
  long long memory_bytes = 0;
  std::string message;
};

class BoxClient {
 public:
  BoxClient();
  ~BoxClient();
  BoxClient(const BoxClient&) = delete;
  BoxClient& operator=(const BoxClient&) = delete;

  // `binary`: the shortlist-box executable; `dirs`: --dir arguments for the box.
  std::string start(const std::string& binary, const std::vector<std::string>& dirs);
  BoxReport run(const BoxRequest& request);
  // The two halves of run(), for two boxes working at once (interactive problems).
  bool send(const BoxRequest& request);
  BoxReport receive();
  // The host path of the box's /box: stage files there before a run.
  const std::string& workdir() const { return workdir_; }
  // The serve process (-1 before start or after it was stopped); for tests.
  pid_t pid() const;
  // Seconds a report may come after the run's wall limit before the box is
  // stopped as hung (default 30: generous for a loaded machine).
  void set_report_grace(double seconds) { report_grace_s_ = seconds; }

 private:
  struct Channel;  // Boost.Process and Asio stay out of this header
  enum class Read { kLine, kClosed, kLate };
  Read read_line(double deadline_s, std::string* line);
  void stop(bool hung = false);
  std::unique_ptr<Channel> channel_;
  std::string workdir_;
  long long next_id_ = 1;
  double report_grace_s_ = 30, pending_deadline_s_ = 0;
};

// Held while a child process is created anywhere in the engine, so that no child
// inherits a descriptor another thread has opened but not yet marked close-on-exec.
std::unique_lock<std::mutex> spawn_lock();

// The request as one JSON line (the serve protocol); pure, for tests.
std::string request_json(const BoxRequest& r, long long id);
// A report line -> BoxReport; false if it is not one.
bool parse_report(const std::string& line, BoxReport* out);

}  // namespace engine
