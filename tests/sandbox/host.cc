#include "host.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace host {
namespace {

std::string random_hex(int digits) {
  static std::mt19937_64 rng(std::random_device{}() ^ static_cast<unsigned long>(getpid()));
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < digits; ++i) s += hex[rng() % 16];
  return s;
}

// Binds a socket of `type` to 127.0.0.1:0 and returns the port chosen.
int bind_loopback(int fd) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return 0;
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  return ntohs(a.sin_port);
}

}  // namespace

std::string unique_marker(const std::string& tag) {
  static int counter = 0;
  return "slbx-" + tag + "-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" +
         random_hex(12);
}

std::vector<pid_t> pids_with_marker(const std::string& marker, bool skip_supervisor) {
  std::vector<pid_t> found;
  DIR* d = opendir("/proc");
  if (!d) return found;
  for (dirent* e; (e = readdir(d));) {
    pid_t pid = static_cast<pid_t>(atoi(e->d_name));
    if (pid <= 0 || pid == getpid()) continue;
    std::string cmdline = read_file("/proc/" + std::to_string(pid) + "/cmdline");
    if (cmdline.find(marker) == std::string::npos) continue;
    std::string argv0 = cmdline.substr(0, cmdline.find('\0'));
    if (skip_supervisor && argv0.find("shortlist-box") != std::string::npos) continue;
    found.push_back(pid);
  }
  closedir(d);
  return found;
}

int kill_marked(const std::string& marker) {
  auto pids = pids_with_marker(marker);
  for (pid_t p : pids) kill(p, SIGKILL);
  return static_cast<int>(pids.size());
}

std::map<std::string, std::string> proc_status(pid_t pid) {
  std::map<std::string, std::string> fields;
  std::istringstream in(read_file("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(in, line);) {
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t v = line.find_first_not_of(" \t", colon + 1);
    fields[line.substr(0, colon)] = v == std::string::npos ? "" : line.substr(v);
  }
  return fields;
}

bool wait_until(const std::function<bool()>& done, double timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  for (;;) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& data, mode_t mode) {
  std::ofstream(path, std::ios::binary) << data;
  chmod(path.c_str(), mode);
}

bool exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

TempDir::TempDir() {
  std::string tmpl = "/tmp/slbx-test-XXXXXX";
  if (mkdtemp(tmpl.data())) path_ = tmpl;
  chmod(path_.c_str(), 0755);  // the box's unprivileged uid must be able to enter it
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  struct stat st;
  if (lstat(path_.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {  // replaced by a broken box
    unlink(path_.c_str());
    return;
  }
  nftw(
      path_.c_str(),
      [](const char* p, const struct stat*, int, FTW*) { return remove(p) == 0 ? 0 : 0; }, 16,
      FTW_DEPTH | FTW_PHYS);
}

TcpListener::TcpListener() {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  port_ = bind_loopback(fd_);
  listen(fd_, 16);
}
TcpListener::~TcpListener() { close(fd_); }
bool TcpListener::had_connection() {
  int c = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
  if (c < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
  close(c);
  return true;
}

UdpSink::UdpSink() {
  fd_ = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  port_ = bind_loopback(fd_);
}
UdpSink::~UdpSink() { close(fd_); }
bool UdpSink::received_anything() {
  char buf[2048];
  ssize_t n = recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
  return n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
}

Sentinel::Sentinel() {
  std::string duration = "1000." + std::to_string(getpid()) + std::to_string(rand() % 100000);
  pid_ = fork();
  if (pid_ == 0) {
    execl("/bin/sleep", "sleep", duration.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
}
Sentinel::~Sentinel() {
  if (pid_ > 0 && !reaped_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}
bool Sentinel::alive() {
  if (reaped_) return false;
  int status;
  if (waitpid(pid_, &status, WNOHANG) == pid_) reaped_ = true;
  return !reaped_ && kill(pid_, 0) == 0;
}

}  // namespace host
