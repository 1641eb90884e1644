#include "submissions.h"

#include "package/listing.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <yaml-cpp/yaml.h>

namespace package {
namespace {

using graders::Verdict;

std::string names(const std::set<Verdict>& s) {
  std::string out;
  for (Verdict v : s) out += (out.empty() ? "" : ", ") + std::string(graders::verdict_name(v));
  return out;
}

// DOMjudge's result names, as annotations spell them.
std::optional<Verdict> domjudge_result(std::string word) {
  std::transform(word.begin(), word.end(), word.begin(), ::toupper);
  if (word == "CORRECT" || word == "ACCEPTED" || word == "AC") return Verdict::AC;
  if (word == "WRONG-ANSWER" || word == "WRONG_ANSWER" || word == "WA" || word == "NO-OUTPUT") return Verdict::WA;
  if (word == "TIMELIMIT" || word == "TIME_LIMIT_EXCEEDED" || word == "TLE") return Verdict::TLE;
  if (word == "RUN-ERROR" || word == "RUN_TIME_ERROR" || word == "RTE") return Verdict::RTE;
  if (word == "OUTPUT-LIMIT" || word == "OLE") return Verdict::OLE;
  if (word == "MEMORY-LIMIT" || word == "MLE") return Verdict::MLE;
  return std::nullopt;
}

// The 2025-09 defaults of each directory (permitted, required).
struct DirRule {
  const char* dir;
  std::set<Verdict> permitted, required;
};
const DirRule kRules2025[] = {
    {"accepted", {Verdict::AC}, {}},
    {"rejected", {Verdict::AC, Verdict::WA, Verdict::TLE, Verdict::RTE}, {Verdict::RTE, Verdict::TLE, Verdict::WA}},
    {"wrong_answer", {Verdict::AC, Verdict::WA}, {Verdict::WA}},
    {"time_limit_exceeded", {Verdict::AC, Verdict::TLE}, {Verdict::TLE}},
    {"run_time_error", {Verdict::AC, Verdict::RTE}, {Verdict::RTE}},
    {"brute_force", {Verdict::AC, Verdict::RTE, Verdict::TLE}, {Verdict::RTE, Verdict::TLE}},
};

const std::map<std::string, Verdict> kLegacyDirs = {{"accepted", Verdict::AC},
                                                    {"partially_accepted", Verdict::AC},
                                                    {"wrong_answer", Verdict::WA},
                                                    {"time_limit_exceeded", Verdict::TLE},
                                                    {"run_time_error", Verdict::RTE}};

// The format's rule: a pattern matches a submission if it matches its path or the
// path of a directory it is in ("accepted" matches "accepted/sol.py"); `*` stays
// within one name.
bool matches_submission(const std::string& pattern, const std::string& rel) {
  for (size_t end = rel.size(); end != std::string::npos && end > 0; end = rel.rfind('/', end - 1)) {
    if (fnmatch(pattern.c_str(), rel.substr(0, end).c_str(), FNM_PATHNAME) == 0) return true;
    if (end == 0) break;
  }
  return false;
}

void apply_submissions_yaml(const std::string& file, std::vector<Submission>* subs, std::vector<Diagnostic>* out) {
  std::ifstream in(file);
  if (!in) return;
  std::stringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    out->push_back({true, "submissions/submissions.yaml", e.mark.line + 1, "not valid YAML: " + e.msg});
    return;
  }
  if (!root.IsMap()) return;
  for (const auto& kv : root) {
    std::string pattern = kv.first.Scalar();
    const YAML::Node& rule = kv.second;
    int line = kv.first.Mark().line + 1;
    auto verdicts = [&](const char* key, std::set<Verdict>* set) {
      if (!rule[key]) return false;
      set->clear();
      for (const YAML::Node& v : rule[key]) {
        auto parsed = graders::parse_verdict(v.as<std::string>(""));
        if (parsed) set->insert(*parsed);
        else out->push_back({true, "submissions/submissions.yaml", line, std::string(key) + ": unknown verdict '" + v.as<std::string>("") + "'"});
      }
      return true;
    };
    if (!rule.IsMap()) {
      out->push_back({true, "submissions/submissions.yaml", line, pattern + ": expected a map of requirements"});
      continue;
    }
    std::optional<std::pair<double, double>> score;
    if (const YAML::Node sc = rule["score"]) {
      double lo, hi;
      if (sc.IsScalar() && YAML::convert<double>::decode(sc, lo)) score = std::pair{lo, lo};
      else if (sc.IsSequence() && sc.size() == 2 && YAML::convert<double>::decode(sc[0], lo) &&
               YAML::convert<double>::decode(sc[1], hi) && lo <= hi)
        score = std::pair{lo, hi};
      else
        out->push_back({true, "submissions/submissions.yaml", sc.Mark().line + 1,
                        pattern + ": score: expected a number or a list [low, high]"});
    }
    for (const auto& k : rule) {
      std::string key = k.first.Scalar();
      if (key == "permitted" || key == "required" || key == "score" || key == "language" || key == "entrypoint" ||
          key == "authors" || key == "model_solution" || key == "use_for_time_limit")
        continue;
      bool group = key == "sample" || key == "secret" || key.rfind("sample/", 0) == 0 || key.rfind("secret/", 0) == 0;
      out->push_back({false, "submissions/submissions.yaml", k.first.Mark().line + 1,
                      pattern + ": " + (group ? "requirements on the test cases of '" + key + "' are not checked"
                                              : "unknown key '" + key + "'")});
    }
    bool matched = false;
    for (Submission& s : *subs) {
      if (!matches_submission(pattern, s.path.substr(std::string("submissions/").size()))) continue;
      matched = true;
      bool p = verdicts("permitted", &s.expected.permitted);
      bool r = verdicts("required", &s.expected.required);
      if (p || r) s.expected.final_verdict.reset();
      if (score) s.expected.score = score;
      s.expected.source = "submissions.yaml '" + pattern + "'";
    }
    if (!matched)
      out->push_back({false, "submissions/submissions.yaml", line, "pattern '" + pattern + "' matches no submission"});
  }
}

}  // namespace

