#!/bin/bash
# Accuracy of `shortlist similarity` on a synthetic cohort's planted near-copies
# (make-cohort: renamed identifiers, reordered functions, changed comments;
# copies.csv is the truth): precision and recall of the flagged pairs at each
# problem's own threshold are printed, and must both reach 0.9 over the cohort.
# Deterministic: a fixed seed, and similarity is pure.
set -u
SHORTLIST=$1
ROOT=$2
dir=$(mktemp -d /tmp/shortlist-similarity-accuracy-XXXXXX)
trap 'rm -rf "$dir"' EXIT
source "$ROOT/tests/campaign/lib.sh"
"$ROOT/scripts/make-cohort" --applicants 400 --seed 21 --copies 0.05 "$dir/c" >/dev/null || fail "make-cohort"
cd "$dir/c" || fail "no campaign"
expect "import applicants" 0 "$SHORTLIST" import applicants applicants.csv
expect "import submissions" 0 "$SHORTLIST" import submissions submissions
"$SHORTLIST" similarity --json >similarity.json 2>similarity.err || fail "similarity: $(cat similarity.err)"
/usr/bin/python3 "$ROOT/scripts/lib/similarity-accuracy.py" "$dir/c" similarity.json --min-recall 0.9 --min-precision 0.9 ||
  fail "accuracy below 0.9 (above)"
