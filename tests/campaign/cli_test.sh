#!/bin/bash
# The campaign commands end to end on a scratch campaign: init, import applicants
# (a re-import changes nothing; a bad row is named and refused, exit 1), status.
set -u
SHORTLIST=$1
ROOT=$2
dir=$(mktemp -d /tmp/shortlist-campaign-XXXXXX)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() {  # expect WHAT EXPECTED_RC COMMAND...; the output is in $out
  local what=$1 want=$2; shift 2
  out=$("$@" 2>&1); local rc=$?
  [ "$rc" = "$want" ] || fail "$what: exit $rc, expected $want; output: $out"
}

expect "init" 0 "$SHORTLIST" init "$dir/c"
expect "init again" 1 "$SHORTLIST" init "$dir/c"
grep -q "already holds a campaign" <<<"$out" || fail "init again: $out"
printf 'name: c\nproblems:\n  - %s/problems/meanvar\n  - {id: pairs, path: %s/problems/featsel}\n' "$ROOT" "$ROOT" >"$dir/c/campaign.yaml"

printf 'applicant_id,name,email,affiliation,country\na1,Ann,ann@x.org,Uni A,NO\na2,"Doe, Bob",bob@y.org,Uni B,SE\n' >"$dir/ok.csv"
expect "import" 0 "$SHORTLIST" import applicants --campaign "$dir/c" "$dir/ok.csv"
grep -q "2 applicants read (2 new or changed), 0 rows refused" <<<"$out" || fail "import: $out"
expect "re-import" 0 "$SHORTLIST" import applicants --campaign "$dir/c" "$dir/ok.csv"
grep -q "(0 new or changed)" <<<"$out" || fail "re-import: $out"

printf 'applicant_id,name,email,affiliation\na3,Cy,c@z.org,U\na1,Dup,d@x.org,U\n,,,\n' >"$dir/bad.csv"
expect "import with bad rows" 1 "$SHORTLIST" import applicants --campaign "$dir/c" "$dir/bad.csv"
grep -q "bad.csv:3: applicant a1 appears again" <<<"$out" && fail "a1 only appears once in bad.csv"
grep -q "bad.csv:4: applicant_id is empty" <<<"$out" || fail "bad row not named: $out"
grep -q "the campaign has 3 applicants" <<<"$out" || fail "the good rows did not import: $out"

expect "status --json" 0 "$SHORTLIST" status --campaign "$dir/c" --json
grep -q '"applicants":3' <<<"$out" || fail "status: $out"
grep -q '"problems":{"meanvar":{},"pairs":{}}' <<<"$out" || fail "status problems: $out"

printf 'name: c\nproblems: [%s/nowhere]\n' "$dir" >"$dir/c/campaign.yaml"
expect "a campaign naming a missing package" 1 "$SHORTLIST" status --campaign "$dir/c"
grep -q "problem nowhere: .* is not a problem package" <<<"$out" || fail "missing package: $out"
expect "not a campaign" 1 "$SHORTLIST" status --campaign "$dir"
grep -q "not a campaign directory" <<<"$out" || fail "not a campaign: $out"
echo "ok"
