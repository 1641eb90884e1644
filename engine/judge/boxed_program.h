// A program (a submission, an output or input validator) built and run in a
// resident box of its own.
//
// build() starts the box, stages the program's files into its /box (root-owned, so
// no run can change or remove them), picks the language (given, or from the files:
// C/C++ before Python for a directory of sources) and compiles in the box. The
// compiler's outputs are taken over the same way. Links in the sources are copied
// as their contents; links the compiler leaves are never followed.
#pragma once

#include <string>
#include <vector>

#include "judge/box_client.h"
#include "languages/languages.h"
#include "package/listing.h"
#include "package/problem_config.h"

namespace engine {

class BoxedProgram {
 public:
  // "" on success; "CE: <compiler output>" for a compile error; otherwise why the
  // program could not be prepared (a judge error).
  std::string build(const std::string& box_binary, const std::vector<std::string>& dirs, const std::string& path,
                    const LanguageTable& languages, const Language* language, const package::Limits& limits,
                    int memory_mib, const std::string& scratch_prefix);

  std::vector<std::string> argv() const { return expand(language_->run, files_); }
  const Language& language() const { return *language_; }
  BoxClient& box() { return box_; }

 private:
  BoxClient box_;
  const Language* language_ = nullptr;
  ProgramFiles files_;
};

// Helpers shared with the judge.
std::string read_file(const std::string& path, size_t limit = 64 << 20);  // O_NOFOLLOW; "" if unreadable
using package::sorted_visible;

}  // namespace engine
