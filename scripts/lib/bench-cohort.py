#!/usr/bin/python3
"""scripts/bench cohort: grade a synthetic cohort and compare with the floor.

    bench-cohort.py BUILD_DIR [--applicants N] [--seed S] [--workers W]

1. make-cohort N, import, then `shortlist grade` with a fresh compile cache: wall
   time, the engine's peak RSS (VmHWM of the grade process itself, sampled), test runs
   per second, compiles done and the cache hit rate.
2. The floor, in the same run: the same compiles and the same test runs outside the
   sandbox and without the engine (bare g++ / python3 on the same sources, each
   program run on the same inputs it was judged on, stopping where the judge
   stopped; kmeans1d's output validator run on each output), CPU time summed and
   divided by the cores. Interactive runs (guess) count the CPU the sandbox measured
   for the submission, as running them bare needs the validator's pipes.
Targets (issue 4): wall <= 1.25 x floor; engine peak RSS <= 300 MB.
"""
import argparse
import csv
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CXX = {"cpp20": "gnu++20", "cpp17": "gnu++17"}


def cpu_of(cmd, stdin=None, stdout=None, cwd=None, timeout=None):
    """Runs cmd, returns (exit code, CPU seconds of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    try:
        rc = p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = p.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return rc, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def grade(shortlist, campaign, workers, env):
    """Runs shortlist grade; returns (wall seconds, peak RSS bytes of the engine)."""
    start = time.monotonic()
    p = subprocess.Popen([shortlist, "grade", "--workers", str(workers)], cwd=campaign, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample():
        while p.poll() is None:
            try:
                with open("/proc/%d/status" % p.pid) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak[0] = max(peak[0], int(line.split()[1]) * 1024)
            except OSError:
                pass
            time.sleep(0.2)

    t = threading.Thread(target=sample)
    t.start()
    err = p.stderr.read().decode(errors="replace")
    p.wait()
    t.join()
    if p.returncode != 0:
        sys.exit("bench cohort: grade failed:\n" + err)
    m = re.findall(r"builds (\d+) \((\d+) from the compile cache\)", err)
    builds, cached = (int(m[-1][0]), int(m[-1][1])) if m else (0, 0)
    return time.monotonic() - start, peak[0], builds, cached


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--applicants", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    a = ap.parse_args()
    shortlist = os.path.join(os.path.abspath(a.build), "engine", "shortlist")
    work = tempfile.mkdtemp(prefix="bench-cohort-")
    os.chmod(work, 0o755)
    try:
        campaign = os.path.join(work, "c")
        subprocess.run([os.path.join(ROOT, "scripts", "make-cohort"), "--applicants", str(a.applicants), "--seed",
                        str(a.seed), campaign], check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, SHORTLIST_CACHE=os.path.join(work, "cache"))
        for cmd in (["import", "applicants", "applicants.csv"], ["import", "submissions", "submissions"]):
            subprocess.run([shortlist] + cmd, cwd=campaign, env=env, check=True, stdout=subprocess.DEVNULL)
        wall, rss, builds, cached = grade(shortlist, campaign, a.workers, env)

        db = sqlite3.connect(os.path.join(campaign, "shortlist.db"))
        judged = db.execute("SELECT COUNT(*) FROM judgings").fetchone()[0]
        runs = db.execute("SELECT COUNT(*) FROM test_results").fetchone()[0]
        distinct = db.execute("SELECT COUNT(DISTINCT source_hash || language) FROM submissions").fetchone()[0]

        # The floor: the same work, bare.
        problems = {p: os.path.join(ROOT, "problems", p) for p in ("meanvar", "kmeans1d", "featsel", "guess")}
        validator = os.path.join(work, "kmeans1d-validate")
        subprocess.run(["/usr/bin/g++", "-O2", "-o", validator,
                        os.path.join(problems["kmeans1d"], "output_validators", "validate", "validate.cpp")], check=True)
        compile_cpu, run_cpu, compile_times = 0.0, 0.0, {}
        rows = db.execute("SELECT g.id, s.language, s.source, s.problem_id, g.verdict FROM judgings g JOIN submissions s "
                          "ON s.id = g.submission_id").fetchall()
        built = {}
        scratch = os.path.join(work, "floor")
        os.makedirs(scratch)
        for jid, lang, source, problem, verdict in rows:
            key = (lang, source)
            if key not in built:
                d = os.path.join(scratch, str(len(built)))
                os.makedirs(d)
                if lang in CXX:
                    src = os.path.join(d, "main.cpp")
                    open(src, "wb").write(source)
                    binary = os.path.join(d, "prog")
                    rc, cpu = cpu_of(["/usr/bin/g++", "-x", "c++", "-O2", "-std=" + CXX[lang], "-static", "-pipe", "-o",
                                      binary, src])
                    cmd = [binary] if rc == 0 else None
                else:
                    src = os.path.join(d, "main.py")
                    open(src, "wb").write(source)
                    rc, cpu = cpu_of(["/usr/bin/python3", "-m", "py_compile", src])
                    cmd = ["/usr/bin/python3", src]
                compile_cpu += cpu
                compile_times.setdefault(lang, []).append(cpu)
                built[key] = cmd
            cmd = built[key]
            if cmd is None:
                continue
            tests = db.execute("SELECT name, cpu_s, verdict FROM test_results WHERE judging_id = ? ORDER BY idx",
                               (jid,)).fetchall()
            for name, cpu_s, tverdict in tests:
                if problem == "guess":
                    run_cpu += cpu_s
                    continue
                infile = os.path.join(problems[problem], "data", name + ".in")
                out = os.path.join(scratch, "out")
                with open(infile) as fin, open(out, "w") as fout:
                    # As the judge: up to the time limit it was judged at (TLE runs are cut there).
                    _, cpu = cpu_of(cmd, stdin=fin, stdout=fout, timeout=max(1.0, cpu_s) + 1)
                run_cpu += min(cpu, cpu_s + 0.05) if tverdict == "TLE" else cpu
                if problem == "kmeans1d" and tverdict in ("AC", "WA"):
                    fb = os.path.join(scratch, "fb")
                    os.makedirs(fb, exist_ok=True)
                    with open(out) as fo:
                        _, vcpu = cpu_of([validator, infile, os.path.join(problems[problem], "data", name + ".ans"),
                                          fb + "/"], stdin=fo)
                    run_cpu += vcpu
        cores = os.cpu_count()
        floor = (compile_cpu + run_cpu) / cores
        print("cohort: %d applicants, %d submissions judged, %d test runs, %d workers, %d cores" %
              (a.applicants, judged, runs, a.workers, cores))
        print("shortlist grade: wall %.1f s, %.1f test runs/s, engine peak RSS %.0f MB (target <= 300)" %
              (wall, runs / wall, rss / 1e6))
        print("builds (submissions, validators; compiled, or py_compile'd): %d, %d from the compile cache: hit rate "
              "%.0f%%; %d compiles done for %d distinct submitted sources" %
              (builds, cached, 100.0 * cached / builds if builds else 0, builds - cached, distinct))
        for lang, times in sorted(compile_times.items()):
            print("  median compile time, %s (bare): %.2f s over %d sources" % (lang, statistics.median(times), len(times)))
        print("floor: bare compiles %.1f s CPU + bare runs %.1f s CPU, / %d cores = %.1f s" %
              (compile_cpu, run_cpu, cores, floor))
        print("wall / floor = %.2f (target <= 1.25)" % (wall / floor if floor else float("inf")))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
