#include "test_data.h"

#include <unistd.h>

#include "package/listing.h"
#include "package/utf8.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

namespace package {
namespace {

std::string scalar_text(const YAML::Node& n);

struct Walker {
  std::string package_root;  // realpath of the package
  const ProblemConfig& config;
  std::vector<Diagnostic>* out;

  void error(const std::string& file, const std::string& message, int line = 0) {
    out->push_back({true, file, line, message});
  }
  void warning(const std::string& file, const std::string& message, int line = 0) {
    out->push_back({false, file, line, message});
  }

  // Resolves `path` (relative `rel` for messages); "" if it is dangling or leaves the package.
  std::string resolve(const std::string& path, const std::string& rel) {
    char buf[PATH_MAX];
    if (!realpath(path.c_str(), buf)) {
      error(rel, "a link to nothing (dangling symlink) or unreadable");
      return "";
    }
    std::string real = buf;
    if (real != package_root && real.rfind(package_root + "/", 0) != 0) {
      error(rel, "a link out of the package (to " + real + "); links must stay inside it");
      return "";
    }
    return real;
  }

  // problemtools warns (does not fail) on these: CR line ends, no final newline,
  // text that is not UTF-8.
  void check_text(const std::string& path, const std::string& rel) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    if (text.find('\r') != std::string::npos) warning(rel, "has CR (\\r) characters: use LF line ends");
    if (!text.empty() && text.back() != '\n') warning(rel, "does not end with a newline");
    if (!valid_utf8(text)) warning(rel, "is not UTF-8 text");
  }

  // A sample's interaction log (interactive and multi-pass problems): lines from
  // the validator start with '<', the submission's with '>', passes are separated
  // by "---" (multi-pass only). It replaces the shown .in/.ans, so .out and the
  // .statement files must not come with it.
  void check_interaction(const std::string& path, const std::string& rel, const std::string& base,
                         const std::vector<std::string>& entries) {
    if (!config.interactive && !config.multi_pass) {
      warning(rel, "an interaction log, but the problem is neither interactive nor multi-pass: not used");
      return;
    }
    for (const char* ext : {".out", ".in.statement", ".ans.statement"})
      if (std::binary_search(entries.begin(), entries.end(), base + ext))
        error(rel, std::string("must not come with ") + base + ext + " (the interaction is what is shown)");
    std::ifstream in(path);
    std::string line;
    int number = 0, passes = 1;
    while (std::getline(in, line)) {
      ++number;
      if (line == "---") {
        if (!config.multi_pass) error(rel, "'---' separates passes, but the problem is not multi-pass", number);
        ++passes;
      } else if (line.empty() || (line[0] != '<' && line[0] != '>')) {
        error(rel, "expected a line starting with '<' (from the validator) or '>' (from the submission)", number);
        return;
      }
    }
    if (config.multi_pass && passes > config.limits.validation_passes)
      error(rel, std::to_string(passes) + " passes, but limits.validation_passes is " +
                     std::to_string(config.limits.validation_passes));
  }

