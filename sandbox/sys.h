// Small helpers around system calls: an owned file descriptor and error text.
//
// Contract: errors travel as std::string values ("" = success) whose text says
// what was attempted, on which path, and the errno text, e.g.
// "mount tmpfs on /run/x: Permission denied".
#pragma once

#include <string>
#include <string_view>

namespace box {

// "what: strerror(errno)" for the current errno.
std::string errno_message(std::string_view what);

// Owns one file descriptor; closes it on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.release()) {}
  Fd& operator=(Fd&& o) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

// mkdir -p (mode 0755): "" or what failed.
std::string make_dirs(const std::string& path);

// Opens (creating, mode 0600) and locks `path` with flock, without waiting. The
// lock lasts as long as the returned descriptor; invalid if it could not be had
// (errno EWOULDBLOCK: someone else holds it).
Fd lock_file(const std::string& path);

// Whole-buffer write/read that retry on EINTR and short counts. false on error.
bool write_all(int fd, const void* data, size_t size);
bool write_file(const std::string& path, std::string_view content);  // O_WRONLY|O_TRUNC
// Reads a small file (e.g. under /proc or /sys); nullopt-like: returns false on error.
bool read_file(const std::string& path, std::string* out);

}  // namespace box
