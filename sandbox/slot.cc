#include "slot.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>

#include "net_ns.h"
#include "workdir.h"

namespace box {
namespace {

bool is_tmpfs_mount(const std::string& path) {
  struct statfs fs;
  struct stat self, parent;
  return statfs(path.c_str(), &fs) == 0 && fs.f_type == TMPFS_MAGIC && stat(path.c_str(), &self) == 0 &&
         stat((path + "/..").c_str(), &parent) == 0 && self.st_dev != parent.st_dev;
}

std::string prepare_workdir(const std::string& path, uint64_t bytes) {
  if (mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) return errno_message("mkdir " + path);
  // Sticky and world-writable: the program may add files but cannot remove or
  // replace the ones the engine staged (owned by root).
  std::string options = "size=" + std::to_string(bytes) + ",mode=1777,uid=0,gid=0";
  unsigned long flags = MS_NOSUID | MS_NODEV;
  if (is_tmpfs_mount(path)) flags |= MS_REMOUNT;
  if (mount("tmpfs", path.c_str(), "tmpfs", flags, options.c_str()) != 0)
    return errno_message("mount tmpfs on " + path);
  return wipe_all(path);
}

}  // namespace

std::string acquire_slot(uint64_t workdir_bytes, Slot* out) {
  if (std::string e = make_dirs(kSlotBase); !e.empty()) return e;
  chmod(kSlotBase, 0700);
  for (int i = 0; i < kMaxSlots; ++i) {
    std::string dir = std::string(kSlotBase) + "/slot-" + std::to_string(i);
    Fd lock = lock_file(dir + ".lock");
    if (!lock.valid()) {
      if (errno == EWOULDBLOCK) continue;  // another box has this slot
      return errno_message("lock " + dir + ".lock");
    }
    Slot s;
    s.index = i;
    s.lock = std::move(lock);
    s.netns_pin = dir + "/net";
    s.workdir = dir + "/work";
    s.root_mount_point = dir + "/root";
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return errno_message("mkdir " + dir);
    if (mkdir(s.root_mount_point.c_str(), 0755) != 0 && errno != EEXIST)
      return errno_message("mkdir " + s.root_mount_point);
    if (std::string e = ensure_pinned_netns(s.netns_pin); !e.empty()) return e;
    if (std::string e = prepare_workdir(s.workdir, workdir_bytes); !e.empty()) return e;
    *out = std::move(s);
    return "";
  }
  return "all " + std::to_string(kMaxSlots) + " slots under " + kSlotBase + " are in use";
}

}  // namespace box