  // A 2025-09 test case configuration: its arguments replace the group's; feedback
  // keys are for people, not for judging. Unknown keys are errors, as the format says.
  void read_case_yaml(const std::string& path, const std::string& rel, TestCase* tc) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
      error(rel, "not valid YAML: " + e.msg, e.mark.is_null() ? 0 : e.mark.line + 1);
      return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      error(rel, "expected a map of keys");
      return;
    }
    for (const auto& kv : root) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      int line = v.Mark().is_null() ? 0 : v.Mark().line + 1;
      std::optional<std::string>* target = key == "args"                    ? &tc->args
                                           : key == "input_validator_args"  ? &tc->input_validator_args
                                           : key == "output_validator_args" ? &tc->output_validator_args
                                                                            : nullptr;
      if (target) {
        if (v.IsSequence()) *target = scalar_text(v);
        else if (v.IsMap() && key == "input_validator_args")
          warning(rel, key + ": per-validator arguments are not supported; applied to none", line);
        else error(rel, key + ": expected a list of strings", line);
      } else if (key != "full_feedback" && key != "hint" && key != "description" && key != "input_visualizer_args" &&
                 key != "output_visualizer_args") {
        error(rel, "unknown key '" + key + "'", line);
      }
    }
  }

  void load_settings(const std::string& dir, const std::string& rel, TestGroup* g) {
    for (const char* file : {"testdata.yaml", "test_group.yaml"}) {
      std::ifstream in(dir + "/" + file);
      if (!in) continue;
      std::stringstream text;
      text << in.rdbuf();
      g->settings_file = rel + "/" + file;
      g->own = parse_group_settings(text.str(), g->settings_file, config.scoring, &g->scoring_keys, out);
      return;  // test_group.yaml is the later name of the same file
    }
  }

  void walk(const std::string& dir, const std::string& name, const graders::GroupSettings& parent, TestGroup* g) {
    std::string rel = "data" + (name.empty() ? std::string() : "/" + name);
    g->name = name;
    load_settings(dir, rel, g);
    g->settings = graders::inherit(parent, g->own);

    struct stat dir_stat;
    if (stat(dir.c_str(), &dir_stat) != 0 || access(dir.c_str(), R_OK | X_OK) != 0) {
      error(rel, "cannot read this directory");
      return;
    }
    std::vector<std::string> entries = sorted_visible(dir);  // byte order, as the reference tools
    std::vector<std::string> inputs, answers, interactions;
    for (const std::string& e : entries) {
      std::string path = dir + "/" + e, erel = rel + "/" + e;
      if (!valid_package_name(e)) {
        error(erel, "not a valid name (letters, digits, '_', '.', '-'; not starting with '-')");
        continue;
      }
      struct stat st;
      if (stat(path.c_str(), &st) != 0) {
        error(erel, "a link to nothing (dangling symlink)");
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (e.size() > 6 && e.substr(e.size() - 6) == ".files") continue;  // 2025-09 extra files of a case
        if (name.empty() && e != "sample" && e != "secret") {
          static const char* kKnown[] = {"invalid_input", "invalid_output", "valid_output", "invalid_answer"};
          if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return e == k; }))
            warning(erel, "not judged: only data/sample and data/secret are test data");
          continue;
        }
        if (resolve(path, erel).empty()) continue;
        g->order.push_back({true, g->groups.size()});
        g->groups.emplace_back();
        walk(path, name.empty() ? e : name + "/" + e, g->settings, &g->groups.back());
      } else if (name.empty()) {
        if (e != "testdata.yaml" && e != "test_group.yaml") warning(erel, "a file directly in data/ is not judged");
      } else if (e.size() > 3 && e.substr(e.size() - 3) == ".in") {
        inputs.push_back(e.substr(0, e.size() - 3));
      } else if (e.size() > 4 && e.substr(e.size() - 4) == ".ans") {
        answers.push_back(e.substr(0, e.size() - 4));
      } else if (e.size() > 12 && e.substr(e.size() - 12) == ".interaction") {
        interactions.push_back(e.substr(0, e.size() - 12));
      }
    }
    for (const std::string& base : interactions) {
      std::string irel = rel + "/" + base + ".interaction";
      if (!std::binary_search(inputs.begin(), inputs.end(), base)) error(irel, "has no " + base + ".in beside it");
      else check_interaction(dir + "/" + base + ".interaction", irel, base, entries);
    }
    for (const std::string& base : inputs) {
      std::string in_rel = rel + "/" + base + ".in";
      if (!std::binary_search(answers.begin(), answers.end(), base)) {
        error(in_rel, "has no " + base + ".ans beside it");
        continue;
      }
      std::string input = resolve(dir + "/" + base + ".in", in_rel);
      std::string answer = resolve(dir + "/" + base + ".ans", rel + "/" + base + ".ans");
      if (input.empty() || answer.empty()) continue;
      check_text(input, in_rel);
      check_text(answer, rel + "/" + base + ".ans");
      g->cases.push_back({name + "/" + base, input, answer, {}, {}, {}});
      if (std::binary_search(entries.begin(), entries.end(), base + ".yaml"))
        read_case_yaml(dir + "/" + base + ".yaml", rel + "/" + base + ".yaml", &g->cases.back());
    }
    for (const std::string& base : answers)
      if (!std::binary_search(inputs.begin(), inputs.end(), base))
        error(rel + "/" + base + ".ans", "has no " + base + ".in beside it");
    // Cases and groups interleave in name order: merge by name.
    std::vector<std::pair<bool, size_t>> order;
    size_t c = 0;
    for (auto [is_group, gi] : g->order) {
      std::string group_base = g->groups[gi].name.substr(g->groups[gi].name.rfind('/') + 1);
      while (c < g->cases.size() &&
             g->cases[c].name.substr(g->cases[c].name.rfind('/') + 1) < group_base)
        order.push_back({false, c++});
      order.push_back({true, gi});
    }
    while (c < g->cases.size()) order.push_back({false, c++});
    g->order = order;
    // problemtools: an error (a group that judges nothing is a mistake in the data).
    if (!name.empty() && g->cases.empty() && g->groups.empty()) error(rel, "an empty test data group");
  }
};

std::string scalar_text(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  if (n.IsSequence()) {  // 2023-07 draft and 2025-09 lists of arguments
    std::string s;
    for (const YAML::Node& x : n) s += (s.empty() ? "" : " ") + x.as<std::string>("");
    return s;
  }
  return "";
}

}  // namespace

