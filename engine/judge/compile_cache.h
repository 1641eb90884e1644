// The compile cache: a directory of compiled programs, one entry per compile key
// (judge/boxed_program.h compile_key). Several worker threads, and several
// engines, share it.
//
// Contract: an entry appears whole or not at all. A writer fills a temporary
// directory of its own (mkdtemp: unique per thread and process) and renames it
// into place; the first rename wins and later writers drop their copy. Readers
// take an entry only once its `.complete` marker is there. A failed store only
// costs a later recompile.
#pragma once

#include <string>
#include <vector>

namespace engine {

// Copies the files `names` of directory `from` into the cache entry `entry`
// (a path under the cache directory, whose parent is made 0700 if missing).
void store_in_compile_cache(const std::string& entry, const std::string& from, const std::vector<std::string>& names);

// Copies a complete entry's files into `to` (mode 0755). false if there is no
// complete entry; *error says why a complete one could not be copied.
bool load_from_compile_cache(const std::string& entry, const std::string& to, std::string* error);

}  // namespace engine
