// `shortlist import reviews FILE.csv`: the rows of a reviews file, checked against
// the campaign's rubric. Columns: applicant_id, reviewer_id, one per criterion of the
// rubric (campaign.yaml review.criteria), comment; in any order.
//
// Contract: pure. A bad header (a criterion missing, a column the rubric does not
// know, a column twice) makes the file unusable; a bad row is reported as
// "FILE:LINE: column NAME: why" (unknown applicant or reviewer, a reviewer with a
// conflict of interest, a value missing, not a number or off the criterion's
// scale, the same review twice in the file) and left out; the rest come back.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "campaign/campaign.h"
#include "intake/csv.h"
#include "store/review_store.h"

namespace intake {

struct ReviewsImport {
  std::vector<store::StoredReview> reviews;
  std::vector<std::string> errors;
  bool unusable = false;
};

ReviewsImport read_reviews(const CsvTable& table, const std::string& file_name,
                           const std::vector<campaign::Criterion>& criteria,
                           const std::map<std::string, store::Applicant>& applicants,
                           const std::map<std::string, store::Reviewer>& reviewers);

}  // namespace intake
