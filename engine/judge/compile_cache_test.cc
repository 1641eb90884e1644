#include "judge/compile_cache.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <latch>
#include <thread>

#include "judge/boxed_program.h"

namespace engine {
namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/shortlist-cache-test-XXXXXX";
    REQUIRE(mkdtemp(t) != nullptr);
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

TEST_CASE("compile cache: an entry stored and loaded again holds the same files") {
  TempDir d;
  std::filesystem::create_directories(d.path + "/out");
  std::filesystem::create_directories(d.path + "/in");
  REQUIRE(write_file(d.path + "/out/a.out", "binary", 0755));
  std::string error = "unset";
  CHECK_FALSE(load_from_compile_cache(d.path + "/cache/ab/key", d.path + "/in", &error));
  store_in_compile_cache(d.path + "/cache/ab/key", d.path + "/out", {"a.out"});
  CHECK(load_from_compile_cache(d.path + "/cache/ab/key", d.path + "/in", &error));
  CHECK(error.empty());
  CHECK(read_file(d.path + "/in/a.out") == "binary");
}

// Two worker threads of one engine that compile the same source store the same
// entry at the same moment. Whichever rename wins, the entry must be whole: no
// file missing or cut short, no writer's temporary directory left behind.
TEST_CASE("compile cache: writers racing on one entry leave it whole") {
  TempDir d;
  const int writers = 8, rounds = 25;
  std::vector<std::string> names = {"a.out", "b.jar", "c.bin"};
  for (int w = 0; w < writers; ++w) {
    std::string out = d.path + "/out" + std::to_string(w);
    std::filesystem::create_directories(out);
    for (size_t i = 0; i < names.size(); ++i)
      REQUIRE(write_file(out + "/" + names[i], std::string(256 << 10, static_cast<char>('a' + i)), 0755));
  }
  for (int round = 0; round < rounds; ++round) {
    std::string entry = d.path + "/cache/k" + std::to_string(round);
    std::latch start(writers);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
      threads.emplace_back([&, w] {
        start.arrive_and_wait();
        store_in_compile_cache(entry, d.path + "/out" + std::to_string(w), names);
      });
    for (std::thread& t : threads) t.join();
    INFO("round " << round);
    REQUIRE(std::filesystem::exists(entry + "/.complete"));
    for (size_t i = 0; i < names.size(); ++i)
      REQUIRE(read_file(entry + "/" + names[i]) == std::string(256 << 10, static_cast<char>('a' + i)));
    CHECK(sorted_visible(entry).size() == names.size());
  }
  int left = 0;
  for (const auto& e : std::filesystem::directory_iterator(d.path + "/cache"))
    left += e.path().filename().string().find(".tmp") != std::string::npos;
  CHECK(left == 0);
}

}  // namespace
}  // namespace engine
