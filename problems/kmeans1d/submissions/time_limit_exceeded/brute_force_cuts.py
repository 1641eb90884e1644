# TOO SLOW: tries every way to cut the sorted points into K contiguous groups,
# i.e. all C(N-1, K-1) subsets of cut positions. Exact, but exponential.
import itertools
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    xs = sorted(map(int, data[2:2 + n]))
    p1 = [0] * (n + 1)
    p2 = [0] * (n + 1)
    for i, x in enumerate(xs):
        p1[i + 1] = p1[i] + x
        p2[i + 1] = p2[i] + x * x
    best, best_cuts = None, None
    for cuts in itertools.combinations(range(1, n), k - 1):
        bounds = (0,) + cuts + (n,)
        total = 0.0
        for a, b in zip(bounds, bounds[1:]):
            s = p1[b] - p1[a]
            total += (p2[b] - p2[a]) - s * s / (b - a)
        if best is None or total < best:
            best, best_cuts = total, bounds
    for a, b in zip(best_cuts, best_cuts[1:]):
        print('%.10f' % ((p1[b] - p1[a]) / (b - a)))


main()
