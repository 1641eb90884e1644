// Which cgroup hierarchies this host has, read from /proc/self/mountinfo and
// /proc/self/cgroup. Hosts differ: pure v2, pure v1, or hybrid (v1 controllers plus
// an empty cgroup2 mount, as on this project's machines).
//
// Contract: the parse_* functions are pure and take the files' text; detect_cgroups()
// reads the real files. Nothing here creates or changes a cgroup.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace box {

struct CgroupLayout {
  // v1: controller ("memory", "pids", "cpuacct") -> mount point of its hierarchy.
  std::map<std::string, std::string> v1_mounts;
  // v1: controller -> this process's cgroup path inside that hierarchy ("/a/b").
  std::map<std::string, std::string> v1_own;
  std::string v2_mount;        // "" when there is no cgroup2 mount
  std::string v2_controllers;  // contents of <v2_mount>/cgroup.controllers
  // Some cgroup mount has "favordynmods": moving a process into a cgroup no longer
  // waits for an RCU grace period (10-20 ms here), which every new box does once.
  bool favordynmods = false;
  bool v2_has(std::string_view controller) const;
};

// Fills v1_mounts and v2_mount from mountinfo text.
void parse_mountinfo(std::string_view text, CgroupLayout* layout);
// Fills v1_own from /proc/self/cgroup text ("4:memory:/x" lines).
void parse_proc_cgroup(std::string_view text, CgroupLayout* layout);

CgroupLayout detect_cgroups();

}  // namespace box
