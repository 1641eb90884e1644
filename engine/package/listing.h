// Listing a package directory the way the format reads it: names in byte order,
// anything starting with '.' ignored (.gitignore, .timelimit, .git/).
#pragma once

#include <string>
#include <vector>

namespace package {

std::vector<std::string> sorted_visible(const std::string& dir);  // empty if unreadable

}  // namespace package
