#!/bin/bash
# Review and ranking end to end on a synthetic cohort (not graded: the quiz counts
# 0 here; cohort_test.sh ranks a graded one): import reviewers and reviews (bad rows
# named with line and column, a re-import replaces), assign (balanced, no
# conflicts, blind packets; refusals say why), rank (files written, byte-identical
# on a rerun, blind fields only with --reveal).
set -u
SHORTLIST=$1
ROOT=$2
dir=$(mktemp -d /tmp/shortlist-review-XXXXXX)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/lib.sh"

"$ROOT/scripts/make-cohort" --applicants 40 --seed 5 "$dir/c" >/dev/null || fail "make-cohort"
cd "$dir/c" || fail "no campaign"
expect "import applicants" 0 "$SHORTLIST" import applicants applicants.csv
expect "import reviews before reviewers" 1 "$SHORTLIST" import reviews reviews.csv
grep -q "reviews.csv:2: column reviewer_id: unknown reviewer" <<<"$out" || fail "reviews before reviewers: $out"
expect "import reviewers" 0 "$SHORTLIST" import reviewers reviewers.csv
n_reviewers=$(($(wc -l <reviewers.csv) - 1))
grep -q "$n_reviewers reviewers read, $n_reviewers new or changed" <<<"$out" || fail "import reviewers: $out"
expect "import reviews" 0 "$SHORTLIST" import reviews reviews.csv
n_reviews=$(($(wc -l <reviews.csv) - 1))
grep -q "$n_reviews reviews read, $n_reviews new or changed; 0 rows refused" <<<"$out" || fail "import reviews: $out"
expect "re-import reviews" 0 "$SHORTLIST" import reviews reviews.csv
grep -q "$n_reviews reviews read, 0 new or changed" <<<"$out" || fail "re-import: $out"

# Bad rows: named with line and column; the good row is kept (and replaces the old review).
first=$(sed -n 2p reviews.csv)
a=$(cut -d, -f1 <<<"$first"); r=$(cut -d, -f2 <<<"$first")
printf 'applicant_id,reviewer_id,motivation,experience,comment\n%s,%s,9,3,x\n%s,%s,2,3,"changed, mind"\nzz,%s,1,1,\n' \
  "$a" "$r" "$a" "$r" "$r" >bad.csv
expect "import bad reviews" 1 "$SHORTLIST" import reviews bad.csv
grep -q "bad.csv:2: column motivation: 9 is off the scale (scale 1 to 5)" <<<"$out" || fail "off scale: $out"
grep -q "bad.csv:4: column applicant_id: unknown applicant 'zz'" <<<"$out" || fail "unknown applicant: $out"
grep -q "1 reviews read, 1 new or changed; 2 rows refused" <<<"$out" || fail "bad import summary: $out"
printf 'applicant_id,reviewer_id,motivation,comment\n' >header.csv
expect "a header without a criterion" 1 "$SHORTLIST" import reviews header.csv
grep -q "header.csv:1: missing column 'experience'" <<<"$out" || fail "missing criterion: $out"

# Assignment: balanced, no conflicts, blind packets.
expect "assign" 0 "$SHORTLIST" assign --per-applicant 3
grep -q "assigned 40 applicants x 3 reviewers" <<<"$out" || fail "assign: $out"
/usr/bin/python3 - <<'PYEOF' || fail "assignment constraints"
import csv, glob, os, sys
apps = {r["applicant_id"]: r for r in csv.DictReader(open("applicants.csv"))}
revs = {r["reviewer_id"]: r for r in csv.DictReader(open("reviewers.csv"))}
per_applicant, load = {}, {}
for path in sorted(glob.glob("packets/*.csv")):
    rows = list(csv.DictReader(open(path)))
    rid = os.path.basename(path)[:-4]
    load[rid] = len(rows)
    header = open(path).readline().strip().split(",")
    assert header == ["applicant_id", "reviewer_id", "country", "motivation", "experience", "comment"], header
    for row in rows:
        a, r = apps[row["applicant_id"]], revs[rid]
        assert a["affiliation"] != r["affiliation"], (a, r)
        assert a["email"].split("@")[1] != r["email"].split("@")[1], (a, r)
        per_applicant.setdefault(row["applicant_id"], set()).add(rid)
assert len(per_applicant) == 40 and all(len(s) == 3 for s in per_applicant.values()), per_applicant
assert max(load.values()) - min(load.values()) <= 1, load
text = "".join(open(p).read() for p in glob.glob("packets/*.csv"))
assert not any(a["email"] in text or a["name"] in text for a in apps.values()), "a blind field in a packet"
PYEOF
expect "assign more reviewers than there are" 1 "$SHORTLIST" assign --per-applicant 20
grep -q "refused" <<<"$out" || fail "impossible assignment: $out"

# A review outside the assignment is kept, and said.
expect "re-import after assign" 0 "$SHORTLIST" import reviews reviews.csv
grep -q "note: .* was not assigned to review" <<<"$out" || fail "unassigned reviews not mentioned: $out"

# Rank: the files, byte-identical on a rerun; blind unless --reveal.
expect "rank" 0 "$SHORTLIST" rank --top 5 --out out1
grep -q "ranked 40 applicants: top 5" <<<"$out" || fail "rank: $out"
grep -q "warning: problem .* has no complete judging yet" <<<"$out" || fail "rank should warn of ungraded problems: $out"
expect "rank again" 0 "$SHORTLIST" rank --top 5 --out out2
for f in shortlist.csv ranking.json report.html; do
  cmp -s "out1/$f" "out2/$f" || fail "$f differs between two runs on the same inputs"
done
[ "$(($(wc -l <out1/shortlist.csv) - 1))" = 40 ] || fail "shortlist.csv rows: $(wc -l <out1/shortlist.csv)"
name=$(sed -n 2p applicants.csv | cut -d, -f2)
grep -q "$name" out1/ranking.json && fail "a blind name in ranking.json"
grep -q "$name" out1/report.html && fail "a blind name in report.html"
expect "rank --reveal --json" 0 "$SHORTLIST" rank --top 5 --out out3 --reveal --json
grep -q '"applicants":40,"k":5' <<<"$out" || fail "rank --json: $out"
grep -q "$name" out3/ranking.json || fail "--reveal: no name in ranking.json"
/usr/bin/python3 - <<'PYEOF' || fail "ranking.json content"
import json
d = json.load(open("out1/ranking.json"))
ranks = [a["rank"] for a in d["applicants"]]
assert ranks == list(range(1, 41)), ranks
assert all(a["review"]["count"] == 3 for a in d["applicants"]), "every applicant has 3 reviews"
assert sum(1 for a in d["applicants"] if a["band"] == "certain-in") <= 5
assert d["components"] == 1
assert all(a["why"] for a in d["applicants"])
# With the quiz at 0 for everyone, the order is the calibrated review's.
cal = [a["review"]["calibrated"] for a in d["applicants"]]
assert cal == sorted(cal, reverse=True), cal
PYEOF
"$ROOT/tests/report/report_js_test.sh" out1/report.html >js.log 2>&1 || fail "report.html's script: $(cat js.log)"
echo ok
