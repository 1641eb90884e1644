// The judge end to end on a small package built here: every verdict a submission
// can get, through the real shortlist-box.
#include "judge/judge.h"
#include "judge/boxed_program.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "temp_tree.h"

namespace fs = std::filesystem;
using namespace engine;
using graders::Verdict;

namespace {

struct SumPackage : TempTree {
  SumPackage(const std::string& problem_yaml = "name: Sum\n") : TempTree("sum") {
    file("problem.yaml", problem_yaml);
    file("data/sample/1.in", "1 2\n").file("data/sample/1.ans", "3\n");
    for (int i = 1; i <= 3; ++i)
      file("data/secret/0" + std::to_string(i) + ".in", std::to_string(i) + " 10\n")
          .file("data/secret/0" + std::to_string(i) + ".ans", std::to_string(i + 10) + "\n");
  }
  SumPackage& file(const std::string& rel, const std::string& text) {
    write(rel, text);
    return *this;
  }
  std::string source(const std::string& name, const std::string& text) {
    file("src/" + name, text);
    return (root / "src" / name).string();
  }
};

LanguageTable languages() {
  std::vector<std::string> errors;
  return load_languages(LANGUAGES_YAML, &errors);
}

JudgeResult run(SumPackage& pkg, const std::string& name, const std::string& text, double tl = 2) {
  static LanguageTable langs = languages();
  Problem p = Problem::load(pkg.root.string());
  REQUIRE_FALSE(p.has_errors());
  std::string src = pkg.source(name, text);
  const Language* l = langs.for_file(src);
  REQUIRE(l);
  return judge(p, src, *l, {SHORTLIST_BOX, tl, &langs});
}

}  // namespace

TEST_CASE("judge: accepted in Python and C++, with one result per test case in order") {
  SumPackage pkg;
  JudgeResult py = run(pkg, "sum.py", "a, b = map(int, input().split())\nprint(a + b)\n");
  CHECK(py.verdict == Verdict::AC);
  REQUIRE(py.tests.size() == 4);
  CHECK(py.tests[0].name == "sample/1");
  CHECK(py.tests[3].name == "secret/03");
  JudgeResult cpp = run(pkg, "sum.cpp", "#include <iostream>\nint main(){long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}\n");
  CHECK(cpp.verdict == Verdict::AC);
  CHECK(cpp.score == 1);
}

TEST_CASE("judge: WA stops at the first failing case with the validator's message") {
  SumPackage pkg;
  JudgeResult r = run(pkg, "diff.py", "a, b = map(int, input().split())\nprint(a + b if a == 1 else a - b)\n");
  CHECK(r.verdict == Verdict::WA);
  REQUIRE(r.tests.size() == 3);  // sample and secret/01 pass, secret/02 fails, on_reject: break
  CHECK(r.tests[2].name == "secret/02");
  CHECK(r.tests[2].message.find("String tokens mismatch") != std::string::npos);
}

TEST_CASE("judge: TLE, RTE and CE") {
  SumPackage pkg;
  CHECK(run(pkg, "spin.py", "while True:\n    pass\n", 0.5).verdict == Verdict::TLE);
  CHECK(run(pkg, "crash.py", "raise SystemExit(3)\n").verdict == Verdict::RTE);
  JudgeResult ce = run(pkg, "bad.cpp", "int main( {\n");
  CHECK(ce.verdict == Verdict::CE);
  CHECK(ce.message.find("error") != std::string::npos);
  CHECK(ce.tests.empty());
}

TEST_CASE("judge: float tolerance from validator_flags") {
  SumPackage pkg("name: Sum\nvalidator_flags: float_tolerance 1e-6\n");
  CHECK(run(pkg, "sum.py", "a, b = map(int, input().split())\nprint(f'{a + b + 1e-9:.10f}')\n").verdict == Verdict::AC);
  CHECK(run(pkg, "off.py", "a, b = map(int, input().split())\nprint(a + b + 0.01)\n").verdict == Verdict::WA);
}

