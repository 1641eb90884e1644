// For the similarity tests: the shared Python fixtures (tests/similarity/testdata,
// also read by the CLI tests): an original, a copy with renamed identifiers,
// reordered functions and changed comments and messages, and the same task solved
// another way. TESTDATA_DIR is set by the test target.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace similarity {

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(TESTDATA_DIR) + "/" + name);
  REQUIRE_MESSAGE(in, "cannot read fixture " << name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace similarity
