#!/usr/bin/python3
"""Regenerates data/sample and data/secret of kmeans1d (deterministic).

Run from the package directory:  python3 generators/gen.py
The .ans file holds an optimal answer: the K centers (segment means) of an
optimal partition of the sorted points, found by the 1D k-means dynamic program
(divide-and-conquer over monotone split points). The output validator takes the
cost of these centers as OPT, so the judge answer is itself a valid output.
Centers are printed exactly when they have at most 10 decimals, else rounded to
10 decimals (which changes the cost by far less than the 1e-6 tolerance).
"""
import os
import random
from fractions import Fraction


def optimal_partition(xs, k):
    """Sorted xs, 1 <= k <= len(xs): list of segment starts of an optimal partition."""
    n = len(xs)
    p1 = [0] * (n + 1)
    p2 = [0] * (n + 1)
    for i, x in enumerate(xs):
        p1[i + 1] = p1[i] + x
        p2[i + 1] = p2[i] + x * x

    def cost(l, r):  # points l..r-1, r > l
        s = p1[r] - p1[l]
        return (p2[r] - p2[l]) - s * s / (r - l)

    INF = float('inf')
    prev = [INF] * (n + 1)
    for i in range(1, n + 1):
        prev[i] = cost(0, i)
    splits = [[0] * (n + 1)]
    for layer in range(2, k + 1):
        cur = [INF] * (n + 1)
        arg = [0] * (n + 1)

        def solve(lo, hi, olo, ohi):
            if lo > hi:
                return
            mid = (lo + hi) // 2
            best, bj = INF, -1
            for j in range(max(olo, layer - 1), min(ohi, mid - 1) + 1):
                v = prev[j] + cost(j, mid)
                if v < best:
                    best, bj = v, j
            cur[mid], arg[mid] = best, bj
            solve(lo, mid - 1, olo, bj)
            solve(mid + 1, hi, bj, ohi)

        solve(layer, n, layer - 1, n - 1)
        splits.append(arg)
        prev = cur
    starts = []
    r = n
    for layer in range(k, 0, -1):
        l = splits[layer - 1][r] if layer > 1 else 0
        starts.append(l)
        r = l
    return starts[::-1]


def centers_of(xs, starts):
    """Exact segment means (Fractions) of the partition given by segment starts."""
    bounds = starts + [len(xs)]
    return [Fraction(sum(xs[a:b]), b - a) for a, b in zip(bounds, bounds[1:])]


def cost_of(xs, centers):
    return sum(min((x - c) ** 2 for c in centers) for x in xs)


def fmt_center(v, digits=10):
    """Exact decimal if it has at most `digits` decimals, else rounded half away from zero."""
    neg = v < 0
    p, q = abs(v.numerator), v.denominator
    scaled = (p * 10**digits * 2 + q) // (2 * q)
    whole, frac = divmod(scaled, 10**digits)
    text = '%d' % whole
    if frac:
        text += ('.%0*d' % (digits, frac)).rstrip('0')
    return ('-' + text) if neg and scaled else text


def write(path, xs, k):
    n = len(xs)
    assert 1 <= n <= 2000 and 1 <= k <= min(10, n) and all(abs(x) <= 10**6 for x in xs)
    srt = sorted(xs)
    centers = centers_of(srt, optimal_partition(srt, k))
    texts = [fmt_center(c) for c in centers]
    opt = cost_of(srt, centers)
    printed = cost_of(srt, [Fraction(t) for t in texts])
    assert printed - opt <= Fraction(1, 10**9) * max(1, opt), (path, float(opt), float(printed))
    with open(path + '.in', 'w') as f:
        f.write('%d %d\n%s\n' % (n, k, ' '.join(map(str, xs))))
    with open(path + '.ans', 'w') as f:
        f.write('\n'.join(texts) + '\n')
    return opt


def clustered(rng, n, sizes_centers_spreads):
    xs = []
    total = sum(w for w, _, _ in sizes_centers_spreads)
    for w, c, s in sizes_centers_spreads:
        m = max(1, round(n * w / total))
        xs += [max(-10**6, min(10**6, round(rng.gauss(c, s)))) for _ in range(m)]
    xs = xs[:n]
    while len(xs) < n:
        xs.append(xs[rng.randrange(len(xs))])
    rng.shuffle(xs)
    return xs


def main():
    rng = random.Random(1977)
    samples = [
        ([1, 2, 3, 10, 11, 12], 2),
        ([5, -3, 8, 8, 100, 0, 7], 3),
    ]
    secret = [
        ([-1000000], 1),                                            # 01 single point
        ([10, -20, 30, -40, 50], 5),                                # 02 K = N
        ([3, 3, 7, 7, 7, -1, 0, 1000000, -1000000, 3], 10),         # 03 K = N with duplicates
        ([424242] * 100, 3),                                        # 04 all equal: OPT = 0
        ([rng.randint(-10**6, 10**6) for _ in range(2000)], 1),     # 05 K = 1: the mean
        ([rng.randint(-50, 50) for _ in range(20)], 3),             # 06 small random
        ([rng.randint(-10**6, 10**6) for _ in range(2000)], 10),    # 07 uniform, max size
        (clustered(rng, 2000, [(1, -900000 + 200000 * i, 15000) for i in range(10)]), 10),  # 08 ten clumps
        # 09 a huge clump plus small far-away ones: Lloyd's from a bad start wastes centers
        (clustered(rng, 2000, [(60, 0, 300000), (3, 900000, 1000), (2, -950000, 500), (1, 600000, 50)]), 7),
        (clustered(rng, 2000, [(1990, -10, 5000), (10, 1000000, 10)]), 2),   # 10 sizes 1990 vs 10
        ([rng.randint(0, 20) for _ in range(1500)], 10),            # 11 few distinct values
        ([rng.choice([-10**6, 10**6, 0]) for _ in range(2000)], 5), # 12 K > distinct values: OPT = 0
        ([rng.choice([1, -1]) * 2 ** rng.randint(0, 19) for _ in range(2000)], 6),  # 13 geometric scale
        ([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048], 4),   # 14 small, tricky
        ([rng.randint(-10**6, 10**6) for _ in range(300)], 6),      # 15 medium random
        (clustered(rng, 1000, [(5, -500000, 100000), (5, 500000, 100000), (1, 0, 1000)]), 3),  # 16
        (sorted(rng.randint(-10**6, 10**6) for _ in range(2000))[::-1], 9),  # 17 sorted descending
        ([(i * 7919) % 2001 - 1000 for i in range(2000)], 10),      # 18 a permutation of -1000..999
    ]
    for d in ('data/sample', 'data/secret'):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.endswith('.in') or f.endswith('.ans'):
                os.remove(os.path.join(d, f))
    for i, (xs, k) in enumerate(samples, 1):
        opt = write('data/sample/%02d' % i, xs, k)
        print('sample/%02d: N=%d K=%d OPT=%.6f' % (i, len(xs), k, opt))
    for i, (xs, k) in enumerate(secret, 1):
        opt = write('data/secret/%02d' % i, xs, k)
        print('secret/%02d: N=%d K=%d OPT=%.6f' % (i, len(xs), k, opt))


if __name__ == '__main__':
    main()
