// load_test_data on packages built in a scratch directory: order, inheritance,
// links, and every broken shape a package can have.
#include "test_data.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "temp_tree.h"

namespace fs = std::filesystem;
using namespace package;

namespace {

struct Package : TempTree {
  Package() : TempTree("hello") {}
  Package& file(const std::string& rel, const std::string& text = "x\n") {
    write(rel, text);
    return *this;
  }
  Package& test_case(const std::string& rel) { return file(rel + ".in").file(rel + ".ans"); }
  Package& link(const std::string& rel, const std::string& target) {
    symlink(rel, target);
    return *this;
  }
  TestGroup load(std::vector<Diagnostic>* d, bool scoring = false) const {
    ProblemConfig c;
    c.scoring = scoring;
    return load_test_data(root.string(), c, d);
  }
};

bool has(const std::vector<Diagnostic>& d, const std::string& part, bool error = true) {
  for (const Diagnostic& x : d)
    if (x.error == error && x.to_string().find(part) != std::string::npos) return true;
  return false;
}

std::vector<std::string> order(const TestGroup& g) {
  std::vector<std::string> names;
  for (auto [is_group, i] : g.order) names.push_back(is_group ? g.groups[i].name + "/" : g.cases[i].name);
  return names;
}

const TestGroup& group(const TestGroup& g, const std::string& name) {
  for (const TestGroup& sub : g.groups)
    if (sub.name == name) return sub;
  FAIL("no group " << name);
  return g;
}

}  // namespace

TEST_CASE("test data: sample before secret, byte order, cases and groups interleaved") {
  Package p;
  p.test_case("data/sample/1").test_case("data/secret/10").test_case("data/secret/02").test_case("data/secret/b/x");
  p.test_case("data/secret/a1").test_case("data/secret/c").file("data/secret/.gitkeep", "");
  std::vector<Diagnostic> d;
  TestGroup root = p.load(&d);
  CHECK(d.empty());
  CHECK(order(root) == std::vector<std::string>{"sample/", "secret/"});
  CHECK(order(group(root, "secret")) ==
        std::vector<std::string>{"secret/02", "secret/10", "secret/a1", "secret/b/", "secret/c"});
  CHECK(root.case_count() == 6);
}

TEST_CASE("test data: testdata.yaml keys inherited from the nearest ancestor that sets them") {
  Package p;
  p.test_case("data/sample/1").test_case("data/secret/g1/deep/1");
  p.file("data/testdata.yaml", "on_reject: continue\ngrader_flags: ignore_sample\nrange: 0 100\n");
  p.file("data/secret/testdata.yaml", "grader_flags: first_error accept_if_any_accepted\n");
  p.file("data/secret/g1/testdata.yaml", "accept_score: 30\non_reject: break\ngrader_flags: min\n");
  std::vector<Diagnostic> d;
  TestGroup root = p.load(&d, /*scoring=*/true);
  CHECK(d.empty());
  const TestGroup& secret = group(root, "secret");
  const TestGroup& deep = group(group(secret, "secret/g1"), "secret/g1/deep");
  CHECK(!root.settings.on_reject_break);
  CHECK(root.settings.grader_flags == "ignore_sample");
  CHECK(!secret.settings.on_reject_break);  // from data/
  CHECK(secret.settings.grader_flags == "first_error accept_if_any_accepted");
  CHECK(secret.settings.range_high == 100);
  CHECK(deep.settings.accept_score == 30);  // from g1, no file of its own
  CHECK(deep.settings.on_reject_break);
  CHECK(deep.settings.grader_flags == "min");
  CHECK(group(root, "sample").settings.grader_flags == "ignore_sample");
}

TEST_CASE("test data: symlinked cases resolve inside the package") {
  Package p;
  p.test_case("data/secret/small/1");
  p.link("data/secret/all/1.in", "../small/1.in").link("data/secret/all/1.ans", "../small/1.ans");
  std::vector<Diagnostic> d;
  TestGroup root = p.load(&d);
  CHECK(d.empty());
  const TestGroup& all = group(group(root, "secret"), "secret/all");
  REQUIRE(all.cases.size() == 1);
  CHECK(all.cases[0].input == fs::canonical(p.root / "data/secret/small/1.in").string());
}

TEST_CASE("test data: every broken shape is named") {
  Package p;
  fs::path outside = p.root.parent_path() / "outside.in";
  std::ofstream(outside) << "1\n";
  p.test_case("data/secret/ok");
  p.file("data/secret/lonely.in").file("data/secret/orphan.ans");
  p.link("data/secret/dangling.in", "nothing.in").file("data/secret/dangling.ans");
  p.link("data/secret/escape.in", outside.string()).file("data/secret/escape.ans");
  p.test_case("data/secret/bad name");
  p.test_case("data/extra/1");
  p.file("data/secret/testdata.yaml", "accept_score: 5\nrange: 1\nfoo: bar\n");
  std::vector<Diagnostic> d;
  p.load(&d);
  CHECK(has(d, "data/secret/lonely.in: has no lonely.ans beside it"));
  CHECK(has(d, "data/secret/orphan.ans: has no orphan.in beside it"));
  CHECK(has(d, "data/secret/dangling.in: a link to nothing"));
  CHECK(has(d, "data/secret/escape.in: a link out of the package"));
  CHECK(has(d, "data/secret/bad name.in: not a valid name"));
  CHECK(has(d, "data/extra: warning: not judged", false));
  CHECK(has(d, "data/secret/testdata.yaml:1: accept_score: only for scoring problems"));
  CHECK(has(d, "data/secret/testdata.yaml:2: range: only for scoring problems"));
  CHECK(has(d, "data/secret/testdata.yaml:3: warning: unknown key 'foo'", false));
}

