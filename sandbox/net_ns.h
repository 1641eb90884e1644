// The network namespace: the box gets one with no interface up, so no network at all
// (not even loopback to the host's services) and its own abstract unix sockets.
//
// Creating a network namespace costs about 1 ms on these machines, mostly its
// teardown, so each slot keeps one pinned (bind-mounted on a file) and boxes enter it
// with setns(). A slot is used by one box at a time, so boxes never share one.
#pragma once

#include <string>

namespace box {

// Makes sure `pin_path` holds an empty network namespace; creates it if not.
std::string ensure_pinned_netns(const std::string& pin_path);

// Enters the namespace pinned at `pin_path` (caller must be real root).
std::string enter_netns(const std::string& pin_path);

}  // namespace box
