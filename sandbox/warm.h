// Warm boxes: what makes a one-shot `shortlist-box run` cheap.
//
// Building and tearing down a box costs ~3.5 ms here (namespaces, ~20 mounts,
// pivot_root, teardown), several times a bare exec. So after a cold run, `run` leaves
// a detached warm server for the same box spec (dirs, sizes, CPU pin, and the
// shortlist-box binary itself, so a rebuilt binary never talks to an old server). The
// server holds one built box and runs what a later `run` hands it over a unix socket
// under /run/shortlist-box (the request, and the run's stdin/stdout/stderr as
// descriptors), one client at a time, exactly as `serve` does; it exits after
// kWarmIdleSeconds without work. A `run` that finds no free warm box runs cold.
//
// Guarantees are those of `serve`: before the answer, every process of the run is
// dead and /box and /tmp are wiped; a client that dies mid-run takes the box down.
#pragma once

#include "box.h"
#include "report.h"
#include "request.h"

namespace box {

inline constexpr int kWarmIdleSeconds = 5;

// Runs `request` in a warm box for `spec`, with the given descriptors (all three
// set). Returns false, having changed nothing, when no warm box was free.
bool run_warm(const BoxSpec& spec, const RunRequest& request, const RunFiles& files, Report* report);

// After a cold run: starts a detached warm server for `spec` unless one exists
// (`shortlist-box warm --dir ... --fs-size ...`, so `ps` says what it is). Returns at once.
void leave_warm_server(const BoxSpec& spec);

// The server itself (the hidden `warm` command); exits when idle.
[[noreturn]] void serve_warm(const BoxSpec& spec);

}  // namespace box