TEST_CASE("judge: a custom output validator (Python, in a directory) decides; exit 0 is a judge error") {
  SumPackage pkg("name: Sum\nvalidation: custom\n");
  pkg.file("output_validators/check/check.py",
           "import sys\n"
           "a, b = map(int, open(sys.argv[1]).read().split())\n"
           "team = sys.stdin.read().split()\n"
           "if team == [str(a + b)] or team == [str(b + a) + '.0']:\n"
           "    sys.exit(42)\n"
           "open(sys.argv[3] + 'judgemessage.txt', 'w').write('expected %d, got %s' % (a + b, team))\n"
           "sys.exit(43)\n");
  JudgeResult ac = run(pkg, "sum.py", "a, b = map(int, input().split())\nprint(float(a + b))\n");
  CHECK(ac.verdict == Verdict::AC);
  JudgeResult wa = run(pkg, "diff.py", "a, b = map(int, input().split())\nprint(a - b)\n");
  CHECK(wa.verdict == Verdict::WA);
  REQUIRE(!wa.tests.empty());
  CHECK(wa.tests[0].message == "expected 3, got ['-1']");

  SumPackage zero("name: Sum\nvalidation: custom\n");
  zero.file("output_validators/v.py", "import sys\nsys.exit(0)\n");
  JudgeResult je = run(zero, "sum.py", "print(3)\n");
  CHECK(je.verdict == Verdict::JE);
  REQUIRE(!je.tests.empty());
  CHECK(je.tests[0].message.find("exit code 0") != std::string::npos);
}

