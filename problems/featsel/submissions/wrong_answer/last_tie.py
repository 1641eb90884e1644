# WRONG: the right scores (numpy Gram matrix, exact in float64), but `>=` keeps
# the last of several equally good pairs instead of the first.
import sys

import numpy as np


def main():
    head, _, body = sys.stdin.buffer.read().partition(b'\n')
    n, m = map(int, head.split())
    # Every row is M single digits and a 0/1 label, single spaces: 2M + 2 bytes.
    rows = (np.frombuffer(body, dtype=np.uint8)[: n * (2 * m + 2)].reshape(n, 2 * m + 2)[:, 0 : 2 * m + 1 : 2]
            - ord('0')).astype(np.int64)
    x = rows[:, :m].astype(np.float64)
    y = rows[:, m]
    w = (n * y - y.sum()).astype(np.float64)
    c = np.abs(x.T @ (x * w[:, None]))
    best, bi, bj = -1.0, 0, 1
    for i in range(m):
        for j in range(i + 1, m):
            if c[i, j] >= best:
                best, bi, bj = c[i, j], i, j
    print(bi + 1, bj + 1)


main()
