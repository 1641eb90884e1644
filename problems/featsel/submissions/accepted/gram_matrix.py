# numpy: C = X^T diag(w) X with w_r = N y_r - Y, so C[i, j] = N^2 cov(i, j).
# float64 is exact here: every product and partial sum is an integer below 2^53
# (|w| <= 2000, x <= 9, N <= 2000: |C| <= 2000 * 81 * 2000).
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
    c[np.tril_indices(m)] = -1  # only pairs i < j
    # argmax takes the first maximum in row-major order: smallest i, then smallest j.
    i, j = divmod(int(np.argmax(c)), m)
    print(i + 1, j + 1)


main()
