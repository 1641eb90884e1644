# Split the rows by label. With S = X^T X over all rows and P = X^T X over the rows
# labelled 1, N^2 cov(i, j) = N P[i, j] - Y S[i, j]: integers below 2^53, so the
# float64 products are exact and ties compare exactly.
import sys

import numpy as np


def solve(tokens):
    n, m = int(tokens[0]), int(tokens[1])
    table = np.array(list(map(int, tokens[2:2 + n * (m + 1)])), dtype=np.int64).reshape(n, m + 1)
    x = table[:, :m].astype(np.float64)
    positive = table[:, m] == 1
    ones = int(positive.sum())
    s = x.T @ x
    p = x[positive].T @ x[positive]
    c = np.abs(n * p - ones * s)
    best, bi, bj = -1.0, 0, 1
    for i in range(m - 1):
        j = i + 1 + int(np.argmax(c[i, i + 1:]))  # the first maximum: the smallest j
        if c[i, j] > best:
            best, bi, bj = c[i, j], i, j
    return bi + 1, bj + 1


def main():
    print(*solve(sys.stdin.buffer.read().split()))


main()
