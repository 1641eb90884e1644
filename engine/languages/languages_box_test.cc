// Every language of languages.yaml compiles and runs a small program inside
// shortlist-box, with the commands the judge will use: the box's filesystem view
// holds what each toolchain and runtime needs, and nothing of the host's /etc.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "languages.h"

namespace fs = std::filesystem;
using namespace engine;

namespace {

struct Output {
  int exit_code = -1;
  std::string out;
};

// Runs shortlist-box with `args`; stdout (program output + report line) is returned.
Output box(const std::vector<std::string>& args) {
  std::string command = SHORTLIST_BOX;
  for (const std::string& a : args) command += " '" + a + "'";
  Output o;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  char buf[4096];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  int status = p ? pclose(p) : -1;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

struct Sample {
  const char* language;
  const char* file;
  const char* source;
};

const Sample kSamples[] = {
    {"c", "sum.c", "#include <stdio.h>\nint main(void){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);return 0;}\n"},
    {"cpp20", "sum.cpp",
     "#include <bits/stdc++.h>\nint main(){long a,b;std::cin>>a>>b;auto s=std::ranges::max(a,b)+std::min(a,b);"
     "std::cout<<s<<'\\n';}\n"},
    {"cpp17", "sum.cpp", "#include <iostream>\n#include <optional>\nint main(){std::optional<int> a=0,b=0;std::cin>>*a>>*b;"
                         "std::cout<<*a+*b<<'\\n';}\n"},
    {"python3", "sum.py", "import sys\nimport numpy  # the ML quiz's solutions use it\n"
                          "print(int(numpy.array(sys.stdin.read().split(), dtype=numpy.int64).sum()))\n"},
    {"java", "Main.java",
     "import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in);"
     " System.out.println(s.nextInt() + s.nextInt()); } }\n"},
    {"javascript", "sum.js",
     "const t = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(t[0] + t[1]);\n"},
};

}  // namespace

TEST_CASE("every language compiles and runs in the box") {
  std::vector<std::string> errors;
  LanguageTable table = load_languages(LANGUAGES_YAML, &errors);
  REQUIRE(errors.empty());
  char tmpl[] = "/tmp/languages-test-XXXXXX";
  fs::path scratch = mkdtemp(tmpl);
  fs::permissions(scratch, fs::perms::all);
  std::ofstream(scratch / "input.txt") << "2 3\n";
  for (const Sample& s : kSamples) {
    const Language* l = table.by_id(s.language);
    REQUIRE_MESSAGE(l, s.language);
    fs::path work = scratch / s.language;
    fs::create_directories(work);
    std::ofstream(work / s.file) << s.source;
    ProgramFiles files{{s.file}, s.file, 256};
    std::vector<std::string> limits = {"--memory", std::to_string(256 + l->extra_memory_mib) + "m", "--cpu", "30",
                                       "--processes", "128"};
    if (!l->compile.empty()) {
      std::vector<std::string> args = {"run", "--workdir", work.string(), "--memory", "2g", "--cpu", "60",
                                       "--processes", "128", "--"};
      for (const std::string& a : expand(l->compile, files)) args.push_back(a);
      Output c = box(args);
      INFO(s.language << " compile: " << c.out);
      CHECK(c.exit_code == 0);
      CHECK(c.out.find("\"status\":\"OK\"") != std::string::npos);
    }
    std::vector<std::string> args = {"run", "--workdir", work.string(), "--stdin", (scratch / "input.txt").string()};
    args.insert(args.end(), limits.begin(), limits.end());
    args.push_back("--");
    for (const std::string& a : expand(l->run, files)) args.push_back(a);
    Output r = box(args);
    INFO(s.language << " run: " << r.out);
    CHECK(r.out.rfind("5\n", 0) == 0);
    CHECK(r.out.find("\"status\":\"OK\"") != std::string::npos);
  }
  fs::remove_all(scratch);
}
