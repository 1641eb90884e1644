#include "workdir.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "sys.h"

namespace box {
namespace {

// Removes everything inside the directory open at `dir_fd`; `select` filters the
// top level only (nullptr = all). The descriptor is consumed.
std::string remove_entries(int dir_fd, const std::string& where, const uid_t* only_uid) {
  DIR* d = fdopendir(dir_fd);
  if (!d) {
    close(dir_fd);
    return errno_message("opendir " + where);
  }
  std::string first_error;
  while (dirent* e = readdir(d)) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (only_uid && st.st_uid != *only_uid) continue;
    if (S_ISDIR(st.st_mode)) {
      int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub < 0) {
        // A mode-000 dir of the program: make it ours to read (we may, inside the box).
        fchmodat(dirfd(d), e->d_name, 0700, 0);
        sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      }
      if (sub >= 0) {
        std::string err = remove_entries(sub, where + "/" + e->d_name, nullptr);
        if (first_error.empty()) first_error = err;
      }
    }
    if (unlinkat(dirfd(d), e->d_name, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0) != 0 && first_error.empty())
      first_error = errno_message(std::string("remove ") + where + "/" + e->d_name);
  }
  closedir(d);
  return first_error;
}

std::string remove_in(const std::string& dir, const uid_t* only_uid) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno_message("open " + dir);
  return remove_entries(fd, dir, only_uid);
}

uint64_t largest_in(int dir_fd, uid_t uid, int depth) {
  DIR* d = fdopendir(dir_fd);
  if (!d) {
    close(dir_fd);
    return 0;
  }
  uint64_t largest = 0;
  while (dirent* e = readdir(d)) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISREG(st.st_mode) && st.st_uid == uid && static_cast<uint64_t>(st.st_size) > largest)
      largest = static_cast<uint64_t>(st.st_size);
    if (S_ISDIR(st.st_mode) && depth < 64) {
      int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) largest = std::max(largest, largest_in(sub, uid, depth + 1));
    }
  }
  closedir(d);
  return largest;
}

}  // namespace

uint64_t largest_file_owned_by(const std::string& dir, uid_t uid) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  return fd < 0 ? 0 : largest_in(fd, uid, 0);
}

std::string wipe_created_by(const std::string& dir, uid_t uid) { return remove_in(dir, &uid); }

std::string wipe_all(const std::string& dir) { return remove_in(dir, nullptr); }

std::string copy_tree(const std::string& from, const std::string& to, uid_t uid, gid_t gid, bool with_links) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    // Lexical: fs::relative() resolves links, and a link the program left in /box
    // would then point the copy (and the removal before it) anywhere on the host.
    fs::path rel = it->path().lexically_relative(from);
    if (rel.empty() || *rel.begin() == "..") continue;
    fs::path dest = fs::path(to) / rel;
    fs::file_status st = it->symlink_status(ec);
    if (ec) break;
    if (!fs::is_directory(st) && !fs::is_regular_file(st) && !(with_links && fs::is_symlink(st))) continue;
    // Whatever stands at the destination goes first, unless it is a real directory
    // we are about to fill: writing through a link left by an earlier run (a file
    // named like ours pointing at /etc/passwd) would let the program reach the host.
    fs::file_status existing = fs::symlink_status(dest, ec);
    ec.clear();
    if (fs::exists(existing) && !(fs::is_directory(st) && fs::is_directory(existing)))
      fs::remove_all(dest, ec);
    if (ec) break;
    if (fs::is_symlink(st)) {
      fs::copy_symlink(it->path(), dest, ec);
    } else if (fs::is_directory(st)) {
      fs::create_directories(dest, ec);
    } else if (fs::is_regular_file(st)) {
      fs::copy_file(it->path(), dest, ec);
    } else {
      continue;  // fifos, sockets, devices: nothing a program needs moved
    }
    if (ec) break;
    if (!fs::is_symlink(st)) fs::permissions(dest, st.permissions(), ec);
    if (lchown(dest.c_str(), uid, gid) != 0 && !ec) ec = std::error_code(errno, std::generic_category());
    if (ec) break;
  }
  if (ec) return "copy " + from + " to " + to + ": " + ec.message();
  return "";
}

}  // namespace box
