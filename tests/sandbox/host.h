// The host side of the attacks: things the test sets up outside the box and
// then inspects to see whether an attack reached them.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace host {

// A string no other process on the machine has in its command line.
std::string unique_marker(const std::string& tag);

// Host pids whose /proc/PID/cmdline contains marker. With skip_supervisor,
// processes whose argv[0] is shortlist-box itself (it carries the marker in
// its own argv) are left out.
std::vector<pid_t> pids_with_marker(const std::string& marker, bool skip_supervisor = false);

// SIGKILLs whatever pids_with_marker finds (cleanup after a failed
// containment test); returns how many there were.
int kill_marked(const std::string& marker);

// /proc/PID/status as key -> value (e.g. "Uid" -> "1000\t1000\t1000\t1000").
std::map<std::string, std::string> proc_status(pid_t pid);

bool wait_until(const std::function<bool()>& done, double timeout_s);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& data, mode_t mode = 0644);
bool exists(const std::string& path);

// A world-readable (0755) scratch folder, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A TCP listener on 127.0.0.1 at a kernel-chosen port.
class TcpListener {
 public:
  TcpListener();
  ~TcpListener();
  int port() const { return port_; }
  bool had_connection();  // a connection is queued or was accepted

 private:
  int fd_ = -1, port_ = 0;
};

// A UDP socket on 127.0.0.1 at a kernel-chosen port that only counts what arrives.
class UdpSink {
 public:
  UdpSink();
  ~UdpSink();
  int port() const { return port_; }
  bool received_anything();

 private:
  int fd_ = -1, port_ = 0;
};

// A host process (`sleep` with a unique duration as its marker) that attacks
// must not be able to reach.
class Sentinel {
 public:
  Sentinel();
  ~Sentinel();
  pid_t pid() const { return pid_; }
  bool alive();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
};

}  // namespace host
