#include "cgroup_detect.h"

#include <sstream>
#include <vector>

#include "sys.h"

namespace box {

static std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  for (;;) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? s.npos : j - i));
    if (j == std::string_view::npos) return out;
    i = j + 1;
  }
}

// mountinfo escapes space, tab, newline and backslash in paths as \ooo.
static std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size()) {
      out.push_back(static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0')));
      i += 3;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool CgroupLayout::v2_has(std::string_view controller) const {
  for (std::string_view c : split(v2_controllers, ' '))
    if (c == controller || c == std::string(controller) + "\n") return true;
  return false;
}

void parse_mountinfo(std::string_view text, CgroupLayout* layout) {
  for (std::string_view line : split(text, '\n')) {
    // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
    size_t dash = line.find(" - ");
    if (dash == std::string_view::npos) continue;
    std::vector<std::string_view> left = split(line.substr(0, dash), ' ');
    std::vector<std::string_view> right = split(line.substr(dash + 3), ' ');
    if (left.size() < 5 || right.size() < 3) continue;
    std::string mount_point = unescape(left[4]);
    if (right[0] == "cgroup2" || right[0] == "cgroup")
      for (std::string_view opt : split(right[2], ','))
        if (opt == "favordynmods") layout->favordynmods = true;
    if (right[0] == "cgroup2") {
      if (layout->v2_mount.empty()) layout->v2_mount = mount_point;
    } else if (right[0] == "cgroup") {
      for (std::string_view opt : split(right[2], ','))
        if (opt == "memory" || opt == "pids" || opt == "cpuacct")
          layout->v1_mounts.emplace(std::string(opt), mount_point);
    }
  }
}

void parse_proc_cgroup(std::string_view text, CgroupLayout* layout) {
  for (std::string_view line : split(text, '\n')) {
    std::vector<std::string_view> f = split(line, ':');
    if (f.size() < 3 || f[1].empty()) continue;  // "0::/path" is the v2 entry
    std::string path(line.substr(f[0].size() + f[1].size() + 2));
    for (std::string_view controller : split(f[1], ','))
      layout->v1_own.emplace(std::string(controller), path);
  }
}

CgroupLayout detect_cgroups() {
  CgroupLayout layout;
  std::string text;
  if (read_file("/proc/self/mountinfo", &text)) parse_mountinfo(text, &layout);
  if (read_file("/proc/self/cgroup", &text)) parse_proc_cgroup(text, &layout);
  if (!layout.v2_mount.empty()) read_file(layout.v2_mount + "/cgroup.controllers", &layout.v2_controllers);
  return layout;
}

}  // namespace box
