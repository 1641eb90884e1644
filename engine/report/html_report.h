// The ranked shortlist as one self-contained HTML page that a reviewer opens in a
// browser: no network, no external file. It embeds ranking.json (the input below)
// and renders, with a small inline script:
//   - a sortable (click a column header; again to reverse) and filterable (text over
//     id/name/flags, band select) table: rank, applicant, total, quiz, review,
//     probability, band, flags; the cut line after rank K; borderline rows marked;
//   - an SVG histogram of totals with the cut marked;
//   - per applicant, a details row: per-problem verdicts, score and tests passed,
//     each review (raw, calibrated, comment), and the "why" lines of the rank;
//   - the reviewers' offsets, review counts and components;
//   - similarity evidence (near-copied quiz solutions; evidence only, no score
//     changes): a "similar:<problem>" flag is a badge in the table; the details
//     row lists "Similar solutions" (problem, the other applicant as a button that
//     opens that applicant's row, score, longest run, a "side by side" button);
//     section#similarity gives per problem threshold, k, w, submissions, pairs
//     above floor, flagged, clusters and a stale warning, then every flagged pair;
//   - the side-by-side view of one pair (div#pair-view, a dialog): problem, score,
//     jaccard, longest run, cluster, a legend of matches ("match 1: 140 tokens,
//     lines 3-20 ~ 5-22"; a click scrolls both columns there) and two columns
//     (div[data-side=a|b]) of numbered source lines (div.line[data-line]); a line
//     in a match has data-match=<index> and colour class m<index mod 6>, the same
//     on both sides; where matches overlap, the first (longest) keeps the line.
//     Source text is only ever a text node.
// The page opens at
// `report.html#sort=<column>&dir=asc|desc&filter=<text>&band=<band>&pair=<index>`
// as if those controls had been used (the browser test relies on it); `pair` is
// an index into similarity.pairs and opens that pair side by side.
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
//     flags[string] ("similar:<problem>" per problem with a flagged pair), why[string],
//     similarity?[{problem, with, score, longest?, pair}] (pair: index into similarity.pairs;
//     used only if that pair joins the two in that problem, else looked up)}],
//   similarity? (absent: never run) {problems[{id, threshold, threshold_fixed?, k, w,
//     submissions, pairs, flagged, clusters, starter? (";"-joined), stale}],
//     pairs[{problem, a, b, attempt_a, attempt_b,
//     language_a, language_b, score, jaccard, longest, cluster, matches[{tokens,
//     a_lines[first, last], b_lines[first, last]}] (longest first; lines 1-based,
//     inclusive, ending at '\n'), source_a, source_b}]} (only flagged pairs)
//
// Contract: pure (text in, text out) and deterministic. The JSON is embedded so
// that no byte sequence in it can end the script element early (every '<' as
// \u003c); the title is HTML-escaped. The page references nothing outside itself
// and says so to the browser (Content-Security-Policy default-src 'none').
//
// What tests read (tests/report/): three script elements, #ranking (the JSON),
// #shortlist-logic (pure functions, runs under Node; for similarity: similarity,
// splitLines, lineMarks, legendText, similarEntries) and #shortlist-page (the
// DOM); table#applicants with one tbody row per applicant shown, carrying
// data-id and data-total (the cut row and class="details" rows carry no data-id);
// with #pair=0, div#pair-view without `hidden` and its two columns as above.
#pragma once

#include <string>

namespace report {

// `ranking_json`: the text of ranking.json. `title`: the page's title.
std::string html_report(const std::string& ranking_json, const std::string& title);

}  // namespace report
