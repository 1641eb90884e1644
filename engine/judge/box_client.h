// A client of one resident `shortlist-box serve`: starts it, sends run requests,
// reads reports. Synchronous: the judge CLI runs one thing at a time. (The
// dispatcher will drive many boxes asynchronously; see ../../sandbox/README in the
// top-level README for the protocol.)
//
// Contract: start() returns "" or why the box could not be started; run() always
// returns a report (status IE with a message when the box failed). The box process
// is killed and reaped when the client is destroyed, so no box outlives its judge.
#pragma once

#include <sys/types.h>

#include <map>
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
  BoxClient() = default;
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

 private:
  bool read_line(std::string* line);
  pid_t pid_ = -1;
  int to_box_ = -1, from_box_ = -1;
  std::string buffer_, workdir_;
  long long next_id_ = 1;
};

// The request as one JSON line (the serve protocol); pure, for tests.
std::string request_json(const BoxRequest& r, long long id);
// A report line -> BoxReport; false if it is not one.
bool parse_report(const std::string& line, BoxReport* out);

}  // namespace engine
