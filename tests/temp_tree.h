// A directory tree for a test to build files in: made under /tmp, readable by
// everyone (boxed programs run as other uids and read packages), removed when the
// test ends. Shared by the tests that build problem packages on the fly.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

struct TempTree {
  std::filesystem::path root;  // the tree: <scratch dir>/<name>

  explicit TempTree(const std::string& name = "tree") {
    namespace fs = std::filesystem;
    char tmpl[] = "/tmp/shortlist-test-XXXXXX";
    root = fs::path(mkdtemp(tmpl)) / name;
    fs::create_directories(root);
    for (const fs::path& p : {root.parent_path(), root})
      fs::permissions(p, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
  }
  ~TempTree() {
    if (!root.empty()) std::filesystem::remove_all(root.parent_path());
  }
  TempTree(TempTree&& other) noexcept : root(std::move(other.root)) { other.root.clear(); }
  TempTree(const TempTree&) = delete;  // two owners would remove it twice
  TempTree& operator=(const TempTree&) = delete;

  // Writes `text` to root/rel, making the directories on the way.
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  }
  void symlink(const std::string& rel, const std::string& target) const {
    std::filesystem::create_directories((root / rel).parent_path());
    std::filesystem::create_symlink(target, root / rel);
  }
};
