#include "report/html_report.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

// Five applicants, two reviewers, one hostile comment and one hostile name, and
// similarity evidence (two problems, three flagged pairs, the first with two
// overlapping matches, sources with hostile text and CRLF lines): enough for every
// part of the page, and for tests/report/*.sh, which read it back from the file
// the "sample page" case writes. report_js_test.sh knows the line marks of the
// first pair (meanvar, app-3 ~ app-12): change both together.
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
     "probability": 0.998, "band": "certain-in", "flags": ["similar:meanvar", "similar:pairs"],
     "similarity": [{"problem": "meanvar", "with": "app-12", "score": 0.93, "pair": 0},
                    {"problem": "pairs", "with": "app-20", "score": 0.8, "pair": 2}],
     "why": ["quiz 0.93 x 0.6", "review 8.6 x 0.4", "similar solutions flagged (meanvar, pairs): evidence only"]},
    {"rank": 2, "id": "app-12", "name": "Tom & <Jerry> \"T\" O'Neil", "total": 0.71,
     "quiz": {"score": 100, "normal": 0.67, "problems": [
       {"id": "meanvar", "score": 100, "max_score": 100, "verdict": "AC", "tests_passed": 10, "tests": 10, "submissions": 2}]},
     "review": {"count": 2, "raw_mean": 7, "calibrated": 7, "standardized": 0.2, "se": 0.5, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 3, "depth": 4}, "raw": 7, "calibrated": 7.42, "comment": "ok"},
       {"reviewer": "r2", "scores": {"clarity": 3, "depth": 4}, "raw": 7, "calibrated": 6.58, "comment": ""}]},
     "probability": 0.55, "band": "borderline", "flags": ["late", "similar:meanvar"],
     "similarity": [{"problem": "meanvar", "with": "app-3", "score": 0.93, "pair": 0},
                    {"problem": "meanvar", "with": "app-7", "score": 0.71, "pair": 1}],
     "why": ["close to the cut"]},
    {"rank": 3, "id": "app-7", "name": "Grace Hopper", "total": 0.69,
     "quiz": {"score": 90, "normal": 0.6, "problems": []},
     "review": {"count": 2, "raw_mean": 7.5, "calibrated": 7.5, "standardized": 0.4, "se": 0.4, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 4, "depth": 3}, "raw": 7, "calibrated": 7.42, "comment": "fine"},
       {"reviewer": "r2", "scores": {"clarity": 4, "depth": 4}, "raw": 8, "calibrated": 7.58, "comment": "good"}]},
     "probability": 0.45, "band": "borderline", "flags": ["similar:meanvar"],
     "similarity": [{"problem": "meanvar", "with": "app-12", "score": 0.71, "pair": 1}], "why": []},
    {"rank": 4, "id": "app-20", "name": "Alan Turing", "total": 0.2,
     "quiz": {"score": 20, "normal": 0.13, "problems": [
       {"id": "pairs", "score": 20, "max_score": 50, "verdict": "TLE", "tests_passed": 4, "tests": 10, "submissions": 5}]},
     "review": {"count": 1, "raw_mean": 5, "calibrated": 5.42, "standardized": -1, "se": null, "reviews": [
       {"reviewer": "r1", "scores": {"clarity": 2, "depth": 3}, "raw": 5, "calibrated": 5.42, "comment": "thin"}]},
     "probability": 0.0, "band": "certain-out", "flags": ["one review", "similar:pairs"],
     "similarity": [{"problem": "pairs", "with": "app-3", "score": 0.8, "pair": 2}], "why": []},
    {"rank": 5, "id": "app-41", "name": "Edsger Dijkstra", "total": 0.05,
     "quiz": {"score": 0, "normal": 0, "problems": []},
     "review": {"count": 1, "raw_mean": 3, "calibrated": 2.58, "standardized": -1.5, "se": null, "reviews": [
       {"reviewer": "r2", "scores": {"clarity": 1, "depth": 2}, "raw": 3, "calibrated": 2.58, "comment": "no quiz"}]},
     "probability": 0.0, "band": "gated", "flags": ["no quiz", "gated: quiz"], "why": ["no quiz submitted"]}
  ],
  "similarity": {
    "problems": [
      {"id": "meanvar", "threshold": 0.62, "k": 12, "w": 8, "submissions": 5, "pairs": 4, "flagged": 2, "clusters": 1,
       "stale": false},
      {"id": "pairs", "threshold": 0.62, "k": 12, "w": 8, "submissions": 3, "pairs": 1, "flagged": 1, "clusters": 1,
       "stale": true}],
    "pairs": [
      {"problem": "meanvar", "a": "app-3", "b": "app-12", "attempt_a": 1, "attempt_b": 2,
       "language_a": "python3", "language_b": "python3", "score": 0.93, "jaccard": 0.88, "longest": 40, "cluster": 1,
       "matches": [{"tokens": 40, "a_lines": [6, 11], "b_lines": [8, 13]},
                   {"tokens": 18, "a_lines": [3, 6], "b_lines": [2, 3]}],
       "source_a": "# mean and variance </script><img src=x onerror=alert(1)>\nimport sys\ndef mean(xs):\n    return sum(xs) / len(xs)\n\ndef var(xs):\n    m = mean(xs)\n    return sum((x - m) ** 2 for x in xs) / len(xs)\nnote = \"<!-- not a comment -->\"\nxs = [float(t) for t in sys.stdin.read().split()]\nprint(mean(xs), var(xs))\n",
       "source_b": "import sys\r\ndef mean(v):\r\n    return sum(v) / len(v)\r\n# copied? </ScRiPt ><script>alert(2)</script>\r\n\r\ndef unused():\r\n    pass\r\ndef var(v):\r\n    m = mean(v)\r\n    return sum((x - m) ** 2 for x in v) / len(v)\r\ns = \"<!--\"\r\nv = [float(t) for t in sys.stdin.read().split()]\r\nprint(mean(v), var(v))\r\n# end"},
      {"problem": "meanvar", "a": "app-12", "b": "app-7", "attempt_a": 2, "attempt_b": 1,
       "language_a": "python3", "language_b": "python3", "score": 0.71, "jaccard": 0.64, "longest": 22, "cluster": 1,
       "matches": [{"tokens": 22, "a_lines": [8, 10], "b_lines": [1, 3]}],
       "source_a": "import sys\r\ndef mean(v):\r\n    return sum(v) / len(v)\r\n# copied? </ScRiPt ><script>alert(2)</script>\r\n\r\ndef unused():\r\n    pass\r\ndef var(v):\r\n    m = mean(v)\r\n    return sum((x - m) ** 2 for x in v) / len(v)\r\ns = \"<!--\"\r\nv = [float(t) for t in sys.stdin.read().split()]\r\nprint(mean(v), var(v))\r\n# end",
       "source_b": "def var(a):\n    m = sum(a) / len(a)\n    return sum((x - m) ** 2 for x in a) / len(a)\nprint(var([1, 2]))\n"},
      {"problem": "pairs", "a": "app-20", "b": "app-3", "attempt_a": 5, "attempt_b": 3,
       "language_a": "cpp", "language_b": "cpp", "score": 0.8, "jaccard": 0.75, "longest": 30, "cluster": 1,
       "matches": [{"tokens": 30, "a_lines": [2, 5], "b_lines": [3, 6]}],
       "source_a": "#include <bits/stdc++.h>\nint main() {\n  long n, s = 0;\n  std::cin >> n;\n  std::cout << n * (n - 1) / 2;\n}\n",
       "source_b": "// pairs\n#include <iostream>\nint main() {\n  long n, s = 0; const char* t = \"<img src=x onerror=alert(1)>\";\n  std::cin >> n;\n  std::cout << n * (n - 1) / 2;\n}\n"}]
  }
})json";

