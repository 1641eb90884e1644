#!/bin/bash
# A small synthetic cohort end to end: make-cohort, import, grade, and every
# submission's verdict against expected.csv (near-copies included); then reviews
# and the ranked shortlist on the graded quiz.
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
"$SHORTLIST" import reviewers reviewers.csv >/dev/null || fail "import reviewers"
"$SHORTLIST" import reviews reviews.csv >/dev/null || fail "import reviews"
"$SHORTLIST" rank --out ranked >rank.log 2>&1 || fail "rank: $(cat rank.log)"
grep -q "warning" rank.log && fail "rank warned on a fully graded cohort: $(cat rank.log)"
/usr/bin/python3 - <<'PYEOF' || fail "the ranking does not reflect the judgings"
import csv, json, sqlite3
d = json.load(open("ranked/ranking.json"))
assert len(d["applicants"]) == 50 and all(p["complete"] for p in d["problems"])
db = sqlite3.connect("shortlist.db")
best = {}
for a, p, score in db.execute("SELECT s.applicant_id, s.problem_id, g.score FROM judgings g "
                              "JOIN submissions s ON s.id = g.submission_id"):
    best[(a, p)] = max(best.get((a, p), 0), score)
for x in d["applicants"]:
    for p in x["quiz"]["problems"]:
        assert abs(p["score"] - best.get((x["id"], p["id"]), 0)) < 1e-6, (x["id"], p)
    assert x["review"]["count"] >= 2, x["id"]
quiz = [x["quiz"]["score"] for x in d["applicants"]]
assert max(quiz) > 0.5 and min(quiz) < max(quiz)
print("ranked 50 applicants on the graded quiz; best quiz %.2f" % max(quiz))
PYEOF
echo ok
