#include "box.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "channel.h"
#include "keeper.h"
#include "user_ns.h"
#include "workdir.h"

namespace box {
namespace {

Fd open_for_run(const std::string& path, bool for_writing, std::string* error) {
  const char* p = path.empty() ? "/dev/null" : path.c_str();
  int flags = for_writing ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY;
  Fd fd(::open(p, flags | O_CLOEXEC | O_NOCTTY, 0644));
  if (!fd.valid()) *error = errno_message(std::string("open ") + p);
  return fd;
}

}  // namespace

std::string Box::start(const BoxSpec& spec, std::unique_ptr<Box>* out) {
  std::unique_ptr<Box> b(new Box());
  // 1. Host resources of a free slot: lock, pinned network namespace, work dir.
  if (std::string e = acquire_slot(spec.fs_size_bytes, &b->slot_); !e.empty()) return e;
  // 2. The cgroup (memory, pids, CPU of the whole tree), opened before the keeper
  //    loses sight of /sys.
  b->cgroup_ = open_box_cgroup(detect_cgroups(), "slot-" + std::to_string(b->slot_.index), &b->cgroup_error_);
  if (b->cgroup_)
    if (std::string e = b->cgroup_->drain(); !e.empty()) return e;

  int pair[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) return errno_message("socketpair");
  b->channel_.reset(pair[0]);
  Fd keeper_end(pair[1]);

  KeeperConfig config;
  config.channel = keeper_end.get();
  config.netns_pin = b->slot_.netns_pin;
  config.view.root_mount_point = b->slot_.root_mount_point;
  config.view.workdir_host = b->slot_.workdir;
  config.view.tmp_size_bytes = spec.fs_size_bytes;
  config.view.binds = spec.dirs;
  config.cgroup = b->cgroup_.get();
  config.fallbacks = {!b->cgroup_ || !b->cgroup_->has_memory(), !b->cgroup_ || !b->cgroup_->has_pids()};

  // 3. The keeper in new pid, mount, ipc and uts namespaces (it enters the slot's
  //    network namespace and makes its user namespace itself, see keeper.h).
  long pid = syscall(SYS_clone, CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | SIGCHLD, nullptr,
                     nullptr, nullptr, 0);
  if (pid < 0) return errno_message("clone the keeper with new pid/mount/ipc/uts namespaces");
  if (pid == 0) {
    b->channel_.reset();
    keeper_main(config);
  }
  b->keeper_ = static_cast<pid_t>(pid);
  keeper_end.reset();
  write_file("/proc/" + std::to_string(pid) + "/oom_score_adj", "-1000");

  // 4. Handshake: map the user namespace ids when asked, then wait for "ready".
  std::string message;
  for (;;) {
    if (!receive_message(b->channel_.get(), &message)) return "the keeper died while setting up the box";
    if (message == kMsgMapIds) {
      std::string e = write_id_maps(b->keeper_, host_ids_for_slot(b->slot_.index));
      if (!e.empty()) return e;
      if (!send_message(b->channel_.get(), kMsgIdsMapped)) return errno_message("answer the keeper");
    } else if (message == kMsgReady) {
      break;
    } else {
      return "box set-up: " + message;
    }
  }
  *out = std::move(b);
  return "";
}

Box::~Box() {
  // Killed and reaped here: a keeper left for the host's init to reap stays charged
  // to the slot's pids cgroup, as a zombie, until that happens (seconds, on some hosts).
  kill_keeper();
  if (slot_.index >= 0) wipe_all(slot_.workdir);  // nothing of an applicant stays behind
}

void Box::kill_keeper() {
  if (keeper_ > 0) {
    kill(keeper_, SIGKILL);
    while (waitpid(keeper_, nullptr, 0) < 0 && errno == EINTR) {
    }
    keeper_ = -1;
  }
  broken_ = true;
}

uid_t Box::box_host_uid() const { return host_ids_for_slot(slot_.index).box; }

Box::Protections Box::protections() const {
  Protections p;
  p.cgroup = cgroup_ ? std::string("cgroup ") + cgroup_->version() : "";
  p.memory = cgroup_ && cgroup_->has_memory();
  p.processes = cgroup_ && cgroup_->has_pids();
  p.cpu = cgroup_ && cgroup_->has_cpu();
  p.cgroup_problem = cgroup_error_;
  return p;
}

std::string Box::Protections::text() const {
  return std::string("memory: ") + (memory ? cgroup : "RLIMIT_AS fallback") + "; processes: " +
         (processes ? cgroup : "RLIMIT_NPROC fallback") + "; cpu: " +
         (cpu ? cgroup + " (whole tree)" : "main process clock") +
         (cgroup_problem.empty() ? "" : "; cgroup problem: " + cgroup_problem);
}

Report Box::run(const RunRequest& request, const RunFiles& files, int cancel_fd) {
  if (broken_) return internal_error("the box is broken by an earlier failure");
  std::string error;
  Fd in, out, err;
  int fds[3] = {files.stdin_fd, files.stdout_fd, files.stderr_fd};
  // Opening a named pipe waits for its other end; the order is the caller's choice.
  auto open_stdin = [&] {
    if (fds[0] < 0 && error.empty()) fds[0] = (in = open_for_run(request.stdin_path, false, &error)).get();
  };
  auto open_stdout = [&] {
    if (fds[1] < 0 && error.empty()) fds[1] = (out = open_for_run(request.stdout_path, true, &error)).get();
  };
  if (request.stdout_first) open_stdout(), open_stdin();
  else open_stdin(), open_stdout();
  if (fds[2] < 0 && error.empty()) fds[2] = (err = open_for_run(request.stderr_path, true, &error)).get();
  if (!error.empty()) return internal_error(error);

  if (!send_message(channel_.get(), encode_run(request), {fds[0], fds[1], fds[2]})) {
    kill_keeper();
    return internal_error(errno_message("send the run to the keeper"));
  }
  // The keeper has its own copies now (kept until its program is reaped); ours go,
  // so that a pipe's other end sees EOF when the keeper lets go, not later.
  in.reset();
  out.reset();
  err.reset();
  // The caller is gone when nobody reads its answers any more (POLLERR on a pipe
  // whose reader closed); then the box dies at once rather than at the wall limit.
  pollfd watch[2] = {{channel_.get(), POLLIN, 0}, {cancel_fd, 0, 0}};
  // The keeper answers within the wall limit; past that plus a grace period it is
  // stuck (which it should never be) and the box is given up rather than waited on.
  int give_up_ms = static_cast<int>((request.limits.wall_s + 10) * 1000);
  for (;;) {
    int n = poll(watch, cancel_fd >= 0 ? 2 : 1, give_up_ms);
    if (n == 0) {
      kill_keeper();
      return internal_error("the keeper did not answer within the wall limit + 10 s");
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      kill_keeper();
      return internal_error(errno_message("poll"));
    }
    if (watch[0].revents) break;
    if (watch[1].revents & (POLLHUP | POLLERR)) {
      kill_keeper();
      cancelled_ = true;
      return internal_error("cancelled: the caller went away");
    }
  }
  std::string reply;
  if (!receive_message(channel_.get(), &reply) || reply.size() != sizeof(RunOutcome)) {
    kill_keeper();
    return internal_error("the keeper died during the run");
  }
  RunOutcome outcome;
  std::memcpy(&outcome, reply.data(), sizeof outcome);
  return classify(outcome, request.limits);
}

}  // namespace box
