// shortlist-box: runs untrusted programs in a box. Commands:
//   run    one run, report as JSON (for authors, debugging and tests)
//   serve  a resident box for the engine: JSON request lines in, report lines out
//   check  what this host supports and which protections are active
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "box.h"
#include "check.h"
#include "request.h"
#include "warm.h"
#include "workdir.h"

namespace {

constexpr int kExitInternalError = 1;
constexpr int kExitBadArguments = 2;

struct BadArgument {
  std::string message;
};

struct TextOptions {  // as typed, validated after parsing so errors can name them
  std::string cpu, wall, memory, stack, output, fs_size;
  std::vector<std::string> dirs, env;
  int pin_cpu = -1;
};

void add_box_options(CLI::App* cmd, TextOptions* t) {
  cmd->add_option("--pin-cpu", t->pin_cpu,
                  "N  run the supervisor, the box and its programs on CPU N only (one worker slot per core: "
                  "no cross-CPU wake-ups, steadier timing)");
  cmd->add_option("--dir", t->dirs,
                  "HOST_PATH[:INSIDE_PATH][:rw]  bind a host dir or file into the box (read-only unless :rw); "
                  "repeatable")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--fs-size", t->fs_size, "SIZE  cap of each of /box and /tmp (default 64m)");
}

void add_limit_options(CLI::App* cmd, TextOptions* t, box::Limits* l) {
  cmd->add_option("--cpu", t->cpu, "SECONDS  CPU time of the whole process tree (default 10)");
  cmd->add_option("--wall", t->wall, "SECONDS  wall-clock time (default 2*cpu+1)");
  cmd->add_option("--memory", t->memory, "SIZE  resident memory of the box, k/m/g suffixes (default 256m)");
  cmd->add_option("--stack", t->stack, "SIZE  stack of each process (default: memory + 64m, so that deep recursion ends as MLE)");
  cmd->add_option("--processes", l->processes, "N  processes + threads (default 64)");
  cmd->add_option("--output", t->output, "SIZE  largest file the program may write, stdout/stderr included (default 64m)");
  cmd->add_option("--open-files", l->open_files, "N  open file descriptors (default 64)");
  cmd->add_option("--env", t->env, "NAME=VALUE  extra environment; repeatable")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void finish_box_spec(const TextOptions& t, box::BoxSpec* spec) {
  std::string err;
  if (t.pin_cpu >= 0) {
    // Inherited by the keeper and every program it starts.
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(t.pin_cpu, &set);
    if (t.pin_cpu >= CPU_SETSIZE || sched_setaffinity(0, sizeof set, &set) != 0)
      throw BadArgument{"--pin-cpu " + std::to_string(t.pin_cpu) + ": not a CPU this process may use"};
  }
  if (!t.fs_size.empty()) {
    auto v = box::parse_size(t.fs_size, &err);
    if (!v || *v < (1u << 20)) throw BadArgument{"--fs-size " + (v ? "must be at least 1m" : err)};
    spec->fs_size_bytes = *v;
  }
  for (const std::string& d : t.dirs) {
    box::BindMount m;
    if (std::string e = box::parse_dir_spec(d, &m); !e.empty()) throw BadArgument{e};
    struct stat st;
    if (stat(m.host_path.c_str(), &st) != 0) throw BadArgument{"--dir '" + d + "': " + m.host_path + " does not exist"};
    spec->dirs.push_back(m);
  }
}

void finish_limits(const TextOptions& t, box::Limits* l, std::vector<std::string>* env) {
  std::string err;
  auto seconds = [&](const std::string& text, const char* name, double* out) {
    if (text.empty()) return;
    auto v = box::parse_seconds(text, &err);
    if (!v) throw BadArgument{std::string(name) + " " + err};
    *out = *v;
  };
  auto size = [&](const std::string& text, const char* name, uint64_t* out) {
    if (text.empty()) return;
    auto v = box::parse_size(text, &err);
    if (!v) throw BadArgument{std::string(name) + " " + err};
    *out = *v;
  };
  seconds(t.cpu, "--cpu", &l->cpu_s);
  seconds(t.wall, "--wall", &l->wall_s);
  size(t.memory, "--memory", &l->memory_bytes);
  size(t.stack, "--stack", &l->stack_bytes);
  size(t.output, "--output", &l->output_bytes);
  if (std::string e = l->finish(); !e.empty()) throw BadArgument{e};
  for (const std::string& e : t.env) {
    if (!box::valid_env_assignment(e)) throw BadArgument{"--env '" + e + "': expected NAME=VALUE"};
    env->push_back(e);
  }
}

// Copies at most `limit` bytes of a captured output; returns its last byte (0 if none).
char echo_and_close(int memfd, FILE* to, uint64_t limit) {
  if (memfd < 0) return 0;
  char buf[65536], last = 0;
  ssize_t n;
  off_t off = 0;
  while (static_cast<uint64_t>(off) < limit &&
         (n = pread(memfd, buf, std::min<uint64_t>(sizeof buf, limit - off), off)) > 0) {
    fwrite(buf, 1, static_cast<size_t>(n), to);
    last = buf[n - 1];
    off += n;
  }
  fflush(to);
  close(memfd);
  return last;
}

int emit_report(const box::Report& report, const std::string& report_path) {
  std::string line = box::to_json(report) + "\n";
  if (report_path == "-") {
    fputs(line.c_str(), stdout);
    fflush(stdout);
  } else {
    FILE* f = fopen(report_path.c_str(), "w");
    if (!f || fputs(line.c_str(), f) < 0 || fclose(f) != 0) {
      std::fprintf(stderr, "shortlist-box: cannot write the report to %s\n", report_path.c_str());
      return kExitInternalError;
    }
  }
  return report.status == box::Status::IE ? kExitInternalError : 0;
}

// Puts a descriptor back to the start (and empties an output) before a second try.
void rewind_file(int fd, bool output) {
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
  if (output && ftruncate(fd, 0) != 0) return;
  lseek(fd, 0, SEEK_SET);
}

int command_run(const TextOptions& t, box::RunRequest req, const std::string& workdir,
                const std::string& report_path, bool cold) {
  box::BoxSpec spec;
  finish_box_spec(t, &spec);
  finish_limits(t, &req.limits, &req.env);
  struct stat st;
  if (!workdir.empty() && (stat(workdir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)))
    throw BadArgument{"--workdir '" + workdir + "': not a directory"};

  // The run's files are opened here, so that a warm box and a cold one get the same
  // descriptors. Without --stdout/--stderr the output is captured (so the output
  // limit holds) and shown after the run.
  box::Fd in(::open(req.stdin_path.empty() ? "/dev/null" : req.stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) throw BadArgument{"--stdin '" + req.stdin_path + "': not a readable file"};
  auto output = [](const std::string& path, const char* capture_name) {
    int fd = path.empty() ? memfd_create(capture_name, MFD_CLOEXEC)
                          : ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw BadArgument{std::string("cannot open ") + (path.empty() ? capture_name : path.c_str()) +
                                  ": " + std::strerror(errno)};
    return box::Fd(fd);
  };
  box::Fd out = output(req.stdout_path, "stdout"), err = output(req.stderr_path, "stderr");
  box::RunFiles files{in.get(), out.get(), err.get()};

  bool warm_allowed = workdir.empty() && !cold;
  box::Report report;
  bool warm = warm_allowed && box::run_warm(spec, req, files, &report);
  std::unique_ptr<box::Box> b;
  if (!warm) {
    rewind_file(in.get(), false);
    rewind_file(out.get(), true);
    rewind_file(err.get(), true);
    if (std::string e = box::Box::start(spec, &b); !e.empty()) return emit_report(box::internal_error(e), report_path);
    if (!workdir.empty()) {
      uid_t uid = b->box_host_uid();
      if (std::string e = box::copy_tree(workdir, b->workdir_host(), uid, uid, true); !e.empty())
        return emit_report(box::internal_error(e), report_path);
      req.keep = true;
    }
    report = b->run(req, files);
    if (!workdir.empty() && report.status != box::Status::IE) {
      if (std::string e = box::copy_tree(b->workdir_host(), workdir, 0, 0, false); !e.empty())
        report.message += (report.message.empty() ? "" : "; ") + ("copying the work dir back: " + e);
    }
  }
  if (req.stderr_path.empty()) echo_and_close(err.release(), stderr, req.limits.output_bytes);
  char last = req.stdout_path.empty() ? echo_and_close(out.release(), stdout, req.limits.output_bytes) : 0;
  if (report_path == "-" && last != 0 && last != '\n') fputc('\n', stdout);  // the report gets its own line
  int exit_code = emit_report(report, report_path);
  b.reset();  // after the report: tearing the box down is not the caller's wait
  if (!warm && warm_allowed) box::leave_warm_server(spec);
  return exit_code;
}

int command_serve(const TextOptions& t) {
  box::BoxSpec spec;
  finish_box_spec(t, &spec);
  signal(SIGPIPE, SIG_IGN);
  std::unique_ptr<box::Box> b;
  if (std::string e = box::Box::start(spec, &b); !e.empty()) {
    std::printf("{\"ready\":false,\"message\":%s}\n", box::to_json(box::internal_error(e)).c_str());
    return kExitInternalError;
  }
  std::printf("{\"ready\":true,\"slot\":%d,\"workdir\":\"%s\",\"protections\":\"%s\"}\n", b->slot(),
              b->workdir_host().c_str(), b->protections().text().c_str());
  fflush(stdout);
  std::string line;
  for (size_t number = 1; std::getline(std::cin, line); ++number) {
    if (line.empty()) continue;
    box::RunRequest req;
    box::Report report;
    if (std::string e = box::parse_request(line, &req); !e.empty()) {
      report = box::internal_error("request line " + std::to_string(number) + ": " + e);
      req.id_json = box::request_id(line);
    } else {
      report = b->run(req, {}, STDOUT_FILENO);
    }
    std::string answer = box::to_json(report, req.id_json) + "\n";
    if (fputs(answer.c_str(), stdout) < 0 || fflush(stdout) != 0) return 0;  // caller gone
    if (b->cancelled()) return 0;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"shortlist-box: runs untrusted programs in a box (namespaces, cgroup, seccomp) and reports "
               "status, time and memory as JSON."};
  app.require_subcommand(1);
  TextOptions t;
  box::RunRequest req;
  std::string workdir, report_path = "-";
  bool json = false, allow_fallbacks = false, cold = false;

  CLI::App* run = app.add_subcommand("run", "Run one program in a fresh box and print its report (JSON).\n"
                                            "Exit code: 0 when the run was carried out (any status), 1 for IE, "
                                            "2 for bad arguments.");
  add_limit_options(run, &t, &req.limits);
  add_box_options(run, &t);
  run->add_option("--stdin", req.stdin_path, "FILE  host file given as stdin (default /dev/null)");
  run->add_option("--stdout", req.stdout_path, "FILE  host file for stdout (default: captured, echoed after the run)");
  run->add_option("--stderr", req.stderr_path, "FILE  host file for stderr (default: captured, echoed after the run)");
  run->add_option("--workdir", workdir,
                  "HOST_DIR  copied into /box before the run; what the program leaves there is copied back");
  run->add_option("--cwd", req.cwd, "INSIDE_PATH  working directory of the program (default /box)");
  run->add_option("--report", report_path, "FILE|-  where the JSON report goes (default - = stdout, last line)");
  run->add_flag("--cold", cold,
                "build a fresh box for this run (by default a warm box left by an earlier run with the same "
                "--dir/--fs-size/CPU pin is used when one is free)");
  run->footer("After the options: -- PROGRAM [ARGS...] (resolved inside the box on PATH=/usr/local/bin:/usr/bin:/bin).");

  CLI::App* serve = app.add_subcommand(
      "serve", "Resident box: prints {\"ready\":true,\"slot\":N,\"workdir\":HOST_PATH}, then answers each JSON "
               "request line on stdin ({\"id\",\"argv\",\"cpu\",\"wall\",\"memory\",\"stack\",\"processes\","
               "\"output\",\"open_files\",\"stdin\",\"stdout\",\"stderr\",\"env\",\"cwd\",\"keep\",\"stdout_first\"}) with one report "
               "line carrying the same id. EOF ends it; if the reader of its answers goes away, the box dies.");
  add_box_options(serve, &t);

  CLI::App* warm = app.add_subcommand("warm", "")->group("");  // started by `run` itself, see warm.h
  add_box_options(warm, &t);

  CLI::App* check = app.add_subcommand("check", "Say what this host supports and which protections are active; "
                                                "exit 1 if a required one is missing.");
  check->add_flag("--json", json, "print one JSON object");
  check->add_flag("--allow-fallbacks", allow_fallbacks, "accept RLIMIT_AS/RLIMIT_NPROC instead of cgroup limits");

  // Everything after the first "--" is the program's, whatever it looks like; the
  // parser only ever sees what comes before.
  int ours = argc;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--") {
      ours = i;
      break;
    }
  for (int i = ours + 1; i < argc; ++i) req.argv.push_back(argv[i]);
  try {
    app.parse(ours, argv);
    if (run->parsed()) {
      if (req.argv.empty()) throw BadArgument{"run: expected -- PROGRAM [ARGS...] after the options"};
      return command_run(t, req, workdir, report_path, cold);
    }
    if (ours != argc) throw BadArgument{"'--' is only for run"};
    if (serve->parsed()) return command_serve(t);
    if (warm->parsed()) {
      box::BoxSpec spec;
      finish_box_spec(t, &spec);
      box::serve_warm(spec);
    }
    return box::print_check(box::check_host(allow_fallbacks), json);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "shortlist-box: %s (see --help)\n", e.what());
    return kExitBadArguments;
  } catch (const BadArgument& e) {
    std::fprintf(stderr, "shortlist-box: %s\n", e.message.c_str());
    return kExitBadArguments;
  }
}
