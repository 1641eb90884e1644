# Welford's one-pass update: a running mean and a running sum of squared deviations from it.
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    mean = 0.0
    m2 = 0.0
    for k, token in enumerate(data[1:n + 1], start=1):
        x = float(token)
        delta = x - mean
        mean += delta / k
        m2 += delta * (x - mean)
    sys.stdout.write('{:.10f} {:.10f}\n'.format(mean, m2 / n))


main()
