#!/usr/bin/python3
"""Checks make-cohort's claim that restyle() (restyle.py) keeps a program's behaviour: each given
example submission is restyled N times (each time as a different applicant would
write it) and judged with `shortlist judge`; every restyled copy must get the same
verdict and score as the example itself.

    restyle-check.py SHORTLIST SOURCE... [--copies N (10)] [--seed S (1)] [--jobs J (2)]

SOURCE is an example under problems/P/submissions/. Exit status 1 if any copy
differs; the copy and its diff against the example are kept and printed.
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import random
import subprocess
import sys
import tempfile

from restyle import restyle

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def judge(shortlist, problem, path):
    p = subprocess.run([shortlist, "judge", "--json", problem, path], capture_output=True, text=True)
    if p.returncode not in (0, 1) or not p.stdout.strip():
        return ("error", None, p.stderr.strip())
    r = json.loads(p.stdout)
    return (r["verdict"], r.get("score"), r.get("message", ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shortlist")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="restyle-check-")
    jobs = []  # (example, problem, copy path or None for the example itself)
    for source in a.sources:
        source = os.path.abspath(source)
        problem = source.split("/submissions/")[0]
        lang = "py" if source.endswith(".py") else "cpp"
        text = open(source).read()
        jobs.append((source, problem, source))
        for n in range(a.copies):
            rng = random.Random("%d:%s:%d" % (a.seed, source, n))
            copy = os.path.join(work, "%s.%d.%s" % (os.path.basename(source).rsplit(".", 1)[0], n, lang))
            with open(copy, "w") as f:
                f.write(restyle(text, lang, rng, {}))
            jobs.append((source, problem, copy))
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(lambda j: judge(a.shortlist, j[1], j[2]), jobs))
    expected = {j[0]: r for j, r in zip(jobs, results) if j[0] == j[2]}
    bad = 0
    for (source, _, copy), r in zip(jobs, results):
        if copy == source:
            continue
        if r[:2] != expected[source][:2]:
            bad += 1
            print("DIFFERS: %s: example %s %s, restyled %s %s (%s)" % (copy, *expected[source][:2], *r[:2], r[2]))
            sys.stdout.writelines(difflib.unified_diff(open(source).readlines(), open(copy).readlines(), source, copy))
    for source, r in expected.items():
        print("%s: %s %s, %d restyled copies checked" % (os.path.relpath(source, ROOT), r[0], r[1], a.copies))
    print("%d of %d restyled copies behave differently%s" % (bad, len(jobs) - len(expected),
                                                              " (kept in %s)" % work if bad else ""))
    if not bad:
        subprocess.run(["rm", "-rf", work])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
