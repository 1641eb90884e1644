// Slots: the host-side resources of one box, made once and reused run after run.
//
// A slot is a directory /run/shortlist-box/slot-N holding a lock file (flock: one box
// per slot at a time, released by the kernel if its holder dies), a pinned empty
// network namespace, the tmpfs that becomes the box's /box (visible to the engine on
// the host, so it can stage files and collect results), and an empty dir to mount
// the box's root on. The slot number also picks the box's host uids and cgroup name.
// Reusing slots keeps the per-box cost low (no network namespace or cgroup churn).
#pragma once

#include <cstdint>
#include <string>

#include "sys.h"

namespace box {

inline constexpr const char* kSlotBase = "/run/shortlist-box";
inline constexpr int kMaxSlots = 256;

struct Slot {
  int index = -1;
  Fd lock;
  std::string netns_pin, workdir, root_mount_point;
};

// Takes the first free slot, prepares it (creating what is missing) and empties its
// work dir, sized `workdir_bytes`. "" or an error.
std::string acquire_slot(uint64_t workdir_bytes, Slot* out);

}  // namespace box