TEST_CASE("test data: missing or empty secret, missing data/, broken YAML") {
  Package none;
  std::vector<Diagnostic> d;
  none.load(&d);
  CHECK(has(d, "data: missing"));

  Package empty;
  empty.test_case("data/sample/1").file("data/secret/readme.txt");
  std::vector<Diagnostic> e;
  empty.load(&e);
  CHECK(has(e, "data/secret: has no test cases"));

  Package nosecret;
  nosecret.test_case("data/sample/1");
  std::vector<Diagnostic> n;
  nosecret.load(&n);
  CHECK(has(n, "data/secret: missing"));

  Package yaml;
  yaml.test_case("data/secret/1").file("data/secret/testdata.yaml", "on_reject: [break\n");
  std::vector<Diagnostic> y;
  yaml.load(&y);
  CHECK(has(y, "data/secret/testdata.yaml:2: not valid YAML"));
}

TEST_CASE("test data: CR line ends, a missing final newline and non-UTF-8 text are warnings") {
  Package p;
  p.file("data/secret/1.in", "1 2\r\n").file("data/secret/1.ans", "3");
  p.file("data/secret/2.in", "\xff\xfe\n").file("data/secret/2.ans", "x\n");
  std::vector<Diagnostic> d;
  p.load(&d);
  CHECK(has(d, "data/secret/1.in: warning: has CR", false));
  CHECK(has(d, "data/secret/1.ans: warning: does not end with a newline", false));
  CHECK(has(d, "data/secret/2.in: warning: is not UTF-8 text", false));
  CHECK_FALSE(has(d, "data/secret/2.ans", false));
}

TEST_CASE("test data: sample interaction logs of interactive and multi-pass problems") {
  Package p;
  p.test_case("data/sample/1").test_case("data/sample/2").test_case("data/secret/1");
  p.file("data/sample/1.interaction", "< 100\n> ? 50\n< >\n> ! 75\n");
  p.file("data/sample/2.interaction", "< 1\n---\n> 2\nnot a log line\n");
  p.file("data/sample/2.out", "2\n");
  p.file("data/sample/3.interaction", "< 1\n");
  ProblemConfig interactive;
  interactive.interactive = true;
  std::vector<Diagnostic> d;
  load_test_data(p.root.string(), interactive, &d);
  CHECK_FALSE(has(d, "data/sample/1.interaction"));
  CHECK(has(d, "data/sample/2.interaction: must not come with 2.out"));
  CHECK(has(d, "data/sample/2.interaction:2: '---' separates passes, but the problem is not multi-pass"));
  CHECK(has(d, "data/sample/2.interaction:4: expected a line starting with '<'"));
  CHECK(has(d, "data/sample/3.interaction: has no 3.in beside it"));

  Package mp;
  mp.test_case("data/sample/1").test_case("data/secret/1");
  mp.file("data/sample/1.interaction", "< 1 2\n> 3\n---\n< 3 4\n> 7\n---\n< 7 8\n> 15\n");
  ProblemConfig multi_pass;
  multi_pass.multi_pass = true;
  std::vector<Diagnostic> e;
  load_test_data(mp.root.string(), multi_pass, &e);
  CHECK(has(e, "data/sample/1.interaction: 3 passes, but limits.validation_passes is 2"));
  multi_pass.limits.validation_passes = 3;
  std::vector<Diagnostic> f;
  load_test_data(mp.root.string(), multi_pass, &f);
  CHECK(f.empty());

  std::vector<Diagnostic> g;
  mp.load(&g);  // pass-fail batch problem: the log is not used
  CHECK(has(g, "data/sample/1.interaction: warning: an interaction log, but the problem is neither", false));
}

TEST_CASE("test data: a case's own .yaml (2025-09) sets its arguments; unknown keys are errors") {
  Package p;
  p.test_case("data/secret/1").test_case("data/secret/2").test_case("data/secret/3");
  p.file("data/secret/1.yaml", "args: [--fast, '3']\noutput_validator_args: [float_tolerance, 1e-3]\n"
                               "input_validator_args: [max=5]\nhint: think\nfull_feedback: true\n");
  p.file("data/secret/2.yaml", "args: --fast\ncolour: red\n");
  p.file("data/secret/3.yaml", "args: [unclosed\n");
  p.file("data/secret/test_group.yaml", "args: [--slow]\n");
  std::vector<Diagnostic> d;
  TestGroup root = p.load(&d);
  const TestGroup& secret = group(root, "secret");
  REQUIRE(secret.cases.size() == 3);
  CHECK(*secret.cases[0].args == "--fast 3");
  CHECK(*secret.cases[0].output_validator_args == "float_tolerance 1e-3");
  CHECK(*secret.cases[0].input_validator_args == "max=5");
  CHECK_FALSE(secret.cases[2].has_own_args());
  CHECK(secret.settings.submission_args == "--slow");  // the group's, for cases without their own
  CHECK(has(d, "data/secret/2.yaml:1: args: expected a list of strings"));
  CHECK(has(d, "data/secret/2.yaml:2: unknown key 'colour'"));
  CHECK(has(d, "data/secret/3.yaml:2: not valid YAML"));
  CHECK_FALSE(has(d, "data/secret/1.yaml"));
}
