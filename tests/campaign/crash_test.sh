#!/bin/bash
# Crash safety of `shortlist grade`: one campaign graded without interruption, a
# copy graded while being killed with SIGKILL three times mid-run (each restart
# after it made progress), then to the end. Both must end with the same verdict
# and score for every submission, exactly one judging per submission, and no
# process of a killed grader left behind.
set -u
SHORTLIST=$1
ROOT=$2
PY=/usr/bin/python3
dir=$(mktemp -d /tmp/shortlist-crash-XXXXXX)
chmod 755 "$dir"
trap 'pkill -9 -f "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Problems copied in, so that every box this test starts names $dir on its command line.
mkdir -p "$dir/problems"
cp -r "$ROOT/problems/meanvar" "$ROOT/problems/kmeans1d" "$dir/problems/"
chmod -R a+rX "$dir/problems"
expected_verdict() {  # the verdict directory a package's example submission sits in
  case "$(basename "$(dirname "$1")")" in
    accepted) echo AC ;; wrong_answer) echo WA ;; time_limit_exceeded) echo TLE ;; run_time_error) echo RTE ;;
    *) echo "?" ;;
  esac
}
make_campaign() {
  local c=$1
  "$SHORTLIST" init "$c" >/dev/null || fail "init"
  printf 'name: crash\nproblems:\n  - %s/problems/meanvar\n  - %s/problems/kmeans1d\nworkers: 2\n' "$dir" "$dir" >"$c/campaign.yaml"
  echo "applicant_id,name,email,affiliation" >"$c/applicants.csv"
  mkdir -p "$c/expected"
  local i=0
  for p in meanvar kmeans1d; do
    for s in "$dir"/problems/$p/submissions/*/*; do
      i=$((i + 1))
      echo "a$i,Applicant $i,a$i@x.org,U" >>"$c/applicants.csv"
      mkdir -p "$c/subs/a$i"
      cp "$s" "$c/subs/a$i/$p.${s##*.}"
      expected_verdict "$s" >"$c/expected/a$i"
      # A second applicant with the very same source: judged once, the result reused.
      i=$((i + 1))
      echo "a$i,Applicant $i,a$i@x.org,U" >>"$c/applicants.csv"
      mkdir -p "$c/subs/a$i"
      cp "$s" "$c/subs/a$i/$p.${s##*.}"
      expected_verdict "$s" >"$c/expected/a$i"
    done
  done
  (cd "$c" && "$SHORTLIST" import applicants applicants.csv >/dev/null && "$SHORTLIST" import submissions subs >/dev/null) ||
    fail "import into $c"
}
results() {  # applicant problem attempt verdict score, one line per judging
  $PY - "$1/shortlist.db" <<'PYEOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("""SELECT s.applicant_id, s.problem_id, s.attempt, g.generation, g.verdict, g.score
                         FROM judgings g JOIN submissions s ON s.id = g.submission_id
                         ORDER BY s.applicant_id, s.problem_id, s.attempt, g.generation"""):
    print(*row)
PYEOF
}
why() {  # the judging's message and its tests' verdicts and messages, for a failure report
  $PY - "$1/shortlist.db" "$2" "$3" <<'PYEOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for jid, message in db.execute("""SELECT g.id, g.message FROM judgings g JOIN submissions s ON s.id = g.submission_id
                                  WHERE s.applicant_id = ? AND s.problem_id = ?""", sys.argv[2:4]):
    print("judging:", message)
    for row in db.execute("SELECT idx, verdict, message FROM test_results WHERE judging_id = ? AND verdict != 'AC'", (jid,)):
        print("  test", *row)
PYEOF
}
twice_interrupted() { $PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM jobs WHERE state = 'running' AND attempts >= 2\").fetchone()[0])" "$1/shortlist.db"; }
judged() { $PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM judgings').fetchone()[0])" "$1/shortlist.db"; }

make_campaign "$dir/calm"
make_campaign "$dir/crashed"
(cd "$dir/calm" && "$SHORTLIST" grade >/dev/null 2>&1) || fail "uninterrupted grade"
total=$(judged "$dir/calm")
[ "$total" -gt 20 ] || fail "only $total judgings in the calm run"
# Every submission got the verdict of the directory it came from.
while read -r applicant problem attempt generation verdict score; do
  want=$(cat "$dir/calm/expected/$applicant")
  [ "$verdict" = "$want" ] || fail "$applicant ($problem): $verdict, expected $want: $(why "$dir/calm" "$applicant" "$problem")"
done < <(results "$dir/calm")

for kill in 1 2 3; do
  before=$(judged "$dir/crashed")
  # In a session of its own: whatever it starts (box supervisors, keepers) carries its session id.
  (cd "$dir/crashed" && exec setsid "$SHORTLIST" grade --lease 2 >/dev/null 2>&1) &
  pid=$!
  sleep 0.2
  sid=$(ps -o sid= -p $pid | tr -d ' ')
  [ "$sid" = "$pid" ] || fail "the grader is not in a session of its own (sid $sid, pid $pid)"
  # Kill once it has written two more judgings (or finished), at a slightly random
  # moment, but never while a job runs that two earlier kills already interrupted:
  # a third would rightly make it an internal error (the give-up rule).
  for _ in $(seq 1 600); do
    kill -0 $pid 2>/dev/null || break
    if [ "$(judged "$dir/crashed")" -ge $((before + 2)) ] && [ "$(twice_interrupted "$dir/crashed")" = 0 ]; then
      sleep "0.$((RANDOM % 3))"
      [ "$(twice_interrupted "$dir/crashed")" = 0 ] && break
    fi
    sleep 0.05
  done
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  echo "kill $kill: $(judged "$dir/crashed") of $total judged"
  # Nothing of the killed grader may live on (its boxes end when their engine is gone).
  for _ in $(seq 1 50); do
    pgrep -s "$sid" >/dev/null || pgrep -f "$dir/problems" >/dev/null || break
    sleep 0.1
  done
  survivors=$( (pgrep -a -s "$sid"; pgrep -af "$dir/problems") | grep -v pgrep)
  [ -z "$survivors" ] || fail "processes survived kill $kill: $survivors"
done
(cd "$dir/crashed" && "$SHORTLIST" grade --lease 2 >/dev/null 2>&1) || fail "final grade"

diff <(results "$dir/calm") <(results "$dir/crashed") >"$dir/diff" || fail "results differ: $(cat "$dir/diff")"
dupes=$($PY -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM (SELECT submission_id, generation, COUNT(*) c FROM judgings GROUP BY 1, 2 HAVING c > 1)').fetchone()[0])" "$dir/crashed/shortlist.db")
[ "$dupes" = 0 ] || fail "$dupes submissions judged twice in one generation"
grep -q " IE " <(results "$dir/crashed") && fail "internal errors after the crashes"
echo "ok: $total submissions, same results after 3 kills"
