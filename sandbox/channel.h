// The supervisor <-> keeper channel: a SOCK_SEQPACKET socketpair carrying one
// message per datagram, optionally with file descriptors (SCM_RIGHTS).
//
// Why descriptors: after pivot_root the keeper cannot see host paths, so the
// supervisor opens the run's stdin/stdout/stderr on the host and hands them over.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace box {

// Sends `bytes` and `fds` as one message. false on error (errno set).
bool send_message(int socket, const std::string& bytes, const std::vector<int>& fds = {});

// Receives one message (up to 1 MiB); received descriptors are appended to *fds
// with O_CLOEXEC. Returns false on EOF or error (errno 0 on EOF).
bool receive_message(int socket, std::string* bytes, std::vector<int>* fds = nullptr);

}  // namespace box
