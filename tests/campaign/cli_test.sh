#!/bin/bash
# The campaign commands end to end on a scratch campaign: init, import applicants
# (a re-import changes nothing; a bad row is named and refused, exit 1), status.
set -u
SHORTLIST=$1
ROOT=$2
dir=$(mktemp -d /tmp/shortlist-campaign-XXXXXX)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/lib.sh"

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

mkdir -p "$dir/subs/a1" "$dir/subs/a2" "$dir/subs/zz"
cp "$ROOT/problems/meanvar/submissions/accepted/two_pass.py" "$dir/subs/a1/meanvar.py"
cp "$ROOT/problems/meanvar/submissions/accepted/welford.cpp" "$dir/subs/a1/meanvar.2.cpp"
cp "$ROOT/problems/featsel/submissions/accepted/outer_products.cpp" "$dir/subs/a2/pairs.cpp"
echo 'print(1)' >"$dir/subs/a2/nosuch.py"
echo 'print(1)' >"$dir/subs/zz/meanvar.py"
expect "import submissions" 1 "$SHORTLIST" import submissions --campaign "$dir/c" "$dir/subs"
grep -q "a2/nosuch.py: unknown problem 'nosuch'" <<<"$out" || fail "unknown problem not named: $out"
grep -q "zz/meanvar.py: unknown applicant 'zz'" <<<"$out" || fail "unknown applicant not named: $out"
grep -q "3 submissions stored and queued (or already there), 2 refused; 3 jobs queued" <<<"$out" || fail "import: $out"
expect "import submissions again" 1 "$SHORTLIST" import submissions --campaign "$dir/c" "$dir/subs"
grep -q "3 jobs queued" <<<"$out" || fail "a re-import queued again: $out"
expect "submit" 0 "$SHORTLIST" submit --campaign "$dir/c" --applicant a2 --problem meanvar "$dir/subs/a1/meanvar.py"
grep -q "stored and queued: a2's try 1 of meanvar (python3)" <<<"$out" || fail "submit: $out"
expect "submit again" 0 "$SHORTLIST" submit --campaign "$dir/c" --applicant a2 --problem meanvar --language python3 "$dir/subs/a1/meanvar.py"
grep -q "try 2 of meanvar" <<<"$out" || fail "second submit: $out"
expect "submit to an unknown problem" 2 "$SHORTLIST" submit --campaign "$dir/c" --applicant a2 --problem x "$dir/subs/a1/meanvar.py"
expect "status after intake" 0 "$SHORTLIST" status --campaign "$dir/c" --json
grep -q '"queued":5' <<<"$out" || fail "status after intake: $out"
grep -q '"meanvar":{"queued":4}' <<<"$out" || fail "per problem: $out"

# grade --follow judges what is queued, then what comes in, until SIGTERM (a clean stop).
"$SHORTLIST" grade --follow --campaign "$dir/c" >"$dir/follow.log" 2>&1 &
grader=$!
done_count() { "$SHORTLIST" status --campaign "$dir/c" --json | sed -n 's/.*"running":[0-9]*,"done":\([0-9]*\).*/\1/p'; }
for _ in $(seq 1 600); do [ "$(done_count)" = 5 ] && break; sleep 0.1; done
[ "$(done_count)" = 5 ] || fail "grade --follow did not judge the queued five: $(cat "$dir/follow.log")"
# Java: judged under its public class's name (MeanVar.java), or it would not compile.
cat >"$dir/MeanVar.java" <<'JAVA'
import java.io.*;
import java.util.*;

public class MeanVar {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        double[] xs = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) { in.nextToken(); xs[i] = in.nval; sum += xs[i]; }
        double mean = sum / n, var = 0;
        for (double x : xs) var += (x - mean) * (x - mean);
        System.out.printf(Locale.ROOT, "%.10f %.10f%n", mean, var / n);
    }
}
JAVA
expect "submit while grading" 0 "$SHORTLIST" submit --campaign "$dir/c" --applicant a3 --problem meanvar "$dir/MeanVar.java"
grep -q "(java)" <<<"$out" || fail "submit java: $out"
for _ in $(seq 1 600); do [ "$(done_count)" = 6 ] && break; sleep 0.1; done
[ "$(done_count)" = 6 ] || fail "grade --follow did not pick up the new submission"
kill -TERM $grader
wait $grader
rc=$?
[ "$rc" = 1 ] || fail "grade --follow after SIGTERM: exit $rc (expected 1: interrupted)"
grep -q "stopping after the running jobs" "$dir/follow.log" || fail "no word of stopping: $(cat "$dir/follow.log")"
expect "status after grading" 0 "$SHORTLIST" status --campaign "$dir/c" --json
grep -q '"queued":0,"running":0,"done":6,"verdicts":{"AC":6}' <<<"$out" || fail "status after grading: $out"

printf 'name: c\nproblems: [%s/nowhere]\n' "$dir" >"$dir/c/campaign.yaml"
expect "a campaign naming a missing package" 1 "$SHORTLIST" status --campaign "$dir/c"
grep -q "problem nowhere: .* is not a problem package" <<<"$out" || fail "missing package: $out"
expect "not a campaign" 1 "$SHORTLIST" status --campaign "$dir"
grep -q "not a campaign directory" <<<"$out" || fail "not a campaign: $out"
echo "ok"
