#include "report/html_report.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

// Five applicants, two reviewers, one hostile comment and one hostile name: enough
// for every part of the page, and for tests/report/*.sh, which read it back from
// the file the "sample page" case writes.
const std::string kRanking = R"json({
  "format": "shortlist-ranking/1",
  "campaign": {"name": "Spring intake"},
  "settings": {"k": 2, "weights": {"quiz": 0.6, "review": 0.4}, "resamples": 200, "seed": 7, "revealed": true},
  "problems": [{"id": "meanvar", "max_score": 100}, {"id": "pairs", "max_score": 50}],
  "criteria": [{"name": "clarity", "min": 0, "max": 5, "weight": 1, "description": "reads well"},
               {"name": "depth", "min": 0, "max": 5, "weight": 2, "description": "goes beyond the obvious"}],
  "reviewers": [{"id": "r1", "offset": -0.42, "reviews": 4, "component": 0, "raw_mean": 5.1},
                {"id": "r2", "offset": 0.42, "reviews": 4, "component": 0, "raw_mean": 6.3}],
  "components": 1,
  "cut": {"k": 2, "total_at_cut": 0.71},
  "applicants": [
    {"rank": 1, "id": "app-3", "name": "Ada Lovelace", "email": "ada@example.org", "affiliation": "Uni A",
     "total": 0.93,
     "quiz": {"score": 140, "normal": 0.93, "problems": [
       {"id": "meanvar", "score": 100, "max_score": 100, "verdict": "AC", "tests_passed": 10, "tests": 10, "submissions": 1},
       {"id": "pairs", "score": 40, "max_score": 50, "verdict": "WA", "tests_passed": 8, "tests": 10, "submissions": 3}]},
     "review": {"count": 2, "raw_mean": 8.5, "calibrated": 8.6, "standardized": 1.2, "se": 0.3, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 4, "depth": 5}, "raw": 9, "calibrated": 9.42,
        "comment": "Great work </script><script>alert(1)</script> and <!-- not a comment --> </ScRiPt >"},
       {"reviewer": "r2", "scores": {"clarity": 4, "depth": 4}, "raw": 8, "calibrated": 7.58, "comment": "solid"}]},
     "probability": 0.998, "band": "certain-in", "flags": [], "why": ["quiz 0.93 x 0.6", "review 8.6 x 0.4"]},
    {"rank": 2, "id": "app-12", "name": "Tom & <Jerry> \"T\" O'Neil", "total": 0.71,
     "quiz": {"score": 100, "normal": 0.67, "problems": [
       {"id": "meanvar", "score": 100, "max_score": 100, "verdict": "AC", "tests_passed": 10, "tests": 10, "submissions": 2}]},
     "review": {"count": 2, "raw_mean": 7, "calibrated": 7, "standardized": 0.2, "se": 0.5, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 3, "depth": 4}, "raw": 7, "calibrated": 7.42, "comment": "ok"},
       {"reviewer": "r2", "scores": {"clarity": 3, "depth": 4}, "raw": 7, "calibrated": 6.58, "comment": ""}]},
     "probability": 0.55, "band": "borderline", "flags": ["late"], "why": ["close to the cut"]},
    {"rank": 3, "id": "app-7", "name": "Grace Hopper", "total": 0.69,
     "quiz": {"score": 90, "normal": 0.6, "problems": []},
     "review": {"count": 2, "raw_mean": 7.5, "calibrated": 7.5, "standardized": 0.4, "se": 0.4, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 4, "depth": 3}, "raw": 7, "calibrated": 7.42, "comment": "fine"},
       {"reviewer": "r2", "scores": {"clarity": 4, "depth": 4}, "raw": 8, "calibrated": 7.58, "comment": "good"}]},
     "probability": 0.45, "band": "borderline", "flags": [], "why": []},
    {"rank": 4, "id": "app-20", "name": "Alan Turing", "total": 0.2,
     "quiz": {"score": 20, "normal": 0.13, "problems": [
       {"id": "pairs", "score": 20, "max_score": 50, "verdict": "TLE", "tests_passed": 4, "tests": 10, "submissions": 5}]},
     "review": {"count": 1, "raw_mean": 5, "calibrated": 5.42, "standardized": -1, "se": null, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 2, "depth": 3}, "raw": 5, "calibrated": 5.42, "comment": "thin"}]},
     "probability": 0.0, "band": "certain-out", "flags": ["one review"], "why": []},
    {"rank": 5, "id": "app-41", "name": "Edsger Dijkstra", "total": 0.05,
     "quiz": {"score": 0, "normal": 0, "problems": []},
     "review": {"count": 1, "raw_mean": 3, "calibrated": 2.58, "standardized": -1.5, "se": null, "reviews": [
       {"reviewer": "r2", "scores": {"clarity": 1, "depth": 2}, "raw": 3, "calibrated": 2.58, "comment": "no quiz"}]},
     "probability": 0.0, "band": "gated", "flags": ["no quiz", "gated: quiz"], "why": ["no quiz submitted"]}
  ]
})json";

