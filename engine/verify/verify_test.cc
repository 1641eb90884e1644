// verify on small packages built here: a consistent one passes, and each kind of
// inconsistency is reported where it is.
#include "verify/verify.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "temp_tree.h"

namespace fs = std::filesystem;
using namespace engine;

namespace {

struct Pkg : TempTree {
  Pkg() : TempTree("sum") {
    file("problem.yaml", "name: Sum\n");
    file("data/sample/1.in", "1 2\n").file("data/sample/1.ans", "3\n");
    file("data/secret/1.in", "5 6\n").file("data/secret/1.ans", "11\n");
    file("input_validators/v.py",
         "import re, sys\nsys.exit(42 if re.fullmatch(r'-?\\d+ -?\\d+\\n', sys.stdin.read()) else 1)\n");
    file("submissions/accepted/ok.py", "a, b = map(int, input().split())\nprint(a + b)\n");
    file("submissions/wrong_answer/wa.py", "a, b = map(int, input().split())\nprint(a * b)\n");
  }
  Pkg& file(const std::string& rel, const std::string& text) {
    write(rel, text);
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
  CHECK(to_json(r).find(R"("problem":"sum","format":"legacy","time_limit":1.0,"ok":true)") == 0 + 1);
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

TEST_CASE("verify: a 2025-09 scoring package: groups, score_multiplier.txt, the scores submissions.yaml expects") {
  Pkg p;
  fs::remove(p.root / "data/secret/1.in");
  fs::remove(p.root / "data/secret/1.ans");
  p.file("problem.yaml", "problem_format_version: 2025-09\ntype: scoring\nname: Sum\nuuid: 0b1c2d3e-sum\n");
  p.file("data/secret/easy/test_group.yaml", "max_score: 40\n");
  p.file("data/secret/easy/1.in", "1 2\n").file("data/secret/easy/1.ans", "3\n");
  p.file("data/secret/hard/test_group.yaml", "max_score: 60\nscore_aggregation: sum\n");
  p.file("data/secret/hard/1.in", "100 200\n").file("data/secret/hard/1.ans", "300 1\n");
  p.file("data/secret/hard/2.in", "1000 2000\n").file("data/secret/hard/2.ans", "3000 0.5\n");
  // Accepts the right sum; the answer's second token, if any, is the case's score multiplier.
  p.file("output_validator/check.py",
         "import sys\n"
         "ans = open(sys.argv[2]).read().split()\n"
         "if sys.stdin.read().split()[:1] != ans[:1]: sys.exit(43)\n"
         "if len(ans) > 1: open(sys.argv[3] + 'score_multiplier.txt', 'w').write(ans[1])\n"
         "sys.exit(42)\n");
  p.file("submissions/wrong_answer/wa.py", "a, b = map(int, input().split())\nprint(a + b if a < 100 else 0)\n");
  p.file("submissions/submissions.yaml", "accepted/ok.py:\n  score: 85\nwrong_answer/wa.py:\n  score: [39, 41]\n");
  VerifyReport r = p.verify();
  INFO(to_json(r));
  CHECK(r.ok());
  std::map<std::string, double> scores;
  for (const SubmissionCheck& s : r.submissions) scores[s.path] = s.score;
  CHECK(scores["submissions/accepted/ok.py"] == doctest::Approx(85));  // 40 + 30 x 1 + 30 x 0.5
  CHECK(scores["submissions/wrong_answer/wa.py"] == doctest::Approx(40));

  p.file("submissions/submissions.yaml", "wrong_answer/wa.py:\n  score: 50\n");
  VerifyReport wrong = p.verify();
  CHECK_FALSE(wrong.ok());
  bool found = false;
  for (const SubmissionCheck& s : wrong.submissions)
    if (s.path == "submissions/wrong_answer/wa.py") {
      found = true;
      CHECK(!s.ok);
      CHECK(s.reason.find("expected a score in [50") != std::string::npos);
    }
  CHECK(found);
}
