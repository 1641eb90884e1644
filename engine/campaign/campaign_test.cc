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
