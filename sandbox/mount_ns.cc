#include "mount_ns.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys.h"
#include "user_ns.h"

namespace box {
namespace {

constexpr unsigned long kReadOnly = MS_RDONLY | MS_NOSUID | MS_NODEV;

std::string bind(const std::string& source, const std::string& target, unsigned long flags) {
  if (mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) != 0)
    return errno_message("bind " + source + " on " + target);
  // Flags of a bind mount only change with a remount of the new mount point.
  if (mount(nullptr, target.c_str(), nullptr, MS_BIND | MS_REMOUNT | flags, nullptr) != 0)
    return errno_message("remount " + target);
  return "";
}

// Creates the mount point for `source` (dir or file) at `target`.
std::string make_mount_point(const std::string& source, const std::string& target) {
  struct stat st;
  if (stat(source.c_str(), &st) != 0) return errno_message("stat " + source);
  std::string parent = target.substr(0, target.rfind('/'));
  if (std::string e = make_dirs(parent); !e.empty()) return e;
  if (S_ISDIR(st.st_mode)) {
    if (mkdir(target.c_str(), 0755) != 0 && errno != EEXIST) return errno_message("mkdir " + target);
  } else {
    Fd f(::open(target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    if (!f.valid()) return errno_message("create " + target);
  }
  return "";
}

std::string bind_into(const std::string& root, const std::string& source, const std::string& inside,
                      unsigned long flags) {
  std::string target = root + inside;
  if (std::string e = make_mount_point(source, target); !e.empty()) return e;
  return bind(source, target, flags);
}

// /bin, /lib, ... are links into /usr on merged-/usr hosts, real dirs elsewhere;
// /etc/localtime links into /usr/share/zoneinfo. A link is copied, anything else
// bound read-only, and what the host lacks is left out.
std::string mirror_host_path(const std::string& root, const std::string& name) {
  std::string host = "/" + name;
  struct stat st;
  if (lstat(host.c_str(), &st) != 0) return "";  // the host has none
  if (S_ISLNK(st.st_mode)) {
    char target[4096];
    ssize_t n = readlink(host.c_str(), target, sizeof target - 1);
    if (n < 0) return errno_message("readlink " + host);
    target[n] = 0;
    if (symlink(target, (root + host).c_str()) != 0) return errno_message("symlink " + root + host);
    return "";
  }
  return bind_into(root, host, host, kReadOnly);
}

std::string write_identity_files(const std::string& root) {
  std::string passwd = "root:x:0:0:root:/:/usr/sbin/nologin\nbox:x:" + std::to_string(kBoxUid) + ":" +
                       std::to_string(kBoxUid) + ":box:/box:/usr/sbin/nologin\n";
  std::string group = "root:x:0:\nbox:x:" + std::to_string(kBoxUid) + ":\n";
  for (auto [name, text] : {std::pair{"passwd", passwd}, std::pair{"group", group},
                            std::pair{"hostname", std::string("box\n")},
                            std::pair{"hosts", std::string("127.0.0.1 localhost box\n")}}) {
    std::string path = root + "/etc/" + name;
    Fd f(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!f.valid() || !write_all(f.get(), text.data(), text.size())) return errno_message("write " + path);
  }
  return "";
}

std::string populate_dev(const std::string& root) {
  // Made with mknod (we are still real root): five mount calls fewer than binds.
  // The root tmpfs is read-only afterwards and the program has no CAP_MKNOD.
  for (const char* node : {"null", "zero", "full", "random", "urandom"}) {
    std::string host = std::string("/dev/") + node, path = root + host;
    struct stat st;
    if (stat(host.c_str(), &st) != 0) return errno_message("stat " + host);
    if (mknod(path.c_str(), S_IFCHR | 0666, st.st_rdev) != 0) return errno_message("mknod " + path);
    chmod(path.c_str(), 0666);  // the umask must not narrow it
  }
  for (auto [link, target] : {std::pair{"fd", "/proc/self/fd"}, std::pair{"stdin", "/proc/self/fd/0"},
                              std::pair{"stdout", "/proc/self/fd/1"}, std::pair{"stderr", "/proc/self/fd/2"},
                              std::pair{"shm", "/tmp"}}) {
    std::string path = root + "/dev/" + link;
    if (symlink(target, path.c_str()) != 0) return errno_message("symlink " + path);
  }
  return "";
}

}  // namespace

const std::vector<std::string>& etc_entries() {
  // What dynamic linking, Python, Java and numpy (BLAS via alternatives) look up.
  static const std::vector<std::string> entries = {
      "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime", "java-17-openjdk",
      "python3",     "python3.11", "mime.types",   "nsswitch.conf"};
  return entries;
}

std::string build_filesystem_view(const FilesystemView& v) {
  const std::string& root = v.root_mount_point;
  // Nothing we mount may propagate back to the host.
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return errno_message("make / private");
  if (mount("tmpfs", root.c_str(), "tmpfs", MS_NOSUID, "size=1m,mode=0755") != 0)
    return errno_message("mount tmpfs root on " + root);
  for (const char* dir : {"/etc", "/dev", "/proc", "/tmp", "/box", "/usr"})
    if (mkdir((root + dir).c_str(), 0755) != 0) return errno_message(std::string("mkdir ") + root + dir);

  std::string e;
  if (!(e = bind(std::string("/usr"), root + "/usr", kReadOnly)).empty()) return e;
  for (const char* top : {"bin", "sbin", "lib", "lib32", "lib64", "libx32"})
    if (!(e = mirror_host_path(root, top)).empty()) return e;
  for (const std::string& entry : etc_entries())
    if (!(e = mirror_host_path(root, "etc/" + entry)).empty()) return e;
  if (!(e = write_identity_files(root)).empty()) return e;
  if (!(e = populate_dev(root)).empty()) return e;

  if (mount("proc", (root + "/proc").c_str(), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2") != 0)
    return errno_message("mount proc");
  std::string tmp_options = "size=" + std::to_string(v.tmp_size_bytes) + ",mode=1777";
  if (mount("tmpfs", (root + "/tmp").c_str(), "tmpfs", MS_NOSUID | MS_NODEV, tmp_options.c_str()) != 0)
    return errno_message("mount tmpfs on /tmp");
  if (!(e = bind(v.workdir_host, root + "/box", MS_NOSUID | MS_NODEV)).empty()) return e;
  for (const BindMount& b : v.binds)
    if (!(e = bind_into(root, b.host_path, b.inside_path, b.writable ? MS_NOSUID | MS_NODEV : kReadOnly)).empty())
      return e;

  if (mount(nullptr, root.c_str(), nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID, nullptr) != 0)
    return errno_message("make the root read-only");
  if (chdir(root.c_str()) != 0) return errno_message("chdir " + root);
  if (syscall(SYS_pivot_root, ".", ".") != 0) return errno_message("pivot_root");
  if (umount2(".", MNT_DETACH) != 0) return errno_message("detach the host's root");
  if (chdir("/") != 0) return errno_message("chdir /");
  return "";
}

}  // namespace box
