// The ranked shortlist as one self-contained HTML page that a reviewer opens in a
// browser: no network, no external file. It embeds ranking.json (the input below)
// and renders, with a small inline script:
//   - a sortable (click a column header; again to reverse) and filterable (text over
//     id/name/flags, band select) table: rank, applicant, total, quiz, review,
//     probability, band, flags; the cut line after rank K; borderline rows marked;
//   - an SVG histogram of totals with the cut marked;
//   - per applicant, a details row: per-problem verdicts, score and tests passed,
//     each review (raw, calibrated, comment), and the "why" lines of the rank;
//   - the reviewers' offsets, review counts and components.
// The page opens at `report.html#sort=<column>&dir=asc|desc&filter=<text>&band=<band>`
// as if those controls had been used (the browser test relies on it).
//
// ranking.json (written by rank/, format "shortlist-ranking/1"), the fields used:
//   campaign{name}, settings{k, weights{quiz,review}, resamples, seed, revealed},
//   problems[{id, max_score}], criteria[{name, min, max, weight, description}],
//   reviewers[{id, offset, raw_mean, reviews, component}], components,
//   cut{k, total_at_cut},
//   applicants[{rank, id, name?, email?, affiliation? (only when revealed), total,
//     quiz{score, normal, problems[{id, score, max_score, verdict, tests_passed, tests,
//     submissions}]}, review{count, raw_mean, calibrated, standardized, se,
//     reviews[{reviewer, scores{criterion: value}, raw, calibrated, comment}]},
//     probability, band ("certain-in" | "borderline" | "certain-out" | "gated"),
//     flags[string], why[string]}]
//
// Contract: pure (text in, text out) and deterministic. The JSON is embedded so
// that no byte sequence in it can end the script element early (every '<' as
// \u003c); the title is HTML-escaped. The page references nothing outside itself
// and says so to the browser (Content-Security-Policy default-src 'none').
//
// What tests read (tests/report/): three script elements, #ranking (the JSON),
// #shortlist-logic (pure functions, runs under Node) and #shortlist-page (the
// DOM); table#applicants with one tbody row per applicant shown, carrying
// data-id and data-total (the cut row and class="details" rows carry no data-id).
#pragma once

#include <string>

namespace report {

// `ranking_json`: the text of ranking.json. `title`: the page's title.
std::string html_report(const std::string& ranking_json, const std::string& title);

}  // namespace report
