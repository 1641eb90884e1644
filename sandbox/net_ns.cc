#include "net_ns.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys.h"

namespace box {

static bool is_pinned_netns(const std::string& path) {
  struct statfs fs;
  return statfs(path.c_str(), &fs) == 0 && fs.f_type == NSFS_MAGIC;
}

std::string ensure_pinned_netns(const std::string& pin_path) {
  if (is_pinned_netns(pin_path)) return "";
  Fd pin(::open(pin_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
  if (!pin.valid()) return errno_message("create " + pin_path);
  // Done in a throw-away child so this process keeps its own network namespace.
  pid_t pid = fork();
  if (pid < 0) return errno_message("fork");
  if (pid == 0) {
    if (unshare(CLONE_NEWNET) != 0) _exit(1);
    _exit(mount("/proc/self/ns/net", pin_path.c_str(), nullptr, MS_BIND, nullptr) == 0 ? 0 : 2);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return WEXITSTATUS(status) == 1 ? "unshare(CLONE_NEWNET) failed: no network namespaces here"
                                     : "bind-mount the new network namespace on " + pin_path + " failed";
  return "";
}

std::string enter_netns(const std::string& pin_path) {
  Fd ns(::open(pin_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!ns.valid()) return errno_message("open " + pin_path);
  if (setns(ns.get(), CLONE_NEWNET) != 0) return errno_message("setns network namespace " + pin_path);
  return "";
}

}  // namespace box
