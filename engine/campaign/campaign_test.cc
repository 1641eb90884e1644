#include "campaign/campaign.h"

#include <doctest/doctest.h>

using namespace campaign;

namespace {

bool has(const std::vector<package::Diagnostic>& d, const std::string& part) {
  for (const package::Diagnostic& x : d)
    if (x.to_string().find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("campaign.yaml: problems by path or {id, path}, defaults, the template reads back") {
  std::vector<package::Diagnostic> d;
  Campaign c = parse_campaign("name: Bootcamp 2027\n"
                              "problems:\n"
                              "  - ../problems/meanvar/\n"
                              "  - {id: pairs, path: /srv/problems/featsel}\n"
                              "score_from: last\n"
                              "workers: 4\n"
                              "limits: {source_kib: 64}\n",
                              "/data/c1", &d);
  CHECK(d.empty());
  CHECK(c.name == "Bootcamp 2027");
  REQUIRE(c.problems.size() == 2);
  CHECK(c.problems[0].id == "meanvar");
  CHECK(c.problem_path(c.problems[0]) == "/data/c1/../problems/meanvar/");
  CHECK(c.problems[1].id == "pairs");
  CHECK(c.problem_path(c.problems[1]) == "/srv/problems/featsel");
  CHECK(c.problem("pairs") == &c.problems[1]);
  CHECK(c.problem("meanvar2") == nullptr);
  CHECK(c.score_from == ScoreFrom::Last);
  CHECK(c.workers == 4);
  CHECK(c.source_kib == 64);

  std::vector<package::Diagnostic> t;
  Campaign fresh = parse_campaign(campaign_template("c2"), "/data/c2", &t);
  CHECK(t.empty());
  CHECK(fresh.name == "c2");
  CHECK(fresh.problems.empty());
  CHECK(fresh.score_from == ScoreFrom::Best);
  CHECK(fresh.workers == 0);
}

TEST_CASE("campaign.yaml: every mistake is named with its line") {
  std::vector<package::Diagnostic> d;
  parse_campaign("name: x\n"
                 "problems:\n"
                 "  - a/meanvar\n"
                 "  - b/meanvar\n"
                 "  - {id: 'bad id', path: c}\n"
                 "  - {path: d, colour: red}\n"
                 "  - [1, 2]\n"
                 "score_from: average\n"
                 "workers: -1\n"
                 "limits: {source_kib: 0, time: 3}\n"
                 "colour: blue\n",
                 "/c", &d);
  CHECK(has(d, "campaign.yaml:4: problems: the id 'meanvar' is used twice"));
  CHECK(has(d, "campaign.yaml:5: problems: 'bad id' is not a valid problem id"));
  CHECK(has(d, "campaign.yaml:6: problems: unknown key 'colour'"));
  CHECK(has(d, "campaign.yaml:7: problems: expected a package path or a map with path"));
  CHECK(has(d, "campaign.yaml:8: score_from: expected best or last"));
  CHECK(has(d, "campaign.yaml:9: workers: expected a whole number from 0"));
  CHECK(has(d, "campaign.yaml:10: limits.source_kib: expected a whole number of KiB"));
  CHECK(has(d, "campaign.yaml:10: limits: unknown key 'time'"));
  CHECK(has(d, "campaign.yaml:11: unknown key 'colour'"));

  std::vector<package::Diagnostic> e;
  parse_campaign("workers: 2\n", "/c", &e);
  CHECK(has(e, "campaign.yaml: name: required"));
  CHECK(has(e, "campaign.yaml: problems: required"));
  std::vector<package::Diagnostic> y;
  parse_campaign("name: [x\n", "/c", &y);
  CHECK(has(y, "not valid YAML"));
}

TEST_CASE("campaign.yaml: the review rubric and the ranking settings") {
  std::vector<package::Diagnostic> d;
  Campaign c = parse_campaign("name: C\nproblems: [p]\n"
                              "review:\n"
                              "  criteria:\n"
                              "    - {name: motivation, scale: [1, 5], weight: 2, description: Why}\n"
                              "    - {name: code, scale: [0, 10]}\n"
                              "  reviewers_per_applicant: 3\n"
                              "  blind: [name, email]\n"
                              "  disagreement: 1.5\n"
                              "  ridge: 0\n"
                              "ranking:\n"
                              "  weights: {quiz: 0.7, review: 0.3}\n"
                              "  shortlist_size: 40\n"
                              "  gates: {min_quiz: 0.25}\n"
                              "  tie_break_seed: 99\n"
                              "  resamples: 200\n"
                              "  certain: 0.9\n",
                              "/d", &d);
  CHECK(d.empty());
  REQUIRE(c.review.criteria.size() == 2);
  CHECK(c.review.criteria[0].name == "motivation");
  CHECK(c.review.criteria[0].weight == 2);
  CHECK(c.review.criteria[0].description == "Why");
  CHECK(c.review.criteria[1].min == 0);
  CHECK(c.review.criteria[1].max == 10);
  CHECK(c.review.criteria[1].weight == 1);
  CHECK(c.review.reviewers_per_applicant == 3);
  CHECK(c.review.blind == std::vector<std::string>{"name", "email"});
  CHECK(c.review.disagreement == 1.5);
  CHECK(c.review.ridge == 0);
  CHECK(c.ranking.quiz_weight == 0.7);
  CHECK(c.ranking.review_weight == 0.3);
  CHECK(c.ranking.shortlist_size == 40);
  CHECK(c.ranking.min_quiz == 0.25);
  CHECK(c.ranking.tie_break_seed == 99);
  CHECK(c.ranking.resamples == 200);
  CHECK(c.ranking.certain == 0.9);

  d.clear();
  Campaign t = parse_campaign(campaign_template("T"), "/d", &d);
  CHECK(t.review.criteria.size() == 2);  // the template's rubric reads back
  for (const auto& x : d) CHECK(x.message.find("problems") != std::string::npos);  // only: no problems yet
}

TEST_CASE("campaign.yaml: rubric and ranking mistakes are named with their line") {
  std::vector<package::Diagnostic> d;
  parse_campaign("name: C\nproblems: [p]\n"
                 "review:\n"
                 "  criteria:\n"
                 "    - {name: motivation, scale: [5, 1]}\n"     // line 5
                 "    - {name: 'two words'}\n"                  // line 6
                 "    - {name: comment}\n"                      // line 7
                 "    - {name: a, weight: -1}\n"                // line 8
                 "    - {name: b, colour: red}\n"               // line 9
                 "  reviewers_per_applicant: 0\n"               // line 10
                 "ranking:\n"
                 "  weights: {quiz: 0, review: 0}\n"            // line 12
                 "  gates: {min_quiz: 2}\n"                     // line 13
                 "  certain: 0.4\n"                             // line 14
                 "  colour: red\n",                             // line 15
                 "/d", &d);
  CHECK(has(d, "campaign.yaml:5: review.criteria.scale"));
  CHECK(has(d, "campaign.yaml:6: review.criteria: name 'two words' is not a plain word"));
  CHECK(has(d, "campaign.yaml:7: review.criteria: 'comment' is a column"));
  CHECK(has(d, "campaign.yaml:8: review.criteria.weight"));
  CHECK(has(d, "campaign.yaml:9: review.criteria: unknown key 'colour'"));
  CHECK(has(d, "campaign.yaml:10: review.reviewers_per_applicant"));
  CHECK(has(d, "campaign.yaml:12: ranking.weights: quiz and review cannot both be 0"));
  CHECK(has(d, "campaign.yaml:13: ranking.gates.min_quiz"));
  CHECK(has(d, "campaign.yaml:14: ranking.certain"));
  CHECK(has(d, "campaign.yaml:15: ranking: unknown key 'colour'"));
}

TEST_CASE("campaign.yaml: the similarity section, and its mistakes with their line") {
  std::vector<package::Diagnostic> d;
  Campaign c = parse_campaign("name: C\n"
                              "similarity:\n"
                              "  k: 10\n"
                              "  w: 6\n"
                              "  max_share: 0.2\n"
                              "  threshold: 0.75\n"
                              "  starter: {p: [start/p.py, /abs/p2.py], q: start/q.cpp}\n"
                              "problems: [p, q]\n",  // after the section: starter ids are checked all the same
                              "/d", &d);
  CHECK(d.empty());
  CHECK(c.similarity.k == 10);
  CHECK(c.similarity.w == 6);
  CHECK(c.similarity.max_share == 0.2);
  CHECK(c.similarity.threshold == 0.75);
  REQUIRE(c.similarity.starter.size() == 2);
  CHECK(c.similarity.starter["p"] == std::vector<std::string>{"start/p.py", "/abs/p2.py"});
  CHECK(c.path_in(c.similarity.starter["p"][0]) == "/d/start/p.py");
  CHECK(c.path_in(c.similarity.starter["p"][1]) == "/abs/p2.py");
  CHECK(c.similarity.starter["q"] == std::vector<std::string>{"start/q.cpp"});

  Campaign defaults = parse_campaign("name: C\nproblems: [p]\nsimilarity: {threshold: auto}\n", "/d", &d);
  CHECK(d.empty());
  CHECK(defaults.similarity.threshold == 0);
  CHECK(defaults.similarity.k == 12);

  parse_campaign("name: C\nproblems: [p]\n"
                 "similarity:\n"
                 "  k: 2\n"                    // line 4
                 "  w: 0\n"                    // line 5
                 "  max_share: 0\n"            // line 6
                 "  threshold: high\n"         // line 7
                 "  starter: {zz: [a.py]}\n"   // line 8
                 "  colour: red\n",            // line 9
                 "/d", &d);
  CHECK(has(d, "campaign.yaml:4: similarity.k"));
  CHECK(has(d, "campaign.yaml:5: similarity.w"));
  CHECK(has(d, "campaign.yaml:6: similarity.max_share"));
  CHECK(has(d, "campaign.yaml:7: similarity.threshold: expected auto"));
  CHECK(has(d, "campaign.yaml:8: similarity.starter: 'zz' is not one of the campaign's problems"));
  CHECK(has(d, "campaign.yaml:9: similarity: unknown key 'colour'"));
}
