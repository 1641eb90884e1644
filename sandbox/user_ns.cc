#include "user_ns.h"

#include <unistd.h>

#include "sys.h"

namespace box {

HostIds host_ids_for_slot(int slot) {
  uid_t box = kHostUidBase + 2 * static_cast<uid_t>(slot);
  return {box + 1, box};
}

std::string write_id_maps(pid_t pid, HostIds ids) {
  std::string map = std::to_string(kKeeperUid) + " " + std::to_string(ids.keeper) + " 1\n" +
                    std::to_string(kBoxUid) + " " + std::to_string(ids.box) + " 1\n";
  std::string base = "/proc/" + std::to_string(pid);
  if (!write_file(base + "/uid_map", map)) return errno_message("write " + base + "/uid_map");
  if (!write_file(base + "/gid_map", map)) return errno_message("write " + base + "/gid_map");
  return "";
}

std::string become_namespace_root() {
  if (setresgid(kKeeperUid, kKeeperUid, kKeeperUid) != 0) return errno_message("setresgid in user namespace");
  if (setresuid(kKeeperUid, kKeeperUid, kKeeperUid) != 0) return errno_message("setresuid in user namespace");
  return "";
}

}  // namespace box
