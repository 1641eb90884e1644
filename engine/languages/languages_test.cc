#include "languages.h"

#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace engine;

namespace {
LanguageTable bundled(std::vector<std::string>* errors) {
  return load_languages(LANGUAGES_YAML, errors);
}
}  // namespace

TEST_CASE("the bundled languages.yaml has the six languages and no error") {
  std::vector<std::string> errors;
  LanguageTable t = bundled(&errors);
  CHECK(errors.empty());
  for (const char* id : {"c", "cpp17", "cpp20", "python3", "java", "javascript"}) CHECK_MESSAGE(t.by_id(id), id);
  CHECK(t.for_file("sol.py")->id == "python3");
  CHECK(t.for_file("a/b/Main.java")->id == "java");
  CHECK(t.for_file("x.cc")->id == "cpp20");
  CHECK(t.for_file("x.C")->id == "cpp20");  // case matters: .C is C++, .c is C
  CHECK(t.for_file("x.c")->id == "c");
  CHECK(t.for_file("x.js")->id == "javascript");
  CHECK(t.for_file("notes.txt") == nullptr);
  CHECK(t.for_file("dir.v2/Makefile") == nullptr);
  CHECK(t.by_id("java")->extra_memory_mib == 256);
  CHECK(t.by_id("javascript")->compile.empty());
}

TEST_CASE("a directory program's language: C++ or C over helper scripts, else the first file's") {
  std::vector<std::string> errors;
  LanguageTable t = bundled(&errors);
  REQUIRE(errors.empty());
  CHECK(t.for_files({"gen.py", "main.cpp", "util.h"})->id == "cpp20");
  CHECK(t.for_files({"a.c", "b.cc"})->id == "cpp20");
  CHECK(t.for_files({"a.c", "gen.py"})->id == "c");
  CHECK(t.for_files({"README", "main.py", "util.py"})->id == "python3");
  CHECK(t.for_files({"Main.java", "notes.txt"})->id == "java");
  CHECK(t.for_files({"README", "data.txt"}) == nullptr);
  CHECK(t.for_files({}) == nullptr);
}

TEST_CASE("expand fills placeholders; {files} becomes one argument per file") {
  std::vector<std::string> errors;
  LanguageTable t = bundled(&errors);
  ProgramFiles p{{"Main.java", "Util.java"}, "Main.java", 512};
  CHECK(expand(t.by_id("java")->compile, p) ==
        std::vector<std::string>{"/usr/bin/javac", "-encoding", "UTF-8", "-d", "/box", "/box/Main.java", "/box/Util.java"});
  CHECK(expand(t.by_id("java")->run, p) == std::vector<std::string>{"/usr/bin/java", "-Xmx512m", "-Xss64m",
                                                                    "-XX:+UseSerialGC", "-cp", "/box", "Main"});
  ProgramFiles c{{"a.cpp"}, "a.cpp", 256};
  CHECK(expand(t.by_id("cpp20")->run, c) == std::vector<std::string>{"/box/prog"});
}

TEST_CASE("languages.yaml errors name the line") {
  std::vector<std::string> errors;
  parse_languages("languages:\n"
                  "  - id: a\n"
                  "    run: x\n"
                  "    version: [v]\n"
                  "  - id: a\n"
                  "    run: [r]\n"
                  "    version: [v]\n"
                  "    extensions: [py]\n"
                  "    colour: blue\n"
                  "  - name: no id\n",
                  &errors);
  auto has = [&](const std::string& part) {
    for (const std::string& e : errors)
      if (e.find(part) != std::string::npos) return true;
    return false;
  };
  CHECK(has("languages.yaml:3: run: expected a list of strings"));
  CHECK(has("languages.yaml:5: id 'a' appears twice"));
  CHECK(has("languages.yaml:9: unknown key 'colour'"));
  CHECK(has("languages.yaml:10: id: required"));
  std::vector<std::string> bad;
  parse_languages("nope: 1\n", &bad);
  CHECK(bad.size() == 1);
}

TEST_CASE("a languages file that cannot be read says so") {
  std::vector<std::string> errors;
  LanguageTable t = load_languages("/nonexistent/languages.yaml", &errors);
  CHECK(t.languages.empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "/nonexistent/languages.yaml: cannot be read");
}