bool expects_accepted(const Expected& e) {
  if (e.final_verdict) return *e.final_verdict == Verdict::AC && !e.below_full_score;
  if (!e.final_any_of.empty()) return e.final_any_of == std::set<Verdict>{Verdict::AC};
  return e.permitted == std::set<Verdict>{Verdict::AC};
}

// DOMjudge reads both tags as a list of results; a number after @EXPECTED_SCORE@ is
// a score. A tag can also appear in prose ("use the @EXPECTED_RESULTS@: tag"):
// the first occurrence whose words are all results is the one that counts.
bool parse_annotations(const std::string& text, Expected* out, std::string* error) {
  bool found = false;
  std::string first_error;
  for (const char* tag : {"@EXPECTED_RESULTS@:", "@EXPECTED_SCORE@:"}) {
    for (size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + 1)) {
      found = true;
      size_t start = at + std::string(tag).size(), end = text.find('\n', start);
      std::string value = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
      char* e;
      double number = std::strtod(value.c_str(), &e);
      if (std::string(tag) == "@EXPECTED_SCORE@:" && e != value.c_str() &&
          value.find_first_not_of(" \t\r*/", static_cast<size_t>(e - value.c_str())) == std::string::npos) {
        out->score = std::pair{number, number};
        break;
      }
      std::set<Verdict> results;
      std::string word, unknown;
      std::stringstream words(value);
      while (std::getline(words, word, ',')) {
        word.erase(0, word.find_first_not_of(" \t\r*/#"));
        word.erase(word.find_last_not_of(" \t\r*/") + 1);
        if (word.empty()) continue;
        if (auto v = domjudge_result(word)) results.insert(*v);
        else if (unknown.empty()) unknown = word;
      }
      if (unknown.empty() && !results.empty()) {
        out->final_any_of = results;
        first_error.clear();
        break;
      }
      if (first_error.empty()) first_error = std::string(tag) + " unknown result '" + unknown + "'";
    }
    if (!out->final_any_of.empty()) break;
  }
  if (!first_error.empty() && out->final_any_of.empty() && !out->score) *error = first_error;
  return found;
}