const char kComment[] = "Great work </script><script>alert(1)</script> and <!-- not a comment --> </ScRiPt >";

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The text of the ranking script element as the page holds it.
std::string embedded(const std::string& page) {
  const std::string open = R"(<script type="application/json" id="ranking">)";
  size_t from = page.find(open);
  REQUIRE(from != std::string::npos);
  from += open.size();
  size_t to = page.find("</script>", from);
  REQUIRE(to != std::string::npos);
  return page.substr(from, to - from);
}

std::string unescape_lt(const std::string& s) {
  const std::string escaped = "\\u003c";
  std::string out;
  for (size_t at = 0; at < s.size();) {
    if (s.compare(at, escaped.size(), escaped) == 0) {
      out += '<';
      at += escaped.size();
    } else {
      out += s[at++];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("report: one self-contained page with exactly three script elements") {
  const std::string page = report::html_report(kRanking, "Shortlist");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(page, R"(<script type="application/json" id="ranking">)") == 1);
  CHECK(count(page, R"(<script id="shortlist-logic">)") == 1);
  CHECK(count(page, R"(<script id="shortlist-page">)") == 1);
  // Case-insensitively, as the HTML parser reads them.
  const std::string low = lower(page);
  CHECK(count(low, "<script") == 3);
  CHECK(count(low, "</script") == 3);
  CHECK(count(low, "</script>") == 3);
  CHECK(count(page, "<!--") == 0);
  CHECK(page.find("</html>") != std::string::npos);
}

TEST_CASE("report: nothing outside the page is referenced") {
  const std::string low = lower(report::html_report(kRanking, "Shortlist"));
  for (const char* bad : {"http://", "https://", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe"}) {
    CAPTURE(bad);
    CHECK(low.find(bad) == std::string::npos);
  }
  // The browser is told so too.
  CHECK(low.find("content-security-policy") != std::string::npos);
  CHECK(low.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("report: a hostile comment or name stays data") {
  const std::string page = report::html_report(kRanking, "Shortlist");
  CHECK(page.find("</script><script>alert") == std::string::npos);
  CHECK(page.find("alert(1)</script>") == std::string::npos);
  CHECK(page.find("<Jerry>") == std::string::npos);
  const std::string json = embedded(page);
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find(R"(\u003c/script>\u003cscript>alert(1)\u003c/script>)") != std::string::npos);
  // Lossless: undoing the one escape gives the input back, and the embedded text
  // is still valid JSON holding the same strings.
  CHECK(unescape_lt(json) == kRanking);
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  const auto& first = d["applicants"][0];
  CHECK(std::string(first["review"]["reviews"][0]["comment"].GetString()) == kComment);
  CHECK(std::string(d["applicants"][1]["name"].GetString()) == "Tom & <Jerry> \"T\" O'Neil");
}

TEST_CASE("report: the title is escaped wherever it appears") {
  const std::string page = report::html_report(kRanking, "Top <b>2025</b> & \"A\" 'B' %TITLE%");
  const std::string safe = "Top &lt;b&gt;2025&lt;/b&gt; &amp; &quot;A&quot; &#39;B&#39; %TITLE%";
  CHECK(page.find("<title>" + safe + "</title>") != std::string::npos);
  CHECK(page.find("<h1>" + safe + "</h1>") != std::string::npos);
  CHECK(page.find("<b>2025") == std::string::npos);
  CHECK(page.find("\"A\" 'B'") == std::string::npos);
}

TEST_CASE("report: the same input gives the same bytes") {
  CHECK(report::html_report(kRanking, "Shortlist") == report::html_report(kRanking, "Shortlist"));
  const std::string a = report::html_report("{}", "x");
  CHECK(a == report::html_report("{}", "x"));
  CHECK(a.find(R"(<script type="application/json" id="ranking">{}</script>)") != std::string::npos);
}

TEST_CASE("report: invalid JSON is still contained") {
  const std::string page = report::html_report("{\"a\": </script><!-- ", "x");
  CHECK(count(lower(page), "</script") == 3);
  CHECK(page.find("<!--") == std::string::npos);
}

// With SHORTLIST_REPORT_SAMPLE=/path/report.html the sample page is written there
// for the shell tests (tests/report/); otherwise this case only builds it.
TEST_CASE("report: sample page") {
  const std::string page = report::html_report(kRanking, "Spring intake: shortlist");
  CHECK(page.size() > kRanking.size());
  if (const char* path = std::getenv("SHORTLIST_REPORT_SAMPLE")) {
    std::ofstream out(path, std::ios::binary);
    out << page;
    out.close();
    REQUIRE_MESSAGE(out.good(), "cannot write " << path);
  }
}
