// Reviewer assignment: who reviews whom. Each applicant gets R reviewers; loads are
// balanced (every reviewer's count within 1 of every other's); no reviewer reviews an
// applicant with a conflict (same affiliation, case-insensitively, or the same email
// domain); and the reviewer-applicant graph is connected, so that calibration can put
// every reviewer's offset on one scale (review/calibration.h).
//
// Contract: assign_reviewers() is pure and deterministic for a given seed. It returns
// an assignment that meets every constraint, or an error that says which constraint
// cannot be met and why (e.g. "applicant a17 (affiliation 'MIT') has only 1 reviewer
// without a conflict; 2 are needed"). Empty affiliations and emails conflict with
// nobody.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace review {

struct Person {
  std::string id, email, affiliation;
};

struct AssignmentOptions {
  int per_applicant = 2;
  uint64_t seed = 1;
};

struct Assignment {
  std::string error;                           // "" when the constraints are met
  std::vector<std::vector<int>> reviewers_of;  // per applicant: reviewer indices, ascending
  std::vector<int> load;                       // per reviewer: applicants assigned
};

Assignment assign_reviewers(const std::vector<Person>& applicants, const std::vector<Person>& reviewers,
                            const AssignmentOptions& options);

// Why this reviewer may not review this applicant ("" when they may): same
// affiliation or same email domain.
std::string conflict(const Person& applicant, const Person& reviewer);

}  // namespace review
