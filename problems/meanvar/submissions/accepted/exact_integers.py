# Exact arithmetic: every number becomes a whole count of millionths, the sums stay Python ints.
import sys


def micros(token):
    # |x| <= 10^6 with at most 6 decimals: x * 10^6 is an integer up to a tiny rounding error
    return round(float(token) * 1e6)


def main():
    n = int(sys.stdin.readline())
    s1 = s2 = 0
    for v in map(micros, sys.stdin.readline().split()):
        s1 += v
        s2 += v * v
    unit = 10**6
    # int / int is rounded correctly, however large the numerator
    print('%.10f %.10f' % (s1 / (n * unit), (n * s2 - s1 * s1) / (n * unit) ** 2))


main()
