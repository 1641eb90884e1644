// The box's seccomp filter: compiled at build time (seccomp_policy.cc), loaded here.
//
// Contract: load_seccomp_filter() installs the filter on the calling thread and
// everything it execs; the caller must have set no_new_privs. It is the last step
// before execve, so its error text is the only thing the caller still reports.
#pragma once

namespace box {

// 0 on success, else an errno value.
int load_seccomp_filter();

// Number of BPF instructions (for `check`).
unsigned seccomp_filter_length();

}  // namespace box
