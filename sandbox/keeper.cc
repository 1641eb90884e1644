#include "keeper.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "channel.h"
#include "exec_program.h"
#include "net_ns.h"
#include "seccomp.h"
#include "sys.h"
#include "user_ns.h"
#include "workdir.h"

namespace box {
namespace {

static_assert(std::is_trivially_copyable_v<Limits> && std::is_trivially_copyable_v<RunOutcome>);

double now_s() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

double own_cpu_s() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

double rusage_children_s() {
  rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}

[[noreturn]] void setup_failed(int channel, const std::string& message) {
  send_message(channel, message.empty() ? "keeper set-up failed" : message);
  _exit(1);
}

// SysV IPC objects and POSIX message queues outlive processes: with none allowed,
// one run cannot leave state for the next.
std::string forbid_ipc_objects() {
  for (auto [file, value] : {std::pair{"/proc/sys/kernel/shmmni", "0"}, std::pair{"/proc/sys/kernel/msgmni", "0"},
                             std::pair{"/proc/sys/kernel/sem", "0 0 0 0"},
                             std::pair{"/proc/sys/fs/mqueue/queues_max", "0"}})
    if (!write_file(file, value)) return errno_message(std::string("write ") + file);
  return "";
}

// The keeper is a clone (not an exec) of its supervisor, so it holds everything the
// supervisor's caller passed down: its stdin/stdout/stderr pipes among them. Holding
// them would keep the caller waiting for EOF, and none of them is the box's business.
// What the supervisor opened itself is close-on-exec; what it inherited is not.
std::string drop_inherited_descriptors() {
  int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) return errno_message("open /dev/null");
  for (int fd = 0; fd < 3; ++fd)
    if (dup2(null, fd) < 0) return errno_message("dup2 /dev/null");
  close(null);
  DIR* d = opendir("/proc/self/fd");
  if (!d) return errno_message("open /proc/self/fd");
  std::vector<int> inherited;
  while (dirent* e = readdir(d)) {
    int fd = std::atoi(e->d_name);
    if (fd > 2 && fd != dirfd(d) && !(fcntl(fd, F_GETFD) & FD_CLOEXEC)) inherited.push_back(fd);
  }
  closedir(d);
  for (int fd : inherited) close(fd);
  return "";
}

void set_up(const KeeperConfig& c) {
  auto check = [&](const std::string& error) {
    if (!error.empty()) setup_failed(c.channel, error);
  };
  check(drop_inherited_descriptors());
  check(enter_netns(c.netns_pin));
  if (sethostname("box", 3) != 0) check(errno_message("sethostname"));
  check(forbid_ipc_objects());
  check(build_filesystem_view(c.view));
  if (c.cgroup) check(c.cgroup->join_self());
  if (unshare(CLONE_NEWUSER) != 0) check(errno_message("unshare(CLONE_NEWUSER)"));
  std::string reply;
  if (!send_message(c.channel, kMsgMapIds) || !receive_message(c.channel, &reply) || reply != kMsgIdsMapped)
    setup_failed(c.channel, "supervisor did not map the user namespace ids");
  check(become_namespace_root());
  // After the credential changes above, which clear both. Dumpable keeps /proc/self
  // of the keeper's children owned by them (the program's child must reset its
  // oom_score_adj there); the program's uid differs, so it still cannot touch us.
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) check(errno_message("PR_SET_PDEATHSIG"));
  if (prctl(PR_SET_DUMPABLE, 1) != 0) check(errno_message("PR_SET_DUMPABLE"));
  // The filter goes on the keeper itself: every program inherits it, and the kernel
  // compiles it once instead of at every run. The keeper needs nothing it forbids.
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) check(errno_message("no_new_privs"));
  if (int e = load_seccomp_filter(); e != 0) {
    errno = e;
    check(errno_message("load the seccomp filter"));
  }
}

int usable_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  return std::max(1, CPU_COUNT(&set));
}

