# One feature at a time: with u = x_i * (N y - Y), N^2 cov(i, j) = u . x_j for every
# later feature j at once (exact in int64: |u . x_j| <= 2000 * 9 * 9 * 2000).
import sys

import numpy as np


def main():
    values = np.fromstring(sys.stdin.read(), dtype=np.int64, sep=' ')
    n, m = int(values[0]), int(values[1])
    data = values[2:2 + n * (m + 1)].reshape(n, m + 1)
    x = np.ascontiguousarray(data[:, :m].T)  # one row per feature
    label = data[:, m]
    weight = n * label - int(label.sum())
    best = -1
    answer = (1, 2)
    for i in range(m - 1):
        cov = np.abs(x[i + 1:] @ (x[i] * weight))
        k = int(np.argmax(cov))
        if cov[k] > best:
            best = int(cov[k])
            answer = (i + 1, i + k + 2)
    print(answer[0], answer[1])


main()
