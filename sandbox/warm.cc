#include "warm.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "channel.h"
#include "slot.h"
#include "sys.h"

namespace box {
namespace {

struct WarmPaths {
  std::string server_lock, busy_lock, socket;
};

// The server's identity: everything that shapes the box, and this very binary.
WarmPaths paths_for(const BoxSpec& spec) {
  std::string key = std::to_string(spec.fs_size_bytes);
  for (const BindMount& d : spec.dirs) key += "|" + dir_spec_text(d);
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0)
    for (int i = 0; i < CPU_SETSIZE; ++i)
      if (CPU_ISSET(i, &cpus)) key += "," + std::to_string(i);
  struct stat self;
  if (stat("/proc/self/exe", &self) == 0)
    key += "|" + std::to_string(self.st_dev) + ":" + std::to_string(self.st_ino) + ":" +
           std::to_string(self.st_mtim.tv_sec) + "." + std::to_string(self.st_mtim.tv_nsec);
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  char name[64];
  std::snprintf(name, sizeof name, "%s/warm-%016llx", kSlotBase, static_cast<unsigned long long>(h));
  return {std::string(name) + ".lock", std::string(name) + ".busy", std::string(name) + ".sock"};
}

sockaddr_un address(const std::string& path) {
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::strncpy(a.sun_path, path.c_str(), sizeof a.sun_path - 1);
  return a;
}

// True if someone holds `path` locked (the server's lock: a server exists).
bool locked_by_someone(const std::string& path) {
  Fd f = lock_file(path);  // if we got it, it is released when f closes
  return !f.valid() && errno == EWOULDBLOCK;
}

}  // namespace

void serve_warm(const BoxSpec& spec) {
  WarmPaths p = paths_for(spec);
  Fd lock = lock_file(p.server_lock);
  if (!lock.valid()) _exit(0);  // one server per spec
  std::unique_ptr<Box> b;
  if (!Box::start(spec, &b).empty()) _exit(1);
  unlink(p.socket.c_str());
  Fd listener(socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
  sockaddr_un a = address(p.socket);
  if (!listener.valid() || bind(listener.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      listen(listener.get(), 4) != 0)
    _exit(1);
  for (;;) {
    pollfd w{listener.get(), POLLIN, 0};
    if (poll(&w, 1, kWarmIdleSeconds * 1000) <= 0) break;  // idle: done
    Fd conn(accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (!conn.valid()) continue;
    std::string bytes;
    std::vector<int> fds;
    RunRequest request;
    bool ok = receive_message(conn.get(), &bytes, &fds) && fds.size() == 3 && decode_run(bytes, &request);
    Report report = ok ? b->run(request, {fds[0], fds[1], fds[2]}, conn.get())
                       : internal_error("warm box: malformed request");
    for (int fd : fds) close(fd);
    send_message(conn.get(), to_json(report));
    if (b->broken()) break;  // cancelled or failed: the next run starts cold, and a new server
  }
  // Stop taking clients before letting go of the lock, so no one connects to a
  // server that is leaving.
  unlink(p.socket.c_str());
  listener.reset();
  b.reset();
  _exit(0);
}

bool run_warm(const BoxSpec& spec, const RunRequest& request, const RunFiles& files, Report* report) {
  WarmPaths p = paths_for(spec);
  Fd busy = lock_file(p.busy_lock);
  if (!busy.valid()) return false;  // in use: run cold
  Fd s(socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
  sockaddr_un a = address(p.socket);
  if (!s.valid() || connect(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return false;
  if (!send_message(s.get(), encode_run(request), {files.stdin_fd, files.stdout_fd, files.stderr_fd})) return false;
  std::string reply;
  if (!receive_message(s.get(), &reply)) return false;  // the server went away unanswered
  std::optional<Report> r = report_from_json(reply);
  if (!r) return false;
  *report = *r;
  return true;
}

void leave_warm_server(const BoxSpec& spec) {
  WarmPaths p = paths_for(spec);
  if (locked_by_someone(p.server_lock)) return;
  fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) return;
  if (pid > 0) {
    waitpid(pid, nullptr, 0);  // the middle process exits at once
    return;
  }
  // Detach: own session, reparented to init, no descriptor of our caller's kept
  // (a test runner waiting for its pipes to close must not wait for us).
  setsid();
  if (fork() != 0) _exit(0);
  int null = ::open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; ++fd) dup2(null, fd);
  syscall(SYS_close_range, 3, ~0u, 0);
  std::vector<std::string> args = {"shortlist-box", "warm", "--fs-size", std::to_string(spec.fs_size_bytes)};
  for (const BindMount& d : spec.dirs) {
    args.push_back("--dir");
    args.push_back(dir_spec_text(d));
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv("/proc/self/exe", argv.data());
  _exit(127);
}

}  // namespace box
