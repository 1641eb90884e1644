#include "judge/compile_cache.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>

#include "judge/boxed_program.h"

namespace engine {

void store_in_compile_cache(const std::string& entry, const std::string& from, const std::vector<std::string>& names) {
  std::string parent = entry.substr(0, entry.rfind('/'));
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  chmod(parent.c_str(), 0700);
  // One name per writer: two threads of one engine compiling the same source
  // once shared a pid-named directory and could rename the other's half-written one.
  std::string tmp = entry + ".tmp-XXXXXX";
  if (mkdtemp(tmp.data()) == nullptr) return;
  for (const std::string& n : names)
    if (!write_file(tmp + "/" + n, read_file(from + "/" + n, 1ull << 30), 0755)) {
      std::filesystem::remove_all(tmp, ec);
      return;
    }
  // rename() fails if another writer's entry is already there: theirs stays.
  if (!write_file(tmp + "/.complete", "", 0600) || rename(tmp.c_str(), entry.c_str()) != 0)
    std::filesystem::remove_all(tmp, ec);
}

bool load_from_compile_cache(const std::string& entry, const std::string& to, std::string* error) {
  struct stat st;
  if (stat((entry + "/.complete").c_str(), &st) != 0) return false;
  for (const std::string& n : sorted_visible(entry))
    if (!write_file(to + "/" + n, read_file(entry + "/" + n, 1ull << 30), 0755)) {
      *error = "cannot stage the cached " + n;
      return true;
    }
  error->clear();
  return true;
}

}  // namespace engine
