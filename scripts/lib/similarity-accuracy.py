#!/usr/bin/python3
"""similarity-accuracy: how well `shortlist similarity` finds make-cohort's planted copies.

    similarity-accuracy.py COHORT_DIR SIMILARITY_JSON [--problem P] [--min-recall R] [--min-precision P]
                           [--min-auc A]

COHORT_DIR holds copies.csv (original,copy,problem: the near-copies make-cohort
planted); SIMILARITY_JSON is `shortlist similarity --json` of that campaign. The
truth per problem: applicants in one chain of copies belong together (a copy of a
copy is still a copy), every pair of them is a planted pair. Printed per problem
and overall: planted pairs, flagged pairs, precision and recall at the run's own
threshold, the recall reached at precision >= 0.9 (the best cut), and the AUC
over every pair of applicants (pairs below the floor count as score 0).
Exit 1 if --min-recall or --min-precision is not met at the run's threshold, or if
some problem's AUC is below --min-auc.
"""
import argparse
import bisect
import csv
import itertools
import json
import os
import sys


def planted_pairs(cohort, problem_ids):
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    with open(os.path.join(cohort, "copies.csv")) as f:
        for row in csv.DictReader(f):
            if row["problem"] in problem_ids:
                parent[find((row["problem"], row["original"]))] = find((row["problem"], row["copy"]))
    groups = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    truth = set()
    for members in groups.values():
        for (p, a), (_, b) in itertools.combinations(sorted(members), 2):
            truth.add((p, min(a, b), max(a, b)))
    return truth


def auc(positive_scores, negative_scores, negatives_total):
    """P(a planted pair scores above an unplanted one), ties counting half; the
    negatives not listed (below the floor) count as score 0."""
    zeros = negatives_total - len(negative_scores)
    neg_sorted = sorted(negative_scores)
    wins = 0.0
    for s in positive_scores:
        below = bisect.bisect_left(neg_sorted, s)
        equal = bisect.bisect_right(neg_sorted, s) - below
        wins += below + 0.5 * equal + (zeros if s > 0 else 0.5 * zeros)
    total = len(positive_scores) * negatives_total
    return wins / total if total else float("nan")


def main():
    ap = argparse.ArgumentParser(description="Precision and recall of shortlist similarity on planted copies.")
    ap.add_argument("cohort")
    ap.add_argument("json")
    ap.add_argument("--problem", action="append", help="only these problems (default: every one in the JSON)")
    ap.add_argument("--min-recall", type=float, default=0)
    ap.add_argument("--min-precision", type=float, default=0)
    ap.add_argument("--min-auc", type=float, default=0)
    a = ap.parse_args()
    with open(a.json) as f:
        result = json.load(f)
    problems = [p for p in result["problems"] if not a.problem or p["id"] in a.problem]
    truth = planted_pairs(a.cohort, {p["id"] for p in problems})
    totals = {"planted": 0, "flagged": 0, "hits": 0}
    ok = True
    for p in problems:
        key = lambda x: (p["id"], min(x["a"], x["b"]), max(x["a"], x["b"]))
        scores = {key(x): x["score"] for x in p["pairs"]}
        flagged = {key(x) for x in p["pairs"] if x["flagged"]}
        planted = {t for t in truth if t[0] == p["id"]}
        hits = len(flagged & planted)
        precision = hits / len(flagged) if flagged else 1.0
        recall = hits / len(planted) if planted else 1.0
        # The best cut: the highest recall whose precision is still >= 0.9.
        best = 0.0
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        tp = 0
        for i, (k, s) in enumerate(ranked, 1):
            tp += k in planted
            if tp / i >= 0.9 and planted:
                best = max(best, tp / len(planted))
        n = p["applicants"]
        negatives_total = n * (n - 1) // 2 - len(planted)
        pos = [scores.get(t, 0.0) for t in planted]
        neg = [s for k, s in scores.items() if k not in planted]
        area = auc(pos, neg, negatives_total)
        if planted and not area >= a.min_auc:
            print("%s: AUC %.4f is below the required %.4f" % (p["id"], area, a.min_auc))
            ok = False
        missed = sorted(planted - flagged)
        print("%s: %d submissions, %d planted pairs, %d flagged at %.2f: precision %.3f, recall %.3f; "
              "recall at precision >= 0.9: %.3f; AUC %.4f" % (p["id"], p["submissions"], len(planted), len(flagged),
                                                               p["threshold"], precision, recall, best, area))
        if pos:
            ranked_neg = sorted(neg, reverse=True)
            print("  planted pairs score min %.2f, median %.2f; other pairs: highest %.2f, 10th highest %.2f"
                  % (min(pos), sorted(pos)[len(pos) // 2], ranked_neg[0] if ranked_neg else 0.0,
                     ranked_neg[9] if len(ranked_neg) > 9 else 0.0))
        if missed:
            print("  missed: " + ", ".join("%s~%s (%.2f)" % (x[1], x[2], scores.get(x, 0.0)) for x in missed[:8])
                  + (" ..." if len(missed) > 8 else ""))
        wrong = sorted(flagged - planted, key=lambda k: -scores[k])
        if wrong:
            print("  flagged, not planted: " + ", ".join("%s~%s (%.2f)" % (x[1], x[2], scores[x]) for x in wrong[:8])
                  + (" ..." if len(wrong) > 8 else ""))
        totals["planted"] += len(planted)
        totals["flagged"] += len(flagged)
        totals["hits"] += hits
    precision = totals["hits"] / totals["flagged"] if totals["flagged"] else 1.0
    recall = totals["hits"] / totals["planted"] if totals["planted"] else 1.0
    print("overall: %d planted pairs, %d flagged, %d of them planted: precision %.3f, recall %.3f"
          % (totals["planted"], totals["flagged"], totals["hits"], precision, recall))
    if totals["planted"] == 0:
        print("no planted pairs: nothing was measured")
        ok = False
    if recall < a.min_recall:
        print("recall %.3f is below the required %.3f" % (recall, a.min_recall))
        ok = False
    if precision < a.min_precision:
        print("precision %.3f is below the required %.3f" % (precision, a.min_precision))
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
