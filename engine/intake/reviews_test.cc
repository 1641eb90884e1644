#include "intake/reviews.h"

#include <doctest/doctest.h>

using namespace intake;

namespace {

std::vector<campaign::Criterion> rubric() {
  campaign::Criterion m, e;
  m.name = "motivation";
  e.name = "experience";
  e.min = 0;
  e.max = 10;
  return {m, e};
}

std::map<std::string, store::Applicant> applicants() {
  return {{"a1", {"a1", "Ann", "ann@uni-a.edu", "Uni A", {}}}, {"a2", {"a2", "Bob", "bob@uni-b.edu", "Uni B", {}}}};
}

std::map<std::string, store::Reviewer> reviewers() {
  return {{"r1", {"r1", "Rita", "rita@org.com", "Org"}}, {"r2", {"r2", "Raj", "raj@uni-a.edu", "Uni A2"}}};
}

bool has(const std::vector<std::string>& errors, const std::string& part) {
  for (const std::string& e : errors)
    if (e.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("reviews import: rows checked against the rubric, errors with line and column, the rest kept") {
  ReviewsImport r = read_reviews(parse_csv("reviewer_id,applicant_id,experience,motivation,comment\n"
                                           "r1,a1,7.5,4,\"fine, \"\"really\"\"\"\n"  // 2: ok
                                           "r1,a2,11,4,\n"                             // 3: off the scale
                                           "r1,a2,x,4,\n"                              // 4: not a number
                                           "r1,a2,5,,\n"                               // 5: missing
                                           "r9,a2,5,3,\n"                              // 6: unknown reviewer
                                           "r1,a9,5,3,\n"                              // 7: unknown applicant
                                           "r2,a1,5,3,\n"                              // 8: conflict (email domain)
                                           "r1,a1,1,1,again\n"                         // 9: twice
                                           "r1,a2,0,5,top\n"),                         // 10: ok
                                 "reviews.csv", rubric(), applicants(), reviewers());
  CHECK_FALSE(r.unusable);
  REQUIRE(r.reviews.size() == 2);
  CHECK(r.reviews[0].scores.at("experience") == 7.5);
  CHECK(r.reviews[0].scores.at("motivation") == 4);
  CHECK(r.reviews[0].comment == "fine, \"really\"");
  CHECK(r.reviews[1].applicant_id == "a2");
  CHECK(r.errors.size() == 7);
  CHECK(has(r.errors, "reviews.csv:3: column experience: 11 is off the scale (scale 0 to 10)"));
  CHECK(has(r.errors, "reviews.csv:4: column experience: 'x' is not a number"));
  CHECK(has(r.errors, "reviews.csv:5: column motivation: no value (scale 1 to 5)"));
  CHECK(has(r.errors, "reviews.csv:6: column reviewer_id: unknown reviewer 'r9'"));
  CHECK(has(r.errors, "reviews.csv:7: column applicant_id: unknown applicant 'a9'"));
  CHECK(has(r.errors, "reviews.csv:8: reviewer r2 may not review applicant a1"));
  CHECK(has(r.errors, "reviews.csv:9: the review of a1 by r1 appears again (first at line 2)"));
}

TEST_CASE("reviews import: a header that does not match the rubric makes the file unusable") {
  ReviewsImport r = read_reviews(parse_csv("applicant_id,reviewer_id,motivation,colour,comment\nr1,a1,3,red,\n"),
                                 "reviews.csv", rubric(), applicants(), reviewers());
  CHECK(r.unusable);
  CHECK(r.reviews.empty());
  CHECK(has(r.errors, "reviews.csv:1: column 'colour' is not a criterion of the rubric (expected "
                      "applicant_id,reviewer_id,motivation,experience,comment)"));
  CHECK(has(r.errors, "reviews.csv:1: missing column 'experience'"));
  CHECK(read_reviews(parse_csv(""), "reviews.csv", rubric(), applicants(), reviewers()).unusable);
}
