#!/bin/bash
# A small synthetic cohort end to end: make-cohort, import, grade, and every
# submission's verdict against expected.csv (near-copies included).
set -u
SHORTLIST=$1
ROOT=$2
dir=$(mktemp -d /tmp/shortlist-cohort-XXXXXX)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$ROOT/scripts/make-cohort" --applicants 50 --seed 11 --copies 0.1 "$dir/c" || fail "make-cohort"
cd "$dir/c" || fail "no campaign"
"$SHORTLIST" import applicants applicants.csv >/dev/null || fail "import applicants"
"$SHORTLIST" import submissions submissions >/dev/null || fail "import submissions"
"$SHORTLIST" grade 2>grade.log || fail "grade: $(cat grade.log)"
/usr/bin/python3 - <<'PYEOF' || fail "verdicts differ"
import csv, sqlite3, sys
db = sqlite3.connect("shortlist.db")
got = {(a, p, t): v for a, p, t, v in db.execute(
    "SELECT s.applicant_id, s.problem_id, s.attempt, g.verdict FROM judgings g JOIN submissions s ON s.id = g.submission_id")}
expected = list(csv.DictReader(open("expected.csv")))
bad = [(r, got.get((r["applicant_id"], r["problem_id"], int(r["attempt"])))) for r in expected
       if got.get((r["applicant_id"], r["problem_id"], int(r["attempt"]))) != r["verdict"]]
for r, v in bad:
    print("%s %s try %s: %s, expected %s" % (r["applicant_id"], r["problem_id"], r["attempt"], v, r["verdict"]))
print("%d submissions, %d as expected" % (len(expected), len(expected) - len(bad)))
sys.exit(1 if bad or len(got) != len(expected) else 0)
PYEOF
echo ok