TEST_CASE("judge: output validators with build/run scripts (the format's other programs)") {
  const char* check_c =
      "#include <stdio.h>\n"
      "int main(int argc, char** argv) {\n"
      "  long a, b, t; FILE* in = fopen(argv[1], \"r\");\n"
      "  if (!in || fscanf(in, \"%ld %ld\", &a, &b) != 2) return 1;\n"
      "  return scanf(\"%ld\", &t) == 1 && t == a + b ? 42 : 43;\n"
      "}\n";
  auto executable = [](SumPackage& pkg, const std::string& rel) {
    fs::permissions(pkg.root / rel, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
  };
  // build compiles with cc into run.
  SumPackage built("name: Sum\nvalidation: custom\n");
  built.file("output_validators/check/check.c", check_c);
  built.file("output_validators/check/build", "#!/bin/sh\ncc -O2 -o run check.c\n");
  executable(built, "output_validators/check/build");
  CHECK(run(built, "sum.py", "a, b = map(int, input().split())\nprint(a + b)\n").verdict == Verdict::AC);
  CHECK(run(built, "diff.py", "a, b = map(int, input().split())\nprint(a - b)\n").verdict == Verdict::WA);

  // Only run: a shell script that hands over to Python.
  SumPackage script("name: Sum\nvalidation: custom\n");
  script.file("output_validators/check/run", "#!/bin/sh\nexec python3 \"$(dirname \"$0\")/check.py\" \"$@\"\n");
  script.file("output_validators/check/check.py",
              "import sys\na, b = map(int, open(sys.argv[1]).read().split())\n"
              "sys.exit(42 if sys.stdin.read().split() == [str(a + b)] else 43)\n");
  executable(script, "output_validators/check/run");
  CHECK(run(script, "sum.py", "a, b = map(int, input().split())\nprint(a + b)\n").verdict == Verdict::AC);

  // A build that leaves no run, and a run that is not executable: judge errors that say so.
  SumPackage no_run("name: Sum\nvalidation: custom\n");
  no_run.file("output_validators/check/check.c", check_c);
  no_run.file("output_validators/check/build", "#!/bin/sh\ncc -O2 -o validator check.c\n");
  executable(no_run, "output_validators/check/build");
  JudgeResult r = run(no_run, "sum.py", "print(3)\n");
  CHECK(r.verdict == Verdict::JE);
  CHECK(r.message == "output validator: the program has no run file after its build");
  SumPackage not_executable("name: Sum\nvalidation: custom\n");
  not_executable.file("output_validators/check/run", "#!/bin/sh\nexit 42\n");
  JudgeResult n = run(not_executable, "sum.py", "print(3)\n");
  CHECK(n.verdict == Verdict::JE);
  CHECK(n.message.find("check/run: must be executable") != std::string::npos);
}

TEST_CASE("judge: a custom output validator in C++ sees only the package and its feedback dir") {
  SumPackage pkg("name: Sum\nvalidation: custom\n");
  pkg.file("output_validators/validate/validate.cpp",
           "#include <fstream>\n#include <iostream>\n#include <string>\n"
           "int main(int argc, char** argv) {\n"
           "  std::ifstream in(argv[1]); long a, b; in >> a >> b;\n"
           "  long t; if (!(std::cin >> t)) return 43;\n"
           "  std::ofstream probe(\"/etc/shortlist-probe\");\n"
           "  if (probe) return 1;  // the host's /etc must not be writable\n"
           "  return t == a + b ? 42 : 43;\n}\n");
  CHECK(run(pkg, "sum.py", "a, b = map(int, input().split())\nprint(a + b)\n").verdict == Verdict::AC);
  CHECK(run(pkg, "diff.py", "a, b = map(int, input().split())\nprint(a - b)\n").verdict == Verdict::WA);
}

namespace {
// Guess a number in [1, 100] with at most 7 queries; the validator speaks first.
const char* kGuessValidator =
    "import sys\n"
    "secret = int(open(sys.argv[1]).read())\n"
    "def say(s):\n"
    "    sys.stdout.write(s + '\\n'); sys.stdout.flush()\n"
    "say('start')\n"
    "for q in range(7):\n"
    "    line = sys.stdin.readline()\n"
    "    if not line:\n"
    "        open(sys.argv[3] + 'judgemessage.txt', 'w').write('eof'); sys.exit(43)\n"
    "    x = int(line.split()[1])\n"
    "    if x == secret:\n"
    "        say('='); sys.exit(42)\n"
    "    say('<' if secret < x else '>')\n"
    "open(sys.argv[3] + 'judgemessage.txt', 'w').write('too many queries'); sys.exit(43)\n";

SumPackage guess_package() {
  SumPackage p("name: Guess\nvalidation: custom interactive\n");
  p.file("data/sample/1.in", "42\n").file("data/sample/1.ans", "42\n");
  for (int i = 1; i <= 3; ++i)
    p.file("data/secret/0" + std::to_string(i) + ".in", std::to_string(i * 30) + "\n")
        .file("data/secret/0" + std::to_string(i) + ".ans", "\n");
  p.file("output_validators/guess/validate.py", kGuessValidator);
  return p;
}

const char* kBinarySearch =
    "import sys\n"
    "input()\n"
    "lo, hi = 1, 100\n"
    "while True:\n"
    "    mid = (lo + hi) // 2\n"
    "    print('?', mid, flush=True)\n"
    "    r = input().strip()\n"
    "    if r == '=': break\n"
    "    if r == '<': hi = mid - 1\n"
    "    else: lo = mid + 1\n";
}  // namespace

TEST_CASE("judge: interactive problems, with the reference tools' verdict precedence") {
  SumPackage pkg = guess_package();
  JudgeResult ac = run(pkg, "bs.py", kBinarySearch);
  INFO(ac.message);
  CHECK(ac.verdict == Verdict::AC);
  CHECK(ac.tests.size() == 4);
  // Linear search runs out of queries: the validator says WA first; the submission
  // then fails on the closed pipes (a moment later), which must not matter.
  JudgeResult wa = run(pkg, "linear.py", "import time\ninput()\nx = 1\ntry:\n    while True:\n"
                                         "        print('?', x, flush=True)\n"
                                         "        if input().strip() == '=': break\n        x += 1\n"
                                         "except (EOFError, BrokenPipeError):\n    time.sleep(0.2)\n    raise\n");
  CHECK(wa.verdict == Verdict::WA);
  REQUIRE(!wa.tests.empty());
  CHECK(wa.tests.back().message == "too many queries");
  // Never flushing: both sides wait; the wall limit ends it as a TLE, not a hang.
  JudgeResult tle = run(pkg, "noflush.py", "import sys, time\ninput()\nsys.stdout.write('? 50\\n')\ntime.sleep(60)\n", 0.5);
  CHECK(tle.verdict == Verdict::TLE);
  // A crash after the first answer: the validator sees EOF and says WA, but after
  // the submission ended: run-time error.
  SumPackage slow = guess_package();
  slow.file("output_validators/guess/validate.py", std::string(kGuessValidator).replace(
      std::string(kGuessValidator).find("    if not line:\n"), 17, "    if not line:\n        import time; time.sleep(0.2)\n"));
  JudgeResult rte = run(slow, "crash.py", "input()\nprint('? 50', flush=True)\ninput()\nraise SystemExit(2)\n");
  CHECK(rte.verdict == Verdict::RTE);
}

TEST_CASE("compile cache: the second build of the same sources comes from the cache") {
  static LanguageTable langs = languages();
  char tmpl[] = "/tmp/compile-cache-test-XXXXXX";
  fs::path dir = mkdtemp(tmpl);
  fs::path src = dir / "a.cpp";
  std::ofstream(src) << "#include <cstdio>\nint main(){puts(\"hi\");}\n";
  auto build = [&](const std::string& path) {
    BoxedProgram p;
    BuildSpec b;
    b.box_binary = SHORTLIST_BOX;
    b.path = path;
    b.languages = &langs;
    b.language = langs.by_id("cpp20");
    b.scratch_prefix = (dir / "log").string();
    b.cache_dir = (dir / "cache").string();
    std::string e = b.path.empty() ? "" : p.build(b);
    REQUIRE(e == "");
    BoxReport r = p.box().run({p.argv(), 1, 0, 64 << 20, 1 << 20, 16, "", (dir / "out").string(), "", false});
    CHECK(r.status == "OK");
    return p.from_cache();
  };
  CHECK_FALSE(build(src.string()));
  CHECK(build(src.string()));
  std::ofstream(src) << "#include <cstdio>\nint main(){puts(\"changed\");}\n";
  CHECK_FALSE(build(src.string()));  // other sources, other key
  const Language* cpp = langs.by_id("cpp20");
  CHECK(compile_key(*cpp, "g++ 12", {{"a.cpp", "x"}}) != compile_key(*cpp, "g++ 13", {{"a.cpp", "x"}}));
  CHECK(compile_key(*cpp, "g++ 12", {{"a.cpp", "x"}}) == compile_key(*cpp, "g++ 12", {{"a.cpp", "x"}}));
  fs::remove_all(dir);
}

TEST_CASE("judge: include/<language>/ files are added to the submission") {
  SumPackage pkg;
  pkg.file("include/python3/helper.py", "def add(a, b):\n    return a + b\n");
  JudgeResult r = run(pkg, "uses_helper.py", "from helper import add\na, b = map(int, input().split())\nprint(add(a, b))\n");
  CHECK(r.verdict == Verdict::AC);
}

TEST_CASE("judge: grading: custom runs the package's grader on each group's results") {
  SumPackage pkg("name: Sum\ntype: scoring\n");
  pkg.file("data/testdata.yaml", "grading: custom\non_reject: continue\n");
  // Accepts if at least half the results are AC; the score is the number of ACs times 10.
  pkg.file("graders/half.py",
           "import sys\n"
           "rows = [l.split() for l in sys.stdin if l.strip()]\n"
           "ac = sum(1 for v, s in rows if v == 'AC')\n"
           "print('AC' if 2 * ac >= len(rows) else 'WA', 10 * ac)\n");
  JudgeResult r = run(pkg, "half.py", "a, b = map(int, input().split())\nprint(a + b if a < 3 else 0)\n");
  INFO(r.message);
  // sample: 1 of 1 AC -> AC 10; secret: 01, 02 AC, 03 WA -> AC 20; root: 2 of 2 AC -> AC 20.
  CHECK(r.verdict == Verdict::AC);
  CHECK(r.score == 20);
}

TEST_CASE("judge: legacy scoring the Kattis olympiad way (groups of min, accept_score, ignore_sample)") {
  SumPackage pkg("name: Sum\ntype: scoring\n");
  for (int i = 1; i <= 3; ++i) {
    fs::remove(pkg.root / ("data/secret/0" + std::to_string(i) + ".in"));
    fs::remove(pkg.root / ("data/secret/0" + std::to_string(i) + ".ans"));
  }
  pkg.file("data/testdata.yaml", "on_reject: continue\nrange: 0 100\ngrader_flags: ignore_sample\n");
  pkg.file("data/sample/testdata.yaml", "on_reject: continue\naccept_score: 0\nrange: 0 0\n");
  pkg.file("data/secret/testdata.yaml", "on_reject: continue\nrange: 0 100\ngrader_flags: first_error accept_if_any_accepted\n");
  pkg.file("data/secret/g1/testdata.yaml", "on_reject: break\naccept_score: 40\nrange: 0 40\ngrader_flags: min\n");
  pkg.file("data/secret/g1/1.in", "1 1\n").file("data/secret/g1/1.ans", "2\n");
  pkg.file("data/secret/g1/2.in", "2 1\n").file("data/secret/g1/2.ans", "3\n");
  pkg.file("data/secret/g2/testdata.yaml", "on_reject: break\naccept_score: 60\nrange: 0 60\ngrader_flags: min\n");
  pkg.file("data/secret/g2/1.in", "5 5\n").file("data/secret/g2/1.ans", "10\n");
  pkg.file("data/secret/g2/2.in", "7 5\n").file("data/secret/g2/2.ans", "12\n");

  JudgeResult full = run(pkg, "ok.py", "a, b = map(int, input().split())\nprint(a + b)\n");
  CHECK(full.verdict == Verdict::AC);
  CHECK(full.score == 100);
  CHECK(full.max_score == 100);

  // Wrong on g2's first case: g2 stops there (break) with 0, secret still accepts
  // (accept_if_any_accepted) with g1's 40, and the sample adds nothing.
  JudgeResult small = run(pkg, "small.py", "a, b = map(int, input().split())\nprint(a + b if a < 3 else 0)\n");
  INFO(small.message);
  CHECK(small.verdict == Verdict::AC);
  CHECK(small.score == 40);
  std::vector<std::string> judged;
  for (const TestResult& t : small.tests) judged.push_back(t.name);
  CHECK(judged == std::vector<std::string>{"sample/1", "secret/g1/1", "secret/g1/2", "secret/g2/1"});
  bool noted = false;
  for (const GroupScore& g : small.groups)
    if (g.name == "secret/g2") {
      noted = true;
      CHECK(g.verdict == Verdict::WA);
      CHECK(g.score == 0);
      CHECK(g.note == "stopped after 1 of 2 (on_reject: break)");
    }
  CHECK(noted);
}

// A 2025-09 scoring package: a+b with groups a (pass-fail, 20), b (sum, 30, needs
// a) and c (min, 50, needs sample). The validator accepts a+b and then writes what
// the answer file asks: "<sum> <m>" score_multiplier.txt = m, "<sum> score <x>"
// score.txt = x.
struct ScoringPackage : TempTree {
  ScoringPackage() : TempTree("scoring") {
    write("problem.yaml", "problem_format_version: 2025-09\ntype: scoring\nname: Sum\nuuid: 5f0c1e2a-0000-4000-8000-000000000001\n");
    test_case("sample/1", "3 4", "7");
    write("data/secret/a/test_group.yaml", "max_score: 20\n");
    test_case("secret/a/1", "1 1", "2");
    test_case("secret/a/2", "2 2", "4");
    write("data/secret/b/test_group.yaml", "max_score: 30\nscore_aggregation: sum\nrequire_pass: secret/a\n");
    test_case("secret/b/1", "2 3", "5 1");
    test_case("secret/b/2", "3 3", "6 0.5");
    test_case("secret/b/3", "3 4", "7");
    write("data/secret/c/test_group.yaml", "max_score: 50\nscore_aggregation: min\nrequire_pass: [sample]\n");
    test_case("secret/c/1", "4 4", "8 score 40");
    test_case("secret/c/2", "4 5", "9");
    write("output_validator/validate.py",
          "import sys\n"
          "ans = open(sys.argv[2]).read().split()\n"
          "if sys.stdin.read().split()[:1] != ans[:1]: sys.exit(43)\n"
          "if len(ans) == 2: open(sys.argv[3] + 'score_multiplier.txt', 'w').write(ans[1])\n"
          "if len(ans) == 3: open(sys.argv[3] + 'score.txt', 'w').write(ans[2])\n"
          "sys.exit(42)\n");
  }
  void test_case(const std::string& name, const std::string& in, const std::string& ans) {
    write("data/" + name + ".in", in + "\n");
    write("data/" + name + ".ans", ans + "\n");
  }
  JudgeResult judge_source(const std::string& text) {
    static LanguageTable langs = languages();
    Problem p = Problem::load(root.string());
    for (const package::Diagnostic& d : p.diagnostics) INFO(d.to_string());
    REQUIRE_FALSE(p.has_errors());
    write("src/sol.py", text);
    return judge(p, (root / "src/sol.py").string(), *langs.by_id("python3"), {SHORTLIST_BOX, 2, &langs});
  }
};

std::string group_line(const JudgeResult& r, const std::string& name) {
  for (const GroupScore& g : r.groups)
    if (g.name == name)
      return std::string(verdict_name(g.verdict)) + " " + std::to_string(static_cast<int>(g.score * 10)) +
             (g.note.empty() ? "" : " " + g.note);
  return "missing";
}

TEST_CASE("judge: arguments from test_group.yaml and a case's own .yaml reach the submission and the validator") {
  SumPackage pkg("problem_format_version: 2025-09\nname: Sum\nuuid: 5f0c1e2a-0000-4000-8000-000000000002\n");
  pkg.file("data/secret/test_group.yaml", "args: [plain]\n");
  pkg.file("data/secret/02.yaml", "args: [shifted]\noutput_validator_args: [float_absolute_tolerance, '0.5']\n");
  // Prints a+b, or a+b+0.25 when told "shifted": only the case that allows 0.5 of error accepts that.
  const char* source = "import sys\na, b = map(int, input().split())\n"
                       "print(a + b + (0.25 if sys.argv[1:] == ['shifted'] else 0))\n";
  JudgeResult r = run(pkg, "args.py", source);
  INFO(r.message);
  CHECK(r.verdict == Verdict::AC);
  // Without the case's tolerance the same output is wrong.
  pkg.file("data/secret/02.yaml", "args: [shifted]\n");
  JudgeResult w = run(pkg, "args.py", source);
  CHECK(w.verdict == Verdict::WA);
  REQUIRE(w.tests.size() == 3);  // sample (no args), secret/01, secret/02
  CHECK(w.tests[2].name == "secret/02");
  CHECK(w.tests[2].verdict == Verdict::WA);
}

TEST_CASE("judge: 2025-09 scoring: pass-fail, sum with score_multiplier.txt, min with score.txt") {
  ScoringPackage pkg;
  JudgeResult r = pkg.judge_source("a, b = map(int, input().split())\nprint(a + b)\n");
  INFO(r.message);
  CHECK(r.verdict == Verdict::AC);
  // a: 20; b: 10 x 1 + 10 x 0.5 + 10 (no file: the case's maximum); c: min(40, 50).
  CHECK(r.score == doctest::Approx(85));
  CHECK(r.max_score == 100);
  CHECK(group_line(r, "secret") == "AC 850");
  CHECK(group_line(r, "secret/a") == "AC 200");
  CHECK(group_line(r, "secret/b") == "AC 250");
  CHECK(group_line(r, "secret/c") == "AC 400");
  CHECK(r.tests.size() == 8);  // the sample is judged (never scored)
}

TEST_CASE("judge: 2025-09 scoring: a failed pass-fail group stops, and what requires it is not run") {
  ScoringPackage pkg;
  // Wrong only when a == 1: secret/a/1.
  JudgeResult r = pkg.judge_source("a, b = map(int, input().split())\nprint(a + b + (a == 1))\n");
  INFO(r.message);
  CHECK(r.verdict == Verdict::WA);
  CHECK(r.score == doctest::Approx(40));
  CHECK(group_line(r, "secret/a") == "WA 0");
  CHECK(group_line(r, "secret/b") == "WA 0 not run: it requires secret/a, which was not passed");
  CHECK(group_line(r, "secret/c") == "AC 400");
  std::vector<std::string> judged;
  for (const TestResult& t : r.tests) judged.push_back(t.name);
  CHECK(judged == std::vector<std::string>{"sample/1", "secret/a/1", "secret/c/1", "secret/c/2"});

  // Failing the sample: c (which requires it) is not run either; b's sum keeps going past a rejection.
  JudgeResult s = pkg.judge_source("a, b = map(int, input().split())\nprint(a + b + (a + b in (6, 7)))\n");
  CHECK(s.verdict == Verdict::WA);
  CHECK(group_line(s, "secret/b") == "WA 100");  // 10 + 0 (WA) + 0 (WA)
  CHECK(group_line(s, "secret/c") == "WA 0 not run: it requires sample, which was not passed");
  CHECK(s.score == doctest::Approx(30));
}

TEST_CASE("judge: 2025-09 scoring: score files that break the rules are judge errors on their case") {
  ScoringPackage pkg;
  pkg.test_case("secret/c/1", "4 4", "8 score 60");  // above the case's maximum of 50
  JudgeResult r = pkg.judge_source("a, b = map(int, input().split())\nprint(a + b)\n");
  CHECK(r.verdict == Verdict::JE);
  REQUIRE(r.tests.size() == 7);  // min group decided at the judge error
  CHECK(r.tests.back().name == "secret/c/1");
  CHECK(r.tests.back().verdict == Verdict::JE);
  CHECK(r.tests.back().message == "score.txt is 60, above the case's maximum 50");
  CHECK(r.message == "secret/c/1: score.txt is 60, above the case's maximum 50");

  ScoringPackage in_pass_fail;
  in_pass_fail.test_case("secret/a/2", "2 2", "4 1");  // score_multiplier.txt in a pass-fail group
  JudgeResult p = in_pass_fail.judge_source("a, b = map(int, input().split())\nprint(a + b)\n");
  CHECK(p.verdict == Verdict::JE);
  CHECK(p.message == "secret/a/2: the output validator wrote score_multiplier.txt in a pass-fail group");
}

TEST_CASE("judge: multi-pass problems run the submission again on nextpass.in, the feedback dir kept") {
  // Pass 1 checks a+b and asks for a pass on "a+b 100"; pass k checks a+b+100(k-1).
  // The pass number lives in the feedback dir, which must survive between passes.
  const std::string validator =
      "import os, sys\n"
      "fb = sys.argv[3]\n"
      "a, b = map(int, open(sys.argv[1]).read().split())\n"
      "npass = int(open(fb + 'pass').read()) + 1 if os.path.exists(fb + 'pass') else 1\n"
      "open(fb + 'pass', 'w').write(str(npass))\n"
      "want = a + b + 100 * (npass - 1)\n"
      "team = sys.stdin.read().split()\n"
      "if team != [str(want)]:\n"
      "    open(fb + 'judgemessage.txt', 'w').write('expected %d, got %s' % (want, team))\n"
      "    sys.exit(43)\n"
      "if npass == 1 or len(sys.argv) > 4:\n"
      "    open(fb + 'nextpass.in', 'w').write('%d 100\\n' % want)\n"
      "sys.exit(42)\n";
  SumPackage pkg("name: Sum\nvalidation: custom multi-pass\n");
  pkg.file("output_validators/v/v.py", validator);
  const std::string sum = "a, b = map(int, input().split())\nprint(a + b)\n";
  JudgeResult ac = run(pkg, "sum.py", sum);
  CHECK(ac.verdict == Verdict::AC);
  CHECK(ac.tests.size() == 4);

  JudgeResult wa2 = run(pkg, "late.py", "a, b = map(int, input().split())\nprint(0 if b == 100 else a + b)\n");
  CHECK(wa2.verdict == Verdict::WA);
  REQUIRE(!wa2.tests.empty());
  CHECK(wa2.tests[0].message == "pass 2: expected 103, got ['0']");

  JudgeResult wa1 = run(pkg, "diff.py", "a, b = map(int, input().split())\nprint(a - b)\n");
  CHECK(wa1.verdict == Verdict::WA);
  REQUIRE(!wa1.tests.empty());
  CHECK(wa1.tests[0].message == "expected 3, got ['-1']");

  // A validator that always wants another pass (any extra argument makes it so):
  // more than validation_passes runs is a judge error.
  SumPackage endless("name: Sum\nvalidation: custom multi-pass\nvalidator_flags: more\nlimits:\n  validation_passes: 3\n");
  endless.file("output_validators/v/v.py", validator);
  JudgeResult je = run(endless, "sum.py", sum);
  CHECK(je.verdict == Verdict::JE);
  REQUIRE(!je.tests.empty());
  CHECK(je.tests[0].message == "output validator asked for pass 4, but validation_passes is 3");

  // nextpass.in on a rejection is the validator's mistake, not the submission's.
  SumPackage confused("name: Sum\nvalidation: custom multi-pass\n");
  confused.file("output_validators/v.py", "import sys\nopen(sys.argv[3] + 'nextpass.in', 'w').write('1 1')\nsys.exit(43)\n");
  JudgeResult je2 = run(confused, "sum.py", sum);
  CHECK(je2.verdict == Verdict::JE);
  REQUIRE(!je2.tests.empty());
  CHECK(je2.tests[0].message == "output validator wrote nextpass.in but did not accept pass 1");
}

TEST_CASE("judge: interactive multi-pass problems give the validator its nextpass.in as the input") {
  // Each pass the validator sends the first number of its input and wants it plus
  // one back; passes 1 and 2 ask for another pass on that number. A log in the
  // feedback dir proves the dir lasts the whole case.
  SumPackage pkg("name: Sum\nvalidation: custom interactive multi-pass\nlimits:\n  validation_passes: 3\n");
  pkg.file("output_validators/v.py",
           "import os, sys\n"
           "fb = sys.argv[3]\n"
           "x = int(open(sys.argv[1]).read().split()[0])\n"
           "log = open(fb + 'log').read().split() if os.path.exists(fb + 'log') else []\n"
           "log.append(str(x))\n"
           "open(fb + 'log', 'w').write(' '.join(log))\n"
           "print(x, flush=True)\n"
           "got = sys.stdin.readline().strip()\n"
           "if got != str(x + 1):\n"
           "    open(fb + 'judgemessage.txt', 'w').write('sent %d, got %r' % (x, got))\n"
           "    sys.exit(43)\n"
           "if len(log) < 3:\n"
           "    open(fb + 'nextpass.in', 'w').write('%d\\n' % (x + 1))\n"
           "elif log != [str(int(log[0]) + i) for i in range(3)]:\n"
           "    open(fb + 'judgemessage.txt', 'w').write('log ' + ' '.join(log))\n"
           "    sys.exit(43)\n"
           "sys.exit(42)\n");
  JudgeResult ac = run(pkg, "next.py", "print(int(input()) + 1)\n");
  INFO(ac.message);
  CHECK(ac.verdict == Verdict::AC);
  CHECK(ac.tests.size() == 4);
  // Right until it is sent 3: the sample (1) fails in pass 3.
  JudgeResult wa = run(pkg, "late.py", "x = int(input())\nprint(x + 1 if x < 3 else 0)\n");
  CHECK(wa.verdict == Verdict::WA);
  REQUIRE(!wa.tests.empty());
  CHECK(wa.tests[0].message == "pass 3: sent 3, got '0'");
}
