#include "intake/submission_files.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "intake/csv.h"
#include "package/listing.h"

namespace intake {
namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The file's bytes if it is a readable regular file of at most `max` bytes.
std::optional<std::string> read_source(const std::string& path, size_t max, std::string* why) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *why = "cannot be read";
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = "not a regular file";
    return std::nullopt;
  }
  if (st.st_size == 0) {
    *why = "empty";
    return std::nullopt;
  }
  if (static_cast<size_t>(st.st_size) > max) {
    *why = std::to_string(st.st_size) + " bytes, more than the campaign's limit of " + std::to_string(max);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    *why = "cannot be read";
    return std::nullopt;
  }
  return text.str();
}

void from_tree(const std::string& dir, const std::set<std::string>& problems, const engine::LanguageTable& languages,
               size_t max, SubmissionFiles* out) {
  for (const std::string& applicant : package::sorted_visible(dir)) {
    std::string adir = dir + "/" + applicant;
    struct stat st;
    if (stat(adir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      out->errors.push_back(adir + ": expected a directory per applicant (DIR/<applicant_id>/<problem_id>.<ext>)");
      continue;
    }
    for (const std::string& file : package::sorted_visible(adir)) {
      std::string path = adir + "/" + file;
      std::optional<SubmissionName> name = parse_submission_name(file);
      if (!name) {
        out->errors.push_back(path + ": expected <problem_id>[.<n>].<ext>");
        continue;
      }
      if (!problems.count(name->problem_id)) {
        out->errors.push_back(path + ": unknown problem '" + name->problem_id + "' (not in campaign.yaml)");
        continue;
      }
      const engine::Language* lang = languages.for_file(file);
      if (!lang) {
        out->errors.push_back(path + ": no language for '." + name->extension + "' in languages.yaml");
        continue;
      }
      std::string why;
      std::optional<std::string> source = read_source(path, max, &why);
      if (!source) {
        out->errors.push_back(path + ": " + why);
        continue;
      }
      stat(path.c_str(), &st);
      out->submissions.push_back({applicant, name->problem_id, lang->id, name->attempt, *source, store::iso_utc(st.st_mtime)});
      out->where.push_back(path);
    }
  }
}

void from_manifest(const std::string& dir, const std::string& manifest, const std::set<std::string>& problems,
                   const engine::LanguageTable& languages, size_t max, SubmissionFiles* out) {
  std::ifstream in(manifest, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  CsvTable t = parse_csv(text.str());
  if (!t.error.empty()) {
    out->errors.push_back(manifest + ": " + t.error);
    out->unusable = true;
    return;
  }
  const char* columns[] = {"applicant_id", "problem_id", "language", "path", "submitted_at"};
  size_t at[5];
  for (int i = 0; i < 5; ++i) {
    std::optional<size_t> c = t.column(columns[i]);
    if (!c) {
      out->errors.push_back(manifest + ":1: missing column '" + columns[i] +
                            "' (expected applicant_id,problem_id,language,path,submitted_at)");
      out->unusable = true;
    } else {
      at[i] = *c;
    }
  }
  if (out->unusable) return;
  for (const CsvRow& row : t.rows) {
    std::string where = manifest + ":" + std::to_string(row.line);
    if (!row.error.empty()) {
      out->errors.push_back(where + ": " + row.error);
      continue;
    }
    const std::string &applicant = row.fields[at[0]], &problem = row.fields[at[1]], &language = row.fields[at[2]],
                      &path = row.fields[at[3]], &when = row.fields[at[4]];
    if (applicant.empty() || problem.empty() || path.empty()) {
      out->errors.push_back(where + ": applicant_id, problem_id and path are required");
      continue;
    }
    if (!problems.count(problem)) {
      out->errors.push_back(where + ": unknown problem '" + problem + "' (not in campaign.yaml)");
      continue;
    }
    if (path[0] == '/' || path.find("..") != std::string::npos) {
      out->errors.push_back(where + ": path '" + path + "' must stay inside " + dir);
      continue;
    }
    const engine::Language* lang = language.empty() ? languages.for_file(path) : languages.by_id(language);
    if (!lang) {
      out->errors.push_back(where + ": " + (language.empty() ? "no language for the extension of '" + path + "'"
                                                             : "unknown language '" + language + "'"));
      continue;
    }
    std::string why;
    std::optional<std::string> source = read_source(dir + "/" + path, max, &why);
    if (!source) {
      out->errors.push_back(where + ": " + path + ": " + why);
      continue;
    }
    out->submissions.push_back({applicant, problem, lang->id, 0, *source, when});
    out->where.push_back(where);
  }
  // Tries in submitted_at order per applicant and problem (ties: file order).
  std::vector<size_t> order(out->submissions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return out->submissions[a].submitted_at < out->submissions[b].submitted_at;
  });
  std::map<std::pair<std::string, std::string>, int> tries;
  for (size_t i : order) {
    store::NewSubmission& s = out->submissions[i];
    s.attempt = ++tries[{s.applicant_id, s.problem_id}];
  }
}

}  // namespace

std::optional<SubmissionName> parse_submission_name(const std::string& file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == file_name.size()) return std::nullopt;
  SubmissionName n;
  n.extension = file_name.substr(dot + 1);
  std::string stem = file_name.substr(0, dot);
  size_t second = stem.rfind('.');
  if (second != std::string::npos && all_digits(stem.substr(second + 1))) {
    std::string number = stem.substr(second + 1);
    if (number.size() > 6 || std::stoi(number) < 1) return std::nullopt;
    n.attempt = std::stoi(number);
    stem = stem.substr(0, second);
  }
  if (stem.empty()) return std::nullopt;
  n.problem_id = stem;
  return n;
}

SubmissionFiles read_submission_files(const std::string& dir, const std::set<std::string>& problem_ids,
                                      const engine::LanguageTable& languages, size_t max_source_bytes) {
  SubmissionFiles out;
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    out.errors.push_back(dir + ": not a directory");
    out.unusable = true;
    return out;
  }
  std::string manifest = dir + "/submissions.csv";
  if (stat(manifest.c_str(), &st) == 0) from_manifest(dir, manifest, problem_ids, languages, max_source_bytes, &out);
  else from_tree(dir, problem_ids, languages, max_source_bytes, &out);
  return out;
}

}  // namespace intake
