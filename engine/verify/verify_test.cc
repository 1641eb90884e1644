// verify on small packages built here: a consistent one passes, and each kind of
// inconsistency is reported where it is.
#include "verify/verify.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using namespace engine;

namespace {

struct Pkg {
  fs::path root;
  Pkg() {
    char tmpl[] = "/tmp/verify-test-XXXXXX";
    root = fs::path(mkdtemp(tmpl)) / "sum";
    fs::create_directories(root);
    fs::permissions(root.parent_path(), fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec |
                                            fs::perms::group_read | fs::perms::group_exec);
    file("problem.yaml", "name: Sum\n");
    file("data/sample/1.in", "1 2\n").file("data/sample/1.ans", "3\n");
    file("data/secret/1.in", "5 6\n").file("data/secret/1.ans", "11\n");
    file("input_validators/v.py",
         "import re, sys\nsys.exit(42 if re.fullmatch(r'-?\\d+ -?\\d+\\n', sys.stdin.read()) else 1)\n");
    file("submissions/accepted/ok.py", "a, b = map(int, input().split())\nprint(a + b)\n");
    file("submissions/wrong_answer/wa.py", "a, b = map(int, input().split())\nprint(a * b)\n");
  }
  ~Pkg() { fs::remove_all(root.parent_path()); }
  Pkg& file(const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
    return *this;
  }
  VerifyReport verify() const {
    std::vector<std::string> errors;
    static LanguageTable langs = load_languages(LANGUAGES_YAML, &errors);
    return engine::verify(root.string(), langs, SHORTLIST_BOX);
  }
};

bool has(const std::vector<std::string>& list, const std::string& part) {
  for (const std::string& s : list)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("verify: a consistent package is ok, with a derived time limit") {
  Pkg p;
  VerifyReport r = p.verify();
  INFO(to_json(r));
  CHECK(r.ok());
  CHECK(r.errors.empty());
  CHECK(r.time_limit == 1);
  REQUIRE(r.submissions.size() == 2);
  CHECK(r.submissions[0].path == "submissions/accepted/ok.py");
  CHECK(r.submissions[1].verdict == "WA");
  CHECK(to_json(r).find(R"("problem":"sum","time_limit":1.0,"ok":true)") == 0 + 1);
}

TEST_CASE("verify: a submission that does not get its directory's verdict") {
  Pkg p;
  p.file("submissions/accepted/wrong.py", "print(0)\n");
  VerifyReport r = p.verify();
  CHECK_FALSE(r.ok());
  bool found = false;
  for (const SubmissionCheck& s : r.submissions)
    if (s.path == "submissions/accepted/wrong.py") {
      found = true;
      CHECK_FALSE(s.ok);
      CHECK(s.reason == "expected AC, got WA");
    }
  CHECK(found);
}

TEST_CASE("verify: directory submissions are judged as one program each") {
  Pkg p;
  // C++ with a header beside it and a stray script (ignored: C++ wins), and Python
  // whose main file imports a helper.
  p.file("submissions/accepted/cpp/main.cpp", "#include <iostream>\n#include \"add.h\"\n"
                                               "int main(){long a,b;std::cin>>a>>b;std::cout<<add(a,b)<<'\\n';}\n");
  p.file("submissions/accepted/cpp/add.h", "inline long add(long a, long b) { return a + b; }\n");
  p.file("submissions/accepted/cpp/gen.py", "raise SystemExit(1)\n");
  p.file("submissions/wrong_answer/py/main.py", "from helper import f\na, b = map(int, input().split())\nprint(f(a, b))\n");
  p.file("submissions/wrong_answer/py/helper.py", "def f(a, b):\n    return a - b\n");
  p.file("submissions/wrong_answer/notes/README", "no program here\n");
  VerifyReport r = p.verify();
  INFO(to_json(r));
  CHECK(has(r.warnings, "submissions/wrong_answer/notes: no file in it has a known language; not judged"));
  int seen = 0;
  for (const SubmissionCheck& s : r.submissions) {
    if (s.path == "submissions/accepted/cpp") {
      ++seen;
      CHECK(s.ok);
      CHECK(s.verdict == "AC");
    }
    if (s.path == "submissions/wrong_answer/py") {
      ++seen;
      CHECK(s.ok);
      CHECK(s.verdict == "WA");
    }
  }
  CHECK(seen == 2);
  CHECK(r.ok());
}

TEST_CASE("verify: an input the input validator rejects, an answer the output validator rejects") {
  Pkg p;
  p.file("problem.yaml", "name: Sum\nvalidation: custom\n");
  p.file("output_validators/check.py",
         "import sys\na, b = map(int, open(sys.argv[1]).read().split())\n"
         "sys.exit(42 if sys.stdin.read().split() == [str(a + b)] else 43)\n");
  p.file("data/secret/2.in", "5  6\n").file("data/secret/2.ans", "11\n");
  p.file("data/sample/2.in", "1 1\n").file("data/sample/2.ans", "3\n");
  VerifyReport r = p.verify();
  CHECK_FALSE(r.ok());
  CHECK(has(r.errors, "data/secret/2.in: rejected by input_validators/v.py (exit code 1)"));
  CHECK(has(r.errors, "data/sample/2.ans: the output validator does not accept it"));
}

TEST_CASE("verify: a broken package stops before judging") {
  Pkg p;
  p.file("data/secret/3.in", "1 1\n");
  p.file("problem.yaml", "name: Sum\nlimits:\n  memory: lots\n");
  VerifyReport r = p.verify();
  CHECK_FALSE(r.ok());
  CHECK(has(r.errors, "data/secret/3.in: has no 3.ans beside it"));
  CHECK(has(r.errors, "problem.yaml:3: limits.memory"));
  CHECK(r.submissions.empty());
}

TEST_CASE("verify: a TLE submission that finishes within the margin is sensitive to the time limit") {
  Pkg p;
  // About 1.3 s of CPU: TLE at the derived 1 s, accepted at 2 s (legacy margin 2).
  p.file("submissions/time_limit_exceeded/slowish.py",
         "import time\nt = time.process_time()\nwhile time.process_time() - t < 1.3: pass\n"
         "a, b = map(int, input().split())\nprint(a + b)\n");
  p.file("submissions/time_limit_exceeded/forever.py", "while True: pass\n");
  VerifyReport r = p.verify();
  INFO(to_json(r));
  CHECK(r.ok());  // legacy: a warning, not an error
  CHECK(has(r.warnings, "submissions/time_limit_exceeded/slowish.py: TLE at 1"));
  CHECK_FALSE(has(r.warnings, "forever.py"));
}

TEST_CASE("verify: in 2025-09 a TLE submission must still time out at time_limit x time_limit_to_tle") {
  Pkg p;
  p.file("problem.yaml", "problem_format_version: 2025-09\nname: Sum\nuuid: 0b1c2d3e-sum\n");
  p.file("submissions/time_limit_exceeded/slowish.py",
         "import time\nt = time.process_time()\nwhile time.process_time() - t < 1.2: pass\n"
         "a, b = map(int, input().split())\nprint(a + b)\n");
  VerifyReport r = p.verify();
  INFO(to_json(r));
  CHECK_FALSE(r.ok());
  bool found = false;
  for (const SubmissionCheck& s : r.submissions)
    if (s.path == "submissions/time_limit_exceeded/slowish.py") {
      found = true;
      CHECK(s.reason.find("time_limit x time_limit_to_tle") != std::string::npos);
    }
  CHECK(found);
}