// Verbatim in the first pair's source_a (after JSON decoding).
const char kHostileSource[] = "# mean and variance </script><img src=x onerror=alert(1)>";

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
  // The sample's data holds "src=" as the text of hostile sources, which stays
  // text (see the hostile cases below); the page around the data references
  // nothing, with that data and without any.
  const std::string page = report::html_report(kRanking, "Shortlist");
  const std::string data = embedded(page);
  const std::string around = page.substr(0, page.find(data)) + page.substr(page.find(data) + data.size());
  for (const std::string& low : {lower(around), lower(report::html_report("{}", "Shortlist"))}) {
    for (const char* bad : {"http://", "https://", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe"}) {
      CAPTURE(bad);
      CHECK(low.find(bad) == std::string::npos);
    }
    // The browser is told so too.
    CHECK(low.find("content-security-policy") != std::string::npos);
    CHECK(low.find("default-src 'none'") != std::string::npos);
  }
  CHECK(lower(page).find("<img") == std::string::npos);
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

TEST_CASE("report: hostile source text in a similar pair stays data") {
  const std::string page = report::html_report(kRanking, "Shortlist");
  const std::string low = lower(page);
  // Still exactly the page's own three script elements, and no markup from a source.
  CHECK(count(low, "<script") == 3);
  CHECK(count(low, "</script") == 3);
  CHECK(page.find("<!--") == std::string::npos);
  CHECK(low.find("<img") == std::string::npos);
  CHECK(page.find("</script><img") == std::string::npos);
  CHECK(page.find("</ScRiPt ><script>") == std::string::npos);
  const std::string json = embedded(page);
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find(R"(\u003c/script>\u003cimg src=x onerror=alert(1)>)") != std::string::npos);
  CHECK(json.find(R"(\u003c!-- not a comment -->)") != std::string::npos);
  CHECK(unescape_lt(json) == kRanking);
  // The sources come back from the embedded text byte for byte.
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d.HasMember("similarity"));
  const auto& pairs = d["similarity"]["pairs"];
  REQUIRE(pairs.Size() == 3);
  const std::string a = pairs[0]["source_a"].GetString(), b = pairs[0]["source_b"].GetString();
  CHECK(a.rfind(kHostileSource, 0) == 0);
  CHECK(a.find("note = \"<!-- not a comment -->\"\nxs") != std::string::npos);
  CHECK(b.find("# copied? </ScRiPt ><script>alert(2)</script>\r\n") != std::string::npos);
  CHECK(std::string(pairs[2]["source_b"].GetString()).find("\"<img src=x onerror=alert(1)>\"") != std::string::npos);
}

TEST_CASE("report: the page has a similarity section and a pair view to fill") {
  const std::string page = report::html_report(kRanking, "Shortlist");
  CHECK(count(page, R"(<section id="similarity">)") == 1);
  CHECK(count(page, R"(<div id="pair-view" role="dialog" aria-modal="true" aria-labelledby="pair-title" hidden>)") == 1);
  // Source text reaches the page through text nodes only.
  CHECK(page.find("innerHTML") == std::string::npos);
  CHECK(page.find("insertAdjacentHTML") == std::string::npos);
  CHECK(page.find("document.write") == std::string::npos);
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
