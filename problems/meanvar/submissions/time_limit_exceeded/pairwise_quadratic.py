# TOO SLOW: Var = 1/(2 N^2) * sum over all ordered pairs (x_i - x_j)^2, which is
# exact enough but takes O(N^2) time: hopeless for N = 200000.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    xs = list(map(float, data[1:n + 1]))
    mean = sum(xs) / n
    total = 0.0
    for i in range(n):
        xi = xs[i]
        for j in range(i + 1, n):
            d = xi - xs[j]
            total += d * d
    print('%.10f %.10f' % (mean, total / (n * n)))


main()
