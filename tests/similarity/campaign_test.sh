#!/bin/bash
# `shortlist similarity` on a campaign: a disguised copy between two applicants
# is flagged and stored; an independent solution and an applicant's own second
# try are not pairs; starter code listed in campaign.yaml stops counting; `shortlist
# rank` carries the flags and both sources into ranking.json and says when the
# run is stale; bad arguments and a missing starter file are refused.
set -u
SHORTLIST=$1
ROOT=$2
dir=$(mktemp -d /tmp/shortlist-similarity-campaign-XXXXXX)
trap 'rm -rf "$dir"' EXIT
source "$ROOT/tests/campaign/lib.sh"
data="$ROOT/tests/similarity/testdata"
c="$dir/c"
"$SHORTLIST" init "$c" >/dev/null || fail "init"
cd "$c" || fail "no campaign"
# Six applicants are too few for a threshold relative to the problem's own scores
# (the unit tests cover that): a fixed one here.
write_yaml() {  # write_yaml [STARTER_FILE]
  printf 'name: similar\nproblems:\n  - %s/problems/meanvar\nsimilarity:\n  threshold: 0.75\n' "$ROOT" >campaign.yaml
  [ $# = 0 ] || printf '  starter: {meanvar: [%s]}\n' "$1" >>campaign.yaml
}
write_yaml
printf 'applicant_id,name,email,affiliation\n' >applicants.csv
for i in 1 2 3 4 5 6; do printf 'a%d,A %d,a%d@x.org,U\n' $i $i $i >>applicants.csv; done
expect "import applicants" 0 "$SHORTLIST" import applicants applicants.csv

# Starter code everyone was given: a reader of the input.
cat >starter.py <<'PY'
import sys

def read_values(stream):
    n = int(stream.readline())
    values = []
    for _ in range(n):
        a, b = map(float, stream.readline().split())
        values.append((a, b))
    return values
PY
mkdir subs
cp starter.py subs/a4.py && printf 'vals = read_values(sys.stdin)\nprint(sum(v[0] for v in vals) / len(vals))\n' >>subs/a4.py
cp starter.py subs/a5.py && printf 'data = read_values(sys.stdin)\nlo = min(x for x, _ in data)\nprint(lo)\n' >>subs/a5.py
submit() { expect "submit $1 $2" 0 "$SHORTLIST" submit --applicant "$1" --problem meanvar "$2"; }
submit a1 "$data/original.py"
submit a2 "$data/copy.py"
submit a3 "$data/independent.py"
submit a4 subs/a4.py
submit a5 subs/a5.py
submit a6 "$data/original.py"  # a6's two tries: the same file, not a pair of its own
submit a6 "$data/original.py"

pairs() {  # the --json output's pairs as "a b flagged" lines
  /usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
for p in d["problems"][0]["pairs"]:
    print(p["a"], p["b"], p["flagged"], p["score"])' "$1"
}
expect "similarity without starter" 0 "$SHORTLIST" similarity --json
without=$(pairs "$out")
grep -q "^a4 a5 True" <<<"$without" || fail "the shared starter code should make a4 ~ a5 alike without a starter list: $without"
grep -q "^a1 a2 True" <<<"$without" || fail "the copy a1 ~ a2 is not flagged: $without"
grep -q "^a6 a6" <<<"$without" && fail "an applicant's own tries were paired: $without"
# read_points() (lines 3-9 of the original) = load() (17-23 of the copy); with the
# starter listed below, that reader is everyone's and stops counting.
/usr/bin/python3 -c '
import json, sys
(p,) = json.loads(sys.argv[1])["problems"]
(copy,) = [x for x in p["pairs"] if (x["a"], x["b"]) == ("a1", "a2")]
assert any(m["a_lines"][0] == 3 and m["b_lines"][0] == 17 for m in copy["matches"]), copy' "$out" ||
  fail "the copy's read_points ~ load match is missing: $out"

write_yaml starter.py
expect "similarity with starter" 0 "$SHORTLIST" similarity --json
/usr/bin/python3 - "$out" <<'PYEOF' || fail "similarity --json: $out"
import json, sys
d = json.loads(sys.argv[1])
assert d["floor"] == 0.4
(p,) = d["problems"]
assert p["id"] == "meanvar" and p["submissions"] == 7 and p["applicants"] == 6, p
assert p["starter"] == ["starter.py"] and p["k"] == 12 and p["w"] == 8, p
assert p["threshold"] == 0.75 and p["threshold_fixed"], p
pairs = {(x["a"], x["b"]): x for x in p["pairs"]}
copy = pairs[("a1", "a2")]
assert copy["flagged"] and copy["score"] > 0.75 and copy["cluster"] >= 1 and copy["longest"] >= 100, copy
# centroid() and spread() (from line 11 of the original) = lines 4- of the copy
assert copy["matches"][0]["a_lines"][0] == 11 and copy["matches"][0]["b_lines"][0] == 4, copy["matches"]
starter = pairs.get(("a4", "a5"))
assert starter is None or starter["score"] < 0.4, starter
other = pairs.get(("a1", "a3"))
assert other is None or not other["flagged"], other
assert not any(a == b for a, b in pairs), pairs
# a6 sent a1's very file: flagged too, once (its best try), in a1's cluster.
assert pairs[("a1", "a6")]["flagged"], pairs
assert sum(1 for a, b in pairs if {a, b} == {"a1", "a6"}) == 1
assert any(set(c) >= {"a1", "a2", "a6"} for c in p["clusters"]), p["clusters"]
assert p["flagged"] == sum(1 for x in p["pairs"] if x["flagged"])
PYEOF
expect "plain output" 0 "$SHORTLIST" similarity --problem meanvar
grep -q "^meanvar: 7 submissions by 6 applicants" <<<"$out" || fail "plain output: $out"
grep -q "a1 (try 1) ~ a2 (try 1)" <<<"$out" || fail "plain output lists no a1 ~ a2: $out"
grep -q "starter: starter.py" <<<"$out" || fail "plain output does not name the starter: $out"

# The ranking carries the flags and the evidence; no score moves (checked in the unit test).
expect "rank" 0 "$SHORTLIST" rank --out "$dir/out"
/usr/bin/python3 - "$dir/out/ranking.json" <<'PYEOF' || fail "ranking.json"
import json, sys
r = json.load(open(sys.argv[1]))
sim = r["similarity"]
assert sim["problems"][0]["id"] == "meanvar" and not sim["problems"][0]["stale"], sim["problems"]
by_id = {a["id"]: a for a in r["applicants"]}
for who in ("a1", "a2", "a6"):
    assert "similar:meanvar" in by_id[who]["flags"], (who, by_id[who]["flags"])
    assert any("much like" in w for w in by_id[who]["why"]), by_id[who]["why"]
for who in ("a3", "a4", "a5"):
    assert not by_id[who]["similarity"], (who, by_id[who]["similarity"])
for e in by_id["a2"]["similarity"]:
    pair = sim["pairs"][e["pair"]]
    assert {pair["a"], pair["b"]} == {"a2", e["with"]}, (e, pair)
    assert "def read_points" in pair["source_a"] + pair["source_b"]
PYEOF
grep -q "similar:meanvar" "$dir/out/shortlist.csv" || fail "shortlist.csv has no similarity flag"

# A submission after the run: the ranking says the run is stale.
submit a3 "$data/copy.py"
expect "rank after a new submission" 0 "$SHORTLIST" rank --out "$dir/out"
grep -q "similarity of problem meanvar was found among 7 submissions; it has 8 now" <<<"$out" ||
  fail "no stale warning: $out"

expect "unknown problem" 2 "$SHORTLIST" similarity --problem nope
grep -q "\-\-problem nope: not one of the campaign's problems" <<<"$out" || fail "unknown problem: $out"
expect "--files with --problem" 2 "$SHORTLIST" similarity --problem meanvar --files "$data/original.py" "$data/copy.py"
write_yaml missing.py
expect "missing starter" 1 "$SHORTLIST" similarity
grep -q "campaign.yaml: similarity.starter.meanvar: $c/missing.py cannot be read" <<<"$out" || fail "missing starter: $out"
echo ok
