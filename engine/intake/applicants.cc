#include "intake/applicants.h"

#include <map>

namespace intake {

ApplicantsImport read_applicants(const CsvTable& t, const std::string& file) {
  return read_people(t, file, "applicant_id", "applicant");
}

ApplicantsImport read_people(const CsvTable& t, const std::string& file, const std::string& id_column,
                             const std::string& noun) {
  ApplicantsImport out;
  if (!t.error.empty()) {
    out.errors.push_back(file + ": " + t.error);
    out.unusable = true;
    return out;
  }
  const std::string required[] = {id_column, "name", "email", "affiliation"};
  size_t at[4];
  for (int i = 0; i < 4; ++i) {
    std::optional<size_t> c = t.column(required[i]);
    if (!c) {
      out.errors.push_back(file + ":1: missing column '" + required[i] +
                           "' (expected " + id_column + ",name,email,affiliation and any others)");
      out.unusable = true;
    } else {
      at[i] = *c;
    }
  }
  std::map<std::string, int> seen_header;
  for (size_t i = 0; i < t.header.size(); ++i)
    if (!seen_header.emplace(t.header[i], 1).second) {
      out.errors.push_back(file + ":1: column '" + t.header[i] + "' appears twice");
      out.unusable = true;
    }
  if (out.unusable) return out;
  std::map<std::string, int> first_line;
  for (const CsvRow& row : t.rows) {
    std::string where = file + ":" + std::to_string(row.line) + ": ";
    if (!row.error.empty()) {
      out.errors.push_back(where + row.error);
      continue;
    }
    store::Applicant a;
    a.id = row.fields[at[0]];
    a.name = row.fields[at[1]];
    a.email = row.fields[at[2]];
    a.affiliation = row.fields[at[3]];
    if (a.id.empty()) {
      out.errors.push_back(where + id_column + " is empty");
      continue;
    }
    if (a.id.find_first_of(" \t/\\") != std::string::npos) {
      out.errors.push_back(where + id_column + " '" + a.id + "' has a space or a slash (it names directories)");
      continue;
    }
    if (auto [it, fresh] = first_line.emplace(a.id, row.line); !fresh) {
      out.errors.push_back(where + noun + " " + a.id + " appears again (first at line " + std::to_string(it->second) +
                           ")");
      continue;
    }
    if (!a.email.empty() && a.email.find('@') == std::string::npos) {
      out.errors.push_back(where + "email '" + a.email + "' has no '@'");
      continue;
    }
    for (size_t i = 0; i < t.header.size(); ++i)
      if (i != at[0] && i != at[1] && i != at[2] && i != at[3]) a.extra[t.header[i]] = row.fields[i];
    out.applicants.push_back(std::move(a));
  }
  return out;
}

}  // namespace intake
