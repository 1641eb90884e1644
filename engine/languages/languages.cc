#include "languages.h"

#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

namespace engine {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size())) s.replace(i, from.size(), to);
  return s;
}

}  // namespace

const Language* LanguageTable::by_id(const std::string& id) const {
  for (const Language& l : languages)
    if (l.id == id) return &l;
  return nullptr;
}

const Language* LanguageTable::for_file(const std::string& path) const {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return nullptr;
  std::string ext = path.substr(dot + 1);
  for (const Language& l : languages)
    for (const std::string& e : l.extensions)
      if (e == ext) return &l;
  return nullptr;
}

const Language* LanguageTable::for_files(const std::vector<std::string>& names) const {
  const Language* first = nullptr;
  const Language* c_family = nullptr;
  for (const std::string& n : names) {
    const Language* l = for_file(n);
    if (!l) continue;
    if (!first) first = l;
    if (l->id == "cpp20" || (l->id == "c" && !c_family)) c_family = l;
  }
  return c_family ? c_family : first;
}

LanguageTable parse_languages(const std::string& text, std::vector<std::string>* errors) {
  LanguageTable t;
  auto fail = [&](const YAML::Node& at, const std::string& message) {
    errors->push_back("languages.yaml:" + std::to_string(at.Mark().is_null() ? 0 : at.Mark().line + 1) + ": " + message);
  };
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    errors->push_back("languages.yaml:" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
    return t;
  }
  const YAML::Node list = root.IsMap() ? root["languages"] : YAML::Node();
  if (!list || !list.IsSequence()) {
    fail(root, "expected 'languages:' with a list of languages");
    return t;
  }
  std::set<std::string> ids, extensions;
  for (const YAML::Node& n : list) {
    if (!n.IsMap()) {
      fail(n, "each language must be a map");
      continue;
    }
    Language l;
    auto strings = [&](const char* key, std::vector<std::string>* out, bool required) {
      const YAML::Node v = n[key];
      if (!v) {
        if (required) fail(n, std::string(key) + ": required");
        return;
      }
      if (!v.IsSequence()) {
        fail(v, std::string(key) + ": expected a list of strings");
        return;
      }
      for (const YAML::Node& s : v) {
        if (!s.IsScalar()) fail(s, std::string(key) + ": expected a list of strings");
        else out->push_back(s.Scalar());
      }
    };
    for (const auto& kv : n) {
      static const std::set<std::string> known = {"id", "name", "extensions", "compile", "run", "version", "extra_memory_mib"};
      if (!known.count(kv.first.Scalar())) fail(kv.first, "unknown key '" + kv.first.Scalar() + "'");
    }
    if (!n["id"] || !n["id"].IsScalar() || n["id"].Scalar().empty()) {
      fail(n, "id: required");
      continue;
    }
    l.id = n["id"].Scalar();
    l.name = n["name"] && n["name"].IsScalar() ? n["name"].Scalar() : l.id;
    if (!ids.insert(l.id).second) fail(n["id"], "id '" + l.id + "' appears twice");
    strings("extensions", &l.extensions, false);
    strings("compile", &l.compile, false);
    strings("run", &l.run, true);
    strings("version", &l.version, true);
    for (const std::string& e : l.extensions)
      if (!extensions.insert(e).second) fail(n["extensions"], "extension '" + e + "' is claimed twice");
    if (const YAML::Node m = n["extra_memory_mib"]) {
      int v = -1;
      if (!m.IsScalar() || !YAML::convert<int>::decode(m, v) || v < 0) fail(m, "extra_memory_mib: expected a number >= 0");
      else l.extra_memory_mib = v;
    }
    t.languages.push_back(std::move(l));
  }
  return t;
}

std::vector<std::string> expand(const std::vector<std::string>& command, const ProgramFiles& p) {
  std::string main_base = p.main.substr(0, p.main.rfind('.'));
  std::vector<std::string> argv;
  for (const std::string& arg : command) {
    if (arg == "{files}") {
      for (const std::string& f : p.files) argv.push_back("/box/" + f);
      continue;
    }
    std::string a = replace_all(arg, "{main}", "/box/" + p.main);
    a = replace_all(a, "{main_base}", main_base);
    a = replace_all(a, "{binary}", "/box/prog");
    a = replace_all(a, "{memory_mib}", std::to_string(p.memory_mib));
    argv.push_back(a);
  }
  return argv;
}

LanguageTable load_languages(const std::string& path, std::vector<std::string>* errors) {
  std::ifstream in(path);
  if (!in) {
    errors->push_back(path + ": cannot be read");
    return {};
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_languages(text.str(), errors);
}

}  // namespace engine
