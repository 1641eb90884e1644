#include "exec_program.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "seccomp.h"
#include "sys.h"
#include "user_ns.h"

namespace box {
namespace {

[[noreturn]] void fail(int error_fd, const std::string& message) {
  write_all(error_fd, message.data(), message.size());
  _exit(127);
}

[[noreturn]] void fail_errno(int error_fd, const char* step) { fail(error_fd, errno_message(step)); }

std::string lookup_path(const std::vector<std::string>& env) {
  for (const std::string& e : env)
    if (e.rfind("PATH=", 0) == 0) return e.substr(5);
  return "/usr/bin:/bin";
}

}  // namespace

std::vector<std::string> program_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env = {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/box", "TMPDIR=/tmp",
                                  "LANG=C.UTF-8", "USER=box"};
  for (const std::string& e : extra) {
    std::string name = e.substr(0, e.find('=') + 1);
    bool replaced = false;
    for (std::string& base : env)
      if (base.rfind(name, 0) == 0) replaced = (base = e, true);
    if (!replaced) env.push_back(e);
  }
  return env;
}

void exec_program(const ProgramSpec& spec, const int stdio[3], int error_fd, RlimitFallbacks fallbacks) {
  setsid();
  // The keeper runs at -1000 so the OOM killer never picks it; the program must not inherit that.
  int oom = ::open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (oom < 0 || !write_all(oom, "0", 1)) fail_errno(error_fd, "reset oom_score_adj");
  close(oom);

  // Move the descriptors above 2 first so that dup2 never overwrites one still needed.
  int high[3];
  for (int i = 0; i < 3; ++i)
    if ((high[i] = fcntl(stdio[i], F_DUPFD_CLOEXEC, 10)) < 0) fail_errno(error_fd, "dup stdio");
  for (int i = 0; i < 3; ++i)
    if (dup2(high[i], i) < 0) fail_errno(error_fd, "dup2 stdio");

  if (std::string e = apply_rlimits(spec.limits, fallbacks); !e.empty()) fail(error_fd, e);
  if (chdir(spec.cwd.c_str()) != 0) fail_errno(error_fd, ("chdir " + spec.cwd).c_str());

  if (setgroups(0, nullptr) != 0) fail_errno(error_fd, "setgroups");
  if (setresgid(kBoxUid, kBoxUid, kBoxUid) != 0) fail_errno(error_fd, "setresgid");
  if (setresuid(kBoxUid, kBoxUid, kBoxUid) != 0) fail_errno(error_fd, "setresuid");
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail_errno(error_fd, "no_new_privs");
  if (syscall(SYS_close_range, 3, ~0u, CLOSE_RANGE_CLOEXEC) != 0) fail_errno(error_fd, "close_range");

  std::vector<char*> argv, envp;
  for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const std::string& e : spec.env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  std::vector<std::string> candidates;
  const std::string& name = spec.argv[0];
  if (name.find('/') != std::string::npos) {
    candidates.push_back(name);
  } else {
    std::string path = lookup_path(spec.env);
    for (size_t i = 0; i <= path.size();) {
      size_t j = path.find(':', i);
      if (j == std::string::npos) j = path.size();
      candidates.push_back((j > i ? path.substr(i, j - i) : ".") + "/" + name);
      i = j + 1;
    }
  }

  if (int e = load_seccomp_filter(); e != 0) {
    errno = e;
    fail_errno(error_fd, "load seccomp filter");
  }
  int first_errno = ENOENT;
  for (const std::string& c : candidates) {
    execve(c.c_str(), argv.data(), envp.data());
    if (errno != ENOENT || first_errno == ENOENT) first_errno = errno;
  }
  errno = first_errno;
  fail(error_fd, "cannot execute " + name + ": " + std::strerror(errno));
}

}  // namespace box
