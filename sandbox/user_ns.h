// The user namespace: the box's last privilege drop.
//
// Recipe: the keeper does all privileged set-up as real root, then calls
// unshare(CLONE_NEWUSER); the supervisor (still real root outside) writes the id maps;
// the keeper then becomes the namespace's root, which maps to an unprivileged host
// uid. The program later runs as kBoxUid (another unprivileged host uid). Neither
// uid owns any of the box's other namespaces, so even "root" inside cannot mount,
// change the network or reach the host.
#pragma once

#include <sys/types.h>

#include <string>

namespace box {

inline constexpr uid_t kKeeperUid = 0;   // inside; host uid kHostUidBase + 2*slot + 1
inline constexpr uid_t kBoxUid = 1000;   // inside; host uid kHostUidBase + 2*slot
inline constexpr uid_t kHostUidBase = 60000;

struct HostIds {
  uid_t keeper;
  uid_t box;
};
HostIds host_ids_for_slot(int slot);

// Supervisor side: writes uid_map and gid_map of `pid` (already in its new user ns).
std::string write_id_maps(pid_t pid, HostIds ids);

// Keeper side, after the maps are written: become root of the new namespace.
std::string become_namespace_root();

}  // namespace box
