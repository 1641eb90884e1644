#include "sys.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace box {

std::string errno_message(std::string_view what) {
  int e = errno;
  return std::string(what) + ": " + std::strerror(e);
}

Fd& Fd::operator=(Fd&& o) noexcept {
  if (this != &o) reset(o.release());
  return *this;
}

Fd::~Fd() { reset(); }

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

std::string make_dirs(const std::string& path) {
  // Usually the parents exist (slots are reused): one mkdir instead of one per level.
  if (mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) return "";
  for (size_t i = 1; i <= path.size(); ++i) {
    if (i != path.size() && path[i] != '/') continue;
    std::string prefix = path.substr(0, i);
    if (mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) return errno_message("mkdir " + prefix);
  }
  return "";
}

Fd lock_file(const std::string& path) {
  Fd f(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (f.valid() && flock(f.get(), LOCK_EX | LOCK_NB) != 0) {
    int e = errno;
    f.reset();
    errno = e;  // the caller reads why
  }
  return f;
}

bool write_all(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool write_file(const std::string& path, std::string_view content) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
  if (!fd.valid()) return false;
  return write_all(fd.get(), content.data(), content.size());
}

bool read_file(const std::string& path, std::string* out) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return false;
  out->clear();
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out->append(buf, static_cast<size_t>(n));
  }
}

}  // namespace box
