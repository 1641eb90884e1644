# CRASHES when K exceeds the number of distinct values (e.g. K = N with
# duplicates): the points are compressed to (value, count) pairs and the DP runs
# over the distinct values, so no K-segment partition exists; the reconstruction
# then reaches an empty segment and divides by zero (ZeroDivisionError).
# Otherwise the O(K M^2) dynamic program over the M distinct values, vectorised
# with numpy, which is correct.
import sys
from collections import Counter

import numpy as np


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    groups = sorted(Counter(map(int, data[2:2 + n])).items())
    m = len(groups)
    w = [0] * (m + 1)   # prefix sums of counts, count*value, count*value^2
    p1 = [0] * (m + 1)
    p2 = [0] * (m + 1)
    for i, (v, c) in enumerate(groups):
        w[i + 1] = w[i] + c
        p1[i + 1] = p1[i] + c * v
        p2[i + 1] = p2[i] + c * v * v
    W, P1, P2 = (np.array(a, dtype=np.int64) for a in (w, p1, p2))

    inf = float('inf')
    prev = np.full(m + 1, inf)
    prev[0] = 0.0
    back = [None]
    for layer in range(1, k + 1):
        cur = np.full(m + 1, inf)
        arg = [0] * (m + 1)
        for i in range(layer, m + 1):
            p = np.arange(layer - 1, i)
            c = W[i] - W[p]
            s = P1[i] - P1[p]
            cost = (c * (P2[i] - P2[p]) - s * s) / c   # exact numerator in int64
            tot = prev[p] + cost
            j = int(np.argmin(tot))
            cur[i], arg[i] = tot[j], int(p[j])
        back.append(arg)
        prev = cur
    out = []
    r = m
    for layer in range(k, 0, -1):
        l = back[layer][r]
        out.append('%.10f' % ((p1[r] - p1[l]) / (w[r] - w[l])))
        r = l
    print('\n'.join(out))


main()
