# O(M^2 N) in plain Python: for every pair, one pass over the rows.
# Fast enough for groups 1 and 2 (M <= 60), too slow for group 3 (M = 400):
# expected score 60.
import sys
from operator import mul


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    vals = list(map(int, data[2:2 + n * (m + 1)]))
    y = vals[m::m + 1]
    Y = sum(y)
    w = [n * v - Y for v in y]
    cols = [vals[k::m + 1] for k in range(m)]
    weighted = [list(map(mul, col, w)) for col in cols]
    best, bi, bj = -1, 0, 1
    for i in range(m):
        wi = weighted[i]
        for j in range(i + 1, m):
            v = abs(sum(map(mul, wi, cols[j])))
            if v > best:
                best, bi, bj = v, i, j
    print(bi + 1, bj + 1)


main()
