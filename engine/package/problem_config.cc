#include "problem_config.h"

#include <cmath>
#include <set>

#include <yaml-cpp/yaml.h>

namespace package {
namespace {

constexpr const char* kFile = "problem.yaml";

class Reader {
 public:
  explicit Reader(std::vector<Diagnostic>* out) : out_(out) {}

  void error(const YAML::Node& at, const std::string& message) { add(true, at, message); }
  void warning(const YAML::Node& at, const std::string& message) { add(false, at, message); }

  std::optional<std::string> string(const YAML::Node& n, const std::string& key) {
    if (n.IsScalar()) return n.Scalar();
    error(n, key + ": expected a string");
    return std::nullopt;
  }

  std::optional<double> positive(const YAML::Node& n, const std::string& key) {
    double v;
    if (n.IsScalar() && YAML::convert<double>::decode(n, v) && std::isfinite(v) && v > 0) return v;
    error(n, key + ": expected a number > 0, got '" + (n.IsScalar() ? n.Scalar() : std::string("a ") + kind(n)) + "'");
    return std::nullopt;
  }

  std::optional<int> positive_int(const YAML::Node& n, const std::string& key) {
    auto v = positive(n, key);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v) || *v > 1e9) {
      error(n, key + ": expected a whole number, got '" + n.Scalar() + "'");
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  std::optional<bool> boolean(const YAML::Node& n, const std::string& key) {
    bool v;
    if (n.IsScalar() && YAML::convert<bool>::decode(n, v)) return v;  // YAML 1.1 yes/no too
    error(n, key + ": expected true or false");
    return std::nullopt;
  }

  static const char* kind(const YAML::Node& n) {
    return n.IsMap() ? "map" : n.IsSequence() ? "list" : n.IsNull() ? "null" : "scalar";
  }

 private:
  void add(bool is_error, const YAML::Node& at, const std::string& message) {
    out_->push_back({is_error, kFile, at.Mark().is_null() ? 0 : at.Mark().line + 1, message});
  }
  std::vector<Diagnostic>* out_;
};

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!word.empty()) out.push_back(word), word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

void read_type(Reader& r, const YAML::Node& n, ProblemConfig* c) {
  std::vector<std::pair<std::string, YAML::Node>> words;
  if (n.IsScalar()) {
    for (const std::string& w : split_words(n.Scalar())) words.push_back({w, n});
  } else if (n.IsSequence()) {
    for (const YAML::Node& item : n)
      if (auto s = r.string(item, "type")) words.push_back({*s, item});
  } else {
    r.error(n, "type: expected a string or a list of strings");
    return;
  }
  bool pass_fail = false;
  for (auto& [w, at] : words) {
    if (w == "pass-fail") pass_fail = true;
    else if (w == "scoring") c->scoring = true;
    else if (w == "interactive") c->interactive = true;
    else if (w == "multi-pass") c->multi_pass = true;
    else if (w == "submit-answer") c->submit_answer = true;
    else r.error(at, "type: unknown type '" + w + "' (expected pass-fail, scoring, interactive, multi-pass, submit-answer)");
  }
  if (pass_fail && c->scoring) r.error(n, "type: pass-fail and scoring cannot be combined");
  if (c->submit_answer && (c->multi_pass || c->interactive))
    r.error(n, "type: submit-answer cannot be combined with interactive or multi-pass");
}

void read_validation(Reader& r, const YAML::Node& n, ProblemConfig* c) {
  auto s = r.string(n, "validation");
  if (!s) return;
  std::vector<std::string> words = split_words(*s);
  if (words.empty() || (words[0] != "default" && words[0] != "custom")) {
    r.error(n, "validation: expected 'default' or 'custom' followed by interactive, score or multi-pass");
    return;
  }
  c->custom_output_validator = words[0] == "custom";
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[0] != "custom") r.error(n, "validation: '" + words[i] + "' needs 'custom' first");
    else if (words[i] == "interactive") c->interactive = true;
    else if (words[i] == "score") c->custom_score = true;
    else if (words[i] == "multi-pass") c->multi_pass = true;
    else r.error(n, "validation: unknown option '" + words[i] + "' (expected interactive, score, multi-pass)");
  }
}

