#include "intake/applicants.h"

#include <doctest/doctest.h>

using namespace intake;

TEST_CASE("applicants import: required columns in any order, extra columns kept, bad rows named and skipped") {
  ApplicantsImport r = read_applicants(parse_csv("name,applicant_id,email,affiliation,country\n"
                                                 "Ann,a1,ann@x.org,Uni A,NO\n"
                                                 ",,x@y.org,Uni B,SE\n"
                                                 "Bob,a2,bob-at-y.org,Uni B,SE\n"
                                                 "Ann again,a1,ann2@x.org,Uni A,NO\n"
                                                 "Cy,a 3,c@z.org,Uni C,DK\n"
                                                 "Dee,a4,d@z.org,Uni C\n"
                                                 "Eve,a5,e@z.org,Uni C,FI\n"),
                                       "applicants.csv");
  REQUIRE(r.applicants.size() == 2);
  CHECK(r.applicants[0].id == "a1");
  CHECK(r.applicants[0].name == "Ann");
  CHECK(r.applicants[0].extra.at("country") == "NO");
  CHECK(r.applicants[1].id == "a5");
  CHECK(r.errors == std::vector<std::string>{
                        "applicants.csv:3: applicant_id is empty",
                        "applicants.csv:4: email 'bob-at-y.org' has no '@'",
                        "applicants.csv:5: applicant a1 appears again (first at line 2)",
                        "applicants.csv:6: applicant_id 'a 3' has a space or a slash (it names directories)",
                        "applicants.csv:7: expected 5 fields (as the header), found 4",
                    });
  CHECK_FALSE(r.unusable);
}

TEST_CASE("applicants import: a file without the required columns is unusable as a whole") {
  ApplicantsImport r = read_applicants(parse_csv("id,name,email\na1,Ann,a@x.org\n"), "people.csv");
  CHECK(r.unusable);
  CHECK(r.applicants.empty());
  CHECK(r.errors.size() == 2);
  CHECK(r.errors[0] == "people.csv:1: missing column 'applicant_id' (expected applicant_id,name,email,affiliation and any others)");
  ApplicantsImport twice = read_applicants(parse_csv("applicant_id,name,email,affiliation,name\n"), "p.csv");
  CHECK(twice.unusable);
  CHECK(twice.errors[0] == "p.csv:1: column 'name' appears twice");
  CHECK(read_applicants(parse_csv(""), "e.csv").errors[0] == "e.csv: empty: expected a header row");
}
