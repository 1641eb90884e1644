#include "cgroup.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <csignal>

#include "sys.h"

namespace box {

uint64_t pread_u64(int fd) {
  char buf[64];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return 0;
  buf[n] = 0;
  return std::strtoull(buf, nullptr, 10);
}

uint64_t pread_keys_sum(int fd, std::initializer_list<const char*> keys) {
  char buf[4096];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return 0;
  buf[n] = 0;
  uint64_t sum = 0;
  for (const char* key : keys) {
    size_t len = std::strlen(key);
    for (char* line = buf; line && *line;) {
      if (std::strncmp(line, key, len) == 0 && line[len] == ' ') {
        sum += std::strtoull(line + len + 1, nullptr, 10);
        break;
      }
      line = std::strchr(line, '\n');
      if (line) ++line;
    }
  }
  return sum;
}

uint64_t pread_key(int fd, const char* key) { return pread_keys_sum(fd, {key}); }

std::string drain_procs(const std::vector<std::string>& procs_files, const std::string& pids_current) {
  for (int attempt = 0; attempt < 2000; ++attempt) {
    bool empty = true;
    for (const std::string& file : procs_files) {
      std::string text;
      if (!read_file(file, &text)) continue;
      for (char* p = text.data(); *p;) {
        char* end;
        long pid = std::strtol(p, &end, 10);
        if (end == p) break;
        if (pid > 0) {
          kill(static_cast<pid_t>(pid), SIGKILL);
          empty = false;
        }
        p = end;
      }
    }
    std::string count;
    if (empty && !pids_current.empty() && read_file(pids_current, &count) && std::strtoul(count.c_str(), nullptr, 10) > 0)
      empty = false;
    if (empty) return "";
    usleep(1000);
  }
  return "processes of an earlier box in " + procs_files.front() + " would not die";
}

std::unique_ptr<Cgroup> open_box_cgroup(const CgroupLayout& layout, const std::string& name,
                                        std::string* error) {
  if (!layout.v2_mount.empty() && layout.v2_has("memory")) return open_cgroup_v2(layout, name, error);
  return open_cgroup_v1(layout, name, error);
}

}  // namespace box
