# CRASHES when M > 60: a score table sized for "at most 60 features" (group 2's
# bound) raises IndexError on group 3. Groups 1 and 2: 60 points.
import sys
from operator import mul

MAX_M = 60


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    vals = list(map(int, data[2:2 + n * (m + 1)]))
    y = vals[m::m + 1]
    Y = sum(y)
    w = [n * v - Y for v in y]
    cols = [vals[k::m + 1] for k in range(m)]
    table = [[0] * MAX_M for _ in range(MAX_M)]
    for i in range(m):
        wi = list(map(mul, cols[i], w))
        for j in range(i + 1, m):
            table[i][j] = abs(sum(map(mul, wi, cols[j])))
    best, bi, bj = -1, 0, 1
    for i in range(m):
        for j in range(i + 1, m):
            if table[i][j] > best:
                best, bi, bj = table[i][j], i, j
    print(bi + 1, bj + 1)


main()
