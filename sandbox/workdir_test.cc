// Adversarial tests of moving and wiping a program's files on the host: whatever
// links, FIFOs or locked dirs the program leaves, nothing outside the dirs named
// may be read, written or removed.
#include "workdir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "temp_tree.h"

namespace fs = std::filesystem;
using namespace box;

namespace {

struct Scratch : TempTree {
  Scratch() : TempTree("workdir") {}
};

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
std::string read(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("copy_tree copies files, dirs and links without following links") {
  Scratch s;
  fs::path from = s.root / "from", to = s.root / "to", outside = s.root / "outside";
  fs::create_directories(from / "sub");
  fs::create_directories(to);
  fs::create_directories(outside);
  write(outside / "keep", "host file\n");
  write(from / "sub" / "a.txt", "a\n");
  fs::create_symlink(outside, from / "dir-link");                 // absolute, to a dir
  fs::create_symlink(outside / "keep", from / "file-link");       // absolute, to a file
  fs::create_symlink("../../../../../../../../.." + outside.string(), from / "climb-link");
  mkfifo((from / "fifo").c_str(), 0644);

  CHECK(copy_tree(from.string(), to.string(), getuid(), getgid(), true) == "");
  CHECK(read(to / "sub" / "a.txt") == "a\n");
  CHECK(fs::is_symlink(to / "dir-link"));
  CHECK(fs::read_symlink(to / "file-link") == outside / "keep");
  CHECK(fs::is_symlink(to / "climb-link"));
  CHECK(!fs::exists(fs::symlink_status(to / "fifo")));
  // Nothing outside was touched.
  CHECK(read(outside / "keep") == "host file\n");
  CHECK(fs::is_directory(fs::symlink_status(outside)));
}

TEST_CASE("copy_tree without links brings back files and dirs only") {
  Scratch s;
  fs::path from = s.root / "from", to = s.root / "to";
  fs::create_directories(from / "sub");
  fs::create_directories(to);
  write(from / "sub" / "a.txt", "a\n");
  fs::create_symlink("/etc", from / "etc-link");
  fs::create_symlink("sub/a.txt", from / "inner-link");
  mkfifo((from / "fifo").c_str(), 0644);
  CHECK(copy_tree(from.string(), to.string(), getuid(), getgid(), false) == "");
  CHECK(read(to / "sub" / "a.txt") == "a\n");
  CHECK(!fs::exists(fs::symlink_status(to / "etc-link")));
  CHECK(!fs::exists(fs::symlink_status(to / "inner-link")));
  CHECK(!fs::exists(fs::symlink_status(to / "fifo")));
}

TEST_CASE("copy_tree never writes through a link already at the destination") {
  Scratch s;
  fs::path from = s.root / "from", to = s.root / "to", outside = s.root / "outside";
  fs::create_directories(from / "d");
  fs::create_directories(to);
  fs::create_directories(outside);
  write(outside / "victim", "unchanged\n");
  // An earlier copy-back left links named like the program's new files.
  fs::create_symlink(outside / "victim", to / "out.txt");
  fs::create_symlink(outside, to / "d");
  write(from / "out.txt", "program output\n");
  write(from / "d" / "victim", "overwritten?\n");

  CHECK(copy_tree(from.string(), to.string(), getuid(), getgid(), false) == "");
  CHECK(read(outside / "victim") == "unchanged\n");
  CHECK(!fs::is_symlink(to / "out.txt"));
  CHECK(read(to / "out.txt") == "program output\n");
  CHECK(fs::is_directory(fs::symlink_status(to / "d")));
  CHECK(read(to / "d" / "victim") == "overwritten?\n");
  CHECK(fs::exists(outside / "victim"));
}

TEST_CASE("wipe_all removes links, not their targets, and enters locked dirs") {
  Scratch s;
  fs::path dir = s.root / "work", outside = s.root / "outside";
  fs::create_directories(dir / "locked" / "inner");
  fs::create_directories(outside);
  write(outside / "keep", "host file\n");
  write(dir / "locked" / "inner" / "f", "x");
  chmod((dir / "locked").c_str(), 0);
  fs::create_symlink(outside, dir / "dir-link");
  fs::create_symlink(outside / "keep", dir / "file-link");
  mkfifo((dir / "fifo").c_str(), 0644);

  CHECK(wipe_all(dir.string()) == "");
  CHECK(fs::is_empty(dir));
  CHECK(read(outside / "keep") == "host file\n");
}

TEST_CASE("wipe_created_by leaves other owners' files") {
  Scratch s;
  fs::path dir = s.root / "work";
  fs::create_directories(dir);
  write(dir / "mine", "x");
  write(dir / "staged", "y");
  REQUIRE(chown((dir / "staged").c_str(), 12345, 12345) == 0);
  CHECK(wipe_created_by(dir.string(), getuid()) == "");
  CHECK(!fs::exists(dir / "mine"));
  CHECK(fs::exists(dir / "staged"));
}
