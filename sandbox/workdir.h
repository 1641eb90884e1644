// Emptying the box's writable places between runs, and moving files in and out.
//
// Contract: wipe_created_by() removes, recursively and without following links,
// every entry directly in `dir` whose owner is `uid` (the program's files), leaving
// the caller's staged files (owned by someone else) in place. It works through
// descriptors (openat/unlinkat), so a link planted by the program cannot redirect it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace box {

// Returns "" or the first error; keeps going past errors.
std::string wipe_created_by(const std::string& dir, uid_t uid);
// Removes everything in `dir` (not `dir` itself).
std::string wipe_all(const std::string& dir);

// Size of the largest regular file under `dir` owned by `uid` (links not followed):
// the output limit holds for every file a program writes, not only stdout.
uint64_t largest_file_owned_by(const std::string& dir, uid_t uid);

// Host side, for `run --workdir`: copies `from` into `to` recursively, regular files
// and dirs with their modes, owned by `uid`. Links are copied as links (never
// followed) when `with_links`, else left out: a link the program made would resolve
// on the host, where it may point at anything. FIFOs, sockets, devices: left out.
std::string copy_tree(const std::string& from, const std::string& to, uid_t uid, gid_t gid, bool with_links);

}  // namespace box
