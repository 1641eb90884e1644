# 1D k-means: DP over the sorted points with divide-and-conquer optimisation
# (the best split point is monotone), O(K N log N) cost evaluations.
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
    back = [None, [0] * (n + 1)]
    sys.setrecursionlimit(10000)
    for layer in range(2, k + 1):
        cur = [inf] * (n + 1)
        arg = [0] * (n + 1)
        stack = [(layer, n, layer - 1, n - 1)]
        while stack:
            lo, hi, olo, ohi = stack.pop()
            if lo > hi:
                continue
            mid = (lo + hi) // 2
            best, bj = inf, olo
            for j in range(max(olo, layer - 1), min(ohi, mid - 1) + 1):
                v = prev[j] + cost(j, mid)
                if v < best:
                    best, bj = v, j
            cur[mid], arg[mid] = best, bj
            stack.append((lo, mid - 1, olo, bj))
            stack.append((mid + 1, hi, bj, ohi))
        back.append(arg)
        prev = cur
    out = []
    r = n
    for layer in range(k, 0, -1):
        l = back[layer][r] if layer > 1 else 0
        out.append('%.10f' % ((p1[r] - p1[l]) / (r - l)))
        r = l
    print('\n'.join(out))


main()
