# WRONG: the optimal partition is found correctly (DP over the sorted points,
# split points found with divide and conquer), but each center is printed as
# sum // count, i.e. the segment mean floored to an integer. A center off by up
# to 1 from the mean costs up to (segment size) extra, far more than the 1e-6
# relative tolerance whenever the optimum is small (sample 2, few distinct values).
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

    def cost(l, r):
        s = p1[r] - p1[l]
        return (p2[r] - p2[l]) - s * s / (r - l)

    inf = float('inf')
    prev = [inf] + [cost(0, i) for i in range(1, n + 1)]
    split = [None, [0] * (n + 1)]
    for layer in range(2, k + 1):
        cur = [inf] * (n + 1)
        arg = [0] * (n + 1)

        def solve(lo, hi, olo, ohi):
            if lo > hi:
                return
            mid = (lo + hi) // 2
            best, bj = inf, olo
            for j in range(max(olo, layer - 1), min(ohi, mid - 1) + 1):
                v = prev[j] + cost(j, mid)
                if v < best:
                    best, bj = v, j
            cur[mid], arg[mid] = best, bj
            solve(lo, mid - 1, olo, bj)
            solve(mid + 1, hi, bj, ohi)

        solve(layer, n, layer - 1, n - 1)
        split.append(arg)
        prev = cur
    r = n
    for layer in range(k, 0, -1):
        l = split[layer][r] if layer > 1 else 0
        print((p1[r] - p1[l]) // (r - l))  # BUG: integer division
        r = l


main()