// True if /proc (of the box's pid namespace) lists any process but the keeper. A
// process being reparented to us after its parent died is briefly nobody's child,
// so "no children left" alone does not prove the box is empty.
bool others_alive() {
  DIR* d = opendir("/proc");
  if (!d) return false;
  bool found = false;
  while (dirent* e = readdir(d))
    if (e->d_name[0] >= '1' && e->d_name[0] <= '9' && std::strcmp(e->d_name, "1") != 0) found = true;
  closedir(d);
  return found;
}

// Kills every process of the box but the keeper and reaps them all.
void kill_and_reap_all() {
  for (;;) {
    kill(-1, SIGKILL);
    pid_t r;
    while ((r = waitpid(-1, nullptr, WNOHANG | __WALL)) > 0) {
    }
    if (r < 0 && errno == ECHILD && !others_alive()) return;
    // Some are still dying: give them a moment, then look again.
    timespec pause{0, 200'000};
    nanosleep(&pause, nullptr);
  }
}

class Keeper {
 public:
  explicit Keeper(const KeeperConfig& c) : c_(c), cpus_(usable_cpus()) {}

  RunOutcome run(const RunRequest& r, const int stdio[3]) {
    RunOutcome o;
    uint64_t baseline = 0, oom_before = 0;
    if (c_.cgroup) {
      baseline = c_.cgroup->memory_usage();
      // The budget is the program's limit plus what the keeper itself holds; page
      // cache left by earlier runs is reclaimable and must not widen it. +1 task: the
      // keeper is in the cgroup too.
      uint64_t cache = std::min(baseline, c_.cgroup->memory_file_cache());
      std::string e = c_.cgroup->set_limits(r.limits.memory_bytes + (baseline - cache), r.limits.processes + 1);
      if (!e.empty()) return failed(o, e);
      c_.cgroup->reset_peak();
      oom_before = c_.cgroup->oom_kills();
    }
    double cpu_before = rusage_children_s();

    PreparedProgram program(r.limits, r.argv, r.env, r.cwd, stdio, c_.fallbacks);
    // Wall time starts with the program's process, as its CPU time does (both
    // include the few syscalls before execve).
    double start = now_s();
    pid_t pid = program.start();
    if (pid < 0 || program.error()[0]) {
      if (pid > 0) kill_and_reap_all();
      return failed(o, program.error());
    }
    // The keeper keeps its copies of stdin/stdout/stderr until the program is reaped:
    // for two boxes joined by pipes (interactive problems), the other side then sees
    // EOF only after this side's end is recorded, so the order of the two ends is
    // known (the spec's advice, after problemtools' SIGPIPE races).
    o.started = true;
    Fd pidfd(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));
    // The keeper is in the cgroup too: its own CPU time is taken out of the tree's.
    bool tree_clock = c_.cgroup && c_.cgroup->has_cpu();
    uint64_t cg_cpu_before = tree_clock ? c_.cgroup->cpu_ns() : 0;
    double keeper_before = own_cpu_s();
    double cpu = 0;
    clockid_t main_clock;
    bool have_main_clock = clock_getcpuclockid(pid, &main_clock) == 0;

    for (;;) {
      double wall = now_s() - start;
      // The cgroup counts the whole tree but its figure for a running task can lag by
      // a scheduler tick; the main process's own clock is exact. Take the larger.
      cpu = 0;
      if (tree_clock) cpu = (c_.cgroup->cpu_ns() - cg_cpu_before) * 1e-9 - (own_cpu_s() - keeper_before);
      if (have_main_clock) {
        timespec t;
        if (clock_gettime(main_clock, &t) == 0) cpu = std::max(cpu, t.tv_sec + t.tv_nsec * 1e-9);
      }
      if (cpu > r.limits.cpu_s) {
        o.killed_for_cpu = true;
        break;
      }
      if (wall >= r.limits.wall_s) {
        o.killed_for_wall = true;
        break;
      }
      // The tree cannot use more than `cpus_` seconds of CPU per second, so sleeping
      // this long cannot overshoot the CPU limit by more than a millisecond.
      double wait = std::min(r.limits.wall_s - wall, std::max((r.limits.cpu_s - cpu) / cpus_, 0.001));
      timespec ts{static_cast<time_t>(wait), static_cast<long>((wait - static_cast<time_t>(wait)) * 1e9)};
      pollfd p{pidfd.get(), POLLIN, 0};
      int ready = ppoll(&p, 1, &ts, nullptr);
      if (ready > 0 || (ready < 0 && errno != EINTR)) break;  // the program ended
    }
    o.ended_at = now_s();
    o.wall_s = o.ended_at - start;

    int status = 0;
    rusage main_usage{};
    if (o.killed_for_cpu || o.killed_for_wall) kill(-1, SIGKILL);
    while (wait4(pid, &status, __WALL, &main_usage) < 0 && errno == EINTR) {
    }
    kill_and_reap_all();  // daemons and anything else the program started
    o.exited = WIFEXITED(status);
    o.exit_code = o.exited ? WEXITSTATUS(status) : 0;
    o.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    // Both clocks are exact to the microsecond but start at slightly different points
    // (rusage includes the pre-exec set-up); report the larger, so that a TLE never
    // shows less time than the limit it was stopped at.
    o.cpu_s = std::max(rusage_children_s() - cpu_before, cpu);
    // The cgroup's peak covers the whole tree; for a tiny program it can sit within
    // the noise of the baseline, where the main process's own peak RSS is exact.
    o.memory_bytes = static_cast<uint64_t>(main_usage.ru_maxrss) * 1024;
    if (c_.cgroup && c_.cgroup->has_memory()) {
      uint64_t peak = c_.cgroup->memory_peak();
      o.memory_bytes = std::max(o.memory_bytes, peak > baseline ? peak - baseline : 0);
      o.oom_kills = c_.cgroup->oom_kills() - oom_before;
    }
    for (int i = 1; i <= 2; ++i) {
      struct stat st;
      if (fstat(stdio[i], &st) == 0 && S_ISREG(st.st_mode))
        o.largest_output_bytes = std::max<uint64_t>(o.largest_output_bytes, static_cast<uint64_t>(st.st_size));
    }
    for (const char* fs : {"/tmp", kWorkDir}) {
      o.largest_output_bytes = std::max(o.largest_output_bytes, largest_file_owned_by(fs, kBoxUid));
      struct statvfs v;
      if (statvfs(fs, &v) == 0 && v.f_bavail == 0 && !o.full_filesystem[0])
        std::strncpy(o.full_filesystem, fs, sizeof o.full_filesystem - 1);
    }
    if (!r.keep) wipe();
    return o;
  }

 private:
  RunOutcome failed(RunOutcome& o, const std::string& message) {
    std::strncpy(o.setup_error, message.c_str(), sizeof o.setup_error - 1);
    return o;
  }

  void wipe() {
    wipe_all("/tmp");
    wipe_created_by(kWorkDir, kBoxUid);
  }

  const KeeperConfig& c_;
  const int cpus_;
};

}  // namespace

void keeper_main(const KeeperConfig& config) {
  set_up(config);
  if (!send_message(config.channel, kMsgReady)) _exit(1);
  Keeper keeper(config);
  std::string bytes;
  for (;;) {
    std::vector<int> fds;
    if (!receive_message(config.channel, &bytes, &fds)) _exit(0);  // supervisor gone
    RunRequest request;
    RunOutcome outcome;
    if (fds.size() != 3 || !decode_run(bytes, &request)) {
      std::strcpy(outcome.setup_error, "keeper: malformed run message");
    } else {
      int stdio[3] = {fds[0], fds[1], fds[2]};
      outcome = keeper.run(request, stdio);
    }
    for (int fd : fds) close(fd);
    if (!send_message(config.channel,
                      std::string(reinterpret_cast<const char*>(&outcome), sizeof outcome)))
      _exit(1);
  }
}

}  // namespace box
