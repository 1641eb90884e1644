#include "intake/submission_files.h"

#include <doctest/doctest.h>

#include "temp_tree.h"

using namespace intake;

namespace {

engine::LanguageTable languages() {
  std::vector<std::string> errors;
  return engine::load_languages(LANGUAGES_YAML, &errors);
}

bool has(const std::vector<std::string>& list, const std::string& part) {
  for (const std::string& s : list)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("submission names: <problem_id>[.<n>].<ext>") {
  CHECK(parse_submission_name("meanvar.py")->problem_id == "meanvar");
  CHECK(parse_submission_name("meanvar.py")->attempt == 1);
  CHECK(parse_submission_name("meanvar.3.cpp")->attempt == 3);
  CHECK(parse_submission_name("meanvar.3.cpp")->extension == "cpp");
  CHECK(parse_submission_name("k-means.v2.py")->problem_id == "k-means.v2");  // not a number: part of the id
  CHECK_FALSE(parse_submission_name("meanvar"));
  CHECK_FALSE(parse_submission_name("meanvar.0.py"));
  CHECK_FALSE(parse_submission_name(".py"));
  CHECK_FALSE(parse_submission_name("meanvar."));
}

TEST_CASE("import submissions from the directory layout: language by extension, bad files named and left out") {
  TempTree t("subs");
  t.write("a1/meanvar.py", "print(1)\n");
  t.write("a1/meanvar.2.cpp", "int main() {}\n");
  t.write("a1/featsel.py", "");                      // empty
  t.write("a2/featsel.rb", "puts 1\n");              // no such language
  t.write("a2/nosuch.py", "print(2)\n");             // unknown problem
  t.write("a2/meanvar.py", std::string(2000, 'x'));  // over the size limit
  t.write("a2/README", "notes\n");                   // not a submission name
  t.write("stray.txt", "x\n");                       // not an applicant directory
  static engine::LanguageTable langs = languages();
  SubmissionFiles f = read_submission_files(t.root.string(), {"meanvar", "featsel"}, langs, 1024);
  REQUIRE(f.submissions.size() == 2);
  CHECK(f.submissions[0].applicant_id == "a1");
  CHECK(f.submissions[0].problem_id == "meanvar");
  CHECK(f.submissions[0].attempt == 2);
  CHECK(f.submissions[0].language == "cpp20");
  CHECK(f.submissions[1].attempt == 1);
  CHECK(f.submissions[1].language == "python3");
  CHECK(f.submissions[1].source == "print(1)\n");
  CHECK(f.submissions[1].submitted_at.size() == 20);  // 2026-11-28T20:41:00Z, from the file's mtime
  CHECK(f.errors.size() == 6);
  CHECK(has(f.errors, "a1/featsel.py: empty"));
  CHECK(has(f.errors, "a2/featsel.rb: no language for '.rb' in languages.yaml"));
  CHECK(has(f.errors, "a2/nosuch.py: unknown problem 'nosuch' (not in campaign.yaml)"));
  CHECK(has(f.errors, "a2/meanvar.py: 2000 bytes, more than the campaign's limit of 1024"));
  CHECK(has(f.errors, "a2/README: expected <problem_id>[.<n>].<ext>"));
  CHECK(has(f.errors, "stray.txt: expected a directory per applicant"));
}

TEST_CASE("import submissions from a manifest: tries in submitted_at order, each bad row named by line") {
  TempTree t("subs");
  t.write("src/x1.py", "print(1)\n");
  t.write("src/x2.py", "print(2)\n");
  t.write("src/x3.cpp", "int main() {}\n");
  t.write("submissions.csv",
          "applicant_id,problem_id,language,path,submitted_at\n"
          "a1,meanvar,,src/x2.py,2026-11-02T10:00:00Z\n"
          "a1,meanvar,python3,src/x1.py,2026-11-01T10:00:00Z\n"
          "a1,meanvar,cpp17,src/x3.cpp,2026-11-03T10:00:00Z\n"
          "a2,meanvar,cobol,src/x1.py,2026-11-01T10:00:00Z\n"
          "a2,meanvar,,../outside.py,2026-11-01T10:00:00Z\n"
          "a2,meanvar,,src/missing.py,2026-11-01T10:00:00Z\n"
          "a2,,,src/x1.py,\n");
  static engine::LanguageTable langs = languages();
  SubmissionFiles f = read_submission_files(t.root.string(), {"meanvar"}, langs, 1 << 20);
  REQUIRE(f.submissions.size() == 3);
  CHECK(f.submissions[0].source == "print(2)\n");
  CHECK(f.submissions[0].attempt == 2);  // the second by time
  CHECK(f.submissions[1].attempt == 1);
  CHECK(f.submissions[2].attempt == 3);
  CHECK(f.submissions[2].language == "cpp17");
  CHECK(f.where[0] == (t.root / "submissions.csv").string() + ":2");
  CHECK(has(f.errors, "submissions.csv:5: unknown language 'cobol'"));
  CHECK(has(f.errors, "submissions.csv:6: path '../outside.py' must stay inside"));
  CHECK(has(f.errors, "submissions.csv:7: src/missing.py: cannot be read"));
  CHECK(has(f.errors, "submissions.csv:8: applicant_id, problem_id and path are required"));

  TempTree bad("subs");
  bad.write("submissions.csv", "applicant_id,problem,path\n");
  SubmissionFiles b = read_submission_files(bad.root.string(), {"meanvar"}, langs, 1 << 20);
  CHECK(b.unusable);
  CHECK(has(b.errors, "submissions.csv:1: missing column 'problem_id'"));
}