void read_limits(Reader& r, const YAML::Node& n, ProblemConfig* c) {
  if (!n.IsMap()) {
    r.error(n, "limits: expected a map");
    return;
  }
  Limits& l = c->limits;
  for (const auto& kv : n) {
    std::string key = kv.first.Scalar(), full = "limits." + key;
    const YAML::Node& v = kv.second;
    auto set_int = [&](int* field) {
      if (auto x = r.positive_int(v, full)) *field = *x;
    };
    if (key == "time_multiplier") {
      if (auto x = r.positive(v, full)) l.ac_to_time_limit = *x;
    } else if (key == "time_safety_margin") {
      if (auto x = r.positive(v, full)) l.time_limit_to_tle = *x;
    } else if (key == "time_multipliers") {
      if (!v.IsMap()) {
        r.error(v, full + ": expected a map with ac_to_time_limit and time_limit_to_tle");
        continue;
      }
      for (const auto& m : v) {
        std::string sub = m.first.Scalar();
        if (sub == "ac_to_time_limit") {
          if (auto x = r.positive(m.second, full + "." + sub)) l.ac_to_time_limit = *x;
        } else if (sub == "time_limit_to_tle") {
          if (auto x = r.positive(m.second, full + "." + sub)) l.time_limit_to_tle = *x;
        } else {
          r.warning(m.first, full + ": unknown key '" + sub + "'");
        }
      }
    } else if (key == "time_limit") {
      if (auto x = r.positive(v, full)) l.time_limit = *x;
    } else if (key == "time_resolution") {
      if (auto x = r.positive(v, full)) l.time_resolution = *x;
    } else if (key == "memory") {
      set_int(&l.memory_mib);
    } else if (key == "output") {
      set_int(&l.output_mib);
    } else if (key == "code") {
      set_int(&l.code_kib);
    } else if (key == "compilation_time") {
      set_int(&l.compilation_time_s);
    } else if (key == "compilation_memory") {
      set_int(&l.compilation_memory_mib);
    } else if (key == "validation_time") {
      set_int(&l.validation_time_s);
    } else if (key == "validation_memory") {
      set_int(&l.validation_memory_mib);
    } else if (key == "validation_output") {
      set_int(&l.validation_output_mib);
    } else if (key == "validation_passes") {
      set_int(&l.validation_passes);
      if (l.validation_passes < 2) r.error(v, full + ": expected at least 2");
    } else {
      r.warning(kv.first, "limits: unknown key '" + key + "'");
    }
  }
  if (l.time_limit && c->version == FormatVersion::V2025_09) {
    double steps = *l.time_limit / l.time_resolution;
    if (std::fabs(steps - std::round(steps)) > 1e-9)
      r.error(n["time_limit"], "limits.time_limit: must be a multiple of time_resolution");
  }
}

}  // namespace

const char* format_version_name(FormatVersion v) {
  switch (v) {
    case FormatVersion::Legacy: return "legacy";
    case FormatVersion::Draft2023_07: return "2023-07-draft";
    case FormatVersion::V2025_09: return "2025-09";
  }
  return "legacy";
}

std::string Diagnostic::to_string() const {
  return file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + (error ? "" : "warning: ") + message;
}

ProblemConfig parse_problem_yaml(const std::string& text, std::vector<Diagnostic>* diagnostics) {
  ProblemConfig c;
  Reader r(diagnostics);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diagnostics->push_back({true, kFile, e.mark.is_null() ? 0 : e.mark.line + 1, "not valid YAML: " + e.msg});
    return c;
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);  // an empty file is all defaults
  if (!root.IsMap()) {
    r.error(root, "expected a map of keys at the top level");
    return c;
  }
  if (const YAML::Node v = root["problem_format_version"]) {
    std::string s = v.IsScalar() ? v.Scalar() : "";
    if (s == "legacy" || s == "legacy-icpc") c.version = FormatVersion::Legacy;
    else if (s == "2023-07-draft" || s == "2023-07") c.version = FormatVersion::Draft2023_07;
    else if (s == "2025-09") c.version = FormatVersion::V2025_09;
    else r.error(v, "problem_format_version: expected legacy, legacy-icpc, 2023-07-draft or 2025-09, got '" + s + "'");
  }
  if (c.version == FormatVersion::Legacy) {  // legacy defaults (problemtools)
    c.limits.ac_to_time_limit = 5;
    c.limits.time_limit_to_tle = 2;
  }
  static const std::set<std::string> kMetadata = {"author", "source", "source_url", "license", "rights_owner",
                                                  "keywords", "credits", "version", "embargo_until", "languages",
                                                  "allow_file_writing", "constants", "problem_format_version"};
  for (const auto& kv : root) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "name") {
      if (v.IsScalar()) c.name = v.Scalar();
      else if (v.IsMap() && v.size() > 0) c.name = v["en"] ? v["en"].as<std::string>("") : v.begin()->second.as<std::string>("");
      else r.error(v, "name: expected a string, or a map from language to name");
    } else if (key == "uuid") {
      if (auto s = r.string(v, key)) c.uuid = *s;
    } else if (key == "type") {
      read_type(r, v, &c);
    } else if (key == "validation") {
      read_validation(r, v, &c);
    } else if (key == "validator_flags") {
      if (auto s = r.string(v, key)) c.output_validator_args = split_words(*s);
    } else if (key == "limits") {
      read_limits(r, v, &c);
    } else if (key == "grading") {
      if (!v.IsMap()) {
        r.error(v, "grading: expected a map");
        continue;
      }
      for (const auto& g : v) {
        std::string sub = g.first.Scalar();
        if (sub == "objective") {
          std::string o = g.second.IsScalar() ? g.second.Scalar() : "";
          if (o == "min") c.grading_minimize = true;
          else if (o != "max") r.error(g.second, "grading.objective: expected max or min");
        } else if (sub == "show_test_data_groups") {
          r.boolean(g.second, "grading.show_test_data_groups");
        } else {
          r.warning(g.first, "grading: unknown key '" + sub + "'");
        }
      }
    } else if (!kMetadata.count(key)) {
      r.warning(kv.first, "unknown key '" + key + "'");
    }
  }
  if (c.version == FormatVersion::V2025_09) {
    if (c.name.empty()) r.error(root, "name: required in 2025-09");
    if (c.uuid.empty()) r.error(root, "uuid: required in 2025-09");
    if (root["validation"] || root["validator_flags"])
      r.error(root["validation"] ? root["validation"] : root["validator_flags"],
              "validation/validator_flags: removed in 2025-09 (use type and output_validator_args)");
  }
  if (c.interactive || c.multi_pass) c.custom_output_validator = true;
  return c;
}

}  // namespace package
