#!/usr/bin/env bash
# scripts/bench judge: test runs per second through `shortlist judge` against a bare
# loop (the same static binary on the same inputs, output compared with cmp), both
# measured here, in alternating rounds. Usage: bench-judge.sh BUILD_DIR [--cases N] [--rounds R]
set -euo pipefail
BUILD=$1; shift
cases=200 rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) echo "usage: scripts/bench judge [--cases N] [--rounds R]"; exit 0 ;;
    *) echo "bench judge: unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/bench-judge-XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
pkg=$work/pkg
mkdir -p "$pkg/data/secret" "$pkg/data/sample"
echo "name: Sum" > "$pkg/problem.yaml"
echo "1 2" > "$pkg/data/sample/1.in"; echo 3 > "$pkg/data/sample/1.ans"
for i in $(seq -w 1 "$cases"); do
  echo "$((10#$i)) $((10#$i * 7))" > "$pkg/data/secret/$i.in"
  echo $((10#$i * 8)) > "$pkg/data/secret/$i.ans"
done
cat > "$work/sum.cpp" <<'CPP'
#include <cstdio>
int main() { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 1; printf("%ld\n", a + b); }
CPP
chmod -R a+rX "$work"
g++ -O2 -std=gnu++20 -static -o "$work/sum" "$work/sum.cpp"
runs=$((cases + 1))
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

bare() {
  local start end
  start=$(date +%s.%N)
  for f in "$pkg"/data/sample/*.in "$pkg"/data/secret/*.in; do
    "$work/sum" < "$f" > "$work/out"
    cmp -s "$work/out" "${f%.in}.ans" || { echo "bare: wrong output on $f" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  calc "$end - $start"
}
judge() {  # [package]: the bench package by default
  local start end out
  start=$(date +%s.%N)
  out=$("$BUILD/engine/shortlist" judge "${1:-$pkg}" "$work/sum.cpp" --time-limit 1 --json)
  end=$(date +%s.%N)
  case "$out" in *'"verdict":"AC"'*) ;; *) echo "judge: not AC: ${out:0:300}" >&2; exit 1 ;; esac
  calc "$end - $start"
}
# The compile (in the box) is part of a judging; measured alone on a 1-case package.
one=$work/one; mkdir -p "$one/data/secret"; cp "$pkg/problem.yaml" "$one/"; cp "$pkg/data/sample/1."* "$one/data/secret/"
chmod -R a+rX "$one"
judge >/dev/null  # warm-up (page cache, slot)
bare >/dev/null
best_bare=999 best_judge=999 best_one=999
for r in $(seq "$rounds"); do
  b=$(bare); j=$(judge)
  o=$(judge "$one")
  best_bare=$(calc "($b < $best_bare) ? $b : $best_bare")
  best_judge=$(calc "($j < $best_judge) ? $j : $best_judge")
  best_one=$(calc "($o < $best_one) ? $o : $best_one")
  printf 'round %d: bare %.3f s, shortlist judge %.3f s (1-case judging incl. compile %.3f s)\n' "$r" "$b" "$j" "$o"
done
bare_rate=$(calc "$runs / $best_bare")
judge_rate=$(calc "$runs / $best_judge")
judge_runs_rate=$(calc "($runs - 1) / ($best_judge - $best_one)")
printf '\n%d test runs (best of %d rounds)\n' "$runs" "$rounds"
printf 'bare loop (exec + cmp):        %8.1f runs/s\n' "$bare_rate"
printf 'shortlist judge, whole:        %8.1f runs/s   ratio %.2f (target >= 0.8)\n' "$judge_rate" "$(calc "$judge_rate / $bare_rate")"
printf 'shortlist judge, runs only:    %8.1f runs/s   ratio %.2f (compile and box start-up taken out)\n' \
  "$judge_runs_rate" "$(calc "$judge_runs_rate / $bare_rate")"
