#include "check.h"

#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "box.h"
#include "cgroup_detect.h"
#include "seccomp.h"

namespace box {
namespace {

// Runs `body` in a forked child; true if it exits 0.
template <typename F>
bool in_child(F body) {
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) _exit(body() ? 0 : 1);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string join(const std::map<std::string, std::string>& m) {
  std::string out;
  for (auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k + " at " + v;
  return out;
}

}  // namespace

std::vector<CheckItem> check_host(bool allow_fallbacks) {
  std::vector<CheckItem> items;
  for (auto [name, flag] : {std::pair{"user namespace", CLONE_NEWUSER}, std::pair{"pid namespace", CLONE_NEWPID},
                            std::pair{"mount namespace", CLONE_NEWNS}, std::pair{"network namespace", CLONE_NEWNET},
                            std::pair{"ipc namespace", CLONE_NEWIPC}, std::pair{"uts namespace", CLONE_NEWUTS}}) {
    int f = flag;
    items.push_back({name, in_child([f] { return unshare(f) == 0; }), true, "unshare() in a child"});
  }
  bool seccomp = in_child([] { return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && load_seccomp_filter() == 0; });
  items.push_back({"seccomp filter", seccomp, true,
                   std::to_string(seccomp_filter_length()) + " BPF instructions, kills with SIGSYS (SV)"});

  CgroupLayout layout = detect_cgroups();
  std::string v1 = join(layout.v1_mounts);
  items.push_back({"cgroup v1 controllers", !layout.v1_mounts.empty(), false, v1.empty() ? "none mounted" : v1});
  items.push_back({"cgroup v2", !layout.v2_mount.empty(), false,
                   layout.v2_mount.empty() ? "not mounted"
                                           : layout.v2_mount + " controllers: [" +
                                                 std::string(layout.v2_controllers.substr(
                                                     0, layout.v2_controllers.find_last_not_of('\n') + 1)) +
                                                 "]"});

  items.push_back({"fast cgroup migration (favordynmods)", layout.favordynmods, false,
                   layout.favordynmods
                       ? "on: a new box joins its cgroup at once"
                       : "off: each new box waits one RCU grace period (10-20 ms) to join its cgroup; "
                         "resident boxes pay it once. To turn on: mount -o remount,favordynmods " +
                             (layout.v2_mount.empty() ? std::string("<cgroup2 mount>") : layout.v2_mount)});

  std::unique_ptr<Box> b;
  BoxSpec spec;
  std::string error = Box::start(spec, &b);
  items.push_back({"box set-up", error.empty(), true, error.empty() ? "slot " + std::to_string(b->slot()) : error});
  if (b) {
    Box::Protections p = b->protections();
    items.push_back({"memory limit by cgroup (MLE from the OOM counter)", p.memory, !allow_fallbacks,
                     p.memory ? "memory: " + p.cgroup : "fallback: RLIMIT_AS (breaks Java, MemoryError becomes RE)"});
    items.push_back({"process limit by cgroup", p.processes, !allow_fallbacks,
                     p.processes ? "pids controller" : "fallback: RLIMIT_NPROC"});
    RunRequest r;
    r.argv = {"/bin/true"};
    r.limits.finish();
    Report rep = b->run(r);
    items.push_back({"a run in the box", rep.status == Status::OK, true,
                     std::string(status_name(rep.status)) + (rep.message.empty() ? "" : ": " + rep.message)});
    items.push_back({"protections", true, false, p.text()});
  }
  return items;
}

int print_check(const std::vector<CheckItem>& items, bool json) {
  bool all_required = true;
  for (const CheckItem& i : items)
    if (i.required && !i.ok) all_required = false;
  if (json) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("ok");
    w.Bool(all_required);
    w.Key("checks");
    w.StartArray();
    for (const CheckItem& i : items) {
      w.StartObject();
      w.Key("name");
      w.String(i.name.c_str());
      w.Key("ok");
      w.Bool(i.ok);
      w.Key("required");
      w.Bool(i.required);
      w.Key("detail");
      w.String(i.detail.c_str());
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
  } else {
    for (const CheckItem& i : items)
      std::printf("  %-6s %-52s %s\n", i.ok ? "[ok]" : (i.required ? "[MISS]" : "[--]"), i.name.c_str(),
                  i.detail.c_str());
    std::printf("%s\n", all_required ? "all required protections are active"
                                     : "some required protections are missing (see [MISS])");
  }
  return all_required ? 0 : 1;
}

}  // namespace box
