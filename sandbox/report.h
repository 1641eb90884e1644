// What a run did (raw measurements from inside the box) and what it means (the report).
//
// Contract: classify() is the single place where measurements become a status.
// Precedence, first match wins: IE (the box failed), MLE (the cgroup's OOM killer
// fired), TLE cpu (tree CPU time over the limit), TLE wall, SV (killed by the
// seccomp filter: SIGSYS), OLE (SIGXFSZ, a written file that reached the output
// limit (RLIMIT_FSIZE stops it there), or
// /box or /tmp full), RE (non-zero exit or any other signal), OK. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "run_limits.h"

namespace box {

enum class Status { OK, RE, TLE, MLE, OLE, SV, IE };
const char* status_name(Status s);

// Filled by the keeper; plain data so it can cross the supervisor channel as bytes.
struct RunOutcome {
  bool started = false;         // the program was exec'd
  char setup_error[200] = {};   // why it was not (stage and errno), or why the box failed
  bool exited = false;          // main process ended by exit(); else by a signal
  int exit_code = 0;
  int signal = 0;
  bool killed_for_cpu = false;  // the keeper stopped it at the CPU limit
  bool killed_for_wall = false;
  double cpu_s = 0;             // whole tree, user + system
  double wall_s = 0;
  double ended_at = 0;          // CLOCK_MONOTONIC when the program ended (orders two boxes' runs)
  uint64_t memory_bytes = 0;    // peak resident of the tree
  uint64_t oom_kills = 0;       // during this run
  uint64_t largest_output_bytes = 0;  // stdout/stderr files the program was given
  char full_filesystem[16] = {};      // "/tmp" or "/box" when it was filled up
};

struct Report {
  Status status = Status::IE;
  const char* limit = nullptr;  // "cpu" / "wall" for TLE (a string literal)
  bool exited = false;
  int exit_code = 0;
  int signal = 0;
  double cpu_s = 0, wall_s = 0;
  double ended_at = 0;  // CLOCK_MONOTONIC seconds: which of two runs ended first
  uint64_t memory_bytes = 0;
  std::string message;
};

Report classify(const RunOutcome& outcome, const Limits& limits);

// An IE report for a failure outside the program (bad request, box setup).
Report internal_error(std::string message);

// The inverse of to_json() (for reports that cross a socket); nullopt if malformed.
std::optional<Report> report_from_json(const std::string& json);

// One JSON object on one line, no trailing newline. `id_json` (already JSON text,
// may be empty) is added as "id" for the resident protocol.
std::string to_json(const Report& report, const std::string& id_json = "");

}  // namespace box
