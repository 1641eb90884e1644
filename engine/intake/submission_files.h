// `shortlist import submissions DIR`: submissions laid out as
//   DIR/<applicant_id>/<problem_id>[.<n>].<ext>     (n orders several tries; 1 if absent)
// with the language from the extension, or listed in DIR/submissions.csv with the
// columns applicant_id,problem_id,language,path,submitted_at (path relative to
// DIR; language may be empty: then from the extension; tries are numbered in
// submitted_at order).
//
// Contract: read_submission_files() reads the tree or the manifest and the
// sources; every file or row it cannot use (unknown problem or language, an
// unreadable, empty or oversized source, a name it cannot read, a bad CSV row) is
// reported as "WHERE: why" and left out. Whether applicants exist is the store's
// to say. parse_submission_name() is pure.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "languages/languages.h"
#include "store/store.h"

namespace intake {

struct SubmissionName {
  std::string problem_id, extension;
  int attempt = 1;
};
// "meanvar.py" -> (meanvar, 1, py); "meanvar.3.cpp" -> (meanvar, 3, cpp); nullopt
// if there is no extension or the try number is not a positive whole number.
std::optional<SubmissionName> parse_submission_name(const std::string& file_name);

struct SubmissionFiles {
  std::vector<store::NewSubmission> submissions;
  std::vector<std::string> where;   // for each submission: its file (or manifest line), for messages
  std::vector<std::string> errors;  // "DIR/a1/x.py: ..." or "submissions.csv:7: ..."
  bool unusable = false;            // the directory or the manifest as a whole
};

SubmissionFiles read_submission_files(const std::string& dir, const std::set<std::string>& problem_ids,
                                      const engine::LanguageTable& languages, size_t max_source_bytes);

}  // namespace intake
