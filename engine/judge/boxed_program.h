// A program (a submission, an output or input validator) built and run in a
// resident box of its own.
//
// build() starts the box, stages the program's files into its /box (root-owned, so
// no run can change or remove them), picks the language (given, or from the files:
// C/C++ before Python for a directory of sources; a directory with `build` or `run`
// scripts runs `./build`, then `./run` is the program) and compiles in the box. The
// compiler's outputs are taken over the same way. Links in the sources are copied
// as their contents; links the compiler leaves are never followed.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "judge/box_client.h"
#include "languages/languages.h"
#include "package/listing.h"
#include "package/problem_config.h"

namespace engine {

struct BuildSpec {
  std::string box_binary;
  std::vector<std::string> dirs;  // --dir arguments of the box
  std::string path;               // the program: a file, or a directory of sources
  const LanguageTable* languages = nullptr;
  const Language* language = nullptr;  // nullptr: from the files
  package::Limits limits;              // compilation_time, compilation_memory
  int memory_mib = 256;                // {memory_mib} in the run command
  std::string scratch_prefix;          // for the compiler's stdout/stderr
  std::string include_dir;             // package include/<language>/: copied in, overwriting
  std::string cache_dir;               // compiled programs, by hash; "" = no cache
};

class BoxedProgram {
 public:
  // "" on success; "CE: <compiler output>" for a compile error; otherwise why the
  // program could not be prepared (a judge error).
  std::string build(const BuildSpec& spec);

  std::vector<std::string> argv() const { return expand(language_->run, files_); }
  // A memory limit of `mib` for this program: its language's extra memory on top
  // (a JVM's heap is set to the limit, the JVM itself needs more).
  long long memory_bytes(int mib) const { return static_cast<long long>(mib + language_->extra_memory_mib) << 20; }
  const Language& language() const { return *language_; }
  bool has_language() const { return language_ != nullptr; }
  BoxClient& box() { return box_; }
  bool from_cache() const { return from_cache_; }

 private:
  BoxClient box_;
  const Language* language_ = nullptr;
  ProgramFiles files_;
  bool from_cache_ = false;
  Language script_language_;  // a program with build/run scripts
  std::string check_run_script();
};

// How the package's own programs (validators, graders) are built: with the
// package's limits, validation memory, the language from their files.
BuildSpec package_program_spec(const std::string& box_binary, const std::string& path, const LanguageTable* languages,
                               const package::Limits& limits, const std::string& scratch_prefix,
                               const std::string& cache_dir);

// The compile cache's key: the language's commands, its toolchain's version, and
// every source (name and content). Hex SHA-256.
std::string compile_key(const Language& lang, const std::string& toolchain_version,
                        const std::vector<std::pair<std::string, std::string>>& sources);

// Helpers shared with the judge.
std::string read_file(const std::string& path, size_t limit = 64 << 20);  // O_NOFOLLOW; "" if unreadable
// Replaces `path` (never following a link there) with `text`, then sets `mode`.
bool write_file(const std::string& path, const std::string& text, mode_t mode);
using package::sorted_visible;

// The language of a program that is a file (by its extension) or a directory (by
// its files' names, LanguageTable::for_files); nullptr if none.
const Language* program_language(const LanguageTable& languages, const std::string& path);

}  // namespace engine
