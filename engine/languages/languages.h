// Languages of submissions, read from languages.yaml (the single place they are
// described): how to recognise a file, compile it and run it.
//
// Contract: parse_languages() takes the file's text and reports every problem with
// its line; expand() turns a command template into argv for one submission. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace engine {

struct Language {
  std::string id, name;
  std::vector<std::string> extensions;  // without the dot, case-sensitive (".C" is C++)
  std::vector<std::string> compile;     // empty: nothing to compile
  std::vector<std::string> run;
  std::vector<std::string> version;
  int extra_memory_mib = 0;
};

struct LanguageTable {
  std::vector<Language> languages;
  const Language* by_id(const std::string& id) const;
  // By the file's extension; nullptr if none claims it.
  const Language* for_file(const std::string& path) const;
  // A directory program's language, from its file names: C++, else C, if any file
  // is one (Python helpers may sit beside them); else the first file's that has
  // a language. nullptr if no file has one.
  const Language* for_files(const std::vector<std::string>& names) const;
};

// Errors ("languages.yaml:12: compile: expected a list of strings") go to *errors.
LanguageTable parse_languages(const std::string& text, std::vector<std::string>* errors);
// parse_languages on the file at `path` ("<path>: cannot be read" if it cannot).
LanguageTable load_languages(const std::string& path, std::vector<std::string>* errors);

struct ProgramFiles {
  std::vector<std::string> files;  // names inside /box, the main one included
  std::string main;
  int memory_mib = 0;
};

// Fills the placeholders; "{files}" as a whole argument becomes one argument per file.
std::vector<std::string> expand(const std::vector<std::string>& command, const ProgramFiles& p);

}  // namespace engine
