// The mount namespace: the filesystem the program sees.
//
// A fresh tmpfs becomes the root; into it go read-only, nosuid, nodev binds of what
// language runtimes need (/usr and the /bin, /lib* links or dirs, a few /etc files),
// the box's own /etc/passwd and /etc/group, five device nodes, a /proc of the box's
// pid namespace (other users' processes hidden), a size-capped /tmp, the work dir
// /box, and the operator's --dir binds. The root is then made read-only and the
// process pivots into it; the host's tree is detached and unreachable.
//
// Contract: called by the keeper, real root, inside its new mount namespace, after
// it joined its new pid namespace (for /proc) and before it drops privileges.
#pragma once

#include <string>
#include <vector>

#include "request.h"

namespace box {

struct FilesystemView {
  std::string root_mount_point;  // an empty host dir to mount the new root on
  std::string workdir_host;      // host dir that becomes /box (a tmpfs of the slot)
  uint64_t tmp_size_bytes = 64ull << 20;
  std::vector<BindMount> binds;  // operator's --dir
};

std::string build_filesystem_view(const FilesystemView& view);

// The /etc entries copied into every box (bound read-only when the host has them).
const std::vector<std::string>& etc_entries();

}  // namespace box
