#include "intake/reviews.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include "review/assignment.h"

namespace intake {
namespace {

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

ReviewsImport read_reviews(const CsvTable& t, const std::string& file, const std::vector<campaign::Criterion>& criteria,
                           const std::map<std::string, store::Applicant>& applicants,
                           const std::map<std::string, store::Reviewer>& reviewers) {
  ReviewsImport out;
  if (!t.error.empty()) {
    out.errors.push_back(file + ": " + t.error);
    out.unusable = true;
    return out;
  }
  std::string expected = "applicant_id,reviewer_id";
  for (const campaign::Criterion& c : criteria) expected += "," + c.name;
  expected += ",comment";
  auto header_error = [&](const std::string& why) {
    out.errors.push_back(file + ":1: " + why + " (expected " + expected + ")");
    out.unusable = true;
  };
  std::set<std::string> known = {"applicant_id", "reviewer_id", "comment"}, seen;
  for (const campaign::Criterion& c : criteria) known.insert(c.name);
  for (const std::string& h : t.header) {
    if (!known.count(h)) header_error("column '" + h + "' is not a criterion of the rubric");
    if (!seen.insert(h).second) header_error("column '" + h + "' appears twice");
  }
  for (const std::string& k : known)
    if (!seen.count(k)) header_error("missing column '" + k + "'");
  if (out.unusable) return out;

  size_t applicant_at = *t.column("applicant_id"), reviewer_at = *t.column("reviewer_id"),
         comment_at = *t.column("comment");
  std::map<std::pair<std::string, std::string>, int> first_line;
  for (const CsvRow& row : t.rows) {
    std::string where = file + ":" + std::to_string(row.line) + ": ";
    if (!row.error.empty()) {
      out.errors.push_back(where + row.error);
      continue;
    }
    store::StoredReview r;
    r.applicant_id = row.fields[applicant_at];
    r.reviewer_id = row.fields[reviewer_at];
    r.comment = row.fields[comment_at];
    auto applicant = applicants.find(r.applicant_id);
    auto reviewer = reviewers.find(r.reviewer_id);
    if (applicant == applicants.end()) {
      out.errors.push_back(where + "column applicant_id: unknown applicant '" + r.applicant_id + "'");
      continue;
    }
    if (reviewer == reviewers.end()) {
      out.errors.push_back(where + "column reviewer_id: unknown reviewer '" + r.reviewer_id +
                           "' (import reviewers first)");
      continue;
    }
    const store::Applicant& a = applicant->second;
    const store::Reviewer& v = reviewer->second;
    if (std::string why = review::conflict({a.id, a.email, a.affiliation}, {v.id, v.email, v.affiliation}); !why.empty()) {
      out.errors.push_back(where + "reviewer " + v.id + " may not review applicant " + a.id + ": " + why);
      continue;
    }
    bool ok = true;
    for (const campaign::Criterion& c : criteria) {
      const std::string& text = row.fields[*t.column(c.name)];
      std::string scale = " (scale " + number_text(c.min) + " to " + number_text(c.max) + ")";
      char* end = nullptr;
      double v = text.empty() ? NAN : std::strtod(text.c_str(), &end);
      if (text.empty()) {
        out.errors.push_back(where + "column " + c.name + ": no value" + scale);
      } else if (*end != '\0' || !std::isfinite(v)) {
        out.errors.push_back(where + "column " + c.name + ": '" + text + "' is not a number" + scale);
      } else if (v < c.min || v > c.max) {
        out.errors.push_back(where + "column " + c.name + ": " + text + " is off the scale" + scale);
      } else {
        r.scores[c.name] = v;
        continue;
      }
      ok = false;
    }
    if (!ok) continue;
    if (auto [it, fresh] = first_line.emplace(std::pair{r.applicant_id, r.reviewer_id}, row.line); !fresh) {
      out.errors.push_back(where + "the review of " + r.applicant_id + " by " + r.reviewer_id +
                           " appears again (first at line " + std::to_string(it->second) + ")");
      continue;
    }
    out.reviews.push_back(std::move(r));
  }
  return out;
}

}  // namespace intake
