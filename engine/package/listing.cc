#include "package/listing.h"

#include <dirent.h>

#include <algorithm>

namespace package {

std::vector<std::string> sorted_visible(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.push_back(e->d_name);  // also skips . and ..
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace package
