// `shortlist import applicants FILE.csv`: the rows of an applicants file, checked.
// Columns applicant_id, name, email, affiliation are required (in any order); any
// other column is kept with the applicant.
//
// Contract: pure. A row that cannot be used (unreadable, no id, an id that
// appeared on an earlier line, an email without '@') is reported as
// "FILE:LINE: why" and left out; the others come back in file order.
#pragma once

#include <string>
#include <vector>

#include "intake/csv.h"
#include "store/store.h"

namespace intake {

struct ApplicantsImport {
  std::vector<store::Applicant> applicants;
  std::vector<std::string> errors;  // "applicants.csv:7: ..."
  bool unusable = false;            // the file as a whole (no header, missing columns)
};

ApplicantsImport read_applicants(const CsvTable& table, const std::string& file_name);

// The same checks for any file of people keyed by `id_column` (reviewers.csv:
// reviewer_id); `noun` names one in messages.
ApplicantsImport read_people(const CsvTable& table, const std::string& file_name, const std::string& id_column,
                             const std::string& noun);

}  // namespace intake
