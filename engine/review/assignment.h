// Reviewer assignment: who reviews whom. Each applicant gets R reviewers; loads are
// balanced (every reviewer's count within 1 of every other's); no reviewer reviews an
// applicant with a conflict (same affiliation, case-insensitively, or the same email
// domain); and the reviewer-applicant graph is connected, so that calibration can put
// every reviewer's offset on one scale (review/calibration.h).
//
// Contract: assign_reviewers() is pure and deterministic for a given seed. It returns
// an assignment that meets every constraint, or an error that says which constraint
// cannot be met and why (e.g. "applicant a17 (affiliation 'MIT') has only 1 of 40
// reviewers without a conflict (conflicts: 39 by affiliation); it needs 2"), with
// reviewers_of and load empty. Affiliations compare trimmed and ASCII-case-insensitively,
// email domains (after the last '@') likewise; empty ones conflict with nobody.
// Connectivity needs A*R >= A + N - 1 reviews, so per_applicant = 1 is refused unless
// there is only one reviewer or one applicant. No applicants: no error, all loads 0.
//
// How (assignment.cc): a seeded, most-constrained-first greedy on least load; single
// exchanges or Dinic's max flow (which decides existence exactly) when it strands an
// applicant; then reviewer swaps between applicants to join components, retrying with
// derived seeds. 3,000 applicants x 3 over 300 reviewers takes tens of milliseconds.
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