std::vector<Submission> find_submissions(const std::string& package_dir, const ProblemConfig& config,
                                         std::vector<Diagnostic>* out) {
  std::vector<Submission> subs;
  std::string base = package_dir + "/submissions";
  for (const std::string& dir : sorted_visible(base)) {
    struct stat st;
    if (stat((base + "/" + dir).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    Expected e;
    bool known = false;
    if (config.version == FormatVersion::Legacy) {
      auto it = kLegacyDirs.find(dir);
      if (it != kLegacyDirs.end()) {
        known = true;
        e.final_verdict = it->second;
        e.below_full_score = dir == "partially_accepted";
      }
    } else {
      for (const DirRule& r : kRules2025)
        if (dir == r.dir) {
          known = true;
          e.permitted = r.permitted;
          e.required = r.required;
        }
    }
    e.source = "submissions/" + dir + "/";
    for (const std::string& name : sorted_visible(base + "/" + dir)) {
      Submission s;
      s.path = "submissions/" + dir + "/" + name;
      s.absolute = base + "/" + dir + "/" + name;
      struct stat sst;
      if (stat(s.absolute.c_str(), &sst) != 0) {
        out->push_back({true, s.path, 0, "a link to nothing (dangling symlink)"});
        continue;
      }
      s.is_directory = S_ISDIR(sst.st_mode);
      s.expected = e;
      if (!s.is_directory) {
        std::ifstream src(s.absolute);
        std::stringstream text;
        text << src.rdbuf();
        Expected annotated = e;
        std::string error;
        if (parse_annotations(text.str(), &annotated, &error)) {
          if (!error.empty()) out->push_back({true, s.path, 0, error});
          if (!annotated.final_any_of.empty()) {
            annotated.final_verdict.reset();
            annotated.source = "@EXPECTED_RESULTS@ in " + s.path;
          }
          s.expected = annotated;
        }
      }
      if (!known && s.expected.final_any_of.empty() && !s.expected.score)
        continue;  // a directory we know nothing about, with no annotation: not a test
      subs.push_back(s);
    }
    if (!known && dir != "submissions.yaml")
      out->push_back({false, "submissions/" + dir, 0, "not a verdict directory; only annotated sources in it are used"});
  }
  apply_submissions_yaml(base + "/submissions.yaml", &subs, out);
  if (std::none_of(subs.begin(), subs.end(), [](const Submission& s) { return expects_accepted(s.expected); }))
    out->push_back({true, "submissions/accepted", 0, "at least one accepted submission is required"});
  return subs;
}

std::string check_expectation(const Expected& e, const Outcome& o) {
  std::string got = graders::verdict_name(o.final_verdict);
  if (e.final_verdict && o.final_verdict != *e.final_verdict)
    return std::string("expected ") + graders::verdict_name(*e.final_verdict) + ", got " + got;
  if (!e.final_any_of.empty() && !e.final_any_of.count(o.final_verdict))
    return "expected one of " + names(e.final_any_of) + ", got " + got;
  bool full = std::fabs(o.score - o.max_score) < 1e-9;
  if (e.final_verdict == Verdict::AC && !e.below_full_score && o.max_score > 0 && !full)
    return "expected the full score " + std::to_string(o.max_score) + ", got " + std::to_string(o.score);
  if (e.below_full_score && full) return "expected a partial score, got the full score";
  for (Verdict v : o.case_verdicts)
    if (!e.permitted.empty() && !e.permitted.count(v))
      return std::string("a test case got ") + graders::verdict_name(v) + ", which is not among " + names(e.permitted);
  if (!e.required.empty() &&
      std::none_of(o.case_verdicts.begin(), o.case_verdicts.end(), [&](Verdict v) { return e.required.count(v) > 0; }))
    return "no test case got one of " + names(e.required);
  if (e.score && (o.score < e.score->first - 1e-9 || o.score > e.score->second + 1e-9))
    return "expected a score in [" + std::to_string(e.score->first) + ", " + std::to_string(e.score->second) +
           "], got " + std::to_string(o.score);
  return "";
}

}  // namespace package
