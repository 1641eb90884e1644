#include "exec_program.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/close_range.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "user_ns.h"

namespace box {
namespace {

std::string path_variable(const std::vector<std::string>& env) {
  for (const std::string& e : env)
    if (e.rfind("PATH=", 0) == 0) return e.substr(5);
  return "/usr/bin:/bin";
}

// The child runs on this stack (the keeper's own is shared and in use).
alignas(64) char child_stack[256 * 1024];

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

PreparedProgram::PreparedProgram(const Limits& limits, const std::vector<std::string>& argv,
                                 const std::vector<std::string>& env, const std::string& cwd, const int stdio[3],
                                 RlimitFallbacks fallbacks)
    : limits_(limits), fallbacks_(fallbacks), argv_(argv), env_(program_environment(env)), cwd_(cwd) {
  for (int i = 0; i < 3; ++i) stdio_[i] = stdio[i];
  for (std::string& a : argv_) argv_ptrs_.push_back(a.data());
  argv_ptrs_.push_back(nullptr);
  for (std::string& e : env_) env_ptrs_.push_back(e.data());
  env_ptrs_.push_back(nullptr);
  const std::string& name = argv_[0];
  if (name.find('/') != std::string::npos) {
    candidates_.push_back(name);
  } else {
    std::string path = path_variable(env_);
    for (size_t i = 0; i <= path.size();) {
      size_t j = path.find(':', i);
      if (j == std::string::npos) j = path.size();
      candidates_.push_back((j > i ? path.substr(i, j - i) : ".") + "/" + name);
      i = j + 1;
    }
  }
}

pid_t PreparedProgram::start() {
  error_[0] = 0;
  pid_t pid = clone(&PreparedProgram::child_main, child_stack + sizeof child_stack, CLONE_VM | CLONE_VFORK | SIGCHLD,
                    this);
  if (pid < 0) {
    std::snprintf(error_, sizeof error_, "clone: %s", std::strerror(errno));
    return -1;
  }
  // CLONE_VFORK: we are back once the child has exec'd or exited. Its setresuid
  // cleared the "dumpable" flag of the memory we shared; the next child needs it set
  // to reach its own /proc/self/oom_score_adj.
  prctl(PR_SET_DUMPABLE, 1);
  return pid;
}

void PreparedProgram::fail(const char* step, int err) {
  std::snprintf(error_, sizeof error_, "%s: %s", step, std::strerror(err));
  _exit(127);
}

int PreparedProgram::child_main(void* arg) {
  auto* p = static_cast<PreparedProgram*>(arg);
  setsid();
  // The keeper runs at -1000 so the OOM killer never picks it; the program must not inherit that.
  int oom = ::open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (oom < 0 || write(oom, "0", 1) != 1) p->fail("reset oom_score_adj", errno);
  close(oom);

  // Move the descriptors above 2 first so that dup2 never overwrites one still needed.
  int high[3];
  for (int i = 0; i < 3; ++i)
    if ((high[i] = fcntl(p->stdio_[i], F_DUPFD_CLOEXEC, 10)) < 0) p->fail("dup stdio", errno);
  for (int i = 0; i < 3; ++i)
    if (dup2(high[i], i) < 0) p->fail("dup2 stdio", errno);

  if (const char* which = apply_rlimits(p->limits_, p->fallbacks_)) p->fail(which, errno);
  if (chdir(p->cwd_.c_str()) != 0) p->fail("chdir to the working directory", errno);

  if (setgroups(0, nullptr) != 0) p->fail("setgroups", errno);
  if (setresgid(kBoxUid, kBoxUid, kBoxUid) != 0) p->fail("setresgid", errno);
  if (setresuid(kBoxUid, kBoxUid, kBoxUid) != 0) p->fail("setresuid", errno);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) p->fail("no_new_privs", errno);
  if (syscall(SYS_close_range, 3, ~0u, CLOSE_RANGE_CLOEXEC) != 0) p->fail("close_range", errno);

  int first_errno = ENOENT;
  for (const std::string& c : p->candidates_) {
    execve(c.c_str(), p->argv_ptrs_.data(), p->env_ptrs_.data());
    if (errno != ENOENT && first_errno == ENOENT) first_errno = errno;
  }
  std::snprintf(p->error_, sizeof p->error_, "cannot execute %s: %s", p->argv_[0].c_str(), std::strerror(first_errno));
  _exit(127);
}

}  // namespace box