bool valid_package_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || name[0] == '-' || name[0] == '.') return false;
  for (char ch : name) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
              ch == '.' || ch == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<const TestCase*> TestGroup::cases_in_order() const {
  std::vector<const TestCase*> all;
  for (auto [is_group, i] : order) {
    if (!is_group) {
      all.push_back(&cases[i]);
      continue;
    }
    std::vector<const TestCase*> below = groups[i].cases_in_order();
    all.insert(all.end(), below.begin(), below.end());
  }
  return all;
}

size_t TestGroup::case_count() const {
  size_t n = cases.size();
  for (const TestGroup& g : groups) n += g.case_count();
  return n;
}

graders::TestdataSettings parse_group_settings(const std::string& text, const std::string& file, bool scoring,
                                               ScoringKeys* scoring_keys, std::vector<Diagnostic>* out) {
  graders::TestdataSettings s;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    out->push_back({true, file, e.mark.is_null() ? 0 : e.mark.line + 1, "not valid YAML: " + e.msg});
    return s;
  }
  if (root.IsNull()) return s;
  if (!root.IsMap()) {
    out->push_back({true, file, root.Mark().line + 1, "expected a map of keys"});
    return s;
  }
  for (const auto& kv : root) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    int line = v.Mark().is_null() ? 0 : v.Mark().line + 1;
    auto fail = [&](const std::string& what) { out->push_back({true, file, line, key + ": " + what}); };
    auto scoring_only = [&] {
      if (!scoring) fail("only for scoring problems (problem.yaml type: scoring)");
    };
    double number;
    if (key == "on_reject") {
      std::string t = scalar_text(v);
      if (t == "break" || t == "continue") s.on_reject_break = t == "break";
      else fail("expected break or continue");
    } else if (key == "grading") {
      std::string t = scalar_text(v);
      if (t == "default" || t == "custom") s.custom_grading = t == "custom";
      else fail("expected default or custom");
    } else if (key == "grader_flags") {
      s.grader_flags = scalar_text(v);
      graders::GraderFlags f;
      if (std::string e = graders::parse_grader_flags(*s.grader_flags, &f); !e.empty()) fail(e);
    } else if (key == "input_validator_flags" || key == "input_validator_args") {
      if (v.IsMap())
        out->push_back({false, file, line, key + ": per-validator flags are not supported; applied to none"});
      else s.input_validator_flags = scalar_text(v);
    } else if (key == "output_validator_flags" || key == "output_validator_args") {
      s.output_validator_flags = scalar_text(v);
    } else if (key == "accept_score" || key == "reject_score") {
      scoring_only();
      if (v.IsScalar() && YAML::convert<double>::decode(v, number))
        (key == "accept_score" ? s.accept_score : s.reject_score) = number;
      else fail("expected a number");
    } else if (key == "range") {
      scoring_only();
      std::pair<double, double> r;
      if (std::string e = graders::parse_range(scalar_text(v), &r); !e.empty()) fail(e);
      else s.range = r;
    } else if (read_scoring_key(key, v, file, scoring_keys, out)) {
      // 2025-09 scoring: checked against the whole tree by resolve_scoring().
    } else if (key == "full_feedback" || key == "input_visualizer_args" || key == "output_visualizer_args" ||
               key == "static_validator_args") {
      // What feedback teams see and how pictures are drawn: nothing the judge does.
    } else if (key == "args") {
      s.submission_args = scalar_text(v);
    } else {
      out->push_back({false, file, line, "unknown key '" + key + "'"});
    }
  }
  return s;
}

TestGroup load_test_data(const std::string& package_dir, const ProblemConfig& config,
                         std::vector<Diagnostic>* diagnostics) {
  TestGroup root;
  char buf[PATH_MAX];
  if (!realpath(package_dir.c_str(), buf)) {
    diagnostics->push_back({true, package_dir, 0, "the package directory cannot be read"});
    return root;
  }
  Walker w{buf, config, diagnostics};
  std::string data = w.package_root + "/data";
  struct stat st;
  if (stat(data.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    w.error("data", "missing: a package needs data/secret (and usually data/sample)");
    return root;
  }
  w.walk(data, "", graders::GroupSettings{}, &root);
  auto secret = std::find_if(root.groups.begin(), root.groups.end(), [](const TestGroup& g) { return g.name == "secret"; });
  if (secret == root.groups.end()) w.error("data/secret", "missing: every package needs secret test data");
  else if (secret->case_count() == 0) w.error("data/secret", "has no test cases");
  if (config.version == FormatVersion::V2025_09) resolve_scoring(&root, config, diagnostics);
  return root;
}

}  // namespace package
