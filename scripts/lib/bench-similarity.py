#!/usr/bin/python3
"""scripts/bench similarity: `shortlist similarity` on one problem of a full-size
cohort: wall time, peak memory, and precision/recall on the planted copies.

    bench-similarity.py BUILD_DIR [--applicants N (3000)] [--seed S] [--copies F (0.03)]
                        [--copy-edits RATE (0)] [--problem P (featsel)] [--runs K (3)]

1. make-cohort N with a share F of applicants sending a near-copy of another's
   solution (renamed identifiers, reordered functions, changed comments: copies.csv
   is the truth; with --copy-edits RATE the copier also makes a few behaviour-keeping
   edits, each of make-cohort's rewrites at RATE), imported (not graded: similarity
   reads sources only).
2. `shortlist similarity --problem P --json` K times: wall time (median, max) and
   the process's peak RSS (targets: < 3 s, < 500 MB on 2 cores). The baseline, in
   the same run: the same command on a cohort a tenth the size (same seed), and the
   factor an all-pairs comparison would grow by (100x) against the factor measured.
3. Precision and recall of the flagged pairs against the planted ones for P at the
   run's own threshold, the recall reached at precision >= 0.9, and the AUC
   (scripts/lib/similarity-accuracy.py); then the same for every problem.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cohort(work, name, applicants, seed, copies, copy_edits, shortlist):
    c = os.path.join(work, name)
    subprocess.run([os.path.join(ROOT, "scripts", "make-cohort"), "--applicants", str(applicants), "--seed", str(seed),
                    "--copies", str(copies), "--copy-edits", str(copy_edits), c], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([shortlist, "import", "applicants", "applicants.csv"], cwd=c, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([shortlist, "import", "submissions", "submissions"], cwd=c, check=True, stdout=subprocess.DEVNULL)
    return c


def timed(argv, cwd, out_path):
    """Wall seconds and peak RSS (MB) of one run, its stdout written to out_path."""
    with open(out_path, "w") as out:
        t = time.monotonic()
        p = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("bench similarity: %s failed (exit %d): %s" % (" ".join(argv), p.returncode, p.stderr.read().decode()))
    return wall, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--applicants", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--copies", type=float, default=0.03)
    ap.add_argument("--copy-edits", type=float, default=0.0)
    ap.add_argument("--problem", default="featsel")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    shortlist = os.path.join(os.path.abspath(a.build), "engine", "shortlist")
    accuracy = os.path.join(ROOT, "scripts", "lib", "similarity-accuracy.py")
    work = tempfile.mkdtemp(prefix="bench-similarity-")
    try:
        small = cohort(work, "small", max(10, a.applicants // 10), a.seed, a.copies, a.copy_edits, shortlist)
        full = cohort(work, "full", a.applicants, a.seed, a.copies, a.copy_edits, shortlist)
        argv = [shortlist, "similarity", "--problem", a.problem, "--json"]
        small_walls = [timed(argv, small, os.path.join(work, "small.json"))[0] for _ in range(a.runs)]
        runs = [timed(argv, full, os.path.join(work, "full.json")) for _ in range(a.runs)]
        walls = [w for w, _ in runs]
        rss = max(r for _, r in runs)
        subs = sum(1 for d in os.listdir(os.path.join(full, "submissions"))
                   for f in os.listdir(os.path.join(full, "submissions", d)) if f.startswith(a.problem + "."))
        small_subs = sum(1 for d in os.listdir(os.path.join(small, "submissions"))
                         for f in os.listdir(os.path.join(small, "submissions", d)) if f.startswith(a.problem + "."))
        print("scripts/bench similarity: problem %s, %d applicants (seed %d, %.0f%% send a near-copy%s): %d submissions"
              % (a.problem, a.applicants, a.seed, 100 * a.copies,
                 ", edited at rate %g" % a.copy_edits if a.copy_edits else "", subs))
        print("  shortlist similarity --problem %s --json: wall median %.3f s, max %.3f s over %d runs (target < 3 s); "
              "peak RSS %.0f MB (target < 500 MB)" % (a.problem, statistics.median(walls), max(walls), len(walls), rss))
        growth = statistics.median(walls) / max(1e-9, statistics.median(small_walls))
        pairs_growth = (subs * (subs - 1)) / max(1, small_subs * (small_subs - 1))
        print("  baseline, same run: %d submissions (a tenth of the cohort) in %.3f s; %.1fx the submissions took "
              "%.1fx the time, where comparing all pairs would take %.0fx"
              % (small_subs, statistics.median(small_walls), subs / max(1, small_subs), growth, pairs_growth))
        sys.stdout.flush()
        print("  accuracy on the planted copies (%s):" % a.problem)
        sys.stdout.flush()
        subprocess.run([accuracy, full, os.path.join(work, "full.json"), "--problem", a.problem])
        every = os.path.join(work, "every.json")
        timed([shortlist, "similarity", "--json"], full, every)
        print("  every problem:")
        sys.stdout.flush()
        subprocess.run([accuracy, full, every])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
