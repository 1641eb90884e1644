#!/usr/bin/python3
"""scripts/bench rank: time `shortlist rank` on a full-size cohort and measure how
well each way of scoring reviews recovers the simulated truth.

    bench-rank.py BUILD_DIR [--applicants N (3000)] [--reviews-per-applicant R (3)] [--seed S] [--runs K (3)]

1. make-cohort N (reviews from simulated reviewers with harshness, spread and noise;
   truth.csv holds each applicant's hidden document quality), import applicants,
   reviewers and reviews (not graded: the quiz counts 0, so the ranking is the
   review's; grading is `scripts/bench cohort`'s job), campaign resamples 500.
2. `shortlist rank` K times: wall time, median and max (target < 2 s).
3. Kendall tau-b with the true document quality, and top-10% recall, for the plain
   mean of each applicant's review totals, the mean of per-reviewer z-scores, and
   shortlist's calibrated score (from ranking.json), all on the same rubric totals.
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def kendall_tau_b(x, y):
    """tau-b in O(n^2) vectorised rows (n = 3,000: 9 M pairs, about a second)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    concordant = discordant = ties_x = ties_y = 0
    for i in range(len(x) - 1):
        dx = np.sign(x[i + 1:] - x[i])
        dy = np.sign(y[i + 1:] - y[i])
        prod = dx * dy
        concordant += int((prod > 0).sum())
        discordant += int((prod < 0).sum())
        ties_x += int(((dx == 0) & (dy != 0)).sum())
        ties_y += int(((dy == 0) & (dx != 0)).sum())
    return (concordant - discordant) / np.sqrt((concordant + discordant + ties_x) * (concordant + discordant + ties_y))


def recall_top(score, truth, share=0.1):
    n = max(1, int(round(len(score) * share)))
    top_true = set(np.argsort(-np.asarray(truth), kind="stable")[:n])
    top_got = set(np.argsort(-np.asarray(score), kind="stable")[:n])
    return len(top_true & top_got) / n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--applicants", type=int, default=3000)
    ap.add_argument("--reviews-per-applicant", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    shortlist = os.path.join(a.build, "engine", "shortlist")
    work = tempfile.mkdtemp(prefix="bench-rank-")
    try:
        c = os.path.join(work, "c")
        subprocess.run([os.path.join(ROOT, "scripts", "make-cohort"), "--applicants", str(a.applicants), "--seed",
                        str(a.seed), "--reviews-per-applicant", str(a.reviews_per_applicant), c], check=True,
                       stdout=subprocess.DEVNULL)
        for what, f in (("applicants", "applicants.csv"), ("reviewers", "reviewers.csv"), ("reviews", "reviews.csv")):
            subprocess.run([shortlist, "import", what, f], cwd=c, check=True, stdout=subprocess.DEVNULL)
        n_reviews = sum(1 for _ in open(os.path.join(c, "reviews.csv"))) - 1
        walls = []
        for _ in range(a.runs):
            t = time.monotonic()
            subprocess.run([shortlist, "rank", "--out", "out"], cwd=c, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            walls.append(time.monotonic() - t)
        ranking = json.load(open(os.path.join(c, "out", "ranking.json")))
        resamples = ranking["settings"]["resamples"]

        truth = {r["applicant_id"]: float(r["document_quality"]) for r in csv.DictReader(open(os.path.join(c, "truth.csv")))}
        weights = {k["name"]: k for k in ranking["criteria"]}

        def total(row):  # the same rubric total shortlist calibrates (rank/shortlist_files.h)
            s = sum(k["weight"] * (float(row[n]) - k["min"]) / (k["max"] - k["min"]) for n, k in weights.items())
            return 10 * s / sum(k["weight"] for k in weights.values())

        reviews = [(r["applicant_id"], r["reviewer_id"], total(r)) for r in csv.DictReader(open(os.path.join(c, "reviews.csv")))]
        by_reviewer = {}
        for _, rid, t in reviews:
            by_reviewer.setdefault(rid, []).append(t)
        stats = {rid: (statistics.mean(v), statistics.stdev(v) if len(v) > 1 else 0) for rid, v in by_reviewer.items()}
        plain, zs = {}, {}
        for aid, rid, t in reviews:
            plain.setdefault(aid, []).append(t)
            m, s = stats[rid]
            zs.setdefault(aid, []).append((t - m) / s if s > 0 else 0)
        ids = sorted(truth)
        calibrated = {x["id"]: x["review"].get("calibrated", float("nan")) for x in ranking["applicants"]}
        true = [truth[i] for i in ids]
        methods = {
            "plain mean": [statistics.mean(plain[i]) for i in ids],
            "z-score mean": [statistics.mean(zs[i]) for i in ids],
            "shortlist (calibrated)": [calibrated[i] for i in ids],
        }
        print("scripts/bench rank: %d applicants, %d reviews by %d reviewers, %d resamples (seed %d)"
              % (len(ids), n_reviews, len(by_reviewer), resamples, a.seed))
        print("  shortlist rank wall: median %.3f s, max %.3f s over %d runs (target < 2 s)"
              % (statistics.median(walls), max(walls), len(walls)))
        print("  %-24s %10s %16s" % ("method", "Kendall tau", "top-10% recall"))
        for name, score in methods.items():
            print("  %-24s %10.3f %16.3f" % (name, kendall_tau_b(score, true), recall_top(score, true)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
